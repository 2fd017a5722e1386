//! JUnit XML, for CI systems that show test results (GitLab, Jenkins,
//! Azure): one `<testsuite>` per bundle, one `<testcase>` per rule in it.
//!
//! A testcase fails when its rule produced a finding that says something
//! is wrong: a conflict, an internal inconsistency or a reference mismatch,
//! whatever the severity (`--fail-on` decides the exit code; this decides
//! what a test dashboard shows red). Agreements and single-source claims
//! are listed in `<system-out>` of a passing testcase. Rules come from the
//! loaded packs, so a rule that found nothing shows as a passing test.

use std::io::Write;

use super::index::BundleIndex;
use super::markup::xml as escape;
use super::{BundleReport, RenderContext, Report};
use crate::rules::{Finding, Verdict};

/// [`escape`] for attribute values, where a literal newline would be
/// normalized to a space by any XML parser.
fn attr(s: &str) -> String {
    escape(s)
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}

fn fails(f: &Finding) -> bool {
    matches!(
        f.verdict,
        Verdict::Conflict | Verdict::Internal | Verdict::Reference
    )
}

struct Case<'a> {
    rule: &'a str,
    findings: Vec<&'a Finding>,
}

fn cases<'a>(b: &'a BundleReport, ctx: &'a RenderContext) -> Vec<Case<'a>> {
    let mut order: Vec<&str> = Vec::new();
    for r in &ctx.rules {
        if !order.contains(&r.id.as_str()) {
            order.push(&r.id);
        }
    }
    for f in &b.findings {
        if !order.contains(&f.rule.as_str()) {
            order.push(&f.rule);
        }
    }
    order
        .into_iter()
        .map(|rule| Case {
            rule,
            findings: b.findings.iter().filter(|f| f.rule == rule).collect(),
        })
        .collect()
}

pub fn render(report: &Report, ctx: &RenderContext, out: &mut dyn Write) -> std::io::Result<()> {
    let suites: Vec<(&BundleReport, Vec<Case>)> =
        report.bundles.iter().map(|b| (b, cases(b, ctx))).collect();
    let tests: usize = suites.iter().map(|(_, c)| c.len()).sum();
    let failures: usize = suites
        .iter()
        .flat_map(|(_, c)| c)
        .filter(|c| c.findings.iter().any(|f| fails(f)))
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="factlint" tests="{tests}" failures="{failures}" errors="0" skipped="0">"#
    )?;
    for (b, cases) in &suites {
        suite(b, cases, out)?;
    }
    writeln!(out, "</testsuites>")
}

fn suite(b: &BundleReport, cases: &[Case], out: &mut dyn Write) -> std::io::Result<()> {
    let failures = cases
        .iter()
        .filter(|c| c.findings.iter().any(|f| fails(f)))
        .count();
    let index = BundleIndex::new(b);
    writeln!(
        out,
        r#"  <testsuite name="{}" tests="{}" failures="{failures}" errors="0" skipped="0">"#,
        attr(&b.name),
        cases.len()
    )?;
    writeln!(
        out,
        r#"    <properties><property name="path" value="{}"/></properties>"#,
        attr(&b.path)
    )?;
    let classname = format!("factlint.{}", b.name);
    for case in cases {
        let failing: Vec<&Finding> = case.findings.iter().copied().filter(|f| fails(f)).collect();
        let passing: Vec<&Finding> = case
            .findings
            .iter()
            .copied()
            .filter(|f| !fails(f))
            .collect();
        write!(
            out,
            r#"    <testcase name="{}" classname="{}""#,
            attr(case.rule),
            attr(&classname)
        )?;
        if failing.is_empty() && passing.is_empty() {
            writeln!(out, "/>")?;
            continue;
        }
        writeln!(out, ">")?;
        if let Some(first) = failing.first() {
            let message = if failing.len() == 1 {
                first.message.clone()
            } else {
                format!("{} findings; first: {}", failing.len(), first.message)
            };
            let body: Vec<String> = failing.iter().map(|f| describe(f, &index)).collect();
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}</failure>"#,
                attr(&message),
                first.verdict.as_str(),
                escape(&body.join("\n"))
            )?;
        }
        if !passing.is_empty() {
            let body: Vec<String> = passing.iter().map(|f| describe(f, &index)).collect();
            writeln!(
                out,
                "      <system-out>{}</system-out>",
                escape(&body.join("\n"))
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")
}

/// A finding as plain text: its message, then each fact's place and
/// sentence.
fn describe(f: &Finding, index: &BundleIndex) -> String {
    let mut s = format!(
        "{} [{}] {}: {}",
        f.severity.as_str(),
        f.verdict.as_str(),
        f.rule,
        f.message
    );
    for fact in index.facts_of(f) {
        let path = index.path(&fact.source);
        s.push_str(&format!(
            "\n  {path}:{}:{} {}\n    {}",
            fact.span.line,
            fact.span.column,
            fact.value.display(),
            fact.sentence
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;

    fn output(ctx: &RenderContext) -> String {
        let mut out = Vec::new();
        render(&samples::sample_report(), ctx, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn with_rules() -> RenderContext {
        RenderContext {
            rules: samples::rules(),
            ..RenderContext::default()
        }
    }

    #[test]
    fn one_testcase_per_rule_failing_on_conflicts() {
        let out = output(&with_rules());
        assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
        assert!(out.contains(
            r#"<testsuites name="factlint" tests="5" failures="2" errors="0" skipped="0">"#
        ));
        assert!(out.contains(r#"<testsuite name="parade" tests="5" failures="2""#));
        assert_eq!(out.matches("<testcase ").count(), 5);
        // A rule that found nothing passes.
        assert!(out.contains(r#"<testcase name="calendar" classname="factlint.parade"/>"#));
        // An agreement passes, listed in system-out.
        let agree = &out[out.find(r#"name="date-agree""#).unwrap()..];
        let agree = &agree[..agree.find("</testcase>").unwrap()];
        assert!(!agree.contains("<failure"));
        assert!(agree.contains("<system-out>info [agree] date-agree"));
        // A conflict fails, with its sentences.
        let conflict = &out[out.find(r#"name="precedent-conflict""#).unwrap()..];
        let conflict = &conflict[..conflict.find("</testcase>").unwrap()];
        assert!(conflict.contains(r#"<failure message="002 calls it unprecedented; 004 cites a 1987 precedent" type="conflict">"#));
        assert!(conflict.contains("bundle/004_cccc.txt:9:26 last in 1987 (38 years)"));
    }

    #[test]
    fn rules_named_only_by_findings_still_get_a_testcase() {
        let out = output(&RenderContext::default());
        assert_eq!(out.matches("<testcase ").count(), 4);
        assert!(!out.contains("calendar"));
    }

    #[test]
    fn everything_is_escaped() {
        let out = output(&with_rules());
        assert!(!out.contains("<script"));
        assert!(!out.contains("<img"));
        assert!(!out.contains("<b>"));
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(out.contains("onerror=&quot;document.body.id=&apos;pwned&apos;&quot;"));
        assert_eq!(attr("a\nb"), "a&#10;b");
    }
}

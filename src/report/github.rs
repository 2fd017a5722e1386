//! GitHub Actions workflow commands: one annotation per finding
//! (`::error`, `::warning` or `::notice` by severity), placed at the
//! finding's first fact; the other sources' locations follow in the
//! message, since an annotation has a single file. One per finding rather
//! than one per fact because GitHub caps annotations per step.
//!
//! Agreements are not annotated: they are passes, and an annotation asks
//! someone to look. Standard output carries workflow commands and nothing
//! else, so tools that parse it line by line meet nothing unexpected; the
//! summary line ([`summary`]) is the CLI's to print on standard error.
//!
//! Escaping follows `@actions/core`: in the message `%`, CR and LF are
//! percent-encoded; in properties also `:` and `,`.

use std::io::Write;

use super::index::BundleIndex;
use super::{BundleReport, Report};
use crate::facts::Fact;
use crate::rules::{Severity, Verdict};

pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    super::stream::render_with(&mut Sink, report, out)
}

/// Annotations a bundle at a time.
pub struct Sink;

impl super::stream::Sink for Sink {
    fn bundle(&mut self, b: &BundleReport, out: &mut dyn Write) -> std::io::Result<()> {
        let index = BundleIndex::new(b);
        let path_of = |f: &Fact| -> String { index.path(&f.source).replace('\\', "/") };
        for f in b
            .findings
            .iter()
            .filter(|f| !matches!(f.verdict, Verdict::Agree | Verdict::NotComparable))
        {
            let involved: Vec<&Fact> = index.facts_of(f).collect();
            let mut props = Vec::new();
            if let Some(first) = involved.first() {
                props.push(format!("file={}", escape_property(&path_of(first))));
                props.push(format!("line={}", first.span.line));
                props.push(format!("col={}", first.span.column));
            }
            props.push(format!(
                "title={}",
                escape_property(&format!("factlint {} ({})", f.rule, f.verdict.as_str()))
            ));
            let mut message = f.message.clone();
            if involved.len() > 1 {
                let others: Vec<String> = involved[1..]
                    .iter()
                    .map(|x| format!("{}:{}:{}", path_of(x), x.span.line, x.span.column))
                    .collect();
                message.push_str(&format!("\nSee also: {}", others.join(", ")));
            }
            writeln!(
                out,
                "::{} {}::{}",
                command(f.severity),
                props.join(","),
                escape_data(&message)
            )?;
        }
        Ok(())
    }
}

/// The one plain line that goes with the annotations, for the log.
pub fn summary(s: &super::Summary) -> String {
    format!(
        "factlint: {} bundles, {} findings ({} errors, {} warnings, {} infos), {} suppressed, {} baselined",
        s.bundles, s.findings, s.errors, s.warnings, s.infos, s.suppressed, s.baselined
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;

    fn output() -> String {
        let mut out = Vec::new();
        render(&samples::sample_report(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_annotation_per_non_agreement_finding() {
        let out = output();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        assert_eq!(
            lines[0],
            "::warning file=bundle/002_bbbb.txt,line=7,col=11,title=factlint precedent-conflict (conflict)::\
             002 calls it unprecedented; 004 cites a 1987 precedent%0ASee also: bundle/004_cccc.txt:9:26"
        );
        assert!(lines[1].starts_with("::warning file=bundle/000_aaaa.txt,line=8,"));
        assert!(lines[2].starts_with("::notice file=bundle/004_cccc.txt,line=5,col="));
        assert!(!out.contains("date-agree"));
        assert!(
            summary(&samples::sample_report().summary)
                .starts_with("factlint: 1 bundles, 4 findings")
        );
    }

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(escape_data("50% a\r\nb:c,d"), "50%25 a%0D%0Ab:c,d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn hostile_paths_and_messages_cannot_inject_commands() {
        let mut r = samples::sample_report();
        r.bundles[0].sources[1].path = "x,line=1::evil\n::error::boom".into();
        r.bundles[0].findings[0].message = "bad\n::error::injected".into();
        let mut out = Vec::new();
        render(&r, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        // Every line is still one of ours: an annotation.
        for line in out.lines() {
            assert!(
                line.starts_with("::warning file=") || line.starts_with("::notice file="),
                "{line}"
            );
        }
        assert!(out.contains("file=x%2Cline=1%3A%3Aevil%0A%3A%3Aerror%3A%3Aboom,"));
        assert!(out.contains("::bad%0A::error::injected"));
    }
}

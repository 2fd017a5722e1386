//! SARIF 2.1.0 for code-scanning tools (GitHub code scanning, GitLab, IDE
//! viewers).
//!
//! One run; rule metadata in `tool.driver.rules` (from the loaded packs,
//! plus a bare entry for any rule a finding names that the packs do not
//! describe, so `ruleIndex` is always valid); one result per finding with a
//! physical location for every fact involved, so a conflict between two
//! articles shows in both files. `partialFingerprints` carries the baseline
//! fingerprint so code-scanning tools track a finding across edits the same
//! way `--baseline` does.
//!
//! Agreements are not problems: they are emitted as `kind: "pass"` with
//! `level: "none"` (what SARIF §3.27.9 prescribes for a passed check), so
//! viewers that show only failures leave them out. Every other verdict is a
//! `fail` with the level of its severity (error, warning, info → note).

use std::collections::HashMap;
use std::io::Write;

use serde_json::{Value, json};

use super::index::BundleIndex;
use super::{RenderContext, Report, RuleMeta};
use crate::facts::Fact;
use crate::rules::{Finding, Severity, Verdict};

pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn render(report: &Report, ctx: &RenderContext, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(report, ctx))?;
    writeln!(out)
}

pub fn to_value(report: &Report, ctx: &RenderContext) -> Value {
    let mut rules: Vec<Value> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for r in &ctx.rules {
        if !index.contains_key(&r.id) {
            index.insert(r.id.clone(), rules.len());
            rules.push(rule(r));
        }
    }
    // Rules the packs did not describe (should not happen, but a result
    // must never point at a missing rule), in first-seen order.
    for f in report.bundles.iter().flat_map(|b| &b.findings) {
        if !index.contains_key(&f.rule) {
            index.insert(f.rule.clone(), rules.len());
            rules.push(json!({
                "id": f.rule,
                "defaultConfiguration": {"level": level(f.severity)},
                "properties": {"check": f.check},
            }));
        }
    }

    let mut results = Vec::new();
    for b in &report.bundles {
        let bundle_index = BundleIndex::new(b);
        for f in &b.findings {
            let rule_index = index.get(&f.rule).copied().unwrap_or(0);
            results.push(result(f, rule_index, &b.name, &bundle_index));
        }
    }

    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": report.tool.name,
                "version": report.tool.version,
                "semanticVersion": report.tool.version,
                "rules": rules,
            }},
            // Our columns count characters, as editors do.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn rule(r: &RuleMeta) -> Value {
    let short = r
        .description
        .split_terminator(['\n'])
        .next()
        .unwrap_or("")
        .trim();
    let short = if short.is_empty() {
        r.id.as_str()
    } else {
        short
    };
    let full = if r.description.trim().is_empty() {
        r.id.as_str()
    } else {
        r.description.trim()
    };
    json!({
        "id": r.id,
        "name": r.id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": level(r.severity)},
        "properties": {"check": r.check, "pack": r.pack},
    })
}

fn result(f: &Finding, rule_index: usize, bundle: &str, index: &BundleIndex) -> Value {
    let locations: Vec<Value> = index
        .facts_of(f)
        .map(|fact| location(fact, index.path(&fact.source)))
        .collect();
    let (kind, lvl) = if f.verdict == Verdict::Agree {
        ("pass", "none")
    } else {
        ("fail", level(f.severity))
    };
    let mut properties = json!({
        "bundle": bundle,
        "verdict": f.verdict.as_str(),
        "kind": f.kind.as_str(),
        "key": f.key,
        "sources": f.sources,
        "findingId": f.id,
    });
    if let Some(s) = &f.subject {
        properties["subject"] = json!(s);
    }
    if let Some(diff) = &f.diff {
        properties["diff"] = json!(diff);
    }
    json!({
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "kind": kind,
        "level": lvl,
        "message": {"text": if f.message.is_empty() { f.rule.as_str() } else { f.message.as_str() }},
        "locations": locations,
        "partialFingerprints": {"factlintFingerprint/v1": f.fingerprint},
        "properties": properties,
    })
}

fn location(fact: &Fact, path: &str) -> Value {
    let mut region = json!({
        "startLine": fact.span.line.max(1),
        "startColumn": fact.span.column.max(1),
        "snippet": {"text": fact.text},
    });
    // The end is only known when `text` is exactly the spanned bytes;
    // otherwise the region is left open-ended rather than guessed.
    if fact.span.end >= fact.span.start && fact.span.end - fact.span.start == fact.text.len() {
        let (end_line, end_column) = end_of(fact);
        region["endLine"] = json!(end_line);
        region["endColumn"] = json!(end_column);
    }
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(path)},
            "region": region,
        },
        "message": {"text": format!("{} ({})", fact.value.display(), fact.modality.as_str())},
    })
}

/// Line and column just past the fact's text (SARIF's `endColumn` is
/// exclusive).
fn end_of(fact: &Fact) -> (usize, usize) {
    let start_line = fact.span.line.max(1);
    let start_col = fact.span.column.max(1);
    match fact.text.rfind('\n') {
        None => (start_line, start_col + fact.text.chars().count()),
        Some(i) => (
            start_line + fact.text.matches('\n').count(),
            fact.text[i + 1..].chars().count() + 1,
        ),
    }
}

/// A path as a URI reference: separators become `/`, and anything outside
/// RFC 3986's unreserved set and `/` is percent-encoded. Absolute paths
/// become `file://` URIs; relative ones stay relative (to the directory
/// factlint ran in, which is what code-scanning uploads expect).
pub fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut out = String::with_capacity(p.len() + 8);
    let windows_drive =
        p.len() >= 2 && p.as_bytes()[1] == b':' && p.as_bytes()[0].is_ascii_alphabetic();
    if p.starts_with('/') {
        out.push_str("file://");
    } else if windows_drive {
        out.push_str("file:///");
    }
    for (i, b) in p.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (windows_drive && i == 1);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;

    fn sarif() -> Value {
        let ctx = RenderContext {
            rules: samples::rules(),
            ..RenderContext::default()
        };
        to_value(&samples::sample_report(), &ctx)
    }

    /// The SARIF schema shipped beside the repository (`../shared/schemas`
    /// in CI); `None` with a note when it is absent.
    pub(crate) fn sarif_schema() -> Option<Value> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/schemas/sarif-schema-2.1.0.json");
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(serde_json::from_str(&text).expect("SARIF schema is JSON")),
            Err(_) => {
                eprintln!(
                    "note: {} absent; SARIF schema validation skipped",
                    path.display()
                );
                None
            }
        }
    }

    #[test]
    fn validates_against_the_sarif_2_1_0_schema() {
        let Some(schema) = sarif_schema() else { return };
        let doc = sarif();
        let errors = samples::schema_errors(&schema, &doc);
        assert!(errors.is_empty(), "{errors:#?}");
        // And the validator does reject broken SARIF, so the check can fail.
        let mut broken = doc.clone();
        broken["runs"][0]["results"][0]["level"] = json!("fatal");
        assert!(!samples::schema_accepts(&schema, &broken));
    }

    #[test]
    fn rules_come_from_the_packs_with_levels() {
        let doc = sarif();
        let rules = doc["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(
            ids,
            [
                "precedent-conflict",
                "quote-drift",
                "date-agree",
                "single-source",
                "calendar"
            ]
        );
        assert_eq!(rules[2]["defaultConfiguration"]["level"], "error");
        assert_eq!(rules[3]["defaultConfiguration"]["level"], "note");
        assert_eq!(
            rules[0]["fullDescription"]["text"],
            "The precedent-conflict rule: checks <things> & \"stuff\"."
        );
    }

    #[test]
    fn results_have_rule_level_and_a_location_per_fact() {
        let doc = sarif();
        let results = doc["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 4);
        let conflict = &results[0];
        assert_eq!(conflict["ruleId"], "precedent-conflict");
        assert_eq!(conflict["ruleIndex"], 0);
        assert_eq!(conflict["level"], "warning");
        assert_eq!(conflict["kind"], "fail");
        let locs = conflict["locations"].as_array().unwrap();
        assert_eq!(locs.len(), 2);
        let uris: Vec<&str> = locs
            .iter()
            .map(|l| {
                l["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
            })
            .collect();
        assert_eq!(uris, ["bundle/002_bbbb.txt", "bundle/004_cccc.txt"]);
        let region = &locs[1]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 9);
        assert_eq!(region["startColumn"], 26);
        assert_eq!(region["endLine"], 9);
        assert_eq!(region["endColumn"], 26 + "in 38 years".len());
        assert_eq!(region["snippet"]["text"], "in 38 years");
        let fp = conflict["partialFingerprints"]["factlintFingerprint/v1"]
            .as_str()
            .unwrap();
        assert_eq!(fp, samples::sample_bundle().findings[0].fingerprint);

        // Agreement: a pass; single source: a note.
        assert_eq!(results[2]["kind"], "pass");
        assert_eq!(results[2]["level"], "none");
        assert_eq!(results[3]["level"], "note");
    }

    #[test]
    fn unknown_rules_get_an_entry_so_rule_index_is_valid() {
        let doc = to_value(&samples::sample_report(), &RenderContext::default());
        let rules = doc["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        for r in doc["runs"][0]["results"].as_array().unwrap() {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], r["ruleId"]);
        }
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("a b/c#d.txt"), "a%20b/c%23d.txt");
        assert_eq!(uri("/abs/x.md"), "file:///abs/x.md");
        assert_eq!(uri(r"C:\news\é.md"), "file:///C:/news/%C3%A9.md");
        assert_eq!(uri("corpus/story-1/a.md"), "corpus/story-1/a.md");
    }
}

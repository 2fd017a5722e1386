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
use super::stream::write_pretty;
use super::{BundleReport, RenderContext, Report, RuleMeta, Summary, Tool};
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
    super::stream::render_with(&mut Sink::new(ctx), report, out)
}

/// The whole SARIF document as a value; [`Sink`] writes the same document
/// a bundle at a time.
pub fn to_value(report: &Report, ctx: &RenderContext) -> Value {
    let mut rules = Rules::new(ctx);
    let mut results = Vec::new();
    for b in &report.bundles {
        let bundle_index = BundleIndex::new(b);
        for f in &b.findings {
            let rule_index = rules.index_of(f);
            results.push(result(f, rule_index, &b.name, &bundle_index));
        }
    }
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": tool(&report.tool, rules.list),
            // Our columns count characters, as editors do.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// `tool.driver.rules` and where each rule sits in it: the packs' rules,
/// then any rule a finding names that the packs do not describe (should
/// not happen, but a result must never point at a missing rule), in
/// first-seen order.
struct Rules {
    list: Vec<Value>,
    index: HashMap<String, usize>,
}

impl Rules {
    fn new(ctx: &RenderContext) -> Self {
        let mut rules = Rules {
            list: Vec::new(),
            index: HashMap::new(),
        };
        for r in &ctx.rules {
            if !rules.index.contains_key(&r.id) {
                rules.index.insert(r.id.clone(), rules.list.len());
                rules.list.push(rule(r));
            }
        }
        rules
    }

    fn index_of(&mut self, f: &Finding) -> usize {
        if let Some(&i) = self.index.get(&f.rule) {
            return i;
        }
        let i = self.list.len();
        self.index.insert(f.rule.clone(), i);
        self.list.push(json!({
            "id": f.rule,
            "defaultConfiguration": {"level": level(f.severity)},
            "properties": {"check": f.check},
        }));
        i
    }
}

fn tool(tool: &Tool, rules: Vec<Value>) -> Value {
    json!({"driver": {
        "name": tool.name,
        "version": tool.version,
        "semanticVersion": tool.version,
        "rules": rules,
    }})
}

/// SARIF a bundle at a time. The document's keys are written in the order
/// serde_json gives a whole [`to_value`] (sorted), which puts `results`
/// before `tool`: the rules table, which may grow with the results, comes
/// last.
pub struct Sink {
    rules: Rules,
    results: usize,
}

impl Sink {
    pub fn new(ctx: &RenderContext) -> Self {
        Sink {
            rules: Rules::new(ctx),
            results: 0,
        }
    }
}

impl super::stream::Sink for Sink {
    fn begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        write!(out, "{{\n  \"$schema\": ")?;
        serde_json::to_writer(&mut *out, SARIF_SCHEMA)?;
        write!(
            out,
            ",\n  \"runs\": [\n    {{\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
        )
    }

    fn bundle(&mut self, b: &BundleReport, out: &mut dyn Write) -> std::io::Result<()> {
        let bundle_index = BundleIndex::new(b);
        for f in &b.findings {
            let rule_index = self.rules.index_of(f);
            out.write_all(if self.results == 0 { b"\n" } else { b",\n" })?;
            self.results += 1;
            out.write_all(b"        ")?;
            write_pretty(out, &result(f, rule_index, &b.name, &bundle_index), 4)?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        if self.results > 0 {
            out.write_all(b"\n      ")?;
        }
        out.write_all(b"],\n      \"tool\": ")?;
        let rules = std::mem::take(&mut self.rules.list);
        write_pretty(out, &tool(&Tool::default(), rules), 3)?;
        out.write_all(b"\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")
    }
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

    /// The streamed document is the whole one, byte for byte: no
    /// findings, some, and a rule the packs do not describe (it joins the
    /// table after theirs, where its `ruleIndex` points).
    #[test]
    fn streamed_sarif_is_the_whole_document() {
        let ctx = RenderContext {
            rules: samples::rules(),
            ..RenderContext::default()
        };
        let mut unknown = samples::sample_report();
        let mut stray = unknown.bundles[0].findings[0].clone();
        stray.rule = "not-in-any-pack".into();
        unknown.bundles[0].findings.push(stray);
        for report in [Report::new(vec![]), samples::sample_report(), unknown] {
            let mut streamed = Vec::new();
            render(&report, &ctx, &mut streamed).unwrap();
            let mut whole = serde_json::to_string_pretty(&to_value(&report, &ctx)).unwrap();
            whole.push('\n');
            assert_eq!(String::from_utf8(streamed).unwrap(), whole);
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

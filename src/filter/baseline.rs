//! Baselines: accepted findings, recorded by content so that `--baseline`
//! hides them and a run fails only on new ones.
//!
//! A finding is matched by its fingerprint (`Finding::fingerprint`), which
//! hashes what it is about and never where it is written, so editing
//! elsewhere in an article, or moving the sentence, keeps the finding
//! baselined; changing a value, or a new source joining the claim, makes it
//! new.
//!
//! Matching is per bundle (the same agreement in two drafts is two
//! findings) and counts duplicates: a baseline entry hides one finding.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::output::write_atomically;
use crate::report::{BundleReport, Report};

pub const BASELINE_VERSION: u32 = 1;

/// One accepted finding. `rule`, `key`, `subject` and `message` are for the
/// people reviewing the file; only `bundle` and `fingerprint` match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub bundle: String,
    pub fingerprint: String,
    pub rule: String,
    pub key: String,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub message: String,
}

/// The baseline file: `{"version": 1, "findings": [...]}`, entries sorted
/// so that rewriting an unchanged baseline gives identical bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

impl Baseline {
    /// Records every finding of the report.
    pub fn from_report(report: &Report) -> Baseline {
        Baseline::from_entries(report.bundles.iter().flat_map(Baseline::entries).collect())
    }

    /// The entries that record a bundle's findings.
    pub fn entries(b: &BundleReport) -> impl Iterator<Item = Entry> + '_ {
        b.findings.iter().map(|f| Entry {
            bundle: b.name.clone(),
            fingerprint: f.fingerprint.clone(),
            rule: f.rule.clone(),
            key: f.key.clone(),
            subject: f.subject.clone(),
            message: f.message.clone(),
        })
    }

    /// A baseline of these entries, in the file's order.
    pub fn from_entries(mut findings: Vec<Entry>) -> Baseline {
        findings.sort_by(|a, b| {
            (&a.bundle, &a.rule, &a.key, &a.subject, &a.fingerprint).cmp(&(
                &b.bundle,
                &b.rule,
                &b.key,
                &b.subject,
                &b.fingerprint,
            ))
        });
        Baseline {
            version: BASELINE_VERSION,
            findings,
        }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Writes the baseline atomically (temporary file, then rename).
    pub fn write(&self, path: &Path) -> Result<()> {
        write_atomically(path, self.to_json().as_bytes())
    }

    pub fn load(path: &Path) -> Result<Baseline> {
        let text = crate::corpus::read_settings(path, "baselines")?;
        Baseline::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Baseline> {
        // The version is checked before the shape, so a baseline from a
        // future factlint says so instead of failing on a field name.
        let raw: serde_json::Value =
            serde_json::from_str(text).map_err(|e| json_error(path, &e))?;
        match raw.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(BASELINE_VERSION) => {}
            Some(v) => {
                return Err(Error::BaselineVersion {
                    path: path.to_path_buf(),
                    version: v,
                    supported: BASELINE_VERSION,
                });
            }
            None => {
                return Err(Error::NotABaseline {
                    path: path.to_path_buf(),
                });
            }
        }
        serde_json::from_str(text).map_err(|e| json_error(path, &e))
    }
}

/// JSON errors carry a line and column like YAML ones; the error type's
/// `Yaml` variant renders `path:line:column: message`, which is what we
/// want (a dedicated `Json` variant would be clearer; see the report).
fn json_error(path: &Path, e: &serde_json::Error) -> Error {
    let msg = e.to_string();
    let message = match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    Error::Yaml {
        path: path.to_path_buf(),
        line: e.line().max(1),
        column: e.column().max(1),
        message,
    }
}

/// Removes the findings the baseline lists from `report`, updates the
/// summary (including `summary.baselined`) and returns how many were
/// removed.
pub fn apply(report: &mut Report, baseline: &Baseline) -> usize {
    let mut budget = Budget::new(baseline);
    let removed = report.bundles.iter_mut().map(|b| budget.hide(b)).sum();
    report.summary.baselined += removed;
    report.summary = report.summarize();
    removed
}

/// What a baseline still hides, bundle by bundle, as a run's bundles pass:
/// an entry hides one finding, so duplicates count.
#[derive(Debug)]
pub struct Budget<'b> {
    /// bundle → fingerprint → how many findings the baseline still hides.
    left: HashMap<&'b str, HashMap<&'b str, usize>>,
}

impl<'b> Budget<'b> {
    pub fn new(baseline: &'b Baseline) -> Self {
        let mut left: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
        for e in &baseline.findings {
            *left
                .entry(e.bundle.as_str())
                .or_default()
                .entry(e.fingerprint.as_str())
                .or_default() += 1;
        }
        Budget { left }
    }

    /// Removes the bundle's findings the baseline still hides; returns how
    /// many.
    pub fn hide(&mut self, b: &mut BundleReport) -> usize {
        let Some(left) = self.left.get_mut(b.name.as_str()) else {
            return 0;
        };
        let before = b.findings.len();
        b.findings
            .retain(|f| match left.get_mut(f.fingerprint.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            });
        before - b.findings.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{CountValue, Fact, FactValue};
    use crate::report::samples;
    use crate::rules::{Finding, Severity, Verdict};

    fn count(n: i64) -> FactValue {
        FactValue::Count(CountValue::exact(n as f64))
    }

    /// The fingerprint `f` gets from `facts`, after a test changed either.
    fn fingerprint(f: &Finding, facts: &[Fact]) -> String {
        f.clone().fingerprinted(facts).fingerprint
    }

    fn conflict(line_a: usize, line_b: usize, b_value: i64) -> (Finding, Vec<Fact>) {
        let a = samples::fact(
            "a",
            0,
            "aircraft",
            None,
            count(100),
            "100 aircraft",
            "Some 100 aircraft flew.",
            line_a,
        );
        let b = samples::fact(
            "b",
            3,
            "aircraft",
            None,
            count(b_value),
            "aircraft",
            "Many aircraft flew.",
            line_b,
        );
        let f = samples::finding(
            "count-agree",
            Severity::Warning,
            Verdict::Conflict,
            &[&a, &b],
            "m",
        );
        (f, vec![a, b])
    }

    #[test]
    fn fingerprint_survives_moving_a_sentence_and_renumbering_facts() {
        let (f1, facts1) = conflict(3, 10, 120);
        let (mut f2, mut facts2) = conflict(17, 2, 120);
        // Facts renumbered because a new claim appeared earlier in `b`.
        facts2[1].id = "b#9".into();
        f2.facts[1] = "b#9".into();
        facts2[1].span.start += 500;
        assert_ne!(facts1[0].span.line, facts2[0].span.line);
        assert_eq!(fingerprint(&f1, &facts1), fingerprint(&f2, &facts2));
    }

    /// Baselines written before the fingerprint moved onto `Finding`
    /// (factlint-fingerprint-v1, computed in this file from the bundle's
    /// facts) must keep matching: these are the values that code gave.
    /// (Two were re-derived when the sample's count key and precedent year
    /// were renamed; the other two, whose inputs did not change, still
    /// hold as first pinned, so the scheme itself has not moved.)
    #[test]
    fn fingerprints_match_baselines_written_by_earlier_versions() {
        let report = samples::sample_report();
        let prints: Vec<(&str, &str)> = report.bundles[0]
            .findings
            .iter()
            .map(|f| (f.id.as_str(), f.fingerprint.as_str()))
            .collect();
        assert_eq!(
            prints,
            [
                (
                    "precedent-conflict:leaders-gathering",
                    "b5980b309d4a7a2b6b627efea70d9f9cb43bd4f968d3e2387e4186761c7fe4ab"
                ),
                (
                    "quote-drift:speech:xi-jinping",
                    "2b765c567888d9f696aa21de28eebdcf8d041df3fb0b8ed50fb695cf388e488c"
                ),
                (
                    "date-agree:event-date",
                    "5a5577d81c871d17e1bbb1a2285d4e9fdf3541d808106cf6350d5f28506a551d"
                ),
                (
                    "single-source:guests",
                    "8971817fa36db0c8d8f5af481fb74aae1ad140b0ec7e845f030774f83046e278"
                ),
            ]
        );
        let baseline = Baseline::from_report(&report);
        let mut report = report;
        assert_eq!(apply(&mut report, &baseline), 4);
    }

    #[test]
    fn fingerprint_changes_when_a_value_changes() {
        let (f1, facts1) = conflict(3, 10, 120);
        let (f2, facts2) = conflict(3, 10, 150);
        assert_ne!(fingerprint(&f1, &facts1), fingerprint(&f2, &facts2));
    }

    #[test]
    fn fingerprint_changes_with_rule_subject_and_sources() {
        let (f, facts) = conflict(3, 10, 120);
        let base = fingerprint(&f, &facts);
        let mut g = f.clone();
        g.rule = "other".into();
        assert_ne!(fingerprint(&g, &facts), base);
        let mut g = f.clone();
        g.subject = Some("someone".into());
        assert_ne!(fingerprint(&g, &facts), base);
        let mut g = f.clone();
        g.sources.push("c".into());
        assert_ne!(fingerprint(&g, &facts), base);
        assert_eq!(base.len(), 64);
        assert!(base.bytes().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn apply_hides_baselined_findings_and_counts_them() {
        let report = samples::sample_report();
        let baseline = Baseline::from_report(&report);
        assert_eq!(baseline.findings.len(), 4);

        let mut again = samples::sample_report();
        assert_eq!(apply(&mut again, &baseline), 4);
        assert!(again.bundles[0].findings.is_empty());
        assert_eq!(again.summary.baselined, 4);
        assert_eq!(again.summary.findings, 0);
        assert_eq!(again.summary.conflicts, 0);
    }

    #[test]
    fn apply_keeps_new_findings_and_other_bundles() {
        let mut baseline = Baseline::from_report(&samples::sample_report());
        // Forget the precedent conflict: it is "new".
        baseline.findings.retain(|e| e.rule != "precedent-conflict");
        let mut report = samples::sample_report();
        let mut other = samples::sample_bundle();
        other.name = "other-story".into();
        report.bundles.push(other);
        report.summary = report.summarize();
        assert_eq!(apply(&mut report, &baseline), 3);
        let left: Vec<&str> = report.bundles[0]
            .findings
            .iter()
            .map(|f| f.rule.as_str())
            .collect();
        assert_eq!(left, ["precedent-conflict"]);
        assert_eq!(report.bundles[1].findings.len(), 4);
        assert_eq!(report.summary.baselined, 3);
    }

    #[test]
    fn write_then_load_round_trips_and_is_sorted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        let baseline = Baseline::from_report(&samples::sample_report());
        baseline.write(&path).unwrap();
        let loaded = Baseline::load(&path).unwrap();
        assert_eq!(loaded, baseline);
        let rules: Vec<&str> = loaded.findings.iter().map(|e| e.rule.as_str()).collect();
        let mut sorted = rules.clone();
        sorted.sort();
        assert_eq!(rules, sorted);
        // Rewriting gives the same bytes.
        let first = std::fs::read(&path).unwrap();
        Baseline::from_report(&samples::sample_report())
            .write(&path)
            .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), first);
    }

    #[test]
    fn load_errors_name_the_file_and_place() {
        let p = Path::new("b.json");
        let err = Baseline::parse(p, "{\"version\": 1,\n \"findings\": [}").unwrap_err();
        assert!(err.to_string().starts_with("b.json:2:"), "{err}");
        let err = Baseline::parse(p, "{\"version\": 7, \"findings\": []}").unwrap_err();
        assert!(err.to_string().contains("version 7"), "{err}");
        let err = Baseline::parse(p, "[]").unwrap_err();
        assert!(err.to_string().contains("not a factlint baseline"), "{err}");
        let err =
            Baseline::parse(p, "{\"version\": 1, \"findings\": [], \"extra\": 1}").unwrap_err();
        assert!(err.to_string().contains("extra"), "{err}");
        let err = Baseline::load(Path::new("/no/such/baseline.json")).unwrap_err();
        assert!(err.to_string().contains("/no/such/baseline.json"), "{err}");
    }
}

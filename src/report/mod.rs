//! Reports: the result of a run, and its renderings (one file per format).
//!
//! The [`Report`] value is the JSON contract of DESIGN.md (version 1); every
//! other format renders from it, so no format knows something the JSON
//! does not.

pub mod facts;
pub mod github;
pub mod html;
pub mod index;
pub mod json;
pub mod junit;
pub mod markup;
#[cfg(test)]
pub(crate) mod samples;
pub mod sarif;
pub mod stream;
pub mod text;
pub mod yaml;

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::corpus::SourceSummary;
use crate::facts::Fact;
use crate::rules::{CheckKind, Finding, Severity, Verdict};

pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

impl Default for Tool {
    fn default() -> Self {
        Tool {
            name: "factlint",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct BundleReport {
    pub name: String,
    pub path: String,
    pub sources: Vec<SourceSummary>,
    pub facts: Vec<Fact>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub bundles: usize,
    pub sources: usize,
    pub facts: usize,
    pub findings: usize,
    pub conflicts: usize,
    pub agreements: usize,
    pub internal: usize,
    pub reference: usize,
    pub single_source: usize,
    /// Claims several sources make in units that do not convert.
    pub not_comparable: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings hidden by inline `factlint-disable` comments.
    pub suppressed: usize,
    /// Findings hidden because the `--baseline` file lists them.
    pub baselined: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    pub tool: Tool,
    pub bundles: Vec<BundleReport>,
    pub summary: Summary,
}

impl Report {
    pub fn new(bundles: Vec<BundleReport>) -> Self {
        let mut r = Report {
            version: REPORT_VERSION,
            tool: Tool::default(),
            bundles,
            summary: Summary::default(),
        };
        r.summary = r.summarize();
        r
    }

    /// Recomputes the summary from the bundles (after filtering findings).
    /// The `suppressed` and `baselined` counters describe findings that are
    /// no longer in the bundles, so they are carried over, not recounted.
    pub fn summarize(&self) -> Summary {
        let mut s = Summary {
            suppressed: self.summary.suppressed,
            baselined: self.summary.baselined,
            ..Summary::default()
        };
        for b in &self.bundles {
            s.count(b);
        }
        s
    }

    /// Findings at or above `threshold`; `None` means nothing fails.
    pub fn failing(&self, threshold: Option<Severity>) -> usize {
        self.bundles.iter().map(|b| b.failing(threshold)).sum()
    }
}

impl BundleReport {
    /// Findings at or above `threshold`; `None` means nothing fails.
    /// Agreements and figures that cannot be weighed never fail a run,
    /// even under `--fail-on info`: they report, they do not flag.
    pub fn failing(&self, threshold: Option<Severity>) -> usize {
        let Some(t) = threshold else { return 0 };
        self.findings
            .iter()
            .filter(|f| {
                f.severity >= t && !matches!(f.verdict, Verdict::Agree | Verdict::NotComparable)
            })
            .count()
    }
}

impl Summary {
    /// Adds a bundle, its sources, facts and findings to the counts.
    pub fn count(&mut self, b: &BundleReport) {
        self.bundles += 1;
        self.sources += b.sources.len();
        self.facts += b.facts.len();
        self.findings += b.findings.len();
        for f in &b.findings {
            match f.verdict {
                Verdict::Conflict => self.conflicts += 1,
                Verdict::Agree => self.agreements += 1,
                Verdict::Internal => self.internal += 1,
                Verdict::Reference => self.reference += 1,
                Verdict::SingleSource => self.single_source += 1,
                Verdict::NotComparable => self.not_comparable += 1,
            }
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// What a renderer may need beyond the report itself.
#[derive(Debug, Clone, Default)]
pub struct RenderContext {
    /// Rule metadata for formats that describe rules (SARIF, JUnit).
    pub rules: Vec<RuleMeta>,
    /// Emit ANSI colour (terminal only; machine formats never colour).
    pub color: bool,
    /// Findings only, no headers or agreements (terminal).
    pub quiet: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleMeta {
    pub id: String,
    pub check: CheckKind,
    pub severity: Severity,
    pub description: String,
    pub pack: String,
}

/// The report formats, one module each. What each is for is said once, in
/// the `--format` help (`cli/choices.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Json,
    Yaml,
    Html,
    Sarif,
    Github,
    Junit,
}

impl Format {
    /// Whether the format is meant for people at a terminal; only those may
    /// carry colour.
    pub fn is_terminal_format(self) -> bool {
        matches!(self, Format::Text)
    }
}

/// The sink of a format that streams ([`stream`]); `bundles` is how many
/// the run will write (the terminal report tallies each bundle only when
/// there are several). `None` for formats that need the whole report.
pub fn sink<'c>(
    format: Format,
    ctx: &'c RenderContext,
    bundles: usize,
) -> Option<Box<dyn stream::Sink + 'c>> {
    match format {
        Format::Text => Some(Box::new(text::Sink::new(ctx, bundles))),
        Format::Json => Some(Box::new(stream::Json::default())),
        Format::Sarif => Some(Box::new(sarif::Sink::new(ctx))),
        Format::Github => Some(Box::new(github::Sink)),
        Format::Yaml | Format::Html | Format::Junit => None,
    }
}

pub fn render(
    format: Format,
    report: &Report,
    ctx: &RenderContext,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::render(report, ctx, out),
        Format::Json => json::render(report, out),
        Format::Yaml => yaml::render(report, out),
        Format::Html => html::render(report, ctx, out),
        Format::Sarif => sarif::render(report, ctx, out),
        Format::Github => github::render(report, out),
        Format::Junit => junit::render(report, ctx, out),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn report_schema() -> serde_json::Value {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// The sample report plus one fact of every kind, with a finding, so
    /// every value shape and optional field is exercised.
    fn every_kind_report() -> Report {
        use crate::facts::*;
        use std::collections::BTreeSet;
        let mut b = samples::sample_bundle();
        let values = [
            FactValue::Duration(DurationFact {
                min_seconds: 4200.0,
                max_seconds: 4200.0,
                approximate: false,
            }),
            FactValue::Attendance(AttendanceValue {
                person: "kim-jong-un".into(),
                presence: Presence::Present,
            }),
            FactValue::Anniversary(AnniversaryValue {
                ordinal: 80,
                of_year: Some(1945),
                year: Some(2025),
            }),
            FactValue::First(FirstValue {
                what: "foreign-trip".into(),
                debut: false,
                since_year: Some(2019),
            }),
            FactValue::Treaty(TreatyValue {
                parties: BTreeSet::from(["a".to_string(), "b".to_string()]),
                year: None,
            }),
            FactValue::Role(RoleValue {
                person: "joe-biden".into(),
                office: "us-president".into(),
                as_of: Some(RoleDate::Day(
                    chrono::NaiveDate::from_ymd_opt(2025, 9, 3).unwrap(),
                )),
                former: false,
            }),
            FactValue::Precedent(PrecedentValue {
                last_year: Some(1987),
                gap_years: Some(38),
                unprecedented: false,
                inferred: vec![PrecedentField::LastYear],
            }),
        ];
        for (i, v) in values.into_iter().enumerate() {
            let mut f = samples::fact("000_aaaa", 10 + i, "k", Some("s"), v, "w", "a w b", 20 + i);
            f.modality = Modality::Expected;
            b.findings.push(samples::finding(
                "r",
                Severity::Error,
                Verdict::Internal,
                &[&f],
                "m",
            ));
            b.facts.push(f);
        }
        b.sources[1].published = chrono::NaiveDate::from_ymd_opt(2025, 9, 4);
        let mut r = Report::new(vec![b]);
        r.summary.suppressed = 1;
        r
    }

    #[test]
    fn report_validates_against_the_published_schema() {
        let schema = report_schema();
        let doc = serde_json::to_value(every_kind_report()).unwrap();
        let errors = samples::schema_errors(&schema, &doc);
        assert!(errors.is_empty(), "{errors:#?}");
        let empty = serde_json::to_value(Report::new(vec![])).unwrap();
        assert!(samples::schema_accepts(&schema, &empty));
    }

    /// A fact's `kind` is the tag its value is read by: every kind reads
    /// back as itself, and a value that does not fit its kind is an error
    /// rather than another kind's value.
    #[test]
    fn facts_read_back_by_their_kind() {
        let report = every_kind_report();
        for f in &report.bundles[0].facts {
            let json = serde_json::to_value(f).unwrap();
            let back: crate::facts::Fact = serde_json::from_value(json.clone()).unwrap();
            assert_eq!(&back, f, "{json}");
        }
        let mut wrong = serde_json::to_value(&report.bundles[0].facts[0]).unwrap();
        wrong["kind"] = "quote".into();
        assert!(serde_json::from_value::<crate::facts::Fact>(wrong).is_err());
    }

    #[test]
    fn report_schema_rejects_what_the_contract_does_not_allow() {
        let schema = report_schema();
        let doc = serde_json::to_value(every_kind_report()).unwrap();
        let mut bad = doc.clone();
        bad["bundles"][0]["findings"][0]["verdict"] = "maybe".into();
        assert!(!samples::schema_accepts(&schema, &bad));
        // An undocumented field: the schema must be updated with the model.
        let mut bad = doc.clone();
        bad["bundles"][0]["facts"][0]["confidence"] = 1.into();
        assert!(!samples::schema_accepts(&schema, &bad));
        // A date fact carrying a count value.
        let mut bad = doc.clone();
        bad["bundles"][0]["facts"][0]["value"] =
            serde_json::json!({"min": 1, "max": 1, "approximate": false});
        assert!(!samples::schema_accepts(&schema, &bad));
        let mut bad = doc;
        bad["summary"].as_object_mut().unwrap().remove("baselined");
        assert!(!samples::schema_accepts(&schema, &bad));
    }

    #[test]
    fn summarize_keeps_suppressed_and_baselined_counts() {
        let mut r = Report::new(vec![]);
        r.summary.suppressed = 2;
        r.summary.baselined = 3;
        let s = r.summarize();
        assert_eq!((s.suppressed, s.baselined), (2, 3));
    }
}

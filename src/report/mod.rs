//! Reports: the result of a run, and its renderings (one file per format).
//!
//! The [`Report`] value is the JSON contract of DESIGN.md (version 1); every
//! other format renders from it, so no format knows something the JSON
//! does not.

pub mod json;
pub mod text;

use std::io::Write;

use serde::Serialize;

use crate::corpus::SourceSummary;
use crate::facts::Fact;
use crate::rules::{Finding, Severity, Verdict};

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
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
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
    pub fn summarize(&self) -> Summary {
        let mut s = Summary {
            bundles: self.bundles.len(),
            ..Summary::default()
        };
        for b in &self.bundles {
            s.sources += b.sources.len();
            s.facts += b.facts.len();
            s.findings += b.findings.len();
            for f in &b.findings {
                match f.verdict {
                    Verdict::Conflict => s.conflicts += 1,
                    Verdict::Agree => s.agreements += 1,
                    Verdict::Internal => s.internal += 1,
                    Verdict::Reference => s.reference += 1,
                    Verdict::SingleSource => s.single_source += 1,
                }
                match f.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                    Severity::Info => s.infos += 1,
                }
            }
        }
        s
    }

    /// Findings at or above `threshold`; `None` means nothing fails.
    pub fn failing(&self, threshold: Option<Severity>) -> usize {
        let Some(t) = threshold else { return 0 };
        self.bundles
            .iter()
            .flat_map(|b| &b.findings)
            .filter(|f| f.severity >= t)
            .count()
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
    pub check: String,
    pub severity: Severity,
    pub description: String,
    pub pack: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable report, grouped by verdict.
    Text,
    /// The versioned JSON contract (docs/report.schema.json).
    Json,
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
    }
}

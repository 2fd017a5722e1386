//! What the engine says about a group of facts.

use serde::{Deserialize, Serialize};

use crate::facts::FactKind;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Sources contradict each other.
    Conflict,
    /// One source against itself, or against arithmetic or the calendar.
    Internal,
    /// A claim against a reference pack (who held an office when).
    Reference,
    /// Sources (or a source and arithmetic) agree.
    Agree,
    /// Only one source makes the claim.
    SingleSource,
    /// Several sources make the claim in units that do not convert ("$7.5
    /// million" and "A$10.5 million"): listed, neither agreed nor
    /// conflicting.
    NotComparable,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Internal => "internal",
            Verdict::Reference => "reference",
            Verdict::Agree => "agree",
            Verdict::SingleSource => "single_source",
            Verdict::NotComparable => "not_comparable",
        }
    }
}

impl Finding {
    /// Makes the id unique when a rule yields several findings for one key
    /// and subject (one per source, per date, per pair of quotes), from
    /// content only, so the id stays stable across edits elsewhere.
    pub fn qualify_id(mut self, part: impl std::fmt::Display) -> Self {
        self.id = format!("{}:{part}", self.id);
        self
    }
}

/// One side of a word-level quote diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    Equal,
    Insert,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffChunk {
    pub op: DiffOp,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// `<rule>:<key>` or `<rule>:<key>:<subject>`: stable across runs.
    pub id: String,
    pub rule: String,
    /// The built-in check that produced it (`agree`, `exclusive`, …).
    pub check: String,
    pub severity: Severity,
    pub verdict: Verdict,
    pub kind: FactKind,
    pub key: String,
    pub subject: Option<String>,
    /// Source ids involved, sorted.
    pub sources: Vec<String>,
    /// Fact ids involved, in source then reading order.
    pub facts: Vec<String>,
    pub message: String,
    /// Word-level diff for quote drift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffChunk>>,
}

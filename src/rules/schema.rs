//! The YAML schema of pack files: `rules:`, `lexicon:` and `reference:`
//! sections. Every struct denies unknown fields: a typo in a rule file is an
//! error with a location, never silently ignored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Severity;
use super::lexicon::LexiconDef;
use super::reference::ReferenceDef;
use crate::facts::{FactKind, Modality};

/// One YAML file of a pack.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    #[serde(default)]
    pub rules: Vec<RuleDef>,
    #[serde(default)]
    pub lexicon: LexiconDef,
    #[serde(default)]
    pub reference: ReferenceDef,
}

/// The built-in checks. Rules choose one and configure it; new behaviour
/// comes from new rules, not new Rust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckKind {
    Agree,
    Arithmetic,
    Calendar,
    Exclusive,
    Reference,
    SingleSource,
    QuoteDrift,
}

impl CheckKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckKind::Agree => "agree",
            CheckKind::Arithmetic => "arithmetic",
            CheckKind::Calendar => "calendar",
            CheckKind::Exclusive => "exclusive",
            CheckKind::Reference => "reference",
            CheckKind::SingleSource => "single-source",
            CheckKind::QuoteDrift => "quote-drift",
        }
    }
}

/// A list written either as one item or as a sequence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T: PartialEq> OneOrMany<T> {
    pub fn contains(&self, x: &T) -> bool {
        match self {
            OneOrMany::One(a) => a == x,
            OneOrMany::Many(v) => v.contains(x),
        }
    }

    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(a) => std::slice::from_ref(a),
            OneOrMany::Many(v) => v,
        }
    }
}

/// Which facts a rule (or one side of an `exclusive` rule) looks at.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selector {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OneOrMany<FactKind>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<OneOrMany<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<OneOrMany<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<OneOrMany<Modality>>,
    /// Conditions on fields of the normalized value: `{debut: true}`,
    /// `{min: {gt: 0}}`.
    #[serde(default, rename = "where", skip_serializing_if = "BTreeMap::is_empty")]
    pub where_: BTreeMap<String, Condition>,
}

/// A condition on one value field: a plain value means equality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Condition {
    Compare(Comparison),
    Equals(serde_json::Value),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gt: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gte: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lt: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lte: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ne: Option<serde_json::Value>,
}

/// How `exclusive` pairs facts of its two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Join {
    /// Same key (and subject).
    #[default]
    Key,
    /// Same subject, whatever the key.
    Subject,
}

/// Arithmetic relations the `arithmetic` check knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// precedent: last_year + gap_years = the event's year.
    PrecedentGap,
    /// anniversary: of_year + ordinal = the event's year.
    AnniversaryYear,
}

/// Parameters of all checks; each check reads the ones it knows and the
/// loader rejects parameters a check does not take.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// agree: widen approximate figures by this fraction before comparing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    /// exclusive: how to pair the sides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join: Option<Join>,
    /// exclusive: the first side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a: Option<OneOrMany<Selector>>,
    /// exclusive: the second side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b: Option<OneOrMany<Selector>>,
    /// arithmetic: which relation must hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// reference: which reference pack to check against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    /// quote-drift: how alike two quotes must be (0–1) to be the same quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_similarity: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Sentences (one per source) the rule flags.
    #[serde(default)]
    pub fail: Vec<String>,
    /// Sentences the rule lets pass.
    #[serde(default)]
    pub pass: Vec<String>,
}

/// A rule as written. Everything but `id` is optional here so that an entry
/// of only `id` and `enabled: false` can turn a rule off; a complete rule is
/// validated when the pack is loaded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<CheckKind>,
    #[serde(default)]
    pub select: Selector,
    #[serde(default)]
    pub params: Params,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<Example>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

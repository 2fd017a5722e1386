//! What the engine says about a group of facts.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::schema::CheckKind;
use crate::facts::{Fact, FactKind};

/// Bumped when what the fingerprint covers changes; part of the hash so old
/// baselines stop matching rather than matching the wrong thing.
const FINGERPRINT_SCHEME: &str = "factlint-fingerprint-v1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

    /// Records the fingerprint of what the finding is about; `facts` are
    /// its facts (one it names but that is not given is left out).
    ///
    /// Computed once, where the finding is made, so that the JSON report,
    /// SARIF's `partialFingerprints` and baselines carry one value and
    /// nothing downstream needs the facts again to know a finding. It hashes
    /// the rule, the claim (kind, key, subject), the sources and the
    /// normalized values of the facts, never line numbers, columns, byte
    /// offsets or fact ids (which count facts in reading order): editing
    /// elsewhere in an article, or moving the sentence, keeps a baselined
    /// finding baselined; a changed value or a new source makes it new.
    pub fn fingerprinted<'a>(mut self, facts: impl IntoIterator<Item = &'a Fact>) -> Self {
        let sources: BTreeSet<&str> = self.sources.iter().map(String::as_str).collect();
        // A finding over many facts asked a list of its ids once per fact.
        let ids: foldhash::HashSet<&str> = self.facts.iter().map(String::as_str).collect();
        // (source, value) pairs, sorted and deduplicated: the same value
        // repeated in a source, or facts renumbered, leave the set unchanged.
        let values: BTreeSet<(&str, String)> = facts
            .into_iter()
            .filter(|f| ids.contains(f.id.as_str()))
            .map(|f| {
                (
                    f.source.as_str(),
                    serde_json::to_string(&f.value).unwrap_or_default(),
                )
            })
            .collect();
        let mut h = Sha256::new();
        // Every field is length-prefixed so no two different inputs can
        // concatenate to the same bytes.
        let mut field = |s: &str| {
            h.update((s.len() as u64).to_le_bytes());
            h.update(s.as_bytes());
        };
        field(FINGERPRINT_SCHEME);
        field(&self.rule);
        field(self.kind.as_str());
        field(&self.key);
        field(self.subject.as_deref().unwrap_or(""));
        field(&sources.len().to_string());
        for s in &sources {
            field(s);
        }
        field(&values.len().to_string());
        for (s, v) in &values {
            field(s);
            field(v);
        }
        self.fingerprint = hex(&h.finalize());
        self
    }
}

/// Lower-case hex of `bytes`, two digits a byte, in one allocation.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
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
    pub check: CheckKind,
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
    /// Hex SHA-256 of the finding's content (see [`Finding::fingerprinted`]):
    /// what baselines and SARIF match a finding by.
    #[serde(default)]
    pub fingerprint: String,
    /// Word-level diff for quote drift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffChunk>>,
}

#[cfg(test)]
mod tests {
    use super::hex;

    #[test]
    fn hex_is_two_lower_case_digits_a_byte() {
        let bytes: Vec<u8> = (0..=255).collect();
        let want: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex(&bytes), want);
        assert_eq!(hex(&[]), "");
    }
}

//! Inline suppressions: comments in an article that silence findings, the
//! way `# noqa` (ruff) or `<!-- vale off -->` (Vale) do.
//!
//! - `<!-- factlint-disable RULE-ID -->` anywhere in a source silences the
//!   rules for the whole file;
//! - `<!-- factlint-disable-next-line RULE-ID -->` silences them for facts
//!   on the next non-blank line.
//!
//! Several ids may follow, separated by spaces or commas; no id at all means
//! every rule. Unknown ids are ignored (a rule may come from a pack that is
//! not loaded in this run); reporting unused suppressions, like ruff's
//! RUF100, is left for later.
//!
//! A finding is about several facts, often in several sources. It is
//! suppressed when ANY of its facts sits where its rule is disabled: the
//! person who wrote the comment looked at that claim and accepted it, and a
//! cross-source finding cannot be half shown. The report always counts
//! what was suppressed, so nothing disappears silently.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::corpus::Source;
use crate::facts::Fact;
use crate::report::{BundleReport, Report};

/// The comment forms. The id list stops at `-->`; ids are the characters
/// rule ids use.
static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*factlint-(disable-next-line|disable)\b([^>]*?)\s*-->")
        .expect("static regex")
});

/// Which rules a directive names. Written to a facts file as the list of
/// ids, an empty list meaning every rule, as in the comment itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub enum RuleSet {
    All,
    Some(BTreeSet<String>),
}

impl RuleSet {
    fn parse(ids: &str) -> RuleSet {
        let ids: BTreeSet<String> = ids
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if ids.is_empty() {
            RuleSet::All
        } else {
            RuleSet::Some(ids)
        }
    }

    fn contains(&self, rule: &str) -> bool {
        match self {
            RuleSet::All => true,
            RuleSet::Some(ids) => ids.contains(rule),
        }
    }

    fn merge(&mut self, other: RuleSet) {
        match (&mut *self, other) {
            (RuleSet::All, _) => {}
            (_, RuleSet::All) => *self = RuleSet::All,
            (RuleSet::Some(a), RuleSet::Some(b)) => a.extend(b),
        }
    }
}

impl From<Vec<String>> for RuleSet {
    fn from(ids: Vec<String>) -> RuleSet {
        if ids.is_empty() {
            RuleSet::All
        } else {
            RuleSet::Some(ids.into_iter().collect())
        }
    }
}

impl From<RuleSet> for Vec<String> {
    fn from(set: RuleSet) -> Vec<String> {
        match set {
            RuleSet::All => Vec::new(),
            RuleSet::Some(ids) => ids.into_iter().collect(),
        }
    }
}

/// The suppressions of one source. They travel in facts files (`check
/// --facts`), where the source's text is no longer at hand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppressions {
    /// Rules disabled for the whole file (`None`: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<RuleSet>,
    /// Rules disabled on a line (1-based).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lines: BTreeMap<usize, RuleSet>,
}

impl Suppressions {
    /// Reads the directives of a source's full text (front matter
    /// included, so line numbers match the facts' spans).
    pub fn parse(text: &str) -> Suppressions {
        let mut s = Suppressions::default();
        if !text.contains("factlint-disable") {
            return s;
        }
        // Line starts, to turn byte offsets into 1-based lines.
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let line_of = |offset: usize| starts.partition_point(|&st| st <= offset);
        let lines: Vec<&str> = text.split('\n').collect();
        for cap in DIRECTIVE.captures_iter(text) {
            let (Some(all), Some(which), Some(ids)) = (cap.get(0), cap.get(1), cap.get(2)) else {
                continue;
            };
            let rules = RuleSet::parse(ids.as_str());
            if which.as_str() == "disable" {
                match &mut s.file {
                    Some(set) => set.merge(rules),
                    None => s.file = Some(rules),
                }
                continue;
            }
            // The line after the one where the comment ends, skipping
            // blank lines.
            let mut target = line_of(all.end().saturating_sub(1)) + 1;
            while lines.get(target - 1).is_some_and(|l| l.trim().is_empty()) {
                target += 1;
            }
            if target <= lines.len() {
                match s.lines.get_mut(&target) {
                    Some(set) => set.merge(rules),
                    None => {
                        s.lines.insert(target, rules);
                    }
                }
            }
        }
        s
    }

    pub fn is_empty(&self) -> bool {
        self.file.is_none() && self.lines.is_empty()
    }

    /// Whether `rule` is disabled for a fact starting on `line`.
    pub fn suppresses(&self, rule: &str, line: usize) -> bool {
        self.file.as_ref().is_some_and(|s| s.contains(rule))
            || self.lines.get(&line).is_some_and(|s| s.contains(rule))
    }
}

/// Removes from `bundle` the findings its sources suppress and returns
/// their ids. `texts` are the sources' full texts by source id.
pub fn apply_texts<'a>(
    bundle: &mut BundleReport,
    texts: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<String> {
    let parsed: Vec<(&str, Suppressions)> = texts
        .into_iter()
        .map(|(id, text)| (id, Suppressions::parse(text)))
        .collect();
    apply_parsed(bundle, parsed.iter().map(|(id, s)| (*id, s)))
}

/// Removes from `bundle` the findings that its sources' suppressions (by
/// source id) silence and returns their ids.
pub fn apply_parsed<'a>(
    bundle: &mut BundleReport,
    suppressions: impl IntoIterator<Item = (&'a str, &'a Suppressions)>,
) -> Vec<String> {
    let by_source: HashMap<&str, &Suppressions> = suppressions
        .into_iter()
        .filter(|(_, s)| !s.is_empty())
        .collect();
    if by_source.is_empty() {
        return Vec::new();
    }
    let facts: HashMap<&str, &Fact> = bundle.facts.iter().map(|f| (f.id.as_str(), f)).collect();
    let mut removed = Vec::new();
    let mut keep = Vec::with_capacity(bundle.findings.len());
    for finding in std::mem::take(&mut bundle.findings) {
        let suppressed = finding
            .facts
            .iter()
            .filter_map(|id| facts.get(id.as_str()))
            .any(|fact| {
                by_source
                    .get(fact.source.as_str())
                    .is_some_and(|s| s.suppresses(&finding.rule, fact.span.line))
            });
        if suppressed {
            removed.push(finding.id);
        } else {
            keep.push(finding);
        }
    }
    bundle.findings = keep;
    removed
}

/// [`apply_texts`] with the bundle's loaded sources.
pub fn apply(bundle: &mut BundleReport, sources: &[Source]) -> Vec<String> {
    apply_texts(
        bundle,
        sources.iter().map(|s| (s.id.as_str(), s.text.as_str())),
    )
}

/// Counts suppressed findings into the report's summary
/// (`summary.suppressed`) and recomputes the rest of it; call after
/// [`apply`] on each bundle.
pub fn record(report: &mut Report, suppressed: usize) {
    report.summary.suppressed += suppressed;
    report.summary = report.summarize();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;

    #[test]
    fn parses_file_and_next_line_directives() {
        let text = "Title\n\
                    <!-- factlint-disable single-source, quote-drift -->\n\
                    para one\n\
                    <!-- factlint-disable-next-line count-agree -->\n\
                    \n\
                    \x20 \n\
                    target line\n\
                    <!--factlint-disable-next-line-->\n\
                    all rules here\n";
        let s = Suppressions::parse(text);
        assert_eq!(
            s.file,
            Some(RuleSet::Some(
                ["quote-drift".to_string(), "single-source".to_string()].into()
            ))
        );
        assert_eq!(s.lines.len(), 2);
        assert!(s.suppresses("count-agree", 7));
        assert!(!s.suppresses("count-agree", 4));
        assert!(!s.suppresses("count-agree", 3));
        assert!(s.suppresses("anything", 9));
        assert!(s.suppresses("single-source", 1));
        assert!(!s.suppresses("date-agree", 1));
    }

    #[test]
    fn disable_without_ids_disables_everything() {
        let s = Suppressions::parse("a\n<!-- factlint-disable -->\nb");
        assert_eq!(s.file, Some(RuleSet::All));
        assert!(s.suppresses("whatever", 42));
        // A later narrower directive does not narrow it.
        let s = Suppressions::parse("<!-- factlint-disable -->\n<!-- factlint-disable x -->");
        assert_eq!(s.file, Some(RuleSet::All));
    }

    #[test]
    fn text_that_is_not_a_directive_does_nothing() {
        for text in [
            "plain article about factlint-disable",
            "<!-- factlint-disabled x -->\nline",
            "<!-- factlint-disable-next-line x -->",
            "<!-- a comment -->\nfactlint-disable x",
        ] {
            assert!(Suppressions::parse(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn suppressions_survive_json() {
        let s = Suppressions::parse(
            "<!-- factlint-disable a, b -->\n<!-- factlint-disable-next-line -->\nline\n",
        );
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"file":["a","b"],"lines":{"3":[]}}"#);
        assert_eq!(serde_json::from_str::<Suppressions>(&json).unwrap(), s);
        assert_eq!(
            serde_json::to_string(&Suppressions::default()).unwrap(),
            "{}"
        );
    }

    #[test]
    fn suppression_removes_exactly_the_named_finding() {
        let mut b = samples::sample_bundle();
        // The precedent conflict's 004 fact is on line 9 of 004_cccc.
        let text_c = "1\n2\n3\n4\n5\n6\n7\n<!-- factlint-disable-next-line precedent-conflict -->\n9\n10\n11\n";
        let removed = apply_texts(&mut b, [("004_cccc", text_c), ("000_aaaa", "nothing")]);
        assert_eq!(removed, ["precedent-conflict:leaders-gathering"]);
        let rules: Vec<&str> = b.findings.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["quote-drift", "date-agree", "single-source"]);
    }

    #[test]
    fn a_directive_for_another_rule_or_line_removes_nothing() {
        let mut b = samples::sample_bundle();
        let text_c = "1\n2\n3\n4\n5\n6\n7\n<!-- factlint-disable-next-line date-agree -->\n9\n\
                      <!-- factlint-disable-next-line precedent-conflict -->\n11\n";
        assert!(apply_texts(&mut b, [("004_cccc", text_c)]).is_empty());
        assert_eq!(b.findings.len(), 4);
    }

    #[test]
    fn file_directive_in_one_source_silences_cross_source_findings() {
        let mut b = samples::sample_bundle();
        let removed = apply_texts(
            &mut b,
            [(
                "000_aaaa",
                "<!-- factlint-disable date-agree quote-drift -->",
            )],
        );
        assert_eq!(removed.len(), 2);
        let mut report = crate::report::Report::new(vec![b]);
        record(&mut report, removed.len());
        assert_eq!(report.summary.suppressed, 2);
        assert_eq!(report.summary.findings, 2);
    }
}

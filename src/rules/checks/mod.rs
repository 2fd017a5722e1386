//! The built-in checks, one file each. A check turns the facts a rule
//! selects into findings; rules supply severity, parameters and wording.

pub mod agree;
pub mod arithmetic;
pub mod calendar;
pub mod exclusive;
pub mod quote_drift;
pub mod reference;
pub mod single_source;

use std::collections::{BTreeMap, BTreeSet};

use super::context::CheckContext;
use super::{Finding, Rule, Severity, Verdict};
use crate::facts::FactKind;

/// Placeholder values for a rule's message template.
#[derive(Default)]
pub struct Vars(BTreeMap<&'static str, String>);

impl Vars {
    pub fn set(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.0.insert(name, value.into());
        self
    }

    /// Replaces `{name}` with its value; unknown placeholders stay visible
    /// so a rule author sees the typo.
    pub fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) if self.0.contains_key(&after[..close]) => {
                    out.push_str(&self.0[&after[..close]]);
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// "000: ≥10001; 002: 12000" — each source's values, in source order.
pub fn values_by_source(ctx: &CheckContext, facts: &[usize]) -> String {
    let mut by: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for &i in facts {
        let f = &ctx.facts[i];
        by.entry(f.source.as_str())
            .or_default()
            .insert(f.value.display());
    }
    by.iter()
        .map(|(s, v)| {
            format!(
                "{}: {}",
                ctx.short(s),
                v.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn sources_of(ctx: &CheckContext, facts: &[usize]) -> Vec<String> {
    let set: BTreeSet<&str> = facts
        .iter()
        .map(|&i| ctx.facts[i].source.as_str())
        .collect();
    set.into_iter().map(str::to_string).collect()
}

pub fn short_list(ctx: &CheckContext, sources: &[String]) -> String {
    let names: Vec<String> = sources.iter().map(|s| ctx.short(s)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The common placeholders for a group of facts.
pub fn base_vars(ctx: &CheckContext, key: &str, subject: Option<&str>, facts: &[usize]) -> Vars {
    let sources = sources_of(ctx, facts);
    let subject_name = subject.map(|s| ctx.display_subject(s));
    Vars::default()
        .set("key", key)
        .set("subject", subject_name.clone().unwrap_or_default())
        .set(
            "subject_of",
            subject_name
                .as_ref()
                .map(|s| format!(" of {s}"))
                .unwrap_or_default(),
        )
        .set(
            "subject_prefix",
            subject_name
                .as_ref()
                .map(|s| format!("{s} "))
                .unwrap_or_default(),
        )
        .set("values", values_by_source(ctx, facts))
        .set("sources", short_list(ctx, &sources))
}

pub struct FindingParts<'a> {
    pub verdict: Verdict,
    pub kind: FactKind,
    pub key: &'a str,
    pub subject: Option<&'a str>,
    pub facts: Vec<usize>,
    pub message: String,
}

/// Builds a finding; agreements, single-source and not-comparable notes
/// are always `info`, whatever the rule's severity for a violation.
pub fn finding(rule: &Rule, ctx: &CheckContext, parts: FindingParts) -> Finding {
    let severity = match parts.verdict {
        Verdict::Agree | Verdict::SingleSource | Verdict::NotComparable => Severity::Info,
        _ => rule.severity,
    };
    let mut facts = parts.facts;
    facts.sort_unstable();
    facts.dedup();
    let id = match parts.subject {
        Some(s) if s != parts.key => format!("{}:{}:{}", rule.id, parts.key, s),
        _ => format!("{}:{}", rule.id, parts.key),
    };
    Finding {
        id,
        rule: rule.id.clone(),
        check: rule.check.kind(),
        severity,
        verdict: parts.verdict,
        kind: parts.kind,
        key: parts.key.to_string(),
        subject: parts.subject.map(str::to_string),
        sources: sources_of(ctx, &facts),
        facts: facts.iter().map(|&i| ctx.facts[i].id.clone()).collect(),
        message: parts.message,
        fingerprint: String::new(),
        diff: None,
    }
    .fingerprinted(facts.iter().map(|&i| &ctx.facts[i]))
}

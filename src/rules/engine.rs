//! Runs the enabled rules of a set over one bundle's facts.

use std::collections::HashMap;

use super::checks;
use super::context::CheckContext;
use super::{Check, Finding, Rule, RuleSet};
use crate::corpus::Source;
use crate::facts::Fact;

/// Runs every enabled rule; findings come back sorted by the position of
/// their first fact, then rule.
pub fn evaluate(set: &RuleSet, facts: &[Fact], sources: &[Source]) -> Vec<Finding> {
    let ctx = CheckContext::new(set, facts, sources);
    let mut findings: Vec<Finding> = Vec::new();
    for rule in set.rules.iter().filter(|r| r.enabled) {
        findings.extend(run_rule(rule, &ctx));
    }
    let position: HashMap<&str, (&str, usize)> = facts
        .iter()
        .map(|f| (f.id.as_str(), (f.source.as_str(), f.span.start)))
        .collect();
    findings.sort_by(|a, b| {
        let pa = a.facts.first().and_then(|id| position.get(id.as_str()));
        let pb = b.facts.first().and_then(|id| position.get(id.as_str()));
        pa.cmp(&pb)
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.id.cmp(&b.id))
    });
    findings.dedup_by(|a, b| a.id == b.id && a.verdict == b.verdict);
    findings
}

fn run_rule(rule: &Rule, ctx: &CheckContext) -> Vec<Finding> {
    let selected = ctx.select(&rule.def.select);
    match &rule.check {
        Check::Agree { tolerance } => checks::agree::run(rule, ctx, &selected, *tolerance),
        Check::Arithmetic { relation } => checks::arithmetic::run(rule, ctx, &selected, *relation),
        Check::Calendar => checks::calendar::run(rule, ctx, &selected),
        Check::Exclusive { join, a, b } => checks::exclusive::run(rule, ctx, *join, a, b),
        Check::Reference { pack } => checks::reference::run(rule, ctx, &selected, *pack),
        Check::SingleSource => checks::single_source::run(rule, ctx, &selected),
        Check::QuoteDrift { min_similarity } => {
            checks::quote_drift::run(rule, ctx, &selected, *min_similarity)
        }
    }
}

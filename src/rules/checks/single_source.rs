//! single-source: a claim (kind, key, subject) that only one source makes.
//! Informational: an editor sees what no other outlet confirms.

use super::{FindingParts, base_vars, finding, sources_of};
use crate::rules::context::{CheckContext, group};
use crate::rules::{Finding, Rule, Verdict};

pub fn run(rule: &Rule, ctx: &CheckContext, selected: &[usize]) -> Vec<Finding> {
    let mut out = Vec::new();
    for ((kind, key, subject), facts) in group(ctx, selected) {
        if sources_of(ctx, &facts).len() != 1 {
            continue;
        }
        let message = base_vars(ctx, &key, subject.as_deref(), &facts).fill(&rule.message);
        out.push(finding(
            rule,
            ctx,
            FindingParts {
                verdict: Verdict::SingleSource,
                kind,
                key: &key,
                subject: subject.as_deref(),
                facts,
                message,
            },
        ));
    }
    out
}

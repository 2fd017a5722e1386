//! exclusive: two differently worded claims that cannot both hold, such as
//! "unprecedented" against a stated precedent, or a debut against earlier
//! trips. Facts of side `a` and side `b` are paired by key (and subject) or
//! by subject alone.

use std::collections::BTreeMap;

use super::{FindingParts, finding, short_list, sources_of, values_by_source};
use crate::rules::context::CheckContext;
use crate::rules::schema::{Join, Selector};
use crate::rules::{Finding, Rule, Verdict};

type GroupKey = (String, Option<String>);

fn side(
    ctx: &CheckContext,
    which: &[crate::rules::schema::Selector],
    join: Join,
) -> BTreeMap<GroupKey, Vec<usize>> {
    let mut out: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
    for sel in which {
        for i in ctx.select(sel) {
            let f = &ctx.facts[i];
            let key = match join {
                Join::Key => (f.key.clone(), f.subject.clone()),
                Join::Subject => match &f.subject {
                    Some(s) => (String::new(), Some(s.clone())),
                    None => continue,
                },
            };
            out.entry(key).or_default().push(i);
        }
    }
    out
}

pub fn run(
    rule: &Rule,
    ctx: &CheckContext,
    join: Join,
    a: &[Selector],
    b: &[Selector],
) -> Vec<Finding> {
    let a_side = side(ctx, a, join);
    let b_side = side(ctx, b, join);
    let mut out = Vec::new();
    for (group, a_facts) in &a_side {
        let Some(b_facts) = b_side.get(group) else {
            continue;
        };
        let a_sources = sources_of(ctx, a_facts);
        let b_sources = sources_of(ctx, b_facts);
        let cross = a_sources.iter().any(|s| b_sources.iter().any(|t| t != s));
        let verdict = if cross {
            Verdict::Conflict
        } else {
            Verdict::Internal
        };
        let key = if group.0.is_empty() {
            ctx.facts[a_facts[0]].key.clone()
        } else {
            group.0.clone()
        };
        let subject = group.1.as_deref();
        let mut facts = a_facts.clone();
        facts.extend(b_facts);
        let message = super::base_vars(ctx, &key, subject, &facts)
            .set("a_sources", short_list(ctx, &a_sources))
            .set("b_sources", short_list(ctx, &b_sources))
            .set("a_values", values_by_source(ctx, a_facts))
            .set("b_values", values_by_source(ctx, b_facts))
            // Verb agreement: "002 calls", "000 and 002 call".
            .set("a_s", if a_sources.len() == 1 { "s" } else { "" })
            .set("b_s", if b_sources.len() == 1 { "s" } else { "" })
            .fill(&rule.message);
        let kind = ctx.facts[a_facts[0]].kind();
        out.push(finding(
            rule,
            ctx,
            FindingParts {
                verdict,
                kind,
                key: &key,
                subject,
                facts,
                message,
            },
        ));
    }
    out
}

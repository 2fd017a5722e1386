//! agree: facts with the same kind, key and subject must be compatible.
//! Reports `agree` when two or more sources are all compatible, `conflict`
//! when sources contradict each other, `internal` when one source
//! contradicts itself.

use super::{FindingParts, base_vars, finding};
use crate::facts::{Fact, FactValue};
use crate::rules::engine::{CheckContext, group};
use crate::rules::{Finding, Rule, Verdict};

fn same<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Whether two values of one kind can both be true.
pub fn compatible(a: &Fact, b: &Fact, tolerance: f64) -> bool {
    match (&a.value, &b.value) {
        (FactValue::Count(x), FactValue::Count(y)) => x.compatible(y, tolerance),
        (FactValue::Date(x), FactValue::Date(y)) => x.unifies(y),
        (FactValue::Duration(x), FactValue::Duration(y)) => x.compatible(y, tolerance),
        (FactValue::Attendance(x), FactValue::Attendance(y)) => x.presence == y.presence,
        (FactValue::Anniversary(x), FactValue::Anniversary(y)) => {
            x.ordinal == y.ordinal && same(&x.of_year, &y.of_year)
        }
        (FactValue::Treaty(x), FactValue::Treaty(y)) => same(&x.year, &y.year),
        (FactValue::Precedent(x), FactValue::Precedent(y)) => {
            x.unprecedented == y.unprecedented
                && same(&x.last_year, &y.last_year)
                && same(&x.gap_years, &y.gap_years)
        }
        (FactValue::First(x), FactValue::First(y)) => x.debut == y.debut,
        (FactValue::Role(x), FactValue::Role(y)) => x.office == y.office,
        (FactValue::Quote(x), FactValue::Quote(y)) => x.words == y.words,
        _ => false,
    }
}

pub fn run(rule: &Rule, ctx: &CheckContext, selected: &[usize]) -> Vec<Finding> {
    let tolerance = rule.def.params.tolerance.unwrap_or(0.1);
    let mut out = Vec::new();
    for ((kind, key, subject), facts) in group(ctx, selected) {
        let mut cross = false;
        let mut within = false;
        for (n, &i) in facts.iter().enumerate() {
            for &j in &facts[n + 1..] {
                let (a, b) = (&ctx.facts[i], &ctx.facts[j]);
                if !compatible(a, b, tolerance) {
                    if a.source == b.source {
                        within = true;
                    } else {
                        cross = true;
                    }
                }
            }
        }
        let sources = super::sources_of(ctx, &facts);
        let verdict = if cross {
            Verdict::Conflict
        } else if within {
            Verdict::Internal
        } else if sources.len() >= 2 {
            Verdict::Agree
        } else {
            continue;
        };
        let vars = base_vars(ctx, &key, subject.as_deref(), &facts);
        let message = match verdict {
            Verdict::Agree => vars.fill(&format!(
                "{{sources}} agree on {{key}}{}: {{values}}",
                if subject.is_some() {
                    " ({subject})"
                } else {
                    ""
                }
            )),
            _ => vars.fill(&rule.message),
        };
        out.push(finding(
            rule,
            ctx,
            FindingParts {
                verdict,
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

//! arithmetic: stated relations must add up. `precedent-gap`: the year of
//! the precedent plus the gap is the event's year ("38 years, since 1987"
//! in 2025). `anniversary-year`: the commemorated year plus the ordinal is
//! the event's year. Only relations whose terms are all stated are checked;
//! a term computed from the others would pass by construction.

use std::collections::BTreeMap;

use super::{FindingParts, finding};
use crate::facts::FactValue;
use crate::rules::context::CheckContext;
use crate::rules::schema::Relation;
use crate::rules::{Finding, Rule, Verdict};
use crate::text::ordinal;

pub fn run(
    rule: &Rule,
    ctx: &CheckContext,
    selected: &[usize],
    relation: Relation,
) -> Vec<Finding> {
    // (key, subject, holds, statement) → facts
    let mut groups: BTreeMap<(String, Option<String>, bool, String), Vec<usize>> = BTreeMap::new();
    for &i in selected {
        let f = &ctx.facts[i];
        let Some(&event_year) = ctx.event_years.get(f.source.as_str()) else {
            continue;
        };
        let (a, b) = match (&f.value, relation) {
            (FactValue::Precedent(p), Relation::PrecedentGap) if p.inferred.is_empty() => {
                match (p.last_year, p.gap_years) {
                    (Some(y), Some(g)) => (y, g),
                    _ => continue,
                }
            }
            (FactValue::Anniversary(a), Relation::AnniversaryYear) => match a.of_year {
                Some(y) => (y, a.ordinal as i32),
                None => continue,
            },
            _ => continue,
        };
        let holds = a + b == event_year;
        let statement = match relation {
            Relation::PrecedentGap if holds => {
                format!("{a} + {b} years = {event_year}, the event's year")
            }
            Relation::PrecedentGap => format!(
                "{a} + {b} years = {}, but the event is in {event_year}",
                a + b
            ),
            Relation::AnniversaryYear if holds => {
                format!(
                    "the {} anniversary of {a} falls in {event_year}, the event's year",
                    ordinal(b.into())
                )
            }
            Relation::AnniversaryYear => format!(
                "the {} anniversary of {a} falls in {}, but the event is in {event_year}",
                ordinal(b.into()),
                a + b
            ),
        };
        groups
            .entry((f.key.clone(), f.subject.clone(), holds, statement))
            .or_default()
            .push(i);
    }
    groups
        .into_iter()
        .map(|((key, subject, holds, statement), facts)| {
            let who = super::short_list(ctx, &super::sources_of(ctx, &facts));
            let detail = format!("{who}: {statement}");
            let message = if holds {
                detail
            } else {
                super::base_vars(ctx, &key, subject.as_deref(), &facts)
                    .set("detail", detail)
                    .fill(&rule.message)
            };
            let verdict = if holds {
                Verdict::Agree
            } else {
                Verdict::Internal
            };
            let kind = ctx.facts[facts[0]].kind();
            let found = finding(
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
            );
            let sources = found.sources.join("+");
            found.qualify_id(sources)
        })
        .collect()
}

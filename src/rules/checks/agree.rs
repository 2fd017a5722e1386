//! agree: facts with the same kind, key and subject must be compatible.
//! Reports `agree` when two or more sources are compatible and `conflict`
//! when two sources share no compatible reading. Differences within one
//! source are not judged here: an article giving a start and an end date,
//! or figures for two sub-groups under one noun, is usually not
//! contradicting itself, and a false conflict costs an editor more than a
//! missed one.

use std::collections::{BTreeMap, BTreeSet};

use super::{FindingParts, base_vars, finding};
use crate::facts::{Fact, FactValue};
use crate::rules::context::{CheckContext, group};
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

/// Figures further apart than this factor are about different things
/// ("a majority of 174" seats and a constituency "majority of 32,988"),
/// not two reports of one thing: real disagreements between reports of one
/// figure stay within an order of magnitude.
const MAX_RATIO: f64 = 10.0;

/// Whether two facts can be weighed against each other at all: their
/// claim frames describe the same thing, neither figure is a vague
/// magnitude ("tens of thousands" fits nearly any crowd), both are levels
/// or both changes, their units convert to one another (never two
/// currencies, never a percentage against points), and the figures are of
/// one order of magnitude.
fn comparable(a: &Fact, b: &Fact) -> bool {
    same_claim(a, b)
        && units_fit(a, b)
        && match (&a.value, &b.value) {
            (FactValue::Count(x), FactValue::Count(y)) => x.same_order(y, MAX_RATIO),
            _ => true,
        }
}

/// Whether the figures' units and directions let them be weighed at all.
fn units_fit(a: &Fact, b: &Fact) -> bool {
    match (&a.value, &b.value) {
        (FactValue::Count(x), FactValue::Count(y)) => x.comparable(y),
        _ => true,
    }
}

/// Frames that describe the same thing, and no vague magnitude.
fn same_claim(a: &Fact, b: &Fact) -> bool {
    if let (FactValue::Count(x), FactValue::Count(y)) = (&a.value, &b.value) {
        if x.is_vague() || y.is_vague() {
            return false;
        }
    }
    match (&a.frame, &b.frame) {
        (Some(x), Some(y)) => x.comparable(y),
        _ => true,
    }
}

/// The facts of one source worth weighing: a source that gives several
/// incompatible figures under one frame (same holder, scope and
/// attribution) is describing sub-groups it does not name, so none of
/// those figures speaks for the group.
fn weighable(ctx: &CheckContext, facts: &[usize], tolerance: f64) -> Vec<usize> {
    let same_frame = |a: &Fact, b: &Fact| match (&a.frame, &b.frame) {
        (Some(x), Some(y)) => {
            x.holder == y.holder
                && x.scope == y.scope
                && x.attribution.as_ref().map(|t| &t.id) == y.attribution.as_ref().map(|t| &t.id)
        }
        _ => false,
    };
    facts
        .iter()
        .copied()
        .filter(|&i| {
            let a = &ctx.facts[i];
            !facts.iter().any(|&j| {
                let b = &ctx.facts[j];
                i != j && same_frame(a, b) && comparable(a, b) && !compatible(a, b, tolerance)
            })
        })
        .collect()
}

/// The facts of a group that say whose figure they are, when the bundle
/// shows the measure is held by several (seats by party, votes by
/// candidate): a figure that names no holder could be anyone's and is not
/// weighed. The bundle shows it when figures name two holders or more and
/// at least a third of them name one; a story-wide measure (a toll) with a
/// stray holder keeps every fact.
fn holders_named(ctx: &CheckContext, facts: Vec<usize>) -> Vec<usize> {
    let holder = |i: usize| {
        ctx.facts[i]
            .frame
            .as_ref()
            .and_then(|f| f.holder.as_deref())
    };
    let held = facts.iter().filter(|&&i| holder(i).is_some()).count();
    let named: BTreeSet<&str> = facts.iter().filter_map(|&i| holder(i)).collect();
    if named.len() < 2 || held * 3 < facts.len() {
        return facts;
    }
    facts.into_iter().filter(|&i| holder(i).is_some()).collect()
}

/// What the pairs across two sources' weighable facts show.
#[derive(Debug, Default, PartialEq)]
struct SetPair {
    /// Some pair describes one thing in units that do not convert, or a
    /// change beside a level.
    unweighable: bool,
    /// Some pair can be weighed.
    comparable: bool,
    /// Some pair that can be weighed is compatible.
    compatible: bool,
}

/// Weighs every pair of `a` × `b` once. Each pair's frames are compared
/// before its units, and its units only once: both tests read the
/// figures' unit pairs, which cost an allocation each, and most pairs
/// across sources fail on the frame (another holder or scope).
fn weigh_sets(ctx: &CheckContext, a: &[usize], b: &[usize], tolerance: f64) -> SetPair {
    let mut out = SetPair::default();
    for &i in a {
        for &j in b {
            let (x, y) = (&ctx.facts[i], &ctx.facts[j]);
            if !same_claim(x, y) {
                continue;
            }
            if !units_fit(x, y) {
                out.unweighable = true;
                continue;
            }
            if let (FactValue::Count(u), FactValue::Count(v)) = (&x.value, &y.value) {
                if !u.same_order(v, MAX_RATIO) {
                    continue;
                }
            }
            out.comparable = true;
            if !out.compatible {
                out.compatible = compatible(x, y, tolerance);
            }
        }
    }
    out
}

pub fn run(rule: &Rule, ctx: &CheckContext, selected: &[usize], tolerance: f64) -> Vec<Finding> {
    let mut out = Vec::new();
    for ((kind, key, subject), facts) in group(ctx, selected) {
        let facts = holders_named(ctx, facts);
        // Facts per source, in source order.
        let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &i in &facts {
            by_source
                .entry(ctx.facts[i].source.as_str())
                .or_default()
                .push(i);
        }
        if by_source.len() < 2 {
            continue;
        }
        // Two sources conflict only when nothing one says fits anything the
        // other says: a source giving a start and an end date, or two
        // figures for two sub-groups, is not contradicting itself, and any
        // reading under which both sources hold is taken.
        let sets: Vec<Vec<usize>> = by_source
            .values()
            .map(|f| weighable(ctx, f, tolerance))
            .collect();
        // Only figures whose frames describe the same thing (same holder,
        // fitting scopes) are weighed against each other.
        let mut cross = false;
        let mut weighed = false;
        // Pairs that describe one thing in units that do not convert (two
        // currencies), or a change beside a level.
        let mut unweighable = false;
        for (n, a) in sets.iter().enumerate() {
            for b in &sets[n + 1..] {
                let pair = weigh_sets(ctx, a, b, tolerance);
                unweighable |= pair.unweighable;
                if pair.comparable {
                    weighed = true;
                    cross |= !pair.compatible;
                }
            }
        }
        if !weighed {
            if unweighable {
                let vars = base_vars(ctx, &key, subject.as_deref(), &facts);
                let message = vars.fill(
                    "{sources} give {key}{subject_of} in terms that cannot be weighed against each other (units that do not convert, or a change beside a level): {values}",
                );
                out.push(finding(
                    rule,
                    ctx,
                    FindingParts {
                        verdict: Verdict::NotComparable,
                        kind,
                        key: &key,
                        subject: subject.as_deref(),
                        facts,
                        message,
                    },
                ));
            }
            continue;
        }
        let verdict = if cross {
            Verdict::Conflict
        } else {
            Verdict::Agree
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairwise tests `weigh_sets` folds into one pass, each over
    /// every pair as written before.
    fn weigh_sets_in_full(ctx: &CheckContext, a: &[usize], b: &[usize], t: f64) -> SetPair {
        let unweighable = a.iter().any(|&i| {
            b.iter().any(|&j| {
                !units_fit(&ctx.facts[i], &ctx.facts[j]) && same_claim(&ctx.facts[i], &ctx.facts[j])
            })
        });
        let pairs: Vec<(usize, usize)> = a
            .iter()
            .flat_map(|&i| b.iter().map(move |&j| (i, j)))
            .filter(|&(i, j)| comparable(&ctx.facts[i], &ctx.facts[j]))
            .collect();
        SetPair {
            unweighable,
            comparable: !pairs.is_empty(),
            compatible: pairs
                .iter()
                .any(|&(i, j)| compatible(&ctx.facts[i], &ctx.facts[j], t)),
        }
    }

    /// Every pair of sources of every example and devset bundle, over all
    /// their facts of each kind and key, weighs the same either way.
    #[test]
    fn one_pass_weighs_as_the_pairwise_tests() {
        let (set, bundles) = crate::pipeline::example_and_devset_bundles();
        let (mut pairs, mut weighed) = (0, 0);
        for bundle in bundles {
            let facts: Vec<Fact> = bundle
                .sources
                .iter()
                .flat_map(|s| s.facts.clone())
                .collect();
            let ctx = CheckContext::new(&set, &facts, &[]);
            let all: Vec<usize> = (0..facts.len()).collect();
            for (_, group) in group(&ctx, &all) {
                let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
                for &i in &group {
                    by_source.entry(&facts[i].source).or_default().push(i);
                }
                let sets: Vec<&Vec<usize>> = by_source.values().collect();
                for (n, a) in sets.iter().enumerate() {
                    for b in &sets[n + 1..] {
                        for t in [0.0, 0.05] {
                            let got = weigh_sets(&ctx, a, b, t);
                            assert_eq!(got, weigh_sets_in_full(&ctx, a, b, t));
                            pairs += 1;
                            weighed += usize::from(got.comparable);
                        }
                    }
                }
            }
        }
        assert!(
            pairs > 100 && weighed > 20,
            "{pairs} pairs, {weighed} weighed"
        );
    }
}

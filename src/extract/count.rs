//! Counts: a number or a qualified quantity right before a counted noun
//! ("more than 10,000 troops", "hundreds of military vehicles", "26 foreign
//! leaders"). Up to two adjectives may stand between them.

use super::{Draft, SentenceContext};
use crate::facts::{CountValue, FactValue};
use crate::recognize::{Interval, MentionValue, NumberKind};

/// Adjectives allowed between the quantity and the noun.
const MAX_GAP_WORDS: usize = 2;

/// Closed-class words that cannot stand between a number and its noun:
/// "killed at least 212 people and injured …" does not count the injured.
const NOT_ADJECTIVES: &[&str] = &[
    "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "with", "by", "while",
    "as", "was", "were", "is", "are", "had", "has", "have", "be", "been", "who", "which", "that",
    "than", "people", "persons",
];

/// Inclusive integer bounds of a recognized interval: "more than 10,000"
/// starts at 10,001; "fewer than 50" ends at 49.
pub fn interval_to_count(i: &Interval) -> Option<CountValue> {
    let min = match i.min {
        Some(m) if i.min_inclusive => m.ceil(),
        Some(m) => m.floor() + 1.0,
        None => 0.0,
    };
    let max = match i.max {
        Some(m) if i.max_inclusive => Some(m.floor()),
        Some(m) => Some(m.ceil() - 1.0),
        None => None,
    };
    let fits = |x: f64| x.is_finite() && x.abs() < 9.0e15;
    if !fits(min) || max.is_some_and(|m| !fits(m) || m < min) {
        return None;
    }
    Some(CountValue {
        min: min as i64,
        max: max.map(|m| m as i64),
        approximate: i.approximate,
    })
}

/// Words that lead from a counted noun to its figure: "rose to", "stood at".
const REACHING: &[&str] = &[
    "to", "at", "reached", "hit", "topped", "passed", "exceeded", "of",
];
/// How many words may stand between the noun and the figure.
const AFTER_WINDOW_WORDS: usize = 6;

/// A quantity after the noun: "toll … rose to 190", "dead … stood at 50".
/// It must follow a reaching word and end its clause or precede "people",
/// so "sent troops to 14 countries" is not a count of troops.
fn figure_after(ctx: &SentenceContext, noun_end: usize) -> Option<(usize, usize, CountValue)> {
    let (_, clause_end) = ctx.clause_at(noun_end);
    ctx.mentions
        .iter()
        .filter(|m| m.start >= noun_end && m.end <= clause_end && !ctx.inside_date(m.start, m.end))
        .filter(|m| super::words_between(ctx.text, noun_end, m.start) <= AFTER_WINDOW_WORDS)
        .filter(|m| {
            let before = ctx.text[noun_end..m.start].trim_end().to_lowercase();
            REACHING
                .iter()
                .any(|w| before.ends_with(&format!(" {w}")) || before == *w)
        })
        .filter(|m| {
            let next = ctx.text[m.end..].trim_start();
            next.is_empty()
                || next.starts_with([',', '.', ';'])
                || next.starts_with("people")
                || next.starts_with("on ")
                || next.starts_with("by ")
        })
        .filter_map(|m| {
            let value = match &m.value {
                MentionValue::Number(n) if matches!(n.kind, NumberKind::Integer) => {
                    (n.value >= 0.0 && n.value < 9.0e15)
                        .then(|| CountValue::exact(n.value.round() as i64))
                }
                MentionValue::Range(r) => interval_to_count(r),
                _ => None,
            }?;
            Some((m.start, m.end, value))
        })
        // The outermost span ("to more than 200" over "200").
        .min_by_key(|(s, e, _)| (*s, std::cmp::Reverse(*e)))
}

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    let mut out = Vec::new();
    for hit in lex.counted.find_iter(ctx.text) {
        // "The 1999 earthquake left more than 17,000 dead": another event's figure.
        if ctx.is_historical_at(hit.start) {
            continue;
        }
        // The quantity ending closest before the noun, outermost span first.
        let mut best: Option<(usize, usize, CountValue)> = None;
        for m in &ctx.mentions {
            if m.end > hit.start || ctx.inside_date(m.start, m.end) {
                continue;
            }
            let gap = &ctx.text[m.end..hit.start];
            let gap_ok = gap
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
                && gap.split_whitespace().count() <= MAX_GAP_WORDS
                && !gap
                    .split_whitespace()
                    .any(|w| NOT_ADJECTIVES.contains(&w.to_lowercase().as_str()));
            if !gap_ok {
                continue;
            }
            let value = match &m.value {
                MentionValue::Number(n)
                    if matches!(n.kind, NumberKind::Integer | NumberKind::Decimal) =>
                {
                    (n.value.is_finite() && n.value >= 0.0 && n.value < 9.0e15)
                        .then(|| CountValue::exact(n.value.round() as i64))
                }
                MentionValue::Range(r) => interval_to_count(r),
                _ => None,
            };
            let Some(value) = value else { continue };
            let better = match &best {
                None => true,
                Some((s, e, _)) => m.end > *e || (m.end == *e && m.start < *s),
            };
            if better {
                best = Some((m.start, m.end, value));
            }
        }
        // "The death toll rose to 190", "the number of dead climbed to 240":
        // the figure follows its noun after a verb of reaching.
        let best = best.or_else(|| figure_after(ctx, hit.end));
        if let Some((start, _, value)) = best {
            let (cs, ce) = ctx.clause_at(hit.start);
            // "Earlier, officials had reported nine deaths": superseded. The
            // marker may stand in the clause before ("Earlier, …").
            let ss = if cs > 0 { ctx.clause_at(cs - 1).0 } else { cs };
            if lex.superseded.contains_in(&ctx.text[ss..ce]) {
                continue;
            }
            let key = match lex.count_aspects.find_iter(&ctx.text[cs..ce]).next() {
                Some(aspect) => format!("{}-{}", hit.value.key, aspect.value),
                None => hit.value.key.clone(),
            };
            let subject = if hit.value.per_subject {
                ctx.subject.clone()
            } else {
                None
            };
            out.push(Draft {
                key,
                subject,
                value: FactValue::Count(value),
                modality: ctx.modality_at(hit.start),
                start: start.min(hit.start),
                end: hit.end.max(start),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;

    fn counts(sentence: &str) -> Vec<(String, i64, Option<i64>, bool)> {
        run_on(
            sentence,
            chrono::NaiveDate::from_ymd_opt(2025, 9, 3),
            extract,
        )
        .into_iter()
        .map(|d| match d.value {
            FactValue::Count(c) => (d.key, c.min, c.max, c.approximate),
            _ => unreachable!(),
        })
        .collect()
    }

    #[test]
    fn count_table() {
        let k = |s: &str| s.to_string();
        let cases: Vec<(&str, Vec<(String, i64, Option<i64>, bool)>)> = vec![
            (
                "The event will include more than 10,000 troops, over 100 aircraft, and hundreds of military vehicles.",
                vec![
                    (k("troops"), 10_001, None, false),
                    (k("aircraft"), 101, None, false),
                    (k("vehicles"), 200, Some(999), true),
                ],
            ),
            (
                "A total of 26 foreign leaders will attend.",
                vec![(k("foreign-leaders"), 26, Some(26), false)],
            ),
            (
                "At least 12,000 soldiers marched.",
                vec![(k("troops"), 12_000, None, false)],
            ),
            (
                "Some twelve thousand soldiers marched.",
                vec![(k("troops"), 10_800, Some(13_200), true)],
            ),
            ("One soldier fell.", vec![(k("troops"), 1, Some(1), false)]),
            // Must yield nothing:
            ("Well-trained troops marched past.", vec![]),
            (
                "It marked the 80th anniversary of the troops' return.",
                vec![],
            ),
            ("On September 3, 2025 troops marched.", vec![]),
            ("The 1999 earthquake left more than 17,000 dead.", vec![]),
            ("In 2019, 50,000 spectators came.", vec![]),
            (
                "It killed at least 212 people and injured more than 1,500.",
                vec![],
            ),
            (
                "The death toll from the earthquake rose to 190 on Monday.",
                vec![(k("deaths"), 190, Some(190), false)],
            ),
            (
                "The number of dead climbed to more than 240, officials said.",
                vec![(k("deaths"), 241, None, false)],
            ),
            (
                "Two people have died in the floods.",
                vec![(k("deaths"), 2, Some(2), false)],
            ),
            ("The army sent troops to 14 countries.", vec![]),
            (
                "The fire destroyed 300 homes, and another 1,200 homes are under threat.",
                vec![
                    (k("buildings-destroyed"), 300, Some(300), false),
                    (k("buildings-threatened"), 1200, Some(1200), false),
                ],
            ),
            (
                "The last fire to threaten the town, in 2008, destroyed 47 homes.",
                vec![],
            ),
            ("Earlier, officials had reported nine deaths.", vec![]),
            (
                "It was their first show here since 2011, when they played to 13,000 fans.",
                vec![],
            ),
            (
                "They played to about 48,000 fans, marking an album released in 2000.",
                vec![(k("spectators"), 43_200, Some(52_800), true)],
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(counts(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn strict_and_inclusive_bounds() {
        let i = |min, min_inclusive, max, max_inclusive| Interval {
            min,
            max,
            min_inclusive,
            max_inclusive,
            approximate: false,
        };
        assert_eq!(
            interval_to_count(&i(Some(10_000.0), false, None, false))
                .unwrap()
                .min,
            10_001
        );
        assert_eq!(
            interval_to_count(&i(Some(10_000.0), true, None, false))
                .unwrap()
                .min,
            10_000
        );
        assert_eq!(
            interval_to_count(&i(None, false, Some(50.0), false))
                .unwrap()
                .max,
            Some(49)
        );
        assert_eq!(
            interval_to_count(&i(None, false, Some(50.0), true))
                .unwrap()
                .max,
            Some(50)
        );
        assert!(interval_to_count(&i(Some(5.0), false, Some(5.0), false)).is_none());
    }
}

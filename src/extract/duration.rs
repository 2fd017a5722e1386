//! Durations of keyed things: "the 70-minute event", "a journey that took
//! nearly a day". A duration with no keyed noun next to it ("in 66 years")
//! is left to other extractors.

use super::{Draft, SentenceContext, words_between};
use crate::facts::{DurationFact, FactValue};
use crate::recognize::MentionValue;

/// How far before the duration its noun may stand ("the ceremony lasted
/// 70 minutes", "a journey that took nearly a day").
const NOUN_BEFORE_WORDS: usize = 4;

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    let mut nouns: Vec<(usize, usize, String)> = lex
        .duration_nouns
        .find_iter(ctx.text)
        .map(|h| (h.start, h.end, h.value.clone()))
        .collect();
    if let Some(key) = &lex.event_duration_key {
        nouns.extend(
            lex.events
                .find_iter(ctx.text)
                .map(|h| (h.start, h.end, key.clone())),
        );
    }
    let mut out: Vec<Draft> = Vec::new();
    for m in &ctx.mentions {
        let MentionValue::Duration(d) = &m.value else {
            continue;
        };
        if ctx.is_historical_at(m.start) {
            continue;
        }
        if ctx
            .dates()
            .any(|(dm, _)| dm.start <= m.start && m.end <= dm.end)
        {
            continue; // "eight decades ago" is a date
        }
        if out.iter().any(|o| o.start <= m.start && m.end <= o.end) {
            continue;
        }
        let after = nouns.iter().find(|(s, _, _)| {
            *s >= m.end && ctx.text[m.end..*s].trim_matches([' ', '-']).is_empty()
        });
        let before = nouns.iter().rfind(|(_, e, _)| {
            *e <= m.start
                && words_between(ctx.text, *e, m.start) <= NOUN_BEFORE_WORDS
                && !ctx.text[*e..m.start].contains([',', ';', '.'])
        });
        let Some((_, _, key)) = after.or(before) else {
            continue;
        };
        out.push(Draft {
            frame: None,
            key: key.clone(),
            subject: None,
            value: FactValue::Duration(DurationFact {
                min_seconds: d.min_seconds,
                max_seconds: d.max_seconds,
                approximate: d.approximate,
            }),
            modality: ctx.modality_at(m.start),
            start: m.start,
            end: m.end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;

    fn durations(sentence: &str) -> Vec<(String, f64, f64)> {
        run_on(sentence, None, extract)
            .into_iter()
            .map(|d| match d.value {
                FactValue::Duration(v) => (d.key, v.min_seconds, v.max_seconds),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn duration_table() {
        let s = |x: &str| x.to_string();
        assert_eq!(
            durations("The 70-minute event will include music."),
            vec![(s("event-duration"), 4200.0, 4200.0)]
        );
        assert_eq!(
            durations("The ceremony lasted two hours."),
            vec![(s("event-duration"), 7200.0, 7200.0)]
        );
        let journey = durations("He came by train, on a journey that took nearly a day.");
        assert_eq!(journey.len(), 1);
        assert_eq!(journey[0].0, "travel-duration");
        assert!(journey[0].2 <= 86_400.0 && journey[0].1 < 86_400.0);
        // Must yield nothing.
        assert!(durations("The first such meeting in 66 years.").is_empty());
        assert!(durations("They fought together eight decades ago.").is_empty());
    }
}

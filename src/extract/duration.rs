//! Durations of the things they measure: "the 70-minute event", "a
//! 12-year papacy", "nine days of mourning", "a journey that took nearly a
//! day". A duration belongs to the noun it modifies, or to a noun before a
//! verb of extent ("lasted", "took"); one with neither ("in 66 years",
//! "followed three days during which …") is left to other extractors, so
//! two durations of different things never meet under one key.

use super::frame::{capitalized, word_spans};
use super::{Draft, SentenceContext, words_between};
use crate::facts::{DurationFact, FactValue};
use crate::recognize::MentionValue;
use crate::recognize::pos;

/// How far before the duration its noun may stand ("the ceremony lasted
/// 70 minutes", "a journey that took nearly a day").
const NOUN_BEFORE_WORDS: usize = 4;

/// Words of the noun phrase a duration modifies ("nine-day mourning
/// period").
const MAX_NP_WORDS: usize = 3;

/// The key of the noun phrase a duration modifies: "the 12-year papacy",
/// "nine days of official mourning". The lexicon's nouns keep their keys
/// (any event noun → the event's duration); an open noun keys itself.
fn modified_noun(ctx: &SentenceContext, m_start: usize, m_end: usize) -> Option<String> {
    let text = ctx.text;
    let lex = &ctx.rules.lexicon;
    let compound = text[m_start..m_end].contains('-') || text[m_end..].starts_with('-');
    let rest = text[m_end..].trim_start_matches('-');
    let from = if compound {
        text.len() - rest.len()
    } else {
        // "nine days of official mourning".
        let after = rest.strip_prefix(" of ")?;
        text.len() - after.len()
    };
    let (_, ce) = ctx.clause_at(from);
    let mut np: Vec<(usize, usize)> = Vec::new();
    for (s, e) in word_spans(text, from, ce.max(from))
        .into_iter()
        .take(MAX_NP_WORDS + 1)
    {
        let w = &text[s..e];
        let gap = np.last().map_or(&text[from..s], |&(_, pe)| &text[pe..s]);
        if !gap.trim().is_empty()
            || w.chars().any(|c| c.is_ascii_digit())
            || pos::is_function_word(w)
            || !(capitalized(w) || pos::is_noun(w) || pos::is_adjective(w))
        {
            break;
        }
        np.push((s, e));
        if np.len() == MAX_NP_WORDS {
            break;
        }
    }
    while np.last().is_some_and(|&(s, e)| {
        let w = &text[s..e];
        capitalized(w) || !pos::is_noun(w)
    }) {
        np.pop();
    }
    let (np_start, np_end) = (np.first()?.0, np.last()?.1);
    let phrase = &text[np_start..np_end];
    if let Some(h) = lex.duration_nouns.find_iter(phrase).next() {
        return Some(h.value.clone());
    }
    if let (Some(key), Some(_)) = (&lex.event_duration_key, lex.events.find_iter(phrase).next()) {
        return Some(key.clone());
    }
    // Capitalized modifiers ("Vatican mourning") name no kind of thing.
    let words: Vec<&str> = np
        .iter()
        .map(|&(s, e)| &text[s..e])
        .filter(|w| !capitalized(w))
        .collect();
    (!words.is_empty()).then(|| format!("{}-duration", pos::noun_key(&words)))
}

/// A keyed noun before the duration, joined to it by a verb of extent:
/// "the ceremony lasted two hours".
fn noun_before(ctx: &SentenceContext, m_start: usize) -> Option<String> {
    let lex = &ctx.rules.lexicon;
    let mut nouns: Vec<(usize, usize, String)> = lex
        .duration_nouns
        .find_in(&ctx.words)
        .map(|h| (h.start, h.end, h.value.clone()))
        .collect();
    if let Some(key) = &lex.event_duration_key {
        nouns.extend(
            lex.events
                .find_in(&ctx.words)
                .map(|h| (h.start, h.end, key.clone())),
        );
    }
    nouns
        .into_iter()
        .filter(|(_, e, _)| {
            if *e > m_start {
                return false;
            }
            let gap = &ctx.text[*e..m_start];
            // "a journey of nearly three hours".
            let of =
                gap.trim_start().starts_with("of ") && words_between(ctx.text, *e, m_start) <= 2;
            of || (words_between(ctx.text, *e, m_start) <= NOUN_BEFORE_WORDS
                && !gap.contains([',', ';', '.'])
                && lex.duration_verbs.find_iter(gap).next().is_some())
        })
        .max_by_key(|(_, e, _)| *e)
        .map(|(_, _, key)| key)
}

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
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
        // "the 61-year-old leader" is an age.
        let rest = &ctx.text[m.end..];
        if rest.starts_with("-old") || rest.starts_with(" old") || rest.starts_with("s old") {
            continue;
        }
        let Some(key) = modified_noun(ctx, m.start, m.end).or_else(|| noun_before(ctx, m.start))
        else {
            continue;
        };
        out.push(Draft {
            frame: None,
            key,
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
        assert_eq!(
            durations("It was a voyage of nearly two days.")[0].0,
            "travel-duration"
        );
        assert_eq!(
            durations("Her 12-year tenure reshaped the agency."),
            vec![(s("tenure-duration"), 378_432_000.0, 378_432_000.0)]
        );
        assert_eq!(
            durations("The vote opens five days of national mourning."),
            vec![(s("mourning-duration"), 432_000.0, 432_000.0)]
        );
        assert_eq!(
            durations("It was a three-day ceremony at the palace."),
            vec![(s("event-duration"), 259_200.0, 259_200.0)]
        );
        // Must yield nothing: a duration that measures no noun.
        assert!(durations("The first such meeting in 66 years.").is_empty());
        assert!(durations("The burial followed three days of debate.").len() == 1);
        assert!(
            durations("The burial followed three days during which he lay in state.").is_empty()
        );
        assert!(durations("The first such procession in a century.").is_empty());
        assert!(durations("The 61-year-old leader spoke.").is_empty());
        assert!(durations("They fought together eight decades ago.").is_empty());
    }
}

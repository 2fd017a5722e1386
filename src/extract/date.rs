//! Dates of the event (a day-precise date in a sentence that names the
//! event) and of keyed happenings ("arrived … the previous day"). A weekday
//! in the same sentence as a month-and-day date is that date's stated
//! weekday, which the calendar check then verifies.

use chrono::{Datelike, NaiveDate, Weekday};

use super::frame::{self, capitalized, possessive, word_spans};
use super::{Draft, SentenceContext};
use crate::facts::{DateField, DateValue, FactValue, Frame, Status};
use crate::recognize::pos;
use crate::recognize::{DateMention, Granularity, MentionValue};

fn day_precise(d: &DateMention) -> bool {
    // "November 19-20" is a span, whatever its firm part.
    if d.since || d.until.is_some() {
        return false;
    }
    let stated_day = d.stated.month.is_some() && d.stated.day.is_some();
    // "earlier this month" is a span of days, not a day.
    let resolved_day = d
        .period
        .is_some_and(|p| p.granularity == Granularity::Day && p.start == p.end);
    stated_day || resolved_day
}

/// The word at `end` is followed by a lower-case noun it modifies ("flood
/// damage"), not by a verb, figure or function word ("the flood on
/// Sunday", "the storm battered").
fn modifies_next(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    if !rest.starts_with(' ') {
        return false;
    }
    let next = rest
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    !next.is_empty()
        && !capitalized(next)
        && pos::is_noun(next)
        && !pos::is_function_word(next)
        && !pos::is_auxiliary(next)
        && !next.ends_with("ed")
        && !pos::is_adjective(next)
}

/// Whose happening a date is: the person the sentence names before it,
/// else the one a pronoun stands for ("he arrived the previous day"); a
/// person carried from earlier sentences does not own a sentence about
/// something else ("two dams burst early Monday").
fn date_subject(ctx: &SentenceContext, start: usize) -> Option<String> {
    let named = ctx.people.iter().rev().find(|p| p.end <= start);
    if let Some(p) = named {
        return Some(p.id.clone());
    }
    let pronoun = frame::words(ctx.text, 0, start).any(|(s, e)| {
        ctx.rules.lexicon.pronouns.is_whole(&ctx.text[s..e])
            || ctx.text[s..e].eq_ignore_ascii_case("who")
    });
    pronoun.then(|| ctx.subject.clone()).flatten()
}

/// A date stated to the year or month ("in 1998", "since January 2020").
fn coarse(d: &DateMention) -> bool {
    d.stated.year.is_some() && d.stated.day.is_none() && d.stated.weekday.is_none()
}

fn value_of(d: &DateMention, weekday: Option<Weekday>) -> DateValue {
    let resolved: Option<NaiveDate> = d
        .period
        .filter(|p| p.granularity == Granularity::Day)
        .map(|p| p.start);
    let stated_weekday = d.stated.weekday.or(weekday);
    let mut inferred = Vec::new();
    // A field the text leaves out is filled from the resolved day and
    // marked inferred; a year-only date has no day to fill from.
    let mut fill = |stated: Option<u32>, resolved: Option<u32>, field: DateField| {
        if stated.is_none() && resolved.is_some() {
            inferred.push(field);
        }
        stated.or(resolved)
    };
    let year = fill(
        d.stated.year.map(|y| y as u32),
        resolved.map(|r| r.year() as u32),
        DateField::Year,
    )
    .map(|y| y as i32);
    let month = fill(
        d.stated.month,
        resolved.map(|r| r.month()),
        DateField::Month,
    );
    let day = fill(d.stated.day, resolved.map(|r| r.day()), DateField::Day);
    let computed = match (year, month, day) {
        (Some(y), Some(m), Some(dd)) => NaiveDate::from_ymd_opt(y, m, dd).map(|x| x.weekday()),
        _ => None,
    };
    let weekday = fill(
        stated_weekday.map(|w| w.num_days_from_monday()),
        computed.map(|w| w.num_days_from_monday()),
        DateField::Weekday,
    )
    .and_then(|n| Weekday::try_from(n as u8).ok())
    .map(crate::facts::Weekday::from);
    DateValue {
        year,
        month,
        day,
        weekday,
        part: d.part,
        time: d.time.clone(),
        inferred,
    }
}

/// The clause a date belongs to: the clauses its own span touches, and the
/// next one when the date is a fronted adverbial ("On Thursday, May 8,
/// the festival opened").
fn date_scope(ctx: &SentenceContext, start: usize, end: usize) -> (usize, usize) {
    let (mut cs, _) = ctx.clause_at(start);
    // "The event, which began on Tuesday, …": a relative clause belongs to
    // the noun before it.
    let opening = frame::lowercase_head(ctx.text[cs..].trim_start(), RELATIVE_OPENERS_LEN);
    if cs > 0 && RELATIVE_OPENERS.iter().any(|w| opening.starts_with(w)) {
        cs = ctx.clause_at(cs - 1).0;
    }
    let (_, mut ce) = ctx.clause_at(end.saturating_sub(1).max(start));
    if words_without(&ctx.text[cs..ce], &ctx.text[start..end]) <= 2 && ce < ctx.text.len() {
        let next = ctx.text[ce..]
            .chars()
            .next()
            .map_or(ce, |c| ce + c.len_utf8());
        ce = ctx.clause_at(next).1;
    }
    (cs, ce)
}

/// Words that open a relative clause, with their space.
const RELATIVE_OPENERS: [&str; 3] = ["which ", "that ", "when "];

/// Characters in the longest of [`RELATIVE_OPENERS`].
const RELATIVE_OPENERS_LEN: usize = 6;

/// How many whitespace-separated words `text` holds once the first
/// `needle` in it is taken out, counted without the copy that takes it
/// out: the words on either side, less one where the cut joins two.
fn words_without(text: &str, needle: &str) -> usize {
    let Some(at) = text.find(needle) else {
        return text.split_whitespace().count();
    };
    let (before, after) = (&text[..at], &text[at + needle.len()..]);
    let joined = before.ends_with(|c: char| !c.is_whitespace())
        && after.starts_with(|c: char| !c.is_whitespace());
    before.split_whitespace().count() + after.split_whitespace().count() - usize::from(joined)
}

/// Words between a speech verb and the event it was said at ("told a
/// news conference").
const SPEECH_VENUE_WORDS: usize = 3;

/// Words a verb may stand before its date ("died on Monday", "burst
/// early Monday").
const VERB_GAP_WORDS: usize = 2;

/// The happening a date belongs to when the sentence names no event of
/// the lexicon: the noun after a possessive date ("Saturday's initial
/// report" → report) or the verb right before it ("died on Monday" →
/// died). Open vocabulary: the lexicon's event words key it when they
/// can (died → death), else the word's stem does. A speech or report verb
/// dates the telling, not the event, and keys nothing.
fn open_event(ctx: &SentenceContext, start: usize, end: usize) -> Option<String> {
    let text = ctx.text;
    let lex = &ctx.rules.lexicon;
    let key_of = |w: &str| {
        lex.events
            .find_iter(w)
            .next()
            .map_or_else(|| pos::stem(&pos::singular(w)), |h| h.value.clone())
    };
    let telling =
        |w: &str| lex.speech_verbs.contains_in(w) || lex.frames.report_verbs.contains_in(w);
    // "Saturday's report", "Saturday’s initial report".
    if possessive(&text[start..end]) {
        let from = end;
        let (_, ce) = ctx.clause_at(from);
        let noun = word_spans(text, from, ce.max(from))
            .into_iter()
            .take(3)
            .map(|(s, e)| &text[s..e])
            .take_while(|w| !pos::is_function_word(w) && !capitalized(w))
            .find(|w| pos::is_noun(w) && !pos::is_adjective(w));
        return noun.map(key_of);
    }
    // "died on Monday", "burst early Monday", "battered the coast on
    // Monday", "swept away whole streets last Sunday".
    let verb = verb_before(ctx, start)?;
    (!telling(verb) && !lex.frames.fillers.contains_in(verb) && !lex.frames.as_of.is_whole(verb))
        .then(|| key_of(verb))
}

/// The verb right before a date at `start` that may name its happening
/// ("died on Monday", "battered the coast on Monday"), past at most
/// [`VERB_GAP_WORDS`] prepositions and lead words and [`OBJECT_WORDS`] words
/// of its object.
fn verb_before<'t>(ctx: &SentenceContext<'t>, start: usize) -> Option<&'t str> {
    let text = ctx.text;
    // The clause's words nearest the date, last first: the gap, the verb's
    // object, the verb and the word before it are all that is read.
    let (cs, _) = ctx.clause_at(start);
    let back: Vec<(usize, usize)> = frame::words(text, cs, start)
        .rev()
        .take(VERB_GAP_WORDS + OBJECT_WORDS + 2)
        .collect();
    let word = |j: usize| back.get(j).map(|&(s, e)| &text[s..e]);
    let gap = back
        .iter()
        .take_while(|&&(s, e)| {
            let w = &text[s..e];
            pos::is_function_word(w) || DATE_LEAD_WORDS.contains(&w)
        })
        .count();
    if gap > VERB_GAP_WORDS {
        return None;
    }
    let mut j = gap;
    let mut object = 0;
    loop {
        let w = word(j)?;
        let before = word(j + 1);
        if !capitalized(w) && finite_verb(w, before, object > 0) {
            return Some(w);
        }
        // The verb's object or particle: "the coast", "away whole streets".
        if object == OBJECT_WORDS || capitalized(w) || !object_word(w) {
            return None;
        }
        object += 1;
        j += 1;
    }
}

/// Words that may stand between a verb and its date beside prepositions
/// ("burst early Monday", "swept … last Sunday").
const DATE_LEAD_WORDS: [&str; 3] = ["early", "late", "last"];

/// Words of a verb's object between it and its date ("battered the
/// coast on Monday").
const OBJECT_WORDS: usize = 3;

/// A word of a short object phrase: an article, determiner, adjective,
/// noun or particle, never a verb form or a figure.
fn object_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    w.chars().all(char::is_alphabetic)
        && !lower.ends_with("ed")
        && (pos::is_function_word(&lower) || pos::is_adjective(&lower) || pos::is_noun(&lower))
}

/// Whether `w` is a verb in use here: a past form ("battered"), a word
/// only a verb ("died"), an "-ing" form after no determiner ("start
/// naming"), or a word that is both noun and verb after its subject
/// ("two dams burst", not "the burst"). After an object, the word must be
/// plainly a verb.
fn finite_verb(w: &str, before: Option<&str>, has_object: bool) -> bool {
    // "away", "off": particles and adverbs the lexicon also lists as verbs.
    if !pos::is_verb(w) || pos::is_function_word(w) || pos::is_adverb(w) {
        return false;
    }
    let lower = w.to_lowercase();
    let after_determiner = before.is_some_and(|b| {
        let b = b.to_lowercase();
        pos::is_determiner(&b) || pos::is_article(&b) || pos::is_adjective(&b)
    });
    if pos::is_auxiliary(&lower) {
        return false;
    }
    // "had seen", "was shown": a participle after its auxiliary.
    if lower.ends_with("ed") || !pos::is_noun(&lower) || before.is_some_and(pos::is_auxiliary) {
        return true;
    }
    if lower.ends_with("ing") {
        return !after_determiner;
    }
    // A noun-verb after a subject that cannot be its modifier: a name or
    // a plural ("two dams burst"), not a compound's first noun ("a news
    // conference") or a determiner ("the burst").
    !has_object
        && before.is_some_and(|b| {
            let plural = pos::singular(b);
            capitalized(b)
                || (plural != b.to_lowercase()
                    && pos::is_noun(&plural)
                    && !pos::is_adjective(&plural))
        })
}

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    if ctx.dates().next().is_none() {
        return Vec::new();
    }
    let events: Vec<_> = lex.events.find_in(&ctx.words).collect();
    let cue = lex
        .date_cues
        .find_in(&ctx.words)
        .next()
        .map(|h| h.value.clone());
    // A date is the event's when the event noun stands in its clause with
    // no figure or speech verb between them: in "the death toll from
    // Sunday's earthquake climbed to 240 on Tuesday", Sunday is the
    // earthquake's day and Tuesday the toll's.
    let attached_event =
        |(cs, ce): (usize, usize), m_start: usize, m_end: usize| -> Option<String> {
            events
                .iter()
                .filter(|h| h.start >= cs && h.end <= ce)
                // "flood damage on September 14": an event noun that
                // modifies the noun after it is not the phrase's head.
                .filter(|h| !modifies_next(ctx.text, h.end))
                // "told a news conference on Sunday": an event where
                // something was said dates the saying.
                .filter(|h| {
                    let lead = &ctx.text[cs..h.start];
                    !lex.speech_verbs.find_iter(lead).any(|v| {
                        super::words_between(ctx.text, cs + v.end, h.start) <= SPEECH_VENUE_WORDS
                    })
                })
                .find(|h| {
                    let (a, b) = if h.end <= m_start {
                        (h.end, m_start)
                    } else {
                        (m_end.min(h.start), h.start)
                    };
                    let figure = ctx.mentions.iter().any(|x| {
                        x.start >= a
                            && x.end <= b
                            && !matches!(x.value, MentionValue::Date(_))
                            && !ctx.inside_date(x.start, x.end)
                    });
                    let speech = lex
                        .speech_verbs
                        .find_iter(&ctx.text[a..b.max(a)])
                        .next()
                        .is_some();
                    !figure && !speech
                })
                .map(|h| h.value.clone())
        };
    // "A day after its launch", "two days later": offsets from another
    // event, not from the report's date; without that anchor, no date.
    let anchored = |m: &crate::recognize::Mention| {
        if ctx.anchored {
            return false;
        }
        let t = ctx.text[m.start..m.end].to_lowercase();
        ["after", "before", "later", "earlier"]
            .iter()
            .any(|w| t.ends_with(w))
    };
    let dates: Vec<_> = ctx
        .dates()
        .filter(|(m, d)| (day_precise(d) || coarse(d)) && !anchored(m))
        .collect();
    let is_lone_weekday = |d: &DateMention| d.stated.weekday.is_some() && d.stated.day.is_none();
    let day_of = |d: &DateMention| {
        d.period
            .filter(|p| p.granularity == Granularity::Day)
            .map(|p| p.start)
    };
    let weekdays: Vec<_> = dates
        .iter()
        .filter(|(_, d)| is_lone_weekday(d))
        .copied()
        .collect();
    let is_dateline =
        |m: &crate::recognize::Mention| crate::corpus::is_dateline_date(ctx.text, m.start, m.end);
    // A dateline ("GENEVA, March 5 (AP) —") dates the report. It is the
    // event's date only when a weekday of the sentence falls on it ("Sep 3
    // … on Wednesday", and Sep 3 is that Wednesday).
    let weekday_on = |d: &DateMention| {
        weekdays
            .iter()
            .find(|(_, w)| day_of(w).is_some() && day_of(w) == day_of(d))
            .copied()
    };
    let kept: Vec<_> = dates
        .iter()
        .filter(|(m, d)| !is_dateline(m) || weekday_on(d).is_some())
        .copied()
        .collect();
    let month_days: Vec<_> = kept
        .iter()
        .filter(|(_, d)| !is_lone_weekday(d) && d.stated.month.is_some() && d.stated.day.is_some())
        .copied()
        .collect();
    // The weekday that states a month-and-day date's weekday: one falling
    // on it, else the sentence's only weekday beside its only date ("on
    // Monday, March 4" read as two spans), which the calendar check judges.
    let weekday_for = |m: &crate::recognize::Mention, d: &DateMention| {
        weekday_on(d).or_else(|| {
            (!is_dateline(m) && weekdays.len() == 1 && month_days.len() == 1).then(|| weekdays[0])
        })
    };
    let mut out: Vec<Draft> = Vec::new();
    for (m, d) in kept {
        // "governed since 2010", "cracks in 1998": a year or month dates
        // only the happening its verb names, and one in a past year is
        // history, listed but never weighed.
        if coarse(d) {
            let Some(key) = open_event(ctx, m.start, m.end) else {
                continue;
            };
            let past = ctx
                .reference
                .zip(d.stated.year)
                .is_some_and(|(r, y)| y < r.year());
            out.push(Draft {
                frame: past.then(|| Frame {
                    status: Status::Historical,
                    ..Frame::default()
                }),
                key: format!("{key}-date"),
                // Whose happening it is needs its clause's subject, which
                // a bare year rarely shares with the sentence's person.
                subject: None,
                value: FactValue::Date(value_of(d, None)),
                modality: ctx.modality_at(m.start),
                start: m.start,
                end: m.end,
            });
            continue;
        }
        if ctx.is_historical_at(m.start) {
            continue; // "the 2019 festival was held on June 3"
        }
        if is_lone_weekday(d)
            && month_days
                .iter()
                .any(|(dm, dd)| weekday_for(dm, dd).is_some_and(|(wm, _)| wm.start == m.start))
        {
            continue; // merged into its month-and-day date
        }
        // Nested spans: keep the outermost date only.
        if out.iter().any(|o| o.start <= m.start && m.end <= o.end) {
            continue;
        }
        let merged = if is_lone_weekday(d) {
            None
        } else {
            weekday_for(m, d)
        };
        let weekday = merged.and_then(|(_, w)| w.stated.weekday);
        let value = value_of(d, weekday);
        if out
            .iter()
            .any(|o| o.value == FactValue::Date(value.clone()))
        {
            continue;
        }
        // "began on Tuesday … ended on Wednesday": start and end are two
        // claims. A weekday merged into this date carries the verb.
        let (at_start, at_end) = match merged {
            Some((w, _)) if is_dateline(m) => (w.start, w.end),
            _ => (m.start, m.end),
        };
        let (cs, ce) = date_scope(ctx, at_start, at_end);
        // "The summit … began on Monday and ended on Wednesday": a start or
        // end verb ties the date to the event named earlier in the sentence.
        let has_role = lex.date_roles.find_iter(&ctx.text[cs..ce]).next().is_some();
        let scope = if has_role { (0, ce) } else { (cs, ce) };
        let (key, subject) = match (attached_event(scope, at_start, at_end), &cue) {
            (Some(event), _) => {
                let role = lex
                    .date_roles
                    .find_iter(&ctx.text[cs..ce])
                    .next()
                    .map(|h| h.value.clone());
                match role {
                    Some(role) => (format!("{event}-{role}"), None),
                    None => (format!("{event}-date"), None),
                }
            }
            (None, Some(cue)) => (cue.clone(), date_subject(ctx, m.start)),
            (None, None) => match open_event(ctx, m.start, m.end) {
                Some(key) => (format!("{key}-date"), date_subject(ctx, m.start)),
                None => continue,
            },
        };
        out.push(Draft {
            frame: None,
            key,
            subject,
            value: FactValue::Date(value),
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
    use crate::extract::{run_on, with_context};

    /// The verb [`open_event`] reads before a date, found as it was before
    /// only the words nearest the date were split: from all the clause's
    /// words.
    fn verb_before_in_full<'t>(ctx: &SentenceContext<'t>, start: usize) -> Option<&'t str> {
        let text = ctx.text;
        let (cs, _) = ctx.clause_at(start);
        let words = word_spans(text, cs, start);
        let word = |i: usize| &text[words[i].0..words[i].1];
        let gap = words
            .iter()
            .rev()
            .take_while(|&&(s, e)| {
                let w = &text[s..e];
                pos::is_function_word(w) || DATE_LEAD_WORDS.contains(&w)
            })
            .count();
        if gap > VERB_GAP_WORDS {
            return None;
        }
        let mut i = words.len().checked_sub(gap + 1)?;
        let mut object = 0;
        loop {
            let w = word(i);
            let before = i.checked_sub(1).map(word);
            if !capitalized(w) && finite_verb(w, before, object > 0) {
                return Some(w);
            }
            if object == OBJECT_WORDS || capitalized(w) || !object_word(w) {
                return None;
            }
            object += 1;
            i = i.checked_sub(1)?;
        }
    }

    /// Over every real line, for every mention and every word taken out
    /// of the line, the words left are counted as in the copy without it.
    #[test]
    fn words_without_a_span_count_as_in_the_copy() {
        let mut lines = vec!["a b a", "ab", "", "x  y", "May 8,May 8 8"]
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>();
        lines.extend(crate::recognize::tests::corpus_lines());
        let mut asked = 0;
        for line in &lines {
            let mut spans: Vec<(usize, usize)> = frame::words(line, 0, line.len()).collect();
            spans.extend(spans.clone().windows(2).map(|w| (w[0].0, w[1].1)));
            spans.push((0, 0));
            for (s, e) in spans {
                let needle = &line[s..e];
                let want = line.replacen(needle, "", 1).split_whitespace().count();
                assert_eq!(words_without(line, needle), want, "{line:?} {needle:?}");
                for (cs, ce) in [(0, s), (e, line.len())] {
                    let clause = &line[cs..ce];
                    let want = clause.replacen(needle, "", 1).split_whitespace().count();
                    assert_eq!(words_without(clause, needle), want, "{clause:?} {needle:?}");
                }
                asked += 1;
            }
        }
        assert!(asked > 10_000, "{asked}");
    }

    /// Over every real line, before every mention and every word, the
    /// verb read from the nearest words is the one read from them all.
    #[test]
    fn verb_before_a_date_is_read_from_the_nearest_words() {
        let (mut asked, mut found) = (0, 0);
        for line in crate::recognize::tests::corpus_lines() {
            with_context(&line, NaiveDate::from_ymd_opt(2025, 9, 14), |ctx| {
                let starts = ctx
                    .mentions
                    .iter()
                    .map(|m| m.start)
                    .chain(frame::words(&line, 0, line.len()).map(|(s, _)| s));
                for start in starts {
                    let got = verb_before(ctx, start);
                    assert_eq!(got, verb_before_in_full(ctx, start), "{line:?} {start}");
                    asked += 1;
                    found += usize::from(got.is_some());
                }
            });
        }
        assert!(
            asked > 10_000 && found > 1000,
            "{asked} asked, {found} found"
        );
    }

    fn dates(sentence: &str, reference: Option<NaiveDate>) -> Vec<(String, String, Vec<String>)> {
        run_on(sentence, reference, extract)
            .into_iter()
            .map(|d| match d.value {
                FactValue::Date(v) => (
                    d.key,
                    v.display(),
                    // The fields' JSON names, as the table writes them.
                    v.inferred
                        .iter()
                        .map(|f| format!("{f:?}").to_lowercase())
                        .collect(),
                ),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn date_table() {
        let r = NaiveDate::from_ymd_opt(2025, 9, 3);
        let s = |x: &str| x.to_string();
        let cases: Vec<(&str, Vec<(String, String, Vec<String>)>)> = vec![
            (
                "The parade is on September 3, 2025.",
                vec![(
                    s("event-date"),
                    s("2025-09-03 (wednesday)"),
                    vec![s("weekday")],
                )],
            ),
            (
                "China is preparing for a parade on September 3.",
                vec![(
                    s("event-date"),
                    s("2025-09-03 (wednesday)"),
                    vec![s("year"), s("weekday")],
                )],
            ),
            (
                "Beijing, Sep 3 (Agency) Leaders watched a parade in Beijing on Wednesday.",
                vec![(
                    s("event-date"),
                    s("2025-09-03 (wednesday)"),
                    vec![s("year")],
                )],
            ),
            (
                "He arrived in the city the previous day.",
                vec![(
                    s("arrival"),
                    s("2025-09-02 (tuesday)"),
                    vec![s("year"), s("month"), s("day"), s("weekday")],
                )],
            ),
            (
                "The event, which began on Tuesday, September 2, ended on Wednesday, September 3.",
                vec![
                    (s("event-start"), s("2025-09-02 (tuesday)"), vec![s("year")]),
                    (s("event-end"), s("2025-09-03 (wednesday)"), vec![s("year")]),
                ],
            ),
            (
                "GENEVA, Sept. 2 (Wire) — Leaders opened a two-day summit on Tuesday.",
                vec![(s("event-start"), s("2025-09-02 (tuesday)"), vec![s("year")])],
            ),
            (
                "On Thursday, September 4, 2025, the festival opened.",
                vec![(s("event-start"), s("2025-09-04 (thursday)"), vec![])],
            ),
            (
                "The death toll from Sunday's earthquake climbed to 240 on Tuesday.",
                vec![(
                    s("event-date"),
                    s("2025-08-31 (sunday)"),
                    vec![s("year"), s("month"), s("day")],
                )],
            ),
            // Must yield nothing: no event named, or not a day.
            (
                "GENEVA, March 5 (AP) — Shares rose a day after the launch event.",
                vec![],
            ),
            (
                "The toll rose to 190 after the quake, the ministry said on Monday.",
                vec![],
            ),
            (
                "The minister told a news conference on Monday that the bridge had reopened.",
                vec![],
            ),
            // Open vocabulary: the verb before the date keys it, in the
            // past when the verb is ("died on Monday" is last Monday).
            (
                "The singer, who died on Monday aged 70, was mourned.",
                vec![(
                    s("death-date"),
                    s("2025-09-01 (monday)"),
                    vec![s("year"), s("month"), s("day")],
                )],
            ),
            (
                "Saturday's report had put the damage higher.",
                vec![(
                    s("report-date"),
                    s("2025-08-30 (saturday)"),
                    vec![s("year"), s("month"), s("day")],
                )],
            ),
            ("Rain fell earlier this month.", vec![]),
            ("Prices on September 3 were high.", vec![]),
            ("The flood damage on September 14 was severe.", vec![]),
            (
                "Floodwaters swept away whole streets last Sunday.",
                vec![(
                    s("swept-date"),
                    s("2025-08-31 (sunday)"),
                    vec![s("year"), s("month"), s("day")],
                )],
            ),
            (
                "Two dams above Norvik burst early Monday.",
                vec![(
                    s("burst-date"),
                    s("2025-09-01 (monday) early"),
                    vec![s("year"), s("month"), s("day")],
                )],
            ),
            // A year or a month dates only its verb's happening.
            (
                "The ruling party has governed since 2010.",
                vec![(s("govern-date"), s("2010"), vec![])],
            ),
            (
                "Engineers had seen cracks in March 2019.",
                vec![(s("seen-date"), s("2019-03"), vec![])],
            ),
            ("The 2019 summit drew crowds.", vec![]),
            // Kept as history (status historical), never weighed.
            (
                "A similar event took place in 1959.",
                vec![(s("took-date"), s("1959"), vec![])],
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(dates(sentence, r), want, "{sentence}");
        }
    }
}

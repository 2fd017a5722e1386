//! Counts: a figure and what it measures, in open vocabulary. The measure
//! is the noun phrase after the figure ("more than 10,000 marchers", "6,000
//! body bags"); for generic nouns, what happened to them ("10,100 people
//! … are reported missing"); or a measure before the figure ("the death
//! toll … has soared to 11,300", "killed at least 212"). The lexicon maps
//! synonyms to one key; a noun it does not know keys by its singular. The
//! rest of the claim (scope, as-of, attribution, status) comes from the
//! frame fillers.

use super::frame::{self, capitalized, word_spans};
use super::{Draft, SentenceContext, quantity, words_between};
use crate::facts::{CountValue, FactValue, Measure, Status};
use crate::recognize::pos;
use crate::recognize::{MentionValue, NumberKind};

/// Words a noun phrase after a figure may hold ("6,000 body bags").
const MAX_NP_WORDS: usize = 4;
/// Words between a generic noun and what happened to it.
const MAX_PREDICATE_WORDS: usize = 8;
/// Words a measure may stand before its figure ("the death toll in Derna,
/// Libya's coastal city, has soared to 11,300").
const MAX_MEASURE_BACK_WORDS: usize = 14;

/// Articles and fillers between a measure verb and its figure ("claimed
/// an additional 170 lives").
const LEAD_WORDS: usize = 2;

/// What a figure counts, with where its words lie.
struct Found {
    key: String,
    noun: String,
    aspect: Option<String>,
    start: usize,
    end: usize,
    per_subject: bool,
}

/// The figures of a sentence: outermost number and range mentions that are
/// not dates, years, times, durations, ordinals or parts of names ("G7").
fn figures(ctx: &SentenceContext) -> Vec<(usize, usize, CountValue)> {
    let text = ctx.text;
    let spans: Vec<(usize, usize)> = ctx
        .mentions
        .iter()
        .filter(|m| matches!(m.value, MentionValue::Number(_) | MentionValue::Range(_)))
        .map(|m| (m.start, m.end))
        .collect();
    let mut out = Vec::new();
    for m in &ctx.mentions {
        let value = match &m.value {
            MentionValue::Number(n) => match n.kind {
                NumberKind::Integer | NumberKind::Decimal => {
                    let year_like = super::year_digits(&text[m.start..m.end], n.value);
                    if year_like || !(n.value.is_finite() && n.value >= 0.0 && n.value < 9.0e15) {
                        continue;
                    }
                    CountValue::exact(n.value)
                }
                NumberKind::Percent => CountValue {
                    unit: Some("percent".into()),
                    ..CountValue::exact(n.value)
                },
                _ => continue,
            },
            MentionValue::Range(r) => {
                let Some(mut c) = CountValue::from_interval(r) else {
                    continue;
                };
                let words = text[m.start..m.end].to_lowercase();
                if words.contains('%') || words.contains("per cent") || words.contains("percent") {
                    c.unit = Some("percent".into());
                }
                c
            }
            _ => continue,
        };
        let nested = spans
            .iter()
            .any(|&(s, e)| s <= m.start && m.end <= e && (s, e) != (m.start, m.end));
        let in_duration = ctx.mentions.iter().any(|d| {
            matches!(d.value, MentionValue::Duration(_)) && d.start < m.end && m.start < d.end
        });
        let in_date = ctx.dates().any(|(d, _)| d.start < m.end && m.start < d.end);
        let before = text[..m.start].chars().next_back();
        // "AI171", "COVID-19", "Boeing 787-8": part of a name or code.
        let glued_before = before.is_some_and(char::is_alphabetic)
            || (before == Some('-')
                && text[..m.start - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric));
        let after = &text[m.end..];
        // "three-way", "2.5-mile": a compound adjective, not a count.
        // "the 4-kilometre route" is a length all the same.
        let compound = quantity::compound_unit(&ctx.rules.lexicon.units, after);
        let glued_after = after.chars().next().is_some_and(char::is_alphabetic)
            || (after.starts_with('-') && after[1..].starts_with(char::is_alphabetic) && !compound)
            || (after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
            || {
                let head = frame::lowercase_head(after.trim_start(), 3);
                head.starts_with("a.m") || head.starts_with("p.m")
            };
        if nested || in_duration || in_date || glued_before || glued_after {
            continue;
        }
        out.push((m.start, m.end, value));
    }
    out
}

/// What happened to the things counted, from the words after `from`:
/// "are reported missing", "had been buried", "were killed".
fn predicate_after(ctx: &SentenceContext, from: usize) -> Option<(String, String, usize)> {
    let frames = &ctx.rules.lexicon.frames;
    let lex = &ctx.rules.lexicon;
    let (_, ce) = ctx.clause_at(from);
    let mut at = from;
    // The first words only: the predicate within MAX_PREDICATE_WORDS, the
    // verb after a place phrase within the first six.
    let words: Vec<(usize, usize)> = frame::words(ctx.text, from, ce.max(from))
        .take(MAX_PREDICATE_WORDS.max(6))
        .collect();
    let mut skipped_place = false;
    for (i, &(s, e)) in words.iter().enumerate().take(MAX_PREDICATE_WORDS) {
        if s < at {
            continue;
        }
        let rest = &ctx.text[s..ce.max(s)];
        if let Some(h) = frames.measures.prefix(rest) {
            return Some((h.value.clone(), rest[..h.end].to_lowercase(), s + h.end));
        }
        if let Some(h) = lex.count_aspects.prefix(rest) {
            return Some((h.value.clone(), rest[..h.end].to_lowercase(), s + h.end));
        }
        if let Some(h) = frames.fillers.prefix(rest) {
            at = s + h.end;
            continue;
        }
        let w = &ctx.text[s..e];
        // "people in the Mediterranean city are …": a place phrase may
        // stand between the noun and its predicate.
        if i == 0 && !skipped_place && frames.scope_within.contains_in(w) {
            let verb = words
                .iter()
                .position(|&(vs, ve)| frames.fillers.contains_in(&ctx.text[vs..ve]));
            if let Some(p) = verb.filter(|p| *p <= 5) {
                at = words[p].0;
                skipped_place = true;
                continue;
            }
            return None;
        }
        if pos::is_function_word(w) || capitalized(w) {
            return None;
        }
        if w.ends_with("ed") && pos::is_verb(w) {
            return Some((pos::stem(w), w.to_lowercase(), e));
        }
        return None;
    }
    None
}

/// The noun phrase right after a figure and what it counts.
fn measure_after(ctx: &SentenceContext, from: usize, one: bool, percent: bool) -> Option<Found> {
    let lex = &ctx.rules.lexicon;
    let frames = &lex.frames;
    let text = ctx.text;
    let (_, ce) = ctx.clause_at(from);
    let words = frame::words(text, from, ce.max(from));
    let first = words.clone().next()?;
    if text[from..first.0].trim().len() > 1 {
        return None;
    }
    // "6.8% of the vote": a percentage is a share of what follows "of".
    if percent && text[first.0..first.1].eq_ignore_ascii_case("of") {
        return share_of(ctx, first.1, None);
    }
    // "11,300 dead", "10,100 missing": the predicate is the measure.
    let rest = &text[first.0..ce.max(first.0)];
    if let Some(h) = frames.measures.prefix(rest) {
        return Some(Found {
            key: h.value.clone(),
            noun: "people".into(),
            aspect: Some(rest[..h.end].to_lowercase()),
            start: first.0,
            end: first.0 + h.end,
            per_subject: false,
        });
    }
    // "410 of the 650 seats" counts a part: left to the figure after it.
    let mut np: Vec<(usize, usize)> = Vec::new();
    for (s, e) in words.take(MAX_NP_WORDS) {
        let w = &text[s..e];
        if w.chars().any(|c| c.is_ascii_digit())
            || pos::is_function_word(w)
            || frames.fillers.contains_in(w)
        {
            break;
        }
        let demonym = capitalized(w) && w.ends_with('s') && w.len() > 3;
        let acronyms = pos::acronym_plural(w).is_some();
        if capitalized(w) && !demonym && !acronyms {
            break;
        }
        if !(pos::is_noun(w) || pos::is_adjective(w) || demonym || acronyms) {
            break;
        }
        // Unlisted words are taken for nouns, but two in a row are more
        // likely a noun and an irregular verb ("aircraft flew").
        let unlisted = |(s, e): (usize, usize)| !pos::is_listed(&text[s..e]);
        if unlisted((s, e)) && np.last().is_some_and(|&p| unlisted(p)) {
            break;
        }
        np.push((s, e));
        // A plural noun heads its phrase ("body bags were …"); so does the
        // first noun after "one" ("one soldier fell").
        let plural = pos::singular(w) != w.to_lowercase();
        if frames.generic_nouns.contains_in(w) || ((pos::is_noun(w) || acronyms) && (plural || one))
        {
            break;
        }
    }
    // The head is the last noun of the phrase.
    while let Some(&(s, e)) = np.last() {
        let w = &text[s..e];
        if pos::is_noun(w) || capitalized(w) {
            break;
        }
        np.pop();
    }
    let (np_start, np_end) = (np.first()?.0, np.last()?.1);
    let phrase = &text[np_start..np_end];
    let head = &text[np.last()?.0..np_end];
    // "a 35.6% share of the vote" is the vote's share, as "35.6% of the
    // vote" is.
    if pos::singular(head) == "share" && text[np_end..].trim_start().starts_with("of ") {
        let of_end = np_end + text[np_end..].find("of ")? + 2;
        if let Some(found) = share_of(ctx, of_end, Some(np_start)) {
            return Some(found);
        }
    }
    // A counted noun the lexicon knows keys the figure.
    // The first counted noun the lexicon knows in the phrase keys the
    // figure ("vintage aircraft", "foreign leaders").
    let known = lex.counted.find_iter(phrase).next();
    if let Some(h) = known {
        let np_end = np_start + h.end;
        let phrase = &text[np_start..np_end];
        let (cs, ce) = ctx.clause_at(np_start);
        let aspect = lex.count_aspects.find_iter(&text[cs..ce]).next();
        let key = match &aspect {
            Some(a) => format!("{}-{}", h.value.key, &a.value),
            None => h.value.key.clone(),
        };
        return Some(Found {
            key,
            noun: phrase[h.start..].to_lowercase(),
            aspect: aspect.map(|a| text[cs + a.start..cs + a.end].to_lowercase()),
            start: np_start,
            end: np_end,
            per_subject: h.value.per_subject,
        });
    }
    if frames.generic_nouns.contains_in(head) {
        let (key, aspect, end) = predicate_after(ctx, np_end)?;
        return Some(Found {
            key,
            noun: head.to_lowercase(),
            aspect: Some(aspect),
            start: np_start,
            end,
            per_subject: false,
        });
    }
    // An open noun: its key is its singular, with noun modifiers ("body
    // bags" → body-bag); adjectives ("emergency", "confirmed") fall away
    // unless the lexicon maps the whole phrase.
    let words: Vec<&str> = np.iter().map(|&(s, e)| &text[s..e]).collect();
    let (cs, ce) = ctx.clause_at(np_start);
    let aspect = lex.count_aspects.find_iter(&text[cs..ce]).next();
    let base = pos::noun_key(&words);
    Some(Found {
        key: match &aspect {
            Some(a) => format!("{base}-{}", &a.value),
            None => base,
        },
        noun: phrase.to_lowercase(),
        aspect: aspect.map(|a| text[cs + a.start..cs + a.end].to_lowercase()),
        start: np_start,
        end: np_end,
        per_subject: false,
    })
}

/// A share of the noun after "of" ("the vote", "the total vote", "all
/// seats"), keyed `<noun>-share`; its span starts at `start` when a share
/// noun stands before ("a 35.6% share of the vote"), else at the noun.
fn share_of(ctx: &SentenceContext, from: usize, start: Option<usize>) -> Option<Found> {
    let text = ctx.text;
    let (_, ce) = ctx.clause_at(from);
    let &(s, e) = word_spans(text, from, ce.max(from))
        .iter()
        .take(4)
        .find(|&&(s, e)| {
            let w = &text[s..e];
            // "of the total vote": determiners, adjectives, fillers pass.
            !(pos::is_function_word(w)
                || pos::is_adjective(w)
                || ctx.rules.lexicon.frames.fillers.contains_in(w))
        })?;
    let noun = &text[s..e];
    (pos::is_noun(noun) && !capitalized(noun)).then(|| Found {
        key: format!("{}-share", pos::singular(noun)),
        noun: format!("share of {}", noun.to_lowercase()),
        aspect: None,
        start: start.unwrap_or(s),
        end: e,
        per_subject: false,
    })
}

/// A measure before its figure: "the death toll … has soared to 11,300",
/// "put the dead at 3,958", "killed at least 212", "turnout was 59.8%".
fn measure_before(ctx: &SentenceContext, start: usize) -> Option<Found> {
    let lex = &ctx.rules.lexicon;
    let frames = &lex.frames;
    let text = ctx.text;
    let before = text[..start].trim_end();
    // "killed at least 212 people", "claimed an additional 170 lives": a
    // measure verb right before, past an article or a filler.
    let lead = frame::words(text, 0, before.len())
        .rev()
        .take(LEAD_WORDS)
        .take_while(|&(s, e)| {
            let w = &text[s..e];
            pos::is_determiner(w) || pos::is_article(w) || frames.fillers.is_whole(w)
        })
        .last()
        .map_or(before, |(s, _)| text[..s].trim_end());
    for b in [before, lead] {
        if let Some(h) = frames.measures.suffix(b) {
            return Some(Found {
                key: h.value.clone(),
                noun: "people".into(),
                aspect: Some(b[h.start..].to_lowercase()),
                start: h.start,
                end: h.end,
                per_subject: false,
            });
        }
    }
    // Otherwise the figure must follow a reaching cue or a colon.
    // "turnout fell to 59.8%", "sales rose 40%": a verb of change is part
    // of the cue, and the measure is what changed; with no noun before it
    // ("when it fell to 59.4%") the verb itself is read as before.
    if before.ends_with(':') {
        return measure_before_cue(ctx, before.len() - 1);
    }
    match frames.reaching.suffix(before) {
        Some(h) => quantity::change_verb_before(ctx, h.start)
            .and_then(|verb| measure_before_cue(ctx, verb))
            .or_else(|| measure_before_cue(ctx, h.start)),
        None => measure_before_cue(ctx, quantity::change_verb_before(ctx, before.len())?),
    }
}

/// The measure before a reaching cue that starts at `cue_start`.
fn measure_before_cue(ctx: &SentenceContext, cue_start: usize) -> Option<Found> {
    let lex = &ctx.rules.lexicon;
    let frames = &lex.frames;
    let text = ctx.text;
    let lead = &text[..cue_start];
    // Nearest measure or counted noun before the cue, within a window and
    // with no other figure between.
    let window_start = frame::words(text, 0, cue_start)
        .rev()
        .nth(MAX_MEASURE_BACK_WORDS)
        .map_or(0, |w| w.0);
    let figure_between = |from: usize| {
        ctx.mentions
            .iter()
            .any(|m| m.start >= from && m.end <= cue_start && !ctx.inside_date(m.start, m.end))
    };
    let measure = frames
        .measures
        .find_iter(lead)
        .map(|h| (h.start, h.end, h.value.clone(), false))
        .chain(
            lex.counted
                .find_iter(lead)
                .map(|h| (h.start, h.end, h.value.key.clone(), h.value.per_subject)),
        )
        .filter(|(s, _, _, _)| *s >= window_start)
        .max_by_key(|(_, e, _, _)| *e);
    if let Some((s, e, key, per_subject)) = measure {
        if !figure_between(e) {
            return Some(Found {
                key,
                noun: text[s..e].to_lowercase(),
                aspect: None,
                start: s,
                end: e,
                per_subject,
            });
        }
    }
    // "turnout was 59.8%", "a majority of 170": the noun right before (a
    // capital opening the sentence is no name).
    let (s, e) = frame::words(text, 0, cue_start).next_back()?;
    let w = &text[s..e];
    (text[e..cue_start].trim().is_empty()
        && pos::is_noun(w)
        && !pos::is_function_word(w)
        && (!capitalized(w) || text[..s].trim().is_empty())
        && !frames.generic_nouns.contains_in(w))
    .then(|| Found {
        key: pos::singular(w),
        noun: w.to_lowercase(),
        aspect: None,
        start: s,
        end: e,
        per_subject: false,
    })
}

/// What an amount of money is for, from the word before it: "an appeal
/// for $71.4 million" and "appealed for more than $71 million" (both
/// `appeal`), "a fine of $7.5 million", "the project cost $2 billion".
/// Noun and verb meet on one stem.
fn amount_for(ctx: &SentenceContext, start: usize) -> Option<Found> {
    let text = ctx.text;
    let (cs, _) = ctx.clause_at(start);
    let mut it = frame::words(text, cs, start).rev();
    let (mut s, mut e) = it.next()?;
    if ["for", "of", "at"].contains(&text[s..e].to_lowercase().as_str()) {
        (s, e) = it.next()?;
    }
    let w = &text[s..e];
    let lex = &ctx.rules.lexicon;
    // Only the preposition and the currency sign between: no clause break.
    // (The word lexicon's closed classes are too noisy here: it tags
    // "appeal" as one.)
    if text[e..start].contains(|c: char| c.is_ascii_digit() || ",;:()".contains(c))
        || capitalized(w)
        || pos::is_article(w)
        || pos::is_auxiliary(w)
        || lex.speech_verbs.contains_in(w)
        || lex.frames.report_verbs.contains_in(w)
        || !(pos::is_noun(w) || pos::is_verb(w))
    {
        return None;
    }
    Some(Found {
        key: pos::stem(&pos::singular(w)),
        noun: w.to_lowercase(),
        aspect: None,
        start: s,
        end: e,
        per_subject: false,
    })
}

/// Who holds the figure: the name that is its clause's subject ("Labour
/// had taken 372 seats", "the Reform candidate finished third on 9,958
/// votes"), else the sentence's subject when the figure's clause has none
/// of its own ("The Conservatives, by contrast, have won 121 seats"), else
/// the person a pronoun stands for ("she lost her seat by 630 votes"). A
/// speech or report verb between makes the name an attribution instead.
fn holder(ctx: &SentenceContext, start: usize) -> Option<String> {
    let (cs, _) = ctx.clause_at(start);
    named_subject(ctx, cs, start, true).or_else(|| {
        let text = ctx.text;
        // A clause that opens on its verb ("…, won four seats", "…, yet
        // only secured four") shares the sentence's subject: with no
        // determiner before it, a word that may be a verb is one.
        let first = frame::words(text, cs, start)
            .map(|(s, e)| &text[s..e])
            .find(|w| !(pos::is_adverb(w) || pos::is_function_word(w)) || pos::is_article(w));
        let subjectless = first.is_some_and(|w| !capitalized(w) && pos::is_verb(w));
        let joined = cs == 0 || (subjectless && !text[..cs].contains(';'));
        let pronoun = || {
            frame::words(text, cs, start).any(|(s, e)| {
                ["he", "she", "his", "her", "him"]
                    .iter()
                    .any(|p| text[s..e].eq_ignore_ascii_case(p))
            })
        };
        (joined
            .then(|| named_subject(ctx, 0, start, false))
            .flatten())
        .or_else(|| pronoun().then(|| ctx.subject.clone()).flatten())
    })
}

/// The name that opens `[from, start)` as its subject: a capitalized run
/// (with the nouns that complete it, "the Reform candidate") followed by
/// a verb, or by a comma when `close` is false ("Liz Truss, the former
/// prime minister, lost …"). With `close`, the verb must come within four
/// words of the figure ("Labour won 412 seats").
fn named_subject(ctx: &SentenceContext, from: usize, start: usize, close: bool) -> Option<String> {
    let text = ctx.text;
    // Read lazily: most clauses open on no name, and their words need not
    // all be split, once per figure.
    let mut iter = frame::words(text, from, start).peekable();
    while iter.peek().is_some_and(|&(s, e)| {
        pos::is_function_word(&text[s..e]) && !capitalized(&text[s..e]) || {
            let w = &text[s..e];
            capitalized(w) && pos::is_function_word(w) && !pos::is_noun(w)
        }
    }) {
        iter.next();
    }
    // A capitalized function word ("A further 10,100 people") is no name.
    let run: Vec<(usize, usize)> = iter
        .clone()
        .take_while(|&(s, e)| capitalized(&text[s..e]) && !pos::is_function_word(&text[s..e]))
        .collect();
    let (first, mut last) = (*run.first()?, *run.last()?);
    // The words from the run on (those before it end before it).
    let words: Vec<(usize, usize)> = iter.collect();
    // "Storm Daniel's death toll", "Libya's UN envoy": a possessive names
    // the event, place or body the figure belongs to, not its subject.
    if run.iter().any(|&(s, e)| frame::possessive(&text[s..e])) {
        return None;
    }
    // A place opening the sentence is where, not whose.
    let org = ctx.organisation_at(first.0);
    if org.is_none() && ctx.place_at(first.0) {
        return None;
    }
    // A lone capital opening the sentence may be an ordinary word
    // ("Updated forecasts …", "Foreign leaders …"): a name only if the
    // lexicon does not know it as an adjective or a verb alone, and never
    // completed by the nouns after it.
    let lone_opening = run.len() == 1 && text[..first.0].trim().is_empty();
    if lone_opening && org.is_none() && !ctx.person_at(first.0) {
        let w = &text[first.0..first.1];
        // Far from its figure, a lone opening capital ("Organisers called
        // it …") is more often a common noun than a name.
        if !close || (pos::is_adjective(w) || pos::is_verb(w)) && !pos::is_noun(w) {
            return None;
        }
    }
    let run_end = last.1;
    let frames = &ctx.rules.lexicon.frames;
    let mut rest = words.iter().filter(|(s, _)| *s >= run_end).peekable();
    // "the Reform candidate": nouns that finish the name.
    while let Some(&&(s, e)) = rest.peek() {
        let w = &text[s..e];
        let measure = frames.measures.contains_in(w) || ctx.rules.lexicon.counted.contains_in(w);
        if !text[last.1..s].trim().is_empty()
            || lone_opening
            || pos::is_function_word(w)
            || capitalized(w)
            || !pos::is_noun(w)
            || pos::is_verb(w)
            || measure
            || rest.clone().count() < 2
        {
            break;
        }
        last = (s, e);
        rest.next();
    }
    let between: Vec<&str> = rest.map(|&(s, e)| &text[s..e]).collect();
    if between.iter().any(|w| {
        frames.report_verbs.contains_in(w) || ctx.rules.lexicon.speech_verbs.contains_in(w)
    }) {
        return None;
    }
    let gap = text[last.1..].trim_start();
    if close {
        let verbish = |w: &&str| {
            !capitalized(w) && (pos::is_verb(w) || frames.fillers.contains_in(w) || *w == "to")
        };
        if between.is_empty() || between.len() > 4 || !between.iter().all(verbish) {
            return None;
        }
    } else {
        let verb_next = between
            .first()
            .is_some_and(|w| !capitalized(w) && pos::is_verb(w) && gap.starts_with(w));
        if !(verb_next || gap.starts_with(',')) {
            return None;
        }
    }
    Some(holder_id(ctx, first.0, last.1))
}

/// The id of a holder named at `[start, end)`: the organisation's when
/// the lexicon knows it, else the name's slug.
fn holder_id(ctx: &SentenceContext, start: usize, end: usize) -> String {
    ctx.organisation_at(start)
        .map_or_else(|| frame::name_id(&ctx.text[start..end]), |o| o.id.clone())
}

/// Oldest age read as one: larger numbers beside a name are not ages.
const MAX_AGE: f64 = 125.0;

/// People's ages: "the 91-year-old cardinal", "Starmer, 61, said", "died
/// aged 88". A count keyed `age` per person, so that two outlets giving
/// one person two ages meet.
fn ages(ctx: &SentenceContext) -> Vec<Draft> {
    let text = ctx.text;
    let mut out = Vec::new();
    for m in &ctx.mentions {
        let MentionValue::Number(n) = &m.value else {
            continue;
        };
        if n.kind != NumberKind::Integer || !(1.0..=MAX_AGE).contains(&n.value) {
            continue;
        }
        let after = &text[m.end..];
        let before = text[..m.start].trim_end();
        let person_ending = |at: usize| ctx.people.iter().find(|p| p.end == at);
        let person_after = || {
            ctx.people
                .iter()
                .find(|p| p.start >= m.end && words_between(text, m.end, p.start) <= 3)
        };
        let compound = ["-year-old", "-years-old", " years old", " year old"]
            .iter()
            .find(|w| after.starts_with(*w));
        let (end, person) = if let Some(w) = compound {
            let end = m.end + w.len();
            // "the 74-year-old bridge": a noun after it that is no person
            // takes the age.
            let noun_after = frame::words(text, end, text.len())
                .next()
                .is_some_and(|(s, e)| {
                    let w = &text[s..e];
                    text[end..s].trim().is_empty() && !capitalized(w) && pos::is_noun(w)
                });
            let person = person_after()
                .or_else(|| {
                    before
                        .strip_suffix(',')
                        .and_then(|b| person_ending(b.trim_end().len()))
                })
                .map(|p| p.id.clone())
                .or_else(|| (!noun_after).then(|| ctx.subject.clone()).flatten());
            (end, person)
        } else if before.ends_with("aged") || before.ends_with("Aged") {
            // "Re paid tribute to Francis, who died aged 88": the nearest
            // name before it, unless another capitalized word between (an
            // unresolved name) makes it nobody's; dates do not count.
            let nearest = ctx
                .people
                .iter()
                .filter(|p| p.end <= m.start)
                .max_by_key(|p| p.end);
            let from = nearest.map_or(0, |p| p.end);
            let other_name = word_spans(text, from, m.start).iter().any(|&(s, e)| {
                capitalized(&text[s..e])
                    && s > 0
                    && !ctx.dates().any(|(d, _)| d.start <= s && e <= d.end)
            });
            if other_name {
                continue;
            }
            (
                m.end,
                nearest
                    .map(|p| p.id.clone())
                    .or_else(|| ctx.subject.clone()),
            )
        } else if let Some(b) = before.strip_suffix(',') {
            // "Starmer, 61, said": a bare number set off after a name.
            let closes = after.starts_with(',') || after.starts_with(')') || after.starts_with('.');
            match person_ending(b.trim_end().len()) {
                Some(p) if closes => (m.end, Some(p.id.clone())),
                _ => continue,
            }
        } else {
            continue;
        };
        let Some(person) = person else {
            continue;
        };
        let mut frame = frame::fill(ctx, m.start, m.end, m.start);
        frame.measure = Some(Measure {
            noun: "age".into(),
            aspect: None,
        });
        out.push(Draft {
            key: "age".into(),
            subject: Some(person),
            value: FactValue::Count(CountValue {
                min: n.value,
                max: Some(n.value),
                approximate: false,
                ..CountValue::exact(0.0)
            }),
            modality: ctx.modality_at(m.start),
            start: m.start,
            end,
            frame: Some(frame),
        });
    }
    out
}

/// Most words in a list item's label ("Plaid Cymru 4").
const MAX_LABEL_WORDS: usize = 4;

/// A figure that is one item of a labelled list: "(seats): Labour 410;
/// Conservatives 131", "Reform UK and the Greens have 4 each, and the SNP
/// 9". The label before the bare figure is its holder; the measure is the
/// list's, named in brackets before it or by the sentence's last measured
/// figure with a holder. Without one, no fact.
fn list_item(
    ctx: &SentenceContext,
    start: usize,
    end: usize,
    earlier: &[Draft],
) -> Option<(Found, String)> {
    let text = ctx.text;
    let after = text[end..].trim_start();
    if !(after.is_empty() || after.starts_with([';', ',', '.', ')'])) {
        return None;
    }
    let item_start = text[..start]
        .rfind([';', ',', ':', '(', '\n'])
        .map_or(0, |i| i + 1);
    let words = word_spans(text, item_start, start);
    let label: Vec<(usize, usize)> = words
        .iter()
        .copied()
        .skip_while(|&(s, e)| {
            let w = &text[s..e];
            pos::is_function_word(w) && !capitalized(w) || w == "The"
        })
        .collect();
    let (first, last) = (*label.first()?, *label.last()?);
    if label.len() > MAX_LABEL_WORDS
        || !label.iter().all(|&(s, e)| capitalized(&text[s..e]))
        || !text[last.1..start].trim().is_empty()
    {
        return None;
    }
    // The list's measure: "(seats)" before the first item, else the
    // sentence's last figure that had a holder.
    let bracketed = text[..item_start].rfind('(').and_then(|open| {
        let close = open + text[open..].find(')')?;
        let inner = text[open + 1..close].trim();
        (close < item_start && !inner.contains(' ') && pos::is_noun(inner)).then_some(inner)
    });
    let (key, noun) = match bracketed {
        Some(noun) => (pos::singular(noun), noun.to_lowercase()),
        None => {
            let prior = earlier.iter().rev().find(|d| {
                d.frame.as_ref().is_some_and(|f| f.holder.is_some())
                    && matches!(d.value, FactValue::Count(_))
            })?;
            let noun = prior.frame.as_ref()?.measure.as_ref()?.noun.clone();
            (prior.key.clone(), noun)
        }
    };
    let holder = holder_id(ctx, first.0, last.1);
    Some((
        Found {
            key,
            noun,
            aspect: None,
            start: first.0,
            end,
            per_subject: false,
        },
        holder,
    ))
}

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let units = &ctx.rules.lexicon.units;
    let mut out = ages(ctx);
    // Where a parenthesised conversion ends: its figure is the same fact.
    let mut consumed = 0;
    for (start, end, mut value) in figures(ctx) {
        if start < consumed {
            continue;
        }
        // "The 1999 earthquake left more than 17,000 dead": another
        // event's figure, kept but never weighed against the story's.
        let historical = ctx.is_historical_at(start);
        // "$71.4 mn": a scale word of the unit table the grammar lacks.
        let end = match units.scale_after(&ctx.text[end..]) {
            Some((factor, len)) if value.unit.is_none() => {
                value.min *= factor;
                value.max = value.max.map(|m| m * factor);
                end + len
            }
            _ => end,
        };
        let mut after = end;
        let written = &ctx.text[start..end];
        let unit = match value.unit.as_deref().and_then(|id| units.index_of(id)) {
            Some(unit) => Some(quantity::UnitAt {
                unit,
                begin: start,
                end,
                compound: false,
            }),
            None if value.unit.is_none() => quantity::unit_of(ctx, start, end),
            None => None,
        };
        let mut unit_end = None;
        // "the 4-kilometre route": a measure that describes a thing, not
        // the clause's claim, so the clause's forecast is not its own.
        let attribute = unit.is_some_and(|u| u.compound);
        let begin = unit.map_or(start, |u| u.begin);
        if let Some(u) = unit {
            quantity::apply_unit(units, &mut value, u.unit, written);
            after = u.end;
            unit_end = Some(u.end);
        }
        // Things are counted in whole ones: "0.000001 performers" is no
        // count (a measure in a unit may be that small).
        if value.unit.is_none() && value.min > 0.0 && value.max.is_some_and(|m| m < 1.0) {
            continue;
        }
        if let Some(dimension) = value.dimension.clone() {
            if let Some((rendering, close)) = quantity::conversion(ctx, after, &dimension) {
                value.also.push(rendering);
                after = close;
                consumed = close;
            }
        }
        value.change = quantity::change(ctx, begin, unit_end);
        let percent = value.unit.as_deref() == Some("percent");
        let money = value.dimension.as_deref() == Some("money");
        let by_dimension = value.dimension.as_deref().and_then(|d| {
            quantity::measure(ctx, d, start, after).map(|(key, s, e)| Found {
                key,
                noun: ctx.text[s..e].to_lowercase(),
                aspect: None,
                start: s,
                end: e,
                per_subject: false,
            })
        });
        let measured = by_dimension
            .or_else(|| measure_after(ctx, after, value.max == Some(1.0), percent))
            .or_else(|| measure_before(ctx, start))
            .or_else(|| money.then(|| amount_for(ctx, begin)).flatten());
        let (found, listed) = match measured {
            Some(found) => (found, None),
            None => match list_item(ctx, start, end, &out) {
                Some((found, holder)) => (found, Some(holder)),
                None => continue,
            },
        };
        let mut frame = frame::fill(ctx, start, end, found.start);
        frame.measure = Some(Measure {
            noun: found.noun.clone(),
            aspect: found.aspect.clone(),
        });
        frame.holder = listed.or_else(|| holder(ctx, start));
        if historical {
            frame.status = Status::Historical;
        } else if attribute && frame.status == Status::Projected {
            frame.status = Status::Current;
        }
        out.push(Draft {
            key: found.key,
            subject: found.per_subject.then(|| ctx.subject.clone()).flatten(),
            value: FactValue::Count(value),
            modality: ctx.modality_at(start),
            start: start.min(found.start),
            end: end.max(found.end),
            frame: Some(frame),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;
    use crate::facts::Change;

    fn counts(sentence: &str) -> Vec<(String, i64, Option<i64>, bool)> {
        run_on(
            sentence,
            chrono::NaiveDate::from_ymd_opt(2025, 9, 3),
            extract,
        )
        .into_iter()
        .map(|d| match d.value {
            FactValue::Count(c) => (d.key, c.min as i64, c.max.map(|m| m as i64), c.approximate),
            _ => unreachable!(),
        })
        .collect()
    }

    #[test]
    fn ages_of_people() {
        let ages = |sentence: &str| -> Vec<(Option<String>, i64)> {
            run_on(
                sentence,
                chrono::NaiveDate::from_ymd_opt(2025, 9, 3),
                extract,
            )
            .into_iter()
            .filter(|d| d.key == "age")
            .map(|d| match d.value {
                FactValue::Count(c) => (d.subject, c.min as i64),
                _ => unreachable!(),
            })
            .collect()
        };
        let who = |s: &str| Some(s.to_string());
        assert_eq!(
            ages("The 74-year-old Mayor Ada Lind opened the fair."),
            vec![(who("ada-lind"), 74)]
        );
        assert_eq!(
            ages("Mayor Ada Lind, 74, opened the fair."),
            vec![(who("ada-lind"), 74)]
        );
        assert_eq!(
            ages("Mayor Ada Lind died on Monday aged 74."),
            vec![(who("ada-lind"), 74)]
        );
        assert_eq!(
            ages("Mayor Ada Lind honoured Dr Tom Berg, who died aged 90."),
            vec![(who("tom-berg"), 90)]
        );
        // Must yield nothing: no person, or not an age, or an unknown name
        // nearer.
        assert!(ages("Mayor Ada Lind thanked Berg, who died aged 90.").is_empty());
        assert!(ages("The 74-year-old bridge was closed.").is_empty());
        assert!(ages("Mayor Ada Lind reopened the 74-year-old bridge.").is_empty());
        assert_eq!(
            ages("Mayor Ada Lind, the 74-year-old, opened the fair."),
            vec![(who("ada-lind"), 74)]
        );
        assert!(ages("Mayor Ada Lind, 74 officials and a band came.").is_empty());
        assert!(ages("Mayor Ada Lind, 300, opened the fair.").is_empty());
    }

    /// (key, min, max, unit, change, units of other renderings)
    type Quantity = (
        String,
        f64,
        Option<f64>,
        Option<String>,
        Option<Change>,
        Vec<String>,
    );

    fn quantities(sentence: &str) -> Vec<Quantity> {
        run_on(
            sentence,
            chrono::NaiveDate::from_ymd_opt(2025, 9, 3),
            extract,
        )
        .into_iter()
        .map(|d| match d.value {
            FactValue::Count(c) => (
                d.key,
                c.min,
                c.max,
                c.unit,
                c.change,
                c.also.into_iter().map(|r| r.unit).collect(),
            ),
            _ => unreachable!(),
        })
        .collect()
    }

    #[test]
    fn quantity_table() {
        let q = |key: &str, min: f64, max: Option<f64>, unit: &str| -> Quantity {
            (key.into(), min, max, Some(unit.into()), None, vec![])
        };
        let with = |mut x: Quantity, change: Option<Change>, also: &[&str]| -> Quantity {
            x.4 = change;
            x.5 = also.iter().map(|s| s.to_string()).collect();
            x
        };
        let cases: Vec<(&str, Vec<Quantity>)> = vec![
            (
                "Marchers followed a 3-kilometre (1.9-mile) route to the square.",
                vec![with(q("route", 3.0, Some(3.0), "km"), None, &["mi"])],
            ),
            (
                "The convoy covered 12.5 km before dusk.",
                vec![q("route", 12.5, Some(12.5), "km")],
            ),
            (
                "The shelter lies about 2 miles away.",
                vec![q("distance", 1.8, Some(2.2), "mi")],
            ),
            (
                "The tremor struck at a depth of 8 km.",
                vec![q("depth", 8.0, Some(8.0), "km")],
            ),
            (
                "Gusts of 95 mph tore roofs off.",
                vec![q("wind-speed", 95.0, Some(95.0), "mph")],
            ),
            (
                "Ticket sales rose 40% in a week.",
                vec![with(
                    q("sale", 40.0, Some(40.0), "percent"),
                    Some(Change::Up),
                    &[],
                )],
            ),
            // A level, not a change: "to".
            (
                "Ticket sales rose to 40% of capacity.",
                vec![q("sale", 40.0, Some(40.0), "percent")],
            ),
            (
                "The museum received a grant of £2.5 million (€2.9 million) for repairs.",
                vec![with(
                    q("grant", 2_500_000.0, Some(2_500_000.0), "gbp"),
                    None,
                    &["eur"],
                )],
            ),
            (
                "The club lost 40 members last year.",
                vec![with(
                    ("member".into(), 40.0, Some(40.0), None, None, vec![]),
                    Some(Change::Down),
                    &[],
                )],
            ),
            // A market's scale word from the unit table.
            (
                "The agency sought $71.4 mn for shelters.",
                vec![q("sought", 71_400_000.0, Some(71_400_000.0), "usd")],
            ),
            (
                "The state paid Rs 5 cr in compensation.",
                vec![q("paid", 50_000_000.0, Some(50_000_000.0), "inr")],
            ),
            // Must yield nothing: labels and codes, however they look.
            ("Flight 171 left on time.", vec![]),
            ("The AI171 service uses a Boeing 787-8.", vec![]),
            ("Route 66 was closed.", vec![]),
            ("Fans in Section 427 Row 21 cheered.", vec![]),
            ("Laptops running Windows 11 failed.", vec![]),
            ("The COVID-19 rules ended.", vec![]),
            ("Ministers met before the G20 summit.", vec![]),
            ("Readers can call 0800 555 0199 for details.", vec![]),
            ("The terms are on page 12 of the deal.", vec![]),
            ("The hosts won 3-1 at home.", vec![]),
            ("The 22nd amendment was cited.", vec![]),
            ("Some 0.000000000000000000001 performers came.", vec![]),
            ("About 0.5 performers came.", vec![]),
            (
                "Five meteorologists disagreed.",
                vec![("meteorologist".into(), 5.0, Some(5.0), None, None, vec![])],
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(quantities(sentence), want, "{sentence}");
        }
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
            // Money is measured by what it is for.
            (
                "The agency launched an emergency appeal for $71.4 million.",
                vec![(k("appeal"), 71_400_000, Some(71_400_000), false)],
            ),
            (
                "The charity has appealed for more than $71 million.",
                vec![(k("appeal"), 71_000_001, None, false)],
            ),
            (
                "The town spent $5 million.",
                vec![(k("spent"), 5_000_000, Some(5_000_000), false)],
            ),
            ("He said $5 million, then left.", vec![]),
            // Acronym plurals are counted nouns; a measure verb reaches
            // its figure past an article or filler.
            (
                "The fund backed 12 NGOs.",
                vec![(k("ngo"), 12, Some(12), false)],
            ),
            (
                "The storm claimed an additional 170 lives.",
                vec![(k("deaths"), 170, Some(170), false)],
            ),
            (
                "The Greens won 34% of the total vote.",
                vec![(k("vote-share"), 34, Some(34), false)],
            ),
            (
                "They took a 35% share of the vote.",
                vec![(k("vote-share"), 35, Some(35), false)],
            ),
            // "of late" is no share: the figure is how much sales moved.
            (
                "Sales grew 5% of late.",
                vec![(k("sale"), 5, Some(5), false)],
            ),
            (
                "The count (seats): Greens 12; Blue Party 7.",
                vec![
                    (k("seat"), 12, Some(12), false),
                    (k("seat"), 7, Some(7), false),
                ],
            ),
            (
                "The Greens have 12 seats, and the Blue Party 7.",
                vec![
                    (k("seat"), 12, Some(12), false),
                    (k("seat"), 7, Some(7), false),
                ],
            ),
            // Must yield nothing: a list with no measure.
            ("Scores: Greens 12; Blue Party 7.", vec![]),
            // Must yield nothing:
            ("Well-trained troops marched past.", vec![]),
            (
                "It marked the 80th anniversary of the troops' return.",
                vec![],
            ),
            ("On September 3, 2025 troops marched.", vec![]),
            // The verb before a figure is its measure.
            (
                "It killed at least 212 people and injured more than 1,500.",
                vec![
                    (k("deaths"), 212, None, false),
                    (k("injured"), 1501, None, false),
                ],
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
            // A count of countries, not of troops.
            (
                "The army sent troops to 14 countries.",
                vec![(k("country"), 14, Some(14), false)],
            ),
            (
                "The fire destroyed 300 homes, and another 1,200 homes are under threat.",
                vec![
                    (k("buildings-destroyed"), 300, Some(300), false),
                    (k("buildings-threatened"), 1200, Some(1200), false),
                ],
            ),
            (
                // Kept, marked historical by its frame (see frame::status).
                "The last fire to threaten the town, in 2008, destroyed 47 homes.",
                vec![(k("buildings-destroyed"), 47, Some(47), false)],
            ),
            // Kept, marked superseded by its frame (see frame::status).
            (
                "Earlier, officials had reported nine deaths.",
                vec![(k("deaths"), 9, Some(9), false)],
            ),
            (
                "It was their first show here since 2011, when they played to 13,000 fans.",
                vec![(k("spectators"), 13_000, Some(13_000), false)],
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
}

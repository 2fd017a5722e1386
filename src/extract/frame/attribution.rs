//! Attribution: who gives a figure. "According to the Red Crescent, …",
//! "OCHA said …", "…, said Derna's mayor", "Health authorities had given
//! the toll as 5,500".

use std::cell::OnceCell;

use super::{capitalized, name_id, word_spans};
use crate::extract::SentenceContext;
use crate::facts::Attribution;
use crate::recognize::pos;

/// Longest attribution named by a noun phrase rather than an entity.
const MAX_NAME_WORDS: usize = 6;

/// Most words between a speech verb or cue and the speaker named after it
/// ("said Prime Minister Ada Lind").
const INVERTED_WORDS: usize = 3;

/// An attribution with the span of the words that give it.
type Given = (Attribution, (usize, usize));

/// What [`find`] reads that does not depend on the figure asking, found
/// once per sentence: the attribution its leading cue gives, and the one
/// each report verb gives. Every figure of a sentence asked for them
/// again, and naming the speaker around a verb is most of the work.
#[derive(Default)]
pub struct Cached {
    leading: OnceCell<Option<Given>>,
    /// One entry per report verb, in sentence order.
    by_verb: OnceCell<Vec<OnceCell<Option<Given>>>>,
}

/// The attribution of the figure at `offset`, with the span of the words
/// that give it (cue and name), so that other slots can read them.
pub fn find(ctx: &SentenceContext, offset: usize) -> Option<Given> {
    let cached = &ctx.cues.attribution;
    if let Some(leading) = cached.leading.get_or_init(|| leading(ctx)) {
        return Some(leading.clone());
    }
    let verbs = report_verbs(ctx);
    let by_verb = cached
        .by_verb
        .get_or_init(|| verbs.iter().map(|_| OnceCell::new()).collect());
    nearest_verbs(ctx, verbs, offset)
        .find_map(|i| by_verb[i].get_or_init(|| by_verb_at(ctx, verbs[i])).clone())
}

/// "according to X", "citing X": X follows the cue, whichever figure
/// asks.
fn leading(ctx: &SentenceContext) -> Option<Given> {
    let lex = &ctx.rules.lexicon;
    let text = ctx.text;
    let source_cues = ctx.cues.source_cues.get_or_init(|| {
        lex.source_cues
            .find_in(&ctx.words)
            .map(|h| (h.start, h.end))
            .collect()
    });
    source_cues.iter().find_map(|&(cue_start, cue_end)| {
        let (_, ce) = ctx.clause_at(cue_end);
        let end = ce.max(cue_end);
        let (id, start, name_end) = name_after(ctx, cue_end, end)?;
        Some((
            Attribution {
                id,
                name: text[start..name_end].to_string(),
                cue: text[cue_start..cue_end].to_lowercase(),
            },
            (cue_start, name_end),
        ))
    })
}

/// The sentence's report verbs that are not passive ("are reported
/// missing" reports nothing).
fn report_verbs<'c>(ctx: &'c SentenceContext) -> &'c [(usize, usize)] {
    let text = ctx.text;
    ctx.cues.report_verbs.get_or_init(|| {
        ctx.rules
            .lexicon
            .frames
            .report_verbs
            .find_in(&ctx.words)
            .filter(|v| !passive(text, v.start))
            .map(|h| (h.start, h.end))
            .collect()
    })
}

/// Indices into `verbs` of the verbs that may give the figure at
/// `offset`, nearest first ("X said", "X reported", "…, said X").
fn nearest_verbs(
    ctx: &SentenceContext,
    verbs: &[(usize, usize)],
    offset: usize,
) -> impl Iterator<Item = usize> {
    let text = ctx.text;
    let measures = &ctx.rules.lexicon.frames.measures;
    let mut near: Vec<usize> = (0..verbs.len())
        // "The floods claimed 170 lives": the verb is what the figure
        // measures, not who gives it.
        .filter(|&i| {
            let (vs, ve) = verbs[i];
            !(measures.is_whole(&text[vs..ve])
                && ve <= offset
                && text[ve..offset].split_whitespace().count() <= 3)
        })
        .collect();
    near.sort_by_key(|&i| verbs[i].0.abs_diff(offset));
    near.into_iter()
}

/// The attribution the report verb at `verb_start..verb_end` gives: the
/// name before it, or after it where it opens its clause.
fn by_verb_at(ctx: &SentenceContext, (verb_start, verb_end): (usize, usize)) -> Option<Given> {
    let text = ctx.text;
    let cue = text[verb_start..verb_end].to_lowercase();
    let (cs, _) = ctx.clause_at(verb_start);
    let (_, ce) = ctx.clause_at(verb_end);
    let before = name_before(ctx, cs, verb_start);
    let after = || {
        // Inverted order only where the verb opens its clause: "…,
        // said Derna's mayor".
        let opens = text[cs..verb_start].trim().is_empty();
        opens.then(|| name_after(ctx, verb_end, ce)).flatten()
    };
    let (id, start, end) = before
        .map(|(s, e)| (entity_id(ctx, s, e), s, e))
        .or_else(after)?;
    Some((
        Attribution {
            id,
            name: text[start..end].to_string(),
            cue,
        },
        (start.min(verb_start), end.max(verb_end)),
    ))
}

/// "are reported missing", "were confirmed dead": a passive verb reports
/// nothing on anyone's behalf.
///
/// Only the last characters before the verb are lowercased: lowercasing
/// maps each character on its own to one or more, so the lowercase of
/// the last few is the end of the lowercase of all, and a form and its
/// space are that short.
fn passive(text: &str, verb_start: usize) -> bool {
    let before = text[..verb_start].trim_end();
    let longest = pos::BE_FORMS.iter().map(|f| f.len()).max().unwrap_or(0);
    let tail_start = before
        .char_indices()
        .rev()
        .nth(longest)
        .map_or(0, |(i, _)| i);
    let tail = before[tail_start..].to_lowercase();
    pos::BE_FORMS.iter().any(|aux| {
        tail.strip_suffix(aux)
            .is_some_and(|rest| rest.ends_with(' ') || (tail_start == 0 && rest.is_empty()))
    })
}

/// The entity id of a name span: a person or organisation the sentence
/// resolved, else the slug of the words.
fn entity_id(ctx: &SentenceContext, start: usize, end: usize) -> String {
    let inside = |s: usize, e: usize| s < end && start < e;
    ctx.people
        .iter()
        .filter(|p| inside(p.start, p.end))
        .map(|p| p.id.clone())
        .chain(
            ctx.organisations
                .iter()
                .filter(|o| inside(o.start, o.end))
                .map(|o| o.id.clone()),
        )
        .next()
        .unwrap_or_else(|| name_id(&ctx.text[start..end]))
}

/// Whether `words` opens with a pronoun that refers back ("he", "she").
pub(crate) fn opens_with_pronoun(ctx: &SentenceContext, words: &str) -> bool {
    let lex = &ctx.rules.lexicon;
    words
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| lex.pronouns.is_whole(w))
}

/// The byte offset where the `n`th whitespace-separated word of `text`
/// ends (the whole text if it has fewer).
fn end_of_words(text: &str, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

/// The speaker named right after a verb or cue ending at `end` and before
/// `limit` ("said Re", "according to the Libyan Red Crescent", "said
/// he"), with where the name ends.
pub(crate) fn named_after(
    ctx: &SentenceContext,
    end: usize,
    limit: usize,
) -> Option<(String, usize)> {
    let window = &ctx.text[end..limit];
    let cut = end + end_of_words(window, INVERTED_WORDS + 1);
    let first_start = |s: usize| s >= end && s < cut;
    let person = ctx
        .people
        .iter()
        .find(|p| first_start(p.start) && p.end <= limit);
    let org = ctx
        .organisations
        .iter()
        .find(|o| first_start(o.start) && o.end <= limit);
    match (person, org) {
        (Some(p), Some(o)) if o.start < p.start => Some((o.id.clone(), o.end)),
        (Some(p), _) => Some((p.id.clone(), p.end)),
        (None, Some(o)) => Some((o.id.clone(), o.end)),
        (None, None) => {
            let pronoun = window
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default();
            let at = end + window.find(pronoun).unwrap_or(0) + pronoun.len();
            opens_with_pronoun(ctx, window)
                .then(|| ctx.subject.clone().map(|s| (s, at)))
                .flatten()
        }
    }
}

/// A name right after a cue, up to the clause end, with its id: an entity
/// (or a pronoun) the sentence knows, else a short noun phrase ("Derna's
/// mayor", "the health ministry").
fn name_after(ctx: &SentenceContext, from: usize, to: usize) -> Option<(String, usize, usize)> {
    let words = word_spans(ctx.text, from, to);
    let first = words.first()?;
    if let Some((id, end)) = named_after(ctx, from, to) {
        return Some((id, first.0, end));
    }
    let lower = ctx.text[first.0..first.1].to_lowercase();
    // A figure or a clause ("that 20,000 …") is not a name.
    if first.0 >= to || lower == "that" || !words.iter().any(|(s, e)| name_word(ctx, *s, *e)) {
        return None;
    }
    let take: Vec<_> = words.iter().take(MAX_NAME_WORDS).collect();
    let end = take
        .iter()
        .take_while(|(s, e)| !ctx.text[*s..*e].chars().all(|c| c.is_ascii_digit()))
        .last()?
        .1;
    (take.len() == words.len()).then(|| (name_id(&ctx.text[first.0..end]), first.0, end))
}

/// A name right before a verb: an entity ending there, else the clause's
/// words when they are few and hold a name word ("Health authorities had
/// previously given").
fn name_before(ctx: &SentenceContext, clause_start: usize, verb: usize) -> Option<(usize, usize)> {
    let near = |e: usize| ctx.text[e..verb].split_whitespace().count() <= 3;
    let entity = ctx
        .people
        .iter()
        .map(|p| (p.start, p.end))
        .chain(ctx.organisations.iter().map(|o| (o.start, o.end)))
        .filter(|(s, e)| *s >= clause_start && *e <= verb && near(*e))
        .max_by_key(|(_, e)| *e);
    if entity.is_some() {
        return entity;
    }
    let words = word_spans(ctx.text, clause_start, verb);
    // The name must fill the clause up to the verb but for three words:
    // a longer stretch names nobody, whatever its words are, so they are
    // not looked up (a long clause made this quadratic; found by fuzzing).
    if words.len() > MAX_NAME_WORDS + 3 {
        return None;
    }
    let names: Vec<_> = words
        .iter()
        .take_while(|(s, e)| name_word(ctx, *s, *e) || lower_modifier(&ctx.text[*s..*e]))
        .collect();
    let last = names.last()?;
    // A body named by common nouns ("the exit poll", "health officials")
    // counts when its last word is a noun.
    // A capitalized article ("An estimated 250,000") names nobody.
    let has_name = names.iter().any(|(s, e)| {
        name_word(ctx, *s, *e) && !crate::recognize::pos::is_function_word(&ctx.text[*s..*e])
    }) || {
        let w = &ctx.text[last.0..last.1];
        crate::recognize::pos::is_noun(w) && !crate::recognize::pos::is_function_word(w)
    };
    (has_name && names.len() <= MAX_NAME_WORDS && words.len() <= names.len() + 3)
        .then_some((names[0].0, last.1))
}

/// A word that can name who speaks: capitalized, or a noun of office or
/// body ("authorities", "mayor", "officials", "ministry").
fn name_word(ctx: &SentenceContext, s: usize, e: usize) -> bool {
    let w = &ctx.text[s..e];
    if w.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return false;
    }
    capitalized(w)
        || ctx.rules.lexicon.titles.contains_in(w)
        || ctx.rules.lexicon.organisation_heads.contains_in(w)
        || ctx.rules.lexicon.attend_groups.contains_in(w)
}

/// Lower-case words inside a noun phrase naming a body ("the health
/// ministry", "local officials").
fn lower_modifier(w: &str) -> bool {
    use crate::recognize::pos;
    !capitalized(w) && (pos::is_noun(w) || !pos::is_verb(w)) && !pos::is_function_word(w)
        || w.eq_ignore_ascii_case("the")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{run_frames, with_context};

    /// [`find`] as it was before the cache: the cue and every verb's
    /// speaker searched again for each figure.
    fn find_in_full(ctx: &SentenceContext, offset: usize) -> Option<Given> {
        let lex = &ctx.rules.lexicon;
        let text = ctx.text;
        let leading = lex.source_cues.find_iter(text).find_map(|cue| {
            let (_, ce) = ctx.clause_at(cue.end);
            let (id, start, name_end) = name_after(ctx, cue.end, ce.max(cue.end))?;
            Some((
                Attribution {
                    id,
                    name: text[start..name_end].to_string(),
                    cue: text[cue.start..cue.end].to_lowercase(),
                },
                (cue.start, name_end),
            ))
        });
        if leading.is_some() {
            return leading;
        }
        let mut verbs: Vec<(usize, usize)> = lex
            .frames
            .report_verbs
            .find_iter(text)
            .filter(|v| !passive_in_full(text, v.start))
            .map(|h| (h.start, h.end))
            .filter(|&(vs, ve)| {
                !(lex.frames.measures.is_whole(&text[vs..ve])
                    && ve <= offset
                    && text[ve..offset].split_whitespace().count() <= 3)
            })
            .collect();
        verbs.sort_by_key(|&(vs, _)| vs.abs_diff(offset));
        verbs.into_iter().find_map(|verb| by_verb_at(ctx, verb))
    }

    /// [`passive`] lowercasing all the text before the verb.
    fn passive_in_full(text: &str, verb_start: usize) -> bool {
        let before = text[..verb_start].trim_end().to_lowercase();
        pos::BE_FORMS
            .iter()
            .any(|aux| before.ends_with(&format!(" {aux}")) || before == *aux)
    }

    /// Over every real line, the attribution each number gets from the
    /// sentence's cache (filled by the other numbers, asked last to
    /// first) is the one searched afresh, and a verb at every word is
    /// passive exactly when the whole text before it says so.
    #[test]
    fn cached_attributions_are_each_figures_own() {
        let reference = chrono::NaiveDate::from_ymd_opt(2025, 9, 14);
        let (mut figures, mut given, mut passives) = (0, 0, 0);
        for line in crate::recognize::tests::corpus_lines() {
            with_context(&line, reference, |ctx| {
                let mut offsets: Vec<usize> = ctx.mentions.iter().map(|m| m.start).collect();
                offsets.push(line.len());
                for &at in offsets.iter().rev() {
                    let got = find(ctx, at);
                    assert_eq!(got, find_in_full(ctx, at), "{line:?} {at}");
                    figures += 1;
                    given += usize::from(got.is_some());
                }
            });
            let words = line
                .char_indices()
                .filter(|&(i, _)| line[..i].ends_with(' '));
            for (at, _) in words {
                let p = passive(&line, at);
                assert_eq!(p, passive_in_full(&line, at), "{line:?} {at}");
                passives += usize::from(p);
            }
        }
        assert!(
            figures > 1000 && given > 100,
            "{figures} figures, {given} given"
        );
        assert!(passives > 50, "{passives} passive");
    }

    #[test]
    fn attribution_table() {
        let cases: [(&str, Option<&str>); 9] = [
            (
                "According to the Harbour Trust, 120 boats were lost.",
                Some("harbour-trust"),
            ),
            (
                "The coastguard said 14 sailors were missing.",
                Some("coastguard"),
            ),
            (
                "The toll could climb to 900, said the port's mayor.",
                Some("ports-mayor"),
            ),
            (
                "Health authorities had previously given the toll as 5,500.",
                Some("health-authorities"),
            ),
            // Must yield nothing: a passive "reported" gives no source.
            ("About 300 people are reported missing.", None),
            ("Some 40 boats sank overnight.", None),
            ("Two dozen houses burned down.", None),
            // An article is no speaker; a measure verb reports nothing.
            ("An estimated 2,000 fans attended.", None),
            ("The storm claimed 170 lives.", None),
        ];
        for (sentence, want) in cases {
            let frames = run_frames(sentence);
            let got = frames
                .first()
                .and_then(|f| f.attribution.as_ref())
                .map(|a| a.id.clone());
            assert_eq!(got.as_deref(), want, "{sentence}");
        }
    }
}

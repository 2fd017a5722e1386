//! Attribution: who gives a figure. "According to the Red Crescent, …",
//! "OCHA said …", "…, said Derna's mayor", "Health authorities had given
//! the toll as 5,500".

use super::{capitalized, name_id, word_spans};
use crate::extract::SentenceContext;
use crate::facts::Attribution;

/// Longest attribution named by a noun phrase rather than an entity.
const MAX_NAME_WORDS: usize = 6;

/// Most words between a speech verb or cue and the speaker named after it
/// ("said Prime Minister Ada Lind").
const INVERTED_WORDS: usize = 3;

/// The attribution of the figure at `offset`, with the span of the words
/// that give it (cue and name), so that other slots can read them.
pub fn find(ctx: &SentenceContext, offset: usize) -> Option<(Attribution, (usize, usize))> {
    let lex = &ctx.rules.lexicon;
    let text = ctx.text;
    // "according to X", "citing X": X follows the cue.
    // The cues and verbs are the sentence's, whichever figure asks.
    let source_cues = ctx.cues.source_cues.get_or_init(|| {
        lex.source_cues
            .find_iter(text)
            .map(|h| (h.start, h.end))
            .collect()
    });
    let leading = source_cues.iter().find_map(|&(cue_start, cue_end)| {
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
    });
    if leading.is_some() {
        return leading;
    }
    // "X said", "X reported", "…, said X": the verb nearest the figure.
    let report_verbs = ctx.cues.report_verbs.get_or_init(|| {
        lex.frames
            .report_verbs
            .find_iter(text)
            .filter(|v| !passive(text, v.start))
            .map(|h| (h.start, h.end))
            .collect()
    });
    let mut verbs: Vec<(usize, usize)> = report_verbs
        .iter()
        .copied()
        // "The floods claimed 170 lives": the verb is what the figure
        // measures, not who gives it.
        .filter(|&(vs, ve)| {
            !(lex.frames.measures.is_whole(&text[vs..ve])
                && ve <= offset
                && text[ve..offset].split_whitespace().count() <= 3)
        })
        .collect();
    verbs.sort_by_key(|&(vs, _)| vs.abs_diff(offset));
    verbs.into_iter().find_map(|(verb_start, verb_end)| {
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
    })
}

/// "are reported missing", "were confirmed dead": a passive verb reports
/// nothing on anyone's behalf.
fn passive(text: &str, verb_start: usize) -> bool {
    let before = text[..verb_start].trim_end().to_lowercase();
    crate::recognize::pos::BE_FORMS
        .iter()
        .any(|aux| before.ends_with(&format!(" {aux}")) || before == *aux)
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
    use crate::extract::run_frames;

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

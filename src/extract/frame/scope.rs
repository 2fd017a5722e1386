//! Scope: the place or group a figure applies to. "in Derna", "across
//! Libya", "Derna's death toll", "elsewhere in the country".

use super::{capitalized, name_id, word_spans};
use crate::extract::SentenceContext;
use crate::facts::Scope;
use crate::recognize::pos;

/// Words a scope may stand after the figure's clause start.
const MAX_PLACE_WORDS: usize = 4;

/// The scope of a figure whose measure phrase and figure span `start..end`.
pub fn find(ctx: &SentenceContext, start: usize, end: usize) -> Option<Scope> {
    let frames = &ctx.rules.lexicon.frames;
    let text = ctx.text;
    let clause = ctx.clause(start);
    let (cs, ce) = (clause.start, clause.end);
    // "Elsewhere in the country, …": the cue may open the sentence's
    // leading clause.
    let lead = if cs > 0 { ctx.clause_at(cs - 1).0 } else { cs };
    let outside = clause.cues.scope_outside.get_or_init(|| {
        frames
            .scope_outside
            .find_iter(&text[lead..ce])
            .next()
            .map(|h| (lead + h.start, lead + h.end))
    });
    if let Some(&(_, after)) = outside.as_ref() {
        let (_, he) = ctx.clause_at(after);
        let rest = text[after..he.min(ce.max(after))].trim();
        // The place phrase ends where a verb begins ("outside the city
        // gave way").
        let words: Vec<&str> = rest
            .split_whitespace()
            .take(MAX_PLACE_WORDS)
            .take_while(|w| !pos::is_verb(w) || pos::is_noun(w))
            .collect();
        let id = if words.is_empty() || words.iter().any(|w| w.chars().any(char::is_numeric)) {
            "elsewhere".to_string()
        } else {
            name_id(&words.join(" "))
        };
        return Some(Scope {
            id: if id.is_empty() {
                "elsewhere".into()
            } else {
                id
            },
            outside: true,
        });
    }
    // "Derna's death toll": a capitalized possessive right before the measure.
    let before = text[..start].trim_end();
    if let Some(word) = before.split_whitespace().next_back() {
        for suffix in ["'s", "’s"] {
            if let Some(name) = word.strip_suffix(suffix) {
                if capitalized(name) && !is_entity(ctx, before.len() - word.len()) {
                    return Some(Scope {
                        id: name_id(name),
                        outside: false,
                    });
                }
            }
        }
    }
    // "in Derna", "across Libya", "in five provinces": a preposition and a
    // capitalized place, or a counted group of places, in the clause.
    let within = clause.cues.scope_within.get_or_init(|| {
        frames
            .scope_within
            .find_iter(&text[cs..ce])
            .map(|h| (cs + h.start, cs + h.end))
            .collect()
    });
    for &(_, at) in within {
        let words = word_spans(text, at, ce);
        let mut iter = words.iter().peekable();
        if iter
            .peek()
            .is_some_and(|(s, e)| text[*s..*e].eq_ignore_ascii_case("the"))
        {
            iter.next();
        }
        // "in five provinces": a counted group of places is a scope too.
        if let Some(&&(s, _)) = iter.peek() {
            // The figure itself ("majority of 170 seats") is no scope, nor
            // is a span of time ("in 30 years").
            use crate::recognize::MentionValue;
            let in_duration = |at: usize| {
                ctx.mentions.iter().any(|d| {
                    matches!(d.value, MentionValue::Duration(_)) && d.start <= at && at < d.end
                })
            };
            let counted = ctx.mentions.iter().any(|m| {
                m.start == s
                    && !(start <= m.start && m.start < end)
                    && !in_duration(m.start)
                    && matches!(m.value, MentionValue::Number(_))
            });
            if counted {
                let group: Vec<_> = iter.clone().take(2).collect();
                if let (Some(first), Some(last)) = (group.first(), group.last()) {
                    // A figure for several places is not one for the
                    // story's own place.
                    return Some(Scope {
                        id: name_id(&text[first.0..last.1]),
                        outside: true,
                    });
                }
            }
        }
        let run: Vec<_> = iter
            .take_while(|(s, e)| capitalized(&text[*s..*e]))
            .take(MAX_PLACE_WORDS)
            .collect();
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        // "in the Mediterranean city": a capitalized adjective before a
        // common noun describes a place without naming it.
        let next = word_spans(text, last.1, ce).into_iter().next();
        if next.is_some_and(|(s, e)| {
            let w = &text[s..e];
            !capitalized(w) && pos::is_noun(w) && !pos::is_verb(w)
        }) && text[last.1..next.map_or(last.1, |n| n.0)].trim().is_empty()
        {
            continue;
        }
        if ctx.inside_date(first.0, last.1)
            || ctx
                .dates()
                .any(|(m, _)| m.start <= first.0 && last.1 <= m.end)
            || is_entity(ctx, first.0)
        {
            continue;
        }
        return Some(Scope {
            id: name_id(&text[first.0..last.1]),
            outside: false,
        });
    }
    None
}

/// A person or organisation starts at `at`: not a place.
fn is_entity(ctx: &SentenceContext, at: usize) -> bool {
    ctx.person_at(at) || ctx.organisation_at(at).is_some()
}

#[cfg(test)]
mod tests {
    use crate::extract::run_frames;

    #[test]
    fn scope_table() {
        let cases: [(&str, Option<(&str, bool)>); 8] = [
            (
                "In three districts about 9,000 people live near the river.",
                Some(("three-districts", true)),
            ),
            (
                "The toll in Portmere rose to 190.",
                Some(("portmere", false)),
            ),
            (
                "Floods killed 40 people across Valdoria.",
                Some(("valdoria", false)),
            ),
            (
                "Portmere's death toll rose to 190.",
                Some(("portmere", false)),
            ),
            (
                "Elsewhere in the country, the storm killed about 170 people.",
                Some(("country", true)),
            ),
            // Must yield nothing: a month is not a place; a lower-case place
            // names no place.
            ("The storm killed 40 people in September.", None),
            ("The storm killed 40 people in the coastal city.", None),
            ("The storm killed 40 people in the Adriatic city.", None),
        ];
        for (sentence, want) in cases {
            let frames = run_frames(sentence);
            let got = frames
                .last()
                .and_then(|f| f.scope.as_ref())
                .map(|s| (s.id.as_str(), s.outside));
            assert_eq!(got, want, "{sentence}");
        }
    }
}

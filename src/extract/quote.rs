//! Quotes: words in quotation marks with the speaker who said them. The
//! speaker is the last person named before a speech verb ("Xi asserted that
//! … \"unstoppable\""), a person named after the quote ("\"…,\" Lind said"),
//! the running subject for "He said", or the organisation named before the
//! verb ("The National Intelligence Service (NIS) noted").

use std::sync::LazyLock;

use regex::Regex;

use super::{Draft, SentenceContext};
use crate::facts::{FactValue, Modality, QuoteValue};
use crate::text::slug;

static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"“([^”]{1,600})”|"([^"]{1,600})""#).expect("static regex"));
/// An organisation's name just before a speech verb, with an optional acronym.
static ORG_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:\p{Lu}[\p{L}-]*\s+){1,8}?)(?:\((\p{Lu}{2,8})\)\s+)?$").expect("static regex")
});

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    let mut out = Vec::new();
    for caps in QUOTED.captures_iter(ctx.text) {
        let (Some(whole), Some(words)) = (caps.get(0), caps.get(1).or(caps.get(2))) else {
            continue;
        };
        let before = &ctx.text[..whole.start()];
        let verb_before = lex.speech_verbs.find_iter(before).last();
        let speaker = match verb_before {
            Some(v) => ctx
                .people
                .iter()
                .rfind(|p| p.end <= v.start)
                .map(|p| p.id.clone())
                .or_else(|| {
                    let head = before[..v.start].trim_start();
                    let opens_with_pronoun = head
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| lex.pronouns.contains_in(w));
                    if opens_with_pronoun {
                        return ctx.subject.clone();
                    }
                    ORG_BEFORE.captures(&before[..v.start]).and_then(|c| {
                        let name = c.get(2).or(c.get(1))?.as_str().trim();
                        let name = name.trim_start_matches("The ").trim();
                        (!name.is_empty()).then(|| slug(name))
                    })
                }),
            None => {
                let after = &ctx.text[whole.end()..];
                lex.speech_verbs
                    .find_iter(after)
                    .next()
                    .filter(|v| v.start < 40)
                    .and_then(|_| {
                        ctx.people
                            .iter()
                            .find(|p| p.start >= whole.end())
                            .map(|p| p.id.clone())
                    })
            }
        };
        if speaker.is_none() && verb_before.is_none() {
            continue; // a title in quotes, a scare quote
        }
        out.push(Draft {
            key: "quote".to_string(),
            subject: speaker.clone(),
            value: FactValue::Quote(QuoteValue {
                speaker,
                words: words.as_str().trim().to_string(),
            }),
            modality: Modality::Attributed,
            start: whole.start(),
            end: whole.end(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;

    #[test]
    fn quote_table() {
        let cases: Vec<(&str, Vec<(Option<String>, String)>)> = vec![
            (
                "In his speech, Xi Jinping asserted that the rise is \"unstoppable,\" highlighting the choice.",
                vec![(Some("xi-jinping".into()), "unstoppable,".into())],
            ),
            (
                "“We will go on,” Mayor Ada Lind said.",
                vec![(Some("ada-lind".into()), "We will go on,".into())],
            ),
            (
                "The South Korea National Intelligence Service (NIS) noted that the visit aims to “broaden his space.”",
                vec![(Some("nis".into()), "broaden his space.".into())],
            ),
            // Must yield nothing: scare quotes with no speaker.
            ("The so-called \"axis\" grew.", vec![]),
        ];
        for (sentence, want) in cases {
            let got: Vec<(Option<String>, String)> = run_on(sentence, None, extract)
                .into_iter()
                .map(|d| match d.value {
                    FactValue::Quote(q) => (q.speaker, q.words),
                    _ => unreachable!(),
                })
                .collect();
            assert_eq!(got, want, "{sentence}");
        }
    }
}

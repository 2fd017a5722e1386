//! Treaties: a treaty noun with a signing verb or a year ("a mutual defense
//! treaty signed in 1961", "signed a defense pact … last year"). Parties are
//! the people named (as the countries they led then, so "Macron and Adenauer"
//! and "France and Germany" agree), else the countries named.

use std::collections::BTreeSet;

use super::{Draft, SentenceContext};
use crate::facts::{FactValue, TreatyValue};

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    let Some(noun) = lex.treaty_nouns.find_in(&ctx.words).next() else {
        return Vec::new();
    };
    let verb = lex.treaty_verbs.find_in(&ctx.words).next();
    // The year nearest the treaty noun, "since" years excluded.
    let year = ctx
        .years()
        .filter(|(_, _, d)| !d.since)
        .min_by_key(|(m, _, _)| m.start.abs_diff(noun.start))
        .map(|(_, y, _)| y);
    if verb.is_none() && year.is_none() {
        return Vec::new();
    }
    let mut parties: BTreeSet<String> = ctx
        .people
        .iter()
        .map(|p| {
            ctx.rules
                .reference
                .country_of(&p.id, ctx.reference)
                .map_or_else(|| p.id.clone(), str::to_string)
        })
        .collect();
    if parties.len() < 2 {
        // A place naming the treaty ("the Minsk agreement", "the Paris
        // accord") is where it was signed, not a party.
        let names_treaty = |p: &crate::recognize::entities::PlaceMention| {
            lex.treaty_nouns
                .find_in(&ctx.words)
                .any(|n| p.end <= n.start && ctx.text[p.end..n.start].trim().is_empty())
        };
        parties = ctx
            .places
            .iter()
            .filter(|p| !names_treaty(p))
            .map(|p| p.id.clone())
            .collect();
    }
    if parties.len() < 2 {
        return Vec::new();
    }
    let subject = parties.iter().cloned().collect::<Vec<_>>().join("+");
    let start = verb.map_or(noun.start, |v| v.start.min(noun.start));
    let end = verb.map_or(noun.end, |v| v.end.max(noun.end));
    vec![Draft {
        frame: None,
        key: "treaty".to_string(),
        subject: Some(subject),
        value: FactValue::Treaty(TreatyValue { parties, year }),
        modality: ctx.modality_at(noun.start),
        start,
        end,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;
    use chrono::NaiveDate;

    #[test]
    fn treaty_table() {
        let r = NaiveDate::from_ymd_opt(2025, 9, 3);
        let cases: Vec<(&str, Option<(String, Option<i32>)>)> = vec![
            (
                "China has long been North Korea’s partner, linked by a mutual defense treaty signed in 1961.",
                Some(("china+north-korea".into(), Some(1961))),
            ),
            (
                "Last year, Kim Jong Un and Vladimir Putin signed a defense pact.",
                Some(("north-korea+russia".into(), Some(2024))),
            ),
            (
                "Russia and North Korea signed a pact in 2024.",
                Some(("north-korea+russia".into(), Some(2024))),
            ),
            // Must yield nothing: no parties, or no signing and no year.
            ("The treaty was signed in 1961.", None),
            (
                "Russia and Ukraine signed the Minsk agreement in 2015.",
                Some(("russia+ukraine".into(), Some(2015))),
            ),
            ("Russia and China discussed a deal.", None),
        ];
        for (sentence, want) in cases {
            let got = run_on(sentence, r, extract)
                .into_iter()
                .next()
                .map(|d| match d.value {
                    FactValue::Treaty(t) => (d.subject.unwrap(), t.year),
                    _ => unreachable!(),
                });
            assert_eq!(got, want, "{sentence}");
        }
    }
}

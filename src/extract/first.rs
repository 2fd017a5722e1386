//! Debut and "first since" claims about a person: "his first appearance on
//! the international stage", "his inaugural appearance", "his debut" (a
//! debut) against "his first visit to China since 2019", "his most recent
//! journey was in 2023", "his most significant international appearance
//! since …" (earlier ones exist).

use super::{Draft, SentenceContext, cue_before};
use crate::facts::{FactValue, FirstValue};

const CUE_WINDOW_WORDS: usize = 4;
/// How far after the noun "since" may follow ("first visit to China since 2019").
const SINCE_WINDOW_WORDS: usize = 4;

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    let lower = ctx.text.to_lowercase();
    for noun in lex.first_nouns.find_in(&ctx.words) {
        let near = |cue_end: usize| cue_before(ctx.text, cue_end, noun.start, CUE_WINDOW_WORDS);
        let debut = lex.debut_words.find_in(&ctx.words).find(|c| near(c.end));
        let first = lex.first_words.find_in(&ctx.words).find(|c| near(c.end));
        let prior = lex.prior_words.find_in(&ctx.words).find(|c| near(c.end));
        let since_after = lower[noun.end..]
            .split_whitespace()
            .take(SINCE_WINDOW_WORDS + 1)
            .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == "since");
        let cue = match (prior, debut.or(first)) {
            (Some(p), _) => (p.start, true),
            (None, Some(c)) => (c.start, since_after),
            (None, None) => continue,
        };
        let (cue_start, earlier_exist) = cue;
        let since_year = if earlier_exist {
            ctx.years()
                .filter(|(m, _, _)| m.start >= noun.start || !since_after)
                .map(|(_, y, _)| y)
                .next()
        } else {
            None
        };
        return vec![Draft {
            frame: None,
            key: noun.value.clone(),
            subject: ctx.subject.clone(),
            value: FactValue::First(FirstValue {
                what: ctx.text[noun.start..noun.end].to_lowercase(),
                debut: !earlier_exist,
                since_year,
            }),
            modality: ctx.modality_at(cue_start),
            start: cue_start,
            end: noun.end,
        }];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;
    use chrono::NaiveDate;

    #[test]
    fn first_table() {
        let cases: Vec<(&str, Option<(bool, Option<i32>)>)> = vec![
            (
                "Kim’s debut: Marked Kim Jong-un’s first appearance on the international stage.",
                Some((true, None)),
            ),
            (
                "This moment is significant for Kim Jong Un, marking his inaugural appearance at an international event.",
                Some((true, None)),
            ),
            (
                "The agency confirmed it, making this his first visit to China since 2019.",
                Some((false, Some(2019))),
            ),
            (
                "His most recent journey was in 2023 when he met Putin.",
                Some((false, Some(2023))),
            ),
            (
                "It marks his most significant international appearance since tensions rose.",
                Some((false, None)),
            ),
            // Must yield nothing.
            ("Kim’s visit aims to broaden his room for manoeuvre.", None),
            ("He arrived on a journey that took nearly a day.", None),
            (
                "Many pieces were unveiled publicly for the first time.",
                None,
            ),
        ];
        for (sentence, want) in cases {
            let got = run_on(sentence, NaiveDate::from_ymd_opt(2025, 9, 3), extract)
                .into_iter()
                .next()
                .map(|d| match d.value {
                    FactValue::First(f) => (f.debut, f.since_year),
                    _ => unreachable!(),
                });
            assert_eq!(got, want, "{sentence}");
        }
    }
}

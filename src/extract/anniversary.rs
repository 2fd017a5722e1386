//! Anniversaries: "the 80th anniversary of Japan's surrender". The
//! commemorated event and its year come from the reference pack; without
//! one in the sentence, the article's last named event is used.

use chrono::Datelike;

use super::{Draft, SentenceContext};
use crate::facts::{AnniversaryValue, FactValue};
use crate::recognize::{MentionValue, NumberKind};

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    let mut out = Vec::new();
    for noun in lex.anniversary_nouns.find_iter(ctx.text) {
        let ordinal = ctx.mentions.iter().find_map(|m| match &m.value {
            MentionValue::Number(n)
                if n.kind == NumberKind::Ordinal
                    && m.end <= noun.start
                    && ctx.text[m.end..noun.start].trim().is_empty() =>
            {
                Some((m.start, n.value))
            }
            _ => None,
        });
        let Some((start, ordinal)) = ordinal else {
            continue;
        };
        if !(1.0..10_000.0).contains(&ordinal) {
            continue;
        }
        let ordinal = ordinal.round() as i64;
        let (key, of_year) = match &ctx.anniversary_of {
            Some((id, date)) => (id.clone(), Some(date.year())),
            None => ("anniversary".to_string(), None),
        };
        out.push(Draft {
            key,
            subject: None,
            value: FactValue::Anniversary(AnniversaryValue {
                ordinal,
                of_year,
                year: of_year.map(|y| y + ordinal as i32),
            }),
            modality: ctx.modality_at(start),
            start,
            end: noun.end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;

    #[test]
    fn anniversary_table() {
        let cases: Vec<(&str, Option<(String, i64, Option<i32>)>)> = vec![
            (
                "It marks the 80th anniversary of Japan’s surrender at the end of World War II.",
                Some(("end-of-world-war-ii".into(), 80, Some(1945))),
            ),
            (
                "The eightieth anniversary of the end of the Second World War.",
                Some(("end-of-world-war-ii".into(), 80, Some(1945))),
            ),
            (
                "The club celebrated its 25th anniversary.",
                Some(("anniversary".into(), 25, None)),
            ),
            ("The anniversary passed quietly.", None),
            ("He came 80th in the race.", None),
        ];
        for (sentence, want) in cases {
            let got = run_on(sentence, None, extract)
                .into_iter()
                .next()
                .map(|d| match d.value {
                    FactValue::Anniversary(a) => (d.key, a.ordinal, a.of_year),
                    _ => unreachable!(),
                });
            assert_eq!(got, want, "{sentence}");
        }
    }
}

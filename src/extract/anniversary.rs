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
    // "On August 15, 1995, the 50th anniversary of …": a past anniversary,
    // not the story's.
    let past = ctx.reference.is_some_and(|r| {
        let years = ctx.sentence_years();
        !years.is_empty() && years.iter().all(|y| *y < r.year())
    });
    if past {
        return Vec::new();
    }
    for noun in lex.anniversary_nouns.find_in(&ctx.words) {
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
        // The reference pack's event named in this sentence; else what the
        // sentence says it is of ("of the band's formation"), so different
        // anniversaries are not compared; else the article's last event.
        let named_here = ctx
            .rules
            .reference
            .events
            .find_in(&ctx.words)
            .next()
            .map(|h| h.value.clone());
        let (key, of_year) = match (
            named_here,
            of_phrase(ctx.text, noun.end),
            &ctx.anniversary_of,
        ) {
            (Some((id, date)), _, _) => (id, Some(date.year())),
            (None, Some(phrase), _) => (format!("anniversary-of-{phrase}"), None),
            (None, None, Some((id, date))) => (id.clone(), Some(date.year())),
            (None, None, None) => ("anniversary".to_string(), None),
        };
        out.push(Draft {
            frame: None,
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

/// "anniversary of the band's formation" → `the-bands-formation`: the first
/// few words after "of", up to punctuation.
fn of_phrase(text: &str, after: usize) -> Option<String> {
    let rest = text[after..].trim_start().strip_prefix("of ")?;
    let end = rest
        .find([',', '.', ';', ':', '(', '"', '“'])
        .unwrap_or(rest.len());
    let words: Vec<&str> = rest[..end].split_whitespace().take(4).collect();
    let phrase = crate::text::slug(&words.join(" "));
    (!phrase.is_empty()).then_some(phrase)
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
            (
                "It marked the 30th anniversary of the band's formation.",
                Some(("anniversary-of-the-bands-formation".into(), 30, None)),
            ),
            (
                "On August 15, 1995, the 50th anniversary of the end of World War II, he spoke.",
                None,
            ),
            ("The anniversary passed quietly.", None),
            ("He came 80th in the race.", None),
        ];
        for (sentence, want) in cases {
            let got = run_on(
                sentence,
                chrono::NaiveDate::from_ymd_opt(2025, 9, 3),
                extract,
            )
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

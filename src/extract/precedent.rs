//! Precedent claims about a gathering: "an unprecedented convergence", "the
//! first time these leaders appear together" (no precedent), against "the
//! first such assembly in 66 years", "since … 1987" (a precedent, with its
//! gap and year). Which nouns are gatherings is lexicon data.

use chrono::Datelike;

use super::{Draft, SentenceContext, cue_before};
use crate::facts::{FactValue, PrecedentField, PrecedentValue};
use crate::recognize::MentionValue;

/// How close "first"/"unprecedented" must stand before the gathering noun.
const CUE_WINDOW_WORDS: usize = 4;

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    let gatherings: Vec<_> = lex.gatherings.find_in(&ctx.words).collect();
    let Some(first_gathering) = gatherings.first() else {
        return Vec::new();
    };
    let key = first_gathering.value.clone();
    let near = |cue_end: usize, noun_start: usize| {
        cue_before(ctx.text, cue_end, noun_start, CUE_WINDOW_WORDS)
    };
    let unprecedented = lex
        .unprecedented
        .find_in(&ctx.words)
        .find(|c| gatherings.iter().any(|g| near(c.end, g.start)));
    let first_time = ctx.text.to_lowercase().contains("first time");
    let first = lex
        .precedent_first
        .find_in(&ctx.words)
        .find(|c| first_time || gatherings.iter().any(|g| near(c.end, g.start)));
    let reference_year = ctx.reference.map(|r| r.year());
    let (cue_start, cue_end) = match (unprecedented, first) {
        (Some(u), _) => (u.start, u.end),
        (None, Some(f)) => (f.start, f.end),
        (None, None) => return last_occasion(ctx, &gatherings, reference_year),
    };
    // "in 66 years": a whole number of years after "in".
    let gap = ctx.mentions.iter().find_map(|m| match &m.value {
        MentionValue::Duration(d)
            if ctx.text[..m.start]
                .trim_end()
                .to_lowercase()
                .ends_with(" in") =>
        {
            let years = d.min_seconds / (365.0 * 86_400.0);
            (d.min_seconds == d.max_seconds && years >= 1.0).then(|| years.round() as i32)
        }
        _ => None,
    });
    let mentions_since = ctx
        .text
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "since");
    let last_year = ctx
        .years()
        .filter(|(_, y, d)| d.since || (mentions_since && reference_year.is_none_or(|r| *y < r)))
        .map(|(_, y, _)| y)
        .next();
    let value = if unprecedented.is_some() || (gap.is_none() && last_year.is_none()) {
        PrecedentValue {
            last_year: None,
            gap_years: None,
            unprecedented: true,
            inferred: vec![],
        }
    } else {
        let mut inferred = Vec::new();
        let last = last_year.or_else(|| {
            inferred.push(PrecedentField::LastYear);
            Some(reference_year? - gap?)
        });
        let gap_years = gap.or_else(|| {
            inferred.push(PrecedentField::GapYears);
            Some(reference_year? - last_year?)
        });
        PrecedentValue {
            last_year: last,
            gap_years,
            unprecedented: false,
            inferred,
        }
    };
    let end = gatherings
        .iter()
        .map(|g| g.end)
        .filter(|e| *e > cue_end)
        .min()
        .unwrap_or(cue_end);
    vec![Draft {
        frame: None,
        key,
        subject: None,
        value: FactValue::Precedent(value),
        modality: ctx.modality_at(cue_start),
        start: cue_start.min(first_gathering.start),
        end,
    }]
}

/// "The three mayors last held such a gathering in 2005": a dated
/// precedent without "first".
fn last_occasion(
    ctx: &SentenceContext,
    gatherings: &[crate::text::Hit<'_, String>],
    reference_year: Option<i32>,
) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    let near = |cue_end: usize, noun_start: usize| {
        cue_before(ctx.text, cue_end, noun_start, CUE_WINDOW_WORDS)
    };
    // "The minister last attended a meeting in 2019" is his, not the gathering's.
    let attendance = |a: usize, b: usize| lex.attend_present.contains_in(&ctx.text[a..b]);
    let Some((cue, gathering)) = lex.precedent_last.find_in(&ctx.words).find_map(|c| {
        gatherings
            .iter()
            .find(|g| near(c.end, g.start) && !attendance(c.end, g.start))
            .map(|g| (c, g))
    }) else {
        return Vec::new();
    };
    let Some(year) = ctx
        .years()
        .filter(|(m, y, d)| {
            !d.since && m.start >= gathering.end && reference_year.is_none_or(|r| *y < r)
        })
        .map(|(_, y, _)| y)
        .next()
    else {
        return Vec::new();
    };
    let gap_years = reference_year.map(|r| r - year);
    vec![Draft {
        frame: None,
        key: gathering.value.clone(),
        subject: None,
        value: FactValue::Precedent(PrecedentValue {
            last_year: Some(year),
            gap_years,
            unprecedented: false,
            inferred: if gap_years.is_some() {
                vec![PrecedentField::GapYears]
            } else {
                vec![]
            },
        }),
        modality: ctx.modality_at(cue.start),
        start: cue.start,
        end: gathering.end,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;
    use chrono::NaiveDate;

    fn precedents(sentence: &str) -> Vec<(Option<i32>, Option<i32>, bool)> {
        run_on(sentence, NaiveDate::from_ymd_opt(2025, 9, 3), extract)
            .into_iter()
            .map(|d| match d.value {
                FactValue::Precedent(p) => (p.last_year, p.gap_years, p.unprecedented),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn precedent_table() {
        let cases: Vec<(&str, Vec<(Option<i32>, Option<i32>, bool)>)> = vec![
            (
                "It marked an unprecedented convergence of three powers.",
                vec![(None, None, true)],
            ),
            (
                "This marks the first time these three leaders will appear together at such an event.",
                vec![(None, None, true)],
            ),
            (
                "Historic gathering: First meeting of the three leaders in 66 years.",
                vec![(Some(1959), Some(66), false)],
            ),
            (
                "The first gathering of the three leaders in 66 years, since their meeting at a similar event in 1959.",
                vec![(Some(1959), Some(66), false)],
            ),
            // Must yield nothing.
            (
                "Many pieces were unveiled publicly for the first time.",
                vec![],
            ),
            ("It was an unprecedented display of cooperation.", vec![]),
            ("Historic Gathering: Three Powers Unite", vec![]),
            (
                "The three mayors last held such a gathering in 2005.",
                vec![(Some(2005), Some(20), false)],
            ),
            ("The last gathering drew crowds.", vec![]),
            (
                "Mayor Ada Lind last attended a meeting of the three mayors in 2019.",
                vec![],
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(precedents(sentence), want, "{sentence}");
        }
    }
}

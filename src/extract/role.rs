//! Roles: a person under a title ("French President Emmanuel Macron",
//! "Pakistan's Prime Minister Shehbaz Sharif") and a government named after
//! a person ("the Biden administration"). The office is resolved through
//! the reference pack (country + title) so the reference check can ask who
//! held it on the source's date.

use chrono::Datelike;

use super::{Draft, SentenceContext};
use crate::facts::{FactValue, Modality, RoleDate, RoleValue};
use crate::text::slug;

/// Words shortly before a title that make the role a past one: "Then-
/// President", "the late King", "Starmer's predecessor, Prime Minister
/// …": claimed for another time, so not judged.
const PAST: &[&str] = &["late", "then", "predecessor"];

/// Words that say the person no longer holds the office on the source's
/// date ("Former US President X"): a claim the reference can check.
const FORMER: &[&str] = &["former", "ex", "onetime", "one-time"];
/// How many words before the title may carry such a word.
const FORMER_WINDOW: usize = 3;

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    let reference = &ctx.rules.reference;
    // A role in a clause about another year is claimed for that year.
    let as_of_at = |offset: usize| -> Option<RoleDate> {
        let reference = ctx.reference?;
        if ctx.is_historical_at(offset) {
            return ctx
                .clause_years(offset)
                .first()
                .copied()
                .map(RoleDate::Year);
        }
        // Another clause names a past year ("… in 2023, when he met Prime
        // Minister X"): the role may belong to then; do not date it.
        let past = ctx.sentence_years().iter().any(|y| *y < reference.year());
        (!past).then_some(RoleDate::Day(reference))
    };
    let mut out = Vec::new();
    for p in &ctx.people {
        let as_of = as_of_at(p.start);
        let before = ctx.text[..p.start].trim_end();
        let Some(title) = lex.titles.suffix(before) else {
            continue;
        };
        let head = ctx.text[..title.start].to_lowercase();
        let lead: Vec<&str> = head
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev()
            .take(FORMER_WINDOW)
            .collect();
        if lead.iter().any(|w| PAST.contains(w)) {
            continue;
        }
        let former = lead.iter().any(|w| FORMER.contains(w));
        let country = ctx
            .places
            .iter()
            .rfind(|pl| {
                pl.end <= title.start && {
                    let tail = ctx.text[pl.end..title.start].trim();
                    tail.is_empty() || tail == "'s" || tail == "’s"
                }
            })
            .map(|pl| pl.id.clone());
        // "Prime Minister Rishi Sunak of Britain": the country may follow.
        let country = country.or_else(|| {
            let after = ctx.text[p.end..].trim_start();
            let rest = after.strip_prefix("of ")?;
            let offset = ctx.text.len() - rest.len();
            ctx.places
                .iter()
                .find(|pl| pl.start == offset)
                .map(|pl| pl.id.clone())
        });
        let title_text = &ctx.text[title.start..title.end];
        let titled = |i: &usize| {
            reference.offices[*i]
                .titles
                .iter()
                .any(|t| t.eq_ignore_ascii_case(title_text))
        };
        let office = country
            .as_deref()
            .and_then(|c| reference.offices_titled(c, title_text).first().copied())
            // No country named: the office with this title the person is known for.
            .or_else(|| {
                reference
                    .terms_of(&p.id)
                    .map(|t| t.office)
                    .filter(titled)
                    .last()
            })
            .map_or_else(|| slug(title_text), |i| reference.offices[i].id.clone());
        let start = ctx
            .places
            .iter()
            .rfind(|pl| pl.end <= title.start && ctx.text[pl.end..title.start].trim().len() <= 2)
            .map_or(title.start, |pl| pl.start);
        // The span shows the word that makes the role a former one.
        let start = if former {
            super::frame::words(ctx.text, 0, title.start)
                .rev()
                .take(FORMER_WINDOW)
                .filter(|&(s, e)| {
                    FORMER
                        .iter()
                        .any(|w| ctx.text[s..e].eq_ignore_ascii_case(w))
                })
                .map(|(s, _)| s)
                .min()
                .map_or(start, |s| s.min(start))
        } else {
            start
        };
        out.push(Draft {
            frame: None,
            key: "role".to_string(),
            subject: Some(p.id.clone()),
            value: FactValue::Role(RoleValue {
                person: p.id.clone(),
                office,
                as_of,
                former,
            }),
            modality: Modality::Asserted,
            start,
            end: p.end,
        });
    }
    // "the Biden administration": a person's government, named after them.
    for g in lex.government_nouns.find_in(&ctx.words) {
        let Some(p) = ctx
            .people
            .iter()
            .find(|p| ctx.text.get(p.end..g.start) == Some(" "))
        else {
            continue;
        };
        let Some(office) = reference.main_office(&p.id) else {
            continue;
        };
        out.push(Draft {
            frame: None,
            key: "role".to_string(),
            subject: Some(p.id.clone()),
            value: FactValue::Role(RoleValue {
                person: p.id.clone(),
                office: reference.offices[office].id.clone(),
                as_of: as_of_at(p.start),
                former: false,
            }),
            modality: Modality::Asserted,
            start: p.start,
            end: g.end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;
    use chrono::NaiveDate;

    #[test]
    fn role_table() {
        let r = NaiveDate::from_ymd_opt(2025, 9, 3);
        let role = |p: &str, o: &str| (p.to_string(), o.to_string(), false);
        let former = |p: &str, o: &str| (p.to_string(), o.to_string(), true);
        let cases: Vec<(&str, Vec<(String, String, bool)>)> = vec![
            (
                "Russian President Vladimir Putin arrived.",
                vec![role("vladimir-putin", "russia-president")],
            ),
            (
                "Pakistan’s Prime Minister Shehbaz Sharif spoke.",
                vec![role("shehbaz-sharif", "pakistan-prime-minister")],
            ),
            (
                "The Biden administration must balance deterrence.",
                vec![role("joe-biden", "us-president")],
            ),
            ("Mayor Ada Lind spoke.", vec![role("ada-lind", "mayor")]),
            // A former role is a claim of its own, for the reference to
            // check.
            (
                "The former Prime Minister Shehbaz Sharif spoke.",
                vec![former("shehbaz-sharif", "pakistan-prime-minister")],
            ),
            (
                "Former US President Joe Biden attended.",
                vec![former("joe-biden", "us-president")],
            ),
            // Must yield nothing: roles of another time.
            ("Then-President Joe Biden attended.", vec![]),
            (
                "Starmer's predecessor, Prime Minister Rishi Sunak, attended.",
                vec![],
            ),
            ("The late King Hal IV was mourned.", vec![]),
            ("Vladimir Putin arrived.", vec![]),
        ];
        for (sentence, want) in cases {
            let got: Vec<(String, String, bool)> = run_on(sentence, r, extract)
                .into_iter()
                .map(|d| match d.value {
                    FactValue::Role(v) => (v.person, v.office, v.former),
                    _ => unreachable!(),
                })
                .collect();
            assert_eq!(got, want, "{sentence}");
        }
    }
}

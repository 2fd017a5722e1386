//! Attendance: who is (or is not) at the event. A sentence with an
//! attendance cue ("attend", "joined", "in attendance", "presence",
//! "guests") makes the people named in the cue's clause attendees, and the
//! people listed after "including"/"such as" too. With nobody named, a group
//! subject ("Leaders from major Western nations will not attend") is kept as
//! a slug. Sentences about another year are skipped.

use super::{Draft, SentenceContext, modality};
use crate::facts::{AttendanceValue, FactValue, Modality, Presence};
use crate::text::slug;

/// Words after which the rest of the sentence lists more attendees.
const LIST_OPENERS: &[&str] = &["including", "such as", "among them", "among whom"];

/// Whether `text` holds the word "since" in any case. ASCII text, the
/// usual kind, is read as it stands, with no lowercase copy per cue; any
/// other is lowercased first, where a capital may lowercase to a mark that
/// splits a word.
fn says_since(text: &str) -> bool {
    let since = |w: &str| w.eq_ignore_ascii_case("since");
    if text.is_ascii() {
        text.split(|c: char| !c.is_alphanumeric()).any(since)
    } else {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "since")
    }
}

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    let mut cues: Vec<(usize, usize, bool)> = lex
        .attend_absent
        .find_in(&ctx.words)
        .map(|h| (h.start, h.end, true))
        .chain(
            lex.attend_present
                .find_in(&ctx.words)
                .map(|h| (h.start, h.end, false)),
        )
        .collect();
    cues.sort_unstable();
    let mut out: Vec<Draft> = Vec::new();
    for (cue_start, cue_end, is_absent) in cues {
        // "…since the attendance of X at a similar event in 1987": about the past.
        let since_before = says_since(&ctx.text[..cue_start]);
        if since_before || ctx.is_historical_at(cue_start) {
            continue;
        }
        let (cs, cue_clause_end) = ctx.clause_at(cue_start);
        let mut ce = cue_clause_end;
        // Extend over a following list ("…will attend, including A, B and C").
        let rest = ctx.text[ce..].trim_start_matches([',', ';', ':', ' ', '—', '–']);
        if LIST_OPENERS.iter().any(|o| {
            rest.get(..o.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(o))
        }) {
            ce = ctx.text.len();
        }
        let modality = modality::of_clause(&ctx.clause_words(cs, cue_clause_end), lex);
        if is_absent && modality == Modality::Negated {
            continue; // "did not skip": a double negative; too rare to guess
        }
        let presence = if is_absent || modality == Modality::Negated {
            Presence::Absent
        } else {
            Presence::Present
        };
        let modality = if is_absent {
            Modality::Asserted
        } else {
            modality
        };
        let before = out.len();
        for p in ctx.people.iter().filter(|p| p.start >= cs && p.end <= ce) {
            if out
                .iter()
                .any(|d| d.subject.as_deref() == Some(p.id.as_str()))
            {
                continue;
            }
            out.push(Draft {
                frame: None,
                key: "attendance".to_string(),
                subject: Some(p.id.clone()),
                value: FactValue::Attendance(AttendanceValue {
                    person: p.id.clone(),
                    presence,
                }),
                modality,
                start: p.start.min(cue_start),
                end: p.end.max(cue_end),
            });
        }
        if out.len() > before || ctx.people.iter().any(|p| p.start >= cs && p.end <= ce) {
            continue;
        }
        // A named group before the cue: "Leaders from major Western nations will not attend".
        let clause = &ctx.text[cs..cue_start];
        if lex.attend_groups.find_iter(clause).next().is_some() {
            let phrase = strip_modal_tail(clause.trim(), lex);
            let words = phrase.split_whitespace().count();
            // "Leaders of 14 countries" is a count, not a name for a group.
            if (1..=7).contains(&words) && !phrase.contains(|c: char| c.is_ascii_digit()) {
                let id = slug(phrase);
                if !out
                    .iter()
                    .any(|d| d.subject.as_deref() == Some(id.as_str()))
                {
                    out.push(Draft {
                        frame: None,
                        key: "attendance".to_string(),
                        subject: Some(id.clone()),
                        value: FactValue::Attendance(AttendanceValue {
                            person: id,
                            presence,
                        }),
                        modality,
                        start: cs + (clause.len() - clause.trim_start().len()),
                        end: cue_end,
                    });
                }
            }
        }
    }
    out
}

/// "Leaders from X will not" → "Leaders from X".
fn strip_modal_tail<'a>(phrase: &'a str, lex: &crate::vocabulary::Lexicon) -> &'a str {
    let mut end = phrase.len();
    for h in lex
        .negation
        .find_iter(phrase)
        .chain(lex.future.find_iter(phrase))
        .chain(lex.hedge.find_iter(phrase))
    {
        end = end.min(h.start);
    }
    phrase[..end].trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;
    use chrono::NaiveDate;

    /// Over every prefix of every real line that ends before a word (and
    /// of text whose capitals lowercase to marks), the word "since" is
    /// found exactly where the lowercased copy finds it.
    #[test]
    fn since_is_found_as_in_the_lowercased_text() {
        let mut lines = vec!["İsince SINCE Since, ΣINCE sİnce".to_string()];
        lines.extend(crate::recognize::tests::corpus_lines());
        let mut found = 0;
        for line in &lines {
            for (at, _) in line
                .char_indices()
                .filter(|&(i, _)| line[..i].ends_with(' '))
            {
                let text = &line[..at];
                let want = text
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "since");
                assert_eq!(says_since(text), want, "{text:?}");
                found += usize::from(want);
            }
        }
        assert!(found > 100, "{found}");
    }

    fn attendance(sentence: &str) -> Vec<(String, Presence, Modality)> {
        run_on(sentence, NaiveDate::from_ymd_opt(2025, 9, 3), extract)
            .into_iter()
            .map(|d| match d.value {
                FactValue::Attendance(a) => (a.person, a.presence, d.modality),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn attendance_table() {
        let s = |x: &str| x.to_string();
        use Modality::*;
        use Presence::*;
        let cases: Vec<(&str, Vec<(String, Presence, Modality)>)> = vec![
            (
                "Kim Jong Un and Putin to Join Xi at the Parade",
                vec![
                    (s("kim-jong-un"), Present, Expected),
                    (s("vladimir-putin"), Present, Expected),
                    (s("xi-jinping"), Present, Expected),
                ],
            ),
            (
                "A total of 26 foreign leaders will attend, including Pakistan’s Prime Minister Shehbaz Sharif, and Slovakia’s Robert Fico.",
                vec![
                    (s("shehbaz-sharif"), Present, Expected),
                    (s("robert-fico"), Present, Expected),
                ],
            ),
            (
                "Leaders from major Western nations will not attend, despite everything.",
                vec![(s("leaders-from-major-western-nations"), Absent, Negated)],
            ),
            (
                "The agency confirmed Kim Jong Un's attendance at the ceremony.",
                vec![(s("kim-jong-un"), Present, Asserted)],
            ),
            (
                "Mayor Ada Lind skipped the gala.",
                vec![(s("ada-lind"), Absent, Asserted)],
            ),
            // Must yield nothing.
            (
                "Kim Il-sung and Mao Zedong were in attendance at a similar event in 1959.",
                vec![],
            ),
            (
                "Their presence is expected to create a striking image.",
                vec![],
            ),
            ("Xi Jinping spoke about the economy.", vec![]),
        ];
        for (sentence, want) in cases {
            assert_eq!(attendance(sentence), want, "{sentence}");
        }
    }
}

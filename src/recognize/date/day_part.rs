//! Parts of day and times of day, as fields of a day's date: "late on
//! Saturday", "early Monday", "Sunday night", "in the early hours of
//! Monday", "at 10:30 on 26 April", "5 p.m. local time Saturday", "on
//! Friday at around noon"; and the parts of the reference day said
//! alone: "this afternoon", "tonight", "last night".
//!
//! A part of day is a span of hours, generous because news uses them
//! loosely ("late on Saturday" may be late afternoon); a stated time is a
//! point with a margin. Both let two reports of one happening be compared
//! across midnight: "Sunday night" and "early Monday" overlap.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use super::DateSpan;
use super::time::{APPROX, TIME_TOKENS, TimeOfDay, time_at, word};
use crate::recognize::token::Tok;
use crate::recognize::{DateMention, Granularity, Period, StatedDate};

/// A named part of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartOfDay {
    /// "early Monday", "in the early hours of Monday".
    Early,
    Morning,
    Midday,
    Afternoon,
    Evening,
    /// "late on Saturday", "late Saturday".
    Late,
    /// "Sunday night", "tonight": runs into the next morning.
    Night,
}

impl PartOfDay {
    /// The hours the part covers, from the start of its day; the night's
    /// end lies in the next day.
    pub fn hours(self) -> (u32, u32) {
        match self {
            PartOfDay::Early => (0, 10),
            PartOfDay::Morning => (5, 12),
            PartOfDay::Midday => (11, 14),
            PartOfDay::Afternoon => (12, 19),
            PartOfDay::Evening => (16, 24),
            PartOfDay::Late => (15, 26),
            PartOfDay::Night => (18, 30),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PartOfDay::Early => "early",
            PartOfDay::Morning => "morning",
            PartOfDay::Midday => "midday",
            PartOfDay::Afternoon => "afternoon",
            PartOfDay::Evening => "evening",
            PartOfDay::Late => "late",
            PartOfDay::Night => "night",
        }
    }

    fn after_day(word: &str) -> Option<PartOfDay> {
        Some(match word {
            "morning" => PartOfDay::Morning,
            "afternoon" => PartOfDay::Afternoon,
            "evening" => PartOfDay::Evening,
            "night" | "overnight" => PartOfDay::Night,
            _ => return None,
        })
    }
}

/// The span of time a day, with its part or time, covers: a stated time
/// is a point with an hour's margin (two when approximate). Two zones
/// that differ cannot be compared without an offset: the time is then
/// left out and the part or whole day stands.
pub fn interval(
    day: NaiveDate,
    part: Option<PartOfDay>,
    time: Option<&TimeOfDay>,
) -> (NaiveDateTime, NaiveDateTime) {
    let midnight = day.and_time(NaiveTime::MIN);
    if let Some(t) = time {
        let at = midnight + TimeDelta::minutes(i64::from(t.hour * 60 + t.minute));
        let margin = TimeDelta::hours(if t.approximate { 2 } else { 1 });
        return (at - margin, at + margin);
    }
    let (from, to) = part.map_or((0, 24), PartOfDay::hours);
    (
        midnight + TimeDelta::hours(i64::from(from)),
        midnight + TimeDelta::hours(i64::from(to)),
    )
}

fn single_day(m: &DateMention) -> bool {
    m.period
        .is_some_and(|p| p.granularity == Granularity::Day && p.start == p.end)
}

/// Widens each single-day date over the part of day or time beside it,
/// and adds the parts of the reference day said alone. `spans` is sorted
/// by first token and does not overlap.
pub(crate) fn attach(toks: &[Tok], reference: Option<NaiveDate>, spans: &mut Vec<DateSpan>) {
    for k in 0..spans.len() {
        if !single_day(&spans[k].mention) {
            continue;
        }
        let floor = k.checked_sub(1).map_or(0, |p| spans[p].t1);
        let ceiling = spans.get(k + 1).map_or(toks.len(), |n| n.t0);
        let s = &mut spans[k];
        // Before the day: "late on", "early", "in the early hours of",
        // "at 10:30 on", "5 p.m. local time".
        let mut t0 = s.t0;
        let on = t0 > floor && word(toks, t0 - 1) == Some("on");
        let lead = if on { t0 - 1 } else { t0 };
        if lead >= floor + 4
            && (lead - 4..lead)
                .map(|j| word(toks, j))
                .eq(["the", "early", "hours", "of"].map(Some))
        {
            s.mention.part = Some(PartOfDay::Early);
            t0 = lead - 4;
            if t0 > floor && word(toks, t0 - 1) == Some("in") {
                t0 -= 1;
            }
        } else if lead > floor {
            match word(toks, lead - 1) {
                Some("early") => {
                    s.mention.part = Some(PartOfDay::Early);
                    t0 = lead - 1;
                }
                Some("late") => {
                    s.mention.part = Some(PartOfDay::Late);
                    t0 = lead - 1;
                }
                _ => {
                    let time = (lead.saturating_sub(TIME_TOKENS).max(floor)..lead)
                        .find_map(|j| time_at(toks, j).filter(|&(_, e)| e == lead).map(|x| (j, x)));
                    if let Some((j, (time, _))) = time {
                        s.mention.time = Some(time);
                        t0 = j;
                    }
                }
            }
        }
        s.t0 = t0;
        // After the day: "night", "morning", "at 5 p.m.", "at around noon".
        let mut t1 = s.t1;
        if t1 < ceiling {
            if let Some(part) = word(toks, t1).and_then(PartOfDay::after_day) {
                s.mention.part = s.mention.part.or(Some(part));
                t1 += 1;
            }
        }
        if s.mention.time.is_none() && t1 < ceiling && word(toks, t1) == Some("at") {
            let from = if word(toks, t1 + 1).is_some_and(|w| APPROX.contains(&w)) {
                t1 + 2
            } else {
                t1 + 1
            };
            if let Some((time, e)) = time_at(toks, from).filter(|&(_, e)| e <= ceiling) {
                s.mention.time = Some(time);
                t1 = e;
            }
        }
        s.t1 = t1;
        // "tonight" is today's night.
        if s.t1 - s.t0 == 1 && word(toks, s.t0) == Some("tonight") {
            s.mention.part = Some(PartOfDay::Night);
        }
    }
    let Some(reference) = reference else {
        return;
    };
    // "this afternoon", "last night": parts of the reference day.
    let mut alone = Vec::new();
    for i in 0..toks.len().saturating_sub(1) {
        let (shift, part) = match (word(toks, i), word(toks, i + 1)) {
            (Some("this"), Some(w)) => match w {
                "morning" => (0, PartOfDay::Morning),
                "afternoon" => (0, PartOfDay::Afternoon),
                "evening" => (0, PartOfDay::Evening),
                _ => continue,
            },
            (Some("last"), Some("night")) => (1, PartOfDay::Night),
            _ => continue,
        };
        if spans.iter().any(|s| s.t0 < i + 2 && i < s.t1) {
            continue;
        }
        let Some(day) = reference.checked_sub_days(Days::new(shift)) else {
            continue;
        };
        let mention = DateMention {
            stated: StatedDate::default(),
            relative: true,
            since: false,
            period: Some(Period {
                start: day,
                end: day,
                granularity: Granularity::Day,
            }),
            part: Some(part),
            time: None,
            until: None,
        };
        alone.push(DateSpan {
            t0: i,
            t1: i + 2,
            start: 0,
            end: 0,
            mention,
        });
    }
    spans.extend(alone);
    spans.sort_by_key(|s| s.t0);
}

#[cfg(test)]
mod tests {
    use crate::recognize::{MentionValue, Recognizer};
    use chrono::NaiveDate;

    /// (text of the date, part, time) for each single-day date.
    fn parts(text: &str) -> Vec<(String, Option<&'static str>, Option<String>)> {
        let reference = NaiveDate::from_ymd_opt(2024, 7, 5);
        Recognizer::new()
            .scan(text, reference)
            .into_iter()
            .filter_map(|m| match m.value {
                MentionValue::Date(d) if d.part.is_some() || d.time.is_some() => Some((
                    text[m.start..m.end].to_string(),
                    d.part.map(|p| p.as_str()),
                    d.time.map(|t| t.display()),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn parts_and_times_table() {
        let s = |x: &str| x.to_string();
        let cases: Vec<(&str, Vec<(String, Option<&str>, Option<String>)>)> = vec![
            (
                "The levee gave way late on Saturday.",
                vec![(s("late on Saturday"), Some("late"), None)],
            ),
            (
                "The bridge fell early Monday.",
                vec![(s("early Monday"), Some("early"), None)],
            ),
            (
                "It happened in the early hours of Tuesday.",
                vec![(s("in the early hours of Tuesday"), Some("early"), None)],
            ),
            (
                "The ferry sank on Sunday night.",
                vec![(s("Sunday night"), Some("night"), None)],
            ),
            (
                "Counting ends on Saturday morning.",
                vec![(s("Saturday morning"), Some("morning"), None)],
            ),
            (
                "The mayor spoke at 10:30 on 26 April.",
                vec![(s("10:30 on 26 April"), None, Some(s("10:30")))],
            ),
            (
                "Its 5 p.m. local time Saturday update raised the figure.",
                vec![(
                    s("5 p.m. local time Saturday"),
                    None,
                    Some(s("17:00 LOCAL")),
                )],
            ),
            (
                "Polls shut at 2100 GMT on Thursday.",
                vec![(s("2100 GMT on Thursday"), None, Some(s("21:00 GMT")))],
            ),
            (
                "They met on Friday at around noon.",
                vec![(s("Friday at around noon"), None, Some(s("~12:00")))],
            ),
            (
                "She arrived this afternoon.",
                vec![(s("this afternoon"), Some("afternoon"), None)],
            ),
            (
                "Sirens sounded last night.",
                vec![(s("last night"), Some("night"), None)],
            ),
            // Must yield no part or time.
            ("The late Queen opened it on Monday.", vec![]),
            ("Sales rose 5 percent on Monday.", vec![]),
            ("The vote on Friday drew 2025 voters.", vec![]),
            ("He spoke at 5 on Monday.", vec![]),
            ("An early version shipped in May.", vec![]),
        ];
        for (text, want) in cases {
            assert_eq!(parts(text), want, "{text}");
        }
    }

    #[test]
    fn intervals_cross_midnight() {
        use super::{PartOfDay, interval};
        let sun = NaiveDate::from_ymd_opt(2023, 9, 10).unwrap();
        let mon = NaiveDate::from_ymd_opt(2023, 9, 11).unwrap();
        let (_, night_end) = interval(sun, Some(PartOfDay::Night), None);
        let (early_start, _) = interval(mon, Some(PartOfDay::Early), None);
        assert!(early_start < night_end, "Sunday night reaches early Monday");
        let (_, morning_end) = interval(sun, Some(PartOfDay::Morning), None);
        assert!(morning_end < early_start, "Sunday morning does not");
    }
}

//! Date recognizer: absolute dates ("September 3, 2025", "3 Sept. 2025",
//! "2025-09-03", "9/3/2025"), partial dates ("Sep 3", "the 27th"), months
//! and years ("June 2016", "in 2023", "since 2019"), decades and centuries
//! ("the 1990s", "the 21st century"), weekdays ("on Wednesday"), quarters,
//! day ranges ("September 3-5"), periods ("early next year", "the past
//! two weeks"),
//! and relative expressions ("yesterday", "last year", "two weeks ago", "the
//! previous day").
//!
//! The grammar is split into parts that combine, one file each: `day`,
//! `month`, `year`, `weekday`, `numeric` (digit dates), `time` and
//! `day_part` (times and parts of day, attached to a day as fields),
//! `relative` (offsets from the reference date), `part` ("early", "the end
//! of"), `position` ("the first Friday of"), `stretch` ("the past two
//! weeks") and `interval` (connectives joining two dates). `calendar` holds
//! the arithmetic they share and `tense` the choice among readings.
//!
//! What each expression *states* is kept apart from what it *resolves to*:
//! `stated` holds only fields written in the text, `period` is filled in
//! from the reference date when the text alone does not fix it.
//!
//! Resolution rules (all documented choices, not Recognizers-Text's):
//! - A date without a year ("Sep 3") takes the year that puts it closest to
//!   the reference date — in practice within six months of it. When the
//!   sentence is in the past tense the latest such date on or before the
//!   reference is taken; in the future tense ("will", "'ll") the earliest on
//!   or after it. News reports an event after it happens or announces it
//!   before; the tense says which.
//! - A bare weekday ("on Wednesday") follows the same tense rule; without a
//!   tense cue, the nearest such weekday (ties go to the past).
//! - A month named alone ("in February") is taken in the reference year.
//! - Numeric dates are month/day/year (US order) unless the first number
//!   cannot be a month ("21/04/2016"). Two-digit years below 50 are 20xx.
//! - "last/this/next week" are Monday–Sunday weeks; "last Sunday" is the
//!   Sunday of last week, "this Friday" the Friday of this week.
//! - "N units ago/earlier" counts back from the reference date to a day.
//! - A four-digit number is a year only after a date cue ("in", "since",
//!   "of", "by", "until", "from", a month name…): "2025 people" is a count.
//! - Ranges of dates ("from 2014 to 2018") are inclusive of their end;
//!   Recognizers-Text reads them as ending at the start of the second date.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::duration::{DAY, DurSpan, MONTH, WEEK, YEAR};
use super::number::NumSpan;
use super::range::words_at;
use super::token::{Tok, TokKind};
use super::words::{NumWord, month, num_word, ordinal_word, weekday};
use super::{DateMention, Granularity, NumberKind, Period, StatedDate};
mod calendar;
mod day;
pub mod day_part;
mod interval;
mod month;
mod numeric;
mod part;
mod position;
mod relative;
mod stretch;
mod tense;
pub mod time;
mod weekday;
mod year;
use calendar::*;
use day::*;
use interval::*;
use month::*;
use numeric::*;
use part::*;
use position::*;
use relative::*;
use stretch::*;
use tense::*;
use weekday::*;
use year::*;

#[derive(Debug, Clone)]
pub(crate) struct DateSpan {
    pub t0: usize,
    pub t1: usize,
    pub start: usize,
    pub end: usize,
    pub mention: DateMention,
}

struct Ctx<'a> {
    toks: &'a [Tok],
    /// Number spans by first token.
    num_at: Vec<Option<&'a NumSpan>>,
    /// Durations by first token.
    dur_at: Vec<Option<&'a DurSpan>>,
    reference: Option<NaiveDate>,
    /// Tense cue nearest to each token.
    tense: Vec<Tense>,
}

fn mention(stated: StatedDate, relative: bool, period: Option<Period>) -> DateMention {
    DateMention {
        stated,
        relative,
        since: false,
        period,
        part: None,
        time: None,
    }
}

fn span(t0: usize, t1: usize, m: DateMention) -> DateSpan {
    DateSpan {
        t0,
        t1,
        start: 0,
        end: 0,
        mention: m,
    }
}

pub(crate) fn find_dates(
    toks: &[Tok],
    nums: &[NumSpan],
    durs: &[DurSpan],
    reference: Option<NaiveDate>,
) -> Vec<DateSpan> {
    let mut num_at = vec![None; toks.len() + 1];
    for n in nums {
        if n.t0 < num_at.len() && num_at[n.t0].is_none() {
            num_at[n.t0] = Some(n);
        }
    }
    let mut dur_at = vec![None; toks.len() + 1];
    for d in durs {
        if d.t0 < dur_at.len() && !d.value.approximate {
            dur_at[d.t0] = Some(d);
        }
    }
    let cx = Ctx {
        toks,
        num_at,
        dur_at,
        reference,
        tense: tenses(toks),
    };
    let mut out: Vec<DateSpan> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let found = day_range(&cx, i)
            .or_else(|| part_of_period(&cx, i))
            .or_else(|| position(&cx, i))
            .or_else(|| day_of_relative_month(&cx, i))
            .or_else(|| year_then_part(&cx, i))
            .or_else(|| week_of(&cx, i))
            .or_else(|| stretch_from(&cx, i))
            .or_else(|| week_number(&cx, i))
            .or_else(|| after_next(&cx, i))
            .or_else(|| stretch(&cx, i))
            .or_else(|| absolute(&cx, i))
            .or_else(|| numeric(&cx, i))
            .or_else(|| relative(&cx, i))
            .or_else(|| decade(&cx, i))
            .or_else(|| year_with_cue(&cx, i))
            .or_else(|| bare_weekday(&cx, i))
            .or_else(|| bare_day(&cx, i));
        match found {
            Some(mut d) if d.t1 > i => {
                d.start = toks[d.t0].start;
                d.end = toks[d.t1 - 1].end;
                i = d.t1;
                out.push(d);
            }
            _ => i += 1,
        }
    }
    day_part::attach(toks, reference, &mut out);
    for d in &mut out {
        d.start = toks[d.t0].start;
        d.end = toks[d.t1 - 1].end;
    }
    ranges(toks, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Weekday};

    use crate::recognize::{DateMention, MentionValue, Recognizer};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn dates(text: &str, reference: Option<&str>) -> Vec<(String, DateMention)> {
        Recognizer::new()
            .scan(text, reference.map(d))
            .into_iter()
            .filter_map(|m| match m.value {
                MentionValue::Date(x) => Some((text[m.start..m.end].to_string(), x)),
                _ => None,
            })
            .collect()
    }

    /// (text, reference, span, start, end)
    #[test]
    fn resolved() {
        let cases: &[(&str, Option<&str>, &str, &str, &str)] = &[
            (
                "on September 3",
                Some("2025-09-05"),
                "September 3",
                "2025-09-03",
                "2025-09-03",
            ),
            (
                "Sep 3",
                Some("2025-08-01"),
                "Sep 3",
                "2025-09-03",
                "2025-09-03",
            ),
            (
                "Sept. 3",
                Some("2025-08-01"),
                "Sept. 3",
                "2025-09-03",
                "2025-09-03",
            ),
            (
                "September 3rd",
                Some("2025-08-01"),
                "September 3rd",
                "2025-09-03",
                "2025-09-03",
            ),
            (
                "3 September 2025",
                None,
                "3 September 2025",
                "2025-09-03",
                "2025-09-03",
            ),
            (
                "September 3, 2025",
                None,
                "September 3, 2025",
                "2025-09-03",
                "2025-09-03",
            ),
            ("9/3/2025", None, "9/3/2025", "2025-09-03", "2025-09-03"),
            ("2025-09-03", None, "2025-09-03", "2025-09-03", "2025-09-03"),
            ("in 2023", None, "2023", "2023-01-01", "2023-12-31"),
            ("the 1990s", None, "the 1990s", "1990-01-01", "1999-12-31"),
            (
                "He left last year",
                Some("2025-09-03"),
                "last year",
                "2024-01-01",
                "2024-12-31",
            ),
            (
                "next month",
                Some("2025-09-03"),
                "next month",
                "2025-10-01",
                "2025-10-31",
            ),
            (
                "this week",
                Some("2025-09-03"),
                "this week",
                "2025-09-01",
                "2025-09-07",
            ),
            (
                "the previous day",
                Some("2025-09-03"),
                "the previous day",
                "2025-09-02",
                "2025-09-02",
            ),
            (
                "yesterday",
                Some("2025-09-03"),
                "yesterday",
                "2025-09-02",
                "2025-09-02",
            ),
            (
                "two weeks ago",
                Some("2025-09-03"),
                "two weeks ago",
                "2025-08-20",
                "2025-08-20",
            ),
            (
                "three years earlier",
                Some("2025-09-03"),
                "three years earlier",
                "2022-09-03",
                "2022-09-03",
            ),
            (
                "eight decades ago",
                Some("2025-09-03"),
                "eight decades ago",
                "1945-09-03",
                "1945-09-03",
            ),
            (
                "between 2019 and 2021",
                None,
                "between 2019 and 2021",
                "2019-01-01",
                "2021-12-31",
            ),
            (
                "in 2014-2018",
                None,
                "2014-2018",
                "2014-01-01",
                "2018-12-31",
            ),
            (
                "in early 2019",
                None,
                "early 2019",
                "2019-01-01",
                "2019-06-30",
            ),
            (
                "the first half of 2025",
                None,
                "the first half of 2025",
                "2025-01-01",
                "2025-06-30",
            ),
            (
                "in the past two weeks",
                Some("2025-09-03"),
                "the past two weeks",
                "2025-08-20",
                "2025-09-02",
            ),
            (
                "the first Friday of next month",
                Some("2025-09-03"),
                "the first Friday of next month",
                "2025-10-03",
                "2025-10-03",
            ),
            // Past tense: the Wednesday on or before the reference (a Friday).
            (
                "The parade was held on Wednesday",
                Some("2025-09-05"),
                "Wednesday",
                "2025-09-03",
                "2025-09-03",
            ),
            // Future tense: on or after.
            (
                "Leaders will meet on Wednesday",
                Some("2025-09-01"),
                "Wednesday",
                "2025-09-03",
                "2025-09-03",
            ),
        ];
        for (text, r, want_span, s, e) in cases {
            let got = dates(text, *r);
            let hit = got.iter().find(|(sp, _)| sp == want_span);
            let Some((_, m)) = hit else {
                panic!("{text}: no {want_span:?} in {got:?}")
            };
            let p = m.period.unwrap_or_else(|| panic!("{text}: unresolved"));
            assert_eq!((p.start, p.end), (d(s), d(e)), "{text}");
        }
    }

    #[test]
    fn stated_fields() {
        let got = dates("Wednesday, September 3, 2025", None);
        let (_, m) = &got[0];
        assert_eq!(m.stated.weekday, Some(Weekday::Wed));
        assert_eq!(
            (m.stated.year, m.stated.month, m.stated.day),
            (Some(2025), Some(9), Some(3))
        );
        let got = dates("Sep 3", None);
        assert_eq!(
            (
                got[0].1.stated.year,
                got[0].1.stated.month,
                got[0].1.stated.day
            ),
            (None, Some(9), Some(3))
        );
        assert_eq!(got[0].1.period, None);
        let got = dates("since 2019", None);
        assert!(got[0].1.since);
        let got = dates("last year", None);
        assert!(got[0].1.relative && got[0].1.period.is_none());
    }

    #[test]
    fn yields_nothing() {
        for text in [
            "2025 troops",
            "",
            "10,000 troops",
            "it may rain",
            "1.2.3",
            "3 hours",
            // Regression: compounds are not days of the month.
            "at the start of the two-day summit",
            "the three-hour ceremony",
        ] {
            assert!(
                dates(text, Some("2025-09-03")).is_empty(),
                "{text}: {:?}",
                dates(text, Some("2025-09-03"))
            );
        }
    }
}

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
//! - A span between two dates ("from 2014 to 2018", "November 19-20")
//!   states its second end but not whether that end is included: "from 4
//!   to 22 January" is read both ways in news. The period holds what is
//!   surely meant, up to the day before the second end begins (as
//!   Recognizers-Text and ISO 8601 intervals read it); the second end is
//!   kept as `until`, and [`DateMention::through`] gives the inclusive
//!   reading that facts compare on.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::duration::{DAY, DurSpan, MONTH, WEEK, YEAR};
use super::number::NumSpan;
use super::token::{Tok, TokKind, words_at};
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
    toks: &'a [Tok<'a>],
    /// Number spans by first token.
    num_at: Vec<Option<&'a NumSpan>>,
    /// Durations by first token.
    dur_at: Vec<Option<&'a DurSpan>>,
    reference: Option<NaiveDate>,
    /// Tense cue nearest to each token, found on first use: only a date
    /// with readings to choose among asks, and most sentences scanned
    /// have none.
    tense: std::cell::OnceCell<Vec<Tense>>,
}

impl<'a> Ctx<'a> {
    fn new(
        toks: &'a [Tok<'a>],
        nums: &'a [NumSpan],
        durs: &'a [DurSpan],
        reference: Option<NaiveDate>,
    ) -> Self {
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
        Ctx {
            toks,
            num_at,
            dur_at,
            reference,
            tense: std::cell::OnceCell::new(),
        }
    }
}

impl Ctx<'_> {
    /// Whether the token at `i` is an anchor or opens a number. Most
    /// parts can open only at one (or one word before), and the scan asks
    /// every part at every token near a date: this spares their reading.
    fn anchored_at(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::anchors)
            || self.num_at.get(i).is_some_and(Option::is_some)
    }
}

fn mention(stated: StatedDate, relative: bool, period: Option<Period>) -> DateMention {
    DateMention {
        stated,
        relative,
        since: false,
        period,
        part: None,
        time: None,
        until: None,
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

/// How many tokens may lead a date before its first anchor (a digit, a
/// number, month, weekday or time word): "at the end of the week", "in
/// the early hours of Sunday". No recognizer is tried further than this
/// before an anchor, which keeps prose between dates cheap.
const LEAD: usize = 8;

pub(crate) fn find_dates(
    toks: &[Tok],
    nums: &[NumSpan],
    durs: &[DurSpan],
    reference: Option<NaiveDate>,
) -> Vec<DateSpan> {
    find_dates_led(toks, nums, durs, reference, LEAD)
}

/// [`find_dates`], trying the recognizers only at tokens at most `lead`
/// tokens before an anchor (`usize::MAX`: at every token).
fn find_dates_led(
    toks: &[Tok],
    nums: &[NumSpan],
    durs: &[DurSpan],
    reference: Option<NaiveDate>,
    lead: usize,
) -> Vec<DateSpan> {
    // The first anchor at or after each token.
    let mut next_anchor = vec![usize::MAX; toks.len() + 1];
    for i in (0..toks.len()).rev() {
        next_anchor[i] = if toks[i].anchors() {
            i
        } else {
            next_anchor[i + 1]
        };
    }
    let cx = Ctx::new(toks, nums, durs, reference);
    let mut out: Vec<DateSpan> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if lead != usize::MAX {
            match next_anchor[i] {
                usize::MAX => break,
                a if a - i > lead => {
                    i = a - lead;
                    continue;
                }
                _ => {}
            }
        }
        let found = day_range(&cx, i)
            .or_else(|| weekdays_in_week(&cx, i))
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

/// The helpers every part's table tests share.
#[cfg(test)]
mod table {
    use chrono::NaiveDate;

    use crate::recognize::{DateMention, MentionValue, Recognizer};

    /// The tables' reference day: Wednesday 11 March 2026.
    pub(super) const REFERENCE: &str = "2026-03-11";

    pub(super) fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    /// Every date found in `text`, with its span's text.
    pub(super) fn dates(text: &str, reference: Option<&str>) -> Vec<(String, DateMention)> {
        Recognizer::new()
            .scan(text, reference.map(day))
            .into_iter()
            .filter_map(|m| match m.value {
                MentionValue::Date(x) => Some((text[m.start..m.end].to_string(), x)),
                _ => None,
            })
            .collect()
    }

    /// The date with exactly the span `want`, read against [`REFERENCE`].
    pub(super) fn found(text: &str, want: &str) -> DateMention {
        let got = dates(text, Some(REFERENCE));
        match got.into_iter().find(|(span, _)| span == want) {
            Some((_, m)) => m,
            None => panic!(
                "{text}: no date {want:?} in {:?}",
                dates(text, Some(REFERENCE))
            ),
        }
    }

    /// Rows of (text, span, first day, last day): the date with that span
    /// resolves to that period.
    pub(super) fn resolves(rows: &[(&str, &str, &str, &str)]) {
        for (text, want, start, end) in rows {
            let m = found(text, want);
            let p = m
                .period
                .unwrap_or_else(|| panic!("{text}: {want:?} unresolved"));
            assert_eq!((p.start, p.end), (day(start), day(end)), "{text}");
        }
    }

    /// Rows of (text, span, first day, last day, last day read
    /// inclusively): a span's firm period and its [`DateMention::through`].
    pub(super) fn spans(rows: &[(&str, &str, &str, &str, &str)]) {
        for (text, want, start, end, through) in rows {
            let m = found(text, want);
            let p = m
                .period
                .unwrap_or_else(|| panic!("{text}: {want:?} unresolved"));
            assert_eq!((p.start, p.end), (day(start), day(end)), "{text}");
            let t = m.through().map(|t| t.end);
            assert_eq!(t, Some(day(through)), "{text}: inclusive end");
        }
    }

    /// Calls `f` with each real line and its context, read against
    /// [`REFERENCE`]: shortcuts are checked against the full reading at
    /// every token of these.
    pub(super) fn each_context(mut f: impl FnMut(&str, &super::Ctx)) {
        use crate::recognize::token::Tokenizer;
        use crate::recognize::{duration, number};
        let tokenizer = Tokenizer::new();
        for text in crate::recognize::tests::corpus_lines() {
            let toks = tokenizer.tokenize(&text);
            let nums = number::find_numbers(&toks);
            let durs = duration::find_durations(&toks, &nums);
            let cx = super::Ctx::new(&toks, &nums, &durs, Some(day(REFERENCE)));
            f(&text, &cx);
        }
    }

    /// Texts in which no date may be found.
    pub(super) fn nothing(texts: &[&str]) {
        for text in texts {
            let got = dates(text, Some(REFERENCE));
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    use super::table::{dates, nothing};

    /// Trying the recognizers only near anchors finds every date that
    /// trying them at every token finds, over the real and example text.
    #[test]
    fn dates_start_at_most_lead_tokens_before_an_anchor() {
        use crate::recognize::token::Tokenizer;
        use crate::recognize::{duration, number};
        let tokenizer = Tokenizer::new();
        let reference = chrono::NaiveDate::from_ymd_opt(2026, 3, 11);
        let show = |spans: Vec<super::DateSpan>| -> Vec<String> {
            spans
                .iter()
                .map(|d| format!("{}..{} {:?}", d.start, d.end, d.mention))
                .collect()
        };
        let mut differ = Vec::new();
        for text in crate::recognize::tests::corpus_lines() {
            let toks = tokenizer.tokenize(&text);
            let nums = number::find_numbers(&toks);
            let durs = duration::find_durations(&toks, &nums);
            let led = super::find_dates_led(&toks, &nums, &durs, reference, super::LEAD);
            let all = super::find_dates_led(&toks, &nums, &durs, reference, usize::MAX);
            if show(led) != show(all) {
                differ.push(text);
            }
        }
        assert!(differ.is_empty(), "dates lost: {differ:#?}");
    }

    /// The parts that check their first token find nothing where the
    /// check fails, at any token of any real line.
    #[test]
    fn first_token_checks_skip_only_where_nothing_opens() {
        type Part = fn(&super::Ctx, usize) -> Option<super::DateSpan>;
        let parts: [(&str, Part, Part); 3] = [
            ("absolute", super::absolute, super::absolute_read),
            ("day_range", super::day_range, super::day_range_read),
            (
                "year_with_cue",
                super::year_with_cue,
                super::year_with_cue_read,
            ),
        ];
        let (mut skipped, mut lost) = (0, Vec::new());
        super::table::each_context(|text, cx| {
            for i in 0..cx.toks.len() {
                for (name, checked, read) in parts {
                    if checked(cx, i).is_none() {
                        skipped += 1;
                        if let Some(d) = read(cx, i) {
                            lost.push(format!("{name} {text:?} at {i}: {d:?}"));
                        }
                    }
                }
            }
        });
        assert!(lost.is_empty(), "{lost:#?}");
        assert!(skipped > 0);
    }

    #[test]
    fn stated_fields_are_kept_apart_from_resolution() {
        let got = dates("Tuesday, March 10, 2026", None);
        let (_, m) = &got[0];
        assert_eq!(m.stated.weekday, Some(Weekday::Tue));
        assert_eq!(
            (m.stated.year, m.stated.month, m.stated.day),
            (Some(2026), Some(3), Some(10))
        );
        // Without a reference day, a date without a year stays unresolved.
        let got = dates("Mar 10", None);
        assert_eq!(
            (
                got[0].1.stated.year,
                got[0].1.stated.month,
                got[0].1.stated.day
            ),
            (None, Some(3), Some(10))
        );
        assert_eq!(got[0].1.period, None);
        let got = dates("last year", None);
        assert!(got[0].1.relative && got[0].1.period.is_none());
    }

    #[test]
    fn plain_text_yields_nothing() {
        nothing(&[
            "",
            "2025 volunteers",
            "12,000 residents",
            "it may rain",
            "1.2.3",
            "3 hours",
            "at the start of the two-day meeting",
            "the four-hour hearing",
        ]);
    }
}

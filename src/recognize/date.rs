//! Date recognizer: absolute dates ("September 3, 2025", "3 Sept. 2025",
//! "2025-09-03", "9/3/2025"), partial dates ("Sep 3", "the 27th"), months
//! and years ("June 2016", "in 2023", "since 2019"), decades and centuries
//! ("the 1990s", "the 21st century"), weekdays ("on Wednesday"), quarters,
//! day ranges ("September 3-5"), periods ("early next year", "the past
//! two weeks"),
//! and relative expressions ("yesterday", "last year", "two weeks ago", "the
//! previous day").
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

#[derive(Debug, Clone)]
pub(crate) struct DateSpan {
    pub t0: usize,
    pub t1: usize,
    pub start: usize,
    pub end: usize,
    pub mention: DateMention,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
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

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn day_period(d: NaiveDate) -> Period {
    Period {
        start: d,
        end: d,
        granularity: Granularity::Day,
    }
}

fn month_period(y: i32, m: u32) -> Option<Period> {
    let start = ymd(y, m, 1)?;
    let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
    Some(Period {
        start,
        end,
        granularity: Granularity::Month,
    })
}

fn year_period(y: i32) -> Option<Period> {
    Some(Period {
        start: ymd(y, 1, 1)?,
        end: ymd(y, 12, 31)?,
        granularity: Granularity::Year,
    })
}

fn years_period(y0: i32, y1: i32, g: Granularity) -> Option<Period> {
    Some(Period {
        start: ymd(y0, 1, 1)?,
        end: ymd(y1, 12, 31)?,
        granularity: g,
    })
}

fn week_period(d: NaiveDate) -> Option<Period> {
    let start = d.checked_sub_days(Days::new(d.weekday().num_days_from_monday() as u64))?;
    Some(Period {
        start,
        end: start.checked_add_days(Days::new(6))?,
        granularity: Granularity::Week,
    })
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn shift_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// Days within which a candidate is "this news cycle" (see [`pick`]).
const NEAR_DAYS: i64 = 30;

/// Pick among candidate dates by tense (see the module doc). A candidate
/// within a month of the reference wins over one most of a year away
/// whatever the tense: "the September 3 parade" in a story dated September
/// 1 is two days ahead, even when a stray past-tense verb stands nearby.
fn pick(cands: &[NaiveDate], reference: NaiveDate, tense: Tense) -> Option<NaiveDate> {
    let past = cands.iter().filter(|d| **d <= reference).max().copied();
    let future = cands.iter().filter(|d| **d >= reference).min().copied();
    if let (Some(p), Some(f)) = (past, future) {
        let (dp, df) = ((reference - p).num_days(), (f - reference).num_days());
        if df <= NEAR_DAYS && dp > 2 * NEAR_DAYS {
            return Some(f);
        }
        if dp <= NEAR_DAYS && df > 2 * NEAR_DAYS {
            return Some(p);
        }
    }
    match tense {
        Tense::Past => past.or(future),
        Tense::Future => future.or(past),
        Tense::Unknown => match (past, future) {
            (Some(p), Some(f)) => Some(if (reference - p) <= (f - reference) {
                p
            } else {
                f
            }),
            (p, f) => p.or(f),
        },
    }
}

fn two_digit_year(v: i32) -> i32 {
    if v < 50 { 2000 + v } else { 1900 + v }
}

fn tense_cue(t: &Tok) -> Option<Tense> {
    if t.kind != TokKind::Word {
        return None;
    }
    let w = t.lower.as_str();
    match w {
        "will" | "shall" | "tomorrow" | "upcoming" | "won't" | "going" | "plans" | "plan" => {
            Some(Tense::Future)
        }
        "was" | "were" | "had" | "did" | "went" | "ago" | "yesterday" | "said" | "held"
        | "took" | "came" | "met" | "wasn't" | "weren't" | "didn't" | "left" | "saw" | "told"
        | "began" | "made" | "broke" | "burst" | "fell" | "rose" | "won" | "lost" | "gave"
        | "struck" | "swept" | "spoke" | "stood" | "sent" | "brought" | "fought" | "led"
        | "kept" | "ran" | "sank" | "shook" | "flew" | "drew" | "grew" | "threw" | "wrote"
        | "became" | "got" | "sat" | "chose" | "knew" | "paid" => Some(Tense::Past),
        _ if w.ends_with("'ll") => Some(Tense::Future),
        _ if w.ends_with("'d") => Some(Tense::Past),
        _ if w.len() >= 4
            && w.ends_with("ed")
            && !matches!(
                w,
                "scheduled"
                    | "expected"
                    | "planned"
                    | "need"
                    | "indeed"
                    | "hundred"
                    | "red"
                    | "speed"
                    | "seed"
                    | "feed"
                    | "reed"
                    | "shed"
                    | "sled"
            ) =>
        {
            Some(Tense::Past)
        }
        _ => None,
    }
}

/// The tense cue nearest to each token (linear: two sweeps).
fn tenses(toks: &[Tok]) -> Vec<Tense> {
    let n = toks.len();
    let mut left: Vec<Option<(usize, Tense)>> = vec![None; n];
    let mut last = None;
    for (i, t) in toks.iter().enumerate() {
        if let Some(c) = tense_cue(t) {
            last = Some((i, c));
        }
        left[i] = last;
    }
    let mut out = vec![Tense::Unknown; n];
    let mut next: Option<(usize, Tense)> = None;
    for i in (0..n).rev() {
        if let Some(c) = tense_cue(&toks[i]) {
            next = Some((i, c));
        }
        out[i] = match (left[i], next) {
            (Some((a, ta)), Some((b, tb))) => {
                if i - a <= b - i {
                    ta
                } else {
                    tb
                }
            }
            (Some((_, t)), None) | (None, Some((_, t))) => t,
            (None, None) => Tense::Unknown,
        };
    }
    out
}

/// A month name at `i` (with its abbreviation dot), or None. "May" and
/// "March" need a capital or a following number to be months.
fn month_at(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let m = month(&t.lower)?;
    let ambiguous = matches!(
        t.lower.as_str(),
        "may" | "march" | "mar" | "jan" | "sep" | "dec" | "jun" | "aug"
    );
    if ambiguous && !t.capital {
        let next_num = toks.get(i + 1).is_some_and(|n| {
            n.kind == TokKind::Num
                || num_word(&n.lower).is_some()
                || ordinal_word(&n.lower).is_some()
        });
        // Text written all in lower case nearby ("i'll go back sept 3"): a
        // bounded window keeps this linear.
        let lo = i.saturating_sub(8);
        let sentence_lower = !toks[lo..toks.len().min(i + 8)].iter().any(|x| x.capital);
        if !(next_num || sentence_lower && t.lower != "may" && t.lower != "march") {
            return None;
        }
    }
    let mut e = i + 1;
    let dot = toks.get(e).is_some_and(|d| d.is_punct(".") && d.glued_left);
    let num_after = toks.get(e + 1).is_some_and(|n| n.kind == TokKind::Num);
    if dot && (t.lower.len() <= 4 || num_after) {
        e += 1;
    }
    Some((m, e))
}

impl<'a> Ctx<'a> {
    /// A day of month at `j`: "3", "3rd", "twenty-first", "first".
    /// A year at `k`, after an optional comma: the tail of "Sept. 3, 2025".
    fn year_after_comma(&self, k: usize) -> Option<(i32, usize)> {
        let k = if self.toks.get(k).is_some_and(|c| c.is_punct(",")) {
            k + 1
        } else {
            k
        };
        self.year_at(k, false)
    }

    /// A month-and-day date spanning tokens `i..e`, with the year that may
    /// follow it; without one, the year is resolved against the reference.
    fn month_and_day(&self, i: usize, e: usize, m: u32, d: u32) -> DateSpan {
        if let Some((y, e2)) = self.year_after_comma(e) {
            let stated = StatedDate {
                year: Some(y),
                month: Some(m),
                day: Some(d),
                weekday: None,
            };
            return span(i, e2, mention(stated, false, ymd(y, m, d).map(day_period)));
        }
        let stated = StatedDate {
            month: Some(m),
            day: Some(d),
            ..Default::default()
        };
        span(i, e, mention(stated, false, self.resolve_md(m, d, i)))
    }

    fn day_at(&self, j: usize) -> Option<(u32, usize)> {
        let n = self.num_at.get(j).copied().flatten()?;
        if n.value.fract() != 0.0
            || !(1.0..=31.0).contains(&n.value)
            || !matches!(n.kind, NumberKind::Integer | NumberKind::Ordinal)
        {
            return None;
        }
        let t = &self.toks[j];
        if t.kind == TokKind::Num && !t.plain_digits {
            return None;
        }
        // A digit day glued to a unit ("3h") is not a day.
        if !n.emit
            && n.kind != NumberKind::Ordinal
            && !(t.glued_left && j > 0 && self.toks[j - 1].kind == TokKind::Word)
        {
            return None;
        }
        Some((n.value as u32, n.t1))
    }

    /// A year at `j`: "2025", "nineteen seventy eight", "two thousand and
    /// eighteen". `two_digit` allows "'99" style after a month.
    fn year_at(&self, j: usize, two_digit: bool) -> Option<(i32, usize)> {
        let t = self.toks.get(j)?;
        if t.kind == TokKind::Num {
            if !t.plain_digits
                || self
                    .toks
                    .get(j + 1)
                    .is_some_and(|n| n.glued_left && n.kind == TokKind::Word)
            {
                return None;
            }
            let v = t.value as i32;
            if t.lower.len() == 4 && (1000..=2999).contains(&v) {
                return Some((v, j + 1));
            }
            if two_digit && t.lower.len() == 2 {
                return Some((two_digit_year(v), j + 1));
            }
            return None;
        }
        // "nineteen seventy eight", "nineteen zero one", "twenty twenty"
        if let Some(NumWord::Teen(hi) | NumWord::Tens(hi)) = num_word(&t.lower) {
            let mut k = j + 1;
            let lo = match self.toks.get(k).map(|x| num_word(&x.lower)) {
                Some(Some(NumWord::Tens(v))) => {
                    k += 1;
                    if self.toks.get(k).is_some_and(|d| d.is_dash()) {
                        k += 1;
                    }
                    match self.toks.get(k).map(|x| num_word(&x.lower)) {
                        Some(Some(NumWord::Unit(u))) => {
                            k += 1;
                            v + u
                        }
                        _ => {
                            if self.toks.get(k - 1).is_some_and(|d| d.is_dash()) {
                                k -= 1;
                            }
                            v
                        }
                    }
                }
                Some(Some(NumWord::Teen(v))) => {
                    k += 1;
                    v
                }
                Some(Some(NumWord::Zero)) | Some(None)
                    if self.toks.get(k).is_some_and(|x| {
                        x.is_word("zero") || x.is_word("oh") || x.is_word("o")
                    }) =>
                {
                    match self.toks.get(k + 1).map(|x| num_word(&x.lower)) {
                        Some(Some(NumWord::Unit(u))) => {
                            k += 2;
                            u
                        }
                        _ => return None,
                    }
                }
                Some(Some(NumWord::Hundred)) => {
                    k += 1;
                    0.0
                }
                _ => return None,
            };
            let y = (hi * 100.0 + lo) as i32;
            if (1000..=2999).contains(&y) {
                return Some((y, k));
            }
        }
        let n = self.num_at.get(j).copied().flatten()?;
        if n.words && n.kind == NumberKind::Integer && (1000.0..=2999.0).contains(&n.value) {
            return Some((n.value as i32, n.t1));
        }
        None
    }

    fn tense_at(&self, i: usize) -> Tense {
        self.tense.get(i).copied().unwrap_or(Tense::Unknown)
    }

    fn resolve_md(&self, m: u32, d: u32, i: usize) -> Option<Period> {
        let r = self.reference?;
        let cands: Vec<NaiveDate> = (r.year() - 4..=r.year() + 4)
            .filter_map(|y| ymd(y, m, d))
            .collect();
        let near: Vec<NaiveDate> = cands
            .iter()
            .copied()
            .filter(|c| (c.year() - r.year()).abs() <= 1)
            .collect();
        let pool = if near.is_empty() { cands } else { near };
        pick(&pool, r, self.tense_at(i)).map(day_period)
    }

    fn resolve_day(&self, d: u32, i: usize) -> Option<Period> {
        let r = self.reference?;
        let first = ymd(r.year(), r.month(), 1)?;
        let cands: Vec<NaiveDate> = (-1..=1)
            .filter_map(|k| shift_months(first, k))
            .filter_map(|f| ymd(f.year(), f.month(), d))
            .collect();
        pick(&cands, r, self.tense_at(i)).map(day_period)
    }

    fn resolve_weekday(&self, wd: Weekday, i: usize) -> Option<Period> {
        let r = self.reference?;
        let cands: Vec<NaiveDate> = (-7..=7)
            .filter_map(|k| shift_days(r, k))
            .filter(|d| d.weekday() == wd)
            .collect();
        pick(&cands, r, self.tense_at(i)).map(day_period)
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
    }
}

fn weekday_at(toks: &[Tok], i: usize) -> Option<Weekday> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    // "Sunday's earthquake": the possessive names the day too.
    let word = t
        .lower
        .strip_suffix("'s")
        .or_else(|| t.lower.strip_suffix("’s"))
        .unwrap_or(&t.lower);
    let (wd, short) = weekday(word)?;
    if short
        && !t.capital
        && !toks
            .get(i + 1)
            .is_some_and(|n| n.is_punct(",") || n.is_punct("."))
    {
        return None;
    }
    Some(wd)
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
            .or_else(|| composite(&cx, i))
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
    super::day_part::attach(toks, reference, &mut out);
    for d in &mut out {
        d.start = toks[d.t0].start;
        d.end = toks[d.t1 - 1].end;
    }
    ranges(toks, &mut out);
    out
}

/// "between 2019 and 2021", "from May 2015 to June 2018": one more mention
/// spanning both ends, inclusive of the second (see the module doc). The
/// two ends stay reported on their own.
fn ranges(toks: &[Tok], out: &mut Vec<DateSpan>) {
    let mut extra = Vec::new();
    for w in out.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let Some(sep) = toks.get(a.t1).filter(|_| b.t0 == a.t1 + 1) else {
            continue;
        };
        let opener =
            a.t0.checked_sub(1)
                .and_then(|k| toks.get(k))
                .map(|t| t.lower.as_str());
        let ok = matches!(
            (opener, sep.lower.as_str()),
            (Some("between"), "and")
                | (
                    Some("from"),
                    "to" | "until" | "till" | "through" | "-" | "–"
                )
                | (_, "through" | "until" | "till" | "–")
        );
        let (Some(pa), Some(pb)) = (a.mention.period, b.mention.period) else {
            continue;
        };
        if !ok || pb.end < pa.start {
            continue;
        }
        let coarse = |g: Granularity| match g {
            Granularity::Day => 0,
            Granularity::Week => 1,
            Granularity::Month => 2,
            Granularity::Year => 3,
            Granularity::Decade => 4,
            Granularity::Century => 5,
        };
        let granularity = if coarse(pa.granularity) >= coarse(pb.granularity) {
            pa.granularity
        } else {
            pb.granularity
        };
        let t0 = if matches!(opener, Some("between" | "from")) {
            a.t0 - 1
        } else {
            a.t0
        };
        let m = DateMention {
            stated: StatedDate::default(),
            relative: a.mention.relative || b.mention.relative,
            since: false,
            period: Some(Period {
                start: pa.start,
                end: pb.end,
                granularity,
            }),
            part: None,
            time: None,
        };
        extra.push(DateSpan {
            t0,
            t1: b.t1,
            start: toks[t0].start,
            end: b.end,
            mention: m,
        });
    }
    out.extend(extra);
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

/// Month-name dates, optionally with a weekday in front.
fn absolute(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    // Weekday prefix: "Wednesday, September 3", "Thursday the 21st".
    let (wd, j) = match weekday_at(toks, i) {
        Some(wd) => {
            let mut j = i + 1;
            if toks.get(j).is_some_and(|c| c.is_punct(",")) {
                j += 1;
            }
            (Some(wd), j)
        }
        None => (None, i),
    };
    if let Some(mut d) = month_day(cx, j) {
        if wd.is_some() {
            d.t0 = i;
            d.mention.stated.weekday = wd;
        }
        return Some(d);
    }
    // "Thursday the 21st"
    if let Some(wd) = wd {
        if toks.get(j).is_some_and(|t| t.is_word("the")) {
            if let Some((day, e)) = cx.day_at(j + 1) {
                let stated = StatedDate {
                    day: Some(day),
                    weekday: Some(wd),
                    ..Default::default()
                };
                return Some(span(i, e, mention(stated, true, cx.resolve_day(day, i))));
            }
        }
    }
    None
}

fn month_day(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    // Month first: "September 3", "Sept. 3rd, 2025", "Oct-2", "June 2016".
    if let Some((m, mut j)) = month_at(toks, i) {
        if toks
            .get(j)
            .is_some_and(|s| (s.is_dash() || s.is_punct("/")) && s.glued_left)
        {
            j += 1;
        }
        if toks.get(j).is_some_and(|s| s.is_word("the")) && cx.day_at(j + 1).is_some() {
            j += 1;
        }
        let day = cx.day_at(j).filter(|_| cx.year_at(j, false).is_none());
        if let Some((d, e)) = day {
            return Some(cx.month_and_day(i, e, m, d));
        }
        // Month and year: "June 2016", "November , 2016", "June of 1999", "August 99".
        let mut k = j;
        if toks
            .get(k)
            .is_some_and(|c| c.is_punct(",") || c.is_word("of"))
        {
            k += 1;
        }
        if let Some((y, e)) = cx.year_at(k, true) {
            let stated = StatedDate {
                year: Some(y),
                month: Some(m),
                ..Default::default()
            };
            return Some(span(i, e, mention(stated, false, month_period(y, m))));
        }
        // "June next year", "June last year"
        if let Some(rs) = relative(cx, j).filter(|rs| {
            rs.mention
                .period
                .is_some_and(|p| p.granularity == Granularity::Year)
        }) {
            let p = rs
                .mention
                .period
                .and_then(|p| month_period(p.start.year(), m));
            return Some(span(
                i,
                rs.t1,
                mention(
                    StatedDate {
                        month: Some(m),
                        ..Default::default()
                    },
                    true,
                    p,
                ),
            ));
        }
        // A month alone is taken in the reference year.
        let t = &toks[i];
        if t.lower.len() > 3 || t.capital {
            let stated = StatedDate {
                month: Some(m),
                ..Default::default()
            };
            let period = cx.reference.and_then(|r| month_period(r.year(), m));
            return Some(span(i, j.max(i + 1), mention(stated, false, period)));
        }
        return None;
    }
    // Day first: "3 September 2025", "1st Jan", "22 of Jan", "second of Aug", "16. Nov. 2016".
    let (d, mut j) = cx.day_at(i)?;
    if toks
        .get(j)
        .is_some_and(|c| c.is_word("of") || c.is_punct("."))
    {
        j += 1;
    }
    let (m, e) = month_at(toks, j)?;
    Some(cx.month_and_day(i, e, m, d))
}

/// Digit dates: "2025-09-03", "9/3/2025", "21/04/16", "13.5.2015", "2016-11", "11/2016", "4/22".
fn numeric(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let t = toks.get(i)?;
    if t.kind == TokKind::Dotted {
        let parts: Vec<&str> = t.lower.split('.').collect();
        if parts.len() != 3 {
            return None;
        }
        let v: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if v.len() != 3 {
            return None;
        }
        let (y, m, d) = if parts[0].len() == 4 {
            (v[0], v[1], v[2])
        } else if parts[2].len() == 4 || parts[2].len() == 2 {
            let y = if parts[2].len() == 2 {
                two_digit_year(v[2])
            } else {
                v[2]
            };
            (y, v[1], v[0])
        } else {
            return None;
        };
        let date = ymd(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)?;
        let stated = StatedDate {
            year: Some(y),
            month: Some(date.month()),
            day: Some(date.day()),
            weekday: None,
        };
        return Some(span(
            i,
            i + 1,
            mention(stated, false, Some(day_period(date))),
        ));
    }
    if t.kind != TokKind::Num || !t.plain_digits {
        return None;
    }
    if t.glued_left
        && i > 0
        && (toks[i - 1].kind != TokKind::Punct
            || toks[i - 1].is_punct("/")
            || toks[i - 1].is_dash())
    {
        return None;
    }
    let sep_at = |k: usize| toks.get(k).filter(|s| s.is_dash() || s.is_punct("/"));
    let num = |k: usize| {
        toks.get(k)
            .filter(|n| n.kind == TokKind::Num && n.plain_digits)
    };
    let a = t;
    // Allow spaces around the separator only for year-month forms.
    let s1 = sep_at(i + 1)?;
    // "2019-sep-1"
    if a.lower.len() == 4 {
        if let Some((m, e)) = month_at(toks, i + 2) {
            if sep_at(e).is_some() {
                if let Some(dt) = num(e + 1) {
                    let date = ymd(a.value as i32, m, dt.value as u32)?;
                    let stated = StatedDate {
                        year: Some(date.year()),
                        month: Some(m),
                        day: Some(date.day()),
                        weekday: None,
                    };
                    return Some(span(
                        i,
                        e + 2,
                        mention(stated, false, Some(day_period(date))),
                    ));
                }
            }
        }
    }
    let b = num(i + 2)?;
    let three = sep_at(i + 3)
        .filter(|s| s.lower == s1.lower && s.glued_left)
        .and_then(|_| num(i + 4).map(|c| (c, i + 5)));
    if let Some((c, e)) = three {
        if toks.get(e).is_some_and(|x| {
            x.glued_left && (x.is_dash() || x.is_punct("/") || x.kind == TokKind::Num)
        }) {
            return None;
        }
        let (av, bv, cv) = (a.value as i32, b.value as i32, c.value as i32);
        let (y, m, d) = if a.lower.len() == 4 {
            (av, bv, cv)
        } else if c.lower.len() == 4 || c.lower.len() == 2 {
            let y = if c.lower.len() == 2 {
                two_digit_year(cv)
            } else {
                cv
            };
            if av > 12 { (y, bv, av) } else { (y, av, bv) }
        } else {
            return None;
        };
        let date = ymd(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)?;
        let stated = StatedDate {
            year: Some(y),
            month: Some(date.month()),
            day: Some(date.day()),
            weekday: None,
        };
        return Some(span(i, e, mention(stated, false, Some(day_period(date)))));
    }
    if toks
        .get(i + 3)
        .is_some_and(|x| x.glued_left && (x.is_dash() || x.is_punct("/")))
    {
        return None;
    }
    let (av, bv) = (a.value as i32, b.value as i32);
    // Year ranges "2014-2018", "1939–45": with a dash, years 1800–2100.
    if s1.is_dash()
        && a.lower.len() == 4
        && (1800..=2100).contains(&av)
        && !toks.get(i + 3).is_some_and(|n| {
            n.kind == TokKind::Word && !n.capital && !n.is_word("and") && !n.is_word("to")
        })
    {
        let by = match b.lower.len() {
            4 => bv,
            2 => av - av.rem_euclid(100) + bv,
            _ => 0,
        };
        if by > av && by - av <= 100 {
            let stated = StatedDate::default();
            return Some(span(
                i,
                i + 3,
                mention(stated, false, years_period(av, by, Granularity::Year)),
            ));
        }
    }
    // Year and month: "2016-11", "11/2016".
    if a.lower.len() == 4
        && (1..=12).contains(&bv)
        && b.lower.len() <= 2
        && (1000..=2999).contains(&av)
    {
        let stated = StatedDate {
            year: Some(av),
            month: Some(bv as u32),
            ..Default::default()
        };
        return Some(span(
            i,
            i + 3,
            mention(stated, false, month_period(av, bv as u32)),
        ));
    }
    if b.lower.len() == 4 && (1..=12).contains(&av) && (1000..=2999).contains(&bv) {
        let stated = StatedDate {
            year: Some(bv),
            month: Some(av as u32),
            ..Default::default()
        };
        return Some(span(
            i,
            i + 3,
            mention(stated, false, month_period(bv, av as u32)),
        ));
    }
    // Month/day without a year: "4/22", "22/04" — only with a slash, glued,
    // and not a fraction of something ("3/4 of").
    if s1.is_punct("/") && s1.glued_left && b.glued_left && a.lower.len() <= 2 && b.lower.len() <= 2
    {
        if toks.get(i + 3).is_some_and(|x| {
            x.is_word("of")
                || x.is_punct(",") && toks.get(i + 4).is_some_and(|n| n.kind == TokKind::Num)
        }) {
            // "08/12,2015"
            if let Some(y) = toks
                .get(i + 4)
                .filter(|_| toks[i + 3].is_punct(","))
                .and_then(|n| {
                    let v = n.value as i32;
                    match n.lower.len() {
                        4 => Some(v),
                        2 => Some(two_digit_year(v)),
                        _ => None,
                    }
                })
            {
                let (m, d) = if av > 12 { (bv, av) } else { (av, bv) };
                let date = ymd(y, m as u32, d as u32)?;
                let stated = StatedDate {
                    year: Some(y),
                    month: Some(date.month()),
                    day: Some(date.day()),
                    weekday: None,
                };
                return Some(span(
                    i,
                    i + 5,
                    mention(stated, false, Some(day_period(date))),
                ));
            }
            return None;
        }
        let (m, d) = if av > 12 { (bv, av) } else { (av, bv) };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let stated = StatedDate {
            month: Some(m as u32),
            day: Some(d as u32),
            ..Default::default()
        };
        return Some(span(
            i,
            i + 3,
            mention(stated, false, cx.resolve_md(m as u32, d as u32, i)),
        ));
    }
    None
}

const CUES: &[&str] = &[
    "in",
    "since",
    "of",
    "by",
    "until",
    "till",
    "before",
    "after",
    "from",
    "during",
    "year",
    "between",
    "through",
    "to",
    "around",
    "circa",
    "early",
    "mid",
    "late",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "and",
    "as",
    "for",
    "throughout",
    "fiscal",
];

/// "in 2023", "since 2019", "year 247", "In nineteen twenty eight".
fn year_with_cue(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let prev = toks.get(i.checked_sub(1)?)?;
    if prev.kind != TokKind::Word || !CUES.contains(&prev.lower.as_str()) {
        return None;
    }
    let (y, e) = if prev.is_word("year") {
        let n = cx.num_at.get(i).copied().flatten()?;
        if n.value.fract() != 0.0
            || !(1.0..=9999.0).contains(&n.value)
            || n.kind != NumberKind::Integer
        {
            return None;
        }
        (n.value as i32, n.t1)
    } else {
        cx.year_at(i, false)?
    };
    // After a cue, "in 2025 people" still reads as a year: telling a count
    // from a year there needs to know the noun, which is the extractors'
    // business. Glued units ("2025km") are refused in `year_at`.
    let s = if prev.is_word("year") { i - 1 } else { i };
    let stated = StatedDate {
        year: Some(y),
        ..Default::default()
    };
    let mut m = mention(stated, false, year_period(y));
    m.since = prev.is_word("since");
    Some(span(s, e, m))
}

/// "the 1990s", "the '40s", "70's", "the seventies", "21st century".
fn decade(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let the = toks.get(i)?.is_word("the");
    let mut j = if the { i + 1 } else { i };
    if toks
        .get(j)
        .is_some_and(|a| a.is_punct("'") || a.is_punct("’"))
    {
        j += 1;
    }
    let t = toks.get(j)?;
    let mut e = j + 1;
    let s_follows = toks
        .get(e)
        .is_some_and(|a| a.glued_left && (a.is_word("s") || a.is_punct("'") || a.is_punct("’")));
    if t.kind == TokKind::Num && t.plain_digits && s_follows {
        // "1990s", "1970's", "70s"
        if toks
            .get(e)
            .is_some_and(|a| (a.is_punct("'") || a.is_punct("’")) && a.glued_left)
        {
            e += 1;
        }
        if !toks.get(e).is_some_and(|s| s.is_word("s") && s.glued_left) {
            return None;
        }
        e += 1;
        let v = t.value as i32;
        let y0 = match t.lower.len() {
            4 if v % 10 == 0 => v,
            2 if v % 10 == 0 => 1900 + v,
            _ => return None,
        };
        let stated = StatedDate {
            year: Some(y0),
            ..Default::default()
        };
        return Some(span(
            i,
            e,
            mention(stated, false, years_period(y0, y0 + 9, Granularity::Decade)),
        ));
    }
    // "15th century", "21st century"
    if let Some(n) = cx.num_at.get(j).copied().flatten() {
        if n.kind == NumberKind::Ordinal && toks.get(n.t1).is_some_and(|c| c.is_word("century")) {
            if !(1.0..=30.0).contains(&n.value) {
                return None;
            }
            let c = n.value as i32;
            let y0 = (c - 1) * 100;
            let stated = StatedDate::default();
            return Some(span(
                i,
                n.t1 + 1,
                mention(
                    stated,
                    false,
                    years_period(y0.max(1), y0 + 99, Granularity::Century),
                ),
            ));
        }
    }
    if !the {
        return None;
    }
    // "the seventies", "the nineteen seventies", "the noughties", "the twenty-tens"
    let mut century = 1900;
    e = j;
    let w0 = &toks.get(j)?.lower;
    if let Some(NumWord::Teen(h) | NumWord::Tens(h)) = num_word(w0) {
        if toks
            .get(j + 1)
            .is_some_and(|x| x.kind == TokKind::Word || x.is_dash())
        {
            century = (h as i32) * 100;
            e = j + 1;
            if toks.get(e).is_some_and(|d| d.is_dash()) {
                e += 1;
            }
        }
    }
    if words_at(toks, j, &["two", "thousands"]) {
        return Some(span(
            i,
            j + 2,
            mention(
                StatedDate {
                    year: Some(2000),
                    ..Default::default()
                },
                false,
                years_period(2000, 2009, Granularity::Decade),
            ),
        ));
    }
    if words_at(toks, j, &["two", "thousand", "and", "tens"]) {
        return Some(span(
            i,
            j + 4,
            mention(
                StatedDate {
                    year: Some(2010),
                    ..Default::default()
                },
                false,
                years_period(2010, 2019, Granularity::Decade),
            ),
        ));
    }
    let w = &toks.get(e)?.lower;
    let d = match w.as_str() {
        "noughties" | "aughts" => {
            century = 2000;
            0
        }
        "tens" if century != 1900 => 10,
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    };
    let y0 = century + d;
    Some(span(
        i,
        e + 1,
        mention(
            StatedDate {
                year: Some(y0),
                ..Default::default()
            },
            false,
            years_period(y0, y0 + 9, Granularity::Decade),
        ),
    ))
}

fn bare_weekday(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let wd = weekday_at(cx.toks, i)?;
    let stated = StatedDate {
        weekday: Some(wd),
        ..Default::default()
    };
    Some(span(
        i,
        i + 1,
        mention(stated, true, cx.resolve_weekday(wd, i)),
    ))
}

/// "on the 27th", "for the 27", "on 15" at the end of a clause.
fn bare_day(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let the = toks.get(i)?.is_word("the");
    let j = if the { i + 1 } else { i };
    let prev_ok = if the {
        true
    } else {
        i > 0 && toks[i - 1].is_word("on")
    };
    if !prev_ok {
        return None;
    }
    let n = cx.num_at.get(j).copied().flatten()?;
    let (d, e) = cx.day_at(j)?;
    let ordinal = n.kind == NumberKind::Ordinal;
    // A dash glued to the number makes a compound ("the two-day summit"),
    // not the end of a clause.
    let ends = toks.get(e).is_none_or(|x| {
        x.kind == TokKind::Punct && !x.is_punct("%") && !(x.is_dash() && x.glued_left)
    });
    // "the second" is a day only at the end of a clause; "the 27th" anywhere
    // but before a noun.
    let digit_ord = ordinal && toks[j].kind == TokKind::Num;
    if !(ends
        || digit_ord
            && toks
                .get(e)
                .is_some_and(|x| x.is_word("of") || x.kind != TokKind::Word))
    {
        return None;
    }
    if !the && !ends {
        return None;
    }
    let stated = StatedDate {
        day: Some(d),
        ..Default::default()
    };
    Some(span(i, e, mention(stated, true, cx.resolve_day(d, i))))
}

/// Relative expressions.
fn relative(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let r = cx.reference;
    let rel = |t0: usize, t1: usize, p: Option<Period>| {
        Some(span(t0, t1, mention(StatedDate::default(), true, p)))
    };
    let w = toks.get(i)?.lower.as_str();
    let shift = |n: i64| r.and_then(|d| shift_days(d, n)).map(day_period);
    // Fixed phrases, longest first.
    const FIXED: &[(&[&str], i64)] = &[
        (&["the", "day", "before", "yesterday"], -2),
        (&["the", "day", "after", "tomorrow"], 2),
        (&["the", "day", "after", "tmrw"], 2),
        (&["day", "before", "yesterday"], -2),
        (&["day", "after", "tomorrow"], 2),
        (&["the", "previous", "day"], -1),
        (&["the", "following", "day"], 1),
        (&["the", "next", "day"], 1),
        (&["the", "day", "before"], -1),
        (&["next", "day"], 1),
        (&["previous", "day"], -1),
        (&["yesterday"], -1),
        (&["today"], 0),
        (&["tonight"], 0),
        (&["tomorrow"], 1),
        (&["tmrw"], 1),
    ];
    for (p, n) in FIXED {
        if words_at(toks, i, p) {
            return rel(i, i + p.len(), shift(*n));
        }
    }
    // "last/this/next week|month|year|decade|weekend|<weekday>"
    let dir = match w {
        "last" | "previous" | "past" => Some(-1),
        "this" | "current" => Some(0),
        "next" | "coming" | "upcoming" | "following" => Some(1),
        _ => None,
    };
    let (dir, j) = match dir {
        Some(d) => (Some(d), i + 1),
        None if w == "the" => match toks.get(i + 1).map(|t| t.lower.as_str()) {
            Some("last" | "previous" | "past") => (Some(-1), i + 2),
            Some("next" | "coming" | "upcoming" | "following") => (Some(1), i + 2),
            Some("same" | "current") => (Some(0), i + 2),
            _ => (None, i),
        },
        None => (None, i),
    };
    if let Some(dir) = dir {
        let unit = toks.get(j).map(|t| t.lower.as_str());
        let t0 = i;
        match unit {
            Some("week") => {
                // "next week on Friday", "next week Friday"
                let mut k = j + 1;
                if toks.get(k).is_some_and(|t| t.is_word("on")) {
                    k += 1;
                }
                if let Some(wd) = weekday_at(toks, k) {
                    let p = r
                        .and_then(|d| shift_days(d, 7 * dir))
                        .and_then(week_period)
                        .and_then(|w| nth_weekday_in(w, wd));
                    return Some(span(
                        t0,
                        k + 1,
                        mention(
                            StatedDate {
                                weekday: Some(wd),
                                ..Default::default()
                            },
                            true,
                            p,
                        ),
                    ));
                }
                return rel(
                    t0,
                    j + 1,
                    r.and_then(|d| shift_days(d, 7 * dir)).and_then(week_period),
                );
            }
            Some("weekend") => {
                let p = r
                    .and_then(|d| shift_days(d, 7 * dir))
                    .and_then(week_period)
                    .map(|w| Period {
                        start: w.start + Days::new(5),
                        end: w.end,
                        granularity: Granularity::Day,
                    });
                return rel(t0, j + 1, p);
            }
            Some("month") => {
                let p = r
                    .and_then(|d| shift_months(ymd(d.year(), d.month(), 1)?, dir))
                    .and_then(|d| month_period(d.year(), d.month()));
                return rel(t0, j + 1, p);
            }
            Some("year") => {
                let p = r.and_then(|d| year_period(d.year() + dir as i32));
                return rel(t0, j + 1, p);
            }
            Some("decade") => {
                let p = r.and_then(|d| {
                    let y0 = d.year() - d.year().rem_euclid(10) + 10 * dir as i32;
                    years_period(y0, y0 + 9, Granularity::Decade)
                });
                return rel(t0, j + 1, p);
            }
            Some("century") => {
                let p = r.and_then(|d| {
                    let y0 = d.year() - d.year().rem_euclid(100) + 100 * dir as i32;
                    years_period(y0, y0 + 99, Granularity::Century)
                });
                return rel(t0, j + 1, p);
            }
            _ => {}
        }
        if let Some(wd) = weekday_at(toks, j) {
            let p = r
                .and_then(|d| shift_days(d, 7 * dir))
                .and_then(week_period)
                .and_then(|w| nth_weekday_in(w, wd));
            return Some(span(
                t0,
                j + 1,
                mention(
                    StatedDate {
                        weekday: Some(wd),
                        ..Default::default()
                    },
                    true,
                    p,
                ),
            ));
        }
        // "last September", "next june"
        if let Some((m, e)) = month_at(toks, j) {
            let p = r.and_then(|d| month_period(d.year() + dir as i32, m));
            return Some(span(
                t0,
                e,
                mention(
                    StatedDate {
                        month: Some(m),
                        ..Default::default()
                    },
                    true,
                    p,
                ),
            ));
        }
    }
    // "<weekday> next week", "on Friday next week", "Sunday of next week"
    {
        let k0 = if w == "on" { i + 1 } else { i };
        if let Some(wd) = weekday_at(toks, k0) {
            let mut k = k0 + 1;
            if toks.get(k).is_some_and(|t| t.is_word("of")) {
                k += 1;
            }
            let d = match toks.get(k).map(|t| t.lower.as_str()) {
                Some("next") => Some(1),
                Some("last") => Some(-1),
                Some("this") => Some(0),
                _ => None,
            };
            if let Some(d) = d {
                if toks.get(k + 1).is_some_and(|t| t.is_word("week")) {
                    let p = r
                        .and_then(|x| shift_days(x, 7 * d))
                        .and_then(week_period)
                        .and_then(|w| nth_weekday_in(w, wd));
                    return Some(span(
                        i,
                        k + 2,
                        mention(
                            StatedDate {
                                weekday: Some(wd),
                                ..Default::default()
                            },
                            true,
                            p,
                        ),
                    ));
                }
            }
        }
    }
    // "N units ago/earlier/later/from now", "in N units" (future tense)
    let in_prefix = w == "in" || w == "within";
    let d0 = if in_prefix { i + 1 } else { i };
    if let Some(dur) = cx.dur_at.get(d0).copied().flatten() {
        let e = dur.t1;
        let after = toks.get(e).map(|t| t.lower.as_str());
        let sign = if in_prefix {
            (w == "in" && cx.tense_at(i) == Tense::Future).then_some((1, e))
        } else {
            match after {
                Some("ago" | "earlier" | "before" | "prior" | "previously")
                    if !words_at(toks, e, &["before", "yesterday"]) =>
                {
                    Some((-1, e + 1))
                }
                Some("later" | "hence" | "afterwards" | "after")
                    if !words_at(toks, e, &["after", "tomorrow"]) =>
                {
                    Some((1, e + 1))
                }
                Some("from") if words_at(toks, e + 1, &["now"]) => Some((1, e + 2)),
                _ => None,
            }
        };
        // "two days from tomorrow", "two days after today", "two days before yesterday"
        let base = |k: usize| match toks.get(k).map(|t| t.lower.as_str()) {
            Some("today") => Some(0),
            Some("tomorrow" | "tmrw") => Some(1),
            Some("yesterday") => Some(-1),
            _ => None,
        };
        let based = match after {
            Some("from" | "after") => base(e + 1).map(|b| (1, b, e + 2)),
            Some("before") => base(e + 1).map(|b| (-1, b, e + 2)),
            _ => None,
        };
        if let Some((sgn, b, end)) = based.filter(|_| !in_prefix) {
            let p = r
                .and_then(|d| shift_days(d, b))
                .and_then(|d| apply_parts(d, &dur.parts, sgn))
                .map(day_period);
            return rel(i, end, p);
        }
        if let Some((sgn, end)) = sign {
            let p = r
                .and_then(|d| apply_parts(d, &dur.parts, sgn))
                .map(day_period);
            return rel(i, end, p);
        }
    }
    // Quarters: "Q3 2016", "Q3"
    if toks[i].kind == TokKind::Word && (w == "q" || w == "h") && toks[i].capital {
        if let Some(n) = toks
            .get(i + 1)
            .filter(|n| n.glued_left && n.kind == TokKind::Num)
        {
            let q = n.value as u32;
            let (per, max) = if w == "q" { (3, 4) } else { (6, 2) };
            if (1..=max).contains(&q) {
                let mut e = i + 2;
                let y = if let Some((y, e2)) = cx.year_at(e, false) {
                    e = e2;
                    Some(y)
                } else {
                    None
                };
                let p = y.or(r.map(|d| d.year())).and_then(|y| {
                    let s = ymd(y, (q - 1) * per + 1, 1)?;
                    let end = s.checked_add_months(Months::new(per))?.pred_opt()?;
                    Some(Period {
                        start: s,
                        end,
                        granularity: Granularity::Month,
                    })
                });
                let stated = StatedDate {
                    year: y,
                    ..Default::default()
                };
                return Some(span(i, e, mention(stated, y.is_none(), p)));
            }
        }
    }
    None
}

/// The day of week `wd` inside the Monday–Sunday week `w`.
fn nth_weekday_in(w: Period, wd: Weekday) -> Option<Period> {
    shift_days(w.start, wd.num_days_from_monday() as i64).map(day_period)
}

/// Reference date moved by a compound duration ("1 month 21 days").
fn apply_parts(d: NaiveDate, parts: &[(f64, f64)], sign: i64) -> Option<NaiveDate> {
    let mut months = 0i64;
    let mut days = 0i64;
    for &(count, unit) in parts {
        let c = count;
        if unit >= YEAR {
            months = months.saturating_add((c * 12.0 * (unit / YEAR)).round() as i64);
        } else if unit >= MONTH {
            months = months.saturating_add(c.round() as i64);
        } else if unit >= WEEK {
            days = days.saturating_add((c * 7.0).floor() as i64);
        } else if unit >= DAY {
            days = days.saturating_add(c.floor() as i64);
        }
    }
    let d = shift_months(d, sign.saturating_mul(months))?;
    shift_days(d, sign.saturating_mul(days))
}

/// "the first Friday", "last", "the third week": a position 1–5 or last (-1).
fn position_at(cx: &Ctx, j: usize) -> Option<(i32, usize)> {
    let t = cx.toks.get(j)?;
    if t.is_word("last") {
        return Some((-1, j + 1));
    }
    let n = cx.num_at.get(j).copied().flatten()?;
    (n.kind == NumberKind::Ordinal && (1.0..=5.0).contains(&n.value))
        .then_some((n.value as i32, n.t1))
}

/// A period that frames a part of it: "this month", "next year", "the
/// week", "July", "June 2016", "2016".
fn frame_at(cx: &Ctx, j: usize) -> Option<(Period, usize)> {
    let toks = cx.toks;
    let t = toks.get(j)?;
    if matches!(t.lower.as_str(), "the" | "my" | "this" | "current" | "that") {
        let unit = toks.get(j + 1).map(|u| u.lower.as_str());
        let r = cx.reference;
        let p = match unit {
            Some("week") => r.and_then(week_period),
            Some("month") => r.and_then(|d| month_period(d.year(), d.month())),
            Some("year") => r.and_then(|d| year_period(d.year())),
            _ => None,
        };
        if let Some(p) = p {
            return Some((p, j + 2));
        }
    }
    if let Some(d) = relative(cx, j) {
        let p = d.mention.period?;
        return matches!(
            p.granularity,
            Granularity::Week | Granularity::Month | Granularity::Year | Granularity::Decade
        )
        .then_some((p, d.t1));
    }
    if let Some((m, e)) = month_at(toks, j) {
        let mut k = e;
        if toks
            .get(k)
            .is_some_and(|c| c.is_punct(",") || c.is_word("of"))
        {
            k += 1;
        }
        if let Some((y, e2)) = cx.year_at(k, false) {
            return month_period(y, m).map(|p| (p, e2));
        }
        return month_period(cx.reference?.year(), m).map(|p| (p, e));
    }
    if let Some((y, e)) = cx.year_at(j, false) {
        return year_period(y).map(|p| (p, e));
    }
    None
}

/// The early/middle/late part of a period. Years: halves for early/late,
/// thirds for beginning/middle/end (Jan–Apr, May–Aug, Sep–Dec); months:
/// 1–15, 11–20, 16–end; weeks: Mon–Wed, Tue–Fri, Thu–Sun.
fn portion(p: Period, which: &str) -> Option<Period> {
    let y = p.start.year();
    let part = |start: NaiveDate, end: NaiveDate, g| {
        Some(Period {
            start,
            end,
            granularity: g,
        })
    };
    match p.granularity {
        Granularity::Year => {
            let (m0, m1) = match which {
                "early" => (1, 6),
                "late" => (7, 12),
                "beginning" | "start" => (1, 4),
                "mid" | "middle" => (5, 8),
                "end" => (9, 12),
                _ => return None,
            };
            part(ymd(y, m0, 1)?, month_period(y, m1)?.end, Granularity::Month)
        }
        Granularity::Month => {
            let m = p.start.month();
            let (d0, d1) = match which {
                "early" | "beginning" | "start" => (1, 15),
                "mid" | "middle" => (11, 20),
                "late" | "end" => (16, p.end.day()),
                _ => return None,
            };
            part(ymd(y, m, d0)?, ymd(y, m, d1)?, Granularity::Day)
        }
        Granularity::Week => {
            let (d0, d1) = match which {
                "early" | "beginning" | "start" => (0, 2),
                "mid" | "middle" => (1, 4),
                "late" | "end" => (3, 6),
                _ => return None,
            };
            part(
                shift_days(p.start, d0)?,
                shift_days(p.start, d1)?,
                Granularity::Day,
            )
        }
        Granularity::Decade => {
            let (a, b) = match which {
                "early" | "beginning" | "start" => (0, 3),
                "mid" | "middle" => (3, 6),
                "late" | "end" => (7, 9),
                _ => return None,
            };
            years_period(y + a, y + b, Granularity::Year)
        }
        _ => None,
    }
}

/// Monday of the `n`th week of a month (weeks are counted by their
/// Thursday, as ISO weeks are), or of its last week for `n == -1`.
fn week_of_month(y: i32, m: u32, n: i32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    let thu = if n > 0 {
        let off = (7 + 3 - first.weekday().num_days_from_monday() as i64) % 7;
        shift_days(first, off + 7 * (n as i64 - 1))?
    } else {
        let last = month_period(y, m)?.end;
        let off = (7 + last.weekday().num_days_from_monday() as i64 - 3) % 7;
        shift_days(last, -off)?
    };
    (thu.month() == m).then(|| shift_days(thu, -3)).flatten()
}

fn week_from(monday: NaiveDate) -> Option<Period> {
    Some(Period {
        start: monday,
        end: shift_days(monday, 6)?,
        granularity: Granularity::Week,
    })
}

/// Periods built from parts: "early next year", "the end of March", "later
/// this month", "the first Friday of July", "the third week of 2027", "the
/// third quarter of 2016", "the first half of 2025", "the past 3 weeks",
/// "within 5 days", "the 20th of next month", "the weekend".
fn composite(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let r = cx.reference;
    let w = toks.get(i)?.lower.as_str();
    let rel = |t0: usize, t1: usize, p: Option<Period>| {
        Some(span(t0, t1, mention(StatedDate::default(), true, p)))
    };

    // early / mid / late / beginning of / end of / earlier / later / rest of
    let the = usize::from(w == "the" || w == "at");
    let m_word = toks.get(i + the).map(|t| t.lower.as_str()).unwrap_or("");
    let of = toks.get(i + the + 1).is_some_and(|t| t.is_word("of"));
    let (which, j) = match m_word {
        "early" | "late" | "mid" if the == 0 => {
            let mut j = i + 1;
            if toks.get(j).is_some_and(|d| d.is_dash()) {
                j += 1;
            }
            (Some(m_word), j)
        }
        "beginning" | "start" | "middle" | "end" if of => (Some(m_word), i + the + 2),
        "earlier" | "later" if the == 0 => {
            let j = if toks.get(i + 1).is_some_and(|t| t.is_word("in")) {
                i + 2
            } else {
                i + 1
            };
            (Some(m_word), j)
        }
        "rest" if the == 0 => (Some("rest"), if of { i + 2 } else { i + 1 }),
        _ => (None, i),
    };
    if let Some(which) = which {
        if let Some((p, e)) = frame_at(cx, j) {
            let out = match which {
                "earlier" => r.and_then(|d| {
                    Some(Period {
                        start: p.start,
                        end: shift_days(d, -1)?,
                        granularity: Granularity::Day,
                    })
                }),
                "later" | "rest" => r.map(|d| Period {
                    start: d,
                    end: p.end,
                    granularity: Granularity::Day,
                }),
                _ => portion(p, which),
            };
            if out.is_some() || r.is_none() {
                let relative = !toks[j..e].iter().any(|t| t.kind == TokKind::Num);
                let stated = StatedDate::default();
                return Some(span(
                    i,
                    e,
                    mention(stated, relative || r.is_none() && out.is_none(), out),
                ));
            }
        }
    }

    // Positions: "the first Friday of July", "the third week of 2027",
    // "the third quarter of 2016", "the first half of 2025", "the 20th of next month".
    let j = if w == "the" { i + 1 } else { i };
    if let Some((n, k)) = position_at(cx, j) {
        let last_needs_of = n == -1
            && !toks
                .get(k + 1)
                .is_some_and(|t| t.is_word("of") || t.is_word("in"));
        if let Some(wd) = weekday_at(toks, k).filter(|_| !last_needs_of) {
            let (frame, e) = match toks.get(k + 1) {
                Some(t) if t.is_word("of") || t.is_word("in") => {
                    let (p, e) = frame_at(cx, k + 2)?;
                    (Some(p), e)
                }
                _ => (r.and_then(|d| month_period(d.year(), d.month())), k + 1),
            };
            let p = frame
                .filter(|p| p.granularity == Granularity::Month)
                .and_then(|p| {
                    let d = if n > 0 {
                        let off = (7 + wd.num_days_from_monday() as i64
                            - p.start.weekday().num_days_from_monday() as i64)
                            % 7;
                        shift_days(p.start, off + 7 * (n as i64 - 1))?
                    } else {
                        let off = (7 + p.end.weekday().num_days_from_monday() as i64
                            - wd.num_days_from_monday() as i64)
                            % 7;
                        shift_days(p.end, -off)?
                    };
                    (d <= p.end).then(|| day_period(d))
                });
            if frame.is_none() && r.is_some() {
                return None;
            }
            let stated = StatedDate {
                weekday: Some(wd),
                ..Default::default()
            };
            return Some(span(i, e, mention(stated, true, p)));
        }
        let unit = toks.get(k).map(|t| t.lower.as_str());
        if matches!(unit, Some("week" | "quarter" | "half")) {
            let mut f = k + 1;
            if toks
                .get(f)
                .is_some_and(|t| t.is_word("of") || t.is_word("in"))
            {
                f += 1;
            }
            let (frame, e) = match frame_at(cx, f) {
                Some((p, e)) => (Some(p), e),
                None if unit != Some("week") => (r.and_then(|d| year_period(d.year())), k + 1),
                None => return None,
            };
            let frame = frame?;
            let p = match (unit, frame.granularity) {
                (Some("week"), Granularity::Month) => {
                    week_of_month(frame.start.year(), frame.start.month(), n).and_then(week_from)
                }
                (Some("week"), Granularity::Year) => {
                    let y = frame.start.year();
                    let wk = if n > 0 {
                        n as u32
                    } else {
                        ymd(y, 12, 28)?.iso_week().week()
                    };
                    NaiveDate::from_isoywd_opt(y, wk, Weekday::Mon).and_then(week_from)
                }
                (Some("quarter"), Granularity::Year) if n > 0 && n <= 4 => {
                    quarter(frame.start.year(), n as u32, 3)
                }
                (Some("half"), Granularity::Year) if n > 0 && n <= 2 => {
                    quarter(frame.start.year(), n as u32, 6)
                }
                (Some("quarter"), Granularity::Year) => quarter(frame.start.year(), 4, 3),
                (Some("half"), Granularity::Year) => quarter(frame.start.year(), 2, 6),
                _ => None,
            };
            p?;
            return rel(i, e, p);
        }
    }
    // "the 20th of next month"
    if let Some((d, k)) = cx.day_at(j) {
        if toks.get(k).is_some_and(|t| t.is_word("of")) {
            if let Some(rs) = relative(cx, k + 1) {
                if let Some(p) = rs
                    .mention
                    .period
                    .filter(|p| p.granularity == Granularity::Month)
                {
                    let date = ymd(p.start.year(), p.start.month(), d)?;
                    let stated = StatedDate {
                        day: Some(d),
                        ..Default::default()
                    };
                    return Some(span(
                        i,
                        rs.t1,
                        mention(stated, true, Some(day_period(date))),
                    ));
                }
                if r.is_none() {
                    let stated = StatedDate {
                        day: Some(d),
                        ..Default::default()
                    };
                    return Some(span(i, rs.t1, mention(stated, true, None)));
                }
            }
        }
    }
    // "2016 Q3", "2016H2", "2016 the third quarter"
    if let Some((y, k)) = cx.year_at(i, false).or_else(|| {
        let t = toks.get(i)?;
        (t.kind == TokKind::Num
            && t.lower.len() == 4
            && toks
                .get(i + 1)
                .is_some_and(|h| h.glued_left && (h.is_word("h") || h.is_word("q"))))
        .then_some((t.value as i32, i + 1))
    }) {
        let h = toks.get(k);
        if let Some(h) = h.filter(|h| h.is_word("q") || h.is_word("h")) {
            if let Some(n) = toks
                .get(k + 1)
                .filter(|n| n.glued_left && n.kind == TokKind::Num)
            {
                let per = if h.is_word("q") { 3 } else { 6 };
                let p = quarter(y, n.value as u32, per)?;
                return Some(span(
                    i,
                    k + 2,
                    mention(
                        StatedDate {
                            year: Some(y),
                            ..Default::default()
                        },
                        false,
                        Some(p),
                    ),
                ));
            }
        }
        if toks.get(k).is_some_and(|t| t.is_word("the")) {
            if let Some((n, q)) = position_at(cx, k + 1) {
                if toks.get(q).is_some_and(|t| t.is_word("quarter")) && (1..=4).contains(&n) {
                    let p = quarter(y, n as u32, 3)?;
                    return Some(span(
                        i,
                        q + 1,
                        mention(
                            StatedDate {
                                year: Some(y),
                                ..Default::default()
                            },
                            false,
                            Some(p),
                        ),
                    ));
                }
            }
        }
    }
    // "2016, nov", "2016 June"
    if let Some((y, k)) = cx.year_at(i, false) {
        let k2 = if toks.get(k).is_some_and(|c| c.is_punct(",")) {
            k + 1
        } else {
            k
        };
        if let Some((m, e)) = month_at(toks, k2) {
            if cx.day_at(e).is_none() {
                let stated = StatedDate {
                    year: Some(y),
                    month: Some(m),
                    ..Default::default()
                };
                return Some(span(i, e, mention(stated, false, month_period(y, m))));
            }
        }
    }
    // "the week of the 18th", "the week starting February 4", "w/c Feb 4"
    {
        let j = if w == "the" { i + 1 } else { i };
        let mut k = None;
        if toks.get(j).is_some_and(|t| t.is_word("week")) {
            let n = toks.get(j + 1).map(|t| t.lower.as_str());
            if matches!(n, Some("of" | "commencing" | "starting" | "beginning")) {
                let mut kk = j + 2;
                if toks.get(kk).is_some_and(|t| t.is_word("on")) {
                    kk += 1;
                }
                k = Some(kk);
            }
        } else if words_at(toks, i, &["w", "/", "c"]) {
            k = Some(i + 3);
        }
        if let Some(k) = k {
            if let Some(d) = day_at_any(cx, k) {
                let p = d.mention.period.and_then(|p| week_period(p.start));
                return Some(span(i, d.t1, mention(d.mention.stated, true, p)));
            }
        }
    }
    // "for 3 days from today", "a week starting tomorrow", "2 weeks starting May 20th"
    {
        let j = if w == "for" { i + 1 } else { i };
        if let Some(dur) = cx.dur_at.get(j).copied().flatten() {
            let mut k = dur.t1;
            if toks.get(k).is_some_and(|c| c.is_punct(",")) {
                k += 1;
            }
            // "for 3 days from today"; without "for", "two days from
            // tomorrow" is a day, handled in `relative`.
            let starts = match toks.get(k).map(|t| t.lower.as_str()) {
                Some("from") if w == "for" => Some(k + 1),
                Some("starting" | "beginning") => {
                    let k = k + 1;
                    Some(
                        if toks
                            .get(k)
                            .is_some_and(|t| t.is_word("from") || t.is_word("on"))
                        {
                            k + 1
                        } else {
                            k
                        },
                    )
                }
                _ => None,
            };
            if let Some(d) = starts.and_then(|k| day_at_any(cx, k)) {
                let p = d.mention.period.and_then(|p| {
                    let end = shift_days(apply_parts(p.start, &dur.parts, 1)?, -1)?;
                    Some(Period {
                        start: p.start,
                        end,
                        granularity: Granularity::Day,
                    })
                });
                return Some(span(i, d.t1, mention(d.mention.stated, true, p)));
            }
        }
    }
    // "week 10": ISO week of the reference year.
    if w == "week" {
        if let Some(n) = toks
            .get(i + 1)
            .filter(|n| n.kind == TokKind::Num && n.plain_digits && (1.0..=53.0).contains(&n.value))
        {
            let p = r
                .and_then(|d| NaiveDate::from_isoywd_opt(d.year(), n.value as u32, Weekday::Mon))
                .and_then(week_from);
            return rel(i, i + 2, p);
        }
    }
    // "the week after next", "the weekend after the next"
    {
        let j = if w == "the" { i + 1 } else { i };
        let unit = toks.get(j).map(|t| t.lower.as_str());
        if matches!(unit, Some("week" | "weekend" | "month" | "year"))
            && toks.get(j + 1).is_some_and(|t| t.is_word("after"))
        {
            let k = if toks.get(j + 2).is_some_and(|t| t.is_word("the")) {
                j + 3
            } else {
                j + 2
            };
            if toks.get(k).is_some_and(|t| t.is_word("next")) {
                let p = r.and_then(|d| match unit {
                    Some("week") => shift_days(d, 14).and_then(week_period),
                    Some("weekend") => shift_days(d, 14).and_then(week_period).map(weekend),
                    Some("month") => shift_months(ymd(d.year(), d.month(), 1)?, 2)
                        .and_then(|x| month_period(x.year(), x.month())),
                    _ => year_period(d.year() + 2),
                });
                return rel(i, k + 1, p);
            }
        }
        // "the weekend", "this weekend", "that weekend", "weekend"
        let j = if matches!(w, "the" | "this" | "that" | "my") {
            i + 1
        } else {
            i
        };
        if toks.get(j).is_some_and(|t| t.is_word("weekend")) {
            return rel(i, j + 1, r.and_then(week_period).map(weekend));
        }
    }
    // "next 3 days", "the past 2 decades", "within 5 days", "4 weeks in the future"
    let mut j = i;
    let mut kind = None;
    if w == "within" {
        j += 1;
        if toks.get(j).is_some_and(|t| t.is_word("the")) {
            j += 1;
        }
        if toks.get(j).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "next" | "upcoming" | "coming" | "following"
            )
        }) {
            j += 1;
        }
        kind = Some(0);
    } else {
        if w == "the" {
            j += 1;
        }
        match toks.get(j).map(|t| t.lower.as_str()) {
            Some("next" | "coming" | "upcoming" | "following") => kind = Some(1),
            Some("past" | "last" | "previous" | "preceding") => kind = Some(-1),
            _ => {}
        }
        if kind.is_some() {
            j += 1;
        }
    }
    let (kind, d, e) = match kind {
        Some(k) => {
            let d = cx.dur_at.get(j).copied().flatten()?;
            (k, d, d.t1)
        }
        None => {
            let d = cx.dur_at.get(i).copied().flatten()?;
            if !words_at(toks, d.t1, &["in", "the", "future"]) {
                return None;
            }
            (1, d, d.t1 + 3)
        }
    };
    let decades: Option<i64> = d
        .parts
        .iter()
        .all(|(_, u)| (*u - 10.0 * YEAR).abs() < 1.0)
        .then(|| {
            d.parts
                .iter()
                .fold(0i64, |acc, (c, _)| acc.saturating_add(*c as i64))
        });
    let p = r.and_then(|rd| {
        if let Some(n) = decades.filter(|_| kind != 0) {
            let d0 = rd.year() - rd.year().rem_euclid(10);
            // Beyond a millennium no calendar date is meant.
            let n = n.clamp(0, 100) as i32;
            return if kind < 0 {
                years_period(d0 - 10 * n, d0 - 1, Granularity::Decade)
            } else {
                years_period(d0 + 10, d0 + 10 * n + 9, Granularity::Decade)
            };
        }
        let (start, end) = match kind {
            -1 => (apply_parts(rd, &d.parts, -1)?, shift_days(rd, -1)?),
            1 => (shift_days(rd, 1)?, apply_parts(rd, &d.parts, 1)?),
            _ => (rd, shift_days(apply_parts(rd, &d.parts, 1)?, -1)?),
        };
        Some(Period {
            start,
            end,
            granularity: Granularity::Day,
        })
    });
    rel(i, e, p)
}

fn weekend(w: Period) -> Period {
    Period {
        start: w.start + Days::new(5),
        end: w.end,
        granularity: Granularity::Day,
    }
}

/// Quarter (`per` = 3) or half (`per` = 6) number `n` of year `y`.
fn quarter(y: i32, n: u32, per: u32) -> Option<Period> {
    if n == 0 || n.checked_mul(per).is_none_or(|x| x > 12) {
        return None;
    }
    let s = ymd(y, (n - 1) * per + 1, 1)?;
    let end = s.checked_add_months(Months::new(per))?.pred_opt()?;
    Some(Period {
        start: s,
        end,
        granularity: Granularity::Month,
    })
}

/// Days of one month: "September 3-5", "3–5 September 2025", "from 4 to 22
/// January, 1995", "between 3 and 12 of Sept". Inclusive of the last day.
fn day_range(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let opener = toks
        .get(i)
        .is_some_and(|t| t.is_word("from") || t.is_word("between"));
    let j = if opener { i + 1 } else { i };
    let is_sep = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.is_dash()
                || matches!(t.lower.as_str(), "to" | "through" | "until" | "till")
                || (opener && t.is_word("and"))
        })
    };
    // Month first.
    let (m, d1, d2, mut e) = if let Some((m, k)) = month_at(toks, j) {
        let (d1, e1) = cx.day_at(k)?;
        if !is_sep(e1) {
            return None;
        }
        let (d2, e2) = cx.day_at(e1 + 1)?;
        if month_at(toks, e2).is_some() {
            return None;
        }
        (m, d1, d2, e2)
    } else {
        let (d1, e1) = cx.day_at(j)?;
        if !is_sep(e1) {
            return None;
        }
        let (d2, mut e2) = cx.day_at(e1 + 1)?;
        if toks.get(e2).is_some_and(|t| t.is_word("of")) {
            e2 += 1;
        }
        let (m, e3) = month_at(toks, e2)?;
        (m, d1, d2, e3)
    };
    if d2 <= d1 {
        return None;
    }
    let year = cx.year_after_comma(e).map(|(y, e2)| {
        e = e2;
        y
    });
    let y = match year {
        Some(y) => Some(y),
        None => cx.resolve_md(m, d1, i).map(|p| p.start.year()),
    };
    let period = y.and_then(|y| {
        Some(Period {
            start: ymd(y, m, d1)?,
            end: ymd(y, m, d2)?,
            granularity: Granularity::Day,
        })
    });
    let stated = StatedDate {
        year,
        month: Some(m),
        ..Default::default()
    };
    Some(span(i, e, mention(stated, false, period)))
}

/// A single day at `k`, from any of the day-level recognizers.
fn day_at_any(cx: &Ctx, k: usize) -> Option<DateSpan> {
    absolute(cx, k)
        .or_else(|| numeric(cx, k))
        .or_else(|| relative(cx, k))
        .or_else(|| bare_day_any(cx, k))
        .filter(|d| {
            d.mention
                .period
                .is_none_or(|p| p.granularity == Granularity::Day)
        })
}

/// "the 18th" anywhere (after a frame word the noun check is not needed).
fn bare_day_any(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let j = if cx.toks.get(i)?.is_word("the") {
        i + 1
    } else {
        i
    };
    let (d, e) = cx.day_at(j)?;
    let stated = StatedDate {
        day: Some(d),
        ..Default::default()
    };
    Some(span(i, e, mention(stated, true, cx.resolve_day(d, i))))
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

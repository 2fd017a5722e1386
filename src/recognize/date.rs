//! Date recognizer: absolute dates ("September 3, 2025", "3 Sept. 2025",
//! "2025-09-03", "9/3/2025"), partial dates ("Sep 3", "the 27th"), months
//! and years ("June 2016", "in 2023", "since 2019"), decades and centuries
//! ("the 1990s", "the 21st century"), weekdays ("on Wednesday"), quarters,
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
//!   "of", "by", "until", "from", a month name…): "2025 troops" is a count.
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

/// Pick among candidate dates by tense (see the module doc).
fn pick(cands: &[NaiveDate], reference: NaiveDate, tense: Tense) -> Option<NaiveDate> {
    let past = cands.iter().filter(|d| **d <= reference).max().copied();
    let future = cands.iter().filter(|d| **d >= reference).min().copied();
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
        | "began" | "made" => Some(Tense::Past),
        _ if w.ends_with("'ll") => Some(Tense::Future),
        _ if w.ends_with("'d") => Some(Tense::Past),
        _ if w.len() > 4
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
        let sentence_lower = !toks.iter().any(|x| x.capital);
        if !(next_num || sentence_lower && t.lower != "may" && t.lower != "march") {
            return None;
        }
    }
    let mut e = i + 1;
    if t.lower.len() <= 4 && toks.get(e).is_some_and(|d| d.is_punct(".") && d.glued_left) {
        e += 1;
    }
    Some((m, e))
}

impl<'a> Ctx<'a> {
    /// A day of month at `j`: "3", "3rd", "twenty-first", "first".
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
    }
}

fn weekday_at(toks: &[Tok], i: usize) -> Option<Weekday> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let (wd, short) = weekday(&t.lower)?;
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
        let found = absolute(&cx, i)
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
    out
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
            // optional year
            let mut k = e;
            if toks.get(k).is_some_and(|c| c.is_punct(",")) {
                k += 1;
            }
            if let Some((y, e2)) = cx.year_at(k, false) {
                let stated = StatedDate {
                    year: Some(y),
                    month: Some(m),
                    day: Some(d),
                    weekday: None,
                };
                let period = ymd(y, m, d).map(day_period);
                return Some(span(i, e2, mention(stated, false, period)));
            }
            let stated = StatedDate {
                month: Some(m),
                day: Some(d),
                ..Default::default()
            };
            return Some(span(i, e, mention(stated, false, cx.resolve_md(m, d, i))));
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
    let mut k = e;
    if toks.get(k).is_some_and(|c| c.is_punct(",")) {
        k += 1;
    }
    if let Some((y, e2)) = cx.year_at(k, false) {
        let stated = StatedDate {
            year: Some(y),
            month: Some(m),
            day: Some(d),
            weekday: None,
        };
        return Some(span(
            i,
            e2,
            mention(stated, false, ymd(y, m, d).map(day_period)),
        ));
    }
    let stated = StatedDate {
        month: Some(m),
        day: Some(d),
        ..Default::default()
    };
    Some(span(i, e, mention(stated, false, cx.resolve_md(m, d, i))))
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
    // "in 2025 troops" would still be a count of troops; a year is not
    // followed by a plural noun counted by it — too costly to know here, so
    // only a following percent sign or unit-like glue is refused (year_at).
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
    if t.kind == TokKind::Num && t.plain_digits {
        // "1990s", "1970's", "70s"
        if toks
            .get(e)
            .is_some_and(|a| (a.is_punct("'") || a.is_punct("’")) && a.glued_left)
        {
            e += 1;
        }
        let s = toks.get(e).filter(|s| s.is_word("s") && s.glued_left)?;
        let _ = s;
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
    let ends = toks
        .get(e)
        .is_none_or(|x| x.kind == TokKind::Punct && !x.is_punct("%"));
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
            months += (c * 12.0 * (unit / YEAR)).round() as i64;
        } else if unit >= MONTH {
            months += c.round() as i64;
        } else if unit >= WEEK {
            days += (c * 7.0).floor() as i64;
        } else if unit >= DAY {
            days += c.floor() as i64;
        }
    }
    let d = shift_months(d, sign * months)?;
    shift_days(d, sign * days)
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
        ] {
            assert!(
                dates(text, Some("2025-09-03")).is_empty(),
                "{text}: {:?}",
                dates(text, Some("2025-09-03"))
            );
        }
    }
}

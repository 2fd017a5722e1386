//! Duration recognizer: "70-minute", "70 minutes", "two hours", "3 hrs",
//! "3h", "a decade", "half an hour", "an hour and a half", "1 year 1 month
//! 21 days", and qualified ones: "nearly a day", "more than an hour",
//! "several hours".
//!
//! Lengths: a month is 30 days and a year 365 days (a decade 10 such years).
//! These are conventions, not calendar arithmetic: a duration has no anchor
//! date, and a checker comparing "three months" with "90 days" wants them
//! equal. Qualifiers use the same table as ranges (see `range.rs`): "nearly
//! X" is `[0.9·X, X]`, "about X" is `[0.9·X, 1.1·X]`, both approximate; an
//! open upper bound is `f64::INFINITY`. The unqualified duration inside is
//! reported as well, as for numbers inside ranges.
//!
//! Vague counts: "a couple of" 2, "a few" 3 (as Recognizers-Text reads it),
//! "several" 3 to 9 (approximate).

use super::DurationValue;
use super::number::NumSpan;
use super::range::words_at;
use super::token::{Tok, TokKind};

pub(crate) const MINUTE: f64 = 60.0;
pub(crate) const HOUR: f64 = 3600.0;
pub(crate) const DAY: f64 = 86400.0;
pub(crate) const WEEK: f64 = 7.0 * DAY;
pub(crate) const MONTH: f64 = 30.0 * DAY;
/// The crate's one year length: the display (`facts.rs`) divides by it too,
/// so a whole number of recognized years reads back as years.
pub(crate) const YEAR: f64 = 365.0 * DAY;

/// Seconds in one unit named by `w`. The one-letter "h" counts only right
/// after digits ("3h", "3 h"); "s" and "d" are never units ("the 1990s").
pub(crate) fn unit_seconds(w: &str, after_digits: bool) -> Option<f64> {
    Some(match w {
        "second" | "seconds" | "sec" | "secs" => 1.0,
        "minute" | "minutes" | "min" | "mins" => MINUTE,
        "hour" | "hours" | "hr" | "hrs" => HOUR,
        "h" if after_digits => HOUR,
        "day" | "days" => DAY,
        "week" | "weeks" | "wk" | "wks" => WEEK,
        "fortnight" | "fortnights" => 2.0 * WEEK,
        "month" | "months" | "mo" | "mos" => MONTH,
        "year" | "years" | "yr" | "yrs" => YEAR,
        "decade" | "decades" => 10.0 * YEAR,
        "century" | "centuries" => 100.0 * YEAR,
        _ => return None,
    })
}

#[derive(Debug, Clone)]
pub(crate) struct DurSpan {
    pub t0: usize,
    pub t1: usize,
    pub start: usize,
    pub end: usize,
    pub value: DurationValue,
    /// The count and unit, for date arithmetic ("two weeks ago").
    pub parts: Vec<(f64, f64)>,
}

fn exact(s: f64) -> DurationValue {
    DurationValue {
        min_seconds: s,
        max_seconds: s,
        approximate: false,
    }
}

/// The unit at token `j` (allowing "business day"), with the token after it.
fn unit_at(toks: &[Tok], j: usize, after_digits: bool) -> Option<(f64, usize)> {
    let t = toks.get(j)?;
    if t.kind != TokKind::Word {
        return None;
    }
    if t.is_word("business") || t.is_word("working") {
        let n = toks.get(j + 1)?;
        if n.is_word("day") || n.is_word("days") {
            return Some((DAY, j + 2));
        }
        return None;
    }
    let s = unit_seconds(
        &t.lower,
        after_digits && t.glued_left
            || after_digits && t.lower.len() <= 2 && t.lower != "s" && t.lower != "d",
    )?;
    Some((s, j + 1))
}

/// Plain (unqualified) durations, one per count + unit.
fn simple(toks: &[Tok], nums: &[NumSpan]) -> Vec<DurSpan> {
    let mut out = Vec::new();
    let mut num_by_start: Vec<Option<&NumSpan>> = vec![None; toks.len() + 1];
    for n in nums {
        if n.t0 < num_by_start.len() {
            num_by_start[n.t0] = Some(n);
        }
    }
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // count + unit
        if let Some(n) = num_by_start[i] {
            if !matches!(
                n.kind,
                super::NumberKind::Ordinal | super::NumberKind::Percent
            ) && n.value >= 0.0
            {
                let digits = toks[n.t1 - 1].kind == TokKind::Num;
                let mut j = n.t1;
                if toks.get(j).is_some_and(|d| d.is_dash()) {
                    j += 1;
                }
                // "half an hour"
                if n.value == 0.5
                    && toks
                        .get(j)
                        .is_some_and(|a| a.is_word("a") || a.is_word("an"))
                {
                    j += 1;
                }
                if let Some((u, mut e)) = unit_at(toks, j, digits) {
                    let mut count = n.value;
                    // "two hours and a half", "two hours and a quarter"
                    if let Some((extra, len)) = and_fraction(toks, e) {
                        count += extra;
                        e += len;
                    }
                    out.push(DurSpan {
                        t0: n.t0,
                        t1: e,
                        start: toks[n.t0].start,
                        end: toks[e - 1].end,
                        value: exact(count * u),
                        parts: vec![(count, u)],
                    });
                    i = e;
                    continue;
                }
            }
        }
        // "a/an/one/another/all/full/whole/half" + unit
        let (count, skip) = match t.lower.as_str() {
            "a" | "an" | "another" | "all" | "full" | "whole" | "entire" => (1.0, 1),
            "half"
                if toks
                    .get(i + 1)
                    .is_some_and(|a| a.is_word("a") || a.is_word("an")) =>
            {
                (0.5, 2)
            }
            "half" => (0.5, 1),
            "couple" if toks.get(i + 1).is_some_and(|o| o.is_word("of")) => (2.0, 2),
            "few" => (3.0, 1),
            _ => (0.0, 0),
        };
        if skip > 0 {
            let mut j = i + skip;
            if matches!(t.lower.as_str(), "all" | "full" | "half")
                && toks.get(j).is_some_and(|d| d.is_dash() && d.glued_left)
            {
                j += 1;
            }
            let allowed = |u: f64| {
                !matches!(t.lower.as_str(), "all" | "full" | "whole" | "entire") || u >= DAY
            };
            if let Some((u, mut e)) = unit_at(toks, j, false).filter(|(u, _)| allowed(*u)) {
                let mut c = count;
                if let Some((extra, len)) = and_fraction(toks, e).filter(|_| c == 1.0) {
                    c += extra;
                    e += len;
                }
                // "a couple of days": start at "a"
                let s = if t.is_word("couple") && i > 0 && toks[i - 1].is_word("a") {
                    i - 1
                } else {
                    i
                };
                let s = if t.is_word("few") && s > 0 && toks[s - 1].is_word("a") {
                    s - 1
                } else {
                    s
                };
                out.push(DurSpan {
                    t0: s,
                    t1: e,
                    start: toks[s].start,
                    end: toks[e - 1].end,
                    value: exact(c * u),
                    parts: vec![(c, u)],
                });
                i = e;
                continue;
            }
        }
        if t.is_word("several") {
            if let Some((u, e)) = unit_at(toks, i + 1, false) {
                out.push(DurSpan {
                    t0: i,
                    t1: e,
                    start: t.start,
                    end: toks[e - 1].end,
                    value: DurationValue {
                        min_seconds: 3.0 * u,
                        max_seconds: 9.0 * u,
                        approximate: true,
                    },
                    parts: vec![(3.0, u)],
                });
                i = e;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Durations, compounds merged ("1 year 1 month 21 days"), plus qualified
/// versions ("nearly a day").
pub(crate) fn find_durations(toks: &[Tok], nums: &[NumSpan]) -> Vec<DurSpan> {
    let simple = simple(toks, nums);
    let mut merged: Vec<DurSpan> = Vec::new();
    for d in simple {
        if let Some(p) = merged.last_mut() {
            let gap = &toks[p.t1..d.t0];
            let joins = gap.len() <= 1 && gap.iter().all(|t| t.is_word("and") || t.is_punct(","));
            let distinct = !p
                .parts
                .iter()
                .any(|(_, u)| d.parts.iter().any(|(_, v)| u == v));
            if joins && distinct && !p.value.approximate && !d.value.approximate {
                p.t1 = d.t1;
                p.end = d.end;
                p.value = exact(p.value.min_seconds + d.value.min_seconds);
                p.parts.extend(d.parts);
                continue;
            }
        }
        merged.push(d);
    }
    let mut out = Vec::with_capacity(merged.len());
    for d in merged {
        if let Some((s, q)) = qualifier(toks, d.t0) {
            let v = d.value;
            let value = match q {
                "nearly" => DurationValue {
                    min_seconds: 0.9 * v.min_seconds,
                    max_seconds: v.max_seconds,
                    approximate: true,
                },
                "about" => DurationValue {
                    min_seconds: 0.9 * v.min_seconds,
                    max_seconds: 1.1 * v.max_seconds,
                    approximate: true,
                },
                "more" => DurationValue {
                    min_seconds: v.min_seconds,
                    max_seconds: f64::INFINITY,
                    approximate: v.approximate,
                },
                _ => DurationValue {
                    min_seconds: 0.0,
                    max_seconds: v.max_seconds,
                    approximate: v.approximate,
                },
            };
            out.push(DurSpan {
                t0: s,
                t1: d.t1,
                start: toks[s].start,
                end: d.end,
                value,
                parts: d.parts.clone(),
            });
        }
        out.push(d);
    }
    out
}

fn qualifier(toks: &[Tok], t0: usize) -> Option<(usize, &'static str)> {
    const Q: &[(&[&str], &str)] = &[
        (&["nearly"], "nearly"),
        (&["almost"], "nearly"),
        (&["close", "to"], "nearly"),
        (&["about"], "about"),
        (&["around"], "about"),
        (&["roughly"], "about"),
        (&["approximately"], "about"),
        (&["some"], "about"),
        (&["more", "than"], "more"),
        (&["over"], "more"),
        (&["at", "least"], "more"),
        (&["less", "than"], "less"),
        (&["under"], "less"),
        (&["up", "to"], "less"),
        (&["at", "most"], "less"),
        (&["within"], "less"),
    ];
    for (p, q) in Q {
        if t0 >= p.len()
            && toks[t0 - p.len()..t0]
                .iter()
                .zip(p.iter())
                .all(|(t, w)| t.lower == *w)
        {
            return Some((t0 - p.len(), q));
        }
    }
    None
}

/// "… and a half", "… and a quarter", "… and three quarters" after a
/// unit: the fraction of that unit and the tokens it takes.
fn and_fraction(toks: &[Tok], at: usize) -> Option<(f64, usize)> {
    const FRACTIONS: &[(&[&str], f64)] = &[
        (&["and", "a", "half"], 0.5),
        (&["and", "half"], 0.5),
        (&["and", "a", "quarter"], 0.25),
        (&["and", "three", "quarters"], 0.75),
        (&["and", "a", "third"], 1.0 / 3.0),
    ];
    FRACTIONS
        .iter()
        .find(|(words, _)| words_at(toks, at, words))
        .map(|(words, f)| (*f, words.len()))
}

#[cfg(test)]
mod tests {
    use crate::recognize::{MentionValue, Recognizer};

    fn durations(text: &str) -> Vec<(String, f64, f64)> {
        Recognizer::new()
            .scan(text, None)
            .into_iter()
            .filter_map(|m| match m.value {
                MentionValue::Duration(d) => Some((
                    text[m.start..m.end].to_string(),
                    d.min_seconds,
                    d.max_seconds,
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, f64, f64)] = &[
            ("The 70-minute event", "70-minute", 4200.0, 4200.0),
            ("for 70 minutes", "70 minutes", 4200.0, 4200.0),
            ("two hours", "two hours", 7200.0, 7200.0),
            ("3 hrs", "3 hrs", 10800.0, 10800.0),
            ("3h", "3h", 10800.0, 10800.0),
            (
                "a journey that took nearly a day",
                "nearly a day",
                77760.0,
                86400.0,
            ),
            (
                "a journey that took nearly a day",
                "a day",
                86400.0,
                86400.0,
            ),
            ("a decade", "a decade", 315_360_000.0, 315_360_000.0),
            ("half an hour", "half an hour", 1800.0, 1800.0),
            ("an hour and a half", "an hour and a half", 5400.0, 5400.0),
            (
                "an hour and a quarter",
                "an hour and a quarter",
                4500.0,
                4500.0,
            ),
            (
                "two hours and three quarters",
                "two hours and three quarters",
                9900.0,
                9900.0,
            ),
            ("for three days", "three days", 259_200.0, 259_200.0),
            (
                "first in 66 years",
                "66 years",
                66.0 * 31_536_000.0,
                66.0 * 31_536_000.0,
            ),
            ("several hours", "several hours", 10800.0, 32400.0),
            (
                "1 year 1 month 21 days",
                "1 year 1 month 21 days",
                35_942_400.0,
                35_942_400.0,
            ),
        ];
        for (text, span, lo, hi) in cases {
            let got = durations(text);
            assert!(
                got.iter()
                    .any(|(s, a, b)| s == span && (a - lo).abs() < 1e-6 && (b - hi).abs() < 1e-6),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn yields_nothing() {
        for text in [
            "",
            "10,000 troops",
            "the second of May",
            "3 m",
            "all of them",
            "a",
            "the 1990s",
            "the 70s",
        ] {
            assert!(durations(text).is_empty(), "{text}: {:?}", durations(text));
        }
    }
}

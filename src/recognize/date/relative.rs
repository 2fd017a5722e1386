//! Offsets from the reference date: "yesterday", "the previous day", "last
//! week", "next Friday", "Friday next week", "two weeks ago", "in three
//! days", "two days after tomorrow", "Q3".

use super::*;

/// Relative expressions.
pub(super) fn relative(cx: &Ctx, i: usize) -> Option<DateSpan> {
    if !opens_relative(cx, i) {
        return None;
    }
    relative_read(cx, i)
}

/// Whether a relative expression may start at `i`. Each one opens with a
/// time word or weekday (both anchors), a duration, or one of a few
/// function words; `relative` is asked at nearly every token near a date,
/// several times over by the parts that frame one, and most tokens are
/// none of these.
fn opens_relative(cx: &Ctx, i: usize) -> bool {
    let Some(t) = cx.toks.get(i) else {
        return false;
    };
    t.anchors()
        || cx.dur_at.get(i).is_some_and(Option::is_some)
        || matches!(
            t.lower.as_str(),
            "the"
                | "next"
                | "previous"
                | "last"
                | "past"
                | "this"
                | "current"
                | "coming"
                | "upcoming"
                | "following"
                | "on"
                | "in"
                | "within"
                | "q"
                | "h"
        )
}

/// [`relative`] without the opening check.
fn relative_read(cx: &Ctx, i: usize) -> Option<DateSpan> {
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
    for (p, n) in FIXED.iter().filter(|(p, _)| p.first() == Some(&w)) {
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

#[cfg(test)]
mod tests {
    use super::super::table::{each_context, nothing, resolves};

    /// No relative expression starts where the opening check says none
    /// may, at any token of any real line.
    #[test]
    fn relative_expressions_start_only_where_they_may() {
        let (mut skipped, mut lost) = (0, Vec::new());
        each_context(|text, cx| {
            for i in 0..cx.toks.len() {
                if !super::opens_relative(cx, i) {
                    skipped += 1;
                    if let Some(d) = super::relative_read(cx, i) {
                        lost.push(format!("{text:?} at {i}: {d:?}"));
                    }
                }
            }
        });
        assert!(lost.is_empty(), "{lost:#?}");
        assert!(skipped > 0);
    }

    #[test]
    fn offsets_from_the_reference_day() {
        resolves(&[
            ("yesterday", "yesterday", "2026-03-10", "2026-03-10"),
            (
                "the day before yesterday",
                "the day before yesterday",
                "2026-03-09",
                "2026-03-09",
            ),
            (
                "three weeks ago",
                "three weeks ago",
                "2026-02-18",
                "2026-02-18",
            ),
            (
                "two days later",
                "two days later",
                "2026-03-13",
                "2026-03-13",
            ),
            ("next Friday", "next Friday", "2026-03-20", "2026-03-20"),
            (
                "Friday next week",
                "Friday next week",
                "2026-03-20",
                "2026-03-20",
            ),
            ("last month", "last month", "2026-02-01", "2026-02-28"),
            (
                "The port will reopen in three days.",
                "in three days",
                "2026-03-14",
                "2026-03-14",
            ),
            ("results for Q3 2025", "Q3 2025", "2025-07-01", "2025-09-30"),
        ]);
    }

    #[test]
    fn repeated_and_open_time_words() {
        nothing(&["day after day", "for days on end", "week after week"]);
    }
}

//! Interval connectives: "between 2019 and 2021", "from May 2015 to June
//! 2018", "September 3-5", "from 4 to 22 January".

use super::*;

/// "between 2019 and 2021", "from May 2015 to June 2018": one more mention
/// spanning both ends, its period up to the second and the second kept as
/// `until` (see the module doc). The two ends stay reported on their own.
pub(super) fn ranges(toks: &[Tok], out: &mut Vec<DateSpan>) {
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
        // A spaced hyphen joins two whole dates ("12 January 2016 -
        // 22/01/2016"); glued, it is a compound or a score.
        let whole =
            |d: &DateSpan| d.mention.stated.day.is_some() && d.mention.stated.year.is_some();
        let spaced = sep.is_dash() && !sep.glued_left && !toks[b.t0].glued_left;
        let ok = ok || spaced && whole(a) && whole(b);
        let (Some(pa), Some(mut pb)) = (a.mention.period, b.mention.period) else {
            continue;
        };
        // A span runs forward: a second end whose year is not written
        // follows the first ("Oct. 2 to October 22" said in November).
        if pb.start <= pa.start
            && b.mention.stated.year.is_none()
            && b.mention.stated.month.is_some()
        {
            if let Some(next) = next_year(pb) {
                pb = next;
            }
        }
        if !ok || pb.start <= pa.start {
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
        let Some(end) = pb.start.pred_opt() else {
            continue;
        };
        let m = DateMention {
            stated: StatedDate::default(),
            relative: a.mention.relative || b.mention.relative,
            since: false,
            period: Some(Period {
                start: pa.start,
                end,
                granularity,
            }),
            part: None,
            time: None,
            until: Some(pb),
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

/// Days of one week: "next week between Wednesday and Friday", "this week
/// from Tue to Thur". The weekdays fall inside the week named, not where
/// the tense would put them alone.
pub(super) fn weekdays_in_week(cx: &Ctx, i: usize) -> Option<DateSpan> {
    if !opener_after_week(cx.toks, i) {
        return None;
    }
    weekdays_in_week_read(cx, i)
}

/// Whether "between" or "from" stands where it would after a week named
/// at `i`: a week takes at most three tokens ("the last week"). Asked at
/// every token near a date, this spares reading a frame at almost all.
fn opener_after_week(toks: &[Tok], i: usize) -> bool {
    toks.iter()
        .skip(i + 1)
        .take(3)
        .any(|t| t.is_word("between") || t.is_word("from"))
}

/// [`weekdays_in_week`] without the opener check.
fn weekdays_in_week_read(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let (week, e) = frame_at(cx, i).filter(|(p, _)| p.granularity == Granularity::Week)?;
    let opener = toks.get(e)?;
    let and_ok = opener.is_word("between");
    if !(and_ok || opener.is_word("from")) {
        return None;
    }
    let w1 = weekday_at(toks, e + 1)?;
    let sep = toks.get(e + 2)?;
    let sep_ok = if and_ok {
        sep.is_word("and")
    } else {
        sep.is_dash() || matches!(sep.lower.as_str(), "to" | "through" | "until" | "till")
    };
    let w2 = weekday_at(toks, e + 3).filter(|_| sep_ok)?;
    let (d1, d2) = (nth_weekday_in(week, w1)?, nth_weekday_in(week, w2)?);
    if d2.start <= d1.start {
        return None;
    }
    let period = Period {
        start: d1.start,
        end: d2.start.pred_opt()?,
        granularity: Granularity::Day,
    };
    let mut m = mention(StatedDate::default(), true, Some(period));
    m.until = Some(d2);
    Some(span(i, e + 4, m))
}

/// The same period a year later.
fn next_year(p: Period) -> Option<Period> {
    let start = shift_months(p.start, 12)?;
    let end = match p.granularity {
        Granularity::Month => month_period(start.year(), start.month())?.end,
        _ => shift_months(p.end, 12)?,
    };
    Some(Period { start, end, ..p })
}

/// Days of one month: "September 3-5", "3–5 September 2025", "from 4 to 22
/// January, 1995", "between 3 and 12 of Sept", "November between 19 and
/// 20", "from 4 to 22 this month", "from 4 to January 22". The last day is
/// the span's `until`, as in [`ranges`].
pub(super) fn day_range(cx: &Ctx, i: usize) -> Option<DateSpan> {
    // It opens with a month (an anchor), a day (a number) or its opener.
    let opener = || {
        cx.toks
            .get(i)
            .is_some_and(|t| t.is_word("from") || t.is_word("between"))
    };
    if !(cx.anchored_at(i) || opener()) {
        return None;
    }
    day_range_read(cx, i)
}

/// [`day_range`] without the check of its first token.
pub(super) fn day_range_read(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let opener_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.is_word("from") || t.is_word("between"))
    };
    // A month may lead, before the opener ("November between 19 and 20")
    // or after it ("from September 3 to 5").
    let lead = month_at(toks, i).filter(|&(_, k)| opener_at(k) || cx.day_at(k).is_some());
    let mut j = lead.map_or(i, |(_, k)| k);
    let opener = opener_at(j);
    if opener {
        j += 1;
    }
    let lead_month = match lead {
        Some((m, _)) => Some(m),
        None => month_at(toks, j).map(|(m, k)| {
            j = k;
            m
        }),
    };
    let is_sep = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.is_dash()
                || matches!(t.lower.as_str(), "to" | "through" | "until" | "till")
                || (opener && t.is_word("and"))
        })
    };
    let (d1, e1) = cx.day_at(j)?;
    if !is_sep(e1) {
        return None;
    }
    // The month, or a month framed relatively ("this month", "next
    // month"), after the second day; or a month-first second end ("from 4
    // to January 22").
    let (m, d2, frame_year, mut e) = if let Some(m) = lead_month {
        let (d2, e2) = cx.day_at(e1 + 1)?;
        if month_at(toks, e2).is_some() {
            return None;
        }
        (m, d2, None, e2)
    } else if let Some((d2, mut e2)) = cx.day_at(e1 + 1) {
        if toks
            .get(e2)
            .is_some_and(|t| t.is_word("of") || t.is_word("in"))
        {
            e2 += 1;
        }
        match month_at(toks, e2) {
            Some((m, e3)) => (m, d2, None, e3),
            None => {
                let (p, e3) = frame_at(cx, e2).filter(|(p, _)| {
                    p.granularity == Granularity::Month && cx.year_at(e2, false).is_none()
                })?;
                (p.start.month(), d2, Some(p.start.year()), e3)
            }
        }
    } else if opener {
        let (m, k) = month_at(toks, e1 + 1)?;
        let (d2, e2) = cx.day_at(k)?;
        (m, d2, None, e2)
    } else {
        return None;
    };
    if d2 <= d1 {
        return None;
    }
    let year = cx.year_after_comma(e).map(|(y, e2)| {
        e = e2;
        y
    });
    let y = match year.or(frame_year) {
        Some(y) => Some(y),
        None => cx.resolve_md(m, d1, i).map(|p| p.start.year()),
    };
    let period = y.and_then(|y| {
        Some(Period {
            start: ymd(y, m, d1)?,
            end: ymd(y, m, d2 - 1)?,
            granularity: Granularity::Day,
        })
    });
    let until = y.and_then(|y| ymd(y, m, d2)).map(day_period);
    let stated = StatedDate {
        year,
        month: Some(m),
        ..Default::default()
    };
    let mut m = mention(stated, false, period);
    m.until = until;
    Some(span(i, e, m))
}

#[cfg(test)]
mod tests {
    use super::super::table::{each_context, nothing, spans};

    /// Weekdays in a week are found only where the opener check lets them
    /// be looked for, at any token of any real line.
    #[test]
    fn weekdays_in_a_week_need_an_opener_near() {
        let (mut skipped, mut lost) = (0, Vec::new());
        each_context(|text, cx| {
            for i in 0..cx.toks.len() {
                if !super::opener_after_week(cx.toks, i) {
                    skipped += 1;
                    if let Some(d) = super::weekdays_in_week_read(cx, i) {
                        lost.push(format!("{text:?} at {i}: {d:?}"));
                    }
                }
            }
        });
        assert!(lost.is_empty(), "{lost:#?}");
        assert!(skipped > 0);
    }

    #[test]
    fn spans_hold_their_firm_part_and_their_second_end() {
        spans(&[
            (
                "between 2019 and 2021",
                "between 2019 and 2021",
                "2019-01-01",
                "2020-12-31",
                "2021-12-31",
            ),
            (
                "served in 2014-2018, then left",
                "2014-2018",
                "2014-01-01",
                "2017-12-31",
                "2018-12-31",
            ),
            (
                "from 4 to 22 January 1995",
                "from 4 to 22 January 1995",
                "1995-01-04",
                "1995-01-21",
                "1995-01-22",
            ),
            (
                "The fair ran November 19-20.",
                "November 19-20",
                "2025-11-19",
                "2025-11-19",
                "2025-11-20",
            ),
            (
                "Stalls open from 3 to 5 this month.",
                "from 3 to 5 this month",
                "2026-03-03",
                "2026-03-04",
                "2026-03-05",
            ),
            (
                "Tickets sold November between 19 and 21.",
                "November between 19 and 21",
                "2025-11-19",
                "2025-11-20",
                "2025-11-21",
            ),
            (
                "a spell from 4 to January 22, 1995",
                "from 4 to January 22, 1995",
                "1995-01-04",
                "1995-01-21",
                "1995-01-22",
            ),
            (
                "January 12, 2016 - 01/22/2016",
                "January 12, 2016 - 01/22/2016",
                "2016-01-12",
                "2016-01-21",
                "2016-01-22",
            ),
        ]);
    }

    #[test]
    fn a_span_runs_forward() {
        // Read alone, 2 January is next year's (future tense) and 22
        // February last month's; as the end of a span it follows the start.
        spans(&[(
            "The show will run from Jan. 2 to February 22.",
            "from Jan. 2 to February 22",
            "2027-01-02",
            "2027-02-21",
            "2027-02-22",
        )]);
    }

    #[test]
    fn number_pairs_that_are_not_spans() {
        nothing(&[
            "a 3-5 defeat",
            "between 2 and 3 percent",
            "from 4 to 22 people",
        ]);
    }

    #[test]
    fn weekdays_fall_inside_the_week_named() {
        spans(&[
            (
                "Talks resume next week between Tuesday and Thursday.",
                "next week between Tuesday and Thursday",
                "2026-03-17",
                "2026-03-18",
                "2026-03-19",
            ),
            (
                "The clinic closed last week from Mon to Wed.",
                "last week from Mon to Wed",
                "2026-03-02",
                "2026-03-03",
                "2026-03-04",
            ),
        ]);
    }
}

//! Positions inside a period: "the first Friday of July", "the third week of
//! 2027", "Q3 2016", "the 20th of next month", "week 10".

use super::*;

/// "the first Friday", "last", "the third week": a position 1–5 or last (-1).
pub(super) fn position_at(cx: &Ctx, j: usize) -> Option<(i32, usize)> {
    let t = cx.toks.get(j)?;
    if t.is_word("last") {
        return Some((-1, j + 1));
    }
    let n = cx.num_at.get(j).copied().flatten()?;
    (n.kind == NumberKind::Ordinal && (1.0..=5.0).contains(&n.value))
        .then_some((n.value as i32, n.t1))
}

/// "the first Friday of July", "the third week of 2027", "the third quarter
/// of 2016", "the first half of 2025".
pub(super) fn position(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let r = cx.reference;
    let w = toks.get(i)?.lower.as_str();
    let rel = |t0: usize, t1: usize, p: Option<Period>| {
        Some(span(t0, t1, mention(StatedDate::default(), true, p)))
    };
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
    None
}

/// "the 20th of next month".
pub(super) fn day_of_relative_month(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let r = cx.reference;
    let w = toks.get(i)?.lower.as_str();
    let j = if w == "the" { i + 1 } else { i };
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
    None
}

/// "2016 Q3", "2016H2", "2016 the third quarter", "2016, nov", "2016 June".
pub(super) fn year_then_part(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
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
    None
}

/// "week 10": ISO week of the reference year.
pub(super) fn week_number(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let r = cx.reference;
    let w = toks.get(i)?.lower.as_str();
    let rel = |t0: usize, t1: usize, p: Option<Period>| {
        Some(span(t0, t1, mention(StatedDate::default(), true, p)))
    };
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
    None
}

#[cfg(test)]
mod tests {
    use super::super::table::{nothing, resolves};

    #[test]
    fn positions_inside_periods() {
        resolves(&[
            (
                "the first Friday of July",
                "the first Friday of July",
                "2026-07-03",
                "2026-07-03",
            ),
            (
                "the last Monday of May 2025",
                "the last Monday of May 2025",
                "2025-05-26",
                "2025-05-26",
            ),
            (
                "the third quarter of 2024",
                "the third quarter of 2024",
                "2024-07-01",
                "2024-09-30",
            ),
            (
                "the 20th of next month",
                "the 20th of next month",
                "2026-04-20",
                "2026-04-20",
            ),
            ("in week 12", "week 12", "2026-03-16", "2026-03-22"),
            ("2016 Q3", "2016 Q3", "2016-07-01", "2016-09-30"),
        ]);
    }

    #[test]
    fn ordinals_without_a_period() {
        nothing(&["the first of many", "the third of five speakers"]);
    }
}

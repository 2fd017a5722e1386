//! Stretches of days measured from a day: "the week of the 18th", "for 3 days
//! from today", "the weekend", "the past two weeks", "within 5 days".

use super::*;

/// "the week of the 18th", "the week starting February 4", "w/c Feb 4".
pub(super) fn week_of(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let w = toks.get(i)?.lower.as_str();
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
    None
}

/// "for 3 days from today", "a week starting tomorrow", "2 weeks starting May 20th".
pub(super) fn stretch_from(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let w = toks.get(i)?.lower.as_str();
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
    None
}

/// "the week after next", "the weekend", "this weekend".
pub(super) fn after_next(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let r = cx.reference;
    let w = toks.get(i)?.lower.as_str();
    let rel = |t0: usize, t1: usize, p: Option<Period>| {
        Some(span(t0, t1, mention(StatedDate::default(), true, p)))
    };
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
    None
}

/// "next 3 days", "the past 2 decades", "within 5 days", "4 weeks in the future".
pub(super) fn stretch(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let r = cx.reference;
    let w = toks.get(i)?.lower.as_str();
    let rel = |t0: usize, t1: usize, p: Option<Period>| {
        Some(span(t0, t1, mention(StatedDate::default(), true, p)))
    };
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

#[cfg(test)]
mod tests {
    use super::super::table::{nothing, resolves};

    #[test]
    fn stretches_of_days() {
        resolves(&[
            (
                "in the past two weeks",
                "the past two weeks",
                "2026-02-25",
                "2026-03-10",
            ),
            (
                "within five days",
                "within five days",
                "2026-03-11",
                "2026-03-15",
            ),
            (
                "the week of March 16",
                "the week of March 16",
                "2026-03-16",
                "2026-03-22",
            ),
            ("this weekend", "this weekend", "2026-03-14", "2026-03-15"),
            (
                "for three days from today",
                "for three days from today",
                "2026-03-11",
                "2026-03-13",
            ),
            (
                "the week after next",
                "the week after next",
                "2026-03-23",
                "2026-03-29",
            ),
        ]);
    }

    #[test]
    fn stretches_without_a_measure() {
        nothing(&["in the past", "a two-week trip"]);
    }
}

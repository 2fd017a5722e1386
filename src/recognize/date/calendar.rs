//! Calendar arithmetic on periods: days, weeks (Monday–Sunday), months,
//! years, quarters, the early/mid/late parts of a period, shifts by a
//! duration. No text here: the grammar parts build on these.

use super::*;

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn day_period(d: NaiveDate) -> Period {
    Period {
        start: d,
        end: d,
        granularity: Granularity::Day,
    }
}

pub(super) fn month_period(y: i32, m: u32) -> Option<Period> {
    let start = ymd(y, m, 1)?;
    let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
    Some(Period {
        start,
        end,
        granularity: Granularity::Month,
    })
}

pub(super) fn year_period(y: i32) -> Option<Period> {
    Some(Period {
        start: ymd(y, 1, 1)?,
        end: ymd(y, 12, 31)?,
        granularity: Granularity::Year,
    })
}

pub(super) fn years_period(y0: i32, y1: i32, g: Granularity) -> Option<Period> {
    Some(Period {
        start: ymd(y0, 1, 1)?,
        end: ymd(y1, 12, 31)?,
        granularity: g,
    })
}

pub(super) fn week_period(d: NaiveDate) -> Option<Period> {
    let start = d.checked_sub_days(Days::new(d.weekday().num_days_from_monday() as u64))?;
    Some(Period {
        start,
        end: start.checked_add_days(Days::new(6))?,
        granularity: Granularity::Week,
    })
}

pub(super) fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub(super) fn shift_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// The day of week `wd` inside the Monday–Sunday week `w`.
pub(super) fn nth_weekday_in(w: Period, wd: Weekday) -> Option<Period> {
    shift_days(w.start, wd.num_days_from_monday() as i64).map(day_period)
}

/// Reference date moved by a compound duration ("1 month 21 days").
pub(super) fn apply_parts(d: NaiveDate, parts: &[(f64, f64)], sign: i64) -> Option<NaiveDate> {
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

/// Monday of the `n`th week of a month (weeks are counted by their
/// Thursday, as ISO weeks are), or of its last week for `n == -1`.
pub(super) fn week_of_month(y: i32, m: u32, n: i32) -> Option<NaiveDate> {
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

pub(super) fn week_from(monday: NaiveDate) -> Option<Period> {
    Some(Period {
        start: monday,
        end: shift_days(monday, 6)?,
        granularity: Granularity::Week,
    })
}

pub(super) fn weekend(w: Period) -> Period {
    Period {
        start: w.start + Days::new(5),
        end: w.end,
        granularity: Granularity::Day,
    }
}

/// Quarter (`per` = 3) or half (`per` = 6) number `n` of year `y`.
pub(super) fn quarter(y: i32, n: u32, per: u32) -> Option<Period> {
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

/// The early/middle/late part of a period. Years: halves for early/late,
/// thirds for beginning/middle/end (Jan–Apr, May–Aug, Sep–Dec); months:
/// 1–15, 11–20, 16–end; weeks: Mon–Wed, Tue–Fri, Thu–Sun.
pub(super) fn portion(p: Period, which: &str) -> Option<Period> {
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

#[cfg(test)]
mod tests {
    use super::super::table::day as d;
    use super::*;

    #[test]
    fn quarters_and_halves() {
        let q = quarter(2024, 3, 3).map(|p| (p.start, p.end));
        assert_eq!(q, Some((d("2024-07-01"), d("2024-09-30"))));
        let h = quarter(2024, 2, 6).map(|p| (p.start, p.end));
        assert_eq!(h, Some((d("2024-07-01"), d("2024-12-31"))));
        assert_eq!(quarter(2024, 5, 3), None);
        assert_eq!(quarter(2024, 0, 3), None);
    }

    #[test]
    fn weeks_of_a_month_count_by_their_thursday() {
        // 1 March 2026 is a Sunday: the month's first week starts on the 2nd.
        assert_eq!(week_of_month(2026, 3, 1), Some(d("2026-03-02")));
        // Its last Thursday is the 26th: the last week starts on the 23rd.
        assert_eq!(week_of_month(2026, 3, -1), Some(d("2026-03-23")));
    }

    #[test]
    fn portions_of_a_month() {
        let march = month_period(2026, 3).map(|m| portion(m, "late"));
        let p = march.flatten().map(|p| (p.start, p.end));
        assert_eq!(p, Some((d("2026-03-16"), d("2026-03-31"))));
        assert_eq!(month_period(2026, 3).and_then(|m| portion(m, "soon")), None);
    }
}

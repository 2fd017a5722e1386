//! Dates written in digits: "2025-09-03", "9/3/2025", "21/04/16",
//! "13.5.2015", "2016-11", "11/2016", "4/22", "2019-sep-1", and year
//! ranges "2014-2018".

use super::*;

/// Digit dates: "2025-09-03", "9/3/2025", "21/04/16", "13.5.2015", "2016-11", "11/2016", "4/22".
pub(super) fn numeric(cx: &Ctx, i: usize) -> Option<DateSpan> {
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
            // A span: up to its second year, which is kept (see `interval`).
            let mut m = mention(
                StatedDate::default(),
                false,
                years_period(av, by - 1, Granularity::Year),
            );
            m.until = year_period(by);
            return Some(span(i, i + 3, m));
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

#[cfg(test)]
mod tests {
    use super::super::table::{nothing, resolves};

    #[test]
    fn digit_dates() {
        resolves(&[
            ("filed 2025-09-03", "2025-09-03", "2025-09-03", "2025-09-03"),
            ("dated 9/3/2025", "9/3/2025", "2025-09-03", "2025-09-03"),
            // A first number above 12 cannot be the month.
            ("dated 21/04/2016", "21/04/2016", "2016-04-21", "2016-04-21"),
            ("dated 13.5.2015", "13.5.2015", "2015-05-13", "2015-05-13"),
            ("the 2016-11 figures", "2016-11", "2016-11-01", "2016-11-30"),
            ("on 2019-aug-1", "2019-aug-1", "2019-08-01", "2019-08-01"),
        ]);
    }

    #[test]
    fn digits_that_are_not_dates() {
        nothing(&[
            "3/4 of voters",
            "1.2.3",
            "a 2-1 win",
            "the Boeing 737-800",
            "call 555-1234",
        ]);
    }
}

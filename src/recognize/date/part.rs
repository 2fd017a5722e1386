//! Parts of a period: "early next year", "the end of March", "later this
//! month", "the rest of the week". The period framed is any month, year,
//! week or relative period; the part is cut by [`calendar::portion`].

use super::*;

/// A period that frames a part of it: "this month", "next year", "the
/// week", "July", "June 2016", "2016".
pub(super) fn frame_at(cx: &Ctx, j: usize) -> Option<(Period, usize)> {
    let toks = cx.toks;
    let t = toks.get(j)?;
    // "this month", and after "of" the bare unit: "the rest of week".
    let det = matches!(t.lower.as_str(), "the" | "my" | "this" | "current" | "that");
    let bare = j > 0 && toks[j - 1].is_word("of");
    if det || bare {
        let k = if det { j + 1 } else { j };
        let unit = toks.get(k).map(|u| u.lower.as_str());
        let r = cx.reference;
        let p = match unit {
            Some("week") => r.and_then(week_period),
            Some("month") => r.and_then(|d| month_period(d.year(), d.month())),
            Some("year") => r.and_then(|d| year_period(d.year())),
            _ => None,
        };
        if let Some(p) = p {
            return Some((p, k + 1));
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

/// "early next year", "the end of March", "later this month", "rest of the week".
pub(super) fn part_of_period(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let r = cx.reference;
    let w = toks.get(i)?.lower.as_str();
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
                "later" => r.map(|d| Period {
                    start: d,
                    end: p.end,
                    granularity: Granularity::Day,
                }),
                // "the rest of the week" runs from today to the week's last
                // day: a span, read as `interval` reads one.
                "rest" => r.and_then(|d| {
                    Some(Period {
                        start: d,
                        end: p.end.pred_opt()?.max(d),
                        granularity: Granularity::Day,
                    })
                }),
                _ => portion(p, which),
            };
            if out.is_some() || r.is_none() {
                let relative = !toks[j..e].iter().any(|t| t.kind == TokKind::Num);
                let stated = StatedDate::default();
                let mut m = mention(stated, relative || r.is_none() && out.is_none(), out);
                if which == "rest" && out.is_some_and(|o| o.end < p.end) {
                    m.until = Some(day_period(p.end));
                }
                return Some(span(i, e, m));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::table::{nothing, resolves, spans};

    #[test]
    fn parts_of_periods() {
        resolves(&[
            (
                "early next year",
                "early next year",
                "2027-01-01",
                "2027-06-30",
            ),
            (
                "by the end of March",
                "the end of March",
                "2026-03-16",
                "2026-03-31",
            ),
            (
                "later this month",
                "later this month",
                "2026-03-11",
                "2026-03-31",
            ),
            ("in mid-2024", "mid-2024", "2024-05-01", "2024-08-31"),
        ]);
        // "The rest of" runs to the period's last day, read as a span.
        spans(&[(
            "closed for the rest of the week",
            "rest of the week",
            "2026-03-11",
            "2026-03-14",
            "2026-03-15",
        )]);
    }

    #[test]
    fn part_words_without_a_period() {
        nothing(&[
            "late fees apply",
            "the end of the road",
            "early voters queued",
        ]);
    }
}

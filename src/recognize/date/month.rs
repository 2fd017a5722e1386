//! Month names and month-day dates: "September 3", "Sept. 3rd, 2025", "3
//! September 2025", "22 of Jan", "June 2016", "June next year".

use super::*;

/// A month name at `i` (with its abbreviation dot), or None. "May" and
/// "March" need a capital or a following number to be months.
pub(super) fn month_at(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
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
        // Between digits in a written date: "2019-aug-1", "2019/dec/01".
        let in_digits = i >= 2
            && toks[i - 1].glued_left
            && t.glued_left
            && (toks[i - 1].is_dash() || toks[i - 1].is_punct("/"))
            && toks[i - 2].kind == TokKind::Num;
        if !(next_num || in_digits || sentence_lower && t.lower != "may" && t.lower != "march") {
            return None;
        }
    }
    let mut e = i + 1;
    let dot = toks.get(e).is_some_and(|d| d.is_punct(".") && d.glued_left);
    let num_after = toks.get(e + 1).is_some_and(|n| n.kind == TokKind::Num);
    // "Sept." takes its dot; "July." ends a sentence.
    let abbreviated = t.lower.len() <= 4 && !matches!(t.lower.as_str(), "may" | "june" | "july");
    if dot && (abbreviated || num_after) {
        e += 1;
    }
    Some((m, e))
}

impl Ctx<'_> {
    /// A day of month at `j`: "3", "3rd", "twenty-first", "first".
    /// A year at `k`, after an optional comma: the tail of "Sept. 3, 2025".
    pub(super) fn year_after_comma(&self, k: usize) -> Option<(i32, usize)> {
        let k = if self.toks.get(k).is_some_and(|c| c.is_punct(",")) {
            k + 1
        } else {
            k
        };
        self.year_at(k, false)
    }

    /// A month-and-day date spanning tokens `i..e`, with the year that may
    /// follow it; without one, the year is resolved against the reference.
    pub(super) fn month_and_day(&self, i: usize, e: usize, m: u32, d: u32) -> DateSpan {
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

    pub(super) fn resolve_md(&self, m: u32, d: u32, i: usize) -> Option<Period> {
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
}

/// Month-name dates, optionally with a weekday in front.
pub(super) fn absolute(cx: &Ctx, i: usize) -> Option<DateSpan> {
    // It opens with a weekday, a month (both anchors) or a day, which is
    // a number, perhaps after "the".
    let the_day = || cx.toks.get(i).is_some_and(|t| t.is_word("the")) && cx.anchored_at(i + 1);
    if !(cx.anchored_at(i) || the_day()) {
        return None;
    }
    absolute_read(cx, i)
}

/// [`absolute`] without the check of its first token.
pub(super) fn absolute_read(cx: &Ctx, i: usize) -> Option<DateSpan> {
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

pub(super) fn month_day(cx: &Ctx, i: usize) -> Option<DateSpan> {
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
    // Day first: "3 September 2025", "1st Jan", "22 of Jan", "second of
    // Aug", "16. Nov. 2016", "the 3rd of September".
    let the = usize::from(toks.get(i).is_some_and(|t| t.is_word("the")));
    let (d, mut j) = cx.day_at(i + the)?;
    if toks
        .get(j)
        .is_some_and(|c| c.is_word("of") || c.is_punct("."))
    {
        j += 1;
    }
    let (m, e) = month_at(toks, j)?;
    Some(cx.month_and_day(i, e, m, d))
}

#[cfg(test)]
mod tests {
    use super::super::table::{nothing, resolves};

    #[test]
    fn month_and_day_in_either_order() {
        resolves(&[
            (
                "The treaty was signed on March 4, 2024.",
                "March 4, 2024",
                "2024-03-04",
                "2024-03-04",
            ),
            (
                "She landed 4 March 2024 in Lagos.",
                "4 March 2024",
                "2024-03-04",
                "2024-03-04",
            ),
            (
                "The rally was held on 22nd of February.",
                "22nd of February",
                "2026-02-22",
                "2026-02-22",
            ),
            (
                "It was founded on the 3rd of September 1939.",
                "the 3rd of September 1939",
                "1939-09-03",
                "1939-09-03",
            ),
            // A year left out is the one the tense points to.
            (
                "Rent will be due by Sept. 30",
                "Sept. 30",
                "2026-09-30",
                "2026-09-30",
            ),
        ]);
    }

    #[test]
    fn months_alone_and_with_a_year() {
        resolves(&[
            (
                "The plant opened in June 2016.",
                "June 2016",
                "2016-06-01",
                "2016-06-30",
            ),
            (
                "Elections are set for June next year.",
                "June next year",
                "2027-06-01",
                "2027-06-30",
            ),
            (
                "Sales slowed in February.",
                "February",
                "2026-02-01",
                "2026-02-28",
            ),
        ]);
    }

    #[test]
    fn may_and_march_as_words() {
        nothing(&[
            "You may go now.",
            "a march on the capital",
            "the march was peaceful",
        ]);
    }
}

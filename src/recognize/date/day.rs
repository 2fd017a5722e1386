//! Days of the month said alone: "on the 27th", "on 15", "the 18th" after
//! a frame word; and the single-day look-up other parts share.

use super::*;

impl Ctx<'_> {
    pub(super) fn day_at(&self, j: usize) -> Option<(u32, usize)> {
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

    pub(super) fn resolve_day(&self, d: u32, i: usize) -> Option<Period> {
        let r = self.reference?;
        let first = ymd(r.year(), r.month(), 1)?;
        let cands: Vec<NaiveDate> = (-1..=1)
            .filter_map(|k| shift_months(first, k))
            .filter_map(|f| ymd(f.year(), f.month(), d))
            .collect();
        pick(&cands, r, self.tense_at(i)).map(day_period)
    }
}

/// "on the 27th", "for the 27", "on 15" at the end of a clause.
pub(super) fn bare_day(cx: &Ctx, i: usize) -> Option<DateSpan> {
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
    // A dash glued to the number makes a compound ("the two-day summit"),
    // not the end of a clause.
    let ends = toks.get(e).is_none_or(|x| {
        x.kind == TokKind::Punct && !x.is_punct("%") && !(x.is_dash() && x.glued_left)
    });
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

/// "the 18th" anywhere (after a frame word the noun check is not needed).
pub(super) fn bare_day_any(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let j = if cx.toks.get(i)?.is_word("the") {
        i + 1
    } else {
        i
    };
    let (d, e) = cx.day_at(j)?;
    let stated = StatedDate {
        day: Some(d),
        ..Default::default()
    };
    Some(span(i, e, mention(stated, true, cx.resolve_day(d, i))))
}

/// A single day at `k`, from any of the day-level recognizers.
pub(super) fn day_at_any(cx: &Ctx, k: usize) -> Option<DateSpan> {
    absolute(cx, k)
        .or_else(|| numeric(cx, k))
        .or_else(|| relative(cx, k))
        .or_else(|| bare_day_any(cx, k))
        .filter(|d| {
            d.mention
                .period
                .is_none_or(|p| p.granularity == Granularity::Day)
        })
}

#[cfg(test)]
mod tests {
    use super::super::table::{nothing, resolves};

    #[test]
    fn days_of_the_month_said_alone() {
        resolves(&[
            // Future tense: the next 27th; past tense: the last 2nd.
            (
                "The ferry will sail on the 27th.",
                "the 27th",
                "2026-03-27",
                "2026-03-27",
            ),
            (
                "The ballot was counted on the 2nd.",
                "the 2nd",
                "2026-03-02",
                "2026-03-02",
            ),
            // No tense: the nearest 15th.
            ("Talks resume on 15.", "15", "2026-03-15", "2026-03-15"),
        ]);
    }

    #[test]
    fn ordinals_and_counts_are_not_days() {
        nothing(&[
            "the second round of talks",
            "on 15 occasions",
            "a second time",
            "the 27 members",
        ]);
    }
}

//! Weekdays: "on Wednesday", "Sunday's earthquake", "Thu.". A bare
//! weekday resolves by tense to the nearest such day.

use super::*;

pub(super) fn weekday_at(toks: &[Tok], i: usize) -> Option<Weekday> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    // "Sunday's earthquake": the possessive names the day too.
    let word = t
        .lower
        .strip_suffix("'s")
        .or_else(|| t.lower.strip_suffix("’s"))
        .unwrap_or(&t.lower);
    let (wd, short) = weekday(word)?;
    if short
        && !t.capital
        && !toks
            .get(i + 1)
            .is_some_and(|n| n.is_punct(",") || n.is_punct("."))
    {
        return None;
    }
    if named_day(toks, i) {
        return None;
    }
    Some(wd)
}

/// Words that stand capitalised before a weekday in a date ("On Friday",
/// "Last Sunday", "Early Monday", "Friday And Saturday" in a headline).
const LEADS: &[&str] = &[
    "on", "by", "until", "till", "since", "from", "through", "last", "next", "this", "that",
    "each", "every", "early", "late", "before", "after", "and", "or", "but", "between", "come",
    "as", "of", "at", "in", "for", "to", "mid", "until", "starting", "since", "from",
];

/// "Bloody Sunday", "Man Friday", "Super Tuesday", "Easter Monday": a
/// capitalised word right before a capitalised weekday makes a name (of a
/// person, an event, a holiday), not the nearest such day.
fn named_day(toks: &[Tok], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    toks[i].capital
        && p.kind == TokKind::Word
        && p.capital
        && !LEADS.contains(&p.lower.as_str())
        && weekday(&p.lower).is_none()
        && month(&p.lower).is_none()
}

impl Ctx<'_> {
    pub(super) fn resolve_weekday(&self, wd: Weekday, i: usize) -> Option<Period> {
        let r = self.reference?;
        let cands: Vec<NaiveDate> = (-7..=7)
            .filter_map(|k| shift_days(r, k))
            .filter(|d| d.weekday() == wd)
            .collect();
        pick(&cands, r, self.tense_at(i)).map(day_period)
    }
}

pub(super) fn bare_weekday(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let wd = weekday_at(cx.toks, i)?;
    let stated = StatedDate {
        weekday: Some(wd),
        ..Default::default()
    };
    Some(span(
        i,
        i + 1,
        mention(stated, true, cx.resolve_weekday(wd, i)),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::table::{nothing, resolves};

    #[test]
    fn weekdays_by_tense() {
        resolves(&[
            (
                "The summit was held on Friday.",
                "Friday",
                "2026-03-06",
                "2026-03-06",
            ),
            (
                "Ministers will meet on Monday.",
                "Monday",
                "2026-03-16",
                "2026-03-16",
            ),
            (
                "Sunday's vote surprised many.",
                "Sunday's",
                "2026-03-08",
                "2026-03-08",
            ),
        ]);
    }

    #[test]
    fn named_days_and_common_words() {
        nothing(&[
            "the servant known as Man Friday",
            "marches to mark Bloody Sunday",
            "queues for Black Friday sales",
            "the Super Tuesday primaries",
            "the sun rose",
        ]);
    }
}

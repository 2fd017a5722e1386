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
    Some(wd)
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

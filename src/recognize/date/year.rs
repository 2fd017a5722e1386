//! Years, decades and centuries: "in 2023", "since 2019", "nineteen
//! seventy eight", "the 1990s", "the seventies", "the 21st century". A
//! four-digit number is a year only after a date cue.

use super::*;

pub(super) fn two_digit_year(v: i32) -> i32 {
    if v < 50 { 2000 + v } else { 1900 + v }
}

impl Ctx<'_> {
    /// A year at `j`: "2025", "nineteen seventy eight", "two thousand and
    /// eighteen". `two_digit` allows "'99" style after a month.
    pub(super) fn year_at(&self, j: usize, two_digit: bool) -> Option<(i32, usize)> {
        let t = self.toks.get(j)?;
        if t.kind == TokKind::Num {
            if !t.plain_digits
                || self
                    .toks
                    .get(j + 1)
                    .is_some_and(|n| n.glued_left && n.kind == TokKind::Word)
            {
                return None;
            }
            let v = t.value as i32;
            if t.lower.len() == 4 && (1000..=2999).contains(&v) {
                return Some((v, j + 1));
            }
            if two_digit && t.lower.len() == 2 {
                return Some((two_digit_year(v), j + 1));
            }
            return None;
        }
        // "nineteen seventy eight", "nineteen zero one", "twenty twenty"
        if let Some(NumWord::Teen(hi) | NumWord::Tens(hi)) = num_word(&t.lower) {
            let mut k = j + 1;
            let lo = match self.toks.get(k).map(|x| num_word(&x.lower)) {
                Some(Some(NumWord::Tens(v))) => {
                    k += 1;
                    if self.toks.get(k).is_some_and(|d| d.is_dash()) {
                        k += 1;
                    }
                    match self.toks.get(k).map(|x| num_word(&x.lower)) {
                        Some(Some(NumWord::Unit(u))) => {
                            k += 1;
                            v + u
                        }
                        _ => {
                            if self.toks.get(k - 1).is_some_and(|d| d.is_dash()) {
                                k -= 1;
                            }
                            v
                        }
                    }
                }
                Some(Some(NumWord::Teen(v))) => {
                    k += 1;
                    v
                }
                Some(Some(NumWord::Zero)) | Some(None)
                    if self.toks.get(k).is_some_and(|x| {
                        x.is_word("zero") || x.is_word("oh") || x.is_word("o")
                    }) =>
                {
                    match self.toks.get(k + 1).map(|x| num_word(&x.lower)) {
                        Some(Some(NumWord::Unit(u))) => {
                            k += 2;
                            u
                        }
                        _ => return None,
                    }
                }
                Some(Some(NumWord::Hundred)) => {
                    k += 1;
                    0.0
                }
                _ => return None,
            };
            let y = (hi * 100.0 + lo) as i32;
            if (1000..=2999).contains(&y) {
                return Some((y, k));
            }
        }
        let n = self.num_at.get(j).copied().flatten()?;
        if n.words && n.kind == NumberKind::Integer && (1000.0..=2999.0).contains(&n.value) {
            return Some((n.value as i32, n.t1));
        }
        None
    }
}

pub(super) const CUES: &[&str] = &[
    "in",
    "since",
    "of",
    "by",
    "until",
    "till",
    "before",
    "after",
    "from",
    "during",
    "year",
    "between",
    "through",
    "to",
    "around",
    "circa",
    "early",
    "mid",
    "late",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "and",
    "as",
    "for",
    "throughout",
    "fiscal",
];

/// "in 2023", "since 2019", "year 247", "In nineteen twenty eight".
pub(super) fn year_with_cue(cx: &Ctx, i: usize) -> Option<DateSpan> {
    // A year is digits, number words (anchors) or a number.
    if !cx.anchored_at(i) {
        return None;
    }
    year_with_cue_read(cx, i)
}

/// [`year_with_cue`] without the check of its first token.
pub(super) fn year_with_cue_read(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let prev = toks.get(i.checked_sub(1)?)?;
    if prev.kind != TokKind::Word || !CUES.contains(&prev.lower.as_str()) {
        return None;
    }
    let (y, e) = if prev.is_word("year") {
        let n = cx.num_at.get(i).copied().flatten()?;
        if n.value.fract() != 0.0
            || !(1.0..=9999.0).contains(&n.value)
            || n.kind != NumberKind::Integer
        {
            return None;
        }
        (n.value as i32, n.t1)
    } else {
        cx.year_at(i, false)?
    };
    // After a cue, "in 2025 people" still reads as a year: telling a count
    // from a year there needs to know the noun, which is the extractors'
    // business. Glued units ("2025km") are refused in `year_at`.
    let s = if prev.is_word("year") { i - 1 } else { i };
    let stated = StatedDate {
        year: Some(y),
        ..Default::default()
    };
    let mut m = mention(stated, false, year_period(y));
    m.since = prev.is_word("since");
    Some(span(s, e, m))
}

/// "the 1990s", "the '40s", "70's", "the seventies", "21st century".
pub(super) fn decade(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let the = toks.get(i)?.is_word("the");
    let mut j = if the { i + 1 } else { i };
    if toks
        .get(j)
        .is_some_and(|a| a.is_punct("'") || a.is_punct("’"))
    {
        j += 1;
    }
    let t = toks.get(j)?;
    let mut e = j + 1;
    let s_follows = toks
        .get(e)
        .is_some_and(|a| a.glued_left && (a.is_word("s") || a.is_punct("'") || a.is_punct("’")));
    if t.kind == TokKind::Num && t.plain_digits && s_follows {
        // "1990s", "1970's", "70s"
        if toks
            .get(e)
            .is_some_and(|a| (a.is_punct("'") || a.is_punct("’")) && a.glued_left)
        {
            e += 1;
        }
        if !toks.get(e).is_some_and(|s| s.is_word("s") && s.glued_left) {
            return None;
        }
        e += 1;
        let v = t.value as i32;
        let y0 = match t.lower.len() {
            4 if v % 10 == 0 => v,
            2 if v % 10 == 0 => 1900 + v,
            _ => return None,
        };
        let stated = StatedDate {
            year: Some(y0),
            ..Default::default()
        };
        return Some(span(
            i,
            e,
            mention(stated, false, years_period(y0, y0 + 9, Granularity::Decade)),
        ));
    }
    // "15th century", "21st century"
    if let Some(n) = cx.num_at.get(j).copied().flatten() {
        if n.kind == NumberKind::Ordinal && toks.get(n.t1).is_some_and(|c| c.is_word("century")) {
            if !(1.0..=30.0).contains(&n.value) {
                return None;
            }
            let c = n.value as i32;
            let y0 = (c - 1) * 100;
            let stated = StatedDate::default();
            return Some(span(
                i,
                n.t1 + 1,
                mention(
                    stated,
                    false,
                    years_period(y0.max(1), y0 + 99, Granularity::Century),
                ),
            ));
        }
    }
    if !the {
        return None;
    }
    // "the seventies", "the nineteen seventies", "the noughties", "the twenty-tens"
    let mut century = 1900;
    e = j;
    let w0 = &toks.get(j)?.lower;
    if let Some(NumWord::Teen(h) | NumWord::Tens(h)) = num_word(w0) {
        if toks
            .get(j + 1)
            .is_some_and(|x| x.kind == TokKind::Word || x.is_dash())
        {
            century = (h as i32) * 100;
            e = j + 1;
            if toks.get(e).is_some_and(|d| d.is_dash()) {
                e += 1;
            }
        }
    }
    if words_at(toks, j, &["two", "thousands"]) {
        return Some(span(
            i,
            j + 2,
            mention(
                StatedDate {
                    year: Some(2000),
                    ..Default::default()
                },
                false,
                years_period(2000, 2009, Granularity::Decade),
            ),
        ));
    }
    if words_at(toks, j, &["two", "thousand", "and", "tens"]) {
        return Some(span(
            i,
            j + 4,
            mention(
                StatedDate {
                    year: Some(2010),
                    ..Default::default()
                },
                false,
                years_period(2010, 2019, Granularity::Decade),
            ),
        ));
    }
    let w = &toks.get(e)?.lower;
    let d = match w.as_str() {
        "noughties" | "aughts" => {
            century = 2000;
            0
        }
        "tens" if century != 1900 => 10,
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    };
    let y0 = century + d;
    Some(span(
        i,
        e + 1,
        mention(
            StatedDate {
                year: Some(y0),
                ..Default::default()
            },
            false,
            years_period(y0, y0 + 9, Granularity::Decade),
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::table::{found, nothing, resolves};

    #[test]
    fn years_decades_centuries() {
        resolves(&[
            (
                "Turnout peaked in 2023.",
                "2023",
                "2023-01-01",
                "2023-12-31",
            ),
            (
                "In nineteen eighty four the mine closed.",
                "nineteen eighty four",
                "1984-01-01",
                "1984-12-31",
            ),
            (
                "songs of the 1990s",
                "the 1990s",
                "1990-01-01",
                "1999-12-31",
            ),
            (
                "music of the seventies",
                "the seventies",
                "1970-01-01",
                "1979-12-31",
            ),
            (
                "the 21st century",
                "the 21st century",
                "2000-01-01",
                "2099-12-31",
            ),
        ]);
        assert!(found("Prices have risen since 2019.", "2019").since);
    }

    #[test]
    fn four_digits_without_a_cue_are_counts() {
        nothing(&[
            "2,500 protesters marched",
            "2025 volunteers",
            "room 1204",
            "scored 1500 points",
        ]);
    }
}

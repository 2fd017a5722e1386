//! Interval connectives: "between 2019 and 2021", "from May 2015 to June
//! 2018", "September 3-5", "from 4 to 22 January".

use super::*;

/// "between 2019 and 2021", "from May 2015 to June 2018": one more mention
/// spanning both ends, inclusive of the second (see the module doc). The
/// two ends stay reported on their own.
pub(super) fn ranges(toks: &[Tok], out: &mut Vec<DateSpan>) {
    let mut extra = Vec::new();
    for w in out.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let Some(sep) = toks.get(a.t1).filter(|_| b.t0 == a.t1 + 1) else {
            continue;
        };
        let opener =
            a.t0.checked_sub(1)
                .and_then(|k| toks.get(k))
                .map(|t| t.lower.as_str());
        let ok = matches!(
            (opener, sep.lower.as_str()),
            (Some("between"), "and")
                | (
                    Some("from"),
                    "to" | "until" | "till" | "through" | "-" | "–"
                )
                | (_, "through" | "until" | "till" | "–")
        );
        let (Some(pa), Some(pb)) = (a.mention.period, b.mention.period) else {
            continue;
        };
        if !ok || pb.end < pa.start {
            continue;
        }
        let coarse = |g: Granularity| match g {
            Granularity::Day => 0,
            Granularity::Week => 1,
            Granularity::Month => 2,
            Granularity::Year => 3,
            Granularity::Decade => 4,
            Granularity::Century => 5,
        };
        let granularity = if coarse(pa.granularity) >= coarse(pb.granularity) {
            pa.granularity
        } else {
            pb.granularity
        };
        let t0 = if matches!(opener, Some("between" | "from")) {
            a.t0 - 1
        } else {
            a.t0
        };
        let m = DateMention {
            stated: StatedDate::default(),
            relative: a.mention.relative || b.mention.relative,
            since: false,
            period: Some(Period {
                start: pa.start,
                end: pb.end,
                granularity,
            }),
            part: None,
            time: None,
        };
        extra.push(DateSpan {
            t0,
            t1: b.t1,
            start: toks[t0].start,
            end: b.end,
            mention: m,
        });
    }
    out.extend(extra);
}

/// Days of one month: "September 3-5", "3–5 September 2025", "from 4 to 22
/// January, 1995", "between 3 and 12 of Sept". Inclusive of the last day.
pub(super) fn day_range(cx: &Ctx, i: usize) -> Option<DateSpan> {
    let toks = cx.toks;
    let opener = toks
        .get(i)
        .is_some_and(|t| t.is_word("from") || t.is_word("between"));
    let j = if opener { i + 1 } else { i };
    let is_sep = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.is_dash()
                || matches!(t.lower.as_str(), "to" | "through" | "until" | "till")
                || (opener && t.is_word("and"))
        })
    };
    // Month first.
    let (m, d1, d2, mut e) = if let Some((m, k)) = month_at(toks, j) {
        let (d1, e1) = cx.day_at(k)?;
        if !is_sep(e1) {
            return None;
        }
        let (d2, e2) = cx.day_at(e1 + 1)?;
        if month_at(toks, e2).is_some() {
            return None;
        }
        (m, d1, d2, e2)
    } else {
        let (d1, e1) = cx.day_at(j)?;
        if !is_sep(e1) {
            return None;
        }
        let (d2, mut e2) = cx.day_at(e1 + 1)?;
        if toks.get(e2).is_some_and(|t| t.is_word("of")) {
            e2 += 1;
        }
        let (m, e3) = month_at(toks, e2)?;
        (m, d1, d2, e3)
    };
    if d2 <= d1 {
        return None;
    }
    let year = cx.year_after_comma(e).map(|(y, e2)| {
        e = e2;
        y
    });
    let y = match year {
        Some(y) => Some(y),
        None => cx.resolve_md(m, d1, i).map(|p| p.start.year()),
    };
    let period = y.and_then(|y| {
        Some(Period {
            start: ymd(y, m, d1)?,
            end: ymd(y, m, d2)?,
            granularity: Granularity::Day,
        })
    });
    let stated = StatedDate {
        year,
        month: Some(m),
        ..Default::default()
    };
    Some(span(i, e, mention(stated, false, period)))
}

//! Tense around a date, which picks among the readings of a date that
//! names no year ("Sep 3") or no week ("on Wednesday"): news reports an
//! event after it happens or announces it before.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// Days within which a candidate is "this news cycle" (see [`pick`]).
pub(super) const NEAR_DAYS: i64 = 30;

/// Pick among candidate dates by tense (see the module doc). A candidate
/// within a month of the reference wins over one most of a year away
/// whatever the tense: "the September 3 parade" in a story dated September
/// 1 is two days ahead, even when a stray past-tense verb stands nearby.
pub(super) fn pick(cands: &[NaiveDate], reference: NaiveDate, tense: Tense) -> Option<NaiveDate> {
    let past = cands.iter().filter(|d| **d <= reference).max().copied();
    let future = cands.iter().filter(|d| **d >= reference).min().copied();
    if let (Some(p), Some(f)) = (past, future) {
        let (dp, df) = ((reference - p).num_days(), (f - reference).num_days());
        if df <= NEAR_DAYS && dp > 2 * NEAR_DAYS {
            return Some(f);
        }
        if dp <= NEAR_DAYS && df > 2 * NEAR_DAYS {
            return Some(p);
        }
    }
    match tense {
        Tense::Past => past.or(future),
        Tense::Future => future.or(past),
        Tense::Unknown => match (past, future) {
            (Some(p), Some(f)) => Some(if (reference - p) <= (f - reference) {
                p
            } else {
                f
            }),
            (p, f) => p.or(f),
        },
    }
}

pub(super) fn tense_cue(t: &Tok) -> Option<Tense> {
    if t.kind != TokKind::Word {
        return None;
    }
    let w = t.lower.as_str();
    match w {
        "will" | "shall" | "tomorrow" | "upcoming" | "won't" | "going" | "plans" | "plan" => {
            Some(Tense::Future)
        }
        "was" | "were" | "had" | "did" | "went" | "ago" | "yesterday" | "said" | "held"
        | "took" | "came" | "met" | "wasn't" | "weren't" | "didn't" | "left" | "saw" | "told"
        | "began" | "made" | "broke" | "burst" | "fell" | "rose" | "won" | "lost" | "gave"
        | "struck" | "swept" | "spoke" | "stood" | "sent" | "brought" | "fought" | "led"
        | "kept" | "ran" | "sank" | "shook" | "flew" | "drew" | "grew" | "threw" | "wrote"
        | "became" | "got" | "sat" | "chose" | "knew" | "paid" => Some(Tense::Past),
        _ if w.ends_with("'ll") => Some(Tense::Future),
        _ if w.ends_with("'d") => Some(Tense::Past),
        _ if w.len() >= 4
            && w.ends_with("ed")
            && !matches!(
                w,
                "scheduled"
                    | "expected"
                    | "planned"
                    | "need"
                    | "indeed"
                    | "hundred"
                    | "red"
                    | "speed"
                    | "seed"
                    | "feed"
                    | "reed"
                    | "shed"
                    | "sled"
            ) =>
        {
            Some(Tense::Past)
        }
        _ => None,
    }
}

/// The tense cue nearest to each token (linear: two sweeps).
pub(super) fn tenses(toks: &[Tok]) -> Vec<Tense> {
    let n = toks.len();
    let mut left: Vec<Option<(usize, Tense)>> = vec![None; n];
    let mut last = None;
    for (i, t) in toks.iter().enumerate() {
        if let Some(c) = tense_cue(t) {
            last = Some((i, c));
        }
        left[i] = last;
    }
    let mut out = vec![Tense::Unknown; n];
    let mut next: Option<(usize, Tense)> = None;
    for i in (0..n).rev() {
        // The forward sweep has read the cue at `i`, if there is one.
        if let Some((a, c)) = left[i].filter(|&(a, _)| a == i) {
            next = Some((a, c));
        }
        out[i] = match (left[i], next) {
            (Some((a, ta)), Some((b, tb))) => {
                if i - a <= b - i {
                    ta
                } else {
                    tb
                }
            }
            (Some((_, t)), None) | (None, Some((_, t))) => t,
            (None, None) => Tense::Unknown,
        };
    }
    out
}

impl Ctx<'_> {
    pub(super) fn tense_at(&self, i: usize) -> Tense {
        self.tense
            .get_or_init(|| tenses(self.toks))
            .get(i)
            .copied()
            .unwrap_or(Tense::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::day as d;
    use super::*;

    /// The tenses found on first use are those of the whole sentence,
    /// whichever token asks first.
    #[test]
    fn lazy_tenses_are_the_sentences_tenses() {
        let mut asked = 0;
        super::super::table::each_context(|text, cx| {
            let want = tenses(cx.toks);
            for i in (0..=cx.toks.len()).rev() {
                let got = cx.tense_at(i);
                assert_eq!(
                    got,
                    want.get(i).copied().unwrap_or(Tense::Unknown),
                    "{text:?} {i}"
                );
                asked += 1;
            }
        });
        assert!(asked > 1000, "{asked}");
    }

    #[test]
    fn tense_picks_among_readings() {
        let reference = d("2026-03-11");
        let cands = [d("2025-09-30"), d("2026-09-30")];
        assert_eq!(pick(&cands, reference, Tense::Past), Some(cands[0]));
        assert_eq!(pick(&cands, reference, Tense::Future), Some(cands[1]));
        // No tense: the nearer one.
        assert_eq!(pick(&cands, reference, Tense::Unknown), Some(cands[0]));
    }

    #[test]
    fn a_date_this_news_cycle_outweighs_a_stray_tense() {
        let reference = d("2026-03-11");
        let cands = [d("2025-03-20"), d("2026-03-20")];
        assert_eq!(pick(&cands, reference, Tense::Past), Some(cands[1]));
    }
}

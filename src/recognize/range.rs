//! Range recognizer: a number with its qualifier ("more than 10,000", "up
//! to 700", "nearly 80", "between 20 and 30", "5k-20k", "500 or more") and
//! vague magnitudes without a number ("hundreds of", "dozens of").
//!
//! The number inside a range stays a number mention of its own; this module
//! only adds the interval around it.
//!
//! # Qualifiers
//!
//! | words | interval |
//! |---|---|
//! | more than, over, above, greater/larger/higher/bigger than, exceed(s/ing/ed), surpass, in excess of, upwards of, `>` | `(X, ∞)` |
//! | at least, no fewer/less than, not less than, a minimum of, … or more, … or greater, … and more, `>=`, `≥` | `[X, ∞)` |
//! | less than, fewer than, under, below, lower/smaller than, `<` | `(−∞, X)` |
//! | at most, up to, no more than, not more than, a maximum of, as many as, … or less, … or fewer, `<=`, `≤` | `(−∞, X]` |
//! | nearly, almost, close to, just shy of | `[0.9·X, X)`, approximate |
//! | about, around, some, roughly, approximately, (an) estimated, circa, … or so | `[0.9·X, 1.1·X]`, approximate |
//! | a total of, exactly, precisely, equal(s) to | `[X, X]` |
//! | between X and Y, from X to/through/until Y, X to Y, X-Y, X–Y, X~Y | `[X, Y]` |
//!
//! "nearly X" says the true figure is below X but not far below; 10% is the
//! tolerance an editor would still call "nearly". "about X" is symmetric with
//! the same 10%. Both are flagged approximate so a checker can widen them.
//!
//! "between 20 and 30" is closed at both ends: news prose means both ends.
//! Recognizers-Text reads it half-open; for integers the two name the same
//! counts and the conformance scorer accepts either.
//!
//! # Vague magnitudes
//!
//! | words | interval | why |
//! |---|---|---|
//! | a couple (of) | `[2, 2]` | "a couple" is two |
//! | a few | `[2, 5]` | more than one, fewer than a handful-and-some |
//! | a handful (of) | `[3, 6]` | countable on one hand, more than a couple |
//! | several | `[3, 9]` | more than a couple, fewer than ten |
//! | dozens (of) | `[24, 99]` | at least two dozen, fewer than a hundred |
//! | scores (of) | `[40, 199]` | at least two score, fewer than two hundred |
//! | hundreds (of) | `[200, 999]` | at least two hundred, fewer than a thousand |
//! | thousands (of) | `[2000, 9999]` | |
//! | tens of thousands (of) | `[20000, 99999]` | |
//! | hundreds of thousands (of) | `[200000, 999999]` | |
//! | millions (of) | `[2·10⁶, 10⁹)` | |
//! | billions (of) | `[2·10⁹, 10¹²)` | |
//!
//! All vague magnitudes are approximate.

use super::Interval;
use super::number::NumSpan;
use super::token::{Tok, TokKind, words_at};
use super::words::{NumWord, num_word};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Q {
    MinExcl,
    MinIncl,
    MaxExcl,
    MaxIncl,
    Nearly,
    About,
    Exact,
}

/// Qualifiers written before the number, as token sequences.
const PREFIX: &[(&[&str], Q)] = &[
    (&["greater", "than", "or", "equal", "to"], Q::MinIncl),
    (&["more", "than", "or", "equal", "to"], Q::MinIncl),
    (&["higher", "or", "equal", "than"], Q::MinIncl),
    (&["bigger", "or", "equal", "than"], Q::MinIncl),
    (&["larger", "or", "equal", "than"], Q::MinIncl),
    (&["greater", "or", "equal", "than"], Q::MinIncl),
    (&["more", "or", "equal", "than"], Q::MinIncl),
    (&["equal", "to", "or", "more", "than"], Q::MinIncl),
    (&["equal", "to", "or", "greater", "than"], Q::MinIncl),
    (&["at", "least", "or", "equal", "to"], Q::MinIncl),
    (&["less", "than", "or", "equal", "to"], Q::MaxIncl),
    (&["fewer", "than", "or", "equal", "to"], Q::MaxIncl),
    (&["smaller", "or", "equal", "than"], Q::MaxIncl),
    (&["lower", "or", "equal", "than"], Q::MaxIncl),
    (&["less", "or", "equal", "than"], Q::MaxIncl),
    (&["less", "than", "or", "equal"], Q::MaxIncl),
    (&["equal", "to", "or", "less", "than"], Q::MaxIncl),
    (&["equal", "to", "or", "fewer", "than"], Q::MaxIncl),
    (&["at", "most", "or", "equal", "to"], Q::MaxIncl),
    (&["no", "fewer", "than"], Q::MinIncl),
    (&["no", "less", "than"], Q::MinIncl),
    (&["not", "less", "than"], Q::MinIncl),
    (&["not", "fewer", "than"], Q::MinIncl),
    (&["a", "minimum", "of"], Q::MinIncl),
    (&["minimum", "of"], Q::MinIncl),
    (&["at", "least"], Q::MinIncl),
    (&["no", "more", "than"], Q::MaxIncl),
    (&["not", "more", "than"], Q::MaxIncl),
    (&["a", "maximum", "of"], Q::MaxIncl),
    (&["maximum", "of"], Q::MaxIncl),
    (&["as", "many", "as"], Q::MaxIncl),
    (&["at", "most"], Q::MaxIncl),
    (&["up", "to"], Q::MaxIncl),
    (&["in", "excess", "of"], Q::MinExcl),
    (&["upwards", "of"], Q::MinExcl),
    (&["more", "than"], Q::MinExcl),
    (&["greater", "than"], Q::MinExcl),
    (&["larger", "than"], Q::MinExcl),
    (&["higher", "than"], Q::MinExcl),
    (&["bigger", "than"], Q::MinExcl),
    (&["over"], Q::MinExcl),
    (&["above"], Q::MinExcl),
    (&["exceed"], Q::MinExcl),
    (&["exceeds"], Q::MinExcl),
    (&["exceeded"], Q::MinExcl),
    (&["exceeding"], Q::MinExcl),
    (&["surpass"], Q::MinExcl),
    (&["surpassing"], Q::MinExcl),
    (&["less", "than"], Q::MaxExcl),
    (&["fewer", "than"], Q::MaxExcl),
    (&["lower", "than"], Q::MaxExcl),
    (&["smaller", "than"], Q::MaxExcl),
    (&["under"], Q::MaxExcl),
    (&["below"], Q::MaxExcl),
    (&["just", "shy", "of"], Q::Nearly),
    (&["close", "to"], Q::Nearly),
    (&["nearly"], Q::Nearly),
    (&["almost"], Q::Nearly),
    (&["an", "estimated"], Q::About),
    (&["estimated"], Q::About),
    (&["approximately"], Q::About),
    (&["approx"], Q::About),
    (&["roughly"], Q::About),
    (&["around"], Q::About),
    (&["about"], Q::About),
    (&["some"], Q::About),
    (&["circa"], Q::About),
    (&["a", "total", "of"], Q::Exact),
    (&["exactly"], Q::Exact),
    (&["precisely"], Q::Exact),
    (&["equals", "to"], Q::Exact),
    (&["equaling", "to"], Q::Exact),
    (&["equal", "to"], Q::Exact),
    (&["equals"], Q::Exact),
    (&["equaling"], Q::Exact),
    (&[">", "="], Q::MinIncl),
    (&["≥"], Q::MinIncl),
    (&["<", "="], Q::MaxIncl),
    (&["≤"], Q::MaxIncl),
    (&[">"], Q::MinExcl),
    (&["<"], Q::MaxExcl),
];

/// Qualifiers written after the number.
const POSTFIX: &[(&[&str], Q)] = &[
    (&["or", "more", "than"], Q::MinIncl),
    (&["or", "greater", "than"], Q::MinIncl),
    (&["or", "more"], Q::MinIncl),
    (&["and", "more"], Q::MinIncl),
    (&["or", "greater"], Q::MinIncl),
    (&["or", "higher"], Q::MinIncl),
    (&["or", "above"], Q::MinIncl),
    (&["or", "over"], Q::MinIncl),
    (&["or", "less", "than"], Q::MaxIncl),
    (&["or", "less"], Q::MaxIncl),
    (&["or", "fewer"], Q::MaxIncl),
    (&["or", "lower"], Q::MaxIncl),
    (&["or", "below"], Q::MaxIncl),
    (&["or", "under"], Q::MaxIncl),
    (&["or", "so"], Q::About),
];

/// Vague magnitudes: words, interval, whether "of" may follow.
const VAGUE: &[(&[&str], f64, f64)] = &[
    (&["hundreds", "of", "thousands"], 200_000.0, 999_999.0),
    (&["tens", "of", "thousands"], 20_000.0, 99_999.0),
    (&["tens", "of", "millions"], 20e6, 99_999_999.0),
    (&["hundreds", "of", "millions"], 200e6, 999_999_999.0),
    (&["a", "couple", "of"], 2.0, 2.0),
    (&["a", "couple"], 2.0, 2.0),
    (&["a", "handful", "of"], 3.0, 6.0),
    (&["a", "handful"], 3.0, 6.0),
    (&["a", "few"], 2.0, 5.0),
    (&["several"], 3.0, 9.0),
    (&["dozens"], 24.0, 99.0),
    (&["scores"], 40.0, 199.0),
    (&["hundreds"], 200.0, 999.0),
    (&["thousands"], 2000.0, 9999.0),
    (&["millions"], 2e6, 999_999_999.0),
    (&["billions"], 2e9, 999_999_999_999.0),
];

pub(crate) struct RangeSpan {
    pub start: usize,
    pub end: usize,
    pub interval: Interval,
    /// Token range `[t0, t1)`.
    pub t0: usize,
    pub t1: usize,
}

fn words_before(toks: &[Tok], end: usize, phrase: &[&str]) -> bool {
    if phrase.len() > end {
        return false;
    }
    let s = end - phrase.len();
    toks[s..end].iter().zip(phrase).all(|(t, w)| t.lower == *w)
}

fn interval(q: Q, x: f64) -> Interval {
    let (lo, hi) = if x < 0.0 {
        (1.1 * x, 0.9 * x)
    } else {
        (0.9 * x, 1.1 * x)
    };
    match q {
        Q::MinExcl => Interval {
            min: Some(x),
            max: None,
            min_inclusive: false,
            max_inclusive: false,
            approximate: false,
        },
        Q::MinIncl => Interval {
            min: Some(x),
            max: None,
            min_inclusive: true,
            max_inclusive: false,
            approximate: false,
        },
        Q::MaxExcl => Interval {
            min: None,
            max: Some(x),
            min_inclusive: false,
            max_inclusive: false,
            approximate: false,
        },
        Q::MaxIncl => Interval {
            min: None,
            max: Some(x),
            min_inclusive: false,
            max_inclusive: true,
            approximate: false,
        },
        Q::Nearly => Interval {
            min: Some(lo.min(x)),
            max: Some(x),
            min_inclusive: true,
            max_inclusive: false,
            approximate: true,
        },
        Q::About => Interval {
            min: Some(lo),
            max: Some(hi),
            min_inclusive: true,
            max_inclusive: true,
            approximate: true,
        },
        Q::Exact => Interval {
            min: Some(x),
            max: Some(x),
            min_inclusive: true,
            max_inclusive: true,
            approximate: false,
        },
    }
}

fn is_symbol(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "<" | ">" | "=")
}

/// The qualifier ending right before token `t0`, with its first token.
fn prefix_at(toks: &[Tok], t0: usize) -> Option<(usize, Q)> {
    // Allow "the" between the qualifier and an ordinal: "higher than the
    // tenth"; and a currency symbol before an amount: "more than $71m".
    let end = if t0 > 0 && (toks[t0 - 1].is_word("the") || is_currency(&toks[t0 - 1])) {
        t0 - 1
    } else {
        t0
    };
    let last = end.checked_sub(1).and_then(|k| toks.get(k))?;
    if !ends_prefix(&last.lower) {
        return None;
    }
    prefix_ending(toks, end)
}

/// Whether `w` is the last word of some qualifier in [`PREFIX`]. Most
/// numbers follow some other word, and are then spared a comparison with
/// every phrase.
fn ends_prefix(w: &str) -> bool {
    matches!(
        w,
        "to" | "than"
            | "as"
            | "equal"
            | "of"
            | "least"
            | "most"
            | "over"
            | "above"
            | "exceed"
            | "exceeds"
            | "exceeded"
            | "exceeding"
            | "surpass"
            | "surpassing"
            | "under"
            | "below"
            | "nearly"
            | "almost"
            | "estimated"
            | "approximately"
            | "approx"
            | "roughly"
            | "around"
            | "about"
            | "some"
            | "circa"
            | "exactly"
            | "precisely"
            | "equals"
            | "equaling"
            | "="
            | "≥"
            | "≤"
            | ">"
            | "<"
    )
}

/// The qualifier of [`PREFIX`] ending right before token `end`.
fn prefix_ending(toks: &[Tok], end: usize) -> Option<(usize, Q)> {
    for (phrase, q) in PREFIX {
        if words_before(toks, end, phrase) {
            let s = end - phrase.len();
            if is_symbol(&toks[s]) && s > 0 && is_symbol(&toks[s - 1]) && toks[s].glued_left {
                // "<>30", "=>30": not a comparison we understand.
                return None;
            }
            return Some((s, *q));
        }
    }
    None
}

/// A currency sign ("$", "£", "€", "₹" and the Unicode block of
/// currency symbols).
pub(crate) fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '£' | '¥' | '¢') || ('\u{20A0}'..='\u{20CF}').contains(&c)
}

fn is_currency(t: &Tok) -> bool {
    t.kind == TokKind::Punct
        && t.lower.chars().count() == 1
        && t.lower.chars().all(is_currency_sign)
}

fn postfix_at(toks: &[Tok], t1: usize) -> Option<(usize, Q)> {
    // Every qualifier after a number opens with "or" or "and"; most
    // numbers are followed by some other word.
    if !toks
        .get(t1)
        .is_some_and(|t| t.lower == "or" || t.lower == "and")
    {
        return None;
    }
    postfix_read(toks, t1)
}

/// [`postfix_at`] without the check of its first word.
fn postfix_read(toks: &[Tok], t1: usize) -> Option<(usize, Q)> {
    // "equal to 5000 or less than 6000": two ranges, not a postfix.
    for c in [
        ["or", "less", "than"],
        ["or", "more", "than"],
        ["or", "greater", "than"],
        ["or", "fewer", "than"],
    ] {
        if words_at(toks, t1, &c)
            && toks.get(t1 + 3).is_some_and(|n| {
                n.kind == TokKind::Num || super::words::num_word(&n.lower).is_some()
            })
        {
            return None;
        }
    }
    for (phrase, q) in POSTFIX {
        if words_at(toks, t1, phrase) {
            let mut e = t1 + phrase.len();
            // "more than 5000 or equal to"
            if words_at(toks, e, &["equal", "to"]) {
                e += 2;
            }
            return Some((e, *q));
        }
    }
    None
}

/// Combine a lower-bound-only and an upper-bound-only interval.
fn merge(a: Interval, b: Interval) -> Option<Interval> {
    let (lo, hi) = match (a.min, a.max, b.min, b.max) {
        (Some(_), None, None, Some(_)) => (a, b),
        (None, Some(_), Some(_), None) => (b, a),
        _ => return None,
    };
    let (mn, mx) = (lo.min?, hi.max?);
    (mn < mx).then_some(Interval {
        min: Some(mn),
        max: Some(mx),
        min_inclusive: lo.min_inclusive,
        max_inclusive: hi.max_inclusive,
        approximate: lo.approximate || hi.approximate,
    })
}

pub(crate) fn find_ranges(toks: &[Tok], nums: &[NumSpan]) -> Vec<RangeSpan> {
    let usable: Vec<&NumSpan> = nums.iter().filter(|n| n.emit).collect();
    let mut out: Vec<RangeSpan> = Vec::new();
    // Numbers by starting token, for "between X and Y".
    let mut by_start = vec![usize::MAX; toks.len() + 1];
    for (k, n) in usable.iter().enumerate() {
        by_start[n.t0] = k;
    }
    let num_at = |t: usize| -> Option<&NumSpan> {
        let t = if toks.get(t).is_some_and(|x| x.is_word("the")) {
            t + 1
        } else {
            t
        };
        by_start.get(t).and_then(|&k| usable.get(k)).copied()
    };
    let mut last_single: Option<usize> = None;
    for (k, n) in usable.iter().enumerate() {
        // Pairs: "between X and Y", "from X to Y", "X to Y", "X-Y".
        let between = n.t0 > 0 && toks[n.t0 - 1].is_word("between")
            || n.t0 > 1 && toks[n.t0 - 1].is_word("the") && toks[n.t0 - 2].is_word("between");
        let from = n.t0 > 0 && toks[n.t0 - 1].is_word("from");
        if let Some(sep) = toks.get(n.t1) {
            let joined = if between {
                sep.is_word("and")
            } else {
                sep.is_word("to")
                    || sep.is_word("through")
                    || sep.is_word("until")
                    || sep.is_word("till")
                    || sep.is_punct("~")
                    || (sep.is_dash()
                        && !spaced_em_dash(toks, n.t1)
                        && !chained(toks, n, usable.get(k + 1).copied()))
            };
            if joined {
                if let Some(m) = num_at(n.t1 + 1) {
                    let lo_val = n.value;
                    // Both ends of one kind: "12 percent to 1.2 million"
                    // is a change, not a range.
                    if lo_val < m.value && same_kind(n.kind, m.kind) {
                        let t0 = if between || from {
                            n.t0 - if toks[n.t0 - 1].is_word("the") { 2 } else { 1 }
                        } else {
                            n.t0
                        };
                        out.push(RangeSpan {
                            start: toks[t0].start,
                            end: m.end,
                            interval: Interval {
                                min: Some(lo_val),
                                max: Some(m.value),
                                min_inclusive: true,
                                max_inclusive: true,
                                approximate: false,
                            },
                            t0,
                            t1: m.t1,
                        });
                        continue;
                    }
                }
            }
        }
        let pre = prefix_at(toks, n.t0);
        let post = postfix_at(toks, n.t1);
        if let Some((e, q)) = post {
            // "equal to 5000 or less": the prefix "equal to" is part of it.
            let s = match pre {
                Some((s, Q::Exact)) => s,
                _ => n.t0,
            };
            out.push(RangeSpan {
                start: toks[s].start,
                end: toks[e - 1].end,
                interval: interval(q, n.value),
                t0: s,
                t1: e,
            });
            if !matches!(pre, Some((_, Q::Exact)) | None) {
                // "about five hundred or more": keep the prefix reading too.
            } else {
                continue;
            }
        }
        if let Some((s, q)) = pre {
            // "less than 5000 or equal"
            let (q, e) = if words_at(toks, n.t1, &["or", "equal", "to"]) && matches!(q, Q::MinExcl)
            {
                (Q::MinIncl, n.t1 + 3)
            } else if words_at(toks, n.t1, &["or", "equal"]) {
                match q {
                    Q::MinExcl => (Q::MinIncl, n.t1 + 2),
                    Q::MaxExcl => (Q::MaxIncl, n.t1 + 2),
                    _ => (q, n.t1),
                }
            } else {
                (q, n.t1)
            };
            let iv = interval(q, n.value);
            // "more than 10 and less than 40": one interval when they fit.
            if let Some(pi) = last_single {
                let p = &out[pi];
                let gap = toks.get(p.t1..s).unwrap_or(&[]);
                let connects = !gap.is_empty()
                    && gap.len() <= 2
                    && gap
                        .iter()
                        .all(|t| t.is_word("and") || t.is_word("but") || t.is_punct(","));
                if connects {
                    if let Some(m) = merge(p.interval, iv) {
                        let (ps, pt0) = (p.start, p.t0);
                        out.push(RangeSpan {
                            start: ps,
                            end: toks[e - 1].end,
                            interval: m,
                            t0: pt0,
                            t1: e,
                        });
                        last_single = None;
                        continue;
                    }
                }
            }
            out.push(RangeSpan {
                start: toks[s].start,
                end: toks[e - 1].end,
                interval: iv,
                t0: s,
                t1: e,
            });
            last_single = Some(out.len() - 1);
        }
    }
    vague(toks, &mut out);
    out
}

fn same_kind(a: super::NumberKind, b: super::NumberKind) -> bool {
    use super::NumberKind::*;
    let class = |k| match k {
        Ordinal => 0,
        Percent => 1,
        _ => 2,
    };
    class(a) == class(b)
}

/// "Sept. 13 — 300 lanterns": a spaced em dash breaks the sentence; it joins
/// a range only when glued to both numbers ("10—20").
fn spaced_em_dash(toks: &[Tok], sep: usize) -> bool {
    toks[sep].lower == "—"
        && !(toks[sep].glued_left && toks.get(sep + 1).is_some_and(|t| t.glued_left))
}

/// "1-222-2222": a chain of dashes is a phone number or code, not a range.
fn chained(toks: &[Tok], n: &NumSpan, next: Option<&NumSpan>) -> bool {
    let before = n.t0 >= 2 && toks[n.t0 - 1].is_dash() && toks[n.t0 - 2].kind == TokKind::Num;
    let after = next.is_some_and(|m| {
        toks.get(m.t1)
            .is_some_and(|t| t.is_dash() || t.is_punct("/"))
    });
    before || after || (n.t0 > 0 && toks[n.t0 - 1].is_punct("+"))
}

/// The multiplier a scale word names ("dozen", "hundred", "thousand",
/// "million", …), singular as it stands after a count.
fn scale_of(w: &str) -> Option<f64> {
    match num_word(w)? {
        NumWord::Hundred => Some(100.0),
        NumWord::Dozen => Some(12.0),
        NumWord::Scale(s) => Some(s),
        _ => None,
    }
}

fn vague(toks: &[Tok], out: &mut Vec<RangeSpan>) {
    let mut i = 0;
    while i < toks.len() {
        let mut hit = None;
        for (phrase, lo, hi) in VAGUE {
            if words_at(toks, i, phrase) {
                hit = Some((phrase.len(), *lo, *hi));
                break;
            }
        }
        let Some((len, lo, hi)) = hit else {
            i += 1;
            continue;
        };
        // Followed by a number ("a couple of 100s") or inside a number phrase:
        // not a vague magnitude.
        let end = i + len;
        if toks.get(end).is_some_and(|t| t.kind == TokKind::Num) {
            i += 1;
            continue;
        }
        // "a few hundred", "several thousand", "a couple of dozen": a scale
        // word after a vague count scales it.
        if let Some(scale) = toks.get(end).and_then(|t| scale_of(&t.lower)) {
            if lo < 10.0 {
                let e = end + 1;
                let t1 = if toks.get(e).is_some_and(|t| t.is_word("of")) {
                    e + 1
                } else {
                    e
                };
                out.push(RangeSpan {
                    start: toks[i].start,
                    end: toks[e - 1].end,
                    interval: Interval {
                        min: Some(lo * scale),
                        max: Some(hi * scale),
                        min_inclusive: true,
                        max_inclusive: true,
                        approximate: true,
                    },
                    t0: i,
                    t1,
                });
                i = e;
                continue;
            }
        }
        let t1 = if toks.get(end).is_some_and(|t| t.is_word("of")) && !toks[end - 1].is_word("of") {
            end + 1
        } else {
            end
        };
        let shown_end = if t1 > end { end + 1 } else { end };
        out.push(RangeSpan {
            start: toks[i].start,
            end: toks[shown_end - 1].end,
            interval: Interval {
                min: Some(lo),
                max: Some(hi),
                min_inclusive: true,
                max_inclusive: true,
                approximate: lo != hi,
            },
            t0: i,
            t1,
        });
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::recognize::{Interval, MentionValue, Recognizer};

    /// The first-word checks of the qualifiers hold for every phrase of
    /// the tables, and skip only what the full reading finds nothing at,
    /// at every token of every real line.
    #[test]
    fn qualifier_checks_skip_only_what_cannot_match() {
        for (phrase, _) in super::PREFIX {
            let last = phrase.last().copied().unwrap_or_default();
            assert!(super::ends_prefix(last), "{phrase:?}");
        }
        for (phrase, _) in super::POSTFIX {
            assert!(matches!(phrase.first(), Some(&"or" | &"and")), "{phrase:?}");
        }
        let tokenizer = crate::recognize::token::Tokenizer::new();
        let mut lost = Vec::new();
        for line in crate::recognize::tests::corpus_lines() {
            let toks = tokenizer.tokenize(&line);
            for k in 0..=toks.len() {
                let pre = super::prefix_ending(&toks, k);
                let gate = k
                    .checked_sub(1)
                    .is_some_and(|j| super::ends_prefix(&toks[j].lower));
                if pre.is_some() && !gate {
                    lost.push(format!("{line:?}: prefix ending at {k}"));
                }
                if super::postfix_read(&toks, k).is_some() && super::postfix_at(&toks, k).is_none()
                {
                    lost.push(format!("{line:?}: postfix at {k}"));
                }
            }
        }
        assert!(lost.is_empty(), "{lost:#?}");
    }

    fn ranges(text: &str) -> Vec<(String, Interval)> {
        Recognizer::new()
            .scan(text, None)
            .into_iter()
            .filter_map(|m| match m.value {
                MentionValue::Range(iv) => Some((text[m.start..m.end].to_string(), iv)),
                _ => None,
            })
            .collect()
    }

    fn iv(min: Option<f64>, max: Option<f64>, mi: bool, ma: bool, approx: bool) -> Interval {
        Interval {
            min,
            max,
            min_inclusive: mi,
            max_inclusive: ma,
            approximate: approx,
        }
    }

    #[test]
    fn table() {
        let cases: Vec<(&str, &str, Interval)> = vec![
            // A scale word after a vague count scales it.
            (
                "a few hundred mourners",
                "a few hundred",
                iv(Some(200.0), Some(500.0), true, true, true),
            ),
            (
                "several thousand fans",
                "several thousand",
                iv(Some(3000.0), Some(9000.0), true, true, true),
            ),
            (
                "a couple of hundred boats",
                "a couple of hundred",
                iv(Some(200.0), Some(200.0), true, true, true),
            ),
            (
                "more than 10,000 troops",
                "more than 10,000",
                iv(Some(10000.0), None, false, false, false),
            ),
            (
                "over 100 aircraft",
                "over 100",
                iv(Some(100.0), None, false, false, false),
            ),
            (
                "at least 30 dead",
                "at least 30",
                iv(Some(30.0), None, true, false, false),
            ),
            (
                "no fewer than 30",
                "no fewer than 30",
                iv(Some(30.0), None, true, false, false),
            ),
            (
                "fewer than 30",
                "fewer than 30",
                iv(None, Some(30.0), false, false, false),
            ),
            (
                "up to 700 workers",
                "up to 700",
                iv(None, Some(700.0), false, true, false),
            ),
            (
                "nearly 100 people",
                "nearly 100",
                iv(Some(90.0), Some(100.0), true, false, true),
            ),
            (
                "about 100 people",
                "about 100",
                iv(Some(90.0), Some(110.0000000000001), true, true, true),
            ),
            (
                "A total of 26 leaders",
                "A total of 26",
                iv(Some(26.0), Some(26.0), true, true, false),
            ),
            (
                "between 20 and 30",
                "between 20 and 30",
                iv(Some(20.0), Some(30.0), true, true, false),
            ),
            (
                "from 5 to 10",
                "from 5 to 10",
                iv(Some(5.0), Some(10.0), true, true, false),
            ),
            (
                "5k-20k",
                "5k-20k",
                iv(Some(5000.0), Some(20000.0), true, true, false),
            ),
            (
                "hundreds of military vehicles",
                "hundreds of",
                iv(Some(200.0), Some(999.0), true, true, true),
            ),
            (
                "dozens of",
                "dozens of",
                iv(Some(24.0), Some(99.0), true, true, true),
            ),
            (
                "500 or more",
                "500 or more",
                iv(Some(500.0), None, true, false, false),
            ),
            (
                "more than 10 and less than 40",
                "more than 10 and less than 40",
                iv(Some(10.0), Some(40.0), false, false, false),
            ),
        ];
        for (text, span, want) in cases {
            let got = ranges(text);
            let hit = got.iter().find(|(s, _)| s == span);
            let Some((_, i)) = hit else {
                panic!("{text}: no range {span:?} in {got:?}")
            };
            assert_eq!(i.min_inclusive, want.min_inclusive, "{text}");
            assert_eq!(i.max_inclusive, want.max_inclusive, "{text}");
            assert_eq!(i.approximate, want.approximate, "{text}");
            assert!(
                close(i.min, want.min) && close(i.max, want.max),
                "{text}: {i:?}"
            );
        }
    }

    fn close(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (Some(x), Some(y)) => (x - y).abs() < 1e-6 * y.abs().max(1.0),
            (None, None) => true,
            _ => false,
        }
    }

    #[test]
    fn yields_nothing() {
        for text in [
            "1995-01",
            "+1-222-2222-2222 is a phone number.",
            "<>30",
            "26 leaders",
            "10,000 troops",
            "more than ever",
            "Sales rose 12 percent to 1.2 million",
            // Regression: a spaced em dash after a dateline is not a range.
            "RIDGEFORD, Sept. 13 — 300 lanterns were released.",
        ] {
            assert!(ranges(text).is_empty(), "{text}: {:?}", ranges(text));
        }
    }
}

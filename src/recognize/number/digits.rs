//! Numbers written in digits: "10,000", "2.5m", "3/4", "2 1/4", "2½", "80th",
//! and the digit half of mixtures ("3 hundred", "1.2 million", handed on to
//! [`cardinal`]).

use super::{NumSpan, cardinal, int_or_decimal, mk, word_of};
use crate::recognize::NumberKind;
use crate::recognize::token::{Tok, TokKind};
use crate::recognize::words::{self, digit_suffix};

/// "192.168.1.2" is read as four numbers (as Recognizers-Text does);
/// "1.2.3" and other dotted chains (versions, dates) yield no number.
pub(super) fn split_dotted(t: &Tok, ti: usize, out: &mut Vec<NumSpan>) {
    let parts: Vec<&str> = t.lower.split('.').collect();
    let all_octets = parts.len() == 4
        && parts
            .iter()
            .all(|p| p.len() <= 3 && p.parse::<u32>().is_ok_and(|v| v <= 255));
    if !all_octets {
        return;
    }
    let mut off = t.start;
    for p in parts {
        if let Ok(v) = p.parse::<f64>() {
            out.push(NumSpan {
                t0: ti,
                t1: ti + 1,
                start: off,
                end: off + p.len(),
                value: v,
                kind: NumberKind::Integer,
                emit: true,
                words: false,
            });
        }
        off += p.len() + 1;
    }
}

pub(super) fn is_currency(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "$" | "£" | "€" | "¥" | "₹") || t.lower.ends_with('$')
}

pub(super) fn parse_digits(toks: &[Tok], i: usize) -> Option<NumSpan> {
    let t = &toks[i];
    let glued_to_word = t.glued_left && i > 0 && toks[i - 1].kind == TokKind::Word;
    let mut v = t.value;
    let mut j = i + 1;
    // Digit fractions "3/4", mixed "2 1/4"; not dates "5/17/2018".
    if let Some(f) = digit_fraction(toks, i) {
        let mut span = mk(toks, i, i + 3, f, NumberKind::Fraction, false);
        span.emit = !glued_to_word;
        return Some(span);
    }
    if t.value.fract() == 0.0 {
        if let Some(f) = digit_fraction(toks, i + 1).filter(|_| !toks[i + 1].glued_left) {
            return Some(mk(toks, i, i + 4, v + f, NumberKind::Fraction, false));
        }
    }
    let mut emit = !glued_to_word;
    // "2½"
    if let Some(f) = toks
        .get(j)
        .filter(|n| n.glued_left)
        .and_then(|n| words::vulgar(&n.lower))
    {
        return Some(mk(toks, i, j + 1, v + f, NumberKind::Fraction, false));
    }
    if let Some(n) = toks.get(j) {
        if n.kind == TokKind::Word {
            let currency = i > 0 && is_currency(&toks[i - 1]);
            let raw = original_case(n);
            if let Some(m) = digit_suffix(raw, n.glued_left, t.decimal || currency) {
                // A suffix must be the whole word: "10 k", not "10 kids".
                v *= m;
                j += 1;
                if toks
                    .get(j)
                    .is_some_and(|x| x.glued_left && x.kind == TokKind::Word)
                {
                    emit = false;
                }
                let mut span = mk(toks, i, j, v, int_or_decimal(v, false), false);
                span.emit = emit;
                return Some(span);
            }
            if n.glued_left {
                if matches!(n.lower.as_str(), "st" | "nd" | "rd" | "th") && t.plain_digits {
                    let mut span = mk(toks, i, j + 1, v, NumberKind::Ordinal, false);
                    span.emit = emit;
                    return Some(span);
                }
                // A unit or word glued to the digits: "180ml", "3h", "1990s".
                let mut span = mk(toks, i, j, v, int_or_decimal(v, t.decimal), false);
                span.emit = false;
                return Some(span);
            }
            if word_of(n).is_some() && !glued_to_word {
                if let Some(span) = cardinal::parse_words(toks, i + 1, Some((i, v))) {
                    return Some(span);
                }
            }
        }
    }
    let mut span = mk(toks, i, j, v, int_or_decimal(v, t.decimal), false);
    span.emit = emit;
    Some(span)
}

/// Tokens that carry their original spelling for case-sensitive suffixes.
fn original_case<'t>(t: &'t Tok) -> &'t str {
    // `lower` is lower-cased; case matters only for the one-letter suffixes,
    // which the tokenizer marks through `capital`.
    match (t.lower.as_str(), t.capital) {
        ("m", true) => "M",
        ("mm", true) => "MM",
        ("g", true) => "G",
        ("b", true) => "B",
        ("k", true) => "K",
        (s, _) => s,
    }
}

/// Value of `a/b` at token `i` when it is a lone fraction (not part of a
/// date chain like "5/17/2018" or a phone number).
fn digit_fraction(toks: &[Tok], i: usize) -> Option<f64> {
    let a = toks.get(i)?;
    let slash = toks.get(i + 1)?;
    let b = toks.get(i + 2)?;
    if a.kind != TokKind::Num
        || !slash.is_punct("/")
        || b.kind != TokKind::Num
        || !slash.glued_left
        || !b.glued_left
        || !a.plain_digits
        || !b.plain_digits
        || b.value == 0.0
    {
        return None;
    }
    if toks.get(i + 3).is_some_and(|s| {
        s.glued_left
            && (s.is_punct("/") || s.is_dash() || s.kind == TokKind::Num || s.kind == TokKind::Word)
    }) {
        return None;
    }
    if i > 0 && a.glued_left {
        let p = &toks[i - 1];
        let chained = p.is_punct("/") || (p.is_dash() && i > 1 && p.glued_left);
        if chained || p.kind == TokKind::Word {
            return None;
        }
    }
    Some(a.value / b.value)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_none, check_table};
    use crate::recognize::NumberKind::*;

    #[test]
    fn digits() {
        check_table(&[
            ("about 12,500 visitors", &[("12,500", 12500.0, Integer)]),
            ("a score of 7.25", &[("7.25", 7.25, Decimal)]),
            ("3.5m users", &[("3.5m", 3_500_000.0, Integer)]),
            ("40k", &[("40k", 40_000.0, Integer)]),
            ("4.2 billion", &[("4.2 billion", 4.2e9, Integer)]),
            ("6 hundred and 12", &[("6 hundred and 12", 612.0, Integer)]),
            ("the 45th race", &[("45th", 45.0, Ordinal)]),
            ("the 2nd round", &[("2nd", 2.0, Ordinal)]),
            ("a 45-minute talk", &[("45", 45.0, Integer)]),
            ("down 8%", &[("8%", 8.0, Percent)]),
            ("7 per cent", &[("7 per cent", 7.0, Percent)]),
            ("fell to -12 overnight", &[("-12", -12.0, Integer)]),
            ("the M-25 motorway", &[("25", 25.0, Integer)]),
            ("5/8", &[("5/8", 0.625, Fraction)]),
            ("3 3/4", &[("3 3/4", 3.75, Fraction)]),
            ("1½", &[("1½", 1.5, Fraction)]),
            ("⅜ inch", &[("⅜", 0.375, Fraction)]),
            (
                "10.0.0.1",
                &[
                    ("10", 10.0, Integer),
                    ("0", 0.0, Integer),
                    ("0", 0.0, Integer),
                    ("1", 1.0, Integer),
                ],
            ),
        ]);
    }

    /// Digits that are part of something else: a unit, a version, a word.
    #[test]
    fn yields_nothing() {
        check_none(
            &[
                "",
                "250ml bottle",
                "ran 42km",
                "release 2.4.1",
                "model v8",
                "3m isn't",
            ],
            |k| k != Ordinal,
        );
    }
}

//! Fractions between two numbers: "one in five", "2 out of 5", "one over
//! three". Read after all numbers are found, from pairs of neighbours, and
//! reported *besides* the two numbers (they stay mentions of their own: "2
//! out of 5 voters" also counts five voters).

use super::NumSpan;
use super::digits::is_currency;
use crate::recognize::NumberKind;
use crate::recognize::token::{Tok, TokKind};
use crate::recognize::words::unit_seconds;

/// Every ratio between neighbouring whole numbers.
pub(crate) fn ratios(toks: &[Tok], nums: &[NumSpan]) -> Vec<NumSpan> {
    let mut out = Vec::new();
    for w in nums.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if !a.emit || !b.emit || a.kind != NumberKind::Integer || b.kind != NumberKind::Integer {
            continue;
        }
        let gap = &toks[a.t1.min(b.t0)..b.t0];
        let ok = match gap {
            [o, f] if o.is_word("out") && f.is_word("of") => proportion(toks, a, b),
            [x] if x.is_word("in") => proportion(toks, a, b),
            [x] if x.is_word("over") => over(toks, a, b),
            _ => false,
        };
        if ok {
            out.push(NumSpan {
                t0: a.t0,
                t1: b.t1,
                start: a.start,
                end: b.end,
                value: a.value / b.value,
                kind: NumberKind::Fraction,
                emit: true,
                words: a.words || b.words,
            });
        }
    }
    out
}

/// Only a smaller number of a larger one: "12 out of 10" is two counts, and
/// "3 in 10 years" is a count and a period.
fn proportion(toks: &[Tok], a: &NumSpan, b: &NumSpan) -> bool {
    let unit_follows = toks
        .get(b.t1)
        .is_some_and(|u| unit_seconds(&u.lower, false).is_some());
    !unit_follows && a.value > 0.0 && a.value < b.value
}

/// In news text "over" between numbers is mostly "more than" or "across"
/// ("rose 5% over 2019", "$2000 over 3 years", "one over 20 people"), so
/// "N over M" is a fraction only when nothing suggests otherwise: no
/// currency before N, M not a year in digits, and nothing after M but the
/// end, punctuation or a conjunction. A noun or unit after M blocks it.
fn over(toks: &[Tok], a: &NumSpan, b: &NumSpan) -> bool {
    let currency = a.t0 > 0 && is_currency(&toks[a.t0 - 1]);
    let year = !b.words && (1000.0..=2100.0).contains(&b.value);
    let ends = match toks.get(b.t1) {
        None => true,
        Some(n) if n.kind == TokKind::Punct => !(n.is_punct("%") || n.is_punct("/") || n.is_dash()),
        Some(n) => matches!(n.lower.as_str(), "and" | "or" | "is" | "equals"),
    };
    !currency && !year && ends && b.value != 0.0
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_none, check_table};
    use crate::recognize::NumberKind::*;

    #[test]
    fn between_numbers() {
        check_table(&[
            (
                "two over seven",
                &[
                    ("two over seven", 2.0 / 7.0, Fraction),
                    ("two", 2.0, Integer),
                    ("seven", 7.0, Integer),
                ],
            ),
            (
                "5 over 8.",
                &[
                    ("5 over 8", 0.625, Fraction),
                    ("5", 5.0, Integer),
                    ("8", 8.0, Integer),
                ],
            ),
            (
                "three out of four hundreds",
                &[
                    ("three out of four hundreds", 0.0075, Fraction),
                    ("three", 3.0, Integer),
                    ("four hundreds", 400.0, Integer),
                ],
            ),
        ]);
    }

    #[test]
    fn not_ratios() {
        check_none(
            &[
                "over 20 people",
                "sales rose 5% over 2019",
                "it grew 4 over 2020",
                "one over 20 people",
                "they paid $300 over 2 years",
                "12 out of 10",
                "3 in 10 years",
                "one of the three",
            ],
            |k| k == Fraction,
        );
    }
}

//! Fractions in words: "two thirds", "one twenty-fifth", "one and a half",
//! "one billion and a half million". (Between two numbers, "one over three",
//! is [`super::ratio`]'s.)
//!
//! A word fraction cannot be read left to right: "one hundred thirty fifths"
//! is 100/35 but "one hundred thirty two fifths" is 132/5, and "one hundred
//! and thirty fifths" is 130/5. So the phrase up to its denominator word is
//! collected first (at most [`MAX_PARTS`] parts, which bounds the work per
//! token) and then split:
//!
//! - a mixed number "X and F" when F is a *proper* fraction ("two and three
//!   quarters"); an improper F means "and" belonged to the numerator;
//! - otherwise the *shortest* numerator that is a whole cardinal, leaving a
//!   denominator that is a whole ordinal not opening with a multiplier
//!   ("hundred", "thousand") or "and". Shortest, because a compound ordinal
//!   ("twenty-fifth", "one hundred and fifth") is one denominator.

use super::{NumSpan, int_or_decimal, is_a, mk, parse_plain, word_of};
use crate::recognize::NumberKind;
use crate::recognize::token::{Tok, TokKind};
use crate::recognize::words::{NumWord, denominator, ordinal_word};

/// Parts of a fraction phrase looked at from one start token. Sixteen words
/// hold "one million two thousand two hundred and three fifths" with room to
/// spare; the split search is quadratic in this bound, never in the text.
const MAX_PARTS: usize = 16;

/// The word that ends a fraction phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Denom {
    value: f64,
    plural: bool,
    /// "half", "quarter": a denominator only on its own ("twenty halves" is
    /// not 1/22).
    alone: bool,
    /// "first", "second": a denominator only after a tens word ("twenty
    /// firsts", "thirty-seconds"); alone they are positions or time.
    low: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    /// A cardinal word; "thirty-two" is one part, classed by its last word.
    Word(NumWord),
    /// Digits, only as the first part ("3 million and a half").
    Digits,
    And,
    Article,
    /// Always the last part.
    Denom(Denom),
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    t0: usize,
    t1: usize,
    part: Part,
}

/// A numerator over a denominator, no whole part.
#[derive(Debug, Clone, Copy)]
struct Simple {
    value: f64,
    /// The numerator is "a"/"an".
    article: bool,
    denom: Denom,
}

/// A word fraction starting at token `i`, or `None`.
pub(super) fn parse(toks: &[Tok], i: usize) -> Option<NumSpan> {
    let first = toks.get(i)?;
    if !(first.kind == TokKind::Num || word_of(first).is_some() || is_a(first)) {
        return None;
    }
    let units = collect(toks, i)?;
    let end = units.last()?.t1;
    if let Some((whole, frac, scale)) = mixed(toks, &units) {
        return Some(match scale {
            // "one billion and a half million": the smaller scale is the
            // fraction's, added to the whole.
            Some(s) => match scale_at(toks, end).filter(|&s2| s2 < s) {
                Some(s2) => {
                    let v = whole + frac * s2;
                    mk(toks, i, end + 1, v, int_or_decimal(v, false), true)
                }
                // "two million and a half" is 2.5 million.
                None => mk(toks, i, end, whole + frac * s, NumberKind::Fraction, true),
            },
            None => scaled(
                toks,
                mk(toks, i, end, whole + frac, NumberKind::Fraction, true),
            ),
        });
    }
    if units[0].part == Part::Digits {
        return None;
    }
    let f = simple(toks, &units)?;
    if f.article && !f.denom.plural && !f.denom.alone && modifies_noun(toks, end) {
        return None;
    }
    Some(scaled(
        toks,
        mk(toks, i, end, f.value, NumberKind::Fraction, true),
    ))
}

/// The parts from `i` up to and including the denominator word; `None` when
/// something else comes first.
fn collect(toks: &[Tok], i: usize) -> Option<Vec<Unit>> {
    let mut units: Vec<Unit> = Vec::new();
    let mut j = i;
    while units.len() < MAX_PARTS {
        let t = toks.get(j)?;
        let prev = units.last().map(|u| u.part);
        if let Some(u) = compound(toks, j) {
            units.push(u);
            if matches!(u.part, Part::Denom(_)) {
                return Some(units);
            }
            j = u.t1;
            continue;
        }
        let part = if t.kind == TokKind::Num {
            let glued = t.glued_left && j > 0 && toks[j - 1].kind == TokKind::Word;
            if j != i || glued {
                return None;
            }
            Part::Digits
        } else if let Some(nw) = word_of(t).filter(|nw| *nw != NumWord::Dozen) {
            Part::Word(nw)
        } else if t.is_word("and") && matches!(prev, Some(Part::Word(_) | Part::Digits)) {
            Part::And
        } else if is_a(t) && matches!(prev, None | Some(Part::And)) {
            Part::Article
        } else if let Some(d) = denom_word(&t.lower) {
            units.push(Unit {
                t0: j,
                t1: j + 1,
                part: Part::Denom(d),
            });
            return Some(units);
        } else if t.is_dash()
            && matches!(prev, Some(Part::Word(_)))
            && toks
                .get(j + 1)
                .is_some_and(|n| denom_word(&n.lower).is_some())
        {
            // "one-eighth", "five - eighths", "ninety-five hundred-fifths"
            j += 1;
            continue;
        } else {
            return None;
        };
        units.push(Unit {
            t0: j,
            t1: j + 1,
            part,
        });
        j += 1;
    }
    None
}

/// "thirty-two", "ninety - five", "twenty-fifths": a tens word joined by a
/// dash to a unit or a unit ordinal is one part.
fn compound(toks: &[Tok], j: usize) -> Option<Unit> {
    let Some(NumWord::Tens(tens)) = toks.get(j).and_then(word_of) else {
        return None;
    };
    if !toks.get(j + 1)?.is_dash() {
        return None;
    }
    let n = toks.get(j + 2)?;
    let part = match word_of(n) {
        Some(NumWord::Unit(u)) => Part::Word(NumWord::Unit(tens + u)),
        _ => {
            let d = denom_word(&n.lower).filter(|d| d.value < 10.0 && !d.alone)?;
            Part::Denom(Denom {
                value: tens + d.value,
                low: false,
                ..d
            })
        }
    };
    Some(Unit {
        t0: j,
        t1: j + 3,
        part,
    })
}

fn denom_word(w: &str) -> Option<Denom> {
    let alone = matches!(w, "half" | "halves" | "quarter" | "quarters");
    if let Some((value, plural)) = denominator(w) {
        return Some(Denom {
            value,
            plural,
            alone,
            low: false,
        });
    }
    let (stem, plural) = w.strip_suffix('s').map_or((w, false), |s| (s, true));
    let value = ordinal_word(stem).filter(|v| *v < 3.0)?;
    Some(Denom {
        value,
        plural,
        alone: false,
        low: true,
    })
}

/// Value of tokens `[from, to)` when they are exactly one cardinal number.
fn cardinal(toks: &[Tok], from: usize, to: usize) -> Option<f64> {
    let span = parse_plain(toks.get(..to)?, from)?;
    let whole = span.t1 == to && matches!(span.kind, NumberKind::Integer | NumberKind::Decimal);
    whole.then_some(span.value)
}

/// "X and F" with F proper: (X, F, the scale X ends with).
fn mixed(toks: &[Tok], units: &[Unit]) -> Option<(f64, f64, Option<f64>)> {
    let p = units.iter().rposition(|u| u.part == Part::And)?;
    let (head, tail) = (units.get(..p)?, units.get(p + 1..)?);
    let last = head.last()?;
    let f = simple(toks, tail)?;
    if f.value >= 1.0 {
        return None;
    }
    let whole = cardinal(toks, head[0].t0, last.t1)?;
    let scale = match last.part {
        Part::Word(NumWord::Scale(s)) => Some(s),
        _ => None,
    };
    // Digits and a word fraction only after a scale word ("3 million and a
    // half"); "2 and a half" is left as it was written.
    if head[0].part == Part::Digits && scale.is_none() {
        return None;
    }
    Some((whole, f.value, scale))
}

/// The shortest whole-cardinal numerator over a whole-ordinal denominator.
fn simple(toks: &[Tok], units: &[Unit]) -> Option<Simple> {
    for k in 1..units.len() {
        let (num, den) = units.split_at(k);
        let (Some(first), Some(last)) = (num.first(), num.last()) else {
            continue;
        };
        if matches!(last.part, Part::And | Part::Digits) || first.part == Part::And {
            continue;
        }
        let Some((d, denom)) = denominator_value(toks, den) else {
            continue;
        };
        let article = k == 1 && first.part == Part::Article;
        let n = if article {
            1.0
        } else {
            match cardinal(toks, first.t0, last.t1) {
                Some(n) => n,
                None => continue,
            }
        };
        // "three fifth" is no fraction; "one fifths" is read as one.
        if n > 0.0 && (denom.plural || n == 1.0) {
            return Some(Simple {
                value: n / d,
                article,
                denom,
            });
        }
    }
    None
}

/// An ordinal phrase: optional cardinal words, then the denominator word.
fn denominator_value(toks: &[Tok], den: &[Unit]) -> Option<(f64, Denom)> {
    let (last, prefix) = den.split_last()?;
    let Part::Denom(d) = last.part else {
        return None;
    };
    let Some(first) = prefix.first() else {
        return (!d.low).then_some((d.value, d));
    };
    let opens_small = matches!(
        first.part,
        Part::Word(NumWord::Unit(_) | NumWord::Teen(_) | NumWord::Tens(_))
    );
    // "twenty firsts" is 1/21, but "twenty seconds" is time.
    let time = d.low && d.value == 2.0;
    if d.alone || time || !opens_small {
        return None;
    }
    let (body, and) = match prefix.split_last() {
        Some((u, body)) if u.part == Part::And => (body, true),
        _ => (prefix, false),
    };
    let tail = body.last()?;
    let p = cardinal(toks, first.t0, tail.t1)?;
    let composes = match tail.part {
        // "twenty fifth", not "twenty and fifth" or "twenty twentieth"
        Part::Word(NumWord::Tens(_)) => !and && d.value < 10.0,
        // "one hundred fifth", "one thousand and twentieth"
        Part::Word(NumWord::Hundred | NumWord::Scale(_)) => d.value < 100.0,
        _ => false,
    };
    composes.then_some((p + d.value, d))
}

/// "a third party", "a twenty-first birthday": after an article, a singular
/// ordinal followed by a content word modifies that word; it is a fraction
/// only before a function word ("a third of", "a fifth were"), punctuation
/// or the end.
fn modifies_noun(toks: &[Tok], end: usize) -> bool {
    let Some(n) = toks.get(end) else {
        return false;
    };
    n.kind == TokKind::Word && word_of(n).is_none() && !FUNCTION_WORDS.contains(&n.lower.as_str())
}

/// Words that may follow a fraction used as a noun ("a third of", "a fifth
/// were").
const FUNCTION_WORDS: &[&str] = &[
    "of", "or", "and", "to", "than", "as", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "will", "would", "in", "on", "at", "by", "for", "from", "with", "that", "who", "which",
];

fn scale_at(toks: &[Tok], j: usize) -> Option<f64> {
    match toks.get(j).and_then(word_of) {
        Some(NumWord::Scale(s)) => Some(s),
        _ => None,
    }
}

/// "five and a half million", "two thirds of a million".
fn scaled(toks: &[Tok], mut span: NumSpan) -> NumSpan {
    if span.value >= 1000.0 {
        return span;
    }
    let of_a = toks.get(span.t1).is_some_and(|o| o.is_word("of"))
        && toks.get(span.t1 + 1).is_some_and(is_a);
    let k = if of_a { span.t1 + 2 } else { span.t1 };
    if let Some(sc) = scale_at(toks, k) {
        span.t1 = k + 1;
        span.end = toks[k].end;
        span.value *= sc;
        span.kind = int_or_decimal(span.value, false);
    }
    span
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_none, check_table, numbers};
    use crate::recognize::NumberKind::*;

    #[test]
    fn word_fractions() {
        check_table(&[
            ("three fifths", &[("three fifths", 0.6, Fraction)]),
            ("an eighth", &[("an eighth", 0.125, Fraction)]),
            ("seven-tenths", &[("seven-tenths", 0.7, Fraction)]),
            // Compound denominators: the shortest numerator wins.
            (
                "one thirty-second",
                &[("one thirty-second", 1.0 / 32.0, Fraction)],
            ),
            (
                "two forty sixths",
                &[("two forty sixths", 2.0 / 46.0, Fraction)],
            ),
            (
                "forty forty fifths",
                &[("forty forty fifths", 40.0 / 45.0, Fraction)],
            ),
            (
                "two hundred twenty fifths",
                &[("two hundred twenty fifths", 200.0 / 25.0, Fraction)],
            ),
            (
                "two hundred twenty four fifths",
                &[("two hundred twenty four fifths", 224.0 / 5.0, Fraction)],
            ),
            (
                "one two hundred and third",
                &[("one two hundred and third", 1.0 / 203.0, Fraction)],
            ),
            (
                "ten one thousand sevenths",
                &[("ten one thousand sevenths", 10.0 / 1007.0, Fraction)],
            ),
            (
                "sixty - five hundred-thirds",
                &[("sixty - five hundred-thirds", 6500.0 / 3.0, Fraction)],
            ),
            (
                "an eighty-first",
                &[("an eighty-first", 1.0 / 81.0, Fraction)],
            ),
            // "and": improper after it joins the numerator, proper makes a mixed number.
            (
                "two hundred and forty sixths",
                &[("two hundred and forty sixths", 40.0, Fraction)],
            ),
            (
                "two hundred and forty sevenths",
                &[("two hundred and forty sevenths", 240.0 / 7.0, Fraction)],
            ),
            (
                "four and two thirds",
                &[("four and two thirds", 4.0 + 2.0 / 3.0, Fraction)],
            ),
            (
                "six and a quarter",
                &[("six and a quarter", 6.25, Fraction)],
            ),
            (
                "three hundred and one fifth",
                &[("three hundred and one fifth", 300.2, Fraction)],
            ),
            // A smaller scale after a mixed number scales its fraction.
            (
                "two trillion and a quarter billion",
                &[("two trillion and a quarter billion", 2.00025e12, Integer)],
            ),
            (
                "four million and a half",
                &[("four million and a half", 4.5e6, Fraction)],
            ),
            (
                "seven and a half thousand",
                &[("seven and a half thousand", 7500.0, Integer)],
            ),
            (
                "minus two thirds",
                &[("minus two thirds", -2.0 / 3.0, Fraction)],
            ),
        ]);
    }

    /// Ordinals, times and counts that must not become fractions.
    #[test]
    fn not_fractions() {
        check_none(
            &[
                "wait a second",
                "the 21st century",
                "a twenty-first birthday",
                "a third party candidate",
                "for a fifth consecutive year",
                "twenty seconds",
                "two firsts",
                "3 quarters",
                "hundreds of people",
            ],
            |k| k == Fraction,
        );
        // The ordinal survives where the fraction is refused.
        check_table(&[(
            "a twenty-first birthday",
            &[("twenty-first", 21.0, Ordinal)],
        )]);
    }

    #[test]
    fn long_runs_stay_bounded() {
        let run = "one hundred and ".repeat(2000) + "thirty fifths";
        assert!(!numbers(&run).is_empty());
    }
}

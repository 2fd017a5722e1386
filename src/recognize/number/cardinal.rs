//! Numbers written in words: "one hundred and twenty-five", "a dozen",
//! "3 hundred and 21", "two point five", "eightieth", "half a million".
//!
//! A single left-to-right state machine: each token is looked at once and
//! either extends the reading or ends it. The machine knows nothing of
//! fractions ([`super::fraction`] reads those, and calls back here to check
//! that a numerator is a whole cardinal), so "and" only joins a smaller
//! number ("hundred and five"), never a fraction.

use super::{NumSpan, int_or_decimal, is_a, mk, prev_word, word_of};
use crate::recognize::NumberKind;
use crate::recognize::token::{Tok, TokKind};
use crate::recognize::words::{NumWord, ordinal_word};

/// The kind of the last token read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    None,
    A,
    Zero,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    And,
    Atom,
}

/// A complete reading so far: (end token, value, kind).
type Good = (usize, f64, NumberKind);

/// What the machine does after a token.
enum Step {
    /// Read it; look at the next token.
    Next,
    /// The number ends here (`good` holds the reading).
    Stop,
}

struct Machine {
    total: f64,
    cur: f64,
    /// The last unit/teen/tens value read, for "three dozen" and "seventy-one".
    small: f64,
    /// A "hundred" has been read since the last scale word.
    seg_hundred: bool,
    last_scale: f64,
    last: Last,
    good: Option<Good>,
    /// The reading that ended before the last "and": "3 hundred and 2
    /// hundred" falls back to it.
    before_and: Option<Option<Good>>,
}

/// The word-number state machine. `atom` is a digit number already read at
/// token `atom.0` ("3 hundred", "1.2 million"); otherwise parsing starts at
/// the word at `i`.
pub(super) fn parse_words(toks: &[Tok], i: usize, atom: Option<(usize, f64)>) -> Option<NumSpan> {
    let t0 = atom.map_or(i, |a| a.0);
    if atom.is_none() {
        if let Some(span) = half_or_quarter(toks, i) {
            return span;
        }
    }
    let mut m = Machine {
        total: 0.0,
        cur: 0.0,
        small: 0.0,
        seg_hundred: false,
        last_scale: f64::INFINITY,
        last: Last::None,
        good: None,
        before_and: None,
    };
    if let Some((_, v)) = atom {
        m.cur = v;
        m.small = v;
        m.last = Last::Atom;
        m.good = Some((i, v, int_or_decimal(v, v.fract() != 0.0)));
    }
    let mut j = i;
    while j < toks.len() {
        match m.step(toks, j) {
            Step::Next => j += 1,
            Step::Stop => break,
        }
    }
    let (t1, value, kind) = m.good?;
    if t1 <= t0 {
        return None;
    }
    let mut span = mk(toks, t0, t1, value, kind, true);
    span.emit = !lone_pronoun_one(toks, t0, t1);
    Some(span)
}

/// "half", "half a million", "quarter million", "half a dozen". `None` when
/// the word is neither; `Some(None)` for a lone "quarter" (a time of day or
/// a district more often than a number).
fn half_or_quarter(toks: &[Tok], i: usize) -> Option<Option<NumSpan>> {
    let t = &toks[i];
    let f = match t.lower.as_str() {
        "half" => 0.5,
        "quarter" => 0.25,
        _ => return None,
    };
    let k = if toks.get(i + 1).is_some_and(is_a) {
        i + 2
    } else {
        i + 1
    };
    let times = match toks.get(k).and_then(word_of) {
        Some(NumWord::Scale(sc)) => Some(sc),
        Some(NumWord::Dozen) => Some(12.0),
        _ => None,
    };
    if let Some(sc) = times {
        return Some(Some(mk(toks, i, k + 1, f * sc, NumberKind::Integer, true)));
    }
    Some((f == 0.5).then(|| mk(toks, i, i + 1, 0.5, NumberKind::Fraction, true)))
}

/// A lone "one" after a determiner is a pronoun ("the one you mentioned").
fn lone_pronoun_one(toks: &[Tok], t0: usize, t1: usize) -> bool {
    if t1 != t0 + 1 || !toks[t0].is_word("one") {
        return false;
    }
    prev_word(toks, t0).is_some_and(|p| DETERMINERS.contains(&p))
        || toks.get(t1).is_some_and(|n| n.is_word("another"))
}

/// Words after which a lone "one" is a pronoun.
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "which", "each", "every", "any", "no", "another", "some", "one",
    "little", "only", "a",
];

impl Machine {
    fn step(&mut self, toks: &[Tok], j: usize) -> Step {
        let t = &toks[j];
        if t.is_dash() {
            // Only "twenty-one", "fifty - two", "twenty-first".
            let joins = self.last == Last::Tens
                && toks.get(j + 1).is_some_and(|n| {
                    matches!(word_of(n), Some(NumWord::Unit(_)))
                        || ordinal_word(&n.lower).is_some_and(|v| v < 10.0)
                });
            return if joins { Step::Next } else { Step::Stop };
        }
        if t.kind == TokKind::Num {
            return self.digits_after_scale(t, j);
        }
        if t.kind != TokKind::Word {
            return Step::Stop;
        }
        let w = t.lower.as_str();
        if let Some(nw) = word_of(t) {
            return self.number_word(nw, j);
        }
        if is_a(t) {
            return self.article(toks, j);
        }
        match w {
            "and" => self.and(toks, j),
            "point" => self.point(toks, j),
            "hundreds" => self.plural_hundreds(toks, j),
            _ => {
                if let Some(v) = ordinal_word(w) {
                    self.ordinal(toks, j, w, v);
                }
                Step::Stop
            }
        }
    }

    fn value(&self) -> f64 {
        self.total + self.cur
    }

    fn read_to(&mut self, j: usize, kind: NumberKind) {
        self.good = Some((j, self.value(), kind));
    }

    /// "3 million 200 thousand", "two hundred and 5".
    fn digits_after_scale(&mut self, t: &Tok, j: usize) -> Step {
        let ok = matches!(self.last, Last::Scale | Last::And)
            && !t.glued_left
            && t.value > 0.0
            && t.value < 1000.0
            && t.value < self.last_scale;
        if !ok {
            return Step::Stop;
        }
        self.cur += t.value;
        self.small = t.value;
        self.last = Last::Atom;
        self.read_to(j + 1, int_or_decimal(self.value(), false));
        Step::Next
    }

    fn number_word(&mut self, nw: NumWord, j: usize) -> Step {
        use Last as L;
        match nw {
            NumWord::Zero => {
                if self.last != L::None {
                    return Step::Stop;
                }
                self.last = L::Zero;
            }
            NumWord::Unit(u) => {
                if !matches!(
                    self.last,
                    L::None | L::Hundred | L::Scale | L::And | L::Tens
                ) {
                    return Step::Stop;
                }
                self.cur += u;
                self.small = if self.last == L::Tens {
                    self.small + u
                } else {
                    u
                };
                self.last = L::Unit;
            }
            NumWord::Teen(v) | NumWord::Tens(v) => {
                if !matches!(self.last, L::None | L::Hundred | L::Scale | L::And) {
                    return Step::Stop;
                }
                self.cur += v;
                self.small = v;
                self.last = if matches!(nw, NumWord::Teen(_)) {
                    L::Teen
                } else {
                    L::Tens
                };
            }
            NumWord::Hundred => return self.hundred(j),
            NumWord::Scale(s) => return self.scale(s, j),
            NumWord::Dozen => {
                match self.last {
                    L::A => self.cur = 12.0,
                    L::Unit | L::Teen | L::Tens | L::Atom => {
                        self.cur = self.cur - self.small + self.small * 12.0
                    }
                    _ => return Step::Stop,
                }
                self.read_to(j + 1, NumberKind::Integer);
                return Step::Stop;
            }
        }
        self.read_to(j + 1, int_or_decimal(self.value(), false));
        Step::Next
    }

    fn hundred(&mut self, j: usize) -> Step {
        if self.seg_hundred {
            // "3 hundred and 2 hundred": two numbers.
            if let Some(g) = self.before_and {
                self.good = g;
            }
            return Step::Stop;
        }
        match self.last {
            Last::A => self.cur = 100.0,
            Last::Unit | Last::Teen | Last::Tens | Last::Atom => self.cur *= 100.0,
            _ => return Step::Stop,
        }
        self.seg_hundred = true;
        self.small = 0.0;
        self.last = Last::Hundred;
        self.read_to(j + 1, int_or_decimal(self.value(), false));
        Step::Next
    }

    fn scale(&mut self, s: f64, j: usize) -> Step {
        if self.last == Last::Scale && s > self.last_scale {
            // "three lakh crore"
            self.total *= s;
            self.last_scale = s;
        } else {
            if !matches!(
                self.last,
                Last::A | Last::Unit | Last::Teen | Last::Tens | Last::Hundred | Last::Atom
            ) {
                return Step::Stop;
            }
            if s >= self.last_scale {
                // "two million and three million": two numbers.
                if let Some(g) = self.before_and {
                    self.good = g;
                }
                return Step::Stop;
            }
            let c = if self.last == Last::A { 1.0 } else { self.cur };
            self.total += c * s;
            self.cur = 0.0;
            self.last_scale = s;
        }
        self.small = 0.0;
        self.seg_hundred = false;
        self.last = Last::Scale;
        self.read_to(j + 1, int_or_decimal(self.value(), false));
        Step::Next
    }

    /// "a hundred", "a million", "a dozen"; any other "a" ends the number.
    fn article(&mut self, toks: &[Tok], j: usize) -> Step {
        if self.last != Last::None && self.last != Last::And {
            return Step::Stop;
        }
        let next_ok = matches!(
            toks.get(j + 1).and_then(word_of),
            Some(NumWord::Hundred | NumWord::Scale(_) | NumWord::Dozen)
        );
        if !next_ok {
            return Step::Stop;
        }
        self.last = Last::A;
        Step::Next
    }

    /// "and" joins a smaller number: "hundred and five", "million and 20",
    /// "twenty and three". A fraction after "and" is [`super::fraction`]'s.
    fn and(&mut self, toks: &[Tok], j: usize) -> Step {
        let ok = match self.last {
            Last::Hundred | Last::Scale => small_starts(toks, j + 1),
            Last::Tens => matches!(toks.get(j + 1).and_then(word_of), Some(NumWord::Unit(_))),
            _ => false,
        };
        if !ok {
            return Step::Stop;
        }
        self.before_and = Some(self.good);
        self.seg_hundred = self.seg_hundred && self.last != Last::Scale;
        self.last = Last::And;
        Step::Next
    }

    /// "two point five", "zero point zero three".
    fn point(&mut self, toks: &[Tok], j: usize) -> Step {
        use Last as L;
        if !matches!(
            self.last,
            L::Zero | L::Unit | L::Teen | L::Tens | L::Hundred | L::Scale
        ) {
            return Step::Stop;
        }
        let (digits, k) = decimal_digits(toks, j + 1);
        if !digits.is_empty() {
            let frac: f64 = format!("0.{digits}").parse().unwrap_or(0.0);
            self.good = Some((k, self.value() + frac, NumberKind::Decimal));
        }
        Step::Stop
    }

    /// "five hundreds" is 500 (a plural after a multiplier, as in "two out
    /// of five hundreds"); a bare "hundreds" is vague and left to ranges.
    fn plural_hundreds(&mut self, toks: &[Tok], j: usize) -> Step {
        let of_follows = toks.get(j + 1).is_some_and(|n| n.is_word("of"));
        if matches!(self.last, Last::Unit | Last::Teen | Last::Tens) && !of_follows {
            self.cur *= 100.0;
            self.read_to(j + 1, NumberKind::Integer);
        }
        Step::Stop
    }

    /// "eightieth", "twenty-first", "one hundred and fifth".
    fn ordinal(&mut self, toks: &[Tok], j: usize, w: &str, v: f64) {
        let ok = match self.last {
            Last::None => !(w == "second" && second_is_time(toks, j)),
            Last::Tens => v < 10.0,
            Last::Hundred | Last::Scale | Last::And => true,
            _ => false,
        };
        if ok {
            // "two hundredth" style positions: keep the cardinal's value.
            let add = if v >= 100.0 && self.last != Last::None {
                0.0
            } else {
                v
            };
            self.good = Some((j + 1, self.value() + add, NumberKind::Ordinal));
        }
    }
}

/// Can a small number (the part after "and") start at `j`?
fn small_starts(toks: &[Tok], j: usize) -> bool {
    match toks.get(j) {
        Some(t) if t.kind == TokKind::Num => t.value > 0.0 && t.value < 1000.0,
        Some(t) => matches!(
            word_of(t),
            Some(NumWord::Unit(_) | NumWord::Teen(_) | NumWord::Tens(_))
        ),
        None => false,
    }
}

/// "a second", "per second", "30 seconds": time, not a position.
fn second_is_time(toks: &[Tok], j: usize) -> bool {
    matches!(
        prev_word(toks, j),
        Some("a" | "per" | "one" | "every" | "each" | "split" | "nano" | "milli")
    ) || (j > 0 && toks[j - 1].kind == TokKind::Num)
}

/// Digits after "point": "zero three" → "03", "seventy-one" → "71".
fn decimal_digits(toks: &[Tok], mut k: usize) -> (String, usize) {
    let mut s = String::new();
    while let Some(t) = toks.get(k) {
        match word_of(t) {
            Some(NumWord::Zero) => s.push('0'),
            Some(NumWord::Unit(u)) => s.push_str(&format!("{}", u as u32)),
            Some(NumWord::Teen(v)) => s.push_str(&format!("{}", v as u32)),
            Some(NumWord::Tens(v)) => {
                let mut v = v as u32;
                let mut kk = k + 1;
                if toks.get(kk).is_some_and(|d| d.is_dash()) {
                    kk += 1;
                }
                if let Some(NumWord::Unit(u)) = toks.get(kk).and_then(word_of) {
                    v += u as u32;
                    k = kk;
                }
                s.push_str(&format!("{v}"));
            }
            _ => break,
        }
        k += 1;
        if s.len() > 30 {
            break;
        }
    }
    (s, k)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check_none, check_table};
    use crate::recognize::NumberKind::*;

    #[test]
    fn words() {
        check_table(&[
            ("forty thousand", &[("forty thousand", 40000.0, Integer)]),
            (
                "three hundred and sixty-five",
                &[("three hundred and sixty-five", 365.0, Integer)],
            ),
            ("ninety - nine", &[("ninety - nine", 99.0, Integer)]),
            ("two dozen", &[("two dozen", 24.0, Integer)]),
            ("a million", &[("a million", 1e6, Integer)]),
            ("half a million", &[("half a million", 500_000.0, Integer)]),
            (
                "quarter million",
                &[("quarter million", 250_000.0, Integer)],
            ),
            ("about half", &[("half", 0.5, Fraction)]),
            ("four lakh crore", &[("four lakh crore", 4e12, Integer)]),
            (
                "zero point zero five",
                &[("zero point zero five", 0.05, Decimal)],
            ),
            ("six hundreds", &[("six hundreds", 600.0, Integer)]),
            ("the sixtieth", &[("sixtieth", 60.0, Ordinal)]),
            ("thirty-third", &[("thirty-third", 33.0, Ordinal)]),
            (
                "one hundred second",
                &[("one hundred second", 102.0, Ordinal)],
            ),
            (
                "4 hundred and 9 hundred",
                &[("4 hundred", 400.0, Integer), ("9 hundred", 900.0, Integer)],
            ),
            ("negative seven", &[("negative seven", -7.0, Integer)]),
        ]);
    }

    #[test]
    fn yields_nothing() {
        check_none(
            &[
                "a",
                "an",
                "quarter",
                "hundreds of fans",
                "The one she chose",
                "one another",
                "book a first-class seat",
            ],
            |k| k != Ordinal,
        );
    }
}

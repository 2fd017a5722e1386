//! Number recognizer: digits ("10,000", "1.5", "2.5m", "1 234 567"), words
//! ("one hundred and twenty-five", "a dozen"), fractions ("two thirds", "one
//! and a half", "3/4", "one over three"), mixtures ("3 hundred and 21", "1.2
//! million"), ordinals ("80th", "eightieth") and percentages.
//!
//! It reports values only. It does not decide what a number counts, and it
//! refuses numbers that are part of something else: a unit glued to the
//! digits ("180ml", "29km"), a version string ("1.2.3"), a word with a digit
//! inside ("v1", "Oct2"). Those tokens are still handed to the date and
//! duration recognizers ("3h", "Oct2") through [`NumSpan::emit`] = false.
//!
//! One part per way of writing a number: [`digits`], [`cardinal`] (number
//! words, read by one left-to-right state machine), [`fraction`] (word
//! fractions, which need a look at the whole phrase before its value is
//! known: "one hundred thirty fifths" is 100/35, "one hundred and thirty
//! fifths" is 130/5) and [`ratio`] ("2 out of 5", "one over three", read
//! from neighbouring numbers once all are found). Every token is looked at a bounded number of times, so
//! a run of 200 number words costs a multiple of 200 steps, not 200².

mod cardinal;
mod digits;
mod fraction;
mod ratio;

use super::NumberKind;
use super::token::{Tok, TokKind};
use super::words::{NumWord, num_word, vulgar};

pub(crate) use ratio::ratios;

/// A number found in the token stream.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumSpan {
    /// Token range `[t0, t1)`.
    pub t0: usize,
    pub t1: usize,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub kind: NumberKind,
    /// False for digits glued to a unit or a word ("180ml", "Oct2", "3h"):
    /// not a number mention, but still usable by other recognizers.
    pub emit: bool,
    /// Written (at least partly) in words.
    pub words: bool,
}

pub(crate) fn find_numbers(toks: &[Tok]) -> Vec<NumSpan> {
    find_numbers_led(toks, LEAD)
}

/// How many tokens may open a number before its first anchor (a digit or
/// a number word): a sign and an article, "minus a half". No number is
/// tried further than this before an anchor: most words of a sentence
/// with a figure in it are far from one.
const LEAD: usize = 3;

/// [`find_numbers`], trying a number only at tokens at most `lead` tokens
/// before an anchor (`usize::MAX`: at every token).
fn find_numbers_led(toks: &[Tok], lead: usize) -> Vec<NumSpan> {
    let mut out = Vec::new();
    let mut i = 0;
    // The first anchor at or after `i` (`toks.len()`: none).
    let mut anchor = 0;
    while i < toks.len() {
        if lead != usize::MAX {
            anchor = anchor.max(i);
            while anchor < toks.len() && !toks[anchor].anchors() {
                anchor += 1;
            }
            if anchor == toks.len() {
                break;
            }
            if anchor - i > lead {
                i = anchor - lead;
                continue;
            }
        }
        if toks[i].kind == TokKind::Dotted {
            digits::split_dotted(&toks[i], i, &mut out);
            i += 1;
            continue;
        }
        match parse_at(toks, i) {
            Some(span) if span.value.is_finite() && span.t1 > i => {
                i = span.t1;
                out.push(span);
            }
            _ => i += 1,
        }
    }
    out
}

/// Parse the longest number starting at token `i`.
pub(crate) fn parse_at(toks: &[Tok], i: usize) -> Option<NumSpan> {
    let t = toks.get(i)?;
    if let Some(f) = vulgar(&t.lower) {
        return Some(mk(toks, i, i + 1, f, NumberKind::Fraction, false));
    }
    // A sign: "-5", "- 10 k", "minus five", "negative one". A dash between two
    // numbers ("1000-5000", "+1-222") is a separator, not a sign.
    let (neg, j0) = if t.is_dash() || t.lower == "−" {
        // "COVID-19" and "A-5" glue the dash to a word; "to -5" has a space.
        let after_value = i > 0
            && (toks[i - 1].kind == TokKind::Num
                || (t.glued_left && matches!(toks[i - 1].kind, TokKind::Word | TokKind::Dotted))
                || toks[i - 1].is_punct("+"));
        match toks.get(i + 1) {
            Some(n) if n.kind == TokKind::Num && !after_value => (true, i + 1),
            _ => return None,
        }
    } else if t.is_word("minus") || t.is_word("negative") {
        match toks.get(i + 1) {
            Some(n) if n.kind == TokKind::Num || word_of(n).is_some() => (true, i + 1),
            _ => return None,
        }
    } else {
        (false, i)
    };
    let mut span = fraction::parse(toks, j0).or_else(|| parse_plain(toks, j0))?;
    if neg {
        span.value = -span.value;
        span.t0 = i;
        span.start = toks[i].start;
    }
    percent(toks, &mut span);
    Some(span)
}

/// A number without sign, percent or word fraction: digits, words or both.
fn parse_plain(toks: &[Tok], i: usize) -> Option<NumSpan> {
    let t = toks.get(i)?;
    match t.kind {
        TokKind::Num => digits::parse_digits(toks, i),
        TokKind::Word => cardinal::parse_words(toks, i, None),
        _ => None,
    }
}

fn percent(toks: &[Tok], span: &mut NumSpan) {
    let Some(n) = toks.get(span.t1) else { return };
    if n.is_punct("%") || n.is_word("percent") || n.is_word("pct") {
        span.t1 += 1;
        span.end = n.end;
        span.kind = NumberKind::Percent;
    } else if n.is_word("per") && toks.get(span.t1 + 1).is_some_and(|c| c.is_word("cent")) {
        span.end = toks[span.t1 + 1].end;
        span.t1 += 2;
        span.kind = NumberKind::Percent;
    }
}

fn mk(toks: &[Tok], t0: usize, t1: usize, value: f64, kind: NumberKind, words: bool) -> NumSpan {
    NumSpan {
        t0,
        t1,
        start: toks[t0].start,
        end: toks[t1 - 1].end,
        value,
        kind,
        emit: true,
        words,
    }
}

fn int_or_decimal(v: f64, decimal: bool) -> NumberKind {
    if decimal || v.fract() != 0.0 {
        NumberKind::Decimal
    } else {
        NumberKind::Integer
    }
}

fn word_of(t: &Tok) -> Option<NumWord> {
    if t.kind == TokKind::Word {
        num_word(&t.lower)
    } else {
        None
    }
}

fn is_a(t: &Tok) -> bool {
    t.is_word("a") || t.is_word("an")
}

fn prev_word<'t>(toks: &'t [Tok], i: usize) -> Option<&'t str> {
    let p = toks.get(i.checked_sub(1)?)?;
    (p.kind == TokKind::Word).then_some(p.lower.as_str())
}

#[cfg(test)]
mod tests {
    use crate::recognize::token::Tokenizer;

    /// Trying numbers only near anchors finds every number that trying
    /// them at every token finds, over the real text and over signs,
    /// articles and fractions that open a number before its anchor.
    #[test]
    fn numbers_start_at_most_lead_tokens_before_an_anchor() {
        let tokenizer = Tokenizer::new();
        let mut lines: Vec<String> = [
            "it fell to minus a half and then negative one, - 5 or -5",
            "a dozen eggs, a half million, one and a half, a hundred and fifty",
            "minus a quarter of a million, half a dozen, a third, an eighth",
            "the word a and the one",
        ]
        .map(String::from)
        .to_vec();
        lines.extend(crate::recognize::tests::corpus_lines());
        let (mut numbers, mut differ) = (0, Vec::new());
        for text in &lines {
            let toks = tokenizer.tokenize(text);
            let all = super::find_numbers_led(&toks, usize::MAX);
            numbers += all.len();
            if super::find_numbers_led(&toks, super::LEAD) != all {
                differ.push(text);
            }
        }
        assert!(differ.is_empty(), "numbers lost: {differ:#?}");
        assert!(numbers > 1000, "{numbers}");
    }
}

#[cfg(test)]
mod test_support {
    use crate::recognize::{MentionValue, NumberKind, Recognizer};

    /// Every number mention in `text`: (text, value, kind).
    pub(super) fn numbers(text: &str) -> Vec<(String, f64, NumberKind)> {
        let r = Recognizer::new();
        r.scan(text, None)
            .into_iter()
            .filter_map(|m| match m.value {
                MentionValue::Number(n) => {
                    Some((text[m.start..m.end].to_string(), n.value, n.kind))
                }
                _ => None,
            })
            .collect()
    }

    /// Asserts that no mention of a kind `counts` accepts is found in any of `texts`.
    pub(super) fn check_none(texts: &[&str], counts: fn(NumberKind) -> bool) {
        for text in texts {
            let got: Vec<_> = numbers(text).into_iter().filter(|n| counts(n.2)).collect();
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    /// Runs a table of (text, wanted mentions), comparing values to 1e-9.
    pub(super) fn check_table(cases: &[(&str, &[(&str, f64, NumberKind)])]) {
        for (text, want) in cases {
            let got = numbers(text);
            let same = got.len() == want.len()
                && got.iter().zip(want.iter()).all(|(g, w)| {
                    g.0 == w.0 && g.2 == w.2 && (g.1 - w.1).abs() <= 1e-9 * w.1.abs().max(1.0)
                });
            assert!(same, "{text}: got {got:?}, want {want:?}");
        }
    }
}

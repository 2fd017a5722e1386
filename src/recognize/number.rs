//! Number recognizer: digits ("10,000", "1.5", "2.5m", "1 234 567"), words
//! ("one hundred and twenty-five", "a dozen", "two thirds"), mixtures ("3
//! hundred and 21", "1.2 million"), ordinals ("80th", "eightieth") and
//! percentages.
//!
//! It reports values only. It does not decide what a number counts, and it
//! refuses numbers that are part of something else: a unit glued to the
//! digits ("180ml", "29km"), a version string ("1.2.3"), a word with a digit
//! inside ("v1", "Oct2"). Those tokens are still handed to the date and
//! duration recognizers ("3h", "Oct2") through [`NumSpan::emit`] = false.
//!
//! The word grammar is a single left-to-right state machine: every token is
//! looked at a bounded number of times, so a run of 200 number words costs
//! 200 steps, not 200².

use super::NumberKind;
use super::token::{Tok, TokKind};
use super::words::{NumWord, denominator, digit_suffix, num_word, ordinal_word};

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
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].kind == TokKind::Dotted {
            split_dotted(&toks[i], i, &mut out);
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

/// "192.168.1.2" is read as four numbers (as Recognizers-Text does);
/// "1.2.3" and other dotted chains (versions, dates) yield no number.
fn split_dotted(t: &Tok, ti: usize, out: &mut Vec<NumSpan>) {
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

/// Does a word fraction ("a half", "three fifths", "fifty-four hundredths")
/// start at `j`?
fn fraction_follows(toks: &[Tok], j: usize) -> bool {
    for t in toks.iter().skip(j).take(6) {
        if t.kind == TokKind::Word {
            if denominator(&t.lower).is_some() {
                return true;
            }
            if is_a(t) || word_of(t).is_some() {
                continue;
            }
            return false;
        }
        if !t.is_dash() {
            return false;
        }
    }
    false
}

fn prev_word(toks: &[Tok], i: usize) -> Option<&str> {
    let p = toks.get(i.checked_sub(1)?)?;
    (p.kind == TokKind::Word).then_some(p.lower.as_str())
}

fn is_currency(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "$" | "£" | "€" | "¥" | "₹") || t.lower.ends_with('$')
}

/// A complete reading so far: (end token, value, kind).
type Good = (usize, f64, NumberKind);
/// The value before the last "and", and the reading that ended before it.
type AndMark = (f64, Option<Good>);

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
    let mut span = parse_unsigned(toks, j0)?;
    if neg {
        span.value = -span.value;
        span.t0 = i;
        span.start = toks[i].start;
    }
    percent(toks, &mut span);
    Some(span)
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

fn parse_unsigned(toks: &[Tok], i: usize) -> Option<NumSpan> {
    let t = toks.get(i)?;
    match t.kind {
        TokKind::Num => parse_digits(toks, i),
        TokKind::Word => parse_words(toks, i, None),
        _ => None,
    }
}

fn parse_digits(toks: &[Tok], i: usize) -> Option<NumSpan> {
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
        .and_then(|n| vulgar(&n.lower))
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
                if let Some(span) = parse_words(toks, i + 1, Some((i, v))) {
                    return Some(span);
                }
            }
        }
    }
    let mut span = mk(toks, i, j, v, int_or_decimal(v, t.decimal), false);
    span.emit = emit;
    Some(span)
}

/// Unicode vulgar fractions.
fn vulgar(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// "one in five", "2 out of 5": a ratio, reported as a fraction *besides*
/// its two numbers (they stay mentions of their own). Only a smaller number
/// of a larger one: "12 out of 10" is two counts.
pub(crate) fn ratios(toks: &[Tok], nums: &[NumSpan]) -> Vec<NumSpan> {
    let mut out = Vec::new();
    for w in nums.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if !a.emit || !b.emit || a.kind != NumberKind::Integer || b.kind != NumberKind::Integer {
            continue;
        }
        let gap = &toks[a.t1.min(b.t0)..b.t0];
        let joined = matches!(gap, [o, f] if o.is_word("out") && f.is_word("of"))
            || matches!(gap, [x] if x.is_word("in"));
        // "3 in 10 years" is a count and a period, not a ratio.
        let unit_follows = toks
            .get(b.t1)
            .is_some_and(|u| super::duration::unit_seconds(&u.lower, false).is_some());
        if joined && !unit_follows && a.value > 0.0 && a.value < b.value {
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

/// Tokens that carry their original spelling for case-sensitive suffixes.
fn original_case(t: &Tok) -> &str {
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

/// The word-number state machine. `atom` is a digit number already read at
/// token `atom.0` ("3 hundred", "1.2 million"); otherwise parsing starts at
/// the word at `i`.
fn parse_words(toks: &[Tok], i: usize, atom: Option<(usize, f64)>) -> Option<NumSpan> {
    let t0 = atom.map_or(i, |a| a.0);
    // Special openings.
    if atom.is_none() {
        let t = &toks[i];
        if t.is_word("half") || t.is_word("quarter") {
            let f = if t.is_word("half") { 0.5 } else { 0.25 };
            // "half a million", "quarter million", "half a dozen"
            let k = if toks.get(i + 1).is_some_and(is_a) {
                i + 2
            } else {
                i + 1
            };
            match toks.get(k).and_then(word_of) {
                Some(NumWord::Scale(sc)) => {
                    return Some(mk(toks, i, k + 1, f * sc, NumberKind::Integer, true));
                }
                Some(NumWord::Dozen) => {
                    return Some(mk(toks, i, k + 1, f * 12.0, NumberKind::Integer, true));
                }
                _ => {}
            }
            if t.is_word("half") {
                return Some(mk(toks, i, i + 1, 0.5, NumberKind::Fraction, true));
            }
            return None;
        }
    }
    let mut total = 0.0_f64;
    let mut cur = 0.0_f64;
    let mut small = 0.0_f64;
    let mut seg_hundred = false;
    let mut last_scale = f64::INFINITY;
    let mut last = Last::None;
    let mut good: Option<Good> = None;
    // (value before the last "and", the good state before it)
    let mut and_mark: Option<AndMark> = None;
    let mut has_atom = false;
    // The scale just before the last "and": "two million and a half" is 2.5 million.
    let mut and_scale: Option<f64> = None;
    if let Some((_, v)) = atom {
        cur = v;
        small = v;
        last = Last::Atom;
        has_atom = true;
        good = Some((i, v, int_or_decimal(v, v.fract() != 0.0)));
    }
    let mut j = i;
    while j < toks.len() {
        let t = &toks[j];
        if t.is_dash() {
            // Only "twenty-one", "fifty - two".
            let next = toks.get(j + 1);
            let ok = last == Last::Tens
                && next.is_some_and(|n| {
                    matches!(word_of(n), Some(NumWord::Unit(_)))
                        || ordinal_word(&n.lower).is_some_and(|v| v < 10.0)
                        || denominator(&n.lower).is_some()
                })
                // "one-eighth", "five - eighths"
                || matches!(last, Last::Unit | Last::Teen)
                    && !has_atom
                    && next.is_some_and(|n| {
                        denominator(&n.lower).is_some_and(|(_, plural)| plural || cur == 1.0)
                    });
            if ok {
                j += 1;
                continue;
            }
            break;
        }
        if t.kind == TokKind::Num {
            let ok = matches!(last, Last::Scale | Last::And)
                && !t.glued_left
                && t.value > 0.0
                && t.value < 1000.0
                && t.value < last_scale;
            if !ok {
                break;
            }
            cur += t.value;
            small = t.value;
            last = Last::Atom;
            has_atom = true;
            j += 1;
            good = Some((j, total + cur, int_or_decimal(total + cur, false)));
            continue;
        }
        if t.kind != TokKind::Word {
            break;
        }
        let w = t.lower.as_str();
        if let Some(nw) = num_word(w) {
            match nw {
                NumWord::Zero => {
                    if last != Last::None {
                        break;
                    }
                    last = Last::Zero;
                    j += 1;
                    good = Some((j, 0.0, NumberKind::Integer));
                    continue;
                }
                NumWord::Unit(u) => {
                    if !matches!(
                        last,
                        Last::None | Last::Hundred | Last::Scale | Last::And | Last::Tens
                    ) {
                        break;
                    }
                    cur += u;
                    small = if last == Last::Tens { small + u } else { u };
                    last = Last::Unit;
                }
                NumWord::Teen(v) | NumWord::Tens(v) => {
                    if !matches!(last, Last::None | Last::Hundred | Last::Scale | Last::And) {
                        break;
                    }
                    cur += v;
                    small = v;
                    last = if matches!(nw, NumWord::Teen(_)) {
                        Last::Teen
                    } else {
                        Last::Tens
                    };
                }
                NumWord::Hundred => {
                    if seg_hundred {
                        // "3 hundred and 2 hundred": two numbers.
                        if let Some((_, g)) = and_mark {
                            good = g;
                        }
                        break;
                    }
                    match last {
                        Last::A => cur = 100.0,
                        Last::Unit | Last::Teen | Last::Tens | Last::Atom => cur *= 100.0,
                        _ => break,
                    }
                    seg_hundred = true;
                    small = 0.0;
                    last = Last::Hundred;
                }
                NumWord::Scale(s) => {
                    if last == Last::Scale && s > last_scale {
                        // "three lakh crore"
                        total *= s;
                        last_scale = s;
                    } else {
                        if !matches!(
                            last,
                            Last::A
                                | Last::Unit
                                | Last::Teen
                                | Last::Tens
                                | Last::Hundred
                                | Last::Atom
                        ) {
                            break;
                        }
                        if s >= last_scale {
                            if let Some((_, g)) = and_mark {
                                good = g;
                            }
                            break;
                        }
                        let c = if last == Last::A { 1.0 } else { cur };
                        total += c * s;
                        cur = 0.0;
                        last_scale = s;
                    }
                    small = 0.0;
                    seg_hundred = false;
                    last = Last::Scale;
                }
                NumWord::Dozen => {
                    match last {
                        Last::A => cur = 12.0,
                        Last::Unit | Last::Teen | Last::Tens | Last::Atom => {
                            cur = cur - small + small * 12.0
                        }
                        _ => break,
                    }
                    j += 1;
                    good = Some((j, total + cur, NumberKind::Integer));
                    break;
                }
            }
            j += 1;
            good = Some((j, total + cur, int_or_decimal(total + cur, false)));
            continue;
        }
        if is_a(t) {
            if last != Last::None && last != Last::And {
                break;
            }
            let next_ok = toks.get(j + 1).is_some_and(|n| {
                matches!(
                    word_of(n),
                    Some(NumWord::Hundred | NumWord::Scale(_) | NumWord::Dozen)
                ) || denominator(&n.lower).is_some_and(|(_, plural)| !plural)
            });
            if !next_ok {
                break;
            }
            last = Last::A;
            j += 1;
            continue;
        }
        if w == "and" {
            let ok = match last {
                Last::Hundred | Last::Scale => {
                    small_starts(toks, j + 1) || fraction_follows(toks, j + 1)
                }
                Last::Tens => {
                    matches!(toks.get(j + 1).and_then(word_of), Some(NumWord::Unit(_)))
                        || fraction_follows(toks, j + 1)
                }
                Last::Unit | Last::Teen | Last::Atom => fraction_follows(toks, j + 1),
                _ => false,
            };
            if !ok {
                break;
            }
            and_mark = Some((total + cur, good));
            and_scale = (last == Last::Scale).then_some(last_scale);
            seg_hundred = seg_hundred && last != Last::Scale;
            last = Last::And;
            j += 1;
            continue;
        }
        if w == "point" {
            if !matches!(
                last,
                Last::Zero | Last::Unit | Last::Teen | Last::Tens | Last::Hundred | Last::Scale
            ) {
                break;
            }
            let (digits, k) = decimal_digits(toks, j + 1);
            if digits.is_empty() {
                break;
            }
            let frac: f64 = format!("0.{digits}").parse().unwrap_or(0.0);
            j = k;
            good = Some((j, total + cur + frac, NumberKind::Decimal));
            break;
        }
        if let Some((d, plural)) = denominator(w) {
            // A fraction: "two thirds", "a half", "one hundred and three quarters".
            let base = and_mark.map_or(0.0, |m| m.0);
            let whole = total + cur;
            let numer = if last == Last::A { 1.0 } else { whole - base };
            let is_fraction = (!has_atom || and_scale.is_some())
                && match last {
                    Last::A => !plural || d > 0.0,
                    Last::Unit | Last::Teen | Last::Tens | Last::Hundred | Last::Scale => {
                        plural || numer == 1.0
                    }
                    _ => false,
                };
            if is_fraction && numer > 0.0 {
                let base = if last == Last::A {
                    base_before_a(total, cur, and_mark)
                } else {
                    base
                };
                j += 1;
                let mult = and_scale.unwrap_or(1.0);
                good = Some((j, base + numer / d * mult, NumberKind::Fraction));
                break;
            }
        }
        if let Some(v) = ordinal_word(w) {
            let ok = match last {
                Last::None => true,
                Last::Tens => v < 10.0,
                Last::Hundred | Last::Scale | Last::And => true,
                _ => false,
            };
            if ok && !(w == "second" && last == Last::None && second_is_time(toks, j)) {
                j += 1;
                good = Some((
                    j,
                    total
                        + cur
                        + if v >= 100.0 && last != Last::None {
                            0.0
                        } else {
                            v
                        },
                    NumberKind::Ordinal,
                ));
                if v >= 100.0 && last != Last::None {
                    // "two hundredth" style positions: keep the simple reading.
                    good = Some((j, (total + cur) * 1.0, NumberKind::Ordinal));
                }
            }
            break;
        }
        break;
    }
    let (mut t1, mut value, mut kind) = good?;
    // "five and a half million", "two thirds of a million"
    if kind == NumberKind::Fraction && value < 1000.0 {
        let k = if toks.get(t1).is_some_and(|o| o.is_word("of"))
            && toks.get(t1 + 1).is_some_and(is_a)
        {
            t1 + 2
        } else {
            t1
        };
        if let Some(NumWord::Scale(sc)) = toks.get(k).and_then(word_of) {
            t1 = k + 1;
            value *= sc;
            kind = int_or_decimal(value, false);
        }
    }
    if t1 <= t0 {
        return None;
    }
    let mut span = mk(toks, t0, t1, value, kind, true);
    // A lone "one" after a determiner is a pronoun ("the one you mentioned").
    if t1 == t0 + 1 && toks[t0].is_word("one") {
        let p = prev_word(toks, t0);
        if matches!(
            p,
            Some(
                "the"
                    | "this"
                    | "that"
                    | "which"
                    | "each"
                    | "every"
                    | "any"
                    | "no"
                    | "another"
                    | "some"
                    | "one"
                    | "little"
                    | "only"
                    | "a"
            )
        ) || toks.get(t1).is_some_and(|n| n.is_word("another"))
        {
            span.emit = false;
        }
    }
    Some(span)
}

/// "one and a half": the value before the "a".
fn base_before_a(total: f64, cur: f64, and_mark: Option<AndMark>) -> f64 {
    and_mark.map_or(total + cur, |m| m.0)
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
    use crate::recognize::{MentionValue, NumberKind, Recognizer};

    fn numbers(text: &str) -> Vec<(String, f64, NumberKind)> {
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

    #[test]
    fn table() {
        use NumberKind::*;
        type Case<'a> = (&'a str, &'a [(&'a str, f64, NumberKind)]);
        let cases: &[Case] = &[
            ("more than 10,000 troops", &[("10,000", 10000.0, Integer)]),
            ("A total of 26 leaders", &[("26", 26.0, Integer)]),
            ("1.5", &[("1.5", 1.5, Decimal)]),
            ("2.5m people", &[("2.5m", 2_500_000.0, Integer)]),
            ("1.2 million", &[("1.2 million", 1_200_000.0, Integer)]),
            ("ten thousand", &[("ten thousand", 10000.0, Integer)]),
            (
                "one hundred and twenty-five",
                &[("one hundred and twenty-five", 125.0, Integer)],
            ),
            ("a dozen", &[("a dozen", 12.0, Integer)]),
            ("the 80th anniversary", &[("80th", 80.0, Ordinal)]),
            ("the 3rd time", &[("3rd", 3.0, Ordinal)]),
            ("the eightieth", &[("eightieth", 80.0, Ordinal)]),
            ("twenty-first", &[("twenty-first", 21.0, Ordinal)]),
            ("The 70-minute event", &[("70", 70.0, Integer)]),
            ("up 5%", &[("5%", 5.0, Percent)]),
            ("12 per cent", &[("12 per cent", 12.0, Percent)]),
            ("two thirds", &[("two thirds", 2.0 / 3.0, Fraction)]),
            (
                "3 hundred and 2 hundred",
                &[("3 hundred", 300.0, Integer), ("2 hundred", 200.0, Integer)],
            ),
            ("-5 degrees", &[("-5", -5.0, Integer)]),
            // Regression: a spaced sign after a word is a sign, a glued dash is not.
            ("fell to -5 degrees", &[("-5", -5.0, Integer)]),
            ("COVID-19", &[("19", 19.0, Integer)]),
            (
                "192.168.1.2",
                &[
                    ("192", 192.0, Integer),
                    ("168", 168.0, Integer),
                    ("1", 1.0, Integer),
                    ("2", 2.0, Integer),
                ],
            ),
        ];
        for (text, want) in cases {
            let got = numbers(text);
            let want: Vec<(String, f64, NumberKind)> = want
                .iter()
                .map(|(s, v, k)| (s.to_string(), *v, *k))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn yields_nothing() {
        for text in [
            "",
            "a",
            "an",
            "the 180ml liquid",
            "29km",
            "version v1.2.3",
            "1.2.3",
            "The one you mentioned",
            "Book a first-class seat? no",
            "1m isn't",
        ] {
            let got: Vec<_> = numbers(text)
                .into_iter()
                .filter(|n| n.2 != NumberKind::Ordinal)
                .collect();
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }
}

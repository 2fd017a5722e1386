//! Tokenizer shared by all recognizers: words, digit numbers (with their
//! grouping and decimal conventions already resolved), dotted digit chains
//! and single punctuation characters, each with its byte span.
//!
//! Digit patterns are anchored regexes compiled once; each is tried only at
//! the start of a digit run, so tokenizing is linear in the input.

use std::borrow::Cow;
use std::ops::Deref;

use regex::Regex;

use super::words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    /// A digit number; `value` holds it.
    Num,
    /// Three or more dot-separated digit groups: "1.2.3", "192.168.1.2",
    /// "13.5.2015". Never a quantity by itself.
    Dotted,
    Punct,
}

/// A token's text, lower-cased: borrowed from the sentence when it is
/// already (most words, every number and punctuation mark), so that
/// tokenizing allocates only for words that change.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Lower<'a>(Cow<'a, str>);

impl Lower<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Lower-cased text for words (’ read as '); the raw text otherwise.
    pub lower: Lower<'a>,
    /// The value of a `Num` token.
    pub value: f64,
    /// A `Num` token written with a decimal point or decimal comma.
    pub decimal: bool,
    /// A `Num` token written as a plain run of digits (no grouping, no
    /// decimals): "2025", "03".
    pub plain_digits: bool,
    /// No whitespace between this token and the previous one.
    pub glued_left: bool,
    /// First character is upper case (words only).
    pub capital: bool,
    /// Whether the token can anchor a mention ([`Tok::anchors`]), worked
    /// out once here: the gate and the date scan both ask it.
    anchor: bool,
}

impl Tok<'_> {
    /// Whether this token can anchor a number, date, duration or range
    /// (see [`words::anchors`]): every mention holds at least one.
    pub fn anchors(&self) -> bool {
        self.anchor
    }
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == TokKind::Word && self.lower == w
    }
    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == TokKind::Punct && self.lower == c
    }
    pub fn is_dash(&self) -> bool {
        self.kind == TokKind::Punct && matches!(self.lower.as_str(), "-" | "–" | "—" | "‐" | "‑")
    }
}

pub(crate) struct Tokenizer {
    power: Regex,
    dotted: Regex,
    european: Regex,
    grouped: Regex,
    decimal_comma: Regex,
    plain: Regex,
}

impl Tokenizer {
    pub fn new() -> Self {
        // The patterns are literals: a failure here is a programming error
        // caught by every test, never an input error.
        let re = |p: &str| Regex::new(p).unwrap_or_else(|e| panic!("bad built-in regex {p}: {e}"));
        Tokenizer {
            power: re(r"^\d+(?:\.\d+)?(?:x10\^|\^)[+-]*\d+"),
            dotted: re(r"^\d+(?:\.\d+){2,}"),
            european: re(r"^\d{1,3}(?:\.\d{3})+,\d+"),
            grouped: re(
                r"^(?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u{00A0}\u{202F}]\d{3})+)(?:\.\d+)?",
            ),
            decimal_comma: re(r"^\d+,\d{1,2}"),
            plain: re(r"^(?:\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)"),
        }
    }

    pub fn tokenize<'a>(&self, text: &'a str) -> Vec<Tok<'a>> {
        let bytes = text.as_bytes();
        // About one token per five bytes of prose: grown once or not at all.
        let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 4);
        let mut pos = 0;
        let mut last_end = usize::MAX;
        while pos < text.len() {
            // Most text is ASCII: a byte below 0x80 is its char already.
            let c = match bytes[pos] {
                b if b.is_ascii() => char::from(b),
                _ => match text[pos..].chars().next() {
                    Some(c) => c,
                    None => break,
                },
            };
            if c.is_whitespace() {
                pos += c.len_utf8();
                continue;
            }
            let glued_left = last_end == pos;
            let next_is_digit = bytes.get(pos + 1).is_some_and(|b| b.is_ascii_digit());
            // ".25" is a number, but not the dot in "september.16th".
            let leading_dot = c == '.'
                && next_is_digit
                && !prev_is_digit(bytes, pos)
                && !text[..pos]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
            if c.is_ascii_digit() || leading_dot {
                let (len, kind, value, decimal, plain) = self.number_at(text, pos);
                toks.push(Tok {
                    start: pos,
                    end: pos + len,
                    kind,
                    lower: Lower(Cow::Borrowed(&text[pos..pos + len])),
                    value,
                    decimal,
                    plain_digits: plain,
                    glued_left,
                    capital: false,
                    anchor: false,
                });
                pos += len;
            } else if c.is_alphabetic() {
                let end = word_end(text, pos);
                let raw = &text[pos..end];
                toks.push(Tok {
                    start: pos,
                    end,
                    kind: TokKind::Word,
                    lower: lower_word(raw),
                    value: 0.0,
                    decimal: false,
                    plain_digits: false,
                    glued_left,
                    capital: c.is_uppercase(),
                    anchor: false,
                });
                pos = end;
            } else {
                let end = pos + c.len_utf8();
                toks.push(Tok {
                    start: pos,
                    end,
                    kind: TokKind::Punct,
                    lower: Lower(Cow::Borrowed(&text[pos..end])),
                    value: 0.0,
                    decimal: false,
                    plain_digits: false,
                    glued_left,
                    capital: false,
                    anchor: false,
                });
                pos = end;
            }
            last_end = pos;
        }
        for t in &mut toks {
            t.anchor = match t.kind {
                TokKind::Num | TokKind::Dotted => true,
                TokKind::Word | TokKind::Punct => words::anchors(&t.lower),
            };
        }
        toks
    }

    /// Length, kind, value, decimal flag and plain-digits flag of the number at `pos`.
    fn number_at(&self, text: &str, pos: usize) -> (usize, TokKind, f64, bool, bool) {
        let rest = &text[pos..];
        let bytes = text.as_bytes();
        let next_digit = |len: usize| bytes.get(pos + len).is_some_and(|b| b.is_ascii_digit());
        if let Some(m) = self.power.find(rest) {
            let s = m.as_str();
            if let Some(v) = power_value(s) {
                return (m.end(), TokKind::Num, v, true, false);
            }
        }
        if let Some(m) = self.dotted.find(rest) {
            return (m.end(), TokKind::Dotted, 0.0, false, false);
        }
        if let Some(m) = self.european.find(rest) {
            if !next_digit(m.end()) {
                let s: String = m.as_str().chars().filter(|&c| c != '.').collect();
                let v = s.replace(',', ".").parse().unwrap_or(f64::NAN);
                return (m.end(), TokKind::Num, v, true, false);
            }
        }
        if let Some(m) = self.grouped.find(rest) {
            // "423 0000" is two numbers: a group must not run into more digits.
            if !next_digit(m.end()) {
                let s: String = m
                    .as_str()
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                let v = s.parse().unwrap_or(f64::NAN);
                return (m.end(), TokKind::Num, v, s.contains('.'), false);
            }
        }
        if let Some(m) = self.decimal_comma.find(rest) {
            // "5,00" and "1,3" but not a list "22,24,26": the comma group must
            // stand alone.
            let after = &text[pos + m.end()..];
            let before_is_list = pos >= 2
                && bytes[pos - 1] == b','
                && bytes.get(pos - 2).is_some_and(|b| b.is_ascii_digit())
                // "08/12,15": a date with a two-digit year, not 12.15.
                || pos >= 1 && bytes[pos - 1] == b'/';
            let after_is_list = after.starts_with(',')
                && after.as_bytes().get(1).is_some_and(|b| b.is_ascii_digit());
            if !next_digit(m.end()) && !before_is_list && !after_is_list {
                let v = m.as_str().replace(',', ".").parse().unwrap_or(f64::NAN);
                return (m.end(), TokKind::Num, v, true, false);
            }
        }
        if let Some(m) = self.plain.find(rest) {
            let s = m.as_str();
            let v = s.parse().unwrap_or(f64::NAN);
            let plain = s.bytes().all(|b| b.is_ascii_digit());
            return (m.end(), TokKind::Num, v, !plain, plain);
        }
        // Unreachable for a digit start; consume one byte to stay total.
        (1, TokKind::Punct, 0.0, false, false)
    }
}

/// A word lower-cased with ’ read as ', borrowed when that changes
/// nothing: ASCII without capitals. Only a word that holds a ’ is copied
/// a second time.
fn lower_word(raw: &str) -> Lower<'_> {
    if raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Lower(Cow::Borrowed(raw));
    }
    let lower = raw.to_lowercase();
    if lower.contains('’') {
        Lower(Cow::Owned(lower.replace('’', "'")))
    } else {
        Lower(Cow::Owned(lower))
    }
}

/// Where the word starting at `start` ends: letters, joined by an
/// apostrophe (' or ’) only when a letter follows it ("O’Neill", "don't").
/// Runs of ASCII letters are skipped byte by byte without decoding.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
            end += 1;
        }
        let mut rest = text[end..].chars();
        match rest.next() {
            Some(c) if c.is_alphabetic() => end += c.len_utf8(),
            Some(c @ ('\'' | '’')) if rest.next().is_some_and(char::is_alphabetic) => {
                end += c.len_utf8();
            }
            _ => return end,
        }
    }
}

fn prev_is_digit(bytes: &[u8], pos: usize) -> bool {
    pos > 0 && bytes[pos - 1].is_ascii_digit()
}

/// "1.1^23", "-1.1^--23" (signs in the exponent multiply), "1.3x10^6".
fn power_value(s: &str) -> Option<f64> {
    if let Some((mant, exp)) = s.split_once("x10^") {
        let m: f64 = mant.parse().ok()?;
        let e = signed_exponent(exp)?;
        return finite(m * 10f64.powf(e));
    }
    let (base, exp) = s.split_once('^')?;
    let b: f64 = base.parse().ok()?;
    let e = signed_exponent(exp)?;
    finite(b.powf(e))
}

fn signed_exponent(s: &str) -> Option<f64> {
    let digits = s.trim_start_matches(['+', '-']);
    let minus = s[..s.len() - digits.len()].matches('-').count();
    let e: f64 = digits.parse().ok()?;
    Some(if minus % 2 == 1 { -e } else { e })
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// The tokens from `start` spell `phrase` (lower-cased words).
pub(crate) fn words_at(toks: &[Tok], start: usize, phrase: &[&str]) -> bool {
    start + phrase.len() <= toks.len()
        && toks[start..start + phrase.len()]
            .iter()
            .zip(phrase)
            .all(|(t, w)| t.lower == *w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word scan as it was, one decoded char at a time.
    fn word_end_by_chars(text: &str, pos: usize) -> usize {
        let mut end = pos;
        let mut chars = text[pos..].char_indices().peekable();
        while let Some((i, ch)) = chars.next() {
            if ch.is_alphabetic() {
                end = pos + i + ch.len_utf8();
            } else if (ch == '\'' || ch == '’')
                && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic())
            {
                continue;
            } else {
                break;
            }
        }
        end
    }

    /// The ASCII fast path ends every word where the char-by-char scan
    /// does, from every letter of every real line (so also mid-word).
    #[test]
    fn word_end_agrees_with_char_scan() {
        let mut lines = crate::recognize::tests::corpus_lines();
        lines.push("Ada’s naïve İstanbul O’Neill's rock'n'roll don' x’ é’é ab'1 Ωmega".to_string());
        let mut words = 0;
        for line in &lines {
            for (pos, c) in line.char_indices() {
                if c.is_alphabetic() {
                    assert_eq!(
                        word_end(line, pos),
                        word_end_by_chars(line, pos),
                        "{line:?} at {pos}"
                    );
                    words += 1;
                }
            }
        }
        assert!(words > 10_000, "too few letters: {words}");
    }

    /// Tokens borrow their text only where lower-casing (and reading ’ as
    /// ') would not change it: every token of every real line has the
    /// text a copy would have.
    #[test]
    fn tokens_hold_their_lower_case() {
        let tokenizer = Tokenizer::new();
        let full = |t: &Tok, text: &str| match t.kind {
            TokKind::Word => text[t.start..t.end].to_lowercase().replace('’', "'"),
            _ => text[t.start..t.end].to_string(),
        };
        let mut lines = crate::recognize::tests::corpus_lines();
        lines.push("Ada’s VISIT, naïve İstanbul 1,200 — O’Neill's".to_string());
        for line in &lines {
            for t in tokenizer.tokenize(line) {
                assert_eq!(t.lower.as_str(), full(&t, line), "{line:?}");
            }
        }
    }
}

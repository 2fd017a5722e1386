//! Claim frames: the slots around a figure that say where and when it
//! holds, who gives it and whether it is the current word.
//!
//! Anchor extractors (counts today) find the figure and what it measures;
//! the fillers here read the rest from cue lists in the lexicon
//! (`rules/lexicon/frames.yaml`), once for every kind of figure. They never
//! drop a figure: a superseded or projected figure is kept with its status,
//! and the checks decide what to compare.

mod as_of;
pub(crate) mod attribution;
mod scope;
pub(crate) mod status;

use super::SentenceContext;
use crate::facts::Frame;

/// Fills every slot but the measure and holder, which the anchor knows.
/// `start..end` is the figure, `measure_start` where its measure phrase
/// begins (before the figure for "the toll rose to 190").
pub fn fill(ctx: &SentenceContext, start: usize, end: usize, measure_start: usize) -> Frame {
    let attribution = attribution::find(ctx, start);
    Frame {
        measure: None,
        scope: scope::find(ctx, start.min(measure_start), end),
        holder: None,
        as_of: as_of::find(ctx, start),
        status: status::of_figure(ctx, start, end, attribution.as_ref().map(|a| a.1)),
        attribution: attribution.map(|a| a.0),
    }
}

/// Word spans in `text[from..to]`: runs of letters, digits, apostrophes
/// and inner hyphens or periods ("U.N.", "el-Drese", "Libya's").
pub fn word_spans(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    words(text, from, to).collect()
}

/// The words of [`word_spans`], found lazily from either end: the words
/// nearest a figure cost the same however long the sentence before it is
/// (`.rev().take(n)`), which keeps a sentence full of figures linear.
pub fn words(text: &str, from: usize, to: usize) -> Words<'_> {
    Words {
        slice: &text[from..to],
        from,
        front: 0,
        back: to - from,
    }
}

#[derive(Debug, Clone)]
pub struct Words<'a> {
    slice: &'a str,
    /// Offset of `slice` in the text.
    from: usize,
    /// The unread part of `slice`: `front..back`.
    front: usize,
    back: usize,
}

impl Words<'_> {
    /// Whether the character at `i` belongs to a word: a letter or digit,
    /// or an apostrophe, hyphen or period between two of them.
    fn in_word(&self, i: usize, c: char) -> bool {
        if c.is_alphanumeric() {
            return true;
        }
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        matches!(c, '\'' | '’' | '-' | '.')
            && alnum(self.slice[..i].chars().next_back())
            && alnum(self.slice[i + c.len_utf8()..].chars().next())
    }
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let mut start = None;
        for (i, c) in self.slice[self.front..self.back].char_indices() {
            let i = self.front + i;
            match (self.in_word(i, c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    self.front = i;
                    return Some((self.from + s, self.from + i));
                }
                _ => {}
            }
        }
        self.front = self.back;
        start.map(|s| (self.from + s, self.from + self.back))
    }
}

impl DoubleEndedIterator for Words<'_> {
    fn next_back(&mut self) -> Option<(usize, usize)> {
        let mut end = None;
        for (i, c) in self.slice[self.front..self.back].char_indices().rev() {
            let i = self.front + i;
            let after = i + c.len_utf8();
            match (self.in_word(i, c), end) {
                (true, None) => end = Some(after),
                (false, Some(e)) => {
                    self.back = after;
                    return Some((self.from + after, self.from + e));
                }
                _ => {}
            }
        }
        self.back = self.front;
        end.map(|e| (self.from + self.front, self.from + e))
    }
}

/// The lowercase of `text`'s first `chars` characters: what the lowercase
/// of all of it starts with, as far as an ASCII phrase of that many
/// characters can tell (each character lowercases on its own, to one
/// character or more), without lowercasing the rest of the sentence for
/// every figure.
pub fn lowercase_head(text: &str, chars: usize) -> String {
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    text[..end].to_lowercase()
}

/// Whether a word starts with a capital letter.
pub fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A word in the possessive: "Saturday's", "Libya’s".
pub fn possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// A name's slug without a leading article: "the Libyan Red Crescent" →
/// `libyan-red-crescent`.
pub fn name_id(words: &str) -> String {
    let trimmed = words.trim();
    let bare = ["the ", "The ", "a ", "A ", "an ", "An "]
        .iter()
        .find_map(|a| trimmed.strip_prefix(a))
        .unwrap_or(trimmed);
    crate::text::slug(bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_marks() {
        let text = "Libya's U.N. envoy, el-Drese, said.";
        let words: Vec<&str> = word_spans(text, 0, text.len())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(words, ["Libya's", "U.N", "envoy", "el-Drese", "said"]);
    }

    /// Whether the lowercase of the head opens with a phrase is whether the
    /// lowercase of the whole text does, at every character of every real
    /// line and of awkward text (capitals that lowercase to two
    /// characters, the Kelvin sign that lowercases to ASCII, final sigma).
    #[test]
    fn lowercase_head_opens_as_the_whole_text() {
        let phrases = ["a.m", "p.m", "which ", "that ", "when ", "k", "ki", "i"];
        let mut lines = vec!["\u{212A}m İİ ΣΑΣ Σ which WHEN İs A.M. p.M".to_string()];
        lines.extend(crate::recognize::tests::corpus_lines());
        let mut opened = 0;
        for line in &lines {
            // Where words open: what the callers look at.
            let starts = line
                .char_indices()
                .filter(|&(i, _)| i == 0 || line[..i].ends_with(' '));
            for (at, _) in starts {
                let text = &line[at..];
                let whole = text.to_lowercase();
                for chars in [3, 6] {
                    let head = lowercase_head(text, chars);
                    for p in phrases.iter().filter(|p| p.len() <= chars) {
                        assert_eq!(head.starts_with(p), whole.starts_with(p), "{text:?} {p}");
                        opened += usize::from(whole.starts_with(p));
                    }
                }
            }
        }
        assert!(opened > 1000, "{opened}");
    }

    /// The one-pass scanner the lazy iterator replaced, kept as the
    /// reference it must agree with.
    fn scanned(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let slice = &text[from..to];
        let mut iter = slice.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let inner = matches!(c, '\'' | '’' | '-' | '.')
                && start.is_some()
                && iter.peek().is_some_and(|(_, n)| n.is_alphanumeric());
            if c.is_alphanumeric() || inner {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push((from + s, from + i));
            }
        }
        if let Some(s) = start {
            out.push((from + s, to));
        }
        out
    }

    /// From the front, from the back and from both ends in turn, over
    /// every slice between word-ish boundaries of awkward and real text.
    #[test]
    fn words_from_either_end_are_the_scanned_words() {
        let mut lines = vec![
            "Libya's U.N. envoy, el-Drese, said.".to_string(),
            "a.-b 'x' -y- ..z.. U.S.-led 3.5m 1,000 naïve café’s — ok".to_string(),
            "''--..’’ a".to_string(),
        ];
        lines.extend(
            crate::recognize::tests::corpus_lines()
                .into_iter()
                .take(400),
        );
        for text in &lines {
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .step_by(3)
                .collect();
            for (k, &from) in cuts.iter().enumerate() {
                for &to in cuts[k..].iter().step_by(7) {
                    let want = scanned(text, from, to);
                    assert_eq!(
                        words(text, from, to).collect::<Vec<_>>(),
                        want,
                        "{text:?} {from}..{to}"
                    );
                    let mut back: Vec<_> = words(text, from, to).rev().collect();
                    back.reverse();
                    assert_eq!(back, want, "{text:?} {from}..{to} from the back");
                    let mut it = words(text, from, to);
                    let (mut head, mut tail) = (Vec::new(), Vec::new());
                    while let Some(w) = it.next() {
                        head.push(w);
                        let Some(w) = it.next_back() else { break };
                        tail.push(w);
                    }
                    tail.reverse();
                    head.extend(tail);
                    assert_eq!(head, want, "{text:?} {from}..{to} alternating");
                }
            }
        }
    }

    #[test]
    fn names_lose_their_article() {
        assert_eq!(name_id("the Libyan Red Crescent"), "libyan-red-crescent");
        assert_eq!(name_id("Health authorities"), "health-authorities");
    }
}

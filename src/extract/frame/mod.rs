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

    #[test]
    fn names_lose_their_article() {
        assert_eq!(name_id("the Libyan Red Crescent"), "libyan-red-crescent");
        assert_eq!(name_id("Health authorities"), "health-authorities");
    }
}

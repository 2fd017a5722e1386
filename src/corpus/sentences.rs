//! Sentence splitting with byte spans, and byte offset → line/column.
//!
//! News copy puts one paragraph (or one headline) per line, so a line break
//! always ends a sentence; inside a line we split after `.`, `!` or `?`
//! followed by a space and a capital, digit or quote, unless the word before
//! is a known abbreviation ("Sept.", "Mr.", "U.S.").

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// Abbreviations that end in a period without ending a sentence. Generic
/// English, not vocabulary of any story.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "st",
    "jr", "sr", "no", "vs", "etc", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "approx",
    "est", "mt", "ft",
];

pub fn split_sentences(text: &str, from: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    let wrapped = hard_wrapped(&text[from..]);
    let mut start = from;
    let mut line_start = from;
    let mut lines = text[from..].split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let line_end = line_start + line.len();
        // In hard-wrapped copy a line that stops mid-sentence goes on on
        // the next one ("Argentine President Javier" / "Milei was …").
        let goes_on = wrapped
            && lines.peek().is_some_and(|next| {
                continues(line) && !item(line) && !next.trim().is_empty() && !item(next)
            });
        if !goes_on {
            split_line(text, start, line_end, &mut out);
            start = line_end;
        }
        line_start = line_end;
    }
    if start < text.len() {
        split_line(text, start, text.len(), &mut out);
    }
    out
}

/// Lines that wrap before their sentence ends (no closing punctuation,
/// and the next line opens in lower case) before this many: the copy was
/// hard-wrapped, and a line break inside a paragraph is a space. News
/// copy that is not wrapped puts a headline or a paragraph per line.
const WRAPPED_LINES: usize = 2;

fn hard_wrapped(text: &str) -> bool {
    let mut lines = text.lines().peekable();
    let mut n = 0;
    while let Some(line) = lines.next() {
        let next_lower = lines
            .peek()
            .and_then(|l| l.trim_start().chars().next())
            .is_some_and(char::is_lowercase);
        if continues(line) && next_lower && !item(line) {
            n += 1;
            if n >= WRAPPED_LINES {
                return true;
            }
        }
    }
    false
}

/// A non-blank line that does not close its sentence.
fn continues(line: &str) -> bool {
    let t = line.trim_end();
    !t.is_empty() && !t.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', ']'])
}

/// A heading or a list item: a line of its own.
fn item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['#', '-', '*', '•', '|', '>'])
}

/// Where a quotation opening at byte `i` ends (past its closing mark), if
/// it closes on the same line within [`MAX_SENTENCE_BYTES`]: a sentence
/// does not end inside a
/// quotation (`Haq said, "We revise. So it goes."` is one statement with
/// its attribution), but an opening mark never closed on its line (a
/// quotation running over paragraphs, a stray mark) splits as usual.
fn quotation_end(text: &str, i: usize, end: usize) -> Option<usize> {
    let rest = &text.as_bytes()[i..end];
    let (open_len, close) = if rest.starts_with("“".as_bytes()) {
        ("“".len(), '”')
    } else if rest.first() == Some(&b'"') {
        (1, '"')
    } else {
        return None;
    };
    let from = i + open_len;
    let limit = crate::text::floor_char_boundary(text, end.min(from + MAX_SENTENCE_BYTES));
    text.get(from..limit)?
        .find(close)
        .map(|j| from + j + close.len_utf8())
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut s = start;
    let mut i = start;
    let mut quoted_until = start;
    while i < end {
        // Only a sentence end or an opening quotation mark matters: skip
        // to the next byte that can be one.
        match bytes[i..end].iter().position(|&b| may_matter(b)) {
            Some(n) => i += n,
            None => break,
        }
        let b = bytes[i];
        if i >= quoted_until {
            if let Some(close) = quotation_end(text, i, end) {
                quoted_until = close;
            }
        }
        if matches!(b, b'.' | b'!' | b'?')
            && i + 2 < end
            && bytes[i + 1] == b' '
            && i >= quoted_until
        {
            let next = text[i + 2..end].chars().next().unwrap_or(' ');
            let opens = next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '"' | '“' | '\'' | '‘');
            if opens && !(b == b'.' && ends_with_abbreviation(&text[s..i])) {
                push_trimmed(text, s, i + 1, out);
                s = i + 2;
            }
        }
        i += 1;
    }
    push_trimmed(text, s, end, out);
}

/// A byte that may end a sentence or open a quotation ("“" opens with
/// 0xE2): [`split_line`] looks at no other.
fn may_matter(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'"' | 0xE2)
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_ascii_lowercase();
    // Single capitals are initials ("John F. Kennedy").
    (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
        || ABBREVIATIONS.contains(&lower.as_str())
}

/// Longest sentence, in bytes. Real sentences are far shorter; a run-on
/// "sentence" (a list without full stops, a line of junk) is cut at spaces
/// so that per-sentence work stays bounded and the whole run linear.
const MAX_SENTENCE_BYTES: usize = 1_200;

fn push_trimmed(text: &str, mut s: usize, e: usize, out: &mut Vec<Sentence>) {
    while e - s > MAX_SENTENCE_BYTES {
        let limit = crate::text::floor_char_boundary(text, s + MAX_SENTENCE_BYTES);
        // Cut at the last space before the limit, else at the limit.
        let cut = text[s..limit]
            .rfind(char::is_whitespace)
            .map(|i| s + i)
            .filter(|&c| c > s)
            .unwrap_or(limit);
        push_one(text, s, cut, out);
        s = cut;
    }
    push_one(text, s, e, out);
}

fn push_one(text: &str, mut s: usize, mut e: usize, out: &mut Vec<Sentence>) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    s += lead;
    e -= trail;
    if e > s {
        out.push(Sentence { start: s, end: e });
    }
}

/// Byte offset → 1-based line and column (in characters).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Every [`CHECKPOINT_BYTES`] or so inside a line, the byte offset and
    /// the column there, so a column on a very long line is counted from
    /// the nearest checkpoint rather than from the line's start (which made
    /// locating every fact of a one-line megabyte quadratic).
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    /// Line starts are found by `memchr`; only a line longer than
    /// [`CHECKPOINT_BYTES`] (rare in prose) is walked a character at a
    /// time for its checkpoints.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut checkpoints = Vec::new();
        let mut start = 0;
        loop {
            let newline = memchr::memchr(b'\n', &bytes[start..]).map(|n| start + n);
            // The line's characters, its newline included: a newline far
            // enough in takes a checkpoint too.
            let last = newline.unwrap_or(bytes.len());
            if last >= start + CHECKPOINT_BYTES {
                line_checkpoints(text, start, last, &mut checkpoints);
            }
            match newline {
                Some(n) => {
                    start = n + 1;
                    starts.push(start);
                }
                None => break,
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset);
        let (from, before) = match k.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some((b, col)) if b >= start => (b, col),
            _ => (start, 0),
        };
        let column = text
            .get(from..offset)
            .map_or(1, |s| before + s.chars().count() + 1);
        (line, column)
    }
}

/// The checkpoints of the line from `start` whose last character (its
/// newline, if it has one) starts at or before `last`: every
/// [`CHECKPOINT_BYTES`] or so, the byte offset and the characters before it.
fn line_checkpoints(text: &str, start: usize, last: usize, out: &mut Vec<(usize, usize)>) {
    let end = (last + 1).min(text.len());
    let mut next = start + CHECKPOINT_BYTES;
    for (column, (i, _)) in text[start..end].char_indices().enumerate() {
        let i = start + i;
        if i >= next {
            out.push((i, column));
            next = i + CHECKPOINT_BYTES;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, 0)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Headline\nBody here. More.",
                &["Headline", "Body here.", "More."],
            ),
            // Hard-wrapped copy: a line break inside a sentence is a space.
            (
                "Crowds stood in\nthe square for\nhours. Mayor Ada\nLind spoke.\n- A list item\nNext line.",
                &[
                    "Crowds stood in\nthe square for\nhours.",
                    "Mayor Ada\nLind spoke.",
                    "- A list item",
                    "Next line.",
                ],
            ),
            (
                "Mr. Smith went on Sept. 3. He left.",
                &["Mr. Smith went on Sept. 3.", "He left."],
            ),
            (
                "The U.S. Army said so. Then 5 left.",
                &["The U.S. Army said so.", "Then 5 left."],
            ),
            ("It was 1.5 km. ok", &["It was 1.5 km. ok"]),
            ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
            (
                "He said: \"Go.\" She went.",
                &["He said: \"Go.\" She went."],
            ),
            // A sentence does not end inside a quotation closed on its line.
            (
                "Haq said, \"We revise. So it goes.\" Then he left.",
                &["Haq said, \"We revise. So it goes.\" Then he left."],
            ),
            (
                "Lind said: “We wait. We hope.” Rain fell. More came.",
                &["Lind said: “We wait. We hope.” Rain fell.", "More came."],
            ),
            (
                "\"A.\" he said. \"B. C.\" she said.",
                &["\"A.\" he said.", "\"B. C.\" she said."],
            ),
            // An opening mark never closed on the line splits as usual.
            (
                "He said: “We wait. We hope. Rain fell.",
                &["He said: “We wait.", "We hope.", "Rain fell."],
            ),
            ("", &[]),
            ("\n\n  \n", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }

    #[test]
    fn run_on_lines_are_cut_into_bounded_sentences() {
        let text = "attended. ".repeat(500);
        let parts = split_sentences(&text, 0);
        assert!(parts.len() >= 4, "{}", parts.len());
        assert!(parts.iter().all(|p| p.end - p.start <= MAX_SENTENCE_BYTES));
        let joined: usize = parts
            .iter()
            .map(|p| text[p.start..p.end].split_whitespace().count())
            .sum();
        assert_eq!(joined, 500, "no word lost");
        let wide = "é".repeat(2_000);
        assert!(
            split_sentences(&wide, 0)
                .iter()
                .all(|p| wide.is_char_boundary(p.start) && wide.is_char_boundary(p.end))
        );
    }

    /// `split_line` as it was, looking at every byte.
    fn split_line_bytewise(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
        let bytes = text.as_bytes();
        let mut s = start;
        let mut quoted_until = start;
        for i in start..end {
            let b = bytes[i];
            if i >= quoted_until {
                if let Some(close) = quotation_end(text, i, end) {
                    quoted_until = close;
                }
            }
            if matches!(b, b'.' | b'!' | b'?')
                && i + 2 < end
                && bytes[i + 1] == b' '
                && i >= quoted_until
            {
                let next = text[i + 2..end].chars().next().unwrap_or(' ');
                let opens = next.is_uppercase()
                    || next.is_ascii_digit()
                    || matches!(next, '"' | '“' | '\'' | '‘');
                if opens && !(b == b'.' && ends_with_abbreviation(&text[s..i])) {
                    push_trimmed(text, s, i + 1, out);
                    s = i + 2;
                }
            }
        }
        push_trimmed(text, s, end, out);
    }

    #[test]
    fn split_line_skipping_bytes_matches_the_bytewise_walk() {
        let mut texts = crate::recognize::tests::corpus_lines();
        texts.extend(
            [
                "",
                ".",
                "A. B. C.",
                "He said “Stop. Now.” Then left. “Unclosed. Yes. No.",
                "Quote \"a. B.\" ends. \"Open. Never. Closed.",
                "Prices rose — “sharply” — again. Next “”. Done! Why? Because.",
                "Mr. Smith met Dr. Jones at 3 p.m. Sept. 4. U.S. officials agreed.",
                "é. É! “É” ’Twas. ‘Quoted.’ Next.",
            ]
            .map(str::to_string),
        );
        let long = format!("“{}. A”. B. {}", "word ".repeat(400), "x. Y. ".repeat(300));
        texts.push(long);
        for text in &texts {
            let (mut got, mut want) = (Vec::new(), Vec::new());
            split_line(text, 0, text.len(), &mut got);
            split_line_bytewise(text, 0, text.len(), &mut want);
            assert_eq!(got, want, "{text:?}");
        }
    }

    /// The index as the one-pass walk over every character built it.
    fn walked_index(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let mut checkpoints = Vec::new();
        let mut next = CHECKPOINT_BYTES;
        let mut column = 0;
        for (i, c) in text.char_indices() {
            if i >= next {
                checkpoints.push((i, column));
                next = i + CHECKPOINT_BYTES;
            }
            column += 1;
            if c == '\n' {
                starts.push(i + 1);
                column = 0;
                next = i + 1 + CHECKPOINT_BYTES;
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    #[test]
    fn line_index_matches_the_walk_over_every_character() {
        let long = "é".repeat(3_000) + "x" + &"a".repeat(9_000);
        let exact = "a".repeat(CHECKPOINT_BYTES);
        let mut texts: Vec<String> = vec![
            String::new(),
            "\n".into(),
            "\n\n".into(),
            "no newline".into(),
            format!("first\n{long}\nlast"),
            format!("{long}\n"),
            format!("{long}"),
            format!("{exact}\n{exact}"),
            format!("{exact}a\nb"),
            format!("x{exact}\n"),
            format!("\n{}\n", "😀".repeat(CHECKPOINT_BYTES / 2)),
        ];
        texts.push(crate::recognize::tests::corpus_lines().join("\n"));
        for text in &texts {
            let (got, want) = (LineIndex::new(text), walked_index(text));
            assert_eq!(got.starts, want.starts, "{:?}", &text[..text.len().min(40)]);
            assert_eq!(
                got.checkpoints,
                want.checkpoints,
                "{:?}",
                &text[..text.len().min(40)]
            );
        }
    }

    #[test]
    fn line_columns_count_characters() {
        let text = "ab\nc’d e\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        let e = text.find('e').unwrap();
        assert_eq!(idx.line_col(text, e), (2, 5));
    }

    #[test]
    fn columns_on_long_lines_count_characters() {
        let line = "é".repeat(5_000) + "x" + &"a".repeat(9_000);
        let text = format!("first\n{line}\nlast");
        let index = LineIndex::new(&text);
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(&text, x), (2, 5_001));
        let end = x + 9_000;
        assert_eq!(index.line_col(&text, end), (2, 14_001));
        let last = text.rfind("last").unwrap();
        assert_eq!(index.line_col(&text, last), (3, 1));
        assert_eq!(index.line_col(&text, 0), (1, 1));
    }
}

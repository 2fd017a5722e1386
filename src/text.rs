//! Small text utilities shared by the stages: slugs for entity ids, a
//! whole-word phrase matcher built on Aho–Corasick, the one escaping
//! function for text that reaches a terminal, and the one ordinal formatter.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// Text from articles, file names and rule packs, made safe for a terminal
/// or a one-line message: control characters (ESC, BEL, newlines, C1
/// codes) and bidirectional overrides are shown escaped (`\n`, `\u{1b}`),
/// never sent raw, so an article cannot set the terminal's title or split
/// an error line. Tabs pass. Machine formats (JSON, SARIF, JUnit, GitHub
/// annotations) escape by their own rules instead.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Like [`terminal_safe`] for a block factlint lays out in lines itself
/// (`rules explain`, the facts table): newlines are kept.
pub fn terminal_safe_lines(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

fn escape(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\t' && !(keep_newlines && c == '\n'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            _ if !unsafe_char(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// The largest char boundary of `text` at or below `at` (std's own is
/// unstable): where to cut a window of at most `at` bytes.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Lowercase ASCII slug: "Jean-Claude Juncker" and "Jean Claude Juncker"
/// both give `jean-claude-juncker`; "Vučić" gives `vucic`, "Erdoğan" `erdogan`. Letters are
/// transliterated (deunicode), so that slugs agree across sources that
/// drop accents and a name never splits at a letter ASCII lacks.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if c == '\'' || c == '’' || c == '.' {
            // "People's" → "peoples", "U.S." → "us"
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    };
    for c in s.chars() {
        if c.is_ascii() || !c.is_alphabetic() {
            push(c, &mut out);
        } else {
            for t in deunicode::deunicode_char(c).unwrap_or("-").chars() {
                push(t, &mut out);
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// "21st", "112th": every ordinal factlint prints goes through here, so a
/// suffix is never hard-coded beside a number (issue #15: "21th"). The
/// teens take "th" whatever their last digit.
pub fn ordinal(n: i64) -> String {
    let suffix = match (n.unsigned_abs() % 100, n.unsigned_abs() % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `s` in lower case, borrowed when it already is (ASCII without capitals:
/// most words of prose), so that a look-up by lower-case word need not
/// allocate.
pub fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Whether the bytes around `start..end` are not letters or digits, so
/// "visit" does not match inside "visitors".
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A set of phrases, each with a value, matched as whole words, leftmost
/// longest. Built once per run from the lexicon.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    /// The phrases, compiled into [`PhraseSet::automaton`] on the first
    /// search: building all the lexicon's automata cost a third of a run
    /// over one short article, and most sets are never searched in it.
    patterns: Vec<String>,
    automaton: OnceLock<Option<AhoCorasick>>,
    values: Vec<T>,
    /// Hashes ([`word_hash`]) of the first word of every phrase, or `None`
    /// when some phrase opens with neither a letter nor a digit: what
    /// [`PhraseSet::find_in`] checks before searching.
    openers: Option<HashSet<u64, BuildHasherDefault<Prehashed>>>,
    case_insensitive: bool,
    /// Bytes in the longest phrase: no match is longer, so a phrase that
    /// opens or is the whole text is found within that many bytes.
    longest: usize,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            patterns: Vec::new(),
            automaton: OnceLock::new(),
            values: Vec::new(),
            openers: None,
            case_insensitive: false,
            longest: 0,
        }
    }
}

/// The words of one text (maximal runs of letters and digits, as
/// [`is_whole_word`] reads them), hashed once so that every
/// [`PhraseSet`] searched over the text can first ask whether it holds a
/// phrase's first word: most sets hold none of a sentence's words, and a
/// hash lookup per word costs far less than running the automaton.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    /// [`word_hash`] of each word with ASCII letters lowercased, for
    /// case-insensitive sets.
    folded: Vec<u64>,
    /// [`word_hash`] of each word as written.
    exact: Vec<u64>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut folded = Vec::with_capacity(text.len() / 5 + 1);
        let mut exact = Vec::with_capacity(text.len() / 5 + 1);
        let mut start = None;
        let mut push = |word: &str| {
            let (f, e) = word_hashes(word);
            folded.push(f);
            exact.push(e);
        };
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                push(&text[s..i]);
            }
        }
        if let Some(s) = start {
            push(&text[s..]);
        }
        Words {
            text,
            folded,
            exact,
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }
}

/// A 64-bit hash of a word's bytes (ASCII letters lowercased when `fold`).
/// A collision only costs a search, never a wrong answer.
fn word_hash(word: &str, fold: bool) -> u64 {
    let (folded, exact) = word_hashes(word);
    if fold { folded } else { exact }
}

/// [`word_hash`] folded and exact, in one pass.
fn word_hashes(word: &str) -> (u64, u64) {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let (mut f, mut e): (u64, u64) = (0xcbf2_9ce4_8422_2325, 0xcbf2_9ce4_8422_2325);
    for &b in word.as_bytes() {
        f = (f ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(PRIME);
        e = (e ^ u64::from(b)).wrapping_mul(PRIME);
    }
    (mix(f), mix(e))
}

/// Mixes the high bits down: the table indexes by the low ones.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// A hasher for keys that are already hashes ([`word_hash`]).
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Pattern bytes past which a [`PhraseSet`] is not compiled to a DFA.
const DFA_PATTERN_BYTES: usize = 2048;

/// One match of a [`PhraseSet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'a, T> {
    pub start: usize,
    pub end: usize,
    pub value: &'a T,
}

impl<T> PhraseSet<T> {
    /// `case_insensitive` is false for proper names where case carries
    /// meaning ("US" the country, "us" the pronoun).
    pub fn new(entries: Vec<(String, T)>, case_insensitive: bool) -> Self {
        let entries: Vec<(String, T)> = entries
            .into_iter()
            .filter(|(p, _)| !p.trim().is_empty())
            .collect();
        if entries.is_empty() {
            return PhraseSet::default();
        }
        let (patterns, values): (Vec<String>, Vec<T>) = entries.into_iter().unzip();
        // A whole-word match of a phrase opening with a letter or digit
        // starts a word of the text, and that word is the phrase's first
        // word (case aside): the bytes match, so the same characters end
        // both, or the match ends there and is whole.
        let openers = patterns
            .iter()
            .map(|p| {
                let first = p.split(|c: char| !c.is_alphanumeric()).next()?;
                (!first.is_empty()).then(|| word_hash(first, case_insensitive))
            })
            .collect();
        let longest = patterns.iter().map(String::len).max().unwrap_or(0);
        PhraseSet {
            patterns,
            automaton: OnceLock::new(),
            values,
            openers,
            case_insensitive,
            longest,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The automaton over [`PhraseSet::patterns`], built on first use.
    fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                if self.patterns.is_empty() {
                    return None;
                }
                // A DFA is the fastest to search but costs time in
                // proportion to its states times its alphabet to build, and
                // the crate picks one for any small set of patterns however
                // long they are: one 4 KB alias in a pack took 60 ms to
                // compile (found by fuzzing). Past a few KB of patterns, a
                // contiguous NFA builds in linear time.
                let bytes: usize = self.patterns.iter().map(String::len).sum();
                let kind = (bytes > DFA_PATTERN_BYTES).then_some(AhoCorasickKind::ContiguousNFA);
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(self.case_insensitive)
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(kind)
                    .build(&self.patterns)
                    .ok()
            })
            .as_ref()
    }

    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Hit<'a, T>> + 'a {
        self.search(text, true)
    }

    /// [`PhraseSet::find_iter`] over the text of `words`, which is not
    /// searched when none of its words opens a phrase of the set.
    pub fn find_in<'a>(&'a self, words: &Words<'a>) -> impl Iterator<Item = Hit<'a, T>> + 'a {
        let hashes = if self.case_insensitive {
            &words.folded
        } else {
            &words.exact
        };
        let possible = self
            .openers
            .as_ref()
            .is_none_or(|openers| hashes.iter().any(|h| openers.contains(h)));
        self.search(words.text, possible)
    }

    fn search<'a>(
        &'a self,
        text: &'a str,
        possible: bool,
    ) -> impl Iterator<Item = Hit<'a, T>> + 'a {
        possible
            .then(|| self.automaton())
            .flatten()
            .into_iter()
            .flat_map(move |ac| {
                ac.find_iter(text)
                    .filter(move |m| is_whole_word(text, m.start(), m.end()))
                    .map(move |m| Hit {
                        start: m.start(),
                        end: m.end(),
                        value: &self.values[m.pattern().as_usize()],
                    })
            })
    }

    pub fn contains_in(&self, text: &str) -> bool {
        self.find_iter(text).next().is_some()
    }

    /// The phrase `text` opens with ("were killed" → "were").
    ///
    /// Only as many bytes as the longest phrase and the character after
    /// them are searched: the leftmost-longest match at 0 lies within them
    /// and the character after it, which decides whether it is whole, too.
    /// Figures ask this of the rest of their clause, once per word.
    pub fn prefix<'a>(&'a self, text: &'a str) -> Option<Hit<'a, T>> {
        let head = &text[..floor_char_boundary(text, self.longest + 4)];
        self.find_iter(head).next().filter(|h| h.start == 0)
    }

    /// The phrase `text` ends with.
    pub fn suffix<'a>(&'a self, text: &'a str) -> Option<Hit<'a, T>> {
        self.find_iter(text).filter(|h| h.end == text.len()).last()
    }

    /// Whether all of `text` is one phrase of the set.
    pub fn is_whole(&self, text: &str) -> bool {
        // Only the match at 0 can span the text, and it is the longest
        // there: the one `prefix` finds.
        text.len() <= self.longest && self.prefix(text).is_some_and(|h| h.end == text.len())
    }
}

/// Flow collections (`[`, `{`) nested deeper than this are refused before
/// YAML is parsed. The YAML scanner's work grows with the square of the
/// nesting depth (found by fuzzing: 20,000 levels took seconds), and the
/// deserializer would refuse anything past 128 levels anyway.
pub const MAX_YAML_NESTING: usize = 200;

/// Where `text`, read as YAML, opens its flow collection number
/// [`MAX_YAML_NESTING`] + 1 deep (a byte offset), if it does. Brackets
/// inside quoted scalars and comments do not count; brackets inside plain
/// scalars do, which can only over-count, and no real file comes near the
/// limit.
pub fn yaml_too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    // Whether the previous byte ends a token, so a quote or `#` here
    // starts a quoted scalar or a comment.
    let mut at_token_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_YAML_NESTING {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'#' if at_token_start => {
                i = memchr_newline(bytes, i);
                continue;
            }
            b'\'' | b'"' if at_token_start => {
                i = quoted_end(bytes, i);
                at_token_start = false;
                continue;
            }
            _ => {}
        }
        at_token_start = matches!(
            b,
            b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',' | b':' | b'-'
        );
        i += 1;
    }
    None
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

/// The offset just past the quoted scalar opening at `open`.
fn quoted_end(bytes: &[u8], open: usize) -> usize {
    let quote = bytes[open];
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A set compiles its automaton on its first search, once, and never
    /// when no word of the text opens one of its phrases.
    #[test]
    fn automata_are_built_on_the_first_search() {
        let set = PhraseSet::new(vec![("red cross".to_string(), 1)], true);
        assert!(set.automaton.get().is_none());
        assert_eq!(set.find_in(&Words::new("a blue cross")).count(), 0);
        assert!(set.automaton.get().is_none());
        let copy = set.clone();
        let hits: Vec<_> = set.find_iter("the Red Cross said").collect();
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].start, hits[0].end, *hits[0].value), (4, 13, 1));
        assert!(set.automaton.get().is_some());
        assert!(copy.automaton.get().is_none());
        assert_eq!(copy.find_in(&Words::new("Red Cross")).count(), 1);
        assert!(
            PhraseSet::<()>::new(Vec::new(), true)
                .find_iter("x")
                .next()
                .is_none()
        );
    }

    #[test]
    fn terminal_text_never_carries_raw_controls() {
        let cases = [
            ("plain text, tabs\tpass", "plain text, tabs\tpass"),
            ("title\u{1b}]0;pwned\u{7}", "title\\u{1b}]0;pwned\\u{7}"),
            ("a\nb\r", "a\\nb\\r"),
            ("\u{9b}31m", "\\u{9b}31m"),
            ("abc\u{202e}cba", "abc\\u{202e}cba"),
            ("Vučić ’quoted’", "Vučić ’quoted’"),
        ];
        for (input, want) in cases {
            assert_eq!(terminal_safe(input), want, "{input:?}");
        }
        assert_eq!(terminal_safe_lines("one\ntwo\u{1b}"), "one\ntwo\\u{1b}");
        assert!(matches!(terminal_safe("clean"), Cow::Borrowed(_)));
    }

    #[test]
    fn lowercase_borrows_only_what_is_already_lower_case() {
        let cases = [
            ("plain", "plain", true),
            ("Capital", "capital", false),
            ("ŁÓDŹ", "łódź", false),
            ("straße", "straße", false),
            ("", "", true),
        ];
        for (input, want, borrowed) in cases {
            let got = lowercase(input);
            assert_eq!(got, input.to_lowercase(), "{input:?}");
            assert_eq!(got, want, "{input:?}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), borrowed, "{input:?}");
        }
    }

    #[test]
    fn ordinals_take_the_suffix_english_reads() {
        let cases = [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (22, "22nd"),
            (23, "23rd"),
            (80, "80th"),
            (101, "101st"),
            (111, "111th"),
            (112, "112th"),
            (1013, "1013th"),
        ];
        for (n, want) in cases {
            assert_eq!(ordinal(n), want);
        }
    }

    #[test]
    fn slugs() {
        for (input, want) in [
            ("Kim Jong Un", "kim-jong-un"),
            ("Kim Jong-un", "kim-jong-un"),
            ("Aleksandar Vučić", "aleksandar-vucic"),
            ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
            ("Stra\u{df}e", "strasse"),
            ("  U.S. President ", "us-president"),
            ("People's Republic", "peoples-republic"),
            ("", ""),
        ] {
            assert_eq!(slug(input), want, "{input}");
        }
    }

    #[test]
    fn phrases_match_whole_words_longest_first() {
        let set = PhraseSet::new(
            vec![
                ("visit".to_string(), 1),
                ("military vehicles".to_string(), 2),
                ("vehicles".to_string(), 3),
            ],
            true,
        );
        let hits: Vec<(usize, i32)> = set
            .find_iter("Visitors saw Military Vehicles and a visit.")
            .map(|h| (h.start, *h.value))
            .collect();
        assert_eq!(hits, vec![(13, 2), (37, 1)]);
    }

    /// Every string of the default lexicon and reference pack, each list
    /// (a YAML sequence of strings) as its own phrase set.
    fn lexicon_lists() -> Vec<Vec<String>> {
        fn walk(v: &serde_json::Value, out: &mut Vec<Vec<String>>) {
            match v {
                serde_json::Value::Array(items) => {
                    let words: Vec<String> = items
                        .iter()
                        .filter_map(|i| i.as_str().map(str::to_string))
                        .collect();
                    if !words.is_empty() {
                        out.push(words);
                    }
                    items.iter().for_each(|i| walk(i, out));
                }
                serde_json::Value::Object(fields) => fields.values().for_each(|f| walk(f, out)),
                _ => {}
            }
        }
        let rules = crate::rules::load(&crate::rules::LoadOptions::default()).expect("rules");
        let mut lists = Vec::new();
        for def in [
            serde_json::to_value(&rules.lexicon_def).expect("lexicon"),
            serde_json::to_value(&rules.reference_def).expect("reference"),
        ] {
            walk(&def, &mut lists);
        }
        assert!(lists.len() > 50, "too few lists: {}", lists.len());
        lists
    }

    /// `find_in` skips the search only where it would find nothing: the
    /// same hits as `find_iter` for built-to-hurt phrases (a match that is
    /// not whole hiding one that is, phrases opening with a symbol, case,
    /// letters ASCII lacks) and, over every real line, for every list of
    /// the lexicon and the reference pack, case-sensitive and not.
    #[test]
    fn word_check_skips_only_searches_that_find_nothing() {
        let cases: [(&[&str], bool, &str); 6] = [
            (&["o bar", "bar baz"], true, "foo bar baz"),
            (&["$", "'s", "-based"], true, "US$ 5, Kim's, Seoul-based"),
            (&["US"], false, "us and US"),
            (&["Straße", "éte"], true, "STRAßE, Été and éte"),
            (&["visit"], true, "Visitors visit"),
            (&["ab"], true, "xab ab4 ab"),
        ];
        type Found = Vec<(usize, usize, usize)>;
        let hits = |set: &PhraseSet<usize>, words: &Words| -> (Found, Found) {
            let all = set.find_iter(words.text());
            let checked = set.find_in(words);
            let flat = |h: Hit<usize>| (h.start, h.end, *h.value);
            (all.map(flat).collect(), checked.map(flat).collect())
        };
        for (phrases, insensitive, text) in cases {
            let set = PhraseSet::new(
                phrases.iter().map(|p| (p.to_string(), 0)).collect(),
                insensitive,
            );
            let (all, checked) = hits(&set, &Words::new(text));
            assert_eq!(checked, all, "{phrases:?} in {text:?}");
        }
        let sets: Vec<PhraseSet<usize>> = lexicon_lists()
            .into_iter()
            .flat_map(|list| {
                let entries: Vec<(String, usize)> =
                    list.into_iter().enumerate().map(|(i, w)| (w, i)).collect();
                [true, false].map(|insensitive| PhraseSet::new(entries.clone(), insensitive))
            })
            .collect();
        let (mut searched, mut skipped) = (0, 0);
        for line in crate::recognize::tests::corpus_lines() {
            let words = Words::new(&line);
            let split: Vec<&str> = line
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let hashes = |fold| split.iter().map(|w| word_hash(w, fold)).collect::<Vec<_>>();
            assert_eq!(
                (&words.folded, &words.exact),
                (&hashes(true), &hashes(false))
            );
            for set in &sets {
                let (all, checked) = hits(set, &words);
                assert_eq!(checked, all, "{line:?}");
                if all.is_empty() {
                    skipped += 1;
                } else {
                    searched += 1;
                }
            }
        }
        assert!(searched > 1000 && skipped > 1000, "{searched} {skipped}");
    }

    /// `prefix` and `is_whole` search only the head of the text: they
    /// answer as a search of all of it would, for every lexicon and
    /// reference list, on the rest of every real line from each of its
    /// words and on each word and pair of words.
    #[test]
    fn head_searches_answer_as_whole_searches() {
        let sets: Vec<PhraseSet<usize>> = lexicon_lists()
            .into_iter()
            .map(|list| {
                PhraseSet::new(
                    list.into_iter().enumerate().map(|(i, w)| (w, i)).collect(),
                    true,
                )
            })
            .collect();
        let lines = crate::recognize::tests::corpus_lines();
        let (mut found, mut whole) = (0, 0);
        for line in lines.iter().step_by(10) {
            let starts: Vec<usize> = line
                .char_indices()
                .filter(|&(i, c)| {
                    c.is_alphanumeric() && !line[..i].ends_with(char::is_alphanumeric)
                })
                .map(|(i, _)| i)
                .collect();
            for set in &sets {
                for (k, &at) in starts.iter().enumerate() {
                    let rest = &line[at..];
                    let full = set.find_iter(rest).next().filter(|h| h.start == 0);
                    assert_eq!(set.prefix(rest), full, "{rest:?}");
                    found += usize::from(full.is_some());
                    for end in starts.get(k + 1..k + 3).into_iter().flatten() {
                        let words = line[at..*end].trim_end();
                        let full = set
                            .find_iter(words)
                            .any(|h| h.start == 0 && h.end == words.len());
                        assert_eq!(set.is_whole(words), full, "{words:?}");
                        whole += usize::from(full);
                    }
                }
            }
        }
        assert!(found > 1000 && whole > 1000, "{found} {whole}");
    }

    #[test]
    fn yaml_depth_counts_flow_brackets_outside_quotes_and_comments() {
        let deep = |n: usize| format!("a: {}1{}", "[".repeat(n), "]".repeat(n));
        assert_eq!(yaml_too_deep(&deep(MAX_YAML_NESTING)), None);
        assert_eq!(
            yaml_too_deep(&deep(MAX_YAML_NESTING + 1)),
            Some(3 + MAX_YAML_NESTING)
        );
        let hidden = "[".repeat(MAX_YAML_NESTING + 1);
        for text in [
            format!("a: '{hidden}'"),
            format!("a: \"{hidden}\""),
            format!("a: 1 # {hidden}\nb: 2"),
            format!("a: 'it''s {hidden}'"),
        ] {
            assert_eq!(yaml_too_deep(&text), None, "{text}");
        }
        // A quote inside a plain scalar opens nothing.
        assert!(yaml_too_deep(&format!("a: it's\nb: {}", deep(MAX_YAML_NESTING + 1))).is_some());
    }
}

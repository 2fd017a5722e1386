//! Quotes: words in quotation marks with the speaker who said them.
//!
//! The speaker comes from the attribution around the quote, in the forms
//! news uses:
//! - after it, when the quote ends its clause with a comma (or a question
//!   or exclamation mark): `"…," Martin Griffiths, the UN aid chief, said`,
//!   `"…," said Re`, `"…," he said` (the running subject), `"…," OCHA
//!   said` (an organisation), `"…," the aid chief told reporters` (a title
//!   alone: the speaker stays unknown rather than guessed);
//! - before it: `Griffiths said: "…"`, `Xi asserted that … "unstoppable"`,
//!   `according to the Red Crescent, "…"`;
//! - a later quote of the same sentence with no attribution of its own
//!   ("promising a \"decade of renewal\"") keeps the previous speaker.
//!
//! A quote with no speech verb or cue near it is a title or a scare quote,
//! not a statement, and yields nothing.

use super::frame::attribution::{named_after, opens_with_pronoun};
use super::{Draft, SentenceContext};
use crate::facts::{FactValue, Modality, QuoteValue};
use crate::text::Hit;

/// Most chars between the marks of a quote: a longer span is two scare
/// quotes or a stray mark, not one quotation.
const MAX_QUOTE_CHARS: usize = 600;

/// Quotation marks that open a quote, each with the mark that closes it.
const MARKS: [(char, char); 2] = [('“', '”'), ('"', '"')];

/// Quotation marks that open a [`Quotes`] match.
const OPENING_MARKS: [char; 2] = [MARKS[0].0, MARKS[1].0];

/// A quote found by [`Quotes`]: byte ranges of the whole quote (marks
/// included) and of the words between the marks.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Quote {
    start: usize,
    end: usize,
    words_start: usize,
    words_end: usize,
}

/// Counts the chars before a byte offset, moving only forward, so that a
/// whole scan counts each char once.
struct CharCursor {
    byte: usize,
    chars: usize,
}

impl CharCursor {
    fn chars_before(&mut self, text: &str, byte: usize) -> usize {
        if let Some(skipped) = text.get(self.byte..byte) {
            self.chars += skipped.chars().count();
            self.byte = byte;
        }
        self.chars
    }
}

/// The quotes of a text, as the regex `“([^”]{1,600})”|"([^"]{1,600})"`
/// finds them (leftmost first, the search resuming after each match): a
/// mark opens a quote when its closing mark follows within 1 to 600 chars,
/// else the search moves on one char. Compiling that regex cost a third of
/// a run over one short article; this scan costs nothing up front, and
/// stays linear on any text: the next closing mark of each kind is looked
/// up once and reused by every opening mark before it.
struct Quotes<'a> {
    text: &'a str,
    pos: usize,
    /// Per kind of mark: the byte offset of the next closing mark found,
    /// `usize::MAX` when none is left; `None` before the first look-up.
    next_close: [Option<usize>; 2],
    opens: CharCursor,
    closes: [CharCursor; 2],
}

impl<'a> Quotes<'a> {
    fn new(text: &'a str) -> Self {
        let start = || CharCursor { byte: 0, chars: 0 };
        Quotes {
            text,
            pos: 0,
            next_close: [None; 2],
            opens: start(),
            closes: [start(), start()],
        }
    }
}

impl Iterator for Quotes<'_> {
    type Item = Quote;

    fn next(&mut self) -> Option<Quote> {
        let text = self.text;
        loop {
            let start = self.pos + text.get(self.pos..)?.find(OPENING_MARKS)?;
            let kind = usize::from(!text[start..].starts_with(MARKS[0].0));
            let (open, close) = MARKS[kind];
            let words_start = start + open.len_utf8();
            self.pos = words_start;
            let next = &mut self.next_close[kind];
            let words_end = match *next {
                Some(at) if at >= words_start => at,
                _ => {
                    let at = text[words_start..]
                        .find(close)
                        .map_or(usize::MAX, |i| words_start + i);
                    *next = Some(at);
                    at
                }
            };
            if words_end == usize::MAX {
                continue;
            }
            let chars = self.closes[kind].chars_before(text, words_end)
                - self.opens.chars_before(text, words_start);
            if (1..=MAX_QUOTE_CHARS).contains(&chars) {
                let end = words_end + close.len_utf8();
                self.pos = end;
                return Some(Quote {
                    start,
                    end,
                    words_start,
                    words_end,
                });
            }
        }
    }
}

/// Most words between a quote and the speech verb of a trailing
/// attribution: a name with an appositive ("Martin Griffiths, the UN aid
/// chief, said") fits; a new clause does not.
const TRAILING_WORDS: usize = 12;

/// Who spoke, as found in the attribution.
#[derive(Debug, Clone, PartialEq)]
enum Attribution {
    /// No speech verb or cue near the quote.
    None,
    /// A speech verb or cue, and the speaker it names (if one is named:
    /// "the aid chief said" names none).
    Found(Option<String>),
}

/// Words that may open a trailing attribution besides a name or a
/// pronoun: "the aid chief said", "a spokesman told reporters".
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "one", "another",
];

/// The attribution after a quote ending at `end`, whose words are `words`.
fn trailing(ctx: &SentenceContext, words: &str, end: usize) -> Attribution {
    let rest = &ctx.text[end..];
    let inner_comma = words.trim_end().ends_with([',', '?', '!']);
    let Some(after) = rest.strip_prefix(',').or(inner_comma.then_some(rest)) else {
        return Attribution::None;
    };
    let offset = ctx.text.len() - after.len();
    let Some(verb) = ctx.rules.lexicon.speech_verbs.find_iter(after).next() else {
        return Attribution::None;
    };
    let between = &after[..verb.start];
    if between.contains(['"', '“', '”', ';', ':'])
        || between.split_whitespace().count() > TRAILING_WORDS
    {
        return Attribution::None;
    }
    let (vs, ve) = (offset + verb.start, offset + verb.end);
    if between.trim().is_empty() {
        // "…," said Re / "…," said the aid chief / "…," said he
        let limit = ctx.text[ve..]
            .find([',', '.', ';', ':', '"', '“'])
            .map_or(ctx.text.len(), |i| ve + i);
        return Attribution::Found(named_after(ctx, ve, limit).map(|(who, _)| who));
    }
    // The attribution opens right after the quote: a name (after a title
    // or a capitalized organisation: "Mayor Ada Lind", "Libyan Red
    // Crescent spokesman Tawfiq Shukri"), a pronoun or a determiner ("the
    // aid chief"); never a new clause ("… it!" Hugging his wife, he said).
    let lead = offset + (between.len() - between.trim_start().len());
    let lex = &ctx.rules.lexicon;
    let reachable = |s: usize| {
        let words = &ctx.text[lead..s.max(lead)];
        !words.contains(',')
            && words.split_whitespace().count() <= 4
            && words.split_whitespace().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || lex.titles.contains_in(w)
            })
    };
    let person = ctx
        .people
        .iter()
        .find(|p| p.start >= lead && p.end <= vs && reachable(p.start));
    let org = ctx
        .organisations
        .iter()
        .find(|o| o.start >= lead && o.end <= vs && reachable(o.start));
    if let Some(who) = person.map(|p| &p.id).or(org.map(|o| &o.id)) {
        return Attribution::Found(Some(who.clone()));
    }
    if opens_with_pronoun(ctx, between) {
        return Attribution::Found(ctx.subject.clone());
    }
    let first = between.split_whitespace().next().unwrap_or_default();
    if DETERMINERS.iter().any(|d| first.eq_ignore_ascii_case(d)) {
        // "…," the UN aid chief, Ada Lind, said: the person; "…," the aid
        // chief told reporters: a title alone names nobody.
        let person = ctx.people.iter().find(|p| p.start >= lead && p.end <= vs);
        return Attribution::Found(person.map(|p| p.id.clone()));
    }
    Attribution::None
}

/// The attribution before a quote starting at `start`: the last speech
/// verb or source cue before it.
fn leading(ctx: &SentenceContext, start: usize) -> Attribution {
    let lex = &ctx.rules.lexicon;
    let before = &ctx.text[..start];
    let verb = lex.speech_verbs.find_iter(before).last();
    let cue = lex.source_cues.find_iter(before).last();
    let latest = |h: Option<Hit<'_, ()>>| h.map_or(0, |h| h.end);
    if let Some(c) = cue.filter(|c| c.end >= latest(verb)) {
        // according to the Red Crescent, "…"; a cue naming nobody
        // ("citing the \"competent authorities\"") attributes nothing.
        return match named_after(ctx, c.end, start) {
            Some((who, _)) => Attribution::Found(Some(who)),
            None => Attribution::None,
        };
    }
    let Some(v) = verb else {
        return Attribution::None;
    };
    // A pronoun right before the verb ("he said") is the running subject;
    // else the last person named before the verb ("Haq said", "Xi …
    // asserted that"); else one named right after it ("said Re: …"); else
    // an opening pronoun; else the last organisation named before it.
    let head = &ctx.text[..v.start];
    let word_before = head
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or_default();
    if opens_with_pronoun(ctx, word_before) {
        return Attribution::Found(ctx.subject.clone());
    }
    if let Some(p) = ctx.people.iter().rfind(|p| p.end <= v.start) {
        return Attribution::Found(Some(p.id.clone()));
    }
    // Only when nothing but the name stands between verb and quote ("said
    // Re: …"): in "told Reuters the two had met" Reuters listens.
    if let Some((who, _)) = named_after(ctx, v.end, start).filter(|(_, end)| {
        ctx.text[*end..start]
            .chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
    }) {
        return Attribution::Found(Some(who));
    }
    if opens_with_pronoun(ctx, head) {
        return Attribution::Found(ctx.subject.clone());
    }
    Attribution::Found(
        ctx.organisations
            .iter()
            .rfind(|o| o.end <= v.start)
            .map(|o| o.id.clone()),
    )
}

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    // Every match opens on a quotation mark, and most sentences hold none:
    // one scan for the marks costs less than starting the regex search.
    if !ctx.text.contains(OPENING_MARKS) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut previous: Option<String> = None;
    for quote in Quotes::new(ctx.text) {
        let words = &ctx.text[quote.words_start..quote.words_end];
        let attribution = match trailing(ctx, words, quote.end) {
            Attribution::None => leading(ctx, quote.start),
            found => found,
        };
        // A quote with an attribution of its own takes it, even one naming
        // nobody ("the aid chief said"); one without keeps the sentence's
        // previous speaker, else it is a title or a scare quote.
        let speaker = match attribution {
            Attribution::Found(speaker) => speaker,
            Attribution::None if previous.is_some() => previous.clone(),
            Attribution::None => continue,
        };
        previous.clone_from(&speaker);
        out.push(Draft {
            frame: None,
            key: "quote".to_string(),
            subject: speaker.clone(),
            value: FactValue::Quote(QuoteValue {
                speaker,
                words: words.trim().to_string(),
            }),
            modality: Modality::Attributed,
            start: quote.start,
            end: quote.end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;

    /// The regex the scanner replaces, as it was.
    fn reference(text: &str) -> Vec<Quote> {
        static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r#"“([^”]{1,600})”|"([^"]{1,600})""#).unwrap()
        });
        RE.captures_iter(text)
            .filter_map(|caps| {
                let (whole, words) = (caps.get(0)?, caps.get(1).or(caps.get(2))?);
                Some(Quote {
                    start: whole.start(),
                    end: whole.end(),
                    words_start: words.start(),
                    words_end: words.end(),
                })
            })
            .collect()
    }

    fn scanned(text: &str) -> Vec<Quote> {
        Quotes::new(text).collect()
    }

    /// Over every real line, all of them as one text, and texts made to
    /// trip it, the scanner finds what the regex finds; the gate before
    /// it only skips text with no quote.
    #[test]
    fn the_scanner_finds_what_the_regex_finds() {
        let mut lines = vec!["‘single’ „low“ «guillemets» \"plain\" “curly”".to_string()];
        lines.extend(crate::recognize::tests::corpus_lines());
        let mut quoted = 0;
        for line in &lines {
            let want = reference(line);
            assert_eq!(scanned(line), want, "{line:?}");
            assert!(want.is_empty() || line.contains(OPENING_MARKS), "{line:?}");
            quoted += usize::from(!want.is_empty());
        }
        assert!(quoted > 100, "{quoted} lines with quotes");
        let all = lines.join("\n");
        assert_eq!(scanned(&all), reference(&all));

        let long = |n: usize, c: &str| c.repeat(n);
        let mut tricky = vec![
            String::new(),
            "\"\"".to_string(),
            "“”".to_string(),
            "\"\"\"".to_string(),
            "\"\"\"\"".to_string(),
            "“x”".to_string(),
            "”x“".to_string(),
            "“a “b” c”".to_string(),
            "“a \"b\" c”".to_string(),
            "\"a “b” c\"".to_string(),
            "\"a “b\" c”".to_string(),
            "“é”\"ü\"“日本”".to_string(),
            "a\"\nb\"c".to_string(),
            "x“\"”\"".to_string(),
        ];
        for n in [599, 600, 601] {
            for c in ["a", "é", "日", "😀", "“"] {
                tricky.push(format!("“{}”", long(n, c)));
                tricky.push(format!("\"{}\"", long(n, c)));
                tricky.push(format!("x“{}”“y” \"{}\" \"z\"", long(n, c), long(n, c)));
            }
            tricky.push(format!("“{}“y”", long(n, "a")));
            tricky.push(format!("\"{}\"y\"", long(n, "a")));
        }
        for n in [1, 2, 3, 1000, 5000] {
            for c in ["“", "\"", "”", "“a", "\"a", "“\"", "“a”\"", "a\"“", "“ab\""]
            {
                tricky.push(long(n, c));
                tricky.push(format!("{}”", long(n, c)));
                tricky.push(format!("{}\"", long(n, c)));
                tricky.push(format!("\"{}", long(n, c)));
            }
        }
        for text in &tricky {
            assert_eq!(scanned(text), reference(text), "{text:?}");
        }
    }

    /// Thousands of opening marks with no closing one cost one look-up,
    /// not one per mark.
    #[test]
    fn unclosed_marks_are_scanned_in_linear_time() {
        let text = "\"".to_string() + &"“a ".repeat(200_000);
        let start = std::time::Instant::now();
        assert!(scanned(&text).is_empty());
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    fn quotes(sentence: &str) -> Vec<(Option<String>, String)> {
        run_on(sentence, None, extract)
            .into_iter()
            .filter_map(|d| match d.value {
                FactValue::Quote(q) => Some((q.speaker, q.words)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn quote_table() {
        let some = |s: &str, w: &str| (Some(s.to_string()), w.to_string());
        let cases: Vec<(&str, Vec<(Option<String>, String)>)> = vec![
            (
                "In his speech, Xi Jinping asserted that the rise is \"unstoppable,\" highlighting the choice.",
                vec![some("xi-jinping", "unstoppable,")],
            ),
            (
                "“We will go on,” Mayor Ada Lind said.",
                vec![some("ada-lind", "We will go on,")],
            ),
            (
                "The South Korea National Intelligence Service (NIS) noted that the visit aims to “broaden his space.”",
                vec![some("nis", "broaden his space.")],
            ),
            // An unknown name with an appositive after the quote; the
            // organisation in the appositive is not the speaker.
            (
                "\"We don't know the extent of it,\" Ola Berg, the UN aid chief, said on Friday.",
                vec![some("ola-berg", "We don't know the extent of it,")],
            ),
            (
                "\"Nobody warned us,\" said Ola Berg, who runs the shelter.",
                vec![some("ola-berg", "Nobody warned us,")],
            ),
            (
                "According to the Libyan Red Crescent, \"the toll is rising.\"",
                vec![some("libyan-red-crescent", "the toll is rising.")],
            ),
            (
                "“The figures were verified,” OCHA said in a statement.",
                vec![some("ocha", "The figures were verified,")],
            ),
            (
                "The Foreign Ministry said: \"We reject the report.\"",
                vec![some("foreign-ministry", "We reject the report.")],
            ),
            // A title alone names nobody: the quote stays, the speaker unknown.
            (
                "\"Help is on the way,\" the aid chief told reporters.",
                vec![(None, "Help is on the way,".to_string())],
            ),
            // A later quote in the sentence keeps the speaker.
            (
                "Ada Lind told the rally that \"change begins here\", promising a \"decade of renewal\".",
                vec![
                    some("ada-lind", "change begins here"),
                    some("ada-lind", "decade of renewal"),
                ],
            ),
            // The listener of "told" is not the speaker.
            (
                "An official told Reuters the two held a “very productive discussion”.",
                vec![(None, "very productive discussion".to_string())],
            ),
            // A new clause after the quote is not its attribution.
            (
                "Ada Lind ended by declaring \"we did it!\" Hugging her staff, she said more.",
                vec![],
            ),
            // Must yield nothing: scare quotes, a quoted title, a cue that
            // names nobody.
            (
                "Citing the \"competent authorities\", officials put it at 250,000.",
                vec![],
            ),
            ("The so-called \"axis\" grew.", vec![]),
            (
                "She starred in \"The Long Night,\" a film about floods.",
                vec![],
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(quotes(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn pronouns_and_bare_surnames_name_the_article_s_speaker() {
        let article = "Mayor Ada Lind visited the shelter on Monday.\n\
            \"Nobody was ready,\" she said.\n\
            She added: \"We will rebuild.\"\n\
            \"The water came fast,\" said Lind.\n\
            Lind said: \"Help came late.\"";
        let set = crate::rules::load(&crate::rules::LoadOptions::default()).unwrap();
        let source =
            crate::corpus::Source::from_text("t".into(), "t.txt".into(), article.to_string(), None)
                .unwrap();
        let facts = crate::extract::extract_source(
            &source,
            &crate::recognize::Recognizer::new(),
            &set,
            &Default::default(),
        );
        let speakers: Vec<Option<String>> = facts
            .iter()
            .filter_map(|f| match &f.value {
                FactValue::Quote(q) => Some(q.speaker.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(speakers, vec![Some("ada-lind".to_string()); 4]);
    }
}

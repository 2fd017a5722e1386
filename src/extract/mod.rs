//! Claim extractors: from recognized spans and lexicon words to typed facts.
//!
//! One file per fact kind. Extractors read a [`SentenceContext`] (the
//! sentence, its recognizer mentions, people, places, the article's running
//! subject) and return [`Draft`]s; this module turns drafts into [`Fact`]s
//! with ids and spans. Extractors never parse numbers or dates themselves:
//! that is the recognizers' job.

mod anniversary;
mod attendance;
mod count;
mod date;
mod duration;
mod first;
pub mod frame;
mod modality;
mod precedent;
mod quantity;
mod quote;
mod role;
mod treaty;

use std::cell::OnceCell;

use chrono::{Datelike, NaiveDate};

use crate::corpus::Source;
use crate::facts::{DateField, Fact, FactKind, FactValue, Frame, Modality, Span};
use crate::recognize::entities::{Names, OrgMention, PersonMention, PlaceMention, Registry};
use crate::recognize::pos;
use crate::recognize::{DateMention, Granularity, Mention, MentionValue, Recognizer};
use crate::rules::RuleSet;
use crate::text::Words;

/// One claim extractor: a sentence in, drafts out.
type Extractor = fn(&SentenceContext) -> Vec<Draft>;

/// A fact before it has an id: offsets are relative to the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub key: String,
    pub subject: Option<String>,
    pub value: FactValue,
    pub modality: Modality,
    pub start: usize,
    pub end: usize,
    /// The claim frame, for kinds that have one.
    pub frame: Option<Frame>,
}

/// What an extractor may look at for one sentence.
pub struct SentenceContext<'a> {
    pub text: &'a str,
    /// The sentence's words, hashed once: every lexicon list searched over
    /// the whole sentence asks them first ([`crate::text::PhraseSet::find_in`]).
    pub words: Words<'a>,
    pub mentions: Vec<Mention>,
    pub people: Vec<PersonMention>,
    pub places: Vec<PlaceMention>,
    /// Organisations named in the sentence ("OCHA", "the Libyan Red
    /// Crescent"): speakers and sources of figures, never people.
    pub organisations: Vec<OrgMention>,
    /// The person the sentence is about: its first named person, or the
    /// previous sentence's when it opens with a pronoun or names nobody.
    pub subject: Option<String>,
    pub reference: Option<NaiveDate>,
    pub rules: &'a RuleSet,
    /// The last commemorated event named in the article (for "the 80th
    /// anniversary" without "of …").
    pub anniversary_of: Option<(String, NaiveDate)>,
    /// Relative dates in this sentence were resolved against the article's
    /// last told day ("the previous day"), so offsets like "two days
    /// later" are meaningful.
    pub anchored: bool,
    /// This sentence or an earlier one of its paragraph states how far a
    /// count had got ("With 545 of 650 results declared, …"): the
    /// paragraph's figures are a running tally. Computed once per sentence.
    pub tally: bool,
    /// The sentence's clause breaks, found on first use: extractors ask
    /// for the clause around many offsets per figure, and scanning the
    /// sentence for each made long sentences quadratic (found by fuzzing).
    pub clause_breaks: OnceCell<Vec<(usize, usize)>>,
    /// Frame cues of the sentence and of each clause, found on first use.
    /// Every figure reads them, and searching the clause again per figure
    /// cost figures × clause length (200 number words in a row: 1.5 ms).
    pub cues: Cues,
}

/// Lexicon hits that do not depend on the figure asking: searched once per
/// sentence (or clause) over the very text the per-figure code searched,
/// so the answers are the same by construction.
#[derive(Default)]
pub struct Cues {
    /// Years used as modifiers ("the 2019 festival"), with their spans.
    modifier_years: OnceCell<Vec<(usize, usize, i32)>>,
    /// Spans of the attribution cues ("according to") in the sentence.
    pub(crate) source_cues: OnceCell<Vec<(usize, usize)>>,
    /// Spans of the report verbs in the sentence that are not passive
    /// ("are reported missing" reports nothing).
    pub(crate) report_verbs: OnceCell<Vec<(usize, usize)>>,
    /// The attributions those cues and verbs give.
    pub(crate) attribution: frame::attribution::Cached,
    /// The sentence holds a provisional cue ("so far").
    pub(crate) provisional: OnceCell<bool>,
    /// One entry per clause, in order.
    clauses: OnceCell<Vec<ClauseCues>>,
}

/// What is known of one clause (`SentenceContext::clause_at`), each part
/// found on first use.
#[derive(Default)]
pub struct ClauseCues {
    /// [`SentenceContext::clause_words`] of the clause.
    words: OnceCell<String>,
    modality: OnceCell<Modality>,
    /// Spans of the requirement cues in `words`.
    pub(crate) required: OnceCell<Vec<(usize, usize)>>,
    /// Starts of the prior cues in `words`.
    pub(crate) prior: OnceCell<Vec<usize>>,
    /// `words` holds a superseded cue.
    pub(crate) superseded: OnceCell<bool>,
    /// `words` holds a revision cue.
    pub(crate) revised: OnceCell<bool>,
    /// The first scope-outside cue of the clause and the one before it
    /// (`scope::find`), as a span of the sentence.
    pub(crate) scope_outside: OnceCell<Option<(usize, usize)>>,
    /// Spans of the scope-within cues of the clause, in the sentence.
    pub(crate) scope_within: OnceCell<Vec<(usize, usize)>>,
}

/// A clause's bounds and its cues.
pub struct Clause<'c> {
    pub start: usize,
    pub end: usize,
    pub cues: &'c ClauseCues,
}

impl Clause<'_> {
    /// The clause's words with dates blanked ([`SentenceContext::clause_words`]).
    pub fn words(&self, ctx: &SentenceContext) -> &str {
        self.cues
            .words
            .get_or_init(|| ctx.clause_words(self.start, self.end))
    }
}

impl SentenceContext<'_> {
    pub fn dates(&self) -> impl Iterator<Item = (&Mention, &DateMention)> {
        self.mentions.iter().filter_map(|m| match &m.value {
            MentionValue::Date(d) => Some((m, d)),
            _ => None,
        })
    }

    /// Years named in the sentence (bare years, "last year", full dates).
    pub fn years(&self) -> impl Iterator<Item = (&Mention, i32, &DateMention)> {
        self.dates().filter_map(|(m, d)| {
            let year = d.stated.year.or_else(|| {
                d.period
                    .filter(|p| matches!(p.granularity, Granularity::Year))
                    .map(|p| p.start.year())
            })?;
            Some((m, year, d))
        })
    }

    /// The organisation named at byte `at`, if any.
    pub fn organisation_at(&self, at: usize) -> Option<&OrgMention> {
        self.organisations
            .iter()
            .find(|o| o.start <= at && at < o.end)
    }

    /// Whether a person is named at byte `at`.
    pub fn person_at(&self, at: usize) -> bool {
        self.people.iter().any(|p| p.start <= at && at < p.end)
    }

    /// Whether a place is named at byte `at`.
    pub fn place_at(&self, at: usize) -> bool {
        self.places.iter().any(|p| p.start <= at && at < p.end)
    }

    /// Whether `[start, end)` lies inside a date mention (a number that is
    /// part of "September 3, 2025" is not a count).
    pub fn inside_date(&self, start: usize, end: usize) -> bool {
        self.dates()
            .any(|(m, _)| m.start <= start && end <= m.end && (m.start, m.end) != (start, end))
    }

    /// The clause around `offset` names only years before the reference
    /// year: it is about the past ("at a similar event in 1987"). "Since"
    /// years do not count: "the first in 30 years, since 1995" is about now.
    pub fn is_historical_at(&self, offset: usize) -> bool {
        let Some(reference) = self.reference else {
            return false;
        };
        let years = self.clause_years(offset);
        if !years.is_empty() {
            return years.iter().all(|y| *y < reference.year());
        }
        // "…since 2011, when they played to 13,000 fans": a "when" clause
        // after a past year is about that year.
        let (cs, ce) = self.clause_at(offset);
        let when = frame::lowercase_head(self.text[cs..ce].trim_start(), 5).starts_with("when ");
        when && self
            .years()
            .any(|(m, y, _)| m.end <= cs && y < reference.year())
    }

    /// Every year the sentence names, "since" years excepted: dates, and
    /// years used as modifiers ("the 2023 summit").
    pub fn sentence_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .years()
            .filter(|(_, _, d)| !d.since)
            .map(|(_, y, _)| y)
            .collect();
        years.extend(self.modifier_years().iter().map(|&(_, _, y)| y));
        years
    }

    /// Four-digit years used as modifiers ("the 2019 festival", "The 1999
    /// earthquake"), with their spans; the recognizer reads a year only
    /// after a date cue, so these reach extractors as plain numbers.
    fn modifier_years(&self) -> &[(usize, usize, i32)] {
        self.cues
            .modifier_years
            .get_or_init(|| self.find_modifier_years())
    }

    fn find_modifier_years(&self) -> Vec<(usize, usize, i32)> {
        self.mentions
            .iter()
            .filter_map(|m| {
                let MentionValue::Number(n) = &m.value else {
                    return None;
                };
                let digits = &self.text[m.start..m.end];
                let before = self.text[..m.start].trim_end();
                let word_before = before
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or_default();
                // "the 1999 earthquake", "in 2016", "its 1997 landslide":
                // a year after a determiner or possessive, or after "in"
                // and "of"; "a 2000 …" and "with 2000 …" stay figures.
                let modifier = ["the", "in", "of"]
                    .iter()
                    .any(|w| word_before.eq_ignore_ascii_case(w))
                    || (!["a", "an"]
                        .iter()
                        .any(|w| word_before.eq_ignore_ascii_case(w))
                        && pos::is_determiner(word_before));
                (year_digits(digits, n.value) && modifier && !self.inside_date(m.start, m.end))
                    .then_some((m.start, m.end, n.value as i32))
            })
            .collect()
    }

    /// Years that date the clause around `offset`: dates inside it ("since"
    /// dates excepted), a leading "In 2016," of the sentence, and a year
    /// used as a modifier ("the 2019 festival", "The 1999 earthquake").
    pub fn clause_years(&self, offset: usize) -> Vec<i32> {
        let (cs, ce) = self.clause_at(offset);
        // "In 2016, …", "…, in 2008, …": a clause that is only a dating
        // phrase (a preposition and the date) applies to the whole sentence;
        // "released in 2000" does not.
        let dating_clause = |start: usize, end: usize| {
            let (s, e) = self.clause_at(start);
            let rest = self.text[s..start]
                .split_whitespace()
                .chain(self.text[end.min(e)..e].split_whitespace());
            rest.take(2).count() <= 1
        };
        let in_scope =
            |start: usize, end: usize| (start >= cs && end <= ce) || dating_clause(start, end);
        let mut years: Vec<i32> = self
            .years()
            .filter(|(m, _, d)| !d.since && in_scope(m.start, m.end))
            .map(|(_, y, _)| y)
            .collect();
        years.extend(
            self.modifier_years()
                .iter()
                .filter(|(s, e, _)| in_scope(*s, *e))
                .map(|&(_, _, y)| y),
        );
        years
    }

    /// The clause text with date spans blanked out, so that "May 8" does
    /// not read as the hedge "may".
    pub fn clause_words(&self, start: usize, end: usize) -> String {
        let mut bytes: Vec<u8> = self.text.as_bytes()[start..end].to_vec();
        for (m, _) in self.dates() {
            for i in m.start.max(start)..m.end.min(end) {
                if bytes[i - start].is_ascii() {
                    bytes[i - start] = b' ';
                }
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// Modality of the clause around `offset`.
    pub fn modality_at(&self, offset: usize) -> crate::facts::Modality {
        let clause = self.clause(offset);
        *clause
            .cues
            .modality
            .get_or_init(|| modality::of_clause(clause.words(self), &self.rules.lexicon))
    }

    /// The clause (between commas, semicolons, colons or dashes) around a
    /// byte offset.
    pub fn clause_at(&self, offset: usize) -> (usize, usize) {
        // Bounds only: the clause's cues are made for figures that ask.
        let breaks = self.clause_breaks.get_or_init(|| clause_breaks(self.text));
        let (_, start, end) = clause_around(breaks, self.text, offset);
        (start, end)
    }

    /// The clause around a byte offset, with its cues.
    pub fn clause(&self, offset: usize) -> Clause<'_> {
        let breaks = self.clause_breaks.get_or_init(|| clause_breaks(self.text));
        let (index, start, end) = clause_around(breaks, self.text, offset);
        let clauses = self.cues.clauses.get_or_init(|| {
            std::iter::repeat_with(ClauseCues::default)
                .take(breaks.len() + 1)
                .collect()
        });
        Clause {
            start,
            end,
            cues: &clauses[index],
        }
    }
}

/// Four bare digits that read as a year ("1998", not "2,500" or "9000"):
/// a plain number the recognizer did not take for a date.
pub fn year_digits(digits: &str, value: f64) -> bool {
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (1000.0..=2100.0).contains(&value)
}

pub fn clause_bounds(text: &str, offset: usize) -> (usize, usize) {
    let (_, start, end) = clause_around(&clause_breaks(text), text, offset);
    (start, end)
}

/// Where `text`'s clauses break: the byte span of each comma (not one
/// grouping thousands, "17,000"), semicolon, colon, dash or parenthesis,
/// and of the space before a contrastive conjunction, in order.
fn clause_breaks(text: &str) -> Vec<(usize, usize)> {
    // Every break opens with an ASCII byte or the lead byte of a dash, so
    // the scan reads bytes and looks closer only at those (each sentence
    // is cut into clauses, and most of its bytes are letters).
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        let len = match b {
            b';' | b':' | b'(' | b')' => 1,
            b',' if !(i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) =>
            {
                1
            }
            b' ' if CONTRASTIVE
                .iter()
                .any(|w| bytes[i + 1..].starts_with(w.as_bytes())) =>
            {
                1
            }
            // '—' (U+2014) and '–' (U+2013).
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0x94])
                || bytes[i + 1..].starts_with(&[0x80, 0x93]) =>
            {
                3
            }
            _ => continue,
        };
        out.push((i, i + len));
    }
    out
}

/// The clause around `offset`: its index (0 for the first) and its span,
/// from the end of the last break before it to the start of the first
/// break at or after it.
fn clause_around(breaks: &[(usize, usize)], text: &str, offset: usize) -> (usize, usize, usize) {
    let offset = crate::text::floor_char_boundary(text, offset);
    let next = breaks.partition_point(|&(at, _)| at < offset);
    let start = next.checked_sub(1).map_or(0, |i| breaks[i].1);
    let end = breaks.get(next).map_or(text.len(), |&(at, _)| at);
    (next, start, end)
}

/// Conjunctions that open a clause of their own: "attended the ceremony
/// but did not attend the banquet" is two claims.
const CONTRASTIVE: &[&str] = &["but ", "while ", "whereas ", "although ", "though "];

/// Extracts every fact of one source. Pure: the same source and rules give
/// the same facts in the same order.
pub fn extract_source(
    source: &Source,
    rec: &Recognizer,
    rules: &RuleSet,
    registry: &Registry,
) -> Vec<Fact> {
    match names_of(source, rules) {
        Some(names) => {
            let sentences = sentence_texts(source);
            let names = names.with_registry_of(registry, &sentences);
            extract_named(source, rec, rules, &names)
        }
        // A source in another language is reported as skipped, never mis-read.
        None => Vec::new(),
    }
}

fn sentence_texts(source: &Source) -> Vec<&str> {
    source
        .sentences
        .iter()
        .map(|s| source.sentence_text(s))
        .collect()
}

/// The people a source names, before the bundle's registry is known; `None`
/// for a skipped source.
fn names_of<'a>(source: &Source, rules: &'a RuleSet) -> Option<Names<'a>> {
    if source.skipped.is_some() {
        return None;
    }
    Some(Names::new(
        &rules.lexicon,
        &rules.reference,
        &source.text[source.body_start..],
        &sentence_texts(source),
    ))
}

/// [`extract_source`] with the source's names already read.
fn extract_named(source: &Source, rec: &Recognizer, rules: &RuleSet, names: &Names) -> Vec<Fact> {
    let sentences = sentence_texts(source);
    let mut facts = Vec::new();
    let mut carried: Option<String> = None;
    let mut anniversary_of: Option<(String, NaiveDate)> = None;
    let mut anchor: Option<NaiveDate> = None;
    // The end of the paragraph whose running tally an earlier sentence
    // opened.
    let mut tally_until = 0;
    for (i, (sentence, text)) in source.sentences.iter().zip(&sentences).enumerate() {
        let people = names.people_at(i, text);
        let opens_with_pronoun = text
            .split_whitespace()
            .next()
            .is_some_and(|w| rules.lexicon.pronouns.is_whole(w));
        let subject = if opens_with_pronoun {
            carried.clone()
        } else {
            people.first().map(|p| p.id.clone()).or(carried.clone())
        };
        if !opens_with_pronoun && !people.is_empty() {
            carried.clone_from(&subject);
        }
        // "The previous day", "two days later" count from the day the
        // article last told of (in this sentence, else before it), not from
        // its publication date.
        let words = Words::new(text);
        let plain = valid_mentions(text, rec.scan(text, source.reference_date));
        let (mentions, anchored) = match rules.lexicon.date_anaphora.find_in(&words).next() {
            Some(phrase) => {
                let local = plain
                    .iter()
                    .filter(|m| m.end <= phrase.start)
                    .filter_map(|m| match &m.value {
                        MentionValue::Date(d) => d
                            .period
                            .filter(|p| p.granularity == Granularity::Day)
                            .map(|p| p.start),
                        _ => None,
                    })
                    .next_back();
                match local.or(anchor) {
                    Some(day) => (valid_mentions(text, rec.scan(text, Some(day))), true),
                    None => (plain, false),
                }
            }
            None => (plain, false),
        };
        let places = names.places(&words);
        let organisations = names.organisations_at(i, &words);
        let mut ctx = SentenceContext {
            text,
            words,
            mentions,
            places,
            organisations,
            people,
            subject,
            reference: source.reference_date,
            rules,
            anniversary_of: anniversary_of.clone(),
            anchored,
            tally: sentence.start < tally_until,
            clause_breaks: OnceCell::new(),
            cues: Cues::default(),
        };
        if frame::status::progress_point(&ctx) {
            ctx.tally = true;
            tally_until = source.text[sentence.end..]
                .find('\n')
                .map_or(source.text.len(), |n| sentence.end + n);
        }
        if let Some(h) = rules.reference.events.find_in(&ctx.words).next() {
            anniversary_of = Some(h.value.clone());
            ctx.anniversary_of = anniversary_of.clone();
        }
        // One extractor per kind; each yields only its own kind's values.
        let extractors: [Extractor; 10] = [
            count::extract,
            date::extract,
            duration::extract,
            attendance::extract,
            precedent::extract,
            anniversary::extract,
            first::extract,
            treaty::extract,
            quote::extract,
            role::extract,
        ];
        let mut drafts: Vec<Draft> = extractors.iter().flat_map(|f| f(&ctx)).collect();
        // A sentence's year read by a richer fact ("signed in 2019", "the
        // first since 1998") is that fact's, not a bare date as well.
        let year_owned = drafts.iter().any(|d| {
            matches!(
                d.value.kind(),
                FactKind::Treaty | FactKind::Precedent | FactKind::First | FactKind::Anniversary
            )
        });
        drafts.retain(|d| {
            let bare_year = matches!(&d.value, FactValue::Date(v) if v.day.is_none());
            !(year_owned && bare_year)
        });
        drafts.sort_by_key(|d| (d.start, d.value.kind()));
        for d in drafts {
            if let FactValue::Date(v) = &d.value {
                if v.stated(DateField::Day) {
                    if let (Some(y), Some(m), Some(day)) = (v.year, v.month, v.day) {
                        anchor = NaiveDate::from_ymd_opt(y, m, day).or(anchor);
                    }
                }
            }
            let start = sentence.start + d.start;
            let (line, column) = source.lines.line_col(&source.text, start);
            facts.push(Fact {
                id: format!("{}#{}", source.id, facts.len()),
                source: source.id.clone(),
                key: d.key,
                subject: d.subject,
                value: d.value,
                modality: d.modality,
                text: text[d.start..d.end].to_string(),
                frame: d.frame,
                sentence: (*text).to_string(),
                span: Span {
                    start,
                    end: sentence.start + d.end,
                    line,
                    column,
                },
            });
        }
    }
    facts
}

/// Facts of every source of a bundle, sources in parallel, in source order.
/// Names one source introduces with a title ("Mayor Ada Lind") that the
/// reference pack does not know form the bundle's registry: another source
/// may name them bare. Each source's names are read once; the registry
/// re-reads only the sentences it can change.
pub fn extract_bundle(sources: &[Source], rec: &Recognizer, rules: &RuleSet) -> Vec<Fact> {
    use rayon::prelude::*;
    let names: Vec<Option<Names>> = sources.par_iter().map(|s| names_of(s, rules)).collect();
    let registry: Registry = names
        .iter()
        .flatten()
        .flat_map(|n| n.introduced_names().cloned())
        .collect();
    sources
        .par_iter()
        .zip(names)
        .flat_map_iter(|(source, names)| match names {
            Some(names) => {
                let names = names.with_registry_of(&registry, &sentence_texts(source));
                extract_named(source, rec, rules, &names)
            }
            None => Vec::new(),
        })
        .collect()
}

/// Figures, dates and durations read from one sentence, at most. Prose
/// states a handful; a "sentence" with more is a table, a list or noise,
/// and each mention costs work over its whole sentence, so without a bound
/// a line of numbers takes time quadratic in its length (found by fuzzing:
/// "two two two …" ran at 40 ms per KB).
pub const MAX_MENTIONS_PER_SENTENCE: usize = 32;

/// Drops spans that do not fall on character boundaries of the sentence:
/// extractors slice by them, and a bad span must never become a panic.
/// Keeps the first [`MAX_MENTIONS_PER_SENTENCE`].
fn valid_mentions(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    mentions
        .into_iter()
        .filter(|m| {
            m.start <= m.end
                && m.end <= text.len()
                && text.is_char_boundary(m.start)
                && text.is_char_boundary(m.end)
        })
        .take(MAX_MENTIONS_PER_SENTENCE)
        .collect()
}

/// Whether a cue ending at `cue_end` stands at most `window` words before
/// a noun starting at `noun_start` ("first such assembly", "his inaugural
/// appearance").
pub fn cue_before(text: &str, cue_end: usize, noun_start: usize, window: usize) -> bool {
    cue_end <= noun_start && words_between(text, cue_end, noun_start) <= window
}

/// Words between two offsets, for "within N words" windows.
pub fn words_between(text: &str, start: usize, end: usize) -> usize {
    if start >= end {
        return 0;
    }
    text[start..end].split_whitespace().count()
}

/// Test helper: run one extractor over a one-sentence article.
#[cfg(test)]
pub(crate) fn run_on(
    sentence: &str,
    reference: Option<NaiveDate>,
    f: fn(&SentenceContext) -> Vec<Draft>,
) -> Vec<Draft> {
    with_context(sentence, reference, f)
}

/// Test helper: the context of a one-sentence article, handed to `f`.
#[cfg(test)]
pub(crate) fn with_context<R>(
    sentence: &str,
    reference: Option<NaiveDate>,
    f: impl FnOnce(&SentenceContext) -> R,
) -> R {
    use std::sync::LazyLock;
    static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
        crate::rules::load(&crate::rules::LoadOptions::default()).expect("default rules load")
    });
    static REC: LazyLock<Recognizer> = LazyLock::new(Recognizer::new);
    let names = Names::new(&RULES.lexicon, &RULES.reference, sentence, &[sentence]);
    let people = names.people(sentence);
    let ctx = SentenceContext {
        text: sentence,
        words: Words::new(sentence),
        mentions: REC.scan(sentence, reference),
        places: names.places(&Words::new(sentence)),
        organisations: names.organisations(&Words::new(sentence)),
        subject: people.first().map(|p| p.id.clone()),
        people,
        reference,
        rules: &RULES,
        anniversary_of: RULES
            .reference
            .events
            .find_iter(sentence)
            .next()
            .map(|h| h.value.clone()),
        anchored: false,
        tally: false,
        clause_breaks: OnceCell::new(),
        cues: Cues::default(),
    };
    let ctx = SentenceContext {
        tally: frame::status::progress_point(&ctx),
        ..ctx
    };
    f(&ctx)
}

/// Test helper: the frames of the counts read from one sentence.
#[cfg(test)]
pub(crate) fn run_frames(sentence: &str) -> Vec<Frame> {
    run_on(
        sentence,
        NaiveDate::from_ymd_opt(2025, 9, 14),
        count::extract,
    )
    .into_iter()
    .filter_map(|d| d.frame)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clause around an offset, as text, for each way a clause ends.
    #[test]
    fn clauses_break_at_punctuation_and_contrastive_conjunctions() {
        let text = "Police said 17,000 came; organisers said 40,000 — the mayor (who spoke) said more, but few agreed";
        let clause = |word: &str| {
            let at = text.find(word).unwrap();
            let (s, e) = clause_bounds(text, at);
            text[s..e].trim().to_string()
        };
        let cases = [
            ("17,000", "Police said 17,000 came"),
            ("organisers", "organisers said 40,000"),
            ("mayor", "the mayor"),
            ("who", "who spoke"),
            ("more", "said more"),
            ("few", "but few agreed"),
        ];
        for (word, want) in cases {
            assert_eq!(clause(word), want, "{word}");
        }
        // A break at the offset itself ends the clause there; offsets
        // inside a character are taken back to its start.
        let semi = text.find(';').unwrap();
        assert_eq!(clause_bounds(text, semi), (0, semi));
        let dash = text.find('—').unwrap();
        assert_eq!(clause_bounds(text, dash + 1), clause_bounds(text, dash));
        assert_eq!(clause_bounds("", 0), (0, 0));
    }

    /// The character scan the byte scan of [`clause_breaks`] replaced.
    fn clause_breaks_by_char(text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let is_break = |i: usize, c: char| {
            matches!(c, ';' | ':' | '—' | '–' | '(' | ')')
                || (c == ','
                    && !(i > 0
                        && bytes[i - 1].is_ascii_digit()
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
                || (c == ' ' && CONTRASTIVE.iter().any(|w| text[i + 1..].starts_with(w)))
        };
        text.char_indices()
            .filter(|&(i, c)| is_break(i, c))
            .map(|(i, c)| (i, i + c.len_utf8()))
            .collect()
    }

    /// The byte scan breaks every real line and awkward text (other
    /// characters led by the dashes' lead byte, breaks at either end,
    /// grouped and listed digits) where the character scan did.
    #[test]
    fn clause_breaks_by_byte_are_those_by_char() {
        let mut lines = vec![
            "a—b–c‒d―e‐f ,1,000, 2,x ,3 ; : ( ) but while though".to_string(),
            "—".to_string(),
            ",".to_string(),
            " but ".to_string(),
            "x \u{2014}\u{2013}\u{20AC}, but".to_string(),
            String::new(),
        ];
        lines.extend(crate::recognize::tests::corpus_lines());
        let mut breaks = 0;
        for line in &lines {
            let want = clause_breaks_by_char(line);
            breaks += want.len();
            assert_eq!(clause_breaks(line), want, "{line:?}");
        }
        assert!(breaks > 1000, "{breaks}");
    }

    impl SentenceContext<'_> {
        /// The same sentence with nothing cached.
        fn afresh(&self) -> SentenceContext<'_> {
            SentenceContext {
                text: self.text,
                words: self.words.clone(),
                mentions: self.mentions.clone(),
                people: self.people.clone(),
                places: self.places.clone(),
                organisations: self.organisations.clone(),
                subject: self.subject.clone(),
                reference: self.reference,
                rules: self.rules,
                anniversary_of: self.anniversary_of.clone(),
                anchored: self.anchored,
                tally: self.tally,
                clause_breaks: OnceCell::new(),
                cues: Cues::default(),
            }
        }
    }

    /// The frame cues a figure reads from its sentence's and clause's
    /// cache are the ones it would find alone: over every real line, each
    /// figure's frame and modality with the cues the other figures cached
    /// (asked in reverse order) equal those from an empty cache, and its
    /// status equals the search per figure that the cache replaced.
    #[test]
    fn cached_cues_are_each_figures_own() {
        let reference = NaiveDate::from_ymd_opt(2025, 9, 14);
        let mut figures = 0;
        for line in crate::recognize::tests::corpus_lines() {
            with_context(&line, reference, |shared| {
                let spans: Vec<(usize, usize)> =
                    shared.mentions.iter().map(|m| (m.start, m.end)).collect();
                for &(s, e) in spans.iter().rev() {
                    frame::fill(shared, s, e, s);
                    shared.modality_at(e);
                }
                for &(s, e) in &spans {
                    let alone = shared.afresh();
                    assert_eq!(
                        frame::fill(shared, s, e, s),
                        frame::fill(&alone, s, e, s),
                        "{line:?} {s}..{e}"
                    );
                    assert_eq!(shared.modality_at(s), alone.afresh().modality_at(s));
                    let attribution = frame::attribution::find(shared, s).map(|a| a.1);
                    assert_eq!(
                        frame::status::of_figure(shared, s, e, attribution),
                        status_searched(&alone, s, e, attribution),
                        "{line:?} {s}..{e}"
                    );
                    figures += 1;
                }
            });
        }
        assert!(figures > 1000, "too few figures to check: {figures}");
    }

    /// `frame::status::of_figure` as it was before the cache: every
    /// search per figure.
    fn status_searched(
        ctx: &SentenceContext,
        start: usize,
        end: usize,
        attribution: Option<(usize, usize)>,
    ) -> crate::facts::Status {
        use crate::facts::Status;
        let frames = &ctx.rules.lexicon.frames;
        let text = ctx.text;
        let prior = frames.prior.find_iter(&text[..start]).any(|h| {
            let gap = &text[h.end..start];
            gap.split_whitespace().count() <= 2
                && gap.chars().all(|c| c.is_alphabetic() || c.is_whitespace())
        });
        if prior {
            return Status::Superseded;
        }
        let (cs, ce) = ctx.clause_at(start);
        let clause = ctx.clause_words(cs, ce);
        let attribution_words = attribution
            .map(|(s, e)| ctx.clause_words(s, e))
            .unwrap_or_default();
        let before_figure = &clause[..(start - cs).min(clause.len())];
        if frames.projected.contains_in(before_figure)
            || frames.projected.contains_in(&attribution_words)
        {
            return Status::Projected;
        }
        let required = frames.required.find_iter(&clause).any(|h| {
            let (a, b) = (cs + h.start, cs + h.end);
            let gap = if a >= end {
                &text[end..a]
            } else if b <= start {
                &text[b..start]
            } else {
                return false;
            };
            gap.split_whitespace().count() <= 3
        });
        if required {
            return Status::Projected;
        }
        let lead = if cs > 0 {
            let (ps, pe) = ctx.clause_at(cs - 1);
            ctx.clause_words(ps, pe)
        } else {
            String::new()
        };
        let own = frames
            .prior
            .find_iter(&clause)
            .find(|h| cs + h.start >= end)
            .map_or(clause.as_str(), |h| &clause[..h.start]);
        if frames.superseded.contains_in(own) || frames.superseded.contains_in(&lead) {
            return Status::Superseded;
        }
        if frames.revised.contains_in(&clause) {
            return Status::Revised;
        }
        if frames.provisional.contains_in(text) || ctx.tally {
            return Status::Provisional;
        }
        Status::Current
    }
}

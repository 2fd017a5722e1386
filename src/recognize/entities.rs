//! People and places in an article.
//!
//! A person is found three ways, none of them a hand list of spellings:
//! a name the reference pack knows (any regular variant: "Jean-Claude Juncker" =
//! "Jean Claude Juncker", by slug); a capitalized name after a title or a country's
//! possessive ("Prime Minister Shehbaz Sharif", "Slovakia's Robert Fico");
//! and a bare surname ("Juncker", "Sharif"), resolved to the full name the
//! article mentions most, else to the only known person with that name.
//! Capitalized words the article also uses in lower case ("Military
//! Parade" in a headline) are not names.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::recognize::pos;
use crate::text::{Words, slug};
use crate::vocabulary::{Lexicon, Reference};

/// A capitalized name token: "Sharif", "Jean-Claude", "McDonald", "O'Neill".
static NAME_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{Ll}\p{Lu}]*(?:['’]\p{Lu}[\p{Ll}]+)?(?:-\p{L}+)*").expect("static regex")
});

/// Lower-case particles inside names: "Marcelo Rebelo de Sousa", "Ursula von der Leyen".
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den",
    "von der", "van der", "van den", "ter", "bin", "ibn", "al", "el", "la", "le",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    pub start: usize,
    pub end: usize,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub id: String,
}

/// An organisation named in a sentence: a known one (by name or acronym),
/// a capitalized phrase ending in an organisational head word ("Libyan Red
/// Crescent"), or an acronym ("OCHA"). Extractors use it for attribution
/// ("according to the Red Crescent", "the ministry said").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgMention {
    pub start: usize,
    pub end: usize,
    pub id: String,
}

/// Whether a token reads as an acronym: two to six capital letters.
fn acronym_like(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// A sentence set mostly in capitals (a shouted headline) has no acronyms
/// to find: every word looks like one.
fn shouting(text: &str) -> bool {
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    let lower = text.chars().filter(|c| c.is_lowercase()).count();
    upper > lower
}

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
}

/// A sentence's capitalized runs, kept flat (one vector of tokens and where
/// each run ends) so that a sentence costs two allocations, not one per run.
#[derive(Debug, Default)]
struct Runs {
    tokens: Vec<Token>,
    ends: Vec<usize>,
}

impl Runs {
    fn iter(&self) -> impl Iterator<Item = &[Token]> {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let run = self.tokens.get(start..end).unwrap_or_default();
            start = end;
            run
        })
    }

    /// Ends the open run, if it has a token.
    fn close(&mut self) {
        let open = self.ends.last().copied().unwrap_or(0);
        if self.tokens.len() > open {
            self.ends.push(self.tokens.len());
        }
    }

    /// The open run's tokens.
    fn open(&self) -> &[Token] {
        let open = self.ends.last().copied().unwrap_or(0);
        self.tokens.get(open..).unwrap_or_default()
    }
}

/// [`NAME_TOKEN`]'s matches in `text`, as spans. In ASCII text (most
/// sentences) they are found by a byte scan, which costs a fraction of the
/// regex's search; the classes differ from the ASCII ones only outside
/// ASCII, where the regex reads.
fn name_tokens(text: &str) -> Box<dyn Iterator<Item = (usize, usize)> + '_> {
    if text.is_ascii() {
        Box::new(ascii_name_tokens(text.as_bytes()))
    } else {
        Box::new(NAME_TOKEN.find_iter(text).map(|m| (m.start(), m.end())))
    }
}

/// [`NAME_TOKEN`] over ASCII: a capital, letters, an optional "'X" with a
/// capital and lower-case letters, then "-letters" groups. Every part is
/// greedy and what may follow it never starts like it, so the longest
/// reading is the regex's.
fn ascii_name_tokens(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let at = |i: usize, class: fn(&u8) -> bool| bytes.get(i).is_some_and(class);
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_uppercase() {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        i += 1;
        while at(i, u8::is_ascii_alphabetic) {
            i += 1;
        }
        if bytes.get(i) == Some(&b'\'')
            && at(i + 1, u8::is_ascii_uppercase)
            && at(i + 2, u8::is_ascii_lowercase)
        {
            i += 3;
            while at(i, u8::is_ascii_lowercase) {
                i += 1;
            }
        }
        while bytes.get(i) == Some(&b'-') && at(i + 1, u8::is_ascii_alphabetic) {
            i += 2;
            while at(i, u8::is_ascii_alphabetic) {
                i += 1;
            }
        }
        Some((start, i))
    })
}

/// Runs of capitalized tokens separated by single spaces; a possessive
/// ("Korea's") ends a run.
fn capitalized_runs(text: &str) -> Runs {
    let mut runs = Runs::default();
    for (m_start, m_end) in name_tokens(text) {
        if !crate::text::is_whole_word(text, m_start, m_end)
            && !text[m_end..].starts_with(['\'', '’'])
        {
            continue;
        }
        let joined = runs.open().last().is_some_and(|last| {
            let gap = &text[last.end..m_start];
            // A name wrapped at the end of a line ("Javier\nMilei") is
            // one name; a blank line between ends it.
            let wrapped = !gap.is_empty()
                && gap.len() <= 3
                && gap.chars().all(char::is_whitespace)
                && gap.matches('\n').count() == 1;
            gap == " "
                || wrapped
                || gap
                    .strip_prefix(' ')
                    .and_then(|g| g.strip_suffix(' '))
                    .is_some_and(|p| NAME_PARTICLES.contains(&p))
        });
        if !joined {
            runs.close();
        }
        runs.tokens.push(Token {
            start: m_start,
            end: m_end,
        });
        if text[m_end..].starts_with(['\'', '’']) {
            runs.close();
        }
    }
    runs.close();
    runs
}

/// Whether a lone capitalized token may stand for a person's name. An
/// all-capitals token of two letters or more ("UN", "WHO", "BBC") is an
/// acronym, never a surname: without this "UN" backs off to the last word
/// of "Ban Ki Un". Mixed case with an inner capital ("McDonald",
/// "Jean-Claude") is a name; one capital letter alone is an initial.
fn plausible_surname(token: &str) -> bool {
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    // "An estimated …": an article opening a sentence is no name.
    letters >= 2 && token.chars().any(char::is_lowercase) && !pos::is_article(token)
}

/// The words an article uses in lower case. Built from every word of the
/// article and asked about every capitalized token, so neither side
/// allocates for a plain ASCII word.
#[derive(Default)]
struct LowerWords(foldhash::HashSet<String>);

impl LowerWords {
    fn of(article: &str) -> Self {
        let mut set = foldhash::HashSet::default();
        for w in article
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        {
            let lower = crate::text::lowercase(w);
            if !set.contains(lower.as_ref()) {
                set.insert(lower.into_owned());
            }
        }
        LowerWords(set)
    }

    /// Whether the article uses `word`, in lower case, as a word.
    fn contains(&self, word: &str) -> bool {
        let mut buf = [0u8; 48];
        match buf.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|w| self.0.contains(w))
            }
            _ => self.0.contains(&word.to_lowercase()),
        }
    }
}

/// The first and last words of a name id ("ada" and "lind" of
/// "ada-lind"), each once: a bare name stands for the names it begins or
/// ends.
fn end_words(id: &str) -> impl Iterator<Item = &str> {
    let first = id.split('-').next();
    let last = id.rsplit('-').next().filter(|l| Some(*l) != first);
    first.into_iter().chain(last)
}

/// The full names a bundle's sources introduce ([`Names::introduced_names`]),
/// indexed by their first and last words so that a bare name finds its
/// bearer with one look-up instead of a scan of every name.
#[derive(Debug, Default)]
pub struct Registry {
    ids: HashSet<String>,
    /// Per first or last word: how many names have it, and one of them.
    by_word: foldhash::HashMap<String, (usize, String)>,
}

impl Registry {
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The one name beginning or ending with `word`, if exactly one does.
    fn only_with(&self, word: &str) -> Option<&String> {
        match self.by_word.get(word) {
            Some((1, id)) => Some(id),
            _ => None,
        }
    }
}

impl FromIterator<String> for Registry {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Self {
        let ids: HashSet<String> = ids.into_iter().collect();
        let mut by_word = foldhash::HashMap::default();
        for id in &ids {
            for word in end_words(id) {
                let entry = by_word
                    .entry(word.to_string())
                    .or_insert_with(|| (0, id.clone()));
                entry.0 += 1;
            }
        }
        Registry { ids, by_word }
    }
}

/// Article-wide context for name resolution.
pub struct Names<'a> {
    lexicon: &'a Lexicon,
    reference: &'a Reference,
    /// Words the article uses in lower case: not names when capitalized.
    lowercase: LowerWords,
    /// Full-name mentions per entity id, for surname back-off.
    full_counts: foldhash::HashMap<String, usize>,
    /// Per first or last word of a full name mentioned, the name a bare
    /// mention of that word stands for: the most mentioned, the first in
    /// order on a tie.
    backoff: foldhash::HashMap<String, (String, usize)>,
    /// Candidates of each sentence given to [`Names::new`], computed once.
    per_sentence: Vec<Vec<Candidate>>,
    /// Capitalized runs of each of those sentences: read for people here
    /// and for organisations when the sentence is extracted.
    runs: Vec<Runs>,
    /// Per sentence, the slugs of runs the reference did not know: only
    /// these can become names through a registry, so a sentence with none
    /// in it keeps its candidates when the registry arrives.
    unknown_runs: Vec<Vec<String>>,
    /// Full names introduced anywhere in the bundle.
    registry: Option<&'a Registry>,
}

/// A candidate found in a sentence before bare names are resolved.
enum Candidate {
    Full(PersonMention),
    Bare {
        start: usize,
        end: usize,
    },
    /// One name after a title ("Prince William", "Pope Leo"): a surname
    /// back-off if the article or the reference pack knows it, else the
    /// title and name together.
    Titled {
        start: usize,
        end: usize,
        fallback: String,
    },
}

impl<'a> Names<'a> {
    pub fn new(
        lexicon: &'a Lexicon,
        reference: &'a Reference,
        article: &str,
        sentences: &[&str],
    ) -> Self {
        Self::with_registry(lexicon, reference, article, sentences, None)
    }

    /// Like [`Names::new`], also recognizing the bundle's introduced names.
    pub fn with_registry(
        lexicon: &'a Lexicon,
        reference: &'a Reference,
        article: &str,
        sentences: &[&str],
        registry: Option<&'a Registry>,
    ) -> Self {
        let lowercase = LowerWords::of(article);
        let mut names = Names {
            lexicon,
            reference,
            lowercase,
            full_counts: foldhash::HashMap::default(),
            backoff: foldhash::HashMap::default(),
            per_sentence: Vec::new(),
            runs: sentences.iter().map(|s| capitalized_runs(s)).collect(),
            unknown_runs: Vec::new(),
            registry,
        };
        let (per_sentence, unknown_runs) = sentences
            .iter()
            .zip(&names.runs)
            .map(|(s, runs)| names.candidates_in(s, runs))
            .unzip();
        names.per_sentence = per_sentence;
        names.unknown_runs = unknown_runs;
        names.count_full_names();
        names
    }

    /// These names, also recognizing the bundle's introduced names: what
    /// [`Names::with_registry`] gives for the same `sentences`, re-reading
    /// only the sentences where a registry name can stand.
    pub fn with_registry_of<'b>(self, registry: &'b Registry, sentences: &[&str]) -> Names<'b>
    where
        'a: 'b,
    {
        let mut names: Names<'b> = self;
        names.registry = Some(registry);
        for (i, text) in sentences.iter().enumerate() {
            let affected = names
                .unknown_runs
                .get(i)
                .is_some_and(|runs| runs.iter().any(|id| registry.contains(id)));
            if affected {
                let (candidates, _) = match names.runs.get(i) {
                    Some(runs) => names.candidates_in(text, runs),
                    None => names.candidates(text),
                };
                names.per_sentence[i] = candidates;
            }
        }
        names.count_full_names();
        names
    }

    fn count_full_names(&mut self) {
        let mut counts = foldhash::HashMap::default();
        for c in self.per_sentence.iter().flatten() {
            if let Candidate::Full(p) = c {
                *counts.entry(p.id.clone()).or_default() += 1;
            }
        }
        let mut backoff: foldhash::HashMap<String, (String, usize)> = foldhash::HashMap::default();
        for (id, &n) in &counts {
            // A one-word id is no back-off for its own word.
            for word in end_words(id).filter(|w| w != id) {
                match backoff.get_mut(word) {
                    Some((best, bn)) if n > *bn || (n == *bn && id < best) => {
                        best.clone_from(id);
                        *bn = n;
                    }
                    Some(_) => {}
                    None => {
                        backoff.insert(word.to_string(), (id.clone(), n));
                    }
                }
            }
        }
        self.full_counts = counts;
        self.backoff = backoff;
    }

    fn is_title_or_place(&self, words: &str) -> bool {
        let is_title =
            self.lexicon.titles.is_whole(words) || self.lexicon.honorifics.is_whole(words);
        let is_place = self.reference.places.is_whole(words);
        is_title || is_place
    }

    fn name_like(&self, text: &str, tokens: &[Token]) -> bool {
        tokens.iter().all(|t| {
            let w = &text[t.start..t.end];
            !self.lowercase.contains(w)
                && !self.is_title_or_place(w)
                && !self.lexicon.not_names.is_whole(w)
        })
    }

    /// A title ("junta chief ") or a place possessive ("Slovakia's ") right
    /// before `start`.
    fn introduced(&self, text: &str, start: usize) -> bool {
        let before = text[..start].trim_end();
        if before.len() == text[..start].len() {
            return false; // no space: not a separate word
        }
        let window_start = before.char_indices().rev().nth(30).map_or(0, |(i, _)| i);
        let window = &before[window_start..];
        let title_ends = self
            .lexicon
            .titles
            .find_iter(window)
            .any(|h| h.end == window.len());
        let possessive = window
            .strip_suffix("'s")
            .or_else(|| window.strip_suffix("’s"))
            .is_some_and(|w| self.reference.places.find_iter(w).any(|h| h.end == w.len()));
        title_ends || possessive
    }

    /// Whether `text` (after spaces) opens with a speech verb.
    fn opens_with_speech_verb(&self, text: &str) -> bool {
        self.lexicon
            .speech_verbs
            .prefix(text.trim_start())
            .is_some()
    }

    /// Whether the words around an unknown capitalized name make it a
    /// person's, the way news introduces people who speak: a speech verb
    /// before it ("said Martin Griffiths") or after it ("Martin Griffiths
    /// said"), or an appositive that names a title or is followed by a
    /// speech verb ("Martin Griffiths, the UN aid chief, said"; "Bridget
    /// Phillipson, Labour's education secretary, kept her seat"). Runs
    /// that read as organisations ("Red Crescent", "OCHA") never are.
    fn described(&self, text: &str, tokens: &[Token]) -> bool {
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return false;
        };
        let org_like = tokens.iter().any(|t| {
            let w = &text[t.start..t.end];
            acronym_like(w) || self.lexicon.organisation_heads.is_whole(w)
        });
        let in_known_org = self
            .lexicon
            .organisations
            .find_iter(text)
            .any(|h| h.start < last.end && first.start < h.end);
        if org_like || in_known_org {
            return false;
        }
        let before = text[..first.start].trim_end();
        let spoken_before = self
            .lexicon
            .speech_verbs
            .find_iter(before)
            .last()
            .is_some_and(|h| h.end == before.len());
        let rest = &text[last.end..];
        if spoken_before || self.opens_with_speech_verb(rest) {
            return true;
        }
        let Some(after_comma) = rest.strip_prefix(',') else {
            return false;
        };
        if self.opens_with_speech_verb(after_comma) {
            return true;
        }
        let Some((appositive, after)) = after_comma.split_once(',') else {
            return false;
        };
        let words = appositive.split_whitespace().count();
        let plain = !appositive.contains(['"', '“', '”', '(', ')', ';', ':']);
        plain
            && (1..=8).contains(&words)
            && (self.opens_with_speech_verb(after) || self.lexicon.titles.contains_in(appositive))
    }

    /// A sentence's candidates, and the slugs of its runs that neither the
    /// reference nor the registry knew.
    fn candidates(&self, text: &str) -> (Vec<Candidate>, Vec<String>) {
        self.candidates_in(text, &capitalized_runs(text))
    }

    /// [`Names::candidates`] from the sentence's capitalized runs.
    fn candidates_in(&self, text: &str, runs: &Runs) -> (Vec<Candidate>, Vec<String>) {
        let mut out = Vec::new();
        let mut unknown = Vec::new();
        let mut used = Vec::new();
        for run in runs.iter() {
            used.clear();
            used.resize(run.len(), false);
            // 1. Known people, longest sub-run first.
            for len in (2..=run.len().min(5)).rev() {
                for i in 0..=run.len() - len {
                    if used[i..i + len].iter().any(|u| *u) {
                        continue;
                    }
                    let (s, e) = (run[i].start, run[i + len - 1].end);
                    let id = match self.reference.person(&text[s..e]) {
                        Some(p) => Some(p.id.clone()),
                        // Named with a title by another source of the bundle.
                        None => {
                            let id = slug(&text[s..e]);
                            if self.registry.is_some_and(|r| r.contains(&id)) {
                                Some(id)
                            } else {
                                unknown.push(id);
                                None
                            }
                        }
                    };
                    if let Some(id) = id {
                        out.push(Candidate::Full(PersonMention {
                            start: s,
                            end: e,
                            id,
                        }));
                        used[i..i + len].iter_mut().for_each(|u| *u = true);
                    }
                }
            }
            // 2. Unknown names introduced by a title or a possessive. A
            //    run of one word yields nothing here: a title or place
            //    leaves no name after it, and a lone name needs a title.
            if run.len() > 1 && used.iter().all(|u| !u) {
                if let Some(c) = self.introduced_in_run(text, run) {
                    out.push(c);
                    used.iter_mut().for_each(|u| *u = true);
                }
            }
            // 3. Everything else may be a bare surname.
            for (t, u) in run.iter().zip(&used) {
                if !u {
                    out.push(Candidate::Bare {
                        start: t.start,
                        end: t.end,
                    });
                }
            }
        }
        (out, unknown)
    }

    /// An unknown name a run introduces with a title or a possessive:
    /// leading title and place words stripped, 2–4 name-like tokens kept.
    fn introduced_in_run(&self, text: &str, run: &[Token]) -> Option<Candidate> {
        let mut i = 0;
        let mut stripped = false;
        let mut last_title = "";
        'strip: while i < run.len() {
            for len in (1..=3.min(run.len() - i)).rev() {
                let words = &text[run[i].start..run[i + len - 1].end];
                if self.is_title_or_place(words) {
                    i += len;
                    stripped = true;
                    last_title = words;
                    continue 'strip;
                }
            }
            break;
        }
        let rest = &run[i..];
        let single_name_title = self.lexicon.single_name_titles.is_whole(last_title);
        if rest.len() == 1 && single_name_title && self.name_like(text, rest) {
            Some(Candidate::Titled {
                start: rest[0].start,
                end: rest[0].end,
                fallback: slug(&text[run[0].start..rest[0].end]),
            })
        } else if (2..=4).contains(&rest.len())
            && (stripped || self.introduced(text, run[0].start) || self.described(text, rest))
            && self.name_like(text, rest)
        {
            let (s, e) = (rest[0].start, rest[rest.len() - 1].end);
            Some(Candidate::Full(PersonMention {
                start: s,
                end: e,
                id: slug(&text[s..e]),
            }))
        } else {
            None
        }
    }

    /// The entity a bare name stands for: the most-mentioned full name in
    /// the article with that first or last word, else the only known
    /// person with it.
    fn resolve_bare(&self, token: &str) -> Option<String> {
        // The cheap refusals first: most capitalized words (a sentence's
        // first) are refused before their slug is made.
        if !plausible_surname(token) || self.lowercase.contains(token) {
            return None;
        }
        let t = slug(token);
        if t.is_empty() || self.lexicon.organisations.is_whole(token) {
            return None;
        }
        if let Some((id, _)) = self.backoff.get(&t) {
            return Some(id.clone());
        }
        if let Some(one) = self.registry.and_then(|r| r.only_with(&t)) {
            return Some(one.clone());
        }
        match self.reference.people_with_token(token) {
            [one] => Some(one.id.clone()),
            _ => None,
        }
    }

    /// Full names this article introduces that the reference pack does not
    /// know: shared with the bundle's other sources, which may name the
    /// same person without a title.
    pub fn introduced_names(&self) -> impl Iterator<Item = &String> {
        self.full_counts
            .keys()
            .filter(|id| self.reference.person(id).is_none() && id.contains('-'))
    }

    /// People in one sentence, in order.
    pub fn people(&self, text: &str) -> Vec<PersonMention> {
        self.resolve(text, &self.candidates(text).0)
    }

    /// People in the `i`th sentence given to [`Names::new`].
    pub fn people_at(&self, i: usize, text: &str) -> Vec<PersonMention> {
        match self.per_sentence.get(i) {
            Some(candidates) => self.resolve(text, candidates),
            None => self.people(text),
        }
    }

    fn resolve(&self, text: &str, candidates: &[Candidate]) -> Vec<PersonMention> {
        let mut out: Vec<PersonMention> = candidates
            .iter()
            .filter_map(|c| match c {
                Candidate::Full(p) => Some(p.clone()),
                Candidate::Bare { start, end } => {
                    self.resolve_bare(&text[*start..*end])
                        .map(|id| PersonMention {
                            start: *start,
                            end: *end,
                            id,
                        })
                }
                Candidate::Titled {
                    start,
                    end,
                    fallback,
                } => Some(PersonMention {
                    start: *start,
                    end: *end,
                    id: self
                        .resolve_bare(&text[*start..*end])
                        .unwrap_or_else(|| fallback.clone()),
                }),
            })
            .collect();
        out.sort_by_key(|p| p.start);
        out
    }

    /// Organisations in one sentence, in order. Known names win; a
    /// capitalized phrase of two words or more ending in a head word
    /// ("Foreign Ministry", "Libyan Red Crescent Society") is one, taking in
    /// a known name inside it ("UN Security Council"); an acronym that is
    /// not a place, a title or a listed non-organisation is one. Nothing
    /// here is a person.
    pub fn organisations(&self, words: &Words) -> Vec<OrgMention> {
        self.organisations_in(words, &capitalized_runs(words.text()))
    }

    /// Organisations in the `i`th sentence given to [`Names::new`], whose
    /// words are `words`.
    pub fn organisations_at(&self, i: usize, words: &Words) -> Vec<OrgMention> {
        match self.runs.get(i) {
            Some(runs) => self.organisations_in(words, runs),
            None => self.organisations(words),
        }
    }

    fn organisations_in(&self, words: &Words, runs: &Runs) -> Vec<OrgMention> {
        let lex = self.lexicon;
        let text = words.text();
        let mut out: Vec<OrgMention> = lex
            .organisations
            .find_in(words)
            .map(|h| OrgMention {
                start: h.start,
                end: h.end,
                id: h.value.clone(),
            })
            .collect();
        // Asked only of a run holding an acronym-like word: the count runs
        // over the whole sentence.
        let loud = std::cell::OnceCell::new();
        for run in runs.iter() {
            let word = |t: &Token| &text[t.start..t.end];
            if let Some(head) = run
                .iter()
                .rposition(|t| lex.organisation_heads.is_whole(word(t)))
            {
                let first = usize::from(run.first().is_some_and(|t| word(t) == "The"));
                if head > first {
                    let (s, e) = (run[first].start, run[head].end);
                    let overlaps_longer = out
                        .iter()
                        .any(|o| o.start < e && s < o.end && !(s <= o.start && o.end <= e));
                    if !overlaps_longer {
                        out.retain(|o| !(s <= o.start && o.end <= e));
                        out.push(OrgMention {
                            start: s,
                            end: e,
                            id: slug(&text[s..e]),
                        });
                    }
                }
            }
            let acronyms = run.iter().any(|t| acronym_like(word(t)));
            if !acronyms || *loud.get_or_init(|| shouting(text)) {
                continue;
            }
            for t in run {
                let w = word(t);
                let taken = out.iter().any(|o| o.start < t.end && t.start < o.end);
                if acronym_like(w)
                    && !taken
                    && !self.is_title_or_place(w)
                    && !lex.not_acronyms.is_whole(w)
                {
                    out.push(OrgMention {
                        start: t.start,
                        end: t.end,
                        id: slug(w),
                    });
                }
            }
        }
        out.sort_by_key(|o| o.start);
        out
    }

    pub fn places(&self, words: &Words) -> Vec<PlaceMention> {
        self.reference
            .places
            .find_in(words)
            .map(|h| PlaceMention {
                start: h.start,
                end: h.end,
                id: h.value.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{LoadOptions, load};

    fn people_in(article: &str) -> Vec<Vec<String>> {
        let set = load(&LoadOptions::default()).unwrap();
        let sentences: Vec<&str> = article.lines().collect();
        let names = Names::new(&set.lexicon, &set.reference, article, &sentences);
        sentences
            .iter()
            .map(|s| names.people(s).into_iter().map(|p| p.id).collect())
            .collect()
    }

    /// Adding the registry to names already read gives what reading them
    /// with the registry gives, though only the sentences a registry name
    /// can touch are read again.
    #[test]
    fn a_registry_added_later_reads_as_one_given_at_once() {
        let set = load(&LoadOptions::default()).unwrap();
        let article = "Ada Lind opened the bridge on Monday.\n\
            The crowd cheered as Lind cut the ribbon.\n\
            Governor Ray Holt did not come.\n\
            Marta Vale, who runs the ferry, said the queue was long.\n\
            Vale and Lind spoke later; Holt sent a note.";
        let sentences: Vec<&str> = article.lines().collect();
        // Another source of the bundle introduced "Mayor Ada Lind".
        let registry: Registry = ["ada-lind".to_string()].into_iter().collect();
        let people = |names: &Names| -> Vec<Vec<String>> {
            (0..sentences.len())
                .map(|i| {
                    let found = names.people_at(i, sentences[i]);
                    found.into_iter().map(|p| p.id).collect()
                })
                .collect()
        };
        let at_once = Names::with_registry(
            &set.lexicon,
            &set.reference,
            article,
            &sentences,
            Some(&registry),
        );
        let later = Names::new(&set.lexicon, &set.reference, article, &sentences)
            .with_registry_of(&registry, &sentences);
        let want = people(&at_once);
        assert_eq!(people(&later), want);
        // The registry matters here: without it the first sentence has no one.
        assert_eq!(want[0], ["ada-lind"]);
        let without = Names::new(&set.lexicon, &set.reference, article, &sentences);
        assert!(people(&without)[0].is_empty());
    }

    #[test]
    fn names_unify_across_spellings_and_back_off_to_surnames() {
        let article = "Kim and Putin to Join Xi at China’s Military Parade\n\
            Russian President Vladimir Putin and North Korean leader Kim Jong Un will attend the parade.\n\
            North Korea's Kim Jong-un met Xi Jinping.\n\
            The founder Kim Il-sung attended in 1959.\n\
            Later, Kim spoke.\n\
            The military parade was long.";
        let got = people_in(article);
        assert_eq!(got[0], vec!["kim-jong-un", "vladimir-putin", "xi-jinping"]);
        assert_eq!(got[1], vec!["vladimir-putin", "kim-jong-un"]);
        assert_eq!(got[2], vec!["kim-jong-un", "xi-jinping"]);
        assert_eq!(got[3], vec!["kim-il-sung"]);
        assert_eq!(got[4], vec!["kim-jong-un"]);
        assert!(got[5].is_empty());
    }

    #[test]
    fn a_name_wrapped_at_a_line_end_is_one_name() {
        let article = "Leaders came, and Mayor Ada\nLind spoke first.\n\nMayor Ada Lind left.";
        let got = people_in(article);
        assert_eq!(got[0], vec!["ada-lind"]);
    }

    #[test]
    fn unknown_names_need_a_title_or_possessive() {
        let article = "Slovakia’s Robert Fico and Mayor Ada Lind came.\n\
            Tiananmen Square was full, said Mayor Ada Lind.\n\
            The Grand Hall Tour sold out.\n\
            The tour was a hall of fame.";
        let got = people_in(article);
        assert_eq!(got[0], vec!["robert-fico", "ada-lind"]);
        assert_eq!(got[1], vec!["ada-lind"]);
        assert!(got[2].is_empty(), "{:?}", got[2]);
    }

    #[test]
    fn speakers_and_appositives_make_people() {
        let cases: &[(&str, &[&str])] = &[
            (
                "\"We do not know,\" Martin Griffiths, the UN aid chief, said on Friday.",
                &["martin-griffiths"],
            ),
            ("\"It is over,\" said Ada Lind.", &["ada-lind"]),
            ("Ada Lind said the dam had failed.", &["ada-lind"]),
            (
                "Ola Berg, the region's deputy governor, toured the site.",
                &["ola-berg"],
            ),
            (
                "The Office for the Coordination of Humanitarian Affairs said so.",
                &[],
            ),
            ("Mr Ola Berg said so.", &["ola-berg"]),
            // A known organisation is never a surname, whatever its case.
            ("Unicef said so; Reuters agreed.", &[]),
            // Must yield nothing: organisations, places, an appositive
            // without a title or a speech verb, no speech at all.
            ("The Red Crescent said it had no figures.", &[]),
            ("Downing Street said nothing.", &[]),
            ("Ola Berg, a small town, flooded.", &[]),
            ("Ola Berg toured the site.", &[]),
        ];
        for (sentence, want) in cases {
            let got = &people_in(sentence)[0];
            assert_eq!(got, want, "{sentence}");
        }
    }

    #[test]
    fn acronyms_never_back_off_to_surnames() {
        let article = "Kim Jong Un watched the parade.\n\
            Martin Griffiths, the UN aid chief, said the WHO and OCHA agreed.\n\
            The BBC and AP reported it; IFRC staff helped.\n\
            Later, Un spoke.";
        let got = people_in(article);
        assert_eq!(got[0], vec!["kim-jong-un"]);
        assert_eq!(got[1], vec!["martin-griffiths"]);
        assert!(got[2].is_empty(), "{:?}", got[2]);
        // A capitalized surname in mixed case still backs off.
        assert_eq!(got[3], vec!["kim-jong-un"]);
    }

    #[test]
    fn known_organisations_never_back_off_to_surnames() {
        let article = "Mayor Paul Reuters opened the bridge.\n\
            Reuters reported the opening.";
        let got = people_in(article);
        assert_eq!(got[0], vec!["paul-reuters"]);
        assert!(got[1].is_empty(), "{:?}", got[1]);
    }

    #[test]
    fn plausible_surname_table() {
        let cases = [
            ("Un", true),
            ("Re", true),
            ("McDonald", true),
            ("Jong-un", true),
            ("O'Neill", true),
            ("UN", false),
            ("WHO", false),
            ("OCHA", false),
            ("IFRC", false),
            ("I", false),
            ("An", false),
            ("The", false),
            ("", false),
        ];
        for (token, want) in cases {
            assert_eq!(plausible_surname(token), want, "{token}");
        }
    }

    fn orgs_in(sentence: &str) -> Vec<String> {
        let set = load(&LoadOptions::default()).unwrap();
        let names = Names::new(&set.lexicon, &set.reference, sentence, &[sentence]);
        names
            .organisations(&Words::new(sentence))
            .into_iter()
            .map(|o| {
                assert!(sentence.is_char_boundary(o.start) && o.end <= sentence.len());
                o.id
            })
            .collect()
    }

    /// [`Names::resolve_bare`] as it was before its indexes: a scan of
    /// every full name and every registry name per bare word.
    fn resolve_bare_scanned(names: &Names, token: &str) -> Option<String> {
        let t = slug(token);
        if t.is_empty()
            || !plausible_surname(token)
            || names.lowercase.contains(token)
            || names.lexicon.organisations.is_whole(token)
        {
            return None;
        }
        let mut best: Option<(&String, usize)> = None;
        for (id, n) in &names.full_counts {
            let first = id.split('-').next() == Some(t.as_str());
            let last = id.rsplit('-').next() == Some(t.as_str());
            if (first || last)
                && id != &t
                && best.is_none_or(|(bid, bn)| *n > bn || (*n == bn && id < bid))
            {
                best = Some((id, *n));
            }
        }
        if let Some((id, _)) = best {
            return Some(id.clone());
        }
        if let Some(registry) = names.registry {
            let mut hits = registry.ids.iter().filter(|id| {
                id.split('-').next() == Some(t.as_str())
                    || id.rsplit('-').next() == Some(t.as_str())
            });
            if let (Some(one), None) = (hits.next(), hits.next()) {
                return Some(one.clone());
            }
        }
        match names.reference.people_with_token(token) {
            [one] => Some(one.id.clone()),
            _ => None,
        }
    }

    /// The indexed back-off answers as the scan did, for every capitalized
    /// word of every real line, with the names of all of them counted and
    /// half of them, with ties, in the registry.
    #[test]
    fn indexed_backoff_resolves_as_the_scan_did() {
        let set = load(&LoadOptions::default()).unwrap();
        let lines = crate::recognize::tests::corpus_lines();
        let sentences: Vec<&str> = lines.iter().map(String::as_str).collect();
        let article = lines.join("\n");
        let names = Names::new(&set.lexicon, &set.reference, &article, &sentences);
        let mut ids: Vec<String> = names.full_counts.keys().cloned().collect();
        ids.sort();
        // Registry names sharing words with counted ones, and with each
        // other ("ada-lind", "ada-vale"), so both answers are exercised.
        let registry: Registry = ids
            .iter()
            .step_by(2)
            .cloned()
            .chain(["ada-lind", "ada-vale", "bo", "ray-holt-lind"].map(String::from))
            .collect();
        let with = Names::new(&set.lexicon, &set.reference, &article, &sentences)
            .with_registry_of(&registry, &sentences);
        let mut resolved = 0;
        for names in [&names, &with] {
            for (text, runs) in sentences.iter().zip(&names.runs) {
                for t in runs.iter().flatten() {
                    let token = &text[t.start..t.end];
                    let got = names.resolve_bare(token);
                    resolved += usize::from(got.is_some());
                    assert_eq!(got, resolve_bare_scanned(names, token), "{token:?}");
                }
            }
            for token in ["Ada", "Lind", "Vale", "Holt", "Bo"] {
                assert_eq!(
                    names.resolve_bare(token),
                    resolve_bare_scanned(names, token)
                );
            }
        }
        assert!(resolved > 20, "too few bare names resolved: {resolved}");
    }

    /// The byte scan finds the regex's tokens in every ASCII line of the
    /// real text and in awkward ASCII (apostrophes and hyphens at every
    /// place, capitals after lower case, digits).
    #[test]
    fn ascii_name_tokens_are_the_regex_tokens() {
        let mut lines: Vec<String> = [
            "O'Neill-Smith McDonald's A- X'Y X'Yz 'A'Bc AB-cd-Ef-- Jean-Claude",
            "aBc D'e E'FG F'Gh'Ij G-'H H-2 I9 J'K'Lm K- -L M' N'O",
            "",
            "A",
            "a'B'c-D",
        ]
        .map(String::from)
        .to_vec();
        lines.extend(
            crate::recognize::tests::corpus_lines()
                .into_iter()
                .filter(|l| l.is_ascii()),
        );
        let mut tokens = 0;
        for line in &lines {
            let want: Vec<(usize, usize)> = NAME_TOKEN
                .find_iter(line)
                .map(|m| (m.start(), m.end()))
                .collect();
            tokens += want.len();
            let got: Vec<(usize, usize)> = ascii_name_tokens(line.as_bytes()).collect();
            assert_eq!(got, want, "{line:?}");
        }
        assert!(tokens > 1000, "{tokens}");
    }

    /// A run of one word introduces no name, in any real line: the
    /// candidates skip asking.
    #[test]
    fn one_word_runs_introduce_nobody() {
        let rules = load(&LoadOptions::default()).expect("rules");
        let mut lines = vec![
            "Mayor spoke.".to_string(),
            "Oslo's Lind spoke.".to_string(),
            "Pope said, Leo said.".to_string(),
        ];
        lines.extend(crate::recognize::tests::corpus_lines());
        let mut asked = 0;
        for line in &lines {
            let names = Names::new(&rules.lexicon, &rules.reference, line, &[line]);
            for run in capitalized_runs(line).iter().filter(|r| r.len() == 1) {
                asked += 1;
                assert!(
                    names.introduced_in_run(line, run).is_none(),
                    "{line:?} {:?}",
                    &line[run[0].start..run[0].end]
                );
            }
        }
        assert!(asked > 1000, "{asked}");
    }

    /// Shouted sentences have no acronyms, others do: the count of
    /// capitals is asked only of runs holding an acronym-like word.
    #[test]
    fn shouting_is_asked_where_acronyms_stand() {
        assert!(orgs_in("THE KFT AND ZRB MET TODAY").is_empty());
        assert_eq!(orgs_in("The KFT and ZRB met today."), ["kft", "zrb"]);
        assert_eq!(orgs_in("Officials of the KFT met. ZRB"), ["kft", "zrb"]);
    }

    #[test]
    fn capitalized_runs_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The Mayor of Oslo met Ada Lind.",
                &["The Mayor", "Oslo", "Ada Lind"],
            ),
            ("Korea's Lee Jae Myung spoke", &["Korea", "Lee Jae Myung"]),
            ("with Ursula von der Leyen today", &["Ursula von der Leyen"]),
            (
                "said Javier\nMilei, then\n\nAda left",
                &["Javier\nMilei", "Ada"],
            ),
            ("no capitals at all", &[]),
        ];
        for (text, want) in cases {
            let runs = capitalized_runs(text);
            let got: Vec<&str> = runs
                .iter()
                .filter_map(|run| Some(&text[run.first()?.start..run.last()?.end]))
                .collect();
            assert_eq!(&got, want, "{text:?}");
            assert_eq!(
                runs.iter().map(<[Token]>::len).sum::<usize>(),
                runs.tokens.len()
            );
        }
    }

    /// The lower-case word set answers as a set of `to_lowercase` words
    /// does, for every word of every real line, capitalized or not, ASCII
    /// or not, short or longer than its stack buffer.
    #[test]
    fn lower_words_answer_as_lowercased_strings_do() {
        let lines = crate::recognize::tests::corpus_lines();
        let article = lines.join("\n");
        let set = LowerWords::of(&article);
        let plain: HashSet<String> = article
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .map(str::to_lowercase)
            .collect();
        assert_eq!(set.0.iter().collect::<HashSet<_>>(), plain.iter().collect());
        let long = "Supercalifragilisticexpialidocious-Counterrevolutionaries";
        let long_lower = long.to_lowercase();
        let probes = article
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .chain(["ŁÓDŹ", "Straße", long, &long_lower]);
        for w in probes {
            assert_eq!(set.contains(w), plain.contains(&w.to_lowercase()), "{w:?}");
        }
    }

    /// Organisations read from the runs cached when the article's names
    /// were read equal those read from the sentence afresh, for every
    /// sentence of every real article.
    #[test]
    fn cached_runs_find_the_organisations_a_fresh_read_finds() {
        let set = load(&LoadOptions::default()).unwrap();
        let lines = crate::recognize::tests::corpus_lines();
        let sentences: Vec<&str> = lines.iter().map(String::as_str).collect();
        let article = lines.join("\n");
        let names = Names::new(&set.lexicon, &set.reference, &article, &sentences);
        let mut found = 0;
        for (i, sentence) in sentences.iter().enumerate() {
            let words = Words::new(sentence);
            let fresh = names.organisations(&words);
            found += fresh.len();
            assert_eq!(names.organisations_at(i, &words), fresh, "{sentence:?}");
        }
        assert!(found > 50, "too few organisations to compare: {found}");
    }

    #[test]
    fn organisations_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "According to the Libyan Red Crescent, the toll rose.",
                &["libyan-red-crescent"],
            ),
            (
                "OCHA said the WHO had verified the figures.",
                &["ocha", "world-health-organization"],
            ),
            (
                "The UN Office for the Coordination of Humanitarian Affairs updated its report.",
                &["ocha"],
            ),
            ("The UN Security Council met.", &["un-security-council"]),
            ("The Foreign Ministry said so.", &["foreign-ministry"]),
            (
                "An IFRC official and an IOM envoy spoke to Reuters.",
                &["ifrc", "iom", "reuters"],
            ),
            (
                "Martin Griffiths, the UN aid chief, said.",
                &["united-nations"],
            ),
            ("The ZQX team arrived.", &["zqx"]),
            // Must yield nothing: places, titles, numerals, lone heads,
            // lower-case words, a shouted headline.
            ("The US and UK leaders met the PM on TV.", &[]),
            ("Pope John Paul II visited.", &[]),
            ("Police said the office was closed.", &[]),
            ("Who said the world health organization?", &[]),
            ("FLOODS HIT DERNA AS DAM BREAKS", &[]),
        ];
        for (sentence, want) in cases {
            assert_eq!(orgs_in(sentence), *want, "{sentence}");
        }
    }

    #[test]
    fn particles_and_single_names_after_titles() {
        let article = "President Marcelo Rebelo de Sousa and Prince William arrived.\nPope Leo spoke; later William left.\nHe moved to Britain's Premier League and toured Japan's Imperial Palace.";
        let got = people_in(article);
        assert_eq!(got[0], vec!["marcelo-rebelo-de-sousa", "prince-william"]);
        assert_eq!(got[1], vec!["pope-leo"]);
        assert!(got[2].is_empty(), "{:?}", got[2]);
    }
}

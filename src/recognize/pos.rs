//! Word classes from an embedded English lexicon (Wiktionary's part-of-speech
//! tags) and an English stemmer, so that extractors can tell a counted noun
//! from a verb for words no YAML list names. Open vocabulary lives here; the
//! YAML lexicon only says what the words *mean*.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use wiktionary_part_of_speech_extract::{ENGLISH_TAG_LOOKUP, Tag, TagSet};

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// `word` lower-cased, borrowed when it already is: the lookups here run
/// several times per word of every sentence, and most words need no copy.
fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Words whose lexicon entries a thread keeps; past this it starts over,
/// which bounds the memory while keeping a news vocabulary's common words.
const REMEMBERED: usize = 1 << 14;

thread_local! {
    static ENTRIES: RefCell<foldhash::HashMap<Box<str>, Option<TagSet>>> =
        RefCell::new(foldhash::HashMap::default());
}

/// The lexicon's entry for a lower-cased word. A look-up in the lexicon's
/// FST costs some two thousand instructions, hashing the word a tenth of
/// that, and extractors ask about the same words sentence after sentence:
/// so each thread remembers the answers.
fn entry(lower: &str) -> Option<TagSet> {
    ENTRIES.with(|cell| {
        if let Some(tags) = cell.borrow().get(lower) {
            return tags.clone();
        }
        let tags = ENGLISH_TAG_LOOKUP.get(lower);
        let mut remembered = cell.borrow_mut();
        if remembered.len() >= REMEMBERED {
            remembered.clear();
        }
        remembered.insert(lower.into(), tags.clone());
        tags
    })
}

fn has(word: &str, tag: Tag) -> bool {
    entry(&lower(word)).is_some_and(|set| set.tags().any(|t| t == tag))
}

/// A noun, or the plural of one. The embedded lexicon leaves out words
/// whose only class is noun ("vehicle", "sailor") and lists lemmas, not
/// plurals; so an unlisted word (not an "-ly" adverb) is taken for a
/// noun, the open class it almost always belongs to, and "buildings" is a
/// noun because "building" is.
pub fn is_noun(word: &str) -> bool {
    let lower = lower(word);
    has(&lower, Tag::Noun) || unlisted_noun(&lower) || plural_of_noun(&lower).is_some()
}

/// Whether the lexicon lists the word at all (under any class).
pub fn is_listed(word: &str) -> bool {
    entry(&lower(word)).is_some()
}

fn unlisted_noun(lower: &str) -> bool {
    lower.len() > 2
        && !lower.ends_with("ly")
        && lower.chars().all(|c| c.is_alphabetic() || c == '-')
        && entry(lower).is_none()
}

/// The singular whose regular plural `lower` is: "-ies" and "-es" forms
/// only onto listed nouns ("bodies", "crosses"), "-s" also onto unlisted
/// words ("vehicles").
fn plural_of_noun(lower: &str) -> Option<String> {
    let listed = |c: &String| c.len() > 1 && has(c, Tag::Noun);
    lower
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .filter(|c| listed(c) || unlisted_noun(c))
        .or_else(|| lower.strip_suffix("es").map(str::to_string).filter(listed))
        .or_else(|| {
            lower
                .strip_suffix('s')
                .filter(|s| !s.ends_with('s'))
                .map(str::to_string)
                .filter(|c| listed(c) || unlisted_noun(c))
        })
}

pub fn is_adjective(word: &str) -> bool {
    has(word, Tag::Adjective)
}

pub fn is_adverb(word: &str) -> bool {
    has(word, Tag::Adverb)
}

pub fn is_verb(word: &str) -> bool {
    has(word, Tag::Verb)
}

/// Closed-class words: they end a noun phrase whatever else they may be
/// ("more", "of", "the", "and").
pub fn is_function_word(word: &str) -> bool {
    let lower = lower(word);
    // The lexicon tags no article as a determiner.
    if is_article(&lower) {
        return true;
    }
    entry(&lower).is_some_and(|set| {
        set.tags().any(|t| {
            matches!(
                t,
                Tag::Preposition
                    | Tag::Conjunction
                    | Tag::Determiner
                    | Tag::Pronoun
                    | Tag::Particle
            )
        })
    })
}

/// Forms of "be" (the passive's auxiliary).
pub const BE_FORMS: [&str; 7] = ["is", "are", "was", "were", "been", "be", "being"];

/// Auxiliaries and modals, a closed class the Wiktionary tags mix with
/// nouns ("is", "will", "may"): never the head of a noun phrase.
pub fn is_auxiliary(word: &str) -> bool {
    const OTHERS: [&str; 16] = [
        "has", "have", "had", "having", "do", "does", "did", "will", "would", "can", "could",
        "may", "might", "must", "shall", "should",
    ];
    let lower = lower(word);
    BE_FORMS.contains(&&*lower) || OTHERS.contains(&&*lower)
}

/// "a", "an", "the".
pub fn is_article(word: &str) -> bool {
    ["a", "an", "the"]
        .iter()
        .any(|a| word.eq_ignore_ascii_case(a))
}

/// A determiner or possessive ("its", "their", "this"; the lexicon lists
/// no articles as determiners).
pub fn is_determiner(word: &str) -> bool {
    let lower = lower(word);
    entry(&lower).is_some_and(|set| set.tags().any(|t| matches!(t, Tag::Determiner)))
}

/// The key of an open noun phrase: its nouns in the singular, joined
/// ("body bags" → body-bag). Adjectives ("emergency", "confirmed") fall
/// away; the head (the last word) always stays.
pub fn noun_key(words: &[&str]) -> String {
    let head = words.last().copied();
    words
        .iter()
        .filter(|w| is_noun(w) && !is_adjective(w) || Some(**w) == head)
        .map(|w| singular(w))
        .collect::<Vec<_>>()
        .join("-")
}

/// The singular of a plural noun when the lexicon knows it ("bodies" →
/// "body", "crosses" → "cross", "seats" → "seat"); other words as given,
/// lower-cased. No hand list of plurals: a candidate counts only as
/// [`is_noun`] would take it.
pub fn singular(word: &str) -> String {
    if let Some(acronym) = acronym_plural(word) {
        return acronym.to_lowercase();
    }
    let lower = word.to_lowercase();
    plural_of_noun(&lower).unwrap_or(lower)
}

/// The acronym an acronym's plural is made of: "MPs" → "MP", "NGOs" →
/// "NGO". A counted noun, never a name.
pub fn acronym_plural(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('s')?;
    (stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())).then_some(stem)
}

/// The stem of a word ("buried" → "buri"), for keys of predicates the YAML
/// lexicon does not name: different inflections meet on one key.
pub fn stem(word: &str) -> String {
    STEMMER.stem(&word.to_lowercase()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The borrowed lower case is the lower case, for built-to-hurt words
    /// and every word of every real line.
    #[test]
    fn lower_borrows_only_what_is_lower_already() {
        let cases = [
            ("seats", true),
            ("Seats", false),
            ("İstanbul", false),
            ("ǅemal", false),
            ("naïve", false),
            ("e-mail's", true),
        ];
        for (word, borrowed) in cases {
            assert_eq!(lower(word), word.to_lowercase(), "{word}");
            assert_eq!(matches!(lower(word), Cow::Borrowed(_)), borrowed, "{word}");
        }
        for line in crate::recognize::tests::corpus_lines() {
            for word in line.split_whitespace() {
                assert_eq!(lower(word), word.to_lowercase(), "{word}");
            }
        }
    }

    /// A remembered entry is the lexicon's, for every word of every real
    /// line, asked first and asked again, and past the point where the
    /// memory starts over.
    #[test]
    fn remembered_entries_are_the_lexicons() {
        let mut words: Vec<String> = crate::recognize::tests::corpus_lines()
            .iter()
            .flat_map(|l| l.split_whitespace().map(|w| w.to_lowercase()))
            .collect();
        words.extend((0..REMEMBERED + 10).map(|n| format!("w{n}")));
        for _ in 0..2 {
            for w in &words {
                assert_eq!(entry(w), ENGLISH_TAG_LOOKUP.get(w), "{w}");
            }
        }
    }

    #[test]
    fn word_classes() {
        for w in ["buildings", "bodies", "seats", "people", "lanterns"] {
            assert!(is_noun(w), "{w} is a noun");
        }
        // What happened to counted things: participles and adjectives.
        for w in ["buried", "displaced", "missing"] {
            assert!(is_verb(w), "{w} is a verb form");
        }
        assert!(is_adjective("homeless"));
        for w in ["of", "the", "and", "in"] {
            assert!(is_function_word(w), "{w} is a function word");
        }
        // Must not be taken for a noun or predicate.
        assert!(!is_noun("quickly"));
        assert!(!is_verb("xqzt") && !is_adjective("xqzt"));
        for w in ["is", "Will", "had"] {
            assert!(is_auxiliary(w), "{w} is an auxiliary");
        }
        assert!(!is_auxiliary("damage"));
    }

    #[test]
    fn singulars_and_stems() {
        let cases = [
            ("bodies", "body"),
            ("buildings", "building"),
            ("seats", "seat"),
            ("crosses", "cross"),
            ("people", "people"),
            ("aircraft", "aircraft"),
            ("MPs", "mp"),
            ("NGOs", "ngo"),
            ("Ms", "ms"),
        ];
        for (plural, want) in cases {
            assert_eq!(singular(plural), want, "{plural}");
        }
        assert_eq!(stem("buried"), stem("burying"));
    }
}

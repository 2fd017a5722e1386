//! The language a source is written in, so that a source factlint cannot
//! read is reported as skipped rather than mis-read.
//!
//! The extractors and the lexicon are English. A French article run through
//! them yields nothing useful at best and wrong facts at worst ("mai" is not
//! a month, "26 soldats" is not a count of soldiers), so a source confidently
//! in another language is skipped, with a note. "Confidently" is the point
//! of this module: a short text, an uncertain guess, or an English article
//! full of foreign names, places and quoted phrases stays English, because
//! skipping an English source silently loses its facts, which is worse than
//! reading a foreign one.

use serde::{Deserialize, Serialize};
use whatlang::Lang;

/// Fewer letters than this are too few to tell a language reliably (a
/// headline, a stub): such a source is read as English.
const MIN_LETTERS: usize = 200;

/// A paragraph shorter than this does not vote on whether a source mixes
/// in English (a dateline, a caption, a one-line quote).
const MIN_PARAGRAPH_LETTERS: usize = 40;

/// Only the start of a long source is examined: the language of an article
/// shows in its first paragraphs, and detection stays cheap on big corpora.
const SAMPLE_BYTES: usize = 16 * 1024;

/// Why a source was not read. Part of the JSON report (`sources[].skipped`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub reason: SkipReason,
    /// ISO 639-3 code of the language the source is written in ("fra");
    /// empty for other reasons.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// The language's English name, for the text report; not serialized
    /// (read back, see [`Skipped::name_language`]).
    #[serde(skip)]
    pub language_name: String,
    /// What the path is when it could not be read ("a FIFO", "a dangling
    /// symbolic link").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Written in a language other than English.
    Language,
    /// Not a file that can be read: a FIFO, a device, a dangling symbolic
    /// link, a link loop.
    Unreadable,
}

impl Skipped {
    /// Restores the language's English name from its code, after reading a
    /// `Skipped` back from JSON (the name is not part of it).
    pub fn name_language(&mut self) {
        if let Some(lang) = Lang::from_code(&self.language) {
            self.language_name = lang.eng_name().to_string();
        }
    }

    /// A one-line note for readers of the text report.
    pub fn note(&self) -> String {
        match self.reason {
            SkipReason::Language => format!(
                "skipped: written in {} ({}), not English; no facts read",
                self.language_name, self.language
            ),
            SkipReason::Unreadable => format!(
                "skipped: {}, not a file that can be read",
                self.detail.as_deref().unwrap_or("not a regular file")
            ),
        }
    }
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// Whether `text` holds at least `n` letters: stops at the `n`th, where
/// [`letters`] would count a whole 16 KB sample to compare it with 200.
fn has_letters(text: &str, n: usize) -> bool {
    n == 0
        || text
            .chars()
            .filter(|c| c.is_alphabetic())
            .nth(n - 1)
            .is_some()
}

/// The first `SAMPLE_BYTES` of `text`, cut at a character boundary.
fn sample(text: &str) -> &str {
    &text[..crate::text::floor_char_boundary(text, SAMPLE_BYTES)]
}

/// "the" is one word in twenty of English prose and no word of any other
/// language: text where it is one in fifty needs no detector (which costs
/// more than the rest of reading a plain article).
fn plainly_english(text: &str) -> bool {
    let (mut words, mut the) = (0usize, 0usize);
    for_each_word(text, |w| {
        words += 1;
        if w.eq_ignore_ascii_case(b"the") {
            the += 1;
        }
    });
    words > 0 && the * 50 >= words
}

/// Calls `f` with each word of [`str::split_whitespace`], as bytes, found
/// a byte at a time: ASCII bytes (nearly all of English copy) are classed
/// without decoding, and only a non-ASCII byte decodes its character to
/// ask whether it is Unicode white space.
fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(&'a [u8])) {
    let bytes = text.as_bytes();
    let mut start = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (space, len) = if b.is_ascii() {
            // `char::is_whitespace` on ASCII: these five and U+000B.
            (matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C), 1)
        } else {
            // `i` moves by whole characters, so it is a character start.
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, start) {
            (true, Some(s)) => {
                f(&bytes[s..i]);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        f(&bytes[s..]);
    }
}

/// The language of `body` when it is confidently not English: enough text,
/// a reliable detection, and no substantial English part (a quarter of the
/// letters of its paragraphs or more keeps it English).
pub fn foreign_language(body: &str) -> Option<Lang> {
    let text = sample(body);
    if !has_letters(text, MIN_LETTERS) || plainly_english(text) {
        return None;
    }
    let info = whatlang::detect(text)?;
    if info.lang() == Lang::Eng || !info.is_reliable() {
        return None;
    }
    let (mut english, mut total) = (0, 0);
    for paragraph in text.lines() {
        let n = letters(paragraph);
        if n < MIN_PARAGRAPH_LETTERS {
            continue;
        }
        total += n;
        if whatlang::detect(paragraph).is_some_and(|i| i.lang() == Lang::Eng) {
            english += n;
        }
    }
    if english * 4 >= total && english > 0 {
        return None;
    }
    Some(info.lang())
}

/// Whether a source with this body is skipped, and why.
pub fn skip_reason(body: &str) -> Option<Skipped> {
    foreign_language(body).map(|lang| Skipped {
        reason: SkipReason::Language,
        language: lang.code().to_string(),
        language_name: lang.eng_name().to_string(),
        detail: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Paragraphs written for these tests: short news-like copy in each
    // language, and English copy crowded with foreign names and phrases.
    const FRENCH: &str = "Les inondations ont frappé la ville mardi soir, après la rupture de deux barrages situés en amont.\n\
        Selon les autorités locales, plusieurs milliers de personnes sont toujours portées disparues et les secours manquent de matériel.\n\
        Le gouvernement a promis une aide d'urgence, mais les habitants se plaignent de la lenteur des opérations.";
    const GERMAN: &str = "Die Überschwemmungen trafen die Stadt am Dienstagabend, nachdem zwei Dämme oberhalb der Stadt gebrochen waren.\n\
        Nach Angaben der örtlichen Behörden werden noch mehrere tausend Menschen vermisst, und den Helfern fehlt es an Ausrüstung.\n\
        Die Regierung versprach Soforthilfe, doch die Bewohner beklagen, dass die Rettungsarbeiten nur langsam vorankommen.";
    const SPANISH: &str = "Las inundaciones golpearon la ciudad el martes por la noche, después de que se rompieran dos presas río arriba.\n\
        Según las autoridades locales, varios miles de personas siguen desaparecidas y los equipos de rescate carecen de material.\n\
        El gobierno prometió ayuda de emergencia, pero los vecinos se quejan de la lentitud de las operaciones.";
    const ENGLISH_FOREIGN_NAMES: &str = "Jean-Baptiste Lefèvre, the mayor of Saint-Étienne-de-Tinée, met Karl-Heinz Müller and José Luis Rodríguez Zapatero at the Palais des Congrès on Tuesday.\n\
        Müller, who chairs the Deutsche Gesellschaft für Internationale Zusammenarbeit, said the talks in Aix-en-Provence had gone well, and Señora María Fernández de Córdoba agreed.\n\
        The delegation later visited the Musée d'Orsay and the Château de Versailles before flying to Zürich, where the Bürgermeister hosted a dinner.";
    const ENGLISH_WITH_FRENCH_QUOTE: &str = "The minister arrived in the flooded town on Wednesday morning and spent several hours with rescue teams and families of the missing.\n\
        Speaking to reporters, she said: \"Nous ferons tout notre possible pour retrouver les disparus.\"\n\
        Officials said the death toll was expected to rise as teams reached villages cut off by the water, and aid agencies appealed for funds.";

    #[test]
    fn language_table() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("french", FRENCH, Some("fra")),
            ("german", GERMAN, Some("deu")),
            ("spanish", SPANISH, Some("spa")),
            // Must stay English (yield nothing).
            ("english with foreign names", ENGLISH_FOREIGN_NAMES, None),
            (
                "english with a french quote",
                ENGLISH_WITH_FRENCH_QUOTE,
                None,
            ),
            (
                "short french",
                "Les inondations ont frappé la ville mardi.",
                None,
            ),
            ("empty", "", None),
            ("numbers only", "12 345 678 — 2023-09-10 11,300", None),
        ];
        for (what, text, want) in cases {
            let got = skip_reason(text).map(|s| s.language);
            assert_eq!(got.as_deref(), *want, "{what}");
        }
    }

    /// The byte-wise word split is `split_whitespace`, and the early stop
    /// of `has_letters` agrees with counting every letter, on every real
    /// line and on white space of every kind.
    #[test]
    fn shortcuts_agree_with_the_full_scans() {
        let mut texts = crate::recognize::tests::corpus_lines();
        texts.extend(
            [
                "",
                " ",
                "a",
                "\u{b}x\u{c}y\u{85}z\u{a0}w\u{1680}v\u{2000}u\u{200a}t\u{2028}s\u{2029}r\u{202f}q\u{205f}p\u{3000}o",
                "\u{1c}\u{1d}\u{1e}\u{1f} not space \u{200b}zero width",
                "  lead and trail  \t\r\n",
                "naïve café — “quoted” 日本語 テキスト 😀 emoji",
                FRENCH,
                ENGLISH_FOREIGN_NAMES,
            ]
            .map(str::to_string),
        );
        for text in &texts {
            let want: Vec<&[u8]> = text.split_whitespace().map(str::as_bytes).collect();
            let mut got: Vec<&[u8]> = Vec::new();
            for_each_word(text, |w| got.push(w));
            assert_eq!(got, want, "{text:?}");
            for n in [0, 1, 5, MIN_LETTERS] {
                assert_eq!(has_letters(text, n), letters(text) >= n, "{n} in {text:?}");
            }
        }
    }

    #[test]
    fn plainly_english_needs_the_word_the() {
        assert!(plainly_english(
            "The council met on the day the bridge reopened to the public."
        ));
        assert!(!plainly_english(FRENCH));
        assert!(!plainly_english(GERMAN));
        assert!(!plainly_english(""));
    }

    #[test]
    fn mixed_sources_with_an_english_part_stay_english() {
        let mixed = format!("{FRENCH}\n{ENGLISH_WITH_FRENCH_QUOTE}");
        assert_eq!(skip_reason(&mixed), None);
    }

    #[test]
    fn the_note_names_the_language() {
        let skipped = skip_reason(GERMAN).unwrap();
        assert_eq!(skipped.reason, SkipReason::Language);
        assert_eq!(
            skipped.note(),
            "skipped: written in German (deu), not English; no facts read"
        );
    }

    #[test]
    fn long_sources_are_sampled_at_a_character_boundary() {
        let long = "é".repeat(SAMPLE_BYTES);
        assert!(sample(&long).len() <= SAMPLE_BYTES);
        let _ = skip_reason(&long);
    }
}

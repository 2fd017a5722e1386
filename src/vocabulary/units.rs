//! The unit table (`rules/units.yaml`): how units are written, what they
//! measure and how they convert. Only data decides which words are units;
//! this module compiles it into look-ups and does the arithmetic.

use serde::{Deserialize, Serialize};

use crate::text::{PhraseSet, floor_char_boundary};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitsDef {
    /// Dimensions and their base units.
    #[serde(default)]
    pub dimensions: Vec<DimensionDef>,
    #[serde(default)]
    pub units: Vec<UnitDef>,
    /// Words that say what a figure of one dimension measures.
    #[serde(default)]
    pub measures: Vec<DimensionMeasure>,
    #[serde(default)]
    pub changes: ChangesDef,
    /// Scale words of a market the number grammar does not read ("mn",
    /// "cr"): a figure right before one is multiplied by its factor.
    #[serde(default)]
    pub scales: Vec<ScaleDef>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleDef {
    pub words: Vec<String>,
    pub factor: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionDef {
    pub dimension: String,
    /// The unit every figure of the dimension converts to; none for money,
    /// whose currencies convert only at a rate.
    #[serde(default)]
    pub base: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDef {
    /// The unit's code on facts (`km`, `usd`).
    pub id: String,
    pub dimension: String,
    /// Base units per unit; none: converts to nothing (a currency).
    #[serde(default)]
    pub factor: Option<f64>,
    /// Added after the factor (Fahrenheit to Celsius).
    #[serde(default)]
    pub offset: Option<f64>,
    /// Signs or words right before the figure ("$", "US$", "magnitude").
    #[serde(default)]
    pub before: Vec<String>,
    /// Words right after the figure, any case ("kilometres").
    #[serde(default)]
    pub after: Vec<String>,
    /// Symbols right after the figure, case as written ("km", "MW").
    #[serde(default)]
    pub symbols: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionMeasure {
    pub key: String,
    pub dimension: String,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangesDef {
    /// Right before a figure (or before its "by"): "rose 60%".
    #[serde(default)]
    pub up: Vec<String>,
    #[serde(default)]
    pub down: Vec<String>,
    /// Right after a figure with a unit: "5% higher".
    #[serde(default)]
    pub higher: Vec<String>,
    #[serde(default)]
    pub lower: Vec<String>,
}

impl UnitsDef {
    /// Packs add units; a later definition of an id replaces the earlier
    /// one, so a pack can change a factor ("tons" as long tons).
    pub fn merge(&mut self, other: UnitsDef) {
        for d in other.dimensions {
            self.dimensions.retain(|x| x.dimension != d.dimension);
            self.dimensions.push(d);
        }
        for u in other.units {
            self.units.retain(|x| x.id != u.id);
            self.units.push(u);
        }
        self.measures.extend(other.measures);
        self.changes.up.extend(other.changes.up);
        self.changes.down.extend(other.changes.down);
        self.changes.higher.extend(other.changes.higher);
        self.changes.lower.extend(other.changes.lower);
        self.scales.extend(other.scales);
    }
}

/// One unit, ready for arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub dimension: String,
    pub factor: Option<f64>,
    pub offset: f64,
}

impl Unit {
    /// The figure in the dimension's base unit, when the unit converts.
    pub fn to_base(&self, x: f64) -> Option<f64> {
        self.factor.map(|f| x * f + self.offset)
    }
}

/// Longest unit word looked for after a figure, with room for the word
/// boundary after it ("kilometres per hour").
const MAX_UNIT_BYTES: usize = 40;

/// Which way a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// The compiled unit table.
#[derive(Debug, Clone, Default)]
pub struct Units {
    units: Vec<Unit>,
    /// Base unit per dimension.
    bases: Vec<(String, String)>,
    /// Signs before a figure, longest first: matched by suffix of the text
    /// before the figure, because a sign touches it ("US$71").
    before: Vec<Sign>,
    words_after: PhraseSet<usize>,
    symbols_after: PhraseSet<usize>,
    /// Bytes a unit word or symbol after a figure may open with: every
    /// figure asks for a unit, and few are followed by one, so the
    /// searches run only when the next byte could start one.
    after_openers: ByteSet,
    measures: PhraseSet<(String, String)>,
    up: PhraseSet<()>,
    down: PhraseSet<()>,
    higher: PhraseSet<()>,
    lower: PhraseSet<()>,
    scales: PhraseSet<f64>,
}

/// A set of bytes, one bit each.
#[derive(Debug, Clone, Copy, Default)]
struct ByteSet([u64; 4]);

impl ByteSet {
    fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

/// A unit sign or word written before a figure.
#[derive(Debug, Clone)]
struct Sign {
    text: String,
    unit: usize,
    /// All letters ("magnitude"): matched in any case, and only with a
    /// space between it and the figure.
    word: bool,
    /// Its last byte, ASCII lowercased when it is a word: every figure
    /// asks for a sign, and a sign whose last byte differs from the text's
    /// cannot be its suffix.
    last: u8,
}

/// A unit read next to a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitHit {
    pub unit: usize,
    /// Where the unit's words end (after the figure) or start (before it).
    pub at: usize,
}

impl Units {
    pub fn compile(def: &UnitsDef) -> Units {
        let mut before: Vec<(String, usize)> = def
            .units
            .iter()
            .enumerate()
            .flat_map(|(i, u)| u.before.iter().map(move |w| (w.clone(), i)))
            .filter(|(w, _)| !w.trim().is_empty())
            .collect();
        before.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let before = before
            .into_iter()
            .filter_map(|(text, unit)| {
                let word = text.chars().all(char::is_alphabetic);
                let last = *text.as_bytes().last()?;
                let last = if word {
                    last.to_ascii_lowercase()
                } else {
                    last
                };
                Some(Sign {
                    text,
                    unit,
                    word,
                    last,
                })
            })
            .collect();
        let mut after_openers = ByteSet::default();
        for u in &def.units {
            for w in &u.after {
                if let Some(&b) = w.as_bytes().first() {
                    after_openers.insert(b.to_ascii_lowercase());
                    after_openers.insert(b.to_ascii_uppercase());
                }
            }
            for w in &u.symbols {
                if let Some(&b) = w.as_bytes().first() {
                    after_openers.insert(b);
                }
            }
        }
        let indexed = |f: fn(&UnitDef) -> &Vec<String>| -> Vec<(String, usize)> {
            def.units
                .iter()
                .enumerate()
                .flat_map(|(i, u)| f(u).iter().map(move |w| (w.clone(), i)))
                .collect()
        };
        let set = |words: &[String]| {
            PhraseSet::new(words.iter().map(|w| (w.clone(), ())).collect(), true)
        };
        Units {
            units: def
                .units
                .iter()
                .map(|u| Unit {
                    id: u.id.clone(),
                    dimension: u.dimension.clone(),
                    factor: u.factor.filter(|f| f.is_finite() && *f > 0.0),
                    offset: u.offset.filter(|o| o.is_finite()).unwrap_or(0.0),
                })
                .collect(),
            bases: def
                .dimensions
                .iter()
                .filter_map(|d| Some((d.dimension.clone(), d.base.clone()?)))
                .collect(),
            before,
            after_openers,
            words_after: PhraseSet::new(indexed(|u| &u.after), true),
            symbols_after: PhraseSet::new(indexed(|u| &u.symbols), false),
            measures: PhraseSet::new(
                def.measures
                    .iter()
                    .flat_map(|m| {
                        m.words
                            .iter()
                            .map(|w| (w.clone(), (m.dimension.clone(), m.key.clone())))
                    })
                    .collect(),
                true,
            ),
            up: set(&def.changes.up),
            down: set(&def.changes.down),
            higher: set(&def.changes.higher),
            lower: set(&def.changes.lower),
            scales: PhraseSet::new(
                def.scales
                    .iter()
                    .filter(|s| s.factor.is_finite() && s.factor > 0.0)
                    .flat_map(|s| s.words.iter().map(move |w| (w.clone(), s.factor)))
                    .collect(),
                false,
            ),
        }
    }

    pub fn unit(&self, i: usize) -> &Unit {
        &self.units[i]
    }

    pub fn by_id(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.units.iter().position(|u| u.id == id)
    }

    /// The base unit of a dimension.
    pub fn base(&self, dimension: &str) -> Option<&str> {
        self.bases
            .iter()
            .find(|(d, _)| d == dimension)
            .map(|(_, b)| b.as_str())
    }

    /// The unit at the start of `text` (the text right after a figure): a
    /// word or symbol that ends at a word boundary. A hyphen may join it
    /// to the figure ("4-kilometre"); `compound` says so.
    pub fn after(&self, text: &str) -> Option<(UnitHit, bool)> {
        let (pad, compound, rest) = after_window(text);
        if !rest
            .as_bytes()
            .first()
            .is_some_and(|&b| self.after_openers.contains(b))
        {
            return None;
        }
        self.unit_opening(rest, compound).map(|(unit, end)| {
            (
                UnitHit {
                    unit,
                    at: pad + end,
                },
                compound,
            )
        })
    }

    /// The longest unit word or symbol that opens `rest` and ends at a
    /// word boundary: its unit and end.
    fn unit_opening(&self, rest: &str, compound: bool) -> Option<(usize, usize)> {
        let bounded = |end: usize| {
            !rest[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '-' && !compound)
        };
        let word = self
            .words_after
            .find_iter(rest)
            .filter(|h| h.start == 0 && bounded(h.end))
            .max_by_key(|h| h.end);
        let symbol = self
            .symbols_after
            .find_iter(rest)
            .filter(|h| h.start == 0 && bounded(h.end))
            .max_by_key(|h| h.end);
        let hit = match (word, symbol) {
            (Some(w), Some(s)) if s.end > w.end => s,
            (Some(w), _) => w,
            (None, Some(s)) => s,
            (None, None) => return None,
        };
        Some((*hit.value, hit.end))
    }

    /// The unit sign or word that `before` (the text up to a figure's
    /// first digit) ends with: "$", "US$", "magnitude ".
    pub fn before(&self, before: &str) -> Option<UnitHit> {
        let trimmed = before.trim_end();
        let last_sign = before.as_bytes().last().copied();
        // A word needs the space after it.
        let last_word = (trimmed.len() != before.len())
            .then(|| trimmed.as_bytes().last().map(u8::to_ascii_lowercase))
            .flatten();
        for sign in &self.before {
            let (text, last) = if sign.word {
                (trimmed, last_word)
            } else {
                (before, last_sign)
            };
            if last != Some(sign.last) {
                continue;
            }
            let Some(rest) = strip_suffix_ci(text, &sign.text, sign.word) else {
                continue;
            };
            // "US$" must not read as "$" after a letter other than its own.
            if rest.chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            return Some(UnitHit {
                unit: sign.unit,
                at: rest.len(),
            });
        }
        None
    }

    /// A scale word right after a figure ("71.4 mn", "5 cr"): its factor
    /// and where it ends.
    pub fn scale_after(&self, text: &str) -> Option<(f64, usize)> {
        let rest = text.strip_prefix(' ').unwrap_or(text);
        let pad = text.len() - rest.len();
        let window = &rest[..floor_char_boundary(rest, MAX_UNIT_BYTES)];
        self.scales
            .find_iter(window)
            .filter(|h| h.start == 0)
            .filter(|h| !rest[h.end..].starts_with(|c: char| c.is_alphanumeric()))
            .max_by_key(|h| h.end)
            .map(|h| (*h.value, pad + h.end))
    }

    /// The measure key a word gives a figure of `dimension`.
    pub fn measure<'a>(&'a self, dimension: &str, word: &'a str) -> Option<&'a str> {
        self.measures
            .find_iter(word)
            .find(|h| h.start == 0 && h.end == word.len() && h.value.0 == dimension)
            .map(|h| h.value.1.as_str())
    }

    /// The direction a phrase right before a figure gives it ("rose",
    /// "fell by" is read by the caller).
    pub fn change_before(&self, phrase: &str) -> Option<Direction> {
        if self.up.is_whole(phrase) {
            Some(Direction::Up)
        } else if self.down.is_whole(phrase) {
            Some(Direction::Down)
        } else {
            None
        }
    }

    /// The direction a word right after a figure's unit gives it ("5%
    /// higher").
    pub fn change_after(&self, word: &str) -> Option<Direction> {
        if self.higher.is_whole(word) {
            Some(Direction::Up)
        } else if self.lower.is_whole(word) {
            Some(Direction::Down)
        } else {
            None
        }
    }
}

/// Where a unit after a figure would open in `text`, whether a hyphen
/// joins it to the figure, and the few words it could span: units are
/// short, so the rest of the sentence is never searched.
fn after_window(text: &str) -> (usize, bool, &str) {
    let (pad, compound) = match text.strip_prefix('-') {
        Some(rest) if rest.starts_with(|c: char| c.is_alphabetic()) => (1, true),
        _ => (text.len() - text.trim_start().len(), false),
    };
    let rest = &text[pad..];
    (
        pad,
        compound,
        &rest[..floor_char_boundary(rest, MAX_UNIT_BYTES)],
    )
}

/// `text` without `suffix`; words match in any case, signs as written.
fn strip_suffix_ci<'a>(text: &'a str, suffix: &str, any_case: bool) -> Option<&'a str> {
    if !any_case {
        return text.strip_suffix(suffix);
    }
    let cut = text.len().checked_sub(suffix.len())?;
    let tail = text.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Units {
        let yaml = include_str!("../../rules/units.yaml");
        let file: serde_yaml::Value = serde_yaml::from_str(yaml).expect("units.yaml parses");
        let def: UnitsDef =
            serde_yaml::from_value(file["lexicon"]["units"].clone()).expect("units schema");
        Units::compile(&def)
    }

    #[test]
    fn units_after_a_figure() {
        let t = table();
        let id = |s: &str| {
            t.after(s)
                .map(|(h, c)| (t.unit(h.unit).id.clone(), h.at, c))
        };
        let cases: &[(&str, Option<(&str, usize, bool)>)] = &[
            (" km from the city", Some(("km", 3, false))),
            (" kilometres away", Some(("km", 11, false))),
            ("-kilometre route", Some(("km", 10, true))),
            ("-miles) away", Some(("mi", 6, true))),
            (" square kilometres of land", Some(("km2", 18, false))),
            (" MW of power", Some(("MW", 3, false))),
            ("% of the vote", Some(("percent", 1, false))),
            (" per cent", Some(("percent", 9, false))),
            (" percentage points lower", Some(("pp", 18, false))),
            (" mph winds", Some(("mph", 4, false))),
            // Must yield nothing: a word that only starts like a unit, a
            // symbol in the wrong case, a compound with no unit.
            (" minutes later", None),
            (" mw of power", None),
            (" meteorologists", None),
            ("-year-old", None),
            (" men", None),
        ];
        for (text, want) in cases {
            let want = want.map(|(u, a, c)| (u.to_string(), a, c));
            assert_eq!(id(text), want, "{text:?}");
        }
    }

    #[test]
    fn units_before_a_figure() {
        let t = table();
        let id = |s: &str| t.before(s).map(|h| t.unit(h.unit).id.clone());
        assert_eq!(id("an appeal for $"), Some("usd".into()));
        assert_eq!(id("a fine of A$"), Some("aud".into()));
        assert_eq!(id("fined US$"), Some("usd".into()));
        assert_eq!(id("a magnitude "), Some("magnitude".into()));
        assert_eq!(id("paid Rs "), Some("inr".into()));
        // Must yield nothing: a sign glued to a word, a word glued to the
        // figure.
        assert_eq!(id("XYZ$"), None);
        assert_eq!(id("magnitude"), None);
        assert_eq!(id("the "), None);
    }

    #[test]
    fn conversion_to_base() {
        let t = table();
        let base = |id: &str, x: f64| t.by_id(id).and_then(|u| u.to_base(x));
        let near =
            |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-6 * b.abs().max(1.0));
        assert!(near(base("km", 2.6), 2600.0));
        assert!(near(base("mi", 1.0), 1609.344));
        assert!(near(base("ft", 984.0), 299.9232));
        assert!(near(base("°F", 212.0), 100.0));
        assert!(near(base("t", 95_000.0), 95_000_000.0));
        assert!(near(base("ton", 1.0), 907.18474));
        // Currencies convert to nothing.
        assert_eq!(base("usd", 1.0), None);
        assert_eq!(t.base("length"), Some("m"));
        assert_eq!(t.base("money"), None);
    }

    #[test]
    fn changes_and_measures() {
        let t = table();
        assert_eq!(t.change_before("rose"), Some(Direction::Up));
        assert_eq!(t.change_before("fell"), Some(Direction::Down));
        assert_eq!(t.change_before("reached"), None);
        assert_eq!(t.change_after("higher"), Some(Direction::Up));
        assert_eq!(t.measure("length", "route"), Some("route"));
        assert_eq!(t.measure("length", "away"), Some("distance"));
        assert_eq!(t.measure("money", "route"), None);
    }

    /// The byte gate in `after` and the last-byte test in `before` skip
    /// only texts in which the full searches find no unit: compared at
    /// every character boundary of every real line.
    #[test]
    fn unit_gates_skip_only_texts_without_units() {
        let t = table();
        let before_in_full = |before: &str| {
            t.before.iter().find_map(|sign| {
                let text = if sign.word { before.trim_end() } else { before };
                if sign.word && text.len() == before.len() {
                    return None;
                }
                let rest = strip_suffix_ci(text, &sign.text, sign.word)?;
                (!rest.chars().next_back().is_some_and(char::is_alphanumeric))
                    .then_some((sign.unit, rest.len()))
            })
        };
        let after_in_full = |text: &str| {
            let (pad, compound, rest) = after_window(text);
            t.unit_opening(rest, compound).map(|(unit, end)| {
                (
                    UnitHit {
                        unit,
                        at: pad + end,
                    },
                    compound,
                )
            })
        };
        let (mut after_found, mut before_found) = (0, 0);
        for line in crate::recognize::tests::corpus_lines() {
            for (i, _) in line.char_indices() {
                let (head, tail) = line.split_at(i);
                let got = t.before(head).map(|h| (h.unit, h.at));
                assert_eq!(got, before_in_full(head), "{head:?}");
                before_found += usize::from(got.is_some());
                let got = t.after(tail);
                assert_eq!(got, after_in_full(tail), "{tail:?}");
                after_found += usize::from(got.is_some());
            }
        }
        assert!(
            after_found > 100 && before_found > 5,
            "{after_found} after, {before_found} before"
        );
    }
}

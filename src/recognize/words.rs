//! English vocabulary shared by the recognizers: number words, ordinals,
//! fraction denominators, scales, month and weekday names.
//!
//! Plain `match` tables: they compile to jump tables on the string, need no
//! start-up work and keep the words greppable. Each table also lists its
//! words, from which [`anchors`] builds its one set.

use std::sync::LazyLock;

use chrono::Weekday;

/// Declares a word table once: a `match` for look-ups and a list of the
/// same words, so that [`anchors`] can build one set from every table
/// rather than asking each table in turn for every token.
macro_rules! word_table {
    (
        $(#[$doc:meta])*
        $vis:vis fn $name:ident -> $ty:ty, listed in $list:ident {
            $(use $variants:ident::*;)?
            $($($word:literal)|+ => $value:expr,)+
        }
    ) => {
        $(#[$doc])*
        $vis fn $name(w: &str) -> Option<$ty> {
            $(use $variants::*;)?
            Some(match w {
                $($($word)|+ => $value,)+
                _ => return None,
            })
        }

        const $list: &[&str] = &[$($($word,)+)+];
    };
}

/// The grammatical role of a number word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumWord {
    Zero,
    /// 1–9.
    Unit(f64),
    /// 10–19.
    Teen(f64),
    /// 20, 30, … 90.
    Tens(f64),
    Hundred,
    /// thousand, million, …, lakh, crore.
    Scale(f64),
    Dozen,
}

word_table! {
    pub(crate) fn num_word -> NumWord, listed in NUM_WORDS {
        use NumWord::*;
        "zero" | "nought" | "naught" | "nil" => Zero,
        "one" => Unit(1.0),
        "two" => Unit(2.0),
        "three" => Unit(3.0),
        "four" => Unit(4.0),
        "five" => Unit(5.0),
        "six" => Unit(6.0),
        "seven" => Unit(7.0),
        "eight" => Unit(8.0),
        "nine" => Unit(9.0),
        "ten" => Teen(10.0),
        "eleven" => Teen(11.0),
        "twelve" => Teen(12.0),
        "thirteen" => Teen(13.0),
        "fourteen" => Teen(14.0),
        "fifteen" => Teen(15.0),
        "sixteen" => Teen(16.0),
        "seventeen" => Teen(17.0),
        "eighteen" => Teen(18.0),
        "nineteen" => Teen(19.0),
        "twenty" => Tens(20.0),
        "thirty" => Tens(30.0),
        "forty" | "fourty" => Tens(40.0),
        "fifty" => Tens(50.0),
        "sixty" => Tens(60.0),
        "seventy" => Tens(70.0),
        "eighty" => Tens(80.0),
        "ninety" => Tens(90.0),
        "hundred" => Hundred,
        "thousand" => Scale(1e3),
        "million" => Scale(1e6),
        "billion" => Scale(1e9),
        "trillion" => Scale(1e12),
        "lakh" | "lakhs" | "lac" => Scale(1e5),
        "crore" | "crores" => Scale(1e7),
        "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs" => Dozen,
    }
}

/// Short multipliers written right after digits: "10k", "2.5m", "10 bln".
/// `decimal_or_currency` allows the lower-case "m", which is otherwise metres.
pub(crate) fn digit_suffix(raw: &str, glued: bool, decimal_or_currency: bool) -> Option<f64> {
    Some(match raw {
        "k" | "K" => 1e3,
        "M" | "MM" => 1e6,
        "m" if glued && decimal_or_currency => 1e6,
        "G" => 1e9,
        "b" | "B" if glued => 1e9,
        "bn" | "bln" | "Bn" => 1e9,
        "mil" | "mln" | "Mil" => 1e6,
        "tn" | "tln" | "trn" => 1e12,
        "dz" | "dzs" | "doz" | "dozs" => 12.0,
        _ => return None,
    })
}

word_table! {
    /// Ordinal words and their value: "first" … "ninetieth", "hundredth", …
    pub(crate) fn ordinal_word -> f64, listed in ORDINALS {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
    }
}

word_table! {
    /// Denominators with names of their own; the others are ordinals.
    fn named_denominator -> (f64, bool), listed in NAMED_DENOMINATORS {
        "half" => (2.0, false),
        "halves" => (2.0, true),
        "quarter" => (4.0, false),
        "quarters" => (4.0, true),
    }
}

/// Fraction denominators: ("thirds", plural) → (3, true). "second" is not a
/// denominator (it is a position or a unit of time); "half" and "quarter" are.
pub(crate) fn denominator(w: &str) -> Option<(f64, bool)> {
    if let Some(d) = named_denominator(w) {
        return Some(d);
    }
    if let Some(v) = ordinal_word(w) {
        return (v >= 3.0).then_some((v, false));
    }
    let stem = w.strip_suffix('s')?;
    ordinal_word(stem).filter(|&v| v >= 3.0).map(|v| (v, true))
}

word_table! {
    /// Month names and their usual abbreviations. "may" and "march" are
    /// ambiguous with verbs; callers check capitalisation or context.
    pub(crate) fn month -> u32, listed in MONTHS {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
    }
}

word_table! {
    /// Weekday names and abbreviations, with whether the form is an
    /// ambiguous short one: short forms that are also common words ("sun",
    /// "sat", "wed") are accepted only when capitalised — see the caller.
    pub(crate) fn weekday -> (Weekday, bool), listed in WEEKDAYS {
        use Weekday::*;
        "monday" | "mondays" => (Mon, false),
        "tuesday" | "tuesdays" => (Tue, false),
        "wednesday" | "wednesdays" => (Wed, false),
        "thursday" | "thursdays" => (Thu, false),
        "friday" | "fridays" => (Fri, false),
        "saturday" | "saturdays" => (Sat, false),
        "sunday" | "sundays" => (Sun, false),
        "mon" => (Mon, true),
        "tue" | "tues" => (Tue, true),
        "wed" => (Wed, true),
        "thu" | "thur" | "thurs" => (Thu, true),
        "fri" => (Fri, true),
        "sat" => (Sat, true),
        "sun" => (Sun, true),
    }
}

// Units of time, in seconds. Durations and date arithmetic share them.

pub(crate) const MINUTE: f64 = 60.0;
pub(crate) const HOUR: f64 = 3600.0;
pub(crate) const DAY: f64 = 86400.0;
pub(crate) const WEEK: f64 = 7.0 * DAY;
pub(crate) const MONTH: f64 = 30.0 * DAY;
/// The crate's one year length: the display (`facts.rs`) divides by it too,
/// so a whole number of recognized years reads back as years.
pub(crate) const YEAR: f64 = 365.0 * DAY;

/// Seconds in one unit named by `w`. The one-letter "h" counts only right
/// after digits ("3h", "3 h"); "s" and "d" are never units ("the 1990s").
pub(crate) fn unit_seconds(w: &str, after_digits: bool) -> Option<f64> {
    if w == "h" {
        return after_digits.then_some(HOUR);
    }
    unit(w)
}

word_table! {
    /// Units of time other than the one-letter "h", in seconds.
    fn unit -> f64, listed in UNITS {
        "second" | "seconds" | "sec" | "secs" => 1.0,
        "minute" | "minutes" | "min" | "mins" => MINUTE,
        "hour" | "hours" | "hr" | "hrs" => HOUR,
        "day" | "days" => DAY,
        "week" | "weeks" | "wk" | "wks" => WEEK,
        "fortnight" | "fortnights" => 2.0 * WEEK,
        "month" | "months" | "mo" | "mos" => MONTH,
        "year" | "years" | "yr" | "yrs" => YEAR,
        "decade" | "decades" => 10.0 * YEAR,
        "century" | "centuries" => 100.0 * YEAR,
    }
}

/// Words that name a time by themselves ("today", "overnight", "the
/// sixties") or a vague amount ("several", "a handful"), beyond the tables
/// above.
const SELF_ANCHORED: &[&str] = &[
    "today",
    "tonight",
    "tomorrow",
    "tmrw",
    "yesterday",
    "weekend",
    "weekends",
    "morning",
    "mornings",
    "afternoon",
    "afternoons",
    "evening",
    "evenings",
    "night",
    "nights",
    "overnight",
    "noon",
    "midday",
    "midnight",
    "aughts",
    "noughties",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "few",
    "several",
    "couple",
    "handful",
    "scores",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
];

/// Whether a lower-cased word can anchor a number, date, duration or range:
/// every recognizer needs at least one digit token or one such word, so a
/// sentence without any is skipped whole. Most prose sentences are. A
/// possessive counts as its word ("Sunday's vote", "today's").
///
/// Every token is asked, so the answer comes from one set built from the
/// tables ([`anchors_by_tables`] is the definition it must agree with).
pub(crate) fn anchors(w: &str) -> bool {
    ANCHOR_WORDS.contains(without_possessive(w))
}

fn without_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Whether some table names `w` (already without a possessive).
fn anchors_by_tables(w: &str) -> bool {
    num_word(w).is_some()
        || ordinal_word(w).is_some()
        || denominator(w).is_some()
        || month(w).is_some()
        || weekday(w).is_some()
        || unit_seconds(w, false).is_some()
        || vulgar(w).is_some()
        || SELF_ANCHORED.contains(&w)
}

/// Every table an anchoring word comes from, as lists.
const ANCHOR_TABLES: [&[&str]; 8] = [
    NUM_WORDS,
    ORDINALS,
    NAMED_DENOMINATORS,
    MONTHS,
    WEEKDAYS,
    UNITS,
    VULGAR,
    SELF_ANCHORED,
];

static ANCHOR_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    // Plural denominators ("thirds") are ordinals with an "s".
    let plurals = ORDINALS.iter().map(|o| format!("{o}s"));
    let words = ANCHOR_TABLES
        .into_iter()
        .flatten()
        .map(|w| w.to_string())
        .chain(plurals)
        .filter(|w| anchors_by_tables(w));
    WordSet::new(words)
});

/// A set of short words bucketed by length and first byte: a look-up
/// compares against at most a few words of that length, and most prose
/// words land in an empty bucket.
struct WordSet {
    buckets: Vec<Vec<Box<str>>>,
}

impl WordSet {
    /// Length classes kept apart; longer words share the last one.
    const LENGTHS: usize = 16;

    fn bucket(w: &str) -> Option<usize> {
        let first = *w.as_bytes().first()?;
        Some(w.len().min(Self::LENGTHS - 1) * 32 + usize::from(first & 31))
    }

    fn new(words: impl Iterator<Item = String>) -> Self {
        let mut buckets = vec![Vec::new(); Self::LENGTHS * 32];
        for w in words {
            if let Some(b) = Self::bucket(&w) {
                buckets[b].push(w.into_boxed_str());
            }
        }
        WordSet { buckets }
    }

    fn contains(&self, w: &str) -> bool {
        Self::bucket(w)
            .and_then(|b| self.buckets.get(b))
            .is_some_and(|words| words.iter().any(|x| **x == *w))
    }
}

word_table! {
    /// Unicode vulgar fractions.
    pub(crate) fn vulgar -> f64, listed in VULGAR {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::token::{TokKind, Tokenizer};

    fn agrees(w: &str) {
        assert_eq!(
            anchors(w),
            anchors_by_tables(without_possessive(w)),
            "{w:?}"
        );
    }

    /// The anchor set answers as the tables do for every token of every
    /// real line, and for every table word in its plural and possessive
    /// forms ("thirds", "Sunday's") and with a letter too many or too few.
    #[test]
    fn anchor_set_agrees_with_tables() {
        let tokenizer = Tokenizer::new();
        let mut anchoring = 0;
        for line in crate::recognize::tests::corpus_lines() {
            for t in tokenizer.tokenize(&line) {
                if matches!(t.kind, TokKind::Word | TokKind::Punct) {
                    agrees(&t.lower);
                    anchoring += usize::from(anchors(&t.lower));
                }
            }
        }
        assert!(anchoring > 1000, "too few anchoring words: {anchoring}");
        for w in ANCHOR_TABLES.into_iter().flatten() {
            assert!(anchors(w), "{w:?}");
            for form in [
                format!("{w}s"),
                format!("{w}'s"),
                format!("{w}’s"),
                format!("x{w}"),
                w[..w.len() - w.chars().last().map_or(0, char::len_utf8)].to_string(),
            ] {
                agrees(&form);
            }
        }
        for w in [
            "", "h", "s", "d", "m", "second", "seconds", "firsts", "thirds",
        ] {
            agrees(w);
        }
    }
}

//! English vocabulary shared by the recognizers: number words, ordinals,
//! fraction denominators, scales, month and weekday names.
//!
//! Plain `match` tables: they compile to jump tables on the string, need no
//! start-up work and keep the words greppable.

use chrono::Weekday;

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

pub(crate) fn num_word(w: &str) -> Option<NumWord> {
    use NumWord::*;
    Some(match w {
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
        _ => return None,
    })
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

/// Ordinal words and their value: "first" … "ninetieth", "hundredth", …
pub(crate) fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
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
        _ => return None,
    })
}

/// Fraction denominators: ("thirds", plural) → (3, true). "second" is not a
/// denominator (it is a position or a unit of time); "half" and "quarter" are.
pub(crate) fn denominator(w: &str) -> Option<(f64, bool)> {
    if let Some(d) = match w {
        "half" => Some(2.0),
        "halves" => return Some((2.0, true)),
        "quarter" => Some(4.0),
        "quarters" => return Some((4.0, true)),
        "second" | "seconds" | "first" | "firsts" => None,
        _ => None,
    } {
        return Some((d, false));
    }
    if let Some(v) = ordinal_word(w) {
        if v >= 3.0 && w != "second" {
            return Some((v, false));
        }
        return None;
    }
    let stem = w.strip_suffix('s')?;
    match ordinal_word(stem) {
        Some(v) if v >= 3.0 => Some((v, true)),
        _ => None,
    }
}

/// Month names and their usual abbreviations. "may" and "march" are
/// ambiguous with verbs; callers check capitalisation or context.
pub(crate) fn month(w: &str) -> Option<u32> {
    Some(match w {
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
        _ => return None,
    })
}

/// Weekday names and abbreviations. Short forms that are also common words
/// ("sun", "sat", "wed") are accepted only when capitalised — see the caller.
pub(crate) fn weekday(w: &str) -> Option<(Weekday, bool)> {
    use Weekday::*;
    // (weekday, is_ambiguous_short_form)
    Some(match w {
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
        _ => return None,
    })
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
    Some(match w {
        "second" | "seconds" | "sec" | "secs" => 1.0,
        "minute" | "minutes" | "min" | "mins" => MINUTE,
        "hour" | "hours" | "hr" | "hrs" => HOUR,
        "h" if after_digits => HOUR,
        "day" | "days" => DAY,
        "week" | "weeks" | "wk" | "wks" => WEEK,
        "fortnight" | "fortnights" => 2.0 * WEEK,
        "month" | "months" | "mo" | "mos" => MONTH,
        "year" | "years" | "yr" | "yrs" => YEAR,
        "decade" | "decades" => 10.0 * YEAR,
        "century" | "centuries" => 100.0 * YEAR,
        _ => return None,
    })
}

/// Words that name a time by themselves ("today", "overnight", "the
/// sixties") or a vague amount ("several", "a handful"), beyond the tables
/// above.
fn self_anchored(w: &str) -> bool {
    matches!(
        w,
        "today"
            | "tonight"
            | "tomorrow"
            | "tmrw"
            | "yesterday"
            | "weekend"
            | "weekends"
            | "morning"
            | "mornings"
            | "afternoon"
            | "afternoons"
            | "evening"
            | "evenings"
            | "night"
            | "nights"
            | "overnight"
            | "noon"
            | "midday"
            | "midnight"
            | "aughts"
            | "noughties"
            | "twenties"
            | "thirties"
            | "forties"
            | "fifties"
            | "sixties"
            | "seventies"
            | "eighties"
            | "nineties"
            | "few"
            | "several"
            | "couple"
            | "handful"
            | "scores"
            | "tens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
    )
}

/// Whether a lower-cased word can anchor a number, date, duration or range:
/// every recognizer needs at least one digit token or one such word, so a
/// sentence without any is skipped whole. Most prose sentences are. A
/// possessive counts as its word ("Sunday's vote", "today's").
pub(crate) fn anchors(w: &str) -> bool {
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    num_word(w).is_some()
        || ordinal_word(w).is_some()
        || denominator(w).is_some()
        || month(w).is_some()
        || weekday(w).is_some()
        || unit_seconds(w, false).is_some()
        || vulgar(w).is_some()
        || self_anchored(w)
}

/// Unicode vulgar fractions.
pub(crate) fn vulgar(s: &str) -> Option<f64> {
    Some(match s {
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
        _ => return None,
    })
}

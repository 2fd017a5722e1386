//! Times of day as written in news: "17:00", "5 p.m.", "0400 GMT", "10:30
//! local time", "around noon". A time is a point with its zone as written;
//! [`super::day_part`] attaches it to the day it belongs to.

use serde::{Deserialize, Serialize};

use crate::recognize::token::{Tok, TokKind};

/// A stated time of day ("17:00", "around noon", "0400 GMT").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeOfDay {
    pub hour: u32,
    pub minute: u32,
    /// "around noon", "about 5 p.m.".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// The zone as written, lower-cased ("gmt", "utc", "local"); none
    /// when the text names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
}

impl TimeOfDay {
    pub fn display(&self) -> String {
        let mut s = format!(
            "{}{:02}:{:02}",
            if self.approximate { "~" } else { "" },
            self.hour,
            self.minute
        );
        if let Some(z) = &self.zone {
            s.push(' ');
            s.push_str(&z.to_uppercase());
        }
        s
    }
}

/// Zones by abbreviation; "local time" is read as two words.
const ZONES: [&str; 10] = [
    "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst", "pdt", "ist",
];

/// Tokens a written time may take before its day ("5 p . m . local time").
pub(super) const TIME_TOKENS: usize = 8;

/// Words that make the time after them approximate.
pub(super) const APPROX: [&str; 5] = ["around", "about", "approximately", "roughly", "circa"];

pub(super) fn word<'t>(toks: &'t [Tok], i: usize) -> Option<&'t str> {
    toks.get(i)
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| t.lower.as_str())
}

/// "pm", "p.m.", "p.m": the meridiem at `i`, and the token after it.
fn meridiem(toks: &[Tok], i: usize) -> Option<(bool, usize)> {
    let pm = match word(toks, i)? {
        "pm" | "p.m" | "p.m." => return Some((true, i + 1)),
        "am" | "a.m" | "a.m." => return Some((false, i + 1)),
        "p" => true,
        "a" => false,
        _ => return None,
    };
    // "p . m ." as the tokenizer splits it.
    let dot = |k: usize| toks.get(k).is_some_and(|t| t.is_punct(".") && t.glued_left);
    if dot(i + 1) && word(toks, i + 2) == Some("m") && toks[i + 2].glued_left {
        let end = if dot(i + 3) { i + 4 } else { i + 3 };
        return Some((pm, end));
    }
    None
}

/// A time of day at `i` and the token after it (with its zone): "10:30",
/// "5 p.m.", "10pm", "5.30pm", "0400 GMT", "noon", "midnight". A bare
/// number is no time ("at 5"); nor is "2025 GMT" past the clock.
pub(super) fn time_at(toks: &[Tok], i: usize) -> Option<(TimeOfDay, usize)> {
    let t = toks.get(i)?;
    let (hour, minute, mut end, clock) = match t.kind {
        TokKind::Word => match t.lower.as_str() {
            "noon" | "midday" => (12, 0, i + 1, true),
            "midnight" => (0, 0, i + 1, true),
            _ => return None,
        },
        TokKind::Num => {
            let raw = t.lower.as_str();
            let colon = toks
                .get(i + 1)
                .is_some_and(|c| c.is_punct(":") && c.glued_left)
                && toks.get(i + 2).is_some_and(|m| {
                    m.kind == TokKind::Num && m.glued_left && m.plain_digits && m.lower.len() == 2
                });
            if colon {
                let m = toks[i + 2].value as u32;
                (t.value as u32, m, i + 3, true)
            } else if t.plain_digits && raw.len() == 4 {
                // Military time: "0400 GMT", "2100 hours".
                let v = t.value as u32;
                (v / 100, v % 100, i + 1, false)
            } else if t.decimal && raw.contains('.') {
                // "5.30pm": hours and minutes with a dot.
                let (h, m) = raw.split_once('.')?;
                (h.parse().ok()?, m.parse().ok()?, i + 1, false)
            } else if !t.decimal && t.plain_digits {
                (t.value as u32, 0, i + 1, false)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let mut hour = hour;
    let mut stated = clock;
    if let Some((pm, e)) = meridiem(toks, end) {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
        end = e;
        stated = true;
    }
    let mut zone = None;
    if let Some(z) = word(toks, end).filter(|w| ZONES.contains(w)) {
        zone = Some(z.to_string());
        end += 1;
        stated = true;
    } else if word(toks, end) == Some("local") && word(toks, end + 1) == Some("time") {
        zone = Some("local".to_string());
        end += 2;
        stated |= t.kind == TokKind::Word || clock;
    } else if word(toks, end) == Some("hours") && t.plain_digits && t.lower.len() == 4 {
        end += 1;
        stated = true;
    }
    if !stated || hour > 23 || minute > 59 {
        return None;
    }
    let approximate = i
        .checked_sub(1)
        .and_then(|k| word(toks, k))
        .is_some_and(|w| APPROX.contains(&w));
    Some((
        TimeOfDay {
            hour,
            minute,
            approximate,
            zone,
        },
        end,
    ))
}

//! General recognizers: numbers, ranges (quantities with qualifiers and vague
//! magnitudes), dates and durations, found in plain text with byte spans.
//!
//! This stage knows English number words, month and weekday names and the
//! grammar of qualifiers; it knows nothing about any story, and nothing about
//! what is being counted. Claim extractors (`crate::extract`) sit on top of it:
//! they are the only consumers, and they never parse numbers or dates
//! themselves.
//!
//! Every recognizer works in time linear in the input: patterns are compiled
//! once in [`Recognizer::new`] and a sentence is scanned a bounded number of
//! times.

pub mod date;
pub mod duration;
pub mod entities;
pub mod number;
pub mod pos;
pub use date::day_part::PartOfDay;
pub use date::time::TimeOfDay;
pub mod range;
mod token;
mod words;

use chrono::{NaiveDate, Weekday};
use serde::Serialize;

use token::Tok;

/// One recognized span. Spans may nest: the range "more than thirty" and the
/// number "thirty" inside it are both reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Byte offset of the first byte, relative to the scanned text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    pub value: MentionValue,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "dim", content = "value", rename_all = "snake_case")]
pub enum MentionValue {
    Number(NumberValue),
    Range(Interval),
    Date(DateMention),
    Duration(DurationValue),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    Integer,
    Decimal,
    Fraction,
    /// "80th", "eightieth": a position, never a count.
    Ordinal,
    Percent,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NumberValue {
    pub value: f64,
    pub kind: NumberKind,
}

/// A quantity with its qualifier: "more than 10,000" is `{min: 10000,
/// min_inclusive: false, max: None}`; "hundreds of" is 200..=999,
/// approximate. A bare number is not a range (it is a [`NumberValue`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_inclusive: bool,
    pub max_inclusive: bool,
    /// "about", "some", "roughly", vague magnitudes: the bounds are soft.
    pub approximate: bool,
}

/// The fields a date expression states outright, before any resolution.
/// "Sep 3" states month and day; "on Wednesday" states a weekday; "last year"
/// states nothing (it is relative).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct StatedDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<Weekday>,
}

/// How precise a resolved period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

/// An inclusive period of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub granularity: Granularity,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    pub stated: StatedDate,
    /// True for expressions whose meaning depends on the reference date
    /// ("last year", "the previous day", "on Wednesday", "two weeks ago").
    pub relative: bool,
    /// "since 2019": the period named is the start of an open interval.
    pub since: bool,
    /// The period, resolved against the reference date given to
    /// [`Recognizer::scan`]; `None` when it cannot be resolved (a relative
    /// expression without a reference date).
    pub period: Option<Period>,
    /// "late on Saturday", "Sunday night": the part of the day stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<PartOfDay>,
    /// "at 10:30 on 26 April": the time of day stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeOfDay>,
    /// "from 4 to 22 January", "2014-2018": the second end of a span. English
    /// leaves open whether that end is itself included, so `period` holds
    /// what is surely meant (up to the day before it begins) and the end
    /// named is kept here; [`DateMention::through`] reads the span inclusively.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Period>,
}

impl DateMention {
    /// The period read inclusively: a span runs to the end of its second
    /// end ("from 4 to 22 January" covers the 22nd); any other date is its
    /// period.
    pub fn through(&self) -> Option<Period> {
        let p = self.period?;
        Some(match self.until {
            Some(u) => Period {
                end: u.end.max(p.end),
                ..p
            },
            None => p,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DurationValue {
    pub min_seconds: f64,
    pub max_seconds: f64,
    pub approximate: bool,
}

/// All recognizers, compiled once per run and shared across threads.
pub struct Recognizer {
    tokenizer: token::Tokenizer,
}

// One recognizer is built per run and shared by worker threads.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Recognizer>();
};

impl Default for Recognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer {
    pub fn new() -> Self {
        Recognizer {
            tokenizer: token::Tokenizer::new(),
        }
    }

    /// Every recognized span in `text`, sorted by (start, longer first).
    /// `reference` resolves relative and partial dates; tense for weekday
    /// resolution is taken from `text` itself (pass one sentence at a time).
    pub fn scan(&self, text: &str, reference: Option<NaiveDate>) -> Vec<Mention> {
        let toks = self.tokenizer.tokenize(text);
        if !toks.iter().any(Tok::anchors) {
            return Vec::new();
        }
        self.scan_tokens(&toks, reference)
    }

    fn scan_tokens(&self, toks: &[Tok], reference: Option<NaiveDate>) -> Vec<Mention> {
        let nums = number::find_numbers(toks);
        let ranges = range::find_ranges(toks, &nums);
        let durs = duration::find_durations(toks, &nums);
        let dates = date::find_dates(toks, &nums, &durs, reference);
        let mut out = Vec::with_capacity(nums.len() + ranges.len() + durs.len() + dates.len());
        let ratios = number::ratios(toks, &nums);
        for n in nums
            .iter()
            .chain(&ratios)
            .filter(|n| n.emit && n.value.is_finite())
        {
            out.push(Mention {
                start: n.start,
                end: n.end,
                value: MentionValue::Number(NumberValue {
                    value: n.value,
                    kind: n.kind,
                }),
            });
        }
        for r in ranges {
            out.push(Mention {
                start: r.start,
                end: r.end,
                value: MentionValue::Range(r.interval),
            });
        }
        for d in durs {
            out.push(Mention {
                start: d.start,
                end: d.end,
                value: MentionValue::Duration(d.value),
            });
        }
        for d in dates {
            out.push(Mention {
                start: d.start,
                end: d.end,
                value: MentionValue::Date(d.mention),
            });
        }
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::Path;

    use super::Recognizer;

    /// Every text line of the files under `dir` (recursively) with one of
    /// `exts`, and the `input` of each JSON line of `*.jsonl` files.
    fn texts(dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                texts(&path, out);
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            match path.extension().and_then(|e| e.to_str()) {
                Some("md" | "txt") => out.extend(text.lines().map(str::to_string)),
                Some("jsonl") => out.extend(text.lines().filter_map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).ok()?;
                    Some(v.get("input")?.as_str()?.to_string())
                })),
                _ => {}
            }
        }
    }

    /// Lines of real and example text: our examples, the seed story, the
    /// devset bundles and the Recognizers-Text conformance inputs (the ones
    /// under `../shared` when they are there). Shortcuts that skip work are
    /// checked against them: each must give what the full work gives.
    pub(crate) fn corpus_lines() -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut all = Vec::new();
        for dir in [
            "examples",
            "../shared/seeds",
            "../shared/devset",
            "../shared/conformance",
        ] {
            texts(&root.join(dir), &mut all);
        }
        assert!(all.len() > 100, "too few texts to check: {}", all.len());
        all
    }

    /// The anchor gate in `scan` only ever skips text in which the full
    /// recognizers find nothing.
    #[test]
    fn the_anchor_gate_skips_only_text_without_mentions() {
        let all = corpus_lines();
        let rec = Recognizer::new();
        let reference = chrono::NaiveDate::from_ymd_opt(2026, 3, 11);
        let mut skipped = 0;
        let mut lost = Vec::new();
        for text in &all {
            let toks = rec.tokenizer.tokenize(text);
            if rec.scan(text, reference).is_empty() {
                let full = rec.scan_tokens(&toks, reference);
                if !full.is_empty() {
                    lost.push(format!("{text:?}: {full:?}"));
                }
                skipped += 1;
            }
        }
        assert!(lost.is_empty(), "the gate skipped:\n{}", lost.join("\n"));
        // The gate must be doing something on prose, too.
        assert!(skipped > 0);
    }
}

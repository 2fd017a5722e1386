//! Each source's reference date: the "today" against which "last year" and
//! "on Wednesday" are read.
//!
//! Order of trust: the file's front matter (`published`), the bundle
//! manifest, a dateline in the text ("BEIJING, Sep 3 (Agency) —"), then the
//! bundle's consensus: the full date the bundle's sources state most often,
//! unless the publication dates of the other sources put the story more
//! than a month away from it (then the latest publication date).
//! The report says which one was used, so an editor can see why "last year"
//! became 2024.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::{Deserialize, Serialize};

use super::{Bundle, Source};
use crate::recognize::{MentionValue, Recognizer, StatedDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefDateOrigin {
    FrontMatter,
    Manifest,
    Dateline,
    Consensus,
    /// Given on the command line or in `factlint.yaml`.
    Config,
    None,
}

impl RefDateOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            RefDateOrigin::FrontMatter => "front matter",
            RefDateOrigin::Manifest => "bundle.yaml",
            RefDateOrigin::Dateline => "dateline",
            RefDateOrigin::Consensus => "bundle consensus",
            RefDateOrigin::Config => "configuration",
            RefDateOrigin::None => "none",
        }
    }
}

/// "PLACE, " at the start of a paragraph: the head of a dateline. The date
/// must follow immediately and be followed by an agency in parentheses or a
/// dash, so an ordinary sentence starting "Yesterday, …" is not a dateline.
/// The place of a dateline, up to the comma before the date: "GENEVA, ",
/// "MALATYA, Turkey, ". Matched against the whole text before the date.
static DATELINE_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}[\p{L}.'’ ,-]*,\s+$").expect("static regex"));
/// Longest place name a dateline head may carry, in bytes.
const DATELINE_HEAD_MAX: usize = 48;
static DATELINE_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\(|—|–|-|:)").expect("static regex"));

fn is_dateline_head(before: &str) -> bool {
    // What the regex needs at both ends, checked first: an upper-case
    // letter (`\p{Lu}` is upper case) and a comma with only white space
    // after it. Most text before a date has neither, and runs without a
    // dateline then never compile the regex's Unicode classes.
    let trimmed = before.trim_end();
    before.len() <= DATELINE_HEAD_MAX
        && trimmed.len() < before.len()
        && trimmed.ends_with(',')
        && before.starts_with(char::is_uppercase)
        && DATELINE_HEAD.is_match(before)
}

/// Whether the span `start..end` of `sentence` is the date of a dateline
/// ("GENEVA, March 5 (AP) —"): it dates the report, not the event.
pub fn is_dateline_date(sentence: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (sentence.get(..start), sentence.get(end..)) else {
        return false;
    };
    is_dateline_head(before) && DATELINE_TAIL.is_match(after)
}

/// How many lines from the top a dateline may stand (after headline, image
/// captions, a key-points list).
const DATELINE_LINES: usize = 20;

fn dateline(source: &Source, rec: &Recognizer) -> Option<StatedDate> {
    let body = &source.text[source.body_start..];
    for line in body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(DATELINE_LINES)
    {
        let line = line.trim_start();
        let head_len = line
            .char_indices()
            .nth(DATELINE_HEAD_MAX + 1)
            .map_or(line.len(), |(i, _)| i);
        if !line.starts_with(char::is_uppercase) || !line[..head_len].contains(',') {
            continue;
        }
        let window_end = line
            .char_indices()
            .nth(DATELINE_HEAD_MAX + 40)
            .map_or(line.len(), |(i, _)| i);
        let window = &line[..window_end];
        for m in rec.scan(window, None) {
            if let MentionValue::Date(d) = &m.value {
                if d.stated.month.is_some()
                    && d.stated.day.is_some()
                    && is_dateline_date(window, m.start, m.end)
                {
                    return Some(d.stated);
                }
            }
        }
    }
    None
}

/// The full date stated by the most sources across the bundle, used for
/// sources with nothing better.
fn consensus(bundle: &Bundle, rec: &Recognizer) -> Option<NaiveDate> {
    let mut counts: HashMap<NaiveDate, (usize, std::collections::BTreeSet<&str>)> = HashMap::new();
    for source in &bundle.sources {
        for s in &source.sentences {
            let text = source.sentence_text(s);
            // A full date needs a year: skip sentences without four digits in a row.
            if !text
                .as_bytes()
                .windows(4)
                .any(|w| w.iter().all(u8::is_ascii_digit))
            {
                continue;
            }
            for m in rec.scan(text, None) {
                if let MentionValue::Date(d) = &m.value {
                    if let (Some(y), Some(mo), Some(day)) =
                        (d.stated.year, d.stated.month, d.stated.day)
                    {
                        if let Some(date) = NaiveDate::from_ymd_opt(y, mo, day) {
                            let e = counts.entry(date).or_default();
                            e.0 += 1;
                            e.1.insert(source.id.as_str());
                        }
                    }
                }
            }
        }
    }
    counts
        .into_iter()
        // Most sources, then most mentions, then the latest: a story's own
        // date is usually the newest it states.
        .max_by(|(da, a), (db, b)| {
            a.1.len()
                .cmp(&b.1.len())
                .then(a.0.cmp(&b.0))
                .then(da.cmp(db))
        })
        .map(|(d, _)| d)
}

/// Settles every source's reference date. `forced` (command line or
/// configuration) overrides everything else.
pub fn settle_reference_dates(bundle: &mut Bundle, rec: &Recognizer, forced: Option<NaiveDate>) {
    if let Some(date) = forced {
        for s in &mut bundle.sources {
            s.reference_date = Some(date);
            s.reference_date_from = RefDateOrigin::Config;
        }
        return;
    }
    // Sources with a publication date vouch for the bundle's time when
    // nothing else in a source dates it: the latest of them.
    let published = bundle.sources.iter().filter_map(|s| s.meta.published).max();
    // The bundle's consensus event date, unless the sources that carry a
    // publication date say the story is from another time: a text full of
    // history ("the apology of August 15, 1995") must not move the story.
    // Reading every sentence for dates is the costly part: only when some
    // source has neither a publication date nor the manifest's.
    let needed = bundle.manifest_reference_date.is_none()
        && bundle.sources.iter().any(|s| s.meta.published.is_none());
    let stated = if needed { consensus(bundle, rec) } else { None };
    let consensus = match (stated, published) {
        (Some(s), Some(p)) if (s - p).num_days().abs() > 31 => Some(p),
        (Some(s), _) => Some(s),
        (None, p) => p,
    }
    .or(bundle.manifest_reference_date);
    let manifest_date = bundle.manifest_reference_date;
    for s in &mut bundle.sources {
        let (date, from) = if let Some(p) = s.meta.published {
            let from = if s.published_from_manifest {
                RefDateOrigin::Manifest
            } else {
                RefDateOrigin::FrontMatter
            };
            (Some(p), from)
        } else if let Some(d) = manifest_date {
            (Some(d), RefDateOrigin::Manifest)
        } else if let Some(stated) = dateline(s, rec) {
            // A dateline rarely carries the year; take the one that puts it
            // nearest the bundle's date.
            let date = match (stated.year, stated.month, stated.day, consensus) {
                (Some(y), Some(m), Some(d), _) => NaiveDate::from_ymd_opt(y, m, d),
                (None, Some(m), Some(d), Some(c)) => (c.year() - 1..=c.year() + 1)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                    .min_by_key(|x| (*x - c).num_days().abs()),
                _ => None,
            };
            match date {
                Some(d) => (Some(d), RefDateOrigin::Dateline),
                None => (consensus, RefDateOrigin::Consensus),
            }
        } else {
            (consensus, RefDateOrigin::Consensus)
        };
        s.reference_date = date;
        s.reference_date_from = if date.is_some() {
            from
        } else {
            RefDateOrigin::None
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checks before the dateline regex only turn away text it does
    /// not match: every short head of every real line, and heads made to
    /// trip them.
    #[test]
    fn the_dateline_gate_only_skips_what_the_regex_rejects() {
        let mut texts: Vec<String> = [
            "GENEVA, ",
            "MALATYA, Turkey,\t",
            "Paris,\u{a0}",
            "Paris,\u{2003}\n",
            "Paris, x",
            "Paris,",
            "Paris ,  ",
            "paris, ",
            "Ⅻ, ",
            "Ⓐ, ",
            "Ǆ, ",
            "Éire, ",
            "O’Hare, ",
            ", ",
            " GENEVA, ",
        ]
        .map(str::to_string)
        .to_vec();
        for line in crate::recognize::tests::corpus_lines() {
            let line = line.trim_start();
            texts.extend(
                line.char_indices()
                    .map(|(i, _)| i)
                    .chain([line.len()])
                    .filter(|&i| i <= DATELINE_HEAD_MAX + 4)
                    .map(|i| line[..i].to_string()),
            );
        }
        let mut heads = 0;
        for text in &texts {
            let want = text.len() <= DATELINE_HEAD_MAX && DATELINE_HEAD.is_match(text);
            assert_eq!(is_dateline_head(text), want, "{text:?}");
            heads += usize::from(want);
        }
        assert!(heads > 10, "{heads} dateline heads");
    }
}

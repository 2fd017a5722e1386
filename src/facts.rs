//! Typed facts: what an extractor read, normalized so that two sources can be
//! compared without looking at their wording again.
//!
//! A fact never holds a raw string where a comparison is made: counts are
//! integer intervals, dates are fields marked stated or inferred, people are
//! entity ids. The wording stays in `text`/`sentence` for the report only.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// Where a fact was read: byte span in the source plus 1-based line/column of
/// its start (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as fact.
    Asserted,
    /// A future or scheduled event: "will attend", "is to join".
    Expected,
    /// Denied: "will not attend".
    Negated,
    /// Softened: "is expected to", "reportedly", "may".
    Hedged,
    /// Put in someone's mouth: "X said that …".
    Attributed,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Expected => "expected",
            Modality::Negated => "negated",
            Modality::Hedged => "hedged",
            Modality::Attributed => "attributed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Count,
    Date,
    Duration,
    Attendance,
    Precedent,
    Anniversary,
    First,
    Treaty,
    Quote,
    Role,
}

impl FactKind {
    pub const ALL: [FactKind; 10] = [
        FactKind::Count,
        FactKind::Date,
        FactKind::Duration,
        FactKind::Attendance,
        FactKind::Precedent,
        FactKind::Anniversary,
        FactKind::First,
        FactKind::Treaty,
        FactKind::Quote,
        FactKind::Role,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Count => "count",
            FactKind::Date => "date",
            FactKind::Duration => "duration",
            FactKind::Attendance => "attendance",
            FactKind::Precedent => "precedent",
            FactKind::Anniversary => "anniversary",
            FactKind::First => "first",
            FactKind::Treaty => "treaty",
            FactKind::Quote => "quote",
            FactKind::Role => "role",
        }
    }
}

/// An inclusive integer interval; `max: None` is unbounded above ("more than
/// 10,000" is `{min: 10001, max: None}`). Exact figures have `min == max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CountValue {
    pub min: i64,
    pub max: Option<i64>,
    pub approximate: bool,
}

impl CountValue {
    pub fn exact(n: i64) -> Self {
        CountValue {
            min: n,
            max: Some(n),
            approximate: false,
        }
    }

    /// Whether two figures can describe the same quantity. Approximate
    /// figures are widened by `tolerance` (a fraction) before comparing, so
    /// "about 100" meets "104" but "more than 10,000" never meets "9,000".
    pub fn compatible(&self, other: &CountValue, tolerance: f64) -> bool {
        let widen = |v: &CountValue| -> (f64, f64) {
            let lo = v.min as f64;
            let hi = v.max.map_or(f64::INFINITY, |m| m as f64);
            if v.approximate {
                (lo * (1.0 - tolerance), hi * (1.0 + tolerance))
            } else {
                (lo, hi)
            }
        };
        let (a_lo, a_hi) = widen(self);
        let (b_lo, b_hi) = widen(other);
        a_lo <= b_hi && b_lo <= a_hi
    }

    pub fn display(&self) -> String {
        match (self.min, self.max) {
            (lo, Some(hi)) if lo == hi => {
                format!("{}{}", if self.approximate { "~" } else { "" }, lo)
            }
            (lo, Some(hi)) => format!("{lo}–{hi}"),
            (lo, None) => format!("≥{lo}"),
        }
    }
}

/// Which of a date's fields were read from the text and which were filled in
/// from the reference date; a conflict on an inferred field is a weaker one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<String>,
    pub inferred: Vec<String>,
}

impl DateValue {
    pub fn display(&self) -> String {
        let mut s = match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("????-{m:02}-{d:02}"),
            _ => "?".to_string(),
        };
        if let Some(w) = &self.weekday {
            s.push_str(&format!(" ({w})"));
        }
        s
    }

    /// Two dates unify when every field both state is equal.
    pub fn unifies(&self, other: &DateValue) -> bool {
        fn eq<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
            match (a, b) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            }
        }
        eq(&self.year, &other.year)
            && eq(&self.month, &other.month)
            && eq(&self.day, &other.day)
            && eq(&self.weekday, &other.weekday)
    }
}

/// Seconds, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DurationFact {
    pub min_seconds: f64,
    pub max_seconds: f64,
    pub approximate: bool,
}

impl DurationFact {
    pub fn compatible(&self, other: &DurationFact, tolerance: f64) -> bool {
        let widen = |v: &DurationFact| {
            if v.approximate {
                (
                    v.min_seconds * (1.0 - tolerance),
                    v.max_seconds * (1.0 + tolerance),
                )
            } else {
                (v.min_seconds, v.max_seconds)
            }
        };
        let (a_lo, a_hi) = widen(self);
        let (b_lo, b_hi) = widen(other);
        a_lo <= b_hi && b_lo <= a_hi
    }

    pub fn display(&self) -> String {
        if (self.min_seconds - self.max_seconds).abs() < 0.5 {
            let tilde = if self.approximate { "~" } else { "" };
            format!("{tilde}{}", human_seconds(self.min_seconds))
        } else {
            format!(
                "{}–{}",
                human_seconds(self.min_seconds),
                human_seconds(self.max_seconds)
            )
        }
    }
}

/// "4200" → "70 min", "81000" → "22.5 h": the largest unit that keeps the
/// number at or above 2, one decimal at most.
fn human_seconds(s: f64) -> String {
    let (value, unit) = [
        (31_557_600.0, "years"),
        (86_400.0, "d"),
        (3_600.0, "h"),
        (60.0, "min"),
    ]
    .iter()
    .find(|(size, _)| s >= 2.0 * size)
    .map_or((s, "s"), |(size, unit)| (s / size, *unit));
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0} {unit}")
    } else {
        format!("{rounded:.1} {unit}")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Present,
    Absent,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AttendanceValue {
    /// Entity id of a person, or a slug of a group ("leaders-from-western-nations").
    pub person: String,
    pub presence: Presence,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PrecedentValue {
    pub last_year: Option<i32>,
    pub gap_years: Option<i32>,
    pub unprecedented: bool,
    /// Fields computed rather than read ("in 66 years" gives `last_year` by
    /// subtraction from the reference year).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AnniversaryValue {
    pub ordinal: i64,
    /// Year of the commemorated event, from the reference pack.
    pub of_year: Option<i32>,
    /// Year the anniversary falls in, `of_year + ordinal`.
    pub year: Option<i32>,
}

/// "First appearance", "debut" (`debut: true`) against "first visit since
/// 2019", "most recent trip was in 2023" (`debut: false`: earlier ones
/// exist).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FirstValue {
    pub what: String,
    pub debut: bool,
    pub since_year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TreatyValue {
    pub parties: BTreeSet<String>,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct QuoteValue {
    pub speaker: Option<String>,
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RoleValue {
    pub person: String,
    /// Office id from the reference pack ("us-president"), or the title as
    /// written, slugged, when the pack does not know it.
    pub office: String,
    /// The date the role is claimed for: a year in the sentence, else the
    /// source's reference date.
    pub as_of: Option<String>,
}

/// The normalized value; one variant per kind, so a count can never carry a
/// date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FactValue {
    Count(CountValue),
    Date(DateValue),
    Duration(DurationFact),
    Attendance(AttendanceValue),
    Precedent(PrecedentValue),
    Anniversary(AnniversaryValue),
    First(FirstValue),
    Treaty(TreatyValue),
    Quote(QuoteValue),
    Role(RoleValue),
}

impl FactValue {
    pub fn kind(&self) -> FactKind {
        match self {
            FactValue::Count(_) => FactKind::Count,
            FactValue::Date(_) => FactKind::Date,
            FactValue::Duration(_) => FactKind::Duration,
            FactValue::Attendance(_) => FactKind::Attendance,
            FactValue::Precedent(_) => FactKind::Precedent,
            FactValue::Anniversary(_) => FactKind::Anniversary,
            FactValue::First(_) => FactKind::First,
            FactValue::Treaty(_) => FactKind::Treaty,
            FactValue::Quote(_) => FactKind::Quote,
            FactValue::Role(_) => FactKind::Role,
        }
    }

    /// A short human rendering for tables and messages.
    pub fn display(&self) -> String {
        match self {
            FactValue::Count(c) => c.display(),
            FactValue::Date(d) => d.display(),
            FactValue::Duration(d) => d.display(),
            FactValue::Attendance(a) => format!(
                "{} {}",
                a.person,
                match a.presence {
                    Presence::Present => "present",
                    Presence::Absent => "absent",
                }
            ),
            FactValue::Precedent(p) => {
                if p.unprecedented {
                    "unprecedented".to_string()
                } else {
                    match (p.last_year, p.gap_years) {
                        (Some(y), Some(g)) => format!("last in {y} ({g} years)"),
                        (Some(y), None) => format!("last in {y}"),
                        (None, Some(g)) => format!("first in {g} years"),
                        (None, None) => "has a precedent".to_string(),
                    }
                }
            }
            FactValue::Anniversary(a) => match a.of_year {
                Some(y) => format!("{}th of {y}", a.ordinal),
                None => format!("{}th", a.ordinal),
            },
            FactValue::First(f) => match (f.debut, f.since_year) {
                (true, _) => format!("debut ({})", f.what),
                (false, Some(y)) => format!("earlier {} ({y})", f.what),
                (false, None) => format!("earlier {}", f.what),
            },
            FactValue::Treaty(t) => {
                let parties: Vec<&str> = t.parties.iter().map(String::as_str).collect();
                match t.year {
                    Some(y) => format!("{} ({y})", parties.join(" + ")),
                    None => parties.join(" + "),
                }
            }
            FactValue::Quote(q) => format!("“{}”", q.words),
            FactValue::Role(r) => format!("{}: {}", r.person, r.office),
        }
    }
}

/// One checkable statement of one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// `<source id>#<n>`, n counting facts of the source in reading order.
    pub id: String,
    pub source: String,
    pub kind: FactKind,
    /// What is measured, canonicalized through the lexicon (`troops`,
    /// `event-date`, `leaders-gathering`).
    pub key: String,
    /// Entity id the fact is about, when it is about someone.
    pub subject: Option<String>,
    pub value: FactValue,
    pub modality: Modality,
    /// The words the fact was read from.
    pub text: String,
    /// The whole sentence, for the report.
    pub sentence: String,
    pub span: Span,
}

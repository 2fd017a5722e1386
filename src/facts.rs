//! Typed facts: what an extractor read, normalized so that two sources can be
//! compared without looking at their wording again.
//!
//! A fact never holds a raw string where a comparison is made: counts are
//! integer intervals, dates are fields marked stated or inferred, people are
//! entity ids. The wording stays in `text`/`sentence` for the report only.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::recognize::date::day_part;
use crate::recognize::duration::{DAY, HOUR, MINUTE, YEAR};
use crate::recognize::{Interval, PartOfDay, TimeOfDay};
use crate::text::ordinal;

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

/// An inclusive interval of amounts; `max: None` is unbounded above ("more
/// than 10,000" people is `{min: 10001, max: None}`). Exact figures have
/// `min == max`. Counted things have whole bounds; amounts with a unit
/// ("35.6%", "$71.4 million", "2.6 km") may not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountValue {
    #[serde(with = "amount")]
    pub min: f64,
    #[serde(with = "amount_opt")]
    pub max: Option<f64>,
    pub approximate: bool,
    /// What the figure is measured in when it is not a plain count: a unit
    /// code from the unit table (`percent`, `km`, `usd`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The unit's dimension (`length`, `money`, `percent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// The place of the last digit as written ("2.6 km": 0.1): the figure
    /// stands for anything that rounds to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<f64>,
    /// The figure in its dimension's base unit, when the unit converts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<BaseAmount>,
    /// Set when the figure is a change ("rose 60%"), not a level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// The same figure in other units, as the source converted it ("984
    /// feet (300 metres)").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Rendering>,
}

/// Which way a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Up,
    Down,
}

/// A figure in the base unit of its dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaseAmount {
    #[serde(with = "amount")]
    pub min: f64,
    #[serde(with = "amount_opt")]
    pub max: Option<f64>,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<f64>,
}

/// A figure as the source gave it in another unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rendering {
    #[serde(with = "amount")]
    pub min: f64,
    #[serde(with = "amount_opt")]
    pub max: Option<f64>,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<BaseAmount>,
}

/// One rendering of a figure, as the checks weigh it.
struct Reading<'a> {
    min: f64,
    max: Option<f64>,
    unit: Option<&'a str>,
    precision: Option<f64>,
    base: Option<&'a BaseAmount>,
}

/// Two renderings in one unit, as closed intervals widened by their stated
/// precision.
type Pair = ((f64, f64), (f64, f64));

impl<'a> Reading<'a> {
    fn interval(min: f64, max: Option<f64>, precision: Option<f64>) -> (f64, f64) {
        let half = precision.map_or(0.0, |p| p / 2.0);
        (min - half, max.map_or(f64::INFINITY, |m| m + half))
    }

    /// Both renderings in one unit: as written when the units are the
    /// same, in the base unit when both convert; none otherwise.
    fn pair(&self, other: &Reading) -> Option<Pair> {
        if self.unit == other.unit {
            return Some((
                Self::interval(self.min, self.max, self.precision),
                Self::interval(other.min, other.max, other.precision),
            ));
        }
        let (a, b) = (self.base?, other.base?);
        (a.unit == b.unit).then(|| {
            (
                Self::interval(a.min, a.max, a.precision),
                Self::interval(b.min, b.max, b.precision),
            )
        })
    }
}

/// Whether the nearest bounds of two intervals lie within `ratio`.
fn within_ratio(((a_lo, a_hi), (b_lo, b_hi)): Pair, ratio: f64) -> bool {
    let gap = if a_hi < b_lo {
        b_lo / a_hi.max(f64::MIN_POSITIVE)
    } else if b_hi < a_lo {
        a_lo / b_hi.max(f64::MIN_POSITIVE)
    } else {
        1.0
    };
    gap <= ratio
}

impl CountValue {
    /// Inclusive integer bounds of a recognized interval: "more than 10,000"
    /// starts at 10,001; "fewer than 50" ends at 49. A bound written with a
    /// fraction ("more than 5.5 km") is kept as written: it measures, it does
    /// not count.
    ///
    /// Owned here, by the value it makes, so that the count and quantity
    /// extractors both read ranges without one importing the other.
    pub fn from_interval(i: &Interval) -> Option<CountValue> {
        // Whole up to float noise ("about 250,000" widened is 225000.00000000003),
        // but a tiny fraction is not zero.
        let whole = |m: f64| (m - m.round()).abs() < 1e-9 && (m.round() != 0.0 || m == 0.0);
        let min = match i.min {
            Some(m) if !whole(m) => m,
            Some(m) if i.min_inclusive => m.round(),
            Some(m) => m.round() + 1.0,
            None => 0.0,
        };
        let max = match i.max {
            Some(m) if !whole(m) => Some(m),
            Some(m) if i.max_inclusive => Some(m.round()),
            Some(m) => Some(m.round() - 1.0),
            None => None,
        };
        let fits = |x: f64| x.is_finite() && x.abs() < 9.0e15;
        if !fits(min) || max.is_some_and(|m| !fits(m) || m < min) {
            return None;
        }
        Some(CountValue {
            min,
            max,
            approximate: i.approximate,
            ..CountValue::exact(0.0)
        })
    }

    pub fn exact(n: f64) -> Self {
        CountValue {
            min: n,
            max: Some(n),
            approximate: false,
            unit: None,
            dimension: None,
            precision: None,
            base: None,
            change: None,
            also: Vec::new(),
        }
    }

    fn readings(&self) -> impl Iterator<Item = Reading<'_>> {
        std::iter::once(Reading {
            min: self.min,
            max: self.max,
            unit: self.unit.as_deref(),
            precision: self.precision,
            base: self.base.as_ref(),
        })
        .chain(self.also.iter().map(|r| Reading {
            min: r.min,
            max: r.max,
            unit: Some(r.unit.as_str()),
            precision: r.precision,
            base: r.base.as_ref(),
        }))
    }

    /// The renderings of two figures that can be put in one unit. Lazy:
    /// the checks weigh every pair of figures across sources, and most
    /// answers are known at the first pair, so nothing is collected.
    fn pairs<'s>(&'s self, other: &'s CountValue) -> impl Iterator<Item = Pair> + 's {
        let weighed = self.change == other.change;
        self.readings()
            .filter(move |_| weighed)
            .flat_map(move |a| other.readings().filter_map(move |b| a.pair(&b)))
    }

    /// Whether some pair of renderings passes `test`, or there is no pair
    /// at all: figures that cannot be weighed never count against.
    fn any_pair_or_none(&self, other: &CountValue, test: impl Fn(Pair) -> bool) -> bool {
        let mut none = true;
        for pair in self.pairs(other) {
            if test(pair) {
                return true;
            }
            none = false;
        }
        none
    }

    /// Whether two figures can be weighed at all: both levels or both
    /// changes the same way, in units that are the same or convert to one
    /// another. Different currencies, a percentage and percentage points, a
    /// count and a length are never weighed.
    pub fn comparable(&self, other: &CountValue) -> bool {
        self.pairs(other).next().is_some()
    }

    /// Whether two figures can describe the same quantity. Approximate
    /// figures are widened by `tolerance` (a fraction) before comparing, so
    /// "about 100" meets "104" but "more than 10,000" never meets "9,000";
    /// a figure with a unit stands for everything that rounds to it ("2.6
    /// km" is 2.55–2.65 km). Figures that cannot be weighed never
    /// contradict.
    pub fn compatible(&self, other: &CountValue, tolerance: f64) -> bool {
        let widen = |(lo, hi): (f64, f64), approximate: bool| -> (f64, f64) {
            if approximate {
                (lo * (1.0 - tolerance), hi * (1.0 + tolerance))
            } else {
                (lo, hi)
            }
        };
        self.any_pair_or_none(other, |(a, b)| {
            let (a_lo, a_hi) = widen(a, self.approximate);
            let (b_lo, b_hi) = widen(b, other.approximate);
            a_lo <= b_hi && b_lo <= a_hi
        })
    }

    /// A vague magnitude: an approximate interval spanning a factor of two
    /// or more ("thousands of" is 2,000–9,999, "dozens of" 24–99).
    pub fn is_vague(&self) -> bool {
        self.approximate && self.max.is_none_or(|m| m >= 2.0 * self.min)
    }

    /// Whether the figures lie within `ratio` of each other (their nearest
    /// bounds, in one unit), so that they may be reports of one quantity.
    pub fn same_order(&self, other: &CountValue, ratio: f64) -> bool {
        self.any_pair_or_none(other, |pair| within_ratio(pair, ratio))
    }

    pub fn display(&self) -> String {
        let mut out = String::new();
        if let Some(change) = self.change {
            out.push_str(match change {
                Change::Up => "up ",
                Change::Down => "down ",
            });
        }
        let money = self.dimension.as_deref() == Some("money");
        out.push_str(&show_amount(
            self.min,
            self.max,
            self.approximate,
            self.unit.as_deref(),
            money,
        ));
        for r in &self.also {
            out.push_str(&format!(
                " ({})",
                show_amount(r.min, r.max, false, Some(&r.unit), money)
            ));
        }
        out
    }
}

fn show_amount(
    min: f64,
    max: Option<f64>,
    approximate: bool,
    unit: Option<&str>,
    money: bool,
) -> String {
    let n = |x: f64| amount::render(x);
    let unit = match unit {
        None => String::new(),
        Some("percent") => "%".to_string(),
        Some(u) if money => format!(" {}", u.to_uppercase()),
        Some(u) => format!(" {u}"),
    };
    match (min, max) {
        (lo, Some(hi)) if lo == hi => {
            format!("{}{}{unit}", if approximate { "~" } else { "" }, n(lo))
        }
        (lo, Some(hi)) => format!("{}–{}{unit}", n(lo), n(hi)),
        (lo, None) => format!("≥{}{unit}", n(lo)),
    }
}

/// Amounts serialize as JSON integers when whole ("10001", as the report
/// contract shows counts) and as decimals otherwise ("35.6").
mod amount {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Largest whole amount written as an integer (2^53: exact in f64).
    const WHOLE_LIMIT: f64 = 9_007_199_254_740_992.0;

    pub fn is_whole(x: f64) -> bool {
        x.fract() == 0.0 && x.abs() <= WHOLE_LIMIT
    }

    pub fn render(x: f64) -> String {
        if is_whole(x) {
            format!("{}", x as i64)
        } else {
            format!("{x}")
        }
    }

    pub fn serialize<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        if is_whole(*x) {
            s.serialize_i64(*x as i64)
        } else {
            s.serialize_f64(*x)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        f64::deserialize(d)
    }
}

mod amount_opt {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match x {
            Some(v) => super::amount::serialize(v, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Option::<f64>::deserialize(d)
    }
}

/// Where a figure stands in the story's telling: the latest word, an
/// earlier one the report itself sets aside, or a forecast.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Presented as the figure now.
    #[default]
    Current,
    /// An earlier figure the report itself sets aside: "had previously
    /// given", "a previous report", "rather than the 11,300".
    Superseded,
    /// The result of a revision: "revised down to", "adjusted".
    Revised,
    /// A forecast, fear or projection: "could climb to", "is expected to
    /// win", "exit polls predict". Never meets a count.
    Projected,
    /// A running tally at a stated point of a count still under way:
    /// "with 545 of 650 results declared", "as things stand". Never meets
    /// the final figure.
    Provisional,
    /// A figure of an earlier event, dated by a past year: "a 43.2% share
    /// in its 1997 landslide". Kept as a fact, never weighed against the
    /// story's own figures.
    Historical,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::Superseded => "superseded",
            Status::Revised => "revised",
            Status::Projected => "projected",
            Status::Provisional => "provisional",
            Status::Historical => "historical",
        }
    }
}

/// What a figure counts, as written: the counted noun and, for generic
/// nouns (people, bodies), what happened to them ("buried").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Measure {
    pub noun: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect: Option<String>,
}

/// Who gives a figure: "according to the Red Crescent", "OCHA said".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Attribution {
    /// Slug of the person or body, for grouping ("libyan-red-crescent").
    pub id: String,
    /// The words naming them.
    pub name: String,
    /// The cue that attributes ("according to", "said").
    pub cue: String,
}

/// Where a figure applies: "in Derna", "across Libya", or outside the
/// story's place ("elsewhere in the country").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Scope {
    /// Slug of the place or group ("derna"); for an outside scope, of
    /// the words after the cue ("the-country").
    pub id: String,
    /// "Elsewhere", "outside", "in five provinces": the figure is not for
    /// the story's own place alone, so it never meets a figure that names
    /// no place.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outside: bool,
}

/// When a figure held: "by Thursday morning", "as of Saturday".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AsOf {
    /// The words as written.
    pub text: String,
    /// The day, when the words name one the recognizers resolve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
}

/// The claim around a figure: what it measures, where and when it holds,
/// who gives it and whether it is the current word. Checks compare figures
/// only when their frames say they are about the same thing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Frame {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Who the figure belongs to when a clause's subject holds it
    /// ("Labour had taken 372 seats" → `labour`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
    #[serde(default)]
    pub status: Status,
}

impl Frame {
    /// A one-line rendering for tables: "superseded · in derna · by
    /// Thursday · per libyan-red-crescent".
    pub fn summary(&self) -> String {
        let mut parts = vec![self.status.as_str().to_string()];
        if let Some(h) = &self.holder {
            parts.push(format!("of {h}"));
        }
        if let Some(s) = &self.scope {
            parts.push(format!(
                "{} {}",
                if s.outside { "outside" } else { "in" },
                s.id
            ));
        }
        if let Some(a) = &self.as_of {
            parts.push(a.text.clone());
        }
        if let Some(a) = &self.attribution {
            parts.push(format!("per {}", a.id));
        }
        parts.join(" · ")
    }

    /// Whether two frames may describe the same quantity: fitting holders
    /// and a compatible scope. A frame that names no holder or no scope
    /// fits any, since reports leave the subject and the story's place
    /// unsaid ("the route" and "the motorcade covered"); where the bundle
    /// shows a measure is held by several, the check sets unheld figures
    /// aside first. "Elsewhere" scopes fit only themselves.
    pub fn comparable(&self, other: &Frame) -> bool {
        fn fits(a: &Option<Scope>, b: &Option<Scope>) -> bool {
            match (a, b) {
                (Some(x), Some(y)) => x == y,
                (Some(x), None) | (None, Some(x)) => !x.outside,
                (None, None) => true,
            }
        }
        let holders = match (&self.holder, &other.holder) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        };
        holders && fits(&self.scope, &other.scope)
    }
}

/// A day of the week as facts carry it: its own type (not chrono's, whose
/// serde form is "Mon") so the JSON keeps the lower-case full name and the
/// calendar check compares values, not spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub fn as_str(self) -> &'static str {
        match self {
            Weekday::Monday => "monday",
            Weekday::Tuesday => "tuesday",
            Weekday::Wednesday => "wednesday",
            Weekday::Thursday => "thursday",
            Weekday::Friday => "friday",
            Weekday::Saturday => "saturday",
            Weekday::Sunday => "sunday",
        }
    }
}

impl From<chrono::Weekday> for Weekday {
    fn from(w: chrono::Weekday) -> Self {
        match w {
            chrono::Weekday::Mon => Weekday::Monday,
            chrono::Weekday::Tue => Weekday::Tuesday,
            chrono::Weekday::Wed => Weekday::Wednesday,
            chrono::Weekday::Thu => Weekday::Thursday,
            chrono::Weekday::Fri => Weekday::Friday,
            chrono::Weekday::Sat => Weekday::Saturday,
            chrono::Weekday::Sun => Weekday::Sunday,
        }
    }
}

impl std::fmt::Display for Weekday {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A field of a date that may be filled in rather than read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateField {
    Year,
    Month,
    Day,
    Weekday,
}

/// Which of a date's fields were read from the text and which were filled in
/// from the reference date; a conflict on an inferred field is a weaker one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<Weekday>,
    /// In the order they were filled: year, month, day, weekday.
    pub inferred: Vec<DateField>,
    /// "Sunday night", "early Monday": the part of the day stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<PartOfDay>,
    /// "at 10:30", "5 p.m. local time": the time of day stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeOfDay>,
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
        if let Some(p) = self.part {
            s.push(' ');
            s.push_str(p.as_str());
        }
        if let Some(t) = &self.time {
            s.push(' ');
            s.push_str(&t.display());
        }
        s
    }

    /// Whether the text gave the field (rather than the reference date).
    pub fn stated(&self, field: DateField) -> bool {
        !self.inferred.contains(&field)
    }

    /// The day, when all of it is known.
    pub fn day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }

    /// Two dates unify when every field both state is equal. When either
    /// states a part of day or a time, two known days unify when the
    /// spans they cover meet: "Sunday night" and "early Monday" do,
    /// "Sunday morning" and "early Monday" do not. Times in two different
    /// zones are not compared (no offset is known); their parts are.
    pub fn unifies(&self, other: &DateValue) -> bool {
        let timed = |v: &DateValue| v.part.is_some() || v.time.is_some();
        if let (Some(a), Some(b)) = (self.day(), other.day()) {
            if timed(self) || timed(other) {
                let zones_differ = match (&self.time, &other.time) {
                    (Some(x), Some(y)) => x.zone != y.zone,
                    _ => false,
                };
                let (ta, tb) = if zones_differ {
                    (None, None)
                } else {
                    (self.time.as_ref(), other.time.as_ref())
                };
                let (a0, a1) = day_part::interval(a, self.part, ta);
                let (b0, b1) = day_part::interval(b, other.part, tb);
                return a0 <= b1 && b0 <= a1;
            }
        }
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
/// number at or above 2, one decimal at most. Whole years read as years
/// ("a year" is "1 year", not "365 d"), and a year is the recognizer's
/// year, so "two years" reads back as "2 years" (issue #15: with a
/// 365.25-day year here it read "730 d").
fn human_seconds(s: f64) -> String {
    let years = s / YEAR;
    if years >= 1.0 && (years - years.round()).abs() * YEAR < 0.5 {
        let plural = if years.round() == 1.0 { "" } else { "s" };
        return format!("{years:.0} year{plural}");
    }
    let (value, unit) = [(YEAR, "years"), (DAY, "d"), (HOUR, "h"), (MINUTE, "min")]
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
    pub inferred: Vec<PrecedentField>,
}

/// A field of a precedent that may be computed rather than read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrecedentField {
    LastYear,
    GapYears,
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
    pub as_of: Option<RoleDate>,
    /// "Former President X": the text says the person no longer holds the
    /// office on that date.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub former: bool,
}

/// When a role is claimed to hold: the source's day, or a whole year a
/// clause names ("in 1987"). Written as "2025-09-03" or "1987" in JSON, the
/// form the report schema has always had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum RoleDate {
    Day(NaiveDate),
    Year(i32),
}

impl RoleDate {
    /// The first and last day covered.
    pub fn range(self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            RoleDate::Day(d) => Some((d, d)),
            RoleDate::Year(y) => Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )),
        }
    }
}

impl std::fmt::Display for RoleDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RoleDate::Day(d) => d.fmt(f),
            RoleDate::Year(y) => y.fmt(f),
        }
    }
}

impl From<RoleDate> for String {
    fn from(d: RoleDate) -> String {
        d.to_string()
    }
}

impl TryFrom<String> for RoleDate {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        if let Ok(d) = NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
            return Ok(RoleDate::Day(d));
        }
        s.parse()
            .map(RoleDate::Year)
            .map_err(|_| format!("expected a date (2025-09-03) or a year, not `{s}`"))
    }
}

/// The normalized value; one variant per kind, so a count can never carry a
/// date. Written untagged, beside the fact's `kind`, which is read back as
/// its tag (see [`Fact`]'s serde impls).
#[derive(Debug, Clone, PartialEq, Serialize)]
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

    /// Reads the value of a fact of `kind`: the kind says which shape to
    /// expect, so no shape is guessed from the fields present.
    fn of_kind(kind: FactKind, value: serde_json::Value) -> serde_json::Result<FactValue> {
        use serde_json::from_value as from;
        Ok(match kind {
            FactKind::Count => FactValue::Count(from(value)?),
            FactKind::Date => FactValue::Date(from(value)?),
            FactKind::Duration => FactValue::Duration(from(value)?),
            FactKind::Attendance => FactValue::Attendance(from(value)?),
            FactKind::Precedent => FactValue::Precedent(from(value)?),
            FactKind::Anniversary => FactValue::Anniversary(from(value)?),
            FactKind::First => FactValue::First(from(value)?),
            FactKind::Treaty => FactValue::Treaty(from(value)?),
            FactKind::Quote => FactValue::Quote(from(value)?),
            FactKind::Role => FactValue::Role(from(value)?),
        })
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
                Some(y) => format!("{} of {y}", ordinal(a.ordinal)),
                None => ordinal(a.ordinal),
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

/// One checkable statement of one source. Its kind is its value's: stored
/// once, so the two cannot disagree; the JSON still carries `kind` (the
/// versioned contract) and reads the value by it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// `<source id>#<n>`, n counting facts of the source in reading order.
    pub id: String,
    pub source: String,
    /// What is measured, canonicalized through the lexicon (`marchers`,
    /// `event-date`, `leaders-gathering`).
    pub key: String,
    /// Entity id the fact is about, when it is about someone.
    pub subject: Option<String>,
    pub value: FactValue,
    pub modality: Modality,
    /// The words the fact was read from.
    pub text: String,
    /// The claim around the figure (counts; other kinds have none yet).
    pub frame: Option<Frame>,
    /// The whole sentence, for the report.
    pub sentence: String,
    pub span: Span,
}

impl Fact {
    pub fn kind(&self) -> FactKind {
        self.value.kind()
    }
}

/// A fact as written in JSON: the fields in the contract's order, `kind`
/// third.
#[derive(Serialize)]
struct FactOut<'a> {
    id: &'a str,
    source: &'a str,
    kind: FactKind,
    key: &'a str,
    subject: Option<&'a str>,
    value: &'a FactValue,
    modality: Modality,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    frame: Option<&'a Frame>,
    sentence: &'a str,
    span: Span,
}

impl Serialize for Fact {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FactOut {
            id: &self.id,
            source: &self.source,
            kind: self.kind(),
            key: &self.key,
            subject: self.subject.as_deref(),
            value: &self.value,
            modality: self.modality,
            text: &self.text,
            frame: self.frame.as_ref(),
            sentence: &self.sentence,
            span: self.span,
        }
        .serialize(s)
    }
}

/// A fact as read from JSON, its value still untyped until `kind` says
/// which shape it has.
#[derive(Deserialize)]
struct FactIn {
    id: String,
    source: String,
    kind: FactKind,
    key: String,
    subject: Option<String>,
    value: serde_json::Value,
    modality: Modality,
    text: String,
    #[serde(default)]
    frame: Option<Frame>,
    sentence: String,
    span: Span,
}

impl<'de> Deserialize<'de> for Fact {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = FactIn::deserialize(d)?;
        let value = FactValue::of_kind(f.kind, f.value).map_err(serde::de::Error::custom)?;
        Ok(Fact {
            id: f.id,
            source: f.source,
            key: f.key,
            subject: f.subject,
            value,
            modality: f.modality,
            text: f.text,
            frame: f.frame,
            sentence: f.sentence,
            span: f.span,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::{MentionValue, Recognizer};

    fn on(d: u32, part: Option<PartOfDay>, time: Option<(u32, &str)>) -> DateValue {
        DateValue {
            year: Some(2023),
            month: Some(9),
            day: Some(d),
            weekday: None,
            inferred: vec![],
            part,
            time: time.map(|(hour, zone)| TimeOfDay {
                hour,
                minute: 0,
                approximate: false,
                zone: (!zone.is_empty()).then(|| zone.to_string()),
            }),
        }
    }

    #[test]
    fn parts_of_day_unify_across_midnight() {
        use PartOfDay::*;
        let cases = [
            // (a, b, unify)
            (on(10, Some(Night), None), on(11, Some(Early), None), true),
            (on(10, Some(Night), None), on(11, None, None), true),
            (
                on(10, Some(Morning), None),
                on(11, Some(Early), None),
                false,
            ),
            (
                on(16, Some(Late), None),
                on(16, None, Some((17, "local"))),
                true,
            ),
            (
                on(16, None, Some((9, ""))),
                on(16, None, Some((17, ""))),
                false,
            ),
            // Two zones: the times are not compared, the days are.
            (
                on(16, None, Some((4, "gmt"))),
                on(16, None, Some((17, "local"))),
                true,
            ),
            (on(10, None, None), on(11, None, None), false),
        ];
        for (a, b, want) in cases {
            assert_eq!(a.unifies(&b), want, "{} / {}", a.display(), b.display());
            assert_eq!(b.unifies(&a), want, "{} / {}", b.display(), a.display());
        }
    }

    fn range(min: f64, max: Option<f64>, approximate: bool) -> CountValue {
        CountValue {
            min,
            max,
            approximate,
            ..CountValue::exact(0.0)
        }
    }

    /// A figure in a unit, with its base value as the unit table would
    /// give it (`factor`: base units per unit; none for a currency).
    fn quantity(
        x: f64,
        unit: &str,
        dimension: &str,
        factor: Option<f64>,
        precision: f64,
    ) -> CountValue {
        CountValue {
            unit: Some(unit.into()),
            dimension: Some(dimension.into()),
            precision: Some(precision),
            base: factor.map(|f| BaseAmount {
                min: x * f,
                max: Some(x * f),
                unit: dimension.into(),
                precision: Some(precision * f),
            }),
            ..CountValue::exact(x)
        }
    }

    #[test]
    fn quantities_compare_after_conversion_within_stated_precision() {
        let km = |x: f64, p: f64| quantity(x, "km", "length", Some(1000.0), p);
        let mi = |x: f64, p: f64| quantity(x, "mi", "length", Some(1609.344), p);
        let ft = |x: f64| quantity(x, "ft", "length", Some(0.3048), 1.0);
        let m = |x: f64| quantity(x, "m", "length", Some(1.0), 1.0);
        // 1.6 mi is 2.49–2.66 km as written; 2.6 km is 2.55–2.65 km.
        assert!(mi(1.6, 0.1).compatible(&km(2.6, 0.1), 0.1));
        assert!(ft(984.0).compatible(&m(300.0), 0.1));
        assert!(!km(4.0, 1.0).compatible(&km(5.5, 0.1), 0.1));
        assert!(km(4.0, 1.0).compatible(&km(4.4, 0.1), 0.1));
        // Across units, a conflict needs the base values apart too.
        assert!(!mi(1.0, 1.0).compatible(&km(3.0, 1.0), 0.1));
        // The same length, once in metres and once in kilometres, is one
        // order of magnitude.
        assert!(m(5000.0).same_order(&km(5.0, 1.0), 10.0));
        // A source's own conversion counts: 4 km (2.5 mi) meets 2.5 mi.
        let mut both = km(4.0, 1.0);
        both.also.push(Rendering {
            min: 2.5,
            max: Some(2.5),
            unit: "mi".into(),
            precision: Some(0.1),
            base: None,
        });
        assert!(both.compatible(&mi(2.5, 0.1), 0.1));
    }

    #[test]
    fn currencies_points_and_changes_are_never_weighed_against_each_other() {
        let usd = |x: f64| quantity(x, "usd", "money", None, 100_000.0);
        let aud = |x: f64| quantity(x, "aud", "money", None, 100_000.0);
        let pct = |x: f64| quantity(x, "percent", "percent", Some(1.0), 0.1);
        let pp = |x: f64| quantity(x, "pp", "points", Some(1.0), 0.1);
        assert!(!usd(7_500_000.0).comparable(&aud(10_500_000.0)));
        assert!(usd(7_500_000.0).compatible(&aud(10_500_000.0), 0.0));
        assert!(usd(7_500_000.0).comparable(&usd(7_000_000.0)));
        assert!(!usd(7_500_000.0).compatible(&usd(7_000_000.0), 0.0));
        assert!(!pct(5.0).comparable(&pp(5.0)));
        let mut rise = pct(60.0);
        rise.change = Some(Change::Up);
        assert!(!rise.comparable(&pct(60.0)));
        let mut fall = pct(60.0);
        fall.change = Some(Change::Down);
        assert!(!rise.comparable(&fall));
        let mut other_rise = pct(40.0);
        other_rise.change = Some(Change::Up);
        assert!(rise.comparable(&other_rise) && !rise.compatible(&other_rise, 0.1));
        // A count never meets a length.
        assert!(!CountValue::exact(4.0).comparable(&quantity(
            4.0,
            "km",
            "length",
            Some(1000.0),
            1.0
        )));
    }

    #[test]
    fn vague_magnitudes_span_a_factor_of_two() {
        assert!(range(2_000.0, Some(9_999.0), true).is_vague()); // thousands of
        assert!(range(24.0, Some(99.0), true).is_vague()); // dozens of
        assert!(!range(90.0, Some(110.0), true).is_vague()); // about 100
        assert!(!range(10_001.0, None, false).is_vague()); // more than 10,000
        assert!(!CountValue::exact(5.0).is_vague());
    }

    #[test]
    fn figures_an_order_of_magnitude_apart_are_not_one_quantity() {
        let a = CountValue::exact(174.0);
        assert!(a.same_order(&CountValue::exact(170.0), 10.0));
        assert!(a.same_order(&CountValue::exact(1_500.0), 10.0));
        assert!(!a.same_order(&CountValue::exact(32_988.0), 10.0));
        assert!(range(3_001.0, None, false).same_order(&CountValue::exact(90_000.0), 10.0));
    }

    #[test]
    fn amounts_serialize_whole_as_integers() {
        let json = serde_json::to_string(&range(10_001.0, None, false)).unwrap();
        assert_eq!(json, r#"{"min":10001,"max":null,"approximate":false}"#);
        let pct = CountValue {
            unit: Some("percent".into()),
            ..CountValue::exact(35.6)
        };
        assert_eq!(
            serde_json::to_string(&pct).unwrap(),
            r#"{"min":35.6,"max":35.6,"approximate":false,"unit":"percent"}"#
        );
        assert_eq!(pct.display(), "35.6%");
    }

    #[test]
    fn outside_scopes_never_meet_unscoped_figures() {
        let scoped = |id: &str, outside| Frame {
            scope: Some(Scope {
                id: id.into(),
                outside,
            }),
            ..Frame::default()
        };
        let none = Frame::default();
        assert!(scoped("portmere", false).comparable(&none));
        assert!(!scoped("country", true).comparable(&none));
        assert!(!scoped("portmere", false).comparable(&scoped("valdoria", false)));
    }

    /// Issue #15: "The parade lasted two years" was shown as "730 d", the
    /// recognizer counting a year as 365 days and the display as 365.25.
    #[test]
    fn two_recognized_years_display_as_two_years() {
        let mentions = Recognizer::new().scan("The parade lasted two years.", None);
        let Some(MentionValue::Duration(d)) = mentions
            .iter()
            .map(|m| &m.value)
            .find(|v| matches!(v, MentionValue::Duration(_)))
        else {
            panic!("no duration in {mentions:?}");
        };
        let fact = DurationFact {
            min_seconds: d.min_seconds,
            max_seconds: d.max_seconds,
            approximate: d.approximate,
        };
        assert_eq!(fact.display(), "2 years");
    }

    #[test]
    fn whole_years_display_as_years() {
        let shown = |min: f64, max: f64| {
            DurationFact {
                min_seconds: min,
                max_seconds: max,
                approximate: false,
            }
            .display()
        };
        assert_eq!(shown(YEAR, YEAR), "1 year");
        assert_eq!(shown(66.0 * YEAR, 66.0 * YEAR), "66 years");
        assert_eq!(shown(2.0 * YEAR, 3.0 * YEAR), "2 years–3 years");
        assert_eq!(shown(2.5 * YEAR, 2.5 * YEAR), "2.5 years");
        assert_eq!(shown(400.0 * DAY, 400.0 * DAY), "400 d");
        assert_eq!(shown(4200.0, 4200.0), "70 min");
    }

    /// Issue #15: "21st anniversary" was shown as "21th".
    #[test]
    fn anniversaries_display_with_their_ordinal_suffix() {
        for (ordinal, of_year, want) in [
            (21, None, "21st"),
            (80, Some(1945), "80th of 1945"),
            (102, Some(1923), "102nd of 1923"),
        ] {
            let v = FactValue::Anniversary(AnniversaryValue {
                ordinal,
                of_year,
                year: of_year.map(|y| y + ordinal as i32),
            });
            assert_eq!(v.display(), want);
        }
    }

    #[test]
    fn strict_and_inclusive_bounds() {
        let i = |min, min_inclusive, max, max_inclusive| Interval {
            min,
            max,
            min_inclusive,
            max_inclusive,
            approximate: false,
        };
        assert_eq!(
            CountValue::from_interval(&i(Some(10_000.0), false, None, false))
                .unwrap()
                .min,
            10_001.0
        );
        assert_eq!(
            CountValue::from_interval(&i(Some(10_000.0), true, None, false))
                .unwrap()
                .min,
            10_000.0
        );
        assert_eq!(
            CountValue::from_interval(&i(None, false, Some(50.0), false))
                .unwrap()
                .max,
            Some(49.0)
        );
        assert_eq!(
            CountValue::from_interval(&i(None, false, Some(50.0), true))
                .unwrap()
                .max,
            Some(50.0)
        );
        assert!(CountValue::from_interval(&i(Some(5.0), false, Some(5.0), false)).is_none());
    }
}

#[cfg(test)]
mod pair_tests {
    use super::*;

    /// The renderings' pairs collected, as the checks read them before the
    /// walk became lazy.
    fn pairs_in_full(a: &CountValue, b: &CountValue) -> Vec<Pair> {
        if a.change != b.change {
            return Vec::new();
        }
        a.readings()
            .flat_map(|x| b.readings().filter_map(move |y| x.pair(&y)))
            .collect()
    }

    /// Every pair of figures of every example and devset bundle is
    /// comparable, compatible and of one order exactly as the collected
    /// pairs say.
    #[test]
    fn lazy_pairs_answer_as_collected() {
        let (_, bundles) = crate::pipeline::example_and_devset_bundles();
        let (mut pairs, mut weighed) = (0, 0);
        for bundle in bundles {
            let counts: Vec<&CountValue> = bundle
                .sources
                .iter()
                .flat_map(|s| &s.facts)
                .filter_map(|f| match &f.value {
                    FactValue::Count(c) => Some(c),
                    _ => None,
                })
                .collect();
            for a in &counts {
                for b in &counts {
                    let full = pairs_in_full(a, b);
                    assert_eq!(a.comparable(b), !full.is_empty());
                    for t in [0.0, 0.05, 0.5] {
                        let widen = |(lo, hi): (f64, f64), approx: bool| {
                            if approx {
                                (lo * (1.0 - t), hi * (1.0 + t))
                            } else {
                                (lo, hi)
                            }
                        };
                        let want = full.is_empty()
                            || full.iter().any(|&(x, y)| {
                                let (x, y) = (widen(x, a.approximate), widen(y, b.approximate));
                                x.0 <= y.1 && y.0 <= x.1
                            });
                        assert_eq!(a.compatible(b, t), want);
                    }
                    for r in [1.5, 10.0] {
                        let want = full.is_empty() || full.iter().any(|&p| within_ratio(p, r));
                        assert_eq!(a.same_order(b, r), want);
                    }
                    pairs += 1;
                    weighed += usize::from(!full.is_empty());
                }
            }
        }
        assert!(
            pairs > 1000 && weighed > 100,
            "{pairs} pairs, {weighed} weighed"
        );
    }
}

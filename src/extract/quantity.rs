//! Quantities: what a figure is measured in, the same figure converted in
//! parentheses, and whether it is a level or a change. The unit table
//! (`rules/units.yaml`) says which words are units; this reads them around
//! a figure the count extractor has found, so a quantity is a count with a
//! unit and keeps the count's claim frame.

use super::SentenceContext;
use super::frame::words;
use crate::facts::{BaseAmount, Change, CountValue, Rendering};
use crate::recognize::MentionValue;
use crate::vocabulary::units::{Direction, Units};

/// Words a dimension's measure word may stand after the figure's unit
/// ("the 4-kilometre motorcade route").
const MEASURE_AFTER_WORDS: usize = 3;
/// Words it may stand before the figure ("covered some 5.5 km").
const MEASURE_BEFORE_WORDS: usize = 3;

/// A unit read next to a figure.
#[derive(Debug, Clone, Copy)]
pub struct UnitAt {
    /// Index in the unit table.
    pub unit: usize,
    /// Where the figure and its unit begin ("A$" of "A$10.5 million").
    pub begin: usize,
    /// Where they end ("km" of "4 km").
    pub end: usize,
    /// A hyphen joins the unit to the figure: "the 4-kilometre route".
    pub compound: bool,
}

/// The unit of the figure at `start..end`: a sign before the figure's
/// first digit ("US$71 million") or a word or symbol after it ("4 km",
/// "the 4-kilometre route").
pub fn unit_of(ctx: &SentenceContext, start: usize, end: usize) -> Option<UnitAt> {
    let units = &ctx.rules.lexicon.units;
    // "more than $71 million": the sign may stand inside the figure's
    // span, after its qualifier.
    let digit = ctx.text[start..end]
        .find(|c: char| c.is_ascii_digit())
        .map_or(start, |i| start + i);
    if let Some(hit) = units.before(&ctx.text[..digit]) {
        return Some(UnitAt {
            unit: hit.unit,
            begin: hit.at.min(start),
            end,
            compound: false,
        });
    }
    units.after(&ctx.text[end..]).map(|(hit, compound)| UnitAt {
        unit: hit.unit,
        begin: start,
        end: end + hit.at,
        compound,
    })
}

/// Whether the text right after a figure joins a unit to it with a hyphen
/// ("2.5-mile"): a compound adjective that is still a quantity.
pub fn compound_unit(units: &Units, after: &str) -> bool {
    after.starts_with('-') && units.after(after).is_some_and(|(_, compound)| compound)
}

/// The place of the last digit written in `written` at the figure's own
/// scale: "2.6 km" → 0.1; "$71.4 million" → 100,000; "4 km" → 1. Figures
/// written in words give none.
pub fn precision(written: &str, value: f64) -> Option<f64> {
    let start = written.find(|c: char| c.is_ascii_digit())?;
    let digits: String = written[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let number: f64 = digits.parse().ok()?;
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    let place = 10f64.powi(-i32::try_from(decimals).ok()?);
    if number <= 0.0 || value <= 0.0 {
        return Some(place);
    }
    // The scale word's factor: "71.4 million" is 71.4 × 10⁶.
    let scale = (value / number).log10().round();
    (scale.is_finite() && (0.0..=15.0).contains(&scale)).then(|| place * 10f64.powf(scale))
}

/// Sets a figure's unit and what follows from it: dimension, precision as
/// written and the value in the base unit.
pub fn apply_unit(units: &Units, value: &mut CountValue, unit: usize, written: &str) {
    let u = units.unit(unit);
    value.unit = Some(u.id.clone());
    value.dimension = Some(u.dimension.clone());
    value.precision = precision(written, value.max.unwrap_or(value.min));
    value.base = base_amount(units, unit, value.min, value.max, value.precision);
}

fn base_amount(
    units: &Units,
    unit: usize,
    min: f64,
    max: Option<f64>,
    precision: Option<f64>,
) -> Option<BaseAmount> {
    let u = units.unit(unit);
    let base = units.base(&u.dimension)?;
    let factor = u.factor?;
    Some(BaseAmount {
        min: round(u.to_base(min)?),
        max: max.and_then(|m| u.to_base(m)).map(round),
        unit: base.to_string(),
        precision: precision.map(|p| round(p * factor)),
    })
}

/// Conversions carry float noise ("2.5 mi" = 4023.3600000000006 m).
fn round(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 12 - x.abs().log10().ceil() as i32;
    let p = 10f64.powi(digits.clamp(0, 15));
    (x * p).round() / p
}

/// The same figure in another unit of its dimension, in parentheses right
/// after it: "984 feet (300 metres)", "A$10.5 million ($7.5 million)",
/// "4-kilometre (2.5-mile)". Returns it and where the parenthesis closes.
pub fn conversion(
    ctx: &SentenceContext,
    from: usize,
    dimension: &str,
) -> Option<(Rendering, usize)> {
    let units = &ctx.rules.lexicon.units;
    let text = ctx.text;
    let rest = &text[from..];
    let open = from + (rest.len() - rest.trim_start().len());
    if !text[open..].starts_with('(') {
        return None;
    }
    let inner = open + 1;
    let m = ctx.mentions.iter().find(|m| {
        m.start >= inner
            && matches!(m.value, MentionValue::Number(_) | MentionValue::Range(_))
            && text[inner..m.start]
                .chars()
                .all(|c| !c.is_alphanumeric() || "$€£¥₹".contains(c))
    })?;
    let value = match &m.value {
        MentionValue::Number(n) => CountValue::exact(n.value),
        MentionValue::Range(r) => CountValue::from_interval(r)?,
        _ => return None,
    };
    let UnitAt { unit, end, .. } = unit_of(ctx, m.start, m.end)?;
    let u = units.unit(unit);
    if u.dimension != dimension {
        return None;
    }
    let after = &text[end..];
    let close = end + (after.len() - after.trim_start().len());
    if !text[close..].starts_with(')') {
        return None;
    }
    let precision = precision(&text[m.start..m.end], value.max.unwrap_or(value.min));
    Some((
        Rendering {
            min: value.min,
            max: value.max,
            unit: u.id.clone(),
            precision,
            base: base_amount(units, unit, value.min, value.max, precision),
        },
        close + 1,
    ))
}

/// Whether the figure says how much something moved: a change word right
/// before it ("rose 60%", "fell by 2.1 points", "an increase of 5%") or,
/// for a figure with a unit, a comparative right after it ("5% higher",
/// "seven percentage points lower"). "rose to 60%" is a level.
pub fn change(ctx: &SentenceContext, start: usize, unit_end: Option<usize>) -> Option<Change> {
    let units = &ctx.rules.lexicon.units;
    let text = ctx.text;
    let (clause_start, clause_end) = ctx.clause_at(start);
    // The last words only, read from the figure back (not the whole
    // clause before it, once per figure).
    let mut before = words(text, clause_start.min(start), start)
        .rev()
        .map(|(s, e)| &text[s..e]);
    let direction = |d: Direction| match d {
        Direction::Up => Change::Up,
        Direction::Down => Change::Down,
    };
    let last: Vec<&str> = {
        let mut w: Vec<&str> = before.by_ref().take(3).collect();
        if w.first().is_some_and(|x| x.eq_ignore_ascii_case("by")) {
            w.remove(0);
        }
        w
    };
    if let Some(&one) = last.first() {
        if let Some(d) = units.change_before(one) {
            return Some(direction(d));
        }
        if let Some(&two) = last.get(1) {
            if let Some(d) = units.change_before(&format!("{two} {one}")) {
                return Some(direction(d));
            }
        }
    }
    let end = unit_end?;
    let (s, e) = words(text, end, clause_end.max(end)).next()?;
    units.change_after(&text[s..e]).map(direction)
}

/// Where the verb of change that ends right before `at` starts ("sales
/// rose| 40%", "turnout fell| to 59.8%").
pub fn change_verb_before(ctx: &SentenceContext, at: usize) -> Option<usize> {
    let units = &ctx.rules.lexicon.units;
    let (s, e) = words(ctx.text, 0, at).next_back()?;
    if !ctx.text[e..at].trim().is_empty() {
        return None;
    }
    units.change_before(&ctx.text[s..e]).map(|_| s)
}

/// What a figure of `dimension` measures, from the unit table's words for
/// that dimension: after the unit first ("the 4-kilometre motorcade
/// route", "lies 6 km away"), then before the figure ("covered 5.5 km").
/// Returns the key and the word's span.
pub fn measure(
    ctx: &SentenceContext,
    dimension: &str,
    start: usize,
    after: usize,
) -> Option<(String, usize, usize)> {
    let units = &ctx.rules.lexicon.units;
    let text = ctx.text;
    let (clause_start, _) = ctx.clause_at(start);
    let key_of = |(s, e): (usize, usize)| {
        units
            .measure(dimension, &text[s..e])
            .map(|k| (k.to_string(), s, e))
    };
    // Words after stop at punctuation: "… 6 km away, in the hills" (a
    // conversion in parentheses is already behind `after`).
    let stop = text[after..]
        .find([',', ';', ':', '.', '(', ')', '—', '–'])
        .map_or(text.len(), |i| after + i);
    words(text, after, stop)
        .take(MEASURE_AFTER_WORDS)
        .find_map(key_of)
        .or_else(|| {
            words(text, clause_start.min(start), start)
                .rev()
                .take(MEASURE_BEFORE_WORDS)
                .find_map(key_of)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_as_written() {
        let cases: &[(&str, f64, Option<f64>)] = &[
            ("2.6", 2.6, Some(0.1)),
            ("4", 4.0, Some(1.0)),
            ("71.4 million", 71_400_000.0, Some(100_000.0)),
            ("1,200", 1200.0, Some(1.0)),
            ("some 6", 6.0, Some(1.0)),
            ("0.25", 0.25, Some(0.01)),
            // Words give no precision.
            ("two million", 2_000_000.0, None),
        ];
        for (written, value, want) in cases {
            let got = precision(written, *value);
            let ok = match (got, want) {
                (Some(g), Some(w)) => (g - w).abs() < 1e-9 * w.max(1.0),
                (None, None) => true,
                _ => false,
            };
            assert!(ok, "{written:?}: {got:?} != {want:?}");
        }
    }

    #[test]
    fn rounding_noise() {
        assert_eq!(round(4023.3600000000006), 4023.36);
        assert_eq!(round(0.30000000000000004), 0.3);
        assert_eq!(round(2_600.0), 2_600.0);
    }
}

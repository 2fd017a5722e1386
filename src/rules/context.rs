//! What the checks read: the facts of one bundle with what rules select
//! them by, and the bundle's dates and source names. Apart from the engine
//! that runs the checks, so that checks and engine import one way.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};

use super::RuleSet;
use super::schema::{Condition, Selector};
use crate::corpus::Source;
use crate::facts::{Fact, FactKind, FactValue};

/// What checks may consult besides the facts.
pub struct CheckContext<'a> {
    pub set: &'a RuleSet,
    pub facts: &'a [Fact],
    /// Each fact's value as JSON, for `where:` conditions, made when a
    /// condition first reads it: few rules have one, and those select a
    /// kind first, so most facts never need it.
    values: Vec<OnceCell<serde_json::Value>>,
    pub reference_dates: HashMap<&'a str, NaiveDate>,
    /// The event's year per source: its event date, else its reference date.
    pub event_years: HashMap<&'a str, i32>,
    /// Short display names of sources for messages.
    pub short_names: HashMap<&'a str, String>,
}

impl<'a> CheckContext<'a> {
    pub fn new(set: &'a RuleSet, facts: &'a [Fact], sources: &'a [Source]) -> Self {
        let values = facts.iter().map(|_| OnceCell::new()).collect();
        let reference_dates: HashMap<&str, NaiveDate> = sources
            .iter()
            .filter_map(|s| Some((s.id.as_str(), s.reference_date?)))
            .collect();
        let mut event_years: HashMap<&str, i32> = reference_dates
            .iter()
            .map(|(k, d)| (*k, d.year()))
            .collect();
        for f in facts {
            if let (FactKind::Date, FactValue::Date(d)) = (f.kind(), &f.value) {
                // A past happening ("cracks seen in 1998") does not date the event.
                let history = f
                    .frame
                    .as_ref()
                    .is_some_and(|fr| fr.status == crate::facts::Status::Historical);
                if f.key.ends_with("-date") && !history && d.stated(crate::facts::DateField::Year) {
                    if let Some(y) = d.year {
                        event_years.insert(f.source.as_str(), y);
                    }
                }
            }
        }
        CheckContext {
            set,
            facts,
            values,
            reference_dates,
            event_years,
            short_names: short_names(sources),
        }
    }

    pub fn short(&self, source: &str) -> String {
        self.short_names
            .get(source)
            .cloned()
            .unwrap_or_else(|| source.to_string())
    }

    /// A person's display name ("Jean-Claude Juncker") for an entity id.
    pub fn display_subject(&self, subject: &str) -> String {
        if let Some(p) = self.set.reference.person(subject) {
            return p.name.clone();
        }
        if subject.contains('+') {
            return subject.to_string();
        }
        // An unknown person's slug, capitalized back: "ada-lind" → "Ada Lind".
        subject
            .split('-')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn matches(&self, sel: &Selector, index: usize) -> bool {
        let f = &self.facts[index];
        if sel.kind.as_ref().is_some_and(|k| !k.contains(&f.kind())) {
            return false;
        }
        if sel.key.as_ref().is_some_and(|k| !k.contains(&f.key)) {
            return false;
        }
        if let Some(s) = &sel.subject {
            match &f.subject {
                Some(subj) if s.contains(subj) => {}
                _ => return false,
            }
        }
        if sel
            .modality
            .as_ref()
            .is_some_and(|m| !m.contains(&f.modality))
        {
            return false;
        }
        let status = f.frame.as_ref().map(|fr| fr.status).unwrap_or_default();
        if sel.status.as_ref().is_some_and(|s| !s.contains(&status)) {
            return false;
        }
        if sel.text.as_ref().is_some_and(|t| !t.is_match(&f.text)) {
            return false;
        }
        sel.where_.iter().all(|(field, cond)| {
            let v = self.values[index]
                .get_or_init(|| serde_json::to_value(&f.value).unwrap_or_default())
                .get(field)
                .unwrap_or(&serde_json::Value::Null);
            condition_holds(cond, v)
        })
    }

    pub fn select(&self, sel: &Selector) -> Vec<usize> {
        (0..self.facts.len())
            .filter(|&i| self.matches(sel, i))
            .collect()
    }
}

fn condition_holds(cond: &Condition, v: &serde_json::Value) -> bool {
    match cond {
        Condition::Equals(want) => v == want,
        Condition::Compare(c) => {
            let Some(x) = v.as_f64() else {
                return c.ne.as_ref().is_some_and(|ne| v != ne);
            };
            c.gt.is_none_or(|t| x > t)
                && c.gte.is_none_or(|t| x >= t)
                && c.lt.is_none_or(|t| x < t)
                && c.lte.is_none_or(|t| x <= t)
                && c.ne.as_ref().is_none_or(|ne| v != ne)
        }
    }
}

/// "002_c123…" → "002" when that prefix is unique in the bundle; the
/// outlet name when front matter gives one.
fn short_names(sources: &[Source]) -> HashMap<&str, String> {
    let prefix = |id: &str| id.split(['_', ' ']).next().unwrap_or(id).to_string();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for s in sources {
        *counts.entry(prefix(&s.id)).or_default() += 1;
    }
    sources
        .iter()
        .map(|s| {
            let p = prefix(&s.id);
            let name = if counts.get(&p) == Some(&1) {
                p
            } else {
                s.id.clone()
            };
            (s.id.as_str(), name)
        })
        .collect()
}

/// Groups fact indices by (kind, key, subject); BTreeMap keeps output order
/// stable.
pub fn group(
    ctx: &CheckContext,
    indices: &[usize],
) -> BTreeMap<(FactKind, String, Option<String>), Vec<usize>> {
    let mut groups: BTreeMap<(FactKind, String, Option<String>), Vec<usize>> = BTreeMap::new();
    for &i in indices {
        let f = &ctx.facts[i];
        groups
            .entry((f.kind(), f.key.clone(), f.subject.clone()))
            .or_default()
            .push(i);
    }
    groups
}

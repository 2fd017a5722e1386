//! Reference packs: places, well-known events, people and who held which
//! office when. Data lives in YAML; this file only indexes it.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::{PhraseSet, slug};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceDef {
    #[serde(default)]
    pub places: Vec<PlaceDef>,
    #[serde(default)]
    pub events: Vec<EventDef>,
    #[serde(default)]
    pub offices: Vec<OfficeDef>,
    /// People and the aliases that are not regular variants of their name.
    #[serde(default)]
    pub people: Vec<PersonDef>,
}

impl ReferenceDef {
    pub fn merge(&mut self, other: ReferenceDef) {
        self.places.extend(other.places);
        self.events.extend(other.events);
        self.offices.extend(other.offices);
        self.people.extend(other.people);
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceDef {
    pub id: String,
    pub names: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    pub id: String,
    pub date: NaiveDate,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeDef {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub country: Option<String>,
    /// Title words that name this office together with the country
    /// ("Russian President", "North Korean leader").
    #[serde(default)]
    pub titles: Vec<String>,
    pub holders: Vec<HolderDef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolderDef {
    pub person: String,
    pub from: NaiveDate,
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonDef {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Term {
    pub office: usize,
    pub person: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl Term {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|t| date < t)
    }
}

/// A slug with runs of one letter collapsed ("zelenskyy" → "zelensky").
fn fold_doubles(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Reference data indexed for lookups.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub places: PhraseSet<String>,
    pub events: PhraseSet<(String, NaiveDate)>,
    pub offices: Vec<OfficeDef>,
    pub terms: Vec<Term>,
    /// slug of a full name or alias → person.
    people: HashMap<String, Person>,
    /// First and last word of each known name → the people it may stand for.
    by_token: HashMap<String, Vec<Person>>,
}

impl Reference {
    pub fn compile(def: &ReferenceDef) -> Reference {
        let mut places = Vec::new();
        for p in &def.places {
            for n in p.names.iter().chain(&p.adjectives) {
                places.push((n.clone(), p.id.clone()));
                // Possessives are matched by the extractor; plain names here.
            }
        }
        let events = def
            .events
            .iter()
            .flat_map(|e| {
                e.aliases
                    .iter()
                    .map(move |a| (a.clone(), (e.id.clone(), e.date)))
            })
            .collect();
        let mut people: HashMap<String, Person> = HashMap::new();
        let mut terms = Vec::new();
        for (i, office) in def.offices.iter().enumerate() {
            for h in &office.holders {
                let id = slug(&h.person);
                people.entry(id.clone()).or_insert_with(|| Person {
                    id: id.clone(),
                    name: h.person.clone(),
                });
                terms.push(Term {
                    office: i,
                    person: id,
                    from: h.from,
                    to: h.to,
                });
            }
        }
        for p in &def.people {
            let id = slug(&p.name);
            let person = Person {
                id: id.clone(),
                name: p.name.clone(),
            };
            for alias in &p.aliases {
                people.insert(slug(alias), person.clone());
            }
            people.insert(id, person);
        }
        // "Zelenskyy" and "Zelensky", "Gaddafi" and "Gadafi": spellings
        // that differ only in doubled letters are one name.
        let folded: Vec<(String, Person)> = people
            .iter()
            .map(|(k, p)| (fold_doubles(k), p.clone()))
            .collect();
        for (k, p) in folded {
            people.entry(k).or_insert(p);
        }
        let mut by_token: HashMap<String, Vec<Person>> = HashMap::new();
        for p in people.values() {
            let s = slug(&p.name);
            let first = s.split('-').next().unwrap_or_default().to_string();
            let last = s.rsplit('-').next().unwrap_or_default().to_string();
            for t in [first, last] {
                let list = by_token.entry(t).or_default();
                if !list.iter().any(|q| q.id == p.id) {
                    list.push(p.clone());
                }
            }
        }
        for list in by_token.values_mut() {
            list.sort_by(|a, b| a.id.cmp(&b.id));
        }
        Reference {
            places: PhraseSet::new(places, false),
            events: PhraseSet::new(events, true),
            offices: def.offices.clone(),
            terms,
            people,
            by_token,
        }
    }

    /// The person a full name or alias (any spelling variant) refers to.
    pub fn person(&self, name: &str) -> Option<&Person> {
        let s = slug(name);
        self.people
            .get(&s)
            .or_else(|| self.people.get(&fold_doubles(&s)))
    }

    /// Known people whose name has `token` as its first or last word, for
    /// resolving a bare surname no full mention in the article explains.
    pub fn people_with_token(&self, token: &str) -> &[Person] {
        self.by_token.get(&slug(token)).map_or(&[], Vec::as_slice)
    }

    pub fn terms_of(&self, person: &str) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.person == person)
    }

    pub fn holder_at(&self, office: usize, date: NaiveDate) -> Option<&Term> {
        self.terms
            .iter()
            .find(|t| t.office == office && t.covers(date))
    }

    pub fn person_name(&self, id: &str) -> String {
        self.people
            .get(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    /// The country a person stood for on `date` (the office they held then,
    /// else the last one they held).
    pub fn country_of(&self, person: &str, date: Option<NaiveDate>) -> Option<&str> {
        let terms: Vec<&Term> = self.terms_of(person).collect();
        let term = date
            .and_then(|d| terms.iter().find(|t| t.covers(d)))
            .or_else(|| terms.iter().max_by_key(|t| t.from))?;
        self.offices[term.office].country.as_deref()
    }

    /// Offices of `country` that go by `title` ("president", "leader").
    pub fn offices_titled(&self, country: &str, title: &str) -> Vec<usize> {
        let title = title.to_lowercase();
        self.offices
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                o.country.as_deref() == Some(country)
                    && o.titles.iter().any(|t| t.eq_ignore_ascii_case(&title))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The office a person is best known for: the one they held last.
    pub fn main_office(&self, person: &str) -> Option<usize> {
        self.terms_of(person)
            .max_by_key(|t| t.from)
            .map(|t| t.office)
    }

    pub fn office_index(&self, id: &str) -> Option<usize> {
        self.offices.iter().position(|o| o.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(yaml: &str) -> Reference {
        let def: ReferenceDef = serde_yaml::from_str(yaml).expect("test YAML");
        Reference::compile(&def)
    }

    #[test]
    fn spellings_that_differ_in_doubled_letters_are_one_person() {
        let r = reference(
            "offices:\n  - id: x-mayor\n    name: Mayor of X\n    holders:\n      - {person: Anna Kovalenko, from: 2020-01-01}\n",
        );
        let id = |n: &str| r.person(n).map(|p| p.id.clone());
        let want = Some("anna-kovalenko".to_string());
        for name in [
            "Anna Kovalenko",
            "Anna Kovallenko",
            "Ana Kovalenko",
            "anna-kovalenko",
        ] {
            assert_eq!(id(name), want, "{name}");
        }
        // A different name stays different.
        assert_eq!(id("Anna Kovalenka"), None);
        assert_eq!(id("Anna Koval"), None);
    }
}

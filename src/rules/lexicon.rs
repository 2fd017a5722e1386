//! The lexicon: the words extractors look for, as data. Packs add to it;
//! nothing here is specific to a story, the YAML is.

use serde::{Deserialize, Serialize};

use crate::text::PhraseSet;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconDef {
    /// Nouns that make a number a count, by key.
    #[serde(default)]
    pub counted: Vec<CountedDef>,
    /// Words that mark a figure as an earlier, superseded one ("earlier,
    /// officials had reported nine deaths"): not the story's current count.
    #[serde(default)]
    pub superseded: Vec<String>,
    /// Words that split a count by what happened to the counted things
    /// ("300 homes destroyed" and "1,200 homes threatened" are two counts).
    #[serde(default)]
    pub count_aspects: Vec<CountAspect>,
    /// Nouns naming the story's event (dates and durations near them are the event's).
    #[serde(default)]
    pub events: Vec<KeyedNouns>,
    /// Verbs that key a date when no event is named ("arrived" → arrival).
    #[serde(default)]
    pub date_cues: Vec<KeyedWords>,
    /// Phrases whose date counts from the day the article last told of
    /// ("the previous day", "two days later"), not from its publication.
    #[serde(default)]
    pub date_anaphora: Vec<String>,
    /// Words that make an event's date its start or end ("began" → start).
    #[serde(default)]
    pub date_roles: Vec<DateRole>,
    /// Nouns that key a duration ("journey" → travel-duration).
    #[serde(default)]
    pub duration_nouns: Vec<DurationNouns>,
    /// Gatherings, for precedent claims.
    #[serde(default)]
    pub gatherings: Vec<GatheringDef>,
    #[serde(default)]
    pub attendance: AttendanceDef,
    #[serde(default)]
    pub modality: ModalityDef,
    /// Debut and "first since" wording.
    #[serde(default)]
    pub firsts: Vec<FirstDef>,
    #[serde(default)]
    pub treaties: TreatyDef,
    #[serde(default)]
    pub speech_verbs: Vec<String>,
    /// Phrases after which the source of a statement is named ("according
    /// to the Red Crescent", "citing OCHA").
    #[serde(default)]
    pub source_cues: Vec<String>,
    #[serde(default)]
    pub anniversary_nouns: Vec<String>,
    #[serde(default)]
    pub titles: Vec<String>,
    /// Honorifics before a name ("Sir Keir Starmer", "Mr Sunak"): stripped
    /// like titles when finding people, but never an office or a role.
    #[serde(default)]
    pub honorifics: Vec<String>,
    /// Titles that may precede a single name ("Prince William", "Pope Leo").
    #[serde(default)]
    pub single_name_titles: Vec<String>,
    /// Capitalized words that make a phrase a place or an institution, not
    /// a person ("Premier League", "Imperial Palace").
    #[serde(default)]
    pub not_names: Vec<String>,
    #[serde(default)]
    pub government_nouns: Vec<String>,
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Words changed when direct speech is reported ("you" → "him").
    #[serde(default)]
    pub speech_pronouns: Vec<String>,
    #[serde(default)]
    pub precedents: PrecedentDef,
    /// Organisations: named ones, and the words that make a capitalized
    /// phrase or an acronym one.
    #[serde(default)]
    pub organisations: OrganisationsDef,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationsDef {
    /// Organisations known by name or acronym, matched with case ("WHO"
    /// the agency, "who" the pronoun).
    #[serde(default)]
    pub known: Vec<OrganisationDef>,
    /// Head words that end an organisation's name ("Libyan Red Crescent",
    /// "Foreign Ministry"); matched without case.
    #[serde(default)]
    pub heads: Vec<String>,
    /// All-capitals tokens that are not organisations ("PM", "TV", "II").
    #[serde(default)]
    pub not_acronyms: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationDef {
    pub id: String,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrecedentDef {
    #[serde(default)]
    pub unprecedented: Vec<String>,
    #[serde(default)]
    pub first: Vec<String>,
    /// Words that date the previous occasion ("last held such a gathering in 2005").
    #[serde(default)]
    pub last: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountedDef {
    pub key: String,
    pub nouns: Vec<String>,
    /// The count belongs to the sentence's subject ("he has made 10 trips").
    #[serde(default)]
    pub per_subject: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountAspect {
    /// Suffix of the count key: `buildings-destroyed`.
    pub aspect: String,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyedNouns {
    pub key: String,
    pub nouns: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyedWords {
    pub key: String,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateRole {
    /// Suffix of the date key: `event-start`, `event-end`.
    pub role: String,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationNouns {
    pub key: String,
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Also key durations next to event nouns ("the 70-minute ceremony").
    #[serde(default)]
    pub from_events: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GatheringDef {
    pub key: String,
    #[serde(default)]
    pub nouns: Vec<String>,
    #[serde(default)]
    pub phrases: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttendanceDef {
    #[serde(default)]
    pub present: Vec<String>,
    #[serde(default)]
    pub absent: Vec<String>,
    #[serde(default)]
    pub groups: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModalityDef {
    #[serde(default)]
    pub negation: Vec<String>,
    #[serde(default)]
    pub future: Vec<String>,
    #[serde(default)]
    pub hedge: Vec<String>,
    #[serde(default)]
    pub attribution: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirstDef {
    pub key: String,
    pub nouns: Vec<String>,
    #[serde(default)]
    pub debut_words: Vec<String>,
    #[serde(default)]
    pub first_words: Vec<String>,
    #[serde(default)]
    pub prior_words: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatyDef {
    #[serde(default)]
    pub nouns: Vec<String>,
    #[serde(default)]
    pub verbs: Vec<String>,
}

impl LexiconDef {
    /// Packs add to the lexicon; they never take words away.
    pub fn merge(&mut self, other: LexiconDef) {
        self.counted.extend(other.counted);
        self.count_aspects.extend(other.count_aspects);
        self.superseded.extend(other.superseded);
        self.events.extend(other.events);
        self.date_cues.extend(other.date_cues);
        self.date_roles.extend(other.date_roles);
        self.date_anaphora.extend(other.date_anaphora);
        self.duration_nouns.extend(other.duration_nouns);
        self.gatherings.extend(other.gatherings);
        self.attendance.present.extend(other.attendance.present);
        self.attendance.absent.extend(other.attendance.absent);
        self.attendance.groups.extend(other.attendance.groups);
        self.modality.negation.extend(other.modality.negation);
        self.modality.future.extend(other.modality.future);
        self.modality.hedge.extend(other.modality.hedge);
        self.modality.attribution.extend(other.modality.attribution);
        self.firsts.extend(other.firsts);
        self.treaties.nouns.extend(other.treaties.nouns);
        self.treaties.verbs.extend(other.treaties.verbs);
        self.speech_verbs.extend(other.speech_verbs);
        self.source_cues.extend(other.source_cues);
        self.anniversary_nouns.extend(other.anniversary_nouns);
        self.titles.extend(other.titles);
        self.honorifics.extend(other.honorifics);
        self.single_name_titles.extend(other.single_name_titles);
        self.not_names.extend(other.not_names);
        self.government_nouns.extend(other.government_nouns);
        self.pronouns.extend(other.pronouns);
        self.speech_pronouns.extend(other.speech_pronouns);
        self.precedents
            .unprecedented
            .extend(other.precedents.unprecedented);
        self.precedents.first.extend(other.precedents.first);
        self.precedents.last.extend(other.precedents.last);
        self.organisations.known.extend(other.organisations.known);
        self.organisations.heads.extend(other.organisations.heads);
        self.organisations
            .not_acronyms
            .extend(other.organisations.not_acronyms);
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedNoun {
    pub key: String,
    pub per_subject: bool,
}

/// The lexicon compiled into matchers, once per run.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub counted: PhraseSet<CountedNoun>,
    pub count_aspects: PhraseSet<String>,
    pub superseded: PhraseSet<()>,
    pub events: PhraseSet<String>,
    pub date_cues: PhraseSet<String>,
    pub date_roles: PhraseSet<String>,
    pub date_anaphora: PhraseSet<()>,
    pub duration_nouns: PhraseSet<String>,
    /// Key used for durations next to event nouns, if any pack asks for it.
    pub event_duration_key: Option<String>,
    pub gatherings: PhraseSet<String>,
    pub attend_present: PhraseSet<()>,
    pub attend_absent: PhraseSet<()>,
    pub attend_groups: PhraseSet<()>,
    pub negation: PhraseSet<()>,
    pub future: PhraseSet<()>,
    pub hedge: PhraseSet<()>,
    pub attribution: PhraseSet<()>,
    pub first_nouns: PhraseSet<String>,
    pub debut_words: PhraseSet<()>,
    pub first_words: PhraseSet<()>,
    pub prior_words: PhraseSet<()>,
    pub treaty_nouns: PhraseSet<()>,
    pub treaty_verbs: PhraseSet<()>,
    pub speech_verbs: PhraseSet<()>,
    pub source_cues: PhraseSet<()>,
    pub anniversary_nouns: PhraseSet<()>,
    pub titles: PhraseSet<()>,
    pub honorifics: PhraseSet<()>,
    pub single_name_titles: PhraseSet<()>,
    pub not_names: PhraseSet<()>,
    pub government_nouns: PhraseSet<()>,
    pub pronouns: PhraseSet<()>,
    pub speech_pronouns: PhraseSet<()>,
    pub unprecedented: PhraseSet<()>,
    pub precedent_first: PhraseSet<()>,
    pub precedent_last: PhraseSet<()>,
    /// Names and acronyms of known organisations → their id, with case.
    pub organisations: PhraseSet<String>,
    pub organisation_heads: PhraseSet<()>,
    pub not_acronyms: PhraseSet<()>,
}

/// Singular and plural forms of a counted noun phrase: the last word is
/// inflected ("military vehicle(s)"); "heads of state" is left alone.
fn inflections(noun: &str) -> Vec<String> {
    let noun = noun.trim();
    let mut out = vec![noun.to_string()];
    if noun.contains(" of ") {
        return out;
    }
    if let Some(stem) = noun.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    } else if let Some(stem) = noun.strip_suffix('s') {
        if !stem.ends_with('s') {
            out.push(stem.to_string());
        }
    } else if let Some(stem) = noun.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    } else {
        out.push(format!("{noun}s"));
    }
    out
}

fn unit(words: &[String]) -> PhraseSet<()> {
    PhraseSet::new(words.iter().map(|w| (w.clone(), ())).collect(), true)
}

fn keyed<'a>(entries: impl Iterator<Item = (&'a str, &'a [String])>) -> PhraseSet<String> {
    PhraseSet::new(
        entries
            .flat_map(|(key, nouns)| nouns.iter().map(move |n| (n.clone(), key.to_string())))
            .collect(),
        true,
    )
}

impl Lexicon {
    pub fn compile(def: &LexiconDef) -> Lexicon {
        let counted = PhraseSet::new(
            def.counted
                .iter()
                .flat_map(|c| {
                    c.nouns.iter().flat_map(|n| inflections(n)).map(move |n| {
                        (
                            n,
                            CountedNoun {
                                key: c.key.clone(),
                                per_subject: c.per_subject,
                            },
                        )
                    })
                })
                .collect(),
            true,
        );
        let mut gatherings = Vec::new();
        for g in &def.gatherings {
            for n in g
                .nouns
                .iter()
                .flat_map(|n| inflections(n))
                .chain(g.phrases.iter().cloned())
            {
                gatherings.push((n, g.key.clone()));
            }
        }
        let flatten = |f: fn(&FirstDef) -> &Vec<String>| -> Vec<String> {
            def.firsts.iter().flat_map(|d| f(d).clone()).collect()
        };
        Lexicon {
            counted,
            superseded: unit(&def.superseded),
            count_aspects: keyed(
                def.count_aspects
                    .iter()
                    .map(|e| (e.aspect.as_str(), e.words.as_slice())),
            ),
            events: keyed(
                def.events
                    .iter()
                    .map(|e| (e.key.as_str(), e.nouns.as_slice())),
            ),
            date_anaphora: unit(&def.date_anaphora),
            date_roles: keyed(
                def.date_roles
                    .iter()
                    .map(|e| (e.role.as_str(), e.words.as_slice())),
            ),
            date_cues: keyed(
                def.date_cues
                    .iter()
                    .map(|e| (e.key.as_str(), e.words.as_slice())),
            ),
            duration_nouns: keyed(
                def.duration_nouns
                    .iter()
                    .map(|e| (e.key.as_str(), e.nouns.as_slice())),
            ),
            event_duration_key: def
                .duration_nouns
                .iter()
                .find(|d| d.from_events)
                .map(|d| d.key.clone()),
            gatherings: PhraseSet::new(gatherings, true),
            attend_present: unit(&def.attendance.present),
            attend_absent: unit(&def.attendance.absent),
            attend_groups: unit(&def.attendance.groups),
            negation: unit(&def.modality.negation),
            future: unit(&def.modality.future),
            hedge: unit(&def.modality.hedge),
            attribution: unit(&def.modality.attribution),
            first_nouns: keyed(
                def.firsts
                    .iter()
                    .map(|e| (e.key.as_str(), e.nouns.as_slice())),
            ),
            debut_words: unit(&flatten(|d| &d.debut_words)),
            first_words: unit(&flatten(|d| &d.first_words)),
            prior_words: unit(&flatten(|d| &d.prior_words)),
            treaty_nouns: unit(
                &def.treaties
                    .nouns
                    .iter()
                    .flat_map(|n| inflections(n))
                    .collect::<Vec<_>>(),
            ),
            treaty_verbs: unit(&def.treaties.verbs),
            speech_verbs: unit(&def.speech_verbs),
            source_cues: unit(&def.source_cues),
            anniversary_nouns: unit(&def.anniversary_nouns),
            titles: unit(&def.titles),
            honorifics: unit(&def.honorifics),
            single_name_titles: unit(&def.single_name_titles),
            not_names: unit(&def.not_names),
            government_nouns: unit(&def.government_nouns),
            pronouns: unit(&def.pronouns),
            speech_pronouns: unit(&def.speech_pronouns),
            unprecedented: unit(&def.precedents.unprecedented),
            precedent_first: unit(&def.precedents.first),
            precedent_last: unit(&def.precedents.last),
            organisations: PhraseSet::new(
                def.organisations
                    .known
                    .iter()
                    .flat_map(|o| o.names.iter().map(|n| (n.clone(), o.id.clone())))
                    .collect(),
                false,
            ),
            organisation_heads: unit(
                &def.organisations
                    .heads
                    .iter()
                    .flat_map(|n| inflections(n))
                    .collect::<Vec<_>>(),
            ),
            not_acronyms: PhraseSet::new(
                def.organisations
                    .not_acronyms
                    .iter()
                    .map(|w| (w.clone(), ()))
                    .collect(),
                false,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_last_word() {
        assert_eq!(inflections("troops"), vec!["troops", "troop"]);
        assert_eq!(
            inflections("military vehicles"),
            vec!["military vehicles", "military vehicle"]
        );
        assert_eq!(inflections("injuries"), vec!["injuries", "injury"]);
        assert_eq!(inflections("heads of state"), vec!["heads of state"]);
        assert_eq!(inflections("aircraft"), vec!["aircraft", "aircrafts"]);
    }
}

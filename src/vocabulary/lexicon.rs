//! The lexicon: the words extractors look for, as data. Packs add to it;
//! nothing here is specific to a story, the YAML is.

use serde::{Deserialize, Serialize};

use super::units::{Units, UnitsDef};
use crate::text::PhraseSet;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconDef {
    /// Nouns that make a number a count, by key.
    #[serde(default)]
    pub counted: Vec<CountedDef>,
    /// Cues that fill a figure's claim frame: what it measures, where and
    /// when it holds, who gives it, whether it is current.
    #[serde(default)]
    pub frames: FramesDef,
    /// Units of measure and currencies (`rules/units.yaml`).
    #[serde(default)]
    pub units: UnitsDef,
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
    /// Verbs of extent that give a noun before them the duration after
    /// them ("the ceremony lasted two hours", "a trip that took a day").
    #[serde(default)]
    pub duration_verbs: Vec<String>,
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

/// The words of claim frames. Every list is matched case-insensitively on
/// whole words.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FramesDef {
    /// Nouns that say nothing of what is counted ("people", "residents"):
    /// the figure's measure is what happened to them ("were killed").
    #[serde(default)]
    pub generic_nouns: Vec<String>,
    /// Words that may stand between a generic noun and what happened to it
    /// ("are reported missing", "had been buried").
    #[serde(default)]
    pub fillers: Vec<String>,
    /// Canonical keys for what happened or what is measured: "killed",
    /// "dead", "death toll" → `deaths`.
    #[serde(default)]
    pub measures: Vec<KeyedWords>,
    /// Phrases after which a figure follows its measure ("rose to",
    /// "stood at", "put … at").
    #[serde(default)]
    pub reaching: Vec<String>,
    /// Cues of a figure the report itself sets aside ("previously", "an
    /// earlier report").
    #[serde(default)]
    pub superseded: Vec<String>,
    /// Cues right before a figure that make it the value something moved
    /// from or was set against ("down from 43", "rather than the 11,300").
    #[serde(default)]
    pub prior: Vec<String>,
    /// Cues of a figure that results from a revision ("revised", "adjusted").
    #[serde(default)]
    pub revised: Vec<String>,
    /// Cues of a running tally ("as things stand", "with results still
    /// coming in"); an opening "with 545 results declared" needs none.
    #[serde(default)]
    pub provisional: Vec<String>,
    /// Cues right after a figure's noun that make it a requirement, not a
    /// tally ("the 326 seats needed for a majority"). Status projected.
    #[serde(default)]
    pub required: Vec<String>,
    /// Cues of a forecast or fear ("could climb to", "is expected to win").
    #[serde(default)]
    pub projected: Vec<String>,
    /// Verbs by which a body gives a figure, besides the speech verbs
    /// ("reported", "put", "estimated"); cues before the body are the
    /// lexicon's `source_cues` ("according to").
    #[serde(default)]
    pub report_verbs: Vec<String>,
    /// Prepositions that scope a figure to a place ("in", "across").
    #[serde(default)]
    pub scope_within: Vec<String>,
    /// Cues of a scope outside the story's place ("elsewhere in").
    #[serde(default)]
    pub scope_outside: Vec<String>,
    /// Cues of the time a figure held ("by", "as of").
    #[serde(default)]
    pub as_of: Vec<String>,
}

impl FramesDef {
    fn merge(&mut self, other: FramesDef) {
        self.generic_nouns.extend(other.generic_nouns);
        self.fillers.extend(other.fillers);
        self.measures.extend(other.measures);
        self.reaching.extend(other.reaching);
        self.superseded.extend(other.superseded);
        self.prior.extend(other.prior);
        self.revised.extend(other.revised);
        self.provisional.extend(other.provisional);
        self.required.extend(other.required);
        self.projected.extend(other.projected);
        self.report_verbs.extend(other.report_verbs);
        self.scope_within.extend(other.scope_within);
        self.scope_outside.extend(other.scope_outside);
        self.as_of.extend(other.as_of);
    }
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
        self.frames.merge(other.frames);
        self.units.merge(other.units);
        self.events.extend(other.events);
        self.date_cues.extend(other.date_cues);
        self.date_roles.extend(other.date_roles);
        self.date_anaphora.extend(other.date_anaphora);
        self.duration_nouns.extend(other.duration_nouns);
        self.duration_verbs.extend(other.duration_verbs);
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
    pub frames: Frames,
    pub units: Units,
    pub events: PhraseSet<String>,
    pub date_cues: PhraseSet<String>,
    pub date_roles: PhraseSet<String>,
    pub date_anaphora: PhraseSet<()>,
    pub duration_nouns: PhraseSet<String>,
    pub duration_verbs: PhraseSet<()>,
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

/// Frame cues compiled into matchers.
#[derive(Debug, Clone, Default)]
pub struct Frames {
    pub generic_nouns: PhraseSet<()>,
    pub fillers: PhraseSet<()>,
    pub measures: PhraseSet<String>,
    pub reaching: PhraseSet<()>,
    pub superseded: PhraseSet<()>,
    pub prior: PhraseSet<()>,
    pub revised: PhraseSet<()>,
    pub provisional: PhraseSet<()>,
    pub required: PhraseSet<()>,
    pub projected: PhraseSet<()>,
    /// Report verbs and speech verbs together.
    pub report_verbs: PhraseSet<()>,
    pub scope_within: PhraseSet<()>,
    pub scope_outside: PhraseSet<()>,
    pub as_of: PhraseSet<()>,
}

impl Frames {
    fn compile(def: &FramesDef, speech_verbs: &[String]) -> Frames {
        let generic: Vec<String> = def
            .generic_nouns
            .iter()
            .flat_map(|n| inflections(n))
            .collect();
        Frames {
            generic_nouns: unit(&generic),
            fillers: unit(&def.fillers),
            measures: keyed(
                def.measures
                    .iter()
                    .map(|e| (e.key.as_str(), e.words.as_slice())),
            ),
            reaching: unit(&def.reaching),
            superseded: unit(&def.superseded),
            prior: unit(&def.prior),
            revised: unit(&def.revised),
            provisional: unit(&def.provisional),
            required: unit(&def.required),
            projected: unit(&def.projected),
            report_verbs: unit(
                &def.report_verbs
                    .iter()
                    .chain(speech_verbs)
                    .cloned()
                    .collect::<Vec<_>>(),
            ),
            scope_within: unit(&def.scope_within),
            scope_outside: unit(&def.scope_outside),
            as_of: unit(&def.as_of),
        }
    }
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
            frames: Frames::compile(&def.frames, &def.speech_verbs),
            units: Units::compile(&def.units),
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
            duration_verbs: unit(&def.duration_verbs),
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

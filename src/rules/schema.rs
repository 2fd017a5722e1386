//! The YAML schema of pack files: `rules:`, `lexicon:` and `reference:`
//! sections. Every struct denies unknown fields: a typo in a rule file is an
//! error with a location, never silently ignored.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use regex::Regex;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::Severity;
use crate::facts::{FactKind, Modality, Status};
use crate::vocabulary::lexicon::LexiconDef;
use crate::vocabulary::reference::ReferenceDef;

/// One YAML file of a pack.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    #[serde(default)]
    pub rules: Vec<RuleDef>,
    #[serde(default)]
    pub lexicon: LexiconDef,
    #[serde(default)]
    pub reference: ReferenceDef,
}

/// The built-in checks. Rules choose one and configure it; new behaviour
/// comes from new rules, not new Rust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckKind {
    Agree,
    Arithmetic,
    Calendar,
    Exclusive,
    Reference,
    SingleSource,
    QuoteDrift,
}

/// Placeholders every check fills in a rule's `message`.
const COMMON_PLACEHOLDERS: &[&str] = &[
    "key",
    "subject",
    "subject_of",
    "subject_prefix",
    "values",
    "sources",
];

impl CheckKind {
    pub const ALL: [CheckKind; 7] = [
        CheckKind::Agree,
        CheckKind::Arithmetic,
        CheckKind::Calendar,
        CheckKind::Exclusive,
        CheckKind::Reference,
        CheckKind::SingleSource,
        CheckKind::QuoteDrift,
    ];

    /// Parameters the check reads (`params:`); any other is an error.
    pub fn params(self) -> &'static [&'static str] {
        match self {
            CheckKind::Agree => &["tolerance"],
            CheckKind::Exclusive => &["join", "a", "b"],
            CheckKind::Arithmetic => &["relation"],
            CheckKind::Reference => &["pack"],
            CheckKind::QuoteDrift => &["min_similarity"],
            CheckKind::Calendar | CheckKind::SingleSource => &[],
        }
    }

    /// Placeholders the check fills in `message`, beyond the common ones.
    fn own_placeholders(self) -> &'static [&'static str] {
        match self {
            CheckKind::Exclusive => &[
                "a_sources",
                "b_sources",
                "a_values",
                "b_values",
                "a_s",
                "b_s",
            ],
            CheckKind::Arithmetic | CheckKind::Calendar | CheckKind::Reference => &["detail"],
            CheckKind::Agree | CheckKind::SingleSource | CheckKind::QuoteDrift => &[],
        }
    }

    /// Every placeholder a `message` of this check may use.
    pub fn placeholders(self) -> Vec<&'static str> {
        COMMON_PLACEHOLDERS
            .iter()
            .chain(self.own_placeholders())
            .copied()
            .collect()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CheckKind::Agree => "agree",
            CheckKind::Arithmetic => "arithmetic",
            CheckKind::Calendar => "calendar",
            CheckKind::Exclusive => "exclusive",
            CheckKind::Reference => "reference",
            CheckKind::SingleSource => "single-source",
            CheckKind::QuoteDrift => "quote-drift",
        }
    }
}

/// A list written either as one item or as a sequence.
///
/// Deserialized by hand rather than with `#[serde(untagged)]`: an untagged
/// enum buffers the value and, when no variant fits, reports only "data did
/// not match any variant" at the enclosing mapping. Dispatching on the YAML
/// shape instead lets the item's own error ("unknown variant `bogus`",
/// "unknown field `wher`") through, with the item's line and column.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T: PartialEq> OneOrMany<T> {
    pub fn contains(&self, x: &T) -> bool {
        match self {
            OneOrMany::One(a) => a == x,
            OneOrMany::Many(v) => v.contains(x),
        }
    }

    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(a) => std::slice::from_ref(a),
            OneOrMany::Many(v) => v,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for OneOrManyVisitor<T> {
            type Value = OneOrMany<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("one value or a list of values")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                Vec::<T>::deserialize(SeqAccessDeserializer::new(seq)).map(OneOrMany::Many)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(OneOrMany::One)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(OneOrMany::One)
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(OneOrMany::One)
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(OneOrMany::One)
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(OneOrMany::One)
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(OneOrMany::One)
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(OneOrMany::One)
            }
        }

        deserializer.deserialize_any(OneOrManyVisitor(PhantomData))
    }
}

/// Which facts a rule (or one side of an `exclusive` rule) looks at.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selector {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OneOrMany<FactKind>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<OneOrMany<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<OneOrMany<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<OneOrMany<Modality>>,
    /// The claim frame's status (`current`, `superseded`, `revised`,
    /// `projected`); facts without a frame are current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OneOrMany<Status>>,
    /// A regular expression the fact's own words (`Fact::text`, such as
    /// "up to 300 lanterns") must match; compiled once, when the pack loads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextPattern>,
    /// Conditions on fields of the normalized value: `{debut: true}`,
    /// `{min: {gt: 0}}`.
    #[serde(default, rename = "where", skip_serializing_if = "BTreeMap::is_empty")]
    pub where_: BTreeMap<String, Condition>,
}

/// A regular expression in a selector, kept with its source text for
/// `rules explain` and the JSON view.
#[derive(Debug, Clone)]
pub struct TextPattern {
    source: String,
    regex: Regex,
}

impl TextPattern {
    pub fn new(source: &str) -> Result<Self, String> {
        Regex::new(source)
            .map(|regex| TextPattern {
                source: source.to_string(),
                regex,
            })
            .map_err(|e| format!("invalid regex `{source}`: {}", regex_error_line(&e)))
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }
}

/// The regex crate explains a syntax error over several lines (the pattern,
/// a caret, the reason); a rule error is one line, so keep the reason.
fn regex_error_line(e: &regex::Error) -> String {
    let full = e.to_string();
    full.lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .map_or_else(
            || full.lines().last().unwrap_or_default().trim().to_string(),
            str::to_string,
        )
}

impl PartialEq for TextPattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Serialize for TextPattern {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.source)
    }
}

impl<'de> Deserialize<'de> for TextPattern {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Compiled inside the visitor, so that an invalid pattern is
        // reported at the pattern, not at the mapping around it.
        struct PatternVisitor;

        impl Visitor<'_> for PatternVisitor {
            type Value = TextPattern;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a regular expression")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextPattern, E> {
                TextPattern::new(v).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(PatternVisitor)
    }
}

/// A condition on one value field. A mapping is a comparison (`{gt: 0}`,
/// `{ne: 2019}`) and may use only the comparison operators; anything else
/// (a number, a string, a boolean, a list) means equality.
///
/// Not `#[serde(untagged)]`: that would take a mistyped operator
/// (`{gtt: 0}`) as an equality with the object `{gtt: 0}`, a condition no
/// fact ever meets, and the rule would fall silent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Condition {
    Compare(Comparison),
    Equals(serde_json::Value),
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ConditionVisitor;

        impl<'de> Visitor<'de> for ConditionVisitor {
            type Value = Condition;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value to compare with, or a mapping of gt, gte, lt, lte, ne")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Condition, A::Error> {
                let c = Comparison::deserialize(MapAccessDeserializer::new(map))?;
                let empty = c.gt.is_none()
                    && c.gte.is_none()
                    && c.lt.is_none()
                    && c.lte.is_none()
                    && c.ne.is_none();
                if empty {
                    return Err(de::Error::custom(
                        "a comparison needs at least one of gt, gte, lt, lte, ne",
                    ));
                }
                Ok(Condition::Compare(c))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Condition, A::Error> {
                serde_json::Value::deserialize(SeqAccessDeserializer::new(seq))
                    .map(Condition::Equals)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Condition, E> {
                Ok(Condition::Equals(v.into()))
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Condition, E> {
                Ok(Condition::Equals(v.into()))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Condition, E> {
                Ok(Condition::Equals(v.into()))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Condition, E> {
                Ok(Condition::Equals(v.into()))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Condition, E> {
                Ok(Condition::Equals(v.into()))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Condition, E> {
                Ok(Condition::Equals(serde_json::Value::Null))
            }
        }

        deserializer.deserialize_any(ConditionVisitor)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gt: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gte: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lt: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lte: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ne: Option<serde_json::Value>,
}

/// How `exclusive` pairs facts of its two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Join {
    /// Same key (and subject).
    #[default]
    Key,
    /// Same subject, whatever the key.
    Subject,
}

/// Arithmetic relations the `arithmetic` check knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// precedent: last_year + gap_years = the event's year.
    PrecedentGap,
    /// anniversary: of_year + ordinal = the event's year.
    AnniversaryYear,
}

/// Reference data the `reference` check knows how to use. An enum, not a
/// free string, so that a misspelt pack is an error rather than a rule that
/// silently checks nothing new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferencePack {
    /// Offices and who held them when (`reference: offices:`).
    Officeholders,
}

/// Parameters of all checks; each check reads the ones it knows and the
/// loader rejects parameters a check does not take.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// agree: widen approximate figures by this fraction before comparing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    /// exclusive: how to pair the sides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join: Option<Join>,
    /// exclusive: the first side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a: Option<OneOrMany<Selector>>,
    /// exclusive: the second side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b: Option<OneOrMany<Selector>>,
    /// arithmetic: which relation must hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// reference: which reference data to check against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<ReferencePack>,
    /// quote-drift: how alike two quotes must be (0–1) to be the same quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_similarity: Option<f64>,
}

/// `agree`: approximate figures widen by a tenth unless a rule says more.
const DEFAULT_TOLERANCE: f64 = 0.1;
/// `quote-drift`: half the words aligned is still the same quote.
const DEFAULT_MIN_SIMILARITY: f64 = 0.5;

/// A rule's check with the parameters it reads, one variant per kind: a
/// check cannot read another's parameter, and one it needs cannot be
/// missing when it runs.
///
/// The YAML keeps `check:` and `params:` side by side, as rule authors
/// write them: typing `params:` by `check:` in serde would need `flatten`,
/// which gives up `deny_unknown_fields` and the located errors, and an
/// override may set `params:` without `check:`. The loader builds this
/// from the two once a rule is complete.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    Agree {
        tolerance: f64,
    },
    Arithmetic {
        relation: Relation,
    },
    Calendar,
    Exclusive {
        join: Join,
        a: Vec<Selector>,
        b: Vec<Selector>,
    },
    Reference {
        pack: ReferencePack,
    },
    SingleSource,
    QuoteDrift {
        min_similarity: f64,
    },
}

impl Check {
    /// The check of `kind` as `params` configure it, defaults filled in;
    /// `Err` names a parameter the check needs and `params` lacks.
    pub fn new(kind: CheckKind, params: &Params) -> Result<Check, &'static str> {
        let p = params;
        let side = |s: &Option<OneOrMany<Selector>>, name| {
            s.as_ref().map(|s| s.as_slice().to_vec()).ok_or(name)
        };
        Ok(match kind {
            CheckKind::Agree => Check::Agree {
                tolerance: p.tolerance.unwrap_or(DEFAULT_TOLERANCE),
            },
            CheckKind::Arithmetic => Check::Arithmetic {
                relation: p.relation.ok_or("relation")?,
            },
            CheckKind::Calendar => Check::Calendar,
            CheckKind::Exclusive => Check::Exclusive {
                join: p.join.unwrap_or_default(),
                a: side(&p.a, "a")?,
                b: side(&p.b, "b")?,
            },
            CheckKind::Reference => Check::Reference {
                pack: p.pack.unwrap_or(ReferencePack::Officeholders),
            },
            CheckKind::SingleSource => Check::SingleSource,
            CheckKind::QuoteDrift => Check::QuoteDrift {
                min_similarity: p.min_similarity.unwrap_or(DEFAULT_MIN_SIMILARITY),
            },
        })
    }

    pub fn kind(&self) -> CheckKind {
        match self {
            Check::Agree { .. } => CheckKind::Agree,
            Check::Arithmetic { .. } => CheckKind::Arithmetic,
            Check::Calendar => CheckKind::Calendar,
            Check::Exclusive { .. } => CheckKind::Exclusive,
            Check::Reference { .. } => CheckKind::Reference,
            Check::SingleSource => CheckKind::SingleSource,
            Check::QuoteDrift { .. } => CheckKind::QuoteDrift,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Sentences (one per source) the rule flags.
    #[serde(default)]
    pub fail: Vec<String>,
    /// Sentences the rule lets pass.
    #[serde(default)]
    pub pass: Vec<String>,
}

/// A rule as written. Everything but `id` is optional here so that an entry
/// of only `id` and `enabled: false` can turn a rule off; a complete rule is
/// validated when the pack is loaded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<CheckKind>,
    #[serde(default)]
    pub select: Selector,
    #[serde(default)]
    pub params: Params,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<Example>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Names a check's source fills with `Vars::set("name", …)`.
    fn set_calls(src: &str) -> BTreeSet<String> {
        let re = Regex::new(r#"\.set\(\s*"([a-z_]+)""#).unwrap();
        re.captures_iter(src).map(|c| c[1].to_string()).collect()
    }

    /// The loader rejects placeholders a check does not fill, so the list
    /// must follow the checks: this reads their source.
    #[test]
    fn placeholders_are_what_the_checks_fill() {
        let common = set_calls(include_str!("checks/mod.rs"));
        let sources = [
            (CheckKind::Agree, include_str!("checks/agree.rs")),
            (CheckKind::Arithmetic, include_str!("checks/arithmetic.rs")),
            (CheckKind::Calendar, include_str!("checks/calendar.rs")),
            (CheckKind::Exclusive, include_str!("checks/exclusive.rs")),
            (CheckKind::Reference, include_str!("checks/reference.rs")),
            (
                CheckKind::SingleSource,
                include_str!("checks/single_source.rs"),
            ),
            (CheckKind::QuoteDrift, include_str!("checks/quote_drift.rs")),
        ];
        assert_eq!(sources.len(), CheckKind::ALL.len());
        for (check, src) in sources {
            let mut filled = common.clone();
            filled.extend(set_calls(src));
            let listed: BTreeSet<String> =
                check.placeholders().iter().map(|p| p.to_string()).collect();
            assert_eq!(filled, listed, "{}", check.as_str());
        }
    }
}

//! Loading rule packs: the embedded defaults, then `--rules DIR` packs in
//! order.
//!
//! A rule whose id is already loaded is an override. An override that names
//! a `check` is a whole new definition and replaces the rule; one without a
//! `check` patches the fields it sets (so `{id: x, enabled: false}` turns
//! `x` off and `{id: x, severity: error}` raises it). Two rules with one id
//! in the same pack are an error.
//!
//! Every mistake in a pack file is reported as one line naming the file, the
//! line, the column and the rule: serde's own messages are kept and given the
//! rule's id, and checks made after parsing (missing fields, parameters,
//! placeholders, duplicates) point at the rule's `id:`. Positions come from
//! the parsers, never from reading their messages: yaml_serde's error
//! location, and `outline`'s span-keeping read of where each rule is.

use std::collections::HashMap;
use std::path::PathBuf;

use super::Severity;
use super::schema::{Check, RuleDef};
use crate::error::{Error, Result};
use crate::vocabulary::lexicon::{Lexicon, LexiconDef};
use crate::vocabulary::reference::{Reference, ReferenceDef};

mod outline;
mod overlay;
mod source;
mod validate;

use overlay::overlay;
use source::{default_sources, dir_sources, parse, rule_error};
pub use source::{pack_files, pack_name};
use validate::complete;
pub use validate::placeholders;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_rules.rs"));
}

pub use embedded::{DEFAULT_FIXTURES, DEFAULT_PACK};

/// Where one definition of a rule is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOrigin {
    /// One of the default packs built into factlint.
    pub builtin: bool,
    pub pack: String,
    pub file: PathBuf,
    pub line: usize,
}

/// A rule ready to run.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    /// The check and its parameters, read from `check:` and `params:`.
    pub check: Check,
    pub severity: Severity,
    pub description: String,
    pub message: String,
    pub enabled: bool,
    pub pack: String,
    /// Where the rule (or its last override) is written.
    pub file: PathBuf,
    pub line: usize,
    /// Every definition, first the original, then the overrides in load
    /// order.
    pub origins: Vec<RuleOrigin>,
    pub def: RuleDef,
}

/// Everything packs provide: rules, lexicon and reference data.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub lexicon: Lexicon,
    pub reference: Reference,
    pub lexicon_def: LexiconDef,
    pub reference_def: ReferenceDef,
}

impl RuleSet {
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub defaults: bool,
    pub dirs: Vec<PathBuf>,
    /// Rule ids to turn off (from `factlint.yaml`).
    pub disable: Vec<String>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            defaults: true,
            dirs: Vec::new(),
            disable: Vec::new(),
        }
    }
}

pub fn load(opts: &LoadOptions) -> Result<RuleSet> {
    let mut sources = Vec::new();
    if opts.defaults {
        sources.push(default_sources());
    }
    for dir in &opts.dirs {
        sources.push(dir_sources(dir)?);
    }
    let mut rules: Vec<Rule> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut lexicon_def = LexiconDef::default();
    let mut reference_def = ReferenceDef::default();
    for pack in sources {
        let mut seen_in_pack: HashMap<String, (PathBuf, usize)> = HashMap::new();
        for src in &pack {
            let parsed = parse(src)?;
            lexicon_def.merge(parsed.file.lexicon);
            reference_def.merge(parsed.file.reference);
            for (def, at) in parsed.file.rules.into_iter().zip(parsed.at) {
                if def.id.trim().is_empty() {
                    return Err(rule_error(src, at, &def.id, "rule id is empty"));
                }
                if let Some((file, line)) =
                    seen_in_pack.insert(def.id.clone(), (src.path.clone(), at.line))
                {
                    return Err(rule_error(
                        src,
                        at,
                        &def.id,
                        format!(
                            "duplicate rule id in pack `{}` (first defined at {}:{line})",
                            src.pack,
                            file.display()
                        ),
                    ));
                }
                let origin = RuleOrigin {
                    builtin: src.builtin,
                    pack: src.pack.clone(),
                    file: src.path.clone(),
                    line: at.line,
                };
                match index.get(&def.id) {
                    Some(&i) => {
                        let merged = if def.check.is_some() {
                            def
                        } else {
                            overlay(&rules[i].def, def)
                        };
                        let mut origins = rules[i].origins.clone();
                        origins.push(origin);
                        rules[i] = complete(src, at, merged, false, origins)?;
                    }
                    None => {
                        index.insert(def.id.clone(), rules.len());
                        rules.push(complete(src, at, def, true, vec![origin])?);
                    }
                }
            }
        }
    }
    for id in &opts.disable {
        match index.get(id) {
            Some(&i) => rules[i].enabled = false,
            None => return Err(Error::UnknownRule { id: id.clone() }),
        }
    }
    let lexicon = Lexicon::compile(&lexicon_def);
    let reference = Reference::compile(&reference_def);
    Ok(RuleSet {
        rules,
        lexicon,
        reference,
        lexicon_def,
        reference_def,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load_and_every_rule_is_complete() {
        let set = load(&LoadOptions::default()).unwrap();
        assert!(set.rules.len() >= 10, "{}", set.rules.len());
        assert!(set.rules.iter().all(|r| !r.description.is_empty()));
        assert!(!set.lexicon.counted.is_empty());
        for r in &set.rules {
            let text = DEFAULT_PACK
                .iter()
                .find(|(rel, _)| PathBuf::from("rules").join(rel) == r.file)
                .map(|(_, t)| *t)
                .unwrap();
            let line = text.lines().nth(r.line - 1).unwrap();
            assert!(line.contains(&format!("id: {}", r.id)), "{}: {line}", r.id);
        }
    }

    /// Loads the defaults and one pack file written with `yaml`.
    pub(super) fn load_text(yaml: &str) -> Result<RuleSet> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pack.yaml"), yaml).unwrap();
        load(&LoadOptions {
            defaults: true,
            dirs: vec![dir.path().to_path_buf()],
            disable: vec![],
        })
    }

    #[test]
    fn malformed_rules_name_file_line_column_and_rule() {
        let full = "description: d\n    severity: info\n    message: m";
        let cases = [
            // unknown check
            (
                "rules:\n  - id: x\n    check: nonsense\n".to_string(),
                ":3:12: x: check: unknown variant `nonsense`",
            ),
            // unknown field
            (
                "rules:\n  - id: x\n    colour: red\n".to_string(),
                ":3:5: x: unknown field `colour`",
            ),
            // missing field
            (
                "rules:\n  - id: x\n    description: d\n    severity: info\n    check: agree\n"
                    .to_string(),
                ":2:5: x: missing field `message`",
            ),
            // YAML syntax error
            ("rules: [\n".to_string(), ":2:1: "),
            (
                "rules:\n  - id: x\n    description: [\n".to_string(),
                ":3:18: x: description: invalid type: sequence",
            ),
            (
                "rules:\n  - id: x\n    description: \"open\n  - id: y\n".to_string(),
                ":5:1: x: ",
            ),
            // a parameter the check does not take
            (
                format!(
                    "rules:\n  - id: x\n    {full}\n    check: agree\n    params: {{relation: precedent-gap}}\n"
                ),
                ":2:5: x: check `agree` takes no parameter `relation`",
            ),
            // a parameter the check needs: `exclusive` without its second side
            (
                format!(
                    "rules:\n  - id: x\n    {full}\n    check: exclusive\n    params: {{a: {{kind: first}}}}\n"
                ),
                ":2:5: x: check `exclusive` needs parameter `b`",
            ),
            // duplicate id: points at the second
            (
                "rules:\n  - {id: y, description: d, severity: info, check: calendar, message: m}\n  - {id: y, description: d, severity: info, check: calendar, message: m}\n".to_string(),
                ":3:6: y: duplicate rule id",
            ),
            // wrong types
            (
                "rules:\n  - id: x\n    severity: 3\n".to_string(),
                ":3:15: x: severity: unknown variant `3`",
            ),
            (
                "rules:\n  - id: x\n    params: {tolerance: high}\n".to_string(),
                ":3:25: x: params.tolerance: invalid type: string \"high\", expected f64",
            ),
            (
                "rules:\n  - id: x\n    enabled: maybe\n".to_string(),
                ":3:14: x: enabled: invalid type: string \"maybe\", expected a boolean",
            ),
            // inside OneOrMany and Condition: the inner error, at the inner value
            (
                "rules:\n  - id: x\n    select: {kind: [count, bogus]}\n".to_string(),
                ":3:28: x: select.kind[1]: unknown variant `bogus`",
            ),
            (
                "rules:\n  - id: x\n    select: {kind: bogus}\n".to_string(),
                ":3:20: x: select.kind: unknown variant `bogus`",
            ),
            (
                "rules:\n  - id: x\n    params:\n      a: {kind: first, wher: {debut: true}}\n"
                    .to_string(),
                ":4:24: x: params.a: unknown field `wher`",
            ),
            (
                "rules:\n  - id: x\n    select:\n      where: {min: {gtt: 0}}\n".to_string(),
                ":4:21: x: select.where.min: unknown field `gtt`",
            ),
            (
                "rules:\n  - id: x\n    select:\n      where: {min: {gt: many}}\n".to_string(),
                ":4:25: x: select.where.min.gt: invalid type: string \"many\", expected f64",
            ),
            // bad regex
            (
                "rules:\n  - id: x\n    select: {text: '(up to'}\n".to_string(),
                ":3:20: x: select.text: invalid regex `(up to`: unclosed group",
            ),
            // placeholder the check does not fill
            (
                "rules:\n  - id: x\n    description: d\n    severity: info\n    check: agree\n    message: \"{valeus}\"\n"
                    .to_string(),
                ":2:5: x: unknown placeholder `{valeus}`",
            ),
            // not a mapping at all
            (
                "- id: x\n".to_string(),
                ":1:1: invalid type: sequence, expected struct PackFile (a pack file is a mapping",
            ),
            // a typo in the organisations lexicon
            (
                "lexicon:\n  organisations:\n    known:\n      - {id: x, nmaes: [X]}\n".to_string(),
                ":4:17: lexicon.organisations.known[0]: unknown field `nmaes`",
            ),
            // an item of `rules:` that is not a rule: named by its place
            (
                "rules:\n  - {id: a, description: d, severity: info, check: calendar, message: m}\n  - just-a-string\n".to_string(),
                ":3:5: rules[1]: invalid type: string \"just-a-string\", expected struct RuleDef",
            ),
            // columns count characters, not bytes
            (
                "rules:\n  - {description: 'éé', id: x, check: nonsense}\n".to_string(),
                ":2:39: x: check: unknown variant `nonsense`",
            ),
            (
                "rules:\n  - {description: 'éé', id: x, severity: info, check: agree}\n".to_string(),
                ":2:25: x: missing field `message`",
            ),
            // an override of a rule that does not exist
            (
                "rules:\n  - id: no-such-rule\n    enabled: false\n".to_string(),
                ":2:5: no-such-rule: no loaded rule has this id",
            ),
        ];
        for (yaml, want) in cases {
            let msg = load_text(&yaml).unwrap_err().to_string();
            assert!(
                msg.contains(&format!("pack.yaml{want}")),
                "{yaml:?}\n gave {msg}\n want pack.yaml{want}"
            );
            assert_eq!(msg.lines().count(), 1, "{msg}");
        }
    }

    #[test]
    fn a_text_selector_compiles_once_and_matches_the_fact_words() {
        let set = load_text(
            "rules:\n  - id: ceiling\n    description: d\n    severity: info\n    check: single-source\n    select: {kind: count, text: '(?i)^up to'}\n    message: m\n",
        )
        .unwrap();
        let text = set
            .rule("ceiling")
            .unwrap()
            .def
            .select
            .text
            .as_ref()
            .unwrap();
        assert!(text.is_match("Up to 300 lanterns"));
        assert!(!text.is_match("300 lanterns, up to"));
    }
}

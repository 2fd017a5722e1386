//! Loading rule packs: the embedded defaults, then `--rules DIR` packs in
//! order. A rule whose id already exists overrides the fields it sets (so
//! `{id: x, enabled: false}` turns `x` off); two rules with one id in the
//! same pack are an error.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::Severity;
use super::lexicon::{Lexicon, LexiconDef};
use super::reference::{Reference, ReferenceDef};
use super::schema::{CheckKind, PackFile, RuleDef};
use crate::error::{Error, Result};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_rules.rs"));
}

pub use embedded::DEFAULT_PACK;

/// A rule ready to run.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub check: CheckKind,
    pub severity: Severity,
    pub description: String,
    pub message: String,
    pub enabled: bool,
    pub pack: String,
    /// Where the rule (or its last override) is written.
    pub file: PathBuf,
    pub line: usize,
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

/// One file to load: display path, pack name, text.
struct PackSource {
    path: PathBuf,
    pack: String,
    text: String,
}

fn default_sources() -> Vec<PackSource> {
    DEFAULT_PACK
        .iter()
        .map(|(rel, text)| PackSource {
            path: PathBuf::from("rules").join(rel),
            pack: rel.split('/').next().unwrap_or("core").to_string(),
            text: (*text).to_string(),
        })
        .collect()
}

/// `*.yaml` under `dir`, sorted, skipping rule fixtures (`tests/`).
pub fn pack_files(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Err(Error::NotFound {
            path: dir.to_path_buf(),
        });
    }
    let mut out = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(|e| !(e.file_type().is_some_and(|t| t.is_dir()) && e.file_name() == "tests"))
        .build();
    for entry in walker {
        let entry = entry.map_err(|e| Error::Usage(format!("{}: {e}", dir.display())))?;
        let p = entry.path();
        if p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(p.to_path_buf());
        }
    }
    Ok(out)
}

fn dir_sources(dir: &Path) -> Result<Vec<PackSource>> {
    let pack = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dir.display().to_string());
    pack_files(dir)?
        .into_iter()
        .map(|path| {
            Ok(PackSource {
                text: crate::corpus::read_utf8(&path)?,
                path,
                pack: pack.clone(),
            })
        })
        .collect()
}

/// Line and column of a rule's `id:` in its file, for messages.
fn locate_rule(text: &str, id: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start().trim_start_matches('-').trim_start();
        if let Some(rest) = trimmed.strip_prefix("id:") {
            let value = rest.trim().trim_matches(|c| c == '"' || c == '\'');
            if value == id {
                let column = line.find("id:").map_or(1, |c| c + 1);
                return (i + 1, column);
            }
        }
    }
    (1, 1)
}

fn rule_error(src: &PackSource, id: &str, message: impl Into<String>) -> Error {
    let (line, column) = locate_rule(&src.text, id);
    Error::Rule {
        path: src.path.clone(),
        line,
        column,
        rule: id.to_string(),
        message: message.into(),
    }
}

/// Parameters each check accepts; anything else is a mistake in the rule.
fn check_params(src: &PackSource, def: &RuleDef, check: CheckKind) -> Result<()> {
    let p = &def.params;
    let given: [(&str, bool); 7] = [
        ("tolerance", p.tolerance.is_some()),
        ("join", p.join.is_some()),
        ("a", p.a.is_some()),
        ("b", p.b.is_some()),
        ("relation", p.relation.is_some()),
        ("pack", p.pack.is_some()),
        ("min_similarity", p.min_similarity.is_some()),
    ];
    let allowed: &[&str] = match check {
        CheckKind::Agree => &["tolerance"],
        CheckKind::Exclusive => &["join", "a", "b"],
        CheckKind::Arithmetic => &["relation"],
        CheckKind::Reference => &["pack"],
        CheckKind::QuoteDrift => &["min_similarity"],
        CheckKind::Calendar | CheckKind::SingleSource => &[],
    };
    for (name, set) in given {
        if set && !allowed.contains(&name) {
            return Err(rule_error(
                src,
                &def.id,
                format!("check `{}` takes no parameter `{name}`", check.as_str()),
            ));
        }
    }
    let required: &[(&str, bool)] = match check {
        CheckKind::Exclusive => &[("a", p.a.is_some()), ("b", p.b.is_some())],
        CheckKind::Arithmetic => &[("relation", p.relation.is_some())],
        _ => &[],
    };
    for (name, set) in required {
        if !set {
            return Err(rule_error(
                src,
                &def.id,
                format!("check `{}` needs parameter `{name}`", check.as_str()),
            ));
        }
    }
    if let Some(t) = p.tolerance.or(p.min_similarity) {
        if !(0.0..=1.0).contains(&t) {
            return Err(rule_error(
                src,
                &def.id,
                "tolerance and min_similarity are fractions between 0 and 1",
            ));
        }
    }
    Ok(())
}

fn complete(src: &PackSource, def: RuleDef) -> Result<Rule> {
    let missing = |field: &str| {
        rule_error(
            src,
            &def.id,
            format!(
                "missing field `{field}` (a new rule needs id, description, severity, check and message)"
            ),
        )
    };
    let check = def.check.ok_or_else(|| missing("check"))?;
    let severity = def.severity.ok_or_else(|| missing("severity"))?;
    let description = def
        .description
        .clone()
        .ok_or_else(|| missing("description"))?;
    let message = def.message.clone().ok_or_else(|| missing("message"))?;
    check_params(src, &def, check)?;
    let (line, _) = locate_rule(&src.text, &def.id);
    Ok(Rule {
        id: def.id.clone(),
        check,
        severity,
        description,
        message,
        enabled: def.enabled.unwrap_or(true),
        pack: src.pack.clone(),
        file: src.path.clone(),
        line,
        def,
    })
}

/// Overlays the fields `over` sets onto `base`.
fn overlay(base: &RuleDef, over: RuleDef) -> RuleDef {
    let empty = RuleDef::default();
    RuleDef {
        id: over.id,
        description: over.description.or_else(|| base.description.clone()),
        rationale: over.rationale.or_else(|| base.rationale.clone()),
        severity: over.severity.or(base.severity),
        check: over.check.or(base.check),
        select: if over.select == empty.select {
            base.select.clone()
        } else {
            over.select
        },
        params: if over.params == empty.params {
            base.params.clone()
        } else {
            over.params
        },
        message: over.message.or_else(|| base.message.clone()),
        enabled: over.enabled.or(base.enabled),
        example: over.example.or_else(|| base.example.clone()),
        tags: if over.tags.is_empty() {
            base.tags.clone()
        } else {
            over.tags
        },
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
        let mut seen_in_pack: HashMap<String, PathBuf> = HashMap::new();
        for src in &pack {
            let file: PackFile =
                serde_yaml::from_str(&src.text).map_err(|e| Error::yaml(&src.path, &e))?;
            lexicon_def.merge(file.lexicon);
            reference_def.merge(file.reference);
            for def in file.rules {
                if def.id.trim().is_empty() {
                    return Err(rule_error(src, &def.id, "rule id is empty"));
                }
                if let Some(first) = seen_in_pack.insert(def.id.clone(), src.path.clone()) {
                    return Err(rule_error(
                        src,
                        &def.id,
                        format!("duplicate rule id (also defined in {})", first.display()),
                    ));
                }
                match index.get(&def.id) {
                    Some(&i) => {
                        let merged = overlay(&rules[i].def, def);
                        rules[i] = complete(src, merged)?;
                    }
                    None => {
                        index.insert(def.id.clone(), rules.len());
                        rules.push(complete(src, def)?);
                    }
                }
            }
        }
    }
    for id in &opts.disable {
        match index.get(id) {
            Some(&i) => rules[i].enabled = false,
            None => return Err(Error::Usage(format!("cannot disable unknown rule `{id}`"))),
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
    }

    fn load_text(yaml: &str) -> Result<RuleSet> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pack.yaml"), yaml).unwrap();
        load(&LoadOptions {
            defaults: true,
            dirs: vec![dir.path().to_path_buf()],
            disable: vec![],
        })
    }

    #[test]
    fn malformed_rules_name_file_line_and_column() {
        let cases = [
            ("rules:\n  - id: x\n    check: nonsense\n", ":3:"),
            ("rules:\n  - id: x\n    colour: red\n", ":3:"),
            (
                "rules:\n  - id: x\n    description: d\n    severity: info\n    check: agree\n",
                ":2:",
            ),
            ("rules: [\n", ":2:"),
            (
                "rules:\n  - id: x\n    description: d\n    severity: info\n    check: agree\n    message: m\n    params: {relation: precedent-gap}\n",
                ":2:",
            ),
            (
                "rules:\n  - {id: y, description: d, severity: info, check: calendar, message: m}\n  - {id: y, description: d, severity: info, check: calendar, message: m}\n",
                ":2:",
            ),
        ];
        for (yaml, loc) in cases {
            let msg = load_text(yaml).unwrap_err().to_string();
            assert!(
                msg.contains(&format!("pack.yaml{loc}")),
                "{yaml:?} gave {msg}"
            );
        }
    }

    #[test]
    fn an_override_of_only_enabled_turns_a_rule_off() {
        let set = load_text("rules:\n  - id: single-source\n    enabled: false\n").unwrap();
        let rule = set.rules.iter().find(|r| r.id == "single-source").unwrap();
        assert!(!rule.enabled);
        assert_eq!(rule.check, CheckKind::SingleSource);
    }
}

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
//! placeholders, duplicates) point at the rule's `id:`.

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
    pub check: CheckKind,
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

/// One file to load: display path, pack name, text.
struct PackSource {
    builtin: bool,
    path: PathBuf,
    pack: String,
    text: String,
}

fn default_sources() -> Vec<PackSource> {
    DEFAULT_PACK
        .iter()
        .map(|(rel, text)| PackSource {
            builtin: true,
            path: PathBuf::from("rules").join(rel),
            pack: rel.split('/').next().unwrap_or("core").to_string(),
            text: (*text).to_string(),
        })
        .collect()
}

/// `*.yaml` under `dir`, sorted, skipping rule fixtures (`tests/`).
pub fn pack_files(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{}: not a directory (--rules takes a pack directory)",
            dir.display()
        )));
    }
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
        // Not only regular files: a FIFO or a dangling link named
        // `*.yaml` is refused by name when read, not skipped unseen.
        let dir_entry = entry.file_type().is_some_and(|t| t.is_dir());
        if !dir_entry && p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(p.to_path_buf());
        }
    }
    Ok(out)
}

/// The name of the pack in `dir`: its directory name.
pub fn pack_name(dir: &Path) -> String {
    dir.canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dir.display().to_string())
}

fn dir_sources(dir: &Path) -> Result<Vec<PackSource>> {
    let pack = pack_name(dir);
    pack_files(dir)?
        .into_iter()
        .map(|path| {
            Ok(PackSource {
                builtin: false,
                text: crate::corpus::read_settings(&path, "rule pack files")?,
                path,
                pack: pack.clone(),
            })
        })
        .collect()
}

/// Where a rule sits in its file: the line and column of its `id:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct At {
    line: usize,
    column: usize,
}

fn rule_error(src: &PackSource, at: At, id: &str, message: impl Into<String>) -> Error {
    Error::Rule {
        path: src.path.clone(),
        line: at.line,
        column: at.column,
        rule: id.to_string(),
        message: message.into(),
    }
}

/// A parsed pack file and the position of each of its rules.
struct Parsed {
    file: PackFile,
    at: Vec<At>,
}

fn parse(src: &PackSource) -> Result<Parsed> {
    crate::error::yaml_nesting(&src.path, &src.text)?;
    let file: PackFile = serde_yaml::from_str(&src.text).map_err(|e| parse_error(src, &e))?;
    let at = locate::rules(&src.text, &file.rules);
    Ok(Parsed { file, at })
}

/// Gives a parser error the rule it is in. serde reports the path of the
/// value it rejected (`rules[2].severity: unknown variant …`); the id of
/// rule 2 comes from a second, untyped parse. A YAML syntax error has no
/// path: it belongs to the last rule written above it.
fn parse_error(src: &PackSource, e: &serde_yaml::Error) -> Error {
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    let at = At { line, column };
    let mut message = without_location(&e.to_string(), line, column);
    if message.ends_with("expected struct PackFile") {
        message.push_str(" (a pack file is a mapping with `rules:`, `lexicon:` or `reference:`)");
    }
    if let Some((n, rest)) = split_rule_path(&message) {
        let id = rule_id_at(&src.text, n).unwrap_or_else(|| format!("rules[{n}]"));
        return rule_error(src, at, &id, rest);
    }
    match locate::rule_above(&src.text, at.line) {
        Some(id) => rule_error(src, at, &id, message),
        None => Error::Yaml {
            path: src.path.clone(),
            line,
            column,
            message,
        },
    }
}

/// The parser's message without the location we print in front of it. Only
/// that one location goes: a syntax error's context ("while scanning a
/// quoted scalar at line 3 column 18") says where the trouble began.
fn without_location(message: &str, line: usize, column: usize) -> String {
    let tail = format!(" at line {line} column {column}");
    match message.find(&tail) {
        Some(i) => format!("{}{}", &message[..i], &message[i + tail.len()..]),
        None => message.to_string(),
    }
}

/// `rules[2].severity: unknown variant …` → (2, "severity: unknown variant …");
/// `rules[2]: missing field …` → (2, "missing field …").
fn split_rule_path(message: &str) -> Option<(usize, String)> {
    let rest = message.strip_prefix("rules[")?;
    let close = rest.find(']')?;
    let n: usize = rest[..close].parse().ok()?;
    let tail = &rest[close + 1..];
    let tail = tail.strip_prefix(": ").or_else(|| tail.strip_prefix('.'))?;
    Some((n, tail.to_string()))
}

/// The id of `rules[n]`: from an untyped parse, or, when the file does
/// not parse at all, from the scan.
fn rule_id_at(text: &str, n: usize) -> Option<String> {
    match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(value) => Some(value.get("rules")?.get(n)?.get("id")?.as_str()?.to_string()),
        Err(_) => locate::nth_id(text, n),
    }
}

/// Parameters each check accepts and needs; anything else is a mistake in
/// the rule.
fn check_params(src: &PackSource, at: At, def: &RuleDef, check: CheckKind) -> Result<()> {
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
    let allowed = check.params();
    for (name, set) in given {
        if set && !allowed.contains(&name) {
            let takes = if allowed.is_empty() {
                "no parameters".to_string()
            } else {
                allowed.join(", ")
            };
            return Err(rule_error(
                src,
                at,
                &def.id,
                format!(
                    "check `{}` takes no parameter `{name}` (it takes {takes})",
                    check.as_str()
                ),
            ));
        }
    }
    for name in check.required_params() {
        if !given.iter().any(|(n, set)| n == name && *set) {
            return Err(rule_error(
                src,
                at,
                &def.id,
                format!("check `{}` needs parameter `{name}`", check.as_str()),
            ));
        }
    }
    for (name, value) in [
        ("tolerance", p.tolerance),
        ("min_similarity", p.min_similarity),
    ] {
        if value.is_some_and(|t| !(0.0..=1.0).contains(&t)) {
            return Err(rule_error(
                src,
                at,
                &def.id,
                format!("`{name}` is a fraction between 0 and 1"),
            ));
        }
    }
    Ok(())
}

/// `{name}` placeholders of a message template.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if close > 0
                    && after[..close]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// A placeholder the check does not fill would reach the reader as
/// `{typo}`; catch it when the pack loads.
fn check_message(
    src: &PackSource,
    at: At,
    id: &str,
    message: &str,
    check: CheckKind,
) -> Result<()> {
    let known = check.placeholders();
    for name in placeholders(message) {
        if !known.contains(&name) {
            let list: Vec<String> = known.iter().map(|k| format!("{{{k}}}")).collect();
            return Err(rule_error(
                src,
                at,
                id,
                format!(
                    "unknown placeholder `{{{name}}}` in message (check `{}` fills {})",
                    check.as_str(),
                    list.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

fn complete(
    src: &PackSource,
    at: At,
    def: RuleDef,
    is_new: bool,
    origins: Vec<RuleOrigin>,
) -> Result<Rule> {
    let missing = |field: &str| {
        let why = if is_new {
            "a new rule needs id, description, severity, check and message"
        } else {
            "a rule that sets `check` replaces the rule it overrides and must be complete"
        };
        rule_error(src, at, &def.id, format!("missing field `{field}` ({why})"))
    };
    if is_new && def.check.is_none() {
        // Most likely an override (`enabled: false`) of a rule that is not
        // loaded: a typo in the id, or --no-default-rules.
        return Err(rule_error(
            src,
            at,
            &def.id,
            "no loaded rule has this id, so this is a new rule, and a new rule needs description, severity, check and message",
        ));
    }
    let check = def.check.ok_or_else(|| missing("check"))?;
    let severity = def.severity.ok_or_else(|| missing("severity"))?;
    let description = def
        .description
        .clone()
        .ok_or_else(|| missing("description"))?;
    let message = def.message.clone().ok_or_else(|| missing("message"))?;
    check_params(src, at, &def, check)?;
    check_message(src, at, &def.id, &message, check)?;
    Ok(Rule {
        id: def.id.clone(),
        check,
        severity,
        description,
        message,
        enabled: def.enabled.unwrap_or(true),
        pack: src.pack.clone(),
        file: src.path.clone(),
        line: at.line,
        origins,
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

/// Finding rules in the text of their file. serde does not say where a
/// value it accepted was written, so positions come from a scan of the
/// `rules:` section for `id:` keys; when the scan does not line up with
/// what serde parsed (unusual formatting), a probe parse finds the rule.
mod locate {
    use serde::de::{
        self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
    };

    use super::At;
    use crate::rules::schema::RuleDef;

    /// One `id:` key in the `rules:` section.
    struct IdKey {
        id: String,
        at: At,
    }

    fn indent_of(line: &str) -> usize {
        line.len() - line.trim_start_matches(' ').len()
    }

    fn unquote(v: &str) -> &str {
        let v = v.trim();
        v.strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .or_else(|| v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')))
            .unwrap_or(v)
    }

    /// Just enough YAML to find keys: quoted scalars (which may span
    /// lines), comments, and the places where a key or a scalar may start.
    #[derive(Default)]
    struct Scanner {
        quote: Option<u8>,
    }

    impl Scanner {
        /// Records the `id:` keys of one line from byte `from` on, and
        /// returns where its content ends (before a comment).
        fn line(&mut self, line: &str, from: usize, number: usize, out: &mut Vec<IdKey>) -> usize {
            let bytes = line.as_bytes();
            let at = |i: usize| bytes.get(i).copied();
            let blank_or_end = |i: usize| at(i).is_none_or(|c| c == b' ' || c == b'\t');
            // After a top-level `rules:` only a flow collection holds keys.
            let mut key_start = from == 0;
            let mut scalar_start = true;
            let mut i = from;
            while i < bytes.len() {
                let c = bytes[i];
                match self.quote {
                    Some(b'"') => {
                        match c {
                            b'\\' => i += 1,
                            b'"' => self.quote = None,
                            _ => {}
                        }
                        i += 1;
                        continue;
                    }
                    Some(q) => {
                        if c == q {
                            if at(i + 1) == Some(q) {
                                i += 1; // '' inside single quotes
                            } else {
                                self.quote = None;
                            }
                        }
                        i += 1;
                        continue;
                    }
                    None => {}
                }
                match c {
                    b'#' if i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t' => return i,
                    b' ' | b'\t' => {}
                    b'-' if key_start && blank_or_end(i + 1) => {}
                    b'{' | b'[' | b',' => {
                        key_start = true;
                        scalar_start = true;
                    }
                    b':' if blank_or_end(i + 1) => {
                        key_start = false;
                        scalar_start = true;
                    }
                    b'"' | b'\'' if scalar_start => {
                        self.quote = Some(c);
                        key_start = false;
                        scalar_start = false;
                    }
                    _ => {
                        if key_start && line[i..].starts_with("id") {
                            let after = line[i + 2..].trim_start_matches(' ');
                            if let Some(value) = after.strip_prefix(':') {
                                if value.is_empty() || value.starts_with(' ') {
                                    let end =
                                        value.find([',', '}', ']', '#']).unwrap_or(value.len());
                                    out.push(IdKey {
                                        id: unquote(&value[..end]).to_string(),
                                        at: At {
                                            line: number,
                                            column: line[..i].chars().count() + 1,
                                        },
                                    });
                                }
                            }
                        }
                        key_start = false;
                        scalar_start = false;
                    }
                }
                i += 1;
            }
            bytes.len()
        }
    }

    fn id_keys(text: &str) -> Vec<IdKey> {
        let mut out = Vec::new();
        let mut scanner = Scanner::default();
        let mut in_rules = false;
        // Lines of a block scalar (`rationale: >`) are text, not keys.
        let mut block_scalar_of: Option<usize> = None;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let indent = indent_of(line);
            if scanner.quote.is_none() {
                if let Some(key_indent) = block_scalar_of {
                    if indent > key_indent {
                        continue;
                    }
                    block_scalar_of = None;
                }
            }
            let from = if scanner.quote.is_none()
                && indent == 0
                && !line.starts_with(['-', '#', '{', '['])
            {
                // A top-level key opens or closes the rules section.
                let Some((key, _)) = line.split_once(':') else {
                    continue;
                };
                in_rules = unquote(key) == "rules";
                key.len() + 1
            } else {
                0
            };
            if !in_rules {
                continue;
            }
            let end = scanner.line(line, from, n + 1, &mut out);
            let content = line[from..end.max(from)].trim_end();
            let opens_block = scanner.quote.is_none()
                && content
                    .rsplit_once(": ")
                    .map(|(_, v)| v)
                    .or_else(|| content.trim_start().strip_prefix("- "))
                    .is_some_and(|v| {
                        let v = v.trim_start();
                        (v.starts_with('>') || v.starts_with('|'))
                            && v[1..].chars().all(|c| matches!(c, '-' | '+' | '0'..='9'))
                    });
            if opens_block {
                block_scalar_of = Some(indent);
            }
        }
        out
    }

    /// The position of each parsed rule's `id:`.
    pub(super) fn rules(text: &str, defs: &[RuleDef]) -> Vec<At> {
        let keys = id_keys(text);
        let lined_up = keys.len() == defs.len() && keys.iter().zip(defs).all(|(k, d)| k.id == d.id);
        if lined_up {
            return keys.iter().map(|k| k.at).collect();
        }
        (0..defs.len())
            .map(|i| {
                probe(text, i).unwrap_or_else(|| {
                    // The n-th rule with this id is the n-th `id:` with it.
                    let nth = defs[..i].iter().filter(|d| d.id == defs[i].id).count();
                    keys.iter()
                        .filter(|k| k.id == defs[i].id)
                        .nth(nth)
                        .map_or(At { line: 1, column: 1 }, |k| k.at)
                })
            })
            .collect()
    }

    pub(super) fn nth_id(text: &str, n: usize) -> Option<String> {
        id_keys(text).into_iter().nth(n).map(|k| k.id)
    }

    /// The id of the last rule written at or above `line`, for syntax
    /// errors.
    pub(super) fn rule_above(text: &str, line: usize) -> Option<String> {
        id_keys(text)
            .into_iter()
            .take_while(|k| k.at.line <= line)
            .last()
            .map(|k| k.id)
    }

    const PROBE: &str = "factlint-probe";

    /// Where `rules[target].id` is written, by rejecting that one value on
    /// purpose: the YAML parser attaches the position of the value a
    /// deserializer rejects.
    fn probe(text: &str, target: usize) -> Option<At> {
        let de = serde_yaml::Deserializer::from_str(text);
        let err = File(target).deserialize(de).err()?;
        if !err.to_string().contains(PROBE) {
            return None;
        }
        let loc = err.location()?;
        Some(At {
            line: loc.line(),
            column: loc.column(),
        })
    }

    struct File(usize);
    struct Rules(usize);
    struct Entry;
    struct Reject;

    impl<'de> DeserializeSeed<'de> for File {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for File {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a pack file")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if key == "rules" {
                    map.next_value_seed(Rules(self.0))?;
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(())
        }
    }

    impl<'de> DeserializeSeed<'de> for Rules {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_seq(self)
        }
    }

    impl<'de> Visitor<'de> for Rules {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of rules")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let mut i = 0;
            loop {
                let more = if i == self.0 {
                    seq.next_element_seed(Entry)?.is_some()
                } else {
                    seq.next_element::<IgnoredAny>()?.is_some()
                };
                if !more {
                    return Ok(());
                }
                i += 1;
            }
        }
    }

    impl<'de> DeserializeSeed<'de> for Entry {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for Entry {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a rule")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if key == "id" {
                    map.next_value_seed(Reject)?;
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(())
        }
    }

    impl<'de> DeserializeSeed<'de> for Reject {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_str(self)
        }
    }

    impl<'de> Visitor<'de> for Reject {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a rule id")
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
            Err(E::custom(PROBE))
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn def(id: &str) -> RuleDef {
            RuleDef {
                id: id.to_string(),
                ..RuleDef::default()
            }
        }

        #[test]
        fn finds_ids_in_block_and_flow_style() {
            let text = "# comment id: no\nrules:\n  - id: a\n    rationale: >\n      id: not a key\n  - {description: 'x, id: no', id: \"b\"}\n  -\n    id: c\nlexicon:\n  firsts:\n    - id: no\n";
            let at = rules(text, &[def("a"), def("b"), def("c")]);
            assert_eq!(
                at.iter().map(|a| (a.line, a.column)).collect::<Vec<_>>(),
                vec![(3, 5), (6, 32), (8, 5)]
            );
        }

        #[test]
        fn probe_finds_rules_the_scan_misses() {
            // One line, flow style, ids repeated: the scan still lines up,
            // and the probe agrees with it.
            let text = "rules: [{id: a}, {id: a}]\n";
            assert_eq!(
                probe(text, 1),
                Some(At {
                    line: 1,
                    column: 23
                })
            );
            let at = rules(text, &[def("a"), def("a")]);
            assert_eq!(
                at[1],
                At {
                    line: 1,
                    column: 19
                }
            );
        }
    }
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
    fn an_override_of_only_enabled_turns_a_rule_off() {
        let set = load_text("rules:\n  - id: single-source\n    enabled: false\n").unwrap();
        let rule = set.rule("single-source").unwrap();
        assert!(!rule.enabled);
        assert_eq!(rule.check, CheckKind::SingleSource);
        assert_eq!(rule.origins.len(), 2);
        assert_eq!(
            rule.origins[0].file,
            PathBuf::from("rules/core/single-source.yaml")
        );
    }

    #[test]
    fn an_override_with_a_check_replaces_the_rule() {
        let set = load_text(
            "rules:\n  - id: precedent-conflict\n    description: d\n    severity: error\n    check: agree\n    select: {kind: precedent}\n    message: m\n",
        )
        .unwrap();
        let rule = set.rule("precedent-conflict").unwrap();
        assert_eq!(rule.check, CheckKind::Agree);
        assert_eq!(rule.def.params, Default::default());
        assert!(rule.def.example.is_none());
        let patched =
            load_text("rules:\n  - id: count-consistency\n    severity: error\n").unwrap();
        let rule = patched.rule("count-consistency").unwrap();
        assert_eq!(rule.severity, Severity::Error);
        assert_eq!(rule.def.params.tolerance, Some(0.1));
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

    #[test]
    fn placeholders_are_read_from_braces() {
        assert_eq!(
            placeholders("{a_sources} say {key}{subject_of}: {values} {not a placeholder} {}"),
            vec!["a_sources", "key", "subject_of", "values"]
        );
    }
}

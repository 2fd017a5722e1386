//! Pack files: the embedded defaults and the `*.yaml` of a `--rules`
//! directory, read and parsed, with each rule's position.

use std::path::{Path, PathBuf};

use super::DEFAULT_PACK;
use super::outline::{At, Outline};
use crate::error::{Error, Result};
use crate::rules::schema::PackFile;

/// One file to load: display path, pack name, text.
pub(super) struct PackSource {
    pub builtin: bool,
    pub path: PathBuf,
    pub pack: String,
    pub text: String,
}

pub(super) fn default_sources() -> Vec<PackSource> {
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
        return Err(Error::NotAPack {
            path: dir.to_path_buf(),
        });
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
        let entry = entry.map_err(|e| Error::walk(dir, e))?;
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

pub(super) fn dir_sources(dir: &Path) -> Result<Vec<PackSource>> {
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

/// A parsed pack file and the position of each of its rules' `id:`.
pub(super) struct Parsed {
    pub file: PackFile,
    pub at: Vec<At>,
}

pub(super) fn parse(src: &PackSource) -> Result<Parsed> {
    crate::error::yaml_nesting(&src.path, &src.text)?;
    let file: PackFile = serde_yaml::from_str(&src.text)
        .map_err(|e| parse_error(src, &Outline::of(&src.text), &e))?;
    // Only rules need their positions: a file of vocabulary alone, most of
    // the built-in pack's text, is not read a second time.
    if file.rules.is_empty() {
        return Ok(Parsed {
            file,
            at: Vec::new(),
        });
    }
    let outline = Outline::of(&src.text);
    // The two parsers agree on which items `rules:` has; were they ever to
    // differ, a rule would point at the top of its file, not at another.
    let at = (0..file.rules.len())
        .map(|i| outline.rules.get(i).map_or(At::START, |r| r.at))
        .collect();
    Ok(Parsed { file, at })
}

/// Gives a parser error the rule it is in: the one whose item holds the
/// error's position. serde names the value it rejected by its path from the
/// top of the file (`rules[2].severity`); the rule's id stands in for the
/// first step. A syntax error belongs to the last rule that starts above it.
fn parse_error(src: &PackSource, outline: &Outline, e: &serde_yaml::Error) -> Error {
    let at = e.location().map_or(At::START, |l| At {
        line: l.line(),
        column: l.column(),
    });
    let mut message = without_location(&e.to_string(), at);
    if message.ends_with("expected struct PackFile") {
        message.push_str(" (a pack file is a mapping with `rules:`, `lexicon:` or `reference:`)");
    }
    let Some((n, rule)) = outline.rule_at(at) else {
        return Error::Yaml {
            path: src.path.clone(),
            line: at.line,
            column: at.column,
            message,
        };
    };
    let id = rule.id.clone().unwrap_or_else(|| format!("rules[{n}]"));
    let inside = [format!("rules[{n}]."), format!("rules[{n}]: ")]
        .iter()
        .find_map(|step| message.strip_prefix(step.as_str()))
        .unwrap_or(&message);
    rule_error(src, at, &id, inside)
}

/// The parser's message without the location we print in front of it. Only
/// that one location goes: a syntax error's context ("while scanning a
/// quoted scalar at line 3 column 18") says where the trouble began.
fn without_location(message: &str, at: At) -> String {
    let tail = format!(" at line {} column {}", at.line, at.column);
    match message.find(&tail) {
        Some(i) => format!("{}{}", &message[..i], &message[i + tail.len()..]),
        None => message.to_string(),
    }
}

/// A mistake in the rule `id` of this file, written at `at`.
pub(super) fn rule_error(src: &PackSource, at: At, id: &str, message: impl Into<String>) -> Error {
    Error::Rule {
        path: src.path.clone(),
        line: at.line,
        column: at.column,
        rule: id.to_string(),
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Skipping the second reading of a file without rules loses nothing:
    /// over every built-in pack file, the positions are those the outline
    /// of the whole file gives.
    #[test]
    fn files_without_rules_need_no_outline() {
        let (mut skipped, mut outlined) = (0, 0);
        for src in default_sources() {
            let parsed = parse(&src).unwrap();
            let outline = Outline::of(&src.text);
            let want: Vec<At> = (0..parsed.file.rules.len())
                .map(|i| outline.rules.get(i).map_or(At::START, |r| r.at))
                .collect();
            assert_eq!(parsed.at, want, "{}", src.path.display());
            if parsed.file.rules.is_empty() {
                skipped += 1;
            } else {
                outlined += 1;
            }
        }
        assert!(
            skipped > 0 && outlined > 0,
            "{skipped} skipped, {outlined} outlined"
        );
    }
}

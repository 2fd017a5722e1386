//! Errors that stop a run (exit code 2). Findings are not errors.

use std::path::{Path, PathBuf};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error("{path}: no such file or directory")]
    NotFound { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not valid UTF-8 (byte {offset})")]
    NotUtf8 { path: PathBuf, offset: usize },
    /// A FIFO, device or socket where a file was expected: reading it could
    /// block forever or never end.
    #[error("{path}: is {what}, not a regular file; not read")]
    NotAFile { path: PathBuf, what: String },
    #[error("{path}: larger than {limit_mb} MB, the limit for {what}; not read")]
    TooLarge {
        path: PathBuf,
        limit_mb: u64,
        what: &'static str,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Yaml {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A rule the pack states wrongly; a rule without an id is not named.
    #[error("{path}:{line}:{column}: {}{message}", rule_prefix(.rule))]
    Rule {
        path: PathBuf,
        line: usize,
        column: usize,
        rule: String,
        message: String,
    },
    /// `--disable` (or a configuration's `disable:`) names no loaded rule.
    #[error("cannot disable unknown rule `{id}` (see `factlint rules list`)")]
    UnknownRule { id: String },
    /// A file factlint will not write (one it reads, one inside a bundle,
    /// a read-only one).
    #[error("{path}: {reason}")]
    Output { path: PathBuf, reason: String },
    /// An output path naming a directory.
    #[error("{path}: is a directory")]
    IsADirectory { path: PathBuf },
    /// A file only ever created, never replaced (a new baseline, `init`).
    #[error("{path}: already exists; not overwriting it")]
    Exists { path: PathBuf },
    /// An output path with no file name to write under (`..`, `/`).
    #[error("{path}: not a file name")]
    NotAFileName { path: PathBuf },
    /// Walking a directory failed part-way (a link loop, a permission).
    #[error("{path}: {source}")]
    Walk {
        path: PathBuf,
        source: ignore::Error,
    },
    /// The configuration's ignore patterns do not build into a matcher.
    #[error("{path}: {source}")]
    Patterns {
        path: PathBuf,
        source: ignore::Error,
    },
    /// `--rules` given a file.
    #[error("{path}: not a directory (--rules takes a pack directory)")]
    NotAPack { path: PathBuf },
    /// A file under a pack's `tests/` that is not in a case directory.
    #[error("{path}: {why} (fixtures live in tests/<rule-id>/flag/ and tests/<rule-id>/pass/)")]
    MisplacedFixture { path: PathBuf, why: &'static str },
    /// `rules explain` (or another look-up) names no loaded rule; `near` are
    /// ids that look like it.
    #[error("unknown rule `{id}`{}", near_hint(.near))]
    NoSuchRule { id: String, near: Vec<String> },
    /// Nothing to check with: a run without rules would pass anything.
    #[error("no rules loaded (--no-default-rules without a --rules pack?)")]
    NoRules,
    /// Nothing to check: a typo or a wrong glob must not pass CI.
    #[error(
        "no sources found in {} (sources are .md and .txt files; README.md is skipped)",
        joined(.paths)
    )]
    NoSources { paths: Vec<PathBuf> },
    /// `-` among the paths, but the caller read no standard input.
    #[error("`-` given but no standard input was read")]
    StdinNotRead,
    /// Standard input joins one bundle, and the run does not say which.
    #[error(
        "`-` (standard input) joins one bundle: give one bundle, or a `story:` in its front matter naming one"
    )]
    StdinBundleUnclear,
    /// The bundle standard input joins has a source of the same id.
    #[error("bundle {bundle} already has a source called `{id}`")]
    StdinIdTaken { bundle: String, id: &'static str },
    /// Standard input is a terminal: waiting on it would look like a hang.
    #[error("{what}, but it is a terminal; pipe text in or give it as an argument")]
    TerminalStdin { what: &'static str },
    #[error(
        "{path}: baseline version {version} is not supported (this factlint reads version {supported}); regenerate it with --write-baseline"
    )]
    BaselineVersion {
        path: PathBuf,
        version: u64,
        supported: u32,
    },
    #[error("{path}: not a factlint baseline (no \"version\" field)")]
    NotABaseline { path: PathBuf },
    /// A facts file (`check --facts`) that cannot be read back: bad JSON,
    /// another format version, a fact without its source, a story in pieces.
    #[error("{path}:{line}: {message}")]
    FactsFile {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// `check --facts` given files that hold no source at all.
    #[error(
        "no sources in {} (facts files are written by `factlint facts PATH --format jsonl`)",
        joined(.paths)
    )]
    NoFacts { paths: Vec<PathBuf> },
}

fn near_hint(near: &[String]) -> String {
    if near.is_empty() {
        " (see `factlint rules list`)".to_string()
    } else {
        format!(" (did you mean {}?)", near.join(", "))
    }
}

fn joined(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// "id: " before a rule's message, nothing when the rule has no id.
fn rule_prefix(id: &str) -> String {
    if id.is_empty() {
        String::new()
    } else {
        format!("{id}: ")
    }
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound { path }
        } else {
            Error::Io { path, source }
        }
    }

    pub fn walk(path: &std::path::Path, source: ignore::Error) -> Self {
        Error::Walk {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A YAML error with the location the parser reported (1-based).
    pub fn yaml(path: impl Into<PathBuf>, err: &serde_yaml::Error) -> Self {
        let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
        Error::Yaml {
            path: path.into(),
            line,
            column,
            message: strip_location(&err.to_string()),
        }
    }
}

/// Refuses YAML whose flow collections nest deeper than
/// [`crate::text::MAX_YAML_NESTING`], at the bracket that goes too deep,
/// before the parser spends quadratic time on it.
pub fn yaml_nesting(path: &Path, text: &str) -> Result<()> {
    let Some(at) = crate::text::yaml_too_deep(text) else {
        return Ok(());
    };
    let line_start = text[..at].rfind('\n').map_or(0, |nl| nl + 1);
    Err(Error::Yaml {
        path: path.to_path_buf(),
        line: text[..at].matches('\n').count() + 1,
        column: text[line_start..at].chars().count() + 1,
        message: format!(
            "nested deeper than {} levels",
            crate::text::MAX_YAML_NESTING
        ),
    })
}

/// serde_yaml appends " at line X column Y" to its messages; we print the
/// location in front, as compilers do, so drop the tail.
fn strip_location(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

//! `factlint.yaml`: project configuration, found the way `.vale.ini` and
//! `ruff.toml` are: the nearest one in the working directory or above.
//!
//! Every key is optional and unknown keys are errors with a line and column
//! (a typo must never be silently ignored). Paths in the file (`rules`,
//! `baseline`) and the `include`/`exclude` globs are relative to the
//! directory holding the file, so a config works from any subdirectory.
//! Command-line flags override the file.
//!
//! `docs/config.schema.json` describes the same shape for editors.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::output::write_new_atomically;
use crate::report::Format;
use crate::rules::Severity;

/// File names searched in each directory, in order of preference.
pub const CONFIG_NAMES: [&str; 2] = ["factlint.yaml", ".factlint.yaml"];

/// The lowest severity that makes a run fail (exit 1); `never` keeps the
/// exit code 0 whatever is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The threshold for [`crate::report::Report::failing`].
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Rule pack directories added to (or, with `no_default_rules`, used
    /// instead of) the built-in pack. Absolute after loading.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    #[serde(default)]
    pub no_default_rules: bool,
    /// Rule ids not to run.
    #[serde(default)]
    pub disable: Vec<String>,
    pub fail_on: Option<FailOn>,
    /// Findings below this severity are not shown (they still count for
    /// nothing: `fail_on` is separate).
    pub min_severity: Option<Severity>,
    pub format: Option<Format>,
    /// Gitignore-style globs: when given, only matching source files are
    /// read during bundle discovery.
    #[serde(default)]
    pub include: Vec<String>,
    /// Gitignore-style globs of files or directories never read (on top of
    /// `.gitignore`, which discovery always respects).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// "Today" for every source, overriding datelines and front matter.
    pub reference_date: Option<NaiveDate>,
    /// Baseline file applied when `--baseline` is not given. Absolute after
    /// loading.
    pub baseline: Option<PathBuf>,
    /// Where the file was read from (not a key of the file).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

impl Config {
    /// An error about `value` as written in this configuration file: its
    /// first occurrence as a word gives the line and column (the file is
    /// small and was read once already).
    /// `None` for a configuration read from no file.
    pub fn locate_error(&self, value: &str, message: String) -> Option<Error> {
        let path = self.path.as_ref()?;
        let text = crate::corpus::read_settings(path, "configuration files").unwrap_or_default();
        let (line, column) = text
            .lines()
            .enumerate()
            .find_map(|(n, l)| {
                l.match_indices(value)
                    .find(|(i, _)| crate::text::is_whole_word(l, *i, i + value.len()))
                    .map(|(i, _)| (n + 1, l[..i].chars().count() + 1))
            })
            .unwrap_or((1, 1));
        Some(Error::Yaml {
            path: path.clone(),
            line,
            column,
            message,
        })
    }

    /// The directory paths in the file are relative to.
    pub fn root(&self) -> PathBuf {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Finds the nearest config file in `start` or its ancestors.
    pub fn find(start: &Path) -> Option<PathBuf> {
        start.ancestors().find_map(|dir| {
            CONFIG_NAMES
                .iter()
                .map(|n| dir.join(n))
                .find(|p| p.is_file())
        })
    }

    /// Loads the nearest config from `start` upward; `Ok(None)` when there
    /// is none.
    pub fn discover(start: &Path) -> Result<Option<Config>> {
        match Config::find(start) {
            Some(p) => Config::load(&p).map(Some),
            None => Ok(None),
        }
    }

    pub fn load(path: &Path) -> Result<Config> {
        let text = crate::corpus::read_settings(path, "configuration files")?;
        Config::parse(path, &text)
    }

    /// Parses `text` as the config at `path` and makes its paths absolute
    /// (relative to the file's directory).
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        crate::error::yaml_nesting(path, text)?;
        // An empty or all-comment file is a valid, empty config.
        let parsed: Option<Config> =
            serde_yaml::from_str(text).map_err(|e| Error::yaml(path, &e))?;
        let mut c = parsed.unwrap_or_default();
        c.path = Some(path.to_path_buf());
        let root = c.root();
        for p in &mut c.rules {
            *p = root.join(&*p);
        }
        if let Some(b) = &mut c.baseline {
            *b = root.join(&*b);
        }
        // Compile the globs now, so a bad one is reported with the file's
        // location rather than halfway through discovery.
        c.file_filter_with(text)?;
        Ok(c)
    }

    /// The include/exclude filter for bundle discovery.
    pub fn file_filter(&self) -> Result<FileFilter> {
        self.file_filter_with("")
    }

    fn file_filter_with(&self, text: &str) -> Result<FileFilter> {
        let root = self.root();
        let build = |globs: &[String]| -> Result<Option<Gitignore>> {
            if globs.is_empty() {
                return Ok(None);
            }
            let mut b = GitignoreBuilder::new(&root);
            for g in globs {
                b.add_line(None, g)
                    .map_err(|e| self.glob_error(text, g, &e))?;
            }
            b.build().map(Some).map_err(|source| Error::Patterns {
                path: self.display_path(),
                source,
            })
        };
        Ok(FileFilter {
            root: root.clone(),
            include: build(&self.include)?,
            exclude: build(&self.exclude)?,
        })
    }

    /// The file's path, or the name it would have, for messages.
    fn display_path(&self) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| PathBuf::from("factlint.yaml"))
    }

    /// A bad glob, located at its first occurrence in the file.
    fn glob_error(&self, text: &str, glob: &str, e: &ignore::Error) -> Error {
        let (line, column) = text
            .lines()
            .enumerate()
            .find_map(|(i, l)| l.find(glob).map(|c| (i + 1, l[..c].chars().count() + 1)))
            .unwrap_or((1, 1));
        Error::Yaml {
            path: self.display_path(),
            line,
            column,
            message: format!("invalid glob `{glob}`: {e}"),
        }
    }
}

/// Decides which discovered source files are read.
#[derive(Debug, Clone)]
pub struct FileFilter {
    root: PathBuf,
    include: Option<Gitignore>,
    exclude: Option<Gitignore>,
}

impl FileFilter {
    /// Whether the source file at `path` is read: under an `include` glob
    /// (when there are any) and not under an `exclude` one. A glob naming a
    /// directory covers everything beneath it, as in `.gitignore`. Relative
    /// paths are taken from the working directory; paths outside the
    /// config's directory are matched
    /// by their file name alone, so only patterns without a slash apply.
    pub fn accepts(&self, path: &Path) -> bool {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let root = std::path::absolute(&self.root).unwrap_or_else(|_| self.root.clone());
        let rel: PathBuf = match abs.strip_prefix(&root) {
            Ok(r) => r.to_path_buf(),
            Err(_) => path.file_name().map(PathBuf::from).unwrap_or_default(),
        };
        let rel = rel.as_path();
        let hits = |g: &Gitignore| {
            let mut is_dir = false;
            let mut p = Some(rel);
            while let Some(cur) = p {
                if cur.as_os_str().is_empty() || cur.has_root() {
                    break;
                }
                match g.matched(cur, is_dir) {
                    ignore::Match::Ignore(_) => return true,
                    ignore::Match::Whitelist(_) => return false,
                    ignore::Match::None => {}
                }
                p = cur.parent();
                is_dir = true;
            }
            false
        };
        let included = self.include.as_ref().is_none_or(hits);
        let excluded = self.exclude.as_ref().is_some_and(hits);
        included && !excluded
    }
}

/// What `factlint init` writes: every key, commented, with its default.
pub const INIT_TEMPLATE: &str = r#"# factlint configuration.
# factlint reads the nearest factlint.yaml in the working directory or above.
# Paths and globs are relative to this file. Command-line flags override it.
# Reference: docs/config.schema.json; `factlint --help`.

# Extra rule pack directories (YAML rule files), added to the built-in pack.
rules: []
#  - rules/house-style

# Use only the packs listed above, not the built-in one.
no_default_rules: false

# Rule ids not to run, e.g. [single-source].
disable: []

# Exit with 1 when a finding at or above this severity is shown:
# error | warning | info | never.
fail_on: error

# Do not show findings below this severity: error | warning | info.
# (What is shown and what fails are separate settings.)
min_severity: info

# Default output format: text | json | yaml | html | sarif | github | junit.
format: text

# Bundle discovery. Gitignore-style globs; .gitignore is always respected.
# When `include` is non-empty, only matching files are read.
include: []
#  - "stories/**"
exclude: []
#  - "archive/"
#  - "**/*.draft.md"

# "Today" for resolving "last year" or "on Wednesday" in every source,
# instead of each article's front matter, bundle.yaml or dateline.
# reference_date: 2025-09-03

# Findings accepted earlier (written by `factlint check --write-baseline`);
# only new findings are shown and can fail the run.
# baseline: .factlint-baseline.json
"#;

/// Writes [`INIT_TEMPLATE`] to `dir/factlint.yaml`, atomically, refusing
/// to overwrite an existing file. Returns the path written.
pub fn write_init(dir: &Path) -> Result<PathBuf> {
    let path = dir.join(CONFIG_NAMES[0]);
    write_new_atomically(&path, INIT_TEMPLATE.as_bytes())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(Path::new("/proj/factlint.yaml"), text)
    }

    #[test]
    fn full_config_parses_and_resolves_paths() {
        let c = parse(
            "rules: [packs/house, /abs/pack]\nno_default_rules: true\ndisable: [single-source]\n\
             fail_on: warning\nmin_severity: warning\nformat: sarif\ninclude: ['stories/**']\n\
             exclude: [archive/]\nreference_date: 2025-09-03\nbaseline: .factlint-baseline.json\n",
        )
        .unwrap();
        assert_eq!(
            c.rules,
            [
                PathBuf::from("/proj/packs/house"),
                PathBuf::from("/abs/pack")
            ]
        );
        assert!(c.no_default_rules);
        assert_eq!(c.disable, ["single-source"]);
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.min_severity, Some(Severity::Warning));
        assert_eq!(c.format, Some(Format::Sarif));
        assert_eq!(c.reference_date, NaiveDate::from_ymd_opt(2025, 9, 3));
        assert_eq!(
            c.baseline,
            Some(PathBuf::from("/proj/.factlint-baseline.json"))
        );
        assert_eq!(c.root(), PathBuf::from("/proj"));
    }

    #[test]
    fn empty_and_comment_only_files_are_empty_configs() {
        for text in ["", "# nothing yet\n", "\n\n"] {
            let c = parse(text).unwrap();
            assert_eq!(c.fail_on, None);
            assert!(c.rules.is_empty());
        }
    }

    #[test]
    fn unknown_keys_and_bad_values_are_located_errors() {
        let err = parse("fail_on: error\nfail_onn: warning\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("/proj/factlint.yaml:2:"), "{msg}");
        assert!(msg.contains("fail_onn"), "{msg}");

        let err = parse("format: pdf\n").unwrap_err().to_string();
        assert!(err.starts_with("/proj/factlint.yaml:1:"), "{err}");
        assert!(err.contains("pdf"), "{err}");

        let err = parse("reference_date: yesterday\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/proj/factlint.yaml:1:"), "{err}");
    }

    #[test]
    fn bad_glob_is_located() {
        let err = parse("exclude:\n  - 'a/**'\n  - 'b/[z-a]'\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("/proj/factlint.yaml:3:6: invalid glob `b/[z-a]`"),
            "{err}"
        );
    }

    #[test]
    fn init_template_is_a_valid_config_of_defaults() {
        let c = parse(INIT_TEMPLATE).unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Error));
        assert_eq!(c.min_severity, Some(Severity::Info));
        assert_eq!(c.format, Some(Format::Text));
        assert!(!c.no_default_rules);
        assert!(c.rules.is_empty() && c.disable.is_empty() && c.include.is_empty());
        assert_eq!(c.reference_date, None);
        assert_eq!(c.baseline, None);
    }

    #[test]
    fn discovery_walks_up_and_prefers_the_nearest() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(dir.path().join("factlint.yaml"), "fail_on: info\n").unwrap();
        let c = Config::discover(&deep).unwrap().unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Info));
        assert_eq!(
            c.path.as_deref(),
            Some(dir.path().join("factlint.yaml").as_path())
        );

        std::fs::write(dir.path().join("a/.factlint.yaml"), "fail_on: never\n").unwrap();
        let c = Config::discover(&deep).unwrap().unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Never));
    }

    #[test]
    fn no_config_is_none() {
        let dir = tempfile::tempdir().unwrap();
        // The temp dir's ancestors (/tmp, /) are assumed to hold no
        // factlint.yaml.
        assert!(Config::discover(dir.path()).unwrap().is_none());
    }

    #[test]
    fn include_and_exclude_filter_files() {
        let c = parse("include: ['stories/**', 'one.md']\nexclude: ['archive/', '*.draft.md']\n")
            .unwrap();
        let f = c.file_filter().unwrap();
        let p = |s: &str| PathBuf::from("/proj").join(s);
        assert!(f.accepts(&p("stories/parade/a.md")));
        assert!(f.accepts(&p("one.md")));
        assert!(!f.accepts(&p("other/a.md")));
        assert!(!f.accepts(&p("stories/archive/a.md")));
        assert!(!f.accepts(&p("stories/x/b.draft.md")));

        let only_exclude = parse("exclude: [archive/]\n")
            .unwrap()
            .file_filter()
            .unwrap();
        assert!(only_exclude.accepts(&p("x/a.md")));
        assert!(!only_exclude.accepts(&p("archive/2019/a.md")));
        // Outside the config's directory: no panic, slash-less globs apply.
        assert!(only_exclude.accepts(Path::new("/elsewhere/a.md")));
        assert!(!f.accepts(Path::new("/elsewhere/c.draft.md")));
    }

    #[test]
    fn init_writes_once_and_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_init(dir.path()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), INIT_TEMPLATE);
        std::fs::write(&path, "fail_on: never\n").unwrap();
        let err = write_init(dir.path()).unwrap_err().to_string();
        assert!(err.contains("already exists"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "fail_on: never\n");
    }

    fn config_schema() -> serde_json::Value {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/config.schema.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn config_schema_accepts_what_the_parser_accepts() {
        let schema = config_schema();
        let full = "rules: [packs/house]\nno_default_rules: true\ndisable: [x]\nfail_on: never\n\
                    min_severity: warning\nformat: junit\ninclude: ['a/**']\nexclude: [b/]\n\
                    reference_date: 2025-09-03\nbaseline: b.json\n";
        for text in [INIT_TEMPLATE, full, ""] {
            parse(text).unwrap();
            let doc: serde_json::Value = serde_yaml::from_str(text).unwrap();
            let errors = crate::report::samples::schema_errors(&schema, &doc);
            assert!(errors.is_empty(), "{text}: {errors:#?}");
        }
    }

    #[test]
    fn config_schema_rejects_what_the_parser_rejects() {
        let schema = config_schema();
        for text in [
            "fail_onn: error\n",
            "format: pdf\n",
            "fail_on: sometimes\n",
            "disable: x\n",
        ] {
            assert!(parse(text).is_err(), "{text}");
            let doc: serde_json::Value = serde_yaml::from_str(text).unwrap();
            assert!(
                !crate::report::samples::schema_accepts(&schema, &doc),
                "{text}"
            );
        }
    }

    #[test]
    fn fail_on_thresholds() {
        assert_eq!(FailOn::Warning.threshold(), Some(Severity::Warning));
        assert_eq!(FailOn::Never.threshold(), None);
    }
}

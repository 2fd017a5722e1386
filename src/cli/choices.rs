//! The values of enumerated flags (`--format`, `--fail-on`,
//! `--min-severity`), as clap parses and documents them.
//!
//! Mirrors of library enums rather than clap derives on them, so that the
//! stages stay free of clap; a variant added to a library enum is offered
//! on the command line once it is added here. The doc comments are the help
//! text of each value.

use clap::ValueEnum;

use crate::config::FailOn;
use crate::report::Format;
use crate::report::facts::FactsFormat;
use crate::rules::Severity;

/// `check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatChoice {
    /// Human-readable report, grouped by verdict.
    Text,
    /// The versioned JSON contract (docs/report.schema.json).
    Json,
    /// The same data as JSON, as YAML.
    Yaml,
    /// One self-contained HTML page for editors (claim matrix, findings).
    Html,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML: one testcase per rule per bundle.
    Junit,
}

impl From<FormatChoice> for Format {
    fn from(c: FormatChoice) -> Self {
        match c {
            FormatChoice::Text => Format::Text,
            FormatChoice::Json => Format::Json,
            FormatChoice::Yaml => Format::Yaml,
            FormatChoice::Html => Format::Html,
            FormatChoice::Sarif => Format::Sarif,
            FormatChoice::Github => Format::Github,
            FormatChoice::Junit => Format::Junit,
        }
    }
}

/// `facts --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FactsFormatChoice {
    /// Aligned columns for reading.
    Table,
    /// One JSON object per line, with the bundle name.
    Jsonl,
    /// The facts of every bundle as JSON: `[{"bundle", "facts"}]`.
    Json,
}

impl From<FactsFormatChoice> for FactsFormat {
    fn from(c: FactsFormatChoice) -> Self {
        match c {
            FactsFormatChoice::Table => FactsFormat::Table,
            FactsFormatChoice::Jsonl => FactsFormat::Jsonl,
            FactsFormatChoice::Json => FactsFormat::Json,
        }
    }
}

/// `check --min-severity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityChoice {
    Info,
    Warning,
    Error,
}

impl From<SeverityChoice> for Severity {
    fn from(c: SeverityChoice) -> Self {
        match c {
            SeverityChoice::Info => Severity::Info,
            SeverityChoice::Warning => Severity::Warning,
            SeverityChoice::Error => Severity::Error,
        }
    }
}

/// `check --fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnChoice {
    Error,
    Warning,
    Info,
    Never,
}

impl From<FailOnChoice> for FailOn {
    fn from(c: FailOnChoice) -> Self {
        match c {
            FailOnChoice::Error => FailOn::Error,
            FailOnChoice::Warning => FailOn::Warning,
            FailOnChoice::Info => FailOn::Info,
            FailOnChoice::Never => FailOn::Never,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use serde::de::DeserializeOwned;

    use super::*;

    /// Each flag value means the library value of the same name (the name
    /// factlint.yaml uses), so `--format json` and `format: json` agree.
    fn same_names<C: ValueEnum + Copy, L: From<C> + DeserializeOwned + PartialEq + Debug>() {
        for c in C::value_variants() {
            let name = c.to_possible_value().unwrap().get_name().to_string();
            let by_name: L = serde_json::from_value(serde_json::Value::String(name)).unwrap();
            assert_eq!(by_name, L::from(*c));
        }
    }

    #[test]
    fn flag_values_name_the_library_values() {
        same_names::<FormatChoice, Format>();
        same_names::<FactsFormatChoice, FactsFormat>();
        same_names::<SeverityChoice, Severity>();
        same_names::<FailOnChoice, FailOn>();
    }
}

//! Command-line interface: argument parsing (clap derive; doc comments are
//! the help text) and dispatch to the library. Returns the exit code.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::check::{CheckOptions, check};
use crate::error::{Error, Result};
use crate::report::{self, Format, RenderContext, RuleMeta};
use crate::rules::{self, LoadOptions, RuleSet, Severity};

mod rules_command;
pub use rules_command::{RulesArgs, RulesCommand};

/// Check a bundle of news articles for cross-source fact consistency.
///
/// factlint reads every article of a bundle (a directory of .md/.txt
/// files), extracts checkable facts (counts, dates, durations, attendance,
/// precedents, anniversaries, debuts, treaties, quotes, roles) and reports
/// where sources agree, where they contradict each other or themselves, and
/// what only one source says.
///
/// Examples:
///   factlint check examples/harbour-festival
///   factlint check drafts/ --format json --fail-on warning
///   factlint facts examples/harbour-festival
#[derive(Debug, Parser)]
#[command(name = "factlint", version, about, long_about, verbatim_doc_comment)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check bundles and report agreements, conflicts and single-source claims.
    Check(CheckArgs),
    /// Print the facts extracted from each source, before any rule runs.
    Facts(FactsArgs),
    /// Show what the recognizers find in a text (numbers, ranges, dates, durations).
    Parse(ParseArgs),
    /// List, explain and test rules (`factlint rules list|explain|test`).
    Rules(RulesArgs),
}

/// Options shared by commands that load rules.
#[derive(Debug, Args, Clone)]
pub struct RuleArgs {
    /// Load rule packs (*.yaml) from DIR after the defaults; repeatable.
    /// A rule with an existing id overrides it.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Start from no rules at all (only --rules packs).
    #[arg(long)]
    pub no_default_rules: bool,
}

impl RuleArgs {
    pub fn load(&self) -> Result<RuleSet> {
        rules::load(&LoadOptions {
            defaults: !self.no_default_rules,
            dirs: self.rules.clone(),
            disable: Vec::new(),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Bundle directories (every .md/.txt file is a source) or corpus roots
    /// whose subdirectories are bundles.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: Format,
    /// Exit 1 when a finding at or above this severity remains.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Show only findings at or above this severity (does not change --fail-on).
    #[arg(long, value_enum)]
    pub min_severity: Option<Severity>,
    /// Resolve relative dates against this date (YYYY-MM-DD) for every source.
    #[arg(long, value_name = "DATE")]
    pub reference_date: Option<NaiveDate>,
    /// Findings only: no bundle headers, agreements or single-source notes (text format).
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FactsFormat {
    /// One line per fact: source, line, kind, key, subject, value, modality, text.
    Table,
    /// The facts of every bundle as JSON.
    Json,
}

#[derive(Debug, Args)]
pub struct FactsArgs {
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, short, value_enum, default_value = "table")]
    pub format: FactsFormat,
    #[arg(long, value_name = "DATE")]
    pub reference_date: Option<NaiveDate>,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Text to scan; `-` or nothing reads standard input.
    pub text: Option<String>,
    /// Resolve relative and partial dates against this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub reference_date: Option<NaiveDate>,
    /// Read JSON Lines `{"text", "reference_date"}` on stdin; print one JSON array per line.
    #[arg(long)]
    pub batch: bool,
    #[arg(long, value_enum, default_value = "json")]
    pub format: ParseFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    Json,
    Text,
}

fn rule_meta(set: &RuleSet) -> Vec<RuleMeta> {
    set.rules
        .iter()
        .filter(|r| r.enabled)
        .map(|r| RuleMeta {
            id: r.id.clone(),
            check: r.check.as_str().to_string(),
            severity: r.severity,
            description: r.description.clone(),
            pack: r.pack.clone(),
        })
        .collect()
}

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> Result<i32> {
    let stdout = std::io::stdout();
    match cli.command {
        Command::Check(args) => {
            let set = args.rules.load()?;
            let opts = CheckOptions {
                paths: args.paths.clone(),
                reference_date: args.reference_date,
                ..Default::default()
            };
            let mut report = check(&opts, &set)?;
            let failing = report.failing(args.fail_on.threshold());
            if let Some(min) = args.min_severity {
                for b in &mut report.bundles {
                    b.findings.retain(|f| f.severity >= min);
                }
                report.summary = report.summarize();
            }
            let color = args.format == Format::Text
                && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never;
            let ctx = RenderContext {
                rules: rule_meta(&set),
                color,
                quiet: args.quiet,
            };
            let mut out = stdout.lock();
            write_or_pipe(report::render(args.format, &report, &ctx, &mut out))?;
            Ok(i32::from(failing > 0))
        }
        Command::Facts(args) => {
            let set = args.rules.load()?;
            let opts = CheckOptions {
                paths: args.paths.clone(),
                reference_date: args.reference_date,
                ..Default::default()
            };
            let report = check(&opts, &set)?;
            let mut out = stdout.lock();
            write_or_pipe(write_facts(&report, args.format, &mut out))?;
            Ok(0)
        }
        Command::Parse(args) => {
            use crate::recognize::parse_cmd::{self, ParseOptions};
            let opts = ParseOptions {
                text: args.text,
                reference: args.reference_date,
                batch: args.batch,
                format: match args.format {
                    ParseFormat::Json => parse_cmd::ParseFormat::Json,
                    ParseFormat::Text => parse_cmd::ParseFormat::Text,
                },
            };
            let stdin = std::io::stdin();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let rec = crate::recognize::Recognizer::new();
            write_or_pipe(parse_cmd::run_parse(
                &rec,
                opts,
                &mut stdin.lock(),
                &mut out,
                &mut std::io::stderr(),
            ))?;
            write_or_pipe(out.flush())?;
            Ok(0)
        }
        Command::Rules(args) => rules_command::run(args),
    }
}

/// A closed pipe (`factlint … | head`) is a normal end, as in ripgrep.
fn write_or_pipe(r: std::io::Result<()>) -> Result<()> {
    match r {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("<stdout>", e)),
        Ok(()) => Ok(()),
    }
}

fn write_facts(
    report: &report::Report,
    format: FactsFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        FactsFormat::Json => {
            let facts: Vec<_> = report
                .bundles
                .iter()
                .map(|b| serde_json::json!({"bundle": b.name, "facts": b.facts}))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &facts)?;
            writeln!(out)
        }
        FactsFormat::Table => {
            for b in &report.bundles {
                writeln!(out, "# {}", b.name)?;
                for f in &b.facts {
                    writeln!(
                        out,
                        "{}:{}:{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        f.source,
                        f.span.line,
                        f.span.column,
                        f.kind.as_str(),
                        f.key,
                        f.subject.as_deref().unwrap_or("-"),
                        f.value.display(),
                        f.modality.as_str(),
                        f.text
                    )?;
                }
            }
            Ok(())
        }
    }
}

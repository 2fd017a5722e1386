//! `factlint rules list|explain|test`: the rule packs as their users see
//! them.

use crate::text::{terminal_safe, terminal_safe_lines};
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::{ConfigArgs, RuleArgs, write_or_pipe};
use crate::error::{Error, Result};
use crate::rule_fixtures::{self as fixtures, TestReport};
use crate::rules::explain::{RuleSummary, explain};
use crate::rules::{self, LoadOptions, RuleSet};

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub command: RulesCommand,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List every loaded rule: id, check, severity, pack, enabled, description.
    List(ListArgs),
    /// Describe one rule: description, rationale, selectors, parameters,
    /// message, example, and the file and line that define it.
    Explain(ExplainArgs),
    /// Run every rule's fixtures (the defaults', or those of the packs in
    /// DIR) and print `N passed, M failed`; exit 1 on any failure.
    Test(TestArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One rule per line, aligned columns.
    Text,
    /// A JSON array of {id, check, severity, pack, enabled, description, …}.
    Json,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: ListFormat,
    #[command(flatten)]
    pub rules: RuleArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id (see `factlint rules list`).
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub rules: RuleArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// A pack directory (or a directory of packs) whose `tests/` fixtures
    /// to run; its rules load after the defaults, as with --rules. Without
    /// it, the fixtures of the default rules built into factlint run.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Also print the cases that pass.
    #[arg(long, short)]
    pub verbose: bool,
    #[command(flatten)]
    pub rules: RuleArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
}

pub fn run(args: RulesArgs) -> Result<i32> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.command {
        RulesCommand::List(a) => {
            let set = a.rules.load(&a.config.load()?)?;
            write_or_pipe(list(&set, a.format, &mut out))?;
            Ok(0)
        }
        RulesCommand::Explain(a) => {
            let set = a.rules.load(&a.config.load()?)?;
            let Some(rule) = set.rule(&a.id) else {
                return Err(unknown_rule(&set, &a.id));
            };
            // A pack's words reach the terminal: escaped, lines kept.
            let text = explain(rule);
            write_or_pipe(out.write_all(terminal_safe_lines(&text).as_bytes()))?;
            Ok(0)
        }
        RulesCommand::Test(a) => {
            let config = a.config.load()?;
            let mut dirs = config.rules.clone();
            dirs.extend(a.rules.rules.iter().cloned());
            let mut cases = match &a.dir {
                Some(dir) => {
                    dirs.push(dir.clone());
                    fixtures::dir_cases(dir)?
                }
                None => fixtures::default_cases()?,
            };
            // Rules turned off (by --disable or factlint.yaml) still run
            // their own fixtures: the runner enables the rule under test.
            let mut disable = config.disable.clone();
            disable.extend(a.rules.disable.iter().cloned());
            let set = rules::load(&LoadOptions {
                defaults: !(a.rules.no_default_rules || config.no_default_rules),
                dirs,
                disable,
            })?;
            // Rules the tested packs define (not merely override) need
            // fixtures of both kinds.
            let required: Vec<String> = set
                .rules
                .iter()
                .filter(|r| {
                    r.origins.first().is_some_and(|o| match &a.dir {
                        Some(dir) => !o.builtin && o.file.starts_with(dir),
                        None => o.builtin,
                    })
                })
                .map(|r| r.id.clone())
                .collect();
            // Examples of the tested rules are cases too: what `explain`
            // shows must be true.
            for rule in set.rules.iter().filter(|r| {
                r.origins.iter().any(|o| match &a.dir {
                    Some(dir) => !o.builtin && o.file.starts_with(dir),
                    None => o.builtin,
                })
            }) {
                cases.extend(fixtures::example_cases(rule));
            }
            let report = fixtures::run(&set, &cases, &required)?;
            write_or_pipe(print_test_report(&report, a.verbose, &mut out))?;
            Ok(i32::from(report.failed() > 0))
        }
    }
}

fn unknown_rule(set: &RuleSet, id: &str) -> Error {
    let near = set
        .rules
        .iter()
        .map(|r| r.id.as_str())
        .filter(|r| {
            r.contains(id) || id.contains(r) || r.split('-').any(|w| id.split('-').any(|x| x == w))
        })
        .map(str::to_string)
        .collect();
    Error::NoSuchRule {
        id: id.to_string(),
        near,
    }
}

fn list(set: &RuleSet, format: ListFormat, out: &mut dyn Write) -> std::io::Result<()> {
    let rows: Vec<RuleSummary> = set.rules.iter().map(RuleSummary::from).collect();
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        ListFormat::Text => {
            let width = |f: fn(&RuleSummary) -> usize, head: &str| {
                rows.iter().map(f).max().unwrap_or(0).max(head.len())
            };
            let wi = width(|r| r.id.len(), "ID");
            let wc = width(|r| r.check.as_str().len(), "CHECK");
            let ws = width(|r| r.severity.as_str().len(), "SEVERITY");
            let wp = width(|r| r.pack.len(), "PACK");
            writeln!(
                out,
                "{:wi$}  {:wc$}  {:ws$}  {:wp$}  {:7}  DESCRIPTION",
                "ID", "CHECK", "SEVERITY", "PACK", "ENABLED"
            )?;
            for r in &rows {
                writeln!(
                    out,
                    "{:wi$}  {:wc$}  {:ws$}  {:wp$}  {:7}  {}",
                    terminal_safe(&r.id),
                    r.check.as_str(),
                    r.severity.as_str(),
                    terminal_safe(&r.pack),
                    if r.enabled { "yes" } else { "no" },
                    terminal_safe(&r.description)
                )?;
            }
            Ok(())
        }
    }
}

fn print_test_report(
    report: &TestReport,
    verbose: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for o in &report.outcomes {
        match &o.failure {
            None if verbose => writeln!(out, "ok    {}", terminal_safe(&o.name))?,
            None => {}
            Some(why) => {
                if o.dir.as_os_str().is_empty() {
                    writeln!(
                        out,
                        "FAIL  {}: {}",
                        terminal_safe(&o.name),
                        terminal_safe(why)
                    )?;
                } else {
                    writeln!(
                        out,
                        "FAIL  {} ({}): {}",
                        terminal_safe(&o.name),
                        terminal_safe(&o.dir.display().to_string()),
                        terminal_safe(why)
                    )?;
                }
            }
        }
    }
    writeln!(
        out,
        "{} passed, {} failed",
        report.passed(),
        report.failed()
    )
}

//! Command-line interface: argument parsing (clap derive; doc comments are
//! the help text) and dispatch to the library. Returns the exit code.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

pub use crate::config::FailOn;
use crate::config::{self, Config};
use crate::error::{Error, Result};
use crate::output::{Role, Targets, write_atomically_with};
use crate::pipeline::{CheckOptions, STDIN_PATH, extract_each, plan};
use crate::report::facts::FactsFormat;
use crate::report::{self, RuleMeta};
use crate::rules::{self, LoadOptions, RuleSet};
use crate::text::terminal_safe;

mod check_command;
mod choices;
pub mod parse_command;
mod progress;
mod rules_command;
use choices::{FactsFormatChoice, FailOnChoice, FormatChoice, SeverityChoice};
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
///   factlint check story/ --format html --output report.html
///   factlint check corpus/ --format sarif --output factlint.sarif
///   factlint check story/ --write-baseline .factlint-baseline.json
///   factlint check story/ --baseline .factlint-baseline.json --fail-on warning
///   cat draft.md | factlint check story/ -
///   factlint facts examples/harbour-festival --format jsonl
///   factlint facts story/ --format jsonl -o story.jsonl; factlint check --facts *.jsonl
///
/// Configuration: the nearest factlint.yaml in the working directory or
/// above (see `factlint init`); command-line flags override it.
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
    /// Write a commented factlint.yaml (refuses to overwrite one).
    Init(InitArgs),
    /// Print a shell completion script (bash, elvish, fish, powershell, zsh).
    Completions(CompletionsArgs),
    /// Print the man page (roff) to standard output.
    Man,
    /// List, explain and test rules (`factlint rules list|explain|test`).
    Rules(RulesArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Directory to write factlint.yaml in.
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Which factlint.yaml to use.
#[derive(Debug, Args, Clone, Default)]
pub struct ConfigArgs {
    /// Use this configuration file instead of the nearest factlint.yaml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any factlint.yaml.
    #[arg(long)]
    pub no_config: bool,
}

impl ConfigArgs {
    pub fn load(&self) -> Result<Config> {
        if self.no_config {
            return Ok(Config::default());
        }
        if let Some(p) = &self.config {
            return Config::load(p);
        }
        let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
        Ok(Config::discover(&cwd)?.unwrap_or_default())
    }
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
    /// Turn off these rules (ids; repeatable or comma-separated).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub disable: Vec<String>,
}

impl RuleArgs {
    /// The rule set: factlint.yaml's packs and disabled rules, then the
    /// command line's.
    pub fn load(&self, config: &Config) -> Result<RuleSet> {
        let mut dirs = config.rules.clone();
        dirs.extend(self.rules.iter().cloned());
        let mut disable = config.disable.clone();
        disable.extend(self.disable.iter().cloned());
        let defaults = !(self.no_default_rules || config.no_default_rules);
        rules::load(&LoadOptions {
            defaults,
            dirs,
            disable,
        })
        .map_err(|e| match e {
            // An id from the configuration file is located in it.
            Error::UnknownRule { id } if !self.disable.contains(&id) => config
                .locate_error(
                    &id,
                    format!("disable: unknown rule `{id}` (see `factlint rules list`)"),
                )
                .unwrap_or(Error::UnknownRule { id }),
            e => e,
        })
    }

    /// For commands that check articles: no rules at all is a mistake, not
    /// a clean run.
    pub fn load_for_checking(&self, config: &Config) -> Result<RuleSet> {
        let set = self.load(config)?;
        if set.rules.is_empty() {
            return Err(Error::NoRules);
        }
        Ok(set)
    }
}

#[derive(Debug, Args)]
#[command(
    override_usage = "factlint check [OPTIONS] <PATH>...\n       factlint check [OPTIONS] --facts <FILE>..."
)]
pub struct CheckArgs {
    /// Bundle directories (every .md/.txt file is a source), corpus roots
    /// whose subdirectories are bundles, or `-` for one source on standard
    /// input. Sources with a `story:` in their front matter form the
    /// bundle of that story.
    #[arg(required_unless_present = "facts", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Check the facts in these files instead of reading articles: JSON
    /// Lines written by `factlint facts PATH --format jsonl` (`-` reads
    /// standard input). Extraction can then run anywhere, a bundle or
    /// corpus per job, and the check once over all the files; each bundle
    /// must be read whole by one `facts` run.
    #[arg(
        long,
        value_name = "FILE",
        num_args = 1..,
        conflicts_with_all = ["paths", "reference_date"]
    )]
    pub facts: Vec<PathBuf>,
    /// Output format [default: text, or `format` in factlint.yaml].
    #[arg(long, short, value_enum)]
    pub format: Option<FormatChoice>,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding at or above this severity remains
    /// [default: error, or `fail_on` in factlint.yaml].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOnChoice>,
    /// Show only findings at or above this severity (does not change --fail-on).
    #[arg(long, value_enum)]
    pub min_severity: Option<SeverityChoice>,
    /// Resolve relative dates against this date (YYYY-MM-DD) for every source.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub reference_date: Option<NaiveDate>,
    /// Findings only: no bundle headers, agreements or single-source notes (text format).
    #[arg(long, short)]
    pub quiet: bool,
    /// Hide the findings FILE lists (written by --write-baseline); only new
    /// findings are shown and can fail the run.
    #[arg(long, value_name = "FILE", conflicts_with = "no_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record every current finding in FILE as accepted, then report as if
    /// --baseline FILE had been given.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "no_baseline"])]
    pub write_baseline: Option<PathBuf>,
    /// Ignore the `baseline` of factlint.yaml.
    #[arg(long)]
    pub no_baseline: bool,
    /// Ignore inline `<!-- factlint-disable … -->` comments.
    #[arg(long)]
    pub no_suppress: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Debug, Args)]
pub struct FactsArgs {
    /// Bundle directories, corpus roots, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, short, value_enum, default_value = "table")]
    pub format: FactsFormatChoice,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub reference_date: Option<NaiveDate>,
    #[command(flatten)]
    pub config: ConfigArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Text to scan; `-` or nothing reads standard input.
    pub text: Option<String>,
    /// Resolve relative and partial dates against this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
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
            check: r.check.kind(),
            severity: r.severity,
            description: r.description.clone(),
            pack: r.pack.clone(),
        })
        .collect()
}

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Check(args) => check_command::run(&args),
        Command::Facts(args) => run_facts(&args),
        Command::Parse(args) => {
            use parse_command::ParseOptions;
            let opts = ParseOptions {
                text: args.text,
                reference: args.reference_date,
                batch: args.batch,
                format: match args.format {
                    ParseFormat::Json => parse_command::ParseFormat::Json,
                    ParseFormat::Text => parse_command::ParseFormat::Text,
                },
                // The built-in unit table; a broken build of it only loses
                // the unit column.
                units: (!args.batch)
                    .then(|| rules::load(&LoadOptions::default()).ok())
                    .flatten()
                    .map(|set| set.lexicon.units),
            };
            let mut opts = opts;
            let from_stdin = opts.batch || opts.text.as_deref().is_none_or(|t| t == "-");
            if from_stdin {
                refuse_terminal_stdin("parse reads its text from standard input here")?;
            }
            if from_stdin && !opts.batch {
                opts.text = Some(read_stdin()?);
            }
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let rec = crate::recognize::Recognizer::new();
            let bad = parse_command::run_parse(
                &rec,
                opts,
                &mut stdin.lock(),
                &mut out,
                &mut std::io::stderr(),
            )
            .map_err(|e| Error::io("<stdout>", e))?;
            write_or_pipe(out.flush())?;
            // A batch with bad lines still answers every line, and says so.
            Ok(i32::from(bad > 0))
        }
        Command::Rules(args) => rules_command::run(args),
        Command::Init(args) => {
            let path = config::write_init(&args.dir)?;
            eprintln!(
                "factlint: wrote {}",
                terminal_safe(&path.display().to_string())
            );
            Ok(0)
        }
        Command::Completions(args) => {
            let mut cmd = Cli::command();
            let mut buf = Vec::new();
            clap_complete::generate(args.shell, &mut cmd, "factlint", &mut buf);
            emit(None, &buf)?;
            Ok(0)
        }
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut buf)
                .map_err(|e| Error::io("<man page>", e))?;
            emit(None, &buf)?;
            Ok(0)
        }
    }
}

/// `YYYY-MM-DD`, with a message that says so (chrono's own is "input is
/// out of range").
fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date: expected YYYY-MM-DD"))
}

/// Waiting silently on a terminal looks like a hang: say what is expected.
fn refuse_terminal_stdin(what: &'static str) -> Result<()> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        return Err(Error::TerminalStdin { what });
    }
    Ok(())
}

/// Reads standard input when `-` is among the paths.
fn read_stdin_if_asked(paths: &[PathBuf]) -> Result<Option<String>> {
    if !paths.iter().any(|p| p.as_os_str() == STDIN_PATH) {
        return Ok(None);
    }
    refuse_terminal_stdin("`-` reads one article from standard input")?;
    read_stdin().map(Some)
}

fn check_options(
    paths: &[PathBuf],
    reference_date: Option<NaiveDate>,
    config: &Config,
) -> Result<CheckOptions> {
    let filter = if config.include.is_empty() && config.exclude.is_empty() {
        None
    } else {
        Some(config.file_filter()?)
    };
    Ok(CheckOptions {
        paths: paths.to_vec(),
        reference_date: reference_date.or(config.reference_date),
        filter,
        stdin: read_stdin_if_asked(paths)?,
        ..Default::default()
    })
}

fn run_facts(args: &FactsArgs) -> Result<i32> {
    let config = args.config.load()?;
    let set = args.rules.load_for_checking(&config)?;
    let opts = check_options(&args.paths, args.reference_date, &config)?;
    let plans = plan(&opts)?;
    if let Some(path) = &args.output {
        let sources = plans.iter().flat_map(|b| &b.sources);
        inputs(
            sources.map(|s| s.path.as_path()),
            &opts,
            &config,
            &args.rules,
        )
        .write(Role::Report, path)
        .check()?;
    }
    emit_run(args.output.as_deref(), |out| {
        match args.format.into() {
            // JSON Lines is the facts file `check --facts` reads (each
            // source's record before its facts), written as bundles are
            // read: the map over an archive holds a few bundles at a time.
            FactsFormat::Jsonl => extract_each(&plans, &opts, &set, |b| {
                Ok::<_, Stop>(crate::facts_file::write(std::slice::from_ref(&b), out)?)
            })?,
            format => {
                let mut bundles = Vec::new();
                extract_each(&plans, &opts, &set, |b| {
                    bundles.push(b.into_report());
                    Ok::<_, Stop>(())
                })?;
                report::facts::render(format, &report::Report::new(bundles), out)?;
            }
        }
        Ok(())
    })?;
    Ok(0)
}

/// Everything a check or facts run reads: its sources, the bundles and
/// rule packs they came from, and the configuration in use. factlint
/// never modifies its inputs, so none of these may be an output.
fn inputs<'a>(
    sources: impl Iterator<Item = &'a Path>,
    opts: &CheckOptions,
    config: &Config,
    rules: &RuleArgs,
) -> Targets {
    let mut t = settings_inputs(config, rules);
    for source in sources {
        t.read(Role::Source, source);
    }
    for path in &opts.paths {
        t.tree(Role::Bundle, path, &opts.discover.extensions);
    }
    t
}

/// The rule packs and configuration a run reads.
fn settings_inputs(config: &Config, rules: &RuleArgs) -> Targets {
    let mut t = Targets::default();
    let pack_files = ["yaml".to_string(), "yml".to_string()];
    for pack in config.rules.iter().chain(&rules.rules) {
        t.tree(Role::RulePack, pack, &pack_files);
    }
    if let Some(path) = &config.path {
        t.read(Role::Config, path);
    }
    t
}

/// All of standard input as text; binary input is named as such.
fn read_stdin() -> Result<String> {
    use std::io::Read as _;
    let limit = crate::corpus::MAX_ARTICLE_BYTES;
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(crate::pipeline::STDIN_DISPLAY, e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: crate::pipeline::STDIN_DISPLAY.into(),
            limit_mb: limit / (1024 * 1024),
            what: "articles",
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: crate::pipeline::STDIN_DISPLAY.into(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Writes rendered output to FILE (atomically) or standard output.
fn emit(output: Option<&Path>, bytes: &[u8]) -> Result<()> {
    emit_with(output, |out| out.write_all(bytes))
}

/// Writes what `fill` makes to `output` (atomically) or standard output,
/// as it is made.
fn emit_with(
    output: Option<&Path>,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match output {
        Some(path) => write_atomically_with(path, fill),
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write_or_pipe(fill(&mut out).and_then(|()| out.flush()))
        }
    }
}

/// Why writing a run's output stopped: the output failed, or the run did.
#[derive(Debug)]
enum Stop {
    Write(std::io::Error),
    Run(Error),
}

impl From<std::io::Error> for Stop {
    fn from(e: std::io::Error) -> Self {
        Stop::Write(e)
    }
}

impl From<Error> for Stop {
    fn from(e: Error) -> Self {
        Stop::Run(e)
    }
}

/// [`emit_with`] for output written as a run goes: an error of the run (a
/// file gone since it was planned) stops the write, leaves a target file
/// untouched, and is the error reported; a closed pipe ends quietly.
fn emit_run(
    output: Option<&Path>,
    fill: impl FnOnce(&mut dyn Write) -> std::result::Result<(), Stop>,
) -> Result<()> {
    let mut failed = None;
    let written = emit_with(output, |out| {
        fill(out).map_err(|stop| match stop {
            Stop::Write(e) => e,
            Stop::Run(e) => {
                failed = Some(e);
                std::io::Error::other("the run stopped")
            }
        })
    });
    match failed {
        Some(e) => Err(e),
        None => written,
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

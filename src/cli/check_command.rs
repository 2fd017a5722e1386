//! `factlint check`: bundles in, a report out, an exit code for CI.
//!
//! A run streams: bundles are checked a batch at a time and each is
//! written, in order, as soon as it is checked and filtered, so memory
//! stays flat however large the corpus. Only the formats that need the
//! whole run before their first byte (YAML, HTML, JUnit) collect it.

use std::path::Path;

use super::{
    CheckArgs, Stop, check_options, emit_run, inputs, progress, refuse_terminal_stdin, rule_meta,
    settings_inputs,
};
use crate::config::FailOn;
use crate::corpus::BundlePlan;
use crate::error::Result;
use crate::filter::baseline::{Baseline, Budget, Entry};
use crate::output::Role;
use crate::pipeline::{CheckOptions, STDIN_PATH, check_each, check_facts, plan};
use crate::report::{self, BundleReport, Format, RenderContext, Report, Summary};
use crate::rules::{RuleSet, Severity};
use crate::text::terminal_safe;

pub(super) fn run(args: &CheckArgs) -> Result<i32> {
    let config = args.config.load()?;
    let set = args.rules.load_for_checking(&config)?;
    let format = args
        .format
        .map(Format::from)
        .or(config.format)
        .unwrap_or(Format::Text);
    let fail_on = args
        .fail_on
        .map(FailOn::from)
        .or(config.fail_on)
        .unwrap_or(FailOn::Error);
    let min_severity = args
        .min_severity
        .map(Severity::from)
        .or(config.min_severity);
    let (run, mut targets) = if args.facts.is_empty() {
        let mut opts = check_options(&args.paths, args.reference_date, &config)?;
        opts.no_suppress = args.no_suppress;
        let machine_on_stdout = args.output.is_none() && !format.is_terminal_format();
        opts.progress = progress::Bar::wanted(args.quiet, machine_on_stdout)
            .map(|b| std::sync::Arc::new(b) as std::sync::Arc<dyn crate::pipeline::Progress>);
        let plans = plan(&opts)?;
        let sources = plans.iter().flat_map(|b| &b.sources);
        let targets = inputs(
            sources.map(|s| s.path.as_path()),
            &opts,
            &config,
            &args.rules,
        );
        (Run::Plans(plans, opts), targets)
    } else {
        if args.facts.iter().any(|p| p.as_os_str() == STDIN_PATH) {
            refuse_terminal_stdin("`--facts -` reads a facts file from standard input")?;
        }
        let report = check_facts(&args.facts, &set, args.no_suppress)?;
        let mut targets = settings_inputs(&config, &args.rules);
        for path in args.facts.iter().filter(|p| p.as_os_str() != STDIN_PATH) {
            targets.read(Role::FactsFile, path);
        }
        (Run::Facts(report), targets)
    };
    if args.write_baseline.is_none() && !args.no_baseline {
        if let Some(b) = args.baseline.as_ref().or(config.baseline.as_ref()) {
            targets.read(Role::Baseline, b);
        }
    }
    if let Some(path) = &args.output {
        targets.write(Role::Report, path);
    }
    if let Some(path) = &args.write_baseline {
        targets.write(Role::BaselineOut, path);
    }
    targets.check()?;

    let accepted = match (&args.write_baseline, args.no_baseline) {
        (None, false) => args
            .baseline
            .as_ref()
            .or(config.baseline.as_ref())
            .map(|p| Baseline::load(p))
            .transpose()?,
        _ => None,
    };
    let mut shown = Shown {
        hide: match (&args.write_baseline, &accepted) {
            (Some(_), _) => Hide::Record(Vec::new()),
            (None, Some(b)) => Hide::Baseline(Budget::new(b)),
            (None, None) => Hide::Nothing,
        },
        min_severity,
        threshold: fail_on.threshold(),
        failing: 0,
        summary: Summary::default(),
    };

    // Colour only for the terminal format, only on a terminal, never under
    // NO_COLOR (anstream reads the environment), never into a file.
    let color = format.is_terminal_format()
        && args.output.is_none()
        && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never;
    let ctx = RenderContext {
        rules: rule_meta(&set),
        color,
        quiet: args.quiet,
    };
    emit_run(args.output.as_deref(), |out| {
        let mut each = |(mut bundle, suppressed): (BundleReport, usize)| {
            shown.pass(&mut bundle, suppressed);
            bundle
        };
        match report::sink(format, &ctx, run.bundles()) {
            Some(mut sink) => {
                sink.begin(out)?;
                run.each(&set, |checked| Ok(sink.bundle(&each(checked), out)?))?;
                sink.finish(&shown.summary, out)?;
            }
            None => {
                let mut bundles = Vec::new();
                run.each(&set, |checked| {
                    bundles.push(each(checked));
                    Ok(())
                })?;
                let mut whole = Report::new(bundles);
                whole.summary = shown.summary.clone();
                report::render(format, &whole, &ctx, out)?;
            }
        }
        Ok(())
    })?;

    if let (Some(path), Hide::Record(entries)) = (&args.write_baseline, shown.hide) {
        write_baseline(path, entries)?;
    }
    // Annotations alone on standard output; the log's summary beside them.
    if format == Format::Github {
        eprintln!("{}", report::github::summary(&shown.summary));
    }
    Ok(i32::from(shown.failing > 0))
}

/// Where the bundles come from: articles, checked as the run goes, or
/// facts files, already checked.
enum Run {
    Plans(Vec<BundlePlan>, CheckOptions),
    Facts(Report),
}

impl Run {
    fn bundles(&self) -> usize {
        match self {
            Run::Plans(plans, _) => plans.len(),
            Run::Facts(report) => report.bundles.len(),
        }
    }

    /// Hands each checked bundle, in order, with how many findings its
    /// inline comments suppressed.
    fn each(
        self,
        set: &RuleSet,
        mut each: impl FnMut((BundleReport, usize)) -> std::result::Result<(), Stop>,
    ) -> std::result::Result<(), Stop> {
        match self {
            Run::Plans(plans, opts) => check_each(&plans, &opts, set, each),
            Run::Facts(report) => {
                // A facts run counts its suppressions in the summary, not
                // per bundle.
                let mut suppressed = report.summary.suppressed;
                report
                    .bundles
                    .into_iter()
                    .try_for_each(|b| each((b, std::mem::take(&mut suppressed))))
            }
        }
    }
}

/// What a check shows of each bundle's findings, and what it counts, as
/// bundles pass.
struct Shown<'b> {
    hide: Hide<'b>,
    min_severity: Option<Severity>,
    threshold: Option<Severity>,
    /// Findings that fail the run (counted before `--min-severity` hides
    /// any: what is shown never changes what fails).
    failing: usize,
    summary: Summary,
}

enum Hide<'b> {
    Nothing,
    /// `--baseline`: the findings it lists are hidden.
    Baseline(Budget<'b>),
    /// `--write-baseline`: every finding is recorded, then hidden, as the
    /// written baseline would hide it.
    Record(Vec<Entry>),
}

impl Shown<'_> {
    fn pass(&mut self, b: &mut BundleReport, suppressed: usize) {
        self.summary.suppressed += suppressed;
        // Baselines see every finding, whatever --min-severity shows, so
        // that changing what is shown never resurfaces accepted findings.
        match &mut self.hide {
            Hide::Nothing => {}
            Hide::Baseline(budget) => self.summary.baselined += budget.hide(b),
            Hide::Record(entries) => {
                entries.extend(Baseline::entries(b));
                self.summary.baselined += b.findings.len();
                b.findings.clear();
            }
        }
        self.failing += b.failing(self.threshold);
        if let Some(min) = self.min_severity {
            b.findings.retain(|f| f.severity >= min);
        }
        self.summary.count(b);
    }
}

fn write_baseline(path: &Path, entries: Vec<Entry>) -> Result<()> {
    let written = Baseline::from_entries(entries);
    written.write(path)?;
    eprintln!(
        "factlint: wrote {} finding{} to {}",
        written.findings.len(),
        if written.findings.len() == 1 { "" } else { "s" },
        terminal_safe(&path.display().to_string())
    );
    Ok(())
}

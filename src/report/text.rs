//! The terminal report, grouped the way an editor reads: conflicts first,
//! then a source against itself or a reference, then what agrees, then what
//! rests on a single source.

use std::io::Write;

use anstyle::{AnsiColor, Style};

use super::index::BundleIndex;
use super::{BundleReport, RenderContext, Report, Summary};
use crate::facts::Fact;
use crate::rules::{DiffOp, Finding, Severity, Verdict};
use crate::text::terminal_safe;

const SECTIONS: &[(&str, &[Verdict])] = &[
    ("Conflicts", &[Verdict::Conflict]),
    (
        "Internal and reference checks",
        &[Verdict::Internal, Verdict::Reference],
    ),
    ("Agreements", &[Verdict::Agree]),
    ("Not comparable", &[Verdict::NotComparable]),
    ("Single source", &[Verdict::SingleSource]),
];

struct Paint {
    on: bool,
}

impl Paint {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.on {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
}

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Info => AnsiColor::Cyan.on_default(),
    }
}

pub fn render(report: &Report, ctx: &RenderContext, out: &mut dyn Write) -> std::io::Result<()> {
    super::stream::render_with(&mut Sink::new(ctx, report.bundles.len()), report, out)
}

/// The terminal report a bundle at a time.
pub struct Sink<'c> {
    ctx: &'c RenderContext,
    paint: Paint,
    /// In corpus mode each bundle ends with its own tally.
    tallies: bool,
}

impl<'c> Sink<'c> {
    /// `bundles`: how many bundles the run checks.
    pub fn new(ctx: &'c RenderContext, bundles: usize) -> Self {
        Sink {
            ctx,
            paint: Paint { on: ctx.color },
            tallies: bundles > 1 && !ctx.quiet,
        }
    }
}

impl super::stream::Sink for Sink<'_> {
    fn bundle(&mut self, bundle: &BundleReport, out: &mut dyn Write) -> std::io::Result<()> {
        render_bundle(bundle, self.ctx, &self.paint, out)?;
        // The last line stays the total.
        if self.tallies {
            writeln!(out, "{}\n", bundle_tally(bundle))?;
        }
        Ok(())
    }

    fn finish(&mut self, s: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        summary_line(s, out)
    }
}

fn summary_line(s: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    // Hidden findings are named only when there are some, so the usual
    // line stays short.
    let mut hidden = String::new();
    if s.not_comparable > 0 {
        hidden.push_str(&format!("; {} not comparable", s.not_comparable));
    }
    if s.suppressed > 0 {
        hidden.push_str(&format!("; {} suppressed", s.suppressed));
    }
    if s.baselined > 0 {
        hidden.push_str(&format!("; {} baselined", s.baselined));
    }
    writeln!(
        out,
        "{} bundle{}, {} sources, {} facts: {} conflicts, {} internal, {} reference, {} agreements, {} single-source ({} errors, {} warnings){hidden}",
        s.bundles,
        if s.bundles == 1 { "" } else { "s" },
        s.sources,
        s.facts,
        s.conflicts,
        s.internal,
        s.reference,
        s.agreements,
        s.single_source,
        s.errors,
        s.warnings
    )
}

/// One line: the bundle's name and its findings by verdict.
fn bundle_tally(b: &BundleReport) -> String {
    let count = |v: Verdict| b.findings.iter().filter(|f| f.verdict == v).count();
    let unweighed = match count(Verdict::NotComparable) {
        0 => String::new(),
        n => format!("; {n} not comparable"),
    };
    format!(
        "{}: {} sources, {} facts: {} conflicts, {} internal, {} reference, {} agreements, {} single-source{unweighed}",
        terminal_safe(&b.name),
        b.sources.len(),
        b.facts.len(),
        count(Verdict::Conflict),
        count(Verdict::Internal),
        count(Verdict::Reference),
        count(Verdict::Agree),
        count(Verdict::SingleSource)
    )
}

fn render_bundle(
    bundle: &BundleReport,
    ctx: &RenderContext,
    p: &Paint,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let index = BundleIndex::new(bundle);
    if !ctx.quiet {
        let name = p.paint(Style::new().bold(), &terminal_safe(&bundle.name));
        if bundle.path == bundle.name {
            writeln!(out, "{name}")?;
        } else {
            writeln!(out, "{name} {}", terminal_safe(&bundle.path))?;
        }
        for s in &bundle.sources {
            let date = s
                .reference_date
                .map_or_else(|| "unknown".to_string(), |d| d.to_string());
            writeln!(
                out,
                "  {}  reference date {} ({})",
                terminal_safe(&s.id),
                date,
                s.reference_date_from.as_str()
            )?;
        }
    }
    // A skipped source is named even in quiet mode: its facts are missing
    // from every finding below.
    for s in &bundle.sources {
        if let Some(skipped) = &s.skipped {
            let note = p.paint(AnsiColor::Cyan.on_default(), "note:");
            writeln!(
                out,
                "  {note} {} {}",
                terminal_safe(&s.id),
                terminal_safe(&skipped.note())
            )?;
        }
    }
    if !ctx.quiet {
        writeln!(out)?;
    }
    for (title, verdicts) in SECTIONS {
        let items: Vec<&Finding> = bundle
            .findings
            .iter()
            .filter(|f| verdicts.contains(&f.verdict))
            .collect();
        if items.is_empty()
            || (ctx.quiet && matches!(verdicts, [Verdict::Agree] | [Verdict::SingleSource]))
        {
            continue;
        }
        writeln!(
            out,
            "{}",
            p.paint(
                Style::new().bold().underline(),
                &format!("{title} ({})", items.len())
            )
        )?;
        for f in items {
            let sev = p.paint(severity_style(f.severity), f.severity.as_str());
            writeln!(
                out,
                "{sev}[{}] {}",
                terminal_safe(&f.rule),
                terminal_safe(&f.message)
            )?;
            for fact in index.facts_of(f) {
                let path = index.path(&fact.source);
                writeln!(
                    out,
                    "  {} {}",
                    p.paint(
                        Style::new().dimmed(),
                        &format!(
                            "{}:{}:{}",
                            terminal_safe(path),
                            fact.span.line,
                            fact.span.column
                        )
                    ),
                    terminal_safe(&fact.value.display())
                )?;
                writeln!(out, "    {}", highlight(fact, p))?;
            }
            if let Some(diff) = &f.diff {
                let mut line = String::from("  diff: ");
                for chunk in diff {
                    let text = terminal_safe(&chunk.text);
                    let styled = match chunk.op {
                        DiffOp::Equal => text.into_owned(),
                        DiffOp::Insert => p.paint(
                            AnsiColor::Green.on_default().bold(),
                            &format!("{{+{text}+}}"),
                        ),
                        DiffOp::Delete => {
                            p.paint(AnsiColor::Red.on_default().bold(), &format!("[-{text}-]"))
                        }
                    };
                    line.push_str(&styled);
                }
                writeln!(out, "{line}")?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The sentence with the claim's words emphasized.
fn highlight(fact: &Fact, p: &Paint) -> String {
    let sentence = &fact.sentence;
    match sentence.find(&fact.text) {
        Some(i) if !fact.text.is_empty() => format!(
            "{}{}{}",
            terminal_safe(&sentence[..i]),
            p.paint(Style::new().bold(), &terminal_safe(&fact.text)),
            terminal_safe(&sentence[i + fact.text.len()..])
        ),
        _ => terminal_safe(sentence).into_owned(),
    }
}

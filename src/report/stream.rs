//! Reports rendered a bundle at a time. A run over an archive never holds
//! its whole report: each bundle is written as it is checked and dropped,
//! and the summary, which every streamed format puts last, is summed as
//! bundles pass. Rendering a whole [`Report`] goes through the same sinks,
//! so the two ways give the same bytes.
//!
//! YAML, HTML and JUnit need the whole run before their first byte (JUnit
//! opens with the totals, HTML with its overview); `sink` has none for
//! them and the caller collects the report. [`super::sink`] picks a
//! format's sink.

use std::io::Write;

use serde::Serialize;

use super::{BundleReport, Report, Summary, Tool};

/// A report format that can be written a bundle at a time.
pub trait Sink {
    /// What comes before the first bundle.
    fn begin(&mut self, _out: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }
    fn bundle(&mut self, bundle: &BundleReport, out: &mut dyn Write) -> std::io::Result<()>;
    /// What comes after the last bundle; `summary` covers them all.
    fn finish(&mut self, _summary: &Summary, _out: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes a whole report through a sink.
pub fn render_with(
    sink: &mut dyn Sink,
    report: &Report,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    sink.begin(out)?;
    for b in &report.bundles {
        sink.bundle(b, out)?;
    }
    sink.finish(&report.summary, out)
}

/// The JSON report (DESIGN.md's contract), byte for byte what pretty
/// printing the whole [`Report`] gives.
#[derive(Debug, Default)]
pub struct Json {
    bundles: usize,
}

impl Sink for Json {
    fn begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        write!(
            out,
            "{{\n  \"version\": {},\n  \"tool\": ",
            super::REPORT_VERSION
        )?;
        write_pretty(out, &Tool::default(), 1)?;
        write!(out, ",\n  \"bundles\": [")
    }

    fn bundle(&mut self, bundle: &BundleReport, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(if self.bundles == 0 { b"\n" } else { b",\n" })?;
        self.bundles += 1;
        out.write_all(&INDENT[..4])?;
        write_pretty(out, bundle, 2)
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        if self.bundles > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"],\n  \"summary\": ")?;
        write_pretty(out, summary, 1)?;
        out.write_all(b"\n}\n")
    }
}

const INDENT: &[u8] = b"                ";

/// Pretty-prints `value` as if it sat `depth` levels deep in a document
/// (two spaces a level, as serde_json does): its lines after the first are
/// indented. JSON escapes line breaks inside strings, so every raw line
/// break is one the printer put between tokens.
pub(crate) fn write_pretty(
    out: &mut dyn Write,
    value: &impl Serialize,
    depth: usize,
) -> std::io::Result<()> {
    let bytes = serde_json::to_vec_pretty(value)?;
    let pad = &INDENT[..(2 * depth).min(INDENT.len())];
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(pad)?;
        }
        out.write_all(line)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;

    fn streamed(report: &Report) -> String {
        let mut out = Vec::new();
        render_with(&mut Json::default(), report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn whole(report: &Report) -> String {
        let mut s = serde_json::to_string_pretty(report).unwrap();
        s.push('\n');
        s
    }

    /// The contract is the serialized [`Report`]; streaming must not drift
    /// from it, with no bundle, one, or several.
    #[test]
    fn streamed_json_is_the_pretty_printed_report() {
        let one = samples::sample_report();
        let mut several = samples::sample_report();
        let mut second = samples::sample_bundle();
        second.name = "second \"quoted\"\nline".into();
        second.findings.clear();
        several.bundles.push(second);
        several.bundles.push(samples::sample_bundle());
        several.summary = several.summarize();
        for report in [Report::new(vec![]), one, several] {
            assert_eq!(streamed(&report), whole(&report));
        }
    }
}

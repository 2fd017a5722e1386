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
/// indented. The printer starts at that depth, so the value is written in
/// one pass, not printed and then re-indented line by line.
pub(crate) fn write_pretty(
    out: &mut dyn Write,
    value: &impl Serialize,
    depth: usize,
) -> std::io::Result<()> {
    let mut bytes = Vec::with_capacity(4096);
    let mut printer = serde_json::Serializer::with_formatter(&mut bytes, Nested::at(depth));
    value.serialize(&mut printer)?;
    out.write_all(&bytes)
}

/// serde_json's `PrettyFormatter` (two-space indent), opened `depth`
/// levels deep.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn at(depth: usize) -> Self {
        Nested {
            depth,
            has_value: false,
        }
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(mark)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(mark)
    }

    fn item<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> std::io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }

    /// Two spaces a level, written a run at a time: a report writes an
    /// indent before every key and item, so one write per level added up.
    fn indent<W: ?Sized + Write>(&self, out: &mut W) -> std::io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        let mut left = self.depth * 2;
        while left > 0 {
            let n = left.min(SPACES.len());
            out.write_all(&SPACES[..n])?;
            left -= n;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
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

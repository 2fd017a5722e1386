//! The JSON report: DESIGN.md's version-1 contract, pretty-printed.

use std::io::Write;

use super::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

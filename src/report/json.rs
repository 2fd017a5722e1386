//! The JSON report: DESIGN.md's version-1 contract, pretty-printed.

use std::io::Write;

use super::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    super::stream::render_with(&mut super::stream::Json::default(), report, out)
}

//! Renderings of the facts themselves, for `factlint facts`: what the
//! extractors read, before any rule speaks.
//!
//! - `jsonl`: one JSON object per fact, the fact's report fields plus
//!   `bundle`, for `jq`, `grep` and loading into data tools. `factlint
//!   facts --format jsonl` writes these lines inside a facts file, after a
//!   `source` record for each source (`facts_file.rs`), so that `check
//!   --facts` can read them back.
//! - `table`: aligned columns (source, line, kind, key, subject, value,
//!   modality, frame, text) for a person; a `bundle` column is added when more
//!   than one bundle is shown.
//! - `json`: one array with an object per bundle, `{"bundle", "facts"}`.

use std::io::Write;

use serde::Serialize;

use super::Report;
use crate::facts::Fact;

/// The facts listings. What each is for is said once, in the
/// `facts --format` help (`cli/choices.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactsFormat {
    Table,
    Jsonl,
    Json,
}

#[derive(Serialize)]
struct FactLine<'a> {
    bundle: &'a str,
    #[serde(flatten)]
    fact: &'a Fact,
}

fn lines(report: &Report) -> impl Iterator<Item = FactLine<'_>> {
    report.bundles.iter().flat_map(|b| {
        b.facts.iter().map(move |fact| FactLine {
            bundle: &b.name,
            fact,
        })
    })
}

pub fn render(format: FactsFormat, report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        FactsFormat::Table => render_table(report, out),
        FactsFormat::Jsonl => render_jsonl(report, out),
        FactsFormat::Json => {
            let all: Vec<serde_json::Value> = report
                .bundles
                .iter()
                .map(|b| serde_json::json!({"bundle": b.name, "facts": b.facts}))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)
        }
    }
}

pub fn render_jsonl(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    for line in lines(report) {
        write_line(&line, out)?;
    }
    Ok(())
}

/// One fact of `bundle` as a JSON line.
pub fn write_fact_line(bundle: &str, fact: &Fact, out: &mut dyn Write) -> std::io::Result<()> {
    write_line(&FactLine { bundle, fact }, out)
}

fn write_line(line: &FactLine, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, line)?;
    writeln!(out)
}

/// Table cells are one line each: whitespace runs (newlines, tabs) become
/// one space and other control characters are shown escaped, so an
/// article cannot break the columns or send terminal escapes.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    crate::text::terminal_safe(&out).into_owned()
}

pub fn render_table(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let with_bundle = report.bundles.len() > 1;
    let mut header = vec![
        "source", "line", "kind", "key", "subject", "value", "modality", "frame", "text",
    ];
    if with_bundle {
        header.insert(0, "bundle");
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for line in lines(report) {
        let f = line.fact;
        let mut row = vec![
            cell(&f.source),
            format!("{}:{}", f.span.line, f.span.column),
            f.kind().as_str().to_string(),
            cell(&f.key),
            cell(f.subject.as_deref().unwrap_or("-")),
            cell(&f.value.display()),
            f.modality.as_str().to_string(),
            cell(
                &f.frame
                    .as_ref()
                    .map_or_else(|| "-".to_string(), |fr| fr.summary()),
            ),
            cell(&f.text),
        ];
        if with_bundle {
            row.insert(0, cell(line.bundle));
        }
        rows.push(row);
    }
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let last = header.len() - 1;
    let write_row = |out: &mut dyn Write, cells: &[&str]| -> std::io::Result<()> {
        let mut line = String::new();
        for (i, c) in cells.iter().enumerate() {
            line.push_str(c);
            if i < last {
                let pad = widths[i] - c.chars().count() + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", line.trim_end())
    };
    write_row(out, &header)?;
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        write_row(out, &cells)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;

    fn run(format: FactsFormat, report: &Report) -> String {
        let mut out = Vec::new();
        render(format, report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn jsonl_is_one_fact_per_line_with_the_bundle() {
        let report = samples::sample_report();
        let out = run(FactsFormat::Jsonl, &report);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), report.bundles[0].facts.len());
        let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(first["bundle"], "parade");
        assert_eq!(first["id"], "000_aaaa#0");
        assert_eq!(first["key"], "event-date");
        assert_eq!(first["value"]["day"], 3);
        assert_eq!(first["span"]["line"], 3);
        // Every line is the fact's own JSON plus `bundle`.
        for (line, fact) in lines.iter().zip(&report.bundles[0].facts) {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            v.as_object_mut().unwrap().remove("bundle");
            assert_eq!(v, serde_json::to_value(fact).unwrap());
        }
    }

    #[test]
    fn json_groups_facts_by_bundle() {
        let report = samples::sample_report();
        let v: serde_json::Value = serde_json::from_str(&run(FactsFormat::Json, &report)).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 1);
        assert_eq!(v[0]["bundle"], "parade");
        assert_eq!(v[0]["facts"].as_array().unwrap().len(), 7);
        assert_eq!(v[0]["facts"][4]["key"], "guests");
    }

    #[test]
    fn table_has_aligned_columns() {
        let out = run(FactsFormat::Table, &samples::sample_report());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 8);
        assert!(lines[0].starts_with("source  "));
        // Columns line up in characters (not bytes: values carry "≥").
        let col = |l: &str, name: &str| {
            let at = lines[0].find(name).unwrap();
            let chars_before = lines[0][..at].chars().count();
            let rest: String = l.chars().skip(chars_before).collect();
            rest.split("  ").next().map(str::to_string)
        };
        let guests = lines.iter().find(|l| l.contains("guests")).unwrap();
        assert_eq!(col(guests, "kind").unwrap(), "count");
        assert_eq!(col(guests, "value").unwrap(), "≥10001");
        assert_eq!(col(guests, "modality").unwrap(), "asserted");
        assert!(guests.ends_with("more than 10,000 guests"));
        assert!(!out.contains("bundle"));
    }

    #[test]
    fn table_cells_cannot_break_lines_or_carry_escapes() {
        let mut report = samples::sample_report();
        report.bundles[0].facts[0].text = "two\nlines\x1b[31m red".into();
        let mut other = samples::sample_bundle();
        other.name = "second".into();
        report.bundles.push(other);
        let out = run(FactsFormat::Table, &report);
        assert_eq!(out.lines().count(), 15);
        assert!(out.contains("two lines\\u{1b}[31m red"));
        assert!(!out.contains('\x1b'));
        assert!(out.starts_with("bundle  source"));
    }
}

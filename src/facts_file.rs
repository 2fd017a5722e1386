//! The facts file: what `factlint facts --format jsonl` writes and `factlint
//! check --facts` reads back. Extraction is a map over bundles and checking
//! a reduce by bundle; this file is what passes between them, so the map can
//! run anywhere (xargs, GNU parallel, a job per shard) and the reduce once.
//!
//! JSON Lines, format version 1. For each source, one `source` record, then
//! the source's facts, one per line:
//!
//! ```text
//! {"kind":"source","factlint_facts":1,"bundle":"harbour-festival","bundle_path":"examples/harbour-festival","bundle_sources":3,"id":"001-gazette","path":"examples/harbour-festival/001-gazette.md","title":"…","outlet":"…","url":null,"published":"2025-05-09","reference_date":"2025-05-09","reference_date_from":"front_matter","facts":11,"suppress":{"lines":{"9":["count-consistency"]}}}
//! {"bundle":"harbour-festival","id":"001-gazette#0","source":"001-gazette","kind":"date",…}
//! ```
//!
//! A fact line is the fact as the JSON report writes it, plus `bundle`. A
//! `source` record is the report's `sources[]` entry plus what the reduce
//! needs and the text no longer says: the bundle (name, path, how many
//! sources it had), how many facts follow, the front matter's `story` and
//! the source's inline suppressions (`suppress`; an empty list means every
//! rule). Records gain fields within a version; readers ignore fields they
//! do not know, and refuse another version.
//!
//! The map unit is a whole bundle: extraction reads names across the bundle
//! (a bare "Kim" is the Kim the bundle introduces) and settles reference
//! dates by the bundle's consensus, so a story read in two pieces does not
//! read as it does whole. The reader refuses what shows a bundle in pieces:
//! fewer or more sources than its records say, a source twice, a story
//! under two paths.
//!
//! This module reads and writes; it runs no rule.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::SourceSummary;
use crate::error::{Error, Result};
use crate::facts::Fact;
use crate::filter::suppress::Suppressions;
use crate::report::BundleReport;
use crate::report::facts::write_fact_line;

/// The format version this factlint writes and reads.
pub const VERSION: u64 = 1;

/// One source as extraction leaves it.
#[derive(Debug, Clone)]
pub struct SourceFacts {
    pub summary: SourceSummary,
    /// The front matter's `story:`: it tells a story read in pieces from two
    /// bundles that share a name.
    pub story: Option<String>,
    pub suppressions: Suppressions,
    /// In reading order.
    pub facts: Vec<Fact>,
}

/// One bundle's sources and facts, before any rule runs.
#[derive(Debug, Clone)]
pub struct FactsBundle {
    pub name: String,
    pub path: String,
    pub sources: Vec<SourceFacts>,
}

impl FactsBundle {
    /// The bundle's facts with no findings, for the facts table and JSON.
    pub fn into_report(self) -> BundleReport {
        let mut sources = Vec::with_capacity(self.sources.len());
        let mut facts = Vec::new();
        for s in self.sources {
            sources.push(s.summary);
            facts.extend(s.facts);
        }
        BundleReport {
            name: self.name,
            path: self.path,
            sources,
            facts,
            findings: Vec::new(),
        }
    }
}

/// Tags a `source` record; fact lines carry their fact kind instead.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum RecordKind {
    Source,
}

#[derive(Debug, Serialize, Deserialize)]
struct SourceRecord {
    kind: RecordKind,
    factlint_facts: u64,
    bundle: String,
    bundle_path: String,
    bundle_sources: usize,
    #[serde(flatten)]
    source: SourceSummary,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    story: Option<String>,
    facts: usize,
    #[serde(default, skip_serializing_if = "Suppressions::is_empty")]
    suppress: Suppressions,
}

/// Writes bundles as a facts file.
pub fn write(bundles: &[FactsBundle], out: &mut dyn Write) -> std::io::Result<()> {
    for b in bundles {
        for s in &b.sources {
            let record = SourceRecord {
                kind: RecordKind::Source,
                factlint_facts: VERSION,
                bundle: b.name.clone(),
                bundle_path: b.path.clone(),
                bundle_sources: b.sources.len(),
                source: s.summary.clone(),
                story: s.story.clone(),
                facts: s.facts.len(),
                suppress: s.suppressions.clone(),
            };
            serde_json::to_writer(&mut *out, &record)?;
            writeln!(out)?;
            for fact in &s.facts {
                write_fact_line(&b.name, fact, out)?;
            }
        }
    }
    Ok(())
}

/// A line of a facts file, for messages.
#[derive(Debug, Clone)]
struct Loc {
    path: PathBuf,
    line: usize,
}

impl Loc {
    fn error(&self, message: impl Into<String>) -> Error {
        Error::FactsFile {
            path: self.path.clone(),
            line: self.line,
            message: message.into(),
        }
    }

    fn shown(&self) -> String {
        format!("{}:{}", self.path.display(), self.line)
    }
}

/// The sources of one bundle gathered so far, with where each came from.
#[derive(Debug)]
struct Group {
    bundle_sources: usize,
    sources: Vec<(SourceFacts, Loc)>,
}

/// The source whose facts are being read: the last `source` record.
#[derive(Debug)]
struct Open {
    key: (String, String),
    index: usize,
    facts: usize,
}

/// Gathers facts files, file by file, into bundles.
#[derive(Debug, Default)]
pub struct Reader {
    groups: BTreeMap<(String, String), Group>,
}

impl Reader {
    /// Reads one facts file; `path` names it in messages.
    pub fn read(&mut self, path: &Path, mut input: impl BufRead) -> Result<()> {
        let mut open: Option<Open> = None;
        let mut bytes = Vec::new();
        let mut line = 0;
        loop {
            bytes.clear();
            let n = input
                .read_until(b'\n', &mut bytes)
                .map_err(|e| Error::io(path, e))?;
            if n == 0 {
                break;
            }
            line += 1;
            let at = Loc {
                path: path.to_path_buf(),
                line,
            };
            let text = std::str::from_utf8(&bytes)
                .map_err(|e| at.error(format!("not valid UTF-8 (byte {})", e.valid_up_to())))?;
            if text.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value = serde_json::from_str(text)
                .map_err(|e| at.error(format!("not JSON: {}", strip_position(&e))))?;
            if !value.is_object() {
                return Err(at.error("not a JSON object"));
            }
            if value.get("kind").and_then(serde_json::Value::as_str) == Some("source") {
                self.close(open.take())?;
                open = Some(self.source(value, at)?);
            } else {
                self.fact(value, open.as_mut(), &at)?;
            }
        }
        self.close(open)
    }

    /// Checks what the records say of the bundles as a whole and returns
    /// them, ordered by name and path.
    pub fn finish(self) -> Result<Vec<FactsBundle>> {
        let mut by_name: BTreeMap<&str, Vec<&Group>> = BTreeMap::new();
        for ((name, _), g) in &self.groups {
            by_name.entry(name).or_default().push(g);
        }
        for (name, groups) in by_name {
            let pieces: Vec<&Group> = groups
                .into_iter()
                .filter(|g| {
                    g.sources
                        .iter()
                        .any(|(s, _)| s.story.as_deref().map(str::trim) == Some(name))
                })
                .collect();
            if let [first, second, ..] = pieces.as_slice() {
                let (Some((_, a)), Some((_, b))) = (first.sources.first(), second.sources.first())
                else {
                    continue;
                };
                return Err(b.error(format!(
                    "story `{name}` was read in pieces (also at {}): `factlint facts` must read all of a story's sources in one run",
                    a.shown()
                )));
            }
        }
        let mut out = Vec::with_capacity(self.groups.len());
        for ((name, path), g) in self.groups {
            if g.sources.len() != g.bundle_sources {
                if let Some((_, at)) = g.sources.first() {
                    return Err(at.error(format!(
                        "bundle `{name}` had {} sources when its facts were written, {} are in the files given (a file missing, or a bundle split across files?)",
                        g.bundle_sources,
                        g.sources.len()
                    )));
                }
            }
            out.push(FactsBundle {
                name,
                path,
                sources: g.sources.into_iter().map(|(s, _)| s).collect(),
            });
        }
        Ok(out)
    }

    fn source(&mut self, value: serde_json::Value, at: Loc) -> Result<Open> {
        match value.get("factlint_facts").map(serde_json::Value::as_u64) {
            None => {
                return Err(
                    at.error("`source` record without `factlint_facts` (its format version)")
                );
            }
            Some(Some(VERSION)) => {}
            Some(v) => {
                let shown = v.map_or_else(|| "not a number".to_string(), |v| v.to_string());
                return Err(at.error(format!(
                    "facts format version {shown}; this factlint reads version {VERSION} (write the file again with this factlint's `facts --format jsonl`)"
                )));
            }
        }
        let mut record: SourceRecord = serde_json::from_value(value)
            .map_err(|e| at.error(format!("bad `source` record: {e}")))?;
        if let Some(skipped) = &mut record.source.skipped {
            skipped.name_language();
        }
        let key = (record.bundle.clone(), record.bundle_path.clone());
        let group = self.groups.entry(key.clone()).or_insert_with(|| Group {
            bundle_sources: record.bundle_sources,
            sources: Vec::new(),
        });
        let id = &record.source.id;
        if let Some((_, first)) = group.sources.iter().find(|(s, _)| &s.summary.id == id) {
            return Err(at.error(format!(
                "source `{id}` of bundle `{}` again (first at {}): a file given twice?",
                record.bundle,
                first.shown()
            )));
        }
        if group.bundle_sources != record.bundle_sources {
            return Err(at.error(format!(
                "bundle `{}` had {} sources when this record was written, {} when others were: facts of two runs mixed",
                record.bundle, record.bundle_sources, group.bundle_sources
            )));
        }
        group.sources.push((
            SourceFacts {
                summary: record.source,
                story: record.story,
                suppressions: record.suppress,
                facts: Vec::with_capacity(record.facts),
            },
            at,
        ));
        Ok(Open {
            key,
            index: group.sources.len() - 1,
            facts: record.facts,
        })
    }

    fn fact(&mut self, value: serde_json::Value, open: Option<&mut Open>, at: &Loc) -> Result<()> {
        let bundle = value
            .get("bundle")
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| at.error("neither a `source` record nor a fact (no `bundle`)"))?;
        let fact: Fact =
            serde_json::from_value(value).map_err(|e| at.error(format!("bad fact: {e}")))?;
        let target = open.and_then(|o| {
            let g = self.groups.get_mut(&o.key)?;
            let (s, _) = g.sources.get_mut(o.index)?;
            (o.key.0 == bundle && s.summary.id == fact.source).then_some(s)
        });
        let Some(source) = target else {
            return Err(at.error(format!(
                "fact `{}` of source `{}` (bundle `{bundle}`) does not follow that source's `source` record (a file from an older factlint, or cut short? write it again with `factlint facts --format jsonl`)",
                fact.id, fact.source
            )));
        };
        source.facts.push(fact);
        Ok(())
    }

    /// The source's record said how many facts follow: fewer or more is a
    /// file cut short or pieced together.
    fn close(&mut self, open: Option<Open>) -> Result<()> {
        let Some(o) = open else { return Ok(()) };
        let Some((s, at)) = self.groups.get(&o.key).and_then(|g| g.sources.get(o.index)) else {
            return Ok(());
        };
        if s.facts.len() != o.facts {
            return Err(at.error(format!(
                "source `{}`: its record says {} facts, {} follow (a file cut short?)",
                s.summary.id,
                o.facts,
                s.facts.len()
            )));
        }
        Ok(())
    }
}

/// serde_json's message without its " at line 1 column N" (the line is the
/// file's, given before it).
fn strip_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(i) => format!("{} (column {})", &message[..i], e.column()),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;

    fn sample() -> Vec<FactsBundle> {
        let b = samples::sample_bundle();
        let sources = b
            .sources
            .iter()
            .map(|s| SourceFacts {
                summary: s.clone(),
                story: None,
                suppressions: Suppressions::parse("<!-- factlint-disable-next-line x -->\nline\n"),
                facts: b
                    .facts
                    .iter()
                    .filter(|f| f.source == s.id)
                    .cloned()
                    .collect(),
            })
            .collect();
        vec![FactsBundle {
            name: b.name,
            path: b.path,
            sources,
        }]
    }

    fn written(bundles: &[FactsBundle]) -> String {
        let mut out = Vec::new();
        write(bundles, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn read(files: &[(&str, &str)]) -> Result<Vec<FactsBundle>> {
        let mut r = Reader::default();
        for (name, text) in files {
            r.read(Path::new(name), text.as_bytes())?;
        }
        r.finish()
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let bundles = sample();
        let text = written(&bundles);
        let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(first["kind"], "source");
        assert_eq!(first["factlint_facts"], 1);
        assert_eq!(first["suppress"]["lines"]["2"], serde_json::json!(["x"]));
        let back = read(&[("a.jsonl", &text)]).unwrap();
        assert_eq!(written(&back), text);
    }

    #[test]
    fn bad_input_is_named_by_file_and_line() {
        let text = written(&sample());
        let lines: Vec<&str> = text.lines().collect();
        let err = |files: &[(&str, &str)]| read(files).unwrap_err().to_string();
        assert_eq!(
            err(&[("f.jsonl", "{\"kind\":\"source\"")]),
            "f.jsonl:1: not JSON: EOF while parsing an object (column 16)"
        );
        let v2 = lines[0].replace("\"factlint_facts\":1", "\"factlint_facts\":2");
        assert!(err(&[("f.jsonl", &v2)]).starts_with("f.jsonl:1: facts format version 2;"));
        // A fact before any source record: an old file.
        assert!(err(&[("f.jsonl", lines[1])]).starts_with("f.jsonl:1: fact `000_aaaa#0`"));
        // A file cut short.
        let cut = lines[..2].join("\n");
        assert!(
            err(&[("f.jsonl", &cut)]).contains("f.jsonl:1: source `000_aaaa`: its record says")
        );
        // A file given twice.
        assert!(
            err(&[("a", &text), ("b", &text)])
                .starts_with("b:1: source `000_aaaa` of bundle `parade` again (first at a:1)")
        );
        assert_eq!(err(&[("f", "[]")]), "f:1: not a JSON object");
        assert_eq!(
            err(&[("f", "{\"x\":1}")]),
            "f:1: neither a `source` record nor a fact (no `bundle`)"
        );
    }
}

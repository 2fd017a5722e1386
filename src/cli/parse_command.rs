//! `factlint parse`: print every recognized span, for people (text) and for
//! the conformance scorer (`--batch`, JSON Lines in, one JSON array per line
//! out).
//!
//! The CLI owns argument parsing; this module owns the behaviour so that it
//! can be tested without a process.

use std::io::{BufRead, ErrorKind, Write};

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::recognize::{Mention, MentionValue, NumberKind, Recognizer};
use crate::vocabulary::units::Units;

/// Output format of `factlint parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseFormat {
    Json,
    Text,
}

/// What `factlint parse` was asked to do.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// The text argument; `None` or `"-"` reads stdin.
    pub text: Option<String>,
    /// `--reference-date`; in batch mode, the default for lines without one.
    pub reference: Option<NaiveDate>,
    /// `--batch`: JSON Lines on stdin.
    pub batch: bool,
    /// `--format` (ignored in batch mode, which is always JSON).
    pub format: ParseFormat,
    /// The unit table: a figure's unit is shown beside it ("4 km" →
    /// `km`, length). Batch output, read by the conformance scorer, leaves
    /// units out.
    pub units: Option<Units>,
}

#[derive(Deserialize)]
struct BatchLine {
    text: String,
    #[serde(default)]
    reference_date: Option<String>,
}

/// JSON for one mention: `{"text","start","end","dim","value"}` with the
/// value shapes of the conformance README. Ordinals use dim `ordinal`.
pub fn mention_json(text: &str, m: &Mention) -> Value {
    let snippet = text.get(m.start..m.end).unwrap_or("");
    let (dim, value) = match &m.value {
        MentionValue::Number(n) => {
            let dim = if n.kind == NumberKind::Ordinal {
                "ordinal"
            } else {
                "number"
            };
            (dim, json!({"value": n.value, "kind": n.kind}))
        }
        MentionValue::Range(r) => (
            "range",
            json!({"min": r.min, "max": r.max, "min_inclusive": r.min_inclusive,
                   "max_inclusive": r.max_inclusive, "approximate": r.approximate}),
        ),
        MentionValue::Date(d) => {
            let mut v = json!({
                "start": d.period.map(|p| p.start.to_string()),
                "end": d.period.map(|p| p.end.to_string()),
                "granularity": d.period.map(|p| p.granularity),
                "stated": d.stated,
                "relative": d.relative,
                "since": d.since,
            });
            // Parts of day and times only when stated, so that the
            // conformance output keeps its shape.
            if let Some(p) = d.part {
                v["part"] = json!(p);
            }
            if let Some(u) = d.until {
                v["until"] = json!({"start": u.start.to_string(), "end": u.end.to_string()});
            }
            if let Some(t) = &d.time {
                v["time"] = json!(t);
            }
            ("date", v)
        }
        MentionValue::Duration(d) => (
            "duration",
            json!({
                "min_seconds": d.min_seconds,
                // JSON has no infinity: an open upper bound is null.
                "max_seconds": d.max_seconds.is_finite().then_some(d.max_seconds),
                "approximate": d.approximate,
            }),
        ),
    };
    json!({"text": snippet, "start": m.start, "end": m.end, "dim": dim, "value": value})
}

/// The unit written next to a figure mention, from the unit table: a sign
/// before its first digit ("US$71 million") or a word or symbol after it
/// ("4 km", "the 4-kilometre route").
fn unit_json(units: &Units, text: &str, m: &Mention) -> Option<Value> {
    if !matches!(m.value, MentionValue::Number(_) | MentionValue::Range(_)) {
        return None;
    }
    let digit = text
        .get(m.start..m.end)?
        .find(|c: char| c.is_ascii_digit())
        .map_or(m.start, |i| m.start + i);
    let hit = units
        .before(text.get(..digit)?)
        .or_else(|| units.after(text.get(m.end..)?).map(|(h, _)| h))?;
    let unit = units.unit(hit.unit);
    Some(json!({"id": unit.id, "dimension": unit.dimension}))
}

/// The mention as JSON, with its unit when the table knows one.
fn with_unit(units: Option<&Units>, text: &str, m: &Mention) -> Value {
    let mut v = mention_json(text, m);
    if let Some(unit) = units.and_then(|u| unit_json(u, text, m)) {
        v["unit"] = unit;
    }
    v
}

fn text_line(units: Option<&Units>, text: &str, m: &Mention) -> String {
    let v = with_unit(units, text, m);
    let unit = match &v["unit"] {
        Value::Object(u) => format!(
            "\t{} ({})",
            u.get("id").and_then(Value::as_str).unwrap_or(""),
            u.get("dimension").and_then(Value::as_str).unwrap_or("")
        ),
        _ => String::new(),
    };
    format!(
        "{}..{}\t{}\t{:?}\t{}{unit}",
        m.start,
        m.end,
        v["dim"].as_str().unwrap_or(""),
        v["text"].as_str().unwrap_or(""),
        v["value"]
    )
}

/// Run `factlint parse`. `text` is the argument (`None` or `"-"` reads all
/// of stdin); with `batch`, stdin holds JSON Lines `{"text",
/// "reference_date"}` and each line gets one JSON array on `out`, in order.
/// A malformed line yields `[]` and a message on `err`; it never stops the
/// batch, and the count of such lines is returned (the command exits 1 when
/// there were any). A closed stdout (broken pipe) ends the run quietly.
pub fn run_parse(
    recognizer: &Recognizer,
    opts: ParseOptions,
    stdin: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<usize> {
    let ParseOptions {
        text,
        reference,
        batch,
        format,
        units,
    } = opts;
    let units = units.as_ref();
    let mut bad = 0;
    let result = if batch {
        run_batch(recognizer, reference, stdin, out, err).map(|n| bad = n)
    } else {
        let text = match text {
            Some(t) if t != "-" => t,
            _ => {
                let mut s = String::new();
                stdin.read_to_string(&mut s)?;
                s
            }
        };
        let mentions = recognizer.scan(&text, reference);
        match format {
            ParseFormat::Json => {
                let arr: Vec<Value> = mentions
                    .iter()
                    .map(|m| with_unit(units, &text, m))
                    .collect();
                writeln!(out, "{}", Value::Array(arr))
            }
            ParseFormat::Text => mentions
                .iter()
                .try_for_each(|m| writeln!(out, "{}", text_line(units, &text, m))),
        }
    };
    match result {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(bad),
        r => r.and_then(|()| out.flush()).map(|()| bad).or_else(|e| {
            if e.kind() == ErrorKind::BrokenPipe {
                Ok(bad)
            } else {
                Err(e)
            }
        }),
    }
}

fn run_batch(
    recognizer: &Recognizer,
    default_reference: Option<NaiveDate>,
    stdin: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<usize> {
    let mut buf = Vec::new();
    let mut lineno = 0usize;
    let mut bad = 0usize;
    loop {
        buf.clear();
        if stdin.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        lineno += 1;
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            writeln!(out, "[]")?;
            continue;
        }
        match serde_json::from_str::<BatchLine>(line) {
            Ok(b) => {
                let reference = match b.reference_date.as_deref() {
                    Some(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                        Ok(d) => Some(d),
                        Err(e) => {
                            let _ = writeln!(err, "line {lineno}: bad reference_date {s:?}: {e}");
                            bad += 1;
                            default_reference
                        }
                    },
                    None => default_reference,
                };
                let arr: Vec<Value> = recognizer
                    .scan(&b.text, reference)
                    .iter()
                    .map(|m| mention_json(&b.text, m))
                    .collect();
                writeln!(out, "{}", Value::Array(arr))?;
            }
            Err(e) => {
                let _ = writeln!(err, "line {lineno}: not a JSON object with \"text\": {e}");
                bad += 1;
                writeln!(out, "[]")?;
            }
        }
    }
    Ok(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(input: &str) -> (String, String) {
        let r = Recognizer::new();
        let mut out = Vec::new();
        let mut err = Vec::new();
        let mut inp = input.as_bytes();
        let opts = ParseOptions {
            text: None,
            reference: None,
            batch: true,
            format: ParseFormat::Json,
            units: None,
        };
        let bad = run_parse(&r, opts, &mut inp, &mut out, &mut err).unwrap_or_default();
        assert_eq!(bad, err.lines().count(), "one message per bad line");
        (
            String::from_utf8_lossy(&out).into_owned(),
            String::from_utf8_lossy(&err).into_owned(),
        )
    }

    #[test]
    fn batch_keeps_order_and_survives_bad_lines() {
        let (out, err) = batch(
            "{\"text\": \"26 leaders\", \"reference_date\": null}\nnot json\n{\"text\": \"\"}\n",
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].contains("\"dim\":\"number\""));
        assert_eq!(lines[1], "[]");
        assert_eq!(lines[2], "[]");
        assert!(err.contains("line 2"));
    }

    #[test]
    fn figures_show_their_unit() {
        let set = crate::rules::load(&crate::rules::LoadOptions::default()).expect("defaults load");
        let opts = ParseOptions {
            text: Some("The 984-foot hull (300 metres) cost US$2 bn; 12 crew.".into()),
            reference: None,
            batch: false,
            format: ParseFormat::Text,
            units: Some(set.lexicon.units),
        };
        let mut out = Vec::new();
        let r = Recognizer::new();
        run_parse(&r, opts, &mut &b""[..], &mut out, &mut Vec::new()).expect("parse runs");
        let out = String::from_utf8_lossy(&out);
        let units: Vec<&str> = out
            .lines()
            .map(|l| l.split('\t').nth(4).unwrap_or("-"))
            .collect();
        assert_eq!(units, ["ft (length)", "m (length)", "usd (money)", "-"]);
    }
}

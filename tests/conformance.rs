//! Conformance ratchet: runs the Recognizers-Text cases in
//! `../shared/conformance/recognizers-text/` through the library and fails
//! when a file's pass count drops below the floor recorded here.
//!
//! The matching rules are those of `shared/conformance/score.py`, redone in
//! Rust: an expected item is found when a reported span of the same dim
//! overlaps its text (after lower-casing and collapsing whitespace, one
//! contains the other) and its value is equal; an empty `expect` passes when
//! nothing of that dim is reported. When the directory is absent (a
//! checkout without `shared/`), the test prints a note and passes.
//!
//! Raise a floor when a change makes more cases pass; never lower one
//! without saying why in the commit.

use std::path::PathBuf;

use chrono::NaiveDate;
use factlint::cli::parse_command::mention_json;
use factlint::recognize::Recognizer;
use serde_json::Value;

/// (file, cases that must pass). Recorded from the run that set them.
const FLOORS: &[(&str, usize)] = &[
    ("number.jsonl", 141),
    ("number-fractions.jsonl", 93),
    ("range.jsonl", 85),
    ("duration.jsonl", 56),
    ("date.jsonl", 342),
];

fn norm(s: &str) -> String {
    s.to_lowercase()
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn overlaps(found: &str, want: &str) -> bool {
    let (f, w) = (norm(found), norm(want));
    w.contains(&f) || f.contains(&w)
}

fn close(x: Option<f64>, y: Option<f64>) -> bool {
    match (x, y) {
        (Some(a), Some(b)) => (a - b).abs() <= f64::max(1e-6 * f64::max(a.abs(), b.abs()), 1e-9),
        _ => false,
    }
}

fn f(v: &Value, k: &str) -> Option<f64> {
    v.get(k).and_then(Value::as_f64)
}

fn strs(v: &Value, k: &str) -> Vec<Option<String>> {
    v.get(k)
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|x| x.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn matches(dim: &str, exp: &Value, res: &[Value]) -> bool {
    let want_text = exp.get("text").and_then(Value::as_str).unwrap_or("");
    for r in res {
        let v = r.get("value").cloned().unwrap_or(Value::Null);
        let rdim = r.get("dim").and_then(Value::as_str).unwrap_or("");
        if !overlaps(
            r.get("text").and_then(Value::as_str).unwrap_or(""),
            want_text,
        ) || rdim != dim
        {
            continue;
        }
        match dim {
            "number" if close(f(&v, "value"), f(exp, "value")) => return true,
            "range" => {
                let mut ok = ["min", "max"].iter().all(|k| {
                    (exp.get(*k).is_none_or(Value::is_null) && v.get(*k).is_none_or(Value::is_null))
                        || close(f(&v, k), f(exp, k))
                });
                // A closed/open difference at an integer bound is accepted
                // when it names the same integers.
                for (k, inc, step) in [
                    ("min", "min_inclusive", 1.0),
                    ("max", "max_inclusive", -1.0),
                ] {
                    let (Some(e), Some(got)) = (f(exp, k), f(&v, k)) else {
                        continue;
                    };
                    if close(Some(got), Some(e)) {
                        continue;
                    }
                    let exp_inc = exp.get(inc).and_then(Value::as_bool).unwrap_or(false);
                    let got_inc = v.get(inc).and_then(Value::as_bool).unwrap_or(true);
                    if e.fract() == 0.0 && got_inc != exp_inc {
                        let alt = e + if !exp_inc { step } else { -step };
                        ok = ok || close(Some(got), Some(alt));
                    }
                }
                if ok {
                    return true;
                }
            }
            "duration" => {
                let (lo, hi, want) = (
                    f(&v, "min_seconds"),
                    f(&v, "max_seconds"),
                    f(exp, "seconds"),
                );
                if close(lo, want) && close(hi, want) {
                    return true;
                }
                if let (Some(lo), Some(hi), Some(w)) = (lo, hi, want) {
                    if lo <= w && w <= hi && hi - lo <= 0.1 * w {
                        return true;
                    }
                }
            }
            "date" => {
                let (Some(st), Some(en)) = (
                    v.get("start").and_then(Value::as_str),
                    v.get("end").and_then(Value::as_str),
                ) else {
                    continue;
                };
                let starts = strs(exp, "start");
                if exp.get("end").is_some() {
                    let ends = strs(exp, "end");
                    if starts
                        .iter()
                        .zip(&ends)
                        .any(|(s, e)| s.as_deref() == Some(st) && e.as_deref() == Some(en))
                    {
                        return true;
                    }
                } else {
                    let ends = strs(exp, "end_exclusive");
                    let end_next = day(en).and_then(|d| d.succ_opt());
                    for (s, e) in starts.iter().zip(&ends) {
                        if s.as_deref() == Some(st)
                            && e.as_deref().and_then(day).is_some()
                            && e.as_deref().and_then(day) == end_next
                        {
                            return true;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    false
}

fn score(r: &Recognizer, path: &PathBuf) -> (usize, usize, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let (mut passed, mut total, mut failures) = (0, 0, Vec::new());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(case) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        total += 1;
        let input = case.get("input").and_then(Value::as_str).unwrap_or("");
        let reference = case
            .get("reference_date")
            .and_then(Value::as_str)
            .and_then(day);
        let res: Vec<Value> = r
            .scan(input, reference)
            .iter()
            .map(|m| mention_json(input, m))
            .collect();
        let dim = case.get("dim").and_then(Value::as_str).unwrap_or("");
        let expect = case
            .get("expect")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let ok = if expect.is_empty() {
            !res.iter()
                .any(|x| x.get("dim").and_then(Value::as_str) == Some(dim))
        } else {
            expect.iter().all(|e| matches(dim, e, &res))
        };
        if ok {
            passed += 1;
        } else {
            failures.push(
                case.get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("?")
                    .to_string(),
            );
        }
    }
    (passed, total, failures)
}

#[test]
fn conformance_does_not_regress() {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/recognizers-text");
    if !dir.is_dir() {
        println!(
            "note: {} not found; conformance ratchet skipped",
            dir.display()
        );
        return;
    }
    let r = Recognizer::new();
    let mut regressions = Vec::new();
    for (file, floor) in FLOORS {
        let path = dir.join(file);
        if !path.is_file() {
            println!("note: {file} missing; skipped");
            continue;
        }
        let (passed, total, failures) = score(&r, &path);
        println!("{file}: {passed}/{total} (floor {floor})");
        if passed < *floor {
            regressions.push(format!(
                "{file}: {passed}/{total} < floor {floor}; failing: {failures:?}"
            ));
        }
    }
    assert!(
        regressions.is_empty(),
        "conformance regressed:\n{}",
        regressions.join("\n")
    );
}

//! Snapshot tests of whole-bundle reports (insta). A change in what
//! factlint reports on the example bundle shows up as a snapshot diff to
//! review like code.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn run(args: &[&str]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(root)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn example_text_report() {
    let text = run(&[
        "check",
        "examples/harbour-festival",
        "--fail-on",
        "never",
        "--no-config",
    ]);
    insta::assert_snapshot!("harbour_festival_text", text);
}

/// The findings as one line each: verdict, severity, id, sources. Compact
/// enough to read in review, complete enough to catch any change of verdict.
#[test]
fn example_findings() {
    let json = run(&[
        "check",
        "examples/harbour-festival",
        "--format",
        "json",
        "--fail-on",
        "never",
        "--no-config",
    ]);
    let report: Value = serde_json::from_str(&json).unwrap();
    let lines: Vec<String> = report["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let sources: Vec<&str> = f["sources"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .collect();
            format!(
                "{:<13} {:<7} {} [{}]",
                f["verdict"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["id"].as_str().unwrap(),
                sources.join(", ")
            )
        })
        .collect();
    insta::assert_snapshot!("harbour_festival_findings", lines.join("\n"));
}

//! Quantities with units on a whole bundle (`examples/kestrel-bridge`): two
//! sources that give one length in miles and in kilometres agree, heights in
//! metres and feet agree, depths in metres conflict, and an amount given in
//! Australian dollars with its US-dollar conversion is weighed by that
//! conversion. Figures in currencies that do not convert are listed as not
//! comparable, never agreed or conflicting.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn check(dir: &str) -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(root)
        .args([
            "check",
            dir,
            "--format",
            "json",
            "--fail-on",
            "never",
            "--no-config",
        ])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (rule, key) → (verdict, sources)
fn findings(report: &Value) -> Vec<(String, String, String, Vec<String>)> {
    report["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["key"].as_str().unwrap().to_string(),
                f["verdict"].as_str().unwrap().to_string(),
                f["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

fn verdict_of(all: &[(String, String, String, Vec<String>)], key: &str) -> Option<String> {
    all.iter()
        .find(|(rule, k, _, _)| rule == "count-consistency" && k == key)
        .map(|(_, _, v, _)| v.clone())
}

#[test]
fn lengths_agree_across_units_and_depths_conflict() {
    let report = check("examples/kestrel-bridge");
    let all = findings(&report);
    // 1.6 miles and 2.6 km: one length as rounded.
    assert_eq!(verdict_of(&all, "route").as_deref(), Some("agree"));
    // 80 metres and 262 feet.
    assert_eq!(verdict_of(&all, "height").as_deref(), Some("agree"));
    // 12 m and 18 m.
    assert_eq!(verdict_of(&all, "depth").as_deref(), Some("conflict"));
    // A$10.5 million ($7.5 million) meets $7.5 million by its conversion;
    // the third source's $6.1 million meets neither.
    let spent = all
        .iter()
        .find(|(rule, k, _, _)| rule == "count-consistency" && k == "spent")
        .expect("a finding on the amount spent");
    assert_eq!(spent.2, "conflict");
    assert_eq!(spent.3.len(), 3);
}

#[test]
fn quantity_facts_carry_unit_dimension_and_base() {
    let report = check("examples/kestrel-bridge");
    let facts = report["bundles"][0]["facts"].as_array().unwrap();
    let miles = facts
        .iter()
        .find(|f| f["value"]["unit"] == "mi")
        .expect("a length in miles");
    assert_eq!(miles["value"]["dimension"], "length");
    assert_eq!(miles["value"]["base"]["unit"], "m");
    let metres = miles["value"]["base"]["min"].as_f64().unwrap();
    assert!((metres - 2574.9504).abs() < 1e-6, "{metres}");
    let aud = facts
        .iter()
        .find(|f| f["value"]["unit"] == "aud")
        .expect("an amount in Australian dollars");
    assert_eq!(aud["value"]["min"], 10_500_000);
    assert_eq!(aud["value"]["also"][0]["unit"], "usd");
    assert_eq!(aud["value"]["also"][0]["min"], 7_500_000);
    // Money has no base: currencies convert only at a rate.
    assert!(aud["value"].get("base").is_none());
}

#[test]
fn currencies_that_do_not_convert_are_listed_not_weighed() {
    let report = check("rules/core/tests/count-consistency/pass-currency");
    let all = findings(&report);
    assert_eq!(verdict_of(&all, "grant").as_deref(), Some("not_comparable"));
    assert_eq!(report["summary"]["not_comparable"], 1);
    assert_eq!(report["summary"]["conflicts"], 0);
    assert_eq!(report["summary"]["agreements"], 0);
}

//! The binary end to end on the shipped example bundle: findings, exit
//! codes, and clear errors on bad input.

mod common;

use common::{example, factlint, run};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    run(factlint().args(args)).json()
}

fn findings(report: &Value) -> Vec<&Value> {
    report["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .collect()
}

#[test]
fn example_bundle_has_its_conflicts_agreements_and_near_miss() {
    let r = json(&[
        "check",
        "--format",
        "json",
        "--fail-on",
        "never",
        example().to_str().unwrap(),
    ]);
    assert_eq!(r["version"], 1);
    let f = findings(&r);
    let has = |verdict: &str, rule: &str, subject: Option<&str>| {
        f.iter().any(|x| {
            x["verdict"] == verdict
                && x["rule"] == rule
                && subject.is_none_or(|s| x["subject"] == s)
        })
    };
    // Two real conflicts, and more.
    assert!(
        has("conflict", "count-consistency", None),
        "performers 250 vs some 400"
    );
    assert!(has("conflict", "attendance-consistency", Some("ray-holt")));
    assert!(has("conflict", "precedent-conflict", None));
    assert!(has("conflict", "quote-drift", Some("ada-lind")));
    assert!(has(
        "reference",
        "officeholder-as-of-date",
        Some("rishi-sunak")
    ));
    // Agreements.
    assert!(has("agree", "date-consistency", None));
    assert!(has("agree", "anniversary-consistency", None));
    assert!(has(
        "agree",
        "treaty-consistency",
        Some("france+united-kingdom")
    ));
    assert!(has("agree", "weekday-matches-date", None));
    assert!(has("agree", "precedent-arithmetic", None));
    // The near miss: "more than 10,000" beside "about 12,000" agrees.
    let spectators = f
        .iter()
        .find(|x| x["key"] == "spectators")
        .expect("spectators finding");
    assert_eq!(spectators["verdict"], "agree");
    // Single source.
    assert!(has("single_source", "single-source", Some("sofia-lund")));
    // Every fact kind is exercised by the example.
    let kinds: std::collections::BTreeSet<&str> = r["bundles"][0]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect();
    for k in [
        "count",
        "date",
        "duration",
        "attendance",
        "precedent",
        "anniversary",
        "first",
        "treaty",
        "quote",
        "role",
    ] {
        assert!(kinds.contains(k), "no {k} fact in the example");
    }
}

#[test]
fn exit_codes_follow_fail_on() {
    let ex = example();
    let ex = ex.to_str().unwrap();
    // The example has an error-level conflict (attendance).
    factlint().args(["check", ex]).assert().code(1);
    factlint()
        .args(["check", ex, "--fail-on", "never"])
        .assert()
        .code(0);
    factlint()
        .args(["check", ex, "--fail-on", "warning"])
        .assert()
        .code(1);
    // What is shown does not change what fails.
    factlint()
        .args(["check", ex, "--min-severity", "error", "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn bad_input_is_one_clear_line_and_exit_2() {
    let ran = run(factlint().args(["check", "/no/such/bundle"]));
    assert!(ran.refused().contains("/no/such/bundle"), "{ran:?}");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), b"valid text\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), [0x66, 0x6f, 0xff, 0xfe]).unwrap();
    let ran = run(factlint().arg("check").arg(dir.path()));
    assert_eq!(ran.code, Some(2));
    let err = &ran.stderr;
    assert!(
        err.contains("b.txt") && err.contains("UTF-8") && !err.contains("panicked"),
        "{err}"
    );

    factlint()
        .args(["check", "--format", "nonsense", "x"])
        .assert()
        .code(2);
}

#[test]
fn odd_articles_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        "",
        "\n\n\n",
        "---\n---\n",
        "“”\"\"“unclosed",
        "9999999999999999999999999 troops and more than 1e400 aircraft on September 31, 2025.",
        "President , said \"\" since since since in in 12345 years.",
        "Ünïcödé — ñame’s “quote” — 北京 on Wednesday, the previous day, last year.",
        &"one two three four five six seven eight nine ten ".repeat(200),
        &"from 1 to 2 ".repeat(100),
    ];
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), t).unwrap();
    }
    let ran = run(factlint()
        .args(["check", "--fail-on", "never", "--format", "json"])
        .arg(dir.path()));
    assert!(ran.success(), "{}", ran.stderr);
}

#[test]
fn facts_command_lists_what_was_read() {
    let ran = run(factlint().args(["facts"]).arg(example()));
    assert!(ran.success(), "{ran:?}");
    let text = ran.stdout;
    let row = |words: &[&str]| {
        text.lines()
            .any(|l| words.iter().all(|w| l.split_whitespace().any(|x| x == *w)))
    };
    assert!(row(&["count", "spectators", "≥10001"]), "{text}");
    assert!(row(&["quote", "ada-lind", "attributed"]), "{text}");
}

#[test]
fn help_teaches_the_commands() {
    let text = run(factlint().arg("--help")).stdout;
    for word in ["check", "facts", "parse", "Examples"] {
        assert!(text.contains(word), "--help lacks {word}");
    }
}

#[test]
fn the_previous_day_counts_from_the_day_the_article_told_of() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\npublished: 2025-09-10\n---\nThe parade took place on September 3, 2025.\nMayor Ada Lind arrived in the city the previous day.\n",
    )
    .unwrap();
    let v = run(factlint()
        .args(["facts", "--format", "json"])
        .arg(dir.path()))
    .json();
    let facts = v[0]["facts"].as_array().unwrap();
    let arrival = facts
        .iter()
        .find(|f| f["key"] == "arrival")
        .expect("arrival fact");
    assert_eq!(
        (
            arrival["value"]["month"].as_i64(),
            arrival["value"]["day"].as_i64()
        ),
        (Some(9), Some(2))
    );
}

#[test]
fn never_overwrites_an_input_and_keeps_symlinks() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("b");
    std::fs::create_dir(&bundle).unwrap();
    let article = bundle.join("a.md");
    std::fs::write(
        &article,
        "Some 300 spectators came to the parade on May 3, 2025.\n",
    )
    .unwrap();
    let before = std::fs::read(&article).unwrap();
    for flag in ["--output", "--write-baseline"] {
        let ran = run(factlint().arg("check").arg(&bundle).arg(flag).arg(&article));
        assert!(ran.refused().contains("nothing written"), "{flag}");
        assert_eq!(
            std::fs::read(&article).unwrap(),
            before,
            "{flag} modified an input"
        );
    }
    // A symlinked output stays a symlink; its target gets the report.
    let target = dir.path().join("report.json");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    factlint()
        .arg("check")
        .arg(&bundle)
        .args(["--format", "json", "--fail-on", "never", "--output"])
        .arg(&link)
        .assert()
        .code(0);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("\"version\": 1")
    );
}

#[test]
fn a_path_with_nothing_to_check_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.md"), "not an article").unwrap();
    let ran = run(factlint().arg("check").arg(dir.path()));
    assert!(ran.refused().contains("no sources found"), "{ran:?}");
}

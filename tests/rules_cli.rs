//! The rule language from the command line: `factlint rules list|explain|
//! test`, user packs (`--rules`, `--no-default-rules`), malformed rule files
//! (exit 2, one line naming file, line, column and rule), the custom-pack
//! example, and quote drift.

use common::{Ran, copy_dir, repo, run_in};
use serde_json::Value;

mod common;

/// `factlint args` from the repository root, where the example packs are.
fn factlint(args: &[&str]) -> Ran {
    run_in(&repo(), args)
}

/// The `N passed, M failed` line of `rules test`.
fn tally(out: &str) -> (usize, usize) {
    let line = out.lines().last().unwrap_or_else(|| panic!("no output"));
    let (passed, failed) = line
        .split_once(" passed, ")
        .unwrap_or_else(|| panic!("last line is not a tally: {line:?}"));
    let failed = failed
        .strip_suffix(" failed")
        .unwrap_or_else(|| panic!("last line is not a tally: {line:?}"));
    (passed.parse().unwrap(), failed.parse().unwrap())
}

fn default_rule_ids() -> Vec<String> {
    let out = factlint(&["rules", "list", "--format", "json"]);
    assert!(out.success(), "{}", out.stderr);
    out.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn rules_test_passes_with_a_flag_and_a_pass_fixture_per_default_rule() {
    let out = factlint(&["rules", "test", "--verbose"]);
    let text = out.stdout.clone();
    assert!(out.success(), "{text}\n{}", out.stderr);
    let (passed, failed) = tally(&text);
    assert_eq!(failed, 0, "{text}");
    for id in default_rule_ids() {
        for kind in ["flag", "pass"] {
            assert!(
                text.lines().any(|l| l == format!("ok    {id}/{kind}")),
                "{id} has no passing {kind} fixture:\n{text}"
            );
        }
    }
    assert!(passed >= 2 * default_rule_ids().len(), "{text}");
}

#[test]
fn rules_test_runs_a_pack_directory_and_exits_1_on_a_failing_fixture() {
    let out = factlint(&["rules", "test", "examples/custom-pack"]);
    assert!(out.success(), "{}{}", out.stdout, out.stderr);
    assert_eq!(tally(&out.stdout).1, 0);

    // Make the must-flag case agree: the fixture must now fail.
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("custom-pack");
    copy_dir(&repo().join("examples/custom-pack"), &pack);
    let article = pack.join("tests/lantern-count/flag/b-post.md");
    let text = std::fs::read_to_string(&article)
        .unwrap()
        .replace("450", "300");
    std::fs::write(&article, text).unwrap();
    let out = factlint(&["rules", "test", pack.to_str().unwrap()]);
    let text = out.stdout.clone();
    assert_eq!(out.code, Some(1), "{text}");
    assert!(text.contains("FAIL  lantern-count/flag"), "{text}");
    assert!(text.contains("expected a finding, got none"), "{text}");
    assert_eq!(tally(&text).1, 1, "{text}");

    // A rule the pack defines needs both kinds of fixture.
    std::fs::remove_dir_all(pack.join("tests/lantern-ceiling/pass")).unwrap();
    let out = factlint(&["rules", "test", pack.to_str().unwrap()]);
    assert!(
        out.stdout
            .contains("FAIL  lantern-ceiling: no `pass` fixture"),
        "{}",
        out.stdout
    );
}

#[test]
fn rules_list_prints_every_rule_with_its_fields() {
    let out = factlint(&[
        "rules",
        "list",
        "--format",
        "json",
        "--rules",
        "examples/custom-pack",
    ]);
    assert!(out.success(), "{}", out.stderr);
    let rules = out.json();
    let rules = rules.as_array().unwrap();
    for r in rules {
        for field in ["id", "check", "severity", "pack", "description"] {
            assert!(r[field].is_string(), "{field} in {r}");
        }
        assert!(r["enabled"].is_boolean(), "{r}");
    }
    let lantern = rules.iter().find(|r| r["id"] == "lantern-count").unwrap();
    assert_eq!(lantern["check"], "agree");
    assert_eq!(lantern["severity"], "error");
    assert_eq!(lantern["pack"], "custom-pack");
    assert_eq!(
        rules.iter().filter(|r| r["pack"] == "core").count(),
        default_rule_ids().len()
    );

    let out = factlint(&["rules", "list"]);
    let text = out.stdout.clone();
    let header = text.lines().next().unwrap();
    for column in ["ID", "CHECK", "SEVERITY", "PACK", "ENABLED", "DESCRIPTION"] {
        assert!(header.contains(column), "{header}");
    }
    assert!(
        text.lines()
            .any(|l| l.starts_with("quote-drift ") && l.contains(" quote-drift ")),
        "{text}"
    );
}

#[test]
fn no_default_rules_starts_empty() {
    let out = factlint(&["rules", "list", "--format", "json", "--no-default-rules"]);
    assert_eq!(out.json(), Value::Array(vec![]));
    let out = factlint(&[
        "rules",
        "list",
        "--format",
        "json",
        "--no-default-rules",
        "--rules",
        "examples/custom-pack",
    ]);
    let ids: Vec<Value> = out
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(
        ids,
        vec![Value::from("lantern-count"), Value::from("lantern-ceiling")]
    );
}

#[test]
fn rules_explain_shows_a_rule_and_where_it_is_defined() {
    let out = factlint(&["rules", "explain", "count-consistency"]);
    let text = out.stdout.clone();
    assert!(out.success(), "{}", out.stderr);
    let defined = regex::Regex::new(r"defined: +rules/core/consistency\.yaml:(\d+) ").unwrap();
    let line: usize = defined.captures(&text).unwrap_or_else(|| panic!("{text}"))[1]
        .parse()
        .unwrap();
    let yaml = std::fs::read_to_string(repo().join("rules/core/consistency.yaml")).unwrap();
    assert!(
        yaml.lines()
            .nth(line - 1)
            .unwrap()
            .contains("id: count-consistency")
    );
    for want in [
        "count-consistency: Sources must give compatible figures for the same count.",
        "check:     agree",
        "Rationale",
        "Parameters",
        "tolerance: 0.1",
        "Example",
        "Over 300 spectators lined the quay.",
    ] {
        assert!(text.contains(want), "{want:?} missing from\n{text}");
    }

    // An override is listed under the definition.
    let out = factlint(&[
        "rules",
        "explain",
        "count-consistency",
        "--rules",
        "tests/packs/disable-count-consistency",
    ]);
    let text = out.stdout.clone();
    assert!(text.contains("enabled:   no"), "{text}");
    assert!(
        text.contains("overridden: tests/packs/disable-count-consistency/rules.yaml:3"),
        "{text}"
    );
}

#[test]
fn rules_explain_of_an_unknown_rule_is_a_usage_error() {
    let out = factlint(&["rules", "explain", "count"]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("unknown rule `count`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("count-consistency"), "{}", out.stderr);
}

#[test]
fn malformed_rule_files_exit_2_with_file_line_column_and_rule() {
    let cases = [
        (
            "yaml-syntax",
            "rules.yaml:5:1: lantern-count: found unexpected end of stream",
        ),
        (
            "unknown-check",
            "rules.yaml:5:12: lantern-count: check: unknown variant `agreee`",
        ),
        (
            "unknown-field",
            "rules.yaml:6:5: lantern-count: unknown field `selector`",
        ),
        (
            "missing-field",
            "rules.yaml:2:5: lantern-count: missing field `message`",
        ),
        (
            "wrong-type",
            "rules.yaml:7:25: lantern-count: params.tolerance: invalid type: string \"ten percent\", expected f64",
        ),
        (
            "bad-regex",
            "rules.yaml:6:33: capped-count: select.text: invalid regex `(?i)^(up to`: unclosed group",
        ),
        (
            "duplicate-id",
            "b.yaml:3:5: lantern-count: duplicate rule id in pack `duplicate-id`",
        ),
        (
            "unknown-kind",
            "rules.yaml:6:28: lantern-count: select.kind[1]: unknown variant `amount`",
        ),
    ];
    for (case, want) in cases {
        let dir = format!("tests/packs/bad-rules/{case}");
        for args in [
            vec![
                "check",
                "examples/harbour-festival",
                "--rules",
                dir.as_str(),
            ],
            vec!["rules", "list", "--rules", dir.as_str()],
        ] {
            let out = factlint(&args);
            let err = out.stderr.clone();
            assert_eq!(out.code, Some(2), "{case}: {err}");
            assert_eq!(err.lines().count(), 1, "{case}: {err}");
            let want = format!("factlint: error: {dir}/{want}");
            assert!(err.starts_with(&want), "{case}:\n got {err}\nwant {want}");
            assert!(out.stdout.is_empty(), "{case}");
        }
    }
}

fn findings(report: &Value) -> Vec<Value> {
    report["bundles"][0]["findings"].as_array().unwrap().clone()
}

#[test]
fn a_pack_disabling_a_default_rule_removes_its_findings_and_nothing_else() {
    let base = [
        "check",
        "examples/harbour-festival",
        "--format",
        "json",
        "--fail-on",
        "never",
    ];
    let before = factlint(&base).json();
    let mut args = base.to_vec();
    args.extend(["--rules", "tests/packs/disable-count-consistency"]);
    let after = factlint(&args).json();

    let before_findings = findings(&before);
    let removed: Vec<&Value> = before_findings
        .iter()
        .filter(|f| f["rule"] == "count-consistency")
        .collect();
    assert!(
        removed.iter().any(|f| f["verdict"] == "conflict"),
        "the example must have a count conflict for this test to mean anything"
    );
    let kept: Vec<Value> = before_findings
        .iter()
        .filter(|f| f["rule"] != "count-consistency")
        .cloned()
        .collect();
    assert_eq!(findings(&after), kept);
    assert_eq!(before["bundles"][0]["facts"], after["bundles"][0]["facts"]);
}

#[test]
fn the_custom_pack_makes_paper_lights_lanterns() {
    let base = [
        "check",
        "examples/lanterns",
        "--format",
        "json",
        "--fail-on",
        "never",
    ];
    let without = factlint(&base).json();
    assert!(
        findings(&without).iter().all(|f| f["key"] != "lanterns"),
        "{:#?}",
        findings(&without)
    );
    // Without the pack both figures are counts, but of two different
    // things ("lantern", "light"), so nothing compares them.
    let keys: Vec<&str> = without["bundles"][0]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "count")
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert_ne!(keys[0], keys[1], "without the pack the keys differ");
    assert!(
        findings(&without)
            .iter()
            .all(|f| f["verdict"] != "conflict" || f["kind"] != "count"),
        "{:#?}",
        findings(&without)
    );

    let mut args = base.to_vec();
    args.extend(["--rules", "examples/custom-pack"]);
    let with = factlint(&args).json();
    let conflicts: Vec<Value> = findings(&with)
        .into_iter()
        .filter(|f| f["key"] == "lanterns" && f["verdict"] == "conflict")
        .collect();
    let rules: Vec<&str> = conflicts
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        vec!["count-consistency", "lantern-count"],
        "{conflicts:#?}"
    );
    let facts = with["bundles"][0]["facts"].as_array().unwrap();
    let texts: Vec<&str> = facts
        .iter()
        .filter(|f| f["key"] == "lanterns")
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, vec!["300 lanterns", "450 paper lights"]);

    // lantern-count is an error: the default --fail-on error now fails.
    let out = factlint(&[
        "check",
        "examples/lanterns",
        "--rules",
        "examples/custom-pack",
    ]);
    assert_eq!(out.code, Some(1));
}

#[test]
fn one_changed_word_in_a_quote_is_quote_drift_showing_that_word() {
    let dir = "rules/core/tests/quote-drift/flag";
    let report = factlint(&["check", dir, "--format", "json", "--fail-on", "never"]).json();
    let drift: Vec<Value> = findings(&report)
        .into_iter()
        .filter(|f| f["rule"] == "quote-drift")
        .collect();
    assert_eq!(drift.len(), 1, "{drift:#?}");
    assert_eq!(drift[0]["verdict"], "conflict");
    assert_eq!(drift[0]["subject"], "ada-lind");
    let changed: Vec<(String, String)> = drift[0]["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["op"] != "equal")
        .map(|c| {
            (
                c["op"].as_str().unwrap().to_string(),
                c["text"].as_str().unwrap().trim().to_string(),
            )
        })
        .collect();
    assert_eq!(
        changed,
        vec![
            ("delete".into(), "and".into()),
            ("insert".into(), "but".into())
        ]
    );

    // The terminal report shows the same diff (no colour off a terminal).
    let out = factlint(&["check", dir, "--fail-on", "never"]);
    let text = out.stdout.clone();
    assert!(
        text.contains("diff: bold [-and -]{+but +}necessary."),
        "{text}"
    );
}

#[test]
fn a_rule_turned_off_by_a_pack_still_runs_its_fixtures() {
    let out = factlint(&[
        "rules",
        "test",
        "--verbose",
        "--rules",
        "tests/packs/disable-count-consistency",
    ]);
    let text = out.stdout.clone();
    assert!(out.success(), "{text}");
    assert!(text.contains("ok    count-consistency/flag"), "{text}");
}

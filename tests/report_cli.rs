//! The report formats, baselines, suppressions, configuration and corpus
//! mode, through the binary, on the example bundle and copies of it.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn sarif_of_the_example_bundle_validates_against_the_schema() {
    let out = run(factlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "sarif",
            "--fail-on",
            "never",
        ])
        .arg(example()));
    assert!(out.success(), "{}", out.stderr);
    let sarif = out.json();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    // Every result names a known rule, and every conflict has a location
    // with line and column in each source involved.
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        let sources = r["properties"]["sources"].as_array().unwrap();
        let locs = r["locations"].as_array().unwrap();
        assert!(locs.len() >= sources.len(), "{r}");
        for l in locs {
            let region = &l["physicalLocation"]["region"];
            assert!(region["startLine"].as_u64().unwrap() >= 1);
            assert!(region["startColumn"].as_u64().unwrap() >= 1);
        }
    }

    let Some(schema_path) = shared("schemas/sarif-schema-2.1.0.json") else {
        return;
    };
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn json_report_validates_against_the_published_schema() {
    let report = json_report(&repo(), &[example().to_str().unwrap()]);
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("docs/report.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// A source in another language is reported as skipped with a note, with
/// no facts, and the JSON still validates against the schema.
#[test]
fn a_source_in_another_language_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("story");
    copy_dir(&example(), &bundle);
    std::fs::write(
        bundle.join("zz-french.md"),
        "Le festival du port a attiré plus de 40 000 visiteurs samedi, selon les organisateurs.\n\n\
         La maire a déclaré que l'édition de cette année était la plus réussie depuis sa création, \
         et les commerçants du quartier se sont félicités de l'affluence tout au long du week-end.\n\n\
         Les pompiers ont indiqué qu'aucun incident grave n'avait été signalé pendant les trois jours de fête.\n",
    )
    .unwrap();
    let report = json_report(dir.path(), &["story"]);
    let sources = report["bundles"][0]["sources"].as_array().unwrap();
    let french = sources.iter().find(|s| s["id"] == "zz-french").unwrap();
    assert_eq!(
        french["skipped"],
        serde_json::json!({"reason": "language", "language": "fra"})
    );
    assert!(
        sources
            .iter()
            .filter(|s| s["id"] != "zz-french")
            .all(|s| s.get("skipped").is_none()),
        "English sources are read"
    );
    let facts = report["bundles"][0]["facts"].as_array().unwrap();
    assert!(!facts.is_empty());
    assert!(facts.iter().all(|f| f["source"] != "zz-french"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("docs/report.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&report));

    let text = run(factlint_in(dir.path()).args([
        "check",
        "--no-config",
        "--fail-on",
        "never",
        "--quiet",
        "story",
    ]))
    .stdout;
    assert!(
        text.contains("note: zz-french skipped: written in French (fra), not English"),
        "{text}"
    );
}

#[test]
fn baseline_hides_accepted_findings_and_fails_on_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("story");
    copy_dir(&example(), &bundle);
    let run = |extra: &[&str]| {
        factlint_in(dir.path())
            .args(["check", "--no-config", "story", "--fail-on", "warning"])
            .args(extra)
            .assert()
    };
    // The example has warnings and errors: without a baseline it fails.
    run(&[]).code(1);
    run(&["--write-baseline", "baseline.json"])
        .code(0)
        .stderr(predicate::str::contains("to baseline.json"));
    run(&["--baseline", "baseline.json"])
        .code(0)
        .stdout(predicate::str::contains("baselined"));
    let report = json_report(dir.path(), &["story", "--baseline", "baseline.json"]);
    assert_eq!(report["summary"]["findings"], 0);
    assert!(report["summary"]["baselined"].as_u64().unwrap() > 0);

    // Edits elsewhere (a new paragraph at the top moves every line) keep
    // the accepted findings accepted.
    let gazette = bundle.join("001-gazette.md");
    let text = std::fs::read_to_string(&gazette).unwrap();
    let moved = text.replacen("# Lanterns", "An unrelated opening line.\n\n# Lanterns", 1);
    assert_ne!(moved, text);
    std::fs::write(&gazette, &moved).unwrap();
    run(&["--baseline", "baseline.json"]).code(0);

    // A new conflicting figure is a new finding.
    let bulletin = bundle.join("003-bulletin.txt");
    let mut text = std::fs::read_to_string(&bulletin).unwrap();
    text.push_str("\nSome 90 performers marched in the parade.\n");
    std::fs::write(&bulletin, text).unwrap();
    run(&["--baseline", "baseline.json"])
        .code(1)
        .stdout(predicate::str::contains("90 performers"));
}

#[test]
fn a_suppression_comment_removes_exactly_the_named_finding() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("story");
    copy_dir(&example(), &bundle);
    let before = json_report(dir.path(), &["story"]);
    let before_ids = finding_ids(&before);
    let quote: Vec<&String> = before_ids
        .iter()
        .filter(|id| id.starts_with("quote-drift:"))
        .collect();
    assert_eq!(quote.len(), 1, "{before_ids:?}");

    let gazette = bundle.join("001-gazette.md");
    let text = std::fs::read_to_string(&gazette).unwrap();
    let edited = text.replacen(
        "Lind said the evening",
        "<!-- factlint-disable-next-line quote-drift -->\n\nLind said the evening",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&gazette, edited).unwrap();

    let after = json_report(dir.path(), &["story"]);
    let mut expected: Vec<String> = before_ids
        .iter()
        .filter(|id| !id.starts_with("quote-drift:"))
        .cloned()
        .collect();
    let mut got = finding_ids(&after);
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    assert_eq!(after["summary"]["suppressed"], 1);

    // --no-suppress shows it again.
    let all = json_report(dir.path(), &["story", "--no-suppress"]);
    assert_eq!(finding_ids(&all).len(), before_ids.len());
}

#[test]
fn a_corpus_of_three_bundles_reports_three_bundles() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["alpha", "beta", "gamma"] {
        copy_dir(&example(), &dir.path().join("corpus").join(name));
    }
    let report = json_report(dir.path(), &["corpus"]);
    let names: Vec<&str> = report["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["alpha", "beta", "gamma"]);
    assert_eq!(report["summary"]["bundles"], 3);
    // The same bundle three times: per-bundle results are identical.
    let counts: Vec<usize> = report["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["findings"].as_array().unwrap().len())
        .collect();
    assert!(counts[0] > 0 && counts.iter().all(|c| *c == counts[0]));
    factlint_in(dir.path())
        .args(["check", "--no-config", "corpus", "--fail-on", "never"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("3 bundles, 9 sources")
                .and(predicate::str::contains("\nalpha: 3 sources"))
                .and(predicate::str::contains("\ngamma: 3 sources")),
        );
}

#[test]
fn html_report_of_a_hostile_bundle_escapes_everything() {
    let dir = tempfile::tempdir().unwrap();
    write_hostile_bundle(&dir.path().join("hostile"));
    factlint_in(dir.path())
        .args(["check", "--no-config", "hostile", "--format", "html"])
        .args(["--output", "report.html", "--fail-on", "never"])
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Our one inline script, nothing else executable.
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(!html.contains("<img"));
    assert!(!html.contains("<a href=\"javascript:"));
    assert!(!html.to_lowercase().contains("href=\"javascript:"));
    // The payloads are there, as text.
    assert!(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;"));
    assert!(html.contains("<table id=\"matrix\""));
}

#[test]
fn every_format_renders_the_example() {
    for (format, probe) in [
        ("text", "bundle"),
        ("json", "\"version\": 1"),
        ("yaml", "version: 1"),
        ("html", "<table id=\"matrix\""),
        ("sarif", "\"version\": \"2.1.0\""),
        ("github", "::error file="),
        ("junit", "<testsuites name=\"factlint\""),
    ] {
        factlint()
            .args([
                "check",
                "--no-config",
                "--fail-on",
                "never",
                "--format",
                format,
            ])
            .arg(example())
            .assert()
            .success()
            .stdout(predicate::str::contains(probe));
    }
}

#[test]
fn yaml_carries_the_json_data() {
    let json = json_report(&repo(), &[example().to_str().unwrap()]);
    let out = run(factlint()
        .args([
            "check",
            "--no-config",
            "--fail-on",
            "never",
            "--format",
            "yaml",
        ])
        .arg(example()));
    let yaml: serde_json::Value = serde_yaml::from_str(&out.stdout).unwrap();
    assert_eq!(yaml, json);
}

#[test]
fn colour_only_when_asked_and_never_under_no_color() {
    let esc = predicate::str::contains("\u{1b}[");
    // Piped (as under assert_cmd): no colour.
    factlint()
        .args(["check", "--no-config", "--fail-on", "never"])
        .arg(example())
        .assert()
        .stdout(esc.clone().not());
    factlint()
        .env("CLICOLOR_FORCE", "1")
        .args(["check", "--no-config", "--fail-on", "never"])
        .arg(example())
        .assert()
        .stdout(esc.clone());
    factlint()
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .args(["check", "--no-config", "--fail-on", "never"])
        .arg(example())
        .assert()
        .stdout(esc.clone().not());
    // Machine formats never carry colour.
    factlint()
        .env("CLICOLOR_FORCE", "1")
        .args([
            "check",
            "--no-config",
            "--fail-on",
            "never",
            "--format",
            "json",
        ])
        .arg(example())
        .assert()
        .stdout(esc.not());
}

#[test]
fn quiet_leaves_findings_and_the_summary_line() {
    let out = run(factlint()
        .args(["check", "--no-config", "--fail-on", "never", "--quiet"])
        .arg(example()));
    let text = out.stdout;
    assert!(!text.contains("reference date"));
    assert!(!text.contains("Agreements"));
    assert!(text.contains("Conflicts"));
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("1 bundle, 3 sources")
    );
}

#[test]
fn config_is_discovered_from_the_working_directory_upward() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example(), &dir.path().join("stories/festival"));
    std::fs::write(
        dir.path().join("factlint.yaml"),
        "fail_on: never\nformat: json\ndisable: [quote-drift]\n",
    )
    .unwrap();
    let sub = dir.path().join("stories");
    let out = run(factlint_in(&sub).args(["check", "festival"]));
    assert_eq!(out.code, Some(0));
    let report = out.json();
    assert!(
        !finding_ids(&report)
            .iter()
            .any(|id| id.starts_with("quote-drift"))
    );
    // Flags override the file.
    factlint_in(&sub)
        .args([
            "check",
            "festival",
            "--format",
            "text",
            "--fail-on",
            "warning",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Conflicts"));
    // --no-config ignores it.
    factlint_in(&sub)
        .args(["check", "festival", "--no-config"])
        .assert()
        .code(1);
}

#[test]
fn config_errors_name_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("factlint.yaml"),
        "fail_on: error\nfail_onn: x\n",
    )
    .unwrap();
    factlint_in(dir.path())
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("factlint.yaml:2:"));
}

#[test]
fn init_writes_a_config_once() {
    let dir = tempfile::tempdir().unwrap();
    factlint_in(dir.path()).arg("init").assert().success();
    let text = std::fs::read_to_string(dir.path().join("factlint.yaml")).unwrap();
    assert!(text.starts_with("# factlint configuration"));
    factlint_in(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    // The written file is a valid configuration.
    copy_dir(&example(), &dir.path().join("story"));
    factlint_in(dir.path())
        .args(["check", "story", "--fail-on", "never"])
        .assert()
        .success();
}

#[test]
fn stdin_is_one_source() {
    let article = std::fs::read_to_string(example().join("002-courier.md")).unwrap();
    let out = run(factlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--fail-on",
            "never",
            "-",
        ])
        .write_stdin(article.clone()));
    assert!(out.success(), "{}", out.stderr);
    let report = out.json();
    assert_eq!(report["bundles"][0]["name"], "stdin");
    assert_eq!(report["bundles"][0]["sources"][0]["id"], "stdin");
    assert!(!report["bundles"][0]["facts"].as_array().unwrap().is_empty());

    // With a bundle, the stdin source joins it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("story")).unwrap();
    std::fs::copy(
        example().join("001-gazette.md"),
        dir.path().join("story/001-gazette.md"),
    )
    .unwrap();
    let out = run(factlint_in(dir.path())
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--fail-on",
            "never",
            "story",
            "-",
        ])
        .write_stdin(article));
    let report = out.json();
    assert_eq!(report["summary"]["bundles"], 1);
    assert_eq!(report["summary"]["sources"], 2);
}

#[test]
fn facts_jsonl_and_table() {
    let out = run(factlint()
        .args(["facts", "--no-config", "--format", "jsonl"])
        .arg(example()));
    assert!(out.success());
    let text = out.stdout;
    assert!(text.lines().count() > 5);
    // Each source's `source` record, then its facts (the facts file `check
    // --facts` reads; tests/map_reduce.rs).
    let mut sources = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["bundle"], "harbour-festival");
        if v["kind"] == "source" {
            sources += 1;
            assert_eq!(v["factlint_facts"], 1);
        } else {
            assert!(v["kind"].is_string() && v["span"]["line"].is_u64());
        }
    }
    assert_eq!(sources, 3);
    factlint()
        .args(["facts", "--no-config"])
        .arg(example())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("source").and(predicate::str::contains("modality")));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        factlint()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("factlint"));
    }
    factlint()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH factlint").and(predicate::str::contains("check")));
}

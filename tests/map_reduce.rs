//! Beyond one machine (issue 9): extraction is a map over bundles
//! (`factlint facts PATH --format jsonl`), checking a reduce by bundle
//! (`factlint check --facts FILE...`). Facts extracted bundle by bundle,
//! shuffled into shards, must check exactly as the articles do.

mod common;

use std::path::{Path, PathBuf};

use common::{check_args, factlint_in, repo, run, run_in, shared};

/// The bundles of the repository's examples, and of the seed story and the
/// devset when `../shared` holds them, as paths relative to the repository.
fn bundles() -> Vec<String> {
    let mut out = subdirs(&repo().join("examples"), "examples");
    if shared("seeds/parade-2025").is_some() {
        out.push("../shared/seeds/parade-2025".into());
    }
    if let Some(devset) = shared("devset") {
        out.extend(subdirs(&devset, "../shared/devset"));
    }
    out
}

/// The directories in `dir`, sorted, each named as `shown/NAME`.
fn subdirs(dir: &Path, shown: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.into_iter().map(|n| format!("{shown}/{n}")).collect()
}

/// `factlint facts PATH --format jsonl` in `cwd`: the map of one unit.
fn map(cwd: &Path, path: &str) -> String {
    let ran = run_in(cwd, &["facts", "--no-config", path, "--format", "jsonl"]);
    assert!(ran.success(), "facts {path}: {}", ran.stderr);
    ran.stdout
}

/// `factlint check` in `cwd` with `args`: its exit code and output.
fn check(cwd: &Path, args: &[&str]) -> (Option<i32>, String) {
    let ran = run(factlint_in(cwd).args(["check", "--no-config"]).args(args));
    assert!(matches!(ran.code, Some(0 | 1)), "{args:?}: {}", ran.stderr);
    (ran.code, ran.stdout)
}

fn strs(paths: &[PathBuf]) -> Vec<&str> {
    paths.iter().map(|p| p.to_str().unwrap()).collect()
}

#[test]
fn sharded_facts_check_exactly_like_the_articles() {
    let root = repo();
    let bundles = bundles();
    let dir = tempfile::tempdir().unwrap();
    // Bundle i goes to shard i % 3, as a job scheduler might deal them.
    let mut shards = vec![String::new(); 3];
    for (i, b) in bundles.iter().enumerate() {
        shards[i % 3].push_str(&map(&root, b));
    }
    let files: Vec<PathBuf> = shards
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let p = dir.path().join(format!("shard{i}.jsonl"));
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    let paths: Vec<&str> = bundles.iter().map(String::as_str).collect();
    for format in ["json", "text", "sarif"] {
        let direct = check(&root, &[&["--format", format][..], &paths].concat());
        let reduced = check(
            &root,
            &[&["--format", format, "--facts"][..], &strs(&files)].concat(),
        );
        assert_eq!(direct, reduced, "--format {format}");
        // The order of the files does not matter.
        let mut reversed = files.clone();
        reversed.reverse();
        let again = check(
            &root,
            &[&["--format", format, "--facts"][..], &strs(&reversed)].concat(),
        );
        assert_eq!(direct, again, "--format {format}, files reversed");
    }
    // The exit code follows --fail-on as in a direct check.
    let (code, _) = check(&root, &[&["--facts"][..], &strs(&files)].concat());
    assert_eq!(code, check(&root, &paths).0);
}

#[test]
fn a_corpus_root_is_a_map_unit_too() {
    let root = repo();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("examples.jsonl");
    std::fs::write(&file, map(&root, "examples")).unwrap();
    let direct = check(&root, &["--format", "json", "examples"]);
    let reduced = check(
        &root,
        &["--format", "json", "--facts", file.to_str().unwrap()],
    );
    assert_eq!(direct, reduced);
}

#[test]
fn standard_input_carries_a_facts_file() {
    let root = repo();
    let facts = map(&root, "examples/harbour-festival");
    let ran = run(factlint_in(&root)
        .args(["check", "--no-config", "--format", "json", "--facts", "-"])
        .write_stdin(facts));
    let direct = check(&root, &["--format", "json", "examples/harbour-festival"]);
    assert_eq!((ran.code, ran.stdout), direct);
}

/// A bundle whose sources disagree on a figure, one of them accepting it
/// with an inline comment.
fn suppressed_bundle(dir: &Path) {
    let b = dir.join("fair");
    std::fs::create_dir_all(&b).unwrap();
    std::fs::write(
        b.join("a.md"),
        "---\npublished: 2025-05-01\n---\nThe fair drew 300 visitors on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        b.join("b.md"),
        "---\npublished: 2025-05-01\n---\n<!-- factlint-disable-next-line count-consistency -->\nThe fair drew 900 visitors on Monday.\n",
    )
    .unwrap();
}

#[test]
fn inline_suppressions_survive_the_map() {
    let dir = tempfile::tempdir().unwrap();
    suppressed_bundle(dir.path());
    let facts = dir.path().join("fair.jsonl");
    std::fs::write(&facts, map(dir.path(), "fair")).unwrap();
    for extra in [&[][..], &["--no-suppress"][..]] {
        let direct = check(
            dir.path(),
            &[&["--format", "json", "fair"][..], extra].concat(),
        );
        let reduced = check(
            dir.path(),
            &[&["--format", "json", "--facts", "fair.jsonl"][..], extra].concat(),
        );
        assert_eq!(direct, reduced, "{extra:?}");
        let v: serde_json::Value = serde_json::from_str(&reduced.1).unwrap();
        let suppressed = v["summary"]["suppressed"].as_u64().unwrap();
        assert_eq!(suppressed, u64::from(extra.is_empty()), "{extra:?}");
    }
}

#[test]
fn a_baseline_written_from_articles_applies_to_facts() {
    let root = repo();
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let facts = dir.path().join("h.jsonl");
    std::fs::write(&facts, map(&root, "examples/harbour-festival")).unwrap();
    let written = check(
        &root,
        &[
            "examples/harbour-festival",
            "--write-baseline",
            baseline.to_str().unwrap(),
        ],
    );
    assert_eq!(written.0, Some(0));
    let (code, out) = check(
        &root,
        &[
            "--format",
            "json",
            "--fail-on",
            "info",
            "--baseline",
            baseline.to_str().unwrap(),
            "--facts",
            facts.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["summary"]["baselined"].as_u64().unwrap() > 0);
    assert_eq!(v["summary"]["findings"], 0);
}

/// `check --facts` over files written in `dir`; the one-line refusal.
fn refusal(dir: &Path, files: &[(&str, &str)]) -> String {
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let mut args = vec!["check", "--no-config", "--facts"];
    args.extend(files.iter().map(|(name, _)| *name));
    run_in(dir, &args).refused().to_string()
}

#[test]
fn bad_facts_files_are_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = map(&repo(), "examples/harbour-festival");
    let lines: Vec<&str> = good.lines().collect();

    let bad_json = format!("{}\n{{\"bundle\": oops}}\n", lines[0]);
    let err = refusal(d, &[("bad.jsonl", &bad_json)]);
    assert!(
        err.starts_with("factlint: error: bad.jsonl:2: not JSON:"),
        "{err}"
    );

    let v9 = good.replacen("\"factlint_facts\":1", "\"factlint_facts\":9", 1);
    let err = refusal(d, &[("v9.jsonl", &v9)]);
    assert!(
        err.contains("v9.jsonl:1: facts format version 9; this factlint reads version 1"),
        "{err}"
    );

    // A fact whose source has no record before it: lines of the second
    // source's facts without that source's record.
    let second = lines
        .iter()
        .position(|l| l.contains("\"kind\":\"source\"") && !l.contains("001-gazette"))
        .unwrap();
    let orphan = [&lines[..second], &lines[second + 1..]].concat().join("\n");
    let err = refusal(d, &[("orphan.jsonl", &orphan)]);
    assert!(
        err.contains(&format!(
            "orphan.jsonl:{}: fact `002-courier#0` of source `002-courier`",
            second + 1
        )),
        "{err}"
    );

    // A file from before source records: facts only.
    let old: String = lines
        .iter()
        .filter(|l| !l.contains("\"kind\":\"source\""))
        .map(|l| format!("{l}\n"))
        .collect();
    let err = refusal(d, &[("old.jsonl", &old)]);
    assert!(err.contains("old.jsonl:1: fact `001-gazette#0`"), "{err}");

    // Cut short: the first source's record and one of its facts.
    let cut = lines[..2].join("\n");
    let err = refusal(d, &[("cut.jsonl", &cut)]);
    assert!(
        err.contains("cut.jsonl:1: source `001-gazette`: its record says"),
        "{err}"
    );

    // One bundle's sources in two files: the first file is whole to the
    // end of a source, the second holds the rest; without the second the
    // bundle is short of sources.
    let head = lines[..second].join("\n");
    let err = refusal(d, &[("head.jsonl", &head)]);
    assert!(
        err.contains("head.jsonl:1: bundle `harbour-festival` had 3 sources when its facts were written, 1 are in the files given"),
        "{err}"
    );
    let tail = lines[second..].join("\n");
    std::fs::write(d.join("tail.jsonl"), &tail).unwrap();
    let ran = run_in(d, &check_args(&["--facts", "head.jsonl", "tail.jsonl"]));
    assert!(ran.success(), "{}", ran.stderr);

    // The same file twice.
    let err = refusal(d, &[("a.jsonl", &good), ("b.jsonl", &good)]);
    assert!(
        err.contains("b.jsonl:1: source `001-gazette` of bundle `harbour-festival` again (first at a.jsonl:1)"),
        "{err}"
    );

    let err = refusal(d, &[("empty.jsonl", "\n")]);
    assert!(err.contains("no sources in empty.jsonl"), "{err}");
    let err = run_in(d, &["check", "--no-config", "--facts", "missing.jsonl"])
        .refused()
        .to_string();
    assert!(err.contains("missing.jsonl: no such file"), "{err}");
}

#[test]
fn a_story_read_in_pieces_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (sub, n) in [("desk", 300), ("inbox", 900)] {
        std::fs::create_dir_all(d.join(sub)).unwrap();
        std::fs::write(
            d.join(sub).join(format!("{sub}.md")),
            format!("---\nstory: fair\n---\nThe fair drew {n} visitors.\n"),
        )
        .unwrap();
        std::fs::write(d.join(format!("{sub}.jsonl")), map(d, sub)).unwrap();
    }
    let err = run_in(
        d,
        &[
            "check",
            "--no-config",
            "--facts",
            "desk.jsonl",
            "inbox.jsonl",
        ],
    )
    .refused()
    .to_string();
    assert!(
        err.contains("inbox.jsonl:1: story `fair` was read in pieces (also at desk.jsonl:1)"),
        "{err}"
    );
    // Read whole, the story checks.
    std::fs::write(d.join("all.jsonl"), map(d, ".")).unwrap();
    let ran = run_in(d, &check_args(&["--facts", "all.jsonl"]));
    assert!(ran.success(), "{}", ran.stderr);
}

#[test]
fn paths_and_facts_do_not_mix() {
    let root = repo();
    let ran = run_in(
        &root,
        &["check", "examples/harbour-festival", "--facts", "x.jsonl"],
    );
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    assert!(ran.stderr.contains("cannot be used with"), "{}", ran.stderr);
    let ran = run_in(
        &root,
        &[
            "check",
            "--facts",
            "x.jsonl",
            "--reference-date",
            "2025-01-01",
        ],
    );
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
}

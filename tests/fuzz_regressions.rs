//! Inputs the fuzz harness (fuzz/, docs/fuzzing.md) found to panic or to
//! run slower than 10 ms per KB, minimized, each pinned by a test named
//! for what went wrong.

mod common;

use std::time::{Duration, Instant};

use common::run_in;

/// A line of number words ("two two two …") was read as hundreds of
/// figures, each costing work over the whole sentence: quadratic, 40 ms
/// per KB in a release build. Mentions per sentence are now bounded.
#[test]
fn a_line_of_number_words_is_read_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("The crossing has {}towers.\n", "two ".repeat(4000));
    std::fs::write(dir.path().join("a.md"), &line).unwrap();
    std::fs::write(dir.path().join("b.md"), "The crossing has two towers.\n").unwrap();
    let start = Instant::now();
    let ran = run_in(
        dir.path(),
        &["facts", "--no-config", "--format", "jsonl", "."],
    );
    assert!(ran.success(), "{ran:?}");
    // Generous for a debug build on a busy machine; the unbounded version
    // took minutes here.
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    let facts = ran.stdout.lines().count();
    assert!(
        facts <= 16 * factlint::extract::MAX_MENTIONS_PER_SENTENCE,
        "{facts} facts"
    );
}

/// YAML nested thousands of levels deep (`[[[[…]]]]`) kept the parser
/// busy for seconds to minutes: its work grows with the square of the
/// depth. Front matter, manifests, configuration and rule packs now refuse
/// nesting past 200 levels, at the bracket, before parsing.
#[test]
fn deeply_nested_yaml_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let deep =
        |open: &str, close: &str| format!("{}1{}", open.repeat(50_000), close.repeat(50_000));
    let bundle = dir.path().join("bundle");
    std::fs::create_dir(&bundle).unwrap();
    std::fs::write(bundle.join("a.md"), "Some 40 boats sailed.\n").unwrap();
    std::fs::write(
        dir.path().join("config.yaml"),
        format!("disable: {}\n", deep("[", "]")),
    )
    .unwrap();
    let pack = dir.path().join("pack");
    std::fs::create_dir(&pack).unwrap();
    std::fs::write(
        pack.join("rules.yaml"),
        format!("rules:\n  - id: x\n    params: {}\n", deep("{a: ", "}")),
    )
    .unwrap();
    let story = dir.path().join("story");
    std::fs::create_dir(&story).unwrap();
    std::fs::write(
        story.join("a.md"),
        format!(
            "---\ntitle: Boats\nextra: {}\n---\nSome 40 boats sailed.\n",
            deep("[", "]")
        ),
    )
    .unwrap();
    std::fs::write(
        bundle.join("bundle.yaml"),
        format!("sources: {}\n", deep("{a: ", "}")),
    )
    .unwrap();
    let cases: [(&[&str], &str); 4] = [
        (
            &["check", "--config", "config.yaml", "story"],
            "config.yaml:1:210: nested deeper than 200 levels",
        ),
        (
            &["check", "--no-config", "--rules", "pack", "story"],
            "pack/rules.yaml:3:813: nested deeper than 200 levels",
        ),
        (
            &["check", "--no-config", "story"],
            "story/a.md:3:208: nested deeper than 200 levels",
        ),
        (
            &["check", "--no-config", "bundle"],
            "bundle/bundle.yaml:1:810: nested deeper than 200 levels",
        ),
    ];
    for (args, expected) in cases {
        let start = Instant::now();
        let ran = run_in(dir.path(), args);
        assert!(ran.refused().ends_with(expected), "{args:?}: {ran:?}");
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{args:?}: {:?}",
            start.elapsed()
        );
    }
}

/// A pack with one very long alias took 60 ms per 4 KB to load: the
/// phrase matcher compiled every small set of patterns to a DFA, whose
/// build cost grows with states times alphabet. Large pattern sets now
/// compile to a contiguous NFA.
#[test]
fn a_pack_with_a_huge_alias_loads_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    std::fs::create_dir(&pack).unwrap();
    let alias = "victory in the long war of many words ".repeat(5_000);
    std::fs::write(
        pack.join("events.yaml"),
        format!(
            "reference:\n  events:\n    - id: long-war\n      date: 1945-09-02\n      aliases: [{alias}]\n"
        ),
    )
    .unwrap();
    let start = Instant::now();
    let ran = run_in(
        dir.path(),
        &["rules", "list", "--no-config", "--rules", "pack"],
    );
    assert!(ran.success(), "{ran:?}");
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

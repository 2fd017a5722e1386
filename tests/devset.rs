//! A ratchet on real reporting: runs the editor's scorer
//! (`../shared/devset/score.py`) over the real multi-outlet bundles and fails
//! when a figure drops below the level the project has reached, the way
//! `tests/conformance.rs` guards the recognizers. Raise the floors when a
//! change lifts the figures; never lower them to make a change pass.
//!
//! The scorer is Python (with PyYAML); `.ci/run` installs PyYAML. Where the
//! devset or Python is absent the test says so and passes: it measures the
//! project against data that ships beside it, not with it.

mod common;

use std::process::Command;

use common::shared;

/// The floors: conflict precision, firm and all contradictions caught, and
/// count+date facts found, summed over the devset's bundles.
const MIN_PRECISION: f64 = 0.9;
const MIN_FIRM: u32 = 9;
const MIN_ALL: u32 = 16;
const MIN_FACTS: u32 = 184;

/// The numbers of the scorer's summary line: `devset: precision 0.57 (8/14,
/// 2 traps), recall firm 4/14 all 9/34, facts 132/251`.
#[derive(Debug, PartialEq)]
struct Summary {
    precision: f64,
    firm: u32,
    all: u32,
    facts: u32,
}

fn parse(line: &str) -> Option<Summary> {
    let after = |tag: &str| -> Option<&str> {
        let i = line.find(tag)? + tag.len();
        Some(line[i..].trim_start())
    };
    let number = |s: &str| -> Option<String> {
        Some(
            s.chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect(),
        )
    };
    Some(Summary {
        precision: number(after("precision ")?)?.parse().ok()?,
        firm: number(after("recall firm ")?)?.parse().ok()?,
        all: number(after(" all ")?)?.parse().ok()?,
        facts: number(after("facts ")?)?.parse().ok()?,
    })
}

#[test]
fn summary_line_parses() {
    let s =
        parse("devset: precision 0.57 (8/14, 2 traps), recall firm 4/14 all 9/34, facts 132/251");
    assert_eq!(
        s,
        Some(Summary {
            precision: 0.57,
            firm: 4,
            all: 9,
            facts: 132
        })
    );
    assert_eq!(parse("no JSON (exit 2)"), None);
}

#[test]
fn devset_figures_do_not_drop() {
    let (Some(score), Some(devset)) = (shared("devset/score.py"), shared("devset")) else {
        return;
    };
    let python_ok = Command::new("python3")
        .args(["-c", "import yaml"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !python_ok {
        eprintln!("note: python3 with PyYAML absent; skipping the devset ratchet");
        return;
    }
    let mut bundles: Vec<_> = std::fs::read_dir(&devset)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("GOLD.yaml").is_file())
        .collect();
    bundles.sort();
    let out = Command::new("python3")
        .arg(&score)
        .arg(env!("CARGO_BIN_EXE_factlint"))
        .args(&bundles)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let last = stdout.lines().last().unwrap_or_default();
    eprintln!("{last}");
    let s = parse(last).unwrap_or_else(|| panic!("unreadable summary: {stdout}"));
    assert!(s.precision >= MIN_PRECISION, "precision fell: {last}");
    assert!(s.firm >= MIN_FIRM, "firm recall fell: {last}");
    assert!(s.all >= MIN_ALL, "recall fell: {last}");
    assert!(s.facts >= MIN_FACTS, "fact recall fell: {last}");
}

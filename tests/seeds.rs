//! The seed bundle (`../shared/seeds/parade-2025`) must yield what DESIGN.md
//! lists under "What the seed bundle must yield" — and nothing conflicting
//! beyond it — as given, renamed, reordered and with front matter.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn seeds_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/parade-2025");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("note: {} not found; seed tests skipped", dir.display());
        None
    }
}

const A: &str = "000_056155b88a1bc790";
const B: &str = "002_c123bffb5b023313";
const C: &str = "004_1f50c6008c831dc7";

fn report(dir: &Path) -> Value {
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

struct Bundle<'a> {
    findings: Vec<&'a Value>,
    facts: Vec<&'a Value>,
}

fn bundle(report: &Value) -> Bundle<'_> {
    let b = &report["bundles"][0];
    Bundle {
        findings: b["findings"].as_array().unwrap().iter().collect(),
        facts: b["facts"].as_array().unwrap().iter().collect(),
    }
}

fn sources(f: &Value) -> BTreeSet<String> {
    f["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

/// Finds the one finding matching the predicate, with a readable failure.
fn one<'a>(b: &Bundle<'a>, what: &str, pred: impl Fn(&Value) -> bool) -> &'a Value {
    let hits: Vec<&&Value> = b.findings.iter().filter(|f| pred(f)).collect();
    assert!(
        !hits.is_empty(),
        "missing finding: {what}\nfindings: {:#?}",
        b.findings.iter().map(|f| &f["id"]).collect::<Vec<_>>()
    );
    hits[0]
}

fn is(f: &Value, verdict: &str, kind: &str) -> bool {
    f["verdict"] == verdict && f["kind"] == kind
}

/// Asserts DESIGN.md's list. `ids` maps the original three source ids to
/// the ones in this run (renamed files).
fn assert_seed_findings(report: &Value, ids: [&str; 3]) {
    let [a, b_, c] = ids;
    let b = bundle(report);
    let all = set(&[a, b_, c]);

    // agree (3 sources)
    let date = one(&b, "event date agreed by all", |f| {
        is(f, "agree", "date") && f["key"] == "event-date"
    });
    assert_eq!(sources(date), all);
    let date_facts: Vec<&&Value> = b
        .facts
        .iter()
        .filter(|f| f["kind"] == "date" && f["key"] == "event-date")
        .collect();
    assert!(
        date_facts.iter().all(|f| f["value"]["year"] == 2025
            && f["value"]["month"] == 9
            && f["value"]["day"] == 3)
    );
    let anniversary = one(&b, "80th anniversary agreed", |f| {
        is(f, "agree", "anniversary")
    });
    assert_eq!(sources(anniversary), all);
    assert!(
        b.facts
            .iter()
            .filter(|f| f["kind"] == "anniversary")
            .all(|f| f["value"]["ordinal"] == 80)
    );
    for person in ["kim-jong-un", "vladimir-putin"] {
        let att = one(&b, &format!("{person} attends"), |f| {
            is(f, "agree", "attendance") && f["subject"] == person
        });
        assert_eq!(sources(att), all, "{person}");
    }

    // agree (2 sources): the pact signed "last year" = 2024
    let pact = one(&b, "defence pact 2024", |f| {
        is(f, "agree", "treaty") && f["subject"] == "north-korea+russia"
    });
    assert_eq!(sources(pact), set(&[a, c]));
    assert!(
        b.facts
            .iter()
            .filter(|f| f["kind"] == "treaty" && f["subject"] == "north-korea+russia")
            .all(|f| f["value"]["year"] == 2024)
    );

    // conflicts, and no others
    let precedent = one(&b, "precedent conflict", |f| {
        f["verdict"] == "conflict" && f["rule"] == "precedent-conflict"
    });
    assert_eq!(precedent["key"], "leaders-gathering");
    assert_eq!(sources(precedent), set(&[b_, c]));
    let debut = one(&b, "debut conflict", |f| {
        f["verdict"] == "conflict" && f["rule"] == "debut-conflict"
    });
    assert_eq!(debut["subject"], "kim-jong-un");
    assert!(sources(debut).contains(a) && sources(debut).contains(c));
    let conflicts: BTreeSet<String> = b
        .findings
        .iter()
        .filter(|f| f["verdict"] == "conflict")
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        conflicts,
        set(&["debut-conflict", "precedent-conflict"]),
        "unexpected conflicts"
    );
    let internal: Vec<&Value> = b
        .findings
        .iter()
        .copied()
        .filter(|f| f["verdict"] == "internal")
        .collect();
    assert!(
        internal.is_empty(),
        "unexpected internal findings: {internal:#?}"
    );

    // reference: "The Biden administration" in September 2025
    let biden = one(&b, "Biden anachronism", |f| f["verdict"] == "reference");
    assert_eq!(biden["subject"], "joe-biden");
    assert_eq!(sources(biden), set(&[b_]));
    assert_eq!(
        b.findings
            .iter()
            .filter(|f| f["verdict"] == "reference")
            .count(),
        1
    );

    // internal checks that pass
    let weekday = one(&b, "Sep 3 2025 is a Wednesday", |f| {
        f["rule"] == "weekday-matches-date" && f["verdict"] == "agree"
    });
    assert_eq!(sources(weekday), set(&[c]));
    let gap = one(&b, "1959 + 66 = 2025", |f| {
        f["rule"] == "precedent-arithmetic" && f["verdict"] == "agree"
    });
    assert_eq!(sources(gap), set(&[c]));
    one(&b, "80th anniversary of 1945 is 2025", |f| {
        f["rule"] == "anniversary-arithmetic" && f["verdict"] == "agree"
    });

    // single source
    let single = |kind: &str, key: &str, subject: Option<&str>, source: &str| {
        let f = one(
            &b,
            &format!("single source {kind}/{key}/{subject:?}"),
            |f| {
                f["verdict"] == "single_source"
                    && f["kind"] == kind
                    && f["key"] == key
                    && subject.is_none_or(|s| f["subject"] == s)
            },
        );
        assert_eq!(sources(f), set(&[source]), "{key}");
    };
    single("count", "troops", None, a);
    single("count", "aircraft", None, a);
    single("count", "vehicles", None, a);
    single("count", "foreign-leaders", None, a);
    single("count", "foreign-trips", Some("kim-jong-un"), a);
    single("duration", "event-duration", None, a);
    single("treaty", "treaty", Some("china+north-korea"), a);
    single("attendance", "attendance", Some("woo-won-shik"), c);
    for p in [
        "shehbaz-sharif",
        "min-aung-hlaing",
        "aleksandar-vucic",
        "robert-fico",
    ] {
        single("attendance", "attendance", Some(p), a);
    }
    // the figures themselves
    let count = |key: &str| {
        b.facts
            .iter()
            .find(|f| f["kind"] == "count" && f["key"] == key)
            .map(|f| f["value"].clone())
            .unwrap()
    };
    assert_eq!(
        count("troops"),
        serde_json::json!({"min": 10001, "max": null, "approximate": false})
    );
    assert_eq!(count("aircraft")["min"], 101);
    assert_eq!(
        count("vehicles"),
        serde_json::json!({"min": 200, "max": 999, "approximate": true})
    );
    assert_eq!(count("foreign-leaders")["max"], 26);
    assert_eq!(count("foreign-trips")["min"], 10);
}

#[test]
fn seed_bundle_yields_the_design_findings() {
    let Some(dir) = seeds_dir() else { return };
    let r = report(&dir);
    let sources = r["bundles"][0]["sources"].as_array().unwrap();
    let c = sources.iter().find(|s| s["id"] == C).unwrap();
    assert_eq!(c["reference_date"], "2025-09-03");
    assert_eq!(c["reference_date_from"], "dateline");
    assert_seed_findings(&r, [A, B, C]);
}

fn copy_with(dir: &Path, names: [&str; 3], front_matter: Option<[&str; 3]>) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let bundle = tmp.path().join("parade");
    std::fs::create_dir(&bundle).unwrap();
    for (i, id) in [A, B, C].iter().enumerate() {
        let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap();
        let text = match front_matter {
            Some(dates) => format!("---\npublished: {}\n---\n{text}", dates[i]),
            None => text,
        };
        std::fs::write(bundle.join(names[i]), text).unwrap();
    }
    tmp
}

#[test]
fn seed_findings_survive_renaming_and_reordering() {
    let Some(dir) = seeds_dir() else { return };
    // Reversed order: the first seed sorts last now.
    let names = ["zulu.txt", "mike.md", "alpha.txt"];
    let tmp = copy_with(&dir, names, None);
    assert_seed_findings(
        &report(&tmp.path().join("parade")),
        ["zulu", "mike", "alpha"],
    );
}

#[test]
fn seed_findings_survive_front_matter_dates() {
    let Some(dir) = seeds_dir() else { return };
    let tmp = copy_with(
        &dir,
        ["a.md", "b.md", "c.md"],
        Some(["2025-08-29", "2025-09-01", "2025-09-04"]),
    );
    let r = report(&tmp.path().join("parade"));
    let srcs = r["bundles"][0]["sources"].as_array().unwrap();
    assert!(
        srcs.iter()
            .all(|s| s["reference_date_from"] == "front_matter")
    );
    assert_seed_findings(&r, ["a", "b", "c"]);
}

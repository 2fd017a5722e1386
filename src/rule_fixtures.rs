//! Rule fixtures: tiny bundles written beside each rule, which the rule
//! must flag or must let pass, and the rule's `example:` sentences.
//! `factlint rules test` runs them.
//!
//! Beside the pipeline rather than inside `rules/`: a case is judged on
//! what the whole run (recognizers, extractors, checks) makes of it, and
//! `rules/` must not depend on the stages that feed it.
//!
//! Layout, under a pack directory:
//!
//! ```text
//! tests/<rule-id>/flag/*.md     the rule must report something
//! tests/<rule-id>/pass/*.md     the rule must report nothing
//! tests/<rule-id>/flag-<name>/  more cases of either kind
//! tests/<rule-id>/<case>/expect.yaml   optional, stricter expectations
//! ```
//!
//! "Report something" means a finding of the rule whose verdict is not
//! `agree` (a conflict, an internal or reference finding, a single-source
//! note). A pass case must also contain facts the rule looks at, so that it
//! cannot pass merely because nothing was extracted.
//!
//! Each case runs through the whole pipeline ([`check_bundle`]) with the
//! full rule set, the rule under test enabled, and is judged on that rule's
//! findings only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::corpus::{Bundle, Source};
use crate::error::{Error, Result};
use crate::pipeline::check_bundle;
use crate::recognize::Recognizer;
use crate::rules::schema::Selector;
use crate::rules::{
    Check, CheckContext, DEFAULT_FIXTURES, DiffOp, Finding, Rule, RuleSet, Verdict,
};

/// What a case expects of its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expectation {
    Flag,
    Pass,
}

/// `expect.yaml` in a case directory: stricter expectations than "some
/// finding" or "no finding".
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectFile {
    /// A finding of the rule must have this verdict (`agree` is allowed in
    /// pass cases: the rule compared the facts and found them compatible).
    #[serde(default)]
    pub verdict: Option<Verdict>,
    /// A finding of the rule must have a message containing this text.
    #[serde(default)]
    pub message: Option<String>,
    /// Exactly this many findings of the rule that are not agreements.
    #[serde(default)]
    pub findings: Option<usize>,
    /// At least this many facts the rule looks at (default 1 in pass cases).
    #[serde(default)]
    pub min_facts: Option<usize>,
    /// Words the finding's quote diff must show as changed.
    #[serde(default)]
    pub diff: Vec<String>,
}

/// One fixture case: a bundle held in memory.
#[derive(Debug, Clone)]
pub struct Case {
    pub rule: String,
    /// `flag`, `pass`, `flag-weekday`, …
    pub name: String,
    pub expect: Expectation,
    /// The case directory, for messages.
    pub dir: PathBuf,
    pub files: Vec<(PathBuf, String)>,
    pub expect_file: Option<(PathBuf, String)>,
    /// Made from the rule's `example:`; does not count as a fixture.
    pub from_example: bool,
}

#[derive(Debug, Clone)]
pub struct Outcome {
    /// `rule/case`, or `rule` for a problem with the rule's fixtures as a
    /// whole.
    pub name: String,
    pub dir: PathBuf,
    /// Why the case failed; `None` when it passed.
    pub failure: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct TestReport {
    pub outcomes: Vec<Outcome>,
}

impl TestReport {
    pub fn passed(&self) -> usize {
        self.outcomes.iter().filter(|o| o.failure.is_none()).count()
    }

    pub fn failed(&self) -> usize {
        self.outcomes.len() - self.passed()
    }
}

fn case_kind(name: &str) -> Option<Expectation> {
    let is = |prefix: &str| name == prefix || name.starts_with(&format!("{prefix}-"));
    if is("flag") {
        Some(Expectation::Flag)
    } else if is("pass") {
        Some(Expectation::Pass)
    } else {
        None
    }
}

/// Groups fixture files (`…/tests/<rule>/<case>/<file>`, paths relative to
/// `root`) into cases. Files elsewhere under `tests/` are reported as
/// mistakes rather than ignored.
fn group(root: &Path, files: Vec<(PathBuf, String)>) -> Result<Vec<Case>> {
    let mut cases: BTreeMap<(String, String), Case> = BTreeMap::new();
    for (rel, text) in files {
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let Some(t) = parts.iter().position(|p| p == "tests") else {
            continue;
        };
        let path = root.join(&rel);
        let bad = |why: &'static str| Error::MisplacedFixture {
            path: path.clone(),
            why,
        };
        let [rule, case, file] = &parts[t + 1..] else {
            return Err(bad("not a fixture file"));
        };
        let Some(expect) = case_kind(case) else {
            return Err(bad(
                "a case directory is named flag, pass, flag-… or pass-…",
            ));
        };
        let dir = root.join(parts[..t + 3].iter().collect::<PathBuf>());
        let entry = cases
            .entry((rule.clone(), case.clone()))
            .or_insert_with(|| Case {
                rule: rule.clone(),
                name: case.clone(),
                expect,
                dir,
                files: Vec::new(),
                expect_file: None,
                from_example: false,
            });
        let lower = file.to_lowercase();
        if lower == "expect.yaml" {
            entry.expect_file = Some((path, text));
        } else if (lower.ends_with(".md") || lower.ends_with(".txt"))
            && !lower.starts_with("readme.")
        {
            entry.files.push((path, text));
        }
    }
    Ok(cases.into_values().collect())
}

/// The fixtures of the default rules, as built into the binary.
pub fn default_cases() -> Result<Vec<Case>> {
    let files = DEFAULT_FIXTURES
        .iter()
        .map(|(rel, text)| (PathBuf::from(rel), (*text).to_string()))
        .collect();
    group(Path::new("rules"), files)
}

/// The fixtures under `dir` (every `tests/` directory in it).
pub fn dir_cases(dir: &Path) -> Result<Vec<Case>> {
    if !dir.is_dir() {
        return Err(Error::NotFound {
            path: dir.to_path_buf(),
        });
    }
    let mut files = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .hidden(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let entry = entry.map_err(|e| Error::walk(dir, e))?;
        let path = entry.path();
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let Ok(rel) = path.strip_prefix(dir) else {
            continue;
        };
        if rel.components().any(|c| c.as_os_str() == "tests") {
            files.push((
                rel.to_path_buf(),
                crate::corpus::read_settings(path, "fixture files")?,
            ));
        }
    }
    group(dir, files)
}

/// The `example:` of a rule as two cases: its `fail` sentences must be
/// flagged and its `pass` sentences must not be, each sentence an article
/// of its own. What `rules explain` shows is thereby tested too.
pub fn example_cases(rule: &Rule) -> Vec<Case> {
    let Some(example) = &rule.def.example else {
        return Vec::new();
    };
    let origin = rule
        .origins
        .iter()
        .rev()
        .find(|o| o.file == rule.file)
        .map_or_else(|| rule.file.clone(), |o| o.file.clone());
    [
        ("example-fail", Expectation::Flag, &example.fail),
        ("example-pass", Expectation::Pass, &example.pass),
    ]
    .into_iter()
    .filter(|(_, _, sentences)| !sentences.is_empty())
    .map(|(name, expect, sentences)| Case {
        rule: rule.id.clone(),
        name: name.to_string(),
        expect,
        dir: PathBuf::from(format!("{}:{}", origin.display(), rule.line)),
        files: sentences
            .iter()
            .enumerate()
            .map(|(i, s)| (PathBuf::from(format!("source-{}.md", i + 1)), s.clone()))
            .collect(),
        expect_file: None,
        from_example: true,
    })
    .collect()
}

/// A bundle from a case's files, as `corpus::BundlePlan::load` would read them.
fn bundle(case: &Case) -> Result<Bundle> {
    let mut sources = Vec::new();
    for (path, text) in &case.files {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        sources.push(Source::from_text(id, path.clone(), text.clone(), None)?);
    }
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Bundle {
        name: format!("{}/{}", case.rule, case.name),
        path: case.dir.clone(),
        sources,
        manifest_reference_date: None,
    })
}

/// The selectors naming what a rule looks at: `select`, and for
/// `exclusive` its two sides.
fn looked_at(set: &RuleSet, rule: &str) -> Vec<Selector> {
    let Some(r) = set.rule(rule) else {
        return Vec::new();
    };
    match &r.check {
        Check::Exclusive { a, b, .. } => a.iter().chain(b).cloned().collect(),
        _ => vec![r.def.select.clone()],
    }
}

fn describe(findings: &[&Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("\n      {}: {}", f.verdict.as_str(), f.message))
        .collect()
}

/// Runs one case; `Err` holds why it failed.
fn run_case(case: &Case, set: &RuleSet, rec: &Recognizer) -> Result<Result<(), String>> {
    let expect: ExpectFile = match &case.expect_file {
        Some((path, text)) => {
            crate::error::yaml_nesting(path, text)?;
            serde_yaml::from_str(text).map_err(|e| Error::yaml(path, &e))?
        }
        None => ExpectFile::default(),
    };
    if case.files.is_empty() {
        return Ok(Err("the case has no .md or .txt article".into()));
    }
    let bundle = bundle(case)?;
    let sources = bundle.sources.clone();
    let report = check_bundle(bundle, rec, set, None);
    let mine: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.rule == case.rule)
        .collect();
    let flagged: Vec<&Finding> = mine
        .iter()
        .copied()
        .filter(|f| !matches!(f.verdict, Verdict::Agree | Verdict::NotComparable))
        .collect();
    let facts_seen = {
        let ctx = CheckContext::new(set, &report.facts, &sources);
        let selectors = looked_at(set, &case.rule);
        (0..report.facts.len())
            .filter(|&i| selectors.iter().any(|s| ctx.matches(s, i)))
            .count()
    };
    let fact_list = || -> String {
        report
            .facts
            .iter()
            .map(|f| {
                format!(
                    "\n      {} {} {} {} = {} ({})",
                    f.source,
                    f.kind().as_str(),
                    f.key,
                    f.subject.as_deref().unwrap_or("-"),
                    f.value.display(),
                    f.modality.as_str()
                )
            })
            .collect()
    };
    match case.expect {
        Expectation::Flag if flagged.is_empty() => {
            let mut why = "expected a finding, got none".to_string();
            if !mine.is_empty() {
                why.push_str(&format!("; the rule said:{}", describe(&mine)));
            }
            why.push_str(&format!("\n    facts:{}", fact_list()));
            return Ok(Err(why));
        }
        Expectation::Pass if !flagged.is_empty() => {
            return Ok(Err(format!(
                "expected no finding, got {}:{}",
                flagged.len(),
                describe(&flagged)
            )));
        }
        _ => {}
    }
    let min_facts = expect.min_facts.unwrap_or(match case.expect {
        Expectation::Pass => 1,
        Expectation::Flag => 0,
    });
    if facts_seen < min_facts {
        return Ok(Err(format!(
            "expected at least {min_facts} fact(s) the rule looks at, found {facts_seen}\n    facts:{}",
            fact_list()
        )));
    }
    if let Some(n) = expect.findings {
        if flagged.len() != n {
            return Ok(Err(format!(
                "expected {n} finding(s), got {}:{}",
                flagged.len(),
                describe(&flagged)
            )));
        }
    }
    let fits = |f: &&Finding| {
        expect.verdict.is_none_or(|v| f.verdict == v)
            && expect
                .message
                .as_ref()
                .is_none_or(|m| f.message.contains(m.as_str()))
            && expect.diff.iter().all(|word| {
                f.diff.as_ref().is_some_and(|d| {
                    d.iter().any(|c| {
                        c.op != DiffOp::Equal && c.text.split_whitespace().any(|w| w == word)
                    })
                })
            })
    };
    let strict = expect.verdict.is_some() || expect.message.is_some() || !expect.diff.is_empty();
    if strict && !mine.iter().any(fits) {
        return Ok(Err(format!(
            "no finding matches expect.yaml ({}); the rule said:{}",
            [
                expect.verdict.map(|v| format!("verdict {}", v.as_str())),
                expect
                    .message
                    .as_ref()
                    .map(|m| format!("message containing {m:?}")),
                (!expect.diff.is_empty()).then(|| format!("diff showing {:?}", expect.diff)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
            if mine.is_empty() {
                " nothing".to_string()
            } else {
                describe(&mine)
            }
        )));
    }
    Ok(Ok(()))
}

/// Runs `cases` against `set`. Rules in `required` (the rules the tested
/// packs define) must each have at least one flag and one pass case.
pub fn run(set: &RuleSet, cases: &[Case], required: &[String]) -> Result<TestReport> {
    let rec = Recognizer::new();
    let mut report = TestReport::default();
    let mut covered: BTreeMap<&str, BTreeSet<bool>> = BTreeMap::new();
    for case in cases {
        let name = format!("{}/{}", case.rule, case.name);
        let failure = match set.rule(&case.rule) {
            None => Some(format!("no loaded rule has the id `{}`", case.rule)),
            Some(_) => {
                if !case.from_example {
                    covered
                        .entry(case.rule.as_str())
                        .or_default()
                        .insert(case.expect == Expectation::Flag);
                }
                // The rule under test runs even if a pack turned it off.
                if set.rule(&case.rule).is_some_and(|r| r.enabled) {
                    run_case(case, set, &rec)?.err()
                } else {
                    let mut set = set.clone();
                    for r in set.rules.iter_mut().filter(|r| r.id == case.rule) {
                        r.enabled = true;
                    }
                    run_case(case, &set, &rec)?.err()
                }
            }
        };
        report.outcomes.push(Outcome {
            name,
            dir: case.dir.clone(),
            failure,
        });
    }
    for id in required {
        let have = covered.get(id.as_str());
        for (flag, what) in [(true, "flag"), (false, "pass")] {
            if !have.is_some_and(|h| h.contains(&flag)) {
                report.outcomes.push(Outcome {
                    name: id.clone(),
                    dir: PathBuf::new(),
                    failure: Some(format!(
                        "no `{what}` fixture (add tests/{id}/{what}/ beside the pack file)"
                    )),
                });
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixture_files_group_into_cases() {
        let files = vec![
            (PathBuf::from("core/tests/r/flag/a.md"), "a".to_string()),
            (PathBuf::from("core/tests/r/flag/b.txt"), "b".to_string()),
            (
                PathBuf::from("core/tests/r/flag/expect.yaml"),
                "{}".to_string(),
            ),
            (
                PathBuf::from("core/tests/r/pass-weekday/a.md"),
                "c".to_string(),
            ),
            (
                PathBuf::from("core/tests/r/pass-weekday/README.md"),
                "d".to_string(),
            ),
        ];
        let cases = group(Path::new("rules"), files).unwrap();
        let got: Vec<(&str, Expectation, usize, bool)> = cases
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.expect,
                    c.files.len(),
                    c.expect_file.is_some(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("flag", Expectation::Flag, 2, true),
                ("pass-weekday", Expectation::Pass, 1, false)
            ]
        );
        assert_eq!(cases[0].dir, PathBuf::from("rules/core/tests/r/flag"));
    }

    #[test]
    fn misplaced_fixture_files_are_errors() {
        for rel in [
            "core/tests/r/a.md",
            "core/tests/r/maybe/a.md",
            "core/tests/r/flag/x/a.md",
        ] {
            let err = group(
                Path::new("rules"),
                vec![(PathBuf::from(rel), String::new())],
            )
            .unwrap_err()
            .to_string();
            assert!(err.contains(rel), "{err}");
        }
    }

    #[test]
    fn every_default_rule_has_a_flag_and_a_pass_case() {
        let set = crate::rules::load(&crate::rules::LoadOptions::default()).unwrap();
        let cases = default_cases().unwrap();
        for rule in &set.rules {
            for kind in [Expectation::Flag, Expectation::Pass] {
                assert!(
                    cases.iter().any(|c| c.rule == rule.id && c.expect == kind),
                    "{} has no {kind:?} fixture",
                    rule.id
                );
            }
        }
    }
}

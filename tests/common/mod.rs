//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn factlint() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_factlint"));
    // Tests must not pick up a factlint.yaml from wherever they run, nor
    // colour from the environment.
    cmd.env_remove("CLICOLOR_FORCE").env_remove("NO_COLOR");
    cmd
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example bundle that ships with the repository.
pub fn example() -> PathBuf {
    repo().join("examples/harbour-festival")
}

/// `../shared/<rel>` beside the repository (CI layout), if present.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = repo().join("../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("note: {} absent; skipping", p.display());
        None
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `factlint check` with `args` in `cwd` and returns the JSON report.
pub fn json_report(cwd: &Path, args: &[&str]) -> serde_json::Value {
    let out = factlint()
        .current_dir(cwd)
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub fn finding_ids(report: &serde_json::Value) -> Vec<String> {
    report["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["findings"].as_array().unwrap())
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

/// A bundle whose articles try to inject markup and script into a report:
/// a `<script>` in the headline, an `<img onerror>` and a `javascript:`
/// link in sentences that carry facts, and a `javascript:` URL in the
/// front matter. Each payload, if it ran, would set the page title to
/// "pwned" or add an element with id "pwned".
pub fn write_hostile_bundle(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("a-hostile.md"),
        "---\n\
         title: \"<script>document.title='pwned'</script>Parade report\"\n\
         url: \"javascript:document.title='pwned'\"\n\
         published: 2025-05-08\n\
         ---\n\
         # <script>document.title='pwned';document.body.insertAdjacentHTML('beforeend','<p id=pwned>x</p>')</script> Parade\n\
         \n\
         More than 10,000 spectators <img src=x onerror=\"document.title='pwned'\"> watched the parade on May 8, 2025.\n\
         \n\
         Some 400 performers <a href=\"javascript:document.title='pwned'\">took part</a>, the organisers said \"<script>alert(1)</script>\".\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b-plain.md"),
        "---\n\
         title: Plain report\n\
         published: 2025-05-08\n\
         ---\n\
         # Plain report\n\
         \n\
         About 12,000 spectators watched the parade on May 8, 2025.\n\
         \n\
         Some 250 performers took part.\n",
    )
    .unwrap();
}

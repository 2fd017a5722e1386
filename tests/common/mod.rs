//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Long enough for a debug build on a loaded machine; short enough that a
/// run blocked on a FIFO or a device fails its test instead of hanging the
/// suite.
pub const TIMEOUT: Duration = Duration::from_secs(60);

pub fn factlint() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_factlint"));
    // Tests must not pick up a factlint.yaml from wherever they run, nor
    // colour from the environment.
    cmd.env_remove("CLICOLOR_FORCE")
        .env_remove("NO_COLOR")
        .timeout(TIMEOUT);
    cmd
}

/// [`factlint`] with `dir` as its working directory, where relative paths
/// and configuration discovery start.
pub fn factlint_in(dir: &Path) -> assert_cmd::Command {
    let mut cmd = factlint();
    cmd.current_dir(dir);
    cmd
}

/// A finished run: its exit code (`None` when killed, as on a timeout) and
/// both streams as text.
#[derive(Debug)]
pub struct Ran {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }

    /// Standard output as JSON; on failure the panic shows both streams.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "{e}\nexit: {:?}\nstdout: {}\nstderr: {}",
                self.code, self.stdout, self.stderr
            )
        })
    }

    /// Asserts the exit-2 contract for a refusal (usage, configuration,
    /// rule or I/O error): code 2 and one line on stderr, which is returned.
    pub fn refused(&self) -> &str {
        assert_eq!(self.code, Some(2), "{self:?}");
        let line = self.stderr.trim_end();
        assert_eq!(line.lines().count(), 1, "{self:?}");
        line
    }
}

/// Runs `cmd` to the end.
pub fn run(cmd: &mut assert_cmd::Command) -> Ran {
    let out = cmd.output().unwrap();
    Ran {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `factlint args` in `dir` to the end.
pub fn run_in(dir: &Path, args: &[&str]) -> Ran {
    run(factlint_in(dir).args(args))
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

/// `factlint check` with no configuration, never failing on findings.
pub const CHECK_NEVER_FAIL: &[&str] = &["check", "--no-config", "--fail-on", "never"];

/// [`CHECK_NEVER_FAIL`] followed by `more`.
pub fn check_args<'a>(more: &[&'a str]) -> Vec<&'a str> {
    CHECK_NEVER_FAIL
        .iter()
        .copied()
        .chain(more.iter().copied())
        .collect()
}

/// Runs `factlint check` with `args` in `cwd` and returns the JSON report.
pub fn json_report(cwd: &Path, args: &[&str]) -> serde_json::Value {
    let ran = run(factlint_in(cwd)
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .args(args));
    assert!(ran.success(), "{}", ran.stderr);
    ran.json()
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

/// A bundle whose text and file names carry what machine formats must
/// escape: `%`, `::`, CR and LF (GitHub workflow commands), `<`, `&`,
/// `]]>` and both quotes (XML), in the file names that become source ids
/// and paths, in the front matter's title and source, and in quotes.
/// Returns the hostile file's name. The two articles disagree on a count,
/// so there is a finding naming both.
pub fn write_hostile_text_bundle(dir: &Path) -> String {
    std::fs::create_dir_all(dir).unwrap();
    let name = "a-50%::warning::x<&>]]>'\"q.md".to_string();
    std::fs::write(
        dir.join(&name),
        "---\r\n\
         title: \"Boats <b>& 50% ::error::forged\\r\\n]]> 'q' \\\"qq\\\"\"\r\n\
         source: \"The <Herald> & Co ::notice::x 100%\"\r\n\
         published: 2025-05-03\r\n\
         ---\r\n\
         More than 300 boats sailed on May 3, 2025.\r\n\
         \r\n\
         The harbour master said \"we counted 300 boats & <more> ]]> 100% ::error::forged today\".\r\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b-plain.md"),
        "---\ntitle: Plain\nsource: Plain Post\npublished: 2025-05-03\n---\n\
         Only 120 boats sailed on May 3, 2025.\n\n\
         The harbour master said \"we counted 120 boats & <more> ]]> 100% ::error::forged today\".\n",
    )
    .unwrap();
    name
}

/// A bundle whose articles try to inject markup and script into a report:
/// a `<script>` in the headline, an `<img onerror>` and a `javascript:`
/// link in sentences that carry facts, a `javascript:` URL in the front
/// matter, and an `<img onerror>` and a `<script>` in its source name.
/// Each payload, if it ran, would set the page title to "pwned" or add an
/// element with id "pwned".
pub fn write_hostile_bundle(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("a-hostile.md"),
        "---\n\
         title: \"<script>document.title='pwned'</script>Parade report\"\n\
         url: \"javascript:document.title='pwned'\"\n\
         source: \"<img src=x onerror=\\\"document.title='pwned'\\\">The <script>document.title='pwned'</script> Herald\"\n\
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

/// Every file under `root` with its bytes.
pub fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                out.insert(path.clone(), std::fs::read(&path).unwrap());
            } else {
                // FIFOs and links: present, never opened.
                out.insert(path.clone(), Vec::new());
            }
        }
    }
    out
}

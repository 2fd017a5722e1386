//! Nothing lost: factlint never writes over a file the same run reads,
//! never into a bundle or rule pack it reads, never two outputs onto one
//! path, never over a read-only file. Each case asserts exit code 2, one
//! line on stderr naming the file and both of its roles, and every file in
//! the working directory byte-identical afterwards.

mod common;

use std::path::Path;

use common::{copy_dir, factlint_in, files, repo, run, run_in};

/// A working directory with a bundle, a rule pack and nothing else.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &repo().join("examples/lanterns"),
        &dir.path().join("bundle"),
    );
    let pack = dir.path().join("pack");
    std::fs::create_dir_all(&pack).unwrap();
    for f in ["rules.yaml", "lexicon.yaml"] {
        std::fs::copy(repo().join("examples/custom-pack").join(f), pack.join(f)).unwrap();
    }
    dir
}

/// Runs factlint in `dir` and asserts it refuses: exit 2, one line on
/// stderr holding every `expected` phrase, no file changed or added.
fn refuses(dir: &Path, args: &[&str], expected: &[&str]) {
    let before = files(dir);
    let stderr = run_in(dir, args).refused().to_string();
    for phrase in expected {
        assert!(
            stderr.contains(phrase),
            "{args:?}: {phrase:?} not in {stderr}"
        );
    }
    assert_eq!(files(dir), before, "{args:?} changed a file");
}

#[test]
fn a_report_never_replaces_a_rule_pack_file() {
    let ws = workspace();
    refuses(
        ws.path(),
        &[
            "check",
            "--no-config",
            "--rules",
            "pack",
            "-o",
            "pack/rules.yaml",
            "bundle",
        ],
        &["pack/rules.yaml", "the report", "a rule pack being loaded"],
    );
    refuses(
        ws.path(),
        &[
            "check",
            "--no-config",
            "--rules",
            "pack",
            "--write-baseline",
            "pack/lexicon.yaml",
            "bundle",
        ],
        &[
            "pack/lexicon.yaml",
            "the baseline to write",
            "a rule pack being loaded",
        ],
    );
}

#[test]
fn a_report_never_replaces_the_configuration_in_use() {
    let ws = workspace();
    std::fs::write(ws.path().join("factlint.yaml"), "fail_on: never\n").unwrap();
    refuses(
        ws.path(),
        &["check", "-o", "factlint.yaml", "bundle"],
        &["factlint.yaml", "the report", "the configuration in use"],
    );
}

#[test]
fn a_report_never_replaces_the_baseline_it_reads() {
    let ws = workspace();
    let made = run_in(
        ws.path(),
        &[
            "check",
            "--no-config",
            "--fail-on",
            "never",
            "--write-baseline",
            "b.json",
            "bundle",
        ],
    );
    assert!(made.success(), "{made:?}");
    refuses(
        ws.path(),
        &[
            "check",
            "--no-config",
            "--baseline",
            "b.json",
            "-o",
            "b.json",
            "bundle",
        ],
        &["b.json", "the report", "the baseline being read"],
    );
}

#[test]
fn two_outputs_never_share_a_path() {
    let ws = workspace();
    refuses(
        ws.path(),
        &[
            "check",
            "--no-config",
            "-o",
            "x.json",
            "--write-baseline",
            "x.json",
            "bundle",
        ],
        &["x.json", "the report", "the baseline to write"],
    );
}

#[test]
fn a_report_never_lands_where_the_next_run_reads_it() {
    let ws = workspace();
    refuses(
        ws.path(),
        &["check", "--no-config", "-o", "bundle/report.md", "bundle"],
        &["bundle/report.md", "a bundle being checked"],
    );
    refuses(
        ws.path(),
        &["facts", "--no-config", "-o", "bundle/facts.txt", "bundle"],
        &["bundle/facts.txt", "a bundle being checked"],
    );
    // A file the next run would not read may go there.
    let ran = run_in(
        ws.path(),
        &[
            "check",
            "--no-config",
            "--fail-on",
            "never",
            "-o",
            "bundle/report.json",
            "bundle",
        ],
    );
    assert!(ran.success(), "{ran:?}");
}

#[test]
fn sources_are_never_replaced_even_by_another_name() {
    let ws = workspace();
    refuses(
        ws.path(),
        &[
            "check",
            "--no-config",
            "-o",
            "bundle/001-herald.md",
            "bundle",
        ],
        &["001-herald.md", "a source being checked"],
    );
    #[cfg(unix)]
    {
        std::fs::hard_link(
            ws.path().join("bundle/002-post.md"),
            ws.path().join("alias.txt"),
        )
        .unwrap();
        refuses(
            ws.path(),
            &["check", "--no-config", "-o", "alias.txt", "bundle"],
            &["alias.txt", "a source being checked"],
        );
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let ws = workspace();
    let target = ws.path().join("locked.txt");
    std::fs::write(&target, "keep me\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).unwrap();
    refuses(
        ws.path(),
        &["check", "--no-config", "-o", "locked.txt", "bundle"],
        &["locked.txt", "read-only"],
    );
}

#[test]
fn a_directory_is_not_an_output() {
    let ws = workspace();
    std::fs::create_dir(ws.path().join("out")).unwrap();
    refuses(
        ws.path(),
        &["check", "--no-config", "-o", "out", "bundle"],
        &["out", "is a directory"],
    );
}

/// Article text, file names and pack words reach the terminal escaped: no
/// raw ESC, BEL or C1 code, and a one-line message stays one line.
#[test]
fn terminal_output_carries_no_raw_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle");
    std::fs::create_dir(&bundle).unwrap();
    let hostile = "More than 300 boats\u{1b}]0;owned\u{7} sailed on May 3, 2025.\u{9b}2J\n";
    std::fs::write(bundle.join("a-herald.md"), hostile).unwrap();
    std::fs::write(
        bundle.join("b-post.md"),
        "Only 120 boats sailed on May 3, 2025.\n",
    )
    .unwrap();
    let raw = |s: &str| s.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
    for args in [
        vec!["check", "--no-config", "--fail-on", "never", "bundle"],
        vec!["facts", "--no-config", "bundle"],
    ] {
        let stdout = run_in(dir.path(), &args).stdout;
        assert!(
            !raw(&stdout),
            "{args:?} sent a raw control character: {stdout:?}"
        );
        if args[0] == "check" {
            assert!(
                stdout.contains("boats\\u{1b}]0;owned\\u{7} sailed"),
                "{stdout}"
            );
        }
    }
    // A file name with a newline and an escape in it: the error stays one
    // line and shows both escaped.
    #[cfg(unix)]
    {
        let name = "bad\nname\u{1b}[31m.yaml";
        std::fs::write(dir.path().join(name), "format: [not, a, format]\n").unwrap();
        let ran = run_in(dir.path(), &["check", "--config", name, "bundle"]);
        let stderr = ran.refused();
        assert!(!raw(stderr), "{stderr:?}");
        assert!(stderr.contains("bad\\nname\\u{1b}[31m.yaml"), "{stderr:?}");
    }
}

/// Settings files (configuration, baseline, rule pack files) are read with
/// a limit, and a FIFO or device is refused before it is opened.
#[cfg(unix)]
#[test]
fn settings_inputs_are_bounded_and_never_block() {
    let ws = workspace();
    let fifo = ws.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let big = ws.path().join("big.yaml");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap();
    let cases: [(&[&str], &[&str]); 7] = [
        (
            &["check", "--config", "/dev/zero", "bundle"],
            &["/dev/zero", "a device"],
        ),
        (
            &["check", "--config", "/dev/urandom", "bundle"],
            &["/dev/urandom", "a device"],
        ),
        (
            &["check", "--no-config", "--baseline", "/dev/zero", "bundle"],
            &["/dev/zero", "a device"],
        ),
        (
            &[
                "check",
                "--no-config",
                "--baseline",
                "/dev/urandom",
                "bundle",
            ],
            &["/dev/urandom", "a device"],
        ),
        (
            &["check", "--no-config", "--baseline", "pipe.json", "bundle"],
            &["pipe.json", "a FIFO"],
        ),
        (
            &["check", "--config", "big.yaml", "bundle"],
            &["big.yaml", "larger than 16 MB"],
        ),
        (
            &[
                "check",
                "--no-config",
                "--rules",
                "pack",
                "--baseline",
                "big.yaml",
                "bundle",
            ],
            &["big.yaml", "16 MB"],
        ),
    ];
    for (args, expected) in cases {
        refuses(ws.path(), args, expected);
    }
    // A FIFO among a pack's files is refused by name.
    let pack_fifo = ws.path().join("pack/extra.yaml");
    std::process::Command::new("mkfifo")
        .arg(&pack_fifo)
        .status()
        .unwrap();
    refuses(
        ws.path(),
        &["check", "--no-config", "--rules", "pack", "bundle"],
        &["extra.yaml: is a FIFO"],
    );
    std::fs::remove_file(&pack_fifo).unwrap();
    // So is a dangling link.
    std::os::unix::fs::symlink("gone.yaml", ws.path().join("pack/stale.yaml")).unwrap();
    refuses(
        ws.path(),
        &["check", "--no-config", "--rules", "pack", "bundle"],
        &["stale.yaml: is a dangling symbolic link"],
    );
}

/// A FIFO, a dangling link and a link loop named like articles are listed
/// as skipped, with what they are; a link to an article is read.
#[cfg(unix)]
#[test]
fn odd_files_in_a_bundle_are_listed_as_skipped() {
    use std::os::unix::fs::symlink;
    let ws = workspace();
    let bundle = ws.path().join("bundle");
    std::process::Command::new("mkfifo")
        .arg(bundle.join("pipe.md"))
        .status()
        .unwrap();
    symlink("nowhere.md", bundle.join("gone.md")).unwrap();
    symlink("round.md", bundle.join("round.md")).unwrap();
    std::fs::write(
        ws.path().join("elsewhere.md"),
        "Some 40 lanterns drifted out to sea.\n",
    )
    .unwrap();
    symlink("../elsewhere.md", bundle.join("linked.md")).unwrap();
    let ran = run_in(
        ws.path(),
        &[
            "check",
            "--no-config",
            "--fail-on",
            "never",
            "--format",
            "json",
            "bundle",
        ],
    );
    assert!(ran.success(), "{}", ran.stderr);
    let report = ran.json();
    let sources = report["bundles"][0]["sources"].as_array().unwrap();
    let skipped = |id: &str| {
        sources
            .iter()
            .find(|s| s["id"] == id)
            .and_then(|s| s["skipped"]["detail"].as_str().map(str::to_string))
    };
    assert_eq!(skipped("pipe").as_deref(), Some("a FIFO"));
    assert_eq!(skipped("gone").as_deref(), Some("a dangling symbolic link"));
    assert_eq!(skipped("round").as_deref(), Some("a symbolic link loop"));
    let linked = sources.iter().find(|s| s["id"] == "linked").unwrap();
    assert!(linked.get("skipped").is_none(), "{linked}");
}

/// Messages that say what went wrong, where.
#[test]
fn messages_name_the_input_and_the_place() {
    let ws = workspace();
    // Binary on standard input is named as standard input.
    let ran = run(factlint_in(ws.path())
        .args(["parse", "-"])
        .write_stdin(vec![0xff, 0xfe, b'x']));
    assert!(
        ran.refused().contains("<stdin>: not valid UTF-8"),
        "{ran:?}"
    );
    // A batch with a bad line answers every line and exits 1.
    let ran = run(factlint_in(ws.path())
        .args(["parse", "--batch"])
        .write_stdin("{\"text\": \"26 leaders\"}\nnot json\n"));
    assert_eq!(ran.code, Some(1));
    assert_eq!(ran.stdout.lines().count(), 2);
    assert!(ran.stderr.contains("line 2"));
    // An unknown rule in the configuration's `disable:` is located there.
    std::fs::write(
        ws.path().join("factlint.yaml"),
        "fail_on: never\ndisable:\n  - no-such-rule\n",
    )
    .unwrap();
    let ran = run_in(ws.path(), &["check", "bundle"]);
    assert!(
        ran.refused()
            .contains("factlint.yaml:3:5: disable: unknown rule `no-such-rule`"),
        "{ran:?}"
    );
}

/// Counted things are whole: a figure below one is no count.
#[test]
fn a_figure_below_one_is_not_a_count() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "Some 0.000000000000000000001 performers came to the square.\n\nSome 300 dancers came too.\n",
    )
    .unwrap();
    let ran = run_in(
        dir.path(),
        &["facts", "--no-config", "--format", "jsonl", "."],
    );
    assert!(ran.success(), "{ran:?}");
    let stdout = ran.stdout;
    let counts: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("\"kind\":\"count\""))
        .collect();
    assert_eq!(counts.len(), 1, "{stdout}");
    assert!(counts[0].contains("300 dancers"), "{stdout}");
}

/// A pack's words reach `rules list` and `rules explain` escaped.
#[test]
fn rule_pack_text_is_escaped_on_the_terminal() {
    let ws = workspace();
    let rules = ws.path().join("pack/rules.yaml");
    let text = std::fs::read_to_string(&rules).unwrap().replace(
        "description: Sources must give the same number of lanterns.",
        "description: \"Lanterns\\e]0;owned\\a must agree.\"",
    );
    assert!(text.contains("\\e]0;owned"), "fixture edit did not apply");
    std::fs::write(&rules, text).unwrap();
    for args in [
        vec!["rules", "list", "--no-config", "--rules", "pack"],
        vec![
            "rules",
            "explain",
            "--no-config",
            "--rules",
            "pack",
            "lantern-count",
        ],
    ] {
        let ran = run_in(ws.path(), &args);
        assert!(ran.success(), "{args:?}: {}", ran.stderr);
        let stdout = ran.stdout;
        assert!(
            !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
            "{args:?}: {stdout:?}"
        );
        assert!(
            stdout.contains("Lanterns\\u{1b}]0;owned\\u{7} must agree."),
            "{args:?}: {stdout}"
        );
    }
}

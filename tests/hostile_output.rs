//! Machine formats carry article text, file names and front matter intact
//! and inert: GitHub annotations percent-encode what would end or forge a
//! workflow command, JUnit is well-formed XML whatever an article says,
//! JSON and SARIF parse. The bundle (tests/common) puts `%`, `::`, CR/LF,
//! `<`, `&`, `]]>` and quotes in a file name, a title, a source and a quote.

mod common;

use common::{Ran, check_args, run_in, write_hostile_text_bundle};

fn report(dir: &std::path::Path, format: &str) -> Ran {
    let ran = run_in(dir, &check_args(&["--format", format, "bundle"]));
    assert!(ran.success(), "{format}: {ran:?}");
    ran
}

#[test]
fn github_annotations_are_the_only_lines_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let name = write_hostile_text_bundle(&dir.path().join("bundle"));
    let ran = report(dir.path(), "github");
    assert!(!ran.stdout.is_empty());
    assert!(!ran.stdout.contains('\r'), "{:?}", ran.stdout);
    for line in ran.stdout.lines() {
        assert!(is_command(line), "not a workflow command: {line:?}");
        // Properties end at the first `::`; none of them may hold a raw
        // `:`, `,`, `%` escape aside, or line break.
        let (props, _message) = line
            .split_once("::")
            .map(|(_, rest)| rest.split_once("::").unwrap())
            .unwrap();
        for prop in props.split_once(' ').unwrap().1.split(',') {
            let (key, value) = prop.split_once('=').unwrap();
            assert!(["file", "line", "col", "title"].contains(&key), "{prop}");
            assert!(!value.contains(':'), "{prop}");
        }
    }
    // The hostile file is named, encoded as the toolkit does.
    let encoded = name.replace('%', "%25").replace(':', "%3A");
    assert!(
        ran.stdout.contains(&format!("file=bundle/{encoded},")),
        "{}",
        ran.stdout
    );
    // The summary is on stderr, alone.
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(
        ran.stderr.starts_with("factlint: 1 bundles, "),
        "{}",
        ran.stderr
    );
}

#[test]
fn junit_is_well_formed_xml_holding_the_text_intact() {
    let dir = tempfile::tempdir().unwrap();
    let name = write_hostile_text_bundle(&dir.path().join("bundle"));
    let xml = report(dir.path(), "junit").stdout;
    assert!(
        !xml.contains("<more>") && !xml.contains("<Herald>"),
        "{xml}"
    );
    let id = name.trim_end_matches(".md");
    assert!(xml.contains(&common_xml_escape(id)), "{xml}");
    // A real XML parser reads it back (skipped without python3).
    let Ok(mut child) = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, xml.dom.minidom as m\n\
             d = m.parse(sys.stdin.buffer)\n\
             def text(n):\n\
             \x20   out = [n.data] if n.nodeType in (n.TEXT_NODE, n.CDATA_SECTION_NODE) else []\n\
             \x20   for k, v in (n.attributes.items() if n.attributes else []): out.append(v)\n\
             \x20   for c in n.childNodes: out += text(c)\n\
             \x20   return out\n\
             print('\\n'.join(text(d)))",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("note: python3 absent; XML not parsed");
        return;
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(xml.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "not well-formed: {}\n{xml}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(id), "{text}");
}

/// What `markup::xml` does to a source id, for finding it in the output.
fn common_xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[test]
fn json_and_sarif_parse_and_keep_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let name = write_hostile_text_bundle(&dir.path().join("bundle"));
    let id = name.trim_end_matches(".md");
    for format in ["json", "sarif"] {
        let ran = report(dir.path(), format);
        let doc = ran.json();
        let all = doc.to_string();
        // serde_json's own rendering of the id, quotes escaped.
        let quoted = serde_json::to_string(id).unwrap();
        assert!(all.contains(quoted.trim_matches('"')), "{format}: {all}");
    }
    let doc = report(dir.path(), "json").json();
    let sources = doc["bundles"][0]["sources"].as_array().unwrap();
    let hostile = sources.iter().find(|s| s["id"] == id).unwrap();
    assert_eq!(
        hostile["title"], "Boats <b>& 50% ::error::forged\r\n]]> 'q' \"qq\"",
        "{hostile}"
    );
}

/// The acceptance check: on the seed bundle, standard output is
/// workflow commands only.
#[test]
fn the_seed_bundle_as_github_annotations_is_commands_only() {
    let Some(seed) = common::shared("seeds/parade-2025") else {
        return;
    };
    let ran = run_in(
        &common::repo(),
        &["check", "--format", "github", seed.to_str().unwrap()],
    );
    assert!(matches!(ran.code, Some(0 | 1)), "{ran:?}");
    assert!(!ran.stdout.is_empty());
    for line in ran.stdout.lines() {
        assert!(is_command(line), "{line:?}");
    }
    assert!(
        ran.stderr.starts_with("factlint: 1 bundles, "),
        "{}",
        ran.stderr
    );
}

/// A workflow command factlint writes: an error, warning or notice.
fn is_command(line: &str) -> bool {
    ["::error ", "::warning ", "::notice "]
        .iter()
        .any(|c| line.starts_with(c))
}

//! The HTML report in a real browser: headless Chromium loads the file and
//! dumps the DOM after scripts ran. Skipped (with a note) where Chromium is
//! not installed; CI installs it (`apt-get install -y chromium`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn chromium() -> Option<PathBuf> {
    let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    if let Some(p) = candidates.iter().map(PathBuf::from).find(|p| p.is_file()) {
        return Some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| [d.join("chromium"), d.join("chromium-browser")])
        .find(|p| p.is_file())
}

/// The DOM after load, as Chromium serializes it.
fn dump_dom(browser: &Path, html: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn render_html(bundle: &Path, out: &Path) {
    let status = factlint()
        .args([
            "check",
            "--no-config",
            "--fail-on",
            "never",
            "--format",
            "html",
        ])
        .arg(bundle)
        .arg("--output")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// The opening tag of the matrix row for `key`, if any.
fn row<'a>(dom: &'a str, key: &str) -> Option<&'a str> {
    let at = dom.find(&format!("data-key=\"{key}\""))?;
    let start = dom[..at].rfind("<tr")?;
    let end = at + dom[at..].find('>')?;
    Some(&dom[start..=end])
}

#[test]
fn seed_bundle_matrix_has_the_key_claims() {
    let Some(browser) = chromium() else {
        eprintln!("note: chromium not installed; skipping (CI: apt-get install -y chromium)");
        return;
    };
    let Some(seed) = shared("seeds/parade-2025") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("seed.html");
    render_html(&seed, &html);
    let dom = dump_dom(&browser, &html);
    assert!(dom.contains("<table id=\"matrix\""), "{dom}");
    for key in ["troops", "event-date", "leaders-gathering"] {
        let tr = row(&dom, key).unwrap_or_else(|| panic!("no matrix row for {key}"));
        assert!(tr.contains("class=\"row verdict-"), "{tr}");
    }
    // The precedent is disputed between sources; the troop count rests on
    // one outlet.
    assert!(
        row(&dom, "leaders-gathering")
            .unwrap()
            .contains("verdict-conflict")
    );
    assert!(
        row(&dom, "troops")
            .unwrap()
            .contains("verdict-single-source")
    );
    // Our script ran (it reveals the filter form), so the page's CSP lets
    // exactly it through.
    assert!(
        dom.contains("<form id=\"filters\">"),
        "filters still hidden"
    );
}

#[test]
fn hostile_bundle_script_does_not_run() {
    let Some(browser) = chromium() else {
        eprintln!("note: chromium not installed; skipping (CI: apt-get install -y chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("hostile");
    write_hostile_bundle(&bundle);
    let html = dir.path().join("hostile.html");
    render_html(&bundle, &html);
    let dom = dump_dom(&browser, &html);

    assert!(dom.contains("<table id=\"matrix\""), "{dom}");
    assert!(
        !dom.contains("<title>pwned</title>"),
        "the title was changed"
    );
    assert!(!dom.contains("id=\"pwned\""), "an element was injected");
    assert_eq!(dom.matches("<script").count(), 1, "only our script element");
    assert!(!dom.contains("<img"));
    // The payloads are in the page as text, the front matter's title and
    // source name among them.
    assert!(dom.contains("&lt;script&gt;document.title='pwned'"));
    assert!(dom.contains("onerror=\"document.title='pwned'\"&gt;"));
    assert!(
        dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;Parade report"),
        "title not shown as text"
    );
    assert!(
        dom.contains("The &lt;script&gt;document.title='pwned'&lt;/script&gt; Herald"),
        "source name not shown as text"
    );
    // And our own script did run.
    assert!(
        dom.contains("<form id=\"filters\">"),
        "filters still hidden"
    );
}

/// The page loads nothing from anywhere: its Content-Security-Policy
/// starts from `default-src 'none'` and names no scheme, host or wildcard
/// as a source, whatever the articles say. Checked on the file itself, so
/// it holds without a browser too.
#[test]
fn the_csp_allows_no_external_load() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("hostile");
    write_hostile_bundle(&bundle);
    let html = dir.path().join("hostile.html");
    render_html(&bundle, &html);
    let page = std::fs::read_to_string(&html).unwrap();
    let metas: Vec<&str> = page
        .match_indices("<meta http-equiv=\"Content-Security-Policy\"")
        .map(|(i, _)| &page[i..i + page[i..].find('>').unwrap()])
        .collect();
    assert_eq!(metas.len(), 1, "one CSP: {metas:?}");
    // Before any content: a policy after an injected element would be too late.
    assert!(page.find(metas[0]).unwrap() < page.find("<body").unwrap());
    let policy = metas[0]
        .split("content=\"")
        .nth(1)
        .unwrap()
        .trim_end_matches('"')
        .replace("&#39;", "'");
    let directives: Vec<&str> = policy
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .collect();
    assert!(directives.contains(&"default-src 'none'"), "{policy}");
    for d in &directives {
        let mut words = d.split_whitespace();
        let name = words.next().unwrap();
        for source in words {
            // Only keywords, hashes and nonces; no scheme, host or `*`.
            assert!(
                source.starts_with('\'') && source.ends_with('\''),
                "{name} allows {source}: {policy}"
            );
            assert!(
                ["'none'", "'self'", "'unsafe-inline'"].contains(&source)
                    || source.starts_with("'sha256-")
                    || source.starts_with("'nonce-"),
                "{name} allows {source}: {policy}"
            );
        }
        // Nothing may be fetched from the page's own origin either (a
        // file:// page's "self" is the directory it sits in).
        assert!(!d.contains("'self'"), "{policy}");
    }
    for scheme in ["http:", "https:", "data:", "blob:", "ws:", "wss:", "*"] {
        assert!(!policy.contains(scheme), "{scheme} in {policy}");
    }
    // No element points outside either.
    for attr in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
        assert!(!page.contains(attr), "{attr}");
    }
}

//! The editor's report: one self-contained HTML page (inline CSS and JS, no
//! external asset, nothing fetched) with a summary header, a claim matrix
//! (one row per claim, one column per source), and each finding with its
//! sentences side by side.
//!
//! Every string that comes from an article, a rule or a path goes through
//! [`escape`] (`markup::html`), attribute values included; nothing from input is ever a tag,
//! an attribute name or a URL scheme we did not check. As a second line of
//! defence the page carries a Content-Security-Policy that allows no network
//! access and runs only our own inline script (pinned by its SHA-256), so
//! even an escaping bug could not run an article's script.
//!
//! The page is complete without JavaScript: everything is shown, and the
//! filter form (which only hides things) stays hidden.
//!
//! Stable hooks for tests and user styles: `<table id="matrix">` (the first
//! bundle's; later bundles get `matrix-2`, `matrix-3`, …), rows
//! `<tr class="row verdict-conflict" data-kind="count" data-key="guests"
//! data-verdict="conflict" data-severity="warning">`, findings
//! `<section class="finding" data-verdict="…" data-severity="…"
//! data-rule="…">`.
//!
//! Here: the page, its head and the summary; `sections.rs`: each bundle's
//! sources, claim matrix and findings; `style.css` and `script.js`: the
//! inlined style sheet and script.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;

use sha2::{Digest, Sha256};

use super::markup::html as escape;
use super::{RenderContext, Report, Summary};
use crate::rules::{Severity, Verdict};

/// `write!` into a `String`, which cannot fail.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}

mod sections;
use sections::bundle;

/// A URL is only ever made a link when it is plain http(s); anything else
/// (`javascript:`, `data:`, relative paths) is shown as text.
fn safe_link(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(u)
}

/// The page's style sheet, inlined in `<style>` (the page fetches nothing).
const CSS: &str = include_str!("style.css");

/// The filter script: shows the filter form and hides rows and findings
/// whose verdict or severity is unchecked. Elements without a severity
/// (claims no finding speaks about) follow the verdict filter only. The
/// file ends in a newline as text files do; the page embeds it without, and
/// the CSP hash is taken from exactly the text the page embeds.
const SCRIPT: &str = include_str!("script.js").trim_ascii_end();

const VERDICTS: [Verdict; 6] = [
    Verdict::Conflict,
    Verdict::Internal,
    Verdict::Reference,
    Verdict::Agree,
    Verdict::NotComparable,
    Verdict::SingleSource,
];

fn verdict_class(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Conflict) => "verdict-conflict",
        Some(Verdict::Internal) => "verdict-internal",
        Some(Verdict::Reference) => "verdict-reference",
        Some(Verdict::Agree) => "verdict-agree",
        Some(Verdict::SingleSource) => "verdict-single-source",
        Some(Verdict::NotComparable) => "verdict-not-comparable",
        None => "verdict-none",
    }
}

fn verdict_label(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Conflict) => "conflict",
        Some(Verdict::Internal) => "internal",
        Some(Verdict::Reference) => "reference",
        Some(Verdict::Agree) => "agree",
        Some(Verdict::SingleSource) => "single source",
        Some(Verdict::NotComparable) => "not comparable",
        None => "not checked",
    }
}

fn verdict_data(v: Option<Verdict>) -> &'static str {
    v.map_or("none", Verdict::as_str)
}

/// Base64 (standard alphabet, padded) for the CSP script hash.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(A[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn content_security_policy() -> String {
    let hash = base64(&Sha256::digest(SCRIPT.as_bytes()));
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; \
         img-src 'none'; base-uri 'none'; form-action 'none'"
    )
}

pub fn render(report: &Report, _ctx: &RenderContext, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(page(report).as_bytes())
}

/// The whole page as a string.
pub fn page(report: &Report) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let names: Vec<&str> = report.bundles.iter().map(|b| b.name.as_str()).collect();
    let title = if names.is_empty() {
        "factlint report".to_string()
    } else {
        format!("factlint report: {}", names.join(", "))
    };
    w!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"{} {}\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        escape(&content_security_policy()),
        escape(report.tool.name),
        escape(report.tool.version),
        escape(&title)
    );
    w!(h, "<header>\n<h1>{}</h1>\n", escape(&title));
    summary(&mut h, &report.summary);
    filters(&mut h, report);
    h.push_str("</header>\n<main>\n");
    for (i, b) in report.bundles.iter().enumerate() {
        bundle(&mut h, i, b);
    }
    w!(
        h,
        "</main>\n<footer>Generated by {} {} (report format version {}).</footer>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n",
        escape(report.tool.name),
        escape(report.tool.version),
        report.version
    );
    h
}

fn summary(h: &mut String, s: &Summary) {
    h.push_str("<ul class=\"summary\" id=\"summary\">\n");
    let items: [(&str, &str, usize); 14] = [
        ("bundles", "bundles", s.bundles),
        ("sources", "sources", s.sources),
        ("facts", "facts", s.facts),
        ("conflicts", "conflicts", s.conflicts),
        ("internal", "internal", s.internal),
        ("reference", "reference", s.reference),
        ("agreements", "agreements", s.agreements),
        ("single_source", "single-source", s.single_source),
        ("not_comparable", "not comparable", s.not_comparable),
        ("errors", "errors", s.errors),
        ("warnings", "warnings", s.warnings),
        ("infos", "infos", s.infos),
        ("suppressed", "suppressed", s.suppressed),
        ("baselined", "baselined", s.baselined),
    ];
    for (field, label, n) in items {
        w!(
            h,
            "<li data-count=\"{field}\"><b>{n}</b>{}</li>\n",
            escape(label)
        );
    }
    h.push_str("</ul>\n");
}

fn filters(h: &mut String, report: &Report) {
    let mut by_verdict: HashMap<Verdict, usize> = HashMap::new();
    let mut by_severity: HashMap<Severity, usize> = HashMap::new();
    for f in report.bundles.iter().flat_map(|b| &b.findings) {
        *by_verdict.entry(f.verdict).or_default() += 1;
        *by_severity.entry(f.severity).or_default() += 1;
    }
    // Hidden until the script runs: without JavaScript the checkboxes
    // would do nothing, and everything is shown anyway.
    h.push_str("<form id=\"filters\" hidden>\n<fieldset><legend>Verdict</legend>\n");
    for v in VERDICTS {
        w!(
            h,
            "<label><input type=\"checkbox\" name=\"verdict\" value=\"{}\" checked> {} ({})</label>\n",
            v.as_str(),
            verdict_label(Some(v)),
            by_verdict.get(&v).copied().unwrap_or(0)
        );
    }
    w!(
        h,
        "<label><input type=\"checkbox\" name=\"verdict\" value=\"none\" checked> {}</label>\n",
        verdict_label(None)
    );
    h.push_str("</fieldset>\n<fieldset><legend>Severity</legend>\n");
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        w!(
            h,
            "<label><input type=\"checkbox\" name=\"severity\" value=\"{0}\" checked> {0} ({1})</label>\n",
            s.as_str(),
            by_severity.get(&s).copied().unwrap_or(0)
        );
    }
    h.push_str("</fieldset>\n</form>\n");
}

#[cfg(test)]
mod tests;

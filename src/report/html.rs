//! The editor's report: one self-contained HTML page (inline CSS and JS, no
//! external asset, nothing fetched) with a summary header, a claim matrix
//! (one row per claim, one column per source), and each finding with its
//! sentences side by side.
//!
//! Every string that comes from an article, a rule or a path goes through
//! [`escape`], attribute values included; nothing from input is ever a tag,
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
//! `<tr class="row verdict-conflict" data-kind="count" data-key="troops"
//! data-verdict="conflict" data-severity="warning">`, findings
//! `<section class="finding" data-verdict="…" data-severity="…"
//! data-rule="…">`.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Write;

use sha2::{Digest, Sha256};

use super::{BundleReport, RenderContext, Report, Summary};
use crate::facts::{Fact, FactKind};
use crate::rules::{DiffOp, Finding, Severity, Verdict};

/// `write!` into a `String`, which cannot fail.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}

/// Escapes text for HTML element content and for quoted attribute values.
/// Control characters other than tab and newline, which HTML cannot carry
/// meaningfully, become U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A URL is only ever made a link when it is plain http(s); anything else
/// (`javascript:`, `data:`, relative paths) is shown as text.
fn safe_link(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(u)
}

const CSS: &str = r#"
:root{--conflict:#fde2e1;--conflict-b:#c0392b;--internal:#fdebd0;--internal-b:#ca6f1e;--reference:#f5e1fd;--reference-b:#7d3c98;--agree:#e2f5e6;--agree-b:#1e8449;--single:#eef2f7;--single-b:#5d6d7e;--none:#fff;--none-b:#aab}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1400px;padding:1em 1.5em;color:#1b1f23;background:#fff}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.25em;margin-top:1.6em;border-bottom:2px solid #ddd}h3{font-size:1.02em;margin:.2em 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em}
[hidden]{display:none!important}
.summary{display:flex;flex-wrap:wrap;gap:.5em;margin:.8em 0;padding:0;list-style:none}
.summary li{border:1px solid #ccd;border-radius:6px;padding:.3em .7em;background:#fafbfc}
.summary b{font-size:1.2em;margin-right:.25em}
#filters{border:1px solid #ccd;border-radius:6px;padding:.4em .8em;margin:.6em 0}
#filters fieldset{display:inline-block;border:0;margin:0 1.5em 0 0;padding:0}
#filters legend{font-weight:600;float:left;margin-right:.6em}
#filters label{margin-right:.8em;white-space:nowrap}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #d8dde3;padding:.3em .5em;vertical-align:top;text-align:left}
thead th{background:#f3f5f8;position:sticky;top:0}
tr.kind-head th{background:#e9edf2;text-transform:uppercase;font-size:.8em;letter-spacing:.05em}
tr.row>th{font-weight:600;white-space:nowrap}
tr.verdict-conflict{background:var(--conflict)}tr.verdict-conflict>th{border-left:5px solid var(--conflict-b)}
tr.verdict-internal{background:var(--internal)}tr.verdict-internal>th{border-left:5px solid var(--internal-b)}
tr.verdict-reference{background:var(--reference)}tr.verdict-reference>th{border-left:5px solid var(--reference-b)}
tr.verdict-agree{background:var(--agree)}tr.verdict-agree>th{border-left:5px solid var(--agree-b)}
tr.verdict-single-source,tr.verdict-not-comparable{background:var(--single)}tr.verdict-single-source>th,tr.verdict-not-comparable>th{border-left:5px solid var(--single-b)}
tr.verdict-none>th{border-left:5px solid var(--none-b)}
td.empty{color:#99a}
details summary{cursor:pointer}
details p{margin:.3em 0;font-size:.92em}
.loc{color:#57606a;font-size:.85em}
mark{background:#ffe066;padding:0 .1em}
.finding{border:1px solid #d8dde3;border-left-width:6px;border-radius:6px;padding:.6em .9em;margin:.8em 0}
.finding.verdict-conflict{border-left-color:var(--conflict-b)}.finding.verdict-internal{border-left-color:var(--internal-b)}
.finding.verdict-reference{border-left-color:var(--reference-b)}.finding.verdict-agree{border-left-color:var(--agree-b)}
.finding.verdict-single-source,.finding.verdict-not-comparable{border-left-color:var(--single-b)}
.sev{display:inline-block;border-radius:4px;padding:0 .4em;font-size:.8em;font-weight:700;text-transform:uppercase;color:#fff}
.sev-error{background:#c0392b}.sev-warning{background:#b9770e}.sev-info{background:#2e86c1}
.verdict-label{font-size:.85em;color:#444;margin:0 .3em}
.claim{color:#57606a;font-size:.9em;margin:.2em 0}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(18em,1fr));gap:.8em;margin:.5em 0}
.side{background:#fafbfc;border:1px solid #e1e4e8;border-radius:6px;padding:.5em .7em}
.side h4{margin:0 0 .3em;font-size:.92em}
.side blockquote{margin:.3em 0;padding-left:.7em;border-left:3px solid #ccd}
.diff{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em;background:#f6f8fa;padding:.4em .6em;border-radius:4px}
ins{background:#ccffd8;text-decoration:none}del{background:#ffd7d5}
footer{margin-top:2em;color:#57606a;font-size:.85em}
"#;

/// Shows the filter form and hides rows and findings whose verdict or
/// severity is unchecked. Elements without a severity (claims no finding
/// speaks about) follow the verdict filter only.
const SCRIPT: &str = r#"(function(){
var form=document.getElementById("filters");if(!form)return;form.hidden=false;
function apply(){var off={};
form.querySelectorAll("input[type=checkbox]").forEach(function(c){if(!c.checked)off[c.name+":"+c.value]=true;});
document.querySelectorAll("[data-verdict]").forEach(function(el){var s=el.getAttribute("data-severity");
el.hidden=!!(off["verdict:"+el.getAttribute("data-verdict")]||(s&&off["severity:"+s]));});}
form.addEventListener("change",apply);apply();})();"#;

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
         <meta name=\"generator\" content=\"{} {}\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
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

/// One row of the claim matrix.
struct Row<'a> {
    kind: FactKind,
    key: &'a str,
    subject: Option<&'a str>,
    facts: Vec<&'a Fact>,
}

fn bundle(h: &mut String, index: usize, b: &BundleReport) {
    let facts: HashMap<&str, &Fact> = b.facts.iter().map(|f| (f.id.as_str(), f)).collect();
    let titles: HashMap<&str, Option<&str>> = b
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_deref()))
        .collect();
    // Findings that speak about each fact, to colour the rows.
    let mut about: HashMap<&str, Vec<(usize, &Finding)>> = HashMap::new();
    for (i, f) in b.findings.iter().enumerate() {
        for id in &f.facts {
            about.entry(id.as_str()).or_default().push((i, f));
        }
    }

    w!(
        h,
        "<section class=\"bundle\" id=\"b-{index}\" data-bundle=\"{}\">\n<h2>{} <small class=\"loc\">{}</small></h2>\n",
        escape(&b.name),
        escape(&b.name),
        escape(&b.path)
    );
    sources_table(h, b);

    // Rows: one per (kind, key, subject), grouped by kind in the kinds'
    // declaration order, then by key and subject.
    let mut rows: BTreeMap<(FactKind, &str, Option<&str>), Row> = BTreeMap::new();
    for f in &b.facts {
        rows.entry((f.kind, f.key.as_str(), f.subject.as_deref()))
            .or_insert_with(|| Row {
                kind: f.kind,
                key: &f.key,
                subject: f.subject.as_deref(),
                facts: Vec::new(),
            })
            .facts
            .push(f);
    }
    let matrix_id = if index == 0 {
        "matrix".to_string()
    } else {
        format!("matrix-{}", index + 1)
    };
    let ncols = b.sources.len() + 3;
    w!(
        h,
        "<h3>Claims</h3>\n<table id=\"{matrix_id}\" class=\"matrix\">\n<thead><tr><th scope=\"col\">claim</th><th scope=\"col\">subject</th><th scope=\"col\">verdict</th>"
    );
    for s in &b.sources {
        w!(
            h,
            "<th scope=\"col\" title=\"{}\">{}</th>",
            escape(s.title.as_deref().unwrap_or("")),
            escape(&s.id)
        );
    }
    h.push_str("</tr></thead>\n");
    let mut current_kind: Option<FactKind> = None;
    for row in rows.values() {
        if current_kind != Some(row.kind) {
            if current_kind.is_some() {
                h.push_str("</tbody>\n");
            }
            w!(
                h,
                "<tbody class=\"kind-group\" data-kind=\"{0}\">\n<tr class=\"kind-head\"><th colspan=\"{ncols}\" scope=\"rowgroup\">{0}</th></tr>\n",
                row.kind.as_str()
            );
            current_kind = Some(row.kind);
        }
        matrix_row(h, index, b, row, &about);
    }
    if current_kind.is_some() {
        h.push_str("</tbody>\n");
    }
    h.push_str("</table>\n");

    w!(h, "<h3>Findings ({})</h3>\n", b.findings.len());
    if b.findings.is_empty() {
        h.push_str("<p>No findings.</p>\n");
    }
    // Conflicts first, as in the terminal report; within a verdict the
    // engine's order is kept.
    let mut order: Vec<(usize, &Finding)> = b.findings.iter().enumerate().collect();
    order.sort_by_key(|(i, f)| (f.verdict, *i));
    for (i, f) in order {
        finding(h, index, i, f, &facts, &titles, b);
    }
    h.push_str("</section>\n");
}

fn sources_table(h: &mut String, b: &BundleReport) {
    h.push_str("<table class=\"sources\">\n<thead><tr><th scope=\"col\">source</th><th scope=\"col\">title</th><th scope=\"col\">outlet</th><th scope=\"col\">published</th><th scope=\"col\">reference date</th></tr></thead>\n<tbody>\n");
    for s in &b.sources {
        let title = escape(s.title.as_deref().unwrap_or(""));
        let title = match s.url.as_deref() {
            Some(u) => match safe_link(u) {
                Some(link) => format!(
                    "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    escape(link),
                    if title.is_empty() {
                        escape(link)
                    } else {
                        title
                    }
                ),
                None => format!("{title} <span class=\"loc\">{}</span>", escape(u)),
            },
            None => title,
        };
        w!(
            h,
            "<tr data-source=\"{}\"><td><code>{}</code><br><span class=\"loc\">{}</span></td><td>{title}</td><td>{}</td><td>{}</td><td>{} <span class=\"loc\">({})</span></td></tr>\n",
            escape(&s.id),
            escape(&s.id),
            escape(&s.path),
            escape(s.outlet.as_deref().unwrap_or("")),
            s.published.map(|d| d.to_string()).unwrap_or_default(),
            s.reference_date
                .map_or_else(|| "unknown".to_string(), |d| d.to_string()),
            escape(s.reference_date_from.as_str())
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

fn matrix_row(
    h: &mut String,
    bundle_index: usize,
    b: &BundleReport,
    row: &Row,
    about: &HashMap<&str, Vec<(usize, &Finding)>>,
) {
    let mut findings: Vec<(usize, &Finding)> = row
        .facts
        .iter()
        .flat_map(|f| about.get(f.id.as_str()).into_iter().flatten().copied())
        .collect();
    findings.sort_by_key(|(i, _)| *i);
    findings.dedup_by_key(|(i, _)| *i);
    // The row takes the gravest verdict any finding gives it (conflict
    // before internal, reference, agree, single source) and the highest
    // severity.
    let verdict = findings.iter().map(|(_, f)| f.verdict).min();
    let severity = findings.iter().map(|(_, f)| f.severity).max();
    w!(
        h,
        "<tr class=\"row {}\" data-kind=\"{}\" data-key=\"{}\" data-subject=\"{}\" data-verdict=\"{}\"",
        verdict_class(verdict),
        row.kind.as_str(),
        escape(row.key),
        escape(row.subject.unwrap_or("")),
        verdict_data(verdict)
    );
    if let Some(s) = severity {
        w!(h, " data-severity=\"{}\"", s.as_str());
    }
    w!(
        h,
        "><th scope=\"row\">{}</th><td>{}</td><td>{}",
        escape(row.key),
        escape(row.subject.unwrap_or("—")),
        verdict_label(verdict)
    );
    for (i, f) in &findings {
        w!(
            h,
            " <a href=\"#f-{bundle_index}-{i}\" title=\"{}\">[{}]</a>",
            escape(&f.message),
            escape(&f.rule)
        );
    }
    h.push_str("</td>");
    for s in &b.sources {
        let cell: Vec<&&Fact> = row.facts.iter().filter(|f| f.source == s.id).collect();
        if cell.is_empty() {
            h.push_str("<td class=\"empty\">—</td>");
            continue;
        }
        w!(h, "<td data-source=\"{}\">", escape(&s.id));
        for f in cell {
            w!(
                h,
                "<details><summary title=\"{}\">{}</summary><p>{}</p><p class=\"loc\">line {}, column {} · {}</p></details>",
                escape(&f.sentence),
                escape(&f.value.display()),
                highlighted(f),
                f.span.line,
                f.span.column,
                f.modality.as_str()
            );
        }
        h.push_str("</td>");
    }
    h.push_str("</tr>\n");
}

fn finding(
    h: &mut String,
    bundle_index: usize,
    index: usize,
    f: &Finding,
    facts: &HashMap<&str, &Fact>,
    titles: &HashMap<&str, Option<&str>>,
    b: &BundleReport,
) {
    w!(
        h,
        "<section class=\"finding {}\" id=\"f-{bundle_index}-{index}\" data-verdict=\"{}\" data-severity=\"{}\" data-rule=\"{}\" data-kind=\"{}\" data-key=\"{}\">\n",
        verdict_class(Some(f.verdict)),
        f.verdict.as_str(),
        f.severity.as_str(),
        escape(&f.rule),
        f.kind.as_str(),
        escape(&f.key)
    );
    w!(
        h,
        "<h4><span class=\"sev sev-{0}\">{0}</span><span class=\"verdict-label\">{1}</span> {2} <code>[{3}]</code></h4>\n",
        f.severity.as_str(),
        verdict_label(Some(f.verdict)),
        escape(&f.message),
        escape(&f.rule)
    );
    w!(
        h,
        "<p class=\"claim\">{} · <code>{}</code>{}</p>\n",
        f.kind.as_str(),
        escape(&f.key),
        f.subject
            .as_deref()
            .map(|s| format!(" · {}", escape(s)))
            .unwrap_or_default()
    );
    // One column per source, in the bundle's source order; facts a finding
    // names but the bundle lacks are skipped rather than invented.
    let involved: Vec<&Fact> = f
        .facts
        .iter()
        .filter_map(|id| facts.get(id.as_str()).copied())
        .collect();
    h.push_str("<div class=\"sides\">\n");
    let paths: HashMap<&str, &str> = b
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.path.as_str()))
        .collect();
    let mut order: Vec<&str> = b
        .sources
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| involved.iter().any(|f| f.source == *id))
        .collect();
    // Sources the findings name that the bundle does not list still show.
    for fact in &involved {
        if !order.contains(&fact.source.as_str()) {
            order.push(&fact.source);
        }
    }
    for src in order {
        let title = titles.get(src).copied().flatten().unwrap_or("");
        w!(
            h,
            "<div class=\"side\" data-source=\"{}\">\n<h5><code>{}</code> {}</h5>\n",
            escape(src),
            escape(src),
            escape(title)
        );
        for fact in involved.iter().filter(|x| x.source == src) {
            w!(
                h,
                "<blockquote>{}</blockquote>\n<p class=\"loc\">{}:{}:{} · {} · {}</p>\n",
                highlighted(fact),
                escape(paths.get(src).copied().unwrap_or(src)),
                fact.span.line,
                fact.span.column,
                escape(&fact.value.display()),
                fact.modality.as_str()
            );
        }
        h.push_str("</div>\n");
    }
    h.push_str("</div>\n");
    if let Some(diff) = &f.diff {
        h.push_str("<p class=\"diff\">");
        for chunk in diff {
            match chunk.op {
                DiffOp::Equal => h.push_str(&escape(&chunk.text)),
                DiffOp::Insert => w!(h, "<ins>{}</ins>", escape(&chunk.text)),
                DiffOp::Delete => w!(h, "<del>{}</del>", escape(&chunk.text)),
            }
        }
        h.push_str("</p>\n");
    }
    h.push_str("</section>\n");
}

/// The fact's sentence, escaped, with the claim's words in `<mark>`. The
/// pieces are escaped separately so the mark can never split an entity.
fn highlighted(f: &Fact) -> String {
    match f.sentence.find(&f.text) {
        Some(i) if !f.text.is_empty() => format!(
            "{}<mark>{}</mark>{}",
            escape(&f.sentence[..i]),
            escape(&f.text),
            escape(&f.sentence[i + f.text.len()..])
        ),
        _ => escape(&f.sentence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    fn html() -> String {
        page(&fixtures::sample_report())
    }

    /// The text between `<tag` and its end for the first element whose
    /// opening tag contains `needle`.
    fn element_with<'a>(html: &'a str, needle: &str, close: &str) -> &'a str {
        let at = html.find(needle).unwrap_or_else(|| panic!("no {needle}"));
        let start = html[..at].rfind('<').unwrap();
        let end = at + html[at..].find(close).unwrap() + close.len();
        &html[start..end]
    }

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("<a href=\"x\" onclick='y'>&</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0}b\nc"), "a\u{FFFD}b\nc");
    }

    #[test]
    fn base64_matches_known_vectors() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn hostile_text_renders_as_text() {
        let h = html();
        // Our own script is the only one, and nothing from the article
        // became an element or an attribute.
        assert_eq!(h.matches("<script").count(), 1, "{h}");
        assert!(!h.contains("<img"));
        assert!(!h.contains("onerror=\""));
        assert!(!h.contains("href=\"javascript:"));
        assert!(!h.contains("<b>unstoppable"));
        assert!(h.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
        assert!(
            h.contains("&lt;img src=x onerror=&quot;document.body.id=&#39;pwned&#39;&quot;&gt;")
        );
        // The javascript: URL is shown, not linked.
        assert!(h.contains("javascript:alert(&#39;x&#39;)"));
        // The https URL is linked, with its ampersand and quotes escaped.
        assert!(h.contains(
            "<a href=\"https://example.com/a?x=1&amp;y=&quot;2&quot;\" rel=\"noopener noreferrer\">"
        ));
    }

    #[test]
    fn page_is_self_contained() {
        let h = html();
        for needle in ["src=\"", "<link", "@import", "url("] {
            assert!(!h.contains(needle), "external reference {needle}");
        }
        assert!(h.contains("default-src &#39;none&#39;"));
        let csp_hash = base64(&Sha256::digest(SCRIPT.as_bytes()));
        assert!(h.contains(&format!("sha256-{csp_hash}")));
        assert!(h.contains(&format!("<script>{SCRIPT}</script>")));
    }

    #[test]
    fn matrix_rows_are_grouped_by_kind_and_coloured_by_verdict() {
        let h = html();
        assert!(h.contains("<table id=\"matrix\" class=\"matrix\">"));
        let troops = element_with(&h, "data-key=\"troops\"", "</tr>");
        assert!(troops.starts_with("<tr class=\"row verdict-single-source\" data-kind=\"count\""));
        assert!(troops.contains("data-verdict=\"single_source\" data-severity=\"info\""));
        // One cell per source: two empty, one with the value.
        assert_eq!(troops.matches("<td class=\"empty\">").count(), 2);
        assert!(troops.contains("<summary title=\"Officials said &lt;img"));
        assert!(troops.contains(">≥10001</summary>"));
        assert!(troops.contains("<mark>more than 10,000 troops</mark>"));

        let date = element_with(&h, "data-key=\"event-date\"", "</tr>");
        assert!(date.contains("verdict-agree"));
        assert_eq!(date.matches("<details>").count(), 2);
        let precedent = element_with(&h, "data-key=\"leaders-gathering\"", "</tr>");
        assert!(precedent.contains("class=\"row verdict-conflict\""));
        assert!(precedent.contains("data-severity=\"warning\""));
        assert!(precedent.contains(">unprecedented</summary>"));
        assert!(precedent.contains(">last in 1959 (66 years)</summary>"));

        // Kinds in declaration order: count before date before precedent.
        let pos = |k: &str| {
            h.find(&format!("<tbody class=\"kind-group\" data-kind=\"{k}\""))
                .unwrap()
        };
        assert!(pos("count") < pos("date") && pos("date") < pos("precedent"));
        assert_eq!(h.matches("class=\"kind-group\"").count(), 4);
    }

    #[test]
    fn findings_show_sentences_side_by_side_with_marks_and_diff() {
        let h = html();
        let conflict = element_with(&h, "data-rule=\"precedent-conflict\"", "</section>");
        assert!(conflict.contains("data-verdict=\"conflict\" data-severity=\"warning\""));
        assert_eq!(conflict.matches("<div class=\"side\"").count(), 2);
        assert!(conflict.contains("It was an <mark>unprecedented</mark> gathering."));
        assert!(conflict.contains("The first such gathering <mark>in 66 years</mark>."));
        assert!(conflict.contains("bundle/004_cccc.txt:9:26"));

        let drift = element_with(&h, "data-rule=\"quote-drift\"", "</section>");
        assert!(drift.contains(
            "<p class=\"diff\"><ins>the </ins>rejuvenation is <del>&lt;b&gt;unstoppable&lt;/b&gt;</del></p>"
        ));
        // Conflicts come before agreements, agreements before single source.
        let pos = |rule: &str| h.find(&format!("data-rule=\"{rule}\"")).unwrap();
        assert!(pos("precedent-conflict") < pos("date-agree"));
        assert!(pos("date-agree") < pos("single-source"));
    }

    #[test]
    fn summary_and_filters() {
        let h = html();
        assert!(h.contains("<li data-count=\"conflicts\"><b>2</b>conflicts</li>"));
        assert!(h.contains("<li data-count=\"single_source\"><b>1</b>single-source</li>"));
        assert!(h.contains("<li data-count=\"sources\"><b>3</b>sources</li>"));
        assert!(h.contains("<form id=\"filters\" hidden>"));
        for v in [
            "conflict",
            "internal",
            "reference",
            "agree",
            "single_source",
            "none",
        ] {
            assert!(
                h.contains(&format!("name=\"verdict\" value=\"{v}\" checked")),
                "{v}"
            );
        }
        for s in ["error", "warning", "info"] {
            assert!(
                h.contains(&format!("name=\"severity\" value=\"{s}\" checked")),
                "{s}"
            );
        }
    }

    #[test]
    fn second_bundle_gets_its_own_matrix_id() {
        let mut r = fixtures::sample_report();
        let mut b2 = fixtures::sample_bundle();
        b2.name = "other".into();
        r.bundles.push(b2);
        let h = page(&r);
        assert_eq!(h.matches("id=\"matrix\"").count(), 1);
        assert_eq!(h.matches("id=\"matrix-2\"").count(), 1);
        assert!(h.contains("id=\"f-1-0\""));
    }

    #[test]
    fn empty_report_is_a_valid_page() {
        let h = page(&Report::new(vec![]));
        assert!(h.starts_with("<!DOCTYPE html>"));
        assert!(h.ends_with("</html>\n"));
    }
}

//! One bundle's part of the page: its sources, the claim matrix (one row
//! per claim, one column per source) and each finding with its sentences
//! side by side.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use super::{escape, safe_link, verdict_class, verdict_data, verdict_label};
use crate::facts::{Fact, FactKind};
use crate::report::BundleReport;
use crate::report::index::BundleIndex;
use crate::rules::{DiffOp, Finding};

/// One row of the claim matrix.
struct Row<'a> {
    kind: FactKind,
    key: &'a str,
    subject: Option<&'a str>,
    facts: Vec<&'a Fact>,
}

pub(super) fn bundle(h: &mut String, index: usize, b: &BundleReport) {
    let lookup = BundleIndex::new(b);
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
        rows.entry((f.kind(), f.key.as_str(), f.subject.as_deref()))
            .or_insert_with(|| Row {
                kind: f.kind(),
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
        finding(h, index, i, f, &lookup, b);
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
    lookup: &BundleIndex,
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
    let involved: Vec<&Fact> = lookup.facts_of(f).collect();
    h.push_str("<div class=\"sides\">\n");
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
        let title = lookup.title(src).unwrap_or("");
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
                escape(lookup.path(src)),
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

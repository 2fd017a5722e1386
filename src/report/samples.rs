//! Compiled only for tests (`#[cfg(test)] mod samples` in `report/mod.rs`).
//!
//! Sample reports, hand-built for the renderers' unit tests (named samples,
//! not fixtures: "fixtures" are a rule's own test cases): one bundle with a
//! conflict, an agreement, a single-source claim, a quote drift with a word
//! diff, and a source whose title and sentences try to inject markup.

use crate::corpus::{RefDateOrigin, SourceSummary};
use crate::facts::{
    CountValue, DateValue, Fact, FactValue, Modality, PrecedentValue, QuoteValue, Span,
};
use crate::rules::{CheckKind, DiffChunk, DiffOp, Finding, Severity, Verdict};

use super::{BundleReport, Report, RuleMeta};

pub const HOSTILE_TITLE: &str = "<script>document.title='pwned'</script> Breaking";
pub const HOSTILE_SENTENCE: &str = "Officials said <img src=x onerror=\"document.body.id='pwned'\"> more than 10,000 guests marched, see <a href=\"javascript:alert(1)\">this</a> & more.";

pub fn source(id: &str, title: &str) -> SourceSummary {
    SourceSummary {
        id: id.to_string(),
        path: format!("bundle/{id}.txt"),
        title: Some(title.to_string()),
        outlet: None,
        url: None,
        published: None,
        reference_date: chrono::NaiveDate::from_ymd_opt(2025, 9, 3),
        reference_date_from: RefDateOrigin::Dateline,
        skipped: None,
    }
}

#[allow(clippy::too_many_arguments)]
pub fn fact(
    source: &str,
    n: usize,
    key: &str,
    subject: Option<&str>,
    value: FactValue,
    text: &str,
    sentence: &str,
    line: usize,
) -> Fact {
    let column = sentence
        .find(text)
        .map_or(1, |i| sentence[..i].chars().count() + 1);
    let start = line * 100 + column - 1;
    Fact {
        id: format!("{source}#{n}"),
        source: source.to_string(),
        key: key.to_string(),
        subject: subject.map(str::to_string),
        value,
        modality: Modality::Asserted,
        text: text.to_string(),
        frame: None,
        sentence: sentence.to_string(),
        span: Span {
            start,
            end: start + text.len(),
            line,
            column,
        },
    }
}

pub fn finding(
    rule: &str,
    severity: Severity,
    verdict: Verdict,
    facts: &[&Fact],
    message: &str,
) -> Finding {
    let first = facts[0];
    let mut sources: Vec<String> = facts.iter().map(|f| f.source.clone()).collect();
    sources.sort();
    sources.dedup();
    Finding {
        id: format!("{rule}:{}", first.key),
        rule: rule.to_string(),
        check: CheckKind::Agree,
        severity,
        verdict,
        kind: first.kind(),
        key: first.key.clone(),
        subject: first.subject.clone(),
        sources,
        facts: facts.iter().map(|f| f.id.clone()).collect(),
        message: message.to_string(),
        fingerprint: String::new(),
        diff: None,
    }
    .fingerprinted(facts.iter().copied())
}

pub fn date(y: i32, m: u32, d: u32) -> FactValue {
    FactValue::Date(DateValue {
        year: Some(y),
        month: Some(m),
        day: Some(d),
        weekday: None,
        inferred: vec![],
        part: None,
        time: None,
    })
}

pub fn sample_bundle() -> BundleReport {
    let a = "000_aaaa";
    let b = "002_bbbb";
    let c = "004_cccc";
    let guests = fact(
        c,
        0,
        "guests",
        None,
        FactValue::Count(CountValue {
            min: 10_001.0,
            max: None,
            approximate: false,
            ..CountValue::exact(0.0)
        }),
        "more than 10,000 guests",
        HOSTILE_SENTENCE,
        5,
    );
    let date_a = fact(
        a,
        0,
        "event-date",
        None,
        date(2025, 9, 3),
        "September 3",
        "The parade was held on September 3.",
        3,
    );
    let date_b = fact(
        b,
        0,
        "event-date",
        None,
        date(2025, 9, 3),
        "Sept. 3, 2025",
        "Beijing marched on Sept. 3, 2025.",
        2,
    );
    let unprecedented = fact(
        b,
        1,
        "leaders-gathering",
        None,
        FactValue::Precedent(PrecedentValue {
            last_year: None,
            gap_years: None,
            unprecedented: true,
            inferred: vec![],
        }),
        "unprecedented",
        "It was an unprecedented gathering.",
        7,
    );
    let precedent = fact(
        c,
        1,
        "leaders-gathering",
        None,
        FactValue::Precedent(PrecedentValue {
            last_year: Some(1987),
            gap_years: Some(38),
            unprecedented: false,
            inferred: vec![],
        }),
        "in 38 years",
        "The first such gathering in 38 years.",
        9,
    );
    let quote_a = fact(
        a,
        1,
        "speech",
        Some("xi-jinping"),
        FactValue::Quote(QuoteValue {
            speaker: Some("xi-jinping".into()),
            words: "rejuvenation is unstoppable".into(),
        }),
        "\"rejuvenation is unstoppable\"",
        "Xi said \"rejuvenation is unstoppable\" today.",
        8,
    );
    let quote_c = fact(
        c,
        2,
        "speech",
        Some("xi-jinping"),
        FactValue::Quote(QuoteValue {
            speaker: Some("xi-jinping".into()),
            words: "the rejuvenation is unstoppable".into(),
        }),
        "\"the rejuvenation is unstoppable\"",
        "Xi asserted \"the rejuvenation is unstoppable\".",
        11,
    );
    let mut drift = finding(
        "quote-drift",
        Severity::Warning,
        Verdict::Conflict,
        &[&quote_a, &quote_c],
        "Xi's quote differs between 000 and 004",
    );
    drift.id = "quote-drift:speech:xi-jinping".into();
    drift.diff = Some(vec![
        DiffChunk {
            op: DiffOp::Insert,
            text: "the ".into(),
        },
        DiffChunk {
            op: DiffOp::Equal,
            text: "rejuvenation is ".into(),
        },
        DiffChunk {
            op: DiffOp::Delete,
            text: "<b>unstoppable</b>".into(),
        },
    ]);
    let findings = vec![
        finding(
            "precedent-conflict",
            Severity::Warning,
            Verdict::Conflict,
            &[&unprecedented, &precedent],
            "002 calls it unprecedented; 004 cites a 1987 precedent",
        ),
        drift,
        finding(
            "date-agree",
            Severity::Info,
            Verdict::Agree,
            &[&date_a, &date_b],
            "the sources agree on the event date",
        ),
        finding(
            "single-source",
            Severity::Info,
            Verdict::SingleSource,
            &[&guests],
            "only 004 gives the number of guests <script>alert(1)</script>",
        ),
    ];
    let mut hostile = source(c, HOSTILE_TITLE);
    hostile.url = Some("javascript:alert('x')".into());
    let mut plain = source(a, "Parade report");
    plain.url = Some("https://example.com/a?x=1&y=\"2\"".into());
    BundleReport {
        name: "parade".into(),
        path: "bundle".into(),
        sources: vec![plain, source(b, "Second report"), hostile],
        facts: vec![
            date_a,
            quote_a,
            date_b,
            unprecedented,
            guests,
            precedent,
            quote_c,
        ],
        findings,
    }
}

pub fn sample_report() -> Report {
    Report::new(vec![sample_bundle()])
}

pub fn rules() -> Vec<RuleMeta> {
    [
        (
            "precedent-conflict",
            CheckKind::Exclusive,
            Severity::Warning,
        ),
        ("quote-drift", CheckKind::QuoteDrift, Severity::Warning),
        ("date-agree", CheckKind::Agree, Severity::Error),
        ("single-source", CheckKind::SingleSource, Severity::Info),
        ("calendar", CheckKind::Calendar, Severity::Error),
    ]
    .into_iter()
    .map(|(id, check, severity)| RuleMeta {
        id: id.into(),
        check,
        severity,
        description: format!("The {id} rule: checks <things> & \"stuff\"."),
        pack: "default".into(),
    })
    .collect()
}

/// Validation errors of `doc` against `schema`, formats checked too.
pub fn schema_errors(schema: &serde_json::Value, doc: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// Whether `doc` is valid against `schema`.
pub fn schema_accepts(schema: &serde_json::Value, doc: &serde_json::Value) -> bool {
    schema_errors(schema, doc).is_empty()
}

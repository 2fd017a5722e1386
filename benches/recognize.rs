//! Recognizer throughput on generated news-like text.
//!
//! `cargo bench --bench recognize` prints time and bytes per second
//! (divan's `BytesCount`) for scanning sentence by sentence — the way the
//! extractors call it — and for one large string.

use chrono::NaiveDate;
use divan::Bencher;
use divan::counter::BytesCount;
use factlint::recognize::Recognizer;

fn main() {
    divan::main();
}

/// Deterministic news-like sentences: counts with qualifiers, dates,
/// durations, plain prose without any of them.
fn sentences(n: usize) -> Vec<String> {
    const SUBJECTS: &[&str] = &[
        "Officials",
        "The ministry",
        "Organisers",
        "Witnesses",
        "The agency",
        "Local media",
    ];
    const COUNTS: &[&str] = &[
        "more than 10,000",
        "nearly 80",
        "about 1.2 million",
        "hundreds of",
        "a total of 26",
        "up to 700",
        "between 20 and 30",
        "dozens of",
        "at least three",
        "some 2,500",
        "one hundred and twenty-five",
        "12%",
    ];
    const NOUNS: &[&str] = &[
        "people",
        "vehicles",
        "aircraft",
        "delegates",
        "workers",
        "visitors",
    ];
    const WHEN: &[&str] = &[
        "on Wednesday",
        "on September 3, 2025",
        "last year",
        "the previous day",
        "in 2019",
        "two weeks ago",
        "since 1959",
        "in the 1990s",
        "earlier this month",
        "on 9/3/2025",
    ];
    const TAILS: &[&str] = &[
        "during the 70-minute event.",
        "after a journey that took nearly a day.",
        "for three days.",
        "according to a statement.",
        "in the capital.",
        "as rain fell over the square.",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut pick = |len: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % len as u64) as usize
    };
    (0..n)
        .map(|_| {
            if pick(4) == 0 {
                "The statement did not say who had been invited or why the plans had changed."
                    .to_string()
            } else {
                format!(
                    "{} said {} {} attended {} {}",
                    SUBJECTS[pick(SUBJECTS.len())],
                    COUNTS[pick(COUNTS.len())],
                    NOUNS[pick(NOUNS.len())],
                    WHEN[pick(WHEN.len())],
                    TAILS[pick(TAILS.len())]
                )
            }
        })
        .collect()
}

const REFERENCE: Option<NaiveDate> = NaiveDate::from_ymd_opt(2025, 9, 3);

#[divan::bench(args = [100, 10_000])]
fn per_sentence(bencher: Bencher, n: usize) {
    let sents = sentences(n);
    let bytes: usize = sents.iter().map(String::len).sum();
    let r = Recognizer::new();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut found = 0;
        for s in &sents {
            found += r.scan(divan::black_box(s), REFERENCE).len();
        }
        found
    });
}

#[divan::bench(args = [10_000])]
fn one_string(bencher: Bencher, n: usize) {
    let text = sentences(n).join(" ");
    let r = Recognizer::new();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| r.scan(divan::black_box(&text), REFERENCE).len());
}

#[divan::bench]
fn compile() -> Recognizer {
    Recognizer::new()
}

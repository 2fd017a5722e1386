//! Whole-pipeline throughput on a generated corpus: extraction and rules
//! over bundles of synthetic articles. Run with `cargo bench --bench check`.

use divan::counter::BytesCount;
use factlint::corpus::{Bundle, Source};
use factlint::pipeline::check_bundle;
use factlint::recognize::Recognizer;
use factlint::rules::{LoadOptions, load};

fn main() {
    divan::main();
}

/// Sentences in the style of the example bundle, with varying figures, so
/// that groups form and some conflict.
fn article(i: usize) -> String {
    let n = 1_000 + (i % 7) * 250;
    format!(
        "Festival number {i} opens\n\
         RIVERTON, June {day} (Wire) — More than {n} spectators watched the parade on Saturday, which marked the {ord}th anniversary of Victory in Europe.\n\
         The {mins}-minute ceremony was led by {p} performers and some {v} volunteers.\n\
         Mayor Ada Lind attended, and Governor Ray Holt will not attend, his office said.\n\
         It was the first gathering of the three mayors in {gap} years, since 19{yy}.\n\
         Lind said the evening was \"a promise kept to every family in this town.\"\n\
         British Prime Minister Keir Starmer sent a message of support.\n",
        day = 1 + i % 28,
        ord = 75 + i % 10,
        mins = 60 + (i % 4) * 15,
        p = 200 + (i % 5) * 50,
        v = 100 + i % 13,
        gap = 20 + i % 10,
        yy = 90 + i % 9,
    )
}

fn corpus(bundles: usize, per_bundle: usize) -> (Vec<Bundle>, usize) {
    let mut bytes = 0;
    let out = (0..bundles)
        .map(|b| {
            let sources = (0..per_bundle)
                .map(|s| {
                    let text = article(b * per_bundle + s);
                    bytes += text.len();
                    Source::from_text(
                        format!("{s:03}"),
                        format!("bench/{b}/{s:03}.md").into(),
                        text,
                        None,
                    )
                    .expect("generated source parses")
                })
                .collect();
            Bundle {
                name: format!("bundle-{b}"),
                path: format!("bench/{b}").into(),
                sources,
                manifest_reference_date: None,
            }
        })
        .collect();
    (out, bytes)
}

#[divan::bench(args = [10, 100])]
fn check_corpus(bencher: divan::Bencher, bundles: usize) {
    let set = load(&LoadOptions::default()).expect("default rules");
    let rec = Recognizer::new();
    let (corpus, bytes) = corpus(bundles, 5);
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        corpus
            .iter()
            .cloned()
            .map(|b| check_bundle(b, &rec, &set, None).findings.len())
            .sum::<usize>()
    });
}

/// One run-on "sentence" full of figures, `kib` KiB long, with no full
/// stop: the work must grow linearly with its length (the sentence cap and
/// the line index's checkpoints see to it). Compare the per-byte rate of
/// the two sizes.
fn run_on(kib: usize) -> String {
    let mut text = String::with_capacity(kib * 1024 + 200);
    let mut i = 0usize;
    while text.len() < kib * 1024 {
        text.push_str(&format!(
            "some {} people and {} boats and more than {},000 visitors on May {}, 2025 with {}% of the vote, ",
            i * 7 % 9000 + 10,
            i % 300 + 2,
            i % 50 + 1,
            i % 28 + 1,
            i % 90 + 5
        ));
        i += 1;
    }
    text.push('\n');
    text
}

#[divan::bench(args = [64, 256], sample_count = 5)]
fn run_on_sentence(bencher: divan::Bencher, kib: usize) {
    bench_one_article(bencher, "run-on", run_on(kib));
}

/// Times a whole check of a bundle of one article, `text`.
fn bench_one_article(bencher: divan::Bencher, name: &str, text: String) {
    let set = load(&LoadOptions::default()).expect("default rules");
    let rec = Recognizer::new();
    let bytes = text.len();
    let source = Source::from_text(
        "000".into(),
        format!("bench/{name}/000.md").into(),
        text,
        None,
    )
    .expect("generated source parses");
    let bundle = Bundle {
        name: name.into(),
        path: format!("bench/{name}").into(),
        sources: vec![source],
        manifest_reference_date: None,
    };
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| check_bundle(bundle.clone(), &rec, &set, None).facts.len());
}

/// Sentences built to hurt (the shapes of `tests/recognize_pathological.rs`
/// and of what fuzzing found slow), each about 1 KB or less, beside an
/// ordinary news sentence. Each is checked as a one-sentence article, so a
/// time is an upper bound for that sentence in a real run; the bar is 1 ms.
fn pathological(case: &str) -> String {
    let repeat = |unit: &str, n: usize| unit.repeat(n);
    let mut text = match case {
        "plain-news" => "More than 2,000 people attended the ceremony on Tuesday, officials said, \
                         the first such gathering since 1998."
            .to_string(),
        "number-words" => {
            let words = [
                "one", "hundred", "and", "twenty", "five", "thousand", "two", "million", "three",
                "dozen",
            ];
            (0..200)
                .map(|i| words[i % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        }
        "from-to-chain" => (0..50)
            .map(|i| format!("from {i} to {}", i + 1))
            .collect::<Vec<_>>()
            .join(" "),
        "dates" => (1..=28)
            .map(|d| format!("May {d}, 2025"))
            .collect::<Vec<_>>()
            .join(", "),
        "weekdays" => repeat("last Monday and next Friday, ", 30),
        "capitalized" => repeat("Ada Lind Ray Holt Prime Minister Governor ", 25),
        "titles" => repeat("President Mayor Governor Minister General ", 25),
        "quotes" => repeat("\"We said 'yes' to 3,000,\" she said, ", 25),
        "digits" => repeat("1,000,000.5 2.5m 10^6 3/4 12% ", 35),
        "punctuation" => repeat("-–—/.,;:()[]!? ", 70),
        "figures-and-units" => repeat("nearly 80 km and up to 3.5 tonnes per hour, ", 24),
        _ => String::new(),
    };
    text.push_str(".\n");
    text
}

const PATHOLOGICAL: &[&str] = &[
    "plain-news",
    "number-words",
    "from-to-chain",
    "dates",
    "weekdays",
    "capitalized",
    "titles",
    "quotes",
    "digits",
    "punctuation",
    "figures-and-units",
];

#[divan::bench(args = PATHOLOGICAL)]
fn pathological_sentence(bencher: divan::Bencher, case: &str) {
    bench_one_article(bencher, "hurt", pathological(case));
}

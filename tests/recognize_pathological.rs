//! Inputs built to hurt: long runs that a backtracking or quadratic design
//! would choke on, and odd text that must never panic. No timing assertion —
//! completing at all is the test; the design (single left-to-right passes,
//! anchored regexes) keeps the work linear.

use chrono::NaiveDate;
use factlint::recognize::Recognizer;

#[test]
fn two_hundred_number_words_in_a_row() {
    let words = [
        "one", "hundred", "and", "twenty", "five", "thousand", "two", "million", "three", "dozen",
    ];
    let text: Vec<&str> = (0..200).map(|i| words[i % words.len()]).collect();
    let text = text.join(" ");
    let r = Recognizer::new();
    let found = r.scan(&text, None);
    assert!(!found.is_empty());
    // Every span lies inside the text.
    assert!(
        found
            .iter()
            .all(|m| m.start <= m.end && m.end <= text.len())
    );
}

#[test]
fn fifty_chained_from_to() {
    let mut text = String::new();
    for i in 0..50 {
        text.push_str(&format!("from {} to {} ", i, i + 1));
    }
    let r = Recognizer::new();
    let found = r.scan(&text, NaiveDate::from_ymd_opt(2025, 9, 3));
    assert!(!found.is_empty());
}

#[test]
fn long_repetitive_text_is_handled() {
    let text = "more than 10,000 troops and nearly a day on September 3, 2025; ".repeat(2000);
    let r = Recognizer::new();
    let found = r.scan(&text, NaiveDate::from_ymd_opt(2025, 9, 3));
    assert!(found.len() >= 2000 * 4);
}

#[test]
fn odd_inputs_never_panic() {
    let r = Recognizer::new();
    let reference = NaiveDate::from_ymd_opt(2025, 9, 3);
    let inputs = [
        "",
        " ",
        "\u{0}",
        "99999999999999999999999 trillion",
        "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
        "trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion",
        "1e999 1e-999 9^9999 10^-999",
        "-",
        "--5",
        "- -",
        "+",
        "$",
        "%",
        "½ ¼ ¾",
        "٣ ٤ ٥",
        "１２３",
        "𝟙𝟚𝟛",
        "Ünïcödé 3 Sëptëmbër 2025 ünd 70-Minüten",
        "日本語のテキスト 2025年9月3日 10,000人",
        "emoji 🎉 10,000 🎉 troops 👍🏽 on Sep 3",
        "September 31, 2025 and February 30 and 2/29/2019 and 13/13/2013",
        "9999-99-99 0000-00-00 0/0 1/0 00/00/00",
        "year 0 year 99999 the 0s the 99990s 0th century 999999th century",
        "999999999 days ago 999999999999 years later in 99999999 decades",
        "a a a a a a an an an and and and point point minus minus negative",
        "1,,,,,,2 1.... .1.1.1.1 1,2,3,4,5,6,7,8,9 1 2 3 4 5 6 7 8 9 0",
        "between and from to - – ~ between 5 and from 6 to",
        "\u{202f}\u{a0}1\u{202f}000\u{a0}000",
        "on\nWednesday\r\nSeptember\t3",
    ];
    for text in inputs {
        for m in r.scan(text, reference) {
            assert!(m.start <= m.end && m.end <= text.len(), "{text:?}");
            assert!(
                text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
                "{text:?}"
            );
        }
        let _ = r.scan(text, None);
    }
}

/// Random sentences from a vocabulary that touches every recognizer:
/// whatever order the words come in, scanning must not panic (debug builds
/// check arithmetic overflow) and spans must stay on character boundaries.
#[test]
fn random_word_salad_never_panics() {
    const VOCAB: &[&str] = &[
        "one",
        "two",
        "twenty",
        "-",
        "hundred",
        "and",
        "a",
        "half",
        "thousand",
        "million",
        "dozen",
        "point",
        "minus",
        "first",
        "third",
        "thirds",
        "quarter",
        "more",
        "than",
        "at",
        "least",
        "up",
        "to",
        "between",
        "from",
        "nearly",
        "about",
        "hundreds",
        "of",
        "several",
        "days",
        "hours",
        "year",
        "years",
        "decade",
        "ago",
        "later",
        "in",
        "next",
        "last",
        "this",
        "week",
        "month",
        "the",
        "on",
        "Wednesday",
        "September",
        "Sep",
        ".",
        ",",
        "/",
        "3",
        "31",
        "2025",
        "1990s",
        "'",
        "s",
        "10,000",
        "1.5",
        "2.5m",
        "%",
        "80th",
        "early",
        "late",
        "end",
        "rest",
        "within",
        "past",
        "Q3",
        "H",
        "2",
        "w",
        "c",
        "since",
        "will",
        "was",
        "tomorrow",
        "yesterday",
        "out",
        "99999999999999999999",
        "0",
        "00",
        "½",
        "é",
        "日本",
        "century",
        "99999999999th",
        "4294967297",
        "Q",
        "2016",
        "week",
        "of",
        "starting",
        "for",
        "between",
        "through",
        "–",
        "~",
        ">",
        "<",
        "=",
        "or",
        "so",
    ];
    let r = Recognizer::new();
    let reference = NaiveDate::from_ymd_opt(2025, 9, 3);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let rounds: usize = std::env::var("FACTLINT_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    for _ in 0..rounds {
        let mut text = String::new();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let len = (state % 14) as usize + 1;
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(VOCAB[(state % VOCAB.len() as u64) as usize]);
            if state & 0x100 != 0 {
                text.push(' ');
            }
        }
        for m in r
            .scan(&text, reference)
            .into_iter()
            .chain(r.scan(&text, None))
        {
            assert!(m.start <= m.end && m.end <= text.len(), "{text:?}");
            assert!(
                text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
                "{text:?}"
            );
        }
    }
}

//! quote-drift: one speaker quoted differently by two sources. Quotes are
//! compared word by word, ignoring case and punctuation; two quotes count as
//! the same quote when at least `min_similarity` of their words align, and
//! as drift when they then differ at all. The word-level diff goes into the
//! finding.

use sha2::{Digest, Sha256};
use similar::{Algorithm, DiffTag, capture_diff_slices, diff_ratio};

use super::{FindingParts, finding};
use crate::facts::FactValue;
use crate::rules::context::{CheckContext, group};
use crate::rules::{DiffChunk, DiffOp, Finding, Rule, Verdict};

fn normalize(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Word-level diff of two quotes, in their original spelling.
pub fn word_diff(old: &str, new: &str) -> (f32, Vec<DiffChunk>) {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let ka: Vec<String> = a.iter().map(|w| normalize(w)).collect();
    let kb: Vec<String> = b.iter().map(|w| normalize(w)).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &ka, &kb);
    let ratio = diff_ratio(&ops, ka.len(), kb.len());
    let mut chunks: Vec<DiffChunk> = Vec::new();
    let mut push = |op: DiffOp, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        match chunks.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => chunks.push(DiffChunk { op, text }),
        }
    };
    for op in &ops {
        let (tag, ra, rb) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(DiffOp::Equal, &b[rb]),
            DiffTag::Delete => push(DiffOp::Delete, &a[ra]),
            DiffTag::Insert => push(DiffOp::Insert, &b[rb]),
            DiffTag::Replace => {
                push(DiffOp::Delete, &a[ra]);
                push(DiffOp::Insert, &b[rb]);
            }
        }
    }
    // Separate chunks with the spaces that split_whitespace removed.
    let n = chunks.len();
    for (i, c) in chunks.iter_mut().enumerate() {
        if i + 1 < n {
            c.text.push(' ');
        }
    }
    (ratio, chunks)
}

/// Whether `needle` occurs as a contiguous run of words in `hay`.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && needle.len() < hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Most words an elision may drop or add and still be the same quote.
const MAX_ELIDED_WORDS: usize = 2;

/// A word or two dropped or added, none replaced ("so that's just what's
/// happening" quoted as "so that's what's happening"): an elision, which
/// quoting allows, not a changed word.
fn elision(diff: &[DiffChunk]) -> bool {
    let substituted = diff.windows(2).any(|w| {
        matches!(
            (w[0].op, w[1].op),
            (DiffOp::Delete, DiffOp::Insert) | (DiffOp::Insert, DiffOp::Delete)
        )
    });
    let changed: usize = diff
        .iter()
        .filter(|c| c.op != DiffOp::Equal)
        .map(|c| c.text.split_whitespace().count())
        .sum();
    !substituted && changed <= MAX_ELIDED_WORDS
}

pub fn run(
    rule: &Rule,
    ctx: &CheckContext,
    selected: &[usize],
    min_similarity: f64,
) -> Vec<Finding> {
    let min_similarity = min_similarity as f32;
    let mut out = Vec::new();
    for ((kind, key, subject), facts) in group(ctx, selected) {
        if subject.is_none() {
            continue;
        }
        let words = |i: usize| match &ctx.facts[i].value {
            FactValue::Quote(q) => q.words.clone(),
            _ => String::new(),
        };
        for (n, &i) in facts.iter().enumerate() {
            for &j in &facts[n + 1..] {
                if ctx.facts[i].source == ctx.facts[j].source {
                    continue;
                }
                let (wa, wb) = (words(i), words(j));
                let same_words = wa
                    .split_whitespace()
                    .map(normalize)
                    .eq(wb.split_whitespace().map(normalize));
                if same_words {
                    continue;
                }
                let (na, nb): (Vec<String>, Vec<String>) = (
                    wa.split_whitespace().map(normalize).collect(),
                    wb.split_whitespace().map(normalize).collect(),
                );
                // A fragment of the fuller quote is the same quote: "never
                // been in a stronger position" inside "We have never been …".
                if contains_run(&na, &nb) || contains_run(&nb, &na) {
                    continue;
                }
                let (ratio, diff) = word_diff(&wa, &wb);
                if ratio < min_similarity {
                    continue; // a different quote, not a drifted one
                }
                // Direct speech reported: only pronouns changed.
                let lex = &ctx.set.lexicon;
                let pronoun_shift = diff.iter().filter(|c| c.op != DiffOp::Equal).all(|c| {
                    c.text.split_whitespace().all(|w| {
                        let w = normalize(w);
                        lex.speech_pronouns.is_whole(&w)
                    })
                });
                if pronoun_shift || elision(&diff) {
                    continue;
                }
                let vars = super::base_vars(ctx, &key, subject.as_deref(), &[i, j]);
                let f = finding(
                    rule,
                    ctx,
                    FindingParts {
                        verdict: Verdict::Conflict,
                        kind,
                        key: &key,
                        subject: subject.as_deref(),
                        facts: vec![i, j],
                        message: vars.fill(&rule.message),
                    },
                );
                // Stable across edits elsewhere: the sources and the words, not fact numbers.
                let digest =
                    Sha256::digest(format!("{}\u{0}{}", normalize(&wa), normalize(&wb)).as_bytes());
                let short: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
                let mut f = f.qualify_id(format!(
                    "{}+{}:{short}",
                    ctx.facts[i].source, ctx.facts[j].source
                ));
                f.diff = Some(diff);
                out.push(f);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_is_the_same_quote() {
        let words = |s: &str| s.split_whitespace().map(normalize).collect::<Vec<_>>();
        let full = words("We have never been in a stronger position,");
        assert!(contains_run(
            &full,
            &words("never been in a stronger position.")
        ));
        assert!(!contains_run(
            &full,
            &words("never been in a weaker position")
        ));
        assert!(!contains_run(&full, &full));
    }

    #[test]
    fn a_dropped_word_is_an_elision_a_changed_word_is_not() {
        let cases = [
            (
                "So that is just what we will do.",
                "So that is what we will do.",
                true,
            ),
            (
                "We end up revising our numbers.",
                "We end up revising all our numbers.",
                true,
            ),
            ("Change begins now.", "Change starts now.", false),
            (
                "We will build homes.",
                "We will build many new homes quickly.",
                false,
            ),
        ];
        for (a, b, want) in cases {
            let (_, diff) = word_diff(a, b);
            assert_eq!(elision(&diff), want, "{a} / {b}");
        }
    }

    #[test]
    fn one_changed_word_shows_in_the_diff() {
        let (ratio, diff) = word_diff(
            "The plan is bold and necessary.",
            "the plan is bold but necessary",
        );
        assert!(ratio > 0.6);
        let changed: Vec<(DiffOp, &str)> = diff
            .iter()
            .filter(|c| c.op != DiffOp::Equal)
            .map(|c| (c.op, c.text.trim()))
            .collect();
        assert_eq!(
            changed,
            vec![(DiffOp::Delete, "and"), (DiffOp::Insert, "but")]
        );
    }
}

//! Status: is a figure the current word, an earlier one the report sets
//! aside, the result of a revision, or a forecast?

use crate::extract::SentenceContext;
use crate::facts::Status;
use crate::recognize::pos;

/// Words a prior cue may stand before its figure ("rather than the 11,300").
const PRIOR_GAP_WORDS: usize = 2;

/// Words between a figure and a requirement cue ("326 seats at
/// Westminster it needs").
const REQUIRED_GAP_WORDS: usize = 3;

pub fn of_figure(
    ctx: &SentenceContext,
    start: usize,
    end: usize,
    attribution: Option<(usize, usize)>,
) -> Status {
    let frames = &ctx.rules.lexicon.frames;
    let text = ctx.text;
    // "down from 43", "rather than the 11,300": the value moved from.
    let prior = frames.prior.find_iter(&text[..start]).any(|h| {
        let gap = &text[h.end..start];
        gap.split_whitespace().count() <= PRIOR_GAP_WORDS
            && gap.chars().all(|c| c.is_alphabetic() || c.is_whitespace())
    });
    if prior {
        return Status::Superseded;
    }
    let here = ctx.clause(start);
    let cs = here.start;
    let clause = here.words(ctx);
    let attribution_words = attribution
        .map(|(s, e)| ctx.clause_words(s, e))
        .unwrap_or_default();
    // A forecast's cue stands before its figure ("could climb to 20,000")
    // or in the clause that attributes it ("…, the exit polls show").
    let before_figure = &clause[..(start - cs).min(clause.len())];
    if frames.projected.contains_in(before_figure)
        || frames.projected.contains_in(&attribution_words)
    {
        return Status::Projected;
    }
    // "the 326 seats needed for a majority", "a majority requires only 326
    // seats": a requirement within a few words of the figure.
    let required = here
        .cues
        .required
        .get_or_init(|| {
            frames
                .required
                .find_iter(clause)
                .map(|h| (h.start, h.end))
                .collect()
        })
        .iter()
        .any(|&(hs, he)| {
            let (a, b) = (cs + hs, cs + he);
            let gap = if a >= end {
                &text[end..a]
            } else if b <= start {
                &text[b..start]
            } else {
                return false;
            };
            gap.split_whitespace().count() <= REQUIRED_GAP_WORDS
        });
    if required {
        return Status::Projected;
    }
    let superseded = |c: &crate::extract::Clause| {
        *c.cues
            .superseded
            .get_or_init(|| frames.superseded.contains_in(c.words(ctx)))
    };
    // "3,958 people have died rather than the 11,300 previously reported":
    // past a prior cue after the figure, the words are the other figure's.
    let prior_after = here
        .cues
        .prior
        .get_or_init(|| frames.prior.find_iter(clause).map(|h| h.start).collect())
        .iter()
        .find(|&&h| cs + h >= end);
    let own_superseded = match prior_after {
        Some(&h) => frames.superseded.contains_in(&clause[..h]),
        None => superseded(&here),
    };
    // "Earlier, officials had reported nine deaths": the cue may open the
    // clause before.
    if own_superseded || (cs > 0 && superseded(&ctx.clause(cs - 1))) {
        return Status::Superseded;
    }
    let revised = *here
        .cues
        .revised
        .get_or_init(|| frames.revised.contains_in(clause));
    if revised {
        return Status::Revised;
    }
    let provisional = *ctx
        .cues
        .provisional
        .get_or_init(|| frames.provisional.find_in(&ctx.words).next().is_some());
    if provisional || ctx.tally {
        return Status::Provisional;
    }
    Status::Current
}

/// An absolute phrase that states how far a count had got: "With 545 of
/// the 650 results declared, …", "…, with two seats left". It opens with
/// "with", holds a figure and ends on a participle, in a clause of its own.
pub(crate) fn progress_point(ctx: &SentenceContext) -> bool {
    // The phrase holds a figure: a sentence without mentions (most prose)
    // has none, and need not be cut into clauses for it.
    !ctx.mentions.is_empty() && progress_point_in_clauses(ctx)
}

/// [`progress_point`] without the gate: every clause is read.
fn progress_point_in_clauses(ctx: &SentenceContext) -> bool {
    let text = ctx.text;
    let mut at = 0;
    while at < text.len() {
        let (cs, ce) = ctx.clause_at(at);
        let clause = text[cs..ce].trim();
        let opens = clause
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("with"));
        let figure = || ctx.mentions.iter().any(|m| m.start >= cs && m.end <= ce);
        // Asked last: the lexicon lookup costs most, and few clauses open
        // with "with".
        let participle = || {
            let last = clause
                .rsplit(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or_default();
            last == "in" || (pos::is_verb(last) && (last.ends_with("ed") || last == "left"))
        };
        if opens && figure() && participle() && clause.split_whitespace().count() > 2 {
            return true;
        }
        // Past the break that ends the clause, whatever its width.
        at = ce + text[ce..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::extract::run_frames;
    use crate::facts::Status;

    /// Skipping sentences without mentions loses no progress point: over
    /// every real line, the gated answer is the clause-by-clause one.
    #[test]
    fn progress_point_gate_loses_nothing() {
        let (mut lines, mut found) = (0, 0);
        let mut all = vec![
            "With two seats left, the party led.".to_string(),
            "With 545 of the 650 results declared, Labour led.".to_string(),
            "With nothing left, they went home.".to_string(),
        ];
        all.extend(crate::recognize::tests::corpus_lines());
        for line in all {
            crate::extract::with_context(
                &line,
                chrono::NaiveDate::from_ymd_opt(2025, 9, 14),
                |ctx| {
                    let full = super::progress_point_in_clauses(ctx);
                    assert_eq!(super::progress_point(ctx), full, "{line:?}");
                    lines += 1;
                    found += usize::from(full);
                },
            );
        }
        assert!(lines > 1000 && found > 0, "{lines} {found}");
    }

    #[test]
    fn status_table() {
        let cases = [
            ("Officials said 120 homes burned.", Status::Current),
            (
                "With 412 of 500 wards declared, the Greens had 61 seats.",
                Status::Provisional,
            ),
            (
                "The Greens held 61 seats, with three wards left.",
                Status::Provisional,
            ),
            (
                "The Greens had 61 seats as things stand.",
                Status::Provisional,
            ),
            // A running tally: "so far", "already".
            ("The Greens have 61 seats so far.", Status::Provisional),
            (
                "By 9am some 40,000 fans had already arrived.",
                Status::Provisional,
            ),
            (
                "Once all 500 wards had declared, the Greens held 64 seats.",
                Status::Current,
            ),
            ("The Greens finished with 64 seats.", Status::Current),
            (
                "With 64 seats, the Greens lead the council.",
                Status::Current,
            ),
            (
                "The Greens passed the 51 seats needed for control.",
                Status::Projected,
            ),
            ("A majority requires only 51 seats.", Status::Projected),
            (
                "The Greens won 64 seats, though they needed a partner.",
                Status::Current,
            ),
            (
                "The Greens — with 64 seats — lead the council.",
                Status::Current,
            ),
            (
                "The 1999 earthquake left more than 17,000 dead.",
                Status::Historical,
            ),
            ("In 2019, 50,000 spectators came.", Status::Historical),
            (
                "The last fire to threaten the town, in 2008, destroyed 47 homes.",
                Status::Historical,
            ),
            (
                "It was their first show since 2011, when they played to 13,000 fans.",
                Status::Historical,
            ),
            (
                "Turnout was 60%, against 72% in its 1992 peak.",
                Status::Current,
            ),
            (
                "Health officials had previously given the toll as 5,500.",
                Status::Superseded,
            ),
            (
                "Earlier, the council had reported nine deaths.",
                Status::Superseded,
            ),
            (
                "The party is forecast to fall from 43 seats to just six.",
                Status::Superseded,
            ),
            (
                "The mayor warned the toll could climb to 2,000.",
                Status::Projected,
            ),
            (
                "The Greens are expected to win 12 seats.",
                Status::Projected,
            ),
            (
                "The Greens won 12 seats, the exit poll suggests.",
                Status::Projected,
            ),
            (
                "The agency revised the toll down to 3,900.",
                Status::Revised,
            ),
        ];
        for (sentence, want) in cases {
            let frames = run_frames(sentence);
            assert_eq!(frames.first().map(|f| f.status), Some(want), "{sentence}");
        }
    }
}

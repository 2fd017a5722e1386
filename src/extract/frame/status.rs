//! Status: is a figure the current word, an earlier one the report sets
//! aside, the result of a revision, or a forecast?

use crate::extract::SentenceContext;
use crate::facts::Status;

/// Words a prior cue may stand before its figure ("rather than the 11,300").
const PRIOR_GAP_WORDS: usize = 2;

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
    let (cs, ce) = ctx.clause_at(start);
    let clause = ctx.clause_words(cs, ce);
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
    // "Earlier, officials had reported nine deaths": the cue may open the
    // clause before.
    let lead = if cs > 0 {
        let (ps, pe) = ctx.clause_at(cs - 1);
        ctx.clause_words(ps, pe)
    } else {
        String::new()
    };
    // "3,958 people have died rather than the 11,300 previously reported":
    // past a prior cue after the figure, the words are the other figure's.
    let own = frames
        .prior
        .find_iter(&clause)
        .find(|h| cs + h.start >= end)
        .map_or(clause.as_str(), |h| &clause[..h.start]);
    if frames.superseded.contains_in(own) || frames.superseded.contains_in(&lead) {
        return Status::Superseded;
    }
    if frames.revised.contains_in(&clause) {
        return Status::Revised;
    }
    Status::Current
}

#[cfg(test)]
mod tests {
    use crate::extract::run_frames;
    use crate::facts::Status;

    #[test]
    fn status_table() {
        let cases = [
            ("Officials said 120 homes burned.", Status::Current),
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

//! As-of: the time a figure held. "By Thursday morning, more than 3,000
//! bodies had been buried", "As of Saturday there were about 4,000".

use crate::extract::SentenceContext;
use crate::facts::AsOf;
use crate::recognize::Granularity;

/// The as-of time of the figure at `offset`: a date after an as-of cue in
/// the figure's clause, or in a clause that opens the sentence.
pub fn find(ctx: &SentenceContext, offset: usize) -> Option<AsOf> {
    let cues = &ctx.rules.lexicon.frames.as_of;
    let (cs, ce) = ctx.clause_at(offset);
    let text = ctx.text;
    ctx.dates()
        .filter(|(m, d)| {
            !d.since && ((m.start >= cs && m.end <= ce) || m.start < cs && leads(ctx, m.start))
        })
        .find_map(|(m, d)| {
            let before = text[..m.start].trim_end();
            let cue = cues.suffix(before)?;
            let day = d
                .period
                .filter(|p| p.granularity == Granularity::Day)
                .map(|p| p.start);
            Some(AsOf {
                text: text[cue.start..m.end].to_string(),
                date: day,
            })
        })
}

/// The date opens the sentence ("By Thursday, …"): it dates every clause.
fn leads(ctx: &SentenceContext, at: usize) -> bool {
    let (s, _) = ctx.clause_at(at);
    s == 0 && ctx.text[..at].split_whitespace().count() <= 2
}

#[cfg(test)]
mod tests {
    use crate::extract::run_frames;

    #[test]
    fn as_of_table() {
        let cases: [(&str, Option<&str>); 4] = [
            (
                "By Thursday morning more than 300 bodies had been recovered.",
                Some("By Thursday"),
            ),
            (
                "As of Saturday, 4,000 deaths were confirmed.",
                Some("As of Saturday"),
            ),
            // Must yield nothing: a date without a cue, a "since" date.
            ("Some 40 boats sank in the storm.", None),
            ("Since 2019, 40 boats have sunk.", None),
        ];
        for (sentence, want) in cases {
            let frames = run_frames(sentence);
            let got = frames
                .first()
                .and_then(|f| f.as_of.as_ref())
                .map(|a| a.text.clone());
            assert!(
                got.as_deref()
                    .zip(want)
                    .is_some_and(|(g, w)| g.starts_with(w))
                    || (got.is_none() && want.is_none()),
                "{sentence}: {got:?}"
            );
        }
    }
}

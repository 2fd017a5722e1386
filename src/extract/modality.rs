//! Modality of a claim from the words of its clause: denied, hedged,
//! expected (future) or asserted. Negation wins over hedging, hedging over
//! the future: "is not expected to attend" is a denial, "is expected to
//! attend" a hedge, "will attend" an expectation.

use crate::facts::Modality;
use crate::vocabulary::Lexicon;

pub fn of_clause(clause: &str, lex: &Lexicon) -> Modality {
    if lex.negation.contains_in(clause) || clause.contains("n't") || clause.contains("n’t") {
        Modality::Negated
    } else if lex.hedge.contains_in(clause) {
        Modality::Hedged
    } else if lex.future.contains_in(clause) {
        Modality::Expected
    } else {
        Modality::Asserted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{LoadOptions, load};

    #[test]
    fn modality_table() {
        let set = load(&LoadOptions::default()).unwrap();
        let cases = [
            (
                "Leaders from major nations will not attend",
                Modality::Negated,
            ),
            ("She won't attend", Modality::Negated),
            ("He is expected to attend", Modality::Hedged),
            ("He reportedly attended", Modality::Hedged),
            (
                "A total of 26 foreign leaders will attend",
                Modality::Expected,
            ),
            ("Kim and Putin to Join Xi", Modality::Expected),
            ("Kim attended the parade", Modality::Asserted),
            ("Nothing here", Modality::Asserted),
        ];
        for (clause, want) in cases {
            assert_eq!(of_clause(clause, &set.lexicon), want, "{clause}");
        }
    }
}

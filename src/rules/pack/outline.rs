//! Where the rules of a pack file are written.
//!
//! serde keeps no position for a value it accepts, so the text is read a
//! second time by an event parser that keeps spans (saphyr-parser) to find
//! where each item of `rules:` starts and where its `id:` is. This reading
//! never decides what a file means, yaml_serde does; it only says where, so
//! a check made after parsing can point at the rule, and a parser error can
//! be given the rule it is in.

use saphyr_parser::{Event, Parser, Span, StrInput};

/// A line and a column, both 1-based, the column in characters (as the YAML
/// parsers count it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct At {
    pub line: usize,
    pub column: usize,
}

impl At {
    /// Where an error with no position of its own is put.
    pub const START: At = At { line: 1, column: 1 };

    fn of(span: &Span) -> At {
        At {
            line: span.start.line(),
            column: span.start.col() + 1,
        }
    }
}

/// One item of the `rules:` sequence.
#[derive(Debug)]
pub(super) struct RuleMark {
    /// Where the item begins: an error from here to the next item is its.
    start: At,
    /// Where its `id:` key is written (the item's start when it has none).
    pub at: At,
    pub id: Option<String>,
}

/// The items of `rules:` read before the end of the file or the first
/// syntax error.
#[derive(Debug, Default)]
pub(super) struct Outline {
    pub rules: Vec<RuleMark>,
    /// Where `rules:` ends, when the file reads that far.
    end: Option<At>,
}

impl Outline {
    pub fn of(text: &str) -> Outline {
        let mut outline = Outline::default();
        let mut walk = Walk(Parser::new_from_str(text));
        // A walk stops at a syntax error; the rules read before it are what
        // an error there can belong to.
        let _ = walk.file(&mut outline);
        outline
    }

    /// The index and marks of the rule an error at `at` is in.
    pub fn rule_at(&self, at: At) -> Option<(usize, &RuleMark)> {
        if self.end.is_some_and(|end| at >= end) {
            return None;
        }
        self.rules
            .iter()
            .enumerate()
            .rev()
            .find(|(_, r)| r.start <= at)
    }
}

struct Walk<'a>(Parser<'a, StrInput<'a>>);

impl<'a> Walk<'a> {
    /// The next event; `None` at the end or at a syntax error.
    fn next(&mut self) -> Option<(Event<'a>, Span)> {
        self.0.next()?.ok()
    }

    fn file(&mut self, out: &mut Outline) -> Option<()> {
        loop {
            match self.next()?.0 {
                Event::StreamStart | Event::DocumentStart(_) => {}
                Event::MappingStart(..) => break,
                _ => return None,
            }
        }
        loop {
            let Event::Scalar(key, ..) = self.next()?.0 else {
                return Some(());
            };
            let (value, _) = self.next()?;
            if key == "rules" && matches!(value, Event::SequenceStart(..)) {
                self.rules(out)?;
            } else {
                self.skip(&value)?;
            }
        }
    }

    fn rules(&mut self, out: &mut Outline) -> Option<()> {
        loop {
            let (item, span) = self.next()?;
            let start = At::of(&span);
            if matches!(item, Event::SequenceEnd) {
                out.end = Some(start);
                return Some(());
            }
            out.rules.push(RuleMark {
                start,
                at: start,
                id: None,
            });
            if matches!(item, Event::MappingStart(..)) {
                let rule = out.rules.last_mut()?;
                self.rule(rule)?;
            } else {
                self.skip(&item)?;
            }
        }
    }

    fn rule(&mut self, rule: &mut RuleMark) -> Option<()> {
        loop {
            let (key, span) = self.next()?;
            match key {
                Event::MappingEnd => return Some(()),
                Event::Scalar(k, ..) if k == "id" => {
                    rule.at = At::of(&span);
                    match self.next()?.0 {
                        Event::Scalar(id, ..) => rule.id = Some(id.into_owned()),
                        other => self.skip(&other)?,
                    }
                }
                other => {
                    self.skip(&other)?;
                    let (value, _) = self.next()?;
                    self.skip(&value)?;
                }
            }
        }
    }

    /// Reads past the node `first` opens.
    fn skip(&mut self, first: &Event) -> Option<()> {
        let opens = |e: &Event| matches!(e, Event::SequenceStart(..) | Event::MappingStart(..));
        let mut depth = usize::from(opens(first));
        while depth > 0 {
            match self.next()?.0 {
                e if opens(&e) => depth += 1,
                Event::SequenceEnd | Event::MappingEnd => depth -= 1,
                _ => {}
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_in_block_and_flow_style() {
        let text = "# comment id: no\nrules:\n  - id: a\n    rationale: >\n      id: not a key\n  - {description: 'x, id: no', id: \"b\"}\n  -\n    id: c\nlexicon:\n  firsts:\n    - id: no\n";
        let outline = Outline::of(text);
        let got: Vec<_> = outline
            .rules
            .iter()
            .map(|r| (r.id.as_deref(), r.at.line, r.at.column))
            .collect();
        assert_eq!(
            got,
            vec![(Some("a"), 3, 5), (Some("b"), 6, 32), (Some("c"), 8, 5)]
        );
        let one_line = Outline::of("rules: [{id: a}, {id: a}]\n");
        assert_eq!(
            one_line.rules[1].at,
            At {
                line: 1,
                column: 19
            }
        );
    }

    #[test]
    fn an_error_belongs_to_the_rule_it_follows_inside_rules() {
        let text = "rules:\n  - id: a\n  - id: b\n    check: x\nlexicon: {}\n";
        let outline = Outline::of(text);
        let id = |line, column| {
            outline
                .rule_at(At { line, column })
                .and_then(|(_, r)| r.id.as_deref())
        };
        assert_eq!(id(1, 1), None);
        assert_eq!(id(2, 9), Some("a"));
        assert_eq!(id(4, 12), Some("b"));
        assert_eq!(id(5, 1), None);
        // A syntax error ends the walk; the rules above it remain.
        let broken = Outline::of("rules:\n  - id: x\n    description: \"open\n  - id: y\n");
        assert_eq!(broken.rules.len(), 1);
        assert!(broken.rule_at(At { line: 5, column: 1 }).is_some());
    }
}

//! Vocabulary: the words and world knowledge the recognizers and extractors
//! look for, compiled from the rule packs' YAML (`lexicon`, `reference`,
//! `units`). It owns the data types only; `rules/` loads packs into them,
//! `recognize/` and `extract/` read them, and nothing here reads back.

pub mod lexicon;
pub mod reference;
pub mod units;

pub use lexicon::Lexicon;
pub use reference::Reference;
pub use units::Units;

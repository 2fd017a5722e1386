//! The rule engine: rule packs (YAML), the lexicon and reference data they
//! carry, and the built-in checks rules are made of.

mod finding;

pub use finding::{DiffChunk, DiffOp, Finding, Severity, Verdict};

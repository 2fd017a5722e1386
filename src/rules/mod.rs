//! The rule engine: rule packs (YAML), which also carry the vocabulary
//! (`crate::vocabulary`), and the built-in checks rules are made of.
//!
//! Checks group facts by key and subject with hash maps; nothing compares
//! all pairs across a corpus.

mod checks;
mod context;
mod engine;
pub mod explain;
mod finding;
mod pack;
pub mod schema;

pub use context::CheckContext;
pub use engine::evaluate;
pub use finding::{DiffChunk, DiffOp, Finding, Severity, Verdict};
pub use pack::{
    DEFAULT_FIXTURES, DEFAULT_PACK, LoadOptions, Rule, RuleOrigin, RuleSet, load, pack_files,
    pack_name,
};
pub use schema::{Check, CheckKind};

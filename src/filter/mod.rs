//! Filters over a run's findings, applied after the rules and before the
//! report: what an article's own comments silence (`suppress`) and what a
//! baseline file has accepted (`baseline`). Both hide, neither deletes: the
//! report counts what each one took out.

pub mod baseline;
pub mod suppress;

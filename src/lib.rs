//! factlint: cross-source fact consistency checking for bundles of news
//! articles. See DESIGN.md for the data flow:
//! corpus → recognize → extract → facts → rules → report.

// Table-driven tests spell out tuples of expected values; that is their point.
#![cfg_attr(test, allow(clippy::type_complexity))]

pub mod cli;
pub mod config;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod facts;
pub mod facts_file;
pub mod filter;
pub mod output;
pub mod pipeline;
pub mod recognize;
pub mod report;
pub mod rule_fixtures;
pub mod rules;
pub mod text;
pub mod vocabulary;

//! The pipeline: paths → bundles → facts → findings → report. The CLI, the
//! tests and the benchmarks all go through here.

use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::corpus::{self, Bundle, DiscoverOptions, SourceSummary};
use crate::error::Result;
use crate::extract::extract_source;
use crate::facts::Fact;
use crate::recognize::Recognizer;
use crate::report::{BundleReport, Report};
use crate::rules::{RuleSet, evaluate};

#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    /// Overrides every source's reference date.
    pub reference_date: Option<NaiveDate>,
    pub discover: DiscoverOptions,
}

/// Loads every bundle under the given paths.
pub fn load_bundles(opts: &CheckOptions) -> Result<Vec<Bundle>> {
    corpus::discover(&opts.paths, &opts.discover)?
        .into_iter()
        .map(|(dir, files)| corpus::load_bundle(&dir, &files))
        .collect()
}

/// Extracts facts and runs the rules on one bundle.
pub fn check_bundle(
    mut bundle: Bundle,
    rec: &Recognizer,
    set: &RuleSet,
    reference_date: Option<NaiveDate>,
) -> BundleReport {
    corpus::settle_reference_dates(&mut bundle, rec, reference_date);
    let facts: Vec<Fact> = bundle
        .sources
        .par_iter()
        .flat_map_iter(|s| extract_source(s, rec, set))
        .collect();
    let findings = evaluate(set, &facts, &bundle.sources);
    BundleReport {
        name: bundle.name.clone(),
        path: bundle.path.display().to_string(),
        sources: bundle.sources.iter().map(SourceSummary::from).collect(),
        facts,
        findings,
    }
}

/// Checks every bundle under the given paths, bundles in parallel.
pub fn check(opts: &CheckOptions, set: &RuleSet) -> Result<Report> {
    let bundles = load_bundles(opts)?;
    let rec = Recognizer::new();
    let reports: Vec<BundleReport> = bundles
        .into_par_iter()
        .map(|b| check_bundle(b, &rec, set, opts.reference_date))
        .collect();
    Ok(Report::new(reports))
}

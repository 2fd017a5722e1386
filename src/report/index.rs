//! One bundle's look-ups, shared by the report formats: every format that
//! places a finding needs its facts by id and each source's path (or
//! title), and built them with its own maps.

use std::collections::HashMap;

use super::BundleReport;
use crate::corpus::SourceSummary;
use crate::facts::Fact;
use crate::rules::Finding;

pub struct BundleIndex<'a> {
    /// Facts by id; public because baseline fingerprints take the map.
    pub facts: HashMap<&'a str, &'a Fact>,
    sources: HashMap<&'a str, &'a SourceSummary>,
}

impl<'a> BundleIndex<'a> {
    pub fn new(b: &'a BundleReport) -> Self {
        BundleIndex {
            facts: b.facts.iter().map(|f| (f.id.as_str(), f)).collect(),
            sources: b.sources.iter().map(|s| (s.id.as_str(), s)).collect(),
        }
    }

    /// The facts a finding names, in its order; an id the bundle lacks is
    /// skipped rather than invented.
    pub fn facts_of<'f>(&'f self, f: &'f Finding) -> impl Iterator<Item = &'a Fact> + 'f {
        f.facts
            .iter()
            .filter_map(|id| self.facts.get(id.as_str()).copied())
    }

    /// The source's path; its id when the bundle does not list it, so a
    /// location is never left empty.
    pub fn path<'s>(&'s self, source: &'s str) -> &'s str {
        self.sources.get(source).map_or(source, |s| s.path.as_str())
    }

    pub fn title(&self, source: &str) -> Option<&'a str> {
        self.sources.get(source).and_then(|s| s.title.as_deref())
    }
}

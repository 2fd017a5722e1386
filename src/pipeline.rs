//! The pipeline: paths → bundles → facts → findings → report. The CLI, the
//! tests and the benchmarks all go through here.
//!
//! Bundles: a directory of sources is a bundle, except that sources whose
//! front matter (or `bundle.yaml`) names a `story:` form the bundle of that
//! story, wherever they sit in the corpus; `-` adds one source read from
//! standard input. Bundles are checked in parallel.
//!
//! Checking a bundle is a map and a reduce: [`extract_bundle_facts`] reads
//! the sources into facts (with the inline `factlint-disable` comments their
//! texts hold), [`check_bundle_facts`] runs the rules on those facts alone.
//! A direct check runs both in memory; `facts --format jsonl` writes the
//! map's result to a facts file and `check --facts` ([`check_facts`]) runs
//! the reduce on it, so both give the same findings.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::FileFilter;
use crate::corpus::{self, Bundle, DiscoverOptions, Source, SourceSummary};
use crate::error::{Error, Result};
use crate::extract::extract_bundle;
use crate::facts::Fact;
use crate::facts_file::{self, FactsBundle, SourceFacts};
use crate::filter::suppress::{self, Suppressions};
use crate::recognize::Recognizer;
use crate::report::{BundleReport, Report};
use crate::rules::{RuleSet, evaluate};

/// The path that stands for standard input.
pub const STDIN_PATH: &str = "-";
/// Id given to the source read from standard input.
pub const STDIN_ID: &str = "stdin";
/// Path shown for the source read from standard input (as ripgrep does).
pub const STDIN_DISPLAY: &str = "<stdin>";

/// Told how far a run has got, so a front end can show progress. The
/// library draws nothing itself: the CLI decides whether a bar is wanted.
pub trait Progress: Send + Sync + std::fmt::Debug {
    /// The run will read `sources` sources.
    fn start(&self, sources: usize);
    /// `sources` more sources have been read and checked.
    fn advance(&self, sources: usize);
    /// The run is over (the report is about to be written).
    fn finish(&self);
}

#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    /// Overrides every source's reference date.
    pub reference_date: Option<NaiveDate>,
    pub discover: DiscoverOptions,
    /// Which discovered files are read (`include`/`exclude` of
    /// `factlint.yaml`); `None` reads all.
    pub filter: Option<FileFilter>,
    /// The text read from standard input when `-` is among the paths.
    pub stdin: Option<String>,
    /// Ignore inline `factlint-disable` comments.
    pub no_suppress: bool,
    /// Where progress is reported, if anywhere.
    pub progress: Option<std::sync::Arc<dyn Progress>>,
}

/// Loads every bundle under the given paths.
pub fn load_bundles(opts: &CheckOptions) -> Result<Vec<Bundle>> {
    let paths: Vec<PathBuf> = opts
        .paths
        .iter()
        .filter(|p| p.as_os_str() != STDIN_PATH)
        .cloned()
        .collect();
    let wants_stdin = paths.len() != opts.paths.len();
    let mut found = if paths.is_empty() {
        Vec::new()
    } else {
        corpus::discover(&paths, &opts.discover)?
    };
    if let Some(filter) = &opts.filter {
        for (_, files) in &mut found {
            files.retain(|f| filter.accepts(f));
        }
        found.retain(|(_, files)| !files.is_empty());
    }
    let bundles = found
        .into_iter()
        .map(|(dir, files)| corpus::load_bundle(&dir, &files))
        .collect::<Result<Vec<Bundle>>>()?;
    let mut bundles = group_by_story(bundles);
    if wants_stdin {
        let text = opts.stdin.clone().ok_or(Error::StdinNotRead)?;
        add_stdin_source(&mut bundles, text)?;
    }
    Ok(bundles)
}

/// Moves sources that name a story into one bundle per story (named after
/// it); the rest stay in their directory's bundle. Output order is by
/// bundle name, then path (two directories may share a name), sources by
/// id, so results never depend on directory order — and `check --facts`,
/// which sees names and paths only, orders bundles the same way.
pub fn group_by_story(bundles: Vec<Bundle>) -> Vec<Bundle> {
    let mut by_name: BundleOrder = BTreeMap::new();
    let mut stories: BTreeMap<String, Vec<(Source, Option<NaiveDate>)>> = BTreeMap::new();
    for mut b in bundles {
        let (story, plain): (Vec<Source>, Vec<Source>) =
            std::mem::take(&mut b.sources).into_iter().partition(|s| {
                s.meta
                    .story
                    .as_deref()
                    .is_some_and(|st| !st.trim().is_empty())
            });
        for s in story {
            let key = s.meta.story.clone().unwrap_or_default().trim().to_string();
            stories
                .entry(key)
                .or_default()
                .push((s, b.manifest_reference_date));
        }
        if !plain.is_empty() {
            b.sources = plain;
            insert_bundle(&mut by_name, b);
        }
    }
    for (name, members) in stories {
        let manifest_reference_date = members.iter().find_map(|(_, d)| *d);
        let mut sources: Vec<Source> = members.into_iter().map(|(s, _)| s).collect();
        let path = common_dir(sources.iter().map(|s| s.path.as_path()));
        dedup_ids(&mut sources);
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        insert_bundle(
            &mut by_name,
            Bundle {
                name,
                path,
                sources,
                manifest_reference_date,
            },
        );
    }
    by_name.into_values().collect()
}

/// Bundles by name and path; the count keeps apart a story and a
/// directory of the same name and path.
type BundleOrder = BTreeMap<(String, String, usize), Bundle>;

fn insert_bundle(by_name: &mut BundleOrder, b: Bundle) {
    let key = (b.name.clone(), b.path.display().to_string(), by_name.len());
    by_name.insert(key, b);
}

/// Source ids are file stems; a story spanning directories may hold two
/// `001.md`. Colliding ids get their parent directory in front.
fn dedup_ids(sources: &mut [Source]) {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for s in sources.iter() {
        *count.entry(s.id.clone()).or_default() += 1;
    }
    for s in sources.iter_mut() {
        if count.get(&s.id).copied().unwrap_or(0) > 1 {
            let parent = s
                .path
                .parent()
                .and_then(Path::file_name)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            s.id = format!("{parent}/{}", s.id);
        }
    }
}

fn common_dir<'a>(mut paths: impl Iterator<Item = &'a Path>) -> PathBuf {
    let Some(first) = paths.next() else {
        return PathBuf::new();
    };
    let mut common = first.parent().map(Path::to_path_buf).unwrap_or_default();
    for p in paths {
        while !p.starts_with(&common) {
            if !common.pop() {
                return PathBuf::new();
            }
        }
    }
    common
}

/// The stdin source joins the bundle of its `story:`, else the only bundle
/// the other paths gave; alone, it is a bundle of its own.
fn add_stdin_source(bundles: &mut Vec<Bundle>, text: String) -> Result<()> {
    let source = Source::from_text(
        STDIN_ID.to_string(),
        PathBuf::from(STDIN_DISPLAY),
        text,
        None,
    )?;
    let story = source.meta.story.clone();
    let target = match (&story, bundles.len()) {
        (Some(st), _) if bundles.iter().any(|b| &b.name == st) => {
            bundles.iter().position(|b| &b.name == st)
        }
        (_, 0) => None,
        (_, 1) => Some(0),
        _ => {
            return Err(Error::StdinBundleUnclear);
        }
    };
    match target {
        Some(i) => {
            if bundles[i].sources.iter().any(|s| s.id == STDIN_ID) {
                return Err(Error::StdinIdTaken {
                    bundle: bundles[i].name.clone(),
                    id: STDIN_ID,
                });
            }
            bundles[i].sources.push(source);
        }
        None => bundles.push(Bundle {
            name: story.unwrap_or_else(|| STDIN_ID.to_string()),
            path: PathBuf::from(STDIN_PATH),
            sources: vec![source],
            manifest_reference_date: None,
        }),
    }
    Ok(())
}

/// Extracts facts and runs the rules on one bundle.
pub fn check_bundle(
    bundle: Bundle,
    rec: &Recognizer,
    set: &RuleSet,
    reference_date: Option<NaiveDate>,
) -> BundleReport {
    let opts = CheckOptions {
        reference_date,
        no_suppress: true,
        ..CheckOptions::default()
    };
    check_bundle_with(bundle, rec, set, &opts).0
}

/// [`check_bundle`], applying inline suppressions unless
/// `opts.no_suppress`; returns the report and how many findings were
/// suppressed.
pub fn check_bundle_with(
    bundle: Bundle,
    rec: &Recognizer,
    set: &RuleSet,
    opts: &CheckOptions,
) -> (BundleReport, usize) {
    let facts = extract_bundle_facts(bundle, rec, set, opts.reference_date);
    check_bundle_facts(facts, set, opts.no_suppress)
}

/// The map: settles a bundle's reference dates and reads its facts, source
/// by source, with each source's inline suppressions. No rule runs.
pub fn extract_bundle_facts(
    mut bundle: Bundle,
    rec: &Recognizer,
    set: &RuleSet,
    reference_date: Option<NaiveDate>,
) -> FactsBundle {
    corpus::settle_reference_dates(&mut bundle, rec, reference_date);
    let facts: Vec<Fact> = extract_bundle(&bundle.sources, rec, set);
    let at: HashMap<String, usize> = bundle
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    let mut sources: Vec<SourceFacts> = bundle
        .sources
        .iter()
        .map(|s| SourceFacts {
            summary: SourceSummary::from(s),
            story: s.meta.story.clone(),
            suppressions: Suppressions::parse(&s.text),
            facts: Vec::new(),
        })
        .collect();
    // Every fact is read from a source of the bundle; facts come source by
    // source, so each source's keep their reading order.
    for fact in facts {
        if let Some(source) = at.get(&fact.source).and_then(|&i| sources.get_mut(i)) {
            source.facts.push(fact);
        }
    }
    FactsBundle {
        name: bundle.name,
        path: bundle.path.display().to_string(),
        sources,
    }
}

/// The reduce: runs the rules on a bundle's facts and, unless
/// `no_suppress`, applies its sources' inline suppressions; returns the
/// report and how many findings were suppressed.
pub fn check_bundle_facts(
    bundle: FactsBundle,
    set: &RuleSet,
    no_suppress: bool,
) -> (BundleReport, usize) {
    // The checks see sources as a facts file describes them, in a direct
    // check too: what a check needs of a source must travel in the file.
    let described: Vec<Source> = bundle
        .sources
        .iter()
        .map(|s| Source::described(&s.summary, s.story.clone()))
        .collect();
    let mut summaries = Vec::with_capacity(bundle.sources.len());
    let mut suppressions = Vec::with_capacity(bundle.sources.len());
    let mut facts = Vec::new();
    for s in bundle.sources {
        suppressions.push((s.summary.id.clone(), s.suppressions));
        summaries.push(s.summary);
        facts.extend(s.facts);
    }
    let findings = evaluate(set, &facts, &described);
    let mut report = BundleReport {
        name: bundle.name,
        path: bundle.path,
        sources: summaries,
        facts,
        findings,
    };
    let suppressed = if no_suppress {
        0
    } else {
        suppress::apply_parsed(
            &mut report,
            suppressions.iter().map(|(id, s)| (id.as_str(), s)),
        )
        .len()
    };
    (report, suppressed)
}

/// Loads the bundles to check; none is an error.
fn load_some(opts: &CheckOptions) -> Result<Vec<Bundle>> {
    let bundles = load_bundles(opts)?;
    // A path with nothing to check is a mistake (a typo, a wrong glob), not
    // a clean result: CI must not pass because it read nothing.
    if bundles.iter().all(|b| b.sources.is_empty()) {
        return Err(Error::NoSources {
            paths: opts.paths.clone(),
        });
    }
    Ok(bundles)
}

/// Checks every bundle under the given paths, bundles in parallel.
pub fn check(opts: &CheckOptions, set: &RuleSet) -> Result<Report> {
    let bundles = load_some(opts)?;
    let rec = Recognizer::new();
    let progress = opts.progress.as_deref();
    if let Some(p) = progress {
        p.start(bundles.iter().map(|b| b.sources.len()).sum());
    }
    let results: Vec<(BundleReport, usize)> = bundles
        .into_par_iter()
        .map(|b| {
            let n = b.sources.len();
            let out = check_bundle_with(b, &rec, set, opts);
            if let Some(p) = progress {
                p.advance(n);
            }
            out
        })
        .collect();
    if let Some(p) = progress {
        p.finish();
    }
    Ok(assemble(results))
}

/// Reads the facts of every bundle under the given paths (the map), bundles
/// in parallel; no rule runs.
pub fn extract(opts: &CheckOptions, set: &RuleSet) -> Result<Vec<FactsBundle>> {
    let bundles = load_some(opts)?;
    let rec = Recognizer::new();
    Ok(bundles
        .into_par_iter()
        .map(|b| extract_bundle_facts(b, &rec, set, opts.reference_date))
        .collect())
}

/// Checks the facts in facts files (`-`: standard input), as written by
/// `factlint facts --format jsonl` (the reduce), bundles in parallel.
pub fn check_facts(files: &[PathBuf], set: &RuleSet, no_suppress: bool) -> Result<Report> {
    let mut reader = facts_file::Reader::default();
    for path in files {
        if path.as_os_str() == STDIN_PATH {
            reader.read(Path::new(STDIN_DISPLAY), std::io::stdin().lock())?;
            continue;
        }
        // A pipe is fine (`--facts <(…)`); a directory is not a facts file.
        if path.is_dir() {
            return Err(Error::NotAFile {
                path: path.clone(),
                what: "a directory".into(),
            });
        }
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        reader.read(path, std::io::BufReader::new(file))?;
    }
    let bundles = reader.finish()?;
    if bundles.is_empty() {
        return Err(Error::NoFacts {
            paths: files.to_vec(),
        });
    }
    let results: Vec<(BundleReport, usize)> = bundles
        .into_par_iter()
        .map(|b| check_bundle_facts(b, set, no_suppress))
        .collect();
    Ok(assemble(results))
}

/// The report of checked bundles, counting what was suppressed.
fn assemble(results: Vec<(BundleReport, usize)>) -> Report {
    let suppressed = results.iter().map(|(_, n)| n).sum();
    let mut report = Report::new(results.into_iter().map(|(b, _)| b).collect());
    suppress::record(&mut report, suppressed);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn names(bundles: &[Bundle]) -> Vec<(String, Vec<String>)> {
        bundles
            .iter()
            .map(|b| {
                (
                    b.name.clone(),
                    b.sources.iter().map(|s| s.id.clone()).collect(),
                )
            })
            .collect()
    }

    /// Records what a run tells its progress hook.
    #[derive(Debug, Default)]
    struct Recorder(std::sync::Mutex<Vec<String>>);

    impl Progress for Recorder {
        fn start(&self, sources: usize) {
            self.0.lock().unwrap().push(format!("start {sources}"));
        }
        fn advance(&self, sources: usize) {
            self.0.lock().unwrap().push(format!("+{sources}"));
        }
        fn finish(&self) {
            self.0.lock().unwrap().push("finish".into());
        }
    }

    #[test]
    fn progress_counts_every_source_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "one/a.md", "The fair opened on Monday.\n");
        write(d, "one/b.md", "The fair opened on Tuesday.\n");
        write(d, "two/c.md", "About 300 people came.\n");
        let recorder = std::sync::Arc::new(Recorder::default());
        let opts = CheckOptions {
            paths: vec![d.join("one"), d.join("two")],
            progress: Some(recorder.clone()),
            ..CheckOptions::default()
        };
        let set = crate::rules::load(&crate::rules::LoadOptions::default()).unwrap();
        check(&opts, &set).unwrap();
        let mut seen = recorder.0.lock().unwrap().clone();
        assert_eq!(seen.first().map(String::as_str), Some("start 3"));
        assert_eq!(seen.pop().as_deref(), Some("finish"));
        let mut steps: Vec<String> = seen[1..].to_vec();
        steps.sort();
        assert_eq!(steps, ["+1", "+2"]);
    }

    #[test]
    fn story_front_matter_groups_sources_across_directories() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "inbox/a.md", "---\nstory: alpha\n---\nA.\n");
        write(d, "inbox/b.md", "---\nstory: beta\n---\nB.\n");
        write(d, "inbox/c.md", "No story.\n");
        write(d, "desk/001.md", "---\nstory: alpha\n---\nD.\n");
        write(d, "desk2/001.md", "---\nstory: alpha\n---\nE.\n");
        let opts = CheckOptions {
            paths: vec![d.to_path_buf()],
            ..CheckOptions::default()
        };
        let bundles = load_bundles(&opts).unwrap();
        assert_eq!(
            names(&bundles),
            [
                (
                    "alpha".to_string(),
                    vec![
                        "a".to_string(),
                        "desk/001".to_string(),
                        "desk2/001".to_string()
                    ]
                ),
                ("beta".to_string(), vec!["b".to_string()]),
                ("inbox".to_string(), vec!["c".to_string()]),
            ]
        );
        assert_eq!(bundles[0].path, d.to_path_buf());
        assert_eq!(bundles[1].path, d.join("inbox"));
    }

    #[test]
    fn stdin_joins_the_only_bundle_or_stands_alone() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "s/a.md", "A.\n");
        let opts = CheckOptions {
            paths: vec![dir.path().join("s"), PathBuf::from("-")],
            stdin: Some("From stdin.\n".into()),
            ..CheckOptions::default()
        };
        let b = load_bundles(&opts).unwrap();
        assert_eq!(
            names(&b),
            [("s".to_string(), vec!["a".to_string(), "stdin".to_string()])]
        );

        let alone = CheckOptions {
            paths: vec![PathBuf::from("-")],
            stdin: Some("Text.\n".into()),
            ..CheckOptions::default()
        };
        assert_eq!(
            names(&load_bundles(&alone).unwrap()),
            [("stdin".to_string(), vec!["stdin".to_string()])]
        );

        let missing = CheckOptions {
            paths: vec![PathBuf::from("-")],
            ..CheckOptions::default()
        };
        assert!(load_bundles(&missing).is_err());
    }

    #[test]
    fn stdin_with_several_bundles_needs_a_story() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "x/a.md", "A.\n");
        write(dir.path(), "y/b.md", "B.\n");
        let mut opts = CheckOptions {
            paths: vec![dir.path().to_path_buf(), PathBuf::from("-")],
            stdin: Some("C.\n".into()),
            ..CheckOptions::default()
        };
        let err = load_bundles(&opts).unwrap_err().to_string();
        assert!(err.contains("joins one bundle"), "{err}");
        opts.stdin = Some("---\nstory: y\n---\nC.\n".into());
        let b = load_bundles(&opts).unwrap();
        assert_eq!(b[1].sources.len(), 2);
    }

    #[test]
    fn config_filter_drops_files_and_empty_bundles() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "keep/a.md", "A.\n");
        write(dir.path(), "archive/b.md", "B.\n");
        std::fs::write(dir.path().join("factlint.yaml"), "exclude: [archive/]\n").unwrap();
        let config = crate::config::Config::load(&dir.path().join("factlint.yaml")).unwrap();
        let opts = CheckOptions {
            paths: vec![dir.path().to_path_buf()],
            filter: Some(config.file_filter().unwrap()),
            ..CheckOptions::default()
        };
        assert_eq!(
            names(&load_bundles(&opts).unwrap()),
            [("keep".to_string(), vec!["a".to_string()])]
        );
    }
}

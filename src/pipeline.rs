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
use crate::corpus::{self, Bundle, BundlePlan, DiscoverOptions, Source, SourcePlan, SourceSummary};
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

/// Plans every bundle under the given paths: which sources go together,
/// read once to settle that, their texts not kept (see
/// [`corpus::BundlePlan`]).
pub fn plan_bundles(opts: &CheckOptions) -> Result<Vec<BundlePlan>> {
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
    // In parallel, but the error reported is the first in corpus order,
    // as a sequential read would give.
    let planned: Vec<Result<BundlePlan>> = found
        .par_iter()
        .map(|(dir, files)| BundlePlan::of_dir(dir, files))
        .collect();
    let plans = planned.into_iter().collect::<Result<Vec<BundlePlan>>>()?;
    let mut plans = group_by_story(plans);
    if wants_stdin {
        let text = opts.stdin.clone().ok_or(Error::StdinNotRead)?;
        add_stdin_source(&mut plans, text)?;
    }
    Ok(plans)
}

/// Moves sources that name a story into one bundle per story (named after
/// it); the rest stay in their directory's bundle. Output order is by
/// bundle name, then path (two directories may share a name), sources by
/// id, so results never depend on directory order — and `check --facts`,
/// which sees names and paths only, orders bundles the same way.
pub fn group_by_story(bundles: Vec<BundlePlan>) -> Vec<BundlePlan> {
    let mut by_name: BundleOrder = BTreeMap::new();
    let mut stories: BTreeMap<String, Vec<(SourcePlan, Option<NaiveDate>)>> = BTreeMap::new();
    for mut b in bundles {
        let (story, plain): (Vec<SourcePlan>, Vec<SourcePlan>) = std::mem::take(&mut b.sources)
            .into_iter()
            .partition(|s| s.story.as_deref().is_some_and(|st| !st.trim().is_empty()));
        for s in story {
            let key = s.story.clone().unwrap_or_default().trim().to_string();
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
        let mut sources: Vec<SourcePlan> = members.into_iter().map(|(s, _)| s).collect();
        let path = common_dir(sources.iter().map(|s| s.path.as_path()));
        dedup_ids(&mut sources);
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        insert_bundle(
            &mut by_name,
            BundlePlan {
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
type BundleOrder = BTreeMap<(String, String, usize), BundlePlan>;

fn insert_bundle(by_name: &mut BundleOrder, b: BundlePlan) {
    let key = (b.name.clone(), b.path.display().to_string(), by_name.len());
    by_name.insert(key, b);
}

/// Source ids are file stems; a story spanning directories may hold two
/// `001.md`. Colliding ids get their parent directory in front.
fn dedup_ids(sources: &mut [SourcePlan]) {
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
fn add_stdin_source(bundles: &mut Vec<BundlePlan>, text: String) -> Result<()> {
    let source = SourcePlan::from_text(STDIN_ID.to_string(), PathBuf::from(STDIN_DISPLAY), text)?;
    let story = source.story.clone();
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
        None => bundles.push(BundlePlan {
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

/// Plans the bundles to check; none is an error.
pub fn plan(opts: &CheckOptions) -> Result<Vec<BundlePlan>> {
    let plans = plan_bundles(opts)?;
    // A path with nothing to check is a mistake (a typo, a wrong glob), not
    // a clean result: CI must not pass because it read nothing.
    if plans.iter().all(|b| b.sources.is_empty()) {
        return Err(Error::NoSources {
            paths: opts.paths.clone(),
        });
    }
    Ok(plans)
}

/// Checks every bundle under the given paths, bundles in parallel.
pub fn check(opts: &CheckOptions, set: &RuleSet) -> Result<Report> {
    let plans = plan(opts)?;
    let mut results = Vec::with_capacity(plans.len());
    check_each(&plans, opts, set, |checked| {
        results.push(checked);
        Ok::<_, Error>(())
    })?;
    Ok(assemble(results))
}

/// Checks planned bundles, in parallel, and hands each one's report (with
/// how many findings its inline comments suppressed) to `each` in plan
/// order. A run holds a few batches of bundles at a time, whatever its
/// size: a report handed over can be written and dropped.
pub fn check_each<E: From<Error>>(
    plans: &[BundlePlan],
    opts: &CheckOptions,
    set: &RuleSet,
    each: impl FnMut((BundleReport, usize)) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let rec = Recognizer::new();
    let progress = opts.progress.as_deref();
    if let Some(p) = progress {
        p.start(plans.iter().map(|b| b.sources.len()).sum());
    }
    map_in_order(
        plans,
        |plan| {
            let out = check_bundle_with(plan.load()?, &rec, set, opts);
            if let Some(p) = progress {
                p.advance(plan.sources.len());
            }
            Ok(out)
        },
        each,
    )?;
    if let Some(p) = progress {
        p.finish();
    }
    Ok(())
}

/// Reads the facts of every bundle under the given paths (the map), bundles
/// in parallel; no rule runs.
pub fn extract(opts: &CheckOptions, set: &RuleSet) -> Result<Vec<FactsBundle>> {
    let plans = plan(opts)?;
    let mut bundles = Vec::with_capacity(plans.len());
    extract_each(&plans, opts, set, |b| {
        bundles.push(b);
        Ok::<_, Error>(())
    })?;
    Ok(bundles)
}

/// Reads the facts of planned bundles, in parallel, and hands each to
/// `each` in plan order (see [`check_each`]).
pub fn extract_each<E: From<Error>>(
    plans: &[BundlePlan],
    opts: &CheckOptions,
    set: &RuleSet,
    each: impl FnMut(FactsBundle) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let rec = Recognizer::new();
    map_in_order(
        plans,
        |plan| {
            Ok(extract_bundle_facts(
                plan.load()?,
                &rec,
                set,
                opts.reference_date,
            ))
        },
        each,
    )
}

/// Sources a batch holds per thread: enough to keep every thread busy to
/// the end of a batch (bundles differ in size), few enough that a batch's
/// texts and reports (some 50 KB a source) stay small.
const BATCH_SOURCES_PER_THREAD: usize = 256;

/// Maps bundles in parallel, a batch at a time, and hands the results to
/// `each` in order: while one batch is handed over on this thread, the
/// pool maps the next, so at most two batches are held at once.
fn map_in_order<T: Send, E: From<Error>>(
    plans: &[BundlePlan],
    map: impl Fn(&BundlePlan) -> Result<T> + Sync,
    each: impl FnMut(T) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let per_batch = BATCH_SOURCES_PER_THREAD * rayon::current_num_threads().max(1);
    map_in_batches(plans, per_batch, map, each)
}

fn map_in_batches<T: Send, E: From<Error>>(
    plans: &[BundlePlan],
    per_batch: usize,
    map: impl Fn(&BundlePlan) -> Result<T> + Sync,
    mut each: impl FnMut(T) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut batches = batches(plans, per_batch);
    let mut done: Vec<Result<T>> = Vec::new();
    loop {
        let next = batches.next();
        let mut mapped: Vec<Result<T>> = Vec::new();
        let mut handed = Ok(());
        rayon::in_place_scope(|scope| {
            if let Some(batch) = next {
                let (map, mapped) = (&map, &mut mapped);
                scope.spawn(move |_| *mapped = batch.par_iter().map(map).collect());
            }
            handed = done
                .drain(..)
                .try_for_each(|r| r.map_err(E::from).and_then(&mut each));
        });
        handed?;
        if next.is_none() {
            return Ok(());
        }
        done = mapped;
    }
}

/// Consecutive runs of bundles holding at least `per_batch` sources (the
/// last may hold fewer).
fn batches(plans: &[BundlePlan], per_batch: usize) -> impl Iterator<Item = &[BundlePlan]> {
    let mut rest = plans;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut sources = 0;
        let end = rest
            .iter()
            .position(|b| {
                sources += b.sources.len();
                sources >= per_batch
            })
            .map_or(rest.len(), |i| i + 1);
        let (batch, tail) = rest.split_at(end);
        rest = tail;
        Some(batch)
    })
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

/// The default rules and the facts of every example and devset bundle
/// (the devset when `../shared` is beside the repo): the real text that
/// tests of exact shortcuts compare over.
#[cfg(test)]
pub(crate) fn example_and_devset_bundles() -> (RuleSet, Vec<FactsBundle>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let opts = CheckOptions {
        paths: vec![root.join("examples"), root.join("../shared/devset")],
        ..CheckOptions::default()
    };
    let set = crate::rules::load(&crate::rules::LoadOptions::default()).expect("default rules");
    let bundles = extract(&opts, &set).expect("example and devset bundles");
    (set, bundles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn names(bundles: &[BundlePlan]) -> Vec<(String, Vec<String>)> {
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

    /// Bundles of 0 to 4 sources in a corpus of many directories.
    fn many_bundles(d: &Path, n: usize) -> Vec<BundlePlan> {
        for i in 0..n {
            for j in 0..(i % 5).max(1) {
                write(d, &format!("b{i:03}/{j}.md"), &format!("Item {i}.\n"));
            }
        }
        plan_bundles(&CheckOptions {
            paths: vec![d.to_path_buf()],
            ..CheckOptions::default()
        })
        .unwrap()
    }

    /// Results come back in plan order whatever the batch size and however
    /// the pool interleaves the work; every bundle exactly once.
    #[test]
    fn batches_hand_results_over_in_plan_order() {
        let dir = tempfile::tempdir().unwrap();
        let plans = many_bundles(dir.path(), 40);
        let names: Vec<String> = plans.iter().map(|b| b.name.clone()).collect();
        for per_batch in [1, 3, 7, 1000] {
            let mut seen = Vec::new();
            map_in_batches(
                &plans,
                per_batch,
                |b| Ok(b.name.clone()),
                |name| {
                    seen.push(name);
                    Ok::<_, Error>(())
                },
            )
            .unwrap();
            assert_eq!(seen, names, "batch of {per_batch}");
        }
        let sizes: Vec<usize> = batches(&plans, 7)
            .map(|b| b.iter().map(|p| p.sources.len()).sum())
            .collect();
        assert!(
            sizes[..sizes.len() - 1].iter().all(|&n| n >= 7),
            "{sizes:?}"
        );
        assert_eq!(
            sizes.iter().sum::<usize>(),
            plans.iter().map(|b| b.sources.len()).sum::<usize>()
        );
    }

    /// Memory stays flat: a result is handed over (and can be dropped)
    /// before the batch after next is mapped, so no more than two batches
    /// are ever held, however many bundles the run has.
    #[test]
    fn at_most_two_batches_are_held_at_once() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let plans = many_bundles(dir.path(), 60);
        let per_batch = 7;
        let largest = batches(&plans, per_batch).map(<[_]>::len).max().unwrap();
        let (live, peak) = (AtomicUsize::new(0), AtomicUsize::new(0));
        map_in_batches(
            &plans,
            per_batch,
            |_| {
                let now = live.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                Ok(())
            },
            |()| {
                live.fetch_sub(1, Ordering::SeqCst);
                Ok::<_, Error>(())
            },
        )
        .unwrap();
        let peak = peak.into_inner();
        assert!(
            peak <= 2 * largest,
            "{peak} held, batches of up to {largest}"
        );
        assert!(plans.len() > 4 * largest);
    }

    /// The first error stops the run: nothing after it is handed over.
    #[test]
    fn an_error_stops_the_run_where_it_happens() {
        let dir = tempfile::tempdir().unwrap();
        let plans = many_bundles(dir.path(), 20);
        let mut seen = Vec::new();
        let err = map_in_batches(
            &plans,
            2,
            |b| match b.name.as_str() {
                "b007" => Err(Error::StdinNotRead),
                name => Ok(name.to_string()),
            },
            |name| {
                seen.push(name);
                Ok::<_, Error>(())
            },
        );
        assert!(err.is_err());
        assert_eq!(seen.last().map(String::as_str), Some("b006"));
        assert_eq!(seen.len(), 7);
    }

    /// A file removed between planning and reading is an error naming it,
    /// not a panic or a silent gap.
    #[test]
    fn a_source_gone_since_planning_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "s/a.md", "A.\n");
        write(dir.path(), "s/gone.md", "B.\n");
        let opts = CheckOptions {
            paths: vec![dir.path().join("s")],
            ..CheckOptions::default()
        };
        let plans = plan(&opts).unwrap();
        std::fs::remove_file(dir.path().join("s/gone.md")).unwrap();
        let set = crate::rules::load(&crate::rules::LoadOptions::default()).unwrap();
        let err = check_each(&plans, &opts, &set, |_| Ok::<_, Error>(())).unwrap_err();
        assert!(err.to_string().contains("gone.md"), "{err}");
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
        let bundles = plan_bundles(&opts).unwrap();
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
        let b = plan_bundles(&opts).unwrap();
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
            names(&plan_bundles(&alone).unwrap()),
            [("stdin".to_string(), vec!["stdin".to_string()])]
        );

        let missing = CheckOptions {
            paths: vec![PathBuf::from("-")],
            ..CheckOptions::default()
        };
        assert!(plan_bundles(&missing).is_err());
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
        let err = plan_bundles(&opts).unwrap_err().to_string();
        assert!(err.contains("joins one bundle"), "{err}");
        opts.stdin = Some("---\nstory: y\n---\nC.\n".into());
        let b = plan_bundles(&opts).unwrap();
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
            names(&plan_bundles(&opts).unwrap()),
            [("keep".to_string(), vec!["a".to_string()])]
        );
    }
}

//! The fuzz targets: each takes arbitrary bytes to one of factlint's
//! parsers through the library's public API, as the CLI would, and must
//! return (an error is fine) without panicking. Shared by the harness
//! (`fuzz/src/main.rs`) and the smoke run in `tests/fuzz_smoke.rs`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use factlint::config::Config;
use factlint::corpus::{Bundle, Manifest, Source, split_front_matter, split_sentences};
use factlint::filter::suppress::Suppressions;
use factlint::pipeline::{CheckOptions, check_bundle_with};
use factlint::recognize::Recognizer;
use factlint::report::{Format, RenderContext, Report, render};
use factlint::rules::{LoadOptions, RuleSet, load};

/// One fuzz target.
pub struct Target {
    pub name: &'static str,
    /// Files (relative to the repository) whose contents seed the corpus.
    pub seed_globs: &'static [&'static str],
    pub run: fn(&[u8]),
}

pub const TARGETS: &[Target] = &[
    Target {
        name: "recognize",
        seed_globs: &[
            "examples/*/*.md",
            "examples/*/*.txt",
            "rules/core/tests/*/*/*.md",
        ],
        run: recognize,
    },
    Target {
        name: "frontmatter",
        seed_globs: &["examples/*/*.md", "rules/core/tests/*/*/*.md"],
        run: front_matter,
    },
    Target {
        name: "pack",
        seed_globs: &[
            "rules/core/*.yaml",
            "rules/lexicon/*.yaml",
            "rules/reference/*.yaml",
            "examples/custom-pack/*.yaml",
        ],
        run: pack,
    },
    Target {
        name: "config",
        seed_globs: &["@config"],
        run: config,
    },
    Target {
        name: "baseline",
        seed_globs: &["@baseline"],
        run: baseline,
    },
    Target {
        name: "suppress",
        seed_globs: &["examples/*/*.md", "@suppress"],
        run: suppress,
    },
    Target {
        name: "check",
        seed_globs: &["@bundles"],
        run: check,
    },
];

/// Separates the articles of a `check` input: one input, one bundle.
pub const ARTICLE_SEPARATOR: &str = "\n\u{1e}\n";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn recognizer() -> &'static Recognizer {
    static REC: OnceLock<Recognizer> = OnceLock::new();
    REC.get_or_init(Recognizer::new)
}

fn default_rules() -> &'static RuleSet {
    static SET: OnceLock<RuleSet> = OnceLock::new();
    SET.get_or_init(|| load(&LoadOptions::default()).unwrap_or_default())
}

fn recognize(bytes: &[u8]) {
    let text = text(bytes);
    let rec = recognizer();
    for s in split_sentences(&text, 0) {
        if let Some(sentence) = text.get(s.start..s.end) {
            rec.scan(sentence, reference_date());
        }
    }
}

fn front_matter(bytes: &[u8]) {
    let text = text(bytes);
    let _ = split_front_matter(Path::new("a.md"), &text);
    // The same bytes as a bundle manifest, which is read from its file.
    let dir = scratch_dir();
    if std::fs::write(dir.join("bundle.yaml"), bytes).is_ok() {
        let _ = Manifest::load(dir);
    }
}

/// A pack directory of this process's own, rewritten for each input.
fn pack_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| own_dir("pack"))
}

/// A bundle directory for manifests, likewise.
fn scratch_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| own_dir("bundle"))
}

fn own_dir(what: &str) -> PathBuf {
    // tmpfs where there is one: a disk-backed /tmp can cost milliseconds
    // a write, which would swamp the parse being timed.
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!("factlint-fuzz-{what}-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Removes the pack directory (at the end of a run).
pub fn clean_up() {
    let _ = std::fs::remove_dir_all(pack_dir());
    let _ = std::fs::remove_dir_all(scratch_dir());
}

fn pack(bytes: &[u8]) {
    let dir = pack_dir();
    if std::fs::write(dir.join("rules.yaml"), bytes).is_err() {
        return;
    }
    let _ = load(&LoadOptions {
        defaults: false,
        dirs: vec![dir.to_path_buf()],
        disable: Vec::new(),
    });
}

fn config(bytes: &[u8]) {
    let text = text(bytes);
    if let Ok(filter) =
        Config::parse(Path::new("/fuzz/factlint.yaml"), &text).and_then(|c| c.file_filter())
    {
        filter.accepts(Path::new("/fuzz/bundle/a.md"));
    }
}

fn baseline(bytes: &[u8]) {
    let text = text(bytes);
    let _ = factlint::filter::baseline::Baseline::parse(Path::new("b.json"), &text);
}

fn suppress(bytes: &[u8]) {
    let text = text(bytes);
    let s = Suppressions::parse(&text);
    for line in 0..8 {
        s.suppresses("count-mismatch", line);
    }
}

const FORMATS: [Format; 7] = [
    Format::Text,
    Format::Json,
    Format::Yaml,
    Format::Html,
    Format::Sarif,
    Format::Github,
    Format::Junit,
];

fn check(bytes: &[u8]) {
    let text = text(bytes);
    let sources: Vec<Source> = text
        .split(ARTICLE_SEPARATOR)
        .take(4)
        .enumerate()
        .filter_map(|(i, t)| {
            let id = format!("{i}-source");
            Source::from_text(
                id.clone(),
                PathBuf::from(format!("{id}.md")),
                t.to_string(),
                None,
            )
            .ok()
        })
        .collect();
    let bundle = Bundle {
        name: "fuzz".into(),
        path: PathBuf::from("fuzz"),
        sources,
        manifest_reference_date: None,
    };
    let opts = CheckOptions::default();
    let (bundle_report, _) = check_bundle_with(bundle, recognizer(), default_rules(), &opts);
    let report = Report::new(vec![bundle_report]);
    // One format per run, as the CLI renders; which one rotates with the
    // input, so every writer sees every kind of input.
    let format = FORMATS[bytes.len() % FORMATS.len()];
    let mut out = Vec::new();
    if std::env::var_os("FACTLINT_FUZZ_NO_RENDER").is_none() {
        let _ = render(format, &report, &RenderContext::default(), &mut out);
    }
}

/// Seed inputs for `target`, read from the repository at `repo`.
pub fn seeds(target: &Target, repo: &Path) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for pattern in target.seed_globs {
        match *pattern {
            "@config" => out.push(factlint::config::INIT_TEMPLATE.as_bytes().to_vec()),
            "@baseline" => out.extend(baselines(repo)),
            "@suppress" => out.push(
                b"Some 40 boats sailed.\n<!-- factlint-disable-next-line count-mismatch -->\nSome 50 boats sailed.\n<!-- factlint-disable date-mismatch, count-mismatch -->\n".to_vec(),
            ),
            "@bundles" => {
                for dir in ["examples/harbour-festival", "examples/kestrel-bridge", "examples/lanterns"] {
                    let texts: Vec<String> = glob(repo, &format!("{dir}/*"))
                        .into_iter()
                        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
                        .filter_map(|p| std::fs::read_to_string(p).ok())
                        .collect();
                    out.push(texts.join(ARTICLE_SEPARATOR).into_bytes());
                }
            }
            glob_pattern => {
                for p in glob(repo, glob_pattern) {
                    if let Ok(bytes) = std::fs::read(p) {
                        out.push(bytes);
                    }
                }
            }
        }
    }
    out
}

/// Baselines of the example bundles, as `--write-baseline` writes them.
fn baselines(repo: &Path) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for dir in ["examples/harbour-festival", "examples/kestrel-bridge"] {
        let opts = CheckOptions {
            paths: vec![repo.join(dir)],
            ..CheckOptions::default()
        };
        if let Ok(report) = factlint::pipeline::check(&opts, default_rules()) {
            out.push(
                factlint::filter::baseline::Baseline::from_report(&report)
                    .to_json()
                    .into_bytes(),
            );
        }
    }
    out
}

/// A minimal glob: `*` matches one path component (no `**`).
fn glob(root: &Path, pattern: &str) -> Vec<PathBuf> {
    let mut paths = vec![root.to_path_buf()];
    for part in pattern.split('/') {
        let mut next = Vec::new();
        for p in paths {
            if part.contains('*') {
                let (pre, post) = part.split_once('*').unwrap_or((part, ""));
                let Ok(entries) = std::fs::read_dir(&p) else {
                    continue;
                };
                let mut names: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|e| {
                        e.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                            n.starts_with(pre)
                                && n.ends_with(post)
                                && n.len() >= pre.len() + post.len()
                        })
                    })
                    .collect();
                names.sort();
                next.extend(names);
            } else {
                next.push(p.join(part));
            }
        }
        paths = next;
    }
    paths.into_iter().filter(|p| p.is_file()).collect()
}

/// The reference date the recognizers resolve relative dates against:
/// fixed, so runs repeat.
fn reference_date() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 5, 8)
}

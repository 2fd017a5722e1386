//! Corpus: find bundles, read sources, split sentences, settle each source's
//! reference date.
//!
//! This stage reads files and never writes them. It knows file layouts and
//! front matter, not what articles say; the only reading of content it does
//! is finding a dateline, which it delegates to the date recognizer, and
//! telling the language a source is written in, so that one factlint
//! cannot read is skipped with a note instead of mis-read.

mod discover;
mod frontmatter;
pub mod language;
mod plan;
mod refdate;
mod sentences;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use discover::{DiscoverOptions, discover};
pub use frontmatter::{FrontMatter, Manifest, split as split_front_matter};
pub use language::{SkipReason, Skipped};
pub use plan::{BundlePlan, SourcePlan};
pub use refdate::{RefDateOrigin, is_dateline_date, settle_reference_dates};
pub use sentences::{LineIndex, Sentence, split_sentences};

use crate::error::{Error, Result};

/// A directory of articles about one story.
#[derive(Debug, Clone)]
pub struct Bundle {
    pub name: String,
    pub path: PathBuf,
    pub sources: Vec<Source>,
    /// `reference_date` of `bundle.yaml`, for sources without their own.
    pub manifest_reference_date: Option<NaiveDate>,
}

/// One article.
#[derive(Debug, Clone)]
pub struct Source {
    /// File name without its extension.
    pub id: String,
    pub path: PathBuf,
    /// The whole file, front matter included, so spans are file offsets.
    pub text: String,
    /// Byte offset where the body starts (after front matter).
    pub body_start: usize,
    pub meta: FrontMatter,
    pub lines: LineIndex,
    pub sentences: Vec<Sentence>,
    pub reference_date: Option<NaiveDate>,
    pub reference_date_from: RefDateOrigin,
    /// `published` came from `bundle.yaml`, not the file itself.
    pub published_from_manifest: bool,
    /// Why no facts are read from this source (written in another
    /// language), if none are.
    pub skipped: Option<Skipped>,
}

impl Source {
    /// Builds a source from text already in memory (files, stdin, tests).
    pub fn from_text(
        id: String,
        path: PathBuf,
        text: String,
        manifest_meta: Option<&FrontMatter>,
    ) -> Result<Source> {
        let (meta, body_start) = frontmatter::split(&path, &text)?;
        let mut meta = meta.unwrap_or_default();
        let own_published = meta.published.is_some();
        if let Some(m) = manifest_meta {
            meta.fill_from(m);
        }
        let published_from_manifest = !own_published && meta.published.is_some();
        let lines = LineIndex::new(&text);
        let sentences = split_sentences(&text, body_start);
        let skipped = language::skip_reason(&text[body_start..]);
        Ok(Source {
            id,
            path,
            text,
            body_start,
            meta,
            lines,
            sentences,
            reference_date: None,
            reference_date_from: RefDateOrigin::None,
            published_from_manifest,
            skipped,
        })
    }

    /// A source that could not be read: no text, no facts, a note why.
    pub fn unreadable(id: String, path: PathBuf, what: String) -> Result<Source> {
        let mut source = Source::from_text(id, path, String::new(), None)?;
        source.skipped = Some(Skipped {
            reason: language::SkipReason::Unreadable,
            language: String::new(),
            language_name: String::new(),
            detail: Some(what),
        });
        Ok(source)
    }

    /// A source as a facts file describes it (`check --facts`): its id,
    /// path, front matter and reference date, without its text. Rule checks
    /// read no more of a source than this, and a direct check gives them
    /// the same, so checking facts read back equals checking the articles.
    pub fn described(summary: &SourceSummary, story: Option<String>) -> Source {
        Source {
            id: summary.id.clone(),
            path: PathBuf::from(&summary.path),
            text: String::new(),
            body_start: 0,
            meta: FrontMatter {
                title: summary.title.clone(),
                source: summary.outlet.clone(),
                url: summary.url.clone(),
                published: summary.published,
                story,
                ..FrontMatter::default()
            },
            lines: LineIndex::new(""),
            sentences: Vec::new(),
            reference_date: summary.reference_date,
            reference_date_from: summary.reference_date_from,
            published_from_manifest: false,
            skipped: summary.skipped.clone(),
        }
    }

    pub fn sentence_text(&self, s: &Sentence) -> &str {
        &self.text[s.start..s.end]
    }

    pub fn title(&self) -> Option<String> {
        if let Some(t) = &self.meta.title {
            return Some(t.clone());
        }
        // Plain articles open with their headline on the first line.
        self.text[self.body_start..]
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(|l| l.trim_start_matches('#').trim().to_string())
    }
}

/// Reads one file as UTF-8, naming the file and the offending byte if not.
/// The most factlint reads of a configuration-like file (configuration,
/// rule pack, lexicon, reference, baseline, bundle manifest, fixture).
pub const MAX_SETTINGS_BYTES: u64 = 16 * 1024 * 1024;

/// What a path is when it is not a regular file: "a FIFO", "a device".
pub fn not_a_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

/// Why a path cannot be read as a file: it is a FIFO, a device or a
/// socket, a dangling symbolic link or a link loop. `None` for a regular
/// file (or a link to one) and for errors of another kind.
pub fn unreadable(path: &Path) -> Option<String> {
    match std::fs::metadata(path) {
        Ok(meta) => not_a_file(&meta).map(str::to_string),
        Err(e) => {
            let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            if !link {
                return None;
            }
            // ELOOP, "too many levels of symbolic links": 40 on Linux, 62 on
            // the BSDs and macOS (std's error kind for it is unstable).
            let eloop = if cfg!(target_os = "linux") { 40 } else { 62 };
            let looped = e.raw_os_error() == Some(eloop);
            Some(if looped {
                "a symbolic link loop".to_string()
            } else {
                "a dangling symbolic link".to_string()
            })
        }
    }
}

/// Reads a configuration-like file (`what`: "a configuration file"), with
/// a size limit: a FIFO or device is refused before it is opened (opening
/// a FIFO blocks; /dev/zero never ends), and reading stops at
/// [`MAX_SETTINGS_BYTES`].
pub fn read_settings(path: &Path, what: &'static str) -> Result<String> {
    read_bounded(path, MAX_SETTINGS_BYTES, what)
}

/// The largest article factlint reads. News copy runs to tens of KB; a
/// file of megabytes is a dump, a log or a mistake, and checking takes
/// time in proportion to size (some 2–3 ms per KB), so a huge one is
/// refused by its size instead of keeping CI busy for minutes.
pub const MAX_ARTICLE_BYTES: u64 = 4 * 1024 * 1024;

fn read_bounded(path: &Path, limit: u64, what: &'static str) -> Result<String> {
    use std::io::Read;
    if let Some(what) = unreadable(path) {
        return Err(Error::NotAFile {
            path: path.to_path_buf(),
            what,
        });
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    let too_large = || Error::TooLarge {
        path: path.to_path_buf(),
        limit_mb: limit / (1024 * 1024),
        what,
    };
    if meta.len() > limit {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may grow between the size check and the read.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads an article, up to [`MAX_ARTICLE_BYTES`].
pub fn read_utf8(path: &Path) -> Result<String> {
    read_bounded(path, MAX_ARTICLE_BYTES, "articles")
}

/// The JSON view of a source (the report contract's `sources[]`); read
/// back from a facts file (`check --facts`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceSummary {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub reference_date: Option<NaiveDate>,
    pub reference_date_from: RefDateOrigin,
    /// Present only for a source whose facts were not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<Skipped>,
}

impl From<&Source> for SourceSummary {
    fn from(s: &Source) -> Self {
        SourceSummary {
            id: s.id.clone(),
            path: s.path.display().to_string(),
            title: s.title(),
            outlet: s.meta.source.clone(),
            url: s.meta.url.clone(),
            published: s.meta.published,
            reference_date: s.reference_date,
            reference_date_from: s.reference_date_from,
            skipped: s.skipped.clone(),
        }
    }
}

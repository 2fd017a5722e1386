//! Bundles before their texts are read. A run first settles which sources
//! go together (a `story:` may gather files from anywhere in the corpus),
//! then reads, checks and drops one bundle at a time, so an archive of
//! any size is held in memory a few bundles at a time.
//!
//! Planning reads every file once, whole: what would stop the run (a file
//! that is not UTF-8, too large, or with broken front matter) stops it
//! before any report is written, as when all was read up front.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use super::{Bundle, FrontMatter, Manifest, Source, frontmatter, read_utf8, unreadable};
use crate::error::Result;

/// A bundle to check: its sources' places, not their texts.
#[derive(Debug, Clone)]
pub struct BundlePlan {
    pub name: String,
    pub path: PathBuf,
    pub sources: Vec<SourcePlan>,
    /// `reference_date` of `bundle.yaml`, for sources without their own.
    pub manifest_reference_date: Option<NaiveDate>,
}

/// One source to read.
#[derive(Debug, Clone)]
pub struct SourcePlan {
    /// File name without its extension; made unique within a story.
    pub id: String,
    pub path: PathBuf,
    /// The story the source names (front matter, else `bundle.yaml`).
    pub story: Option<String>,
    read: Read,
}

#[derive(Debug, Clone)]
enum Read {
    /// A file, with the manifest of its directory.
    File(Option<Arc<Manifest>>),
    /// Not a regular file (a FIFO, a device, a broken link): never opened,
    /// listed as skipped with what it is.
    Unreadable(String),
    /// Text already in memory (standard input).
    Text(String),
}

impl SourcePlan {
    /// A source whose text is already in memory.
    pub fn from_text(id: String, path: PathBuf, text: String) -> Result<SourcePlan> {
        let (meta, _) = frontmatter::split(&path, &text)?;
        Ok(SourcePlan {
            id,
            path,
            story: meta.and_then(|m| m.story),
            read: Read::Text(text),
        })
    }

    /// Reads the source (again, for a file).
    pub fn load(&self) -> Result<Source> {
        match &self.read {
            Read::Unreadable(what) => {
                Source::unreadable(self.id.clone(), self.path.clone(), what.clone())
            }
            Read::Text(text) => {
                Source::from_text(self.id.clone(), self.path.clone(), text.clone(), None)
            }
            Read::File(manifest) => {
                let text = read_utf8(&self.path)?;
                let mut source = Source::from_text(
                    self.id.clone(),
                    self.path.clone(),
                    text,
                    manifest_meta(manifest.as_deref(), &self.path),
                )?;
                if let Some(m) = manifest {
                    source.meta.fill_bundle(m);
                }
                Ok(source)
            }
        }
    }
}

impl BundlePlan {
    /// Plans a bundle directory: its files (sorted by id) and manifest.
    pub fn of_dir(dir: &Path, files: &[PathBuf]) -> Result<BundlePlan> {
        let manifest = Manifest::load(dir)?.map(Arc::new);
        let mut sources = Vec::with_capacity(files.len());
        for path in files {
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(what) = unreadable(path) {
                sources.push(SourcePlan {
                    id,
                    path: path.clone(),
                    story: None,
                    read: Read::Unreadable(what),
                });
                continue;
            }
            let text = read_utf8(path)?;
            let (meta, _) = frontmatter::split(path, &text)?;
            let file_meta = manifest_meta(manifest.as_deref(), path);
            // As a loaded source fills its front matter: its own, then the
            // manifest's entry for the file, then the manifest's own.
            let story = meta
                .and_then(|m| m.story)
                .or_else(|| file_meta.and_then(|m| m.story.clone()))
                .or_else(|| manifest.as_ref().and_then(|m| m.story.clone()));
            sources.push(SourcePlan {
                id,
                path: path.clone(),
                story,
                read: Read::File(manifest.clone()),
            });
        }
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        let name = dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| dir.display().to_string());
        Ok(BundlePlan {
            name,
            path: dir.to_path_buf(),
            sources,
            manifest_reference_date: manifest.and_then(|m| m.reference_date),
        })
    }

    /// Reads the bundle's sources.
    pub fn load(&self) -> Result<Bundle> {
        Ok(Bundle {
            name: self.name.clone(),
            path: self.path.clone(),
            sources: self
                .sources
                .iter()
                .map(SourcePlan::load)
                .collect::<Result<_>>()?,
            manifest_reference_date: self.manifest_reference_date,
        })
    }
}

fn manifest_meta<'m>(manifest: Option<&'m Manifest>, path: &Path) -> Option<&'m FrontMatter> {
    let file_name = path.file_name()?.to_string_lossy();
    manifest?.sources.get(file_name.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Planning then loading reads what the files say: sources sorted by
    /// id, each file's front matter first, then the manifest's entry for
    /// it, then the manifest's own story and reference date.
    #[test]
    fn a_loaded_plan_fills_sources_from_their_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(
            d.join("bundle.yaml"),
            "story: harbour\nreference_date: 2025-06-01\nsources:\n  b.md:\n    published: 2025-05-30\n",
        )
        .unwrap();
        std::fs::write(d.join("b.md"), "The fair opened on Monday.\n").unwrap();
        std::fs::write(d.join("a.md"), "---\nstory: other\ntitle: T\n---\nText.\n").unwrap();
        let plan = BundlePlan::of_dir(d, &[d.join("b.md"), d.join("a.md")]).unwrap();
        let planned: Vec<_> = plan
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.story.as_deref()))
            .collect();
        assert_eq!(planned, [("a", Some("other")), ("b", Some("harbour"))]);
        let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d);
        assert_eq!(plan.manifest_reference_date, day(6, 1));
        let bundle = plan.load().unwrap();
        let (a, b) = (&bundle.sources[0], &bundle.sources[1]);
        assert_eq!(
            (a.meta.title.as_deref(), a.meta.published),
            (Some("T"), None)
        );
        assert_eq!(a.text, "---\nstory: other\ntitle: T\n---\nText.\n");
        assert_eq!(b.meta.story.as_deref(), Some("harbour"));
        assert_eq!(b.meta.published, day(5, 30));
        assert!(b.published_from_manifest && !a.published_from_manifest);
    }

    #[test]
    fn planning_stops_at_a_file_that_cannot_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.md");
        std::fs::write(&bad, b"caf\xe9\n").unwrap();
        let err = BundlePlan::of_dir(dir.path(), &[bad]).unwrap_err();
        assert!(err.to_string().contains("bad.md"), "{err}");
    }
}

//! Bundle discovery: a directory holding sources is a bundle; a directory
//! above such directories is a corpus root. `.gitignore` and hidden files
//! are respected, as ripgrep does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub struct DiscoverOptions {
    /// File extensions read as sources.
    pub extensions: Vec<String>,
    /// Respect `.gitignore`, `.ignore` and hidden-file conventions.
    pub respect_ignore: bool,
}

impl Default for DiscoverOptions {
    fn default() -> Self {
        DiscoverOptions {
            extensions: vec!["md".into(), "txt".into()],
            respect_ignore: true,
        }
    }
}

impl DiscoverOptions {
    fn is_source(&self, path: &Path) -> bool {
        let ext_ok = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)));
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        // A README explains a bundle; it is not one of its articles.
        ext_ok && !stem.eq_ignore_ascii_case("readme")
    }
}

/// Returns bundle directories with their source files, both sorted, so that
/// output never depends on directory order.
pub fn discover(paths: &[PathBuf], opts: &DiscoverOptions) -> Result<Vec<(PathBuf, Vec<PathBuf>)>> {
    let mut bundles: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
        if meta.is_file() {
            let dir = root.parent().map(Path::to_path_buf).unwrap_or_default();
            bundles.entry(dir).or_default().push(root.clone());
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .standard_filters(opts.respect_ignore)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            let entry = entry.map_err(|e| Error::walk(root, e))?;
            let path = entry.path();
            // Anything but a directory: links, FIFOs and devices named like
            // articles are loaded as skipped sources, never passed over in
            // silence (and never opened).
            if entry.file_type().is_some_and(|t| !t.is_dir()) && opts.is_source(path) {
                let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
                bundles.entry(dir).or_default().push(path.to_path_buf());
            }
        }
    }
    let mut out: Vec<(PathBuf, Vec<PathBuf>)> = bundles.into_iter().collect();
    for (_, files) in &mut out {
        files.sort();
        files.dedup();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_root_yields_one_bundle_per_directory() {
        let dir = tempfile::tempdir().unwrap();
        for (sub, file) in [
            ("a", "1.md"),
            ("a", "2.txt"),
            ("b", "x.md"),
            ("b", "README.md"),
            ("c", "notes.json"),
        ] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
            std::fs::write(dir.path().join(sub).join(file), "text").unwrap();
        }
        let found = discover(&[dir.path().to_path_buf()], &DiscoverOptions::default()).unwrap();
        let names: Vec<(String, usize)> = found
            .iter()
            .map(|(d, f)| {
                (
                    d.file_name().unwrap().to_string_lossy().into_owned(),
                    f.len(),
                )
            })
            .collect();
        assert_eq!(names, vec![("a".to_string(), 2), ("b".to_string(), 1)]);
    }

    #[test]
    fn missing_path_is_an_error_naming_it() {
        let err = discover(
            &[PathBuf::from("/no/such/dir")],
            &DiscoverOptions::default(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("/no/such/dir"));
    }
}

//! Every file factlint writes goes through here: reports (`-o`), baselines
//! (`--write-baseline`) and `init`'s configuration. Writes are atomic (the
//! old file or the whole new one, never half of either), and a [`Targets`]
//! plan refuses, before anything is written, any target the run also
//! reads, any target inside a bundle or rule pack being read, two outputs
//! onto one path, and a read-only file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// What a path is to the run, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `-o`: the report (or the facts table).
    Report,
    /// `--write-baseline`.
    BaselineOut,
    /// An article being checked.
    Source,
    /// A directory of articles being checked.
    Bundle,
    /// The configuration file in use.
    Config,
    /// `--baseline` (or the configuration's `baseline:`).
    Baseline,
    /// A `--rules` pack directory (rules, lexicon, reference files).
    RulePack,
    /// A facts file being checked (`check --facts`).
    FactsFile,
}

impl Role {
    fn noun(self) -> &'static str {
        match self {
            Role::Report => "the report",
            Role::BaselineOut => "the baseline to write",
            Role::Source => "a source being checked",
            Role::Bundle => "a bundle being checked",
            Role::Config => "the configuration in use",
            Role::Baseline => "the baseline being read",
            Role::RulePack => "a rule pack being loaded",
            Role::FactsFile => "a facts file being checked",
        }
    }
}

/// A path as the filesystem knows it: canonical, and its inode when it
/// exists (a hard link is the same file under another name).
#[derive(Debug, Clone)]
struct Identity {
    path: PathBuf,
    inode: Option<(u64, u64)>,
}

impl Identity {
    fn of(path: &Path) -> Option<Identity> {
        if let Ok(canonical) = path.canonicalize() {
            let inode = std::fs::metadata(&canonical).ok().and_then(|m| inode(&m));
            return Some(Identity {
                path: canonical,
                inode,
            });
        }
        // Not there yet: its directory's canonical path and its name.
        let name = path.file_name()?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        Some(Identity {
            path: dir.canonicalize().ok()?.join(name),
            inode: None,
        })
    }

    fn same(&self, other: &Identity) -> bool {
        self.path == other.path || (self.inode.is_some() && self.inode == other.inode)
    }
}

#[cfg(unix)]
fn inode(m: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// The files a run reads and the files it will write, checked together
/// before anything is written: factlint never writes over what it reads,
/// never into a bundle or pack it reads (the next run would read the
/// report as an article or a pack file), never two outputs onto one path,
/// and never over a read-only file (a shell's `>` would refuse too).
#[derive(Debug, Default)]
pub struct Targets {
    reads: Vec<(Role, PathBuf)>,
    /// Directories read whole, with the extensions read in them.
    trees: Vec<(Role, PathBuf, Vec<String>)>,
    writes: Vec<(Role, PathBuf)>,
}

impl Targets {
    /// A file the run reads.
    pub fn read(&mut self, role: Role, path: &Path) -> &mut Self {
        self.reads.push((role, path.to_path_buf()));
        self
    }

    /// A directory the run reads whole (a bundle, a pack): no file it
    /// would read there (one of `extensions`) may be written. A file given
    /// in its place is read as a file.
    pub fn tree(&mut self, role: Role, path: &Path, extensions: &[String]) -> &mut Self {
        if path.is_dir() {
            self.trees
                .push((role, path.to_path_buf(), extensions.to_vec()));
        } else {
            self.reads.push((role, path.to_path_buf()));
        }
        self
    }

    /// A file the run will write.
    pub fn write(&mut self, role: Role, path: &Path) -> &mut Self {
        self.writes.push((role, path.to_path_buf()));
        self
    }

    /// The first reason not to write, as one line naming both roles.
    pub fn check(&self) -> Result<()> {
        let refuse = |path: &Path, reason: String| Error::Output {
            path: path.to_path_buf(),
            reason,
        };
        let reads: Vec<(Role, Identity)> = self
            .reads
            .iter()
            .filter_map(|(r, p)| Some((*r, Identity::of(p)?)))
            .collect();
        let trees: Vec<(Role, &Path, PathBuf, &[String])> = self
            .trees
            .iter()
            .filter_map(|(r, p, e)| Some((*r, p.as_path(), p.canonicalize().ok()?, e.as_slice())))
            .collect();
        let mut written: Vec<(Role, Identity)> = Vec::new();
        for (role, path) in &self.writes {
            let Some(id) = Identity::of(path) else {
                continue;
            };
            if let Some((other, _)) = written.iter().find(|(_, w)| w.same(&id)) {
                return Err(refuse(
                    path,
                    format!(
                        "is both {} and {}; nothing written",
                        other.noun(),
                        role.noun()
                    ),
                ));
            }
            if let Some((other, _)) = reads.iter().find(|(_, r)| r.same(&id)) {
                return Err(refuse(
                    path,
                    format!(
                        "is both {} and {}; nothing written",
                        role.noun(),
                        other.noun()
                    ),
                ));
            }
            let read_there = |extensions: &[String]| {
                id.path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
            };
            if let Some((other, shown, _, _)) = trees
                .iter()
                .find(|(_, _, t, ext)| id.path.starts_with(t) && read_there(ext))
            {
                return Err(refuse(
                    path,
                    format!(
                        "{} would lie inside {} ({}), and the next run would read it; nothing written",
                        role.noun(),
                        shown.display(),
                        other.noun()
                    ),
                ));
            }
            if let Ok(meta) = std::fs::metadata(path) {
                if meta.is_dir() {
                    return Err(refuse(path, "is a directory; nothing written".into()));
                }
                if meta.is_file() && meta.permissions().readonly() {
                    return Err(refuse(
                        path,
                        format!("is read-only; not replacing it with {}", role.noun()),
                    ));
                }
            }
            written.push((*role, id));
        }
        Ok(())
    }
}

/// Writes `bytes` to `path` so that readers see the old file or the new
/// one, never a half-written one: a temporary file in the same directory
/// (same filesystem, so the rename is atomic), synced, then renamed over
/// the target. Used for `--output` and baselines.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically_with(path, |w| w.write_all(bytes))
}

/// [`write_atomically`], the content written by `fill` as it is made: a
/// report of a whole archive is never held in memory to be written.
pub fn write_atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match std::fs::metadata(path) {
        // A terminal, a pipe or a device (`-o /dev/stdout`): write in place;
        // renaming over it would replace it with a file.
        Ok(m) if !m.is_file() && !m.is_dir() => {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| Error::io(path, e))?;
            let mut w = std::io::BufWriter::new(f);
            return fill(&mut w)
                .and_then(|()| w.flush())
                .map_err(|e| Error::io(path, e));
        }
        Ok(m) if m.is_dir() => {
            return Err(Error::IsADirectory {
                path: path.to_path_buf(),
            });
        }
        _ => {}
    }
    // A symlink keeps pointing where it did: replace its target.
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = if is_link {
        path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
    } else {
        path.to_path_buf()
    };
    let permissions = std::fs::metadata(&target).ok().map(|m| m.permissions());
    let tmp = temp_path_beside(&target)?;
    let result = write_and_sync(&tmp, fill, path).and_then(|()| {
        if let Some(p) = permissions {
            let _ = std::fs::set_permissions(&tmp, p);
        }
        std::fs::rename(&tmp, &target).map_err(|e| Error::io(path, e))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Like [`write_atomically`], but refuses to replace an existing file, even
/// one created by someone else between our check and our write: the final
/// step is a hard link, which fails if the name exists.
pub fn write_new_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.exists() {
        return Err(Error::Exists {
            path: path.to_path_buf(),
        });
    }
    let tmp = temp_path_beside(path)?;
    let result =
        write_and_sync(&tmp, |w| w.write_all(bytes), path).and_then(|()| match std::fs::hard_link(
            &tmp, path,
        ) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::Exists {
                path: path.to_path_buf(),
            }),
            // Filesystems without hard links: fall back to a rename, having
            // checked for the file above.
            Err(_) => std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e)),
        });
    let _ = std::fs::remove_file(&tmp);
    result
}

fn temp_path_beside(path: &Path) -> Result<std::path::PathBuf> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let name = path.file_name().ok_or_else(|| Error::NotAFileName {
        path: path.to_path_buf(),
    })?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    Ok(dir.join(format!(
        ".{}.{}.{n}.tmp",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// Errors name `shown`, the file the user asked for, not the temporary one.
fn write_and_sync(
    tmp: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    shown: &Path,
) -> Result<()> {
    let f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)
        .map_err(|e| Error::io(shown, e))?;
    let mut w = std::io::BufWriter::new(f);
    fill(&mut w)
        .and_then(|()| w.flush())
        .map_err(|e| Error::io(shown, e))?;
    let f = w
        .into_inner()
        .map_err(|e| Error::io(shown, e.into_error()))?;
    f.sync_all().map_err(|e| Error::io(shown, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_atomically_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "temp file left behind: {names:?}");
    }

    #[test]
    fn write_atomically_names_a_missing_directory() {
        let err = write_atomically(Path::new("/no/such/dir/out.json"), b"x").unwrap_err();
        assert!(err.to_string().contains("/no/such/dir"), "{err}");
    }

    #[test]
    fn write_new_atomically_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("factlint.yaml");
        write_new_atomically(&path, b"first").unwrap();
        let err = write_new_atomically(&path, b"second").unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

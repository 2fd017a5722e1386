//! YAML front matter of a source and the per-bundle `bundle.yaml` manifest.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{Error, Result};

/// Article metadata. Unknown keys are allowed here (articles come from CMSs
/// that add their own); the manifest, which users write for factlint, is
/// strict.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    /// The outlet.
    #[serde(alias = "outlet")]
    pub source: Option<String>,
    pub url: Option<String>,
    #[serde(default, deserialize_with = "de_date")]
    pub published: Option<NaiveDate>,
    pub story: Option<String>,
    /// `date:`, the publication date of static-site generators (Hugo,
    /// Jekyll) and many CMS exports: read as `published` when that is
    /// absent. Lenient: a value that is not a `YYYY-MM-DD…` date is left
    /// alone rather than refused, since other tools put other things there.
    #[serde(default, deserialize_with = "de_date_lenient")]
    pub date: Option<NaiveDate>,
}

impl FrontMatter {
    /// Fills fields the file itself leaves empty: the file's own front
    /// matter wins over the manifest.
    pub fn fill_from(&mut self, other: &FrontMatter) {
        if self.title.is_none() {
            self.title.clone_from(&other.title);
        }
        if self.source.is_none() {
            self.source.clone_from(&other.source);
        }
        if self.url.is_none() {
            self.url.clone_from(&other.url);
        }
        if self.published.is_none() {
            self.published = other.published.or(other.date);
        }
        if self.story.is_none() {
            self.story.clone_from(&other.story);
        }
    }

    pub fn fill_bundle(&mut self, m: &Manifest) {
        if self.story.is_none() {
            self.story.clone_from(&m.story);
        }
    }
}

/// `bundle.yaml`: metadata for files that cannot carry front matter.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub story: Option<String>,
    /// A reference date for every source of the bundle without its own.
    #[serde(default, deserialize_with = "de_date")]
    pub reference_date: Option<NaiveDate>,
    /// Per-file metadata, keyed by file name.
    #[serde(default)]
    pub sources: BTreeMap<String, FrontMatter>,
}

impl Manifest {
    pub fn load(dir: &Path) -> Result<Option<Manifest>> {
        let path = dir.join("bundle.yaml");
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok(None);
        }
        let text = super::read_settings(&path, "bundle manifests")?;
        crate::error::yaml_nesting(&path, &text)?;
        serde_yaml::from_str(&text)
            .map(Some)
            .map_err(|e| Error::yaml(&path, &e))
    }
}

/// Accepts `2025-09-03` and full timestamps (`2025-09-03T08:00:00Z`), which
/// CMS exports use; only the date part matters for resolving "last year".
fn de_date_lenient<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    let raw: Option<serde_yaml::Value> = Option::deserialize(d)?;
    Ok(raw
        .as_ref()
        .and_then(serde_yaml::Value::as_str)
        .and_then(|s| {
            let day = s.get(..10).unwrap_or(s);
            NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
        }))
}

fn de_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    let raw: Option<String> = Option::deserialize(d)?;
    match raw {
        None => Ok(None),
        Some(s) => {
            let day = s.get(..10).unwrap_or(&s);
            NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| {
                    serde::de::Error::custom(format!("`{s}` is not a date (expected YYYY-MM-DD)"))
                })
        }
    }
}

/// Splits `---\n…\n---\n` front matter off the top of a file. Returns the
/// metadata and the byte offset where the body starts.
pub fn split(path: &Path, text: &str) -> Result<(Option<FrontMatter>, usize)> {
    // Editors on Windows may start a file with a byte-order mark.
    let head = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = match head
        .strip_prefix("---\n")
        .or_else(|| head.strip_prefix("---\r\n"))
    {
        Some(r) => r,
        None => return Ok((None, 0)),
    };
    let open = text.len() - rest.len();
    let mut offset = open;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &text[open..offset];
            let body_start = offset + line.len();
            let mut meta: FrontMatter = if yaml.trim().is_empty() {
                FrontMatter::default()
            } else {
                crate::error::yaml_nesting(path, yaml)
                    .and_then(|()| serde_yaml::from_str(yaml).map_err(|e| Error::yaml(path, &e)))
                    .map_err(|mut err| {
                        // Locations are relative to the YAML block; shift past the opening `---`.
                        if let Error::Yaml { line, .. } = &mut err {
                            *line += 1;
                        }
                        err
                    })?
            };
            meta.published = meta.published.or(meta.date);
            return Ok((Some(meta), body_start));
        }
        offset += line.len();
    }
    // An opening rule with no closing one is a horizontal rule, not front matter.
    Ok((None, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_cases() {
        let p = Path::new("a.md");
        let cases: &[(&str, Option<&str>, usize)] = &[
            ("no front matter\n", None, 0),
            (
                "---\ntitle: T\npublished: 2025-09-04\n---\nBody\n",
                Some("T"),
                39,
            ),
            ("---\nnot closed\n", None, 0),
        ];
        for (text, title, start) in cases {
            let (meta, body) = split(p, text).unwrap();
            assert_eq!(meta.and_then(|m| m.title).as_deref(), *title, "{text}");
            assert_eq!(body, *start, "{text}");
        }
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_front_matter() {
        let (meta, body) = split(Path::new("a.md"), "\u{feff}---\ntitle: T\n---\nBody").unwrap();
        assert_eq!(meta.and_then(|m| m.title).as_deref(), Some("T"));
        assert_eq!(body, 3 + 4 + 9 + 4);
    }

    #[test]
    fn date_stands_for_published_when_it_is_a_date() {
        let read = |fm: &str| {
            split(Path::new("a.md"), fm)
                .ok()
                .and_then(|(meta, _)| meta)
                .and_then(|m| m.published)
        };
        let day = NaiveDate::from_ymd_opt(2024, 6, 7);
        assert_eq!(read("---\ndate: 2024-06-07\n---\nx"), day);
        assert_eq!(read("---\ndate: 2024-06-07T09:30:00+02:00\n---\nx"), day);
        // `published` wins over `date`.
        assert_eq!(
            read("---\npublished: 2024-06-07\ndate: 2020-01-01\n---\nx"),
            day
        );
        // Not a date: left alone, never an error.
        assert_eq!(read("---\ndate: last Tuesday\n---\nx"), None);
        assert_eq!(read("---\ndate: [1, 2]\n---\nx"), None);
    }

    #[test]
    fn published_timestamp_is_read_as_a_date() {
        let (meta, _) = split(
            Path::new("a.md"),
            "---\npublished: 2025-09-04T10:00:00Z\n---\nx",
        )
        .unwrap();
        assert_eq!(meta.unwrap().published, NaiveDate::from_ymd_opt(2025, 9, 4));
    }

    #[test]
    fn bad_front_matter_names_line() {
        let err = split(Path::new("a.md"), "---\ntitle: [unclosed\n---\nx").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("a.md:"), "{msg}");
    }
}

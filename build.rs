//! Embeds the default rule packs (`rules/**/*.yaml`, fixtures excluded) so
//! that `factlint check DIR` works with no configuration, and their fixtures
//! (`rules/<pack>/tests/**`) so that `factlint rules test` checks the rules
//! the binary was built with. Adding a YAML file or a fixture under `rules/`
//! needs no Rust change.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>, fixtures: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "tests") {
                collect_all(&path, fixtures);
                continue;
            }
            collect(&path, out, fixtures);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

/// Every file under a fixture directory, hidden files aside.
fn collect_all(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect_all(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn table(code: &mut String, name: &str, doc: &str, files: &[PathBuf], root: &Path) {
    writeln!(code, "/// {doc}\npub static {name}: &[(&str, &str)] = &[").expect("write to String");
    for f in files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(root)
            .expect("under rules/")
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .expect("write to String");
    }
    code.push_str("];\n");
}

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    let mut fixtures = Vec::new();
    collect(&root, &mut files, &mut fixtures);
    let mut code = String::new();
    table(
        &mut code,
        "DEFAULT_PACK",
        "Default rule packs: (path under rules/, contents).",
        &files,
        &root,
    );
    table(
        &mut code,
        "DEFAULT_FIXTURES",
        "Fixtures of the default rules: (path under rules/, contents).",
        &fixtures,
        &root,
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("default_rules.rs");
    std::fs::write(out, code).expect("write generated file");
}

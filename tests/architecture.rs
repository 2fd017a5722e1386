//! The module graph has no import circles.
//!
//! Every `crate::…`, `super::…`, `self::…` and child-module path in
//! `src/**/*.rs` (outside comments and `#[cfg(test)]` modules) is an edge
//! from the module that writes it to the module it names. Two sibling
//! modules (stage folders under `src/`, files in one folder) that reach each
//! other, directly or round a loop of siblings, are a circle: a concept with
//! no single owner. A module and its own submodules may use each other
//! (that is how a parent re-exports and a child shares the parent's types).
//!
//! A circle that must stay for a while is listed in `ALLOWED`, with what
//! removes it (issue #15 emptied the list); any other circle, and any listed
//! edge that no longer exists, fails the test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Edges `(from, to)` between siblings that may still close a circle, with
/// what removes them. Empty: kept so that a circle allowed for a while is
/// written down here, with its way out, rather than by weakening the test.
const ALLOWED: &[(&str, &str, &str)] = &[];

type Module = Vec<String>;

/// The module each source file defines: `src/a/b.rs` and `src/a/b/mod.rs`
/// are `a::b`; `lib.rs` and `main.rs` are the crate root.
fn modules(src: &Path) -> BTreeMap<Module, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap().with_extension("");
            let mut module: Module = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                module.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                module.pop();
            }
            out.insert(module, std::fs::read_to_string(&path).unwrap());
        }
    }
    out
}

/// The code of a file without comments and without its `#[cfg(test)]`
/// modules (tests may reach anywhere to build their inputs).
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]")
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            // Skip the module: up to the brace that closes it.
            let mut depth = 0i32;
            let mut opened = false;
            for l in lines.by_ref() {
                depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
                opened |= l.contains('{');
                if opened && depth <= 0 {
                    break;
                }
            }
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let line = match line.find(" //") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Expands a use tree (`crate::{a::b, c::{d, e}}`) into its paths.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = format!("{prefix}{tree}");
        out.push(path.split(" as ").next().unwrap_or("").trim().to_string());
        return;
    };
    let head = format!("{prefix}{}", &tree[..open]);
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&head, &inner[start..i], out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if !inner[start..].trim().is_empty() {
        expand(&head, &inner[start..], out);
    }
}

/// The paths a file's code names: its `use` trees and the `crate::`,
/// `super::` paths written inline.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let use_stmt = regex::Regex::new(r"(?s)\buse\s+([^;]+);").unwrap();
    for c in use_stmt.captures_iter(code) {
        expand("", &c[1].replace(char::is_whitespace, ""), &mut out);
    }
    let rest = use_stmt.replace_all(code, "");
    let inline = regex::Regex::new(r"\b(?:crate|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*)+").unwrap();
    out.extend(inline.find_iter(&rest).map(|m| m.as_str().to_string()));
    out
}

/// The module a path names, from the module that writes it: the longest
/// known module the path starts with.
fn resolve(from: &Module, path: &str, known: &BTreeMap<Module, String>) -> Option<Module> {
    let mut parts = path.split("::").filter(|p| !p.is_empty()).peekable();
    let mut base: Module = match parts.peek().copied() {
        Some("crate") => {
            parts.next();
            Vec::new()
        }
        Some("self") => {
            parts.next();
            from.clone()
        }
        Some("super") => {
            let mut base = from.clone();
            while parts.peek() == Some(&"super") {
                parts.next();
                base.pop();
            }
            base
        }
        // `use child::…` names a submodule of the writing module; any other
        // first segment is another crate or a local item.
        Some(first) => {
            let mut child = from.clone();
            child.push(first.to_string());
            if !known.contains_key(&child) {
                return None;
            }
            from.clone()
        }
        None => return None,
    };
    let mut found = base.clone();
    for part in parts {
        base.push(part.to_string());
        if known.contains_key(&base) {
            found = base.clone();
        } else {
            break;
        }
    }
    Some(found)
}

/// Sibling edges: for an edge between two modules neither of which holds
/// the other, the edge between their ancestors just below the deepest module
/// holding both.
fn sibling_edges(known: &BTreeMap<Module, String>) -> BTreeSet<(String, String)> {
    let mut edges = BTreeSet::new();
    for (from, text) in known {
        for path in paths(&code(text)) {
            let Some(to) = resolve(from, &path, known) else {
                continue;
            };
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common < from.len() && common < to.len() {
                edges.insert((from[..=common].join("::"), to[..=common].join("::")));
            }
        }
    }
    edges
}

/// The circles among `edges`: each strongly connected set of two or more
/// modules, sorted.
fn circles(edges: &BTreeSet<(String, String)>) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
    }
    let reach = |start: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start];
        while let Some(m) = stack.pop() {
            for &n in next.get(m).into_iter().flatten() {
                if seen.insert(n) {
                    stack.push(n);
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&str, BTreeSet<&str>> = next.keys().map(|&m| (m, reach(m))).collect();
    let mut out = BTreeSet::new();
    for (&m, from_m) in &reached {
        if !from_m.contains(m) {
            continue;
        }
        let circle: Vec<String> = from_m
            .iter()
            .filter(|&&n| reached.get(n).is_some_and(|r| r.contains(m)))
            .map(|n| n.to_string())
            .collect();
        out.insert(circle);
    }
    out.into_iter().collect()
}

#[test]
fn no_two_modules_import_each_other_in_a_loop() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let known = modules(&src);
    let edges = sibling_edges(&known);
    for (from, to, _) in ALLOWED {
        assert!(
            edges.contains(&(from.to_string(), to.to_string())),
            "{from} no longer imports {to}: remove the entry from ALLOWED"
        );
    }
    let kept: BTreeSet<(String, String)> = edges
        .iter()
        .filter(|(a, b)| !ALLOWED.iter().any(|(f, t, _)| a == f && b == t))
        .cloned()
        .collect();
    let found = circles(&kept);
    let show = |circle: &Vec<String>| {
        let members: BTreeSet<&String> = circle.iter().collect();
        kept.iter()
            .filter(|(a, b)| members.contains(a) && members.contains(b))
            .map(|(a, b)| format!("  {a} -> {b}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        found.is_empty(),
        "import circles:\n{}",
        found.iter().map(show).collect::<Vec<_>>().join("\n\n")
    );
}

#[test]
fn the_graph_reader_sees_use_trees_inline_paths_and_circles() {
    let mut out = Vec::new();
    expand("", "crate::{a::b,c::{d,e as f}}", &mut out);
    assert_eq!(out, ["crate::a::b", "crate::c::d", "crate::c::e"]);
    let known: BTreeMap<Module, String> = [
        (vec![], String::new()),
        (vec!["a".into()], String::new()),
        (vec!["a".into(), "x".into()], String::new()),
        (vec!["b".into()], String::new()),
    ]
    .into_iter()
    .collect();
    let from = vec!["a".to_string(), "x".to_string()];
    assert_eq!(
        resolve(&from, "super::super::b::Thing", &known),
        Some(vec!["b".to_string()])
    );
    assert_eq!(resolve(&from, "std::fmt", &known), None);
    let edges: BTreeSet<(String, String)> = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
        .iter()
        .map(|(x, y)| (x.to_string(), y.to_string()))
        .collect();
    assert_eq!(circles(&edges), [["a", "b", "c"]]);
    assert_eq!(
        paths(&code(
            "use crate::x; // crate::y\n#[cfg(test)]\nmod tests {\n use crate::z;\n}\nfn f() { super::w(); }\n"
        )),
        ["crate::x", "super::w"]
    );
}

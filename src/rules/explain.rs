//! `factlint rules explain` and `factlint rules list`: a rule described from
//! the same YAML that defines it, so the documentation cannot drift from
//! the behaviour.

use std::fmt::Write as _;

use serde::Serialize;

use super::pack::placeholders;
use super::{CheckKind, Rule, Severity};

/// One row of `factlint rules list --format json`.
#[derive(Debug, Clone, Serialize)]
pub struct RuleSummary {
    pub id: String,
    pub check: CheckKind,
    pub severity: Severity,
    pub pack: String,
    pub enabled: bool,
    pub description: String,
    /// `file:line` of the rule's last definition.
    pub defined_at: String,
    pub tags: Vec<String>,
}

impl From<&Rule> for RuleSummary {
    fn from(r: &Rule) -> Self {
        RuleSummary {
            id: r.id.clone(),
            check: r.check.kind(),
            severity: r.severity,
            pack: r.pack.clone(),
            enabled: r.enabled,
            description: r.description.clone(),
            defined_at: format!("{}:{}", r.file.display(), r.line),
            tags: r.def.tags.clone(),
        }
    }
}

/// What each parameter means, for `explain`.
fn param_doc(name: &str) -> &'static str {
    match name {
        "tolerance" => "approximate figures are widened by this fraction before comparing",
        "join" => "how the two sides are paired: `key` (same key and subject) or `subject`",
        "a" => "the first side: facts that cannot hold together with side b",
        "b" => "the second side",
        "relation" => "the arithmetic that must hold",
        "pack" => "the reference pack the claim is checked against",
        "min_similarity" => "how alike two quotes must be (0-1) to count as one quote",
        _ => "",
    }
}

/// A YAML rendering of a value, indented under a heading.
fn yaml_block(value: &impl Serialize, indent: &str) -> String {
    let text = serde_yaml::to_string(value).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && l.trim() != "{}")
        .map(|l| format!("{indent}{l}\n"))
        .collect()
}

fn wrap(text: &str, indent: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
    out
}

/// The text of `factlint rules explain ID`.
pub fn explain(rule: &Rule) -> String {
    let def = &rule.def;
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", rule.id, rule.description);
    let _ = writeln!(out);
    let _ = writeln!(out, "  check:     {}", rule.check.kind().as_str());
    let _ = writeln!(out, "  severity:  {}", rule.severity.as_str());
    let _ = writeln!(out, "  pack:      {}", rule.pack);
    let _ = writeln!(
        out,
        "  enabled:   {}",
        if rule.enabled { "yes" } else { "no" }
    );
    if !def.tags.is_empty() {
        let _ = writeln!(out, "  tags:      {}", def.tags.join(", "));
    }
    for (i, origin) in rule.origins.iter().enumerate() {
        let label = if i == 0 { "defined" } else { "overridden" };
        let _ = writeln!(
            out,
            "  {label}:{:width$}{}:{} (pack {}{})",
            "",
            origin.file.display(),
            origin.line,
            origin.pack,
            if origin.builtin { ", built in" } else { "" },
            width = 10usize.saturating_sub(label.len()).max(1),
        );
    }
    if let Some(rationale) = &def.rationale {
        let _ = writeln!(out, "\nRationale\n{}", wrap(rationale, "  ", 76).trim_end());
    }
    let selects = yaml_block(&def.select, "  ");
    if !selects.is_empty() {
        let _ = write!(out, "\nSelects\n{selects}");
    }
    let allowed = rule.check.kind().params();
    if !allowed.is_empty() {
        let _ = writeln!(out, "\nParameters");
        // Through serde_yaml, not serde_json: its mappings keep the order
        // fields are declared in.
        let params = serde_yaml::to_value(&def.params).unwrap_or_default();
        for name in allowed {
            let value = params.get(*name);
            match value {
                Some(v) if v.is_mapping() || v.is_sequence() => {
                    let _ = writeln!(out, "  {name}:  # {}", param_doc(name));
                    let _ = write!(out, "{}", yaml_block(v, "    "));
                }
                Some(v) => {
                    let shown = serde_yaml::to_string(v).unwrap_or_default();
                    let _ = writeln!(out, "  {name}: {}  # {}", shown.trim(), param_doc(name));
                }
                None => {
                    let _ = writeln!(out, "  {name}: (default)  # {}", param_doc(name));
                }
            }
        }
    }
    let _ = writeln!(out, "\nMessage\n  {}", rule.message);
    let used = placeholders(&rule.message);
    let known: Vec<String> = rule
        .check
        .kind()
        .placeholders()
        .iter()
        .map(|p| {
            if used.contains(p) {
                format!("{{{p}}}*")
            } else {
                format!("{{{p}}}")
            }
        })
        .collect();
    let _ = writeln!(
        out,
        "  placeholders of `{}` (* = used): {}",
        rule.check.kind().as_str(),
        known.join(", ")
    );
    if let Some(example) = &def.example {
        let _ = writeln!(out, "\nExample");
        if !example.fail.is_empty() {
            let _ = writeln!(out, "  flagged (one sentence per source):");
            for s in &example.fail {
                let _ = writeln!(out, "    - {s}");
            }
        }
        if !example.pass.is_empty() {
            let _ = writeln!(out, "  not flagged:");
            for s in &example.pass {
                let _ = writeln!(out, "    - {s}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{LoadOptions, load};

    #[test]
    fn explain_shows_everything_a_rule_author_wrote() {
        let set = load(&LoadOptions::default()).unwrap();
        let rule = set.rule("debut-conflict").unwrap();
        let text = explain(rule);
        for want in [
            "debut-conflict: A first appearance cannot follow earlier ones.",
            "check:     exclusive",
            "defined:   rules/core/exclusive.yaml:",
            "Rationale",
            "join: subject",
            "key: foreign-trips",
            "{a_sources}*",
            "Example",
        ] {
            assert!(text.contains(want), "missing {want:?} in\n{text}");
        }
    }
}

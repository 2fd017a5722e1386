//! Checks a rule must pass once parsed: the fields a rule needs, the
//! parameters its check takes, the placeholders its message may use. Each
//! mistake points at the rule's `id:`.

use super::outline::At;
use super::source::{PackSource, rule_error};
use super::{Rule, RuleOrigin};
use crate::error::Result;
use crate::rules::schema::{Check, CheckKind, RuleDef};

/// Parameters each check accepts and needs; anything else is a mistake in
/// the rule.
fn check_params(src: &PackSource, at: At, def: &RuleDef, check: CheckKind) -> Result<Check> {
    let p = &def.params;
    let given: [(&str, bool); 7] = [
        ("tolerance", p.tolerance.is_some()),
        ("join", p.join.is_some()),
        ("a", p.a.is_some()),
        ("b", p.b.is_some()),
        ("relation", p.relation.is_some()),
        ("pack", p.pack.is_some()),
        ("min_similarity", p.min_similarity.is_some()),
    ];
    let allowed = check.params();
    for (name, set) in given {
        if set && !allowed.contains(&name) {
            let takes = if allowed.is_empty() {
                "no parameters".to_string()
            } else {
                allowed.join(", ")
            };
            return Err(rule_error(
                src,
                at,
                &def.id,
                format!(
                    "check `{}` takes no parameter `{name}` (it takes {takes})",
                    check.as_str()
                ),
            ));
        }
    }
    let configured = Check::new(check, p).map_err(|name| {
        rule_error(
            src,
            at,
            &def.id,
            format!("check `{}` needs parameter `{name}`", check.as_str()),
        )
    })?;
    for (name, value) in [
        ("tolerance", p.tolerance),
        ("min_similarity", p.min_similarity),
    ] {
        if value.is_some_and(|t| !(0.0..=1.0).contains(&t)) {
            return Err(rule_error(
                src,
                at,
                &def.id,
                format!("`{name}` is a fraction between 0 and 1"),
            ));
        }
    }
    Ok(configured)
}

/// `{name}` placeholders of a message template.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if close > 0
                    && after[..close]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// A placeholder the check does not fill would reach the reader as
/// `{typo}`; catch it when the pack loads.
fn check_message(
    src: &PackSource,
    at: At,
    id: &str,
    message: &str,
    check: CheckKind,
) -> Result<()> {
    let known = check.placeholders();
    for name in placeholders(message) {
        if !known.contains(&name) {
            let list: Vec<String> = known.iter().map(|k| format!("{{{k}}}")).collect();
            return Err(rule_error(
                src,
                at,
                id,
                format!(
                    "unknown placeholder `{{{name}}}` in message (check `{}` fills {})",
                    check.as_str(),
                    list.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// A rule from its (merged) definition, or the first thing it lacks.
pub(super) fn complete(
    src: &PackSource,
    at: At,
    def: RuleDef,
    is_new: bool,
    origins: Vec<RuleOrigin>,
) -> Result<Rule> {
    let missing = |field: &str| {
        let why = if is_new {
            "a new rule needs id, description, severity, check and message"
        } else {
            "a rule that sets `check` replaces the rule it overrides and must be complete"
        };
        rule_error(src, at, &def.id, format!("missing field `{field}` ({why})"))
    };
    if is_new && def.check.is_none() {
        // Most likely an override (`enabled: false`) of a rule that is not
        // loaded: a typo in the id, or --no-default-rules.
        return Err(rule_error(
            src,
            at,
            &def.id,
            "no loaded rule has this id, so this is a new rule, and a new rule needs description, severity, check and message",
        ));
    }
    let check = def.check.ok_or_else(|| missing("check"))?;
    let severity = def.severity.ok_or_else(|| missing("severity"))?;
    let description = def
        .description
        .clone()
        .ok_or_else(|| missing("description"))?;
    let message = def.message.clone().ok_or_else(|| missing("message"))?;
    let configured = check_params(src, at, &def, check)?;
    check_message(src, at, &def.id, &message, check)?;
    Ok(Rule {
        id: def.id.clone(),
        check: configured,
        severity,
        description,
        message,
        enabled: def.enabled.unwrap_or(true),
        pack: src.pack.clone(),
        file: src.path.clone(),
        line: at.line,
        origins,
        def,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_read_from_braces() {
        assert_eq!(
            placeholders("{a_sources} say {key}{subject_of}: {values} {not a placeholder} {}"),
            vec!["a_sources", "key", "subject_of", "values"]
        );
    }
}

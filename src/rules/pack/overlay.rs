//! Overrides: a later pack's rule with a loaded id patches or replaces it.

use crate::rules::schema::RuleDef;

/// Overlays the fields `over` sets onto `base`.
pub(super) fn overlay(base: &RuleDef, over: RuleDef) -> RuleDef {
    let empty = RuleDef::default();
    RuleDef {
        id: over.id,
        description: over.description.or_else(|| base.description.clone()),
        rationale: over.rationale.or_else(|| base.rationale.clone()),
        severity: over.severity.or(base.severity),
        check: over.check.or(base.check),
        select: if over.select == empty.select {
            base.select.clone()
        } else {
            over.select
        },
        params: if over.params == empty.params {
            base.params.clone()
        } else {
            over.params
        },
        message: over.message.or_else(|| base.message.clone()),
        enabled: over.enabled.or(base.enabled),
        example: over.example.or_else(|| base.example.clone()),
        tags: if over.tags.is_empty() {
            base.tags.clone()
        } else {
            over.tags
        },
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::super::tests::load_text;
    use crate::rules::{CheckKind, Severity};

    #[test]
    fn an_override_of_only_enabled_turns_a_rule_off() {
        let set = load_text("rules:\n  - id: single-source\n    enabled: false\n").unwrap();
        let rule = set.rule("single-source").unwrap();
        assert!(!rule.enabled);
        assert_eq!(rule.check.kind(), CheckKind::SingleSource);
        assert_eq!(rule.origins.len(), 2);
        assert_eq!(
            rule.origins[0].file,
            PathBuf::from("rules/core/single-source.yaml")
        );
    }

    #[test]
    fn an_override_with_a_check_replaces_the_rule() {
        let set = load_text(
            "rules:\n  - id: precedent-conflict\n    description: d\n    severity: error\n    check: agree\n    select: {kind: precedent}\n    message: m\n",
        )
        .unwrap();
        let rule = set.rule("precedent-conflict").unwrap();
        assert_eq!(rule.check.kind(), CheckKind::Agree);
        assert_eq!(rule.def.params, Default::default());
        assert!(rule.def.example.is_none());
        let patched =
            load_text("rules:\n  - id: count-consistency\n    severity: error\n").unwrap();
        let rule = patched.rule("count-consistency").unwrap();
        assert_eq!(rule.severity, Severity::Error);
        assert_eq!(rule.def.params.tolerance, Some(0.1));
    }
}

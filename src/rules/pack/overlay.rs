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

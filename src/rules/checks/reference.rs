//! reference: a role must match the reference pack on the date it is
//! claimed for. "The Biden administration" in a story dated September 2025
//! names a government that had left office; "Russian President Dmitry
//! Medvedev" in 2020 names the wrong holder. Roles the pack does not know
//! are not judged.

use super::{FindingParts, finding};
use crate::facts::FactValue;
use crate::rules::context::CheckContext;
use crate::rules::schema::ReferencePack;
use crate::rules::{Finding, Rule, Verdict};

pub fn run(
    rule: &Rule,
    ctx: &CheckContext,
    selected: &[usize],
    pack: ReferencePack,
) -> Vec<Finding> {
    match pack {
        ReferencePack::Officeholders => officeholders(rule, ctx, selected),
    }
}

/// Roles against `reference: offices:`: who held the office on the date
/// the role is claimed for.
fn officeholders(rule: &Rule, ctx: &CheckContext, selected: &[usize]) -> Vec<Finding> {
    let reference = &ctx.set.reference;
    let mut out = Vec::new();
    for &i in selected {
        let f = &ctx.facts[i];
        let FactValue::Role(role) = &f.value else {
            continue;
        };
        let Some(office) = reference.office_index(&role.office) else {
            continue;
        };
        let Some(when) = role.as_of else {
            continue;
        };
        let Some((from, to)) = when.range() else {
            continue;
        };
        // The reference's own spelling of the person, if it knows them.
        let person_id = reference
            .person(&role.person)
            .map_or(role.person.as_str(), |p| p.id.as_str());
        let terms: Vec<_> = reference
            .terms_of(person_id)
            .filter(|t| t.office == office)
            .collect();
        let held = terms
            .iter()
            .any(|t| t.from <= to && t.to.is_none_or(|end| from < end));
        // "Former President X" is wrong while X holds the office, and for
        // someone who never held it.
        let agrees = if role.former {
            !terms.is_empty() && !held
        } else {
            held
        };
        if agrees {
            continue;
        }
        let office_name = &reference.offices[office].name;
        let person = reference.person_name(person_id);
        let actual = reference
            .holder_at(office, from)
            .map(|t| reference.person_name(&t.person));
        let served = terms
            .iter()
            .map(|t| {
                format!(
                    "{}–{}",
                    t.from,
                    t.to.map_or_else(|| "present".to_string(), |d| d.to_string())
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let mut detail = format!(
            "{}: “{}” as of {when}, but {person}",
            ctx.short(&f.source),
            f.text
        );
        if served.is_empty() {
            detail.push_str(&format!(" never held the office of {office_name}"));
        } else if role.former {
            detail.push_str(&format!(
                " still held the office of {office_name} ({served})"
            ));
        } else {
            detail.push_str(&format!(" was {office_name} {served}"));
        }
        if let Some(actual) = actual.filter(|_| !role.former) {
            detail.push_str(&format!("; on {from} it was {actual}"));
        }
        let message = super::base_vars(ctx, &f.key, f.subject.as_deref(), &[i])
            .set("detail", detail)
            .fill(&rule.message);
        let found = finding(
            rule,
            ctx,
            FindingParts {
                verdict: Verdict::Reference,
                kind: f.kind(),
                key: &role.office,
                subject: f.subject.as_deref(),
                facts: vec![i],
                message,
            },
        );
        out.push(found.qualify_id(&f.source));
    }
    out
}

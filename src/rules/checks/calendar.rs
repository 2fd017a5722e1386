//! calendar: a weekday stated with a date must be that date's weekday.
//! Checked only when the weekday and the day of the month are both stated;
//! the year may be inferred, and the message says so.

use chrono::{Datelike, NaiveDate};

use super::{FindingParts, finding};
use crate::facts::{DateField, FactValue, Weekday};
use crate::rules::context::CheckContext;
use crate::rules::{Finding, Rule, Verdict};

pub fn run(rule: &Rule, ctx: &CheckContext, selected: &[usize]) -> Vec<Finding> {
    let mut out = Vec::new();
    for &i in selected {
        let f = &ctx.facts[i];
        let FactValue::Date(d) = &f.value else {
            continue;
        };
        if ![DateField::Weekday, DateField::Day, DateField::Month]
            .iter()
            .all(|f| d.stated(*f))
        {
            continue;
        }
        let (Some(y), Some(m), Some(day), Some(weekday)) = (d.year, d.month, d.day, d.weekday)
        else {
            continue;
        };
        let Some(date) = NaiveDate::from_ymd_opt(y, m, day) else {
            continue;
        };
        let actual = Weekday::from(date.weekday());
        let year_note = if d.stated(DateField::Year) {
            ""
        } else {
            " (year inferred)"
        };
        let who = ctx.short(&f.source);
        let (verdict, detail) = if actual == weekday {
            (
                Verdict::Agree,
                format!("{who}: {date} is a {actual}{year_note}, as stated"),
            )
        } else {
            (
                Verdict::Internal,
                format!("{who} says {weekday}, but {date} is a {actual}{year_note}"),
            )
        };
        let message = if verdict == Verdict::Agree {
            detail
        } else {
            super::base_vars(ctx, &f.key, f.subject.as_deref(), &[i])
                .set("detail", detail)
                .fill(&rule.message)
        };
        let found = finding(
            rule,
            ctx,
            FindingParts {
                verdict,
                kind: f.kind(),
                key: &f.key,
                subject: f.subject.as_deref(),
                facts: vec![i],
                message,
            },
        );
        out.push(found.qualify_id(format!("{}:{date}", f.source)));
    }
    out
}

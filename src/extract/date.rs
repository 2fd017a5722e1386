//! Dates of the event (a day-precise date in a sentence that names the
//! event) and of keyed happenings ("arrived … the previous day"). A weekday
//! in the same sentence as a month-and-day date is that date's stated
//! weekday, which the calendar check then verifies.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Draft, SentenceContext};
use crate::facts::{DateValue, FactValue};
use crate::recognize::{DateMention, Granularity};

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

fn day_precise(d: &DateMention) -> bool {
    if d.since {
        return false;
    }
    let stated_day = d.stated.month.is_some() && d.stated.day.is_some();
    let resolved_day = d.period.is_some_and(|p| p.granularity == Granularity::Day);
    stated_day || resolved_day
}

fn value_of(d: &DateMention, weekday: Option<Weekday>) -> DateValue {
    let resolved: Option<NaiveDate> = d
        .period
        .filter(|p| p.granularity == Granularity::Day)
        .map(|p| p.start);
    let stated_weekday = d.stated.weekday.or(weekday);
    let mut inferred = Vec::new();
    let year = d.stated.year.or_else(|| {
        inferred.push("year".to_string());
        resolved.map(|r| r.year())
    });
    let month = d.stated.month.or_else(|| {
        inferred.push("month".to_string());
        resolved.map(|r| r.month())
    });
    let day = d.stated.day.or_else(|| {
        inferred.push("day".to_string());
        resolved.map(|r| r.day())
    });
    let weekday = match stated_weekday {
        Some(w) => Some(weekday_name(w).to_string()),
        None => {
            inferred.push("weekday".to_string());
            match (year, month, day) {
                (Some(y), Some(m), Some(dd)) => {
                    NaiveDate::from_ymd_opt(y, m, dd).map(|x| weekday_name(x.weekday()).to_string())
                }
                _ => None,
            }
        }
    };
    DateValue {
        year,
        month,
        day,
        weekday,
        inferred,
    }
}

pub fn extract(ctx: &SentenceContext) -> Vec<Draft> {
    let lex = &ctx.rules.lexicon;
    let event = lex
        .events
        .find_iter(ctx.text)
        .next()
        .map(|h| h.value.clone());
    let cue = lex
        .date_cues
        .find_iter(ctx.text)
        .next()
        .map(|h| h.value.clone());
    let (base, subject, is_event) = match (event, cue) {
        (Some(e), _) => (e, None, true),
        (None, Some(c)) => (c, ctx.subject.clone(), false),
        (None, None) => return Vec::new(),
    };
    // "A day after its launch", "two days later": offsets from another
    // event, not from the report's date; without that anchor, no date.
    let anchored = |m: &crate::recognize::Mention| {
        let t = ctx.text[m.start..m.end].to_lowercase();
        ["after", "before", "later", "earlier"]
            .iter()
            .any(|w| t.ends_with(w))
    };
    let dates: Vec<_> = ctx
        .dates()
        .filter(|(m, d)| day_precise(d) && !anchored(m))
        .collect();
    let is_lone_weekday = |d: &DateMention| d.stated.weekday.is_some() && d.stated.day.is_none();
    let lone_weekday = dates.iter().find(|(_, d)| is_lone_weekday(d)).copied();
    // A dateline ("GENEVA, March 5 (AP) —") dates the report. It is the
    // event's date only when the sentence's weekday falls on it ("Sep 3 …
    // on Wednesday", and Sep 3 is that Wednesday).
    let dateline_fits = |d: &DateMention| {
        let day = d
            .period
            .filter(|p| p.granularity == Granularity::Day)
            .map(|p| p.start);
        let weekday_day = lone_weekday.and_then(|(_, w)| w.period).map(|p| p.start);
        day.is_some() && day == weekday_day
    };
    let kept: Vec<_> = dates
        .iter()
        .filter(|(m, d)| {
            !crate::corpus::is_dateline_date(ctx.text, m.start, m.end) || dateline_fits(d)
        })
        .collect();
    let has_month_day = kept
        .iter()
        .any(|(_, d)| !is_lone_weekday(d) && d.stated.month.is_some() && d.stated.day.is_some());
    let mut out: Vec<Draft> = Vec::new();
    for (m, d) in kept {
        if ctx.is_historical_at(m.start) {
            continue; // "the 2019 festival was held on June 3"
        }
        if is_lone_weekday(d) && has_month_day {
            continue; // merged into the month-and-day date below
        }
        // Nested spans: keep the outermost date only.
        if out.iter().any(|o| o.start <= m.start && m.end <= o.end) {
            continue;
        }
        let weekday = if is_lone_weekday(d) {
            None
        } else {
            lone_weekday.and_then(|(_, w)| w.stated.weekday)
        };
        let value = value_of(d, weekday);
        if out
            .iter()
            .any(|o| o.value == FactValue::Date(value.clone()))
        {
            continue;
        }
        // "began on Tuesday … ended on Wednesday": start and end are two
        // claims. A weekday merged into this date carries the verb.
        let role_at = match lone_weekday {
            Some((w, _)) if weekday.is_some() => w.start,
            _ => m.start,
        };
        let (cs, ce) = ctx.clause_at(role_at);
        let role = if is_event {
            lex.date_roles
                .find_iter(&ctx.text[cs..ce])
                .next()
                .map(|h| h.value.clone())
        } else {
            None
        };
        let key = match (is_event, role) {
            (true, Some(role)) => format!("{base}-{role}"),
            (true, None) => format!("{base}-date"),
            (false, _) => base.clone(),
        };
        out.push(Draft {
            key,
            subject: subject.clone(),
            value: FactValue::Date(value),
            modality: ctx.modality_at(m.start),
            start: m.start,
            end: m.end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::run_on;

    fn dates(sentence: &str, reference: Option<NaiveDate>) -> Vec<(String, String, Vec<String>)> {
        run_on(sentence, reference, extract)
            .into_iter()
            .map(|d| match d.value {
                FactValue::Date(v) => (d.key, v.display(), v.inferred),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn date_table() {
        let r = NaiveDate::from_ymd_opt(2025, 9, 3);
        let s = |x: &str| x.to_string();
        let cases: Vec<(&str, Vec<(String, String, Vec<String>)>)> = vec![
            (
                "The parade is on September 3, 2025.",
                vec![(
                    s("event-date"),
                    s("2025-09-03 (wednesday)"),
                    vec![s("weekday")],
                )],
            ),
            (
                "China is preparing for a parade on September 3.",
                vec![(
                    s("event-date"),
                    s("2025-09-03 (wednesday)"),
                    vec![s("year"), s("weekday")],
                )],
            ),
            (
                "Beijing, Sep 3 (Agency) Leaders watched a parade in Beijing on Wednesday.",
                vec![(
                    s("event-date"),
                    s("2025-09-03 (wednesday)"),
                    vec![s("year")],
                )],
            ),
            (
                "He arrived in the city the previous day.",
                vec![(
                    s("arrival"),
                    s("2025-09-02 (tuesday)"),
                    vec![s("year"), s("month"), s("day"), s("weekday")],
                )],
            ),
            // Must yield nothing: no event named, or not a day.
            ("Prices rose on September 3.", vec![]),
            ("A similar event took place in 1959.", vec![]),
        ];
        for (sentence, want) in cases {
            assert_eq!(dates(sentence, r), want, "{sentence}");
        }
    }
}

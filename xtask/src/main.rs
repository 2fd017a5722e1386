//! Project chores. `cargo xtask corpus --articles 10000 --out DIR` writes a
//! deterministic, news-like benchmark corpus: stories of 3–30 articles of
//! 4–8 KB each, one folder per story, with counts and their qualifiers,
//! absolute and relative dates, titled names, quotes, attendance,
//! precedents and anniversaries set in plenty of plain prose. Sources of
//! one story share its facts and sometimes disagree, so that checking has
//! groups to agree and conflict.
//!
//! The text is generated from templates written for this purpose; the same
//! seed always gives the same bytes, so figures measured on one machine can
//! be reproduced on another.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

mod vocabulary;

use vocabulary::{
    CITIES, EVENTS, FIRST_NAMES, LAST_NAMES, MONTHS, NOUNS, PROSE, ROLES, UNITS, VERBS_SAID,
    WEEKDAYS,
};

/// splitmix64: small, fast and reproducible everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// What every source of one story reports, before each source's own slips.
struct Story {
    city: &'static str,
    event: &'static str,
    noun: &'static str,
    count: u64,
    month: usize,
    day: usize,
    weekday: usize,
    year: u64,
    since: u64,
    anniversary: u64,
    people: Vec<(String, &'static str)>,
    minutes: u64,
    distance: u64,
    unit: &'static str,
}

impl Story {
    fn new(rng: &mut Rng) -> Story {
        let year = 2015 + rng.below(11) as u64;
        let people = (0..4)
            .map(|_| {
                let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
                (name, rng.pick(ROLES))
            })
            .collect();
        Story {
            city: rng.pick(CITIES),
            event: rng.pick(EVENTS),
            noun: rng.pick(NOUNS),
            count: 50 * (20 + rng.below(400) as u64),
            month: rng.below(12),
            day: 1 + rng.below(28),
            weekday: rng.below(7),
            year,
            since: year - 5 - rng.below(60) as u64,
            anniversary: 10 + 5 * rng.below(15) as u64,
            people,
            minutes: 30 + 15 * rng.below(8) as u64,
            distance: 2 + rng.below(40) as u64,
            unit: rng.pick(UNITS),
        }
    }
}

/// One sentence with a checkable statement, in the voice of source `s`.
fn fact_sentence(story: &Story, rng: &mut Rng, out: &mut String) {
    let slip = |rng: &mut Rng, v: u64| if rng.chance(15) { v + v / 10 } else { v };
    let (name, role) = &story.people[rng.below(story.people.len())];
    let said = rng.pick(VERBS_SAID);
    let month = MONTHS[story.month];
    let _ = match rng.below(12) {
        0 => write!(
            out,
            "More than {} {} took part in the {} in {}, organisers {said}.",
            slip(rng, story.count),
            story.noun,
            story.event,
            story.city
        ),
        1 => write!(
            out,
            "The {} was held on {} {}, {}, police {said}.",
            story.event, month, story.day, story.year
        ),
        2 => write!(
            out,
            "{} {name} attended the {} on {}.",
            capitalise(role),
            story.event,
            WEEKDAYS[story.weekday]
        ),
        3 => write!(
            out,
            "It was the first {} of its kind in the city since {}.",
            story.event,
            slip(rng, story.since)
        ),
        4 => write!(
            out,
            "The day marked the {} anniversary of the founding of {}.",
            ordinal(slip(rng, story.anniversary)),
            story.city
        ),
        5 => write!(
            out,
            "\"We have waited a long time for this,\" {name}, the {role}, {said}."
        ),
        6 => write!(
            out,
            "The {}-minute ceremony began two days after the vote, about {} {} from the centre.",
            slip(rng, story.minutes),
            story.distance,
            story.unit
        ),
        7 => write!(
            out,
            "Some {} {} had been expected, according to an estimate published last week.",
            slip(rng, story.count * 2),
            story.noun
        ),
        8 => write!(
            out,
            "{name} did not attend, a spokesperson for the {role} {said} on {}.",
            WEEKDAYS[(story.weekday + 1) % 7]
        ),
        9 => write!(
            out,
            "Nearly {} per cent of those asked supported the plan, up from {} per cent in {}.",
            40 + rng.below(50),
            20 + rng.below(20),
            story.year - 1
        ),
        10 => write!(
            out,
            "At least {} people were treated for heat exhaustion, the health office {said} late on {}.",
            slip(rng, 3 + story.count / 500),
            WEEKDAYS[story.weekday]
        ),
        _ => write!(
            out,
            "The {} is due to return to {} on {} {} next year.",
            story.event, story.city, month, story.day
        ),
    };
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// One article of 4–8 KB: a headline, front matter, and paragraphs mixing
/// plain prose (about two sentences in three) with checkable statements.
fn article(story: &Story, source: usize, rng: &mut Rng) -> String {
    let target = 4096 + rng.below(4096);
    let mut out = String::with_capacity(target + 512);
    let _ = write!(
        out,
        "---\ntitle: \"{} in {} draws crowds\"\nsource: \"Outlet {source}\"\ndate: {}-{:02}-{:02}\n---\n\n",
        capitalise(story.event),
        story.city,
        story.year,
        story.month + 1,
        story.day.min(28)
    );
    while out.len() < target {
        for _ in 0..3 + rng.below(4) {
            if rng.chance(35) {
                fact_sentence(story, rng, &mut out);
            } else {
                out.push_str(rng.pick(PROSE));
            }
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    out
}

struct Args {
    articles: usize,
    seed: u64,
    out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() != Some("corpus") {
        return Err("usage: cargo xtask corpus --articles N [--seed S] --out DIR".into());
    }
    let (mut articles, mut seed, mut out) = (1000, 1, None);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--articles" => articles = value.parse().map_err(|e| format!("--articles: {e}"))?,
            "--seed" => seed = value.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => out = Some(PathBuf::from(value)),
            other => return Err(format!("unknown option {other}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    Ok(Args {
        articles,
        seed,
        out,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("xtask: {e}");
            return ExitCode::from(2);
        }
    };
    let mut rng = Rng(args.seed);
    let (mut written, mut bytes, mut story_no) = (0, 0, 0);
    while written < args.articles {
        let story = Story::new(&mut rng);
        let n = (3 + rng.below(28)).min(args.articles - written);
        let dir = args.out.join(format!("story-{story_no:06}"));
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("xtask: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
        for s in 0..n {
            let text = article(&story, s, &mut rng);
            bytes += text.len();
            let path = dir.join(format!("article-{s:02}.md"));
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("xtask: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
        written += n;
        story_no += 1;
    }
    eprintln!(
        "xtask: {written} articles in {story_no} stories, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        args.out.display()
    );
    ExitCode::SUCCESS
}

//! factlint's fuzz harness for the stable toolchain (docs/fuzzing.md).
//!
//! `cargo run --release --manifest-path fuzz/Cargo.toml -- --execs 1000000 all`
//!
//! Each target runs its seeds, then `--execs` mutants of them, each under
//! `catch_unwind` and the process's CPU clock. A panicking input is minimized and saved to
//! the crash directory; an input slower than `--limit` ms per KB (inputs
//! under 1 KB count as 1 KB) is timed four more times and, if still slow, saved
//! too. The run fails if any target panicked or was slow.

mod mutate;
mod targets;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

use mutate::{Rng, mutate};
use targets::{TARGETS, Target};

const USAGE: &str = "usage: factlint-fuzz [--execs N] [--seed N] [--max-len BYTES] [--limit MS_PER_KB] [--crashes DIR] (all | TARGET...)
       factlint-fuzz --replay TARGET FILE...
targets: recognize frontmatter pack config baseline suppress check";

struct Options {
    execs: u64,
    seed: u64,
    max_len: usize,
    limit: f64,
    crashes: PathBuf,
    targets: Vec<&'static Target>,
    replay: Vec<PathBuf>,
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        execs: 10_000,
        seed: 1,
        max_len: 16 * 1024,
        limit: 10.0,
        crashes: repo().join("fuzz/crashes"),
        targets: Vec::new(),
        replay: Vec::new(),
    };
    let mut replay = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--execs" => o.execs = number(&a, value(&a)?)?,
            "--seed" => o.seed = number(&a, value(&a)?)?,
            "--max-len" => o.max_len = number(&a, value(&a)?)?,
            "--limit" => o.limit = number(&a, value(&a)?)?,
            "--crashes" => o.crashes = PathBuf::from(value("--crashes")?),
            "--replay" => replay = true,
            "-h" | "--help" => return Err(String::new()),
            "all" if !replay => o.targets.extend(TARGETS.iter()),
            name if !replay || o.targets.is_empty() => {
                let t = TARGETS
                    .iter()
                    .find(|t| t.name == name)
                    .ok_or(format!("unknown target `{name}`"))?;
                o.targets.push(t);
            }
            file => o.replay.push(PathBuf::from(file)),
        }
    }
    if o.targets.is_empty() {
        return Err("no target given".into());
    }
    Ok(o)
}

fn number<T: std::str::FromStr>(option: &str, value: String) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    value.parse().map_err(|e| format!("{option}: {e}"))
}

/// The message of the last panic, kept by the hook instead of printed.
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

thread_local! {
    /// Whether a target is running (its panics are findings, not bugs of
    /// the harness).
    static IN_TARGET: Cell<bool> = const { Cell::new(false) };
}

fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        if IN_TARGET.get() {
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = format!("{at}: {msg}");
            }
        } else {
            eprintln!("factlint-fuzz panicked at {at}: {msg}");
        }
    }));
}

/// CPU time of this process (rayon's workers included), in ms: unlike the wall clock, it
/// does not count time spent waiting for a core, so timings hold on a
/// busy machine.
fn cpu_ms() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec to the pointer it is given.
    unsafe {
        libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts);
    }
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

/// Runs one input: `Err(panic message)` or `Ok(milliseconds of CPU)`.
fn exec(target: &Target, input: &[u8]) -> Result<f64, String> {
    let start = cpu_ms();
    IN_TARGET.set(true);
    let result = catch_unwind(AssertUnwindSafe(|| (target.run)(input)));
    IN_TARGET.set(false);
    match result {
        Ok(()) => Ok(cpu_ms() - start),
        Err(_) => Err(LAST_PANIC.lock().map(|s| s.clone()).unwrap_or_default()),
    }
}

fn ms_per_kb(ms: f64, len: usize) -> f64 {
    ms / (len as f64 / 1024.0).max(1.0)
}

/// Shrinks a panicking input by deleting chunks while it still panics.
fn minimize(target: &Target, input: &[u8]) -> Vec<u8> {
    let mut best = input.to_vec();
    let mut chunk = best.len() / 2;
    let mut tries = 0;
    while chunk > 0 && tries < 5000 {
        let mut i = 0;
        while i < best.len() && tries < 5000 {
            let mut candidate = best.clone();
            candidate.drain(i..(i + chunk).min(best.len()));
            tries += 1;
            if exec(target, &candidate).is_err() {
                best = candidate;
            } else {
                i += chunk;
            }
        }
        chunk /= 2;
    }
    best
}

fn save(dir: &Path, name: &str, input: &[u8]) -> PathBuf {
    let _ = std::fs::create_dir_all(dir);
    let path = dir.join(name);
    let _ = std::fs::write(&path, input);
    path
}

#[derive(Default)]
struct Outcome {
    execs: u64,
    panics: BTreeMap<String, usize>,
    slow: usize,
    slowest: (f64, usize),
}

fn fuzz(target: &Target, o: &Options) -> Outcome {
    let seeds = targets::seeds(target, &repo());
    let mut rng = Rng::new(o.seed);
    let mut pool: Vec<Vec<u8>> = Vec::new();
    let mut out = Outcome::default();
    // Untimed: the first call builds the recognizer and loads the rules.
    let _ = exec(target, b"");
    let started = Instant::now();
    let total = o.execs + seeds.len() as u64;
    for n in 0..total {
        let input = match seeds.get(n as usize) {
            Some(s) => s.clone(),
            None if seeds.is_empty() => mutate(&mut rng, b"", &[], o.max_len),
            None => {
                let base = if !pool.is_empty() && rng.below(4) == 0 {
                    &pool[rng.below(pool.len())]
                } else {
                    &seeds[rng.below(seeds.len())]
                };
                mutate(&mut rng, base, &seeds, o.max_len)
            }
        };
        out.execs += 1;
        match exec(target, &input) {
            Err(msg) => {
                let count = out.panics.entry(msg.clone()).or_default();
                *count += 1;
                if *count == 1 {
                    let small = minimize(target, &input);
                    let path = save(
                        &o.crashes,
                        &format!("{}-panic-{}.bin", target.name, out.panics.len()),
                        &small,
                    );
                    eprintln!(
                        "{}: panic ({} bytes, saved {}): {msg}",
                        target.name,
                        small.len(),
                        path.display()
                    );
                }
            }
            Ok(ms) => {
                let mut rate = ms_per_kb(ms, input.len());
                if rate > o.limit {
                    // Time it again, after a pause: a busy machine
                    // preempts, and a slow input is slow every time.
                    for _ in 0..4 {
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        if let Ok(again) = exec(target, &input) {
                            rate = rate.min(ms_per_kb(again, input.len()));
                        }
                    }
                    if rate > o.limit {
                        out.slow += 1;
                        let path = save(
                            &o.crashes,
                            &format!("{}-slow-{}.bin", target.name, out.slow),
                            &input,
                        );
                        eprintln!(
                            "{}: slow input, {rate:.1} ms/KB ({} bytes, saved {})",
                            target.name,
                            input.len(),
                            path.display()
                        );
                    }
                }
                if rate > out.slowest.0 {
                    out.slowest = (rate, input.len());
                }
            }
        }
        if pool.len() < 256 {
            pool.push(input);
        } else {
            let i = rng.below(pool.len());
            pool[i] = input;
        }
        // Progress with the tallies so far, so a run stopped early still
        // says what it saw.
        if n > 0 && n % 10_000 == 0 {
            eprintln!(
                "{}: {n} execs, {:.0} s, {} panics, {} slow, slowest {:.3} ms/KB",
                target.name,
                started.elapsed().as_secs_f64(),
                out.panics.len(),
                out.slow,
                out.slowest.0
            );
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{}: {} execs in {secs:.0} s ({:.0}/s), {} distinct panics, {} slow inputs, slowest {:.3} ms/KB ({} bytes)",
        target.name,
        out.execs,
        out.execs as f64 / secs.max(1e-9),
        out.panics.len(),
        out.slow,
        out.slowest.0,
        out.slowest.1
    );
    out
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    quiet_panics();
    let mut failed = false;
    if !o.replay.is_empty() {
        let _ = exec(o.targets[0], b"");
        for file in &o.replay {
            let input = std::fs::read(file).unwrap_or_default();
            let best = (0..3)
                .map(|_| exec(o.targets[0], &input))
                .min_by(|a, b| match (a, b) {
                    (Ok(x), Ok(y)) => x.total_cmp(y),
                    (Err(_), _) => std::cmp::Ordering::Less,
                    (_, Err(_)) => std::cmp::Ordering::Greater,
                });
            match best.unwrap_or(Ok(0.0)) {
                Ok(ms) => println!(
                    "{}: ok, {:.3} ms/KB",
                    file.display(),
                    ms_per_kb(ms, input.len())
                ),
                Err(msg) => {
                    failed = true;
                    println!("{}: panic: {msg}", file.display());
                }
            }
        }
    } else {
        for target in &o.targets {
            let out = fuzz(target, &o);
            failed |= !out.panics.is_empty() || out.slow > 0;
        }
    }
    targets::clean_up();
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

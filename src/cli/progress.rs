//! A progress bar on standard error for long runs: only on a terminal,
//! never under `--quiet`, never while a machine format is written to
//! standard output (a bar there would interleave with what a tool parses),
//! and only for runs of many sources, where it is worth a line.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::pipeline::Progress;

/// Runs with fewer sources finish before a bar would be read.
const MIN_SOURCES: usize = 50;

#[derive(Debug)]
pub struct Bar(ProgressBar);

impl Bar {
    /// A bar when one is wanted: `machine_on_stdout` is true when the report
    /// goes to standard output in a format other than the terminal one.
    pub fn wanted(quiet: bool, machine_on_stdout: bool) -> Option<Bar> {
        if quiet || machine_on_stdout || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{spinner} checked {pos}/{len} sources [{bar:30}] {per_sec}, {eta} left",
        )
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Some(Bar(bar))
    }
}

impl Progress for Bar {
    fn start(&self, sources: usize) {
        if sources < MIN_SOURCES {
            self.0.set_draw_target(ProgressDrawTarget::hidden());
        }
        self.0.set_length(sources as u64);
    }

    fn advance(&self, sources: usize) {
        self.0.inc(sources as u64);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::Bar;

    #[test]
    fn no_bar_when_quiet_or_when_stdout_carries_a_machine_format() {
        assert!(Bar::wanted(true, false).is_none());
        assert!(Bar::wanted(false, true).is_none());
    }
}

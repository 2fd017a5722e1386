// TEMPORARY (branch `recognize` only): a stand-in CLI so that `factlint
// parse` can be scored before the real CLI exists. The lead replaces this
// file at merge and wires `factlint parse` to
// `factlint::recognize::parse_cmd::run_parse`.
use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use factlint::recognize::Recognizer;
use factlint::recognize::parse_cmd::{ParseFormat, ParseOptions, run_parse};

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

#[derive(Subcommand)]
enum Cmd {
    /// Print every number, range, date and duration recognized in TEXT.
    Parse {
        #[arg(long)]
        reference_date: Option<NaiveDate>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        #[arg(long)]
        batch: bool,
        text: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Cmd::Parse {
        reference_date,
        format,
        batch,
        text,
    } = cli.cmd;
    let format = match format {
        Format::Json => ParseFormat::Json,
        Format::Text => ParseFormat::Text,
    };
    let recognizer = Recognizer::new();
    let stdin = std::io::stdin();
    let mut stdin = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let opts = ParseOptions {
        text,
        reference: reference_date,
        batch,
        format,
    };
    match run_parse(&recognizer, opts, &mut stdin, &mut out, &mut err) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "factlint: {e}");
            ExitCode::from(2)
        }
    }
}

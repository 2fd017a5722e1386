//! The `factlint` binary: parse arguments, run, map the outcome to an exit
//! code (0 clean, 1 findings at or above --fail-on, 2 usage or input error).

use clap::Parser;

fn main() {
    let cli = factlint::cli::Cli::parse();
    let code = match factlint::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            let message = err.to_string();
            eprintln!(
                "factlint: error: {}",
                factlint::text::terminal_safe(&message)
            );
            2
        }
    };
    std::process::exit(code);
}

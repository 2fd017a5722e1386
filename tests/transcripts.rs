//! The command line as transcripts (`tests/cmd/`): each case is a command,
//! its exit code and its exact output, readable as documentation. After a
//! deliberate change, `TRYCMD=overwrite cargo test --test transcripts`
//! rewrites them; review the diff as carefully as code.

#[test]
fn cli_transcripts() {
    trycmd::TestCases::new()
        .default_bin_name("factlint")
        // Help is wrapped to the terminal's width, and there is none here:
        // pin it. Colour stays off whatever the caller's environment says.
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "0")
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.trycmd");
}

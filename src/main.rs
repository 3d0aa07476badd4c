//! The `xxgk` command-line tool: `text`, `tree`, `inspect`, `check`, `convert`, `batch`.
//!
//! Exit codes: 0 ok; 1 findings of error severity (`check`, `convert`) or files that failed
//! (`batch`); 2 unreadable input or usage error.
#![forbid(unsafe_code)]

mod cli;

fn main() {
    std::process::exit(cli::run());
}

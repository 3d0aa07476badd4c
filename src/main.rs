//! The `xxgk` command-line tool: `text`, `tree`, `inspect`, `check`, `convert`, `batch`.
//!
//! Exit codes: 0 ok; 1 findings of error severity (`check`, `convert`) or files that failed
//! (`batch`); 2 unreadable input or usage error.
#![forbid(unsafe_code)]

mod cli;

/// mimalloc: reading a report makes and frees some 1,600 small blocks, and a batch reads
/// thousands of reports; with mimalloc a batch runs about 12 % fewer instructions than with the
/// system allocator. The library leaves the choice of allocator to the program that links it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}

//! Command-line parsing and the single-file commands.

mod batch;
mod output;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};
use xxgk::{Diagnostic, Error, Options, Report, Severity};

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: findings of error severity, or some files of a batch failed.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: unreadable input or usage error.
pub const EXIT_UNREADABLE: i32 = 2;

#[derive(Parser)]
#[command(
    name = "xxgk",
    version,
    about = "Read, check and regenerate government information disclosure annual reports (政府信息公开工作年度报告)",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone, Default)]
pub(crate) struct ReadArgs {
    /// Force the encoding of text dumps (any WHATWG label: gbk, gb18030, utf-16le, big5…).
    #[arg(long, global = true)]
    encoding: Option<String>,
    /// Refuse text dumps with malformed byte sequences instead of reporting them.
    #[arg(long, global = true)]
    strict: bool,
}

impl ReadArgs {
    pub(crate) fn options(&self) -> Options {
        let mut o = Options::default();
        o.text.encoding = self.encoding.clone();
        o.text.strict = self.strict;
        o
    }
}

#[derive(Subcommand)]
enum Command {
    /// Print what the reader saw as a plain-text dump (Apache Tika layout).
    Text {
        /// A .docx file or a legacy .txt dump.
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Print the document tree as JSON.
    Tree {
        /// A .docx file or a legacy .txt dump.
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Print the report model as JSON (schema xxgk.report/1), or as CSV with --csv.
    Inspect {
        /// A .docx file, a legacy .txt dump or a report model .json.
        file: PathBuf,
        /// One CSV line per indicator (file, agency, year, table, code, label, unit, value, kind, number).
        #[arg(long)]
        csv: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Check reports and print their findings; exit 1 on any error-severity finding.
    Check {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also print info-level findings.
        #[arg(long, short)]
        verbose: bool,
        /// The same agency's report of the year before (.docx, .txt or model .json): also check
        /// the cross-year rules (N4 carried-over requests, N6 rules in force) of each file
        /// against it.
        #[arg(long, value_name = "FILE")]
        previous: Option<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Convert a report (.docx, legacy .txt or model .json) into a conforming DOCX.
    Convert {
        /// Input file.
        input: PathBuf,
        /// Output .docx file.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
        /// Add every official row the source lacked (written as `/`).
        #[arg(long)]
        complete: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Read, check (and optionally convert) many reports; aggregate them as CSV / JSONL.
    Batch(batch::BatchArgs),
}

/// Runs the CLI and returns the exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_UNREADABLE
            } else {
                EXIT_OK
            };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Text { file, read } => cmd_text(&file, &read),
        Command::Tree { file, read } => cmd_tree(&file, &read),
        Command::Inspect { file, csv, read } => cmd_inspect(&file, csv, &read),
        Command::Check {
            files,
            verbose,
            previous,
            read,
        } => return cmd_check(&files, verbose, previous.as_deref(), &read),
        Command::Convert {
            input,
            output,
            force,
            complete,
            read,
        } => cmd_convert(&input, &output, force, complete, &read),
        Command::Batch(args) => return batch::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xxgk: {e}");
            EXIT_UNREADABLE
        }
    }
}

fn stdout_write(s: &[u8]) -> Result<i32, Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s).and_then(|_| out.flush()) {
        Ok(()) => Ok(EXIT_OK),
        // A closed pipe (`xxgk text f | head`) is not an error of ours.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(EXIT_OK),
        Err(e) => Err(e.into()),
    }
}

fn cmd_text(file: &Path, read: &ReadArgs) -> Result<i32, Error> {
    let doc = xxgk::read_path(file, &read.options())?;
    print_diagnostics(file, &doc.diagnostics, false);
    stdout_write(xxgk::document::dump::to_text(&doc).as_bytes())
}

fn cmd_tree(file: &Path, read: &ReadArgs) -> Result<i32, Error> {
    let doc = xxgk::read_path(file, &read.options())?;
    let mut s = serde_json::to_string_pretty(&doc).map_err(Error::from)?;
    s.push('\n');
    stdout_write(s.as_bytes())
}

fn cmd_inspect(file: &Path, csv: bool, read: &ReadArgs) -> Result<i32, Error> {
    let report = xxgk::inspect_path(file, &read.options())?;
    if csv {
        let mut buf = Vec::new();
        writeln!(buf, "{}", xxgk::model::csv::HEADER)?;
        xxgk::model::csv::write_rows(&report, &file.to_string_lossy(), &mut buf)?;
        stdout_write(&buf)
    } else {
        let mut s = serde_json::to_string_pretty(&report).map_err(Error::from)?;
        s.push('\n');
        stdout_write(s.as_bytes())
    }
}

fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// Prints diagnostics to stderr, one line each, prefixed by the file.
pub(crate) fn print_diagnostics(file: &Path, diags: &[Diagnostic], verbose: bool) {
    let mut err = std::io::stderr().lock();
    for d in diags {
        if d.severity == Severity::Info && !verbose {
            continue;
        }
        let _ = writeln!(err, "{}: {d}", file.display());
    }
}

fn cmd_check(files: &[PathBuf], verbose: bool, previous: Option<&Path>, read: &ReadArgs) -> i32 {
    let opts = read.options();
    let previous = match previous.map(|p| xxgk::inspect_path(p, &opts)).transpose() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("xxgk: previous year's report: {e}");
            return EXIT_UNREADABLE;
        }
    };
    let mut code = EXIT_OK;
    for file in files {
        match xxgk::inspect_path(file, &opts) {
            Ok(mut report) => {
                if let Some(prev) = &previous {
                    let mut found = xxgk::validate::across_years(prev, &report);
                    report.diagnostics.append(&mut found);
                }
                print_diagnostics(file, &report.diagnostics, verbose);
                let (e, w) = count(&report);
                println!("{}: {} error(s), {} warning(s)", file.display(), e, w);
                if e > 0 && code == EXIT_OK {
                    code = EXIT_FINDINGS;
                }
            }
            Err(e) => {
                eprintln!("xxgk: {e}");
                code = EXIT_UNREADABLE;
            }
        }
    }
    code
}

fn count(report: &Report) -> (usize, usize) {
    let e = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let w = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    (e, w)
}

fn cmd_convert(
    input: &Path,
    output: &Path,
    force: bool,
    complete: bool,
    read: &ReadArgs,
) -> Result<i32, Error> {
    output::check_target(input, output, force)?;
    let report = xxgk::inspect_path(input, &read.options())?;
    let mut wopts = xxgk::docx::WriteOptions::default();
    wopts.complete = complete;
    let written = output::write_atomically(output, |f| xxgk::docx::write_with(&report, f, &wopts))?;
    print_diagnostics(input, &report.diagnostics, false);
    print_diagnostics(output, &written, false);
    Ok(if has_errors(&report.diagnostics) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

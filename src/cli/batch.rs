//! `xxgk batch`: many reports in one run, in parallel, in a deterministic order, with bounded
//! memory (inputs are processed in windows; nothing is kept per file but its summary).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use rayon::prelude::*;
use xxgk::{Error, Severity};

use super::{output, ReadArgs, EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE};

/// Arguments of `xxgk batch`.
#[derive(Args)]
pub(crate) struct BatchArgs {
    /// Files or directories (directories are searched recursively for .docx and .txt).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Write a conforming DOCX per input into this directory (same relative path).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write one CSV line per indicator of every report to this file.
    #[arg(long)]
    csv: Option<PathBuf>,
    /// Write one JSON report per line to this file.
    #[arg(long)]
    jsonl: Option<PathBuf>,
    /// Parallel jobs (default: the number of cores).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// With --out: add every official row the source lacked.
    #[arg(long)]
    complete: bool,
    /// Replace existing output files.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    read: ReadArgs,
}

/// One input and where its output goes.
struct Job {
    path: PathBuf,
    /// Path relative to the input root it came from.
    rel: PathBuf,
}

/// What is kept of one processed file.
enum Outcome {
    Done {
        csv: Vec<u8>,
        jsonl: Vec<u8>,
        converted: bool,
        findings: Vec<(Severity, String)>,
    },
    Failed(String),
}

fn collect(inputs: &[PathBuf]) -> Result<Vec<Job>, Error> {
    let mut jobs = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| Error::from(e).in_file(input))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found, 0)?;
            found.sort();
            for p in found {
                let rel = p.strip_prefix(input).unwrap_or(&p).to_path_buf();
                jobs.push(Job { path: p, rel });
            }
        } else {
            let rel = PathBuf::from(input.file_name().unwrap_or(input.as_os_str()));
            jobs.push(Job {
                path: input.clone(),
                rel,
            });
        }
    }
    Ok(jobs)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> Result<(), Error> {
    if depth > 64 {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::from(e).in_file(dir))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::from(e).in_file(dir))?;
        let path = entry.path();
        let ft = entry
            .file_type()
            .map_err(|e| Error::from(e).in_file(&path))?;
        if ft.is_dir() {
            walk(&path, out, depth + 1)?;
        } else if ft.is_file() {
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            if matches!(ext.as_deref(), Some("docx") | Some("txt")) {
                out.push(path);
            }
        }
    }
    Ok(())
}

fn process(job: &Job, args: &BatchArgs) -> Outcome {
    let report = match xxgk::inspect_path(&job.path, &args.read.options()) {
        Ok(r) => r,
        Err(e) => return Outcome::Failed(e.kind().to_string()),
    };
    let file = job.path.to_string_lossy();
    let mut csv = Vec::new();
    if args.csv.is_some() {
        if let Err(e) = xxgk::model::csv::write_rows(&report, &file, &mut csv) {
            return Outcome::Failed(e.to_string());
        }
    }
    let mut jsonl = Vec::new();
    if args.jsonl.is_some() {
        match serde_json::to_vec(&report) {
            Ok(v) => {
                jsonl = v;
                jsonl.push(b'\n');
            }
            Err(e) => return Outcome::Failed(e.to_string()),
        }
    }
    let mut converted = false;
    if let Some(out_dir) = &args.out {
        let target = out_dir.join(&job.rel).with_extension("docx");
        let mut wopts = xxgk::docx::WriteOptions::default();
        wopts.complete = args.complete;
        let written = output::check_target(&job.path, &target, args.force).and_then(|_| {
            output::write_atomically(&target, |f| xxgk::docx::write_with(&report, f, &wopts))
        });
        match written {
            Ok(_) => converted = true,
            Err(e) => return Outcome::Failed(format!("cannot convert: {e}")),
        }
    }
    let findings = report
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.code.clone()))
        .collect();
    Outcome::Done {
        csv,
        jsonl,
        converted,
        findings,
    }
}

fn create(path: &Option<PathBuf>) -> Result<Option<BufWriter<File>>, Error> {
    match path {
        None => Ok(None),
        Some(p) => {
            let f = File::create(p).map_err(|e| Error::from(e).in_file(p))?;
            Ok(Some(BufWriter::new(f)))
        }
    }
}

/// Runs the batch and returns the exit code.
pub(crate) fn run(args: &BatchArgs) -> i32 {
    match run_inner(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xxgk: {e}");
            EXIT_UNREADABLE
        }
    }
}

fn run_inner(args: &BatchArgs) -> Result<i32, Error> {
    let jobs = collect(&args.inputs)?;
    let threads = args.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::Unsupported {
            detail: format!("cannot start worker threads: {e}"),
        })?;
    let mut csv = create(&args.csv)?;
    if let Some(w) = csv.as_mut() {
        writeln!(w, "{}", xxgk::model::csv::HEADER)?;
    }
    let mut jsonl = create(&args.jsonl)?;

    let terminal = std::io::stderr().is_terminal();
    let bar = if terminal {
        let b = indicatif::ProgressBar::new(jobs.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{elapsed_precise} [{bar:40}] {pos}/{len} {per_sec} {msg}",
        ) {
            b.set_style(style.progress_chars("=> "));
        }
        Some(b)
    } else {
        None
    };

    let mut reports = 0usize;
    let mut converted = 0usize;
    let mut by_code: BTreeMap<(Severity, String), usize> = BTreeMap::new();
    let mut failed: Vec<(PathBuf, String)> = Vec::new();
    let window = pool.current_num_threads().max(1) * 16;
    let mut done = 0usize;
    for chunk in jobs.chunks(window) {
        let outcomes: Vec<Outcome> =
            pool.install(|| chunk.par_iter().map(|j| process(j, args)).collect());
        // The plain log lines of a window, written at once.
        let mut log: Vec<u8> = Vec::new();
        for (job, outcome) in chunk.iter().zip(outcomes) {
            done += 1;
            match outcome {
                Outcome::Done {
                    csv: c,
                    jsonl: j,
                    converted: conv,
                    findings,
                } => {
                    reports += 1;
                    converted += conv as usize;
                    if let Some(w) = csv.as_mut() {
                        w.write_all(&c)?;
                    }
                    if let Some(w) = jsonl.as_mut() {
                        w.write_all(&j)?;
                    }
                    let errors = findings.iter().filter(|f| f.0 == Severity::Error).count();
                    let warnings = findings.iter().filter(|f| f.0 == Severity::Warning).count();
                    for f in findings {
                        *by_code.entry(f).or_default() += 1;
                    }
                    if bar.is_none() {
                        let _ = writeln!(
                            log,
                            "[{done}/{}] {}: ok, {errors} error(s), {warnings} warning(s)",
                            jobs.len(),
                            job.path.display()
                        );
                    }
                }
                Outcome::Failed(reason) => {
                    if bar.is_none() {
                        let _ = writeln!(
                            log,
                            "[{done}/{}] {}: failed: {reason}",
                            jobs.len(),
                            job.path.display()
                        );
                    }
                    failed.push((job.path.clone(), reason));
                }
            }
            if let Some(b) = &bar {
                b.inc(1);
            }
        }
        if !log.is_empty() {
            let _ = std::io::stderr().lock().write_all(&log);
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let Some(mut w) = csv {
        w.flush()?;
    }
    if let Some(mut w) = jsonl {
        w.flush()?;
    }

    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "reports: {reports} read, {converted} converted, {} failed",
        failed.len()
    );
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let rows: Vec<_> = by_code.iter().filter(|((s, _), _)| *s == sev).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{sev}s by code:");
        for ((_, code), n) in rows {
            let _ = writeln!(out, "  {code}: {n}");
        }
    }
    if !failed.is_empty() {
        let _ = writeln!(out, "failed files:");
        for (p, why) in &failed {
            let _ = writeln!(out, "  {}: {why}", p.display());
        }
    }
    Ok(if failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}

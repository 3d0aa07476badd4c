//! Converts a legacy report to a conforming DOCX.
//!
//! With no arguments, the built-in Ningbo 2018 text dump becomes `ningbo2018.docx` in the
//! current directory; with file arguments, each file (DOCX or text dump) becomes `<stem>.docx`
//! in the current directory. Files are written to a temporary name first and renamed, so a
//! failed conversion never leaves half a file.
//!
//! ```text
//! cargo run --example convert_legacy                 # → ningbo2018.docx
//! cargo run --example convert_legacy -- a.txt b.docx # → a.docx, b.docx
//! ```

use std::path::{Path, PathBuf};

use xxgk::{docx, Options, Report};

/// Writes `report` to `target` atomically; returns the writer's diagnostics.
fn write_atomically(report: &Report, target: &Path) -> xxgk::Result<Vec<xxgk::Diagnostic>> {
    let tmp = target.with_extension("docx.tmp");
    let result = std::fs::File::create(&tmp)
        .map_err(xxgk::Error::from)
        .and_then(|f| docx::write(report, std::io::BufWriter::new(f)))
        .and_then(|d| std::fs::rename(&tmp, target).map(|_| d).map_err(Into::into));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| e.in_file(target))
}

fn summary(target: &Path, report: &Report, written: &[xxgk::Diagnostic]) {
    let rows: usize = report.tables.iter().map(|t| t.rows.len()).sum();
    println!(
        "{}: {} sections, {} table rows, {} diagnostics ({} from writing)",
        target.display(),
        report.sections.len(),
        rows,
        report.diagnostics.len() + written.len(),
        written.len()
    );
}

fn convert(report: &Report, target: &Path) -> bool {
    match write_atomically(report, target) {
        Ok(diags) => {
            summary(target, report, &diags);
            true
        }
        Err(e) => {
            eprintln!("error: {e}");
            false
        }
    }
}

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let opts = Options::default();
    let mut ok = true;
    if args.is_empty() {
        match xxgk::inspect_bytes(xxgk::SAMPLE_NINGBO_2018_TXT, Some("ningbo2018.txt"), &opts) {
            Ok(report) => ok &= convert(&report, Path::new("ningbo2018.docx")),
            Err(e) => {
                eprintln!("error: built-in sample: {e}");
                ok = false;
            }
        }
    }
    for path in &args {
        let stem = path
            .file_stem()
            .map_or_else(|| "report".into(), |s| s.to_os_string());
        let target = PathBuf::from(stem).with_extension("docx");
        match xxgk::inspect_path(path, &opts) {
            Ok(report) => ok &= convert(&report, &target),
            Err(e) => {
                eprintln!("error: {e}");
                ok = false;
            }
        }
    }
    std::process::exit(i32::from(!ok));
}

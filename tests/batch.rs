//! `xxgk batch` over many reports: memory stays flat. 100 and 1,000 hard links to one sample are
//! checked in one run each and the child's peak resident memory (VmHWM, polled from
//! /proc/<pid>/status) is compared: ten times the reports may not cost meaningfully more memory.
//!
//! Linux only (reads /proc); elsewhere the test passes without measuring. A long step (1,100
//! reports): `cargo test --release --test batch -- --ignored`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel)
}

/// A fresh directory holding `n` links (or copies) of `sample`.
fn copies(sample: &Path, n: usize, tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("xxgk-batch-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    for i in 0..n {
        let to = d.join(format!("{i:05}.docx"));
        if std::fs::hard_link(sample, &to).is_err() {
            std::fs::copy(sample, &to).unwrap();
        }
    }
    d
}

/// kB value of a `Name:   123 kB` line of /proc/<pid>/status.
fn status_kb(pid: u32, key: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Runs `xxgk batch DIR --csv OUT --jobs 2`; returns the exit code, the peak resident memory in
/// kB seen while polling, and the CSV's line count.
fn batch_peak(dir: &Path) -> (Option<i32>, u64, usize) {
    let csv = dir.with_extension("csv");
    let mut child = Command::new(env!("CARGO_BIN_EXE_xxgk"))
        .arg("batch")
        .arg(dir)
        .arg("--csv")
        .arg(&csv)
        .args(["--jobs", "2"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run xxgk");
    let mut peak = 0;
    let status = loop {
        if let Some(kb) = status_kb(child.id(), "VmHWM:") {
            peak = peak.max(kb);
        }
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let lines = std::fs::read_to_string(&csv)
        .map(|s| s.lines().count())
        .unwrap_or(0);
    let _ = std::fs::remove_file(&csv);
    (status.code(), peak, lines)
}

#[test]
#[ignore = "long: 1,100 reports; run with --ignored (release)"]
fn memory_stays_flat_from_100_to_1000_reports() {
    if !Path::new("/proc/self/status").exists() {
        return;
    }
    let sample = shared("samples/ningbo2018_wordlike.docx");
    let small = copies(&sample, 100, "100");
    let large = copies(&sample, 1000, "1000");
    let (code_s, peak_s, lines_s) = batch_peak(&small);
    let (code_l, peak_l, lines_l) = batch_peak(&large);
    let _ = std::fs::remove_dir_all(&small);
    let _ = std::fs::remove_dir_all(&large);

    eprintln!("peak RSS: {peak_s} kB for 100 reports, {peak_l} kB for 1000 reports");
    // Every report was read (same exit code both times, one CSV block per report).
    assert_eq!(code_s, code_l);
    assert!(lines_s > 100, "csv lines for 100 reports: {lines_s}");
    assert_eq!(
        (lines_l - 1),
        (lines_s - 1) * 10,
        "csv lines: 1000 vs 100 reports"
    );
    // Peak memory: ten times the reports cost at most a quarter of the smaller peak more, or
    // 8 MiB when that is larger (allocator noise on a small peak).
    assert!(peak_s > 0, "no memory figure read");
    let allowed = peak_s + (peak_s / 4).max(8 * 1024);
    assert!(
        peak_l <= allowed,
        "peak RSS grew from {peak_s} kB (100 reports) to {peak_l} kB (1000 reports)"
    );
}

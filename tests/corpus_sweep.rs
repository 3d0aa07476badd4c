//! Long sweep (CI's long step: `cargo test --release --test corpus_sweep -- --ignored`): every
//! `.docx` of ../shared/corpus read under the default limits by the built `xxgk` binary
//! (`xxgk tree FILE`), one child process per file, timed and measured with `/usr/bin/time`
//! (peak resident set). The table goes to `corpus-sweep.tsv` in the target directory (or to
//! `$CORPUS_SWEEP_TSV`): file, outcome (`ok`, `error`, or how it died), milliseconds, peak KiB.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One file: (outcome, milliseconds, peak KiB).
fn measure(file: &Path, report: &Path) -> (String, u128, u64) {
    let t = Instant::now();
    let mut child = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(report)
        .arg(env!("CARGO_BIN_EXE_xxgk"))
        .arg("tree")
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("/usr/bin/time runs (Debian package `time`)");
    let limit = Duration::from_secs(if cfg!(debug_assertions) { 300 } else { 60 });
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if t.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let ms = t.elapsed().as_millis();
    let kib = std::fs::read_to_string(report)
        .ok()
        .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()))
        .unwrap_or(0);
    // /usr/bin/time exits with the command's code, or 128 + signal when it was killed.
    let outcome = match status.and_then(|s| s.code()) {
        None if status.is_none() => "timeout".to_string(),
        Some(0) => "ok".to_string(),
        Some(2) => "error".to_string(),
        Some(c) => format!("died({c})"),
        None => "died(signal)".to_string(),
    };
    (outcome, ms, kib)
}

#[test]
#[ignore = "long: run in CI's long step with --release"]
fn every_corpus_file_reads_in_bounded_time_and_memory() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files = Vec::new();
    support::docx_files(&root, &mut files);
    files.sort();
    assert!(files.len() > 100, "corpus not found at {root:?}");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let tsv = std::env::var_os("CORPUS_SWEEP_TSV")
        .map(PathBuf::from)
        .unwrap_or_else(|| target.join("corpus-sweep.tsv"));
    let report = std::env::temp_dir().join(format!("xxgk-sweep-{}.time", std::process::id()));
    let mut out = String::from("file\toutcome\tms\tpeak_kib\n");
    let mut bad = Vec::new();
    let (mut ok, mut err, mut total_ms) = (0, 0, 0u128);
    let mut slowest = (0u128, String::new());
    let mut largest = (0u64, String::new());
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap().to_string_lossy().to_string();
        let (outcome, ms, kib) = measure(f, &report);
        match outcome.as_str() {
            "ok" => ok += 1,
            "error" => err += 1,
            _ => bad.push(format!("{rel}: {outcome}")),
        }
        total_ms += ms;
        if ms > slowest.0 {
            slowest = (ms, rel.clone());
        }
        if kib > largest.0 {
            largest = (kib, rel.clone());
        }
        out.push_str(&format!("{rel}\t{outcome}\t{ms}\t{kib}\n"));
    }
    let _ = std::fs::remove_file(&report);
    std::fs::write(&tsv, &out).unwrap();
    println!(
        "{} files: {ok} read, {err} refused; {total_ms} ms in all; slowest {} ms ({}); \
         largest peak {} KiB ({}); table: {}",
        files.len(),
        slowest.0,
        slowest.1,
        largest.0,
        largest.1,
        tsv.display()
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // Bounded: a few seconds and a few hundred MiB for any corpus file (files are < 2 MiB).
    if !cfg!(debug_assertions) {
        assert!(slowest.0 < 10_000, "slowest: {slowest:?}");
    }
    assert!(largest.0 < 512 * 1024, "largest peak: {largest:?}");
}

#[path = "../benches/common/mod.rs"]
mod common;

#[test]
#[ignore = "long: run in CI's long step with --release"]
fn peak_memory_of_the_100x_sample_is_a_small_multiple_of_its_xml() {
    use std::io::Read;
    let big = common::repeat_body(&common::sample("ningbo2018_wordlike.docx"), 100);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(big.as_slice())).unwrap();
    let mut xml_bytes = 0u64;
    for name in common::READ_PARTS {
        if let Ok(mut f) = zip.by_name(name) {
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            xml_bytes += v.len() as u64;
        }
    }
    let dir = std::env::temp_dir().join(format!("xxgk-mem-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sample100.docx");
    std::fs::write(&file, &big).unwrap();
    // The bare process (a missing file) for the baseline, then `xxgk text` and `xxgk tree`.
    let (_, _, bare) = measure(&dir.join("missing.docx"), &dir.join("bare.time"));
    let mut lines = Vec::new();
    for cmd in ["text", "tree"] {
        let t = Instant::now();
        let status = Command::new("/usr/bin/time")
            .args(["-f", "%M", "-o"])
            .arg(dir.join("run.time"))
            .arg(env!("CARGO_BIN_EXE_xxgk"))
            .arg(cmd)
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        let ms = t.elapsed().as_millis();
        assert!(status.success(), "xxgk {cmd}: {status}");
        let kib: u64 = std::fs::read_to_string(dir.join("run.time"))
            .unwrap()
            .lines()
            .last()
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        let ratio = (kib.saturating_sub(bare) * 1024) as f64 / xml_bytes as f64;
        lines.push(format!(
            "xxgk {cmd}: {ms} ms, peak {kib} KiB ({bare} KiB bare process), {:.1}× the {} KiB of \
             inflated XML",
            ratio,
            xml_bytes / 1024
        ));
        // The tree, its JSON and the inflated parts: a bounded multiple, not a blow-up.
        assert!(ratio < 40.0, "{}", lines.last().unwrap());
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "100× ningbo2018_wordlike.docx ({} KiB zipped):\n{}",
        big.len() / 1024,
        lines.join("\n")
    );
}

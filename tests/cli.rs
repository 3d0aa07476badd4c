//! The `xxgk` command line: exit codes, safe output files, batch determinism.

#[path = "tools/reports.rs"]
mod reports;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn xxgk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xxgk"))
        .args(args)
        .output()
        .expect("run xxgk")
}

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel)
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("xxgk-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn help_is_success_and_usage_error_is_2() {
    assert_eq!(xxgk(&["--help"]).status.code(), Some(0));
    assert_eq!(xxgk(&["no-such-command"]).status.code(), Some(2));
    assert_eq!(xxgk(&["inspect"]).status.code(), Some(2));
}

#[test]
fn missing_file_is_2_and_named() {
    let out = xxgk(&["inspect", "/nonexistent/report.docx"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/report.docx"), "{err}");
}

#[test]
fn inspect_text_dump_gives_the_report_json() {
    let out = xxgk(&["inspect", s(&shared("samples/ningbo2018_utf8.txt"))]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "xxgk.report/1");
    // The first line of the dump (after an empty line) is the title.
    assert_eq!(v["title"], "市外办2018年政府信息公开工作年度报告");
    assert_eq!(v["agency"], "市外办");
    assert_eq!(v["year"], 2018);
}

#[test]
fn inspect_csv_has_one_line_per_indicator() {
    let out = xxgk(&[
        "inspect",
        "--csv",
        s(&shared("samples/ningbo2018_utf8.txt")),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], xxgk::model::csv::HEADER);
    // The sample's table has 65 indicator rows (formats.md §2.4).
    assert_eq!(lines.len(), 1 + 65, "{text}");
}

#[test]
fn check_unreadable_is_2() {
    let dir = tempdir("check");
    let bad = dir.join("bad.docx");
    std::fs::write(&bad, b"PK\x03\x04 this is not a zip").unwrap();
    let out = xxgk(&["check", s(&bad)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.docx"));
}

#[test]
fn convert_writes_and_refuses_to_overwrite() {
    let dir = tempdir("convert");
    let out_path = dir.join("out.docx");
    let input = shared("samples/ningbo2018_utf8.txt");
    let first = xxgk(&["convert", s(&input), "-o", s(&out_path)]);
    assert!(
        matches!(first.status.code(), Some(0) | Some(1)),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let bytes = std::fs::read(&out_path).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    // Exists: refused without --force, file untouched.
    let again = xxgk(&["convert", s(&input), "-o", s(&out_path)]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(std::fs::read(&out_path).unwrap(), bytes);
    // With --force it is replaced.
    let forced = xxgk(&["convert", s(&input), "-o", s(&out_path), "--force"]);
    assert!(matches!(forced.status.code(), Some(0) | Some(1)));
}

#[test]
fn convert_never_overwrites_its_input() {
    let dir = tempdir("self");
    let input = dir.join("report.txt");
    std::fs::copy(shared("samples/ningbo2018_utf8.txt"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = xxgk(&["convert", s(&input), "-o", s(&input), "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn failed_convert_leaves_no_file() {
    let dir = tempdir("partial");
    let bad = dir.join("bad.docx");
    std::fs::write(
        &bad,
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
    )
    .unwrap();
    let target = dir.join("out.docx");
    let out = xxgk(&["convert", s(&bad), "-o", s(&target)]);
    assert_eq!(out.status.code(), Some(2));
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        vec![std::ffi::OsString::from("bad.docx")],
        "{names:?}"
    );
}

#[test]
fn batch_records_failures_and_is_deterministic() {
    let dir = tempdir("batch");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    for f in [
        "ningbo2018_utf8.txt",
        "ningbo2018_gbk.txt",
        "ningbo2018_plain.docx",
        "stats2016_libreoffice.docx",
    ] {
        std::fs::copy(shared("samples").join(f), inputs.join(f)).unwrap();
    }
    std::fs::write(inputs.join("corrupt.docx"), b"PK\x03\x04garbage").unwrap();
    let csv1 = dir.join("one.csv");
    let csv2 = dir.join("two.csv");
    let out_dir = dir.join("out");
    let a = xxgk(&[
        "batch",
        s(&inputs),
        "--csv",
        s(&csv1),
        "--jobs",
        "1",
        "--out",
        s(&out_dir),
    ]);
    let b = xxgk(&["batch", s(&inputs), "--csv", s(&csv2), "--jobs", "2"]);
    assert_eq!(a.status.code(), Some(1), "one file failed");
    assert_eq!(b.status.code(), Some(1));
    let summary = String::from_utf8_lossy(&a.stdout);
    assert!(
        summary.contains("reports: 4 read, 4 converted, 1 failed"),
        "{summary}"
    );
    assert!(summary.contains("corrupt.docx"), "{summary}");
    let c1 = std::fs::read(&csv1).unwrap();
    assert_eq!(c1, std::fs::read(&csv2).unwrap());
    assert!(out_dir.join("ningbo2018_plain.docx").exists());
    assert!(out_dir.join("ningbo2018_utf8.docx").exists());
}

/// The sample dump with the requests by channel filled in so that they do not add up to the
/// requests received (收到申请数 5 ≠ 2 + 0 + 0 + 0): an error-severity finding (LR1).
fn sample_with_bad_sum(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(shared("samples/ningbo2018_utf8.txt")).unwrap();
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut set = |label: &str, value: &str| {
        let i = lines.iter().position(|l| l.contains(label)).unwrap();
        // label line, unit line, value line
        assert_eq!(lines[i + 2], "\t/", "{label}");
        lines[i + 2] = format!("\t{value}");
    };
    set("（一）收到申请数", "5");
    set("1.当面申请数", "2");
    set("2.传真申请数", "0");
    set("3.网络申请数", "0");
    set("4.信函申请数", "0");
    let p = dir.join("bad_sum.txt");
    std::fs::write(&p, lines.join("\n")).unwrap();
    p
}

#[test]
fn check_exits_1_on_an_error_finding_and_names_file_and_row() {
    let dir = tempdir("findings");
    let bad = sample_with_bad_sum(&dir);
    let out = xxgk(&["check", s(&bad)]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find(|l| l.contains("validate.LR1"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.starts_with(s(&bad)), "{line}");
    assert!(line.contains("tables[0].rows["), "{line}");
    // The clean sample passes.
    let ok = xxgk(&["check", s(&shared("samples/ningbo2018_utf8.txt"))]);
    assert_eq!(ok.status.code(), Some(0));
}

#[test]
fn check_against_the_previous_year() {
    // Rules in force (表二, 第二十条第（一）项): 12 last year, 2 made and 1 repealed this year,
    // so 13 are expected; the report says 15 (N6, an info finding).
    let active = reports::rules_in_force;
    let dir = tempdir("previous");
    let prev = dir.join("2020.json");
    let cur = dir.join("2021.json");
    std::fs::write(&prev, serde_json::to_vec(&active("1", "0", "12")).unwrap()).unwrap();
    std::fs::write(&cur, serde_json::to_vec(&active("2", "1", "15")).unwrap()).unwrap();
    // Findings go to standard error.
    let text = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();
    let with = xxgk(&["check", "-v", "--previous", s(&prev), s(&cur)]);
    assert!(text(&with).contains("validate.N6"), "{}", text(&with));
    let without = xxgk(&["check", "-v", s(&cur)]);
    assert!(!text(&without).contains("validate.N6"));
    let missing = dir.join("2019.json");
    let out = xxgk(&["check", "--previous", s(&missing), s(&cur)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2019.json"));
}

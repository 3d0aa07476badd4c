//! Conformance of written documents, checked by outside tools: `openxml-audit` finds zero
//! errors, python-docx reads the same paragraph and cell texts, LibreOffice converts to PDF.
//!
//! A missing tool fails the test under `CI=true` (naming the tool) and prints a skip notice
//! otherwise. Set `XXGK_KEEP=dir` to keep the written files (and PDFs) in `dir`.

#[path = "tools/truth.rs"]
mod truth;

use std::path::{Path, PathBuf};
use std::process::Command;

use xxgk::docx::{self, WriteOptions};
use xxgk::Report;

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// True when `tool` runs; otherwise fails under CI or prints a skip notice.
fn have(tool: &str, probe: &[&str]) -> bool {
    let ok = Command::new(tool)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !ci(),
            "conformance tool missing: `{tool}` (install it: see .ci/run)"
        );
        eprintln!("skipped: `{tool}` is not installed");
    }
    ok
}

fn python_docx() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !ci(),
            "conformance tool missing: python module `docx` (pip install python-docx)"
        );
        eprintln!("skipped: python-docx is not installed");
    }
    ok
}

fn out_dir(name: &str) -> PathBuf {
    let dir = match std::env::var_os("XXGK_KEEP") {
        Some(d) => PathBuf::from(d),
        None => {
            std::env::temp_dir().join(format!("xxgk-conformance-{}-{name}", std::process::id()))
        }
    };
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(report: &Report, opts: &WriteOptions, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.docx"));
    let file = std::fs::File::create(&path).unwrap();
    docx::write_with(report, std::io::BufWriter::new(file), opts).unwrap();
    path
}

fn audit(path: &Path) {
    if !have("openxml-audit", &["--help"]) {
        return;
    }
    let out = Command::new("openxml-audit")
        .args(["--output", "json", "--max-errors", "0"])
        .arg(path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let (valid, errors) = audit_result(&stdout);
    assert!(
        valid && errors.is_empty(),
        "openxml-audit found {} error(s) in {}:\n{}",
        errors.len(),
        path.display(),
        serde_json::to_string_pretty(&errors).unwrap()
    );
}

/// `openxml-audit --output json` prints one object per file: `valid`, `error_count`, `errors`.
fn audit_result(stdout: &str) -> (bool, Vec<serde_json::Value>) {
    let json: serde_json::Value = serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("openxml-audit output is not json ({e}): {stdout}"));
    let files = json
        .as_array()
        .cloned()
        .unwrap_or_else(|| vec![json.clone()]);
    assert!(
        !files.is_empty(),
        "openxml-audit reported no file: {stdout}"
    );
    let mut valid = true;
    let mut errors = Vec::new();
    for f in &files {
        valid &= f["valid"].as_bool() == Some(true) && f["error_count"].as_u64() == Some(0);
        errors.extend(f["errors"].as_array().cloned().unwrap_or_default());
    }
    (valid, errors)
}

/// The check can fail: docx-rs's own package of a small document has schema errors.
#[test]
fn audit_rejects_docx_rs_as_is() {
    if !have("openxml-audit", &["--help"]) {
        return;
    }
    let dir = out_dir("docx-rs");
    let path = dir.join("docx-rs.docx");
    let para = docx_rs::Paragraph::new()
        .add_run(docx_rs::Run::new().add_text("正文").size(32))
        .align(docx_rs::AlignmentType::Center);
    docx_rs::Docx::new()
        .add_paragraph(para)
        .build()
        .pack(std::fs::File::create(&path).unwrap())
        .unwrap();
    let out = Command::new("openxml-audit")
        .args(["--output", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let (valid, errors) = audit_result(&String::from_utf8_lossy(&out.stdout));
    assert!(!valid && !errors.is_empty());
}

fn texts(path: &Path, report: &Report) {
    if !python_docx() {
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/texts.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    // python-docx shows the title's line break as `\n`; the model joins the lines.
    let got: Vec<String> = got.into_iter().map(|t| t.replace('\n', "")).collect();
    let want = truth::expected_texts(report);
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "paragraph {i} of {}", path.display());
    }
    assert_eq!(
        got.len(),
        want.len(),
        "paragraph count of {}",
        path.display()
    );
}

fn converts(path: &Path, dir: &Path) {
    if !have("soffice", &["--version"]) {
        return;
    }
    let stem = path.file_stem().unwrap().to_string_lossy();
    let profile = dir.join(format!("lo-profile-{stem}"));
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(path)
        .output()
        .unwrap();
    let pdf = path.with_extension("pdf");
    assert!(
        pdf.exists() && std::fs::metadata(&pdf).unwrap().len() > 1000,
        "LibreOffice did not convert {}: {}{}",
        path.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn check(report: &Report, opts: &WriteOptions, name: &str) {
    let dir = out_dir(name);
    let path = write(report, opts, &dir, name);
    audit(&path);
    texts(&path, report);
    converts(&path, &dir);
}

#[test]
fn ningbo_report_conforms() {
    check(&truth::ningbo(), &WriteOptions::default(), "ningbo2018");
}

#[test]
fn stats2016_report_conforms() {
    let report = truth::report_from_truth(&truth::shared("samples/truth/stats2016.json"));
    check(&report, &WriteOptions::default(), "stats2016");
}

#[test]
fn completed_partial_table_conforms() {
    let mut report = truth::ningbo();
    report.tables[0]
        .rows
        .retain(|r| r.code.as_deref().is_some_and(|c| !c.starts_with('C')));
    report.anchors.clear();
    let dir = out_dir("completed");
    let path = write(&report, &WriteOptions::complete(true), &dir, "completed");
    audit(&path);
    converts(&path, &dir);
}

#[test]
fn empty_report_conforms() {
    check(&Report::default(), &WriteOptions::default(), "empty");
}

/// Every shared sample, read, recognized and written again, conforms.
#[test]
fn every_sample_conforms_after_conversion() {
    let paths = truth::sample_inputs();
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let report = xxgk::inspect_path(&path, &xxgk::Options::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!report.title.is_empty(), "{name}: no title recognized");
        let out = out_dir(&format!("sample-{name}"));
        let written = write(
            &report,
            &WriteOptions::default(),
            &out,
            &format!("sample-{name}"),
        );
        audit(&written);
        texts(&written, &report);
        converts(&written, &out);
    }
}

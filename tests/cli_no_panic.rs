//! The `xxgk` binary never panics (exit 101) or dies by a signal: `xxgk inspect` and
//! `xxgk convert` over the samples, the corpus files broken on purpose, the saved fuzz inputs and
//! hostile inputs made here end with 0, 1 or 2. The whole corpus runs in CI's long step
//! (`cargo test --release --test cli_no_panic -- --ignored`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const CT: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("xxgk-nopanic-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn package(document: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in [
        ("[Content_Types].xml", CT),
        ("_rels/.rels", RELS),
        ("word/document.xml", document),
    ] {
        w.start_file(name, o).unwrap();
        w.write_all(data.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn body(inner: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>"#
    )
}

fn nested(open: &str, close: &str, n: usize, inner: &str) -> String {
    format!("{}{inner}{}", open.repeat(n), close.repeat(n))
}

/// Hostile inputs written to `dir`: (file name, bytes).
fn hostile(dir: &Path) -> Vec<PathBuf> {
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("empty.docx", Vec::new()),
        ("empty.txt", Vec::new()),
        ("ole.docx", vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]),
        ("garbage.docx", b"PK\x03\x04 not a zip at all".to_vec()),
        ("nul.txt", b"\x00\x01\x02abc\x00".to_vec()),
        ("html.docx", b"<html><body>hi</body></html>".to_vec()),
        ("bad.json", b"{\"schema\": \"xxgk.report/1\", \"tables\": [".to_vec()),
        (
            "huge-numbers.json",
            b"{\"schema\":\"xxgk.report/1\",\"year\":99999999999999999999}".to_vec(),
        ),
        ("utf16-odd.txt", vec![0xFF, 0xFE, 0x41]),
        ("lone-surrogates.txt", vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]),
        (
            "tables-deep.docx",
            package(&body(&nested(
                "<w:tbl><w:tr><w:tc>",
                "<w:p/></w:tc></w:tr></w:tbl>",
                20_000,
                "<w:p/>",
            ))),
        ),
        (
            "sdt-deep.docx",
            package(&body(&nested(
                "<w:sdt><w:sdtContent>",
                "</w:sdtContent></w:sdt>",
                20_000,
                "<w:p/>",
            ))),
        ),
        (
            "spans.docx",
            package(&body(&format!(
                r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="4294967295"/><w:vMerge/></w:tcPr><w:p/></w:tc>{}</w:tr><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/><w:gridSpan w:val="-3"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"#,
                cell("一")
            ))),
        ),
        (
            "entities.docx",
            package(&format!(
                r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "&b;&b;"><!ENTITY b "&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&a;&x;&#0;&#xFFFFFF;</w:t></w:r></w:p></w:body></w:document>"#
            )),
        ),
        (
            "unclosed.docx",
            package(&format!(
                r#"<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>半"#
            )),
        ),
        (
            "report-words.txt",
            "政府信息公开工作年度报告\n\t一、总体情况\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n本年新制作数量\t-99999999999999999999999\t１２\n"
                .as_bytes()
                .to_vec(),
        ),
    ];
    inputs
        .into_iter()
        .map(|(name, bytes)| {
            let p = dir.join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        })
        .collect()
}

/// Runs `xxgk ARGS` with a time limit; the exit code, or a description of how it ended.
fn run(args: &[&std::ffi::OsStr], limit: Duration) -> Result<i32, String> {
    let t = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_xxgk"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s.code().ok_or_else(|| format!("killed by a signal: {s}"));
        }
        if t.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("no answer within {limit:?}"));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// `inspect` and `convert` on each file; the failures.
fn sweep(files: &[PathBuf], out_dir: &Path) -> Vec<String> {
    let limit = Duration::from_secs(if cfg!(debug_assertions) { 120 } else { 30 });
    let out = out_dir.join("out.docx");
    let mut bad = Vec::new();
    for f in files {
        for args in [
            vec!["inspect".as_ref(), f.as_os_str()],
            vec![
                "convert".as_ref(),
                f.as_os_str(),
                "-o".as_ref(),
                out.as_os_str(),
                "--force".as_ref(),
            ],
        ] {
            match run(&args, limit) {
                Ok(0..=2) => {}
                Ok(c) => bad.push(format!("{args:?}: exit {c}")),
                Err(e) => bad.push(format!("{args:?}: {e}")),
            }
        }
    }
    bad
}

fn files_in(dir: &Path, out: &mut Vec<PathBuf>, pick: &dyn Fn(&Path) -> bool) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_in(&p, out, pick);
        } else if pick(&p) {
            out.push(p);
        }
    }
}

#[test]
fn samples_broken_files_fuzz_inputs_and_hostile_inputs_never_panic() {
    let dir = tempdir("fast");
    let mut files = hostile(&dir);
    let shared = root().join("../shared");
    files_in(&shared.join("samples"), &mut files, &|p| {
        p.extension().is_some_and(|x| x == "docx" || x == "txt")
    });
    // The corpus files broken on purpose and the damaged-but-readable ones (NOTES.md).
    files_in(&shared.join("corpus/poi/document"), &mut files, &|p| {
        let n = p.file_name().unwrap().to_string_lossy();
        n.starts_with("clusterfuzz")
            || n.starts_with("crash-")
            || n.starts_with("bug53475")
            || n.starts_with("truncated")
            || n == "ExternalEntityInText.docx"
            || n == "unicode-path.docx"
            || n == "MultipleBodyBug.docx"
    });
    for t in ["docx_read", "docx_xml", "txt_read", "recognize", "convert"] {
        files_in(&root().join("fuzz/regressions").join(t), &mut files, &|p| {
            !p.file_name().is_some_and(|n| n == ".keep")
        });
    }
    assert!(files.len() > 30, "{files:?}");
    let bad = sweep(&files, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
#[ignore = "long: run in CI's long step with --release"]
fn the_whole_corpus_never_panics() {
    let dir = tempdir("corpus");
    let mut files = Vec::new();
    files_in(&root().join("../shared/corpus"), &mut files, &|p| {
        p.extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("docx"))
    });
    files.sort();
    assert!(files.len() > 100);
    let bad = sweep(&files, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

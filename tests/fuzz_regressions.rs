//! Replays every input that once made a fuzz target fail (fuzz/regressions/<target>/), through the
//! same calls the targets make: each must end without a panic.

use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.file_name().is_some_and(|n| n == ".keep") {
            continue;
        }
        out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
    }
    out
}

fn no_panic(target: &str, f: impl Fn(&[u8])) {
    for (name, bytes) in inputs(target) {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&bytes)));
        assert!(r.is_ok(), "{target}: {name} panics");
    }
}

#[test]
fn docx_read() {
    no_panic("docx_read", |b| {
        let _ = xxgk::docx::read(b, &Default::default());
    });
}

#[test]
fn txt_read() {
    no_panic("txt_read", |b| {
        let _ = xxgk::txt::read(b, &Default::default());
    });
}

#[test]
fn recognize() {
    no_panic("recognize", |b| {
        if let Ok(doc) = xxgk::txt::read(b, &Default::default()) {
            let _ = xxgk::validate(&xxgk::recognize(&doc));
        }
    });
}

#[test]
fn convert() {
    no_panic("convert", |b| {
        if let Ok(r) = xxgk::inspect_bytes(b, None, &Default::default()) {
            let _ = xxgk::docx::write(&r, std::io::Cursor::new(Vec::new()));
        }
    });
}

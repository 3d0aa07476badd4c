//! Replays every input that once made a fuzz target fail (fuzz/regressions/<target>/), through the
//! same calls the targets make: each must end without a panic, in bounded time. Inputs of
//! `docx_xml` are wrapped into a package exactly as that target does.

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

/// Each input ends without a panic, and in bounded time (timeouts are findings too: the fuzzer
/// stops at 10 s optimised; unoptimised test builds are many times slower).
fn no_panic(target: &str, f: impl Fn(&[u8])) {
    let limit = std::time::Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 10 });
    for (name, bytes) in inputs(target) {
        let t = std::time::Instant::now();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&bytes)));
        assert!(r.is_ok(), "{target}: {name} panics");
        assert!(
            t.elapsed() < limit,
            "{target}: {name} took {:?}",
            t.elapsed()
        );
    }
}

#[test]
fn docx_read() {
    no_panic("docx_read", |b| {
        let one = xxgk::docx::read(b, &Default::default());
        let streamed =
            xxgk::docx::without_one_call_inflate(|| xxgk::docx::read(b, &Default::default()));
        match (&one, &streamed) {
            (Ok(a), Ok(b)) => assert!(a == b, "the one-call inflater changed the tree"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            _ => panic!("the one-call inflater changed the outcome"),
        }
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

/// The parts fuzz/fuzz_targets/docx_xml.rs wraps its input in (kept identical to that file).
mod docx_xml_package {
    pub const DOC: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="H1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>概述</w:t></w:r></w:p></w:body></w:document>"#;
    pub const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="H1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#;
    pub const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
    pub const CT: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    pub const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    pub const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

    /// The package the target reads: the first byte picks the part the rest replaces.
    pub fn wrap(data: &[u8]) -> Option<Vec<u8>> {
        use std::io::Write;
        let (&which, xml) = data.split_first()?;
        let mut parts: Vec<(&str, &[u8])> = vec![
            ("[Content_Types].xml", CT.as_bytes()),
            ("_rels/.rels", RELS.as_bytes()),
            ("word/_rels/document.xml.rels", DOC_RELS.as_bytes()),
            ("word/document.xml", DOC.as_bytes()),
            ("word/styles.xml", STYLES.as_bytes()),
            ("word/numbering.xml", NUMBERING.as_bytes()),
        ];
        parts[3 + (which % 3) as usize].1 = xml;
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, bytes) in parts {
            z.start_file(name, opts).ok()?;
            z.write_all(bytes).ok()?;
        }
        Some(z.finish().ok()?.into_inner())
    }
}

#[test]
fn docx_xml() {
    no_panic("docx_xml", |b| {
        if let Some(pkg) = docx_xml_package::wrap(b) {
            // As the target: the same outcome with and without the plain-run scan.
            let fast = xxgk::docx::read(&pkg, &Default::default());
            let slow =
                xxgk::docx::without_plain_runs(|| xxgk::docx::read(&pkg, &Default::default()));
            match (&fast, &slow) {
                (Ok(a), Ok(b)) => assert!(a == b, "the plain-run scan changed the tree"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                _ => panic!("the plain-run scan changed the outcome"),
            }
        }
    });
}

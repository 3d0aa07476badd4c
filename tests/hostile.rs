//! Hostile inputs: each ends in a clear `Error` or in diagnostics, quickly and in bounded memory.
//! The heaviest cases (a 300 MB text node, a million bookmarks) are `#[ignore]`d here and run in
//! CI's long step: `cargo test --release --test hostile -- --ignored`.

use std::io::Write;
use std::time::{Duration, Instant};

use xxgk::docx::{self, ReadOptions};
use xxgk::error::Limit;
use xxgk::Error;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const CT: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

/// A package from (name, bytes) entries, deflated, via the zip crate.
fn package(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
    buf.into_inner()
}

/// A minimal DOCX whose main part is `document`, plus optional styles and numbering parts.
fn docx_with(document: &str, styles: Option<&str>, numbering: Option<&str>) -> Vec<u8> {
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CT.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/_rels/document.xml.rels", DOC_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ];
    if let Some(s) = styles {
        entries.push(("word/styles.xml", s.as_bytes()));
    }
    if let Some(n) = numbering {
        entries.push(("word/numbering.xml", n.as_bytes()));
    }
    package(&entries)
}

fn body(inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>"#
    )
}

fn all_text(doc: &xxgk::Document) -> String {
    doc.paragraphs()
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n")
}

fn timed<T>(limit_secs: u64, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let v = f();
    assert!(
        t.elapsed() < Duration::from_secs(limit_secs),
        "took {:?}",
        t.elapsed()
    );
    v
}

/// A raw zip, by hand (the zip crate would not write lying headers or two entries of one name):
/// entries of (name, data, claimed inflated size, method). Stored entries get their true CRC; a
/// deflated entry's inflated data is unknown here, so its CRC is 0.
fn raw_zip(entries: &[(&str, &[u8], u32, u16)]) -> Vec<u8> {
    let with: Vec<_> = entries
        .iter()
        .map(|&(n, d, c, m)| (n, d, c, m, None))
        .collect();
    raw_zip_crc(&with)
}

/// An entry of [`raw_zip_crc`]: name, data, claimed inflated size, method, and for a deflated
/// entry the CRC of its inflated data when it is known.
type RawEntry<'a> = (&'a str, &'a [u8], u32, u16, Option<u32>);

/// A stored entry of [`raw_zip_crc`].
fn stored<'a>(name: &'a str, data: &'a [u8]) -> RawEntry<'a> {
    (name, data, data.len() as u32, 0, None)
}

/// [`raw_zip`] with known CRCs for deflated entries.
fn raw_zip_crc(entries: &[RawEntry<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, claimed, method, known) in entries {
        let offset = out.len() as u32;
        let crc = if *method == 0 {
            crc32(data)
        } else {
            known.unwrap_or(0)
        };
        out.extend_from_slice(&0x04034b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&method.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0x21, 0]);
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&claimed.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x02014b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&method.to_le_bytes());
        central.extend_from_slice(&[0, 0, 0x21, 0]);
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&(data.len() as u32).to_le_bytes());
        central.extend_from_slice(&claimed.to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x06054b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = flate2::Crc::new();
    c.update(data);
    c.sum()
}

/// A raw deflate stream (no zlib header) of `data`.
fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn a_deflate_stream_cut_short_is_a_zip_error_naming_the_part() {
    let doc = body(&"<w:p><w:r><w:t>正文段落</w:t></w:r></w:p>".repeat(400));
    let mut d = deflate(doc.as_bytes());
    d.truncate(d.len() / 2);
    let bytes = raw_zip_crc(&[
        stored("[Content_Types].xml", CT.as_bytes()),
        stored("_rels/.rels", RELS.as_bytes()),
        (
            "word/document.xml",
            &d,
            doc.len() as u32,
            8,
            Some(crc32(doc.as_bytes())),
        ),
    ]);
    let err = docx::read(&bytes, &ReadOptions::default()).unwrap_err();
    match err.kind() {
        Error::Zip { part: Some(p), .. } => assert_eq!(p, "word/document.xml", "{err}"),
        e => panic!("{e:?}"),
    }
}

#[test]
fn stored_parts_and_understated_sizes_are_read_whole() {
    // The main part stored; the styles part deflated under a header claiming 10 bytes.
    let doc =
        body(r#"<w:p><w:pPr><w:pStyle w:val="T"/></w:pPr><w:r><w:t>存储的正文</w:t></w:r></w:p>"#);
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">{}<w:style w:type="paragraph" w:styleId="T"><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#,
        r#"<w:style w:type="character" w:styleId="x"/>"#.repeat(300)
    );
    let d = deflate(styles.as_bytes());
    let bytes = raw_zip_crc(&[
        stored("[Content_Types].xml", CT.as_bytes()),
        stored("_rels/.rels", RELS.as_bytes()),
        stored("word/_rels/document.xml.rels", DOC_RELS.as_bytes()),
        stored("word/document.xml", doc.as_bytes()),
        ("word/styles.xml", &d, 10, 8, Some(crc32(styles.as_bytes()))),
    ]);
    let read = docx::read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(all_text(&read), "存储的正文");
    let p = &read.paragraphs()[0];
    // The style is the last thing in styles.xml: read only if the part was read whole.
    assert_eq!(p.outline_level, Some(0));
    assert_eq!(p.alignment, Some(xxgk::document::Alignment::Center));
    assert!(
        !read
            .diagnostics
            .iter()
            .any(|d| d.code == "docx.part.unreadable"),
        "{:?}",
        read.diagnostics
    );
}

/// A raw deflate stream of `mib` MiB of spaces: one sync-flushed chunk of 1 MiB repeated (each
/// chunk is byte-aligned and not final), then an empty final block.
fn deflate_bomb(mib: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let chunk_in = vec![b' '; 1 << 20];
    let mut c = Compress::new(Compression::best(), false);
    let mut chunk = Vec::with_capacity(8 << 10);
    c.compress_vec(&chunk_in, &mut chunk, FlushCompress::Sync)
        .unwrap();
    assert_eq!(c.total_in(), 1 << 20, "one call compresses the whole chunk");
    let mut out = Vec::with_capacity(chunk.len() * mib + 2);
    for _ in 0..mib {
        out.extend_from_slice(&chunk);
    }
    out.extend_from_slice(&[0x03, 0x00]); // final, fixed-Huffman block holding only end-of-block
    out
}

#[test]
fn zip_bomb_is_stopped_at_the_limit() {
    // 4 GiB of spaces inside the main part; headers claim 100 bytes.
    let bomb = deflate_bomb(4096);
    assert!(
        bomb.len() < 8 << 20,
        "compressed bomb is {} bytes",
        bomb.len()
    );
    let bytes = raw_zip(&[
        ("[Content_Types].xml", CT.as_bytes(), CT.len() as u32, 0),
        ("_rels/.rels", RELS.as_bytes(), RELS.len() as u32, 0),
        ("word/document.xml", &bomb, 100, 8),
    ]);
    let err = timed(20, || docx::read(&bytes, &ReadOptions::default())).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            Error::LimitExceeded { .. } | Error::Zip { .. } | Error::Xml { .. }
        ),
        "{err:?}"
    );
}

#[test]
fn part_size_limit_is_an_option() {
    let big = body(&format!(
        "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
        "政".repeat(400_000)
    ));
    let bytes = docx_with(&big, None, None);
    let mut opts = ReadOptions::default();
    opts.max_part_size = 1 << 20;
    let err = docx::read(&bytes, &opts).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            Error::LimitExceeded {
                limit: Limit::PartSize | Limit::TotalSize | Limit::CompressionRatio,
                ..
            }
        ),
        "{err:?}"
    );
    // The same package reads under the defaults.
    let doc = docx::read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(all_text(&doc).chars().count(), 400_000);
}

#[test]
fn entity_bomb_is_never_expanded() {
    let xml = format!(
        r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>a&lol9;b</w:t></w:r></w:p></w:body></w:document>"#
    );
    let bytes = docx_with(&xml, None, None);
    match timed(5, || docx::read(&bytes, &ReadOptions::default())) {
        Ok(doc) => assert!(!all_text(&doc).contains("lol"), "entity expanded"),
        Err(e) => assert!(matches!(e.kind(), Error::Xml { .. }), "{e:?}"),
    }
}

#[test]
fn external_entity_is_never_fetched() {
    let xml = format!(
        r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>before&x;after</w:t></w:r></w:p></w:body></w:document>"#
    );
    let bytes = docx_with(&xml, None, None);
    match docx::read(&bytes, &ReadOptions::default()) {
        Ok(doc) => {
            let t = all_text(&doc);
            assert!(!t.contains("root:"), "external entity fetched: {t}");
        }
        Err(e) => assert!(matches!(e.kind(), Error::Xml { .. }), "{e:?}"),
    }
}

fn nested(open: &str, close: &str, n: usize, inner: &str) -> String {
    let mut s = String::with_capacity((open.len() + close.len()) * n + inner.len());
    for _ in 0..n {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..n {
        s.push_str(close);
    }
    s
}

/// Runs `f` on a thread with a deliberately small stack: deep recursion would overflow it.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no stack overflow")
}

/// Reading a body holding `inner`, on a small stack, stops at the depth limit.
fn refused_for_depth(inner: &str, what: &str) {
    let bytes = docx_with(&body(inner), None, None);
    let r = on_small_stack(move || docx::read(&bytes, &ReadOptions::default()).map(|_| ()));
    let err = r.unwrap_err();
    assert!(
        matches!(
            err.kind(),
            Error::LimitExceeded {
                limit: Limit::Depth,
                ..
            }
        ),
        "{what}: {err:?}"
    );
}

#[test]
fn deeply_nested_tables_hit_the_depth_limit() {
    let inner = nested(
        "<w:tbl><w:tr><w:tc>",
        "<w:p/></w:tc></w:tr></w:tbl>",
        100_000,
        "<w:p><w:r><w:t>x</w:t></w:r></w:p>",
    );
    refused_for_depth(&inner, "");
}

#[test]
fn deeply_nested_content_controls_and_smart_tags_hit_the_depth_limit() {
    for (open, close) in [
        ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
        ("<w:smartTag>", "</w:smartTag>"),
    ] {
        let inner = format!(
            "<w:p>{}</w:p>",
            nested(open, close, 100_000, "<w:r><w:t>x</w:t></w:r>")
        );
        refused_for_depth(&inner, open);
    }
}

#[test]
fn deeply_nested_text_boxes_hit_the_depth_limit() {
    // A text box whose paragraph holds a text box, and so on (VML form: 6 elements a level).
    let inner = nested(
        r#"<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>"#,
        "<w:p/></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>",
        100_000,
        "<w:p><w:r><w:t>x</w:t></w:r></w:p>",
    );
    refused_for_depth(&inner, "");
}

#[test]
fn nesting_up_to_the_default_budget_reads_on_a_small_stack() {
    // `ReadOptions::max_nesting` (32) tables inside one another, and then one more.
    let doc = |n| {
        docx_with(
            &body(&nested(
                "<w:tbl><w:tr><w:tc>",
                "<w:p/></w:tc></w:tr></w:tbl>",
                n,
                "<w:p><w:r><w:t>底</w:t></w:r></w:p>",
            )),
            None,
            None,
        )
    };
    let (at, over) = (doc(32), doc(33));
    let d = on_small_stack(move || docx::read(&at, &ReadOptions::default()).unwrap());
    assert!(all_text(&d).contains("底"));
    let err =
        on_small_stack(move || docx::read(&over, &ReadOptions::default()).map(|_| ())).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            Error::LimitExceeded {
                limit: Limit::Depth,
                value: 33,
                max: 32,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn moderate_nesting_within_the_limit_reads() {
    let inner = nested(
        "<w:tbl><w:tr><w:tc>",
        "<w:p/></w:tc></w:tr></w:tbl>",
        20,
        "<w:p><w:r><w:t>深处</w:t></w:r></w:p>",
    );
    let bytes = docx_with(&body(&inner), None, None);
    let doc = on_small_stack(move || docx::read(&bytes, &ReadOptions::default()).unwrap());
    assert!(all_text(&doc).contains("深处"));
}

#[test]
#[ignore = "long: run in CI's long step with --release"]
fn a_300_mb_text_node_is_refused_at_the_part_limit() {
    let mut xml = body("<w:p><w:r><w:t>");
    xml.truncate(xml.len() - "</w:t></w:r></w:p></w:body></w:document>".len());
    let mut s = xml.into_bytes();
    s.resize(s.len() + (300 << 20), b'a');
    s.extend_from_slice(b"</w:t></w:r></w:p></w:body></w:document>");
    let bytes = package(&[
        ("[Content_Types].xml", CT.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", &s),
    ]);
    drop(s);
    let err = timed(60, || docx::read(&bytes, &ReadOptions::default())).unwrap_err();
    assert!(matches!(err.kind(), Error::LimitExceeded { .. }), "{err:?}");
}

#[test]
#[ignore = "long: run in CI's long step with --release"]
fn a_million_bookmarks_read() {
    let mut inner = String::from("<w:p>");
    for i in 0..1_000_000 {
        inner.push_str(&format!(
            r#"<w:bookmarkStart w:id="{i}" w:name="b{i}"/><w:bookmarkEnd w:id="{i}"/>"#
        ));
    }
    inner.push_str("<w:r><w:t>x</w:t></w:r></w:p>");
    let bytes = docx_with(&body(&inner), None, None);
    let doc = timed(60, || docx::read(&bytes, &ReadOptions::default())).unwrap();
    assert_eq!(doc.bookmarks.len(), 1_000_000);
}

#[test]
fn every_truncation_of_a_sample_fails_cleanly() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/samples/ningbo2018_wordlike.docx"
    );
    let bytes = std::fs::read(path).unwrap();
    let mut n = 0;
    for len in (0..bytes.len()).step_by(1024) {
        let r = std::panic::catch_unwind(|| docx::read(&bytes[..len], &ReadOptions::default()));
        let r = r.unwrap_or_else(|_| panic!("panic at truncation {len}"));
        assert!(
            r.is_err(),
            "a truncated package ({len} of {} bytes) cannot be whole",
            bytes.len()
        );
        n += 1;
    }
    assert!(n > 10);
}

#[test]
fn main_part_outside_the_package_is_no_main_document() {
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="../../etc/passwd"/></Relationships>"#;
    let bytes = package(&[
        ("[Content_Types].xml", CT.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
    ]);
    let err = docx::read(&bytes, &ReadOptions::default()).unwrap_err();
    assert!(
        matches!(err.kind(), Error::NotWordDocument { .. }),
        "{err:?}"
    );
}

#[test]
fn entry_names_with_dotdot_or_absolute_paths_are_harmless() {
    let doc = body("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
    let bytes = package(&[
        ("[Content_Types].xml", CT.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
        ("../../evil.xml", b"<x/>"),
        ("/abs/evil.xml", b"<x/>"),
    ]);
    let d = docx::read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(all_text(&d), "正文");
}

#[test]
fn style_and_numbering_cycles_terminate() {
    let styles = format!(
        r#"<?xml version="1.0"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>"#
    );
    let numbering = format!(
        r#"<?xml version="1.0"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="L1"/></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:styleLink w:val="L1"/><w:numStyleLink w:val="L1"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let doc = body(
        r#"<w:p><w:pPr><w:pStyle w:val="A"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>循环</w:t></w:r></w:p>"#,
    );
    let bytes = docx_with(&doc, Some(&styles), Some(&numbering));
    let d = timed(5, || docx::read(&bytes, &ReadOptions::default())).unwrap();
    assert!(all_text(&d).ends_with("循环"));
}

#[test]
fn lvl_text_naming_missing_levels_does_not_panic() {
    let numbering = format!(
        r#"<?xml version="1.0"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%9.%1.%0%"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let doc = body(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>正文</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="7"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>七级</w:t></w:r></w:p>"#,
    );
    let bytes = docx_with(&doc, None, Some(&numbering));
    let d = docx::read(&bytes, &ReadOptions::default()).unwrap();
    let t = all_text(&d);
    assert!(t.contains("正文") && t.contains("七级"), "{t}");
}

#[test]
fn broken_merges_and_spans_are_repaired_with_diagnostics() {
    let tbl = r#"<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>
      <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>续</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="0"/></w:tcPr><w:p><w:r><w:t>零</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr><w:p><w:r><w:t>宽</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr>
    </w:tbl>"#;
    let bytes = docx_with(&body(tbl), None, None);
    let d = timed(5, || docx::read(&bytes, &ReadOptions::default())).unwrap();
    let t = all_text(&d);
    for w in ["续", "零", "宽", "甲", "乙", "丙"] {
        assert!(t.contains(w), "lost {w}: {t}");
    }
    assert!(d.diagnostics.len() >= 3, "{:?}", d.diagnostics);
    let xxgk::document::Block::Table(table) = &d.body[0] else {
        panic!("table")
    };
    assert!(
        table.rows[1].cells[0].col_span <= 100,
        "span clamped: {}",
        table.rows[1].cells[0].col_span
    );
}

#[test]
fn invalid_utf8_in_the_main_part_is_an_xml_error_with_position() {
    let mut xml = body("<w:p><w:r><w:t>ab</w:t></w:r></w:p>").into_bytes();
    let at = xml.windows(2).position(|w| w == b"ab").unwrap();
    xml[at] = 0xFF;
    let bytes = package(&[
        ("[Content_Types].xml", CT.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", &xml),
    ]);
    match docx::read(&bytes, &ReadOptions::default()) {
        Err(e) => assert!(
            matches!(e.kind(), Error::Xml { part, .. } if part == "word/document.xml"),
            "{e:?}"
        ),
        Ok(d) => assert!(
            !d.diagnostics.is_empty(),
            "invalid bytes must at least be reported"
        ),
    }
}

#[test]
fn utf16_encoded_xml_parts_read() {
    let xml = body("<w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p>")
        .replace(r#"encoding="UTF-8""#, r#"encoding="UTF-16""#);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in xml.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let bytes = package(&[
        ("[Content_Types].xml", CT.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", &utf16),
    ]);
    let d = docx::read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(all_text(&d), "政府信息公开");
}

/// Two entries named `word/document.xml` are either refused as a damaged zip, or read with a
/// `docx.package.duplicate_entry` warning: never silently one of the two.
fn assert_duplicates_reported(r: xxgk::Result<xxgk::Document>) -> Option<xxgk::Document> {
    match r {
        Err(e) => {
            assert!(matches!(e.kind(), Error::Zip { .. }), "{e:?}");
            None
        }
        Ok(d) => {
            assert!(
                d.diagnostics
                    .iter()
                    .any(|x| x.code == "docx.package.duplicate_entry"),
                "duplicate entries read silently: {:?}",
                d.diagnostics
            );
            Some(d)
        }
    }
}

#[test]
fn duplicate_entries_do_not_confuse_the_reader() {
    // The corpus file: two central-directory entries for word/document.xml over the same data
    // (`unzip`: "overlapped components"), see ../shared/corpus/NOTES.md.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/poi/document/unicode-path.docx"
    );
    let bytes = std::fs::read(path).unwrap();
    let r = std::panic::catch_unwind(|| docx::read(&bytes, &ReadOptions::default()));
    let r = r.expect("no panic");
    if let Some(d) = assert_duplicates_reported(r) {
        assert!(!all_text(&d).trim().is_empty());
    }
}

#[test]
fn two_entries_of_the_same_name_are_reported_or_refused() {
    let first = body("<w:p><w:r><w:t>第一</w:t></w:r></w:p>").into_bytes();
    let second = body("<w:p><w:r><w:t>第二</w:t></w:r></w:p>").into_bytes();
    let stored = |name, s: &[u8]| (name, s.to_vec(), s.len() as u32, 0u16);
    let zip_of = |e: &[(&str, Vec<u8>, u32, u16)]| {
        raw_zip(
            &e.iter()
                .map(|(n, d, c, m)| (*n, d.as_slice(), *c, *m))
                .collect::<Vec<_>>(),
        )
    };
    let bytes = zip_of(&[
        stored("[Content_Types].xml", CT.as_bytes()),
        stored("_rels/.rels", RELS.as_bytes()),
        stored("word/document.xml", &first),
        stored("word/document.xml", &second),
    ]);
    if let Some(d) = assert_duplicates_reported(docx::read(&bytes, &ReadOptions::default())) {
        let t = all_text(&d);
        assert!(t == "第一" || t == "第二", "{t}");
    }
    // Names that differ only in case are the same part name in OPC (case-insensitive).
    let bytes = zip_of(&[
        stored("[Content_Types].xml", CT.as_bytes()),
        stored("_rels/.rels", RELS.as_bytes()),
        stored("word/document.xml", &first),
        stored("WORD/Document.xml", &second),
    ]);
    assert_duplicates_reported(docx::read(&bytes, &ReadOptions::default()));
}

#[test]
fn vmerge_continue_without_restart_keeps_its_cell() {
    // Column 0 continues a merge in the first row (nothing above); column 1 continues one that
    // a `restart` in the same column opened, but only after a row where column 1 did not merge.
    let tbl = r#"<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>
      <w:tr><w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr><w:p><w:r><w:t>孤</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>起</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>中</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>断</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>下</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>续</w:t></w:r></w:p></w:tc></w:tr>
    </w:tbl>"#;
    let bytes = docx_with(&body(tbl), None, None);
    let d = docx::read(&bytes, &ReadOptions::default()).unwrap();
    let t = all_text(&d);
    for w in ["孤", "起", "中", "断", "下", "续"] {
        assert!(t.contains(w), "lost {w}: {t}");
    }
    let orphans = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "docx.table.vmerge_orphan")
        .count();
    assert_eq!(orphans, 2, "{:?}", d.diagnostics);
    let xxgk::document::Block::Table(table) = &d.body[0] else {
        panic!("table")
    };
    use xxgk::document::VMerge;
    // The orphans stay cells of their own; the interrupted merge spans only its first row.
    assert_ne!(table.rows[0].cells[0].v_merge, VMerge::Covered);
    assert_eq!(table.rows[0].cells[1].row_span, 1);
    assert_ne!(table.rows[2].cells[1].v_merge, VMerge::Covered);
}

#[test]
fn a_cell_claiming_more_columns_than_the_grid_is_reported() {
    let tbl = r#"<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>
      <w:tr><w:tc><w:tcPr><w:gridSpan w:val="5"/></w:tcPr><w:p><w:r><w:t>五列</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>一</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>二</w:t></w:r></w:p></w:tc></w:tr>
    </w:tbl>"#;
    let bytes = docx_with(&body(tbl), None, None);
    let d = docx::read(&bytes, &ReadOptions::default()).unwrap();
    let t = all_text(&d);
    assert!(
        t.contains("五列") && t.contains("一") && t.contains("二"),
        "{t}"
    );
    assert!(
        d.diagnostics
            .iter()
            .any(|x| x.code == "docx.table.wider_than_grid"),
        "{:?}",
        d.diagnostics
    );
}

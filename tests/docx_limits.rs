//! ReadOptions limits enforced while inflating and parsing: part size, total size, entry
//! count, compression ratio, nesting depth.

mod support;

use support::*;
use xxgk::docx::{read, ReadOptions};
use xxgk::error::{Error, Limit};

fn limit_of(e: Error) -> Limit {
    match e {
        Error::LimitExceeded { limit, .. } => limit,
        e => panic!("expected a limit error, got {e:?}"),
    }
}

fn big_doc(chars: usize) -> Vec<u8> {
    let text = "报".repeat(chars);
    Docx::new(&format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")).bytes()
}

fn opts(f: impl FnOnce(&mut ReadOptions)) -> ReadOptions {
    let mut o = ReadOptions::default();
    f(&mut o);
    o
}

#[test]
fn part_and_total_size() {
    let bytes = big_doc(100_000); // ~300 kB of document.xml
    let o = opts(|o| o.max_part_size = 64 * 1024);
    assert_eq!(limit_of(read(&bytes, &o).unwrap_err()), Limit::PartSize);
    let o = opts(|o| o.max_total_size = 64 * 1024);
    assert_eq!(limit_of(read(&bytes, &o).unwrap_err()), Limit::TotalSize);
    assert!(read(&bytes, &ReadOptions::default()).is_ok());
}

#[test]
fn entry_count() {
    let mut d = Docx::new("<w:p/>");
    for i in 0..20 {
        d = d.part(&format!("extra/{i}.bin"), b"x");
    }
    let o = opts(|o| o.max_entries = 10);
    assert_eq!(limit_of(read(&d.bytes(), &o).unwrap_err()), Limit::Entries);
}

#[test]
fn a_zip_bomb_is_stopped_while_inflating() {
    // 16 MiB of one repeated byte compresses about 1000:1.
    let xml_head = format!("<w:document {NS}><w:body><w:p><w:r><w:t>");
    let mut doc = xml_head.into_bytes();
    doc.resize(16 << 20, b'a');
    let bomb = zip(&[
        (
            "_rels/.rels",
            format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="{RT}/officeDocument" Target="word/document.xml"/></Relationships>"#).as_bytes(),
        ),
        ("word/document.xml", &doc),
    ]);
    assert!(bomb.len() < 1 << 20);
    let o = opts(|o| o.max_compression_ratio = 100);
    assert_eq!(
        limit_of(read(&bomb, &o).unwrap_err()),
        Limit::CompressionRatio
    );
    let o = opts(|o| o.max_part_size = 8 << 20);
    assert_eq!(limit_of(read(&bomb, &o).unwrap_err()), Limit::PartSize);
}

#[test]
fn nesting_depth() {
    let deep = format!(
        "<w:p>{}<w:r><w:t>深</w:t></w:r>{}</w:p>",
        "<w:smartTag>".repeat(300),
        "</w:smartTag>".repeat(300)
    );
    let bytes = Docx::new(&deep).bytes();
    assert_eq!(
        limit_of(read(&bytes, &ReadOptions::default()).unwrap_err()),
        Limit::Depth
    );
    let o = opts(|o| o.max_depth = 400);
    let doc = read(&bytes, &o).unwrap();
    assert_eq!(texts(&doc), ["深"]);
}

#[test]
fn limits_in_optional_parts_are_errors_too() {
    let styles = format!(
        r#"<w:style w:type="paragraph" w:styleId="S">{}</w:style>"#,
        "<w:x>".repeat(300) + &"</w:x>".repeat(300)
    );
    let bytes = Docx::new("<w:p/>").styles(&styles).bytes();
    assert_eq!(
        limit_of(read(&bytes, &ReadOptions::default()).unwrap_err()),
        Limit::Depth
    );
}

/// A thread keeps the inflater and part buffers of the document it read last for the next
/// one: a later, smaller document reads exactly as on a fresh thread, and a buffer larger
/// than a part's limit is not used for it (a part is still never inflated more than one byte
/// past its limit).
#[test]
fn documents_read_one_after_another_on_a_thread() {
    let big = big_doc(100_000);
    let small = Docx::new("<w:p><w:r><w:t>小</w:t></w:r></w:p>").bytes();
    let fresh = {
        let small = small.clone();
        std::thread::spawn(move || read(&small, &ReadOptions::default()).unwrap())
            .join()
            .unwrap()
    };
    read(&big, &ReadOptions::default()).unwrap();
    assert_eq!(read(&small, &ReadOptions::default()).unwrap(), fresh);
    read(&big, &ReadOptions::default()).unwrap();
    let o = opts(|o| o.max_part_size = 64 * 1024);
    match read(&big, &o).unwrap_err() {
        Error::LimitExceeded {
            limit: Limit::PartSize,
            value,
            ..
        } => assert_eq!(value, 64 * 1024 + 1),
        e => panic!("expected the part size limit, got {e:?}"),
    }
    let fresh_big = std::thread::spawn(move || read(&big, &ReadOptions::default()).unwrap())
        .join()
        .unwrap();
    assert_eq!(fresh_big.body.len(), 1);
}

/// Sets the uncompressed size that both zip headers of `name` declare.
fn declare_size(bytes: &mut [u8], name: &[u8], size: u32) {
    let mut set = 0;
    for i in 0..bytes.len().saturating_sub(46) {
        let at = if bytes[i..].starts_with(b"PK\x03\x04") && bytes[i + 30..].starts_with(name) {
            i + 22
        } else if bytes[i..].starts_with(b"PK\x01\x02") && bytes[i + 46..].starts_with(name) {
            i + 24
        } else {
            continue;
        };
        bytes[at..at + 4].copy_from_slice(&size.to_le_bytes());
        set += 1;
    }
    assert_eq!(set, 2, "both headers of {}", String::from_utf8_lossy(name));
}

/// A part whose declared size is within the limits is inflated in one call; the result is
/// kept only when it is exactly the declared size. A size that lies either way reads as the
/// streaming inflater reads it: the true part when it is within the limits, the limit error
/// (found one byte past the limit) when it is not.
#[test]
fn a_declared_size_that_lies() {
    let honest = big_doc(100_000);
    let truth = read(&honest, &ReadOptions::default()).unwrap();
    let len = {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&honest[..])).unwrap();
        let n = z.by_name("word/document.xml").unwrap().size();
        n as u32
    };
    assert!(len > 300_000, "{len}");
    for declared in [len - 1, len / 2, 1, len + 1, len * 2] {
        let mut bytes = honest.clone();
        declare_size(&mut bytes, b"word/document.xml", declared);
        let doc = read(&bytes, &ReadOptions::default()).unwrap();
        assert_eq!(doc, truth, "declared {declared} of {len}");
        let o = opts(|o| o.max_part_size = 64 * 1024);
        match read(&bytes, &o).unwrap_err() {
            Error::LimitExceeded {
                limit: Limit::PartSize,
                value,
                ..
            } => assert_eq!(value, 64 * 1024 + 1, "declared {declared}"),
            e => panic!("declared {declared}: expected the part size limit, got {e:?}"),
        }
    }
}

/// Damaged compressed data fails the same way with and without the one-call inflater: every
/// single-byte change in the first 2,000 compressed bytes of `document.xml`.
#[test]
fn damaged_data_reads_alike_with_either_inflater() {
    let bytes =
        Docx::new("<w:p><w:r><w:t>正文一</w:t></w:r></w:p><w:p><w:r><w:t>正文二</w:t></w:r></w:p>")
            .bytes();
    let (start, end) = {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
        let f = z.by_name("word/document.xml").unwrap();
        let start = f.data_start().unwrap() as usize;
        (start, start + f.compressed_size() as usize)
    };
    let (mut read_alike, mut failed) = (0, 0);
    for at in start..end.min(start + 2000) {
        for flip in [0x01u8, 0x80, 0xFF] {
            let mut damaged = bytes.clone();
            damaged[at] ^= flip;
            let one = read(&damaged, &ReadOptions::default());
            let streamed =
                xxgk::docx::without_one_call_inflate(|| read(&damaged, &ReadOptions::default()));
            match (&one, &streamed) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a, b, "byte {at} ^ {flip:#x}");
                    read_alike += 1;
                }
                (Err(a), Err(b)) => {
                    assert_eq!(a.to_string(), b.to_string(), "byte {at} ^ {flip:#x}");
                    failed += 1;
                }
                _ => panic!("byte {at} ^ {flip:#x}: {one:?} / {streamed:?}"),
            }
        }
    }
    // Most changes are caught (bad data or checksum); the test saw both outcomes.
    assert!(
        failed > read_alike && read_alike > 0,
        "{failed} failed, {read_alike} read"
    );
}

/// A part whose compressed data is damaged fails with the same error whatever the thread read
/// before: the streaming inflater's room (which decides where damage is reported, and so the
/// message) does not depend on the buffers earlier documents left. The input was found by the
/// `docx_read` fuzz target: its `document.xml` declares 445 bytes and inflates to 470 with a
/// distance too far back.
#[test]
fn a_damaged_part_fails_alike_whatever_was_read_before() {
    let damaged = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/regressions/docx_read/damaged-deflate-after-other-documents.docx"),
    )
    .unwrap();
    let fresh = {
        let damaged = damaged.clone();
        std::thread::spawn(move || read(&damaged, &ReadOptions::default()).unwrap_err())
            .join()
            .unwrap()
            .to_string()
    };
    assert!(fresh.contains("word/document.xml"), "{fresh}");
    let sample = std::fs::read(shared("samples/ningbo2018_wordlike.docx")).unwrap();
    for before in [&sample, &big_doc(100_000), &damaged] {
        read(before, &ReadOptions::default()).ok();
        let after = read(&damaged, &ReadOptions::default()).unwrap_err();
        assert_eq!(after.to_string(), fresh);
    }
}

/// Every sample and corpus file reads to the same tree, diagnostics and error with and without
/// the one-call inflater.
#[test]
fn samples_and_corpus_read_alike_with_either_inflater() {
    let mut files = Vec::new();
    for dir in ["samples", "samples2021", "corpus"] {
        docx_files(&shared(dir), &mut files);
    }
    files.sort();
    assert!(files.len() > 100, "samples and corpus not found");
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let one = read(&bytes, &ReadOptions::default());
        let streamed =
            xxgk::docx::without_one_call_inflate(|| read(&bytes, &ReadOptions::default()));
        match (one, streamed) {
            (Ok(a), Ok(b)) => assert!(a == b, "{}: the trees differ", f.display()),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{}", f.display()),
            (a, b) => panic!("{}: {:?} against {:?}", f.display(), a.is_ok(), b.is_ok()),
        }
    }
}

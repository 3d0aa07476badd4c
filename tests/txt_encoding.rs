//! Encodings and line ends of text dumps: every variant of the sample gives the sample's tree;
//! malformed and truncated sequences are located; forced encodings; binary input is refused.

use proptest::prelude::*;
use xxgk::error::Error;
use xxgk::txt::{decode, encoding::detect, read, How, TextOptions};

const SAMPLE: &str = "../shared/samples/ningbo2018_utf8.txt";
const GBK_SAMPLE: &str = "../shared/samples/ningbo2018_gbk.txt";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/txt/{name}")).expect("fixture")
}

fn opts() -> TextOptions {
    TextOptions::default()
}

fn sample_doc() -> xxgk::Document {
    read(&std::fs::read(SAMPLE).unwrap(), &opts()).unwrap()
}

#[test]
fn every_encoding_and_line_end_variant_gives_the_sample_tree() {
    let want = sample_doc();
    for (file, name, how) in [
        ("ningbo_utf8_bom_crlf.txt", "UTF-8", How::Bom),
        ("ningbo_utf8_cr.txt", "UTF-8", How::ValidUtf8),
        ("ningbo_utf8_mixed_eol.txt", "UTF-8", How::ValidUtf8),
        ("ningbo_gbk_crlf.txt", "GB18030", How::Fallback),
        ("ningbo_utf16le_bom.txt", "UTF-16LE", How::Bom),
        ("ningbo_utf16be_bom.txt", "UTF-16BE", How::Bom),
        ("ningbo_utf16le_nobom.txt", "UTF-16LE", How::ZeroBytes),
        ("ningbo_utf16be_nobom_crlf.txt", "UTF-16BE", How::ZeroBytes),
    ] {
        let bytes = fixture(file);
        let d = detect(&bytes).unwrap();
        assert_eq!((d.name(), d.how), (name, how), "{file}");
        let doc = read(&bytes, &opts()).unwrap();
        assert_eq!(doc.source.detail.as_deref(), Some(name), "{file}");
        assert!(doc.diagnostics.is_empty(), "{file}: {:?}", doc.diagnostics);
        assert_eq!(doc.body, want.body, "{file}");
        assert_eq!(doc.bookmarks, want.bookmarks, "{file}");
    }
}

#[test]
fn bom_is_not_text() {
    let doc = read(&fixture("ningbo_utf8_bom_crlf.txt"), &opts()).unwrap();
    assert_eq!(doc.paragraphs()[0].text(), "");
    let d = decode(&fixture("ningbo_utf16le_bom.txt"), None).unwrap();
    assert!(d.text.starts_with("\n市外办"));
}

#[test]
fn gb18030_four_byte_characters_are_read() {
    let bytes = fixture("gb18030_four_byte.txt");
    assert!(std::str::from_utf8(&bytes).is_err());
    let want = String::from_utf8(fixture("gb18030_four_byte.utf8.txt")).unwrap();
    let d = decode(&bytes, None).unwrap();
    assert_eq!(d.detected.name(), "GB18030");
    assert_eq!(d.text, want);
    assert!(d.malformed.is_none());
    let doc = read(&bytes, &opts()).unwrap();
    assert_eq!(doc.paragraphs()[0].text(), want.lines().next().unwrap());
    assert!(doc.paragraphs()[2].text().contains('\u{2A6A5}'));
}

/// The GBK sample with a 0xFF inserted after the first two characters of line 4.
fn gbk_with_bad_byte() -> Vec<u8> {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(lines[3].starts_with("根据"));
    let head: String = lines[..3].iter().map(|l| format!("{l}\n")).collect();
    let mut bytes = encoding_rs::GBK.encode(&(head + "根据")).0.into_owned();
    let offset = bytes.len();
    bytes.push(0xFF);
    let rest = &text[text.find("根据").unwrap() + "根据".len()..];
    bytes.extend_from_slice(&encoding_rs::GBK.encode(rest).0);
    assert_eq!(
        offset,
        bytes.len() - 1 - encoding_rs::GBK.encode(rest).0.len()
    );
    bytes
}

#[test]
fn malformed_sequence_is_a_located_diagnostic() {
    let bytes = gbk_with_bad_byte();
    let doc = read(&bytes, &opts()).unwrap();
    assert_eq!(doc.diagnostics.len(), 1);
    let diag = &doc.diagnostics[0];
    assert_eq!(diag.code, "txt.encoding.malformed");
    assert_eq!(diag.location.line, Some(4));
    assert_eq!(diag.location.column, Some(3));
    let offset = bytes.iter().position(|b| *b == 0xFF).unwrap() as u64;
    assert_eq!(diag.location.offset, Some(offset));
    // Not silently lost: the replacement character marks the place.
    assert!(doc.paragraphs()[3].text().starts_with("根据\u{FFFD}党中央"));
}

#[test]
fn strict_turns_malformed_into_an_error_with_line_and_column() {
    let err = read(&gbk_with_bad_byte(), &opts().with_strict(true)).unwrap_err();
    match err {
        Error::Encoding { line, column, .. } => assert_eq!((line, column), (Some(4), Some(3))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_sequences_are_counted() {
    let d = decode(b"a\x81\x20b\n\xFFc", Some("gbk")).unwrap();
    let m = d.malformed.unwrap();
    assert_eq!((m.line, m.column, m.offset, m.count), (1, 2, 1, 2));
    assert_eq!(d.text, "a\u{FFFD} b\n\u{FFFD}c");
}

#[test]
fn truncated_gbk_character_at_the_end_is_located() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let cut = text.rfind("人次").unwrap() + "人".len();
    let (bytes, _, _) = encoding_rs::GBK.encode(&text[..cut + "次".len()]);
    let truncated = &bytes[..bytes.len() - 1];
    let doc = read(truncated, &opts()).unwrap();
    let diag = &doc.diagnostics[0];
    assert_eq!(diag.code, "txt.encoding.malformed");
    let lines = text[..cut].split('\n').count();
    let column = text[..cut].rsplit('\n').next().unwrap().chars().count() + 1;
    assert_eq!(diag.location.line, Some(lines));
    assert_eq!(diag.location.column, Some(column));
    assert_eq!(diag.location.offset, Some(truncated.len() as u64 - 1));
}

#[test]
fn truncated_and_unpaired_utf16_are_located() {
    let mut odd = fixture("ningbo_utf16le_bom.txt");
    odd.pop();
    let d = decode(&odd, None).unwrap();
    assert_eq!(d.detected.name(), "UTF-16LE");
    assert_eq!(d.malformed.unwrap().count, 1);
    assert!(d.text.ends_with('\u{FFFD}'));

    // `a`, an unpaired high surrogate, `b`.
    let d = decode(b"\xFF\xFEa\x00\x00\xD8b\x00", None).unwrap();
    let m = d.malformed.unwrap();
    assert_eq!((m.line, m.column, m.offset), (1, 2, 4));
    assert!(read(b"\xFF\xFEa\x00\x00\xD8b\x00", &opts().with_strict(true)).is_err());
}

#[test]
fn truncated_utf8_after_bom_is_malformed_not_gb18030() {
    // With a UTF-8 BOM the encoding is settled: a cut 3-byte character is malformed.
    let bytes = b"\xEF\xBB\xBFok\n\xE4\xB8";
    let doc = read(bytes, &opts()).unwrap();
    assert_eq!(doc.source.detail.as_deref(), Some("UTF-8"));
    let diag = &doc.diagnostics[0];
    assert_eq!(diag.code, "txt.encoding.malformed");
    assert_eq!(
        (diag.location.line, diag.location.column),
        (Some(2), Some(1))
    );
    assert_eq!(diag.location.offset, Some(6));
}

#[test]
fn forced_encodings_are_used_and_reported() {
    let gbk = std::fs::read(GBK_SAMPLE).unwrap();
    let doc = read(&gbk, &opts().with_encoding("gbk")).unwrap();
    assert_eq!(doc.source.detail.as_deref(), Some("GBK"));
    assert_eq!(doc.body, sample_doc().body);

    // 中文 in Big5 (would be read as GB18030 otherwise).
    let big5 = b"\xA4\xA4\xA4\xE5";
    let doc = read(big5, &opts().with_encoding("big5")).unwrap();
    assert_eq!(doc.paragraphs()[0].text(), "中文");
    assert_eq!(doc.source.detail.as_deref(), Some("Big5"));

    let le = fixture("ningbo_utf16le_nobom.txt");
    let doc = read(&le, &opts().with_encoding("utf-16le")).unwrap();
    assert_eq!(doc.body, sample_doc().body);

    // A forced UTF-8 on GBK bytes: malformed, reported.
    let doc = read(&gbk, &opts().with_encoding("utf-8")).unwrap();
    assert_eq!(doc.diagnostics[0].code, "txt.encoding.malformed");
    assert_eq!(doc.diagnostics[0].location.line, Some(2));
}

#[test]
fn unknown_encoding_label_is_an_error() {
    for label in ["klingon", "", "replacement"] {
        match read(b"abc", &opts().with_encoding(label)) {
            Err(Error::Encoding { line: None, .. }) => {}
            other => panic!("{label}: {other:?}"),
        }
    }
}

#[test]
fn binary_input_is_refused() {
    let docx = std::fs::read("../shared/samples/ningbo2018_plain.docx").unwrap();
    let inputs: [&[u8]; 9] = [
        &docx,
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
        b"%PDF-1.7\n",
        b"\x89PNG\r\n\x1a\n",
        b"\xFF\xD8\xFF\xE0",
        b"GIF89a",
        b"first line\nsecond line with a\x00NUL\nthird line\n",
        b"\x00\x01\x02\x03\x00\x00\x07\x00\x00\x09",
        "统计表\n\0\n第二行\n".as_bytes(),
    ];
    for (i, bytes) in inputs.iter().enumerate() {
        match read(bytes, &opts()) {
            Err(Error::Binary { .. }) => {}
            other => panic!("input {i}: {other:?}"),
        }
    }
    // Forcing a text encoding does not make zero bytes text.
    assert!(matches!(
        read(b"a\x00b\x00c", &opts().with_encoding("gbk")),
        Err(Error::Binary { .. })
    ));
}

#[test]
fn empty_input_is_an_empty_document() {
    let doc = read(b"", &opts()).unwrap();
    assert!(doc.body.is_empty() && doc.diagnostics.is_empty());
    assert_eq!(doc.source.detail.as_deref(), Some("UTF-8"));
    let doc = read(b"\xEF\xBB\xBF", &opts()).unwrap();
    assert!(doc.body.is_empty());
    let doc = read(b"\xFF\xFE", &opts()).unwrap();
    assert!(doc.body.is_empty());
    assert_eq!(doc.source.detail.as_deref(), Some("UTF-16LE"));
}

#[test]
fn input_size_limit_is_an_option() {
    let mut o = opts();
    o.max_input = 4;
    assert!(matches!(
        read(b"12345", &o),
        Err(Error::LimitExceeded {
            value: 5,
            max: 4,
            ..
        })
    ));
}

proptest! {
    #[test]
    fn any_bytes_read_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let lax = read(&bytes, &opts());
        let strict = read(&bytes, &opts().with_strict(true));
        match (&lax, &strict) {
            (Ok(doc), Ok(_)) => prop_assert!(doc.diagnostics.iter().all(|d| d.code != "txt.encoding.malformed")),
            (Ok(doc), Err(Error::Encoding { line: Some(_), column: Some(_), .. })) => {
                prop_assert_eq!(&doc.diagnostics[0].code, "txt.encoding.malformed")
            }
            (Err(Error::Binary { .. }), Err(Error::Binary { .. })) => {}
            other => prop_assert!(false, "{:?}", other),
        }
    }

    #[test]
    fn any_bytes_decode_under_every_forced_label(
        bytes in prop::collection::vec(any::<u8>(), 0..128),
        label in prop_oneof![Just("gbk"), Just("big5"), Just("utf-16le"), Just("utf-16be"), Just("utf-8"), Just("shift_jis")],
    ) {
        match decode(&bytes, Some(label)) {
            Ok(d) => {
                // The location of the first malformed sequence points at its U+FFFD.
                if let Some(m) = d.malformed {
                    let line = xxgk::txt::layout::lines(&d.text).nth(m.line - 1).unwrap();
                    prop_assert_eq!(line.chars().nth(m.column - 1), Some('\u{FFFD}'));
                    prop_assert!(m.count >= 1 && m.offset < bytes.len());
                }
            }
            Err(Error::Binary { .. }) => {}
            Err(e) => prop_assert!(false, "{e:?}"),
        }
    }
}

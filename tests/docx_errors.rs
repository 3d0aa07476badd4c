//! Clear errors for what is not a readable DOCX: OLE files, broken zips, other OOXML types,
//! other files renamed to .docx, malformed main parts, entities.

mod support;

use support::*;
use xxgk::docx::{read, ReadOptions};
use xxgk::error::{Error, OleKind};

fn err(bytes: &[u8]) -> Error {
    read(bytes, &ReadOptions::default()).unwrap_err()
}

/// A minimal OLE compound file whose directory holds these stream names.
fn ole(streams: &[&str]) -> Vec<u8> {
    let mut b = vec![0u8; 512];
    b[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    b[0x1E] = 9; // 512-byte sectors
    let mut dir = Vec::new();
    for name in std::iter::once("Root Entry").chain(streams.iter().copied()) {
        let mut e = [0u8; 128];
        let units: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        e[..units.len()].copy_from_slice(&units);
        let len = ((name.len() + 1) * 2) as u16;
        e[64..66].copy_from_slice(&len.to_le_bytes());
        dir.extend_from_slice(&e);
    }
    b.extend_from_slice(&dir);
    b.resize(512 * 3, 0);
    b
}

#[test]
fn ole_files_say_which_kind() {
    assert!(matches!(
        err(&ole(&["WordDocument", "1Table"])),
        Error::Ole {
            kind: OleKind::LegacyDoc
        }
    ));
    assert!(matches!(
        err(&ole(&["EncryptionInfo", "EncryptedPackage"])),
        Error::Ole {
            kind: OleKind::Encrypted
        }
    ));
    assert!(matches!(
        err(&ole(&["Workbook"])),
        Error::Ole {
            kind: OleKind::Other
        }
    ));
}

#[test]
fn truncated_and_corrupt_zips() {
    let bytes = Docx::new("<w:p/>").bytes();
    for cut in [bytes.len() / 2, bytes.len() - 10, 30] {
        assert!(
            matches!(err(&bytes[..cut]), Error::Zip { .. }),
            "cut at {cut}: {:?}",
            err(&bytes[..cut])
        );
    }
}

#[test]
fn corrupt_main_part_is_a_zip_error_naming_it() {
    let mut bytes = Docx::new("<w:p><w:r><w:t>abc</w:t></w:r></w:p>").bytes();
    let name = b"word/document.xml";
    let mut i = 0;
    while i + 50 < bytes.len() {
        if bytes[i..].starts_with(b"PK\x03\x04") && bytes[i + 30..].starts_with(name) {
            bytes[i + 14] ^= 0xFF;
        }
        if bytes[i..].starts_with(b"PK\x01\x02") && bytes[i + 46..].starts_with(name) {
            bytes[i + 16] ^= 0xFF;
        }
        i += 1;
    }
    match err(&bytes) {
        Error::Zip { part, .. } => assert_eq!(part.as_deref(), Some("word/document.xml")),
        e => panic!("{e:?}"),
    }
}

#[test]
fn zip_without_a_main_document() {
    let bytes = zip(&[("hello.txt", b"hi".as_slice())]);
    assert!(matches!(err(&bytes), Error::NotWordDocument { .. }));
    // The relationship names a part that is not there.
    let bytes = zip(&[(
        "_rels/.rels",
        format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="{RT}/officeDocument" Target="word/gone.xml"/></Relationships>"#).as_bytes(),
    )]);
    assert!(matches!(err(&bytes), Error::NotWordDocument { .. }));
}

#[test]
fn other_ooxml_types_say_what_they_are() {
    let xlsx = zip(&[
        ("_rels/.rels", format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="{RT}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).as_bytes()),
        ("xl/workbook.xml", b"<workbook/>".as_slice()),
    ]);
    match err(&xlsx) {
        Error::NotWordDocument { detail } => {
            assert!(detail.contains("xl/workbook.xml"), "{detail}")
        }
        e => panic!("{e:?}"),
    }
    let pptx = zip(&[("ppt/presentation.xml", b"<p/>".as_slice())]);
    match err(&pptx) {
        Error::NotWordDocument { detail } => assert!(detail.contains("presentation"), "{detail}"),
        e => panic!("{e:?}"),
    }
}

#[test]
fn renamed_files_say_what_they_look_like() {
    let cases: [(&[u8], &str); 6] = [
        ("一、概述\n本年度……".as_bytes(), "plain text"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "HTML"),
        (b"%PDF-1.7\n%\xE2\xE3", "PDF"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
        (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "JPEG"),
        (b"", "empty"),
    ];
    for (bytes, what) in cases {
        match err(bytes) {
            Error::NotDocx { looks_like } => assert!(looks_like.contains(what), "{looks_like}"),
            e => panic!("{what}: {e:?}"),
        }
    }
}

#[test]
fn malformed_main_part_is_an_xml_error_with_position() {
    let d = Docx::with_document(&format!(
        r#"<w:document {NS}><w:body><w:p><w:r><w:t>x</w:r></w:p></w:body></w:document>"#
    ));
    match err(&d.bytes()) {
        Error::Xml { part, position, .. } => {
            assert_eq!(part, "word/document.xml");
            assert!(position > 0);
        }
        e => panic!("{e:?}"),
    }
    // Cut short.
    let d = Docx::with_document(&format!(r#"<w:document {NS}><w:body><w:p><w:r><w:t>x"#));
    assert!(matches!(err(&d.bytes()), Error::Xml { .. }));
}

#[test]
fn entities_are_never_expanded() {
    let xml = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY testent SYSTEM "http://poi.apache.org/">]><w:document {NS}><w:body><w:p><w:r><w:t>Here should not be the POI web site: "&testent;" &amp; &#x4E2D;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let doc = Docx::with_document(&xml).read();
    assert_eq!(
        texts(&doc),
        [r#"Here should not be the POI web site: "" & 中"#]
    );
    assert!(has_code(&doc, "docx.xml.entity_dropped"));
    assert!(has_code(&doc, "docx.xml.doctype"));
}

#[test]
fn corpus_xxe_probe() {
    let bytes = std::fs::read(shared("corpus/poi/document/ExternalEntityInText.docx")).unwrap();
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    let all: String = doc.paragraphs().iter().map(|p| p.text()).collect();
    assert!(
        all.contains(r#"Here should not be the POI web site: """#),
        "{all}"
    );
    assert!(has_code(&doc, "docx.xml.entity_dropped"));
}

#[test]
fn errors_take_the_file_name_from_callers() {
    let e = err(b"hello").in_file("report.docx");
    assert_eq!(e.file().unwrap().to_str(), Some("report.docx"));
    assert!(matches!(e.kind(), Error::NotDocx { .. }));
}

//! The corpus files broken on purpose (../shared/corpus/NOTES.md, "Malformed and unusual files"):
//! each gives the error its kind deserves, quickly; the damaged-but-readable ones read.

mod support;

use std::time::{Duration, Instant};

use xxgk::document::Document;
use xxgk::error::{Error, OleKind};

const POI: &str = "corpus/poi/document";

fn read(name: &str) -> xxgk::Result<Document> {
    let bytes = std::fs::read(support::shared(&format!("{POI}/{name}"))).unwrap();
    let t = Instant::now();
    let r = xxgk::docx::read(&bytes, &Default::default());
    assert!(t.elapsed() < Duration::from_secs(10), "{name}: slow");
    r
}

fn text(doc: &Document) -> String {
    doc.paragraphs()
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn encrypted_packages_are_ole_encrypted() {
    // NOTES.md: an OLE2/CFB container holding an encrypted DOCX.
    for name in [
        "bug53475-password-is-pass.docx",
        "bug53475-password-is-solrcell.docx",
    ] {
        let err = read(name).unwrap_err();
        assert!(
            matches!(
                err.kind(),
                Error::Ole {
                    kind: OleKind::Encrypted
                }
            ),
            "{name}: {err:?}"
        );
    }
}

#[test]
fn truncated_and_fuzzed_zips_are_zip_errors() {
    // NOTES.md: no end-of-central-directory, bad central-directory offsets, truncated end
    // blocks, a data-descriptor size mismatch.
    let names = [
        "truncated62886.docx",
        "crash-517626e815e0afa9decd0ebb6d1dee63fb9907dd.docx",
        "clusterfuzz-testcase-minimized-POIFuzzer-6709287337197568.docx",
        "clusterfuzz-testcase-minimized-POIXWPFFuzzer-4791943399604224.docx",
        "clusterfuzz-testcase-minimized-POIXWPFFuzzer-4959857092198400.docx",
        "clusterfuzz-testcase-minimized-POIXWPFFuzzer-5166796835258368.docx",
        "clusterfuzz-testcase-minimized-POIXWPFFuzzer-6120975439364096.docx",
        "clusterfuzz-testcase-minimized-POIXWPFFuzzer-5313273089884160.docx",
        "clusterfuzz-testcase-minimized-POIXWPFFuzzer-5564805011079168.docx",
        "clusterfuzz-testcase-minimized-POIXWPFFuzzer-5569740188549120.docx",
        "clusterfuzz-testcase-minimized-POIXWPFFuzzer-6061520554164224.docx",
        "clusterfuzz-testcase-minimized-POIXWPFFuzzer-6442791109263360.docx",
    ];
    for name in names {
        let err = read(name).unwrap_err();
        assert!(matches!(err.kind(), Error::Zip { .. }), "{name}: {err:?}");
    }
}

#[test]
fn external_entity_is_not_expanded() {
    // document.xml: `Here should not be the POI web site: "&testent;"`, where testent is
    // SYSTEM "http://poi.apache.org/". Either an XML error, or the text without the entity.
    match read("ExternalEntityInText.docx") {
        Err(e) => assert!(matches!(e.kind(), Error::Xml { .. }), "{e:?}"),
        Ok(doc) => {
            // POI's own test expects exactly this text once the entity is left out.
            assert_eq!(text(&doc), r#"Here should not be the POI web site: """#);
            let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
            assert!(codes.contains(&"docx.xml.entity_dropped"), "{codes:?}");
        }
    }
}

#[test]
fn bad_crc_in_a_theme_part_still_reads() {
    // NOTES.md: the CRC of word/theme/theme1.xml is wrong; the document part is fine.
    let doc = read("clusterfuzz-testcase-minimized-POIXWPFFuzzer-6733884933668864.docx").unwrap();
    assert!(!text(&doc).trim().is_empty());
}

#[test]
fn overlapping_entries_read_the_document_or_fail_as_zip() {
    // NOTES.md: two entries claim word/document.xml (unzip: "overlapped components").
    match read("unicode-path.docx") {
        Ok(doc) => assert!(!text(&doc).trim().is_empty()),
        Err(e) => assert!(matches!(e.kind(), Error::Zip { .. }), "{e:?}"),
    }
}

//! Package layer: finding the main part and its related parts, namespaces by URI, encodings,
//! tolerated damage in optional parts.

mod support;

use support::*;
use xxgk::docx::{read, ReadOptions};

const P: &str = r#"<w:p><w:r><w:t>正文</w:t></w:r></w:p>"#;

#[test]
fn main_part_through_absolute_target_with_any_name() {
    let doc_xml = Docx::new(P).document;
    let bytes = {
        let mut b = Docx::with_document(&doc_xml);
        b.main = "word/document2.xml".into();
        b.bytes()
    };
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(texts(&doc), ["正文"]);
    assert_eq!(doc.source.detail.as_deref(), Some("word/document2.xml"));
    // Absolute target in the relationship.
    let abs = zip(&[
        ("_rels/.rels", format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="{RT}/officeDocument" Target="/word/blah_blah.xml"/></Relationships>"#).as_bytes()),
        ("word/blah_blah.xml", doc_xml.as_bytes()),
    ]);
    assert_eq!(
        texts(&read(&abs, &ReadOptions::default()).unwrap()),
        ["正文"]
    );
}

#[test]
fn related_parts_through_the_main_parts_own_relationships() {
    // Styles live in an unusual place; only the relationship says where.
    let doc = Docx::new(r#"<w:p><w:pPr><w:pStyle w:val="H"/></w:pPr><w:r><w:t>标题</w:t></w:r></w:p>"#)
        .related(
            "rId9",
            "styles",
            "word/custom/mystyles.xml",
            &format!(r#"<w:styles {NS}><w:style w:type="paragraph" w:styleId="H"><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#),
        )
        .read();
    assert_eq!(paras(&doc)[0].outline_level, Some(0));
}

#[test]
fn strict_namespaces_and_relationship_types() {
    let strict_w = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    let doc_xml = format!(
        r#"<w:document xmlns:w="{strict_w}"><w:body><w:p><w:pPr><w:ind w:start="0.5in"/></w:pPr><w:r><w:t>严格</w:t></w:r></w:p></w:body></w:document>"#
    );
    let bytes = zip(&[
        ("_rels/.rels", br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.as_slice()),
        ("word/document.xml", doc_xml.as_bytes()),
    ]);
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(texts(&doc), ["严格"]);
    assert_eq!(paras(&doc)[0].indent.left, Some(720));
}

#[test]
fn any_prefix_and_default_namespace() {
    let ns0 = format!(
        r#"<ns0:document xmlns:ns0="{W}"><ns0:body><ns0:p><ns0:r><ns0:t>前缀</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>"#
    );
    assert_eq!(texts(&Docx::with_document(&ns0).read()), ["前缀"]);
    let default =
        format!(r#"<document xmlns="{W}"><body><p><r><t>默认</t></r></p></body></document>"#);
    assert_eq!(texts(&Docx::with_document(&default).read()), ["默认"]);
    // A `w:` prefix bound to another namespace is not WordprocessingML.
    let other = r#"<w:document xmlns:w="urn:other"><w:body/></w:document>"#;
    let err = read(&Docx::with_document(other).bytes(), &ReadOptions::default()).unwrap_err();
    assert!(matches!(err, xxgk::Error::NotWordDocument { .. }));
}

#[test]
fn bom_comments_and_processing_instructions() {
    let xml = format!(
        "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- made by hand --><?mso-application progid=\"Word.Document\"?><w:document {NS}><w:body><!-- c --><w:p><w:r><!-- c --><w:t>有注释</w:t></w:r></w:p></w:body></w:document>"
    );
    assert_eq!(texts(&Docx::with_document(&xml).read()), ["有注释"]);
}

#[test]
fn utf16_parts_read() {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:document {NS}><w:body><w:p><w:r><w:t>十六位</w:t></w:r></w:p></w:body></w:document>"
    );
    for le in [true, false] {
        let mut bytes: Vec<u8> = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in xml.encode_utf16() {
            bytes.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let pkg = zip(&[
            ("_rels/.rels", format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="{RT}/officeDocument" Target="word/document.xml"/></Relationships>"#).as_bytes()),
            ("word/document.xml", &bytes),
        ]);
        assert_eq!(
            texts(&read(&pkg, &ReadOptions::default()).unwrap()),
            ["十六位"]
        );
    }
}

#[test]
fn missing_optional_parts_and_relationships() {
    // No styles, no numbering, no document relationships at all.
    let d = Docx::new(P);
    let doc = d.read();
    assert_eq!(texts(&doc), ["正文"]);
    // A relationship to a styles part that is not there.
    let mut d = Docx::new(P);
    d.rels
        .push(("rId1".into(), "styles".into(), "styles.xml".into()));
    let doc = d.read();
    assert!(has_code(&doc, "docx.part.missing"));
    // No package relationships: word/document.xml is found by name, with a diagnostic.
    let bytes = zip(&[("word/document.xml", Docx::new(P).document.as_bytes())]);
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(texts(&doc), ["正文"]);
    assert!(has_code(&doc, "docx.package.main_by_name"));
}

#[test]
fn damaged_optional_parts_give_diagnostics() {
    let doc = Docx::new(P)
        .styles(r#"<w:style w:type="paragraph" w:styleId="S"><w:unclosed></w:style>"#)
        .numbering("<w:abstractNum")
        .read();
    assert_eq!(texts(&doc), ["正文"]);
    let n = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "docx.part.unreadable")
        .count();
    assert_eq!(n, 2, "{:?}", doc.diagnostics);
}

#[test]
fn bad_crc_in_an_optional_part_is_a_diagnostic() {
    let numbering = format!(r#"<w:numbering {NS}></w:numbering>"#);
    let d = Docx::new(P).related("rIdN", "numbering", "word/numbering.xml", &numbering);
    let mut bytes = d.bytes();
    // Stored CRC of word/numbering.xml in both headers: flip it.
    let name = b"word/numbering.xml";
    let mut flipped = 0;
    let mut i = 0;
    while i + 4 <= bytes.len() {
        if bytes[i..].starts_with(b"PK\x03\x04") && bytes[i + 30..].starts_with(name) {
            bytes[i + 14] ^= 0xFF;
            flipped += 1;
        }
        if bytes[i..].starts_with(b"PK\x01\x02") && bytes[i + 46..].starts_with(name) {
            bytes[i + 16] ^= 0xFF;
            flipped += 1;
        }
        i += 1;
    }
    assert_eq!(flipped, 2);
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(texts(&doc), ["正文"]);
    assert!(
        has_code(&doc, "docx.part.unreadable"),
        "{:?}",
        doc.diagnostics
    );
}

#[test]
fn core_properties_from_the_package_relationships() {
    let mut d = Docx::new(P).part(
        "docProps/core.xml",
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>年度报告</dc:title><dc:creator>办公室</dc:creator><dcterms:created>2019-01-02T03:04:05Z</dcterms:created></cp:coreProperties>"#
            .as_bytes(),
    );
    d.root_rels.push((
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
            .into(),
        "docProps/core.xml".into(),
    ));
    let doc = d.read();
    assert_eq!(doc.properties.title.as_deref(), Some("年度报告"));
    assert_eq!(doc.properties.creator.as_deref(), Some("办公室"));
    assert_eq!(
        doc.properties.created.as_deref(),
        Some("2019-01-02T03:04:05Z")
    );
}

#[test]
fn read_from_any_read_seek() {
    let bytes = Docx::new(P).bytes();
    let doc = xxgk::docx::read_from(std::io::Cursor::new(bytes), &ReadOptions::default()).unwrap();
    assert_eq!(texts(&doc), ["正文"]);
}

#[test]
fn namespace_declarations_are_scoped_to_their_element() {
    let xml = format!(
        r#"<document xmlns="{W}"><body>
             <p xmlns:q="{W}"><q:r><q:t>内</q:t></q:r></p>
             <p><q:r xmlns:q="urn:other"><q:t>外</q:t></q:r><r><t>留</t></r></p>
             <p><r><t>a</t></r><x:mark xmlns:x="urn:x" xmlns="urn:other"/><r><t>b</t></r></p>
             <p><wrap xmlns="urn:other"><r><t>不是</t></r></wrap><r><t>是</t></r></p>
           </body></document>"#
    );
    assert_eq!(
        texts(&Docx::with_document(&xml).read()),
        ["内", "留", "ab", "是"]
    );
}

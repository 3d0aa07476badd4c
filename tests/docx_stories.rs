//! Text that is not body text kept in stories: headers, footers, footnotes, endnotes,
//! comments, text boxes, in document order.

mod support;

use support::*;
use xxgk::document::{blocks_text, StoryKind};

#[test]
fn headers_footers_notes_and_comments() {
    let hdr = format!(r#"<w:hdr {NS}><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>"#);
    let ftr = format!(
        r#"<w:ftr {NS}><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"#
    );
    let notes = format!(
        r#"<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p/></w:footnote>
           <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>注一</w:t></w:r></w:p></w:footnote>
           <w:footnote w:id="2"><w:p><w:r><w:t>注二</w:t></w:r></w:p></w:footnote>
           <w:footnote w:id="3"><w:p><w:r><w:t>未引用</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let endnotes = format!(
        r#"<w:endnotes {NS}><w:endnote w:id="1"><w:p><w:r><w:t>尾注</w:t></w:r></w:p></w:endnote></w:endnotes>"#
    );
    let comments = format!(
        r#"<w:comments {NS}><w:comment w:id="0" w:author="王"><w:p><w:r><w:t>批注</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let body = r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>
        <w:p><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>
        <w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/><w:headerReference w:type="first" r:id="rIdH"/></w:sectPr>"#;
    let doc = Docx::new(body)
        .related("rIdH", "header", "word/header1.xml", &hdr)
        .related("rIdF", "footer", "word/footer1.xml", &ftr)
        .related("rIdN", "footnotes", "word/footnotes.xml", &notes)
        .related("rIdE", "endnotes", "word/endnotes.xml", &endnotes)
        .related("rIdC", "comments", "word/comments.xml", &comments)
        .read();
    assert_eq!(texts(&doc), ["正文", ""]);
    let got: Vec<(StoryKind, Option<&str>, String)> = doc
        .stories
        .iter()
        .map(|s| (s.kind, s.id.as_deref(), blocks_text(&s.blocks)))
        .collect();
    assert_eq!(
        got,
        [
            (StoryKind::Footnote, Some("2"), "注二".to_string()),
            (StoryKind::Comment, Some("0"), "批注".to_string()),
            (StoryKind::Footnote, Some("1"), "注一".to_string()),
            (StoryKind::Endnote, Some("1"), "尾注".to_string()),
            (
                StoryKind::Header,
                Some("word/header1.xml"),
                "页眉".to_string()
            ),
            (StoryKind::Footer, Some("word/footer1.xml"), "1".to_string()),
            (StoryKind::Footnote, Some("3"), "未引用".to_string()),
        ]
    );
}

#[test]
fn text_boxes_are_stories_in_document_order() {
    let doc = body(
        r#"<w:p><w:r><w:t>前</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框一</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r><w:r><w:t>后</w:t></w:r></w:p>
           <w:p><w:r><w:drawing><wp:anchor><wp:docPr id="2" name="t"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>框二</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>"#,
    );
    assert_eq!(texts(&doc), ["前后", ""]);
    let boxes: Vec<String> = doc.stories.iter().map(|s| blocks_text(&s.blocks)).collect();
    assert_eq!(boxes, ["框一", "框二"]);
    assert!(doc.stories.iter().all(|s| s.kind == StoryKind::TextBox));
}

#[test]
fn an_unreadable_header_is_a_diagnostic() {
    let doc = Docx::new(
        r#"<w:p/><w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr>"#,
    )
    .related("rIdH", "header", "word/header1.xml", "<w:hdr><broken")
    .read();
    assert!(doc.stories.is_empty());
    assert!(has_code(&doc, "docx.part.unreadable"));
}

#[test]
fn headers_referenced_from_paragraph_section_breaks() {
    let hdr = |t: &str| format!(r#"<w:hdr {NS}><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:hdr>"#);
    let doc = Docx::new(
        r#"<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:pPr><w:r><w:t>第一节</w:t></w:r></w:p>
           <w:p><w:r><w:t>第二节</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId2"/></w:sectPr>"#,
    )
    .related("rId1", "header", "word/header1.xml", &hdr("甲"))
    .related("rId2", "header", "word/header2.xml", &hdr("乙"))
    .read();
    let h: Vec<String> = doc.stories.iter().map(|s| blocks_text(&s.blocks)).collect();
    assert_eq!(h, ["甲", "乙"]);
    assert_eq!(texts(&doc), ["第一节", "第二节"]);
}

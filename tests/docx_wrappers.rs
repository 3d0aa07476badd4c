//! Word's wrappers read through at every level: content controls, custom XML, smart tags,
//! hyperlinks, fields, tracked changes, alternate content, and several bodies.

mod support;

use support::*;
use xxgk::document::{Block, StoryKind};

#[test]
fn smart_tags_custom_xml_and_hyperlinks() {
    let doc = body(
        r#"<w:customXml w:element="section"><w:p>
             <w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place"><w:smartTag w:element="City"><w:r><w:t>宁波</w:t></w:r></w:smartTag></w:smartTag>
             <w:customXml w:element="x"><w:customXmlPr/><w:r><w:t>市</w:t></w:r></w:customXml>
             <w:hyperlink r:id="rId9"><w:r><w:t>外办</w:t></w:r></w:hyperlink>
             <w:dir w:val="rtl"><w:bdo w:val="ltr"><w:r><w:t>网站</w:t></w:r></w:bdo></w:dir>
           </w:p></w:customXml>"#,
    );
    assert_eq!(texts(&doc), ["宁波市外办网站"]);
}

#[test]
fn content_controls_at_every_level_read_content_not_placeholder() {
    let doc = body(
        r#"<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val="X"/></w:placeholder><w:text/></w:sdtPr><w:sdtEndPr/><w:sdtContent>
             <w:p><w:r><w:t>块级</w:t></w:r>
               <w:sdt><w:sdtPr><w:alias w:val="单击此处输入文字"/></w:sdtPr><w:sdtContent><w:r><w:t>行内</w:t></w:r></w:sdtContent></w:sdt></w:p>
           </w:sdtContent></w:sdt>"#,
    );
    assert_eq!(texts(&doc), ["块级行内"]);
}

#[test]
fn simple_and_complex_fields_keep_results_only() {
    let doc = body(
        r#"<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>
           <w:p><w:r><w:t>见</w:t></w:r>
             <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \h </w:instrText></w:r>
             <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>QUOTE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>内层</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
             <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>表一</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
             <w:r><w:t>。</w:t></w:r></w:p>"#,
    );
    assert_eq!(texts(&doc), ["3", "见表一。"]);
}

#[test]
fn field_results_spanning_paragraphs() {
    let doc = body(
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \o "1-3"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、概述</w:t></w:r></w:p>
           <w:p><w:r><w:t>二、情况</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
           <w:p><w:r><w:t>正文</w:t></w:r></w:p>"#,
    );
    assert_eq!(texts(&doc), ["一、概述", "二、情况", "正文"]);
}

#[test]
fn a_field_begin_without_end_does_not_eat_the_document() {
    let doc = body(
        r#"<w:p><w:r><w:t>前</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
           <w:p><w:r><w:t>后面的正文</w:t></w:r></w:p>"#,
    );
    assert_eq!(texts(&doc), ["前", "后面的正文"]);
    assert!(has_code(&doc, "docx.field.unterminated"));
}

#[test]
fn tracked_changes_keep_insertions_drop_deletions() {
    let doc = body(
        r#"<w:p><w:r><w:t>保留</w:t></w:r>
             <w:ins w:id="1" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>
             <w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>
             <w:moveFrom w:id="3"><w:r><w:t>移出</w:t></w:r></w:moveFrom>
             <w:moveTo w:id="4"><w:r><w:t>移入</w:t></w:r></w:moveTo>
             <w:r><w:rPr><w:rPrChange w:id="5"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>格式</w:t></w:r></w:p>
           <w:ins w:id="6"><w:p><w:r><w:t>新段</w:t></w:r></w:p></w:ins>"#,
    );
    assert_eq!(texts(&doc), ["保留插入移入格式", "新段"]);
}

#[test]
fn alternate_content_takes_exactly_one_branch() {
    let doc = body(
        r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r>
             <mc:AlternateContent>
               <mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>框内</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
               <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>框内</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
             </mc:AlternateContent></w:r></w:p>"#,
    );
    assert_eq!(texts(&doc), ["正文"]);
    let boxes: Vec<_> = doc
        .stories
        .iter()
        .filter(|s| s.kind == StoryKind::TextBox)
        .collect();
    assert_eq!(boxes.len(), 1);
    assert_eq!(xxgk::document::blocks_text(&boxes[0].blocks), "框内");
    assert_eq!(doc.bookmarks.len(), 1);
}

#[test]
fn alternate_content_with_an_unknown_choice_takes_the_fallback() {
    let doc = body(
        r#"<w:p><mc:AlternateContent xmlns:x9="urn:unknown">
             <mc:Choice Requires="x9"><w:r><w:t>不可读</w:t></w:r></mc:Choice>
             <mc:Fallback><w:r><w:t>后备</w:t></w:r></mc:Fallback>
           </mc:AlternateContent></w:p>
           <mc:AlternateContent><mc:Choice Requires="w14"><w:p><w:r><w:t>选择</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>后备2</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>"#,
    );
    assert_eq!(texts(&doc), ["后备", "选择"]);
}

#[test]
fn markup_without_text() {
    let doc = body(
        r#"<w:p><w:commentRangeStart w:id="0"/><w:r><w:lastRenderedPageBreak/><w:t>甲</w:t></w:r><w:proofErr w:type="gramStart"/><w:r><w:t>乙</w:t></w:r><w:proofErr w:type="gramEnd"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>"#,
    );
    assert_eq!(texts(&doc), ["甲乙"]);
}

#[test]
fn several_bodies_are_all_read() {
    let xml = format!(
        r#"<w:document {NS}><w:body><w:p><w:r><w:t>一</w:t></w:r></w:p></w:body><w:body><w:p><w:r><w:t>二</w:t></w:r></w:p></w:body><w:body><w:p><w:r><w:t>三</w:t></w:r></w:p></w:body></w:document>"#
    );
    let doc = Docx::with_document(&xml).read();
    assert_eq!(texts(&doc), ["一", "二", "三"]);
    assert!(has_code(&doc, "docx.body.multiple"));
}

#[test]
fn corpus_multiple_body_bug_reads_all_three() {
    let bytes = std::fs::read(shared("corpus/poi/document/MultipleBodyBug.docx")).unwrap();
    let doc = xxgk::docx::read(&bytes, &Default::default()).unwrap();
    assert_eq!(
        doc.body
            .iter()
            .filter(|b| matches!(b, Block::Paragraph(_)))
            .count(),
        3
    );
    assert!(has_code(&doc, "docx.body.multiple"));
}

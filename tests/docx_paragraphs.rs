//! Paragraph properties and inline content: style, outline level, alignment, indentation,
//! text, tabs, breaks, symbols, hyphens, note references, pictures.

mod support;

use support::*;
use xxgk::document::{Alignment, BreakKind, Inline, NoteKind};

fn r(t: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{t}</w:t></w:r>"#)
}

#[test]
fn style_alignment_and_indentation() {
    let doc = body(&format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Body"/><w:jc w:val="center"/><w:ind w:left="420" w:right="105" w:firstLineChars="200" w:firstLine="640" w:leftChars="50"/></w:pPr>{}</w:p>
           <w:p><w:pPr><w:jc w:val="both"/><w:ind w:hanging="360" w:hangingChars="150"/></w:pPr>{}</w:p>
           <w:p><w:pPr><w:jc w:val="end"/></w:pPr></w:p>
           <w:p><w:pPr><w:jc w:val="distribute"/></w:pPr></w:p>"#,
        r("甲"),
        r("乙")
    ));
    let p = paras(&doc);
    assert_eq!(p[0].style.as_deref(), Some("Body"));
    assert_eq!(p[0].alignment, Some(Alignment::Center));
    assert_eq!(p[0].indent.left, Some(420));
    assert_eq!(p[0].indent.right, Some(105));
    assert_eq!(p[0].indent.first_line, Some(640));
    assert_eq!(p[0].indent.first_line_chars, Some(200));
    assert_eq!(p[0].indent.left_chars, Some(50));
    assert_eq!(p[1].alignment, Some(Alignment::Justify));
    assert_eq!(p[1].indent.first_line, Some(-360));
    assert_eq!(p[1].indent.first_line_chars, Some(-150));
    assert_eq!(p[2].alignment, Some(Alignment::Right));
    assert_eq!(p[3].alignment, Some(Alignment::Distribute));
    assert_eq!(p[1].style, None);
}

#[test]
fn outline_level_direct_and_through_based_on_chain() {
    let styles = r#"
      <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Deeper"><w:basedOn w:val="MyHeading"/></w:style>
      <w:style w:type="paragraph" w:styleId="LoopA"><w:basedOn w:val="LoopB"/></w:style>
      <w:style w:type="paragraph" w:styleId="LoopB"><w:basedOn w:val="LoopA"/></w:style>
      <w:style w:type="paragraph" w:styleId="BodyText"><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>"#;
    let doc = Docx::new(
        r#"<w:p><w:pPr><w:pStyle w:val="Deeper"/></w:pPr></w:p>
           <w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:p>
           <w:p><w:pPr><w:pStyle w:val="LoopA"/></w:pPr></w:p>
           <w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr></w:p>
           <w:p><w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="1"/></w:pPr></w:p>"#,
    )
    .styles(styles)
    .read();
    let lv: Vec<Option<u8>> = paras(&doc).iter().map(|p| p.outline_level).collect();
    assert_eq!(lv, [Some(0), Some(2), None, None, Some(1)]);
}

/// Only paragraph (and numbering) styles give paragraphs anything: a character or table style
/// (even one of the same id, written first) is passed over whole, as a subtree nothing reaches
/// the tree from, markup errors inside it included; the part's other styles still apply.
#[test]
fn character_and_table_styles_are_passed_over() {
    let styles = r#"
      <w:style w:type="character" w:styleId="H"><w:pPr><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="table" w:styleId="T"><w:pPr><w:jc w:val="right"/><w:x></w:pPr><w:tblStylePr w:type="firstRow"><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:tblStylePr></w:style>
      <w:style w:type="paragraph" w:styleId="H"><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:jc w:val="center"/></w:pPr></w:style>"#;
    let doc = Docx::new(
        r#"<w:p><w:pPr><w:pStyle w:val="H"/></w:pPr></w:p>
           <w:p><w:pPr><w:pStyle w:val="T"/></w:pPr></w:p>"#,
    )
    .styles(styles)
    .read();
    let p = paras(&doc);
    // `H` is the paragraph style, not the character style written first.
    assert_eq!(p[0].outline_level, Some(1));
    // `T` is no paragraph style: the paragraph has the default one.
    assert_eq!(p[1].outline_level, None);
    assert_eq!(p[1].alignment, Some(xxgk::document::Alignment::Center));
    assert!(
        !has_code(&doc, "docx.part.unreadable"),
        "{:?}",
        doc.diagnostics
    );
}

#[test]
fn alignment_and_indentation_through_the_style_chain() {
    // `Body` centres and indents the first line; `Quote` (based on it) adds a left indent and
    // justifies; the default paragraph style right-aligns. Direct properties win, each
    // indentation attribute on its own; a paragraph naming an undefined style has the default
    // paragraph style.
    let styles = r#"
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:jc w:val="right"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Body"><w:pPr><w:jc w:val="center"/><w:ind w:firstLine="640" w:firstLineChars="200"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Quote"><w:basedOn w:val="Body"/><w:pPr><w:jc w:val="both"/><w:ind w:left="420"/></w:pPr></w:style>"#;
    let doc = Docx::new(
        r#"<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr></w:p>
           <w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr></w:p>
           <w:p><w:pPr><w:pStyle w:val="Quote"/><w:jc w:val="left"/><w:ind w:hanging="360"/></w:pPr></w:p>
           <w:p/>
           <w:p><w:pPr><w:pStyle w:val="Missing"/></w:pPr></w:p>"#,
    )
    .styles(styles)
    .read();
    let p = paras(&doc);
    let al: Vec<Option<Alignment>> = p.iter().map(|p| p.alignment).collect();
    assert_eq!(
        al,
        [
            Some(Alignment::Center),
            Some(Alignment::Justify),
            Some(Alignment::Left),
            Some(Alignment::Right),
            // An undefined style is the default paragraph style.
            Some(Alignment::Right)
        ]
    );
    assert_eq!(
        (
            p[0].indent.left,
            p[0].indent.first_line,
            p[0].indent.first_line_chars
        ),
        (None, Some(640), Some(200))
    );
    assert_eq!(
        (
            p[1].indent.left,
            p[1].indent.first_line,
            p[1].indent.first_line_chars
        ),
        (Some(420), Some(640), Some(200))
    );
    assert_eq!(
        (
            p[2].indent.left,
            p[2].indent.first_line,
            p[2].indent.first_line_chars
        ),
        (Some(420), Some(-360), Some(200))
    );
    assert!(p[3].indent.is_empty() && p[4].indent.is_empty());
}

#[test]
fn runs_split_inside_words_join() {
    let doc = body(&format!(
        "<w:p>{}{}<w:proofErr w:type=\"spellStart\"/>{}<w:proofErr w:type=\"spellEnd\"/></w:p>",
        r("主动"),
        r("公开"),
        r("情况")
    ));
    assert_eq!(
        paras(&doc)[0].inlines,
        [Inline::Text("主动公开情况".into())]
    );
}

#[test]
fn tabs_breaks_and_carriage_returns() {
    let doc = body(
        r#"<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>概述</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>末</w:t></w:r></w:p>
           <w:p><w:r><w:t>前</w:t><w:br w:type="page"/><w:t>后</w:t><w:br w:type="column"/><w:br w:type="textWrapping"/></w:r></w:p>"#,
    );
    let p = paras(&doc);
    assert_eq!(p[0].text(), "一、\t概述\n第二行\n第三行\t末");
    assert_eq!(
        p[1].inlines,
        [
            Inline::Text("前".into()),
            Inline::Break(BreakKind::Page),
            Inline::Text("后".into()),
            Inline::Break(BreakKind::Column),
            Inline::Break(BreakKind::Line),
        ]
    );
    assert_eq!(p[1].text(), "前后\n");
}

#[test]
fn symbols_and_hyphens() {
    let doc = body(
        r#"<w:p><w:r><w:sym w:font="宋体" w:char="201C"/><w:t>引</w:t><w:sym w:font="宋体" w:char="201D"/>
             <w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Symbol" w:char="0062"/><w:sym w:font="Arial" w:char="F06C"/>
             <w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:softHyphen/><w:t>C</w:t></w:r></w:p>"#,
    );
    assert_eq!(paras(&doc)[0].text(), "“引”A-BC");
    assert!(has_code(&doc, "docx.sym.symbol_font"));
}

#[test]
fn full_width_and_leading_spaces_are_kept_exactly() {
    let doc = body(&format!(
        "<w:p>{}</w:p>",
        r("\u{3000}\u{3000}（一）  主动公开 ")
    ));
    assert_eq!(paras(&doc)[0].text(), "\u{3000}\u{3000}（一）  主动公开 ");
}

#[test]
fn note_references_and_pictures_are_not_text() {
    let doc = body(
        r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>
             <w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r>
             <w:r><w:drawing><wp:inline><wp:docPr id="1" name="图片 1" descr="单位公章"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rId5"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>
             <w:r><w:pict><v:shape alt="旧图"><v:imagedata r:id="rId6" o:title=""/></v:shape></w:pict></w:r></w:p>"#,
    );
    let p = paras(&doc)[0];
    assert_eq!(p.text(), "正文");
    assert_eq!(
        p.inlines[1..],
        [
            Inline::NoteRef {
                kind: NoteKind::Footnote,
                id: "2".into()
            },
            Inline::NoteRef {
                kind: NoteKind::Endnote,
                id: "1".into()
            },
            Inline::NoteRef {
                kind: NoteKind::Comment,
                id: "0".into()
            },
            Inline::Image(Some("单位公章".into())),
            Inline::Image(Some("旧图".into())),
        ]
    );
}

#[test]
fn math_text_is_kept() {
    let doc = body(r#"<w:p><m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath></w:p>"#);
    assert_eq!(paras(&doc)[0].text(), "x+1");
}

#[test]
fn empty_paragraphs() {
    let doc = body("<w:p/><w:p></w:p><w:p><w:pPr/></w:p>");
    assert_eq!(texts(&doc), ["", "", ""]);
}

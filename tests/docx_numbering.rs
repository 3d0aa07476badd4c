//! Automatic numbering labels computed from numbering.xml, following the rules of
//! truth_schema.md ("Automatic numbering").

mod support;

use support::*;
use xxgk::document::Block;

fn lvl(ilvl: u8, fmt: &str, text: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>"#
    )
}

/// The report's usual three levels: 一、 （一） 1.
fn report_numbering() -> String {
    format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum>
           <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
           <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
           <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#,
        lvl(0, "chineseCounting", "%1、", ""),
        lvl(1, "chineseCounting", "（%2）", ""),
        lvl(2, "decimal", "%3.", r#"<w:suff w:val="nothing"/>"#)
    )
}

fn p(num: u32, ilvl: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

fn labels(doc: &xxgk::Document) -> Vec<String> {
    doc.paragraphs()
        .iter()
        .map(|p| {
            p.numbering
                .as_ref()
                .map(|n| n.label.clone())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn multi_level_chinese_labels_and_restarts() {
    let body = [
        p(1, 0, "概述"),
        p(1, 1, "主动公开"),
        p(1, 1, "依申请"),
        p(1, 2, "当面"),
        p(1, 2, "网络"),
        p(1, 0, "问题"),
        p(1, 1, "不足"),
        p(1, 2, "其一"),
    ]
    .concat();
    let doc = Docx::new(&body).numbering(&report_numbering()).read();
    assert_eq!(
        labels(&doc),
        [
            "一、",
            "（一）",
            "（二）",
            "1.",
            "2.",
            "二、",
            "（一）",
            "1."
        ]
    );
    let first = doc.paragraphs()[0].numbering.clone().unwrap();
    assert_eq!(
        (first.num_id, first.level, first.suffix.as_str()),
        (1, 0, "\t")
    );
    assert_eq!(doc.paragraphs()[0].text(), "一、\t概述");
    assert_eq!(doc.paragraphs()[3].text(), "1.当面");
}

#[test]
fn counters_belong_to_the_abstract_numbering_and_overrides_restart() {
    let body = [
        p(1, 0, "a"),
        p(2, 0, "b"),
        p(3, 0, "c"),
        p(3, 0, "d"),
        p(0, 0, "not numbered"),
    ]
    .concat();
    let doc = Docx::new(&body).numbering(&report_numbering()).read();
    assert_eq!(labels(&doc), ["一、", "二、", "五、", "六、", ""]);
    assert!(doc.paragraphs()[4].numbering.is_none());
}

#[test]
fn number_formats() {
    let cases = [
        ("decimal", "%1.", "1.", "2."),
        ("chineseCountingThousand", "%1、", "一、", "二、"),
        ("taiwaneseCountingThousand", "%1、", "一、", "二、"),
        ("ideographTraditional", "%1、", "甲、", "乙、"),
        ("decimalEnclosedCircle", "%1", "①", "②"),
        ("upperLetter", "%1.", "A.", "B."),
        ("lowerLetter", "(%1)", "(a)", "(b)"),
        ("upperRoman", "%1.", "I.", "II."),
        ("lowerRoman", "%1.", "i.", "ii."),
        ("none", "%1", "", ""),
    ];
    for (fmt, text, one, two) in cases {
        let numbering = format!(
            r#"<w:abstractNum w:abstractNumId="7">{}</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num>"#,
            lvl(0, fmt, text, "")
        );
        let doc = Docx::new(&[p(4, 0, "x"), p(4, 0, "y")].concat())
            .numbering(&numbering)
            .read();
        assert_eq!(labels(&doc), [one, two], "{fmt}");
    }
}

#[test]
fn word_2010_custom_formats() {
    // Word 2010 writes a custom format in an `mc:Choice` with a plain fallback; the custom one
    // is what Word shows. An unknown custom format falls back, with a diagnostic.
    let level = |format: &str, fallback: &str| {
        format!(
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="{format}"/></mc:Choice><mc:Fallback><w:numFmt w:val="{fallback}"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl>"#
        )
    };
    let cases = [
        ("001, 002, 003, ...", "decimal", "001.", "002."),
        ("01, 02, 03, ...", "decimalZero", "01.", "02."),
        ("一, 二, 三, ...", "decimal", "一.", "二."),
        ("①, ②, ③, ...", "decimal", "①.", "②."),
        ("❶, ❷, ❸, ...", "decimal", "1.", "2."),
    ];
    for (format, fallback, one, two) in cases {
        let numbering = format!(
            r#"<w:abstractNum w:abstractNumId="7">{}</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num>"#,
            level(format, fallback)
        );
        let doc = Docx::new(&[p(4, 0, "x"), p(4, 0, "y")].concat())
            .numbering(&numbering)
            .read();
        assert_eq!(labels(&doc), [one, two], "{format}");
        let unknown = doc
            .diagnostics
            .iter()
            .any(|d| d.code == "docx.numbering.custom_format");
        assert_eq!(unknown, format.starts_with('❶'), "{format}");
    }
}

#[test]
fn bullets_suffixes_and_start_values() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="1">{}{}</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="1"/></w:num>"#,
        lvl(0, "bullet", "\u{f0b7}", ""),
        r#"<w:lvl w:ilvl="1"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%2）"/><w:suff w:val="space"/></w:lvl>"#
    );
    let doc = Docx::new(&[p(9, 0, "点"), p(9, 1, "三")].concat())
        .numbering(&numbering)
        .read();
    let a = doc.paragraphs()[0].numbering.clone().unwrap();
    assert!(a.bullet);
    assert_eq!(a.label, "");
    assert_eq!(doc.paragraphs()[0].text(), "点");
    assert_eq!(doc.paragraphs()[1].text(), "（3） 三");
}

#[test]
fn numbering_through_the_paragraph_style_and_based_on() {
    let styles = r#"
      <w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="H2x"><w:basedOn w:val="H2"/></w:style>
      <w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#;
    let body = r#"<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>一级</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="H2x"/></w:pPr><w:r><w:t>二级</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="H2"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>取消</w:t></w:r></w:p>"#;
    let doc = Docx::new(body)
        .styles(styles)
        .numbering(&report_numbering())
        .read();
    assert_eq!(labels(&doc), ["一、", "（一）", ""]);
}

#[test]
fn missing_ilvl_uses_the_level_naming_the_style() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        lvl(0, "chineseCounting", "%1、", r#"<w:pStyle w:val="A"/>"#),
        lvl(1, "chineseCounting", "（%2）", r#"<w:pStyle w:val="B"/>"#)
    );
    let styles = r#"<w:style w:type="paragraph" w:styleId="B"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#;
    let doc = Docx::new(r#"<w:p><w:pPr><w:pStyle w:val="B"/></w:pPr></w:p>"#)
        .styles(styles)
        .numbering(&numbering)
        .read();
    assert_eq!(labels(&doc), ["（一）"]);
}

#[test]
fn num_style_link_is_followed_and_cycles_are_safe() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="ListStyle"/>{}</w:abstractNum>
           <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>
           <w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Loop"/></w:abstractNum>
           <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
           <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
           <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>"#,
        lvl(0, "decimal", "%1)", "")
    );
    let styles = r#"<w:style w:type="numbering" w:styleId="ListStyle"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        <w:style w:type="numbering" w:styleId="Loop"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>"#;
    let doc = Docx::new(&[p(2, 0, "a"), p(2, 0, "b"), p(3, 0, "loop")].concat())
        .styles(styles)
        .numbering(&numbering)
        .read();
    assert_eq!(labels(&doc)[..2], ["1)", "2)"]);
}

#[test]
fn lvl_text_naming_a_missing_level_is_a_diagnostic() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        lvl(0, "decimal", "%1.%5.", "")
    );
    let doc = Docx::new(&[p(1, 0, "x"), p(1, 4, "y"), p(77, 0, "z")].concat())
        .numbering(&numbering)
        .read();
    assert_eq!(labels(&doc)[0], "1..");
    assert!(has_code(&doc, "docx.numbering.missing_level"));
    assert!(has_code(&doc, "docx.numbering.unknown_num"));
}

#[test]
fn lvl_restart_zero_never_restarts() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        lvl(0, "chineseCounting", "%1、", ""),
        lvl(1, "decimal", "%2.", r#"<w:lvlRestart w:val="0"/>"#)
    );
    let doc = Docx::new(&[p(1, 0, "a"), p(1, 1, "b"), p(1, 0, "c"), p(1, 1, "d")].concat())
        .numbering(&numbering)
        .read();
    assert_eq!(labels(&doc), ["一、", "1.", "二、", "2."]);
}

#[test]
fn multi_level_text_and_deeper_level_first() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        lvl(0, "decimal", "%1.", ""),
        lvl(1, "decimal", "%1.%2", "")
    );
    let doc = Docx::new(&[p(1, 1, "a"), p(1, 1, "b"), p(1, 0, "c"), p(1, 1, "d")].concat())
        .numbering(&numbering)
        .read();
    assert_eq!(labels(&doc), ["1.1", "1.2", "2.", "2.1"]);
}

#[test]
fn numbered_paragraphs_in_table_cells() {
    let body = format!(
        r#"<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>"#,
        p(1, 1, "主动公开政府信息数"),
        p(1, 1, "依申请")
    );
    let doc = Docx::new(&body).numbering(&report_numbering()).read();
    let Block::Table(t) = &doc.body[0] else {
        panic!()
    };
    assert_eq!(t.rows[0].cells[0].text(), "（一）\t主动公开政府信息数");
    assert_eq!(t.rows[1].cells[0].text(), "（二）\t依申请");
}

//! The written style set: what each paragraph style gives its text once its `basedOn` chain and
//! the document defaults are followed, checked against GB/T 9704-2012 (`../shared/domain/formats.md`
//! §6: 7.3.1 title 二号小标宋, 7.3.3 body 三号仿宋 with two characters' first-line indent and
//! headings 黑体 / 楷体 / 仿宋 / 仿宋, 7.5 page numbers 四号宋体; 小二 table title and 小四 table
//! text by convention), and how `document.xml` uses it: a paragraph names its style and carries
//! nothing the style already says; outline levels reach a reader through the styles.

#[path = "tools/truth.rs"]
mod truth;

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;
use xxgk::document::Block;
use xxgk::docx;
use xxgk::Report;

/// One style as written: base and its own properties, `element/attribute` → value.
#[derive(Debug, Default, Clone)]
struct Style {
    based_on: Option<String>,
    props: HashMap<String, String>,
}

/// Styles by id, plus the document defaults under the id `""`.
fn parse_styles(xml: &str) -> (HashMap<String, Style>, Option<String>) {
    let mut reader = Reader::from_str(xml);
    let mut styles = HashMap::new();
    let mut default = None;
    let mut id = String::new();
    let mut current = Style::default();
    loop {
        let event = reader.read_event().unwrap();
        let (e, empty) = match &event {
            Event::Eof => break,
            Event::Start(e) => (e.clone(), false),
            Event::Empty(e) => (e.clone(), true),
            Event::End(e) if e.name().as_ref() == b"w:style" => {
                styles.insert(std::mem::take(&mut id), std::mem::take(&mut current));
                continue;
            }
            Event::End(e) if e.name().as_ref() == b"w:docDefaults" => {
                styles.insert(String::new(), std::mem::take(&mut current));
                continue;
            }
            _ => continue,
        };
        let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
        let attrs: Vec<(String, String)> = e
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    String::from_utf8(a.value.to_vec()).unwrap(),
                )
            })
            .collect();
        let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        match name.as_str() {
            "w:style" => {
                id = get("w:styleId").unwrap();
                if get("w:default").as_deref() == Some("1") {
                    default = Some(id.clone());
                }
            }
            "w:basedOn" => current.based_on = get("w:val"),
            _ if empty => {
                if attrs.is_empty() {
                    current.props.insert(name.clone(), "1".into());
                }
                for (k, v) in &attrs {
                    let key = if k == "w:val" {
                        name.clone()
                    } else {
                        format!("{name}/{k}")
                    };
                    current.props.insert(key, v.clone());
                }
            }
            _ => {}
        }
    }
    (styles, default)
}

/// The written package's parts.
fn package(report: &Report) -> (String, String, Vec<u8>) {
    let mut buf = Cursor::new(Vec::new());
    docx::write(report, &mut buf).unwrap();
    let bytes = buf.into_inner();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    (part("word/styles.xml"), part("word/document.xml"), bytes)
}

/// A property of style `id` through its `basedOn` chain, then the document defaults.
fn resolve(styles: &HashMap<String, Style>, id: &str, prop: &str) -> Option<String> {
    let mut next = Some(id.to_string());
    let mut hops = 0;
    while let Some(id) = next {
        hops += 1;
        assert!(hops < 16, "basedOn cycle at {id}");
        let style = styles
            .get(&id)
            .unwrap_or_else(|| panic!("style {id} missing"));
        if let Some(v) = style.props.get(prop) {
            return Some(v.clone());
        }
        next = style.based_on.clone();
    }
    styles.get("").and_then(|d| d.props.get(prop).cloned())
}

fn ningbo_styles() -> (HashMap<String, Style>, Option<String>) {
    parse_styles(&package(&truth::ningbo()).0)
}

const EAST_ASIA: &str = "w:rFonts/w:eastAsia";
const LATIN: &str = "w:rFonts/w:ascii";
/// 三号 16 pt in half-points.
const SIZE_3: &str = "32";

#[test]
fn body_text_is_the_default_style_with_a_two_character_indent() {
    let (styles, default) = ningbo_styles();
    let normal = default.expect("a default paragraph style");
    let get = |p: &str| resolve(&styles, &normal, p);
    assert_eq!(get(EAST_ASIA).as_deref(), Some("仿宋_GB2312"));
    assert_eq!(get(LATIN).as_deref(), Some("Times New Roman"));
    assert_eq!(get("w:sz").as_deref(), Some(SIZE_3));
    assert_eq!(get("w:jc").as_deref(), Some("both"));
    // Two characters: 200 hundredths, or 2 × 16 pt = 640 twips.
    assert_eq!(get("w:ind/w:firstLineChars").as_deref(), Some("200"));
    assert_eq!(get("w:ind/w:firstLine").as_deref(), Some("640"));
    assert_eq!(get("w:outlineLvl"), None);
}

#[test]
fn the_title_is_erhao_xiaobiaosong_centred() {
    let (styles, _) = ningbo_styles();
    let get = |p: &str| resolve(&styles, "XxgkTitle", p);
    assert_eq!(get(EAST_ASIA).as_deref(), Some("方正小标宋简体"));
    assert_eq!(get("w:sz").as_deref(), Some("44"));
    assert_eq!(get("w:jc").as_deref(), Some("center"));
    assert_eq!(get("w:ind/w:firstLineChars").as_deref(), Some("0"));
    assert_eq!(get("w:ind/w:firstLine").as_deref(), Some("0"));
    assert_eq!(get("w:outlineLvl"), None);
}

#[test]
fn headings_carry_level_font_outline_level_and_keep_with_next() {
    let (styles, _) = ningbo_styles();
    for (level, font) in [
        (1, "黑体"),
        (2, "楷体_GB2312"),
        (3, "仿宋_GB2312"),
        (4, "仿宋_GB2312"),
    ] {
        let id = format!("XxgkHeading{level}");
        let get = |p: &str| resolve(&styles, &id, p);
        assert_eq!(get(EAST_ASIA).as_deref(), Some(font), "{id}");
        assert_eq!(get(LATIN).as_deref(), Some("Times New Roman"), "{id}");
        assert_eq!(get("w:sz").as_deref(), Some(SIZE_3), "{id}");
        assert_eq!(get("w:outlineLvl"), Some((level - 1).to_string()), "{id}");
        assert_eq!(get("w:keepNext").as_deref(), Some("1"), "{id}");
        // Headings stand where body paragraphs do: two characters in.
        assert_eq!(
            get("w:ind/w:firstLineChars").as_deref(),
            Some("200"),
            "{id}"
        );
        assert_eq!(get("w:b"), None, "GB/T 9704 asks for no bold");
    }
}

#[test]
fn table_styles_set_sizes_fonts_and_label_depths() {
    let (styles, _) = ningbo_styles();
    let get = |id: &str, p: &str| resolve(&styles, id, p);
    // Table title 小二 (18 pt) 小标宋 on a new page; subtitle 楷体 三号.
    assert_eq!(get("XxgkTableTitle", "w:sz").as_deref(), Some("36"));
    assert_eq!(
        get("XxgkTableTitle", EAST_ASIA).as_deref(),
        Some("方正小标宋简体")
    );
    assert_eq!(
        get("XxgkTableTitle", "w:pageBreakBefore").as_deref(),
        Some("1")
    );
    assert_eq!(
        get("XxgkTableSubtitle", EAST_ASIA).as_deref(),
        Some("楷体_GB2312")
    );
    assert_eq!(get("XxgkTableSubtitle", "w:sz").as_deref(), Some(SIZE_3));
    // Cells 小四 (12 pt) 仿宋, header 黑体, values centred, off the line grid, no indent.
    for id in ["XxgkCell", "XxgkHead", "XxgkLabel", "XxgkLabel3"] {
        assert_eq!(get(id, "w:sz").as_deref(), Some("24"), "{id}");
        assert_eq!(get(id, "w:snapToGrid").as_deref(), Some("0"), "{id}");
        assert_eq!(get(id, "w:ind/w:firstLine").as_deref(), Some("0"), "{id}");
    }
    assert_eq!(get("XxgkCell", EAST_ASIA).as_deref(), Some("仿宋_GB2312"));
    assert_eq!(get("XxgkHead", EAST_ASIA).as_deref(), Some("黑体"));
    assert_eq!(get("XxgkCell", "w:jc").as_deref(), Some("center"));
    assert_eq!(get("XxgkLabel", "w:jc").as_deref(), Some("left"));
    // Depth d: 2d characters of 小四 (12 pt = 240 twips each).
    for d in 1..=8 {
        let id = format!("XxgkLabel{d}");
        assert_eq!(get(&id, "w:ind/w:leftChars"), Some((200 * d).to_string()));
        assert_eq!(get(&id, "w:ind/w:left"), Some((480 * d).to_string()));
        assert_eq!(get(&id, "w:jc").as_deref(), Some("left"));
    }
    // Page numbers: 四号 (14 pt) 宋体, digits too.
    assert_eq!(get("XxgkPageNumber", "w:sz").as_deref(), Some("28"));
    assert_eq!(get("XxgkPageNumber", EAST_ASIA).as_deref(), Some("宋体"));
    assert_eq!(get("XxgkPageNumber", LATIN).as_deref(), Some("宋体"));
    assert_eq!(
        get("XxgkPageNumber", "w:ind/w:firstLine").as_deref(),
        Some("0")
    );
}

#[test]
fn paragraphs_name_their_style_and_repeat_nothing_of_it() {
    let report = truth::ningbo();
    let (_, doc, _) = package(&report);
    // Body text: no properties at all.
    let intro = &report.intro[0];
    assert!(doc.contains(&format!("<w:p><w:r><w:t>{intro}</w:t></w:r></w:p>")));
    // A heading: its style, number and heading in one run without run properties.
    assert!(doc.contains(
        r#"<w:p><w:pPr><w:pStyle w:val="XxgkHeading1"/></w:pPr><w:r><w:t>一、概述</w:t></w:r></w:p>"#
    ));
    assert!(doc.contains(r#"<w:pPr><w:pStyle w:val="XxgkTitle"/></w:pPr>"#));
    // What the styles say is said nowhere in the body.
    let paragraphs_jc = r#"<w:jc w:val="both"/>"#;
    for repeated in ["<w:ind", paragraphs_jc, "<w:sz", "<w:outlineLvl"] {
        assert!(!doc.contains(repeated), "{repeated} in document.xml");
    }
    // Run properties only where body type follows a 黑体 or 楷体 run-in heading.
    let mut run_in = 0;
    let mut stack: Vec<&xxgk::model::Section> = report.sections.iter().collect();
    while let Some(s) = stack.pop() {
        let goes_on = s
            .heading
            .find('。')
            .is_some_and(|i| i + '。'.len_utf8() < s.heading.len());
        if s.level <= 2 && goes_on {
            run_in += 1;
        }
        stack.extend(&s.children);
    }
    assert!(run_in > 0);
    assert_eq!(doc.matches("<w:rPr>").count(), run_in);
    assert_eq!(
        doc.matches(r#"<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr>"#)
            .count(),
        run_in
    );
    // Depth-3 labels (`其中：主要负责同志…`) take the depth-3 style.
    let row = doc.find("其中：主要负责同志参加新闻发布会次数").unwrap();
    let start = doc[..row].rfind("<w:p>").unwrap();
    assert!(doc[start..row].contains(r#"<w:pStyle w:val="XxgkLabel3"/>"#));
}

#[test]
fn run_in_headings_go_on_in_body_type_and_are_not_kept_with_the_next() {
    let mut report = Report {
        title: "标题".into(),
        ..Report::default()
    };
    report.sections.push(xxgk::model::Section {
        number: "（一）".into(),
        heading: "加强组织领导。调整局政务公开领导小组。".into(),
        level: 2,
        ..Default::default()
    });
    let (_, doc, _) = package(&report);
    assert!(
        doc.contains(
            r#"<w:p><w:pPr><w:pStyle w:val="XxgkHeading2"/><w:keepNext w:val="0"/></w:pPr><w:r><w:t>（一）加强组织领导。</w:t></w:r><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t>调整局政务公开领导小组。</w:t></w:r></w:p>"#
        ),
        "{doc}"
    );
}

#[test]
fn a_reader_finds_the_outline_levels_through_the_styles() {
    let report = truth::ningbo();
    let (_, _, bytes) = package(&report);
    let document = xxgk::read_bytes(&bytes, Some("x.docx"), &xxgk::Options::default()).unwrap();
    let mut want = vec![];
    let mut stack: Vec<&xxgk::model::Section> = report.sections.iter().rev().collect();
    while let Some(s) = stack.pop() {
        want.push((format!("{}{}", s.number, s.heading), Some(s.level - 1)));
        stack.extend(s.children.iter().rev());
    }
    let got: Vec<(String, Option<u8>)> = document
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) if p.outline_level.is_some() => Some((p.text(), p.outline_level)),
            _ => None,
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn headings_beyond_level_four_keep_their_outline_level() {
    let section = |level: u8, number: &str| xxgk::model::Section {
        number: number.into(),
        heading: "标题".into(),
        level,
        ..Default::default()
    };
    let report = Report {
        title: "标题".into(),
        sections: vec![section(5, "①"), section(0, "※")],
        ..Report::default()
    };
    let (_, doc, bytes) = package(&report);
    // Level 5: the level-4 style (仿宋, kept with the next) with outline level 4 of its own.
    assert!(doc.contains(
        r#"<w:pPr><w:pStyle w:val="XxgkHeading4"/><w:outlineLvl w:val="4"/></w:pPr><w:r><w:t>①标题</w:t>"#
    ));
    // Level 0 (no level): body text kept with the next, no outline level.
    assert!(doc.contains(r#"<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>※标题</w:t>"#));
    let document = xxgk::read_bytes(&bytes, Some("x.docx"), &xxgk::Options::default()).unwrap();
    let levels: Vec<Option<u8>> = document
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) if p.text().ends_with("标题") && p.text() != "标题" => {
                Some(p.outline_level)
            }
            _ => None,
        })
        .collect();
    assert_eq!(levels, [Some(4), None]);
}

#[test]
fn a_reader_finds_body_and_title_layout_through_the_styles() {
    use xxgk::document::Alignment;
    let report = truth::ningbo();
    let (_, _, bytes) = package(&report);
    let document = xxgk::read_bytes(&bytes, Some("x.docx"), &xxgk::Options::default()).unwrap();
    let paragraph = |text: &str| {
        document
            .body
            .iter()
            .find_map(|b| match b {
                Block::Paragraph(p) if p.text() == text => Some(p.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{text} not read"))
    };
    // GB/T 9704 7.3.3: body paragraphs justified, two characters in on the first line.
    let intro = paragraph(&report.intro[0]);
    assert_eq!(intro.alignment, Some(Alignment::Justify));
    assert_eq!(intro.indent.first_line_chars, Some(200));
    // 7.3.1: the title centred, not indented.
    let title = paragraph(&report.title);
    assert_eq!(title.alignment, Some(Alignment::Center));
    assert_eq!(title.indent.first_line_chars, Some(0));
}

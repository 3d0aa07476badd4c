//! What the writer puts in the package, checked on the Ningbo report (from its truth file):
//! parts present and deflated, page set-up (GB/T 9704), fonts, bookmarks at their anchors, the
//! table's repeated header and unsplittable rows, document properties.

#[path = "tools/truth.rs"]
mod truth;

use std::io::{Cursor, Read};

use xxgk::docx::{self, WriteOptions};
use xxgk::Report;

fn package(
    report: &Report,
    opts: &WriteOptions,
) -> (zip::ZipArchive<Cursor<Vec<u8>>>, Vec<xxgk::Diagnostic>) {
    let mut buf = Cursor::new(Vec::new());
    let diags = docx::write_with(report, &mut buf, opts).unwrap();
    (
        zip::ZipArchive::new(Cursor::new(buf.into_inner())).unwrap(),
        diags,
    )
}

fn part(zip: &mut zip::ZipArchive<Cursor<Vec<u8>>>, name: &str) -> String {
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn every_part_is_present_and_deflated() {
    let (mut zip, _) = package(&truth::ningbo(), &WriteOptions::default());
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/theme/theme1.xml",
        "word/footer1.xml",
        "word/footer2.xml",
        "docProps/core.xml",
        "docProps/app.xml",
    ] {
        let file = zip
            .by_name(name)
            .unwrap_or_else(|_| panic!("{name} missing"));
        assert_eq!(
            file.compression(),
            zip::CompressionMethod::Deflated,
            "{name}"
        );
    }
}

#[test]
fn page_follows_gbt_9704() {
    let (mut zip, _) = package(&truth::ningbo(), &WriteOptions::default());
    let doc = part(&mut zip, "word/document.xml");
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    // 37 / 26 / 35 / 28 mm.
    assert!(doc.contains(r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#));
    assert!(doc.contains(r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#));
    let settings = part(&mut zip, "word/settings.xml");
    assert!(settings.contains("<w:evenAndOddHeaders/>"));
    let odd = part(&mut zip, "word/footer1.xml");
    let even = part(&mut zip, "word/footer2.xml");
    for (footer, jc) in [(&odd, "right"), (&even, "left")] {
        assert!(
            footer.contains(&format!(r#"<w:jc w:val="{jc}""#)),
            "{footer}"
        );
        assert!(footer.contains("— ") && footer.contains(" —") && footer.contains("PAGE"));
        assert!(footer.contains(r#"w:eastAsia="宋体""#) && footer.contains(r#"<w:sz w:val="28""#));
    }
}

#[test]
fn fonts_name_their_fallbacks() {
    let (mut zip, _) = package(&truth::ningbo(), &WriteOptions::default());
    let fonts = part(&mut zip, "word/fontTable.xml");
    for (name, alt) in [
        ("仿宋_GB2312", "仿宋"),
        ("楷体_GB2312", "楷体"),
        ("方正小标宋简体", "宋体"),
    ] {
        let expected =
            format!(r#"<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>"#);
        assert!(fonts.contains(&expected), "{name}");
    }
    // Title, heading and body fonts are the styles' (tests/write_styles.rs); a paragraph only
    // names its style.
    let doc = part(&mut zip, "word/document.xml");
    assert!(doc.contains(r#"<w:pStyle w:val="XxgkTitle"/>"#));
    assert!(doc.contains(r#"<w:pStyle w:val="XxgkHeading1"/></w:pPr><w:r><w:t>一、"#));
    assert!(doc.contains(r#"<w:pStyle w:val="XxgkHeading2"/></w:pPr><w:r><w:t>（一）"#));
    let styles = part(&mut zip, "word/styles.xml");
    assert!(styles.contains(r#"w:firstLine="640" w:firstLineChars="200""#));
}

#[test]
fn bookmarks_sit_at_their_anchors_with_unique_ids() {
    let report = truth::ningbo();
    let (mut zip, diags) = package(&report, &WriteOptions::default());
    assert!(diags.is_empty(), "{diags:?}");
    let doc = part(&mut zip, "word/document.xml");
    // `_GoBack` at the table title (truth: `table.title`).
    let go_back = doc.find(r#"w:name="_GoBack""#).unwrap();
    let title = doc.find("政府信息公开情况统计表").unwrap();
    let last_intro = doc.find("（三）完善公开平台建设").unwrap_or(0);
    assert!(last_intro < go_back && go_back < title);
    // `_Hlk534186356` at row 13 (`1.参加或举办新闻发布会总次数`).
    let hlk = doc.find(r#"w:name="_Hlk534186356""#).unwrap();
    let row13 = doc.find("1.参加或举办新闻发布会总次数").unwrap();
    assert!(hlk < row13 && doc[hlk..row13].find("<w:tr>").is_none());
    let starts = doc.matches("<w:bookmarkStart").count();
    let ends = doc.matches("<w:bookmarkEnd").count();
    assert_eq!(
        (starts, ends),
        (report.bookmarks.len(), report.bookmarks.len())
    );
    for id in 0..report.bookmarks.len() {
        assert_eq!(
            doc.matches(&format!(r#"<w:bookmarkStart w:id="{id}""#))
                .count(),
            1
        );
    }
}

#[test]
fn unanchored_bookmarks_start_the_body_and_bad_anchors_are_reported() {
    let mut report = truth::ningbo();
    report.bookmarks.push("free".into());
    report.anchors.push(xxgk::model::Anchor {
        name: "lost".into(),
        at: "sections[99]".into(),
    });
    let (mut zip, diags) = package(&report, &WriteOptions::default());
    let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["write.bookmark.unplaced"]);
    let doc = part(&mut zip, "word/document.xml");
    let first_p = doc.find("<w:p>").unwrap();
    let title_text = doc.find(&report.title).unwrap();
    for name in ["free", "lost"] {
        let at = doc.find(&format!(r#"w:name="{name}""#)).unwrap();
        assert!(first_p < at && at < title_text, "{name}");
    }
}

#[test]
fn table_rows_repeat_the_header_and_never_split() {
    let report = truth::ningbo();
    let (mut zip, _) = package(&report, &WriteOptions::default());
    let doc = part(&mut zip, "word/document.xml");
    let rows = report.tables[0].rows.len() + 1;
    assert_eq!(doc.matches("<w:cantSplit/>").count(), rows);
    assert_eq!(doc.matches("<w:tblHeader/>").count(), 1);
    assert!(
        doc.contains(r#"<w:gridCol w:w="6236"/><w:gridCol w:w="1134"/><w:gridCol w:w="1475"/>"#)
    );
    // Depth 3 (`其中：主要负责同志…`) is indented six characters by its label style.
    assert!(doc.contains(r#"<w:pStyle w:val="XxgkLabel3"/>"#));
    // Every cell ends with a paragraph.
    assert_eq!(
        doc.matches("</w:p></w:tc>").count(),
        doc.matches("</w:tc>").count()
    );
    assert!(doc.contains("<w:t>（不同渠道和方式公开相同信息计1条）</w:t>"));
    // Cells take font, size and alignment from the table styles.
    let cells = doc.matches("<w:tc>").count();
    let styled = ["XxgkHead", "XxgkLabel", "XxgkCell"]
        .iter()
        .map(|s| doc.matches(&format!(r#"<w:pStyle w:val="{s}"#)).count())
        .sum::<usize>();
    assert!(
        styled >= cells,
        "{styled} styled paragraphs for {cells} cells"
    );
    let (mut zip, _) = package(&report, &WriteOptions::default());
    let styles = part(&mut zip, "word/styles.xml");
    assert!(
        styles.contains(r#"w:styleId="XxgkCell""#)
            && styles.contains(r#"<w:snapToGrid w:val="0"/>"#)
    );
}

#[test]
fn document_properties_name_title_agency_and_dates() {
    std::env::set_var("SOURCE_DATE_EPOCH", "1546300800");
    let (mut zip, _) = package(&truth::ningbo(), &WriteOptions::default());
    let core = part(&mut zip, "docProps/core.xml");
    assert!(core.contains("<dc:title>市外办2018年政府信息公开工作年度报告</dc:title>"));
    assert!(core.contains("<dc:creator>市外办</dc:creator>"));
    assert!(core.contains(
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">2019-01-01T00:00:00Z</dcterms:created>"#
    ));
    assert!(core.contains("<dcterms:modified"));
}

#[test]
fn control_characters_are_reported_not_written() {
    let report = Report {
        title: "标题".into(),
        intro: vec!["a\u{1}b".into()],
        ..Report::default()
    };
    let (mut zip, diags) = package(&report, &WriteOptions::default());
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "write.text.invalid_char");
    assert_eq!(diags[0].location.path.as_deref(), Some("intro[0]"));
    assert!(part(&mut zip, "word/document.xml").contains("<w:t>ab</w:t>"));
}

#[test]
fn many_column_tables_are_written_flat() {
    let row = xxgk::model::Row {
        code: None,
        label: "一、本年新收政府信息公开申请数量".into(),
        path: vec![],
        note: None,
        unit: "件".into(),
        value: truth::value("12"),
        values: vec![truth::value("10"), truth::value("2")],
        depth: 0,
    };
    let report = Report {
        title: "标题".into(),
        tables: vec![xxgk::model::StatTable {
            kind: xxgk::model::TableKind::Requests2019,
            title: Some("收到和处理政府信息公开申请情况".into()),
            subtitle: None,
            agency: None,
            header: vec![],
            header_rows: vec![],
            columns: vec!["自然人".into(), "商业企业".into(), "总计".into()],
            parts: vec![],
            rows: vec![row],
        }],
        ..Report::default()
    };
    let (mut zip, diags) = package(&report, &WriteOptions::complete(true));
    assert!(diags.is_empty());
    let doc = part(&mut zip, "word/document.xml");
    assert_eq!(doc.matches("<w:gridCol ").count(), 4);
    for text in [
        "自然人",
        "商业企业",
        "总计",
        "<w:t>10</w:t>",
        "<w:t>2</w:t>",
    ] {
        assert!(doc.contains(text), "{text}");
    }
    // Every row has four cells, the missing third value blank.
    assert_eq!(doc.matches("<w:tc>").count(), 8);
}

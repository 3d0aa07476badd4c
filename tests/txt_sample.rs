//! The published Ningbo 2018 dump read into a tree, checked against the dump's own lines and the
//! truth JSON (table rows, labels, notes, units, values, bookmarks and where they sit).

use xxgk::document::{Block, BreakKind, Inline, Mark, MarkKind, SourceFormat, Table};
use xxgk::txt::{read, TextOptions};

const SAMPLE: &str = "../shared/samples/ningbo2018_utf8.txt";
const TRUTH: &str = "../shared/samples/truth/ningbo2018_waiban.json";

fn sample() -> (String, xxgk::Document) {
    let bytes = std::fs::read(SAMPLE).expect("sample");
    let doc = read(&bytes, &TextOptions::default()).expect("reads");
    (String::from_utf8(bytes).unwrap(), doc)
}

fn the_table(doc: &xxgk::Document) -> &Table {
    let tables: Vec<&Table> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1, "one table");
    tables[0]
}

fn start(name: &str) -> Inline {
    Inline::Mark(Mark {
        kind: MarkKind::Start,
        name: name.into(),
    })
}

#[test]
fn source_is_text_in_utf8_without_findings() {
    let (_, doc) = sample();
    assert_eq!(doc.source.format, SourceFormat::Text);
    assert_eq!(doc.source.detail.as_deref(), Some("UTF-8"));
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    assert!(doc.stories.is_empty());
}

#[test]
fn every_line_before_the_first_cell_is_one_paragraph() {
    let (text, doc) = sample();
    let before: Vec<&str> = text.lines().take_while(|l| !l.starts_with('\t')).collect();
    let paras: Vec<String> = doc
        .body
        .iter()
        .take_while(|b| matches!(b, Block::Paragraph(_)))
        .map(|b| match b {
            Block::Paragraph(p) => p.text(),
            _ => unreachable!(),
        })
        .collect();
    let expected: Vec<String> = before
        .iter()
        .map(|l| l.replace("[bookmark: _GoBack]", ""))
        .collect();
    assert_eq!(paras, expected);
    assert_eq!(paras[0], "", "the dump starts with an empty line");
    assert_eq!(paras[1], "市外办2018年政府信息公开工作年度报告");
    assert!(matches!(doc.body.last(), Some(Block::Table(_))));
    assert_eq!(doc.body.len(), before.len() + 1);
}

#[test]
fn table_has_a_header_and_65_indicator_rows_of_three_cells() {
    let (text, doc) = sample();
    let t = the_table(&doc);
    // Independently: rows are the runs of TAB-led lines separated by blank lines.
    let cell_lines = text.lines().filter(|l| l.starts_with('\t')).count();
    assert_eq!(cell_lines, 198);
    assert_eq!(t.rows.len(), 66);
    for (i, r) in t.rows.iter().enumerate() {
        assert_eq!(r.cells.len(), 3, "row {i}");
        for (c, cell) in r.cells.iter().enumerate() {
            assert_eq!((cell.col, cell.col_span, cell.row_span), (c, 1, 1));
        }
    }
    let header: Vec<String> = t.rows[0].cells.iter().map(|c| c.text()).collect();
    assert_eq!(header, ["统　计　指　标", "单位", "统计数"]);
}

fn strip(s: &str) -> &str {
    s.trim_matches(|c: char| c == ' ' || c == '\u{3000}')
}

#[test]
fn rows_match_the_truth_labels_notes_units_and_values() {
    let (_, doc) = sample();
    let t = the_table(&doc);
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(TRUTH).unwrap()).unwrap();
    let rows = truth["table"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 65);
    for (i, want) in rows.iter().enumerate() {
        let r = &t.rows[i + 1];
        let label_text = r.cells[0].text();
        let lines: Vec<&str> = label_text.split('\n').map(strip).collect();
        let (label, note) = match lines.as_slice() {
            [one] => (one.to_string(), None),
            [a, b] if b.starts_with('（') => (a.to_string(), Some(b.to_string())),
            more => (more.concat(), None),
        };
        assert_eq!(label, want["label"].as_str().unwrap(), "row {i}");
        assert_eq!(note.as_deref(), want["note"].as_str(), "row {i} note");
        assert_eq!(r.cells[1].text(), want["unit"].as_str().unwrap(), "row {i}");
        assert_eq!(
            r.cells[2].text(),
            want["value"].as_str().unwrap(),
            "row {i}"
        );
    }
}

#[test]
fn two_line_label_cells_hold_a_line_break() {
    let (_, doc) = sample();
    let t = the_table(&doc);
    let broken: Vec<usize> = t
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| match &r.cells[0].blocks[..] {
            [Block::Paragraph(p)] => p.inlines.contains(&Inline::Break(BreakKind::Line)),
            _ => panic!("one paragraph per cell"),
        })
        .map(|(i, _)| i)
        .collect();
    // The dump's continuation lines: under 主动公开政府信息数, 回应公众关注热点, 专项经费.
    assert_eq!(broken.len(), 3);
    assert!(t.rows[broken[0]].cells[0]
        .text()
        .contains("主动公开政府信息数\n"));
    assert!(t.rows[broken[2]].cells[0]
        .text()
        .ends_with("\n政府网站建设维护等方面的经费）"));
}

#[test]
fn empty_cells_are_one_empty_paragraph() {
    let (_, doc) = sample();
    let t = the_table(&doc);
    // Row 1 is `一、主动公开情况 / —— / (empty)`.
    match &t.rows[1].cells[2].blocks[..] {
        [Block::Paragraph(p)] => assert!(p.inlines.is_empty()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bookmarks_are_listed_once_in_order_and_sit_where_the_markers_are() {
    let (_, doc) = sample();
    let names: Vec<&str> = doc.bookmarks.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        ["_GoBack", "_Hlk534186356", "_Hlk534186367", "_Hlk534186387"]
    );
    assert!(doc.bookmarks.iter().all(|b| b.hidden && !b.closed));
    // _GoBack opens the table title line.
    let title = doc
        .paragraphs()
        .into_iter()
        .find(|p| p.text() == "政府信息公开情况统计表")
        .unwrap();
    assert_eq!(title.inlines[0], start("_GoBack"));
    // The truth anchors: table.rows[13], [24], [36] (indicator rows, after the header).
    let t = the_table(&doc);
    for (row, name) in [
        (13, "_Hlk534186356"),
        (24, "_Hlk534186367"),
        (36, "_Hlk534186387"),
    ] {
        match &t.rows[row + 1].cells[0].blocks[0] {
            Block::Paragraph(p) => assert_eq!(p.inlines[0], start(name), "row {row}"),
            other => panic!("{other:?}"),
        }
    }
    assert!(t.rows[14].cells[0]
        .text()
        .ends_with("1.参加或举办新闻发布会总次数"));
}

#[test]
fn the_trailing_space_after_the_last_cell_is_not_content() {
    let (text, doc) = sample();
    assert!(text.ends_with("\t23\n "));
    let t = the_table(&doc);
    let last = t.rows.last().unwrap();
    assert_eq!(last.cells[2].text(), "23");
    assert_eq!(last.cells.len(), 3);
}

#[test]
fn gbk_sample_gives_the_same_tree() {
    let (_, utf8) = sample();
    let gbk = read(
        &std::fs::read("../shared/samples/ningbo2018_gbk.txt").unwrap(),
        &TextOptions::default(),
    )
    .unwrap();
    assert_eq!(gbk.source.detail.as_deref(), Some("GB18030"));
    assert_eq!(gbk.body, utf8.body);
    assert_eq!(gbk.bookmarks, utf8.bookmarks);
    assert!(gbk.diagnostics.is_empty());
}

#[test]
fn the_built_in_sample_is_the_published_dump() {
    assert_eq!(
        xxgk::SAMPLE_NINGBO_2018_TXT,
        &std::fs::read(SAMPLE).unwrap()[..]
    );
}

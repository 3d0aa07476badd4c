//! The recognizer and the validator never panic on arbitrary trees: random paragraphs (with
//! numbering-like prefixes, title lines, dashes), random tables with spans and vertical merges
//! that overrun the grid, one-cell wrappers and nested tables.

use proptest::prelude::*;
use xxgk::document::{Block, Cell, Document, Paragraph, Row, Table, VMerge};

fn text() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "一、概述",
        "（一）主动公开政府信息数",
        "1.当面申请数",
        "其中：涉及国家秘密",
        "政府信息公开情况统计表",
        "（2018年度）",
        "填报单位：某局",
        "统计指标",
        "单位",
        "统计数",
        "——",
        "/",
        "610",
        "1.5万",
        "申请人情况",
        "行政复议",
        "行政诉讼",
        "第二十条第（一）项",
        "某局2018年政府信息公开工作年度报告",
        "\u{3000}",
    ])
    .prop_map(str::to_string)
}

fn cell() -> impl Strategy<Value = Cell> {
    (
        0usize..6,
        0usize..4,
        0usize..4,
        0u8..3,
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(|(col, span, rows, vm, texts)| Cell {
            col,
            col_span: span,
            row_span: rows,
            v_merge: [VMerge::None, VMerge::Origin, VMerge::Covered][vm as usize],
            blocks: texts
                .into_iter()
                .map(|t| Block::Paragraph(Paragraph::from_text(t)))
                .collect(),
        })
}

fn table() -> impl Strategy<Value = Table> {
    prop::collection::vec(prop::collection::vec(cell(), 0..5), 0..8).prop_map(|rows| Table {
        rows: rows
            .into_iter()
            .map(|cells| Row {
                cells,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    })
}

fn block() -> impl Strategy<Value = Block> {
    let leaf = prop_oneof![
        text().prop_map(|t| Block::Paragraph(Paragraph::from_text(t))),
        table().prop_map(Block::Table),
    ];
    leaf.prop_recursive(3, 16, 2, |inner| {
        inner.prop_map(|b| {
            Block::Table(Table {
                rows: vec![Row {
                    cells: vec![Cell {
                        blocks: vec![b],
                        ..Default::default()
                    }],
                    ..Default::default()
                }],
                ..Default::default()
            })
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn never_panics(body in prop::collection::vec(block(), 0..12)) {
        let doc = Document { body, ..Default::default() };
        let r = xxgk::recognize(&doc);
        let _ = xxgk::validate(&r);
        let json = serde_json::to_string(&r).unwrap();
        let back: xxgk::Report = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, r);
    }
}

#[test]
fn a_huge_table_of_unknown_rows_is_read_whole() {
    let label = "某某某".repeat(40);
    let mut rows = vec![Row {
        cells: ["统计指标", "单位", "统计数"]
            .iter()
            .enumerate()
            .map(|(i, t)| Cell {
                col: i,
                blocks: vec![Block::Paragraph(Paragraph::from_text(*t))],
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }];
    let known = [
        "四、行政复议数量",
        "（一）维持具体行政行为数",
        "（二）被依法纠错数",
        "（三）其他情形数",
        "六、举报投诉数量",
    ];
    let labels = known
        .iter()
        .map(|k| k.to_string())
        .chain((0..20_000).map(|i| format!("{label}{i}")));
    for (i, l) in labels.enumerate() {
        rows.push(Row {
            cells: [l, "件".into(), i.to_string()]
                .into_iter()
                .enumerate()
                .map(|(c, t)| Cell {
                    col: c,
                    blocks: vec![Block::Paragraph(Paragraph::from_text(t))],
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        });
    }
    let doc = Document {
        body: vec![
            Block::Paragraph(Paragraph::from_text("政府信息公开情况统计表")),
            Block::Table(Table {
                rows,
                ..Default::default()
            }),
        ],
        ..Default::default()
    };
    let r = xxgk::recognize(&doc);
    let _ = xxgk::validate(&r);
    assert_eq!(r.tables[0].rows.len(), 20_005);
    assert_eq!(r.tables[0].kind, xxgk::model::TableKind::Stats2018);
    let unknown = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "recognize.row.unknown")
        .count();
    assert_eq!(unknown, 20_000);
}

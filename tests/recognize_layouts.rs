//! The recognizer on small hand-made document trees, one per layout variant: plain table,
//! split table, one-cell wrapper, merged section rows, vertically merged units, spacer columns,
//! repeated headers, title rows inside the table, automatic numbering, two-line titles,
//! run-in headings, text after the table.

use xxgk::document::{
    Block, BreakKind, Cell, Document, Inline, ListLabel, Mark, MarkKind, Paragraph, Row, Table,
    VMerge,
};
use xxgk::model::{Reading, TableKind};
use xxgk::recognize;

fn p(text: &str) -> Block {
    Block::Paragraph(Paragraph::from_text(text))
}

fn start(name: &str) -> Inline {
    Inline::Mark(Mark {
        kind: MarkKind::Start,
        name: name.into(),
    })
}

/// A cell at `col` whose lines are separate paragraphs.
fn cell(col: usize, span: usize, lines: &[&str]) -> Cell {
    Cell {
        col,
        col_span: span,
        blocks: lines.iter().map(|l| p(l)).collect(),
        ..Default::default()
    }
}

/// A three-column row.
fn row3(label: &str, unit: &str, value: &str) -> Row {
    Row {
        cells: vec![
            cell(0, 1, &[label]),
            cell(1, 1, &[unit]),
            cell(2, 1, &[value]),
        ],
        ..Default::default()
    }
}

fn header() -> Row {
    row3("统　计　指　标", "单　位", "统计数")
}

fn table(rows: Vec<Row>) -> Block {
    Block::Table(Table {
        rows,
        ..Default::default()
    })
}

fn doc(body: Vec<Block>) -> Document {
    Document {
        body,
        ..Default::default()
    }
}

fn data_rows() -> Vec<Row> {
    vec![
        row3("一、主动公开情况", "——", ""),
        row3("　　（一）主动公开政府信息数", "条", "６１０"),
        row3("其中：主动公开规范性文件数", "条", "5"),
        row3("制发规范性文件总数", "件", "/"),
        row3("（二）通过不同渠道和方式公开政府信息的情况", "——", ""),
        row3("1.政府公报公开政府信息数", "条", "—"),
    ]
}

fn narrative() -> Vec<Block> {
    vec![
        p("市外办2018年政府信息公开工作年度报告"),
        p("根据《条例》，现公布本报告。"),
        p("一、概述"),
        p("　　2018年，我办……"),
        p("二、主动公开信息情况"),
        p("（一）着力加强主动公开。以新修订的条例为准。"),
        p("1.围绕建设法治政府"),
        p("（1）坚持原则，公开1.5万条。"),
    ]
}

fn title_lines() -> Vec<Block> {
    vec![
        p("政府信息公开情况统计表"),
        p("（2018年度）"),
        p("填报单位：市外办"),
    ]
}

#[test]
fn plain_three_column_table() {
    let mut body = narrative();
    body.extend(title_lines());
    let mut rows = vec![header()];
    rows.extend(data_rows());
    body.push(table(rows));
    let r = recognize(&doc(body));
    assert_eq!(r.title, "市外办2018年政府信息公开工作年度报告");
    assert_eq!(r.agency.as_deref(), Some("市外办"));
    assert_eq!(r.year, Some(2018));
    assert_eq!(r.intro, ["根据《条例》，现公布本报告。"]);
    assert_eq!(r.sections.len(), 2);
    assert_eq!(r.sections[0].paragraphs, ["2018年，我办……"]);
    let s = &r.sections[1].children[0];
    assert_eq!((s.number.as_str(), s.level), ("（一）", 2));
    assert_eq!(s.heading, "着力加强主动公开。以新修订的条例为准。");
    let deepest = &s.children[0].children[0];
    assert_eq!(deepest.number, "（1）");
    assert_eq!(deepest.heading, "坚持原则，公开1.5万条。");

    let t = &r.tables[0];
    assert_eq!(t.kind, TableKind::Stats2018);
    assert_eq!(t.title.as_deref(), Some("政府信息公开情况统计表"));
    assert_eq!(t.subtitle.as_deref(), Some("（2018年度）"));
    assert_eq!(t.header, ["统计指标", "单位", "统计数"]);
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "一、主动公开情况",
            "（一）主动公开政府信息数",
            "其中：主动公开规范性文件数",
            "制发规范性文件总数",
            "（二）通过不同渠道和方式公开政府信息的情况",
            "1.政府公报公开政府信息数"
        ]
    );
    let depths: Vec<u8> = t.rows.iter().map(|r| r.depth).collect();
    assert_eq!(depths, [0, 1, 2, 2, 1, 2]);
    let codes: Vec<Option<&str>> = t.rows.iter().map(|r| r.code.as_deref()).collect();
    assert_eq!(
        codes,
        [
            Some("A"),
            Some("A1"),
            Some("A1a"),
            Some("A1b"),
            Some("A2"),
            Some("A2_1")
        ]
    );
    assert_eq!(t.rows[1].value.normalized(), "610");
    assert_eq!(t.rows[1].value.reading, Reading::Count { number: 610 });
    assert_eq!(t.rows[3].value.normalized(), "/");
    assert_eq!(t.rows[5].value.normalized(), "/");
    assert_eq!(t.rows[0].unit, "——");
    // catalogue rows not in this short table are reported
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.code == "recognize.row.missing" && d.message.contains("I3")));
}

#[test]
fn two_line_label_cell_gives_a_note_or_a_wrapped_label() {
    let rows = vec![
        header(),
        Row {
            cells: vec![
                cell(
                    0,
                    1,
                    &[
                        "（一）主动公开政府信息数",
                        "（不同渠道和方式公开相同信息计1条）",
                    ],
                ),
                cell(1, 1, &["条"]),
                cell(2, 1, &["1"]),
            ],
            ..Default::default()
        },
        Row {
            cells: vec![
                Cell {
                    blocks: vec![Block::Paragraph(Paragraph {
                        inlines: vec![
                            Inline::Text(
                                "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及".into(),
                            ),
                            Inline::Break(BreakKind::Line),
                            Inline::Text("政府网站建设维护等方面的经费）".into()),
                        ],
                        ..Default::default()
                    })],
                    ..Default::default()
                },
                cell(1, 1, &["万元"]),
                cell(2, 1, &["5"]),
            ],
            ..Default::default()
        },
    ];
    let mut body = title_lines();
    body.push(table(rows));
    let r = recognize(&doc(body));
    let t = &r.tables[0];
    assert_eq!(t.rows[0].label, "（一）主动公开政府信息数");
    assert_eq!(
        t.rows[0].note.as_deref(),
        Some("（不同渠道和方式公开相同信息计1条）")
    );
    assert_eq!(
        t.rows[1].label,
        "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）"
    );
    assert_eq!(t.rows[1].note, None);
    assert_eq!(t.rows[1].code.as_deref(), Some("H4"));
}

#[test]
fn split_table_with_repeated_header_is_one_table() {
    let rows = data_rows();
    let mut first = vec![header()];
    first.extend(rows[..3].iter().cloned());
    let mut second = vec![Row {
        header: true,
        ..header()
    }];
    second.extend(rows[3..].iter().cloned());
    let mut body = title_lines();
    body.push(table(first));
    body.push(p(""));
    body.push(Block::Paragraph(Paragraph {
        inlines: vec![Inline::Break(BreakKind::Page)],
        ..Default::default()
    }));
    body.push(table(second));
    let r = recognize(&doc(body));
    assert_eq!(r.tables.len(), 1);
    assert_eq!(r.tables[0].rows.len(), 6);
    assert_eq!(r.tables[0].rows[3].label, "制发规范性文件总数");
    assert!(!r
        .diagnostics
        .iter()
        .any(|d| d.code == "recognize.table.ignored"));
}

#[test]
fn table_nested_in_a_one_cell_wrapper() {
    let mut inner = vec![header()];
    inner.extend(data_rows());
    let mut wrapped = title_lines();
    wrapped.push(table(inner));
    let wrapper = Block::Table(Table {
        rows: vec![Row {
            cells: vec![Cell {
                blocks: wrapped,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    });
    let mut body = narrative();
    body.push(wrapper);
    let r = recognize(&doc(body));
    assert_eq!(r.tables.len(), 1);
    assert_eq!(r.tables[0].agency.as_deref(), Some("市外办"));
    assert_eq!(r.tables[0].rows.len(), 6);
    assert_eq!(r.sections.len(), 2);
}

#[test]
fn merged_section_rows_have_dash_unit_and_blank_value() {
    let rows = vec![
        header(),
        Row {
            cells: vec![cell(0, 3, &["一、主动公开情况"])],
            ..Default::default()
        },
        row3("（一）主动公开政府信息数", "条", "7"),
        Row {
            cells: vec![
                cell(0, 2, &["（二）通过不同渠道和方式公开政府信息的情况"]),
                cell(2, 1, &[]),
            ],
            ..Default::default()
        },
    ];
    let mut body = title_lines();
    body.push(table(rows));
    let r = recognize(&doc(body));
    let t = &r.tables[0];
    assert_eq!(t.rows.len(), 3);
    assert_eq!(
        (
            t.rows[0].unit.as_str(),
            t.rows[0].value.normalized().as_str()
        ),
        ("——", "")
    );
    assert_eq!(t.rows[2].unit, "——");
    assert_eq!(t.rows[2].value.reading, Reading::Blank);
    assert_eq!(t.rows[1].value.normalized(), "7");
}

#[test]
fn vertically_merged_unit_repeats_its_content() {
    let mut rows = vec![header()];
    rows.push(Row {
        cells: vec![
            cell(0, 1, &["（一）收到申请数"]),
            Cell {
                col: 1,
                row_span: 3,
                v_merge: VMerge::Origin,
                blocks: vec![p("件")],
                ..Default::default()
            },
            cell(2, 1, &["4"]),
        ],
        ..Default::default()
    });
    for (label, v) in [("1.当面申请数", "1"), ("2.传真申请数", "3")] {
        rows.push(Row {
            cells: vec![
                cell(0, 1, &[label]),
                Cell {
                    col: 1,
                    v_merge: VMerge::Covered,
                    ..Default::default()
                },
                cell(2, 1, &[v]),
            ],
            ..Default::default()
        });
    }
    let mut body = title_lines();
    body.push(table(rows));
    let r = recognize(&doc(body));
    let units: Vec<&str> = r.tables[0].rows.iter().map(|r| r.unit.as_str()).collect();
    assert_eq!(units, ["件", "件", "件"]);
}

#[test]
fn empty_spacer_column_is_dropped() {
    let spaced = |l: &str, u: &str, v: &str| Row {
        cells: vec![
            cell(0, 1, &[l]),
            cell(1, 1, &[]),
            cell(2, 1, &[u]),
            cell(3, 1, &[v]),
        ],
        ..Default::default()
    };
    let rows = vec![
        spaced("统计指标", "单位", "统计数"),
        spaced("六、举报投诉数量", "件", "2"),
        spaced("七、依申请公开信息收取的费用", "万元", "0.5"),
    ];
    let mut body = title_lines();
    body.push(table(rows));
    let r = recognize(&doc(body));
    let t = &r.tables[0];
    assert_eq!(t.header, ["统计指标", "单位", "统计数"]);
    assert_eq!(t.rows[0].unit, "件");
    assert_eq!(t.rows[0].value.normalized(), "2");
    assert_eq!(t.rows[1].code.as_deref(), Some("G"));
    assert_eq!(t.rows[1].value.number(), Some(0.5));
}

#[test]
fn repeated_header_row_inside_the_table_is_dropped() {
    let mut rows = vec![header()];
    rows.extend(data_rows()[..2].iter().cloned());
    rows.push(Row {
        header: true,
        ..header()
    });
    rows.push(row3("", "", ""));
    rows.extend(data_rows()[2..].iter().cloned());
    let mut body = title_lines();
    body.push(table(rows));
    let r = recognize(&doc(body));
    assert_eq!(r.tables[0].rows.len(), 6);
}

#[test]
fn title_lines_in_a_merged_first_row() {
    let mut rows = vec![
        Row {
            cells: vec![Cell {
                col_span: 3,
                blocks: vec![p("政府信息公开情况统计表"), p("（2016年度）")],
                ..Default::default()
            }],
            ..Default::default()
        },
        Row {
            cells: vec![cell(0, 3, &["填报单位：市统计局"])],
            ..Default::default()
        },
        header(),
    ];
    rows.extend(data_rows());
    let mut body = vec![p("市统计局2016年政府信息公开工作年度报告"), p("一、概述")];
    body.push(table(rows));
    let r = recognize(&doc(body));
    let t = &r.tables[0];
    assert_eq!(t.title.as_deref(), Some("政府信息公开情况统计表"));
    assert_eq!(t.subtitle.as_deref(), Some("（2016年度）"));
    assert_eq!(r.agency.as_deref(), Some("市统计局"));
    assert_eq!(r.year, Some(2016));
    assert_eq!(t.rows.len(), 6);
}

fn numbered(label: &str, level: u8, text: &str) -> Block {
    Block::Paragraph(Paragraph {
        numbering: Some(ListLabel {
            num_id: 1,
            level,
            label: label.into(),
            suffix: "\t".into(),
            bullet: false,
        }),
        inlines: vec![Inline::Text(text.into())],
        ..Default::default()
    })
}

#[test]
fn automatic_numbering_labels_number_sections_and_rows() {
    let body = vec![
        p("某局2017年政府信息公开工作年度报告"),
        numbered("一、", 0, "概述"),
        p("正文"),
        numbered("（一）", 1, "主动公开"),
        p("政府信息公开情况统计表"),
        table(vec![
            header(),
            Row {
                cells: vec![
                    Cell {
                        blocks: vec![numbered("六、", 0, "举报投诉数量")],
                        ..Default::default()
                    },
                    cell(1, 1, &["件"]),
                    cell(2, 1, &["0"]),
                ],
                ..Default::default()
            },
        ]),
    ];
    let r = recognize(&doc(body));
    assert_eq!(r.sections[0].number, "一、");
    assert_eq!(r.sections[0].heading, "概述");
    assert_eq!(r.sections[0].children[0].number, "（一）");
    assert_eq!(r.sections[0].children[0].heading, "主动公开");
    let row = &r.tables[0].rows[0];
    assert_eq!(row.code.as_deref(), Some("F"));
    assert_eq!(row.depth, 0);
    assert_eq!(row.value.normalized(), "0");
    // no 填报单位 line: the agency of a 2014–2018 table is unknown; the year comes from the title
    assert_eq!(r.agency, None);
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.code == "recognize.agency.missing"));
    assert_eq!(r.year, Some(2017));
}

#[test]
fn title_on_two_lines() {
    let r = recognize(&doc(vec![
        p("青岚市水利局"),
        p("2022年政府信息公开工作年度报告"),
        p("本报告根据……编制。"),
        p("一、总体情况"),
    ]));
    assert_eq!(r.title, "青岚市水利局2022年政府信息公开工作年度报告");
    assert_eq!(r.intro, ["本报告根据……编制。"]);
    assert_eq!(r.agency.as_deref(), Some("青岚市水利局"));
    assert_eq!(r.year, Some(2022));
    // a one-line title followed by a report-like paragraph is not joined
    let r = recognize(&doc(vec![
        p("市外办2018年政府信息公开工作年度报告"),
        p("二〇一九年三月 报告"),
    ]));
    assert_eq!(r.title, "市外办2018年政府信息公开工作年度报告");
}

#[test]
fn text_after_the_table_and_other_tables_are_kept() {
    let mut body = narrative();
    body.push(table(vec![row3("甲", "乙", "丙"), row3("丁", "戊", "己")]));
    body.extend(title_lines());
    let mut rows = vec![header()];
    rows.extend(data_rows());
    body.push(table(rows));
    body.push(p("附注：本表数据截至12月31日。"));
    let r = recognize(&doc(body));
    let last = &r.sections[1].children[0].children[0].children[0];
    assert_eq!(last.paragraphs, ["附注：本表数据截至12月31日。"]);
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.code == "recognize.text.after_table"));
    let ignored = r
        .diagnostics
        .iter()
        .find(|d| d.code == "recognize.table.ignored")
        .unwrap();
    assert!(ignored.message.contains("戊"));
}

#[test]
fn unknown_and_fuzzy_rows() {
    let rows = vec![
        header(),
        row3("（一）主动公开政府信息数量", "条", "1"),
        row3("（三）主动公开机构领导信息", "条", "2"),
        row3("二、回应解读情况", "——", ""),
    ];
    let mut body = title_lines();
    body.push(table(rows));
    let r = recognize(&doc(body));
    let t = &r.tables[0];
    assert_eq!(t.rows[0].code.as_deref(), Some("A1"));
    assert_eq!(t.rows[1].code, None);
    assert_eq!(t.rows[2].code.as_deref(), Some("B"));
    let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"recognize.row.fuzzy_match"));
    assert!(codes.contains(&"recognize.row.unknown"));
    let unknown = r
        .diagnostics
        .iter()
        .find(|d| d.code == "recognize.row.unknown")
        .unwrap();
    assert_eq!(unknown.location.path.as_deref(), Some("tables[0].rows[1]"));
}

#[test]
fn duplicate_labels_resolve_by_order() {
    let rows = vec![
        header(),
        row3("四、行政复议数量", "件", "1"),
        row3("（一）维持具体行政行为数", "件", "1"),
        row3("（二）被依法纠错数", "件", "0"),
        row3("（三）其他情形数", "件", "0"),
        row3("五、行政诉讼数量", "件", "0"),
        row3("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "0"),
        row3("（二）被依法纠错数", "件", "0"),
        row3("（三）其他情形数", "件", "0"),
    ];
    let mut body = title_lines();
    body.push(table(rows));
    let r = recognize(&doc(body));
    let codes: Vec<&str> = r.tables[0]
        .rows
        .iter()
        .map(|r| r.code.as_deref().unwrap_or("-"))
        .collect();
    assert_eq!(codes, ["D", "D1", "D2", "D3", "E", "E1", "E2", "E3"]);
}

#[test]
fn of_which_depths() {
    let rows = vec![
        header(),
        row3("4.不同意公开答复数", "件", "0"),
        row3("其中：涉及国家秘密", "件", "0"),
        row3("涉及商业秘密", "件", "0"),
        row3("涉及个人隐私", "件", "0"),
        row3("5.不属于本行政机关公开数", "件", "0"),
        row3("1.参加或举办新闻发布会总次数", "次", "0"),
        row3("其中:主要负责同志参加新闻发布会次数", "次", "0"),
    ];
    let mut body = title_lines();
    body.push(table(rows));
    let r = recognize(&doc(body));
    let depths: Vec<u8> = r.tables[0].rows.iter().map(|r| r.depth).collect();
    assert_eq!(depths, [2, 3, 3, 3, 2, 2, 3]);
}

#[test]
fn bookmarks_and_anchors() {
    let title = Block::Paragraph(Paragraph {
        inlines: vec![
            start("_Top"),
            Inline::Text("某局2018年政府信息公开工作年度报告".into()),
        ],
        ..Default::default()
    });
    let mark_only = Block::Paragraph(Paragraph {
        inlines: vec![start("_GoBack")],
        ..Default::default()
    });
    let mut rows = vec![header()];
    rows.extend(data_rows());
    rows[2].cells[0].blocks = vec![Block::Paragraph(Paragraph {
        inlines: vec![
            start("_Hlk1"),
            Inline::Text("（一）主动公开政府信息数".into()),
        ],
        ..Default::default()
    })];
    rows[3].cells[2].blocks = vec![Block::Paragraph(Paragraph {
        inlines: vec![start("_Hlk2"), Inline::Text("5".into())],
        ..Default::default()
    })];
    let body = vec![
        title,
        p("一、概述"),
        Block::Mark(Mark {
            kind: MarkKind::Start,
            name: "sec".into(),
        }),
        p("正文"),
        mark_only,
        p("政府信息公开情况统计表"),
        table(rows),
    ];
    let r = recognize(&doc(body));
    assert_eq!(r.bookmarks, ["_Top", "sec", "_GoBack", "_Hlk1", "_Hlk2"]);
    let at: Vec<(&str, &str)> = r
        .anchors
        .iter()
        .map(|a| (a.name.as_str(), a.at.as_str()))
        .collect();
    assert_eq!(
        at,
        [
            ("_Top", "title"),
            ("sec", "sections[0].paragraphs[0]"),
            ("_GoBack", "tables[0].title"),
            ("_Hlk1", "tables[0].rows[1]"),
            ("_Hlk2", "tables[0].rows[2].value")
        ]
    );
}

#[test]
fn empty_document_gives_an_empty_report() {
    let r = recognize(&Document::default());
    assert_eq!(r.title, "");
    assert!(r.tables.is_empty());
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.code == "recognize.table.missing"));
}

#[test]
fn a_bookmark_in_the_last_empty_paragraph_anchors_at_the_last_row() {
    let mut rows = vec![header()];
    rows.extend(data_rows());
    let mut body = title_lines();
    body.push(table(rows));
    body.push(Block::Paragraph(Paragraph {
        inlines: vec![start("_GoBack")],
        ..Default::default()
    }));
    let r = recognize(&doc(body));
    assert_eq!(r.anchors.len(), 1);
    assert_eq!(r.anchors[0].at, "tables[0].rows[5]");
}

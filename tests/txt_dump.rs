//! The Tika-style dump view (`document::dump::to_text`): the sample comes back as published, and
//! every kind of block and inline is written as the layout documents it.

use xxgk::document::dump::to_text;
use xxgk::document::{
    Block, BreakKind, Cell, Inline, ListLabel, Mark, MarkKind, NoteKind, Paragraph, Row, Story,
    StoryKind, Table,
};
use xxgk::txt::{read, TextOptions};
use xxgk::Document;

const SAMPLE: &str = "../shared/samples/ningbo2018_utf8.txt";

fn p(inlines: Vec<Inline>) -> Paragraph {
    Paragraph {
        inlines,
        ..Paragraph::default()
    }
}

fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn start(name: &str) -> Mark {
    Mark {
        kind: MarkKind::Start,
        name: name.into(),
    }
}

fn end(name: &str) -> Mark {
    Mark {
        kind: MarkKind::End,
        name: name.into(),
    }
}

fn cell(col: usize, blocks: Vec<Block>) -> Cell {
    Cell {
        col,
        blocks,
        ..Cell::default()
    }
}

#[test]
fn the_sample_dump_comes_back_as_published() {
    let published = std::fs::read_to_string(SAMPLE).unwrap();
    let doc = read(published.as_bytes(), &TextOptions::default()).unwrap();
    // The only difference: the stray space after the last cell is not content; the row and the
    // table end with a blank line each.
    let expected = format!("{}\n\n", published.strip_suffix(' ').unwrap());
    assert_eq!(to_text(&doc), expected);
}

#[test]
fn the_gbk_sample_shows_the_same_text() {
    let gbk = std::fs::read("../shared/samples/ningbo2018_gbk.txt").unwrap();
    let utf8 = std::fs::read(SAMPLE).unwrap();
    let o = TextOptions::default();
    assert_eq!(
        to_text(&read(&gbk, &o).unwrap()),
        to_text(&read(&utf8, &o).unwrap())
    );
}

#[test]
fn empty_document_is_empty_text() {
    assert_eq!(to_text(&Document::default()), "");
}

#[test]
fn paragraphs_show_numbering_marks_notes_and_images() {
    let mut doc = Document::default();
    let numbered = Paragraph {
        numbering: Some(ListLabel {
            num_id: 1,
            level: 0,
            label: "一、".into(),
            suffix: "".into(),
            bullet: false,
        }),
        ..p(vec![t("概述")])
    };
    let bullet = Paragraph {
        numbering: Some(ListLabel {
            num_id: 2,
            level: 0,
            label: "•".into(),
            suffix: "\t".into(),
            bullet: true,
        }),
        ..p(vec![t("要点")])
    };
    doc.body = vec![
        Block::Mark(start("_Toc1")),
        Block::Paragraph(numbered),
        Block::Paragraph(bullet),
        Block::Paragraph(p(vec![
            Inline::Mark(start("a")),
            t("正文"),
            Inline::Mark(end("a")),
            Inline::NoteRef {
                kind: NoteKind::Footnote,
                id: "1".into(),
            },
            Inline::NoteRef {
                kind: NoteKind::Comment,
                id: "0".into(),
            },
            Inline::Break(BreakKind::Page),
            t("续"),
            Inline::Tab,
            Inline::Image(Some("图1.png".into())),
            Inline::Image(None),
        ])),
        Block::Paragraph(p(vec![
            t("第一行"),
            Inline::Break(BreakKind::Line),
            t("第二行"),
        ])),
        Block::Paragraph(p(vec![Inline::Tab, t("缩进")])),
        Block::Mark(start("tail")),
    ];
    doc.stories = vec![
        Story {
            kind: StoryKind::Footnote,
            id: Some("1".into()),
            blocks: vec![
                Block::Paragraph(p(vec![t("注一")])),
                Block::Paragraph(p(vec![t("注二")])),
            ],
        },
        Story {
            kind: StoryKind::Header,
            id: Some("word/header1.xml".into()),
            blocks: vec![Block::Paragraph(p(vec![t("页眉")]))],
        },
    ];
    let expected = "\
[bookmark: _Toc1]一、概述
要点
[bookmark: a]正文[footnoteRef:1]续\t[image: 图1.png][image]
 [1: 注一 注二]
第一行
第二行
缩进
[bookmark: tail]
";
    assert_eq!(to_text(&doc), expected);
}

#[test]
fn tables_show_cells_rows_marks_and_nested_tables() {
    let nested = Table {
        rows: vec![Row {
            cells: vec![
                cell(0, vec![Block::Paragraph(p(vec![t("内一")]))]),
                cell(1, vec![Block::Paragraph(p(vec![Inline::Tab, t("内二")]))]),
            ],
            ..Row::default()
        }],
        ..Table::default()
    };
    let outer = Table {
        rows: vec![
            Row {
                cells: vec![
                    cell(
                        0,
                        vec![Block::Paragraph(p(vec![
                            t("指标"),
                            Inline::Break(BreakKind::Line),
                            t("（注）"),
                        ]))],
                    ),
                    cell(1, vec![]),
                    cell(
                        2,
                        vec![
                            Block::Paragraph(p(vec![t("甲")])),
                            Block::Paragraph(p(vec![])),
                            Block::Mark(start("m")),
                            Block::Paragraph(p(vec![t("乙")])),
                        ],
                    ),
                ],
                ..Row::default()
            },
            Row {
                marks: vec![start("_Hlk1"), end("_Hlk0")],
                cells: vec![
                    cell(
                        0,
                        vec![Block::Paragraph(p(vec![t("外")])), Block::Table(nested)],
                    ),
                    cell(
                        1,
                        vec![Block::Paragraph(p(vec![Inline::Tab, t("前有制表符")]))],
                    ),
                ],
                ..Row::default()
            },
        ],
        trailing_marks: vec![start("after")],
        ..Table::default()
    };
    let doc = Document {
        body: vec![
            Block::Paragraph(p(vec![t("表前")])),
            Block::Table(outer),
            Block::Paragraph(p(vec![t("表后")])),
        ],
        ..Document::default()
    };
    let expected = "\
表前
\t指标
（注）
\t
\t甲
[bookmark: m]乙

\t[bookmark: _Hlk1]外
内一
内二
\t\t前有制表符


[bookmark: after]表后
";
    assert_eq!(to_text(&doc), expected);
}

#[test]
fn text_with_line_ends_breaks_lines() {
    let doc = Document {
        body: vec![Block::Paragraph(p(vec![t("一\r\n二\n")]))],
        ..Document::default()
    };
    assert_eq!(to_text(&doc), "一\n二\n\n");
}

//! Lines → blocks: paragraphs, tables (rows, cells, continued lines, several tables), markers
//! (bookmarks, note references, note texts, images), each written out in the test.

use xxgk::document::{
    Block, BreakKind, Inline, Mark, MarkKind, NoteKind, Paragraph, StoryKind, Table,
};
use xxgk::txt::{read, TextOptions};
use xxgk::Document;

fn doc(text: &str) -> Document {
    read(text.as_bytes(), &TextOptions::default()).expect("reads")
}

fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn bm(name: &str) -> Inline {
    Inline::Mark(Mark {
        kind: MarkKind::Start,
        name: name.into(),
    })
}

fn para(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(Paragraph {
        inlines,
        ..Paragraph::default()
    })
}

/// Cell texts row by row.
fn grid(b: &Block) -> Vec<Vec<String>> {
    match b {
        Block::Table(t) => t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text()).collect())
            .collect(),
        other => panic!("not a table: {other:?}"),
    }
}

fn table(b: &Block) -> &Table {
    match b {
        Block::Table(t) => t,
        other => panic!("not a table: {other:?}"),
    }
}

#[test]
fn one_paragraph_per_line_with_empty_lines_kept() {
    let d = doc("\n一、概述\n\n　　正文 text\n   \n");
    let texts: Vec<String> = d.paragraphs().iter().map(|p| p.text()).collect();
    assert_eq!(texts, ["", "一、概述", "", "　　正文 text", "   "]);
}

#[test]
fn inner_tabs_are_tab_inlines() {
    let d = doc("a\tb\t\n");
    assert_eq!(
        d.body,
        vec![para(vec![t("a"), Inline::Tab, t("b"), Inline::Tab])]
    );
}

#[test]
fn markers_anywhere_become_inlines_in_place() {
    let d = doc(
        "[bookmark: a][bookmark: b]正文[footnoteRef:1]，续[image: pic 1.png]\t尾[endnoteRef:7][image]\n",
    );
    assert_eq!(
        d.body,
        vec![para(vec![
            bm("a"),
            bm("b"),
            t("正文"),
            Inline::NoteRef {
                kind: NoteKind::Footnote,
                id: "1".into()
            },
            t("，续"),
            Inline::Image(Some("pic 1.png".into())),
            Inline::Tab,
            t("尾"),
            Inline::NoteRef {
                kind: NoteKind::Endnote,
                id: "7".into()
            },
            Inline::Image(None),
        ])]
    );
    let names: Vec<&str> = d.bookmarks.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["a", "b"]);
    assert!(d.bookmarks.iter().all(|b| !b.closed && !b.hidden));
}

#[test]
fn brackets_that_are_not_markers_stay_text() {
    let line = "[1] [bookmark:x] [bookmark: ] [footnoteRef:] [image: a[b] [注]";
    let d = doc(line);
    assert_eq!(d.paragraphs()[0].text(), line);
    assert!(d.bookmarks.is_empty());
}

#[test]
fn a_line_left_empty_by_markers_is_an_empty_paragraph() {
    let d = doc("[bookmark: _GoBack]\n[image: x]\nnext");
    assert_eq!(d.body.len(), 3);
    assert_eq!(d.paragraphs()[0].text(), "");
    assert_eq!(d.paragraphs()[0].inlines, vec![bm("_GoBack")]);
    assert_eq!(d.paragraphs()[1].text(), "");
}

#[test]
fn repeated_bookmark_is_listed_once_with_a_finding() {
    let d = doc("[bookmark: x]a\n[bookmark: x]b\n");
    assert_eq!(d.bookmarks.len(), 1);
    assert_eq!(d.diagnostics.len(), 1);
    assert_eq!(d.diagnostics[0].code, "txt.bookmark.repeated");
    assert_eq!(d.diagnostics[0].location.line, Some(2));
    // Both starts stay where they were.
    assert_eq!(d.paragraphs()[1].inlines[0], bm("x"));
}

#[test]
fn tab_led_lines_are_cells_and_blank_lines_end_rows() {
    let d = doc("标题\n\t统计指标\n\t单位\n\t统计数\n\n\t一、主动公开\n\t——\n\t\n\n");
    assert_eq!(d.body.len(), 2);
    assert_eq!(
        grid(&d.body[1]),
        vec![
            vec!["统计指标", "单位", "统计数"],
            vec!["一、主动公开", "——", ""]
        ]
    );
    let tb = table(&d.body[1]);
    for r in &tb.rows {
        for (i, c) in r.cells.iter().enumerate() {
            assert_eq!((c.col, c.col_span, c.row_span), (i, 1, 1));
            assert_eq!(c.blocks.len(), 1);
        }
    }
}

#[test]
fn a_line_without_tab_continues_the_cell_as_a_line_break() {
    let d = doc("\t　　（一）主动公开政府信息数\n　　　　（不同渠道和方式公开相同信息计1条）\n\t条\n\t610\n\n");
    let tb = table(&d.body[0]);
    match &tb.rows[0].cells[0].blocks[..] {
        [Block::Paragraph(p)] => assert_eq!(
            p.inlines,
            vec![
                t("　　（一）主动公开政府信息数"),
                Inline::Break(BreakKind::Line),
                t("　　　　（不同渠道和方式公开相同信息计1条）"),
            ]
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(tb.rows[0].cells.len(), 3);
}

#[test]
fn an_empty_first_cell_line_can_be_continued() {
    let d = doc("\t\n续\n\tb\n");
    assert_eq!(grid(&d.body[0]), vec![vec!["\n续", "b"]]);
}

#[test]
fn bookmarks_inside_cells_sit_after_the_cell_tab() {
    let d = doc("\t[bookmark: _Hlk1]　　1.参加[bookmark: _Hlk2]数\n\t次\n\n");
    let tb = table(&d.body[0]);
    match &tb.rows[0].cells[0].blocks[0] {
        Block::Paragraph(p) => assert_eq!(
            p.inlines,
            vec![bm("_Hlk1"), t("　　1.参加"), bm("_Hlk2"), t("数")]
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(d.bookmarks.len(), 2);
}

#[test]
fn first_blank_line_after_the_last_row_ends_the_table() {
    // Row end, table end, then an empty paragraph, then text.
    let d = doc("\tA\n\tB\n\n\n\nafter\n");
    assert_eq!(d.body.len(), 3);
    assert_eq!(grid(&d.body[0]), vec![vec!["A", "B"]]);
    assert_eq!(d.body[1], para(vec![]));
    assert_eq!(d.body[2], para(vec![t("after")]));
}

#[test]
fn text_right_after_a_row_ends_the_table() {
    let d = doc("\tA\n\nafter");
    assert_eq!(d.body.len(), 2);
    assert_eq!(d.body[1], para(vec![t("after")]));
}

#[test]
fn several_tables_are_kept_apart() {
    let d = doc("p\n\tA\n\tB\n\n\tC\n\tD\n\n\n\tE\n\n\nq\n");
    assert_eq!(d.body.len(), 4);
    assert_eq!(grid(&d.body[1]), vec![vec!["A", "B"], vec!["C", "D"]]);
    assert_eq!(grid(&d.body[2]), vec![vec!["E"]]);
    assert_eq!(d.body[3], para(vec![t("q")]));
}

#[test]
fn a_line_of_spaces_after_the_last_cell_is_not_content() {
    let d = doc("\tA\n\t23\n ");
    assert_eq!(d.body.len(), 1);
    assert_eq!(grid(&d.body[0]), vec![vec!["A", "23"]]);
}

#[test]
fn the_end_of_input_ends_row_and_table() {
    let d = doc("\tA\n\tB");
    assert_eq!(grid(&d.body[0]), vec![vec!["A", "B"]]);
}

#[test]
fn every_line_end_style_gives_the_same_tree() {
    let lf = doc("标题\n\tA\n续\n\tB\n\n\n[bookmark: x]尾\n");
    for text in [
        "标题\r\n\tA\r\n续\r\n\tB\r\n\r\n\r\n[bookmark: x]尾\r\n",
        "标题\r\tA\r续\r\tB\r\r\r[bookmark: x]尾\r",
        "标题\r\n\tA\r续\n\tB\r\r\n\n[bookmark: x]尾",
    ] {
        let d = doc(text);
        assert_eq!(d.body, lf.body, "{text:?}");
        assert_eq!(d.bookmarks, lf.bookmarks);
    }
}

#[test]
fn note_text_lines_become_stories_not_body() {
    let d = doc(
        "正文[footnoteRef:1]。\n [1: 注释内容]\n下一段[endnoteRef:2]\n [2: 尾注]\n [3: 未引用]\n",
    );
    let texts: Vec<String> = d.paragraphs().iter().map(|p| p.text()).collect();
    assert_eq!(texts, ["正文。", "下一段", " [3: 未引用]"]);
    assert_eq!(d.stories.len(), 2);
    assert_eq!(d.stories[0].kind, StoryKind::Footnote);
    assert_eq!(d.stories[0].id.as_deref(), Some("1"));
    assert_eq!(
        xxgk::document::blocks_text(&d.stories[0].blocks),
        "注释内容"
    );
    assert_eq!(d.stories[1].kind, StoryKind::Endnote);
    assert_eq!(d.stories[1].id.as_deref(), Some("2"));
}

#[test]
fn note_text_inside_a_table_is_a_story_not_a_cell_line() {
    let d = doc("\t值[footnoteRef:1]\n [1: 说明]\n\t件\n\n");
    assert_eq!(grid(&d.body[0]), vec![vec!["值", "件"]]);
    assert_eq!(d.stories.len(), 1);
}

#[test]
fn full_width_indentation_is_kept_exactly() {
    let line = "\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}其中：主动公开规范性文件数";
    let d = doc(&format!("{line}\n\t{line}\n"));
    assert_eq!(d.paragraphs()[0].text(), line);
    assert_eq!(d.paragraphs()[1].text(), line);
}

#[test]
fn lines_of_every_kind_mixed() {
    let text = "\
[bookmark: _Toc1]一、概述[footnoteRef:3]
 [3: 来源：年报]
[image: logo.png]
\t[bookmark: _Hlk9]指标\t注
（续）
\t[image: chart]
\t

\t第二行
";
    let d = doc(text);
    assert_eq!(d.body.len(), 3);
    assert_eq!(d.paragraphs()[0].text(), "一、概述");
    assert_eq!(d.stories.len(), 1);
    assert_eq!(
        grid(&d.body[2]),
        vec![vec!["指标\t注\n（续）", "", ""], vec!["第二行"]]
    );
    let names: Vec<&str> = d.bookmarks.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["_Toc1", "_Hlk9"]);
    assert!(d.diagnostics.is_empty());
}

//! Round trip: `txt::read(to_text(doc))` gives back `doc` for every document the dump can
//! represent (the list is in `document::dump`'s documentation), generated here: paragraphs of
//! CJK, ASCII and full-width-space text with tabs, bookmarks, images and notes; tables with
//! empty cells and multi-line cells.

use proptest::prelude::*;
use xxgk::document::dump::to_text;
use xxgk::document::{
    Block, Bookmark, BreakKind, Cell, Inline, Mark, MarkKind, NoteKind, Paragraph, Row, Source,
    SourceFormat, Story, StoryKind, Table,
};
use xxgk::txt::{read, TextOptions};
use xxgk::Document;

/// Text without TAB, line ends or brackets; full-width spaces and CJK included.
fn text() -> impl Strategy<Value = String> {
    "[a-z0-9 \u{3000}一二三统计指标数件条（）、，。：—/]{1,8}"
}

/// An inline that is not a break; marks, images and notes get their names later.
fn inline() -> impl Strategy<Value = Inline> {
    prop_oneof![
        6 => text().prop_map(Inline::Text),
        2 => Just(Inline::Tab),
        1 => Just(Inline::Mark(Mark { kind: MarkKind::Start, name: String::new() })),
        1 => prop_oneof![Just(None), Just(Some("图 1.png".to_string()))].prop_map(Inline::Image),
        1 => prop_oneof![Just(NoteKind::Footnote), Just(NoteKind::Endnote)]
            .prop_map(|kind| Inline::NoteRef { kind, id: String::new() }),
    ]
}

/// Merges adjacent texts (the reader never splits a run of text).
fn merged(v: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for i in v {
        match (out.last_mut(), i) {
            (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
            (_, i) => out.push(i),
        }
    }
    out
}

fn blank(v: &[Inline]) -> bool {
    v.iter()
        .all(|i| matches!(i, Inline::Text(t) if t.bytes().all(|b| b == b' ')))
}

/// A body paragraph: no line break, not starting with a TAB.
fn body_paragraph() -> impl Strategy<Value = Paragraph> {
    prop::collection::vec(inline(), 0..6).prop_map(|v| {
        let v: Vec<Inline> = v.into_iter().skip_while(|i| *i == Inline::Tab).collect();
        Paragraph {
            inlines: merged(v),
            ..Paragraph::default()
        }
    })
}

/// A cell's one paragraph: lines joined by line breaks; lines after the first are not blank and
/// do not start with a TAB.
fn cell_paragraph() -> impl Strategy<Value = Paragraph> {
    (
        prop::collection::vec(inline(), 0..4),
        prop::collection::vec(prop::collection::vec(inline(), 1..4), 0..3),
    )
        .prop_map(|(first, more)| {
            let mut inlines = merged(first);
            for line in more {
                let line: Vec<Inline> =
                    line.into_iter().skip_while(|i| *i == Inline::Tab).collect();
                let line = merged(line);
                if line.is_empty() || blank(&line) {
                    continue;
                }
                inlines.push(Inline::Break(BreakKind::Line));
                inlines.extend(line);
            }
            Paragraph {
                inlines,
                ..Paragraph::default()
            }
        })
}

fn table() -> impl Strategy<Value = Table> {
    prop::collection::vec(prop::collection::vec(cell_paragraph(), 1..4), 1..4).prop_map(|rows| {
        Table {
            rows: rows
                .into_iter()
                .map(|cells| Row {
                    cells: cells
                        .into_iter()
                        .enumerate()
                        .map(|(col, p)| Cell {
                            col,
                            blocks: vec![Block::Paragraph(p)],
                            ..Cell::default()
                        })
                        .collect(),
                    ..Row::default()
                })
                .collect(),
            ..Table::default()
        }
    })
}

fn document() -> impl Strategy<Value = Document> {
    prop::collection::vec(
        prop_oneof![
            3 => body_paragraph().prop_map(Block::Paragraph),
            1 => table().prop_map(Block::Table),
        ],
        0..8,
    )
    .prop_map(|body| {
        let mut doc = Document {
            source: Source {
                format: SourceFormat::Text,
                detail: Some("UTF-8".into()),
            },
            body,
            ..Document::default()
        };
        name_everything(&mut doc);
        doc
    })
}

/// Gives every bookmark a fresh name (listed in `bookmarks`) and every note a fresh id with its
/// story, in document order.
fn name_everything(doc: &mut Document) {
    let mut n = 0usize;
    let mut bookmarks = Vec::new();
    let mut stories = Vec::new();
    let mut name = |p: &mut Paragraph| {
        for i in &mut p.inlines {
            n += 1;
            match i {
                Inline::Mark(m) => {
                    m.name = if n % 2 == 0 {
                        format!("_Hlk{n}")
                    } else {
                        format!("书签{n}")
                    };
                    bookmarks.push(Bookmark::new(m.name.clone(), false));
                }
                Inline::NoteRef { kind, id } => {
                    *id = n.to_string();
                    stories.push(Story {
                        kind: match kind {
                            NoteKind::Endnote => StoryKind::Endnote,
                            _ => StoryKind::Footnote,
                        },
                        id: Some(id.clone()),
                        blocks: vec![Block::Paragraph(Paragraph::from_text(format!("注{n}")))],
                    });
                }
                _ => {}
            }
        }
    };
    for b in &mut doc.body {
        match b {
            Block::Paragraph(p) => name(p),
            Block::Table(t) => {
                for r in &mut t.rows {
                    for c in &mut r.cells {
                        for b in &mut c.blocks {
                            if let Block::Paragraph(p) = b {
                                name(p);
                            }
                        }
                    }
                }
            }
            Block::Mark(_) => {}
        }
    }
    doc.bookmarks = bookmarks;
    doc.stories = stories;
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn read_of_to_text_is_the_same_tree(doc in document()) {
        let text = to_text(&doc);
        let back = read(text.as_bytes(), &TextOptions::default()).unwrap();
        prop_assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
        prop_assert_eq!(&back, &doc, "dump:\n{}", text);
        // And the dump of what was read is the same dump.
        prop_assert_eq!(to_text(&back), text);
    }

    #[test]
    fn any_text_reads_without_panic_and_dumps_stably(s in "[\t\r\n \u{3000}a-c统\\[\\]:0-9]{0,64}") {
        // Not every text is a representable dump, but its tree's dump must be, and read back
        // it gives the same tree.
        let doc = read(s.as_bytes(), &TextOptions::default()).unwrap();
        let once = to_text(&doc);
        let again = read(once.as_bytes(), &TextOptions::default()).unwrap();
        prop_assert_eq!(to_text(&again), once);
    }
}

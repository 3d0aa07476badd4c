//! One tree for both readers: the Ningbo report as two DOCX files and as two text dumps gives the
//! same body paragraph texts, the same table cell texts, the same two-line cells and the same
//! bookmarks.
//!
//! Texts are compared without spacing: each line trimmed of spaces and U+3000 (body), all
//! whitespace removed (cells: the DOCX header is `统计指标` or `统　计　指　标`, the dump's
//! `统　计　指　标`), because indentation and spacing are never content.
//!
//! Known difference, asserted: `ningbo2018_wordlike.docx` merges each section row (`一、主动公开情况`)
//! into one cell spanning the three columns, where the dump (and the plain DOCX) write three
//! cells, the unit `——` and an empty value.

use xxgk::document::{Block, BreakKind, Inline, Table};
use xxgk::Document;

const SAMPLES: &str = "../shared/samples";

fn docx(name: &str) -> Document {
    let bytes = std::fs::read(format!("{SAMPLES}/{name}")).unwrap();
    xxgk::docx::read(&bytes, &Default::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn txt(name: &str) -> Document {
    let bytes = std::fs::read(format!("{SAMPLES}/{name}")).unwrap();
    xxgk::txt::read(&bytes, &Default::default()).unwrap()
}

/// Every document under comparison, by name.
fn all() -> Vec<(&'static str, Document)> {
    vec![
        ("ningbo2018_utf8.txt", txt("ningbo2018_utf8.txt")),
        ("ningbo2018_gbk.txt", txt("ningbo2018_gbk.txt")),
        ("ningbo2018_plain.docx", docx("ningbo2018_plain.docx")),
        ("ningbo2018_wordlike.docx", docx("ningbo2018_wordlike.docx")),
    ]
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c == ' ' || c == '\u{3000}')
}

/// Body paragraph lines outside tables, trimmed, empty ones left out.
fn body_lines(doc: &Document) -> Vec<String> {
    doc.body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text()),
            _ => None,
        })
        .flat_map(|t| {
            t.split('\n')
                .map(|l| trim(l).to_string())
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

fn tables(doc: &Document) -> Vec<&Table> {
    doc.body
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// A cell's text without whitespace, its lines kept apart.
fn squeeze(s: &str) -> String {
    s.split('\n')
        .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Cell texts row by row.
fn cells(t: &Table) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|r| r.cells.iter().map(|c| squeeze(&c.text())).collect())
        .collect()
}

#[test]
fn body_paragraph_texts_are_the_same() {
    let docs = all();
    let want = body_lines(&docs[0].1);
    assert_eq!(want.len(), 48);
    assert_eq!(want[0], "市外办2018年政府信息公开工作年度报告");
    for (name, d) in &docs[1..] {
        assert_eq!(body_lines(d), want, "{name}");
    }
}

#[test]
fn table_cell_texts_are_the_same() {
    let docs = all();
    let want = cells(tables(&docs[0].1)[0]);
    assert_eq!(want.len(), 66);
    for (name, d) in &docs[1..] {
        let ts = tables(d);
        assert_eq!(ts.len(), 1, "{name}: one table");
        let got = cells(ts[0]);
        assert_eq!(got.len(), want.len(), "{name}: rows");
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            if g.len() == 1 && w.len() == 3 {
                // A section row merged across the three columns (wordlike DOCX).
                assert_eq!(ts[0].rows[i].cells[0].col_span, 3, "{name} row {i}");
                assert_eq!(g[0], w[0], "{name} row {i}");
                assert_eq!((w[1].as_str(), w[2].as_str()), ("——", ""), "{name} row {i}");
            } else {
                assert_eq!(g, w, "{name} row {i}");
            }
        }
    }
}

/// (row, number of paragraphs, has a line break) of every label cell with more than one line.
fn two_line_cells(t: &Table) -> Vec<(usize, usize, bool)> {
    t.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.cells[0].text().contains('\n'))
        .map(|(i, r)| {
            let blocks = &r.cells[0].blocks;
            let paras = blocks.iter().filter(|b| matches!(b, Block::Paragraph(_))).count();
            let br = blocks.iter().any(|b| {
                matches!(b, Block::Paragraph(p) if p.inlines.contains(&Inline::Break(BreakKind::Line)))
            });
            (i, paras, br)
        })
        .collect()
}

#[test]
fn two_line_cells_are_one_paragraph_with_a_line_break_in_every_reader() {
    let docs = all();
    let want = two_line_cells(tables(&docs[0].1)[0]);
    assert_eq!(want.len(), 3);
    assert!(want.iter().all(|&(_, paras, br)| paras == 1 && br));
    for (name, d) in &docs[1..] {
        assert_eq!(two_line_cells(tables(d)[0]), want, "{name}");
    }
}

#[test]
fn bookmark_names_are_the_same() {
    let docs = all();
    let names =
        |d: &Document| -> Vec<String> { d.bookmarks.iter().map(|b| b.name.clone()).collect() };
    let want = names(&docs[0].1);
    assert_eq!(
        want,
        ["_GoBack", "_Hlk534186356", "_Hlk534186367", "_Hlk534186387"]
    );
    for (name, d) in &docs[1..] {
        assert_eq!(names(d), want, "{name}");
    }
}

#[test]
fn section_rows_are_merged_only_in_the_wordlike_docx() {
    let docs = all();
    let spans = |d: &Document| -> usize {
        tables(d)[0]
            .rows
            .iter()
            .filter(|r| r.cells.len() == 1 && r.cells[0].col_span == 3)
            .count()
    };
    let merged: Vec<usize> = docs.iter().map(|(_, d)| spans(d)).collect();
    // The dump's section rows: unit `——`, empty value.
    let sections = tables(&docs[0].1)[0]
        .rows
        .iter()
        .filter(|r| r.cells[1].text() == "——" && r.cells[2].text().is_empty())
        .count();
    assert_eq!(merged, vec![0, 0, 0, sections]);
}

//! A 1 MB dump (the sample 85 times over, bookmark names made unique) reads in full, in UTF-8 and
//! GB18030, and its dump view gives back the input byte for byte; pathological lines stay linear.

use xxgk::document::Block;
use xxgk::txt::{read, TextOptions};

const COPIES: usize = 85;

/// The published sample `COPIES` times; copy `k` renames `_Hlk…`/`_GoBack` to `_k{k}…` and ends
/// with a blank line closing its table.
fn big_dump() -> String {
    let sample = std::fs::read_to_string("../shared/samples/ningbo2018_utf8.txt").unwrap();
    let one = sample.strip_suffix(' ').unwrap();
    (0..COPIES)
        .map(|k| one.replace("[bookmark: _", &format!("[bookmark: _k{k}")) + "\n\n")
        .collect()
}

#[test]
fn a_one_megabyte_dump_reads_completely() {
    let text = big_dump();
    assert!(text.len() > 1_000_000, "{}", text.len());
    let doc = read(text.as_bytes(), &TextOptions::default()).unwrap();
    assert!(doc.diagnostics.is_empty());
    let tables: Vec<usize> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.rows.len()),
            _ => None,
        })
        .collect();
    assert_eq!(tables, vec![66; COPIES]);
    let paragraphs = doc
        .body
        .iter()
        .filter(|b| matches!(b, Block::Paragraph(_)))
        .count();
    assert_eq!(paragraphs, 54 * COPIES);
    assert_eq!(doc.bookmarks.len(), 4 * COPIES);
    assert_eq!(xxgk::document::dump::to_text(&doc), text);
}

#[test]
fn a_one_megabyte_gbk_dump_gives_the_same_tree() {
    let text = big_dump();
    let gbk = encoding_rs::GBK.encode(&text).0.into_owned();
    let o = TextOptions::default();
    let a = read(&gbk, &o).unwrap();
    assert_eq!(a.source.detail.as_deref(), Some("GB18030"));
    assert_eq!(a.body, read(text.as_bytes(), &o).unwrap().body);
}

#[test]
fn pathological_lines_are_read() {
    let o = TextOptions::default();
    // One megabyte of unclosed markers on one line: all text.
    let opens = "[bookmark: ".repeat(100_000);
    let doc = read(opens.as_bytes(), &o).unwrap();
    assert_eq!(doc.paragraphs()[0].text(), opens);
    // A million brackets.
    let brackets = "[".repeat(1_000_000);
    assert_eq!(read(brackets.as_bytes(), &o).unwrap().paragraphs().len(), 1);
    // Two hundred thousand cells in one row, and as many rows.
    let cells = "\tx\n".repeat(200_000);
    assert_eq!(read(cells.as_bytes(), &o).unwrap().body.len(), 1);
    let rows = "\tx\n\n".repeat(200_000);
    assert_eq!(read(rows.as_bytes(), &o).unwrap().body.len(), 1);
    // Half a million empty lines.
    let empty = "\n".repeat(500_000);
    assert_eq!(read(empty.as_bytes(), &o).unwrap().body.len(), 500_000);
}

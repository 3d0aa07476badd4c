//! The shared sample DOCX files, checked against the published text dump and the truth JSON.

mod support;

use support::*;
use xxgk::document::{Block, Table};
use xxgk::Document;

fn sample(name: &str) -> Document {
    let bytes = std::fs::read(shared(&format!("samples/{name}"))).unwrap();
    xxgk::docx::read(&bytes, &Default::default()).unwrap()
}

fn truth(name: &str) -> serde_json::Value {
    let s = std::fs::read_to_string(shared(&format!("samples/truth/{name}"))).unwrap();
    serde_json::from_str(&s).unwrap()
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

/// Non-empty texts of the top-level paragraphs before the first table.
fn narrative(doc: &Document) -> Vec<String> {
    doc.body
        .iter()
        .take_while(|b| !matches!(b, Block::Table(_)))
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text()),
            _ => None,
        })
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// Finds the row whose first cell starts with `label`; returns its cells' texts.
fn row_texts(t: &Table, label: &str) -> Vec<String> {
    let r = t
        .rows
        .iter()
        .position(|r| {
            r.cells
                .first()
                .is_some_and(|c| c.text().trim().starts_with(label))
        })
        .unwrap_or_else(|| panic!("no row {label}"));
    (0..t.columns())
        .filter_map(|c| t.cell_at(r, c).map(|c| c.text()))
        .collect()
}

#[test]
fn ningbo_narrative_matches_the_text_dump() {
    let txt = std::fs::read_to_string(shared("samples/ningbo2018_utf8.txt")).unwrap();
    // Up to the first table cell (cells are the dump's tab-indented lines); bookmark markers
    // are not text and indentation is not content.
    let want: Vec<String> = txt
        .lines()
        .take_while(|l| !l.starts_with('\t'))
        .map(|l| l.replace("[bookmark: _GoBack]", ""))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    assert!(want.len() > 10);
    let t = truth("ningbo2018_waiban.json");
    for f in ["ningbo2018_plain.docx", "ningbo2018_wordlike.docx"] {
        let doc = sample(f);
        let got: Vec<String> = narrative(&doc)
            .iter()
            .map(|t| t.trim().to_string())
            .collect();
        assert_eq!(got, want, "{f}");
        assert_eq!(got[0], t["title"].as_str().unwrap());
        assert_eq!(got[1], t["intro"][0].as_str().unwrap());
    }
}

#[test]
fn ningbo_statistics_table() {
    let t = truth("ningbo2018_waiban.json");
    let rows = t["table"]["rows"].as_array().unwrap();
    for f in ["ningbo2018_plain.docx", "ningbo2018_wordlike.docx"] {
        let doc = sample(f);
        let ts = tables(&doc);
        assert_eq!(ts.len(), 1, "{f}");
        let table = ts[0];
        assert_eq!(table.columns(), 3);
        // The truth's rows plus the header row.
        assert_eq!(table.rows.len(), rows.len() + 1, "{f}");
        let header: Vec<&str> = t["table"]["header"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap())
            .collect();
        // Header cells may be spaced out with U+3000 (`统　计　指　标`): not content.
        let got: Vec<String> = row_texts(table, "统")
            .iter()
            .map(|c| c.replace('\u{3000}', ""))
            .collect();
        assert_eq!(got, header);
        // Section row: the label is merged across the row in the Word-like file.
        let s1 = row_texts(table, "一、主动公开情况");
        assert_eq!(s1[0], rows[0]["label"].as_str().unwrap());
        // A label cell with its note on a second line, unit and value.
        let active = &rows[1];
        let cells = row_texts(table, "（一）主动公开政府信息数");
        let label = format!(
            "{}\n{}",
            active["label"].as_str().unwrap(),
            active["note"].as_str().unwrap()
        );
        // Indentation (U+3000) is not content: compare line by line without it.
        let lines: Vec<&str> = cells[0].lines().map(str::trim).collect();
        assert_eq!(lines.join("\n"), label);
        assert_eq!(cells[1], active["unit"].as_str().unwrap());
        assert_eq!(cells[2], active["value"].as_str().unwrap());
        let last = rows.last().unwrap();
        let cells = row_texts(table, "（三）接受培训人员数");
        assert_eq!(
            cells[1..],
            [
                last["unit"].as_str().unwrap(),
                last["value"].as_str().unwrap()
            ]
        );
    }
    // The Word-like file repeats its header row and merges section rows.
    let doc = sample("ningbo2018_wordlike.docx");
    let table = tables(&doc)[0];
    assert!(table.rows[0].header);
    assert!(table
        .rows
        .iter()
        .any(|r| r.cells.len() == 1 && r.cells[0].col_span == 3));
}

#[test]
fn ningbo_bookmarks_match_the_truth() {
    let t = truth("ningbo2018_waiban.json");
    let want: Vec<&str> = t["bookmarks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_str().unwrap())
        .collect();
    for f in ["ningbo2018_plain.docx", "ningbo2018_wordlike.docx"] {
        let doc = sample(f);
        let got: Vec<&str> = doc.bookmarks.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(got, want, "{f}");
        assert!(doc.bookmarks.iter().all(|b| b.hidden));
    }
}

#[test]
fn stats2016_libreoffice() {
    let t = truth("stats2016.json");
    let doc = sample("stats2016_libreoffice.docx");
    assert_eq!(narrative(&doc)[0], t["title"].as_str().unwrap());
    let got: Vec<&str> = doc.bookmarks.iter().map(|b| b.name.as_str()).collect();
    let want: Vec<&str> = t["bookmarks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_str().unwrap())
        .collect();
    assert_eq!(got, want);
    let rows = t["table"]["rows"].as_array().unwrap();
    let table = *tables(&doc).last().unwrap();
    let active = &rows[1];
    let cells = row_texts(table, "（一）主动公开政府信息数");
    assert!(
        cells[0]
            .trim_start()
            .starts_with(active["label"].as_str().unwrap()),
        "{cells:?}"
    );
    assert_eq!(cells[2], active["value"].as_str().unwrap());
    // The vertically merged unit column: some cell is an origin spanning rows.
    assert!(table
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .any(|c| c.row_span > 1));
}

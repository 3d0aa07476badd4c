//! `--complete`: official rows the source lacked are added in their official place, written as
//! `/`, and listed as `write.row.added`; without it the source's rows are written exactly.

#[path = "tools/truth.rs"]
mod truth;

use std::io::{Cursor, Read};

use xxgk::docx::{self, WriteOptions};

fn document(report: &xxgk::Report, opts: &WriteOptions) -> (String, Vec<xxgk::Diagnostic>) {
    let mut buf = Cursor::new(Vec::new());
    let diags = docx::write_with(report, &mut buf, opts).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(buf.into_inner())).unwrap();
    let mut s = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    (s, diags)
}

/// The Ningbo table without section 三 (rows C…C3_8) and with a local row.
fn partial() -> xxgk::Report {
    let mut r = truth::ningbo();
    r.anchors.clear();
    let rows = &mut r.tables[0].rows;
    rows.retain(|row| !row.code.as_deref().unwrap_or("").starts_with('C'));
    let mut local = rows[0].clone();
    local.code = None;
    local.label = "（三）主动公开行政执法信息数".into();
    local.unit = "条".into();
    local.value = truth::value("7");
    local.depth = 1;
    rows.insert(10, local); // after A2_5
    r
}

#[test]
fn faithful_by_default() {
    let report = partial();
    let (doc, diags) = document(&report, &WriteOptions::default());
    assert!(diags.is_empty());
    assert!(!doc.contains("2.传真申请数"));
    assert!(doc.contains("（三）主动公开行政执法信息数"));
    assert_eq!(
        doc.matches("<w:cantSplit/>").count(),
        report.tables[0].rows.len() + 1
    );
}

#[test]
fn complete_adds_missing_rows_in_place() {
    let report = partial();
    let (doc, diags) = document(&report, &WriteOptions::complete(true));
    let missing = truth::CODES_2018
        .iter()
        .filter(|c| c.starts_with('C'))
        .count();
    assert_eq!(diags.len(), missing);
    assert!(diags.iter().all(|d| d.code == "write.row.added"));
    assert!(diags[1].message.contains("C1"), "{}", diags[1].message);
    // Order: the local row stays after A2_5; section 三 comes between 二 and 四.
    let at = |s: &str| doc.find(s).unwrap_or_else(|| panic!("{s} not written"));
    assert!(at("5.其他方式公开政府信息数") < at("（三）主动公开行政执法信息数"));
    assert!(at("5.其他方式回应事件数") < at("三、依申请公开情况"));
    assert!(at("三、依申请公开情况") < at("2.传真申请数"));
    assert!(at("8.告知通过其他途径办理数") < at("四、行政复议数量"));
    assert_eq!(
        doc.matches("<w:cantSplit/>").count(),
        report.tables[0].rows.len() + missing + 1
    );
    // An added data row is `/`; an added section row has no value.
    let fax = at("2.传真申请数");
    assert!(doc[fax..]
        .split("</w:tr>")
        .next()
        .unwrap()
        .contains("<w:t>/</w:t>"));
    let section = at("三、依申请公开情况");
    let row = doc[section..].split("</w:tr>").next().unwrap();
    assert!(row.contains("<w:t>——</w:t>") && !row.contains("<w:t>/</w:t>"));
}

#[test]
fn complete_on_a_full_table_adds_nothing() {
    let (_, diags) = document(&truth::ningbo(), &WriteOptions::complete(true));
    assert!(diags.is_empty());
}

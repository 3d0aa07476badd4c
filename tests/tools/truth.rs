//! Test helper: a truth JSON file of /work/shared/samples/truth in, a `Report` out (the model as
//! a recognizer would build it from that sample), plus generated reports for size and property
//! tests.

#![allow(dead_code)]

use serde_json::Value as Json;
use xxgk::model::{Anchor, Reading, Row, Section, StatTable, TableKind, Value};
use xxgk::Report;

/// The 2014–2018 catalogue ids in official order (formats §2.2), for truth rows, which carry
/// their own keys instead.
pub const CODES_2018: [&str; 65] = [
    "A", "A1", "A1a", "A1b", "A2", "A2_1", "A2_2", "A2_3", "A2_4", "A2_5", "B", "B1", "B2", "B2_1",
    "B2_1a", "B2_2", "B2_2a", "B2_3", "B2_4", "B2_5", "C", "C1", "C1_1", "C1_2", "C1_3", "C1_4",
    "C2", "C2_1", "C2_2", "C3", "C3_1", "C3_2", "C3_3", "C3_4", "C3_4a", "C3_4b", "C3_4c", "C3_4d",
    "C3_4e", "C3_4f", "C3_5", "C3_6", "C3_7", "C3_8", "D", "D1", "D2", "D3", "E", "E1", "E2", "E3",
    "F", "G", "H", "H1", "H2", "H3", "H3_1", "H3_2", "H4", "I", "I1", "I2", "I3",
];

/// Where the shared samples are, from the crate root.
pub fn shared(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join(rel)
}

/// The typed reading of a normalised value cell.
pub fn reading(text: &str) -> Reading {
    match text {
        "" => Reading::Blank,
        "/" => Reading::NotApplicable,
        "——" => Reading::Dash,
        t => match t.parse::<i64>() {
            Ok(number) => Reading::Count { number },
            Err(_) => match t.parse::<f64>() {
                Ok(number) => Reading::Amount { number, unit: None },
                Err(_) => Reading::Text,
            },
        },
    }
}

/// A value as a recognizer reads it.
pub fn value(text: &str) -> Value {
    Value {
        text: text.to_string(),
        reading: reading(text),
    }
}

fn s(j: &Json) -> String {
    j.as_str().unwrap_or_default().to_string()
}

fn opt(j: &Json) -> Option<String> {
    j.as_str().map(str::to_string)
}

/// Reads a truth file into a report.
pub fn report_from_truth(path: &std::path::Path) -> Report {
    let text = std::fs::read_to_string(path).expect("truth file");
    let j: Json = serde_json::from_str(&text).expect("truth json");
    let sections: Vec<Section> = serde_json::from_value(j["sections"].clone()).expect("sections");
    let table = &j["table"];
    let rows_json = table["rows"].as_array().cloned().unwrap_or_default();
    let official = rows_json.len() == CODES_2018.len();
    let rows = rows_json
        .iter()
        .enumerate()
        .map(|(i, r)| Row {
            code: official.then(|| CODES_2018[i].to_string()),
            label: s(&r["label"]),
            path: vec![],
            note: opt(&r["note"]),
            unit: s(&r["unit"]),
            value: value(r["value"].as_str().unwrap_or_default()),
            values: vec![],
            depth: r["depth"].as_u64().unwrap_or(0) as u8,
        })
        .collect();
    Report {
        title: s(&j["title"]),
        agency: opt(&j["agency"]),
        year: j["year"].as_i64().map(|y| y as i32),
        intro: serde_json::from_value(j["intro"].clone()).unwrap_or_default(),
        sections,
        bookmarks: serde_json::from_value(j["bookmarks"].clone()).unwrap_or_default(),
        anchors: j["bookmark_anchors"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| Anchor {
                name: s(&a["name"]),
                at: s(&a["at"]).replacen("table.", "tables[0].", 1),
            })
            .collect(),
        tables: vec![StatTable {
            kind: TableKind::Stats2018,
            title: opt(&table["title"]),
            subtitle: opt(&table["subtitle"]),
            agency: opt(&table["agency"]),
            header: serde_json::from_value(table["header"].clone()).unwrap_or_default(),
            header_rows: vec![],
            columns: vec![],
            parts: vec![],
            rows,
        }],
        ..Report::default()
    }
}

/// The Ningbo 2018 report from its truth file.
pub fn ningbo() -> Report {
    report_from_truth(&shared("samples/truth/ningbo2018_waiban.json"))
}

/// `copies` copies of the Ningbo report's sections and rows in one report.
pub fn ningbo_times(copies: usize) -> Report {
    let one = ningbo();
    let mut r = one.clone();
    r.anchors.clear();
    r.bookmarks.clear();
    for _ in 1..copies {
        r.sections.extend(one.sections.iter().cloned());
        r.tables[0].rows.extend(one.tables[0].rows.iter().cloned());
    }
    r
}

/// The texts a reader of the written document sees, in order: each paragraph of the body (table
/// cells' paragraphs included, in cell order), empty ones left out. Line breaks inside the
/// title are `\n`.
pub fn expected_texts(report: &Report) -> Vec<String> {
    let mut out = vec![];
    out.push(report.title.clone());
    out.extend(report.intro.iter().cloned());
    let mut stack: Vec<&Section> = report.sections.iter().rev().collect();
    while let Some(s) = stack.pop() {
        out.push(format!("{}{}", s.number, s.heading));
        out.extend(s.paragraphs.iter().cloned());
        stack.extend(s.children.iter().rev());
    }
    for t in &report.tables {
        out.push(
            t.title
                .clone()
                .unwrap_or_else(|| "政府信息公开情况统计表".into()),
        );
        if let Some(sub) = t
            .subtitle
            .clone()
            .or(report.year.map(|y| format!("（{y}年度）")))
        {
            out.push(sub);
        }
        if let Some(a) = t.agency.clone().or(report.agency.clone()) {
            out.push(format!("填报单位：{a}"));
        }
        out.extend(t.header.iter().cloned());
        for r in &t.rows {
            out.push(r.label.clone());
            out.extend(r.note.clone());
            out.push(r.unit.clone());
            out.push(r.value.text.clone());
        }
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

/// Every sample input (`.docx` and `.txt`) in ../shared/samples, sorted; there are at least five.
pub fn sample_inputs() -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(shared("samples"))
        .expect("../shared/samples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx" || e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "{paths:?}");
    paths
}

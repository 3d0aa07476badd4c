//! The 2021-format samples (`../shared/samples2021`, DOCX renderings) against their truth,
//! cell by cell as `samples2021/truth_schema.md` compares them: title, agency, year, intro,
//! sections, bookmarks, table kinds, and every (row path, column path) → normalised value.
//! Also a flat 表三 as a text dump gives it (no spans, empty label cells under a merge).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value as J;
use xxgk::catalog::label_key;
use xxgk::document::{Block, Cell, Document, Paragraph, Row, Table};
use xxgk::model::{Report, Section, TableKind};

fn shared() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples2021")
}

fn key_path<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.map(label_key).collect::<Vec<_>>().join("/")
}

/// (row path key, column path key) → normalised value, from the model.
fn model_cells(r: &Report, t: usize) -> BTreeMap<(String, String), String> {
    let table = &r.tables[t];
    let mut out = BTreeMap::new();
    for (i, row) in table.rows.iter().enumerate() {
        let cols: Vec<String> = if table.columns.is_empty() {
            table
                .parts
                .iter()
                .find(|p| p.first_row <= i && i < p.first_row + p.row_count)
                .map(|p| p.columns.iter().map(|c| c.label.clone()).collect())
                .unwrap_or_default()
        } else {
            table.columns.clone()
        };
        for (j, v) in row.values.iter().enumerate() {
            let Some(col) = cols.get(j) else { continue };
            out.insert(
                (
                    key_path(row.path.iter().map(String::as_str)),
                    key_path(col.split('/')),
                ),
                v.normalized(),
            );
        }
    }
    out
}

fn truth_cells(t: &J) -> BTreeMap<(String, String), String> {
    let strs = |v: &J| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    t["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let row = strs(&c["row"]);
            let col = strs(&c["col"]);
            (
                (
                    key_path(row.iter().map(String::as_str)),
                    key_path(col.iter().map(String::as_str)),
                ),
                c["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn sections(path: &str, got: &[Section], want: &J, d: &mut Vec<String>) {
    let want = want.as_array().cloned().unwrap_or_default();
    if want.len() != got.len() {
        d.push(format!(
            "{path}: {} sections, got {}",
            want.len(),
            got.len()
        ));
    }
    for (i, (w, g)) in want.iter().zip(got).enumerate() {
        let p = format!("{path}[{i}]");
        for (k, v) in [
            ("number", J::from(g.number.clone())),
            ("heading", J::from(g.heading.clone())),
            ("level", J::from(g.level)),
            ("paragraphs", serde_json::to_value(&g.paragraphs).unwrap()),
        ] {
            if w[k] != v {
                d.push(format!("{p}.{k}: expected {}, got {v}", w[k]));
            }
        }
        sections(&format!("{p}.children"), &g.children, &w["children"], d);
    }
}

#[test]
fn docx_renderings_equal_the_truth() {
    let truth: J = serde_json::from_str(
        &std::fs::read_to_string(shared().join("truth/p01_water_2022.json")).unwrap(),
    )
    .unwrap();
    let mut d = Vec::new();
    for name in ["water2022_wordlike.docx", "water2022_libreoffice.docx"] {
        let r = match xxgk::inspect_path(shared().join(name), &xxgk::Options::default()) {
            Ok(r) => r,
            Err(e) => panic!("{name}: {e}"),
        };
        let mut diffs = Vec::new();
        for (k, got) in [
            ("title", J::from(r.title.clone())),
            ("agency", serde_json::to_value(&r.agency).unwrap()),
            ("year", serde_json::to_value(r.year).unwrap()),
            ("intro", serde_json::to_value(&r.intro).unwrap()),
            ("bookmarks", serde_json::to_value(&r.bookmarks).unwrap()),
        ] {
            if truth[k] != got {
                diffs.push(format!("{k}: expected {}, got {got}", truth[k]));
            }
        }
        sections("sections", &r.sections, &truth["sections"], &mut diffs);
        let kinds: Vec<TableKind> = r.tables.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                TableKind::Active2021,
                TableKind::Requests2021,
                TableKind::Review2019
            ],
            "{name}"
        );
        for (t, want) in truth["tables"].as_array().unwrap().iter().enumerate() {
            let (w, g) = (truth_cells(want), model_cells(&r, t));
            for (k, v) in &w {
                match g.get(k) {
                    None => diffs.push(format!("table {t}: missing cell {k:?}")),
                    Some(x) if x != v => {
                        diffs.push(format!("table {t}: cell {k:?}: expected {v}, got {x}"))
                    }
                    _ => {}
                }
            }
            for k in g.keys().filter(|k| !w.contains_key(*k)) {
                diffs.push(format!("table {t}: extra cell {k:?}"));
            }
        }
        // Every 表三 row carries its catalogue code; the report is consistent.
        assert!(
            r.tables[1].rows.iter().all(|row| row.code.is_some()),
            "{name}"
        );
        assert!(
            !r.diagnostics
                .iter()
                .any(|x| x.code.starts_with("validate.N")),
            "{name}: {:?}",
            r.diagnostics
        );
        d.extend(diffs.into_iter().map(|x| format!("{name}: {x}")));
    }
    assert!(d.is_empty(), "{}", d.join("\n"));
}

fn cell(text: &str) -> Cell {
    Cell {
        blocks: vec![Block::Paragraph(Paragraph::from_text(text))],
        ..Default::default()
    }
}

/// A row of single-column cells at consecutive columns, as a text dump gives it.
fn flat(cells: &[&str]) -> Row {
    Row {
        cells: cells
            .iter()
            .enumerate()
            .map(|(i, t)| Cell { col: i, ..cell(t) })
            .collect(),
        ..Default::default()
    }
}

#[test]
fn flat_requests_table_inherits_empty_label_cells() {
    let z = ["0"; 7];
    let row = |labels: &[&str], v: [&str; 7]| {
        let mut all: Vec<&str> = labels.to_vec();
        all.extend(v);
        flat(&all)
    };
    let rows = vec![
        flat(&[
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "申请人情况",
        ]),
        flat(&["", "自然人", "法人或其他组织", "总计"]),
        flat(&[
            "",
            "",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "",
        ]),
        row(
            &["一、本年新收政府信息公开申请数量"],
            ["2", "0", "0", "0", "0", "0", "2"],
        ),
        row(
            &["三、本年度办理结果", "（一）予以公开"],
            ["2", "0", "0", "0", "0", "0", "2"],
        ),
        row(&["", "（三）不予公开", "1.属于国家秘密"], z),
        row(&["", "", "2.其他法律行政法规禁止公开"], z),
        row(&["", "（七）总计"], ["2", "0", "0", "0", "0", "0", "2"]),
        row(&["四、结转下年度继续办理"], z),
    ];
    let doc = Document {
        body: vec![
            Block::Paragraph(Paragraph::from_text("某局2020年政府信息公开工作年度报告")),
            Block::Table(Table {
                rows,
                ..Default::default()
            }),
        ],
        ..Default::default()
    };
    let r = xxgk::recognize(&doc);
    let t = &r.tables[0];
    assert_eq!(t.kind, TableKind::Requests2019);
    let paths: Vec<Vec<&str>> = t
        .rows
        .iter()
        .map(|r| r.path.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        paths[2],
        ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"]
    );
    assert_eq!(
        paths[3],
        [
            "三、本年度办理结果",
            "（三）不予公开",
            "2.其他法律行政法规禁止公开"
        ]
    );
    assert_eq!(paths[4], ["三、本年度办理结果", "（七）总计"]);
    let codes: Vec<&str> = t
        .rows
        .iter()
        .map(|r| r.code.as_deref().unwrap_or("-"))
        .collect();
    assert_eq!(codes, ["R1", "R3_1", "R3_3_1", "R3_3_2", "R3_7", "R4"]);
    assert_eq!(t.rows[0].values.len(), 7);
    assert_eq!(t.rows[0].value.normalized(), "2");
    assert_eq!(r.agency.as_deref(), Some("某局"));
    assert_eq!(r.year, Some(2020));
    // 一 + 二 (missing) = （七） + 四 holds: no error
    assert!(!xxgk::validate(&r)
        .iter()
        .any(|d| d.severity == xxgk::Severity::Error));
}

#[test]
fn edition_mismatch_and_missing_rows_are_reported() {
    let rows = vec![
        flat(&[
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "申请人情况",
        ]),
        flat(&[
            "一、本年新收政府信息公开申请数量",
            "1",
            "0",
            "0",
            "0",
            "0",
            "0",
            "1",
        ]),
        flat(&[
            "三、本年度办理结果",
            "（八）自定义",
            "1",
            "0",
            "0",
            "0",
            "0",
            "0",
            "1",
        ]),
    ];
    let doc = Document {
        body: vec![
            Block::Paragraph(Paragraph::from_text("某局2022年政府信息公开工作年度报告")),
            Block::Table(Table {
                rows,
                ..Default::default()
            }),
        ],
        ..Default::default()
    };
    let r = xxgk::recognize(&doc);
    assert_eq!(r.tables[0].kind, TableKind::Requests2019);
    let count = |code: &str| r.diagnostics.iter().filter(|d| d.code == code).count();
    assert_eq!(count("recognize.table.edition_mismatch"), 1);
    assert_eq!(count("recognize.row.unknown"), 1);
    // 23 rows in the 2019 catalogue, one found
    assert_eq!(count("recognize.row.missing"), 22);
}

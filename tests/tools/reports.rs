//! Small report models built in code, shared by the tests that need the same one.
#![allow(dead_code)]

use xxgk::model::{Report, Row, StatTable, TableKind, Value};

/// A 2021 表二 with one row, 行政规范性文件 (第二十条第（一）项): made, repealed and in force
/// this year, as written.
pub fn rules_in_force(made: &str, repealed: &str, valid: &str) -> Report {
    Report {
        tables: vec![StatTable {
            kind: TableKind::Active2021,
            rows: vec![Row {
                label: "行政规范性文件".into(),
                path: vec!["第二十条第（一）项".into(), "行政规范性文件".into()],
                values: [made, repealed, valid]
                    .iter()
                    .map(|v| Value::parse(v))
                    .collect(),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    }
}

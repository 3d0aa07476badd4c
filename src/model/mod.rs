//! What the report means: [`Report`] (metadata, section tree, statistics tables, bookmarks,
//! diagnostics). Serde gives the JSON format `xxgk.report/1`; reading that JSON back gives the
//! same `Report`, so a model can be edited as JSON and converted.
//!
//! Glossary: 政府信息公开工作年度报告 = annual report ([`Report`]); 一、（一）1.（1） = section
//! numbers ([`Section::number`]); 政府信息公开情况统计表 = statistics table ([`StatTable`]);
//! 统计指标 = indicator ([`Row`], its catalogue id in [`Row::code`]); 单位 = unit; 统计数 =
//! value ([`Value`]); 其中 = "of which" (a row counted inside its parent); 填报单位 = reporting
//! agency; 年度 = reporting year.

pub mod csv;
mod report;
mod table;
mod value;

pub use report::{Anchor, Report, Section, SCHEMA};
pub use table::{ColumnNode, HeaderCell, Row, StatTable, TableKind, TablePart};
pub use value::{ascii_digit, is_space, Reading, Value};

/// The JSON Schema of [`Report`] (the `xxgk.report/1` format), pretty-printed, as committed in
/// `schema/report.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Report);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

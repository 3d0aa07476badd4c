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
pub use table::{HeaderCell, Row, StatTable, TableKind};
pub use value::{Reading, Value};

//! Statistics tables: the 2014–2018 three-column table today; the 2019/2021 tables (merged
//! three-row headers, seven value columns, the 15-column review table) use the same types with
//! [`StatTable::header_rows`], [`StatTable::columns`] and [`Row::values`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::value::Value;

/// Which official table a [`StatTable`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 政府信息公开情况统计表 (2014–2018 reporting years).
    Stats2018,
    /// 2019 format, table 2 (主动公开政府信息情况).
    Active2019,
    /// 2019 format, table 3 (收到和处理政府信息公开申请情况).
    Requests2019,
    /// 2019/2021 table 4 (行政复议、行政诉讼情况).
    Review2019,
    /// 2021 format, table 2.
    Active2021,
    /// 2021 format, table 3.
    Requests2021,
    /// A table that looks statistical but matches no known format.
    Unknown,
}

impl TableKind {
    /// The name used in JSON and CSV (`stats2018`, `requests2021`, …).
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Stats2018 => "stats2018",
            TableKind::Active2019 => "active2019",
            TableKind::Requests2019 => "requests2019",
            TableKind::Review2019 => "review2019",
            TableKind::Active2021 => "active2021",
            TableKind::Requests2021 => "requests2021",
            TableKind::Unknown => "unknown",
        }
    }
}

/// A statistics table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StatTable {
    /// Which official table.
    pub kind: TableKind,
    /// Title line as written (`政府信息公开情况统计表`).
    pub title: Option<String>,
    /// Subtitle line as written (`（2018年度）`).
    pub subtitle: Option<String>,
    /// 填报单位 (text after `填报单位：`).
    pub agency: Option<String>,
    /// Column headers of the simple form, all whitespace removed: `["统计指标","单位","统计数"]`.
    pub header: Vec<String>,
    /// Merged multi-row header as a grid of cells with spans (2019/2021 tables); empty for the
    /// three-column table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_rows: Vec<Vec<HeaderCell>>,
    /// Names of the value columns, leaf header path joined by `/`
    /// (`申请人情况/法人或其他组织/商业企业`); empty for the three-column table, whose one value
    /// column is [`Row::value`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
    /// Blocks of a table made of several titled blocks, each with its own columns (the
    /// 2019/2021 表二: one part per `第二十条第（…）项`); a multi-column table with one header has
    /// one part; empty for the three-column table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<TablePart>,
    /// Indicator rows in source order.
    pub rows: Vec<Row>,
}

impl Default for StatTable {
    fn default() -> Self {
        StatTable {
            kind: TableKind::Unknown,
            title: None,
            subtitle: None,
            agency: None,
            header: Vec::new(),
            header_rows: Vec::new(),
            columns: Vec::new(),
            parts: Vec::new(),
            rows: Vec::new(),
        }
    }
}

impl StatTable {
    /// The first row with this catalogue code, and its index.
    pub fn row(&self, code: &str) -> Option<(usize, &Row)> {
        self.rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.code.as_deref() == Some(code))
    }
}

/// One block of a multi-column table: its title row, its header and its rows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TablePart {
    /// The block's title row (`第二十条第（一）项`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The header's top-left cell over the label columns (`信息内容`, the 表三 note cell).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stub: Option<String>,
    /// The header as a tree over the value columns.
    pub columns: Vec<ColumnNode>,
    /// Index in [`StatTable::rows`] of the block's first row.
    pub first_row: usize,
    /// Number of rows of the block.
    pub row_count: usize,
}

/// A header cell as a node of the column tree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ColumnNode {
    /// Label, whitespace removed.
    pub label: String,
    /// Logical leaf columns below (1 for a leaf).
    pub span: usize,
    /// Sub-columns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<ColumnNode>,
}

/// A header cell of a merged header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct HeaderCell {
    /// Text, whitespace removed.
    pub text: String,
    /// Columns covered.
    pub col_span: usize,
    /// Rows covered.
    pub row_span: usize,
}

/// One indicator row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Row {
    /// Catalogue id (`A1`, `C3_4b`…), `null` for a row the catalogue lacks.
    pub code: Option<String>,
    /// Label as written, stripped of indentation and bookmark markers.
    pub label: String,
    /// Row-label path of a multi-column table, outermost first (`["三、本年度办理结果",
    /// "（三）不予公开", "1.属于国家秘密"]`, `["第二十条第（一）项", "规章"]`); [`Row::label`] is
    /// its last element. Empty for the three-column table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<String>,
    /// The label cell's parenthesised second line (`（不同渠道和方式公开相同信息计1条）`).
    pub note: Option<String>,
    /// Unit (`条`, `件`, `万元`…; `——` for a section row).
    pub unit: String,
    /// The value (for multi-column tables: the total column).
    pub value: Value,
    /// Every value column, in [`StatTable::columns`] order (multi-column tables only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<Value>,
    /// Hierarchy depth from the label's number: `一、` 0, `（一）` 1, `1.` 2, `（1）` 3, `其中：`
    /// parent + 1.
    pub depth: u8,
}

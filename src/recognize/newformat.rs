//! 2019/2021-format report tables (表二 主动公开, 表三 依申请, 表四 复议诉讼) → [`StatTable`]s
//! with value columns, row-label paths and catalogue codes.
//!
//! | table | found by a cell | rows | columns |
//! | --- | --- | --- | --- |
//! | 表三 requests | `申请人情况` | rows with a numbered label cell; labels = all cells but the last 7, an empty label cell takes the label above at the same grid column | the official 7 ([`REQUEST_COLUMNS`]) |
//! | 表四 reviews | `行政复议` and `行政诉讼` | the row after the header rows (the last 15 cells) | the official 15 ([`REVIEW_COLUMNS`]) |
//! | 表二 active | starting `第二十条` | per block: title row, header row (stub + columns), data rows | each block's header |
//!
//! Edition: 2019 when the first 表二 block's first column is `本年新制作数量`, 2021 when it is
//! `本年制发件数`; without 表二, 2021 when 表三 has rows under `（六）其他处理`.

use super::grid::{cell_lines, cell_marks, GridRow};
use super::numbering::split_number;
use super::rows::compact;
use crate::catalog::{self, label_key, REQUEST_COLUMNS, REVIEW_COLUMNS};
use crate::diagnostic::{Diagnostic, Location};
use crate::model::{ColumnNode, HeaderCell, Report, Row, StatTable, TableKind, TablePart, Value};

/// Which report table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    /// 表二.
    Active,
    /// 表三.
    Requests,
    /// 表四.
    Reviews,
}

/// The kind of a report table, from its cells.
pub fn new_kind(rows: &[GridRow<'_>]) -> Option<NewKind> {
    let keys: Vec<String> = rows
        .iter()
        .flat_map(|r| r.slots.iter())
        .map(|s| label_key(&cell_lines(s.cell).concat()))
        .collect();
    if keys.iter().any(|k| k == "申请人情况") {
        Some(NewKind::Requests)
    } else if keys.iter().any(|k| k == "行政复议") && keys.iter().any(|k| k == "行政诉讼") {
        Some(NewKind::Reviews)
    } else if keys.iter().any(|k| k.starts_with("第二十条")) {
        Some(NewKind::Active)
    } else {
        None
    }
}

fn text(slot: &super::grid::Slot<'_>) -> String {
    cell_lines(slot.cell).concat()
}

fn value_of(slot: Option<&super::grid::Slot<'_>>) -> Value {
    slot.map(|s| Value::parse(&super::rows::joined(&cell_lines(s.cell))))
        .unwrap_or_default()
}

/// Builds a report table of `kind` from its rows (continuations included); bookmark anchors
/// are returned as (name, path under the table).
pub fn build(kind: NewKind, rows: &[GridRow<'_>]) -> (StatTable, Vec<(String, String)>) {
    match kind {
        NewKind::Requests => requests(rows),
        NewKind::Reviews => reviews(rows),
        NewKind::Active => active(rows),
    }
}

/// Header rows as grids of header cells.
fn header_cells(rows: &[&GridRow<'_>]) -> Vec<Vec<HeaderCell>> {
    rows.iter()
        .map(|r| {
            r.slots
                .iter()
                .map(|s| HeaderCell {
                    text: compact(&text(s)),
                    col_span: s.span,
                    row_span: s.cell.row_span.max(1),
                })
                .collect()
        })
        .collect()
}

/// Marks of a data row: label slots → `rows[i]`, value slots → `rows[i].values[j]`.
fn row_marks(row: &GridRow<'_>, labels: usize, index: usize, out: &mut Vec<(String, String)>) {
    for m in &row.marks {
        out.push((m.clone(), format!("rows[{index}]")));
    }
    for (k, s) in row.slots.iter().enumerate() {
        let at = if k < labels {
            format!("rows[{index}]")
        } else {
            format!("rows[{index}].values[{}]", k - labels)
        };
        for m in cell_marks(s.cell) {
            out.push((m, at.clone()));
        }
    }
}

fn is_numbered(label: &str) -> bool {
    split_number(&label_key(label)).is_some()
}

fn requests(rows: &[GridRow<'_>]) -> (StatTable, Vec<(String, String)>) {
    let mut table = StatTable {
        columns: REQUEST_COLUMNS.iter().map(|c| c.to_string()).collect(),
        ..Default::default()
    };
    let mut anchors = Vec::new();
    let mut header: Vec<&GridRow<'_>> = Vec::new();
    let mut above: Vec<(usize, String)> = Vec::new();
    let mut stub = None;
    for row in rows {
        let n = row.slots.len();
        let labels = n.saturating_sub(7);
        let is_data = n >= 8 && row.slots[..labels].iter().any(|s| is_numbered(&text(s)));
        if !is_data {
            if table.rows.is_empty() && row.slots.iter().any(|s| !text(s).is_empty()) {
                if stub.is_none() {
                    stub = row.slots.first().map(|s| compact(&text(s)));
                }
                header.push(row);
            }
            continue;
        }
        let mut path = Vec::new();
        let mut now = Vec::new();
        for s in &row.slots[..labels] {
            let mut t = text(s);
            if t.is_empty() {
                t = above
                    .iter()
                    .find(|(c, _)| *c == s.col)
                    .map(|(_, t)| t.clone())
                    .unwrap_or_default();
            }
            now.push((s.col, t.clone()));
            if !t.is_empty() && path.last() != Some(&t) {
                path.push(t);
            }
        }
        above = now;
        let values: Vec<Value> = row.slots[labels..]
            .iter()
            .map(|s| value_of(Some(s)))
            .collect();
        row_marks(row, labels, table.rows.len(), &mut anchors);
        table.rows.push(Row {
            label: path.last().cloned().unwrap_or_default(),
            depth: path.len().saturating_sub(1).min(3) as u8,
            path,
            unit: "件".into(),
            value: values.last().cloned().unwrap_or_default(),
            values,
            ..Default::default()
        });
    }
    let edition_2021 = table
        .rows
        .iter()
        .any(|r| r.path.len() == 3 && label_key(&r.path[1]).starts_with("（六）"));
    table.kind = if edition_2021 {
        TableKind::Requests2021
    } else {
        TableKind::Requests2019
    };
    table.header_rows = header_cells(&header);
    table.parts = vec![TablePart {
        title: None,
        stub,
        columns: tree(&table.columns),
        first_row: 0,
        row_count: table.rows.len(),
    }];
    set_codes(&mut table);
    (table, anchors)
}

/// Codes from the edition's catalogue, by the row path's label keys.
pub fn set_codes(table: &mut StatTable) {
    let Some(cat) = catalog::for_kind(table.kind) else {
        return;
    };
    let key = |p: &[String]| p.iter().map(|s| label_key(s)).collect::<Vec<_>>().join("/");
    for row in &mut table.rows {
        let k = key(&row.path);
        row.code = cat
            .indicators
            .iter()
            .find(|i| key(&i.path) == k)
            .map(|i| i.code.clone());
    }
}

/// A column tree from leaf paths joined by `/`.
pub fn tree(columns: &[String]) -> Vec<ColumnNode> {
    let mut roots: Vec<ColumnNode> = Vec::new();
    for c in columns {
        let mut level = &mut roots;
        for part in c.split('/') {
            let i = match level.iter().position(|n| n.label == part) {
                Some(i) => i,
                None => {
                    level.push(ColumnNode {
                        label: part.to_string(),
                        span: 0,
                        children: Vec::new(),
                    });
                    level.len() - 1
                }
            };
            level[i].span += 1;
            level = &mut level[i].children;
        }
    }
    roots
}

fn value_like(t: &str) -> bool {
    let v = Value::parse(t);
    v.number().is_some() || v.is_missing()
}

fn reviews(rows: &[GridRow<'_>]) -> (StatTable, Vec<(String, String)>) {
    let mut table = StatTable {
        kind: TableKind::Review2019,
        columns: REVIEW_COLUMNS.iter().map(|c| c.to_string()).collect(),
        ..Default::default()
    };
    let mut anchors = Vec::new();
    let last_header = rows
        .iter()
        .rposition(|r| r.slots.iter().any(|s| !value_like(&text(s))));
    let (head, data) = rows.split_at(last_header.map_or(0, |i| i + 1));
    let header: Vec<&GridRow<'_>> = head.iter().collect();
    table.header_rows = header_cells(&header);
    for row in data {
        if row.slots.iter().all(|s| text(s).is_empty()) {
            continue;
        }
        let n = row.slots.len();
        let skip = n.saturating_sub(15);
        let values: Vec<Value> = row.slots[skip..]
            .iter()
            .map(|s| value_of(Some(s)))
            .collect();
        row_marks(row, skip, table.rows.len(), &mut anchors);
        table.rows.push(Row {
            value: values.get(4).cloned().unwrap_or_default(),
            values,
            unit: "件".into(),
            ..Default::default()
        });
    }
    table.parts = vec![TablePart {
        columns: tree(&table.columns),
        row_count: table.rows.len(),
        ..Default::default()
    }];
    (table, anchors)
}

fn active(rows: &[GridRow<'_>]) -> (StatTable, Vec<(String, String)>) {
    let mut table = StatTable::default();
    let mut anchors = Vec::new();
    let mut expect_header = false;
    let mut cols: Vec<usize> = Vec::new();
    for row in rows {
        let filled: Vec<&super::grid::Slot<'_>> =
            row.slots.iter().filter(|s| !text(s).is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        if filled.len() == 1 && label_key(&text(filled[0])).starts_with("第二十条") {
            table.parts.push(TablePart {
                title: Some(text(filled[0])),
                first_row: table.rows.len(),
                ..Default::default()
            });
            expect_header = true;
            continue;
        }
        let Some(part) = table.parts.last_mut() else {
            continue;
        };
        if expect_header {
            part.stub = row.slots.first().map(|s| compact(&text(s)));
            part.columns = row.slots[1..]
                .iter()
                .map(|s| ColumnNode {
                    label: compact(&text(s)),
                    span: 1,
                    children: Vec::new(),
                })
                .collect();
            cols = row.slots[1..].iter().map(|s| s.col).collect();
            expect_header = false;
            continue;
        }
        let label = row.slots.first().map(text).unwrap_or_default();
        let values: Vec<Value> = cols.iter().map(|c| value_of(row.at(*c))).collect();
        let path = vec![part.title.clone().unwrap_or_default(), label.clone()];
        part.row_count += 1;
        row_marks(row, 1, table.rows.len(), &mut anchors);
        table.rows.push(Row {
            label,
            path,
            depth: 1,
            value: values.first().cloned().unwrap_or_default(),
            values,
            ..Default::default()
        });
    }
    let first = table
        .parts
        .first()
        .and_then(|p| p.columns.first())
        .map(|c| c.label.as_str());
    table.kind = match first {
        Some("本年新制作数量") => TableKind::Active2019,
        _ => TableKind::Active2021,
    };
    (table, anchors)
}

/// Catalogue coverage of 表三 (`recognize.row.unknown`, `recognize.row.missing`) and the
/// edition against the reporting year (`recognize.table.edition_mismatch`: 2019 headers in a
/// report on 2021 or later, 2021 headers before 2021).
pub fn check(report: &mut Report) {
    let mut found = Vec::new();
    for (ti, t) in report.tables.iter().enumerate() {
        let Some(cat) = crate::catalog::for_kind(t.kind) else {
            continue;
        };
        for (i, row) in t.rows.iter().enumerate() {
            if row.code.is_none() {
                found.push(
                    Diagnostic::warning(
                        "recognize.row.unknown",
                        format!("row `{}` is not in the catalogue", row.path.join(" / ")),
                    )
                    .at(Location::path(format!("tables[{ti}].rows[{i}]"))),
                );
            }
        }
        for ind in &cat.indicators {
            if !t
                .rows
                .iter()
                .any(|r| r.code.as_deref() == Some(ind.code.as_str()))
            {
                found.push(
                    Diagnostic::warning(
                        "recognize.row.missing",
                        format!(
                            "catalogue row {} `{}` not found",
                            ind.code,
                            ind.path.join(" / ")
                        ),
                    )
                    .at(Location::path(format!("tables[{ti}]"))),
                );
            }
        }
        let old = matches!(t.kind, TableKind::Active2019 | TableKind::Requests2019);
        let new = matches!(t.kind, TableKind::Active2021 | TableKind::Requests2021);
        if let Some(y) = report.year {
            if old && y >= 2021 || new && y < 2021 {
                found.push(
                    Diagnostic::info(
                        "recognize.table.edition_mismatch",
                        format!(
                            "a {y} report uses the {} headers of this table",
                            if old { "2019" } else { "2021" }
                        ),
                    )
                    .at(Location::path(format!("tables[{ti}]"))),
                );
            }
        }
    }
    report.diagnostics.extend(found);
}

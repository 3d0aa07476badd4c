//! Logical table rows ([`super::grid`]) → a three-column (or locally extended) statistics table:
//! title rows, header, indicator rows with label, note, unit, value and depth; bookmark anchors
//! in model paths.
//!
//! | row | becomes |
//! | --- | --- |
//! | no text | nothing (its bookmarks move to the next row) |
//! | one cell spanning the table whose lines are title lines (`…统计表`, `（2018年度）`, `填报单位：…`) | [`StatTable::title`] / `subtitle` / `agency` |
//! | header (a cell with `指标`, one with `单位`) | [`StatTable::header`] the first time, dropped when repeated |
//! | anything else | an indicator [`Row`] |

use std::borrow::Cow;

use super::grid::{cell_lines, cell_lines_into, cell_marks, GridRow};
use super::numbering::split_number;
use crate::catalog::key_of;
use crate::diagnostic::{Diagnostic, Location};
use crate::model::{is_space, Row, StatTable, Value};

/// What a title line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TitleLine {
    /// `政府信息公开情况统计表` (any line holding `统计表`).
    Title,
    /// `（2018年度）`.
    Subtitle,
    /// `填报单位：市外办` → the agency.
    Agency(String),
}

/// Classifies a stripped line as a table title line.
pub fn title_line(line: &str) -> Option<TitleLine> {
    let key = key_of(line);
    if let Some(rest) = key.strip_prefix("填报单位") {
        let rest = rest
            .strip_prefix("（盖章）")
            .or_else(|| rest.strip_prefix("(盖章)"))
            .unwrap_or(rest);
        if rest.starts_with('：') || rest.is_empty() {
            return Some(TitleLine::Agency(agency_text(line)));
        }
    }
    if is_subtitle(&key) {
        return Some(TitleLine::Subtitle);
    }
    if key.contains("统计表") && key.chars().count() <= 40 {
        return Some(TitleLine::Title);
    }
    None
}

/// The text after `填报单位：` (or `填报单位（盖章）：`), stripped; a trailing `填报日期…`/`填报时间…`
/// part cut off.
fn agency_text(line: &str) -> String {
    let after = line
        .find(['：', ':'])
        .map(|i| &line[i + line[i..].chars().next().map_or(1, char::len_utf8)..])
        .unwrap_or("");
    let mut s = after.trim_matches(is_space);
    for cut in ["填报日期", "填报时间", "统计时间", "报送日期"] {
        if let Some(i) = s.find(cut) {
            s = s[..i].trim_matches(is_space);
        }
    }
    s.to_string()
}

/// `（2018年度）`, `(2018年)`, `2018年度`.
fn is_subtitle(key: &str) -> bool {
    let inner = key
        .strip_prefix('（')
        .and_then(|k| k.strip_suffix('）'))
        .unwrap_or(key);
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4 && matches!(&inner[4..], "年度" | "年")
}

/// Label-column headers besides those containing `指标`.
const LABEL_HEADERS: [&str; 6] = ["项目", "项目名称", "统计项目", "名称", "内容", "统计内容"];

/// Header cell keys (whitespace removed, non-empty ones) when the row is a header row: a cell
/// naming the label column (`统计指标`, `指标名称`, `项目`…) or the value column (`统计数`), and
/// a cell ending in `单位` (not `填报单位`).
pub fn header_keys(row: &GridRow<'_>) -> Option<Vec<String>> {
    let lines: Vec<Vec<Cow<'_, str>>> = row.slots.iter().map(|s| cell_lines(s.cell)).collect();
    header_keys_from(&lines)
}

/// [`header_keys`] from the lines of the row's slots (as [`cell_lines`] gives them).
pub fn header_keys_from(lines: &[Vec<Cow<'_, str>>]) -> Option<Vec<String>> {
    // A unit header's key ends in `单位`, so its cell's last line ends in `位`: most rows are
    // rejected here without building keys.
    if !lines
        .iter()
        .any(|l| l.last().is_some_and(|x| x.ends_with('位')))
    {
        return None;
    }
    let keys: Vec<String> = lines.iter().map(|l| compact(&l.concat())).collect();
    let has_label = keys.iter().any(|k| {
        k.contains("指标") && k.chars().count() <= 12 || LABEL_HEADERS.contains(&k.as_str())
    });
    let has_value = keys.iter().any(|k| k == "统计数");
    let has_unit = keys
        .iter()
        .any(|k| k.ends_with("单位") && !k.contains("填报") && k.chars().count() <= 6);
    ((has_label || has_value) && has_unit)
        .then(|| keys.into_iter().filter(|k| !k.is_empty()).collect())
}

/// All whitespace removed.
pub fn compact(s: &str) -> String {
    if !s.chars().any(is_space) {
        return s.to_owned();
    }
    s.chars().filter(|c| !is_space(*c)).collect()
}

/// Which logical columns hold label, unit and values.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Roles {
    label: usize,
    unit: Option<usize>,
    values: Vec<(usize, String)>,
}

impl Roles {
    fn by_width(width: usize) -> Roles {
        match width {
            0 | 1 => Roles {
                label: 0,
                unit: None,
                values: Vec::new(),
            },
            2 => Roles {
                label: 0,
                unit: None,
                values: vec![(1, String::new())],
            },
            _ => Roles {
                label: 0,
                unit: Some(1),
                values: (2..width).map(|c| (c, String::new())).collect(),
            },
        }
    }

    fn from_header(row: &GridRow<'_>) -> Roles {
        let keys: Vec<(usize, String)> = row
            .slots
            .iter()
            .map(|s| (s.col, compact(&cell_lines(s.cell).concat())))
            .collect();
        let label = keys
            .iter()
            .find(|(_, k)| k.contains("指标") || LABEL_HEADERS.contains(&k.as_str()))
            .map_or(0, |(c, _)| *c);
        let unit = keys
            .iter()
            .find(|(c, k)| *c != label && k.ends_with("单位"))
            .map(|(c, _)| *c);
        let values = keys
            .iter()
            .filter(|(c, k)| {
                *c > label
                    && Some(*c) != unit
                    && !k.is_empty()
                    && !matches!(k.as_str(), "序号" | "代码" | "编号" | "备注")
            })
            .map(|(c, k)| (*c, k.clone()))
            .collect();
        Roles {
            label,
            unit,
            values,
        }
    }
}

/// Reads rows into one statistics table.
#[derive(Debug)]
pub struct TableReader {
    /// The table being built.
    pub table: StatTable,
    /// Bookmark anchors found: (name, path under `tables[i]`, e.g. `rows[3].value`).
    pub anchors: Vec<(String, String)>,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
    roles: Option<Roles>,
    pending: Vec<String>,
    table_index: usize,
    text_dump: bool,
    last_unit: Option<String>,
}

impl TableReader {
    /// A reader for `tables[table_index]`. `text_dump`: the rows come from a text dump, which
    /// prints every cell once and loses spans (see [`TableReader::read`]).
    pub fn new(table_index: usize, text_dump: bool) -> Self {
        TableReader {
            table: StatTable::default(),
            anchors: Vec::new(),
            diagnostics: Vec::new(),
            roles: None,
            pending: Vec::new(),
            table_index,
            text_dump,
            last_unit: None,
        }
    }

    /// Sets a title line found above the table; false when the line is no title line or that
    /// field is already set.
    pub fn title_line_above(&mut self, line: &str, marks: &[String]) -> bool {
        let Some(kind) = title_line(line) else {
            return false;
        };
        let field = match kind {
            TitleLine::Title if self.table.title.is_none() => {
                self.table.title = Some(line.to_string());
                "title"
            }
            TitleLine::Subtitle if self.table.subtitle.is_none() => {
                self.table.subtitle = Some(line.to_string());
                "subtitle"
            }
            TitleLine::Agency(a) if self.table.agency.is_none() => {
                self.table.agency = Some(a);
                "agency"
            }
            _ => return false,
        };
        for m in marks {
            self.anchors.push((m.clone(), field.to_string()));
        }
        true
    }

    /// Bookmarks starting just before a table: anchored at its first row read.
    pub fn pending_marks(&mut self, marks: &[String]) {
        self.pending.extend(marks.iter().cloned());
    }

    /// Reads the logical rows of one table (the first, or a continuation).
    ///
    /// Rows of a text dump lost their spans, so there: a row of one cell is a label merged over
    /// the whole row (unit `——`, value blank); a row of two cells in a three-column table is a
    /// label merged over the unit column (unit `——`, then the value); an empty unit cell under a
    /// unit is a vertical merge's continuation and repeats it.
    pub fn read<'a>(&mut self, rows: &[GridRow<'a>], block: usize) {
        // The lines of each slot of the row, in buffers kept from row to row.
        let mut lines: Vec<Vec<Cow<'a, str>>> = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            self.pending.extend(row.marks.iter().cloned());
            lines.resize_with(row.slots.len(), Vec::new);
            for (l, s) in lines.iter_mut().zip(&row.slots) {
                l.clear();
                cell_lines_into(s.cell, l);
            }
            if lines.iter().all(Vec::is_empty) {
                continue;
            }
            if let Some(keys) = header_keys_from(&lines) {
                let path = || "header".to_string();
                self.take_marks(row, &path, &path);
                if self.table.header.is_empty() {
                    self.table.header = keys;
                    self.roles = Some(Roles::from_header(row));
                }
                continue;
            }
            if self.title_row(row, &lines) {
                continue;
            }
            self.indicator_row(row, &lines, r, block);
        }
    }

    /// A row of one non-empty cell whose lines are all title lines (a title row, or its
    /// repetition in a continuation).
    fn title_row(&mut self, row: &GridRow<'_>, lines: &[Vec<Cow<'_, str>>]) -> bool {
        let mut filled = lines.iter().filter(|l| !l.is_empty());
        let (Some(cell_lines), None) = (filled.next(), filled.next()) else {
            return false;
        };
        if !cell_lines.iter().all(|l| title_line(l).is_some()) {
            return false;
        }
        let mut marks = std::mem::take(&mut self.pending);
        marks.extend(row.slots.iter().flat_map(|s| cell_marks(s.cell)));
        for line in cell_lines.iter() {
            if self.title_line_above(line, &marks) {
                marks.clear();
            } else if !self.is_repeat(line) {
                self.diagnostics.push(
                    Diagnostic::info(
                        "recognize.table.extra_title",
                        format!("a second table title line is kept only here: {line}"),
                    )
                    .at(self.path_location("title")),
                );
            }
        }
        self.pending = marks;
        true
    }

    /// True when the line repeats the title, subtitle or agency already read.
    fn is_repeat(&self, line: &str) -> bool {
        match title_line(line) {
            Some(TitleLine::Title) => self.table.title.as_deref() == Some(line),
            Some(TitleLine::Subtitle) => self.table.subtitle.as_deref() == Some(line),
            Some(TitleLine::Agency(a)) => self.table.agency.as_deref() == Some(a.as_str()),
            None => false,
        }
    }

    fn path_location(&self, path: &str) -> Location {
        Location::path(format!("tables[{}].{path}", self.table_index))
    }

    /// Records the bookmarks of a row: pending and label/unit cell marks at `row_path`, value
    /// cell marks at `value_path`.
    ///
    /// The paths are built only for a row that has bookmarks.
    fn take_marks(
        &mut self,
        row: &GridRow<'_>,
        row_path: &dyn Fn() -> String,
        value_path: &dyn Fn() -> String,
    ) {
        for m in std::mem::take(&mut self.pending) {
            self.anchors.push((m, row_path()));
        }
        for s in &row.slots {
            let marks = cell_marks(s.cell);
            if marks.is_empty() {
                continue;
            }
            let at_value = s.span == 1
                && self
                    .roles
                    .as_ref()
                    .is_some_and(|r| r.values.iter().any(|v| v.0 == s.col));
            for m in marks {
                let p = if at_value { value_path() } else { row_path() };
                self.anchors.push((m, p));
            }
        }
    }

    fn indicator_row(
        &mut self,
        row: &GridRow<'_>,
        lines: &[Vec<Cow<'_, str>>],
        r: usize,
        block: usize,
    ) {
        // The lines of the slot covering logical column `col` (`lines` is by slot).
        let lines_at = |col: usize| -> Option<&Vec<Cow<'_, str>>> {
            let i = row.slots.iter().position(|s| s.covers(col))?;
            lines.get(i)
        };
        let width = row.slots.last().map_or(0, |s| s.col + s.span);
        // Taken out for the row and put back at its end (no copy per row).
        let roles = self.roles.take().unwrap_or_else(|| Roles::by_width(width));
        let expected = roles
            .values
            .iter()
            .map(|v| v.0)
            .chain(roles.unit)
            .chain([roles.label])
            .max()
            .map_or(0, |m| m + 1);
        let short = self.text_dump && row.slots.len() < expected && roles.label == 0;
        let label_slot = row.at(roles.label);
        let (label, note) = label_and_note(lines_at(roles.label).map_or(&[][..], Vec::as_slice));
        // In a short text-dump row the label covers the unit column (and the value column
        // when it is the only cell); the value, if any, is the next cell.
        let spanned = |c: usize| short && (row.slots.len() == 1 || Some(c) == roles.unit);
        let covers = |col: Option<usize>| -> bool {
            match (label_slot, col) {
                (_, Some(c)) if spanned(c) => true,
                (Some(s), Some(c)) => s.covers(c),
                _ => false,
            }
        };
        let mut unit = if covers(roles.unit) {
            "——".to_string()
        } else {
            roles
                .unit
                .and_then(lines_at)
                .map(|l| unit_text(l))
                .unwrap_or_default()
        };
        if self.text_dump && unit.is_empty() {
            if let Some(above) = self.last_unit.as_ref().filter(|u| *u != "——") {
                unit = above.clone();
            }
        }
        // Only text dumps carry a unit down to the rows below.
        if self.text_dump && !unit.is_empty() {
            self.last_unit = Some(unit.clone());
        }
        let short_value = short && row.slots.len() == 2;
        let first_value = roles.values.first().map(|v| v.0);
        let read_value = |col: usize| -> Value {
            if short_value && Some(col) == first_value {
                return lines
                    .get(1)
                    .map(|l| Value::parse(&joined(l)))
                    .unwrap_or_default();
            }
            if covers(Some(col)) {
                return Value::blank();
            }
            lines_at(col)
                .map(|l| Value::parse(&joined(l)))
                .unwrap_or_default()
        };
        let main = roles
            .values
            .iter()
            .position(|(_, k)| matches!(k.as_str(), "统计数" | "合计" | "总计" | "数量"))
            .unwrap_or(0);
        let (value, values) = if roles.values.len() > 1 {
            if self.table.columns.is_empty() {
                self.table.columns = roles.values.iter().map(|(_, k)| k.clone()).collect();
            }
            let values: Vec<Value> = roles.values.iter().map(|(c, _)| read_value(*c)).collect();
            (values.get(main).cloned().unwrap_or_default(), values)
        } else {
            // One value column: the value only, not also a list of one.
            let v = roles.values.first().map(|(c, _)| read_value(*c));
            (v.unwrap_or_default(), Vec::new())
        };
        let index = self.table.rows.len();
        let row_path = || format!("rows[{index}]");
        let value_path = || format!("rows[{index}].value");
        self.roles = Some(roles);
        self.take_marks(row, &row_path, &value_path);
        if label.is_empty() {
            self.diagnostics.push(
                Diagnostic::warning(
                    "recognize.row.no_label",
                    "a table row without a label is kept as an unknown indicator",
                )
                .at(Location {
                    block: Some(block),
                    row: Some(r),
                    path: Some(format!("tables[{}].{}", self.table_index, row_path())),
                    ..Default::default()
                }),
            );
        }
        self.table.rows.push(Row {
            code: None,
            label,
            note,
            unit,
            value,
            values,
            ..Default::default()
        });
    }

    /// Marks left over after the last row (anchored at the last row, else the title).
    pub fn finish(&mut self) {
        let at = match self.table.rows.len() {
            0 => "title".to_string(),
            n => format!("rows[{}]", n - 1),
        };
        for m in std::mem::take(&mut self.pending) {
            self.anchors.push((m, at.clone()));
        }
        assign_depths(&mut self.table.rows);
    }
}

/// Label and note from a label cell's lines: with ≥ 2 lines, the second starting with `（`/`(`
/// and the last ending with `）`/`)`, the first line is the label and the rest (joined) the
/// note; otherwise all lines joined are the label.
pub fn label_and_note(lines: &[Cow<'_, str>]) -> (String, Option<String>) {
    if lines.len() >= 2 {
        let second = &lines[1];
        let last = &lines[lines.len() - 1];
        if (second.starts_with('（') || second.starts_with('('))
            && (last.ends_with('）') || last.ends_with(')'))
        {
            return (lines[0].to_string(), Some(lines[1..].concat()));
        }
    }
    (lines.concat(), None)
}

/// A cell's lines joined with `\n` (a one-line cell is not copied).
pub fn joined<'b>(lines: &'b [Cow<'_, str>]) -> Cow<'b, str> {
    match lines {
        [one] => Cow::Borrowed(one),
        _ => Cow::Owned(lines.join("\n")),
    }
}

/// A unit cell: whitespace removed; only dashes / slashes → `——`.
pub fn unit_text(lines: &[Cow<'_, str>]) -> String {
    let s = match lines {
        [one] => compact(one),
        _ => compact(&lines.concat()),
    };
    let dashy = |c: char| {
        matches!(
            c,
            '—' | '-' | '－' | '–' | '―' | '─' | '‐' | '‑' | '−' | '/' | '／'
        )
    };
    if !s.is_empty() && s.chars().all(dashy) {
        "——".to_string()
    } else {
        s
    }
}

/// Depths by the labels' numbers: `一、` 0, `（一）` 1, `1.` 2, `（1）` 3; `其中：` = last
/// numbered depth + 1; unprefixed rows after a `其中：` row share its depth; other unprefixed rows
/// are last numbered depth + 1.
pub fn assign_depths(rows: &mut [Row]) {
    let mut last: Option<u8> = None;
    let mut of_which: Option<u8> = None;
    for row in rows {
        let key = key_of(&row.label);
        if let Some(n) = split_number(&key) {
            let d = n.level - 1;
            row.depth = d;
            last = Some(d);
            of_which = None;
        } else if key.starts_with("其中") {
            let d = last.map_or(0, |l| l + 1);
            row.depth = d;
            of_which = Some(d);
        } else if let Some(d) = of_which {
            row.depth = d;
        } else {
            row.depth = last.map_or(0, |l| l + 1);
        }
    }
}

//! A statistics table in, its attachment page out: title, `（YYYY年度）`, `填报单位：…`, then
//! the table (fixed widths summing to the text width, a repeated header row, rows that never
//! split across pages, labels indented by depth through one paragraph style per depth).

use crate::model::{Report, StatTable};

use super::body::{At, Body};
use super::complete::{self, Planned};
use super::layout::{self as l, Font, Para};
use super::styles;

/// Default title of the 2014–2018 table.
pub(crate) const DEFAULT_TITLE: &str = "政府信息公开情况统计表";
/// Default header of the three-column table.
pub(crate) const DEFAULT_HEADER: [&str; 3] = ["统计指标", "单位", "统计数"];
/// Column widths of the three-column table in twips: 110 mm, 20 mm, 26 mm (sum 156 mm).
pub(crate) const WIDTHS_3: [i64; 3] = [6236, 1134, l::TEXT_W - 6236 - 1134];

/// Writes table `t` of `report` with its title lines.
pub(crate) fn table(
    body: &mut Body<'_, '_>,
    report: &Report,
    table: &StatTable,
    t: usize,
    complete: bool,
) {
    title_lines(body, report, table, t);
    let rows = complete::plan(table, t, complete, body.diags);
    let widths = widths(table);
    let x = &mut body.x;
    x.start("w:tbl");
    table_properties(x);
    x.start("w:tblGrid");
    for w in &widths {
        x.open("w:gridCol").attr_num("w:w", *w).close_empty();
    }
    x.end("w:tblGrid");
    header_row(body, table, t, &widths);
    for planned in &rows {
        data_row(body, table, t, planned, &widths);
    }
    body.x.end("w:tbl");
    // A paragraph after the table, so the body does not end in a table.
    body.x.raw("<w:p/>");
}

fn title_lines(body: &mut Body<'_, '_>, report: &Report, table: &StatTable, t: usize) {
    let title = table.title.as_deref().unwrap_or(DEFAULT_TITLE);
    body.paragraph(
        At::Table(t, "title"),
        Para::of(&styles::TABLE_TITLE),
        &[],
        &[(l::TABLE_TITLE, title)],
    );
    let year = report.year.map(|y| format!("（{y}年度）"));
    if let Some(subtitle) = table.subtitle.as_deref().or(year.as_deref()) {
        body.paragraph(
            At::Table(t, "subtitle"),
            Para::of(&styles::TABLE_SUBTITLE),
            &[],
            &[(l::TABLE_SUBTITLE, subtitle)],
        );
    }
    if let Some(agency) = table.agency.as_deref().or(report.agency.as_deref()) {
        body.paragraph(
            At::Table(t, "agency"),
            Para::of(&styles::TABLE_AGENCY),
            &[],
            &[(l::BODY, "填报单位："), (l::BODY, agency)],
        );
    }
}

/// Column widths: the three-column table's, or for a many-column table a label column of
/// 40 % and equal value columns.
fn widths(table: &StatTable) -> Vec<i64> {
    if table.columns.is_empty() {
        return WIDTHS_3.to_vec();
    }
    let n = table.columns.len() as i64;
    let label = l::TEXT_W * 2 / 5;
    let each = (l::TEXT_W - label) / n;
    let mut w = vec![label];
    w.resize(table.columns.len() + 1, each);
    w[0] = l::TEXT_W - each * n;
    w
}

/// `w:tblPr`: full text width, centred, single 0.5 pt borders, fixed layout.
fn table_properties(x: &mut super::xml::Xml) {
    x.start("w:tblPr");
    x.open("w:tblW")
        .attr_num("w:w", l::TEXT_W)
        .attr("w:type", "dxa")
        .close_empty();
    x.val("w:jc", "center");
    x.start("w:tblBorders");
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        x.open(side)
            .attr("w:val", "single")
            .attr_num("w:sz", 4)
            .attr_num("w:space", 0)
            .attr("w:color", "000000")
            .close_empty();
    }
    x.end("w:tblBorders");
    x.open("w:tblLayout").attr("w:type", "fixed").close_empty();
    x.start("w:tblCellMar");
    x.open("w:left")
        .attr_num("w:w", 85)
        .attr("w:type", "dxa")
        .close_empty();
    x.open("w:right")
        .attr_num("w:w", 85)
        .attr("w:type", "dxa")
        .close_empty();
    x.end("w:tblCellMar");
    x.end("w:tblPr");
}

/// `<w:tr>` with `cantSplit` (and `tblHeader` for the header row).
fn start_row(body: &mut Body<'_, '_>, header: bool) {
    body.x.raw(if header {
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
    } else {
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
    });
}

/// `<w:tc>`; its width comes from the grid (fixed layout). A cell next to a label of several
/// lines is centred vertically.
fn start_cell(body: &mut Body<'_, '_>, centred: bool) {
    body.x.raw(if centred {
        "<w:tc><w:tcPr><w:vAlign w:val=\"center\"/></w:tcPr>"
    } else {
        "<w:tc>"
    });
}

/// True when a label (with its note) takes more than one line of the label column: 110 mm
/// holds about 25 characters of 小四, less two per depth level.
fn multi_line(label: &str, note: Option<&str>, depth: i64) -> bool {
    let em: f64 = label
        .chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.5 } else { 1.0 })
        .sum();
    note.is_some() || em + 2.0 * depth as f64 > 24.0
}

fn header_row(body: &mut Body<'_, '_>, table: &StatTable, t: usize, widths: &[i64]) {
    let texts: Vec<&str> = if !table.columns.is_empty() {
        std::iter::once(
            table
                .header
                .first()
                .map_or(DEFAULT_HEADER[0], String::as_str),
        )
        .chain(table.columns.iter().map(String::as_str))
        .collect()
    } else if table.header.len() == 3 {
        table.header.iter().map(String::as_str).collect()
    } else {
        DEFAULT_HEADER.to_vec()
    };
    start_row(body, true);
    for (c, text) in texts.iter().take(widths.len()).enumerate() {
        start_cell(body, false);
        let at = if c == 0 {
            At::Table(t, "header")
        } else {
            At::Nowhere
        };
        body.paragraph(at, Para::of(&styles::HEAD), &[], &[(l::TABLE_HEAD, text)]);
        body.x.end("w:tc");
    }
    body.x.end("w:tr");
}

fn data_row(
    body: &mut Body<'_, '_>,
    table: &StatTable,
    t: usize,
    planned: &Planned<'_>,
    widths: &[i64],
) {
    let (src, label, note, unit, depth) = match planned {
        Planned::Source(i, r) => (
            Some(*i),
            r.label.as_str(),
            r.note.as_deref(),
            r.unit.as_str(),
            r.depth,
        ),
        Planned::Added(o) => (
            None,
            o.label.as_str(),
            o.note.as_deref(),
            o.unit.as_str(),
            o.depth,
        ),
    };
    let added_value = match planned {
        Planned::Added(o) if o.unit != "——" => "/",
        _ => "",
    };
    start_row(body, false);
    // Label cell: label, then the note on its own line, indented by depth.
    let depth = i64::from(depth.min(8));
    let centred = multi_line(label, note, depth);
    start_cell(body, false);
    let indent = Para::of(&styles::LABELS[depth as usize]);
    let at = src.map_or(At::Nowhere, |i| At::Row(t, i));
    body.paragraph(at, indent, &[], &[(l::TABLE_TEXT, label)]);
    if let Some(note) = note {
        body.paragraph(At::Nowhere, indent, &[], &[(l::TABLE_TEXT, note)]);
    }
    body.x.end("w:tc");
    let values: Vec<&str> = match planned {
        Planned::Source(_, r) if !table.columns.is_empty() => {
            r.values.iter().map(|v| v.text.as_str()).collect()
        }
        Planned::Source(_, r) => vec![unit, r.value.text.as_str()],
        Planned::Added(_) => vec![unit, added_value],
    };
    let last = values.len().saturating_sub(1);
    for c in 1..widths.len() {
        let text = values.get(c - 1).copied().unwrap_or("");
        start_cell(body, centred);
        let at = match src {
            Some(i) if c - 1 == last => At::Value(t, i),
            _ => At::Nowhere,
        };
        body.paragraph(at, Para::of(&styles::CELL), &[], &[(TEXT, text)]);
        body.x.end("w:tc");
    }
    body.x.end("w:tr");
}

const TEXT: Font = l::TABLE_TEXT;

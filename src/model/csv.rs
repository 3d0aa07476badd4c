//! [`Report`] → CSV lines, one per indicator value, so that many reports concatenate into one
//! table (RFC 4180: comma-separated, fields quoted when they hold a comma, quote or line break,
//! quotes doubled; lines end with LF, like the header line callers write with `writeln!`).
//!
//! Columns ([`HEADER`]): `file`, `agency`, `year`, `table`, `code`, `label`, `column`, `unit`,
//! `value`, `kind`, `number`. `label` is the row's label path joined with `/` for multi-column
//! tables; `column` is the value column's name (empty for the three-column table's one value
//! column); `value` is the cell text as written, `kind` its reading, `number` the number read
//! (amounts in 万元).

use std::io::{self, Write};

use super::{Report, Row, Value};

/// The header line (without line end).
pub const HEADER: &str = "file,agency,year,table,code,label,column,unit,value,kind,number";

/// Writes the header line.
pub fn write_header(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{HEADER}")
}

/// Writes one line per indicator value of every table of `report` (no header line).
///
/// The fields a report's lines share are quoted once, and every line is built in one reused
/// buffer: a report's hundred-odd lines cost a handful of allocations.
pub fn write_rows(report: &Report, file_name: &str, out: &mut impl Write) -> io::Result<()> {
    use std::fmt::Write as _;
    // `file,agency,year,` as written at the start of every line.
    let mut lead = String::new();
    push_field(&mut lead, file_name);
    lead.push(',');
    push_field(&mut lead, report.agency.as_deref().unwrap_or(""));
    lead.push(',');
    if let Some(y) = report.year {
        let _ = write!(lead, "{y}");
    }
    lead.push(',');
    let mut line = String::new();
    // The value columns' names of the table part the row is in (computed once per part).
    let mut names: Vec<String> = Vec::new();
    for table in &report.tables {
        let mut names_of: Option<Option<usize>> = None;
        for (i, row) in table.rows.iter().enumerate() {
            line.clear();
            line.push_str(&lead);
            push_field(&mut line, table.kind.name());
            line.push(',');
            push_field(&mut line, row.code.as_deref().unwrap_or(""));
            line.push(',');
            if row.path.is_empty() {
                push_field(&mut line, &row.label);
            } else {
                push_joined(&mut line, &row.path, '/');
            }
            line.push(',');
            // The line so far is the same for each of the row's values.
            let row_lead = line.len();
            if row.values.is_empty() {
                finish_value(&mut line, "", row, &row.value);
                out.write_all(line.as_bytes())?;
            } else {
                let part = table
                    .parts
                    .iter()
                    .position(|p| p.first_row <= i && i < p.first_row + p.row_count);
                if names_of != Some(part) {
                    names.clear();
                    match part {
                        Some(p) => {
                            for c in &table.parts[p].columns {
                                leaf_paths(c, String::new(), &mut names, 0);
                            }
                        }
                        None => names.extend(table.columns.iter().cloned()),
                    }
                    names_of = Some(part);
                }
                for (j, v) in row.values.iter().enumerate() {
                    line.truncate(row_lead);
                    finish_value(&mut line, names.get(j).map_or("", |n| n.as_str()), row, v);
                    out.write_all(line.as_bytes())?;
                }
            }
        }
    }
    Ok(())
}

fn leaf_paths(node: &super::ColumnNode, prefix: String, out: &mut Vec<String>, depth: usize) {
    let path = if prefix.is_empty() {
        node.label.clone()
    } else {
        format!("{prefix}/{}", node.label)
    };
    if node.children.is_empty() || depth > 16 {
        out.push(path);
    } else {
        for c in &node.children {
            leaf_paths(c, path.clone(), out, depth + 1);
        }
    }
}

/// Appends `column,unit,value,kind,number` and the line end.
fn finish_value(line: &mut String, column: &str, row: &Row, v: &Value) {
    use std::fmt::Write as _;
    for f in [column, &row.unit, &v.text, v.kind_name()] {
        push_field(line, f);
        line.push(',');
    }
    if let Some(n) = v.number() {
        let _ = write!(line, "{n}");
    }
    line.push('\n');
}

/// Appends a field, quoted when it needs to be.
fn push_field(line: &mut String, f: &str) {
    if needs_quotes(f) {
        push_quoted(line, [f].into_iter(), '/');
    } else {
        line.push_str(f);
    }
}

/// Appends `parts` joined by `sep` as one field, quoted when the joined field needs it.
fn push_joined(line: &mut String, parts: &[String], sep: char) {
    let inner = parts.iter().any(|p| has_special(p));
    // The joined field starts and ends as its first and last parts do (`sep` is not a space).
    let outer = parts.first().is_some_and(|p| p.starts_with(' '))
        || parts.last().is_some_and(|p| p.ends_with(' '));
    if inner || outer {
        push_quoted(line, parts.iter().map(|p| p.as_str()), sep);
    } else {
        for (k, p) in parts.iter().enumerate() {
            if k > 0 {
                line.push(sep);
            }
            line.push_str(p);
        }
    }
}

/// Appends `parts` joined by `sep` in quotes, quotes doubled.
fn push_quoted<'s>(line: &mut String, parts: impl Iterator<Item = &'s str>, sep: char) {
    line.push('"');
    for (k, p) in parts.enumerate() {
        if k > 0 {
            line.push(sep);
        }
        let mut rest = p;
        while let Some(q) = rest.find('"') {
            line.push_str(&rest[..=q]);
            line.push('"');
            rest = &rest[q + 1..];
        }
        line.push_str(rest);
    }
    line.push('"');
}

/// A comma, quote or line break: bytes that force quoting wherever they are.
fn has_special(f: &str) -> bool {
    f.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

fn needs_quotes(field: &str) -> bool {
    has_special(field) || field.starts_with(' ') || field.ends_with(' ')
}

/// Quotes a field when it holds a comma, a quote, a line break or outer spaces.
pub fn quote(field: &str) -> String {
    let mut out = String::with_capacity(field.len() + 2);
    push_field(&mut out, field);
    out
}

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

use super::{Report, Row, StatTable, Value};

/// The header line (without line end).
pub const HEADER: &str = "file,agency,year,table,code,label,column,unit,value,kind,number";

/// Writes the header line.
pub fn write_header(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{HEADER}")
}

/// Writes one line per indicator value of every table of `report` (no header line).
pub fn write_rows(report: &Report, file_name: &str, out: &mut impl Write) -> io::Result<()> {
    let agency = report.agency.clone().unwrap_or_default();
    let year = report.year.map(|y| y.to_string()).unwrap_or_default();
    for table in &report.tables {
        for (i, row) in table.rows.iter().enumerate() {
            let label = if row.path.is_empty() {
                row.label.clone()
            } else {
                row.path.join("/")
            };
            let lead = [
                file_name.to_string(),
                agency.clone(),
                year.clone(),
                table.kind.name().to_string(),
                row.code.clone().unwrap_or_default(),
                label,
            ];
            if row.values.is_empty() {
                write_value(out, &lead, "", row, &row.value)?;
            } else {
                let names = column_names(table, i);
                for (j, v) in row.values.iter().enumerate() {
                    let name = names.get(j).cloned().unwrap_or_default();
                    write_value(out, &lead, &name, row, v)?;
                }
            }
        }
    }
    Ok(())
}

/// The value columns' names for row `i`: those of its part, else the table's.
fn column_names(table: &StatTable, i: usize) -> Vec<String> {
    for part in &table.parts {
        if part.first_row <= i && i < part.first_row + part.row_count {
            let mut out = Vec::new();
            for c in &part.columns {
                leaf_paths(c, String::new(), &mut out, 0);
            }
            return out;
        }
    }
    table.columns.clone()
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

fn write_value(
    out: &mut impl Write,
    lead: &[String; 6],
    column: &str,
    row: &Row,
    v: &Value,
) -> io::Result<()> {
    let number = v.number().map(|n| n.to_string()).unwrap_or_default();
    let mut fields: [&str; 11] = [""; 11];
    for (f, l) in fields.iter_mut().zip(lead) {
        *f = l;
    }
    fields[6..].copy_from_slice(&[column, &row.unit, &v.text, v.kind_name(), &number]);
    write_line(out, &fields)
}

/// Writes fields as one RFC 4180 line (one write, no copy of a field that needs no quotes).
fn write_line(out: &mut impl Write, fields: &[&str]) -> io::Result<()> {
    let mut line = String::with_capacity(fields.iter().map(|f| f.len() + 1).sum::<usize>() + 8);
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        if needs_quotes(f) {
            line.push_str(&quote(f));
        } else {
            line.push_str(f);
        }
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

fn needs_quotes(field: &str) -> bool {
    field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ')
}

/// Quotes a field when it holds a comma, a quote, a line break or outer spaces.
pub fn quote(field: &str) -> String {
    if needs_quotes(field) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

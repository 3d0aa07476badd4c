//! A statistics table in, the rows to write out: the source's rows exactly, or (with
//! `complete`) the source's rows plus every official row it lacked, in its official place.
//!
//! Merge rule: source rows keep their order; before a source row whose code is official row
//! *k*, every official row before *k* that the source lacks and that was not written yet is
//! inserted; the official rows after the last matched one follow at the end. Local rows (code
//! `null`) stay where the source had them. An added data row is written with the value `/`
//! (not applicable), an added section row (unit `——`) with an empty value, as the official
//! table has them; each is reported as `write.row.added`.

use crate::catalog::{self, Indicator};
use crate::diagnostic::{Diagnostic, Location};
use crate::model::{Row, StatTable, TableKind};

/// A row to write.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Planned<'a> {
    /// The source's row with its index.
    Source(usize, &'a Row),
    /// An official row the source lacked.
    Added(&'static Indicator),
}

/// The official catalogue of a table kind whose rows `complete` can add: the three-column
/// 2014–2018 table (the many-column tables' rows would need a value per column).
pub(crate) fn official(kind: TableKind) -> Option<&'static [Indicator]> {
    match kind {
        TableKind::Stats2018 => Some(&catalog::stats2018().indicators),
        _ => None,
    }
}

/// The rows of `table` to write (see the module docs), with `write.row.added` diagnostics for
/// rows added; `t` is the table's index in the report.
pub(crate) fn plan<'a>(
    table: &'a StatTable,
    t: usize,
    complete: bool,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Planned<'a>> {
    let source = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| Planned::Source(i, r));
    let catalogue = match official(table.kind) {
        Some(c) if complete => c,
        _ => return source.collect(),
    };
    let index_of = |code: &Option<String>| {
        code.as_deref()
            .and_then(|c| catalogue.iter().position(|o| o.code == c))
    };
    let mut present = vec![false; catalogue.len()];
    for row in &table.rows {
        if let Some(k) = index_of(&row.code) {
            present[k] = true;
        }
    }
    let mut out = Vec::with_capacity(table.rows.len() + catalogue.len());
    let mut next = 0;
    let mut add_until = |end: usize, out: &mut Vec<Planned<'a>>, next: &mut usize| {
        for (k, official) in catalogue.iter().enumerate().take(end).skip(*next) {
            if !present[k] {
                diags.push(
                    Diagnostic::info(
                        "write.row.added",
                        format!(
                            "official row {} ({}) was missing; written as {}",
                            official.code,
                            official.label,
                            if official.unit == "——" {
                                "a section row"
                            } else {
                                "/"
                            }
                        ),
                    )
                    .at(Location::path(format!("tables[{t}].rows[{}]", out.len()))),
                );
                out.push(Planned::Added(official));
            }
        }
        *next = (*next).max(end);
    };
    for (i, row) in table.rows.iter().enumerate() {
        if let Some(k) = index_of(&row.code) {
            add_until(k, &mut out, &mut next);
            next = next.max(k + 1);
        }
        out.push(Planned::Source(i, row));
    }
    add_until(catalogue.len(), &mut out, &mut next);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Reading, Value};

    fn row(code: Option<&str>, label: &str) -> Row {
        Row {
            code: code.map(str::to_string),
            label: label.into(),
            note: None,
            unit: "件".into(),
            value: Value {
                text: "1".into(),
                reading: Reading::Count { number: 1 },
            },
            values: vec![],
            path: vec![],
            depth: 1,
        }
    }

    #[test]
    fn the_2018_catalogue_is_the_one_completed() {
        assert_eq!(official(TableKind::Stats2018).map(<[_]>::len), Some(65));
        assert!(official(TableKind::Requests2019).is_none());
    }

    #[test]
    fn missing_rows_go_to_their_official_place_and_local_rows_stay() {
        let table = StatTable {
            kind: TableKind::Stats2018,
            title: None,
            subtitle: None,
            agency: None,
            header: vec![],
            header_rows: vec![],
            columns: vec![],
            parts: vec![],
            rows: vec![
                row(Some("A1"), "x"),
                row(None, "local"),
                row(Some("A2_1"), "y"),
            ],
        };
        let mut diags = Vec::new();
        let plan = plan(&table, 0, true, &mut diags);
        let labels: Vec<&str> = plan
            .iter()
            .map(|p| match p {
                Planned::Source(_, r) => r.label.as_str(),
                Planned::Added(o) => o.code.as_str(),
            })
            .collect();
        assert_eq!(&labels[..7], &["A", "x", "local", "A1a", "A1b", "A2", "y"]);
        assert_eq!(plan.len(), 66);
        assert_eq!(diags.len(), 63);
        assert!(diags.iter().all(|d| d.code == "write.row.added"));
        let mut faithful = Vec::new();
        assert_eq!(super::plan(&table, 0, false, &mut faithful).len(), 3);
        assert!(faithful.is_empty());
    }
}

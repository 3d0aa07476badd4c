//! 2019/2021 表三 and 表四 → findings of rules N1, N2, N3 and N5; two consecutive reports →
//! N4 and N6 (see the parent module).

use super::{sum_rule, Ctx, Operand};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::model::{Report, StatTable, TableKind};

fn cell(ctx: &Ctx<'_>, code: &str, col: usize) -> Operand {
    Operand::of(ctx.row(code).and_then(|(_, r)| r.values.get(col)))
}

/// N1, N2, N3 on 表三 (rows coded `R1`…`R4`, seven value columns, 总计 last).
pub(crate) fn requests(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let results: Vec<&str> = ctx
        .table
        .rows
        .iter()
        .filter_map(|r| r.code.as_deref())
        .filter(|c| c.starts_with("R3_") && *c != "R3_7")
        .collect();
    for col in 0..7 {
        if let Some((i, _)) = ctx.row("R3_7") {
            let lhs_parts = [cell(ctx, "R1", col), cell(ctx, "R2", col)];
            let lhs: f64 = lhs_parts.iter().map(|p| p.number).sum();
            let lhs_op = Operand {
                number: lhs,
                missing: lhs_parts.iter().any(|p| p.missing),
                unreadable: lhs_parts.iter().any(|p| p.unreadable),
            };
            sum_rule(
                out,
                "validate.N1",
                &format!("column {}: 一 + 二 = （七）总计 + 四", col + 1),
                lhs_op,
                &[cell(ctx, "R3_7", col), cell(ctx, "R4", col)],
                ctx.at_value(i, col),
                Severity::Error,
            );
            let parts: Vec<Operand> = results.iter().map(|c| cell(ctx, c, col)).collect();
            sum_rule(
                out,
                "validate.N3",
                &format!("column {}: （七）总计 = Σ results", col + 1),
                cell(ctx, "R3_7", col),
                &parts,
                ctx.at_value(i, col),
                Severity::Error,
            );
        }
    }
    for (i, row) in ctx.table.rows.iter().enumerate() {
        if row.values.len() != 7 {
            continue;
        }
        let parts: Vec<Operand> = row.values[..6]
            .iter()
            .map(|v| Operand::of(Some(v)))
            .collect();
        sum_rule(
            out,
            "validate.N2",
            &format!("row `{}`: 总计 = applicant columns", row.label),
            Operand::of(Some(&row.values[6])),
            &parts,
            ctx.at_value(i, 6),
            Severity::Error,
        );
    }
}

/// N5 on 表四 (one row, fifteen value columns in three groups of five, 总计 last).
pub(crate) fn reviews(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (i, row) in ctx.table.rows.iter().enumerate() {
        if row.values.len() != 15 {
            continue;
        }
        for (g, name) in ["行政复议", "未经复议直接起诉", "复议后起诉"]
            .iter()
            .enumerate()
        {
            let v = &row.values[g * 5..g * 5 + 5];
            let parts: Vec<Operand> = v[..4].iter().map(|x| Operand::of(Some(x))).collect();
            sum_rule(
                out,
                "validate.N5",
                &format!("{name}: 总计 = 4 outcomes"),
                Operand::of(Some(&v[4])),
                &parts,
                ctx.at_value(i, g * 5 + 4),
                Severity::Error,
            );
        }
    }
}

/// The first table of one of `kinds`, with its index.
fn find<'a>(r: &'a Report, kinds: &[TableKind]) -> Option<(usize, &'a StatTable)> {
    r.tables
        .iter()
        .enumerate()
        .find(|(_, t)| kinds.contains(&t.kind))
}

/// N4 and N6 between two consecutive reports of one agency (see [`super::across_years`]).
pub(crate) fn across_years(previous: &Report, current: &Report, out: &mut Vec<Diagnostic>) {
    let req = [TableKind::Requests2019, TableKind::Requests2021];
    if let (Some((_, p)), Some((ti, c))) = (find(previous, &req), find(current, &req)) {
        let (Some((_, carried)), Some((i, brought))) = (p.row("R4"), c.row("R2")) else {
            return;
        };
        for col in 0..7 {
            let (a, b) = (
                Operand::of(carried.values.get(col)),
                Operand::of(brought.values.get(col)),
            );
            if a.unreadable || b.unreadable || a.missing && b.missing {
                continue;
            }
            if (a.number - b.number).abs() > 1e-6 {
                let sev = if a.missing || b.missing {
                    Severity::Info
                } else {
                    Severity::Warning
                };
                out.push(
                    Diagnostic::new(
                        sev,
                        "validate.N4",
                        format!(
                            "column {}: 上年结转 {} differs from last year's 结转下年度 {}",
                            col + 1,
                            super::fmt(b.number),
                            super::fmt(a.number)
                        ),
                    )
                    .at(Location::path(format!(
                        "tables[{ti}].rows[{i}].values[{col}]"
                    ))),
                );
            }
        }
    }
    let act = [TableKind::Active2021];
    if let (Some((_, p)), Some((ti, c))) = (find(previous, &act), find(current, &act)) {
        for (i, row) in c.rows.iter().enumerate() {
            let Some(prev) = p.rows.iter().find(|r| r.path == row.path) else {
                continue;
            };
            if row.values.len() < 3 || prev.values.len() < 3 {
                continue;
            }
            let [made, repealed, valid] = [0, 1, 2].map(|j| Operand::of(row.values.get(j)));
            let before = Operand::of(prev.values.get(2));
            let all = [made, repealed, valid, before];
            if all.iter().any(|o| o.unreadable || o.missing) {
                continue;
            }
            let expected = before.number + made.number - repealed.number;
            if (expected - valid.number).abs() > 1e-6 {
                out.push(
                    Diagnostic::info(
                        "validate.N6",
                        format!(
                            "`{}`: 现行有效 {} but last year's {} + 制发 {} − 废止 {} = {}",
                            row.label,
                            super::fmt(valid.number),
                            super::fmt(before.number),
                            super::fmt(made.number),
                            super::fmt(repealed.number),
                            super::fmt(expected)
                        ),
                    )
                    .at(Location::path(format!("tables[{ti}].rows[{i}].values[2]"))),
                );
            }
        }
    }
}

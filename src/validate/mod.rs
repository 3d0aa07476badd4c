//! [`Report`] → consistency findings ([`Diagnostic`]s only; validation never fails).
//!
//! Rules of formats.md §5 on the tables recognized by their catalogue codes:
//!
//! | code | table | rule | severity when broken |
//! | --- | --- | --- | --- |
//! | `validate.LR1` | 2014–2018 | C1 = C1_1 + C1_2 + C1_3 + C1_4 | error |
//! | `validate.LR2` | 2014–2018 | C2 = C2_1 + C2_2 | error |
//! | `validate.LR3` | 2014–2018 | C3 = C3_1 + … + C3_8 | error |
//! | `validate.LR4` | 2014–2018 | C3_4 = C3_4a + … + C3_4f | error when the parts exceed it, warning when short |
//! | `validate.LR5` | 2014–2018 | D = D1 + D2 + D3; E = E1 + E2 + E3 | error |
//! | `validate.LR6` | 2014–2018 | H3 = H3_1 + H3_2 | error |
//! | `validate.LR7` | 2014–2018 | A1a ≤ A1 (warning); A1a ≤ A1b (info) | |
//! | `validate.LR8` | 2014–2018 | A2_1 + … + A2_5 ≥ A1 (warning; equal: info) | |
//! | `validate.LR9` | 2014–2018 | B2_1a ≤ B2_1; B2_2a ≤ B2_2 | error |
//! | `validate.LR10` | 2014–2018 | C2 = C1, C3 = C2 (no carry-over in the table: a hint) | info |
//! | `validate.LR11` | 2014–2018 | section rows carry no value (error); units as in the catalogue (warning) | |
//! | `validate.N1` | 表三 | every column: 一 + 二 = （七）总计 + 四 | error |
//! | `validate.N2` | 表三 | every row: 总计 = the six applicant columns | error |
//! | `validate.N3` | 表三 | every column: （七）总计 = Σ result rows （一）…（六） | error |
//! | `validate.N4` | 表三, two years | 二、上年结转 (Y) = 四、结转下年度 (Y−1), every column ([`across_years`]) | warning |
//! | `validate.N6` | 2021 表二, two years | 现行有效 (Y) = 现行有效 (Y−1) + 制发 (Y) − 废止 (Y) ([`across_years`]) | info |
//! | `validate.N5` | 表四 | each group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 | error |
//! | `validate.value.not_a_number` | all | a value cell that is no number, dash, `/` or blank | warning |
//! | `validate.value.negative` | all but 表二 (本年增/减) | a negative count | error |
//! | `validate.value.fraction` | all | decimals in a count column (unit other than 万元) | warning |
//!
//! `/`, dashes and blanks are missing values: they count as 0, and a rule that fails only
//! because of them is an info ("incomplete"), never an arithmetic error.

mod newformat;
mod stats2018;

use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::model::{Reading, Report, Row, StatTable, TableKind};

/// Checks a report against the official and arithmetic rules. Never fails.
pub fn validate(report: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (ti, table) in report.tables.iter().enumerate() {
        let ctx = Ctx { ti, table };
        match table.kind {
            TableKind::Stats2018 => stats2018::check(&ctx, &mut out),
            TableKind::Requests2019 | TableKind::Requests2021 => {
                newformat::requests(&ctx, &mut out)
            }
            TableKind::Review2019 => newformat::reviews(&ctx, &mut out),
            _ => {}
        }
        values(&ctx, &mut out);
    }
    out
}

/// Checks two consecutive reports of one agency (`previous` for year Y−1, `current` for Y)
/// against the cross-year rules N4 and N6; locations are in `current`. The caller pairs the
/// reports (same agency, consecutive years). Never fails.
pub fn across_years(previous: &Report, current: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    newformat::across_years(previous, current, &mut out);
    out
}

/// One table being checked.
pub(crate) struct Ctx<'a> {
    pub ti: usize,
    pub table: &'a StatTable,
}

impl<'a> Ctx<'a> {
    /// The row with this code and its index.
    pub fn row(&self, code: &str) -> Option<(usize, &'a Row)> {
        self.table.row(code)
    }

    /// A location at row `i`.
    pub fn at(&self, i: usize) -> Location {
        Location::path(format!("tables[{}].rows[{i}]", self.ti))
    }

    /// A location at row `i`, value column `j`.
    pub fn at_value(&self, i: usize, j: usize) -> Location {
        Location::path(format!("tables[{}].rows[{i}].values[{j}]", self.ti))
    }
}

/// One operand of a rule: its number (missing = 0) and whether it was missing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Operand {
    pub number: f64,
    pub missing: bool,
    /// Not a number at all (text): the rule is not checked.
    pub unreadable: bool,
}

impl Operand {
    pub fn of(value: Option<&crate::model::Value>) -> Operand {
        match value {
            None => Operand {
                number: 0.0,
                missing: true,
                unreadable: false,
            },
            Some(v) => Operand {
                number: v.number().unwrap_or(0.0),
                missing: v.is_missing(),
                unreadable: v.reading == Reading::Text,
            },
        }
    }
}

/// Formats a number for messages (`3`, `25.1`).
pub(crate) fn fmt(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Checks `total = Σ parts`. Equal → nothing; unequal with a missing operand → info; else
/// `severity`. Unreadable operands skip the rule (reported by the value check).
#[allow(clippy::too_many_arguments)]
pub(crate) fn sum_rule(
    out: &mut Vec<Diagnostic>,
    code: &str,
    what: &str,
    total: Operand,
    parts: &[Operand],
    at: Location,
    severity: Severity,
) {
    if total.unreadable || parts.iter().any(|p| p.unreadable) {
        return;
    }
    if total.missing && parts.iter().all(|p| p.missing) {
        return;
    }
    let sum: f64 = parts.iter().map(|p| p.number).sum();
    if (sum - total.number).abs() < 1e-6 {
        return;
    }
    let incomplete = total.missing || parts.iter().any(|p| p.missing);
    let msg = format!(
        "{what}: total {} but the parts add up to {}{}",
        fmt(total.number),
        fmt(sum),
        if incomplete {
            " (incomplete: missing values counted as 0)"
        } else {
            ""
        }
    );
    let sev = if incomplete { Severity::Info } else { severity };
    out.push(Diagnostic::new(sev, code, msg).at(at));
}

/// Value checks of every row: not a number, negative, decimals in a count.
fn values(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (i, row) in ctx.table.rows.iter().enumerate() {
        let money = row.unit.contains('元') || ctx.table.kind != TableKind::Stats2018;
        // 表二 (2019) 本年增/减 may be negative.
        let signed = matches!(
            ctx.table.kind,
            TableKind::Active2019 | TableKind::Active2021
        );
        let single = row.values.is_empty();
        let cells = std::slice::from_ref(&row.value)
            .iter()
            .filter(|_| single)
            .map(|v| (None, v))
            .chain(row.values.iter().enumerate().map(|(j, v)| (Some(j), v)));
        for (j, v) in cells {
            // The location is built only for a finding.
            let at = || match j {
                Some(j) => ctx.at_value(i, j),
                None => ctx.at(i),
            };
            match &v.reading {
                Reading::Text => out.push(
                    Diagnostic::warning(
                        "validate.value.not_a_number",
                        format!("value `{}` of `{}` is not a number", v.text, row.label),
                    )
                    .at(at()),
                ),
                Reading::Count { number } if *number < 0 && !signed => out.push(
                    Diagnostic::error(
                        "validate.value.negative",
                        format!("negative count {} for `{}`", number, row.label),
                    )
                    .at(at()),
                ),
                Reading::Amount { number, unit } if unit.is_none() && !money => {
                    let _ = number;
                    out.push(
                        Diagnostic::warning(
                            "validate.value.fraction",
                            format!("count `{}` of `{}` has decimals", v.text, row.label),
                        )
                        .at(at()),
                    )
                }
                _ => {}
            }
        }
    }
}

//! The 2014–2018 statistics table → findings of rules LR1–LR11 (see the table in the parent
//! module).

use super::{fmt, sum_rule, Ctx, Operand};
use crate::catalog::{stats2018, IndicatorType};
use crate::diagnostic::{Diagnostic, Location, Severity};

/// Runs LR1–LR11.
pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let sums: [(&str, &str, &[&str], Severity); 7] = [
        (
            "validate.LR1",
            "C1",
            &["C1_1", "C1_2", "C1_3", "C1_4"],
            Severity::Error,
        ),
        ("validate.LR2", "C2", &["C2_1", "C2_2"], Severity::Error),
        (
            "validate.LR3",
            "C3",
            &[
                "C3_1", "C3_2", "C3_3", "C3_4", "C3_5", "C3_6", "C3_7", "C3_8",
            ],
            Severity::Error,
        ),
        ("validate.LR5", "D", &["D1", "D2", "D3"], Severity::Error),
        ("validate.LR5", "E", &["E1", "E2", "E3"], Severity::Error),
        ("validate.LR6", "H3", &["H3_1", "H3_2"], Severity::Error),
        (
            "validate.LR4",
            "C3_4",
            &["C3_4a", "C3_4b", "C3_4c", "C3_4d", "C3_4e", "C3_4f"],
            Severity::Warning,
        ),
    ];
    for (code, total, parts, severity) in sums {
        let Some((i, _)) = ctx.row(total) else {
            continue;
        };
        let t = op(ctx, total);
        let ps: Vec<Operand> = parts.iter().map(|p| op(ctx, p)).collect();
        // LR4: parts exceeding the total break "of which"; short of it is a warning.
        let sev = if code == "validate.LR4" && ps.iter().map(|p| p.number).sum::<f64>() > t.number {
            Severity::Error
        } else {
            severity
        };
        let what = format!("{total} = {}", parts.join(" + "));
        sum_rule(out, code, &what, t, &ps, ctx.at(i), sev);
    }
    lr7(ctx, out);
    lr8(ctx, out);
    for (part, whole) in [("B2_1a", "B2_1"), ("B2_2a", "B2_2")] {
        at_most(ctx, out, "validate.LR9", part, whole, Severity::Error);
    }
    for (a, b) in [("C2", "C1"), ("C3", "C2")] {
        let (x, y) = (op(ctx, a), op(ctx, b));
        if let Some((i, _)) = ctx.row(a) {
            if !x.missing && !y.missing && (x.number - y.number).abs() > 1e-6 {
                out.push(
                    Diagnostic::info(
                        "validate.LR10",
                        format!(
                            "{a} ({}) differs from {b} ({}); the table has no carry-over, so this \
                             may be right",
                            fmt(x.number),
                            fmt(y.number)
                        ),
                    )
                    .at(ctx.at(i)),
                );
            }
        }
    }
    lr11(ctx, out);
}

/// The operand of a code (absent row = missing).
fn op(ctx: &Ctx<'_>, code: &str) -> Operand {
    Operand::of(ctx.row(code).map(|(_, r)| &r.value))
}

/// `part ≤ whole`; broken with a missing operand → info.
fn at_most(
    ctx: &Ctx<'_>,
    out: &mut Vec<Diagnostic>,
    rule: &str,
    part: &str,
    whole: &str,
    severity: Severity,
) {
    let Some((i, _)) = ctx.row(part) else {
        return;
    };
    let (p, w) = (op(ctx, part), op(ctx, whole));
    if p.unreadable || w.unreadable || p.missing || p.number <= w.number + 1e-6 {
        return;
    }
    let (sev, whole_text) = if w.missing {
        (Severity::Info, "missing".to_string())
    } else {
        (severity, fmt(w.number))
    };
    out.push(
        Diagnostic::new(
            sev,
            rule,
            format!("{part} ({}) exceeds {whole} ({whole_text})", fmt(p.number)),
        )
        .at(ctx.at(i)),
    );
}

/// LR7: A1a ≤ A1 (warning); A1a ≤ A1b (info: usually, not always).
fn lr7(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    at_most(ctx, out, "validate.LR7", "A1a", "A1", Severity::Warning);
    at_most(ctx, out, "validate.LR7", "A1a", "A1b", Severity::Info);
}

/// LR8: Σ A2_1…A2_5 ≥ A1 (A1 counts each piece once, channels count it per channel).
fn lr8(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((i, _)) = ctx.row("A1") else {
        return;
    };
    let total = op(ctx, "A1");
    let parts: Vec<Operand> = ["A2_1", "A2_2", "A2_3", "A2_4", "A2_5"]
        .iter()
        .map(|c| op(ctx, c))
        .collect();
    if total.unreadable || total.missing || parts.iter().any(|p| p.unreadable) {
        return;
    }
    let sum: f64 = parts.iter().map(|p| p.number).sum();
    let incomplete = parts.iter().any(|p| p.missing);
    let (sev, msg) = if sum + 1e-6 < total.number {
        let sev = if incomplete {
            Severity::Info
        } else {
            Severity::Warning
        };
        (
            sev,
            format!(
                "channels A2_1…A2_5 add up to {} < A1 {}{}",
                fmt(sum),
                fmt(total.number),
                if incomplete { " (incomplete)" } else { "" }
            ),
        )
    } else if (sum - total.number).abs() < 1e-6 && sum > 0.0 {
        (
            Severity::Info,
            format!(
                "channels A2_1…A2_5 add up exactly to A1 ({}): A1 counts a piece published on \
                 several channels once, so channel counts are usually larger",
                fmt(sum)
            ),
        )
    } else {
        return;
    };
    out.push(Diagnostic::new(sev, "validate.LR8", msg).at(ctx.at(i)));
}

/// LR11: section rows carry no value; units as in the catalogue.
fn lr11(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let cat = stats2018();
    let mut next = 0;
    for (i, row) in ctx.table.rows.iter().enumerate() {
        let Some((at, ind)) = row.code.as_deref().and_then(|c| cat.get_near(c, next)) else {
            continue;
        };
        next = at + 1;
        if ind.kind == IndicatorType::Group {
            if !row.value.is_missing() {
                out.push(
                    Diagnostic::error(
                        "validate.LR11",
                        format!(
                            "section row {} carries a value `{}`",
                            ind.code, row.value.text
                        ),
                    )
                    .at(ctx.at(i)),
                );
            }
        } else if row.unit != ind.unit {
            out.push(
                Diagnostic::warning(
                    "validate.LR11",
                    format!(
                        "unit of {} is `{}`, the catalogue says `{}`",
                        ind.code, row.unit, ind.unit
                    ),
                )
                .at(Location::path(format!("tables[{}].rows[{i}].unit", ctx.ti))),
            );
        }
    }
}

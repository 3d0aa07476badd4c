//! One test per consistency rule (formats.md §5): a table that keeps it gives no finding, one
//! that breaks it gives the rule's code at the right row with the right severity, and missing
//! values (`/`, dashes, blanks) give at most an info. Cases include the Ningbo data quirks
//! (formats.md §2.4 item 6) and the Xi'an 2018 figures quoted for LR1–LR3.

#[path = "tools/reports.rs"]
mod reports;

use xxgk::catalog;
use xxgk::model::{Report, Row, StatTable, TableKind, Value};
use xxgk::{validate, Diagnostic, Severity};

/// A 2014–2018 table with every catalogue row; `values` overrides the value of some codes
/// (others are `/`, section rows blank).
fn stats(values: &[(&str, &str)]) -> Report {
    let rows = catalog::stats2018()
        .indicators
        .iter()
        .map(|i| {
            let text = values
                .iter()
                .find(|(c, _)| *c == i.code)
                .map(|(_, v)| *v)
                .unwrap_or(if i.unit == "——" { "" } else { "/" });
            Row {
                code: Some(i.code.clone()),
                label: i.label.clone(),
                note: i.note.clone(),
                unit: i.unit.clone(),
                value: Value::parse(text),
                depth: i.depth,
                ..Default::default()
            }
        })
        .collect();
    Report {
        tables: vec![StatTable {
            kind: TableKind::Stats2018,
            rows,
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn row_of(code: &str) -> String {
    let i = catalog::stats2018().position(code).unwrap();
    format!("tables[0].rows[{i}]")
}

fn found(r: &Report, code: &str) -> Vec<Diagnostic> {
    validate(r).into_iter().filter(|d| d.code == code).collect()
}

fn one(r: &Report, code: &str, severity: Severity, at: &str) {
    let f = found(r, code);
    assert_eq!(f.len(), 1, "{code}: {f:?}");
    assert_eq!(f[0].severity, severity, "{f:?}");
    assert_eq!(f[0].location.path.as_deref(), Some(at), "{f:?}");
}

#[test]
fn lr1_received_equals_channels() {
    let ok = stats(&[
        ("C1", "525"),
        ("C1_1", "312"),
        ("C1_2", "7"),
        ("C1_3", "136"),
        ("C1_4", "70"),
    ]);
    assert!(found(&ok, "validate.LR1").is_empty());
    let bad = stats(&[
        ("C1", "526"),
        ("C1_1", "312"),
        ("C1_2", "7"),
        ("C1_3", "136"),
        ("C1_4", "70"),
    ]);
    one(&bad, "validate.LR1", Severity::Error, &row_of("C1"));
    // a missing channel: incomplete, an info
    let gap = stats(&[
        ("C1", "526"),
        ("C1_1", "312"),
        ("C1_2", "/"),
        ("C1_3", "136"),
        ("C1_4", "70"),
    ]);
    one(&gap, "validate.LR1", Severity::Info, &row_of("C1"));
    // "/" counted as 0 and the sum holds: nothing
    let zero = stats(&[
        ("C1", "518"),
        ("C1_1", "312"),
        ("C1_2", "／"),
        ("C1_3", "136"),
        ("C1_4", "70"),
    ]);
    assert!(found(&zero, "validate.LR1").is_empty());
}

#[test]
fn lr2_finished_equals_on_time_plus_extended() {
    assert!(found(
        &stats(&[("C2", "525"), ("C2_1", "517"), ("C2_2", "8")]),
        "validate.LR2"
    )
    .is_empty());
    one(
        &stats(&[("C2", "525"), ("C2_1", "517"), ("C2_2", "9")]),
        "validate.LR2",
        Severity::Error,
        &row_of("C2"),
    );
}

#[test]
fn lr3_answers_equal_their_eight_kinds() {
    let kinds = [
        ("C3_1", "2"),
        ("C3_2", "292"),
        ("C3_3", "2"),
        ("C3_4", "2"),
        ("C3_5", "21"),
        ("C3_6", "196"),
        ("C3_7", "2"),
        ("C3_8", "8"),
    ];
    let mut v = vec![("C3", "525")];
    v.extend(kinds);
    assert!(found(&stats(&v), "validate.LR3").is_empty());
    v[0] = ("C3", "520");
    one(&stats(&v), "validate.LR3", Severity::Error, &row_of("C3"));
}

#[test]
fn lr4_refusals_by_reason() {
    let base = [("C3_4", "3"), ("C3_4a", "1"), ("C3_4c", "2")];
    // b, d, e, f are "/": the sum holds with them as 0
    assert!(found(&stats(&base), "validate.LR4").is_empty());
    one(
        &stats(&[
            ("C3_4", "3"),
            ("C3_4a", "2"),
            ("C3_4b", "2"),
            ("C3_4c", "0"),
            ("C3_4d", "0"),
            ("C3_4e", "0"),
            ("C3_4f", "0"),
        ]),
        "validate.LR4",
        Severity::Error,
        &row_of("C3_4"),
    );
    one(
        &stats(&[
            ("C3_4", "3"),
            ("C3_4a", "1"),
            ("C3_4b", "0"),
            ("C3_4c", "0"),
            ("C3_4d", "0"),
            ("C3_4e", "0"),
            ("C3_4f", "0"),
        ]),
        "validate.LR4",
        Severity::Warning,
        &row_of("C3_4"),
    );
}

#[test]
fn lr5_review_and_litigation_totals() {
    let ok = stats(&[
        ("D", "2"),
        ("D1", "1"),
        ("D2", "1"),
        ("D3", "0"),
        ("E", "0"),
        ("E1", "0"),
        ("E2", "0"),
        ("E3", "0"),
    ]);
    assert!(found(&ok, "validate.LR5").is_empty());
    let bad = stats(&[
        ("D", "2"),
        ("D1", "1"),
        ("D2", "0"),
        ("D3", "0"),
        ("E", "1"),
        ("E1", "0"),
        ("E2", "0"),
        ("E3", "0"),
    ]);
    let f = found(&bad, "validate.LR5");
    assert_eq!(f.len(), 2);
    assert!(f.iter().all(|d| d.severity == Severity::Error));
    assert_eq!(f[0].location.path.as_deref(), Some(row_of("D").as_str()));
    assert_eq!(f[1].location.path.as_deref(), Some(row_of("E").as_str()));
}

#[test]
fn lr6_staff_is_full_time_plus_part_time() {
    // Ningbo: H3 = 2 = "/" + 2
    assert!(found(
        &stats(&[("H3", "2"), ("H3_1", "/"), ("H3_2", "2")]),
        "validate.LR6"
    )
    .is_empty());
    one(
        &stats(&[("H3", "3"), ("H3_1", "1"), ("H3_2", "1")]),
        "validate.LR6",
        Severity::Error,
        &row_of("H3"),
    );
}

#[test]
fn lr7_normative_documents() {
    // Ningbo: A1 = 610, A1a = 610, A1b = "/": A1a ≤ A1 holds; A1b missing → an info only
    let ningbo = stats(&[("A1", "610"), ("A1a", "610"), ("A1b", "/")]);
    one(&ningbo, "validate.LR7", Severity::Info, &row_of("A1a"));
    one(
        &stats(&[("A1", "10"), ("A1a", "12"), ("A1b", "20")]),
        "validate.LR7",
        Severity::Warning,
        &row_of("A1a"),
    );
    one(
        &stats(&[("A1", "10"), ("A1a", "5"), ("A1b", "3")]),
        "validate.LR7",
        Severity::Info,
        &row_of("A1a"),
    );
    assert!(found(
        &stats(&[("A1", "10"), ("A1a", "5"), ("A1b", "5")]),
        "validate.LR7"
    )
    .is_empty());
}

#[test]
fn lr8_channels_at_least_the_deduplicated_total() {
    // Ningbo: 596 + 10 + 4 = 610 = A1, a hint
    let ningbo = stats(&[
        ("A1", "610"),
        ("A2_2", "596"),
        ("A2_3", "10"),
        ("A2_4", "4"),
    ]);
    one(&ningbo, "validate.LR8", Severity::Info, &row_of("A1"));
    let short = stats(&[
        ("A1", "610"),
        ("A2_1", "0"),
        ("A2_2", "500"),
        ("A2_3", "10"),
        ("A2_4", "4"),
        ("A2_5", "0"),
    ]);
    one(&short, "validate.LR8", Severity::Warning, &row_of("A1"));
    let more = stats(&[("A1", "610"), ("A2_2", "700")]);
    assert!(found(&more, "validate.LR8").is_empty());
}

#[test]
fn lr9_of_which_at_most_its_parent() {
    one(
        &stats(&[("B2_1", "2"), ("B2_1a", "3")]),
        "validate.LR9",
        Severity::Error,
        &row_of("B2_1a"),
    );
    one(
        &stats(&[("B2_2", "/"), ("B2_2a", "1")]),
        "validate.LR9",
        Severity::Info,
        &row_of("B2_2a"),
    );
    assert!(found(&stats(&[("B2_1", "3"), ("B2_1a", "3")]), "validate.LR9").is_empty());
}

#[test]
fn lr10_finished_and_answered_close_to_received() {
    one(
        &stats(&[("C1", "5"), ("C2", "4"), ("C3", "4")]),
        "validate.LR10",
        Severity::Info,
        &row_of("C2"),
    );
    assert!(found(
        &stats(&[("C1", "5"), ("C2", "5"), ("C3", "5")]),
        "validate.LR10"
    )
    .is_empty());
    assert!(found(
        &stats(&[("C1", "5"), ("C2", "/"), ("C3", "/")]),
        "validate.LR10"
    )
    .is_empty());
}

#[test]
fn lr11_section_rows_and_units() {
    one(
        &stats(&[("A", "3")]),
        "validate.LR11",
        Severity::Error,
        &row_of("A"),
    );
    assert!(found(&stats(&[("A", "——")]), "validate.LR11").is_empty());
    let mut r = stats(&[]);
    let i = catalog::stats2018().position("I3").unwrap();
    r.tables[0].rows[i].unit = "人".into();
    let f = found(&r, "validate.LR11");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].location.path,
        Some(format!("tables[0].rows[{i}].unit"))
    );
}

#[test]
fn missing_values_are_never_errors() {
    let r = stats(&[]);
    assert!(validate(&r).iter().all(|d| d.severity == Severity::Info));
    let blanks = stats(&[("C1", ""), ("C1_1", "—"), ("C1_2", "-"), ("H3", "")]);
    assert!(validate(&blanks)
        .iter()
        .all(|d| d.severity == Severity::Info));
}

#[test]
fn value_checks() {
    let r = stats(&[("F", "无"), ("I3", "-2"), ("I2", "1.5"), ("G", "0.35")]);
    let codes: Vec<(String, String)> = validate(&r)
        .into_iter()
        .map(|d| (d.code, d.location.path.unwrap_or_default()))
        .collect();
    assert!(codes.contains(&("validate.value.not_a_number".into(), row_of("F"))));
    assert!(codes.contains(&("validate.value.negative".into(), row_of("I3"))));
    assert!(codes.contains(&("validate.value.fraction".into(), row_of("I2"))));
    assert!(!codes.iter().any(|(_, p)| *p == row_of("G")));
}

/// A 表三 with rows coded as the 2021 catalogue, all seven columns `"0"` unless given.
fn requests(values: &[(&str, [&str; 7])]) -> Report {
    let rows = catalog::requests2021()
        .indicators
        .iter()
        .map(|i| {
            let v = values
                .iter()
                .find(|(c, _)| *c == i.code)
                .map(|(_, v)| *v)
                .unwrap_or(["0"; 7]);
            Row {
                code: Some(i.code.clone()),
                label: i.label.clone(),
                path: i.path.clone(),
                unit: "件".into(),
                value: Value::parse(v[6]),
                values: v.iter().map(|x| Value::parse(x)).collect(),
                ..Default::default()
            }
        })
        .collect();
    Report {
        tables: vec![StatTable {
            kind: TableKind::Requests2021,
            rows,
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[test]
fn n1_n3_requests_balance() {
    let ok = requests(&[
        ("R1", ["19", "4", "0", "1", "1", "0", "25"]),
        ("R2", ["1", "0", "0", "0", "0", "0", "1"]),
        ("R3_1", ["7", "2", "0", "1", "0", "0", "10"]),
        ("R3_2", ["12", "2", "0", "0", "1", "0", "15"]),
        ("R3_7", ["19", "4", "0", "1", "1", "0", "25"]),
        ("R4", ["1", "0", "0", "0", "0", "0", "1"]),
    ]);
    let all = validate(&ok);
    assert!(all.is_empty(), "{all:?}");
    let bad = requests(&[
        ("R1", ["19", "4", "0", "1", "1", "0", "25"]),
        ("R3_1", ["7", "2", "0", "1", "0", "0", "10"]),
        ("R3_2", ["12", "2", "0", "0", "1", "0", "15"]),
        ("R3_7", ["19", "4", "0", "1", "1", "0", "25"]),
        ("R4", ["1", "0", "0", "0", "0", "0", "1"]),
    ]);
    let n1 = found(&bad, "validate.N1");
    assert_eq!(n1.len(), 2, "{n1:?}"); // 自然人 and 总计 columns
    assert!(n1.iter().all(|d| d.severity == Severity::Error));
    let bad3 = requests(&[
        ("R1", ["1", "0", "0", "0", "0", "0", "1"]),
        ("R3_7", ["1", "0", "0", "0", "0", "0", "1"]),
    ]);
    assert_eq!(found(&bad3, "validate.N3").len(), 2);
}

#[test]
fn n2_row_total_and_blank_totals() {
    let bad = requests(&[("R3_1", ["1", "1", "0", "0", "0", "0", "3"])]);
    let f = found(&bad, "validate.N2");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Error);
    // a blank 总计 on a detail row is incomplete, not wrong
    let blank = requests(&[("R3_3_1", ["1", "0", "0", "0", "0", "0", ""])]);
    let f = found(&blank, "validate.N2");
    assert!(f.iter().all(|d| d.severity == Severity::Info), "{f:?}");
}

#[test]
fn n5_review_groups() {
    let row = |v: [&str; 15]| Report {
        tables: vec![StatTable {
            kind: TableKind::Review2019,
            rows: vec![Row {
                values: v.iter().map(|x| Value::parse(x)).collect(),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let ok = row([
        "1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
    ]);
    assert!(found(&ok, "validate.N5").is_empty());
    let bad = row([
        "1", "0", "0", "0", "2", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0",
    ]);
    let f = found(&bad, "validate.N5");
    assert_eq!(f.len(), 2);
    assert_eq!(
        f[0].location.path.as_deref(),
        Some("tables[0].rows[0].values[4]")
    );
    assert_eq!(
        f[1].location.path.as_deref(),
        Some("tables[0].rows[0].values[14]")
    );
}

#[test]
fn n4_carried_over_matches_last_years_carry_forward() {
    let prev = requests(&[("R4", ["1", "0", "0", "0", "0", "0", "1"])]);
    let same = requests(&[("R2", ["1", "0", "0", "0", "0", "0", "1"])]);
    assert!(xxgk::validate::across_years(&prev, &same).is_empty());
    let other = requests(&[("R2", ["2", "0", "0", "0", "0", "0", "2"])]);
    let f = xxgk::validate::across_years(&prev, &other);
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f
        .iter()
        .all(|d| d.code == "validate.N4" && d.severity == Severity::Warning));
    let i = catalog::requests2021().position("R2").unwrap();
    assert_eq!(
        f[0].location.path,
        Some(format!("tables[0].rows[{i}].values[0]"))
    );
}

#[test]
fn n6_rules_in_force_carry_over() {
    let active = reports::rules_in_force;
    let prev = active("1", "0", "12");
    assert!(xxgk::validate::across_years(&prev, &active("2", "1", "13")).is_empty());
    let f = xxgk::validate::across_years(&prev, &active("2", "1", "15"));
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].code.as_str(), f[0].severity),
        ("validate.N6", Severity::Info)
    );
}

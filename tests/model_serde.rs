//! The report model survives a JSON round trip, and its JSON has the documented shape.

use xxgk::model::{Anchor, Report, Row, Section, StatTable, TableKind, Value};
use xxgk::{Diagnostic, Location};

fn sample() -> Report {
    let rows = [
        "610",
        "0.35",
        "1.1",
        "/",
        "——",
        "",
        "无",
        "251000元",
        "5万元",
        "-3",
    ]
    .iter()
    .enumerate()
    .map(|(i, v)| Row {
        code: (i % 2 == 0).then(|| format!("X{i}")),
        label: format!("（{i}）行"),
        note: (i == 1).then(|| "（注）".to_string()),
        unit: "万元".into(),
        value: Value::parse(v),
        depth: (i % 4) as u8,
        ..Default::default()
    })
    .collect();
    let multi = Row {
        code: Some("R1".into()),
        label: "一、本年新收政府信息公开申请数量".into(),
        path: vec!["一、本年新收政府信息公开申请数量".into()],
        unit: "件".into(),
        value: Value::parse("25"),
        values: vec![Value::parse("19"), Value::parse("0.1"), Value::parse("")],
        ..Default::default()
    };
    Report {
        title: "市外办2018年政府信息公开工作年度报告".into(),
        agency: Some("市外办".into()),
        year: Some(2018),
        intro: vec!["根据……".into()],
        sections: vec![Section {
            number: "一、".into(),
            heading: "概述".into(),
            level: 1,
            paragraphs: vec!["正文".into()],
            children: vec![Section {
                number: "（一）".into(),
                heading: "子".into(),
                level: 2,
                ..Default::default()
            }],
        }],
        bookmarks: vec!["_GoBack".into()],
        anchors: vec![Anchor {
            name: "_GoBack".into(),
            at: "tables[0].title".into(),
        }],
        tables: vec![
            StatTable {
                kind: TableKind::Stats2018,
                title: Some("政府信息公开情况统计表".into()),
                subtitle: Some("（2018年度）".into()),
                agency: Some("市外办".into()),
                header: vec!["统计指标".into(), "单位".into(), "统计数".into()],
                rows,
                ..Default::default()
            },
            StatTable {
                kind: TableKind::Requests2021,
                columns: vec!["a".into(), "b".into(), "c".into()],
                rows: vec![multi],
                ..Default::default()
            },
        ],
        diagnostics: vec![
            Diagnostic::warning("validate.LR1", "x").at(Location::path("tables[0].rows[1]"))
        ],
        ..Default::default()
    }
}

#[test]
fn round_trip_is_identity() {
    let r = sample();
    let json = serde_json::to_string_pretty(&r).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    // and again, byte for byte
    assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json);
}

#[test]
fn amounts_keep_their_bits() {
    for s in ["0.1", "0.35", "160.5964", "1e-7", "123456789.123456"] {
        let mut r = Report::default();
        r.tables.push(StatTable {
            rows: vec![Row {
                value: Value::parse(s),
                ..Default::default()
            }],
            ..Default::default()
        });
        let back: Report = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r, "{s}");
    }
}

#[test]
fn json_shape() {
    let v = serde_json::to_value(sample()).unwrap();
    assert_eq!(v["schema"], "xxgk.report/1");
    let row = &v["tables"][0]["rows"][0];
    assert_eq!(row["value"]["text"], "610");
    assert_eq!(row["value"]["kind"], "count");
    assert_eq!(row["value"]["number"], 610);
    assert_eq!(v["tables"][0]["rows"][3]["value"]["kind"], "not_applicable");
    assert_eq!(v["tables"][0]["rows"][7]["value"]["unit"], "万元");
    assert_eq!(v["tables"][0]["kind"], "stats2018");
    assert!(v["tables"][0].get("parts").is_none());
    assert!(v["tables"][0]["rows"][0].get("path").is_none());
}

#[test]
fn schema_defaults_when_missing() {
    let json = r#"{"title":"t","agency":null,"year":null,"intro":[],"sections":[],
        "bookmarks":[],"tables":[],"diagnostics":[]}"#;
    let r: Report = serde_json::from_str(json).unwrap();
    assert_eq!(r.schema, "xxgk.report/1");
}

//! CSV export: header, one line per indicator value, RFC 4180 quoting.

use xxgk::model::csv::{quote, write_header, write_rows, HEADER};
use xxgk::model::{Report, Row, StatTable, TableKind, Value};

fn report() -> Report {
    Report {
        agency: Some("市外办".into()),
        year: Some(2018),
        tables: vec![StatTable {
            kind: TableKind::Stats2018,
            rows: vec![
                Row {
                    code: Some("A1".into()),
                    label: "（一）主动公开政府信息数".into(),
                    unit: "条".into(),
                    value: Value::parse("610"),
                    ..Default::default()
                },
                Row {
                    code: None,
                    label: "其他, \"特殊\"".into(),
                    unit: "万元".into(),
                    value: Value::parse("251000元"),
                    ..Default::default()
                },
            ],
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[test]
fn header_and_rows() {
    let mut out = Vec::new();
    write_header(&mut out).unwrap();
    write_rows(&report(), "a.docx", &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(lines[0], HEADER);
    assert_eq!(
        lines[1],
        "a.docx,市外办,2018,stats2018,A1,（一）主动公开政府信息数,,条,610,count,610"
    );
    assert_eq!(
        lines[2],
        "a.docx,市外办,2018,stats2018,,\"其他, \"\"特殊\"\"\",,万元,251000元,amount,25.1"
    );
    assert_eq!(lines[3], "");
    assert_eq!(lines.len(), 4);
}

#[test]
fn multi_column_rows_give_one_line_per_column() {
    let mut r = report();
    r.tables[0].kind = TableKind::Requests2021;
    r.tables[0].columns = vec!["申请人情况/自然人".into(), "申请人情况/总计".into()];
    r.tables[0].rows.truncate(1);
    r.tables[0].rows[0].path = vec!["三、本年度办理结果".into(), "（一）予以公开".into()];
    r.tables[0].rows[0].values = vec![Value::parse("7"), Value::parse("")];
    let mut out = Vec::new();
    write_rows(&r, "w.docx", &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].contains(",三、本年度办理结果/（一）予以公开,申请人情况/自然人,"));
    assert!(lines[1].ends_with(",,blank,"));
}

#[test]
fn quoting() {
    assert_eq!(quote("plain"), "plain");
    assert_eq!(quote("a,b"), "\"a,b\"");
    assert_eq!(quote("a\"b"), "\"a\"\"b\"");
    assert_eq!(quote("a\nb"), "\"a\nb\"");
}

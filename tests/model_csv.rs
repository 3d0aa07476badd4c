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

/// Every field a line is built from, quoted where it must be: the file name and the agency
/// (written once per report), a label path whose parts hold a quote and a comma, a path with
/// outer spaces, a row in a table part with its own column names, and a row after it.
#[test]
fn quoting_of_every_field() {
    use xxgk::model::{ColumnNode, TablePart};
    let mut r = report();
    r.agency = Some("市政府办公厅,信息公开科".into());
    r.year = None;
    let t = &mut r.tables[0];
    t.kind = TableKind::Requests2021;
    t.columns = vec!["总计".into()];
    t.rows.truncate(1);
    let mut row = t.rows[0].clone();
    row.code = Some("C\"1".into());
    row.path = vec!["三、结果".into(), "（一）\"予以\"公开".into()];
    row.values = vec![Value::parse("7"), Value::parse("1,2")];
    let mut spaced = row.clone();
    spaced.code = None;
    spaced.path = vec![" 前".into(), "后 ".into()];
    spaced.unit = "件 ".into();
    spaced.values = vec![Value::parse("3")];
    let mut plain = row.clone();
    plain.code = None;
    plain.path = vec!["甲".into(), "乙".into()];
    plain.values = vec![Value::parse("4")];
    t.rows = vec![row, spaced, plain];
    t.parts = vec![TablePart {
        first_row: 0,
        row_count: 2,
        columns: vec![ColumnNode {
            label: "申请人".into(),
            children: vec![
                ColumnNode {
                    label: "自然人".into(),
                    ..Default::default()
                },
                ColumnNode {
                    label: "法人,其他".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        }],
        ..Default::default()
    }];
    let mut out = Vec::new();
    write_rows(&r, "dir/报告,2018 .docx", &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let want = [
        "\"dir/报告,2018 .docx\",\"市政府办公厅,信息公开科\",,requests2021,\"C\"\"1\",\"三、结果/（一）\"\"予以\"\"公开\",申请人/自然人,条,7,count,7",
        "\"dir/报告,2018 .docx\",\"市政府办公厅,信息公开科\",,requests2021,\"C\"\"1\",\"三、结果/（一）\"\"予以\"\"公开\",\"申请人/法人,其他\",条,\"1,2\",text,",
        "\"dir/报告,2018 .docx\",\"市政府办公厅,信息公开科\",,requests2021,,\" 前/后 \",申请人/自然人,\"件 \",3,count,3",
        "\"dir/报告,2018 .docx\",\"市政府办公厅,信息公开科\",,requests2021,,甲/乙,总计,条,4,count,4",
    ];
    assert_eq!(text.lines().collect::<Vec<_>>(), want);
    assert!(text.ends_with('\n'));
}

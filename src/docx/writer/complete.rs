//! A statistics table in, the rows to write out: the source's rows exactly, or (with
//! `complete`) the source's rows plus every official row it lacked, in its official place.
//!
//! Merge rule: source rows keep their order; before a source row whose code is official row
//! *k*, every official row before *k* that the source lacks and that was not written yet is
//! inserted; the official rows after the last matched one follow at the end. Local rows (code
//! `null`) stay where the source had them. An added data row is written with the value `/`
//! (not applicable), an added section row (unit `——`) with an empty value, as the official
//! table has them; each is reported as `write.row.added`.

use crate::diagnostic::{Diagnostic, Location};
use crate::model::{Row, StatTable, TableKind};

/// One row of an official catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OfficialRow {
    /// Catalogue id.
    pub code: &'static str,
    /// Label as printed.
    pub label: &'static str,
    /// The label cell's note line.
    pub note: Option<&'static str>,
    /// Unit (`——` for a section row).
    pub unit: &'static str,
    /// Depth (`一、` 0, `（一）` 1, `1.` 2, `其中：` parent + 1).
    pub depth: u8,
}

/// A row to write.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Planned<'a> {
    /// The source's row with its index.
    Source(usize, &'a Row),
    /// An official row the source lacked.
    Added(&'static OfficialRow),
}

/// The official catalogue of a table kind, when one is known.
///
/// Stand-in until the crate's catalogue module lands: the 2014–2018 table of 65 rows
/// (国办发〔2014〕32号; order, labels and units as in formats §2.2).
pub(crate) fn official(kind: TableKind) -> Option<&'static [OfficialRow]> {
    match kind {
        TableKind::Stats2018 => Some(STATS_2018),
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

const fn r(code: &'static str, label: &'static str, unit: &'static str, depth: u8) -> OfficialRow {
    OfficialRow {
        code,
        label,
        note: None,
        unit,
        depth,
    }
}

const fn n(
    code: &'static str,
    label: &'static str,
    note: &'static str,
    unit: &'static str,
    depth: u8,
) -> OfficialRow {
    OfficialRow {
        code,
        label,
        note: Some(note),
        unit,
        depth,
    }
}

const G: &str = "——";

/// 政府信息公开情况统计表 (2014–2018).
static STATS_2018: &[OfficialRow] = &[
    r("A", "一、主动公开情况", G, 0),
    n(
        "A1",
        "（一）主动公开政府信息数",
        "（不同渠道和方式公开相同信息计1条）",
        "条",
        1,
    ),
    r("A1a", "其中：主动公开规范性文件数", "条", 2),
    r("A1b", "制发规范性文件总数", "件", 2),
    r("A2", "（二）通过不同渠道和方式公开政府信息的情况", G, 1),
    r("A2_1", "1.政府公报公开政府信息数", "条", 2),
    r("A2_2", "2.政府网站公开政府信息数", "条", 2),
    r("A2_3", "3.政务微博公开政府信息数", "条", 2),
    r("A2_4", "4.政务微信公开政府信息数", "条", 2),
    r("A2_5", "5.其他方式公开政府信息数", "条", 2),
    r("B", "二、回应解读情况", G, 0),
    n(
        "B1",
        "（一）回应公众关注热点或重大舆情数",
        "（不同方式回应同一热点或舆情计1次）",
        "次",
        1,
    ),
    r("B2", "（二）通过不同渠道和方式回应解读的情况", G, 1),
    r("B2_1", "1.参加或举办新闻发布会总次数", "次", 2),
    r("B2_1a", "其中：主要负责同志参加新闻发布会次数", "次", 3),
    r("B2_2", "2.政府网站在线访谈次数", "次", 2),
    r(
        "B2_2a",
        "其中：主要负责同志参加政府网站在线访谈次数",
        "次",
        3,
    ),
    r("B2_3", "3.政策解读稿件发布数", "篇", 2),
    r("B2_4", "4.微博微信回应事件数", "次", 2),
    r("B2_5", "5.其他方式回应事件数", "次", 2),
    r("C", "三、依申请公开情况", G, 0),
    r("C1", "（一）收到申请数", "件", 1),
    r("C1_1", "1.当面申请数", "件", 2),
    r("C1_2", "2.传真申请数", "件", 2),
    r("C1_3", "3.网络申请数", "件", 2),
    r("C1_4", "4.信函申请数", "件", 2),
    r("C2", "（二）申请办结数", "件", 1),
    r("C2_1", "1.按时办结数", "件", 2),
    r("C2_2", "2.延期办结数", "件", 2),
    r("C3", "（三）申请答复数", "件", 1),
    r("C3_1", "1.属于已主动公开范围数", "件", 2),
    r("C3_2", "2.同意公开答复数", "件", 2),
    r("C3_3", "3.同意部分公开答复数", "件", 2),
    r("C3_4", "4.不同意公开答复数", "件", 2),
    r("C3_4a", "其中：涉及国家秘密", "件", 3),
    r("C3_4b", "涉及商业秘密", "件", 3),
    r("C3_4c", "涉及个人隐私", "件", 3),
    r(
        "C3_4d",
        "危及国家安全、公共安全、经济安全和社会稳定",
        "件",
        3,
    ),
    r("C3_4e", "不是《条例》所指政府信息", "件", 3),
    r("C3_4f", "法律法规规定的其他情形", "件", 3),
    r("C3_5", "5.不属于本行政机关公开数", "件", 2),
    r("C3_6", "6.申请信息不存在数", "件", 2),
    r("C3_7", "7.告知作出更改补充数", "件", 2),
    r("C3_8", "8.告知通过其他途径办理数", "件", 2),
    r("D", "四、行政复议数量", "件", 0),
    r("D1", "（一）维持具体行政行为数", "件", 1),
    r("D2", "（二）被依法纠错数", "件", 1),
    r("D3", "（三）其他情形数", "件", 1),
    r("E", "五、行政诉讼数量", "件", 0),
    r(
        "E1",
        "（一）维持具体行政行为或者驳回原告诉讼请求数",
        "件",
        1,
    ),
    r("E2", "（二）被依法纠错数", "件", 1),
    r("E3", "（三）其他情形数", "件", 1),
    r("F", "六、举报投诉数量", "件", 0),
    r("G", "七、依申请公开信息收取的费用", "万元", 0),
    r("H", "八、机构建设和保障经费情况", G, 0),
    r("H1", "（一）政府信息公开工作专门机构数", "个", 1),
    r("H2", "（二）设置政府信息公开查阅点数", "个", 1),
    r("H3", "（三）从事政府信息公开工作人员数", "人", 1),
    r(
        "H3_1",
        "1.专职人员数（不包括政府公报及政府网站工作人员数）",
        "人",
        2,
    ),
    r("H3_2", "2.兼职人员数", "人", 2),
    r(
        "H4",
        "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
        "万元",
        1,
    ),
    r("I", "九、政府信息公开会议和培训情况", G, 0),
    r("I1", "（一）召开政府信息公开工作会议或专题会议数", "次", 1),
    r("I2", "（二）举办各类培训班数", "次", 1),
    r("I3", "（三）接受培训人员数", "人次", 1),
];

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
    fn catalogue_has_65_unique_codes() {
        assert_eq!(STATS_2018.len(), 65);
        let mut codes: Vec<_> = STATS_2018.iter().map(|r| r.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 65);
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
                Planned::Added(o) => o.code,
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

//! Official indicator catalogues as data (`src/catalog/data/*.json`, embedded, parsed once) →
//! [`Catalog`]s of [`Indicator`]s, plus the label key used to match a written label to one.
//!
//! | catalogue | table | rows | ids |
//! | --- | --- | --- | --- |
//! | [`stats2018`] | 政府信息公开情况统计表 (2014–2018) | 65 | `A`, `A1`, `A1a`, … `I3` (formats.md §2.2) |
//! | [`requests2019`] | 2019 表三 收到和处理政府信息公开申请情况 | 23 | `R1`, `R2`, `R3_1`, `R3_3_1`, … `R4` |
//! | [`requests2021`] | 2021 表三 | 25 | as 2019, （六） split into `R3_6_1`–`R3_6_3` |
//!
//! `depth` follows the extraction rules: `一、` 0, `（一）` 1, `1.` 2, `其中：` = parent + 1
//! (so `A1a` is 2 and `B2_1a` is 3).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::{ascii_digit, is_space, TableKind};

/// What an indicator row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IndicatorType {
    /// A section row: unit `——`, no value.
    Group,
    /// A value row.
    Value,
    /// A value row whose value is the total of rows below it.
    Total,
}

/// One official indicator row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// Stable id (`A1`, `C3_4b`, `R3_3_1`).
    pub code: String,
    /// Official label, with its number (`（一）主动公开政府信息数`).
    pub label: String,
    /// The label's parenthesised second line, if the official table prints one.
    pub note: Option<String>,
    /// Official unit (`——` for a section row).
    pub unit: String,
    /// Section, value or total.
    #[serde(rename = "type")]
    pub kind: IndicatorType,
    /// The id of the row it belongs to.
    pub parent: Option<String>,
    /// Hierarchy depth (see the module docs).
    pub depth: u8,
    /// Row-label path for multi-column tables (outermost first); empty otherwise.
    #[serde(default)]
    pub path: Vec<String>,
}

/// A catalogue: the official rows of one table, in official order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    /// The table it describes.
    pub kind: TableKind,
    /// Rows in official order.
    pub indicators: Vec<Indicator>,
    /// Value columns (leaf header paths joined by `/`) of a multi-column table; empty for the
    /// three-column table.
    pub columns: Vec<String>,
}

impl Catalog {
    /// The indicator with this id.
    pub fn get(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    /// Position and indicator with this id, looked for first at position `near` (rows taken
    /// in official order find theirs there, which makes a walk over a table linear).
    pub fn get_near(&self, code: &str, near: usize) -> Option<(usize, &Indicator)> {
        match self.indicators.get(near) {
            Some(i) if i.code == code => Some((near, i)),
            _ => self
                .indicators
                .iter()
                .enumerate()
                .find(|(_, i)| i.code == code),
        }
    }

    /// Position of the indicator with this id.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.code == code)
    }

    /// Ids of the rows whose parent is `code`, in order.
    pub fn children(&self, code: &str) -> Vec<&str> {
        self.indicators
            .iter()
            .filter(|i| i.parent.as_deref() == Some(code))
            .map(|i| i.code.as_str())
            .collect()
    }
}

/// The 2014–2018 statistics table (65 rows).
pub fn stats2018() -> &'static Catalog {
    static CELL: OnceLock<Catalog> = OnceLock::new();
    CELL.get_or_init(|| {
        load(
            TableKind::Stats2018,
            include_str!("data/stats2018.json"),
            &[],
        )
    })
}

/// The leaf columns of 表三 (2019 and 2021).
pub const REQUEST_COLUMNS: [&str; 7] = [
    "申请人情况/自然人",
    "申请人情况/法人或其他组织/商业企业",
    "申请人情况/法人或其他组织/科研机构",
    "申请人情况/法人或其他组织/社会公益组织",
    "申请人情况/法人或其他组织/法律服务机构",
    "申请人情况/法人或其他组织/其他",
    "申请人情况/总计",
];

/// The leaf columns of 表四 (2019 and 2021).
pub const REVIEW_COLUMNS: [&str; 15] = [
    "行政复议/结果维持",
    "行政复议/结果纠正",
    "行政复议/其他结果",
    "行政复议/尚未审结",
    "行政复议/总计",
    "行政诉讼/未经复议直接起诉/结果维持",
    "行政诉讼/未经复议直接起诉/结果纠正",
    "行政诉讼/未经复议直接起诉/其他结果",
    "行政诉讼/未经复议直接起诉/尚未审结",
    "行政诉讼/未经复议直接起诉/总计",
    "行政诉讼/复议后起诉/结果维持",
    "行政诉讼/复议后起诉/结果纠正",
    "行政诉讼/复议后起诉/其他结果",
    "行政诉讼/复议后起诉/尚未审结",
    "行政诉讼/复议后起诉/总计",
];

/// The 2019 表三 (23 rows).
pub fn requests2019() -> &'static Catalog {
    static CELL: OnceLock<Catalog> = OnceLock::new();
    CELL.get_or_init(|| {
        load(
            TableKind::Requests2019,
            include_str!("data/requests2019.json"),
            &REQUEST_COLUMNS,
        )
    })
}

/// The 2021 表三 (25 rows).
pub fn requests2021() -> &'static Catalog {
    static CELL: OnceLock<Catalog> = OnceLock::new();
    CELL.get_or_init(|| {
        load(
            TableKind::Requests2021,
            include_str!("data/requests2021.json"),
            &REQUEST_COLUMNS,
        )
    })
}

/// The catalogue of a table kind, if there is one.
pub fn for_kind(kind: TableKind) -> Option<&'static Catalog> {
    match kind {
        TableKind::Stats2018 => Some(stats2018()),
        TableKind::Requests2019 => Some(requests2019()),
        TableKind::Requests2021 => Some(requests2021()),
        _ => None,
    }
}

/// Parses embedded catalogue data. The data is part of the crate and checked by tests; should it
/// ever be unreadable the catalogue is empty rather than a panic.
fn load(kind: TableKind, json: &str, columns: &[&str]) -> Catalog {
    Catalog {
        kind,
        indicators: serde_json::from_str(json).unwrap_or_default(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
    }
}

/// The raw catalogue data, by file name, for tests and tools.
pub fn raw_data() -> [(&'static str, &'static str); 3] {
    [
        ("stats2018.json", include_str!("data/stats2018.json")),
        ("requests2019.json", include_str!("data/requests2019.json")),
        ("requests2021.json", include_str!("data/requests2021.json")),
    ]
}

/// The key a label is matched by: whitespace removed; half-width brackets, colon, comma and
/// quotes made full-width (`(`→`（`, `:`→`：`, `"`→`“`/`”` by position); full-width digits and
/// `．` made ASCII; a `、` or `．` right after a leading Arabic number made `.`.
///
/// | written | key |
/// | --- | --- |
/// | `（ 一 ）主动公开政府信息数` | `（一）主动公开政府信息数` |
/// | `(一)主动公开政府信息数` | `（一）主动公开政府信息数` |
/// | `１．政府公报公开政府信息数`, `1、政府公报…` | `1.政府公报公开政府信息数` |
/// | `其中:涉及国家秘密` | `其中：涉及国家秘密` |
pub fn label_key(label: &str) -> String {
    key_of(label).into_owned()
}

/// [`label_key`], borrowing the label when it is already in key form (most labels are: no
/// character needs mapping and no leading `1、` needs rewriting).
pub fn key_of(label: &str) -> std::borrow::Cow<'_, str> {
    let plain = !needs_mapping(label);
    let digits = label.bytes().take_while(|b| b.is_ascii_digit()).count();
    if plain && !(digits > 0 && label[digits..].starts_with('、')) {
        return std::borrow::Cow::Borrowed(label);
    }
    let mut out = String::with_capacity(label.len());
    let mut quote_open = false;
    for c in label.chars().filter(|c| !is_space(*c)).map(ascii_digit) {
        let mapped = match c {
            '(' => '（',
            ')' => '）',
            ':' => '：',
            ',' => '，',
            '"' | '＂' | '“' | '”' => {
                quote_open = !quote_open;
                if quote_open {
                    '“'
                } else {
                    '”'
                }
            }
            _ => c,
        };
        out.push(mapped);
    }
    // A leading Arabic number followed by `、` is written `1.` in the catalogue.
    let digits = out.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 && out[digits..].starts_with('、') {
        out.replace_range(digits..digits + '、'.len_utf8(), ".");
    }
    std::borrow::Cow::Owned(out)
}

/// True when some character of `label` changes in its key (see [`label_key`]). Most labels are
/// Chinese text: the common ideographs (three-byte UTF-8 led by `E4`–`E9`) never change and are
/// passed over by their first byte; other characters are checked one by one.
fn needs_mapping(label: &str) -> bool {
    let changes = |c: char| {
        is_space(c)
            || ascii_digit(c) != c
            || matches!(c, '(' | ')' | ':' | ',' | '"' | '＂' | '“' | '”')
    };
    let b = label.as_bytes();
    let mut i = 0;
    while let Some(&lead) = b.get(i) {
        if (0xE4..=0xE9).contains(&lead) {
            i += 3;
            continue;
        }
        if lead < 0x80 {
            if changes(char::from(lead)) {
                return true;
            }
            i += 1;
            continue;
        }
        // `i` is at a character boundary: every step above passed over whole characters.
        let Some(c) = label.get(i..).and_then(|s| s.chars().next()) else {
            return true;
        };
        if changes(c) {
            return true;
        }
        i += c.len_utf8();
    }
    false
}

/// The key without its number prefix and without a leading `其中：` (for close matches).
pub fn bare_key(label: &str) -> String {
    let key = label_key(label);
    let rest = crate::recognize::numbering::split_number(&key)
        .map(|n| n.rest)
        .unwrap_or(&key);
    rest.strip_prefix("其中：").unwrap_or(rest).to_string()
}

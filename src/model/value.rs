//! A statistics cell's text → [`Value`]: the source text exactly, plus its typed reading.
//!
//! | cell text (after removing whitespace, full-width digits / `．` / `＋` made ASCII) | [`Reading`] |
//! | --- | --- |
//! | empty | [`Reading::Blank`] |
//! | only `/` `／` (possibly mixed with dashes) | [`Reading::NotApplicable`] |
//! | only dashes `—` `-` `－` `–` `―` `─` `‐` `‑` `−` | [`Reading::Dash`] |
//! | `[+-]?digits` (optional thousands commas), optionally followed by a count unit (`件` `条` …) | [`Reading::Count`] |
//! | `[+-]?digits.digits` | [`Reading::Amount`] (unit: the column's) |
//! | a number followed by `万元` | [`Reading::Amount`] in 万元 |
//! | a number followed by `元` | [`Reading::Amount`] converted to 万元 (÷ 10000) |
//! | anything else | [`Reading::Text`] |

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A cell value. `text` is the cell exactly as written; the reading says what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Value {
    /// The cell's text as written: leading and trailing whitespace (indentation) removed, inner
    /// text kept exactly, lines joined with `\n`.
    pub text: String,
    /// What it means.
    #[serde(flatten)]
    pub reading: Reading,
}

/// The typed reading of a [`Value`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reading {
    /// A whole count (`610`, `６１０`, `3件`).
    Count {
        /// The number.
        number: i64,
    },
    /// An amount with decimals or a money unit (`1.5`, `5万元`, `251000元` → 25.1 万元).
    Amount {
        /// The number in the unit below.
        number: f64,
        /// Unit the number is in (`万元` unless the cell said otherwise and could not be converted).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Not applicable: `/` `／`.
    NotApplicable,
    /// A dash: `—` `——` `-` `－` `–` `―`.
    Dash,
    /// Nothing written.
    Blank,
    /// Text that is not a number.
    Text,
}

impl Default for Value {
    fn default() -> Self {
        Value::blank()
    }
}

/// Count units that may follow a whole number inside a cell (`3件`).
const COUNT_UNITS: [&str; 8] = ["人次", "件", "条", "次", "篇", "个", "人", "项"];

/// True for the characters the extraction rules treat as whitespace.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\r'
            | '\n'
            | '\u{3000}'
            | '\u{00A0}'
            | '\u{2002}'
            | '\u{2003}'
            | '\u{2009}'
            | '\u{200B}'
            | '\u{202F}'
            | '\u{FEFF}'
    )
}

/// True for the dash characters a cell may use for "nothing".
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '―' | '─' | '‐' | '‑' | '−')
}

/// True for a slash.
fn is_slash(c: char) -> bool {
    matches!(c, '/' | '／')
}

/// Full-width digits, `．` and `＋` to ASCII; other characters unchanged.
pub fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '＋' => '+',
        _ => c,
    }
}

impl Value {
    /// A blank value.
    pub fn blank() -> Self {
        Value {
            text: String::new(),
            reading: Reading::Blank,
        }
    }

    /// Reads a cell's text (see the module table). The text is kept with only its outer
    /// whitespace removed.
    pub fn parse(text: &str) -> Value {
        let kept = text.trim_matches(is_space).to_string();
        // Printable ASCII is already compact (nothing to remove or map).
        let reading = if kept.bytes().all(|b| b.is_ascii_graphic()) {
            read(&kept)
        } else {
            read(&compact(&kept))
        };
        Value {
            text: kept,
            reading,
        }
    }

    /// The value normalised as the truth files write it: whitespace removed, full-width digits,
    /// `．` and `＋` made ASCII, a leading full-width minus made `-`, a cell of only dashes or
    /// slashes `"/"`, a blank `""`; everything else as written (`0` stays `0`, `251000元` stays).
    pub fn normalized(&self) -> String {
        let c = compact(&self.text);
        if !c.is_empty() && c.chars().all(|ch| is_dash(ch) || is_slash(ch)) {
            return "/".to_string();
        }
        c
    }

    /// The number, for arithmetic: counts and amounts; `None` for anything else.
    pub fn number(&self) -> Option<f64> {
        match &self.reading {
            Reading::Count { number } => Some(*number as f64),
            Reading::Amount { number, .. } => Some(*number),
            _ => None,
        }
    }

    /// True for a value that says "nothing": `/`, a dash or a blank.
    pub fn is_missing(&self) -> bool {
        matches!(
            self.reading,
            Reading::NotApplicable | Reading::Dash | Reading::Blank
        )
    }

    /// The reading's kind as written in JSON (`count`, `amount`, `not_applicable`, `dash`,
    /// `blank`, `text`).
    pub fn kind_name(&self) -> &'static str {
        match self.reading {
            Reading::Count { .. } => "count",
            Reading::Amount { .. } => "amount",
            Reading::NotApplicable => "not_applicable",
            Reading::Dash => "dash",
            Reading::Blank => "blank",
            Reading::Text => "text",
        }
    }
}

/// Removes every whitespace character and makes full-width digits ASCII; a full-width or
/// typographic minus before a digit becomes `-`.
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text
        .chars()
        .filter(|c| !is_space(*c))
        .map(ascii_digit)
        .peekable();
    // A leading full-width or typographic minus before a digit is `-`.
    if let Some(&c) = chars.peek() {
        if matches!(c, '－' | '−' | '‐') {
            chars.next();
            let next_digit = chars.peek().is_some_and(|n| n.is_ascii_digit());
            out.push(if next_digit { '-' } else { c });
        }
    }
    out.extend(chars);
    out
}

/// The reading of a compacted text.
fn read(c: &str) -> Reading {
    if c.is_empty() {
        return Reading::Blank;
    }
    if c.chars().all(|ch| is_dash(ch) || is_slash(ch)) {
        if c.chars().any(is_slash) {
            return Reading::NotApplicable;
        }
        return Reading::Dash;
    }
    if let Some(num) = c.strip_suffix("万元") {
        if let Some(n) = decimal(num) {
            return Reading::Amount {
                number: n,
                unit: Some("万元".into()),
            };
        }
    } else if let Some(num) = c.strip_suffix('元') {
        if let Some(n) = decimal(num) {
            return Reading::Amount {
                number: yuan_to_wan(n),
                unit: Some("万元".into()),
            };
        }
    }
    let bare = COUNT_UNITS
        .iter()
        .find_map(|u| c.strip_suffix(u))
        .unwrap_or(c);
    if let Some(n) = integer(bare) {
        return Reading::Count { number: n };
    }
    if bare.len() == c.len() {
        if let Some(n) = decimal(c) {
            return Reading::Amount {
                number: n,
                unit: None,
            };
        }
    }
    Reading::Text
}

/// Converts yuan to 万元 without binary noise (`251000` → `25.1`).
fn yuan_to_wan(n: f64) -> f64 {
    let s = format!("{}", n / 10000.0);
    s.parse().unwrap_or(n / 10000.0)
}

/// `[+-]?\d+` or `[+-]?\d{1,3}(,\d{3})+` → the integer (None on overflow).
fn integer(s: &str) -> Option<i64> {
    let (neg, digits) = sign(s);
    if digits.is_empty() {
        return None;
    }
    let plain: String = if digits.contains(',') {
        let groups: Vec<&str> = digits.split(',').collect();
        let ok = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !ok {
            return None;
        }
        groups.concat()
    } else {
        digits.to_string()
    };
    if !plain.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = plain.parse().ok()?;
    Some(if neg { -n } else { n })
}

/// `[+-]?\d+(\.\d+)?` → the number.
fn decimal(s: &str) -> Option<f64> {
    let (neg, digits) = sign(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let int_ok = !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit());
    let frac_ok = frac.map_or(true, |f| {
        !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit())
    });
    if !int_ok || !frac_ok || digits.len() > 40 {
        return None;
    }
    let n: f64 = digits.parse().ok()?;
    n.is_finite().then_some(if neg { -n } else { n })
}

fn sign(s: &str) -> (bool, &str) {
    if let Some(r) = s.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else {
        (false, s)
    }
}

//! A statistics cell value: the source text exactly, plus its typed reading.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A cell value. `text` is the cell exactly as written; the reading says what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Value {
    /// The cell's text as written (inner whitespace kept).
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

//! The report and its section tree.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::table::StatTable;
use crate::diagnostic::Diagnostic;

/// The value of [`Report::schema`].
pub const SCHEMA: &str = "xxgk.report/1";

fn schema_default() -> String {
    SCHEMA.to_string()
}

/// One annual report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// Always `"xxgk.report/1"`.
    #[serde(default = "schema_default")]
    pub schema: String,
    /// Title: the first non-empty paragraph (two title lines joined).
    pub title: String,
    /// Reporting agency (填报单位), when found.
    pub agency: Option<String>,
    /// Reporting year (年度), when found.
    pub year: Option<i32>,
    /// Paragraphs between the title and the first numbered section.
    pub intro: Vec<String>,
    /// Numbered narrative sections, as a tree.
    pub sections: Vec<Section>,
    /// Names of all bookmarks, in document order, each once.
    pub bookmarks: Vec<String>,
    /// Where each bookmark starts, in the model's own paths (`title`, `intro[0]`,
    /// `sections[1].children[0]`, `sections[0].paragraphs[2]`, `tables[0].title`,
    /// `tables[0].rows[13]`, `tables[0].rows[13].value`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<Anchor>,
    /// Statistics tables found.
    pub tables: Vec<StatTable>,
    /// Findings of reading, recognizing and validating.
    pub diagnostics: Vec<Diagnostic>,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            schema: SCHEMA.to_string(),
            title: String::new(),
            agency: None,
            year: None,
            intro: Vec::new(),
            sections: Vec::new(),
            bookmarks: Vec::new(),
            anchors: Vec::new(),
            tables: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

/// Where a bookmark starts in the model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Anchor {
    /// Bookmark name.
    pub name: String,
    /// Model path (see [`Report::anchors`]).
    pub at: String,
}

/// A numbered narrative section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// The number exactly as written or displayed: `一、`, `（一）`, `1.`, `（1）`.
    pub number: String,
    /// Heading text after the number (for run-in headings, the whole rest of the paragraph).
    pub heading: String,
    /// 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）`.
    pub level: u8,
    /// Unnumbered paragraphs of this section.
    pub paragraphs: Vec<String>,
    /// Subsections.
    pub children: Vec<Section>,
}

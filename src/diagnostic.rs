//! Findings that let work go on: [`Diagnostic`] = severity + stable code + message + [`Location`].
//!
//! Errors stop a stage ([`crate::Error`]); diagnostics are collected and the stage continues.
//! Tests and tools match on [`Diagnostic::code`], which never changes once published; the message
//! is for people and may be reworded.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing is wrong (a hidden bookmark, a row added by `--complete`).
    Info,
    /// Something looks wrong or was repaired while reading; the result is still usable.
    Warning,
    /// The report breaks a rule (a sum that does not add up) or part of the source was unreadable.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// Where in the source (or in the model) a finding applies. Every field is optional: a reader
/// fills what it knows.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct Location {
    /// Package part, e.g. `word/document.xml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Byte offset inside the part (XML readers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// 1-based line of a text dump (or of an XML part when known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (characters) on that line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// 0-based index of the body block (paragraph or table) in the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<usize>,
    /// 0-based table row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// 0-based table cell (grid column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<usize>,
    /// A path in the report model, e.g. `tables[0].rows[13]` or an indicator code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl Location {
    /// A location in a package part.
    pub fn part(part: impl Into<String>) -> Self {
        Location {
            part: Some(part.into()),
            ..Default::default()
        }
    }
    /// A location on a line (and column) of a text dump.
    pub fn line(line: usize, column: Option<usize>) -> Self {
        Location {
            line: Some(line),
            column,
            ..Default::default()
        }
    }
    /// A location in the report model.
    pub fn path(path: impl Into<String>) -> Self {
        Location {
            path: Some(path.into()),
            ..Default::default()
        }
    }
    /// True when no field is set.
    pub fn is_empty(&self) -> bool {
        *self == Location::default()
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(p) = &self.part {
            parts.push(p.clone());
        }
        if let Some(o) = self.offset {
            parts.push(format!("byte {o}"));
        }
        if let Some(l) = self.line {
            parts.push(format!("line {l}"));
        }
        if let Some(c) = self.column {
            parts.push(format!("column {c}"));
        }
        if let Some(b) = self.block {
            parts.push(format!("block {b}"));
        }
        if let Some(r) = self.row {
            parts.push(format!("row {r}"));
        }
        if let Some(c) = self.cell {
            parts.push(format!("cell {c}"));
        }
        if let Some(p) = &self.path {
            parts.push(p.clone());
        }
        f.write_str(&parts.join(", "))
    }
}

/// One finding: what, how serious, and where.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Stable machine-readable code, dotted: `docx.bookmark.unmatched_end`, `validate.LR1`.
    pub code: String,
    /// Human-readable explanation (lowercase, no trailing period).
    pub message: String,
    /// Where it applies.
    #[serde(default, skip_serializing_if = "Location::is_empty")]
    pub location: Location,
}

impl Diagnostic {
    /// A new diagnostic without a location.
    pub fn new(severity: Severity, code: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code: code.into(),
            message: message.into(),
            location: Location::default(),
        }
    }
    /// Shorthand for an [`Severity::Info`] finding.
    pub fn info(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, message)
    }
    /// Shorthand for a [`Severity::Warning`] finding.
    pub fn warning(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }
    /// Shorthand for an [`Severity::Error`] finding.
    pub fn error(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }
    /// Sets the location.
    pub fn at(mut self, location: Location) -> Self {
        self.location = location;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            write!(f, "{} [{}]: {}", self.severity, self.code, self.message)
        } else {
            write!(
                f,
                "{} [{}] at {}: {}",
                self.severity, self.code, self.location, self.message
            )
        }
    }
}

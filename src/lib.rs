//! # xxgk — government information disclosure annual reports (政府信息公开工作年度报告)
//!
//! Read any real submission (DOCX, or a legacy plain-text dump in UTF-8, GBK/GB18030 or UTF-16),
//! model it as a typed [`Report`] checked by the official and arithmetic consistency rules, export
//! it as JSON or CSV, and regenerate a conforming DOCX.
//!
//! ```text
//! .docx ─► docx::read ─┐                                              ┌─► docx::write
//!                      ├─► Document ─► recognize ─► Report ─► validate ┤
//! .txt ──► txt::read ──┘   (the page)               (the report)       └─► JSON / CSV
//! ```
//!
//! Stages are plain functions with an options struct; [`read_bytes`], [`read_path`] and
//! [`inspect_bytes`] are the common path.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod catalog;
pub mod diagnostic;
pub mod document;
pub mod docx;
pub mod error;
pub mod model;
pub mod recognize;
pub mod txt;
pub mod validate;

use std::path::Path;

pub use diagnostic::{Diagnostic, Location, Severity};
pub use document::Document;
pub use error::{Error, Result};
pub use model::Report;
pub use recognize::recognize;
pub use validate::validate;

/// The built-in sample: the Ningbo 2018 report (市外办2018年政府信息公开工作年度报告) as the
/// published UTF-8 text dump.
pub const SAMPLE_NINGBO_2018_TXT: &[u8] = include_bytes!("../data/ningbo2018.txt");

/// What kind of input some bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// A DOCX package (a zip).
    Docx,
    /// A legacy text dump.
    Text,
    /// A report model in JSON (`xxgk.report/1`).
    Json,
}

/// Options for the common path.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options {
    /// DOCX reader options.
    pub docx: docx::ReadOptions,
    /// Text reader options.
    pub text: txt::TextOptions,
}

/// Guesses the kind of input from its content, then its file name.
///
/// | content starts with | kind |
/// | --- | --- |
/// | `PK\x03\x04` / `PK\x05\x06` (zip) or `D0 CF 11 E0` (OLE) | [`InputKind::Docx`] (the reader explains an OLE file) |
/// | `{` after optional BOM and whitespace, and the name ends in `.json` or content has `"schema"` | [`InputKind::Json`] |
/// | anything else, name ending in `.docx`/`.docm`/`.dotx` | [`InputKind::Docx`] (the reader says what it is instead) |
/// | anything else | [`InputKind::Text`] |
pub fn detect_kind(bytes: &[u8], name: Option<&str>) -> InputKind {
    let lower = name.map(|n| n.to_ascii_lowercase()).unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
    {
        return InputKind::Docx;
    }
    let trimmed = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = trimmed.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{')
        && (lower.ends_with(".json") || trimmed.windows(8).take(4096).any(|w| w == b"\"schema\""))
    {
        return InputKind::Json;
    }
    if lower.ends_with(".docx") || lower.ends_with(".docm") || lower.ends_with(".dotx") {
        return InputKind::Docx;
    }
    InputKind::Text
}

/// Reads a DOCX or a text dump (detected by [`detect_kind`]) into a document tree.
pub fn read_bytes(bytes: &[u8], name: Option<&str>, opts: &Options) -> Result<Document> {
    match detect_kind(bytes, name) {
        InputKind::Docx => docx::read(bytes, &opts.docx),
        InputKind::Text => txt::read(bytes, &opts.text),
        InputKind::Json => Err(Error::Unsupported {
            detail: "a report model (json) has no document tree; use `inspect_bytes`".into(),
        }),
    }
}

/// Reads a file into a document tree; errors name the file.
pub fn read_path(path: impl AsRef<Path>, opts: &Options) -> Result<Document> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).in_file(path))?;
    read_bytes(&bytes, path.to_str(), opts).map_err(|e| e.in_file(path))
}

/// Reads, recognizes and validates: the report with every diagnostic (reader's, recognizer's and
/// validator's). A JSON model is read as it is and validated again.
pub fn inspect_bytes(bytes: &[u8], name: Option<&str>, opts: &Options) -> Result<Report> {
    let mut report = match detect_kind(bytes, name) {
        InputKind::Json => {
            let mut r: Report = serde_json::from_slice(bytes)?;
            r.diagnostics.retain(|d| !d.code.starts_with("validate."));
            r
        }
        _ => {
            let doc = read_bytes(bytes, name, opts)?;
            let mut r = recognize(&doc);
            let mut diags = doc.diagnostics;
            diags.append(&mut r.diagnostics);
            r.diagnostics = diags;
            r
        }
    };
    let mut found = validate(&report);
    report.diagnostics.append(&mut found);
    Ok(report)
}

/// [`inspect_bytes`] on a file; errors name the file.
pub fn inspect_path(path: impl AsRef<Path>, opts: &Options) -> Result<Report> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).in_file(path))?;
    inspect_bytes(&bytes, path.to_str(), opts).map_err(|e| e.in_file(path))
}

/// The examples of README.md, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

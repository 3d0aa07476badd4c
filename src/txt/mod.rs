//! Legacy text dumps (the Apache Tika layout of a Word file) → the same [`Document`] tree the
//! DOCX reader gives: paragraphs, bookmarks, tables with multi-line cells, footnotes.
//!
//! Two steps: [`encoding`] detects and decodes the bytes (BOM, BOM-less UTF-16, UTF-8, GB18030;
//! malformed sequences located), [`layout`] turns lines into blocks (tab-led cells, blank lines
//! between rows, `[bookmark: NAME]` markers). [`crate::document::dump::to_text`] is the inverse.
//!
//! Support matrix:
//! - [x] UTF-8 (with or without BOM), UTF-16LE/BE (BOM or zero-byte pattern), GB18030/GBK/GB2312,
//!   any encoding_rs label when forced
//! - [x] CRLF, CR, LF and mixed line ends
//! - [x] tables (several), multi-line cells, empty cells, bookmarks anywhere in a line
//! - [x] `[footnoteRef:N]`, `[endnoteRef:N]`, note text lines, `[image: NAME]`
//! - [ ] merged cells, nested tables, header rows: a dump does not record them
//! - [ ] bookmark ends: a dump records starts only (bookmarks are reported not closed)
//!
//! ```
//! let doc = xxgk::txt::read(xxgk::SAMPLE_NINGBO_2018_TXT, &Default::default()).unwrap();
//! assert_eq!(doc.source.detail.as_deref(), Some("UTF-8"));
//! assert!(doc.bookmarks.iter().any(|b| b.name == "_GoBack"));
//! ```

pub mod encoding;
pub mod layout;

use crate::diagnostic::{Diagnostic, Location};
use crate::document::{Document, Source, SourceFormat};
use crate::error::{Error, Limit, Result};

pub use encoding::{decode, Decoded, Detected, How, Malformed};

/// Default for [`TextOptions::max_input`]: 256 MiB.
pub const DEFAULT_MAX_INPUT: usize = 256 * 1024 * 1024;

/// Options for reading a text dump.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TextOptions {
    /// Force an encoding by any label encoding_rs knows (`gbk`, `utf-16le`, `big5`). Default:
    /// detect.
    pub encoding: Option<String>,
    /// Turn malformed byte sequences into an error instead of a diagnostic. Default: false.
    pub strict: bool,
    /// Largest input accepted, in bytes. Default: [`DEFAULT_MAX_INPUT`].
    pub max_input: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            encoding: None,
            strict: false,
            max_input: DEFAULT_MAX_INPUT,
        }
    }
}

impl TextOptions {
    /// These options with a forced encoding label.
    pub fn with_encoding(mut self, label: impl Into<String>) -> Self {
        self.encoding = Some(label.into());
        self
    }

    /// These options with `strict` set.
    pub fn with_strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }
}

/// Reads a text dump from bytes.
///
/// `source.detail` names the encoding used (`UTF-8`, `GB18030`, `UTF-16LE`…).
///
/// # Errors
/// [`Error::Binary`] for binary input, [`Error::Encoding`] for an unknown forced label or (strict)
/// a malformed sequence, [`Error::LimitExceeded`] beyond [`TextOptions::max_input`].
pub fn read(bytes: &[u8], opts: &TextOptions) -> Result<Document> {
    if bytes.len() > opts.max_input {
        return Err(Error::LimitExceeded {
            limit: Limit::InputSize,
            part: None,
            value: bytes.len() as u64,
            max: opts.max_input as u64,
        });
    }
    let decoded = decode(bytes, opts.encoding.as_deref())?;
    let mut doc = Document {
        source: Source {
            format: SourceFormat::Text,
            detail: Some(decoded.detected.name().to_string()),
        },
        ..Document::default()
    };
    if let Some(m) = decoded.malformed {
        if opts.strict {
            return Err(Error::Encoding {
                line: Some(m.line),
                column: Some(m.column),
                detail: format!(
                    "{} malformed {} sequence(s), the first at byte {}",
                    m.count,
                    decoded.detected.name(),
                    m.offset
                ),
            });
        }
        doc.diagnostics.push(
            Diagnostic::warning(
                "txt.encoding.malformed",
                format!(
                    "{} malformed {} sequence(s) replaced by U+FFFD, the first at byte {}",
                    m.count,
                    decoded.detected.name(),
                    m.offset
                ),
            )
            .at(Location {
                offset: Some(m.offset as u64),
                ..Location::line(m.line, Some(m.column))
            }),
        );
    }
    layout::layout(&decoded.text, &mut doc);
    Ok(doc)
}

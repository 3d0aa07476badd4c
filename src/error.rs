//! The one error type: what stopped a stage, and where (file, part, position, line).
//!
//! Readers working on bytes do not know the file name; [`Error::in_file`] wraps an error with it,
//! and the path-based entry points ([`crate::read_path`]) do that for you. Findings that let work
//! go on are [`crate::Diagnostic`]s, never errors.

use std::path::PathBuf;

/// Convenience alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What kind of OLE compound file (`D0 CF 11 E0` signature) was given instead of a DOCX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OleKind {
    /// A legacy binary Word document (`.doc`, Word 97–2003).
    LegacyDoc,
    /// An encrypted (password-protected) OOXML document, wrapped in an OLE container.
    Encrypted,
    /// Some other OLE compound file (`.xls`, `.ppt`, `.msg`…).
    Other,
}

/// Which limit of [`crate::docx::ReadOptions`] (or the text reader's options) was exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// Sum of the inflated sizes of the parts read.
    TotalSize,
    /// Inflated size of one part.
    PartSize,
    /// Number of zip entries.
    Entries,
    /// Inflated / compressed size of one entry.
    CompressionRatio,
    /// XML element nesting (or table / content-control nesting).
    Depth,
    /// Size of a text input.
    InputSize,
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Limit::TotalSize => "total inflated size",
            Limit::PartSize => "part size",
            Limit::Entries => "zip entry count",
            Limit::CompressionRatio => "compression ratio",
            Limit::Depth => "nesting depth",
            Limit::InputSize => "input size",
        })
    }
}

/// Everything that can stop reading, converting or writing a report.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The error happened while handling this file.
    #[error("{}: {source}", file.display())]
    InFile {
        /// The file being read or written.
        file: PathBuf,
        /// What went wrong.
        #[source]
        source: Box<Error>,
    },
    /// Reading or writing failed at the operating-system level.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// An OLE compound file: a legacy `.doc` or an encrypted DOCX.
    #[error("{}", match kind {
        OleKind::LegacyDoc => "this is a legacy binary Word document (.doc), not a DOCX: open it in Word or LibreOffice and save it as .docx (or convert it with `soffice --headless --convert-to docx`)",
        OleKind::Encrypted => "this DOCX is password-protected (encrypted in an OLE container): open it with its password and save it without encryption",
        OleKind::Other => "this is an OLE compound file (an old Office format), not a DOCX: save it as .docx first",
    })]
    Ole {
        /// Which kind.
        kind: OleKind,
    },
    /// The bytes are not a zip archive, or the archive is truncated or corrupt.
    #[error("not a readable zip archive ({detail}){}", part.as_ref().map(|p| format!(" in entry {p}")).unwrap_or_default())]
    Zip {
        /// The entry, when the damage is in one entry.
        part: Option<String>,
        /// What the zip reader said.
        detail: String,
    },
    /// A zip archive that is not a Word document: another OOXML type, or no main document.
    #[error("not a word document: {detail}")]
    NotWordDocument {
        /// What was found instead (e.g. `a spreadsheet (xl/workbook.xml)`).
        detail: String,
    },
    /// The input is some other kind of file (plain text, HTML, PDF, an image) renamed to .docx.
    #[error("not a docx file: this looks like {looks_like}")]
    NotDocx {
        /// What the bytes look like.
        looks_like: String,
    },
    /// An essential XML part could not be parsed.
    #[error("malformed xml in {part} at byte {position}: {detail}")]
    Xml {
        /// The part (e.g. `word/document.xml`).
        part: String,
        /// Byte offset in the inflated part.
        position: u64,
        /// What the parser said.
        detail: String,
    },
    /// A configured limit was exceeded (a zip bomb, absurd nesting).
    #[error("{limit} limit exceeded{}: {value} > {max}", part.as_ref().map(|p| format!(" in {p}")).unwrap_or_default())]
    LimitExceeded {
        /// Which limit.
        limit: Limit,
        /// The part where it was exceeded, if any.
        part: Option<String>,
        /// The value reached (bytes, entries, ratio or depth).
        value: u64,
        /// The configured maximum.
        max: u64,
    },
    /// A text dump could not be decoded (strict mode, or an unknown forced encoding).
    #[error("cannot decode text{}: {detail}", line.map(|l| format!(" at line {l}{}", column.map(|c| format!(", column {c}")).unwrap_or_default())).unwrap_or_default())]
    Encoding {
        /// 1-based line of the first problem, if known.
        line: Option<usize>,
        /// 1-based column, if known.
        column: Option<usize>,
        /// What is wrong.
        detail: String,
    },
    /// A text reader was given binary data (a zip, an OLE file, a PDF, NUL bytes).
    #[error("binary input, not a text dump: this looks like {looks_like}")]
    Binary {
        /// What the bytes look like.
        looks_like: String,
    },
    /// A report model in JSON could not be read.
    #[error("invalid report json at line {line}, column {column}: {detail}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde said.
        detail: String,
    },
    /// Writing a DOCX failed.
    #[error("cannot write docx: {detail}")]
    Write {
        /// What went wrong.
        detail: String,
    },
    /// The input's kind could not be determined from its name or content.
    #[error("unsupported input: {detail}")]
    Unsupported {
        /// Why.
        detail: String,
    },
}

impl Error {
    /// Wraps this error with the file it concerns (does not wrap twice).
    pub fn in_file(self, file: impl Into<PathBuf>) -> Error {
        match self {
            e @ Error::InFile { .. } => e,
            e => Error::InFile {
                file: file.into(),
                source: Box::new(e),
            },
        }
    }

    /// The innermost error, without the file wrapper.
    pub fn kind(&self) -> &Error {
        match self {
            Error::InFile { source, .. } => source.kind(),
            e => e,
        }
    }

    /// The file this error concerns, if known.
    pub fn file(&self) -> Option<&std::path::Path> {
        match self {
            Error::InFile { file, .. } => Some(file),
            _ => None,
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Json {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        }
    }
}

//! [`Report`] → conforming DOCX. (Being written.)

use std::io::{Seek, Write};

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::model::Report;

/// Options for writing.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct WriteOptions {
    /// Add every official row the source lacked (written as `/`), so the table has the official
    /// shape. Default: false (the source's rows exactly).
    pub complete: bool,
}

/// Writes `report` as DOCX with default options.
pub fn write<W: Write + Seek>(report: &Report, out: W) -> Result<Vec<Diagnostic>> {
    write_with(report, out, &WriteOptions::default())
}

/// Writes `report` as DOCX; returns what was noticed (rows added by `complete`…).
pub fn write_with<W: Write + Seek>(
    report: &Report,
    out: W,
    opts: &WriteOptions,
) -> Result<Vec<Diagnostic>> {
    let _ = (report, out, opts);
    Err(Error::Write {
        detail: "docx writer not built yet".into(),
    })
}

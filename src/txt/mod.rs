//! Legacy text dumps (Apache Tika style) → [`Document`]. (Being written.)

use crate::document::Document;
use crate::error::{Error, Result};

/// Options for reading a text dump.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct TextOptions {
    /// Force an encoding by any label encoding_rs knows (`gbk`, `utf-16le`, `big5`). Default:
    /// detect.
    pub encoding: Option<String>,
    /// Turn malformed byte sequences into an error instead of a diagnostic. Default: false.
    pub strict: bool,
}

/// Reads a text dump from bytes.
pub fn read(bytes: &[u8], opts: &TextOptions) -> Result<Document> {
    let _ = (bytes, opts);
    Err(Error::Unsupported {
        detail: "text reader not built yet".into(),
    })
}

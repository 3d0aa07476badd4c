//! DOCX bytes → [`Document`]. (Being written.)

use std::io::{Read, Seek};

use crate::document::Document;
use crate::error::{Error, Result};

/// Options for reading a DOCX; every limit has a documented default.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Most bytes inflated from all parts read together. Default: 512 MiB.
    pub max_total_size: u64,
    /// Most bytes inflated from one part. Default: 256 MiB.
    pub max_part_size: u64,
    /// Most zip entries. Default: 10 000.
    pub max_entries: usize,
    /// Highest inflated/compressed ratio of one entry (only checked above 1 MiB). Default: 1000.
    pub max_compression_ratio: u64,
    /// Deepest XML element nesting. Default: 256.
    pub max_depth: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_total_size: 512 << 20,
            max_part_size: 256 << 20,
            max_entries: 10_000,
            max_compression_ratio: 1000,
            max_depth: 256,
        }
    }
}

/// Reads a DOCX from bytes.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Document> {
    let _ = (bytes, opts);
    Err(Error::Unsupported {
        detail: "docx reader not built yet".into(),
    })
}

/// Reads a DOCX from any `Read + Seek`.
pub fn read_from<R: Read + Seek>(mut reader: R, opts: &ReadOptions) -> Result<Document> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    read(&bytes, opts)
}

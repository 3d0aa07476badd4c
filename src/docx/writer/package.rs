//! The finished parts in, a deflated DOCX (zip) out.

use std::io::{Seek, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::error::{Error, Result};

fn zip_error(part: &str, e: impl std::fmt::Display) -> Error {
    Error::Write {
        detail: format!("{part}: {e}"),
    }
}

/// Writes `parts` (name, bytes) deflated, with a fixed timestamp so equal input gives equal
/// bytes.
pub(crate) fn pack<W: Write + Seek>(out: W, parts: &[(&str, &[u8])]) -> Result<()> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut zip = ZipWriter::new(out);
    for (name, bytes) in parts {
        zip.start_file(*name, options)
            .map_err(|e| zip_error(name, e))?;
        zip.write_all(bytes).map_err(|e| zip_error(name, e))?;
    }
    zip.finish()
        .map_err(|e| zip_error("central directory", e))?;
    Ok(())
}

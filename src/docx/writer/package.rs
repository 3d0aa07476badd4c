//! The finished parts in, a deflated DOCX (zip) out.
//!
//! Parts that never change are deflated and indexed once per process ([`deflate`],
//! [`prepared`]) and copied into each package compressed ([`pack`]); only the report's own
//! parts are deflated per document.

use std::io::{Cursor, Seek, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::error::{Error, Result};

fn zip_error(part: &str, e: impl std::fmt::Display) -> Error {
    Error::Write {
        detail: format!("{part}: {e}"),
    }
}

fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
}

/// Deflates `parts` into an in-memory archive whose entries [`pack`] copies.
pub(crate) fn deflate(parts: &[(&str, &[u8])]) -> Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(*name, options())
            .map_err(|e| zip_error(name, e))?;
        zip.write_all(bytes).map_err(|e| zip_error(name, e))?;
    }
    let out = zip
        .finish()
        .map_err(|e| zip_error("central directory", e))?;
    Ok(out.into_inner())
}

/// A [`deflate`]d archive, indexed: cloning it shares the index.
pub(crate) type Prepared = ZipArchive<Cursor<&'static [u8]>>;

/// Indexes a [`deflate`]d archive once, for every [`pack`] to copy from.
pub(crate) fn prepared(bytes: &'static [u8]) -> Result<Prepared> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_error("parts", e))
}

/// A part of the package: deflated now, or copied from a [`deflate`]d archive.
pub(crate) enum Part<'a> {
    /// Name and bytes, deflated into the package.
    New(&'a str, &'a [u8]),
    /// Name of an entry of the prepared archive.
    Copied(&'a str),
}

/// Writes the package: `parts` in order, with fixed timestamps so equal input gives equal
/// bytes.
pub(crate) fn pack<W: Write + Seek>(out: W, mut fixed: Prepared, parts: &[Part<'_>]) -> Result<()> {
    let mut zip = ZipWriter::new(out);
    for part in parts {
        match part {
            Part::New(name, bytes) => {
                zip.start_file(*name, options())
                    .map_err(|e| zip_error(name, e))?;
                zip.write_all(bytes).map_err(|e| zip_error(name, e))?;
            }
            Part::Copied(name) => {
                let index = fixed
                    .index_for_name(name)
                    .ok_or_else(|| zip_error(name, "not prepared"))?;
                let file = fixed.by_index_raw(index).map_err(|e| zip_error(name, e))?;
                zip.raw_copy_file(file).map_err(|e| zip_error(name, e))?;
            }
        }
    }
    zip.finish()
        .map_err(|e| zip_error("central directory", e))?;
    Ok(())
}

//! [`Report`] → conforming DOCX (GB/T 9704-2012 page and type, the statistics table as the
//! attachment, bookmarks at their anchors, document properties).
//!
//! | part | written by |
//! | --- | --- |
//! | `word/document.xml` | [`body`] and [`table`], in schema order as it is written |
//! | `word/styles.xml` | [`styles`]: the paragraph styles that carry what paragraphs repeat |
//! | `word/footer1.xml`, `word/footer2.xml` | docx-rs, then put in schema order by [`schema`] |
//! | settings, font table, theme, core and app properties, content types, relationships | [`parts`] |
//!
//! Every part is deflated. Equal reports give equal bytes when `SOURCE_DATE_EPOCH` is set (it
//! dates the document properties; otherwise the current time does).

mod anchors;
mod body;
mod complete;
mod docxrs;
mod layout;
mod package;
mod parts;
mod schema;
mod styles;
mod table;
mod xml;

use std::io::{Seek, Write};
use std::sync::OnceLock;

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

impl WriteOptions {
    /// Options with [`WriteOptions::complete`] set as given.
    pub fn complete(complete: bool) -> Self {
        WriteOptions { complete }
    }
}

/// Writes `report` as DOCX with default options.
pub fn write<W: Write + Seek>(report: &Report, out: W) -> Result<Vec<Diagnostic>> {
    write_with(report, out, &WriteOptions::default())
}

/// Writes `report` as DOCX; returns what was noticed: `write.row.added` (a row added by
/// `complete`), `write.bookmark.unplaced` (an anchor naming no place in the report, the bookmark
/// written at the start of the body), `write.text.invalid_char` (a control character XML cannot
/// carry, left out).
pub fn write_with<W: Write + Seek>(
    report: &Report,
    out: W,
    opts: &WriteOptions,
) -> Result<Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let document = body::document(report, opts, &mut diags);
    let core = parts::core(report, &parts::w3cdtf(now()));
    use package::Part::{Copied, New};
    let files = [
        Copied("[Content_Types].xml"),
        Copied("_rels/.rels"),
        New("docProps/core.xml", core.as_bytes()),
        Copied("docProps/app.xml"),
        New("word/document.xml", document.as_bytes()),
        Copied("word/_rels/document.xml.rels"),
        Copied("word/styles.xml"),
        Copied("word/settings.xml"),
        Copied("word/fontTable.xml"),
        Copied("word/theme/theme1.xml"),
        Copied("word/footer1.xml"),
        Copied("word/footer2.xml"),
    ];
    package::pack(out, fixed_parts()?, &files)?;
    Ok(diags)
}

/// The parts that do not depend on the report, built, deflated and indexed once per process.
fn fixed_parts() -> Result<package::Prepared> {
    static FIXED: OnceLock<std::result::Result<Vec<u8>, String>> = OnceLock::new();
    static INDEXED: OnceLock<std::result::Result<package::Prepared, String>> = OnceLock::new();
    let indexed = INDEXED.get_or_init(|| {
        let built = FIXED.get_or_init(|| build_fixed_parts().map_err(|e| e.to_string()));
        let bytes: &'static [u8] = built.as_ref().map_err(Clone::clone)?;
        package::prepared(bytes).map_err(|e| e.to_string())
    });
    match indexed {
        Ok(archive) => Ok(archive.clone()),
        Err(detail) => Err(Error::Write {
            detail: detail.clone(),
        }),
    }
}

fn build_fixed_parts() -> Result<Vec<u8>> {
    let styles = styles::styles_xml();
    let [odd, even] = docxrs::footers()?;
    let text = [
        ("[Content_Types].xml", parts::content_types()),
        ("_rels/.rels", parts::package_rels()),
        ("docProps/app.xml", parts::app()),
        ("word/_rels/document.xml.rels", parts::document_rels()),
        ("word/settings.xml", parts::settings()),
        ("word/fontTable.xml", parts::font_table()),
        ("word/theme/theme1.xml", parts::theme()),
    ];
    let mut all: Vec<(&str, &[u8])> = text.iter().map(|(n, s)| (*n, s.as_bytes())).collect();
    all.extend([
        ("word/styles.xml", styles.as_bytes()),
        ("word/footer1.xml", odd.as_slice()),
        ("word/footer2.xml", even.as_slice()),
    ]);
    package::deflate(&all)
}

/// Seconds since 1970: `SOURCE_DATE_EPOCH` when set (reproducible output), else the clock.
fn now() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        })
}

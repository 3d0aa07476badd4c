//! [`Report`] → conforming DOCX (GB/T 9704-2012 page and type, the statistics table as the
//! attachment, bookmarks at their anchors, document properties).
//!
//! | part | written by |
//! | --- | --- |
//! | `word/document.xml` | [`body`] and [`table`], in schema order as it is written |
//! | `word/styles.xml`, `word/footer1.xml`, `word/footer2.xml` | docx-rs, then put in schema order by [`schema`] |
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
mod table;
mod xml;

use std::io::{Seek, Write};

use crate::diagnostic::Diagnostic;
use crate::error::Result;
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
    let styles = docxrs::styles()?;
    let [footer_odd, footer_even] = docxrs::footers()?;
    let core = parts::core(report, &parts::w3cdtf(now()));
    let (types, rels, app) = (parts::content_types(), parts::package_rels(), parts::app());
    let (doc_rels, settings) = (parts::document_rels(), parts::settings());
    let (fonts, theme) = (parts::font_table(), parts::theme());
    let files: [(&str, &[u8]); 12] = [
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("docProps/app.xml", app.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/styles.xml", &styles),
        ("word/settings.xml", settings.as_bytes()),
        ("word/fontTable.xml", fonts.as_bytes()),
        ("word/theme/theme1.xml", theme.as_bytes()),
        ("word/footer1.xml", &footer_odd),
        ("word/footer2.xml", &footer_even),
    ];
    package::pack(out, &files)?;
    Ok(diags)
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

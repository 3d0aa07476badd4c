//! DOCX bytes (or any `Read + Seek`) in, a [`Document`] tree out, with every repair and skipped
//! part reported as a [`crate::Diagnostic`].
//!
//! The reader is a namespace-aware pull parser over the parts it needs (quick-xml's reader with
//! its `NamespaceResolver`, the resolver `NsReader` uses, fed only by the elements that declare
//! namespaces, which keeps the per-element cost low):
//! the main document (found through `_rels/.rels`), its styles, numbering, headers, footers,
//! notes and comments (found through the main part's relationships) and the core properties.
//! Elements are matched by namespace URI and local name, never by prefix.
//!
//! # Support matrix
//!
//! Package and XML
//! - [x] main part through the `officeDocument` relationship (any name, relative or absolute
//!   target), related parts through the part's own relationships
//! - [x] Transitional and Strict namespaces and relationship types, any prefix (`ns0:`)
//! - [x] UTF-8 BOM, UTF-16 parts, comments, processing instructions
//! - [x] DTDs never expanded or fetched; unknown entity references dropped with a diagnostic
//! - [x] limits enforced while inflating: part size, total size, entry count, compression
//!   ratio, element depth ([`crate::Error::LimitExceeded`])
//! - [x] damaged or unparsable optional parts (styles, numbering, headers, notes, core
//!   properties): diagnostic, reading goes on
//! - [x] clear errors: OLE (legacy `.doc` / encrypted), corrupt zip, other OOXML types, other
//!   files renamed to `.docx`, malformed main part
//! - [ ] flat OPC / Word 2003 XML (reported as `NotDocx`)
//!
//! Paragraphs
//! - [x] style id, outline level (direct or through `basedOn`, cycle-safe), alignment,
//!   indentation (twips, Strict units, `*Chars`), alignment and indentation inherited through
//!   the style chain (direct formatting wins, attribute by attribute; an undefined style is the
//!   default paragraph style)
//! - [x] text, tabs, `ptab`, line breaks and `cr`, page and column breaks, `sym` (symbol fonts
//!   dropped), `noBreakHyphen`, `softHyphen`, full-width spaces kept
//! - [x] footnote, endnote and comment references; pictures (`drawing`, `pict`, `object`)
//! - [x] automatic numbering labels (formats, `start`, overrides, restarts, style numbering,
//!   `numStyleLink`, suffixes), also in table cells
//! - [ ] properties of the document defaults (`w:docDefaults`) and of table styles
//! - [x] Word 2010 custom number formats (`w:numFmt w:val="custom" w:format="001, 002, …"`:
//!   zero-padded decimals and the built-in formats by their first item; others fall back to
//!   the plain format with `docx.numbering.custom_format`)
//!
//! Wrappers and revisions
//! - [x] `sdt` (block, row, cell, run; content, not placeholder), `customXml`, `smartTag`,
//!   `hyperlink`, `fldSimple`, `dir`, `bdo` read through at every level
//! - [x] complex fields: results kept, instructions dropped, nesting, unterminated fields
//!   stopped at the paragraph end
//! - [x] tracked changes: insertions and moves-to kept, deletions and moves-from dropped,
//!   deleted rows left out
//! - [x] `mc:AlternateContent`: exactly one branch
//! - [ ] wrapper and revision marks are not kept in the tree (their content is)
//!
//! Tables
//! - [x] grid, `gridSpan` (clamped), merged cells (`vMerge` → row spans), `gridBefore`,
//!   header rows, several paragraphs and line breaks per cell, nested tables
//! - [x] bookmarks between rows, after the last row, between cells, inside cells
//! - [x] legacy horizontal merges (`hMerge`) → column spans
//!
//! Bookmarks, stories, properties
//! - [x] bookmarks paired by id wherever they sit; unmatched starts and ends reported
//! - [x] headers, footers, footnotes, endnotes, comments, text boxes kept as stories
//! - [x] `docProps/core.xml` title, creator, created, modified

mod body;
mod numbering;
mod package;
mod paragraph;
mod stories;
mod styles;
mod table;
mod xml;

#[doc(hidden)]
pub use package::without_one_call_inflate;
#[doc(hidden)]
pub use xml::without_plain_runs;

use std::io::{Cursor, Read, Seek};

use crate::diagnostic::{Diagnostic, Location};
use crate::document::{Document, SourceFormat};
use crate::error::{Error, Result};

use body::Ctx;
use numbering::Numbering;
use package::{Package, PartError, Rel};
use styles::Styles;
use xml::{decode_part, Ev, Ns, Xml};

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
    /// Deepest XML element nesting among the elements the reader descends into. Default: 256.
    /// Subtrees the reader does not interpret (run properties, drawings' geometry and the
    /// like) are passed over by a byte scan for their end tag, without a nesting stack.
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
///
/// A part whose declared size is within the limits is inflated in one call (libdeflate) and
/// kept only when it is exactly that size; any other part, and any damage, goes through a
/// streaming inflater that enforces the limits as it goes (never more than one byte past a
/// limit). A thread keeps both inflaters and the part buffers of the document it read last for
/// the next one (at most two buffers of up to 4 MiB each and the compressed bytes of one part),
/// so that reading many documents one after another allocates them once; what a document reads
/// to does not depend on what the thread read before.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Document> {
    read_from(Cursor::new(bytes), opts)
}

/// Reads a DOCX from any `Read + Seek`.
pub fn read_from<R: Read + Seek>(reader: R, opts: &ReadOptions) -> Result<Document> {
    let mut pkg = Package::open(reader, opts)?;
    let mut diags: Vec<Diagnostic> = std::mem::take(&mut pkg.duplicates)
        .into_iter()
        .map(|d| Diagnostic::warning("docx.package.duplicate_entry", d))
        .collect();
    let root_rels = match pkg.rels("") {
        Ok(r) => r,
        Err(e @ Error::LimitExceeded { .. }) => return Err(e),
        Err(e) => {
            diags.push(
                Diagnostic::warning(
                    "docx.part.unreadable",
                    format!("package relationships skipped: {e}"),
                )
                .at(Location::part("_rels/.rels")),
            );
            Vec::new()
        }
    };
    let main = main_part(&pkg, &root_rels, &mut diags)?;
    let rels = match pkg.rels(&main) {
        Ok(r) => r,
        Err(e @ Error::LimitExceeded { .. }) => return Err(e),
        Err(e) => {
            diags.push(
                Diagnostic::warning(
                    "docx.part.unreadable",
                    format!("relationships of {main} skipped: {e}"),
                )
                .at(Location::part(package::rels_name(&main))),
            );
            Vec::new()
        }
    };
    let related = |kind: &str| {
        rels.iter()
            .find(|r| r.kind == kind && !r.external)
            .map(|r| r.target.clone())
    };
    let styles = match related("styles") {
        Some(p) => stories::optional(&mut pkg, &p, opts, &mut diags, Styles::parse)?,
        None => None,
    }
    .unwrap_or_default();
    let numbering = match related("numbering") {
        Some(p) => stories::optional(&mut pkg, &p, opts, &mut diags, Numbering::parse)?,
        None => None,
    }
    .unwrap_or_default();

    let bytes = match pkg.part(&main) {
        Ok(b) => b,
        Err(PartError::Missing) => {
            return Err(Error::NotWordDocument {
                detail: format!("the main document part {main} is missing"),
            })
        }
        Err(PartError::Fatal(e) | PartError::Damaged(e)) => return Err(e),
    };
    let mut ctx = Ctx::new(styles, numbering);
    ctx.diags = diags;
    let text = decode_part(&bytes);
    let mut x = Xml::new(&text, &main, opts.max_depth);
    let mut doc = Document::new(SourceFormat::Docx);
    doc.source.detail = Some(main.clone());
    ctx.begin_part(true);
    main_document(&mut x, &mut ctx, &mut doc)?;
    ctx.end_part(&mut x);
    drop(x);
    drop(text);
    pkg.give_back(bytes);
    doc.stories = stories::read_stories(&mut pkg, &rels, &mut ctx, opts)?;
    doc.bookmarks = std::mem::take(&mut ctx.bookmarks);
    if let Some(core) = root_rels
        .iter()
        .find(|r| r.kind == "core-properties" && !r.external)
    {
        let core = core.target.clone();
        let mut d = Vec::new();
        if let Some(p) = stories::optional(&mut pkg, &core, opts, &mut d, stories::core_properties)?
        {
            doc.properties = p;
        }
        ctx.diags.append(&mut d);
    }
    doc.diagnostics = ctx.diags;
    Ok(doc)
}

/// Finds the main document part, or says what the package is instead.
fn main_part<R: Read + Seek>(
    pkg: &Package<R>,
    root_rels: &[Rel],
    diags: &mut Vec<Diagnostic>,
) -> Result<String> {
    let office = root_rels
        .iter()
        .find(|r| r.kind == "officeDocument" && !r.external)
        .map(|r| r.target.clone());
    let not_word = |d: String| Error::NotWordDocument { detail: d };
    match office {
        Some(t) if t.starts_with("xl/") || t.starts_with("ppt/") || t.starts_with("visio/") => {
            Err(not_word(pkg.other_kind().unwrap_or_else(|| {
                format!("an OOXML package whose main part is {t}")
            })))
        }
        Some(t) if pkg.has(&t) => Ok(t),
        other => {
            if pkg.has("word/document.xml") {
                diags.push(
                    Diagnostic::warning(
                        "docx.package.main_by_name",
                        "no usable officeDocument relationship; word/document.xml was read",
                    )
                    .at(Location::part("_rels/.rels")),
                );
                return Ok("word/document.xml".to_string());
            }
            if let Some(k) = pkg.other_kind() {
                return Err(not_word(k));
            }
            Err(not_word(match other {
                Some(t) => format!("the main document part {t} is missing"),
                None => format!(
                    "a zip archive without a main document part (holds {})",
                    pkg.part_names()
                        .into_iter()
                        .take(5)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }))
        }
    }
}

/// Reads the main part: every `w:body` under `w:document`.
fn main_document(x: &mut Xml<'_>, ctx: &mut Ctx, doc: &mut Document) -> Result<()> {
    let mut bodies = 0;
    let mut root_seen = false;
    loop {
        match x.next()? {
            Ev::Eof => break,
            Ev::Start(el) | Ev::Empty(el) if !root_seen => {
                root_seen = true;
                if !el.is(Ns::W, b"document") {
                    return Err(Error::NotWordDocument {
                        detail: format!(
                            "the main part's root element is {:?}, not w:document",
                            String::from_utf8_lossy(el.local())
                        ),
                    });
                }
            }
            Ev::Start(el) if el.is(Ns::W, b"body") => {
                bodies += 1;
                if bodies == 2 {
                    ctx.diags.push(
                        Diagnostic::warning(
                            "docx.body.multiple",
                            "the document has more than one w:body; all were read in order",
                        )
                        .at(x.loc()),
                    );
                }
                ctx.blocks(x, &mut doc.body)?;
            }
            Ev::Empty(el) if el.is(Ns::W, b"body") => bodies += 1,
            Ev::Start(el) => {
                let mut sink = Vec::new();
                ctx.block_el(x, el, false, &mut sink)?;
                doc.body.append(&mut sink);
            }
            _ => {}
        }
    }
    if x.depth() > 0 {
        return Err(x.eof());
    }
    if !root_seen {
        return Err(x.error("the main part has no root element"));
    }
    if bodies == 0 {
        ctx.diags.push(
            Diagnostic::warning("docx.body.missing", "the document has no w:body")
                .at(Location::part(x.part())),
        );
    }
    Ok(())
}

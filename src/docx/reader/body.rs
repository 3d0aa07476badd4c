//! WordprocessingML story content in, [`Block`]s out: the block loop (paragraphs, tables,
//! bookmarks between blocks, section properties), the wrappers read through at every level
//! (`sdt`, `customXml`, `smartTag`, `ins`/`moveTo`, `hyperlink`, `fldSimple`, `dir`/`bdo`,
//! `mc:AlternateContent`), and the bookmark pairing shared by every level.

use std::collections::HashMap;

use super::numbering::Numbering;
use super::styles::Styles;
use super::xml::{El, Ev, Ns, Xml};
use crate::diagnostic::Diagnostic;
use crate::document::{Block, Bookmark, Inline, Mark, MarkKind, NoteKind};
use crate::error::{Error, Limit, Result};

/// A reference to text kept apart from the body, in document order.
pub(crate) enum StoryRef {
    /// A footnote, endnote or comment reference.
    Note(NoteKind, String),
    /// A header (relationship id).
    Header(String),
    /// A footer (relationship id).
    Footer(String),
    /// Text-box content, already read.
    TextBox(Vec<Block>),
}

/// Reading state shared by every part of one document.
pub(crate) struct Ctx {
    /// Paragraph styles.
    pub styles: Styles,
    /// Numbering definitions and counters.
    pub numbering: Numbering,
    /// Findings.
    pub diags: Vec<Diagnostic>,
    /// Main-document bookmarks, once per name.
    pub bookmarks: Vec<Bookmark>,
    bookmark_index: HashMap<String, usize>,
    /// True while reading the main document part.
    pub main: bool,
    /// Open bookmarks of the current part: id → (order, name).
    open: HashMap<String, (usize, String)>,
    seq: usize,
    /// Complex-field stack: true while in the instruction part.
    pub fields: Vec<bool>,
    /// Story references in document order.
    pub refs: Vec<StoryRef>,
    /// Open `mc:AlternateContent` elements: (depth, a branch was taken).
    ac: Vec<(usize, bool)>,
    /// Tables and text boxes being read inside one another.
    nesting: usize,
    /// The text buffer paragraphs reuse (see `paragraph.rs`).
    pub text_buf: String,
    /// The inline buffer paragraphs reuse: a paragraph's inlines are gathered here and moved
    /// into an exact-size list at its end.
    pub inline_buf: Vec<Inline>,
    /// The block buffer table cells reuse, the same way.
    pub block_buf: Vec<Block>,
}

/// The items of a reused buffer moved into a list of exactly their number (the buffer keeps its
/// capacity for the next user): a tree of many short lists takes no more memory than it holds.
pub(crate) fn exact<T>(buf: &mut Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(buf.len());
    out.append(buf);
    out
}

/// Deepest nesting of tables and text boxes inside one another (each level recurses; the
/// corpus never goes beyond 4).
pub(crate) const MAX_NESTING: usize = 32;

/// Deepest complex-field nesting followed.
const MAX_FIELDS: usize = 64;

/// What a wrapper element means for the loop that met it.
#[derive(PartialEq, Eq)]
pub(crate) enum Wrap {
    /// Not a wrapper: the caller handles it.
    No,
    /// Read its children as if they were the caller's.
    Through,
    /// Already skipped.
    Skipped,
}

impl Ctx {
    /// A context for a document.
    pub fn new(styles: Styles, numbering: Numbering) -> Self {
        Ctx {
            styles,
            numbering,
            diags: Vec::new(),
            bookmarks: Vec::new(),
            bookmark_index: HashMap::new(),
            main: false,
            open: HashMap::new(),
            seq: 0,
            fields: Vec::new(),
            refs: Vec::new(),
            ac: Vec::new(),
            nesting: 0,
            text_buf: String::new(),
            inline_buf: Vec::new(),
            block_buf: Vec::new(),
        }
    }

    /// Starts a part: bookmarks pair and fields nest within one part.
    pub fn begin_part(&mut self, main: bool) {
        self.main = main;
        self.open.clear();
        self.fields.clear();
        self.ac.clear();
        self.nesting = 0;
    }

    /// Ends a part: reports bookmarks left open and fields left unterminated.
    pub fn end_part(&mut self, x: &mut Xml<'_>) {
        let mut left: Vec<(usize, String, String)> = self
            .open
            .drain()
            .map(|(id, (seq, name))| (seq, id, name))
            .collect();
        left.sort();
        for (_, id, name) in left {
            self.diags.push(
                Diagnostic::warning(
                    "docx.bookmark.unmatched_start",
                    format!("bookmark {name:?} (id {id}) has no end"),
                )
                .at(x.loc()),
            );
        }
        if !self.fields.is_empty() {
            self.diags.push(
                Diagnostic::warning(
                    "docx.field.unterminated",
                    format!("{} field(s) have no end", self.fields.len()),
                )
                .at(x.loc()),
            );
            self.fields.clear();
        }
        self.diags.append(&mut x.diags);
    }

    /// Reads block content until the element just opened closes.
    pub fn blocks(&mut self, x: &mut Xml<'_>, out: &mut Vec<Block>) -> Result<()> {
        let base = x.depth();
        loop {
            if let Some(p) = self.plain_paragraph(x) {
                out.push(Block::Paragraph(p));
                continue;
            }
            match x.next()? {
                Ev::Eof => return Err(x.eof()),
                Ev::End if x.depth() < base => return Ok(()),
                Ev::Start(el) => self.block_el(x, el, false, out)?,
                Ev::Empty(el) => self.block_el(x, el, true, out)?,
                _ => {}
            }
        }
    }

    /// Handles one element met at block level.
    pub fn block_el(
        &mut self,
        x: &mut Xml<'_>,
        el: El<'_>,
        empty: bool,
        out: &mut Vec<Block>,
    ) -> Result<()> {
        if self.wrapper(x, &el, empty)? != Wrap::No {
            return Ok(());
        }
        if el.ns == Ns::W {
            match el.local() {
                b"p" => {
                    let p = if empty {
                        self.empty_paragraph()
                    } else {
                        self.paragraph(x)?
                    };
                    out.push(Block::Paragraph(p));
                }
                b"tbl" if !empty => {
                    let t = self.table(x)?;
                    out.push(Block::Table(t));
                }
                b"bookmarkStart" => {
                    if let Some(m) = self.bookmark_start(x, &el) {
                        out.push(Block::Mark(m));
                    }
                }
                b"bookmarkEnd" => {
                    if let Some(m) = self.bookmark_end(x, &el) {
                        out.push(Block::Mark(m));
                    }
                }
                b"sectPr" if !empty => self.sect_pr(x)?,
                b"r" if !empty => {
                    self.diags.push(
                        Diagnostic::warning(
                            "docx.body.stray_run",
                            "a run outside any paragraph was read as a paragraph of its own",
                        )
                        .at(x.loc()),
                    );
                    let p = self.paragraph(x)?;
                    out.push(Block::Paragraph(p));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The wrappers every level reads through or skips. Returns what was done.
    pub fn wrapper(&mut self, x: &mut Xml<'_>, el: &El<'_>, empty: bool) -> Result<Wrap> {
        let skip = |x: &mut Xml<'_>| -> Result<Wrap> {
            if !empty {
                x.skip_el(el)?;
            }
            Ok(Wrap::Skipped)
        };
        match el.ns {
            Ns::Mc => match el.local() {
                b"AlternateContent" => {
                    if !empty {
                        self.ac.push((x.depth(), false));
                    }
                    Ok(Wrap::Through)
                }
                b"Choice" | b"Fallback" => {
                    let parent = if empty { x.depth() } else { x.depth() - 1 };
                    while self.ac.last().is_some_and(|f| f.0 > parent) {
                        self.ac.pop();
                    }
                    let take = match self.ac.last_mut() {
                        Some(f) if f.0 == parent => {
                            let ok = !f.1 && (el.local() == b"Fallback" || requires_ok(x, el));
                            if ok {
                                f.1 = true;
                            }
                            ok
                        }
                        _ => el.local() == b"Fallback" || requires_ok(x, el),
                    };
                    if take {
                        Ok(Wrap::Through)
                    } else {
                        skip(x)
                    }
                }
                _ => skip(x),
            },
            Ns::W => match el.local() {
                b"sdt" | b"sdtContent" | b"customXml" | b"smartTag" | b"ins" | b"moveTo"
                | b"hyperlink" | b"fldSimple" | b"dir" | b"bdo" => Ok(Wrap::Through),
                b"sdtPr" | b"sdtEndPr" | b"customXmlPr" | b"smartTagPr" | b"del" | b"moveFrom"
                | b"rPr" | b"instrText" | b"delText" | b"delInstrText" | b"fldData" | b"ffData"
                | b"tblPrEx" | b"pPrChange" | b"rPrChange" | b"background" => skip(x),
                _ => Ok(Wrap::No),
            },
            _ => Ok(Wrap::No),
        }
    }

    /// `w:bookmarkStart`: a start mark; listed in [`Ctx::bookmarks`] in the main part.
    pub fn bookmark_start(&mut self, x: &Xml<'_>, el: &El<'_>) -> Option<Mark> {
        let name = x.w(el, b"name").map(|v| v.into_owned()).unwrap_or_default();
        if let Some(id) = x.w(el, b"id") {
            self.seq += 1;
            self.open.insert(id.into_owned(), (self.seq, name.clone()));
        }
        if self.main && !self.bookmark_index.contains_key(&name) {
            self.bookmark_index
                .insert(name.clone(), self.bookmarks.len());
            self.bookmarks.push(Bookmark::new(name.clone(), false));
        }
        Some(Mark {
            kind: MarkKind::Start,
            name,
        })
    }

    /// `w:bookmarkEnd`: an end mark paired by id; none (and a diagnostic) without a start.
    pub fn bookmark_end(&mut self, x: &Xml<'_>, el: &El<'_>) -> Option<Mark> {
        let id = x.w(el, b"id").map(|v| v.into_owned()).unwrap_or_default();
        match self.open.remove(&id) {
            Some((_, name)) => {
                if self.main {
                    if let Some(&i) = self.bookmark_index.get(&name) {
                        self.bookmarks[i].closed = true;
                    }
                }
                Some(Mark {
                    kind: MarkKind::End,
                    name,
                })
            }
            None => {
                self.diags.push(
                    Diagnostic::warning(
                        "docx.bookmark.unmatched_end",
                        format!("bookmark end with id {id} has no start"),
                    )
                    .at(x.loc()),
                );
                None
            }
        }
    }

    /// `w:sectPr`: records header and footer references.
    pub fn sect_pr(&mut self, x: &mut Xml<'_>) -> Result<()> {
        let base = x.depth();
        loop {
            match x.next()? {
                Ev::Eof => return Err(x.eof()),
                Ev::End if x.depth() < base => return Ok(()),
                Ev::Start(el) | Ev::Empty(el) if el.ns == Ns::W => {
                    let header = el.local() == b"headerReference";
                    if header || el.local() == b"footerReference" {
                        if let Some(id) = x.attr(&el, Ns::R, b"id") {
                            let id = id.into_owned();
                            self.refs.push(if header {
                                StoryRef::Header(id)
                            } else {
                                StoryRef::Footer(id)
                            });
                        }
                    } else if el.local() == b"sectPrChange" {
                        x.skip_el(&el)?;
                    }
                }
                _ => {}
            }
        }
    }

    /// Enters a nested table or text box; [`Limit::Depth`] beyond [`MAX_NESTING`].
    pub fn enter(&mut self, x: &Xml<'_>) -> Result<()> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(Error::LimitExceeded {
                limit: Limit::Depth,
                part: Some(x.part().to_string()),
                value: self.nesting as u64,
                max: MAX_NESTING as u64,
            });
        }
        Ok(())
    }

    /// Leaves a nested table or text box.
    pub fn leave(&mut self) {
        self.nesting = self.nesting.saturating_sub(1);
    }

    /// A complex-field character.
    pub fn field_char(&mut self, kind: Option<&str>, x: &Xml<'_>) {
        match kind {
            Some("begin") => {
                if self.fields.len() < MAX_FIELDS {
                    self.fields.push(true);
                } else {
                    self.diags.push(
                        Diagnostic::warning("docx.field.too_deep", "fields nested too deeply")
                            .at(x.loc()),
                    );
                }
            }
            Some("separate") => {
                if let Some(f) = self.fields.last_mut() {
                    *f = false;
                }
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    /// True while the innermost field is in its instruction part (its text is code).
    pub fn in_instruction(&self) -> bool {
        self.fields.iter().any(|&f| f)
    }
}

/// True when every prefix of `mc:Choice/@Requires` names a namespace this reader reads.
fn requires_ok(x: &Xml<'_>, el: &El<'_>) -> bool {
    let Some(req) = x.attr(el, Ns::None, b"Requires") else {
        return false;
    };
    req.split_whitespace()
        .all(|p| x.prefix_uri(p).is_some_and(|u| super::xml::understood(&u)))
}

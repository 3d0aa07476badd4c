//! [`Document`] → plain-text dump in the Apache Tika layout (the `xxgk text` view), the inverse of
//! [`crate::txt::read`].
//!
//! | tree                                   | dump                                                   |
//! |----------------------------------------|--------------------------------------------------------|
//! | paragraph                              | one line: numbering label + suffix (not for bullets), then its inlines |
//! | `Text`, `Tab`                          | the text, a TAB                                        |
//! | `Break(Line)`                          | a new line (in a cell: the cell's next line, no TAB)   |
//! | `Break(Page)`, `Break(Column)`, bookmark ends, comment references | nothing                   |
//! | bookmark start (inline, between blocks, before a row, after a table's last row) | `[bookmark: NAME]` where the next text starts |
//! | `NoteRef` footnote / endnote           | `[footnoteRef:N]` / `[endnoteRef:N]`; the note's text follows as a line ` [N: …]` after the line holding the reference |
//! | `Image(Some(NAME))`, `Image(None)`     | `[image: NAME]`, `[image]`                             |
//! | table                                  | each cell a line led by TAB, its further lines (paragraphs, line breaks) without TAB, a blank line after each row, one more after the table |
//! | nested table                           | its cells' lines as further lines of the enclosing cell |
//! | headers, footers, comments, text boxes | not shown                                              |
//!
//! Lines are never allowed to change the structure when read back: a line that is not a cell's
//! first line loses its leading TABs, and a cell's further lines that would be blank are left
//! out.
//!
//! # Which documents come back unchanged
//!
//! `txt::read(&to_text(doc))` gives back `doc` exactly (source `Text`/`UTF-8` aside) when all of
//! these hold; `tests/txt_roundtrip.rs` generates such documents:
//!
//! - **Document**: no properties, no diagnostics; `bookmarks` lists each bookmark start once, in
//!   order, not closed; `stories` are exactly the footnotes / endnotes referenced in the body, in
//!   order of reference.
//! - **Body**: paragraphs and tables only (no `Block::Mark`).
//! - **Paragraph**: no style, outline level, alignment, indentation or numbering; inlines are
//!   `Text`, `Tab`, `Mark(Start)`, footnote/endnote `NoteRef` and `Image(Some)` / `Image(None)`;
//!   adjacent texts merged, no empty text; text holds no TAB, CR, LF or `[`.
//! - **Body paragraph**: no line break; the first inline is not a `Tab`.
//! - **Names**: bookmark and image names 1–256 bytes without `[`, `]` or control characters; note
//!   ids 1–32 ASCII letters, digits, `_` or `-`, each referenced once.
//! - **Table**: at least one row, no grid, style, row marks or trailing marks; rows have at least
//!   one cell and no header flag; cells sit at columns 0, 1, 2… with span 1 and no merge, and
//!   hold exactly one paragraph, whose lines after a line break are neither empty, nor only
//!   spaces, nor start with a `Tab`.
//! - **Note**: one paragraph of `Text` (and `Tab`) without line breaks.

use std::collections::HashMap;

use super::{
    Block, BreakKind, Cell, Document, Inline, MarkKind, NoteKind, Paragraph, StoryKind, Table,
};
use crate::document::Mark;

/// Renders the document as a Tika-style text dump.
///
/// ```
/// use xxgk::document::dump::to_text;
///
/// let dump = "标题\n\t[bookmark: _Hlk1]指标\n（注）\n\t条\n\n\n";
/// let doc = xxgk::txt::read(dump.as_bytes(), &Default::default()).unwrap();
/// assert_eq!(to_text(&doc), dump);
/// ```
pub fn to_text(doc: &Document) -> String {
    let notes: HashMap<(bool, &str), &[Block]> = doc
        .stories
        .iter()
        .filter_map(|s| {
            let endnote = match s.kind {
                StoryKind::Footnote => false,
                StoryKind::Endnote => true,
                _ => return None,
            };
            Some(((endnote, s.id.as_deref()?), s.blocks.as_slice()))
        })
        .collect();
    let mut w = Writer {
        out: String::new(),
        pending: String::new(),
        notes,
    };
    for b in &doc.body {
        w.body_block(b);
    }
    if !w.pending.is_empty() {
        let marks = std::mem::take(&mut w.pending);
        w.out.push_str(&marks);
        w.out.push('\n');
    }
    w.out
}

/// Where a line goes.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// A body line.
    Body,
    /// The first line of a cell (led by TAB).
    CellStart,
    /// A further line of a cell.
    CellMore,
}

struct Writer<'d> {
    out: String,
    /// Bookmark markers waiting for the next line.
    pending: String,
    /// Note stories by (is endnote, id).
    notes: HashMap<(bool, &'d str), &'d [Block]>,
}

impl<'d> Writer<'d> {
    fn body_block(&mut self, b: &Block) {
        match b {
            Block::Paragraph(p) => self.paragraph(p, Place::Body),
            Block::Table(t) => {
                self.table(t);
                self.out.push('\n');
            }
            Block::Mark(m) => self.mark(m),
        }
    }

    fn mark(&mut self, m: &Mark) {
        if m.kind == MarkKind::Start {
            self.pending.push_str("[bookmark: ");
            self.pending.push_str(&m.name);
            self.pending.push(']');
        }
    }

    fn table(&mut self, t: &Table) {
        for r in &t.rows {
            for m in &r.marks {
                self.mark(m);
            }
            for c in &r.cells {
                self.cell(c);
            }
            self.out.push('\n');
        }
        for m in &t.trailing_marks {
            self.mark(m);
        }
    }

    fn cell(&mut self, c: &Cell) {
        let mut place = Place::CellStart;
        self.cell_blocks(&c.blocks, &mut place);
        if place == Place::CellStart {
            self.line(String::new(), Place::CellStart);
        }
    }

    /// A cell's blocks: the first line starts the cell, the rest continue it; nested tables are
    /// flattened into further lines.
    fn cell_blocks(&mut self, blocks: &[Block], place: &mut Place) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => {
                    self.paragraph(p, *place);
                    *place = Place::CellMore;
                }
                Block::Mark(m) => self.mark(m),
                Block::Table(t) => {
                    for r in &t.rows {
                        for m in &r.marks {
                            self.mark(m);
                        }
                        for c in &r.cells {
                            self.cell_blocks(&c.blocks, place);
                        }
                    }
                    for m in &t.trailing_marks {
                        self.mark(m);
                    }
                }
            }
        }
    }

    /// One paragraph: one line per line break; then the text lines of the notes it references.
    fn paragraph(&mut self, p: &Paragraph, first: Place) {
        let more = if first == Place::Body {
            Place::Body
        } else {
            Place::CellMore
        };
        let mut line = String::new();
        let mut place = first;
        let mut refs: Vec<(NoteKind, &str)> = Vec::new();
        if let Some(n) = p.numbering.as_ref().filter(|n| !n.bullet) {
            line.push_str(&n.label);
            line.push_str(&n.suffix);
        }
        for i in &p.inlines {
            match i {
                Inline::Text(t) => push_text(&mut line, t, &mut |l| {
                    self.line(l, place);
                    place = more;
                }),
                Inline::Tab => line.push('\t'),
                Inline::Break(BreakKind::Line) => {
                    self.line(std::mem::take(&mut line), place);
                    place = more;
                }
                Inline::Break(_) => {}
                Inline::Mark(m) => {
                    if m.kind == MarkKind::Start {
                        line.push_str("[bookmark: ");
                        line.push_str(&m.name);
                        line.push(']');
                    }
                }
                Inline::NoteRef { kind, id } => {
                    let tag = match kind {
                        NoteKind::Footnote => "footnoteRef",
                        NoteKind::Endnote => "endnoteRef",
                        NoteKind::Comment => continue,
                    };
                    line.push('[');
                    line.push_str(tag);
                    line.push(':');
                    line.push_str(id);
                    line.push(']');
                    refs.push((*kind, id));
                }
                Inline::Image(name) => match name {
                    Some(n) => {
                        line.push_str("[image: ");
                        line.push_str(n);
                        line.push(']');
                    }
                    None => line.push_str("[image]"),
                },
            }
        }
        self.line(line, place);
        for (kind, id) in refs {
            if let Some(blocks) = self.notes.get(&(kind == NoteKind::Endnote, id)).copied() {
                let text = note_text(blocks);
                self.out.push_str(&format!(" [{id}: {text}]\n"));
            }
        }
    }

    /// Writes one line with the pending bookmark markers in front, so that reading it back keeps
    /// its place in the structure.
    fn line(&mut self, mut line: String, place: Place) {
        if place != Place::CellStart {
            let kept = line.trim_start_matches('\t').len();
            line.drain(..line.len() - kept);
        }
        let marks = std::mem::take(&mut self.pending);
        if place == Place::CellMore && marks.is_empty() && line.bytes().all(|b| b == b' ') {
            return;
        }
        if place == Place::CellStart {
            self.out.push('\t');
        }
        self.out.push_str(&marks);
        self.out.push_str(&line);
        self.out.push('\n');
    }
}

/// Adds `t` to the current line; each CR, LF or CRLF in it ends the line (given to `end`).
fn push_text(line: &mut String, t: &str, end: &mut dyn FnMut(String)) {
    let mut parts = crate::txt::layout::lines(t).peekable();
    while let Some(part) = parts.next() {
        line.push_str(part);
        if parts.peek().is_some() || t.ends_with(['\n', '\r']) {
            end(std::mem::take(line));
        }
    }
}

/// A note's text on one line: its paragraphs' texts joined by a space, line ends as spaces.
fn note_text(blocks: &[Block]) -> String {
    super::blocks_text(blocks).replace(['\r', '\n'], " ")
}

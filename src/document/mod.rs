//! What the page says: the format-neutral document tree that both readers produce
//! ([`crate::docx::read`] from a DOCX, [`crate::txt::read`] from a legacy text dump) and the
//! recognizer consumes.
//!
//! No OOXML is left in it: paragraphs with their inline content, bookmarks as start/end marks
//! wherever they sat (inside a paragraph, between blocks, between table rows), tables as grids with
//! explicit row and column spans, nested tables, and the text that is not body text (headers,
//! footers, notes, comments, text boxes) kept apart in [`Document::stories`].

pub mod dump;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;

/// A whole document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Where the tree came from.
    pub source: Source,
    /// Body content in document order.
    pub body: Vec<Block>,
    /// Text that is not body text: headers, footers, footnotes, endnotes, comments, text boxes,
    /// in document order of their reference (parts without reference: in part order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<Story>,
    /// Every bookmark of the body, once per name, in document order of its first start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bookmarks: Vec<Bookmark>,
    /// Document properties (title, creator…) when the source has them.
    #[serde(default, skip_serializing_if = "Properties::is_empty")]
    pub properties: Properties,
    /// What the reader noticed (repairs, unmatched bookmarks, damaged optional parts…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

/// Where a document came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The kind of input.
    pub format: SourceFormat,
    /// Main part name (DOCX) or detected / forced encoding (text dump), e.g. `word/document.xml`,
    /// `UTF-8`, `GB18030`, `UTF-16LE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// The kind of input a [`Document`] was read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Built in memory.
    #[default]
    Memory,
    /// A WordprocessingML package.
    Docx,
    /// A plain-text dump (Apache Tika convention).
    Text,
}

/// Core document properties.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Properties {
    /// `dc:title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `dc:creator`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// `dcterms:created` as written (W3CDTF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// `dcterms:modified` as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
}

impl Properties {
    /// True when no property is set.
    pub fn is_empty(&self) -> bool {
        *self == Properties::default()
    }
}

/// A block-level element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph.
    Paragraph(Paragraph),
    /// A table.
    Table(Table),
    /// A bookmark start or end between blocks (e.g. around a table).
    Mark(Mark),
}

/// A bookmark boundary at some position in the tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// Start or end.
    pub kind: MarkKind,
    /// The bookmark's name (ends are paired to starts by the reader, so they carry the name too).
    pub name: String,
}

/// Which boundary a [`Mark`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    /// Where the bookmark starts.
    Start,
    /// Where it ends.
    End,
}

/// A bookmark of the body, summarised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Name as written.
    pub name: String,
    /// Word's hidden bookmarks: names starting with `_` (`_GoBack`, `_Hlk…`, `_Toc…`).
    pub hidden: bool,
    /// False when no end was found (a text dump only records starts).
    pub closed: bool,
}

impl Bookmark {
    /// Summary for a bookmark name; `closed` as given.
    pub fn new(name: impl Into<String>, closed: bool) -> Self {
        let name = name.into();
        Bookmark {
            hidden: name.starts_with('_'),
            name,
            closed,
        }
    }
}

/// Paragraph alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Alignment {
    /// Start / left.
    Left,
    /// Centred.
    Center,
    /// End / right.
    Right,
    /// Justified (both).
    Justify,
    /// Distributed.
    Distribute,
}

/// Paragraph indentation in twentieths of a point (twips); `*_chars` in hundredths of a character
/// as Word's `w:firstLineChars` etc. store them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indent {
    /// Start (left) indent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<i32>,
    /// End (right) indent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<i32>,
    /// First-line indent (positive) or hanging indent (negative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_line: Option<i32>,
    /// First-line indent in hundredths of a character (negative = hanging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_line_chars: Option<i32>,
    /// Start indent in hundredths of a character.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_chars: Option<i32>,
}

impl Indent {
    /// True when nothing is set.
    pub fn is_empty(&self) -> bool {
        *self == Indent::default()
    }

    /// Each field of `self`, or of `under` where `self` leaves it unset (direct formatting over
    /// a style's, a style over its base style's).
    pub fn or(self, under: Indent) -> Indent {
        Indent {
            left: self.left.or(under.left),
            right: self.right.or(under.right),
            first_line: self.first_line.or(under.first_line),
            first_line_chars: self.first_line_chars.or(under.first_line_chars),
            left_chars: self.left_chars.or(under.left_chars),
        }
    }
}

/// The label Word's automatic numbering displays before a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListLabel {
    /// `w:numId`.
    pub num_id: u32,
    /// `w:ilvl` (0-based).
    pub level: u8,
    /// The label as displayed, e.g. `一、`, `（二）`, `3.`; empty for a bullet.
    pub label: String,
    /// What follows the label: `"\t"` (default), `" "` or `""`.
    pub suffix: String,
    /// True for a bullet level (its glyph is not text).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bullet: bool,
}

/// A paragraph.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Paragraph style id (`w:pStyle`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
    /// Outline level 0–8 (0 = Heading 1), direct or through the style's `basedOn` chain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outline_level: Option<u8>,
    /// Alignment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alignment: Option<Alignment>,
    /// Indentation.
    #[serde(default, skip_serializing_if = "Indent::is_empty")]
    pub indent: Indent,
    /// Automatic-numbering label, if Word numbers this paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<ListLabel>,
    /// Inline content in order.
    pub inlines: Vec<Inline>,
}

/// Kinds of break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BreakKind {
    /// A line break (`w:br`, `w:cr`): a new line inside the paragraph.
    Line,
    /// A page break: no text.
    Page,
    /// A column break: no text.
    Column,
}

/// Kinds of note reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// A footnote.
    Footnote,
    /// An endnote.
    Endnote,
    /// A comment.
    Comment,
}

/// Inline content of a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "lowercase")]
pub enum Inline {
    /// Visible text, exactly as on the page (full-width spaces kept).
    Text(String),
    /// A tab (`w:tab`, `w:ptab`).
    Tab,
    /// A break.
    Break(BreakKind),
    /// A bookmark boundary.
    Mark(Mark),
    /// A footnote / endnote / comment reference (its mark is not text); the id links to the
    /// [`Story`] holding the note.
    NoteRef {
        /// Which kind of note.
        kind: NoteKind,
        /// The note's id as written.
        id: String,
    },
    /// A picture (no text); the name or description if the source gave one.
    Image(Option<String>),
}

/// A table as a grid.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Grid column widths in twips (`w:tblGrid`); may be empty when the source has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grid: Vec<u32>,
    /// Table style id, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
    /// Rows in order.
    pub rows: Vec<Row>,
    /// Bookmark boundaries after the last row (inside the table).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trailing_marks: Vec<Mark>,
}

/// A table row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Cells in order; each says which grid columns it covers.
    pub cells: Vec<Cell>,
    /// A header row repeated on each page (`w:tblHeader`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub header: bool,
    /// Bookmark boundaries just before this row (between rows).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

/// How a cell takes part in a vertical merge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VMerge {
    /// Not merged vertically.
    #[default]
    None,
    /// First cell of a vertical merge; its `row_span` covers the merge.
    Origin,
    /// Covered by the origin above (`w:vMerge` continue); its own content, normally empty, is kept.
    Covered,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// First grid column it covers (0-based, after `gridBefore`).
    pub col: usize,
    /// Number of grid columns (≥ 1).
    pub col_span: usize,
    /// Number of rows (≥ 1; > 1 only on a vertical-merge origin).
    pub row_span: usize,
    /// Vertical merge role.
    #[serde(default, skip_serializing_if = "is_default_vmerge")]
    pub v_merge: VMerge,
    /// Content: paragraphs, nested tables, marks.
    pub blocks: Vec<Block>,
}

fn is_default_vmerge(v: &VMerge) -> bool {
    *v == VMerge::None
}

impl Default for Cell {
    fn default() -> Self {
        Cell {
            col: 0,
            col_span: 1,
            row_span: 1,
            v_merge: VMerge::None,
            blocks: Vec::new(),
        }
    }
}

/// A story that is not body text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// What it is.
    pub kind: StoryKind,
    /// Id (note, comment) or part name (header, footer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its content.
    pub blocks: Vec<Block>,
}

/// Kinds of [`Story`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoryKind {
    /// A page header.
    Header,
    /// A page footer.
    Footer,
    /// A footnote.
    Footnote,
    /// An endnote.
    Endnote,
    /// A comment.
    Comment,
    /// A text box or shape text anchored in the body.
    TextBox,
}

impl Paragraph {
    /// A paragraph holding one text run.
    pub fn from_text(text: impl Into<String>) -> Self {
        Paragraph {
            inlines: vec![Inline::Text(text.into())],
            ..Default::default()
        }
    }

    /// The text a reader sees: the numbering label and its suffix, then the inline text, with
    /// `\t` for tabs and `\n` for line breaks; marks, page breaks, note references and pictures
    /// are no text.
    pub fn text(&self) -> String {
        let mut s = String::new();
        self.write_text(&mut s);
        s
    }

    /// Appends [`Paragraph::text`] to `out`.
    pub fn write_text(&self, out: &mut String) {
        if let Some(n) = &self.numbering {
            if !n.bullet {
                out.push_str(&n.label);
                out.push_str(&n.suffix);
            }
        }
        for i in &self.inlines {
            match i {
                Inline::Text(t) => out.push_str(t),
                Inline::Tab => out.push('\t'),
                Inline::Break(BreakKind::Line) => out.push('\n'),
                _ => {}
            }
        }
    }

    /// Names of bookmarks starting in this paragraph, in order.
    pub fn bookmark_starts(&self) -> impl Iterator<Item = &str> {
        self.inlines.iter().filter_map(|i| match i {
            Inline::Mark(Mark {
                kind: MarkKind::Start,
                name,
            }) => Some(name.as_str()),
            _ => None,
        })
    }
}

impl Cell {
    /// The cell's paragraphs' texts joined with `\n` (nested tables: their cells' texts, row by
    /// row, joined with `\n`).
    pub fn text(&self) -> String {
        blocks_text(&self.blocks)
    }
}

/// Text of a block list: paragraphs joined by `\n`; a nested table contributes its cells' texts.
pub fn blocks_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                p.write_text(&mut out);
            }
            Block::Table(t) => {
                for r in &t.rows {
                    for c in &r.cells {
                        if !out.is_empty() {
                            out.push('\n');
                        }
                        out.push_str(&c.text());
                    }
                }
            }
            Block::Mark(_) => {}
        }
    }
    out
}

impl Table {
    /// Number of grid columns: the `tblGrid` length, or the widest row when larger.
    pub fn columns(&self) -> usize {
        let widest = self
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.col + c.col_span)
                    .max()
                    .unwrap_or(0)
            })
            .max()
            .unwrap_or(0);
        widest.max(self.grid.len())
    }

    /// The cell covering grid position (`row`, `col`), following vertical merges up to their
    /// origin: what a reader sees at that position.
    pub fn cell_at(&self, row: usize, col: usize) -> Option<&Cell> {
        let r = self.rows.get(row)?;
        let c = r
            .cells
            .iter()
            .find(|c| c.col <= col && col < c.col + c.col_span)?;
        if c.v_merge == VMerge::Covered {
            for up in (0..row).rev() {
                if let Some(o) = self.rows[up].cells.iter().find(|o| o.col == c.col) {
                    if o.v_merge == VMerge::Origin && up + o.row_span > row {
                        return Some(o);
                    }
                    if o.v_merge != VMerge::Covered {
                        break;
                    }
                }
            }
        }
        Some(c)
    }
}

impl Document {
    /// An empty document from the given source format.
    pub fn new(format: SourceFormat) -> Self {
        Document {
            source: Source {
                format,
                detail: None,
            },
            ..Default::default()
        }
    }

    /// Visits every paragraph of the body in document order, descending into tables.
    pub fn paragraphs(&self) -> Vec<&Paragraph> {
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Paragraph>) {
            for b in blocks {
                match b {
                    Block::Paragraph(p) => out.push(p),
                    Block::Table(t) => {
                        for r in &t.rows {
                            for c in &r.cells {
                                walk(&c.blocks, out);
                            }
                        }
                    }
                    Block::Mark(_) => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.body, &mut out);
        out
    }
}

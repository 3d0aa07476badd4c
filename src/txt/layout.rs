//! Decoded text of a Tika-style dump → body blocks, footnote stories and bookmarks of a
//! [`Document`].
//!
//! # The dump's grammar
//!
//! Lines end at CR, LF or CRLF (mixed too); a final line end adds no empty line. Each line is
//! read in one of three states:
//!
//! | state     | the line                                 | becomes                                          | next state |
//! |-----------|------------------------------------------|--------------------------------------------------|------------|
//! | body      | starts with TAB                          | a new table, row and cell (text after the TAB)   | row        |
//! | body      | a note text ` [N: …]` of a referenced N  | a footnote / endnote [`Story`]                   | body       |
//! | body      | anything else (also empty)               | a paragraph                                      | body       |
//! | row       | starts with TAB                          | the next cell of the row                         | row        |
//! | row       | empty or only spaces                     | the end of the row                               | between    |
//! | row       | a note text ` [N: …]` of a referenced N  | a note [`Story`]                                 | row        |
//! | row       | anything else                            | a new line in the cell: `Break(Line)` + the line | row        |
//! | between   | starts with TAB                          | a new row and its first cell                     | row        |
//! | between   | empty or only spaces                     | the end of the table (the line is consumed)      | body       |
//! | between   | anything else                            | the end of the table, then as in *body*          | body       |
//!
//! The end of the input ends the row and the table. Each cell holds one paragraph; its continued
//! lines are line breaks in it (as Word's `w:br` in the DOCX samples). Cells take grid columns
//! 0, 1, 2… in order, each spanning one column.
//!
//! In every line these markers are taken out of the text (anything else, also an unknown
//! `[…]`, stays text exactly; a TAB inside a line is [`Inline::Tab`]):
//!
//! | marker              | inline                                  |
//! |---------------------|-----------------------------------------|
//! | `[bookmark: NAME]`  | `Mark(Start NAME)`; NAME listed once in [`Document::bookmarks`], not closed |
//! | `[footnoteRef:N]`   | `NoteRef { Footnote, N }`               |
//! | `[endnoteRef:N]`    | `NoteRef { Endnote, N }`                |
//! | `[image: NAME]`     | `Image(Some(NAME))`                     |
//! | `[image]`           | `Image(None)`                           |
//!
//! A line left empty by removing markers is a paragraph (or cell line) without text.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Diagnostic, Location};
use crate::document::{
    Block, Bookmark, BreakKind, Cell, Document, Inline, Mark, MarkKind, NoteKind, Paragraph, Row,
    Story, StoryKind, Table,
};

/// Longest bookmark, image or note name taken as a marker (longer ones stay text).
const MAX_NAME: usize = 256;

/// Splits text into lines at CR, LF and CRLF; a final line end adds no empty line.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        while pos < bytes.len() && bytes[pos] != b'\n' && bytes[pos] != b'\r' {
            pos += 1;
        }
        let line = &text[start..pos];
        if pos < bytes.len() {
            pos += if bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        }
        Some(line)
    })
}

/// True for a line that ends a row or a table: empty or only ASCII spaces.
fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b == b' ')
}

/// Where the reader is between lines.
enum State {
    Body,
    Row,
    Between,
}

/// Everything being built.
struct Builder<'d> {
    doc: &'d mut Document,
    state: State,
    table: Table,
    row: Row,
    seen: HashSet<String>,
    /// Notes referenced and not yet given their text: id → kind.
    pending_notes: HashMap<String, NoteKind>,
    line_no: usize,
}

/// Lays out decoded dump text into `doc` (body, stories, bookmarks, diagnostics).
pub fn layout(text: &str, doc: &mut Document) {
    let mut b = Builder {
        doc,
        state: State::Body,
        table: Table::default(),
        row: Row::default(),
        seen: HashSet::new(),
        pending_notes: HashMap::new(),
        line_no: 0,
    };
    for line in lines(text) {
        b.line_no += 1;
        b.line(line);
    }
    b.end_table();
}

impl Builder<'_> {
    fn line(&mut self, line: &str) {
        match self.state {
            State::Body => self.body_line(line),
            State::Row => {
                if let Some(cell) = line.strip_prefix('\t') {
                    self.start_cell(cell);
                } else if is_blank(line) {
                    self.end_row();
                    self.state = State::Between;
                } else if !self.note_line(line) {
                    self.continue_cell(line);
                }
            }
            State::Between => {
                if let Some(cell) = line.strip_prefix('\t') {
                    self.state = State::Row;
                    self.start_cell(cell);
                } else {
                    self.end_table();
                    if !is_blank(line) {
                        self.body_line(line);
                    }
                }
            }
        }
    }

    fn body_line(&mut self, line: &str) {
        if let Some(cell) = line.strip_prefix('\t') {
            self.state = State::Row;
            self.start_cell(cell);
        } else if !self.note_line(line) {
            let p = self.paragraph(line);
            self.doc.body.push(Block::Paragraph(p));
        }
    }

    fn start_cell(&mut self, text: &str) {
        let p = self.paragraph(text);
        let col = self.row.cells.len();
        self.row.cells.push(Cell {
            col,
            blocks: vec![Block::Paragraph(p)],
            ..Cell::default()
        });
    }

    fn continue_cell(&mut self, text: &str) {
        let more = self.inlines(text);
        if let Some(Block::Paragraph(p)) =
            self.row.cells.last_mut().and_then(|c| c.blocks.last_mut())
        {
            p.inlines.push(Inline::Break(BreakKind::Line));
            p.inlines.extend(more);
        }
    }

    fn end_row(&mut self) {
        if !self.row.cells.is_empty() {
            self.table.rows.push(std::mem::take(&mut self.row));
        }
    }

    fn end_table(&mut self) {
        self.end_row();
        if !self.table.rows.is_empty() {
            let t = std::mem::take(&mut self.table);
            self.doc.body.push(Block::Table(t));
        }
        self.state = State::Body;
    }

    fn paragraph(&mut self, text: &str) -> Paragraph {
        Paragraph {
            inlines: self.inlines(text),
            ..Paragraph::default()
        }
    }

    /// A note text line ` [N: …]` for a referenced note N becomes its story.
    fn note_line(&mut self, line: &str) -> bool {
        let Some((id, body)) = note_text(line) else {
            return false;
        };
        let Some(kind) = self.pending_notes.remove(id) else {
            return false;
        };
        let inlines = parse_inlines(body, &mut |_| {});
        self.doc.stories.push(Story {
            kind: match kind {
                NoteKind::Endnote => StoryKind::Endnote,
                _ => StoryKind::Footnote,
            },
            id: Some(id.to_string()),
            blocks: vec![Block::Paragraph(Paragraph {
                inlines,
                ..Paragraph::default()
            })],
        });
        true
    }

    /// Inlines of one line (or cell line), registering bookmarks and note references.
    fn inlines(&mut self, text: &str) -> Vec<Inline> {
        let mut found: Vec<Inline> = Vec::new();
        let inlines = parse_inlines(text, &mut |i: &Inline| found.push(i.clone()));
        for i in found {
            match i {
                Inline::Mark(m) => self.bookmark(m.name),
                Inline::NoteRef { kind, id } => {
                    self.pending_notes.insert(id, kind);
                }
                _ => {}
            }
        }
        inlines
    }

    fn bookmark(&mut self, name: String) {
        if self.seen.insert(name.clone()) {
            self.doc.bookmarks.push(Bookmark::new(name, false));
        } else {
            self.doc.diagnostics.push(
                Diagnostic::info(
                    "txt.bookmark.repeated",
                    format!("bookmark `{name}` starts again; listed once"),
                )
                .at(Location::line(self.line_no, None)),
            );
        }
    }
}

/// ` [N: …]` (leading space optional) → (`N`, `…`).
fn note_text(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix(' ').unwrap_or(line).strip_prefix('[')?;
    let body = rest.strip_suffix(']')?;
    let (id, text) = body.split_once(": ")?;
    valid_id(id).then_some((id, text))
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME
        && !name.contains(['[', ']'])
        && !name.chars().any(char::is_control)
}

/// The marker at the start of `s` (which starts with `[` and whose first `]` is at `end`): the
/// inline and the marker's length.
fn marker(s: &str, end: usize) -> Option<(Inline, usize)> {
    if end > MAX_NAME + 16 {
        return None;
    }
    let inner = &s[1..end];
    let len = end + 1;
    if let Some(name) = inner.strip_prefix("bookmark: ") {
        return valid_name(name).then(|| {
            let m = Mark {
                kind: MarkKind::Start,
                name: name.to_string(),
            };
            (Inline::Mark(m), len)
        });
    }
    for (prefix, kind) in [
        ("footnoteRef:", NoteKind::Footnote),
        ("endnoteRef:", NoteKind::Endnote),
    ] {
        if let Some(id) = inner.strip_prefix(prefix) {
            let id = id.trim_start_matches(' ');
            return valid_id(id).then(|| {
                let r = Inline::NoteRef {
                    kind,
                    id: id.to_string(),
                };
                (r, len)
            });
        }
    }
    if inner == "image" {
        return Some((Inline::Image(None), len));
    }
    if let Some(name) = inner.strip_prefix("image: ") {
        return valid_name(name).then(|| (Inline::Image(Some(name.to_string())), len));
    }
    None
}

/// The first `]` at or after `from`, found once per `]`.
fn next_close(bytes: &[u8], from: usize, cache: &mut Option<usize>) -> Option<usize> {
    match *cache {
        Some(usize::MAX) => None,
        Some(c) if c >= from => Some(c),
        _ => {
            let found = bytes[from..]
                .iter()
                .position(|b| *b == b']')
                .map(|p| p + from);
            *cache = Some(found.unwrap_or(usize::MAX));
            found
        }
    }
}

/// Splits one line into inlines: text, tabs and markers; `on_marker` sees each marker inline.
pub fn parse_inlines(text: &str, on_marker: &mut dyn FnMut(&Inline)) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut run_start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    // Position of the next `]` at or after `i` (kept, so that a line of `[` stays linear).
    let mut close: Option<usize> = None;
    let flush = |out: &mut Vec<Inline>, from: usize, to: usize| {
        if to > from {
            out.push(Inline::Text(text[from..to].to_string()));
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'\t' => {
                flush(&mut out, run_start, i);
                out.push(Inline::Tab);
                i += 1;
                run_start = i;
            }
            b'[' => {
                match next_close(bytes, i, &mut close).and_then(|c| marker(&text[i..], c - i)) {
                    Some((inline, len)) => {
                        flush(&mut out, run_start, i);
                        on_marker(&inline);
                        out.push(inline);
                        i += len;
                        run_start = i;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    flush(&mut out, run_start, bytes.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_on_every_line_end() {
        let v: Vec<&str> = lines("a\r\nb\rc\nd").collect();
        assert_eq!(v, ["a", "b", "c", "d"]);
        assert_eq!(lines("a\n").count(), 1);
        assert_eq!(lines("\n\n").count(), 2);
        assert_eq!(lines("").count(), 0);
    }

    #[test]
    fn unknown_brackets_stay_text() {
        let v = parse_inlines("[x] [bookmark: ] [bookmark: a", &mut |_| {});
        assert_eq!(
            v,
            vec![Inline::Text("[x] [bookmark: ] [bookmark: a".into())]
        );
    }
}

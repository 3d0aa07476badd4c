//! A document table → logical rows: every grid position resolved to the cell a reader sees there
//! (vertical merges followed to their origin), empty spacer columns dropped, neighbouring
//! positions of one cell joined into one slot with a span.

use std::borrow::Cow;

use crate::document::{Block, BreakKind, Cell, Inline, MarkKind, Paragraph, Table, VMerge};
use crate::model::is_space;

/// Most grid columns considered (a wider grid is cut; the rest is reported by the caller).
pub const MAX_COLUMNS: usize = 256;

/// One cell as seen in a logical row.
#[derive(Debug, Clone)]
pub struct Slot<'a> {
    /// The cell (the vertical-merge origin for a covered position).
    pub cell: &'a Cell,
    /// First logical column.
    pub col: usize,
    /// Logical columns covered.
    pub span: usize,
}

impl Slot<'_> {
    /// True when the slot covers logical column `col`.
    pub fn covers(&self, col: usize) -> bool {
        self.col <= col && col < self.col + self.span
    }
}

/// A table row on the logical grid.
#[derive(Debug, Clone)]
pub struct GridRow<'a> {
    /// Slots left to right.
    pub slots: Vec<Slot<'a>>,
    /// Bookmarks starting just before the row.
    pub marks: Vec<String>,
}

impl<'a> GridRow<'a> {
    /// The slot covering logical column `col`.
    pub fn at(&self, col: usize) -> Option<&Slot<'a>> {
        self.slots.iter().find(|s| s.covers(col))
    }
}

/// The lines of a cell: its paragraphs split at line breaks, each stripped of outer whitespace,
/// empty lines dropped (nested tables: their cells' lines). A line that is one text run of
/// the tree is borrowed, not copied.
pub fn cell_lines(cell: &Cell) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    cell_lines_into(cell, &mut out);
    out
}

/// [`cell_lines`] pushed onto `out`.
pub fn cell_lines_into<'a>(cell: &'a Cell, out: &mut Vec<Cow<'a, str>>) {
    blocks_lines(&cell.blocks, out, 0);
}

fn blocks_lines<'a>(blocks: &'a [Block], out: &mut Vec<Cow<'a, str>>, depth: usize) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => paragraph_lines(p, out),
            Block::Table(t) if depth < 16 => {
                for r in &t.rows {
                    for c in &r.cells {
                        blocks_lines(&c.blocks, out, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The stripped, non-empty lines of a paragraph's text ([`Paragraph::text`]) pushed onto `out`.
/// A paragraph whose text is one run (no label, tab or line break) lends it.
pub fn paragraph_lines<'a>(p: &'a Paragraph, out: &mut Vec<Cow<'a, str>>) {
    let labelled = p.numbering.as_ref().is_some_and(|n| !n.bullet);
    let mut one: Option<&'a str> = None;
    let mut single = !labelled;
    for i in &p.inlines {
        if !single {
            break;
        }
        match i {
            Inline::Text(t) if one.is_none() => one = Some(t),
            Inline::Text(_) | Inline::Tab | Inline::Break(BreakKind::Line) => single = false,
            _ => {}
        }
    }
    if single {
        if let Some(l) = one
            .map(|t| t.trim_matches(is_space))
            .filter(|l| !l.is_empty())
        {
            out.push(Cow::Borrowed(l));
        }
        return;
    }
    push_lines(p.text(), out);
}

/// True when a block list holds a character that is not white space (what [`cell_lines`]
/// would find), without building the lines.
fn has_text(blocks: &[Block], depth: usize) -> bool {
    let visible = |s: &str| s.chars().any(|c| !is_space(c));
    blocks.iter().any(|b| match b {
        Block::Paragraph(p) => {
            p.numbering
                .as_ref()
                .is_some_and(|n| !n.bullet && (visible(&n.label) || visible(&n.suffix)))
                || p.inlines.iter().any(|i| match i {
                    Inline::Text(t) => visible(t),
                    _ => false,
                })
        }
        Block::Table(t) if depth < 16 => t
            .rows
            .iter()
            .any(|r| r.cells.iter().any(|c| has_text(&c.blocks, depth + 1))),
        _ => false,
    })
}

/// Pushes the stripped, non-empty lines of `text` onto `out`; a one-line text that needs no
/// stripping is moved, not copied.
fn push_lines<'a>(text: String, out: &mut Vec<Cow<'a, str>>) {
    if !text.contains('\n') {
        let l = text.trim_matches(is_space);
        if l.len() == text.len() {
            if !text.is_empty() {
                out.push(Cow::Owned(text));
            }
        } else if !l.is_empty() {
            out.push(Cow::Owned(l.to_string()));
        }
        return;
    }
    for line in text.split('\n') {
        let l = line.trim_matches(is_space);
        if !l.is_empty() {
            out.push(Cow::Owned(l.to_string()));
        }
    }
}

/// Bookmark names starting anywhere in a cell, in order.
pub fn cell_marks(cell: &Cell) -> Vec<String> {
    let mut out = Vec::new();
    blocks_marks(&cell.blocks, &mut out, 0);
    out
}

/// Bookmark names starting in a block list (paragraph inlines, between blocks, nested tables).
pub fn blocks_marks(blocks: &[Block], out: &mut Vec<String>, depth: usize) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                for i in &p.inlines {
                    if let Inline::Mark(m) = i {
                        if m.kind == MarkKind::Start {
                            out.push(m.name.clone());
                        }
                    }
                }
            }
            Block::Mark(m) if m.kind == MarkKind::Start => out.push(m.name.clone()),
            Block::Table(t) if depth < 16 => {
                for r in &t.rows {
                    out.extend(starts(&r.marks));
                    for c in &r.cells {
                        blocks_marks(&c.blocks, out, depth + 1);
                    }
                }
                out.extend(starts(&t.trailing_marks));
            }
            _ => {}
        }
    }
}

/// Names of the start marks in a list.
pub fn starts(marks: &[crate::document::Mark]) -> impl Iterator<Item = String> + '_ {
    marks
        .iter()
        .filter(|m| m.kind == MarkKind::Start)
        .map(|m| m.name.clone())
}

/// The table's rows on the logical grid, empty spacer columns dropped (the 2014–2018 rule).
pub fn logical_rows(table: &Table) -> Vec<GridRow<'_>> {
    grid_rows(table, true)
}

/// The table's rows on the logical grid; `drop_spacers`: drop grid columns in which every
/// single-column cell is empty.
///
/// Linear in the table's size: a vertically covered position takes the cell seen at the same
/// column in the row above when that is a merge origin (what [`Table::cell_at`] returns), and
/// each cell's text is read once.
pub fn grid_rows(table: &Table, drop_spacers: bool) -> Vec<GridRow<'_>> {
    let width = table.columns().min(MAX_COLUMNS);
    // The cell seen at each grid position, and whether the position's own cell spans one column
    // (row by row, `width` positions each).
    let mut seen: Vec<Option<(&Cell, bool)>> = vec![None; table.rows.len() * width];
    let mut above: Vec<Option<&Cell>> = vec![None; width];
    for (r, row) in table.rows.iter().enumerate() {
        let line = &mut seen[r * width..(r + 1) * width];
        for own in &row.cells {
            let end = own.col.saturating_add(own.col_span).min(width);
            for (c, slot) in line.iter_mut().enumerate().take(end).skip(own.col) {
                let shown = match (own.v_merge, above[c]) {
                    (VMerge::Covered, Some(origin)) if origin.v_merge == VMerge::Origin => origin,
                    _ => own,
                };
                *slot = Some((shown, own.col_span == 1));
            }
        }
        for (c, s) in line.iter().enumerate() {
            above[c] = s.map(|(cell, _)| cell);
        }
    }
    let lines = || (0..table.rows.len()).map(|r| &seen[r * width..(r + 1) * width]);
    // A column is kept at its first single-column cell with text (most columns: the first row).
    let keep: Vec<bool> = (0..width)
        .map(|c| {
            !drop_spacers
                || lines().any(|line| match line[c] {
                    Some((cell, true)) => has_text(&cell.blocks, 0),
                    _ => false,
                })
        })
        .collect();
    let kept: Vec<usize> = (0..width).filter(|c| keep[*c]).collect();
    let mut out = Vec::with_capacity(table.rows.len());
    for (row, line) in table.rows.iter().zip(lines()) {
        let mut slots: Vec<Slot<'_>> = Vec::with_capacity(row.cells.len().min(kept.len()));
        for (logical, c) in kept.iter().enumerate() {
            let Some((cell, _)) = line[*c] else {
                continue;
            };
            match slots.last_mut() {
                Some(last) if std::ptr::eq(last.cell, cell) && last.col + last.span == logical => {
                    last.span += 1
                }
                _ => slots.push(Slot {
                    cell,
                    col: logical,
                    span: 1,
                }),
            }
        }
        out.push(GridRow {
            slots,
            marks: starts(&row.marks).collect(),
        });
    }
    out
}

//! `w:tbl` in, a [`Table`] grid out: `tblGrid`, rows (`gridBefore`, `tblHeader`, deleted rows),
//! cells (`gridSpan` clamped, `vMerge` resolved to row spans), bookmarks between rows and after
//! the last row, nested tables (bounded by the depth limit).

use super::body::{exact, Ctx, Wrap};
use super::xml::{on_off, prop_attr, twips, Child, Ev, Ns, Xml};
use crate::diagnostic::Diagnostic;
use crate::document::{Block, Cell, Mark, Row, Table, VMerge};
use crate::error::Result;

/// Widest `gridSpan` taken as written (Word allows 63 columns).
const MAX_SPAN: usize = 64;

/// A cell's vertical-merge attribute as written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum VM {
    None,
    Restart,
    Continue,
}

/// What the row-properties scan does with a child of `w:trPr` (as [`Ctx::row`] does).
fn trpr_child(local: &[u8]) -> Child {
    match local {
        b"gridBefore" | b"tblHeader" => Child::Take,
        b"del" => Child::Refuse,
        _ => Child::Skip,
    }
}

/// `w:gridBefore`'s value → the first grid column of the row's cells.
fn grid_before(v: Option<&str>) -> usize {
    let n: usize = v.and_then(|v| v.trim().parse().ok()).unwrap_or(0);
    n.min(MAX_SPAN)
}

/// What the cell-properties scan does with a child of `w:tcPr` (as [`Ctx::cell`] does).
fn tcpr_child(local: &[u8]) -> Child {
    match local {
        b"gridSpan" | b"vMerge" | b"hMerge" => Child::Take,
        _ => Child::Skip,
    }
}

/// `w:gridSpan`'s value as written (1 when absent or unreadable).
fn grid_span(v: Option<&str>) -> i64 {
    v.and_then(|v| v.trim().parse().ok()).unwrap_or(1)
}

/// `w:vMerge`'s value → restart or continue.
fn v_merge(v: Option<&str>) -> VM {
    match v {
        Some("restart") => VM::Restart,
        _ => VM::Continue,
    }
}

/// `w:hMerge`'s value → whether the cell continues the one on its left.
fn h_merge(v: Option<&str>) -> bool {
    v != Some("restart")
}

impl Ctx {
    /// Reads a `w:tbl` whose start was just read.
    pub fn table(&mut self, x: &mut Xml<'_>) -> Result<Table> {
        self.enter(x)?;
        let t = self.table_inner(x);
        self.leave();
        t
    }

    fn table_inner(&mut self, x: &mut Xml<'_>) -> Result<Table> {
        let base = x.depth();
        let mut t = Table::default();
        let mut pending: Vec<Mark> = Vec::new();
        // The cells' vertical merges, row after row (as many per row as it has cells).
        let mut vms: Vec<VM> = Vec::new();
        while let Some((el, empty)) = x.child(base)? {
            if self.wrapper(x, &el, empty)? != Wrap::No || el.ns != Ns::W {
                continue;
            }
            match el.local() {
                b"tblPr" if !empty => self.tbl_pr(x, &mut t)?,
                b"tblGrid" if !empty => {
                    let gb = x.depth();
                    while let Some((c, _)) = x.child(gb)? {
                        if c.is(Ns::W, b"gridCol") {
                            let w = x.w(&c, b"w").and_then(|v| twips(&v)).unwrap_or(0);
                            t.grid.push(w.max(0) as u32);
                        } else {
                            // The grid before a tracked change (`tblGridChange`) is not this one.
                            x.skip_el(&c)?;
                        }
                    }
                }
                b"tr" if !empty => {
                    if let Some(mut row) = self.row(x, t.grid.len(), &mut vms)? {
                        row.marks = std::mem::take(&mut pending);
                        t.rows.push(row);
                    }
                }
                b"bookmarkStart" => pending.extend(self.bookmark_start(x, &el)),
                b"bookmarkEnd" => pending.extend(self.bookmark_end(x, &el)),
                _ => {
                    if !empty {
                        x.skip_el(&el)?;
                    }
                }
            }
        }
        t.trailing_marks = pending;
        self.resolve_merges(&mut t, &vms, x);
        Ok(t)
    }

    fn tbl_pr(&mut self, x: &mut Xml<'_>, t: &mut Table) -> Result<()> {
        let base = x.depth();
        while let Some((el, _)) = x.child(base)? {
            if el.is(Ns::W, b"tblStyle") {
                t.style = x.w(&el, b"val").map(|v| v.into_owned());
            } else {
                // Borders, margins, widths: nothing the tree keeps.
                x.skip_el(&el)?;
            }
        }
        Ok(())
    }

    /// Reads a `w:tr`, pushing its cells' vertical merges onto `vms`; `None` for a row deleted
    /// with tracked changes.
    fn row(&mut self, x: &mut Xml<'_>, grid: usize, vms: &mut Vec<VM>) -> Result<Option<Row>> {
        let base = x.depth();
        let mut row = Row::default();
        let first_vm = vms.len();
        let mut col = 0usize;
        let mut deleted = false;
        let mut pending: Vec<Block> = Vec::new();
        let mut wide = false;
        loop {
            // Plain row properties are read at once (a deleted row's are not: it needs a
            // diagnostic).
            if !deleted {
                let (mut c, mut header) = (col, row.header);
                let read = x.scan_props(b"w:trPr", trpr_child, |local, attrs| {
                    let val = prop_attr(attrs, b"val");
                    match local {
                        b"gridBefore" => c = grid_before(val),
                        _ => header = on_off(val),
                    }
                    true
                });
                if read {
                    (col, row.header) = (c, header);
                    continue;
                }
            }
            let Some((el, empty)) = x.child(base)? else {
                break;
            };
            if deleted {
                if !empty {
                    x.skip_el(&el)?;
                }
                continue;
            }
            if self.wrapper(x, &el, empty)? != Wrap::No || el.ns != Ns::W {
                continue;
            }
            match el.local() {
                b"trPr" if !empty => {
                    let tb = x.depth();
                    loop {
                        match x.next()? {
                            Ev::Eof => return Err(x.eof()),
                            Ev::End if x.depth() < tb => break,
                            Ev::Start(p) | Ev::Empty(p) if p.ns == Ns::W => {
                                let val = || x.w(&p, b"val");
                                match p.local() {
                                    b"gridBefore" => col = grid_before(val().as_deref()),
                                    b"tblHeader" => row.header = on_off(val().as_deref()),
                                    b"del" => deleted = true,
                                    // Heights, the tracked earlier properties
                                    // (`trPrChange`): nothing the tree keeps.
                                    _ => x.skip_el(&p)?,
                                }
                            }
                            _ => {}
                        }
                    }
                    if deleted {
                        self.diags.push(
                            Diagnostic::info(
                                "docx.table.deleted_row",
                                "a row deleted with tracked changes was left out",
                            )
                            .at(x.loc()),
                        );
                    }
                }
                b"tc" => {
                    let (mut cell, vm, h_continue) = if empty {
                        (Cell::default(), VM::None, false)
                    } else {
                        self.cell(x)?
                    };
                    if cell.col_span > MAX_SPAN {
                        let room = grid.saturating_sub(col).max(1);
                        self.diags.push(
                            Diagnostic::warning(
                                "docx.table.grid_span",
                                format!("gridSpan {} clamped to {room}", cell.col_span),
                            )
                            .at(x.loc()),
                        );
                        cell.col_span = room;
                    }
                    cell.col = col;
                    col += cell.col_span;
                    if grid > 0 && col > grid && !wide {
                        wide = true;
                        self.diags.push(
                            Diagnostic::warning(
                                "docx.table.wider_than_grid",
                                format!("a row covers {col} columns but the grid has {grid}"),
                            )
                            .at(x.loc()),
                        );
                    }
                    if !pending.is_empty() {
                        pending.append(&mut cell.blocks);
                        cell.blocks = std::mem::take(&mut pending);
                    }
                    // A legacy horizontal merge (`hMerge` continuing the cell on its left)
                    // widens that cell; whatever it holds is kept there.
                    match row.cells.last_mut() {
                        Some(left) if h_continue && left.col + left.col_span == cell.col => {
                            left.col_span += cell.col_span;
                            left.blocks.append(&mut cell.blocks);
                        }
                        _ => {
                            row.cells.push(cell);
                            vms.push(vm);
                        }
                    }
                }
                b"bookmarkStart" => pending.extend(self.bookmark_start(x, &el).map(Block::Mark)),
                b"bookmarkEnd" => pending.extend(self.bookmark_end(x, &el).map(Block::Mark)),
                _ => {
                    if !empty {
                        x.skip_el(&el)?;
                    }
                }
            }
        }
        if deleted {
            vms.truncate(first_vm);
            return Ok(None);
        }
        if !pending.is_empty() {
            match row.cells.last_mut() {
                Some(c) => c.blocks.append(&mut pending),
                None => row
                    .marks
                    .extend(pending.into_iter().filter_map(|b| match b {
                        Block::Mark(m) => Some(m),
                        _ => None,
                    })),
            }
        }
        Ok(Some(row))
    }

    /// Reads a `w:tc`: its properties and its blocks; with its vertical merge and whether it
    /// continues a horizontal merge (`hMerge` without `restart`).
    fn cell(&mut self, x: &mut Xml<'_>) -> Result<(Cell, VM, bool)> {
        let base = x.depth();
        let mut cell = Cell::default();
        // Taken for this cell (a table inside it gets its own).
        let mut blocks = std::mem::take(&mut self.block_buf);
        blocks.clear();
        let mut vm = VM::None;
        let mut h_continue = false;
        loop {
            // Plain cell properties are read at once.
            let (mut span, mut v, mut h) = (cell.col_span as i64, vm, h_continue);
            let read = x.scan_props(b"w:tcPr", tcpr_child, |local, attrs| {
                let val = prop_attr(attrs, b"val");
                match local {
                    b"gridSpan" => span = grid_span(val),
                    b"vMerge" => v = v_merge(val),
                    _ => h = h_merge(val),
                }
                // A span below 1 is read event by event, which reports it.
                span >= 1
            });
            if read {
                (cell.col_span, vm, h_continue) = (span.min(1 << 20) as usize, v, h);
                continue;
            }
            if let Some(p) = self.plain_paragraph(x) {
                blocks.push(Block::Paragraph(p));
                continue;
            }
            let Some((el, empty)) = x.child(base)? else {
                break;
            };
            if el.is(Ns::W, b"tcPr") && !empty {
                let pb = x.depth();
                loop {
                    match x.next()? {
                        Ev::Eof => return Err(x.eof()),
                        Ev::End if x.depth() < pb => break,
                        Ev::Start(p) | Ev::Empty(p) if p.ns == Ns::W => match p.local() {
                            b"gridSpan" => {
                                let n = grid_span(x.w(&p, b"val").as_deref());
                                if n < 1 {
                                    self.diags.push(
                                        Diagnostic::warning(
                                            "docx.table.grid_span",
                                            format!("gridSpan {n} taken as 1"),
                                        )
                                        .at(x.loc()),
                                    );
                                }
                                cell.col_span = n.clamp(1, 1 << 20) as usize;
                            }
                            b"vMerge" => vm = v_merge(x.w(&p, b"val").as_deref()),
                            b"hMerge" => h_continue = h_merge(x.w(&p, b"val").as_deref()),
                            // Widths, borders, shading, the tracked earlier properties
                            // (`tcPrChange`): nothing the tree keeps.
                            _ => x.skip_el(&p)?,
                        },
                        _ => {}
                    }
                }
                continue;
            }
            self.block_el(x, el, empty, &mut blocks)?;
        }
        cell.blocks = exact(&mut blocks);
        self.block_buf = blocks;
        Ok((cell, vm, h_continue))
    }

    /// Turns `vMerge` restart/continue into row spans and covered cells.
    fn resolve_merges(&mut self, t: &mut Table, vms: &[VM], x: &Xml<'_>) {
        // Open merges by start column: (origin row, origin cell index).
        let mut open: Vec<(usize, usize, usize)> = Vec::new();
        let mut next_open = Vec::new();
        let mut at = 0;
        for r in 0..t.rows.len() {
            let n = t.rows[r].cells.len();
            let row_vm = vms.get(at..at + n).unwrap_or_default();
            at += n;
            next_open.clear();
            for (i, vm) in row_vm.iter().enumerate() {
                let col = t.rows[r].cells[i].col;
                match vm {
                    VM::Restart => {
                        t.rows[r].cells[i].v_merge = VMerge::Origin;
                        next_open.push((col, r, i));
                    }
                    VM::Continue => match open.iter().find(|o| o.0 == col) {
                        Some(&(c, orow, oi)) => {
                            t.rows[r].cells[i].v_merge = VMerge::Covered;
                            t.rows[orow].cells[oi].row_span = r - orow + 1;
                            next_open.push((c, orow, oi));
                        }
                        None => {
                            self.diags.push(
                                Diagnostic::warning(
                                    "docx.table.vmerge_orphan",
                                    format!(
                                        "row {r}, column {col}: a vertical-merge continuation has no cell above to merge with; kept as its own cell"
                                    ),
                                )
                                .at(x.loc()),
                            );
                        }
                    },
                    VM::None => {}
                }
            }
            std::mem::swap(&mut open, &mut next_open);
        }
    }
}

//! Document tree → [`Report`]: title, agency, year, intro, section tree, the statistics table,
//! bookmarks and where they start. Works on [`Document`] only (never XML or bytes), so a DOCX
//! and a text dump of the same report give the same model.
//!
//! Steps, each a table the code mirrors:
//!
//! 1. **Flatten** the body into paragraphs (lines stripped of indentation, empty ones dropped,
//!    their bookmarks moved to the next item) and tables; a table with a single cell is a
//!    layout wrapper and is replaced by its content.
//! 2. **Locate** the statistics table: the first table with a header row (a cell with `指标`
//!    and one with `单位`) or a title row (`…统计表`) among its first rows, or with at least
//!    five rows whose labels are in the catalogue. Paragraphs right above it that are title
//!    lines (`…统计表`, `（2018年度）`, `填报单位：…`) are its title lines. Tables that follow it
//!    with only empty paragraphs between are its continuation (repeated headers dropped).
//! 3. **Title**: the first non-empty paragraph; when it does not end with `报告`, the next
//!    paragraph does, and that one is not numbered, the two are one title set on two lines
//!    (joined with nothing).
//! 4. **Narrative**: the other paragraphs before the table's title lines → intro and sections
//!    (`sections.rs`); paragraphs after the table continue the section they stand in
//!    (`recognize.text.after_table`); other tables are reported with their text
//!    (`recognize.table.ignored`), so no text vanishes.
//! 5. **Agency / year**: the 2014–2018 table's `填报单位` (nothing else: without it the agency
//!    is unknown); for other reports the title's text before its first `YYYY年`; the 4 digits of the subtitle `（YYYY年度）`, else the first `YYYY年` of the title.
//! 6. **Rows** (`rows.rs`) and catalogue **matching** (`matching.rs`); 2019/2021 report tables
//!    (`newformat.rs`) when the document has no 2014–2018 table but has 表二/表三/表四.

mod grid;
mod matching;
mod newformat;
pub mod numbering;
mod rows;
mod sections;

use std::borrow::Cow;

use crate::catalog::{label_key, stats2018};
use crate::diagnostic::{Diagnostic, Location};
use crate::document::{Block, Document, MarkKind, SourceFormat, Table};
use crate::model::{is_space, Anchor, Report, TableKind};

use grid::{blocks_marks, logical_rows, starts};
use rows::{title_line, TableReader, TitleLine};
use sections::SectionBuilder;

/// Deepest layout-table nesting unwrapped.
const MAX_WRAPPER_DEPTH: usize = 16;

/// Recognizes the report in a document tree. Never fails: what cannot be recognized is reported
/// in [`Report::diagnostics`].
pub fn recognize(doc: &Document) -> Report {
    let mut items = Vec::new();
    let mut pending = Vec::new();
    flatten(&doc.body, None, 0, &mut pending, &mut items);
    let mut report = Report {
        bookmarks: bookmark_names(doc),
        ..Default::default()
    };
    let mut anchors: Vec<(String, String)> = Vec::new();
    // The statistics table's logical rows, kept from the test for the reading.
    let mut stats_rows = None;
    let stats = items.iter().position(|it| match &it.kind {
        ItemKind::Table(t) => {
            let rows = logical_rows(t);
            let found = is_stats_table(&rows);
            if found {
                stats_rows = Some(rows);
            }
            found
        }
        ItemKind::Para(_) => false,
    });

    if stats.is_none() && has_new_format_table(&items) {
        let last = new_format(&items, &mut report, &mut anchors);
        anchors.extend(pending.into_iter().map(|m| (m, last.clone())));
        set_agency_year(&mut report);
        newformat::check(&mut report);
        report.anchors = order_anchors(anchors, &report.bookmarks);
        return report;
    }

    let text_dump = doc.source.format == SourceFormat::Text;
    let mut reader = TableReader::new(0, text_dump);
    let (narrative_end, after_start) = match stats {
        Some(t) => {
            let top = title_lines_above(&items, t, &mut reader);
            let mut next = t;
            while let Some(Item {
                kind: ItemKind::Table(table),
                starts,
                block,
            }) = items.get(next)
            {
                reader.pending_marks(starts);
                let rows = stats_rows.take().unwrap_or_else(|| logical_rows(table));
                reader.read(&rows, *block);
                next += 1;
            }
            (top, next)
        }
        None => (items.len(), items.len()),
    };

    // Title and narrative.
    let narrative: Vec<&Item<'_>> = items[..narrative_end].iter().collect();
    let mut builder = SectionBuilder::default();
    let mut paras = narrative.iter().filter_map(|it| match &it.kind {
        ItemKind::Para(lines) => Some((lines.concat(), &it.starts)),
        ItemKind::Table(_) => None,
    });
    let mut last = "title".to_string();
    if let Some((first, marks)) = paras.next() {
        report.title = first;
        anchors.extend(marks.iter().map(|m| (m.clone(), "title".to_string())));
    } else {
        report.diagnostics.push(Diagnostic::warning(
            "recognize.title.missing",
            "no text paragraph before the statistics table (or none at all): the title is empty",
        ));
    }
    let mut rest: Vec<(String, &Vec<String>)> = paras.collect();
    if let Some((second, marks)) = rest.first() {
        if !report.title.ends_with("报告")
            && second.ends_with("报告")
            && numbering::split_number(second).is_none()
        {
            report.title.push_str(second);
            anchors.extend(marks.iter().map(|m| (m.clone(), "title".to_string())));
            rest.remove(0);
        }
    }
    let narrated = !rest.is_empty();
    for (text, marks) in rest {
        builder.add(text);
        if !marks.is_empty() {
            let at = builder.last_path().unwrap_or_default();
            anchors.extend(marks.iter().map(|m| (m.clone(), at.clone())));
        }
    }
    if narrated {
        last = builder.last_path().unwrap_or_default();
    }
    if stats.is_some() {
        last = "tables[0]".to_string();
    }
    for it in &items[..narrative_end] {
        if let ItemKind::Table(t) = &it.kind {
            report.diagnostics.push(ignored_table(t, it.block));
        }
    }
    let mut after = 0;
    for it in &items[after_start..] {
        match &it.kind {
            ItemKind::Para(lines) => {
                builder.add(lines.concat());
                let at = builder.last_path().unwrap_or_default();
                anchors.extend(it.starts.iter().map(|m| (m.clone(), at.clone())));
                last = at;
                after += 1;
            }
            ItemKind::Table(t) => report.diagnostics.push(ignored_table(t, it.block)),
        }
    }
    if after > 0 {
        report.diagnostics.push(Diagnostic::info(
            "recognize.text.after_table",
            format!("{after} paragraph(s) after the statistics table are kept in the narrative"),
        ));
    }
    report.intro = std::mem::take(&mut builder.intro);
    report.sections = std::mem::take(&mut builder.sections);

    // The table.
    if stats.is_some() {
        finish_table(&mut report, reader, &mut anchors);
        if last == "tables[0]" {
            if let Some(n) = report.tables[0].rows.len().checked_sub(1) {
                last = format!("tables[0].rows[{n}]");
            }
        }
    } else {
        report.diagnostics.push(Diagnostic::warning(
            "recognize.table.missing",
            "no statistics table (政府信息公开情况统计表) found",
        ));
    }
    anchors.extend(pending.into_iter().map(|m| (m, last.clone())));
    set_agency_year(&mut report);
    report.anchors = order_anchors(anchors, &report.bookmarks);
    report
}

/// True when a table of the 2019/2021 format is among the items.
fn has_new_format_table(items: &[Item<'_>]) -> bool {
    items.iter().any(|it| match &it.kind {
        ItemKind::Table(t) => newformat::new_kind(&grid::grid_rows(t, false)).is_some(),
        ItemKind::Para(_) => false,
    })
}

/// The 2019/2021 format: narrative paragraphs in order around the report tables (text after a
/// table continues its section); each report table with its continuations (following tables
/// of the same kind or of no kind, nothing between) is one [`crate::model::StatTable`].
///
/// Returns the model path of the last thing read (where bookmarks after it are anchored).
fn new_format(
    items: &[Item<'_>],
    report: &mut Report,
    anchors: &mut Vec<(String, String)>,
) -> String {
    let mut builder = SectionBuilder::default();
    let mut last = "title".to_string();
    let mut titled = false;
    let mut i = 0;
    while i < items.len() {
        let it = &items[i];
        match &it.kind {
            ItemKind::Para(lines) => {
                let text = lines.concat();
                let at = if !titled {
                    titled = true;
                    report.title = text;
                    "title".to_string()
                } else if builder.intro.is_empty()
                    && builder.sections.is_empty()
                    && !report.title.ends_with("报告")
                    && text.ends_with("报告")
                    && numbering::split_number(&text).is_none()
                {
                    report.title.push_str(&text);
                    "title".to_string()
                } else {
                    builder.push(&text)
                };
                anchors.extend(it.starts.iter().map(|m| (m.clone(), at.clone())));
                last = at;
                i += 1;
            }
            ItemKind::Table(t) => {
                let first = grid::grid_rows(t, false);
                let Some(kind) = newformat::new_kind(&first) else {
                    report.diagnostics.push(ignored_table(t, it.block));
                    i += 1;
                    continue;
                };
                let mut rows = first;
                let mut marks = it.starts.clone();
                i += 1;
                while let Some(Item {
                    kind: ItemKind::Table(next),
                    starts,
                    ..
                }) = items.get(i)
                {
                    let more = grid::grid_rows(next, false);
                    if newformat::new_kind(&more).is_some_and(|k| k != kind) {
                        break;
                    }
                    marks.extend(starts.iter().cloned());
                    rows.extend(more);
                    i += 1;
                }
                let (table, found) = newformat::build(kind, &rows);
                let ti = report.tables.len();
                anchors.extend(marks.into_iter().map(|m| (m, format!("tables[{ti}]"))));
                anchors.extend(
                    found
                        .into_iter()
                        .map(|(m, p)| (m, format!("tables[{ti}].{p}"))),
                );
                last = match table.rows.len() {
                    0 => format!("tables[{ti}]"),
                    n => format!("tables[{ti}].rows[{}]", n - 1),
                };
                report.tables.push(table);
            }
        }
    }
    // 表二's headers decide the edition of 表三.
    let active = report.tables.iter().find_map(|t| match t.kind {
        TableKind::Active2019 => Some(TableKind::Requests2019),
        TableKind::Active2021 => Some(TableKind::Requests2021),
        _ => None,
    });
    if let Some(kind) = active {
        for t in &mut report.tables {
            if matches!(t.kind, TableKind::Requests2019 | TableKind::Requests2021) {
                t.kind = kind;
                newformat::set_codes(t);
            }
        }
    }
    report.intro = std::mem::take(&mut builder.intro);
    report.sections = std::mem::take(&mut builder.sections);
    last
}

/// Matches the rows, decides the kind and moves the table into the report.
fn finish_table(report: &mut Report, mut reader: TableReader, anchors: &mut Vec<(String, String)>) {
    reader.finish();
    let mut table = reader.table;
    let (matched, diags) = matching::match_rows(&mut table.rows, stats2018(), 0);
    let titled = table.title.is_some() || !table.header.is_empty();
    if matched >= 5 || titled && matched > 0 {
        table.kind = TableKind::Stats2018;
        report.diagnostics.extend(diags);
    } else {
        table.kind = TableKind::Unknown;
        for r in &mut table.rows {
            r.code = None;
        }
        report.diagnostics.push(
            Diagnostic::warning(
                "recognize.table.unknown_format",
                "the statistics table matches no known catalogue; rows kept without codes",
            )
            .at(Location::path("tables[0]")),
        );
    }
    report.diagnostics.extend(reader.diagnostics);
    anchors.extend(
        reader
            .anchors
            .into_iter()
            .map(|(m, p)| (m, format!("tables[0].{p}"))),
    );
    report.tables.push(table);
}

/// Agency and year from the table, else from the title.
///
/// A 2014–2018 statistics table names its agency only by `填报单位`: when the line is missing,
/// the agency stays unknown (`recognize.agency.missing`); without such a table (2019/2021
/// format, or no table) the agency is the title's text before its first `YYYY年`.
fn set_agency_year(report: &mut Report) {
    let table = report.tables.first();
    report.agency = table
        .and_then(|t| t.agency.clone())
        .filter(|a| !a.is_empty());
    let title_year = first_year(&report.title);
    let old_table =
        table.is_some_and(|t| matches!(t.kind, TableKind::Stats2018 | TableKind::Unknown));
    if report.agency.is_none() && old_table {
        report.diagnostics.push(
            Diagnostic::info(
                "recognize.agency.missing",
                "the statistics table has no 填报单位 line; the agency is unknown",
            )
            .at(Location::path("tables[0]")),
        );
    } else if report.agency.is_none() {
        if let Some((at, _)) = title_year {
            let a = report.title[..at].trim_matches(is_space);
            if !a.is_empty() {
                report.agency = Some(a.to_string());
            }
        }
    }
    report.year = table
        .and_then(|t| t.subtitle.as_deref())
        .and_then(first_year)
        .or(title_year)
        .map(|(_, y)| y);
}

/// Byte offset and value of the first 4 ASCII digits followed by `年` (not preceded by a
/// digit).
fn first_year(text: &str) -> Option<(usize, i32)> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        let before = i > 0 && b[i - 1].is_ascii_digit();
        (digits && !before && text[i + 4..].starts_with('年'))
            .then(|| Some((i, text[i..i + 4].parse().ok()?)))
            .flatten()
    })
}

/// Paragraphs right above the table that are its title lines; returns where the narrative
/// ends (the first title-line paragraph, or the table).
fn title_lines_above(items: &[Item<'_>], table: usize, reader: &mut TableReader) -> usize {
    let mut top = table;
    let mut seen: Vec<std::mem::Discriminant<TitleLine>> = Vec::new();
    while top > 0 {
        let ItemKind::Para(lines) = &items[top - 1].kind else {
            break;
        };
        let kinds: Option<Vec<TitleLine>> = lines.iter().map(|l| title_line(l)).collect();
        let Some(kinds) = kinds else { break };
        let ds: Vec<_> = kinds.iter().map(std::mem::discriminant).collect();
        if ds.iter().any(|d| seen.contains(d)) {
            break;
        }
        seen.extend(ds);
        top -= 1;
    }
    for it in &items[top..table] {
        if let ItemKind::Para(lines) = &it.kind {
            let mut marks = it.starts.clone();
            for l in lines {
                if reader.title_line_above(l, &marks) {
                    marks.clear();
                }
            }
        }
    }
    top
}

/// True when the table is the statistics table (see the module docs, step 2).
fn is_stats_table(rows: &[grid::GridRow<'_>]) -> bool {
    let head = rows.iter().take(8).any(|r| {
        rows::header_keys(r).is_some()
            || r.slots.iter().any(|s| {
                grid::cell_lines(s.cell)
                    .iter()
                    .any(|l| title_line(l) == Some(TitleLine::Title))
            })
    });
    if head {
        return true;
    }
    let Some(keys) = matching::builtin_keys(stats2018()) else {
        return false;
    };
    let keys = &keys.label;
    let known = rows
        .iter()
        .filter(|r| {
            r.slots.first().is_some_and(|s| {
                let k = label_key(
                    &grid::cell_lines(s.cell)
                        .first()
                        .cloned()
                        .unwrap_or_default(),
                );
                keys.contains(&k)
            })
        })
        .count();
    known >= 5
}

/// A diagnostic keeping the text of a table that is not part of the report model.
fn ignored_table(table: &Table, block: usize) -> Diagnostic {
    let text: String = table
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .flat_map(grid::cell_lines)
        .collect::<Vec<_>>()
        .join(" | ");
    Diagnostic::warning(
        "recognize.table.ignored",
        format!("a table that is not the statistics table is not modelled; its text: {text}"),
    )
    .at(Location {
        block: Some(block),
        ..Default::default()
    })
}

/// Bookmark names in document order, each once: the reader's list, else the marks of the body.
fn bookmark_names(doc: &Document) -> Vec<String> {
    let mut names: Vec<String> = doc.bookmarks.iter().map(|b| b.name.clone()).collect();
    if names.is_empty() {
        let mut all = Vec::new();
        blocks_marks(&doc.body, &mut all, 0);
        for n in all {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names
}

/// The first anchor of each bookmark, in bookmark order.
fn order_anchors(found: Vec<(String, String)>, names: &[String]) -> Vec<Anchor> {
    let mut out: Vec<Anchor> = Vec::new();
    for (name, at) in found {
        if !out.iter().any(|a| a.name == name) {
            out.push(Anchor { name, at });
        }
    }
    out.sort_by_key(|a| {
        names
            .iter()
            .position(|n| *n == a.name)
            .unwrap_or(usize::MAX)
    });
    out
}

/// A body item after flattening.
#[derive(Debug)]
struct Item<'a> {
    kind: ItemKind<'a>,
    /// Bookmarks starting in or just before the item.
    starts: Vec<String>,
    /// Index of the top-level body block it comes from.
    block: usize,
}

#[derive(Debug)]
enum ItemKind<'a> {
    /// A non-empty paragraph's lines, each stripped.
    Para(Vec<Cow<'a, str>>),
    /// A table that is not a layout wrapper.
    Table(&'a Table),
}

/// Body blocks → items (see the module docs, step 1).
fn flatten<'a>(
    blocks: &'a [Block],
    top: Option<usize>,
    depth: usize,
    pending: &mut Vec<String>,
    out: &mut Vec<Item<'a>>,
) {
    for (i, b) in blocks.iter().enumerate() {
        let block = top.unwrap_or(i);
        match b {
            Block::Mark(m) if m.kind == MarkKind::Start => pending.push(m.name.clone()),
            Block::Mark(_) => {}
            Block::Paragraph(p) => {
                pending.extend(p.bookmark_starts().map(str::to_string));
                let mut lines = Vec::new();
                grid::paragraph_lines(p, &mut lines);
                if !lines.is_empty() {
                    out.push(Item {
                        kind: ItemKind::Para(lines),
                        starts: std::mem::take(pending),
                        block,
                    });
                }
            }
            Block::Table(t) => {
                let wrapper = t.rows.len() == 1 && t.rows[0].cells.len() == 1;
                if wrapper && depth < MAX_WRAPPER_DEPTH {
                    pending.extend(starts(&t.rows[0].marks));
                    flatten(
                        &t.rows[0].cells[0].blocks,
                        Some(block),
                        depth + 1,
                        pending,
                        out,
                    );
                } else {
                    out.push(Item {
                        kind: ItemKind::Table(t),
                        starts: std::mem::take(pending),
                        block,
                    });
                }
                pending.extend(starts(&t.trailing_marks));
            }
        }
    }
}

//! The paragraph styles of the document in, `word/styles.xml` out.
//!
//! Every paragraph property and font that repeats is a style's, so that a paragraph of
//! `document.xml` carries only its `w:pStyle` (body paragraphs not even that: `Normal` is the
//! body style) and what differs from it.
//!
//! | style id | based on | paragraph | type |
//! | --- | --- | --- | --- |
//! | `Normal` (default) | — | justified, first line indented two characters | 仿宋_GB2312 三号 (document defaults) |
//! | `XxgkTitle` | `Normal` | centred, no indent, one grid line after | 方正小标宋简体 二号 |
//! | `XxgkHeading1` … `XxgkHeading4` | `Normal` | as body; `keepNext`; `outlineLvl` 0 … 3 | 黑体, 楷体_GB2312, 仿宋_GB2312, 仿宋_GB2312 三号 |
//! | `XxgkTableTitle` | `Normal` | new page, centred, no indent, `keepNext` | 方正小标宋简体 小二 |
//! | `XxgkTableSubtitle` | `Normal` | centred, no indent, `keepNext` | 楷体_GB2312 三号 |
//! | `XxgkTableAgency` | `Normal` | left, no indent, `keepNext` | 仿宋_GB2312 三号 |
//! | `XxgkCell` | `Normal` | centred, no indent, off the line grid | 仿宋_GB2312 小四 |
//! | `XxgkHead` | `XxgkCell` | | 黑体 小四 |
//! | `XxgkLabel` | `XxgkCell` | left | 仿宋_GB2312 小四 |
//! | `XxgkLabel1` … `XxgkLabel8` | `XxgkLabel` | left indent two characters of 小四 per depth | |
//! | `XxgkPageNumber` | `Normal` | no indent | 宋体 四号 (Latin too) |
//!
//! A style writes only what differs from its base: its `w:rFonts` names only the fonts that
//! change, `w:sz` appears only when the size does.

use super::layout::{self as l, Font};
use super::xml::Xml;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Indentation a style sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ind {
    /// None of its own (the base style's).
    Inherit,
    /// No indentation at all (cancels the body's first-line indent).
    Zero,
    /// Two characters of 三号 on the first line (the body).
    FirstLine,
    /// A table label of this depth: two characters of 小四 per level on every line.
    Depth(i64),
}

/// A paragraph style.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    /// `w:styleId`.
    pub id: &'static str,
    /// `w:name`.
    pub name: &'static str,
    /// `w:basedOn`.
    pub based_on: Option<&'static str>,
    /// `w:next` is `Normal` (the title and headings are followed by body text).
    pub next_normal: bool,
    /// `w:keepNext`.
    pub keep_next: bool,
    /// `w:pageBreakBefore`.
    pub page_break_before: bool,
    /// `w:snapToGrid w:val="0"`: lines as tall as their text, not the document grid.
    pub off_grid: bool,
    /// `w:spacing w:after`, twips.
    pub after: Option<i64>,
    /// `w:ind`.
    pub ind: Ind,
    /// `w:jc`.
    pub jc: Option<&'static str>,
    /// `w:outlineLvl` (0-based).
    pub outline: Option<u8>,
    /// The font of text in this style (its own or its base's).
    pub font: Font,
}

const BASE: Style = Style {
    id: "Normal",
    name: "Normal",
    based_on: None,
    next_normal: false,
    keep_next: false,
    page_break_before: false,
    off_grid: false,
    after: None,
    ind: Ind::Inherit,
    jc: None,
    outline: None,
    font: l::BODY,
};

/// Body text, the default paragraph style: GB/T 9704 7.3.3, each paragraph's first line
/// indented two characters, justified.
pub(crate) const NORMAL: Style = Style {
    ind: Ind::FirstLine,
    jc: Some("both"),
    ..BASE
};

const FROM_NORMAL: Style = Style {
    based_on: Some("Normal"),
    ..BASE
};

/// The report title.
pub(crate) const TITLE: Style = Style {
    id: "XxgkTitle",
    name: "xxgk title",
    next_normal: true,
    after: Some(l::LINE_PITCH),
    ind: Ind::Zero,
    jc: Some("center"),
    font: l::TITLE,
    ..FROM_NORMAL
};

const fn heading(id: &'static str, name: &'static str, level: u8, font: Font) -> Style {
    Style {
        id,
        name,
        next_normal: true,
        keep_next: true,
        outline: Some(level - 1),
        font,
        ..FROM_NORMAL
    }
}

/// Headings of levels 1–4 (GB/T 9704 7.3.3: 黑体, 楷体, 仿宋, 仿宋).
pub(crate) const HEADINGS: [Style; 4] = [
    heading("XxgkHeading1", "xxgk heading 1", 1, l::HEADING1),
    heading("XxgkHeading2", "xxgk heading 2", 2, l::HEADING2),
    heading("XxgkHeading3", "xxgk heading 3", 3, l::BODY),
    heading("XxgkHeading4", "xxgk heading 4", 4, l::BODY),
];

/// The statistics table's title, on a new page.
pub(crate) const TABLE_TITLE: Style = Style {
    id: "XxgkTableTitle",
    name: "xxgk table title",
    keep_next: true,
    page_break_before: true,
    ind: Ind::Zero,
    jc: Some("center"),
    font: l::TABLE_TITLE,
    ..FROM_NORMAL
};

/// `（YYYY年度）` under the table title.
pub(crate) const TABLE_SUBTITLE: Style = Style {
    id: "XxgkTableSubtitle",
    name: "xxgk table subtitle",
    keep_next: true,
    ind: Ind::Zero,
    jc: Some("center"),
    font: l::TABLE_SUBTITLE,
    ..FROM_NORMAL
};

/// `填报单位：…` above the table.
pub(crate) const TABLE_AGENCY: Style = Style {
    id: "XxgkTableAgency",
    name: "xxgk table agency",
    keep_next: true,
    ind: Ind::Zero,
    jc: Some("left"),
    ..FROM_NORMAL
};

/// A value or unit cell: centred 小四, off the line grid.
pub(crate) const CELL: Style = Style {
    id: "XxgkCell",
    name: "xxgk table cell",
    off_grid: true,
    ind: Ind::Zero,
    jc: Some("center"),
    font: l::TABLE_TEXT,
    ..FROM_NORMAL
};

/// A header cell: as a cell, in 黑体.
pub(crate) const HEAD: Style = Style {
    id: "XxgkHead",
    name: "xxgk table header",
    based_on: Some("XxgkCell"),
    font: l::TABLE_HEAD,
    ..BASE
};

const fn label(id: &'static str, name: &'static str, depth: i64) -> Style {
    Style {
        id,
        name,
        based_on: Some("XxgkLabel"),
        ind: Ind::Depth(depth),
        font: l::TABLE_TEXT,
        ..BASE
    }
}

/// Label cells by depth: `LABELS[0]` left-aligned, `LABELS[d]` indented `d` levels.
pub(crate) const LABELS: [Style; 9] = [
    Style {
        id: "XxgkLabel",
        name: "xxgk table label",
        based_on: Some("XxgkCell"),
        jc: Some("left"),
        font: l::TABLE_TEXT,
        ..BASE
    },
    label("XxgkLabel1", "xxgk table label 1", 1),
    label("XxgkLabel2", "xxgk table label 2", 2),
    label("XxgkLabel3", "xxgk table label 3", 3),
    label("XxgkLabel4", "xxgk table label 4", 4),
    label("XxgkLabel5", "xxgk table label 5", 5),
    label("XxgkLabel6", "xxgk table label 6", 6),
    label("XxgkLabel7", "xxgk table label 7", 7),
    label("XxgkLabel8", "xxgk table label 8", 8),
];

/// The page number in the footers.
pub(crate) const PAGE_NUMBER: Style = Style {
    id: "XxgkPageNumber",
    name: "xxgk page number",
    ind: Ind::Zero,
    font: l::PAGE_NUMBER,
    ..FROM_NORMAL
};

/// Label indentation per depth level: two characters of 小四 (12 pt = 240 twips).
const INDENT_CHARS: i64 = 200;
const INDENT_TWIPS: i64 = 2 * 240;

/// Every style, each after its base.
pub(crate) fn all() -> Vec<&'static Style> {
    let mut all = vec![&NORMAL, &TITLE];
    all.extend(HEADINGS.iter());
    all.extend([&TABLE_TITLE, &TABLE_SUBTITLE, &TABLE_AGENCY, &CELL, &HEAD]);
    all.extend(LABELS.iter());
    all.push(&PAGE_NUMBER);
    all
}

/// The font a style's text has when the style sets none (its base's).
fn base_font(style: &Style) -> Font {
    let Some(base) = style.based_on else {
        return l::BODY;
    };
    all()
        .into_iter()
        .find(|s| s.id == base)
        .map_or(l::BODY, |s| s.font)
}

/// `word/styles.xml`: document defaults (Times New Roman / 仿宋_GB2312 三号, characters
/// condensed by [`l::CHAR_SPACING`]; empty paragraph defaults) and [`all`] the styles.
pub(crate) fn styles_xml() -> String {
    let mut x = Xml::with_capacity(8192);
    x.open("w:styles").attr("xmlns:w", W_NS).close_start();
    x.start("w:docDefaults")
        .start("w:rPrDefault")
        .start("w:rPr");
    x.open("w:rFonts")
        .attr("w:ascii", l::LATIN)
        .attr("w:hAnsi", l::LATIN)
        .attr("w:eastAsia", l::BODY.east_asia)
        .attr("w:cs", l::LATIN)
        .close_empty();
    x.open("w:spacing")
        .attr_num("w:val", i64::from(l::CHAR_SPACING))
        .close_empty();
    let size = i64::from(l::BODY_SZ);
    x.open("w:sz").attr_num("w:val", size).close_empty();
    x.open("w:szCs").attr_num("w:val", size).close_empty();
    x.end("w:rPr").end("w:rPrDefault");
    // Empty, as Word writes it: LibreOffice applies its own widow and orphan control only when
    // the document declares paragraph defaults, and without it breaks pages after a single line.
    x.raw("<w:pPrDefault><w:pPr/></w:pPrDefault>");
    x.end("w:docDefaults");
    for style in all() {
        write_style(&mut x, style);
    }
    x.end("w:styles");
    x.finish()
}

fn write_style(x: &mut Xml, s: &Style) {
    x.open("w:style").attr("w:type", "paragraph");
    if s.based_on.is_none() {
        x.attr("w:default", "1");
    }
    x.attr("w:styleId", s.id).close_start();
    x.val("w:name", s.name);
    if let Some(base) = s.based_on {
        x.val("w:basedOn", base);
    }
    if s.next_normal {
        x.val("w:next", "Normal");
    }
    x.empty("w:qFormat");
    write_ppr(x, s);
    l::write_rpr(x, s.font, base_font(s));
    x.end("w:style");
}

/// A style's `w:pPr` (`CT_PPrGeneral` order).
fn write_ppr(x: &mut Xml, s: &Style) {
    let any = s.keep_next
        || s.page_break_before
        || s.off_grid
        || s.after.is_some()
        || s.ind != Ind::Inherit
        || s.jc.is_some()
        || s.outline.is_some();
    if !any {
        return;
    }
    x.start("w:pPr");
    if s.keep_next {
        x.empty("w:keepNext");
    }
    if s.page_break_before {
        x.empty("w:pageBreakBefore");
    }
    if s.off_grid {
        x.val("w:snapToGrid", "0");
    }
    if let Some(after) = s.after {
        x.open("w:spacing").attr_num("w:after", after).close_empty();
    }
    write_ind(x, s.ind);
    if let Some(jc) = s.jc {
        x.val("w:jc", jc);
    }
    if let Some(level) = s.outline {
        x.open("w:outlineLvl")
            .attr_num("w:val", i64::from(level))
            .close_empty();
    }
    x.end("w:pPr");
}

/// `w:ind`, in twips and in hundredths of a character (which Word prefers when both are set).
fn write_ind(x: &mut Xml, ind: Ind) {
    let (left, first) = match ind {
        Ind::Inherit => return,
        Ind::Zero => (None, (0, 0)),
        // Two characters of the body size: 2 × 16 pt = 640 twips.
        Ind::FirstLine => (None, (2 * i64::from(l::BODY_SZ) * 10, 200)),
        Ind::Depth(d) => (Some((d * INDENT_TWIPS, d * INDENT_CHARS)), (0, 0)),
    };
    x.open("w:ind");
    if let Some((twips, chars)) = left {
        x.attr_num("w:left", twips).attr_num("w:leftChars", chars);
    }
    x.attr_num("w:firstLine", first.0)
        .attr_num("w:firstLineChars", first.1)
        .close_empty();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_base_is_defined_before_its_styles() {
        let all = all();
        for (i, s) in all.iter().enumerate() {
            if let Some(base) = s.based_on {
                let at = all.iter().position(|b| b.id == base);
                assert!(at.is_some_and(|at| at < i), "{}", s.id);
            }
        }
        let mut ids: Vec<&str> = all.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
    }
}

//! Page and type settings (GB/T 9704-2012) in, WordprocessingML paragraph and run markup out.
//!
//! | element | font (`w:eastAsia`) | size | `w:sz` |
//! | --- | --- | --- | --- |
//! | title | 方正小标宋简体 | 二号 22 pt | 44 |
//! | body, level-3/4 headings | 仿宋_GB2312 | 三号 16 pt | 32 |
//! | level-1 heading | 黑体 | 三号 | 32 |
//! | level-2 heading | 楷体_GB2312 | 三号 | 32 |
//! | table title | 方正小标宋简体 | 小二 18 pt | 36 |
//! | table text / header | 仿宋_GB2312 / 黑体 | 小四 12 pt | 24 |
//! | page number | 宋体 | 四号 14 pt | 28 |
//!
//! Latin letters and digits are Times New Roman everywhere (`w:ascii`/`w:hAnsi`) except in the
//! page number, which GB/T 9704 7.5 sets in 宋体.

use super::xml::Xml;

/// A4 width and height in twips.
pub(crate) const PAGE_W: i64 = 11906;
/// A4 height in twips.
pub(crate) const PAGE_H: i64 = 16838;
/// Margins in twips (1 mm = 56.693 twips): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
pub(crate) const MARGIN_TOP: i64 = 2098;
/// Bottom margin, 35 mm.
pub(crate) const MARGIN_BOTTOM: i64 = 1984;
/// Left margin, 28 mm.
pub(crate) const MARGIN_LEFT: i64 = 1587;
/// Right margin, 26 mm.
pub(crate) const MARGIN_RIGHT: i64 = 1474;
/// Footer distance from the page edge: the page number's top sits 7 mm below the text block
/// (35 mm − 7 mm = 28 mm from the edge), so its baseline is about 23 mm up.
pub(crate) const FOOTER: i64 = 1304;
/// Header distance (no header is written; Word's default).
pub(crate) const HEADER: i64 = 851;
/// Text width: 11906 − 1587 − 1474 = 8845 twips = 156 mm.
pub(crate) const TEXT_W: i64 = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
/// Text height: 16838 − 2098 − 1984 = 12756 twips = 225 mm.
pub(crate) const TEXT_H: i64 = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM;
/// Lines per page (GB/T 9704 5.2.3).
pub(crate) const LINES: i64 = 22;
/// Characters per line (GB/T 9704 5.2.3).
pub(crate) const CHARS: i64 = 28;
/// Line pitch: 12756 / 22 = 579.8, written as 579 so that 22 lines always fit.
pub(crate) const LINE_PITCH: i64 = TEXT_H / LINES;
/// Body size in half-points (三号 16 pt).
pub(crate) const BODY_SZ: u32 = 32;

/// Character spacing of all text, in twips (`w:spacing` in the run defaults): 三号 characters
/// condensed so that 28 fit across 156 mm — 8845 / 28 = 315 twips a character (rounded down so
/// the 28th always fits) against 320 for 16 pt, so −5 (−0.25 pt). Word and LibreOffice both lay
/// out condensed text the same way, whereas a `linesAndChars` grid with a negative `w:charSpace`
/// gives 28 characters in Word but about 18 in LibreOffice; the grid therefore snaps lines only.
pub(crate) const CHAR_SPACING: i32 = (TEXT_W / CHARS - BODY_SZ as i64 * 10) as i32;

/// A run's font and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Font {
    /// East Asian font (`w:eastAsia`).
    pub east_asia: &'static str,
    /// Latin font (`w:ascii`, `w:hAnsi`).
    pub latin: &'static str,
    /// Size in half-points.
    pub size: u32,
}

/// Latin font of the whole document.
pub(crate) const LATIN: &str = "Times New Roman";
/// The document default (body text): no run properties needed.
pub(crate) const BODY: Font = Font {
    east_asia: "仿宋_GB2312",
    latin: LATIN,
    size: BODY_SZ,
};
/// Level-1 headings.
pub(crate) const HEADING1: Font = Font {
    east_asia: "黑体",
    latin: LATIN,
    size: BODY_SZ,
};
/// Level-2 headings.
pub(crate) const HEADING2: Font = Font {
    east_asia: "楷体_GB2312",
    latin: LATIN,
    size: BODY_SZ,
};
/// The report title.
pub(crate) const TITLE: Font = Font {
    east_asia: "方正小标宋简体",
    latin: LATIN,
    size: 44,
};
/// The table title.
pub(crate) const TABLE_TITLE: Font = Font {
    east_asia: "方正小标宋简体",
    latin: LATIN,
    size: 36,
};
/// The table subtitle (`（2018年度）`).
pub(crate) const TABLE_SUBTITLE: Font = HEADING2;
/// Table cells.
pub(crate) const TABLE_TEXT: Font = Font {
    east_asia: "仿宋_GB2312",
    latin: LATIN,
    size: 24,
};
/// Table header cells.
pub(crate) const TABLE_HEAD: Font = Font {
    east_asia: "黑体",
    latin: LATIN,
    size: 24,
};
/// Page numbers.
pub(crate) const PAGE_NUMBER: Font = Font {
    east_asia: "宋体",
    latin: "宋体",
    size: 28,
};

/// The font of a heading of `level` (1–4; anything else is body).
pub(crate) fn heading_font(level: u8) -> Font {
    match level {
        1 => HEADING1,
        2 => HEADING2,
        _ => BODY,
    }
}

/// Paragraph properties, written in `CT_PPr` order.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Para {
    /// `w:pStyle`: a paragraph style of `styles.xml` (see [`TABLE_STYLES`]).
    pub style: Option<&'static str>,
    /// `w:keepNext`.
    pub keep_next: bool,
    /// `w:pageBreakBefore`.
    pub page_break_before: bool,
    /// `w:snapToGrid w:val="0"` (table cells: rows as tall as their text, not the grid).
    pub off_grid: bool,
    /// `w:spacing w:after` in twips.
    pub after: Option<i64>,
    /// Left indent in hundredths of a character, with its twips equivalent.
    pub left_chars: Option<(i64, i64)>,
    /// Right indent in twips.
    pub right: Option<i64>,
    /// Two-character first-line indent (body and headings).
    pub first_line: bool,
    /// `w:jc`.
    pub jc: Option<&'static str>,
    /// `w:outlineLvl` (0-based).
    pub outline: Option<u8>,
}

impl Para {
    /// Body paragraph: justified, two-character first-line indent.
    pub(crate) const BODY: Para = Para {
        style: None,
        keep_next: false,
        page_break_before: false,
        off_grid: false,
        after: None,
        left_chars: None,
        right: None,
        first_line: true,
        jc: Some("both"),
        outline: None,
    };

    /// The font runs of this paragraph have without run properties.
    pub(crate) fn font(&self) -> Font {
        TABLE_STYLES
            .iter()
            .find(|s| Some(s.id) == self.style)
            .map_or(BODY, |s| s.font)
    }

    /// Writes `<w:pPr>…</w:pPr>` (nothing when every property is unset).
    pub(crate) fn write(&self, x: &mut Xml) {
        let any = self.style.is_some()
            || self.keep_next
            || self.page_break_before
            || self.off_grid
            || self.after.is_some()
            || self.left_chars.is_some()
            || self.right.is_some()
            || self.first_line
            || self.jc.is_some()
            || self.outline.is_some();
        if !any {
            return;
        }
        x.start("w:pPr");
        if let Some(style) = self.style {
            x.val("w:pStyle", style);
        }
        if self.keep_next {
            x.empty("w:keepNext");
        }
        if self.page_break_before {
            x.empty("w:pageBreakBefore");
        }
        if self.off_grid {
            x.val("w:snapToGrid", "0");
        }
        if let Some(after) = self.after {
            x.open("w:spacing").attr_num("w:after", after).close_empty();
        }
        self.write_ind(x);
        if let Some(jc) = self.jc {
            x.val("w:jc", jc);
        }
        if let Some(level) = self.outline {
            x.open("w:outlineLvl")
                .attr_num("w:val", i64::from(level))
                .close_empty();
        }
        x.end("w:pPr");
    }

    fn write_ind(&self, x: &mut Xml) {
        if self.left_chars.is_none() && self.right.is_none() && !self.first_line {
            return;
        }
        x.open("w:ind");
        if let Some((chars, twips)) = self.left_chars {
            x.attr_num("w:left", twips).attr_num("w:leftChars", chars);
        }
        if let Some(right) = self.right {
            x.attr_num("w:right", right);
        }
        if self.first_line {
            // Two characters of the body size: 2 × 16 pt = 640 twips.
            x.attr_num("w:firstLine", 2 * i64::from(BODY_SZ) * 10)
                .attr_num("w:firstLineChars", 200);
        }
        x.close_empty();
    }
}

/// A paragraph style of the statistics table, so that its many cells need no properties of
/// their own.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TableStyle {
    /// Style id.
    pub id: &'static str,
    /// Style name.
    pub name: &'static str,
    /// Alignment.
    pub jc: &'static str,
    /// Font.
    pub font: Font,
}

/// Cell styles: centred text, left-aligned labels, the header; all off the line grid.
pub(crate) const TABLE_STYLES: [TableStyle; 3] = [
    TableStyle {
        id: "XxgkCell",
        name: "xxgk table cell",
        jc: "center",
        font: TABLE_TEXT,
    },
    TableStyle {
        id: "XxgkLabel",
        name: "xxgk table label",
        jc: "left",
        font: TABLE_TEXT,
    },
    TableStyle {
        id: "XxgkHead",
        name: "xxgk table header",
        jc: "center",
        font: TABLE_HEAD,
    },
];

/// Writes `<w:rPr>` for `font` (nothing when it is the paragraph's own, `base`).
pub(crate) fn write_rpr(x: &mut Xml, font: Font, base: Font) {
    if font == base {
        return;
    }
    x.start("w:rPr");
    if (font.latin, font.east_asia) != (base.latin, base.east_asia) {
        x.open("w:rFonts")
            .attr("w:ascii", font.latin)
            .attr("w:hAnsi", font.latin)
            .attr("w:eastAsia", font.east_asia)
            .attr("w:cs", font.latin)
            .close_empty();
    }
    if font.size != base.size {
        let size = font.size.to_string();
        x.val("w:sz", &size).val("w:szCs", &size);
    }
    x.end("w:rPr");
}

/// Writes one run of `text` in `font` (in a paragraph whose own font is `base`): TAB becomes `w:tab`, a line feed `w:br`. Returns the
/// number of characters XML cannot carry that were dropped.
pub(crate) fn write_run(x: &mut Xml, font: Font, base: Font, text: &str) -> usize {
    if text.is_empty() {
        return 0;
    }
    x.start("w:r");
    write_rpr(x, font, base);
    let mut dropped = 0;
    let mut first = true;
    for line in text.split('\n') {
        if !first {
            x.empty("w:br");
        }
        first = false;
        let mut first_piece = true;
        for piece in line.split('\t') {
            if !first_piece {
                x.empty("w:tab");
            }
            first_piece = false;
            let piece = piece.strip_suffix('\r').unwrap_or(piece);
            if piece.is_empty() {
                continue;
            }
            x.open("w:t");
            if piece.starts_with(char::is_whitespace) || piece.ends_with(char::is_whitespace) {
                x.attr("xml:space", "preserve");
            }
            x.close_start();
            dropped += x.text(piece);
            x.end("w:t");
        }
    }
    x.end("w:r");
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_matches_gbt9704() {
        assert_eq!(TEXT_W, 8845);
        assert_eq!(LINE_PITCH, 579);
        // 16 pt characters condensed by CHAR_SPACING: 28 fit across 156 mm, 29 do not.
        let pitch = BODY_SZ as i64 * 10 + CHAR_SPACING as i64;
        assert!(pitch * 28 <= TEXT_W, "{pitch}");
        assert!(pitch * 29 > TEXT_W, "{pitch}");
    }
}

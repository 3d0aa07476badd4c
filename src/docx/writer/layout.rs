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

use super::styles::{self, Style};
use super::xml::{has_break, Xml};

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
#[derive(Debug, Clone, Copy, Eq)]
pub(crate) struct Font {
    /// East Asian font (`w:eastAsia`).
    pub east_asia: &'static str,
    /// Latin font (`w:ascii`, `w:hAnsi`).
    pub latin: &'static str,
    /// Size in half-points.
    pub size: u32,
}

impl PartialEq for Font {
    /// Equal names and size; the names are constants, so the same pointer usually decides.
    fn eq(&self, other: &Font) -> bool {
        let same = |a: &'static str, b: &'static str| std::ptr::eq(a, b) || a == b;
        self.size == other.size
            && same(self.east_asia, other.east_asia)
            && same(self.latin, other.latin)
    }
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

/// A paragraph of `document.xml`: its style and the few properties it sets against it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Para {
    /// The paragraph style ([`styles::NORMAL`] is written as no `w:pStyle`).
    pub style: &'static Style,
    /// `w:keepNext`: `Some(false)` for a run-in heading (its text goes on), `Some(true)` for
    /// a heading of a level without a style.
    pub keep_next: Option<bool>,
    /// `w:outlineLvl` (0-based) for a heading of a level without a style.
    pub outline: Option<u8>,
}

impl Para {
    /// A paragraph in `style` with nothing of its own.
    pub(crate) const fn of(style: &'static Style) -> Para {
        Para {
            style,
            keep_next: None,
            outline: None,
        }
    }

    /// Body text.
    pub(crate) const BODY: Para = Para::of(&styles::NORMAL);

    /// Writes `<w:pPr>…</w:pPr>` (nothing for a body paragraph).
    pub(crate) fn write(&self, x: &mut Xml) {
        let styled = self.style.id != styles::NORMAL.id;
        if !styled && self.keep_next.is_none() && self.outline.is_none() {
            return;
        }
        x.raw("<w:pPr>");
        if styled {
            x.raw("<w:pStyle w:val=\"").raw(self.style.id).raw("\"/>");
        }
        match self.keep_next {
            Some(true) => x.raw("<w:keepNext/>"),
            Some(false) => x.raw("<w:keepNext w:val=\"0\"/>"),
            None => x,
        };
        if let Some(level) = self.outline {
            x.open("w:outlineLvl")
                .attr_num("w:val", i64::from(level))
                .close_empty();
        }
        x.raw("</w:pPr>");
    }
}

/// Writes `<w:rPr>` for `font` where the paragraph's own font is `base`: only what differs
/// (nothing when the fonts are equal).
pub(crate) fn write_rpr(x: &mut Xml, font: Font, base: Font) {
    if font == base {
        return;
    }
    x.raw("<w:rPr>");
    let latin = font.latin != base.latin;
    if latin || font.east_asia != base.east_asia {
        x.open("w:rFonts");
        if latin {
            x.attr("w:ascii", font.latin).attr("w:hAnsi", font.latin);
        }
        if font.east_asia != base.east_asia {
            x.attr("w:eastAsia", font.east_asia);
        }
        x.close_empty();
    }
    if font.size != base.size {
        let size = i64::from(font.size);
        x.open("w:sz").attr_num("w:val", size).close_empty();
        x.open("w:szCs").attr_num("w:val", size).close_empty();
    }
    x.raw("</w:rPr>");
}

/// Writes the runs of a paragraph whose own font is `base`: adjacent texts in the same font
/// share one run (and one `w:t` where they can); empty texts write nothing. Returns the number
/// of characters XML cannot carry that were dropped.
pub(crate) fn write_runs(x: &mut Xml, base: Font, runs: &[(Font, &str)]) -> usize {
    let mut w = Runs {
        x,
        run: None,
        t_open: false,
        dropped: 0,
    };
    for &(font, text) in runs {
        if text.is_empty() {
            continue;
        }
        if w.run != Some(font) {
            w.close_run();
            w.x.raw("<w:r>");
            write_rpr(w.x, font, base);
            w.run = Some(font);
        }
        w.text(text);
    }
    w.close_run();
    w.dropped
}

/// The run being written.
struct Runs<'x> {
    x: &'x mut Xml,
    /// The font of the open run.
    run: Option<Font>,
    /// A `<w:t>` without `xml:space` is open.
    t_open: bool,
    dropped: usize,
}

impl Runs<'_> {
    fn close_t(&mut self) {
        if self.t_open {
            self.x.raw("</w:t>");
            self.t_open = false;
        }
    }

    fn close_run(&mut self) {
        self.close_t();
        if self.run.take().is_some() {
            self.x.raw("</w:r>");
        }
    }

    /// The content of a run: TAB becomes `w:tab`, a line feed `w:br`; a CR ending a piece is
    /// dropped.
    fn text(&mut self, text: &str) {
        if !has_break(text) {
            return self.piece(text.strip_suffix('\r').unwrap_or(text));
        }
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.close_t();
                self.x.raw("<w:br/>");
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    self.close_t();
                    self.x.raw("<w:tab/>");
                }
                self.piece(piece.strip_suffix('\r').unwrap_or(piece));
            }
        }
    }

    /// Text without breaks: added to the open `<w:t>`, or in a `<w:t xml:space="preserve">` of
    /// its own when it starts or ends with white space.
    fn piece(&mut self, piece: &str) {
        if piece.is_empty() {
            return;
        }
        if piece.starts_with(char::is_whitespace) || piece.ends_with(char::is_whitespace) {
            self.close_t();
            self.x.raw("<w:t xml:space=\"preserve\">");
            self.dropped += self.x.text(piece);
            self.x.raw("</w:t>");
            return;
        }
        if !self.t_open {
            self.x.raw("<w:t>");
            self.t_open = true;
        }
        self.dropped += self.x.text(piece);
    }
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

//! A [`Report`] in, `word/document.xml` out: title, intro, numbered sections, then each
//! statistics table on a new page, then the section properties (page, margins, grid, footers).

use crate::diagnostic::{Diagnostic, Location};
use crate::model::{Report, Section};

use super::anchors::{Bookmarks, Mark, Place};
use super::layout::{self as l, Font, Para};
use super::styles;
use super::xml::Xml;
use super::WriteOptions;

/// Relationship ids of the odd-page (default) and even-page footers.
pub(crate) const FOOTER_ODD_RID: &str = "rIdFooter1";
/// Even-page footer relationship id.
pub(crate) const FOOTER_EVEN_RID: &str = "rIdFooter2";

/// Title width set on one line: 8845 twips / 440 = 20.1 characters of 二号 fit, but on the
/// character grid a full line looks crowded and may wrap in some renderers; 18 leaves a margin.
const TITLE_LINE_EM: f64 = 18.0;

/// The document being written.
pub(crate) struct Body<'a, 'd> {
    pub(crate) x: Xml,
    pub(crate) marks: Bookmarks<'a>,
    pub(crate) diags: &'d mut Vec<Diagnostic>,
    /// Room for the model path of the paragraph being written.
    scratch: String,
}

/// Where a paragraph is in the model, spelled out (`sections[0].paragraphs[1]`) only while
/// bookmarks wait for their place or for a diagnostic.
#[derive(Debug, Clone, Copy)]
pub(crate) enum At<'p> {
    /// Nowhere a bookmark can be anchored (its path is empty).
    Nowhere,
    /// `title`.
    Title,
    /// `intro[i]`.
    Intro(usize),
    /// A section heading: its path.
    Section(&'p str),
    /// Paragraph `k` of the section at the path.
    Paragraph(&'p str, usize),
    /// `tables[t].part`.
    Table(usize, &'static str),
    /// `tables[t].rows[i]`.
    Row(usize, usize),
    /// `tables[t].rows[i].value`.
    Value(usize, usize),
}

impl At<'_> {
    /// Appends the path to `s`.
    pub(crate) fn write(self, s: &mut String) {
        use std::fmt::Write as _;
        let _ = match self {
            At::Nowhere => Ok(()),
            At::Title => s.write_str("title"),
            At::Intro(i) => write!(s, "intro[{i}]"),
            At::Section(path) => s.write_str(path),
            At::Paragraph(path, k) => write!(s, "{path}.paragraphs[{k}]"),
            At::Table(t, part) => write!(s, "tables[{t}].{part}"),
            At::Row(t, i) => write!(s, "tables[{t}].rows[{i}]"),
            At::Value(t, i) => write!(s, "tables[{t}].rows[{i}].value"),
        };
    }

    /// The kind of place (none for [`At::Nowhere`]).
    fn place(self) -> Option<Place> {
        Some(match self {
            At::Nowhere => return None,
            At::Title => Place::Title,
            At::Intro(_) => Place::Intro,
            At::Section(_) => Place::Section,
            At::Paragraph(..) => Place::Paragraph,
            At::Table(..) => Place::Table,
            At::Row(..) => Place::Row,
            At::Value(..) => Place::Value,
        })
    }

    fn path(self) -> String {
        let mut s = String::new();
        self.write(&mut s);
        s
    }
}

impl<'a> Body<'a, '_> {
    /// Writes one paragraph: properties, bookmarks starting at `path` (plus `extra`), runs.
    pub(crate) fn paragraph(
        &mut self,
        at: At<'_>,
        para: Para,
        extra: &[Mark<'a>],
        runs: &[(Font, &str)],
    ) {
        let marks = match at.place() {
            Some(place) if self.marks.waits(place) => {
                self.scratch.clear();
                at.write(&mut self.scratch);
                self.marks.take(place, &self.scratch)
            }
            _ => Vec::new(),
        };
        self.x.raw("<w:p>");
        para.write(&mut self.x);
        for &(id, name) in extra.iter().chain(&marks) {
            self.x
                .open("w:bookmarkStart")
                .attr_num("w:id", i64::from(id))
                .attr("w:name", name)
                .close_empty();
        }
        let dropped = l::write_runs(&mut self.x, para.style.font, runs);
        for &(id, _) in extra.iter().chain(&marks) {
            self.x
                .open("w:bookmarkEnd")
                .attr_num("w:id", i64::from(id))
                .close_empty();
        }
        self.x.raw("</w:p>");
        if dropped > 0 {
            self.diags.push(
                Diagnostic::warning(
                    "write.text.invalid_char",
                    format!("{dropped} control character(s) XML cannot carry were left out"),
                )
                .at(Location::path(at.path())),
            );
        }
    }
}

/// Writes the whole `word/document.xml`.
pub(crate) fn document(
    report: &Report,
    opts: &WriteOptions,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let marks = Bookmarks::new(report, diags);
    let estimate = 4096
        + report.intro.iter().map(|p| p.len() + 200).sum::<usize>()
        + report
            .tables
            .iter()
            .map(|t| t.rows.len() * 1600)
            .sum::<usize>()
        + report.sections.len() * 2048;
    let mut body = Body {
        x: Xml::with_capacity(estimate),
        marks,
        diags,
        scratch: String::new(),
    };
    body.x.raw(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>",
    );
    title(&mut body, report);
    for (i, text) in report.intro.iter().enumerate() {
        body.paragraph(At::Intro(i), Para::BODY, &[], &[(l::BODY, text)]);
    }
    sections(&mut body, &report.sections);
    for (t, table) in report.tables.iter().enumerate() {
        super::table::table(&mut body, report, table, t, opts.complete);
    }
    section_properties(&mut body.x);
    body.x.raw("</w:body></w:document>");
    body.x.finish()
}

/// The title, centred, split over lines by [`title_lines`], with the bookmarks that have no
/// place of their own at its start.
fn title(body: &mut Body<'_, '_>, report: &Report) {
    let start = std::mem::take(&mut body.marks.start);
    let lines = title_lines(&report.title).join("\n");
    let para = Para::of(&styles::TITLE);
    body.paragraph(At::Title, para, &start, &[(l::TITLE, &lines)]);
}

/// Display width in em: CJK and full-width characters 1, others ½.
fn width(s: &str) -> f64 {
    s.chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.5 } else { 1.0 })
        .sum()
}

/// How a long title is set (GB/T 9704 7.3.1: 回行时词意完整、排列对称).
///
/// | title width (二号 em) | lines |
/// | --- | --- |
/// | ≤ 18 | one |
/// | ≤ 36 | two: break before the year (`2018年`) or before `政府信息公开` when both lines fit, the more balanced of these; else at the most balanced point not inside a run of Latin letters or digits |
/// | more | ⌈width / 18⌉ lines of balanced width, same break rule |
///
/// The lines joined without separator give the title back.
pub(crate) fn title_lines(title: &str) -> Vec<&str> {
    let total = width(title);
    if total <= TITLE_LINE_EM {
        return vec![title];
    }
    let breaks: Vec<usize> = title
        .char_indices()
        .skip(1)
        .filter(|&(i, c)| {
            let prev = title[..i].chars().next_back().unwrap_or(' ');
            !(prev.is_ascii_alphanumeric() && c.is_ascii_alphanumeric())
        })
        .map(|(i, _)| i)
        .collect();
    if total <= 2.0 * TITLE_LINE_EM {
        let preferred = breaks.iter().copied().filter(|&i| {
            let rest = &title[i..];
            let year = rest.len() >= 7
                && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                && rest[4..].starts_with('年');
            year || rest.starts_with("政府信息公开")
        });
        let fits =
            |&i: &usize| width(&title[..i]) <= TITLE_LINE_EM && width(&title[i..]) <= TITLE_LINE_EM;
        let imbalance = |i: usize| (width(&title[..i]) - width(&title[i..])).abs();
        let best = |it: &mut dyn Iterator<Item = usize>| {
            it.min_by(|&a, &b| imbalance(a).total_cmp(&imbalance(b)))
        };
        let at = best(&mut preferred.filter(fits)).or_else(|| best(&mut breaks.iter().copied()));
        return match at {
            Some(i) => vec![&title[..i], &title[i..]],
            None => vec![title],
        };
    }
    let n = (total / TITLE_LINE_EM).ceil();
    let target = total / n;
    let mut lines = Vec::new();
    let mut from = 0;
    for &i in &breaks {
        if width(&title[from..i]) >= target {
            lines.push(&title[from..i]);
            from = i;
        }
    }
    lines.push(&title[from..]);
    lines
}

/// Sections in document order (pre-order), without recursion.
fn sections(body: &mut Body<'_, '_>, top: &[Section]) {
    let mut stack: Vec<(&Section, String)> = top
        .iter()
        .enumerate()
        .rev()
        .map(|(i, s)| (s, format!("sections[{i}]")))
        .collect();
    while let Some((section, path)) = stack.pop() {
        heading(body, section, &path);
        for (k, text) in section.paragraphs.iter().enumerate() {
            body.paragraph(At::Paragraph(&path, k), Para::BODY, &[], &[(l::BODY, text)]);
        }
        for (j, child) in section.children.iter().enumerate().rev() {
            stack.push((child, format!("{path}.children[{j}]")));
        }
    }
}

/// Splits a run-in heading: `加强组织领导。调整……` → (`加强组织领导。`, `调整……`); a heading
/// without a `。` followed by more text is all heading.
pub(crate) fn split_run_in(heading: &str) -> (&str, &str) {
    match heading.find('。') {
        Some(i) if i + '。'.len_utf8() < heading.len() => heading.split_at(i + '。'.len_utf8()),
        _ => (heading, ""),
    }
}

/// A numbered heading in its level's style (`XxgkHeading1` … `XxgkHeading4`): number and
/// heading in one run in the level's font, a run-in rest in body type. Levels 5–9 take the
/// level-4 style with their own outline level; any other level is body text kept with the next.
fn heading(body: &mut Body<'_, '_>, section: &Section, path: &str) {
    let level = section.level;
    let (head, rest) = split_run_in(&section.heading);
    let mut para = match level {
        1..=4 => Para::of(&styles::HEADINGS[usize::from(level - 1)]),
        5..=9 => Para {
            outline: Some(level - 1),
            ..Para::of(&styles::HEADINGS[3])
        },
        _ => Para {
            keep_next: Some(true),
            ..Para::BODY
        },
    };
    if !rest.is_empty() {
        // A run-in heading's paragraph goes on in body text: not kept with the next.
        para.keep_next = Some(false);
    }
    let font = para.style.font;
    body.paragraph(
        At::Section(path),
        para,
        &[],
        &[(font, &section.number), (font, head), (l::BODY, rest)],
    );
}

/// `w:sectPr`: footers, A4, GB/T 9704 margins, 22 × 28 grid.
fn section_properties(x: &mut Xml) {
    x.start("w:sectPr");
    x.open("w:footerReference")
        .attr("w:type", "even")
        .attr("r:id", FOOTER_EVEN_RID)
        .close_empty();
    x.open("w:footerReference")
        .attr("w:type", "default")
        .attr("r:id", FOOTER_ODD_RID)
        .close_empty();
    x.open("w:pgSz")
        .attr_num("w:w", l::PAGE_W)
        .attr_num("w:h", l::PAGE_H)
        .close_empty();
    x.open("w:pgMar")
        .attr_num("w:top", l::MARGIN_TOP)
        .attr_num("w:right", l::MARGIN_RIGHT)
        .attr_num("w:bottom", l::MARGIN_BOTTOM)
        .attr_num("w:left", l::MARGIN_LEFT)
        .attr_num("w:header", l::HEADER)
        .attr_num("w:footer", l::FOOTER)
        .attr_num("w:gutter", 0)
        .close_empty();
    x.open("w:cols").attr_num("w:space", 425).close_empty();
    x.open("w:docGrid")
        .attr("w:type", "lines")
        .attr_num("w:linePitch", l::LINE_PITCH)
        .close_empty();
    x.end("w:sectPr");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_stay_on_one_line() {
        assert_eq!(
            title_lines("市外办2018年政府信息公开工作年度报告"),
            ["市外办2018年政府信息公开工作年度报告"]
        );
    }

    #[test]
    fn a_nineteen_character_title_breaks_at_the_balanced_point() {
        assert_eq!(
            title_lines("市统计局2016年政府信息公开工作年度报告"),
            ["市统计局2016年", "政府信息公开工作年度报告"]
        );
    }

    #[test]
    fn long_titles_break_before_the_year() {
        let t = "宁波市人力资源和社会保障局2018年政府信息公开工作年度报告";
        assert_eq!(
            title_lines(t),
            [
                "宁波市人力资源和社会保障局",
                "2018年政府信息公开工作年度报告"
            ]
        );
    }

    #[test]
    fn very_long_titles_never_lose_text() {
        let t = "某某省某某市某某区人民政府办公室关于某某某某某某某某某某某某某某某某某某某某某某某某某某某某2018年政府信息公开工作年度报告";
        let lines = title_lines(t);
        assert!(lines.len() >= 3);
        assert_eq!(lines.concat(), t);
    }

    #[test]
    fn run_in_headings_split_after_the_first_full_stop() {
        assert_eq!(
            split_run_in("加强组织领导。调整局政务公开。"),
            ("加强组织领导。", "调整局政务公开。")
        );
        assert_eq!(split_run_in("概述"), ("概述", ""));
        assert_eq!(split_run_in("一句话。"), ("一句话。", ""));
    }
}

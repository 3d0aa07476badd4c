//! `w:p` in, [`Paragraph`] out: paragraph properties (style, outline level, alignment,
//! indentation, numbering), runs and their content (text, tabs, breaks, symbols, hyphens, note
//! references, pictures, text boxes), complex fields and bookmarks inside the paragraph.

use std::borrow::Cow;

use super::body::{exact, Ctx, StoryRef, Wrap};
use super::xml::{prop_attr, twips, Child, El, Ev, Ns, Xml};
use crate::diagnostic::Diagnostic;
use crate::document::{Alignment, Block, BreakKind, Indent, Inline, NoteKind, Paragraph};
use crate::error::Result;

/// Direct paragraph properties.
#[derive(Default, Clone)]
struct PPr {
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    alignment: Option<Alignment>,
    indent: Indent,
}

/// What the paragraph-properties scan does with a child of `w:pPr` (as [`Ctx::ppr`] does).
fn ppr_child(local: &[u8]) -> Child {
    match local {
        b"pStyle" | b"numId" | b"ilvl" | b"outlineLvl" | b"jc" | b"ind" => Child::Take,
        b"numPr" => Child::Enter,
        b"sectPr" | b"pPr" => Child::Refuse,
        _ => Child::Skip,
    }
}

impl PPr {
    /// Takes the `w:val` of a wanted child other than `w:ind`.
    fn set(&mut self, local: &[u8], val: Option<&str>) {
        match local {
            b"pStyle" => self.style = val.map(str::to_owned),
            b"numId" => self.num_id = val.and_then(|v| v.trim().parse().ok()),
            b"ilvl" => self.ilvl = val.and_then(|v| v.trim().parse().ok()),
            b"outlineLvl" => self.outline = val.and_then(|v| v.trim().parse().ok()),
            b"jc" => self.alignment = val.and_then(alignment),
            _ => {}
        }
    }
}

/// A paragraph being read: its inlines so far, and the text read since the last other inline
/// (one [`Inline::Text`] once something else comes or the paragraph ends). The text buffer is
/// reused from paragraph to paragraph, so a paragraph's text costs one exact-size allocation.
struct Build {
    p: Paragraph,
    text: String,
}

impl Build {
    fn add_text(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn push(&mut self, i: Inline) {
        self.flush();
        self.p.inlines.push(i);
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.p
                .inlines
                .push(Inline::Text(self.text.as_str().to_owned()));
            self.text.clear();
        }
    }
}

/// Plain paragraph properties at the current position, read at once ([`Xml::scan_props`]);
/// taken into `ppr` only when the whole element is (a second `w:pPr` adds to the first).
fn scan_ppr(x: &mut Xml<'_>, ppr: &mut PPr) -> bool {
    let mut next: Option<PPr> = None;
    let read = x.scan_props(b"w:pPr", ppr_child, |local, attrs| {
        let next = next.get_or_insert_with(|| ppr.clone());
        if local == b"ind" {
            next.indent = indent_of(attrs.iter().copied());
        } else {
            next.set(local, prop_attr(attrs, b"val"));
        }
        true
    });
    if read {
        if let Some(next) = next {
            *ppr = next;
        }
    }
    read
}

impl Ctx {
    /// A paragraph written as an empty element (`<w:p/>`).
    pub fn empty_paragraph(&mut self) -> Paragraph {
        let mut p = Paragraph::default();
        self.finish(&mut p, PPr::default());
        p
    }

    /// A paragraph under construction, with the buffers this context lends it.
    fn begin(&mut self) -> Build {
        let mut b = Build {
            p: Paragraph {
                // Taken for this paragraph (a text box inside it gets its own).
                inlines: std::mem::take(&mut self.inline_buf),
                ..Paragraph::default()
            },
            text: std::mem::take(&mut self.text_buf),
        };
        b.text.clear();
        b.p.inlines.clear();
        b
    }

    /// Reads the paragraph that starts at the current position when the whole of it is
    /// plain: a `w:p` start tag that [`Xml::plain_start`] takes, then only properties that
    /// [`Xml::scan_props`] takes, runs that [`Xml::plain_run`] takes and `w:proofErr` marks,
    /// then `</w:p>`. Such a paragraph costs no event at all. Anything else (and a field
    /// instruction open from an earlier paragraph, whose end is reported at this paragraph's
    /// end) goes back to where it began, having read nothing: `None`, and the caller reads the
    /// paragraph event by event. The result is the same either way (`without_plain_runs`
    /// turns this off; `tests/docx_plain_runs.rs` and the `docx_xml` fuzz target compare).
    pub fn plain_paragraph(&mut self, x: &mut Xml<'_>) -> Option<Paragraph> {
        if self.fields.last() == Some(&true) {
            return None;
        }
        let mark = x.mark();
        if !x.plain_start(b"p") {
            return None;
        }
        let mut b = self.begin();
        let mut ppr = PPr::default();
        let keep = !self.in_instruction();
        loop {
            if scan_ppr(x, &mut ppr) || x.plain_run(&mut b.text, keep) || x.plain_empty(b"proofErr")
            {
                continue;
            }
            if x.plain_end(b"p") {
                break;
            }
            x.restore(mark);
            self.text_buf = b.text;
            self.inline_buf = b.p.inlines;
            return None;
        }
        Some(self.end(x, b, ppr))
    }

    /// Reads a `w:p` whose start was just read.
    pub fn paragraph(&mut self, x: &mut Xml<'_>) -> Result<Paragraph> {
        let base = x.depth();
        let mut b = self.begin();
        let mut ppr = PPr::default();
        loop {
            if scan_ppr(x, &mut ppr) {
                continue;
            }
            // Most runs are plain text runs: read at once when they are.
            let keep = !self.in_instruction();
            if x.plain_run(&mut b.text, keep) {
                continue;
            }
            match x.next()? {
                Ev::Eof => return Err(x.eof()),
                Ev::End if x.depth() < base => break,
                Ev::Start(el) => self.inline(x, el, false, &mut b, &mut ppr)?,
                Ev::Empty(el) => self.inline(x, el, true, &mut b, &mut ppr)?,
                _ => {}
            }
        }
        Ok(self.end(x, b, ppr))
    }

    /// The paragraph `b` with properties `ppr`, its end tag just read.
    fn end(&mut self, x: &Xml<'_>, mut b: Build, ppr: PPr) -> Paragraph {
        b.flush();
        self.text_buf = b.text;
        let mut p = b.p;
        let inlines = exact(&mut p.inlines);
        self.inline_buf = std::mem::replace(&mut p.inlines, inlines);
        // A field whose instruction never got a `separate` or an `end` stops at the paragraph
        // end, so it cannot swallow the rest of the document.
        if self.fields.last() == Some(&true) {
            while self.fields.last() == Some(&true) {
                self.fields.pop();
            }
            self.diags.push(
                Diagnostic::warning(
                    "docx.field.unterminated",
                    "a field instruction is not closed at the end of its paragraph; the field was ended there",
                )
                .at(x.loc()),
            );
        }
        self.finish(&mut p, ppr);
        p
    }

    fn finish(&mut self, p: &mut Paragraph, ppr: PPr) {
        p.style = ppr.style;
        // A paragraph without a style, or naming one the document does not define, has the
        // default paragraph style (as in Word).
        let own = p
            .style
            .as_deref()
            .and_then(|s| self.styles.resolved(s).map(|r| (s, r)));
        let (style, resolved) = match own {
            Some((s, r)) => (Some(s), r),
            None => {
                let d = self.styles.default_para.as_deref();
                (
                    d,
                    d.and_then(|s| self.styles.resolved(s)).unwrap_or_default(),
                )
            }
        };
        p.outline_level = ppr.outline.filter(|&l| l < 9).or(resolved.outline);
        // Direct properties win, each indentation attribute on its own, as in Word.
        p.alignment = ppr.alignment.or(resolved.alignment);
        p.indent = ppr.indent.or(resolved.indent);
        let (snum, slvl) = (resolved.num_id, resolved.ilvl);
        if let Some(num) = ppr.num_id.or(snum).filter(|&n| n != 0) {
            let lvl = ppr
                .ilvl
                .or(slvl)
                .or_else(|| {
                    style.and_then(|s| self.numbering.level_for_style(num, s, &self.styles))
                })
                .unwrap_or(0);
            p.numbering = self
                .numbering
                .label(num, lvl, &self.styles, &mut self.diags);
        }
    }

    fn inline(
        &mut self,
        x: &mut Xml<'_>,
        el: El<'_>,
        empty: bool,
        p: &mut Build,
        ppr: &mut PPr,
    ) -> Result<()> {
        // The most frequent elements first.
        if el.ns == Ns::W {
            match el.local() {
                b"r" => return Ok(()),
                b"t" if !empty => return self.text(x, p),
                b"rPr" | b"proofErr" | b"lastRenderedPageBreak" => {
                    if !empty {
                        x.skip_el(&el)?;
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        if self.wrapper(x, &el, empty)? != Wrap::No {
            return Ok(());
        }
        match el.ns {
            Ns::W => {}
            Ns::M if el.local() == b"t" && !empty => return self.text(x, p),
            // Other namespaces (math, extensions): read through.
            _ => return Ok(()),
        }
        match el.local() {
            b"pPr" if !empty => self.ppr(x, ppr)?,
            b"t" if !empty => self.text(x, p)?,
            b"tab" | b"ptab" => p.push(Inline::Tab),
            b"br" => {
                let kind = match x.w(&el, b"type").as_deref() {
                    Some("page") => BreakKind::Page,
                    Some("column") => BreakKind::Column,
                    _ => BreakKind::Line,
                };
                p.push(Inline::Break(kind));
            }
            b"cr" => p.push(Inline::Break(BreakKind::Line)),
            b"noBreakHyphen" => p.add_text("-"),
            b"sym" => self.sym(x, &el, p),
            b"fldChar" => {
                let t = x.w(&el, b"fldCharType");
                self.field_char(t.as_deref(), x);
                if !empty {
                    x.skip_el(&el)?;
                }
            }
            b"footnoteReference" | b"endnoteReference" | b"commentReference" => {
                let kind = match el.local() {
                    b"footnoteReference" => NoteKind::Footnote,
                    b"endnoteReference" => NoteKind::Endnote,
                    _ => NoteKind::Comment,
                };
                let id = x.w(&el, b"id").map(|v| v.into_owned()).unwrap_or_default();
                self.refs.push(StoryRef::Note(kind, id.clone()));
                p.push(Inline::NoteRef { kind, id });
                if !empty {
                    x.skip_el(&el)?;
                }
            }
            b"bookmarkStart" => {
                if let Some(m) = self.bookmark_start(x, &el) {
                    p.push(Inline::Mark(m));
                }
            }
            b"bookmarkEnd" => {
                if let Some(m) = self.bookmark_end(x, &el) {
                    p.push(Inline::Mark(m));
                }
            }
            b"drawing" | b"pict" | b"object" if !empty => self.graphic(x, p)?,
            b"txbxContent" if !empty => self.text_box(x)?,
            b"tbl" if !empty => {
                self.diags.push(
                    Diagnostic::warning(
                        "docx.paragraph.nested_table",
                        "a table inside a paragraph was moved to the text-box stories",
                    )
                    .at(x.loc()),
                );
                let t = self.table(x)?;
                self.refs.push(StoryRef::TextBox(vec![Block::Table(t)]));
            }
            // Properties and marks that carry no text.
            b"sectPr"
            | b"footnoteRef"
            | b"endnoteRef"
            | b"annotationRef"
            | b"separator"
            | b"continuationSeparator"
            | b"lastRenderedPageBreak"
            | b"proofErr"
            | b"softHyphen"
            | b"commentRangeStart"
            | b"commentRangeEnd"
            | b"dayShort"
            | b"monthShort"
            | b"yearShort"
            | b"dayLong"
            | b"monthLong"
            | b"yearLong"
            | b"pgNum"
                if !empty =>
            {
                x.skip_el(&el)?
            }
            // Anything else (runs, `w:p` nested by mistake, unknown wrappers): read through.
            _ => {}
        }
        Ok(())
    }

    /// `w:t` (and `m:t`): its text, unless it is field code.
    fn text(&mut self, x: &mut Xml<'_>, p: &mut Build) -> Result<()> {
        let base = x.depth();
        let code = self.in_instruction();
        loop {
            match x.next()? {
                Ev::Eof => return Err(x.eof()),
                Ev::End if x.depth() < base => return Ok(()),
                Ev::Text(t) if !code => {
                    let s = t.as_str();
                    if let Cow::Owned(_) = s {
                        self.diags.push(
                            Diagnostic::warning(
                                "docx.xml.invalid_utf8",
                                "text with bytes that are not UTF-8; they were replaced with U+FFFD",
                            )
                            .at(x.loc()),
                        );
                    }
                    p.add_text(&s);
                }
                _ => {}
            }
        }
    }

    /// `w:sym`: the character, except symbol-font glyphs.
    fn sym(&mut self, x: &Xml<'_>, el: &El<'_>, p: &mut Build) {
        let font = x.w(el, b"font").unwrap_or(Cow::Borrowed(""));
        let code = x
            .w(el, b"char")
            .and_then(|c| u32::from_str_radix(c.trim(), 16).ok());
        let f = font.to_ascii_lowercase();
        let symbol_font = f == "symbol" || f.starts_with("wingdings") || f == "webdings";
        match code {
            Some(c) if !symbol_font && !(0xF000..=0xF0FF).contains(&c) => {
                if let Some(ch) = char::from_u32(c) {
                    let mut b = [0u8; 4];
                    p.add_text(ch.encode_utf8(&mut b));
                }
            }
            _ => self.diags.push(
                Diagnostic::info(
                    "docx.sym.symbol_font",
                    format!(
                        "symbol glyph {} of font {font:?} is not text",
                        x.w(el, b"char").unwrap_or_default()
                    ),
                )
                .at(x.loc()),
            ),
        }
    }

    /// `w:drawing`, `w:pict`, `w:object`: a picture, and any text-box content as a story.
    fn graphic(&mut self, x: &mut Xml<'_>, p: &mut Build) -> Result<()> {
        let base = x.depth();
        let mut picture = false;
        let mut boxes = false;
        let mut name: Option<String> = None;
        while let Some((el, empty)) = x.child(base)? {
            if self.wrapper(x, &el, empty)? != Wrap::No {
                continue;
            }
            match (el.ns, el.local()) {
                (Ns::W, b"txbxContent") if !empty => {
                    boxes = true;
                    self.text_box(x)?;
                }
                (Ns::Wp, b"docPr") | (Ns::V, b"shape") => {
                    let descr = x
                        .attr(&el, Ns::None, b"descr")
                        .or_else(|| x.attr(&el, Ns::None, b"alt"))
                        .filter(|d| !d.is_empty())
                        .or_else(|| x.attr(&el, Ns::None, b"name"))
                        .filter(|d| !d.is_empty());
                    if name.is_none() {
                        name = descr.map(|d| d.into_owned());
                    }
                }
                (Ns::A, b"blip") | (Ns::V, b"imagedata") => picture = true,
                (Ns::Other, b"pic") | (Ns::Other, b"chart") | (Ns::Other, b"OLEObject") => {
                    picture = true
                }
                _ => {}
            }
        }
        if picture || !boxes {
            p.push(Inline::Image(name));
        }
        Ok(())
    }

    /// `w:txbxContent`: its blocks become a text-box story.
    fn text_box(&mut self, x: &mut Xml<'_>) -> Result<()> {
        let mut blocks = Vec::new();
        self.enter(x)?;
        let r = self.blocks(x, &mut blocks);
        self.leave();
        r?;
        self.refs.push(StoryRef::TextBox(blocks));
        Ok(())
    }

    /// `w:pPr`.
    fn ppr(&mut self, x: &mut Xml<'_>, ppr: &mut PPr) -> Result<()> {
        let base = x.depth();
        while let Some((el, empty)) = x.child(base)? {
            if el.ns != Ns::W {
                if !empty {
                    x.skip_el(&el)?;
                }
                continue;
            }
            match el.local() {
                b"ind" => ppr.indent = indent(x, &el),
                b"sectPr" if !empty => self.sect_pr(x)?,
                b"numPr" | b"pPr" => {}
                local if ppr_child(local) == Child::Take => {
                    ppr.set(local, x.w(&el, b"val").as_deref())
                }
                _ => {
                    if !empty {
                        x.skip_el(&el)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// `w:jc`'s value → [`Alignment`].
pub(crate) fn alignment(v: &str) -> Option<Alignment> {
    Some(match v {
        "left" | "start" => Alignment::Left,
        "center" => Alignment::Center,
        "right" | "end" => Alignment::Right,
        "both" | "justify" | "lowKashida" | "mediumKashida" | "highKashida" => Alignment::Justify,
        "distribute" | "thaiDistribute" => Alignment::Distribute,
        _ => return None,
    })
}

/// `w:ind` → [`Indent`].
pub(crate) fn indent(x: &Xml<'_>, el: &El<'_>) -> Indent {
    let mut b = IndentAttrs::default();
    x.each_attr(el, Ns::W, |k, v| b.set(k, &v));
    b.finish()
}

/// [`Indent`] from the `w:` attributes of a `w:ind` (local name, value).
pub(crate) fn indent_of<'v>(attrs: impl Iterator<Item = (&'v [u8], &'v str)>) -> Indent {
    let mut b = IndentAttrs::default();
    attrs.for_each(|(k, v)| b.set(k, v));
    b.finish()
}

/// The attributes of a `w:ind` read so far.
#[derive(Default)]
struct IndentAttrs {
    left: Option<i32>,
    start: Option<i32>,
    right: Option<i32>,
    end: Option<i32>,
    first: Option<i32>,
    hanging: Option<i32>,
    first_ch: Option<i32>,
    hanging_ch: Option<i32>,
    left_ch: Option<i32>,
    start_ch: Option<i32>,
}

impl IndentAttrs {
    fn set(&mut self, k: &[u8], v: &str) {
        let t = || twips(v);
        let n = || v.trim().parse::<i32>().ok();
        match k {
            b"left" => self.left = t(),
            b"start" => self.start = t(),
            b"right" => self.right = t(),
            b"end" => self.end = t(),
            b"firstLine" => self.first = t(),
            b"hanging" => self.hanging = t(),
            b"firstLineChars" => self.first_ch = n(),
            b"hangingChars" => self.hanging_ch = n(),
            b"leftChars" => self.left_ch = n(),
            b"startChars" => self.start_ch = n(),
            _ => {}
        }
    }

    /// Every attribute once; the first-named of each pair wins, as in Word.
    fn finish(self) -> Indent {
        Indent {
            left: self.left.or(self.start),
            right: self.right.or(self.end),
            first_line: self.first.or(self.hanging.map(|h| -h)),
            first_line_chars: self.first_ch.or(self.hanging_ch.map(|h| -h)),
            left_chars: self.left_ch.or(self.start_ch),
        }
    }
}

//! `styles.xml` in, the paragraph-style facts the body needs out: `basedOn` chains, outline
//! levels and numbering (`numPr`) of each style, and the default paragraph style. Chains are
//! followed cycle-safe.

use std::collections::HashMap;

use super::paragraph::{alignment, indent, indent_of};
use super::xml::{prop_attr, Child, El, Ev, Ns, Xml};
use crate::document::{Alignment, Indent};
use crate::error::Result;

enum EvKind {
    Start,
    Empty,
}

/// Longest `basedOn` / link chain followed.
pub(crate) const MAX_CHAIN: usize = 32;

/// What the byte scan of a style does with an element, by local name: the elements
/// [`Styles::style`] reads, wherever they are, are taken, and those it passes over whole are
/// passed over; any other element is passed over only when it is empty, since one with content
/// might hold an element it reads.
fn style_child(local: &[u8]) -> Child {
    match local {
        b"basedOn" | b"outlineLvl" | b"numId" | b"ilvl" | b"jc" | b"ind" => Child::Take,
        b"rPr" | b"tblPr" | b"trPr" | b"tcPr" | b"tblStylePr" | b"rsid" | b"pPrChange" => {
            Child::Skip
        }
        b"pPr" | b"numPr" => Child::Enter,
        _ => Child::SkipEmpty,
    }
}

/// What a style says about paragraphs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Style {
    /// `w:basedOn`.
    pub based_on: Option<String>,
    /// `w:pPr/w:outlineLvl`.
    pub outline: Option<u8>,
    /// `w:pPr/w:numPr/w:numId`.
    pub num_id: Option<u32>,
    /// `w:pPr/w:numPr/w:ilvl`.
    pub ilvl: Option<u8>,
    /// `w:pPr/w:jc`.
    pub alignment: Option<Alignment>,
    /// `w:pPr/w:ind`.
    pub indent: Indent,
}

/// What a paragraph style gives a paragraph once its `basedOn` chain is followed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Resolved {
    /// Outline level (below 9).
    pub outline: Option<u8>,
    /// `numId`, nearest in the chain.
    pub num_id: Option<u32>,
    /// `ilvl`, nearest in the chain (found separately from `numId`).
    pub ilvl: Option<u8>,
    /// Alignment, nearest in the chain.
    pub alignment: Option<Alignment>,
    /// Indentation, each attribute nearest in the chain.
    pub indent: Indent,
}

/// The styles of a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Styles {
    map: HashMap<String, Style>,
    /// Each style's chain followed once, after parsing.
    resolved: Vec<(String, Resolved)>,
    /// Position in `resolved` by style id.
    index: HashMap<String, usize>,
    /// The position last looked up (paragraphs in a row mostly share a style).
    last: std::cell::Cell<usize>,
    /// The default paragraph style id.
    pub default_para: Option<String>,
}

impl Styles {
    /// Parses `styles.xml`.
    pub fn parse(x: &mut Xml<'_>) -> Result<Styles> {
        let mut s = Styles::default();
        loop {
            match x.next()? {
                Ev::Eof => break,
                Ev::Start(el) if el.is(Ns::W, b"latentStyles") || el.is(Ns::W, b"docDefaults") => {
                    x.skip_el(&el)?
                }
                Ev::Start(el) if el.is(Ns::W, b"style") => {
                    // One pass over the attributes; the first of a repeated name counts.
                    let (mut id, mut kind, mut default) = (None, None, None);
                    x.each_attr(&el, Ns::W, |k, v| match k {
                        b"styleId" if id.is_none() => id = Some(v),
                        b"type" if kind.is_none() => kind = Some(v),
                        b"default" if default.is_none() => default = Some(v),
                        _ => {}
                    });
                    let para = kind.map_or(true, |t| t == "paragraph" || t == "numbering");
                    let default = default.is_some_and(|d| d == "1" || d == "true");
                    let id = match id {
                        Some(id) if para => id.into_owned(),
                        // Character, table and list styles give paragraphs nothing: passed over
                        // whole (table styles are most of a large styles.xml).
                        _ => {
                            x.skip_el(&el)?;
                            continue;
                        }
                    };
                    let style = Self::style(x, &el)?;
                    if default && s.default_para.is_none() {
                        s.default_para = Some(id.clone());
                    }
                    s.map.entry(id).or_insert(style);
                }
                _ => {}
            }
        }
        s.resolve_all();
        Ok(s)
    }

    fn style(x: &mut Xml<'_>, el: &El<'_>) -> Result<Style> {
        // Written plainly, the style is read by one byte scan; what it takes is kept apart
        // until the scan succeeds.
        let mut scanned = Style::default();
        let read = x.scan_rest(el, style_child, |local, attrs| {
            let val = || prop_attr(attrs, b"val");
            match local {
                b"basedOn" => scanned.based_on = val().map(str::to_owned),
                b"outlineLvl" => scanned.outline = val().and_then(|v| v.trim().parse().ok()),
                b"numId" => scanned.num_id = val().and_then(|v| v.trim().parse().ok()),
                b"ilvl" => scanned.ilvl = val().and_then(|v| v.trim().parse().ok()),
                b"jc" => scanned.alignment = val().and_then(alignment),
                b"ind" => scanned.indent = indent_of(attrs.iter().copied()),
                _ => {}
            }
            true
        })?;
        if read {
            return Ok(scanned);
        }
        let base = x.depth();
        let mut st = Style::default();
        loop {
            match x.next()? {
                Ev::Eof => return Err(x.eof()),
                Ev::End if x.depth() < base => return Ok(st),
                ev @ (Ev::Start(_) | Ev::Empty(_)) => {
                    let (el, ev_kind) = match ev {
                        Ev::Start(el) => (el, EvKind::Start),
                        Ev::Empty(el) => (el, EvKind::Empty),
                        _ => continue,
                    };
                    if el.ns != Ns::W {
                        continue;
                    }
                    let val = || x.w(&el, b"val");
                    match el.local() {
                        b"basedOn" => st.based_on = val().map(|v| v.into_owned()),
                        b"outlineLvl" => st.outline = val().and_then(|v| v.trim().parse().ok()),
                        b"numId" => st.num_id = val().and_then(|v| v.trim().parse().ok()),
                        b"ilvl" => st.ilvl = val().and_then(|v| v.trim().parse().ok()),
                        b"jc" => st.alignment = val().as_deref().and_then(alignment),
                        b"ind" => st.indent = indent(x, &el),
                        b"rPr" | b"tblPr" | b"trPr" | b"tcPr" | b"tblStylePr" | b"rsid"
                        | b"pPrChange" => {
                            if matches!(ev_kind, EvKind::Start) {
                                x.skip_el(&el)?;
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }

    /// The chain `id`, its `basedOn`, … (cycle-safe, bounded).
    pub fn chain<'s>(&'s self, id: &'s str) -> impl Iterator<Item = &'s Style> + 's {
        // Bounded: a cycle ends after MAX_CHAIN steps.
        let mut next = Some(id);
        let mut hops = 0;
        std::iter::from_fn(move || {
            let id = next.take()?;
            if hops >= MAX_CHAIN {
                return None;
            }
            hops += 1;
            let st = self.map.get(id)?;
            next = st.based_on.as_deref();
            Some(st)
        })
    }

    /// Follows every style's chain once (called at the end of [`Styles::parse`]).
    fn resolve_all(&mut self) {
        let resolved: Vec<(String, Resolved)> = self
            .map
            .keys()
            .map(|id| {
                // One walk down the chain; each fact from the nearest style that states it
                // (`numId` and `ilvl` found separately, as `numbering` does); outline level 9
                // is body text, no level.
                let mut r = Resolved::default();
                let mut outline = None;
                for s in self.chain(id) {
                    outline = outline.or(s.outline);
                    r.num_id = r.num_id.or(s.num_id);
                    r.ilvl = r.ilvl.or(s.ilvl);
                    r.alignment = r.alignment.or(s.alignment);
                    r.indent = r.indent.or(s.indent);
                }
                r.outline = outline.filter(|&l| l < 9);
                (id.clone(), r)
            })
            .collect();
        self.index = resolved
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.clone(), i))
            .collect();
        self.resolved = resolved;
    }

    /// What style `id` gives a paragraph; `None` for a style the document does not define.
    pub fn resolved(&self, id: &str) -> Option<Resolved> {
        if let Some((last, r)) = self.resolved.get(self.last.get()) {
            if last == id {
                return Some(*r);
            }
        }
        let i = *self.index.get(id)?;
        self.last.set(i);
        Some(self.resolved[i].1)
    }

    /// `(numId, ilvl)` through the chain; each found separately, nearest first.
    pub fn numbering(&self, id: &str) -> (Option<u32>, Option<u8>) {
        let mut num = None;
        let mut lvl = None;
        for s in self.chain(id) {
            if num.is_none() {
                num = s.num_id;
            }
            if lvl.is_none() {
                lvl = s.ilvl;
            }
        }
        (num, lvl)
    }
}

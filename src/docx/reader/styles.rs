//! `styles.xml` in, the paragraph-style facts the body needs out: `basedOn` chains, outline
//! levels and numbering (`numPr`) of each style, and the default paragraph style. Chains are
//! followed cycle-safe.

use std::collections::HashMap;

use super::paragraph::{alignment, indent};
use super::xml::{Ev, Ns, Xml};
use crate::document::{Alignment, Indent};
use crate::error::Result;

enum EvKind {
    Start,
    Empty,
}

/// Longest `basedOn` / link chain followed.
pub(crate) const MAX_CHAIN: usize = 32;

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
                    let style = Self::style(x)?;
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

    fn style(x: &mut Xml<'_>) -> Result<Style> {
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
                let (num_id, ilvl) = self.numbering(id);
                let r = Resolved {
                    outline: self.outline(id),
                    num_id,
                    ilvl,
                    alignment: self.chain(id).find_map(|s| s.alignment),
                    indent: self
                        .chain(id)
                        .fold(Indent::default(), |near, s| near.or(s.indent)),
                };
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

    /// Outline level through the `basedOn` chain (9 = body text = none).
    pub fn outline(&self, id: &str) -> Option<u8> {
        self.chain(id).find_map(|s| s.outline).filter(|&l| l < 9)
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

//! Namespace-aware XML events over one inflated part: bytes in, [`Ev`] events out (elements
//! identified by namespace URI and local name, text with entities resolved, depth bounded).
//!
//! UTF-8 (with or without BOM) is parsed in place; UTF-16 parts are transcoded first. A DTD is
//! never expanded: entity references other than the five predefined ones and character
//! references are dropped with a diagnostic.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{NamespaceResolver, QName, ResolveResult};
use quick_xml::Reader;

use crate::diagnostic::{Diagnostic, Location};
use crate::error::{Error, Limit, Result};

/// The namespaces the reader understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML main (Transitional or Strict).
    W,
    /// Office document relationships (attributes `r:id`).
    R,
    /// Markup compatibility (`mc:AlternateContent`).
    Mc,
    /// Package relationships (`.rels` parts).
    Rels,
    /// DrawingML WordprocessingDrawing (`wp:docPr`).
    Wp,
    /// DrawingML main (`a:blip`).
    A,
    /// VML (`v:imagedata`, `v:textbox`, `v:shape`).
    V,
    /// Office Math (`m:t`).
    M,
    /// Dublin Core elements (`dc:title`).
    Dc,
    /// Dublin Core terms (`dcterms:created`).
    DcTerms,
    /// Content types (`[Content_Types].xml`).
    Ct,
    /// Any other namespace.
    Other,
    /// No namespace.
    None,
}

/// Maps a namespace URI to [`Ns`].
pub(crate) fn classify(uri: &[u8]) -> Ns {
    match uri {
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        | b"http://purl.oclc.org/ooxml/officeDocument/relationships" => Ns::R,
        b"http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
        b"http://schemas.openxmlformats.org/package/2006/relationships" => Ns::Rels,
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
        | b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing" => Ns::Wp,
        b"http://schemas.openxmlformats.org/drawingml/2006/main"
        | b"http://purl.oclc.org/ooxml/drawingml/main" => Ns::A,
        b"urn:schemas-microsoft-com:vml" => Ns::V,
        b"http://schemas.openxmlformats.org/officeDocument/2006/math"
        | b"http://purl.oclc.org/ooxml/officeDocument/math" => Ns::M,
        b"http://purl.org/dc/elements/1.1/" => Ns::Dc,
        b"http://purl.org/dc/terms/" => Ns::DcTerms,
        b"http://schemas.openxmlformats.org/package/2006/content-types" => Ns::Ct,
        _ => Ns::Other,
    }
}

/// Namespaces whose `mc:Choice` content this reader can read (WordprocessingML extensions and
/// the drawing namespaces that carry text boxes).
pub(crate) fn understood(uri: &[u8]) -> bool {
    const KNOWN: &[&[u8]] = &[
        b"http://schemas.microsoft.com/office/word/2010/wordml",
        b"http://schemas.microsoft.com/office/word/2012/wordml",
        b"http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        b"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
        b"http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
        b"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
        b"http://schemas.microsoft.com/office/drawing/2010/main",
    ];
    classify(uri) != Ns::Other || KNOWN.contains(&uri)
}

/// A start (or empty) element.
pub(crate) struct El<'a> {
    /// Its namespace.
    pub ns: Ns,
    start: BytesStart<'a>,
    /// Where the local name starts in the qualified name.
    local_at: usize,
    /// Written as an empty element (`<x/>`): nothing to skip.
    empty: bool,
}

impl<'a> El<'a> {
    /// True when the element is `ns:local`.
    #[inline]
    pub fn is(&self, ns: Ns, local: &[u8]) -> bool {
        self.ns == ns && self.local() == local
    }
    /// The local name.
    #[inline]
    pub fn local(&self) -> &[u8] {
        &self.start.name().into_inner()[self.local_at..]
    }
}

/// Character data: raw bytes of the part (entities already resolved), decoded on use.
pub(crate) struct Text<'a>(Cow<'a, [u8]>);

impl Text<'_> {
    /// The text (invalid UTF-8 replaced).
    pub fn as_str(&self) -> Cow<'_, str> {
        match std::str::from_utf8(&self.0) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => String::from_utf8_lossy(&self.0),
        }
    }
}

/// One event.
pub(crate) enum Ev<'a> {
    /// An element opened (its end will come).
    Start(El<'a>),
    /// An empty element (no end event).
    Empty(El<'a>),
    /// The current element closed.
    End,
    /// Character data.
    Text(Text<'a>),
    /// End of the part.
    Eof,
}

/// Makes the bytes of a part parseable UTF-8: strips a UTF-8 BOM, transcodes UTF-16.
pub(crate) fn decode_part(bytes: &[u8]) -> Cow<'_, [u8]> {
    let utf16 = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[b'<', 0]) {
        Some(encoding_rs::UTF_16LE)
    } else if bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0, b'<']) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    };
    match utf16 {
        Some(enc) => {
            let (text, _, _) = enc.decode(bytes);
            let mut s = text.into_owned();
            // The declaration names UTF-16; the text is UTF-8 now.
            if s.starts_with("<?xml") {
                if let Some(end) = s.find("?>") {
                    s.replace_range(..end + 2, "");
                }
            }
            Cow::Owned(s.into_bytes())
        }
        None => Cow::Borrowed(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)),
    }
}

/// The event reader over one part.
///
/// Namespaces are resolved by quick-xml's [`NamespaceResolver`] (the resolver `NsReader` uses),
/// fed only with the elements that declare namespaces; element and attribute prefixes are then
/// mapped to [`Ns`] through a small cache that any new declaration clears. Scoping is exact:
/// declarations end with the element that made them.
pub(crate) struct Xml<'a> {
    r: Reader<&'a [u8]>,
    ns: NamespaceResolver,
    /// Depths of the elements that declared namespaces.
    ns_levels: Vec<usize>,
    /// An empty element declared namespaces: drop them before the next event.
    pending_pop: bool,
    /// Prefix → namespace, valid until the declarations change.
    cache: Vec<(Vec<u8>, Ns)>,
    default_ns: Option<Ns>,
    part: &'a str,
    /// Bytes passed over by [`Xml::skip`]'s byte scan (quick-xml's offset does not count them).
    skipped: u64,
    depth: usize,
    max_depth: usize,
    /// Findings while parsing (dropped entities, DTDs).
    pub diags: Vec<Diagnostic>,
    /// Whether [`Xml::plain_run`] and [`Xml::scan_props`] may read at once (off: every run and
    /// properties element is read event by event).
    plain_runs: bool,
    /// The last event was text: quick-xml then stands at the `<` of the next markup, in a state
    /// that expects markup there.
    after_text: bool,
    /// Whether the rest of the part holds no `<!` and no `<?` (no comment, CDATA section,
    /// processing instruction or declaration), found at the first long subtree skip.
    clean: Option<bool>,
}

/// A position of an [`Xml`] reader ([`Xml::mark`]).
#[derive(Clone, Copy)]
pub(crate) struct Mark<'a> {
    rest: &'a [u8],
    skipped: u64,
    depth: usize,
    clean: Option<bool>,
}

thread_local! {
    /// Off inside [`without_plain_runs`].
    static PLAIN_RUNS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Runs `f` with [`Xml::plain_run`] and [`Xml::scan_props`] turned off on this thread: every run
/// and properties element is then read event by event. For tests that compare the two ways of
/// reading.
pub fn without_plain_runs<T>(f: impl FnOnce() -> T) -> T {
    let was = PLAIN_RUNS.with(|c| c.replace(false));
    let out = f();
    PLAIN_RUNS.with(|c| c.set(was));
    out
}

/// Tags a subtree skip looks at one by one before it looks only for the element's name
/// ([`find_close_clean`]), when the part allows that.
const LONG_SKIP: usize = 16;

/// Most `w:t` elements one plain run may hold.
const PLAIN_RUN_TEXTS: usize = 8;

/// Most children a properties scan enters one inside another (`w:pPr` in a style, then
/// `w:numPr`).
const MAX_ENTERED: usize = 4;

/// Most attributes a wanted child of a plain properties element may have.
const MAX_PROP_ATTRS: usize = 8;

/// What [`Xml::scan_props`] does with a child of the properties element, by local name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Child {
    /// Handed to the caller (it must be an empty element with plain attributes).
    Take,
    /// Read through: its children count as the element's (as the readers do with `w:numPr`).
    Enter,
    /// The scan gives up (the event-by-event reader handles it, e.g. `w:sectPr`).
    Refuse,
    /// Passed over, as [`Xml::skip_el`] does.
    Skip,
    /// Passed over when empty; one with content makes the scan give up (for readers that look
    /// for their elements at any depth, where an unknown element may hold one).
    SkipEmpty,
}

/// The `w:` attributes of a child [`Xml::scan_props`] hands over: local name and value, in
/// order.
pub(crate) type PropAttrs<'a> = [(&'a [u8], &'a str)];

/// The value of attribute `w:local` among `attrs` (the first one so named).
pub(crate) fn prop_attr<'a>(attrs: &PropAttrs<'a>, local: &[u8]) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| *k == local).map(|(_, v)| *v)
}

impl<'a> Xml<'a> {
    /// A reader over `bytes` (already made UTF-8 by [`decode_part`]).
    pub fn new(bytes: &'a [u8], part: &'a str, max_depth: usize) -> Self {
        let mut r = Reader::from_reader(bytes);
        let c = r.config_mut();
        c.check_end_names = true;
        c.expand_empty_elements = false;
        Xml {
            r,
            ns: NamespaceResolver::default(),
            ns_levels: Vec::new(),
            pending_pop: false,
            cache: Vec::new(),
            default_ns: None,
            part,
            skipped: 0,
            depth: 0,
            max_depth,
            diags: Vec::new(),
            plain_runs: PLAIN_RUNS.with(|c| c.get()),
            after_text: false,
            clean: None,
        }
    }

    /// Reads the run that starts at the current position when it is plain: a `w:r` holding only
    /// run properties (passed over as [`Xml::skip_el`] does) and `w:t` elements with unescaped
    /// UTF-8 text, written with the prefix `w` bound to WordprocessingML and declaring no namespace.
    /// Its text is appended to `out` (unless `keep` is false: field code) and the whole run is
    /// passed over by a byte scan; the run takes one look at its bytes instead of eight or so
    /// events. Anything else (another child, an entity or CDATA in the text, a comment, an
    /// unusual end tag) returns false having read nothing, and the run is read event by event,
    /// which reports any markup error at its place. The result is the same either way
    /// (`tests/docx_plain_runs.rs` compares the two on every sample and corpus file). Only the
    /// paragraph loop calls this: text between runs is no content there.
    pub fn plain_run(&mut self, out: &mut String, keep: bool) -> bool {
        if !self.plain_runs || self.pending_pop || self.depth + 2 > self.max_depth {
            return false;
        }
        let rest: &'a [u8] = self.r.get_ref();
        // `<w:r` then white space or `>`, `w` bound to WordprocessingML (other prefixes are rare
        // and go the general way).
        if !(rest.starts_with(b"<w:r>") || rest.starts_with(b"<w:r ")) {
            return false;
        }
        if self.prefix_ns(Some(b"w")) != Ns::W {
            return false;
        }
        let Some((end, false)) = start_tag_end(rest, 4) else {
            return false;
        };
        let mut pos = end + 1;
        let mut texts: [&'a str; PLAIN_RUN_TEXTS] = [""; PLAIN_RUN_TEXTS];
        let mut n = 0;
        // A start tag of `name` (`<w:rPr`, `<w:t`): then white space, `>` or `/>` (quick-xml
        // reads a name up to white space, so `<w:rPr/x>` names another element).
        let opens = |at: &[u8], name: &[u8]| {
            at.starts_with(name)
                && match at.get(name.len()) {
                    Some(b' ' | b'\t' | b'\r' | b'\n' | b'>') => true,
                    Some(b'/') => at.get(name.len() + 1) == Some(&b'>'),
                    _ => false,
                }
        };
        loop {
            while rest.get(pos).is_some_and(u8::is_ascii_whitespace) {
                pos += 1;
            }
            let at = &rest[pos..];
            if at.starts_with(b"</w:r>") {
                pos += 6;
                break;
            }
            if opens(at, b"<w:rPr") {
                let Some((e, empty)) = start_tag_end(at, 6) else {
                    return false;
                };
                if empty {
                    pos += e + 1;
                    continue;
                }
                let inner = &at[e + 1..];
                let Some(c) = rpr_close(inner).or_else(|| find_close(inner, b"w:rPr")) else {
                    return false;
                };
                if !inner[c..].starts_with(b"</w:rPr>") {
                    return false;
                }
                pos += e + 1 + c + 8;
                continue;
            }
            if opens(at, b"<w:t") && n < PLAIN_RUN_TEXTS {
                let Some((e, false)) = start_tag_end(at, 4) else {
                    return false;
                };
                let from = pos + e + 1;
                let Some(k) = memchr::memchr(b'<', &rest[from..]) else {
                    return false;
                };
                let bytes = &rest[from..from + k];
                if memchr::memchr(b'&', bytes).is_some() || !rest[from + k..].starts_with(b"</w:t>")
                {
                    return false;
                }
                let Ok(text) = std::str::from_utf8(bytes) else {
                    return false;
                };
                texts[n] = text;
                n += 1;
                pos = from + k + 6;
                continue;
            }
            return false;
        }
        let Some(pos) = self.scanned_end(rest, pos) else {
            return false;
        };
        if keep {
            for t in &texts[..n] {
                out.push_str(t);
            }
        }
        self.pass(pos);
        true
    }

    /// Where a byte scan that read `rest[..pos]` may leave quick-xml: `pos`, or after the white
    /// space that follows when quick-xml expects markup where it stands (the last event was
    /// text); `None` when that is not markup (the scan then gives up).
    fn scanned_end(&self, rest: &[u8], mut pos: usize) -> Option<usize> {
        if self.after_text {
            // White space after the scanned element is text the callers pass over; anything
            // else is left to quick-xml.
            while rest.get(pos).is_some_and(u8::is_ascii_whitespace) {
                pos += 1;
            }
            if rest.get(pos) != Some(&b'<') {
                return None;
            }
        }
        Some(pos)
    }

    /// Where the reader stands, to come back to with [`Xml::restore`]: for a byte scan that
    /// reads several elements in turn and may give up after the first.
    pub fn mark(&self) -> Mark<'a> {
        Mark {
            rest: self.r.get_ref(),
            skipped: self.skipped,
            depth: self.depth,
            clean: self.clean,
        }
    }

    /// Goes back to `m`: nothing read since is read.
    pub fn restore(&mut self, m: Mark<'a>) {
        *self.r.get_mut() = m.rest;
        self.skipped = m.skipped;
        self.depth = m.depth;
        // Found from a later position, it may not hold from `m` on.
        self.clean = m.clean;
    }

    /// Opens the element `<w:name>` that starts at the current position (after white space)
    /// by a byte scan, when its start tag is plain: the prefix `w` bound to WordprocessingML,
    /// the name followed by white space or `>`, no namespace declaration, not empty. Its
    /// attributes are not read. True when it was opened: the caller then reads its content by
    /// byte scans only, and its end tag with [`Xml::plain_end`], or goes back to a
    /// [`Xml::mark`] taken before (quick-xml has not seen this start tag, so it must not meet
    /// the end tag). False having read nothing otherwise.
    pub fn plain_start(&mut self, name: &[u8]) -> bool {
        if !self.plain_runs || self.pending_pop || self.depth + 1 > self.max_depth {
            return false;
        }
        match self.plain_tag(name, b'>') {
            Some((pos, false)) if self.prefix_ns(Some(b"w")) == Ns::W => {
                self.pass(pos);
                self.depth += 1;
                true
            }
            _ => false,
        }
    }

    /// Passes over the empty element `<w:name .../>` at the current position (after white
    /// space), its attributes unread, when written plainly (see [`Xml::plain_start`]). For
    /// marks that carry nothing (`w:proofErr`) inside an element opened by
    /// [`Xml::plain_start`].
    pub fn plain_empty(&mut self, name: &[u8]) -> bool {
        match self.plain_tag(name, b'/') {
            Some((pos, true)) => {
                self.pass(pos);
                true
            }
            _ => false,
        }
    }

    /// The tag `<w:name …>` at the current position (after white space), the name followed by
    /// white space or `after`, when it declares no namespace: where quick-xml may be left
    /// after it, and whether it is an empty element (`/>`). `None` otherwise.
    #[inline]
    fn plain_tag(&self, name: &[u8], after: u8) -> Option<(usize, bool)> {
        let rest: &'a [u8] = self.r.get_ref();
        let ws = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let at = &rest[ws..];
        if !(at.starts_with(b"<w:")
            && at[3..].starts_with(name)
            && match at.get(name.len() + 3) {
                Some(b' ' | b'\t' | b'\r' | b'\n') => true,
                Some(&b) => b == after,
                None => false,
            })
        {
            return None;
        }
        let (end, empty) = start_tag_end(at, 3 + name.len())?;
        Some((self.scanned_end(rest, ws + end + 1)?, empty))
    }

    /// Reads the end tag `</w:name>`, written so, at the current position (after white space):
    /// the end of an element opened by [`Xml::plain_start`]. False having read nothing
    /// otherwise.
    pub fn plain_end(&mut self, name: &[u8]) -> bool {
        let rest: &'a [u8] = self.r.get_ref();
        let ws = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let at = &rest[ws..];
        if !(at.starts_with(b"</w:")
            && at[4..].starts_with(name)
            && at.get(name.len() + 4) == Some(&b'>'))
        {
            return false;
        }
        let Some(pos) = self.scanned_end(rest, ws + name.len() + 5) else {
            return false;
        };
        self.pass(pos);
        self.depth -= 1;
        true
    }

    /// Passes over the next `n` bytes (read by a byte scan).
    fn pass(&mut self, n: usize) {
        let rest: &'a [u8] = self.r.get_ref();
        *self.r.get_mut() = &rest[n..];
        self.skipped += n as u64;
    }

    /// Reads the properties element `<name>` (`w:pPr`, `w:tcPr`, `w:trPr`) that starts at the current
    /// position by one byte scan, when it is plain: written `<name>` with the prefix `w` bound
    /// to WordprocessingML, its children all `w:` elements declaring no namespace, separated by
    /// white space only, and its end tags written plainly. `child` says what to do with each
    /// child by its local name (see [`Child`]). A child to take must be an empty element whose
    /// attributes are all `w:` attributes written plainly with values free of entities; `take`
    /// gets its local name and attributes, and returns false to make the scan give up.
    ///
    /// True when the element was read (and passed over). False when the scan gave up: nothing
    /// is read, and the caller reads the element event by event, which reports any markup error
    /// at its place; `take` may have been called, so the caller keeps what it takes apart until
    /// the scan succeeds. `tests/docx_plain_runs.rs` compares the two ways.
    #[inline]
    pub fn scan_props(
        &mut self,
        name: &[u8],
        child: impl Fn(&[u8]) -> Child,
        take: impl FnMut(&[u8], &PropAttrs<'a>) -> bool,
    ) -> bool {
        let rest: &'a [u8] = self.r.get_ref();
        if !(rest.first() == Some(&b'<')
            && rest[1..].starts_with(name)
            && rest.get(name.len() + 1) == Some(&b'>'))
        {
            return false;
        }
        match self.scan_props_at(rest, name, child, take) {
            Some(end) => {
                self.pass(end);
                true
            }
            None => false,
        }
    }

    /// [`Xml::scan_props`] after its first look: the bytes the element takes.
    fn scan_props_at(
        &mut self,
        rest: &'a [u8],
        name: &[u8],
        child: impl Fn(&[u8]) -> Child,
        take: impl FnMut(&[u8], &PropAttrs<'a>) -> bool,
    ) -> Option<usize> {
        if !self.plain_runs
            || self.pending_pop
            || self.depth + 3 > self.max_depth
            || self.prefix_ns(Some(b"w")) != Ns::W
        {
            return None;
        }
        let room = self.max_depth - (self.depth + 1);
        let pos = self.scan_children(rest, name.len() + 2, room, name, child, take)?;
        self.scanned_end(rest, pos)
    }

    /// Reads the rest of element `el`, just opened (read as [`Ev::Start`]), by the byte scan of
    /// [`Xml::scan_props`], under the same conditions on its children and end tags. True when
    /// the element was read, its end tag included; false when the scan gave up, having read
    /// nothing (the caller then reads on event by event).
    pub fn scan_rest(
        &mut self,
        el: &El<'_>,
        child: impl Fn(&[u8]) -> Child,
        take: impl FnMut(&[u8], &PropAttrs<'a>) -> bool,
    ) -> Result<bool> {
        let rest: &'a [u8] = self.r.get_ref();
        let name = el.start.name().into_inner();
        if !self.plain_runs
            || self.pending_pop
            || self.after_text
            || self.ns_levels.last() == Some(&self.depth)
            || self.depth + 2 > self.max_depth
            || self.prefix_ns(Some(b"w")) != Ns::W
        {
            return Ok(false);
        }
        let room = self.max_depth - self.depth;
        let Some(end) = self.scan_children(rest, 0, room, name, child, take) else {
            return Ok(false);
        };
        // The end tag (`</name>`, as the scan found it) is left to quick-xml, which checks it
        // against the start tag it read.
        self.pass(end - (name.len() + 3));
        match self.read_raw()? {
            Event::End(_) => {
                self.ascend();
                Ok(true)
            }
            _ => Err(self.error("end tag expected after a scanned element")),
        }
    }

    /// The children of element `name` from `rest[pos..]` to its end tag, by the rules of
    /// [`Xml::scan_props`]; the offset after the end tag.
    fn scan_children(
        &self,
        rest: &'a [u8],
        mut pos: usize,
        room: usize,
        name: &[u8],
        child: impl Fn(&[u8]) -> Child,
        mut take: impl FnMut(&[u8], &PropAttrs<'a>) -> bool,
    ) -> Option<usize> {
        let mut attrs: [(&'a [u8], &'a str); MAX_PROP_ATTRS] = [(&[], ""); MAX_PROP_ATTRS];
        // The entered children still open, innermost last.
        let mut inside: [&'a [u8]; MAX_ENTERED] = [&[]; MAX_ENTERED];
        let mut open = 0;
        loop {
            while rest.get(pos).is_some_and(u8::is_ascii_whitespace) {
                pos += 1;
            }
            let at = &rest[pos..];
            if let Some(tail) = at.strip_prefix(b"</") {
                let closes = if open > 0 { inside[open - 1] } else { name };
                if !(tail.starts_with(closes) && tail.get(closes.len()) == Some(&b'>')) {
                    return None;
                }
                pos += closes.len() + 3;
                if open == 0 {
                    break;
                }
                open -= 1;
                continue;
            }
            if !at.starts_with(b"<w:") {
                return None;
            }
            let len = at[3..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if len == 0 {
                return None;
            }
            let local = &at[3..3 + len];
            let full = &at[1..3 + len];
            let what = child(local);
            if what == Child::Take {
                // The attributes and the tag's end in one pass.
                let (n, e) = plain_attrs(&at[3 + len..], &mut attrs)?;
                if !take(local, &attrs[..n]) {
                    return None;
                }
                pos += 3 + len + e + 1;
                continue;
            }
            if what == Child::Refuse {
                return None;
            }
            let (e, empty) = start_tag_end(at, 3 + len)?;
            match what {
                Child::Refuse | Child::Take => return None,
                Child::Enter => {
                    pos += e + 1;
                    if !empty {
                        // Its children one level deeper, within the depth limit.
                        if open == MAX_ENTERED || open + 2 > room {
                            return None;
                        }
                        inside[open] = full;
                        open += 1;
                    }
                }
                Child::Skip | Child::SkipEmpty if empty => pos += e + 1,
                Child::SkipEmpty => return None,
                Child::Skip => {
                    let inner = &at[e + 1..];
                    let c = find_close(inner, full)?;
                    let end = &inner[c + 2..];
                    if !(end.starts_with(full) && end.get(full.len()) == Some(&b'>')) {
                        return None;
                    }
                    pos += e + 1 + c + full.len() + 3;
                }
            }
        }
        Some(pos)
    }

    /// The part name.
    pub fn part(&self) -> &'a str {
        self.part
    }

    /// Number of open elements.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Byte offset reached.
    pub fn position(&self) -> u64 {
        self.r.buffer_position() + self.skipped
    }

    /// An [`Error::Xml`] at the current position.
    pub fn error(&self, detail: impl Into<String>) -> Error {
        Error::Xml {
            part: self.part.to_string(),
            position: self.position(),
            detail: detail.into(),
        }
    }

    fn declare(&mut self, s: &BytesStart<'_>, level: usize) -> Result<()> {
        self.ns
            .set_level(level.saturating_sub(1).min(u16::MAX as usize) as u16);
        if let Err(e) = self.ns.push(s) {
            return Err(self.error(e.to_string()));
        }
        self.ns_changed();
        Ok(())
    }

    fn ns_changed(&mut self) {
        self.cache.clear();
        self.default_ns = None;
    }

    /// Drops the declarations of an empty element once it is behind us.
    #[inline]
    fn pop_pending(&mut self) {
        if self.pending_pop {
            self.pending_pop = false;
            self.ns.set_level(self.depth as u16);
            self.ns_changed();
        }
    }

    /// quick-xml's next event, its error placed in this part.
    #[inline]
    fn read_raw(&mut self) -> Result<Event<'a>> {
        let ev = self.r.read_event().map_err(|e| Error::Xml {
            part: self.part.to_string(),
            position: self.r.error_position() + self.skipped,
            detail: e.to_string(),
        });
        self.after_text = matches!(ev, Ok(Event::Text(_)));
        ev
    }

    /// One element deeper, within the depth limit.
    #[inline]
    fn descend(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(Error::LimitExceeded {
                limit: Limit::Depth,
                part: Some(self.part.to_string()),
                value: self.depth as u64,
                max: self.max_depth as u64,
            });
        }
        Ok(())
    }

    /// One element up, ending the declarations the closed element made.
    #[inline]
    fn ascend(&mut self) {
        if self.ns_levels.last() == Some(&self.depth) {
            self.ns_levels.pop();
            self.ns.set_level(self.depth.saturating_sub(1) as u16);
            self.ns_changed();
        }
        self.depth = self.depth.saturating_sub(1);
    }

    /// The next event, keeping depth and namespace scopes.
    ///
    /// One `match` on quick-xml's event does the bookkeeping and builds [`Ev`]: the event kind
    /// is dispatched once here (and once by the caller), which matters at one call per element.
    #[inline]
    pub fn next(&mut self) -> Result<Ev<'a>> {
        loop {
            self.pop_pending();
            return Ok(match self.read_raw()? {
                Event::Start(s) => {
                    self.descend()?;
                    if declares(&s) {
                        self.declare(&s, self.depth)?;
                        self.ns_levels.push(self.depth);
                    }
                    Ev::Start(self.el(s, false))
                }
                Event::Empty(s) => {
                    if declares(&s) {
                        self.declare(&s, self.depth + 1)?;
                        self.pending_pop = true;
                    }
                    Ev::Empty(self.el(s, true))
                }
                Event::End(_) => {
                    self.ascend();
                    Ev::End
                }
                Event::Text(t) => Ev::Text(Text(t.into_inner())),
                Event::CData(t) => Ev::Text(Text(t.into_inner())),
                Event::GeneralRef(r) => match self.entity(r.as_ref()) {
                    Some(c) => Ev::Text(Text(Cow::Owned(c.to_string().into_bytes()))),
                    None => continue,
                },
                Event::DocType(_) => {
                    let d = Diagnostic::warning(
                        "docx.xml.doctype",
                        "document type declaration ignored: entities are never expanded or fetched",
                    )
                    .at(self.loc());
                    self.diags.push(d);
                    continue;
                }
                Event::Comment(_) | Event::PI(_) | Event::Decl(_) => continue,
                Event::Eof if self.depth > 0 => return Err(self.eof()),
                Event::Eof => Ev::Eof,
            });
        }
    }

    fn entity(&mut self, name: &[u8]) -> Option<char> {
        match name {
            b"amp" => return Some('&'),
            b"lt" => return Some('<'),
            b"gt" => return Some('>'),
            b"quot" => return Some('"'),
            b"apos" => return Some('\''),
            _ => {}
        }
        if let Some(num) = name.strip_prefix(b"#") {
            let s = std::str::from_utf8(num).ok()?;
            let v = match s.strip_prefix('x').or_else(|| s.strip_prefix('X')) {
                Some(h) => u32::from_str_radix(h, 16).ok(),
                None => s.parse().ok(),
            };
            if let Some(c) = v.and_then(char::from_u32) {
                return Some(c);
            }
        }
        let d = Diagnostic::warning(
            "docx.xml.entity_dropped",
            format!(
                "entity reference &{}; dropped (entities are never expanded)",
                String::from_utf8_lossy(name)
            ),
        )
        .at(self.loc());
        self.diags.push(d);
        None
    }

    /// The namespace of a prefix (`None` = the default namespace, for elements).
    #[inline]
    fn prefix_ns(&mut self, prefix: Option<&[u8]>) -> Ns {
        match prefix {
            None => {
                if let Some(ns) = self.default_ns {
                    return ns;
                }
                let ns = match self.ns.resolve_prefix(None, true) {
                    ResolveResult::Bound(n) => classify(n.as_ref()),
                    ResolveResult::Unbound => Ns::None,
                    ResolveResult::Unknown(_) => Ns::Other,
                };
                self.default_ns = Some(ns);
                ns
            }
            Some(p) => {
                // Nearly every element has the prefix of the one before (`w`).
                if let Some((k, ns)) = self.cache.first() {
                    if k.len() == p.len() && k.iter().zip(p).all(|(a, b)| a == b) {
                        return *ns;
                    }
                }
                if let Some((_, ns)) = self.cache.iter().find(|(k, _)| k == p) {
                    return *ns;
                }
                let q = [p, b":x"].concat();
                let ns = match self.ns.resolve_element(QName(&q)).0 {
                    ResolveResult::Bound(n) => classify(n.as_ref()),
                    ResolveResult::Unbound => Ns::None,
                    ResolveResult::Unknown(_) => Ns::Other,
                };
                self.cache.push((p.to_vec(), ns));
                ns
            }
        }
    }

    #[inline]
    fn el(&mut self, start: BytesStart<'a>, empty: bool) -> El<'a> {
        let (ns, local_at) = {
            let name = start.name().into_inner();
            match name.iter().position(|&b| b == b':') {
                Some(i) => (self.prefix_ns(Some(&name[..i])), i + 1),
                None => (self.prefix_ns(None), 0),
            }
        };
        El {
            ns,
            start,
            local_at,
            empty,
        }
    }

    /// A location in this part at the current position.
    pub fn loc(&self) -> Location {
        Location {
            part: Some(self.part.to_string()),
            offset: Some(self.position()),
            ..Default::default()
        }
    }

    /// Reads until the element `el`, whose start was just read, is closed.
    ///
    /// Namespace declarations inside the skipped subtree cannot matter outside it, so they are
    /// not looked at. The subtree is first passed over by a byte scan for the matching end tag
    /// ([`find_close`]); the end tag itself is then read by quick-xml, which checks that it
    /// closes `el`. When the scan cannot decide (no end tag in the rest of the part, a
    /// declaration it does not know), the subtree is read event by event, which reports the
    /// error at its place.
    /// An empty element has nothing to skip.
    pub fn skip_el(&mut self, el: &El<'_>) -> Result<()> {
        if el.empty {
            return Ok(());
        }
        let rest: &'a [u8] = self.r.get_ref();
        let name = el.start.name().into_inner();
        let close = match scan_close(rest, name, Scan::default(), LONG_SKIP) {
            Close::At(at) => Some(at),
            Close::Unknown => None,
            Close::Long(from) => {
                let clean = *self.clean.get_or_insert_with(|| {
                    !memchr::memchr2_iter(b'!', b'?', rest).any(|k| k > 0 && rest[k - 1] == b'<')
                });
                if clean {
                    find_close_clean(rest, name, from)
                } else {
                    scan_close(rest, name, from, usize::MAX).at()
                }
            }
        };
        if let Some(at) = close {
            *self.r.get_mut() = &rest[at..];
            self.skipped += at as u64;
        }
        self.skip()
    }

    /// Reads until the element just opened is closed, event by event.
    pub fn skip(&mut self) -> Result<()> {
        self.pop_pending();
        let base = self.depth;
        while self.depth >= base {
            match self.read_raw()? {
                Event::Start(_) => self.descend()?,
                Event::End(_) => self.ascend(),
                Event::Eof => return Err(self.eof()),
                _ => {}
            }
        }
        Ok(())
    }

    /// The next child element of the element whose content began at depth `base` (as
    /// [`Xml::depth`] gave it after its start), with whether it is empty; `None` once that
    /// element's end tag is read. Text between children is passed over.
    pub fn child(&mut self, base: usize) -> Result<Option<(El<'a>, bool)>> {
        loop {
            match self.next()? {
                Ev::Eof => return Err(self.eof()),
                Ev::End if self.depth < base => return Ok(None),
                Ev::Start(el) => return Ok(Some((el, false))),
                Ev::Empty(el) => return Ok(Some((el, true))),
                _ => {}
            }
        }
    }

    /// The error for a part that ends inside an element.
    pub fn eof(&self) -> Error {
        self.error("unexpected end of part inside an element")
    }

    /// The value of attribute `ns:local` (unprefixed attributes match any `ns`).
    pub fn attr<'e>(&self, el: &'e El<'_>, ns: Ns, local: &[u8]) -> Option<Cow<'e, str>> {
        for a in el.start.attributes().with_checks(false).flatten() {
            let (prefix, name) = split_qname(a.key.into_inner());
            if name != local {
                continue;
            }
            let ans = match prefix {
                None => Ns::None,
                Some(p) => self.attr_ns(p, a.key),
            };
            if ans == ns || ans == Ns::None {
                return Some(value_str(a.value));
            }
        }
        None
    }

    /// Calls `f(local name, value)` for every attribute in namespace `ns` (or unprefixed), in
    /// one pass over the attributes: for elements whose several attributes are all read.
    pub fn each_attr<'e>(&self, el: &'e El<'_>, ns: Ns, mut f: impl FnMut(&[u8], Cow<'e, str>)) {
        for a in el.start.attributes().with_checks(false).flatten() {
            let (prefix, local) = split_qname(a.key.into_inner());
            let ans = match prefix {
                None => Ns::None,
                Some(p) => self.attr_ns(p, a.key),
            };
            if ans == ns || ans == Ns::None {
                f(local, value_str(a.value));
            }
        }
    }

    fn attr_ns(&self, prefix: &[u8], key: QName<'_>) -> Ns {
        self.cache
            .iter()
            .find(|(k, _)| k.as_slice() == prefix)
            .map(|(_, n)| *n)
            .unwrap_or_else(|| match self.ns.resolve_attribute(key).0 {
                ResolveResult::Bound(n) => classify(n.as_ref()),
                _ => Ns::Other,
            })
    }

    /// `w:local` attribute.
    pub fn w<'e>(&self, el: &'e El<'_>, local: &[u8]) -> Option<Cow<'e, str>> {
        self.attr(el, Ns::W, local)
    }

    /// The namespace URI bound to `prefix` here, if any.
    pub fn prefix_uri(&self, prefix: &str) -> Option<Vec<u8>> {
        let q = format!("{prefix}:x");
        match self.ns.resolve_element(QName(q.as_bytes())).0 {
            ResolveResult::Bound(n) => Some(n.as_ref().to_vec()),
            _ => None,
        }
    }
}

/// True when a start tag may declare namespaces (cheap byte search: an `x` is rare in the
/// attributes of WordprocessingML elements).
#[inline]
fn declares(s: &BytesStart<'_>) -> bool {
    mentions_xmlns(s.attributes_raw())
}

/// The attributes of an empty element taken by a properties scan, from just after its name:
/// each `w:name="value"` (or `'value'`) after white space, values free of entities and `<`,
/// then `/>` after optional white space. The number of attributes put in `out` and the offset
/// of the closing `>`; `None` for anything else (another prefix, more than [`MAX_PROP_ATTRS`],
/// an element with content), and the scan gives up. As no attribute name but `w:…` is taken,
/// the element declares no namespace. A name written twice reads the same either way: readers
/// take the first value of one attribute and the last of `w:ind`'s set. One pass over the
/// bytes (a few dozen: byte by byte beats searching).
fn plain_attrs<'a>(
    raw: &'a [u8],
    out: &mut [(&'a [u8], &'a str); MAX_PROP_ATTRS],
) -> Option<(usize, usize)> {
    let (mut n, mut i) = (0, 0);
    loop {
        let spaces = i;
        while raw.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match raw.get(i)? {
            b'/' => return (raw.get(i + 1) == Some(&b'>')).then_some((n, i + 1)),
            _ if i == spaces || n == MAX_PROP_ATTRS || !raw[i..].starts_with(b"w:") => return None,
            _ => {}
        }
        let name = i + 2;
        i = name;
        while raw.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        let q = *raw.get(i + 1)?;
        if i == name || raw[i] != b'=' || (q != b'"' && q != b'\'') {
            return None;
        }
        let local = &raw[name..i];
        let value = i + 2;
        i = value;
        loop {
            match *raw.get(i)? {
                b if b == q => break,
                b'&' | b'<' => return None,
                _ => i += 1,
            }
        }
        out[n] = (local, std::str::from_utf8(&raw[value..i]).ok()?);
        n += 1;
        i += 1;
    }
}

/// True when `xmlns` occurs in the bytes of a start tag.
#[inline]
fn mentions_xmlns(raw: &[u8]) -> bool {
    memchr::memchr_iter(b'x', raw).any(|i| raw[i..].starts_with(b"xmlns"))
}

/// The offset in `rest` of the `<` of the end tag closing an element named `name` whose start
/// tag ends just before `rest`, found by a byte scan: every `<` outside comments, CDATA sections
/// and processing instructions starts markup (XML allows no raw `<` in text or attribute
/// values), so only start and end tags with the same name need looking at. `None` when there
/// is no such end tag or the scan meets a declaration (`<!DOCTYPE` and the like): the caller
/// then reads event by event.
fn find_close(rest: &[u8], name: &[u8]) -> Option<usize> {
    scan_close(rest, name, Scan::default(), usize::MAX).at()
}

/// The offset in `rest` of the `</w:rPr>` that closes run properties whose start tag ends just
/// before `rest`, found by two searches instead of a look at every tag: the first `</w:rPr>`,
/// taken when nothing before it names `w:rPr` again (properties nested in a tracked change, an
/// end tag written with white space) or could be a comment, CDATA section or processing
/// instruction (no `!` or `?` at all). `None` otherwise: the caller then uses [`find_close`],
/// which gives the same offset whenever this one gives any.
fn rpr_close(rest: &[u8]) -> Option<usize> {
    use memchr::memmem::Finder;
    use std::sync::LazyLock;
    static END: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"</w:rPr>"));
    static NAME: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"w:rPr"));
    let c = END.find(rest)?;
    let before = &rest[..c];
    if memchr::memchr2(b'!', b'?', before).is_some() || NAME.find(before).is_some() {
        return None;
    }
    Some(c)
}

/// Where [`scan_close`] stands: the offset to go on from and the same-named elements open.
#[derive(Clone, Copy, Default)]
struct Scan {
    i: usize,
    open: usize,
}

/// What [`scan_close`] found.
enum Close {
    /// The `<` of the closing end tag.
    At(usize),
    /// No closing end tag, or markup the scan does not follow.
    Unknown,
    /// More tags than allowed were passed over; the scan can go on from here.
    Long(Scan),
}

impl Close {
    /// The offset of the closing end tag, when found.
    fn at(self) -> Option<usize> {
        match self {
            Close::At(at) => Some(at),
            Close::Unknown | Close::Long(_) => None,
        }
    }
}

/// [`find_close`] from `at`, giving up with [`Close::Long`] after `max_tags` tags.
fn scan_close(rest: &[u8], name: &[u8], at: Scan, max_tags: usize) -> Close {
    use Close::*;
    if name.is_empty() {
        // Not a name any tag can close: left to the event-by-event reading.
        return Unknown;
    }
    let after = |from: usize, pat: &[u8]| {
        memchr::memmem::find(&rest[from..], pat).map(|k| from + k + pat.len())
    };
    let Scan { mut i, mut open } = at;
    let mut tags = 0;
    while let Some(k) = memchr::memchr(b'<', &rest[i..]) {
        if tags == max_tags {
            return Long(Scan { i, open });
        }
        tags += 1;
        let at = i + k;
        let tail = &rest[at + 1..];
        let Some(&first) = tail.first() else {
            return Unknown;
        };
        let next = match first {
            b'/' => {
                if names_at(&tail[1..], name, b"> \t\r\n") {
                    if open == 0 {
                        return At(at);
                    }
                    open -= 1;
                }
                Some(at + 2)
            }
            b'!' if tail.starts_with(b"!--") => after(at + 4, b"-->"),
            b'!' if tail.starts_with(b"![CDATA[") => after(at + 9, b"]]>"),
            b'!' => None,
            b'?' => after(at + 2, b"?>"),
            _ if names_at(tail, name, b">/ \t\r\n") => {
                // The same element nested: count it unless it is empty (`/>`), looking for the
                // tag's end outside quoted attribute values.
                tag_end(tail).map(|end| {
                    if end == 0 || tail[end - 1] != b'/' {
                        open += 1;
                    }
                    at + 1 + end + 1
                })
            }
            _ => Some(at + 1),
        };
        let Some(next) = next else {
            return Unknown;
        };
        i = next;
    }
    Unknown
}

/// Whether `t` starts with `name` followed by one of `ends`. Compared byte by byte, last byte
/// first: names are a few bytes long, mostly share their `w:` prefix, and differ near the end.
#[inline]
fn names_at(t: &[u8], name: &[u8], ends: &[u8]) -> bool {
    let n = name.len();
    t.len() > n
        && ends.contains(&t[n])
        && t[n - 1] == name[n - 1]
        && t[..n - 1].iter().zip(name).all(|(a, b)| a == b)
}

/// [`find_close`] for a part known to hold no comment, CDATA section, processing instruction
/// or declaration from here on (no `<!` and no `<?`): every occurrence of `name` right after
/// `<` or `</` is then a tag, so the scan jumps from one occurrence of the name to the next
/// instead of looking at every tag between.
fn find_close_clean(rest: &[u8], name: &[u8], at: Scan) -> Option<usize> {
    if name.is_empty() {
        return None;
    }
    let Scan { i, mut open } = at;
    // Where the next tag may begin: tags starting before it were counted already, or lie inside
    // the last same-named start tag.
    let mut past = i;
    for c in memchr::memmem::find_iter(&rest[i..], name) {
        let c = i + c;
        let &after = rest.get(c + name.len())?;
        let before = |k: usize| c.checked_sub(k).filter(|&b| b >= past).map(|b| rest[b]);
        match (before(2), before(1)) {
            (Some(b'<'), Some(b'/')) if b"> \t\r\n".contains(&after) => {
                if open == 0 {
                    return Some(c - 2);
                }
                open -= 1;
            }
            (_, Some(b'<')) if b">/ \t\r\n".contains(&after) => {
                let end = tag_end(&rest[c..])?;
                if rest[c + end - 1] != b'/' {
                    open += 1;
                }
                past = c + end + 1;
            }
            _ => {}
        }
    }
    None
}

/// The end of the start tag `at` begins, whose element name is `at[..name]` (`<` included):
/// the offset of its `>` and whether it ends `/>`. `None` when something follows the name
/// without white space between, or the tag declares a namespace (the byte scans then give up).
#[inline]
fn start_tag_end(at: &[u8], name: usize) -> Option<(usize, bool)> {
    let raw = &at[name..];
    match *raw.first()? {
        b'>' => return Some((name, false)),
        b'/' => return (raw.get(1) == Some(&b'>')).then_some((name + 1, true)),
        b if b.is_ascii_whitespace() => {}
        _ => return None,
    }
    let (k, declares) = tag_close(raw)?;
    if declares {
        return None;
    }
    Some((name + k, raw[k - 1] == b'/'))
}

/// The offset of the `>` that ends a start tag, in `raw` from after the element name, quoted
/// values passed over; and whether `xmlns` occurs outside the values (a namespace declaration
/// would). Eight bytes at a time: most tags are a few dozen bytes, too short for a vector
/// search to pay for its set-up and long enough that a byte loop costs more.
#[inline]
fn tag_close(raw: &[u8]) -> Option<(usize, bool)> {
    let (mut i, mut declares) = (0, false);
    loop {
        let k = find_any(raw, i, [b'>', b'"', b'\'', b'x'])?;
        match raw[k] {
            b'>' => return Some((k, declares)),
            b'x' => {
                declares |= raw[k..].starts_with(b"xmlns");
                i = k + 1;
            }
            q => i = find_any(raw, k + 1, [q])? + 1,
        }
    }
}

/// The first offset from `i` of a byte of `set` in `hay`, eight bytes at a time.
#[inline(always)]
fn find_any<const N: usize>(hay: &[u8], mut i: usize, set: [u8; N]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = hay.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().ok()?);
        let mut m = 0;
        for c in set {
            // The high bit of each byte equal to `c`. A borrow can set bits above a true
            // match only, so the lowest bit set marks the first match.
            let x = w ^ (LO * u64::from(c));
            m |= x.wrapping_sub(LO) & !x & HI;
        }
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    hay[i..].iter().position(|b| set.contains(b)).map(|k| i + k)
}

/// The offset of the `>` ending the tag that `tail` starts (quoted values may hold `>`).
fn tag_end(tail: &[u8]) -> Option<usize> {
    let mut i = 0;
    loop {
        let k = i + memchr::memchr3(b'>', b'"', b'\'', &tail[i..])?;
        match tail[k] {
            b'>' => return Some(k),
            q => i = k + 1 + memchr::memchr(q, &tail[k + 1..])? + 1,
        }
    }
}

/// `prefix:local` → (prefix, local); attribute names are short, so a plain scan.
#[inline]
fn split_qname(q: &[u8]) -> (Option<&[u8]>, &[u8]) {
    match q.iter().position(|&b| b == b':') {
        Some(i) => (Some(&q[..i]), &q[i + 1..]),
        None => (None, q),
    }
}

/// An attribute value as text: entities resolved, invalid UTF-8 replaced.
#[inline]
fn value_str(v: Cow<'_, [u8]>) -> Cow<'_, str> {
    match v {
        Cow::Borrowed(b) => match std::str::from_utf8(b) {
            Ok(s) if !b.contains(&b'&') => Cow::Borrowed(s),
            Ok(s) => unescape(Cow::Borrowed(s)),
            Err(_) => unescape(String::from_utf8_lossy(b)),
        },
        Cow::Owned(b) => unescape(Cow::Owned(String::from_utf8_lossy(&b).into_owned())),
    }
}

fn unescape(s: Cow<'_, str>) -> Cow<'_, str> {
    if !s.contains('&') {
        return s;
    }
    match quick_xml::escape::unescape(&s) {
        Ok(u) => Cow::Owned(u.into_owned()),
        Err(_) => s,
    }
}

/// ST_OnOff: absent value or `true`/`1`/`on` is true.
pub(crate) fn on_off(v: Option<&str>) -> bool {
    !matches!(v, Some("false" | "0" | "off" | "none"))
}

/// A measure in twips: an integer, or (Strict) a number with a unit (`pt`, `in`, `cm`, `mm`,
/// `pc`, `pi`).
pub(crate) fn twips(v: &str) -> Option<i32> {
    let v = v.trim();
    if let Ok(n) = v.parse::<i64>() {
        return Some(n.clamp(i32::MIN as i64, i32::MAX as i64) as i32);
    }
    let (num, factor) = [
        ("pt", 20.0),
        ("in", 1440.0),
        ("cm", 1440.0 / 2.54),
        ("mm", 144.0 / 2.54),
        ("pc", 240.0),
        ("pi", 240.0),
    ]
    .iter()
    .find_map(|(u, f)| v.strip_suffix(u).map(|n| (n, *f)))?;
    let x: f64 = num.trim().parse().ok()?;
    let t = (x * factor).round();
    t.is_finite()
        .then(|| t.clamp(i32::MIN as f64, i32::MAX as f64) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twips_units() {
        assert_eq!(twips("240"), Some(240));
        assert_eq!(twips("12pt"), Some(240));
        assert_eq!(twips("1in"), Some(1440));
        assert_eq!(twips("x"), None);
    }

    #[test]
    fn find_close_pairs_same_named_elements() {
        let name = b"w:rPr";
        // The start tag `<w:rPr>` has just been read; offsets are those of the closing `<`.
        let cases: &[(&str, Option<usize>)] = &[
            ("<w:b/></w:rPr><w:t>x</w:t>", Some(6)),
            ("</w:rPr >", Some(0)),
            // Tracked formatting holds a nested rPr; an empty one does not open a level.
            (
                "<w:rPrChange><w:rPr><w:i/></w:rPr></w:rPrChange><w:rPr/></w:rPr>",
                Some(56),
            ),
            // Longer names sharing the prefix are other elements.
            ("<w:rPrChange></w:rPrChange></w:rPr>", Some(27)),
            // Markup-looking text inside comments, CDATA and processing instructions.
            (
                "<!-- </w:rPr> --><![CDATA[</w:rPr>]]><?pi </w:rPr>?></w:rPr>",
                Some(52),
            ),
            // A quoted `>` and `/>` inside a nested start tag's attributes.
            ("<w:rPr a=\"x>y/>\"></w:rPr></w:rPr>", Some(25)),
            // No end tag, an unterminated comment, a declaration: undecided.
            ("<w:b/>", None),
            ("<!-- </w:rPr>", None),
            ("<!DOCTYPE x></w:rPr>", None),
        ];
        for (rest, want) in cases {
            assert_eq!(find_close(rest.as_bytes(), name), *want, "{rest}");
        }
        // An empty name (a start tag `<>` quick-xml let through) is never scanned for.
        assert_eq!(find_close(b"<>x</>", b""), None);
        // The name-only scan agrees on every case without comments, CDATA or instructions.
        for (rest, want) in cases {
            if !rest.contains("<!") && !rest.contains("<?") {
                let got = find_close_clean(rest.as_bytes(), name, Scan::default());
                assert_eq!(got, *want, "{rest}");
            }
        }
        assert_eq!(find_close_clean(b"<>x</>", b"", Scan::default()), None);
    }

    /// Both scans, and the tag-by-tag scan resumed after a budget of tags, on every way of
    /// putting together a few pieces of markup around the name.
    #[test]
    fn name_only_scan_agrees_with_tag_by_tag_scan() {
        let name = b"w:style";
        let pieces: &[&str] = &[
            "<w:style>",
            "<w:style/>",
            "</w:style>",
            "<w:style w:type=\"table\">",
            "<w:style a=\"x>y/\"/>",
            "<w:styleId/>",
            "</w:styleLink>",
            "<w:name w:val=\"w:style\"/>",
            "<w:t>w:style </w:t>",
            "<w:rPr><w:b/></w:rPr>",
            "x/w:style>",
            "</w:style",
        ];
        let mut checked = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let rest = format!("{a}{b}{c}{d}");
                        let want = find_close(rest.as_bytes(), name);
                        let clean = find_close_clean(rest.as_bytes(), name, Scan::default());
                        assert_eq!(clean, want, "{rest}");
                        for budget in 0..4 {
                            let resumed =
                                match scan_close(rest.as_bytes(), name, Scan::default(), budget) {
                                    Close::At(at) => Some(at),
                                    Close::Unknown => None,
                                    Close::Long(from) => {
                                        find_close_clean(rest.as_bytes(), name, from)
                                    }
                                };
                            assert_eq!(resumed, want, "{rest} after {budget} tags");
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 12 * 12 * 12 * 12);
    }

    /// The run-properties shortcut gives the tag-by-tag scan's offset whenever it gives one, on
    /// every way of putting together a few pieces of markup, and gives one on plain properties.
    #[test]
    fn run_properties_close_agrees_with_tag_by_tag_scan() {
        let pieces: &[&str] = &[
            "<w:b/>",
            "</w:rPr>",
            "</w:rPr >",
            "<w:rPr>",
            "<w:rPrChange w:id=\"1\">",
            "</w:rPrChange>",
            "<!-- </w:rPr> -->",
            "<?pi </w:rPr>?>",
            "<w:sz w:val=\"w:rPr\"/>",
            "<![CDATA[</w:rPr>]]>",
            "<w:rFonts w:ascii=\"a>b\"/>",
            "x",
        ];
        let (mut checked, mut taken) = (0, 0);
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let rest = format!("{a}{b}{c}{d}");
                        if let Some(at) = rpr_close(rest.as_bytes()) {
                            assert_eq!(find_close(rest.as_bytes(), b"w:rPr"), Some(at), "{rest}");
                            taken += 1;
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 12 * 12 * 12 * 12);
        assert!(taken > 1000, "{taken}");
        assert_eq!(
            rpr_close(b"<w:rFonts w:ascii=\"a\"/><w:sz w:val=\"32\"/></w:rPr><w:t>x</w:t>"),
            Some(41)
        );
    }

    /// quick-xml's reading of the start tag `<w:x` + `raw`: the offset of its `>` in `raw`,
    /// whether it is empty, and its attributes (key, value), `None` for them when it cannot
    /// read one; `None` when it reads no start tag.
    #[allow(clippy::type_complexity)]
    fn quick_xml_tag(raw: &str) -> Option<(usize, bool, Option<Vec<(Vec<u8>, String)>>)> {
        let doc = format!("<w:x{raw}");
        let mut r = quick_xml::Reader::from_str(&doc);
        let (e, empty) = match r.read_event() {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            _ => return None,
        };
        // A name written twice is read as written, as the readers read it.
        let attrs = e
            .attributes()
            .with_checks(false)
            .map(|a| {
                let a = a.ok()?;
                let v = std::str::from_utf8(&a.value).ok()?;
                let v = quick_xml::escape::unescape(v).ok()?;
                Some((a.key.as_ref().to_vec(), v.into_owned()))
            })
            .collect();
        Some((r.buffer_position() as usize - 5, empty, attrs))
    }

    /// The eight-bytes-at-a-time search finds what a byte loop finds, from every offset of
    /// haystacks of every length up to 40 made of matching and non-matching bytes (bytes just
    /// below a match, whose borrow the search must not take for a match, included).
    #[test]
    fn eight_byte_search_agrees_with_a_byte_loop() {
        let alphabet = [
            b'>', b'"', b'=', b'?', b'x', b'w', 0x00, 0x7F, 0x80, 0xFF, 0x3D, 0x21,
        ];
        let mut seed: u32 = 1;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as usize
        };
        for len in 0..=40 {
            for _ in 0..200 {
                let hay: Vec<u8> = (0..len)
                    .map(|_| alphabet[next() % alphabet.len()])
                    .collect();
                for i in 0..=len {
                    let naive =
                        |set: &[u8]| hay[i..].iter().position(|b| set.contains(b)).map(|k| i + k);
                    assert_eq!(
                        find_any(&hay, i, [b'>', b'"', b'x']),
                        naive(b">\"x"),
                        "{hay:?} {i}"
                    );
                    assert_eq!(find_any(&hay, i, [b'>']), naive(b">"), "{hay:?} {i}");
                }
            }
        }
    }

    /// Whenever the scans of a start tag give an answer, quick-xml reads the same tag to the
    /// same `>`, agrees on `/>` and finds no namespace declaration; where a properties scan
    /// takes the attributes, it reads the same `w:` attributes and values. On every way of
    /// putting together a few pieces of markup; and the scans answer on plain tags.
    #[test]
    fn attribute_scans_agree_with_quick_xml() {
        let pieces: &[&str] = &[
            " w:val=\"1\"",
            " w:val='a>b\"'",
            " w14:paraId=\"1A\"",
            " xmlns:w=\"urn:x\"",
            " w:ascii=\"宋体\"",
            " w:x = \"1\"",
            " w:v=\"a&amp;b\"",
            "w:v=\"1\"",
            " w:v=\"<\"",
            " xml:space=\"preserve\"",
            "/",
            ">",
            " ",
            "\"",
        ];
        let (mut checked, mut ends, mut taken) = (0, 0, 0);
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let raw = format!("{a}{b}{c}{d}");
                        let reference = quick_xml_tag(&raw);
                        let tag = format!("<w:x{raw}");
                        if let Some((k, empty)) = start_tag_end(tag.as_bytes(), 4) {
                            let (at, e, list) = reference.clone().expect(&raw);
                            assert_eq!((k, empty), (4 + at, e), "{raw}");
                            let list = list.unwrap_or_default();
                            assert!(
                                !list.iter().any(|(key, _)| key.starts_with(b"xmlns")),
                                "{raw}"
                            );
                            ends += 1;
                        }
                        let mut attrs = [(&b""[..], ""); MAX_PROP_ATTRS];
                        if let Some((n, k)) = plain_attrs(raw.as_bytes(), &mut attrs) {
                            let (at, empty, list) = reference.expect(&raw);
                            assert_eq!((k, true), (at, empty), "{raw}");
                            let want: Vec<(Vec<u8>, String)> = attrs[..n]
                                .iter()
                                .map(|(l, v)| ([b"w:", *l].concat(), v.to_string()))
                                .collect();
                            assert_eq!(Some(want), list, "{raw}");
                            taken += 1;
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 14 * 14 * 14 * 14);
        assert!(ends > 1000 && taken > 100, "{ends} {taken}");
        let tag = "<w:p w:rsidR=\"00CD1495\" w14:paraId=\"185572E7\" w14:textId=\"x>\">";
        assert_eq!(
            start_tag_end(tag.as_bytes(), 4),
            Some((tag.len() - 1, false))
        );
        let tag = "<w:p w:rsidR=\"00CD1495\" w14:paraId=\"185572E7\" w14:textId=\"1\"/>";
        assert_eq!(
            start_tag_end(tag.as_bytes(), 4),
            Some((tag.len() - 1, true))
        );
        let tag = " w:ascii=\"宋体\" w:hint=\"eastAsia\"/>";
        let mut attrs = [(&b""[..], ""); MAX_PROP_ATTRS];
        assert_eq!(
            plain_attrs(tag.as_bytes(), &mut attrs),
            Some((2, tag.len() - 1))
        );
        assert_eq!(
            attrs[..2],
            [(&b"ascii"[..], "宋体"), (&b"hint"[..], "eastAsia")]
        );
        // White space around `=` is allowed; a namespace declaration is not.
        assert_eq!(start_tag_end(b"<w:x w:a = \"1\">", 4), Some((14, false)));
        assert_eq!(start_tag_end(b"<w:x xmlns:w=\"u\">", 4), None);
        assert_eq!(start_tag_end(b"<w:xy>", 4), None);
    }

    #[test]
    fn long_skips_go_by_name_unless_the_part_has_comments() {
        // More tags than the tag-by-tag budget, then the element's end tag; a nested element of
        // the same name and one whose name starts the same way.
        let filler: String = (0..3 * LONG_SKIP)
            .map(|i| format!("<w:tblPr><w:x w:v=\"{i}\"/></w:tblPr>"))
            .collect();
        for extra in [
            "",
            "<!-- </w:style> -->",
            "<?pi </w:style>?>",
            "<![CDATA[</w:style>]]>",
        ] {
            let xml = format!(
                "<w:styles xmlns:w=\"u\"><w:style>{filler}<w:style>{extra}</w:style><w:styleX/>{extra}</w:style><w:after/></w:styles>"
            );
            let mut x = Xml::new(xml.as_bytes(), "styles.xml", 256);
            let mut seen = Vec::new();
            loop {
                match x.next().unwrap() {
                    Ev::Start(el) if el.local() == b"style" => x.skip_el(&el).unwrap(),
                    Ev::Start(el) | Ev::Empty(el) => {
                        seen.push(String::from_utf8_lossy(el.local()).into_owned())
                    }
                    Ev::Eof => break,
                    _ => {}
                }
            }
            assert_eq!(seen, ["styles", "after"], "{extra:?}");
            assert_eq!(x.clean, Some(extra.is_empty()), "{extra:?}");
        }
    }

    #[test]
    fn skip_el_keeps_positions_and_end_tag_checks() {
        let xml = "<r><rPr><b/><c>t</c></rPr><t>after</t></r>";
        let mut x = Xml::new(xml.as_bytes(), "p", 256);
        let mut seen = Vec::new();
        loop {
            match x.next().unwrap() {
                Ev::Start(el) if el.local() == b"rPr" => x.skip_el(&el).unwrap(),
                Ev::Start(el) => seen.push(String::from_utf8_lossy(el.local()).into_owned()),
                Ev::Text(t) => {
                    seen.push(t.as_str().into_owned());
                    assert_eq!(x.position(), xml.find("</t>").unwrap() as u64);
                }
                Ev::Eof => break,
                _ => {}
            }
        }
        assert_eq!(seen, ["r", "t", "after"]);
        // A skipped element closed by the wrong end tag is still an error, at its place.
        let bad = "<r><rPr><b/></rPX></r>";
        let mut x = Xml::new(bad.as_bytes(), "p", 256);
        let err = loop {
            match x.next() {
                Ok(Ev::Start(el)) if el.local() == b"rPr" => {
                    if let Err(e) = x.skip_el(&el) {
                        break e;
                    }
                }
                Ok(Ev::Eof) => panic!("no error"),
                Err(e) => break e,
                _ => {}
            }
        };
        assert!(matches!(err, Error::Xml { .. }), "{err:?}");
    }

    #[test]
    fn utf16_is_transcoded() {
        let mut b = vec![0xFF, 0xFE];
        for u in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>中</a>".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(&*decode_part(&b), "<a>中</a>".as_bytes());
    }
}

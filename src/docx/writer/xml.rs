//! A small XML text emitter: elements and attributes go in, escaped UTF-8 markup comes out.
//!
//! The writer builds every part it owns as text in schema order, so nothing has to be sorted
//! afterwards. Characters XML 1.0 cannot carry are never written: [`Xml::text`] reports them to
//! the caller, which turns them into diagnostics.

/// An XML document being written.
#[derive(Debug, Default)]
pub(crate) struct Xml {
    buf: String,
}

/// The XML declaration every part starts with.
pub(crate) const DECLARATION: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

impl Xml {
    /// An emitter with room for `capacity` bytes, already holding the XML declaration.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        let mut buf = String::with_capacity(capacity);
        buf.push_str(DECLARATION);
        Xml { buf }
    }

    /// `<name` — continue with [`Xml::attr`], then [`Xml::close_start`] or [`Xml::close_empty`].
    pub(crate) fn open(&mut self, name: &str) -> &mut Self {
        self.buf.push('<');
        self.buf.push_str(name);
        self
    }

    /// ` key="value"` with the value escaped.
    pub(crate) fn attr(&mut self, key: &str, value: &str) -> &mut Self {
        self.buf.push(' ');
        self.buf.push_str(key);
        self.buf.push_str("=\"");
        escape_into(&mut self.buf, value, true);
        self.buf.push('"');
        self
    }

    /// ` key="number"`.
    pub(crate) fn attr_num(&mut self, key: &str, value: i64) -> &mut Self {
        use std::fmt::Write as _;
        let _ = write!(self.buf, " {key}=\"{value}\"");
        self
    }

    /// `>`.
    pub(crate) fn close_start(&mut self) -> &mut Self {
        self.buf.push('>');
        self
    }

    /// `/>`.
    pub(crate) fn close_empty(&mut self) -> &mut Self {
        self.buf.push_str("/>");
        self
    }

    /// `<name>`.
    pub(crate) fn start(&mut self, name: &str) -> &mut Self {
        self.open(name).close_start()
    }

    /// `</name>`.
    pub(crate) fn end(&mut self, name: &str) -> &mut Self {
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
        self
    }

    /// `<name w:val="value"/>`, the most common WordprocessingML shape.
    pub(crate) fn val(&mut self, name: &str, value: &str) -> &mut Self {
        self.open(name).attr("w:val", value).close_empty()
    }

    /// `<name/>`.
    pub(crate) fn empty(&mut self, name: &str) -> &mut Self {
        self.open(name).close_empty()
    }

    /// `<name>text</name>` with the text escaped.
    pub(crate) fn element_text(&mut self, name: &str, text: &str) -> &mut Self {
        self.start(name);
        escape_into(&mut self.buf, text, false);
        self.end(name)
    }

    /// Escaped character data. Returns the number of characters dropped because XML 1.0 cannot
    /// carry them (C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF).
    pub(crate) fn text(&mut self, text: &str) -> usize {
        escape_into(&mut self.buf, text, false)
    }

    /// Raw markup, written as is (trusted constants only).
    pub(crate) fn raw(&mut self, markup: &str) -> &mut Self {
        self.buf.push_str(markup);
        self
    }

    /// The finished text.
    pub(crate) fn finish(self) -> String {
        self.buf
    }
}

/// True when XML 1.0 can carry `c` as character data.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Appends `text` escaped; returns how many characters were dropped (not XML characters).
fn escape_into(buf: &mut String, text: &str, attribute: bool) -> usize {
    let mut dropped = 0;
    let mut rest = text;
    while let Some(pos) = rest
        .find(|c: char| matches!(c, '<' | '>' | '&' | '"' | '\n' | '\r' | '\t') || !is_xml_char(c))
    {
        buf.push_str(&rest[..pos]);
        let c = rest[pos..].chars().next().unwrap_or(' ');
        match c {
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '&' => buf.push_str("&amp;"),
            '"' if attribute => buf.push_str("&quot;"),
            '\n' if attribute => buf.push_str("&#10;"),
            '\r' => buf.push_str("&#13;"),
            '\t' if attribute => buf.push_str("&#9;"),
            c if is_xml_char(c) => buf.push(c),
            _ => dropped += 1,
        }
        rest = &rest[pos + c.len_utf8()..];
    }
    buf.push_str(rest);
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_controls() {
        let mut x = Xml::default();
        let dropped = x.text("a<b>&\u{1}c");
        x.open("e").attr("v", "\"q\"").close_empty();
        assert_eq!(dropped, 1);
        assert_eq!(x.finish(), "a&lt;b&gt;&amp;c<e v=\"&quot;q&quot;\"/>");
    }
}

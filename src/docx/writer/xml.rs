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
    #[inline]
    pub(crate) fn open(&mut self, name: &str) -> &mut Self {
        self.buf.push('<');
        self.buf.push_str(name);
        self
    }

    /// ` key="value"` with the value escaped.
    #[inline]
    pub(crate) fn attr(&mut self, key: &str, value: &str) -> &mut Self {
        self.buf.push(' ');
        self.buf.push_str(key);
        self.buf.push_str("=\"");
        escape_into(&mut self.buf, value, true);
        self.buf.push('"');
        self
    }

    /// ` key="number"`.
    #[inline]
    pub(crate) fn attr_num(&mut self, key: &str, value: i64) -> &mut Self {
        self.buf.push(' ');
        self.buf.push_str(key);
        self.buf.push_str("=\"");
        push_num(&mut self.buf, value);
        self.buf.push('"');
        self
    }

    /// `>`.
    #[inline]
    pub(crate) fn close_start(&mut self) -> &mut Self {
        self.buf.push('>');
        self
    }

    /// `/>`.
    #[inline]
    pub(crate) fn close_empty(&mut self) -> &mut Self {
        self.buf.push_str("/>");
        self
    }

    /// `<name>`.
    #[inline]
    pub(crate) fn start(&mut self, name: &str) -> &mut Self {
        self.open(name).close_start()
    }

    /// `</name>`.
    #[inline]
    pub(crate) fn end(&mut self, name: &str) -> &mut Self {
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
        self
    }

    /// `<name w:val="value"/>`, the most common WordprocessingML shape.
    #[inline]
    pub(crate) fn val(&mut self, name: &str, value: &str) -> &mut Self {
        self.open(name).attr("w:val", value).close_empty()
    }

    /// `<name/>`.
    #[inline]
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
    #[inline]
    pub(crate) fn text(&mut self, text: &str) -> usize {
        escape_into(&mut self.buf, text, false)
    }

    /// Raw markup, written as is (trusted constants only).
    #[inline]
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
#[cfg(test)]
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// What [`escape_into`] does with a byte: 0 copy, 1 escape or drop (markup characters, C0
/// controls other than TAB and LF), 2 escape in attributes only (`"`, TAB, LF), 3 look at the
/// next two bytes (U+FFFE and U+FFFF start with `EF BF`).
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = 1;
        b += 1;
    }
    t[b'\t' as usize] = 2;
    t[b'\n' as usize] = 2;
    t[b'"' as usize] = 2;
    t[b'<' as usize] = 1;
    t[b'>' as usize] = 1;
    t[b'&' as usize] = 1;
    t[0xEF] = 3;
    t
};

/// Appends `text` escaped; returns how many characters were dropped (not XML characters).
/// Scans bytes: every character needing care is ASCII or starts with `EF BF`, so plain text
/// is copied in one piece.
fn escape_into(buf: &mut String, text: &str, attribute: bool) -> usize {
    let bytes = text.as_bytes();
    if !attribute && plain(bytes) {
        buf.push_str(text);
        return 0;
    }
    let mut dropped = 0;
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Plain bytes, the common case, in a tight loop.
        while i < bytes.len() && CLASS[bytes[i] as usize] == 0 {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let (replacement, len) = match CLASS[b as usize] {
            0 => {
                i += 1;
                continue;
            }
            2 if !attribute => {
                i += 1;
                continue;
            }
            3 => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0xBF), Some(0xBE | 0xBF)) => (None, 3),
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => (
                match b {
                    b'<' => Some("&lt;"),
                    b'>' => Some("&gt;"),
                    b'&' => Some("&amp;"),
                    b'"' => Some("&quot;"),
                    b'\n' => Some("&#10;"),
                    b'\r' => Some("&#13;"),
                    b'\t' => Some("&#9;"),
                    _ => None,
                },
                1,
            ),
        };
        // `i` is at an ASCII byte or the lead byte of a character: a boundary.
        buf.push_str(&text[from..i]);
        match replacement {
            Some(r) => buf.push_str(r),
            None => dropped += 1,
        }
        i += len;
        from = i;
    }
    buf.push_str(&text[from..]);
    dropped
}

/// True when character data needs no escaping and holds only XML characters: no C0 control,
/// no `<`, `>`, `&`, and no `BF BE` / `BF BF` byte pair (the end of U+FFFE and U+FFFF; a few
/// other characters end so too and merely take the slow path). Written as folds without early
/// exit so that the compiler checks many bytes at once.
fn plain(bytes: &[u8]) -> bool {
    let marked = bytes.iter().fold(false, |acc, &b| {
        acc | (b < 0x20) | (b == b'<') | (b == b'>') | (b == b'&')
    });
    let ends_fffx = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |acc, (&a, &b)| acc | ((a == 0xBF) & (b | 1 == 0xBF)));
    !(marked | ends_fffx)
}

/// True when `text` holds a line feed or a tab (a fold, so many bytes are checked at once).
pub(crate) fn has_break(text: &str) -> bool {
    text.bytes()
        .fold(false, |acc, b| acc | (b == b'\n') | (b == b'\t'))
}

/// Appends `value` in decimal.
fn push_num(buf: &mut String, value: i64) {
    let mut digits = [0u8; 20];
    let mut n = value.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if value < 0 {
        buf.push('-');
    }
    for &d in &digits[at..] {
        buf.push(char::from(d));
    }
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

    #[test]
    fn drops_exactly_the_characters_xml_cannot_carry() {
        let chars = (0..0x3000u32)
            .chain(0xE000..0x1_0100)
            .filter_map(char::from_u32);
        for c in chars {
            let mut x = Xml::default();
            let dropped = x.text(c.encode_utf8(&mut [0; 4]));
            assert_eq!(dropped == 1, !is_xml_char(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn plain_text_is_recognised_without_false_negatives() {
        assert!(plain("根据《条例》（一），第1条".as_bytes()));
        // U+4E3F ends in BF, and the next character's lead byte is above BE.
        assert!(plain("\u{4E3F}\u{4E00}".as_bytes()));
        // U+7FFE ends in BF BE like U+FFFE: checked the slow way, and kept.
        assert!(!plain("\u{7FFE}".as_bytes()));
        let mut x = Xml::default();
        assert_eq!(x.text("a\u{7FFE}b"), 0);
        assert_eq!(x.finish(), "a\u{7FFE}b");
        for marked in ["<", ">", "&", "\r", "\u{1}", "\u{FFFE}", "\u{FFFF}"] {
            assert!(!plain(marked.as_bytes()), "{marked:?}");
        }
        assert!(has_break("a\tb") && has_break("a\n") && !has_break("a b"));
    }

    #[test]
    fn drops_what_xml_cannot_carry_and_keeps_full_width_forms() {
        let mut x = Xml::default();
        let dropped = x.text("（一）\u{FFFE}，\u{FFFF}\u{FFFD}\u{EFBF}\r\t\n\u{7}");
        assert_eq!(dropped, 3);
        assert_eq!(x.finish(), "（一），\u{FFFD}\u{EFBF}&#13;\t\n");
        let mut x = Xml::default();
        x.open("e")
            .attr("v", "a\tb\nc")
            .attr_num("n", -1234)
            .attr_num("z", 0);
        assert_eq!(x.finish(), "<e v=\"a&#9;b&#10;c\" n=\"-1234\" z=\"0\"");
    }
}

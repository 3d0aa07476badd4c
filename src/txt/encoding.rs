//! Bytes of a text dump → detected encoding and decoded text, with every malformed sequence
//! located (line, column, byte offset) instead of silently replaced.
//!
//! # Detection order
//!
//! Binary input is refused first ([`binary_kind`]): a zip (`PK\x03\x04`, `PK\x05\x06`), an OLE
//! compound file (`D0 CF 11 E0`), a PDF (`%PDF`), a PNG, JPEG, GIF or TIFF image. Then the first
//! row that applies decides ([`detect`] has one `match` arm per row):
//!
//! | # | the bytes                                              | encoding      | [`How`]          |
//! |---|--------------------------------------------------------|---------------|------------------|
//! | 1 | start with `EF BB BF`                                  | UTF-8         | [`How::Bom`]     |
//! | 2 | start with `FF FE`                                     | UTF-16LE      | [`How::Bom`]     |
//! | 3 | start with `FE FF`                                     | UTF-16BE      | [`How::Bom`]     |
//! | 4 | zero bytes, line ends written `0A 00` / `0D 00`        | UTF-16LE      | [`How::ZeroBytes`] |
//! | 5 | zero bytes, line ends written `00 0A` / `00 0D`        | UTF-16BE      | [`How::ZeroBytes`] |
//! | 6 | other zero bytes                                       | refused: [`Error::Binary`] | — |
//! | 7 | valid UTF-8                                            | UTF-8         | [`How::ValidUtf8`] |
//! | 8 | anything else                                          | GB18030       | [`How::Fallback`] |
//!
//! Rows 4–5 come before row 7 because ASCII-heavy UTF-16 is also valid UTF-8 (zero bytes are
//! valid UTF-8). Rows 4–5 look at the 16-bit units of the first 64 KiB: the line ends of one byte
//! order must be at least four times as many as those of the other and at least half of all
//! CR/LF bytes (a text with a stray zero byte has its line ends anywhere); a single line without
//! any line end goes by the parity holding more zero bytes. GB18030 is a superset of GBK and
//! GB2312, so it reads all three.
//!
//! A forced encoding ([`super::TextOptions::encoding`], any label encoding_rs knows) skips rows
//! 1–8 (a BOM of that same encoding is still removed); binary signatures are still refused, and
//! zero bytes too unless the encoding is UTF-16.
//!
//! # Malformed sequences
//!
//! Decoding is one pass into one pre-sized `String`. Each malformed or truncated sequence becomes
//! U+FFFD and is counted; [`Malformed`] gives the first one's line and column (in the decoded
//! text, 1-based, columns in characters) and byte offset. [`read`](super::read) reports it as the
//! `txt.encoding.malformed` diagnostic, or as [`Error::Encoding`] in strict mode.

use encoding_rs::{CoderResult, DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::{Error, Result};

/// How the encoding was chosen (the row of the detection table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// A byte-order mark (rows 1–3).
    Bom,
    /// The zero-byte pattern of BOM-less UTF-16 (rows 4–5).
    ZeroBytes,
    /// The bytes are valid UTF-8 (row 7).
    ValidUtf8,
    /// Nothing else applied: GB18030 (row 8).
    Fallback,
    /// Given by the caller.
    Forced,
}

/// The outcome of detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    /// The encoding.
    pub encoding: &'static Encoding,
    /// Why.
    pub how: How,
    /// Length of the byte-order mark to skip (0 when none).
    pub bom_len: usize,
}

impl Detected {
    /// The encoding's name: `UTF-8`, `GB18030`, `GBK`, `UTF-16LE`, `UTF-16BE`, `Big5`… (as
    /// encoding_rs spells it, except GB18030 in its usual capitals).
    pub fn name(&self) -> &'static str {
        if self.encoding == GB18030 {
            "GB18030"
        } else {
            self.encoding.name()
        }
    }

    /// True for UTF-16LE and UTF-16BE.
    pub fn is_utf16(&self) -> bool {
        self.encoding == UTF_16LE || self.encoding == UTF_16BE
    }
}

/// Where the first malformed sequence is, and how many there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed {
    /// 1-based line of the first one in the decoded text.
    pub line: usize,
    /// 1-based column (characters) of the first one.
    pub column: usize,
    /// Byte offset of the first one in the input.
    pub offset: usize,
    /// Number of malformed sequences (each became one U+FFFD).
    pub count: usize,
}

/// Decoded text with its encoding and what went wrong while decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without byte-order mark.
    pub text: String,
    /// The encoding used.
    pub detected: Detected,
    /// Malformed sequences, if any.
    pub malformed: Option<Malformed>,
}

/// Size of the prefix the UTF-16 zero-byte test looks at.
const SNIFF: usize = 64 * 1024;

/// What the bytes look like when they are a known binary format, by signature.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (
            b"PK\x03\x04",
            "a zip archive (a DOCX or another office file)",
        ),
        (b"PK\x05\x06", "an empty zip archive"),
        (
            b"\xD0\xCF\x11\xE0",
            "an OLE compound file (a legacy .doc or an encrypted document)",
        ),
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
    ];
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, what)| *what)
}

/// The zero-byte pattern of the first 64 KiB: which UTF-16 byte order it suggests, `Some(None)`
/// for zero bytes that fit neither, `None` for no zero bytes at all.
///
/// Line ends decide first: UTF-16LE writes them `0A 00` / `0D 00` at even offsets, UTF-16BE
/// `00 0A` / `00 0D`. (Zero parity alone misleads: U+3000, the ideographic space, is `00 30` in
/// UTF-16LE.) Without any line-end byte, the parity holding more zero bytes decides. A guess
/// whose 16-bit units include C0 controls other than TAB, LF, VT, FF and CR (U+0000 too) is
/// binary data.
fn zero_pattern(bytes: &[u8]) -> Option<Option<&'static Encoding>> {
    let window = &bytes[..bytes.len().min(SNIFF)];
    if !window.contains(&0) {
        return None;
    }
    let is_eol = |b: u8| b == b'\n' || b == b'\r';
    let (mut le, mut be, mut eol, mut even, mut odd) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for pair in window.chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        le += usize::from(is_eol(a) && b == 0);
        be += usize::from(a == 0 && is_eol(b));
        eol += usize::from(is_eol(a)) + usize::from(is_eol(b));
        even += usize::from(a == 0);
        odd += usize::from(b == 0);
    }
    let guess = if le > 0 && le >= 4 * be && 2 * le >= eol {
        Some(UTF_16LE)
    } else if be > 0 && be >= 4 * le && 2 * be >= eol {
        Some(UTF_16BE)
    } else if eol > 0 || even == odd {
        None
    } else if odd > even {
        Some(UTF_16LE)
    } else {
        Some(UTF_16BE)
    };
    // Text has no C0 controls besides TAB, LF, VT, FF, CR (and no U+0000).
    let control = |u: u16| u < 0x20 && !matches!(u, 0x09..=0x0D);
    let unit = |p: &[u8]| match guess {
        Some(e) if e == UTF_16LE => u16::from_le_bytes([p[0], p[1]]),
        _ => u16::from_be_bytes([p[0], p[1]]),
    };
    Some(guess.filter(|_| !window.chunks_exact(2).any(|p| control(unit(p)))))
}

/// Detects the encoding by the table in the module documentation.
///
/// # Errors
/// [`Error::Binary`] for binary signatures and zero bytes that are not UTF-16.
pub fn detect(bytes: &[u8]) -> Result<Detected> {
    detect_text(bytes).map(|(d, _)| d)
}

/// [`detect`], also giving the text when row 7 (valid UTF-8) decided, so it is validated once.
fn detect_text(bytes: &[u8]) -> Result<(Detected, Option<&str>)> {
    if let Some(what) = binary_kind(bytes) {
        return Err(binary(what));
    }
    let found = |encoding, how, bom_len| {
        let d = Detected {
            encoding,
            how,
            bom_len,
        };
        Ok((d, None))
    };
    let bom = Encoding::for_bom(bytes);
    let zeros = if bom.is_none() {
        zero_pattern(bytes)
    } else {
        None
    };
    let utf8 = if bom.is_none() && zeros.is_none() {
        std::str::from_utf8(bytes).ok()
    } else {
        None
    };
    match (bom, zeros, utf8) {
        (Some((e, n)), _, _) if e == UTF_8 => found(UTF_8, How::Bom, n),
        (Some((e, n)), _, _) if e == UTF_16LE => found(UTF_16LE, How::Bom, n),
        (Some((e, n)), _, _) if e == UTF_16BE => found(UTF_16BE, How::Bom, n),
        (_, Some(Some(e)), _) if e == UTF_16LE => found(UTF_16LE, How::ZeroBytes, 0),
        (_, Some(Some(e)), _) if e == UTF_16BE => found(UTF_16BE, How::ZeroBytes, 0),
        (_, Some(_), _) => Err(binary("binary data (zero bytes)")),
        (_, _, Some(text)) => found(UTF_8, How::ValidUtf8, 0).map(|(d, _)| (d, Some(text))),
        _ => found(GB18030, How::Fallback, 0),
    }
}

fn binary(what: &str) -> Error {
    Error::Binary {
        looks_like: what.to_string(),
    }
}

/// Resolves a forced encoding label (`gbk`, `big5`, `utf-16le`…) for these bytes.
///
/// # Errors
/// [`Error::Encoding`] for a label encoding_rs does not know (or its `replacement` encoding),
/// [`Error::Binary`] for binary signatures, and zero bytes unless the encoding is UTF-16.
pub fn forced(bytes: &[u8], label: &str) -> Result<Detected> {
    let encoding = Encoding::for_label(label.trim().as_bytes())
        .filter(|e| *e != encoding_rs::REPLACEMENT)
        .ok_or_else(|| Error::Encoding {
            line: None,
            column: None,
            detail: format!("unknown encoding label `{label}`"),
        })?;
    if let Some(what) = binary_kind(bytes) {
        return Err(binary(what));
    }
    let bom_len = match Encoding::for_bom(bytes) {
        Some((e, n)) if e == encoding => n,
        _ => 0,
    };
    let detected = Detected {
        encoding,
        how: How::Forced,
        bom_len,
    };
    if !detected.is_utf16() && bytes.contains(&0) {
        return Err(binary("binary data (zero bytes)"));
    }
    Ok(detected)
}

/// Detects (or applies the forced `label`) and decodes in one pass.
///
/// ```
/// use xxgk::txt::{decode, How};
///
/// // 统计 in GBK, then a byte that is no GB18030.
/// let d = decode(b"\xCD\xB3\xBC\xC6\n\xFF", None).unwrap();
/// assert_eq!((d.detected.name(), d.detected.how), ("GB18030", How::Fallback));
/// assert_eq!(d.text, "统计\n\u{FFFD}");
/// let m = d.malformed.unwrap();
/// assert_eq!((m.line, m.column, m.offset, m.count), (2, 1, 5, 1));
/// ```
///
/// # Errors
/// As [`detect`] and [`forced`]; [`Error::LimitExceeded`] when the decoded size would overflow.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<Decoded> {
    let (detected, valid) = match label {
        Some(l) => (forced(bytes, l)?, None),
        None => detect_text(bytes)?,
    };
    let body = &bytes[detected.bom_len..];
    if detected.encoding == UTF_8 {
        if let Some(s) = valid.or_else(|| std::str::from_utf8(body).ok()) {
            return Ok(Decoded {
                text: s.to_owned(),
                detected,
                malformed: None,
            });
        }
    }
    let (text, first, count) = decode_with(detected.encoding, body)?;
    let malformed = first.map(|(out_pos, in_pos)| {
        let (line, column) = line_column(&text, out_pos);
        Malformed {
            line,
            column,
            offset: in_pos + detected.bom_len,
            count,
        }
    });
    Ok(Decoded {
        text,
        detected,
        malformed,
    })
}

/// Output position and input offset of the first malformed sequence, and their number.
type Decoding = (String, Option<(usize, usize)>, usize);

/// Decodes `src` (no BOM handling), replacing malformed sequences by U+FFFD and recording them.
fn decode_with(encoding: &'static Encoding, src: &[u8]) -> Result<Decoding> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let too_big = || Error::LimitExceeded {
        limit: crate::error::Limit::InputSize,
        part: None,
        value: src.len() as u64,
        max: (usize::MAX / 4) as u64,
    };
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(src.len())
        .ok_or_else(too_big)?;
    let mut out = String::with_capacity(cap);
    let (mut read_total, mut first, mut count) = (0usize, None, 0usize);
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&src[read_total..], &mut out, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(src.len() - read_total)
                    .ok_or_else(too_big)?;
                out.reserve(more.max(4));
            }
            DecoderResult::Malformed(bad, after) => {
                let at = read_total.saturating_sub(usize::from(after) + usize::from(bad));
                if first.is_none() {
                    first = Some((out.len(), at));
                }
                count += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    Ok((out, first, count))
}

/// 1-based line and column (characters) of byte position `pos` in `text`; CR, LF and CRLF each
/// end a line.
pub fn line_column(text: &str, pos: usize) -> (usize, usize) {
    let before = &text[..pos.min(text.len())];
    let bytes = before.as_bytes();
    let mut line = 1;
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                line += 1;
                i += 2;
                start = i;
            }
            b'\r' | b'\n' => {
                line += 1;
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    (line, before[start..].chars().count() + 1)
}

/// Encodes `text` for a fixture or a test: UTF-16 by hand (encoding_rs only encodes to
/// ASCII-compatible encodings), anything else through encoding_rs. Unmappable characters become
/// HTML numeric references, as encoding_rs does.
pub fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    if encoding == UTF_16LE {
        return text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    }
    if encoding == UTF_16BE {
        return text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    }
    let mut encoder = encoding.new_encoder();
    let mut out = Vec::with_capacity(text.len() * 2 + 16);
    let mut rest = text;
    loop {
        let need = encoder
            .max_buffer_length_from_utf8_if_no_unmappables(rest.len())
            .unwrap_or(rest.len() * 4)
            + 16;
        out.reserve(need);
        let (result, read, _) = encoder.encode_from_utf8_to_vec(rest, &mut out, true);
        rest = &rest[read..];
        if result == CoderResult::InputEmpty {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_crlf_once() {
        assert_eq!(line_column("ab\r\ncd", 5), (2, 2));
        assert_eq!(line_column("a\rb\nc", 4), (3, 1));
        assert_eq!(line_column("一二", 3), (1, 2));
    }

    #[test]
    fn one_zero_byte_in_lines_of_text_is_binary() {
        let mut b = b"some text\n".repeat(100);
        b[501] = 0;
        assert!(matches!(detect(&b), Err(Error::Binary { .. })));
    }
}

//! A part docx-rs emitted in, the same part in schema order out.
//!
//! docx-rs 0.4.22 writes the children of several property elements in an order the
//! WordprocessingML schema (ECMA-376 Part 1, transitional) does not allow — `w:rPr` before
//! `w:jc` in `w:pPr`, `w:rFonts` after `w:sz` in `w:rPr`, `w:rPr` before `w:pPr` in `w:style`,
//! `w:rPr` inside the `w:pPr` of styles and numbering levels where `CT_PPrGeneral` has none. This
//! pass re-serialises a part with quick-xml: the children of each element in [`order`] are sorted
//! (stably) by their position in the schema's sequence; what the schema forbids is dropped, and
//! so is what makes the output differ between runs.
//!
//! | element | dropped |
//! | --- | --- |
//! | `<w:rPr/>` (empty) | anywhere: says nothing |
//! | `w:rPr` in a `w:pPr` that is not a paragraph's | `CT_PPrGeneral` has no `w:rPr` |
//! | `@w14:paraId` | docx-rs numbers paragraphs from a process-wide counter |
//! | `w:gridCol/@w:type` | not in `CT_TblGridCol` |

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

use crate::error::{Error, Result};

/// Deepest element nesting accepted (docx-rs parts are a few levels deep).
const MAX_DEPTH: usize = 64;

/// The schema sequence of `element`'s children, by local name; `None` for elements whose
/// children are free (or left as they are).
fn order(element: &[u8]) -> Option<&'static [&'static str]> {
    Some(match element {
        b"w:pPr" => &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
        b"w:rPr" => &[
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "rPrChange",
        ],
        b"w:sectPr" => &[
            "headerReference",
            "footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
        b"w:style" => &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
        b"w:tblPr" => &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
            "tblPrChange",
        ],
        b"w:tcPr" => &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
            "headers",
            "cellIns",
            "cellDel",
            "cellMerge",
            "tcPrChange",
        ],
        b"w:docDefaults" => &["rPrDefault", "pPrDefault"],
        _ => return None,
    })
}

/// Position of `child` in `sequence` (unknown children last, in their order).
fn rank(sequence: &[&str], child: &[u8]) -> usize {
    let local = child.rsplit(|&b| b == b':').next().unwrap_or(child);
    sequence
        .iter()
        .position(|s| s.as_bytes() == local)
        .unwrap_or(sequence.len())
}

fn xml_error(part: &str, position: u64, e: impl std::fmt::Display) -> Error {
    Error::Xml {
        part: part.to_string(),
        position,
        detail: e.to_string(),
    }
}

/// Re-serialises `xml` (the part `part`) in schema order.
pub(crate) fn normalize(part: &str, xml: &[u8]) -> Result<Vec<u8>> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Writer::new(Vec::with_capacity(xml.len() + 64));
    let mut parents: Vec<Vec<u8>> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(part, reader.buffer_position(), e))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => element(&mut reader, part, e, &mut parents, &mut out)?,
            other => write(&mut out, part, filter_event(other))?,
        }
    }
    Ok(out.into_inner())
}

fn write(out: &mut Writer<Vec<u8>>, part: &str, event: Option<Event<'_>>) -> Result<()> {
    match event {
        Some(e) => out.write_event(e).map_err(|e| xml_error(part, 0, e)),
        None => Ok(()),
    }
}

/// Copies the element started by `start` through its end tag into `out`, sorting children of
/// ordered elements.
fn element<'x>(
    reader: &mut Reader<&'x [u8]>,
    part: &str,
    start: BytesStart<'x>,
    parents: &mut Vec<Vec<u8>>,
    out: &mut Writer<Vec<u8>>,
) -> Result<()> {
    if parents.len() >= MAX_DEPTH {
        return Err(xml_error(
            part,
            reader.buffer_position(),
            "nesting too deep",
        ));
    }
    let name = start.name().as_ref().to_vec();
    let sequence = order(&name);
    write(out, part, Some(Event::Start(filter_attributes(start))))?;
    parents.push(name);
    let mut children: Vec<(usize, Vec<u8>)> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(part, reader.buffer_position(), e))?;
        match event {
            Event::Eof => return Err(xml_error(part, reader.buffer_position(), "unexpected end")),
            Event::End(e) => {
                for (_, bytes) in stable_sorted(children) {
                    out.get_mut().extend_from_slice(&bytes);
                }
                parents.pop();
                return write(out, part, Some(Event::End(e)));
            }
            Event::Start(e) => {
                let child = e.name().as_ref().to_vec();
                let keep = keep_child(parents, &child);
                match sequence {
                    Some(seq) => {
                        let mut buf = Writer::new(Vec::new());
                        element(reader, part, e, parents, &mut buf)?;
                        if keep {
                            children.push((rank(seq, &child), buf.into_inner()));
                        }
                    }
                    None if keep => element(reader, part, e, parents, out)?,
                    None => element(reader, part, e, parents, &mut Writer::new(Vec::new()))?,
                }
            }
            Event::Empty(e) => {
                let child = e.name().as_ref().to_vec();
                if child == b"w:rPr" || !keep_child(parents, &child) {
                    continue;
                }
                let event = Event::Empty(filter_attributes(e));
                match sequence {
                    Some(seq) => {
                        let mut buf = Writer::new(Vec::new());
                        write(&mut buf, part, Some(event))?;
                        children.push((rank(seq, &child), buf.into_inner()));
                    }
                    None => write(out, part, Some(event))?,
                }
            }
            Event::Text(t) if sequence.is_some() && t.iter().all(u8::is_ascii_whitespace) => {}
            other => write(out, part, filter_event(other))?,
        }
    }
}

fn stable_sorted(mut children: Vec<(usize, Vec<u8>)>) -> Vec<(usize, Vec<u8>)> {
    children.sort_by_key(|(rank, _)| *rank);
    children
}

/// False for a `w:rPr` inside a `w:pPr` that is not a paragraph's (`CT_PPrGeneral`).
fn keep_child(parents: &[Vec<u8>], child: &[u8]) -> bool {
    if child != b"w:rPr" {
        return true;
    }
    match parents {
        [.., grand, parent] if parent.as_slice() == b"w:pPr" => grand.as_slice() == b"w:p",
        _ => true,
    }
}

fn filter_event(event: Event<'_>) -> Option<Event<'_>> {
    match event {
        Event::Empty(e) => Some(Event::Empty(filter_attributes(e))),
        other => Some(other),
    }
}

/// Drops `w14:paraId` everywhere and `w:type` on `w:gridCol`.
fn filter_attributes(start: BytesStart<'_>) -> BytesStart<'_> {
    let grid_col = start.name().as_ref() == b"w:gridCol";
    let drop = |key: &[u8]| key == b"w14:paraId" || (grid_col && key == b"w:type");
    if !start.attributes().flatten().any(|a| drop(a.key.as_ref())) {
        return start;
    }
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut clean = BytesStart::new(name);
    for attr in start.attributes().flatten() {
        if !drop(attr.key.as_ref()) {
            clean.push_attribute(attr);
        }
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(xml: &str) -> String {
        String::from_utf8(normalize("test.xml", xml.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn paragraph_properties_are_sorted() {
        assert_eq!(
            norm(
                r#"<w:p w14:paraId="00000001"><w:pPr><w:rPr><w:sz w:val="32"/><w:rFonts w:eastAsia="宋体"/></w:rPr><w:jc w:val="center"/></w:pPr></w:p>"#
            ),
            r#"<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="32"/></w:rPr></w:pPr></w:p>"#
        );
    }

    #[test]
    fn styles_lose_rpr_inside_ppr_and_get_schema_order() {
        assert_eq!(
            norm(
                r#"<w:style><w:name w:val="Normal"/><w:rPr/><w:pPr><w:rPr/><w:jc w:val="left"/></w:pPr><w:qFormat/></w:style>"#
            ),
            r#"<w:style><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="left"/></w:pPr></w:style>"#
        );
    }

    #[test]
    fn malformed_input_is_an_error_naming_the_part() {
        let err = normalize("word/styles.xml", b"<w:a><w:b></w:a>").unwrap_err();
        assert!(
            matches!(err, Error::Xml { ref part, .. } if part == "word/styles.xml"),
            "{err}"
        );
    }
}

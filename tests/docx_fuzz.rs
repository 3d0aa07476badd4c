//! Damaged input never panics: random byte flips in a real DOCX and random edits of the
//! main part's XML give a document or an error.

mod support;

use proptest::prelude::*;
use support::*;

fn sample() -> Vec<u8> {
    std::fs::read(shared("samples/ningbo2018_wordlike.docx")).unwrap()
}

const XML: &str = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:bookmarkStart w:id="0" w:name="a"/><w:r><w:t>一</w:t><w:br/></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p><w:tbl><w:tblGrid><w:gridCol w:w="10"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p><w:bookmarkEnd w:id="0"/></w:p></w:tc></w:tr></w:tbl><mc:AlternateContent><mc:Choice Requires="w14"><w:p/></mc:Choice><mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent>"#;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn flipped_bytes_never_panic(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = sample();
        for (i, v) in flips {
            let at = i.index(bytes.len());
            bytes[at] ^= v | 1;
        }
        let _ = xxgk::docx::read(&bytes, &Default::default());
    }

    #[test]
    fn edited_xml_never_panics(cut in 0..XML.len(), len in 0usize..40, insert in "[<>/=\"a-z:&;# ]{0,6}") {
        let mut xml = XML.to_string();
        let start = (0..=cut).rev().find(|&i| xml.is_char_boundary(i)).unwrap_or(0);
        let mut end = (start + len).min(xml.len());
        while !xml.is_char_boundary(end) {
            end -= 1;
        }
        xml.replace_range(start..end, &insert);
        let numbering = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）%9"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
        let bytes = Docx::new(&xml).numbering(numbering).bytes();
        let _ = xxgk::docx::read(&bytes, &Default::default());
    }
}

//! Layout constants in, the two page-number footers out, built with docx-rs and put in schema
//! order by [`super::schema::normalize`].
//!
//! docx-rs is right about what these parts contain (a `PAGE` field between its `begin`,
//! `separate` and `end` characters) and wrong only about order; see `docs/writer.md`.

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, Paragraph, Run, RunFonts,
};

use super::layout::{self as l, Font};
use super::schema::normalize;
use super::styles;
use crate::error::Result;

fn styled(font: Font) -> Run {
    Run::new().size(font.size as usize).fonts(
        RunFonts::new()
            .ascii(font.latin)
            .hi_ansi(font.latin)
            .east_asia(font.east_asia),
    )
}

fn page_number_run(font: Font, text: &str) -> Run {
    styled(font).add_text(text)
}

/// The `PAGE` field in the page-number font (docx-rs's `PageNum` has no run properties).
fn page_field(font: Font) -> Run {
    styled(font)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false)
}

/// The footer `— N —` in 宋体 四号: odd pages right-aligned with a one-character right indent,
/// even pages left-aligned with a one-character left indent (GB/T 9704 7.5).
fn footer(odd: bool) -> Footer {
    let font = l::PAGE_NUMBER;
    let one_char = font.size as i32 * 10; // 14 pt = 280 twips
    let (align, left, right) = if odd {
        (AlignmentType::Right, None, Some(one_char))
    } else {
        (AlignmentType::Left, Some(one_char), None)
    };
    // The style cancels the body's first-line indent.
    let para = Paragraph::new()
        .style(styles::PAGE_NUMBER.id)
        .align(align)
        .indent(left, None, right, None)
        .add_run(page_number_run(font, "— "))
        .add_run(page_field(font))
        .add_run(page_number_run(font, " —"));
    Footer::new().add_paragraph(para)
}

/// `word/footer1.xml` (odd pages) and `word/footer2.xml` (even pages).
pub(crate) fn footers() -> Result<[Vec<u8>; 2]> {
    let parts = Docx::new()
        .footer(footer(true))
        .even_footer(footer(false))
        .build();
    let [odd, even] = [0, 1].map(|i| parts.footers.get(i).cloned().unwrap_or_default());
    Ok([
        normalize("word/footer1.xml", &odd)?,
        normalize("word/footer2.xml", &even)?,
    ])
}

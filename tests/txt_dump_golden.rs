//! Golden dump views (`xxgk text`) of the DOCX samples, reviewed as text diffs; regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test txt_dump_golden`. Each golden also reads back (as a dump)
//! to the same cell and paragraph texts as its DOCX.

use xxgk::document::dump::to_text;
use xxgk::document::Block;

fn check(sample: &str) {
    let bytes = std::fs::read(format!("../shared/samples/{sample}")).unwrap();
    let doc = xxgk::docx::read(&bytes, &Default::default()).unwrap();
    let text = to_text(&doc);
    let golden = format!("tests/fixtures/txt/golden/{sample}.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &text).unwrap();
    }
    let want = std::fs::read_to_string(&golden).expect("golden file (UPDATE_GOLDEN=1 makes it)");
    assert_eq!(
        text, want,
        "{golden} differs: review with UPDATE_GOLDEN=1 and git diff"
    );

    let back = xxgk::txt::read(text.as_bytes(), &Default::default()).unwrap();
    let cells = |d: &xxgk::Document| -> Vec<String> {
        d.body
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .flat_map(|t| t.rows.iter().flat_map(|r| r.cells.iter().map(|c| c.text())))
            .collect()
    };
    assert_eq!(cells(&back), cells(&doc), "{sample}");
    let names = |d: &xxgk::Document| -> Vec<String> {
        d.bookmarks.iter().map(|b| b.name.clone()).collect()
    };
    assert_eq!(names(&back), names(&doc), "{sample}");
}

#[test]
fn plain_docx_dump_view() {
    check("ningbo2018_plain.docx");
}

#[test]
fn wordlike_docx_dump_view() {
    check("ningbo2018_wordlike.docx");
}

#[test]
fn libreoffice_docx_dump_view() {
    check("stats2016_libreoffice.docx");
}

//! A report read from its DOCX and from the text dump of that DOCX (Tika layout: every cell
//! printed once, spans and vertical merges lost) gives the same model: narrative, bookmarks,
//! and every table row (label, note, unit, normalised value, depth, code; row paths and value
//! columns of the 2021 tables). The DOCX readings equal the truths (`golden_samples.rs`,
//! `recognize_2021_samples.rs`), so the dumps do too.

use std::path::Path;

use xxgk::model::Report;

fn rows(r: &Report) -> Vec<String> {
    r.tables
        .iter()
        .flat_map(|t| {
            t.rows.iter().map(move |row| {
                let values: Vec<String> = row.values.iter().map(|v| v.normalized()).collect();
                format!(
                    "{:?} {} {:?} {:?} {} {} {:?} {:?} {:?}",
                    t.kind,
                    row.label,
                    row.note,
                    row.unit,
                    row.value.normalized(),
                    row.depth,
                    row.code,
                    row.path,
                    values
                )
            })
        })
        .collect()
}

#[test]
fn text_dump_of_a_docx_gives_the_same_model() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    for name in [
        "samples/stats2016_libreoffice.docx",
        "samples/ningbo2018_wordlike.docx",
        "samples/ningbo2018_plain.docx",
        "samples2021/water2022_wordlike.docx",
        "samples2021/water2022_libreoffice.docx",
    ] {
        let opts = xxgk::Options::default();
        let doc = xxgk::read_path(base.join(name), &opts).unwrap();
        let from_docx = xxgk::recognize(&doc);
        let dump = xxgk::document::dump::to_text(&doc);
        let doc2 = xxgk::txt::read(dump.as_bytes(), &opts.text).unwrap();
        let from_text = xxgk::recognize(&doc2);
        assert_eq!(from_text.title, from_docx.title, "{name}");
        assert_eq!(from_text.agency, from_docx.agency, "{name}");
        assert_eq!(from_text.year, from_docx.year, "{name}");
        assert_eq!(from_text.intro, from_docx.intro, "{name}");
        assert_eq!(from_text.sections, from_docx.sections, "{name}");
        assert_eq!(from_text.bookmarks, from_docx.bookmarks, "{name}");
        assert_eq!(rows(&from_text), rows(&from_docx), "{name}");
        let t = |r: &Report| {
            r.tables
                .iter()
                .map(|t| {
                    (
                        t.title.clone(),
                        t.subtitle.clone(),
                        t.agency.clone(),
                        t.header.clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(t(&from_text), t(&from_docx), "{name}");
    }
}

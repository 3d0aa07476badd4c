//! Plain text runs are read at once by a byte scan (`Xml::plain_run`); every other run event by
//! event. Both ways must give the same tree, diagnostics included: compared here on the samples,
//! the whole corpus, and runs written to reach each way out of the scan.

mod support;

use support::*;
use xxgk::docx::{read, without_plain_runs, ReadOptions};

fn same_both_ways(bytes: &[u8], what: &str) {
    let opts = ReadOptions::default();
    let fast = read(bytes, &opts);
    let slow = without_plain_runs(|| read(bytes, &opts));
    match (fast, slow) {
        (Ok(a), Ok(b)) => assert!(a == b, "{what}: the trees differ"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{what}"),
        (a, b) => panic!("{what}: {:?} against {:?}", a.map(|_| ()), b.map(|_| ())),
    }
}

#[test]
fn samples_and_corpus_read_the_same_both_ways() {
    let mut files = Vec::new();
    for dir in ["samples", "samples2021", "corpus"] {
        support::docx_files(&shared(dir), &mut files);
    }
    files.sort();
    assert!(files.len() > 100, "samples and corpus not found");
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        same_both_ways(&bytes, &f.display().to_string());
    }
    // The regenerated report: the writer's own runs.
    let sample = std::fs::read(shared("samples").join("ningbo2018_wordlike.docx")).unwrap();
    let report = xxgk::inspect_bytes(&sample, Some("x.docx"), &xxgk::Options::default()).unwrap();
    let mut written = std::io::Cursor::new(Vec::new());
    xxgk::docx::write(&report, &mut written).unwrap();
    same_both_ways(written.get_ref(), "the regenerated sample");
}

/// Runs the scan takes, and runs it must leave to the event-by-event reading; each is checked
/// both ways and against the text a reader sees.
#[test]
fn runs_in_and_out_of_the_scan() {
    let cases: &[(&str, &str)] = &[
        // Taken: properties (nested, empty, quoted `>`), several texts, white space between.
        (
            r#"<w:r w:rsidR="1"><w:rPr><w:b/><w:rPrChange><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>一</w:t></w:r>"#,
            "一",
        ),
        (
            r#"<w:r><w:rPr/><w:t xml:space="preserve"> 二 </w:t><w:t>三</w:t></w:r>"#,
            " 二 三",
        ),
        (
            "<w:r>\n  <w:rPr>\n<w:sz w:val=\"32\"/></w:rPr>\n  <w:t>四</w:t>\n</w:r>",
            "四",
        ),
        (
            r#"<w:r><w:rPr><w:rFonts w:ascii="a>b"/></w:rPr><w:t>五></w:t></w:r>"#,
            "五>",
        ),
        // Left to the events: entities, CDATA, comments, other children, empty text, odd end
        // tags, declarations, another prefix, an empty run.
        (r#"<w:r><w:t>六&amp;七</w:t></w:r>"#, "六&七"),
        (r#"<w:r><w:t><![CDATA[八]]></w:t></w:r>"#, "八"),
        (r#"<w:r><!-- c --><w:t>九</w:t></w:r>"#, "九"),
        (r#"<w:r><w:t>十<!-- c --></w:t></w:r>"#, "十"),
        (r#"<w:r><w:tab/><w:t>十一</w:t></w:r>"#, "\t十一"),
        (r#"<w:r><w:t/><w:t>十二</w:t></w:r>"#, "十二"),
        (r#"<w:r><w:t>十三</w:t ></w:r >"#, "十三"),
        (r#"<w:r xmlns:v="urn:x"><w:t>十四</w:t></w:r>"#, "十四"),
        (
            r#"<x:r xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:t>十五</x:t></x:r>"#,
            "十五",
        ),
        (r#"<w:r/><w:r><w:t>十六</w:t></w:r>"#, "十六"),
        (r#"<w:r>stray<w:t>十七</w:t></w:r>"#, "十七"),
        // After white space (quick-xml then stands at markup), and before text.
        (
            "\n <w:r><w:t>十八</w:t></w:r>\n <w:r><w:t>十九</w:t></w:r>stray \n",
            "十八十九",
        ),
        (
            "<w:r><w:t>二十</w:t></w:r>\n<w:r><w:t>廿一</w:t></w:r>",
            "二十廿一",
        ),
        // Unchecked inside passed-over properties, either way.
        (r#"<w:r><w:rPr><w:b></w:rPr><w:t>廿二</w:t></w:r>"#, "廿二"),
        (
            r#"<w:r><w:t>a</w:t><w:t>b</w:t><w:t>c</w:t><w:t>d</w:t><w:t>e</w:t><w:t>f</w:t><w:t>g</w:t><w:t>h</w:t><w:t>i</w:t></w:r>"#,
            "abcdefghi",
        ),
        // Field code is not text, either way.
        (
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>code</w:t></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            "1",
        ),
    ];
    for (runs, want) in cases {
        let d = Docx::new(&format!("<w:p>{runs}</w:p>"));
        let bytes = d.bytes();
        same_both_ways(&bytes, runs);
        let doc = read(&bytes, &ReadOptions::default()).unwrap();
        assert_eq!(doc.paragraphs()[0].text(), *want, "{runs}");
    }
    // Markup errors inside a run are found either way.
    for bad in [
        "<w:r><w:t>x</w:q></w:r>",
        "<w:r><w:t>x</w:t></w:s>",
        // quick-xml reads names up to white space: `w:rPr/w:szC` is another element, left open.
        "<w:r><w:rPr/w:szC><w:b/></w:rPr><w:t>x</w:t></w:r>",
        "<w:r><w:t>x</w:t>",
    ] {
        let bytes = Docx::new(&format!("<w:p>{bad}</w:p>")).bytes();
        same_both_ways(&bytes, bad);
        assert!(read(&bytes, &ReadOptions::default()).is_err(), "{bad}");
    }
}

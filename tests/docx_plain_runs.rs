//! Plain text runs and plain paragraph and cell properties are read at once by a byte scan
//! (`Xml::plain_run`, `Xml::scan_props`), and so are whole paragraphs made only of these
//! (`Ctx::plain_paragraph`); everything else event by event. Both ways must give the same tree,
//! diagnostics included: compared here on the samples, the whole corpus, and runs, properties
//! and paragraphs written to reach each way out of the scans.

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

/// Paragraph properties (`w:pPr`) the byte scan takes, and those it must leave to the
/// event-by-event reading; each is read both ways and checked against what the markup says.
#[test]
fn paragraph_properties_in_and_out_of_the_scan() {
    use xxgk::document::Alignment::{Center, Right};
    // (pPr, style, alignment, first-line indent, outline level)
    type Want = (
        Option<&'static str>,
        Option<xxgk::document::Alignment>,
        Option<i32>,
        Option<u8>,
    );
    let cases: &[(&str, Want)] = &[
        // Taken: wanted children among others (run properties with children, tracked
        // earlier properties holding another `w:pPr`), white space between, `'` quotes,
        // `w:numPr` read through.
        (
            r#"<w:pPr><w:pStyle w:val="a1"/><w:bidi w:val="0"/><w:jc w:val="center"/><w:rPr><w:sz w:val="4"/></w:rPr></w:pPr>"#,
            (Some("a1"), Some(Center), None, None),
        ),
        (
            "<w:pPr>\n  <w:jc w:val='right'/>\n  <w:pPrChange w:id=\"1\"><w:pPr><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"2\"/></w:pPr></w:pPrChange>\n</w:pPr>",
            (None, Some(Right), None, None),
        ),
        (
            r#"<w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>"#,
            (None, None, Some(640), None),
        ),
        (
            r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr>"#,
            (None, None, None, Some(1)),
        ),
        (
            r#"<w:pPr><w:ind w:hanging="320"/><w:jc w:val="right" /></w:pPr>"#,
            (None, Some(Right), Some(-320), None),
        ),
        // Left to the events: an entity, a comment, another namespace, an unprefixed or
        // repeated attribute, a wanted child written with an end tag, attributes on `w:pPr`,
        // text inside, an end tag with a space, a nested `w:pPr`, an `xmlns` declaration.
        (
            r#"<w:pPr><w:pStyle w:val="a&amp;b"/></w:pPr>"#,
            (Some("a&b"), None, None, None),
        ),
        (
            r#"<w:pPr><!-- c --><w:jc w:val="center"/></w:pPr>"#,
            (None, Some(Center), None, None),
        ),
        (
            r#"<w:pPr><w:jc w:val="center"/><v:x xmlns:v="urn:v"/></w:pPr>"#,
            (None, Some(Center), None, None),
        ),
        (
            r#"<w:pPr><w:jc val="right"/></w:pPr>"#,
            (None, Some(Right), None, None),
        ),
        (
            r#"<w:pPr><w:jc w:val="right" w:val="left"/></w:pPr>"#,
            (None, Some(Right), None, None),
        ),
        (
            r#"<w:pPr><w:jc w:val="right"></w:jc></w:pPr>"#,
            (None, Some(Right), None, None),
        ),
        (
            r#"<w:pPr w:rsidR="1"><w:jc w:val="right"/></w:pPr>"#,
            (None, Some(Right), None, None),
        ),
        (
            r#"<w:pPr>x<w:jc w:val="right"/></w:pPr>"#,
            (None, Some(Right), None, None),
        ),
        (
            r#"<w:pPr><w:jc w:val="right"/></w:pPr >"#,
            (None, Some(Right), None, None),
        ),
        (
            r#"<w:pPr><w:pPr><w:jc w:val="right"/></w:pPr></w:pPr>"#,
            (None, Some(Right), None, None),
        ),
        (
            r#"<w:pPr><w:jc xmlns:q="urn:q" w:val="right"/></w:pPr>"#,
            (None, Some(Right), None, None),
        ),
        // A second `w:pPr` adds to the first, either way.
        (
            r#"<w:pPr><w:pStyle w:val="a1"/></w:pPr><w:pPr><w:jc w:val="center"/></w:pPr>"#,
            (Some("a1"), Some(Center), None, None),
        ),
        // After white space (quick-xml then stands at markup).
        (
            "\n <w:pPr><w:jc w:val=\"center\"/></w:pPr>\n ",
            (None, Some(Center), None, None),
        ),
    ];
    for (ppr, (style, align, first, outline)) in cases {
        let bytes = Docx::new(&format!("<w:p>{ppr}<w:r><w:t>x</w:t></w:r></w:p>")).bytes();
        same_both_ways(&bytes, ppr);
        let doc = read(&bytes, &ReadOptions::default()).unwrap();
        let p = &doc.paragraphs()[0];
        assert_eq!(p.style.as_deref(), *style, "{ppr}");
        assert_eq!(p.alignment, *align, "{ppr}");
        assert_eq!(p.indent.first_line, *first, "{ppr}");
        assert_eq!(p.outline_level, *outline, "{ppr}");
        assert_eq!(p.text(), "x", "{ppr}");
    }
    // A section break in the paragraph properties names the footer: read either way.
    let ftr = format!(r#"<w:ftr {NS}><w:p><w:r><w:t>页脚</w:t></w:r></w:p></w:ftr>"#);
    let body = r#"<w:p><w:pPr><w:jc w:val="center"/><w:sectPr><w:footerReference w:type="default" r:id="rIdF"/></w:sectPr></w:pPr></w:p><w:p/>"#;
    let bytes = Docx::new(body)
        .related("rIdF", "footer", "word/footer1.xml", &ftr)
        .bytes();
    same_both_ways(&bytes, body);
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(doc.stories.len(), 1, "the footer of the section break");
    // Markup errors inside the properties are found either way.
    for bad in [
        r#"<w:pPr><w:jc w:val="right"/></w:pPx>"#,
        r#"<w:pPr><w:rPr><w:b/></w:rPx></w:pPr>"#,
        r#"<w:pPr><w:jc w:val="right"/>"#,
    ] {
        let bytes = Docx::new(&format!("<w:p>{bad}</w:p>")).bytes();
        same_both_ways(&bytes, bad);
        assert!(read(&bytes, &ReadOptions::default()).is_err(), "{bad}");
    }
}

/// Cell properties (`w:tcPr`) the byte scan takes, and those it leaves to the events.
#[test]
fn cell_properties_in_and_out_of_the_scan() {
    use xxgk::document::{Block, VMerge};
    let grid = r#"<w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>"#;
    // (rows, first row's cell spans, first cell's row span and merge role, a diagnostic code)
    type Want = (&'static [usize], usize, VMerge, Option<&'static str>);
    let cases: &[(&str, Want)] = &[
        (
            r#"<w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:gridSpan w:val="2"/><w:tcBorders><w:left w:val="single" w:sz="2"/><w:right w:val="single"/></w:tcBorders><w:vAlign w:val="center"/></w:tcPr><w:p/></w:tc></w:tr>"#,
            (&[2], 1, VMerge::None, None),
        ),
        (
            r#"<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>"#,
            (&[1, 1], 2, VMerge::Origin, None),
        ),
        (
            r#"<w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc></w:tr>"#,
            (&[2], 1, VMerge::None, None),
        ),
        // Left to the events: a span needing a diagnostic, an entity, a wanted child with an
        // end tag.
        (
            r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="0"/></w:tcPr><w:p/></w:tc></w:tr>"#,
            (&[1], 1, VMerge::None, Some("docx.table.grid_span")),
        ),
        (
            r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="&#50;"/></w:tcPr><w:p/></w:tc></w:tr>"#,
            (&[2], 1, VMerge::None, None),
        ),
        (
            r#"<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"></w:vMerge></w:tcPr><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr><w:p/></w:tc></w:tr>"#,
            (&[1], 2, VMerge::Origin, None),
        ),
    ];
    for (rows, (spans, row_span, vm, code)) in cases {
        let bytes = Docx::new(&format!("<w:tbl>{grid}{rows}</w:tbl><w:p/>")).bytes();
        same_both_ways(&bytes, rows);
        let doc = read(&bytes, &ReadOptions::default()).unwrap();
        let Block::Table(t) = &doc.body[0] else {
            panic!("{rows}: no table")
        };
        let got: Vec<usize> = t.rows[0].cells.iter().map(|c| c.col_span).collect();
        assert_eq!(got, *spans, "{rows}");
        assert_eq!(t.rows[0].cells[0].row_span, *row_span, "{rows}");
        assert_eq!(t.rows[0].cells[0].v_merge, *vm, "{rows}");
        if let Some(code) = code {
            assert!(has_code(&doc, code), "{rows}: {code}");
        }
    }
}

/// A main part that is not valid UTF-8 throughout: the runs and properties that are still read
/// at once, and those that are not, read as the event-by-event reading reads them (invalid bytes
/// replaced).
#[test]
fn part_with_invalid_utf8_reads_the_same_both_ways() {
    let body = concat!(
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>一</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="s@"/></w:pPr><w:r><w:t>二@</w:t></w:r></w:p>"#,
    );
    let bytes = Docx::new(body).bytes();
    // The package again, each `@` of the main part made a byte that is never UTF-8.
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        if f.name() == "word/document.xml" {
            data = data
                .into_iter()
                .map(|b| if b == b'@' { 0xFF } else { b })
                .collect();
        }
        entries.push((f.name().to_string(), data));
    }
    let named: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    let bytes = zip(&named);
    same_both_ways(&bytes, "invalid UTF-8 in the main part");
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    let p = doc.paragraphs();
    assert_eq!(p[0].text(), "一");
    assert_eq!(p[0].alignment, Some(xxgk::document::Alignment::Center));
    assert_eq!(p[1].text(), "二\u{FFFD}");
    assert_eq!(p[1].style.as_deref(), Some("s\u{FFFD}"));
}

/// Row properties (`w:trPr`) the byte scan takes, and those it leaves to the events.
#[test]
fn row_properties_in_and_out_of_the_scan() {
    use xxgk::document::Block;
    let grid = r#"<w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>"#;
    let cell = "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>";
    // (row properties, rows kept, first row a header, its first cell's column, a diagnostic)
    type Want = (usize, bool, usize, Option<&'static str>);
    let cases: &[(&str, Want)] = &[
        // Taken: what Word writes (height, alignment, no page split) around the header mark.
        (
            r#"<w:trPr><w:cantSplit/><w:trHeight w:val="400" w:hRule="exact"/><w:tblHeader/><w:jc w:val="center"/></w:trPr>"#,
            (1, true, 0, None),
        ),
        (
            r#"<w:trPr><w:gridBefore w:val="1"/><w:wBefore w:w="500" w:type="dxa"/></w:trPr>"#,
            (1, false, 1, None),
        ),
        (
            r#"<w:trPr><w:tblHeader w:val="false"/></w:trPr>"#,
            (1, false, 0, None),
        ),
        // Left to the events: a deleted row (left out, with a diagnostic), an entity.
        (
            r#"<w:trPr><w:del w:id="1" w:author="a" w:date="2020-01-01T00:00:00Z"/></w:trPr>"#,
            (0, false, 0, Some("docx.table.deleted_row")),
        ),
        (
            r#"<w:trPr><w:tblHeader w:val="&#49;"/></w:trPr>"#,
            (1, true, 0, None),
        ),
    ];
    for (trpr, (rows, header, col, code)) in cases {
        let body = format!("<w:tbl>{grid}<w:tr>{trpr}{cell}</w:tr></w:tbl><w:p/>");
        let bytes = Docx::new(&body).bytes();
        same_both_ways(&bytes, trpr);
        let doc = read(&bytes, &ReadOptions::default()).unwrap();
        let Block::Table(t) = &doc.body[0] else {
            panic!("{trpr}: no table")
        };
        assert_eq!(t.rows.len(), *rows, "{trpr}");
        if let Some(r) = t.rows.first() {
            assert_eq!(r.header, *header, "{trpr}");
            assert_eq!(r.cells[0].col, *col, "{trpr}");
        }
        if let Some(code) = code {
            assert!(has_code(&doc, code), "{trpr}: {code}");
        }
    }
}

/// Paragraph styles the byte scan reads whole (`Xml::scan_rest`), and those it leaves to the
/// event-by-event reading; each checked both ways and against what a paragraph in the style
/// gets from it (through `w:basedOn` where the style names the base style `b`: right-aligned,
/// first line indented 480).
#[test]
fn styles_in_and_out_of_the_scan() {
    use xxgk::document::Alignment::{Center, Left, Right};
    // (the content of style `s1`, (outline level, alignment, first-line indent))
    type Want = (Option<u8>, Option<xxgk::document::Alignment>, Option<i32>);
    let cases: &[(&str, Want)] = &[
        // Taken: passed-over elements with and without content, the base style, the
        // paragraph properties read through, numbering properties read through inside them,
        // tracked earlier properties passed over, white space between.
        (
            r#"<w:name w:val="s1"/><w:basedOn w:val="b"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr>"#,
            (Some(1), Some(Right), Some(480)),
        ),
        (
            "\n  <w:pPr>\n    <w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr>\n    <w:jc w:val=\"center\"/>\n  </w:pPr>\n",
            (None, Some(Center), None),
        ),
        (
            r#"<w:pPr><w:outlineLvl w:val="9"/><w:ind w:firstLine="320"/></w:pPr><w:basedOn w:val="b"/>"#,
            (None, Some(Right), Some(320)),
        ),
        (
            r#"<w:pPr><w:jc w:val="left"/><w:pPrChange w:id="1"><w:pPr><w:jc w:val="center"/></w:pPr></w:pPrChange></w:pPr>"#,
            (None, Some(Left), None),
        ),
        // Left to the events, which find the wanted elements at any depth: inside an element
        // with content the scan does not know, inside another namespace's element; after a
        // comment, text or an entity; written with an end tag; entered five deep.
        (
            r#"<w:pPr><w:framePr><w:jc w:val="center"/></w:framePr></w:pPr>"#,
            (None, Some(Center), None),
        ),
        (
            r#"<v:x xmlns:v="urn:v"><w:jc w:val="center"/></v:x>"#,
            (None, Some(Center), None),
        ),
        (
            r#"<w:pPr><!-- c --><w:jc w:val="center"/></w:pPr>"#,
            (None, Some(Center), None),
        ),
        (
            r#"<w:name w:val="x"/>text<w:pPr><w:jc w:val="center"/></w:pPr>"#,
            (None, Some(Center), None),
        ),
        (
            r#"<w:basedOn w:val="&#98;"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr>"#,
            (Some(2), Some(Right), Some(480)),
        ),
        (
            r#"<w:pPr><w:jc w:val="center"></w:jc></w:pPr>"#,
            (None, Some(Center), None),
        ),
        (
            r#"<w:pPr><w:numPr><w:numPr><w:numPr><w:numPr><w:jc w:val="center"/></w:numPr></w:numPr></w:numPr></w:numPr></w:pPr>"#,
            (None, Some(Center), None),
        ),
    ];
    let base = r#"<w:style w:type="paragraph" w:styleId="b"><w:pPr><w:jc w:val="right"/><w:ind w:firstLine="480"/></w:pPr></w:style>"#;
    let body = r#"<w:p><w:pPr><w:pStyle w:val="s1"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#;
    for (style, (outline, align, first)) in cases {
        let styles =
            format!(r#"{base}<w:style w:type="paragraph" w:styleId="s1">{style}</w:style>"#);
        let bytes = Docx::new(body).styles(&styles).bytes();
        same_both_ways(&bytes, style);
        let doc = read(&bytes, &ReadOptions::default()).unwrap();
        let p = &doc.paragraphs()[0];
        assert_eq!(p.outline_level, *outline, "{style}");
        assert_eq!(p.alignment, *align, "{style}");
        assert_eq!(p.indent.first_line, *first, "{style}");
        assert!(doc.diagnostics.is_empty(), "{style}: {:?}", doc.diagnostics);
    }
    // A markup error in a style makes the part unreadable either way (with a diagnostic).
    for bad in [
        r#"<w:pPr><w:jc w:val="center"/></w:pPx>"#,
        r#"<w:pPr><w:jc w:val="center"/></w:pPr></w:stylx>"#,
    ] {
        let styles = format!(r#"<w:style w:type="paragraph" w:styleId="s1">{bad}</w:style>"#);
        let bytes = Docx::new(body).styles(&styles).bytes();
        same_both_ways(&bytes, bad);
        let doc = read(&bytes, &ReadOptions::default()).unwrap();
        assert!(
            doc.diagnostics
                .iter()
                .any(|d| d.code == "docx.part.unreadable"),
            "{bad}"
        );
    }
}

/// Whole paragraphs read by byte scans alone (`w:p` start and end tags, properties, plain runs,
/// `w:proofErr`), and those that begin so and must go back to the events; each is read both
/// ways and checked against what the markup says.
#[test]
fn paragraphs_in_and_out_of_the_scan() {
    let cases: &[(&str, &[&str])] = &[
        // Taken: attributes, properties, spelling marks, white space between.
        (
            r#"<w:p w:rsidR="00A1" w14:paraId="1A2B"><w:pPr><w:jc w:val="center"/></w:pPr><w:proofErr w:type="spellStart"/><w:r><w:t>一</w:t></w:r><w:proofErr w:type="spellEnd"/></w:p>"#,
            &["一"],
        ),
        (
            "\n  <w:p>\n    <w:pPr>\n<w:jc w:val=\"center\"/></w:pPr>\n    <w:r><w:t>二</w:t></w:r>\n  </w:p>\n  <w:p><w:r><w:t>三</w:t></w:r></w:p>\n",
            &["二", "三"],
        ),
        (r#"<w:p></w:p><w:p><w:r><w:t>四</w:t></w:r></w:p>"#, &["", "四"]),
        // Left to the events after a plain beginning: a bookmark, a tab, a run the run scan
        // leaves, a field, stray text, an odd end tag.
        (
            r#"<w:p><w:r><w:t>五</w:t></w:r><w:bookmarkStart w:id="0" w:name="b"/><w:r><w:t>六</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>"#,
            &["五六"],
        ),
        (
            r#"<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>七</w:t></w:r><w:r><w:tab/><w:t>八</w:t></w:r></w:p>"#,
            &["七\t八"],
        ),
        (r#"<w:p><w:r><w:t>九&amp;</w:t></w:r></w:p>"#, &["九&"]),
        (
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p><w:p><w:r><w:t>十</w:t></w:r></w:p>"#,
            &["", "十"],
        ),
        (r#"<w:p>stray<w:r><w:t>十一</w:t></w:r></w:p>"#, &["十一"]),
        (r#"<w:p><w:r><w:t>十二</w:t></w:r></w:p ><w:p/>"#, &["十二", ""]),
        (r#"<w:p><w:proofErr w:type="gramStart"></w:proofErr><w:r><w:t>十三</w:t></w:r></w:p>"#, &["十三"]),
        // Not taken at all: a namespace declaration, an empty paragraph, another prefix.
        (r#"<w:p xmlns:v="urn:x"><w:r><w:t>十四</w:t></w:r></w:p>"#, &["十四"]),
        (
            r#"<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r><x:t>十五</x:t></x:r></x:p>"#,
            &["十五"],
        ),
        // In a table cell.
        (
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa"/></w:tcPr><w:p w:rsidR="1"><w:r><w:t>十六</w:t></w:r></w:p><w:p><w:r><w:t>十七</w:t></w:r><w:tab/></w:p></w:tc></w:tr></w:tbl>"#,
            &[],
        ),
    ];
    for (body, want) in cases {
        let bytes = Docx::new(body).bytes();
        same_both_ways(&bytes, body);
        let doc = read(&bytes, &ReadOptions::default()).unwrap();
        let got: Vec<String> = doc.paragraphs().iter().map(|p| p.text()).collect();
        if !want.is_empty() {
            assert_eq!(got, *want, "{body}");
        }
    }
    // What the markup says, beyond the text.
    let doc = read(&Docx::new(cases[0].0).bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(
        doc.paragraphs()[0].alignment,
        Some(xxgk::document::Alignment::Center)
    );
    let doc = read(&Docx::new(cases[3].0).bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(doc.bookmarks.len(), 1, "{:?}", doc.bookmarks);
    let doc = read(&Docx::new(cases[6].0).bytes(), &ReadOptions::default()).unwrap();
    assert!(
        has_code(&doc, "docx.field.unterminated"),
        "{:?}",
        doc.diagnostics
    );
    let doc = read(&Docx::new(cases[12].0).bytes(), &ReadOptions::default()).unwrap();
    let xxgk::document::Block::Table(t) = &doc.body[0] else {
        panic!("{:?}", doc.body)
    };
    let cell: Vec<String> = t.rows[0].cells[0]
        .blocks
        .iter()
        .map(|b| match b {
            xxgk::document::Block::Paragraph(p) => p.text(),
            b => panic!("{b:?}"),
        })
        .collect();
    assert_eq!(cell, ["十六", "十七\t"]);
    // Markup errors are found either way.
    for bad in [
        "<w:p><w:r><w:t>x</w:t></w:r></w:q>",
        "<w:p><w:proofErr w:type=\"x\"></w:p>",
        "<w:p><w:r><w:t>x</w:t></w:r>",
        "<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr>",
    ] {
        let bytes = Docx::new(bad).bytes();
        same_both_ways(&bytes, bad);
        assert!(read(&bytes, &ReadOptions::default()).is_err(), "{bad}");
    }
    // The depth limit, met inside a paragraph the scan would take, is reported either way.
    let bytes = Docx::new("<w:p><w:r><w:t>深</w:t></w:r></w:p>").bytes();
    for depth in 2..7 {
        let mut o = ReadOptions::default();
        o.max_depth = depth;
        let fast = read(&bytes, &o).map(|d| d.paragraphs().len());
        let slow = without_plain_runs(|| read(&bytes, &o)).map(|d| d.paragraphs().len());
        assert_eq!(
            fast.map_err(|e| e.to_string()),
            slow.map_err(|e| e.to_string()),
            "depth {depth}"
        );
    }
}

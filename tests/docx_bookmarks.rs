//! Bookmarks as ranges paired by id wherever they sit, and the document's bookmark list.

mod support;

use support::*;
use xxgk::document::{Block, Bookmark, Inline, Mark, MarkKind};

fn start(name: &str) -> Mark {
    Mark {
        kind: MarkKind::Start,
        name: name.into(),
    }
}
fn end(name: &str) -> Mark {
    Mark {
        kind: MarkKind::End,
        name: name.into(),
    }
}

#[test]
fn marks_between_runs_are_inline() {
    let doc = body(
        r#"<w:p><w:r><w:t>前</w:t></w:r><w:bookmarkStart w:id="0" w:name="_Hlk1"/><w:r><w:t>中</w:t></w:r><w:bookmarkEnd w:id="0"/><w:r><w:t>后</w:t></w:r></w:p>"#,
    );
    assert_eq!(
        paras(&doc)[0].inlines,
        [
            Inline::Text("前".into()),
            Inline::Mark(start("_Hlk1")),
            Inline::Text("中".into()),
            Inline::Mark(end("_Hlk1")),
            Inline::Text("后".into()),
        ]
    );
    assert_eq!(doc.bookmarks, [Bookmark::new("_Hlk1", true)]);
    assert!(doc.bookmarks[0].hidden);
}

#[test]
fn marks_between_blocks_rows_and_after_the_last_row() {
    let doc = body(
        r#"<w:bookmarkStart w:id="1" w:name="表格"/>
           <w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>
             <w:bookmarkStart w:id="2" w:name="行"/>
             <w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>
             <w:bookmarkEnd w:id="2"/>
             <w:tr><w:bookmarkStart w:id="3" w:name="格"/><w:tc><w:p/></w:tc><w:bookmarkEnd w:id="3"/></w:tr>
             <w:bookmarkEnd w:id="1"/>
           </w:tbl>
           <w:p/>"#,
    );
    assert_eq!(doc.body[0], Block::Mark(start("表格")));
    let Block::Table(t) = &doc.body[1] else {
        panic!("{:?}", doc.body)
    };
    assert_eq!(t.rows[0].marks, [start("行")]);
    assert_eq!(t.rows[1].marks, [end("行")]);
    assert_eq!(
        t.rows[1].cells[0].blocks.first(),
        Some(&Block::Mark(start("格")))
    );
    assert_eq!(
        t.rows[1].cells[0].blocks.last(),
        Some(&Block::Mark(end("格")))
    );
    assert_eq!(t.trailing_marks, [end("表格")]);
    let names: Vec<&str> = doc.bookmarks.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["表格", "行", "格"]);
    assert!(doc.bookmarks.iter().all(|b| b.closed && !b.hidden));
}

#[test]
fn ranges_cross_paragraphs_and_pair_by_id_not_name() {
    let doc = body(
        r#"<w:p><w:bookmarkStart w:id="5" w:name="dup"/><w:r><w:t>一</w:t></w:r></w:p>
           <w:p><w:bookmarkStart w:id="6" w:name="dup"/><w:r><w:t>二</w:t></w:r><w:bookmarkEnd w:id="6"/></w:p>
           <w:p><w:bookmarkEnd w:id="5"/></w:p>"#,
    );
    // Listed once, at its first start.
    assert_eq!(doc.bookmarks, [Bookmark::new("dup", true)]);
    assert_eq!(paras(&doc)[2].inlines, [Inline::Mark(end("dup"))]);
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
}

#[test]
fn unmatched_starts_and_ends_are_diagnostics() {
    let doc = body(
        r#"<w:p><w:bookmarkStart w:id="1" w:name="open"/><w:bookmarkEnd w:id="99"/><w:r><w:t>x</w:t></w:r></w:p>"#,
    );
    assert_eq!(doc.bookmarks, [Bookmark::new("open", false)]);
    assert!(has_code(&doc, "docx.bookmark.unmatched_start"));
    assert!(has_code(&doc, "docx.bookmark.unmatched_end"));
    // An end without a start leaves no mark.
    assert_eq!(
        paras(&doc)[0].inlines,
        [Inline::Mark(start("open")), Inline::Text("x".into())]
    );
}

#[test]
fn bookmarks_inside_content_controls_and_hyperlinks() {
    let doc = body(
        r#"<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>
             <w:p><w:hyperlink w:anchor="_Toc1"><w:bookmarkStart w:id="1" w:name="_Toc1"/><w:r><w:t>目录</w:t></w:r><w:bookmarkEnd w:id="1"/></w:hyperlink></w:p>
           </w:sdtContent></w:sdt>"#,
    );
    assert_eq!(doc.bookmarks, [Bookmark::new("_Toc1", true)]);
    assert_eq!(texts(&doc), ["目录"]);
}

#[test]
fn only_main_document_bookmarks_are_listed() {
    let footnotes = format!(
        r#"<w:footnotes {NS}><w:footnote w:id="1"><w:p><w:bookmarkStart w:id="0" w:name="inNote"/><w:r><w:t>注</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p></w:footnote></w:footnotes>"#
    );
    let doc = Docx::new(r#"<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#)
        .related("rIdF", "footnotes", "word/footnotes.xml", &footnotes)
        .read();
    assert!(doc.bookmarks.is_empty());
    assert_eq!(doc.stories.len(), 1);
}

#[test]
fn sample_bookmarks() {
    for f in ["ningbo2018_plain.docx", "ningbo2018_wordlike.docx"] {
        let bytes = std::fs::read(shared(&format!("samples/{f}"))).unwrap();
        let doc = xxgk::docx::read(&bytes, &Default::default()).unwrap();
        let names: Vec<&str> = doc.bookmarks.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(
            names,
            ["_GoBack", "_Hlk534186356", "_Hlk534186367", "_Hlk534186387"],
            "{f}"
        );
    }
}

//! Tables as grids: spans, vertical merges, gridBefore, header rows, nested tables, deleted
//! rows, repairs.

mod support;

use support::*;
use xxgk::document::{Block, Table, VMerge};

fn table(doc: &xxgk::Document) -> &Table {
    doc.body
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("a table")
}

fn tc(props: &str, text: &str) -> String {
    format!(r#"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"#)
}

fn grid(n: usize) -> String {
    format!(
        "<w:tblGrid>{}</w:tblGrid>",
        r#"<w:gridCol w:w="1000"/>"#.repeat(n)
    )
}

#[test]
fn grid_spans_and_header_rows() {
    let doc = body(&format!(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>{}
           <w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}</w:tr>
           <w:tr>{}</w:tr></w:tbl>"#,
        grid(3),
        tc("", "项目"),
        tc("", "单位"),
        tc("", "数量"),
        tc(r#"<w:gridSpan w:val="3"/>"#, "一、主动公开情况")
    ));
    let t = table(&doc);
    assert_eq!(t.grid, [1000, 1000, 1000]);
    assert_eq!(t.style.as_deref(), Some("TableGrid"));
    assert!(t.rows[0].header && !t.rows[1].header);
    let c = &t.rows[1].cells[0];
    assert_eq!((c.col, c.col_span), (0, 3));
    assert_eq!(t.cell_at(1, 2).unwrap().text(), "一、主动公开情况");
    assert_eq!(t.columns(), 3);
}

#[test]
fn vertical_merges_become_row_spans() {
    let doc = body(&format!(
        r#"<w:tbl>{}<w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>"#,
        grid(2),
        tc(r#"<w:vMerge w:val="restart"/>"#, "件"),
        tc("", "1"),
        tc("<w:vMerge/>", ""),
        tc("", "2"),
        tc(r#"<w:vMerge w:val="continue"/>"#, ""),
        tc("", "3"),
        tc("", "个"),
        tc("", "4")
    ));
    let t = table(&doc);
    assert_eq!(t.rows[0].cells[0].v_merge, VMerge::Origin);
    assert_eq!(t.rows[0].cells[0].row_span, 3);
    assert_eq!(t.rows[1].cells[0].v_merge, VMerge::Covered);
    assert_eq!(t.rows[2].cells[0].v_merge, VMerge::Covered);
    assert_eq!(t.rows[3].cells[0].v_merge, VMerge::None);
    assert_eq!(t.cell_at(2, 0).unwrap().text(), "件");
    assert_eq!(t.cell_at(3, 0).unwrap().text(), "个");
}

#[test]
fn legacy_horizontal_merges_become_column_spans() {
    // `hMerge` (older Word and converters): the continued cells widen the restarting one; text
    // in a continued cell is kept in the merged cell, and a continuation with nothing on its
    // left stays a cell of its own.
    let doc = body(&format!(
        r#"<w:tbl>{}<w:tr>{}{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>"#,
        grid(4),
        tc(r#"<w:hMerge w:val="restart"/>"#, "一、主动公开情况"),
        tc("<w:hMerge/>", ""),
        tc(r#"<w:hMerge w:val="continue"/>"#, "注"),
        tc("", "条"),
        tc("<w:hMerge/>", "甲"),
        tc("", "乙"),
        tc(r#"<w:gridSpan w:val="2"/>"#, "丙"),
    ));
    let t = table(&doc);
    let r0 = &t.rows[0].cells;
    assert_eq!(r0.len(), 2);
    assert_eq!((r0[0].col, r0[0].col_span), (0, 3));
    assert_eq!(r0[0].text(), "一、主动公开情况\n\n注");
    assert_eq!(
        (r0[1].col, r0[1].col_span, r0[1].text()),
        (3, 1, "条".to_string())
    );
    assert_eq!(t.cell_at(0, 2).unwrap().text(), r0[0].text());
    let r1 = &t.rows[1].cells;
    assert_eq!(r1.len(), 3);
    assert_eq!(
        (r1[0].col, r1[0].col_span, r1[0].text()),
        (0, 1, "甲".to_string())
    );
    assert_eq!((r1[2].col, r1[2].col_span), (2, 2));
}

#[test]
fn the_grid_before_a_tracked_change_is_not_the_grid() {
    let doc = body(&format!(
        r#"<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="2000"/>
             <w:tblGridChange w:id="7"><w:tblGrid><w:gridCol w:w="5000"/></w:tblGrid></w:tblGridChange>
           </w:tblGrid><w:tr>{}{}</w:tr></w:tbl>"#,
        tc("", "单位"),
        tc("", "数量")
    ));
    assert_eq!(table(&doc).grid, [3000, 2000]);
}

#[test]
fn continuation_without_restart_is_its_own_cell() {
    let doc = body(&format!(
        r#"<w:tbl>{}<w:tr>{}</w:tr></w:tbl>"#,
        grid(1),
        tc("<w:vMerge/>", "孤")
    ));
    let c = &table(&doc).rows[0].cells[0];
    assert_eq!((c.v_merge, c.row_span), (VMerge::None, 1));
    assert_eq!(c.text(), "孤");
    assert!(has_code(&doc, "docx.table.vmerge_orphan"));
}

#[test]
fn grid_before_and_after() {
    let doc = body(&format!(
        r#"<w:tbl>{}<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>"#,
        grid(3),
        tc("", "中"),
        tc("", "a"),
        tc("", "b"),
        tc("", "c")
    ));
    let t = table(&doc);
    assert_eq!(t.rows[0].cells[0].col, 1);
    assert_eq!(t.cell_at(0, 1).unwrap().text(), "中");
    assert!(t.cell_at(0, 0).is_none());
}

#[test]
fn bad_spans_are_clamped_and_wide_rows_reported() {
    let doc = body(&format!(
        r#"<w:tbl>{}<w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>"#,
        grid(2),
        tc(r#"<w:gridSpan w:val="0"/>"#, "零"),
        tc(r#"<w:gridSpan w:val="99999"/>"#, "大"),
        tc(r#"<w:gridSpan w:val="2"/>"#, "宽"),
        tc("", "多")
    ));
    let t = table(&doc);
    assert_eq!(t.rows[0].cells[0].col_span, 1);
    assert_eq!(t.rows[0].cells[1].col_span, 1);
    assert!(has_code(&doc, "docx.table.grid_span"));
    assert!(has_code(&doc, "docx.table.wider_than_grid"));
    assert_eq!(t.rows[1].cells[1].col, 2);
}

#[test]
fn cells_with_paragraphs_and_line_breaks() {
    let doc = body(&format!(
        r#"<w:tbl>{}<w:tr><w:tc><w:p><w:r><w:t>（四）专项经费</w:t><w:br/><w:t>（万元）</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        grid(1)
    ));
    assert_eq!(
        table(&doc).rows[0].cells[0].text(),
        "（四）专项经费\n（万元）\n第二段"
    );
}

#[test]
fn nested_tables() {
    let inner = format!(
        r#"<w:tbl>{}<w:tr>{}{}</w:tr></w:tbl><w:p/>"#,
        grid(2),
        tc("", "内1"),
        tc("", "内2")
    );
    let doc = body(&format!(
        r#"<w:tbl>{}<w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p>{inner}</w:tc></w:tr></w:tbl>"#,
        grid(1)
    ));
    let t = table(&doc);
    let Block::Table(n) = &t.rows[0].cells[0].blocks[1] else {
        panic!()
    };
    assert_eq!(n.rows[0].cells[1].text(), "内2");
    assert_eq!(doc.paragraphs().len(), 4);
}

#[test]
fn deeply_nested_tables_hit_the_depth_limit_on_a_small_stack() {
    fn nest(n: usize) -> String {
        let mut s = String::from("<w:p><w:r><w:t>底</w:t></w:r></w:p>");
        for _ in 0..n {
            s = format!("<w:tbl><w:tr><w:tc>{s}</w:tc></w:tr></w:tbl><w:p/>");
        }
        s
    }
    let ok = Docx::new(&nest(30)).bytes();
    let bomb = Docx::new(&nest(5000)).bytes();
    let h = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let d = xxgk::docx::read(&ok, &Default::default()).unwrap();
            assert_eq!(d.paragraphs().len(), 31);
            xxgk::docx::read(&bomb, &Default::default()).unwrap_err()
        })
        .unwrap();
    let e = h.join().expect("no stack overflow");
    assert!(
        matches!(
            e,
            xxgk::Error::LimitExceeded {
                limit: xxgk::error::Limit::Depth,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn deleted_rows_do_not_exist() {
    let doc = body(&format!(
        r#"<w:tbl>{}<w:tr>{}</w:tr><w:tr><w:trPr><w:del w:id="1" w:author="a" w:date="2019-01-01T00:00:00Z"/></w:trPr>{}</w:tr><w:tr>{}</w:tr></w:tbl>"#,
        grid(1),
        tc("", "留1"),
        tc("", "删"),
        tc("", "留2")
    ));
    let t = table(&doc);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[1].cells[0].text(), "留2");
}

#[test]
fn a_deleted_row_inside_a_vertical_merge_takes_no_part_in_it() {
    let del = r#"<w:trPr><w:del w:id="1" w:author="a" w:date="2019-01-01T00:00:00Z"/></w:trPr>"#;
    let gone = [
        tc(r#"<w:vMerge w:val="restart"/>"#, "删"),
        tc(r#"<w:vMerge w:val="restart"/>"#, "删"),
    ]
    .concat();
    // The row properties before the cells, as Word writes them, and after them: the deleted
    // row's cells are read before its deletion is known, and must still count for nothing.
    for deleted_row in [format!("{del}{gone}"), format!("{gone}{del}")] {
        let doc = body(&format!(
            r#"<w:tbl>{}<w:tr>{}{}</w:tr><w:tr>{deleted_row}</w:tr><w:tr>{}{}</w:tr></w:tbl>"#,
            grid(2),
            tc(r#"<w:vMerge w:val="restart"/>"#, "件"),
            tc("", "一"),
            tc("<w:vMerge/>", ""),
            tc("", "三"),
        ));
        let t = table(&doc);
        assert_eq!(t.rows.len(), 2, "{deleted_row}");
        assert_eq!(t.rows[0].cells[0].row_span, 2);
        assert_eq!(t.rows[0].cells[0].v_merge, VMerge::Origin);
        assert_eq!(t.rows[1].cells[0].v_merge, VMerge::Covered);
        assert_eq!(t.rows[1].cells[1].v_merge, VMerge::None);
        assert_eq!(t.rows[1].cells[1].text(), "三");
        assert_eq!(t.cell_at(1, 0).unwrap().text(), "件");
    }
}

#[test]
fn rows_and_cells_in_wrappers() {
    let doc = body(&format!(
        r#"<w:tbl>{}<w:customXml w:element="row"><w:tr><w:sdt><w:sdtPr/><w:sdtContent>{}</w:sdtContent></w:sdt><w:customXml w:element="c">{}</w:customXml></w:tr></w:customXml>
           <w:sdt><w:sdtContent><w:tr>{}{}</w:tr></w:sdtContent></w:sdt></w:tbl>"#,
        grid(2),
        tc("", "a"),
        tc("", "b"),
        tc("", "c"),
        tc("", "d")
    ));
    let t = table(&doc);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.cell_at(0, 1).unwrap().text(), "b");
    assert_eq!(t.cell_at(1, 0).unwrap().text(), "c");
}

#[test]
fn tables_without_grid() {
    let doc = body(&format!(
        r#"<w:tbl><w:tr>{}{}</w:tr></w:tbl>"#,
        tc("", "x"),
        tc("", "y")
    ));
    let t = table(&doc);
    assert!(t.grid.is_empty());
    assert_eq!(t.columns(), 2);
}

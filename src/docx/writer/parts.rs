//! The report's metadata in, the package parts docx-rs cannot write correctly out:
//! `[Content_Types].xml`, the relationships, `docProps/core.xml` and `app.xml`,
//! `word/settings.xml`, `word/fontTable.xml` and `word/theme/theme1.xml`.

use super::body::{FOOTER_EVEN_RID, FOOTER_ODD_RID};
use super::xml::{Xml, DECLARATION};
use crate::model::Report;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// `[Content_Types].xml`.
pub(crate) fn content_types() -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut x = Xml::with_capacity(2048);
    x.open("Types")
        .attr(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )
        .close_start();
    x.open("Default")
        .attr("Extension", "rels")
        .attr(
            "ContentType",
            "application/vnd.openxmlformats-package.relationships+xml",
        )
        .close_empty();
    x.open("Default")
        .attr("Extension", "xml")
        .attr("ContentType", "application/xml")
        .close_empty();
    let overrides = [
        ("/word/document.xml", format!("{wml}.document.main+xml")),
        ("/word/styles.xml", format!("{wml}.styles+xml")),
        ("/word/settings.xml", format!("{wml}.settings+xml")),
        ("/word/fontTable.xml", format!("{wml}.fontTable+xml")),
        ("/word/footer1.xml", format!("{wml}.footer+xml")),
        ("/word/footer2.xml", format!("{wml}.footer+xml")),
        (
            "/word/theme/theme1.xml",
            "application/vnd.openxmlformats-officedocument.theme+xml".into(),
        ),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".into(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
        ),
    ];
    for (part, ty) in &overrides {
        x.open("Override")
            .attr("PartName", part)
            .attr("ContentType", ty)
            .close_empty();
    }
    x.end("Types");
    x.finish()
}

fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut x = Xml::with_capacity(1024);
    x.open("Relationships").attr("xmlns", REL_NS).close_start();
    for (id, ty, target) in rels {
        x.open("Relationship")
            .attr("Id", id)
            .attr("Type", ty)
            .attr("Target", target)
            .close_empty();
    }
    x.end("Relationships");
    x.finish()
}

/// `_rels/.rels`.
pub(crate) fn package_rels() -> String {
    relationships(&[
        (
            "rId1",
            &format!("{OFFICE_REL}/officeDocument"),
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        (
            "rId3",
            &format!("{OFFICE_REL}/extended-properties"),
            "docProps/app.xml",
        ),
    ])
}

/// `word/_rels/document.xml.rels`.
pub(crate) fn document_rels() -> String {
    relationships(&[
        ("rId1", &format!("{OFFICE_REL}/styles"), "styles.xml"),
        ("rId2", &format!("{OFFICE_REL}/settings"), "settings.xml"),
        ("rId3", &format!("{OFFICE_REL}/fontTable"), "fontTable.xml"),
        ("rId4", &format!("{OFFICE_REL}/theme"), "theme/theme1.xml"),
        (
            FOOTER_ODD_RID,
            &format!("{OFFICE_REL}/footer"),
            "footer1.xml",
        ),
        (
            FOOTER_EVEN_RID,
            &format!("{OFFICE_REL}/footer"),
            "footer2.xml",
        ),
    ])
}

/// `docProps/core.xml`: title, creator (the agency), created and modified (`now`, W3CDTF).
pub(crate) fn core(report: &Report, now: &str) -> String {
    let mut x = Xml::with_capacity(1024);
    x.open("cp:coreProperties")
        .attr(
            "xmlns:cp",
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        )
        .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
        .attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .close_start();
    if !report.title.is_empty() {
        x.element_text("dc:title", &report.title);
    }
    if let Some(agency) = report.agency.as_deref().filter(|a| !a.is_empty()) {
        x.element_text("dc:creator", agency);
        x.element_text("cp:lastModifiedBy", agency);
    }
    if let Some(year) = report.year {
        x.element_text("cp:keywords", &format!("政府信息公开工作年度报告 {year}"));
    }
    for name in ["dcterms:created", "dcterms:modified"] {
        x.open(name)
            .attr("xsi:type", "dcterms:W3CDTF")
            .close_start();
        x.text(now);
        x.end(name);
    }
    x.end("cp:coreProperties");
    x.finish()
}

/// `docProps/app.xml`.
pub(crate) fn app() -> String {
    format!(
        "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>xxgk</Application><DocSecurity>0</DocSecurity></Properties>"
    )
}

/// `word/settings.xml`: different odd and even footers, East Asian layout compatibility.
pub(crate) fn settings() -> String {
    format!(
        "{DECLARATION}<w:settings xmlns:w=\"{W_NS}\">\
         <w:zoom w:percent=\"100\"/>\
         <w:defaultTabStop w:val=\"420\"/>\
         <w:evenAndOddHeaders/>\
         <w:characterSpacingControl w:val=\"compressPunctuation\"/>\
         <w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>\
         <w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>\
         <w:adjustLineHeightInTable/><w:useFELayout/>\
         <w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>\
         </w:compat>\
         <w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>\
         <w:decimalSymbol w:val=\".\"/><w:listSeparator w:val=\",\"/>\
         </w:settings>"
    )
}

/// The fonts the document names, each with the font a machine without it should use.
///
/// | font | altName | charset |
/// | --- | --- | --- |
/// | 仿宋_GB2312 | 仿宋 | 86 (GB2312) |
/// | 楷体_GB2312 | 楷体 | 86 |
/// | 方正小标宋简体 | 宋体 | 86 |
/// | 黑体 | SimHei | 86 |
/// | 宋体 | SimSun | 86 |
pub(crate) const FONTS: [(&str, Option<&str>, &str, &str, &str); 9] = [
    ("Times New Roman", None, "00", "roman", "variable"),
    ("宋体", Some("SimSun"), "86", "auto", "variable"),
    ("仿宋_GB2312", Some("仿宋"), "86", "modern", "fixed"),
    ("楷体_GB2312", Some("楷体"), "86", "modern", "fixed"),
    ("方正小标宋简体", Some("宋体"), "86", "script", "variable"),
    ("黑体", Some("SimHei"), "86", "modern", "fixed"),
    ("仿宋", Some("FangSong"), "86", "modern", "fixed"),
    ("楷体", Some("KaiTi"), "86", "modern", "fixed"),
    ("华文中宋", Some("STZhongsong"), "86", "auto", "variable"),
];

/// `word/fontTable.xml` from [`FONTS`].
pub(crate) fn font_table() -> String {
    let mut x = Xml::with_capacity(2048);
    x.open("w:fonts").attr("xmlns:w", W_NS).close_start();
    for (name, alt, charset, family, pitch) in FONTS {
        x.open("w:font").attr("w:name", name).close_start();
        if let Some(alt) = alt {
            x.val("w:altName", alt);
        }
        x.val("w:charset", charset)
            .val("w:family", family)
            .val("w:pitch", pitch);
        x.end("w:font");
    }
    x.end("w:fonts");
    x.finish()
}

/// `word/theme/theme1.xml`: a plain theme (black on white, Times New Roman / 宋体), so theme
/// references resolve.
pub(crate) fn theme() -> String {
    let colors = [
        ("dk1", "000000"),
        ("lt1", "FFFFFF"),
        ("dk2", "1F2A44"),
        ("lt2", "E7E6E6"),
        ("accent1", "4472C4"),
        ("accent2", "ED7D31"),
        ("accent3", "A5A5A5"),
        ("accent4", "FFC000"),
        ("accent5", "5B9BD5"),
        ("accent6", "70AD47"),
        ("hlink", "0563C1"),
        ("folHlink", "954F72"),
    ];
    let mut s = String::with_capacity(4096);
    s.push_str(DECLARATION);
    s.push_str(
        "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"xxgk\">\
         <a:themeElements><a:clrScheme name=\"xxgk\">",
    );
    for (name, rgb) in colors {
        s.push_str(&format!("<a:{name}><a:srgbClr val=\"{rgb}\"/></a:{name}>"));
    }
    s.push_str("</a:clrScheme><a:fontScheme name=\"xxgk\">");
    for kind in ["majorFont", "minorFont"] {
        s.push_str(&format!(
            "<a:{kind}><a:latin typeface=\"Times New Roman\"/><a:ea typeface=\"宋体\"/>\
             <a:cs typeface=\"Times New Roman\"/><a:font script=\"Hans\" typeface=\"宋体\"/></a:{kind}>"
        ));
    }
    s.push_str("</a:fontScheme><a:fmtScheme name=\"xxgk\"><a:fillStyleLst>");
    let solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    for _ in 0..3 {
        s.push_str(solid);
    }
    s.push_str("</a:fillStyleLst><a:lnStyleLst>");
    for w in [6350, 12700, 19050] {
        s.push_str(&format!(
            "<a:ln w=\"{w}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">{solid}<a:prstDash val=\"solid\"/></a:ln>"
        ));
    }
    s.push_str("</a:lnStyleLst><a:effectStyleLst>");
    for _ in 0..3 {
        s.push_str("<a:effectStyle><a:effectLst/></a:effectStyle>");
    }
    s.push_str("</a:effectStyleLst><a:bgFillStyleLst>");
    for _ in 0..3 {
        s.push_str(solid);
    }
    s.push_str("</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>");
    s
}

/// A UTC time as W3CDTF (`2026-11-28T03:07:41Z`), from seconds since 1970.
pub(crate) fn w3cdtf(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w3cdtf_dates() {
        assert_eq!(w3cdtf(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3cdtf(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(w3cdtf(1_795_835_261), "2026-11-28T03:07:41Z");
    }
}

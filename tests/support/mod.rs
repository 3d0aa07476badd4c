//! Test support: DOCX packages built in memory from XML strings.
#![allow(dead_code)]

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use xxgk::document::{Block, Document, Paragraph};
use xxgk::docx::{read, ReadOptions};

/// The WordprocessingML namespace (Transitional).
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Relationship type base (Transitional).
pub const RT: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Namespace declarations Word puts on its root elements.
pub const NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" "#,
    r#"xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math""#
);

/// Zips named entries.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, o).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A DOCX under construction.
pub struct Docx {
    /// Main part name.
    pub main: String,
    /// Main part content.
    pub document: String,
    /// Relationships of the main part: (id, type suffix, target).
    pub rels: Vec<(String, String, String)>,
    /// Other parts.
    pub parts: Vec<(String, Vec<u8>)>,
    /// Extra package relationships: (type, target).
    pub root_rels: Vec<(String, String)>,
}

impl Docx {
    /// A document whose `w:body` holds `body`.
    pub fn new(body: &str) -> Self {
        Docx::with_document(&format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
        ))
    }

    /// A document with the whole main part given.
    pub fn with_document(document: &str) -> Self {
        Docx {
            main: "word/document.xml".into(),
            document: document.into(),
            rels: Vec::new(),
            parts: Vec::new(),
            root_rels: Vec::new(),
        }
    }

    /// Adds a part related to the main document (relationship type suffix, e.g. `styles`).
    pub fn related(mut self, id: &str, kind: &str, name: &str, xml: &str) -> Self {
        let target = name.strip_prefix("word/").unwrap_or(name).to_string();
        self.rels.push((id.into(), kind.into(), target));
        self.parts.push((name.into(), xml.as_bytes().to_vec()));
        self
    }

    /// Adds `word/styles.xml` holding `styles` inside `w:styles`.
    pub fn styles(self, styles: &str) -> Self {
        let xml = format!(r#"<w:styles {NS}>{styles}</w:styles>"#);
        self.related("rIdStyles", "styles", "word/styles.xml", &xml)
    }

    /// Adds `word/numbering.xml` holding `numbering` inside `w:numbering`.
    pub fn numbering(self, numbering: &str) -> Self {
        let xml = format!(r#"<w:numbering {NS}>{numbering}</w:numbering>"#);
        self.related("rIdNum", "numbering", "word/numbering.xml", &xml)
    }

    /// Adds a raw part with no relationship.
    pub fn part(mut self, name: &str, data: &[u8]) -> Self {
        self.parts.push((name.into(), data.to_vec()));
        self
    }

    /// The package bytes.
    pub fn bytes(&self) -> Vec<u8> {
        let mut root = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RT}/officeDocument" Target="{}"/>"#,
            self.main
        );
        for (i, (t, target)) in self.root_rels.iter().enumerate() {
            root.push_str(&format!(
                r#"<Relationship Id="rIdX{i}" Type="{t}" Target="{target}"/>"#
            ));
        }
        root.push_str("</Relationships>");
        let mut rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        );
        for (id, kind, target) in &self.rels {
            rels.push_str(&format!(
                r#"<Relationship Id="{id}" Type="{RT}/{kind}" Target="{target}"/>"#
            ));
        }
        rels.push_str("</Relationships>");
        let main_rels = match self.main.rfind('/') {
            Some(i) => format!("{}/_rels/{}.rels", &self.main[..i], &self.main[i + 1..]),
            None => format!("_rels/{}.rels", self.main),
        };
        let ct = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>"#;
        let mut entries: Vec<(&str, &[u8])> = vec![
            ("[Content_Types].xml", ct.as_bytes()),
            ("_rels/.rels", root.as_bytes()),
            (self.main.as_str(), self.document.as_bytes()),
            (main_rels.as_str(), rels.as_bytes()),
        ];
        for (n, d) in &self.parts {
            entries.push((n.as_str(), d.as_slice()));
        }
        zip(&entries)
    }

    /// Reads the package with default options; panics on error.
    pub fn read(&self) -> Document {
        read(&self.bytes(), &ReadOptions::default()).expect("document reads")
    }
}

/// Reads a body-only document.
pub fn body(body: &str) -> Document {
    Docx::new(body).read()
}

/// The body paragraphs (top level only).
pub fn paras(doc: &Document) -> Vec<&Paragraph> {
    doc.body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
        .collect()
}

/// Texts of the top-level body paragraphs.
pub fn texts(doc: &Document) -> Vec<String> {
    paras(doc).iter().map(|p| p.text()).collect()
}

/// True when some diagnostic has this code.
pub fn has_code(doc: &Document, code: &str) -> bool {
    doc.diagnostics.iter().any(|d| d.code == code)
}

/// A path in the shared samples folder.
pub fn shared(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel)
}

/// Every `.docx` below `dir`, recursively (unsorted).
pub fn docx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            docx_files(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("docx"))
        {
            out.push(p);
        }
    }
}

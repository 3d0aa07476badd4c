//! No silent loss: every visible character of a DOCX's main part ends up in the document tree.
//!
//! The expected characters come from a pass over the main part written here, independent of the
//! reader: the text of `w:t` elements outside deletions (`w:del`, `w:moveFrom`, deleted rows),
//! outside the `mc:Fallback` branch, outside text boxes (`w:txbxContent`) and outside field
//! instructions (`w:instrText`); predefined and numeric references resolved, other entities
//! dropped (never expanded). Each non-whitespace character must occur in the tree (body and
//! every story) at least as often as in that text. The few documents where it cannot are listed
//! in [`ALLOWED`] with the reason.

mod support;

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use xxgk::document::{Block, Document, Inline};

const W: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Documents whose tree may miss some source characters: (path under ../shared, most missing
/// non-whitespace characters, why).
const ALLOWED: &[(&str, usize, &str)] = &[];

/// The main part's name from `_rels/.rels` (a plain scan, not the reader's), else the usual one.
fn main_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> String {
    let mut rels = String::new();
    if let Ok(mut f) = zip.by_name("_rels/.rels") {
        let _ = f.read_to_string(&mut rels);
    }
    for rel in rels.split("<Relationship ").skip(1) {
        let attr = |name: &str| {
            let at = rel.find(&format!("{name}=\""))? + name.len() + 2;
            rel[at..].split('"').next()
        };
        if attr("Type").is_some_and(|t| t.ends_with("/officeDocument")) {
            if let Some(t) = attr("Target") {
                return t.trim_start_matches('/').to_string();
            }
        }
    }
    "word/document.xml".to_string()
}

/// Decodes a part: UTF-16 with a BOM, else UTF-8 (a BOM dropped).
fn decode(bytes: &[u8]) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_with_bom_removal(bytes).0.into_owned();
    }
    String::from_utf8_lossy(bytes).into_owned()
}

#[derive(Default)]
struct El {
    w: bool,
    local: Vec<u8>,
    hides: bool,
}

fn element(r: &ResolveResult<'_>, local: &[u8]) -> El {
    let (w, mc) = match r {
        ResolveResult::Bound(ns) => (W.contains(&ns.as_ref()), ns.as_ref() == MC),
        _ => (false, false),
    };
    let hides =
        (w && matches!(
            local,
            b"del" | b"moveFrom" | b"txbxContent" | b"instrText" | b"delText"
        )) || (mc && local == b"Fallback");
    El {
        w,
        local: local.to_vec(),
        hides,
    }
}

/// The visible `w:t` text of a main part, by the rules of this file's header.
fn expected_text(xml: &str) -> Result<String, String> {
    let mut r = NsReader::from_str(xml);
    let mut stack: Vec<El> = Vec::new();
    let mut out = String::new();
    let visible = |stack: &[El]| {
        stack.last().is_some_and(|e| e.w && e.local == b"t") && !stack.iter().any(|e| e.hides)
    };
    loop {
        let (res, ev) = r.read_resolved_event().map_err(|e| e.to_string())?;
        match ev {
            Event::Start(e) => {
                let el = element(&res, e.local_name().as_ref());
                stack.push(el);
            }
            Event::Empty(e) => {
                let el = element(&res, e.local_name().as_ref());
                // A deleted row: w:trPr/w:del hides the whole w:tr.
                let n = stack.len();
                if el.w && el.local == b"del" && n >= 2 && stack[n - 1].local == b"trPr" {
                    stack[n - 2].hides = true;
                }
            }
            Event::End(_) => {
                let el = stack.pop();
                // A non-empty w:trPr/w:del hides its row too.
                let n = stack.len();
                if el.is_some_and(|e| e.w && e.local == b"del")
                    && n >= 2
                    && stack[n - 1].local == b"trPr"
                {
                    stack[n - 2].hides = true;
                }
            }
            Event::Text(t) if visible(&stack) => {
                out.push_str(&t.decode().map_err(|e| e.to_string())?);
            }
            Event::CData(t) if visible(&stack) => {
                out.push_str(&t.decode().map_err(|e| e.to_string())?);
            }
            Event::GeneralRef(g) if visible(&stack) => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    out.push(c);
                } else {
                    match &*g {
                        b"amp" => out.push('&'),
                        b"lt" => out.push('<'),
                        b"gt" => out.push('>'),
                        b"quot" => out.push('"'),
                        b"apos" => out.push('\''),
                        _ => {} // never expanded
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn counts(s: &str, into: &mut HashMap<char, usize>) {
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        *into.entry(c).or_default() += 1;
    }
}

fn tree_counts(blocks: &[Block], into: &mut HashMap<char, usize>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                for i in &p.inlines {
                    if let Inline::Text(t) = i {
                        counts(t, into);
                    }
                }
            }
            Block::Table(t) => {
                for c in t.rows.iter().flat_map(|r| &r.cells) {
                    tree_counts(&c.blocks, into);
                }
            }
            Block::Mark(_) => {}
        }
    }
}

/// Characters of the source missing from the tree: (total missing, a few examples, characters
/// expected).
fn missing(bytes: &[u8], doc: &Document) -> Result<(usize, String, usize), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let name = main_part(&mut zip);
    let mut raw = Vec::new();
    zip.by_name(&name)
        .map_err(|e| e.to_string())?
        .read_to_end(&mut raw)
        .map_err(|e| e.to_string())?;
    let mut want = HashMap::new();
    counts(&expected_text(&decode(&raw))?, &mut want);
    let mut have = HashMap::new();
    tree_counts(&doc.body, &mut have);
    for s in &doc.stories {
        tree_counts(&s.blocks, &mut have);
    }
    let mut total = 0;
    let mut examples = String::new();
    let mut lost: Vec<(char, usize)> = want
        .iter()
        .filter_map(|(c, n)| {
            let h = have.get(c).copied().unwrap_or(0);
            (h < *n).then(|| (*c, n - h))
        })
        .collect();
    lost.sort();
    for (c, n) in lost {
        total += n;
        if examples.chars().count() < 40 {
            examples.push_str(&format!("{c:?}×{n} "));
        }
    }
    Ok((total, examples, want.values().sum()))
}

#[test]
fn every_visible_character_reaches_the_tree() {
    let shared = support::shared("");
    let mut files = Vec::new();
    support::docx_files(&shared.join("samples"), &mut files);
    support::docx_files(&shared.join("samples2021"), &mut files);
    support::docx_files(&shared.join("corpus"), &mut files);
    files.sort();
    assert!(files.len() > 100, "samples and corpus not found");
    let mut checked = 0;
    let mut expected_total = 0;
    let mut failures = Vec::new();
    let mut unused: Vec<&str> = ALLOWED.iter().map(|a| a.0).collect();
    for f in &files {
        let rel = f
            .strip_prefix(&shared)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(f).unwrap();
        // Files the reader refuses (broken on purpose) have no tree; corpus_broken.rs covers them.
        let Ok(doc) = xxgk::docx::read(&bytes, &Default::default()) else {
            continue;
        };
        let (lost, examples, expected) = match missing(&bytes, &doc) {
            Ok(m) => m,
            Err(e) => {
                failures.push(format!("{rel}: the independent pass failed: {e}"));
                continue;
            }
        };
        checked += 1;
        expected_total += expected;
        let allowed = ALLOWED.iter().find(|a| a.0 == rel);
        unused.retain(|u| *u != rel);
        match allowed {
            Some((_, max, _)) if lost <= *max => {}
            _ if lost == 0 => {}
            _ => failures.push(format!("{rel}: {lost} missing: {examples}")),
        }
    }
    assert!(checked > 100, "only {checked} documents checked");
    // Not vacuous: the samples alone hold some 20 000 visible characters.
    assert!(
        expected_total > 100_000,
        "{expected_total} characters expected in all"
    );
    println!("{checked} documents, {expected_total} visible characters expected");
    assert!(
        failures.is_empty(),
        "{} documents lose text:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        unused.is_empty(),
        "allow-list entries never used: {unused:?}"
    );
}

#[test]
fn every_visible_character_of_the_text_dumps_reaches_the_tree() {
    // A dump's visible characters are its text less the `[bookmark: NAME]` markers the reader
    // turns into bookmarks.
    for (name, enc) in [
        ("samples/ningbo2018_utf8.txt", encoding_rs::UTF_8),
        ("samples/ningbo2018_gbk.txt", encoding_rs::GBK),
    ] {
        let bytes = std::fs::read(support::shared(name)).unwrap();
        let mut text = enc.decode(&bytes).0.into_owned();
        while let Some(at) = text.find("[bookmark: ") {
            let end = at + text[at..].find(']').unwrap() + 1;
            text.replace_range(at..end, "");
        }
        let mut want = HashMap::new();
        counts(&text, &mut want);
        let doc = xxgk::txt::read(&bytes, &Default::default()).unwrap();
        let mut have = HashMap::new();
        tree_counts(&doc.body, &mut have);
        for s in &doc.stories {
            tree_counts(&s.blocks, &mut have);
        }
        let expected: usize = want.values().sum();
        assert!(expected > 3_000, "{name}: {expected}"); // not vacuous: some 3 700
        assert_eq!(want, have, "{name}");
    }
}

#[test]
fn the_independent_pass_follows_its_rules() {
    let xml = format!(
        r#"<w:document xmlns:w="{}" xmlns:mc="{}"><w:body>
        <w:p><w:r><w:t>甲&amp;&#x4E59;&unknown;</w:t></w:r><w:del><w:r><w:t>删</w:t></w:r></w:del></w:p>
        <mc:AlternateContent><mc:Choice Requires="w14"><w:p><w:r><w:t>选</w:t></w:r></w:p></mc:Choice>
          <mc:Fallback><w:p><w:r><w:t>备</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>
        <w:tbl><w:tr><w:trPr><w:del w:id="1"/></w:trPr><w:tc><w:p><w:r><w:t>行</w:t></w:r></w:p></w:tc></w:tr>
          <w:tr><w:tc><w:p><w:r><w:instrText>PAGE</w:instrText><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        </w:body></w:document>"#,
        std::str::from_utf8(W[0]).unwrap(),
        std::str::from_utf8(MC).unwrap()
    );
    assert_eq!(expected_text(&xml).unwrap(), "甲&乙选格");
}

//! Sweep over every `.docx` of the shared corpus: each reads or gives an error, none panics or
//! hangs. The outcome per file is kept in `tests/snapshots/corpus.tsv` (reviewed; regenerate
//! with `UPDATE_GOLDEN=1`), with the visible character count next to the corpus's own
//! `ref_text_chars` (non-whitespace characters of `w:t` outside `mc:Fallback`).

mod support;

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use xxgk::document::{Block, Document, Inline, StoryKind};
use xxgk::error::Error;

fn error_kind(e: &Error) -> String {
    match e.kind() {
        Error::Ole { kind } => format!("Ole({kind:?})"),
        Error::Zip { .. } => "Zip".into(),
        Error::NotWordDocument { .. } => "NotWordDocument".into(),
        Error::NotDocx { .. } => "NotDocx".into(),
        Error::Xml { .. } => "Xml".into(),
        Error::LimitExceeded { limit, .. } => format!("LimitExceeded({limit:?})"),
        other => format!("Other({other})"),
    }
}

/// Non-whitespace characters of typed text (no numbering labels) in the body and text boxes.
fn visible_chars(doc: &Document) -> usize {
    fn blocks(bs: &[Block]) -> usize {
        bs.iter()
            .map(|b| match b {
                Block::Paragraph(p) => p
                    .inlines
                    .iter()
                    .map(|i| match i {
                        Inline::Text(t) => t.chars().filter(|c| !c.is_whitespace()).count(),
                        _ => 0,
                    })
                    .sum(),
                Block::Table(t) => t
                    .rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .map(|c| blocks(&c.blocks))
                    .sum(),
                Block::Mark(_) => 0,
            })
            .sum()
    }
    blocks(&doc.body)
        + doc
            .stories
            .iter()
            .filter(|s| s.kind == StoryKind::TextBox)
            .map(|s| blocks(&s.blocks))
            .sum::<usize>()
}

fn tables(bs: &[Block]) -> usize {
    bs.iter()
        .map(|b| match b {
            Block::Table(t) => {
                1 + t
                    .rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .map(|c| tables(&c.blocks))
                    .sum::<usize>()
            }
            _ => 0,
        })
        .sum()
}

fn outcome(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let t = Instant::now();
        let r = xxgk::docx::read(&bytes, &Default::default());
        let _ = tx.send((r, t.elapsed()));
    });
    match rx.recv_timeout(Duration::from_secs(120)) {
        Ok((Ok(doc), took)) => {
            // A few seconds optimised; unoptimised test builds are about 20 times slower.
            let limit = if cfg!(debug_assertions) { 60 } else { 5 };
            assert!(took < Duration::from_secs(limit), "{path:?} took {took:?}");
            format!(
                "ok\tparagraphs={}\ttables={}\tbookmarks={}\tstories={}\tvisible_chars={}",
                doc.paragraphs().len(),
                tables(&doc.body),
                doc.bookmarks.len(),
                doc.stories.len(),
                visible_chars(&doc)
            )
        }
        Ok((Err(e), _)) => format!("error\t{}", error_kind(&e)),
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{path:?}: no answer within 120 s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{path:?}: the reader panicked"),
    }
}

/// The files corpus/NOTES.md lists as broken on purpose, with the error their kind deserves.
const BROKEN: &[(&str, &str)] = &[
    (
        "poi/document/bug53475-password-is-pass.docx",
        "Ole(Encrypted)",
    ),
    (
        "poi/document/bug53475-password-is-solrcell.docx",
        "Ole(Encrypted)",
    ),
    ("poi/document/truncated62886.docx", "Zip"),
    (
        "poi/document/crash-517626e815e0afa9decd0ebb6d1dee63fb9907dd.docx",
        "Zip",
    ),
    (
        "poi/document/clusterfuzz-testcase-minimized-POIFuzzer-6709287337197568.docx",
        "Zip",
    ),
    (
        "poi/document/clusterfuzz-testcase-minimized-POIXWPFFuzzer-4791943399604224.docx",
        "Zip",
    ),
    (
        "poi/document/clusterfuzz-testcase-minimized-POIXWPFFuzzer-4959857092198400.docx",
        "Zip",
    ),
    (
        "poi/document/clusterfuzz-testcase-minimized-POIXWPFFuzzer-5166796835258368.docx",
        "Zip",
    ),
    (
        "poi/document/clusterfuzz-testcase-minimized-POIXWPFFuzzer-6120975439364096.docx",
        "Zip",
    ),
    (
        "poi/document/clusterfuzz-testcase-minimized-POIXWPFFuzzer-5313273089884160.docx",
        "Zip",
    ),
    (
        "poi/document/clusterfuzz-testcase-minimized-POIXWPFFuzzer-5564805011079168.docx",
        "Zip",
    ),
    (
        "poi/document/clusterfuzz-testcase-minimized-POIXWPFFuzzer-5569740188549120.docx",
        "Zip",
    ),
    (
        "poi/document/clusterfuzz-testcase-minimized-POIXWPFFuzzer-6061520554164224.docx",
        "Zip",
    ),
    (
        "poi/document/clusterfuzz-testcase-minimized-POIXWPFFuzzer-6442791109263360.docx",
        "Zip",
    ),
];

#[test]
fn broken_corpus_files_give_the_error_their_kind_deserves() {
    let root = support::shared("corpus");
    for (file, want) in BROKEN {
        let got = outcome(&root.join(file));
        assert_eq!(got, format!("error\t{want}"), "{file}");
    }
    // The fifteenth, the XXE probe, reads with its entity dropped (see docx_errors.rs).
    let xxe = outcome(&root.join("poi/document/ExternalEntityInText.docx"));
    assert!(xxe.starts_with("ok"), "{xxe}");
}

#[test]
fn corpus_reads_or_errors_cleanly() {
    let root = support::shared("corpus");
    let mut files = Vec::new();
    support::docx_files(&root, &mut files);
    files.sort();
    assert!(files.len() > 100, "corpus not found at {root:?}");
    let features = std::fs::read_to_string(root.join("FEATURES.tsv")).unwrap();
    let mut head = features.lines().next().unwrap().split('\t');
    let col = head.position(|h| h == "ref_text_chars").unwrap();
    let reference: HashMap<&str, &str> = features
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((f[0], *f.get(col)?))
        })
        .collect();
    let mut out = String::from("# file\toutcome\tdetails…\tref_text_chars\n");
    let mut far = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let o = outcome(f);
        let refc = reference.get(rel.as_str()).copied().unwrap_or("");
        if let (Some(v), Ok(r)) = (
            o.split("visible_chars=")
                .nth(1)
                .and_then(|v| v.parse::<usize>().ok()),
            refc.parse::<usize>(),
        ) {
            // Symbols, hyphens and math add a little; dropped field codes remove a little.
            if v.abs_diff(r) > 20 + r / 20 {
                far.push(format!("{rel}: visible {v}, ref {r}"));
            }
        }
        out.push_str(&format!("{rel}\t{o}\tref_text_chars={refc}\n"));
    }
    let snap = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/corpus.tsv");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&snap, &out).unwrap();
    } else {
        let want = std::fs::read_to_string(&snap).unwrap_or_default();
        assert!(
            want == out,
            "corpus outcomes changed; review the diff with UPDATE_GOLDEN=1 and git diff"
        );
    }
    println!(
        "{} files; far from ref_text_chars:\n{}",
        files.len(),
        far.join("\n")
    );
}

//! Every sample of `../shared/samples` read, recognized and validated:
//!
//! * compared field by field with its truth (`../shared/samples/truth/*.json`, rules of
//!   `truth_schema.md`): title, agency, year, intro, sections recursively, bookmarks, table
//!   title/subtitle/agency/header, rows aligned by label (label, note, unit, normalised value,
//!   depth) — the real test;
//! * its whole report model compared with `tests/golden/<sample>.json` (reviewed as a text
//!   diff; `UPDATE_GOLDEN=1 cargo test --test golden_samples` regenerates).

use std::path::{Path, PathBuf};

use serde_json::Value as J;
use xxgk::model::{Report, Section};

const SAMPLES: [(&str, &str); 5] = [
    ("ningbo2018_utf8.txt", "ningbo2018_waiban.json"),
    ("ningbo2018_gbk.txt", "ningbo2018_waiban.json"),
    ("ningbo2018_plain.docx", "ningbo2018_waiban.json"),
    ("ningbo2018_wordlike.docx", "ningbo2018_waiban.json"),
    ("stats2016_libreoffice.docx", "stats2016.json"),
];

/// 2021-format samples with a golden model too (their truth is compared in
/// `recognize_2021_samples.rs`).
const SAMPLES_2021: [&str; 2] = ["water2022_wordlike.docx", "water2022_libreoffice.docx"];

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples")
}

fn inspect(name: &str) -> Report {
    xxgk::inspect_path(shared().join(name), &xxgk::Options::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Differences between the model and the truth: (path, expected, got).
fn compare(r: &Report, t: &J) -> Vec<String> {
    let mut d = Vec::new();
    let mut eq = |path: &str, want: &J, got: J| {
        if *want != got {
            d.push(format!("{path}: expected {want}, got {got}"));
        }
    };
    eq("title", &t["title"], J::from(r.title.clone()));
    eq(
        "agency",
        &t["agency"],
        serde_json::to_value(&r.agency).unwrap(),
    );
    eq("year", &t["year"], serde_json::to_value(r.year).unwrap());
    eq(
        "intro",
        &t["intro"],
        serde_json::to_value(&r.intro).unwrap(),
    );
    eq(
        "bookmarks",
        &t["bookmarks"],
        serde_json::to_value(&r.bookmarks).unwrap(),
    );
    sections("sections", &r.sections, &t["sections"], &mut d);
    let Some(table) = r.tables.first() else {
        d.push("table: none found".into());
        return d;
    };
    let tt = &t["table"];
    let mut eq = |path: &str, want: &J, got: J| {
        if *want != got {
            d.push(format!("{path}: expected {want}, got {got}"));
        }
    };
    eq(
        "table.title",
        &tt["title"],
        serde_json::to_value(&table.title).unwrap(),
    );
    eq(
        "table.subtitle",
        &tt["subtitle"],
        serde_json::to_value(&table.subtitle).unwrap(),
    );
    eq(
        "table.agency",
        &tt["agency"],
        serde_json::to_value(&table.agency).unwrap(),
    );
    eq(
        "table.header",
        &tt["header"],
        serde_json::to_value(&table.header).unwrap(),
    );
    let want_rows = tt["rows"].as_array().cloned().unwrap_or_default();
    if want_rows.len() != table.rows.len() {
        d.push(format!(
            "table.rows: expected {} rows, got {}",
            want_rows.len(),
            table.rows.len()
        ));
    }
    // Align by label, in order (a label may occur twice: take the next unused one).
    let mut used = vec![false; table.rows.len()];
    for (i, w) in want_rows.iter().enumerate() {
        let label = w["label"].as_str().unwrap_or_default();
        let Some(j) = (0..table.rows.len()).find(|j| !used[*j] && table.rows[*j].label == label)
        else {
            d.push(format!("table.rows[{i}]: no row labelled {label}"));
            continue;
        };
        used[j] = true;
        let row = &table.rows[j];
        let got = serde_json::json!({
            "label": row.label, "note": row.note, "unit": row.unit,
            "value": row.value.normalized(), "depth": row.depth,
        });
        for k in ["note", "unit", "value", "depth"] {
            if w[k] != got[k] {
                d.push(format!(
                    "table.rows[{i}] ({label}).{k}: expected {}, got {}",
                    w[k], got[k]
                ));
            }
        }
    }
    // Bookmark anchors (not compared by the truth's checker, but the writer relies on them).
    for a in t["bookmark_anchors"]
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        let name = a["name"].as_str().unwrap_or_default();
        let want = a["at"]
            .as_str()
            .unwrap_or_default()
            .replacen("table.", "tables[0].", 1);
        let got = r
            .anchors
            .iter()
            .find(|x| x.name == name)
            .map(|x| x.at.as_str());
        if got != Some(want.as_str()) {
            d.push(format!("anchor {name}: expected {want}, got {got:?}"));
        }
    }
    for (j, u) in used.iter().enumerate() {
        if !u {
            d.push(format!("table.rows: extra row {}", table.rows[j].label));
        }
    }
    d
}

fn sections(path: &str, got: &[Section], want: &J, d: &mut Vec<String>) {
    let want = want.as_array().cloned().unwrap_or_default();
    if want.len() != got.len() {
        d.push(format!(
            "{path}: expected {} sections, got {}",
            want.len(),
            got.len()
        ));
    }
    for (i, (w, g)) in want.iter().zip(got).enumerate() {
        let p = format!("{path}[{i}]");
        let fields = [
            ("number", J::from(g.number.clone())),
            ("heading", J::from(g.heading.clone())),
            ("level", J::from(g.level)),
            ("paragraphs", serde_json::to_value(&g.paragraphs).unwrap()),
        ];
        for (k, v) in fields {
            if w[k] != v {
                d.push(format!("{p}.{k}: expected {}, got {v}", w[k]));
            }
        }
        sections(&format!("{p}.children"), &g.children, &w["children"], d);
    }
}

#[test]
fn samples_equal_their_truth() {
    let mut failures = Vec::new();
    for (sample, truth) in SAMPLES {
        let t: J = serde_json::from_str(
            &std::fs::read_to_string(shared().join("truth").join(truth)).unwrap(),
        )
        .unwrap();
        let r = inspect(sample);
        for diff in compare(&r, &t) {
            failures.push(format!("{sample}: {diff}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn samples_equal_their_golden_model() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut stale = Vec::new();
    let all = SAMPLES.iter().map(|(s, _)| (shared().join(s), *s)).chain(
        SAMPLES_2021
            .iter()
            .map(|s| (shared().join("../samples2021").join(s), *s)),
    );
    for (file, sample) in all {
        let r = xxgk::inspect_path(&file, &xxgk::Options::default())
            .unwrap_or_else(|e| panic!("{sample}: {e}"));
        let json = serde_json::to_string_pretty(&r).unwrap() + "\n";
        let path = dir.join(sample.rsplit_once('.').unwrap().0.to_string() + ".json");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &json).unwrap();
        }
        if std::fs::read_to_string(&path).unwrap_or_default() != json {
            stale.push(path.display().to_string());
        }
        // The golden JSON reads back as the same model.
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r, "{sample}");
    }
    assert!(
        stale.is_empty(),
        "golden files differ (review, then UPDATE_GOLDEN=1): {stale:?}"
    );
}

#[test]
fn ningbo_data_quirks_are_reported_as_hints_not_errors() {
    let r = inspect("ningbo2018_utf8.txt");
    let has = |code: &str, sev: xxgk::Severity| {
        r.diagnostics
            .iter()
            .any(|d| d.code == code && d.severity == sev)
    };
    // A1a = 610 while A1b is "/": at most an info.
    assert!(has("validate.LR7", xxgk::Severity::Info));
    // Channels add up exactly to A1: a hint.
    assert!(has("validate.LR8", xxgk::Severity::Info));
    // H3 = "/" + 2: consistent.
    assert!(!r.diagnostics.iter().any(|d| d.code == "validate.LR6"));
    assert!(!r
        .diagnostics
        .iter()
        .any(|d| d.code.starts_with("validate.") && d.severity == xxgk::Severity::Error));
}

//! Indicator rows → catalogue ids: exact match of the label key (with or without the note)
//! in catalogue order, then close matches (same label without its number, or similar enough),
//! each reported; rows without a match keep `code: null`, catalogue rows not found are listed.
//!
//! | step | condition | diagnostic |
//! | --- | --- | --- |
//! | exact | [`label_key`] of label (or label + note) equals the catalogue's | — |
//! | bare | labels equal without number prefix and `其中：` | `recognize.row.fuzzy_match` (info) |
//! | similar | character-bigram similarity ≥ 0.75 | `recognize.row.fuzzy_match` (warning) |
//! | none | — | `recognize.row.unknown` (warning) |
//! | catalogue row never matched | — | `recognize.row.missing` (warning) |
//!
//! Duplicate labels (`（二）被依法纠错数` under both 四 and 五) are resolved by order: the first
//! unused candidate after the last matched row wins.

use crate::catalog::{bare_key, key_of, label_key, Catalog};
use crate::diagnostic::{Diagnostic, Location};
use crate::model::Row;

/// Matches `rows` of `tables[table]` to `catalog`, setting [`Row::code`]; returns the number of
/// rows matched and the findings.
pub fn match_rows(rows: &mut [Row], catalog: &Catalog, table: usize) -> (usize, Vec<Diagnostic>) {
    let cat = &catalog.indicators;
    let owned;
    let keys: &Keys = match builtin_keys(catalog) {
        Some(k) => k,
        None => {
            owned = Keys::of(catalog);
            &owned
        }
    };
    let (keys, full, bare) = (&keys.label, &keys.full, &keys.bare);
    let mut used = vec![false; cat.len()];
    let mut found: Vec<Option<usize>> = vec![None; rows.len()];
    let mut diags = Vec::new();
    let path = |i: usize| Location::path(format!("tables[{table}].rows[{i}]"));
    let unknown = |r: usize| {
        Diagnostic::warning(
            "recognize.row.unknown",
            format!(
                "row `{}` is not in the catalogue; kept without a code",
                rows[r].label
            ),
        )
        .at(path(r))
    };

    // Pass 1: exact keys, in order.
    let mut cursor = 0;
    for (r, row) in rows.iter().enumerate() {
        let k = key_of(&row.label);
        // Label and note together (without a note: the label's key itself).
        let kn = row
            .note
            .as_deref()
            .map(|n| label_key(&format!("{}{n}", row.label)));
        let hit = pick(&used, cursor, |i| {
            keys[i] == k || full[i] == k || kn.as_ref().is_some_and(|kn| full[i] == *kn)
        });
        if let Some(i) = hit {
            used[i] = true;
            found[r] = Some(i);
            cursor = i + 1;
        }
    }
    // Pass 2: close matches for the rest, between their matched neighbours' positions (at most
    // MAX_FUZZY rows are tried, so a huge table of unknown rows stays linear).
    let mut tried = 0;
    for r in 0..rows.len() {
        if found[r].is_some() || rows[r].label.is_empty() {
            continue;
        }
        tried += 1;
        if tried > MAX_FUZZY {
            diags.push(unknown(r));
            continue;
        }
        let lo = found[..r]
            .iter()
            .rev()
            .flatten()
            .next()
            .map_or(0, |i| i + 1);
        let b = bare_key(&rows[r].label);
        let kn = label_key(&format!(
            "{}{}",
            rows[r].label,
            rows[r].note.as_deref().unwrap_or("")
        ));
        let mut hit = pick(&used, lo, |i| !b.is_empty() && bare[i] == b).map(|i| (i, 1.0));
        if hit.is_none() {
            hit = (0..cat.len())
                .filter(|i| !used[*i])
                .map(|i| (i, similarity(&kn, &full[i]).max(similarity(&b, &bare[i]))))
                .filter(|(_, s)| *s >= 0.75)
                .max_by(|a, b| {
                    a.1.total_cmp(&b.1)
                        .then_with(|| (b.0 < lo).cmp(&(a.0 < lo)))
                        .then_with(|| b.0.cmp(&a.0))
                });
        }
        match hit {
            Some((i, score)) => {
                used[i] = true;
                found[r] = Some(i);
                let d = if score >= 1.0 {
                    Diagnostic::info(
                        "recognize.row.fuzzy_match",
                        format!(
                            "row `{}` matched to {} `{}` without its number",
                            rows[r].label, cat[i].code, cat[i].label
                        ),
                    )
                } else {
                    Diagnostic::warning(
                        "recognize.row.fuzzy_match",
                        format!(
                            "row `{}` matched to {} `{}` (similarity {:.2})",
                            rows[r].label, cat[i].code, cat[i].label, score
                        ),
                    )
                };
                diags.push(d.at(path(r)));
            }
            None => diags.push(unknown(r)),
        }
    }
    let mut matched = 0;
    for (row, f) in rows.iter_mut().zip(&found) {
        row.code = f.map(|i| cat[i].code.clone());
        matched += usize::from(f.is_some());
    }
    for (i, ind) in cat.iter().enumerate() {
        if !used[i] {
            diags.push(
                Diagnostic::warning(
                    "recognize.row.missing",
                    format!("catalogue row {} `{}` not found", ind.code, ind.label),
                )
                .at(Location::path(format!("tables[{table}]"))),
            );
        }
    }
    (matched, diags)
}

/// The match keys of a catalogue's rows, by position.
#[derive(Debug)]
pub struct Keys {
    /// [`label_key`] of the label.
    pub label: Vec<String>,
    /// [`label_key`] of the label followed by its note.
    pub full: Vec<String>,
    /// [`bare_key`] of the label.
    pub bare: Vec<String>,
}

impl Keys {
    fn of(catalog: &Catalog) -> Keys {
        let cat = &catalog.indicators;
        Keys {
            label: cat.iter().map(|i| label_key(&i.label)).collect(),
            full: cat
                .iter()
                .map(|i| label_key(&format!("{}{}", i.label, i.note.as_deref().unwrap_or(""))))
                .collect(),
            bare: cat.iter().map(|i| bare_key(&i.label)).collect(),
        }
    }
}

/// The keys of a built-in catalogue, computed once per process; `None` for another catalogue.
pub fn builtin_keys(catalog: &Catalog) -> Option<&'static Keys> {
    use std::sync::OnceLock;
    static STATS: OnceLock<Keys> = OnceLock::new();
    static R2019: OnceLock<Keys> = OnceLock::new();
    static R2021: OnceLock<Keys> = OnceLock::new();
    let (builtin, cell) = match catalog.kind {
        crate::model::TableKind::Stats2018 => (crate::catalog::stats2018(), &STATS),
        crate::model::TableKind::Requests2019 => (crate::catalog::requests2019(), &R2019),
        crate::model::TableKind::Requests2021 => (crate::catalog::requests2021(), &R2021),
        _ => return None,
    };
    std::ptr::eq(builtin, catalog).then(|| cell.get_or_init(|| Keys::of(builtin)))
}

/// Most rows tried for a close match.
const MAX_FUZZY: usize = 256;

/// The first unused index ≥ `from` satisfying `ok`, else the first unused one before it.
fn pick(used: &[bool], from: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
    (from..used.len())
        .chain(0..from.min(used.len()))
        .find(|i| !used[*i] && ok(*i))
}

/// Dice coefficient of the character bigrams of two strings (0–1).
pub fn similarity(a: &str, b: &str) -> f64 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().take(80).collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la > 2 * lb + 2 || lb > 2 * la + 2 {
        // too different in length to reach the threshold
        return 0.0;
    }
    let (ga, mut gb) = (grams(a), grams(b));
    if ga.is_empty() || gb.is_empty() {
        return if a == b && !a.is_empty() { 1.0 } else { 0.0 };
    }
    let total = ga.len() + gb.len();
    let mut common = 0;
    for g in &ga {
        if let Some(p) = gb.iter().position(|x| x == g) {
            gb.swap_remove(p);
            common += 1;
        }
    }
    2.0 * common as f64 / total as f64
}

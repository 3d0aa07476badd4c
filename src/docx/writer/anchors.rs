//! The report's bookmarks and anchors in, bookmark ids grouped by the model path they start at
//! out.
//!
//! Every name in [`Report::bookmarks`] and [`Report::anchors`] is written once, with a unique
//! id (its position). A bookmark whose anchor names a place that exists in the report is written
//! around that paragraph or cell; one without an anchor (or whose anchor names no existing place)
//! is written at the start of the body, and the latter is reported as `write.bookmark.unplaced`.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Location};
use crate::model::{Report, Section};

/// A bookmark to write: id and name.
pub(crate) type Mark<'a> = (u32, &'a str);

/// The kinds of place a bookmark can be anchored at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// `title`.
    Title,
    /// `intro[i]`.
    Intro,
    /// `sections[i](.children[j])*`.
    Section,
    /// `….paragraphs[k]` of a section.
    Paragraph,
    /// `tables[t].title`, `.subtitle`, `.agency`, `.header`.
    Table,
    /// `tables[t].rows[i]`.
    Row,
    /// `tables[t].rows[i].value`.
    Value,
}

impl Place {
    const COUNT: usize = 7;

    /// The kind of an existing place's path.
    fn of(path: &str) -> Place {
        if path == "title" {
            Place::Title
        } else if path.starts_with("intro") {
            Place::Intro
        } else if path.starts_with("sections") {
            if path.contains(".paragraphs[") {
                Place::Paragraph
            } else {
                Place::Section
            }
        } else if path.ends_with(".value") {
            Place::Value
        } else if path.contains(".rows[") {
            Place::Row
        } else {
            Place::Table
        }
    }
}

/// Bookmarks by the path they start at.
#[derive(Debug, Default)]
pub(crate) struct Bookmarks<'a> {
    by_path: HashMap<String, Vec<Mark<'a>>>,
    /// How many paths of each [`Place`] kind still wait for their bookmarks.
    waiting: [usize; Place::COUNT],
    /// Bookmarks written at the start of the body.
    pub start: Vec<Mark<'a>>,
}

impl<'a> Bookmarks<'a> {
    /// Groups the report's bookmarks; reports anchors naming no place in the report.
    pub(crate) fn new(report: &'a Report, diags: &mut Vec<Diagnostic>) -> Self {
        let mut names: Vec<&'a str> = Vec::new();
        let mut ids: HashMap<&'a str, u32> = HashMap::new();
        let all = report
            .bookmarks
            .iter()
            .map(String::as_str)
            .chain(report.anchors.iter().map(|a| a.name.as_str()));
        for name in all {
            if !ids.contains_key(name) {
                ids.insert(name, names.len() as u32);
                names.push(name);
            }
        }
        let mut placed: HashMap<&'a str, String> = HashMap::new();
        for anchor in &report.anchors {
            if placed.contains_key(anchor.name.as_str()) {
                continue;
            }
            let path = normalize(&anchor.at);
            if exists(report, &path) {
                placed.insert(anchor.name.as_str(), path);
            } else {
                diags.push(
                    Diagnostic::warning(
                        "write.bookmark.unplaced",
                        format!(
                            "bookmark `{}` is anchored at `{}`, which is not in the report; written at the start of the body",
                            anchor.name, anchor.at
                        ),
                    )
                    .at(Location::path(anchor.at.clone())),
                );
            }
        }
        let mut marks = Bookmarks::default();
        for (id, name) in names.into_iter().enumerate() {
            let mark = (id as u32, name);
            match placed.remove(name) {
                Some(path) => marks.by_path.entry(path).or_default().push(mark),
                None => marks.start.push(mark),
            }
        }
        for path in marks.by_path.keys() {
            marks.waiting[Place::of(path) as usize] += 1;
        }
        marks
    }

    /// The bookmarks starting at `path`, a place of kind `place` (each returned once).
    pub(crate) fn take(&mut self, place: Place, path: &str) -> Vec<Mark<'a>> {
        match self.by_path.remove(path) {
            Some(marks) => {
                let waiting = &mut self.waiting[place as usize];
                *waiting = waiting.saturating_sub(1);
                marks
            }
            None => Vec::new(),
        }
    }

    /// True when a place of kind `place` may still have bookmarks to start.
    pub(crate) fn waits(&self, place: Place) -> bool {
        self.waiting[place as usize] > 0
    }
}

/// `table.x` (the truth files' spelling) is `tables[0].x`.
fn normalize(path: &str) -> String {
    match path.strip_prefix("table.") {
        Some(rest) => format!("tables[0].{rest}"),
        None => path.to_string(),
    }
}

/// Splits `name[3]` into `("name", Some(3))`.
fn segment(seg: &str) -> (&str, Option<usize>) {
    match seg.split_once('[') {
        Some((name, rest)) => (name, rest.strip_suffix(']').and_then(|n| n.parse().ok())),
        None => (seg, None),
    }
}

/// True when `path` names a place the writer writes.
pub(crate) fn exists(report: &Report, path: &str) -> bool {
    let mut segs = path.split('.');
    let Some(first) = segs.next() else {
        return false;
    };
    match segment(first) {
        ("title", None) => segs.next().is_none(),
        ("intro", Some(i)) => i < report.intro.len() && segs.next().is_none(),
        ("sections", Some(i)) => section_exists(report.sections.get(i), segs),
        ("tables", Some(t)) => {
            let Some(table) = report.tables.get(t) else {
                return false;
            };
            match (segs.next().map(segment), segs.next(), segs.next()) {
                (Some(("title" | "subtitle" | "agency" | "header", None)), None, _) => true,
                (Some(("rows", Some(r))), None, _) => r < table.rows.len(),
                (Some(("rows", Some(r))), Some("value"), None) => r < table.rows.len(),
                _ => false,
            }
        }
        _ => false,
    }
}

fn section_exists<'s>(
    mut section: Option<&Section>,
    mut segs: impl Iterator<Item = &'s str>,
) -> bool {
    while let Some(seg) = segs.next() {
        let Some(s) = section else {
            return false;
        };
        match segment(seg) {
            ("children", Some(i)) => section = s.children.get(i),
            ("paragraphs", Some(i)) => return i < s.paragraphs.len() && segs.next().is_none(),
            _ => return false,
        }
    }
    section.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_against_the_report() {
        let report = Report {
            intro: vec!["a".into()],
            sections: vec![Section {
                number: "一、".into(),
                heading: "h".into(),
                level: 1,
                paragraphs: vec!["p".into()],
                children: vec![Section::default()],
            }],
            ..Report::default()
        };
        assert!(exists(&report, "title"));
        assert!(exists(&report, "intro[0]"));
        assert!(!exists(&report, "intro[1]"));
        assert!(exists(&report, "sections[0]"));
        assert!(exists(&report, "sections[0].children[0]"));
        assert!(exists(&report, "sections[0].paragraphs[0]"));
        assert!(!exists(&report, "sections[0].paragraphs[1]"));
        assert!(!exists(&report, "tables[0].title"));
    }

    #[test]
    fn places_are_told_apart_by_their_paths() {
        for (path, place) in [
            ("title", Place::Title),
            ("intro[2]", Place::Intro),
            ("sections[0].children[1]", Place::Section),
            ("sections[0].children[1].paragraphs[0]", Place::Paragraph),
            ("tables[0].header", Place::Table),
            ("tables[0].rows[13]", Place::Row),
            ("tables[1].rows[13].value", Place::Value),
        ] {
            assert_eq!(Place::of(path), place, "{path}");
        }
    }
}

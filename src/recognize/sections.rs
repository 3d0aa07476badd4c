//! Narrative paragraphs (already stripped, non-empty) → intro and the section tree, each
//! paragraph's model path reported back for bookmark anchors.
//!
//! Rules: a numbered paragraph ([`super::numbering`]) closes open sections of the same or
//! deeper level and becomes a child of the nearest open section of lower level (a level-3
//! directly under a level-1 is its child), else a top-level section; `heading` is the whole rest
//! of the paragraph (run-in headings included). An unnumbered paragraph goes to the most recent
//! open section, or to the intro when none is open.

use super::numbering::split_number;
use crate::model::Section;

/// Builds the tree paragraph by paragraph.
#[derive(Debug, Default)]
pub struct SectionBuilder {
    /// Paragraphs before the first section.
    pub intro: Vec<String>,
    /// Top-level sections.
    pub sections: Vec<Section>,
    /// Child indices from the top level down to the open section; with its levels.
    open: Vec<(usize, u8)>,
    /// What the last paragraph added became.
    last: Last,
}

/// What the last paragraph added became (for its model path).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing added yet.
    #[default]
    Nothing,
    /// A paragraph of the intro.
    Intro,
    /// The open section's heading.
    Heading,
    /// A paragraph of the open section.
    Paragraph,
}

impl SectionBuilder {
    /// Adds a narrative paragraph; returns its model path (`intro[0]`,
    /// `sections[1].children[0]` for a heading, `sections[1].paragraphs[2]`).
    pub fn push(&mut self, text: &str) -> String {
        self.add(text.to_string());
        self.last_path().unwrap_or_default()
    }

    /// Adds a narrative paragraph without building its path (see [`Self::last_path`]).
    pub fn add(&mut self, text: String) {
        match split_number(&text) {
            Some(n) => self.open_section(n.level, n.number, n.rest),
            None => self.add_paragraph(text),
        }
    }

    /// The model path of the paragraph added last; `None` before the first.
    pub fn last_path(&self) -> Option<String> {
        Some(match self.last {
            Last::Nothing => return None,
            Last::Intro => format!("intro[{}]", self.intro.len().saturating_sub(1)),
            Last::Heading => self.path(),
            Last::Paragraph => {
                let n = self.current().map_or(0, |s| s.paragraphs.len());
                let mut path = self.path();
                let _ = std::fmt::Write::write_fmt(
                    &mut path,
                    format_args!(".paragraphs[{}]", n.saturating_sub(1)),
                );
                path
            }
        })
    }

    /// Adds an unnumbered paragraph to the open section (or the intro), whatever it starts with.
    fn add_paragraph(&mut self, text: String) {
        match self.current_mut() {
            Some(section) => {
                section.paragraphs.push(text);
                self.last = Last::Paragraph;
            }
            None => {
                self.intro.push(text);
                self.last = Last::Intro;
            }
        }
    }

    fn open_section(&mut self, level: u8, number: &str, heading: &str) {
        while self.open.last().is_some_and(|(_, l)| *l >= level) {
            self.open.pop();
        }
        let section = Section {
            number: number.to_string(),
            heading: heading.to_string(),
            level,
            ..Default::default()
        };
        let index = match self.current_mut() {
            Some(parent) => {
                parent.children.push(section);
                parent.children.len() - 1
            }
            None => {
                self.open.clear();
                self.sections.push(section);
                self.sections.len() - 1
            }
        };
        self.open.push((index, level));
        self.last = Last::Heading;
    }

    /// The model path of the open section.
    fn path(&self) -> String {
        use std::fmt::Write;
        let mut s = String::with_capacity(16 * self.open.len());
        for (depth, (i, _)) in self.open.iter().enumerate() {
            let _ = if depth == 0 {
                write!(s, "sections[{i}]")
            } else {
                write!(s, ".children[{i}]")
            };
        }
        s
    }

    /// The open section, if any.
    fn current(&self) -> Option<&Section> {
        let (first, rest) = self.open.split_first()?;
        let mut s = self.sections.get(first.0)?;
        for (i, _) in rest {
            s = s.children.get(*i)?;
        }
        Some(s)
    }

    /// The open section, if any. At most four levels deep.
    fn current_mut(&mut self) -> Option<&mut Section> {
        let (first, rest) = self.open.split_first()?;
        let mut s = self.sections.get_mut(first.0)?;
        for (i, _) in rest {
            s = s.children.get_mut(*i)?;
        }
        Some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_and_paths() {
        let mut b = SectionBuilder::default();
        assert_eq!(b.push("根据……"), "intro[0]");
        assert_eq!(b.push("一、概述"), "sections[0]");
        assert_eq!(b.push("正文"), "sections[0].paragraphs[0]");
        assert_eq!(b.push("二、主动公开"), "sections[1]");
        assert_eq!(b.push("1.直接三级"), "sections[1].children[0]");
        assert_eq!(b.push("（一）二级"), "sections[1].children[1]");
        assert_eq!(b.push("（1）四级"), "sections[1].children[1].children[0]");
        assert_eq!(
            b.push("说明"),
            "sections[1].children[1].children[0].paragraphs[0]"
        );
        assert_eq!(b.push("三、下步"), "sections[2]");
        assert_eq!(b.sections[1].children[0].level, 3);
        assert_eq!(b.sections[1].children[1].children[0].heading, "四级");
    }
}

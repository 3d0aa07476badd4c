//! Parts that are not the body in, [`Story`]s and [`Properties`] out: headers and footers (in
//! order of their section references), footnotes, endnotes and comments (in order of their
//! references, then the unreferenced ones in part order), text boxes (where they are anchored),
//! and `docProps/core.xml`.

use std::io::{Read, Seek};

use super::body::{Ctx, StoryRef};
use super::package::{Package, PartError, Rel};
use super::xml::{decode_part, Ev, Ns, Xml};
use super::ReadOptions;
use crate::diagnostic::{Diagnostic, Location};
use crate::document::{Block, NoteKind, Properties, Story, StoryKind};
use crate::error::{Error, Result};

/// Reads an optional part with `f`; a missing part is `None`, a damaged or unparsable one is
/// `None` with a diagnostic, a limit is an error.
pub(crate) fn optional<R: Read + Seek, T>(
    pkg: &mut Package<R>,
    part: &str,
    opts: &ReadOptions,
    diags: &mut Vec<Diagnostic>,
    f: impl FnOnce(&mut Xml<'_>) -> Result<T>,
) -> Result<Option<T>> {
    let bytes = match pkg.part(part) {
        Ok(b) => b,
        Err(PartError::Missing) => {
            diags.push(
                Diagnostic::warning(
                    "docx.part.missing",
                    format!("related part {part} is missing"),
                )
                .at(Location::part(part)),
            );
            return Ok(None);
        }
        Err(PartError::Fatal(e)) => return Err(e),
        Err(PartError::Damaged(e)) => {
            diags.push(unreadable(part, &e));
            return Ok(None);
        }
    };
    let text = decode_part(&bytes);
    let mut x = Xml::new(&text, part, opts.max_depth);
    let out = match f(&mut x) {
        Ok(v) => {
            diags.append(&mut x.diags);
            Ok(Some(v))
        }
        Err(e @ Error::LimitExceeded { .. }) => Err(e),
        Err(e) => {
            diags.push(unreadable(part, &e));
            Ok(None)
        }
    };
    drop(x);
    drop(text);
    pkg.give_back(bytes);
    out
}

fn unreadable(part: &str, e: &Error) -> Diagnostic {
    Diagnostic::warning(
        "docx.part.unreadable",
        format!("part {part} was skipped: {e}"),
    )
    .at(Location::part(part))
}

/// Notes of one part: (id, blocks).
type Notes = Vec<(String, Vec<Block>)>;

/// Reads every story part and orders the stories.
pub(crate) fn read_stories<R: Read + Seek>(
    pkg: &mut Package<R>,
    rels: &[Rel],
    ctx: &mut Ctx,
    opts: &ReadOptions,
) -> Result<Vec<Story>> {
    let refs = std::mem::take(&mut ctx.refs);
    let target = |id: &str| {
        rels.iter()
            .find(|r| r.id == id && !r.external)
            .map(|r| r.target.clone())
    };
    let mut notes: Vec<(NoteKind, Notes)> = Vec::new();
    for (kind, rel) in [
        (NoteKind::Footnote, "footnotes"),
        (NoteKind::Endnote, "endnotes"),
        (NoteKind::Comment, "comments"),
    ] {
        if let Some(r) = rels.iter().find(|r| r.kind == rel && !r.external) {
            let part = r.target.clone();
            let mut diags = Vec::new();
            let got = optional(pkg, &part, opts, &mut diags, |x| notes_part(x, ctx))?;
            ctx.diags.append(&mut diags);
            notes.push((kind, got.unwrap_or_default()));
        }
    }
    let mut out = Vec::new();
    let mut done_parts: Vec<String> = Vec::new();
    let mut done_notes: Vec<(NoteKind, String)> = Vec::new();
    for r in refs {
        match r {
            StoryRef::TextBox(blocks) => out.push(Story {
                kind: StoryKind::TextBox,
                id: None,
                blocks,
            }),
            StoryRef::Header(id) | StoryRef::Footer(id)
                if target(&id).map_or(true, |t| done_parts.contains(&t)) => {}
            StoryRef::Header(ref id) | StoryRef::Footer(ref id) => {
                let kind = if matches!(r, StoryRef::Header(_)) {
                    StoryKind::Header
                } else {
                    StoryKind::Footer
                };
                let part = target(id).unwrap_or_default();
                done_parts.push(part.clone());
                let mut diags = Vec::new();
                let got = optional(pkg, &part, opts, &mut diags, |x| {
                    ctx.begin_part(false);
                    let mut blocks = Vec::new();
                    root_blocks(x, ctx, &mut blocks)?;
                    ctx.end_part(x);
                    Ok(blocks)
                })?;
                ctx.diags.append(&mut diags);
                if let Some(blocks) = got {
                    out.push(Story {
                        kind,
                        id: Some(part),
                        blocks,
                    });
                }
                // Text boxes of headers and footers.
                for r in std::mem::take(&mut ctx.refs) {
                    if let StoryRef::TextBox(blocks) = r {
                        out.push(Story {
                            kind: StoryKind::TextBox,
                            id: None,
                            blocks,
                        });
                    }
                }
            }
            StoryRef::Note(kind, id) => {
                if done_notes.contains(&(kind, id.clone())) {
                    continue;
                }
                if let Some((_, list)) = notes.iter_mut().find(|n| n.0 == kind) {
                    if let Some(i) = list.iter().position(|(nid, _)| *nid == id) {
                        let (_, blocks) = list.remove(i);
                        out.push(note_story(kind, id.clone(), blocks));
                    }
                }
                done_notes.push((kind, id));
            }
        }
    }
    for (kind, list) in notes {
        for (id, blocks) in list {
            out.push(note_story(kind, id, blocks));
        }
    }
    // Text boxes inside notes.
    for r in std::mem::take(&mut ctx.refs) {
        if let StoryRef::TextBox(blocks) = r {
            out.push(Story {
                kind: StoryKind::TextBox,
                id: None,
                blocks,
            });
        }
    }
    Ok(out)
}

fn note_story(kind: NoteKind, id: String, blocks: Vec<Block>) -> Story {
    Story {
        kind: match kind {
            NoteKind::Footnote => StoryKind::Footnote,
            NoteKind::Endnote => StoryKind::Endnote,
            NoteKind::Comment => StoryKind::Comment,
        },
        id: Some(id),
        blocks,
    }
}

/// Reads the blocks under the root element of a header or footer.
fn root_blocks(x: &mut Xml<'_>, ctx: &mut Ctx, out: &mut Vec<Block>) -> Result<()> {
    loop {
        match x.next()? {
            Ev::Eof => return Ok(()),
            Ev::Start(el) if matches!(el.local(), b"hdr" | b"ftr") && el.ns == Ns::W => {
                ctx.blocks(x, out)?;
            }
            _ => {}
        }
    }
}

/// Reads a footnotes, endnotes or comments part: (id, blocks) per note, separators left out.
fn notes_part(x: &mut Xml<'_>, ctx: &mut Ctx) -> Result<Vec<(String, Vec<Block>)>> {
    ctx.begin_part(false);
    let mut out = Vec::new();
    loop {
        match x.next()? {
            Ev::Eof => break,
            Ev::Start(el)
                if el.ns == Ns::W
                    && matches!(el.local(), b"footnote" | b"endnote" | b"comment") =>
            {
                let id = x.w(&el, b"id").map(|v| v.into_owned()).unwrap_or_default();
                let special = x.w(&el, b"type").is_some_and(|t| t != "normal");
                let mut blocks = Vec::new();
                if special {
                    x.skip_el(&el)?;
                    continue;
                }
                ctx.blocks(x, &mut blocks)?;
                out.push((id, blocks));
            }
            _ => {}
        }
    }
    ctx.end_part(x);
    Ok(out)
}

/// Reads `docProps/core.xml`.
pub(crate) fn core_properties(x: &mut Xml<'_>) -> Result<Properties> {
    let mut p = Properties::default();
    loop {
        let field = match x.next()? {
            Ev::Eof => return Ok(p),
            Ev::Start(el) => match (el.ns, el.local()) {
                (Ns::Dc, b"title") => &mut p.title,
                (Ns::Dc, b"creator") => &mut p.creator,
                (Ns::DcTerms, b"created") => &mut p.created,
                (Ns::DcTerms, b"modified") => &mut p.modified,
                _ => continue,
            },
            _ => continue,
        };
        let base = x.depth();
        let mut s = String::new();
        loop {
            match x.next()? {
                Ev::Eof => return Err(x.eof()),
                Ev::End if x.depth() < base => break,
                Ev::Text(t) => s.push_str(&t.as_str()),
                _ => {}
            }
        }
        let s = s.trim();
        if !s.is_empty() {
            *field = Some(s.to_string());
        }
    }
}

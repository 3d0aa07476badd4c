//! The package layer: bytes or a `Read + Seek` in, the parts of a WordprocessingML package out.
//!
//! Sniffs what the input is before trusting it as a zip (OLE compound files, PDF, HTML, images,
//! plain text), opens the zip, enforces the [`ReadOptions`] limits while inflating (never
//! inflating more than the limit), resolves relationships (`_rels/.rels`, `<part>.rels`) with
//! relative or absolute targets and Transitional or Strict relationship types.

use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom};

use super::xml::{decode_part, Ev, Ns, Xml};
use super::ReadOptions;
use crate::error::{Error, Limit, OleKind, Result};

/// One relationship of a part.
#[derive(Debug, Clone)]
pub(crate) struct Rel {
    /// `Id`.
    pub id: String,
    /// Last segment of the relationship type (`officeDocument`, `styles`, `header`…).
    pub kind: String,
    /// Resolved part name (no leading `/`), or the raw target when external.
    pub target: String,
    /// `TargetMode="External"`.
    pub external: bool,
}

/// An open package.
pub(crate) struct Package<R: Read + Seek> {
    zip: zip::ZipArchive<R>,
    /// Lower-case part name → entry index.
    names: HashMap<String, usize>,
    opts: ReadOptions,
    total: u64,
    /// Entries that name a part another entry names too, as messages for diagnostics.
    pub duplicates: Vec<String>,
    /// One inflater for every part (reset between parts), made on the first deflated part.
    inflater: Option<flate2::Decompress>,
    /// The one-call inflater for parts whose declared size is within the limits.
    whole: Option<libdeflater::Decompressor>,
    /// The compressed bytes of the part being inflated (reused).
    raw: Vec<u8>,
    /// Buffers of parts read and given back ([`Package::give_back`]), for the next parts.
    spare: Vec<Vec<u8>>,
}

impl<R: Read + Seek> Drop for Package<R> {
    fn drop(&mut self) {
        let mut parts = std::mem::take(&mut self.spare);
        parts.retain(|b| b.capacity() <= SPARE_BYTES);
        parts.sort_by_key(|b| std::cmp::Reverse(b.capacity()));
        parts.truncate(SPARE_PARTS);
        let mut raw = std::mem::take(&mut self.raw);
        if raw.capacity() > SPARE_BYTES {
            raw = Vec::new();
        }
        let spare = Spare {
            inflater: self.inflater.take(),
            whole: self.whole.take(),
            raw,
            parts,
        };
        // A thread being torn down keeps nothing.
        let _ = SPARE.try_with(|s| *s.borrow_mut() = spare);
    }
}

/// Entries whose compressed data is at most this large are read whole and inflated in one
/// call; larger ones are streamed.
const WHOLE_ENTRY: u64 = 64 << 20;

/// The most bytes deflate can give per compressed byte (a 258-byte match coded in two bits).
const DEFLATE_MAX_RATIO: u64 = 1032;

/// What a package leaves to the next one read on the same thread: its inflater and its part
/// buffers, so that reading one document after another (a batch) does not allocate, zero and
/// free them for every document.
#[derive(Default)]
struct Spare {
    inflater: Option<flate2::Decompress>,
    whole: Option<libdeflater::Decompressor>,
    raw: Vec<u8>,
    parts: Vec<Vec<u8>>,
}

/// Most buffers kept, and the largest capacity kept: a larger buffer (a very large part) is
/// freed, so a thread keeps at most about 3 × 4 MiB however many documents it reads.
const SPARE_PARTS: usize = 2;
const SPARE_BYTES: usize = 4 << 20;

thread_local! {
    /// Off inside [`without_one_call_inflate`].
    static ONE_CALL: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
    static SPARE: std::cell::RefCell<Spare> = std::cell::RefCell::new(Spare::default());
}

/// Runs `f` with the one-call inflater turned off on this thread: every deflated part is then
/// inflated by the streaming inflater alone. For tests that compare the two.
pub fn without_one_call_inflate<T>(f: impl FnOnce() -> T) -> T {
    let was = ONE_CALL.with(|c| c.replace(false));
    let out = f();
    ONE_CALL.with(|c| c.set(was));
    out
}

/// Why a part could not be read.
pub(crate) enum PartError {
    /// No such part.
    Missing,
    /// Stopping error (limits).
    Fatal(Error),
    /// The entry is damaged (bad CRC, bad data): fatal for the main part only.
    Damaged(Error),
}

impl<R: Read + Seek> Package<R> {
    /// Sniffs and opens the input.
    pub fn open(mut reader: R, opts: &ReadOptions) -> Result<Self> {
        let mut head = [0u8; 512];
        let n = read_up_to(&mut reader, &mut head)?;
        let head = &head[..n];
        if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
        {
            reader.seek(SeekFrom::Start(0))?;
            let mut all = Vec::new();
            reader
                .take(opts.max_total_size.min(64 << 20))
                .read_to_end(&mut all)?;
            return Err(Error::Ole {
                kind: ole_kind(&all),
            });
        }
        if !(head.starts_with(b"PK\x03\x04")
            || head.starts_with(b"PK\x05\x06")
            || head.starts_with(b"PK\x07\x08"))
        {
            return Err(Error::NotDocx {
                looks_like: looks_like(head),
            });
        }
        let mut duplicates = conflicting_entries(&mut reader, opts.max_entries);
        reader.seek(SeekFrom::Start(0))?;
        let zip = zip::ZipArchive::new(reader).map_err(|e| Error::Zip {
            part: None,
            detail: e.to_string(),
        })?;
        if zip.len() > opts.max_entries {
            return Err(Error::LimitExceeded {
                limit: Limit::Entries,
                part: None,
                value: zip.len() as u64,
                max: opts.max_entries as u64,
            });
        }
        let mut names: HashMap<String, usize> = HashMap::with_capacity(zip.len());
        for i in 0..zip.len() {
            if let Some(name) = zip.name_for_index(i) {
                let key = normalize_name(name);
                match names.get(&key) {
                    Some(&first) => duplicates.push(format!(
                        "entries {:?} and {name:?} name the same part (names ignore case): the first is read",
                        zip.name_for_index(first).unwrap_or_default()
                    )),
                    None => {
                        names.insert(key, i);
                    }
                }
            }
        }
        let spare = SPARE
            .try_with(|s| std::mem::take(&mut *s.borrow_mut()))
            .unwrap_or_default();
        Ok(Package {
            zip,
            names,
            opts: opts.clone(),
            total: 0,
            duplicates,
            inflater: spare.inflater,
            whole: spare.whole,
            raw: spare.raw,
            spare: spare.parts,
        })
    }

    /// True when the package has this part.
    pub fn has(&self, name: &str) -> bool {
        self.names.contains_key(&normalize_name(name))
    }

    /// Inflates a part, enforcing the size, total and ratio limits as it goes.
    pub fn part(&mut self, name: &str) -> std::result::Result<Vec<u8>, PartError> {
        let Some(&i) = self.names.get(&normalize_name(name)) else {
            return Err(PartError::Missing);
        };
        let damaged = |e: String| {
            PartError::Damaged(Error::Zip {
                part: Some(name.to_string()),
                detail: e,
            })
        };
        let f = self
            .zip
            .by_index_raw(i)
            .map_err(|e| damaged(e.to_string()))?;
        let (method, encrypted, size, compressed, crc) = (
            f.compression(),
            f.encrypted(),
            f.size(),
            f.compressed_size(),
            f.crc32(),
        );
        drop(f);
        let left = self.opts.max_total_size.saturating_sub(self.total);
        let cap = self.opts.max_part_size.min(left);
        let compressed = compressed.max(1);
        // Most bytes the ratio allows (the ratio is only checked above 1 MiB).
        let ratio_cap = compressed
            .saturating_mul(self.opts.max_compression_ratio)
            .max(1 << 20);
        let stop = cap.min(ratio_cap);
        let first = size.min(stop).min(64 << 20) as usize + 1;
        let whole = !encrypted
            && compressed <= WHOLE_ENTRY
            && matches!(
                method,
                zip::CompressionMethod::Deflated | zip::CompressionMethod::Stored
            );
        let out = if whole {
            let out = self
                .whole_entry(i, method, size, first, stop)
                .map_err(|e| damaged(e.to_string()))?;
            // A part cut at the limit fails below; its checksum cannot be right.
            if out.len() as u64 <= stop && crc32(&out) != crc {
                return Err(damaged("invalid checksum".to_string()));
            }
            out
        } else {
            let mut f = self.zip.by_index(i).map_err(|e| damaged(e.to_string()))?;
            let mut out = Vec::with_capacity(first);
            // Inflate at most one byte past the limit: a bomb is never inflated whole.
            if let Err(e) = (&mut f).take(stop.saturating_add(1)).read_to_end(&mut out) {
                return Err(damaged(e.to_string()));
            }
            out
        };
        let len = out.len() as u64;
        if len > stop {
            return Err(PartError::Fatal(if stop == ratio_cap && ratio_cap < cap {
                Error::LimitExceeded {
                    limit: Limit::CompressionRatio,
                    part: Some(name.to_string()),
                    value: len / compressed,
                    max: self.opts.max_compression_ratio,
                }
            } else if cap == self.opts.max_part_size {
                Error::LimitExceeded {
                    limit: Limit::PartSize,
                    part: Some(name.to_string()),
                    value: len,
                    max: self.opts.max_part_size,
                }
            } else {
                Error::LimitExceeded {
                    limit: Limit::TotalSize,
                    part: Some(name.to_string()),
                    value: self.total + len,
                    max: self.opts.max_total_size,
                }
            }));
        }
        self.total += out.len() as u64;
        Ok(out)
    }

    /// A stored or deflated entry read whole and inflated, into a list first sized `first`
    /// (the declared size `declared`, bounded) and grown up to one byte past `stop`.
    ///
    /// A deflated entry whose declared size is within `stop` is first inflated in one call
    /// into exactly that many bytes (libdeflate, about twice as fast as a streaming inflater).
    /// That result is kept only when the stream ends exactly there; any other outcome (a size
    /// that lies, damaged data) is inflated again by the package's streaming inflater, whose
    /// limits, errors and partial output are the reader's. Deflate is deterministic, so the
    /// two give the same bytes for every stream both accept, and the caller's checksum test
    /// applies to both.
    fn whole_entry(
        &mut self,
        i: usize,
        method: zip::CompressionMethod,
        declared: u64,
        first: usize,
        stop: u64,
    ) -> std::io::Result<Vec<u8>> {
        let mut f = self.zip.by_index_raw(i).map_err(std::io::Error::other)?;
        if method == zip::CompressionMethod::Stored {
            self.raw.clear();
            let limit = stop.saturating_add(1);
            self.raw.reserve(f.compressed_size().min(limit) as usize);
            (&mut f).take(limit).read_to_end(&mut self.raw)?;
            return Ok(std::mem::take(&mut self.raw));
        }
        // The compressed bytes, read into the reused buffer: its length is how much of it has
        // ever been written, so only a growth is zeroed, and `raw_len` is this entry's share.
        let want = f.compressed_size().min(WHOLE_ENTRY) as usize;
        if self.raw.len() < want {
            self.raw.resize(want, 0);
        }
        let mut raw_len = 0;
        while raw_len < want {
            match f.read(&mut self.raw[raw_len..want]) {
                Ok(0) => break,
                Ok(k) => raw_len += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        drop(f);
        let raw = &self.raw[..raw_len];
        let most = usize::try_from(stop.saturating_add(1)).unwrap_or(usize::MAX);
        // `first` is the declared size plus one when that is within every bound; a declared
        // size beyond what deflate can reach from these bytes is a lie not worth trying.
        let one_call = declared > 0
            && declared <= stop
            && declared < first as u64
            && declared <= (raw_len as u64).saturating_mul(DEFLATE_MAX_RATIO)
            && ONE_CALL.with(|c| c.get());
        if one_call {
            let need = first - 1;
            // A buffer given back: the smallest that holds the part and is at most four times
            // its size (a large buffer is left for a large part), else the largest smaller
            // one, grown. It keeps its length: bytes once written need no zeroing again.
            let pick = self
                .spare
                .iter()
                .enumerate()
                .filter(|(_, b)| b.capacity() / 4 <= need)
                .min_by_key(|(_, b)| match b.capacity() {
                    c if c >= need => (false, c),
                    c => (true, usize::MAX - c),
                })
                .map(|(k, _)| k);
            let mut out = pick.map_or_else(Vec::new, |k| self.spare.swap_remove(k));
            out.truncate(need);
            out.reserve_exact(need - out.len());
            out.resize(need, 0);
            let whole = self
                .whole
                .get_or_insert_with(libdeflater::Decompressor::new);
            if whole.deflate_decompress(raw, &mut out) == Ok(need) {
                return Ok(out);
            }
            if out.capacity() > 0 {
                self.spare.push(out);
            }
        }
        // The streaming inflater always starts from a new list of `first` bytes: the room it
        // is given decides where it stops, and on damaged data which error it reports, so that
        // room must not depend on the documents this thread read before.
        let d = self
            .inflater
            .get_or_insert_with(|| flate2::Decompress::new(false));
        d.reset(false);
        inflate_into(d, raw, Vec::with_capacity(first), most)
    }

    /// Takes back the buffer of a part read, for the parts read after it.
    pub fn give_back(&mut self, buf: Vec<u8>) {
        if buf.capacity() > 0 {
            self.spare.push(buf);
        }
    }

    /// The relationships of `part` (`""` = the package), empty when it has none. A damaged
    /// relationships part is reported through `Err`.
    pub fn rels(&mut self, part: &str) -> Result<Vec<Rel>> {
        let name = rels_name(part);
        let bytes = match self.part(&name) {
            Ok(b) => b,
            Err(PartError::Missing) => return Ok(Vec::new()),
            Err(PartError::Fatal(e) | PartError::Damaged(e)) => return Err(e),
        };
        let rels = parse_rels(&bytes, &name, part, self.opts.max_depth);
        self.give_back(bytes);
        rels
    }

    /// What kind of non-Word OOXML (or other zip) this is, if recognisable.
    pub fn other_kind(&self) -> Option<String> {
        for (p, what) in [
            ("xl/workbook.xml", "a spreadsheet"),
            ("ppt/presentation.xml", "a presentation"),
            ("visio/document.xml", "a Visio drawing"),
            ("content.xml", "an OpenDocument file"),
            ("mimetype", "an OpenDocument file"),
        ] {
            if self.has(p) {
                return Some(format!("{what} ({p})"));
            }
        }
        None
    }

    /// Part names in the package order.
    pub fn part_names(&self) -> Vec<String> {
        (0..self.zip.len())
            .filter_map(|i| self.zip.name_for_index(i).map(normalize_name))
            .collect()
    }
}

/// Inflates `raw` with the streaming inflater `d` (just reset) into `out` (empty), growing it up
/// to `most` bytes: a part longer than that is returned cut at `most`, for the caller's limit
/// check.
fn inflate_into(
    d: &mut flate2::Decompress,
    raw: &[u8],
    mut out: Vec<u8>,
    most: usize,
) -> std::io::Result<Vec<u8>> {
    loop {
        if out.len() == out.capacity() {
            if out.len() >= most {
                return Ok(out);
            }
            let more = out.len().max(32 << 10).min(most - out.len());
            out.reserve_exact(more);
        }
        let read = d.total_in() as usize;
        let input = raw.get(read..).unwrap_or_default();
        let written = out.len();
        let status = d
            .decompress_vec(input, &mut out, flate2::FlushDecompress::Finish)
            .map_err(std::io::Error::other)?;
        match status {
            flate2::Status::StreamEnd => return Ok(out),
            _ if d.total_in() as usize == read
                && out.len() == written
                && out.len() < out.capacity() =>
            {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "the compressed data ends before the deflate stream does",
                ));
            }
            _ => {}
        }
    }
}

/// The CRC-32 of `bytes` (the zip checksum).
fn crc32(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
}

/// Entries the zip reader cannot tell apart, from a direct look at the central directory: a name
/// listed twice (the zip reader keeps only the last), or an entry whose local header names
/// another file. Best effort: anything unreadable here is left to the zip reader.
fn conflicting_entries<R: Read + Seek>(r: &mut R, max_entries: usize) -> Vec<String> {
    let mut found = Vec::new();
    let Some((count, cd_size, cd_offset)) = end_record(r) else {
        return found;
    };
    if count > max_entries || cd_size > 64 << 20 || r.seek(SeekFrom::Start(cd_offset)).is_err() {
        return found;
    }
    let mut cd = Vec::new();
    if r.take(cd_size).read_to_end(&mut cd).is_err() {
        return found;
    }
    // Names seen so far: borrowed from the directory, or a Unicode path.
    let mut seen: std::collections::HashSet<std::borrow::Cow<'_, [u8]>> =
        std::collections::HashSet::new();
    let mut at = 0usize;
    let mut local_name = Vec::new();
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]) as usize;
    while at + 46 <= cd.len() && cd[at..].starts_with(b"PK\x01\x02") {
        let (n, extra, comment) = (
            u16_at(&cd, at + 28),
            u16_at(&cd, at + 30),
            u16_at(&cd, at + 32),
        );
        let local = u32::from_le_bytes([cd[at + 42], cd[at + 43], cd[at + 44], cd[at + 45]]);
        let Some(name) = cd.get(at + 46..at + 46 + n) else {
            break;
        };
        let shown = || String::from_utf8_lossy(name);
        // The Info-ZIP Unicode path (extra field 0x7075) names the entry for readers that use it.
        let extras = cd.get(at + 46 + n..at + 46 + n + extra).unwrap_or_default();
        let unicode = unicode_path(extras).filter(|u| u != name);
        let mut clash = (!seen.insert(std::borrow::Cow::Borrowed(name))).then_some(name);
        if let Some(u) = &unicode {
            if seen.contains(u.as_slice()) {
                clash = Some(u);
            }
        }
        if let Some(nm) = clash {
            found.push(format!(
                "entry {:?} and an earlier entry both go by {:?} (a name or a Unicode path): only one is read",
                shown(),
                String::from_utf8_lossy(nm)
            ));
        }
        if let Some(u) = unicode {
            seen.insert(std::borrow::Cow::Owned(u));
        }
        let mut head = [0u8; 30];
        local_name.clear();
        local_name.resize(n, 0);
        let same = r.seek(SeekFrom::Start(u64::from(local))).is_ok()
            && r.read_exact(&mut head).is_ok()
            && head.starts_with(b"PK\x03\x04")
            && u16_at(&head, 26) == n
            && r.read_exact(&mut local_name).is_ok();
        if same && local_name != name {
            found.push(format!(
                "entry {:?} is named {:?} in its local header",
                shown(),
                String::from_utf8_lossy(&local_name)
            ));
        }
        at += 46 + n + extra + comment;
    }
    found
}

/// The name in an Info-ZIP Unicode path extra field (id 0x7075: version, CRC-32, UTF-8 name).
fn unicode_path(mut extras: &[u8]) -> Option<Vec<u8>> {
    while extras.len() >= 4 {
        let id = u16::from_le_bytes([extras[0], extras[1]]);
        let size = u16::from_le_bytes([extras[2], extras[3]]) as usize;
        let data = extras.get(4..4 + size)?;
        if id == 0x7075 && size > 5 {
            return Some(data[5..].to_vec());
        }
        extras = &extras[4 + size..];
    }
    None
}

/// The end-of-central-directory record: (entries, directory size, directory offset); `None`
/// when there is none or the archive is ZIP64.
fn end_record<R: Read + Seek>(r: &mut R) -> Option<(usize, u64, u64)> {
    let len = r.seek(SeekFrom::End(0)).ok()?;
    let tail = len.min(22 + 0xFFFF);
    r.seek(SeekFrom::Start(len - tail)).ok()?;
    let mut buf = Vec::with_capacity(tail as usize);
    r.take(tail).read_to_end(&mut buf).ok()?;
    let at = buf.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let e = buf.get(at..at + 22)?;
    let count = u16::from_le_bytes([e[10], e[11]]);
    let size = u32::from_le_bytes([e[12], e[13], e[14], e[15]]);
    let offset = u32::from_le_bytes([e[16], e[17], e[18], e[19]]);
    (count != 0xFFFF && offset != u32::MAX).then_some((count as usize, size.into(), offset.into()))
}

fn read_up_to<R: Read>(r: &mut R, buf: &mut [u8]) -> Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(n)
}

/// Part names are compared case-insensitively, without a leading `/`, with `/` separators.
pub(crate) fn normalize_name(name: &str) -> String {
    name.trim_start_matches('/')
        .replace('\\', "/")
        .to_lowercase()
}

/// `word/document.xml` → `word/_rels/document.xml.rels`; `""` → `_rels/.rels`.
pub(crate) fn rels_name(part: &str) -> String {
    match part.rfind('/') {
        Some(i) => format!("{}/_rels/{}.rels", &part[..i], &part[i + 1..]),
        None if part.is_empty() => "_rels/.rels".to_string(),
        None => format!("_rels/{part}.rels"),
    }
}

/// Resolves a relationship target against the source part's folder.
pub(crate) fn resolve_target(source: &str, target: &str) -> String {
    let target = percent_decode(target);
    let mut segs: Vec<&str> = Vec::new();
    if !target.starts_with('/') {
        if let Some(i) = source.rfind('/') {
            segs.extend(source[..i].split('/'));
        }
    }
    for s in target.split('/') {
        match s {
            "" | "." => {}
            ".." => {
                segs.pop();
            }
            s => segs.push(s),
        }
    }
    segs.join("/")
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn parse_rels(bytes: &[u8], name: &str, source: &str, max_depth: usize) -> Result<Vec<Rel>> {
    let text = decode_part(bytes);
    let mut x = Xml::new(&text, name, max_depth);
    let mut out = Vec::new();
    loop {
        match x.next()? {
            Ev::Eof => break,
            Ev::Start(el) | Ev::Empty(el) if el.local() == b"Relationship" => {
                if !matches!(el.ns, Ns::Rels | Ns::None) {
                    continue;
                }
                // One pass over the attributes; the first of a name counts.
                let (mut id, mut ty, mut target, mut mode) = (None, None, None, None);
                x.each_attr(&el, Ns::None, |k, v| {
                    let slot = match k {
                        b"Id" => &mut id,
                        b"Type" => &mut ty,
                        b"Target" => &mut target,
                        b"TargetMode" => &mut mode,
                        _ => return,
                    };
                    if slot.is_none() {
                        *slot = Some(v);
                    }
                });
                let (Some(id), Some(ty), Some(target)) = (id, ty, target) else {
                    continue;
                };
                let (id, target) = (id.into_owned(), target.into_owned());
                let external = mode.is_some_and(|m| m == "External");
                let kind = ty.rsplit('/').next().unwrap_or("").to_string();
                let target = if external {
                    target
                } else {
                    resolve_target(source, &target)
                };
                out.push(Rel {
                    id,
                    kind,
                    target,
                    external,
                });
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Tells an encrypted OOXML from a legacy `.doc` by the stream names in the OLE directory.
fn ole_kind(bytes: &[u8]) -> OleKind {
    let sector = match bytes.get(0x1E..0x20) {
        Some(s) => 1usize << u16::from_le_bytes([s[0], s[1]]).min(16),
        None => 512,
    };
    let has = |name: &str| {
        let mut pat: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        pat.extend_from_slice(&[0, 0]);
        let len_field = ((name.len() + 1) * 2) as u16;
        let mut at = sector;
        while at + 128 <= bytes.len() {
            let e = &bytes[at..at + 128];
            if e.starts_with(&pat) && u16::from_le_bytes([e[64], e[65]]) == len_field {
                return true;
            }
            at += 128;
        }
        false
    };
    if has("EncryptedPackage") || has("EncryptionInfo") {
        OleKind::Encrypted
    } else if has("WordDocument") {
        OleKind::LegacyDoc
    } else {
        OleKind::Other
    }
}

/// A short description of what non-zip, non-OLE bytes look like.
pub(crate) fn looks_like(head: &[u8]) -> String {
    let s = |x: &str| x.to_string();
    if head.is_empty() {
        return s("an empty file");
    }
    if head.starts_with(b"%PDF") {
        return s("a PDF document");
    }
    if head.starts_with(b"\x89PNG") {
        return s("a PNG image");
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return s("a JPEG image");
    }
    if head.starts_with(b"GIF8") {
        return s("a GIF image");
    }
    if head.starts_with(b"{\\rtf") {
        return s("an RTF document");
    }
    if head.starts_with(b"Rar!") || head.starts_with(&[0x1F, 0x8B]) || head.starts_with(b"7z") {
        return s("another kind of archive");
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let lower: Vec<u8> = text
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(256)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let find = |p: &[u8]| lower.windows(p.len()).any(|w| w == p);
    if lower.starts_with(b"<!doctype html") || find(b"<html") {
        return s("an HTML page");
    }
    if lower.starts_with(b"<?xml") || lower.starts_with(b"<") {
        if find(b"pkg:package") {
            return s("a flat XML Word document (save it as .docx)");
        }
        if find(b"w:worddocument") || find(b"mso-application") {
            return s("a Word 2003 XML document (save it as .docx)");
        }
        return s("an XML file");
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return s("plain text (UTF-16)");
    }
    let printable = head
        .iter()
        .filter(|&&b| b >= 0x20 || b == b'\n' || b == b'\r' || b == b'\t')
        .count();
    if printable * 100 >= head.len() * 95 {
        return s("plain text");
    }
    s("binary data of an unknown kind")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve() {
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
        assert_eq!(
            resolve_target("", "/word/document2.xml"),
            "word/document2.xml"
        );
        assert_eq!(
            resolve_target("word/document.xml", "styles.xml"),
            "word/styles.xml"
        );
        assert_eq!(
            resolve_target("word/document.xml", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(
            resolve_target("word/document.xml", "a%20b.xml"),
            "word/a b.xml"
        );
        assert_eq!(
            rels_name("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
        assert_eq!(rels_name(""), "_rels/.rels");
    }
}

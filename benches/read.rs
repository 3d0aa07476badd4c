//! The DOCX read stage against a baseline: inflating the parts the reader reads
//! (`document.xml`, `styles.xml`, `numbering.xml`) and running a bare quick-xml event loop over
//! them. Throughput is the inflated size of those parts.

use std::hint::black_box;
use std::io::{Cursor, Read, Write};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quick_xml::events::Event;
use quick_xml::Reader;

const PARTS: [&str; 3] = ["word/document.xml", "word/styles.xml", "word/numbering.xml"];

fn sample(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples")
        .join(name);
    std::fs::read(p).expect("sample docx")
}

/// The sample with its body content repeated `times` times.
fn repeated(docx: &[u8], times: usize) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "word/document.xml" {
            let s = String::from_utf8(data).unwrap();
            let start = s.find("<w:body>").unwrap() + "<w:body>".len();
            let end = s
                .rfind("<w:sectPr")
                .unwrap_or_else(|| s.rfind("</w:body>").unwrap());
            let body = &s[start..end];
            let mut big = String::with_capacity(s.len() * times);
            big.push_str(&s[..start]);
            for _ in 0..times {
                big.push_str(body);
            }
            big.push_str(&s[end..]);
            data = big.into_bytes();
        }
        out.start_file(name, opts).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Inflates the parts the reader reads and counts their XML events.
fn baseline(docx: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut events = 0;
    let mut buf = Vec::new();
    let mut data = Vec::new();
    for p in PARTS {
        let Ok(mut f) = zip.by_name(p) else { continue };
        data.clear();
        f.read_to_end(&mut data).unwrap();
        let mut r = Reader::from_reader(&data[..]);
        loop {
            buf.clear();
            match r.read_event_into(&mut buf).unwrap() {
                Event::Eof => break,
                _ => events += 1,
            }
        }
    }
    events
}

fn inflated_size(docx: &[u8]) -> u64 {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    PARTS
        .iter()
        .filter_map(|p| zip.by_name(p).ok().map(|f| f.size()))
        .sum()
}

fn bench(c: &mut Criterion) {
    let wordlike = sample("ningbo2018_wordlike.docx");
    let plain = sample("ningbo2018_plain.docx");
    let large = repeated(&wordlike, 100);
    let opts = xxgk::docx::ReadOptions::default();
    let mut g = c.benchmark_group("read");
    for (name, docx) in [
        ("wordlike", &wordlike),
        ("plain", &plain),
        ("large100x", &large),
    ] {
        g.throughput(Throughput::Bytes(inflated_size(docx)));
        g.bench_function(format!("{name}/read"), |b| {
            b.iter(|| xxgk::docx::read(black_box(docx), &opts).unwrap())
        });
        g.bench_function(format!("{name}/baseline"), |b| {
            b.iter(|| baseline(black_box(docx)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

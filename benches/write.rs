//! Writing DOCX: the Ningbo report and a 100× report (100 copies of its sections and rows),
//! against a baseline in the same group: the same document.xml text built by hand (plain string
//! pushes, no schema care) and deflated into a one-entry zip — the least any writer must do.
//!
//! A third line deflates the writer's own document.xml alone, to show how much of the writer's
//! time is compressing its (larger) markup.
//!
//! `cargo bench --bench write`

#[path = "../tests/tools/truth.rs"]
mod truth;

use std::hint::black_box;
use std::io::{Cursor, Write};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use xxgk::model::Section;
use xxgk::Report;

fn push_p(s: &mut String, text: &str) {
    s.push_str("<w:p><w:r><w:t>");
    for c in text.chars() {
        match c {
            '<' => s.push_str("&lt;"),
            '&' => s.push_str("&amp;"),
            c => s.push(c),
        }
    }
    s.push_str("</w:t></w:r></w:p>");
}

/// The bare minimum: every paragraph and cell of the report as text, deflated.
fn bare(report: &Report) -> Vec<u8> {
    let mut s = String::with_capacity(1 << 16);
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
    push_p(&mut s, &report.title);
    for p in &report.intro {
        push_p(&mut s, p);
    }
    let mut stack: Vec<&Section> = report.sections.iter().rev().collect();
    while let Some(sec) = stack.pop() {
        push_p(&mut s, &format!("{}{}", sec.number, sec.heading));
        for p in &sec.paragraphs {
            push_p(&mut s, p);
        }
        stack.extend(sec.children.iter().rev());
    }
    for t in &report.tables {
        s.push_str("<w:tbl>");
        for r in &t.rows {
            s.push_str("<w:tr>");
            for cell in [r.label.as_str(), r.unit.as_str(), r.value.text.as_str()] {
                s.push_str("<w:tc>");
                push_p(&mut s, cell);
                s.push_str("</w:tc>");
            }
            s.push_str("</w:tr>");
        }
        s.push_str("</w:tbl>");
    }
    s.push_str("</w:body></w:document>");
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(s.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn write(report: &Report) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    xxgk::docx::write(report, &mut out).unwrap();
    out.into_inner()
}

/// The writer's own document.xml, deflated alone: what its markup costs to compress.
fn document_xml(report: &Report) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(write(report))).unwrap();
    let mut s = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("word/document.xml").unwrap(), &mut s).unwrap();
    s
}

fn deflate_only(xml: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(xml).unwrap();
    zip.finish().unwrap().into_inner()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("write");
    for (name, report) in [
        ("ningbo", truth::ningbo()),
        ("ningbo_x100", truth::ningbo_times(100)),
    ] {
        group.throughput(Throughput::Bytes(write(&report).len() as u64));
        group.bench_with_input(BenchmarkId::new("docx_write", name), &report, |b, r| {
            b.iter(|| black_box(write(r)))
        });
        group.bench_with_input(
            BenchmarkId::new("bare_document_xml", name),
            &report,
            |b, r| b.iter(|| black_box(bare(r))),
        );
        let xml = document_xml(&report);
        group.bench_with_input(
            BenchmarkId::new("deflate_writer_document_xml", name),
            &xml,
            |b, x| b.iter(|| black_box(deflate_only(x))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

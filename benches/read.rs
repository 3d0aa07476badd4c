//! The DOCX read stage against a baseline: inflating the parts the reader reads
//! (`document.xml`, `styles.xml`, `numbering.xml`) and running a bare quick-xml event loop over
//! them. Throughput is the inflated size of those parts.
//!
//!     cargo bench --bench read

mod common;

use std::hint::black_box;

use common::{baseline, inflated_size, repeat_body as repeated, sample};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

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

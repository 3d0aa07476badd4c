//! Whole-pipeline benches (one group per stage after reading, and end to end), each beside the
//! bare baseline in the same group: read + recognize + validate must cost at most 1.5× the
//! baseline (inflate the parts read + a bare quick-xml loop), on one report and on a 100× report.
//!
//!     cargo bench --bench pipeline

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn end_to_end(c: &mut Criterion) {
    let sample = common::sample("ningbo2018_wordlike.docx");
    let big = common::repeat_body(&sample, 100);
    let opts = xxgk::Options::default();
    let mut g = c.benchmark_group("end_to_end");
    for (name, bytes) in [("sample", &sample), ("100x", &big)] {
        g.throughput(Throughput::Bytes(common::inflated_size(bytes)));
        g.bench_with_input(BenchmarkId::new("baseline", name), bytes, |b, d| {
            b.iter(|| common::baseline(black_box(d)))
        });
        g.bench_with_input(
            BenchmarkId::new("read_recognize_validate", name),
            bytes,
            |b, d| {
                b.iter(|| xxgk::inspect_bytes(black_box(d), Some("x.docx"), &opts).expect("reads"))
            },
        );
    }
    g.finish();
}

fn stages(c: &mut Criterion) {
    let sample = common::sample("ningbo2018_wordlike.docx");
    let big = common::repeat_body(&sample, 100);
    let mut g = c.benchmark_group("stages");
    for (name, bytes) in [("sample", &sample), ("100x", &big)] {
        let doc = xxgk::docx::read(bytes, &Default::default()).expect("reads");
        let report = xxgk::recognize(&doc);
        g.throughput(Throughput::Bytes(common::inflated_size(bytes)));
        g.bench_with_input(BenchmarkId::new("recognize", name), &doc, |b, d| {
            b.iter(|| xxgk::recognize(black_box(d)))
        });
        g.bench_with_input(BenchmarkId::new("validate", name), &report, |b, r| {
            b.iter(|| xxgk::validate(black_box(r)))
        });
    }
    g.finish();
}

criterion_group!(benches, end_to_end, stages);
criterion_main!(benches);

//! The DOCX pipeline stage by stage, each beside the bare baseline in the same run, on the
//! samples and on a 100× report (the wordlike sample's body repeated 100 times):
//!
//! | group | measured | baseline beside it |
//! | --- | --- | --- |
//! | `package` | — | open the zip, inflate document/styles/numbering |
//! | `body` | `docx::read` (package + styles + numbering + body tree) | inflate + bare quick-xml loop |
//! | `recognize` | `recognize` on the tree | — |
//! | `validate` | `validate` on the report | — |
//! | `end_to_end` | `inspect_bytes` (read + recognize + validate) | inflate + bare quick-xml loop |
//! | `batch` | 16 reports one after the other (`inspect_bytes`), per report | the baseline 16 times |
//!
//! Throughput is the inflated size of the parts read (bytes) or reports (elements). Text
//! reading is in `benches/text.rs`, writing in `benches/write.rs`. Goal: `end_to_end` at most
//! 1.5× `baseline` (docs/performance.md).
//!
//!     cargo bench --bench pipeline

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

fn timing(g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
}

fn package(c: &mut Criterion) {
    let mut g = c.benchmark_group("package");
    timing(&mut g);
    for (name, bytes) in common::docx_inputs() {
        g.throughput(Throughput::Bytes(common::inflated_size(&bytes)));
        g.bench_with_input(
            BenchmarkId::new("baseline_inflate", &name),
            &bytes,
            |b, d| b.iter(|| common::inflate(black_box(d))),
        );
    }
    g.finish();
}

fn body(c: &mut Criterion) {
    let mut g = c.benchmark_group("body");
    timing(&mut g);
    let opts = xxgk::docx::ReadOptions::default();
    for (name, bytes) in common::docx_inputs() {
        g.throughput(Throughput::Bytes(common::inflated_size(&bytes)));
        g.bench_with_input(BenchmarkId::new("baseline", &name), &bytes, |b, d| {
            b.iter(|| common::baseline(black_box(d)))
        });
        g.bench_with_input(BenchmarkId::new("docx_read", &name), &bytes, |b, d| {
            b.iter(|| xxgk::docx::read(black_box(d), &opts).expect("reads"))
        });
    }
    g.finish();
}

fn recognize_validate(c: &mut Criterion) {
    let inputs: Vec<_> = common::docx_inputs()
        .into_iter()
        .map(|(name, bytes)| {
            let doc = xxgk::docx::read(&bytes, &Default::default()).expect("reads");
            let report = xxgk::recognize(&doc);
            (name, common::inflated_size(&bytes), doc, report)
        })
        .collect();
    let mut g = c.benchmark_group("recognize");
    timing(&mut g);
    for (name, size, doc, _) in &inputs {
        g.throughput(Throughput::Bytes(*size));
        g.bench_with_input(BenchmarkId::new("recognize", name), doc, |b, d| {
            b.iter(|| xxgk::recognize(black_box(d)))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("validate");
    timing(&mut g);
    for (name, size, _, report) in &inputs {
        g.throughput(Throughput::Bytes(*size));
        g.bench_with_input(BenchmarkId::new("validate", name), report, |b, r| {
            b.iter(|| xxgk::validate(black_box(r)))
        });
    }
    g.finish();
}

fn end_to_end(c: &mut Criterion) {
    let opts = xxgk::Options::default();
    let mut g = c.benchmark_group("end_to_end");
    timing(&mut g);
    for (name, bytes) in common::docx_inputs() {
        g.throughput(Throughput::Bytes(common::inflated_size(&bytes)));
        g.bench_with_input(BenchmarkId::new("baseline", &name), &bytes, |b, d| {
            b.iter(|| common::baseline(black_box(d)))
        });
        g.bench_with_input(
            BenchmarkId::new("read_recognize_validate", &name),
            &bytes,
            |b, d| {
                b.iter(|| xxgk::inspect_bytes(black_box(d), Some("x.docx"), &opts).expect("reads"))
            },
        );
    }
    g.finish();
}

fn batch(c: &mut Criterion) {
    const N: usize = 16;
    let opts = xxgk::Options::default();
    let inputs = common::docx_inputs();
    let reports: Vec<&Vec<u8>> = inputs[..common::DOCX_SAMPLES.len()]
        .iter()
        .map(|(_, b)| b)
        .cycle()
        .take(N)
        .collect();
    let mut g = c.benchmark_group("batch");
    timing(&mut g);
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("baseline", |b| {
        b.iter(|| {
            reports
                .iter()
                .map(|d| common::baseline(black_box(d)))
                .sum::<usize>()
        })
    });
    g.bench_function("read_recognize_validate", |b| {
        b.iter(|| {
            reports
                .iter()
                .map(|d| {
                    xxgk::inspect_bytes(black_box(d), Some("x.docx"), &opts)
                        .map(|r| r.diagnostics.len())
                        .unwrap_or(0)
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(
    benches,
    package,
    body,
    recognize_validate,
    end_to_end,
    batch
);
criterion_main!(benches);

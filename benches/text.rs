//! Text-dump reading (decode + layout) in MB/s: the published sample in UTF-8 and GBK, a ~1 MB
//! dump (the sample 85 times) in UTF-8, GBK and UTF-16LE, and a pathological line of unclosed
//! markers. Also the dump view (`to_text`) of the 1 MB tree.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use xxgk::txt::{read, TextOptions};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/samples/ningbo2018_utf8.txt"
);
const SAMPLE_GBK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/samples/ningbo2018_gbk.txt"
);

/// The sample 85 times, bookmark names made unique, each copy closing its table.
fn big_dump(sample: &str) -> String {
    let one = sample.strip_suffix(' ').unwrap_or(sample);
    (0..85)
        .map(|k| one.replace("[bookmark: _", &format!("[bookmark: _k{k}")) + "\n\n")
        .collect()
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

fn bench_read(c: &mut Criterion) {
    let sample = std::fs::read_to_string(SAMPLE).expect("sample");
    let big = big_dump(&sample);
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("sample_utf8", sample.clone().into_bytes()),
        ("sample_gbk", std::fs::read(SAMPLE_GBK).expect("gbk sample")),
        ("1mb_utf8", big.clone().into_bytes()),
        ("1mb_gbk", encoding_rs::GBK.encode(&big).0.into_owned()),
        ("1mb_utf16le", utf16le(&big)),
        (
            "1mb_unclosed_markers",
            "[bookmark: [".repeat(85_000).into_bytes(),
        ),
    ];
    let opts = TextOptions::default();
    let mut group = c.benchmark_group("txt_read");
    for (name, bytes) in &inputs {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| read(black_box(bytes), &opts).expect("reads"))
        });
    }
    group.finish();

    let doc = read(big.as_bytes(), &opts).expect("reads");
    let mut group = c.benchmark_group("txt_dump");
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("1mb_to_text", |b| {
        b.iter(|| xxgk::document::dump::to_text(black_box(&doc)))
    });
    group.finish();
}

criterion_group!(benches, bench_read);
criterion_main!(benches);

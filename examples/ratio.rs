//! Interleaved timing of the bare baseline, the reader alone, and read + recognize + validate on
//! one sample (or its body repeated N times): each round runs the three once, in turn, so load
//! changes on a shared machine hit all three alike. Prints the medians and their ratios, then
//! two steadier estimates: the median of each round's own ratio, and the ratio of the fastest
//! runs (the least disturbed).
//!
//!     cargo run --release --example ratio -- ningbo2018_wordlike.docx 1 400

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Instant;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let input = common::example_input(300);
    let (name, times, rounds, bytes) =
        (input.name.as_str(), input.times, input.iters, &input.bytes);
    let opts = xxgk::Options::default();
    let read_opts = xxgk::docx::ReadOptions::default();
    let (mut base, mut read, mut pipe) = (Vec::new(), Vec::new(), Vec::new());
    let mut rec = Vec::new();
    let doc = xxgk::docx::read(bytes, &read_opts).expect("sample reads");
    for _ in 0..rounds {
        let t = Instant::now();
        black_box(common::baseline(black_box(bytes)));
        base.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        black_box(
            xxgk::docx::read(black_box(bytes), &read_opts)
                .map(|d| d.body.len())
                .ok(),
        );
        read.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let r = xxgk::inspect_bytes(black_box(bytes), Some(name), &opts);
        black_box(r.map(|r| r.diagnostics.len()).ok());
        pipe.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        black_box(xxgk::recognize::recognize(black_box(&doc)).tables.len());
        rec.push(t.elapsed().as_secs_f64());
    }
    let per_round = |v: &[f64]| {
        let mut q: Vec<f64> = v.iter().zip(&base).map(|(x, b)| x / b).collect();
        median(&mut q)
    };
    let fastest = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let (rr, rp) = (per_round(&read), per_round(&pipe));
    let (fb, fr, fp) = (fastest(&base), fastest(&read), fastest(&pipe));
    let (b, r, p) = (median(&mut base), median(&mut read), median(&mut pipe));
    let rc = median(&mut rec);
    println!(
        "{name} ×{times}: baseline {:.1} µs, read {:.1} µs ({:.2}×), read+recognize+validate {:.1} µs ({:.2}×); recognize alone {:.1} µs; per-round ratios read {rr:.2}× pipeline {rp:.2}×; fastest runs read {:.2}× pipeline {:.2}×",
        b * 1e6,
        r * 1e6,
        r / b,
        p * 1e6,
        p / b,
        rc * 1e6,
        fr / fb,
        fp / fb
    );
}

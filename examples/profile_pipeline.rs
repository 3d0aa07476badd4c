//! A sample report (or its body repeated N times) → the bare baseline and the read + recognize +
//! validate pipeline run a number of times each, for instruction-count profiling:
//!
//!     cargo build --release --example profile_pipeline
//!     valgrind --tool=callgrind target/release/examples/profile_pipeline ningbo2018_wordlike.docx 1 20
//!     callgrind_annotate --inclusive=yes callgrind.out.<pid>
//!
//! Arguments: sample file name in ../shared/samples, body repetitions (1 = the sample as it
//! is), iterations, and optionally `baseline` or `pipeline` to run only one of the two, `read`
//! to run only the DOCX reader, or `recognize` to read once and recognize the tree `iterations`
//! times.

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;

fn main() {
    let input = common::example_input(10);
    let (name, iters, bytes) = (input.name.as_str(), input.iters, &input.bytes);
    let only = input.mode.as_deref();
    let opts = xxgk::Options::default();
    if only == Some("recognize") {
        let doc = xxgk::docx::read(bytes, &xxgk::docx::ReadOptions::default()).expect("reads");
        for _ in 0..iters {
            black_box(xxgk::recognize::recognize(black_box(&doc)).tables.len());
        }
        return;
    }
    if only == Some("read") {
        for _ in 0..iters {
            let doc = xxgk::docx::read(black_box(bytes), &xxgk::docx::ReadOptions::default());
            black_box(doc.map(|d| d.body.len()).unwrap_or(0));
        }
        return;
    }
    if only != Some("pipeline") {
        for _ in 0..iters {
            black_box(common::baseline(black_box(bytes)));
        }
    }
    if only != Some("baseline") {
        for _ in 0..iters {
            let report = xxgk::inspect_bytes(black_box(bytes), Some(name), &opts);
            black_box(report.map(|r| r.diagnostics.len()).unwrap_or(0));
        }
    }
}

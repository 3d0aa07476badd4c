//! The text-dump reader on raw bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = xxgk::txt::read(data, &xxgk::txt::TextOptions::default());
});

//! The DOCX reader on raw bytes: any input ends in a tree or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = xxgk::docx::read(data, &xxgk::docx::ReadOptions::default());
});

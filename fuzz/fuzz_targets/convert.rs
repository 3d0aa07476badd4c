//! The whole convert path: read (DOCX or text) → recognize → validate → write DOCX.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = xxgk::inspect_bytes(data, None, &xxgk::Options::default()) {
        let mut out = std::io::Cursor::new(Vec::new());
        let _ = xxgk::docx::write(&report, &mut out);
    }
});

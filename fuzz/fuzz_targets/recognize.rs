//! The recognizer and validator on whatever tree the text reader makes of fuzzed bytes (the text
//! layout reaches every tree shape the recognizer handles: paragraphs, tables, multi-line cells).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = xxgk::txt::read(data, &xxgk::txt::TextOptions::default()) {
        let report = xxgk::recognize(&doc);
        let _ = xxgk::validate(&report);
    }
});

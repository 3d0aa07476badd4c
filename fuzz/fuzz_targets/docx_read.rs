//! The DOCX reader on raw bytes: any input ends in a tree or an error, never a panic.
//! Differential too: the input is read with and without the one-call inflater, and any
//! difference in the tree, the diagnostics or the error is a finding.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = xxgk::docx::ReadOptions::default();
    let one = xxgk::docx::read(data, &opts);
    let streamed = xxgk::docx::without_one_call_inflate(|| xxgk::docx::read(data, &opts));
    match (&one, &streamed) {
        (Ok(a), Ok(b)) => assert!(a == b, "the one-call inflater changed the tree"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        _ => panic!("the one-call inflater changed the outcome: {} / {}", one.is_ok(), streamed.is_ok()),
    }
});

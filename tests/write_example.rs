//! The `convert_legacy` example: run with no arguments it writes `ningbo2018.docx` in the
//! current directory; with a file argument, `<stem>.docx`.

use std::process::Command;

#[test]
fn example_converts_the_built_in_sample_atomically() {
    let dir = std::env::temp_dir().join(format!("xxgk-example-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let out = Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--example",
            "convert_legacy",
            "--manifest-path",
            manifest,
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The text reader and recognizer may not be built yet: then the example must fail cleanly,
    // naming the problem, and leave no file behind.
    if out.status.success() {
        let docx = dir.join("ningbo2018.docx");
        let bytes = std::fs::read(&docx).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        assert!(
            stdout.contains("ningbo2018.docx") && stdout.contains("sections"),
            "{stdout}"
        );
    } else {
        assert!(stderr.contains("error:"), "{stderr}");
        assert!(!dir.join("ningbo2018.docx").exists());
    }
    assert!(!dir.join("ningbo2018.docx.tmp").exists());
}

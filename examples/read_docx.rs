//! Reads DOCX files and prints a summary (for timing and inspection).
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        let t = std::time::Instant::now();
        match xxgk::docx::read(&bytes, &Default::default()) {
            Ok(d) => println!(
                "{path}: {} paragraphs, {} stories, {} bookmarks, {} diagnostics in {:?}",
                d.paragraphs().len(),
                d.stories.len(),
                d.bookmarks.len(),
                d.diagnostics.len(),
                t.elapsed()
            ),
            Err(e) => println!("{path}: error {e} in {:?}", t.elapsed()),
        }
    }
}

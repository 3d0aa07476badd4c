//! [`Document`] → plain-text dump in the Apache Tika layout (the `xxgk text` view). (Being written.)

use super::Document;

/// Renders the document as a Tika-style text dump.
pub fn to_text(doc: &Document) -> String {
    let _ = doc;
    String::new()
}

//! DOCX in and out: [`read`] a WordprocessingML package into a [`crate::Document`];
//! [`write`] a [`crate::Report`] as a conforming DOCX.

mod reader;
mod writer;

#[doc(hidden)]
pub use reader::without_plain_runs;
pub use reader::{read, read_from, ReadOptions};
pub use writer::{write, write_with, WriteOptions};

//! DOCX in and out: [`read`] a WordprocessingML package into a [`crate::Document`];
//! [`write`] a [`crate::Report`] as a conforming DOCX.

mod reader;
mod writer;

pub use reader::{read, read_from, ReadOptions};
#[doc(hidden)]
pub use reader::{without_one_call_inflate, without_plain_runs};
pub use writer::{write, write_with, WriteOptions};

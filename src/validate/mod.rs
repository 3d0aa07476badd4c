//! [`Report`] → consistency findings. (Being written.)

use crate::diagnostic::Diagnostic;
use crate::model::Report;

/// Checks a report against the official and arithmetic rules. Never fails.
pub fn validate(report: &Report) -> Vec<Diagnostic> {
    let _ = report;
    Vec::new()
}

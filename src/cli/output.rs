//! Safe output files: never overwrite the input, never replace without `--force`, never leave a
//! partial file (write a temporary file beside the target, then rename).

use std::fs::File;
use std::io::{BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

use xxgk::Error;

/// Refuses an output that is the input, or that exists when `force` is not given.
pub(crate) fn check_target(input: &Path, output: &Path, force: bool) -> Result<(), Error> {
    if same_file(input, output) {
        return Err(Error::Unsupported {
            detail: format!(
                "output {} is the input file; choose another name",
                output.display()
            ),
        });
    }
    if output.exists() && !force {
        return Err(Error::Unsupported {
            detail: format!(
                "output {} exists; use --force to replace it",
                output.display()
            ),
        });
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = format!(".{name}.{}.tmp", std::process::id());
    target.with_file_name(tmp)
}

/// Writes through `f` into a temporary file beside `target`, then renames it over `target`.
/// On any failure the temporary file is removed and `target` is untouched.
pub(crate) fn write_atomically<T, F>(target: &Path, f: F) -> Result<T, Error>
where
    F: FnOnce(&mut BufWriter<File>) -> Result<T, Error>,
{
    if let Some(dir) = target.parent() {
        if !dir.as_os_str().is_empty() && !dir.exists() {
            std::fs::create_dir_all(dir).map_err(|e| Error::from(e).in_file(dir))?;
        }
    }
    let tmp = temp_path(target);
    let result = (|| {
        let file = File::create(&tmp)?;
        let mut w = BufWriter::new(file);
        let value = f(&mut w)?;
        w.flush()?;
        w.rewind()?;
        let file = w.into_inner().map_err(|e| Error::Io(e.into_error()))?;
        file.sync_all()?;
        std::fs::rename(&tmp, target)?;
        Ok(value)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e: Error| e.in_file(target))
}

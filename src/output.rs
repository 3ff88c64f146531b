//! Writing command output to a file atomically (a temporary file in the same directory, renamed
//! into place), so an error never leaves a partial file under the target name.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes what `fill` produces to `path` atomically.
pub fn write_atomic(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(Error::Usage(format!(
            "{} is a directory; give a file name",
            path.display()
        )));
    }
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io("create a file in", dir, e))?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut w)?;
        w.flush().map_err(|e| Error::io("write", path, e))?;
    }
    // A temporary file is private (0600); the output is an ordinary file, like one the shell
    // would create, unless it replaces a file whose permissions we keep.
    let perms = match std::fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => ordinary_permissions(),
    };
    tmp.as_file()
        .set_permissions(perms)
        .map_err(|e| Error::io("write", path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io("write", path, e))?;
    tmp.persist(path)
        .map_err(|e| Error::io("write", path, e.error))?;
    Ok(())
}

#[cfg(unix)]
fn ordinary_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn ordinary_permissions() -> std::fs::Permissions {
    std::fs::metadata(".")
        .map(|m| m.permissions())
        .unwrap_or_else(|_| unreachable!())
}

/// Writes to the file when one is given, else to standard output.
pub fn write_to(
    path: Option<&Path>,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    match path {
        Some(p) => write_atomic(p, fill),
        None => {
            let mut out = std::io::stdout().lock();
            fill(&mut out)?;
            out.flush()
                .map_err(|e| Error::io("write to", "standard output", e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        let r = write_atomic(&target, |w| {
            w.write_all(b"half").unwrap();
            Err(Error::Usage("stop".into()))
        });
        assert!(r.is_err());
        assert!(!target.exists());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "no temp file left"
        );
    }

    #[test]
    fn a_good_write_replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        std::fs::write(&target, "old").unwrap();
        write_atomic(&target, |w| {
            w.write_all(b"new").map_err(|e| Error::io("write", "x", e))
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.html");
        write_atomic(&target, |w| {
            w.write_all(b"x").map_err(|e| Error::io("write", "x", e))
        })
        .unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}

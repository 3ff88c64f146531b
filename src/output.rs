//! Writing command output: to standard output, or to the file named with `-o`.
//!
//! A regular file (or a new one) is written atomically: a temporary file in the same directory,
//! renamed into place once complete, so an error never leaves a partial file under the target
//! name. What `-o` names is looked at first, so that the atomic replace never swaps out
//! something that is not a file:
//! - a symbolic link is followed (as the shell's `>` would) and the file it names is replaced,
//!   so the link stays a link;
//! - a FIFO or a character device (`/dev/null`, a terminal) is opened and written directly;
//! - a directory, a block device or a socket is refused with a message.
//!
//! Text for a terminal (standard output when it is one, or a terminal device named with
//! `-o`) goes through [`crate::sanitize::Inert`]: exported decks and progress hold text from
//! untrusted files. Files and pipes get the exact bytes.

use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::sanitize::Inert;

/// Symbolic links followed before giving up, as the kernel's own limit (ELOOP).
const MAX_LINKS: usize = 40;

/// Where the bytes for a path go.
#[derive(Debug, PartialEq)]
enum Target {
    /// A regular file, existing or not: replaced atomically.
    Replace(PathBuf),
    /// A FIFO or a character device: written in place.
    Direct(PathBuf),
}

/// What `path` names once symbolic links are followed.
fn target(path: &Path) -> Result<Target> {
    let path = follow_links(path)?;
    let meta = match fs::metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Target::Replace(path)),
        Err(e) => return Err(Error::io("look at", &path, e)),
    };
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(Target::Replace(path));
    }
    if kind.is_dir() {
        return Err(Error::Usage(format!(
            "{} is a directory; give a file name",
            path.display()
        )));
    }
    match special_kind(&kind) {
        Special::Stream => Ok(Target::Direct(path)),
        Special::Refused(what) => Err(Error::Usage(format!(
            "{} is {what}, not a file; recall writes output only to files, FIFOs and \
             character devices (such as /dev/null or a terminal)",
            path.display()
        ))),
    }
}

enum Special {
    /// A FIFO or a character device: written in place.
    Stream,
    /// Anything else that is not a file, with its name.
    Refused(&'static str),
}

#[cfg(unix)]
fn special_kind(kind: &fs::FileType) -> Special {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() || kind.is_char_device() {
        Special::Stream
    } else if kind.is_block_device() {
        Special::Refused("a block device")
    } else if kind.is_socket() {
        Special::Refused("a socket")
    } else {
        Special::Refused("not a regular file")
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::FileType) -> Special {
    Special::Refused("not a regular file")
}

/// `path` with every symbolic link along the chain at its end replaced by what it names (a
/// relative link is read from the link's own directory); a link to nothing gives the path
/// of the file to create.
fn follow_links(path: &Path) -> Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&path).map_err(|e| Error::io("read the link", &path, e))?;
                path = match path.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(Error::Usage(format!(
        "{} is a chain of more than {MAX_LINKS} symbolic links; give the file itself",
        path.display()
    )))
}

/// Refuses an output path that names one of recall's own files in its data directory `data`
/// (the progress database and its companions, the session lock, the caches), directly or
/// through symbolic links: `export progress -o DATA/progress.sqlite3` would replace every
/// learner's progress with a CSV file. Decks kept in `DATA/decks` are fine.
pub fn refuse_own_file(path: &Path, data: &Path) -> Result<()> {
    let target = follow_links(path)?;
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return Ok(());
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    // A folder that does not exist holds nothing of recall's (the write fails later, with
    // its own message).
    let (Ok(dir), Ok(data)) = (fs::canonicalize(dir), fs::canonicalize(data)) else {
        return Ok(());
    };
    if own_file(&dir, &name.to_string_lossy(), &data) {
        let through = match target == path {
            true => String::new(),
            false => format!(" (through the link to {})", target.display()),
        };
        return Err(Error::Usage(format!(
            "{}{through} is one of recall's own files in its data directory {}; write the \
             output somewhere else",
            path.display(),
            data.display()
        )));
    }
    Ok(())
}

/// Whether the file `name` in the folder `dir` is recall's own in the data directory `data`
/// (both folders canonical).
fn own_file(dir: &Path, name: &str, data: &Path) -> bool {
    use crate::store::{CACHE_DIR, DATABASE_FILE, LOCK_FILE};
    let in_data =
        dir == data && (name.starts_with(DATABASE_FILE) || name == LOCK_FILE || name == CACHE_DIR);
    in_data || dir.starts_with(data.join(CACHE_DIR))
}

/// Writes what `fill` produces to `path`: atomically for a regular file, directly to a FIFO
/// or a character device, following symbolic links (see the module's documentation).
pub fn write_atomic(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    match target(path)? {
        Target::Replace(file) => replace(&file, fill),
        Target::Direct(file) => direct(&file, fill),
    }
}

/// Writes a regular file through a temporary file renamed into place.
fn replace(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "cannot write {}: the folder {} does not exist; create it first or give another \
             path",
            path.display(),
            dir.display()
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
    // would create, unless it replaces a file whose permissions (and owner) we keep.
    let old = fs::metadata(path).ok();
    let perms = match &old {
        Some(m) => m.permissions(),
        None => ordinary_permissions(),
    };
    tmp.as_file()
        .set_permissions(perms)
        .map_err(|e| Error::io("write", path, e))?;
    if let Some(m) = &old {
        keep_owner(tmp.as_file(), m);
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io("write", path, e))?;
    tmp.persist(path)
        .map_err(|e| Error::io("write", path, e.error))?;
    Ok(())
}

/// Writes to a FIFO or a character device in place; a terminal gets inert text.
fn direct(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let file = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| Error::io("write", path, e))?;
    if file.is_terminal() {
        let mut w = Inert::new(std::io::BufWriter::new(file));
        fill(&mut w)?;
        w.finish()
            .and_then(|mut b| b.flush())
            .map_err(|e| Error::io("write", path, e))
    } else {
        let mut w = std::io::BufWriter::new(file);
        fill(&mut w)?;
        w.flush().map_err(|e| Error::io("write", path, e))
    }
}

#[cfg(unix)]
fn ordinary_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn ordinary_permissions() -> fs::Permissions {
    fs::metadata(".")
        .map(|m| m.permissions())
        .unwrap_or_else(|_| unreachable!())
}

/// A replaced file keeps its owner where this process may give it (as root); elsewhere the
/// new file belongs to whoever wrote it, as with any program that saves by renaming.
#[cfg(unix)]
fn keep_owner(file: &fs::File, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &fs::File, _: &fs::Metadata) {}

/// Writes to the file when one is given, else to standard output (inert when it is a
/// terminal).
pub fn write_to(
    path: Option<&Path>,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let stdout_err = |e| Error::io("write to", "standard output", e);
    match path {
        Some(p) => write_atomic(p, fill),
        None if std::io::stdout().is_terminal() => {
            let mut out = Inert::new(std::io::stdout().lock());
            fill(&mut out)?;
            out.finish().map(drop).map_err(stdout_err)
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            fill(&mut out)?;
            out.flush().map_err(stdout_err)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recalls_own_files_are_told_from_decks_beside_them() {
        let data = Path::new("/d");
        for (dir, name) in [
            ("/d", "progress.sqlite3"),
            ("/d", "progress.sqlite3-wal"),
            ("/d", "progress.sqlite3.v2.bak"),
            ("/d", "session.lock"),
            ("/d", "cache"),
            ("/d/cache", "log.bin"),
            ("/d/cache/decks", "x"),
        ] {
            assert!(own_file(Path::new(dir), name, data), "{dir}/{name}");
        }
        for (dir, name) in [
            ("/d/decks", "x.toml"),
            ("/d", "notes.txt"),
            ("/e", "session.lock"),
        ] {
            assert!(!own_file(Path::new(dir), name, data), "{dir}/{name}");
        }
    }

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

    fn put(path: &Path, text: &str) -> Result<()> {
        let text = text.to_string();
        write_atomic(path, move |w| {
            w.write_all(text.as_bytes())
                .map_err(|e| Error::io("write", "x", e))
        })
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_followed_and_its_target_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.html");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.html");
        std::os::unix::fs::symlink("real.html", &link).unwrap();
        put(&link, "new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_link(&link).unwrap(), Path::new("real.html"));
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(names(dir.path()), ["link.html", "real.html"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_chain_of_links_and_a_dangling_link_lead_to_the_file_they_name() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        let made = dir.path().join("sub/made.txt");
        std::os::unix::fs::symlink(&made, dir.path().join("sub/dangling")).unwrap();
        std::os::unix::fs::symlink("sub/dangling", dir.path().join("first")).unwrap();
        put(&dir.path().join("first"), "made").unwrap();
        assert_eq!(fs::read_to_string(&made).unwrap(), "made");
        assert!(
            fs::symlink_metadata(dir.path().join("first"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let err = put(&a, "x").unwrap_err().to_string();
        assert!(
            err.contains("a chain of more than 40 symbolic links"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_written_in_place() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            println!("skipped: mkfifo is not available");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        put(&fifo, "through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(names(dir.path()), ["pipe"]);
    }

    /// `/dev/null` itself is not touched by a test: a character device made beside it with
    /// mknod (root only, as in CI) stands in for it, directly and through a link.
    #[cfg(unix)]
    #[test]
    fn a_character_device_is_written_in_place() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let null = dir.path().join("null");
        let made = std::process::Command::new("mknod")
            .arg(&null)
            .args(["c", "1", "3"])
            .status();
        if !made.is_ok_and(|s| s.success()) {
            println!("skipped: cannot make a device here (not root?)");
            return;
        }
        let link = dir.path().join("out.html");
        std::os::unix::fs::symlink(&null, &link).unwrap();
        put(&null, "gone").unwrap();
        put(&link, "gone too").unwrap();
        assert!(fs::metadata(&null).unwrap().file_type().is_char_device());
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(names(dir.path()), ["null", "out.html"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_socket_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let sock = dir.path().join("sock");
        let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
        let err = put(&sock, "x").unwrap_err().to_string();
        assert!(err.contains("sock is a socket, not a file"), "{err}");
        assert_eq!(names(dir.path()), ["sock"]);
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = put(dir.path(), "x").unwrap_err().to_string();
        assert!(err.contains("is a directory; give a file name"), "{err}");
    }
}

//! Files recall keeps for itself in the data directory (the session lock, the deck and log
//! caches), opened so that whoever can write to that directory cannot turn them against it.
//!
//! - Nothing here follows a symbolic link (`O_NOFOLLOW`): a `session.lock` or a cache file
//!   replaced by a link to another file is refused, never truncated or read through.
//! - Only regular files with one name are used: a FIFO would block, a device would read
//!   forever, and a hard link would let the lock's truncation reach another file.
//! - Cache directories must be real directories, not links to elsewhere.
//! - [`write_replacing`] writes through a temporary file beside the target that is removed on
//!   every error, and [`sweep`] removes temporaries that a killed process left behind.
//! - [`disk_full`] tells a full disk from other I/O errors, to say it in words.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A temporary file older than this is stale even if a process with its number is running
/// (process numbers are reused); writing a cache takes seconds at most.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Opens `path` for reading and writing, creating it, without following a symbolic link, and
/// refuses anything but a regular file with a single name.
pub fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    no_follow(&mut options);
    let file = options.open(path).map_err(explain)?;
    check_plain(&file)?;
    Ok(file)
}

/// Reads a whole regular file without following a symbolic link.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = open_read(path)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Opens a regular file for reading without following a symbolic link.
pub fn open_read(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    no_follow(&mut options);
    let file = options.open(path).map_err(explain)?;
    check_plain(&file)?;
    Ok(file)
}

/// Creates `dir` (and its parents) and checks that it is a directory itself, not a symbolic
/// link to one elsewhere.
pub fn own_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let meta = fs::symlink_metadata(dir)?;
    if meta.file_type().is_symlink() || !meta.is_dir() {
        return Err(io::Error::other(format!(
            "{} is not a directory of its own (a symbolic link?); recall does not write there",
            dir.display()
        )));
    }
    Ok(())
}

/// Writes `file` whole: `fill` writes into a temporary file beside it (created new, so never
/// through a link), which is renamed over `file` once complete and removed on any error.
pub fn write_replacing(
    file: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = temp_name(file);
    // A leftover of a process that had this number before.
    let _ = fs::remove_file(&tmp);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    no_follow(&mut options);
    let out = options.open(&tmp)?;
    let written = (|| {
        let mut out = BufWriter::new(out);
        fill(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?;
        fs::rename(&tmp, file)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// `dir/NAME.tmpPID` for `dir/NAME`.
fn temp_name(file: &Path) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp{}", std::process::id()));
    file.with_file_name(name)
}

/// The process number in a temporary file's name (`NAME.tmpPID`, or the older `NAME.tmpPID`
/// made by replacing the extension).
fn temp_owner(name: &str) -> Option<u32> {
    let (_, pid) = name.rsplit_once(".tmp")?;
    pid.parse().ok()
}

/// Removes temporary files in `dir` left by processes that no longer run (killed while
/// writing, or by a version of recall that left them when a write failed), and any older
/// than an hour. Cheap: one listing of a small directory. Best effort.
pub fn sweep(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && (old || !process_runs(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the disk holding `path` (a file or a directory) has no room left to speak of
/// (under 256 KiB for this user), to say so in words when a library reports only an I/O error.
#[cfg(unix)]
pub fn disk_full(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let dir = match path.parent() {
        Some(p) if path.is_file() && !p.as_os_str().is_empty() => p,
        Some(_) if path.is_file() => Path::new("."),
        _ => path,
    };
    let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: statvfs fills in plain data from a NUL-terminated path.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return false;
    }
    (st.f_bavail as u64).saturating_mul(st.f_frsize as u64) < 256 * 1024
}

#[cfg(not(unix))]
pub fn disk_full(_: &Path) -> bool {
    false
}

#[cfg(unix)]
fn process_runs(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // Signal 0 only asks whether the process exists; EPERM means it does (another user's).
    // SAFETY: kill with signal 0 sends nothing and touches no memory.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_runs(_: u32) -> bool {
    true
}

#[cfg(unix)]
fn no_follow(options: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO put in the file's place returns at once (and is refused
    // below) instead of waiting for a writer; it changes nothing for a regular file.
    options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
}

#[cfg(not(unix))]
fn no_follow(_: &mut OpenOptions) {}

/// A symbolic link met with `O_NOFOLLOW` fails with ELOOP: say what it is.
fn explain(e: io::Error) -> io::Error {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return io::Error::other(
            "it is a symbolic link, and recall does not follow links to its own files; remove it",
        );
    }
    e
}

fn check_plain(file: &File) -> io::Result<()> {
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("it is not a regular file; remove it"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(io::Error::other(
                "it has other names (hard links), so recall will not write to it; remove it",
            ));
        }
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_symbolic_link_is_neither_followed_nor_touched() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let lock = dir.path().join("session.lock");
        symlink(&victim, &lock).unwrap();
        let err = open_lock_file(&lock).unwrap_err().to_string();
        assert!(err.contains("it is a symbolic link"), "{err}");
        let err = read(&lock).unwrap_err().to_string();
        assert!(err.contains("is a symbolic link"), "{err}");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[test]
    fn a_hard_link_or_a_fifo_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let lock = dir.path().join("session.lock");
        fs::hard_link(&victim, &lock).unwrap();
        let err = open_lock_file(&lock).unwrap_err().to_string();
        assert!(err.contains("has other names"), "{err}");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        let fifo = dir.path().join("log.bin");
        if std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            let err = read(&fifo).unwrap_err().to_string();
            assert!(err.contains("is not a regular file"), "{err}");
            let err = open_lock_file(&fifo).unwrap_err().to_string();
            assert!(err.contains("is not a regular file"), "{err}");
        }
    }

    #[test]
    fn a_linked_directory_is_not_ours() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        symlink(&elsewhere, dir.path().join("cache")).unwrap();
        assert!(own_dir(&dir.path().join("cache")).is_err());
        assert!(own_dir(&dir.path().join("real/cache")).is_ok());
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("log.bin");
        fs::write(&file, "old").unwrap();
        let r = write_replacing(&file, |w| {
            w.write_all(&[7; 100_000])?;
            Err(io::Error::other("the disk is full"))
        });
        assert!(r.is_err());
        assert_eq!(fs::read_to_string(&file).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        write_replacing(&file, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&file).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_temporary_file_is_created_new_even_over_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let file = dir.path().join("log.bin");
        symlink(&victim, temp_name(&file)).unwrap();
        write_replacing(&file, |w| w.write_all(b"cache")).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(fs::read_to_string(&file).unwrap(), "cache");
    }

    #[test]
    fn sweep_removes_temporaries_of_processes_that_are_gone() {
        let dir = tempfile::tempdir().unwrap();
        // A process number above the kernel's limit (4194304) runs nowhere.
        let gone = dir.path().join("0123.bin.tmp999999999");
        let old_style = dir.path().join("0123.tmp999999998");
        let ours = temp_name(&dir.path().join("0456.bin"));
        let cache = dir.path().join("0123.bin");
        for f in [&gone, &old_style, &ours, &cache] {
            fs::write(f, "x").unwrap();
        }
        sweep(dir.path());
        assert!(!gone.exists() && !old_style.exists());
        assert!(ours.exists() && cache.exists());
    }

    #[test]
    fn temporary_names_give_their_process() {
        assert_eq!(temp_owner("log.bin.tmp42"), Some(42));
        assert_eq!(temp_owner("0123abcd.tmp7"), Some(7));
        assert_eq!(temp_owner("0123abcd.bin"), None);
        assert_eq!(temp_owner("notes.tmpx"), None);
    }
}

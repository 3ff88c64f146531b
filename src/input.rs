//! Reading an input file whole, with a limit on its size: every door that reads a file is
//! bounded in memory, also when the path names something endless (`/dev/zero`, a FIFO fed
//! forever) or a file far larger than recall is meant to read.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// Reads at most `limit` bytes of `path`, refusing a larger file (or an endless one) with a
/// message naming the limit, before reading more than that. `what` names the action in an
/// error ("read article").
pub fn read_bounded(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>> {
    let too_big = |size: Option<u64>| Error::Input {
        path: path.display().to_string(),
        message: format!(
            "{} is larger than recall reads here ({} MB at most); split it into parts and use \
             each on its own",
            match size {
                Some(n) => format!("the file ({:.1} MB)", n as f64 / 1e6),
                None => "the file".to_string(),
            },
            limit / 1_000_000
        ),
    };
    let file = std::fs::File::open(path).map_err(|e| Error::io(what, path, e))?;
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > limit
    {
        return Err(too_big(Some(meta.len())));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(what, path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(None));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_bounded(&path, 10, "read").unwrap(), b"0123456789");
    }

    #[test]
    fn a_larger_file_is_refused_with_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, vec![b'x'; 3_500_000]).unwrap();
        let err = read_bounded(&path, 2_000_000, "read")
            .unwrap_err()
            .to_string();
        assert!(
            err.ends_with(
                "a.txt: the file (3.5 MB) is larger than recall reads here (2 MB at most); \
                 split it into parts and use each on its own"
            ),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_file_is_refused_after_the_limit() {
        let err = read_bounded(Path::new("/dev/zero"), 1_000_000, "read")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("the file is larger than recall reads here"),
            "{err}"
        );
    }
}

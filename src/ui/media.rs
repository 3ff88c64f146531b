//! Opening a card's media file with the system viewer (`xdg-open`, or `open` on macOS; the
//! `RECALL_VIEWER` variable or the config's `viewer` key replace it), for the `o` key of a
//! session. Media come from decks and packages, which are untrusted, so a file is
//! only opened when it is a regular file of a known picture, sound, video or document type
//! inside the deck's media folder: a name cannot reach outside it, and a script or `.desktop`
//! file the viewer would run is never handed over.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::deck::{Media, media_name_problem};

/// File types the viewer may be given, by extension (lower case).
const VIEWABLE: &[&str] = &[
    // pictures
    "png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "tif", "tiff", "avif", "heic",
    // sounds
    "mp3", "ogg", "oga", "opus", "wav", "flac", "m4a", "aac", "spx", // videos
    "mp4", "m4v", "webm", "mkv", "mov", "ogv", "avi", // documents
    "pdf",
];

/// The program that opens a file with the user's default application.
fn opener() -> &'static str {
    if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    }
}

/// Where the media file `name` of the deck file `deck` is, if it may be opened: a plain name, a
/// viewable type, and a regular file (not a link) in the deck's media folder.
pub fn media_path(deck: &Path, name: &str) -> Result<PathBuf, String> {
    if let Some(problem) = media_name_problem(name) {
        return Err(format!("cannot open `{name}`: {problem}"));
    }
    let extension = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !VIEWABLE.contains(&extension.as_str()) {
        return Err(format!(
            "`{name}` is not a picture, sound, video or PDF, so it is not opened"
        ));
    }
    let folder = Media::folder_for(deck);
    let path = folder.join(name);
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.is_file() => Ok(path),
        Ok(_) => Err(format!(
            "{} is not a regular file (a link or a folder), so it is not opened",
            path.display()
        )),
        Err(_) => Err(format!(
            "{} is missing: the deck's media belong in {}/",
            path.display(),
            folder.display()
        )),
    }
}

/// Opens the media file `name` of the deck file `deck` with `viewer` (the system viewer when
/// `None`), without waiting for it. Returns what went wrong, for the session to show in one
/// line.
pub fn open_media(viewer: Option<&str>, deck: &Path, name: &str) -> Result<(), String> {
    open_media_with(viewer.unwrap_or(opener()), deck, name)
}

fn open_media_with(program: &str, deck: &Path, name: &str) -> Result<(), String> {
    let path = media_path(deck, name)?;
    let mut child = Command::new(program)
        .arg(&path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start {program} to open {}: {e}", path.display()))?;
    // Reaped in the background so the viewer leaves no zombie process behind.
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck_with(files: &[&str]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let deck = dir.path().join("geo.toml");
        std::fs::create_dir(dir.path().join("geo.media")).unwrap();
        for f in files {
            std::fs::write(dir.path().join("geo.media").join(f), b"x").unwrap();
        }
        (dir, deck)
    }

    #[test]
    fn a_picture_in_the_media_folder_is_found() {
        let (dir, deck) = deck_with(&["flag.PNG"]);
        assert_eq!(
            media_path(&deck, "flag.PNG").unwrap(),
            dir.path().join("geo.media/flag.PNG")
        );
    }

    #[test]
    fn names_outside_the_folder_and_unknown_types_are_refused() {
        let (_dir, deck) = deck_with(&["run.sh", "x.desktop"]);
        assert!(
            media_path(&deck, "../geo.toml")
                .unwrap_err()
                .contains("folder separator")
        );
        assert!(
            media_path(&deck, "run.sh")
                .unwrap_err()
                .contains("not a picture")
        );
        assert!(
            media_path(&deck, "x.desktop")
                .unwrap_err()
                .contains("not a picture")
        );
        assert!(
            media_path(&deck, "gone.png")
                .unwrap_err()
                .contains("is missing")
        );
    }

    #[test]
    fn links_are_not_followed() {
        let (dir, deck) = deck_with(&[]);
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join("geo.media/a.png")).unwrap();
        assert!(
            media_path(&deck, "a.png")
                .unwrap_err()
                .contains("not a regular file")
        );
    }

    #[test]
    fn the_viewer_is_started_with_the_file() {
        let (dir, deck) = deck_with(&["a.png"]);
        // `true` stands in for the viewer: it starts and exits.
        assert_eq!(open_media_with("true", &deck, "a.png"), Ok(()));
        let err = open_media_with("/nonexistent/viewer", &deck, "a.png").unwrap_err();
        assert!(
            err.starts_with("could not start /nonexistent/viewer"),
            "{err}"
        );
        drop(dir);
    }
}

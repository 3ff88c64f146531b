//! Finds and reads decks: by path, by id in the deck directories, or the bundled SCO deck.
//! This is the only place deck files are read; the loader itself works on bytes.

use std::path::{Path, PathBuf};

use crate::deck::Deck;
use crate::deck::load::{Checks, Loaded, load_with};
use crate::deck_cache::{DeckCache, MIN_CACHED_BYTES};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{Error, Result};

/// The SCO deck compiled into the binary, so `recall study` works from any directory.
pub const BUNDLED_SCO: &str = include_str!("../decks/sco.toml");

/// A deck read from somewhere, with the text its diagnostics point into.
#[derive(Debug)]
pub struct DeckSource {
    /// How to name the deck's file in messages (a path, or `<bundled>/sco.toml`).
    pub name: String,
    pub path: Option<PathBuf>,
    pub text: String,
    pub loaded: Loaded,
}

impl DeckSource {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// The deck, if it loaded without errors.
    pub fn deck(&self) -> Option<&Deck> {
        if self.errors().next().is_some() {
            None
        } else {
            self.loaded.deck.as_ref()
        }
    }
}

/// Reads one deck file with every check. I/O problems are errors; problems inside the deck
/// are diagnostics.
pub fn read_file(path: &Path) -> Result<DeckSource> {
    read_checked(path, Checks::All)
}

fn read_checked(path: &Path, checks: Checks) -> Result<DeckSource> {
    let bytes = read_bytes(path)?;
    Ok(from_bytes(
        path.display().to_string(),
        Some(path.to_path_buf()),
        bytes,
        checks,
    ))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    if path.is_dir() {
        return Err(Error::Usage(format!(
            "{} is a directory; give a deck file such as {}/sco.toml",
            path.display(),
            path.display()
        )));
    }
    crate::input::read_bounded(path, MAX_DECK_BYTES, "read deck")
}

/// The largest deck file read: 128 MiB, about 1.2 million short cards. A million such cards
/// load in under 500 MB; a larger file is refused with a message, not read into memory.
pub const MAX_DECK_BYTES: u64 = 128 << 20;

/// Reads one deck file through `cache`: a large deck parsed before from the same bytes comes
/// from the cache (without its warnings), and one that loads cleanly is put there.
fn read_cached(path: &Path, cache: &DeckCache, checks: Checks) -> Result<DeckSource> {
    let bytes = read_bytes(path)?;
    if bytes.len() < MIN_CACHED_BYTES {
        return Ok(from_bytes(
            path.display().to_string(),
            Some(path.to_path_buf()),
            bytes,
            checks,
        ));
    }
    if let Some(deck) = cache.get(path, &bytes) {
        return Ok(DeckSource {
            name: path.display().to_string(),
            path: Some(path.to_path_buf()),
            text: String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            loaded: Loaded {
                deck: Some(deck),
                diagnostics: Vec::new(),
            },
        });
    }
    let src = from_bytes(
        path.display().to_string(),
        Some(path.to_path_buf()),
        bytes,
        checks,
    );
    if let Some(deck) = src.deck() {
        // A deck without errors was valid UTF-8, so its text is exactly the file's bytes.
        cache.put(path, src.text.as_bytes(), deck);
    }
    Ok(src)
}

fn from_bytes(name: String, path: Option<PathBuf>, bytes: Vec<u8>, checks: Checks) -> DeckSource {
    let loaded = load_with(&bytes, checks);
    // The bytes become the text without a copy when they are UTF-8 (a 100k-card deck is
    // 9 MB, about a tenth of what checking it needs).
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    DeckSource {
        name,
        path,
        text,
        loaded,
    }
}

fn bundled(checks: Checks) -> DeckSource {
    from_bytes(
        "<bundled>/sco.toml".to_string(),
        None,
        BUNDLED_SCO.as_bytes().to_vec(),
        checks,
    )
}

/// The deck directories and what they hold.
#[derive(Debug, Clone)]
pub struct Library {
    dirs: Vec<PathBuf>,
    cache: Option<DeckCache>,
    checks: Checks,
}

impl Library {
    /// Decks are read with every check, as `recall check` and `recall show` need.
    pub fn new(dirs: Vec<PathBuf>) -> Library {
        Library {
            dirs,
            cache: None,
            checks: Checks::All,
        }
    }

    /// Decks are read with only the checks that can refuse them (see `load::Checks`): for
    /// commands that use decks and print no warnings.
    pub fn for_use(mut self) -> Library {
        self.checks = Checks::Errors;
        self
    }

    /// Keeps large parsed decks in `cache` (see `deck_cache`). Not for `recall check`, which
    /// must see every warning.
    pub fn with_cache(mut self, cache: DeckCache) -> Library {
        self.cache = Some(cache);
        self
    }

    fn read(&self, path: &Path) -> Result<DeckSource> {
        match &self.cache {
            Some(cache) => read_cached(path, cache, self.checks),
            None => read_checked(path, self.checks),
        }
    }

    fn deck_files(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for dir in &self.dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut here: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .collect();
            here.sort();
            files.extend(here);
        }
        files
    }

    /// Every deck in the deck directories, plus the bundled SCO deck when no directory has a
    /// deck with its id. Decks with errors are returned too; callers decide.
    pub fn all(&self) -> Result<Vec<DeckSource>> {
        let mut out: Vec<DeckSource> = Vec::new();
        for f in self.deck_files() {
            let src = self.read(&f)?;
            let id = src.loaded.deck.as_ref().map(|d| d.id.clone());
            if let Some(id) = id
                && out
                    .iter()
                    .any(|o| o.loaded.deck.as_ref().is_some_and(|d| d.id == id))
            {
                continue; // an earlier directory wins
            }
            out.push(src);
        }
        if !out
            .iter()
            .any(|o| o.loaded.deck.as_ref().is_some_and(|d| d.id == "sco"))
        {
            out.push(bundled(self.checks));
        }
        Ok(out)
    }

    /// The id of the deck `find(name)` would return, when it is known without loading the
    /// deck: the name itself when it is an id, or the id in the deck cache for a large deck
    /// file cached before. A guess for reading ahead: `None` when it is not known cheaply.
    pub fn peek_id(&self, name: &str) -> Option<String> {
        let p = Path::new(name);
        if !(name.ends_with(".toml") || p.exists()) {
            return Some(name.to_string());
        }
        let cache = self.cache.as_ref()?;
        let bytes = read_bytes(p).ok()?;
        if bytes.len() < MIN_CACHED_BYTES {
            return None;
        }
        cache.peek_id(p, &bytes)
    }

    /// A deck by path (anything ending in `.toml` or naming an existing file) or by id.
    pub fn find(&self, name: &str) -> Result<DeckSource> {
        let p = Path::new(name);
        if name.ends_with(".toml") || p.exists() {
            return self.read(p);
        }
        // Fast path: a file named after the id.
        for dir in &self.dirs {
            let f = dir.join(format!("{name}.toml"));
            if f.is_file() {
                let src = self.read(&f)?;
                if src.loaded.deck.as_ref().is_some_and(|d| d.id == name) {
                    return Ok(src);
                }
            }
        }
        let all = self.all()?;
        let known: Vec<String> = all
            .iter()
            .filter_map(|s| s.loaded.deck.as_ref().map(|d| d.id.clone()))
            .collect();
        all.into_iter()
            .find(|s| s.loaded.deck.as_ref().is_some_and(|d| d.id == name))
            .ok_or(Error::UnknownDeck {
                name: name.to_string(),
                known,
            })
    }
}

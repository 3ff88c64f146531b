//! Anki packages. Export writes an `.apkg` Anki and genanki read (see [`export`]); import reads
//! what Anki writes today and wrote before: `.apkg` and `.colpkg` in the current format
//! (`collection.anki21b`, zstd-compressed, with a protobuf media map) and the legacy one
//! ("Support older Anki versions": `collection.anki21` or `collection.anki2`, JSON media map).
//!
//! Import makes one recall card per Anki card, from its note type's templates (see [`notes`]),
//! and names the media its cards show; [`Package::media_file`] hands out a media file's bytes
//! for the caller to store. Nothing is written to disk here except the collection, which goes
//! into a private temporary directory under a fixed name.
//!
//! A package is untrusted input, and every door is bounded: zip entries and zstd streams are
//! capped on the bytes they produce ([`package`]), the collection is opened read-only with only
//! real tables read, values capped and queries stopped after a fixed amount of work
//! ([`collection`]), notes, rendered sides and cloze cards are capped in size.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Read, Seek};

use crate::deck::Card;
use crate::formats::Skipped;

mod cloze;
mod collection;
mod export;
mod notes;
mod package;
mod protobuf;
mod template;

pub use cloze::{MAX_CLOZE_TEXT, cloze_cards, has_anki_cloze};
pub use export::{guid_for, to_bytes, write};
pub use package::{MAX_ENTRY_BYTES, MAX_MEDIA_FILE_BYTES, MAX_MEDIA_FILES};

/// Why a package could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApkgError {
    /// The bytes are not a zip archive.
    NotZip(String),
    /// A zip without any `collection.anki2*`.
    NoCollection,
    TooLarge {
        entry: String,
        limit: u64,
    },
    /// The collection is not an Anki database we can read.
    Corrupt(String),
    /// The package is built to harm the reader (a view where a table belongs, a value of
    /// hundreds of MB, a query that never ends).
    Refused(String),
    Io(String),
}

impl fmt::Display for ApkgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApkgError::NotZip(detail) => {
                write!(
                    f,
                    "not an Anki package: the file is not a zip archive ({detail})"
                )
            }
            ApkgError::NoCollection => write!(
                f,
                "not an Anki package: the archive holds no collection.anki21b, collection.anki21 \
                 or collection.anki2"
            ),
            ApkgError::TooLarge { entry, limit } => {
                write!(
                    f,
                    "the package entry `{entry}` is larger than the limit of {limit} bytes"
                )
            }
            ApkgError::Corrupt(detail) => {
                write!(f, "the collection in the package cannot be read: {detail}")
            }
            ApkgError::Refused(detail) => write!(f, "the package is refused: {detail}"),
            ApkgError::Io(detail) => write!(f, "could not write the package: {detail}"),
        }
    }
}

impl std::error::Error for ApkgError {}

impl From<io::Error> for ApkgError {
    fn from(e: io::Error) -> ApkgError {
        ApkgError::Io(e.to_string())
    }
}

impl From<rusqlite::Error> for ApkgError {
    fn from(e: rusqlite::Error) -> ApkgError {
        ApkgError::Corrupt(e.to_string())
    }
}

impl From<zip::result::ZipError> for ApkgError {
    fn from(e: zip::result::ZipError) -> ApkgError {
        ApkgError::Io(e.to_string())
    }
}

/// What a package held: its deck name, the cards recall could make, the notes it could not,
/// and the media the cards show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ApkgImport {
    pub deck_name: Option<String>,
    pub cards: Vec<Card>,
    pub skipped: Vec<Skipped>,
    /// Media the cards show that the package holds, each once, sorted.
    pub media: Vec<String>,
    /// Media the cards show that the package lacks, or that were refused (unsafe names,
    /// remote or inline data), with the card and why.
    pub media_problems: Vec<Skipped>,
    /// Media files the package holds that no imported card shows.
    pub unused_media: usize,
}

/// An opened package: the zip and its collection.
pub struct Package<R> {
    archive: package::Archive<R>,
    collection: collection::Collection,
    // Holds the decompressed collection; removed when the package is dropped.
    _dir: tempfile::TempDir,
}

impl<R: Read + Seek> Package<R> {
    /// Opens a package: reads the zip, the media map and the collection (into a private
    /// temporary file).
    pub fn open(reader: R) -> Result<Package<R>, ApkgError> {
        Package::open_with(reader, MAX_ENTRY_BYTES, collection::MAX_STEPS)
    }

    fn open_with(reader: R, limit: u64, max_steps: u64) -> Result<Package<R>, ApkgError> {
        let mut archive = package::Archive::open(reader)?;
        let (entry_name, _) = archive.collection;
        let dir = tempfile::tempdir().map_err(|e| ApkgError::Io(e.to_string()))?;
        let path = dir.path().join("collection.sqlite");
        {
            let mut file =
                std::fs::File::create(&path).map_err(|e| ApkgError::Io(e.to_string()))?;
            archive.copy_entry(entry_name, limit, &mut file)?;
        }
        let mut header = [0u8; 16];
        let is_sqlite = std::fs::File::open(&path)
            .and_then(|mut f| f.read_exact(&mut header))
            .is_ok_and(|()| &header == b"SQLite format 3\0");
        if !is_sqlite {
            return Err(ApkgError::Corrupt(format!(
                "{entry_name} is not an SQLite database"
            )));
        }
        let collection = collection::Collection::open(&path, entry_name, max_steps)?;
        Ok(Package {
            archive,
            collection,
            _dir: dir,
        })
    }

    /// The cards of every note. Basic-like notes become `basic` cards (or `typed` ones for
    /// "type in the answer"), cloze notes one `cloze` card per cloze number.
    pub fn import(&self) -> Result<ApkgImport, ApkgError> {
        let types = self.collection.note_types()?;
        let ords = self.collection.card_ords()?;
        let mut cards = notes::Cards::default();
        self.collection.for_each_note(|note| {
            cards.add_note(
                &note,
                types.get(&note.mid),
                ords.get(&note.id).map(Vec::as_slice),
            );
            if cards.text_bytes > notes::MAX_CARDS_TEXT {
                return Err(ApkgError::Refused(format!(
                    "its cards would hold more than {} MB of text; split the deck in Anki and \
                     import the parts",
                    notes::MAX_CARDS_TEXT / (1024 * 1024)
                )));
            }
            Ok(())
        })?;
        let mut media: Vec<String> = Vec::new();
        let mut problems = cards.refused_media;
        let mut missing: HashMap<&str, &str> = HashMap::new();
        for card in &cards.cards {
            for name in card.question_media().iter().chain(card.answer_media()) {
                if self.archive.media.contains_key(name.as_str()) {
                    media.push(name.to_string());
                } else {
                    missing.entry(name.as_str()).or_insert(card.id.as_str());
                }
            }
        }
        let mut missing: Vec<(&str, &str)> = missing.into_iter().collect();
        missing.sort();
        for (name, card) in missing {
            let why = match self.archive.refused_media.iter().find(|(n, _)| n == name) {
                Some((_, problem)) => format!("media `{name}` not imported: {problem}"),
                None => format!("media `{name}` is not in the package"),
            };
            problems.push(Skipped::new(card, why));
        }
        media.sort();
        media.dedup();
        let unused_media = self.archive.media.len() - media.len();
        Ok(ApkgImport {
            deck_name: self.collection.main_deck_name()?,
            cards: cards.cards,
            skipped: cards.skipped,
            media,
            media_problems: problems,
            unused_media,
        })
    }

    /// The bytes of the media file `name` (at most [`MAX_MEDIA_FILE_BYTES`]), or `None` when
    /// the package does not hold it.
    pub fn media_file(&mut self, name: &str) -> Result<Option<Vec<u8>>, ApkgError> {
        self.archive.media_file(name)
    }
}

/// A zip of the given entries, for tests.
#[cfg(test)]
pub(crate) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Read an Anki package's cards (see [`Package::import`]).
pub fn read(reader: impl Read + Seek) -> Result<ApkgImport, ApkgError> {
    Package::open(reader)?.import()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{Deck, Kind};
    use rusqlite::Connection;
    use std::io::Cursor;

    /// A schema-11 collection with recall's own note types and the given notes and cards.
    fn collection(setup: &str) -> Vec<u8> {
        let deck = Deck {
            id: "space".into(),
            title: "Space".into(),
            ..Deck::default()
        };
        let (package, _) = to_bytes(&deck, 1).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(package)).unwrap();
        let mut bytes = Vec::new();
        archive
            .by_name("collection.anki2")
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        std::fs::write(&path, bytes).unwrap();
        Connection::open(&path)
            .unwrap()
            .execute_batch(setup)
            .unwrap();
        std::fs::read(&path).unwrap()
    }

    #[test]
    fn a_text_file_is_not_a_package() {
        let err = read(Cursor::new(b"front\tback\n".to_vec())).unwrap_err();
        assert!(matches!(err, ApkgError::NotZip(_)));
        assert!(
            err.to_string()
                .starts_with("not an Anki package: the file is not a zip archive")
        );
    }

    #[test]
    fn a_zip_without_collection_is_refused() {
        let bytes = zip_of(&[("media", b"{}"), ("notes.txt", b"hello")]);
        assert_eq!(
            read(Cursor::new(bytes)).unwrap_err(),
            ApkgError::NoCollection
        );
    }

    #[test]
    fn a_collection_that_is_not_sqlite_is_refused() {
        let bytes = zip_of(&[("collection.anki2", b"not a database at all")]);
        assert_eq!(
            read(Cursor::new(bytes)).unwrap_err(),
            ApkgError::Corrupt("collection.anki2 is not an SQLite database".into())
        );
        let bytes = zip_of(&[("collection.anki21b", b"not zstd either")]);
        assert_eq!(
            read(Cursor::new(bytes)).unwrap_err(),
            ApkgError::Corrupt("collection.anki21b is not an SQLite database".into())
        );
    }

    #[test]
    fn entries_over_the_limit_are_refused_while_reading() {
        let bytes = zip_of(&[("collection.anki2", &[0u8; 4096])]);
        assert_eq!(
            Package::open_with(Cursor::new(bytes), 1000, collection::MAX_STEPS)
                .err()
                .unwrap(),
            ApkgError::TooLarge {
                entry: "collection.anki2".into(),
                limit: 1000
            }
        );
    }

    #[test]
    fn evil_paths_are_never_written() {
        let db = collection(
            "INSERT INTO notes VALUES (7,'g',1739574201,0,0,'','front\x1fback',0,0,0,'')",
        );
        let bytes = zip_of(&[
            ("../evil", b"x"),
            ("../../tmp/recall-evil-entry", b"x"),
            ("/abs-evil", b"x"),
            ("collection.anki2", &db),
        ]);
        let got = read(Cursor::new(bytes)).unwrap();
        assert_eq!(got.cards.len(), 1);
        assert!(!std::path::Path::new("/tmp/recall-evil-entry").exists());
        assert!(!std::path::Path::new("/abs-evil").exists());
        let only_evil = zip_of(&[("../collection.anki2", &db)]);
        assert_eq!(
            read(Cursor::new(only_evil)).unwrap_err(),
            ApkgError::NoCollection
        );
    }

    #[test]
    fn a_current_format_collection_is_read_through_zstd() {
        let db = collection(
            "INSERT INTO notes VALUES (7,'g',1739574201,0,0,'','Sun?\x1fa star',0,0,0,'')",
        );
        let packed = zstd::encode_all(&db[..], 3).unwrap();
        let got = read(Cursor::new(zip_of(&[
            ("collection.anki2", b"stub: please update Anki"),
            ("collection.anki21b", &packed),
        ])))
        .unwrap();
        assert_eq!(got.cards.len(), 1);
        assert_eq!(got.cards[0].prompt, "Sun?");
    }

    #[test]
    fn media_the_package_lacks_are_named() {
        let db = collection(
            "INSERT INTO notes VALUES (7,'g',1739574201,0,0,'','<img src=\"a.png\"><img src=\"b.png\">\x1fx',0,0,0,'')",
        );
        let mut package = Package::open(Cursor::new(zip_of(&[
            ("collection.anki2", &db),
            ("media", br#"{"0": "a.png"}"#),
            ("0", b"A"),
        ])))
        .unwrap();
        let got = package.import().unwrap();
        assert_eq!(got.media, vec!["a.png"]);
        assert_eq!(got.unused_media, 0);
        assert_eq!(got.media_problems.len(), 1);
        assert_eq!(
            got.media_problems[0].reason,
            "media `b.png` is not in the package"
        );
        assert_eq!(package.media_file("a.png").unwrap(), Some(b"A".to_vec()));
        assert_eq!(got.cards[0].kind, Kind::Basic { back: "x".into() });
    }

    #[test]
    fn single_field_notes_are_skipped_with_a_reason() {
        let db = collection(
            "UPDATE col SET models = '{\"5\": {\"type\": 0, \"flds\": [{\"name\": \"Only\"}]}}';
             INSERT INTO notes VALUES (7,'g',5,0,0,'','lonely',0,0,0,'')",
        );
        let got = read(Cursor::new(zip_of(&[("collection.anki21", &db)]))).unwrap();
        assert_eq!(
            got.skipped,
            vec![Skipped::new(
                "note 7",
                "the note has a single field, so no back"
            )]
        );
    }
}

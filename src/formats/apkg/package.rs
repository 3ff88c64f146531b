//! The zip around a package: which collection it holds (`collection.anki21b`, zstd-compressed,
//! in current exports; `collection.anki21` or `collection.anki2` in legacy ones), its media map
//! (protobuf, zstd-compressed, in current exports; JSON in legacy ones) and its media files
//! (zip entries named "0", "1", ..., zstd-compressed in current exports).
//!
//! Every entry is read through a cap on the bytes actually produced, after zip inflation and
//! zstd decompression alike: declared sizes may lie, and a 9 KB entry may inflate to 100 GB.

use std::collections::HashMap;
use std::io::{self, Read, Seek, Write};

use zip::ZipArchive;

use super::{ApkgError, protobuf};

/// Largest uncompressed collection read from a package.
pub const MAX_ENTRY_BYTES: u64 = 200 * 1024 * 1024;
/// Largest media map (file names and checksums: about 60 bytes a file).
const MAX_MEDIA_MAP_BYTES: u64 = 16 * 1024 * 1024;
/// Largest media file copied out of a package.
pub const MAX_MEDIA_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// Most media files one package may name.
pub const MAX_MEDIA_FILES: usize = 50_000;

/// zstd's frame magic number.
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];

/// The package's zip and what it says about its layout.
pub(super) struct Archive<R> {
    zip: ZipArchive<R>,
    /// The collection's entry name, and whether it is zstd-compressed.
    pub collection: (&'static str, bool),
    /// Media file names to their zip entries.
    pub media: HashMap<String, String>,
    /// Media map entries that were refused, with the reason.
    pub refused_media: Vec<(String, &'static str)>,
    /// Whether media entries are zstd-compressed (package version 3, the current format).
    media_zstd: bool,
}

impl<R: Read + Seek> Archive<R> {
    pub(super) fn open(reader: R) -> Result<Archive<R>, ApkgError> {
        let zip = ZipArchive::new(reader).map_err(|e| ApkgError::NotZip(e.to_string()))?;
        // Raw names, compared byte for byte: no decoding or path interpretation of what the zip
        // says.
        let has = |name: &str| zip.index_for_name_raw(name.as_bytes()).is_some();
        // Current exports hold a stub collection.anki2 that only says "please update" beside
        // the real collection.anki21b, so the newest collection present is the one read.
        let collection = if has("collection.anki21b") {
            ("collection.anki21b", true)
        } else if has("collection.anki21") {
            ("collection.anki21", false)
        } else if has("collection.anki2") {
            ("collection.anki2", false)
        } else {
            return Err(ApkgError::NoCollection);
        };
        let mut archive = Archive {
            zip,
            collection,
            media: HashMap::new(),
            refused_media: Vec::new(),
            media_zstd: false,
        };
        // PackageMetadata.version (field 1): 3 is the current format, whose media are zstd.
        let version = match archive.entry("meta", 1024)? {
            Some(bytes) => protobuf::uint(
                &protobuf::fields(&bytes).map_err(|e| ApkgError::Corrupt(format!("meta: {e}")))?,
                1,
            ),
            None => 0,
        };
        archive.media_zstd = version >= 3;
        archive.read_media_map()?;
        Ok(archive)
    }

    /// The whole entry `name` (decompressed when it is zstd), if present, or an error when it
    /// is over `limit` bytes.
    pub(super) fn entry(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, ApkgError> {
        let mut out = Vec::new();
        match self.copy_entry(name, limit, &mut out)? {
            true => Ok(Some(out)),
            false => Ok(None),
        }
    }

    /// Copies the entry `name` into `out`, decompressing zstd when the data starts with its
    /// magic number; `false` when there is no such entry.
    pub(super) fn copy_entry(
        &mut self,
        name: &str,
        limit: u64,
        out: &mut dyn Write,
    ) -> Result<bool, ApkgError> {
        let Some(index) = self.zip.index_for_name_raw(name.as_bytes()) else {
            return Ok(false);
        };
        let too_large = || ApkgError::TooLarge {
            entry: name.to_string(),
            limit,
        };
        let corrupt = |e: &dyn std::fmt::Display| ApkgError::Corrupt(format!("{name}: {e}"));
        let entry = self.zip.by_index(index).map_err(|e| corrupt(&e))?;
        // A declared size over the limit is refused before anything is inflated (a smaller one
        // is not trusted either: the cap below counts what is produced).
        if entry.size() > limit {
            return Err(too_large());
        }
        // zstd needs the frame's own window too; a 1:1000 ratio is refused below in any case.
        let mut raw = io::BufReader::new(entry);
        let head = io::BufRead::fill_buf(&mut raw).map_err(|e| corrupt(&e))?;
        let zstd = head.starts_with(&ZSTD_MAGIC);
        let reader: Box<dyn Read + '_> = if zstd {
            let mut decoder =
                zstd::stream::read::Decoder::with_buffer(raw).map_err(|e| corrupt(&e))?;
            // A frame may ask for a huge window; 2^27 bytes (128 MB) is zstd's default cap.
            decoder.window_log_max(27).map_err(|e| corrupt(&e))?;
            Box::new(decoder)
        } else {
            Box::new(raw)
        };
        // The limit is enforced on the bytes produced, never on a declared size. A failed
        // read is the package's fault (a cut zstd frame, a bad deflate stream, a wrong
        // checksum), a failed write ours (the disk).
        let mut capped = reader.take(limit + 1);
        let mut buf = vec![0u8; 64 * 1024];
        let mut copied = 0u64;
        loop {
            let n = match capped.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(corrupt(&e)),
            };
            copied += n as u64;
            if copied > limit {
                return Err(too_large());
            }
            out.write_all(&buf[..n])
                .map_err(|e| ApkgError::Io(e.to_string()))?;
        }
        Ok(true)
    }

    /// The media map: `{"0": "flag.png"}` JSON in legacy packages, `MediaEntries` protobuf
    /// (zstd-compressed) in current ones, where entry `i` is stored as zip entry "i".
    fn read_media_map(&mut self) -> Result<(), ApkgError> {
        let Some(bytes) = self.entry("media", MAX_MEDIA_MAP_BYTES)? else {
            return Ok(());
        };
        let mut pairs: Vec<(String, String)> = Vec::new();
        let too_many = || {
            ApkgError::Refused(format!(
                "the package names more than {MAX_MEDIA_FILES} media files, and recall takes \
                 at most {MAX_MEDIA_FILES} from one package"
            ))
        };
        if self.media_zstd {
            let bad = |e: String| ApkgError::Corrupt(format!("media: {e}"));
            for field in protobuf::each_field(&bytes) {
                let (number, value) = field.map_err(bad)?;
                let protobuf::Value::Bytes(entry) = value else {
                    continue;
                };
                if number != 1 {
                    continue;
                }
                // Counted as they come: 16 MB of empty entries would be eight million.
                if pairs.len() >= MAX_MEDIA_FILES {
                    return Err(too_many());
                }
                let entry = protobuf::fields(entry).map_err(bad)?;
                let name = protobuf::string(&entry, 1)
                    .map_err(bad)?
                    .unwrap_or_default();
                // MediaEntry.legacy_zip_filename (255) overrides the position when present.
                let zip_name = match entry.iter().any(|(n, _)| *n == 255) {
                    true => protobuf::uint(&entry, 255).to_string(),
                    false => pairs.len().to_string(),
                };
                pairs.push((zip_name, name));
            }
        } else if !bytes.is_empty() {
            // Counted as they come too: 16 MB of JSON names over a million files.
            match serde_json::from_slice::<CappedMap>(&bytes) {
                Ok(map) => pairs = map.0,
                Err(e) if e.to_string().starts_with(TOO_MANY) => {
                    return Err(too_many());
                }
                Err(e) => return Err(ApkgError::Corrupt(format!("media: {e}"))),
            }
        }
        for (zip_name, name) in pairs {
            match crate::deck::media_name_problem(&name) {
                Some(problem) => self.refused_media.push((name, problem)),
                None => {
                    self.media.insert(name, zip_name);
                }
            }
        }
        Ok(())
    }

    /// The bytes of the media file `name`, at most [`MAX_MEDIA_FILE_BYTES`]; `None` when the
    /// package does not hold it.
    pub(super) fn media_file(&mut self, name: &str) -> Result<Option<Vec<u8>>, ApkgError> {
        let Some(zip_name) = self.media.get(name).cloned() else {
            return Ok(None);
        };
        let mut out = Vec::new();
        match self.copy_entry(&zip_name, MAX_MEDIA_FILE_BYTES, &mut out) {
            Ok(true) => Ok(Some(out)),
            Ok(false) => Ok(None),
            Err(ApkgError::TooLarge { limit, .. }) => Err(ApkgError::TooLarge {
                entry: name.to_string(),
                limit,
            }),
            Err(e) => Err(e),
        }
    }
}

/// The error a [`CappedMap`] stops with.
const TOO_MANY: &str = "too many media files";

/// A legacy media map (`{"0": "flag.png", ...}`) read pair by pair, refused once it names
/// more than [`MAX_MEDIA_FILES`] files instead of first holding all of them.
struct CappedMap(Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for CappedMap {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = CappedMap;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of zip entry names and file names")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<CappedMap, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<String, String>()? {
                    if pairs.len() >= MAX_MEDIA_FILES {
                        return Err(serde::de::Error::custom(TOO_MANY));
                    }
                    pairs.push(pair);
                }
                Ok(CappedMap(pairs))
            }
        }
        d.deserialize_map(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::apkg::zip_of;
    use std::io::Cursor;

    #[test]
    fn the_newest_collection_is_chosen() {
        let a = Archive::open(Cursor::new(zip_of(&[
            ("collection.anki2", b"stub"),
            ("collection.anki21b", b"z"),
        ])))
        .unwrap();
        assert_eq!(a.collection, ("collection.anki21b", true));
        let a = Archive::open(Cursor::new(zip_of(&[
            ("collection.anki2", b"stub"),
            ("collection.anki21", b"x"),
        ])))
        .unwrap();
        assert_eq!(a.collection, ("collection.anki21", false));
    }

    #[test]
    fn zstd_entries_are_decompressed_within_the_limit() {
        let data = vec![7u8; 10_000];
        let packed = zstd::encode_all(&data[..], 3).unwrap();
        let mut a = Archive::open(Cursor::new(zip_of(&[("collection.anki21b", &packed)]))).unwrap();
        assert_eq!(a.entry("collection.anki21b", 10_000).unwrap(), Some(data));
        assert_eq!(
            a.entry("collection.anki21b", 9_999).unwrap_err(),
            ApkgError::TooLarge {
                entry: "collection.anki21b".into(),
                limit: 9_999
            }
        );
    }

    #[test]
    fn a_zstd_bomb_stops_at_the_limit() {
        // 1 GB of zeros compresses to a few dozen KB.
        let mut encoder = zstd::stream::write::Encoder::new(Vec::new(), 19).unwrap();
        let chunk = vec![0u8; 1 << 20];
        for _ in 0..1024 {
            encoder.write_all(&chunk).unwrap();
        }
        let packed = encoder.finish().unwrap();
        assert!(packed.len() < 200_000, "{}", packed.len());
        let mut a = Archive::open(Cursor::new(zip_of(&[("collection.anki21b", &packed)]))).unwrap();
        let err = a.entry("collection.anki21b", 1 << 20).unwrap_err();
        assert!(matches!(err, ApkgError::TooLarge { .. }), "{err:?}");
    }

    #[test]
    fn current_media_maps_are_protobuf_and_refuse_unsafe_names() {
        // MediaEntries { entries: [{name: "a.png"}, {name: "../x"}, {name: "b.mp3", legacy: 9}] }
        let entry = |name: &str, legacy: Option<u8>| {
            let mut e = vec![0x0a, name.len() as u8];
            e.extend(name.as_bytes());
            if let Some(n) = legacy {
                e.extend([0xf8, 0x0f, n]);
            }
            let mut out = vec![0x0a, e.len() as u8];
            out.extend(e);
            out
        };
        let mut map = entry("a.png", None);
        map.extend(entry("../x", None));
        map.extend(entry("b.mp3", Some(9)));
        let packed = zstd::encode_all(&map[..], 3).unwrap();
        let a = Archive::open(Cursor::new(zip_of(&[
            ("meta", &[0x08, 0x03]),
            ("collection.anki21b", b""),
            ("media", &packed),
        ])))
        .unwrap();
        assert_eq!(a.media.get("a.png").map(String::as_str), Some("0"));
        assert_eq!(a.media.get("b.mp3").map(String::as_str), Some("9"));
        assert_eq!(a.refused_media.len(), 1);
        assert_eq!(a.refused_media[0].0, "../x");
    }

    #[test]
    fn legacy_media_maps_are_json() {
        let a = Archive::open(Cursor::new(zip_of(&[
            ("collection.anki2", b""),
            ("media", br#"{"0": "flag.png", "1": "/etc/passwd"}"#),
        ])))
        .unwrap();
        assert_eq!(a.media.get("flag.png").map(String::as_str), Some("0"));
        assert_eq!(a.refused_media[0].0, "/etc/passwd");
    }

    #[test]
    fn a_media_map_naming_too_many_files_is_refused() {
        let map: HashMap<String, String> = (0..=MAX_MEDIA_FILES)
            .map(|i| (i.to_string(), format!("{i}.png")))
            .collect();
        let map = serde_json::to_vec(&map).unwrap();
        let Err(err) = Archive::open(Cursor::new(zip_of(&[
            ("collection.anki2", b""),
            ("media", &map),
        ]))) else {
            panic!("opened")
        };
        assert_eq!(
            err.to_string(),
            "the package is refused: the package names more than 50000 media files, and recall \
             takes at most 50000 from one package"
        );
    }

    #[test]
    fn media_files_are_capped() {
        let mut a = Archive::open(Cursor::new(zip_of(&[
            ("collection.anki2", b""),
            ("media", br#"{"0": "x.png", "1": "gone.png"}"#),
            ("0", b"png-bytes"),
        ])))
        .unwrap();
        assert_eq!(a.media_file("x.png").unwrap(), Some(b"png-bytes".to_vec()));
        assert_eq!(a.media_file("gone.png").unwrap(), None);
        assert_eq!(a.media_file("never.png").unwrap(), None);
    }
}

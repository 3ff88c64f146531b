//! Anki packages (`.apkg`): a zip holding `collection.anki2`, an SQLite database in Anki's
//! schema 11, and a `media` map. Export writes what genanki writes (a Basic and a Cloze note
//! type, stable GUIDs from card ids) so re-importing an updated deck updates the same notes;
//! import reads the notes of any package exported with "Support older Anki versions".
//!
//! A package is untrusted input: nothing from the zip is ever written to disk except the
//! collection, which goes into a private temporary directory under a fixed name, and every entry
//! read is capped in size while it is read.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::{self, Cursor, Read, Seek, Write};
use std::sync::LazyLock;

use regex::Regex;
use rusqlite::{Connection, params};
use serde_json::{Value, json};
use sha1::{Digest, Sha1};

use crate::deck::{Answer, Card, CardId, ClozePart, Deck, Kind, Shared, Span, Tags, Text};
use crate::formats::ids::{IdSet, short_hash};
use crate::formats::{Skipped, html, spell};

/// Largest uncompressed entry read from a package.
pub const MAX_ENTRY_BYTES: u64 = 200 * 1024 * 1024;

/// The note types recall writes. Fixed forever: Anki recognises a note type by its id, so
/// changing these would make every re-import create a new note type.
const BASIC_MODEL_ID: i64 = 1_739_574_201;
const CLOZE_MODEL_ID: i64 = 1_739_574_202;

/// Why a package could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApkgError {
    /// The bytes are not a zip archive.
    NotZip(String),
    /// A zip without `collection.anki2` or `collection.anki21`.
    NoCollection,
    /// Only `collection.anki21b` (zstd-compressed, schema 18) is present.
    NewerFormat,
    TooLarge {
        entry: String,
        limit: u64,
    },
    /// The collection is not an Anki database we can read.
    Corrupt(String),
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
                "not an Anki package: the archive holds no collection.anki2 or collection.anki21"
            ),
            ApkgError::NewerFormat => write!(
                f,
                "this package uses Anki's newer compressed format (collection.anki21b), which \
                 recall cannot read; in Anki, export the deck again with \"Support older Anki \
                 versions\" ticked"
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

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/// Write the deck as an `.apkg`. `created_ms` (milliseconds since the Unix epoch) stamps the
/// notes and seeds their row ids, so the same deck and time give the same package.
pub fn write(deck: &Deck, created_ms: i64, out: &mut dyn Write) -> Result<Vec<Skipped>, ApkgError> {
    let (bytes, skipped) = to_bytes(deck, created_ms)?;
    out.write_all(&bytes)?;
    Ok(skipped)
}

/// The package as bytes, and the cards it had to leave out.
pub fn to_bytes(deck: &Deck, created_ms: i64) -> Result<(Vec<u8>, Vec<Skipped>), ApkgError> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("collection.anki2");
    let skipped = {
        let conn = Connection::open(&path)?;
        write_collection(&conn, deck, created_ms)?
    };
    let collection = std::fs::read(&path)?;

    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    zip.start_file("collection.anki2", options)?;
    zip.write_all(&collection)?;
    zip.start_file("media", options)?;
    zip.write_all(b"{}")?;
    let bytes = zip.finish()?.into_inner();
    Ok((bytes, skipped))
}

/// One Anki note to be written.
struct Note {
    guid: String,
    model: i64,
    fields: Vec<String>,
    tags: Vec<String>,
}

fn write_collection(
    conn: &Connection,
    deck: &Deck,
    created_ms: i64,
) -> Result<Vec<Skipped>, ApkgError> {
    let now = created_ms.div_euclid(1000);
    let deck_id = anki_deck_id(&deck.id);
    conn.execute_batch(SCHEMA)?;
    conn.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            now - now.rem_euclid(86_400),
            created_ms,
            col_conf(deck_id).to_string(),
            models_json(deck_id, now).to_string(),
            decks_json(
                deck_id,
                &deck.title,
                deck.description.as_deref().unwrap_or("")
            )
            .to_string(),
            dconf_json().to_string(),
        ],
    )?;

    let mut skipped = Vec::new();
    let mut next_id = created_ms;
    let tx = conn.unchecked_transaction()?;
    {
        let mut note_stmt =
            tx.prepare("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')")?;
        let mut card_stmt = tx.prepare(
            "INSERT INTO cards VALUES (?1, ?2, ?3, 0, ?4, -1, 0, 0, ?5, 0, 0, 0, 0, 0, 0, 0, 0, '')",
        )?;
        for (position, card) in deck.cards.iter().enumerate() {
            let note = match note_for(deck, card) {
                Ok(note) => note,
                Err(reason) => {
                    skipped.push(Skipped::new(card.id.as_str(), reason));
                    continue;
                }
            };
            let sort_field = html::anki_strip(&note.fields[0]);
            let tags = if note.tags.is_empty() {
                String::new()
            } else {
                format!(" {} ", note.tags.join(" "))
            };
            let note_id = next_id;
            next_id += 1;
            note_stmt.execute(params![
                note_id,
                note.guid,
                note.model,
                now,
                tags,
                note.fields.join("\u{1f}"),
                sort_field,
                field_checksum(&note.fields[0]),
            ])?;
            // Recall cards become one Anki card each: cloze notes use only c1, so all blanks of a
            // recall cloze are hidden together, as recall asks them.
            card_stmt.execute(params![next_id, note_id, deck_id, now, position as i64 + 1])?;
            next_id += 1;
        }
    }
    tx.commit()?;
    Ok(skipped)
}

fn note_for(deck: &Deck, card: &Card) -> Result<Note, String> {
    let guid = guid_for(&deck.id, card.id.as_str());
    let tags: Vec<String> = card
        .tags
        .iter()
        .map(|t| t.replace(char::is_whitespace, "_"))
        .collect();
    if let Kind::Cloze { parts } = &card.kind {
        let mut text = String::new();
        if !card.prompt.trim().is_empty() {
            text.push_str(&html::escape(card.prompt.trim()));
            text.push_str("<br>");
        }
        for part in parts {
            match part {
                ClozePart::Text(t) => text.push_str(&html::escape(t)),
                ClozePart::Blank(answer) => {
                    if answer.text.contains("}}") || answer.text.contains("::") {
                        return Err("a cloze answer containing \"}}\" or \"::\" cannot be written as an Anki cloze".into());
                    }
                    // "{{c1::a}}}" closes after "a", and "{{" inside reads as a nested deletion.
                    if answer.text.ends_with('}') || answer.text.contains("{{") {
                        return Err("a cloze answer ending in \"}\" or containing \"{{\" cannot be written as an Anki cloze".into());
                    }
                    text.push_str("{{c1::");
                    text.push_str(&html::escape(&answer.text));
                    text.push_str("}}");
                }
            }
        }
        let extra = card
            .explain
            .as_deref()
            .map(html::escape)
            .unwrap_or_default();
        return Ok(Note {
            guid,
            model: CLOZE_MODEL_ID,
            fields: vec![text, extra],
            tags,
        });
    }
    let (front, back) = spell::front_back(card);
    let mut back = html::escape(&back);
    if let Some(explain) = &card.explain {
        back.push_str(&format!(
            "<div class=\"recall-explain\">{}</div>",
            html::escape(explain)
        ));
    }
    Ok(Note {
        guid,
        model: BASIC_MODEL_ID,
        fields: vec![html::escape(&front), back],
        tags,
    })
}

/// A note GUID from the deck and card ids: the first 8 bytes of a SHA-1, in the base 91 alphabet
/// genanki uses, so it is stable across exports and unlike any GUID Anki generates.
pub fn guid_for(deck_id: &str, card_id: &str) -> String {
    const TABLE: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";
    let digest = Sha1::digest(format!("recall__{deck_id}__{card_id}").as_bytes());
    let mut n = u64::from_be_bytes(digest[..8].try_into().expect("a SHA-1 has 20 bytes"));
    let mut out = Vec::new();
    while n > 0 {
        out.push(TABLE[(n % 91) as usize]);
        n /= 91;
    }
    out.reverse();
    String::from_utf8(out).expect("the base 91 table is ASCII")
}

/// Anki's duplicate checksum: the first 8 hex digits of the SHA-1 of the stripped first field.
fn field_checksum(field: &str) -> i64 {
    let digest = Sha1::digest(html::anki_strip(field).as_bytes());
    i64::from(u32::from_be_bytes(
        digest[..4].try_into().expect("a SHA-1 has 20 bytes"),
    ))
}

/// A deck id in genanki's recommended range, stable for a recall deck id.
fn anki_deck_id(deck_id: &str) -> i64 {
    let digest = Sha1::digest(format!("recall-deck__{deck_id}").as_bytes());
    let n = u32::from_be_bytes(digest[..4].try_into().expect("a SHA-1 has 20 bytes"));
    (1 << 30) + i64::from(n % (1 << 30))
}

const SCHEMA: &str = "
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
";

const CSS: &str = ".card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n\n.cloze {\n font-weight: bold;\n color: blue;\n}\n.nightMode .cloze {\n color: lightblue;\n}\n.recall-explain {\n margin-top: 1em;\n font-style: italic;\n}\n";

const LATEX_PRE: &str = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n";

fn col_conf(deck_id: i64) -> Value {
    json!({
        "activeDecks": [deck_id], "addToCur": true, "collapseTime": 1200, "curDeck": deck_id,
        "curModel": BASIC_MODEL_ID.to_string(), "dueCounts": true, "estTimes": true,
        "newBury": true, "newSpread": 0, "nextPos": 1, "sortBackwards": false,
        "sortType": "noteFld", "timeLim": 0
    })
}

fn model_json(
    id: i64,
    name: &str,
    kind: i64,
    fields: &[&str],
    tmpl: (&str, &str, &str),
    deck_id: i64,
    now: i64,
) -> Value {
    let flds: Vec<Value> = fields
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({"name": name, "ord": ord, "font": "Arial", "media": [], "rtl": false, "size": 20, "sticky": false})
        })
        .collect();
    json!({
        "css": CSS, "did": deck_id, "flds": flds, "id": id.to_string(),
        "latexPost": "\\end{document}", "latexPre": LATEX_PRE, "latexsvg": false, "mod": now,
        "name": name, "req": [[0, "all", [0]]], "sortf": 0, "tags": [],
        "tmpls": [{
            "name": tmpl.0, "ord": 0, "qfmt": tmpl.1, "afmt": tmpl.2, "bafmt": "", "bqfmt": "",
            "bfont": "", "bsize": 0, "did": null
        }],
        "type": kind, "usn": -1, "vers": []
    })
}

fn models_json(deck_id: i64, now: i64) -> Value {
    let basic = model_json(
        BASIC_MODEL_ID,
        "Basic (recall)",
        0,
        &["Front", "Back"],
        (
            "Card 1",
            "{{Front}}",
            "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}",
        ),
        deck_id,
        now,
    );
    let cloze = model_json(
        CLOZE_MODEL_ID,
        "Cloze (recall)",
        1,
        &["Text", "Back Extra"],
        (
            "Cloze",
            "{{cloze:Text}}",
            "{{cloze:Text}}<br>\n{{Back Extra}}",
        ),
        deck_id,
        now,
    );
    json!({ BASIC_MODEL_ID.to_string(): basic, CLOZE_MODEL_ID.to_string(): cloze })
}

fn deck_json(id: i64, name: &str, desc: &str, usn: i64) -> Value {
    json!({
        "collapsed": false, "conf": 1, "desc": desc, "dyn": 0, "extendNew": 10, "extendRev": 50,
        "id": id, "lrnToday": [0, 0], "mod": 1_425_279_151, "name": name, "newToday": [0, 0],
        "revToday": [0, 0], "timeToday": [0, 0], "usn": usn
    })
}

fn decks_json(deck_id: i64, name: &str, desc: &str) -> Value {
    // Anki's "::" nests decks; a title is one deck, so the separator is softened.
    let name = if name.trim().is_empty() {
        "recall".to_string()
    } else {
        name.replace("::", ": ")
    };
    json!({ "1": deck_json(1, "Default", "", 0), deck_id.to_string(): deck_json(deck_id, &name, desc, -1) })
}

fn dconf_json() -> Value {
    json!({"1": {
        "autoplay": true, "id": 1,
        "lapse": {"delays": [10], "leechAction": 0, "leechFails": 8, "minInt": 1, "mult": 0},
        "maxTaken": 60, "mod": 0, "name": "Default",
        "new": {"bury": true, "delays": [1, 10], "initialFactor": 2500, "ints": [1, 4, 7],
                "order": 1, "perDay": 20, "separate": true},
        "replayq": true,
        "rev": {"bury": true, "ease4": 1.3, "fuzz": 0.05, "ivlFct": 1, "maxIvl": 36500,
                "minSpace": 1, "perDay": 100},
        "timer": 0, "usn": 0
    }})
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/// What a package held: its deck name, the cards recall could make, and the notes it could not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ApkgImport {
    pub deck_name: Option<String>,
    pub cards: Vec<Card>,
    pub skipped: Vec<Skipped>,
}

/// Read an Anki package. Basic-like notes become `basic` cards (first field front, second back);
/// cloze notes become one `cloze` card per cloze number.
pub fn read(reader: impl Read + Seek) -> Result<ApkgImport, ApkgError> {
    read_with_limit(reader, MAX_ENTRY_BYTES)
}

fn read_with_limit(reader: impl Read + Seek, limit: u64) -> Result<ApkgImport, ApkgError> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|e| ApkgError::NotZip(e.to_string()))?;
    // Raw names, compared byte for byte: no decoding or path interpretation of what the zip says.
    let has = |name: &str| archive.index_for_name_raw(name.as_bytes()).is_some();
    // Anki's newer exports hold a stub collection.anki2 that only says "please update": the real
    // notes are in collection.anki21b, so the stub must not be read in its place.
    let entry_name = if has("collection.anki21") {
        "collection.anki21"
    } else if has("collection.anki21b") {
        return Err(ApkgError::NewerFormat);
    } else if has("collection.anki2") {
        "collection.anki2"
    } else {
        return Err(ApkgError::NoCollection);
    };

    let dir = tempfile::tempdir().map_err(|e| ApkgError::Io(e.to_string()))?;
    let path = dir.path().join("collection.sqlite");
    {
        let index = archive
            .index_for_name_raw(entry_name.as_bytes())
            .ok_or(ApkgError::NoCollection)?;
        let mut entry = archive
            .by_index(index)
            .map_err(|e| ApkgError::Corrupt(format!("{entry_name}: {e}")))?;
        let too_large = || ApkgError::TooLarge {
            entry: entry_name.to_string(),
            limit,
        };
        if entry.size() > limit {
            return Err(too_large());
        }
        let mut file = std::fs::File::create(&path).map_err(|e| ApkgError::Io(e.to_string()))?;
        // The declared size may lie, so the limit is enforced on the bytes actually inflated.
        let mut buf = vec![0u8; 64 * 1024];
        let mut copied: u64 = 0;
        loop {
            let n = entry
                .read(&mut buf)
                .map_err(|e| ApkgError::Corrupt(format!("{entry_name}: {e}")))?;
            if n == 0 {
                break;
            }
            copied += n as u64;
            if copied > limit {
                return Err(too_large());
            }
            file.write_all(&buf[..n])
                .map_err(|e| ApkgError::Io(e.to_string()))?;
        }
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
    let conn = Connection::open(&path)?;
    // The database comes from outside: never run functions its schema might define.
    conn.execute_batch("PRAGMA trusted_schema = OFF; PRAGMA query_only = ON;")?;
    read_collection(&conn)
}

/// A note type as far as import needs it.
struct Model {
    cloze: bool,
    fields: usize,
}

fn read_collection(conn: &Connection) -> Result<ApkgImport, ApkgError> {
    let (models_text, decks_text): (String, String) =
        conn.query_row("SELECT models, decks FROM col LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let models = parse_models(&models_text);
    let deck_names = parse_deck_names(&decks_text);

    let mut out = ApkgImport::default();
    let mut deck_counts: BTreeMap<i64, usize> = BTreeMap::new();
    let mut stmt = conn.prepare("SELECT did, count(*) FROM cards GROUP BY did")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (did, n) = row?;
        deck_counts.insert(did, n as usize);
    }
    out.deck_name = deck_counts
        .iter()
        .max_by_key(|(did, n)| (**n, std::cmp::Reverse(**did)))
        .and_then(|(did, _)| deck_names.get(did).cloned());

    let mut ids = IdSet::new();
    let mut stmt = conn.prepare("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    for row in rows {
        let (note_id, guid, mid, tags, flds) = row?;
        let fields: Vec<&str> = flds.split('\u{1f}').collect();
        let tags: Vec<String> = tags.split_whitespace().map(String::from).collect();
        let model = models.get(&mid);
        let where_ = format!("note {note_id}");
        // Ids come from the note's GUID alone, so fixing a typo in Anki and importing again
        // keeps the learner's progress on the card.
        let base = format!("anki-{}", short_hash(&guid, 8));
        let first = html::to_text(fields[0]);
        let is_cloze = model.map_or_else(|| has_anki_cloze(&first), |m| m.cloze);
        if is_cloze {
            let mut cards = match try_cloze_cards(&first, &base, &mut ids) {
                Ok(cards) if !cards.is_empty() => cards,
                Ok(_) => {
                    out.skipped.push(Skipped::new(
                        where_,
                        "cloze note without any {{c1::...}} deletion",
                    ));
                    continue;
                }
                Err(reason) => {
                    out.skipped.push(Skipped::new(where_, reason));
                    continue;
                }
            };
            let extra = fields
                .get(1)
                .map(|f| html::to_text(f))
                .filter(|t| !t.is_empty());
            let tags = Tags::from_iter(tags.into_iter().map(Text::from));
            let extra = extra.map(Shared::from);
            for card in &mut cards {
                card.tags = tags.clone();
                card.explain = extra.clone();
            }
            out.cards.extend(cards);
            continue;
        }
        if fields.len() < 2 || model.is_some_and(|m| m.fields < 2) {
            out.skipped.push(Skipped::new(
                where_,
                "the note has a single field, so no back",
            ));
            continue;
        }
        if first.is_empty() {
            out.skipped.push(Skipped::new(
                where_,
                "the front has no text (images and sounds are not imported)",
            ));
            continue;
        }
        let (back_html, explain) = split_explain(fields[1]);
        let back = html::to_text(back_html);
        out.cards.push(Card {
            id: CardId(ids.unique(base).into()),
            kind: Kind::Basic { back: back.into() },
            prompt: first.into(),
            tags: tags.into_iter().map(Text::from).collect(),
            explain: explain.map(Shared::from),
            source: None,
            fact: None,
            span: Span::default(),
            checking: Default::default(),
        });
    }
    Ok(out)
}

fn parse_models(text: &str) -> HashMap<i64, Model> {
    let mut models = HashMap::new();
    if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) {
        for (key, model) in map {
            let Ok(id) = key.parse::<i64>() else { continue };
            let cloze = model.get("type").and_then(Value::as_i64) == Some(1);
            let fields = model
                .get("flds")
                .and_then(Value::as_array)
                .map_or(2, Vec::len);
            models.insert(id, Model { cloze, fields });
        }
    }
    models
}

fn parse_deck_names(text: &str) -> HashMap<i64, String> {
    let mut names = HashMap::new();
    if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) {
        for (key, deck) in map {
            if let (Ok(id), Some(name)) =
                (key.parse::<i64>(), deck.get("name").and_then(Value::as_str))
            {
                names.insert(id, name.to_string());
            }
        }
    }
    names
}

static EXPLAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?s)<div class="recall-explain">(.*?)</div>\s*$"#).unwrap());
static CLOZE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)\{\{c(\d+)::(.*?)\}\}").unwrap());

/// The back without recall's explanation block, and the explanation.
fn split_explain(back: &str) -> (&str, Option<String>) {
    match EXPLAIN.captures(back) {
        Some(c) => {
            let whole = c.get(0).expect("group 0 always matches");
            (
                &back[..whole.start()],
                Some(html::to_text(&c[1])).filter(|t| !t.is_empty()),
            )
        }
        None => (back, None),
    }
}

/// Whether text holds an Anki cloze deletion (`{{c1::...}}`).
pub fn has_anki_cloze(text: &str) -> bool {
    CLOZE.is_match(text)
}

/// Cloze cards from Anki cloze text (already plain text), one per cloze number, with ids
/// `BASE-cN`. Nested deletions cannot be represented and give no cards.
pub fn cloze_cards(text: &str, base: &str, ids: &mut IdSet) -> Vec<Card> {
    try_cloze_cards(text, base, ids).unwrap_or_default()
}

fn try_cloze_cards(text: &str, base: &str, ids: &mut IdSet) -> Result<Vec<Card>, String> {
    struct Deletion {
        start: usize,
        end: usize,
        number: u32,
        answer: String,
    }
    let mut deletions = Vec::new();
    for c in CLOZE.captures_iter(text) {
        let whole = c.get(0).expect("group 0 always matches");
        let body = &c[2];
        if body.contains("{{") {
            return Err("nested cloze deletions are not supported".into());
        }
        // `{{c1::answer::hint}}`: the hint is only a clue shown in the blank.
        let answer = body.split("::").next().unwrap_or("").trim().to_string();
        let number = c[1]
            .parse()
            .map_err(|_| format!("cloze number c{} is too large", &c[1]))?;
        deletions.push(Deletion {
            start: whole.start(),
            end: whole.end(),
            number,
            answer,
        });
    }
    let mut numbers: Vec<u32> = deletions.iter().map(|d| d.number).collect();
    numbers.sort_unstable();
    numbers.dedup();

    // A first line without deletions, followed by more text, is an instruction (as recall
    // writes a cloze prompt).
    let (prompt, offset) = match text.split_once('\n') {
        Some((first, _))
            if !first.contains("{{c")
                && deletions.first().is_some_and(|d| d.start > first.len()) =>
        {
            (first.trim().to_string(), first.len() + 1)
        }
        _ => (String::new(), 0),
    };

    let mut cards = Vec::new();
    for n in numbers {
        let mut parts = Vec::new();
        let mut pos = offset;
        for d in &deletions {
            let before = &text[pos..d.start];
            if d.number == n {
                if !before.is_empty() {
                    parts.push(ClozePart::Text(Text::from(before)));
                }
                parts.push(ClozePart::Blank(Answer::plain(d.answer.clone())));
            } else {
                parts.push(ClozePart::Text(format!("{before}{}", d.answer).into()));
            }
            pos = d.end;
        }
        if pos < text.len() {
            parts.push(ClozePart::Text(Text::from(&text[pos..])));
        }
        cards.push(Card {
            id: CardId(ids.unique(format!("{base}-c{n}")).into()),
            kind: Kind::Cloze {
                parts: merge_text(parts),
            },
            prompt: prompt.clone().into(),
            tags: Tags::default(),
            explain: None,
            source: None,
            fact: None,
            span: Span::default(),
            checking: Default::default(),
        });
    }
    Ok(cards)
}

/// Adjacent text parts joined, so "a " + "b" + " c" reads as one piece.
fn merge_text(parts: Vec<ClozePart>) -> Vec<ClozePart> {
    let mut out: Vec<ClozePart> = Vec::new();
    for part in parts {
        match (out.last_mut(), part) {
            (Some(ClozePart::Text(prev)), ClozePart::Text(t)) => prev.push_str(&t),
            (_, part) => out.push(part),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn card(id: &str, kind: Kind, prompt: &str) -> Card {
        Card::new(id, kind, prompt)
    }

    fn deck(cards: Vec<Card>) -> Deck {
        Deck {
            id: "space".into(),
            title: "Space".into(),
            cards,
            ..Deck::default()
        }
    }

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn open_collection(package: &[u8]) -> (tempfile::TempDir, Connection) {
        let mut archive = zip::ZipArchive::new(Cursor::new(package)).unwrap();
        let mut data = Vec::new();
        archive
            .by_name("collection.anki2")
            .unwrap()
            .read_to_end(&mut data)
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        std::fs::write(&path, data).unwrap();
        let conn = Connection::open(&path).unwrap();
        (dir, conn)
    }

    #[test]
    fn guid_is_stable_base91() {
        let a = guid_for("space", "sun");
        assert_eq!(a, guid_for("space", "sun"));
        assert_ne!(a, guid_for("space", "moon"));
        assert!(a.len() >= 9 && a.len() <= 10, "{a}");
    }

    #[test]
    fn checksum_is_first_eight_hex_digits_of_sha1_of_stripped_field() {
        // sha1("abc") = a9993e36...
        assert_eq!(field_checksum("<b>abc</b>"), 0xa999_3e36);
    }

    #[test]
    fn package_holds_collection_and_empty_media() {
        let (bytes, skipped) = to_bytes(&deck(vec![]), 1_700_000_000_000).unwrap();
        assert!(skipped.is_empty());
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut media = String::new();
        archive
            .by_name("media")
            .unwrap()
            .read_to_string(&mut media)
            .unwrap();
        assert_eq!(media, "{}");
        assert!(archive.by_name("collection.anki2").is_ok());
    }

    #[test]
    fn same_deck_and_time_give_the_same_package() {
        let d = deck(vec![card(
            "sun",
            Kind::Basic {
                back: "star".into(),
            },
            "Sun?",
        )]);
        assert_eq!(
            to_bytes(&d, 1_700_000_000_000).unwrap().0,
            to_bytes(&d, 1_700_000_000_000).unwrap().0
        );
    }

    #[test]
    fn notes_carry_fields_tags_sort_field_and_checksum() {
        let mut c = card(
            "sun",
            Kind::Basic {
                back: "a <star>".into(),
            },
            "What is the Sun?",
        );
        c.tags = vec!["solar system".into(), "stars".into()].into();
        let (bytes, _) = to_bytes(&deck(vec![c]), 1_700_000_000_000).unwrap();
        let (_dir, conn) = open_collection(&bytes);
        let (guid, mid, tags, flds, sfld, csum): (String, i64, String, String, String, i64) = conn
            .query_row(
                "SELECT guid, mid, tags, flds, sfld, csum FROM notes",
                [],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .unwrap();
        assert_eq!(guid, guid_for("space", "sun"));
        assert_eq!(mid, BASIC_MODEL_ID);
        assert_eq!(tags, " solar_system stars ");
        assert_eq!(flds, "What is the Sun?\u{1f}a &lt;star&gt;");
        assert_eq!(sfld, "What is the Sun?");
        assert_eq!(csum, field_checksum("What is the Sun?"));
        let (did, ord): (i64, i64) = conn
            .query_row("SELECT did, ord FROM cards", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((did, ord), (anki_deck_id("space"), 0));
    }

    #[test]
    fn col_row_names_the_deck_and_both_note_types() {
        let (bytes, _) = to_bytes(&deck(vec![]), 1_700_000_000_000).unwrap();
        let (_dir, conn) = open_collection(&bytes);
        let (ver, models, decks): (i64, String, String) = conn
            .query_row("SELECT ver, models, decks FROM col", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!(ver, 11);
        let models: Value = serde_json::from_str(&models).unwrap();
        assert_eq!(models[BASIC_MODEL_ID.to_string()]["name"], "Basic (recall)");
        assert_eq!(models[CLOZE_MODEL_ID.to_string()]["type"], 1);
        let decks: Value = serde_json::from_str(&decks).unwrap();
        assert_eq!(decks[anki_deck_id("space").to_string()]["name"], "Space");
    }

    #[test]
    fn cloze_cards_become_cloze_notes_with_c1() {
        let c = card(
            "titan",
            Kind::Cloze {
                parts: vec![
                    ClozePart::Text("Titan orbits ".into()),
                    ClozePart::Blank(Answer::plain("Saturn")),
                    ClozePart::Text(" & has ".into()),
                    ClozePart::Blank(Answer::plain("lakes")),
                ],
            },
            "Complete:",
        );
        let (bytes, _) = to_bytes(&deck(vec![c]), 1_700_000_000_000).unwrap();
        let (_dir, conn) = open_collection(&bytes);
        let (mid, flds): (i64, String) = conn
            .query_row("SELECT mid, flds FROM notes", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(mid, CLOZE_MODEL_ID);
        assert_eq!(
            flds,
            "Complete:<br>Titan orbits {{c1::Saturn}} &amp; has {{c1::lakes}}\u{1f}"
        );
    }

    #[test]
    fn cloze_answers_anki_cannot_hold_are_skipped() {
        let c = card(
            "bad",
            Kind::Cloze {
                parts: vec![ClozePart::Blank(Answer::plain("a::b"))],
            },
            "",
        );
        let (_, skipped) = to_bytes(&deck(vec![c]), 0).unwrap();
        assert_eq!(
            skipped,
            vec![Skipped::new(
                "bad",
                "a cloze answer containing \"}}\" or \"::\" cannot be written as an Anki cloze"
            )]
        );
    }

    #[test]
    fn cloze_answers_that_would_close_early_or_nest_are_skipped() {
        let cloze = |id: &str, answer: &str| {
            card(
                id,
                Kind::Cloze {
                    parts: vec![
                        ClozePart::Text("set ".into()),
                        ClozePart::Blank(Answer::plain(answer)),
                    ],
                },
                "",
            )
        };
        let d = deck(vec![
            cloze("brace", "{x}"),
            cloze("nest", "a{{b"),
            cloze("fine", "{x} y"),
        ]);
        let (bytes, skipped) = to_bytes(&d, 0).unwrap();
        let reason = "a cloze answer ending in \"}\" or containing \"{{\" cannot be written as an Anki cloze";
        assert_eq!(
            skipped,
            vec![Skipped::new("brace", reason), Skipped::new("nest", reason)]
        );
        let got = read(Cursor::new(bytes)).unwrap();
        assert_eq!(got.cards.len(), 1);
        assert_eq!(got.cards[0].kind, d.cards[2].kind);
    }

    #[test]
    fn export_then_import_keeps_text_tags_and_explanations() {
        let mut basic = card(
            "sun",
            Kind::Basic {
                back: "a star".into(),
            },
            "The Sun?",
        );
        basic.explain = Some("It is a G-type star.".into());
        basic.tags = vec!["stars".into()].into();
        let typed = card(
            "red",
            Kind::Typed {
                answer: Answer::plain("Mars"),
            },
            "Red planet?",
        );
        let (bytes, _) = to_bytes(&deck(vec![basic, typed]), 1_700_000_000_000).unwrap();
        let got = read(Cursor::new(bytes)).unwrap();
        assert_eq!(got.deck_name.as_deref(), Some("Space"));
        assert_eq!(got.skipped, vec![]);
        assert_eq!(got.cards.len(), 2);
        assert_eq!(got.cards[0].prompt, "The Sun?");
        assert_eq!(
            got.cards[0].kind,
            Kind::Basic {
                back: "a star".into()
            }
        );
        assert_eq!(
            got.cards[0].explain.as_deref(),
            Some("It is a G-type star.")
        );
        assert_eq!(got.cards[0].tags.to_vec(), vec!["stars".to_string()]);
        assert_eq!(
            got.cards[1].kind,
            Kind::Basic {
                back: "Mars".into()
            }
        );
    }

    #[test]
    fn imported_ids_are_stable_and_unique() {
        let d = deck(vec![
            card("a", Kind::Basic { back: "1".into() }, "Same front"),
            card("b", Kind::Basic { back: "2".into() }, "Same front"),
        ]);
        let (bytes, _) = to_bytes(&d, 5).unwrap();
        let first = read(Cursor::new(bytes.clone())).unwrap();
        let again = read(Cursor::new(bytes)).unwrap();
        let ids: Vec<&str> = first.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            again
                .cards
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
        );
        assert_ne!(ids[0], ids[1]);
        assert_eq!(
            ids[0],
            format!("anki-{}", short_hash(&guid_for("space", "a"), 8))
        );
    }

    #[test]
    fn cloze_notes_import_one_card_per_number() {
        let mut ids = IdSet::new();
        let cards = cloze_cards(
            "{{c1::Io}} and {{c2::Europa::a moon}} orbit Jupiter.",
            "x",
            &mut ids,
        );
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].id.as_str(), "x-c1");
        assert_eq!(
            cards[0].kind,
            Kind::Cloze {
                parts: vec![
                    ClozePart::Blank(Answer::plain("Io")),
                    ClozePart::Text(" and Europa orbit Jupiter.".into())
                ]
            }
        );
        assert_eq!(
            cards[1].kind,
            Kind::Cloze {
                parts: vec![
                    ClozePart::Text("Io and ".into()),
                    ClozePart::Blank(Answer::plain("Europa")),
                    ClozePart::Text(" orbit Jupiter.".into())
                ]
            }
        );
    }

    #[test]
    fn cloze_instruction_line_becomes_the_prompt() {
        let mut ids = IdSet::new();
        let cards = cloze_cards("Complete:\nTitan orbits {{c1::Saturn}}", "x", &mut ids);
        assert_eq!(cards[0].prompt, "Complete:");
        assert_eq!(
            cards[0].kind,
            Kind::Cloze {
                parts: vec![
                    ClozePart::Text("Titan orbits ".into()),
                    ClozePart::Blank(Answer::plain("Saturn"))
                ]
            }
        );
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
    fn the_newer_format_is_refused_even_beside_the_stub() {
        let bytes = zip_of(&[
            ("collection.anki2", b"stub"),
            ("collection.anki21b", b"zstd"),
            ("media", b""),
        ]);
        let err = read(Cursor::new(bytes)).unwrap_err();
        assert_eq!(err, ApkgError::NewerFormat);
        assert!(
            err.to_string()
                .contains("\"Support older Anki versions\" ticked")
        );
    }

    #[test]
    fn a_collection_that_is_not_sqlite_is_refused() {
        let bytes = zip_of(&[("collection.anki2", b"not a database at all")]);
        assert_eq!(
            read(Cursor::new(bytes)).unwrap_err(),
            ApkgError::Corrupt("collection.anki2 is not an SQLite database".into())
        );
    }

    #[test]
    fn entries_over_the_limit_are_refused_while_reading() {
        let bytes = zip_of(&[("collection.anki2", &[0u8; 4096])]);
        assert_eq!(
            read_with_limit(Cursor::new(bytes), 1000).unwrap_err(),
            ApkgError::TooLarge {
                entry: "collection.anki2".into(),
                limit: 1000
            }
        );
    }

    #[test]
    fn evil_paths_are_never_written() {
        let (package, _) = to_bytes(
            &deck(vec![card("s", Kind::Basic { back: "b".into() }, "f")]),
            1,
        )
        .unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(package)).unwrap();
        let mut collection = Vec::new();
        archive
            .by_name("collection.anki2")
            .unwrap()
            .read_to_end(&mut collection)
            .unwrap();
        let bytes = zip_of(&[
            ("../evil", b"x"),
            ("../../tmp/recall-evil-entry", b"x"),
            ("/abs-evil", b"x"),
            ("collection.anki2", &collection),
        ]);
        let got = read(Cursor::new(bytes)).unwrap();
        assert_eq!(got.cards.len(), 1);
        assert!(!std::path::Path::new("/tmp/recall-evil-entry").exists());
        assert!(!std::path::Path::new("/abs-evil").exists());
        let only_evil = zip_of(&[("../collection.anki2", &collection)]);
        assert_eq!(
            read(Cursor::new(only_evil)).unwrap_err(),
            ApkgError::NoCollection
        );
    }

    #[test]
    fn single_field_notes_are_skipped_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        conn.execute(
            "INSERT INTO col VALUES (1,0,0,0,11,0,0,0,'{}',?1,'{}','{}','{}')",
            [r#"{"5": {"type": 0, "flds": [{"name": "Only"}]}}"#],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO notes VALUES (7,'g',5,0,0,'','lonely',0,0,0,'')",
            [],
        )
        .unwrap();
        drop(conn);
        let bytes = zip_of(&[("collection.anki21", &std::fs::read(&path).unwrap())]);
        let got = read(Cursor::new(bytes)).unwrap();
        assert_eq!(
            got.skipped,
            vec![Skipped::new(
                "note 7",
                "the note has a single field, so no back"
            )]
        );
    }
}

//! The SQLite collection inside a package, opened as the hostile file it may be: read-only,
//! reading only real tables (a `notes` that is a view over an endless recursive query would
//! never finish), every value capped in size, and every query stopped after a fixed amount of
//! work. Both of Anki's layouts are read: schema 11 (note types as JSON in `col`, what legacy
//! exports hold) and schema 18 (tables `notetypes`, `fields`, `templates`, `decks` with
//! protobuf configs, what current exports hold).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rusqlite::limits::Limit;
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;

use super::ApkgError;
use super::protobuf;

/// Largest value (a string or blob) read from the collection. Note types and deck lists of big
/// collections run to a few MB; a 900 MB string is an attack.
pub(super) const MAX_VALUE_BYTES: i32 = 64 * 1024 * 1024;

/// Largest note (all its fields together) imported; bigger notes are skipped with a reason.
pub(super) const MAX_NOTE_BYTES: usize = 1024 * 1024;

/// SQLite virtual machine steps allowed for reading a collection: far more than reading a
/// million notes takes, and reached within seconds by a query that never ends.
pub(super) const MAX_STEPS: u64 = 2_000_000_000;

/// How often (in steps) the step budget is checked.
const STEPS_PER_CHECK: i32 = 10_000;

/// A note type as import needs it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct NoteType {
    pub name: String,
    pub cloze: bool,
    pub fields: Vec<String>,
    /// (ord, question format, answer format).
    pub templates: Vec<(u32, String, String)>,
}

/// A note as stored: its fields as HTML, or `None` when the note is over the size limit.
pub(super) struct NoteRow {
    pub id: i64,
    pub guid: String,
    pub mid: i64,
    pub tags: String,
    pub fields: Option<String>,
    pub bytes: usize,
}

/// An open collection.
pub(super) struct Collection {
    conn: Connection,
    schema18: bool,
}

impl Collection {
    /// Opens the collection at `path` with the guards described above.
    pub(super) fn open(path: &Path, entry: &str, max_steps: u64) -> Result<Collection, ApkgError> {
        let corrupt = |e: rusqlite::Error| ApkgError::Corrupt(format!("{entry}: {e}"));
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(corrupt)?;
        conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
            .map_err(corrupt)?;
        conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)
            .map_err(corrupt)?;
        // The database comes from outside: never run functions its schema might define, keep
        // sorting in a bounded memory cache, and never write.
        conn.execute_batch(
            "PRAGMA trusted_schema = OFF; PRAGMA query_only = ON; PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -16384; PRAGMA mmap_size = 0;",
        )
        .map_err(corrupt)?;
        let mut steps: u64 = 0;
        conn.progress_handler(
            STEPS_PER_CHECK,
            Some(move || {
                steps += STEPS_PER_CHECK as u64;
                steps > max_steps
            }),
        )
        .map_err(corrupt)?;
        // Schema 18 declares names `COLLATE unicase`; SQLite cannot plan queries on those
        // tables without it. Anki compares them case-insensitively.
        conn.create_collation("unicase", |a: &str, b: &str| {
            a.to_lowercase().cmp(&b.to_lowercase())
        })
        .map_err(corrupt)?;
        let schema18 = table_kind(&conn, "notetypes").map_err(corrupt)?.is_some();
        let mut needed = vec!["col", "notes", "cards"];
        if schema18 {
            needed.extend(["notetypes", "fields", "templates", "decks"]);
        }
        for table in needed {
            match table_kind(&conn, table).map_err(corrupt)? {
                Some(TableKind::Table) => {}
                Some(TableKind::Other(kind)) => {
                    return Err(ApkgError::Refused(format!(
                        "`{table}` in {entry} is a {kind}, not a table; Anki writes only tables \
                         there, so the package was made to harm the reader"
                    )));
                }
                None if table == "col" || table == "notes" => {
                    return Err(ApkgError::Corrupt(format!(
                        "{entry} has no `{table}` table: it is not an Anki collection"
                    )));
                }
                None => {
                    return Err(ApkgError::Corrupt(format!(
                        "{entry} has no `{table}` table"
                    )));
                }
            }
        }
        Ok(Collection { conn, schema18 })
    }

    fn err(&self, e: rusqlite::Error) -> ApkgError {
        match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                ApkgError::Refused(
                    "reading the collection takes far longer than any real package needs; \
                     it was stopped"
                        .into(),
                )
            }
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::TooBig => {
                ApkgError::Refused(format!(
                    "the collection holds a value larger than {} MB",
                    MAX_VALUE_BYTES / (1024 * 1024)
                ))
            }
            e => ApkgError::Corrupt(e.to_string()),
        }
    }

    /// Every row `sql` gives, each made by `row`.
    fn rows<T>(
        &self,
        sql: &str,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, ApkgError> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<T>>>()
            .map_err(|e| self.err(e))
    }

    /// Every note type by id.
    pub(super) fn note_types(&self) -> Result<HashMap<i64, NoteType>, ApkgError> {
        if !self.schema18 {
            let models: String = self
                .conn
                .query_row("SELECT models FROM col LIMIT 1", [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            return Ok(parse_models(&models));
        }
        let mut types: HashMap<i64, NoteType> = HashMap::new();
        let rows = self.rows("SELECT id, name, config FROM notetypes", |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Vec<u8>>(2)?,
            ))
        })?;
        for (id, name, config) in rows {
            // NotetypeConfig.kind (field 1): 1 is cloze.
            let fields = protobuf::fields(&config)
                .map_err(|e| ApkgError::Corrupt(format!("note type {id}: {e}")))?;
            let cloze = protobuf::uint(&fields, 1) == 1;
            types.insert(
                id,
                NoteType {
                    name,
                    cloze,
                    ..NoteType::default()
                },
            );
        }
        let rows = self.rows("SELECT ntid, name FROM fields ORDER BY ntid, ord", |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for (ntid, name) in rows {
            if let Some(t) = types.get_mut(&ntid) {
                t.fields.push(name);
            }
        }
        let rows = self.rows(
            "SELECT ntid, ord, config FROM templates ORDER BY ntid, ord",
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                ))
            },
        )?;
        for (ntid, ord, config) in rows {
            let Some(t) = types.get_mut(&ntid) else {
                continue;
            };
            // CardTemplateConfig: q_format (1), a_format (2).
            let bad = |e: String| ApkgError::Corrupt(format!("template {ord} of {ntid}: {e}"));
            let fields = protobuf::fields(&config).map_err(bad)?;
            let q = protobuf::string(&fields, 1)
                .map_err(bad)?
                .unwrap_or_default();
            let a = protobuf::string(&fields, 2)
                .map_err(bad)?
                .unwrap_or_default();
            t.templates
                .push((u32::try_from(ord).unwrap_or(u32::MAX), q, a));
        }
        Ok(types)
    }

    /// The name of the deck holding most of the cards (a package may span subdecks).
    pub(super) fn main_deck_name(&self) -> Result<Option<String>, ApkgError> {
        let mut counts: BTreeMap<i64, i64> = BTreeMap::new();
        let rows = self.rows("SELECT did, count(*) FROM cards GROUP BY did", |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        for (did, n) in rows {
            counts.insert(did, n);
        }
        let Some(did) = counts
            .iter()
            .max_by_key(|(did, n)| (**n, std::cmp::Reverse(**did)))
            .map(|(did, _)| *did)
        else {
            return Ok(None);
        };
        if self.schema18 {
            let name: Option<String> = self
                .conn
                .query_row("SELECT name FROM decks WHERE id = ?1", [did], |r| r.get(0))
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    e => Err(self.err(e)),
                })?;
            // Schema 18 separates nested deck names with 0x1f where Anki shows "::".
            return Ok(name.map(|n| n.replace('\u{1f}', "::")));
        }
        let decks: String = self
            .conn
            .query_row("SELECT decks FROM col LIMIT 1", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(deck_names(&decks).remove(&did))
    }

    /// The card ordinals of every note: template numbers, or cloze numbers less one.
    pub(super) fn card_ords(&self) -> Result<HashMap<i64, Vec<u32>>, ApkgError> {
        let mut ords: HashMap<i64, Vec<u32>> = HashMap::new();
        let rows = self.rows("SELECT nid, ord FROM cards ORDER BY nid, ord", |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        for (nid, ord) in rows {
            if let Ok(ord) = u32::try_from(ord) {
                ords.entry(nid).or_default().push(ord);
            }
        }
        Ok(ords)
    }

    /// Calls `each` for every note in id order. Notes over [`MAX_NOTE_BYTES`] come without
    /// their fields (they are never read into memory).
    pub(super) fn for_each_note(
        &self,
        mut each: impl FnMut(NoteRow) -> Result<(), ApkgError>,
    ) -> Result<(), ApkgError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, guid, mid, tags, \
                 CASE WHEN octet_length(flds) <= ?1 THEN flds END, octet_length(flds) \
                 FROM notes ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query([MAX_NOTE_BYTES as i64])
            .map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let note = (|| {
                Ok(NoteRow {
                    id: r.get(0)?,
                    guid: r.get(1)?,
                    mid: r.get(2)?,
                    tags: r.get(3)?,
                    fields: r.get(4)?,
                    bytes: usize::try_from(r.get::<_, i64>(5)?).unwrap_or(usize::MAX),
                })
            })()
            .map_err(|e| self.err(e))?;
            each(note)?;
        }
        Ok(())
    }
}

enum TableKind {
    Table,
    Other(String),
}

/// What `name` is in the schema: a real table, something else (a view, a virtual table), or
/// absent.
fn table_kind(conn: &Connection, name: &str) -> rusqlite::Result<Option<TableKind>> {
    let mut stmt =
        conn.prepare("SELECT type, sql FROM sqlite_master WHERE lower(name) = lower(?1)")?;
    let mut rows = stmt.query([name])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let kind: String = row.get(0)?;
    let sql: Option<String> = row.get(1)?;
    if kind != "table" {
        return Ok(Some(TableKind::Other(kind)));
    }
    if sql.is_some_and(|s| {
        s.trim_start()
            .to_ascii_uppercase()
            .starts_with("CREATE VIRTUAL")
    }) {
        return Ok(Some(TableKind::Other("virtual table".into())));
    }
    drop(rows);
    // Generated columns compute their value on every read: refused too.
    let mut stmt = conn.prepare("SELECT count(*) FROM pragma_table_xinfo(?1) WHERE hidden > 1")?;
    let generated: i64 = stmt.query_row([name], |r| r.get(0))?;
    if generated > 0 {
        return Ok(Some(TableKind::Other(
            "table with generated columns".into(),
        )));
    }
    Ok(Some(TableKind::Table))
}

/// Note types from schema 11's `col.models` JSON.
fn parse_models(text: &str) -> HashMap<i64, NoteType> {
    let mut types = HashMap::new();
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
        return types;
    };
    for (key, model) in map {
        let Ok(id) = key.parse::<i64>() else { continue };
        let str_of =
            |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let fields = model
            .get("flds")
            .and_then(Value::as_array)
            .map(|f| f.iter().map(|f| str_of(f, "name")).collect())
            .unwrap_or_default();
        let templates = model
            .get("tmpls")
            .and_then(Value::as_array)
            .map(|ts| {
                ts.iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let ord = t.get("ord").and_then(Value::as_u64).unwrap_or(i as u64);
                        (
                            u32::try_from(ord).unwrap_or(u32::MAX),
                            str_of(t, "qfmt"),
                            str_of(t, "afmt"),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        types.insert(
            id,
            NoteType {
                name: str_of(&model, "name"),
                cloze: model.get("type").and_then(Value::as_i64) == Some(1),
                fields,
                templates,
            },
        );
    }
    types
}

/// Deck names by id from schema 11's `col.decks` JSON.
fn deck_names(text: &str) -> HashMap<i64, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn db(sql: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        Connection::open(&path).unwrap().execute_batch(sql).unwrap();
        (dir, path)
    }

    const TABLES: &str = "CREATE TABLE col (models text, decks text);
        CREATE TABLE cards (nid integer, did integer, ord integer);";

    #[test]
    fn a_view_in_place_of_a_table_is_refused_before_any_query() {
        let (_dir, path) = db(&format!(
            "{TABLES} CREATE VIEW notes AS WITH RECURSIVE r(id) AS (SELECT 1 UNION ALL \
             SELECT id + 1 FROM r) SELECT id, '' AS guid, 0 AS mid, '' AS tags, '' AS flds FROM r;"
        ));
        let Err(err) = Collection::open(&path, "collection.anki21", MAX_STEPS) else {
            panic!("opened")
        };
        assert_eq!(
            err.to_string(),
            "the package is refused: `notes` in collection.anki21 is a view, not a table; Anki \
             writes only tables there, so the package was made to harm the reader"
        );
    }

    #[test]
    fn generated_columns_are_refused() {
        let (_dir, path) = db(&format!(
            "{TABLES} CREATE TABLE notes (id integer, guid text, mid integer, tags text, \
             flds text GENERATED ALWAYS AS (hex(zeroblob(1000000000))));"
        ));
        let Err(err) = Collection::open(&path, "c", MAX_STEPS) else {
            panic!("opened")
        };
        assert!(
            err.to_string().contains("table with generated columns"),
            "{err}"
        );
    }

    #[test]
    fn endless_queries_are_stopped_by_the_step_budget() {
        let (_dir, path) = db(&format!(
            "{TABLES} CREATE TABLE notes (id integer, guid text, mid integer, tags text, flds text);"
        ));
        let c = Collection::open(&path, "c", 1_000_000).unwrap();
        let err = c
            .conn
            .query_row(
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) \
                 SELECT count(*) FROM r",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap_err();
        assert!(
            c.err(err).to_string().contains("it was stopped"),
            "the budget stops the query"
        );
    }

    #[test]
    fn huge_values_are_refused_not_allocated() {
        let (_dir, path) = db(&format!(
            "{TABLES} CREATE TABLE notes (id integer, guid text, mid integer, tags text, flds text);"
        ));
        let c = Collection::open(&path, "c", MAX_STEPS).unwrap();
        let err = c
            .conn
            .query_row("SELECT zeroblob(900000000)", [], |r| r.get::<_, Vec<u8>>(0))
            .unwrap_err();
        assert_eq!(
            c.err(err).to_string(),
            "the package is refused: the collection holds a value larger than 64 MB"
        );
    }

    #[test]
    fn notes_over_the_size_limit_come_without_their_fields() {
        let (_dir, path) = db(&format!(
            "{TABLES} CREATE TABLE notes (id integer, guid text, mid integer, tags text, flds text);
             INSERT INTO notes VALUES (1, 'g', 0, '', 'small'), (2, 'h', 0, '', hex(zeroblob(600000)));"
        ));
        let c = Collection::open(&path, "c", MAX_STEPS).unwrap();
        let mut seen = Vec::new();
        c.for_each_note(|n| {
            seen.push((n.id, n.fields.is_some(), n.bytes));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, vec![(1, true, 5), (2, false, 1_200_000)]);
    }

    #[test]
    fn schema_11_note_types_come_from_json() {
        let types = parse_models(
            r#"{"5": {"name": "Basic", "type": 0, "flds": [{"name": "Front"}, {"name": "Back"}],
                "tmpls": [{"ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}"}]},
                "x": {}, "6": {"type": 1}}"#,
        );
        assert_eq!(types[&5].fields, vec!["Front", "Back"]);
        assert_eq!(
            types[&5].templates,
            vec![(0, "{{Front}}".to_string(), "{{Back}}".to_string())]
        );
        assert!(types[&6].cloze);
        assert_eq!(types.len(), 2);
    }
}

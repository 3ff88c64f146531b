//! The progress database's schema: its version, the marks that make a file recall's, the
//! migrations that bring an older database up to date, and the copy of an older database kept
//! before its first migration.
//!
//! Version 3 (the compact log) holds:
//! - `cards`: one row per card of a deck that was ever answered, suspended or buried (its
//!   scheduling state, keyed by deck and card id);
//! - `card_keys`: a number for each (deck, card) the log mentions, and `verdicts`: a number for
//!   each checker verdict, so a log row repeats no text but the learner's answer;
//! - `review_log`: one row per answer, with the card's record before and after it packed into
//!   a few bytes (see `packed.rs`) and the answer cut at [`MAX_ANSWER_CHARS`];
//! - `external_cards` and `external_log`: history imported from other programs for cards in no
//!   recall deck;
//! - `log_changes`: the answers changed or removed after they were logged (undone, rescheduled
//!   by an import, moved out of the external history), so a copy of the log can follow;
//! - `meta`: small settings;
//! - the views `reviews` and `external_reviews`, which spell the numbers out again for anyone
//!   reading the database with `sqlite3`.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use super::{CardRecord, Inner, InnerResult, packed};

/// The schema version this recall writes and understands.
pub const SCHEMA_VERSION: i64 = 3;
/// Marks the file as recall's in the SQLite header ("rcll").
pub(super) const APPLICATION_ID: i32 = 0x7263_6c6c;

/// Schema migrations: entry `i` takes the database from version `i` to `i + 1`. Each runs in
/// its own transaction together with the version bump.
pub(super) const MIGRATIONS: &[fn(&Transaction) -> InnerResult<()>] =
    &[migrate_to_1, migrate_to_2, migrate_to_3];

/// The longest answer text the log keeps, in characters; a longer one is cut and ends in `…`.
pub const MAX_ANSWER_CHARS: usize = 1_000;

/// The verdicts the log knows by number from the start (others get a number when first met).
pub const KNOWN_VERDICTS: [&str; 6] = ["", "correct", "typo", "partial", "wrong", "self-graded"];

pub(super) fn migrate_to_1(tx: &Transaction) -> InnerResult<()> {
    tx.execute_batch(
        "CREATE TABLE cards (
            deck TEXT NOT NULL,
            card TEXT NOT NULL,
            question_hash TEXT NOT NULL,
            phase TEXT NOT NULL CHECK (phase IN ('new', 'learning', 'review', 'relearning')),
            step INTEGER NOT NULL,
            due_ms INTEGER NOT NULL,
            stability REAL,
            difficulty REAL,
            last_review_ms INTEGER,
            interval_days INTEGER NOT NULL,
            reps INTEGER NOT NULL,
            lapses INTEGER NOT NULL,
            suspended INTEGER NOT NULL DEFAULT 0,
            buried_until TEXT,
            leech INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (deck, card)
        ) WITHOUT ROWID;
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            deck TEXT NOT NULL,
            card TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            answer TEXT NOT NULL,
            verdict TEXT NOT NULL,
            response_ms INTEGER NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('study', 'quiz', 'cram', 'import')),
            state_before TEXT,
            state_after TEXT NOT NULL,
            undone_ms INTEGER
        );
        CREATE INDEX reviews_by_deck ON reviews (deck, id);
        CREATE INDEX reviews_by_time ON reviews (time_ms, id);
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );",
    )?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(())
}

/// Version 2: review history imported from other programs for cards that are in no recall deck
/// (kept for fitting FSRS and for statistics; one row per card and time, so a file imported
/// twice adds nothing), an index to find a card's answer at a given time for the same reason,
/// and an index holding what statistics read of every answer, so a long log is read from it
/// rather than from the rows with their stored states.
fn migrate_to_2(tx: &Transaction) -> InnerResult<()> {
    tx.execute_batch(
        "CREATE TABLE external_reviews (
            id INTEGER PRIMARY KEY,
            card_id TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            duration_ms INTEGER NOT NULL,
            state INTEGER CHECK (state BETWEEN 0 AND 3),
            UNIQUE (card_id, time_ms)
        );
        CREATE INDEX external_reviews_by_time ON external_reviews (time_ms, id);
        CREATE INDEX reviews_by_card_time ON reviews (deck, card, time_ms);
        CREATE INDEX reviews_for_stats
            ON reviews (time_ms, id, deck, card, rating, verdict, mode, undone_ms)
            WHERE undone_ms IS NULL;",
    )?;
    Ok(())
}

/// Version 3, the compact log: answers refer to cards and verdicts by number, and keep the
/// card's records packed (see `packed.rs`) instead of as JSON, which took a million answers
/// from about 745 MB to about a sixth of that. Every answer and every imported answer is
/// converted, with its id; undone answers stay (marked undone).
fn migrate_to_3(tx: &Transaction) -> InnerResult<()> {
    let verdicts: Vec<String> = KNOWN_VERDICTS
        .iter()
        .enumerate()
        .map(|(i, v)| format!("({i}, '{v}')"))
        .collect();
    tx.execute_batch(&format!(
        "CREATE TABLE card_keys (
            id INTEGER PRIMARY KEY,
            deck TEXT NOT NULL,
            card TEXT NOT NULL,
            UNIQUE (deck, card)
        );
        CREATE TABLE verdicts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        INSERT INTO verdicts (id, name) VALUES {};
        CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            card INTEGER NOT NULL REFERENCES card_keys (id),
            time_ms INTEGER NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            mode INTEGER NOT NULL CHECK (mode BETWEEN 0 AND 3),
            verdict INTEGER NOT NULL REFERENCES verdicts (id),
            phase_before INTEGER CHECK (phase_before BETWEEN 0 AND 3),
            undone_ms INTEGER,
            response_ms INTEGER NOT NULL,
            answer TEXT,
            state_before BLOB,
            state_after BLOB NOT NULL
        );
        CREATE TABLE external_cards (
            id INTEGER PRIMARY KEY,
            card_id TEXT NOT NULL UNIQUE
        );
        CREATE TABLE external_log (
            id INTEGER PRIMARY KEY,
            card INTEGER NOT NULL REFERENCES external_cards (id),
            time_ms INTEGER NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            duration_ms INTEGER NOT NULL,
            state INTEGER CHECK (state BETWEEN 0 AND 3),
            UNIQUE (card, time_ms)
        );
        CREATE TABLE log_changes (
            seq INTEGER PRIMARY KEY,
            review INTEGER,
            external INTEGER
        );",
        verdicts.join(", ")
    ))?;
    convert_reviews(tx)?;
    tx.execute_batch(
        "INSERT INTO external_cards (card_id)
             SELECT card_id FROM external_reviews GROUP BY card_id ORDER BY min(id);
         INSERT INTO external_log (id, card, time_ms, rating, duration_ms, state)
             SELECT e.id, c.id, e.time_ms, e.rating, e.duration_ms, e.state
             FROM external_reviews e JOIN external_cards c ON c.card_id = e.card_id;
         DROP TABLE reviews;
         DROP TABLE external_reviews;
         DELETE FROM meta WHERE key = 'log_edits';
         -- A card's answers in time order (import, replay), and the answers of a day.
         CREATE INDEX review_log_by_card ON review_log (card, time_ms);
         CREATE INDEX review_log_by_time ON review_log (time_ms);
         CREATE VIEW reviews AS
             SELECT r.id AS id, k.deck AS deck, k.card AS card, r.time_ms AS time_ms,
                    r.rating AS rating, coalesce(r.answer, '') AS answer, v.name AS verdict,
                    r.response_ms AS response_ms,
                    CASE r.mode WHEN 0 THEN 'study' WHEN 1 THEN 'quiz' WHEN 2 THEN 'cram'
                                ELSE 'import' END AS mode,
                    CASE r.phase_before WHEN 0 THEN 'new' WHEN 1 THEN 'learning'
                                        WHEN 2 THEN 'review' WHEN 3 THEN 'relearning'
                                        END AS phase_before,
                    r.undone_ms AS undone_ms
             FROM review_log r
             JOIN card_keys k ON k.id = r.card
             JOIN verdicts v ON v.id = r.verdict;
         CREATE VIEW external_reviews AS
             SELECT e.id AS id, c.card_id AS card_id, e.time_ms AS time_ms, e.rating AS rating,
                    e.duration_ms AS duration_ms, e.state AS state
             FROM external_log e JOIN external_cards c ON c.id = e.card;",
    )?;
    Ok(())
}

/// Copies every version 2 review row into `review_log`, its states decoded from JSON and
/// packed, the record before an answer left out where it is the record after the card's
/// previous answer (as `insert_review` leaves it out).
fn convert_reviews(tx: &Transaction) -> InnerResult<()> {
    let mut keys: HashMap<(String, String), i64> = HashMap::new();
    // Per card: the latest scheduled answer not undone so far, by (time, id), and its record.
    let mut latest: HashMap<i64, (i64, i64, CardRecord)> = HashMap::new();
    let mut verdicts: HashMap<String, i64> = KNOWN_VERDICTS
        .iter()
        .enumerate()
        .map(|(i, v)| (v.to_string(), i as i64))
        .collect();
    let mut read = tx.prepare(
        "SELECT id, deck, card, time_ms, rating, answer, verdict, response_ms, mode,
                state_before, state_after, undone_ms
         FROM reviews ORDER BY id",
    )?;
    let mut insert_key = tx.prepare("INSERT INTO card_keys (deck, card) VALUES (?1, ?2)")?;
    let mut insert_verdict = tx.prepare("INSERT INTO verdicts (name) VALUES (?1)")?;
    let mut insert = tx.prepare(
        "INSERT INTO review_log (id, card, time_ms, rating, mode, verdict, phase_before,
                                 undone_ms, response_ms, answer, state_before, state_after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let in_row = |e: Inner| super::in_review(e, id);
        let deck: String = row.get(1)?;
        let card: String = row.get(2)?;
        let time_ms: i64 = row.get(3)?;
        let verdict: String = row.get(6)?;
        let mode: String = row.get(8)?;
        let mode = super::parse_mode(&mode).map_err(in_row)?;
        let before: Option<String> = row.get(9)?;
        let after: String = row.get(10)?;
        let before = before
            .as_deref()
            .map(record_from_json)
            .transpose()
            .map_err(in_row)?;
        let after = record_from_json(&after).map_err(in_row)?;
        let key = match keys.get(&(deck.clone(), card.clone())) {
            Some(&k) => k,
            None => {
                insert_key.execute([&deck, &card])?;
                let k = tx.last_insert_rowid();
                keys.insert((deck, card), k);
                k
            }
        };
        let verdict = match verdicts.get(&verdict) {
            Some(&v) => v,
            None => {
                insert_verdict.execute([&verdict])?;
                let v = tx.last_insert_rowid();
                verdicts.insert(verdict, v);
                v
            }
        };
        let answer: String = row.get(5)?;
        let (mut before_bytes, after_bytes) = super::pack_states(before.as_ref(), &after, time_ms);
        let undone: Option<i64> = row.get(11)?;
        if mode.is_scheduled() {
            let previous = latest.get(&key).map(|(_, _, record)| record);
            if before.is_some() && previous == before.as_ref() {
                before_bytes = Some(super::SAME_AS_PREVIOUS.to_vec());
            }
            let newer = latest
                .get(&key)
                .is_none_or(|&(t, i, _)| (time_ms, id) > (t, i));
            if undone.is_none() && newer {
                latest.insert(key, (time_ms, id, after.clone()));
            }
        }
        insert.execute(params![
            id,
            key,
            time_ms,
            row.get::<_, i64>(4)?,
            super::mode_code(mode),
            verdict,
            before.as_ref().map(|b| packed::phase_code(b.state.phase)),
            undone,
            row.get::<_, i64>(7)?,
            super::bounded_answer(&answer),
            before_bytes,
            after_bytes,
        ])?;
    }
    Ok(())
}

/// A card record as version 2 logged it: the `cards` columns as JSON.
pub(super) fn record_from_json(text: &str) -> InnerResult<CardRecord> {
    serde_json::from_str::<super::StoredRecord>(text)
        .map_err(|e| Inner::Row(format!("invalid card state JSON: {e}")))?
        .into_record()
}

/// Where the copy of a database of schema version `version` is kept before it is migrated.
pub fn backup_path(database: &Path, version: i64) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(format!(".v{version}.bak"));
    PathBuf::from(name)
}

/// Copies the database as it is (one consistent snapshot, written beside and renamed into
/// place) to [`backup_path`], so that the learner keeps the file an older recall can read.
pub(super) fn back_up(conn: &Connection, database: &Path, version: i64) -> InnerResult<PathBuf> {
    let target = backup_path(database, version);
    let mut tmp = target.as_os_str().to_owned();
    tmp.push(format!(".tmp{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let _ = fs::remove_file(&tmp);
    let copied = conn
        .execute("VACUUM INTO ?1", [tmp.to_string_lossy()])
        .map_err(Inner::from)
        .and_then(|_| {
            fs::rename(&tmp, &target).map_err(|e| {
                Inner::Row(format!(
                    "cannot keep a copy of the database as {}: {e}",
                    target.display()
                ))
            })
        });
    if copied.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    copied.map(|()| target)
}

/// Runs the migrations from version `found` on, each in its own transaction together with
/// the version bump.
pub(super) fn migrate(conn: &mut Connection, found: i64) -> InnerResult<()> {
    let start = usize::try_from(found).unwrap_or(0);
    for (index, step) in MIGRATIONS.iter().enumerate().skip(start) {
        // Take the write lock first and look again: another process opening the same new
        // database may have migrated it while this one waited.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now > index as i64 {
            continue;
        }
        step(&tx)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

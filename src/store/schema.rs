//! The progress database's schema: its version, the marks that make a file recall's, and the
//! migrations that bring an older database up to date.

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// The schema version this recall writes and understands.
pub const SCHEMA_VERSION: i64 = 2;
/// Marks the file as recall's in the SQLite header ("rcll").
pub(super) const APPLICATION_ID: i32 = 0x7263_6c6c;

/// Schema migrations: entry `i` takes the database from version `i` to `i + 1`. Each runs in
/// its own transaction together with the version bump.
pub(super) const MIGRATIONS: &[fn(&Transaction) -> rusqlite::Result<()>] =
    &[migrate_to_1, migrate_to_2];

pub(super) fn migrate_to_1(tx: &Transaction) -> rusqlite::Result<()> {
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
    tx.pragma_update(None, "application_id", APPLICATION_ID)
}

/// Version 2: review history imported from other programs for cards that are in no recall deck
/// (kept for fitting FSRS and for statistics; one row per card and time, so a file imported
/// twice adds nothing), an index to find a card's answer at a given time for the same reason,
/// and an index holding what statistics read of every answer, so a long log is read from it
/// rather than from the rows with their stored states.
fn migrate_to_2(tx: &Transaction) -> rusqlite::Result<()> {
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
    )
}

/// Runs the migrations from version `found` on, each in its own transaction together with
/// the version bump.
pub(super) fn migrate(conn: &mut Connection, found: i64) -> rusqlite::Result<()> {
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

//! The SQLite progress store: card states, the append-only review log, and migrations (the
//! schema itself is in `schema.rs`, the packed card records of the log in `packed.rs`).
//!
//! Each answer is committed (log row and card state in one transaction) before the next card is
//! shown, so a crash loses nothing already answered and undo is a store operation.
//!
//! # API
//! - [`Store::open`]`(dir)`: `dir/progress.sqlite3`, created with `dir` if missing. An existing
//!   file is first checked through a read-only connection (schema version, `PRAGMA quick_check`
//!   of what a session reads, a full one after an unclean stop), so a corrupt, foreign or
//!   too-new file is refused and left byte for byte untouched. A database of an older schema
//!   is first copied to `progress.sqlite3.vN.bak`, then migrated in place (each step one
//!   transaction) and compacted.
//!   [`Store::open_in_memory`] for tests.
//! - [`Store::lock_session`]`(dir) -> SessionLock`: one studying session per data directory
//!   (`dir/session.lock`, held until the lock is dropped). Read-only commands skip it.
//! - Cards: [`Store::card_records`], [`Store::card_record`], [`Store::set_suspended`],
//!   [`Store::bury`], [`Store::reset_card`], [`Store::set_question_hash`].
//! - Log: [`Store::record_review`] (log + card, one transaction), [`Store::record_unscheduled`]
//!   (log only, for quiz and cram), [`Store::undo_last`], [`Store::reviews`],
//!   [`Store::record_many`] (a whole history in one transaction, for benchmarks).
//! - [`Store::meta_get`] / [`Store::meta_set`]: small settings such as fitted FSRS parameters.
//! - Progress features: [`Store::for_each_review`] (the log without decoding states),
//!   [`Store::for_each_answer`] (what statistics need),
//!   [`Store::for_each_external_review`] and [`Store::import_reviews`] (history from other
//!   programs, de-duplicated, with replay of the touched cards).
//! - For a copy of the log (`log_cache`): [`Store::for_each_logged`],
//!   [`Store::for_each_external_logged`], [`Store::card_keys_after`],
//!   [`Store::external_cards_after`], [`Store::changes_after`], [`Store::logged_at`],
//!   [`Store::external_logged_at`], [`Store::logged_count`]: numbers only, read in the order the
//!   rows were written.
//!
//! Times are stored as Unix milliseconds, so sub-millisecond precision is dropped.

use std::collections::HashMap;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::schedule::{CardState, Phase, Rating};
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};

mod packed;
mod schema;

pub use packed::{phase_code, phase_of};
use schema::APPLICATION_ID;
pub use schema::{KNOWN_VERDICTS, MAX_ANSWER_CHARS, SCHEMA_VERSION, backup_path};

/// The database file inside the data directory.
pub const DATABASE_FILE: &str = "progress.sqlite3";
/// The session lock file inside the data directory.
pub const LOCK_FILE: &str = "session.lock";
/// The folder of the data directory that holds recall's caches (decks, the log copy).
pub const CACHE_DIR: &str = "cache";

/// Why the store could not do what was asked. Every variant names the file or directory.
#[derive(Debug)]
pub enum StoreError {
    /// A filesystem operation failed; `action` says what recall was doing.
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    /// recall needs to write to `path` and cannot.
    ReadOnly { path: PathBuf },
    /// The database was written by a newer recall; it was left untouched.
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// Not a readable recall database; it was left untouched.
    Corrupt { path: PathBuf, reason: String },
    /// Written by an older recall, and it cannot be brought up to date here because recall
    /// cannot write to it; it was left untouched.
    Outdated { path: PathBuf, found: i64 },
    /// Another session holds the data directory.
    Busy { dir: PathBuf, pid: Option<u32> },
    /// The disk holding the database is full; the answer being saved was not.
    DiskFull { path: PathBuf },
    /// A stored row that cannot be read back (e.g. an unknown phase); `what` says which.
    BadRow { path: PathBuf, what: String },
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io {
                path,
                action,
                source,
            } => write!(f, "cannot {action} {}: {source}", path.display()),
            StoreError::ReadOnly { path } => write!(
                f,
                "{} is read-only; recall needs to write progress there",
                path.display()
            ),
            StoreError::TooNew {
                path,
                found,
                supported,
            } => write!(
                f,
                "{} was written by a newer recall (schema version {found}; this recall \
                 understands up to {supported}); upgrade recall to use it (the file was left \
                 unchanged)",
                path.display()
            ),
            StoreError::Corrupt { path, reason } => write!(
                f,
                "{} is not a usable recall progress database ({reason}); it was left unchanged",
                path.display()
            ),
            StoreError::Outdated { path, found } => write!(
                f,
                "{} was written by an older recall (schema version {found}) and must be \
                 upgraded before it can be read, which needs write access to it and its \
                 directory; run recall where it can write there (the file was left unchanged)",
                path.display()
            ),
            StoreError::Busy { dir, pid } => {
                write!(f, "another recall session ")?;
                if let Some(pid) = pid {
                    write!(f, "(process {pid}) ")?;
                }
                write!(f, "is using {}; finish it or wait", dir.display())
            }
            StoreError::DiskFull { path } => write!(
                f,
                "the disk holding {} is full, so the last answer was not saved; free some \
                 space and study on (every answer acknowledged before it is saved)",
                path.display()
            ),
            StoreError::BadRow { path, what } => {
                write!(f, "unreadable data in {}: {what}", path.display())
            }
            StoreError::Sqlite { path, source } => {
                write!(f, "database error in {}: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            StoreError::Sqlite { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// How an answer was given. Only `Study` and `Import` answers change a card's schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Study,
    Quiz,
    Cram,
    Import,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Study => "study",
            Mode::Quiz => "quiz",
            Mode::Cram => "cram",
            Mode::Import => "import",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "study" => Some(Mode::Study),
            "quiz" => Some(Mode::Quiz),
            "cram" => Some(Mode::Cram),
            "import" => Some(Mode::Import),
            _ => None,
        }
    }

    /// Whether answers in this mode move the card's schedule.
    pub fn is_scheduled(self) -> bool {
        matches!(self, Mode::Study | Mode::Import)
    }
}

/// Everything stored about one card of one deck.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRecord {
    pub state: CardState,
    pub suspended: bool,
    /// Hidden until the start of this study day.
    pub buried_until: Option<Date>,
    pub leech: bool,
    /// A hash of the question as last studied, to notice reworded cards. Empty when the card
    /// got a row before it was ever shown (suspended or buried while new).
    pub question_hash: String,
}

impl CardRecord {
    /// A card never answered.
    pub fn new(question_hash: impl Into<String>, due: Timestamp) -> CardRecord {
        CardRecord {
            state: CardState::new(due),
            suspended: false,
            buried_until: None,
            leech: false,
            question_hash: question_hash.into(),
        }
    }
}

/// One answer to be logged.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReview {
    pub deck: String,
    pub card: String,
    pub time: Timestamp,
    pub rating: Rating,
    /// What the learner typed (empty for self-graded cards).
    pub answer: String,
    /// The checker's verdict, as the session names it.
    pub verdict: String,
    pub response_ms: u64,
    pub mode: Mode,
    /// The card before the answer; `None` for a card with no row yet. Logged as given by
    /// `record_unscheduled`; `record_review` logs the record actually stored instead, since
    /// that is what undo must put back.
    pub before: Option<CardRecord>,
    pub after: CardRecord,
}

/// One logged answer, as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub id: i64,
    pub review: NewReview,
}

/// What `undo_last` took back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undone {
    pub card: String,
    pub review_id: i64,
    /// The card's record now: the one before the answer, `None` if the card had no row before
    /// (the row was deleted). For quiz and cram answers the card was never changed, so this is
    /// its current record.
    pub restored: Option<CardRecord>,
}

/// Holds a data directory for one studying session; released when dropped.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

impl SessionLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Clear the pid so a stale file does not name a process that no longer holds it.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

/// The progress database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Errors inside the store before the file path is attached.
#[derive(Debug)]
enum Inner {
    Sql(rusqlite::Error),
    Row(String),
}

impl From<rusqlite::Error> for Inner {
    fn from(e: rusqlite::Error) -> Inner {
        Inner::Sql(e)
    }
}

type InnerResult<T> = Result<T, Inner>;

impl Store {
    /// Open (creating if needed) the progress database in `dir`, migrating it to the current
    /// schema.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            action: "create the data directory",
            source,
        })?;
        let path = dir.join(DATABASE_FILE);
        let exists = match fs::metadata(&path) {
            Ok(meta) => meta.len() > 0,
            Err(e) if e.kind() == io::ErrorKind::NotFound => false,
            Err(source) => {
                return Err(StoreError::Io {
                    path,
                    action: "read",
                    source,
                });
            }
        };
        if exists {
            check_existing(&path)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| classify(&path, e))?;
        // SQLite quietly falls back to read-only for a write-protected file.
        if conn.is_readonly("main").map_err(|e| classify(&path, e))? {
            return Err(StoreError::ReadOnly { path });
        }
        let mut store = Store { conn, path };
        store.configure(true)?;
        store.migrate(true)?;
        Ok(store)
    }

    /// Opens an existing progress database for reading only (status, exports): `None` when
    /// there is none yet, so looking never creates a database. Refuses the same files as `open`.
    pub fn open_read_only(dir: &Path) -> Result<Option<Store>, StoreError> {
        let path = dir.join(DATABASE_FILE);
        match fs::metadata(&path) {
            Ok(meta) if meta.len() > 0 => {}
            Ok(_) => return Ok(None),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(StoreError::Io {
                    path,
                    action: "read",
                    source,
                });
            }
        }
        check_existing(&path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| classify(&path, e))?;
        let store = Store { conn, path };
        store
            .conn
            .busy_timeout(Duration::from_secs(5))
            .map_err(|e| classify(&store.path, e))?;
        let found = store.user_version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: store.path.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            // The queries know only the current schema: an older database is brought up to
            // date first (a copy of it is kept), which needs to write.
            let path = store.path.clone();
            drop(store);
            return match Store::open(dir) {
                Ok(store) => Ok(Some(store)),
                Err(StoreError::ReadOnly { .. }) => Err(StoreError::Outdated { path, found }),
                Err(e) => Err(e),
            };
        }
        Ok(Some(store))
    }

    /// How many new cards were introduced and how many reviews were done in `deck` since
    /// `since` (the start of the study day), counting scheduled answers that are not undone.
    pub fn studied_since(&self, deck: &str, since: Timestamp) -> Result<(u32, u32), StoreError> {
        let run = || -> InnerResult<(u32, u32)> {
            // The answers since `since` come from the time index, and only their cards are
            // looked up (CROSS JOIN fixes that order): a deck's whole history is never read.
            let mut stmt = self.conn.prepare_cached(
                "SELECT count(DISTINCT CASE WHEN r.phase_before IS NULL OR r.phase_before = 0
                                            THEN r.card END),
                        count(CASE WHEN r.phase_before = 2 THEN 1 END)
                 FROM review_log r CROSS JOIN card_keys k ON k.id = r.card
                 WHERE r.time_ms >= ?2 AND k.deck = ?1 AND r.undone_ms IS NULL AND r.mode = 0",
            )?;
            let (n, r): (i64, i64) = stmt
                .query_row(params![deck, since.as_millisecond()], |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })?;
            Ok((n as u32, r as u32))
        };
        run().map_err(|e| self.fail(e))
    }

    /// A throwaway store for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| classify(&path, e))?;
        let mut store = Store { conn, path };
        store.configure(false)?;
        store.migrate(false)?;
        Ok(store)
    }

    /// The database file (":memory:" for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Take the session lock on `dir` (created if missing), writing this process's id into it.
    pub fn lock_session(dir: &Path) -> Result<SessionLock, StoreError> {
        fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            action: "create the data directory",
            source,
        })?;
        let path = dir.join(LOCK_FILE);
        let io_error = |action, source| StoreError::Io {
            path: path.clone(),
            action,
            source,
        };
        // Never through a symbolic link, a FIFO or a hard link (see `safe_file`).
        let mut file = crate::safe_file::open_lock_file(&path).map_err(|e| match e.kind() {
            io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied => {
                StoreError::ReadOnly {
                    path: dir.to_path_buf(),
                }
            }
            _ => io_error("open the session lock", e),
        })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                // The holder writes its process id just after taking the lock: when two
                // sessions start at the same moment, give it a few milliseconds to appear.
                let mut pid = None;
                for attempt in 0..10 {
                    let mut text = String::new();
                    pid = file
                        .rewind()
                        .and_then(|()| file.read_to_string(&mut text))
                        .ok()
                        .and_then(|_| text.trim().parse::<u32>().ok());
                    if pid.is_some() || attempt == 9 {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                return Err(StoreError::Busy {
                    dir: dir.to_path_buf(),
                    pid,
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(io_error("lock", e)),
        }
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| writeln!(file, "{}", std::process::id()))
            .and_then(|()| file.flush())
            .map_err(|e| io_error("write", e))?;
        Ok(SessionLock { file, path })
    }

    fn configure(&mut self, on_disk: bool) -> Result<(), StoreError> {
        let result = (|| -> rusqlite::Result<()> {
            self.conn.busy_timeout(Duration::from_secs(5))?;
            if on_disk {
                let mode: String =
                    self.conn
                        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
                if !mode.eq_ignore_ascii_case("wal") {
                    return Err(rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                        Some(format!("could not switch to WAL (journal mode {mode})")),
                    ));
                }
            }
            // A commit is the durability point for an answer, so sync it fully.
            self.conn.pragma_update(None, "synchronous", "FULL")?;
            self.conn.pragma_update(None, "foreign_keys", true)?;
            Ok(())
        })();
        result.map_err(|e| classify(&self.path, e))
    }

    /// Brings the schema up to date. A database on disk that holds an older schema is first
    /// copied (see [`backup_path`]), and compacted once migrated: the compact log leaves most
    /// of the old file's pages free.
    fn migrate(&mut self, on_disk: bool) -> Result<(), StoreError> {
        let found = self.user_version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        let upgrade = on_disk && found > 0 && found < SCHEMA_VERSION;
        if upgrade {
            schema::back_up(&self.conn, &self.path, found).map_err(|e| self.fail(e))?;
        }
        schema::migrate(&mut self.conn, found).map_err(|e| self.fail(e))?;
        if upgrade {
            // Only space is at stake: a database that could not be compacted is still whole.
            let _ = self.conn.execute_batch("VACUUM");
        }
        Ok(())
    }

    fn user_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| classify(&self.path, e))
    }

    fn fail(&self, e: Inner) -> StoreError {
        match e {
            Inner::Sql(e) => classify(&self.path, e),
            Inner::Row(what) => StoreError::BadRow {
                path: self.path.clone(),
                what,
            },
        }
    }

    /// Every stored card of a deck, by card id.
    pub fn card_records(&self, deck: &str) -> Result<CardRecords, StoreError> {
        let run = || -> InnerResult<CardRecords> {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT card, {CARD_COLUMNS} FROM cards WHERE deck = ?1"
            ))?;
            let mut rows = stmt.query([deck])?;
            let mut out = CardRecords::default();
            while let Some(row) = rows.next()? {
                let card: String = row.get(0)?;
                let record = read_card(row, 1).map_err(|e| in_card(e, deck, &card))?;
                out.insert(card, record);
            }
            Ok(out)
        };
        run().map_err(|e| self.fail(e))
    }

    /// One card's record, if it has a row.
    pub fn card_record(&self, deck: &str, card: &str) -> Result<Option<CardRecord>, StoreError> {
        card_record(&self.conn, deck, card).map_err(|e| self.fail(e))
    }

    /// Log a scheduled answer and store the card's new state, in one committed transaction:
    /// when this returns `Ok`, the answer survives a crash. The log keeps the card's stored
    /// record from before (not `r.before`) for undo. Returns the review id.
    pub fn record_review(&mut self, r: &NewReview) -> Result<i64, StoreError> {
        let run = |conn: &mut Connection| -> InnerResult<i64> {
            let tx = conn.transaction()?;
            let stored = card_record(&tx, &r.deck, &r.card)?;
            let id = insert_review(&tx, r, stored.as_ref())?;
            upsert_card(&tx, &r.deck, &r.card, &r.after)?;
            tx.commit()?;
            Ok(id)
        };
        run(&mut self.conn).map_err(|e| self.fail(e))
    }

    /// Logs many answers in one transaction, each with the records it names (`before` as
    /// given), and stores the card state after each scheduled one: one commit for the lot.
    /// For building histories in bulk (the benchmarks' synthetic histories); studying logs
    /// each answer as its own commit with [`Store::record_review`].
    pub fn record_many(
        &mut self,
        reviews: impl IntoIterator<Item = NewReview>,
    ) -> Result<usize, StoreError> {
        let run = |conn: &mut Connection| -> InnerResult<usize> {
            let tx = conn.transaction()?;
            let mut n = 0;
            for r in reviews {
                insert_review(&tx, &r, r.before.as_ref())?;
                if r.mode.is_scheduled() {
                    upsert_card(&tx, &r.deck, &r.card, &r.after)?;
                }
                n += 1;
            }
            tx.commit()?;
            Ok(n)
        };
        run(&mut self.conn).map_err(|e| self.fail(e))
    }

    /// Log a quiz or cram answer; the card's schedule is not touched. Returns the review id.
    pub fn record_unscheduled(&mut self, r: &NewReview) -> Result<i64, StoreError> {
        let run = |conn: &mut Connection| -> InnerResult<i64> {
            // One transaction, as the card's key may be new too.
            let tx = conn.transaction()?;
            let id = insert_review(&tx, r, r.before.as_ref())?;
            tx.commit()?;
            Ok(id)
        };
        run(&mut self.conn).map_err(|e| self.fail(e))
    }

    /// Take back the latest answer in `deck` that is not undone (import rows are not undone
    /// this way): mark it undone at `now` and put the card back as it was, deleting its row if
    /// it had none. One transaction. `None` when there is nothing to undo.
    pub fn undo_last(&mut self, deck: &str, now: Timestamp) -> Result<Option<Undone>, StoreError> {
        let run = |conn: &mut Connection| -> InnerResult<Option<Undone>> {
            let tx = conn.transaction()?;
            // Newest answers first (CROSS JOIN keeps the log as the outer loop), so the search
            // stops at the deck's latest answer, which is nearly always the last one logged.
            let latest = tx
                .query_row(
                    "SELECT r.id, k.card, r.mode, r.time_ms, r.state_before, r.state_after, r.card
                     FROM review_log r CROSS JOIN card_keys k ON k.id = r.card
                     WHERE k.deck = ?1 AND r.undone_ms IS NULL AND r.mode != 3
                     ORDER BY r.id DESC LIMIT 1",
                    [deck],
                    |row| {
                        Ok((
                            row.get::<_, i64>(0)?,
                            row.get::<_, String>(1)?,
                            row.get::<_, u8>(2)?,
                            row.get::<_, i64>(3)?,
                            row.get::<_, Option<Vec<u8>>>(4)?,
                            row.get::<_, Vec<u8>>(5)?,
                            row.get::<_, i64>(6)?,
                        ))
                    },
                )
                .optional()?;
            let Some((id, card, mode, time_ms, before, after, key)) = latest else {
                return Ok(None);
            };
            let mode = mode_of(mode).map_err(|e| in_review(e, id))?;
            tx.execute(
                "UPDATE review_log SET undone_ms = ?1 WHERE id = ?2",
                params![now.as_millisecond(), id],
            )?;
            note_change(&tx, Some(id), None)?;
            let restored = if mode.is_scheduled() {
                let logged = LoggedAt { key, id, time_ms };
                let (before, _) = logged
                    .unpack(&tx, before.as_deref(), &after)
                    .map_err(|e| in_review(e, id))?;
                match &before {
                    Some(record) => upsert_card(&tx, deck, &card, record)?,
                    None => {
                        tx.execute(
                            "DELETE FROM cards WHERE deck = ?1 AND card = ?2",
                            [deck, card.as_str()],
                        )?;
                    }
                }
                before
            } else {
                card_record(&tx, deck, &card)?
            };
            tx.commit()?;
            Ok(Some(Undone {
                card,
                review_id: id,
                restored,
            }))
        };
        run(&mut self.conn).map_err(|e| self.fail(e))
    }

    /// Suspend or unsuspend a card (a new card gets a row for it).
    pub fn set_suspended(
        &mut self,
        deck: &str,
        card: &str,
        suspended: bool,
    ) -> Result<(), StoreError> {
        self.ensure_row(deck, card)?;
        self.conn
            .execute(
                "UPDATE cards SET suspended = ?3 WHERE deck = ?1 AND card = ?2",
                params![deck, card, suspended],
            )
            .map(|_| ())
            .map_err(|e| classify(&self.path, e))
    }

    /// Hide a card until the start of study day `until` (a new card gets a row for it).
    pub fn bury(&mut self, deck: &str, card: &str, until: Date) -> Result<(), StoreError> {
        self.ensure_row(deck, card)?;
        self.conn
            .execute(
                "UPDATE cards SET buried_until = ?3 WHERE deck = ?1 AND card = ?2",
                params![deck, card, until.to_string()],
            )
            .map(|_| ())
            .map_err(|e| classify(&self.path, e))
    }

    /// Put a card's row back as it was before a suspend or bury (`None`: it had no row), in
    /// one statement each, for undo.
    pub fn restore_card(
        &mut self,
        deck: &str,
        card: &str,
        record: Option<&CardRecord>,
    ) -> Result<(), StoreError> {
        let run = |conn: &Connection| -> InnerResult<()> {
            match record {
                Some(r) => upsert_card(conn, deck, card, r),
                None => conn
                    .execute(
                        "DELETE FROM cards WHERE deck = ?1 AND card = ?2",
                        [deck, card],
                    )
                    .map(|_| ())
                    .map_err(Inner::from),
            }
        };
        run(&self.conn).map_err(|e| self.fail(e))
    }

    /// Put a card back to new: memory, counts and leech mark cleared; suspension, question hash
    /// and the review log kept. Returns whether the card had a row.
    pub fn reset_card(&mut self, deck: &str, card: &str) -> Result<bool, StoreError> {
        self.conn
            .execute(
                "UPDATE cards SET phase = 'new', step = 0, due_ms = 0, stability = NULL,
                     difficulty = NULL, last_review_ms = NULL, interval_days = 0, reps = 0,
                     lapses = 0, buried_until = NULL, leech = 0
                 WHERE deck = ?1 AND card = ?2",
                [deck, card],
            )
            .map(|n| n > 0)
            .map_err(|e| classify(&self.path, e))
    }

    /// Record the hash of the question as now worded. Returns whether the card had a row.
    pub fn set_question_hash(
        &mut self,
        deck: &str,
        card: &str,
        hash: &str,
    ) -> Result<bool, StoreError> {
        self.conn
            .execute(
                "UPDATE cards SET question_hash = ?3 WHERE deck = ?1 AND card = ?2",
                [deck, card, hash],
            )
            .map(|n| n > 0)
            .map_err(|e| classify(&self.path, e))
    }

    fn ensure_row(&mut self, deck: &str, card: &str) -> Result<(), StoreError> {
        let fresh = CardRecord::new("", Timestamp::UNIX_EPOCH);
        let run = || -> InnerResult<()> {
            if card_record(&self.conn, deck, card)?.is_none() {
                upsert_card(&self.conn, deck, card, &fresh)?;
            }
            Ok(())
        };
        run().map_err(|e| self.fail(e))
    }

    /// The answers not undone, oldest first, for one deck or all.
    pub fn reviews(&self, deck: Option<&str>) -> Result<Vec<ReviewRow>, StoreError> {
        let mut out = Vec::new();
        self.each_row(
            "SELECT r.id, k.deck, k.card, r.time_ms, r.rating, r.answer, v.name,
                    r.response_ms, r.mode, r.state_before, r.state_after, r.card
             FROM review_log r
             JOIN card_keys k ON k.id = r.card
             JOIN verdicts v ON v.id = r.verdict
             WHERE r.undone_ms IS NULL AND (?1 IS NULL OR k.deck = ?1)
             ORDER BY r.time_ms, r.id",
            [deck],
            |row| {
                let id: i64 = row.get(0)?;
                out.push(read_review(&self.conn, row, id).map_err(|e| in_review(e, id))?);
                Ok(())
            },
        )?;
        Ok(out)
    }

    pub fn meta_get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| classify(&self.path, e))
    }

    pub fn meta_set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map(|_| ())
            .map_err(|e| classify(&self.path, e))
    }

    /// Calls `f` with every answer not undone, oldest first, for one deck or all. The stored
    /// card states are not decoded (the phase before the answer has a column of its own), so
    /// exports over a long log stay fast and allocate nothing per answer.
    pub fn for_each_review(
        &self,
        deck: Option<&str>,
        mut f: impl FnMut(&LogEntry<'_>),
    ) -> Result<(), StoreError> {
        self.each_row(
            "SELECT r.id, k.deck, k.card, r.time_ms, r.rating, r.answer, v.name,
                    r.response_ms, r.mode, r.phase_before
             FROM review_log r
             JOIN card_keys k ON k.id = r.card
             JOIN verdicts v ON v.id = r.verdict
             WHERE r.undone_ms IS NULL AND (?1 IS NULL OR k.deck = ?1)
             ORDER BY r.time_ms, r.id",
            [deck],
            |row| {
                let id: i64 = row.get(0)?;
                f(&read_log_entry(row, id).map_err(|e| in_review(e, id))?);
                Ok(())
            },
        )
    }

    /// Calls `f` with the answers of `deck` not undone, newest first, until it returns false:
    /// a session reads today's answers and the learner's recent response times this way
    /// without walking the whole log.
    pub fn for_each_recent_review(
        &self,
        deck: &str,
        mut f: impl FnMut(&LogEntry<'_>) -> bool,
    ) -> Result<(), StoreError> {
        let mut run = || -> InnerResult<()> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT r.id, k.deck, k.card, r.time_ms, r.rating, r.answer, v.name,
                        r.response_ms, r.mode, r.phase_before
                 FROM review_log r
                 JOIN card_keys k ON k.id = r.card
                 JOIN verdicts v ON v.id = r.verdict
                 WHERE r.undone_ms IS NULL AND k.deck = ?1
                 ORDER BY r.id DESC",
            )?;
            let mut rows = stmt.query([deck])?;
            while let Some(row) = rows.next()? {
                let id: i64 = row.get(0)?;
                let entry = read_log_entry(row, id).map_err(|e| in_review(e, id))?;
                if !f(&entry) {
                    break;
                }
            }
            Ok(())
        };
        run().map_err(|e| self.fail(e))
    }

    /// Calls `f` with every answer not undone, oldest first, for one deck or all, with what
    /// statistics and fitting need. (The commands that read the whole log read its copy,
    /// `log_cache`, which is built from [`Store::for_each_logged`].)
    pub fn for_each_answer(
        &self,
        deck: Option<&str>,
        mut f: impl FnMut(&AnswerEntry<'_>),
    ) -> Result<(), StoreError> {
        self.each_row(
            "SELECT r.id, k.deck, k.card, r.time_ms, r.rating, v.name, r.mode, r.phase_before
             FROM review_log r
             JOIN card_keys k ON k.id = r.card
             JOIN verdicts v ON v.id = r.verdict
             WHERE r.undone_ms IS NULL AND (?1 IS NULL OR k.deck = ?1)
             ORDER BY r.time_ms, r.id",
            [deck],
            |row| {
                let id: i64 = row.get(0)?;
                let phase_before = row.get::<_, Option<u8>>(7)?.map(phase).transpose();
                f(&AnswerEntry {
                    deck: row_text(row, 1)?,
                    card: row_text(row, 2)?,
                    time: timestamp(row.get(3)?)?,
                    rating: rating(row.get(4)?)?,
                    verdict: row_text(row, 5)?,
                    mode: mode_of(row.get(6)?)?,
                    phase_before: phase_before.map_err(|e| in_review(e, id))?,
                });
                Ok(())
            },
        )
    }

    /// Calls `f` with every imported answer of cards that are in no recall deck, oldest first.
    pub fn for_each_external_review(
        &self,
        mut f: impl FnMut(&ExternalEntry<'_>),
    ) -> Result<(), StoreError> {
        self.each_row(
            "SELECT c.card_id, e.time_ms, e.rating, e.duration_ms, e.state
             FROM external_log e JOIN external_cards c ON c.id = e.card
             ORDER BY e.time_ms, e.id",
            [],
            |row| {
                let duration: i64 = row.get(3)?;
                f(&ExternalEntry {
                    card_id: row_text(row, 0)?,
                    time: timestamp(row.get(1)?)?,
                    rating: rating(row.get(2)?)?,
                    duration_ms: u64::try_from(duration).unwrap_or(0),
                    state: row.get(4)?,
                });
                Ok(())
            },
        )
    }

    /// Runs `sql` with `params` and hands `f` each row in turn.
    fn each_row(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        mut f: impl FnMut(&rusqlite::Row) -> InnerResult<()>,
    ) -> Result<(), StoreError> {
        let run = || -> InnerResult<()> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let mut rows = stmt.query(params)?;
            while let Some(row) = rows.next()? {
                f(row)?;
            }
            Ok(())
        };
        run().map_err(|e| self.fail(e))
    }

    /// The row `sql` gives for `id`, read by `read`, if there is one.
    fn row_at<T>(
        &self,
        sql: &str,
        id: i64,
        read: impl Fn(&rusqlite::Row) -> InnerResult<T>,
    ) -> Result<Option<T>, StoreError> {
        let mut found = None;
        self.each_row(sql, [id], |row| {
            found = Some(read(row)?);
            Ok(())
        })?;
        Ok(found)
    }

    /// Runs `f` inside one read transaction, so that everything it reads comes from the same
    /// state of the database even while a session is writing to it.
    pub fn read_snapshot<T>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.conn
            .execute_batch("BEGIN")
            .map_err(|e| classify(&self.path, e))?;
        let out = f(self);
        // A read transaction has nothing to keep; ending it cannot lose anything.
        let _ = self.conn.execute_batch("COMMIT");
        out
    }

    /// Calls `f` with every answer not undone whose id is above `after`, in id order (the
    /// order they were logged, not their times): the numbers a copy of the log keeps. Cards
    /// are given by their key ([`Store::card_keys_after`] names them).
    pub fn for_each_logged(&self, after: i64, mut f: impl FnMut(Logged)) -> Result<(), StoreError> {
        let sql = format!(
            "SELECT {LOGGED_COLUMNS} FROM review_log
             WHERE id > ?1 AND undone_ms IS NULL ORDER BY id"
        );
        self.each_row(&sql, [after], |row| {
            f(read_logged(row)?);
            Ok(())
        })
    }

    /// How many answers the log holds, undone ones too (so a copy can make room at once).
    pub fn logged_count(&self) -> Result<usize, StoreError> {
        self.conn
            .query_row("SELECT coalesce(max(id), 0) FROM review_log", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(|e| classify(&self.path, e))
    }

    /// The answer with this id, undone or not.
    pub fn logged_at(&self, id: i64) -> Result<Option<Logged>, StoreError> {
        let sql = format!("SELECT {LOGGED_COLUMNS} FROM review_log WHERE id = ?1");
        self.row_at(&sql, id, read_logged)
    }

    /// Like [`Store::for_each_logged`], for other programs' history.
    pub fn for_each_external_logged(
        &self,
        after: i64,
        mut f: impl FnMut(ExternalLogged),
    ) -> Result<(), StoreError> {
        let sql = format!("SELECT {EXTERNAL_COLUMNS} FROM external_log WHERE id > ?1 ORDER BY id");
        self.each_row(&sql, [after], |row| {
            f(read_external_logged(row)?);
            Ok(())
        })
    }

    /// The external answer with this id, if it is still there.
    pub fn external_logged_at(&self, id: i64) -> Result<Option<ExternalLogged>, StoreError> {
        let sql = format!("SELECT {EXTERNAL_COLUMNS} FROM external_log WHERE id = ?1");
        self.row_at(&sql, id, read_external_logged)
    }

    /// Calls `f` with the key, deck and card of every card key above `after`. Keys are never
    /// changed or removed, so a copy only ever needs the ones added since.
    pub fn card_keys_after(
        &self,
        after: i64,
        mut f: impl FnMut(i64, &str, &str),
    ) -> Result<(), StoreError> {
        let sql = "SELECT id, deck, card FROM card_keys WHERE id > ?1 ORDER BY id";
        self.each_row(sql, [after], |row| {
            f(row.get(0)?, row_text(row, 1)?, row_text(row, 2)?);
            Ok(())
        })
    }

    /// Like [`Store::card_keys_after`], for the card ids of other programs' history.
    pub fn external_cards_after(
        &self,
        after: i64,
        mut f: impl FnMut(i64, &str),
    ) -> Result<(), StoreError> {
        let sql = "SELECT id, card_id FROM external_cards WHERE id > ?1 ORDER BY id";
        self.each_row(sql, [after], |row| {
            f(row.get(0)?, row_text(row, 1)?);
            Ok(())
        })
    }

    /// The answers changed or removed after they were logged, with a sequence number above
    /// `after` (an undo, a replay that changed the phase before an answer, an answer moved
    /// out of the external history), oldest first, and the last sequence number there is.
    pub fn changes_after(&self, after: i64) -> Result<(Vec<Change>, i64), StoreError> {
        let mut out = Vec::new();
        let sql = "SELECT seq, review, external FROM log_changes WHERE seq > ?1 ORDER BY seq";
        self.each_row(sql, [after], |row| {
            match (row.get(1)?, row.get(2)?) {
                (Some(id), _) => out.push(Change::Review(id)),
                (None, Some(id)) => out.push(Change::External(id)),
                (None, None) => {}
            }
            Ok(())
        })?;
        let last: Option<i64> = self
            .conn
            .query_row("SELECT max(seq) FROM log_changes", [], |r| r.get(0))
            .map_err(|e| classify(&self.path, e))?;
        Ok((out, last.unwrap_or(0)))
    }

    /// Imports review history in one transaction: `external` answers (cards in no recall deck)
    /// and `answers` of recall cards, each skipped when the store already has an answer of that
    /// card at that millisecond, so importing a file twice adds nothing. Every recall card that
    /// gained an answer has its scheduled history (study and import answers, oldest first)
    /// handed to `replay`, which returns the card's record after each answer; those records
    /// become the logged states and the last one the card's state. An answer taken from the
    /// external history (`source_id`) leaves it.
    pub fn import_reviews(
        &mut self,
        external: &[ExternalReview],
        answers: &[ImportedAnswer],
        replay: &mut Replay<'_>,
    ) -> Result<ImportCounts, StoreError> {
        let mut run = |conn: &mut Connection| -> InnerResult<ImportCounts> {
            let tx = conn.transaction()?;
            let mut counts = ImportCounts::default();
            let logged_before: i64 =
                tx.query_row("SELECT coalesce(max(id), 0) FROM review_log", [], |r| {
                    r.get(0)
                })?;
            {
                let mut insert = tx.prepare(
                    "INSERT OR IGNORE INTO external_log (card, time_ms, rating, duration_ms, state)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                let mut keys: HashMap<&str, i64> = HashMap::new();
                for r in external {
                    let key = match keys.get(r.card_id.as_str()) {
                        Some(&k) => k,
                        None => {
                            let k = external_key(&tx, &r.card_id)?;
                            keys.insert(&r.card_id, k);
                            k
                        }
                    };
                    let added = insert.execute(params![
                        key,
                        r.time.as_millisecond(),
                        r.rating.number(),
                        i64::try_from(r.duration_ms).unwrap_or(i64::MAX),
                        r.state,
                    ])?;
                    if added == 1 {
                        counts.external_added += 1;
                    } else {
                        counts.external_present += 1;
                    }
                }
            }
            let mut touched = std::collections::BTreeSet::new();
            {
                let mut present = tx.prepare(
                    "SELECT 1 FROM review_log
                     WHERE card = (SELECT id FROM card_keys WHERE deck = ?1 AND card = ?2)
                       AND time_ms = ?3 AND undone_ms IS NULL
                     LIMIT 1",
                )?;
                let mut moved = tx.prepare(
                    "SELECT e.id FROM external_log e JOIN external_cards c ON c.id = e.card
                     WHERE c.card_id = ?1 AND e.time_ms = ?2",
                )?;
                for a in answers {
                    let ms = a.time.as_millisecond();
                    if present.exists(params![a.deck, a.card, ms])? {
                        counts.answers_present += 1;
                        continue;
                    }
                    let review = NewReview {
                        deck: a.deck.clone(),
                        card: a.card.clone(),
                        time: a.time,
                        rating: a.rating,
                        answer: a.answer.clone(),
                        verdict: a.verdict.clone(),
                        response_ms: a.response_ms,
                        mode: Mode::Import,
                        before: None,
                        // Replaced below, once the card's whole history is replayed.
                        after: CardRecord::new("", a.time),
                    };
                    insert_review(&tx, &review, None)?;
                    if let Some(source) = &a.source_id {
                        let ids: Vec<i64> = moved
                            .query_map(params![source, ms], |r| r.get(0))?
                            .collect::<Result<_, _>>()?;
                        for id in ids {
                            tx.execute("DELETE FROM external_log WHERE id = ?1", [id])?;
                            note_change(&tx, None, Some(id))?;
                        }
                    }
                    counts.answers_added += 1;
                    touched.insert((a.deck.as_str(), a.card.as_str()));
                }
            }
            for (deck, card) in touched {
                replay_card(&tx, deck, card, logged_before, replay)?;
                counts.cards_replayed += 1;
            }
            tx.commit()?;
            Ok(counts)
        };
        run(&mut self.conn).map_err(|e| self.fail(e))
    }
}

/// Recomputes the records a card's scheduled answers logged, and its state, through `replay`.
/// An answer logged before the import (id up to `logged_before`) whose phase before changes
/// is noted as changed, for copies of the log.
fn replay_card(
    tx: &Connection,
    deck: &str,
    card: &str,
    logged_before: i64,
    replay: &mut Replay<'_>,
) -> InnerResult<()> {
    type Row = (i64, Timestamp, Rating, Option<u8>);
    let history: Vec<Row> = {
        let mut stmt = tx.prepare_cached(
            "SELECT id, time_ms, rating, phase_before FROM review_log
             WHERE card = (SELECT id FROM card_keys WHERE deck = ?1 AND card = ?2)
               AND undone_ms IS NULL AND mode IN (0, 3)
             ORDER BY time_ms, id",
        )?;
        let mut rows = stmt.query([deck, card])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let rating = rating(row.get(2)?).map_err(|e| in_review(e, id))?;
            out.push((id, timestamp(row.get(1)?)?, rating, row.get(3)?));
        }
        out
    };
    let current = card_record(tx, deck, card)?;
    let answered: Vec<(Timestamp, Rating)> = history.iter().map(|&(_, t, r, _)| (t, r)).collect();
    let records = replay(deck, card, current.as_ref(), &answered);
    if records.len() != history.len() {
        return Err(Inner::Row(format!(
            "card {deck}/{card}: replay gave {} states for {} answers",
            records.len(),
            history.len()
        )));
    }
    let mut update = tx.prepare_cached(
        "UPDATE review_log SET phase_before = ?1, state_before = ?2, state_after = ?3
         WHERE id = ?4",
    )?;
    let mut before: Option<&CardRecord> = None;
    for (&(id, time, _, old_phase), record) in history.iter().zip(&records) {
        let phase = before.map(|b| packed::phase_code(b.state.phase));
        let (b, a) = pack_states(before, record, time.as_millisecond());
        update.execute(params![phase, b, a, id])?;
        if id <= logged_before && phase != old_phase {
            note_change(tx, Some(id), None)?;
        }
        before = Some(record);
    }
    if let Some(last) = records.last() {
        upsert_card(tx, deck, card, last)?;
    }
    Ok(())
}

/// Recomputes a card's records from its scheduled answers, oldest first: called by
/// `import_reviews` with the deck, the card, its stored record and its answers; returns the
/// record after each answer.
pub type Replay<'a> =
    dyn FnMut(&str, &str, Option<&CardRecord>, &[(Timestamp, Rating)]) -> Vec<CardRecord> + 'a;

/// One logged answer as `for_each_review` lends it: text borrowed from the row.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry<'a> {
    pub id: i64,
    pub deck: &'a str,
    pub card: &'a str,
    pub time: Timestamp,
    pub rating: Rating,
    pub answer: &'a str,
    pub verdict: &'a str,
    pub response_ms: u64,
    pub mode: Mode,
    /// The card's phase before the answer; `None` when it had no row yet (a new card).
    pub phase_before: Option<Phase>,
}

/// One logged answer as `for_each_answer` lends it: what statistics and fitting need.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerEntry<'a> {
    pub deck: &'a str,
    pub card: &'a str,
    pub time: Timestamp,
    pub rating: Rating,
    pub verdict: &'a str,
    pub mode: Mode,
    /// The card's phase before the answer; `None` when it had no row yet (a new card).
    pub phase_before: Option<Phase>,
}

/// One logged answer as a copy of the log keeps it: numbers only (see
/// [`Store::for_each_logged`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Logged {
    pub id: i64,
    /// The card, as a key of [`Store::card_keys_after`].
    pub key: i64,
    pub time_ms: i64,
    pub rating: Rating,
    pub mode: Mode,
    /// The verdict's number: an index into [`KNOWN_VERDICTS`], or a larger number for a
    /// verdict this recall does not know.
    pub verdict: i64,
    pub phase_before: Option<Phase>,
    pub undone: bool,
}

/// One answer of other programs' history as a copy of the log keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExternalLogged {
    pub id: i64,
    /// The card, as a key of [`Store::external_cards_after`].
    pub key: i64,
    pub time_ms: i64,
    pub rating: Rating,
    /// The FSRS review state if the log gave one (0 new, 1 learning, 2 review, 3 relearning).
    pub state: Option<u8>,
}

/// An answer changed or removed after it was logged (see [`Store::changes_after`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The answer with this id in `review_log` (undone, or its phase before changed).
    Review(i64),
    /// The answer with this id in `external_log` (moved into a recall card's log).
    External(i64),
}

/// An answer from another program's log, of a card that is in no recall deck.
#[derive(Debug, Clone, PartialEq)]
pub struct ExternalReview {
    /// The other program's card id.
    pub card_id: String,
    pub time: Timestamp,
    pub rating: Rating,
    pub duration_ms: u64,
    /// The FSRS review state if the log gave one (0 new, 1 learning, 2 review, 3 relearning).
    pub state: Option<u8>,
}

/// An external answer as `for_each_external_review` lends it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExternalEntry<'a> {
    pub card_id: &'a str,
    pub time: Timestamp,
    pub rating: Rating,
    pub duration_ms: u64,
    pub state: Option<u8>,
}

/// An imported answer of a recall card.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedAnswer {
    pub deck: String,
    pub card: String,
    pub time: Timestamp,
    pub rating: Rating,
    pub answer: String,
    pub verdict: String,
    pub response_ms: u64,
    /// The external card id it was mapped from; an earlier import of it as external history
    /// is removed so the answer is not counted twice.
    pub source_id: Option<String>,
}

/// What `import_reviews` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub external_added: usize,
    /// External answers already stored (same card id and time).
    pub external_present: usize,
    pub answers_added: usize,
    /// Answers of recall cards already stored (same card and time).
    pub answers_present: usize,
    /// Recall cards whose states were recomputed.
    pub cards_replayed: usize,
}

fn row_text<'a>(row: &'a rusqlite::Row, i: usize) -> InnerResult<&'a str> {
    row.get_ref(i)?
        .as_str()
        .map_err(|e| Inner::Row(format!("column {i}: {e}")))
}

/// The columns [`read_logged`] reads.
const LOGGED_COLUMNS: &str =
    "id, card, time_ms, rating, mode, verdict, phase_before, undone_ms IS NOT NULL";

fn read_logged(row: &rusqlite::Row) -> InnerResult<Logged> {
    let id: i64 = row.get(0)?;
    let read = || -> InnerResult<Logged> {
        Ok(Logged {
            id,
            key: row.get(1)?,
            time_ms: row.get(2)?,
            rating: rating(row.get(3)?)?,
            mode: mode_of(row.get(4)?)?,
            verdict: row.get(5)?,
            phase_before: row.get::<_, Option<u8>>(6)?.map(phase).transpose()?,
            undone: row.get(7)?,
        })
    };
    read().map_err(|e| in_review(e, id))
}

/// The columns [`read_external_logged`] reads.
const EXTERNAL_COLUMNS: &str = "id, card, time_ms, rating, state";

fn read_external_logged(row: &rusqlite::Row) -> InnerResult<ExternalLogged> {
    Ok(ExternalLogged {
        id: row.get(0)?,
        key: row.get(1)?,
        time_ms: row.get(2)?,
        rating: rating(row.get(3)?)?,
        state: row.get(4)?,
    })
}

fn rating(n: u8) -> InnerResult<Rating> {
    Rating::from_number(n).ok_or_else(|| Inner::Row(format!("rating {n} is not 1 to 4")))
}

fn read_log_entry<'a>(row: &'a rusqlite::Row, id: i64) -> InnerResult<LogEntry<'a>> {
    let rating: u8 = row.get(4)?;
    let response_ms: i64 = row.get(7)?;
    let phase_before = row.get::<_, Option<u8>>(9)?.map(phase).transpose()?;
    Ok(LogEntry {
        id,
        deck: row_text(row, 1)?,
        card: row_text(row, 2)?,
        time: timestamp(row.get(3)?)?,
        rating: self::rating(rating)?,
        answer: answer_text(row, 5)?,
        verdict: row_text(row, 6)?,
        response_ms: u64::try_from(response_ms).unwrap_or(0),
        mode: mode_of(row.get(8)?)?,
        phase_before,
    })
}

/// Look at an existing database through a read-only connection, refusing anything this recall
/// should not write to.
fn check_existing(path: &Path) -> Result<(), StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        reason,
    };
    check_header(path)?;
    // Looked at before our own connection opens (and perhaps creates) the log.
    let unclean = fs::metadata(wal_path(path)).is_ok_and(|m| m.len() > 0);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    let read = |sql: &str| -> Result<i64, StoreError> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| classify(path, e))
    };
    let found = read("PRAGMA user_version")?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let application_id = read("PRAGMA application_id")?;
    let tables = read("SELECT count(*) FROM sqlite_schema")?;
    let foreign = if found == 0 {
        tables > 0 || application_id != 0
    } else {
        application_id != i64::from(APPLICATION_ID)
    };
    if foreign {
        return Err(corrupt(
            "an SQLite database belonging to something else".to_string(),
        ));
    }
    // A full quick_check reads every page: a fraction of a second for a million reviews, on
    // every start. It runs only when something looks wrong, a write-ahead log left behind (the
    // last process did not close cleanly, or one is running now), or before a migration (an
    // older schema, or none yet). Otherwise the tables a session reads in full (`cards`,
    // `meta`, the small key tables) are checked, and the rightmost path of each `review_log`
    // B-tree, the only pages an append writes to, is read (SQLite validates every page it
    // reads and reports damage as SQLITE_CORRUPT).
    let checks: &[&str] = if unclean || found < SCHEMA_VERSION {
        &["PRAGMA quick_check"]
    } else {
        &[
            "PRAGMA quick_check(cards)",
            "PRAGMA quick_check(meta)",
            "PRAGMA quick_check(card_keys)",
            "PRAGMA quick_check(verdicts)",
            "SELECT 'ok' FROM (SELECT max(id) FROM review_log)",
            "SELECT 'ok' FROM (SELECT max(time_ms) FROM review_log)",
            "SELECT 'ok' FROM (SELECT card, time_ms FROM review_log
                               ORDER BY card DESC, time_ms DESC LIMIT 1)",
        ]
    };
    let problems = (|| -> rusqlite::Result<Vec<String>> {
        let mut problems = Vec::new();
        for sql in checks {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            for row in rows {
                let row = row?;
                if row != "ok" {
                    problems.push(row);
                }
            }
        }
        if problems.is_empty() {
            problems.push("ok".to_string());
        }
        Ok(problems)
    })()
    .map_err(|e| classify(path, e))?;
    if problems != ["ok"] {
        let mut reason = problems.into_iter().take(3).collect::<Vec<_>>().join("; ");
        if reason.is_empty() {
            reason = "integrity check failed".to_string();
        }
        return Err(corrupt(reason));
    }
    Ok(())
}

/// A deck's card records by card id. Looked up for every card of the deck when a session
/// starts, so with a fast hash rather than the default one (which resists keys chosen to
/// collide; card ids come from the learner's own decks).
pub type CardRecords = HashMap<String, CardRecord, foldhash::fast::RandomState>;

/// Notes that an answer already logged changed or went (see [`Store::changes_after`]).
fn note_change(conn: &Connection, review: Option<i64>, external: Option<i64>) -> InnerResult<()> {
    conn.prepare_cached("INSERT INTO log_changes (review, external) VALUES (?1, ?2)")?
        .execute(params![review, external])?;
    Ok(())
}

/// The write-ahead log SQLite keeps beside the database while it is open.
fn wal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// Read the file header ourselves first: the commonest refusals (not SQLite at all, a newer
/// schema) then need no SQLite connection, which would leave `-wal` and `-shm` files beside a
/// file we are not going to use.
fn check_header(path: &Path) -> Result<(), StoreError> {
    let mut header = [0u8; 100];
    let read = File::open(path)
        .and_then(|mut f| {
            let mut filled = 0;
            while filled < header.len() {
                match f.read(&mut header[filled..])? {
                    0 => break,
                    n => filled += n,
                }
            }
            Ok(filled)
        })
        .map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            action: "read",
            source,
        })?;
    if read < header.len() || &header[..16] != b"SQLite format 3\0" {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: "not an SQLite database".to_string(),
        });
    }
    // The schema version (`PRAGMA user_version`) is the big-endian number at offset 60.
    let found = i64::from(i32::from_be_bytes([
        header[60], header[61], header[62], header[63],
    ]));
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Turn an SQLite error into the store error a person can act on.
fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::Corrupt {
            path,
            reason: "not an SQLite database".to_string(),
        },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path,
            reason: "the database is damaged".to_string(),
        },
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
        // SQLite says only "disk I/O error" when it cannot make its working files (the
        // shared-memory index, the write-ahead log) on a full disk, even to read.
        Some(ErrorCode::SystemIoFailure) if crate::safe_file::disk_full(&path) => StoreError::Io {
            path,
            action: "use",
            source: io::Error::other(
                "the disk holding it is full, and SQLite needs a little space beside the \
                 database even to read it; free some space and try again",
            ),
        },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: read_only_culprit(path),
        },
        // The file was readable (it is checked first), so what SQLite could not open is a
        // journal beside it.
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) if path.is_file() => {
            StoreError::ReadOnly {
                path: read_only_culprit(path),
            }
        }
        _ => StoreError::Sqlite { path, source: e },
    }
}

/// Whether the database file or its directory is what cannot be written. Opening for append
/// writes nothing.
fn read_only_culprit(path: PathBuf) -> PathBuf {
    let file_writable = OpenOptions::new().append(true).open(&path).is_ok();
    match path.parent() {
        Some(dir) if file_writable && !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => path,
    }
}

/// The card columns, in the order `read_card` expects.
const CARD_COLUMNS: &str = "question_hash, phase, step, due_ms, stability, difficulty, \
     last_review_ms, interval_days, reps, lapses, suspended, buried_until, leech";

// The statements an answer runs are cached on the connection: parsing them again for every
// answer cost more than the rest of the answer's SQL.
fn card_record(conn: &Connection, deck: &str, card: &str) -> InnerResult<Option<CardRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CARD_COLUMNS} FROM cards WHERE deck = ?1 AND card = ?2"
    ))?;
    let mut rows = stmt.query([deck, card])?;
    match rows.next()? {
        Some(row) => Ok(Some(read_card(row, 0).map_err(|e| in_card(e, deck, card))?)),
        None => Ok(None),
    }
}

fn read_card(row: &rusqlite::Row, at: usize) -> InnerResult<CardRecord> {
    let phase: String = row.get(at + 1)?;
    let buried: Option<String> = row.get(at + 11)?;
    let stored = StoredRecord {
        question_hash: row.get(at)?,
        phase,
        step: row.get(at + 2)?,
        due_ms: row.get(at + 3)?,
        stability: row.get::<_, Option<f64>>(at + 4)?.map(|x| x as f32),
        difficulty: row.get::<_, Option<f64>>(at + 5)?.map(|x| x as f32),
        last_review_ms: row.get(at + 6)?,
        interval_days: row.get(at + 7)?,
        reps: row.get(at + 8)?,
        lapses: row.get(at + 9)?,
        suspended: row.get(at + 10)?,
        buried_until: buried,
        leech: row.get(at + 12)?,
    };
    stored.into_record()
}

fn upsert_card(conn: &Connection, deck: &str, card: &str, r: &CardRecord) -> InnerResult<()> {
    let s = StoredRecord::from_record(r);
    conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO cards (deck, card, {CARD_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
    ))?
    .execute(params![
        deck,
        card,
        s.question_hash,
        s.phase,
        s.step,
        s.due_ms,
        s.stability.map(f64::from),
        s.difficulty.map(f64::from),
        s.last_review_ms,
        s.interval_days,
        s.reps,
        s.lapses,
        s.suspended,
        s.buried_until,
        s.leech,
    ])?;
    Ok(())
}

fn insert_review(
    conn: &Connection,
    r: &NewReview,
    before: Option<&CardRecord>,
) -> InnerResult<i64> {
    let time_ms = r.time.as_millisecond();
    let key = card_key(conn, &r.deck, &r.card)?;
    let (mut state_before, state_after) = pack_states(before, &r.after, time_ms);
    if let Some(b) = before
        && r.mode.is_scheduled()
        && previous_after(conn, key, i64::MAX)?.as_ref() == Some(b)
    {
        state_before = Some(SAME_AS_PREVIOUS.to_vec());
    }
    conn.prepare_cached(
        "INSERT INTO review_log (card, time_ms, rating, mode, verdict, phase_before,
                                 response_ms, answer, state_before, state_after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        key,
        time_ms,
        r.rating.number(),
        mode_code(r.mode),
        verdict_key(conn, &r.verdict)?,
        before.map(|b| packed::phase_code(b.state.phase)),
        i64::try_from(r.response_ms).unwrap_or(i64::MAX),
        bounded_answer(&r.answer),
        state_before,
        state_after,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The number of a (deck, card) in the log, given one when it has none yet.
fn card_key(conn: &Connection, deck: &str, card: &str) -> InnerResult<i64> {
    let found = conn
        .prepare_cached("SELECT id FROM card_keys WHERE deck = ?1 AND card = ?2")?
        .query_row([deck, card], |r| r.get(0))
        .optional()?;
    if let Some(key) = found {
        return Ok(key);
    }
    conn.prepare_cached("INSERT INTO card_keys (deck, card) VALUES (?1, ?2)")?
        .execute([deck, card])?;
    Ok(conn.last_insert_rowid())
}

/// The number of another program's card id, given one when it has none yet.
fn external_key(conn: &Connection, card_id: &str) -> InnerResult<i64> {
    let found = conn
        .prepare_cached("SELECT id FROM external_cards WHERE card_id = ?1")?
        .query_row([card_id], |r| r.get(0))
        .optional()?;
    if let Some(key) = found {
        return Ok(key);
    }
    conn.prepare_cached("INSERT INTO external_cards (card_id) VALUES (?1)")?
        .execute([card_id])?;
    Ok(conn.last_insert_rowid())
}

/// The number of a verdict: the known ones have theirs from the start.
fn verdict_key(conn: &Connection, verdict: &str) -> InnerResult<i64> {
    if let Some(i) = KNOWN_VERDICTS.iter().position(|&v| v == verdict) {
        return Ok(i as i64);
    }
    let found = conn
        .prepare_cached("SELECT id FROM verdicts WHERE name = ?1")?
        .query_row([verdict], |r| r.get(0))
        .optional()?;
    if let Some(key) = found {
        return Ok(key);
    }
    conn.prepare_cached("INSERT INTO verdicts (name) VALUES (?1)")?
        .execute([verdict])?;
    Ok(conn.last_insert_rowid())
}

/// The answer as the log keeps it: `None` when empty, and cut at [`MAX_ANSWER_CHARS`] (a
/// pasted essay is not worth keeping whole in every row).
fn bounded_answer(answer: &str) -> Option<std::borrow::Cow<'_, str>> {
    if answer.is_empty() {
        return None;
    }
    match answer.char_indices().nth(MAX_ANSWER_CHARS - 1) {
        Some((cut, _)) => Some(format!("{}…", &answer[..cut]).into()),
        None => Some(answer.into()),
    }
}

/// The records before and after an answer at `time_ms`, packed; the one before shares the
/// question hash of the one after.
fn pack_states(
    before: Option<&CardRecord>,
    after: &CardRecord,
    time_ms: i64,
) -> (Option<Vec<u8>>, Vec<u8>) {
    let hash = Some(after.question_hash.as_str());
    (
        before.map(|b| packed::encode(b, time_ms, hash)),
        packed::encode(after, time_ms, None),
    )
}

/// The record logged before a scheduled answer when it is the record after the card's previous
/// scheduled answer (nearly always: nothing else changed the card between), which the row then
/// does not repeat. "Previous" is [`previous_after`]'s: an answer's previous one is fixed once
/// the answer is logged, since later answers have higher ids, an undo takes back a deck's
/// answers latest first, and an import's replay logs its records in full.
const SAME_AS_PREVIOUS: &[u8] = &[];

/// The record after the card's answer that a new answer would follow: of its scheduled answers
/// that are not undone and were logged before `before_id`, the latest (by time, then id).
fn previous_after(conn: &Connection, key: i64, before_id: i64) -> InnerResult<Option<CardRecord>> {
    let found: Option<(i64, Vec<u8>)> = conn
        .prepare_cached(
            "SELECT time_ms, state_after FROM review_log
             WHERE card = ?1 AND id < ?2 AND undone_ms IS NULL AND mode IN (0, 3)
             ORDER BY time_ms DESC, id DESC LIMIT 1",
        )?
        .query_row([key, before_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    found
        .map(|(time_ms, after)| packed::decode(&after, time_ms, None))
        .transpose()
        .map_err(|e| Inner::Row(format!("state after: {e}")))
}

/// Where a logged answer is, to read back its records.
struct LoggedAt {
    key: i64,
    id: i64,
    time_ms: i64,
}

impl LoggedAt {
    fn unpack(
        &self,
        conn: &Connection,
        before: Option<&[u8]>,
        after: &[u8],
    ) -> InnerResult<(Option<CardRecord>, CardRecord)> {
        let row = |what: &str, e: String| Inner::Row(format!("state {what}: {e}"));
        let after = packed::decode(after, self.time_ms, None).map_err(|e| row("after", e))?;
        let hash = Some(after.question_hash.as_str());
        let before = match before {
            None => None,
            Some(SAME_AS_PREVIOUS) => {
                Some(previous_after(conn, self.key, self.id)?.ok_or_else(|| {
                    row(
                        "before",
                        "it refers to an earlier answer that is not there".into(),
                    )
                })?)
            }
            Some(b) => Some(packed::decode(b, self.time_ms, hash).map_err(|e| row("before", e))?),
        };
        Ok((before, after))
    }
}

fn read_review(conn: &Connection, row: &rusqlite::Row, id: i64) -> InnerResult<ReviewRow> {
    let rating: u8 = row.get(4)?;
    let response_ms: i64 = row.get(7)?;
    let time_ms: i64 = row.get(3)?;
    let before: Option<Vec<u8>> = row.get(9)?;
    let after: Vec<u8> = row.get(10)?;
    let logged = LoggedAt {
        key: row.get(11)?,
        id,
        time_ms,
    };
    let (before, after) = logged.unpack(conn, before.as_deref(), &after)?;
    let review = NewReview {
        deck: row.get(1)?,
        card: row.get(2)?,
        time: timestamp(time_ms)?,
        rating: self::rating(rating)?,
        answer: answer_text(row, 5)?.to_string(),
        verdict: row.get(6)?,
        response_ms: u64::try_from(response_ms).unwrap_or(0),
        mode: mode_of(row.get(8)?)?,
        before,
        after,
    };
    Ok(ReviewRow { id, review })
}

/// The answer column, which holds `NULL` for an empty answer.
fn answer_text<'a>(row: &'a rusqlite::Row, i: usize) -> InnerResult<&'a str> {
    row.get_ref(i)?
        .as_str_or_null()
        .map(Option::unwrap_or_default)
        .map_err(|e| Inner::Row(format!("column {i}: {e}")))
}

const MODES: [Mode; 4] = [Mode::Study, Mode::Quiz, Mode::Cram, Mode::Import];

/// The number the log keeps for a mode.
fn mode_code(mode: Mode) -> u8 {
    match mode {
        Mode::Study => 0,
        Mode::Quiz => 1,
        Mode::Cram => 2,
        Mode::Import => 3,
    }
}

fn mode_of(n: u8) -> InnerResult<Mode> {
    MODES
        .get(usize::from(n))
        .copied()
        .ok_or_else(|| Inner::Row(format!("unknown mode {n}")))
}

fn phase(n: u8) -> InnerResult<Phase> {
    packed::phase_of(n).ok_or_else(|| Inner::Row(format!("unknown phase {n}")))
}

fn parse_mode(s: &str) -> InnerResult<Mode> {
    Mode::parse(s).ok_or_else(|| Inner::Row(format!("unknown mode \"{s}\"")))
}

fn in_card(e: Inner, deck: &str, card: &str) -> Inner {
    match e {
        Inner::Row(what) => Inner::Row(format!("card {deck}/{card}: {what}")),
        other => other,
    }
}

fn in_review(e: Inner, id: i64) -> Inner {
    match e {
        Inner::Row(what) => Inner::Row(format!("review {id}: {what}")),
        other => other,
    }
}

fn timestamp(ms: i64) -> InnerResult<Timestamp> {
    Timestamp::from_millisecond(ms).map_err(|e| Inner::Row(format!("time {ms}: {e}")))
}

/// A card record as the `cards` table holds it (and as version 2 logged it, as JSON). Kept
/// apart from the domain types so those can change without breaking stored cards.
#[derive(Debug, serde::Deserialize)]
struct StoredRecord {
    phase: String,
    step: u32,
    due_ms: i64,
    stability: Option<f32>,
    difficulty: Option<f32>,
    last_review_ms: Option<i64>,
    interval_days: u32,
    reps: u32,
    lapses: u32,
    suspended: bool,
    buried_until: Option<String>,
    leech: bool,
    question_hash: String,
}

impl StoredRecord {
    fn from_record(r: &CardRecord) -> StoredRecord {
        let s = &r.state;
        StoredRecord {
            phase: s.phase.as_str().to_string(),
            step: s.step,
            due_ms: s.due.as_millisecond(),
            stability: s.stability,
            difficulty: s.difficulty,
            last_review_ms: s.last_review.map(Timestamp::as_millisecond),
            interval_days: s.interval_days,
            reps: s.reps,
            lapses: s.lapses,
            suspended: r.suspended,
            buried_until: r.buried_until.map(|d| d.to_string()),
            leech: r.leech,
            question_hash: r.question_hash.clone(),
        }
    }

    fn into_record(self) -> InnerResult<CardRecord> {
        let phase = Phase::parse(&self.phase)
            .ok_or_else(|| Inner::Row(format!("unknown phase \"{}\"", self.phase)))?;
        let buried_until = self
            .buried_until
            .map(|text| {
                text.parse::<Date>()
                    .map_err(|_| Inner::Row(format!("buried_until \"{text}\" is not a date")))
            })
            .transpose()?;
        Ok(CardRecord {
            state: CardState {
                phase,
                step: self.step,
                due: timestamp(self.due_ms)?,
                stability: self.stability,
                difficulty: self.difficulty,
                last_review: self.last_review_ms.map(timestamp).transpose()?,
                interval_days: self.interval_days,
                reps: self.reps,
                lapses: self.lapses,
            },
            suspended: self.suspended,
            buried_until,
            leech: self.leech,
            question_hash: self.question_hash,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::schema::{MIGRATIONS, migrate_to_1};
    use super::*;
    use jiff::civil::date;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn learning(hash: &str) -> CardRecord {
        CardRecord {
            state: CardState {
                phase: Phase::Learning,
                step: 1,
                due: ts("2026-05-01T10:10:00Z"),
                stability: Some(2.3065),
                difficulty: Some(2.118104),
                last_review: Some(ts("2026-05-01T10:00:00Z")),
                interval_days: 0,
                reps: 1,
                lapses: 0,
            },
            suspended: false,
            buried_until: None,
            leech: false,
            question_hash: hash.to_string(),
        }
    }

    fn reviewing(hash: &str) -> CardRecord {
        CardRecord {
            state: CardState {
                phase: Phase::Review,
                step: 0,
                due: ts("2026-05-04T04:00:00Z"),
                stability: Some(3.1731234),
                difficulty: Some(2.0011),
                last_review: Some(ts("2026-05-01T10:10:00Z")),
                interval_days: 3,
                reps: 2,
                lapses: 0,
            },
            buried_until: Some(date(2026, 5, 2)),
            ..learning(hash)
        }
    }

    fn review(card: &str, time: &str, before: Option<CardRecord>, after: CardRecord) -> NewReview {
        NewReview {
            deck: "rivers".to_string(),
            card: card.to_string(),
            time: ts(time),
            rating: Rating::Good,
            answer: "Danube".to_string(),
            verdict: "correct".to_string(),
            response_ms: 4_200,
            mode: Mode::Study,
            before,
            after,
        }
    }

    fn count(store: &Store, sql: &str) -> i64 {
        store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn open_creates_directory_and_schema() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data/recall");
        let store = Store::open(&dir).unwrap();
        assert!(dir.join(DATABASE_FILE).is_file());
        assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(
            count(
                &store,
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
            ),
            8,
            "cards, meta, card_keys, verdicts, review_log, external_cards, external_log, \
             log_changes"
        );
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(count(&store, "PRAGMA foreign_keys"), 1);
        assert_eq!(
            count(&store, "PRAGMA application_id"),
            i64::from(APPLICATION_ID)
        );
    }

    #[test]
    fn reopen_keeps_data() {
        let tmp = tempfile::tempdir().unwrap();
        {
            let mut store = Store::open(tmp.path()).unwrap();
            store
                .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
                .unwrap();
            store.meta_set("fsrs.rivers", "[0.2]").unwrap();
        }
        let store = Store::open(tmp.path()).unwrap();
        let cards = store.card_records("rivers").unwrap();
        assert_eq!(cards.len(), 1);
        assert_eq!(cards["r1"], learning("h1"));
        assert_eq!(store.reviews(None).unwrap().len(), 1);
        assert_eq!(
            store.meta_get("fsrs.rivers").unwrap(),
            Some("[0.2]".to_string())
        );
    }

    #[test]
    fn too_new_database_is_refused_and_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(DATABASE_FILE);
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(
                "PRAGMA journal_mode = WAL; CREATE TABLE future (x); PRAGMA user_version = 4;",
            )
            .unwrap();
        }
        let bytes = fs::read(&path).unwrap();
        let err = Store::open(tmp.path()).unwrap_err();
        assert!(
            matches!(
                &err,
                StoreError::TooNew {
                    found: 4,
                    supported: 3,
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "{} was written by a newer recall (schema version 4; this recall understands \
                 up to 3); upgrade recall to use it (the file was left unchanged)",
                path.display()
            )
        );
        assert_eq!(fs::read(&path).unwrap(), bytes);
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn garbage_file_is_refused_and_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(DATABASE_FILE);
        let bytes = b"These are notes about rivers, not a database at all.\n".repeat(100);
        fs::write(&path, &bytes).unwrap();
        let err = Store::open(tmp.path()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{} is not a usable recall progress database (not an SQLite database); it was \
                 left unchanged",
                path.display()
            )
        );
        assert_eq!(fs::read(&path).unwrap(), bytes);
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn damaged_database_is_refused_and_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(DATABASE_FILE);
        {
            let mut store = Store::open(tmp.path()).unwrap();
            for i in 0..200 {
                let card = format!("card-{i:03}");
                store
                    .record_review(&review(&card, "2026-05-01T10:00:00Z", None, learning("h")))
                    .unwrap();
            }
        }
        let mut bytes = fs::read(&path).unwrap();
        // Scribble over the middle of the second page onwards, keeping the header intact.
        for b in bytes.iter_mut().skip(4096 + 200).take(8192) {
            *b = 0x5a;
        }
        fs::write(&path, &bytes).unwrap();
        let err = Store::open(tmp.path()).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
        assert_eq!(fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn foreign_sqlite_database_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(DATABASE_FILE);
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE songs (title TEXT);")
                .unwrap();
        }
        let bytes = fs::read(&path).unwrap();
        let err = Store::open(tmp.path()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{} is not a usable recall progress database (an SQLite database belonging to \
                 something else); it was left unchanged",
                path.display()
            )
        );
        assert_eq!(fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn empty_file_is_initialised() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join(DATABASE_FILE), b"").unwrap();
        let store = Store::open(tmp.path()).unwrap();
        assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn second_open_while_first_is_open_sees_committed_answers() {
        let tmp = tempfile::tempdir().unwrap();
        let mut writer = Store::open(tmp.path()).unwrap();
        writer
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        let reader = Store::open(tmp.path()).unwrap();
        assert_eq!(reader.card_records("rivers").unwrap().len(), 1);
    }

    #[test]
    fn record_review_logs_and_stores_the_card() {
        let mut store = Store::open_in_memory().unwrap();
        let r = review("r1", "2026-05-01T10:00:00Z", None, learning("h1"));
        let id = store.record_review(&r).unwrap();
        assert_eq!(id, 1);
        let rows = store.reviews(Some("rivers")).unwrap();
        assert_eq!(rows, [ReviewRow { id: 1, review: r }]);
        assert_eq!(
            store.card_record("rivers", "r1").unwrap(),
            Some(learning("h1"))
        );
    }

    #[test]
    fn record_review_is_atomic() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE INSERT ON cards
                 BEGIN SELECT RAISE(ABORT, 'card write refused'); END;",
            )
            .unwrap();
        let r = review("r1", "2026-05-01T10:00:00Z", None, learning("h1"));
        let err = store.record_review(&r).unwrap_err();
        assert!(err.to_string().contains("card write refused"), "{err}");
        assert_eq!(count(&store, "SELECT count(*) FROM reviews"), 0);
        assert_eq!(count(&store, "SELECT count(*) FROM cards"), 0);
    }

    #[test]
    fn undo_restores_the_previous_record_exactly() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        store
            .record_review(&review(
                "r1",
                "2026-05-01T10:10:00Z",
                Some(learning("h1")),
                reviewing("h1"),
            ))
            .unwrap();
        let undone = store
            .undo_last("rivers", ts("2026-05-01T10:11:00Z"))
            .unwrap();
        assert_eq!(
            undone,
            Some(Undone {
                card: "r1".to_string(),
                review_id: 2,
                restored: Some(learning("h1")),
            })
        );
        assert_eq!(
            store.card_record("rivers", "r1").unwrap(),
            Some(learning("h1"))
        );
        assert_eq!(
            store
                .reviews(None)
                .unwrap()
                .iter()
                .map(|r| r.id)
                .collect::<Vec<_>>(),
            [1]
        );
        assert_eq!(
            count(&store, "SELECT undone_ms FROM reviews WHERE id = 2"),
            ts("2026-05-01T10:11:00Z").as_millisecond()
        );
    }

    #[test]
    fn undo_restores_what_was_stored_whatever_the_caller_claimed() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:10:00Z", None, reviewing("h1")))
            .unwrap();
        let undone = store
            .undo_last("rivers", ts("2026-05-01T10:11:00Z"))
            .unwrap()
            .unwrap();
        assert_eq!(undone.restored, Some(learning("h1")));
        assert_eq!(
            store.reviews(None).unwrap()[0].review.before,
            None,
            "the first answer met a card with no row"
        );
    }

    #[test]
    fn undo_of_a_new_card_deletes_its_row() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        let undone = store
            .undo_last("rivers", ts("2026-05-01T10:01:00Z"))
            .unwrap();
        assert_eq!(undone.unwrap().restored, None);
        assert_eq!(store.card_record("rivers", "r1").unwrap(), None);
        assert_eq!(
            store
                .undo_last("rivers", ts("2026-05-01T10:02:00Z"))
                .unwrap(),
            None
        );
    }

    #[test]
    fn undo_only_looks_at_its_deck() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        assert_eq!(
            store
                .undo_last("lakes", ts("2026-05-01T10:01:00Z"))
                .unwrap(),
            None
        );
        assert!(store.card_record("rivers", "r1").unwrap().is_some());
    }

    #[test]
    fn unscheduled_answers_leave_the_card_alone() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        let quiz = NewReview {
            mode: Mode::Quiz,
            ..review(
                "r1",
                "2026-05-01T11:00:00Z",
                Some(learning("h1")),
                reviewing("h1"),
            )
        };
        store.record_unscheduled(&quiz).unwrap();
        assert_eq!(
            store.card_record("rivers", "r1").unwrap(),
            Some(learning("h1"))
        );
        assert_eq!(store.reviews(None).unwrap().len(), 2);
        let undone = store
            .undo_last("rivers", ts("2026-05-01T11:01:00Z"))
            .unwrap()
            .unwrap();
        assert_eq!(undone.review_id, 2);
        assert_eq!(undone.restored, Some(learning("h1")));
        assert_eq!(
            store.card_record("rivers", "r1").unwrap(),
            Some(learning("h1"))
        );
    }

    #[test]
    fn reviews_are_in_time_order_across_decks() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("b", "2026-05-02T10:00:00Z", None, learning("h")))
            .unwrap();
        let lakes = NewReview {
            deck: "lakes".to_string(),
            ..review("a", "2026-05-01T10:00:00Z", None, learning("h"))
        };
        store.record_review(&lakes).unwrap();
        let cards: Vec<String> = store
            .reviews(None)
            .unwrap()
            .into_iter()
            .map(|r| r.review.card)
            .collect();
        assert_eq!(cards, ["a", "b"]);
        assert_eq!(store.reviews(Some("lakes")).unwrap().len(), 1);
    }

    #[test]
    fn suspend_and_bury_give_a_new_card_a_row() {
        let mut store = Store::open_in_memory().unwrap();
        store.set_suspended("rivers", "r9", true).unwrap();
        store.bury("rivers", "r9", date(2026, 5, 3)).unwrap();
        let record = store.card_record("rivers", "r9").unwrap().unwrap();
        assert_eq!(
            record,
            CardRecord {
                suspended: true,
                buried_until: Some(date(2026, 5, 3)),
                ..CardRecord::new("", Timestamp::UNIX_EPOCH)
            }
        );
        store.set_suspended("rivers", "r9", false).unwrap();
        assert!(
            !store
                .card_record("rivers", "r9")
                .unwrap()
                .unwrap()
                .suspended
        );
    }

    #[test]
    fn reset_card_keeps_history_and_suspension() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, reviewing("h1")))
            .unwrap();
        store.set_suspended("rivers", "r1", true).unwrap();
        assert!(store.reset_card("rivers", "r1").unwrap());
        assert!(!store.reset_card("rivers", "nope").unwrap());
        assert_eq!(
            store.card_record("rivers", "r1").unwrap(),
            Some(CardRecord {
                suspended: true,
                ..CardRecord::new("h1", Timestamp::UNIX_EPOCH)
            })
        );
        assert_eq!(store.reviews(None).unwrap().len(), 1);
    }

    #[test]
    fn question_hash_updates_an_existing_row_only() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        assert!(store.set_question_hash("rivers", "r1", "h2").unwrap());
        assert!(!store.set_question_hash("rivers", "r2", "h2").unwrap());
        assert_eq!(
            store
                .card_record("rivers", "r1")
                .unwrap()
                .unwrap()
                .question_hash,
            "h2"
        );
    }

    #[test]
    fn meta_overwrites() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.meta_get("k").unwrap(), None);
        store.meta_set("k", "1").unwrap();
        store.meta_set("k", "2").unwrap();
        assert_eq!(store.meta_get("k").unwrap(), Some("2".to_string()));
    }

    #[test]
    fn unreadable_phase_is_reported_with_the_card() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        store
            .conn
            .execute_batch("PRAGMA ignore_check_constraints = ON; UPDATE cards SET phase = 'odd';")
            .unwrap();
        assert_eq!(
            store.card_records("rivers").unwrap_err().to_string(),
            "unreadable data in :memory:: card rivers/r1: unknown phase \"odd\""
        );
    }

    #[test]
    fn session_lock_refuses_a_second_holder() {
        let tmp = tempfile::tempdir().unwrap();
        let lock = Store::lock_session(tmp.path()).unwrap();
        let err = Store::lock_session(tmp.path()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "another recall session (process {}) is using {}; finish it or wait",
                std::process::id(),
                tmp.path().display()
            )
        );
        assert_eq!(
            fs::read_to_string(lock.path()).unwrap(),
            format!("{}\n", std::process::id())
        );
    }

    #[test]
    fn session_lock_is_released_on_drop() {
        let tmp = tempfile::tempdir().unwrap();
        drop(Store::lock_session(tmp.path()).unwrap());
        assert!(Store::lock_session(tmp.path()).is_ok());
    }

    #[test]
    fn migrations_start_from_the_stored_version() {
        let tmp = tempfile::tempdir().unwrap();
        drop(Store::open(tmp.path()).unwrap());
        // Opening again must not re-run migration 1 (it would fail on existing tables).
        let store = Store::open(tmp.path()).unwrap();
        assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(MIGRATIONS.len() as i64, SCHEMA_VERSION);
    }

    /// Make `path` read-only for the test; `None` when this process ignores permissions (root).
    #[cfg(unix)]
    fn make_read_only(path: &Path, mode: u32) -> Option<()> {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
        let probe = if path.is_dir() {
            File::create(path.join("probe")).map(|_| fs::remove_file(path.join("probe")))
        } else {
            OpenOptions::new().append(true).open(path).map(|_| Ok(()))
        };
        if probe.is_ok() {
            eprintln!("skipped: this process can write to read-only files");
            return None;
        }
        Some(())
    }

    #[cfg(unix)]
    fn make_writable(path: &Path, mode: u32) {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn read_only_file_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(DATABASE_FILE);
        drop(Store::open(tmp.path()).unwrap());
        let result = make_read_only(&path, 0o444).map(|()| Store::open(tmp.path()));
        make_writable(&path, 0o644);
        if let Some(result) = result {
            assert_eq!(
                result.unwrap_err().to_string(),
                format!(
                    "{} is read-only; recall needs to write progress there",
                    path.display()
                )
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn read_only_directory_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        drop(Store::open(&dir).unwrap());
        let result = make_read_only(&dir, 0o555).map(|()| Store::open(&dir));
        make_writable(&dir, 0o755);
        if let Some(result) = result {
            assert_eq!(
                result.unwrap_err().to_string(),
                format!(
                    "{} is read-only; recall needs to write progress there",
                    dir.display()
                )
            );
        }
    }

    #[test]
    fn answers_in_an_unmerged_log_survive_a_crash() {
        let tmp = tempfile::tempdir().unwrap();
        let live = tmp.path().join("live");
        let copy = tmp.path().join("copy");
        let mut store = Store::open(&live).unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        // Copy the files while the store is still open, as a crash would leave them.
        fs::create_dir(&copy).unwrap();
        for entry in fs::read_dir(&live).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
        }
        assert!(copy.join("progress.sqlite3-wal").exists());
        let reopened = Store::open(&copy).unwrap();
        assert_eq!(
            reopened.card_record("rivers", "r1").unwrap(),
            Some(learning("h1"))
        );
    }

    #[test]
    fn mode_round_trips() {
        for m in [Mode::Study, Mode::Quiz, Mode::Cram, Mode::Import] {
            assert_eq!(Mode::parse(m.as_str()), Some(m));
        }
        assert_eq!(Mode::parse("exam"), None);
    }

    fn imported(card: &str, time: &str, source: Option<&str>) -> ImportedAnswer {
        ImportedAnswer {
            deck: "rivers".to_string(),
            card: card.to_string(),
            time: ts(time),
            rating: Rating::Good,
            answer: String::new(),
            verdict: String::new(),
            response_ms: 3_000,
            source_id: source.map(str::to_string),
        }
    }

    fn external(id: &str, time: &str) -> ExternalReview {
        ExternalReview {
            card_id: id.to_string(),
            time: ts(time),
            rating: Rating::Again,
            duration_ms: 1_500,
            state: Some(2),
        }
    }

    /// A stand-in for the scheduler: the record after answer `i` has `reps = i + 1` and is
    /// reviewed at that answer's time.
    fn counting_replay(
        _deck: &str,
        _card: &str,
        current: Option<&CardRecord>,
        history: &[(Timestamp, Rating)],
    ) -> Vec<CardRecord> {
        let base = current
            .cloned()
            .unwrap_or_else(|| CardRecord::new("h", Timestamp::UNIX_EPOCH));
        history
            .iter()
            .enumerate()
            .map(|(i, (t, _))| {
                let mut r = base.clone();
                r.state.reps = i as u32 + 1;
                r.state.last_review = Some(*t);
                r
            })
            .collect()
    }

    #[test]
    fn version_1_database_is_brought_up_to_date() {
        let tmp = tempfile::tempdir().unwrap();
        {
            let mut conn = Connection::open(tmp.path().join(DATABASE_FILE)).unwrap();
            let tx = conn.transaction().unwrap();
            migrate_to_1(&tx).unwrap();
            tx.pragma_update(None, "user_version", 1).unwrap();
            tx.commit().unwrap();
        }
        let store = Store::open(tmp.path()).unwrap();
        assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(count(&store, "SELECT count(*) FROM external_reviews"), 0);
        assert!(backup_path(store.path(), 1).is_file());
    }

    /// Every row of a table, as text.
    fn rows(path: &Path, sql: &str) -> Vec<Vec<String>> {
        let conn = Connection::open(path).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        stmt.query_map([], |row| {
            (0..n)
                .map(|i| {
                    row.get::<_, rusqlite::types::Value>(i)
                        .map(|v| format!("{v:?}"))
                })
                .collect()
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    }

    /// The version 2 database recall wrote (tests/fixtures/store, with the script that made
    /// it), read as version 2 kept it: every answer with its states, every external answer.
    type Version2 = (Vec<(i64, NewReview, Option<i64>)>, Vec<Vec<String>>);

    fn version_2_contents(path: &Path) -> Version2 {
        let conn = Connection::open(path).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT id, deck, card, time_ms, rating, answer, verdict, response_ms, mode,
                        state_before, state_after, undone_ms FROM reviews ORDER BY id",
            )
            .unwrap();
        let reviews = stmt
            .query_map([], |row| {
                let json = |i: usize| -> Option<CardRecord> {
                    let text: Option<String> = row.get(i).unwrap();
                    text.map(|t| schema::record_from_json(&t).unwrap())
                };
                let review = NewReview {
                    deck: row.get(1)?,
                    card: row.get(2)?,
                    time: timestamp(row.get(3)?).unwrap(),
                    rating: rating(row.get(4)?).unwrap(),
                    answer: row.get(5)?,
                    verdict: row.get(6)?,
                    response_ms: row.get::<_, i64>(7)? as u64,
                    mode: parse_mode(&row.get::<_, String>(8)?).unwrap(),
                    before: json(9),
                    after: json(10).unwrap(),
                };
                Ok((row.get(0)?, review, row.get(11)?))
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let externals = rows(path, EXTERNAL_ROWS);
        (reviews, externals)
    }

    const EXTERNAL_ROWS: &str =
        "SELECT id, card_id, time_ms, rating, duration_ms, state FROM external_reviews ORDER BY id";

    #[test]
    fn version_2_database_is_migrated_in_place_with_a_copy_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let fixture =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/v2-progress.sqlite3");
        let path = tmp.path().join(DATABASE_FILE);
        fs::copy(&fixture, &path).unwrap();
        let (reviews, externals) = version_2_contents(&path);
        assert_eq!(reviews.len(), 14);
        let cards_before: Vec<(String, CardRecord)> = {
            let conn = Connection::open(&path).unwrap();
            let mut stmt = conn
                .prepare(&format!(
                    "SELECT card, {CARD_COLUMNS} FROM cards ORDER BY card"
                ))
                .unwrap();
            let mut rows = stmt.query([]).unwrap();
            let mut out = Vec::new();
            while let Some(row) = rows.next().unwrap() {
                let card: String = row.get(0).unwrap();
                out.push((card, read_card(row, 1).map_err(|_| ()).unwrap()));
            }
            out
        };

        let mut store = Store::open(tmp.path()).unwrap();
        assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
        // The copy holds what the old file held, in the old schema.
        let backup = backup_path(&path, 2);
        assert_eq!(
            version_2_contents(&backup),
            (reviews.clone(), externals.clone())
        );
        assert_eq!(rows(&backup, "PRAGMA user_version"), [["Integer(2)"]]);
        // Every answer, undone ones too, with its id, states and text.
        let undone: Vec<(i64, Option<i64>)> = {
            let mut stmt = store
                .conn
                .prepare("SELECT id, undone_ms FROM reviews ORDER BY id")
                .unwrap();
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        assert_eq!(
            undone,
            reviews
                .iter()
                .map(|(id, _, u)| (*id, *u))
                .collect::<Vec<_>>()
        );
        let mut expected: Vec<ReviewRow> = reviews
            .iter()
            .filter(|(_, _, undone)| undone.is_none())
            .map(|(id, r, _)| ReviewRow {
                id: *id,
                review: r.clone(),
            })
            .collect();
        expected.sort_by_key(|r| (r.review.time, r.id));
        assert_eq!(store.reviews(None).unwrap(), expected);
        // Records before that repeat the previous answer's are not kept twice.
        assert_eq!(befores(&store), "----===----===");
        assert_eq!(rows(&path, EXTERNAL_ROWS), externals);
        let cards_after: Vec<(String, CardRecord)> = {
            let mut records: Vec<(String, CardRecord)> =
                store.card_records("rivers").unwrap().into_iter().collect();
            records.sort_by(|a, b| a.0.cmp(&b.0));
            records
        };
        assert_eq!(cards_after, cards_before);
        // The log goes on where it was: undo takes back the last study answer.
        let last_study = expected
            .iter()
            .filter(|r| r.review.mode != Mode::Import)
            .max_by_key(|r| r.id)
            .unwrap();
        let undone = store
            .undo_last("rivers", ts("2026-03-03T10:00:00Z"))
            .unwrap()
            .unwrap();
        assert_eq!(undone.review_id, last_study.id);
        assert_eq!(undone.restored, last_study.review.before);
        drop(store);
        // Opening again migrates nothing and copies nothing more.
        fs::remove_file(&backup).unwrap();
        drop(Store::open(tmp.path()).unwrap());
        assert!(!backup.exists());
    }

    #[test]
    fn a_failed_migration_leaves_the_database_as_it_was() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(DATABASE_FILE);
        fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/v2-progress.sqlite3"),
            &path,
        )
        .unwrap();
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute(
                "UPDATE reviews SET state_after = '{\"phase\": \"odd\"}' WHERE id = 9",
                [],
            )
            .unwrap();
        }
        let everything = "SELECT * FROM reviews ORDER BY id";
        let before = (rows(&path, everything), rows(&path, EXTERNAL_ROWS));
        let err = Store::open(tmp.path()).unwrap_err();
        assert!(
            err.to_string()
                .contains("review 9: invalid card state JSON"),
            "{err}"
        );
        let conn = Connection::open(&path).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 2);
        drop(conn);
        assert_eq!(
            (rows(&path, everything), rows(&path, EXTERNAL_ROWS)),
            before
        );
    }

    #[test]
    fn reading_an_older_database_brings_it_up_to_date() {
        let tmp = tempfile::tempdir().unwrap();
        fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/v2-progress.sqlite3"),
            tmp.path().join(DATABASE_FILE),
        )
        .unwrap();
        let store = Store::open_read_only(tmp.path()).unwrap().unwrap();
        assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(store.reviews(None).unwrap().len(), 13);
    }

    /// Logs a study answer to `rivers`/`card` at `time` leaving `after`.
    fn log(store: &mut Store, card: &str, time: &str, after: CardRecord) -> i64 {
        store
            .record_review(&review(card, time, None, after))
            .unwrap()
    }

    /// How each answer's record before it is kept: "-" none, "=" the previous answer's
    /// record after, "+" written out.
    fn befores(store: &Store) -> String {
        let mut stmt = store
            .conn
            .prepare("SELECT state_before FROM review_log ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| r.get::<_, Option<Vec<u8>>>(0))
            .unwrap()
            .map(|b| match b.unwrap() {
                None => '-',
                Some(b) if b.is_empty() => '=',
                Some(_) => '+',
            })
            .collect()
    }

    #[test]
    fn a_record_before_that_is_the_previous_record_after_is_not_repeated() {
        let mut store = Store::open_in_memory().unwrap();
        let l = learning("h1");
        let r = reviewing("h1");
        log(&mut store, "r1", "2026-05-01T10:00:00Z", l.clone());
        log(&mut store, "r1", "2026-05-01T10:10:00Z", r.clone());
        // A burial changes the card between two answers: its record is written out.
        store.bury("rivers", "r1", date(2026, 5, 5)).unwrap();
        log(&mut store, "r1", "2026-05-06T10:00:00Z", l.clone());
        // Quiz answers are not a card's previous answer, and log what they are given.
        let quiz = NewReview {
            mode: Mode::Quiz,
            ..review("r1", "2026-05-06T11:00:00Z", Some(l.clone()), l.clone())
        };
        store.record_unscheduled(&quiz).unwrap();
        log(&mut store, "r1", "2026-05-07T10:00:00Z", r.clone());
        assert_eq!(befores(&store), "-=++=");
        let buried = CardRecord {
            buried_until: Some(date(2026, 5, 5)),
            ..r.clone()
        };
        let expected = [None, Some(&l), Some(&buried), Some(&l), Some(&l)];
        let rows = store.reviews(None).unwrap();
        for (row, before) in rows.iter().zip(expected) {
            assert_eq!(row.review.before.as_ref(), before, "review {}", row.id);
        }
        // Undo puts back what was logged, by reference or written out.
        let undone = store
            .undo_last("rivers", ts("2026-05-07T10:01:00Z"))
            .unwrap();
        assert_eq!(undone.unwrap().restored, Some(l.clone()));
        store
            .undo_last("rivers", ts("2026-05-07T10:01:00Z"))
            .unwrap();
        let undone = store
            .undo_last("rivers", ts("2026-05-07T10:01:00Z"))
            .unwrap();
        assert_eq!(undone.unwrap().restored, Some(buried));
        let undone = store
            .undo_last("rivers", ts("2026-05-07T10:01:00Z"))
            .unwrap();
        assert_eq!(undone.unwrap().restored, Some(l.clone()));
        // The next answer follows the first, the others being undone.
        log(&mut store, "r1", "2026-05-08T10:00:00Z", r.clone());
        assert_eq!(befores(&store), "-=++==");
        assert_eq!(store.reviews(None).unwrap()[1].review.before, Some(l));
    }

    #[test]
    fn an_answer_logged_at_an_earlier_time_keeps_the_records_right() {
        // RECALL_NOW set back: an answer is logged at a time before the card's latest.
        let mut store = Store::open_in_memory().unwrap();
        let first = learning("h1");
        let second = reviewing("h1");
        let third = CardRecord {
            state: CardState {
                reps: 3,
                ..second.state.clone()
            },
            ..second.clone()
        };
        for (time, after) in [
            ("2026-05-10T10:00:00Z", &first),
            ("2026-05-02T10:00:00Z", &second),
            ("2026-05-05T10:00:00Z", &third),
        ] {
            store
                .record_review(&review("r1", time, None, after.clone()))
                .unwrap();
        }
        assert_eq!(befores(&store), "-=+");
        let by_id: Vec<Option<CardRecord>> = {
            let mut rows = store.reviews(None).unwrap();
            rows.sort_by_key(|r| r.id);
            rows.into_iter().map(|r| r.review.before).collect()
        };
        assert_eq!(by_id, [None, Some(first), Some(second)]);
    }

    #[test]
    fn answers_are_kept_up_to_a_bound() {
        let mut store = Store::open_in_memory().unwrap();
        let long = "ä".repeat(MAX_ANSWER_CHARS + 5);
        let r = NewReview {
            answer: long.clone(),
            ..review("r1", "2026-05-01T10:00:00Z", None, learning("h1"))
        };
        store.record_review(&r).unwrap();
        let empty = NewReview {
            answer: String::new(),
            ..review("r2", "2026-05-01T10:01:00Z", None, learning("h1"))
        };
        store.record_review(&empty).unwrap();
        let rows = store.reviews(None).unwrap();
        let kept = &rows[0].review.answer;
        assert_eq!(kept.chars().count(), MAX_ANSWER_CHARS);
        assert!(kept.ends_with("ää…"));
        assert_eq!(rows[1].review.answer, "");
        assert_eq!(
            count(
                &store,
                "SELECT count(*) FROM review_log WHERE answer IS NULL"
            ),
            1
        );
        assert_eq!(bounded_answer("Danube").as_deref(), Some("Danube"));
    }

    #[test]
    fn a_verdict_recall_does_not_know_is_kept() {
        let mut store = Store::open_in_memory().unwrap();
        let r = NewReview {
            verdict: "close enough".to_string(),
            ..review("r1", "2026-05-01T10:00:00Z", None, learning("h1"))
        };
        store.record_unscheduled(&r).unwrap();
        store.record_unscheduled(&r).unwrap();
        let rows = store.reviews(None).unwrap();
        assert_eq!(rows[1].review.verdict, "close enough");
        assert_eq!(count(&store, "SELECT count(*) FROM verdicts"), 7);
    }

    #[test]
    fn for_each_review_lends_the_log_with_the_phase_before() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        store
            .record_review(&review(
                "r1",
                "2026-05-01T10:10:00Z",
                Some(learning("h1")),
                reviewing("h1"),
            ))
            .unwrap();
        let mut seen = Vec::new();
        store
            .for_each_review(Some("rivers"), |e| {
                seen.push((
                    e.id,
                    e.card.to_string(),
                    e.verdict.to_string(),
                    e.phase_before,
                ))
            })
            .unwrap();
        assert_eq!(
            seen,
            [
                (1, "r1".to_string(), "correct".to_string(), None),
                (
                    2,
                    "r1".to_string(),
                    "correct".to_string(),
                    Some(Phase::Learning)
                ),
            ]
        );
        let mut other = 0;
        store
            .for_each_review(Some("lakes"), |_| other += 1)
            .unwrap();
        assert_eq!(other, 0);
    }

    #[test]
    fn external_history_is_stored_once() {
        let mut store = Store::open_in_memory().unwrap();
        let batch = [
            external("42", "2024-03-01T10:00:00Z"),
            external("42", "2024-03-03T10:00:00Z"),
        ];
        let first = store
            .import_reviews(&batch, &[], &mut counting_replay)
            .unwrap();
        let again = store
            .import_reviews(&batch, &[], &mut counting_replay)
            .unwrap();
        assert_eq!((first.external_added, first.external_present), (2, 0));
        assert_eq!((again.external_added, again.external_present), (0, 2));
        let mut seen = Vec::new();
        store
            .for_each_external_review(|e| seen.push((e.card_id.to_string(), e.time, e.state)))
            .unwrap();
        assert_eq!(
            seen,
            [
                ("42".to_string(), ts("2024-03-01T10:00:00Z"), Some(2)),
                ("42".to_string(), ts("2024-03-03T10:00:00Z"), Some(2)),
            ]
        );
    }

    #[test]
    fn imported_answers_are_skipped_when_the_card_has_one_at_that_time() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        let batch = [
            imported("r1", "2026-05-01T10:00:00Z", None),
            imported("r1", "2026-04-20T09:00:00Z", None),
            imported("r1", "2026-04-20T09:00:00Z", None),
        ];
        let counts = store
            .import_reviews(&[], &batch, &mut counting_replay)
            .unwrap();
        assert_eq!(
            counts,
            ImportCounts {
                answers_added: 1,
                answers_present: 2,
                cards_replayed: 1,
                ..ImportCounts::default()
            }
        );
        assert_eq!(count(&store, "SELECT count(*) FROM reviews"), 2);
    }

    #[test]
    fn import_replays_the_whole_scheduled_history_of_a_card() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        let quiz = NewReview {
            mode: Mode::Quiz,
            ..review("r1", "2026-05-02T10:00:00Z", None, learning("h1"))
        };
        store.record_unscheduled(&quiz).unwrap();
        store
            .import_reviews(
                &[],
                &[imported("r1", "2026-04-20T09:00:00Z", None)],
                &mut counting_replay,
            )
            .unwrap();
        let rows = store.reviews(Some("rivers")).unwrap();
        let summary: Vec<(Mode, Option<u32>, u32)> = rows
            .iter()
            .map(|r| {
                (
                    r.review.mode,
                    r.review.before.as_ref().map(|b| b.state.reps),
                    r.review.after.state.reps,
                )
            })
            .collect();
        // The quiz answer never changed the schedule, so it is not replayed.
        assert_eq!(
            summary,
            [
                (Mode::Import, None, 1),
                (Mode::Study, Some(1), 2),
                (Mode::Quiz, None, 1),
            ]
        );
        let card = store.card_record("rivers", "r1").unwrap().unwrap();
        assert_eq!(card.state.reps, 2);
        assert_eq!(card.state.last_review, Some(ts("2026-05-01T10:00:00Z")));
        assert_eq!(
            card.question_hash, "h1",
            "the stored record is what replay starts from"
        );
    }

    #[test]
    fn mapped_answers_leave_the_external_history() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .import_reviews(
                &[external("42", "2024-03-01T10:00:00Z")],
                &[],
                &mut counting_replay,
            )
            .unwrap();
        store
            .import_reviews(
                &[],
                &[imported("r1", "2024-03-01T10:00:00Z", Some("42"))],
                &mut counting_replay,
            )
            .unwrap();
        assert_eq!(count(&store, "SELECT count(*) FROM external_reviews"), 0);
        assert_eq!(count(&store, "SELECT count(*) FROM reviews"), 1);
    }

    #[test]
    fn a_failed_replay_imports_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store
            .import_reviews(
                &[external("42", "2024-03-01T10:00:00Z")],
                &[imported("r1", "2024-03-01T10:00:00Z", None)],
                &mut |_, _, _, _| Vec::new(),
            )
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "unreadable data in :memory:: card rivers/r1: replay gave 0 states for 1 answers"
        );
        assert_eq!(count(&store, "SELECT count(*) FROM reviews"), 0);
        assert_eq!(count(&store, "SELECT count(*) FROM external_reviews"), 0);
    }

    /// The query plan of `sql`, one step a line.
    fn plan(store: &Store, sql: &str, deck: &str) -> String {
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt
            .query_map(params![deck, 0], |r| r.get::<_, String>(3))
            .unwrap();
        rows.collect::<Result<Vec<_>, _>>().unwrap().join("\n")
    }

    #[test]
    fn counting_today_and_undoing_read_only_the_latest_answers() {
        let store = Store::open_in_memory().unwrap();
        let today = plan(
            &store,
            "SELECT count(*) FROM review_log r CROSS JOIN card_keys k ON k.id = r.card
             WHERE r.time_ms >= ?2 AND k.deck = ?1 AND r.undone_ms IS NULL AND r.mode = 0",
            "rivers",
        );
        assert!(
            today.starts_with("SEARCH r USING INDEX review_log_by_time (time_ms>?)"),
            "{today}"
        );
        let undo = plan(
            &store,
            "SELECT r.id FROM review_log r CROSS JOIN card_keys k ON k.id = r.card
             WHERE k.deck = ?1 AND r.undone_ms IS NULL AND r.mode != 3 AND ?2 = 0
             ORDER BY r.id DESC LIMIT 1",
            "rivers",
        );
        assert!(undo.starts_with("SCAN r\n"), "{undo}");
        assert!(!undo.contains("TEMP B-TREE"), "{undo}");
    }

    #[test]
    fn studied_since_counts_new_cards_and_reviews_of_the_day() {
        let mut store = Store::open_in_memory().unwrap();
        log(&mut store, "r1", "2026-05-01T10:00:00Z", learning("h1"));
        log(&mut store, "r1", "2026-05-02T10:00:00Z", reviewing("h1"));
        log(&mut store, "r1", "2026-05-02T10:05:00Z", reviewing("h1"));
        log(&mut store, "r2", "2026-05-02T11:00:00Z", learning("h1"));
        let other = NewReview {
            deck: "lakes".to_string(),
            ..review("r3", "2026-05-02T11:00:00Z", None, learning("h1"))
        };
        store.record_review(&other).unwrap();
        let quiz = NewReview {
            mode: Mode::Quiz,
            ..review("r4", "2026-05-02T11:30:00Z", None, learning("h1"))
        };
        store.record_unscheduled(&quiz).unwrap();
        // r1 was in learning, then in review: one review; r2 is new.
        assert_eq!(
            store
                .studied_since("rivers", ts("2026-05-02T04:00:00Z"))
                .unwrap(),
            (1, 1)
        );
        assert_eq!(
            store
                .studied_since("rivers", ts("2026-05-01T04:00:00Z"))
                .unwrap(),
            (2, 1)
        );
    }

    #[test]
    fn for_each_answer_skips_undone_answers() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .record_review(&review("r1", "2026-05-01T10:00:00Z", None, learning("h1")))
            .unwrap();
        store
            .record_review(&review("r2", "2026-05-01T10:01:00Z", None, learning("h1")))
            .unwrap();
        store
            .undo_last("rivers", ts("2026-05-01T10:02:00Z"))
            .unwrap();
        let mut seen = Vec::new();
        store
            .for_each_answer(None, |e| {
                seen.push((e.card.to_string(), e.rating, e.verdict.to_string(), e.mode))
            })
            .unwrap();
        assert_eq!(
            seen,
            [(
                "r1".to_string(),
                Rating::Good,
                "correct".to_string(),
                Mode::Study
            )]
        );
    }
}

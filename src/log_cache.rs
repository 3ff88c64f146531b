//! A compact copy of the answer log, kept in `DATA_DIR/cache/log.bin`, for the commands that
//! read all of it (`stats`, `export report`, `export progress`, `optimize`). Reading a million
//! answers from SQLite row by row takes a good part of a second; reading this copy and the few
//! answers logged since it was made takes a small fraction of that.
//!
//! The copy holds, per answer, only what those commands use: its id, the card (an index into a
//! table of deck and card ids), the time, and the rating, verdict, mode and phase before the
//! answer packed in a number. It follows the database without reading it again:
//! - answers logged since are read by id (ids only grow), card keys likewise;
//! - answers changed since (undone, given another phase before by an import's replay, moved
//!   out of other programs' history) are named by the store's journal of changes
//!   (`Store::changes_after`): each is taken out and, if still there, read again.
//!
//! It is thrown away and rebuilt from the database only when it cannot be followed: another
//! build of recall wrote it, it does not parse, or it was made from another database (the last
//! answer or card key it copied is no longer the same row, or the journal is behind it).
//!
//! The database stays the only record: a cache that cannot be read or written only costs time.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::schedule::{Phase, Rating};
use crate::store::{
    AnswerEntry, Change, ExternalLogged, KNOWN_VERDICTS, Logged, Mode, Store, StoreError,
    phase_code, phase_of,
};

/// Bumped whenever the cached structs below change.
const CACHE_FORMAT: u32 = 2;

/// Verdicts by the store's numbers; anything else reads back as "" (which counts by rating).
const VERDICTS: [&str; 6] = KNOWN_VERDICTS;
const MODES: [Mode; 4] = [Mode::Study, Mode::Quiz, Mode::Cram, Mode::Import];

/// One answer: `key` indexes [`Log::keys`]; `code` packs the rating (bits 0-2), the verdict
/// (bits 3-5, an index into `VERDICTS`), the mode (bits 6-7, an index into `MODES`) and the
/// phase before the answer (bits 8-10: 0 for none or unknown, else 1 + the store's number).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct Rec {
    id: i64,
    key: u32,
    time_ms: i64,
    code: u16,
}

impl Rec {
    fn rating(self) -> Rating {
        Rating::from_number((self.code & 0b111) as u8).unwrap_or(Rating::Good)
    }

    fn verdict(self) -> &'static str {
        VERDICTS
            .get(usize::from((self.code >> 3) & 0b111))
            .copied()
            .unwrap_or("")
    }

    fn mode(self) -> Mode {
        MODES[usize::from((self.code >> 6) & 0b11)]
    }

    fn phase_before(self) -> Option<Phase> {
        match (self.code >> 8) & 0b111 {
            0 => None,
            n => phase_of(n as u8 - 1),
        }
    }

    fn time(self) -> Timestamp {
        Timestamp::from_millisecond(self.time_ms).unwrap_or(Timestamp::UNIX_EPOCH)
    }
}

fn pack(rating: Rating, verdict: usize, mode: Mode, phase: Option<u8>) -> u16 {
    let v = if verdict < VERDICTS.len() { verdict } else { 0 } as u16;
    let m = MODES.iter().position(|&x| x == mode).unwrap_or(0) as u16;
    let p = phase.map_or(0, |p| u16::from(p.min(6)) + 1);
    u16::from(rating.number()) | (v << 3) | (m << 6) | (p << 8)
}

/// Where the copy stands: the last row copied of each table (id, time and card key), the last
/// card keys read, and the last change of the store's journal applied.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Marks {
    answer: Option<(i64, i64, i64)>,
    external: Option<(i64, i64, i64)>,
    card_key: i64,
    external_key: i64,
    change: i64,
}

/// The answer log, oldest first: recall's answers, then other programs' history.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Log {
    /// (deck, card) per key; `None` as the deck for another program's card id.
    keys: Vec<(Option<String>, String)>,
    /// Our key of each of the store's card keys, and of its external card keys.
    card_keys: Vec<u32>,
    external_keys: Vec<u32>,
    answers: Vec<Rec>,
    externals: Vec<Rec>,
    marks: Marks,
}

/// One answer of other programs' history, as [`Log::for_each_external`] lends it.
#[derive(Debug, Clone, PartialEq)]
pub struct External<'a> {
    pub card: &'a str,
    pub time: Timestamp,
    pub rating: Rating,
    /// The FSRS review state the other program logged, if any (0 new, 1 learning, 2 review,
    /// 3 relearning).
    pub state: Option<u8>,
}

impl Log {
    /// The log of `store`, through the copy in `cache_dir` (read, brought up to date, and
    /// written back when it changed). `None` for the store means no progress yet.
    pub fn read(store: Option<&Store>, cache_dir: &Path) -> Result<Log, StoreError> {
        let Some(store) = store else {
            return Ok(Log::default());
        };
        let file = cache_dir.join("log.bin");
        store.read_snapshot(|store| {
            let cached = read_cache(&file).filter(|log| log.still_matches(store).unwrap_or(false));
            let fresh = cached.is_none();
            let mut log = cached.unwrap_or_default();
            let changed = log.follow(store)?;
            if fresh || changed {
                let _ = write_cache(&file, &log);
            }
            Ok(log)
        })
    }

    /// Whether the copy was made from this database, as far as it went.
    fn still_matches(&self, store: &Store) -> Result<bool, StoreError> {
        let (changes, last_change) = store.changes_after(self.marks.change)?;
        if last_change < self.marks.change {
            return Ok(false);
        }
        if let Some((id, time, key)) = self.marks.answer {
            let same = store
                .logged_at(id)?
                .is_some_and(|l| l.time_ms == time && l.key == key);
            if !same {
                return Ok(false);
            }
        }
        if let Some((id, time, key)) = self.marks.external {
            let same = match store.external_logged_at(id)? {
                Some(e) => e.time_ms == time && e.key == key,
                // Moved into a recall card's log since: the journal says so.
                None => changes.contains(&Change::External(id)),
            };
            if !same {
                return Ok(false);
            }
        }
        let mut names = None;
        store.card_keys_after(self.marks.card_key - 1, |id, deck, card| {
            if id == self.marks.card_key {
                names = Some((deck.to_string(), card.to_string()));
            }
        })?;
        let ours = self
            .card_keys
            .get(self.marks.card_key as usize)
            .and_then(|&k| self.keys.get(k as usize));
        let same_key = match (ours, names) {
            (Some((Some(d), c)), Some((deck, card))) => *d == deck && *c == card,
            (None, None) => self.marks.card_key == 0,
            _ => false,
        };
        Ok(same_key)
    }

    /// Brings the copy up to date with `store`; returns whether anything changed.
    fn follow(&mut self, store: &Store) -> Result<bool, StoreError> {
        let keys_before = self.keys.len();
        self.read_keys(store)?;
        let (changes, last_change) = store.changes_after(self.marks.change)?;
        self.marks.change = last_change;
        let mut changed = self.keys.len() != keys_before || !changes.is_empty();
        if !changes.is_empty() {
            self.apply(store, &changes)?;
        }
        let (before, before_ext) = (self.answers.len(), self.externals.len());
        let after = self.marks.answer.map_or(0, |m| m.0);
        let mut last = None;
        let answers = &mut self.answers;
        if after == 0 {
            answers.reserve(store.logged_count()?);
        }
        let card_keys = &self.card_keys;
        store.for_each_logged(after, |l| {
            answers.push(rec(card_keys, &l));
            last = Some((l.id, l.time_ms, l.key));
        })?;
        self.marks.answer = last.or(self.marks.answer);
        let after = self.marks.external.map_or(0, |m| m.0);
        let mut last = None;
        let externals = &mut self.externals;
        let external_keys = &self.external_keys;
        store.for_each_external_logged(after, |e| {
            externals.push(external_rec(external_keys, &e));
            last = Some((e.id, e.time_ms, e.key));
        })?;
        self.marks.external = last.or(self.marks.external);
        changed |= self.answers.len() != before || self.externals.len() != before_ext;
        sort_by_time(&mut self.answers, before);
        sort_by_time(&mut self.externals, before_ext);
        Ok(changed)
    }

    /// Reads the card keys added since the last time.
    fn read_keys(&mut self, store: &Store) -> Result<(), StoreError> {
        let (keys, card_keys) = (&mut self.keys, &mut self.card_keys);
        let mut last = self.marks.card_key;
        store.card_keys_after(last, |id, deck, card| {
            put_key(card_keys, id, keys.len() as u32);
            keys.push((Some(deck.to_string()), card.to_string()));
            last = id;
        })?;
        self.marks.card_key = last;
        let (keys, external_keys) = (&mut self.keys, &mut self.external_keys);
        let mut last = self.marks.external_key;
        store.external_cards_after(last, |id, card| {
            put_key(external_keys, id, keys.len() as u32);
            keys.push((None, card.to_string()));
            last = id;
        })?;
        self.marks.external_key = last;
        Ok(())
    }

    /// Takes out the answers the journal names, and puts back those still there that the
    /// reads by id will not bring (they are at or below the marks).
    fn apply(&mut self, store: &Store, changes: &[Change]) -> Result<(), StoreError> {
        let mut reviews = HashSet::new();
        let mut externals = HashSet::new();
        for c in changes {
            match *c {
                Change::Review(id) => reviews.insert(id),
                Change::External(id) => externals.insert(id),
            };
        }
        self.answers.retain(|r| !reviews.contains(&r.id));
        self.externals.retain(|r| !externals.contains(&r.id));
        let copied = self.marks.answer.map_or(0, |m| m.0);
        let from = self.answers.len();
        for &id in reviews.iter().filter(|&&id| id <= copied) {
            if let Some(l) = store.logged_at(id)?.filter(|l| !l.undone) {
                self.answers.push(rec(&self.card_keys, &l));
            }
        }
        sort_by_time(&mut self.answers, from);
        let copied = self.marks.external.map_or(0, |m| m.0);
        let from = self.externals.len();
        for &id in externals.iter().filter(|&&id| id <= copied) {
            if let Some(e) = store.external_logged_at(id)? {
                self.externals.push(external_rec(&self.external_keys, &e));
            }
        }
        sort_by_time(&mut self.externals, from);
        Ok(())
    }

    /// Calls `f` with the key and entry of each answer of `deck` (or of every deck), oldest
    /// first. Keys are dense (below [`Log::key_count`]), so callers can keep a table per card.
    pub fn for_each_answer(&self, deck: Option<&str>, mut f: impl FnMut(usize, &AnswerEntry<'_>)) {
        let wanted: Vec<bool> = self
            .keys
            .iter()
            .map(|(d, _)| d.is_some() && deck.is_none_or(|want| d.as_deref() == Some(want)))
            .collect();
        for r in &self.answers {
            let key = r.key as usize;
            if !wanted.get(key).copied().unwrap_or(false) {
                continue;
            }
            let (d, card) = &self.keys[key];
            f(
                key,
                &AnswerEntry {
                    deck: d.as_deref().unwrap_or(""),
                    card,
                    time: r.time(),
                    rating: r.rating(),
                    verdict: r.verdict(),
                    mode: r.mode(),
                    phase_before: r.phase_before(),
                },
            );
        }
    }

    /// Calls `f` with the key and each answer of other programs' history, oldest first.
    pub fn for_each_external(&self, mut f: impl FnMut(usize, &External<'_>)) {
        for r in &self.externals {
            let key = r.key as usize;
            if let Some((_, card)) = self.keys.get(key) {
                let state = match (r.code >> 8) & 0b111 {
                    0 => None,
                    n => Some(n as u8 - 1),
                };
                let e = External {
                    card,
                    time: r.time(),
                    rating: r.rating(),
                    state,
                };
                f(key, &e);
            }
        }
    }

    /// One more than the largest key `for_each_answer` and `for_each_external` give.
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }
}

/// Records that the store's key `id` is our key `ours`.
fn put_key(table: &mut Vec<u32>, id: i64, ours: u32) {
    let i = usize::try_from(id).unwrap_or(0);
    if table.len() <= i {
        table.resize(i + 1, u32::MAX);
    }
    table[i] = ours;
}

/// Our key for the store's key `id` (`u32::MAX`, never a key, when unknown).
fn key_for(table: &[u32], id: i64) -> u32 {
    usize::try_from(id)
        .ok()
        .and_then(|i| table.get(i))
        .copied()
        .unwrap_or(u32::MAX)
}

fn rec(card_keys: &[u32], l: &Logged) -> Rec {
    let verdict = usize::try_from(l.verdict).unwrap_or(0);
    let phase = l.phase_before.map(phase_code);
    Rec {
        id: l.id,
        key: key_for(card_keys, l.key),
        time_ms: l.time_ms,
        code: pack(l.rating, verdict, l.mode, phase),
    }
}

fn external_rec(external_keys: &[u32], e: &ExternalLogged) -> Rec {
    Rec {
        id: e.id,
        key: key_for(external_keys, e.key),
        time_ms: e.time_ms,
        code: pack(e.rating, 0, Mode::Import, e.state),
    }
}

/// Sorts by time (answers logged in the same millisecond by id, as the store orders them),
/// skipped when the records from `from` on already follow the others in that order.
fn sort_by_time(recs: &mut [Rec], from: usize) {
    let order = |r: &Rec| (r.time_ms, r.id);
    let sorted = recs
        .windows(2)
        .skip(from.saturating_sub(1))
        .all(|w| order(&w[0]) <= order(&w[1]));
    if !sorted {
        recs.sort_unstable_by_key(order);
    }
}

fn header() -> String {
    format!(
        "recall-log-cache {CACHE_FORMAT} {}",
        crate::deck_cache::build_id()
    )
}

fn read_cache(file: &Path) -> Option<Log> {
    let bytes = crate::safe_file::read(file).ok()?;
    let newline = bytes.iter().position(|&b| b == b'\n')?;
    if bytes[..newline] != *header().as_bytes() {
        return None;
    }
    let log: Log = postcard::from_bytes(&bytes[newline + 1..]).ok()?;
    // A damaged copy that still parses must not index outside its key table.
    let n = log.keys.len();
    let keys_ok = log
        .answers
        .iter()
        .chain(&log.externals)
        .all(|r| (r.key as usize) < n)
        && log
            .card_keys
            .iter()
            .chain(&log.external_keys)
            .all(|&k| k == u32::MAX || (k as usize) < n);
    keys_ok.then_some(log)
}

fn write_cache(file: &Path, log: &Log) -> std::io::Result<()> {
    let dir = file
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    crate::safe_file::own_dir(&dir)?;
    crate::safe_file::sweep(&dir);
    let body = postcard::to_stdvec(log).map_err(|e| std::io::Error::other(e.to_string()))?;
    // Written beside and renamed into place, so a reader never sees half a file; a failed
    // write leaves no temporary file behind.
    crate::safe_file::write_replacing(file, |out| {
        writeln!(out, "{}", header())?;
        out.write_all(&body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{CardRecord, ExternalReview, NewReview};
    use std::fs;
    use std::path::Path;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn answer(deck: &str, card: &str, time: &str, rating: Rating, verdict: &str) -> NewReview {
        NewReview {
            deck: deck.to_string(),
            card: card.to_string(),
            time: ts(time),
            rating,
            answer: String::new(),
            verdict: verdict.to_string(),
            response_ms: 1_000,
            mode: Mode::Study,
            before: None,
            after: CardRecord::new("h", ts(time)),
        }
    }

    fn external(card: &str, time: &str, rating: Rating) -> ExternalReview {
        ExternalReview {
            card_id: card.to_string(),
            time: ts(time),
            rating,
            duration_ms: 0,
            state: (rating == Rating::Again).then_some(2),
        }
    }

    type Row = (
        String,
        String,
        Timestamp,
        Rating,
        String,
        Mode,
        Option<Phase>,
    );
    type ExternalRow = (String, Timestamp, Rating, Option<u8>);

    /// What the store itself gives, to compare the copy with.
    fn from_store(store: &Store) -> (Vec<Row>, Vec<ExternalRow>) {
        let mut answers = Vec::new();
        store
            .for_each_answer(None, |e| {
                // Verdicts the copy does not know read back as "", which grades by rating.
                let verdict = if VERDICTS.contains(&e.verdict) {
                    e.verdict
                } else {
                    ""
                };
                answers.push((
                    e.deck.to_string(),
                    e.card.to_string(),
                    e.time,
                    e.rating,
                    verdict.to_string(),
                    e.mode,
                    e.phase_before,
                ))
            })
            .unwrap();
        let mut externals = Vec::new();
        store
            .for_each_external_review(|e| {
                externals.push((e.card_id.to_string(), e.time, e.rating, e.state))
            })
            .unwrap();
        (answers, externals)
    }

    fn from_log(log: &Log, deck: Option<&str>) -> (Vec<Row>, Vec<ExternalRow>) {
        let mut answers = Vec::new();
        log.for_each_answer(deck, |_, e| {
            answers.push((
                e.deck.to_string(),
                e.card.to_string(),
                e.time,
                e.rating,
                e.verdict.to_string(),
                e.mode,
                e.phase_before,
            ))
        });
        let mut externals = Vec::new();
        log.for_each_external(|_, e| {
            externals.push((e.card.to_string(), e.time, e.rating, e.state))
        });
        (answers, externals)
    }

    /// Logs a right answer to `rivers`/`rhine` at `time`.
    fn log_rhine(store: &mut Store, time: &str) {
        let a = answer("rivers", "rhine", time, Rating::Good, "correct");
        store.record_review(&a).unwrap();
    }

    fn store_with_answers() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let t = "2026-05-01T10:00:00Z";
        store
            .record_review(&answer("rivers", "danube", t, Rating::Good, "correct"))
            .unwrap();
        store
            .record_review(&answer(
                "rivers",
                "rhine",
                "2026-05-01T10:01:00Z",
                Rating::Again,
                "wrong",
            ))
            .unwrap();
        let mut quiz = answer(
            "peaks",
            "everest",
            "2026-05-01T10:02:00Z",
            Rating::Hard,
            "typo",
        );
        quiz.mode = Mode::Quiz;
        store.record_unscheduled(&quiz).unwrap();
        store
            .record_review(&answer(
                "rivers",
                "danube",
                "2026-05-03T09:00:00Z",
                Rating::Easy,
                "self",
            ))
            .unwrap();
        store
            .import_reviews(
                &[
                    external("1001", "2026-04-01T08:00:00Z", Rating::Good),
                    external("1001", "2026-04-05T08:00:00Z", Rating::Again),
                ],
                &[],
                &mut |_, _, _, _| Vec::new(),
            )
            .unwrap();
        store
    }

    #[test]
    fn the_copy_gives_what_the_store_gives() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_answers();
        let log = Log::read(Some(&store), dir.path()).unwrap();
        assert_eq!(from_log(&log, None), from_store(&store));
        assert!(dir.path().join("log.bin").is_file());
        // Read back from the file, the same again.
        let again = Log::read(Some(&store), dir.path()).unwrap();
        assert_eq!(from_log(&again, None), from_store(&store));
    }

    #[test]
    fn one_deck_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_answers();
        let log = Log::read(Some(&store), dir.path()).unwrap();
        let (answers, _) = from_log(&log, Some("peaks"));
        assert_eq!(answers.len(), 1);
        assert_eq!(answers[0].1, "everest");
        assert_eq!(answers[0].5, Mode::Quiz);
    }

    #[test]
    fn answers_logged_after_the_copy_are_added_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_with_answers();
        Log::read(Some(&store), dir.path()).unwrap();
        log_rhine(&mut store, "2026-05-04T09:00:00Z");
        let log = Log::read(Some(&store), dir.path()).unwrap();
        assert_eq!(from_log(&log, None), from_store(&store));
        let cached = read_cache(&dir.path().join("log.bin")).unwrap();
        assert_eq!(cached.answers.len(), 5);
    }

    #[test]
    fn an_older_answer_logged_later_takes_its_place_in_time() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_with_answers();
        Log::read(Some(&store), dir.path()).unwrap();
        log_rhine(&mut store, "2026-04-20T09:00:00Z");
        let log = Log::read(Some(&store), dir.path()).unwrap();
        let (answers, _) = from_log(&log, None);
        assert_eq!(answers[0].2, ts("2026-04-20T09:00:00Z"));
        assert_eq!(from_log(&log, None), from_store(&store));
    }

    /// A Good answer to `rivers`/`card` at `time` from another program's log (`source`: the
    /// card id it had there).
    fn imported(card: &str, time: &str, source: Option<&str>) -> crate::store::ImportedAnswer {
        crate::store::ImportedAnswer {
            deck: "rivers".to_string(),
            card: card.to_string(),
            time: ts(time),
            rating: Rating::Good,
            answer: String::new(),
            verdict: String::new(),
            response_ms: 0,
            source_id: source.map(str::to_string),
        }
    }

    /// The copy on disk, if it would be followed rather than rebuilt.
    fn followed(store: &Store, dir: &Path) -> bool {
        read_cache(&dir.join("log.bin")).is_some_and(|log| log.still_matches(store).unwrap())
    }

    #[test]
    fn an_undo_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_with_answers();
        Log::read(Some(&store), dir.path()).unwrap();
        store
            .undo_last("rivers", ts("2026-05-03T09:01:00Z"))
            .unwrap()
            .unwrap();
        assert!(followed(&store, dir.path()));
        let log = Log::read(Some(&store), dir.path()).unwrap();
        assert_eq!(from_log(&log, None), from_store(&store));
        assert_eq!(from_log(&log, Some("rivers")).0.len(), 2);
        // The undone answer was the last copied; undoing an earlier one works the same.
        log_rhine(&mut store, "2026-05-04T09:00:00Z");
        Log::read(Some(&store), dir.path()).unwrap();
        store
            .undo_last("rivers", ts("2026-05-04T09:01:00Z"))
            .unwrap();
        store
            .undo_last("peaks", ts("2026-05-04T09:01:00Z"))
            .unwrap();
        let log = Log::read(Some(&store), dir.path()).unwrap();
        assert_eq!(from_log(&log, None), from_store(&store));
    }

    #[test]
    fn an_import_that_replays_older_answers_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_with_answers();
        Log::read(Some(&store), dir.path()).unwrap();
        // An answer older than the two logged for danube: both now have a card before them.
        let older = imported("danube", "2026-04-20T08:00:00Z", None);
        store
            .import_reviews(&[], &[older], &mut |_, _, _, answers| {
                answers
                    .iter()
                    .map(|&(t, _)| CardRecord {
                        state: crate::schedule::CardState {
                            phase: Phase::Review,
                            ..crate::schedule::CardState::new(t)
                        },
                        ..CardRecord::new("h", t)
                    })
                    .collect()
            })
            .unwrap();
        assert!(followed(&store, dir.path()));
        let log = Log::read(Some(&store), dir.path()).unwrap();
        assert_eq!(from_log(&log, None), from_store(&store));
        let phases: Vec<Option<Phase>> = from_log(&log, Some("rivers"))
            .0
            .iter()
            .filter(|r| r.1 == "danube")
            .map(|r| r.6)
            .collect();
        assert_eq!(phases, [None, Some(Phase::Review), Some(Phase::Review)]);
    }

    #[test]
    fn an_import_that_adopts_external_history_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_with_answers();
        Log::read(Some(&store), dir.path()).unwrap();
        let adopted = imported("volga", "2026-04-01T08:00:00Z", Some("1001"));
        store
            .import_reviews(&[], &[adopted], &mut |_, _, _, answers| {
                answers
                    .iter()
                    .map(|&(t, _)| CardRecord::new("h", t))
                    .collect()
            })
            .unwrap();
        assert!(followed(&store, dir.path()));
        let log = Log::read(Some(&store), dir.path()).unwrap();
        assert_eq!(from_log(&log, None), from_store(&store));
        assert_eq!(from_log(&log, None).1.len(), 1);
    }

    #[test]
    fn a_copy_of_another_database_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let first = store_with_answers();
        Log::read(Some(&first), dir.path()).unwrap();
        let mut other = Store::open_in_memory().unwrap();
        for i in 0..6 {
            let t = format!("2026-06-0{}T10:00:00Z", i + 1);
            other
                .record_review(&answer(
                    "maps",
                    &format!("m{i}"),
                    &t,
                    Rating::Good,
                    "correct",
                ))
                .unwrap();
        }
        let log = Log::read(Some(&other), dir.path()).unwrap();
        assert_eq!(from_log(&log, None), from_store(&other));
    }

    #[test]
    fn a_damaged_copy_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_answers();
        Log::read(Some(&store), dir.path()).unwrap();
        let file = dir.path().join("log.bin");
        let mut bytes = fs::read(&file).unwrap();
        let n = bytes.len();
        bytes.truncate(n - 7);
        fs::write(&file, &bytes).unwrap();
        let log = Log::read(Some(&store), dir.path()).unwrap();
        assert_eq!(from_log(&log, None), from_store(&store));
        fs::write(&file, b"not a cache at all").unwrap();
        let log = Log::read(Some(&store), dir.path()).unwrap();
        assert_eq!(from_log(&log, None), from_store(&store));
    }

    #[test]
    fn an_unwritable_cache_only_costs_time() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("cache");
        fs::write(&blocker, b"a file where the directory should be").unwrap();
        let store = store_with_answers();
        let log = Log::read(Some(&store), &blocker).unwrap();
        assert_eq!(from_log(&log, None), from_store(&store));
    }

    #[test]
    fn no_store_is_an_empty_log() {
        let dir = tempfile::tempdir().unwrap();
        let log = Log::read(None, dir.path()).unwrap();
        assert_eq!(log.key_count(), 0);
        assert_eq!(from_log(&log, None), (Vec::new(), Vec::new()));
    }

    #[test]
    fn codes_round_trip() {
        let phases = [None, Some(0), Some(1), Some(2), Some(3)];
        for rating in [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy] {
            for (v, verdict) in VERDICTS.iter().enumerate() {
                for mode in MODES {
                    for phase in phases {
                        let r = Rec {
                            id: 1,
                            key: 0,
                            time_ms: 0,
                            code: pack(rating, v, mode, phase),
                        };
                        assert_eq!(
                            (r.rating(), r.verdict(), r.mode(), r.phase_before()),
                            (rating, *verdict, mode, phase.and_then(phase_of))
                        );
                    }
                }
            }
        }
        // A verdict this recall does not know counts by rating.
        assert_eq!(
            Rec {
                id: 1,
                key: 0,
                time_ms: 0,
                code: pack(Rating::Good, 9, Mode::Study, None)
            }
            .verdict(),
            ""
        );
    }

    #[test]
    fn a_copy_of_a_store_with_more_changes_than_it_has_seen_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = store_with_answers();
        first
            .undo_last("rivers", ts("2026-05-03T09:01:00Z"))
            .unwrap();
        Log::read(Some(&first), dir.path()).unwrap();
        // Another database, its journal behind the copy's.
        let other = store_with_answers();
        assert!(!followed(&other, dir.path()));
        let log = Log::read(Some(&other), dir.path()).unwrap();
        assert_eq!(from_log(&log, None), from_store(&other));
    }
}

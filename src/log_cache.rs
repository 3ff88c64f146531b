//! A compact copy of the answer log, kept in `DATA_DIR/cache/log.bin`, for the commands that
//! read all of it (`stats`, `export report`, `export progress`, `optimize`). Reading a million
//! answers from SQLite row by row takes most of a second; reading this copy and the few
//! answers logged since it was made takes a small fraction of that.
//!
//! The copy holds, per answer, only what those commands use: the card (an index into a table
//! of deck and card ids), the time, and the rating, verdict and mode packed in a byte. It is
//! only ever extended: each use reads the answers whose ids are above the last one copied.
//! It is thrown away and rebuilt from the database when anything else changed:
//! - another build of recall wrote it, or it does not parse;
//! - the last answer it copied is no longer the same row (another progress database);
//! - the store's count of edits to logged answers (`Store::log_edits`: undos, imports that
//!   move other programs' history into a deck) differs from the one it was made at.
//!
//! The database stays the only record: a cache that cannot be read or written only costs time.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::progress::CardIndex;
use crate::schedule::Rating;
use crate::store::{AnswerEntry, Mode, Store, StoreError};

/// Bumped whenever the cached structs below change.
const CACHE_FORMAT: u32 = 1;

/// Verdicts are stored as a number; anything else reads back as "" (which counts by rating).
const VERDICTS: [&str; 5] = ["", "correct", "typo", "partial", "wrong"];
const MODES: [Mode; 4] = [Mode::Study, Mode::Quiz, Mode::Cram, Mode::Import];

/// One answer: `key` indexes [`Log::keys`]; `code` packs the rating (bits 0-2), the verdict
/// (bits 3-5, an index into `VERDICTS`) and the mode (bits 6-7, an index into `MODES`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct Rec {
    key: u32,
    time_ms: i64,
    code: u8,
}

impl Rec {
    fn rating(self) -> Rating {
        Rating::from_number(self.code & 0b111).unwrap_or(Rating::Good)
    }

    fn verdict(self) -> &'static str {
        VERDICTS
            .get(usize::from((self.code >> 3) & 0b111))
            .copied()
            .unwrap_or("")
    }

    fn mode(self) -> Mode {
        MODES[usize::from(self.code >> 6)]
    }

    fn time(self) -> Timestamp {
        Timestamp::from_millisecond(self.time_ms).unwrap_or(Timestamp::UNIX_EPOCH)
    }
}

fn pack(rating: Rating, verdict: &str, mode: Mode) -> u8 {
    let v = VERDICTS.iter().position(|&x| x == verdict).unwrap_or(0) as u8;
    let m = MODES.iter().position(|&x| x == mode).unwrap_or(0) as u8;
    rating.number() | (v << 3) | (m << 6)
}

/// What the copy was made from: the last row copied (id, time, deck and card) of each table,
/// and the store's edit count.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Marks {
    answer: Option<(i64, i64, String, String)>,
    external: Option<(i64, i64, String)>,
    edits: u64,
}

/// The answer log, oldest first: recall's answers, then other programs' history.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Log {
    /// (deck, card) per key; `None` as the deck for another program's card id.
    keys: Vec<(Option<String>, String)>,
    answers: Vec<Rec>,
    externals: Vec<Rec>,
    marks: Marks,
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
            let added = log.extend(store)?;
            if fresh || added > 0 {
                let _ = write_cache(&file, &log);
            }
            Ok(log)
        })
    }

    /// Whether the copy is still a prefix of the store's log.
    fn still_matches(&self, store: &Store) -> Result<bool, StoreError> {
        if store.log_edits()? != self.marks.edits {
            return Ok(false);
        }
        if let Some((id, time, deck, card)) = &self.marks.answer {
            let same = store
                .answer_at(*id)?
                .is_some_and(|(t, d, c)| t == *time && d == *deck && c == *card);
            if !same {
                return Ok(false);
            }
        }
        if let Some((id, time, card)) = &self.marks.external {
            let same = store
                .external_at(*id)?
                .is_some_and(|(t, c)| t == *time && c == *card);
            if !same {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Copies the answers logged after the marks; returns how many.
    fn extend(&mut self, store: &Store) -> Result<usize, StoreError> {
        self.marks.edits = store.log_edits()?;
        let mut index = CardIndex::default();
        for (i, (deck, card)) in self.keys.iter().enumerate() {
            index.get_or_insert(deck.as_deref(), card, i as u32);
        }
        let (before, before_ext) = (self.answers.len(), self.externals.len());
        let after = self.marks.answer.as_ref().map_or(0, |m| m.0);
        let mut last = after;
        let keys = &mut self.keys;
        let answers = &mut self.answers;
        store.for_each_answer_after(after, |id, e| {
            answers.push(Rec {
                key: key_of(&mut index, keys, Some(e.deck), e.card),
                time_ms: e.time.as_millisecond(),
                code: pack(e.rating, e.verdict, e.mode),
            });
            last = last.max(id);
        })?;
        if last > after
            && let Some((time, deck, card)) = store.answer_at(last)?
        {
            self.marks.answer = Some((last, time, deck, card));
        }
        let after = self.marks.external.as_ref().map_or(0, |m| m.0);
        let mut last = after;
        let externals = &mut self.externals;
        store.for_each_external_after(after, |id, e| {
            externals.push(Rec {
                key: key_of(&mut index, keys, None, e.card_id),
                time_ms: e.time.as_millisecond(),
                code: pack(e.rating, "", Mode::Import),
            });
            last = last.max(id);
        })?;
        if last > after
            && let Some((time, card)) = store.external_at(last)?
        {
            self.marks.external = Some((last, time, card));
        }
        // Oldest first, answers logged in the same millisecond in the order they were logged:
        // the new answers come in id order, after every copied one, and the sort is stable.
        sort_by_time(&mut self.answers, before);
        sort_by_time(&mut self.externals, before_ext);
        Ok(self.answers.len() - before + self.externals.len() - before_ext)
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
                },
            );
        }
    }

    /// Calls `f` with the key, the card id, the time and the rating of each answer of other
    /// programs' history, oldest first.
    pub fn for_each_external(&self, mut f: impl FnMut(usize, &str, Timestamp, Rating)) {
        for r in &self.externals {
            let key = r.key as usize;
            if let Some((_, card)) = self.keys.get(key) {
                f(key, card, r.time(), r.rating());
            }
        }
    }

    /// One more than the largest key `for_each_answer` and `for_each_external` give.
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }
}

/// The key of a card, added to `keys` on first sight.
fn key_of(
    index: &mut CardIndex,
    keys: &mut Vec<(Option<String>, String)>,
    deck: Option<&str>,
    card: &str,
) -> u32 {
    let next = keys.len() as u32;
    let k = index.get_or_insert(deck, card, next);
    if k == next {
        keys.push((deck.map(str::to_string), card.to_string()));
    }
    k
}

/// Stable sort by time, skipped when the records from `from` on already follow the others.
fn sort_by_time(recs: &mut [Rec], from: usize) {
    let sorted = recs
        .windows(2)
        .skip(from.saturating_sub(1))
        .all(|w| w[0].time_ms <= w[1].time_ms);
    if !sorted {
        recs.sort_by_key(|r| r.time_ms);
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
        .all(|r| (r.key as usize) < n);
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
            state: None,
        }
    }

    type Row = (String, String, Timestamp, Rating, String, Mode);

    /// What the store itself gives, to compare the copy with.
    fn from_store(store: &Store) -> (Vec<Row>, Vec<(String, Timestamp, Rating)>) {
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
                ))
            })
            .unwrap();
        let mut externals = Vec::new();
        store
            .for_each_external_review(|e| externals.push((e.card_id.to_string(), e.time, e.rating)))
            .unwrap();
        (answers, externals)
    }

    fn from_log(log: &Log, deck: Option<&str>) -> (Vec<Row>, Vec<(String, Timestamp, Rating)>) {
        let mut answers = Vec::new();
        log.for_each_answer(deck, |_, e| {
            answers.push((
                e.deck.to_string(),
                e.card.to_string(),
                e.time,
                e.rating,
                e.verdict.to_string(),
                e.mode,
            ))
        });
        let mut externals = Vec::new();
        log.for_each_external(|_, card, time, rating| {
            externals.push((card.to_string(), time, rating))
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

    #[test]
    fn an_undo_makes_a_fresh_copy() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_with_answers();
        Log::read(Some(&store), dir.path()).unwrap();
        store
            .undo_last("rivers", ts("2026-05-03T09:01:00Z"))
            .unwrap()
            .unwrap();
        let log = Log::read(Some(&store), dir.path()).unwrap();
        assert_eq!(from_log(&log, None), from_store(&store));
        assert_eq!(from_log(&log, Some("rivers")).0.len(), 2);
    }

    #[test]
    fn an_import_that_adopts_external_history_makes_a_fresh_copy() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_with_answers();
        Log::read(Some(&store), dir.path()).unwrap();
        let adopted = crate::store::ImportedAnswer {
            deck: "rivers".to_string(),
            card: "volga".to_string(),
            time: ts("2026-04-01T08:00:00Z"),
            rating: Rating::Good,
            answer: String::new(),
            verdict: String::new(),
            response_ms: 0,
            source_id: Some("1001".to_string()),
        };
        store
            .import_reviews(&[], &[adopted], &mut |_, _, _, answers| {
                answers
                    .iter()
                    .map(|&(t, _)| CardRecord::new("h", t))
                    .collect()
            })
            .unwrap();
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
        for rating in [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy] {
            for verdict in VERDICTS {
                for mode in MODES {
                    let r = Rec {
                        key: 0,
                        time_ms: 0,
                        code: pack(rating, verdict, mode),
                    };
                    assert_eq!((r.rating(), r.verdict(), r.mode()), (rating, verdict, mode));
                }
            }
        }
    }
}

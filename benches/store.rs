//! Benchmarks of the progress store on disk: opening a database with a long history, reading a
//! deck's card states, and one durable answer (log row and card state, one fsync'd commit).
//! Run with `cargo bench --bench store`. Histories of 10k and 100k reviews are made at start;
//! set `RECALL_BENCH_REVIEWS=1000000` to add a million (about half a minute to make).

use std::path::PathBuf;

use divan::{Bencher, black_box};
use jiff::Timestamp;
use recall::deck::Deck;
use recall::schedule::{CardState, Rating};
use recall::store::{CardRecord, Mode, NewReview, Store};

#[path = "../examples/synth/history.rs"]
#[allow(dead_code)]
mod history;
#[path = "../examples/synth/deck.rs"]
#[allow(dead_code)]
mod synth;

fn main() {
    divan::main();
    for n in review_counts() {
        let _ = std::fs::remove_dir_all(dir_for(n));
    }
}

fn dir_for(reviews: u64) -> PathBuf {
    std::env::temp_dir().join(format!("recall-bench-{}-{reviews}", std::process::id()))
}

fn now() -> Timestamp {
    "2026-03-02T10:00:00Z".parse().unwrap()
}

fn deck() -> Deck {
    let text = synth::deck("synth", 10_000);
    recall::deck::load::load(text.as_bytes()).deck.unwrap()
}

fn review_counts() -> Vec<u64> {
    let mut v = vec![10_000, 100_000];
    if let Some(n) = std::env::var("RECALL_BENCH_REVIEWS")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        v.push(n);
    }
    v
}

/// A data directory holding `reviews` answers to a 10k-card deck, made once per process.
fn data_dir(reviews: u64) -> PathBuf {
    let dir = dir_for(reviews);
    if !dir.join(recall::store::DATABASE_FILE).exists() {
        let d = deck();
        let spec = history::HistorySpec {
            reviews,
            new_share: 0.2,
            now: now(),
            seed: 1,
        };
        history::write(&dir, &d.id, &d.cards, &spec).unwrap();
    }
    dir
}

#[divan::bench(args = review_counts(), sample_count = 20)]
fn open(bencher: Bencher, reviews: u64) {
    let dir = data_dir(reviews);
    bencher.bench_local(|| Store::open(black_box(&dir)).unwrap());
}

#[divan::bench(args = review_counts(), sample_count = 20)]
fn card_records(bencher: Bencher, reviews: u64) {
    let dir = data_dir(reviews);
    let store = Store::open(&dir).unwrap();
    bencher.bench_local(|| store.card_records("synth").unwrap().len());
}

#[divan::bench(args = review_counts(), sample_count = 20)]
fn studied_since(bencher: Bencher, reviews: u64) {
    let dir = data_dir(reviews);
    let store = Store::open(&dir).unwrap();
    let since = now() - jiff::SignedDuration::from_hours(6);
    bencher.bench_local(|| store.studied_since("synth", since).unwrap());
}

/// One durable answer: a log row and the card's new state in one synchronous commit.
#[divan::bench(args = review_counts(), sample_count = 200)]
fn record_review(bencher: Bencher, reviews: u64) {
    let dir = data_dir(reviews);
    let mut store = Store::open(&dir).unwrap();
    let mut n = 0u64;
    bencher.bench_local(|| {
        n += 1;
        let t = now() + jiff::SignedDuration::from_secs(n as i64);
        let mut after = CardRecord::new("h", t);
        after.state = CardState {
            reps: 1,
            ..CardState::new(t)
        };
        store
            .record_review(&NewReview {
                deck: "synth".into(),
                card: format!("bench-{}", n % 500),
                time: t,
                rating: Rating::Good,
                answer: "Kalomirentas".into(),
                verdict: "correct".into(),
                response_ms: 3000,
                mode: Mode::Study,
                before: None,
                after,
            })
            .unwrap()
    });
}

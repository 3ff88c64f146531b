//! Benchmarks of the pure core on synthetic decks: loading (parse, generate, lint), the answer
//! pool, building a session queue and checking answers. Run with `cargo bench --bench deck`;
//! `docs/performance.md` lists the figures and how they grow with the deck.

use divan::{Bencher, black_box};
use jiff::Timestamp;
use recall::answer::{self, AnswerPool};
use recall::deck::{Deck, Text};
use recall::schedule::Rating;
use recall::schedule::{CardState, Phase, Scheduler, SchedulerConfig};
use recall::session::{Action, Checker, Session, SessionDeck, SessionOptions, shown_options};
use recall::store::{CardRecord, CardRecords};

#[path = "../examples/synth/deck.rs"]
#[allow(dead_code)]
mod synth;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn main() {
    divan::main();
}

fn deck(cards: usize) -> Deck {
    let text = synth::deck("synth", cards);
    recall::deck::load::load(text.as_bytes())
        .deck
        .expect("the synthetic deck loads")
}

fn now() -> Timestamp {
    "2026-03-02T10:00:00Z".parse().unwrap()
}

/// Progress for four cards in five: reviews due in the last month or the next, as a learner
/// with a long history has.
fn records(deck: &Deck) -> CardRecords {
    let now = now();
    deck.cards
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 5 != 4)
        .map(|(i, c)| {
            let due = now + jiff::SignedDuration::from_hours(((i % 61) as i64 - 30) * 24);
            let state = CardState {
                phase: Phase::Review,
                step: 0,
                due,
                stability: Some(20.0),
                difficulty: Some(5.0),
                last_review: Some(due - jiff::SignedDuration::from_hours(20 * 24)),
                interval_days: 20,
                reps: 10,
                lapses: 1,
            };
            let record = CardRecord {
                state,
                ..CardRecord::new(recall::session::question_hash(c), now)
            };
            (c.id.to_string(), record)
        })
        .collect()
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn load(bencher: Bencher, cards: usize) {
    let text = synth::deck("synth", cards);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| recall::deck::load::load(black_box(text.as_bytes())));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn answer_pool(bencher: Bencher, cards: usize) {
    let d = deck(cards);
    bencher.bench(|| AnswerPool::new(black_box(&d.cards)));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn session_new(bencher: Bencher, cards: usize) {
    let d = deck(cards);
    let recs = records(&d);
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    bencher
        .with_inputs(|| recs.clone())
        .bench_values(|records| {
            let sd = SessionDeck {
                new_limit: 20,
                review_limit: 9999,
                ..SessionDeck::new(&d, scheduler.clone(), records)
            };
            Session::new(vec![sd], SessionOptions::default(), now()).counts()
        });
}

/// Checking one answer of every kind against a 10k-card deck's answer pool (typo matching
/// looks at the pool).
#[divan::bench(sample_count = 50)]
fn check_every_kind(bencher: Bencher) {
    let d = deck(10_000);
    let pool = AnswerPool::new(&d.cards);
    // One card of each hand-written kind, and its right answer as the learner would type it.
    let cards: Vec<_> = d.cards.iter().take(10).collect();
    let shown: Vec<Vec<Text>> = cards.iter().map(|c| shown_options(c, 1)).collect();
    bencher.bench(|| {
        for (card, shown) in cards.iter().zip(&shown) {
            black_box(answer::check(&card.kind, "Kalomirentas", shown, &pool));
        }
    });
}

/// A deck read back from the parsed-deck cache, against `load` above.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn cache_get(bencher: Bencher, cards: usize) {
    let text = synth::deck("synth", cards);
    let d = recall::deck::load::load(text.as_bytes()).deck.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cache = recall::deck_cache::DeckCache::new(dir.path());
    let path = dir.path().join("synth.toml");
    cache.put(&path, text.as_bytes(), &d);
    bencher.bench(|| cache.get(&path, text.as_bytes()).unwrap());
}

/// The answer checker of a one-deck session.
struct OnePool<'p>(&'p AnswerPool);

impl Checker for OnePool<'_> {
    fn check(
        &self,
        _deck: usize,
        card: &recall::deck::Card,
        given: &str,
        shown: &[Text],
    ) -> answer::Outcome {
        answer::check(&card.kind, given, shown, self.0)
    }
}

/// The in-memory part of 1,000 answers (next card, check, plan, apply; no store): shows how
/// the per-answer cost of the session and the checker grows with the deck.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn thousand_answers_in_memory(bencher: Bencher, cards: usize) {
    let d = deck(cards);
    let pool = AnswerPool::new(&d.cards);
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    bencher
        .with_inputs(|| {
            let sd = SessionDeck {
                new_limit: 1000,
                review_limit: 9999,
                ..SessionDeck::new(&d, scheduler.clone(), CardRecords::default())
            };
            Session::new(vec![sd], SessionOptions::default(), now())
        })
        .bench_local_values(|mut session| {
            let t = now();
            let pool = OnePool(&pool);
            while session.show(t).is_some() {
                let answer = Action::Answer {
                    text: "nope".into(),
                    ms: 3000,
                };
                let plan = session.plan(answer, t, &pool);
                session.apply(plan);
                let plan = session.plan(Action::Grade(Some(Rating::Easy)), t, &pool);
                session.apply(plan);
            }
            session.tally().answered
        });
}

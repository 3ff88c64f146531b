//! recall's scheduler against py-fsrs, the Python reference scheduler of FSRS: with fuzz off
//! and no learning or relearning steps, the same answers at the same times must give the same
//! intervals and memory states. The reference is tests/fixtures/fsrs/pyfsrs-intervals.json,
//! made once with py-fsrs 6.3.2 by make-pyfsrs-intervals.py beside it (so no Python is needed
//! here).
//!
//! One rule of recall's, Anki's, differs on purpose: a passed answer's intervals keep
//! Hard < Good < Easy, each at least a day more than the one below it (py-fsrs picks each
//! grade's interval on its own, so Good can equal Hard). Where that rule changed the interval
//! of the grade given, recall's interval is the bumped one; [`BUMPED`] lists those answers, and
//! the README ("Scheduling") repeats the list.

use jiff::Timestamp;
use serde::Deserialize;

use super::*;

#[derive(Deserialize)]
struct Reference {
    parameters: Vec<f32>,
    sequences: Vec<Sequence>,
}

#[derive(Deserialize)]
struct Sequence {
    desired_retention: f32,
    maximum_interval: u32,
    steps: Vec<Step>,
}

#[derive(Deserialize)]
struct Step {
    time: String,
    rating: u8,
    /// py-fsrs's interval for the grade given, in days.
    interval: u32,
    /// py-fsrs's intervals for Again, Hard, Good and Easy.
    intervals: [u32; 4],
    stability: f64,
    difficulty: f64,
}

/// Where the Hard < Good < Easy rule gave the grade a longer interval than py-fsrs:
/// (sequence, answer, py-fsrs days, recall days), counted from 0. All are short intervals (the
/// memory is weak: many lapses, or a retention of 0.95) where py-fsrs gives Good the interval
/// of Hard, and three are Easy answers that end up no longer than Good.
const BUMPED: &[(usize, usize, u32, u32)] = &[
    (4, 2, 2, 3),   // Good: py-fsrs 1, 2, 2, 4 days for Again, Hard, Good, Easy
    (4, 5, 2, 3),   // Good: 1, 2, 2, 3
    (7, 6, 1, 2),   // Good: 1, 1, 1, 1
    (7, 7, 1, 2),   // Good: 1, 1, 1, 2
    (8, 5, 1, 2),   // Good: 1, 1, 1, 1
    (8, 6, 1, 2),   // Good: 1, 1, 1, 2
    (8, 7, 2, 3),   // Good: 1, 2, 2, 3
    (8, 8, 3, 4),   // Good: 1, 3, 3, 4
    (9, 4, 3, 4),   // Easy: 1, 2, 2, 3 (Good becomes 3, so Easy 4)
    (9, 6, 2, 3),   // Easy: 1, 1, 2, 2
    (13, 0, 1, 2),  // Good, a new card at retention 0.95: 1, 1, 1, 3
    (15, 11, 2, 3), // Good: 1, 2, 2, 3
    (17, 0, 1, 2),  // Good, a new card at 0.95: 1, 1, 1, 3
    (21, 0, 1, 2),  // Good, a new card at 0.95: 1, 1, 1, 3
    (21, 3, 1, 2),  // Good: 1, 1, 1, 2
    (21, 4, 2, 3),  // Good: 1, 2, 2, 3
    (21, 8, 1, 2),  // Good: 1, 1, 1, 1
    (21, 9, 1, 3),  // Easy: 1, 1, 1, 1 (Good becomes 2, so Easy 3)
    (25, 3, 2, 3),  // Good: 1, 2, 2, 3
    (29, 0, 1, 2),  // Good, a new card at 0.95: 1, 1, 1, 3
    (31, 2, 1, 2),  // Good: 1, 1, 1, 1
    (33, 0, 1, 2),  // Good, a new card at 0.95: 1, 1, 1, 3
];

/// The interval recall gives to `rating` when py-fsrs's are `py` (Again, Hard, Good, Easy):
/// the same, except that each passing grade is at least a day longer than the one below it.
fn ordered(py: [u32; 4], rating: u8, maximum: u32) -> u32 {
    let hard = py[1];
    let good = py[2].max(hard + 1).min(maximum);
    let easy = py[3].max(good + 1).min(maximum);
    match rating {
        1 => py[0],
        2 => hard,
        3 => good,
        _ => easy,
    }
}

#[test]
fn with_fuzz_off_intervals_are_py_fsrs_intervals_but_for_the_ordering_rule() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fsrs/pyfsrs-intervals.json"
    );
    let reference: Reference =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(reference.sequences.len() >= 30);
    let mut bumped = Vec::new();
    let mut answers = 0;
    for (s, sequence) in reference.sequences.iter().enumerate() {
        let scheduler = Scheduler::new(SchedulerConfig {
            learning_steps: Vec::new(),
            relearning_steps: Vec::new(),
            desired_retention: sequence.desired_retention,
            maximum_interval: sequence.maximum_interval,
            fuzz: false,
            parameters: reference.parameters.clone(),
            ..SchedulerConfig::default()
        })
        .unwrap();
        let mut state = CardState::new(Timestamp::UNIX_EPOCH);
        for (k, step) in sequence.steps.iter().enumerate() {
            let now: Timestamp = step.time.parse().unwrap();
            let rating = Rating::from_number(step.rating).unwrap();
            // Fuzz is off, so the seed must not matter.
            let answered = scheduler.answer(&state, rating, now, (s * 100 + k) as u64);
            let after = answered.state;
            let expected = ordered(step.intervals, step.rating, sequence.maximum_interval);
            assert_eq!(
                after.interval_days, expected,
                "sequence {s} answer {k}: recall {}, py-fsrs {:?}",
                after.interval_days, step.intervals
            );
            assert_eq!(step.intervals[usize::from(step.rating) - 1], step.interval);
            if expected != step.interval {
                bumped.push((s, k, step.interval, expected));
            }
            let stability = f64::from(after.stability.unwrap());
            let difficulty = f64::from(after.difficulty.unwrap());
            // The `fsrs` crate keeps stability at most 36,500 days; py-fsrs lets it grow.
            let reference = step.stability.min(36_500.0);
            assert!(
                ((stability - reference) / reference).abs() < 1e-5,
                "sequence {s} answer {k}: stability {stability} vs {}",
                step.stability
            );
            assert!(
                (difficulty - step.difficulty).abs() < 1e-4,
                "sequence {s} answer {k}: difficulty {difficulty} vs {}",
                step.difficulty
            );
            assert_eq!(after.phase, Phase::Review);
            state = after;
            answers += 1;
        }
    }
    assert!(answers >= 300);
    assert_eq!(
        bumped, BUMPED,
        "(sequence, answer, py-fsrs days, recall days)"
    );
}

#[test]
fn the_ordering_rule() {
    assert_eq!(ordered([1, 3, 3, 5], 3, 100), 4);
    assert_eq!(ordered([1, 3, 3, 4], 4, 100), 5);
    assert_eq!(ordered([1, 3, 5, 9], 3, 100), 5);
    assert_eq!(ordered([1, 3, 5, 9], 2, 100), 3);
    assert_eq!(ordered([1, 100, 100, 100], 4, 100), 100);
}

//! Scheduling with FSRS (the `fsrs` crate) plus what the crate leaves to the application:
//! study days with a day-start hour, learning and relearning steps, interval rounding, clamping
//! and fuzz, a maximum interval and an exam date. Pure: the current time is always an argument.

use jiff::Timestamp;

/// The learner's grade, as FSRS numbers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

/// The scheduling state of one card, as stored after each answer.
#[derive(Debug, Clone, PartialEq)]
pub struct CardState {
    pub phase: Phase,
    /// Index of the current learning or relearning step.
    pub step: u32,
    /// When the card is next due. For `Review` cards only its study day matters.
    pub due: Timestamp,
    /// FSRS memory state; `None` until the first answer.
    pub stability: Option<f32>,
    pub difficulty: Option<f32>,
    pub last_review: Option<Timestamp>,
    /// The interval in days given at the last answer (0 while learning).
    pub interval_days: u32,
    pub reps: u32,
    pub lapses: u32,
}

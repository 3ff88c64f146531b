//! Fitting FSRS to the learner: the review history becomes FSRS items, the `fsrs` crate's
//! optimizer fits parameters to them, and the crate's evaluation (log loss and RMSE over bins)
//! says whether the new parameters predict the learner better than the current ones. The
//! crate's simulator suggests a desired retention.
//!
//! Items follow Anki's convention: a card's answers are grouped into study days (which start at
//! the learner's day-start hour) and only the first answer of each day counts; every counted
//! answer after a card's first gives one item holding the card's history up to it, with the
//! days elapsed between answers. Same-day answers are left out, so the short-term parameters
//! are not fitted (the crate keeps them at their defaults).
//!
//! Pure: the caller streams the history in and reads nothing back but values.

use std::fmt;
use std::sync::{Arc, Mutex};

use fsrs::{
    CombinedProgressState, ComputeParametersInput, FSRS, FSRSError, FSRSItem, FSRSReview,
    SimulatorConfig,
};
use jiff::Timestamp;

use super::CardIndex;
use crate::schedule::DayClock;
use crate::schedule::{Rating, Scheduler};

/// Items needed before fitting: below this the crate only adjusts the first four parameters
/// (initial stabilities), and with fewer than 8 it returns its defaults.
pub const MIN_ITEMS: usize = 64;

/// The history of every card, gathered answer by answer.
pub struct History<'a> {
    clock: DayClock<'a>,
    index: CardIndex,
    /// (card, study day, rating): the first answer of each card and day only.
    answers: Vec<(u32, i32, u8)>,
    /// The last study day kept per card, so later answers that day are dropped.
    last_day: Vec<i32>,
    total: usize,
}

impl<'a> History<'a> {
    /// `days` decides the study days; answers must come oldest first.
    pub fn new(days: &'a Scheduler, now: Timestamp) -> History<'a> {
        History {
            clock: DayClock::new(days, now),
            index: CardIndex::default(),
            answers: Vec::new(),
            last_day: Vec::new(),
            total: 0,
        }
    }

    /// One answer of a recall card.
    pub fn add(&mut self, deck: &str, card: &str, time: Timestamp, rating: Rating) {
        self.push(Some(deck), card, time, rating);
    }

    /// One answer of another program's card.
    pub fn add_external(&mut self, card_id: &str, time: Timestamp, rating: Rating) {
        self.push(None, card_id, time, rating);
    }

    /// The number of a card (`None` as the deck for another program's card id), for callers
    /// that look each card up once and then use [`History::add_at`].
    pub fn slot_of(&mut self, deck: Option<&str>, card: &str) -> u32 {
        let next = self.last_day.len() as u32;
        let slot = self.index.get_or_insert(deck, card, next);
        if slot == next {
            self.last_day.push(i32::MIN);
        }
        slot
    }

    fn push(&mut self, deck: Option<&str>, card: &str, time: Timestamp, rating: Rating) {
        let slot = self.slot_of(deck, card);
        self.add_at(slot, time, rating);
    }

    /// One answer of the card [`History::slot_of`] gave.
    pub fn add_at(&mut self, card: u32, time: Timestamp, rating: Rating) {
        self.total += 1;
        let day = self.clock.offset(time);
        let last = &mut self.last_day[card as usize];
        if day > *last {
            *last = day;
            self.answers.push((card, day, rating.number()));
        }
    }

    /// Answers given, all of them.
    pub fn answers(&self) -> usize {
        self.total
    }

    /// Cards seen.
    pub fn cards(&self) -> usize {
        self.last_day.len()
    }

    /// The FSRS items and, aligned with them, the card each belongs to.
    pub fn items(&self) -> Items {
        let mut order: Vec<&(u32, i32, u8)> = self.answers.iter().collect();
        order.sort_by_key(|&&(card, day, _)| (card, day));
        let mut items = Vec::new();
        let mut card_ids = Vec::new();
        let mut reviews: Vec<FSRSReview> = Vec::new();
        let mut previous: Option<(u32, i32)> = None;
        for &&(card, day, rating) in &order {
            let delta_t = match previous {
                Some((c, d)) if c == card => u32::try_from(day - d).unwrap_or(0),
                _ => {
                    reviews.clear();
                    0
                }
            };
            reviews.push(FSRSReview {
                rating: u32::from(rating),
                delta_t,
            });
            if reviews.len() > 1 {
                items.push(FSRSItem {
                    reviews: reviews.clone(),
                });
                card_ids.push(i64::from(card));
            }
            previous = Some((card, day));
        }
        Items { items, card_ids }
    }

    /// How the learner grades, for the simulator: the first grade of each card, and how the
    /// passed answers on later days split into Hard, Good and Easy. `None` where there are
    /// too few answers to say.
    pub fn rating_shares(&self) -> (Option<[f32; 4]>, Option<[f32; 3]>) {
        let mut first = [0u32; 4];
        let mut passed = [0u32; 3];
        let mut seen = vec![false; self.last_day.len()];
        for &(card, _, rating) in &self.answers {
            let r = usize::from(rating);
            if !std::mem::replace(&mut seen[card as usize], true) {
                first[r - 1] += 1;
            } else if r > 1 {
                passed[r - 2] += 1;
            }
        }
        (shares(first), shares(passed))
    }
}

/// Fractions of a count, once there are enough answers for them to mean something.
fn shares<const N: usize>(counts: [u32; N]) -> Option<[f32; N]> {
    let total: u32 = counts.iter().sum();
    (total >= 50).then(|| counts.map(|c| c as f32 / total as f32))
}

/// FSRS items, with the card each belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Items {
    pub items: Vec<FSRSItem>,
    pub card_ids: Vec<i64>,
}

/// How well parameters predict the history: the crate's log loss and RMSE over bins (lower is
/// better).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    pub log_loss: f32,
    pub rmse_bins: f32,
}

/// The result of fitting.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub items: usize,
    pub before: Evaluation,
    pub after: Evaluation,
    pub parameters: Vec<f32>,
}

impl Fit {
    /// The new parameters predict the history better: a lower log loss.
    pub fn improved(&self) -> bool {
        self.after.log_loss < self.before.log_loss
    }
}

/// Why fitting did not happen.
#[derive(Debug, PartialEq)]
pub enum OptimizeError {
    /// Too little history; `have` items of the `need` required.
    NotEnough { have: usize, need: usize },
    /// The crate refused, for a reason of its own.
    Fsrs(FSRSError),
}

impl fmt::Display for OptimizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptimizeError::NotEnough { have, need } => {
                let more = need.saturating_sub(*have).max(1);
                write!(
                    f,
                    "not enough history to fit FSRS: {have} usable review{} of the {need} needed; \
                     {more} more review{} needed (a usable review is a card's first answer on a \
                     later day than its previous one)",
                    if *have == 1 { "" } else { "s" },
                    if more == 1 { " is" } else { "s are" }
                )
            }
            OptimizeError::Fsrs(e) => write!(f, "the FSRS optimizer failed: {e:?}"),
        }
    }
}

impl std::error::Error for OptimizeError {}

fn fsrs_error(e: FSRSError, have: usize) -> OptimizeError {
    match e {
        FSRSError::NotEnoughData => OptimizeError::NotEnough {
            have,
            need: MIN_ITEMS.max(have + 1),
        },
        other => OptimizeError::Fsrs(other),
    }
}

/// Evaluates `parameters` (empty for the crate's defaults) on the items.
pub fn evaluate(items: Items, parameters: &[f32]) -> Result<Evaluation, OptimizeError> {
    let have = items.items.len();
    let model = FSRS::new(parameters).map_err(|e| fsrs_error(e, have))?;
    let e = model
        .evaluate_with_card_ids(items.items, items.card_ids, |_| true)
        .map_err(|e| fsrs_error(e, have))?;
    Ok(Evaluation {
        log_loss: e.log_loss,
        rmse_bins: e.rmse_bins,
    })
}

/// Fits parameters to the items `make` builds and evaluates them against `current` (empty for
/// the crate's defaults). `progress` is updated by the crate while it trains.
///
/// The items are built afresh for each of the three passes (evaluate, train, evaluate) rather
/// than cloned: each item holds its card's history up to that review, so for long histories
/// they are many times the size of the log they come from (see `History::items`), and one
/// set at a time is what keeps `recall optimize` within its memory budget.
pub fn fit(
    make: impl Fn() -> Items,
    current: &[f32],
    progress: Option<Arc<Mutex<CombinedProgressState>>>,
) -> Result<Fit, OptimizeError> {
    let items = make();
    let have = items.items.len();
    if have < MIN_ITEMS {
        return Err(OptimizeError::NotEnough {
            have,
            need: MIN_ITEMS,
        });
    }
    let before = evaluate(items, current)?;
    let Items { items, card_ids } = make();
    let parameters = fsrs::compute_parameters(ComputeParametersInput {
        train_set: items,
        card_ids: Some(card_ids),
        progress,
        enable_short_term: false,
        num_relearning_steps: None,
        training_config: None,
    })
    .map_err(|e| fsrs_error(e, have))?;
    let after = evaluate(make(), &parameters)?;
    Ok(Fit {
        items: have,
        before,
        after,
        parameters,
    })
}

/// What the simulator is told about the learner.
#[derive(Debug, Clone, PartialEq)]
pub struct Learner {
    /// Cards to learn in the simulation (at least 100).
    pub cards: usize,
    /// New cards a day.
    pub new_per_day: usize,
    pub first_ratings: Option<[f32; 4]>,
    pub passed_ratings: Option<[f32; 3]>,
}

/// The desired retention the crate's simulator finds cheapest per card remembered, over a year
/// of study.
pub fn suggest_retention(
    parameters: &[f32],
    learner: &Learner,
    mut progress: impl FnMut(usize) + Send,
) -> Result<f32, OptimizeError> {
    let defaults = SimulatorConfig::default();
    let config = SimulatorConfig {
        deck_size: learner.cards.max(100),
        learn_span: 365,
        learn_limit: learner.new_per_day.max(1),
        first_rating_prob: learner.first_ratings.unwrap_or(defaults.first_rating_prob),
        review_rating_prob: learner
            .passed_ratings
            .unwrap_or(defaults.review_rating_prob),
        ..defaults
    };
    let parameters = if parameters.is_empty() {
        fsrs::DEFAULT_PARAMETERS.to_vec()
    } else {
        parameters.to_vec()
    };
    fsrs::optimal_retention(
        &config,
        &parameters,
        |p| {
            progress(p.current);
            true
        },
        None,
        None,
    )
    .map_err(|e| fsrs_error(e, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::SchedulerConfig;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn days() -> Scheduler {
        Scheduler::new(SchedulerConfig::default()).unwrap()
    }

    fn review(rating: u32, delta_t: u32) -> FSRSReview {
        FSRSReview { rating, delta_t }
    }

    #[test]
    fn items_hold_the_history_up_to_each_later_day() {
        let d = days();
        let mut h = History::new(&d, ts("2026-03-02T10:00:00Z"));
        h.add("rivers", "a", ts("2026-02-01T10:00:00Z"), Rating::Again);
        h.add("rivers", "a", ts("2026-02-01T10:10:00Z"), Rating::Good); // same day: dropped
        h.add_external("7", ts("2026-02-01T11:00:00Z"), Rating::Good);
        // 03:00 on 3 Feb is still study day 2 Feb.
        h.add("rivers", "a", ts("2026-02-03T03:00:00Z"), Rating::Good);
        h.add("rivers", "a", ts("2026-02-06T10:00:00Z"), Rating::Easy);
        h.add_external("7", ts("2026-02-11T11:00:00Z"), Rating::Again);
        assert_eq!(h.answers(), 6);
        assert_eq!(h.cards(), 2);
        let items = h.items();
        assert_eq!(
            items.items,
            [
                FSRSItem {
                    reviews: vec![review(1, 0), review(3, 1)]
                },
                FSRSItem {
                    reviews: vec![review(1, 0), review(3, 1), review(4, 4)]
                },
                FSRSItem {
                    reviews: vec![review(3, 0), review(1, 10)]
                },
            ]
        );
        assert_eq!(items.card_ids, [0, 0, 1]);
    }

    #[test]
    fn too_little_history_says_how_much_more_is_needed() {
        let items = Items {
            items: vec![
                FSRSItem {
                    reviews: vec![review(3, 0), review(3, 2)]
                };
                10
            ],
            card_ids: (0..10).collect(),
        };
        let err = fit(|| items.clone(), &[], None).unwrap_err();
        assert_eq!(err, OptimizeError::NotEnough { have: 10, need: 64 });
        assert_eq!(
            err.to_string(),
            "not enough history to fit FSRS: 10 usable reviews of the 64 needed; 54 more reviews \
             are needed (a usable review is a card's first answer on a later day than its \
             previous one)"
        );
    }

    #[test]
    fn rating_shares_need_enough_answers() {
        let d = days();
        let mut h = History::new(&d, ts("2026-03-02T10:00:00Z"));
        for i in 0..60 {
            let card = format!("c{i}");
            let first = if i % 4 == 0 {
                Rating::Again
            } else {
                Rating::Good
            };
            h.add("r", &card, ts("2026-02-01T10:00:00Z"), first);
            h.add("r", &card, ts("2026-02-03T10:00:00Z"), Rating::Easy);
        }
        let (first, passed) = h.rating_shares();
        assert_eq!(first, Some([0.25, 0.0, 0.75, 0.0]));
        assert_eq!(passed, Some([0.0, 0.0, 1.0]));
        let empty = History::new(&d, ts("2026-03-02T10:00:00Z"));
        assert_eq!(empty.rating_shares(), (None, None));
    }
}

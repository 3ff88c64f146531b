//! Fitting FSRS to the learner: the review history becomes FSRS training items exactly as Anki
//! builds them for the `fsrs` crate, the crate's optimizer fits parameters to them, and the
//! crate's measures (log loss, and RMSE over bins) say whether the new parameters predict the
//! learner better than the current ones. The crate's simulator suggests a desired retention.
//!
//! The items follow Anki (`fsrs_items_for_training` in rslib/src/scheduler/fsrs/params.rs):
//! - only answers that move a schedule count: study and import answers, and other programs'
//!   history (quiz and cram answers are left out, as Anki leaves out cramming);
//! - a card's history starts at the first answer of its last run of learning answers. In
//!   recall that run opens with the answer that met the card new (its first answer, or its
//!   first after `recall reset`), so history before a reset is left out, as Anki leaves out
//!   the answers before a "Forget". A card with no learning answer gives no items (another
//!   program's log that says none of its answers was; a log that says nothing counts a card's
//!   first answer as its first learning step);
//! - every answer from there on stays in the history, same-day answers (learning and
//!   relearning steps) too, with `delta_t` 0; `delta_t` counts study days as Anki does, whole
//!   days of 24 hours back from the start of the next study day;
//! - every answer after the first with `delta_t` above 0 (the first of a later day) gives one
//!   item: the card's history up to and including it;
//! - items are ordered by the time of their last answer, which sets their weight (the crate
//!   weighs recent items more) and so matters to the fit and to the measures.
//!
//! An item holds its card's whole history, so a card answered n times has items holding about
//! n²/2 reviews between them: a card with 20,000 daily answers would need 1.6 GB as the crate's
//! `FSRSItem`s. [`Items`] keeps each card's history once and refers to prefixes of it, the
//! measures walk each card's history once ([`evaluate`], the arithmetic of the crate's
//! `evaluate_with_card_ids`), and only the training set is handed to the crate item by item,
//! with the items it would not train on (longer than [`MAX_SEQ_LEN`]) stood in for by short
//! ones that it treats the same (see [`Items::training_set`]). Memory then grows with the number
//! of answers, not with the square of a card's history.
//!
//! Pure: the caller streams the history in and reads nothing back but values.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use fsrs::{
    CombinedProgressState, ComputeParametersInput, FSRS, FSRSError, FSRSItem, FSRSReview,
    SimulatorConfig, TrainingConfig,
};
use jiff::Timestamp;

use super::CardIndex;
use crate::schedule::{Phase, Rating, Scheduler};

/// Items needed before fitting: below this the crate only adjusts the first four parameters
/// (initial stabilities), and with fewer than 8 it returns its defaults.
pub const MIN_ITEMS: usize = 64;

/// The longest item the crate trains on (its `max_seq_len`, default 256): longer items are
/// measured but not trained on.
pub const MAX_SEQ_LEN: usize = 256;

/// Passes over the training set, as Anki asks of the crate (its default is 5).
pub const EPOCHS: usize = 8;

const SECS_PER_DAY: i64 = 86_400;

/// Where a card was when it was answered, as far as finding the start of its history needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    /// New: its first answer, or its first after a reset. Starts a run of learning answers,
    /// and nothing before it belongs to the card's current history.
    New,
    /// In its learning steps.
    Learning,
    /// In review or relearning.
    Review,
    /// Not known (another program's log that does not say): the card's first answer counts as
    /// [`Before::New`], later ones as [`Before::Review`].
    Unknown,
}

impl Before {
    /// From recall's log: the phase before the answer (`None` when the card had no record).
    pub fn of_phase(phase: Option<Phase>) -> Before {
        match phase {
            None | Some(Phase::New) => Before::New,
            Some(Phase::Learning) => Before::Learning,
            Some(Phase::Review | Phase::Relearning) => Before::Review,
        }
    }

    /// From another program's log: its review state (0 new, 1 learning, 2 review,
    /// 3 relearning), if it gave one.
    pub fn of_state(state: Option<u8>) -> Before {
        match state {
            None => Before::Unknown,
            Some(0) => Before::New,
            Some(1) => Before::Learning,
            Some(_) => Before::Review,
        }
    }
}

/// One scheduled answer.
#[derive(Debug, Clone, Copy)]
struct Answer {
    time_ms: i64,
    card: u32,
    rating: u8,
    before: Before,
}

/// The history of every card, gathered answer by answer.
pub struct History {
    /// The start of the next study day, in seconds: days are counted back from it.
    next_day: i64,
    index: CardIndex,
    cards: u32,
    answers: Vec<Answer>,
}

impl History {
    /// `days` decides where study days start; `now` which one is today.
    pub fn new(days: &Scheduler, now: Timestamp) -> History {
        let today = days.study_day(now);
        let next_day = today
            .tomorrow()
            .map_or(Timestamp::MAX, |d| days.day_start(d));
        History {
            next_day: next_day.as_second(),
            index: CardIndex::default(),
            cards: 0,
            answers: Vec::new(),
        }
    }

    /// One answer of a recall card.
    pub fn add(&mut self, deck: &str, card: &str, time: Timestamp, rating: Rating, b: Before) {
        let slot = self.slot_of(Some(deck), card);
        self.add_at(slot, time, rating, b);
    }

    /// One answer of another program's card.
    pub fn add_external(&mut self, card_id: &str, time: Timestamp, rating: Rating, b: Before) {
        let slot = self.slot_of(None, card_id);
        self.add_at(slot, time, rating, b);
    }

    /// The number of a card (`None` as the deck for another program's card id), for callers
    /// that look each card up once and then use [`History::add_at`]. Cards are numbered from 0
    /// in the order they are first met.
    pub fn slot_of(&mut self, deck: Option<&str>, card: &str) -> u32 {
        let slot = self.index.get_or_insert(deck, card, self.cards);
        if slot == self.cards {
            self.cards += 1;
        }
        slot
    }

    /// One answer of the card [`History::slot_of`] gave.
    pub fn add_at(&mut self, card: u32, time: Timestamp, rating: Rating, before: Before) {
        self.answers.push(Answer {
            time_ms: time.as_millisecond(),
            card,
            rating: rating.number(),
            before,
        });
    }

    /// Answers given, all of them.
    pub fn answers(&self) -> usize {
        self.answers.len()
    }

    /// Cards seen.
    pub fn cards(&self) -> usize {
        self.cards as usize
    }

    /// Whole days between an answer at `time_ms` and the start of the next study day, as
    /// Anki counts them (`RevlogEntry::days_elapsed`: seconds, divided by 86,400, never
    /// below 0).
    fn days_back(&self, time_ms: i64) -> i64 {
        ((self.next_day - time_ms / 1000) / SECS_PER_DAY).max(0)
    }

    /// The answers card by card, each card's in time order (as logged when times are equal).
    fn by_card(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.answers.len() as u32).collect();
        order.sort_by_key(|&i| {
            let a = &self.answers[i as usize];
            (a.card, a.time_ms)
        });
        order
    }

    /// The FSRS training items, in the order the crate is given them.
    pub fn items(&self) -> Items {
        let order = self.by_card();
        let mut reviews = Vec::new();
        // (time of the last answer, item)
        let mut items: Vec<(i64, Item)> = Vec::new();
        for card in
            order.chunk_by(|&a, &b| self.answers[a as usize].card == self.answers[b as usize].card)
        {
            let answers: Vec<&Answer> = card.iter().map(|&i| &self.answers[i as usize]).collect();
            let Some(first) = history_start(&answers) else {
                continue;
            };
            let start = reviews.len() as u32;
            let mut previous: Option<i64> = None;
            for (k, a) in answers[first..].iter().enumerate() {
                let back = self.days_back(a.time_ms);
                let delta_t = previous.map_or(0, |p| p - back);
                previous = Some(back);
                reviews.push(FSRSReview {
                    rating: u32::from(a.rating),
                    delta_t: u32::try_from(delta_t).unwrap_or(0),
                });
                if k >= 1 && delta_t > 0 {
                    let item = Item {
                        card: a.card,
                        start,
                        len: k as u32 + 1,
                    };
                    items.push((a.time_ms, item));
                }
            }
        }
        // Cards were taken in number order, so items of the same millisecond stay in it.
        items.sort_by_key(|&(time, _)| time);
        Items {
            reviews,
            items: items.into_iter().map(|(_, item)| item).collect(),
        }
    }

    /// How the learner grades, for the simulator: the first grade of each card, and how the
    /// passed answers on later days split into Hard, Good and Easy. `None` where there are
    /// too few answers to say.
    pub fn rating_shares(&self) -> (Option<[f32; 4]>, Option<[f32; 3]>) {
        let mut first = [0u32; 4];
        let mut passed = [0u32; 3];
        let mut previous: Option<(u32, i64)> = None;
        for i in self.by_card() {
            let a = &self.answers[i as usize];
            let r = usize::from(a.rating);
            let back = self.days_back(a.time_ms);
            match previous {
                Some((card, prev)) if card == a.card => {
                    if back < prev && r > 1 {
                        passed[r - 2] += 1;
                    }
                }
                _ => first[r - 1] += 1,
            }
            previous = Some((a.card, back));
        }
        (shares(first), shares(passed))
    }
}

/// Where a card's history starts (an index into its answers in time order): the first answer
/// of its last run of learning answers, found walking back from its latest answer; a run
/// begins no earlier than an answer that met the card new. `None` when it has no learning
/// answer at all.
fn history_start(answers: &[&Answer]) -> Option<usize> {
    let mut start = None;
    for (i, a) in answers.iter().enumerate().rev() {
        let before = match a.before {
            Before::Unknown if i == 0 => Before::New,
            Before::Unknown => Before::Review,
            b => b,
        };
        match before {
            Before::New => return Some(i),
            Before::Learning => start = Some(i),
            Before::Review | Before::Unknown if start.is_some() => break,
            Before::Review | Before::Unknown => {}
        }
    }
    start
}

/// Fractions of a count, once there are enough answers for them to mean something.
fn shares<const N: usize>(counts: [u32; N]) -> Option<[f32; N]> {
    let total: u32 = counts.iter().sum();
    (total >= 50).then(|| counts.map(|c| c as f32 / total as f32))
}

/// One item: the first `len` reviews of its card's history, which starts at `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Item {
    card: u32,
    start: u32,
    len: u32,
}

/// FSRS training items, in the order the crate is given them, each with its card; every card's
/// history is kept once and items are prefixes of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Items {
    reviews: Vec<FSRSReview>,
    items: Vec<Item>,
}

impl Items {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Item `i`: its card (as [`History::slot_of`] numbered it) and its reviews.
    pub fn get(&self, i: usize) -> Option<(u32, &[FSRSReview])> {
        self.items
            .get(i)
            .map(|&item| (item.card, self.reviews_of(item)))
    }

    fn reviews_of(&self, item: Item) -> &[FSRSReview] {
        let start = item.start as usize;
        &self.reviews[start..start + item.len as usize]
    }

    /// Every item whole, as the crate's items, with their cards: what the crate would be
    /// handed without the care of [`Items::training_set`] (for small sets and for tests).
    pub fn to_fsrs(&self) -> (Vec<FSRSItem>, Vec<i64>) {
        self.items
            .iter()
            .map(|&item| {
                let reviews = self.reviews_of(item).to_vec();
                (FSRSItem { reviews }, i64::from(item.card))
            })
            .unzip()
    }

    /// The training set for the crate, with items longer than `max_len` (which the crate
    /// drops before training, after weighing every item by its position and filtering
    /// outliers) replaced by items of `max_len + 1` reviews that keep what the crate reads of
    /// them before dropping them: the first review, the first review on a later day, whether
    /// there is more than one review on a later day, and the last review. Training on this
    /// set is training on the whole one, in memory that grows with the number of items.
    pub fn training_set(&self, max_len: usize) -> (Vec<FSRSItem>, Vec<i64>) {
        self.items
            .iter()
            .map(|&item| {
                let reviews = self.reviews_of(item);
                let reviews = if reviews.len() > max_len {
                    stand_in(reviews, max_len)
                } else {
                    reviews.to_vec()
                };
                (FSRSItem { reviews }, i64::from(item.card))
            })
            .unzip()
    }
}

/// A `max_len + 1`-review item the crate treats as it treats `reviews` (longer than
/// `max_len`): same first review, same first review with `delta_t` above 0, more than one
/// such review exactly when `reviews` has, same last review.
fn stand_in(reviews: &[FSRSReview], max_len: usize) -> Vec<FSRSReview> {
    let n = reviews.len();
    let current = reviews[n - 1];
    let first_later = reviews[1..]
        .iter()
        .position(|r| r.delta_t > 0)
        .map_or(n - 1, |p| p + 1);
    let mut out = Vec::with_capacity(max_len + 1);
    if first_later < max_len || first_later == n - 1 {
        out.extend_from_slice(&reviews[..max_len]);
    } else {
        out.extend_from_slice(&reviews[..max_len - 1]);
        out.push(reviews[first_later]);
    }
    out.push(current);
    out
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

/// Measures `parameters` (empty for the crate's defaults) on the items, as the crate's
/// `evaluate_with_card_ids` does: each card's memory states are computed once along its
/// history (by the crate), each item's prediction is the forgetting curve at its last
/// `delta_t` from the state before it, and items weigh 0.25 to 1 by position, as the crate
/// weighs them. Same arithmetic in the same order, so the log loss is the crate's to the bit;
/// the RMSE sums its bins in a fixed order where the crate's order varies from call to call.
pub fn evaluate(items: &Items, parameters: &[f32]) -> Result<Evaluation, OptimizeError> {
    let have = items.len();
    if items.is_empty() {
        return Err(fsrs_error(FSRSError::NotEnoughData, have));
    }
    let fail = |e| fsrs_error(e, have);
    let model = FSRS::new(parameters).map_err(fail)?;
    // The model's decay, as the crate clips it when it builds the model.
    let decay = -fsrs::check_and_fill_parameters(parameters).map_err(fail)?[20].clamp(0.1, 0.8);
    let factor = (0.9f32.ln() / decay).exp() - 1.0;
    let curve = |t: f32, s: f32| (t / s * factor + 1.0).powf(decay);

    // Per item: its prediction and its bin. Cards are walked in turn, each card's items
    // from the shortest.
    let mut scored = vec![(0.0f32, (0u32, 0u32, 0u32)); have];
    let mut order: Vec<u32> = (0..have as u32).collect();
    order.sort_by_key(|&i| {
        let item = items.items[i as usize];
        (item.card, item.len)
    });
    for group in
        order.chunk_by(|&a, &b| items.items[a as usize].card == items.items[b as usize].card)
    {
        let longest = items.items[*group.last().unwrap_or(&0) as usize];
        let reviews = items.reviews_of(longest);
        let states = model
            .historical_memory_states(
                FSRSItem {
                    reviews: reviews[..reviews.len() - 1].to_vec(),
                },
                None,
            )
            .map_err(fail)?;
        // Reviews on a later day, and lapses (Again on a later day), before position k.
        let (mut later, mut lapses, mut counted) = (0u32, 0u32, 0usize);
        for &i in group {
            let len = items.items[i as usize].len as usize;
            while counted < len - 1 {
                let r = reviews[counted];
                if r.delta_t > 0 {
                    later += 1;
                    lapses += u32::from(r.rating == 1);
                }
                counted += 1;
            }
            let current = reviews[len - 1];
            let p = curve(current.delta_t as f32, states[len - 2].stability);
            if !p.is_finite() {
                return Err(fail(FSRSError::InvalidInput));
            }
            scored[i as usize] = (p, bin(current.delta_t, later + 1, lapses));
        }
    }

    let length = (have as f32 - 1.0).max(1.0);
    let (mut loss, mut weight_sum) = (0.0f32, 0.0f32);
    // (predicted, actual, count, weight) per bin
    let mut bins: BTreeMap<(u32, u32, u32), [f32; 4]> = BTreeMap::new();
    for (idx, &(p, key)) in scored.iter().enumerate() {
        let weight = 0.25 + 0.75 * (idx as f32 / length).powi(3);
        let current = items.reviews_of(items.items[idx]);
        let y = f32::from(current[current.len() - 1].rating > 1);
        loss += (y * p.ln() + (1.0 - y) * (1.0 - p).ln()) * weight;
        weight_sum += weight;
        let b = bins.entry(key).or_default();
        b[0] += p;
        b[1] += y;
        b[2] += 1.0;
        b[3] += weight;
    }
    let log_loss = -loss / weight_sum;
    let rmse_bins = (bins
        .values()
        .map(|[predicted, actual, count, weight]| {
            (predicted / count - actual / count).powi(2) * weight
        })
        .sum::<f32>()
        / bins.values().map(|b| b[3]).sum::<f32>())
    .sqrt();
    if !log_loss.is_finite() || !rmse_bins.is_finite() {
        return Err(fail(FSRSError::InvalidInput));
    }
    Ok(Evaluation {
        log_loss,
        rmse_bins,
    })
}

/// The crate's bin of an item for RMSE (`FSRSItem::r_matrix_index`): its last `delta_t`, its
/// number of reviews on a later day plus one, and its lapses before the last review, each on a
/// roughly logarithmic scale.
fn bin(delta_t: u32, later_plus_one: u32, lapses: u32) -> (u32, u32, u32) {
    let delta_t = f64::from(delta_t);
    let delta_t_bin = (2.48 * 3.62f64.powf(delta_t.log(3.62).floor()) * 100.0).round() as u32;
    let length = f64::from(later_plus_one) + 1.0;
    let length_bin = (1.99 * 1.89f64.powf(length.log(1.89).floor())).round() as u32;
    if lapses == 0 {
        return (delta_t_bin, length_bin, 0);
    }
    let lapses = f64::from(lapses);
    let lapse_bin = (1.65 * 1.73f64.powf(lapses.log(1.73).floor())).round() as u32;
    (delta_t_bin, length_bin, lapse_bin)
}

/// The crate's training settings as Anki uses them.
fn training_config(max_len: usize) -> TrainingConfig {
    TrainingConfig {
        num_epochs: EPOCHS,
        max_seq_len: max_len,
        ..TrainingConfig::default()
    }
}

/// Fits parameters to the items and measures them against `current` (empty for the crate's
/// defaults), as Anki does: short-term parameters fitted, `relearning_steps` (the number of
/// relearning steps the learner uses) bounding how much a lapse may shrink stability.
/// `progress` is updated by the crate while it trains.
pub fn fit(
    items: &Items,
    current: &[f32],
    relearning_steps: usize,
    progress: Option<Arc<Mutex<CombinedProgressState>>>,
) -> Result<Fit, OptimizeError> {
    let have = items.len();
    if have < MIN_ITEMS {
        return Err(OptimizeError::NotEnough {
            have,
            need: MIN_ITEMS,
        });
    }
    let before = evaluate(items, current)?;
    let (train_set, card_ids) = items.training_set(MAX_SEQ_LEN);
    let parameters = fsrs::compute_parameters(ComputeParametersInput {
        train_set,
        card_ids: Some(card_ids),
        progress,
        enable_short_term: true,
        num_relearning_steps: Some(relearning_steps),
        training_config: Some(training_config(MAX_SEQ_LEN)),
    })
    .map_err(|e| fsrs_error(e, have))?;
    let after = evaluate(items, &parameters)?;
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

    /// Study days from 04:00 UTC; today is 2 March 2026, so days are counted back from
    /// 3 March 04:00.
    fn history() -> History {
        let days = Scheduler::new(SchedulerConfig::default()).unwrap();
        History::new(&days, ts("2026-03-02T10:00:00Z"))
    }

    fn review(rating: u32, delta_t: u32) -> FSRSReview {
        FSRSReview { rating, delta_t }
    }

    /// Every item as (card, reviews as (rating, delta_t)).
    fn listed(items: &Items) -> Vec<(u32, Vec<(u32, u32)>)> {
        (0..items.len())
            .map(|i| {
                let (card, reviews) = items.get(i).unwrap();
                (
                    card,
                    reviews.iter().map(|r| (r.rating, r.delta_t)).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn same_day_answers_stay_in_the_history_with_delta_t_0() {
        let mut h = history();
        h.add(
            "rivers",
            "a",
            ts("2026-02-02T10:00:00Z"),
            Rating::Again,
            Before::New,
        );
        h.add(
            "rivers",
            "a",
            ts("2026-02-02T10:10:00Z"),
            Rating::Good,
            Before::Learning,
        );
        // 03:00 on 3 Feb is still study day 2 Feb.
        h.add(
            "rivers",
            "a",
            ts("2026-02-03T03:00:00Z"),
            Rating::Good,
            Before::Learning,
        );
        h.add(
            "rivers",
            "a",
            ts("2026-02-06T10:00:00Z"),
            Rating::Easy,
            Before::Review,
        );
        h.add(
            "rivers",
            "a",
            ts("2026-02-06T10:20:00Z"),
            Rating::Good,
            Before::Review,
        );
        assert_eq!(h.answers(), 5);
        assert_eq!(
            listed(&h.items()),
            [(0, vec![(1, 0), (3, 0), (3, 0), (4, 4)])],
            "one item, for the first answer on a later day; the same-day answer after it \
             makes none"
        );
    }

    #[test]
    fn items_are_ordered_by_the_time_of_their_last_answer() {
        let mut h = history();
        h.add_external(
            "7",
            ts("2026-02-01T11:00:00Z"),
            Rating::Good,
            Before::Unknown,
        );
        h.add(
            "rivers",
            "a",
            ts("2026-02-01T10:00:00Z"),
            Rating::Good,
            Before::New,
        );
        h.add(
            "rivers",
            "a",
            ts("2026-02-03T10:00:00Z"),
            Rating::Good,
            Before::Review,
        );
        h.add_external(
            "7",
            ts("2026-02-02T11:00:00Z"),
            Rating::Again,
            Before::Unknown,
        );
        h.add(
            "rivers",
            "a",
            ts("2026-02-05T10:00:00Z"),
            Rating::Hard,
            Before::Review,
        );
        h.add_external(
            "7",
            ts("2026-02-04T11:00:00Z"),
            Rating::Good,
            Before::Unknown,
        );
        assert_eq!(h.cards(), 2);
        assert_eq!(
            listed(&h.items()),
            [
                (0, vec![(3, 0), (1, 1)]),
                (1, vec![(3, 0), (3, 2)]),
                (0, vec![(3, 0), (1, 1), (3, 2)]),
                (1, vec![(3, 0), (3, 2), (2, 2)]),
            ]
        );
    }

    #[test]
    fn days_are_counted_back_from_the_next_day_start_in_steps_of_24_hours() {
        let h = history();
        let ms = |s: &str| ts(s).as_millisecond();
        assert_eq!(h.days_back(ms("2026-03-03T03:59:59Z")), 0);
        assert_eq!(h.days_back(ms("2026-03-02T04:00:01Z")), 0);
        // As in Anki, the very second a day starts still counts to the day before.
        assert_eq!(h.days_back(ms("2026-03-02T04:00:00.500Z")), 1);
        assert_eq!(h.days_back(ms("2026-03-02T03:59:59.999Z")), 1);
        // An answer after the next day start (a clock set back) counts as today.
        assert_eq!(h.days_back(ms("2026-03-05T12:00:00Z")), 0);
        assert_eq!(h.days_back(ms("2026-02-01T04:00:01Z")), 29);
    }

    #[test]
    fn a_reset_starts_the_history_again() {
        let mut h = history();
        for (time, rating, before) in [
            ("2026-02-01T10:00:00Z", Rating::Good, Before::New),
            ("2026-02-04T10:00:00Z", Rating::Good, Before::Review),
            // `recall reset`: the card is new again.
            ("2026-02-10T10:00:00Z", Rating::Again, Before::New),
            ("2026-02-10T10:05:00Z", Rating::Good, Before::Learning),
            ("2026-02-12T10:00:00Z", Rating::Good, Before::Review),
        ] {
            h.add("rivers", "a", ts(time), rating, before);
        }
        assert_eq!(listed(&h.items()), [(0, vec![(1, 0), (3, 0), (3, 2)])]);
    }

    #[test]
    fn the_history_starts_at_the_last_run_of_learning_answers() {
        // Another program's log with states: a card first met in review (its earlier
        // history not in the log), then relearnt as if new, without saying it was new.
        let mut h = history();
        for (day, before) in [
            (1, Before::Review),
            (3, Before::Learning),
            (3, Before::Learning),
            (5, Before::Review),
            (9, Before::Review),
        ] {
            let t = ts("2026-02-01T10:00:00Z") + jiff::SignedDuration::from_hours(24 * day);
            h.add_external("9", t, Rating::Good, before);
        }
        // A card whose log says none of its answers was a learning step gives no items.
        h.add_external(
            "8",
            ts("2026-02-01T10:00:00Z"),
            Rating::Good,
            Before::Review,
        );
        h.add_external(
            "8",
            ts("2026-02-05T10:00:00Z"),
            Rating::Good,
            Before::Review,
        );
        assert_eq!(
            listed(&h.items()),
            [
                (0, vec![(3, 0), (3, 0), (3, 2)]),
                (0, vec![(3, 0), (3, 0), (3, 2), (3, 4)]),
            ]
        );
    }

    #[test]
    fn anki_examples_of_delta_t() {
        // Anki's own example: learning 15 and 13 days ago, reviews 10 and 5 days ago.
        let mut h = history();
        let base = ts("2026-03-02T10:00:00Z");
        for (days_ago, before) in [
            (15, Before::New),
            (13, Before::Learning),
            (10, Before::Review),
            (5, Before::Review),
        ] {
            let t = base - jiff::SignedDuration::from_hours(24 * days_ago);
            h.add("rivers", "a", t, Rating::Good, before);
        }
        let items: Vec<Vec<u32>> = listed(&h.items())
            .into_iter()
            .map(|(_, r)| r.into_iter().map(|(_, d)| d).collect())
            .collect();
        assert_eq!(items, [vec![0, 2], vec![0, 2, 3], vec![0, 2, 3, 5]]);
        // A single learning step gives no item.
        let mut h = history();
        h.add("rivers", "a", base, Rating::Good, Before::New);
        assert!(h.items().is_empty());
    }

    #[test]
    fn before_is_read_from_phases_and_states() {
        assert_eq!(Before::of_phase(None), Before::New);
        assert_eq!(Before::of_phase(Some(Phase::New)), Before::New);
        assert_eq!(Before::of_phase(Some(Phase::Learning)), Before::Learning);
        assert_eq!(Before::of_phase(Some(Phase::Review)), Before::Review);
        assert_eq!(Before::of_phase(Some(Phase::Relearning)), Before::Review);
        assert_eq!(Before::of_state(None), Before::Unknown);
        assert_eq!(Before::of_state(Some(0)), Before::New);
        assert_eq!(Before::of_state(Some(1)), Before::Learning);
        assert_eq!(Before::of_state(Some(2)), Before::Review);
        assert_eq!(Before::of_state(Some(3)), Before::Review);
    }

    /// `cards` cards, each answered once a day for `days` days with a fixed pattern of grades
    /// (and a same-day learning step after the first answer).
    fn daily(cards: usize, days: i64) -> History {
        let mut h = history();
        let start = ts("2025-01-01T09:00:00Z");
        for c in 0..cards {
            let card = format!("c{c}");
            let mut seed = c as u64 * 7919 + 1;
            for d in 0..days {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let rating = match (seed >> 33) % 10 {
                    0 | 1 => Rating::Again,
                    2 => Rating::Hard,
                    9 => Rating::Easy,
                    _ => Rating::Good,
                };
                let t = start + jiff::SignedDuration::from_hours(24 * d);
                let before = if d == 0 { Before::New } else { Before::Review };
                h.add("synth", &card, t, rating, before);
                if d == 0 {
                    let step = t + jiff::SignedDuration::from_mins(10);
                    h.add("synth", &card, step, Rating::Good, Before::Learning);
                }
            }
        }
        h
    }

    #[test]
    fn the_measures_are_the_crates() {
        let items = daily(40, 30).items();
        let (fsrs_items, card_ids) = items.to_fsrs();
        let fitted = [
            0.3, 1.1, 2.5, 9.0, 6.5, 0.7, 2.8, 0.01, 1.6, 0.2, 0.9, 1.6, 0.08, 0.3, 1.5, 0.5, 2.0,
            0.4, 0.2, 0.1, 0.2,
        ];
        for parameters in [&[][..], &fitted[..]] {
            let ours = evaluate(&items, parameters).unwrap();
            let theirs = FSRS::new(parameters)
                .unwrap()
                .evaluate_with_card_ids(fsrs_items.clone(), card_ids.clone(), |_| true)
                .unwrap();
            assert_eq!(ours.log_loss, theirs.log_loss);
            assert!((ours.rmse_bins - theirs.rmse_bins).abs() < 1e-6);
        }
    }

    #[test]
    fn long_items_are_stood_in_for_as_the_crate_treats_them() {
        let r = |rating, delta_t| review(rating, delta_t);
        // The first later review within the kept part.
        let long: Vec<FSRSReview> = [r(3, 0), r(1, 0), r(3, 2)]
            .into_iter()
            .chain(std::iter::repeat_n(r(3, 1), 10))
            .chain([r(4, 5)])
            .collect();
        assert_eq!(
            stand_in(&long, 4),
            [r(3, 0), r(1, 0), r(3, 2), r(3, 1), r(4, 5)]
        );
        // The first later review beyond it, and not the last.
        let late: Vec<FSRSReview> = std::iter::once(r(1, 0))
            .chain(std::iter::repeat_n(r(3, 0), 8))
            .chain([r(2, 1), r(3, 0), r(3, 3)])
            .collect();
        assert_eq!(
            stand_in(&late, 4),
            [r(1, 0), r(3, 0), r(3, 0), r(2, 1), r(3, 3)]
        );
        // The last review is the first on a later day.
        let once: Vec<FSRSReview> = std::iter::once(r(1, 0))
            .chain(std::iter::repeat_n(r(3, 0), 8))
            .chain([r(3, 3)])
            .collect();
        assert_eq!(
            stand_in(&once, 4),
            [r(1, 0), r(3, 0), r(3, 0), r(3, 0), r(3, 3)]
        );
    }

    #[test]
    fn training_on_stand_ins_is_training_on_the_whole_set() {
        let items = daily(30, 25).items();
        let fit = |(train_set, card_ids): (Vec<FSRSItem>, Vec<i64>)| {
            fsrs::compute_parameters(ComputeParametersInput {
                train_set,
                card_ids: Some(card_ids),
                progress: None,
                enable_short_term: true,
                num_relearning_steps: Some(1),
                training_config: Some(TrainingConfig {
                    num_epochs: 2,
                    ..training_config(8)
                }),
            })
            .unwrap()
        };
        let (whole, _) = items.to_fsrs();
        assert!(whole.iter().filter(|i| i.reviews.len() > 8).count() > 300);
        assert_eq!(fit(items.training_set(8)), fit(items.to_fsrs()));
        let (short, _) = items.training_set(8);
        assert!(short.iter().all(|i| i.reviews.len() <= 9));
        assert_eq!(items.training_set(1000), items.to_fsrs());
    }

    #[test]
    fn a_fit_beats_the_defaults_and_fits_the_short_term_parameters() {
        let items = daily(60, 30).items();
        let fit = fit(&items, &[], 1, None).unwrap();
        assert_eq!(fit.items, items.len());
        assert!(fit.improved(), "{fit:?}");
        assert!(fit.parameters[17..20].iter().all(|&w| w > 0.0), "{fit:?}");
        assert_eq!(fit.after, evaluate(&items, &fit.parameters).unwrap());
    }

    #[test]
    fn too_little_history_says_how_much_more_is_needed() {
        let items = daily(5, 3).items();
        assert_eq!(items.len(), 10);
        let err = fit(&items, &[], 1, None).unwrap_err();
        assert_eq!(err, OptimizeError::NotEnough { have: 10, need: 64 });
        assert_eq!(
            err.to_string(),
            "not enough history to fit FSRS: 10 usable reviews of the 64 needed; 54 more reviews \
             are needed (a usable review is a card's first answer on a later day than its \
             previous one)"
        );
        assert_eq!(
            evaluate(&Items::default(), &[]),
            Err(OptimizeError::NotEnough { have: 0, need: 64 })
        );
    }

    #[test]
    fn rating_shares_need_enough_answers() {
        let mut h = history();
        for i in 0..60 {
            let card = format!("c{i}");
            let first = if i % 4 == 0 {
                Rating::Again
            } else {
                Rating::Good
            };
            h.add("r", &card, ts("2026-02-01T10:00:00Z"), first, Before::New);
            // Same day: not a passed answer on a later day.
            h.add(
                "r",
                &card,
                ts("2026-02-01T10:10:00Z"),
                Rating::Hard,
                Before::Learning,
            );
            h.add(
                "r",
                &card,
                ts("2026-02-03T10:00:00Z"),
                Rating::Easy,
                Before::Review,
            );
        }
        let (first, passed) = h.rating_shares();
        assert_eq!(first, Some([0.25, 0.0, 0.75, 0.0]));
        assert_eq!(passed, Some([0.0, 0.0, 1.0]));
        assert_eq!(history().rating_shares(), (None, None));
    }

    fn fixtures() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
    }

    /// The shared Anki sample as `recall import reviews` reads it, in a history with study
    /// days from 04:00 UTC, and the card ids by card number.
    fn sample() -> (History, Vec<String>) {
        let csv = std::fs::read(fixtures().join("progress/anki-revlog-sample.csv")).unwrap();
        let now = ts("2026-03-02T10:00:00Z");
        let log = super::super::import::parse_log(&csv, now).unwrap();
        assert!(log.bad.is_empty());
        let mut h = history();
        let mut names = Vec::new();
        for row in &log.rows {
            let slot = h.slot_of(None, &row.card_id);
            if slot as usize == names.len() {
                names.push(row.card_id.clone());
            }
            h.add_at(slot, row.time, row.rating, Before::of_state(row.state));
        }
        (h, names)
    }

    /// The sample made into items by recall (as `recall optimize` converts it) and by the
    /// `fsrs` crate's own conversion (tests/fixtures/fsrs/sample-items.tsv, made by
    /// make-reference-items.sh beside it): the same items, in the same order.
    #[test]
    fn the_sample_gives_the_reference_items() {
        let (h, names) = sample();
        let ours: Vec<String> = listed(&h.items())
            .into_iter()
            .map(|(card, reviews)| {
                let reviews: Vec<String> =
                    reviews.iter().map(|(r, d)| format!("{r}:{d}")).collect();
                format!("{}\t{}", names[card as usize], reviews.join(" "))
            })
            .collect();
        let reference = std::fs::read_to_string(fixtures().join("fsrs/sample-items.tsv")).unwrap();
        let reference: Vec<&str> = reference.lines().collect();
        assert_eq!(ours.len(), reference.len());
        for (i, (a, b)) in ours.iter().zip(&reference).enumerate() {
            assert_eq!(a, b, "item {i}");
        }
    }

    /// What Anki itself finds on the sample (tests/fixtures/fsrs/anki-reference.json, made by
    /// check-with-anki.py): its item count, and its measures of the default parameters and of
    /// the parameters it fits, which recall must find too (to the precision of `f32`); and
    /// recall's own fit, which is Anki's.
    #[test]
    fn the_sample_measures_as_anki_measures_it() {
        let anki: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(fixtures().join("fsrs/anki-reference.json")).unwrap(),
        )
        .unwrap();
        let items = sample().0.items();
        assert_eq!(items.len() as u64, anki["items"].as_u64().unwrap());
        let close = |ours: Evaluation, theirs: &serde_json::Value| {
            let log_loss = theirs["log_loss"].as_f64().unwrap() as f32;
            let rmse = theirs["rmse_bins"].as_f64().unwrap() as f32;
            assert!((ours.log_loss - log_loss).abs() < 1e-6, "{ours:?} {theirs}");
            assert!((ours.rmse_bins - rmse).abs() < 1e-6, "{ours:?} {theirs}");
        };
        close(evaluate(&items, &[]).unwrap(), &anki["defaults"]);
        let anki_fit: Vec<f32> = anki["anki_fit"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_f64().unwrap() as f32)
            .collect();
        close(evaluate(&items, &anki_fit).unwrap(), &anki["anki_fit"]);
        let fit = fit(&items, &[], 1, None).unwrap();
        assert!(fit.after.log_loss <= 0.4450, "{fit:?}");
        assert!(fit.improved());
        assert!(fit.parameters[17..20].iter().all(|&w| w > 0.0), "{fit:?}");
        for (ours, theirs) in fit.parameters.iter().zip(&anki_fit) {
            assert!(
                (ours - theirs).abs() < 1e-4,
                "{:?} {anki_fit:?}",
                fit.parameters
            );
        }
    }
}

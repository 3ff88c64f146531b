//! Scheduling with FSRS (the `fsrs` crate) plus what the crate leaves to the application:
//! study days with a day-start hour, learning and relearning steps, interval rounding, clamping
//! and fuzz, a maximum interval and an exam date. Pure: the current time is always an argument.
//!
//! # API
//! - [`Rating`], [`Phase`], [`CardState`] (`CardState::new(due)` for a card never answered).
//! - [`SchedulerConfig`] (every field documented; `Default` uses UTC, the caller passes the
//!   system zone) and [`Scheduler::new`] -> `Result<Scheduler, ScheduleError>`.
//! - [`Scheduler::answer`]`(state, rating, now, fuzz_seed) -> Answered { state, lapsed, became_leech }`.
//! - [`Scheduler::preview`]`(state, now) -> [(Rating, CardState); 4]` (fuzz off: the centre of
//!   the range the real answer lands in).
//! - [`Scheduler::study_day`], [`Scheduler::day_start`], [`Scheduler::is_due`],
//!   [`Scheduler::retrievability`], [`Scheduler::interval_secs`].
//! - Free functions: [`describe_interval`], [`new_cards_allowed`], [`parse_steps`].
//!
//! The FSRS maths (memory states, intervals, retrievability) all comes from the `fsrs` crate;
//! this module only decides which of its answers applies and turns days into timestamps.

use std::fmt;

use fsrs::{FSRS, MemoryState, NextStates};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};

const SECS_PER_DAY: i64 = 86_400;

#[cfg(test)]
mod reference_tests;

/// The learner's grade, as FSRS numbers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    /// All grades, in button order.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The FSRS number (1 to 4), as stored in the review log.
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: u8) -> Option<Rating> {
        match n {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }
}

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

impl Phase {
    /// The lowercase name used in the store and in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::New => "new",
            Phase::Learning => "learning",
            Phase::Review => "review",
            Phase::Relearning => "relearning",
        }
    }

    pub fn parse(s: &str) -> Option<Phase> {
        match s {
            "new" => Some(Phase::New),
            "learning" => Some(Phase::Learning),
            "review" => Some(Phase::Review),
            "relearning" => Some(Phase::Relearning),
            _ => None,
        }
    }
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
    /// The interval in days given at the last answer (0 while learning or relearning).
    pub interval_days: u32,
    pub reps: u32,
    pub lapses: u32,
}

impl CardState {
    /// A card that has never been answered. `due` is not used for new cards (daily limits decide
    /// when they appear); it is kept so every state has one.
    pub fn new(due: Timestamp) -> CardState {
        CardState {
            phase: Phase::New,
            step: 0,
            due,
            stability: None,
            difficulty: None,
            last_review: None,
            interval_days: 0,
            reps: 0,
            lapses: 0,
        }
    }

    fn memory(&self) -> Option<MemoryState> {
        match (self.stability, self.difficulty) {
            (Some(stability), Some(difficulty)) => Some(MemoryState {
                stability,
                difficulty,
            }),
            _ => None,
        }
    }
}

/// Everything the scheduler needs to know besides the card and the clock.
#[derive(Debug, Clone, PartialEq)]
pub struct SchedulerConfig {
    /// Learning steps for new cards, in seconds. Empty means pure FSRS: a new card goes straight
    /// to review.
    pub learning_steps: Vec<u32>,
    /// Relearning steps after a lapse, in seconds. Empty sends a lapsed card straight back to
    /// review with FSRS's "again" interval.
    pub relearning_steps: Vec<u32>,
    /// The recall probability FSRS aims for when it picks an interval (0.70 to 0.99).
    pub desired_retention: f32,
    /// The longest review interval, in days (at least 1).
    pub maximum_interval: u32,
    /// The local hour at which a new study day begins (0 to 23), so a late-night session still
    /// counts as the same day.
    pub day_start_hour: u8,
    /// The learner's time zone; study days are local.
    pub tz: TimeZone,
    /// Spread review intervals a little (seeded) so cards learnt together do not stay together.
    pub fuzz: bool,
    /// An exam date: review intervals never reach past the day before it.
    pub exam: Option<Date>,
    /// FSRS parameters (0, 17, 19 or 21 numbers); empty means the crate's defaults.
    pub parameters: Vec<f32>,
    /// A card becomes a leech when its lapses reach this number (0 turns leeches off).
    pub leech_threshold: u32,
}

impl Default for SchedulerConfig {
    fn default() -> SchedulerConfig {
        SchedulerConfig {
            learning_steps: vec![60, 600],
            relearning_steps: vec![600],
            desired_retention: 0.9,
            maximum_interval: 36_500,
            day_start_hour: 4,
            tz: TimeZone::UTC,
            fuzz: true,
            exam: None,
            parameters: Vec::new(),
            leech_threshold: 8,
        }
    }
}

/// A configuration the scheduler cannot work with.
#[derive(Debug, Clone, PartialEq)]
pub enum ScheduleError {
    /// FSRS takes 0, 17, 19 or 21 parameters.
    ParameterCount {
        found: usize,
    },
    /// `index` counts from 1, as a person reading the list would.
    ParameterNotFinite {
        index: usize,
    },
    /// The fsrs crate refused the parameters for a reason of its own.
    Parameters {
        message: String,
    },
    Retention {
        found: f32,
    },
    DayStartHour {
        found: u8,
    },
    MaximumInterval,
    /// A step of zero seconds would show the card again at once, forever.
    ZeroStep {
        which: &'static str,
    },
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleError::ParameterCount { found } => write!(
                f,
                "invalid FSRS parameters: expected 0, 17, 19 or 21 numbers, found {found}"
            ),
            ScheduleError::ParameterNotFinite { index } => {
                write!(f, "invalid FSRS parameters: number {index} is not finite")
            }
            ScheduleError::Parameters { message } => {
                write!(f, "invalid FSRS parameters: {message}")
            }
            ScheduleError::Retention { found } => write!(
                f,
                "desired retention must be between 0.70 and 0.99, found {found}"
            ),
            ScheduleError::DayStartHour { found } => {
                write!(f, "day start hour must be between 0 and 23, found {found}")
            }
            ScheduleError::MaximumInterval => {
                write!(f, "maximum interval must be at least 1 day")
            }
            ScheduleError::ZeroStep { which } => {
                write!(f, "{which} steps must be at least 1 second long")
            }
        }
    }
}

impl std::error::Error for ScheduleError {}

/// The outcome of one answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    pub state: CardState,
    /// A review card was forgotten (its lapse count went up).
    pub lapsed: bool,
    /// This lapse made the card a leech: at the threshold, then every half threshold (rounded
    /// up) after it, as Anki warns again.
    pub became_leech: bool,
}

/// FSRS with recall's settings, ready to answer cards.
#[derive(Debug, Clone)]
pub struct Scheduler {
    cfg: SchedulerConfig,
    fsrs: FSRS,
    /// The forgetting-curve decay (parameter 21) as the crate clips it; `current_retrievability`
    /// needs it and the crate keeps its own copy private.
    decay: f32,
    /// FSRS's answer for a card with no memory yet, used when a stored memory state is unusable
    /// (not finite) so `answer` never has to fail.
    fresh: NextStates,
}

impl Scheduler {
    pub fn new(cfg: SchedulerConfig) -> Result<Scheduler, ScheduleError> {
        if !matches!(cfg.parameters.len(), 0 | 17 | 19 | 21) {
            return Err(ScheduleError::ParameterCount {
                found: cfg.parameters.len(),
            });
        }
        if let Some(i) = cfg.parameters.iter().position(|w| !w.is_finite()) {
            return Err(ScheduleError::ParameterNotFinite { index: i + 1 });
        }
        if !(0.70..=0.99).contains(&cfg.desired_retention) {
            return Err(ScheduleError::Retention {
                found: cfg.desired_retention,
            });
        }
        if cfg.day_start_hour > 23 {
            return Err(ScheduleError::DayStartHour {
                found: cfg.day_start_hour,
            });
        }
        if cfg.maximum_interval == 0 {
            return Err(ScheduleError::MaximumInterval);
        }
        if cfg.learning_steps.contains(&0) {
            return Err(ScheduleError::ZeroStep { which: "learning" });
        }
        if cfg.relearning_steps.contains(&0) {
            return Err(ScheduleError::ZeroStep {
                which: "relearning",
            });
        }
        let crate_error = |e: fsrs::FSRSError| ScheduleError::Parameters {
            message: format!("{e:?}"),
        };
        let filled = fsrs::check_and_fill_parameters(&cfg.parameters).map_err(crate_error)?;
        let fsrs = FSRS::new(&cfg.parameters).map_err(crate_error)?;
        // The crate clips the decay into this range when it builds the model.
        let decay = filled[20].clamp(0.1, 0.8);
        let fresh = fsrs
            .next_states(None, cfg.desired_retention, 0)
            .map_err(crate_error)?;
        Ok(Scheduler {
            cfg,
            fsrs,
            decay,
            fresh,
        })
    }

    pub fn config(&self) -> &SchedulerConfig {
        &self.cfg
    }

    /// The study day `t` belongs to: its local date after moving the clock back by the day-start
    /// hour. Done on the civil clock, so a 23- or 25-hour day around a DST change still starts at
    /// the same local hour.
    pub fn study_day(&self, t: Timestamp) -> Date {
        let local = self.cfg.tz.to_datetime(t);
        local
            .checked_sub(i64::from(self.cfg.day_start_hour).hours())
            .map(|dt| dt.date())
            .unwrap_or_else(|_| local.date())
    }

    /// The instant a study day begins (the day-start hour, local). If that hour does not exist
    /// on the day (a DST gap), the first instant after the gap.
    pub fn day_start(&self, day: Date) -> Timestamp {
        let hour = i8::try_from(self.cfg.day_start_hour).unwrap_or(0);
        self.cfg
            .tz
            .to_ambiguous_timestamp(day.at(hour, 0, 0, 0))
            .compatible()
            .unwrap_or(if day < Date::ZERO {
                Timestamp::MIN
            } else {
                Timestamp::MAX
            })
    }

    /// Learning cards are due at their exact time; review cards for their whole study day. New
    /// cards are always available (daily limits, not due dates, hold them back). Suspension and
    /// burying live in the store's record, not here.
    pub fn is_due(&self, state: &CardState, now: Timestamp) -> bool {
        match state.phase {
            Phase::New => true,
            Phase::Learning | Phase::Relearning => state.due <= now,
            Phase::Review => self.study_day(state.due) <= self.study_day(now),
        }
    }

    /// FSRS's estimate that the card would be recalled at `now`; `None` before its first answer.
    pub fn retrievability(&self, state: &CardState, now: Timestamp) -> Option<f32> {
        let memory = state.memory()?;
        let last = state.last_review?;
        if !memory.stability.is_finite() || memory.stability <= 0.0 {
            return None;
        }
        let elapsed = (now.duration_since(last).as_secs_f64() / SECS_PER_DAY as f64).max(0.0);
        Some(fsrs::current_retrievability(
            memory,
            elapsed as f32,
            self.decay,
        ))
    }

    /// How long until a card in `after` comes back, for showing next to a grade: whole days for
    /// review cards (their time of day is the day start, not meaningful), otherwise seconds.
    pub fn interval_secs(&self, after: &CardState, now: Timestamp) -> u64 {
        match after.phase {
            Phase::Review => u64::from(after.interval_days) * SECS_PER_DAY as u64,
            _ => u64::try_from(after.due.duration_since(now).as_secs()).unwrap_or(0),
        }
    }

    /// What each grade would do to the card, with fuzz off.
    pub fn preview(&self, state: &CardState, now: Timestamp) -> [(Rating, CardState); 4] {
        Rating::ALL.map(|rating| (rating, self.schedule(state, rating, now, None).state))
    }

    /// Apply a grade. `fuzz_seed` makes the fuzz repeatable (derive it from the card and its
    /// review count, say); it is ignored when fuzz is off.
    pub fn answer(
        &self,
        state: &CardState,
        rating: Rating,
        now: Timestamp,
        fuzz_seed: u64,
    ) -> Answered {
        let fuzz = self.cfg.fuzz.then(|| fuzz_factor(fuzz_seed));
        self.schedule(state, rating, now, fuzz)
    }

    fn schedule(
        &self,
        state: &CardState,
        rating: Rating,
        now: Timestamp,
        fuzz: Option<f64>,
    ) -> Answered {
        let today = self.study_day(now);
        let elapsed = state
            .last_review
            .map(|last| days_between(self.study_day(last), today).max(0))
            .unwrap_or(0);
        let elapsed = u32::try_from(elapsed).unwrap_or(u32::MAX);
        let next = state
            .memory()
            .and_then(|m| {
                self.fsrs
                    .next_states(Some(m), self.cfg.desired_retention, elapsed)
                    .ok()
            })
            .unwrap_or_else(|| self.fresh.clone());
        let chosen = match rating {
            Rating::Again => &next.again,
            Rating::Hard => &next.hard,
            Rating::Good => &next.good,
            Rating::Easy => &next.easy,
        };

        let mut after = state.clone();
        after.reps = state.reps.saturating_add(1);
        after.last_review = Some(now);
        after.stability = Some(chosen.memory.stability);
        after.difficulty = Some(chosen.memory.difficulty);

        let ctx = Ctx {
            now,
            today,
            next: &next,
            fuzz,
            maximum: self.maximum_interval(today),
        };
        let mut lapsed = false;
        match state.phase {
            Phase::New => {
                let steps = &self.cfg.learning_steps;
                self.step_or_graduate(&mut after, Phase::Learning, steps, 0, rating, &ctx);
            }
            Phase::Learning => {
                let steps = &self.cfg.learning_steps;
                self.step_or_graduate(&mut after, Phase::Learning, steps, state.step, rating, &ctx);
            }
            Phase::Relearning => {
                let steps = &self.cfg.relearning_steps;
                let phase = Phase::Relearning;
                self.step_or_graduate(&mut after, phase, steps, state.step, rating, &ctx);
            }
            Phase::Review => {
                if rating == Rating::Again {
                    lapsed = true;
                    after.lapses = state.lapses.saturating_add(1);
                    match self.cfg.relearning_steps.first() {
                        Some(&first) => self.to_step(&mut after, Phase::Relearning, 0, first, &ctx),
                        None => {
                            let days = ctx.interval(next.again.interval, 1);
                            self.to_review(&mut after, days, today);
                        }
                    }
                } else {
                    let days = ctx.passing(rating);
                    self.to_review(&mut after, days, today);
                }
            }
        }

        let became_leech = lapsed && self.is_leech_lapse(after.lapses);
        Answered {
            state: after,
            lapsed,
            became_leech,
        }
    }

    /// The Anki learning-step rules, shared by learning and relearning (`phase`).
    fn step_or_graduate(
        &self,
        after: &mut CardState,
        phase: Phase,
        steps: &[u32],
        step: u32,
        rating: Rating,
        ctx: &Ctx,
    ) {
        if steps.is_empty() {
            let days = if rating == Rating::Again {
                ctx.interval(ctx.next.again.interval, 1)
            } else {
                ctx.passing(rating)
            };
            self.to_review(after, days, ctx.today);
            return;
        }
        // The steps may have been shortened since the card entered them.
        let index = (step as usize).min(steps.len() - 1);
        match rating {
            Rating::Again => self.to_step(after, phase, 0, steps[0], ctx),
            Rating::Hard => self.to_step(after, phase, index, hard_delay(steps, index), ctx),
            Rating::Good => match steps.get(index + 1) {
                Some(&secs) => self.to_step(after, phase, index + 1, secs, ctx),
                None => self.to_review(after, ctx.passing(Rating::Good), ctx.today),
            },
            Rating::Easy => self.to_review(after, ctx.passing(Rating::Easy), ctx.today),
        }
    }

    fn to_step(&self, after: &mut CardState, phase: Phase, index: usize, secs: u32, ctx: &Ctx) {
        after.phase = phase;
        after.step = u32::try_from(index).unwrap_or(u32::MAX);
        after.interval_days = 0;
        after.due = if i64::from(secs) >= SECS_PER_DAY {
            // A step of a day or more is counted in study days, as a review would be.
            let days = (f64::from(secs) / SECS_PER_DAY as f64).round() as i64;
            self.day_start(ctx.today.saturating_add(days.days()))
        } else {
            ctx.now
                .saturating_add(SignedDuration::from_secs(i64::from(secs)))
                .unwrap_or(Timestamp::MAX)
        };
    }

    fn to_review(&self, after: &mut CardState, days: u32, today: Date) {
        after.phase = Phase::Review;
        after.step = 0;
        after.interval_days = days;
        after.due = self.day_start(today.saturating_add(i64::from(days).days()));
    }

    /// The longest interval allowed today: the configured maximum, or fewer days when an exam
    /// is coming so the card is seen again before it.
    fn maximum_interval(&self, today: Date) -> u32 {
        let maximum = self.cfg.maximum_interval;
        match self.cfg.exam {
            Some(exam) if exam > today => {
                let until_eve = days_between(today, exam) - 1;
                maximum.min(u32::try_from(until_eve.max(1)).unwrap_or(u32::MAX))
            }
            _ => maximum,
        }
    }

    fn is_leech_lapse(&self, lapses: u32) -> bool {
        let threshold = self.cfg.leech_threshold;
        if threshold == 0 || lapses < threshold {
            return false;
        }
        (lapses - threshold).is_multiple_of(threshold.div_ceil(2))
    }
}

/// What one answer's interval choices depend on.
struct Ctx<'a> {
    now: Timestamp,
    today: Date,
    next: &'a NextStates,
    fuzz: Option<f64>,
    maximum: u32,
}

impl Ctx<'_> {
    fn interval(&self, days: f32, minimum: u32) -> u32 {
        constrain_interval(days, minimum, self.maximum, self.fuzz)
    }

    /// Anki's passing intervals: each grade at least one day more than the one below.
    fn passing(&self, rating: Rating) -> u32 {
        let hard = self.interval(self.next.hard.interval, 1);
        let good = self.interval(self.next.good.interval, hard.saturating_add(1));
        let easy = self.interval(self.next.easy.interval, good.saturating_add(1));
        match rating {
            Rating::Again | Rating::Hard => hard,
            Rating::Good => good,
            Rating::Easy => easy,
        }
    }
}

/// Anki's hard delay: on the first step, halfway to the second (or half as long again, at most
/// a day more, when there is only one); later, the current step repeated.
fn hard_delay(steps: &[u32], index: usize) -> u32 {
    let current = steps[index];
    if index > 0 {
        return current;
    }
    match steps.get(1) {
        Some(&next) => ((u64::from(current) + u64::from(next)) / 2) as u32,
        None => {
            let longer = u64::from(current) * 3 / 2;
            longer.min(u64::from(current) + SECS_PER_DAY as u64) as u32
        }
    }
}

/// Round, fuzz and clamp an interval in days, as Anki's `with_review_fuzz` does. `maximum` is
/// at least 1 (checked in `Scheduler::new`; the exam cap never goes below 1).
fn constrain_interval(days: f32, minimum: u32, maximum: u32, fuzz: Option<f64>) -> u32 {
    let maximum = maximum.max(1);
    let minimum = minimum.clamp(1, maximum);
    let days = if days.is_finite() {
        days
    } else {
        maximum as f32
    };
    match fuzz {
        Some(factor) => {
            let (lower, upper) = constrained_fuzz_bounds(days, minimum, maximum);
            let width = f64::from(upper - lower + 1);
            (f64::from(lower) + factor * width).floor() as u32
        }
        None => (days.round().max(0.0) as u32).clamp(minimum, maximum),
    }
}

fn constrained_fuzz_bounds(days: f32, minimum: u32, maximum: u32) -> (u32, u32) {
    let days = days.clamp(minimum as f32, maximum as f32);
    let (lower, upper) = fuzz_bounds(days);
    let lower = lower.clamp(minimum, maximum);
    let mut upper = upper.clamp(minimum, maximum);
    if upper == lower && upper > 2 && upper < maximum {
        upper = lower + 1;
    }
    (lower, upper)
}

/// The days an interval may be fuzzed to (Anki's ranges): none below 2.5 days, then 15% of the
/// part up to 7 days, 10% up to 20 days and 5% beyond, on top of one day.
fn fuzz_bounds(days: f32) -> (u32, u32) {
    let delta = if days < 2.5 {
        0.0
    } else {
        [
            (2.5f32, 7.0f32, 0.15f32),
            (7.0, 20.0, 0.10),
            (20.0, f32::MAX, 0.05),
        ]
        .iter()
        .fold(1.0, |delta, &(start, end, factor)| {
            delta + factor * (days.min(end) - start).max(0.0)
        })
    };
    (
        (days - delta).round().max(0.0) as u32,
        (days + delta).round().max(0.0) as u32,
    )
}

/// A number in [0, 1) from a seed. SplitMix64 rather than a `rand` generator so the fuzz (and
/// tests pinned to it) stays the same across dependency upgrades.
fn fuzz_factor(seed: u64) -> f64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// Study-day questions asked of many instants at once (every card when a queue is built,
/// every answer of the log for statistics), without a time-zone conversion for each.
///
/// Instants are compared with the bounds of today where the answer is certain, and given to
/// the scheduler's own calendar only near them: within two hours, which covers every
/// daylight-saving shift. Other days are looked up once and remembered, so a log read in time
/// order converts about once per day rather than once per answer.
#[derive(Debug, Clone)]
pub struct DayClock<'s> {
    scheduler: &'s Scheduler,
    today: Date,
    /// Instants certainly in today: `[sure_from, sure_until)`; certainly before today:
    /// `< before`; certainly after today: `>= after`.
    sure_from: Timestamp,
    sure_until: Timestamp,
    before: Timestamp,
    after: Timestamp,
    /// The last other day looked up: its bounds and its offset from today.
    last: Option<(Timestamp, Timestamp, i32)>,
}

impl<'s> DayClock<'s> {
    pub fn new(scheduler: &'s Scheduler, now: Timestamp) -> DayClock<'s> {
        let today = scheduler.study_day(now);
        let start = scheduler.day_start(today);
        let end = today
            .tomorrow()
            .map_or(Timestamp::MAX, |d| scheduler.day_start(d));
        let margin = SignedDuration::from_hours(2);
        let shift = |t: Timestamp, by: SignedDuration| {
            t.checked_add(by).unwrap_or(if by.is_negative() {
                Timestamp::MIN
            } else {
                Timestamp::MAX
            })
        };
        DayClock {
            scheduler,
            today,
            sure_from: shift(start, margin),
            sure_until: shift(end, -margin),
            before: shift(start, -margin),
            after: shift(end, margin),
            last: None,
        }
    }

    /// The study day `now` falls on.
    pub fn today(&self) -> Date {
        self.today
    }

    /// Whether `t` falls on today's study day.
    pub fn is_today(&self, t: Timestamp) -> bool {
        if t < self.before || t >= self.after {
            false
        } else if t >= self.sure_from && t < self.sure_until {
            true
        } else {
            self.scheduler.study_day(t) == self.today
        }
    }

    /// As `Scheduler::is_due` for a card in review due at `due`: due on or before today.
    pub fn is_due_review(&self, due: Timestamp) -> bool {
        if due < self.before {
            true
        } else if due >= self.after {
            false
        } else {
            self.scheduler.study_day(due) <= self.today
        }
    }

    /// Study days from today to the day of `t` (negative for earlier days).
    pub fn offset(&mut self, t: Timestamp) -> i32 {
        if t >= self.sure_from && t < self.sure_until {
            return 0;
        }
        if let Some((start, end, n)) = self.last
            && start <= t
            && t < end
        {
            return n;
        }
        let day = self.scheduler.study_day(t);
        let n = i32::try_from(days_between(self.today, day)).unwrap_or(if day < self.today {
            i32::MIN
        } else {
            i32::MAX
        });
        if let Ok(next) = day.tomorrow() {
            let bounds = (
                self.scheduler.day_start(day),
                self.scheduler.day_start(next),
            );
            self.last = Some((bounds.0, bounds.1, n));
        }
        n
    }
}

/// Whole days from `from` to `to` (negative if `to` is earlier).
fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_secs() / SECS_PER_DAY
}

/// A short human form of a wait: "30s", "10m", "1.5h", "3d", "2.1mo", "1.5y" (one decimal at
/// most; a month is 30 days and a year 365).
pub fn describe_interval(secs: u64) -> String {
    const MINUTE: f64 = 60.0;
    const HOUR: f64 = 3_600.0;
    const DAY: f64 = 86_400.0;
    const MONTH: f64 = 30.0 * DAY;
    const YEAR: f64 = 365.0 * DAY;
    let s = secs as f64;
    let (value, unit) = if s < MINUTE {
        (s, "s")
    } else if s < HOUR {
        (s / MINUTE, "m")
    } else if s < DAY {
        (s / HOUR, "h")
    } else if s < MONTH {
        (s / DAY, "d")
    } else if s < YEAR {
        (s / MONTH, "mo")
    } else {
        (s / YEAR, "y")
    };
    let tenths = (value * 10.0).round() as u64;
    if tenths.is_multiple_of(10) {
        format!("{}{unit}", tenths / 10)
    } else {
        format!("{}.{}{unit}", tenths / 10, tenths % 10)
    }
}

/// How many new cards may still be introduced today, `introduced_today` having been already.
/// Today's quota, without an exam (or once it has passed), is the base limit. With an exam
/// ahead, it is at least enough per day to introduce every new card left this morning by a
/// week before the exam, leaving time to review each a few times; within that last week, all
/// of them at once. Cards introduced today count against the quota once, and no more than
/// `new_remaining` (the cards still new) are ever allowed.
pub fn new_cards_allowed(
    base_limit: u32,
    new_remaining: u32,
    introduced_today: u32,
    today: Date,
    exam: Option<Date>,
) -> u32 {
    let quota = match exam {
        Some(exam) if exam > today => {
            let target = exam.saturating_sub(7.days());
            let days_left = days_between(today, target);
            if days_left <= 0 {
                return new_remaining;
            }
            // Today through the target day inclusive, from what was new when today began.
            let days = u64::try_from(days_left + 1).unwrap_or(u64::MAX);
            let morning = u64::from(new_remaining) + u64::from(introduced_today);
            let needed = u32::try_from(morning.div_ceil(days)).unwrap_or(u32::MAX);
            base_limit.max(needed)
        }
        _ => base_limit,
    };
    quota.saturating_sub(introduced_today).min(new_remaining)
}

/// Parse steps written as "30s", "1m", "10m", "1.5h" or "2d" into seconds.
pub fn parse_steps(steps: &[String]) -> Result<Vec<u32>, String> {
    steps.iter().map(|s| parse_step(s)).collect()
}

fn parse_step(text: &str) -> Result<u32, String> {
    let bad = || {
        format!(
            "invalid step \"{text}\": expected a number followed by s, m, h or d (e.g. \"10m\")"
        )
    };
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .ok_or_else(bad)?;
    let (number, unit) = trimmed.split_at(split);
    let unit_secs = match unit {
        "s" => 1.0,
        "m" => 60.0,
        "h" => 3_600.0,
        "d" => 86_400.0,
        _ => return Err(bad()),
    };
    if number.is_empty() || number.starts_with('.') || number.ends_with('.') {
        return Err(bad());
    }
    let value: f64 = number.parse().map_err(|_| bad())?;
    let secs = value * unit_secs;
    if secs < 1.0 {
        return Err(format!(
            "invalid step \"{text}\": a step must be at least 1s"
        ));
    }
    if secs.fract() != 0.0 {
        return Err(format!(
            "invalid step \"{text}\": not a whole number of seconds"
        ));
    }
    if secs > f64::from(u32::MAX) {
        return Err(format!("invalid step \"{text}\": too long"));
    }
    Ok(secs as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn plain() -> SchedulerConfig {
        SchedulerConfig {
            fuzz: false,
            ..SchedulerConfig::default()
        }
    }

    fn scheduler(cfg: SchedulerConfig) -> Scheduler {
        Scheduler::new(cfg).unwrap()
    }

    fn answer(s: &Scheduler, state: &CardState, rating: Rating, now: &str) -> Answered {
        s.answer(state, rating, ts(now), 7)
    }

    const T0: &str = "2026-05-01T10:00:00Z";

    fn new_card() -> CardState {
        CardState::new(ts(T0))
    }

    /// A review card last seen on 2026-04-01 with the given stability and interval.
    fn review_card(stability: f32, interval_days: u32) -> CardState {
        CardState {
            phase: Phase::Review,
            step: 0,
            due: ts("2026-05-01T04:00:00Z"),
            stability: Some(stability),
            difficulty: Some(5.0),
            last_review: Some(ts("2026-04-01T10:00:00Z")),
            interval_days,
            reps: 5,
            lapses: 0,
        }
    }

    #[test]
    fn day_clock_agrees_with_the_scheduler_around_daylight_saving_changes() {
        let zones = [
            "Europe/Berlin",
            "America/St_Johns",
            "Australia/Lord_Howe",
            "UTC",
        ];
        for zone in zones {
            for hour in [0, 2, 4] {
                let s = Scheduler::new(SchedulerConfig {
                    tz: jiff::tz::TimeZone::get(zone).unwrap(),
                    day_start_hour: hour,
                    ..SchedulerConfig::default()
                })
                .unwrap();
                // Nows on the days the clocks change in 2026, and the instants around them.
                for now in [
                    "2026-03-29T01:30:00Z",
                    "2026-10-25T00:45:00Z",
                    "2026-04-05T15:10:00Z",
                ] {
                    let now: Timestamp = now.parse().unwrap();
                    let mut days = DayClock::new(&s, now);
                    let today = s.study_day(now);
                    let mut t = now - jiff::SignedDuration::from_hours(80);
                    while t < now + jiff::SignedDuration::from_hours(80) {
                        let day = s.study_day(t);
                        assert_eq!(days.is_today(t), day == today, "{zone} {hour} {now} {t}");
                        assert_eq!(
                            days.is_due_review(t),
                            day <= today,
                            "{zone} {hour} {now} {t}"
                        );
                        assert_eq!(
                            i64::from(days.offset(t)),
                            days_between(today, day),
                            "{zone} {hour} {now} {t}"
                        );
                        t += jiff::SignedDuration::from_mins(7);
                    }
                }
            }
        }
    }

    /// A day clock for `now` whose certain bounds are set by hand, here inside today or
    /// across tomorrow, where they disagree with the calendar: whatever the clock answers
    /// from its bounds rather than from the calendar shows.
    fn skewed<'s>(s: &'s Scheduler, bounds: [&str; 4]) -> DayClock<'s> {
        let [before, sure_from, sure_until, after] = bounds.map(ts);
        DayClock {
            before,
            sure_from,
            sure_until,
            after,
            ..DayClock::new(s, ts("2026-03-02T10:00:00Z"))
        }
    }

    #[test]
    fn day_clock_answers_from_its_bounds_where_they_are_certain() {
        let s = scheduler(plain());
        let now = ts("2026-03-02T10:00:00Z");
        assert_eq!(DayClock::new(&s, now).today(), date(2026, 3, 2));
        // Today is 2026-03-02 04:00 to 2026-03-03 04:00. Bounds inside today: before them and
        // from `after` on, "not today", though the calendar says today.
        let c = skewed(
            &s,
            [
                "2026-03-02T08:00:00Z",
                "2026-03-02T12:00:00Z",
                "2026-03-02T16:00:00Z",
                "2026-03-02T20:00:00Z",
            ],
        );
        for (t, today) in [
            ("2026-03-02T07:00:00Z", false),
            ("2026-03-02T08:00:00Z", true),
            ("2026-03-02T19:59:00Z", true),
            ("2026-03-02T20:00:00Z", false),
            ("2026-03-02T21:00:00Z", false),
        ] {
            assert_eq!(c.is_today(ts(t)), today, "{t}");
        }
        // A certain window across tomorrow's start: "today" inside it, the calendar outside.
        let c = skewed(
            &s,
            [
                "2026-03-02T08:00:00Z",
                "2026-03-03T05:00:00Z",
                "2026-03-03T09:00:00Z",
                "2026-03-03T12:00:00Z",
            ],
        );
        for (t, today) in [
            ("2026-03-03T04:59:00Z", false),
            ("2026-03-03T05:00:00Z", true),
            ("2026-03-03T07:00:00Z", true),
            ("2026-03-03T09:00:00Z", false),
            ("2026-03-03T10:00:00Z", false),
        ] {
            assert_eq!(c.is_today(ts(t)), today, "{t}");
        }
        let mut c2 = c.clone();
        assert_eq!(
            c2.offset(ts("2026-03-03T05:00:00Z")),
            0,
            "inside the window"
        );
        assert_eq!(c2.offset(ts("2026-03-03T08:59:00Z")), 0);
        assert_eq!(c2.offset(ts("2026-03-03T09:00:00Z")), 1, "the calendar");
        assert_eq!(c2.offset(ts("2026-03-03T04:00:00Z")), 1);
        // Due before `before` is due, from `after` on is not, whatever the calendar says.
        let c = skewed(
            &s,
            [
                "2026-03-03T08:00:00Z",
                "2026-03-04T00:00:00Z",
                "2026-03-04T00:00:00Z",
                "2026-03-03T12:00:00Z",
            ],
        );
        assert!(c.is_due_review(ts("2026-03-03T06:00:00Z")), "before");
        assert!(
            !c.is_due_review(ts("2026-03-03T08:00:00Z")),
            "at `before`: the calendar"
        );
        let c = skewed(
            &s,
            [
                "2026-03-01T00:00:00Z",
                "2026-03-01T00:00:00Z",
                "2026-03-01T00:00:00Z",
                "2026-03-02T06:00:00Z",
            ],
        );
        assert!(
            !c.is_due_review(ts("2026-03-02T07:00:00Z")),
            "from `after` on"
        );
        assert!(c.is_due_review(ts("2026-03-02T05:00:00Z")), "the calendar");
    }

    #[test]
    fn day_clock_remembers_the_last_day_it_looked_up() {
        let s = scheduler(plain());
        let mut c = DayClock::new(&s, ts("2026-03-02T10:00:00Z"));
        // A remembered day, set by hand to a wrong offset, answers for its own bounds only.
        c.last = Some((ts("2026-03-05T04:00:00Z"), ts("2026-03-06T04:00:00Z"), 9));
        assert_eq!(c.offset(ts("2026-03-05T04:00:00Z")), 9, "from its start");
        assert_eq!(c.offset(ts("2026-03-06T03:59:00Z")), 9);
        assert_eq!(
            c.offset(ts("2026-03-06T04:00:00Z")),
            4,
            "its end is the next day"
        );
        assert_eq!(c.offset(ts("2026-03-05T03:59:00Z")), 2, "before its start");
        assert_eq!(c.offset(ts("2026-02-20T10:00:00Z")), -10);
        // Looking a day up remembers it.
        assert_eq!(
            c.last,
            Some((ts("2026-02-20T04:00:00Z"), ts("2026-02-21T04:00:00Z"), -10))
        );
    }

    #[test]
    fn new_card_good_moves_to_second_learning_step() {
        let s = scheduler(plain());
        let a = answer(&s, &new_card(), Rating::Good, T0);
        assert_eq!(a.state.phase, Phase::Learning);
        assert_eq!(a.state.step, 1);
        assert_eq!(a.state.due, ts("2026-05-01T10:10:00Z"));
        assert_eq!(a.state.reps, 1);
        assert_eq!(a.state.interval_days, 0);
        assert_eq!(a.state.last_review, Some(ts(T0)));
        assert_eq!(a.state.stability, Some(2.3065));
        assert!(!a.lapsed);
    }

    #[test]
    fn new_card_again_starts_first_step() {
        let s = scheduler(plain());
        let a = answer(&s, &new_card(), Rating::Again, T0);
        assert_eq!((a.state.phase, a.state.step), (Phase::Learning, 0));
        assert_eq!(a.state.due, ts("2026-05-01T10:01:00Z"));
    }

    #[test]
    fn hard_on_first_step_waits_halfway_to_the_second() {
        let s = scheduler(plain());
        let a = answer(&s, &new_card(), Rating::Hard, T0);
        assert_eq!((a.state.phase, a.state.step), (Phase::Learning, 0));
        assert_eq!(a.state.due, ts("2026-05-01T10:05:30Z"));
    }

    #[test]
    fn hard_on_a_single_step_waits_half_as_long_again() {
        let s = scheduler(SchedulerConfig {
            learning_steps: vec![600],
            ..plain()
        });
        let a = answer(&s, &new_card(), Rating::Hard, T0);
        assert_eq!(a.state.due, ts("2026-05-01T10:15:00Z"));
    }

    #[test]
    fn hard_on_a_later_step_repeats_it() {
        let s = scheduler(plain());
        let first = answer(&s, &new_card(), Rating::Good, T0).state;
        let a = answer(&s, &first, Rating::Hard, "2026-05-01T10:10:00Z");
        assert_eq!((a.state.phase, a.state.step), (Phase::Learning, 1));
        assert_eq!(a.state.due, ts("2026-05-01T10:20:00Z"));
    }

    #[test]
    fn again_in_learning_goes_back_to_the_first_step() {
        let s = scheduler(plain());
        let first = answer(&s, &new_card(), Rating::Good, T0).state;
        let a = answer(&s, &first, Rating::Again, "2026-05-01T10:10:00Z");
        assert_eq!((a.state.phase, a.state.step), (Phase::Learning, 0));
        assert_eq!(a.state.due, ts("2026-05-01T10:11:00Z"));
        assert_eq!(a.state.reps, 2);
        assert!(!a.lapsed);
    }

    #[test]
    fn good_on_the_last_step_graduates() {
        let s = scheduler(plain());
        let first = answer(&s, &new_card(), Rating::Good, T0).state;
        let a = answer(&s, &first, Rating::Good, "2026-05-01T10:10:00Z");
        assert_eq!(a.state.phase, Phase::Review);
        assert_eq!(a.state.step, 0);
        // Same-day FSRS update of a 2.3065-day stability; rounds to 3 days.
        assert_eq!(a.state.interval_days, 3);
        assert_eq!(a.state.due, ts("2026-05-04T04:00:00Z"));
    }

    #[test]
    fn easy_graduates_a_new_card_at_once() {
        let s = scheduler(plain());
        let a = answer(&s, &new_card(), Rating::Easy, T0);
        assert_eq!(a.state.phase, Phase::Review);
        assert_eq!(a.state.interval_days, 8);
        assert_eq!(a.state.due, ts("2026-05-09T04:00:00Z"));
    }

    #[test]
    fn empty_learning_steps_send_new_cards_straight_to_review() {
        let s = scheduler(SchedulerConfig {
            learning_steps: vec![],
            ..plain()
        });
        let days: Vec<(Phase, u32)> = Rating::ALL
            .iter()
            .map(|&r| {
                let a = answer(&s, &new_card(), r, T0);
                (a.state.phase, a.state.interval_days)
            })
            .collect();
        assert_eq!(
            days,
            [
                (Phase::Review, 1),
                (Phase::Review, 1),
                (Phase::Review, 2),
                (Phase::Review, 8)
            ]
        );
    }

    #[test]
    fn review_again_lapses_into_relearning() {
        let s = scheduler(plain());
        let a = answer(&s, &review_card(30.0, 30), Rating::Again, T0);
        assert!(a.lapsed);
        assert!(!a.became_leech);
        assert_eq!(a.state.lapses, 1);
        assert_eq!((a.state.phase, a.state.step), (Phase::Relearning, 0));
        assert_eq!(a.state.due, ts("2026-05-01T10:10:00Z"));
        assert_eq!(a.state.interval_days, 0);
    }

    #[test]
    fn good_after_relearning_returns_to_review() {
        let s = scheduler(plain());
        let lapsed = answer(&s, &review_card(30.0, 30), Rating::Again, T0).state;
        let a = answer(&s, &lapsed, Rating::Good, "2026-05-01T10:10:00Z");
        assert!(!a.lapsed);
        assert_eq!(a.state.phase, Phase::Review);
        assert_eq!(a.state.lapses, 1);
        assert!(a.state.interval_days >= 1);
        assert_eq!(
            a.state.due,
            s.day_start(date(2026, 5, 1).saturating_add(i64::from(a.state.interval_days).days()))
        );
    }

    #[test]
    fn again_in_relearning_does_not_count_another_lapse() {
        let s = scheduler(plain());
        let lapsed = answer(&s, &review_card(30.0, 30), Rating::Again, T0).state;
        let a = answer(&s, &lapsed, Rating::Again, "2026-05-01T10:10:00Z");
        assert!(!a.lapsed);
        assert_eq!(a.state.lapses, 1);
        assert_eq!(a.state.phase, Phase::Relearning);
    }

    #[test]
    fn empty_relearning_steps_keep_a_lapsed_card_in_review() {
        let s = scheduler(SchedulerConfig {
            relearning_steps: vec![],
            ..plain()
        });
        let a = answer(&s, &review_card(30.0, 30), Rating::Again, T0);
        assert!(a.lapsed);
        assert_eq!(a.state.phase, Phase::Review);
        let expected = s
            .fsrs
            .next_states(
                Some(MemoryState {
                    stability: 30.0,
                    difficulty: 5.0,
                }),
                0.9,
                30,
            )
            .unwrap()
            .again
            .interval
            .round()
            .max(1.0) as u32;
        assert_eq!(a.state.interval_days, expected);
    }

    #[test]
    fn leech_at_threshold_then_every_half_threshold() {
        let s = scheduler(plain());
        let leech_after = |lapses: u32| {
            let card = CardState {
                lapses,
                ..review_card(30.0, 30)
            };
            answer(&s, &card, Rating::Again, T0).became_leech
        };
        assert_eq!(
            (6..13).map(leech_after).collect::<Vec<_>>(),
            [false, true, false, false, false, true, false]
        );
    }

    #[test]
    fn leech_threshold_zero_turns_leeches_off() {
        let s = scheduler(SchedulerConfig {
            leech_threshold: 0,
            ..plain()
        });
        let card = CardState {
            lapses: 20,
            ..review_card(30.0, 30)
        };
        assert!(!answer(&s, &card, Rating::Again, T0).became_leech);
    }

    #[test]
    fn review_intervals_strictly_increase_with_the_grade() {
        let s = scheduler(plain());
        let card = review_card(30.0, 30);
        let days: Vec<u32> = [Rating::Hard, Rating::Good, Rating::Easy]
            .iter()
            .map(|&r| answer(&s, &card, r, T0).state.interval_days)
            .collect();
        assert!(days[0] < days[1] && days[1] < days[2], "{days:?}");
        assert!(days[0] > 30, "{days:?}");
    }

    #[test]
    fn maximum_interval_caps_every_grade() {
        let s = scheduler(SchedulerConfig {
            maximum_interval: 5,
            ..plain()
        });
        let card = review_card(30.0, 5);
        for r in [Rating::Hard, Rating::Good, Rating::Easy] {
            let a = answer(&s, &card, r, T0);
            assert_eq!(a.state.interval_days, 5, "{r:?}");
            assert_eq!(a.state.due, ts("2026-05-06T04:00:00Z"));
        }
    }

    #[test]
    fn fuzz_is_deterministic_for_a_seed() {
        let s = scheduler(SchedulerConfig {
            fuzz: true,
            ..plain()
        });
        let card = review_card(30.0, 30);
        let a = s.answer(&card, Rating::Good, ts(T0), 42);
        let b = s.answer(&card, Rating::Good, ts(T0), 42);
        assert_eq!(a, b);
    }

    #[test]
    fn fuzz_stays_in_anki_range_and_varies() {
        let fuzzy = scheduler(SchedulerConfig {
            fuzz: true,
            ..plain()
        });
        let exact = scheduler(plain());
        let card = review_card(30.0, 30);
        let centre = exact.answer(&card, Rating::Good, ts(T0), 0);
        let centre = centre.state.interval_days as f32;
        let (lower, upper) = fuzz_bounds(centre);
        let seen: std::collections::BTreeSet<u32> = (0..300)
            .map(|seed| {
                fuzzy
                    .answer(&card, Rating::Good, ts(T0), seed)
                    .state
                    .interval_days
            })
            .collect();
        assert!(seen.iter().all(|d| (lower..=upper).contains(d)), "{seen:?}");
        assert!(seen.len() >= 3, "{seen:?}");
    }

    #[test]
    fn fuzz_bounds_follow_anki_ranges() {
        assert_eq!(fuzz_bounds(2.4), (2, 2));
        // 1 + 0.15 * 2.5 = 1.375
        assert_eq!(fuzz_bounds(5.0), (4, 6));
        // 1 + 0.15 * 4.5 + 0.1 * 3 = 1.975
        assert_eq!(fuzz_bounds(10.0), (8, 12));
        // 1 + 0.675 + 1.3 + 0.05 * 80 = 6.975
        assert_eq!(fuzz_bounds(100.0), (93, 107));
    }

    #[test]
    fn fuzz_never_goes_below_the_minimum() {
        assert_eq!(constrain_interval(2.0, 1, 100, Some(0.0)), 2);
        assert_eq!(constrain_interval(10.0, 11, 100, Some(0.0)), 11);
        assert_eq!(constrain_interval(10.0, 1, 100, Some(0.999)), 12);
    }

    #[test]
    fn exam_caps_review_to_the_day_before() {
        let s = scheduler(SchedulerConfig {
            exam: Some(date(2026, 5, 6)),
            ..plain()
        });
        let a = answer(&s, &review_card(30.0, 30), Rating::Good, T0);
        assert_eq!(a.state.interval_days, 4);
        assert_eq!(a.state.due, ts("2026-05-05T04:00:00Z"));
    }

    #[test]
    fn exam_tomorrow_still_gives_one_day() {
        let s = scheduler(SchedulerConfig {
            exam: Some(date(2026, 5, 2)),
            ..plain()
        });
        let a = answer(&s, &review_card(30.0, 30), Rating::Easy, T0);
        assert_eq!(a.state.interval_days, 1);
    }

    #[test]
    fn past_exam_does_not_cap() {
        let s = scheduler(SchedulerConfig {
            exam: Some(date(2026, 4, 1)),
            ..plain()
        });
        let a = answer(&s, &review_card(30.0, 30), Rating::Good, T0);
        assert!(a.state.interval_days > 30);
    }

    #[test]
    fn study_day_turns_at_day_start_hour() {
        let s = scheduler(plain());
        assert_eq!(s.study_day(ts("2026-05-01T03:59:59Z")), date(2026, 4, 30));
        assert_eq!(s.study_day(ts("2026-05-01T04:00:00Z")), date(2026, 5, 1));
        assert_eq!(s.day_start(date(2026, 5, 1)), ts("2026-05-01T04:00:00Z"));
    }

    #[test]
    fn review_card_is_due_from_the_start_of_its_day() {
        let s = scheduler(plain());
        let card = CardState {
            due: ts("2026-05-03T04:00:00Z"),
            ..review_card(30.0, 30)
        };
        assert!(!s.is_due(&card, ts("2026-05-03T03:59:59Z")));
        assert!(s.is_due(&card, ts("2026-05-03T04:00:00Z")));
        assert!(s.is_due(&card, ts("2026-05-07T12:00:00Z")));
    }

    #[test]
    fn learning_card_is_due_at_its_exact_time() {
        let s = scheduler(plain());
        let a = answer(&s, &new_card(), Rating::Good, T0).state;
        assert!(!s.is_due(&a, ts("2026-05-01T10:09:59Z")));
        assert!(s.is_due(&a, ts("2026-05-01T10:10:00Z")));
    }

    #[test]
    fn answers_before_day_start_count_for_the_previous_day() {
        let s = scheduler(plain());
        // 02:00 on 2 May is still study day 1 May, so a 1-day interval means 2 May 04:00.
        let card = CardState {
            last_review: Some(ts("2026-05-01T20:00:00Z")),
            ..review_card(0.5, 0)
        };
        let a = answer(&s, &card, Rating::Hard, "2026-05-02T02:00:00Z");
        assert_eq!(a.state.interval_days, 1);
        assert_eq!(a.state.due, ts("2026-05-02T04:00:00Z"));
    }

    fn berlin() -> Scheduler {
        scheduler(SchedulerConfig {
            tz: TimeZone::get("Europe/Berlin").unwrap(),
            ..plain()
        })
    }

    #[test]
    fn spring_dst_day_starts_at_local_four() {
        let s = berlin();
        // 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 04:00 local is 02:00 UTC.
        assert_eq!(s.day_start(date(2026, 3, 28)), ts("2026-03-28T03:00:00Z"));
        assert_eq!(s.day_start(date(2026, 3, 29)), ts("2026-03-29T02:00:00Z"));
        assert_eq!(s.study_day(ts("2026-03-29T01:59:59Z")), date(2026, 3, 28));
        assert_eq!(s.study_day(ts("2026-03-29T02:00:00Z")), date(2026, 3, 29));
    }

    #[test]
    fn autumn_dst_day_starts_at_local_four() {
        let s = berlin();
        // 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 04:00 local is 03:00 UTC.
        assert_eq!(s.day_start(date(2026, 10, 24)), ts("2026-10-24T02:00:00Z"));
        assert_eq!(s.day_start(date(2026, 10, 25)), ts("2026-10-25T03:00:00Z"));
        assert_eq!(s.study_day(ts("2026-10-25T02:59:59Z")), date(2026, 10, 24));
        assert_eq!(s.study_day(ts("2026-10-25T03:00:00Z")), date(2026, 10, 25));
    }

    #[test]
    fn one_day_interval_across_spring_dst_is_due_next_local_morning() {
        let s = berlin();
        let card = CardState {
            last_review: Some(ts("2026-03-28T08:00:00Z")),
            ..review_card(0.5, 0)
        };
        // 21:00 local on 28 March.
        let a = s.answer(&card, Rating::Hard, ts("2026-03-28T20:00:00Z"), 0);
        assert_eq!(a.state.interval_days, 1);
        assert_eq!(a.state.due, ts("2026-03-29T02:00:00Z"));
        assert!(!s.is_due(&a.state, ts("2026-03-29T01:59:59Z")));
        assert!(s.is_due(&a.state, ts("2026-03-29T02:00:00Z")));
    }

    #[test]
    fn elapsed_days_count_study_days_not_hours() {
        let s = scheduler(plain());
        // Last seen 03:00 on 2 May (study day 1 May), answered 05:00 the same morning
        // (study day 2 May): one elapsed day, though only two hours passed.
        let card = CardState {
            last_review: Some(ts("2026-05-02T03:00:00Z")),
            ..review_card(10.0, 10)
        };
        let a = s.answer(&card, Rating::Good, ts("2026-05-02T05:00:00Z"), 0);
        let memory = MemoryState {
            stability: 10.0,
            difficulty: 5.0,
        };
        let one_day = s.fsrs.next_states(Some(memory), 0.9, 1).unwrap();
        assert_eq!(a.state.stability, Some(one_day.good.memory.stability));
    }

    #[test]
    fn retrievability_falls_with_time() {
        let s = scheduler(plain());
        let card = review_card(10.0, 10);
        let at = |t: &str| s.retrievability(&card, ts(t)).unwrap();
        let r0 = at("2026-04-01T10:00:00Z");
        let r10 = at("2026-04-11T10:00:00Z");
        let r30 = at("2026-05-01T10:00:00Z");
        assert_eq!(r0, 1.0);
        assert!((r10 - 0.9).abs() < 1e-4, "{r10}");
        assert!(r30 < r10, "{r30} {r10}");
    }

    #[test]
    fn new_card_has_no_retrievability() {
        let s = scheduler(plain());
        assert_eq!(s.retrievability(&new_card(), ts(T0)), None);
    }

    #[test]
    fn preview_matches_unfuzzed_answers() {
        let s = scheduler(SchedulerConfig {
            fuzz: true,
            ..plain()
        });
        let exact = scheduler(plain());
        let card = review_card(30.0, 30);
        let preview = s.preview(&card, ts(T0));
        for (rating, state) in &preview {
            assert_eq!(*state, exact.answer(&card, *rating, ts(T0), 0).state);
        }
        assert_eq!(preview.map(|(r, _)| r), Rating::ALL);
    }

    #[test]
    fn interval_secs_for_steps_and_reviews() {
        let s = scheduler(plain());
        let p = s.preview(&new_card(), ts(T0));
        let secs: Vec<u64> = p
            .iter()
            .map(|(_, st)| s.interval_secs(st, ts(T0)))
            .collect();
        assert_eq!(secs, [60, 330, 600, 8 * 86_400]);
        let shown: Vec<String> = secs.iter().map(|&x| describe_interval(x)).collect();
        assert_eq!(shown, ["1m", "5.5m", "10m", "8d"]);
    }

    #[test]
    fn describe_interval_units() {
        let cases = [
            (30, "30s"),
            (60, "1m"),
            (600, "10m"),
            (5_400, "1.5h"),
            (3 * 86_400, "3d"),
            (63 * 86_400, "2.1mo"),
            (548 * 86_400, "1.5y"),
        ];
        for (secs, text) in cases {
            assert_eq!(describe_interval(secs), text);
        }
    }

    #[test]
    fn step_strings_parse_to_seconds() {
        let steps: Vec<String> = ["30s", "1m", "10m", "1h", "2d", "1.5h"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            parse_steps(&steps),
            Ok(vec![30, 60, 600, 3_600, 172_800, 5_400])
        );
    }

    #[test]
    fn step_without_unit_is_refused() {
        assert_eq!(
            parse_steps(&["10".to_string()]),
            Err(
                "invalid step \"10\": expected a number followed by s, m, h or d (e.g. \"10m\")"
                    .to_string()
            )
        );
    }

    #[test]
    fn step_with_unknown_unit_is_refused() {
        assert_eq!(
            parse_steps(&["5w".to_string()]),
            Err(
                "invalid step \"5w\": expected a number followed by s, m, h or d (e.g. \"10m\")"
                    .to_string()
            )
        );
    }

    #[test]
    fn zero_step_is_refused() {
        assert_eq!(
            parse_steps(&["0m".to_string()]),
            Err("invalid step \"0m\": a step must be at least 1s".to_string())
        );
    }

    #[test]
    fn wrong_parameter_count_is_refused() {
        let err = Scheduler::new(SchedulerConfig {
            parameters: vec![0.5; 5],
            ..plain()
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid FSRS parameters: expected 0, 17, 19 or 21 numbers, found 5"
        );
    }

    #[test]
    fn non_finite_parameter_is_refused() {
        let mut parameters = fsrs::DEFAULT_PARAMETERS.to_vec();
        parameters[3] = f32::NAN;
        let err = Scheduler::new(SchedulerConfig {
            parameters,
            ..plain()
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid FSRS parameters: number 4 is not finite"
        );
    }

    #[test]
    fn retention_out_of_range_is_refused() {
        let err = Scheduler::new(SchedulerConfig {
            desired_retention: 1.0,
            ..plain()
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "desired retention must be between 0.70 and 0.99, found 1"
        );
    }

    #[test]
    fn full_parameter_list_is_accepted() {
        assert!(
            Scheduler::new(SchedulerConfig {
                parameters: fsrs::DEFAULT_PARAMETERS.to_vec(),
                ..plain()
            })
            .is_ok()
        );
    }

    #[test]
    fn unusable_memory_state_falls_back_to_a_fresh_card() {
        let s = scheduler(plain());
        let card = CardState {
            stability: Some(f32::NAN),
            ..review_card(30.0, 30)
        };
        let a = answer(&s, &card, Rating::Good, T0);
        assert_eq!(a.state.stability, Some(2.3065));
    }

    #[test]
    fn cards_introduced_today_count_once_against_the_limit() {
        // A 3-card deck, 20 a day: one card introduced earlier today leaves 2 new, both allowed.
        assert_eq!(new_cards_allowed(20, 2, 1, date(2026, 5, 1), None), 2);
        // A limit of 5 with 3 introduced today allows 2 more, however many are still new.
        assert_eq!(new_cards_allowed(5, 100, 3, date(2026, 5, 1), None), 2);
        assert_eq!(new_cards_allowed(5, 100, 7, date(2026, 5, 1), None), 0);
        // With an exam, the day's quota comes from what was new this morning: 200 + 10 over 11
        // days is 20, of which 10 are done.
        assert_eq!(
            new_cards_allowed(5, 200, 10, date(2026, 5, 1), Some(date(2026, 5, 18))),
            10
        );
    }

    #[test]
    fn new_cards_without_exam_use_the_base_limit() {
        assert_eq!(new_cards_allowed(20, 100, 0, date(2026, 5, 1), None), 20);
        assert_eq!(new_cards_allowed(20, 5, 0, date(2026, 5, 1), None), 5);
    }

    #[test]
    fn new_cards_spread_to_finish_a_week_before_the_exam() {
        // Target 2026-05-11: eleven study days from 1 May inclusive; 200 / 11 -> 19.
        assert_eq!(
            new_cards_allowed(5, 200, 0, date(2026, 5, 1), Some(date(2026, 5, 18))),
            19
        );
        // The base limit wins when it is already enough.
        assert_eq!(
            new_cards_allowed(30, 200, 0, date(2026, 5, 1), Some(date(2026, 5, 18))),
            30
        );
    }

    #[test]
    fn new_cards_all_at_once_in_the_final_week() {
        assert_eq!(
            new_cards_allowed(5, 40, 0, date(2026, 5, 1), Some(date(2026, 5, 6))),
            40
        );
    }

    #[test]
    fn new_cards_after_the_exam_use_the_base_limit() {
        assert_eq!(
            new_cards_allowed(5, 40, 0, date(2026, 5, 1), Some(date(2026, 5, 1))),
            5
        );
    }

    #[test]
    fn rating_and_phase_round_trip() {
        for r in Rating::ALL {
            assert_eq!(Rating::from_number(r.number()), Some(r));
        }
        assert_eq!(Rating::from_number(0), None);
        for p in [
            Phase::New,
            Phase::Learning,
            Phase::Review,
            Phase::Relearning,
        ] {
            assert_eq!(Phase::parse(p.as_str()), Some(p));
        }
    }
}

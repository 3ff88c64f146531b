//! The numbers behind `recall stats` and the HTML report, computed in one pass over the review
//! log from the cards' stored records and `now`. Pure: no clock, no store, no printing.
//!
//! Feed a [`StatsBuilder`] every answer (oldest first, as the store gives them) with
//! [`StatsBuilder::add`] and [`StatsBuilder::add_external`], then [`StatsBuilder::finish`].
//! Per answer it does a hash look-up and a few additions: no allocation beyond the first
//! answer of each card, so a log of a million answers takes well under a second.
//!
//! Definitions (also in the README, "Progress"):
//! - days are study days (they start at the day-start hour, in the learner's time zone);
//! - an answer is *correct* as [`super::is_correct`] says; *failed* means graded Again;
//! - *true retention* counts an answer only if it is the card's first answer of a study day
//!   after an answer on an earlier day (what FSRS predicts), passed when graded above Again;
//!   only answers that move schedules (study, import, other programs' history) count;
//! - a card's *age* at an answer is the number of days since its first answer;
//! - a card is *mastered* when it is in review, not suspended, and its retrievability now is
//!   at least 0.9.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::{Date, Weekday};
use serde::Serialize;

use super::{CardIndex, CardInfo, FastMap, ratio, round4};
use crate::schedule::DayClock;
use crate::schedule::{Phase, Rating, Scheduler};

/// Days shown in "reviews per day", ending today.
pub const REVIEW_DAYS: usize = 28;
/// Days in the due forecast, starting today.
pub const FORECAST_DAYS: usize = 30;
/// Weeks in the study heatmap, ending with the current week.
pub const HEATMAP_WEEKS: usize = 26;
/// How many of the hardest cards are listed.
pub const HARDEST: usize = 10;
/// Retrievability from which a review card counts as mastered.
pub const MASTERED: f32 = 0.9;

/// Card-age buckets for true retention: label, first day, last day (inclusive).
pub const AGE_BUCKETS: [(&str, u32, Option<u32>); 6] = [
    ("under 1 week", 0, Some(6)),
    ("1-4 weeks", 7, Some(29)),
    ("1-3 months", 30, Some(89)),
    ("3-6 months", 90, Some(179)),
    ("6-12 months", 180, Some(364)),
    ("over 1 year", 365, None),
];

/// Everything `recall stats --json` prints. Field names and meanings are stable (version 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub version: u32,
    /// `now`, RFC 3339.
    pub generated_at: String,
    /// The current study day.
    pub today: String,
    /// The deck the numbers are limited to, if any.
    pub deck: Option<String>,
    pub cards: CardCounts,
    pub summary: Summary,
    /// The last [`REVIEW_DAYS`] days, oldest first.
    pub reviews_per_day: Vec<DayCount>,
    /// The next [`FORECAST_DAYS`] days from today; overdue cards count today.
    pub forecast: Vec<DueDay>,
    pub retention_by_age: Vec<AgeRetention>,
    /// Every day from the Monday [`HEATMAP_WEEKS`] - 1 weeks before this week's to today.
    pub heatmap: Vec<DayCount>,
    /// One entry per tag, by tag name.
    pub tags: Vec<TagStats>,
    /// Answered cards with the most lapses, then the lowest retrievability.
    pub hardest: Vec<HardCard>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CardCounts {
    pub total: u32,
    pub new: u32,
    pub learning: u32,
    pub review: u32,
    pub relearning: u32,
    /// Suspended cards are counted here only, whatever their phase.
    pub suspended: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Every answer counted (recall's own, in all modes, and imported history).
    pub reviews: u64,
    pub reviews_today: u32,
    /// Answers from other programs' history (cards in no recall deck).
    pub external_reviews: u64,
    /// Days with at least one answer.
    pub days_studied: u32,
    /// Consecutive days with answers, ending today (or yesterday while today has none).
    pub streak: u32,
    /// True retention over the whole history; `None` without a counted answer.
    pub retention: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayCount {
    pub date: String,
    pub reviews: u32,
    /// Answers graded Again.
    pub failed: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueDay {
    pub date: String,
    pub due: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgeRetention {
    pub label: &'static str,
    pub min_days: u32,
    /// `None` for the last, open bucket.
    pub max_days: Option<u32>,
    pub reviews: u32,
    pub passed: u32,
    pub retention: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagStats {
    pub tag: String,
    pub cards: u32,
    /// Cards with at least one answer.
    pub reviewed: u32,
    pub reviews: u32,
    pub correct: u32,
    pub accuracy: Option<f64>,
    pub mastered: u32,
    /// `mastered / cards`.
    pub mastery: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HardCard {
    pub deck: String,
    pub card: String,
    pub prompt: String,
    pub lapses: u32,
    pub retrievability: Option<f64>,
    pub reviews: u32,
    pub accuracy: Option<f64>,
}

/// One answer from recall's log, as the builder needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answer<'a> {
    pub deck: &'a str,
    pub card: &'a str,
    pub time: Timestamp,
    pub rating: Rating,
    /// As [`super::is_correct`] decides.
    pub correct: bool,
    /// The answer moved the card's schedule (study or import, not quiz or cram).
    pub scheduled: bool,
}

/// Answers and accuracy of one card, for exports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub reviews: u32,
    pub correct: u32,
}

/// What is known about one card (of a deck or of another program's history) while reading.
#[derive(Debug, Clone, Copy)]
struct CardAcc {
    first_day: i32,
    last_day: i32,
    tally: Tally,
}

impl Default for CardAcc {
    fn default() -> CardAcc {
        CardAcc {
            first_day: i32::MIN,
            last_day: i32::MIN,
            tally: Tally::default(),
        }
    }
}

/// Reads the log once and keeps only what the statistics need.
pub struct StatsBuilder<'a> {
    cards: &'a [CardInfo],
    /// The study-day calendars: the first is the default (other programs' history, and
    /// decks without one of their own), then one per deck given to `with_decks`.
    clocks: Vec<DayClock<'a>>,
    /// Deck id to its calendar in `clocks`.
    calendar_of: FastMap<&'a str, usize>,
    /// The calendar of each accumulator.
    clock_of: Vec<usize>,
    now: Timestamp,
    /// Per deck (`None`: other programs' history), card id to an index into `accs`; the first
    /// `cards.len()` entries are the cards, in order.
    index: CardIndex,
    accs: Vec<CardAcc>,
    /// Answers and failures per day offset (0 is today, -1 yesterday).
    per_day: FastMap<i32, (u32, u32)>,
    ages: [(u32, u32); AGE_BUCKETS.len()],
    reviews: u64,
    external: u64,
}

impl<'a> StatsBuilder<'a> {
    /// `days` decides the study days (its time zone and day-start hour).
    pub fn new(cards: &'a [CardInfo], days: &'a Scheduler, now: Timestamp) -> StatsBuilder<'a> {
        StatsBuilder::with_decks(cards, days, &[], now)
    }

    /// Like [`StatsBuilder::new`], with each deck's answers counted in that deck's own study
    /// days (`decks`: deck id and its calendar; `days` for the rest). The dates shown are
    /// `days`'s; a day offset means the same in every calendar ("today", "yesterday").
    pub fn with_decks(
        cards: &'a [CardInfo],
        days: &'a Scheduler,
        decks: &'a [(String, Scheduler)],
        now: Timestamp,
    ) -> StatsBuilder<'a> {
        let mut clocks = vec![DayClock::new(days, now)];
        let mut calendar_of = FastMap::default();
        for (id, calendar) in decks {
            calendar_of.insert(id.as_str(), clocks.len());
            clocks.push(DayClock::new(calendar, now));
        }
        let mut b = StatsBuilder {
            cards,
            clocks,
            calendar_of,
            clock_of: Vec::with_capacity(cards.len()),
            now,
            index: CardIndex::default(),
            accs: Vec::with_capacity(cards.len()),
            per_day: FastMap::default(),
            ages: [(0, 0); AGE_BUCKETS.len()],
            reviews: 0,
            external: 0,
        };
        for c in cards {
            b.slot(Some(&c.deck), &c.card);
        }
        b
    }

    /// The accumulator of a card, created on first sight.
    fn slot(&mut self, deck: Option<&str>, card: &str) -> usize {
        let next = self.accs.len() as u32;
        let i = self.index.get_or_insert(deck, card, next);
        if i == next {
            self.accs.push(CardAcc::default());
            let clock = deck.and_then(|d| self.calendar_of.get(d).copied());
            self.clock_of.push(clock.unwrap_or(0));
        }
        i as usize
    }

    /// The accumulator of a card (`None` as the deck for another program's card id), for
    /// callers that look each card up once and then use [`StatsBuilder::add_at`].
    pub fn slot_of(&mut self, deck: Option<&str>, card: &str) -> usize {
        self.slot(deck, card)
    }

    /// One answer from recall's log, to the card [`StatsBuilder::slot_of`] gave.
    pub fn add_at(&mut self, slot: usize, a: &Answer<'_>) {
        self.count(slot, a.time, a.rating, a.correct, a.scheduled);
    }

    /// One answer from another program's history, to the card [`StatsBuilder::slot_of`] gave.
    pub fn add_external_at(&mut self, slot: usize, time: Timestamp, rating: Rating) {
        self.external += 1;
        self.count(slot, time, rating, rating != Rating::Again, true);
    }

    /// One answer from recall's log.
    pub fn add(&mut self, a: &Answer<'_>) {
        let i = self.slot(Some(a.deck), a.card);
        self.count(i, a.time, a.rating, a.correct, a.scheduled);
    }

    /// One answer from another program's history (a card in no recall deck).
    pub fn add_external(&mut self, card_id: &str, time: Timestamp, rating: Rating) {
        let i = self.slot(None, card_id);
        self.external += 1;
        self.count(i, time, rating, rating != Rating::Again, true);
    }

    fn count(&mut self, i: usize, time: Timestamp, rating: Rating, correct: bool, scheduled: bool) {
        let day = self.clocks[self.clock_of[i]].offset(time);
        self.reviews += 1;
        let d = self.per_day.entry(day).or_insert((0, 0));
        d.0 += 1;
        d.1 += u32::from(rating == Rating::Again);
        let acc = &mut self.accs[i];
        acc.tally.reviews += 1;
        acc.tally.correct += u32::from(correct);
        if !scheduled {
            return;
        }
        if acc.first_day == i32::MIN {
            acc.first_day = day;
        } else if day > acc.last_day {
            let age = u32::try_from(day - acc.first_day).unwrap_or(0);
            let bucket = AGE_BUCKETS
                .iter()
                .position(|&(_, lo, hi)| age >= lo && hi.is_none_or(|hi| age <= hi))
                .unwrap_or(AGE_BUCKETS.len() - 1);
            self.ages[bucket].0 += 1;
            self.ages[bucket].1 += u32::from(rating != Rating::Again);
        }
        acc.last_day = acc.last_day.max(day);
    }

    /// Answers and correct answers of each card given to `new`, in the same order.
    pub fn tallies(&self) -> Vec<Tally> {
        self.accs[..self.cards.len()]
            .iter()
            .map(|a| a.tally)
            .collect()
    }

    pub fn finish(mut self, deck: Option<String>) -> Stats {
        let today = self.clocks[0].today();
        let date_at = |offset: i32| -> Date {
            today
                .checked_add(jiff::Span::new().days(offset))
                .unwrap_or(today)
        };
        let day_count = |offset: i32| {
            let (reviews, failed) = self.per_day.get(&offset).copied().unwrap_or((0, 0));
            DayCount {
                date: date_at(offset).to_string(),
                reviews,
                failed,
            }
        };
        let reviews_per_day = (1 - REVIEW_DAYS as i32..=0).map(day_count).collect();
        let this_monday = -i32::from(today.weekday().to_monday_zero_offset());
        let start = this_monday - (HEATMAP_WEEKS as i32 - 1) * 7;
        let heatmap = (start..=0).map(day_count).collect();

        let mut streak = 0;
        let mut day = if self.per_day.contains_key(&0) { 0 } else { -1 };
        while self.per_day.contains_key(&day) {
            streak += 1;
            day -= 1;
        }
        let (counted, passed) = self.ages.iter().fold((0u64, 0u64), |(c, p), &(n, k)| {
            (c + u64::from(n), p + u64::from(k))
        });
        let summary = Summary {
            reviews: self.reviews,
            reviews_today: self.per_day.get(&0).map_or(0, |d| d.0),
            external_reviews: self.external,
            days_studied: self.per_day.len() as u32,
            streak,
            retention: ratio(passed, counted),
        };
        let retention_by_age = AGE_BUCKETS
            .iter()
            .zip(self.ages)
            .map(
                |(&(label, min_days, max_days), (reviews, passed))| AgeRetention {
                    label,
                    min_days,
                    max_days,
                    reviews,
                    passed,
                    retention: ratio(u64::from(passed), u64::from(reviews)),
                },
            )
            .collect();

        let mut cards = CardCounts::default();
        let mut due = [0u32; FORECAST_DAYS];
        for (i, c) in self.cards.iter().enumerate() {
            cards.total += 1;
            if c.suspended() {
                cards.suspended += 1;
                continue;
            }
            let phase = c.phase();
            match phase {
                Phase::New => cards.new += 1,
                Phase::Learning => cards.learning += 1,
                Phase::Review => cards.review += 1,
                Phase::Relearning => cards.relearning += 1,
            }
            let Some(r) = &c.record else { continue };
            let offset = match phase {
                Phase::New => continue,
                Phase::Learning | Phase::Relearning if r.state.due <= self.now => 0,
                _ => self.clocks[self.clock_of[i]].offset(r.state.due).max(0),
            };
            if let Some(slot) = due.get_mut(offset as usize) {
                *slot += 1;
            }
        }
        let forecast = due
            .iter()
            .enumerate()
            .map(|(i, &n)| DueDay {
                date: date_at(i as i32).to_string(),
                due: n,
            })
            .collect();

        let mut tags: HashMap<&str, TagStats> = HashMap::new();
        for (c, acc) in self.cards.iter().zip(&self.accs) {
            let mastered = !c.suspended()
                && c.phase() == Phase::Review
                && c.retrievability.is_some_and(|r| r >= MASTERED);
            for tag in c.tags.iter() {
                let t = tags.entry(tag.as_str()).or_insert_with(|| TagStats {
                    tag: tag.to_string(),
                    cards: 0,
                    reviewed: 0,
                    reviews: 0,
                    correct: 0,
                    accuracy: None,
                    mastered: 0,
                    mastery: 0.0,
                });
                t.cards += 1;
                t.reviewed += u32::from(acc.tally.reviews > 0);
                t.reviews += acc.tally.reviews;
                t.correct += acc.tally.correct;
                t.mastered += u32::from(mastered);
            }
        }
        let mut tags: Vec<TagStats> = tags
            .into_values()
            .map(|mut t| {
                t.accuracy = ratio(u64::from(t.correct), u64::from(t.reviews));
                t.mastery = ratio(u64::from(t.mastered), u64::from(t.cards)).unwrap_or(0.0);
                t
            })
            .collect();
        tags.sort_by(|a, b| a.tag.cmp(&b.tag));

        let mut hard: Vec<(&CardInfo, Tally)> = self
            .cards
            .iter()
            .zip(&self.accs)
            .filter(|(c, a)| a.tally.reviews > 0 || c.reps() > 0)
            .map(|(c, a)| (c, a.tally))
            .collect();
        let accuracy = |t: &Tally| ratio(u64::from(t.correct), u64::from(t.reviews));
        hard.sort_by(|(a, ta), (b, tb)| {
            b.lapses()
                .cmp(&a.lapses())
                .then_with(|| {
                    let ra = a.retrievability.unwrap_or(1.0);
                    let rb = b.retrievability.unwrap_or(1.0);
                    ra.total_cmp(&rb)
                })
                .then_with(|| {
                    let aa = accuracy(ta).unwrap_or(1.0);
                    let ab = accuracy(tb).unwrap_or(1.0);
                    aa.total_cmp(&ab)
                })
                .then_with(|| (&a.deck, &a.card).cmp(&(&b.deck, &b.card)))
        });
        let hardest = hard
            .into_iter()
            .take(HARDEST)
            .map(|(c, t)| HardCard {
                deck: c.deck.clone(),
                card: c.card.clone(),
                prompt: c.prompt.clone(),
                lapses: c.lapses(),
                retrievability: c.retrievability.map(|r| round4(f64::from(r))),
                reviews: t.reviews,
                accuracy: accuracy(&t),
            })
            .collect();

        Stats {
            version: 1,
            generated_at: self.now.to_string(),
            today: today.to_string(),
            deck,
            cards,
            summary,
            reviews_per_day,
            forecast,
            retention_by_age,
            heatmap,
            tags,
            hardest,
        }
    }
}

/// The weekday rows of the heatmap, Monday first.
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Text;
    use crate::schedule::{CardState, SchedulerConfig};
    use crate::store::CardRecord;

    /// 2026-03-02 is a Monday; study days start at 04:00 UTC.
    const NOW: &str = "2026-03-02T10:00:00Z";

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn days() -> Scheduler {
        Scheduler::new(SchedulerConfig::default()).unwrap()
    }

    fn info(card: &str, tags: &[&str], record: Option<CardRecord>, r: Option<f32>) -> CardInfo {
        CardInfo {
            deck: "rivers".into(),
            card: card.into(),
            prompt: format!("Where does the {card} flow?"),
            tags: tags.iter().map(|t| Text::from(*t)).collect(),
            record,
            retrievability: r,
        }
    }

    fn record(phase: Phase, due: &str, lapses: u32, suspended: bool) -> Option<CardRecord> {
        Some(CardRecord {
            state: CardState {
                phase,
                due: ts(due),
                stability: Some(5.0),
                difficulty: Some(5.0),
                last_review: Some(ts("2026-02-20T10:00:00Z")),
                reps: 3,
                lapses,
                ..CardState::new(ts(due))
            },
            suspended,
            ..CardRecord::new("h", ts(due))
        })
    }

    fn answer<'a>(card: &'a str, time: &str, rating: Rating) -> Answer<'a> {
        Answer {
            deck: "rivers",
            card,
            time: ts(time),
            rating,
            correct: rating != Rating::Again,
            scheduled: true,
        }
    }

    fn build(cards: &[CardInfo], answers: &[Answer<'_>]) -> Stats {
        let d = days();
        let mut b = StatsBuilder::new(cards, &d, ts(NOW));
        for a in answers {
            b.add(a);
        }
        b.finish(None)
    }

    #[test]
    fn each_deck_counts_its_answers_in_its_own_study_days() {
        // Study days start at 04:00 by default; the "late" deck starts them at noon. An answer
        // at 09:00 on 1 March is 1 March for the first and still 28 February for the second.
        let late = Scheduler::new(SchedulerConfig {
            day_start_hour: 12,
            ..SchedulerConfig::default()
        })
        .unwrap();
        let decks = [("late".to_string(), late)];
        let mut cards = vec![info("danube", &[], None, None)];
        cards.push(CardInfo {
            deck: "late".into(),
            ..info("volga", &[], None, None)
        });
        let d = days();
        let now = ts("2026-03-02T13:00:00Z");
        let mut b = StatsBuilder::with_decks(&cards, &d, &decks, now);
        b.add(&answer("danube", "2026-03-01T09:00:00Z", Rating::Good));
        b.add(&Answer {
            deck: "late",
            ..answer("volga", "2026-03-01T09:00:00Z", Rating::Good)
        });
        let stats = b.finish(None);
        let day = |date: &str| {
            stats
                .reviews_per_day
                .iter()
                .find(|d| d.date == date)
                .map(|d| d.reviews)
        };
        assert_eq!(day("2026-03-01"), Some(1));
        assert_eq!(day("2026-02-28"), Some(1));
        // With one calendar for both, both answers fall on 1 March.
        let mut one = StatsBuilder::new(&cards, &d, now);
        one.add(&answer("danube", "2026-03-01T09:00:00Z", Rating::Good));
        one.add(&Answer {
            deck: "late",
            ..answer("volga", "2026-03-01T09:00:00Z", Rating::Good)
        });
        let stats = one.finish(None);
        let on = |date: &str| {
            stats
                .reviews_per_day
                .iter()
                .find(|d| d.date == date)
                .map(|d| d.reviews)
        };
        assert_eq!(on("2026-03-01"), Some(2));
    }

    #[test]
    fn cards_are_counted_by_state_with_suspended_apart() {
        let cards = [
            info("danube", &[], None, None),
            info(
                "rhine",
                &[],
                record(Phase::Review, "2026-03-05T04:00:00Z", 0, false),
                None,
            ),
            info(
                "elbe",
                &[],
                record(Phase::Review, "2026-03-05T04:00:00Z", 0, true),
                None,
            ),
            info(
                "oder",
                &[],
                record(Phase::Learning, "2026-03-02T10:05:00Z", 0, false),
                None,
            ),
            info(
                "po",
                &[],
                record(Phase::Relearning, "2026-03-02T09:00:00Z", 1, false),
                None,
            ),
            info(
                "ebro",
                &[],
                record(Phase::New, "1970-01-01T00:00:00Z", 0, false),
                None,
            ),
        ];
        assert_eq!(
            build(&cards, &[]).cards,
            CardCounts {
                total: 6,
                new: 2,
                learning: 1,
                review: 1,
                relearning: 1,
                suspended: 1,
            }
        );
    }

    #[test]
    fn forecast_counts_overdue_cards_today_and_skips_suspended_and_new() {
        let cards = [
            info(
                "a",
                &[],
                record(Phase::Review, "2026-02-25T04:00:00Z", 0, false),
                None,
            ),
            info(
                "b",
                &[],
                record(Phase::Review, "2026-03-02T04:00:00Z", 0, false),
                None,
            ),
            // Due at 02:00 on 4 March: still study day 3 March.
            info(
                "c",
                &[],
                record(Phase::Review, "2026-03-04T02:00:00Z", 0, false),
                None,
            ),
            info(
                "d",
                &[],
                record(Phase::Learning, "2026-03-02T11:00:00Z", 0, false),
                None,
            ),
            info(
                "e",
                &[],
                record(Phase::Review, "2026-03-03T04:00:00Z", 0, true),
                None,
            ),
            info("f", &[], None, None),
            info(
                "g",
                &[],
                record(Phase::Review, "2026-04-01T04:00:00Z", 0, false),
                None,
            ),
            info(
                "h",
                &[],
                record(Phase::Review, "2026-03-31T04:00:00Z", 0, false),
                None,
            ),
        ];
        let s = build(&cards, &[]);
        assert_eq!(s.forecast.len(), 30);
        assert_eq!(s.forecast[0].date, "2026-03-02");
        assert_eq!(s.forecast[29].date, "2026-03-31");
        let due: Vec<u32> = s.forecast.iter().map(|d| d.due).collect();
        let mut expected = vec![0; 30];
        expected[0] = 3; // a (overdue), b, d (learning, later today)
        expected[1] = 1; // c
        expected[29] = 1; // h; g is beyond the forecast
        assert_eq!(due, expected);
    }

    #[test]
    fn reviews_per_day_cover_four_weeks_ending_today() {
        let answers = [
            answer("a", "2026-03-02T09:00:00Z", Rating::Good),
            answer("a", "2026-03-02T03:00:00Z", Rating::Again), // study day 1 March
            answer("b", "2026-02-02T12:00:00Z", Rating::Good),  // day -28: outside
            answer("b", "2026-02-03T12:00:00Z", Rating::Again), // day -27: first shown
        ];
        let s = build(&[], &answers);
        assert_eq!(s.reviews_per_day.len(), 28);
        assert_eq!(
            s.reviews_per_day[0],
            DayCount {
                date: "2026-02-03".into(),
                reviews: 1,
                failed: 1
            }
        );
        assert_eq!(
            s.reviews_per_day[26],
            DayCount {
                date: "2026-03-01".into(),
                reviews: 1,
                failed: 1
            }
        );
        assert_eq!(s.reviews_per_day[27].reviews, 1);
        assert_eq!(s.reviews_per_day[27].failed, 0);
        assert_eq!(s.summary.reviews, 4);
        assert_eq!(s.summary.reviews_today, 1);
        assert_eq!(s.summary.days_studied, 4);
    }

    #[test]
    fn true_retention_counts_first_answers_on_later_days_by_card_age() {
        let answers = [
            // Card a: first seen 1 Feb; same-day repeats do not count.
            answer("a", "2026-02-01T10:00:00Z", Rating::Again),
            answer("a", "2026-02-01T10:10:00Z", Rating::Good),
            answer("a", "2026-02-03T10:00:00Z", Rating::Good), // age 2: passed
            answer("a", "2026-02-03T10:30:00Z", Rating::Again), // same day: ignored
            answer("a", "2026-02-10T10:00:00Z", Rating::Again), // age 9: failed
            answer("a", "2026-02-20T10:00:00Z", Rating::Hard), // age 19: passed
            // Card b: first seen 1 Nov 2025.
            answer("b", "2025-11-01T10:00:00Z", Rating::Good),
            answer("b", "2026-02-01T10:00:00Z", Rating::Good), // age 92: passed
        ];
        let s = build(&[], &answers);
        let got: Vec<(&str, u32, u32, Option<f64>)> = s
            .retention_by_age
            .iter()
            .map(|a| (a.label, a.reviews, a.passed, a.retention))
            .collect();
        assert_eq!(
            got,
            [
                ("under 1 week", 1, 1, Some(1.0)),
                ("1-4 weeks", 2, 1, Some(0.5)),
                ("1-3 months", 0, 0, None),
                ("3-6 months", 1, 1, Some(1.0)),
                ("6-12 months", 0, 0, None),
                ("over 1 year", 0, 0, None),
            ]
        );
        assert_eq!(s.summary.retention, Some(0.75));
    }

    #[test]
    fn quiz_answers_count_per_day_but_not_for_retention() {
        let quiz = Answer {
            scheduled: false,
            ..answer("a", "2026-02-03T10:00:00Z", Rating::Again)
        };
        let answers = [answer("a", "2026-02-01T10:00:00Z", Rating::Good), quiz];
        let s = build(&[], &answers);
        assert_eq!(s.summary.reviews, 2);
        assert_eq!(s.summary.retention, None);
    }

    #[test]
    fn external_history_counts_in_reviews_and_retention() {
        let d = days();
        let mut b = StatsBuilder::new(&[], &d, ts(NOW));
        b.add_external("1711", ts("2026-02-01T10:00:00Z"), Rating::Good);
        b.add_external("1711", ts("2026-02-04T10:00:00Z"), Rating::Again);
        // The same id in a recall deck is another card.
        b.add(&answer("1711", "2026-02-05T10:00:00Z", Rating::Good));
        let s = b.finish(None);
        assert_eq!(s.summary.reviews, 3);
        assert_eq!(s.summary.external_reviews, 2);
        assert_eq!(s.summary.retention, Some(0.0));
    }

    #[test]
    fn streak_ends_today_or_yesterday() {
        let answers = [
            answer("a", "2026-02-27T10:00:00Z", Rating::Good),
            answer("a", "2026-02-28T10:00:00Z", Rating::Good),
            answer("a", "2026-03-01T10:00:00Z", Rating::Good),
        ];
        assert_eq!(build(&[], &answers).summary.streak, 3);
        let gap = [answer("a", "2026-02-27T10:00:00Z", Rating::Good)];
        assert_eq!(build(&[], &gap).summary.streak, 0);
        let today = [
            answer("a", "2026-02-28T10:00:00Z", Rating::Good),
            answer("a", "2026-03-02T10:00:00Z", Rating::Good),
        ];
        assert_eq!(build(&[], &today).summary.streak, 1);
    }

    #[test]
    fn heatmap_starts_on_a_monday_and_ends_today() {
        let s = build(&[], &[answer("a", "2026-01-05T10:00:00Z", Rating::Good)]);
        // Today is a Monday, so 25 whole weeks and today.
        assert_eq!(s.heatmap.len(), 25 * 7 + 1);
        assert_eq!(s.heatmap[0].date, "2025-09-08");
        assert_eq!(s.heatmap.last().unwrap().date, "2026-03-02");
        let jan5 = s.heatmap.iter().find(|d| d.date == "2026-01-05").unwrap();
        assert_eq!(jan5.reviews, 1);
    }

    #[test]
    fn tags_gather_accuracy_and_mastery_of_their_cards() {
        let cards = [
            info(
                "a",
                &["dates"],
                record(Phase::Review, "2026-03-05T04:00:00Z", 0, false),
                Some(0.95),
            ),
            info(
                "b",
                &["dates", "lists"],
                record(Phase::Review, "2026-03-05T04:00:00Z", 1, false),
                Some(0.7),
            ),
            info("c", &["lists"], None, None),
        ];
        let answers = [
            answer("a", "2026-02-01T10:00:00Z", Rating::Good),
            answer("a", "2026-02-05T10:00:00Z", Rating::Good),
            answer("b", "2026-02-01T10:00:00Z", Rating::Again),
            answer("b", "2026-02-05T10:00:00Z", Rating::Good),
        ];
        let s = build(&cards, &answers);
        assert_eq!(
            s.tags,
            [
                TagStats {
                    tag: "dates".into(),
                    cards: 2,
                    reviewed: 2,
                    reviews: 4,
                    correct: 3,
                    accuracy: Some(0.75),
                    mastered: 1,
                    mastery: 0.5,
                },
                TagStats {
                    tag: "lists".into(),
                    cards: 2,
                    reviewed: 1,
                    reviews: 2,
                    correct: 1,
                    accuracy: Some(0.5),
                    mastered: 0,
                    mastery: 0.0,
                },
            ]
        );
    }

    #[test]
    fn hardest_cards_have_most_lapses_then_lowest_retrievability() {
        let cards = [
            info(
                "a",
                &[],
                record(Phase::Review, "2026-03-05T04:00:00Z", 0, false),
                Some(0.6),
            ),
            info(
                "b",
                &[],
                record(Phase::Review, "2026-03-05T04:00:00Z", 2, false),
                Some(0.9),
            ),
            info(
                "c",
                &[],
                record(Phase::Review, "2026-03-05T04:00:00Z", 0, false),
                Some(0.8),
            ),
            info("d", &[], None, None),
        ];
        let answers = [
            answer("a", "2026-02-01T10:00:00Z", Rating::Good),
            answer("b", "2026-02-01T10:00:00Z", Rating::Again),
            answer("b", "2026-02-02T10:00:00Z", Rating::Good),
        ];
        let s = build(&cards, &answers);
        let order: Vec<&str> = s.hardest.iter().map(|h| h.card.as_str()).collect();
        assert_eq!(order, ["b", "a", "c"]);
        assert_eq!(
            s.hardest[0],
            HardCard {
                deck: "rivers".into(),
                card: "b".into(),
                prompt: "Where does the b flow?".into(),
                lapses: 2,
                retrievability: Some(0.9),
                reviews: 2,
                accuracy: Some(0.5),
            }
        );
    }

    #[test]
    fn tallies_follow_the_cards() {
        let cards = [info("a", &[], None, None), info("b", &[], None, None)];
        let d = days();
        let mut b = StatsBuilder::new(&cards, &d, ts(NOW));
        b.add(&answer("b", "2026-02-01T10:00:00Z", Rating::Again));
        b.add(&answer("b", "2026-02-02T10:00:00Z", Rating::Good));
        b.add(&answer("zz", "2026-02-02T10:00:00Z", Rating::Good));
        assert_eq!(
            b.tallies(),
            [
                Tally::default(),
                Tally {
                    reviews: 2,
                    correct: 1
                }
            ]
        );
    }

    #[test]
    fn a_million_answers_in_one_pass() {
        let cards: Vec<CardInfo> = (0..1000)
            .map(|i| info(&format!("c{i}"), &["t"], None, None))
            .collect();
        let names: Vec<String> = (0..1000).map(|i| format!("c{i}")).collect();
        let d = days();
        let mut b = StatsBuilder::new(&cards, &d, ts(NOW));
        let t0 = ts("2023-03-02T10:00:00Z").as_millisecond();
        for i in 0..1_000_000i64 {
            b.add(&Answer {
                deck: "rivers",
                card: &names[(i % 1000) as usize],
                time: Timestamp::from_millisecond(t0 + i * 90_000).unwrap(),
                rating: if i % 7 == 0 {
                    Rating::Again
                } else {
                    Rating::Good
                },
                correct: i % 7 != 0,
                scheduled: true,
            });
        }
        let s = b.finish(None);
        assert_eq!(s.summary.reviews, 1_000_000);
        // Its speed is measured by the benchmarks (README, "Performance"), not here.
    }
}

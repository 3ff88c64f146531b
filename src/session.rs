//! The study state machine: builds the day's queue from deck cards and stored progress, hands
//! out cards, turns grades into reviews to commit, and takes back undone ones.
//!
//! Pure: the clock is an argument and nothing is printed or stored here. The driver (in `ui`)
//! asks `plan` for the review a grade produces, commits it with the store, and only then calls
//! `apply`, so the in-memory queue never runs ahead of what is durable.

use std::collections::{HashMap, HashSet, VecDeque};

use jiff::Timestamp;
use jiff::civil::Date;

use crate::deck::{Card, Deck, Text};
use crate::schedule::{DayClock, Phase, Rating, Scheduler};
use crate::store::{CardRecord, CardRecords, Mode, NewReview};

/// How long ahead learning cards may be shown when nothing else is left (as Anki's default).
pub const LEARN_AHEAD_SECS: i64 = 20 * 60;

/// One deck taking part in a session, with its scheduler and stored progress.
pub struct SessionDeck<'a> {
    pub deck: &'a Deck,
    pub scheduler: Scheduler,
    pub records: CardRecords,
    /// New cards that may still be introduced today.
    pub new_limit: u32,
    /// Reviews that may still be done today.
    pub review_limit: u32,
}

/// What the learner asked for on the command line.
#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    /// Only cards carrying one of these tags (all cards when empty).
    pub tags: Vec<String>,
    /// Stop after this many answers.
    pub card_limit: Option<u32>,
    /// Review ahead without changing schedules.
    pub cram: bool,
    pub seed: u64,
}

/// A card in the queue: which deck and which card of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Item {
    pub deck: usize,
    pub card: usize,
}

/// How many cards of each sort are left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.new + self.learning + self.review
    }
}

/// A grade turned into what must be stored.
#[derive(Debug, Clone)]
pub struct Planned {
    pub item: Item,
    pub review: NewReview,
    /// The card just reached the leech threshold and will be suspended.
    pub became_leech: bool,
    /// Whether the answer counted as right (for the summary).
    pub correct: bool,
}

/// Tallies for the end-of-session summary.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    pub answered: u32,
    pub correct: u32,
    pub again: u32,
    pub leeches: u32,
}

pub struct Session<'a> {
    decks: Vec<SessionDeck<'a>>,
    opts: SessionOptions,
    /// Cards in (re)learning, with the time they are due.
    learning: Vec<(Item, Timestamp)>,
    reviews: VecDeque<Item>,
    new: VecDeque<Item>,
    /// A card put back in front by undo.
    front: Option<Item>,
    /// Facts already studied today, so their siblings wait for another day.
    facts_today: HashSet<(usize, &'a str)>,
    /// What each applied answer changed, newest last, for undo.
    done: Vec<(Planned, Origin)>,
    tally: Tally,
}

/// Which queue a card came from, so undo can put it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    New,
    Review,
    Learning,
}

/// A stable 64-bit FNV-1a hash of several strings (kept apart by a byte no UTF-8 text holds),
/// for seeds and question hashes that must not change between runs or Rust versions.
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut bytes = Vec::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for p in parts {
        bytes.extend_from_slice(p.as_bytes());
        bytes.push(0xff);
    }
    crate::deck::generate::fnv1a(&bytes)
}

/// A hash of what a card asks and accepts, stored with its progress so that a question whose
/// meaning changed can be noticed and reset.
pub fn question_hash(card: &Card) -> String {
    format!(
        "{:016x}",
        fnv1a(&[card.kind.name(), &card.prompt, &format!("{:?}", card.kind)])
    )
}

/// The order in which a card's options are shown: seeded, so a card shows the same way on
/// undo and in tests. Returns the options to display (empty for kinds without options).
pub fn shown_options(card: &Card, seed: u64) -> Vec<Text> {
    use crate::deck::Kind;
    let mut opts: Vec<Text> = match &card.kind {
        Kind::Choice { correct, wrong } => correct.iter().chain(wrong).cloned().collect(),
        Kind::Order { items } => items.clone(),
        Kind::Match { pairs } => pairs.iter().map(|(_, r)| r.clone()).collect(),
        _ => return Vec::new(),
    };
    let mut state = fnv1a(&[card.id.as_str(), &seed.to_string()]) | 1;
    // An order or match card must not come out already solved when that can be avoided.
    for attempt in 0..4 {
        shuffle(&mut opts, &mut state);
        let unchanged = match &card.kind {
            Kind::Order { items } => &opts == items,
            Kind::Match { pairs } => opts.iter().zip(pairs).all(|(o, (_, r))| o == r),
            _ => false,
        };
        if !unchanged || opts.len() < 2 || attempt == 3 {
            break;
        }
    }
    opts
}

/// Fisher-Yates with a xorshift generator: stable across Rust and crate versions, unlike
/// `rand`'s generators, so a seed always shows the same order. `state` must not be zero.
fn shuffle<T>(items: &mut [T], state: &mut u64) {
    for i in (1..items.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        items.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

/// What studying `card` marks for the rest of the day: its fact, so that its siblings wait,
/// and its own id, for the cards the deck keeps apart from it.
fn day_marks(card: &Card) -> impl Iterator<Item = &str> {
    card.fact
        .as_deref()
        .into_iter()
        .chain(std::iter::once(card.id.as_str()))
}

/// Whether `card` waits for another day given what is `marked` today: its fact (a sibling
/// was studied), or a card or fact the deck keeps it apart from (`Deck::apart`: one shows its
/// answer, or a timeline orders its event).
fn waits_today(deck: &Deck, card: &Card, marked: impl Fn(&str) -> bool) -> bool {
    card.fact.as_deref().is_some_and(&marked)
        || deck.apart.of(card.id.as_str()).iter().any(|k| marked(k))
}

fn has_tag(card: &Card, tags: &[String]) -> bool {
    tags.is_empty()
        || card
            .tags
            .iter()
            .any(|t| tags.iter().any(|w| w.eq_ignore_ascii_case(t)))
}

impl<'a> Session<'a> {
    /// Builds the queue as of `now`: learning cards, then due reviews, then new cards in deck
    /// order, within each deck's limits; at most one card per fact per day.
    pub fn new(decks: Vec<SessionDeck<'a>>, opts: SessionOptions, now: Timestamp) -> Session<'a> {
        let mut s = Session {
            decks,
            opts,
            learning: Vec::new(),
            reviews: VecDeque::new(),
            new: VecDeque::new(),
            front: None,
            facts_today: HashSet::new(),
            done: Vec::new(),
            tally: Tally::default(),
        };
        if s.opts.cram {
            s.build_cram();
        } else {
            s.build(now);
        }
        s
    }

    fn build(&mut self, now: Timestamp) {
        for (d, sd) in self.decks.iter().enumerate() {
            let days = DayClock::new(&sd.scheduler, now);
            let deck: &'a Deck = sd.deck;
            // Facts already touched today keep their other cards for another day.
            for card in &deck.cards {
                if let Some(rec) = sd.records.get(card.id.as_str())
                    && rec.state.last_review.is_some_and(|t| days.is_today(t))
                {
                    self.facts_today.extend(day_marks(card).map(|k| (d, k)));
                }
            }
        }
        let mut reviews: Vec<(Item, Timestamp)> = Vec::new();
        for (d, sd) in self.decks.iter().enumerate() {
            let days = DayClock::new(&sd.scheduler, now);
            let today = days.today();
            let mut new_left = sd.new_limit;
            let mut facts_queued: HashSet<&str> = HashSet::new();
            // New cards come in the order the instructor wrote them: a fact's generated cards
            // sit where the fact is written, among the hand-written cards.
            let mut order: Vec<usize> = (0..sd.deck.cards.len()).collect();
            order.sort_by_key(|&c| sd.deck.cards[c].span.start);
            for c in order {
                let card = &sd.deck.cards[c];
                if !has_tag(card, &self.opts.tags) {
                    continue;
                }
                let item = Item { deck: d, card: c };
                let sibling_blocked = waits_today(sd.deck, card, |k| {
                    self.facts_today.contains(&(d, k)) || facts_queued.contains(k)
                });
                match sd.records.get(card.id.as_str()) {
                    Some(rec) if rec.suspended => {}
                    Some(rec) if rec.buried_until.is_some_and(|b| b > today) => {}
                    Some(rec) if matches!(rec.state.phase, Phase::Learning | Phase::Relearning) => {
                        self.learning.push((item, rec.state.due));
                    }
                    Some(rec) if rec.state.phase == Phase::Review => {
                        if days.is_due_review(rec.state.due) && !sibling_blocked {
                            reviews.push((item, rec.state.due));
                            facts_queued.extend(day_marks(card));
                        }
                    }
                    _ => {
                        if new_left > 0 && !sibling_blocked {
                            new_left -= 1;
                            self.new.push_back(item);
                            facts_queued.extend(day_marks(card));
                        }
                    }
                }
            }
        }
        // Most overdue first, then per-deck review limits.
        reviews.sort_by_key(|(item, due)| (*due, item.deck, item.card));
        let mut per_deck: HashMap<usize, u32> = HashMap::new();
        for (item, _) in reviews {
            let n = per_deck.entry(item.deck).or_default();
            if *n < self.decks[item.deck].review_limit {
                *n += 1;
                self.reviews.push_back(item);
            }
        }
        self.learning
            .sort_by_key(|(item, due)| (*due, item.deck, item.card));
    }

    fn build_cram(&mut self) {
        let mut all = Vec::new();
        for (d, sd) in self.decks.iter().enumerate() {
            for (c, card) in sd.deck.cards.iter().enumerate() {
                let suspended = sd
                    .records
                    .get(card.id.as_str())
                    .is_some_and(|r| r.suspended);
                if has_tag(card, &self.opts.tags) && !suspended {
                    all.push(Item { deck: d, card: c });
                }
            }
        }
        // Seeded so a cram session is repeatable with --seed.
        shuffle(&mut all, &mut (self.opts.seed | 1));
        self.reviews = all.into();
    }

    pub fn card(&self, item: Item) -> &Card {
        &self.decks[item.deck].deck.cards[item.card]
    }

    pub fn deck(&self, item: Item) -> &Deck {
        self.decks[item.deck].deck
    }

    pub fn record(&self, item: Item) -> Option<&CardRecord> {
        self.decks[item.deck]
            .records
            .get(self.card(item).id.as_str())
    }

    pub fn scheduler(&self, item: Item) -> &Scheduler {
        &self.decks[item.deck].scheduler
    }

    pub fn tally(&self) -> Tally {
        self.tally
    }

    pub fn is_cram(&self) -> bool {
        self.opts.cram
    }

    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            new: self.new.len(),
            learning: self.learning.len(),
            review: self.reviews.len(),
        };
        if let Some(item) = self.front {
            match self.origin_of(item) {
                Origin::New => c.new += 1,
                Origin::Review => c.review += 1,
                Origin::Learning => c.learning += 1,
            }
        }
        c
    }

    fn origin_of(&self, item: Item) -> Origin {
        match self.record(item).map(|r| r.state.phase) {
            None | Some(Phase::New) => Origin::New,
            Some(Phase::Review) => Origin::Review,
            Some(_) => Origin::Learning,
        }
    }

    fn limit_reached(&self) -> bool {
        self.opts
            .card_limit
            .is_some_and(|n| self.tally.answered >= n)
    }

    /// The next card to show at `now`, without removing it: call `apply` (or `skip`) after.
    pub fn next(&self, now: Timestamp) -> Option<Item> {
        if self.limit_reached() {
            return None;
        }
        if let Some(item) = self.front {
            return Some(item);
        }
        if let Some((item, _)) = self.learning.first().filter(|(_, due)| *due <= now) {
            return Some(*item);
        }
        if let Some(item) = self.reviews.front() {
            return Some(*item);
        }
        if let Some(item) = self.new.front() {
            return Some(*item);
        }
        let ahead = now + jiff::SignedDuration::from_secs(LEARN_AHEAD_SECS);
        self.learning
            .first()
            .filter(|(_, due)| *due <= ahead)
            .map(|(item, _)| *item)
    }

    /// When the next learning card becomes due, if any is waiting beyond the learn-ahead limit.
    pub fn next_learning_due(&self) -> Option<Timestamp> {
        self.learning.first().map(|(_, due)| *due)
    }

    fn take(&mut self, item: Item) -> Origin {
        if self.front == Some(item) {
            self.front = None;
            return self.origin_of(item);
        }
        if let Some(pos) = self.learning.iter().position(|(i, _)| *i == item) {
            self.learning.remove(pos);
            return Origin::Learning;
        }
        if let Some(pos) = self.reviews.iter().position(|i| *i == item) {
            self.reviews.remove(pos);
            return Origin::Review;
        }
        if let Some(pos) = self.new.iter().position(|i| *i == item) {
            self.new.remove(pos);
        }
        Origin::New
    }

    /// What grading `item` with `rating` at `now` stores. Nothing changes until `apply`.
    pub fn plan(&self, item: Item, grade: Grade, now: Timestamp) -> Planned {
        let sd = &self.decks[item.deck];
        let card = self.card(item);
        let before = sd.records.get(card.id.as_str()).cloned();
        let prior = before
            .clone()
            .unwrap_or_else(|| CardRecord::new(question_hash(card), now));
        let fuzz_seed = fnv1a(&[card.id.as_str(), &now.as_millisecond().to_string()]);
        let (after, became_leech, mode) = if self.opts.cram {
            (prior.clone(), false, Mode::Cram)
        } else {
            let answered = sd
                .scheduler
                .answer(&prior.state, grade.rating, now, fuzz_seed);
            let mut after = prior.clone();
            after.state = answered.state;
            after.question_hash = question_hash(card);
            if answered.became_leech && !prior.leech {
                after.leech = true;
                after.suspended = true;
            }
            (after, answered.became_leech && !prior.leech, Mode::Study)
        };
        Planned {
            item,
            review: NewReview {
                deck: sd.deck.id.clone(),
                card: card.id.to_string(),
                time: now,
                rating: grade.rating,
                answer: grade.answer,
                verdict: grade.verdict,
                response_ms: grade.response_ms,
                mode,
                before,
                after,
            },
            became_leech,
            correct: grade.correct,
        }
    }

    /// Takes a committed review into the session: the card leaves its queue and comes back
    /// later today if it is still learning.
    pub fn apply(&mut self, planned: Planned) {
        let item = planned.item;
        let origin = self.take(item);
        let d = item.deck;
        let deck: &'a Deck = self.decks[d].deck;
        let studied = &deck.cards[item.card];
        if studied.fact.is_some() || !deck.apart.of(studied.id.as_str()).is_empty() {
            self.facts_today.extend(day_marks(studied).map(|k| (d, k)));
            // Siblings, and cards kept apart from this one, wait for another day.
            let today = &self.facts_today;
            let waits = |i: &Item| {
                i.deck == d
                    && i.card != item.card
                    && waits_today(deck, &deck.cards[i.card], |k| today.contains(&(d, k)))
            };
            self.new.retain(|i| !waits(i));
            self.reviews.retain(|i| !waits(i));
        }
        if planned.review.mode != Mode::Cram {
            let after = planned.review.after.clone();
            if matches!(after.state.phase, Phase::Learning | Phase::Relearning) && !after.suspended
            {
                self.learning.push((item, after.state.due));
                self.learning.sort_by_key(|(i, due)| (*due, i.deck, i.card));
            }
            let id = self.card(item).id.to_string();
            self.decks[d].records.insert(id, after);
        }
        self.tally.answered += 1;
        self.tally.correct += u32::from(planned.correct);
        self.tally.again += u32::from(planned.review.rating == Rating::Again);
        self.tally.leeches += u32::from(planned.became_leech);
        self.done.push((planned, origin));
    }

    /// Undoes the newest applied answer (after the store has undone it): its card returns to
    /// the front of the queue with its previous progress.
    pub fn undo(&mut self) -> Option<Item> {
        let (planned, origin) = self.done.pop()?;
        let item = planned.item;
        if let Some(prev) = self.front.take() {
            // The card on screen goes back to where it came from.
            self.requeue(prev);
        }
        self.learning.retain(|(i, _)| *i != item);
        let id = self.card(item).id.to_string();
        match planned.review.before {
            Some(rec) => {
                self.decks[item.deck].records.insert(id, rec);
            }
            None => {
                self.decks[item.deck].records.remove(&id);
            }
        }
        let _ = origin;
        self.front = Some(item);
        self.tally.answered -= 1;
        self.tally.correct -= u32::from(planned.correct);
        self.tally.again -= u32::from(planned.review.rating == Rating::Again);
        self.tally.leeches -= u32::from(planned.became_leech);
        Some(item)
    }

    fn requeue(&mut self, item: Item) {
        match self.origin_of(item) {
            Origin::New => self.new.push_front(item),
            Origin::Review => self.reviews.push_front(item),
            Origin::Learning => {
                if let Some(r) = self.record(item) {
                    let due = r.state.due;
                    self.learning.insert(0, (item, due));
                }
            }
        }
    }

    /// Removes a card from today's session (after the store suspended or buried it).
    pub fn remove(&mut self, item: Item) {
        self.take(item);
    }

    /// The deck id and card id of the newest applied answer, if any (for undo in the store).
    pub fn last_answered(&self) -> Option<&NewReview> {
        self.done.last().map(|(p, _)| &p.review)
    }

    /// Study day of `now` for an item's deck.
    pub fn today(&self, item: Item, now: Timestamp) -> Date {
        self.scheduler(item).study_day(now)
    }

    /// The earliest due time among the session's decks' cards that are not new, after the
    /// session (for the summary's "next due").
    pub fn next_due(&self) -> Option<Timestamp> {
        self.decks
            .iter()
            .flat_map(|sd| sd.records.values())
            .filter(|r| !r.suspended && r.state.phase != Phase::New)
            .map(|r| r.state.due)
            .min()
    }
}

/// A learner's grade with what was answered, as the UI collected it.
#[derive(Debug, Clone)]
pub struct Grade {
    pub rating: Rating,
    pub answer: String,
    pub verdict: String,
    pub response_ms: u64,
    pub correct: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::load::load;
    use crate::schedule::SchedulerConfig;

    const DECK: &str = r#"
format = 1
id = "t"
title = "Test"

[[card]]
id = "a"
kind = "typed"
prompt = "First?"
answer = "alpha"
tags = ["greek"]

[[card]]
id = "b"
kind = "typed"
prompt = "Second?"
answer = "bravo"

[[fact]]
id = "hq"
kind = "place"
subject = "the Secretariat"
place = "Beijing"

[[fact]]
id = "hq2"
kind = "place"
subject = "the anti-terror body"
place = "Tashkent"

[[card]]
id = "c"
kind = "typed"
prompt = "Third?"
answer = "charlie"
"#;

    fn deck() -> Deck {
        let loaded = load(DECK.as_bytes());
        let errors: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        loaded.deck.unwrap()
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn scheduler() -> Scheduler {
        Scheduler::new(SchedulerConfig {
            fuzz: false,
            ..SchedulerConfig::default()
        })
        .unwrap()
    }

    fn sd(deck: &Deck, records: CardRecords, new_limit: u32) -> SessionDeck<'_> {
        SessionDeck {
            deck,
            scheduler: scheduler(),
            records,
            new_limit,
            review_limit: 100,
        }
    }

    fn grade(r: Rating) -> Grade {
        Grade {
            rating: r,
            answer: "x".into(),
            verdict: "correct".into(),
            response_ms: 1000,
            correct: r != Rating::Again,
        }
    }

    fn ids(s: &Session<'_>, items: impl IntoIterator<Item = Item>) -> Vec<String> {
        items
            .into_iter()
            .map(|i| s.card(i).id.to_string())
            .collect()
    }

    /// Drains the queue by answering Easy, returning the card ids in the order shown.
    fn drain(s: &mut Session<'_>, now: Timestamp) -> Vec<String> {
        let mut shown = Vec::new();
        while let Some(item) = s.next(now) {
            shown.push(s.card(item).id.to_string());
            let p = s.plan(item, grade(Rating::Easy), now);
            s.apply(p);
        }
        shown
    }

    fn review(due: &str, last: &str) -> CardRecord {
        let mut r = CardRecord::new("h", ts(due));
        r.state.phase = Phase::Review;
        r.state.stability = Some(5.0);
        r.state.difficulty = Some(5.0);
        r.state.last_review = Some(ts(last));
        r.state.interval_days = 5;
        r.state.reps = 3;
        r
    }

    #[test]
    fn new_cards_come_in_written_order_one_per_fact() {
        let d = deck();
        let now = ts("2026-03-02T10:00:00Z");
        let mut s = Session::new(
            vec![sd(&d, CardRecords::default(), 20)],
            SessionOptions::default(),
            now,
        );
        let shown = drain(&mut s, now);
        // a, b, one card of each place fact (siblings wait), then c.
        assert_eq!(shown.len(), 5, "{shown:?}");
        assert_eq!(&shown[..2], ["a", "b"]);
        assert!(shown[2].starts_with("hq/"), "{shown:?}");
        assert!(shown[3].starts_with("hq2/"), "{shown:?}");
        assert_eq!(shown[4], "c");
    }

    #[test]
    fn the_new_card_limit_holds() {
        let d = deck();
        let now = ts("2026-03-02T10:00:00Z");
        let s = Session::new(
            vec![sd(&d, CardRecords::default(), 2)],
            SessionOptions::default(),
            now,
        );
        assert_eq!(
            s.counts(),
            Counts {
                new: 2,
                learning: 0,
                review: 0
            }
        );
    }

    #[test]
    fn learning_first_then_reviews_then_new() {
        let d = deck();
        let now = ts("2026-03-02T10:00:00Z");
        let mut records = CardRecords::default();
        records.insert(
            "c".to_string(),
            review("2026-03-01T04:00:00Z", "2026-02-24T10:00:00Z"),
        );
        let mut learning = CardRecord::new("h", ts("2026-03-02T09:59:00Z"));
        learning.state.phase = Phase::Learning;
        learning.state.last_review = Some(ts("2026-03-02T09:58:00Z"));
        records.insert("b".to_string(), learning);
        let s = Session::new(vec![sd(&d, records, 1)], SessionOptions::default(), now);
        assert_eq!(
            s.counts(),
            Counts {
                new: 1,
                learning: 1,
                review: 1
            }
        );
        assert_eq!(ids(&s, s.next(now)), ["b"]);
    }

    #[test]
    fn a_review_due_tomorrow_waits_for_the_day_start_hour() {
        let d = deck();
        let mut records = CardRecords::default();
        // Due on the study day 2026-03-03, which starts at 04:00 (UTC here).
        records.insert(
            "a".to_string(),
            review("2026-03-03T04:00:00Z", "2026-02-26T10:00:00Z"),
        );
        let before = ts("2026-03-03T03:30:00Z");
        let s = Session::new(
            vec![sd(&d, records.clone(), 0)],
            SessionOptions::default(),
            before,
        );
        assert_eq!(s.counts().review, 0);
        let after = ts("2026-03-03T04:30:00Z");
        let s = Session::new(vec![sd(&d, records, 0)], SessionOptions::default(), after);
        assert_eq!(s.counts().review, 1);
    }

    #[test]
    fn a_new_card_answered_good_returns_after_its_learning_step() {
        let d = deck();
        let now = ts("2026-03-02T10:00:00Z");
        let opts = SessionOptions {
            tags: vec!["greek".into()],
            ..SessionOptions::default()
        };
        let mut s = Session::new(vec![sd(&d, CardRecords::default(), 20)], opts, now);
        let item = s.next(now).unwrap();
        let p = s.plan(item, grade(Rating::Good), now);
        assert_eq!(p.review.after.state.phase, Phase::Learning);
        assert!(p.review.before.is_none());
        s.apply(p);
        assert_eq!(
            s.counts(),
            Counts {
                new: 0,
                learning: 1,
                review: 0
            }
        );
        // Due in 10 minutes: within the learn-ahead limit, so it is offered again now...
        assert_eq!(s.next(now), Some(item));
        // ...but not when it is further ahead than that.
        let p = s.plan(item, grade(Rating::Hard), now);
        s.apply(p);
        assert!(s.next_learning_due().is_some());
    }

    #[test]
    fn undo_puts_the_card_back_with_its_old_progress() {
        let d = deck();
        let now = ts("2026-03-02T10:00:00Z");
        let mut s = Session::new(
            vec![sd(&d, CardRecords::default(), 20)],
            SessionOptions::default(),
            now,
        );
        let first = s.next(now).unwrap();
        let p = s.plan(first, grade(Rating::Easy), now);
        s.apply(p);
        assert!(s.record(first).is_some());
        assert_eq!(s.tally().answered, 1);
        let second = s.next(now).unwrap();
        assert_ne!(first, second);
        assert_eq!(s.undo(), Some(first));
        assert!(s.record(first).is_none());
        assert_eq!(s.tally(), Tally::default());
        assert_eq!(s.next(now), Some(first));
        assert_eq!(s.counts().new, 5);
        assert_eq!(s.undo(), None);
    }

    #[test]
    fn cram_leaves_records_unchanged() {
        let d = deck();
        let now = ts("2026-03-02T10:00:00Z");
        let opts = SessionOptions {
            cram: true,
            seed: 9,
            ..SessionOptions::default()
        };
        let mut s = Session::new(vec![sd(&d, CardRecords::default(), 0)], opts, now);
        assert_eq!(s.counts().review, d.cards.len());
        let item = s.next(now).unwrap();
        let p = s.plan(item, grade(Rating::Again), now);
        assert_eq!(p.review.mode, Mode::Cram);
        assert_eq!(p.review.after.state.phase, Phase::New);
        s.apply(p);
        assert!(s.record(item).is_none());
    }

    #[test]
    fn the_card_limit_ends_the_session() {
        let d = deck();
        let now = ts("2026-03-02T10:00:00Z");
        let opts = SessionOptions {
            card_limit: Some(2),
            ..SessionOptions::default()
        };
        let mut s = Session::new(vec![sd(&d, CardRecords::default(), 20)], opts, now);
        assert_eq!(drain(&mut s, now).len(), 2);
    }

    #[test]
    fn a_lapse_at_the_threshold_makes_a_leech_and_suspends_it() {
        let d = deck();
        let now = ts("2026-03-02T10:00:00Z");
        let mut r = review("2026-03-01T04:00:00Z", "2026-02-24T10:00:00Z");
        r.state.lapses = 7;
        let mut records = CardRecords::default();
        records.insert("a".to_string(), r);
        let mut s = Session::new(vec![sd(&d, records, 0)], SessionOptions::default(), now);
        let item = s.next(now).unwrap();
        let p = s.plan(item, grade(Rating::Again), now);
        assert!(p.became_leech);
        assert!(p.review.after.suspended && p.review.after.leech);
        s.apply(p);
        assert_eq!(s.tally().leeches, 1);
        assert_eq!(s.next(now), None, "a suspended leech does not come back");
    }

    #[test]
    fn siblings_of_a_fact_studied_today_wait() {
        let d = deck();
        let now = ts("2026-03-02T10:00:00Z");
        let first_hq = d
            .cards
            .iter()
            .find(|c| c.fact.as_deref() == Some("hq"))
            .unwrap();
        let mut rec = review("2026-03-10T04:00:00Z", "2026-03-02T09:00:00Z");
        rec.state.last_review = Some(ts("2026-03-02T09:00:00Z"));
        let mut records = CardRecords::default();
        records.insert(first_hq.id.to_string(), rec);
        let mut s = Session::new(vec![sd(&d, records, 20)], SessionOptions::default(), now);
        let shown = drain(&mut s, now);
        assert!(!shown.iter().any(|id| id.starts_with("hq/")), "{shown:?}");
    }

    #[test]
    fn cards_kept_apart_wait_like_siblings() {
        let mut d = deck();
        // `a` shows `c`'s answer; once `a` is studied, `c` waits, and the other way round.
        d.apart.add("a", "c");
        d.apart.add("c", "a");
        let now = ts("2026-03-02T10:00:00Z");
        let mut s = Session::new(
            vec![sd(&d, CardRecords::default(), 20)],
            SessionOptions::default(),
            now,
        );
        let shown = drain(&mut s, now);
        assert!(shown.contains(&"a".to_string()), "{shown:?}");
        assert!(!shown.contains(&"c".to_string()), "{shown:?}");
        // A card kept apart from a whole fact waits once any card of it was studied today.
        let mut d = deck();
        d.apart.add("c", "hq");
        let hq = d
            .cards
            .iter()
            .find(|c| c.fact.as_deref() == Some("hq"))
            .unwrap();
        d.apart.add(&hq.id.to_string(), "c");
        let mut rec = review("2026-03-10T04:00:00Z", "2026-03-02T09:00:00Z");
        rec.state.last_review = Some(ts("2026-03-02T09:00:00Z"));
        let mut records = CardRecords::default();
        records.insert(hq.id.to_string(), rec);
        let mut s = Session::new(vec![sd(&d, records, 20)], SessionOptions::default(), now);
        let shown = drain(&mut s, now);
        assert!(!shown.contains(&"c".to_string()), "{shown:?}");
        assert!(shown.contains(&"b".to_string()), "{shown:?}");
    }

    #[test]
    fn shown_options_are_seeded_and_complete() {
        let choice = &Card::new(
            "x",
            crate::deck::Kind::Choice {
                correct: vec!["Beijing".into()],
                wrong: vec!["Tashkent".into(), "Astana".into(), "Bishkek".into()],
            },
            "Where?",
        );
        let a = shown_options(choice, 1);
        assert_eq!(a, shown_options(choice, 1));
        let mut sorted = a.clone();
        sorted.sort();
        let crate::deck::Kind::Choice { correct, wrong } = &choice.kind else {
            unreachable!()
        };
        let mut all: Vec<Text> = correct.iter().chain(wrong).cloned().collect();
        all.sort();
        assert_eq!(sorted, all);
    }

    #[test]
    fn fnv1a_is_stable() {
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(&["a"]), crate::deck::generate::fnv1a(b"a\xff"));
        assert_eq!(fnv1a(&["sco"]), fnv1a(&["sco"]));
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
    }
}

//! The study state machine: builds the day's queue from deck cards and stored progress, hands
//! out cards, turns grades into reviews to commit, and takes back undone ones.
//!
//! Pure: the clock is an argument and nothing is printed or stored here. The driver (in `ui`)
//! asks `plan` for the review a grade produces, commits it with the store, and only then calls
//! `apply`, so the in-memory queue never runs ahead of what is durable.

use std::collections::{HashMap, HashSet, VecDeque};

use jiff::Timestamp;
use jiff::civil::Date;

use crate::deck::{Card, Deck};
use crate::schedule::{CardState, Phase, Rating, Scheduler};
use crate::store::{CardRecord, Mode, NewReview};

/// How long ahead learning cards may be shown when nothing else is left (as Anki's default).
pub const LEARN_AHEAD_SECS: i64 = 20 * 60;

/// One deck taking part in a session, with its scheduler and stored progress.
pub struct SessionDeck<'a> {
    pub deck: &'a Deck,
    pub scheduler: Scheduler,
    pub records: HashMap<String, CardRecord>,
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
    facts_today: HashSet<(usize, String)>,
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

/// A stable 64-bit FNV-1a hash, for seeds and question hashes that must not change between
/// runs or Rust versions.
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A hash of what a card asks and accepts, stored with its progress so that a question whose
/// meaning changed can be noticed and reset.
pub fn question_hash(card: &Card) -> String {
    format!("{:016x}", fnv1a(&[card.kind.name(), &card.prompt, &format!("{:?}", card.kind)]))
}

/// The order in which a card's options are shown: seeded, so a card shows the same way on
/// undo and in tests. Returns the options to display (empty for kinds without options).
pub fn shown_options(card: &Card, seed: u64) -> Vec<String> {
    use crate::deck::Kind;
    let mut opts: Vec<String> = match &card.kind {
        Kind::Choice { correct, wrong } => correct.iter().chain(wrong).cloned().collect(),
        Kind::Order { items } => items.clone(),
        Kind::Match { pairs } => pairs.iter().map(|(_, r)| r.clone()).collect(),
        _ => return Vec::new(),
    };
    let mut state = fnv1a(&[card.id.as_str(), &seed.to_string()]) | 1;
    // Fisher-Yates with xorshift; an order item must not come out already sorted when avoidable.
    for attempt in 0..4 {
        for i in (1..opts.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let j = (state % (i as u64 + 1)) as usize;
            opts.swap(i, j);
        }
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

fn has_tag(card: &Card, tags: &[String]) -> bool {
    tags.is_empty() || card.tags.iter().any(|t| tags.iter().any(|w| w.eq_ignore_ascii_case(t)))
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
            let today = sd.scheduler.study_day(now);
            // Facts already touched today keep their other cards for another day.
            for card in &sd.deck.cards {
                if let (Some(fact), Some(rec)) = (&card.fact, sd.records.get(card.id.as_str())) {
                    if rec.state.last_review.is_some_and(|t| sd.scheduler.study_day(t) == today) {
                        self.facts_today.insert((d, fact.clone()));
                    }
                }
            }
        }
        let mut reviews: Vec<(Item, Timestamp)> = Vec::new();
        for (d, sd) in self.decks.iter().enumerate() {
            let today = sd.scheduler.study_day(now);
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
                let fact = card.fact.as_deref();
                let sibling_blocked = fact.is_some_and(|f| {
                    self.facts_today.contains(&(d, f.to_string())) || facts_queued.contains(f)
                });
                match sd.records.get(card.id.as_str()) {
                    Some(rec) if rec.suspended => {}
                    Some(rec) if rec.buried_until.is_some_and(|b| b > today) => {}
                    Some(rec) if matches!(rec.state.phase, Phase::Learning | Phase::Relearning) => {
                        self.learning.push((item, rec.state.due));
                    }
                    Some(rec) if rec.state.phase == Phase::Review => {
                        if sd.scheduler.is_due(&rec.state, now) && !sibling_blocked {
                            reviews.push((item, rec.state.due));
                            if let Some(f) = fact {
                                facts_queued.insert(f);
                            }
                        }
                    }
                    _ => {
                        if new_left > 0 && !sibling_blocked {
                            new_left -= 1;
                            self.new.push_back(item);
                            if let Some(f) = fact {
                                facts_queued.insert(f);
                            }
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
        self.learning.sort_by_key(|(item, due)| (*due, item.deck, item.card));
    }

    fn build_cram(&mut self) {
        let mut all = Vec::new();
        for (d, sd) in self.decks.iter().enumerate() {
            for (c, card) in sd.deck.cards.iter().enumerate() {
                let suspended = sd.records.get(card.id.as_str()).is_some_and(|r| r.suspended);
                if has_tag(card, &self.opts.tags) && !suspended {
                    all.push(Item { deck: d, card: c });
                }
            }
        }
        // Seeded shuffle so a cram session is repeatable with --seed.
        let mut state = self.opts.seed | 1;
        for i in (1..all.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            all.swap(i, (state % (i as u64 + 1)) as usize);
        }
        self.reviews = all.into();
    }

    pub fn card(&self, item: Item) -> &Card {
        &self.decks[item.deck].deck.cards[item.card]
    }

    pub fn deck(&self, item: Item) -> &Deck {
        self.decks[item.deck].deck
    }

    pub fn record(&self, item: Item) -> Option<&CardRecord> {
        self.decks[item.deck].records.get(self.card(item).id.as_str())
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
        self.opts.card_limit.is_some_and(|n| self.tally.answered >= n)
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
        self.learning.first().filter(|(_, due)| *due <= ahead).map(|(item, _)| *item)
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
        let prior = before.clone().unwrap_or_else(|| CardRecord::new(question_hash(card), now));
        let fuzz_seed = fnv1a(&[card.id.as_str(), &now.as_millisecond().to_string()]);
        let (after, became_leech, mode) = if self.opts.cram {
            (prior.clone(), false, Mode::Cram)
        } else {
            let answered = sd.scheduler.answer(&prior.state, grade.rating, now, fuzz_seed);
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
        if let Some(fact) = self.card(item).fact.clone() {
            self.facts_today.insert((d, fact.clone()));
            // Siblings wait for another day.
            let cards = &self.decks[d].deck.cards;
            let sibling = |i: &Item| i.deck == d && i.card != item.card && cards[i.card].fact.as_deref() == Some(fact.as_str());
            self.new.retain(|i| !sibling(i));
            self.reviews.retain(|i| !sibling(i));
        }
        if planned.review.mode != Mode::Cram {
            let after = planned.review.after.clone();
            if matches!(after.state.phase, Phase::Learning | Phase::Relearning) && !after.suspended {
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

#[allow(dead_code)]
fn _state_is_used(_: &CardState) {}

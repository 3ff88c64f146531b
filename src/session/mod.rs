//! The study state machine: the day's queue (from each deck's [`agenda`]), the card on screen,
//! and what the learner does with it. Every learner action is one [`Action`]: answer, grade,
//! suspend, bury, undo, quit.
//!
//! Pure: the clock and the answer checker are arguments; nothing is printed or stored here.
//! [`Session::plan`] turns an action into the [`Write`]s that make it durable and the change
//! it makes here; the driver (`crate::driver`) commits the writes with the store and only then
//! calls [`Session::apply`], so the in-memory queue never runs ahead of what is stored. Undo
//! takes back whatever was done last: an answer (the store's `undo_last`), a suspend or a bury
//! (the card's row put back as it was).

mod action;
mod agenda;
mod quiz;

use std::collections::{HashSet, VecDeque};

use jiff::Timestamp;
use jiff::civil::Date;

pub use action::{Action, Answered, Event, Graded, Plan, Undid, Write};
pub use agenda::{
    Agenda, LEARN_AHEAD_SECS, Want, agenda, has_tag, learn_ahead, sibling_keys, waits_for,
};
pub use quiz::Quiz;

use crate::answer::{Outcome, Verdict};
use crate::deck::{Card, Deck, NewOrder, Text};
use crate::grade::{self, Answering, Paces, Situation};
use crate::schedule::{Phase, Rating, Scheduler};
use crate::store::{CardRecord, CardRecords, Mode, NewReview};

/// One deck taking part in a session, with its scheduler and stored progress.
pub struct SessionDeck<'a> {
    pub deck: &'a Deck,
    pub scheduler: Scheduler,
    pub records: CardRecords,
    /// New cards that may still be introduced today.
    pub new_limit: u32,
    /// Reviews that may still be done today.
    pub review_limit: u32,
    pub new_order: NewOrder,
    /// Cards answered Again earlier today (ids), which get no Easy proposed.
    pub failed_today: HashSet<String>,
}

impl<'a> SessionDeck<'a> {
    /// A deck with no limits beyond the ones given, mixed new order and no failures today.
    pub fn new(deck: &'a Deck, scheduler: Scheduler, records: CardRecords) -> SessionDeck<'a> {
        SessionDeck {
            deck,
            scheduler,
            records,
            new_limit: u32::MAX,
            review_limit: u32::MAX,
            new_order: NewOrder::default(),
            failed_today: HashSet::new(),
        }
    }

    /// What the agenda of this deck depends on.
    pub fn want<'w>(&'w self, tags: &'w [String]) -> Want<'w> {
        Want {
            deck: self.deck,
            records: &self.records,
            scheduler: &self.scheduler,
            new_limit: self.new_limit,
            review_limit: self.review_limit,
            tags,
            new_order: self.new_order,
        }
    }
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
    /// The learner's typical pace per kind of card, for grade proposals.
    pub paces: Paces,
}

/// A card in the queue: which deck and which card of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Item {
    pub deck: usize,
    pub card: usize,
}

/// How many cards of each sort are left, the one on screen included.
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

/// Judges an answer: `answer::check` with the deck's answer pool in a session, a double in tests.
pub trait Checker {
    fn check(&self, deck: usize, card: &Card, given: &str, shown: &[Text]) -> Outcome;
}

/// The card being asked, and its answer once given.
#[derive(Debug, Clone)]
pub struct Screen {
    pub item: Item,
    /// The options in the order shown (see [`shown_options`]).
    pub shown: Vec<Text>,
    pub answer: Option<Answered>,
    origin: Origin,
}

/// Which queue a card came from, so that undo can put it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    New,
    Review,
    Learning,
}

/// What was done, newest last, for undo.
#[derive(Debug, Clone)]
enum Done {
    Answered {
        planned: Box<Planned>,
        origin: Origin,
        /// This answer was the card's first failure today.
        failed: bool,
    },
    Put {
        item: Item,
        origin: Origin,
        what: Undid,
        before: Option<CardRecord>,
    },
}

/// What a grade is to be followed by, when the learner suspends, buries or quits with an
/// answer on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    Suspend,
    Bury,
    Quit,
}

/// A card put out of the way: suspended, or buried until a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Put {
    Suspend,
    Bury(Date),
}

pub struct Session<'a> {
    decks: Vec<SessionDeck<'a>>,
    opts: SessionOptions,
    /// Cards in (re)learning, with the time they are due, soonest first.
    learning: Vec<(Item, Timestamp)>,
    reviews: VecDeque<Item>,
    new: VecDeque<Item>,
    screen: Option<Screen>,
    done: Vec<Done>,
    tally: Tally,
    failed_today: HashSet<Item>,
    /// What happens once the learner has chosen the grade they were asked for.
    then: Option<Then>,
    quit: bool,
    /// Cards held back until tomorrow, as of the start, and when the first waiting card is
    /// due, as of the start or of the last time the queue ran out.
    held_back: usize,
    next: Option<Timestamp>,
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

/// The fuzz seed of an answer given at `at`: the card and the time, as the review log keeps
/// them, so that replaying the log (`progress::import`) gives the same intervals.
pub fn fuzz_seed(card: &Card, at: Timestamp) -> u64 {
    fnv1a(&[card.id.as_str(), &at.as_millisecond().to_string()])
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

impl<'a> Session<'a> {
    /// Builds the queue as of `now` from each deck's agenda: learning cards, then due reviews
    /// (most overdue first), then new cards, deck by deck.
    pub fn new(decks: Vec<SessionDeck<'a>>, opts: SessionOptions, now: Timestamp) -> Session<'a> {
        let mut s = Session {
            decks,
            opts,
            learning: Vec::new(),
            reviews: VecDeque::new(),
            new: VecDeque::new(),
            screen: None,
            done: Vec::new(),
            tally: Tally::default(),
            failed_today: HashSet::new(),
            then: None,
            quit: false,
            held_back: 0,
            next: None,
        };
        for (d, sd) in s.decks.iter().enumerate() {
            for (c, card) in sd.deck.cards.iter().enumerate() {
                if sd.failed_today.contains(card.id.as_str()) {
                    s.failed_today.insert(Item { deck: d, card: c });
                }
            }
        }
        if s.opts.cram {
            s.build_cram();
        } else {
            s.build(now);
        }
        s
    }

    fn build(&mut self, now: Timestamp) {
        let mut reviews = Vec::new();
        for (d, sd) in self.decks.iter().enumerate() {
            let a = agenda(&sd.want(&self.opts.tags), now);
            let item = |card| Item { deck: d, card };
            self.learning
                .extend(a.learning.iter().map(|&(c, due)| (item(c), due)));
            reviews.extend(a.reviews.iter().map(|&(c, due)| (item(c), due)));
            self.new.extend(a.new.iter().map(|&c| item(c)));
            self.held_back += a.held_back;
            self.next = [self.next, a.next].into_iter().flatten().min();
        }
        reviews.sort_by_key(|(item, due)| (*due, item.deck, item.card));
        self.reviews = reviews.into_iter().map(|(item, _)| item).collect();
        self.sort_learning();
    }

    /// Every card of the chosen tags that is not suspended, in a seeded order; siblings too,
    /// since cramming changes no schedule.
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

    fn sort_learning(&mut self) {
        self.learning
            .sort_by_key(|(item, due)| (*due, item.deck, item.card));
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

    /// The card on screen, if one is shown.
    pub fn screen(&self) -> Option<&Screen> {
        self.screen.as_ref()
    }

    /// What is left to show in this session, each card once, the one on screen included.
    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            new: self.new.len(),
            learning: self.learning.len(),
            review: self.reviews.len(),
        };
        match self.screen.as_ref().map(|s| s.origin) {
            Some(Origin::New) => c.new += 1,
            Some(Origin::Review) => c.review += 1,
            Some(Origin::Learning) => c.learning += 1,
            None => {}
        }
        c
    }

    /// Cards held back until tomorrow because a sibling is studied today (as of the start).
    pub fn held_back(&self) -> usize {
        self.held_back
    }

    fn origin_of(&self, item: Item) -> Origin {
        match self.record(item).map(|r| r.state.phase) {
            None | Some(Phase::New) => Origin::New,
            Some(Phase::Review) => Origin::Review,
            Some(_) => Origin::Learning,
        }
    }

    /// Whether the session is over: the learner quit or the card limit is reached.
    fn is_over(&self) -> bool {
        self.quit
            || self
                .opts
                .card_limit
                .is_some_and(|n| self.tally.answered >= n)
    }

    /// The card to show at `now`: the one on screen, or the next one taken from its queue
    /// (learning cards that are due, reviews, new cards, then learning cards due within the
    /// learn-ahead limit). `None` when the session is over or nothing is left for now.
    pub fn show(&mut self, now: Timestamp) -> Option<Item> {
        if self.screen.is_none() {
            if self.is_over() {
                return None;
            }
            let (item, origin) = match self.take_next(now) {
                Some(next) => next,
                None => {
                    self.refresh(now);
                    self.take_next(now)?
                }
            };
            self.put_on_screen(item, origin);
        }
        self.screen.as_ref().map(|s| s.item)
    }

    /// Asks `item` afresh, its options in the session's order.
    fn put_on_screen(&mut self, item: Item, origin: Origin) {
        let shown = shown_options(self.card(item), self.opts.seed);
        self.screen = Some(Screen {
            item,
            shown,
            answer: None,
            origin,
        });
    }

    /// Reads the agenda again once the queue has run out, from the records as the session
    /// left them and what is left of today's limits: cards that became studyable (a new
    /// card or a sibling freed because a card was suspended or buried unanswered) join the
    /// queue, and the next due time becomes what `status` says now. (The held-back count stays
    /// the one of the start, which says why cards were not shown.)
    fn refresh(&mut self, now: Timestamp) {
        if self.opts.cram {
            return;
        }
        let mut next = None;
        for d in 0..self.decks.len() {
            let answered = |from: Origin| {
                self.done
                    .iter()
                    .filter(|x| {
                        matches!(x, Done::Answered { planned, origin, .. }
                            if planned.item.deck == d && *origin == from)
                    })
                    .count() as u32
            };
            let (introduced, reviewed) = (answered(Origin::New), answered(Origin::Review));
            let sd = &self.decks[d];
            let mut want = sd.want(&self.opts.tags);
            want.new_limit = sd.new_limit.saturating_sub(introduced);
            want.review_limit = sd.review_limit.saturating_sub(reviewed);
            let a = agenda(&want, now);
            next = [next, a.next].into_iter().flatten().min();
            let item = |card| Item { deck: d, card };
            for (c, due) in a.learning {
                if !self.learning.iter().any(|(i, _)| *i == item(c)) {
                    self.learning.push((item(c), due));
                }
            }
            self.reviews
                .extend(a.reviews.into_iter().map(|(c, _)| item(c)));
            self.new.extend(a.new.into_iter().map(item));
        }
        self.sort_learning();
        self.next = next;
    }

    fn take_next(&mut self, now: Timestamp) -> Option<(Item, Origin)> {
        if self.learning.first().is_some_and(|(_, due)| *due <= now) {
            return Some((self.learning.remove(0).0, Origin::Learning));
        }
        if let Some(item) = self.reviews.pop_front() {
            return Some((item, Origin::Review));
        }
        if let Some(item) = self.new.pop_front() {
            return Some((item, Origin::New));
        }
        if self
            .learning
            .first()
            .is_some_and(|(_, due)| *due <= learn_ahead(now))
        {
            return Some((self.learning.remove(0).0, Origin::Learning));
        }
        None
    }

    /// When the next learning card of this session is due, if one is waiting.
    pub fn next_learning_due(&self) -> Option<Timestamp> {
        self.learning.first().map(|(_, due)| *due)
    }

    /// When a card can next be studied after this session: a learning card still waiting, the
    /// first card that could not be studied when the session began, or a card answered or
    /// buried in this session, when it comes back. Never before `now`.
    pub fn next_due(&self, now: Timestamp) -> Option<Timestamp> {
        if self.screen.is_some() || !self.reviews.is_empty() || !self.new.is_empty() {
            return Some(now);
        }
        [self.next_learning_due(), self.next, self.next_of_done()]
            .into_iter()
            .flatten()
            .map(|t| t.max(now))
            .min()
    }

    /// When the first card this session answered (and sent to a later day) or buried can be
    /// studied again, by its record as it is now, as the agenda would read it: its due time,
    /// and not before its bury ends. Suspended cards and cram answers do not count.
    fn next_of_done(&self) -> Option<Timestamp> {
        self.done
            .iter()
            .filter_map(|d| match d {
                Done::Answered { planned, .. } if planned.review.mode != Mode::Cram => {
                    Some(planned.item)
                }
                Done::Answered { .. } => None,
                Done::Put { item, .. } => Some(*item),
            })
            .filter_map(|item| {
                let rec = self.record(item)?;
                if rec.suspended {
                    return None;
                }
                let back = rec.buried_until.map(|b| self.scheduler(item).day_start(b));
                match (rec.state.phase, back) {
                    (Phase::New, back) => back,
                    (_, back) => Some(back.map_or(rec.state.due, |b| b.max(rec.state.due))),
                }
            })
            .min()
    }

    /// When each grade would bring the card on screen back: the very dates a grade of its
    /// answer stores (fuzz included), so that the preview is the interval the learner gets.
    pub fn previews(&self) -> Vec<(Rating, Timestamp)> {
        let Some(screen) = &self.screen else {
            return Vec::new();
        };
        let Some(answered) = &screen.answer else {
            return Vec::new();
        };
        let item = screen.item;
        let at = answered.at;
        let state = self
            .record(item)
            .map(|r| r.state.clone())
            .unwrap_or_else(|| CardRecord::new(String::new(), at).state);
        let seed = fuzz_seed(self.card(item), at);
        Rating::ALL
            .iter()
            .map(|&r| {
                let after = self.scheduler(item).answer(&state, r, at, seed);
                (r, after.state.due)
            })
            .collect()
    }

    /// What `action` stores and changes, decided without changing anything: pass the plan to
    /// [`Session::apply`] once its writes are committed.
    pub fn plan(&self, action: Action, now: Timestamp, checker: &dyn Checker) -> Plan {
        match action {
            Action::Answer { text, ms } => self.plan_answer(text, ms, now, checker),
            Action::Grade(rating) => self.plan_grade(rating, self.then, now),
            Action::Suspend => self.plan_put(Then::Suspend, now),
            Action::Bury => self.plan_put(Then::Bury, now),
            Action::Quit => match self.screen.as_ref().and_then(|s| s.answer.as_ref()) {
                Some(_) => self.plan_grade(None, Some(Then::Quit), now),
                None => Plan::change(action::Change::Quit),
            },
            Action::Undo => self.plan_undo(),
        }
    }

    fn plan_answer(&self, text: String, ms: u64, now: Timestamp, checker: &dyn Checker) -> Plan {
        let Some(screen) = self.screen.as_ref().filter(|s| s.answer.is_none()) else {
            return Plan::change(action::Change::Nothing);
        };
        let item = screen.item;
        let card = self.card(item);
        let outcome = checker.check(item.deck, card, &text, &screen.shown);
        if outcome.verdict == Verdict::Invalid {
            let hint = outcome
                .note
                .clone()
                .unwrap_or_else(|| "That is not an answer to this question.".to_string());
            return Plan::change(action::Change::AskAgain(hint));
        }
        let phase = self.record(item).map_or(Phase::New, |r| r.state.phase);
        let situation = Situation {
            answering: Answering::of(&card.kind),
            phase,
            failed_today: self.failed_today.contains(&item),
            response_ms: ms,
            chars: grade::answer_chars(&card.kind),
            typical_pace: self.opts.paces.typical(&card.kind),
        };
        let mut proposal = grade::propose(&outcome, &situation);
        if self.opts.cram && proposal.is_none() {
            // Cramming stores no schedule: a self-graded card needs no grade.
            proposal = Some(Rating::Good);
        }
        Plan::change(action::Change::Answered(Box::new(Answered {
            text,
            ms,
            at: now,
            outcome,
            proposal,
        })))
    }

    /// Grades the answer on screen with `rating` (the proposal when `None`), then does `then`.
    fn plan_grade(&self, rating: Option<Rating>, then: Option<Then>, now: Timestamp) -> Plan {
        let Some((screen, answered)) = self
            .screen
            .as_ref()
            .and_then(|s| s.answer.as_ref().map(|a| (s, a)))
        else {
            return Plan::change(action::Change::Nothing);
        };
        let Some(rating) = rating.or(answered.proposal) else {
            return Plan::change(action::Change::ChooseGrade(then));
        };
        let planned = self.planned(screen.item, rating, answered);
        let mut writes = vec![Write::Review(planned.review.clone())];
        let after = match then {
            None => action::After::Stay,
            Some(Then::Quit) => action::After::Quit,
            Some(what) => {
                let put = self.put(screen.item, what, now);
                writes.push(self.put_write(screen.item, put));
                action::After::Put(put)
            }
        };
        Plan {
            writes,
            change: action::Change::Graded(Box::new(planned), after),
        }
    }

    /// Suspends or buries the card on screen; an answer already given is graded first.
    fn plan_put(&self, what: Then, now: Timestamp) -> Plan {
        let Some(screen) = &self.screen else {
            return Plan::change(action::Change::Nothing);
        };
        if screen.answer.is_some() {
            return self.plan_grade(None, Some(what), now);
        }
        let put = self.put(screen.item, what, now);
        Plan {
            writes: vec![self.put_write(screen.item, put)],
            change: action::Change::Put(put),
        }
    }

    /// A suspend, or a bury until the next study day.
    fn put(&self, item: Item, what: Then, now: Timestamp) -> Put {
        match what {
            Then::Bury => {
                let today = self.scheduler(item).study_day(now);
                Put::Bury(today.tomorrow().unwrap_or(today))
            }
            _ => Put::Suspend,
        }
    }

    fn put_write(&self, item: Item, put: Put) -> Write {
        let deck = self.deck(item).id.clone();
        let card = self.card(item).id.to_string();
        match put {
            Put::Bury(until) => Write::Bury { deck, card, until },
            Put::Suspend => Write::Suspend { deck, card },
        }
    }

    fn plan_undo(&self) -> Plan {
        let write = match self.done.last() {
            None => return Plan::change(action::Change::NothingToUndo),
            Some(Done::Answered { planned, .. }) => Write::UndoAnswer {
                deck: planned.review.deck.clone(),
            },
            Some(Done::Put { item, before, .. }) => Write::Restore {
                deck: self.deck(*item).id.clone(),
                card: self.card(*item).id.to_string(),
                record: before.clone(),
            },
        };
        Plan {
            writes: vec![write],
            change: action::Change::Undo,
        }
    }

    /// What grading `item`'s answer with `rating` stores. The answer counts from when it was
    /// given, which the preview of the grades used too.
    fn planned(&self, item: Item, rating: Rating, answered: &Answered) -> Planned {
        let now = answered.at;
        let sd = &self.decks[item.deck];
        let card = self.card(item);
        let before = sd.records.get(card.id.as_str()).cloned();
        let prior = before
            .clone()
            .unwrap_or_else(|| CardRecord::new(question_hash(card), now));
        let (after, became_leech, mode) = if self.opts.cram {
            (prior.clone(), false, Mode::Cram)
        } else {
            let seed = fuzz_seed(card, now);
            let answered = sd.scheduler.answer(&prior.state, rating, now, seed);
            let mut after = prior.clone();
            after.state = answered.state;
            after.question_hash = question_hash(card);
            let leech = answered.became_leech && !prior.leech;
            if leech {
                after.leech = true;
                after.suspended = true;
            }
            (after, leech, Mode::Study)
        };
        let verdict = answered.outcome.verdict;
        let correct =
            verdict.is_accepted() || (verdict == Verdict::Unchecked && rating != Rating::Again);
        Planned {
            item,
            review: NewReview {
                deck: sd.deck.id.clone(),
                card: card.id.to_string(),
                time: now,
                rating,
                answer: answered.text.clone(),
                verdict: verdict_name(verdict).to_string(),
                response_ms: answered.ms,
                mode,
                before,
                after,
            },
            became_leech,
            correct,
        }
    }

    /// Takes a plan in, once its writes are committed, and says what happened.
    pub fn apply(&mut self, plan: Plan) -> Event {
        use action::Change;
        // A grade the learner was asked to choose is wanted for the next grade only.
        let pending = self.then.take();
        match plan.change {
            Change::Nothing => Event::Nothing,
            Change::AskAgain(hint) => Event::AskAgain { hint },
            Change::Answered(answered) => {
                if let Some(s) = &mut self.screen {
                    s.answer = Some(*answered);
                }
                Event::Checked
            }
            Change::ChooseGrade(then) => {
                self.then = then.or(pending);
                Event::ChooseGrade
            }
            Change::Graded(planned, after) => {
                let graded = self.apply_answer(*planned);
                match after {
                    action::After::Stay => Event::Graded(graded),
                    action::After::Quit => {
                        self.quit = true;
                        Event::Quit {
                            graded: Some(graded),
                        }
                    }
                    action::After::Put(put) => self.apply_put(put, Some(graded)),
                }
            }
            Change::Put(what) => self.apply_put(what, None),
            Change::Quit => {
                self.quit = true;
                Event::Quit { graded: None }
            }
            Change::NothingToUndo => Event::NothingToUndo,
            Change::Undo => self.apply_undo(),
        }
    }

    /// A committed answer: the card leaves the screen and comes back later today if it is
    /// still learning.
    fn apply_answer(&mut self, planned: Planned) -> Graded {
        let Some(screen) = self.screen.take() else {
            unreachable!("a grade is planned only for the card on screen")
        };
        let item = planned.item;
        let d = item.deck;
        let rating = planned.review.rating;
        let after = planned.review.after.clone();
        let cram = planned.review.mode == Mode::Cram;
        if !cram {
            // A learning card comes back in this session when it is due on the same study day;
            // one due on a later day (a step that crosses the day start) is that day's, as in
            // the agenda, and `next_due` names it.
            let scheduler = self.scheduler(item);
            let today =
                scheduler.study_day(planned.review.time) >= scheduler.study_day(after.state.due);
            if matches!(after.state.phase, Phase::Learning | Phase::Relearning)
                && !after.suspended
                && today
            {
                self.learning.push((item, after.state.due));
                self.sort_learning();
            }
            let id = self.card(item).id.to_string();
            self.decks[d].records.insert(id, after.clone());
        }
        let failed = rating == Rating::Again && self.failed_today.insert(item);
        self.tally.answered += 1;
        self.tally.correct += u32::from(planned.correct);
        self.tally.again += u32::from(rating == Rating::Again);
        self.tally.leeches += u32::from(planned.became_leech);
        let graded = Graded {
            item,
            rating,
            due: after.state.due,
            phase: after.state.phase,
            lapses: after.state.lapses,
            leech: planned.became_leech,
            cram,
        };
        self.done.push(Done::Answered {
            planned: Box::new(planned),
            origin: screen.origin,
            failed,
        });
        graded
    }

    /// A committed suspend or bury of the card on screen (or of the one just graded).
    fn apply_put(&mut self, put: Put, graded: Option<Graded>) -> Event {
        let (item, origin) = match (&graded, self.screen.take()) {
            (Some(g), _) => {
                // The graded card may have gone back to the learning queue.
                self.learning.retain(|(i, _)| *i != g.item);
                (g.item, self.origin_of(g.item))
            }
            (None, Some(s)) => (s.item, s.origin),
            (None, None) => return Event::Nothing,
        };
        let before = self.record(item).cloned();
        let id = self.card(item).id.to_string();
        let mut after = before
            .clone()
            .unwrap_or_else(|| CardRecord::new(String::new(), Timestamp::UNIX_EPOCH));
        let undid = match put {
            Put::Bury(until) => {
                after.buried_until = Some(until);
                Undid::Bury
            }
            Put::Suspend => {
                after.suspended = true;
                Undid::Suspend
            }
        };
        self.decks[item.deck].records.insert(id, after);
        self.done.push(Done::Put {
            item,
            origin,
            what: undid,
            before,
        });
        match put {
            Put::Bury(until) => Event::Buried {
                item,
                until,
                graded,
            },
            Put::Suspend => Event::Suspended { item, graded },
        }
    }

    /// A committed undo: the card comes back on screen as it was before.
    fn apply_undo(&mut self) -> Event {
        let Some(done) = self.done.pop() else {
            return Event::NothingToUndo;
        };
        if let Some(prev) = self.screen.take() {
            // The card on screen goes back to where it came from, its answer dropped.
            self.requeue(prev.item, prev.origin);
        }
        let (item, origin, what) = match done {
            Done::Answered {
                planned,
                origin,
                failed,
            } => {
                let item = planned.item;
                self.learning.retain(|(i, _)| *i != item);
                self.restore(item, planned.review.before);
                if failed {
                    self.failed_today.remove(&item);
                }
                let rating = planned.review.rating;
                self.tally.answered -= 1;
                self.tally.correct -= u32::from(planned.correct);
                self.tally.again -= u32::from(rating == Rating::Again);
                self.tally.leeches -= u32::from(planned.became_leech);
                (item, origin, Undid::Answer)
            }
            Done::Put {
                item,
                origin,
                what,
                before,
            } => {
                self.restore(item, before);
                (item, origin, what)
            }
        };
        // Cards queued when the queue ran out may be ones this card held back (it had been
        // put away unanswered): back on screen, it holds them back again.
        let deck: &Deck = self.decks[item.deck].deck;
        let keys: HashSet<&str> = sibling_keys(&deck.cards[item.card]).collect();
        let free = |i: &Item| i.deck != item.deck || !waits_for(deck, &deck.cards[i.card], &keys);
        self.new.retain(free);
        self.reviews.retain(free);
        self.put_on_screen(item, origin);
        Event::Undone { item, what }
    }

    fn restore(&mut self, item: Item, record: Option<CardRecord>) {
        let id = self.card(item).id.to_string();
        let records = &mut self.decks[item.deck].records;
        match record {
            Some(rec) => {
                records.insert(id, rec);
            }
            None => {
                records.remove(&id);
            }
        }
    }

    fn requeue(&mut self, item: Item, origin: Origin) {
        match origin {
            Origin::New => self.new.push_front(item),
            Origin::Review => self.reviews.push_front(item),
            Origin::Learning => {
                let due = self
                    .record(item)
                    .map_or(Timestamp::UNIX_EPOCH, |r| r.state.due);
                self.learning.insert(0, (item, due));
            }
        }
    }
}

/// The verdict's name as the review log stores it.
pub fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Correct => "correct",
        Verdict::Typo => "typo",
        Verdict::Partial => "partial",
        Verdict::Wrong => "wrong",
        Verdict::Unchecked => "self-graded",
        Verdict::Invalid => "invalid",
    }
}

#[cfg(test)]
mod tests;

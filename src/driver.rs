//! Between a study session and the store: the one place a learner's action is made durable.
//! The session plans the action, the driver commits each of its writes, and only then does
//! the session take it in, so every answer is stored before the next card is shown and undo is
//! a store operation.

use jiff::Timestamp;

use crate::answer::{self, AnswerPool, Outcome};
use crate::deck::{Card, Text};
use crate::error::Result;
use crate::session::{Action, Checker, Event, Quiz, Session, Write};
use crate::store::{Mode, NewReview, Store};

/// The answer pools of a session's decks (one per deck, in order), made when the first answer
/// is checked: they are built on another core while the first question is read.
pub struct Pools<'a>(std::cell::LazyCell<Vec<AnswerPool>, MakePools<'a>>);

type MakePools<'a> = Box<dyn FnOnce() -> Vec<AnswerPool> + 'a>;

impl<'a> Pools<'a> {
    /// Pools that `make` gives when first needed.
    pub fn new(make: impl FnOnce() -> Vec<AnswerPool> + 'a) -> Pools<'a> {
        Pools(std::cell::LazyCell::new(Box::new(make)))
    }

    /// The pool of deck `deck`.
    pub fn get(&self, deck: usize) -> &AnswerPool {
        &std::cell::LazyCell::force(&self.0)[deck]
    }
}

impl Checker for Pools<'_> {
    fn check(&self, deck: usize, card: &Card, given: &str, shown: &[Text]) -> Outcome {
        answer::check_card(card, given, shown, self.get(deck))
    }
}

/// A session with the store its actions are written to.
pub struct Driver<'s, 'a> {
    pub session: Session<'a>,
    store: &'s mut Store,
    checker: &'s dyn Checker,
}

impl<'s, 'a> Driver<'s, 'a> {
    pub fn new(session: Session<'a>, store: &'s mut Store, checker: &'s dyn Checker) -> Self {
        Driver {
            session,
            store,
            checker,
        }
    }

    /// Carries out one learner action at `now`: its writes are committed, in order, before the
    /// session changes. A failed write is an error that ends the session; what was committed
    /// before it stays.
    pub fn act(&mut self, action: Action, now: Timestamp) -> Result<Event> {
        let plan = self.session.plan(action, now, self.checker);
        for write in plan.writes() {
            persist(self.store, write, now)?;
        }
        Ok(self.session.apply(plan))
    }
}

/// A quiz with the store its answers are written to: the quiz plans each answer's review, the
/// driver commits it, then the quiz takes it in.
pub struct QuizDriver<'s, 'a> {
    quiz: Quiz<'a>,
    /// The quiz's deck, among the checker's.
    deck: usize,
    store: &'s mut Store,
    checker: &'s dyn Checker,
}

impl<'s, 'a> QuizDriver<'s, 'a> {
    pub fn new(
        quiz: Quiz<'a>,
        deck: usize,
        store: &'s mut Store,
        checker: &'s dyn Checker,
    ) -> Self {
        QuizDriver {
            quiz,
            deck,
            store,
            checker,
        }
    }

    /// Judges `given` for `card`, whose options were shown in the order `shown`.
    pub fn check(&self, card: &Card, given: &str, shown: &[Text]) -> Outcome {
        self.checker.check(self.deck, card, given, shown)
    }

    /// Stores the answer `given` to `card`, judged `outcome`, at `now`.
    pub fn answer(
        &mut self,
        card: &Card,
        given: &str,
        outcome: &Outcome,
        response_ms: u64,
        now: Timestamp,
    ) -> Result<()> {
        let review = self.quiz.plan(card, given, outcome, response_ms, now);
        record(self.store, &review)?;
        self.quiz.apply(&review);
        Ok(())
    }
}

fn persist(store: &mut Store, write: &Write, now: Timestamp) -> Result<()> {
    match write {
        Write::Review(r) => record(store, r)?,
        Write::Suspend { deck, card } => store.set_suspended(deck, card, true)?,
        Write::Bury { deck, card, until } => store.bury(deck, card, *until)?,
        Write::UndoAnswer { deck } => {
            store.undo_last(deck, now)?;
        }
        Write::Restore { deck, card, record } => store.restore_card(deck, card, record.as_ref())?,
    }
    Ok(())
}

/// Logs an answer; one that schedules (study, or a quiz with `--schedule`) also stores the
/// card's new state.
fn record(store: &mut Store, review: &NewReview) -> Result<()> {
    match review.mode {
        Mode::Cram | Mode::Quiz => store.record_unscheduled(review)?,
        Mode::Study | Mode::Import => store.record_review(review)?,
    };
    Ok(())
}

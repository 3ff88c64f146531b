//! The learner's actions on a session, what each must store, and what the session reports
//! back once it is stored.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{Item, Planned, Put, Then};
use crate::answer::Outcome;
use crate::schedule::{Phase, Rating};
use crate::store::{CardRecord, NewReview};

/// Everything a learner can do during a session. The UI turns keys into these; the session
/// decides what each means for the card on screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// An answer to the card on screen, and how long it took in milliseconds.
    Answer { text: String, ms: u64 },
    /// A grade for the answer on screen; `None` takes the proposed one.
    Grade(Option<Rating>),
    /// Suspend the card on screen (an answer already given is graded first).
    Suspend,
    /// Bury the card on screen until tomorrow (an answer already given is graded first).
    Bury,
    /// Take back the last action, whatever it was.
    Undo,
    /// End the session (an answer already given is graded first).
    Quit,
}

/// An answer as checked, with the grade proposed for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    pub text: String,
    pub ms: u64,
    /// When it was given: the time the review is logged at and scheduled from.
    pub at: Timestamp,
    pub outcome: Outcome,
    /// `None` when the learner must choose (a self-graded card).
    pub proposal: Option<Rating>,
}

/// One write that makes an action durable. The driver commits each before the session
/// takes the action in.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// Log an answer; a study answer also stores the card's new state (cram ones do not).
    Review(NewReview),
    Suspend {
        deck: String,
        card: String,
    },
    Bury {
        deck: String,
        card: String,
        until: Date,
    },
    /// Take back the newest answer of a deck.
    UndoAnswer {
        deck: String,
    },
    /// Put a card's row back as it was (`None`: it had none), undoing a suspend or a bury.
    Restore {
        deck: String,
        card: String,
        record: Option<CardRecord>,
    },
}

/// What an action stores and how the session changes once it is stored.
#[derive(Debug, Clone)]
pub struct Plan {
    pub(super) writes: Vec<Write>,
    pub(super) change: Change,
}

impl Plan {
    pub(super) fn change(change: Change) -> Plan {
        Plan {
            writes: Vec::new(),
            change,
        }
    }

    /// The writes to commit, in order, before [`super::Session::apply`].
    pub fn writes(&self) -> &[Write] {
        &self.writes
    }
}

#[derive(Debug, Clone)]
pub(super) enum Change {
    Nothing,
    AskAgain(String),
    Answered(Box<Answered>),
    ChooseGrade(Option<Then>),
    Graded(Box<Planned>, After),
    Put(Put),
    Quit,
    Undo,
    NothingToUndo,
}

/// What follows a grade.
#[derive(Debug, Clone, Copy)]
pub(super) enum After {
    Stay,
    Quit,
    Put(Put),
}

/// A stored grade, for the confirmation the learner sees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Graded {
    pub item: Item,
    pub rating: Rating,
    /// When the card is due again, and in which phase.
    pub due: Timestamp,
    pub phase: Phase,
    pub lapses: u32,
    /// The card just became a leech and was suspended.
    pub leech: bool,
    /// A cram answer: no schedule changed.
    pub cram: bool,
}

/// What was undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undid {
    Answer,
    Suspend,
    Bury,
}

/// What happened, for the UI to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Nothing applies (no card on screen, or no answer to grade).
    Nothing,
    /// The answer was checked: the screen holds its outcome and proposed grade.
    Checked,
    /// Not an answer of the card's form: nothing was graded or logged; ask again with the hint.
    AskAgain {
        hint: String,
    },
    /// No grade is proposed: the learner must choose one (then what they asked for happens).
    ChooseGrade,
    Graded(Graded),
    Suspended {
        item: Item,
        /// The answer on screen, graded before the card was suspended.
        graded: Option<Graded>,
    },
    Buried {
        item: Item,
        until: Date,
        graded: Option<Graded>,
    },
    /// The last action was taken back; its card is on screen again.
    Undone {
        item: Item,
        what: Undid,
    },
    NothingToUndo,
    Quit {
        graded: Option<Graded>,
    },
}

//! Exchange formats: decks in and out of other tools (Anki, Quizlet, Moodle). Each format reads
//! bytes or text it is given and writes to any `Write`; none opens files by path, so the CLI
//! decides where data comes from and goes to.
//!
//! Every format loses something: what an export cannot express is returned as `Skipped`, and
//! lines an import cannot understand come back as `FormatError`s beside the cards it could read.

use std::fmt;

use crate::deck::Card;

pub mod apkg;
pub mod gift;
mod html;
pub mod ids;
mod spell;
pub mod tsv;

/// A problem at one line of a text format (1-based), e.g. an unclosed quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub line: usize,
    pub message: String,
}

impl FormatError {
    pub fn new(line: usize, message: impl Into<String>) -> FormatError {
        FormatError {
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for FormatError {}

/// An item an export left out (or an import could not turn into a card), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The card id for exports; for imports, where the item was (e.g. "note 1712345").
    pub id: String,
    pub reason: String,
}

impl Skipped {
    pub fn new(id: impl Into<String>, reason: impl Into<String>) -> Skipped {
        Skipped {
            id: id.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.id, self.reason)
    }
}

/// What a text import produced: the cards it could read, in file order, and the problems it met.
/// Callers decide whether problems are fatal; the cards are usable either way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    pub cards: Vec<Card>,
    pub errors: Vec<FormatError>,
}

//! What a learner's history says and where it can go: exports (CSV, JSON), imports of other
//! programs' review logs, fitting FSRS to the learner, statistics for the terminal, an HTML
//! report and a class report merging several learners' exports.
//!
//! Everything here works on values handed in (cards with their stored records, the review log,
//! `now`) and writes to any `W: Write`; `cmd_progress` gathers the data and picks the output
//! (`crate::output`: standard output or a file written atomically).
//!
//! - [`stats`]: the numbers ([`stats::StatsBuilder`], one pass over the log) and
//!   [`terminal`]: those numbers as text with block-character charts.
//! - [`report`]: the same numbers as one self-contained HTML page with inline SVG charts.
//! - [`export`]: per-card progress and the review log as CSV or JSON.
//! - [`import`]: reading Anki/FSRS review logs, map files, and replaying a card's history.
//! - [`optimize`]: FSRS items from the history, the crate's optimizer and evaluation.
//! - [`class`]: merging several learners' progress exports.
//! - [`versions`]: two versions of a deck compared, edit by edit (`check --against`).

pub mod class;
pub mod export;
pub mod html;
pub mod import;
pub mod optimize;
pub mod report;
pub mod stats;
pub mod terminal;
pub mod versions;

use std::collections::HashMap;

use jiff::Timestamp;

use crate::deck::{Card, ClozePart, Deck, Kind, Tags};
use crate::schedule::{Phase, Rating, Scheduler};
use crate::store::CardRecord;

/// One card as the progress features see it: where it is, what it asks, its tags, what the
/// store holds about it and how likely it is to be recalled now.
#[derive(Debug, Clone, PartialEq)]
pub struct CardInfo {
    pub deck: String,
    pub card: String,
    pub prompt: String,
    pub tags: Tags,
    /// `None` for a card the store has no row for (never answered).
    pub record: Option<CardRecord>,
    /// FSRS's estimate that the card would be recalled at `now`; `None` before its first
    /// answer.
    pub retrievability: Option<f32>,
}

impl CardInfo {
    /// Describes `card` of `deck` at `now`, with the deck's scheduler for retrievability.
    pub fn new(
        deck: &Deck,
        card: &Card,
        record: Option<CardRecord>,
        scheduler: &Scheduler,
        now: Timestamp,
    ) -> CardInfo {
        let retrievability = record
            .as_ref()
            .and_then(|r| scheduler.retrievability(&r.state, now));
        CardInfo {
            deck: deck.id.clone(),
            card: card.id.to_string(),
            prompt: prompt_text(card),
            tags: card.tags.clone(),
            record,
            retrievability,
        }
    }

    /// The card's state as exports name it: `new`, `learning`, `review`, `relearning`, or
    /// `suspended` (which wins over the phase).
    pub fn state_name(&self) -> &'static str {
        match &self.record {
            None => "new",
            Some(r) if r.suspended => "suspended",
            Some(r) => r.state.phase.as_str(),
        }
    }

    pub fn phase(&self) -> Phase {
        self.record.as_ref().map_or(Phase::New, |r| r.state.phase)
    }

    pub fn suspended(&self) -> bool {
        self.record.as_ref().is_some_and(|r| r.suspended)
    }

    pub fn lapses(&self) -> u32 {
        self.record.as_ref().map_or(0, |r| r.state.lapses)
    }

    pub fn reps(&self) -> u32 {
        self.record.as_ref().map_or(0, |r| r.state.reps)
    }
}

/// A hash map with a fast hash: the keys are our own card ids and day numbers, looked up once
/// per answer (a million times for a long log), and not chosen by an attacker.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A deck's id (`None` for other programs' cards) and its cards' ids to indices.
type DeckCards = (Option<Box<str>>, FastMap<Box<str>, u32>);

/// Card ids to accumulator indices, one map per deck. Consecutive answers nearly always come
/// from the same deck, so the deck's map is found by comparing with the last one, and only
/// the card id is hashed.
#[derive(Default)]
pub(crate) struct CardIndex {
    decks: Vec<DeckCards>,
    last: usize,
}

impl CardIndex {
    /// The index of `card` in `deck`, or `next` (then recorded) when it is new.
    pub(crate) fn get_or_insert(&mut self, deck: Option<&str>, card: &str, next: u32) -> u32 {
        let same = |(d, _): &DeckCards| d.as_deref() == deck;
        if !self.decks.get(self.last).is_some_and(same) {
            self.last = match self.decks.iter().position(same) {
                Some(k) => k,
                None => {
                    self.decks.push((deck.map(Into::into), FastMap::default()));
                    self.decks.len() - 1
                }
            };
        }
        let map = &mut self.decks[self.last].1;
        if let Some(&i) = map.get(card) {
            return i;
        }
        map.insert(card.into(), next);
        next
    }
}

/// What a card asks, as one line of text: its prompt, or for a cloze without an instruction the
/// sentence with its blanks.
pub fn prompt_text(card: &Card) -> String {
    match &card.kind {
        Kind::Cloze { parts } if card.prompt.trim().is_empty() => parts
            .iter()
            .map(|p| match p {
                ClozePart::Text(t) => t.as_str(),
                ClozePart::Blank(_) => "____",
                ClozePart::Hint(_) => "",
            })
            .collect(),
        _ => card.prompt.to_string(),
    }
}

/// Whether an answer counts as right for accuracy: the checker's verdict when it gave one
/// (a forgiven typo is right, a partial list is not), otherwise the grade (anything but
/// Again), as for self-graded and imported answers.
pub fn is_correct(verdict: &str, rating: Rating) -> bool {
    match verdict {
        "correct" | "typo" => true,
        "wrong" | "partial" => false,
        _ => rating != Rating::Again,
    }
}

/// Rounds a ratio for output so exports do not carry float noise (`0.8333`).
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// `part / whole`, rounded; `None` when there is nothing to divide.
pub fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| round4(part as f64 / whole as f64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Answer;

    fn card(kind: Kind, prompt: &str) -> Card {
        Card::new("c", kind, prompt)
    }

    #[test]
    fn cloze_without_prompt_shows_its_blanks() {
        let c = card(
            Kind::Cloze {
                parts: vec![
                    ClozePart::Text("The Danube ends in the ".into()),
                    ClozePart::Blank(Answer::plain("Black Sea")),
                    ClozePart::Text(".".into()),
                ],
            },
            "",
        );
        assert_eq!(prompt_text(&c), "The Danube ends in the ____.");
    }

    #[test]
    fn prompt_is_used_when_given() {
        let c = card(
            Kind::Typed {
                answer: Answer::plain("Vienna"),
            },
            "Capital of Austria?",
        );
        assert_eq!(prompt_text(&c), "Capital of Austria?");
    }

    #[test]
    fn verdict_decides_correctness_when_there_is_one() {
        assert!(is_correct("typo", Rating::Hard));
        assert!(!is_correct("partial", Rating::Hard));
        assert!(!is_correct("wrong", Rating::Good));
        assert!(is_correct("self-graded", Rating::Hard));
        assert!(!is_correct("", Rating::Again));
    }

    #[test]
    fn ratios_are_rounded_and_empty_is_none() {
        assert_eq!(ratio(5, 6), Some(0.8333));
        assert_eq!(ratio(0, 0), None);
    }
}

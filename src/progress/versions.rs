//! Two versions of a deck compared card by card, for an instructor about to hand out an edited
//! deck (`recall check DECK --against OLD.toml`): which edits change what a card asks, and so
//! what its progress means. What counts as a change of meaning has one definition,
//! `session::question_hash` (the card's kind, prompt and answers): a learner whose card changed
//! that way keeps its progress and is told once; answers to the two versions are kept apart in
//! a class report. Tags, explanations, sources and media change no meaning.

use std::collections::HashMap;
use std::fmt;

use crate::deck::{Card, Deck};
use crate::session::question_hash;

/// What happened to one card between the two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The question changed (`what` says how): progress is kept and the learner told once.
    Question { card: String, what: &'static str },
    /// The card is gone: its progress stays in the store but is no longer studied.
    Removed { card: String },
    /// A new card: it starts new for everyone.
    Added { card: String },
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Question { card, what } => write!(
                f,
                "{card}: {what}; learners keep its progress and are told the question changed \
                 (give the card a new id if the old answers no longer count)"
            ),
            Change::Removed { card } => write!(
                f,
                "{card}: removed; its progress stays stored but the card is no longer studied"
            ),
            Change::Added { card } => write!(f, "{card}: new; every learner starts it fresh"),
        }
    }
}

/// The comparison of `new` with `old`: the changes in the new deck's card order (removed cards
/// last, in the old order), and how many cards ask exactly what they asked before.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comparison {
    pub changes: Vec<Change>,
    pub unchanged: usize,
}

/// Compares two versions of a deck by card id.
pub fn compare(old: &Deck, new: &Deck) -> Comparison {
    let before: HashMap<&str, &Card> = old.cards.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut out = Comparison::default();
    for card in &new.cards {
        match before.get(card.id.as_str()) {
            None => out.changes.push(Change::Added {
                card: card.id.to_string(),
            }),
            Some(was) if question_hash(was) == question_hash(card) => out.unchanged += 1,
            Some(was) => out.changes.push(Change::Question {
                card: card.id.to_string(),
                what: how(was, card),
            }),
        }
    }
    let now: std::collections::HashSet<&str> = new.cards.iter().map(|c| c.id.as_str()).collect();
    for card in &old.cards {
        if !now.contains(card.id.as_str()) {
            out.changes.push(Change::Removed {
                card: card.id.to_string(),
            });
        }
    }
    out
}

/// How a card's question changed.
fn how(old: &Card, new: &Card) -> &'static str {
    match (
        old.kind.name() == new.kind.name(),
        old.prompt == new.prompt,
        old.kind == new.kind,
    ) {
        (false, _, _) => "its kind changed",
        (true, false, true) => "its question was reworded",
        (true, true, false) => "its answer changed",
        _ => "its question and answer changed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Kind;

    fn basic(id: &str, front: &str, back: &str) -> Card {
        Card::new(id, Kind::Basic { back: back.into() }, front)
    }

    fn deck(cards: Vec<Card>) -> Deck {
        Deck {
            id: "d".into(),
            cards,
            ..Deck::default()
        }
    }

    #[test]
    fn every_kind_of_edit_is_named() {
        let mut explained = basic("same", "Q?", "A");
        explained.explain = Some("new note".into());
        explained.tags = vec!["t".into()].into();
        let old = deck(vec![
            basic("same", "Q?", "A"),
            basic("reworded", "Old?", "A"),
            basic("answer", "Q2?", "A"),
            basic("both", "Q3?", "A"),
            basic("kind", "Q4?", "true"),
            basic("gone", "Q5?", "A"),
        ]);
        let new = deck(vec![
            explained,
            basic("reworded", "New?", "A"),
            basic("answer", "Q2?", "B"),
            basic("both", "Q3 now?", "B"),
            Card::new("kind", Kind::TrueFalse { answer: true }, "Q4?"),
            basic("fresh", "Q6?", "A"),
        ]);
        let got = compare(&old, &new);
        assert_eq!(got.unchanged, 1);
        let lines: Vec<String> = got.changes.iter().map(ToString::to_string).collect();
        let heads: Vec<&str> = lines.iter().map(|l| l.split(';').next().unwrap()).collect();
        assert_eq!(
            heads,
            vec![
                "reworded: its question was reworded",
                "answer: its answer changed",
                "both: its question and answer changed",
                "kind: its kind changed",
                "fresh: new",
                "gone: removed",
            ]
        );
    }
}

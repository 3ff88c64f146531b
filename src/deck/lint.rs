//! Checks that need the whole deck rather than one table: duplicate ids across hand-written
//! and generated cards, and cards pointing at facts that do not exist.
//!
//! API: [`lint`]`(&Deck) -> Vec<Diagnostic>` (run by `load::load` after generation; usable on
//! any deck, e.g. one built by an importer) and [`leak`], the "prompt gives the answer away"
//! rule shared by the loader and the generator.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::ops::Range;

use crate::deck::text::{IdHasher, find_word};
use crate::deck::{ClozePart, Deck, Kind};
use crate::diagnostic::Diagnostic;

/// Whole-deck checks. Diagnostics point at the cards' spans (the `[[card]]` or `[[fact]]`
/// header they come from).
pub fn lint(deck: &Deck) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let facts: HashSet<&str, BuildHasherDefault<IdHasher>> =
        deck.facts.iter().map(|f| f.id.as_str()).collect();
    let mut seen: HashMap<&str, usize, BuildHasherDefault<IdHasher>> =
        HashMap::with_capacity_and_hasher(deck.cards.len(), Default::default());
    for (i, card) in deck.cards.iter().enumerate() {
        match seen.entry(card.id.as_str()) {
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
            Entry::Occupied(first) => {
                let first = &deck.cards[*first.get()];
                let origin = |c: &crate::deck::Card| match &c.fact {
                    Some(f) => format!("generated from fact `{f}`"),
                    None if c.id.as_str().contains('/') => "generated".to_string(),
                    None => "written here".to_string(),
                };
                let d = Diagnostic::error(
                    card.span,
                    format!("duplicate card id `{}` ({})", card.id, origin(card)),
                )
                .with_related(
                    first.span,
                    format!("first card `{}` {}", first.id, origin(first)),
                );
                out.push(d);
            }
        }
        if let Some(fact) = &card.fact
            && !facts.contains(fact.as_str())
        {
            out.push(Diagnostic::error(
                card.span,
                format!("card `{}` refers to a missing fact `{fact}`", card.id),
            ));
        }
    }
    out
}

/// An answer found verbatim in a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    pub answer: String,
    /// Byte range of the answer inside the prompt.
    pub range: Range<usize>,
}

/// The first accepted answer of `kind` that appears in `prompt` as whole words, ignoring case.
/// Choice, true/false, order and match cards are exempt: their prompts may name what is shown
/// anyway.
pub fn leak(kind: &Kind, prompt: &str) -> Option<Leak> {
    let found = |answer: &str| {
        find_word(prompt, answer).map(|range| Leak {
            answer: answer.to_string(),
            range,
        })
    };
    match kind {
        Kind::Typed { answer } => answer.all().find_map(found),
        Kind::Number { answer, .. } => found(&answer.to_string()),
        Kind::Year { answer, .. } => found(&answer.to_string()),
        Kind::List { items, .. } => items.iter().flat_map(|a| a.all()).find_map(found),
        Kind::Cloze { parts } => parts
            .iter()
            .filter_map(|p| match p {
                ClozePart::Blank(a) => Some(a),
                ClozePart::Text(_) => None,
            })
            .flat_map(|a| a.all())
            .find_map(found),
        // A basic card is graded by the learner, and its front may fairly list options (as a
        // choice card imported from Anki or Quizlet does) or say "true or false".
        Kind::Basic { .. }
        | Kind::Choice { .. }
        | Kind::TrueFalse { .. }
        | Kind::Order { .. }
        | Kind::Match { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{Answer, Card, CardId, Fact, FactKind, Span};

    fn card(id: &str, fact: Option<&str>, span: Span) -> Card {
        Card {
            id: CardId(id.into()),
            kind: Kind::TrueFalse { answer: true },
            prompt: "?".into(),
            tags: vec![],
            explain: None,
            source: None,
            fact: fact.map(str::to_string),
            span,
        }
    }

    #[test]
    fn lint_reports_a_generated_id_colliding_with_another_card() {
        let fact = Fact {
            id: "f".into(),
            kind: FactKind::Term {
                term: Answer::plain("x"),
                definition: "y".into(),
            },
            tags: vec![],
            explain: None,
            source: None,
            span: Span::new(50, 58),
        };
        let deck = Deck {
            facts: vec![fact],
            cards: vec![
                card("f/name", None, Span::new(0, 8)),
                card("f/name", Some("f"), Span::new(50, 58)),
            ],
            ..Deck::default()
        };
        let diags = lint(&deck);
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].message,
            "duplicate card id `f/name` (generated from fact `f`)"
        );
        assert_eq!(diags[0].span, Span::new(50, 58));
        assert_eq!(
            diags[0].related,
            vec![(Span::new(0, 8), "first card `f/name` generated".to_string())]
        );
    }

    #[test]
    fn lint_reports_cards_of_missing_facts() {
        let deck = Deck {
            cards: vec![card("g/name", Some("g"), Span::new(3, 4))],
            ..Deck::default()
        };
        let diags = lint(&deck);
        assert_eq!(
            diags[0].message,
            "card `g/name` refers to a missing fact `g`"
        );
    }

    #[test]
    fn leak_finds_typed_answers_and_alternatives() {
        let kind = Kind::Typed {
            answer: Answer {
                text: "Tashkent".into(),
                accept: vec!["RATS HQ".into()],
            },
        };
        assert_eq!(
            leak(&kind, "Where is the RATS HQ?"),
            Some(Leak {
                answer: "RATS HQ".into(),
                range: 13..20
            })
        );
        assert_eq!(leak(&kind, "Where is it?"), None);
    }

    #[test]
    fn leak_ignores_choice_cards() {
        let kind = Kind::Choice {
            correct: vec!["Beijing".into()],
            wrong: vec!["Moscow".into()],
        };
        assert_eq!(leak(&kind, "Beijing or Moscow?"), None);
    }

    #[test]
    fn leak_checks_years_as_whole_words() {
        let kind = Kind::Year {
            answer: 2001,
            tolerance: 0,
        };
        assert_eq!(
            leak(&kind, "What began in 2001?").map(|l| l.range),
            Some(14..18)
        );
        assert_eq!(leak(&kind, "What began in 20012?"), None);
    }
}

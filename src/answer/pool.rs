//! Every answer a deck accepts anywhere, so typo tolerance never turns one valid answer into
//! another: "Austria" is not a misspelling of "Australia" in a deck that asks about both.

use std::collections::HashSet;

use super::normalize::{distance_within, key};
use crate::deck::{Card, ClozePart, Kind, Text};

/// The normalised answers (and alternatives) of a deck's typed, list, cloze and choice cards.
/// Build it once per deck; [`check`](super::check) consults it before accepting a typo.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerPool {
    /// (key, text as written), one entry per distinct key.
    entries: Vec<(String, String)>,
}

impl AnswerPool {
    pub fn new(cards: &[Card]) -> AnswerPool {
        let mut pool = AnswerPool::default();
        let mut seen = HashSet::new();
        let mut add = |text: &str| {
            let k = key(text);
            if !k.is_empty() && seen.insert(k.clone()) {
                pool.entries.push((k, text.to_string()));
            }
        };
        for card in cards {
            match &card.kind {
                Kind::Typed { answer } => answer.all().for_each(&mut add),
                Kind::List { items, .. } => items.iter().flat_map(|a| a.all()).for_each(&mut add),
                Kind::Cloze { parts } => {
                    for part in parts {
                        if let ClozePart::Blank(answer) = part {
                            answer.all().for_each(&mut add);
                        }
                    }
                }
                Kind::Choice { correct, .. } => correct.iter().map(Text::as_str).for_each(&mut add),
                _ => {}
            }
        }
        pool
    }

    /// How many distinct answers the pool holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether `answer`, once normalised, is one of the deck's answers.
    pub fn contains(&self, answer: &str) -> bool {
        let k = key(answer);
        self.entries.iter().any(|(e, _)| *e == k)
    }

    /// A deck answer, other than the card's own (`own`), at most `within` edits from `given`:
    /// when one exists, the learner more likely meant that answer than misspelt this one.
    pub(crate) fn rival(
        &self,
        given: &str,
        within: usize,
        own: impl Fn(&str) -> bool,
    ) -> Option<&str> {
        let len = given.chars().count();
        self.entries
            .iter()
            .filter(|(k, _)| k.chars().count().abs_diff(len) <= within && !own(k))
            .find(|(k, _)| distance_within(given, k, within).is_some())
            .map(|(_, text)| text.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{Answer, CardId, Span, Tags};

    fn card(kind: Kind) -> Card {
        Card {
            id: CardId("c".into()),
            kind,
            prompt: String::new().into(),
            tags: Tags::default(),
            explain: None,
            source: None,
            fact: None,
            span: Span::default(),
            media: None,
            checking: Default::default(),
        }
    }

    fn pool() -> AnswerPool {
        AnswerPool::new(&[
            card(Kind::Typed {
                answer: Answer {
                    text: "Tashkent".into(),
                    accept: vec!["Toshkent".into()],
                },
            }),
            card(Kind::List {
                items: vec![Answer::plain("Rice"), Answer::plain("Wheat")],
                ordered: false,
            }),
            card(Kind::Cloze {
                parts: vec![
                    ClozePart::Text("x ".into()),
                    ClozePart::Blank(Answer::plain("Oslo")),
                ],
            }),
            card(Kind::Choice {
                correct: vec!["Lima".into()],
                wrong: vec!["Quito".into()],
            }),
            card(Kind::TrueFalse { answer: true }),
            card(Kind::Typed {
                answer: Answer::plain("tashkent"),
            }),
        ])
    }

    #[test]
    fn collects_typed_list_cloze_and_correct_choice_answers() {
        let pool = pool();
        assert_eq!(pool.len(), 6);
        for answer in ["TASHKENT", "toshkent", "rice", "wheat", "oslo", "lima"] {
            assert!(pool.contains(answer), "{answer}");
        }
    }

    #[test]
    fn leaves_out_distractors() {
        assert!(!pool().contains("Quito"));
    }

    #[test]
    fn rival_ignores_the_cards_own_answers() {
        let pool = pool();
        assert_eq!(pool.rival("tashkant", 1, |k| k == "tashkent"), None);
        assert_eq!(pool.rival("tashkant", 1, |_| false), Some("Tashkent"));
    }
}

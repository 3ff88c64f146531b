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
pub(crate) mod lines;
pub mod media;
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
    /// Lines that could not be read (the CLI refuses the import unless told to skip them).
    pub errors: Vec<FormatError>,
    /// What was read but left out or changed, never fatal: a GIFT description, a spreadsheet
    /// column recall has no place for. Line 0 means the whole file.
    pub warnings: Vec<FormatError>,
    /// The deck title the file gives (a GIFT category), if any.
    pub title: Option<String>,
    /// The deck id the file gives (recall's own GIFT exports name it), if any.
    pub deck_id: Option<String>,
}

/// Each format's round trip on one deck holding every kind, spelling out what survives.
#[cfg(test)]
mod round_trip {
    use std::io::Cursor;

    use super::*;
    use crate::deck::{Answer, CardId, ClozePart, Deck, Kind, Span};

    fn every_kind() -> Deck {
        let card = |id: &str, kind: Kind, prompt: &str| Card {
            id: CardId(id.into()),
            kind,
            prompt: prompt.into(),
            tags: vec!["solar system".into()].into(),
            explain: Some("See chapter 2 & <notes>.".into()),
            source: Some("p. 4".into()),
            fact: None,
            media: None,
            span: Span::default(),
            checking: Default::default(),
        };
        let cards = vec![
            card(
                "basic",
                Kind::Basic {
                    back: "A star: hot {plasma}".into(),
                },
                "What is the Sun?",
            ),
            card(
                "typed",
                Kind::Typed {
                    answer: Answer {
                        text: "Mars".into(),
                        accept: vec!["planet #4".into()],
                    },
                },
                "Which planet is red?",
            ),
            card(
                "choice",
                Kind::Choice {
                    correct: vec!["Jupiter".into()],
                    wrong: vec!["Mars".into(), "Io ~ moon".into()],
                },
                "Largest planet?",
            ),
            card(
                "multi",
                Kind::Choice {
                    correct: vec!["Jupiter".into(), "Saturn".into()],
                    wrong: vec!["Venus".into()],
                },
                "Gas giants?",
            ),
            card(
                "tf",
                Kind::TrueFalse { answer: false },
                "Pluto is a planet = true?",
            ),
            card(
                "number",
                Kind::Number {
                    answer: 384_400.0,
                    tolerance: 5_000.0,
                    unit: Some("km".into()),
                },
                "How far is the Moon?",
            ),
            card(
                "year",
                Kind::Year {
                    answer: 1969,
                    tolerance: 1,
                },
                "When did people reach the Moon?",
            ),
            card(
                "list",
                Kind::List {
                    items: vec![Answer::plain("Mercury"), Answer::plain("Venus")],
                    ordered: true,
                },
                "First two planets?",
            ),
            card(
                "order",
                Kind::Order {
                    items: vec!["Venus".into(), "Earth".into()],
                },
                "Order them.",
            ),
            card(
                "cloze",
                Kind::Cloze {
                    parts: vec![
                        ClozePart::Text("Titan orbits ".into()),
                        ClozePart::Blank(Answer::plain("Saturn")),
                        ClozePart::Text(".".into()),
                    ],
                },
                "",
            ),
            card(
                "cloze2",
                Kind::Cloze {
                    parts: vec![
                        ClozePart::Blank(Answer::plain("Io")),
                        ClozePart::Text(" orbits ".into()),
                        ClozePart::Blank(Answer::plain("Jupiter")),
                    ],
                },
                "Complete:",
            ),
            card(
                "match",
                Kind::Match {
                    pairs: vec![
                        ("Phobos".into(), "Mars".into()),
                        ("Io".into(), "Jupiter".into()),
                    ],
                },
                "Match: moon -> planet",
            ),
        ];
        Deck {
            id: "space".into(),
            title: "Space".into(),
            cards,
            ..Deck::default()
        }
    }

    fn kinds(cards: &[Card]) -> Vec<(&str, &str)> {
        cards
            .iter()
            .map(|c| (c.id.as_str(), c.kind.name()))
            .collect()
    }

    #[test]
    fn gift_keeps_every_kind_it_can_express_exactly() {
        let deck = every_kind();
        let mut out = Vec::new();
        let skipped = gift::write(&deck, &mut out).unwrap();
        assert_eq!(
            skipped.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            vec!["list", "order", "cloze2"]
        );
        let back = gift::read(&String::from_utf8(out).unwrap());
        assert_eq!(back.errors, vec![]);
        let original: Vec<&Card> = deck
            .cards
            .iter()
            .filter(|c| !["list", "order", "cloze2"].contains(&c.id.as_str()))
            .collect();
        assert_eq!(back.cards.len(), original.len());
        for (got, want) in back.cards.iter().zip(original) {
            assert_eq!(got.id, want.id);
            assert_eq!(got.kind, want.kind, "{}", want.id);
            assert_eq!(got.prompt, want.prompt, "{}", want.id);
            // Tags and sources have no place in GIFT; a basic card's back takes the feedback
            // slot its explanation would use.
            assert_eq!(got.tags.to_vec(), Vec::<String>::new());
            assert_eq!(got.source, None);
            let explain = if want.id.as_str() == "basic" {
                None
            } else {
                want.explain.clone()
            };
            assert_eq!(got.explain, explain, "{}", want.id);
        }
    }

    #[test]
    fn apkg_keeps_text_tags_and_clozes_but_not_kinds() {
        let deck = every_kind();
        let (bytes, skipped) = apkg::to_bytes(&deck, 1_700_000_000_000).unwrap();
        assert_eq!(skipped, vec![]);
        let back = apkg::read(Cursor::new(bytes)).unwrap();
        assert_eq!(back.skipped, vec![]);
        let got: Vec<&str> = back.cards.iter().map(|c| c.kind.name()).collect();
        // Anki has self-graded cards and clozes; every other kind arrives spelled out as basic.
        assert_eq!(
            got,
            vec![
                "basic", "basic", "basic", "basic", "basic", "basic", "basic", "basic", "basic",
                "cloze", "cloze", "basic"
            ]
        );
        assert_eq!(
            back.cards[0].kind,
            Kind::Basic {
                back: "A star: hot {plasma}".into()
            }
        );
        assert_eq!(
            back.cards[5].kind,
            Kind::Basic {
                back: "384400 km (± 5000)".into()
            }
        );
        assert_eq!(back.cards[9].kind, deck.cards[9].kind);
        assert_eq!(back.cards[10].kind, deck.cards[10].kind);
        assert_eq!(back.cards[10].prompt, "Complete:");
        for card in &back.cards {
            assert_eq!(card.tags.to_vec(), vec!["solar_system".to_string()]);
            assert_eq!(card.explain.as_deref(), Some("See chapter 2 & <notes>."));
            assert!(card.id.as_str().starts_with("anki-"));
        }
    }

    #[test]
    fn tsv_keeps_text_and_tags_as_basic_cards() {
        let deck = every_kind();
        let mut out = Vec::new();
        tsv::write(&deck, tsv::Dialect::Anki, &mut out).unwrap();
        let back = tsv::read(&String::from_utf8(out).unwrap());
        assert_eq!(back.errors, vec![]);
        assert_eq!(back.cards.len(), deck.cards.len());
        assert!(back.cards.iter().all(|c| c.kind.name() == "basic"));
        assert_eq!(back.cards[1].prompt, "Which planet is red?");
        assert_eq!(
            back.cards[1].kind,
            Kind::Basic {
                back: "Mars\n(also accepted: planet #4)\n\nSee chapter 2 & <notes>.".into()
            }
        );
        assert_eq!(
            back.cards[1].tags.to_vec(),
            vec!["solar_system".to_string()]
        );
    }

    #[test]
    fn plain_tsv_reads_back_one_card_per_line() {
        let deck = every_kind();
        let mut out = Vec::new();
        tsv::write(&deck, tsv::Dialect::Plain, &mut out).unwrap();
        let back = tsv::read(&String::from_utf8(out).unwrap());
        assert_eq!(back.errors, vec![]);
        assert_eq!(kinds(&back.cards).len(), deck.cards.len());
        assert_eq!(
            back.cards[2].prompt,
            "Largest planet? / - Io ~ moon / - Jupiter / - Mars"
        );
    }
}

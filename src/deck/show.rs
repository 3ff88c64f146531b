//! A deck as a learner meets it, with the answers: plain text for people (`recall show`) and
//! JSON for tools (`recall show --json`).
//!
//! API:
//! - [`write_text`]`(deck, w)`: every card, hand-written and generated, with its answers.
//! - [`write_card_forms`]`(deck, id, w) -> io::Result<bool>`: one card, or every card generated
//!   from one fact (`recall show DECK --card ID`); `false` when no card or fact has that id.
//! - [`json`]`(deck) -> impl Serialize`: the deck and its cards through dedicated export
//!   structs, so the domain types can change without changing the JSON; cards are made one
//!   at a time as they are written. [`to_json`] gives it as a `serde_json::Value`.
//!
//! All deck text in the plain-text output passes through `diagnostic::inert`: decks are
//! untrusted and must not be able to drive the terminal.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::deck::generate::format_number;
use crate::deck::{Answer, Card, ClozePart, Deck, Kind, Text, number_range};
use crate::diagnostic::inert;

/// What stands in for a cloze blank when the sentence is shown.
pub const BLANK: &str = "[...]";

fn s(text: &str) -> Cow<'_, str> {
    inert(text)
}

/// Card ids per fact, to list a card's siblings without scanning the deck for each card.
fn siblings(deck: &Deck) -> HashMap<&str, Vec<&str>> {
    let mut map: HashMap<&str, Vec<&str>> = HashMap::new();
    for card in &deck.cards {
        if let Some(fact) = &card.fact {
            map.entry(fact.as_str()).or_default().push(card.id.as_str());
        }
    }
    map
}

/// Print the deck's title and every card with its answers.
pub fn write_text(deck: &Deck, w: &mut dyn Write) -> io::Result<()> {
    let generated = deck.cards.iter().filter(|c| is_generated(c)).count();
    writeln!(w, "{} ({})", s(&deck.title), s(&deck.id))?;
    if let Some(d) = &deck.description {
        writeln!(w, "{}", s(d))?;
    }
    writeln!(
        w,
        "{} cards: {} written, {} generated from {} facts",
        deck.cards.len(),
        deck.cards.len() - generated,
        generated,
        deck.facts.len()
    )?;
    for card in &deck.cards {
        writeln!(w)?;
        write_card(card, w)?;
        write_apart(deck, card, w)?;
    }
    Ok(())
}

/// Print the card `id`, or every card generated from the fact `id`, each followed by its
/// siblings. Returns `false` (printing nothing) when neither exists.
pub fn write_card_forms(deck: &Deck, id: &str, w: &mut dyn Write) -> io::Result<bool> {
    let cards: Vec<&Card> = match deck.card(id) {
        Some(card) => vec![card],
        None => deck
            .cards
            .iter()
            .filter(|c| c.fact.as_deref() == Some(id))
            .collect(),
    };
    if cards.is_empty() {
        return Ok(false);
    }
    let family = siblings(deck);
    for (n, card) in cards.iter().enumerate() {
        if n > 0 {
            writeln!(w)?;
        }
        write_card(card, w)?;
        write_apart(deck, card, w)?;
        let others = sibling_ids(&family, card);
        if !others.is_empty() {
            let others: Vec<Cow<str>> = others.into_iter().map(s).collect();
            writeln!(w, "  siblings: {}", others.join(", "))?;
        }
    }
    Ok(true)
}

/// The cards and facts a study day keeps this card away from (besides its siblings).
fn write_apart(deck: &Deck, card: &Card, w: &mut dyn Write) -> io::Result<()> {
    let keys = deck.apart.of(card.id.as_str());
    if !keys.is_empty() {
        let keys: Vec<Cow<str>> = keys.iter().map(|k| s(k)).collect();
        writeln!(w, "  kept apart from: {}", keys.join(", "))?;
    }
    Ok(())
}

fn is_generated(card: &Card) -> bool {
    card.fact.is_some() || card.id.as_str().contains('/')
}

fn sibling_ids<'d>(family: &HashMap<&str, Vec<&'d str>>, card: &Card) -> Vec<&'d str> {
    let Some(fact) = &card.fact else {
        return Vec::new();
    };
    family
        .get(fact.as_str())
        .map(|ids| {
            ids.iter()
                .copied()
                .filter(|id| *id != card.id.as_str())
                .collect()
        })
        .unwrap_or_default()
}

fn also(answer: &Answer) -> String {
    if answer.accept.is_empty() {
        String::new()
    } else {
        let alts: Vec<Cow<str>> = answer.accept.iter().map(|a| s(a)).collect();
        format!(" (also accepted: {})", alts.join(", "))
    }
}

fn write_card(card: &Card, w: &mut dyn Write) -> io::Result<()> {
    let mut about = vec![card.kind.name().to_string()];
    if let Some(fact) = &card.fact {
        about.push(format!("fact {}", s(fact)));
    }
    if !card.tags.is_empty() {
        let tags: Vec<Cow<str>> = card.tags.iter().map(|t| s(t)).collect();
        about.push(format!("tags: {}", tags.join(", ")));
    }
    writeln!(w, "{}  ({})", s(card.id.as_str()), about.join("; "))?;
    if !card.prompt.is_empty() {
        writeln!(w, "  {}", s(&card.prompt))?;
    }
    match &card.kind {
        Kind::Basic { back } => writeln!(w, "  back: {}", s(back))?,
        Kind::Typed { answer } => writeln!(w, "  answer: {}{}", s(&answer.text), also(answer))?,
        Kind::Choice { correct, wrong } => {
            let options = correct
                .iter()
                .map(|o| ("x", o))
                .chain(wrong.iter().map(|o| (" ", o)));
            for (n, (mark, option)) in options.enumerate() {
                writeln!(w, "    {}. [{mark}] {}", n + 1, s(option))?;
            }
        }
        Kind::TrueFalse { answer } => writeln!(w, "  answer: {answer}")?,
        Kind::Number {
            answer,
            tolerance,
            unit,
        } => {
            if number_range(*answer, *tolerance).is_some() {
                // A range reads as its ends, as the learner is shown it: "2000-2003", never
                // "2001.5 (± 1.5)".
                let range = crate::answer::expected_number(*answer, *tolerance, unit.as_deref());
                writeln!(w, "  answer: {}", s(&range))?;
            } else {
                let within = if *tolerance > 0.0 {
                    format!(" (± {})", crate::wording::count::format_value(*tolerance))
                } else {
                    String::new()
                };
                writeln!(
                    w,
                    "  answer: {}{within}",
                    s(&format_number(*answer, unit.as_deref()))
                )?;
            }
        }
        Kind::Year { answer, tolerance } => {
            let within = if *tolerance > 0 {
                format!(" (± {tolerance})")
            } else {
                String::new()
            };
            writeln!(w, "  answer: {answer}{within}")?;
        }
        Kind::Date { answer } => writeln!(w, "  answer: {answer}")?,
        Kind::List { items, ordered } => {
            writeln!(
                w,
                "  answer ({}):",
                if *ordered {
                    "in this order"
                } else {
                    "in any order"
                }
            )?;
            for (n, item) in items.iter().enumerate() {
                writeln!(w, "    {}. {}{}", n + 1, s(&item.text), also(item))?;
            }
        }
        Kind::Order { items } => {
            writeln!(w, "  correct order:")?;
            for (n, item) in items.iter().enumerate() {
                writeln!(w, "    {}. {}", n + 1, s(item))?;
            }
        }
        Kind::Cloze { parts } => {
            let mut shown = String::new();
            for (i, part) in parts.iter().enumerate() {
                match (part, parts.get(i + 1)) {
                    (ClozePart::Text(t), _) => shown.push_str(t),
                    (ClozePart::Blank(_), Some(ClozePart::Hint(hint))) => {
                        shown.push_str(&format!("[... ({hint})]"));
                    }
                    (ClozePart::Blank(_), _) => shown.push_str(BLANK),
                    (ClozePart::Hint(_), _) => {}
                }
            }
            writeln!(w, "  {}", s(&shown))?;
            let blanks: Vec<&Answer> = parts
                .iter()
                .filter_map(|p| match p {
                    ClozePart::Blank(a) => Some(a),
                    ClozePart::Text(_) | ClozePart::Hint(_) => None,
                })
                .collect();
            for (n, blank) in blanks.iter().enumerate() {
                let label = if blanks.len() == 1 {
                    "answer".to_string()
                } else {
                    format!("blank {}", n + 1)
                };
                writeln!(w, "  {label}: {}{}", s(&blank.text), also(blank))?;
            }
        }
        Kind::Match { pairs } => {
            let width = pairs
                .iter()
                .map(|(l, _)| s(l).chars().count())
                .max()
                .unwrap_or(0);
            for (left, right) in pairs {
                writeln!(w, "    {:<width$}  ->  {}", s(left), s(right))?;
            }
        }
    }
    if let Some(explain) = &card.explain {
        writeln!(w, "  explain: {}", s(explain))?;
    }
    if let Some(source) = &card.source {
        writeln!(w, "  source: {}", s(source))?;
    }
    for (label, names) in [
        ("media", card.question_media()),
        ("answer media", card.answer_media()),
    ] {
        if !names.is_empty() {
            let names: Vec<Cow<str>> = names.iter().map(|n| s(n)).collect();
            writeln!(w, "  {label}: {}", names.join(", "))?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct DeckJson<'a> {
    id: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    author: Option<&'a str>,
    source: Option<SourceJson<'a>>,
    tags: &'a [Text],
    seed: u64,
    facts: usize,
    cards: CardsJson<'a>,
}

/// The cards, each made into its JSON struct only as it is written: a million cards would
/// otherwise be held as JSON values at once (gigabytes).
struct CardsJson<'a> {
    deck: &'a Deck,
    family: HashMap<&'a str, Vec<&'a str>>,
}

impl Serialize for CardsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.deck
                .cards
                .iter()
                .map(|c| card_json(self.deck, c, &self.family)),
        )
    }
}

#[derive(Serialize)]
struct SourceJson<'a> {
    title: &'a str,
    author: Option<&'a str>,
    date: Option<&'a str>,
    publication: Option<&'a str>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct AnswerJson<'a> {
    text: Cow<'a, str>,
    accept: &'a [Text],
}

impl<'a> AnswerJson<'a> {
    fn of(a: &'a Answer) -> AnswerJson<'a> {
        AnswerJson {
            text: Cow::Borrowed(&a.text),
            accept: &a.accept,
        }
    }

    fn plain(text: impl Into<Cow<'a, str>>) -> AnswerJson<'a> {
        AnswerJson {
            text: text.into(),
            accept: &[],
        }
    }
}

#[derive(Serialize)]
struct CardJson<'a> {
    id: &'a str,
    kind: &'static str,
    prompt: &'a str,
    /// What counts as right: one entry per expected part (a list item, a cloze blank, a
    /// correct option), each with its accepted alternatives.
    answers: Vec<AnswerJson<'a>>,
    /// Wrong options of a choice card (empty for other kinds).
    wrong: &'a [Text],
    tags: &'a [Text],
    fact: Option<&'a str>,
    siblings: Vec<&'a str>,
    /// Cards and facts a study day keeps this card away from, besides its siblings (a card
    /// that shows its answer, a timeline of its event, or what the deck declares).
    #[serde(skip_serializing_if = "<[Text]>::is_empty")]
    apart: &'a [Text],
    generated: bool,
    explain: Option<&'a str>,
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tolerance: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ordered: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    items: Option<&'a [Text]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pairs: Option<Vec<[&'a str; 2]>>,
    /// A cloze sentence in deck syntax, blanks written `{{answer|alternative}}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// A number card's range `[low, high]`, when it is shown as one.
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<[f64; 2]>,
    /// Files shown with the question and with the answer (in the deck's media folder).
    #[serde(skip_serializing_if = "<[Text]>::is_empty")]
    media: &'a [Text],
    #[serde(skip_serializing_if = "<[Text]>::is_empty")]
    answer_media: &'a [Text],
}

fn card_json<'a>(
    deck: &'a Deck,
    card: &'a Card,
    family: &HashMap<&str, Vec<&'a str>>,
) -> CardJson<'a> {
    let mut j = CardJson {
        id: card.id.as_str(),
        kind: card.kind.name(),
        prompt: &card.prompt,
        answers: Vec::new(),
        wrong: &[],
        tags: &card.tags,
        fact: card.fact.as_deref(),
        siblings: sibling_ids(family, card),
        apart: deck.apart.of(card.id.as_str()),
        generated: is_generated(card),
        explain: card.explain.as_deref(),
        source: card.source.as_deref(),
        tolerance: None,
        unit: None,
        ordered: None,
        items: None,
        pairs: None,
        text: None,
        range: None,
        media: card.question_media(),
        answer_media: card.answer_media(),
    };
    match &card.kind {
        Kind::Basic { back } => j.answers.push(AnswerJson::plain(back.as_str())),
        Kind::Typed { answer } => j.answers.push(AnswerJson::of(answer)),
        Kind::Choice { correct, wrong } => {
            j.answers = correct
                .iter()
                .map(|c| AnswerJson::plain(c.as_str()))
                .collect();
            j.wrong = wrong;
        }
        Kind::TrueFalse { answer } => j.answers.push(AnswerJson::plain(answer.to_string())),
        Kind::Number {
            answer,
            tolerance,
            unit,
        } => {
            j.answers.push(AnswerJson::plain(answer.to_string()));
            j.tolerance = Some(*tolerance);
            j.unit = unit.as_deref();
            j.range = number_range(*answer, *tolerance).map(|(low, high)| [low, high]);
        }
        Kind::Year { answer, tolerance } => {
            j.answers.push(AnswerJson::plain(answer.to_string()));
            j.tolerance = Some(f64::from(*tolerance));
        }
        Kind::Date { answer } => {
            j.answers
                .push(AnswerJson::plain(crate::deck::write::date_text(answer)));
        }
        Kind::List { items, ordered } => {
            j.answers = items.iter().map(AnswerJson::of).collect();
            j.ordered = Some(*ordered);
        }
        Kind::Order { items } => {
            j.answers = items
                .iter()
                .map(|i| AnswerJson::plain(i.as_str()))
                .collect();
            j.items = Some(items);
            j.ordered = Some(true);
        }
        Kind::Cloze { parts } => {
            for part in parts {
                match part {
                    ClozePart::Blank(a) => j.answers.push(AnswerJson::of(a)),
                    ClozePart::Text(_) | ClozePart::Hint(_) => {}
                }
            }
            j.text = Some(crate::deck::write::cloze_text(parts));
        }
        Kind::Match { pairs } => {
            j.answers = pairs
                .iter()
                .map(|(_, r)| AnswerJson::plain(r.as_str()))
                .collect();
            j.pairs = Some(
                pairs
                    .iter()
                    .map(|(l, r)| [l.as_str(), r.as_str()])
                    .collect(),
            );
        }
    }
    j
}

/// The deck and every card as JSON (see `CardJson` for the fields of a card), written card by
/// card by a serializer.
pub fn json(deck: &Deck) -> impl Serialize + '_ {
    DeckJson {
        id: &deck.id,
        title: &deck.title,
        description: deck.description.as_deref(),
        author: deck.author.as_deref(),
        source: deck.source.as_ref().map(|src| SourceJson {
            title: &src.title,
            author: src.author.as_deref(),
            date: src.date.as_deref(),
            publication: src.publication.as_deref(),
            url: src.url.as_deref(),
        }),
        tags: &deck.tags,
        seed: deck.seed,
        facts: deck.facts.len(),
        cards: CardsJson {
            deck,
            family: siblings(deck),
        },
    }
}

/// [`json`] as a value.
pub fn to_json(deck: &Deck) -> serde_json::Value {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_value(json(deck)).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde_json::json;

    fn card(id: &str, kind: Kind, prompt: &str) -> Card {
        Card {
            tags: vec!["geo".into()].into(),
            ..Card::new(id, kind, prompt)
        }
    }

    fn deck(cards: Vec<Card>) -> Deck {
        Deck {
            id: "d".into(),
            title: "Demo".into(),
            cards,
            ..Deck::default()
        }
    }

    fn text(deck: &Deck) -> String {
        let mut out = Vec::new();
        write_text(deck, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn forms(deck: &Deck, id: &str) -> (bool, String) {
        let mut out = Vec::new();
        let found = write_card_forms(deck, id, &mut out).unwrap();
        (found, String::from_utf8(out).unwrap())
    }

    fn generated(id: &str, fact: &str, kind: Kind) -> Card {
        Card {
            fact: Some(fact.into()),
            ..card(id, kind, "Q?")
        }
    }

    #[test]
    fn text_and_json_show_ranges_hints_and_media() {
        let mut flag = card(
            "f",
            Kind::Basic {
                back: "France".into(),
            },
            "Whose flag? [flag_fr.png]",
        );
        flag.media = crate::deck::Media::boxed(vec!["flag_fr.png".into()], vec!["a.mp3".into()]);
        let d = deck(vec![
            card(
                "r",
                Kind::Number {
                    answer: 2001.5,
                    tolerance: 1.5,
                    unit: None,
                },
                "When?",
            ),
            card(
                "c",
                Kind::Cloze {
                    parts: vec![
                        ClozePart::Blank(Answer::plain("Frankfurt")),
                        ClozePart::Hint("city".into()),
                        ClozePart::Text(" lies on the Main.".into()),
                    ],
                },
                "",
            ),
            flag,
        ]);
        let out = text(&d);
        assert!(out.contains("  answer: 2000-2003\n"), "{out}");
        assert!(out.contains("  [... (city)] lies on the Main.\n"), "{out}");
        assert!(
            out.contains("  media: flag_fr.png\n  answer media: a.mp3\n"),
            "{out}"
        );
        let j = to_json(&d);
        assert_eq!(j["cards"][0]["range"], json!([2000.0, 2003.0]));
        assert_eq!(
            j["cards"][1]["text"],
            json!("{{Frankfurt::city}} lies on the Main.")
        );
        assert_eq!(j["cards"][2]["media"], json!(["flag_fr.png"]));
        assert_eq!(j["cards"][2]["answer_media"], json!(["a.mp3"]));
        assert!(j["cards"][0].get("media").is_none());
    }

    #[test]
    fn text_shows_every_kind_with_its_answers() {
        let mut typed = card(
            "t",
            Kind::Typed {
                answer: Answer {
                    text: "Oslo".into(),
                    accept: vec!["Christiania".into()],
                },
            },
            "Where?",
        );
        typed.explain = Some("Capital.".into());
        typed.source = Some("p. 2".into());
        let cards = vec![
            card(
                "b",
                Kind::Basic {
                    back: "Back".into(),
                },
                "Front",
            ),
            typed,
            card(
                "c",
                Kind::Choice {
                    correct: vec!["a".into()],
                    wrong: vec!["b".into()],
                },
                "Which?",
            ),
            card("tf", Kind::TrueFalse { answer: false }, "Wet?"),
            card(
                "n",
                Kind::Number {
                    answer: 8.5,
                    tolerance: 0.5,
                    unit: Some("km".into()),
                },
                "How far?",
            ),
            card(
                "y",
                Kind::Year {
                    answer: 2001,
                    tolerance: 0,
                },
                "When?",
            ),
            card(
                "l",
                Kind::List {
                    items: vec![
                        Answer::plain("x"),
                        Answer {
                            text: "y".into(),
                            accept: vec!["why".into()],
                        },
                    ],
                    ordered: false,
                },
                "Name two.",
            ),
            card(
                "o",
                Kind::Order {
                    items: vec!["first".into(), "second".into()],
                },
                "Order them.",
            ),
            card(
                "z",
                Kind::Cloze {
                    parts: vec![
                        ClozePart::Text("A ".into()),
                        ClozePart::Blank(Answer::plain("b")),
                        ClozePart::Text(".".into()),
                    ],
                },
                "",
            ),
            card(
                "m",
                Kind::Match {
                    pairs: vec![("one".into(), "1".into()), ("three".into(), "3".into())],
                },
                "Match.",
            ),
        ];
        assert_eq!(
            text(&deck(cards)),
            "Demo (d)
10 cards: 10 written, 0 generated from 0 facts

b  (basic; tags: geo)
  Front
  back: Back

t  (typed; tags: geo)
  Where?
  answer: Oslo (also accepted: Christiania)
  explain: Capital.
  source: p. 2

c  (choice; tags: geo)
  Which?
    1. [x] a
    2. [ ] b

tf  (truefalse; tags: geo)
  Wet?
  answer: false

n  (number; tags: geo)
  How far?
  answer: 8-9 km

y  (year; tags: geo)
  When?
  answer: 2001

l  (list; tags: geo)
  Name two.
  answer (in any order):
    1. x
    2. y (also accepted: why)

o  (order; tags: geo)
  Order them.
  correct order:
    1. first
    2. second

z  (cloze; tags: geo)
  A [...].
  answer: b

m  (match; tags: geo)
  Match.
    one    ->  1
    three  ->  3
"
        );
    }

    #[test]
    fn text_makes_control_characters_inert() {
        let d = deck(vec![card(
            "e",
            Kind::TrueFalse { answer: true },
            "Red\u{1b}[31m?",
        )]);
        assert!(text(&d).contains("  Red\\u{1b}[31m?\n"));
        assert!(!text(&d).contains('\u{1b}'));
    }

    #[test]
    fn card_forms_of_a_fact_list_each_card_and_its_siblings() {
        let d = deck(vec![
            generated(
                "f/year",
                "f",
                Kind::Year {
                    answer: 1961,
                    tolerance: 0,
                },
            ),
            generated(
                "f/which",
                "f",
                Kind::Choice {
                    correct: vec!["x".into()],
                    wrong: vec!["y".into()],
                },
            ),
        ]);
        assert_eq!(
            forms(&d, "f"),
            (
                true,
                "f/year  (year; fact f; tags: geo)\n  Q?\n  answer: 1961\n  siblings: f/which\n\nf/which  (choice; fact f; tags: geo)\n  Q?\n    1. [x] x\n    2. [ ] y\n  siblings: f/year\n"
                    .to_string()
            )
        );
    }

    #[test]
    fn card_forms_of_one_card() {
        let d = deck(vec![card("tf", Kind::TrueFalse { answer: true }, "Wet?")]);
        assert_eq!(
            forms(&d, "tf"),
            (
                true,
                "tf  (truefalse; tags: geo)\n  Wet?\n  answer: true\n".to_string()
            )
        );
    }

    #[test]
    fn card_forms_of_an_unknown_id_print_nothing() {
        let d = deck(vec![]);
        assert_eq!(forms(&d, "nope"), (false, String::new()));
    }

    #[test]
    fn cards_kept_apart_are_listed_in_text_and_json() {
        let mut d = deck(vec![
            card("a", Kind::Basic { back: "x".into() }, "A?"),
            card("b", Kind::Basic { back: "y".into() }, "B?"),
        ]);
        d.apart.add("a", "b");
        let out = text(&d);
        assert!(
            out.contains("a  (basic; tags: geo)\n  A?\n  back: x\n  kept apart from: b\n"),
            "{out}"
        );
        assert!(
            !out.contains("b  (basic; tags: geo)\n  B?\n  back: y\n  kept apart"),
            "{out}"
        );
        let j = to_json(&d);
        assert_eq!(j["cards"][0]["apart"], json!(["b"]));
        assert!(j["cards"][1].get("apart").is_none());
        let (_, forms) = forms(&d, "a");
        assert!(forms.contains("kept apart from: b"), "{forms}");
    }

    #[test]
    fn json_has_the_card_fields_and_siblings() {
        let mut typed = generated(
            "f/name",
            "f",
            Kind::Typed {
                answer: Answer {
                    text: "LEO".into(),
                    accept: vec!["low orbit".into()],
                },
            },
        );
        typed.explain = Some("E".into());
        let d = deck(vec![
            typed,
            generated(
                "f/define",
                "f",
                Kind::Choice {
                    correct: vec!["a".into()],
                    wrong: vec!["b".into(), "c".into()],
                },
            ),
        ]);
        let j = to_json(&d);
        assert_eq!(j["id"], "d");
        assert_eq!(
            j["cards"][0],
            json!({
                "id": "f/name", "kind": "typed", "prompt": "Q?",
                "answers": [{"text": "LEO", "accept": ["low orbit"]}],
                "wrong": [], "tags": ["geo"], "fact": "f", "siblings": ["f/define"],
                "generated": true, "explain": "E", "source": null
            })
        );
        assert_eq!(j["cards"][1]["wrong"], json!(["b", "c"]));
        assert_eq!(
            j["cards"][1]["answers"],
            json!([{"text": "a", "accept": []}])
        );
    }

    #[test]
    fn json_has_kind_specific_data() {
        let d = deck(vec![
            card(
                "n",
                Kind::Number {
                    answer: 8.0,
                    tolerance: 0.5,
                    unit: Some("km".into()),
                },
                "Q",
            ),
            card(
                "z",
                Kind::Cloze {
                    parts: vec![
                        ClozePart::Text("A ".into()),
                        ClozePart::Blank(Answer {
                            text: "b".into(),
                            accept: vec!["bee".into()],
                        }),
                    ],
                },
                "",
            ),
            card(
                "m",
                Kind::Match {
                    pairs: vec![("l".into(), "r".into())],
                },
                "Q",
            ),
            card(
                "o",
                Kind::Order {
                    items: vec!["1".into(), "2".into()],
                },
                "Q",
            ),
            card(
                "l",
                Kind::List {
                    items: vec![Answer::plain("x")],
                    ordered: true,
                },
                "Q",
            ),
        ]);
        let j = to_json(&d);
        assert_eq!(
            (
                j["cards"][0]["tolerance"].clone(),
                j["cards"][0]["unit"].clone()
            ),
            (json!(0.5), json!("km"))
        );
        assert_eq!(
            j["cards"][0]["answers"],
            json!([{"text": "8", "accept": []}])
        );
        assert_eq!(j["cards"][1]["text"], "A {{b|bee}}");
        assert_eq!(j["cards"][2]["pairs"], json!([["l", "r"]]));
        assert_eq!(j["cards"][3]["items"], json!(["1", "2"]));
        assert_eq!(j["cards"][4]["ordered"], json!(true));
        assert_eq!(j["cards"][4].get("unit"), None);
    }
}

//! A deck as a learner meets it, with the answers: plain text for people (`recall show`) and
//! JSON for tools (`recall show --json`).
//!
//! API:
//! - [`write_text`]`(deck, w)`: every card, hand-written and generated, with its answers.
//! - [`write_card_forms`]`(deck, id, w) -> io::Result<bool>`: one card, or every card generated
//!   from one fact (`recall show DECK --card ID`); `false` when no card or fact has that id.
//! - [`to_json`]`(deck) -> serde_json::Value`: the deck and its cards through dedicated
//!   export structs, so the domain types can change without changing the JSON.
//!
//! All deck text in the plain-text output passes through `diagnostic::inert`: decks are
//! untrusted and must not be able to drive the terminal.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::deck::generate::format_number;
use crate::deck::{Answer, Card, ClozePart, Deck, Kind};
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
        let others = sibling_ids(&family, card);
        if !others.is_empty() {
            let others: Vec<Cow<str>> = others.into_iter().map(s).collect();
            writeln!(w, "  siblings: {}", others.join(", "))?;
        }
    }
    Ok(true)
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
            let within = if *tolerance > 0.0 {
                format!(" (± {tolerance})")
            } else {
                String::new()
            };
            writeln!(
                w,
                "  answer: {}{within}",
                s(&format_number(*answer, unit.as_deref()))
            )?;
        }
        Kind::Year { answer, tolerance } => {
            let within = if *tolerance > 0 {
                format!(" (± {tolerance})")
            } else {
                String::new()
            };
            writeln!(w, "  answer: {answer}{within}")?;
        }
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
            let shown: String = parts
                .iter()
                .map(|p| match p {
                    ClozePart::Text(t) => t.as_str(),
                    ClozePart::Blank(_) => BLANK,
                })
                .collect();
            writeln!(w, "  {}", s(&shown))?;
            let blanks: Vec<&Answer> = parts
                .iter()
                .filter_map(|p| match p {
                    ClozePart::Blank(a) => Some(a),
                    ClozePart::Text(_) => None,
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
    Ok(())
}

#[derive(Serialize)]
struct DeckJson<'a> {
    id: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    author: Option<&'a str>,
    source: Option<SourceJson<'a>>,
    tags: &'a [String],
    seed: u64,
    facts: usize,
    cards: Vec<CardJson<'a>>,
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
    accept: &'a [String],
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
    wrong: &'a [String],
    tags: &'a [String],
    fact: Option<&'a str>,
    siblings: Vec<&'a str>,
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
    items: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pairs: Option<Vec<[&'a str; 2]>>,
    /// A cloze sentence in deck syntax, blanks written `{{answer|alternative}}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

fn card_json<'a>(card: &'a Card, family: &HashMap<&str, Vec<&'a str>>) -> CardJson<'a> {
    let mut j = CardJson {
        id: card.id.as_str(),
        kind: card.kind.name(),
        prompt: &card.prompt,
        answers: Vec::new(),
        wrong: &[],
        tags: &card.tags,
        fact: card.fact.as_deref(),
        siblings: sibling_ids(family, card),
        generated: is_generated(card),
        explain: card.explain.as_deref(),
        source: card.source.as_deref(),
        tolerance: None,
        unit: None,
        ordered: None,
        items: None,
        pairs: None,
        text: None,
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
        }
        Kind::Year { answer, tolerance } => {
            j.answers.push(AnswerJson::plain(answer.to_string()));
            j.tolerance = Some(f64::from(*tolerance));
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
            let mut text = String::new();
            for part in parts {
                match part {
                    ClozePart::Text(t) => text.push_str(t),
                    ClozePart::Blank(a) => {
                        j.answers.push(AnswerJson::of(a));
                        text.push_str("{{");
                        text.push_str(&a.all().collect::<Vec<_>>().join("|"));
                        text.push_str("}}");
                    }
                }
            }
            j.text = Some(text);
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

/// The deck and every card as JSON (see `CardJson` for the fields of a card).
pub fn to_json(deck: &Deck) -> serde_json::Value {
    let family = siblings(deck);
    let json = DeckJson {
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
        cards: deck.cards.iter().map(|c| card_json(c, &family)).collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_value(json).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::load::load;

    #[test]
    #[ignore]
    fn dump() {
        let name = std::env::var("DECK").unwrap();
        let path = format!("tests/fixtures/decks/{name}");
        let bytes = std::fs::read(&path).unwrap();
        let loaded = load(&bytes);
        let src = String::from_utf8_lossy(&bytes);
        for d in &loaded.diagnostics {
            crate::diagnostic::render(&path, &src, d, false, &mut std::io::stdout()).unwrap();
        }
        println!("{}", crate::diagnostic::summary(&path, &loaded.diagnostics));
        if let Some(deck) = &loaded.deck {
            if std::env::var("SHOW").is_ok() {
                write_text(deck, &mut std::io::stdout()).unwrap();
            }
        }
    }
}

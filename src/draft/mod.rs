//! Drafting a deck from an article (`recall generate`): find dated events, places, people,
//! lists, numbers and terms in the prose and turn them into facts (and a few cards), each with
//! a confidence and the paragraph and sentence it came from, for an instructor to review.
//!
//! Deterministic and offline: the same text always gives the same draft. Facts hold short noun
//! phrases from the text; the questions are worded by templates (the deck generator's, or the
//! few here), never by copying sentences, and a question never contains its own answer.

use std::collections::HashMap;

use crate::deck::write::{date_text, to_toml};
use crate::deck::{Card, CardId, Deck, Fact, FactKind, Kind, SourceRef, Span, Tags};
use crate::formats::ids::{IdSet, slug};

pub mod extract;
pub mod text;

use extract::{Context, Finding, Found};

/// A drafted deck and, for each of its facts and cards, how sure the draft is and where the
/// item comes from. `items` follow document order, as do the deck's facts and cards.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub deck: Deck,
    pub items: Vec<DraftItem>,
}

/// Where a drafted item was found (1-based, counting prose paragraphs only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub paragraph: usize,
    pub sentence: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftItem {
    /// The fact or card id in the drafted deck.
    pub id: String,
    /// True for a fact, false for a hand-written card.
    pub is_fact: bool,
    /// The fact or card kind ("event", "place", ..., or "year" for a card).
    pub kind: &'static str,
    /// From 0 to 1: how likely the pattern read the sentence right.
    pub confidence: f32,
    pub location: Location,
    /// The pattern that found it.
    pub rule: &'static str,
}

/// Draft a deck from an article's plain text.
pub fn draft_from_article(article: &str) -> Draft {
    let (header, paragraphs) = text::paragraphs(article);
    let prose: String = paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let mut context = Context::new(&prose);

    let mut builder = Builder::default();
    for paragraph in &paragraphs {
        for (i, sentence) in paragraph.sentences.iter().enumerate() {
            let location = Location {
                paragraph: paragraph.number,
                sentence: i + 1,
            };
            let mut findings = extract::acronyms_in(sentence, &context);
            findings.extend(extract::sentence(sentence, &mut context));
            for finding in findings {
                builder.add(finding, location);
            }
        }
    }

    let title = header
        .title
        .clone()
        .unwrap_or_else(|| "Draft deck".to_string());
    let id = Some(slug(&title, 32))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "draft".into());
    let source = header.title.as_ref().map(|t| SourceRef {
        title: t.clone(),
        author: header.author.clone(),
        date: header.date.clone(),
        publication: None,
        url: None,
    });
    let (facts, cards, items) = builder.finish();
    let deck = Deck {
        id,
        title,
        description: Some(
            "Drafted from an article by recall; review every item before studying.".into(),
        ),
        author: None,
        source,
        tags: Vec::new(),
        seed: 1,
        settings: Default::default(),
        facts,
        cards,
        apart: Default::default(),
    };
    Draft { deck, items }
}

/// An item on its way into the deck.
enum Entry {
    Fact(Fact),
    Card(Card),
}

#[derive(Default)]
struct Builder {
    entries: Vec<(Entry, DraftItem)>,
    /// Duplicate key -> index in `entries`.
    keys: HashMap<String, usize>,
    ids: IdSet,
}

impl Builder {
    fn add(&mut self, finding: Finding, location: Location) {
        let source = format!(
            "para {}, sentence {}",
            location.paragraph, location.sentence
        );
        let (kind, answer, key) = match &finding.found {
            Found::Fact(fact) => {
                if leaks(fact) {
                    return;
                }
                (fact.name(), answer_of(fact), duplicate_key(fact))
            }
            Found::Card { kind, prompt } => {
                if card_leaks(kind, prompt) {
                    return;
                }
                (
                    kind.name(),
                    card_answer(kind),
                    format!("card:{}", prompt.to_lowercase()),
                )
            }
        };
        // A later place for the same subject (it moved) replaces the earlier one; any other
        // repeat is dropped, so the first mention wins.
        if let Some(&index) = self.keys.get(&key) {
            let replaces = matches!(&finding.found, Found::Fact(FactKind::Place { previously, .. }) if !previously.is_empty());
            if !replaces {
                return;
            }
            self.entries.remove(index);
            self.keys.retain(|_, i| *i != index);
            for i in self.keys.values_mut() {
                if *i > index {
                    *i -= 1;
                }
            }
        }
        let id = self.ids.unique(format!(
            "{kind}-{}-p{}s{}",
            Some(slug(&answer, 30))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "item".into()),
            location.paragraph,
            location.sentence
        ));
        let item = DraftItem {
            id: id.clone(),
            is_fact: matches!(finding.found, Found::Fact(_)),
            kind,
            confidence: finding.confidence,
            location,
            rule: finding.rule,
        };
        let entry = match finding.found {
            Found::Fact(fact) => Entry::Fact(Fact {
                id: id.into(),
                kind: fact,
                tags: Vec::new(),
                explain: finding.explain.map(Into::into),
                source: Some(source.into()),
                span: Span::default(),
                hints: Default::default(),
            }),
            Found::Card { kind, prompt } => Entry::Card(Card {
                id: CardId(id.into()),
                kind,
                prompt: prompt.into(),
                tags: Tags::default(),
                explain: finding.explain.map(Into::into),
                source: Some(source.into()),
                fact: None,
                span: Span::default(),
            }),
        };
        self.keys.insert(key, self.entries.len());
        self.entries.push((entry, item));
    }

    fn finish(self) -> (Vec<Fact>, Vec<Card>, Vec<DraftItem>) {
        let mut facts = Vec::new();
        let mut cards = Vec::new();
        let mut items = Vec::new();
        for (entry, item) in self.entries {
            match entry {
                Entry::Fact(f) => facts.push(f),
                Entry::Card(c) => cards.push(c),
            }
            items.push(item);
        }
        (facts, cards, items)
    }
}

/// The answer a fact's main question asks for, as text (used for ids).
fn answer_of(fact: &FactKind) -> String {
    match fact {
        FactKind::Event { date, .. } => date_text(date),
        FactKind::Place { place, .. } => place.text.to_string(),
        FactKind::Person { name, .. } => name.text.to_string(),
        FactKind::List { name, .. } => name.to_string(),
        FactKind::Number { value, .. } => format!("{value}"),
        FactKind::Term { term, .. } => term.text.to_string(),
    }
}

fn card_answer(kind: &Kind) -> String {
    match kind {
        Kind::Year { answer, .. } => answer.to_string(),
        other => other.name().to_string(),
    }
}

fn duplicate_key(fact: &FactKind) -> String {
    let lower = |s: &str| s.to_lowercase();
    match fact {
        FactKind::Event { what, .. } => format!("event:{}", lower(what)),
        FactKind::Place {
            subject, relation, ..
        } => format!("place:{}:{}", lower(subject), lower(relation)),
        FactKind::Person { name, role, .. } => {
            format!("person:{}:{}", lower(&name.text), lower(role))
        }
        FactKind::List { items, .. } => {
            let mut items: Vec<String> = items.iter().map(|i| lower(&i.text)).collect();
            items.sort();
            format!("list:{}", items.join("|"))
        }
        FactKind::Number { quantity, .. } => format!("number:{}", lower(quantity)),
        FactKind::Term { term, .. } => format!("term:{}", lower(&term.text)),
    }
}

/// Whether `needle` occurs in `haystack` as whole words, ignoring case.
fn mentions(haystack: &str, needle: &str) -> bool {
    let needle = needle.trim().to_lowercase();
    if needle.is_empty() {
        return false;
    }
    let haystack = haystack.to_lowercase();
    haystack.match_indices(&needle).any(|(i, m)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether a fact's questions would show their own answer (the prompt side holds the answer).
fn leaks(fact: &FactKind) -> bool {
    match fact {
        FactKind::Event { what, date, .. } => mentions(what, &date.year.to_string()),
        FactKind::Place {
            subject,
            place,
            previously,
            ..
        } => place
            .all()
            .chain(previously.iter().map(|p| p.as_str()))
            .any(|p| mentions(subject, p)),
        FactKind::Person { name, role, .. } => name.all().any(|n| {
            mentions(role, n)
                || n.split_whitespace()
                    .any(|part| part.len() > 2 && mentions(role, part))
        }),
        FactKind::List { name, items, .. } => items
            .iter()
            .flat_map(|i| i.all())
            .any(|i| mentions(name, i)),
        FactKind::Number {
            quantity, value, ..
        } => {
            let plain = format!("{value}");
            quantity.replace(',', "").contains(&plain)
        }
        FactKind::Term { term, definition } => term.all().any(|t| mentions(definition, t)),
    }
}

fn card_leaks(kind: &Kind, prompt: &str) -> bool {
    match kind {
        Kind::Year { answer, .. } => mentions(prompt, &answer.to_string()),
        _ => false,
    }
}

impl Draft {
    /// The drafted deck as recall TOML, each item preceded by a comment with its confidence,
    /// location and rule, lowest confidence flagged for review.
    pub fn annotated_toml(&self) -> String {
        let notes: HashMap<&str, &DraftItem> =
            self.items.iter().map(|i| (i.id.as_str(), i)).collect();
        let toml = to_toml(&self.deck);
        let mut out = String::from(
            "# Drafted by `recall generate` from an article. Every item below was found by a\n\
             # pattern, not understood: check each one against the source before studying.\n",
        );
        for chunk in toml.split_inclusive('\n') {
            if let Some(id) = chunk.strip_prefix("id = ")
                && let Ok(toml::Value::String(id)) = id.trim().parse::<toml::Value>()
                && let Some(item) = notes.get(id.as_str())
            {
                let flag = if item.confidence < 0.5 {
                    "  <- check carefully"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "# confidence {:.2}, paragraph {}, sentence {}, found by: {}{flag}\n",
                    item.confidence, item.location.paragraph, item.location.sentence, item.rule
                ));
            }
            out.push_str(chunk);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{Answer, FactDate};

    /// A made-up article with the kinds of sentences the patterns look for, plus page clutter.
    const ARTICLE: &str = "\
The Lighthouse Keepers of the Amber Coast > Stories

Home News Archive Subscribe Login

By Ilse Marrow

The Amber Coast Lighthouse Guild (ACLG) is the oldest body of its kind on the coast. Its members still meet every spring.

In June 1887, at a gathering held in Kessport, six towns signed the Charter of the Amber Lights. The guild was formally founded in 1889, with its headquarters initially in Kessport. The ACLG moved its headquarters to Varn in 1921.

Keepers learned the so-called four duties of lamp, lens, log and bell. They also spoke of the “dark hour,” which refers to the time between dusk and the first lamp.

The guild now counts three honorary harbours (Orrin, Tull and Wexmoor). The ACLG archive includes 214 logbooks from the northern stations.

Tomas Reede, a former ferry pilot, became its first warden in 1889. The coast road, which runs to about 1,200km, links every station.

From 1901 to 1910, the guild built new towers along the southern shore.

© 2022 Amber Coast Press. All rights reserved.
";

    fn fact<'a>(draft: &'a Draft, kind: &str) -> Vec<&'a Fact> {
        draft
            .deck
            .facts
            .iter()
            .filter(|f| f.kind.name() == kind)
            .collect()
    }

    #[test]
    fn header_gives_title_author_and_id() {
        let draft = draft_from_article(ARTICLE);
        assert_eq!(
            draft.deck.title,
            "The Lighthouse Keepers of the Amber Coast"
        );
        assert_eq!(draft.deck.id, "the-lighthouse-keepers-of-the");
        assert_eq!(
            draft.deck.source.as_ref().and_then(|s| s.author.as_deref()),
            Some("Ilse Marrow")
        );
    }

    #[test]
    fn events_with_month_year_and_place() {
        let draft = draft_from_article(ARTICLE);
        let events: Vec<&FactKind> = fact(&draft, "event").iter().map(|f| &f.kind).collect();
        assert_eq!(
            events[0],
            &FactKind::Event {
                what: "the signing of the Charter of the Amber Lights".into(),
                date: FactDate {
                    year: 1887,
                    month: Some(6),
                    day: None
                },
                place: Some("Kessport".into())
            }
        );
        assert!(
            events.iter().any(
                |e| matches!(e, FactKind::Event { what, .. } if what == "the founding of the ACLG")
            ),
            "{events:?}"
        );
    }

    #[test]
    fn a_moved_headquarters_replaces_the_first_with_the_old_seat_kept() {
        let draft = draft_from_article(ARTICLE);
        let places = fact(&draft, "place");
        assert_eq!(places.len(), 1, "{places:?}");
        assert_eq!(
            places[0].kind,
            FactKind::Place {
                subject: "the ACLG".into(),
                relation: "headquarters".into(),
                place: Answer::plain("Varn"),
                since: Some(FactDate {
                    year: 1921,
                    month: None,
                    day: None
                }),
                previously: vec!["Kessport".into()]
            }
        );
        assert_eq!(places[0].source.as_deref(), Some("para 2, sentence 3"));
    }

    #[test]
    fn lists_terms_people_and_numbers_are_found() {
        let draft = draft_from_article(ARTICLE);
        let kinds: Vec<&FactKind> = draft.deck.facts.iter().map(|f| &f.kind).collect();
        assert!(kinds.contains(&&FactKind::List {
            name: "the four duties".into(),
            items: ["lamp", "lens", "log", "bell"].map(Answer::plain).to_vec(),
            ordered: false
        }));
        assert!(kinds.contains(&&FactKind::Term {
            term: Answer::plain("dark hour"),
            definition: "the time between dusk and the first lamp".into()
        }));
        assert!(kinds.contains(&&FactKind::Term {
            term: Answer::plain("ACLG"),
            definition: "Amber Coast Lighthouse Guild".into()
        }));
        assert!(
            kinds.contains(&&FactKind::Person {
                name: Answer::plain("Tomas Reede"),
                role: "the first warden of the ACLG".into(),
                since: Some(FactDate {
                    year: 1889,
                    month: None,
                    day: None
                })
            }),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&&FactKind::Number {
                quantity: "the length of the coast road".into(),
                value: 1200.0,
                unit: Some("km".into()),
                tolerance: 60.0
            }),
            "{kinds:?}"
        );
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, FactKind::Number { value, .. } if *value == 214.0))
        );
        assert!(kinds.iter().any(|k| matches!(k, FactKind::List { name, .. } if name == "the three honorary harbours of the ACLG")), "{kinds:?}");
    }

    #[test]
    fn date_ranges_become_year_cards() {
        let draft = draft_from_article(ARTICLE);
        let years: Vec<(&str, &Kind)> = draft
            .deck
            .cards
            .iter()
            .map(|c| (c.prompt.as_str(), &c.kind))
            .collect();
        assert_eq!(
            years,
            vec![
                (
                    "In which year did the period of the building of new towers along the southern shore begin?",
                    &Kind::Year {
                        answer: 1901,
                        tolerance: 0
                    }
                ),
                (
                    "In which year did the period of the building of new towers along the southern shore end?",
                    &Kind::Year {
                        answer: 1910,
                        tolerance: 0
                    }
                ),
            ]
        );
    }

    #[test]
    fn items_are_in_document_order_with_locations_and_ids() {
        let draft = draft_from_article(ARTICLE);
        let locations: Vec<Location> = draft.items.iter().map(|i| i.location).collect();
        let mut sorted = locations.clone();
        sorted.sort();
        assert_eq!(locations, sorted);
        let first = &draft.items[0];
        assert_eq!(
            (first.id.as_str(), first.kind, first.location),
            (
                "term-aclg-p1s1",
                "term",
                Location {
                    paragraph: 1,
                    sentence: 1
                }
            )
        );
        assert!(
            draft
                .items
                .iter()
                .all(|i| !i.id.contains('/') && (0.0..=1.0).contains(&i.confidence))
        );
    }

    #[test]
    fn page_clutter_is_not_drafted() {
        let draft = draft_from_article(ARTICLE);
        let toml = to_toml(&draft.deck);
        for clutter in ["Subscribe", "Amber Coast Press", "rights reserved"] {
            assert!(!toml.contains(clutter), "{clutter}");
        }
    }

    #[test]
    fn no_fact_contains_its_own_answer_and_none_repeats() {
        let draft = draft_from_article(ARTICLE);
        assert!(draft.deck.facts.iter().all(|f| !leaks(&f.kind)));
        let mut keys: Vec<String> = draft
            .deck
            .facts
            .iter()
            .map(|f| duplicate_key(&f.kind))
            .collect();
        let count = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), count);
    }

    #[test]
    fn drafting_is_deterministic() {
        assert_eq!(draft_from_article(ARTICLE), draft_from_article(ARTICLE));
    }

    #[test]
    fn leak_checks() {
        let event = FactKind::Event {
            what: "the 1887 charter".into(),
            date: FactDate {
                year: 1887,
                month: None,
                day: None,
            },
            place: None,
        };
        assert!(leaks(&event));
        let list = FactKind::List {
            name: "the lamp duties".into(),
            items: vec![Answer::plain("lamp")],
            ordered: false,
        };
        assert!(leaks(&list));
        let term = FactKind::Term {
            term: Answer::plain("log"),
            definition: "a logbook".into(),
        };
        assert!(!leaks(&term));
    }

    #[test]
    fn annotated_toml_notes_each_item() {
        let draft = draft_from_article(ARTICLE);
        let text = draft.annotated_toml();
        assert!(text.contains("# confidence 0.85, paragraph 1, sentence 1, found by: acronym\nid = \"term-aclg-p1s1\"\n"), "{text}");
        let parsed: toml::Table = text.parse().unwrap();
        assert_eq!(
            parsed["fact"].as_array().unwrap().len(),
            draft.deck.facts.len()
        );
    }

    #[test]
    fn an_empty_text_gives_an_empty_draft() {
        let draft = draft_from_article("");
        assert!(draft.items.is_empty());
        assert_eq!(draft.deck.id, "draft-deck");
    }
}

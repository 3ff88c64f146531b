//! Write a `Deck` back as recall TOML (the format in the README), so imported or drafted decks become
//! files an instructor can read and edit: one `[[card]]` or `[[fact]]` table per item, keys in the
//! documented order, defaults left out. Generated cards are not written; their facts are.

use std::fmt::Write as _;

use toml::Value;

use crate::deck::{
    Answer, Card, ClozePart, Deck, DeckSettings, Fact, FactDate, FactKind, Kind, SourceRef, Text,
    number_range,
};

/// The deck as recall TOML (format version 1).
pub fn to_toml(deck: &Deck) -> String {
    to_toml_located(deck).0
}

/// [`to_toml`], with the byte offset where each written card's table starts (hand-written
/// cards only, in order): so that a problem found in the text can be traced to its card.
pub fn to_toml_located(deck: &Deck) -> (String, Vec<usize>) {
    let mut starts = Vec::new();
    let mut out = String::new();
    out.push_str("format = 1\n");
    key(&mut out, "id", string(&deck.id));
    key(&mut out, "title", string(&deck.title));
    opt_key(&mut out, "description", deck.description.as_deref());
    opt_key(&mut out, "author", deck.author.as_deref());
    if !deck.tags.is_empty() {
        key(&mut out, "tags", strings(&deck.tags));
    }
    // TOML integers are signed 64-bit; a larger seed cannot be written and falls back to the
    // loader's default (derived from the deck id).
    if let Ok(seed) = i64::try_from(deck.seed) {
        key(&mut out, "seed", Value::Integer(seed));
    }
    if let Some(source) = &deck.source {
        write_source(&mut out, source);
    }
    write_settings(&mut out, &deck.settings);
    for card in deck.cards.iter().filter(|c| !is_generated(c)) {
        starts.push(out.len());
        write_card(&mut out, card, &deck.tags);
    }
    for fact in &deck.facts {
        write_fact(&mut out, fact);
    }
    (out, starts)
}

/// Whether a card came from a fact (and so is rebuilt from it rather than written).
pub fn is_generated(card: &Card) -> bool {
    card.fact.is_some() || card.id.as_str().contains('/')
}

fn write_source(out: &mut String, source: &SourceRef) {
    out.push_str("\n[source]\n");
    key(out, "title", string(&source.title));
    opt_key(out, "author", source.author.as_deref());
    opt_key(out, "date", source.date.as_deref());
    opt_key(out, "publication", source.publication.as_deref());
    opt_key(out, "url", source.url.as_deref());
}

fn write_settings(out: &mut String, s: &DeckSettings) {
    let mut body = String::new();
    let int = |v: u32| Value::Integer(i64::from(v));
    if let Some(v) = s.new_per_day {
        key(&mut body, "new_per_day", int(v));
    }
    opt_key(&mut body, "new_order", s.new_order.map(|o| o.name()));
    if let Some(v) = s.reviews_per_day {
        key(&mut body, "reviews_per_day", int(v));
    }
    if let Some(steps) = &s.learning_steps {
        key(&mut body, "learning_steps", durations(steps));
    }
    if let Some(steps) = &s.relearning_steps {
        key(&mut body, "relearning_steps", durations(steps));
    }
    if let Some(v) = s.desired_retention {
        key(&mut body, "desired_retention", short_float(v));
    }
    if let Some(v) = s.day_start_hour {
        key(&mut body, "day_start_hour", Value::Integer(i64::from(v)));
    }
    if let Some(v) = s.leech_threshold {
        key(&mut body, "leech_threshold", int(v));
    }
    if let Some(v) = s.maximum_interval {
        key(&mut body, "maximum_interval", int(v));
    }
    opt_key(&mut body, "exam", s.exam.as_deref());
    if let Some(params) = &s.parameters {
        key(
            &mut body,
            "parameters",
            Value::Array(params.iter().map(|&p| short_float(p)).collect()),
        );
    }
    if let Some(fuzz) = s.fuzz {
        key(&mut body, "fuzz", Value::Boolean(fuzz));
    }
    if !body.is_empty() {
        out.push_str("\n[settings]\n");
        out.push_str(&body);
    }
}

fn write_card(out: &mut String, card: &Card, deck_tags: &[Text]) {
    out.push_str("\n[[card]]\n");
    key(out, "id", string(card.id.as_str()));
    key(out, "kind", string(card.kind.name()));
    match &card.kind {
        Kind::Basic { back } => {
            key(out, "front", string(&card.prompt));
            key(out, "back", string(back));
        }
        Kind::Cloze { parts } => {
            if !card.prompt.is_empty() {
                key(out, "prompt", string(&card.prompt));
            }
            key(out, "text", string(&cloze_text(parts)));
        }
        kind => {
            key(out, "prompt", string(&card.prompt));
            write_kind(out, kind);
        }
    }
    // The deck's default tags are added to every card by the loader; writing them again would
    // only make each card noisier.
    let own: Vec<Text> = card
        .tags
        .iter()
        .filter(|t| !deck_tags.contains(t))
        .cloned()
        .collect();
    if !own.is_empty() {
        key(out, "tags", strings(&own));
    }
    opt_key(out, "explain", card.explain.as_deref());
    opt_key(out, "source", card.source.as_deref());
    write_checking(out, card);
    if !card.question_media().is_empty() {
        key(out, "media", strings(card.question_media()));
    }
    if !card.answer_media().is_empty() {
        key(out, "answer_media", strings(card.answer_media()));
    }
}

/// How the card's answer is compared, where it differs from the default and the kind takes
/// the key.
fn write_checking(out: &mut String, card: &Card) {
    let c = card.checking;
    let text = matches!(
        card.kind,
        Kind::Typed { .. } | Kind::List { .. } | Kind::Cloze { .. }
    );
    if c.name && matches!(card.kind, Kind::Typed { .. }) {
        key(out, "name", Value::Boolean(true));
    }
    if c.accents && text {
        key(out, "accents", Value::Boolean(true));
    }
    if c.convert_units && matches!(card.kind, Kind::Number { .. }) {
        key(out, "convert_units", Value::Boolean(true));
    }
}

fn write_kind(out: &mut String, kind: &Kind) {
    match kind {
        Kind::Basic { .. } | Kind::Cloze { .. } => {}
        Kind::Typed { answer } => write_answer(out, "answer", answer),
        Kind::Choice { correct, wrong } => {
            let correct = match correct.as_slice() {
                [one] => string(one),
                many => strings(many),
            };
            key(out, "correct", correct);
            key(out, "wrong", strings(wrong));
        }
        Kind::TrueFalse { answer } => key(out, "answer", Value::Boolean(*answer)),
        Kind::Number {
            answer,
            tolerance,
            unit,
        } => {
            if let Some((low, high)) = number_range(*answer, *tolerance) {
                key(out, "range", Value::Array(vec![number(low), number(high)]));
            } else {
                key(out, "answer", number(*answer));
                if *tolerance != 0.0 {
                    key(out, "tolerance", number(*tolerance));
                }
            }
            opt_key(out, "unit", unit.as_deref());
        }
        Kind::Year { answer, tolerance } => {
            key(out, "answer", Value::Integer(i64::from(*answer)));
            if *tolerance != 0 {
                key(out, "tolerance", Value::Integer(i64::from(*tolerance)));
            }
        }
        Kind::Date { answer } => key(out, "answer", string(&date_text(answer))),
        Kind::List { items, ordered } => {
            key(out, "items", list_items(items));
            if *ordered {
                key(out, "ordered", Value::Boolean(true));
            }
        }
        Kind::Order { items } => key(out, "items", strings(items)),
        Kind::Match { pairs } => {
            let pairs = pairs
                .iter()
                .map(|(l, r)| strings(&[l.clone(), r.clone()]))
                .collect();
            key(out, "pairs", Value::Array(pairs));
        }
    }
}

fn write_fact(out: &mut String, fact: &Fact) {
    out.push_str("\n[[fact]]\n");
    key(out, "id", string(&fact.id));
    key(out, "kind", string(fact.kind.name()));
    match &fact.kind {
        FactKind::Event { what, date, place } => {
            key(out, "what", string(what));
            key(out, "date", date_value(date));
            opt_key(out, "place", place.as_deref());
        }
        FactKind::Place {
            subject,
            relation,
            place,
            since,
            previously,
        } => {
            key(out, "subject", string(subject));
            write_answer(out, "place", place);
            if relation != "headquarters" {
                key(out, "relation", string(relation));
            }
            if let Some(since) = since {
                key(out, "since", date_value(since));
            }
            if !previously.is_empty() {
                key(out, "previously", strings(previously));
            }
        }
        FactKind::Person { name, role, since } => {
            write_answer(out, "name", name);
            key(out, "role", string(role));
            if let Some(since) = since {
                key(out, "since", date_value(since));
            }
        }
        FactKind::List {
            name,
            items,
            ordered,
        } => {
            key(out, "name", string(name));
            key(out, "items", list_items(items));
            if *ordered {
                key(out, "ordered", Value::Boolean(true));
            }
        }
        FactKind::Number {
            quantity,
            value,
            unit,
            tolerance,
        } => {
            key(out, "quantity", string(quantity));
            key(out, "value", number(*value));
            opt_key(out, "unit", unit.as_deref());
            if *tolerance != 0.0 {
                key(out, "tolerance", number(*tolerance));
            }
        }
        FactKind::Term { term, definition } => {
            write_answer(out, "term", term);
            key(out, "definition", string(definition));
        }
    }
    write_hints(out, &fact.hints);
    if !fact.tags.is_empty() {
        key(out, "tags", strings(&fact.tags));
    }
    opt_key(out, "explain", fact.explain.as_deref());
    opt_key(out, "source", fact.source.as_deref());
}

/// A fact's wording keys (`verb`, `current`, `item_kind`, `place_kind`, `ask`, `wrong`).
fn write_hints(out: &mut String, hints: &crate::deck::FactHints) {
    opt_key(out, "verb", hints.verb.as_deref());
    if let Some(current) = hints.current {
        key(out, "current", Value::Boolean(current));
    }
    opt_key(out, "item_kind", hints.item_kind.as_deref());
    opt_key(out, "place_kind", hints.place_kind.as_deref());
    if !hints.ask.is_empty() {
        let table: toml::map::Map<String, Value> = hints
            .ask
            .iter()
            .map(|(form, prompt)| (form.to_string(), string(prompt)))
            .collect();
        key(out, "ask", Value::Table(table));
    }
    if !hints.wrong.is_empty() {
        let table: toml::map::Map<String, Value> = hints
            .wrong
            .iter()
            .map(|(form, options)| (form.to_string(), strings(options)))
            .collect();
        key(out, "wrong", Value::Table(table));
    }
}

/// An answer as its key plus `accept` for the alternatives.
fn write_answer(out: &mut String, name: &str, answer: &Answer) {
    key(out, name, string(&answer.text));
    if !answer.accept.is_empty() {
        key(out, "accept", strings(&answer.accept));
    }
}

/// List items: a plain string, or a list whose first entry is canonical.
fn list_items(items: &[Answer]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|item| {
                if item.accept.is_empty() {
                    string(&item.text)
                } else {
                    Value::Array(item.all().map(string).collect())
                }
            })
            .collect(),
    )
}

/// Cloze text with blanks written `{{answer}}` or `{{answer|alternative}}`.
pub fn cloze_text(parts: &[ClozePart]) -> String {
    let mut text = String::new();
    for part in parts {
        match part {
            ClozePart::Text(t) => text.push_str(t),
            ClozePart::Blank(answer) => {
                text.push_str("{{");
                text.push_str(&answer.all().collect::<Vec<_>>().join("|"));
                text.push_str("}}");
            }
            // Inside the blank just closed: `{{Frankfurt::city}}`.
            ClozePart::Hint(hint) => {
                if text.ends_with("}}") {
                    text.truncate(text.len() - 2);
                    text.push_str("::");
                    text.push_str(hint);
                    text.push_str("}}");
                }
            }
        }
    }
    text
}

/// A date as precise as it was written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn date_text(date: &FactDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", date.year),
        (Some(m), None) => format!("{:04}-{m:02}", date.year),
        _ => format!("{:04}", date.year),
    }
}

/// Seconds as the largest whole unit: "90s", "10m", "1h", "2d".
fn duration_text(seconds: u32) -> String {
    match seconds {
        0 => "0s".to_string(),
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3_600 == 0 => format!("{}h", s / 3_600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

fn durations(steps: &[u32]) -> Value {
    Value::Array(
        steps
            .iter()
            .map(|&s| Value::String(duration_text(s)))
            .collect(),
    )
}

/// Whole numbers are written without a fraction ("4300", not "4300.0"), as an instructor would.
fn number(value: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: integers beyond it are not exact in f64
    if value.fract() == 0.0 && value.abs() < EXACT {
        Value::Integer(value as i64)
    } else {
        Value::Float(value)
    }
}

/// An `f32` through its shortest decimal form, so 0.9 stays 0.9 and not 0.899999976158.
fn short_float(value: f32) -> Value {
    Value::Float(value.to_string().parse().unwrap_or(f64::from(value)))
}

/// A fact's date as the loader reads it: a year before the common era is an integer
/// (`date = -221`), any other date a string ("1967-08-08").
fn date_value(date: &FactDate) -> Value {
    if date.year < 0 {
        Value::Integer(i64::from(date.year))
    } else {
        string(&date_text(date))
    }
}

fn string(text: &str) -> Value {
    Value::String(text.to_string())
}

fn strings(items: &[Text]) -> Value {
    Value::Array(items.iter().map(|s| string(s)).collect())
}

fn key(out: &mut String, name: &str, value: Value) {
    let _ = writeln!(out, "{name} = {value}");
}

fn opt_key(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(value) = value {
        key(out, name, string(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Span;

    fn card(id: &str, kind: Kind, prompt: &str) -> Card {
        Card::new(id, kind, prompt)
    }

    fn deck_with(cards: Vec<Card>, facts: Vec<Fact>) -> Deck {
        Deck {
            id: "planets".into(),
            title: "Planets".into(),
            seed: 3,
            cards,
            facts,
            ..Deck::default()
        }
    }

    fn fact(id: &str, kind: FactKind) -> Fact {
        Fact {
            id: id.into(),
            kind,
            tags: vec![],
            explain: None,
            source: None,
            span: Span::default(),
            hints: Default::default(),
        }
    }

    #[test]
    fn metadata_comes_first_and_defaults_are_omitted() {
        let deck = deck_with(vec![], vec![]);
        assert_eq!(
            to_toml(&deck),
            "format = 1\nid = \"planets\"\ntitle = \"Planets\"\nseed = 3\n"
        );
    }

    #[test]
    fn source_and_settings_are_tables() {
        let mut deck = deck_with(vec![], vec![]);
        deck.source = Some(SourceRef {
            title: "A Guide".into(),
            date: Some("2020-05".into()),
            ..SourceRef::default()
        });
        deck.settings = DeckSettings {
            new_per_day: Some(10),
            learning_steps: Some(vec![60, 600, 3600, 86_400, 90]),
            relearning_steps: Some(vec![]),
            desired_retention: Some(0.9),
            ..DeckSettings::default()
        };
        let text = to_toml(&deck);
        assert!(text.ends_with(
            "\n[source]\ntitle = \"A Guide\"\ndate = \"2020-05\"\n\n[settings]\nnew_per_day = 10\n\
             learning_steps = [\"1m\", \"10m\", \"1h\", \"1d\", \"90s\"]\nrelearning_steps = []\n\
             desired_retention = 0.9\n"
        ), "{text}");
    }

    #[test]
    fn a_year_before_the_common_era_is_written_as_the_loader_reads_it() {
        let deck = deck_with(
            vec![],
            vec![fact(
                "death",
                FactKind::Event {
                    what: "the death of the first emperor".into(),
                    date: FactDate {
                        year: -210,
                        month: None,
                        day: None,
                    },
                    place: None,
                },
            )],
        );
        let text = to_toml(&deck);
        assert!(text.contains("\ndate = -210\n"), "{text}");
        let loaded = crate::deck::load::load(text.as_bytes());
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    }

    #[test]
    fn basic_cards_write_front_and_back() {
        let deck = deck_with(
            vec![card(
                "sun",
                Kind::Basic {
                    back: "A star".into(),
                },
                "The Sun?",
            )],
            vec![],
        );
        assert!(to_toml(&deck).ends_with(
            "\n[[card]]\nid = \"sun\"\nkind = \"basic\"\nfront = \"The Sun?\"\nback = \"A star\"\n"
        ));
    }

    #[test]
    fn strings_are_escaped_by_toml() {
        let deck = deck_with(
            vec![card(
                "q",
                Kind::Basic {
                    back: "tab\there \\ \"quoted\"".into(),
                },
                "line\nbreak",
            )],
            vec![],
        );
        let text = to_toml(&deck);
        let parsed: toml::Table = text.parse().unwrap();
        let card = &parsed["card"].as_array().unwrap()[0];
        assert_eq!(card["front"].as_str(), Some("line\nbreak"));
        assert_eq!(card["back"].as_str(), Some("tab\there \\ \"quoted\""));
    }

    #[test]
    fn generated_cards_are_not_written_but_facts_are() {
        let mut generated = card("mars-hq/where", Kind::Basic { back: "x".into() }, "p");
        generated.fact = Some("mars-hq".into());
        let deck = deck_with(
            vec![generated],
            vec![fact(
                "olympus",
                FactKind::Place {
                    subject: "Olympus Mons".into(),
                    relation: "location".into(),
                    place: Answer {
                        text: "Mars".into(),
                        accept: vec!["the red planet".into()],
                    },
                    since: None,
                    previously: vec![],
                },
            )],
        );
        let text = to_toml(&deck);
        assert!(!text.contains("[[card]]"));
        assert!(
            text.ends_with(
                "\n[[fact]]\nid = \"olympus\"\nkind = \"place\"\nsubject = \"Olympus Mons\"\n\
             place = \"Mars\"\naccept = [\"the red planet\"]\nrelation = \"location\"\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn deck_tags_are_not_repeated_on_cards() {
        let mut deck = deck_with(vec![], vec![]);
        deck.tags = vec!["space".into()];
        let mut c = card(
            "sun",
            Kind::TrueFalse { answer: true },
            "The Sun is a star.",
        );
        c.tags = vec!["stars".into(), "space".into()].into();
        deck.cards.push(c);
        assert!(to_toml(&deck).contains("answer = true\ntags = [\"stars\"]\n"));
    }

    #[test]
    fn single_correct_choice_is_a_string_several_are_a_list() {
        let one = Kind::Choice {
            correct: vec!["Mars".into()],
            wrong: vec!["Venus".into()],
        };
        let two = Kind::Choice {
            correct: vec!["Mars".into(), "Earth".into()],
            wrong: vec!["Io".into()],
        };
        let deck = deck_with(vec![card("a", one, "p"), card("b", two, "q")], vec![]);
        let text = to_toml(&deck);
        assert!(text.contains("correct = \"Mars\"\nwrong = [\"Venus\"]\n"));
        assert!(text.contains("correct = [\"Mars\", \"Earth\"]\nwrong = [\"Io\"]\n"));
    }

    #[test]
    fn whole_numbers_are_integers_and_zero_tolerance_is_omitted() {
        let n = Kind::Number {
            answer: 4300.0,
            tolerance: 0.0,
            unit: Some("km".into()),
        };
        let f = Kind::Number {
            answer: 1.5,
            tolerance: 0.25,
            unit: None,
        };
        let deck = deck_with(vec![card("n", n, "p"), card("f", f, "q")], vec![]);
        let text = to_toml(&deck);
        assert!(text.contains("answer = 4300\nunit = \"km\"\n"));
        assert!(text.contains("answer = 1.5\ntolerance = 0.25\n"));
    }

    #[test]
    fn list_items_with_alternatives_are_nested_lists() {
        let items = vec![
            Answer::plain("Mercury"),
            Answer {
                text: "Venus".into(),
                accept: vec!["Morning star".into()],
            },
        ];
        let deck = deck_with(
            vec![card(
                "l",
                Kind::List {
                    items,
                    ordered: true,
                },
                "Inner planets?",
            )],
            vec![],
        );
        assert!(
            to_toml(&deck)
                .contains("items = [\"Mercury\", [\"Venus\", \"Morning star\"]]\nordered = true\n")
        );
    }

    #[test]
    fn cloze_blanks_are_written_with_alternatives() {
        let parts = vec![
            ClozePart::Text("The largest planet is ".into()),
            ClozePart::Blank(Answer {
                text: "Jupiter".into(),
                accept: vec!["jupiter".into()],
            }),
            ClozePart::Text(".".into()),
        ];
        let deck = deck_with(vec![card("c", Kind::Cloze { parts }, "")], vec![]);
        let text = to_toml(&deck);
        assert!(
            text.contains(
                "kind = \"cloze\"\ntext = \"The largest planet is {{Jupiter|jupiter}}.\"\n"
            )
        );
        assert!(!text.contains("prompt"));
    }

    #[test]
    fn dates_keep_their_precision() {
        let y = FactDate {
            year: 1969,
            month: None,
            day: None,
        };
        let ym = FactDate {
            year: 1969,
            month: Some(7),
            day: None,
        };
        let ymd = FactDate {
            year: 1969,
            month: Some(7),
            day: Some(20),
        };
        assert_eq!(
            (date_text(&y), date_text(&ym), date_text(&ymd)),
            ("1969".into(), "1969-07".into(), "1969-07-20".into())
        );
    }

    #[test]
    fn match_pairs_are_lists_of_two() {
        let pairs = vec![("Mars".into(), "Phobos".into())];
        let deck = deck_with(vec![card("m", Kind::Match { pairs }, "Moons")], vec![]);
        assert!(to_toml(&deck).contains("pairs = [[\"Mars\", \"Phobos\"]]\n"));
    }
}

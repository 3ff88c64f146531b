//! Property tests (proptest) for the deck loader and the answer checker: arbitrary and mutated
//! input never panics, diagnostics always point inside the file, and right answers are always
//! accepted however they are spelt. Case counts are kept small so `cargo test` stays quick;
//! raise them with `PROPTEST_CASES=10000 cargo test --test proptests` for a longer hunt.
//!
//! The importers (TSV/CSV, GIFT, Anki packages, review logs) have their own properties in
//! tests/import_props.rs.

mod common;

use common::mutate::{Edit, apply};
use proptest::prelude::*;
use recall::answer::{self, AnswerPool, Verdict};
use recall::deck::load::load;
use recall::deck::{Answer, Kind, Text};

fn texts(words: &[String]) -> Vec<Text> {
    words.iter().map(Text::from).collect()
}
use recall::diagnostic::{Severity, render};

/// Cases per property unless `PROPTEST_CASES` says otherwise.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(128)
}

/// A valid deck to mutate: one card of several kinds and two facts.
const SEED_DECK: &str = r#"format = 1
id = "seed"
title = "Seed deck"
tags = ["geo"]

[[card]]
id = "chile"
kind = "typed"
prompt = "What is the capital of Chile?"
answer = "Santiago"
accept = ["Santiago de Chile"]

[[card]]
id = "peru"
kind = "choice"
prompt = "Which city is the capital of Peru?"
correct = "Lima"
wrong = ["Cusco", "Arequipa"]

[[card]]
id = "baltic"
kind = "list"
prompt = "Name the Baltic states."
items = ["Estonia", "Latvia", "Lithuania"]

[[card]]
id = "andes"
kind = "cloze"
text = "The {{Andes}} run along the west of {{South America|the continent}}."

[[fact]]
id = "founding"
kind = "event"
what = "the founding of Santiago"
date = "1541-02-12"

[[fact]]
id = "altiplano"
kind = "term"
term = "Altiplano"
definition = "the high plateau of the central Andes"
"#;

/// What every load must satisfy, whatever the input.
fn check_loaded(bytes: &[u8]) -> Result<(), TestCaseError> {
    let loaded = load(bytes);
    let text = String::from_utf8_lossy(bytes);
    let errors = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        prop_assert!(loaded.deck.is_none(), "a deck with errors was returned");
    }
    for d in &loaded.diagnostics {
        prop_assert!(d.span.start <= d.span.end, "span {:?} backwards", d.span);
        prop_assert!(d.span.end <= bytes.len(), "span {:?} past the end", d.span);
        let mut out = Vec::new();
        render("deck.toml", &text, d, false, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        prop_assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "control character in {:?}",
            out
        );
        prop_assert!(out.contains("--> deck.toml:"), "no location in {}", out);
    }
    Ok(())
}

fn edit() -> impl Strategy<Value = Edit> {
    // Bytes that matter to TOML, plus anything at all.
    let byte = prop_oneof![
        prop::sample::select(b"[]{}=\"'#,.\n\\ \t{}|0123456789-_abc".to_vec()),
        any::<u8>(),
    ];
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(at, b)| Edit::Put(at, b)),
        (any::<usize>(), prop::collection::vec(byte, 1..8)).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn loading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_loaded(&bytes)?;
    }

    #[test]
    fn loading_arbitrary_text_never_panics(text in "\\PC{0,300}") {
        check_loaded(text.as_bytes())?;
    }

    #[test]
    fn loading_a_mutated_deck_never_panics(edits in prop::collection::vec(edit(), 1..6)) {
        check_loaded(&apply(SEED_DECK.as_bytes(), &edits))?;
    }

    #[test]
    fn loading_is_deterministic(edits in prop::collection::vec(edit(), 0..4)) {
        let bytes = apply(SEED_DECK.as_bytes(), &edits);
        let (a, b) = (load(&bytes), load(&bytes));
        prop_assert_eq!(a.deck, b.deck);
        prop_assert_eq!(a.diagnostics, b.diagnostics);
    }

    /// Decks written from generated names and answers load with every card.
    #[test]
    fn generated_valid_decks_load_without_errors(
        answers in prop::collection::btree_set("[A-Z][a-z]{3,9}", 1..12),
    ) {
        let mut text = String::from("format = 1\nid = \"gen\"\ntitle = \"Generated\"\n");
        for (i, a) in answers.iter().enumerate() {
            text.push_str(&format!(
                "\n[[card]]\nid = \"c{i}\"\nkind = \"typed\"\nprompt = \"Q{i}: ?\"\nanswer = \"{a}\"\n"
            ));
        }
        let loaded = load(text.as_bytes());
        let deck = loaded.deck.expect("a valid deck");
        prop_assert_eq!(deck.cards.len(), answers.len());
    }
}

fn typed(answer: &str) -> Kind {
    Kind::Typed {
        answer: Answer::plain(answer),
    }
}

/// Every kind of card, built from the strategy's words, for the never-panics property.
fn kinds(words: &[String], n: f64, year: i32) -> Vec<Kind> {
    let w = |i: usize| words[i % words.len()].clone();
    vec![
        typed(&w(0)),
        Kind::Choice {
            correct: vec![w(0).into()],
            wrong: vec![w(1).into(), w(2).into()],
        },
        Kind::TrueFalse { answer: true },
        Kind::Number {
            answer: n,
            tolerance: 0.5,
            unit: Some("km".into()),
        },
        Kind::Year {
            answer: year,
            tolerance: 0,
        },
        Kind::List {
            items: words.iter().map(|s| Answer::plain(s.clone())).collect(),
            ordered: false,
        },
        Kind::Order {
            items: texts(words),
        },
        Kind::Cloze {
            parts: vec![
                recall::deck::ClozePart::Text("The ".into()),
                recall::deck::ClozePart::Blank(Answer::plain(w(0))),
            ],
        },
        Kind::Match {
            pairs: vec![(w(0).into(), w(1).into()), (w(2).into(), w(3).into())],
        },
        Kind::Basic { back: w(0).into() },
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn checking_any_answer_never_panics_and_scores_within_bounds(
        words in prop::collection::vec("\\PC{1,12}", 4..6),
        given in "\\PC{0,200}",
        n in -1e9f64..1e9,
        year in -3000i32..3000,
    ) {
        let pool = AnswerPool::default();
        for kind in kinds(&words, n, year) {
            let shown = texts(&words);
            let out = answer::check(&kind, &given, &shown, &pool);
            prop_assert!((0.0..=1.0).contains(&out.score), "{:?}", out);
            // Deterministic.
            prop_assert_eq!(&out, &answer::check(&kind, &given, &shown, &pool));
        }
    }

    #[test]
    fn a_typed_answer_is_accepted_in_any_case_and_spacing(
        word in "[A-Za-z]{2,12}( [A-Za-z]{2,12}){0,2}",
        upper in any::<bool>(),
        pad in "[ \t]{0,3}",
    ) {
        let kind = typed(&word);
        let given = if upper { word.to_uppercase() } else { word.to_lowercase() };
        let given = format!("{pad}{given}{pad}");
        let out = answer::check(&kind, &given, &[], &AnswerPool::default());
        prop_assert_eq!(out.verdict, Verdict::Correct, "{:?} for {:?}", out, given);
    }

    #[test]
    fn a_number_within_tolerance_is_right_and_far_outside_is_wrong(
        value in -1e6f64..1e6,
        off in 0.0f64..0.99,
    ) {
        let kind = Kind::Number { answer: value, tolerance: 1.0, unit: None };
        let pool = AnswerPool::default();
        let near = format!("{}", value + off);
        prop_assert_eq!(answer::check(&kind, &near, &[], &pool).verdict, Verdict::Correct);
        let far = format!("{}", value + 10.0 + off);
        prop_assert_eq!(answer::check(&kind, &far, &[], &pool).verdict, Verdict::Wrong);
    }

    #[test]
    fn a_list_in_any_order_is_right(
        items in prop::collection::btree_set("[a-z]{4,10}", 2..6),
        seed in any::<u64>(),
    ) {
        let items: Vec<String> = items.into_iter().collect();
        let kind = Kind::List {
            items: items.iter().map(|s| Answer::plain(s.clone())).collect(),
            ordered: false,
        };
        let mut given = items.clone();
        let k = (seed % given.len() as u64) as usize;
        given.rotate_left(k);
        let out = answer::check(&kind, &given.join(", "), &[], &AnswerPool::default());
        prop_assert_eq!(out.verdict, Verdict::Correct, "{:?}", out);
    }

    #[test]
    fn a_choice_is_right_by_number_or_text(
        options in prop::collection::btree_set("[A-Z][a-z]{3,8}", 3..6),
        pick in any::<prop::sample::Index>(),
    ) {
        let options: Vec<String> = options.into_iter().collect();
        let right = pick.get(&options).clone();
        let wrong: Vec<Text> = options.iter().filter(|o| **o != right).map(Text::from).collect();
        let kind = Kind::Choice { correct: vec![right.clone().into()], wrong };
        let pool = AnswerPool::default();
        let number = options.iter().position(|o| *o == right).unwrap() + 1;
        prop_assert_eq!(
            answer::check(&kind, &number.to_string(), &texts(&options), &pool).verdict,
            Verdict::Correct
        );
        prop_assert_eq!(answer::check(&kind, &right, &texts(&options), &pool).verdict, Verdict::Correct);
    }
}

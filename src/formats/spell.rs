//! Any card as a plain front and back, for formats that only know self-graded flashcards
//! (Anki Basic notes, TSV). The front lists options where the kind shows them; the back spells
//! out the full answer.

use crate::deck::{Card, ClozePart, Kind, Text};

/// The front and back of a card as plain text (lines separated by '\n').
pub fn front_back(card: &Card) -> (String, String) {
    let prompt = card.prompt.trim().to_string();
    match &card.kind {
        Kind::Basic { back } => (prompt, back.to_string()),
        Kind::Typed { answer } => {
            let mut back = answer.text.to_string();
            if !answer.accept.is_empty() {
                back.push_str(&format!("\n(also accepted: {})", answer.accept.join(", ")));
            }
            (prompt, back)
        }
        Kind::Choice { correct, wrong } => {
            let mut options: Vec<&Text> = correct.iter().chain(wrong).collect();
            // Alphabetical, so the position of an option says nothing about its correctness.
            options.sort_by_key(|o| o.to_lowercase());
            let mut front = prompt;
            if correct.len() > 1 {
                front.push_str(&format!(" (choose {})", correct.len()));
            }
            for option in options {
                front.push_str(&format!("\n- {option}"));
            }
            (front, correct.join("\n"))
        }
        Kind::TrueFalse { answer } => (
            format!("{prompt}\n(true or false?)"),
            if *answer { "True" } else { "False" }.into(),
        ),
        Kind::Number {
            answer,
            tolerance,
            unit,
        } => {
            let range = crate::deck::number_range(*answer, *tolerance);
            let mut back = match range {
                Some((low, high)) => format!("{}-{}", number_text(low), number_text(high)),
                None => number_text(*answer),
            };
            if let Some(unit) = unit {
                back.push(' ');
                back.push_str(unit);
            }
            if *tolerance != 0.0 && range.is_none() {
                back.push_str(&format!(" (± {})", number_text(*tolerance)));
            }
            (prompt, back)
        }
        Kind::Year { answer, tolerance } => {
            let mut back = answer.to_string();
            if *tolerance != 0 {
                back.push_str(&format!(" (± {tolerance})"));
            }
            (prompt, back)
        }
        Kind::Date { answer } => (prompt, answer.to_string()),
        Kind::List { items, ordered } => {
            let front = if *ordered {
                format!("{prompt} (in order)")
            } else {
                prompt
            };
            let lines: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let alts = if item.accept.is_empty() {
                        String::new()
                    } else {
                        format!(" (or {})", item.accept.join(", "))
                    };
                    if *ordered {
                        format!("{}. {}{alts}", i + 1, item.text)
                    } else {
                        format!("- {}{alts}", item.text)
                    }
                })
                .collect();
            (front, lines.join("\n"))
        }
        Kind::Order { items } => {
            let mut shown: Vec<&Text> = items.iter().collect();
            shown.sort_by_key(|o| o.to_lowercase());
            let mut front = prompt;
            for item in shown {
                front.push_str(&format!("\n- {item}"));
            }
            let back: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, item)| format!("{}. {item}", i + 1))
                .collect();
            (front, back.join("\n"))
        }
        Kind::Cloze { parts } => {
            let mut text = String::new();
            let mut answers = Vec::new();
            for part in parts {
                match part {
                    ClozePart::Text(t) => text.push_str(t),
                    ClozePart::Blank(a) => {
                        text.push_str("[...]");
                        answers.push(a.text.clone());
                    }
                    ClozePart::Hint(hint) => {
                        if text.ends_with("[...]") {
                            text.truncate(text.len() - 1);
                            text.push_str(&format!(" ({hint})]"));
                        }
                    }
                }
            }
            let front = if prompt.is_empty() {
                text
            } else {
                format!("{prompt}\n{text}")
            };
            (front, answers.join("\n"))
        }
        Kind::Match { pairs } => {
            let mut front = prompt;
            let mut rights: Vec<&Text> = pairs.iter().map(|(_, r)| r).collect();
            rights.sort_by_key(|r| r.to_lowercase());
            for (left, _) in pairs {
                front.push_str(&format!("\n- {left}"));
            }
            front.push_str(&format!(
                "\n(with: {})",
                rights
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            let back: Vec<String> = pairs.iter().map(|(l, r)| format!("{l} → {r}")).collect();
            (front, back.join("\n"))
        }
    }
}

/// A number as people write it: "4300", "8.3".
pub fn number_text(value: f64) -> String {
    format!("{value}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Answer;

    fn card(kind: Kind, prompt: &str) -> Card {
        Card::new("c", kind, prompt)
    }

    #[test]
    fn choice_lists_options_alphabetically() {
        let c = card(
            Kind::Choice {
                correct: vec!["Mars".into()],
                wrong: vec!["Venus".into(), "Earth".into()],
            },
            "Red planet?",
        );
        assert_eq!(
            front_back(&c),
            (
                "Red planet?\n- Earth\n- Mars\n- Venus".into(),
                "Mars".into()
            )
        );
    }

    #[test]
    fn number_shows_unit_and_tolerance() {
        let c = card(
            Kind::Number {
                answer: 8.3,
                tolerance: 0.5,
                unit: Some("min".into()),
            },
            "Light?",
        );
        assert_eq!(front_back(&c).1, "8.3 min (± 0.5)");
    }

    #[test]
    fn ordered_list_is_numbered() {
        let c = card(
            Kind::List {
                items: vec![
                    Answer::plain("Mercury"),
                    Answer {
                        text: "Venus".into(),
                        accept: vec!["V".into()],
                    },
                ],
                ordered: true,
            },
            "Inner?",
        );
        assert_eq!(
            front_back(&c),
            (
                "Inner? (in order)".into(),
                "1. Mercury\n2. Venus (or V)".into()
            )
        );
    }

    #[test]
    fn cloze_blanks_are_marked() {
        let c = card(
            Kind::Cloze {
                parts: vec![
                    ClozePart::Text("Titan orbits ".into()),
                    ClozePart::Blank(Answer::plain("Saturn")),
                    ClozePart::Text(".".into()),
                ],
            },
            "",
        );
        assert_eq!(
            front_back(&c),
            ("Titan orbits [...].".into(), "Saturn".into())
        );
    }

    #[test]
    fn match_shows_lefts_and_sorted_rights() {
        let c = card(
            Kind::Match {
                pairs: vec![
                    ("Phobos".into(), "Mars".into()),
                    ("Io".into(), "Jupiter".into()),
                ],
            },
            "Match",
        );
        assert_eq!(
            front_back(&c),
            (
                "Match\n- Phobos\n- Io\n(with: Jupiter, Mars)".into(),
                "Phobos → Mars\nIo → Jupiter".into()
            )
        );
    }
}

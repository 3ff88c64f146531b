//! Text for a card as the learner meets it, and for the feedback after an answer. Deck text is
//! untrusted: everything taken from a deck passes through `inert` before it reaches a terminal.

use crate::answer::{Outcome, Verdict};
use crate::deck::{Card, ClozePart, Kind, Text};
use crate::diagnostic::inert;
use crate::ui::console::Style;

/// Letters for the right-hand column of a match card.
pub fn letter(i: usize) -> char {
    (b'a' + (i % 26) as u8) as char
}

/// The question, its options and a hint saying how to answer.
pub fn question(card: &Card, shown: &[Text]) -> String {
    let mut out = String::new();
    let prompt = inert(&card.prompt);
    match &card.kind {
        Kind::Basic { .. } => {
            out.push_str(&prompt);
            out.push_str("\n(think of the answer, then press Enter to see it)");
        }
        Kind::Typed { .. } => {
            out.push_str(&prompt);
        }
        Kind::Choice { correct, .. } => {
            out.push_str(&prompt);
            for (i, o) in shown.iter().enumerate() {
                out.push_str(&format!("\n  {}) {}", i + 1, inert(o)));
            }
            if correct.len() > 1 {
                out.push_str(&format!(
                    "\n(choose {} options: numbers such as 1,3 or their text)",
                    correct.len()
                ));
            } else {
                out.push_str("\n(type the option's number or its text)");
            }
        }
        Kind::TrueFalse { .. } => {
            out.push_str(&prompt);
            out.push_str("\n(true or false)");
        }
        Kind::Number { unit, .. } => {
            out.push_str(&prompt);
            if let Some(u) = unit {
                let hint = crate::wording::count::answer_hint(Some(u));
                out.push_str(&format!("\n{}", inert(&hint)));
            }
        }
        Kind::Year { .. } => {
            out.push_str(&prompt);
            out.push_str("\n(a year)");
        }
        Kind::List { items, ordered } => {
            out.push_str(&prompt);
            out.push_str(&format!(
                "\n({} items, separated by commas{})",
                items.len(),
                if *ordered {
                    ", in order"
                } else {
                    ", in any order"
                }
            ));
        }
        Kind::Order { .. } => {
            out.push_str(&prompt);
            for (i, o) in shown.iter().enumerate() {
                out.push_str(&format!("\n  {}) {}", i + 1, inert(o)));
            }
            out.push_str("\n(type the numbers in the right order, e.g. 3 1 2)");
        }
        Kind::Cloze { parts } => {
            if !card.prompt.is_empty() {
                out.push_str(&prompt);
                out.push('\n');
            }
            let mut n = 0;
            for p in parts {
                match p {
                    ClozePart::Text(t) => out.push_str(&inert(t)),
                    ClozePart::Blank(_) => {
                        n += 1;
                        out.push_str(&format!("[{n}: ____]"));
                    }
                }
            }
            if n > 1 {
                out.push_str(&format!("\n(fill the {n} blanks, separated by semicolons)"));
            } else {
                out.push_str("\n(fill the blank)");
            }
        }
        Kind::Match { pairs } => {
            out.push_str(&prompt);
            for (i, (l, _)) in pairs.iter().enumerate() {
                out.push_str(&format!("\n  {}) {}", i + 1, inert(l)));
            }
            for (i, r) in shown.iter().enumerate() {
                out.push_str(&format!("\n  {}) {}", letter(i), inert(r)));
            }
            out.push_str("\n(pair them, e.g. 1b 2a 3c)");
        }
    }
    out
}

/// The right answer of a basic card, revealed.
pub fn back(card: &Card) -> String {
    match &card.kind {
        Kind::Basic { back } => inert(back).into_owned(),
        _ => String::new(),
    }
}

/// Feedback after an answer: right or wrong, what was close or missing, the right answer, the
/// explanation and the source.
pub fn feedback(card: &Card, outcome: &Outcome, style: Style) -> String {
    let mut lines = Vec::new();
    let head = match outcome.verdict {
        Verdict::Correct => style.good("Right."),
        Verdict::Typo => style.good("Right, with a typo."),
        Verdict::Partial => style.warn(&format!("Partly right ({:.0}%).", outcome.score * 100.0)),
        Verdict::Wrong => style.bad("Wrong."),
        Verdict::Unchecked => String::new(),
        Verdict::Invalid => style.warn("Not an answer to this question."),
    };
    if !head.is_empty() {
        lines.push(head);
    }
    if let Some((given, canonical)) = &outcome.typo {
        lines.push(format!(
            "  You wrote {}; it is spelt {}.",
            inert(given),
            inert(canonical)
        ));
    }
    if !outcome.missing.is_empty() {
        let m: Vec<String> = outcome
            .missing
            .iter()
            .map(|s| inert(s).into_owned())
            .collect();
        lines.push(format!("  Missing: {}", m.join(", ")));
    }
    if !outcome.extra.is_empty() {
        let m: Vec<String> = outcome
            .extra
            .iter()
            .map(|s| inert(s).into_owned())
            .collect();
        lines.push(format!("  Not part of the answer: {}", m.join(", ")));
    }
    if let Some(note) = &outcome.note {
        lines.push(format!("  {}", inert(note)));
    }
    if !matches!(outcome.verdict, Verdict::Correct | Verdict::Unchecked) {
        lines.push(format!(
            "{} {}",
            style.bold("Answer:"),
            inert(&outcome.expected)
        ));
    }
    lines.extend(notes(card, style));
    lines.join("\n")
}

/// The explanation and source note of a card.
pub fn notes(card: &Card, style: Style) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(e) = &card.explain {
        lines.push(inert(e).into_owned());
    }
    if let Some(s) = &card.source {
        lines.push(style.dim(&format!("Source: {}", inert(s))));
    }
    lines
}

/// A text progress bar of `width` cells.
pub fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width)
        .checked_div(total)
        .unwrap_or(width)
        .min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_fills_in_proportion() {
        assert_eq!(bar(0, 4, 4), "░░░░");
        assert_eq!(bar(2, 4, 4), "██░░");
        assert_eq!(bar(5, 4, 4), "████");
        assert_eq!(bar(0, 0, 2), "██");
    }

    #[test]
    fn letters_name_the_right_column() {
        assert_eq!(letter(0), 'a');
        assert_eq!(letter(2), 'c');
    }
}

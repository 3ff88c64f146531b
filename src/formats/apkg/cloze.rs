//! Anki cloze text (`{{c1::Frankfurt::city}} lies on the {{c2::Main}}`) as recall cloze cards:
//! one card per cloze number, the blanks of that number hidden (with their hints), the others
//! shown as their answers. Used for cloze notes in packages and cloze text in spreadsheets.

use std::sync::LazyLock;

use regex::Regex;

use crate::deck::{Answer, Card, ClozePart, Kind, Text};
use crate::formats::ids::IdSet;

static CLOZE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)\{\{c(\d+)::(.*?)\}\}").unwrap());

/// Most text the cards of one cloze note may hold together, in bytes. Each card repeats the
/// note's text, so a note with thousands of deletions would need its text thousands of times
/// over (100,000 deletions in a 1 MB note: 100 GB).
pub const MAX_CLOZE_TEXT: usize = 8 * 1024 * 1024;

/// Whether text holds an Anki cloze deletion (`{{c1::...}}`).
pub fn has_anki_cloze(text: &str) -> bool {
    CLOZE.is_match(text)
}

/// Cloze cards from Anki cloze text (already plain text), one per cloze number, with ids
/// `BASE-cN`. Nested deletions cannot be represented and give no cards.
pub fn cloze_cards(text: &str, base: &str, ids: &mut IdSet) -> Vec<Card> {
    try_cloze_cards(text, base, None, ids).unwrap_or_default()
}

/// Like [`cloze_cards`], only for the cloze numbers in `only` (when given: the cards a note
/// really has), and saying why a note gives no card.
pub fn try_cloze_cards(
    text: &str,
    base: &str,
    only: Option<&[u32]>,
    ids: &mut IdSet,
) -> Result<Vec<Card>, String> {
    struct Deletion<'t> {
        start: usize,
        end: usize,
        number: u32,
        answer: &'t str,
        hint: Option<&'t str>,
    }
    let mut deletions = Vec::new();
    for c in CLOZE.captures_iter(text) {
        let whole = c.get(0).expect("group 0 always matches");
        let body = c.get(2).expect("group 2 always matches").as_str();
        if body.contains("{{") {
            return Err("nested cloze deletions are not supported".into());
        }
        // `{{c1::answer::hint}}`: the hint is a clue shown in the blank.
        let (answer, hint) = match body.split_once("::") {
            Some((answer, hint)) => (answer.trim(), Some(hint.trim()).filter(|h| !h.is_empty())),
            None => (body.trim(), None),
        };
        let number = c[1]
            .parse()
            .map_err(|_| format!("cloze number c{} is too large", &c[1]))?;
        deletions.push(Deletion {
            start: whole.start(),
            end: whole.end(),
            number,
            answer,
            hint,
        });
    }
    let mut numbers: Vec<u32> = deletions.iter().map(|d| d.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    if let Some(only) = only {
        numbers.retain(|n| only.contains(&n.saturating_sub(1)));
    }
    if numbers.len().saturating_mul(text.len()) > MAX_CLOZE_TEXT {
        return Err(format!(
            "the note has {} cloze numbers over {} KB of text: its cards would hold more than \
             {} MB; split it into smaller notes",
            numbers.len(),
            text.len() / 1024,
            MAX_CLOZE_TEXT / (1024 * 1024)
        ));
    }

    // A first line without deletions, followed by more text, is an instruction (as recall
    // writes a cloze prompt).
    let (prompt, offset) = match text.split_once('\n') {
        Some((first, _))
            if !first.contains("{{c")
                && deletions.first().is_some_and(|d| d.start > first.len()) =>
        {
            (first.trim(), first.len() + 1)
        }
        _ => ("", 0),
    };

    let mut cards = Vec::with_capacity(numbers.len());
    for n in numbers {
        let mut parts = Vec::new();
        let mut pos = offset;
        for d in &deletions {
            let before = &text[pos..d.start];
            if d.number == n {
                if !before.is_empty() {
                    parts.push(ClozePart::Text(Text::from(before)));
                }
                parts.push(ClozePart::Blank(Answer::plain(d.answer)));
                parts.extend(d.hint.map(|h| ClozePart::Hint(Text::from(h))));
            } else {
                parts.push(ClozePart::Text(format!("{before}{}", d.answer).into()));
            }
            pos = d.end;
        }
        if pos < text.len() {
            parts.push(ClozePart::Text(Text::from(&text[pos..])));
        }
        let id = ids.unique(format!("{base}-c{n}"));
        cards.push(Card::new(
            id,
            Kind::Cloze {
                parts: merge_text(parts),
            },
            prompt,
        ));
    }
    Ok(cards)
}

/// Adjacent text parts joined, so "a " + "b" + " c" reads as one piece.
fn merge_text(parts: Vec<ClozePart>) -> Vec<ClozePart> {
    let mut out: Vec<ClozePart> = Vec::new();
    for part in parts {
        match (out.last_mut(), part) {
            (Some(ClozePart::Text(prev)), ClozePart::Text(t)) => prev.push_str(&t),
            (_, part) => out.push(part),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloze_notes_import_one_card_per_number() {
        let mut ids = IdSet::new();
        let cards = cloze_cards(
            "{{c1::Io}} and {{c2::Europa::a moon}} orbit Jupiter.",
            "x",
            &mut ids,
        );
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].id.as_str(), "x-c1");
        assert_eq!(
            cards[0].kind,
            Kind::Cloze {
                parts: vec![
                    ClozePart::Blank(Answer::plain("Io")),
                    ClozePart::Text(" and Europa orbit Jupiter.".into())
                ]
            }
        );
        assert_eq!(
            cards[1].kind,
            Kind::Cloze {
                parts: vec![
                    ClozePart::Text("Io and ".into()),
                    ClozePart::Blank(Answer::plain("Europa")),
                    ClozePart::Hint("a moon".into()),
                    ClozePart::Text(" orbit Jupiter.".into())
                ]
            }
        );
    }

    #[test]
    fn cloze_instruction_line_becomes_the_prompt() {
        let mut ids = IdSet::new();
        let cards = cloze_cards("Complete:\nTitan orbits {{c1::Saturn}}", "x", &mut ids);
        assert_eq!(cards[0].prompt, "Complete:");
        assert_eq!(
            cards[0].kind,
            Kind::Cloze {
                parts: vec![
                    ClozePart::Text("Titan orbits ".into()),
                    ClozePart::Blank(Answer::plain("Saturn"))
                ]
            }
        );
    }

    #[test]
    fn only_the_cards_a_note_has_are_made() {
        let mut ids = IdSet::new();
        let cards =
            try_cloze_cards("{{c1::a}} {{c2::b}} {{c3::c}}", "x", Some(&[1]), &mut ids).unwrap();
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].id.as_str(), "x-c2");
    }

    #[test]
    fn a_note_with_huge_numbers_of_deletions_is_refused_before_any_card_is_made() {
        let text: String = (1..=100_000).map(|n| format!("{{{{c{n}::w}}}} ")).collect();
        let mut ids = IdSet::new();
        let err = try_cloze_cards(&text, "x", None, &mut ids).unwrap_err();
        assert!(
            err.starts_with("the note has 100000 cloze numbers"),
            "{err}"
        );
        assert!(err.ends_with("split it into smaller notes"), "{err}");
    }

    #[test]
    fn nested_deletions_are_refused() {
        let mut ids = IdSet::new();
        assert_eq!(
            try_cloze_cards("{{c1::a {{c2::b}}}}", "x", None, &mut ids).unwrap_err(),
            "nested cloze deletions are not supported"
        );
    }
}

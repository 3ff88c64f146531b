//! Typed answers and cloze blanks: free text compared with accepted spellings, a person's
//! name in either order where the card says it is a name, accents where the card says they
//! count.

use super::items::split_items;
use super::matching::{Candidate, Found, find_with};
use super::normalize::key;
use super::pool::AnswerPool;
use super::{Outcome, Verdict};
use crate::deck::{Answer, Checking, ClozePart};

/// A name written the other way round: the family name moved from the front to the back or
/// from the back to the front ("Xi Jinping" and "Jinping Xi", "John Maynard Keynes" and
/// "Keynes John Maynard"). "Lovelace, Ada" needs nothing more: its key is "Lovelace Ada"'s.
fn other_orders(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let (first, rest) = words.split_first().expect("two words or more");
    let (last, init) = words.split_last().expect("two words or more");
    let mut out = vec![format!("{} {first}", rest.join(" "))];
    let back = format!("{last} {}", init.join(" "));
    if !out.contains(&back) {
        out.push(back);
    }
    out
}

/// The spellings a card accepts, with the other orders of a name after them.
fn candidates(answer: &Answer, checking: Checking) -> (Vec<Candidate>, usize) {
    let mut candidates = Candidate::from_answers([answer]);
    let written = candidates.len();
    if checking.name {
        let turned: Vec<Candidate> = answer
            .all()
            .flat_map(other_orders)
            .map(|t| Candidate::new(&t, 0))
            .filter(|c| !candidates.iter().any(|o| o.key == c.key))
            .collect();
        candidates.extend(turned);
    }
    (candidates, written)
}

pub(crate) fn check_typed(
    answer: &Answer,
    checking: Checking,
    given: &str,
    pool: &AnswerPool,
    expected: String,
) -> Outcome {
    let (candidates, written) = candidates(answer, checking);
    let turned = |text: &str| {
        let k = key(text);
        candidates[written..].iter().any(|c| c.key == k)
            && !candidates[..written].iter().any(|c| c.key == k)
    };
    let mut outcome = match find_with(given, &candidates, Some(pool), checking.accents) {
        Found::Exact { .. } => Outcome::new(Verdict::Correct, 1.0, expected),
        Found::Typo { text, .. } => {
            let written_as = if turned(&text) {
                answer.text.to_string()
            } else {
                text.clone()
            };
            let mut outcome = Outcome::new(Verdict::Correct, 1.0, expected)
                .with_typo(Some((given.to_string(), written_as)));
            if turned(&text) {
                outcome.note = Some(NAME_TURNED.to_string());
            }
            return outcome;
        }
        Found::Accents { text, .. } => {
            return Outcome::wrong(expected, format!("Accents count here: {text}"));
        }
        Found::Rival(other) => {
            return Outcome::wrong(
                expected,
                format!("Too close to another answer in this deck: {other}"),
            );
        }
        Found::Ambiguous | Found::Nothing => return Outcome::new(Verdict::Wrong, 0.0, expected),
    };
    if turned(given) {
        outcome.note = Some(NAME_TURNED.to_string());
    }
    outcome
}

const NAME_TURNED: &str = "Accepted: the name in the other order";

fn blanks(parts: &[ClozePart]) -> Vec<&Answer> {
    parts
        .iter()
        .filter_map(|p| match p {
            ClozePart::Blank(answer) => Some(answer),
            ClozePart::Text(_) | ClozePart::Hint(_) => None,
        })
        .collect()
}

pub(crate) fn expected_cloze(parts: &[ClozePart]) -> String {
    blanks(parts)
        .iter()
        .map(|a| a.text.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// One blank is the whole input; several are read in order, separated by ";" or new lines,
/// or failing that by any list separator.
pub(crate) fn check_cloze(
    parts: &[ClozePart],
    checking: Checking,
    given: &str,
    pool: &AnswerPool,
    expected: String,
) -> Outcome {
    let blanks = blanks(parts);
    match blanks.len() {
        0 => return Outcome::new(Verdict::Unchecked, 0.0, expected),
        1 => return check_typed(blanks[0], checking, given, pool, expected),
        _ => {}
    }
    let pieces = split_cloze(given, &blanks);
    let mut right = 0;
    let mut missing = Vec::new();
    let mut typo = None;
    let mut accents = None;
    for (i, blank) in blanks.iter().enumerate() {
        let piece = pieces.get(i).map(String::as_str).unwrap_or("");
        let candidates = Candidate::from_answers([*blank]);
        match find_with(piece, &candidates, Some(pool), checking.accents) {
            Found::Exact { .. } => right += 1,
            Found::Typo { text, .. } => {
                right += 1;
                typo.get_or_insert((piece.to_string(), text));
            }
            Found::Accents { text, .. } => {
                accents.get_or_insert(text);
                missing.push(blank.text.to_string());
            }
            _ => missing.push(blank.text.to_string()),
        }
    }
    let extra: Vec<String> = pieces.iter().skip(blanks.len()).cloned().collect();
    let mut outcome = Outcome::counted(right, blanks.len(), extra.len(), expected).with_typo(typo);
    outcome.missing = missing;
    outcome.extra = extra;
    outcome.note = accents.map(|text| format!("Accents count here: {text}"));
    outcome
}

fn split_cloze(given: &str, blanks: &[&Answer]) -> Vec<String> {
    let mut strong: Vec<String> = given
        .split([';', '\n'])
        .map(|p| p.trim().to_string())
        .collect();
    while strong.last().is_some_and(|p| p.is_empty()) {
        strong.pop();
    }
    if strong.len() == blanks.len() {
        return strong;
    }
    let candidates = Candidate::from_answers(blanks.iter().copied());
    let loose = split_items(given, |k| candidates.iter().any(|c| c.key == k));
    if loose.len() == blanks.len() || strong.len() < 2 {
        loose
    } else {
        strong
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_turn_either_way() {
        assert_eq!(other_orders("Xi Jinping"), ["Jinping Xi"]);
        assert_eq!(
            other_orders("John Maynard Keynes"),
            ["Maynard Keynes John", "Keynes John Maynard"]
        );
        assert!(other_orders("Plato").is_empty());
    }
}

//! Typed answers and cloze blanks: free text compared with accepted spellings.

use super::list::split_items;
use super::matching::{Candidate, Found, find};
use super::pool::AnswerPool;
use super::{Outcome, Verdict};
use crate::deck::{Answer, ClozePart};

pub(crate) fn check_typed(
    answer: &Answer,
    given: &str,
    pool: &AnswerPool,
    expected: String,
) -> Outcome {
    let candidates = Candidate::from_answers([answer]);
    match find(given, &candidates, Some(pool)) {
        Found::Exact { .. } => Outcome::new(Verdict::Correct, 1.0, expected),
        Found::Typo { text, .. } => {
            Outcome::new(Verdict::Correct, 1.0, expected).with_typo(Some((given.to_string(), text)))
        }
        Found::Rival(other) => Outcome::wrong(
            expected,
            format!("Too close to another answer in this deck: {other}"),
        ),
        Found::Ambiguous | Found::Nothing => Outcome::new(Verdict::Wrong, 0.0, expected),
    }
}

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
    given: &str,
    pool: &AnswerPool,
    expected: String,
) -> Outcome {
    let blanks = blanks(parts);
    match blanks.len() {
        0 => return Outcome::new(Verdict::Unchecked, 0.0, expected),
        1 => return check_typed(blanks[0], given, pool, expected),
        _ => {}
    }
    let pieces = split_cloze(given, &blanks);
    let mut right = 0;
    let mut missing = Vec::new();
    let mut typo = None;
    for (i, blank) in blanks.iter().enumerate() {
        let piece = pieces.get(i).map(String::as_str).unwrap_or("");
        match find(piece, &Candidate::from_answers([*blank]), Some(pool)) {
            Found::Exact { .. } => right += 1,
            Found::Typo { text, .. } => {
                right += 1;
                typo.get_or_insert((piece.to_string(), text));
            }
            _ => missing.push(blank.text.to_string()),
        }
    }
    let extra: Vec<String> = pieces.iter().skip(blanks.len()).cloned().collect();
    let mut outcome = Outcome::counted(right, blanks.len(), extra.len(), expected).with_typo(typo);
    outcome.missing = missing;
    outcome.extra = extra;
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

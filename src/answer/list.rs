//! List answers: several items in any order (or in order), with partial credit.

use std::collections::HashSet;

use super::items::split_items_by;
use super::matching::{Candidate, Found, find_with};
use super::normalize::key;
use super::pool::AnswerPool;
use super::sequence::longest_increasing;
use super::{Outcome, Verdict};
use crate::deck::{Answer, Checking};

pub(crate) fn expected_list(items: &[Answer], ordered: bool) -> String {
    let names: Vec<&str> = items.iter().map(|a| a.text.as_str()).collect();
    names.join(if ordered { " → " } else { ", " })
}

/// Each piece is matched to an item (exactly, or as a typo); a repeated item counts once and
/// is not held against the learner. Items that contain "and" are matched whole, typos
/// forgiven, before the input is split on "and". Unordered: score = items found / (items +
/// wrong extras). Ordered: only the longest run of items in the right relative order counts;
/// the others are named in the note as out of order.
pub(crate) fn check_list(
    items: &[Answer],
    ordered: bool,
    checking: Checking,
    given: &str,
    pool: &AnswerPool,
    expected: String,
) -> Outcome {
    if items.is_empty() {
        return Outcome::new(Verdict::Unchecked, 0.0, expected);
    }
    let candidates = Candidate::from_answers(items);
    let find = |piece: &str| find_with(piece, &candidates, Some(pool), checking.accents);
    let pieces = split_items_by(given, |text| {
        matches!(find(text), Found::Exact { .. } | Found::Typo { .. })
    });
    let mut accents = None;
    let mut taken = vec![false; items.len()];
    let mut extra_keys = HashSet::new();
    let mut sequence = Vec::new();
    let mut extra: Vec<String> = Vec::new();
    let mut typo = None;
    for piece in pieces {
        let group = match find(&piece) {
            Found::Exact { group } => group,
            Found::Accents { text, .. } => {
                accents.get_or_insert(text);
                if extra_keys.insert(key(&piece)) {
                    extra.push(piece);
                }
                continue;
            }
            Found::Typo { group, text } => {
                if !taken[group] {
                    typo.get_or_insert((piece.clone(), text));
                }
                group
            }
            Found::Rival(_) | Found::Ambiguous | Found::Nothing => {
                if extra_keys.insert(key(&piece)) {
                    extra.push(piece);
                }
                continue;
            }
        };
        if !taken[group] {
            taken[group] = true;
            sequence.push(group);
        }
    }
    let counted = if ordered {
        longest_increasing(&sequence)
    } else {
        sequence.clone()
    };
    let mut outcome =
        Outcome::counted(counted.len(), items.len(), extra.len(), expected).with_typo(typo);
    outcome.missing = items
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(a, _)| a.text.to_string())
        .collect();
    let misplaced: Vec<&str> = sequence
        .iter()
        .filter(|g| !counted.contains(g))
        .map(|&g| items[g].text.as_str())
        .collect();
    if !misplaced.is_empty() {
        outcome.note = Some(format!("Out of order: {}", misplaced.join(", ")));
    }
    if let Some(text) = accents {
        let note = format!("Accents count here: {text}");
        outcome.note = Some(match outcome.note.take() {
            Some(n) => format!("{n}; {note}"),
            None => note,
        });
    }
    outcome.extra = extra;
    outcome
}

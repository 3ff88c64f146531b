//! List answers: several items in any order (or in order), with partial credit, and the
//! splitting of one line of input into items that choice and cloze answers share.

use std::collections::HashSet;

use super::matching::{Candidate, Found, find_with};
use super::normalize::key;
use super::pool::AnswerPool;
use super::sequence::longest_increasing;
use super::{Outcome, Verdict};
use crate::deck::{Answer, Checking};

const SEPARATORS: [char; 6] = [',', ';', '\n', '\r', '&', '/'];

/// How many neighbouring pieces may be glued back together to form one known answer.
const MAX_MERGE: usize = 4;

/// Splits input on commas, semicolons, new lines, "&", "/" and the word "and", then glues
/// neighbouring pieces back together when together they form an answer `known` recognises
/// (by key), so an item like "Trade and Investment" survives the split.
pub(crate) fn split_items(s: &str, known: impl Fn(&str) -> bool) -> Vec<String> {
    split_items_by(s, |text| known(&key(text)))
}

/// [`split_items`], with `fits` judging the glued text as written, so that it may forgive a
/// typo inside an item ("cultural and humanitarien ties").
pub(crate) fn split_items_by(s: &str, fits: impl Fn(&str) -> bool) -> Vec<String> {
    let pieces = cut(s);
    let mut items = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let last = (i + MAX_MERGE).min(pieces.len()) - 1;
        let end = (i + 1..=last)
            .rev()
            .find(|&j| fits(&s[pieces[i].0..pieces[j].1]))
            .unwrap_or(i);
        items.push(s[pieces[i].0..pieces[end].1].to_string());
        i = end + 1;
    }
    items
}

/// Byte ranges of the trimmed, non-empty pieces between separators.
fn cut(s: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let (mut start, mut i) = (0, 0);
    while let Some(c) = s[i..].chars().next() {
        let next = i + c.len_utf8();
        let separator_end = if SEPARATORS.contains(&c) {
            Some(next)
        } else if c.is_whitespace() {
            and_after(s, next)
        } else {
            None
        };
        match separator_end {
            Some(end) => {
                ranges.push((start, i));
                start = end;
                i = end;
            }
            None => i = next,
        }
    }
    ranges.push((start, s.len()));
    ranges
        .into_iter()
        .filter_map(|(a, b)| {
            let piece = &s[a..b];
            let trimmed = piece.trim_matches(|c: char| c.is_whitespace() || c.is_control());
            let lead = piece.len()
                - piece
                    .trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
                    .len();
            (!trimmed.is_empty()).then_some((a + lead, a + lead + trimmed.len()))
        })
        .collect()
}

/// The end of a word "and" starting at `at` and followed by a space, if there is one.
fn and_after(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    if !rest.get(..3)?.eq_ignore_ascii_case("and") {
        return None;
    }
    let after = rest[3..].chars().next()?;
    after.is_whitespace().then_some(at + 3 + after.len_utf8())
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_every_separator() {
        let items = split_items("a, b;c\nd & e / f and g", |_| false);
        assert_eq!(items, ["a", "b", "c", "d", "e", "f", "g"]);
    }

    #[test]
    fn and_inside_a_word_does_not_split() {
        assert_eq!(
            split_items("Andorra, Rwanda andes", |_| false),
            ["Andorra", "Rwanda andes"]
        );
    }

    #[test]
    fn glues_pieces_that_form_a_known_answer() {
        let known = |k: &str| k == "tradeandinvestment";
        assert_eq!(
            split_items("Trade and Investment and Energy", known),
            ["Trade and Investment", "Energy"]
        );
    }

    #[test]
    fn drops_empty_pieces() {
        assert_eq!(split_items(" ,a,, ;\u{0}; b ,", |_| false), ["a", "b"]);
    }
}

//! Finding which expected answer a piece of the learner's text means: exactly, as a typo, or
//! not at all. Every text checker (typed, list, cloze, choice, order) goes through here so
//! the typo rules are the same everywhere.

use super::normalize::{allowed_edits, digits, distance_within, key, marks, single_letters};
use super::pool::AnswerPool;
use crate::deck::Answer;

/// One accepted spelling; `group` says which answer it belongs to (an item, an option).
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub key: String,
    pub text: String,
    pub group: usize,
    /// One-letter words, which a typo must leave alone.
    letters: String,
    /// Accented letters, which must agree where accents count.
    marks: String,
}

impl Candidate {
    pub fn new(text: &str, group: usize) -> Candidate {
        Candidate {
            key: key(text),
            text: text.to_string(),
            group,
            letters: single_letters(text),
            marks: marks(text),
        }
    }

    /// Every spelling of each answer, grouped by the answer's index.
    pub fn from_answers<'a>(answers: impl IntoIterator<Item = &'a Answer>) -> Vec<Candidate> {
        answers
            .into_iter()
            .enumerate()
            .flat_map(|(group, answer)| answer.all().map(move |text| Candidate::new(text, group)))
            .collect()
    }
}

/// What a piece of text turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Found {
    Exact {
        group: usize,
    },
    /// Within typo tolerance of `text`, the spelling it was closest to.
    Typo {
        group: usize,
        text: String,
    },
    /// Close to this answer, but at least as close to a different answer of the deck.
    Rival(String),
    /// The right answer but for its accents, where accents count: `text` is the spelling
    /// meant.
    Accents {
        group: usize,
        text: String,
    },
    /// Equally close to two of the candidates.
    Ambiguous,
    Nothing,
}

/// Matches `given` (raw text) against `candidates`. Typo tolerance follows the candidate's
/// length, never changes a digit or a one-letter word, and gives way whenever another candidate of a different
/// group, or another answer in `pool`, is at least as close.
pub(crate) fn find(given: &str, candidates: &[Candidate], pool: Option<&AnswerPool>) -> Found {
    let given_letters = single_letters(given);
    let given = key(given);
    if given.is_empty() {
        return Found::Nothing;
    }
    if let Some(c) = candidates.iter().find(|c| c.key == given) {
        return Found::Exact { group: c.group };
    }
    let len = given.chars().count();
    let given_digits = digits(&given);
    let mut best: Option<(usize, &Candidate)> = None;
    for c in candidates {
        let allowed = allowed_edits(c.key.chars().count());
        if allowed == 0
            || c.key.chars().count().abs_diff(len) > allowed
            || digits(&c.key) != given_digits
            || c.letters != given_letters
        {
            continue;
        }
        let Some(d) = distance_within(&given, &c.key, allowed) else {
            continue;
        };
        if best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    let Some((d, best)) = best else {
        return Found::Nothing;
    };
    let contested = candidates.iter().any(|c| {
        c.group != best.group
            && c.key.chars().count().abs_diff(len) <= d
            && distance_within(&given, &c.key, d).is_some()
    });
    if contested {
        return Found::Ambiguous;
    }
    if let Some(rival) =
        pool.and_then(|p| p.rival(&given, d, |k| candidates.iter().any(|c| c.key == k)))
    {
        return Found::Rival(rival.to_string());
    }
    Found::Typo {
        group: best.group,
        text: best.text.clone(),
    }
}

/// [`find`], where accents may count: then only a spelling with the same accented letters
/// matches, and one that matches but for its accents is [`Found::Accents`].
pub(crate) fn find_with(
    given: &str,
    candidates: &[Candidate],
    pool: Option<&AnswerPool>,
    accents: bool,
) -> Found {
    if !accents {
        return find(given, candidates, pool);
    }
    let given_marks = marks(given);
    let same: Vec<Candidate> = candidates
        .iter()
        .filter(|c| c.marks == given_marks)
        .cloned()
        .collect();
    match find(given, &same, pool) {
        found @ (Found::Exact { .. } | Found::Typo { .. }) => found,
        other => match find(given, candidates, pool) {
            Found::Exact { group } | Found::Typo { group, .. } => Found::Accents {
                group,
                text: candidates
                    .iter()
                    .find(|c| c.group == group)
                    .map_or_else(String::new, |c| c.text.clone()),
            },
            _ => other,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidates(texts: &[&str]) -> Vec<Candidate> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Candidate::new(t, i))
            .collect()
    }

    #[test]
    fn exact_match_names_the_group() {
        assert_eq!(
            find("the OSLO", &candidates(&["Lima", "Oslo"]), None),
            Found::Exact { group: 1 }
        );
    }

    #[test]
    fn typo_names_the_spelling_it_was_close_to() {
        let found = find("Tashkant", &candidates(&["Tashkent"]), None);
        assert_eq!(
            found,
            Found::Typo {
                group: 0,
                text: "Tashkent".into()
            }
        );
    }

    #[test]
    fn short_answers_allow_no_typo() {
        assert_eq!(find("Lome", &candidates(&["Lima"]), None), Found::Nothing);
    }

    #[test]
    fn a_typo_never_changes_a_digit() {
        assert_eq!(
            find("G21 summit", &candidates(&["G20 summit"]), None),
            Found::Nothing
        );
    }

    #[test]
    fn a_typo_never_changes_a_one_letter_word() {
        assert_eq!(
            find("Vitamin B", &candidates(&["Vitamin A"]), None),
            Found::Nothing
        );
        assert_eq!(
            find("Vitamin", &candidates(&["Vitamin A"]), None),
            Found::Nothing
        );
        let found = find("Vitamn A", &candidates(&["Vitamin A"]), None);
        assert_eq!(
            found,
            Found::Typo {
                group: 0,
                text: "Vitamin A".into()
            }
        );
    }

    #[test]
    fn where_accents_count_they_must_agree() {
        let tones = candidates(&["shuǐ"]);
        assert_eq!(
            find_with("shuǐ", &tones, None, true),
            Found::Exact { group: 0 }
        );
        assert_eq!(
            find_with("shuì", &tones, None, true),
            Found::Accents {
                group: 0,
                text: "shuǐ".into()
            }
        );
        assert_eq!(
            find_with("shuì", &tones, None, false),
            Found::Exact { group: 0 }
        );
        let name = candidates(&["Nguyễn Văn"]);
        assert!(matches!(
            find_with("Nguyễm Văn", &name, None, true),
            Found::Typo { .. }
        ));
        assert!(matches!(
            find_with("Nguyen Van", &name, None, true),
            Found::Accents { .. }
        ));
        assert_eq!(find_with("Hanoi", &name, None, true), Found::Nothing);
    }

    #[test]
    fn equally_close_to_two_candidates_is_ambiguous() {
        assert_eq!(
            find("Marsala", &candidates(&["Marsela", "Marsula"]), None),
            Found::Ambiguous
        );
    }

    #[test]
    fn a_closer_short_candidate_blocks_a_typo() {
        // "Lymas" is 1 edit from "Lyma" (which allows none) and 1 from "Lymass".
        assert_eq!(
            find("Lymas", &candidates(&["Lyma", "Lymass"]), None),
            Found::Ambiguous
        );
    }
}

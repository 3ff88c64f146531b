//! Choice and true/false answers: the learner picks among shown options, by number or by text.

use super::list::split_items;
use super::matching::{Candidate, Found, find};
use super::normalize::key;
use super::sequence::parse_numbers;
use super::{Outcome, Verdict};
use crate::deck::Text;

/// The options in the order their numbers refer to.
fn options<'a>(correct: &'a [Text], wrong: &'a [Text], shown: &'a [Text]) -> Vec<&'a str> {
    if shown.is_empty() {
        correct.iter().chain(wrong).map(Text::as_str).collect()
    } else {
        shown.iter().map(Text::as_str).collect()
    }
}

fn is_correct(option: &str, correct: &[Text]) -> bool {
    let k = key(option);
    correct.iter().any(|c| key(c) == k)
}

/// The correct options with their numbers, e.g. "2. Tashkent".
pub(crate) fn expected_choice(correct: &[Text], wrong: &[Text], shown: &[Text]) -> String {
    let parts: Vec<String> = options(correct, wrong, shown)
        .iter()
        .enumerate()
        .filter(|(_, o)| is_correct(o, correct))
        .map(|(i, o)| format!("{}. {o}", i + 1))
        .collect();
    parts.join("; ")
}

/// Reads option numbers ("2", "2,3", "2 and 3", "23" when there are fewer than ten options;
/// a number in range always means an option, not an option's text), else option text, tolerating a typo only when it points at one option. One correct option:
/// right or wrong, picking several is wrong. Several: Jaccard score, naming missing and extra.
pub(crate) fn check_choice(
    correct: &[Text],
    wrong: &[Text],
    given: &str,
    shown: &[Text],
    expected: String,
) -> Outcome {
    let options = options(correct, wrong, shown);
    let right_total = options.iter().filter(|o| is_correct(o, correct)).count();
    if right_total == 0 {
        return Outcome::new(Verdict::Unchecked, 0.0, expected);
    }
    let mut selected: Vec<usize> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    let mut typo = None;
    let candidates: Vec<Candidate> = options
        .iter()
        .enumerate()
        .map(|(i, o)| Candidate::new(o, i))
        .collect();
    let whole = find(given, &candidates, None);
    // Numbers name options, unless they cannot and the text is itself an option ("2001").
    let numbers = parse_numbers(given, options.len()).filter(|numbers| {
        !matches!(whole, Found::Exact { .. })
            || numbers.iter().all(|n| (1..=options.len()).contains(n))
    });
    if let Some(numbers) = numbers {
        for n in numbers {
            match n.checked_sub(1).filter(|&i| i < options.len()) {
                Some(i) => push_unique(&mut selected, i),
                None => unknown.push(n.to_string()),
            }
        }
    } else {
        let pieces = match whole {
            Found::Exact { .. } | Found::Typo { .. } => vec![given.to_string()],
            _ => split_items(given, |k| candidates.iter().any(|c| c.key == k)),
        };
        for piece in pieces {
            match find(&piece, &candidates, None) {
                Found::Exact { group } => push_unique(&mut selected, group),
                Found::Typo { group, text } => {
                    push_unique(&mut selected, group);
                    typo.get_or_insert((piece, text));
                }
                _ => unknown.push(piece),
            }
        }
    }
    let hits = selected
        .iter()
        .filter(|&&i| is_correct(options[i], correct))
        .count();
    let picked_wrong: Vec<String> = selected
        .iter()
        .filter(|&&i| !is_correct(options[i], correct))
        .map(|&i| options[i].to_string())
        .collect();
    let unknown_note =
        (!unknown.is_empty()).then(|| format!("Not one of the options: {}", unknown.join(", ")));
    if right_total == 1 {
        if hits == 1 && selected.len() == 1 && unknown.is_empty() {
            return Outcome::new(Verdict::Correct, 1.0, expected).with_typo(typo);
        }
        let mut outcome = Outcome::new(Verdict::Wrong, 0.0, expected);
        outcome.note = if selected.len() > 1 {
            Some("Only one option is correct".to_string())
        } else {
            unknown_note
        };
        return outcome;
    }
    let mut outcome = Outcome::counted(
        hits,
        right_total,
        picked_wrong.len() + unknown.len(),
        expected,
    )
    .with_typo(typo);
    outcome.missing = options
        .iter()
        .enumerate()
        .filter(|(i, o)| is_correct(o, correct) && !selected.contains(i))
        .map(|(_, o)| o.to_string())
        .collect();
    outcome.extra = picked_wrong;
    outcome.note = unknown_note;
    outcome
}

fn push_unique(selected: &mut Vec<usize>, i: usize) {
    if !selected.contains(&i) {
        selected.push(i);
    }
}

/// Accepts true/false, t/f, yes/no, y/n, or the number of a shown "True"/"False" option.
/// Bare 1 and 0 are not read as booleans: with options shown, "1" means the first option.
pub(crate) fn check_truefalse(
    answer: bool,
    given: &str,
    shown: &[Text],
    expected: String,
) -> Outcome {
    let read = |text: &str| match key(text).as_str() {
        "true" | "t" | "yes" | "y" => Some(true),
        "false" | "f" | "no" | "n" => Some(false),
        _ => None,
    };
    let value = read(given).or_else(|| match parse_numbers(given, shown.len())?.as_slice() {
        [n] => read(shown.get(n.checked_sub(1)?)?),
        _ => None,
    });
    match value {
        Some(v) if v == answer => Outcome::new(Verdict::Correct, 1.0, expected),
        Some(_) => Outcome::new(Verdict::Wrong, 0.0, expected),
        None => Outcome::wrong(expected, "Answer true or false"),
    }
}

//! Choice and true/false answers: the learner picks among shown options, by number or by text.

use super::items::split_items;
use super::matching::{Candidate, Found, find};
use super::normalize::{digits, distance, distance_within, key, words as normalised_words};
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
/// a number in range always means an option, not an option's text), else option text: exact,
/// with a typo, or clearly one option (a unique prefix, a word of it, or much closer to it than
/// to any other). One correct option: right or wrong, picking several is wrong. Several:
/// Jaccard score, naming missing and extra. A number out of range, or text that is no option
/// or as close to two, is [`Verdict::Invalid`]: the learner is asked again with a hint.
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
    let mut typo = None;
    let candidates: Vec<Candidate> = options
        .iter()
        .enumerate()
        .map(|(i, o)| Candidate::new(o, i))
        .collect();
    let count = options.len();
    let whole = find(given, &candidates, None);
    // "option 2", "number 2", "answer 2": the number of an option.
    let given = ["option ", "number ", "answer ", "no. ", "#"]
        .iter()
        .find_map(|w| {
            given
                .get(..w.len())
                .filter(|head| head.eq_ignore_ascii_case(w))
                .map(|_| given[w.len()..].trim_start())
        })
        .filter(|rest| {
            parse_numbers(rest, count).is_some() && !matches!(whole, Found::Exact { .. })
        })
        .unwrap_or(given);
    // Numbers name options, unless they cannot and the text is itself an option ("2001").
    let numbers = parse_numbers(given, count).filter(|numbers| {
        !matches!(whole, Found::Exact { .. }) || numbers.iter().all(|n| (1..=count).contains(n))
    });
    if let Some(numbers) = numbers {
        for n in numbers {
            match n.checked_sub(1).filter(|&i| i < count) {
                Some(i) => push_unique(&mut selected, i),
                // A large number is an attempt at an option's text ("2017" for a year).
                None if n > 99 => {
                    return Outcome::invalid(
                        expected,
                        format!(
                            "“{n}” is not one of the options: type a number from 1 to {count} or an option's text"
                        ),
                    );
                }
                None => {
                    return Outcome::invalid(
                        expected,
                        format!("There is no option {n}: type a number from 1 to {count}"),
                    );
                }
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
                found => match clearly_one(&piece, &candidates) {
                    Some(group) => {
                        push_unique(&mut selected, group);
                        typo.get_or_insert((piece, options[group].to_string()));
                    }
                    None => {
                        let why = if found == Found::Ambiguous {
                            "is as close to two options"
                        } else {
                            "is not one of the options"
                        };
                        return Outcome::invalid(
                            expected,
                            format!(
                                "“{piece}” {why}: type a number from 1 to {count} or an option's text"
                            ),
                        );
                    }
                },
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
    if right_total == 1 {
        if hits == 1 && selected.len() == 1 {
            return Outcome::new(Verdict::Correct, 1.0, expected).with_typo(typo);
        }
        let mut outcome = Outcome::new(Verdict::Wrong, 0.0, expected);
        if selected.len() > 1 {
            outcome.note = Some("Only one option is correct".to_string());
        }
        return outcome;
    }
    let mut outcome =
        Outcome::counted(hits, right_total, picked_wrong.len(), expected).with_typo(typo);
    outcome.missing = options
        .iter()
        .enumerate()
        .filter(|(i, o)| is_correct(o, correct) && !selected.contains(i))
        .map(|(_, o)| o.to_string())
        .collect();
    outcome.extra = picked_wrong;
    outcome
}

/// The one option that text which matched none exactly or as a typo clearly means: the only
/// option it begins ("Kyrgyz" for "Kyrgyzstan"), the only one with it as a word ("Tashkent"
/// for "Tashkent, Uzbekistan"), or one it is near and much nearer than to any other. The set
/// of options is closed, so more slack is safe here than for free text; digits must agree.
fn clearly_one(piece: &str, candidates: &[Candidate]) -> Option<usize> {
    let given = key(piece);
    let len = given.chars().count();
    if len < 3 {
        return None;
    }
    let unique = |groups: Vec<usize>| -> Option<usize> {
        let first = *groups.first()?;
        groups.iter().all(|g| *g == first).then_some(first)
    };
    let given_digits = digits(&given);
    let comparable: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| digits(&c.key) == given_digits)
        .collect();
    let prefixed: Vec<usize> = comparable
        .iter()
        .filter(|c| c.key.starts_with(&given) && 2 * len >= c.key.chars().count())
        .map(|c| c.group)
        .collect();
    if let Some(g) = unique(prefixed) {
        return Some(g);
    }
    let given_words = normalised_words(piece);
    let as_word: Vec<usize> = comparable
        .iter()
        .filter(|c| {
            let words = normalised_words(&c.text);
            words.len() > 1 && given_words.len() == 1 && words.contains(&given_words[0])
        })
        .map(|c| c.group)
        .collect();
    if let Some(g) = unique(as_word) {
        return Some(g);
    }
    let mut by_distance: Vec<(usize, usize)> = comparable
        .iter()
        .map(|c| (distance(&given, &c.key), c.group))
        .collect();
    by_distance.sort();
    let (best, group) = *by_distance.first()?;
    let allowed = (len / 3).max(1);
    let runner_up = by_distance
        .iter()
        .find(|(_, g)| *g != group)
        .map_or(usize::MAX, |(d, _)| *d);
    (best <= allowed && runner_up >= best + 2).then_some(group)
}

fn push_unique(selected: &mut Vec<usize>, i: usize) {
    if !selected.contains(&i) {
        selected.push(i);
    }
}

/// Words read as true and as false.
const TRUE_WORDS: [&str; 8] = ["true", "t", "yes", "y", "yeah", "yep", "right", "correct"];
const FALSE_WORDS: [&str; 7] = ["false", "f", "no", "n", "nope", "wrong", "incorrect"];

/// Reads true or false, and whether it took a typo ("fals", "ture", "yse"): words of three
/// letters or more may be one edit off, when that points at one value only.
fn read_bool(text: &str) -> Option<(bool, bool)> {
    let k = key(text);
    if TRUE_WORDS.contains(&k.as_str()) {
        return Some((true, false));
    }
    if FALSE_WORDS.contains(&k.as_str()) {
        return Some((false, false));
    }
    if k.chars().count() < 3 {
        return None;
    }
    let near = |words: &[&str]| {
        words
            .iter()
            .any(|w| w.len() >= 3 && distance_within(&k, w, 1).is_some())
    };
    match (near(&TRUE_WORDS), near(&FALSE_WORDS)) {
        (true, false) => Some((true, true)),
        (false, true) => Some((false, true)),
        _ => None,
    }
}

/// Accepts true/false, t/f, yes/no, y/n (and a typo of the longer words), or the number of a
/// shown "True"/"False" option. Bare 1 and 0 are not read as booleans: with options shown,
/// "1" means the first option. Anything else is [`Verdict::Invalid`], with a hint.
pub(crate) fn check_truefalse(
    answer: bool,
    given: &str,
    shown: &[Text],
    expected: String,
) -> Outcome {
    const HINT: &str = "Type true or false (or t/f, yes/no)";
    let value = match read_bool(given) {
        Some(v) => v,
        None => match parse_numbers(given, shown.len()).as_deref() {
            Some([n]) if !shown.is_empty() => {
                match n
                    .checked_sub(1)
                    .and_then(|i| shown.get(i))
                    .and_then(|o| read_bool(o))
                {
                    Some(v) => v,
                    None => {
                        return Outcome::invalid(
                            expected,
                            format!("There is no option {n}: type 1 or 2, or true or false"),
                        );
                    }
                }
            }
            _ => return Outcome::invalid(expected, HINT),
        },
    };
    let (v, typo) = value;
    let mut outcome = if v == answer {
        Outcome::new(Verdict::Correct, 1.0, expected)
    } else {
        Outcome::new(Verdict::Wrong, 0.0, expected)
    };
    if typo {
        outcome.note = Some(format!("Read as {}", if v { "true" } else { "false" }));
    }
    outcome
}

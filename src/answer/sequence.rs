//! Order and match answers, given as the numbers and letters of shown items, and the
//! longest-increasing-subsequence measure used for anything where order matters.

use super::items::split_items;
use super::matching::{Candidate, Found, find};
use super::normalize::{fold, key};
use super::{Outcome, Verdict};
use crate::deck::Text;

/// Reads a line of option numbers: "2", "2,3", "2 3", "2 and 3", "(2) 3.". A single run of
/// digits larger than `count` is read digit by digit when there are fewer than ten options
/// ("3124"). `None` when anything other than numbers was written; numbers out of range are
/// returned for the caller to report.
pub(crate) fn parse_numbers(given: &str, count: usize) -> Option<Vec<usize>> {
    let folded = fold(given);
    let tokens: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '&' | '+'))
        .map(|t| {
            t.trim_start_matches(['(', '#'])
                .trim_end_matches(['.', ')'])
        })
        .filter(|t| !t.is_empty() && *t != "and")
        .collect();
    if tokens.is_empty() || !tokens.iter().all(|t| t.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let mut numbers = Vec::new();
    for token in tokens {
        let value = token.parse::<usize>().unwrap_or(usize::MAX);
        let each_digit = token.len() > 1
            && count < 10
            && value > count
            && token
                .bytes()
                .all(|b| (1..=count).contains(&usize::from(b - b'0')));
        if each_digit {
            numbers.extend(token.bytes().map(|b| usize::from(b - b'0')));
        } else {
            numbers.push(value);
        }
    }
    Some(numbers)
}

/// One longest strictly increasing subsequence of `seq` (the earliest-ending one), i.e. the
/// largest set of items the learner put in the right relative order.
pub(crate) fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    let mut length = vec![1usize; seq.len()];
    let mut previous: Vec<Option<usize>> = vec![None; seq.len()];
    for i in 0..seq.len() {
        for j in 0..i {
            if seq[j] < seq[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                previous[i] = Some(j);
            }
        }
    }
    let Some(mut at) = (0..seq.len()).max_by_key(|&i| (length[i], std::cmp::Reverse(i))) else {
        return Vec::new();
    };
    let mut run = vec![seq[at]];
    while let Some(p) = previous[at] {
        run.push(seq[p]);
        at = p;
    }
    run.reverse();
    run
}

/// For each shown entry, the index of the same entry in `canonical` (each used once).
fn positions(canonical: &[Text], shown: &[Text]) -> Vec<Option<usize>> {
    let mut used = vec![false; canonical.len()];
    shown
        .iter()
        .map(|s| {
            let k = key(s);
            let found = (0..canonical.len())
                .find(|&i| !used[i] && canonical[i] == *s)
                .or_else(|| (0..canonical.len()).find(|&i| !used[i] && key(&canonical[i]) == k));
            if let Some(i) = found {
                used[i] = true;
            }
            found
        })
        .collect()
}

/// The shown number of each item, in the correct order.
fn shown_numbers(canonical: &[Text], shown: &[Text]) -> Vec<Option<usize>> {
    let positions = positions(canonical, shown);
    (0..canonical.len())
        .map(|i| positions.iter().position(|p| *p == Some(i)).map(|s| s + 1))
        .collect()
}

/// "3 1 2 4 (A → B → C → D)": the numbers to type, then the items in order.
pub(crate) fn expected_order(items: &[Text], shown: &[Text]) -> String {
    let sequence = items.join(" → ");
    if shown.is_empty() {
        return sequence;
    }
    let numbers: Vec<String> = shown_numbers(items, shown)
        .into_iter()
        .map(|n| n.map_or("?".to_string(), |n| n.to_string()))
        .collect();
    format!("{} ({sequence})", numbers.join(" "))
}

/// The learner lists the shown numbers in sequence ("3 1 2 4", "3,1,2,4", "3124"), or the
/// items' text. Score: the longest run of items in the right relative order, over the number
/// of items, so one item moved costs one item and not everything after it.
pub(crate) fn check_order(
    items: &[Text],
    given: &str,
    shown: &[Text],
    expected: String,
) -> Outcome {
    if items.is_empty() {
        return Outcome::new(Verdict::Unchecked, 0.0, expected);
    }
    let display = if shown.is_empty() { items } else { shown };
    let positions = positions(items, display);
    let mut sequence: Vec<usize> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    let mut place = |shown_index: Option<usize>, written: String| match shown_index
        .and_then(|i| positions.get(i).copied().flatten())
    {
        Some(p) if !sequence.contains(&p) => sequence.push(p),
        Some(_) => {}
        None => unknown.push(written),
    };
    if let Some(numbers) = parse_numbers(given, display.len()) {
        for n in numbers {
            place(n.checked_sub(1), n.to_string());
        }
    } else {
        let candidates: Vec<Candidate> = display
            .iter()
            .enumerate()
            .map(|(i, d)| Candidate::new(d, i))
            .collect();
        for piece in split_items(given, |k| candidates.iter().any(|c| c.key == k)) {
            match find(&piece, &candidates, None) {
                Found::Exact { group } | Found::Typo { group, .. } => place(Some(group), piece),
                _ => place(None, piece),
            }
        }
    }
    let run = longest_increasing(&sequence);
    let mut outcome = Outcome::counted(run.len(), items.len(), unknown.len(), expected);
    outcome.missing = (0..items.len())
        .filter(|i| !sequence.contains(i))
        .map(|i| items[i].to_string())
        .collect();
    let mut notes = Vec::new();
    let misplaced: Vec<&str> = sequence
        .iter()
        .filter(|p| !run.contains(p))
        .map(|&p| items[p].as_str())
        .collect();
    if !misplaced.is_empty() {
        notes.push(format!("Out of place: {}", misplaced.join(", ")));
    }
    if !unknown.is_empty() {
        notes.push(format!("Not one of the items: {}", unknown.join(", ")));
    }
    outcome.note = (!notes.is_empty()).then(|| notes.join("; "));
    outcome
}

fn letter(index: usize) -> String {
    u8::try_from(index).ok().filter(|&i| i < 26).map_or_else(
        || format!("#{}", index + 1),
        |i| char::from(b'a' + i).to_string(),
    )
}

/// "1b 2a 3c (A → X; B → Y; C → Z)": the code to type, then the pairs.
pub(crate) fn expected_match(pairs: &[(Text, Text)], shown: &[Text]) -> String {
    let rights: Vec<Text> = pairs.iter().map(|(_, r)| r.clone()).collect();
    let display = if shown.is_empty() { &rights[..] } else { shown };
    let code: Vec<String> = shown_numbers(&rights, display)
        .into_iter()
        .enumerate()
        .map(|(i, n)| format!("{}{}", i + 1, n.map_or("?".to_string(), |n| letter(n - 1))))
        .collect();
    let listed: Vec<String> = pairs.iter().map(|(l, r)| format!("{l} → {r}")).collect();
    format!("{} ({})", code.join(" "), listed.join("; "))
}

enum Token {
    Number(usize),
    Letter(usize),
}

/// Numbers and letters, ignoring spaces, punctuation, arrows and the word "and"; `None` if
/// anything else (another script, a digit in another form) was written.
fn tokens(given: &str) -> Option<Vec<Token>> {
    let folded = fold(given);
    let words: Vec<&str> = folded.split_whitespace().filter(|w| *w != "and").collect();
    let mut tokens = Vec::new();
    let mut number: Option<usize> = None;
    for c in words.join(" ").chars() {
        if let Some(d) = c.to_digit(10) {
            let d = d as usize;
            number = Some(number.unwrap_or(0).saturating_mul(10).saturating_add(d));
            continue;
        }
        if let Some(n) = number.take() {
            tokens.push(Token::Number(n));
        }
        if c.is_ascii_lowercase() {
            tokens.push(Token::Letter(usize::from(c as u8 - b'a')));
        } else if c.is_alphanumeric() {
            return None;
        }
    }
    if let Some(n) = number {
        tokens.push(Token::Number(n));
    }
    Some(tokens)
}

/// Pairs (left number, right letter index) from "1b 2a 3c", "1-b, 2-a" or letters in left
/// order ("bac").
fn read_pairs(given: &str) -> Option<Vec<(usize, usize)>> {
    let tokens = tokens(given)?;
    if tokens.is_empty() {
        return None;
    }
    if !tokens.iter().any(|t| matches!(t, Token::Number(_))) {
        return Some(
            tokens
                .iter()
                .enumerate()
                .filter_map(|(i, t)| match t {
                    Token::Letter(l) => Some((i + 1, *l)),
                    Token::Number(_) => None,
                })
                .collect(),
        );
    }
    let mut pairs = Vec::new();
    let mut it = tokens.iter();
    while let Some(t) = it.next() {
        match (t, it.next()) {
            (Token::Number(n), Some(Token::Letter(l))) => pairs.push((*n, *l)),
            _ => return None,
        }
    }
    Some(pairs)
}

/// Left items are numbered from 1, the right column lettered from "a" in shown order. Each
/// pair right scores 1/n; wrong pairs are named (missing: the right pair, extra: the one given).
pub(crate) fn check_match(
    pairs: &[(Text, Text)],
    given: &str,
    shown: &[Text],
    expected: String,
) -> Outcome {
    if pairs.is_empty() {
        return Outcome::new(Verdict::Unchecked, 0.0, expected);
    }
    let rights: Vec<Text> = pairs.iter().map(|(_, r)| r.clone()).collect();
    let display = if shown.is_empty() { &rights[..] } else { shown };
    let Some(read) = read_pairs(given) else {
        return Outcome::wrong(
            expected,
            "Write pairs like 1b 2a, or the letters in order like ba",
        );
    };
    let mut chosen: Vec<Option<usize>> = vec![None; pairs.len()];
    let mut unknown = Vec::new();
    for (left, right) in read {
        match left
            .checked_sub(1)
            .filter(|&i| i < pairs.len() && right < display.len())
        {
            Some(i) if chosen[i].is_none() => chosen[i] = Some(right),
            Some(_) => {}
            None => unknown.push(format!("{left}{}", letter(right))),
        }
    }
    let mut right_count = 0;
    let mut missing = Vec::new();
    let mut extra = Vec::new();
    for (i, (left, right)) in pairs.iter().enumerate() {
        match chosen[i] {
            Some(r) if key(&display[r]) == key(right) => right_count += 1,
            Some(r) => {
                missing.push(format!("{left} → {right}"));
                extra.push(format!("{left} → {}", display[r]));
            }
            None => missing.push(format!("{left} → {right}")),
        }
    }
    let mut outcome = Outcome::counted(right_count, pairs.len(), unknown.len(), expected);
    outcome.missing = missing;
    outcome.extra = extra;
    if !unknown.is_empty() {
        outcome.note = Some(format!("Not in the lists: {}", unknown.join(", ")));
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_every_separator() {
        assert_eq!(
            parse_numbers("2, 3;4 and 5 & 6/7", 9),
            Some(vec![2, 3, 4, 5, 6, 7])
        );
    }

    #[test]
    fn run_of_digits_splits_only_when_it_cannot_be_one_number() {
        assert_eq!(parse_numbers("3124", 4), Some(vec![3, 1, 2, 4]));
        assert_eq!(parse_numbers("12", 12), Some(vec![12]));
        assert_eq!(parse_numbers("50", 4), Some(vec![50]));
    }

    #[test]
    fn text_is_not_numbers() {
        assert_eq!(parse_numbers("2 Lima", 4), None);
    }

    #[test]
    fn huge_numbers_saturate() {
        assert_eq!(
            parse_numbers("99999999999999999999999", 4),
            Some(vec![usize::MAX])
        );
    }

    #[test]
    fn longest_increasing_prefers_the_earliest_run() {
        assert_eq!(longest_increasing(&[2, 0, 1, 3]), vec![0, 1, 3]);
        assert_eq!(longest_increasing(&[3, 2, 1, 0]), vec![3]);
        assert_eq!(longest_increasing(&[]), Vec::<usize>::new());
    }

    #[test]
    fn letters_beyond_z_are_numbered() {
        assert_eq!(letter(1), "b");
        assert_eq!(letter(26), "#27");
    }
}

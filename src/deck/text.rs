//! Small text rules shared by the loader, the generator and the checks, so that "the same
//! answer", "a whole word", "a number word" and "a prompt that gives its answer away" mean
//! one thing everywhere.

use std::hash::Hasher;
use std::ops::Range;

use crate::deck::{ClozePart, Kind};

/// FNV-1a for hash maps keyed by ids: much faster than std's SipHash on short strings, and
/// hash flooding is no concern for a deck the user chose to load.
#[derive(Clone, Copy)]
pub struct IdHasher(u64);

impl Default for IdHasher {
    fn default() -> IdHasher {
        IdHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// A `HashMap` keyed by ids, hashed with [`IdHasher`].
pub type IdMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;

/// Lowercased with runs of whitespace collapsed to one space and the ends trimmed: two options
/// that normalise equal are the same option to a learner.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The characters of `normalise(s)`, without building the string.
fn normalised_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.split_whitespace().enumerate().flat_map(|(i, word)| {
        (i > 0)
            .then_some(' ')
            .into_iter()
            .chain(word.chars().flat_map(char::to_lowercase))
    })
}

/// Whether `a` and `b` normalise equal (without allocating).
pub fn same(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // The common case, compared word by word without decoding characters.
        let (mut x, mut y) = (a.split_ascii_whitespace(), b.split_ascii_whitespace());
        loop {
            match (x.next(), y.next()) {
                (None, None) => return true,
                (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => {}
                _ => return false,
            }
        }
    }
    normalised_chars(a).eq(normalised_chars(b))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn chars_eq_ci(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

/// The byte range of the first case-insensitive occurrence of `needle` in `hay` that is not part
/// of a longer word (so "Tashkent" is found in "Is Tashkent...?" but "8" is not found in "2018").
pub fn find_word(hay: &str, needle: &str) -> Option<Range<usize>> {
    let needle = needle.trim();
    let first = needle.chars().next()?;
    let mut prev: Option<char> = None;
    for (start, c) in hay.char_indices() {
        let boundary_before = !prev.is_some_and(is_word_char) || !is_word_char(first);
        prev = Some(c);
        if !boundary_before || !chars_eq_ci(c, first) {
            continue;
        }
        let mut hay_chars = hay[start..].char_indices();
        let mut matched = true;
        let mut end = start;
        for n in needle.chars() {
            match hay_chars.next() {
                Some((off, h)) if chars_eq_ci(h, n) => end = start + off + h.len_utf8(),
                _ => {
                    matched = false;
                    break;
                }
            }
        }
        if !matched {
            continue;
        }
        let last = needle.chars().next_back().unwrap_or(first);
        let after = hay[end..].chars().next();
        if after.is_some_and(is_word_char) && is_word_char(last) {
            continue;
        }
        return Some(start..end);
    }
    None
}

const NUMBER_WORDS: [&str; 9] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Number words ("two" to "ten", or the digits 2 to 10) in `text` with their byte ranges.
/// A capitalised word inside a sentence is a name ("the Shanghai Five"), not a count, so it is
/// left out.
pub fn number_words(text: &str) -> Vec<(usize, Range<usize>)> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut word_start: Option<usize> = None;
    let mut push_word = |start: usize, end: usize, sentence_start: bool| {
        let word = &text[start..end];
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if capitalised && !sentence_start {
            return;
        }
        let lower = word.to_lowercase();
        let value = NUMBER_WORDS
            .iter()
            .position(|w| *w == lower)
            .map(|i| i + 2)
            .or_else(|| {
                let digits = word.bytes().all(|b| b.is_ascii_digit()) && word.len() <= 2;
                digits.then(|| word.parse::<usize>().ok()).flatten()
            });
        if let Some(v) = value.filter(|v| (2..=10).contains(v)) {
            out.push((v, start..end));
        }
    };
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            push_word(start, i, sentence_start);
            sentence_start = false;
        }
        if matches!(c, '.' | '!' | '?' | ':' | ';') {
            sentence_start = true;
        }
    }
    if let Some(start) = word_start {
        push_word(start, text.len(), sentence_start);
    }
    out
}

/// An answer found verbatim in a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    pub answer: String,
    /// Byte range of the answer inside the prompt.
    pub range: Range<usize>,
}

/// The first accepted answer of `kind` that appears in `prompt` as whole words, ignoring case.
/// Choice, true/false, order and match cards are exempt: their prompts may name what is shown
/// anyway.
pub fn leak(kind: &Kind, prompt: &str) -> Option<Leak> {
    let found = |answer: &str| {
        find_word(prompt, answer).map(|range| Leak {
            answer: answer.to_string(),
            range,
        })
    };
    match kind {
        Kind::Typed { answer } => answer.all().find_map(found),
        Kind::Number { answer, .. } => found(&answer.to_string()),
        Kind::Year { answer, .. } => found(&answer.to_string()),
        Kind::List { items, .. } => items.iter().flat_map(|a| a.all()).find_map(found),
        Kind::Cloze { parts } => parts
            .iter()
            .filter_map(|p| match p {
                ClozePart::Blank(a) => Some(a),
                ClozePart::Text(_) | ClozePart::Hint(_) => None,
            })
            .flat_map(|a| a.all())
            .find_map(found),
        // A basic card is graded by the learner, and its front may fairly list options (as a
        // choice card imported from Anki or Quizlet does) or say "true or false". A date
        // card's prompt may name the year when it asks for the day.
        Kind::Date { .. }
        | Kind::Basic { .. }
        | Kind::Choice { .. }
        | Kind::TrueFalse { .. }
        | Kind::Order { .. }
        | Kind::Match { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_ignores_case_and_spacing() {
        assert_eq!(
            normalise("  The   SCO\tSecretariat "),
            "the sco secretariat"
        );
    }

    #[test]
    fn same_compares_normalised() {
        assert!(same(" The  SCO", "the sco"));
        assert!(!same("the sco", "the scot"));
        assert!(same("Ürümqi  city", "ürümqi CITY"));
        assert!(!same("Ürümqi", "Urumqi"));
    }

    #[test]
    fn find_word_is_case_insensitive() {
        assert_eq!(find_word("Where is TASHKENT?", "tashkent"), Some(9..17));
    }

    #[test]
    fn find_word_needs_whole_words() {
        assert_eq!(find_word("in 2018", "8"), None);
        assert_eq!(find_word("Ratsiraka", "rats"), None);
        assert_eq!(find_word("the RATS body", "rats"), Some(4..8));
    }

    #[test]
    fn find_word_handles_multibyte_text() {
        assert_eq!(find_word("Qu'est-ce que Ürümqi?", "ürümqi"), Some(14..22));
    }

    #[test]
    fn number_words_finds_words_and_digits() {
        let found = number_words("Name the three forces and 4 more, not 2017.");
        assert_eq!(found, vec![(3, 9..14), (4, 26..27)]);
    }

    #[test]
    fn number_words_skips_capitalised_names_but_not_sentence_starts() {
        assert_eq!(number_words("Members of the Shanghai Five"), vec![]);
        assert_eq!(number_words("Three forces"), vec![(3, 0..5)]);
    }
}

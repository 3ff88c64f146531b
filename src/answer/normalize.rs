//! Text normalisation shared by every checker: two spellings a reader would call the same
//! answer must produce the same key, and "close" must mean the same thing everywhere.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const ARTICLES: [&str; 3] = ["a", "an", "the"];

/// NFKC, full lowercase, accents stripped, plus the few Latin letters that carry no combining
/// mark to strip ("ß", "ø", ...), so "Straße" and "strasse" agree.
pub(crate) fn fold(s: &str) -> String {
    // ASCII is unchanged by NFKC and NFD and has no marks to strip: only its case folds. Most
    // answers are ASCII, and decks are checked whole, so this path matters.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    fold_unicode(s)
}

fn fold_unicode(s: &str) -> String {
    // Lowercase before decomposing: lowercasing can itself produce combining marks ("İ").
    let lower = s.nfkc().collect::<String>().to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for c in lower.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' | 'ð' => out.push('d'),
            'þ' => out.push_str("th"),
            'ı' => out.push('i'),
            _ => out.push(c),
        }
    }
    out
}

/// The words of an answer after folding. Apostrophes and dots join ("U.S.A." is "usa",
/// "People's" is "peoples"), other punctuation separates, "&" reads as "and", and articles
/// are dropped unless they are the last word (so "Vitamin A" keeps its "a").
pub(crate) fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(s, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each of [`words`] in turn, without making a string of each: every deck
/// check and every answer goes through here, so it allocates only the folded and the cleaned
/// text.
pub(crate) fn for_each_word(s: &str, mut f: impl FnMut(&str)) {
    let folded = fold(s);
    let mut cleaned = String::with_capacity(folded.len());
    let mut prev: Option<char> = None;
    let mut rest = folded.chars();
    while let Some(c) = rest.next() {
        let between_digits =
            prev.is_some_and(char::is_numeric) && rest.clone().next().is_some_and(char::is_numeric);
        match c {
            _ if c.is_alphanumeric() => cleaned.push(c),
            // A decimal point is meaningful; a thousands comma is not.
            '.' if between_digits => cleaned.push('.'),
            ',' if between_digits => {}
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '.' => {}
            '&' => cleaned.push_str(" and "),
            _ => cleaned.push(' '),
        }
        prev = Some(c);
    }
    let last = cleaned.split_whitespace().count().saturating_sub(1);
    for (i, t) in cleaned.split_whitespace().enumerate() {
        if i == last || !ARTICLES.contains(&t) {
            f(t);
        }
    }
}

/// The comparison key: the words with the spaces removed, so "co-operation", "co operation"
/// and "cooperation" are one answer. An answer made only of punctuation keeps its folded
/// symbols, so "?" still differs from "!".
pub(crate) fn key(s: &str) -> String {
    let mut joined = String::with_capacity(s.len());
    for_each_word(s, |w| joined.push_str(w));
    if joined.is_empty() {
        fold(s)
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect()
    } else {
        joined
    }
}

/// The letters of a text that folding would change, in order ("shuǐ" has "ǐ", "Straße" has
/// "ß"): where accents count, two spellings with different marks are different answers.
pub(crate) fn marks(s: &str) -> String {
    if s.is_ascii() {
        return String::new();
    }
    let lower = s.nfkc().collect::<String>().to_lowercase();
    let mut buf = [0u8; 4];
    lower
        .nfc()
        .filter(|c| {
            !c.is_ascii() && c.is_alphabetic() && fold(c.encode_utf8(&mut buf)) != c.to_string()
        })
        .collect()
}

/// Ways of saying "I don't know", by key.
const UNKNOWN: [&str; 14] = [
    "?",
    "??",
    "???",
    "idk",
    "idontknow",
    "dontknow",
    "idonotknow",
    "donotknow",
    "noidea",
    "notsure",
    "dunno",
    "pass",
    "noclue",
    "ihavenoidea",
];

/// Whether the learner said they do not know rather than answering.
pub(crate) fn says_unknown(s: &str) -> bool {
    UNKNOWN.contains(&key(s).as_str())
}

/// Whether the learner typed nothing that could be read as an answer.
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || c.is_control())
}

/// How many edits a key of `len` characters may absorb and still count as a typo: none up to
/// 4 characters, 1 up to 8, 2 up to 14, 3 beyond.
pub(crate) fn allowed_edits(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        9..=14 => 2,
        _ => 3,
    }
}

/// The one-letter words of an answer, in order: a typo may never change or drop one
/// ("Vitamin B" is not a misspelling of "Vitamin A").
pub(crate) fn single_letters(s: &str) -> String {
    words(s)
        .iter()
        .filter(|w| w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
        .map(String::as_str)
        .collect()
}

/// Damerau–Levenshtein distance between two keys.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    strsim::damerau_levenshtein(a, b)
}

/// Keys longer than this are compared within a band (see [`distance_within`]).
const LONG_KEY: usize = 512;

/// The Damerau–Levenshtein distance between two keys if it is at most `max`. The full
/// computation takes time and memory in the product of the lengths: a deck or a learner could
/// make two 60,000-character texts meet and stall a check for minutes. So keys longer than
/// [`LONG_KEY`] characters are compared within a band of `max` around the diagonal, in time
/// linear in their length, counting a swap of two neighbours as one edit (restricted
/// Damerau–Levenshtein, which differs from the full measure only when an already swapped
/// pair is edited again).
pub(crate) fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > max {
        return None;
    }
    if la.max(lb) <= LONG_KEY {
        let d = distance(a, b);
        return (d <= max).then_some(d);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    banded_osa(&a, &b, max)
}

/// Restricted Damerau–Levenshtein distance, computed only within `max` of the diagonal;
/// `None` when it is over `max`.
fn banded_osa(a: &[char], b: &[char], max: usize) -> Option<usize> {
    const FAR: usize = usize::MAX / 2;
    let (n, m) = (a.len(), b.len());
    // Rows i-2, i-1 and i of the table, indexed by j. Only the cells within `max` of the
    // diagonal are computed; the cell on each side of that band is set to FAR, so that what
    // the next rows read outside their band is never a stale value.
    let mut before = vec![FAR; m + 1];
    let mut prev: Vec<usize> = (0..=m).map(|j| if j <= max { j } else { FAR }).collect();
    let mut row = vec![FAR; m + 1];
    for i in 1..=n {
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(m);
        row[lo - 1] = if lo == 1 && i <= max { i } else { FAR };
        if hi < m {
            row[hi + 1] = FAR;
        }
        let mut best = row[lo - 1];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j - 1] + cost).min(prev[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    let d = prev[m];
    (d <= max).then_some(d)
}

/// The digits of a key, in order: a typo may never change a number ("G20" is not "G21").
pub(crate) fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_numeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_accents_and_case() {
        assert_eq!(fold("TASHKËNT"), "tashkent");
    }

    #[test]
    fn fold_of_ascii_is_its_lowercase() {
        let ascii: String = (0u8..128).map(char::from).collect();
        assert_eq!(fold(&ascii), fold_unicode(&ascii));
    }

    #[test]
    fn fold_handles_letters_without_marks() {
        assert_eq!(fold("Straße Øresund"), "strasse oresund");
    }

    #[test]
    fn fold_applies_compatibility_forms() {
        assert_eq!(fold("ＡＢＣ ﬁ"), "abc fi");
    }

    #[test]
    fn words_drop_leading_and_inner_articles() {
        assert_eq!(
            words("The Council of the Heads"),
            ["council", "of", "heads"]
        );
    }

    #[test]
    fn words_keep_a_final_article() {
        assert_eq!(words("Vitamin A"), ["vitamin", "a"]);
    }

    #[test]
    fn words_join_dots_and_apostrophes() {
        assert_eq!(words("U.S.A. People's"), ["usa", "peoples"]);
    }

    #[test]
    fn words_read_ampersand_as_and() {
        assert_eq!(words("Trade&Security"), ["trade", "and", "security"]);
    }

    #[test]
    fn key_ignores_hyphens_and_spaces() {
        assert_eq!(key("Co-operation"), key("co operation"));
        assert_eq!(key("Co-operation"), "cooperation");
    }

    #[test]
    fn key_keeps_decimal_points_and_drops_thousands_commas() {
        assert_eq!(key("3.5"), "3.5");
        assert_eq!(key("4,300"), "4300");
    }

    #[test]
    fn key_of_pure_punctuation_keeps_the_symbols() {
        assert_eq!(key(" ?! "), "?!");
    }

    #[test]
    fn marks_are_the_letters_folding_changes() {
        assert_eq!(marks("shuǐ"), "ǐ");
        assert_eq!(
            marks("shui\u{30c}"),
            "ǐ",
            "decomposed input is composed first"
        );
        assert_ne!(marks("shuǐ"), marks("shuì"));
        assert_eq!(marks("Nguyễn Đức"), "ễđứ");
        assert_eq!(marks("Nguyen"), "");
        assert_eq!(marks("ﬁne"), "", "compatibility forms are not marks");
    }

    #[test]
    fn unknown_is_said_many_ways() {
        for s in [
            "I don't know",
            "idk",
            "?",
            "No idea.",
            "dunno",
            "pass",
            "I do not know",
        ] {
            assert!(says_unknown(s), "{s}");
        }
        for s in ["Paris", "no", "passport", "2"] {
            assert!(!says_unknown(s), "{s}");
        }
    }

    #[test]
    fn blank_means_only_spaces_and_control_characters() {
        assert!(is_blank(" \t\u{0}\u{7}\n"));
        assert!(!is_blank(" ? "));
    }

    #[test]
    fn allowed_edits_grow_with_length() {
        let edits: Vec<usize> = [4, 5, 8, 9, 14, 15]
            .into_iter()
            .map(allowed_edits)
            .collect();
        assert_eq!(edits, [0, 1, 1, 2, 2, 3]);
    }

    #[test]
    fn single_letters_are_the_one_letter_words() {
        assert_eq!(single_letters("Vitamin C, plan-B and 4"), "cb");
        assert_eq!(single_letters("U.S.A."), "");
    }

    #[test]
    fn distance_counts_a_transposition_as_one() {
        assert_eq!(distance("tashkent", "tahskent"), 1);
    }

    #[test]
    fn distance_within_agrees_with_the_full_distance() {
        let words = [
            "tashkent",
            "tahskent",
            "taskhent",
            "tashkend",
            "ashkent",
            "tashkentt",
            "kent",
            "samarkand",
            "ca",
            "abc",
            "",
        ];
        for a in words {
            for b in words {
                for max in 0..4 {
                    let d = distance(a, b);
                    assert_eq!(
                        distance_within(a, b, max),
                        (d <= max).then_some(d),
                        "{a} {b}"
                    );
                }
            }
        }
    }

    #[test]
    fn long_keys_are_compared_in_a_band() {
        let long = "k".repeat(60_000);
        let (a, b) = (format!("x{long}y"), format!("z{long}w"));
        assert_eq!(distance_within(&a, &b, 3), Some(2));
        assert_eq!(distance_within(&a, &a, 3), Some(0));
        let swapped = format!("{long}ab{long}");
        let back = format!("{long}ba{long}");
        assert_eq!(distance_within(&swapped, &back, 1), Some(1));
        assert_eq!(distance_within(&a, &long, 1), None);
        let far = format!("abcd{long}");
        assert_eq!(distance_within(&far, &format!("dcba{long}"), 3), Some(3));
        assert_eq!(distance_within(&far, &format!("dcba{long}"), 2), None);
        assert_eq!(
            banded_osa(&['a', 'b', 'c'], &['a', 'c', 'b'], 1),
            Some(1),
            "a swap is one edit"
        );
    }
}

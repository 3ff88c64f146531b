//! Cutting text into the pieces the number rules read: words (folded to lowercase ASCII where
//! they have accents), runs of digits with their separators already understood (`4,300`,
//! `4 300`, `4.300,5`), and single symbols. Every token keeps its byte range in the original
//! text, so a mention can point back at what was written.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::decimal::{Decimal, from_digits};

/// A run of digits read as one number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Digits {
    pub value: Decimal,
    /// Only ASCII digits: no grouping, no decimal mark ("2001", not "2,001" or "20.01").
    pub plain: bool,
    /// How many digits before any decimal mark ("06" has 2).
    pub int_len: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// Letters, lowercase, accents stripped.
    Word(String),
    Digits(Digits),
    /// Any other visible character.
    Sym(char),
    /// A run of digits too long to be a number anyone means.
    Junk,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Whether it touches the token before it (no space between): "4300km", "1990s", "3rd".
    pub glued: bool,
    /// Whether the word starts with a capital letter as written ("May" the month).
    pub capital: bool,
}

impl Token {
    pub fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn digits(&self) -> Option<Digits> {
        match self.kind {
            Kind::Digits(d) => Some(d),
            _ => None,
        }
    }

    pub fn sym(&self) -> Option<char> {
        match self.kind {
            Kind::Sym(c) => Some(c),
            _ => None,
        }
    }

    pub fn is_word(&self, w: &str) -> bool {
        self.word() == Some(w)
    }

    pub fn is_sym(&self, c: char) -> bool {
        self.sym() == Some(c)
    }

    /// A dash of any kind: hyphen-minus, hyphen, en dash, em dash, minus sign.
    pub fn is_dash(&self) -> bool {
        matches!(
            self.sym(),
            Some('-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}')
        )
    }
}

/// Separators that may group digits ("4'300", "4 300") besides the comma and the dot.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\'' | '\u{2019}' | '_') || is_group_space(c)
}

/// Folds a word: NFKC, lowercase, accents stripped.
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let lower = word.nfkc().collect::<String>().to_lowercase();
    lower.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// Cuts `text` into tokens. Space and control characters separate tokens and are dropped.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut last_end = usize::MAX;
    while let Some(c) = text[i..].chars().next() {
        let glued = last_end == i;
        if c.is_whitespace() || c.is_control() {
            i += c.len_utf8();
            continue;
        }
        let (kind, end, capital) = if c.is_ascii_digit() {
            match read_digits(text, i) {
                Run::Number(Some(digits), end) => (Kind::Digits(digits), end, false),
                Run::Number(None, end) => (Kind::Junk, end, false),
                Run::Pieces(groups) => {
                    push_pieces(text, &groups, glued, &mut out);
                    last_end = groups.last().map_or(i, |g| g.1);
                    i = last_end;
                    continue;
                }
            }
        } else if c.is_alphabetic() {
            let end = text[i..]
                .char_indices()
                .find(|&(_, ch)| !(ch.is_alphabetic() || is_combining_mark(ch)))
                .map_or(text.len(), |(j, _)| i + j);
            (Kind::Word(fold(&text[i..end])), end, c.is_uppercase())
        } else {
            (Kind::Sym(c), i + c.len_utf8(), false)
        };
        out.push(Token {
            kind,
            start: i,
            end,
            glued,
            capital,
        });
        last_end = end;
        i = end;
    }
    out
}

/// What a run of digits and separators is.
enum Run {
    /// One number (`None` when it has too many digits), and where it ends.
    Number(Option<Digits>, usize),
    /// Separate numbers whose separators are not grouping ("1,2,3", "15.06.2001"): the byte
    /// range of each.
    Pieces(Vec<(usize, usize)>),
}

/// Pushes each group of a run as a number of its own, with the separators between them.
fn push_pieces(text: &str, groups: &[(usize, usize)], glued: bool, out: &mut Vec<Token>) {
    for (n, &(a, b)) in groups.iter().enumerate() {
        if n > 0 {
            let prev_end = groups[n - 1].1;
            if let Some(c) = text[prev_end..a]
                .chars()
                .next()
                .filter(|c| !c.is_whitespace())
            {
                out.push(Token {
                    kind: Kind::Sym(c),
                    start: prev_end,
                    end: a,
                    glued: true,
                    capital: false,
                });
            }
        }
        let kind = match from_digits(&text[a..b], "") {
            Some(value) => Kind::Digits(Digits {
                value,
                plain: true,
                int_len: b - a,
            }),
            None => Kind::Junk,
        };
        out.push(Token {
            kind,
            start: a,
            end: b,
            glued: n > 0 || glued,
            capital: false,
        });
    }
}

/// Reads the number starting at byte `start` (an ASCII digit): digits with grouping
/// separators and a decimal mark. A separator counts only between digits; grouping must be in
/// threes ("4,300", "1.234.567", "4 300 000") or the run is cut into separate numbers; a lone
/// comma before other than three digits is a decimal comma ("4,5"); a lone dot is always a
/// decimal point.
fn read_digits(text: &str, start: usize) -> Run {
    let bytes = text.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    // Groups of digits and the separator before each group after the first.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut i = start;
    loop {
        let g = i;
        while digit_at(i) {
            i += 1;
        }
        groups.push((g, i));
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let after = i + c.len_utf8();
        if !is_separator(c) || !digit_at(after) {
            break;
        }
        if is_group_space(c) {
            // A space groups only runs of exactly three digits after a short first group, so
            // "in 2001 300 people" stays two numbers.
            let len = |(a, b): (usize, usize)| b - a;
            let first_ok = groups.len() > 1 || len(groups[0]) <= 3;
            let next_three = (after..after + 3).all(digit_at) && !digit_at(after + 3);
            let seps_ok = seps.iter().all(|s| is_group_space(*s));
            if !(first_ok && next_three && seps_ok && groups.iter().skip(1).all(|g| len(*g) == 3)) {
                break;
            }
        }
        seps.push(c);
        i = after;
    }
    // "15.06.2001" is a date, not a number.
    let dotted_date = seps == ['.', '.']
        && groups[0].1 - groups[0].0 <= 2
        && groups[1].1 - groups[1].0 <= 2
        && matches!(groups[2].1 - groups[2].0, 2 | 4);
    if dotted_date {
        return Run::Pieces(groups);
    }
    let banned: Vec<char> = [',', '.']
        .into_iter()
        .filter(|c| seps.iter().filter(|s| *s == c).count() > 1)
        .collect();
    let all = groups.clone();
    let (groups, seps, end) = settle(groups, seps, &banned);
    if groups.len() < all.len() {
        return Run::Pieces(all);
    }
    let mut int = String::new();
    let mut frac = String::new();
    let decimal_at = decimal_mark(&groups, &seps, &banned);
    for (n, (a, b)) in groups.iter().enumerate() {
        if decimal_at.is_some_and(|d| n > d) {
            frac.push_str(&text[*a..*b]);
        } else {
            int.push_str(&text[*a..*b]);
        }
    }
    let digits = from_digits(&int, &frac).map(|value| Digits {
        value,
        plain: seps.is_empty(),
        int_len: int.len(),
    });
    Run::Number(digits, end)
}

/// Where the decimal mark is: the index of the group it follows. `banned` is a mark the
/// whole run used more than once, which is therefore grouping ("1,2,3" has no decimal comma).
fn decimal_mark(groups: &[(usize, usize)], seps: &[char], banned: &[char]) -> Option<usize> {
    let last = *seps.last()?;
    if !matches!(last, '.' | ',')
        || banned.contains(&last)
        || seps.iter().filter(|&&s| s == last).count() > 1
    {
        return None;
    }
    let (a, b) = groups[groups.len() - 1];
    let mixed = seps.iter().any(|&s| s != last);
    // "4,300" groups; "4,5" and "4,3000" are decimals; a dot alone is always a decimal.
    let decimal = last == '.' || mixed || b - a != 3;
    decimal.then_some(groups.len() - 2)
}

/// Cuts the run back to the longest prefix whose grouping is well formed: every group after
/// the first (and before a decimal mark) has three digits, and the first has at most three
/// when grouping is used.
fn settle(
    mut groups: Vec<(usize, usize)>,
    mut seps: Vec<char>,
    banned: &[char],
) -> (Vec<(usize, usize)>, Vec<char>, usize) {
    loop {
        let decimal = decimal_mark(&groups, &seps, banned);
        let grouped_end = decimal.map_or(groups.len(), |d| d + 1);
        let len = |(a, b): (usize, usize)| b - a;
        let well_formed = grouped_end <= 1
            || (len(groups[0]) <= 3 && groups[1..grouped_end].iter().all(|g| len(*g) == 3));
        // The grouping marks before a decimal mark must all be one kind.
        let one_kind = seps[..grouped_end.saturating_sub(1)]
            .windows(2)
            .all(|w| w[0] == w[1]);
        if (well_formed && one_kind) || seps.is_empty() {
            let end = groups.last().map_or(0, |g| g.1);
            return (groups, seps, end);
        }
        groups.pop();
        seps.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(s: &str) -> Option<String> {
        let toks = tokens(s);
        match toks.as_slice() {
            [t] => t.digits().map(|d| d.value.to_string()),
            _ => None,
        }
    }

    #[test]
    fn digits_with_any_grouping_are_one_number() {
        for (s, v) in [
            ("4300", "4300"),
            ("4,300", "4300"),
            ("4 300", "4300"),
            ("4\u{a0}300", "4300"),
            ("4'300", "4300"),
            ("4’300", "4300"),
            ("1.234.567", "1234567"),
            ("4.300,0", "4300.0"),
            ("4,300.0", "4300.0"),
            ("2,300,000", "2300000"),
            ("4 300 000", "4300000"),
            ("4,5", "4.5"),
            ("4.300", "4.300"),
            ("0.35", "0.35"),
        ] {
            assert_eq!(number(s).as_deref(), Some(v), "{s}");
        }
    }

    #[test]
    fn malformed_grouping_stops_the_number() {
        let toks = tokens("1,2,3");
        assert_eq!(toks.len(), 5);
        assert_eq!(toks[0].digits().unwrap().value, Decimal::from_int(1));
        let toks = tokens("in 2001 300 people");
        assert_eq!(toks[1].digits().unwrap().value, Decimal::from_int(2001));
        assert_eq!(toks[2].digits().unwrap().value, Decimal::from_int(300));
        let toks = tokens("15.06.2001");
        assert_eq!(toks.len(), 5);
        let toks = tokens("40 000 0");
        assert_eq!(toks[0].digits().unwrap().value, Decimal::from_int(40000));
    }

    #[test]
    fn a_sentence_comma_is_not_a_separator() {
        let toks = tokens("In 2001, 300 people");
        assert_eq!(toks[1].digits().unwrap().value, Decimal::from_int(2001));
        assert!(toks[2].is_sym(','));
    }

    #[test]
    fn plain_means_no_separator() {
        assert!(tokens("2001")[0].digits().unwrap().plain);
        assert!(!tokens("2,001")[0].digits().unwrap().plain);
        assert_eq!(tokens("06")[0].digits().unwrap().int_len, 2);
    }

    #[test]
    fn words_are_folded_and_glued_tokens_known() {
        let toks = tokens("4300km Zürich 1990s");
        assert_eq!(toks[1].word(), Some("km"));
        assert!(toks[1].glued);
        assert_eq!(toks[2].word(), Some("zurich"));
        assert!(toks[2].capital && !toks[2].glued);
        assert_eq!(toks[4].word(), Some("s"));
        assert!(toks[4].glued);
    }

    #[test]
    fn ranges_point_into_the_original_text() {
        let text = "about 4\u{a0}300 km²";
        let toks = tokens(text);
        assert_eq!(&text[toks[1].start..toks[1].end], "4\u{a0}300");
        assert_eq!(toks[3].sym(), Some('²'));
    }

    #[test]
    fn too_many_digits_are_one_token() {
        let toks = tokens(&"9".repeat(60));
        assert_eq!(toks.len(), 1);
        assert_eq!(toks[0].kind, Kind::Junk);
    }
}

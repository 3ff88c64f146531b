//! English number words, read and written: "three hundred and twelve", "a dozen", "one and a
//! half million", "two point five", "twenty-first", years said in pairs ("nineteen
//! ninety-six", "twenty oh one"), and the other way round for display and property tests.
//!
//! Reading works on tokens and returns where the number ended, so "two thousand and one
//! people" reads 2001 and leaves "people". British "and" ("three hundred and twelve") and
//! American usage (without it) are both read; hyphens may join or be spaces.

use super::decimal::Decimal;
use super::token::Token;

/// Words for 0 to 19 and the tens.
const CARDINALS: [(&str, u8); 28] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Ordinal words for 1 to 19 and the tens.
const ORDINALS: [(&str, u8); 27] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
];

/// Misspellings common enough that a marker reads them as the word meant.
const MISSPELLINGS: [(&str, &str); 12] = [
    ("fourty", "forty"),
    ("ninty", "ninety"),
    ("nintey", "ninety"),
    ("eightteen", "eighteen"),
    ("fourtieth", "fortieth"),
    ("nineth", "ninth"),
    ("twelth", "twelfth"),
    ("twelveth", "twelfth"),
    ("eigth", "eighth"),
    ("fith", "fifth"),
    ("fivth", "fifth"),
    ("thrid", "third"),
];

/// Scale words and their powers of ten, in words and ordinals. "lakh" and "crore" are how
/// South Asian English counts.
const SCALES: [(&str, &str, i32); 7] = [
    ("hundred", "hundredth", 2),
    ("thousand", "thousandth", 3),
    ("lakh", "lakhth", 5),
    ("million", "millionth", 6),
    ("crore", "croreth", 7),
    ("billion", "billionth", 9),
    ("trillion", "trillionth", 12),
];

/// Short scale words written after digits ("4.3k", "2.3bn", "$3m"); `money_only` ones are
/// read only after a currency, since "3m" is otherwise three metres.
pub(crate) const SCALE_ABBREVIATIONS: [(&str, i32, bool); 7] = [
    ("k", 3, false),
    ("bn", 9, false),
    ("mn", 6, false),
    ("mln", 6, false),
    ("tn", 12, false),
    ("m", 6, true),
    ("b", 9, true),
];

/// Decades said in words ("the nineties") and their first year within a century.
pub(crate) const DECADE_WORDS: [(&str, u8); 8] = [
    ("twenties", 20),
    ("thirties", 30),
    ("forties", 40),
    ("fifties", 50),
    ("sixties", 60),
    ("seventies", 70),
    ("eighties", 80),
    ("nineties", 90),
];

fn spelt(word: &str) -> &str {
    MISSPELLINGS
        .iter()
        .find(|(wrong, _)| *wrong == word)
        .map_or(word, |(_, right)| right)
}

pub(crate) fn cardinal_value(word: &str) -> Option<u8> {
    let word = spelt(word);
    CARDINALS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

pub(crate) fn ordinal_value(word: &str) -> Option<u8> {
    let word = spelt(word);
    ORDINALS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// The power of ten of a scale word ("million" is 6), and whether it was an ordinal.
pub(crate) fn scale_value(word: &str) -> Option<(i32, bool)> {
    SCALES.iter().find_map(|(w, o, e)| {
        if *w == word {
            Some((*e, false))
        } else if *o == word {
            Some((*e, true))
        } else {
            None
        }
    })
}

/// A number read from words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WordNumber {
    pub value: Decimal,
    pub ordinal: bool,
    /// The index of the token after the number.
    pub end: usize,
}

/// What the last word read was, which decides what may follow.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Start,
    /// "a" or "an", standing for one before "hundred", a scale, "dozen" or "half".
    A,
    Unit,
    Teen,
    Ten,
    TenUnit,
    Hundred,
    Scale,
    Dozen,
    And,
    Half,
}

/// Whether token `j` is a hyphen joining two words ("thirty-five").
fn joining_hyphen(toks: &[Token], j: usize) -> bool {
    toks[j].is_dash()
        && j > 0
        && toks[j - 1].word().is_some()
        && toks
            .get(j + 1)
            .is_some_and(|t| t.glued && t.word().is_some())
        && toks[j].glued
}

/// Reads English number words starting at token `i`: cardinals up to the trillions, with or
/// without "and" and hyphens, "a hundred", "a dozen", "one and a half million", "half a
/// million", "two point five", and ordinals ("twenty-first", "hundredth"). `None` when no
/// number word starts there.
pub(crate) fn read_words(toks: &[Token], i: usize) -> Option<WordNumber> {
    let mut total: i128 = 0;
    let mut group: i128 = 0;
    let mut half = false;
    let mut last = Last::Start;
    let mut last_scale = i32::MAX;
    let mut best: Option<WordNumber> = None;
    let mut j = i;
    // "half a million": a half of the scale that follows.
    if toks.get(j).is_some_and(|t| t.is_word("half"))
        && toks.get(j + 1).is_some_and(|t| t.is_word("a"))
        && let Some((e, false)) = toks.get(j + 2).and_then(Token::word).and_then(scale_value)
        && e >= 3
    {
        return Some(WordNumber {
            value: Decimal::new(5, e - 1),
            ordinal: false,
            end: j + 3,
        });
    }
    let record = |total: i128, group: i128, half: bool, ordinal: bool, end: usize| {
        let whole = Decimal::new(total + group, 0);
        let value = if half {
            whole.checked_add(Decimal::new(5, -1))?
        } else {
            whole
        };
        Some(WordNumber {
            value,
            ordinal,
            end,
        })
    };
    while let Some(tok) = toks.get(j) {
        if joining_hyphen(toks, j) {
            j += 1;
            continue;
        }
        let Some(word) = tok.word() else { break };
        let word = spelt(word);
        let after_a_number = matches!(
            last,
            Last::Unit | Last::Teen | Last::Ten | Last::TenUnit | Last::Hundred | Last::A
        );
        let small_slot = matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And);
        if let Some(v) = cardinal_value(word).or_else(|| ordinal_value(word)) {
            let ordinal = ordinal_value(word).is_some();
            let v = i128::from(v);
            let next = match v {
                0 if last == Last::Start => Last::Unit,
                0 => break,
                1..=9 if last == Last::Ten => Last::TenUnit,
                1..=9 if small_slot => Last::Unit,
                10..=19 if small_slot => Last::Teen,
                20..=90 if small_slot => Last::Ten,
                _ => break,
            };
            // "two thousand and one" but not "one and two"
            group += v;
            last = next;
            j += 1;
            best = record(total, group, half, ordinal, j);
            if ordinal || (v == 0 && !toks.get(j).is_some_and(|t| t.is_word("point"))) {
                break;
            }
            continue;
        }
        if let Some((e, ordinal)) = scale_value(word) {
            // "hundredth" may stand alone; "hundred" needs a number before it.
            let alone = ordinal && last == Last::Start;
            if !after_a_number && !alone && !matches!(last, Last::Dozen | Last::Half) {
                break;
            }
            let base = if group == 0 { 1 } else { group };
            if e == 2 {
                if group >= 100 || last == Last::Hundred || half {
                    break;
                }
                group = base * 100;
                last = Last::Hundred;
            } else {
                if e >= last_scale {
                    break;
                }
                let unit = 10i128.pow(e as u32);
                total += base * unit + if half { unit / 2 } else { 0 };
                half = false;
                group = 0;
                last_scale = e;
                last = Last::Scale;
            }
            j += 1;
            best = record(total, group, half, ordinal, j);
            if ordinal {
                break;
            }
            continue;
        }
        match word {
            "a" | "an" if matches!(last, Last::Start | Last::And) => {
                let next = toks.get(j + 1).and_then(Token::word).unwrap_or("");
                let counts = scale_value(next).is_some()
                    || next == "dozen"
                    || (next == "half" && last == Last::And);
                if !counts {
                    break;
                }
                last = Last::A;
                j += 1;
            }
            "and" if matches!(last, Last::Hundred | Last::Scale) => {
                last = Last::And;
                j += 1;
            }
            // "one and a half (million)"
            "and"
                if matches!(last, Last::Unit | Last::Teen | Last::Ten | Last::TenUnit)
                    && toks.get(j + 1).is_some_and(|t| t.is_word("a"))
                    && toks.get(j + 2).is_some_and(|t| t.is_word("half")) =>
            {
                last = Last::And;
                j += 1;
            }
            "half" if last == Last::A && !half => {
                half = true;
                last = Last::Half;
                j += 1;
                best = record(total, group, half, false, j);
            }
            "dozen"
                if matches!(
                    last,
                    Last::A | Last::Unit | Last::Teen | Last::Ten | Last::TenUnit
                ) =>
            {
                let base = if group == 0 { 1 } else { group };
                group = base * 12;
                last = Last::Dozen;
                j += 1;
                best = record(total, group, half, false, j);
            }
            "point"
                if matches!(last, Last::Unit | Last::Teen | Last::Ten | Last::TenUnit)
                    && total == 0 =>
            {
                return read_point(toks, j, group).or(best);
            }
            _ => break,
        }
    }
    best.filter(|b| b.end > i)
}

/// "two point five (million)": the digits after "point", one word each, then maybe a scale.
fn read_point(toks: &[Token], point: usize, whole: i128) -> Option<WordNumber> {
    let mut frac = String::new();
    let mut j = point + 1;
    while let Some(v) = toks
        .get(j)
        .and_then(Token::word)
        .and_then(|w| {
            if w == "oh" {
                Some(0)
            } else {
                cardinal_value(w)
            }
        })
        .filter(|v| *v < 10)
    {
        frac.push(char::from(b'0' + v));
        j += 1;
    }
    if frac.is_empty() {
        return None;
    }
    let mut value = super::decimal::from_digits(&whole.to_string(), &frac)?;
    if let Some((e, false)) = toks.get(j).and_then(Token::word).and_then(scale_value)
        && e >= 3
    {
        value = value.scaled(e);
        j += 1;
    }
    Some(WordNumber {
        value,
        ordinal: false,
        end: j,
    })
}

/// A number from 10 to 99 said in words ("nineteen", "ninety-six"), with where it ended.
fn two_digit_words(toks: &[Token], i: usize) -> Option<(i32, usize)> {
    let v = i32::from(cardinal_value(toks.get(i)?.word()?)?);
    match v {
        10..=19 => Some((v, i + 1)),
        20..=90 => {
            let mut j = i + 1;
            if toks.get(j).is_some_and(|t| t.is_dash() && t.glued)
                && toks.get(j + 1).is_some_and(|t| t.glued)
            {
                j += 1;
            }
            match toks.get(j).and_then(Token::word).and_then(cardinal_value) {
                Some(u @ 1..=9) => Some((v + i32::from(u), j + 1)),
                _ => Some((v, i + 1)),
            }
        }
        _ => None,
    }
}

/// A year said as two pairs: "nineteen ninety-six", "ten sixty-six", "twenty oh one",
/// "nineteen hundred". Years said as one number ("two thousand and one") are cardinals.
pub(crate) fn read_year_words(toks: &[Token], i: usize) -> Option<(i32, usize)> {
    let (high, j) = two_digit_words(toks, i)?;
    let next = toks.get(j).and_then(Token::word)?;
    if next == "hundred" {
        return Some((high * 100, j + 1));
    }
    if matches!(next, "oh" | "o" | "zero") {
        let unit = toks
            .get(j + 1)
            .and_then(Token::word)
            .and_then(cardinal_value)?;
        return (1..=9)
            .contains(&unit)
            .then_some((high * 100 + i32::from(unit), j + 2));
    }
    let (low, end) = two_digit_words(toks, j)?;
    Some((high * 100 + low, end))
}

/// Writes `n` in words, British style: "three hundred and twelve", "one million two hundred
/// thousand and five". Numbers of a quadrillion and over are written in digits.
pub fn cardinal_words(n: u64) -> String {
    if n == 0 {
        return "zero".to_string();
    }
    if n >= 1_000_000_000_000_000 {
        return n.to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut rest = n;
    for (word, _, e) in SCALES
        .iter()
        .rev()
        .filter(|(w, _, _)| matches!(*w, "trillion" | "billion" | "million" | "thousand"))
    {
        let unit = 10u64.pow(*e as u32);
        let count = rest / unit;
        if count > 0 {
            parts.push(format!("{} {word}", below_thousand(count, false)));
            rest %= unit;
        }
    }
    if rest > 0 {
        // "one thousand and five": a last part under a hundred after a scale takes "and".
        parts.push(below_thousand(rest, !parts.is_empty()));
    }
    parts.join(" ")
}

fn below_thousand(n: u64, and_first: bool) -> String {
    let hundreds = n / 100;
    let rest = n % 100;
    let mut out = String::new();
    if hundreds > 0 {
        out.push_str(&below_hundred(hundreds));
        out.push_str(" hundred");
    }
    if rest > 0 {
        if hundreds > 0 || and_first {
            out.push_str(if out.is_empty() { "and " } else { " and " });
        }
        out.push_str(&below_hundred(rest));
    }
    out
}

fn word_for(n: u64) -> &'static str {
    CARDINALS
        .iter()
        .find(|(_, v)| u64::from(*v) == n)
        .map_or("", |(w, _)| w)
}

fn below_hundred(n: u64) -> String {
    if n < 20 || n.is_multiple_of(10) {
        word_for(n).to_string()
    } else {
        format!("{}-{}", word_for(n - n % 10), word_for(n % 10))
    }
}

/// Writes `n` as an ordinal in words: "first", "twenty-first", "one hundred and third".
pub fn ordinal_words(n: u64) -> String {
    let cardinal = cardinal_words(n);
    if n >= 1_000_000_000_000_000 {
        return ordinal_digits(n);
    }
    let cut = cardinal.rfind([' ', '-']).map_or(0, |p| p + 1);
    let (head, last) = cardinal.split_at(cut);
    let ordinal = CARDINALS
        .iter()
        .find(|(w, _)| *w == last)
        .and_then(|(_, v)| ORDINALS.iter().find(|(_, o)| o == v))
        .map(|(w, _)| w.to_string())
        .or_else(|| {
            SCALES
                .iter()
                .find(|(w, _, _)| *w == last)
                .map(|(_, o, _)| o.to_string())
        })
        .unwrap_or_else(|| {
            if last == "zero" {
                "zeroth".into()
            } else {
                format!("{last}th")
            }
        });
    format!("{head}{ordinal}")
}

/// Writes `n` as an ordinal in digits: "1st", "2nd", "3rd", "11th", "21st", "112th".
pub fn ordinal_digits(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Whether a word glued after digits makes them an ordinal ("3rd", "21st").
pub(crate) fn is_ordinal_suffix(word: &str) -> bool {
    matches!(word, "st" | "nd" | "rd" | "th")
}

#[cfg(test)]
mod tests {
    use super::super::token::tokens;
    use super::*;

    fn read(s: &str) -> Option<(String, bool, usize)> {
        let toks = tokens(s);
        read_words(&toks, 0).map(|n| (n.value.to_string(), n.ordinal, n.end))
    }

    fn value(s: &str) -> Option<String> {
        let toks = tokens(s);
        read_words(&toks, 0)
            .filter(|n| n.end == toks.len())
            .map(|n| n.value.to_string())
    }

    /// Each row: words that must read as the value, in full.
    const MUST_READ: &[(&str, &str)] = &[
        ("zero", "0"),
        ("seven", "7"),
        ("thirty-five", "35"),
        ("thirty five", "35"),
        ("fourty two", "42"),
        ("a hundred", "100"),
        ("one hundred", "100"),
        ("three hundred and twelve", "312"),
        ("three hundred twelve", "312"),
        ("nineteen hundred", "1900"),
        ("twelve hundred", "1200"),
        ("four thousand", "4000"),
        ("two thousand and one", "2001"),
        ("two thousand one", "2001"),
        ("two thousand twenty", "2020"),
        ("a thousand", "1000"),
        ("a dozen", "12"),
        ("two dozen", "24"),
        ("one and a half", "1.5"),
        ("one and a half million", "1500000"),
        ("two and a half thousand", "2500"),
        ("half a million", "500000"),
        ("two point five", "2.5"),
        ("two point zero five", "2.05"),
        ("two point five million", "2500000"),
        ("one million two hundred thousand and five", "1200005"),
        ("nine hundred ninety-nine billion", "999000000000"),
        ("one trillion", "1000000000000"),
        ("three lakh", "300000"),
        ("one-hundred", "100"),
    ];

    /// Each row: words and the ordinal value.
    const MUST_READ_ORDINAL: &[(&str, &str)] = &[
        ("first", "1"),
        ("third", "3"),
        ("twelfth", "12"),
        ("twelth", "12"),
        ("twenty-first", "21"),
        ("twentieth", "20"),
        ("one hundred and third", "103"),
        ("hundredth", "100"),
        ("a thousandth", "1000"),
    ];

    /// Each row: text whose number words stop early or never start; the value read, if any.
    const MUST_NOT_READ_WHOLE: &[(&str, Option<&str>)] = &[
        ("one two", Some("1")),
        ("twelve three", Some("12")),
        ("five twenty", Some("5")),
        ("thousand", None),
        ("hundred", None),
        ("a", None),
        ("a cat", None),
        ("and one", None),
        ("one and two", Some("1")),
        ("million thousand", None),
        ("one thousand million", Some("1000")),
        ("zero five", Some("0")),
        ("two hundred hundred", Some("200")),
        ("tree", None),
        ("point five", None),
    ];

    #[test]
    fn reads_cardinals() {
        for (s, v) in MUST_READ {
            assert_eq!(value(s).as_deref(), Some(*v), "{s}");
        }
    }

    #[test]
    fn reads_ordinals() {
        for (s, v) in MUST_READ_ORDINAL {
            let got = read(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((got.0.as_str(), got.1), (*v, true), "{s}");
            assert_eq!(got.2, tokens(s).len(), "{s}");
        }
    }

    #[test]
    fn stops_where_the_words_stop_being_one_number() {
        for (s, v) in MUST_NOT_READ_WHOLE {
            assert_eq!(read(s).map(|r| r.0).as_deref(), *v, "{s}");
            assert_eq!(value(s), None, "{s}");
        }
    }

    #[test]
    fn leaves_what_follows() {
        assert_eq!(
            read("two thousand and one people"),
            Some(("2001".into(), false, 4))
        );
        assert_eq!(read("three and four"), Some(("3".into(), false, 1)));
        assert_eq!(read("a hundred and"), Some(("100".into(), false, 2)));
    }

    #[test]
    fn reads_years_said_in_pairs() {
        for (s, y) in [
            ("nineteen ninety-six", 1996),
            ("nineteen ninety six", 1996),
            ("ten sixty-six", 1066),
            ("twenty oh one", 2001),
            ("nineteen oh five", 1905),
            ("twenty twenty-four", 2024),
            ("eighteen fifteen", 1815),
            ("nineteen hundred", 1900),
        ] {
            let toks = tokens(s);
            assert_eq!(read_year_words(&toks, 0), Some((y, toks.len())), "{s}");
        }
        for s in [
            "two thousand and one",
            "nineteen",
            "five ninety",
            "nineteen oh",
        ] {
            let toks = tokens(s);
            assert_eq!(
                read_year_words(&toks, 0).filter(|(_, e)| *e == toks.len()),
                None,
                "{s}"
            );
        }
    }

    #[test]
    fn writes_cardinals_british_style() {
        for (n, s) in [
            (0, "zero"),
            (7, "seven"),
            (35, "thirty-five"),
            (100, "one hundred"),
            (312, "three hundred and twelve"),
            (1005, "one thousand and five"),
            (2001, "two thousand and one"),
            (1_200_005, "one million two hundred thousand and five"),
            (1_000_000_000_000, "one trillion"),
        ] {
            assert_eq!(cardinal_words(n), s);
        }
        assert_eq!(cardinal_words(10u64.pow(15)), "1000000000000000");
    }

    #[test]
    fn writes_ordinals() {
        for (n, s, d) in [
            (1, "first", "1st"),
            (2, "second", "2nd"),
            (3, "third", "3rd"),
            (11, "eleventh", "11th"),
            (12, "twelfth", "12th"),
            (13, "thirteenth", "13th"),
            (21, "twenty-first", "21st"),
            (22, "twenty-second", "22nd"),
            (40, "fortieth", "40th"),
            (100, "one hundredth", "100th"),
            (103, "one hundred and third", "103rd"),
            (111, "one hundred and eleventh", "111th"),
            (1000, "one thousandth", "1000th"),
        ] {
            assert_eq!(
                (ordinal_words(n).as_str(), ordinal_digits(n).as_str()),
                (s, d)
            );
        }
    }
}

//! Dates as people write them, kept at the precision they were written with: "15 June 2001",
//! "June 15, 2001", "2001-06-15", "15/06/2001", "June 2001", "2001", "44 BC", "the 1990s",
//! "the nineteenth century". The forms are rows of [`RULES`], each a pattern of elements with
//! examples that must and must not match; decades and centuries have their own readers.
//!
//! In prose a month name must be capitalised ("may" is a verb) and a bare year must have
//! four digits between 1000 and 2100 or an era ("44 BC"); an answer may write any year, in
//! words too ("nineteen ninety-six", "two thousand and one").

use std::fmt;

use super::Mode;
use super::token::Token;
use super::words::{
    DECADE_WORDS, cardinal_value, is_ordinal_suffix, ordinal_digits, read_words, read_year_words,
};

/// How precisely a date was given, coarsest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// "the 19th century": a hundred years (1800 to 1899, as the phrase is commonly meant).
    Century,
    /// "the 1990s": ten years.
    Decade,
    Year,
    Month,
    Day,
}

impl Precision {
    pub fn name(self) -> &'static str {
        match self {
            Precision::Century => "century",
            Precision::Decade => "decade",
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A date as written. Years before Christ are negative (44 BC is -44; there is no year 0).
/// A decade or century holds its first year. `year` is `None` only for a day or month
/// written without one ("15 June", in an answer "June").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub precision: Precision,
}

impl Date {
    pub fn from_year(year: i32) -> Date {
        Date {
            year: Some(year),
            month: None,
            day: None,
            precision: Precision::Year,
        }
    }

    pub fn from_month(year: i32, month: u8) -> Date {
        Date {
            month: Some(month),
            precision: Precision::Month,
            ..Date::from_year(year)
        }
    }

    pub fn from_day(year: i32, month: u8, day: u8) -> Date {
        Date {
            day: Some(day),
            precision: Precision::Day,
            ..Date::from_month(year, month)
        }
    }

    fn span(year: i32, precision: Precision) -> Date {
        Date {
            precision,
            ..Date::from_year(year)
        }
    }

    /// The first and last year the date covers: 1990 to 1999 for "the 1990s", 500 to 401 BC
    /// (-500, -401) for "the 5th century BC". `None` without a year.
    pub fn years(&self) -> Option<(i32, i32)> {
        let y = self.year?;
        let width = match self.precision {
            Precision::Century => 99,
            Precision::Decade => 9,
            _ => 0,
        };
        Some((y, y + width))
    }

    /// Whether `year` falls within the date.
    pub fn covers_year(&self, year: i32) -> bool {
        self.years().is_some_and(|(a, b)| (a..=b).contains(&year))
    }
}

fn year_text(year: i32) -> String {
    if year < 0 {
        format!("{} BC", -i64::from(year))
    } else {
        year.to_string()
    }
}

impl fmt::Display for Date {
    /// "15 June 2001", "June 2001", "2001", "44 BC", "15 June", "the 1990s", "the 19th
    /// century".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = self.month.and_then(month_name);
        let mut parts: Vec<String> = Vec::new();
        match self.precision {
            Precision::Century => {
                let y = self.year.unwrap_or(0);
                let (n, era) = if y < 0 {
                    (-y / 100, " BC")
                } else {
                    (y / 100 + 1, "")
                };
                return write!(
                    f,
                    "the {} century{era}",
                    ordinal_digits(n.unsigned_abs().into())
                );
            }
            Precision::Decade => {
                return write!(f, "the {}s", year_text(self.year.unwrap_or(0)));
            }
            _ => {}
        }
        if let Some(d) = self.day.filter(|_| self.precision == Precision::Day) {
            parts.push(d.to_string());
        }
        if let Some(m) = month.filter(|_| self.precision >= Precision::Month) {
            parts.push(m.to_string());
        }
        if let Some(y) = self.year {
            parts.push(year_text(y));
        }
        f.write_str(&parts.join(" "))
    }
}

/// Month names and their abbreviations.
pub(crate) const MONTHS: [(&str, &[&str]); 12] = [
    ("January", &["january", "jan"]),
    ("February", &["february", "feb"]),
    ("March", &["march", "mar"]),
    ("April", &["april", "apr"]),
    ("May", &["may"]),
    ("June", &["june", "jun"]),
    ("July", &["july", "jul"]),
    ("August", &["august", "aug"]),
    ("September", &["september", "sep", "sept"]),
    ("October", &["october", "oct"]),
    ("November", &["november", "nov"]),
    ("December", &["december", "dec"]),
];

const WEEKDAYS: [&str; 18] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "weds",
];

/// Eras after or before a year, as their letters without dots.
const ERAS: [(&str, bool); 4] = [("bc", true), ("bce", true), ("ad", false), ("ce", false)];

/// Words that make a year, decade or century approximate: "the early 1990s", "mid-2001".
pub(crate) const QUALIFIERS: [&str; 4] = ["early", "mid", "middle", "late"];

/// The month called `name` (any spelling in [`MONTHS`]).
pub fn month_number(name: &str) -> Option<u8> {
    let key = name.trim().trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|(_, names)| names.contains(&key.as_str()))
        .map(|i| i as u8 + 1)
}

pub fn month_name(month: u8) -> Option<&'static str> {
    MONTHS
        .get(usize::from(month).checked_sub(1)?)
        .map(|(n, _)| *n)
}

fn is_leap(year: i32) -> bool {
    // Years before Christ count back from 1 BC, which was a leap year (proleptic Gregorian).
    let y = if year < 0 { year + 1 } else { year };
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in a month; February has 29 when the year is unknown.
pub(crate) fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_none_or(is_leap) => 29,
        _ => 28,
    }
}

/// One element of a date pattern.
#[derive(Debug, Clone, Copy)]
enum El {
    /// An optional weekday, with an optional comma after it: "Monday, ".
    Weekday,
    /// An optional word.
    Opt(&'static str),
    /// An optional comma.
    Comma,
    /// A day: 1 to 31 in digits, with or without "st"/"th", or an ordinal word.
    Day,
    /// A month name (capitalised in prose), with an optional dot after an abbreviation.
    Month,
    /// A year: see [`year_at`].
    Year,
    /// Four plain digits.
    Year4,
    /// One or two plain digits, 1 to 12.
    MonthNum,
    /// One or two plain digits, 1 to 31.
    DayNum,
    /// A separator glued on both sides: `-`, `/`, `.`.
    Sep(char),
}

/// A date form: its name, pattern, the precision it gives, and whether prose may use it.
struct Rule {
    name: &'static str,
    pattern: &'static [El],
    precision: Precision,
    prose: bool,
}

use El::*;

/// Every date form, most specific first. Numeric day-month-year comes before
/// month-day-year; both are returned when both readings are valid ("05/06/2001").
const RULES: [Rule; 12] = [
    Rule {
        name: "day month year",
        pattern: &[Weekday, Opt("the"), Day, Opt("of"), Month, Comma, Year],
        precision: Precision::Day,
        prose: true,
    },
    Rule {
        name: "month day year",
        pattern: &[Weekday, Month, Opt("the"), Day, Comma, Year],
        precision: Precision::Day,
        prose: true,
    },
    Rule {
        name: "iso date",
        pattern: &[Year4, Sep('-'), MonthNum, Sep('-'), DayNum],
        precision: Precision::Day,
        prose: true,
    },
    Rule {
        name: "numeric day/month/year",
        pattern: &[DayNum, Sep('/'), MonthNum, Sep('/'), Year4],
        precision: Precision::Day,
        prose: true,
    },
    Rule {
        name: "numeric day.month.year",
        pattern: &[DayNum, Sep('.'), MonthNum, Sep('.'), Year4],
        precision: Precision::Day,
        prose: true,
    },
    Rule {
        name: "numeric month/day/year",
        pattern: &[MonthNum, Sep('/'), DayNum, Sep('/'), Year4],
        precision: Precision::Day,
        prose: true,
    },
    Rule {
        name: "iso month",
        pattern: &[Year4, Sep('-'), MonthNum],
        precision: Precision::Month,
        prose: false,
    },
    Rule {
        name: "month year",
        pattern: &[Month, Opt("of"), Comma, Year],
        precision: Precision::Month,
        prose: true,
    },
    Rule {
        name: "day month",
        pattern: &[Weekday, Opt("the"), Day, Opt("of"), Month],
        precision: Precision::Day,
        prose: true,
    },
    Rule {
        name: "month day",
        pattern: &[Weekday, Month, Opt("the"), Day],
        precision: Precision::Day,
        prose: true,
    },
    Rule {
        name: "year",
        pattern: &[Year],
        precision: Precision::Year,
        prose: true,
    },
    Rule {
        name: "month",
        pattern: &[Month],
        precision: Precision::Month,
        prose: false,
    },
];

/// What a pattern captured.
#[derive(Default, Clone, Copy)]
struct Parts {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

/// An era starting at token `i` ("BC", "B.C.", "AD", "CE"): whether it is before Christ, and
/// the index after it.
fn era_at(toks: &[Token], i: usize) -> Option<(bool, usize)> {
    let mut letters = String::new();
    let mut j = i;
    let mut best = None;
    while let Some(t) = toks.get(j) {
        if j > i && !t.glued && !(t.word().is_some() && toks[j - 1].is_sym('.')) {
            break;
        }
        let is_word = match (t.word(), t.sym()) {
            (Some(w), _) if w.len() <= 3 => {
                letters.push_str(w);
                true
            }
            (_, Some('.')) if j > i => false,
            _ => break,
        };
        j += 1;
        if !is_word {
            continue;
        }
        if let Some((_, bc)) = ERAS.iter().find(|(e, _)| *e == letters) {
            // "B.C." takes its last dot; "BC." at a sentence end leaves it.
            let dotted = toks[i..j].iter().any(|t| t.is_sym('.'));
            let end = if dotted && toks.get(j).is_some_and(|t| t.is_sym('.') && t.glued) {
                j + 1
            } else {
                j
            };
            best = Some((*bc, end));
        }
        if letters.len() > 3 {
            break;
        }
    }
    best
}

/// A year starting at token `i`, with an era before or after it: "2001", "44 BC", "AD 2001",
/// "44BC", "nineteen ninety-six"; in answers also "-44" and "two thousand and one".
pub(crate) fn year_at(toks: &[Token], i: usize, mode: Mode) -> Option<(i32, usize)> {
    let (era_before, start) = match era_at(toks, i) {
        Some((false, j)) => (true, j),
        _ => (false, i),
    };
    // "'96": two digits for a year of the last century or this one.
    if mode == Mode::Answer
        && !era_before
        && matches!(
            toks.get(start).and_then(Token::sym),
            Some('\'' | '\u{2019}')
        )
        && let Some(d) = toks
            .get(start + 1)
            .filter(|t| t.glued)
            .and_then(Token::digits)
        && d.plain
        && d.int_len == 2
        && !toks.get(start + 2).is_some_and(|t| t.glued)
    {
        let yy = d.value.to_i64()? as i32;
        return Some((if yy <= 30 { 2000 + yy } else { 1900 + yy }, start + 2));
    }
    let (negative, start) = match toks.get(start) {
        Some(t) if mode == Mode::Answer && t.is_dash() && !era_before => {
            let glued_digits = toks
                .get(start + 1)
                .is_some_and(|n| n.glued && n.digits().is_some());
            if !glued_digits || (start > 0 && t.glued) {
                return None;
            }
            (true, start + 1)
        }
        _ => (false, start),
    };
    let (value, digits, mut end) = match toks.get(start)?.digits() {
        Some(d) => {
            if !d.plain || d.int_len > 4 {
                return None;
            }
            (d.value.to_i64()?, d.int_len, start + 1)
        }
        // "nineteen ninety-six" anywhere; "two thousand and one" only in an answer, as prose
        // uses such words for counts.
        None if !negative => {
            if let Some((y, end)) = read_year_words(toks, start) {
                (i64::from(y), 4, end)
            } else if mode == Mode::Answer {
                let n = read_words(toks, start)?;
                if n.ordinal {
                    return None;
                }
                (n.value.to_i64()?, 4, n.end)
            } else {
                return None;
            }
        }
        None => return None,
    };
    // "2001s" and "2001km" are not years; "44BC" is.
    let era_after = era_at(toks, end).filter(|_| !era_before && !negative);
    if era_after.is_none() && toks.get(end).is_some_and(|t| t.glued && t.word().is_some()) {
        return None;
    }
    let before_christ = era_after.is_some_and(|(bc, _)| bc);
    if let Some((_, e)) = era_after {
        end = e;
    }
    let has_era = era_before || era_after.is_some();
    let plausible = match mode {
        Mode::Prose => has_era || (digits == 4 && (1000..=2100).contains(&value)),
        Mode::Answer => (1..=9999).contains(&value),
    };
    if !plausible {
        return None;
    }
    let year = value as i32;
    Some((
        if before_christ || negative {
            -year
        } else {
            year
        },
        end,
    ))
}

/// A day of the month at token `i`: "15", "15th", "fifteenth", "first".
fn day_at(toks: &[Token], i: usize) -> Option<(u8, usize)> {
    let t = toks.get(i)?;
    let (value, end) = if let Some(d) = t.digits() {
        if !d.plain || d.int_len > 2 {
            return None;
        }
        let v = d.value.to_i64()?;
        match toks.get(i + 1) {
            Some(n) if n.glued && n.word().is_some_and(is_ordinal_suffix) => (v, i + 2),
            Some(n) if n.glued && n.word().is_some() => return None,
            _ => (v, i + 1),
        }
    } else {
        let n = read_words(toks, i)?;
        if !n.ordinal {
            return None;
        }
        (n.value.to_i64()?, n.end)
    };
    (1..=31).contains(&value).then_some((value as u8, end))
}

fn month_at(toks: &[Token], i: usize, mode: Mode) -> Option<(u8, usize)> {
    let t = toks.get(i)?;
    if mode == Mode::Prose && !t.capital {
        return None;
    }
    let word = t.word()?;
    let month = month_number(word)?;
    let abbreviated = word.len() <= 4 && month_name(month)?.len() != word.len();
    let end = if abbreviated && toks.get(i + 1).is_some_and(|n| n.is_sym('.') && n.glued) {
        i + 2
    } else {
        i + 1
    };
    Some((month, end))
}

fn small_number(toks: &[Token], i: usize, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
    let d = toks.get(i)?.digits()?;
    let v = d.value.to_i64()?;
    (d.plain && d.int_len <= 2 && range.contains(&v)).then_some(v)
}

/// Matches one pattern at token `i`.
fn match_rule(rule: &Rule, toks: &[Token], i: usize, mode: Mode) -> Option<(Parts, usize)> {
    let mut parts = Parts::default();
    let mut j = i;
    for (n, el) in rule.pattern.iter().enumerate() {
        match *el {
            Weekday => {
                if toks
                    .get(j)
                    .and_then(Token::word)
                    .is_some_and(|w| WEEKDAYS.contains(&w))
                {
                    j += 1;
                    if toks.get(j).is_some_and(|t| t.is_sym(',')) {
                        j += 1;
                    }
                }
            }
            Opt(w) => {
                if toks.get(j).is_some_and(|t| t.is_word(w)) {
                    j += 1;
                }
            }
            Comma => {
                if toks.get(j).is_some_and(|t| t.is_sym(',')) {
                    j += 1;
                }
            }
            Day => {
                let (d, end) = day_at(toks, j)?;
                parts.day = Some(d);
                j = end;
            }
            Month => {
                let (m, end) = month_at(toks, j, mode)?;
                parts.month = Some(m);
                j = end;
            }
            Year => {
                let (y, end) = year_at(toks, j, mode)?;
                parts.year = Some(y);
                j = end;
            }
            Year4 => {
                let d = toks.get(j)?.digits()?;
                if !d.plain || d.int_len != 4 {
                    return None;
                }
                parts.year = Some(d.value.to_i64()? as i32);
                j += 1;
            }
            MonthNum => {
                parts.month = Some(small_number(toks, j, 1..=12)? as u8);
                j += 1;
            }
            DayNum => {
                parts.day = Some(small_number(toks, j, 1..=31)? as u8);
                j += 1;
            }
            Sep(c) => {
                let t = toks.get(j)?;
                let ok = if c == '-' { t.is_dash() } else { t.is_sym(c) };
                if !ok || !t.glued || !toks.get(j + 1).is_some_and(|n| n.glued) {
                    return None;
                }
                j += 1;
            }
        }
        // A numeric pattern must not run on into more digits ("2001-06-15-3").
        if n + 1 == rule.pattern.len()
            && matches!(el, DayNum | MonthNum | Year4)
            && toks
                .get(j)
                .is_some_and(|t| t.glued && (t.digits().is_some() || t.is_dash()))
        {
            return None;
        }
    }
    let valid = match (parts.month, parts.day) {
        (Some(m), Some(d)) => d <= days_in_month(parts.year, m),
        _ => true,
    };
    valid.then_some((parts, j))
}

/// Every reading of a date starting at token `i` that ends furthest: usually one, two for a
/// numeric date that is valid both day-first and month-first.
/// Each comes with the name of the rule that read it.
pub(crate) fn dates_at(toks: &[Token], i: usize, mode: Mode) -> Vec<(Date, usize, &'static str)> {
    let mut found: Vec<(Date, usize, &'static str)> = Vec::new();
    for rule in RULES.iter().filter(|r| r.prose || mode == Mode::Answer) {
        let Some((parts, end)) = match_rule(rule, toks, i, mode) else {
            continue;
        };
        let date = Date {
            year: parts.year,
            month: parts.month,
            day: parts.day,
            precision: rule.precision,
        };
        if found.first().is_some_and(|(_, e, _)| *e > end) {
            continue;
        }
        if found.first().is_some_and(|(_, e, _)| *e < end) {
            found.clear();
        }
        if !found.iter().any(|(d, _, _)| *d == date) {
            found.push((date, end, rule.name));
        }
    }
    let spans = [
        decade_at(toks, i).map(|(d, e)| (d, e, "decade")),
        century_at(toks, i).map(|(d, e)| (d, e, "century")),
    ];
    for (date, end, name) in spans.into_iter().flatten() {
        if found.first().is_none_or(|(_, e, _)| *e < end) {
            found = vec![(date, end, name)];
        }
    }
    found
}

/// "the 1990s", "1990's", "the '90s", "the nineties", "the nineteen-nineties"; "the 1800s"
/// is a century (but "the 2000s" a decade).
fn decade_at(toks: &[Token], i: usize) -> Option<(Date, usize)> {
    let mut j = i;
    if toks.get(j).is_some_and(|t| t.is_word("the")) {
        j += 1;
    }
    let t = toks.get(j)?;
    let plural_s = |k: usize| -> Option<usize> {
        let n = toks.get(k)?;
        if n.glued && n.is_word("s") {
            return Some(k + 1);
        }
        let apostrophe = n.glued && matches!(n.sym(), Some('\'' | '\u{2019}'));
        let s = toks.get(k + 1)?;
        (apostrophe && s.glued && s.is_word("s")).then_some(k + 2)
    };
    let (year, end) = if let Some(d) = t.digits() {
        let v = d.value.to_i64()?;
        if !d.plain || d.int_len != 4 || v % 10 != 0 {
            return None;
        }
        (v as i32, plural_s(j + 1)?)
    } else if matches!(t.sym(), Some('\'' | '\u{2019}')) {
        let d = toks.get(j + 1).filter(|n| n.glued)?.digits()?;
        let v = d.value.to_i64()? as i32;
        if !d.plain || d.int_len != 2 || v % 10 != 0 {
            return None;
        }
        let century = if v <= 10 { 2000 } else { 1900 };
        (century + v, plural_s(j + 2)?)
    } else {
        let word = t.word()?;
        if let Some((_, v)) = DECADE_WORDS.iter().find(|(w, _)| *w == word) {
            (1900 + i32::from(*v), j + 1)
        } else {
            // "nineteen-nineties", "eighteen eighties"
            let high = cardinal_value(word).filter(|v| (10..=20).contains(v))?;
            let mut k = j + 1;
            if toks.get(k).is_some_and(|t| t.is_dash() && t.glued) {
                k += 1;
            }
            let low = toks.get(k)?.word()?;
            let (_, v) = DECADE_WORDS.iter().find(|(w, _)| *w == low)?;
            (i32::from(high) * 100 + i32::from(*v), k + 1)
        }
    };
    let precision = if year % 100 == 0 && year != 2000 {
        Precision::Century
    } else {
        Precision::Decade
    };
    Some((Date::span(year, precision), end))
}

/// "the 19th century", "the nineteenth century", "the 5th century BC".
fn century_at(toks: &[Token], i: usize) -> Option<(Date, usize)> {
    let mut j = i;
    if toks.get(j).is_some_and(|t| t.is_word("the")) {
        j += 1;
    }
    let (n, end) = if let Some(d) = toks.get(j)?.digits() {
        let suffix = toks.get(j + 1).filter(|s| s.glued)?.word()?;
        if !d.plain || !is_ordinal_suffix(suffix) {
            return None;
        }
        (d.value.to_i64()?, j + 2)
    } else {
        let w = read_words(toks, j)?;
        if !w.ordinal {
            return None;
        }
        (w.value.to_i64()?, w.end)
    };
    let mut k = end;
    if toks.get(k).is_some_and(|t| t.is_dash() && t.glued) {
        k += 1;
    }
    if !toks.get(k).is_some_and(|t| t.is_word("century")) || !(1..=30).contains(&n) {
        return None;
    }
    k += 1;
    let n = n as i32;
    match era_at(toks, k) {
        Some((true, e)) => Some((Date::span(-n * 100, Precision::Century), e)),
        Some((false, e)) => Some((Date::span((n - 1) * 100, Precision::Century), e)),
        None => Some((Date::span((n - 1) * 100, Precision::Century), k)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokens;
    use super::*;

    fn read(s: &str, mode: Mode) -> Vec<String> {
        let toks = tokens(s);
        dates_at(&toks, 0, mode)
            .into_iter()
            .filter(|(_, end, _)| *end == toks.len())
            .map(|(d, _, _)| format!("{d} [{}]", d.precision.name()))
            .collect()
    }

    /// Each row: a date as prose writes it, and how it reads.
    const PROSE: &[(&str, &str)] = &[
        ("15 June 2001", "15 June 2001 [day]"),
        ("15th June 2001", "15 June 2001 [day]"),
        ("the 15th of June, 2001", "15 June 2001 [day]"),
        ("Sunday, 4 July 1776", "4 July 1776 [day]"),
        ("June 15, 2001", "15 June 2001 [day]"),
        ("June 15th 2001", "15 June 2001 [day]"),
        ("Jun. 15, 2001", "15 June 2001 [day]"),
        ("Sept 3, 1939", "3 September 1939 [day]"),
        ("2001-06-15", "15 June 2001 [day]"),
        ("15.06.2001", "15 June 2001 [day]"),
        ("June 2001", "June 2001 [month]"),
        ("June of 2001", "June 2001 [month]"),
        ("15 June", "15 June [day]"),
        ("June 15", "15 June [day]"),
        ("2001", "2001 [year]"),
        ("44 BC", "44 BC [year]"),
        ("44 B.C.", "44 BC [year]"),
        ("AD 800", "800 [year]"),
        ("753 BCE", "753 BC [year]"),
        ("the 1990s", "the 1990s [decade]"),
        ("1990s", "the 1990s [decade]"),
        ("the 1990's", "the 1990s [decade]"),
        ("the '60s", "the 1960s [decade]"),
        ("the nineties", "the 1990s [decade]"),
        ("the nineteen-eighties", "the 1980s [decade]"),
        ("the 2000s", "the 2000s [decade]"),
        ("the 1800s", "the 19th century [century]"),
        ("the 19th century", "the 19th century [century]"),
        ("the nineteenth century", "the 19th century [century]"),
        ("the 5th century BC", "the 5th century BC [century]"),
        ("29 February 2000", "29 February 2000 [day]"),
    ];

    /// Each row: text that must not read (in full) as a date in prose.
    const NOT_PROSE: &[&str] = &[
        "may 2001",
        "15 june 2001",
        "999",
        "3000",
        "2001-06",
        "2001s",
        "2001km",
        "31 June 2001",
        "29 February 2001",
        "2,001",
        "20.01",
        "2001-06-15-3",
        "June",
        "the 1995s",
        "the 40th century",
        "-44",
    ];

    /// Each row: an answer and how it reads.
    const ANSWERS: &[(&str, &str)] = &[
        ("june 2001", "June 2001 [month]"),
        ("2001-06", "June 2001 [month]"),
        ("june", "June [month]"),
        ("'96", "1996 [year]"),
        ("’05", "2005 [year]"),
        ("-44", "44 BC [year]"),
        ("44bc", "44 BC [year]"),
        ("2001ad", "2001 [year]"),
        ("800", "800 [year]"),
        ("nineteen ninety-six", "1996 [year]"),
        ("two thousand and one", "2001 [year]"),
        ("twenty oh one", "2001 [year]"),
        (
            "the fifteenth of june two thousand and one",
            "15 June 2001 [day]",
        ),
    ];

    #[test]
    fn prose_dates_read_at_their_precision() {
        for (s, want) in PROSE {
            assert_eq!(read(s, Mode::Prose), [*want], "{s}");
        }
    }

    #[test]
    fn prose_refuses_what_is_not_a_date() {
        for s in NOT_PROSE {
            assert_eq!(read(s, Mode::Prose), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn answers_may_be_looser() {
        for (s, want) in ANSWERS {
            assert_eq!(read(s, Mode::Answer), [*want], "{s}");
        }
    }

    #[test]
    fn every_rule_has_examples() {
        let mut used: Vec<&str> = Vec::new();
        for (text, mode) in PROSE
            .iter()
            .map(|(s, _)| (*s, Mode::Prose))
            .chain(ANSWERS.iter().map(|(s, _)| (*s, Mode::Answer)))
            .chain([("05/06/2001", Mode::Prose), ("06/15/2001", Mode::Prose)])
        {
            let toks = tokens(text);
            used.extend(dates_at(&toks, 0, mode).iter().map(|(_, _, rule)| *rule));
        }
        for rule in RULES.iter().map(|r| r.name).chain(["decade", "century"]) {
            assert!(used.contains(&rule), "no example reads as {rule}");
        }
    }

    #[test]
    fn an_ambiguous_numeric_date_has_both_readings() {
        assert_eq!(
            read("05/06/2001", Mode::Prose),
            ["5 June 2001 [day]", "6 May 2001 [day]"]
        );
        assert_eq!(read("06/15/2001", Mode::Prose), ["15 June 2001 [day]"]);
    }

    #[test]
    fn eras_are_read_with_or_without_dots() {
        for (s, bc) in [
            ("BC", true),
            ("B.C.", true),
            ("bce", true),
            ("AD", false),
            ("A.D.", false),
            ("CE", false),
        ] {
            let toks = tokens(s);
            assert_eq!(era_at(&toks, 0), Some((bc, toks.len())), "{s}");
        }
        assert_eq!(era_at(&tokens("bad"), 0), None);
        assert_eq!(era_at(&tokens("BC."), 0), Some((true, 1)));
    }

    #[test]
    fn years_cover_their_span() {
        let decade = Date::span(1990, Precision::Decade);
        assert_eq!(decade.years(), Some((1990, 1999)));
        assert!(decade.covers_year(1996) && !decade.covers_year(2000));
        let bc = Date::span(-500, Precision::Century);
        assert_eq!(bc.years(), Some((-500, -401)));
        assert_eq!(Date::from_day(2001, 6, 15).years(), Some((2001, 2001)));
    }

    #[test]
    fn month_names_and_numbers() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("jUnE"), Some(6));
        assert_eq!(month_number("Ju"), None);
        assert_eq!(month_name(12), Some("December"));
        assert_eq!(month_name(13), None);
        assert_eq!(month_name(0), None);
    }

    #[test]
    fn leap_years() {
        assert_eq!(days_in_month(Some(2000), 2), 29);
        assert_eq!(days_in_month(Some(1900), 2), 28);
        assert_eq!(days_in_month(Some(2004), 2), 29);
        assert_eq!(days_in_month(None, 2), 29);
        assert_eq!(days_in_month(Some(-1), 2), 29);
    }
}

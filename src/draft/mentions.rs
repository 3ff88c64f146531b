//! Dates, numbers and quantities in a sentence, as the extractor needs them: each mention with
//! its byte range, its text as written, its value and the preposition before it.
//!
//! This is the extractor's one door to number reading, kept narrow on purpose: the shared
//! parser in `src/numbers` (also used by the answer checker) is meant to sit behind it, and
//! nothing else in `draft/` reads digits or month names itself.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::deck::FactDate;
use crate::draft::text::month_number;

/// What a mention says.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Date(FactDate),
    /// "the 1990s": the first year of the decade.
    Decade(i32),
    /// "from 1994 to 2000", "between 1915 and 1918".
    DateRange(FactDate, FactDate),
    /// A number with its unit as written ("km", "square kilometres", "€"), if any. Counted
    /// nouns ("38 nurses") are not units: the patterns read them.
    Number {
        value: f64,
        unit: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub range: Range<usize>,
    /// The text of `range`, as written.
    pub written: String,
    pub value: Value,
    /// Hedged ("about", "some", "more than", "roughly").
    pub approx: bool,
    /// The lowercased word right before the mention ("in", "since", "after"...).
    pub relation: Option<String>,
}

impl Mention {
    pub fn date(&self) -> Option<FactDate> {
        match self.value {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }

    pub fn number(&self) -> Option<(f64, Option<&str>)> {
        match &self.value {
            Value::Number { value, unit } => Some((*value, unit.as_deref())),
            _ => None,
        }
    }
}

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?";
const APPROX: &str = r"(?i:about|around|roughly|approximately|some|nearly|almost|more than|less than|fewer than|up to|at least|just over|just under|well over|c\.|circa)";
const UNITS: &str = r"(?:square kilometres|square kilometers|square km|square miles|square metres|square meters|km²|km2|m²|kilometres|kilometers|km|metres|meters|nautical miles|miles|mi|feet|ft|m|percent|per cent|%|kilograms|kg|tonnes|tons|seconds|minutes|hours|GeV|TeV|MeV|°C|degrees)";
const SCALE: &str = r"(?:thousand|million|billion|trillion)";
const CURRENCY: &str = r"(?:€|\$|£|¥|US\$)";

/// Number words a count is written with in prose.
const NUMBER_WORDS: &[(&str, u32)] = &[
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
    ("hundred", 100),
];

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("mention patterns are valid")
}

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?P<m>{MONTH}),? (?P<y>\d{{3,4}})\b"
    ))
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?P<m>{MONTH}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?, (?P<y>\d{{3,4}})\b"
    ))
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?P<m>{MONTH}),? (?P<y>\d{{4}})\b")));
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?i:from|between) (?:(?P<m1>{MONTH}) )?(?P<y1>\d{{3,4}}) (?:to|and|until|through) (?:(?P<m2>{MONTH}) )?(?P<y2>\d{{3,4}})\b"
    ))
});
static DECADE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?P<y>\d{3}0)s\b"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?P<y>\d{3,4})\b"));
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:\b(?P<approx>{APPROX}) )?(?P<cur>{CURRENCY})?\b(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(?P<f>\d+))?(?: (?P<scale>{SCALE}))?(?:[  ]?(?P<unit>{UNITS})(?:\b|$|[^\p{{L}}]))?"
    ))
});
static WORD_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = NUMBER_WORDS.iter().map(|(w, _)| *w).collect();
    re(&format!(
        r"(?:\b(?P<approx>{APPROX}) )?\b(?P<w>{})\b(?: (?P<scale>{SCALE}))?",
        words.join("|")
    ))
});

/// Words after which a bare three- or four-digit number is a year.
const YEAR_WORDS: &[&str] = &[
    "in", "on", "since", "by", "from", "to", "until", "till", "before", "after", "of", "year",
    "around", "circa", "and", "or", "between", "during", "early", "late", "mid", "summer",
    "winter", "spring", "autumn",
];

static OPENING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = NUMBER_WORDS
        .iter()
        .map(|(w, _)| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        })
        .collect();
    re(&format!(
        r"^(?P<w>{})\b(?: (?P<scale>{SCALE}))?",
        words.join("|")
    ))
});

fn date(c: &Captures) -> Option<FactDate> {
    let year: i32 = c.name("y")?.as_str().parse().ok()?;
    let month = c.name("m").and_then(|m| month_number(m.as_str()));
    let day = c
        .name("d")
        .and_then(|d| d.as_str().parse::<u8>().ok())
        .filter(|d| (1..=31).contains(d));
    Some(FactDate { year, month, day })
}

/// The exact value of digits written with an optional fraction and scale word, without float
/// noise: "2.3 million" is 2300000, "4.5" is 4.5.
fn exact(int: &str, fraction: Option<&str>, scale: Option<&str>) -> Option<f64> {
    let zeros = match scale.map(str::to_lowercase).as_deref() {
        Some("thousand") => 3,
        Some("million") => 6,
        Some("billion") => 9,
        Some("trillion") => 12,
        _ => 0,
    };
    let int = int.replace(',', "");
    let fraction = fraction.unwrap_or("");
    if fraction.len() <= zeros {
        let digits = format!("{int}{fraction}{}", "0".repeat(zeros - fraction.len()));
        digits.parse().ok()
    } else {
        let (kept, rest) = fraction.split_at(zeros);
        format!("{int}{kept}.{rest}").parse().ok()
    }
}

fn word_value(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|(_, v)| *v)
}

fn relation(text: &str, start: usize) -> Option<String> {
    text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn unit_name(unit: &str) -> String {
    match unit {
        "square kilometres" | "square kilometers" | "square km" | "km2" => "km²".into(),
        "square metres" | "square meters" => "m²".into(),
        "kilometres" | "kilometers" => "km".into(),
        "metres" | "meters" => "m".into(),
        "feet" => "ft".into(),
        "mi" => "miles".into(),
        "per cent" | "%" => "percent".into(),
        "kilograms" => "kg".into(),
        other => other.into(),
    }
}

/// Every date, date range, decade and number in a sentence, in order, none overlapping.
pub fn scan(text: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let free = |out: &[Mention], r: &Range<usize>| {
        out.iter()
            .all(|m| m.range.end <= r.start || r.end <= m.range.start)
    };
    let push = |out: &mut Vec<Mention>, range: Range<usize>, value: Value, approx: bool| {
        if free(out, &range) {
            out.push(Mention {
                written: text[range.clone()].to_string(),
                relation: relation(text, range.start),
                range,
                value,
                approx,
            });
        }
    };
    for c in RANGE.captures_iter(text) {
        let whole = c.get(0).expect("group 0");
        let side = |m: &str, y: &str| -> Option<FactDate> {
            Some(FactDate {
                year: c.name(y)?.as_str().parse().ok()?,
                month: c.name(m).and_then(|m| month_number(m.as_str())),
                day: None,
            })
        };
        if let (Some(a), Some(b)) = (side("m1", "y1"), side("m2", "y2"))
            && a.year <= b.year
            && b.year <= 2100
        {
            push(&mut out, whole.range(), Value::DateRange(a, b), false);
        }
    }
    for regex in [&*DAY_MONTH_YEAR, &*MONTH_DAY_YEAR, &*MONTH_YEAR] {
        for c in regex.captures_iter(text) {
            if let Some(d) = date(&c) {
                push(
                    &mut out,
                    c.get(0).expect("group 0").range(),
                    Value::Date(d),
                    false,
                );
            }
        }
    }
    for c in DECADE.captures_iter(text) {
        let whole = c.get(0).expect("group 0");
        if let Ok(y) = c["y"].parse() {
            push(&mut out, whole.range(), Value::Decade(y), false);
        }
    }
    for c in YEAR.captures_iter(text) {
        let whole = c.get(0).expect("group 0");
        let Ok(year) = c["y"].parse::<i32>() else {
            continue;
        };
        let before = relation(text, whole.start());
        let after = &text[whole.end()..];
        // Part of a bigger number ("4,300", "2.5") or followed by a unit: not a year.
        let glued = text[..whole.start()].ends_with([',', '.', '-', '€', '$', '£'])
            || after.starts_with(|c: char| {
                c == ',' && after[1..].starts_with(|d: char| d.is_ascii_digit())
            })
            || after.starts_with(|c: char| {
                c == '.' && after[1..].starts_with(|d: char| d.is_ascii_digit())
            });
        let unit_after = NUMBER.captures(&text[whole.start()..]).is_some_and(|n| {
            n.get(0).is_some_and(|m| m.start() == 0)
                && (n.name("unit").is_some() || n.name("scale").is_some())
        });
        let four = c["y"].len() == 4 && (1000..=2100).contains(&year);
        let after_word = before.as_deref().is_some_and(|w| YEAR_WORDS.contains(&w));
        // "in 930" is a year; "more than 100 years", "some 670 riders" are not.
        let three = c["y"].len() == 3
            && after_word
            && year >= 100
            && !text[whole.end()..].starts_with(" years");
        if !glued && !unit_after && (four || three) {
            push(
                &mut out,
                whole.range(),
                Value::Date(FactDate {
                    year,
                    month: None,
                    day: None,
                }),
                false,
            );
        }
    }
    for c in NUMBER.captures_iter(text) {
        let whole = c.get(0).expect("group 0");
        let end = c
            .name("unit")
            .or(c.name("scale"))
            .or(c.name("f"))
            .unwrap_or(c.name("n").expect("n"))
            .end();
        let Some(value) = exact(
            &c["n"],
            c.name("f").map(|f| f.as_str()),
            c.name("scale").map(|s| s.as_str()),
        ) else {
            continue;
        };
        let unit = c
            .name("cur")
            .map(|u| u.as_str().to_string())
            .or(c.name("unit").map(|u| unit_name(u.as_str())));
        push(
            &mut out,
            whole.start()..end,
            Value::Number { value, unit },
            c.name("approx").is_some(),
        );
    }
    // A capitalised number word starts a sentence ("Three ports...") or a name ("the Seven
    // Summits"): only the first is a number.
    let opening = OPENING_NUMBER.captures(text);
    let words = WORD_NUMBER.captures_iter(text).chain(
        opening
            .into_iter()
            .filter(|c| c.get(0).is_some_and(|m| m.start() == 0)),
    );
    for c in words {
        let whole = c.get(0).expect("group 0");
        let Some(n) = word_value(&c["w"]) else {
            continue;
        };
        let zeros = match c.name("scale").map(|s| s.as_str()) {
            Some("thousand") => 1e3,
            Some("million") => 1e6,
            Some("billion") => 1e9,
            Some("trillion") => 1e12,
            _ => 1.0,
        };
        push(
            &mut out,
            whole.range(),
            Value::Number {
                value: f64::from(n) * zeros,
                unit: None,
            },
            c.name("approx").is_some(),
        );
    }
    out.sort_by_key(|m| m.range.start);
    out
}

/// Parses a count word or digits ("six", "38", "2,428"), for patterns that read a count
/// themselves.
pub fn count(word: &str) -> Option<f64> {
    if let Some(v) = word_value(word) {
        return Some(f64::from(v));
    }
    exact(word, None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, Value, bool)> {
        scan(text)
            .into_iter()
            .map(|m| (m.written, m.value, m.approx))
            .collect()
    }

    fn day(year: i32, month: Option<u8>, day: Option<u8>) -> Value {
        Value::Date(FactDate { year, month, day })
    }

    #[test]
    fn dates_in_every_written_form() {
        assert_eq!(
            values(
                "It was founded on 8 August 1967, joined on July 28, 1995, and met in June 2001."
            ),
            [
                ("8 August 1967".into(), day(1967, Some(8), Some(8)), false),
                ("July 28, 1995".into(), day(1995, Some(7), Some(28)), false),
                ("June 2001".into(), day(2001, Some(6), None), false),
            ]
        );
        assert_eq!(
            values("founded in 930 at the rift")[0].1,
            day(930, None, None)
        );
        assert_eq!(values("In 1262 the king")[0].1, day(1262, None, None));
    }

    #[test]
    fn numbers_are_not_years() {
        assert_eq!(
            values("It covers 103,000 square kilometres and rises to 2,110 metres."),
            [
                (
                    "103,000 square kilometres".into(),
                    Value::Number {
                        value: 103000.0,
                        unit: Some("km²".into())
                    },
                    false
                ),
                (
                    "2,110 metres".into(),
                    Value::Number {
                        value: 2110.0,
                        unit: Some("m".into())
                    },
                    false
                ),
            ]
        );
        assert!(
            values("There were 930 of them")
                .iter()
                .all(|(_, v, _)| !matches!(v, Value::Date(_)))
        );
    }

    #[test]
    fn scales_and_currencies_are_exact() {
        assert_eq!(
            values("about 2.3 million doses and €45 billion")
                .into_iter()
                .map(|(_, v, a)| (v, a))
                .collect::<Vec<_>>(),
            [
                (
                    Value::Number {
                        value: 2_300_000.0,
                        unit: None
                    },
                    true
                ),
                (
                    Value::Number {
                        value: 45_000_000_000.0,
                        unit: Some("€".into())
                    },
                    false
                ),
            ]
        );
        assert_eq!(exact("4", Some("5"), Some("million")), Some(4_500_000.0));
        assert_eq!(exact("1", Some("2345"), Some("thousand")), Some(1234.5));
    }

    #[test]
    fn ranges_decades_and_words() {
        assert_eq!(
            values("From 1994 to 2000 in the 1990s, six stages")
                .into_iter()
                .map(|(_, v, _)| v)
                .collect::<Vec<_>>(),
            [
                Value::DateRange(
                    FactDate {
                        year: 1994,
                        month: None,
                        day: None
                    },
                    FactDate {
                        year: 2000,
                        month: None,
                        day: None
                    }
                ),
                Value::Decade(1990),
                Value::Number {
                    value: 6.0,
                    unit: None
                },
            ]
        );
        assert_eq!(count("six"), Some(6.0));
        assert_eq!(count("2,428"), Some(2428.0));
    }

    #[test]
    fn relations_are_the_word_before() {
        let found = scan("It has grown since 2004.");
        assert_eq!(found[0].relation.as_deref(), Some("since"));
    }
}

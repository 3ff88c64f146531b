//! Year and date answers, read by the shared reader ([`crate::numbers`]): "2001", "in 2001",
//! "44 BC", "nineteen ninety-six", "two thousand and one", "June 2001", "15 June 2001",
//! "2001-06-15", "the 1990s". A year card takes any date whose year matches and says so; a
//! decade that holds the year is partly right. A date card grades each part it asks for (year,
//! month, day): "right year, wrong month".

use super::{Outcome, Verdict};
use crate::deck::FactDate;
use crate::numbers::{self, Date, Mention, Precision, Value};

/// Credit for a decade that holds the year asked, and for a century.
const DECADE_CREDIT: f32 = 0.5;
const CENTURY_CREDIT: f32 = 0.25;

fn year_text(year: i64) -> String {
    if year < 0 {
        format!("{} BC", -year)
    } else {
        year.to_string()
    }
}

/// "2001", "44 BC", "1990 (±2)".
pub(crate) fn expected_year(answer: i32, tolerance: u32) -> String {
    let year = year_text(i64::from(answer));
    if tolerance > 0 {
        format!("{year} (±{tolerance})")
    } else {
        year
    }
}

fn years(n: u64) -> String {
    if n == 1 {
        "1 year".to_string()
    } else {
        format!("{n} years")
    }
}

/// "3 years too early".
fn off_by(off: i64) -> String {
    let direction = if off > 0 { "too late" } else { "too early" };
    format!("{} {direction}", years(off.unsigned_abs()))
}

/// Example years for a hint, never the answer itself.
fn example_year(answer: i32) -> &'static str {
    if answer == 1850 {
        "1851 or 44 BC"
    } else {
        "1850 or 44 BC"
    }
}

/// The hint when an answer is not a date at all.
fn year_hint(answer: i32) -> String {
    format!(
        "Type a year, in digits or words (like {})",
        example_year(answer)
    )
}

/// The readings of an answer as dates, or what to tell the learner when it is none: the hint
/// for the card, or that a range is not one date.
fn read(given: &str, hint: impl Fn() -> String) -> Result<Vec<Mention>, String> {
    let readings = numbers::read_dates(given);
    if readings.is_empty() {
        return Err(hint());
    }
    if readings
        .iter()
        .all(|m| matches!(m.value, Value::DateRange(..)))
    {
        return Err("Type one date, not a range".to_string());
    }
    Ok(readings)
}

pub(crate) fn check_year(answer: i32, tolerance: u32, given: &str, expected: String) -> Outcome {
    let readings = match read(given, || year_hint(answer)) {
        Ok(r) => r,
        Err(hint) => return Outcome::invalid(expected, hint),
    };
    readings
        .iter()
        .filter_map(|m| m.date().map(|d| (m, d)))
        .map(|(m, d)| grade_year(answer, tolerance, m, d, &expected))
        .max_by(|a, b| a.score.total_cmp(&b.score))
        .unwrap_or_else(|| Outcome::invalid(expected.clone(), year_hint(answer)))
}

fn grade_year(
    answer: i32,
    tolerance: u32,
    mention: &Mention,
    date: &Date,
    expected: &str,
) -> Outcome {
    let Some((first, last)) = date.years() else {
        // "June": a month alone is no year.
        return Outcome::invalid(expected.to_string(), year_hint(answer));
    };
    let (answer, tolerance) = (i64::from(answer), i64::from(tolerance));
    let (low, high) = (answer - tolerance, answer + tolerance);
    let (first, last) = (i64::from(first), i64::from(last));
    match date.precision {
        Precision::Decade | Precision::Century => {
            let span = date.to_string();
            if first <= high && low <= last {
                let credit = if date.precision == Precision::Decade {
                    DECADE_CREDIT
                } else {
                    CENTURY_CREDIT
                };
                let mut outcome = Outcome::new(Verdict::Partial, credit, expected.to_string());
                outcome.note = Some(format!(
                    "Partly right: the year is in {span}, but the year itself was asked"
                ));
                return outcome;
            }
            let off = if last < low {
                last - answer
            } else {
                first - answer
            };
            Outcome::wrong(
                expected.to_string(),
                format!("{} is {}", capitalised(&span), off_by(off)),
            )
        }
        Precision::Year | Precision::Month | Precision::Day => {
            let off = first - answer;
            if off.abs() > tolerance {
                return Outcome::wrong(expected.to_string(), off_by(off));
            }
            let mut notes = Vec::new();
            if date.precision > Precision::Year {
                notes.push("Right: the year is what was asked".to_string());
            } else if !mention.written.chars().any(|c| c.is_ascii_digit()) {
                notes.push(format!("Read as {}", year_text(first)));
            }
            if off != 0 {
                notes.push(format!(
                    "Accepted within ±{}",
                    years(tolerance.unsigned_abs())
                ));
            }
            let mut outcome = Outcome::new(Verdict::Correct, 1.0, expected.to_string());
            outcome.note = (!notes.is_empty()).then(|| notes.join("; "));
            outcome
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The date a card asks for, as the shared reader writes dates.
fn as_date(answer: &FactDate) -> Date {
    match (answer.month, answer.day) {
        (Some(m), Some(d)) => Date::from_day(answer.year, m, d),
        (Some(m), None) => Date::from_month(answer.year, m),
        _ => Date::from_year(answer.year),
    }
}

/// "15 June 2001", "June 2001", "44 BC".
pub(crate) fn expected_date(answer: &FactDate) -> String {
    as_date(answer).to_string()
}

fn date_hint(answer: &FactDate) -> String {
    let example = if answer.year == 1921 {
        "3 March 1922 or 1922-03-03"
    } else {
        "3 March 1921 or 1921-03-03"
    };
    let what = match (answer.month, answer.day) {
        (Some(_), Some(_)) => "a date",
        (Some(_), None) => "a month and year",
        _ => "a year",
    };
    format!("Type {what}, like {example}")
}

/// How one part of a date was answered.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Right,
    /// A decade or century that holds the year: part credit.
    Near(f32),
    Wrong,
    Missing,
}

impl Part {
    fn credit(self) -> f32 {
        match self {
            Part::Right => 1.0,
            Part::Near(c) => c,
            Part::Wrong | Part::Missing => 0.0,
        }
    }
}

fn part(expected: u8, given: Option<u8>) -> Part {
    match given {
        None => Part::Missing,
        Some(g) if g == expected => Part::Right,
        Some(_) => Part::Wrong,
    }
}

/// "right year and month, wrong day; 2 years too early".
fn describe(parts: &[(&str, Part)], year_off: Option<i64>) -> String {
    let names = |p: Part| -> Vec<&str> {
        parts
            .iter()
            .filter(|(_, q)| std::mem::discriminant(q) == std::mem::discriminant(&p))
            .map(|(n, _)| *n)
            .collect()
    };
    let join = |names: Vec<&str>| -> String {
        match names.as_slice() {
            [] => String::new(),
            [one] => one.to_string(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        }
    };
    let mut pieces = Vec::new();
    let right = names(Part::Right);
    if !right.is_empty() {
        pieces.push(format!("right {}", join(right)));
    }
    let near = names(Part::Near(0.0));
    if !near.is_empty() {
        pieces.push(format!("{} only roughly", join(near)));
    }
    let wrong = names(Part::Wrong);
    if !wrong.is_empty() {
        pieces.push(format!("wrong {}", join(wrong)));
    }
    let missing = names(Part::Missing);
    let mut text = capitalised(&pieces.join(", "));
    if !missing.is_empty() {
        let none = format!("no {} given", join(missing));
        if text.is_empty() {
            text = capitalised(&none);
        } else {
            text.push_str("; ");
            text.push_str(&none);
        }
    }
    if let Some(off) = year_off.filter(|o| *o != 0) {
        text.push_str(&format!(" (the year is {})", off_by(off)));
    }
    text
}

fn grade_date(answer: &FactDate, date: &Date, expected: &str) -> Outcome {
    let mut parts: Vec<(&str, Part)> = Vec::new();
    let mut year_off = None;
    let year_part = match (date.years(), date.precision) {
        (None, _) => Part::Missing,
        (Some((first, last)), Precision::Decade | Precision::Century) => {
            if (first..=last).contains(&answer.year) {
                Part::Near(if date.precision == Precision::Decade {
                    DECADE_CREDIT
                } else {
                    CENTURY_CREDIT
                })
            } else {
                Part::Wrong
            }
        }
        (Some((first, _)), _) => {
            year_off = Some(i64::from(first) - i64::from(answer.year));
            if first == answer.year {
                Part::Right
            } else {
                Part::Wrong
            }
        }
    };
    parts.push(("year", year_part));
    let given_month = date.month.filter(|_| date.precision >= Precision::Month);
    let given_day = date.day.filter(|_| date.precision >= Precision::Day);
    if let Some(m) = answer.month {
        parts.push(("month", part(m, given_month)));
    }
    if let Some(d) = answer.day {
        parts.push(("day", part(d, given_day)));
    }
    let score = parts.iter().map(|(_, p)| p.credit()).sum::<f32>() / parts.len() as f32;
    let all_right = parts.iter().all(|(_, p)| *p == Part::Right);
    if all_right {
        let mut outcome = Outcome::new(Verdict::Correct, 1.0, expected.to_string());
        let asked = as_date(answer).precision;
        if date.precision > asked {
            outcome.note = Some(format!("Right: the {} is what was asked", asked.name()));
        }
        return outcome;
    }
    let verdict = if score > 0.0 {
        Verdict::Partial
    } else {
        Verdict::Wrong
    };
    let mut outcome = Outcome::new(verdict, score, expected.to_string());
    outcome.note = Some(describe(&parts, year_off));
    outcome
}

pub(crate) fn check_date(answer: &FactDate, given: &str, expected: String) -> Outcome {
    let readings = match read(given, || date_hint(answer)) {
        Ok(r) => r,
        Err(hint) => return Outcome::invalid(expected, hint),
    };
    readings
        .iter()
        .filter_map(Mention::date)
        .map(|d| grade_date(answer, d, &expected))
        .max_by(|a, b| a.score.total_cmp(&b.score))
        .unwrap_or_else(|| Outcome::invalid(expected.clone(), date_hint(answer)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_forms() {
        assert_eq!(expected_year(-44, 0), "44 BC");
        assert_eq!(expected_year(1990, 2), "1990 (±2)");
        let day = FactDate {
            year: 2001,
            month: Some(6),
            day: Some(15),
        };
        assert_eq!(expected_date(&day), "15 June 2001");
        let month = FactDate { day: None, ..day };
        assert_eq!(expected_date(&month), "June 2001");
    }

    #[test]
    fn descriptions_name_each_part() {
        use Part::*;
        assert_eq!(
            describe(
                &[("year", Right), ("month", Wrong), ("day", Missing)],
                Some(0)
            ),
            "Right year, wrong month; no day given"
        );
        assert_eq!(
            describe(
                &[("year", Wrong), ("month", Right), ("day", Right)],
                Some(-3)
            ),
            "Right month and day, wrong year (the year is 3 years too early)"
        );
        assert_eq!(
            describe(&[("year", Near(0.5)), ("month", Missing)], None),
            "Year only roughly; no month given"
        );
    }

    #[test]
    fn hints_never_give_the_answer_away() {
        assert!(!year_hint(1850).contains("1850"));
        assert!(year_hint(2001).contains("1850"));
        let d = FactDate {
            year: 1921,
            month: Some(3),
            day: Some(3),
        };
        assert!(!date_hint(&d).contains("1921"));
    }
}

//! Number answers, read by the shared reader ([`crate::numbers`]): digits with any separators,
//! number words ("three hundred and twelve", "a dozen"), scale words ("2.3 billion"),
//! ordinals ("third"), hedges ("about"), units in any spelling ("kilometres", "km") and
//! currencies, compared within the card's tolerance. A typo allowance never applies; the
//! tolerance is the only slack. A unit of the same dimension is converted only on cards
//! that allow it (`convert_units`).

use super::{Outcome, Verdict};
use crate::numbers::{self, Approx, Decimal, Quantity, Unit};

/// Relative slack for comparing a value read exactly with a deck's `f64`.
const EPSILON: f64 = 1e-9;

/// A converted answer may be rounded by the learner, by at most this share of the value.
const ROUNDING_SHARE: f64 = 0.02;

/// A number for display: the shortest digits that read back as `value`, never float noise.
pub(crate) fn format_number(value: f64) -> String {
    Decimal::from_f64(value).map_or_else(|| value.to_string(), |d| d.to_string())
}

fn with_unit(value: f64, unit: Option<&str>) -> String {
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) if u.starts_with('%') => format!("{}{u}", format_number(value)),
        Some(u) => format!("{} {u}", format_number(value)),
        None => format_number(value),
    }
}

/// "4300 km (±50)".
pub fn expected_number(answer: f64, tolerance: f64, unit: Option<&str>) -> String {
    // A range (a GIFT `{#2000..2003}`, a deck's `range = [...]`) reads as its ends.
    if let Some((low, high)) = crate::deck::number_range(answer, tolerance) {
        return format!("{}-{}", format_number(low), with_unit(high, unit));
    }
    let shown = with_unit(answer, unit);
    if tolerance.abs() > 0.0 {
        format!("{shown} (±{})", format_number(tolerance.abs()))
    } else {
        shown
    }
}

/// One way the card's answer may be given.
struct Reading {
    value: f64,
    tolerance: f64,
    unit: Option<Unit>,
    /// Only an answer without a unit reads this way (3.3 on a "million people" card).
    bare_only: bool,
}

/// A card unit that starts with a scale ("million people") can be answered either in that
/// unit ("3.3") or in plain numbers ("3.3 million", "3,300,000 people").
fn readings(answer: f64, tolerance: f64, unit: Option<&str>) -> Vec<Reading> {
    let (scale, unit) = numbers::read_unit(unit.unwrap_or(""));
    let tolerance = tolerance.abs();
    if scale == 0 {
        return vec![Reading {
            value: answer,
            tolerance,
            unit,
            bare_only: false,
        }];
    }
    let factor = 10f64.powi(scale);
    vec![
        Reading {
            value: answer,
            tolerance,
            unit: None,
            bare_only: true,
        },
        Reading {
            value: answer * factor,
            tolerance: tolerance * factor,
            unit,
            bare_only: false,
        },
    ]
}

/// How the learner's unit relates to a reading's.
enum Fit {
    /// The same unit (or none given): the value as read.
    Same(f64),
    /// Another unit of the same dimension, converted: the value in the card's unit and how
    /// far the learner's rounding may move it.
    Converted(f64, f64),
    Wrong,
}

fn fit(reading: &Reading, q: &Quantity, convert: bool) -> Fit {
    let value = q.value.to_f64();
    match (&reading.unit, &q.unit) {
        (_, None) => Fit::Same(value),
        (None, Some(_)) if reading.bare_only => Fit::Wrong,
        (None, Some(_)) => Fit::Same(value),
        (Some(a), Some(b)) if a.same(b) => Fit::Same(value),
        (Some(a), Some(b)) if convert => {
            let Some(converted) = numbers::convert(value, b, a) else {
                return Fit::Wrong;
            };
            // "2,700 miles" may be rounded to its last non-zero digit; "2,672" to units.
            let half = q.value.significance().to_f64() / 2.0;
            let edge = numbers::convert(value + half, b, a).unwrap_or(converted);
            let slack = (edge - converted)
                .abs()
                .min(ROUNDING_SHARE * reading.value.abs());
            Fit::Converted(converted, slack)
        }
        _ => Fit::Wrong,
    }
}

fn close(value: f64, reading: &Reading, slack: f64) -> bool {
    (value - reading.value).abs()
        <= reading.tolerance + slack + EPSILON * reading.value.abs().max(1.0)
}

fn exact(value: f64, reading: &Reading) -> bool {
    (value - reading.value).abs() <= EPSILON * reading.value.abs().max(1.0)
}

/// How an answer that is not a number is told what to type, without giving the answer away.
fn number_hint(answer: f64, unit: Option<&str>) -> String {
    let example = [12.0, 7.0, 30.0]
        .into_iter()
        .find(|e| (e - answer).abs() > 0.5)
        .unwrap_or(12.0);
    let words = numbers::cardinal_words(example as u64);
    let unit = unit.map(str::trim).filter(|u| !u.is_empty());
    match unit {
        Some(u) => format!(
            "Type a number in {u}, in digits or words (like {} or {words})",
            format_number(example)
        ),
        None => format!(
            "Type a number, in digits or words (like {} or {words})",
            format_number(example)
        ),
    }
}

/// Notes on what was accepted: how the answer was read when it was written in words, and a
/// bound ("over", "at least") that the grading ignored.
fn read_notes(given: &str, q: &Quantity, approx: Option<Approx>) -> Vec<String> {
    let mut notes = Vec::new();
    let plain = Quantity {
        unit: None,
        ordinal: false,
        ..q.clone()
    };
    if !given.chars().any(|c| c.is_ascii_digit()) {
        notes.push(format!("Read as {plain}"));
    }
    if let Some(a @ (Approx::Over | Approx::Under | Approx::AtLeast | Approx::AtMost)) = approx {
        notes.push(format!(
            "“{}” ignored: the number itself is asked",
            a.word()
        ));
    }
    notes
}

pub(crate) fn check_number(
    answer: f64,
    tolerance: f64,
    unit: Option<&str>,
    convert: bool,
    given: &str,
    expected: String,
) -> Outcome {
    let Some(mention) = numbers::read_quantity(given) else {
        return Outcome::invalid(expected, number_hint(answer, unit));
    };
    let Some(q) = mention.quantity() else {
        return Outcome::invalid(expected, number_hint(answer, unit));
    };
    let readings = readings(answer, tolerance, unit);
    let fits: Vec<(&Reading, Fit)> = readings.iter().map(|r| (r, fit(r, q, convert))).collect();
    for (reading, fit) in &fits {
        let (value, slack, converted) = match fit {
            Fit::Same(v) => (*v, 0.0, false),
            Fit::Converted(v, slack) => (*v, *slack, true),
            Fit::Wrong => continue,
        };
        if !close(value, reading, slack) {
            continue;
        }
        let mut notes = read_notes(given, q, mention.approx);
        if converted {
            let shown = reading.unit.as_ref().map_or("", |u| u.symbol());
            notes.push(format!(
                "Converted: {} is {} {shown}",
                q,
                format_number(round_like(value, reading.value))
            ));
        } else if !exact(value, reading) {
            notes.push(format!(
                "Accepted within ±{}",
                format_number(reading.tolerance)
            ));
        }
        let mut outcome = Outcome::new(Verdict::Correct, 1.0, expected);
        outcome.note = (!notes.is_empty()).then(|| notes.join("; "));
        return outcome;
    }
    let fitting: Vec<(&Reading, f64)> = fits
        .iter()
        .filter_map(|(r, f)| match f {
            Fit::Same(v) | Fit::Converted(v, _) => Some((*r, *v)),
            Fit::Wrong => None,
        })
        .collect();
    if fitting.is_empty() {
        let written = mention
            .unit_range
            .clone()
            .and_then(|r| given.get(r))
            .unwrap_or("");
        return Outcome::wrong(
            expected,
            format!(
                "Wrong unit: expected {}, you wrote {written}",
                unit.unwrap_or("").trim()
            ),
        );
    }
    let (reading, value) = fitting
        .iter()
        .min_by(|(a, va), (b, vb)| {
            let relative =
                |r: &Reading, v: f64| (v - r.value).abs() / r.value.abs().max(f64::MIN_POSITIVE);
            relative(a, *va).total_cmp(&relative(b, *vb))
        })
        .copied()
        .expect("fitting is not empty");
    let mut notes = vec![
        if value > reading.value {
            "Too high"
        } else {
            "Too low"
        }
        .to_string(),
    ];
    notes.extend(read_notes(given, q, None));
    Outcome::wrong(expected, notes.join("; "))
}

/// `value` rounded to as many decimal places as `like` is written with.
fn round_like(value: f64, like: f64) -> f64 {
    let places = Decimal::from_f64(like).map_or(0, |d| (-d.normalized().exponent()).max(0));
    let factor = 10f64.powi(places);
    (value * factor).round() / factor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_forms() {
        assert_eq!(expected_number(4300.0, 50.0, Some("km")), "4300 km (±50)");
        assert_eq!(expected_number(12.5, 0.0, Some("%")), "12.5%");
        assert_eq!(expected_number(0.1 + 0.2, 0.0, None), "0.30000000000000004");
        // A middle with more decimals than its ends reads as the range (GIFT writes ranges so).
        assert_eq!(expected_number(0.35, 0.05, None), "0.3-0.4");
    }

    #[test]
    fn hints_never_give_the_answer_away() {
        assert!(number_hint(12.0, None).contains("like 7 or seven"));
        assert!(number_hint(4300.0, Some("km")).starts_with("Type a number in km"));
    }

    #[test]
    fn scaled_units_read_both_ways() {
        let r = readings(3.3, 0.1, Some("million people"));
        assert_eq!(r.len(), 2);
        assert!(r[0].bare_only && r[0].unit.is_none());
        assert!((r[1].value - 3.3e6).abs() < 1.0);
        assert!((r[1].tolerance - 1e5).abs() < 1e-6);
    }

    #[test]
    fn a_value_read_exactly_equals_a_deck_float() {
        // 4.1 × 10^6 is 4099999.9999999995 in floating point.
        let outcome = check_number(
            4.1,
            0.0,
            Some("million people"),
            false,
            "4,100,000 people",
            String::new(),
        );
        assert_eq!((outcome.verdict, outcome.note), (Verdict::Correct, None));
    }

    #[test]
    fn rounding_follows_the_card() {
        assert_eq!(round_like(2671.896, 4300.0), 2672.0);
        assert_eq!(round_like(12.345, 12.5), 12.3);
    }
}

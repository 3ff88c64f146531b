//! Dates, numbers and quantities in a sentence, as the extractor needs them: each mention with
//! its byte range, its text as written, its value and the preposition before it.
//!
//! This is the extractor's one door to number reading, and it reads nothing itself: the
//! shared parser (`crate::numbers`, also the answer checker's) finds every mention, and this
//! adapter only says what each is to the patterns. Three readings are the extractor's own,
//! because they depend on what the patterns do with a mention, not on how it is written:
//! - a counted noun ("38 nurses", "390,000 inhabitants") stays in the sentence for the
//!   patterns to read ("the number of nurses"), so the mention ends before it;
//! - a bare number of three digits after "in", "since", "by" or "around" and before no noun
//!   ("founded in 930") is a year: the shared parser asks four digits of a year in prose;
//! - a rank ("first", "tenth", "3rd") stays a word of the sentence ("its first director");
//! - a date without a year ("on 8 August", "Sept. 11"), a decade ("the 1990s") and a range
//!   with a decade in it are not dates an event can be asked by.

use std::ops::Range;

use crate::deck::FactDate;
use crate::numbers::{self, Dimension, Precision, Relation, Unit};

/// What a mention says.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Date(FactDate),
    /// "from 1994 to 2000", "between 1915 and 1918".
    DateRange(FactDate, FactDate),
    /// A number with its unit ("km", "km²", "€", "%"), if it has one that is not a counted
    /// noun.
    Number {
        value: f64,
        unit: Option<String>,
    },
    /// A date or period no event is asked by: "8 August", "the 1990s".
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub range: Range<usize>,
    /// The text of `range`, as written.
    pub written: String,
    pub value: Value,
    /// Hedged ("about", "some", "more than", "roughly").
    pub approx: bool,
    /// The preposition right before the mention ("in", "since", "after"...).
    pub relation: Option<&'static str>,
}

fn relation_word(relation: Relation) -> &'static str {
    match relation {
        Relation::In => "in",
        Relation::On => "on",
        Relation::At => "at",
        Relation::Since => "since",
        Relation::Until => "until",
        Relation::Before => "before",
        Relation::After => "after",
        Relation::By => "by",
        Relation::During => "during",
        Relation::From => "from",
        Relation::To => "to",
        Relation::Of => "of",
        Relation::For => "for",
    }
}

/// A date an event can be asked by: a year, a month or a day of a known year.
fn fact_date(date: &numbers::Date) -> Option<FactDate> {
    if date.precision < Precision::Year {
        return None;
    }
    Some(FactDate {
        year: date.year?,
        month: date.month,
        day: date.day,
    })
}

/// The month and day of a date written without its year ("6 September", "September 6"), read
/// by the one number and date parser.
pub fn day_without_year(text: &str) -> Option<(u8, u8)> {
    match numbers::scan(text).as_slice() {
        [m] if m.range == (0..text.len()) => match &m.value {
            numbers::Value::Date(d) if d.year.is_none() => Some((d.month?, d.day?)),
            _ => None,
        },
        _ => None,
    }
}

/// How a unit is written in a fact: a currency by its sign when it has one ("€"), any other
/// unit by its symbol ("km²", "%").
fn unit_text(unit: &Unit) -> String {
    match unit {
        Unit::Known(u) if u.dimension == Dimension::Currency => u
            .prefixes
            .iter()
            .find(|p| p.chars().count() == 1)
            .map_or(u.symbol, |p| p)
            .to_string(),
        other => other.symbol().to_string(),
    }
}

/// What a unit measures, for patterns that name a measure by it ("area", "length").
pub fn dimension(unit: &str) -> Option<Dimension> {
    numbers::read_unit(unit).1.and_then(|u| u.dimension())
}

/// Words after which a bare three-digit number is a year ("in 930").
const YEAR_RELATIONS: &[&str] = &["in", "since", "by", "until", "before", "after", "around"];

/// Every date, date range and number in a sentence, in order, none overlapping.
pub fn scan(text: &str) -> Vec<Mention> {
    numbers::scan(text)
        .into_iter()
        .filter(|m| !m.quantity().is_some_and(|q| q.ordinal))
        .map(|m| {
            let relation = m.relation.map(relation_word).or_else(|| {
                // "Around the year 1000": the hedge before "the year" is not a relation.
                text[..m.range.start]
                    .trim_end()
                    .ends_with("around the year")
                    .then_some("around")
            });
            let mut range = m.range.clone();
            let value = match &m.value {
                numbers::Value::Date(d) => fact_date(d).map_or(Value::Other, Value::Date),
                numbers::Value::DateRange(a, b) => match (fact_date(a), fact_date(b)) {
                    (Some(a), Some(b)) => Value::DateRange(a, b),
                    _ => Value::Other,
                },
                numbers::Value::NumberRange(..) => Value::Other,
                numbers::Value::Number(q) => {
                    let value = q.value.to_f64();
                    let counted = matches!(&q.unit, Some(Unit::Word(_)))
                        || q.unit.as_ref().and_then(Unit::dimension) == Some(Dimension::Count);
                    if counted && let Some(unit) = &m.unit_range {
                        // The counted noun stays in the sentence for the patterns.
                        range.end = text[..unit.start].trim_end().len().max(range.start + 1);
                        Value::Number { value, unit: None }
                    } else if q.unit.is_none()
                        && !q.ordinal
                        && q.value.is_integer()
                        && (100.0..1000.0).contains(&value)
                        && relation.is_some_and(|r| YEAR_RELATIONS.contains(&r))
                        && m.approx.is_none()
                    {
                        Value::Date(FactDate {
                            year: value as i32,
                            month: None,
                            day: None,
                        })
                    } else {
                        Value::Number {
                            value,
                            unit: q.unit.as_ref().map(unit_text),
                        }
                    }
                }
            };
            Mention {
                written: text[range.clone()].to_string(),
                range,
                value,
                approx: m.approx.is_some(),
                relation,
            }
        })
        .collect()
}

/// A count written as a word or digits ("six", "38", "2,428"), for patterns that read one.
pub fn count(word: &str) -> Option<f64> {
    match numbers::read_quantity(word)?.value {
        numbers::Value::Number(q) if q.unit.is_none() && !q.ordinal => Some(q.value.to_f64()),
        _ => None,
    }
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

    fn date(year: i32, month: Option<u8>, day: Option<u8>) -> Value {
        Value::Date(FactDate { year, month, day })
    }

    #[test]
    fn dates_in_every_written_form() {
        assert_eq!(
            values(
                "It was founded on 8 August 1967, joined on July 28, 1995, and met in June 2001."
            ),
            [
                ("8 August 1967".into(), date(1967, Some(8), Some(8)), false),
                ("July 28, 1995".into(), date(1995, Some(7), Some(28)), false),
                ("June 2001".into(), date(2001, Some(6), None), false),
            ]
        );
    }

    #[test]
    fn a_bare_three_digit_number_after_in_is_a_year() {
        assert_eq!(
            values("founded in 930 at the rift")[0].1,
            date(930, None, None)
        );
        assert_eq!(
            values("There were 930 of them")[0].1,
            Value::Number {
                value: 930.0,
                unit: None
            }
        );
        assert!(matches!(values("in 930 ships")[0].1, Value::Number { .. }));
    }

    #[test]
    fn counted_nouns_stay_in_the_sentence() {
        let found = scan("with a party of 38 nurses and six stages");
        assert_eq!(found[0].written, "38");
        assert_eq!(found[1].written, "six");
        assert_eq!(
            found[1].value,
            Value::Number {
                value: 6.0,
                unit: None
            }
        );
    }

    #[test]
    fn units_and_currencies_are_written_as_symbols_with_exact_values() {
        assert_eq!(
            values("It covers 103,000 square kilometres; sales reached about €45 billion.")
                .into_iter()
                .map(|(_, v, a)| (v, a))
                .collect::<Vec<_>>(),
            [
                (
                    Value::Number {
                        value: 103_000.0,
                        unit: Some("km²".into())
                    },
                    false
                ),
                (
                    Value::Number {
                        value: 45_000_000_000.0,
                        unit: Some("€".into())
                    },
                    true
                ),
            ]
        );
        assert_eq!(dimension("km²"), Some(Dimension::Area));
    }

    #[test]
    fn a_day_without_its_year_is_read_as_month_and_day() {
        assert_eq!(day_without_year("6 September"), Some((9, 6)));
        assert_eq!(day_without_year("September 6"), Some((9, 6)));
        assert_eq!(day_without_year("6 September 1666"), None);
        assert_eq!(day_without_year("September"), None);
        assert_eq!(day_without_year("the 1990s"), None);
    }

    #[test]
    fn dates_without_a_year_and_decades_date_no_event() {
        assert_eq!(values("on 8 August")[0].1, Value::Other);
        assert_eq!(values("in the 1990s")[0].1, Value::Other);
        assert_eq!(values("between the 1950s and 1976")[0].1, Value::Other);
    }

    #[test]
    fn counts_from_words_and_relations() {
        assert_eq!(count("six"), Some(6.0));
        assert_eq!(count("2,428"), Some(2428.0));
        // A rank or a measure is not a count.
        assert_eq!(count("third"), None);
        assert_eq!(count("4 km"), None);
        assert_eq!(scan("It has grown since 2004.")[0].relation, Some("since"));
    }
}

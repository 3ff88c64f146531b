//! Numbers, dates and quantities as people write them: one reader for learners' answers and
//! for articles.
//!
//! Pure (no clock, no I/O) and part of the model layer: it depends on nothing but its own
//! tables. Two faces:
//!
//! - [`read_quantity`], [`read_date`] (and [`read_dates`], [`read`]) read a whole answer
//!   ("two thousand and one", "4,300 km", "2.3 billion", "15 June 2001", "2001-06-15", "the
//!   1990s", "44 BC", "third", "about 3,000") into a [`Mention`];
//! - [`scan`] finds every number, date, quantity and range in a sentence of prose ("in the
//!   1980s", "about 3,000 employees", "2,300 million euros", "13 TeV", "from 1914 to 1918"),
//!   each a [`Mention`] with its byte range and the text as written.
//!
//! Values are exact decimals ([`Decimal`]) that keep their written digits, so nothing shows
//! float noise and a reader can tell how precise the writer was. The rules live in tables,
//! each tested by examples that must and must not match: number words ([`words`]), units and
//! currencies ([`unit::UNITS`]), date forms ([`date`]), and approximation and relation words
//! ([`scan`]).

mod date;
mod decimal;
mod scan;
mod token;
mod unit;
mod words;

#[cfg(test)]
mod tests;

use std::fmt;
use std::ops::Range;

pub(crate) use date::days_in_month;
pub use date::{Date, Precision, month_name, month_number};
pub use decimal::Decimal;
pub use scan::{read, read_date, read_dates, read_quantity, read_unit, scan};
pub use unit::{Dimension, UNITS, Unit, UnitDef, convert};
pub(crate) use words::scale_value;
pub use words::{cardinal_words, ordinal_digits, ordinal_words};

/// Whether text is read as prose (an article) or as an answer. Prose is stricter where words
/// are ambiguous: a month name must be capitalised ("may"), a bare year must have four digits;
/// an answer is the whole text and may write a year in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Prose,
    Answer,
}

/// A hedge on a value: kept as a flag, never a change of value ("about 3,000" is 3,000).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Approx {
    /// about, around, roughly, approximately, some, circa, c., ~, or so, early/mid/late
    About,
    /// nearly, almost, close to, just under
    Nearly,
    /// over, more than, above, upwards of, in excess of, +
    Over,
    /// under, less than, fewer than, below
    Under,
    /// at least, no fewer than
    AtLeast,
    /// up to, at most, no more than
    AtMost,
}

impl Approx {
    /// A word for it, for notes: "about", "nearly", "over", "under", "at least", "up to".
    pub fn word(self) -> &'static str {
        match self {
            Approx::About => "about",
            Approx::Nearly => "nearly",
            Approx::Over => "over",
            Approx::Under => "under",
            Approx::AtLeast => "at least",
            Approx::AtMost => "up to",
        }
    }
}

/// The preposition right before a mention in prose: what it says about the value
/// ("since 2004" is not "in 2004").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    In,
    On,
    At,
    Since,
    Until,
    Before,
    After,
    By,
    During,
    From,
    To,
    Of,
    For,
}

/// A number with its unit, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: Decimal,
    pub unit: Option<Unit>,
    /// Written as a rank: "third", "3rd".
    pub ordinal: bool,
}

impl fmt::Display for Quantity {
    /// "4,300 km", "45%", "$40", "€2,300,000,000", "3rd".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ordinal
            && let Some(n) = self.value.to_i64().and_then(|n| u64::try_from(n).ok())
        {
            return f.write_str(&ordinal_digits(n));
        }
        let number = self.value.grouped();
        match &self.unit {
            None => f.write_str(&number),
            Some(Unit::Known(u)) if u.symbol == "%" => write!(f, "{number}%"),
            Some(Unit::Known(u)) => match u.prefixes.first().filter(|p| p.chars().count() == 1) {
                Some(p) if !number.starts_with('-') => write!(f, "{p}{number}"),
                _ => write!(f, "{number} {}", u.symbol),
            },
            Some(Unit::Word(w)) => write!(f, "{number} {w}"),
        }
    }
}

/// What a mention says.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(Quantity),
    Date(Date),
    /// "from 1914 to 1918", "1914–18", "15–16 June 2001".
    DateRange(Date, Date),
    /// "between 3,000 and 4,000 people", "3–5%".
    NumberRange(Quantity, Quantity),
}

/// A number, date, quantity or range found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the text read: the value with its hedge and unit ("about 3,000
    /// employees", "the 1980s"), without the preposition before it.
    pub range: Range<usize>,
    /// The text of `range`, as written: show this, not a re-formatted value.
    pub written: String,
    pub value: Value,
    pub approx: Option<Approx>,
    /// The preposition right before it, in prose.
    pub relation: Option<Relation>,
    /// Byte range of the unit (or counted noun, or currency) as written, for a number.
    pub unit_range: Option<Range<usize>>,
    /// The name of the rule that read it ("day month year", "quantity", "date range"...).
    pub rule: &'static str,
}

impl Mention {
    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.value {
            Value::Number(q) => Some(q),
            _ => None,
        }
    }

    pub fn date(&self) -> Option<&Date> {
        match &self.value {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }
}

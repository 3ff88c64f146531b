//! Dates as prose: "15 June 2001", "June 2001", "2001", "221 BC", with the preposition a
//! sentence needs ("on 15 June 2001", "in June 2001").

use crate::deck::FactDate;
use crate::numbers::month_name;

/// "15 June 2001", "June 2001" or "2001"; negative years are BC ("221 BC").
pub fn format_date(d: &FactDate) -> String {
    let year = if d.year < 0 {
        format!("{} BC", -i64::from(d.year))
    } else {
        d.year.to_string()
    };
    let month = d.month.and_then(month_name);
    match (month, d.day) {
        (Some(m), Some(day)) => format!("{day} {m} {year}"),
        (Some(m), None) => format!("{m} {year}"),
        _ => year,
    }
}

/// The date with its preposition: "on 15 June 2001", "in June 2001", "in 2001".
pub fn at_date(d: &FactDate) -> String {
    let prep = if d.day.is_some() && d.month.is_some() {
        "on"
    } else {
        "in"
    };
    format!("{prep} {}", format_date(d))
}

/// The year alone, as "since" and "before" questions name it: "2004", "221 BC".
pub fn format_year(year: i32) -> String {
    format_date(&FactDate {
        year,
        month: None,
        day: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: Option<u8>, day: Option<u8>) -> FactDate {
        FactDate { year, month, day }
    }

    #[test]
    fn dates_are_written_as_in_prose() {
        assert_eq!(format_date(&date(2001, Some(6), Some(15))), "15 June 2001");
        assert_eq!(format_date(&date(2001, Some(6), None)), "June 2001");
        assert_eq!(format_date(&date(2001, None, None)), "2001");
        assert_eq!(format_date(&date(-221, None, None)), "221 BC");
        assert_eq!(format_date(&date(1, Some(12), None)), "December 1");
        assert_eq!(format_year(-44), "44 BC");
    }

    #[test]
    fn a_day_takes_on_and_the_rest_in() {
        assert_eq!(at_date(&date(2001, Some(6), Some(15))), "on 15 June 2001");
        assert_eq!(at_date(&date(2001, Some(6), None)), "in June 2001");
        assert_eq!(at_date(&date(2001, None, None)), "in 2001");
        // A day without a month (not something the loader makes) is not a full date.
        assert_eq!(at_date(&date(2001, None, Some(3))), "in 2001");
    }
}

//! Dates written in a deck (`2001-06-15`, `June 2001`, `2001`) and learning steps (`10m`).

use super::*;
use crate::numbers::{days_in_month, month_name};

pub(super) fn check_date(
    year: i64,
    month: Option<u8>,
    day: Option<u8>,
) -> Result<FactDate, String> {
    if !YEAR_RANGE.contains(&year) {
        return Err(format!(
            "{year} is not a plausible year (between -3000 and 3000)"
        ));
    }
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return Err(format!("there is no month {m}"));
        }
        if let Some(d) = day {
            let max = days_in_month(Some(year as i32), m);
            if d == 0 || d > max {
                return Err(format!(
                    "{} {year} has {max} days",
                    month_name(m).unwrap_or_default()
                ));
            }
        }
    }
    Ok(FactDate {
        year: year as i32,
        month,
        day,
    })
}

/// "YYYY", "YYYY-MM" or "YYYY-MM-DD"; the error is empty when `s` does not have that shape.
pub(super) fn parse_date(s: &str) -> Result<FactDate, String> {
    let shape = String::new();
    let parts: Vec<&str> = s.split('-').collect();
    let widths_ok = parts.len() <= 3
        && parts
            .iter()
            .enumerate()
            // A year of fewer than four digits is read too ("800-12-25"), as people write it.
            .all(|(i, p)| {
                if i == 0 {
                    (1..=4).contains(&p.len())
                } else {
                    p.len() == 2
                }
            })
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !widths_ok {
        return Err(shape);
    }
    let year: i64 = parts[0].parse().map_err(|_| shape.clone())?;
    let month = parts
        .get(1)
        .map(|m| m.parse::<u8>())
        .transpose()
        .map_err(|_| shape.clone())?;
    let day = parts
        .get(2)
        .map(|d| d.parse::<u8>())
        .transpose()
        .map_err(|_| shape.clone())?;
    check_date(year, month, day)
}

/// A learning step such as "30s", "10m", "1h" or "2d", in seconds; `None` if malformed, zero
/// or too long.
pub(super) fn parse_step(s: &str) -> Option<u32> {
    let unit = s.chars().last()?;
    let number = &s[..s.len() - unit.len_utf8()];
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = number.parse().ok()?;
    let scale = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        _ => return None,
    };
    n.checked_mul(scale).filter(|&secs| secs > 0)
}

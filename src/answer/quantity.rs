//! Number and year answers: read a quantity the way people write it ("4,300 km", "4 300",
//! "4.3 thousand", "in 2001", "44 BC") and compare within the card's tolerance. A typo
//! allowance never applies here; the tolerance is the only slack.

use unicode_normalization::UnicodeNormalization;

use super::normalize::{fold, key};
use super::{Outcome, Verdict};

/// Words that may precede a number and change nothing.
const FILLERS: [&str; 12] = [
    "approximately",
    "approx",
    "roughly",
    "around",
    "nearly",
    "almost",
    "about",
    "circa",
    "some",
    "ca",
    "c",
    "~",
];

/// Scale words and their factors; "k" only as a word of its own ("4.3k", "4.3 k km").
const SCALES: [(&str, f64); 6] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("k", 1e3),
];

/// Spellings of one unit; the first is its canonical form. Compared after `unit_key`.
const UNITS: [&[&str]; 15] = [
    &[
        "km",
        "kms",
        "kilometre",
        "kilometer",
        "kilometres",
        "kilometers",
    ],
    &["m", "metre", "meter", "metres", "meters"],
    &[
        "cm",
        "centimetre",
        "centimeter",
        "centimetres",
        "centimeters",
    ],
    &["mi", "mile", "miles"],
    &[
        "km2",
        "sqkm",
        "kmsq",
        "squarekilometre",
        "squarekilometer",
        "squarekilometres",
        "squarekilometers",
    ],
    &["mi2", "sqmi", "squaremile", "squaremiles"],
    &["kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"],
    &["t", "tonne", "tonnes", "ton", "tons"],
    &["percent", "pc", "pct", "percentage"],
    &["usd", "dollar", "dollars", "usdollars"],
    &["eur", "euro", "euros"],
    &["gbp", "pound", "pounds"],
    &["year", "years", "yr", "yrs"],
    &["people", "persons", "person", "inhabitants"],
    &[
        "members",
        "member",
        "memberstates",
        "memberstate",
        "states",
        "countries",
    ],
];

/// A number as written, with whatever followed it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quantity {
    pub value: f64,
    pub unit: String,
}

/// Strips `word` from the front of `s` when it stands as a word of its own.
fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(word)?;
    let symbol = !word.chars().all(char::is_alphabetic);
    match rest.chars().next() {
        _ if symbol => Some(rest.trim_start()),
        None => Some(rest),
        Some(c) if c.is_whitespace() => Some(rest.trim_start()),
        Some('.') if !rest[1..].starts_with(|c: char| c.is_ascii_digit()) => {
            Some(rest[1..].trim_start())
        }
        _ => None,
    }
}

/// Reads the digits, grouping separators and decimal mark at the start of `chars`.
/// Returns the value and how many chars were used.
fn read_digits(chars: &[char]) -> Option<(f64, usize)> {
    let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let three_digits_at = |i: usize| (i..i + 3).all(digit_at) && !digit_at(i + 3);
    let mut body = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            _ if c.is_ascii_digit() => body.push(c),
            '.' | ',' if digit_at(i + 1) => body.push(c),
            '\'' | '_' | '\u{2019}' if digit_at(i + 1) => {}
            _ if c.is_whitespace() && !body.is_empty() && three_digits_at(i + 1) => {}
            _ => break,
        }
        i += 1;
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,
        (0, _) if commas > 1 => None,
        (1, 0) => Some('.'),
        (0, 1) => {
            let after = body.len() - body.find(',')? - 1;
            (after != 3).then_some(',')
        }
        _ => Some(if body.rfind('.') > body.rfind(',') {
            '.'
        } else {
            ','
        }),
    };
    if let Some(mark) = decimal
        && body.matches(mark).count() > 1
    {
        return None;
    }
    let plain: String = body
        .chars()
        .filter_map(|c| match c {
            '.' | ',' if Some(c) == decimal => Some('.'),
            '.' | ',' => None,
            _ => Some(c),
        })
        .collect();
    let value: f64 = plain.parse().ok()?;
    value.is_finite().then_some((value, i))
}

/// Reads "4300", "4,300", "4 300", "4300km", "4,300 km", "4.3 thousand", "-5", "about 12%",
/// "$40". `None` when no number starts the answer (after filler words and a sign).
pub(crate) fn parse_quantity(s: &str) -> Option<Quantity> {
    let lowered = s
        .nfkc()
        .collect::<String>()
        .to_lowercase()
        .replace('\u{2212}', "-");
    let mut rest = lowered.trim();
    while let Some(r) = FILLERS.iter().find_map(|f| strip_word(rest, f)) {
        rest = r;
    }
    let mut prefix_unit = "";
    for symbol in ["$", "€", "£"] {
        if let Some(r) = rest.strip_prefix(symbol) {
            prefix_unit = symbol;
            rest = r.trim_start();
        }
    }
    let mut sign = 1.0;
    if let Some(r) = rest.strip_prefix('-').or_else(|| strip_word(rest, "minus")) {
        sign = -1.0;
        rest = r.trim_start();
    } else if let Some(r) = rest.strip_prefix('+') {
        rest = r.trim_start();
    }
    let chars: Vec<char> = rest.chars().collect();
    let starts_with_number = chars.first().is_some_and(char::is_ascii_digit)
        || (chars.first() == Some(&'.') && chars.get(1).is_some_and(char::is_ascii_digit));
    if !starts_with_number {
        return None;
    }
    let (mut value, used) = read_digits(&chars)?;
    let tail: String = chars[used..].iter().collect();
    let mut tail = tail.trim_start();
    if let Some((r, factor)) = SCALES
        .iter()
        .find_map(|(w, f)| strip_word(tail, w).map(|r| (r, *f)))
    {
        value *= factor;
        tail = r;
    }
    let unit = tail.trim().trim_end_matches(['.', '!']).trim();
    let unit = if unit.is_empty() { prefix_unit } else { unit };
    let value = sign * value;
    value.is_finite().then(|| Quantity {
        value,
        unit: unit.to_string(),
    })
}

fn unit_key(unit: &str) -> String {
    key(&fold(unit)
        .replace('%', " percent ")
        .replace('$', " usd ")
        .replace('€', " eur ")
        .replace('£', " gbp "))
}

/// The canonical spelling of a unit: known spellings map to their group, others lose a
/// plural "s".
fn canonical_unit(unit: &str) -> String {
    let k = unit_key(unit);
    let known = |k: &str| {
        UNITS
            .iter()
            .find(|group| group.contains(&k))
            .map(|group| group[0].to_string())
    };
    known(&k)
        .or_else(|| k.strip_suffix('s').and_then(known))
        .unwrap_or_else(|| {
            k.strip_suffix('s')
                .filter(|s| !s.is_empty())
                .unwrap_or(&k)
                .to_string()
        })
}

fn unit_fits(card_unit: &str, given_unit: &str) -> bool {
    card_unit.is_empty()
        || given_unit.is_empty()
        || canonical_unit(card_unit) == canonical_unit(given_unit)
}

/// A card unit that starts with a scale ("million people") can be answered either in that
/// unit ("3.3") or in plain numbers ("3.3 million", "3300000 people").
fn readings(answer: f64, tolerance: f64, unit: &str) -> Vec<(f64, f64, String)> {
    let mut readings = vec![(answer, tolerance.abs(), unit.to_string())];
    if let Some((rest, factor)) = SCALES
        .iter()
        .find_map(|(w, f)| strip_word(unit.trim(), w).map(|r| (r, *f)))
    {
        readings.push((answer * factor, tolerance.abs() * factor, rest.to_string()));
    }
    readings
}

fn format_number(value: f64) -> String {
    format!("{value}")
}

fn with_unit(value: f64, unit: Option<&str>) -> String {
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) if u.starts_with('%') => format!("{}{u}", format_number(value)),
        Some(u) => format!("{} {u}", format_number(value)),
        None => format_number(value),
    }
}

/// "4300 km (±50)".
pub(crate) fn expected_number(answer: f64, tolerance: f64, unit: Option<&str>) -> String {
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

pub(crate) fn check_number(
    answer: f64,
    tolerance: f64,
    unit: Option<&str>,
    given: &str,
    expected: String,
) -> Outcome {
    let Some(q) = parse_quantity(given) else {
        return Outcome::wrong(expected, "Could not read a number");
    };
    let card_unit = unit.unwrap_or("");
    let readings = readings(answer, tolerance, card_unit);
    let close = |value: f64, tol: f64| (q.value - value).abs() <= tol + 1e-9 * value.abs().max(1.0);
    if let Some((value, tol, _)) = readings
        .iter()
        .find(|(v, t, u)| close(*v, *t) && unit_fits(u, &q.unit))
    {
        let mut outcome = Outcome::new(Verdict::Correct, 1.0, expected);
        if !close(*value, 0.0) {
            outcome.note = Some(format!("Accepted within ±{}", format_number(*tol)));
        }
        return outcome;
    }
    let wrong_unit = readings.iter().all(|(_, _, u)| !unit_fits(u, &q.unit));
    if wrong_unit {
        return Outcome::wrong(
            expected,
            format!(
                "Wrong unit: expected {}, you wrote {}",
                card_unit.trim(),
                q.unit
            ),
        );
    }
    let nearest = readings
        .iter()
        .filter(|(_, _, u)| unit_fits(u, &q.unit))
        .map(|(v, _, _)| *v)
        .min_by(|a, b| {
            let relative = |v: f64| (q.value - v).abs() / v.abs().max(f64::MIN_POSITIVE);
            relative(*a).total_cmp(&relative(*b))
        })
        .unwrap_or(answer);
    Outcome::wrong(
        expected,
        if q.value > nearest {
            "Too high"
        } else {
            "Too low"
        },
    )
}

/// Words around a year that change nothing.
const YEAR_FILLERS: [&str; 13] = [
    "in",
    "year",
    "the",
    "of",
    "around",
    "about",
    "circa",
    "c",
    "ca",
    "approximately",
    "approx",
    "roughly",
    "~",
];

/// Reads "2001", "in 2001", "2001 AD", "AD 2001", "year 2001", "44 BC", "-44". BC years are
/// negative.
pub(crate) fn parse_year(s: &str) -> Option<i64> {
    let lowered = s
        .nfkc()
        .collect::<String>()
        .to_lowercase()
        .replace('\u{2212}', "-")
        .replace('.', "");
    let mut number = None;
    let mut before_christ = false;
    for token in lowered.split(|c: char| c.is_whitespace() || c == ',') {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '+');
        if token.is_empty() || YEAR_FILLERS.contains(&token) || matches!(token, "ad" | "ce") {
            continue;
        }
        if matches!(token, "bc" | "bce") {
            before_christ = true;
            continue;
        }
        let (digits, bc) = if let Some(d) = token
            .strip_suffix("bce")
            .or_else(|| token.strip_suffix("bc"))
        {
            (d, true)
        } else {
            (
                token
                    .strip_suffix("ad")
                    .or_else(|| token.strip_suffix("ce"))
                    .unwrap_or(token),
                false,
            )
        };
        let unsigned = digits.strip_prefix(['-', '+']).unwrap_or(digits);
        if number.is_some()
            || unsigned.is_empty()
            || unsigned.len() > 9
            || !unsigned.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        number = Some(digits.parse::<i64>().ok()?);
        before_christ |= bc;
    }
    let year = number?;
    match (before_christ, year) {
        (true, y) if y > 0 => Some(-y),
        (true, _) => None,
        (false, y) => Some(y),
    }
}

/// "2001", "44 BC", "1990 (±2)".
pub(crate) fn expected_year(answer: i32, tolerance: u32) -> String {
    let year = if answer < 0 {
        format!("{} BC", -i64::from(answer))
    } else {
        answer.to_string()
    };
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

pub(crate) fn check_year(answer: i32, tolerance: u32, given: &str, expected: String) -> Outcome {
    let Some(year) = parse_year(given) else {
        return Outcome::wrong(expected, "Could not read a year");
    };
    let off = year - i64::from(answer);
    if off.unsigned_abs() <= u64::from(tolerance) {
        let mut outcome = Outcome::new(Verdict::Correct, 1.0, expected);
        if off != 0 {
            outcome.note = Some(format!("Accepted within ±{}", years(u64::from(tolerance))));
        }
        return outcome;
    }
    let direction = if off > 0 { "too late" } else { "too early" };
    Outcome::wrong(
        expected,
        format!("{} {direction}", years(off.unsigned_abs())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Option<(f64, String)> {
        parse_quantity(s).map(|q| (q.value, q.unit))
    }

    #[test]
    fn reads_grouping_in_every_form() {
        for s in ["4300", "4,300", "4 300", "4'300", "4.300,0", "4,300.0"] {
            assert_eq!(q(s), Some((4300.0, String::new())), "{s}");
        }
    }

    #[test]
    fn a_single_comma_without_three_digits_is_a_decimal_mark() {
        assert_eq!(q("4,5"), Some((4.5, String::new())));
    }

    #[test]
    fn keeps_the_unit_that_follows() {
        assert_eq!(q("4,300km"), Some((4300.0, "km".to_string())));
        assert_eq!(q("about 12 %"), Some((12.0, "%".to_string())));
        assert_eq!(q("$40"), Some((40.0, "$".to_string())));
    }

    #[test]
    fn applies_scale_words_and_signs() {
        assert_eq!(q("4.3 thousand km"), Some((4300.0, "km".to_string())));
        assert_eq!(q("−2.5k"), Some((-2500.0, String::new())));
        assert_eq!(q("minus 7"), Some((-7.0, String::new())));
        assert_eq!(q(".5"), Some((0.5, String::new())));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for s in ["km 4300", "four", "", "1,2,3.4.5", "nan", "inf"] {
            assert_eq!(q(s), None, "{s}");
        }
    }

    #[test]
    fn space_groups_need_exactly_three_digits() {
        assert_eq!(q("4 30"), Some((4.0, "30".to_string())));
    }

    #[test]
    fn units_compare_by_spelling_group() {
        assert_eq!(canonical_unit("Kilometres"), "km");
        assert_eq!(canonical_unit("km²"), "km2");
        assert_eq!(canonical_unit("sq. km"), "km2");
        assert_eq!(canonical_unit("per cent"), "percent");
        assert_eq!(canonical_unit("%"), "percent");
        assert_eq!(canonical_unit("bananas"), "banana");
    }

    #[test]
    fn reads_years_in_every_form() {
        for s in [
            "2001",
            "in 2001",
            "2001 AD",
            "A.D. 2001",
            "year 2001",
            "the year 2001.",
            "2001ad",
        ] {
            assert_eq!(parse_year(s), Some(2001), "{s}");
        }
    }

    #[test]
    fn bc_years_are_negative() {
        assert_eq!(parse_year("44 BC"), Some(-44));
        assert_eq!(parse_year("44bce"), Some(-44));
        assert_eq!(parse_year("-44"), Some(-44));
        assert_eq!(parse_year("-44 BC"), None);
    }

    #[test]
    fn refuses_two_numbers_or_words() {
        for s in ["2001 2002", "two thousand", "2001s", "99999999999"] {
            assert_eq!(parse_year(s), None, "{s}");
        }
    }

    #[test]
    fn expected_forms() {
        assert_eq!(expected_number(4300.0, 50.0, Some("km")), "4300 km (±50)");
        assert_eq!(expected_number(12.5, 0.0, Some("%")), "12.5%");
        assert_eq!(expected_year(-44, 0), "44 BC");
        assert_eq!(expected_year(1990, 2), "1990 (±2)");
    }
}

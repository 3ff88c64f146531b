//! An exact decimal number that remembers how it was written: `2.30` keeps its last zero and
//! `2.3 billion` is 23 × 10^8, so display never shows float noise (`0.35000000000000003`) and
//! a reader can tell how precise the writer was.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

/// Digits beyond this are refused: no answer or article needs them, and it keeps every
/// operation inside an `i128`.
const MAX_DIGITS: usize = 30;

/// `mantissa × 10^exponent`, as written. Two decimals are equal when their values are
/// (`2.30 == 2.3`); [`Decimal::exponent`] says where the last written digit was.
#[derive(Clone, Copy, Debug)]
pub struct Decimal {
    mantissa: i128,
    exponent: i32,
}

/// 10^n for n up to 38, the largest power an `i128` holds.
fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        exponent: 0,
    };

    /// `mantissa × 10^exponent`.
    pub fn new(mantissa: i128, exponent: i32) -> Decimal {
        Decimal { mantissa, exponent }
    }

    pub fn from_int(n: i64) -> Decimal {
        Decimal::new(i128::from(n), 0)
    }

    pub fn mantissa(self) -> i128 {
        self.mantissa
    }

    /// The power of ten of the last written digit: 0 for `4300`, -2 for `4.30`, 8 for
    /// `2.3 billion`.
    pub fn exponent(self) -> i32 {
        self.exponent
    }

    /// The place value of the last written digit: `1` for `4300`, `0.01` for `4.30`.
    pub fn resolution(self) -> Decimal {
        Decimal::new(1, self.exponent)
    }

    /// The same value without trailing zeros in the mantissa: `4300` is `43 × 10^2`.
    pub fn normalized(self) -> Decimal {
        let mut d = self;
        if d.mantissa == 0 {
            return Decimal::ZERO;
        }
        while d.mantissa % 10 == 0 {
            d.mantissa /= 10;
            d.exponent += 1;
        }
        d
    }

    /// The place value of the last non-zero digit: 100 for `4,300`, 0.1 for `2.50`. Trailing
    /// zeros of a round figure are often not meant as precise.
    pub fn significance(self) -> Decimal {
        Decimal::new(1, self.normalized().exponent)
    }

    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    pub fn is_integer(self) -> bool {
        self.normalized().exponent >= 0
    }

    pub fn abs(self) -> Decimal {
        Decimal::new(self.mantissa.abs(), self.exponent)
    }

    /// The value as a whole number, if it is one and fits.
    pub fn to_i64(self) -> Option<i64> {
        let n = self.normalized();
        if n.exponent < 0 {
            return None;
        }
        let value = n.mantissa.checked_mul(pow10(n.exponent as u32)?)?;
        i64::try_from(value).ok()
    }

    /// The nearest `f64` (correctly rounded, by way of the decimal text).
    pub fn to_f64(self) -> f64 {
        format!("{}e{}", self.mantissa, self.exponent)
            .parse()
            .unwrap_or(f64::NAN)
    }

    /// The shortest decimal that reads back as `value` (what `{}` prints for an `f64`), so a
    /// deck's `0.35` is `0.35`. `None` for infinities, NaN and values too large to hold.
    pub fn from_f64(value: f64) -> Option<Decimal> {
        if !value.is_finite() {
            return None;
        }
        parse_plain(&format!("{value}"))
    }

    /// `self × 10^n`, keeping the written digits: `2.3` scaled by 9 is `2.3 billion`.
    pub fn scaled(self, n: i32) -> Decimal {
        Decimal::new(self.mantissa, self.exponent.saturating_add(n))
    }

    /// Both mantissas at the smaller exponent, if that fits.
    fn aligned(self, other: Decimal) -> Option<(i128, i128, i32)> {
        let exponent = self.exponent.min(other.exponent);
        let lift = |d: Decimal| -> Option<i128> {
            let shift = u32::try_from(d.exponent - exponent).ok()?;
            if d.mantissa == 0 {
                return Some(0);
            }
            d.mantissa.checked_mul(pow10(shift)?)
        };
        Some((lift(self)?, lift(other)?, exponent))
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, exponent) = self.aligned(other)?;
        Some(Decimal::new(a.checked_add(b)?, exponent))
    }

    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        Some(Decimal::new(
            self.mantissa.checked_mul(other.mantissa)?,
            self.exponent.checked_add(other.exponent)?,
        ))
    }

    /// The value rounded to `10^exponent` (half away from zero).
    pub fn round_to(self, exponent: i32) -> Decimal {
        if self.exponent >= exponent {
            return self;
        }
        let Some(div) = u32::try_from(exponent - self.exponent).ok().and_then(pow10) else {
            return Decimal::new(0, exponent);
        };
        let q = self.mantissa / div;
        let r = self.mantissa % div;
        let bump = if r.abs() * 2 >= div { r.signum() } else { 0 };
        Decimal::new(q + bump, exponent)
    }

    /// The digits with a comma between each group of three: `4,300`, `1,234.5`.
    pub fn grouped(self) -> String {
        let plain = self.to_string();
        let (sign, rest) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain.as_str()),
        };
        let (int, frac) = match rest.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (rest, None),
        };
        let mut out = String::from(sign);
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push('.');
            out.push_str(f);
        }
        out
    }
}

/// Reads plain decimal text: an optional `-`, digits, an optional `.` and digits. No
/// grouping, no exponent: what [`Decimal`]'s `Display` writes and what `{}` prints for an
/// `f64`.
pub(crate) fn parse_plain(s: &str) -> Option<Decimal> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    from_digits(int, frac).map(|d| if negative { -d } else { d })
}

/// The decimal whose integer digits are `int` and fractional digits `frac` (ASCII digits
/// only, either may be empty).
pub(crate) fn from_digits(int: &str, frac: &str) -> Option<Decimal> {
    let digits = int.trim_start_matches('0').len() + frac.len();
    if digits > MAX_DIGITS
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        || (int.is_empty() && frac.is_empty())
    {
        return None;
    }
    let mut mantissa: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    Some(Decimal::new(mantissa, -(frac.len() as i32)))
}

impl std::ops::Neg for Decimal {
    type Output = Decimal;

    fn neg(self) -> Decimal {
        Decimal::new(-self.mantissa, self.exponent)
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        let (a, b) = (self.normalized(), other.normalized());
        a.mantissa == b.mantissa && a.exponent == b.exponent
    }
}

impl Eq for Decimal {}

impl Hash for Decimal {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let n = self.normalized();
        n.mantissa.hash(state);
        n.exponent.hash(state);
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        match self.aligned(*other) {
            Some((a, b, _)) => a.cmp(&b),
            // Too far apart to align exactly: the float comparison is right at that distance.
            None => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

impl fmt::Display for Decimal {
    /// Plain digits as written, without grouping or exponent: `4300`, `4.30`, `2300000000`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let mut out = String::new();
        if self.mantissa < 0 {
            out.push('-');
        }
        if self.exponent >= 0 {
            out.push_str(&digits);
            if self.mantissa != 0 {
                out.extend(std::iter::repeat_n('0', self.exponent as usize));
            }
        } else {
            let places = self.exponent.unsigned_abs() as usize;
            if digits.len() > places {
                let (int, frac) = digits.split_at(digits.len() - places);
                out.push_str(int);
                out.push('.');
                out.push_str(frac);
            } else {
                out.push_str("0.");
                out.extend(std::iter::repeat_n('0', places - digits.len()));
                out.push_str(&digits);
            }
        }
        f.pad(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        parse_plain(s).expect(s)
    }

    #[test]
    fn display_keeps_the_written_digits() {
        for s in ["4300", "4.30", "0.05", "-12.5", "0", "0.35", "-0.007"] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(d("2.3").scaled(9).to_string(), "2300000000");
        assert_eq!(Decimal::new(0, 5).to_string(), "0");
    }

    #[test]
    fn equality_is_by_value() {
        assert_eq!(d("2.30"), d("2.3"));
        assert_eq!(d("4300"), Decimal::new(43, 2));
        assert_ne!(d("4300"), d("430"));
        assert!(d("2.5") < d("2.51"));
        assert!(d("-3") < d("0.1"));
    }

    #[test]
    fn from_f64_is_the_shortest_round_trip() {
        assert_eq!(Decimal::from_f64(0.35).unwrap().to_string(), "0.35");
        assert_eq!(
            Decimal::from_f64(0.1 + 0.2).unwrap().to_string(),
            "0.30000000000000004"
        );
        assert_eq!(Decimal::from_f64(4300.0).unwrap().to_string(), "4300");
        assert_eq!(Decimal::from_f64(f64::NAN), None);
        assert_eq!(Decimal::from_f64(1e300), None);
    }

    #[test]
    fn arithmetic_is_exact() {
        assert_eq!(d("0.1").checked_add(d("0.2")).unwrap().to_string(), "0.3");
        assert_eq!(
            d("1.5").checked_mul(Decimal::new(1, 6)).unwrap(),
            d("1500000")
        );
        assert_eq!(d("2.3").scaled(9).to_f64(), 2.3e9);
        assert_eq!(Decimal::new(i128::MAX, 0).checked_add(d("1")), None);
    }

    #[test]
    fn precision_and_significance() {
        assert_eq!(d("4.30").resolution(), d("0.01"));
        assert_eq!(d("4300").significance(), d("100"));
        assert_eq!(d("2.50").significance(), d("0.1"));
        assert!(d("4").is_integer() && !d("4.5").is_integer() && d("4.0").is_integer());
    }

    #[test]
    fn rounding_goes_half_away_from_zero() {
        assert_eq!(d("2671.88").round_to(0), d("2672"));
        assert_eq!(d("2.5").round_to(0), d("3"));
        assert_eq!(d("-2.5").round_to(0), d("-3"));
        assert_eq!(d("2.4").round_to(0), d("2"));
        assert_eq!(d("12").round_to(1), d("10"));
    }

    #[test]
    fn integers_convert_when_they_fit() {
        assert_eq!(d("4300").to_i64(), Some(4300));
        assert_eq!(d("4.5").to_i64(), None);
        assert_eq!(Decimal::new(1, 30).to_i64(), None);
    }

    #[test]
    fn grouping_puts_commas_between_thousands() {
        assert_eq!(d("4300").grouped(), "4,300");
        assert_eq!(d("-1234567.25").grouped(), "-1,234,567.25");
        assert_eq!(d("999").grouped(), "999");
    }

    #[test]
    fn plain_parsing_refuses_what_is_not_plain() {
        for s in ["", ".", "-", "1,000", "1e5", "١٢", &"9".repeat(31)] {
            assert_eq!(parse_plain(s), None, "{s}");
        }
        assert_eq!(parse_plain(".5"), Some(d("0.5")));
    }
}

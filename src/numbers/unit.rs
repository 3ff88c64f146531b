//! Units and currencies as data: every spelling of a unit (symbol, singular, plural, British
//! and American), what it measures and how it converts. A row is a unit; adding a unit is
//! adding a row and its examples, never a branch.
//!
//! Spellings are compared by a key: lowercase, accents and spaces and dots gone, `²`/`³`
//! as `2`/`3` ("sq. km", "Square Kilometres" and "km²" are one unit). Currencies never
//! convert into each other (rates change); other units convert within their dimension.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::token::{Kind, Token};

/// What a unit measures; units convert only within one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Length,
    Area,
    Volume,
    Mass,
    Time,
    Temperature,
    Speed,
    Energy,
    Power,
    Percent,
    PercentagePoint,
    Currency,
    /// Counted things (people, member states): never converted.
    Count,
}

/// One unit: how it is shown, every spelling, and its size in the dimension's base unit
/// (metre, square metre, litre, kilogram, second, kelvin, m/s, joule, watt).
#[derive(Debug, PartialEq)]
pub struct UnitDef {
    /// How the unit is shown after a number: "km", "%", "EUR".
    pub symbol: &'static str,
    /// Its name in the singular, for sentences: "kilometre".
    pub name: &'static str,
    pub dimension: Dimension,
    /// Spellings, as keys (see the module doc); the symbol and name are spellings too.
    pub aliases: &'static [&'static str],
    /// Symbols written before the number ("$40", "€2.3 billion").
    pub prefixes: &'static [&'static str],
    /// One of this unit in the base unit (`value × factor + offset`).
    pub factor: f64,
    pub offset: f64,
}

const fn unit(
    symbol: &'static str,
    name: &'static str,
    dimension: Dimension,
    factor: f64,
    aliases: &'static [&'static str],
) -> UnitDef {
    UnitDef {
        symbol,
        name,
        dimension,
        aliases,
        prefixes: &[],
        factor,
        offset: 0.0,
    }
}

const fn money(
    symbol: &'static str,
    name: &'static str,
    prefixes: &'static [&'static str],
    aliases: &'static [&'static str],
) -> UnitDef {
    UnitDef {
        symbol,
        name,
        dimension: Dimension::Currency,
        aliases,
        prefixes,
        factor: 1.0,
        offset: 0.0,
    }
}

use Dimension::*;

/// Every unit recall reads.
pub static UNITS: &[UnitDef] = &[
    // Length (base: metre).
    unit(
        "mm",
        "millimetre",
        Length,
        1e-3,
        &["millimetres", "millimeter", "millimeters"],
    ),
    unit(
        "cm",
        "centimetre",
        Length,
        1e-2,
        &["centimetres", "centimeter", "centimeters"],
    ),
    unit(
        "m",
        "metre",
        Length,
        1.0,
        &["metres", "meter", "meters", "mtr", "mtrs"],
    ),
    unit(
        "km",
        "kilometre",
        Length,
        1e3,
        &[
            "kms",
            "kilometres",
            "kilometer",
            "kilometers",
            "klick",
            "klicks",
        ],
    ),
    unit("in", "inch", Length, 0.0254, &["inches"]),
    unit("ft", "foot", Length, 0.3048, &["feet", "foots"]),
    unit("yd", "yard", Length, 0.9144, &["yards", "yds"]),
    unit("mi", "mile", Length, 1609.344, &["miles"]),
    unit("nmi", "nautical mile", Length, 1852.0, &["nauticalmiles"]),
    // Area (base: square metre).
    unit(
        "m²",
        "square metre",
        Area,
        1.0,
        &["m2", "sqm", "squaremetres", "squaremeter", "squaremeters"],
    ),
    unit(
        "km²",
        "square kilometre",
        Area,
        1e6,
        &[
            "km2",
            "sqkm",
            "kmsq",
            "squarekilometres",
            "squarekilometer",
            "squarekilometers",
            "sqkms",
        ],
    ),
    unit("ha", "hectare", Area, 1e4, &["hectares"]),
    unit("acre", "acre", Area, 4_046.856_422_4, &["acres"]),
    unit(
        "sq mi",
        "square mile",
        Area,
        2_589_988.110_336,
        &["mi2", "sqmi", "squaremiles", "sqmiles"],
    ),
    unit(
        "sq ft",
        "square foot",
        Area,
        0.092_903_04,
        &["ft2", "sqft", "squarefeet", "squarefoot"],
    ),
    // Volume (base: litre).
    unit(
        "ml",
        "millilitre",
        Volume,
        1e-3,
        &["millilitres", "milliliter", "milliliters"],
    ),
    unit(
        "l",
        "litre",
        Volume,
        1.0,
        &["litres", "liter", "liters", "ltr"],
    ),
    unit(
        "m³",
        "cubic metre",
        Volume,
        1e3,
        &["m3", "cubicmetres", "cubicmeter", "cubicmeters"],
    ),
    unit(
        "km³",
        "cubic kilometre",
        Volume,
        1e12,
        &[
            "km3",
            "cubickilometres",
            "cubickilometer",
            "cubickilometers",
        ],
    ),
    unit("gal", "gallon", Volume, 3.785_411_784, &["gallons"]),
    unit("bbl", "barrel", Volume, 158.987_294_928, &["barrels"]),
    // Mass (base: kilogram).
    unit(
        "mg",
        "milligram",
        Mass,
        1e-6,
        &["milligrams", "milligramme", "milligrammes"],
    ),
    unit(
        "g",
        "gram",
        Mass,
        1e-3,
        &["grams", "gramme", "grammes", "gr"],
    ),
    unit(
        "kg",
        "kilogram",
        Mass,
        1.0,
        &[
            "kgs",
            "kilo",
            "kilos",
            "kilograms",
            "kilogramme",
            "kilogrammes",
        ],
    ),
    unit(
        "t",
        "tonne",
        Mass,
        1e3,
        &["tonnes", "ton", "tons", "metricton", "metrictons"],
    ),
    unit("lb", "pound (lb)", Mass, 0.453_592_37, &["lbs"]),
    unit("oz", "ounce", Mass, 0.028_349_523_125, &["ounces"]),
    // Time (base: second).
    unit("s", "second", Time, 1.0, &["seconds", "sec", "secs"]),
    unit("min", "minute", Time, 60.0, &["minutes", "mins"]),
    unit("h", "hour", Time, 3600.0, &["hours", "hr", "hrs"]),
    unit("d", "day", Time, 86_400.0, &["days"]),
    unit("wk", "week", Time, 604_800.0, &["weeks", "wks"]),
    unit("mo", "month", Time, 2_629_746.0, &["months"]),
    unit("yr", "year", Time, 31_556_952.0, &["years", "yrs"]),
    unit("decade", "decade", Time, 315_569_520.0, &["decades"]),
    unit("century", "century", Time, 3_155_695_200.0, &["centuries"]),
    // Temperature (base: kelvin).
    UnitDef {
        symbol: "°C",
        name: "degree Celsius",
        dimension: Temperature,
        aliases: &[
            "c",
            "celsius",
            "degreescelsius",
            "degreecelsius",
            "degc",
            "centigrade",
            "degreescentigrade",
        ],
        prefixes: &[],
        factor: 1.0,
        offset: 273.15,
    },
    UnitDef {
        symbol: "°F",
        name: "degree Fahrenheit",
        dimension: Temperature,
        aliases: &[
            "f",
            "fahrenheit",
            "degreesfahrenheit",
            "degreefahrenheit",
            "degf",
        ],
        prefixes: &[],
        factor: 5.0 / 9.0,
        offset: 255.372_222_222_222_2,
    },
    unit(
        "K",
        "kelvin",
        Temperature,
        1.0,
        &["kelvins", "degreeskelvin"],
    ),
    // Speed (base: metre per second).
    unit(
        "km/h",
        "kilometre per hour",
        Speed,
        1.0 / 3.6,
        &[
            "kph",
            "kmh",
            "kmph",
            "kilometresperhour",
            "kilometersperhour",
        ],
    ),
    unit(
        "mph",
        "mile per hour",
        Speed,
        0.447_04,
        &["mi/h", "milesperhour"],
    ),
    unit(
        "m/s",
        "metre per second",
        Speed,
        1.0,
        &["metrespersecond", "meterspersecond"],
    ),
    unit(
        "kn",
        "knot",
        Speed,
        1852.0 / 3600.0,
        &["knots", "kt", "kts"],
    ),
    // Energy (base: joule).
    unit("J", "joule", Energy, 1.0, &["joules"]),
    unit("kJ", "kilojoule", Energy, 1e3, &["kilojoules"]),
    unit(
        "kWh",
        "kilowatt-hour",
        Energy,
        3.6e6,
        &["kilowatthours", "kilowatthour"],
    ),
    unit(
        "MWh",
        "megawatt-hour",
        Energy,
        3.6e9,
        &["megawatthours", "megawatthour"],
    ),
    unit(
        "GWh",
        "gigawatt-hour",
        Energy,
        3.6e12,
        &["gigawatthours", "gigawatthour"],
    ),
    unit(
        "TWh",
        "terawatt-hour",
        Energy,
        3.6e15,
        &["terawatthours", "terawatthour"],
    ),
    unit(
        "kcal",
        "kilocalorie",
        Energy,
        4184.0,
        &["kilocalories", "calories", "calorie"],
    ),
    unit(
        "eV",
        "electronvolt",
        Energy,
        1.602_176_634e-19,
        &["electronvolts", "electronvolt"],
    ),
    unit(
        "keV",
        "kiloelectronvolt",
        Energy,
        1.602_176_634e-16,
        &["kiloelectronvolts"],
    ),
    unit(
        "MeV",
        "megaelectronvolt",
        Energy,
        1.602_176_634e-13,
        &["megaelectronvolts"],
    ),
    unit(
        "GeV",
        "gigaelectronvolt",
        Energy,
        1.602_176_634e-10,
        &["gigaelectronvolts"],
    ),
    unit(
        "TeV",
        "teraelectronvolt",
        Energy,
        1.602_176_634e-7,
        &["teraelectronvolts"],
    ),
    // Power (base: watt).
    unit("W", "watt", Power, 1.0, &["watts"]),
    unit("kW", "kilowatt", Power, 1e3, &["kilowatts"]),
    unit("MW", "megawatt", Power, 1e6, &["megawatts"]),
    unit("GW", "gigawatt", Power, 1e9, &["gigawatts"]),
    unit("hp", "horsepower", Power, 745.699_871_582_270_2, &["bhp"]),
    // Shares.
    unit(
        "%",
        "per cent",
        Percent,
        1.0,
        &["percent", "pc", "pct", "percentage", "per100"],
    ),
    unit(
        "pp",
        "percentage point",
        PercentagePoint,
        1.0,
        &["percentagepoints", "percentagepoint"],
    ),
    // Currencies (never converted).
    money(
        "USD",
        "US dollar",
        &["$", "us$", "usd"],
        &["dollar", "dollars", "usdollar", "usdollars", "us$", "$"],
    ),
    money("EUR", "euro", &["€", "eur"], &["euro", "euros", "€"]),
    money(
        "GBP",
        "pound sterling",
        &["£", "gbp"],
        &[
            "pound",
            "pounds",
            "sterling",
            "poundssterling",
            "poundsterling",
            "£",
            "quid",
        ],
    ),
    money("JPY", "yen", &["¥", "jpy"], &["yen", "¥"]),
    money("CNY", "yuan", &["cny", "rmb"], &["yuan", "renminbi", "rmb"]),
    money(
        "INR",
        "rupee",
        &["₹", "inr", "rs"],
        &["rupee", "rupees", "₹"],
    ),
    money(
        "RUB",
        "rouble",
        &["₽", "rub"],
        &["rouble", "roubles", "ruble", "rubles", "₽"],
    ),
    money(
        "CHF",
        "Swiss franc",
        &["chf"],
        &["swissfranc", "swissfrancs", "franc", "francs"],
    ),
    money(
        "SEK",
        "Swedish krona",
        &["sek"],
        &["krona", "kronor", "swedishkrona", "swedishkronor"],
    ),
    money(
        "NOK",
        "Norwegian krone",
        &["nok"],
        &["krone", "kroner", "norwegiankrone", "norwegiankroner"],
    ),
    money(
        "ISK",
        "Icelandic króna",
        &["isk"],
        &["icelandickrona", "icelandickronur", "kronur"],
    ),
    money(
        "AUD",
        "Australian dollar",
        &["a$", "aud"],
        &["australiandollar", "australiandollars"],
    ),
    money(
        "CAD",
        "Canadian dollar",
        &["c$", "cad"],
        &["canadiandollar", "canadiandollars"],
    ),
    // Counted things that answers commonly name.
    unit(
        "people",
        "person",
        Count,
        1.0,
        &[
            "persons",
            "person",
            "inhabitants",
            "inhabitant",
            "residents",
            "resident",
        ],
    ),
    unit(
        "members",
        "member",
        Count,
        1.0,
        &[
            "member",
            "memberstates",
            "memberstate",
            "memberstates",
            "states",
            "countries",
            "membercountries",
            "nations",
        ],
    ),
];

/// A unit as read: one of [`UNITS`], or a word recall does not know as a unit ("employees"),
/// kept singular and lowercase so "employee" and "employees" agree.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    Known(&'static UnitDef),
    Word(String),
}

impl Unit {
    /// How the unit is shown after a number.
    pub fn symbol(&self) -> &str {
        match self {
            Unit::Known(u) => u.symbol,
            Unit::Word(w) => w,
        }
    }

    pub fn dimension(&self) -> Option<Dimension> {
        match self {
            Unit::Known(u) => Some(u.dimension),
            Unit::Word(_) => None,
        }
    }

    /// Whether two units are one unit, spelt either way ("km" and "kilometres").
    pub fn same(&self, other: &Unit) -> bool {
        match (self, other) {
            (Unit::Known(a), Unit::Known(b)) => std::ptr::eq(*a, *b),
            (Unit::Word(a), Unit::Word(b)) => a == b,
            _ => false,
        }
    }
}

/// Converts `value` from one unit to another of the same dimension; `None` across
/// dimensions, for currencies and for words.
pub fn convert(value: f64, from: &Unit, to: &Unit) -> Option<f64> {
    let (Unit::Known(a), Unit::Known(b)) = (from, to) else {
        return None;
    };
    if a.dimension != b.dimension || matches!(a.dimension, Currency | Count) {
        return None;
    }
    Some(((value * a.factor + a.offset) - b.offset) / b.factor)
}

/// The key a spelling is compared by.
pub(crate) fn unit_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            '²' => Some('2'),
            '³' => Some('3'),
            '.' | '-' => None,
            _ if c.is_whitespace() => None,
            _ => Some(c),
        })
        .collect()
}

/// Spellings that are far more often words than units: "2,000 in 2001" is not in inches,
/// "300 K" is not read as kelvin (it is "300 thousand" as often), "3 points" is not a share.
const NOT_UNITS: [&str; 2] = ["in", "k"];

/// Every spelling's key and its unit (the first unit to claim a key keeps it), made once.
static BY_KEY: LazyLock<HashMap<String, &'static UnitDef>> = LazyLock::new(|| {
    let mut index = HashMap::new();
    for u in UNITS {
        let spellings = [unit_key(u.symbol), unit_key(u.name)]
            .into_iter()
            .chain(u.aliases.iter().map(|a| a.to_string()));
        for key in spellings {
            if !NOT_UNITS.contains(&key.as_str()) {
                index.entry(key).or_insert(u);
            }
        }
    }
    index
});

/// The known unit spelt `key`.
pub(crate) fn by_key(key: &str) -> Option<&'static UnitDef> {
    BY_KEY.get(key).copied()
}

/// The currency written before a number with this key ("$", "us$", "€", "usd").
pub(crate) fn by_prefix(key: &str) -> Option<&'static UnitDef> {
    UNITS.iter().find(|u| u.prefixes.contains(&key))
}

/// The most tokens a unit's spelling takes ("degrees Celsius" is 2, "sq. km" is 3,
/// "miles per hour" is 3, "US$" is 2, "km/h" is 3).
const MAX_UNIT_TOKENS: usize = 4;

/// The key of tokens `i..j` as one spelling, if they touch or are words.
fn span_key(toks: &[Token], i: usize, j: usize) -> Option<String> {
    let mut key = String::new();
    for t in &toks[i..j] {
        match &t.kind {
            Kind::Word(w) => key.push_str(w),
            Kind::Digits(d) if d.plain && t.glued => key.push_str(&d.value.to_string()),
            Kind::Sym(c) => key.push(*c),
            _ => return None,
        }
    }
    Some(unit_key(&key))
}

/// The longest unit spelling starting at token `i`: the unit and the index after it.
pub(crate) fn unit_at(toks: &[Token], i: usize) -> Option<(&'static UnitDef, usize)> {
    let last = (i + MAX_UNIT_TOKENS).min(toks.len());
    (i + 1..=last).rev().find_map(|j| {
        // A full stop after a unit ends the sentence: it is not part of the unit.
        if j > i + 1 && toks[j - 1].is_sym('.') {
            return None;
        }
        let key = span_key(toks, i, j)?;
        Some((by_key(&key)?, j))
    })
}

/// The currency written before a number at token `i` ("$", "US$", "€", "USD "): the unit
/// and the index after it.
pub(crate) fn prefix_at(toks: &[Token], i: usize) -> Option<(&'static UnitDef, usize)> {
    let last = (i + 2).min(toks.len());
    (i + 1..=last).rev().find_map(|j| {
        if j > i + 1 && !toks[i + 1..j].iter().all(|t| t.glued) {
            return None;
        }
        let key = span_key(toks, i, j)?;
        Some((by_prefix(&key)?, j))
    })
}

/// A word in the singular, for comparing units recall does not know ("employees" is
/// "employee"); only a plain final "s" is dropped.
pub(crate) fn singular(word: &str) -> String {
    let w = word.trim();
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokens;
    use super::*;

    fn read(s: &str) -> Option<(&'static str, usize)> {
        let toks = tokens(s);
        unit_at(&toks, 0).map(|(u, end)| (u.symbol, end))
    }

    /// Each row: a spelling and the unit it must read as, in full.
    const MUST_MATCH: &[(&str, &str)] = &[
        ("km", "km"),
        ("kilometres", "km"),
        ("kilometers", "km"),
        ("Kilometre", "km"),
        ("kms", "km"),
        ("km²", "km²"),
        ("km2", "km²"),
        ("sq km", "km²"),
        ("sq. km", "km²"),
        ("square kilometres", "km²"),
        ("square miles", "sq mi"),
        ("metres", "m"),
        ("meters", "m"),
        ("feet", "ft"),
        ("%", "%"),
        ("per cent", "%"),
        ("percent", "%"),
        ("percentage points", "pp"),
        ("°C", "°C"),
        ("degrees Celsius", "°C"),
        ("°F", "°F"),
        ("km/h", "km/h"),
        ("miles per hour", "mph"),
        ("TeV", "TeV"),
        ("GeV", "GeV"),
        ("MW", "MW"),
        ("tonnes", "t"),
        ("tons", "t"),
        ("litres", "l"),
        ("liters", "l"),
        ("euros", "EUR"),
        ("EUR", "EUR"),
        ("dollars", "USD"),
        ("US dollars", "USD"),
        ("pounds", "GBP"),
        ("pounds sterling", "GBP"),
        ("yuan", "CNY"),
        ("roubles", "RUB"),
        ("rubles", "RUB"),
        ("hectares", "ha"),
        ("years", "yr"),
        ("member states", "members"),
        ("inhabitants", "people"),
    ];

    /// Each row: text that must not read as a unit (in full).
    const MUST_NOT_MATCH: &[&str] = &[
        "in",
        "k",
        "points",
        "kilometresx",
        "bananas",
        "employees",
        "people's",
        "square",
        "per",
        "km /",
        "",
    ];

    #[test]
    fn every_spelling_reads_as_its_unit() {
        for (s, symbol) in MUST_MATCH {
            assert_eq!(read(s), Some((*symbol, tokens(s).len())), "{s}");
        }
    }

    #[test]
    fn other_words_are_not_units() {
        for s in MUST_NOT_MATCH {
            let toks = tokens(s);
            assert!(
                read(s).is_none_or(|(_, end)| end < toks.len()),
                "{s} read as {:?}",
                read(s)
            );
        }
    }

    #[test]
    fn every_alias_is_a_key_of_one_unit() {
        for u in UNITS {
            for alias in u.aliases {
                assert_eq!(unit_key(alias), *alias, "{alias} is not written as a key");
                let owner = by_key(alias).expect(alias);
                assert!(
                    std::ptr::eq(owner, u),
                    "{alias} belongs to {}",
                    owner.symbol
                );
            }
        }
    }

    #[test]
    fn currencies_are_read_before_numbers() {
        for (s, code) in [
            ("$", "USD"),
            ("US$", "USD"),
            ("€", "EUR"),
            ("£", "GBP"),
            ("USD", "USD"),
        ] {
            let toks = tokens(s);
            assert_eq!(
                prefix_at(&toks, 0).map(|(u, _)| u.symbol),
                Some(code),
                "{s}"
            );
        }
        assert!(prefix_at(&tokens("km"), 0).is_none());
    }

    #[test]
    fn conversion_stays_within_a_dimension() {
        let km = Unit::Known(by_key("km").unwrap());
        let mi = Unit::Known(by_key("mi").unwrap());
        let c = Unit::Known(by_key("c").unwrap());
        let f = Unit::Known(by_key("f").unwrap());
        let eur = Unit::Known(by_key("eur").unwrap());
        let usd = Unit::Known(by_key("usd").unwrap());
        let miles = convert(4300.0, &km, &mi).unwrap();
        assert!((miles - 2671.896).abs() < 0.001, "{miles}");
        let fahrenheit = convert(100.0, &c, &f).unwrap();
        assert!((fahrenheit - 212.0).abs() < 1e-9, "{fahrenheit}");
        assert_eq!(convert(1.0, &km, &c), None);
        assert_eq!(convert(1.0, &eur, &usd), None);
        assert_eq!(convert(1.0, &Unit::Word("cat".into()), &km), None);
    }

    #[test]
    fn words_compare_singular() {
        assert_eq!(singular("employees"), "employee");
        assert_eq!(singular("bus"), "bus");
        assert_eq!(singular("glass"), "glass");
    }
}

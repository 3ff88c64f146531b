//! The module as its users meet it: article phrases scanned into mentions (value,
//! precision, unit), whole answers read, and property tests that what the module writes, or
//! digits written with any separators, read back to themselves.

use proptest::prelude::*;

use super::*;

/// One article phrase and the mention expected in it.
struct Phrase {
    sentence: &'static str,
    written: &'static str,
    value: &'static str,
    /// A date's precision ("day", "decade"...), or a number's resolution ("1", "0.1",
    /// "1000000": the place of its last written digit).
    precision: &'static str,
    /// The unit's symbol, or a counted noun; "" for none.
    unit: &'static str,
    approx: Option<Approx>,
}

const fn p(
    sentence: &'static str,
    written: &'static str,
    value: &'static str,
    precision: &'static str,
    unit: &'static str,
) -> Phrase {
    Phrase {
        sentence,
        written,
        value,
        precision,
        unit,
        approx: None,
    }
}

const fn hedged(
    sentence: &'static str,
    written: &'static str,
    value: &'static str,
    precision: &'static str,
    unit: &'static str,
    approx: Approx,
) -> Phrase {
    let mut phrase = p(sentence, written, value, precision, unit);
    phrase.approx = Some(approx);
    phrase
}

use Approx::*;

/// Phrases as articles write them (in our own words), and what must be read from them.
const PHRASES: &[Phrase] = &[
    // Dates at every precision.
    p(
        "The declaration was signed on 4 July 1776.",
        "4 July 1776",
        "4 July 1776",
        "day",
        "",
    ),
    p(
        "She was born on 8 August 1967 in Leeds.",
        "8 August 1967",
        "8 August 1967",
        "day",
        "",
    ),
    p(
        "The station opened on June 15, 2001.",
        "June 15, 2001",
        "15 June 2001",
        "day",
        "",
    ),
    p(
        "The meeting was held on 2001-06-15.",
        "2001-06-15",
        "15 June 2001",
        "day",
        "",
    ),
    p(
        "The treaty was signed in Paris on 30 March 1856.",
        "30 March 1856",
        "30 March 1856",
        "day",
        "",
    ),
    p(
        "On Monday, 3 March 2003 the talks began.",
        "Monday, 3 March 2003",
        "3 March 2003",
        "day",
        "",
    ),
    p(
        "The first ballot was on the 2nd of May, 1997.",
        "the 2nd of May, 1997",
        "2 May 1997",
        "day",
        "",
    ),
    p(
        "The minutes are dated 15.06.2001 in the archive.",
        "15.06.2001",
        "15 June 2001",
        "day",
        "",
    ),
    p(
        "Parliament sat again on 15 June.",
        "15 June",
        "15 June",
        "day",
        "",
    ),
    p(
        "The album came out in June 2001.",
        "June 2001",
        "June 2001",
        "month",
        "",
    ),
    p(
        "The tunnel opened in May 1994.",
        "May 1994",
        "May 1994",
        "month",
        "",
    ),
    p(
        "The mould was noticed in September 1928.",
        "September 1928",
        "September 1928",
        "month",
        "",
    ),
    p("He died in 1852.", "1852", "1852", "year", ""),
    p(
        "It fell to the Ottomans in 1453.",
        "1453",
        "1453",
        "year",
        "",
    ),
    p(
        "Rome was founded in 753 BC, legend says.",
        "753 BC",
        "753 BC",
        "year",
        "",
    ),
    p(
        "The western empire ended in AD 476.",
        "AD 476",
        "476",
        "year",
        "",
    ),
    p(
        "They married in nineteen ninety-six.",
        "nineteen ninety-six",
        "1996",
        "year",
        "",
    ),
    p(
        "Home computers spread in the 1980s.",
        "the 1980s",
        "the 1980s",
        "decade",
        "",
    ),
    p(
        "The club was founded in the 1920s.",
        "the 1920s",
        "the 1920s",
        "decade",
        "",
    ),
    p(
        "Castles were built there in the 12th century.",
        "the 12th century",
        "the 12th century",
        "century",
        "",
    ),
    p(
        "The town dates from the nineteenth century.",
        "the nineteenth century",
        "the 19th century",
        "century",
        "",
    ),
    p(
        "Most mills closed in the 1800s.",
        "the 1800s",
        "the 19th century",
        "century",
        "",
    ),
    hedged(
        "Construction began in the mid-1990s.",
        "the mid-1990s",
        "the 1990s",
        "decade",
        "",
        About,
    ),
    hedged(
        "Growth slowed in the late 2000s.",
        "the late 2000s",
        "the 2000s",
        "decade",
        "",
        About,
    ),
    hedged(
        "The eruption happened c. 1600 BC.",
        "c. 1600 BC",
        "1600 BC",
        "year",
        "",
        About,
    ),
    hedged(
        "Around 1850 the town grew quickly.",
        "Around 1850",
        "1850",
        "year",
        "",
        About,
    ),
    // Ranges.
    p(
        "The war lasted from 1914 to 1918.",
        "from 1914 to 1918",
        "1914 – 1918",
        "year",
        "",
    ),
    p(
        "The votes took place between 1994 and 2000.",
        "between 1994 and 2000",
        "1994 – 2000",
        "year",
        "",
    ),
    p(
        "The Crimean War (1853–1856) changed nursing.",
        "1853–1856",
        "1853 – 1856",
        "year",
        "",
    ),
    hedged(
        "Mara Quell (c. 1400 – 3 February 1468) was a printer.",
        "c. 1400 – 3 February 1468",
        "1400 – 3 February 1468",
        "day",
        "",
        About,
    ),
    p(
        "The 2001–02 season was his last.",
        "2001–02",
        "2001 – 2002",
        "year",
        "",
    ),
    p(
        "The summit sat on 15–16 June 2001.",
        "15–16 June 2001",
        "15 June 2001 – 16 June 2001",
        "day",
        "",
    ),
    p(
        "It ran from June to August 2001.",
        "from June to August 2001",
        "June 2001 – August 2001",
        "month",
        "",
    ),
    p(
        "Between 3,000 and 4,000 people marched.",
        "Between 3,000 and 4,000 people",
        "3000 – 4000",
        "1",
        "people",
    ),
    p("Rates rose by 3–5% a year.", "3–5%", "3 – 5", "1", "%"),
    // Counts with what they count.
    hedged(
        "The firm has about 3,000 employees.",
        "about 3,000 employees",
        "3000",
        "1",
        "employee",
        About,
    ),
    hedged(
        "Some 40,000 visitors came each summer.",
        "Some 40,000 visitors",
        "40000",
        "1",
        "visitor",
        About,
    ),
    hedged(
        "Nearly 200 riders started the race.",
        "Nearly 200 riders",
        "200",
        "1",
        "rider",
        Nearly,
    ),
    hedged(
        "More than 1.5 million people attended.",
        "More than 1.5 million people",
        "1500000",
        "100000",
        "people",
        Over,
    ),
    hedged(
        "The library owns over 2 million books.",
        "over 2 million books",
        "2000000",
        "1000000",
        "book",
        Over,
    ),
    p(
        "The survey covered 1,200 households.",
        "1,200 households",
        "1200",
        "1",
        "household",
    ),
    p(
        "The organisation has 193 member states.",
        "193 member states",
        "193",
        "1",
        "members",
    ),
    p(
        "A dozen countries signed the charter.",
        "A dozen countries",
        "12",
        "1",
        "members",
    ),
    p(
        "The event drew 80,000 spectators in 2019.",
        "80,000 spectators",
        "80000",
        "1",
        "spectator",
    ),
    p(
        "The museum has 1.2 million objects.",
        "1.2 million objects",
        "1200000",
        "100000",
        "object",
    ),
    p("The population is 372,000.", "372,000", "372000", "1", ""),
    p(
        "In 2001, 300 delegates met in Shanghai.",
        "300 delegates",
        "300",
        "1",
        "delegate",
    ),
    p(
        "The committee has nine members.",
        "nine members",
        "9",
        "1",
        "members",
    ),
    // Money.
    p(
        "The bridge cost 2,300 million euros.",
        "2,300 million euros",
        "2300000000",
        "1000000",
        "EUR",
    ),
    p(
        "The company earned $40 billion.",
        "$40 billion",
        "40000000000",
        "1000000000",
        "USD",
    ),
    p(
        "Revenue reached €2.3bn last year.",
        "€2.3bn",
        "2300000000",
        "100000000",
        "EUR",
    ),
    p(
        "The budget was US$1.2 billion.",
        "US$1.2 billion",
        "1200000000",
        "100000000",
        "USD",
    ),
    p("A ticket cost £3.50 then.", "£3.50", "3.50", "0.01", "GBP"),
    p(
        "The fund holds three billion dollars.",
        "three billion dollars",
        "3000000000",
        "1",
        "USD",
    ),
    p(
        "The deal was worth 1.5bn yuan.",
        "1.5bn yuan",
        "1500000000",
        "100000000",
        "CNY",
    ),
    // Measures.
    p("Collisions reached 13 TeV.", "13 TeV", "13", "1", "TeV"),
    p(
        "The mountain rises to 5,895 metres.",
        "5,895 metres",
        "5895",
        "1",
        "m",
    ),
    p(
        "Its summit is 19,341 feet high.",
        "19,341 feet",
        "19341",
        "1",
        "ft",
    ),
    p(
        "The lake covers 68,800 km².",
        "68,800 km²",
        "68800",
        "1",
        "km²",
    ),
    p(
        "The country spans 103,000 square kilometres.",
        "103,000 square kilometres",
        "103000",
        "1",
        "km²",
    ),
    p("The river is 4,350 km long.", "4,350 km", "4350", "1", "km"),
    p(
        "The canal is 193.3 km long.",
        "193.3 km",
        "193.3",
        "0.1",
        "km",
    ),
    hedged(
        "The race covers roughly 3,500 km.",
        "roughly 3,500 km",
        "3500",
        "1",
        "km",
        About,
    ),
    p("The tower is 330 m tall.", "330 m", "330", "1", "m"),
    p(
        "The car reached 120 km/h on the flat.",
        "120 km/h",
        "120",
        "1",
        "km/h",
    ),
    p(
        "The dam produces 22,500 MW at full flow.",
        "22,500 MW",
        "22500",
        "1",
        "MW",
    ),
    p(
        "Winter nights drop to −89.2 °C there.",
        "−89.2 °C",
        "-89.2",
        "0.1",
        "°C",
    ),
    p(
        "Its area is 2,200 hectares.",
        "2,200 hectares",
        "2200",
        "1",
        "ha",
    ),
    p(
        "The ship displaced 52,310 tonnes.",
        "52,310 tonnes",
        "52310",
        "1",
        "t",
    ),
    p(
        "The crossing takes 45 minutes.",
        "45 minutes",
        "45",
        "1",
        "min",
    ),
    p("The lease runs for 99 years.", "99 years", "99", "1", "yr"),
    // Shares.
    p(
        "Inflation fell to 2.5 per cent.",
        "2.5 per cent",
        "2.5",
        "0.1",
        "%",
    ),
    p("Turnout was 45% at the last vote.", "45%", "45", "1", "%"),
    p(
        "The glacier lost 30 percent of its ice.",
        "30 percent",
        "30",
        "1",
        "%",
    ),
    p("Prices rose 4.5% in 2022.", "4.5%", "4.5", "0.1", "%"),
    // Ranks.
    p("She finished third in the final.", "third", "3", "1", ""),
    p("He came 2nd in the race.", "2nd", "2", "1", ""),
];

/// What a mention says, in the table's terms.
fn described(m: &Mention) -> (String, String, String) {
    fn number(q: &Quantity) -> (String, String, String) {
        (
            q.value.to_string(),
            q.value.resolution().to_string(),
            q.unit
                .as_ref()
                .map_or(String::new(), |u| u.symbol().to_string()),
        )
    }
    match &m.value {
        Value::Number(q) => number(q),
        Value::Date(d) => (d.to_string(), d.precision.name().into(), String::new()),
        Value::DateRange(a, b) => (
            format!("{a} – {b}"),
            b.precision.name().into(),
            String::new(),
        ),
        Value::NumberRange(a, b) => {
            let (_, precision, unit) = number(b);
            (format!("{} – {}", a.value, b.value), precision, unit)
        }
    }
}

#[test]
fn article_phrases_read_as_written() {
    assert!(PHRASES.len() >= 60, "only {} phrases", PHRASES.len());
    let mut failures = Vec::new();
    for phrase in PHRASES {
        let mentions = scan(phrase.sentence);
        let Some(m) = mentions.iter().find(|m| m.written == phrase.written) else {
            let found: Vec<&str> = mentions.iter().map(|m| m.written.as_str()).collect();
            failures.push(format!(
                "{:?}: no {:?} in {found:?}",
                phrase.sentence, phrase.written
            ));
            continue;
        };
        let want = (
            phrase.value.to_string(),
            phrase.precision.to_string(),
            phrase.unit.to_string(),
        );
        let got = described(m);
        if got != want || m.approx != phrase.approx {
            failures.push(format!(
                "{:?}: got {got:?} {:?}, expected {want:?} {:?}",
                phrase.written, m.approx, phrase.approx
            ));
        }
        if let Some(r) = &m.unit_range
            && (phrase.unit.is_empty() || !phrase.written.contains(&phrase.sentence[r.clone()]))
        {
            failures.push(format!("{:?}: unit range {r:?}", phrase.written));
        }
        if phrase.sentence[m.range.clone()] != m.written {
            failures.push(format!(
                "{:?}: range does not give the written text",
                phrase.written
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {}:\n{}",
        failures.len(),
        PHRASES.len(),
        failures.join("\n")
    );
}

/// Sentences and every mention expected in them, in order.
const WHOLE_SENTENCES: &[(&str, &[&str])] = &[
    ("In 2001, 300 delegates met.", &["2001", "300 delegates"]),
    ("The first ascent was in 1889.", &["first", "1889"]),
    ("In 2001 members voted twice.", &["2001"]),
    ("It had 2001 members by then.", &["2001 members"]),
    (
        "From 1994 to 2000, it signed 12 treaties.",
        &["From 1994 to 2000", "12 treaties"],
    ),
    ("Prices rose 4.5% in 2022.", &["4.5%", "2022"]),
    (
        "Building began in the mid-1990s and ended in 1998-2001.",
        &["the mid-1990s", "1998-2001"],
    ),
];

/// Sentences in which nothing must be found.
const NOTHING_IN: &[&str] = &[
    "COVID-19 spread quickly.",
    "The unit was an RBMK-1000 of the old design.",
    "The Airbus A1300 flew.",
    "The G20 met in Osaka.",
    "The 3D model was printed.",
    "One of the members left.",
    "They may go home.",
    "Numbers like thousands of people are vague.",
    "The word march is a verb.",
    "The Shanghai Five met again.",
    "The Group of Seven met again.",
    "They met at 10:30 sharp.",
    "",
];

#[test]
fn sentences_give_every_mention_in_order() {
    for (sentence, want) in WHOLE_SENTENCES {
        let got: Vec<String> = scan(sentence).into_iter().map(|m| m.written).collect();
        assert_eq!(got, *want, "{sentence}");
    }
    for sentence in NOTHING_IN {
        assert_eq!(scan(sentence), Vec::new(), "{sentence}");
    }
}

#[test]
fn relations_are_the_preposition_before() {
    let m = scan("The seat moved there in 2004 and has stayed since 2006.");
    assert_eq!(m[0].relation, Some(Relation::In));
    assert_eq!(m[1].relation, Some(Relation::Since));
    assert_eq!(scan("It has 12 members.")[0].relation, None);
}

#[test]
fn rule_names_say_what_read_a_mention() {
    let names: Vec<&str> =
        scan("On 4 July 1776, about 3,000 people met; from 1914 to 1918; the 3rd.")
            .iter()
            .map(|m| m.rule)
            .collect();
    assert_eq!(
        names,
        ["day month year", "quantity", "date range", "ordinal"]
    );
}

/// Each row: an answer and what it reads as (value and unit, or a date).
const ANSWER_QUANTITIES: &[(&str, &str)] = &[
    ("4300", "4,300"),
    ("4,300", "4,300"),
    ("4 300", "4,300"),
    ("4300km", "4,300 km"),
    ("about 4,300 kilometres", "4,300 km"),
    ("4.3 thousand km", "4,300 km"),
    ("4.3k", "4,300"),
    ("2.3 billion", "2,300,000,000"),
    ("2,300 million", "2,300,000,000"),
    ("seven", "7"),
    ("thirty-five", "35"),
    ("three hundred and twelve", "312"),
    ("four thousand", "4,000"),
    ("a dozen", "12"),
    ("one and a half million", "1,500,000"),
    ("two point five", "2.5"),
    ("third", "3rd"),
    ("3rd", "3rd"),
    ("the third", "3rd"),
    ("−12 °C", "-12 °C"),
    ("minus 7", "-7"),
    ("45 per cent", "45%"),
    ("12%", "12%"),
    ("$40", "$40"),
    ("€2.3bn", "€2,300,000,000"),
    ("4300 bananas", "4,300 banana"),
    ("3 member states", "3 members"),
    ("it is 4300 km long", "4,300 km"),
    ("I think it's 4300", "4,300"),
    ("4300.", "4,300"),
    ("0.35", "0.35"),
];

const NOT_QUANTITIES: &[&str] = &[
    "Paris",
    "km 4300",
    "",
    "four thousand bananas and 3",
    "nan",
    "inf",
    "4300 km 12",
    "10-20",
];

#[test]
fn answers_read_as_quantities() {
    for (answer, want) in ANSWER_QUANTITIES {
        let got = read_quantity(answer).and_then(|m| m.quantity().map(ToString::to_string));
        assert_eq!(got.as_deref(), Some(*want), "{answer}");
    }
    for answer in NOT_QUANTITIES {
        assert_eq!(read_quantity(answer), None, "{answer}");
    }
}

/// Each row: an answer and every date it reads as.
const ANSWER_DATES: &[(&str, &[&str])] = &[
    ("2001", &["2001"]),
    ("in 2001", &["2001"]),
    ("probably 2001", &["2001"]),
    ("the year 2001.", &["2001"]),
    ("2001 AD", &["2001"]),
    ("A.D. 2001", &["2001"]),
    ("44 BC", &["44 BC"]),
    ("-44", &["44 BC"]),
    ("June 2001", &["June 2001"]),
    ("june 2001", &["June 2001"]),
    ("15 June 2001", &["15 June 2001"]),
    ("15th of June, 2001", &["15 June 2001"]),
    ("2001-06-15", &["15 June 2001"]),
    ("2001-06", &["June 2001"]),
    ("05/06/2001", &["5 June 2001", "6 May 2001"]),
    ("the 1990s", &["the 1990s"]),
    ("1990s", &["the 1990s"]),
    ("nineteen ninety-six", &["1996"]),
    ("two thousand and one", &["2001"]),
    ("about 1850", &["1850"]),
];

const NOT_DATES: &[&str] = &[
    "Paris",
    "2001 2002",
    "the year",
    "99999",
    "2001s",
    "31 June 2001",
];

#[test]
fn answers_read_as_dates() {
    for (answer, want) in ANSWER_DATES {
        let got: Vec<String> = read_dates(answer)
            .iter()
            .filter_map(|m| m.date().map(ToString::to_string))
            .collect();
        assert_eq!(got, *want, "{answer}");
    }
    for answer in NOT_DATES {
        assert_eq!(read_date(answer), None, "{answer}");
    }
    let range = read_date("from 1914 to 1918").unwrap();
    assert!(matches!(range.value, Value::DateRange(..)));
}

#[test]
fn the_unit_is_located_as_written() {
    let text = "about 4300 Miles long";
    let m = read_quantity(text).unwrap();
    assert_eq!(&text[m.unit_range.unwrap()], "Miles");
    let text = "4300 bananas";
    assert_eq!(
        &text[read_quantity(text).unwrap().unit_range.unwrap()],
        "bananas"
    );
    let text = "$40";
    assert_eq!(&text[read_quantity(text).unwrap().unit_range.unwrap()], "$");
    assert_eq!(read_quantity("4300").unwrap().unit_range, None);
}

#[test]
fn read_prefers_a_date_only_when_it_looks_like_one() {
    assert!(read("2001").unwrap().quantity().is_some());
    assert!(read("June 2001").unwrap().date().is_some());
    assert!(read("44 BC").unwrap().date().is_some());
    assert!(read("4,300 km").unwrap().quantity().is_some());
}

#[test]
fn card_units_read_with_their_scale() {
    let (scale, unit) = read_unit("million people");
    assert_eq!(
        (scale, unit.map(|u| u.symbol().to_string())),
        (6, Some("people".into()))
    );
    assert_eq!(read_unit("km").1.unwrap().symbol(), "km");
    assert_eq!(read_unit("per cent").1.unwrap().symbol(), "%");
    assert_eq!(read_unit("Bananas").1, Some(Unit::Word("banana".into())));
    assert_eq!(read_unit("thousand"), (3, None));
    assert_eq!(read_unit(""), (0, None));
}

#[test]
fn quantities_display_without_float_noise() {
    let q = read_quantity("0.35").unwrap();
    assert_eq!(q.quantity().unwrap().value.to_string(), "0.35");
    let q = read_quantity("2.3 billion").unwrap();
    assert_eq!(q.quantity().unwrap().value.to_string(), "2300000000");
    assert_eq!(q.written, "2.3 billion");
}

/// Digits of `n` grouped in threes with `sep`.
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

proptest! {
    #[test]
    fn words_written_by_the_module_read_back(n in 0u64..1_000_000_000_000_000) {
        let m = read_quantity(&cardinal_words(n));
        prop_assert_eq!(m.and_then(|m| m.quantity().map(|q| q.value)), Some(Decimal::new(i128::from(n), 0)));
    }

    #[test]
    fn ordinals_written_by_the_module_read_back(n in 1u64..1_000_000_000_000) {
        for written in [ordinal_words(n), ordinal_digits(n)] {
            let q = read_quantity(&written).and_then(|m| m.quantity().cloned());
            prop_assert_eq!(q.as_ref().map(|q| (q.value, q.ordinal)), Some((Decimal::new(i128::from(n), 0), true)), "{}", written);
        }
    }

    #[test]
    fn digits_with_separators_read_back(n in 0u64..1_000_000_000_000_000, sep in prop::sample::select(vec!["", ",", " ", "'", "\u{a0}", "\u{202f}"])) {
        let written = grouped(n, sep);
        let m = read_quantity(&written);
        prop_assert_eq!(m.and_then(|m| m.quantity().map(|q| q.value)), Some(Decimal::new(i128::from(n), 0)), "{}", written);
    }

    #[test]
    fn decimals_read_back_exactly(mantissa in -10_000_000_000i64..10_000_000_000, places in 0i32..6) {
        let d = Decimal::new(i128::from(mantissa), -places);
        let m = read_quantity(&d.to_string());
        prop_assert_eq!(m.and_then(|m| m.quantity().map(|q| q.value)), Some(d));
        let m = read_quantity(&d.grouped());
        prop_assert_eq!(m.and_then(|m| m.quantity().map(|q| q.value)), Some(d));
    }

    #[test]
    fn dates_written_by_the_module_read_back(year in 1i32..3000, month in 1u8..=12, day in 1u8..=28) {
        for date in [Date::from_day(year, month, day), Date::from_month(year, month), Date::from_year(year), Date::from_year(-year)] {
            let back = read_date(&date.to_string()).and_then(|m| m.date().copied());
            prop_assert_eq!(back, Some(date));
        }
    }

    #[test]
    fn scanning_anything_is_safe(text in "\\PC{0,80}") {
        for m in scan(&text) {
            prop_assert_eq!(&text[m.range.clone()], m.written.as_str());
        }
        let _ = read(&text);
        let _ = read_dates(&text);
    }
}

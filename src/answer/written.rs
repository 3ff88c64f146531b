//! Answers as people write them: numbers, years and dates in words, with more detail than
//! asked, with units spelt out or converted; input slips that are asked again; names in the
//! other order; accents that count; list items that contain "and". One row per answer: the
//! card, what was typed, the verdict, and where it matters the score and the note.

use super::tests::{HOST_SHOWN, Row, choice, host, list, number, row, run, typed, year};
use super::*;
use crate::deck::FactDate;

use Verdict::{Correct, Invalid, Partial, Typo, Wrong};

fn date(year: i32, month: Option<u8>, day: Option<u8>) -> Kind {
    Kind::Date {
        answer: FactDate { year, month, day },
    }
}

fn founding() -> Kind {
    date(2001, Some(6), Some(15))
}

fn km() -> Kind {
    number(4300.0, 0.0, Some("km"))
}

fn tf(answer: bool) -> Kind {
    Kind::TrueFalse { answer }
}

fn ties() -> Kind {
    list(
        &[
            &["cultural and humanitarian ties"],
            &["trade and investment"],
            &["energy"],
        ],
        false,
    )
}

const CONVERT: Checking = Checking {
    name: false,
    accents: false,
    convert_units: true,
};

const NAME: Checking = Checking {
    name: true,
    accents: false,
    convert_units: false,
};

const ACCENTS: Checking = Checking {
    name: false,
    accents: true,
    convert_units: false,
};

const NUMBER_HINT: &str = "Type a number in km, in digits or words (like 12 or twelve)";
const YEAR_HINT: &str = "Type a year, in digits or words (like 1850 or 44 BC)";
const TF_HINT: &str = "Type true or false (or t/f, yes/no)";

fn table() -> Vec<Row> {
    vec![
        // A number with a unit, written every way.
        row(km(), "4300", Correct),
        row(km(), "4,300", Correct),
        row(km(), "4 300", Correct),
        row(km(), "4.300,0", Correct),
        row(km(), "4300km", Correct),
        row(km(), "4,300 kilometres", Correct),
        row(km(), "4,300 kilometers", Correct),
        row(km(), "4300 KM", Correct),
        row(km(), "four thousand three hundred", Correct).note("Read as 4,300"),
        row(km(), "four thousand three hundred kilometres", Correct).note("Read as 4,300"),
        row(km(), "4.3 thousand", Correct),
        row(km(), "4.3k km", Correct),
        row(km(), "about 4,300 km", Correct),
        row(km(), "roughly 4300", Correct),
        row(km(), "it is 4300 km long", Correct),
        row(km(), "4300 km.", Correct),
        row(km(), "4301", Wrong).note("Too high"),
        row(km(), "4,200 km", Wrong).note("Too low"),
        row(km(), "four thousand", Wrong).note("Too low; Read as 4,000"),
        row(km(), "4300 miles", Wrong).note("Wrong unit: expected km, you wrote miles"),
        row(km(), "4300 m", Wrong).note("Wrong unit: expected km, you wrote m"),
        row(km(), "4300 bananas", Wrong).note("Wrong unit: expected km, you wrote bananas"),
        row(km(), "more than 4,300 km", Correct).note("“over” ignored: the number itself is asked"),
        row(km(), "over 4000", Wrong).note("Too low"),
        // Conversion, only where the card allows it.
        row(km(), "2672 miles", Wrong).note("Wrong unit: expected km, you wrote miles"),
        row(km(), "2672 miles", Correct)
            .checking(CONVERT)
            .note("Converted: 2,672 mi is 4300 km"),
        row(km(), "2,700 miles", Correct).checking(CONVERT),
        row(km(), "3000 miles", Wrong)
            .checking(CONVERT)
            .note("Too high"),
        row(km(), "2,680 miles", Wrong)
            .checking(CONVERT)
            .note("Too high"),
        row(km(), "4,300,000 m", Correct).checking(CONVERT),
        row(km(), "4300 kg", Wrong)
            .checking(CONVERT)
            .note("Wrong unit: expected km, you wrote kg"),
        row(number(-12.0, 0.0, Some("°C")), "10.4 °F", Correct).checking(CONVERT),
        row(number(-12.0, 0.0, Some("°C")), "10.4 °F", Wrong),
        // Not a number at all: asked again, with a hint that gives nothing away.
        row(km(), "Paris", Invalid).note(NUMBER_HINT),
        row(km(), "km", Invalid).note(NUMBER_HINT),
        row(km(), "June 2001", Invalid),
        row(number(12.0, 0.0, None), "abc", Invalid)
            .note("Type a number, in digits or words (like 7 or seven)"),
        row(km(), "I don't know", Wrong).note("Not known"),
        row(km(), "?", Wrong).note("Not known"),
        // Number words, scales and ordinals.
        row(number(7.0, 0.0, None), "seven", Correct).note("Read as 7"),
        row(number(7.0, 0.0, None), "Seven.", Correct),
        row(number(7.0, 0.0, None), "7", Correct),
        row(number(7.0, 0.0, None), "eight", Wrong).note("Too high; Read as 8"),
        row(number(35.0, 0.0, None), "thirty-five", Correct),
        row(number(35.0, 0.0, None), "thirty five", Correct),
        row(number(40.0, 0.0, None), "fourty", Correct).note("Read as 40"),
        row(number(40.0, 0.0, None), "forty", Correct),
        row(
            number(312.0, 0.0, None),
            "three hundred and twelve",
            Correct,
        ),
        row(number(312.0, 0.0, None), "three hundred twelve", Correct),
        row(
            number(312.0, 0.0, None),
            "three hundred and thirteen",
            Wrong,
        ),
        row(number(12.0, 0.0, None), "a dozen", Correct),
        row(number(12.0, 0.0, None), "twelve", Correct),
        row(number(100.0, 0.0, None), "a hundred", Correct),
        row(number(100.0, 0.0, None), "one hundred", Correct),
        row(number(1.5e6, 0.0, None), "one and a half million", Correct),
        row(number(1.5e6, 0.0, None), "1.5 million", Correct),
        row(number(1.5e6, 0.0, None), "1,500,000", Correct),
        row(number(1.5e6, 0.0, None), "half a million", Wrong).note("Too low; Read as 500,000"),
        row(number(2.5, 0.0, None), "two point five", Correct),
        row(number(2.5, 0.0, None), "two and a half", Correct),
        row(number(2.5, 0.0, None), "2,5", Correct),
        row(number(2.3e9, 0.0, None), "2.3 billion", Correct),
        row(number(2.3e9, 0.0, None), "2,300 million", Correct),
        row(number(2.3e9, 0.0, None), "2.3bn", Correct),
        row(number(2.3e9, 0.0, None), "2300000000", Correct),
        row(
            number(3.3, 0.0, Some("million people")),
            "three point three million",
            Correct,
        ),
        row(
            number(3.3, 0.0, Some("million people")),
            "3.3 million people",
            Correct,
        ),
        row(
            number(3.3, 0.0, Some("million people")),
            "3.3 people",
            Wrong,
        )
        .note("Too low"),
        row(number(3.3, 0.0, Some("million people")), "5", Wrong).note("Too high"),
        row(
            number(4.1, 0.0, Some("million people")),
            "4,100,000 people",
            Correct,
        ),
        row(number(12.0, 0.0, None), "12 apples", Correct),
        row(number(45.0, 0.0, Some("%")), "45 percent", Correct),
        row(number(45.0, 0.0, Some("%")), "45 pc", Correct),
        row(number(45.0, 0.0, Some("%")), "forty-five per cent", Correct),
        row(number(45.0, 0.0, Some("%")), "45", Correct),
        row(number(40e9, 0.0, Some("USD")), "$40 billion", Correct),
        row(
            number(40e9, 0.0, Some("USD")),
            "40 billion dollars",
            Correct,
        ),
        row(number(40e9, 0.0, Some("USD")), "US$40bn", Correct),
        row(number(40e9, 0.0, Some("USD")), "USD 40 billion", Correct),
        row(number(40e9, 0.0, Some("USD")), "40 billion euros", Wrong)
            .note("Wrong unit: expected USD, you wrote euros"),
        row(number(40e9, 0.0, Some("USD")), "40 billion euros", Wrong)
            .checking(CONVERT)
            .note("Wrong unit: expected USD, you wrote euros"),
        row(number(-12.0, 0.0, Some("°C")), "minus twelve", Correct),
        row(
            number(-12.0, 0.0, Some("°C")),
            "−12 degrees Celsius",
            Correct,
        ),
        row(number(3.0, 0.0, None), "third", Correct).note("Read as 3"),
        row(number(3.0, 0.0, None), "3rd", Correct),
        row(number(3.0, 0.0, None), "the third", Correct),
        row(number(3.0, 0.0, None), "second", Wrong).note("Too low; Read as 2"),
        row(
            number(193.0, 0.0, Some("member states")),
            "193 members",
            Correct,
        ),
        row(
            number(193.0, 0.0, Some("member states")),
            "193 states",
            Correct,
        ),
        row(
            number(193.0, 0.0, Some("member states")),
            "193 countries",
            Correct,
        ),
        row(number(68_800.0, 0.0, Some("km²")), "68,800 sq km", Correct),
        row(
            number(68_800.0, 0.0, Some("km²")),
            "68,800 square kilometres",
            Correct,
        ),
        row(number(68_800.0, 0.0, Some("km²")), "68800 km2", Correct),
        // A year card takes any date of that year, and says so.
        row(year(2001, 0), "2001", Correct).score(1.0),
        row(year(2001, 0), "AD 2001", Correct),
        row(year(2001, 0), "the year 2001", Correct),
        row(year(2001, 0), "June 2001", Correct).note("Right: the year is what was asked"),
        row(year(2001, 0), "15 June 2001", Correct).note("Right: the year is what was asked"),
        row(year(2001, 0), "2001-06-15", Correct).note("Right: the year is what was asked"),
        row(year(2001, 0), "15/06/2001", Correct),
        row(year(2001, 0), "06/15/2001", Correct),
        row(year(2001, 0), "June 15, 2001", Correct),
        row(year(2001, 0), "two thousand one", Correct).note("Read as 2001"),
        row(year(2001, 0), "twenty oh one", Correct).note("Read as 2001"),
        row(year(2001, 0), "about 2001", Correct),
        row(year(2001, 0), "c. 2001", Correct),
        row(year(2001, 0), "June 1998", Wrong).note("3 years too early"),
        row(year(2001, 0), "the 2000s", Partial)
            .score(0.5)
            .note("Partly right: the year is in the 2000s, but the year itself was asked"),
        row(year(2001, 0), "the 1990s", Wrong).note("The 1990s is 2 years too early"),
        row(year(2001, 0), "the 21st century", Partial).score(0.25),
        row(year(2001, 0), "Paris", Invalid).note(YEAR_HINT),
        row(year(2001, 0), "June", Invalid).note(YEAR_HINT),
        row(year(2001, 0), "1914-1918", Invalid).note("Type one date, not a range"),
        row(year(2001, 0), "2001 2002", Invalid),
        row(year(2001, 0), "I don't know", Wrong).note("Not known"),
        row(year(1850, 0), "Paris", Invalid)
            .note("Type a year, in digits or words (like 1851 or 44 BC)"),
        row(year(1996, 0), "nineteen ninety-six", Correct).note("Read as 1996"),
        row(year(1996, 0), "nineteen ninety six", Correct),
        row(year(1996, 0), "'96", Correct),
        row(year(1996, 0), "the 1990s", Partial).score(0.5),
        row(year(1996, 0), "the nineties", Partial),
        row(year(1996, 0), "1990s", Partial),
        row(year(1996, 0), "the 1980s", Wrong).note("The 1980s is 7 years too early"),
        row(year(1996, 0), "the 20th century", Partial).score(0.25),
        row(year(1996, 0), "nineteen ninety-seven", Wrong).note("1 year too late"),
        row(year(-44, 0), "44 B.C.", Correct),
        row(year(-44, 0), "44 BCE", Correct),
        row(year(-44, 0), "43 BC", Wrong).note("1 year too late"),
        row(year(1990, 2), "the 1980s", Partial),
        // A date card grades each part it asks for.
        row(founding(), "15 June 2001", Correct).score(1.0),
        row(founding(), "2001-06-15", Correct),
        row(founding(), "June 15, 2001", Correct),
        row(founding(), "15th of June 2001", Correct),
        row(founding(), "15/06/2001", Correct),
        row(founding(), "06/15/2001", Correct),
        row(founding(), "Friday, 15 June 2001", Correct),
        row(
            founding(),
            "the fifteenth of June, two thousand and one",
            Correct,
        ),
        row(founding(), "June 2001", Partial)
            .score(2.0 / 3.0)
            .note("Right year and month; no day given"),
        row(founding(), "2001", Partial)
            .score(1.0 / 3.0)
            .note("Right year; no month and day given"),
        row(founding(), "15 July 2001", Partial)
            .score(2.0 / 3.0)
            .note("Right year and day, wrong month"),
        row(founding(), "16 June 2001", Partial).note("Right year and month, wrong day"),
        row(founding(), "15 June 2002", Partial)
            .note("Right month and day, wrong year (the year is 1 year too late)"),
        row(founding(), "15 June", Partial).note("Right month and day; no year given"),
        row(founding(), "1 January 1999", Wrong)
            .score(0.0)
            .note("Wrong year, month and day (the year is 2 years too early)"),
        row(founding(), "the 2000s", Partial)
            .score(0.5 / 3.0)
            .note("Year only roughly; no month and day given"),
        row(founding(), "05/06/2001", Partial).score(2.0 / 3.0),
        row(founding(), "Paris", Invalid).note("Type a date, like 3 March 1921 or 1921-03-03"),
        row(date(2001, Some(6), None), "June 2001", Correct),
        row(date(2001, Some(6), None), "2001-06", Correct),
        row(date(2001, Some(6), None), "15 June 2001", Correct)
            .note("Right: the month is what was asked"),
        row(date(2001, Some(6), None), "July 2001", Partial)
            .score(0.5)
            .note("Right year, wrong month"),
        row(date(2001, Some(6), None), "june", Partial).note("Right month; no year given"),
        row(date(1776, Some(7), Some(4)), "July 4th, 1776", Correct),
        row(date(1776, Some(7), Some(4)), "4th July 1776", Correct),
        row(date(1776, Some(7), Some(4)), "July 4 1776", Correct),
        // Choice: an option's text, forgiven a slip when it can only mean one option.
        row(host(), "Tash", Typo).shown(&HOST_SHOWN),
        row(host(), "option 2", Correct).shown(&HOST_SHOWN),
        row(host(), "Option 1", Wrong).shown(&HOST_SHOWN),
        row(host(), "Taskhent", Typo).shown(&HOST_SHOWN),
        row(host(), "Bishkk", Wrong).shown(&HOST_SHOWN),
        row(host(), "true", Invalid).shown(&HOST_SHOWN).note(
            "“true” is not one of the options: type a number from 1 to 4 or an option's text",
        ),
        row(host(), "0", Invalid)
            .shown(&HOST_SHOWN)
            .note("There is no option 0: type a number from 1 to 4"),
        row(host(), "I don't know", Wrong)
            .shown(&HOST_SHOWN)
            .note("Not known"),
        row(
            choice(
                &["Kyrgyzstan"],
                &["Kazakhstan", "Tajikistan", "Turkmenistan"],
            ),
            "Kyrgyz",
            Typo,
        ),
        row(
            choice(
                &["Kyrgyzstan"],
                &["Kazakhstan", "Tajikistan", "Turkmenistan"],
            ),
            "Kirgizstan",
            Typo,
        ),
        row(
            choice(
                &["Kyrgyzstan"],
                &["Kazakhstan", "Tajikistan", "Turkmenistan"],
            ),
            "stan",
            Invalid,
        ),
        row(
            choice(
                &["Council of Heads of State"],
                &["Secretariat", "Council of Foreign Ministers"],
            ),
            "Heads",
            Typo,
        ),
        // True or false: the short forms, and a slip in the word.
        row(tf(true), "yeah", Correct),
        row(tf(true), "correct", Correct),
        row(tf(true), "ture", Correct).note("Read as true"),
        row(tf(true), "treu", Correct),
        row(tf(true), "tru", Correct),
        row(tf(true), "yse", Correct),
        row(tf(true), "fals", Wrong).note("Read as false"),
        row(tf(true), "flase", Wrong),
        row(tf(true), "nope", Wrong),
        row(tf(true), "n", Wrong),
        row(tf(false), "f", Correct),
        row(tf(false), "No.", Correct),
        row(tf(true), "perhaps", Invalid).note(TF_HINT),
        row(tf(true), "3", Invalid)
            .shown(&["True", "False"])
            .note("There is no option 3: type 1 or 2, or true or false"),
        row(tf(true), "idk", Wrong).note("Not known"),
        // List items that contain "and" are matched whole, typos forgiven.
        row(
            ties(),
            "cultural and humanitarien ties, trade and investment, energy",
            Typo,
        )
        .score(1.0),
        row(ties(), "cultural and humanitarian ties and energy", Partial)
            .score(2.0 / 3.0)
            .missing(&["trade and investment"]),
        row(ties(), "trade and investmant and energy", Partial)
            .score(2.0 / 3.0)
            .missing(&["cultural and humanitarian ties"]),
        row(ties(), "cultural, humanitarian ties", Partial)
            .score(1.0 / 3.0)
            .missing(&["trade and investment", "energy"]),
        row(ties(), "cultural and humanitarien ties", Partial)
            .score(1.0 / 3.0)
            .missing(&["trade and investment", "energy"]),
        // A person's name in either order, on cards marked as names.
        row(typed(&["Xi Jinping"]), "Xi Jinping", Correct).checking(NAME),
        row(typed(&["Xi Jinping"]), "Jinping Xi", Correct)
            .checking(NAME)
            .note("Accepted: the name in the other order"),
        row(typed(&["Xi Jinping"]), "Jinpin Xi", Typo)
            .checking(NAME)
            .note("Accepted: the name in the other order"),
        row(typed(&["Xi Jinping"]), "Hu Jintao", Wrong).checking(NAME),
        row(typed(&["Xi Jinping"]), "Jinping Xi", Wrong),
        row(typed(&["Ada Lovelace"]), "Lovelace, Ada", Correct).checking(NAME),
        row(typed(&["Ada Lovelace"]), "Lovelace Ada", Correct).checking(NAME),
        row(typed(&["Viktor Orbán"]), "Orban Viktor", Correct).checking(NAME),
        row(
            typed(&["John Maynard Keynes"]),
            "Keynes, John Maynard",
            Correct,
        )
        .checking(NAME),
        // Accents that count (pinyin tones, Vietnamese), where the card says so.
        row(typed(&["shuǐ"]), "shuǐ", Correct).checking(ACCENTS),
        row(typed(&["shuǐ"]), "SHUǏ", Correct).checking(ACCENTS),
        row(typed(&["shuǐ"]), "shuì", Wrong)
            .checking(ACCENTS)
            .note("Accents count here: shuǐ"),
        row(typed(&["shuǐ"]), "shui", Wrong).checking(ACCENTS),
        row(typed(&["shuǐ"]), "shui", Correct),
        row(typed(&["Nguyễn Văn Linh"]), "Nguyen Van Linh", Wrong).checking(ACCENTS),
        row(typed(&["Nguyễn Văn Linh"]), "Nguyễn Văn Lin", Typo).checking(ACCENTS),
        row(
            list(&[&["mā"], &["má"], &["mǎ"], &["mà"]], true),
            "mā, má, mǎ, mà",
            Correct,
        )
        .checking(ACCENTS),
        row(list(&[&["mā"], &["má"]], false), "mà, má", Partial)
            .checking(ACCENTS)
            .score(1.0 / 3.0)
            .missing(&["mā"])
            .extra(&["mà"])
            .note("Accents count here: mā"),
    ]
}

#[test]
fn answers_as_people_write_them() {
    run(&table(), 150);
}

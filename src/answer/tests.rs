//! The checker's rules as one table (kind, input, verdict, and where it matters the score and
//! what was missing or extra), plus the explanation line, the suggested rating and a
//! never-panics sweep over pseudo-random input.

use super::*;
use crate::deck::{Answer, Card, CardId, ClozePart, Span, Tags, Text};

pub(super) fn answer(spellings: &[&str]) -> Answer {
    Answer {
        text: Text::from(spellings[0]),
        accept: spellings[1..].iter().map(|s| Text::from(*s)).collect(),
    }
}

pub(super) fn typed(spellings: &[&str]) -> Kind {
    Kind::Typed {
        answer: answer(spellings),
    }
}

pub(super) fn number(value: f64, tolerance: f64, unit: Option<&str>) -> Kind {
    Kind::Number {
        answer: value,
        tolerance,
        unit: unit.map(Text::from),
    }
}

pub(super) fn year(value: i32, tolerance: u32) -> Kind {
    Kind::Year {
        answer: value,
        tolerance,
    }
}

pub(super) fn list(items: &[&[&str]], ordered: bool) -> Kind {
    Kind::List {
        items: items.iter().map(|s| answer(s)).collect(),
        ordered,
    }
}

pub(super) fn strings(items: &[&str]) -> Vec<Text> {
    items.iter().map(|s| Text::from(*s)).collect()
}

pub(super) fn choice(correct: &[&str], wrong: &[&str]) -> Kind {
    Kind::Choice {
        correct: strings(correct),
        wrong: strings(wrong),
    }
}

pub(super) fn order(items: &[&str]) -> Kind {
    Kind::Order {
        items: strings(items),
    }
}

/// "Text {{answer|alternative}} text" as cloze parts.
pub(super) fn cloze(text: &str) -> Kind {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let close = rest.find("}}").expect("closed blank");
        parts.push(ClozePart::Text(Text::from(&rest[..open])));
        let spellings: Vec<&str> = rest[open + 2..close].split('|').collect();
        parts.push(ClozePart::Blank(answer(&spellings)));
        rest = &rest[close + 2..];
    }
    parts.push(ClozePart::Text(Text::from(rest)));
    Kind::Cloze { parts }
}

pub(super) fn pairs(pairs: &[(&str, &str)]) -> Kind {
    Kind::Match {
        pairs: pairs
            .iter()
            .map(|(l, r)| (Text::from(*l), Text::from(*r)))
            .collect(),
    }
}

pub(super) fn card(kind: Kind) -> Card {
    Card {
        id: CardId("test".into()),
        kind,
        prompt: String::new().into(),
        tags: Tags::default(),
        explain: None,
        source: None,
        fact: None,
        span: Span::default(),
        media: None,
        checking: Default::default(),
    }
}

pub(super) fn capital() -> Kind {
    typed(&["Tashkent", "Toshkent"])
}

pub(super) fn forces() -> Kind {
    list(&[&["terrorism"], &["separatism"], &["extremism"]], false)
}

pub(super) fn members() -> Kind {
    choice(
        &["Kazakhstan", "Kyrgyzstan", "Tajikistan"],
        &["Mongolia", "Turkmenistan"],
    )
}

pub(super) const MEMBERS_SHOWN: [&str; 5] = [
    "Mongolia",
    "Kazakhstan",
    "Turkmenistan",
    "Kyrgyzstan",
    "Tajikistan",
];

pub(super) fn host() -> Kind {
    choice(&["Tashkent"], &["Bishkek", "Almaty", "Dushanbe"])
}

pub(super) const HOST_SHOWN: [&str; 4] = ["Bishkek", "Tashkent", "Almaty", "Dushanbe"];

pub(super) fn timeline() -> Kind {
    order(&[
        "Shanghai Five",
        "SCO founded",
        "Charter signed",
        "India joins",
    ])
}

pub(super) const TIMELINE_SHOWN: [&str; 4] = [
    "Charter signed",
    "Shanghai Five",
    "India joins",
    "SCO founded",
];

pub(super) fn bodies() -> Kind {
    pairs(&[
        ("RATS", "Tashkent"),
        ("Secretariat", "Beijing"),
        ("Summit", "Bishkek"),
    ])
}

pub(super) const BODIES_SHOWN: [&str; 3] = ["Beijing", "Tashkent", "Bishkek"];

pub(super) fn two_blanks() -> Kind {
    cloze("The {{Shanghai Five}} became a formal body in {{2001}}.")
}

/// The deck the table's cards belong to: its other answers are what a typo must not become.
pub(super) fn pool() -> AnswerPool {
    AnswerPool::new(&[
        card(capital()),
        card(typed(&["Bishkek"])),
        card(typed(&["Australia"])),
        card(typed(&["Austria"])),
        card(forces()),
        card(typed(&["Regional Anti-Terrorist Structure", "RATS"])),
        card(host()),
        card(two_blanks()),
    ])
}

pub(super) struct Row {
    kind: Kind,
    checking: Checking,
    given: String,
    shown: Vec<Text>,
    verdict: Verdict,
    score: Option<f32>,
    missing: Vec<String>,
    extra: Vec<String>,
    note: Option<String>,
}

pub(super) fn row(kind: Kind, given: &str, verdict: Verdict) -> Row {
    Row {
        kind,
        checking: Checking::default(),
        given: given.to_string(),
        shown: Vec::new(),
        verdict,
        score: None,
        missing: Vec::new(),
        extra: Vec::new(),
        note: None,
    }
}

impl Row {
    pub(super) fn checking(mut self, checking: Checking) -> Row {
        self.checking = checking;
        self
    }
    pub(super) fn shown(mut self, shown: &[&str]) -> Row {
        self.shown = strings(shown);
        self
    }
    pub(super) fn score(mut self, score: f32) -> Row {
        self.score = Some(score);
        self
    }
    pub(super) fn missing(mut self, missing: &[&str]) -> Row {
        self.missing = strings(missing).iter().map(Text::to_string).collect();
        self
    }
    pub(super) fn extra(mut self, extra: &[&str]) -> Row {
        self.extra = strings(extra).iter().map(Text::to_string).collect();
        self
    }
    pub(super) fn note(mut self, note: &str) -> Row {
        self.note = Some(note.to_string());
        self
    }
}

use Verdict::{Correct, Invalid, Partial, Typo, Unchecked, Wrong};

fn table() -> Vec<Row> {
    vec![
        // Typed: case, accents, punctuation, spaces, articles, alternatives.
        row(capital(), "Tashkent", Correct).score(1.0),
        row(capital(), "tashkent", Correct),
        row(capital(), "TASHKENT", Correct),
        row(capital(), "Tashkënt", Correct),
        row(capital(), "  Tashkent!  ", Correct),
        row(capital(), "the Tashkent", Correct),
        row(capital(), "Toshkent", Correct),
        row(typed(&["Cooperation"]), "Co-operation", Correct),
        row(typed(&["Cooperation"]), "co operation", Correct),
        row(typed(&["Co-operation"]), "cooperation", Correct),
        row(
            typed(&["Council of the Heads of State"]),
            "council of heads   of state",
            Correct,
        ),
        row(
            typed(&["Trade and Investment"]),
            "Trade & Investment",
            Correct,
        ),
        row(
            typed(&["Regional Anti-Terrorist Structure", "RATS"]),
            "rats",
            Correct,
        ),
        row(
            typed(&["Regional Anti-Terrorist Structure", "RATS"]),
            "Regional Anti Terrorist Structure",
            Correct,
        ),
        row(
            typed(&["Regional Anti-Terrorist Structure", "RATS"]),
            "RAT",
            Wrong,
        ),
        row(typed(&["Vitamin A"]), "vitamin", Wrong),
        row(typed(&["Vitamin A"]), "Vitamin B", Wrong),
        // Typos in proportion to length.
        row(capital(), "Tashkant", Typo).score(1.0),
        row(capital(), "Tahskent", Typo),
        row(capital(), "Taskant", Wrong),
        row(typed(&["Oslo"]), "Olso", Wrong),
        row(typed(&["Paris"]), "Pars", Typo),
        row(typed(&["Paris"]), "Porus", Wrong),
        row(typed(&["Kazakhstan"]), "Kasakstan", Typo),
        row(typed(&["Kazakhstan"]), "Kasaksten", Wrong),
        row(
            typed(&["Shanghai Cooperation Organisation"]),
            "Shanghai Cooperation Organization",
            Typo,
        ),
        row(
            typed(&["Shanghai Cooperation Organisation"]),
            "Shangai Coperation Organizaton",
            Wrong,
        ),
        row(
            typed(&["Regional Anti-Terrorist Structure", "RATS"]),
            "Regional Antiterrorist Structur",
            Typo,
        ),
        row(typed(&["G20 summit"]), "G20 sumit", Typo),
        row(typed(&["G20 summit"]), "G21 summit", Wrong),
        // Another answer of the deck is never a typo of this one.
        row(capital(), "Bishkek", Wrong),
        row(typed(&["Australia"]), "Austria", Wrong)
            .note("Too close to another answer in this deck: Austria"),
        row(typed(&["Australia"]), "Austrlia", Wrong)
            .note("Too close to another answer in this deck: Austria"),
        row(typed(&["Australia"]), "Australa", Typo),
        // Empty, control characters, very long input.
        row(capital(), "", Wrong).score(0.0).note("No answer given"),
        row(capital(), " \t\n ", Wrong).note("No answer given"),
        row(capital(), "\u{0}\u{7}", Wrong).note("No answer given"),
        row(capital(), "Tash\u{0}kent", Correct),
        row(capital(), "\u{1b}[1mTashkent", Wrong),
        row(capital(), &"Tashkent ".repeat(300), Wrong)
            .note("Answer too long (over 2000 characters)"),
        row(capital(), &"x".repeat(1999), Wrong),
        // Numbers.
        row(number(4300.0, 0.0, Some("km")), "4300", Correct),
        row(number(4300.0, 0.0, Some("km")), "4,300", Correct),
        row(number(4300.0, 0.0, Some("km")), "4 300", Correct),
        row(number(4300.0, 0.0, Some("km")), "4300km", Correct),
        row(number(4300.0, 0.0, Some("km")), "4,300 km", Correct),
        row(number(4300.0, 0.0, Some("km")), "4.3 thousand km", Correct),
        row(
            number(4300.0, 0.0, Some("km")),
            "about 4300 kilometres",
            Correct,
        ),
        row(number(4300.0, 0.0, Some("km")), "4301", Wrong).note("Too high"),
        row(number(4300.0, 0.0, Some("km")), "4300 miles", Wrong)
            .note("Wrong unit: expected km, you wrote miles"),
        row(number(4300.0, 0.0, Some("km")), "four thousand", Wrong).note("Too low; Read as 4,000"),
        row(number(4300.0, 50.0, Some("km")), "4350", Correct).note("Accepted within ±50"),
        row(number(4300.0, 50.0, Some("km")), "4351", Wrong).note("Too high"),
        row(number(4300.0, 50.0, Some("km")), "4250 km", Correct),
        row(number(4300.0, 50.0, Some("km")), "4249", Wrong).note("Too low"),
        row(number(2.5, 0.0, None), "2.5", Correct),
        row(number(2.5, 0.0, None), "2,5", Correct),
        row(number(2.5, 0.0, None), "2.50", Correct),
        row(number(2.5, 0.0, None), "2.6", Wrong),
        row(number(-12.0, 0.0, Some("°C")), "-12 °C", Correct),
        row(number(-12.0, 0.0, Some("°C")), "−12", Correct),
        row(number(-12.0, 0.0, Some("°C")), "12", Wrong).note("Too high"),
        row(number(45.0, 0.0, Some("%")), "45%", Correct),
        row(number(45.0, 0.0, Some("%")), "45 per cent", Correct),
        row(number(3.3, 0.0, Some("million people")), "3.3", Correct),
        row(
            number(3.3, 0.0, Some("million people")),
            "3.3 million",
            Correct,
        ),
        row(
            number(3.3, 0.0, Some("million people")),
            "3,300,000 people",
            Correct,
        ),
        row(number(3.3, 0.0, Some("million people")), "2 million", Wrong).note("Too low"),
        row(number(4300.0, 0.0, Some("km")), "", Wrong).note("No answer given"),
        // Years.
        row(year(2001, 0), "2001", Correct),
        row(year(2001, 0), "in 2001", Correct),
        row(year(2001, 0), "2001 AD", Correct),
        row(year(2001, 0), "year 2001", Correct),
        row(year(2001, 0), "2002", Wrong).note("1 year too late"),
        row(year(2001, 0), "1998", Wrong).note("3 years too early"),
        row(year(2001, 0), "two thousand and one", Correct).note("Read as 2001"),
        row(year(1996, 2), "1998", Correct).note("Accepted within ±2 years"),
        row(year(1996, 2), "1999", Wrong).note("3 years too late"),
        row(year(-44, 0), "44 BC", Correct),
        row(year(-44, 0), "-44", Correct),
        row(year(-44, 0), "44", Wrong),
        // True or false.
        row(Kind::TrueFalse { answer: true }, "true", Correct),
        row(Kind::TrueFalse { answer: true }, "T", Correct),
        row(Kind::TrueFalse { answer: true }, "Yes.", Correct),
        row(Kind::TrueFalse { answer: true }, "y", Correct),
        row(Kind::TrueFalse { answer: true }, "no", Wrong),
        row(Kind::TrueFalse { answer: false }, "F", Correct),
        row(Kind::TrueFalse { answer: true }, "1", Invalid)
            .note("Type true or false (or t/f, yes/no)"),
        row(Kind::TrueFalse { answer: true }, "1", Correct).shown(&["True", "False"]),
        row(Kind::TrueFalse { answer: true }, "2", Wrong).shown(&["True", "False"]),
        row(Kind::TrueFalse { answer: true }, "maybe", Invalid)
            .note("Type true or false (or t/f, yes/no)"),
        // Choice with one right option, by number or text.
        row(host(), "2", Correct).shown(&HOST_SHOWN),
        row(host(), "2.", Correct).shown(&HOST_SHOWN),
        row(host(), "1", Wrong).shown(&HOST_SHOWN),
        row(host(), "tashkent", Correct).shown(&HOST_SHOWN),
        row(host(), "Tashkant", Typo).shown(&HOST_SHOWN),
        row(host(), "5", Invalid)
            .shown(&HOST_SHOWN)
            .note("There is no option 5: type a number from 1 to 4"),
        row(host(), "2, 3", Wrong)
            .shown(&HOST_SHOWN)
            .note("Only one option is correct"),
        row(host(), "Moscow", Invalid).shown(&HOST_SHOWN).note(
            "“Moscow” is not one of the options: type a number from 1 to 4 or an option's text",
        ),
        row(host(), "1", Correct),
        row(choice(&["2001"], &["1996", "2004"]), "2", Wrong).shown(&["1996", "2004", "2001"]),
        row(choice(&["2001"], &["1996", "2004"]), "3", Correct).shown(&["1996", "2004", "2001"]),
        row(choice(&["2001"], &["1996", "2004"]), "2001", Correct).shown(&["1996", "2004", "2001"]),
        row(choice(&["2001"], &["1996", "2004"]), "2017", Invalid)
            .shown(&["1996", "2004", "2001"])
            .note(
                "“2017” is not one of the options: type a number from 1 to 3 or an option's text",
            ),
        row(choice(&["Marsela"], &["Marsula"]), "Marsala", Invalid).note(
            "“Marsala” is as close to two options: type a number from 1 to 2 or an option's text",
        ),
        // Choice with several right options: partial credit, named misses and extras.
        row(members(), "2,4,5", Correct)
            .shown(&MEMBERS_SHOWN)
            .score(1.0),
        row(members(), "2 4 5", Correct).shown(&MEMBERS_SHOWN),
        row(members(), "2 and 4 and 5", Correct).shown(&MEMBERS_SHOWN),
        row(members(), "245", Correct).shown(&MEMBERS_SHOWN),
        row(members(), "5 4 2", Correct).shown(&MEMBERS_SHOWN),
        row(members(), "2 4", Partial)
            .shown(&MEMBERS_SHOWN)
            .score(2.0 / 3.0)
            .missing(&["Tajikistan"]),
        row(members(), "2 3 4 5", Partial)
            .shown(&MEMBERS_SHOWN)
            .score(0.75)
            .extra(&["Turkmenistan"]),
        row(members(), "1 3", Wrong)
            .shown(&MEMBERS_SHOWN)
            .score(0.0)
            .missing(&["Kazakhstan", "Kyrgyzstan", "Tajikistan"])
            .extra(&["Mongolia", "Turkmenistan"]),
        row(members(), "Kazakhstan, Kyrgyzstan and Tajikistan", Correct).shown(&MEMBERS_SHOWN),
        row(members(), "Kazakstan, Kyrgyzstan, Tajikistan", Typo).shown(&MEMBERS_SHOWN),
        // Lists: any order, any separator, partial credit.
        row(forces(), "terrorism, separatism, extremism", Correct).score(1.0),
        row(forces(), "extremism; terrorism; separatism", Correct),
        row(forces(), "separatism\nextremism\nterrorism", Correct),
        row(forces(), "terrorism and separatism and extremism", Correct),
        row(forces(), "terrorism & separatism / extremism", Correct),
        row(forces(), "terrorism, extremism", Partial)
            .score(2.0 / 3.0)
            .missing(&["separatism"]),
        row(forces(), "terrorism, Terrorism, extremism", Partial)
            .score(2.0 / 3.0)
            .missing(&["separatism"]),
        row(
            forces(),
            "terrorism, separatism, extremism, nationalism",
            Partial,
        )
        .score(0.75)
        .extra(&["nationalism"]),
        row(forces(), "terorism, separatism, extremism", Typo).score(1.0),
        row(forces(), "nationalism", Wrong)
            .score(0.0)
            .missing(&["terrorism", "separatism", "extremism"])
            .extra(&["nationalism"]),
        row(forces(), "", Wrong).note("No answer given"),
        row(
            list(
                &[
                    &["Regional Anti-Terrorist Structure", "RATS"],
                    &["Secretariat"],
                ],
                false,
            ),
            "the Secretariat and RATS",
            Correct,
        ),
        row(
            list(&[&["Trade and Investment"], &["Energy"]], false),
            "Energy, trade and investment",
            Correct,
        ),
        row(
            list(&[&["Kazakhstan"], &["Kyrgyzstan"], &["Tajikistan"]], true),
            "Kazakhstan, Kyrgyzstan, Tajikistan",
            Correct,
        ),
        row(
            list(&[&["Kazakhstan"], &["Kyrgyzstan"], &["Tajikistan"]], true),
            "Kyrgyzstan, Kazakhstan, Tajikistan",
            Partial,
        )
        .score(2.0 / 3.0)
        .note("Out of order: Kazakhstan"),
        // Order: shown numbers in sequence; score by longest run in the right order.
        row(timeline(), "2 4 1 3", Correct)
            .shown(&TIMELINE_SHOWN)
            .score(1.0),
        row(timeline(), "2,4,1,3", Correct).shown(&TIMELINE_SHOWN),
        row(timeline(), "2413", Correct).shown(&TIMELINE_SHOWN),
        row(timeline(), "2 1 4 3", Partial)
            .shown(&TIMELINE_SHOWN)
            .score(0.75)
            .note("Out of place: SCO founded"),
        row(timeline(), "3 1 4 2", Partial)
            .shown(&TIMELINE_SHOWN)
            .score(0.25),
        row(timeline(), "2 4 1", Partial)
            .shown(&TIMELINE_SHOWN)
            .score(0.75)
            .missing(&["India joins"]),
        row(timeline(), "2 4 1 3 7", Partial)
            .shown(&TIMELINE_SHOWN)
            .score(0.8)
            .note("Not one of the items: 7"),
        row(
            timeline(),
            "Shanghai Five, SCO founded, Charter signed, India joins",
            Correct,
        )
        .shown(&TIMELINE_SHOWN),
        row(timeline(), "1 2 3 4", Correct),
        // Cloze: blanks in order.
        row(two_blanks(), "Shanghai Five; 2001", Correct),
        row(two_blanks(), "Shanghai Five, 2001", Correct),
        row(two_blanks(), "Shanghai Five\n2001", Correct),
        row(two_blanks(), "Shanghai Fiv; 2001", Typo),
        row(two_blanks(), "Shanghai Five; 2002", Partial)
            .score(0.5)
            .missing(&["2001"]),
        row(two_blanks(), "2001; Shanghai Five", Wrong).missing(&["Shanghai Five", "2001"]),
        row(two_blanks(), "Shanghai Five", Partial)
            .score(0.5)
            .missing(&["2001"]),
        row(two_blanks(), "Shanghai Five; 2001; Pakistan", Partial)
            .score(2.0 / 3.0)
            .extra(&["Pakistan"]),
        row(
            cloze("Its anti-terror body sits in {{Tashkent|Toshkent}}."),
            "toshkent",
            Correct,
        ),
        row(
            cloze("Its anti-terror body sits in {{Tashkent|Toshkent}}."),
            "Tashkant",
            Typo,
        ),
        // Match: pairs or letters in left order.
        row(bodies(), "1b 2a 3c", Correct)
            .shown(&BODIES_SHOWN)
            .score(1.0),
        row(bodies(), "1-b, 2-a, 3-c", Correct).shown(&BODIES_SHOWN),
        row(bodies(), "1B 2A 3C", Correct).shown(&BODIES_SHOWN),
        row(bodies(), "1b and 2a and 3c", Correct).shown(&BODIES_SHOWN),
        row(bodies(), "bac", Correct).shown(&BODIES_SHOWN),
        row(bodies(), "b, a, c", Correct).shown(&BODIES_SHOWN),
        row(bodies(), "1b 2c 3a", Partial)
            .shown(&BODIES_SHOWN)
            .score(1.0 / 3.0)
            .missing(&["Secretariat → Beijing", "Summit → Bishkek"])
            .extra(&["Secretariat → Bishkek", "Summit → Beijing"]),
        row(bodies(), "1b", Partial)
            .shown(&BODIES_SHOWN)
            .score(1.0 / 3.0)
            .missing(&["Secretariat → Beijing", "Summit → Bishkek"]),
        row(bodies(), "1b 2a 3c 4d", Partial)
            .shown(&BODIES_SHOWN)
            .score(0.75)
            .note("Not in the lists: 4d"),
        row(bodies(), "1 2 3", Wrong)
            .shown(&BODIES_SHOWN)
            .note("Write pairs like 1b 2a, or the letters in order like ba"),
        row(bodies(), "abc", Correct),
        // Basic cards are graded by the learner.
        row(
            Kind::Basic {
                back: "anything".into(),
            },
            "whatever",
            Unchecked,
        ),
        row(
            Kind::Basic {
                back: "anything".into(),
            },
            "",
            Unchecked,
        ),
    ]
}

#[test]
fn table_of_rules() {
    run(&table(), 80);
}

/// Checks every row, reporting all that fail at once; the table must have `at_least` rows.
pub(super) fn run(table: &[Row], at_least: usize) {
    let pool = pool();
    assert!(table.len() >= at_least, "only {} cases", table.len());
    let mut failures = Vec::new();
    for row in table {
        let got = check_with(&row.kind, row.checking, &row.given, &row.shown, &pool);
        let label = format!(
            "{} {:?}",
            row.kind.name(),
            row.given.chars().take(40).collect::<String>()
        );
        if got.verdict != row.verdict {
            failures.push(format!(
                "{label}: verdict {:?}, expected {:?} ({got:?})",
                got.verdict, row.verdict
            ));
        }
        if let Some(score) = row.score
            && (got.score - score).abs() > 1e-6
        {
            failures.push(format!("{label}: score {}, expected {score}", got.score));
        }
        if got.missing != row.missing {
            failures.push(format!(
                "{label}: missing {:?}, expected {:?}",
                got.missing, row.missing
            ));
        }
        if got.extra != row.extra {
            failures.push(format!(
                "{label}: extra {:?}, expected {:?}",
                got.extra, row.extra
            ));
        }
        if row.note.is_some() && got.note != row.note {
            failures.push(format!(
                "{label}: note {:?}, expected {:?}",
                got.note, row.note
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        table.len(),
        failures.join("\n")
    );
}

pub(super) fn judged(kind: Kind, given: &str, shown: &[&str]) -> Outcome {
    check(&kind, given, &strings(shown), &pool())
}

#[test]
fn typo_records_what_was_written_and_the_spelling() {
    let outcome = judged(capital(), " Tashkant ", &[]);
    assert_eq!(
        outcome.typo,
        Some(("Tashkant".to_string(), "Tashkent".to_string()))
    );
}

#[test]
fn expected_typed_is_the_canonical_answer() {
    assert_eq!(judged(capital(), "x", &[]).expected, "Tashkent");
}

#[test]
fn expected_choice_numbers_the_right_options() {
    assert_eq!(
        judged(members(), "1", &MEMBERS_SHOWN).expected,
        "2. Kazakhstan; 4. Kyrgyzstan; 5. Tajikistan"
    );
}

#[test]
fn expected_order_gives_numbers_then_items() {
    assert_eq!(
        judged(timeline(), "1", &TIMELINE_SHOWN).expected,
        "2 4 1 3 (Shanghai Five → SCO founded → Charter signed → India joins)"
    );
}

#[test]
fn expected_match_gives_the_code_then_pairs() {
    assert_eq!(
        judged(bodies(), "a", &BODIES_SHOWN).expected,
        "1b 2a 3c (RATS → Tashkent; Secretariat → Beijing; Summit → Bishkek)"
    );
}

#[test]
fn expected_cloze_lists_the_blanks() {
    assert_eq!(
        judged(two_blanks(), "x", &[]).expected,
        "Shanghai Five; 2001"
    );
}

#[test]
fn expected_number_and_year_carry_unit_and_tolerance() {
    assert_eq!(
        judged(number(4300.0, 50.0, Some("km")), "1", &[]).expected,
        "4300 km (±50)"
    );
    assert_eq!(judged(year(-44, 0), "1", &[]).expected, "44 BC");
    // A range is shown by its ends, and anything in it is right.
    let range = number(2001.5, 1.5, None);
    assert_eq!(judged(range.clone(), "1", &[]).expected, "2000-2003");
    assert_eq!(judged(range, "2003", &[]).verdict, Verdict::Correct);
}

#[test]
fn explain_names_a_typo() {
    assert_eq!(
        explain(&judged(capital(), "Tashkant", &[])),
        "Close: you wrote Tashkant"
    );
}

#[test]
fn explain_counts_and_names_missing_items() {
    assert_eq!(
        explain(&judged(forces(), "terrorism, extremism", &[])),
        "2 of 3; Missing: separatism"
    );
}

#[test]
fn explain_names_extra_items() {
    let outcome = judged(
        forces(),
        "terrorism, separatism, extremism, nationalism",
        &[],
    );
    assert_eq!(explain(&outcome), "3 of 3; Extra: nationalism");
}

#[test]
fn explain_correct_with_a_note() {
    let outcome = judged(number(4300.0, 50.0, Some("km")), "4320", &[]);
    assert_eq!(explain(&outcome), "Correct; Accepted within ±50");
}

#[test]
fn explain_plain_wrong_and_correct() {
    assert_eq!(explain(&judged(capital(), "Samarkand", &[])), "Wrong");
    assert_eq!(explain(&judged(capital(), "Tashkent", &[])), "Correct");
}

#[test]
fn explain_wrong_unit() {
    let outcome = judged(number(4300.0, 0.0, Some("km")), "4300 miles", &[]);
    assert_eq!(
        explain(&outcome),
        "Wrong unit: expected km, you wrote miles"
    );
}

#[test]
fn explain_unchecked() {
    assert_eq!(
        explain(&judged(Kind::Basic { back: "b".into() }, "", &[])),
        "Compare with the answer"
    );
}

/// A small seeded generator (SplitMix64), so the sweep is the same on every run.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces chosen to hit the parsers' edges: separators, digits, signs, scale words, articles,
/// combining marks, other scripts, control characters and a right-to-left mark.
const PIECES: [&str; 40] = [
    "a",
    "the ",
    " and ",
    ",",
    ";",
    "\n",
    "/",
    "&",
    "-",
    ".",
    "'",
    "1",
    "2",
    "3",
    "9",
    "0",
    "45",
    "4,300",
    " km",
    "%",
    "$",
    "thousand",
    "BC",
    "ad",
    "b",
    "c",
    "Tashkent",
    "terrorism",
    "ё",
    "\u{301}",
    "\u{200f}",
    "\u{0}",
    "\u{1b}",
    "ß",
    "İ",
    "漢",
    "🙂",
    " ",
    "−",
    "ﬁ",
];

#[test]
fn check_never_panics_on_pseudo_random_input() {
    let pool = pool();
    let kinds: Vec<(Kind, Vec<Text>)> = vec![
        (capital(), Vec::new()),
        (number(4300.0, 50.0, Some("km")), Vec::new()),
        (number(3.3, 0.0, Some("million people")), Vec::new()),
        (year(-44, 1), Vec::new()),
        (
            Kind::TrueFalse { answer: false },
            strings(&["True", "False"]),
        ),
        (host(), strings(&HOST_SHOWN)),
        (members(), strings(&MEMBERS_SHOWN)),
        (forces(), Vec::new()),
        (list(&[&["a"], &["b and c"]], true), Vec::new()),
        (timeline(), strings(&TIMELINE_SHOWN)),
        (two_blanks(), Vec::new()),
        (bodies(), strings(&BODIES_SHOWN)),
        (Kind::Order { items: Vec::new() }, Vec::new()),
        (Kind::Match { pairs: Vec::new() }, strings(&["x"])),
        (
            Kind::Choice {
                correct: Vec::new(),
                wrong: Vec::new(),
            },
            Vec::new(),
        ),
    ];
    let mut rng = SplitMix(0x5eed);
    for _ in 0..400 {
        let length = rng.below(24);
        let mut given = String::new();
        for _ in 0..length {
            if rng.below(4) == 0 {
                given.push(char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('?'));
            } else {
                given.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        for (kind, shown) in &kinds {
            let outcome = check(kind, &given, shown, &pool);
            assert!(
                (0.0..=1.0).contains(&outcome.score),
                "{given:?}: score {}",
                outcome.score
            );
            assert!(!explain(&outcome).is_empty());
        }
    }
}

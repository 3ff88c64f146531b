//! Benchmarks of reading numbers, dates and quantities: whole answers as learners type them,
//! the checks of number, year and date cards, and the scan of article sentences. Run with
//! `cargo bench --bench answers`; the target is well under a millisecond per answer.

use divan::black_box;
use recall::answer::{self, AnswerPool};
use recall::deck::{FactDate, Kind};
use recall::numbers;

fn main() {
    divan::main();
}

/// Answers as learners type them, every form the reader knows.
const ANSWERS: [&str; 16] = [
    "4300",
    "4,300 km",
    "about 4 300 kilometres",
    "four thousand three hundred",
    "three hundred and twelve",
    "one and a half million",
    "2.3 billion",
    "€2.3bn",
    "45 per cent",
    "third",
    "two thousand and one",
    "nineteen ninety-six",
    "15 June 2001",
    "June 15th, 2001",
    "the 1990s",
    "44 BC",
];

/// Sentences as articles write them.
const SENTENCES: [&str; 4] = [
    "The organisation was founded on 15 June 2001 in Shanghai, and India and Pakistan joined in 2017.",
    "Its secretariat, with about 30 staff, has been in Beijing since 2004; some 3.4 billion people live in its member states.",
    "From 1914 to 1918 the bridge, which cost 2,300 million euros and spans 4,350 km of coast, stayed closed.",
    "In the mid-1990s, more than 1.5 million visitors came each year, about 40% of them in June and July 2001.",
];

#[divan::bench]
fn read_quantity() {
    for a in ANSWERS {
        black_box(numbers::read_quantity(black_box(a)));
    }
}

#[divan::bench]
fn read_dates() {
    for a in ANSWERS {
        black_box(numbers::read_dates(black_box(a)));
    }
}

/// One answer checked on each of a number, a year and a date card: what a learner waits for.
#[divan::bench]
fn check_number_year_and_date_cards() {
    let pool = AnswerPool::default();
    let kinds = [
        Kind::Number {
            answer: 4300.0,
            tolerance: 0.0,
            unit: Some("km".into()),
        },
        Kind::Year {
            answer: 2001,
            tolerance: 0,
        },
        Kind::Date {
            answer: FactDate {
                year: 2001,
                month: Some(6),
                day: Some(15),
            },
        },
    ];
    for a in ANSWERS {
        for kind in &kinds {
            black_box(answer::check(kind, black_box(a), &[], &pool));
        }
    }
}

#[divan::bench]
fn scan_sentences() {
    for s in SENTENCES {
        black_box(numbers::scan(black_box(s)));
    }
}

//! Scoring a draft against a gold deck, for the extraction benchmark (`examples/draft_bench`):
//! which drafted facts state a gold fact, how many gold facts were found, and how precision
//! varies with the draft's confidence.
//!
//! The match rule is automatic and conservative, so precision is a lower bound: a correct
//! drafted fact that the gold list does not hold, or holds in other words, counts as wrong.
//! A drafted fact matches a gold fact when
//! - both are of the same kind,
//! - their key answers agree after the answer checker's normalisation (event: the same year,
//!   and the same month and day where both give one; place: the place; person: the name;
//!   list: the same set of items; number: the same value, within the gold tolerance, a unit
//!   opening with a scale word ("thousand", "million", "lakh", ...) scaling its value; term: the
//!   term), an accepted alternative of the gold fact counting as the answer too,
//! - and the phrases that say what the fact is about (event `what`, place `subject`, person
//!   `role`, list `name`, number `quantity`, term `definition`) share content words: at least
//!   half of the shorter phrase's content words, one of them not a generic word such as
//!   "founding"; a number's two quantities must also measure the same thing ("area",
//!   "population", ...) when both name what they measure.
//!
//! Words are compared without their inflections and derivational endings ("landed",
//! "landing", "landings" are one word; "created" is "creation", "arrived" is "arrival"), so a
//! correct fact worded as a verb where the gold has a noun still counts; the shorter stem keeps
//! four letters at least, so short words never swallow longer ones ("war" is not "ward").
//!
//! An acronym is the same words as its expansion ("the creation of RATS" and "the creation
//! of the Regional Anti-Terrorist Structure" say the same): acronyms that either deck defines
//! as a term are spelled out in the phrases before they are compared, and so is an acronym
//! that the other phrase's capitalised words spell letter by letter, one word a letter.

use std::collections::BTreeSet;

use crate::answer::{normalised, normalised_words};
use crate::deck::{Answer, Fact, FactDate, FactKind};

/// Words that carry no content in a fact's phrase.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "as", "its", "his", "her", "their", "it", "is", "was", "were", "be", "that", "which", "who",
    "s", "up",
];

/// Content words too common in fact phrases to tell two facts apart on their own.
#[rustfmt::skip]
const GENERIC: &[&str] = &[
    "founding", "signing", "establishment", "creation", "opening", "launch", "start", "end",
    "beginning", "death", "birth", "publication", "introduction", "announcement", "adoption",
    "setting", "name", "term", "date", "year", "new",
];

/// What a number measures: two quantities measuring different things ("the area of X", "the
/// population of X") are different facts whatever else they share.
#[rustfmt::skip]
const MEASURES: &[&str] = &[
    "number", "length", "area", "height", "population", "distance", "age", "share", "budget",
    "revenue", "sales", "cost", "depth", "width", "weight", "speed", "temperature", "volume",
    "margin", "size",
];

/// Which confidence band a drafted item falls in, from the highest.
pub const BANDS: [(f32, &str); 3] = [(0.8, ">= 0.8"), (0.6, "0.6-0.8"), (0.0, "< 0.6")];

/// The band index of a confidence.
pub fn band(confidence: f32) -> usize {
    BANDS
        .iter()
        .position(|(low, _)| confidence >= *low)
        .unwrap_or(BANDS.len() - 1)
}

fn content_words(text: &str) -> BTreeSet<String> {
    normalised_words(text)
        .into_iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// Endings of inflection taken off a word before phrases are compared ("landed", "landing",
/// "landings" are "land"), longest first.
const INFLECTIONS: &[&str] = &["ings", "ing", "ies", "ed", "es", "s"];

/// Endings that make a noun of a verb or an adjective of a noun: "creat" (from "created") is
/// the same word as "creation", "arriv" as "arrival", "discover" as "discovery".
const DERIVATIONS: &[&str] = &[
    "ation", "ition", "ion", "ment", "al", "ance", "ence", "ure", "y", "e", "er", "ery",
];

/// A word without its inflection: "-ies" becomes "y", "-s", "-es", "-ed", "-ing" go, as long
/// as four letters stay and the word is not one that ends in "s" itself ("gas", "crisis").
fn stem(word: &str) -> String {
    for ending in INFLECTIONS {
        if let Some(base) = word.strip_suffix(ending)
            && base.chars().count() >= 4
            && !(ending.ends_with('s')
                && (base.ends_with('s') || base.ends_with('u') || base.ends_with('i')))
        {
            return match *ending {
                "ies" => format!("{base}y"),
                // "enters" -> "enter", not "enter" less an "e".
                "es" if !base.ends_with(['s', 'x', 'z', 'h']) => format!("{base}e"),
                _ => base.to_string(),
            };
        }
    }
    word.to_string()
}

/// Whether two stems are one word: equal, or one is the other with a derivational ending
/// ("creat" and "creation"); the shorter keeps at least four letters so "war" is never "ward".
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long
        || (short.chars().count() >= 4
            && long
                .strip_prefix(short.trim_end_matches('e'))
                .is_some_and(|rest| DERIVATIONS.contains(&rest)))
}

fn is_generic(word: &str) -> bool {
    GENERIC.iter().any(|g| same_word(&stem(g), word))
}

/// The acronyms of one phrase spelled out as the other phrase writes them: "ESA" in "the
/// budget of ESA" is "European Space Agency" when the other phrase says "the European Space
/// Agency's budget". Only a run of the other phrase's capitalised words that spells the
/// acronym letter by letter counts, so an acronym never stands for an unrelated name.
fn spell_from(phrase: &str, other: &str) -> String {
    let words: Vec<&str> = other.split_whitespace().collect();
    phrase
        .split(' ')
        .map(|w| {
            let bare = w
                .trim_end_matches("'s")
                .trim_matches(|c: char| !c.is_alphanumeric());
            if bare.chars().count() < 2 || !bare.chars().all(|c| c.is_uppercase()) {
                return w.to_string();
            }
            (0..words.len())
                .flat_map(|i| (i + 2..=words.len().min(i + 8)).map(move |j| (i, j)))
                .map(|(i, j)| words[i..j].join(" "))
                .map(|run| run.trim_end_matches("'s").to_string())
                .find(|run| {
                    run.starts_with(char::is_uppercase)
                        && run
                            .split(' ')
                            .next_back()
                            .is_some_and(|l| l.starts_with(char::is_uppercase))
                        && crate::draft::context::expands(run, bare)
                        && run
                            .split([' ', '-'])
                            .filter(|x| x.starts_with(char::is_uppercase))
                            .count()
                            == bare.chars().count()
                })
                .unwrap_or_else(|| w.to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names in a phrase: its capitalised words, the first one too ("Panama's declaration of
/// independence" names Panama; "the editor of L'Auto" names "l'auto"), as content words, so a
/// capitalised function word opening the phrase ("The") names nothing.
fn names(text: &str) -> BTreeSet<String> {
    text.split_whitespace()
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
        .filter(|w| w.starts_with(char::is_uppercase))
        .flat_map(content_words)
        .collect()
}

/// Whether two phrases about a fact share enough content words (see the module doc).
pub fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (spell_from(a, b), spell_from(b, a));
    // "the editor of Géo Lefèvre" is not "the editor of L'Auto": when both phrases name
    // something, they name the same thing.
    let (names_a, names_b) = (names(&a), names(&b));
    if !names_a.is_empty()
        && !names_b.is_empty()
        && !names_a
            .iter()
            .any(|n| names_b.iter().any(|m| same_word(n, m)))
    {
        return false;
    }
    let (a, b) = (content_words(&a), content_words(&b));
    let shared: Vec<&String> = a
        .iter()
        .filter(|w| b.iter().any(|v| same_word(w, v)))
        .collect();
    let shorter = a.len().min(b.len());
    !shared.is_empty() && shared.len() * 2 >= shorter && shared.iter().any(|w| !is_generic(w))
}

/// Whether two quantities measure the same thing, when both say what they measure.
fn same_measure(a: &str, b: &str) -> bool {
    let measures = |s: &str| -> BTreeSet<String> {
        content_words(s)
            .into_iter()
            .filter(|w| MEASURES.iter().any(|m| stem(m) == *w))
            .collect()
    };
    let (a, b) = (measures(a), measures(b));
    a.is_empty() || b.is_empty() || !a.is_disjoint(&b)
}

fn same_answer(drafted: &Answer, gold: &Answer) -> bool {
    let keys: Vec<String> = gold.all().map(normalised).collect();
    drafted.all().any(|d| keys.contains(&normalised(d)))
}

fn same_date(a: &FactDate, b: &FactDate) -> bool {
    a.year == b.year
        && (a.month.is_none() || b.month.is_none() || a.month == b.month)
        && (a.day.is_none() || b.day.is_none() || a.day == b.day)
}

fn same_items(drafted: &[Answer], gold: &[Answer]) -> bool {
    drafted.len() == gold.len()
        && drafted
            .iter()
            .all(|d| gold.iter().any(|g| same_answer(d, g)))
        && gold
            .iter()
            .all(|g| drafted.iter().any(|d| same_answer(d, g)))
}

/// Whether a drafted fact gives the same key answer as a gold fact of its kind, whatever its
/// phrase says: a looser reading than [`matches`], shown beside it because another writer's
/// phrases may share no words with the draft's.
pub fn same_key(drafted: &FactKind, gold: &FactKind) -> bool {
    use FactKind as K;
    match (drafted, gold) {
        (K::Event { date, .. }, K::Event { date: d, .. }) => same_date(date, d),
        (K::Place { place, .. }, K::Place { place: p, .. }) => same_answer(place, p),
        (K::Person { name, .. }, K::Person { name: n, .. }) => same_answer(name, n),
        (K::List { items, .. }, K::List { items: i, .. }) => same_items(items, i),
        (K::Number { .. }, K::Number { .. }) => same_number(drafted, gold),
        (K::Term { term, .. }, K::Term { term: t, .. }) => same_answer(term, t),
        _ => false,
    }
}

/// Whether two numbers are the same value within the gold tolerance, each scaled by the scale
/// word its unit opens with: 23.7 "billion euros" is 23,700,000,000 euros.
fn same_number(drafted: &FactKind, gold: &FactKind) -> bool {
    // The shared number parser's scale words ("thousand", "million", "lakh", ...).
    let scale = |unit: &Option<crate::deck::Text>| {
        unit.as_deref()
            .and_then(|u| u.split_whitespace().next())
            .and_then(crate::numbers::scale_value)
            .filter(|(_, ordinal)| !ordinal)
            .map_or(1.0, |(power, _)| 10f64.powi(power))
    };
    match (drafted, gold) {
        (
            FactKind::Number { value, unit, .. },
            FactKind::Number {
                value: v,
                unit: u,
                tolerance,
                ..
            },
        ) => {
            let (value, v, tolerance) = (value * scale(unit), v * scale(u), tolerance * scale(u));
            (value - v).abs() <= tolerance.max(v.abs() * 1e-9)
        }
        _ => false,
    }
}

/// Whether a drafted fact states the gold fact (see the module doc for the rule).
pub fn matches(drafted: &FactKind, gold: &FactKind) -> bool {
    use FactKind as K;
    match (drafted, gold) {
        // Where an event took place is part of what it says: "the publication of the model"
        // in Nature is "the publication of their paper in Nature".
        (
            K::Event {
                what, date, place, ..
            },
            K::Event {
                what: w,
                date: d,
                place: p,
            },
        ) => same_date(date, d) && overlaps(&with_place(what, place), &with_place(w, p)),
        (
            K::Place { subject, place, .. },
            K::Place {
                subject: s,
                place: p,
                ..
            },
        ) => same_answer(place, p) && overlaps(subject, s),
        (
            K::Person { name, role, .. },
            K::Person {
                name: n, role: r, ..
            },
        ) => same_answer(name, n) && overlaps(role, r),
        (
            K::List { name, items, .. },
            K::List {
                name: n, items: i, ..
            },
        ) => same_items(items, i) && overlaps(name, n),
        (K::Number { quantity, .. }, K::Number { quantity: q, .. }) => {
            same_number(drafted, gold) && overlaps(quantity, q) && same_measure(quantity, q)
        }
        (
            K::Term { term, definition },
            K::Term {
                term: t,
                definition: d,
            },
        ) => same_answer(term, t) && overlaps(definition, d),
        _ => false,
    }
}

/// An event's phrase with its place, unless the phrase already names it.
fn with_place(what: &str, place: &Option<crate::deck::Text>) -> String {
    match place {
        Some(p) if !what.contains(p.as_str()) => format!("{what} in {p}"),
        _ => what.to_string(),
    }
}

/// Acronyms defined as terms in either deck, with their expansions.
fn acronyms<'a>(facts: impl Iterator<Item = &'a Fact>) -> Vec<(String, String)> {
    facts
        .filter_map(|f| match &f.kind {
            FactKind::Term { term, definition }
                if term.text.chars().count() >= 2
                    && term.text.chars().all(|c| c.is_uppercase() || c == '&') =>
            {
                Some((term.text.to_string(), definition.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// A fact with the acronyms in its phrases spelled out (answers are left as written).
fn spelled_out(kind: &FactKind, acronyms: &[(String, String)]) -> FactKind {
    let spell = |text: &str| -> String {
        text.split(' ')
            .map(|w| {
                acronyms
                    .iter()
                    .find(|(a, _)| a == w.trim_end_matches("'s"))
                    .map_or(w.to_string(), |(_, e)| e.clone())
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut kind = kind.clone();
    match &mut kind {
        FactKind::Event { what, .. } => *what = spell(what).into(),
        FactKind::Place { subject, .. } => *subject = spell(subject).into(),
        FactKind::Person { role, .. } => *role = spell(role).into(),
        FactKind::List { name, .. } => *name = spell(name).into(),
        FactKind::Number { quantity, .. } => *quantity = spell(quantity).into(),
        FactKind::Term { definition, .. } => *definition = spell(definition).into(),
    }
    kind
}

/// Whether a gold fact only counts for precision (tagged "extra").
pub fn is_extra(fact: &Fact) -> bool {
    fact.tags.iter().any(|t| t == "extra")
}

/// One article's figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Gold facts a teacher would ask (not "extra").
    pub gold: usize,
    /// Of those, how many some drafted fact matches.
    pub found: usize,
    pub drafted: usize,
    /// Drafted facts that match a gold fact, "extra" ones included.
    pub correct: usize,
    /// Drafted facts with the same kind and key answer as some gold fact ([`same_key`]).
    pub same_answer: usize,
    /// Drafted and correct facts by confidence band (see [`BANDS`]).
    pub bands: [(usize, usize); 3],
    /// Ids of drafted facts that match no gold fact, and of gold facts nothing matched.
    pub unmatched: Vec<String>,
    pub missed: Vec<String>,
}

impl Score {
    /// Scores drafted facts (each with its confidence) against the gold facts.
    pub fn of(drafted: &[(&Fact, f32)], gold: &[Fact]) -> Score {
        let mut score = Score {
            gold: gold.iter().filter(|g| !is_extra(g)).count(),
            drafted: drafted.len(),
            ..Score::default()
        };
        let mut found = vec![false; gold.len()];
        let acronyms = acronyms(drafted.iter().map(|(f, _)| *f).chain(gold.iter()));
        let gold: Vec<Fact> = gold
            .iter()
            .map(|g| Fact {
                kind: spelled_out(&g.kind, &acronyms),
                ..g.clone()
            })
            .collect();
        for (fact, confidence) in drafted {
            let band = band(*confidence);
            score.bands[band].0 += 1;
            let mut hit = false;
            let kind = spelled_out(&fact.kind, &acronyms);
            if gold.iter().any(|g| same_key(&kind, &g.kind)) {
                score.same_answer += 1;
            }
            for (i, g) in gold.iter().enumerate() {
                if matches(&kind, &g.kind) {
                    hit = true;
                    found[i] = true;
                }
            }
            if hit {
                score.correct += 1;
                score.bands[band].1 += 1;
            } else {
                score.unmatched.push(fact.id.to_string());
            }
        }
        for (g, found) in gold.iter().zip(found) {
            if is_extra(g) {
                continue;
            }
            if found {
                score.found += 1;
            } else {
                score.missed.push(g.id.to_string());
            }
        }
        score
    }

    /// Adds another article's figures (for the overall row).
    pub fn add(&mut self, other: &Score) {
        self.gold += other.gold;
        self.found += other.found;
        self.drafted += other.drafted;
        self.correct += other.correct;
        self.same_answer += other.same_answer;
        for (mine, theirs) in self.bands.iter_mut().zip(other.bands) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
    }
}

/// `part / whole` as a percentage, or `None` when there is nothing to divide.
pub fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| 100.0 * part as f64 / whole as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Span;

    fn event(what: &str, year: i32, month: Option<u8>) -> FactKind {
        FactKind::Event {
            what: what.into(),
            date: FactDate {
                year,
                month,
                day: None,
            },
            place: None,
        }
    }

    fn fact(id: &str, kind: FactKind, extra: bool) -> Fact {
        Fact {
            id: id.into(),
            kind,
            tags: if extra { vec!["extra".into()] } else { vec![] },
            explain: None,
            source: None,
            span: Span::default(),
            hints: Default::default(),
        }
    }

    #[test]
    fn events_match_on_date_and_content_words() {
        let gold = event("the accession of Brunei to ASEAN", 1984, Some(1));
        assert!(matches(
            &event("the accession of Brunei", 1984, None),
            &gold
        ));
        assert!(matches(
            &event("Brunei joining ASEAN", 1984, Some(1)),
            &gold
        ));
        assert!(!matches(
            &event("the accession of Brunei", 1985, None),
            &gold
        ));
        assert!(!matches(
            &event("the accession of Brunei", 1984, Some(2)),
            &gold
        ));
        assert!(!matches(
            &event("the signing of a charter", 1984, None),
            &gold
        ));
    }

    #[test]
    fn a_shared_generic_word_is_not_enough() {
        let gold = event("the founding of ASEAN", 1967, None);
        assert!(!matches(
            &event("the founding of Iceland", 1967, None),
            &gold
        ));
        assert!(matches(
            &event("the founding of the ASEAN", 1967, None),
            &gold
        ));
        // "up" is a particle: "the setting up of ASEAN" names ASEAN and a verb.
        assert!(matches(
            &event("the setting up of ASEAN", 1967, None),
            &gold
        ));
    }

    #[test]
    fn half_of_the_shorter_phrase_must_be_shared() {
        assert!(overlaps("the Battle of Balaclava", "Balaclava"));
        assert!(!overlaps(
            "the treaty with Russia on the northern border river",
            "the northern rail line to the coast"
        ));
    }

    #[test]
    fn inflections_and_derivations_are_the_same_word() {
        // Must: the verb's forms and its noun, a plural, "-ies".
        assert!(overlaps("the landing of Philae", "when Philae landed"));
        assert!(overlaps("the creation of the league", "the league created"));
        assert!(overlaps(
            "Rosetta's arrival at the comet",
            "Rosetta arrived"
        ));
        assert!(overlaps("the two founding countries", "the country"));
        assert!(overlaps("the launches of rockets", "the rocket launch"));
        assert!(overlaps("the discovery of insulin", "insulin discovered"));
        // Must not: words that only begin alike, short stems, a generic word's forms alone.
        assert!(!overlaps("the war in the south", "the ward"));
        assert!(!overlaps("the station", "the statement"));
        assert!(!overlaps("the founding of Iceland", "ASEAN founded"));
        assert_eq!(stem("crisis"), "crisis");
        assert_eq!(stem("gas"), "gas");
        assert_eq!(stem("houses"), "house");
        assert_eq!(stem("countries"), "country");
        assert_eq!(stem("launches"), "launch");
    }

    #[test]
    fn phrases_that_both_name_something_must_name_the_same() {
        // Must not: the same role of another body.
        assert!(!overlaps(
            "the editor of Tomas Reede",
            "the editor of The Harbour Gazette"
        ));
        // Must: a name shared, or only one phrase naming anything.
        assert!(overlaps(
            "the death of Mara Quell",
            "the death of Quell in Varn"
        ));
        assert!(overlaps(
            "the editor of the gazette",
            "the editor of The Gazette"
        ));
    }

    #[test]
    fn an_events_place_is_part_of_what_it_says() {
        let at = |what: &str, place: Option<&str>| FactKind::Event {
            what: what.into(),
            date: FactDate {
                year: 1953,
                month: None,
                day: None,
            },
            place: place.map(Into::into),
        };
        assert!(matches(
            &at("the publication of the model", Some("Nature")),
            &at("the publication of their paper in Nature", None)
        ));
        assert!(!matches(
            &at("the publication of the model", None),
            &at("the publication of their paper in Nature", None)
        ));
        assert!(!matches(
            &at("the death of the poet", Some("Varn")),
            &at("the founding of the guild in Varn", None)
        ));
    }

    #[test]
    fn a_name_opening_a_phrase_is_one_of_its_names() {
        // Must: "Panama's" names Panama, with or without its possessive.
        assert!(overlaps(
            "the declaration of the independence of Panama",
            "Panama's declaration of independence from Colombia"
        ));
        assert!(overlaps("ESA's budget", "the budget of ESA"));
        // Must not: a phrase opening with another name is about something else.
        assert!(!overlaps(
            "Colombia's declaration of independence",
            "the declaration of the independence of Panama"
        ));
        // A capitalised function word opening a phrase names nothing.
        assert!(overlaps(
            "The declaration of independence of Panama",
            "the declaration of Panama's independence"
        ));
    }

    #[test]
    fn an_acronym_is_the_name_the_other_phrase_spells_out() {
        // Must: "ESA" against the words that spell it, possessives either side.
        assert!(overlaps(
            "the budget of ESA",
            "the European Space Agency's budget"
        ));
        assert!(overlaps(
            "ESA's headquarters",
            "headquarters of the European Space Agency"
        ));
        assert!(overlaps(
            "the founding of the European Space Agency",
            "the founding of ESA"
        ));
        // Must not: a name that does not spell it letter by letter, or spells it with more
        // capitalised words than it has letters.
        assert!(!overlaps(
            "the founding of ESA",
            "the founding of the European Union"
        ));
        assert!(!overlaps(
            "the founding of ESA",
            "the founding of the Eastern Sea"
        ));
        assert!(overlaps(
            "the creation of RATS",
            "the creation of the Regional Anti-Terrorist Structure"
        ));
        assert!(!overlaps(
            "the founding of ESA",
            "the founding of the European Space"
        ));
    }

    #[test]
    fn lists_match_as_sets_with_accepted_spellings() {
        let gold = FactKind::List {
            name: "the founding members of ASEAN".into(),
            items: vec![
                Answer::plain("Indonesia"),
                Answer {
                    text: "the Philippines".into(),
                    accept: vec!["Philippines".into()],
                },
            ],
            ordered: false,
        };
        let drafted = |items: &[&str]| FactKind::List {
            name: "the five founding members".into(),
            items: items.iter().map(|i| Answer::plain(*i)).collect(),
            ordered: false,
        };
        assert!(matches(&drafted(&["Philippines", "indonesia"]), &gold));
        assert!(!matches(&drafted(&["Indonesia"]), &gold));
        assert!(!matches(
            &drafted(&["Indonesia", "Philippines", "Laos"]),
            &gold
        ));
    }

    #[test]
    fn numbers_match_within_the_gold_tolerance() {
        let number = |quantity: &str, value: f64, tolerance: f64| FactKind::Number {
            quantity: quantity.into(),
            value,
            unit: None,
            tolerance,
        };
        let gold = number("the population of Iceland", 390_000.0, 20_000.0);
        assert!(matches(
            &number("the population of Iceland", 380_000.0, 0.0),
            &gold
        ));
        assert!(!matches(
            &number("the population of Iceland", 300_000.0, 0.0),
            &gold
        ));
        assert!(!matches(
            &number("the area of Iceland", 390_000.0, 0.0),
            &gold
        ));
        // A gold unit of "billion euros" scales its value, and its tolerance.
        let money = |value: f64, unit: &str, tolerance: f64| FactKind::Number {
            quantity: "the revenue of Tull Shipping".into(),
            value,
            unit: Some(unit.into()),
            tolerance,
        };
        let gold = money(23.7, "billion euros", 0.5);
        assert!(matches(&money(23.7e9, "€", 0.0), &gold));
        assert!(matches(&money(23.5e9, "€", 0.0), &gold));
        assert!(!matches(&money(23.7, "€", 0.0), &gold));
        assert!(!matches(&money(22.0e9, "€", 0.0), &gold));
        assert!(!matches(&money(22.9e9, "€", 0.0), &gold));
        // A drafted unit that opens with one scales too.
        assert!(matches(
            &money(23.7, "billion euros", 0.0),
            &money(23.7e9, "€", 0.0)
        ));
        assert!(same_key(
            &money(1e12, "$", 0.0),
            &money(1.0, "trillion dollars", 0.0)
        ));
        assert!(same_key(
            &money(2e3, "$", 0.0),
            &money(2.0, "thousand dollars", 0.0)
        ));
        assert!(same_key(
            &money(2e6, "$", 0.0),
            &money(2.0, "million dollars", 0.0)
        ));
        let term = |t: &str| FactKind::Term {
            term: Answer::plain(t),
            definition: "a union of ports".into(),
        };
        assert!(same_key(&term("the Varn League"), &term("Varn League")));
        assert!(!same_key(&term("the Varn League"), &term("Tull League")));
    }

    #[test]
    fn kinds_must_agree() {
        let term = FactKind::Term {
            term: Answer::plain("RATS"),
            definition: "Regional Anti-Terrorist Structure".into(),
        };
        let person = FactKind::Person {
            name: Answer::plain("RATS"),
            role: "Regional Anti-Terrorist Structure".into(),
            since: None,
        };
        assert!(matches(&term, &term));
        assert!(!matches(&person, &term));
    }

    #[test]
    fn scores_count_recall_precision_and_bands() {
        let gold = vec![
            fact("a", event("the founding of ASEAN", 1967, None), false),
            fact("b", event("the accession of Brunei", 1984, None), false),
            fact("c", event("the first ASEAN summit", 1976, None), true),
        ];
        let d1 = fact("d1", event("the founding of ASEAN", 1967, None), false);
        let d2 = fact("d2", event("the first ASEAN summit", 1976, None), false);
        let d3 = fact("d3", event("a storm in the harbour", 1990, None), false);
        let score = Score::of(&[(&d1, 0.9), (&d2, 0.7), (&d3, 0.5)], &gold);
        assert_eq!((score.gold, score.found), (2, 1));
        assert_eq!((score.drafted, score.correct), (3, 2));
        assert_eq!(score.same_answer, 2);
        assert_eq!(score.bands, [(1, 1), (1, 1), (1, 0)]);
        assert_eq!(score.unmatched, ["d3"]);
        assert_eq!(score.missed, ["b"]);
        let mut total = Score::default();
        total.add(&score);
        total.add(&score);
        assert_eq!((total.gold, total.found, total.correct), (4, 2, 4));
        assert_eq!(percent(1, 4), Some(25.0));
        assert_eq!(percent(1, 0), None);
    }

    #[test]
    fn acronyms_defined_as_terms_read_as_their_expansion() {
        let gold = vec![fact(
            "a",
            event(
                "the founding of the Association of Southeast Asian Nations",
                1967,
                None,
            ),
            false,
        )];
        // "ASEAN" takes two letters from "Asian": only the deck's own term says it is that.
        let term = fact(
            "t",
            FactKind::Term {
                term: Answer::plain("ASEAN"),
                definition: "Association of Southeast Asian Nations".into(),
            },
            false,
        );
        let drafted = fact("d", event("the founding of ASEAN", 1967, None), false);
        assert_eq!(Score::of(&[(&drafted, 0.8)], &gold).found, 0);
        assert_eq!(Score::of(&[(&drafted, 0.8), (&term, 0.8)], &gold).found, 1);
    }

    #[test]
    fn bands_are_by_lower_bound() {
        assert_eq!(band(0.95), 0);
        assert_eq!(band(0.8), 0);
        assert_eq!(band(0.79), 1);
        assert_eq!(band(0.6), 1);
        assert_eq!(band(0.2), 2);
    }
}

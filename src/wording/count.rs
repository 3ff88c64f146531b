//! Numbers and counted nouns: a value written as prose writes it ("4,300 km", "12%"), number
//! words, units of measure told from counted nouns ("km" measures; "documents" counts), and
//! the reading of a quantity such as "the number of member states of the SCO", which a
//! teacher asks as "How many member states does the SCO have?".

use super::noun::{NounPhrase, Opening, bare, is_capitalised, phrase, sentence};
use super::plural::{do_, have, is_plural_noun, singular};
use super::verb::{Verb, is_past_form};

/// Units of measure (lower case, as written after a number). Anything else written as a unit
/// and spelt as a plural noun ("documents", "countries") is a counted noun.
const MEASURES: &[&str] = &[
    "km",
    "m",
    "cm",
    "mm",
    "nm",
    "µm",
    "mi",
    "ft",
    "in",
    "yd",
    "km2",
    "km²",
    "m2",
    "m²",
    "ha",
    "acres",
    "kg",
    "g",
    "mg",
    "t",
    "tonnes",
    "tons",
    "lb",
    "lbs",
    "oz",
    "l",
    "ml",
    "%",
    "percent",
    "per cent",
    "°c",
    "°f",
    "k",
    "°",
    "degrees",
    "s",
    "sec",
    "seconds",
    "min",
    "minutes",
    "h",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "centuries",
    "km/h",
    "mph",
    "m/s",
    "kw",
    "mw",
    "gw",
    "w",
    "kwh",
    "v",
    "hz",
    "khz",
    "mhz",
    "ghz",
    "usd",
    "eur",
    "gbp",
    "$",
    "€",
    "£",
    "dollars",
    "euros",
    "pounds",
    "yuan",
    "roubles",
    "rubles",
    "rupees",
    "yen",
    "light-years",
    "light years",
    "au",
    "pc",
    "ly",
    "metres",
    "meters",
    "kilometres",
    "kilometers",
    "miles",
    "feet",
    "inches",
    "kilograms",
    "grams",
    "litres",
    "liters",
    "calories",
    "kcal",
    "bar",
    "pa",
    "kpa",
    "atm",
    "db",
    "bits",
    "bytes",
    "kb",
    "mb",
    "gb",
    "tb",
    "times",
];

/// Prepositions that place counted things ("stars on the flag", "documents in the
/// framework"): asked "How many stars are there on the flag?".
const LOCATIVES: &[&str] = &["in", "on", "at", "inside", "within", "aboard"];

const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// The word for a whole number from zero to twenty ("eight").
pub fn number_word(value: f64) -> Option<&'static str> {
    if value.fract() != 0.0 || !(0.0..=20.0).contains(&value) {
        return None;
    }
    NUMBER_WORDS.get(value as usize).copied()
}

/// A number as prose writes it: thousands grouped with commas ("4,300", "384,400"), decimals
/// as they are ("0.5"); a number too large or too small to read in digits as a textbook writes
/// it ("6.022 × 10²³", "1.6 × 10⁻¹⁹").
pub fn format_value(value: f64) -> String {
    if value.is_finite() && value != 0.0 && !(1e-4..1e15).contains(&value.abs()) {
        return scientific(value);
    }
    let text = value.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", text.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    if int.len() <= 3 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return text;
    }
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// `value` as a mantissa times a power of ten, the exponent in superscript digits.
fn scientific(value: f64) -> String {
    let text = format!("{value:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text.as_str(), "0"));
    let superscript: String = exponent
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            d => ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']
                [d.to_digit(10).unwrap_or(0) as usize],
        })
        .collect();
    format!("{mantissa} × 10{superscript}")
}

/// A quantity as options and explanations show it: "8", "4,300 km", "12%".
pub fn format_number(value: f64, unit: Option<&str>) -> String {
    let v = format_value(value);
    match unit {
        Some(u) if u.starts_with('%') => format!("{v}{u}"),
        Some(u) => format!("{v} {u}"),
        None => v,
    }
}

/// Whether `unit` measures ("km", "%", "years") rather than counts ("documents").
pub fn is_measure(unit: &str) -> bool {
    let u = unit.trim().to_lowercase();
    MEASURES.contains(&u.as_str()) || !is_plural_noun(&u) || u.contains('/')
}

/// What the study screen says under a number question: "(a number, in km)" for a unit of
/// measure, "(a number of documents)" for a counted noun, "(a number)" with neither.
pub fn answer_hint(unit: Option<&str>) -> String {
    match unit {
        Some(u) if is_measure(u) => format!("(a number, in {u})"),
        Some(u) => format!("(a number of {u})"),
        None => "(a number)".to_string(),
    }
}

/// What a number fact measures, read from its `quantity`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Quantity {
    /// "the number of member states of the SCO": counted things, who has them, and what
    /// follows ("in the SCO's legal framework").
    Count {
        noun: String,
        owner: Option<String>,
        rest: String,
    },
    /// "the number of symphonies Beethoven completed": counted things that someone did.
    Done {
        noun: String,
        subject: String,
        verb: Verb,
        rest: String,
    },
    /// Anything else ("the length of the border"), asked as "What is ...?".
    Measure(String),
}

impl Quantity {
    pub fn read(quantity: &str) -> Quantity {
        let q = NounPhrase::new(quantity);
        let mid = q.mid().into_owned();
        let Some(counted) = mid
            .strip_prefix("the number of ")
            .or_else(|| mid.strip_prefix("the total number of "))
        else {
            return Quantity::Measure(mid);
        };
        let counted = phrase(counted);
        // "symphonies Beethoven completed": a clause without "that" after the noun.
        let np = NounPhrase::new(&counted);
        let words: Vec<&str> = counted.split_whitespace().collect();
        let head = np.head_index();
        if let Some(after) = words.get(head + 1..)
            && let Some(v) = after.iter().position(|w| !is_capitalised(w))
            && v > 0
            && is_past_form(after[v])
        {
            return Quantity::Done {
                noun: words[..=head].join(" "),
                subject: after[..v].join(" "),
                verb: Verb::of(after[v]),
                rest: after[v + 1..].join(" "),
            };
        }
        // "members of the SCO", "carbon atoms of a benzene ring": the owner is a definite,
        // indefinite or named phrase after the last "of", unless the counted things are
        // placed before it ("stars on the flag of Europe").
        if let Some((noun, owner)) = counted.rsplit_once(" of ") {
            let owner_np = NounPhrase::new(owner);
            let named = matches!(
                owner_np.opening(),
                Opening::Definite | Opening::Indefinite | Opening::Name
            ) || owner.ends_with("'s");
            let head_plural = is_plural_noun(&NounPhrase::new(noun).head());
            let placed = noun
                .split_whitespace()
                .skip(1)
                .any(|w| LOCATIVES.contains(&bare(w).as_str()));
            if named && head_plural && !placed && !owner.contains(" in ") {
                return Quantity::Count {
                    noun: noun.to_string(),
                    owner: Some(owner.to_string()),
                    rest: String::new(),
                };
            }
        }
        // "documents in the SCO's legal framework", "stars on the flag of Europe": the place
        // goes after "are there".
        let words: Vec<&str> = counted.split_whitespace().collect();
        let place = words.iter().enumerate().position(|(i, w)| {
            i > 0
                && LOCATIVES.contains(&bare(w).as_str())
                && words.get(i + 1).is_some_and(|n| {
                    matches!(bare(n).as_str(), "the" | "a" | "an")
                        || is_capitalised(n)
                        || n.ends_with("'s")
                })
        });
        match place {
            Some(i) => Quantity::Count {
                noun: words[..i].join(" "),
                owner: None,
                rest: words[i..].join(" "),
            },
            None => Quantity::Count {
                noun: counted,
                owner: None,
                rest: String::new(),
            },
        }
    }

    /// The question: "How many member states does the SCO have?", "How many documents are
    /// there in the framework?", "What is the length of the border?".
    pub fn question(&self) -> String {
        match self {
            Quantity::Count {
                noun,
                owner: Some(owner),
                ..
            } => {
                let plural = NounPhrase::new(owner).is_plural();
                format!("How many {noun} {} {owner} have?", do_(plural))
            }
            Quantity::Count {
                noun,
                owner: None,
                rest,
            } => {
                let be = if is_plural_noun(&NounPhrase::new(noun).head()) {
                    "are"
                } else {
                    "is"
                };
                let rest = if rest.is_empty() {
                    String::new()
                } else {
                    format!(" {rest}")
                };
                format!("How many {noun} {be} there{rest}?")
            }
            Quantity::Done {
                noun,
                subject,
                verb,
                rest,
            } => {
                let rest = if rest.is_empty() {
                    String::new()
                } else {
                    format!(" {rest}")
                };
                let aux = if verb.base == "be" { "were" } else { "did" };
                format!("How many {noun} {aux} {subject} {}{rest}?", verb.base)
            }
            Quantity::Measure(m) => {
                let be = if NounPhrase::new(m).is_plural() {
                    "are"
                } else {
                    "is"
                };
                format!("What {be} {m}?")
            }
        }
    }

    /// Whether options are bare numbers (the question names what is counted).
    pub fn is_count(&self) -> bool {
        matches!(self, Quantity::Count { .. } | Quantity::Done { .. })
    }

    /// The sentence stating the value: "The SCO has 8 member states.", "There are 122
    /// documents in the framework.", "The length of the border is 55 km."
    pub fn statement(&self, value: f64, unit: Option<&str>) -> String {
        match self {
            Quantity::Count { noun, owner, rest } => {
                let n = format_value(value);
                let noun = if value == 1.0 {
                    singular_phrase(noun)
                } else {
                    noun.clone()
                };
                let rest = if rest.is_empty() {
                    String::new()
                } else {
                    format!(" {rest}")
                };
                match owner {
                    Some(owner) => {
                        let plural = NounPhrase::new(owner).is_plural();
                        sentence(&format!("{owner} {} {n} {noun}{rest}", have(plural)))
                    }
                    None => {
                        let be = if value == 1.0 { "is" } else { "are" };
                        sentence(&format!("There {be} {n} {noun}{rest}"))
                    }
                }
            }
            Quantity::Done {
                noun,
                subject,
                verb,
                rest,
            } => {
                let n = format_value(value);
                let noun = if value == 1.0 {
                    singular_phrase(noun)
                } else {
                    noun.clone()
                };
                let rest = if rest.is_empty() {
                    String::new()
                } else {
                    format!(" {rest}")
                };
                sentence(&format!("{subject} {} {n} {noun}{rest}", verb.past))
            }
            Quantity::Measure(m) => {
                let be = if NounPhrase::new(m).is_plural() {
                    "are"
                } else {
                    "is"
                };
                sentence(&format!("{m} {be} {}", format_number(value, unit)))
            }
        }
    }
}

/// "member states" -> "member state": the head of a counted noun phrase made singular.
fn singular_phrase(noun: &str) -> String {
    let np = NounPhrase::new(noun);
    let i = np.head_index();
    noun.split_whitespace()
        .enumerate()
        .map(|(j, w)| if j == i { singular(w) } else { w.to_string() })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_group_thousands() {
        assert_eq!(format_value(4300.0), "4,300");
        assert_eq!(format_value(384400.0), "384,400");
        assert_eq!(format_value(1234567.5), "1,234,567.5");
        assert_eq!(format_value(122.0), "122");
        assert_eq!(format_value(-4300.0), "-4,300");
        assert_eq!(format_value(0.5), "0.5");
        assert_eq!(format_number(4300.0, Some("km")), "4,300 km");
        assert_eq!(format_number(12.0, Some("%")), "12%");
        assert_eq!(format_number(8.0, None), "8");
    }

    #[test]
    fn very_large_and_very_small_values_are_written_with_powers_of_ten() {
        assert_eq!(format_value(6.022e23), "6.022 × 10²³");
        assert_eq!(format_value(1e21), "1 × 10²¹");
        assert_eq!(format_value(-1.602e-19), "-1.602 × 10⁻¹⁹");
        assert_eq!(format_value(0.0001), "0.0001");
        assert_eq!(format_value(999_999_999_999_999.0), "999,999,999,999,999");
        assert_eq!(format_value(0.0), "0");
        assert_eq!(
            format_number(6.022e23, Some("per mole")),
            "6.022 × 10²³ per mole"
        );
    }

    #[test]
    fn number_words_up_to_twenty() {
        assert_eq!(number_word(8.0), Some("eight"));
        assert_eq!(number_word(20.0), Some("twenty"));
        assert_eq!(number_word(21.0), None);
        assert_eq!(number_word(2.5), None);
        assert_eq!(number_word(-1.0), None);
    }

    #[test]
    fn measures_and_counted_nouns() {
        for u in ["km", "%", "years", "kg", "people per km2", "USD", "m"] {
            assert!(is_measure(u), "{u}");
        }
        for u in ["documents", "countries", "members"] {
            assert!(!is_measure(u), "{u}");
        }
        assert_eq!(answer_hint(Some("km")), "(a number, in km)");
        assert_eq!(answer_hint(Some("documents")), "(a number of documents)");
        assert_eq!(answer_hint(None), "(a number)");
    }

    #[test]
    fn counts_are_asked_with_how_many() {
        let cases = [
            (
                "the number of member states of the SCO",
                "How many member states does the SCO have?",
                "The SCO has 8 member states.",
            ),
            (
                "the number of moons of Mars",
                "How many moons does Mars have?",
                "Mars has 8 moons.",
            ),
            (
                "the number of SCO member states",
                "How many SCO member states are there?",
                "There are 8 SCO member states.",
            ),
            (
                "the number of documents on economic co-operation in the SCO's legal framework",
                "How many documents on economic co-operation are there in the SCO's legal framework?",
                "There are 8 documents on economic co-operation in the SCO's legal framework.",
            ),
            (
                "The number of people of working age",
                "How many people of working age are there?",
                "There are 8 people of working age.",
            ),
            (
                "the number of symphonies Beethoven completed",
                "How many symphonies did Beethoven complete?",
                "Beethoven completed 8 symphonies.",
            ),
            (
                "the number of lines in a sonnet",
                "How many lines are there in a sonnet?",
                "There are 8 lines in a sonnet.",
            ),
            (
                "the number of members of the Shanghai Five",
                "How many members do the Shanghai Five have?",
                "The Shanghai Five have 8 members.",
            ),
            // An owner with "a" owns as well as one with "the".
            (
                "the number of carbon atoms of a benzene ring",
                "How many carbon atoms does a benzene ring have?",
                "A benzene ring has 8 carbon atoms.",
            ),
            // Things placed "on" something before the "of" are not owned by what follows it.
            (
                "the number of stars on the flag of Europe",
                "How many stars are there on the flag of Europe?",
                "There are 8 stars on the flag of Europe.",
            ),
            (
                "the number of people at the Congress of Vienna",
                "How many people are there at the Congress of Vienna?",
                "There are 8 people at the Congress of Vienna.",
            ),
            (
                "the number of cantons in Switzerland",
                "How many cantons are there in Switzerland?",
                "There are 8 cantons in Switzerland.",
            ),
        ];
        for (q, question, statement) in cases {
            let quantity = Quantity::read(q);
            assert!(quantity.is_count(), "{q}");
            assert_eq!(quantity.question(), question, "{q}");
            assert_eq!(quantity.statement(8.0, None), statement, "{q}");
        }
    }

    #[test]
    fn a_participle_right_after_the_noun_has_no_subject_to_ask_about() {
        // "votes counted" is not "votes (someone) counted": no "How many votes did  count?".
        let q = Quantity::read("the number of votes counted");
        assert_eq!(q.question(), "How many votes counted are there?");
        assert_eq!(q.statement(8.0, None), "There are 8 votes counted.");
    }

    #[test]
    fn a_count_of_one_is_singular() {
        let q = Quantity::read("the number of moons of Earth");
        assert_eq!(q.statement(1.0, None), "Earth has 1 moon.");
        let q = Quantity::read("the number of official languages");
        assert_eq!(q.statement(1.0, None), "There is 1 official language.");
    }

    #[test]
    fn other_quantities_are_asked_with_what() {
        let q = Quantity::read("the length of the western section of the border.");
        assert!(!q.is_count());
        assert_eq!(
            q.question(),
            "What is the length of the western section of the border?"
        );
        assert_eq!(
            q.statement(55.0, Some("km")),
            "The length of the western section of the border is 55 km."
        );
        assert_eq!(
            Quantity::read("The populations of Paris and Rome").question(),
            "What are the populations of Paris and Rome?"
        );
    }
}

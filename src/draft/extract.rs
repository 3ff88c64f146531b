//! The patterns that find facts in one sentence: dated events, numbers with units, where an
//! organisation sits, named and membership lists, quoted terms and acronyms, people and roles.
//! Each finding carries a confidence, so an instructor reviews the weakest first.
//!
//! Prompts are never built here: findings are facts (or, for date ranges, cards with templated
//! prompts), and the deck's generator words the questions.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::deck::{Answer, FactDate, FactKind, Kind, Text};
use crate::draft::text::month_number;

/// Something found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Fact(FactKind),
    /// A card whose prompt is a template filled with a short noun phrase.
    Card {
        kind: Kind,
        prompt: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub found: Found,
    pub confidence: f32,
    /// Which pattern found it, so a reviewer knows what to check.
    pub rule: &'static str,
    pub explain: Option<String>,
}

impl Finding {
    fn fact(kind: FactKind, confidence: f32, rule: &'static str) -> Finding {
        Finding {
            found: Found::Fact(kind),
            confidence,
            rule,
            explain: None,
        }
    }
}

/// What is known across sentences: acronyms and their expansions, and the organisation last
/// named (what "its" most likely refers to).
#[derive(Debug, Default)]
pub struct Context {
    /// Acronym -> expansion, from "Full Name (ACR)".
    pub acronyms: Vec<(String, String)>,
    /// Acronyms the text writes with "the" ("the SCO").
    with_article: Vec<String>,
    pub last_org: Option<String>,
    /// Where each subject was last placed, so a later "moved its headquarters" knows the old seat.
    places: HashMap<String, String>,
}

impl Context {
    /// Learn the acronyms of the whole text first, so an early "its" can use a later definition.
    pub fn new(all_text: &str) -> Context {
        let mut context = Context::default();
        for c in ACRONYM_DEF.captures_iter(all_text) {
            let acronym = c[2].to_string();
            if let Some(expansion) = expansion_for(&c[1], &acronym)
                && !context.acronyms.iter().any(|(a, _)| *a == acronym)
            {
                context.acronyms.push((acronym, expansion));
            }
        }
        for (acronym, _) in &context.acronyms {
            if all_text.contains(&format!("the {acronym}"))
                || all_text.contains(&format!("The {acronym}"))
            {
                context.with_article.push(acronym.clone());
            }
        }
        context
    }

    /// An organisation as a subject is best named: the acronym if it has one, with "the" when
    /// the text uses it so.
    fn canonical(&self, org: &str) -> String {
        let bare = strip_article(org);
        let bare = ACRONYM_SUFFIX.replace(bare, "").trim().to_string();
        let acronym = self
            .acronyms
            .iter()
            .find(|(a, e)| *a == bare || e.eq_ignore_ascii_case(&bare))
            .map(|(a, _)| a.clone());
        match acronym {
            Some(a) if self.with_article.contains(&a) => format!("the {a}"),
            Some(a) => a,
            None if is_acronym(&bare) => bare,
            None => format!("the {bare}"),
        }
    }
}

const MONTH: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?";
/// A capitalised word, hyphenated parts allowed ("Co-operation", "Confidence-building").
const CAP: &str = r"[A-Z][\p{L}\-]*";
const CONNECTORS: &str = r"of|on|in|for|and|against|to|de|the|la|du|von";
const ORG_WORDS: &str = r"Organi[sz]ation|Structure|Secretariat|Bank|Union|Council|Committee|Agency|Association|Community|Forum|Fund|Institute|University|Company|Corporation|Party|Ministry|Commission|Court|Alliance|Department|Office|Society|League|Federation|Agreement|Convention|Treaty|Initiative|Programme|Program|Station|Observatory|Museum|School|College|Academy|Foundation|Authority|Service|Network|Club";
/// Common nouns an article uses for an organisation it has already named ("the guild").
const GENERIC_ORGS: &str = r"guild|organi[sz]ation|council|company|bank|union|institute|agency|society|league|body|group|association|committee|alliance|forum|commission|secretariat|federation|party|club|foundation";
const COUNT: &str = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}";
const APPROX: &str =
    r"about|around|roughly|approximately|some|nearly|almost|over|more than|less than|under";
const NUMBER: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
const LENGTH_UNITS: &str =
    r"km|kilometres|kilometers|kilometre|kilometer|miles|mile|metres|meters|m|ft|feet";

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("extraction patterns are valid")
}

/// A capitalised name: words joined by lowercase connectors, ending on a capitalised word.
fn name() -> String {
    format!(r"{CAP}(?:\s+(?:(?:{CONNECTORS})\s+)*{CAP})*")
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:\b(?P<month>{MONTH})\s+(?:(?P<day>\d{{1,2}}),?\s+)?)?\b(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b"
    ))
});
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?i:from|between) (?P<a>1[0-9]{3}|20[0-9]{2}) (?:to|and|until|through) (?P<b>1[0-9]{3}|20[0-9]{2})\b",
    )
});
static ACRONYM_DEF: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"({})\s+\(([A-Z][A-Z&]{{1,7}})\)", name())));
static ACRONYM_SUFFIX: LazyLock<Regex> = LazyLock::new(|| re(r"\s*\([A-Z][A-Z&]{1,7}\)$"));
static ORG: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:{CAP}\s+(?:(?:{CONNECTORS})\s+)*)*(?:{ORG_WORDS})\b(?:\s+\([A-Z][A-Z&]{{1,7}}\))?|\b[A-Z]{{2,6}}\b"
    ))
});

/// Every finding in one sentence, in the order the patterns are tried.
pub fn sentence(text: &str, context: &mut Context) -> Vec<Finding> {
    let mut out = Vec::new();
    events(text, context, &mut out);
    ranges(text, &mut out);
    numbers(text, context, &mut out);
    places(text, context, &mut out);
    lists(text, context, &mut out);
    terms(text, &mut out);
    people(text, context, &mut out);
    if let Some(org) = last_org_before(text, text.len(), context) {
        context.last_org = Some(org);
    }
    out
}

/// The acronyms defined in this sentence, as term facts ("RATS" means "the Regional ...").
pub fn acronyms_in(text: &str, context: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in ACRONYM_DEF.captures_iter(text) {
        let acronym = &c[2];
        if let Some((_, expansion)) = context.acronyms.iter().find(|(a, _)| a == acronym)
            && text.contains(expansion.as_str())
        {
            out.push(Finding::fact(
                FactKind::Term {
                    term: Answer::plain(acronym),
                    definition: expansion.clone().into(),
                },
                0.85,
                "acronym",
            ));
        }
    }
    out
}

/// The words of a capitalised run that spell the acronym by their capitals, shortest first:
/// "Shanghai Co-operation Organization" for SCO.
fn expansion_for(run: &str, acronym: &str) -> Option<String> {
    let words: Vec<&str> = strip_article(run).split_whitespace().collect();
    let capitals = |ws: &[&str]| -> String {
        ws.iter()
            .flat_map(|w| w.split('-'))
            .filter_map(|part| part.chars().next().filter(|c| c.is_uppercase()))
            .collect()
    };
    for start in (0..words.len()).rev() {
        if capitals(&words[start..]).eq_ignore_ascii_case(acronym)
            && words[start].starts_with(char::is_uppercase)
        {
            return Some(words[start..].join(" "));
        }
    }
    None
}

fn strip_article(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
}

fn is_acronym(s: &str) -> bool {
    s.len() >= 2 && s.chars().all(|c| c.is_ascii_uppercase() || c == '&')
}

/// Acronyms that name countries, not organisations: "its" never refers to them.
const NOT_ORGS: &[&str] = &[
    "US", "USA", "UK", "UAE", "USSR", "PRC", "DPRK", "ROK", "TV", "AD", "BC", "CEO", "GDP", "PDF",
];

/// The organisation named last before `pos` in the sentence, else the one from before it.
fn last_org_before(text: &str, pos: usize, context: &Context) -> Option<String> {
    ORG.find_iter(&text[..pos])
        .filter(|m| !NOT_ORGS.contains(&m.as_str()))
        .filter(|m| {
            !is_acronym(m.as_str())
                || context.acronyms.iter().any(|(a, _)| a == m.as_str())
                || m.as_str().len() >= 3
        })
        .last()
        .map(|m| context.canonical(m.as_str()))
        .or_else(|| context.last_org.clone())
}

fn date_of(c: &Captures) -> Option<FactDate> {
    let year: i32 = c.name("year")?.as_str().parse().ok()?;
    let month = c.name("month").and_then(|m| month_number(m.as_str()));
    let day = c
        .name("day")
        .and_then(|d| d.as_str().parse().ok())
        .filter(|_| month.is_some());
    Some(FactDate { year, month, day })
}

/// Dates in the sentence that a clause could be "in" (not after "before", "after", "until",
/// "since", which date something else), with their byte positions.
fn event_dates(text: &str) -> Vec<(usize, FactDate)> {
    let mut out = Vec::new();
    for c in DATE.captures_iter(text) {
        let whole = c.get(0).expect("group 0 always matches");
        let before = text[..whole.start()].trim_end().to_lowercase();
        let governed = [
            "before", "after", "until", "since", "by", "from", "to", "and", "between", "than",
            "the",
        ]
        .iter()
        .any(|w| before.ends_with(&format!(" {w}")) || before == *w);
        // "not until May 1950 was X signed" dates the signing itself.
        let governed = governed && !before.ends_with("not until");
        let in_range = RANGE
            .find_iter(text)
            .any(|r| r.start() <= whole.start() && whole.end() <= r.end());
        // A following digit or "s" means a number or a decade, not a year.
        let next = text[whole.end()..].chars().next();
        if governed || in_range || next.is_some_and(|n| n.is_ascii_digit() || n == 's') {
            continue;
        }
        if text[..whole.start()]
            .ends_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.' || c == '-')
        {
            continue;
        }
        if let Some(date) = date_of(&c) {
            out.push((whole.start(), date));
        }
    }
    out
}

/// The date nearest to a position, if the sentence has any.
fn nearest_date(dates: &[(usize, FactDate)], pos: usize) -> Option<FactDate> {
    dates
        .iter()
        .min_by_key(|(p, _)| p.abs_diff(pos))
        .map(|(_, d)| *d)
}

/// Verbs of founding and their nouns: "signed the X" is "the signing of the X".
const EVENT_VERBS: &[(&str, &str)] = &[
    ("founded", "founding"),
    ("established", "establishment"),
    ("created", "creation"),
    ("set up", "setting up"),
    ("launched", "launch"),
    ("announced", "announcement"),
    ("formed", "formation"),
    ("signed", "signing"),
    ("adopted", "adoption"),
    ("opened", "opening"),
    ("built", "building"),
    ("completed", "completion"),
    ("discovered", "discovery"),
    ("dissolved", "dissolution"),
    ("abolished", "abolition"),
    ("introduced", "introduction"),
    ("published", "publication"),
];

fn verb_alternation() -> String {
    EVENT_VERBS
        .iter()
        .map(|(v, _)| v.replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

fn noun_for(verb: &str) -> &'static str {
    let verb = verb.split_whitespace().collect::<Vec<_>>().join(" ");
    EVENT_VERBS
        .iter()
        .find(|(v, _)| *v == verb)
        .map_or("event", |(_, n)| n)
}

static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<subj>[Tt]he\s+(?:{GENERIC_ORGS})|(?:[Tt]he\s+)?{n}(?:\s+\([A-Z][A-Z&]{{1,7}}\))?)\s+(?:was|were)\s+(?:\w+ly\s+)?(?P<verb>{v})\b",
        n = name(),
        v = verb_alternation()
    ))
});
static ACTIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?P<verb>{v})\s+(?:(?P<named>(?:the\s+)?{n})(?:\s+\([A-Z][A-Z&]{{1,7}}\))?(?:,|;|\.|\s+(?:in|on|at|which|that|who|with|to|and|by)\b|$)|(?P<obj>(?:the|a|an)\s+[^,;:]+?)(?:,|;|\.|\s+(?:which|that|who)\b|\s+(?:in|on|by)\s+(?:{MONTH}|\d)|$))",
        n = name(),
        v = verb_alternation()
    ))
});
static INVERTED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\bwas\s+(?P<obj>(?:an?|the)\s+[a-z][^,;]*?)\s+(?P<verb>{})\b",
        verb_alternation()
    ))
});
static NOMINAL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\bthe\s+(?P<noun>accession|founding|establishment|creation|signing|launch|collapse|dissolution|disintegration|announcement|adoption|opening|inauguration|independence|reunification)\s+of\s+(?P<obj>{n}(?:\s+(?:as|to)\s+[^,.;]+)?)",
        n = name()
    ))
});
static RENAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<old>(?:the\s+)?{n}),\s+(?:later\s+)?renamed\s+(?P<new>(?:the\s+)?{n})\s+in\s+",
        n = name()
    ))
});
static EVENT_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:held|hosted[^,]{{0,30}}?|summit|meeting|conference|signed)\s+in\s+(?P<place>{CAP}(?:\s+{CAP})?)\b"
    ))
});

/// "the X" for a noun phrase that came with "a" or "an": a fact names one known thing.
fn definite(np: &str) -> String {
    let np = np.trim();
    for article in ["a ", "an ", "A ", "An ", "The "] {
        if let Some(rest) = np.strip_prefix(article) {
            return format!("the {rest}");
        }
    }
    np.to_string()
}

/// Cut a phrase at the first word that starts a new clause or a dated adjunct.
fn trim_phrase(np: &str) -> String {
    let mut words = Vec::new();
    for word in np.split_whitespace() {
        let lower = word.to_lowercase();
        if matches!(
            lower.as_str(),
            "which" | "that" | "who" | "whose" | "while" | "when" | "because"
        ) {
            break;
        }
        if DATE.is_match(word) && word.chars().filter(|c| c.is_ascii_digit()).count() == 4 {
            // "in 2004": drop the preposition before the year too.
            if matches!(
                words.last().map(|w: &&str| w.to_lowercase()).as_deref(),
                Some("in" | "on" | "by")
            ) {
                words.pop();
            }
            break;
        }
        words.push(word);
        if words.len() >= 14 {
            break;
        }
    }
    while words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "in" | "on" | "at" | "of" | "and" | "the" | "a" | "by" | "to"
        )
    }) {
        words.pop();
    }
    words
        .join(" ")
        .trim_end_matches([',', '.', ';', ':'])
        .to_string()
}

fn events(text: &str, context: &Context, out: &mut Vec<Finding>) {
    let dates = event_dates(text);
    if dates.is_empty() {
        return;
    }
    let place = EVENT_PLACE
        .captures(text)
        .map(|c| c["place"].to_string())
        .filter(|p| !MONTH.split('|').any(|m| m.trim_end_matches(r"\.?") == p));
    let mut push = |what: String, pos: usize, confidence: f32, rule: &'static str| {
        let Some(date) = nearest_date(&dates, pos) else {
            return;
        };
        if what.split_whitespace().count() < 3 {
            return;
        }
        out.push(Finding::fact(
            FactKind::Event {
                what: what.into(),
                date,
                place: place.clone().map(Into::into),
            },
            confidence,
            rule,
        ));
    };
    if let Some(c) = RENAMED.captures(text) {
        // "X and the Y, renamed Z": only the name just before the comma was renamed.
        let old = c["old"].rsplit(" and ").next().unwrap_or(&c["old"]);
        let what = format!(
            "the renaming of {} as {}",
            definite_name(old),
            definite_name(&c["new"])
        );
        push(what, c.get(0).expect("group 0").end(), 0.8, "renamed");
        return;
    }
    if let Some(c) = PASSIVE.captures(text) {
        let subject = c["subj"].to_string();
        if !is_pronoun_like(&subject) {
            let what = format!(
                "the {} of {}",
                noun_for(&c["verb"]),
                context.canonical_or_name(&subject)
            );
            push(what, c.name("verb").expect("verb").end(), 0.8, "passive");
            return;
        }
    }
    if let Some(c) = INVERTED.captures(text) {
        let what = format!(
            "the {} of {}",
            noun_for(&c["verb"]),
            definite(&trim_phrase(&c["obj"]))
        );
        push(what, c.name("verb").expect("verb").end(), 0.6, "inverted");
        return;
    }
    if let Some(c) = ACTIVE.captures(text) {
        let raw = c.name("named").or(c.name("obj")).map_or("", |m| m.as_str());
        let object = trim_phrase(&without_brackets(&ACRONYM_SUFFIX.replace(raw, "")));
        let named = object
            .split_whitespace()
            .any(|w| w.starts_with(char::is_uppercase));
        if object.split_whitespace().count() >= 2 || named {
            let what = format!("the {} of {}", noun_for(&c["verb"]), definite(&object));
            push(
                what,
                c.name("verb").expect("verb").start(),
                if named { 0.75 } else { 0.55 },
                "active",
            );
            return;
        }
    }
    if let Some(c) = NOMINAL.captures(text) {
        let start = c.get(0).expect("group 0").start();
        let before = text[..start].trim_end().to_lowercase();
        if !["before", "after", "until", "since", "for", "of"]
            .iter()
            .any(|w| before.ends_with(w))
        {
            let what = format!("the {} of {}", &c["noun"], trim_phrase(&c["obj"]));
            push(what, start, 0.6, "nominal");
        }
    }
}

static GENERIC: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:[Tt]he|[Ii]ts|[Tt]his)\s+(?:{GENERIC_ORGS})$"
    ))
});

impl Context {
    /// A subject for a question: organisations by their short name, other names as written,
    /// and "the guild" as the organisation last named.
    fn canonical_or_name(&self, subject: &str) -> String {
        let subject = strip_openers(subject);
        if GENERIC.is_match(subject.trim())
            && let Some(org) = &self.last_org
        {
            return org.clone();
        }
        if ORG
            .find(subject)
            .is_some_and(|m| m.as_str().len() + 4 >= strip_article(subject).len())
        {
            self.canonical(subject)
        } else {
            definite_name(subject)
        }
    }
}

/// Bracketed asides dropped: "treaties with Russia (on the western part) and others".
fn without_brackets(text: &str) -> String {
    static BRACKETS: LazyLock<Regex> = LazyLock::new(|| re(r"\s*\([^()]*\)"));
    BRACKETS.replace_all(text, "").to_string()
}

/// Sentence-opening words a capitalised run may have swallowed ("Until the Asian ... Bank").
const OPENERS: &[&str] = &[
    "Until", "In", "After", "Before", "When", "While", "Since", "As", "At", "On", "But", "And",
    "However", "Although", "If", "Because", "For", "From", "With", "By", "Then", "Once", "During",
];

fn strip_openers(name: &str) -> &str {
    let mut name = name.trim();
    while let Some((first, rest)) = name.split_once(char::is_whitespace) {
        if !OPENERS.contains(&first) {
            break;
        }
        name = rest.trim_start();
    }
    name
}

fn definite_name(name: &str) -> String {
    let name = strip_openers(name);
    let bare = ACRONYM_SUFFIX.replace(strip_article(name), "").to_string();
    if name.trim().to_lowercase().starts_with("the ") {
        format!("the {bare}")
    } else {
        bare
    }
}

fn is_pronoun_like(subject: &str) -> bool {
    // A lone "The" is what a name pattern keeps of "The council moved ...".
    matches!(
        strip_article(subject).to_lowercase().as_str(),
        "it" | "this" | "that" | "they" | "he" | "she" | "which" | "the" | "a" | "an"
    )
}

static RANGE_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?i:from|between) \d{{4}} (?:to|and|until|through) \d{{4}},\s+(?P<subj>[^,]+?)\s+(?P<verb>{})\s+(?P<obj>[^,;]+)",
        verb_alternation()
    ))
});

/// "From 1994 to 2000, X signed Y": a period, asked as its first and last year.
fn ranges(text: &str, out: &mut Vec<Finding>) {
    let (Some(range), Some(clause)) = (RANGE.captures(text), RANGE_CLAUSE.captures(text)) else {
        return;
    };
    let (Ok(first), Ok(last)) = (range["a"].parse::<i32>(), range["b"].parse::<i32>()) else {
        return;
    };
    let object = definite(&trim_phrase(&without_brackets(&clause["obj"])));
    if object.split_whitespace().count() < 2 {
        return;
    }
    let what = format!("the {} of {}", noun_for(&clause["verb"]), object);
    for (year, which) in [(first, "begin"), (last, "end")] {
        out.push(Finding {
            found: Found::Card {
                kind: Kind::Year {
                    answer: year,
                    tolerance: 0,
                },
                prompt: format!("In which year did the period of {what} {which}?"),
            },
            confidence: 0.5,
            rule: "date range",
            explain: Some(format!("From {first} to {last}.")),
        });
    }
}

static LENGTH_OF_WHICH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<np>[^,]+),\s+which\s+(?:runs|extends|stretches|measures|is)\s+(?:to\s+)?(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUMBER})\s?(?P<unit>{LENGTH_UNITS})\b"
    ))
});
static LENGTH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\bthe\s+(?P<num>{NUMBER})\s?(?P<unit>{LENGTH_UNITS})\s+(?P<np>[a-z][^,.;()]+)"
    ))
});
static COUNT_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<subj>(?:[Tt]he\s+)?{n}(?:\s+[a-z]+){{0,3}})\s+(?:includes|contains|has|comprises|holds|counts|numbers|employs)\s+(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUMBER})\s+(?P<noun>[a-z]+s)(?P<post>\s+(?:related to|about|on|of|from|for|in)\s+[^,.;()]+)?",
        n = name()
    ))
});

fn parse_number(text: &str) -> Option<f64> {
    text.replace(',', "").parse().ok()
}

/// Tolerance for an approximate figure: 5% of it, rounded to a round number.
fn tolerance_for(value: f64, approx: bool) -> f64 {
    if !approx {
        return 0.0;
    }
    let raw = value.abs() * 0.05;
    if raw < 1.0 {
        return raw;
    }
    let magnitude = 10f64.powi(raw.log10().floor() as i32);
    (raw / magnitude).round() * magnitude
}

fn unit_name(unit: &str) -> &str {
    match unit {
        "kilometres" | "kilometers" | "kilometre" | "kilometer" => "km",
        "metres" | "meters" => "m",
        "miles" | "mile" => "miles",
        "feet" => "ft",
        other => other,
    }
}

fn numbers(text: &str, context: &Context, out: &mut Vec<Finding>) {
    if let Some(c) = LENGTH_OF_WHICH.captures(text) {
        let np = phrase_from_the(&c["np"]);
        if let (Some(value), Some(np)) = (parse_number(&c["num"]), np) {
            out.push(Finding::fact(
                FactKind::Number {
                    quantity: format!("the length of {np}").into(),
                    value,
                    unit: Some(Text::from(unit_name(&c["unit"]))),
                    tolerance: tolerance_for(value, c.name("approx").is_some()),
                },
                0.7,
                "length (which runs to)",
            ));
        }
    }
    for c in LENGTH_BEFORE.captures_iter(text) {
        let Some(value) = parse_number(&c["num"]) else {
            continue;
        };
        let np = trim_phrase(&c["np"]);
        if np.split_whitespace().count() < 2 {
            continue;
        }
        out.push(Finding::fact(
            FactKind::Number {
                quantity: format!("the length of the {np}").into(),
                value,
                unit: Some(Text::from(unit_name(&c["unit"]))),
                tolerance: 0.0,
            },
            0.65,
            "length (the N km X)",
        ));
    }
    if let Some(c) = COUNT_OF.captures(text) {
        let Some(value) = parse_number(&c["num"]) else {
            return;
        };
        let subject = context.canonical_or_name(&c["subj"]);
        let post = c
            .name("post")
            .map_or(String::new(), |p| trim_phrase(p.as_str()));
        let post = if post.is_empty() {
            String::new()
        } else {
            format!(" {post}")
        };
        out.push(Finding::fact(
            FactKind::Number {
                quantity: format!("the number of {}{post} in {subject}", &c["noun"]).into(),
                value,
                unit: None,
                tolerance: tolerance_for(value, c.name("approx").is_some()),
            },
            0.7,
            "count (X includes N things)",
        ));
    }
}

/// The noun phrase ending a text, from its first "the" among the last words: "a road along the
/// north shore of the bay" gives "the north shore of the bay".
fn phrase_from_the(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let from = words.len().saturating_sub(10);
    let start = (from..words.len()).find(|&i| words[i].eq_ignore_ascii_case("the"))?;
    let phrase = words[start..].join(" ");
    (words.len() - start >= 2).then(|| definite(&phrase))
}

const PLACE: &str = r"(?:(?P<country>[A-Z][\p{L}\-]+)[’']s\s+capital,\s+)?(?P<place>[A-Z][\p{L}\-]+(?:\s+[A-Z][\p{L}\-]+)?)";

static HQ: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:its|their)\s+headquarters\s+(?:(?:was|were|is|are)\s+)?(?:\w+ly\s+)?(?:in|at)\s+{PLACE}"
    ))
});
static HQ_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<subj>(?:[Tt]he\s+)?{n}(?:\s+\([A-Z][A-Z&]{{1,7}}\))?),?\s+(?:is\s+|was\s+)?(?:headquartered|based)\s+in\s+{PLACE}",
        n = name()
    ))
});
static MOVED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:(?P<subj>(?:[Tt]he\s+)?{n})\s+[^.]*?)?\bmoved\s+its\s+headquarters\s+(?:from\s+(?P<from>[A-Z][\p{{L}}\-]+(?:\s+[A-Z][\p{{L}}\-]+)?)\s+)?to\s+{PLACE}",
        n = name()
    ))
});
static SET_UP_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<subj>(?:[Tt]he\s+)?{n})\s+(?:was|were)\s+(?:\w+ly\s+)?(?:set\s+up|established|founded|located|opened)\s+in\s+{PLACE}",
        n = name()
    ))
});

fn first_year(text: &str) -> Option<FactDate> {
    event_dates(text).first().map(|(_, d)| FactDate {
        year: d.year,
        month: None,
        day: None,
    })
}

fn places(text: &str, context: &mut Context, out: &mut Vec<Finding>) {
    let place_of = |c: &Captures| c["place"].to_string();
    if let Some(c) = MOVED.captures(text) {
        let subject = match c.name("subj") {
            Some(s) if !is_pronoun_like(s.as_str()) => context.canonical_or_name(s.as_str()),
            _ => match last_org_before(text, c.get(0).expect("group 0").start(), context) {
                Some(org) => org,
                None => return,
            },
        };
        let place = place_of(&c);
        // The seat named earlier in the article, else the one this sentence moves it from.
        let previously: Vec<String> = context
            .places
            .get(&subject)
            .map(String::as_str)
            .or(c.name("from").map(|m| m.as_str()))
            .filter(|p| *p != place)
            .map(str::to_string)
            .into_iter()
            .collect();
        context.places.insert(subject.clone(), place.clone());
        out.push(Finding::fact(
            FactKind::Place {
                subject: subject.into(),
                relation: "headquarters".into(),
                place: Answer::plain(place),
                since: first_year(text),
                previously: previously.into_iter().map(Into::into).collect(),
            },
            0.8,
            "moved its headquarters",
        ));
        return;
    }
    let mut found: Option<(String, String, &'static str, f32, &'static str)> = None;
    if let Some(c) = HQ.captures(text) {
        let pos = c.get(0).expect("group 0").start();
        if let Some(subject) = last_org_before(text, pos, context) {
            found = Some((
                subject,
                place_of(&c),
                "headquarters",
                0.75,
                "its headquarters in",
            ));
        }
    } else if let Some(c) = HQ_NAMED.captures(text) {
        found = Some((
            context.canonical_or_name(&c["subj"]),
            place_of(&c),
            "headquarters",
            0.75,
            "based in",
        ));
    } else if let Some(c) = SET_UP_IN.captures(text) {
        found = Some((
            context.canonical_or_name(&c["subj"]),
            place_of(&c),
            "location",
            0.7,
            "set up in",
        ));
    }
    if let Some((subject, place, relation, confidence, rule)) = found {
        if is_pronoun_like(&subject)
            || MONTH
                .split('|')
                .any(|m| m.trim_end_matches(r"\.?") == place)
        {
            return;
        }
        context.places.insert(subject.clone(), place.clone());
        let since = if rule == "set up in" {
            first_year(text)
        } else {
            None
        };
        out.push(Finding::fact(
            FactKind::Place {
                subject: subject.into(),
                relation: relation.into(),
                place: Answer::plain(place),
                since,
                previously: vec![],
            },
            confidence,
            rule,
        ));
    }
}

static COUNTED_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b[Tt]he\s+(?:so-called\s+)?(?P<count>{COUNT})\s+(?P<noun>[a-z][a-z\- ]{{2,30}}?)\s+of\s+(?P<items>[^.;:()—]+)"
    ))
});
static DASHED_LIST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b[Tt]he\s+(?P<count>{COUNT})\s+(?P<noun>[\p{{L}}][\p{{L}}\- ]{{2,50}}?)\s+[—–]\s+(?P<items>[^—–.;:()]+)"
    ))
});
static QUOTED_LIST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"[“\x22‘](?P<count>{COUNT})\s+(?P<noun>[a-z][a-z\- ]{{2,30}}?)[,.]?[”\x22’],?\s+(?:to\s+refer\s+to|refers\s+to|namely|—|–|-|:)\s*(?P<items>[^.;:()—]+)"
    ))
});
static PAREN_LIST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?P<count>{COUNT})\s+(?P<noun>[a-z][a-z\- ]{{2,30}}?)\s+\((?P<items>[^()]+)\)"
    ))
});
static COLON_LIST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r":\s+(?P<items>{n}(?:,\s+{n})*,?\s+and\s+{n})\s+(?:are|were)\s+(?P<pred>(?:the\s+)?[a-z][a-z ]+?\s+of\s+(?:the\s+)?[\p{{L}} ]+?)[.;]",
        n = name()
    ))
});
static ITEM_SPLIT: LazyLock<Regex> = LazyLock::new(|| re(r",\s*(?:and\s+|or\s+)?"));

fn count_value(word: &str) -> Option<usize> {
    let words = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    words
        .iter()
        .position(|w| *w == word)
        .map(|p| p + 2)
        .or_else(|| word.parse().ok())
}

/// Split "A, B and C" (or "A, B, and C") into items, using the expected count to decide whether
/// an "and" inside the last item joins two items or belongs to one ("cultural and humanitarian
/// ties").
fn split_items(text: &str, expected: Option<usize>) -> Option<Vec<String>> {
    let mut items: Vec<String> = ITEM_SPLIT
        .split(text.trim())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    // "Calder and Dune" are two names; "arts and crafts" may be one item.
    let names_joined = items
        .last()
        .and_then(|l| l.rsplit_once(" and "))
        .is_some_and(|(_, b)| b.starts_with(char::is_uppercase));
    let needs_more = names_joined || expected.is_none_or(|n| items.len() < n);
    if needs_more && let Some(last) = items.pop() {
        match last.rsplit_once(" and ") {
            Some((a, b)) => {
                items.push(a.trim().to_string());
                items.push(b.trim().to_string());
            }
            None => items.push(last),
        }
    }
    let short = items
        .iter()
        .all(|i| (1..=5).contains(&i.split_whitespace().count()));
    let ok = items.len() >= 2 && short && expected.is_none_or(|n| n == items.len());
    ok.then_some(items)
}

fn list_fact(name: String, items: Vec<String>, confidence: f32, rule: &'static str) -> Finding {
    let items = items
        .into_iter()
        .map(|i| Answer::plain(i.trim_end_matches(['.', ',']).to_string()))
        .collect();
    Finding::fact(
        FactKind::List {
            name: name.into(),
            items,
            ordered: false,
        },
        confidence,
        rule,
    )
}

fn lists(text: &str, context: &Context, out: &mut Vec<Finding>) {
    for c in COUNTED_OF.captures_iter(text) {
        let expected = count_value(&c["count"]);
        if let Some(items) = split_items(&c["items"], expected) {
            out.push(list_fact(
                format!("the {} {}", &c["count"], c["noun"].trim()),
                items,
                0.8,
                "the N things of A, B and C",
            ));
        }
    }
    for c in DASHED_LIST.captures_iter(text) {
        let expected = count_value(&c["count"]);
        if let Some(items) = split_items(&c["items"], expected) {
            out.push(list_fact(
                format!("the {} {}", &c["count"], c["noun"].trim()),
                items,
                0.7,
                "the N things — A, B and C",
            ));
        }
    }
    for c in QUOTED_LIST.captures_iter(text) {
        let expected = count_value(&c["count"]);
        if let Some(items) = split_items(&c["items"], expected) {
            out.push(list_fact(
                format!("the {} {}", &c["count"], c["noun"].trim()),
                items,
                0.75,
                "“N things” — A, B and C",
            ));
        }
    }
    let opening: Vec<&str> = text.split_whitespace().take(3).collect();
    let owner = if opening.len() >= 2 && GENERIC.is_match(&opening[..2].join(" ")) {
        context.last_org.clone()
    } else {
        ORG.find(&opening.join(" "))
            .map(|m| context.canonical(m.as_str()))
    };
    for c in PAREN_LIST.captures_iter(text) {
        let expected = count_value(&c["count"]);
        if let Some(items) = split_items(&c["items"], expected) {
            let of = owner.as_ref().map_or(String::new(), |o| format!(" of {o}"));
            out.push(list_fact(
                format!("the {} {}{of}", &c["count"], c["noun"].trim()),
                items,
                0.75,
                "N things (A, B and C)",
            ));
        }
    }
    if let Some(c) = COLON_LIST.captures(text)
        && let Some(items) = split_items(&c["items"], None)
    {
        out.push(list_fact(
            definite(&format!("the {}", strip_article(&c["pred"]))),
            items,
            0.4,
            "after a colon",
        ));
    }
}

static DEFINED_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[“\x22‘](?P<term>[^”\x22’]{2,40}?)[,.]?[”\x22’],?\s+(?:which|that)\s+(?:refers\s+to|means|denotes|stands\s+for|describes)\s+(?P<def>[^.;]+)",
    )
});
static TERM_FOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bthe\s+term\s+[“\x22‘](?P<term>[^”\x22’]{2,40}?)[,.]?[”\x22’]\s+(?:to\s+refer\s+to|for|meaning|to\s+mean)\s+(?P<def>[^.;]+)",
    )
});

/// A definition short enough to be an answer option: cut at a comma after a dozen words.
fn short_definition(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 14 {
        return text.trim().to_string();
    }
    let mut cut = 12;
    while cut > 4 && !words[cut - 1].ends_with(',') {
        cut -= 1;
    }
    format!("{} …", words[..cut].join(" ").trim_end_matches(','))
}

fn terms(text: &str, out: &mut Vec<Finding>) {
    for (regex, confidence, rule) in [
        (&*DEFINED_QUOTE, 0.7, "“term”, which refers to"),
        (&*TERM_FOR, 0.65, "the term “X” to refer to"),
    ] {
        for c in regex.captures_iter(text) {
            let term = c["term"].trim().to_string();
            // A counted name ("three evil forces") is a list, found by the list patterns.
            if term
                .split_whitespace()
                .next()
                .and_then(count_value)
                .is_some()
            {
                continue;
            }
            out.push(Finding::fact(
                FactKind::Term {
                    term: Answer::plain(term),
                    definition: short_definition(&c["def"]).into(),
                },
                confidence,
                rule,
            ));
        }
    }
}

const PERSON: &str = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}";
static BECAME: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<name>{PERSON}),\s+(?P<desc>(?:the\s+|a\s+)?[^,]{{3,60}}),\s+(?:became|was\s+appointed|was\s+elected|was\s+named)\s+(?P<pos>its|their|the)\s+(?P<role>(?:first\s+|new\s+)?[a-z][a-z\- ]+?)(?:\s+of\s+(?P<of>(?:the\s+)?{n}))?(?:[.,;]|\s+(?:in|on|since|from)\s)",
        n = name()
    ))
});
static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<adj>[A-Z][a-z]+(?:an|ese|ish|ian|ch)\s+)?(?P<title>President|Prime\s+Minister|Chancellor|Premier|King|Queen|Emperor|Secretary-General|Secretary\s+General|Foreign\s+Minister|Governor|Mayor)\s+(?P<name>{PERSON})"
    ))
});

fn people(text: &str, context: &Context, out: &mut Vec<Finding>) {
    for c in BECAME.captures_iter(text) {
        let person = c["name"].to_string();
        let role = c["role"].trim().to_string();
        let org = match (&c["pos"], c.name("of")) {
            (_, Some(of)) => Some(context.canonical_or_name(of.as_str())),
            ("its" | "their", None) => {
                last_org_before(text, c.name("pos").expect("pos").start(), context)
            }
            _ => None,
        };
        let role = match org {
            Some(org) => format!("the {role} of {org}"),
            None => format!("the {role}"),
        };
        out.push(Finding {
            found: Found::Fact(FactKind::Person {
                name: Answer::plain(person),
                role: role.into(),
                since: first_year(text),
            }),
            confidence: 0.75,
            rule: "X, the ..., became its Y",
            explain: Some(format!("Before that: {}.", c["desc"].trim())),
        });
    }
    for c in TITLED.captures_iter(text) {
        let title = c["title"].split_whitespace().collect::<Vec<_>>().join(" ");
        let role = match c.name("adj") {
            Some(adj) => format!("{} {title}", adj.as_str().trim()),
            None => title,
        };
        out.push(Finding::fact(
            FactKind::Person {
                name: Answer::plain(c["name"].to_string()),
                role: role.into(),
                since: None,
            },
            0.45,
            "Title Name",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Vec<FactKind> {
        let mut context = Context::new(text);
        let mut out = acronyms_in(text, &context);
        out.extend(sentence(text, &mut context));
        out.into_iter()
            .filter_map(|f| {
                if let Found::Fact(k) = f.found {
                    Some(k)
                } else {
                    None
                }
            })
            .collect()
    }

    fn date(year: i32, month: Option<u8>) -> FactDate {
        FactDate {
            year,
            month,
            day: None,
        }
    }

    #[test]
    fn passive_founding_with_month_and_year() {
        let got =
            facts("The Lunar Survey Agency was established in March 1971 by three universities.");
        assert!(
            got.contains(&FactKind::Event {
                what: "the establishment of the Lunar Survey Agency".into(),
                date: date(1971, Some(3)),
                place: None
            }),
            "{got:?}"
        );
    }

    #[test]
    fn active_signing_of_a_named_treaty_with_place() {
        let got = facts(
            "In May 1959, at a meeting held in Geneva, twelve states signed the Polar Research Accord.",
        );
        assert_eq!(
            got,
            vec![FactKind::Event {
                what: "the signing of the Polar Research Accord".into(),
                date: date(1959, Some(5)),
                place: Some("Geneva".into())
            }]
        );
    }

    #[test]
    fn dates_after_before_and_since_are_not_event_dates() {
        assert_eq!(
            facts("Trade grew after 1990 and the council met often."),
            vec![]
        );
    }

    #[test]
    fn renaming_is_an_event() {
        let got =
            facts("It joined the Northern Rail Company, renamed the Boreal Rail Company in 1988.");
        assert!(
            got.contains(&FactKind::Event {
                what: "the renaming of the Northern Rail Company as the Boreal Rail Company".into(),
                date: date(1988, None),
                place: None
            }),
            "{got:?}"
        );
    }

    #[test]
    fn acronyms_become_terms_and_name_their_organisation() {
        let text = "In 1962, the council created the Orbital Debris Office (ODO), with its headquarters in Lyon.";
        let got = facts(text);
        assert!(got.contains(&FactKind::Term {
            term: Answer::plain("ODO"),
            definition: "Orbital Debris Office".into()
        }));
        assert!(
            got.contains(&FactKind::Place {
                subject: "ODO".into(),
                relation: "headquarters".into(),
                place: Answer::plain("Lyon"),
                since: None,
                previously: vec![]
            }),
            "{got:?}"
        );
    }

    #[test]
    fn moved_headquarters_from_a_named_seat_keep_it() {
        let text = "The Lake Survey Office moved its headquarters from Lucerne to Basel in 1931.";
        let mut context = Context::new(text);
        let got = sentence(text, &mut context);
        assert!(
            got.iter().any(|f| f.found
                == Found::Fact(FactKind::Place {
                    subject: "the Lake Survey Office".into(),
                    relation: "headquarters".into(),
                    place: Answer::plain("Basel"),
                    since: Some(date(1931, None)),
                    previously: vec!["Lucerne".into()]
                })),
            "{got:?}"
        );
    }

    #[test]
    fn a_generic_subject_that_moved_is_the_organisation_named_before() {
        let text = "The Lake Survey Office (LSO) was based in Lucerne. The office moved its headquarters to Basel in 1931.";
        let mut context = Context::new(text);
        let mut got = Vec::new();
        for s in crate::draft::text::sentences(text) {
            got.extend(sentence(&s, &mut context));
        }
        let subjects: Vec<&str> = got
            .iter()
            .filter_map(|f| match &f.found {
                Found::Fact(FactKind::Place { subject, .. }) => Some(subject.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(subjects, ["LSO", "LSO"], "{got:?}");
    }

    #[test]
    fn moved_headquarters_keep_the_previous_seat() {
        let text = "The Orbital Debris Office (ODO) was based in Lyon. ODO moved its headquarters to Turin in 1975.";
        let mut context = Context::new(text);
        let mut got = Vec::new();
        for s in crate::draft::text::sentences(text) {
            got.extend(sentence(&s, &mut context));
        }
        assert!(
            got.iter().any(|f| f.found
                == Found::Fact(FactKind::Place {
                    subject: "ODO".into(),
                    relation: "headquarters".into(),
                    place: Answer::plain("Turin"),
                    since: Some(date(1975, None)),
                    previously: vec!["Lyon".into()]
                })),
            "{got:?}"
        );
    }

    #[test]
    fn counted_lists_check_their_count() {
        let got = facts("Sailors feared the four winds of Aster, Boreas, Calder and Dune.");
        assert!(
            got.contains(&FactKind::List {
                name: "the four winds".into(),
                items: ["Aster", "Boreas", "Calder", "Dune"]
                    .map(Answer::plain)
                    .to_vec(),
                ordered: false
            }),
            "{got:?}"
        );
        assert!(
            facts("Sailors feared the three winds of Aster, Boreas, Calder and Dune.")
                .iter()
                .all(|f| !matches!(f, FactKind::List { .. }))
        );
    }

    #[test]
    fn an_and_inside_the_last_item_is_kept_when_the_count_says_so() {
        assert_eq!(
            split_items("trade, transport, and arts and crafts", Some(3)),
            Some(vec![
                "trade".into(),
                "transport".into(),
                "arts and crafts".into()
            ])
        );
        assert_eq!(
            split_items("trade, transport and crafts", Some(3)),
            Some(vec!["trade".into(), "transport".into(), "crafts".into()])
        );
    }

    #[test]
    fn membership_lists_in_parentheses_name_their_owner() {
        let got = facts(
            "The Harbour League counts three associate ports (Arden, Brill and Cove) and more.",
        );
        assert!(
            got.contains(&FactKind::List {
                name: "the three associate ports of the Harbour League".into(),
                items: ["Arden", "Brill", "Cove"].map(Answer::plain).to_vec(),
                ordered: false
            }),
            "{got:?}"
        );
    }

    #[test]
    fn dashed_lists_after_a_counted_noun() {
        let got = facts(
            "Then the three northern Harbour towns — Arden, Brill and Cove — joined the league.",
        );
        assert!(
            got.contains(&FactKind::List {
                name: "the three northern Harbour towns".into(),
                items: ["Arden", "Brill", "Cove"].map(Answer::plain).to_vec(),
                ordered: false
            }),
            "{got:?}"
        );
    }

    #[test]
    fn counted_lists_may_open_a_sentence() {
        let got = facts("The three river ports — Arden, Brill and Cove — shared one pilot.");
        assert!(
            got.contains(&FactKind::List {
                name: "the three river ports".into(),
                items: ["Arden", "Brill", "Cove"].map(Answer::plain).to_vec(),
                ordered: false
            }),
            "{got:?}"
        );
        let got = facts("The three duties of steering, mooring and towing.");
        assert!(
            got.contains(&FactKind::List {
                name: "the three duties".into(),
                items: ["steering", "mooring", "towing"]
                    .map(Answer::plain)
                    .to_vec(),
                ordered: false
            }),
            "{got:?}"
        );
    }

    #[test]
    fn not_until_dates_the_event_itself() {
        let got =
            facts("But not until April 1950 was a charter between the two ports signed at last.");
        assert!(
            got.contains(&FactKind::Event {
                what: "the signing of the charter between the two ports".into(),
                date: date(1950, Some(4)),
                place: None
            }),
            "{got:?}"
        );
    }

    #[test]
    fn quoted_terms_with_definitions() {
        let got = facts(
            "Its founders spoke of the “harbour rule,” which refers to sharing every catch equally.",
        );
        assert!(
            got.contains(&FactKind::Term {
                term: Answer::plain("harbour rule"),
                definition: "sharing every catch equally".into()
            }),
            "{got:?}"
        );
    }

    #[test]
    fn people_with_roles_and_since() {
        let got = facts(
            "The Tidal Institute opened in 1931, and Mara Quell, a retired ship captain, became its first director.",
        );
        assert!(
            got.contains(&FactKind::Person {
                name: Answer::plain("Mara Quell"),
                role: "the first director of the Tidal Institute".into(),
                since: Some(date(1931, None))
            }),
            "{got:?}"
        );
    }

    #[test]
    fn lengths_and_counts_with_units() {
        let got = facts("They mapped the old canal, which runs to about 2,400km across the plain.");
        assert!(
            got.contains(&FactKind::Number {
                quantity: "the length of the old canal".into(),
                value: 2400.0,
                unit: Some("km".into()),
                tolerance: 100.0
            }),
            "{got:?}"
        );
        let got = facts("The Harbour Archive includes 312 maps of the northern coast.");
        assert!(
            got.contains(&FactKind::Number {
                quantity: "the number of maps of the northern coast in the Harbour Archive".into(),
                value: 312.0,
                unit: None,
                tolerance: 0.0
            }),
            "{got:?}"
        );
    }

    #[test]
    fn a_length_before_its_noun() {
        let got = facts("They agreed on the 40 km southern part of the coastal road.");
        assert!(
            got.contains(&FactKind::Number {
                quantity: "the length of the southern part of the coastal road".into(),
                value: 40.0,
                unit: Some("km".into()),
                tolerance: 0.0
            }),
            "{got:?}"
        );
    }

    #[test]
    fn expansions_are_found_by_capitals() {
        assert_eq!(
            expansion_for("the Northern Co-operation Council", "NCC"),
            Some("Northern Co-operation Council".into())
        );
        assert_eq!(expansion_for("Until the Big Dam", "XYZ"), None);
    }

    #[test]
    fn tolerance_is_five_percent_rounded() {
        assert_eq!(tolerance_for(4300.0, true), 200.0);
        assert_eq!(tolerance_for(4300.0, false), 0.0);
    }
}

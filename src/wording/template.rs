//! The question templates: for each fact kind, every question, option and explanation recall
//! generates, built from the fact's pieces (subject, verb, object, time, place) by the rest of
//! this module. `deck::generate` decides which cards to make; this file decides their words.

use crate::deck::FactDate;

use super::clause::{Clause, Tense, Voice};
use super::count::{Quantity, format_number, format_value, is_measure};
use super::date::{at_date, format_date, format_year};
use super::event::{self, Reading};
use super::noun::{
    NounPhrase, Opening, bare, capitalise, is_acronym, is_capitalised, phrase, sentence,
};
use super::plural::{be, pronoun, singular};
use super::verb::{Verb, is_past_form};

/// Something a template could not tell from the fact and had to guess, with what the author
/// can add to say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    pub message: String,
    pub help: String,
}

/// The prompt of deck-level timeline cards.
pub const TIMELINE_PROMPT: &str = "Put these events in chronological order, earliest first.";

/// The prompt of a generated cloze.
pub const CLOZE_PROMPT: &str = "Fill in the blank.";

/// Whether the words of `needle` appear in `hay` (ignoring case), so a sentence need not say
/// a place twice ("the Astana summit ... in Astana").
fn mentions(hay: &str, needle: &str) -> bool {
    crate::deck::text::find_word(hay, needle).is_some()
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/// An event's words.
#[derive(Debug, Clone)]
pub struct EventWords {
    reading: Reading,
}

impl EventWords {
    pub fn new(what: &str, verb: Option<&str>) -> EventWords {
        EventWords {
            reading: event::read(what, verb),
        }
    }

    /// "In what year was the SCO founded?"
    pub fn year_question(&self) -> String {
        self.reading.clause.question("In what year", &[])
    }

    /// The event as an option or a timeline item: "The SCO was founded".
    pub fn option(&self) -> String {
        capitalise(&self.reading.clause.declarative(&[]))
    }

    /// The event in running text: "the SCO was founded".
    pub fn declarative(&self) -> String {
        self.reading.clause.declarative(&[])
    }

    /// "The SCO was founded in Shanghai on 15 June 2001." (a place the event already names is
    /// not repeated).
    pub fn statement(&self, date: &FactDate, place: Option<&str>) -> String {
        let when = at_date(date);
        let text = self.reading.clause.declarative(&[]);
        // A launch or a departure is from a place; anything else happens in it.
        let from = matches!(
            self.reading.clause.verb.base.as_str(),
            "launch" | "leave" | "depart" | "sail" | "fly" | "set"
        );
        let place = place
            .map(phrase)
            .filter(|p| !p.is_empty() && !mentions(&text, p))
            .map(|p| format!("{} {p}", if from { "from" } else { "in" }));
        match place {
            Some(p) => self.reading.clause.statement(&[&p, &when]),
            None => self.reading.clause.statement(&[&when]),
        }
    }

    pub fn guessed(&self, what: &str) -> Option<Guess> {
        self.reading.guessed.then(|| Guess {
            message: format!(
                "recall could not tell what happened in \"{}\", so its questions say it \"took place\"",
                phrase(what)
            ),
            help: "add `verb = \"signed\"` (what happened to it: signed, founded, held, built, \
                   launched...) or `verb = \"began\"` (what it did), or write `what` as \"the \
                   signing of ...\""
                .to_string(),
        })
    }
}

/// "Which of these happened in June 2001?"
pub fn which_event_question(date: &FactDate) -> String {
    format!("Which of these happened {}?", at_date(date))
}

/// The explanation of a timeline card: "1991: the treaty was signed; 1994: ...".
pub fn timeline_explain(entries: &[(FactDate, String)]) -> String {
    let parts: Vec<String> = entries
        .iter()
        .map(|(d, what)| format!("{}: {what}", format_date(d)))
        .collect();
    sentence(&parts.join("; "))
}

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------

/// Relations written as nouns and the participle that asks about them, its tense, and what
/// their subjects are (for drawing wrong options of the same type).
const PLACE_RELATIONS: &[(&str, &str, Tense, &str)] = &[
    (
        "headquarters",
        "headquartered",
        Tense::Present,
        "organisation",
    ),
    (
        "head office",
        "headquartered",
        Tense::Present,
        "organisation",
    ),
    (
        "main office",
        "headquartered",
        Tense::Present,
        "organisation",
    ),
    ("seat", "based", Tense::Present, "organisation"),
    ("base", "based", Tense::Present, "organisation"),
    ("home", "based", Tense::Present, "organisation"),
    ("location", "located", Tense::Present, "feature"),
    ("site", "located", Tense::Present, "feature"),
    ("position", "located", Tense::Present, "feature"),
    ("venue", "held", Tense::Past, "event"),
    ("host city", "held", Tense::Past, "event"),
    ("birthplace", "born", Tense::Past, "person"),
    ("place of birth", "born", Tense::Past, "person"),
    ("burial place", "buried", Tense::Past, "person"),
    ("grave", "buried", Tense::Past, "person"),
    ("resting place", "buried", Tense::Past, "person"),
];

/// Participles written as a place fact's `verb` (or, by mistake, its `relation`) with their
/// usual tense and subject type; others are in the present and type their subjects by the verb.
const PLACE_VERBS: &[(&str, Tense, &str)] = &[
    ("headquartered", Tense::Present, "organisation"),
    ("based", Tense::Present, "organisation"),
    ("located", Tense::Present, "feature"),
    ("situated", Tense::Present, "feature"),
    ("held", Tense::Past, "event"),
    ("hosted", Tense::Past, "event"),
    ("staged", Tense::Past, "event"),
    ("signed", Tense::Past, "document"),
    ("born", Tense::Past, "person"),
    ("buried", Tense::Past, "person"),
    ("founded", Tense::Past, "organisation"),
    ("built", Tense::Past, "building"),
    ("found", Tense::Past, "find"),
    ("discovered", Tense::Past, "find"),
];

/// Subjects that are places themselves: asked where they are located.
const LOCATED_HEADS: &[&str] = &[
    "museum",
    "gallery",
    "palace",
    "cathedral",
    "church",
    "temple",
    "mosque",
    "tower",
    "bridge",
    "monument",
    "castle",
    "statue",
    "mountain",
    "mount",
    "lake",
    "river",
    "desert",
    "falls",
    "park",
    "zoo",
    "stadium",
    "library",
    "square",
    "wall",
    "canal",
    "dam",
    "volcano",
    "island",
    "forest",
    "observatory",
    "airport",
    "port",
    "station",
    "ruins",
    "tomb",
    "site",
];

/// Places named after a building, which take "at" ("at Blenheim Palace").
const AT_PLACES: &[&str] = &[
    "palace",
    "castle",
    "house",
    "hall",
    "hospital",
    "station",
    "airport",
    "university",
    "college",
    "school",
    "abbey",
    "manor",
    "farm",
    "camp",
    "base",
    "observatory",
    "cathedral",
    "church",
    "museum",
    "theatre",
    "studio",
];

/// The kind of a place named after a building or a natural feature ("the Hall of Mirrors"
/// is a hall, "Blenheim Palace" a palace), which is drawn only with places of its kind.
pub fn building_kind(place: &str) -> Option<String> {
    let head = singular(&NounPhrase::new(place).head());
    (AT_PLACES.contains(&head.as_str()) || LOCATED_HEADS.contains(&head.as_str())).then_some(head)
}

/// Kinds of place that take "on" ("on which planet").
const ON_PLACES: &[&str] = &[
    "planet",
    "moon",
    "island",
    "continent",
    "river",
    "coast",
    "street",
    "mountain",
    "lake",
    "peninsula",
    "shore",
    "border",
    "frontier",
    "front",
];

/// How a place fact asks where its subject is.
#[derive(Debug, Clone)]
enum Relation {
    /// "Where is RATS headquartered?"
    Verb(Box<Clause>, String),
    /// "What is the capital of France?"
    Noun(String),
}

/// A place fact's words.
#[derive(Debug, Clone)]
pub struct PlaceWords {
    subject: NounPhrase,
    relation: Relation,
    place_kind: Option<String>,
}

impl PlaceWords {
    /// `relation` is the noun (default "headquarters"), `verb` an optional participle that says
    /// it ("based", "held", "was signed"), `place_kind` what the place is ("city", "planet").
    pub fn new(
        subject: &str,
        relation: &str,
        verb: Option<&str>,
        place_kind: Option<&str>,
    ) -> PlaceWords {
        let subject = NounPhrase::new(subject);
        let rel = phrase(relation).to_lowercase();
        let as_verb = verb.map(phrase).filter(|v| !v.is_empty()).or_else(|| {
            // "located" written as the relation is a verb, not a noun.
            let last = rel.split_whitespace().last().unwrap_or("");
            is_past_form(last).then(|| rel.clone())
        });
        // Buildings and natural features are located somewhere, not headquartered (the
        // loader's default relation).
        let rel = if rel == "headquarters"
            && LOCATED_HEADS.contains(&singular(&subject.head()).as_str())
        {
            "location".to_string()
        } else {
            rel
        };
        let relation = match as_verb {
            Some(v) => Relation::Verb(Box::new(place_clause(&subject, &v)), type_of_verb(&v)),
            None => match PLACE_RELATIONS.iter().find(|(r, ..)| *r == rel) {
                Some((_, participle, tense, ty)) => {
                    let c = place_clause(&subject, participle);
                    let c = Clause { tense: *tense, ..c };
                    Relation::Verb(Box::new(c), (*ty).to_string())
                }
                None => Relation::Noun(rel),
            },
        };
        PlaceWords {
            subject,
            relation,
            place_kind: place_kind
                .map(|k| singular(&phrase(k)))
                .filter(|k| !k.is_empty()),
        }
    }

    /// "in" or "on", as the kind of place needs.
    fn preposition(&self) -> &'static str {
        match &self.place_kind {
            Some(k) if ON_PLACES.contains(&k.as_str()) => "on",
            _ => "in",
        }
    }

    fn at(&self, place: &str) -> String {
        // A building is a point: born "at Blenheim Palace", not "in" it.
        let head = singular(&NounPhrase::new(place).head());
        let prep = if self.place_kind.is_none() && AT_PLACES.contains(&head.as_str()) {
            "at"
        } else {
            self.preposition()
        };
        format!("{prep} {place}")
    }

    /// "Where is RATS headquartered?", "In which city is RATS headquartered?", "What is the
    /// capital of France?".
    pub fn where_question(&self) -> String {
        match (&self.relation, &self.place_kind) {
            (Relation::Verb(c, _), Some(kind)) => {
                let wh = capitalise(&format!("{} which {kind}", self.preposition()));
                c.question(&wh, &[])
            }
            (Relation::Verb(c, _), None) => c.question("Where", &[]),
            (Relation::Noun(rel), _) => {
                format!("What is the {rel} of {}?", self.subject.mid())
            }
        }
    }

    /// "Which of these is headquartered in Tashkent?", "Paris is the capital of which of
    /// these?".
    pub fn which_question(&self, place: &str) -> String {
        match &self.relation {
            Relation::Verb(c, _) => c.subject_question("Which of these", &[&self.at(place)]),
            Relation::Noun(rel) => format!("{place} is the {rel} of which of these?"),
        }
    }

    /// "Since what year has RATS been headquartered in Tashkent?"
    pub fn since_question(&self, place: &str) -> String {
        match &self.relation {
            Relation::Verb(c, _) => {
                let c = Clause {
                    tense: Tense::Perfect,
                    ..(**c).clone()
                };
                c.question("Since what year", &[&self.at(place)])
            }
            Relation::Noun(rel) => format!(
                "Since what year has {place} been the {rel} of {}?",
                self.subject.mid()
            ),
        }
    }

    /// "Where was RATS headquartered before it moved to Tashkent?"
    pub fn before_question(&self, place: &str) -> String {
        match &self.relation {
            Relation::Verb(c, _) => {
                let c = Clause {
                    tense: Tense::Past,
                    ..(**c).clone()
                };
                let before = format!("before {} moved to {place}", pronoun(c.plural));
                c.question("Where", &[&before])
            }
            Relation::Noun(rel) => format!(
                "What was the {rel} of {} before {place}?",
                self.subject.mid()
            ),
        }
    }

    /// "RATS has been headquartered in Tashkent since 2004; before that it was in Bishkek."
    pub fn statement(&self, place: &str, since: Option<&FactDate>, previously: &[&str]) -> String {
        let since_words = since.map(|d| format!("since {}", format_date(d)));
        let mut s = match &self.relation {
            Relation::Verb(c, _) => {
                let c = if since.is_some() {
                    Clause {
                        tense: Tense::Perfect,
                        ..(**c).clone()
                    }
                } else {
                    (**c).clone()
                };
                let at = self.at(place);
                let mut adjuncts: Vec<&str> = vec![&at];
                if let Some(s) = &since_words {
                    adjuncts.push(s);
                }
                c.declarative(&adjuncts)
            }
            Relation::Noun(rel) => {
                let verb = if since.is_some() { "has been" } else { "is" };
                let mut s = format!("the {rel} of {} {verb} {place}", self.subject.mid());
                if let Some(w) = &since_words {
                    s.push(' ');
                    s.push_str(w);
                }
                s
            }
        };
        if !previously.is_empty() {
            let plural = match &self.relation {
                Relation::Verb(c, _) => c.plural,
                Relation::Noun(_) => false,
            };
            let places: Vec<String> = previously
                .iter()
                .map(|p| match &self.relation {
                    Relation::Verb(..) => self.at(p),
                    Relation::Noun(_) => (*p).to_string(),
                })
                .collect();
            s.push_str(&format!(
                "; before that {} {} {}",
                pronoun(plural),
                be(plural, true),
                places.join(", then ")
            ));
        }
        sentence(&s)
    }

    /// The subject as an option: "the SCO Secretariat".
    pub fn subject_option(&self) -> String {
        self.subject.mid().into_owned()
    }

    /// What the subject is, for drawing other subjects of the same type: "organisation",
    /// "event", or a type named after the relation.
    pub fn subject_type(&self) -> String {
        match &self.relation {
            Relation::Verb(_, ty) => ty.clone(),
            Relation::Noun(rel) => format!("thing with a {rel}"),
        }
    }
}

/// The clause of a place fact written with a verb: "based", "is located", "was signed",
/// "died" (a verb that acts: "Where did Napoleon die?").
fn place_clause(subject: &NounPhrase, verb: &str) -> Clause {
    let mut words: Vec<&str> = verb.split_whitespace().collect();
    let mut tense = None;
    if let Some(first) = words.first() {
        match bare(first).as_str() {
            "is" | "are" => tense = Some(Tense::Present),
            "was" | "were" => tense = Some(Tense::Past),
            _ => {}
        }
    }
    if tense.is_some() {
        words.remove(0);
    }
    let main = words.first().copied().unwrap_or("located");
    let rest = words.get(1..).map(|r| r.join(" ")).unwrap_or_default();
    let known = PLACE_VERBS.iter().find(|(v, ..)| *v == bare(main));
    let v = Verb::of(main);
    // A relative clause follows the verb in a question ("Where was the summit held that
    // ...?") and stays with its noun in a statement.
    let (head, relative) = match subject.split_relative() {
        Some((head, relative)) => (head, relative),
        None => (subject.mid().into_owned(), String::new()),
    };
    let head = NounPhrase::new(&head).mid().into_owned();
    let mut c = Clause::new(
        &head,
        subject.is_plural(),
        v.clone(),
        Voice::Passive,
        Tense::Present,
    )
    .with_rest(&rest)
    .with_relative(&relative);
    if PLACE_ACTIVE.contains(&v.base.as_str()) {
        // "Where did Napoleon die?", "Where does the Nile rise?"
        c.voice = Voice::Active;
        c.tense = tense.unwrap_or(if is_past_form(main) {
            Tense::Past
        } else {
            Tense::Present
        });
        return c;
    }
    // A verb that names an event ("executed", "crowned", "painted") happened once, in the
    // past; others describe where something is ("displayed", "kept").
    c.tense = tense.or(known.map(|(_, t, _)| *t)).unwrap_or_else(|| {
        if super::event::is_event_verb(&v.base) {
            Tense::Past
        } else {
            Tense::Present
        }
    });
    if known.is_some() {
        // Keep the participle as written ("found", not "founded").
        c.verb.participle = bare(main);
    }
    c
}

/// Verbs a place fact may use that the subject does ("Where did Napoleon die?").
const PLACE_ACTIVE: &[&str] = &[
    "die",
    "live",
    "work",
    "grow",
    "arrive",
    "stay",
    "reside",
    "originate",
    "flow",
    "rise",
    "meet",
    "settle",
    "land",
    "end",
    "begin",
    "start",
];

fn type_of_verb(verb: &str) -> String {
    let main = verb
        .split_whitespace()
        .find(|w| !matches!(bare(w).as_str(), "is" | "are" | "was" | "were"))
        .unwrap_or(verb);
    PLACE_VERBS
        .iter()
        .find(|(v, ..)| *v == bare(main))
        .map_or_else(
            || format!("thing {}", bare(main)),
            |(_, _, ty)| (*ty).to_string(),
        )
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

/// Words that make a role an office someone may still hold.
const OFFICES: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "empress",
    "monarch",
    "pope",
    "secretary general",
    "secretary-general",
    "general secretary",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "director",
    "head",
    "leader",
    "minister",
    "governor",
    "mayor",
    "ceo",
    "chief",
    "commander",
    "ambassador",
    "editor",
    "speaker",
    "dean",
    "rector",
    "principal",
    "captain",
    "coach",
    "manager",
    "professor",
    "chief executive",
    "president-elect",
];

/// Words that put a role in the past whoever holds it now.
const PAST_MARKERS: &[&str] = &[
    "first", "former", "founding", "last", "second", "third", "fourth", "fifth", "late",
];

/// A person fact's words.
#[derive(Debug, Clone)]
pub struct PersonWords {
    name: String,
    role: NounPhrase,
    since: Option<FactDate>,
    current: Option<bool>,
}

impl PersonWords {
    pub fn new(name: &str, role: &str, since: Option<FactDate>, current: Option<bool>) -> Self {
        PersonWords {
            name: phrase(name),
            role: NounPhrase::new(role),
            since,
            current,
        }
    }

    /// Whether the person still holds the role: as the fact says, or as the role's own dates
    /// say ("since 2013" is current, "from 1997 to 2006" is not).
    fn is_current(&self) -> bool {
        self.current.or_else(|| self.dated()).unwrap_or(false)
    }

    /// What the role's dates tell: `Some(true)` for "since <year>", `Some(false)` for "until
    /// <year>" or "to <year>".
    fn dated(&self) -> Option<bool> {
        let words: Vec<String> = self
            .role
            .as_written()
            .split_whitespace()
            .map(bare)
            .collect();
        let year = |w: &String| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
        words
            .windows(2)
            .find_map(|pair| match (pair[0].as_str(), year(&pair[1])) {
                ("since", true) => Some(true),
                ("until" | "till" | "to", true) => Some(false),
                _ => None,
            })
    }

    /// The role as an option and inside sentences: "the first secretary general of the SCO",
    /// "the Secretary-General" (a title in capitals is still a common noun).
    pub fn role_option(&self) -> String {
        let role = self.role.as_written();
        let title = self.role.opening() == Opening::Name && {
            let lower = role.to_lowercase();
            let head = lower.split(" of ").next().unwrap_or(&lower);
            OFFICES
                .iter()
                .any(|o| head == *o || head.replace('-', " ") == o.replace('-', " "))
        };
        if title {
            format!("the {role}")
        } else {
            self.role.definite().into_owned()
        }
    }

    /// "Who became the first secretary general of the SCO in 2004?", "Who is the president of
    /// China?", "Who has been the president of China since 2013?", "Who was ...?".
    pub fn who_question(&self) -> String {
        let role = self.role_option();
        // "the person who persuaded Congress": a deed asks "Who persuaded Congress?".
        if let Some(deed) = deed_of(&role) {
            return format!("Who {deed}?");
        }
        match (&self.since, self.is_current()) {
            (Some(d), true) => format!("Who has been {role} since {}?", format_date(d)),
            (Some(d), false) => format!("Who became {role} {}?", at_date(d)),
            (None, true) => format!("Who is {role}?"),
            (None, false) => format!("Who was {role}?"),
        }
    }

    /// The role question: "What did Zhang Deguang become in 2004?", "Who is Xi Jinping?",
    /// "Who was Ada Lovelace?".
    pub fn role_question(&self) -> String {
        match (&self.since, self.is_current()) {
            (Some(d), false) => format!("What did {} become {}?", self.name, at_date(d)),
            (_, true) => format!("Who is {}?", self.name),
            (None, false) => format!("Who was {}?", self.name),
        }
    }

    /// "Zhang Deguang became the first secretary general of the SCO in 2004."
    pub fn statement(&self) -> String {
        let role = self.role_option();
        if let Some(deed) = deed_of(&role) {
            return sentence(&format!("{} {deed}", self.name));
        }
        let s = match (&self.since, self.is_current()) {
            (Some(d), true) => format!("{} has been {role} since {}", self.name, format_date(d)),
            (Some(d), false) => format!("{} became {role} {}", self.name, at_date(d)),
            (None, true) => format!("{} is {role}", self.name),
            (None, false) => format!("{} was {role}", self.name),
        };
        sentence(&s)
    }

    /// A guess is made when the role is an office someone may still hold and nothing says
    /// whether this person does.
    pub fn guessed(&self) -> Option<Guess> {
        if self.since.is_some() || self.current.is_some() || self.dated().is_some() {
            return None;
        }
        let role = self.role.as_written().to_lowercase();
        let words: Vec<String> = role.split_whitespace().map(bare).collect();
        let office = OFFICES.iter().any(|o| {
            let o: Vec<&str> = o.split_whitespace().collect();
            words
                .windows(o.len())
                .any(|w| w.iter().zip(&o).all(|(a, b)| a == b))
        });
        let past = words.iter().any(|w| PAST_MARKERS.contains(&w.as_str()));
        (office && !past).then(|| Guess {
            message: format!(
                "recall could not tell whether {} still holds the role \"{}\", so its \
                 questions ask in the past (\"Who was ...?\")",
                self.name,
                self.role.as_written()
            ),
            help: "add `current = true` if they still hold it (\"Who is ...?\"), or \
                   `current = false`, or a `since` date"
                .to_string(),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

/// A list fact's words.
#[derive(Debug, Clone)]
pub struct ListWords {
    name: NounPhrase,
    ordered: bool,
}

impl ListWords {
    pub fn new(name: &str, ordered: bool) -> ListWords {
        ListWords {
            name: NounPhrase::new(name),
            ordered,
        }
    }

    /// "Name the three evil forces." / "Name the four outer planets, in order."
    pub fn all_question(&self) -> String {
        let order = if self.ordered { ", in order" } else { "" };
        format!("Name {}{order}.", self.name.definite())
    }

    /// The start of the sentence listing the items: "The three evil forces are ", "The
    /// stages are, in order, ".
    pub fn opening(&self, len: usize) -> String {
        let verb = if len == 1 && !self.name.is_plural() {
            "is"
        } else {
            "are"
        };
        let order = if self.ordered && len > 1 {
            ", in order,"
        } else {
            ""
        };
        format!("{} {verb}{order} ", self.name.start())
    }

    /// "Which of these is one of the three evil forces?" (or "... belongs to the G7?" for a
    /// group named in the singular).
    pub fn member_question(&self) -> String {
        if self.name.is_plural() {
            format!("Which of these is one of {}?", self.name.definite())
        } else {
            format!("Which of these belongs to {}?", self.name.definite())
        }
    }

    /// "The three evil forces are terrorism, separatism and extremism."
    pub fn statement(&self, items: &[&str]) -> String {
        sentence(&format!("{}{}", self.opening(items.len()), join_and(items)))
    }

    /// What the items are, by the list's head noun: "force", "state", "planet".
    pub fn head_type(&self) -> String {
        let head = singular(&self.name.head());
        // "the three main types of chemical bond" holds bonds, not types.
        if matches!(
            head.as_str(),
            "type" | "kind" | "sort" | "form" | "class" | "category" | "variety"
        ) {
            let (_, rest) = self.name.split_at_head();
            if let Some(of) = rest.strip_prefix("of ") {
                return singular(&NounPhrase::new(of).head());
            }
        }
        head
    }
}

/// Items joined as in running English: "a", "a and b", "a, b and c".
pub fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {}", rest.join(", "), last),
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/// A number fact's words.
#[derive(Debug, Clone)]
pub struct NumberWords {
    quantity: Quantity,
    unit: Option<String>,
}

impl NumberWords {
    pub fn new(quantity: &str, unit: Option<&str>) -> NumberWords {
        NumberWords {
            quantity: Quantity::read(quantity),
            unit: unit.map(phrase).filter(|u| !u.is_empty()),
        }
    }

    /// "How many member states does the SCO have?", "What is the length of the border?"
    pub fn question(&self) -> String {
        self.quantity.question()
    }

    /// A value as an option: bare when the question says what is counted ("8"), with its
    /// unit otherwise ("4,300 km").
    pub fn option(&self, value: f64) -> String {
        match self.unit.as_deref() {
            Some(u) if !self.quantity.is_count() || is_measure(u) => format_number(value, Some(u)),
            _ => format_value(value),
        }
    }

    /// "The SCO has 8 member states.", "The length of the border is 55 km."
    pub fn statement(&self, value: f64) -> String {
        self.quantity.statement(value, self.unit.as_deref())
    }
}

// ---------------------------------------------------------------------------------------------
// Terms
// ---------------------------------------------------------------------------------------------

/// A term fact's words.
#[derive(Debug, Clone)]
pub struct TermWords {
    term: String,
    definition: NounPhrase,
}

impl TermWords {
    pub fn new(term: &str, definition: &str) -> TermWords {
        TermWords {
            term: phrase(term),
            definition: NounPhrase::new(definition),
        }
    }

    /// Whether the term is a name or an acronym ("Shanghai Five", "RATS") rather than a word.
    fn is_name(&self) -> bool {
        let first = self.term.split_whitespace().next().unwrap_or("");
        is_capitalised(first) || is_acronym(first)
    }

    /// Whether the term is an acronym of its definition ("NATO": the North Atlantic Treaty
    /// Organization; "STP": standard temperature and pressure).
    pub fn is_abbreviation(&self) -> bool {
        const SMALL: &[&str] = &["the", "a", "an", "of", "and", "for", "on", "in", "to", "&"];
        if self.term.contains(char::is_whitespace) || !is_acronym(&self.term) {
            return false;
        }
        let letters: String = self
            .term
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect::<String>()
            .to_uppercase();
        let initials = |all: bool| -> String {
            self.definition
                .as_written()
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| {
                    let b = bare(w);
                    // Every word counts but an article ("MOMA": the Museum of Modern Art), or
                    // only the words that are not small ("STP": standard temperature and
                    // pressure).
                    !matches!(b.as_str(), "the" | "a" | "an")
                        && (all || !SMALL.contains(&b.as_str()))
                })
                .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
                .collect::<String>()
                .to_uppercase()
        };
        letters == initials(false) || letters == initials(true)
    }

    /// Whether the term is an acronym of a name ("NATO": the North Atlantic Treaty
    /// Organization), whose options are other names, not descriptions.
    pub fn abbreviates_a_name(&self) -> bool {
        const SMALL: &[&str] = &["the", "a", "an", "of", "and", "for", "on", "in", "to", "&"];
        self.is_abbreviation()
            && self
                .definition
                .as_written()
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !SMALL.contains(&bare(w).as_str()))
                .all(is_capitalised)
    }

    /// `What does "RATS" refer to?` / `What does "astronomical unit" mean?` / `What does
    /// "NATO" stand for?`
    pub fn define_question(&self) -> String {
        if self.is_abbreviation() {
            format!("What does \"{}\" stand for?", self.term)
        } else if self.is_name() {
            format!("What does \"{}\" refer to?", self.term)
        } else {
            format!("What does \"{}\" mean?", self.term)
        }
    }

    /// "What is the term for the mean distance between the Earth and the Sun?", "What is the
    /// name of the SCO's permanent anti-terrorism body?"
    pub fn name_question(&self) -> String {
        let def = self.definition.mid();
        if self.is_abbreviation() {
            format!("What is the abbreviation for {def}?")
        } else if self.is_name() && def.starts_with("the ") {
            format!("What is the name of {def}?")
        } else {
            format!("What is the term for {def}?")
        }
    }

    /// The definition as an option.
    pub fn definition_option(&self) -> String {
        self.definition.mid().into_owned()
    }

    /// "RATS: the SCO's permanent body for security co-operation."
    pub fn statement(&self) -> String {
        sentence(&format!("{}: {}", self.term, self.definition.mid()))
    }
}

/// The year a "since" question asks for, as its explanation writes it.
pub fn year_words(year: i32) -> String {
    format_year(year)
}

/// The deed of a role that names a person by what they did ("the person who persuaded
/// Congress to adopt a lock canal"): the relative clause, a past the question asks with "Who".
fn deed_of(role: &str) -> Option<&str> {
    role.strip_prefix("the person who ")
        .filter(|deed| deed.split_whitespace().count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: Option<u8>, day: Option<u8>) -> FactDate {
        FactDate { year, month, day }
    }

    #[test]
    fn events() {
        let e = EventWords::new("the founding of the SCO", None);
        assert_eq!(e.year_question(), "In what year was the SCO founded?");
        assert_eq!(e.option(), "The SCO was founded");
        assert_eq!(
            e.statement(&date(2001, Some(6), Some(15)), Some("Shanghai")),
            "The SCO was founded in Shanghai on 15 June 2001."
        );
        let e = EventWords::new("the launch of Voyager 1", None);
        assert_eq!(
            e.statement(&date(1977, Some(9), Some(5)), Some("Cape Canaveral")),
            "Voyager 1 was launched from Cape Canaveral on 5 September 1977."
        );
        let e = EventWords::new("the Astana summit", None);
        assert_eq!(
            e.statement(&date(2005, None, None), Some("Astana")),
            "The Astana summit was held in 2005."
        );
        assert_eq!(
            which_event_question(&date(2001, Some(6), None)),
            "Which of these happened in June 2001?"
        );
        assert!(e.guessed("x").is_none());
        assert!(
            EventWords::new("the thing", None)
                .guessed("the thing")
                .is_some()
        );
    }

    #[test]
    fn places_with_verbs() {
        let p = PlaceWords::new("RATS", "headquarters", None, None);
        assert_eq!(p.where_question(), "Where is RATS headquartered?");
        assert_eq!(
            p.which_question("Tashkent"),
            "Which of these is headquartered in Tashkent?"
        );
        assert_eq!(
            p.since_question("Tashkent"),
            "Since what year has RATS been headquartered in Tashkent?"
        );
        assert_eq!(
            p.before_question("Tashkent"),
            "Where was RATS headquartered before it moved to Tashkent?"
        );
        assert_eq!(
            p.statement("Tashkent", Some(&date(2004, None, None)), &["Bishkek"]),
            "RATS has been headquartered in Tashkent since 2004; before that it was in Bishkek."
        );
        assert_eq!(p.subject_type(), "organisation");
        let p = PlaceWords::new("the SCO Secretariat", "seat", None, Some("cities"));
        assert_eq!(
            p.where_question(),
            "In which city is the SCO Secretariat based?"
        );
        let p = PlaceWords::new("the Great Red Spot", "location", None, Some("planet"));
        assert_eq!(
            p.where_question(),
            "On which planet is the Great Red Spot located?"
        );
        assert_eq!(
            p.which_question("Jupiter"),
            "Which of these is located on Jupiter?"
        );
        let p = PlaceWords::new("the April 1996 summit", "venue", None, None);
        assert_eq!(p.where_question(), "Where was the April 1996 summit held?");
        assert_eq!(
            p.which_question("Shanghai"),
            "Which of these was held in Shanghai?"
        );
        assert_eq!(
            p.statement("Shanghai", None, &[]),
            "The April 1996 summit was held in Shanghai."
        );
        assert_eq!(p.subject_type(), "event");
        let p = PlaceWords::new(
            "the summit that asked the US to leave",
            "venue",
            None,
            Some("city"),
        );
        assert_eq!(
            p.where_question(),
            "In which city was the summit held that asked the US to leave?"
        );
        assert_eq!(
            p.statement("Astana", None, &[]),
            "The summit that asked the US to leave was held in Astana."
        );
        let p = PlaceWords::new("the International Court of Justice", "located", None, None);
        assert_eq!(
            p.where_question(),
            "Where is the International Court of Justice located?"
        );
        let p = PlaceWords::new("Napoleon", "headquarters", Some("died"), None);
        assert_eq!(p.where_question(), "Where did Napoleon die?");
        let p = PlaceWords::new("the treaty", "headquarters", Some("was signed"), None);
        assert_eq!(p.where_question(), "Where was the treaty signed?");
        // A verb that names an event is in the past, one that says where a thing is in the
        // present.
        let p = PlaceWords::new("Antoine Lavoisier", "headquarters", Some("executed"), None);
        assert_eq!(p.where_question(), "Where was Antoine Lavoisier executed?");
        let p = PlaceWords::new("the Mona Lisa", "headquarters", Some("displayed"), None);
        assert_eq!(p.where_question(), "Where is the Mona Lisa displayed?");
        let p = PlaceWords::new("the Mona Lisa", "headquarters", Some("is displayed"), None);
        assert_eq!(p.where_question(), "Where is the Mona Lisa displayed?");
        let p = PlaceWords::new("the crown jewels", "headquarters", Some("are kept"), None);
        assert_eq!(p.where_question(), "Where are the crown jewels kept?");
        // A name ending "of A and B" is one thing.
        let p = PlaceWords::new(
            "the International Bureau of Weights and Measures",
            "seat",
            None,
            None,
        );
        assert_eq!(
            p.where_question(),
            "Where is the International Bureau of Weights and Measures based?"
        );
        let p = PlaceWords::new("the 2024 Summer Olympics", "venue", None, Some("city"));
        assert_eq!(
            p.where_question(),
            "In which city were the 2024 Summer Olympics held?"
        );
    }

    #[test]
    fn places_named_after_buildings_have_their_kind() {
        assert_eq!(
            building_kind("the Hall of Mirrors").as_deref(),
            Some("hall")
        );
        assert_eq!(building_kind("Blenheim Palace").as_deref(), Some("palace"));
        assert_eq!(building_kind("Red Square").as_deref(), Some("square"));
        assert_eq!(building_kind("Paris"), None);
        assert_eq!(building_kind("the Zambezi"), None);
    }

    #[test]
    fn places_with_other_relations_use_the_noun() {
        let p = PlaceWords::new("France", "capital", None, None);
        assert_eq!(p.where_question(), "What is the capital of France?");
        assert_eq!(
            p.which_question("Paris"),
            "Paris is the capital of which of these?"
        );
        assert_eq!(
            p.since_question("Paris"),
            "Since what year has Paris been the capital of France?"
        );
        assert_eq!(
            p.before_question("Paris"),
            "What was the capital of France before Paris?"
        );
        assert_eq!(
            p.statement("Paris", Some(&date(987, None, None)), &["Laon"]),
            "The capital of France has been Paris since 987; before that it was Laon."
        );
    }

    #[test]
    fn a_person_named_by_a_deed_is_asked_by_it() {
        let p = PersonWords::new(
            "Tomas Reede",
            "the person who persuaded the council to build a lock canal",
            None,
            None,
        );
        assert_eq!(
            p.who_question(),
            "Who persuaded the council to build a lock canal?"
        );
        assert_eq!(
            p.statement(),
            "Tomas Reede persuaded the council to build a lock canal."
        );
        assert_eq!(p.role_question(), "Who was Tomas Reede?");
        // A bare "the person who" with too little after it stays a role.
        let p = PersonWords::new("Tomas Reede", "the person who won", None, None);
        assert_eq!(p.who_question(), "Who was the person who won?");
    }

    #[test]
    fn people() {
        let p = PersonWords::new(
            "Zhang Deguang",
            "first secretary general of the SCO",
            Some(date(2004, None, None)),
            None,
        );
        assert_eq!(
            p.who_question(),
            "Who became the first secretary general of the SCO in 2004?"
        );
        assert_eq!(p.role_question(), "What did Zhang Deguang become in 2004?");
        assert_eq!(
            p.statement(),
            "Zhang Deguang became the first secretary general of the SCO in 2004."
        );
        assert!(p.guessed().is_none());
        let p = PersonWords::new(
            "Xi Jinping",
            "Chinese president who announced the BRI",
            None,
            Some(true),
        );
        assert_eq!(
            p.who_question(),
            "Who is the Chinese president who announced the BRI?"
        );
        assert_eq!(p.role_question(), "Who is Xi Jinping?");
        let p = PersonWords::new(
            "Xi Jinping",
            "president of China",
            Some(date(2013, Some(3), Some(14))),
            Some(true),
        );
        assert_eq!(
            p.who_question(),
            "Who has been the president of China since 14 March 2013?"
        );
        assert_eq!(
            p.statement(),
            "Xi Jinping has been the president of China since 14 March 2013."
        );
        let p = PersonWords::new("Ada Lovelace", "the first programmer", None, None);
        assert_eq!(p.who_question(), "Who was the first programmer?");
        assert!(p.guessed().is_none());
        let p = PersonWords::new("Someone", "president of the club", None, None);
        assert!(p.guessed().is_some());
        let p = PersonWords::new("Zhang Deguang", "Secretary-General", None, Some(false));
        assert_eq!(p.who_question(), "Who was the Secretary-General?");
        let p = PersonWords::new("Emmanuel Macron", "President of France", None, Some(true));
        assert_eq!(p.who_question(), "Who is the President of France?");
        let p = PersonWords::new(
            "Kofi Annan",
            "Secretary-General of the UN from 1997 to 2006",
            None,
            None,
        );
        assert!(p.guessed().is_none());
        assert_eq!(p.role_question(), "Who was Kofi Annan?");
        let p = PersonWords::new("Xi Jinping", "president of China since 2013", None, None);
        assert_eq!(p.role_question(), "Who is Xi Jinping?");
        let p = PersonWords::new("Gagarin", "Hero of the Soviet Union", None, None);
        assert_eq!(p.who_question(), "Who was Hero of the Soviet Union?");
    }

    #[test]
    fn lists() {
        let l = ListWords::new("the three evil forces", false);
        assert_eq!(l.all_question(), "Name the three evil forces.");
        assert_eq!(l.opening(3), "The three evil forces are ");
        assert_eq!(
            l.member_question(),
            "Which of these is one of the three evil forces?"
        );
        assert_eq!(l.head_type(), "force");
        let l = ListWords::new("EU member states", false);
        assert_eq!(l.all_question(), "Name the EU member states.");
        assert_eq!(
            l.member_question(),
            "Which of these is one of the EU member states?"
        );
        let l = ListWords::new("The first members of the club", true);
        assert_eq!(
            l.all_question(),
            "Name the first members of the club, in order."
        );
        assert_eq!(
            l.statement(&["a", "b"]),
            "The first members of the club are, in order, a and b."
        );
        let l = ListWords::new("the G7", false);
        assert_eq!(l.member_question(), "Which of these belongs to the G7?");
    }

    #[test]
    fn numbers() {
        let n = NumberWords::new("the number of SCO member states", Some("countries"));
        assert_eq!(n.question(), "How many SCO member states are there?");
        assert_eq!(n.option(8.0), "8");
        assert_eq!(n.statement(8.0), "There are 8 SCO member states.");
        let n = NumberWords::new("the length of the border", Some("km"));
        assert_eq!(n.option(4300.0), "4,300 km");
        assert_eq!(n.statement(4300.0), "The length of the border is 4,300 km.");
    }

    #[test]
    fn terms() {
        let t = TermWords::new("RATS", "the SCO's permanent anti-terrorism body.");
        assert_eq!(t.define_question(), "What does \"RATS\" refer to?");
        assert_eq!(
            t.name_question(),
            "What is the name of the SCO's permanent anti-terrorism body?"
        );
        assert_eq!(
            t.statement(),
            "RATS: the SCO's permanent anti-terrorism body."
        );
        let t = TermWords::new(
            "astronomical unit",
            "the mean distance between the Earth and the Sun",
        );
        assert_eq!(t.define_question(), "What does \"astronomical unit\" mean?");
        assert_eq!(
            t.name_question(),
            "What is the term for the mean distance between the Earth and the Sun?"
        );
        // An acronym of its definition stands for it.
        for (term, def) in [
            ("NATO", "the North Atlantic Treaty Organization"),
            ("STP", "standard temperature and pressure"),
            ("RATS", "the Regional Anti-Terrorist Structure"),
            ("R&D", "research and development"),
            ("MOMA", "the Museum of Modern Art"),
        ] {
            let t = TermWords::new(term, def);
            assert!(t.is_abbreviation(), "{term}");
            assert_eq!(t.abbreviates_a_name(), def.starts_with("the "), "{term}");
            assert_eq!(
                t.define_question(),
                format!("What does \"{term}\" stand for?")
            );
            assert_eq!(
                t.name_question(),
                format!("What is the abbreviation for {def}?")
            );
        }
        for (term, def) in [
            ("DNA", "the molecule that carries genetic instructions"),
            ("NaCl", "the chemical formula of table salt"),
            ("SCO", "a security body of eight Eurasian states"),
            // Written as a word, a name is not read letter by letter.
            ("Nato", "the North Atlantic Treaty Organization"),
            ("Brexit", "the withdrawal of Britain from the EU"),
        ] {
            assert!(!TermWords::new(term, def).is_abbreviation(), "{term}");
        }
    }

    #[test]
    fn a_list_of_types_holds_what_they_are_types_of() {
        let t = |name: &str| ListWords::new(name, false).head_type();
        assert_eq!(t("the three main types of chemical bond"), "bond");
        assert_eq!(t("the kinds of rock"), "rock");
        assert_eq!(t("the three evil forces"), "force");
        assert_eq!(t("the types"), "type");
    }

    #[test]
    fn timelines() {
        let explain = timeline_explain(&[
            (date(1991, None, None), "the treaty was signed".into()),
            (date(2001, Some(6), None), "the SCO was founded".into()),
        ]);
        assert_eq!(
            explain,
            "1991: the treaty was signed; June 2001: the SCO was founded."
        );
        assert_eq!(join_and(&["a", "b", "c"]), "a, b and c");
    }
}

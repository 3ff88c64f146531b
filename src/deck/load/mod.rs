//! Parse deck text into a `Deck`, collecting every problem as a `Diagnostic` with its span.
//!
//! API: [`load`]`(bytes) -> `[`Loaded`], and [`load_with`] for the lighter [`Checks::Errors`]. Pure: no file access, no clock, never panics (a large
//! deck is parsed on several threads, with the same result as on one).
//!
//! The TOML is parsed into a span-carrying tree (`toml::de::DeTable`) and walked by hand rather
//! than deserialised with serde, because serde stops at the first problem while an instructor
//! fixing a deck wants all of them at once, each pointing at its own line. After the walk the
//! facts are expanded into cards (`deck::generate`) and whole-deck checks run (`deck::lint`).
//!
//! One walker (`Walker`, here) reads the file; its parts live beside it by concept: `document`
//! (the file, its top level and the walk), `pieces` (the cut into pieces parsed on their own),
//! `values` (one field of a table), `settings`, `elements` (ids and duplicates across cards and
//! facts), `card`, `cloze`, `fact`, and `date` (dates and learning steps as decks write them).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use crate::deck::text::{IdMap, find_word, normalise, number_words};
use crate::deck::{
    Answer, Card, CardId, Checking, ClozePart, Deck, DeckSettings, Fact, FactDate, FactHints,
    FactKind, Kind, Media, NewOrder, Shared, SourceRef, Span, TagLists, Text, generate, lint,
    media_name_problem, parallel,
};
use crate::diagnostic::Diagnostic;

mod card;
mod cloze;
mod date;
mod document;
mod elements;
mod fact;
mod pieces;
mod settings;
mod values;

#[cfg(test)]
mod tests;

use date::*;
use elements::*;
use pieces::*;

/// The deck format versions this recall reads.
pub const FORMATS: &[i64] = &[1];

/// Prompts longer than this (in characters) get a warning: they cannot be read at a glance.
pub const LONG_PROMPT: usize = 300;

/// Large decks are parsed on several threads, each taking at least this many tables.
const PIECES_PER_THREAD: usize = 2000;

/// A generous guess of the cards a fact generates, to size the deck's card list once.
const GENERATED_PER_FACT: usize = 6;

/// The longest answer a deck may hold, in characters: a typed answer or one of its accepted
/// spellings, a choice option, a list or order item, a side of a match pair, a cloze blank,
/// and the fact fields that become answers. The longest answer a learner's input is read for
/// (`answer::MAX_ANSWER_CHARS`), so every answer of a deck can be typed; a paragraph. It
/// bounds the work of the deck's typo checks, which grows with an answer's length (an answer
/// of 50 million characters once made `check` run out of memory).
pub const MAX_ANSWER: usize = crate::answer::MAX_ANSWER_CHARS;

/// The fields whose strings are answers (see [`MAX_ANSWER`]); a cloze's blanks are checked
/// where the cloze is read.
const ANSWER_FIELDS: &[&str] = &[
    "answer",
    "accept",
    "correct",
    "wrong",
    "items",
    "pairs",
    "what",
    "subject",
    "place",
    "previously",
    "name",
    "term",
    "definition",
];

/// Years outside this range are taken for typing mistakes.
pub const YEAR_RANGE: std::ops::RangeInclusive<i64> = -3000..=3000;

/// The result of loading one deck: the deck if it could be built, and all diagnostics found
/// (sorted by position). `deck` is `Some` exactly when no diagnostic is an error, so a deck that
/// is returned may be studied; warnings alone do not stop it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub deck: Option<Deck>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

const DECK_FIELDS: &[&str] = &[
    "format",
    "id",
    "title",
    "description",
    "author",
    "tags",
    "seed",
    "source",
    "settings",
    "card",
    "fact",
];
const SOURCE_FIELDS: &[&str] = &["title", "author", "date", "publication", "url"];
const SETTINGS_FIELDS: &[&str] = &[
    "new_per_day",
    "new_order",
    "reviews_per_day",
    "learning_steps",
    "relearning_steps",
    "desired_retention",
    "day_start_hour",
    "leech_threshold",
    "maximum_interval",
    "exam",
    "parameters",
    "accents",
    "convert_units",
    "fuzz",
];
const CARD_COMMON: &[&str] = &["id", "kind", "prompt", "tags", "explain", "source", "apart"];
/// Listed after a kind's own keys: most cards have no media.
const CARD_MEDIA: &[&str] = &["media", "answer_media"];
const CARD_KINDS: &[(&str, &[&str])] = &[
    ("basic", &["front", "back"]),
    ("typed", &["answer", "accept", "name", "accents"]),
    ("choice", &["correct", "wrong"]),
    ("truefalse", &["answer"]),
    (
        "number",
        &["answer", "tolerance", "unit", "range", "convert_units"],
    ),
    ("year", &["answer", "tolerance"]),
    ("date", &["answer"]),
    ("list", &["items", "ordered", "accents"]),
    ("order", &["items"]),
    ("cloze", &["text", "accents"]),
    ("match", &["pairs"]),
];
const FACT_COMMON: &[&str] = &[
    "id", "kind", "tags", "explain", "source", "ask", "wrong", "apart",
];
const FACT_KINDS: &[(&str, &[&str])] = &[
    ("event", &["what", "date", "place", "verb"]),
    (
        "place",
        &[
            "subject",
            "place",
            "accept",
            "relation",
            "since",
            "previously",
            "verb",
            "place_kind",
        ],
    ),
    ("person", &["name", "accept", "role", "since", "current"]),
    ("list", &["name", "items", "ordered", "item_kind"]),
    ("number", &["quantity", "value", "unit", "tolerance"]),
    ("term", &["term", "accept", "definition"]),
];

/// Load a deck from its raw bytes (which may not be UTF-8). Never panics.
/// How much of the whole-deck checking `load_with` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checks {
    /// Everything `recall check` reports.
    All,
    /// Only what can refuse a deck (its errors): for decks loaded to be studied or counted,
    /// whose warnings nobody reads. The question-similarity warnings cost the most on a large
    /// deck (about a second for 10k cards of look-alike synthetic questions).
    Errors,
}

/// Loads a deck with every check (see [`load_with`]).
pub fn load(bytes: &[u8]) -> Loaded {
    load_with(bytes, Checks::All)
}

/// Loads a deck: parse, generate, then the whole-deck checks `checks` asks for. Errors are
/// the same either way, so whether a deck is usable never depends on `checks`.
pub fn load_with(bytes: &[u8], checks: Checks) -> Loaded {
    let source = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.valid_up_to();
            let len = e.error_len().unwrap_or(bytes.len() - at);
            let d = Diagnostic::error(
                Span::new(at, at + len),
                format!(
                    "the deck is not valid UTF-8: byte 0x{:02x} at offset {at}",
                    bytes[at]
                ),
            )
            .with_help("save the deck file as UTF-8 text");
            return Loaded {
                deck: None,
                diagnostics: vec![d],
            };
        }
    };
    let mut walker = Walker::new(source);
    let deck = walker.document();
    let mut diagnostics = walker.diags;
    let defaults = walker.checking;
    let deck = deck.map(|mut deck| {
        diagnostics.extend(generate::generate(&mut deck));
        for card in deck.cards.iter_mut().filter(|c| c.fact.is_some()) {
            card.checking.accents = defaults.accents;
            card.checking.convert_units = defaults.convert_units;
        }
        diagnostics.extend(match checks {
            Checks::All => lint::lint(&deck),
            Checks::Errors => lint::refusals(&deck),
        });
        deck
    });
    diagnostics.sort_by_key(|d| d.span.start);
    let deck = deck.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Loaded { deck, diagnostics }
}

type Value<'i> = Spanned<DeValue<'i>>;

fn type_name(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

fn to_i64(v: &DeValue) -> Option<i64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
        _ => None,
    }
}

/// The closest of `names` to `name`, if it is close enough to be a likely typo.
fn closest<'a>(name: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    names
        .into_iter()
        .map(|n| (strsim::damerau_levenshtein(name, n), n))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')
}

/// A string from the deck, trimmed, with where it is written.
#[derive(Debug, Clone)]
struct Str {
    text: Text,
    span: Span,
    /// Where `text` starts in the source when it is written without escapes, so that a
    /// problem inside the string (a blank, a word) can be pointed at exactly.
    exact: Option<usize>,
}

impl Str {
    /// The source span of `range` (bytes of `text`), or of the whole string when the string
    /// uses escapes and positions inside it cannot be mapped.
    fn sub(&self, range: Range<usize>) -> Span {
        match self.exact {
            Some(at) => Span::new(at + range.start, at + range.end),
            None => self.span,
        }
    }
}

/// A table being walked, and how messages name it ("card `rats`", "[settings]").
struct Tbl<'t, 'i> {
    t: &'t DeTable<'i>,
    span: Span,
    owner: String,
}

impl<'t, 'i> Tbl<'t, 'i> {
    fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.t.get(key)
    }
}

/// What a card or fact is called in messages: by id once known, else by position.
fn owner(what: &str, n: usize, id: Option<&Str>) -> String {
    match id {
        Some(id) => format!("{what} `{}`", id.text),
        None => format!("{what} #{n}"),
    }
}

struct Walker<'s> {
    src: &'s str,
    /// Where the piece being walked starts: the parser's spans are relative to it.
    base: usize,
    diags: Vec<Diagnostic>,
    /// Fields suggested for unknown keys, by table: their absence is not reported again.
    suggested: Vec<(Span, String)>,
    /// The id of the card or fact being read, kept so that a table with other errors still
    /// takes part in the duplicate-id check.
    last_id: Option<Str>,
    /// Cards' tag lists, one shared list per distinct list.
    tag_lists: TagLists,
    /// How cards compare answers unless they say otherwise: `[settings]` `accents` and
    /// `convert_units`.
    checking: Checking,
}

impl<'s> Walker<'s> {
    fn new(src: &'s str) -> Walker<'s> {
        Walker {
            src,
            base: 0,
            diags: Vec::new(),
            suggested: Vec::new(),
            last_id: None,
            tag_lists: TagLists::default(),
            checking: Checking::default(),
        }
    }

    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn sp(&self, r: Range<usize>) -> Span {
        Span::new(self.base + r.start, self.base + r.end)
    }

    fn raw(&self, r: Range<usize>) -> &'s str {
        self.src
            .get(self.base + r.start..self.base + r.end)
            .unwrap_or("")
    }

    /// The span of `key`'s value in `t`, or the table's own span when it has no such key.
    fn value_span(&self, t: &Tbl, key: &str) -> Span {
        t.get(key).map_or(t.span, |v| self.sp(v.span()))
    }
}

/// The error for an answer longer than [`MAX_ANSWER`] (`what`: "`answer` in card `x`").
fn too_long(span: Span, what: &str, chars: usize) -> Diagnostic {
    Diagnostic::error(
        span,
        format!("{what} is {chars} characters long; an answer may have at most {MAX_ANSWER}"),
    )
    .with_help(
        "an answer is what a learner types or picks: keep it short, and put the rest in \
         `explain`",
    )
}

/// The card's own tags, then the deck's defaults it does not already have.
fn merge_tags(mut own: Vec<Text>, deck: &[Text]) -> Vec<Text> {
    // Exactly sized: every fact keeps its list (cards keep a shared copy, see `TagLists`).
    own.reserve_exact(deck.iter().filter(|t| !own.contains(t)).count());
    for tag in deck {
        if !own.contains(tag) {
            own.push(tag.clone());
        }
    }
    own
}

//! Parse deck text into a `Deck`, collecting every problem as a `Diagnostic` with its span.
//!
//! API: [`load`]`(bytes) -> `[`Loaded`], and [`load_with`] for the lighter [`Checks::Errors`]. Pure: no file access, no clock, never panics (a large
//! deck is parsed on several threads, with the same result as on one).
//!
//! The TOML is parsed into a span-carrying tree (`toml::de::DeTable`) and walked by hand rather
//! than deserialised with serde, because serde stops at the first problem while an instructor
//! fixing a deck wants all of them at once, each pointing at its own line. After the walk the
//! facts are expanded into cards (`deck::generate`) and whole-deck checks run (`deck::lint`).

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

    fn document(&mut self) -> Option<Deck> {
        if self.src.trim_start_matches('\u{feff}').trim().is_empty() {
            let d = Diagnostic::error(Span::new(0, 0), "the deck file is empty").with_help(
                "a deck starts with `format = 1`, an `id` and a `title`; see the deck format in recall's README",
            );
            self.push(d);
            return None;
        }
        let pieces = pieces(self.src);
        let (root, root_ok) = self.root(&pieces);
        let root = Tbl {
            t: &root,
            span: Span::new(0, 0),
            owner: "the deck".into(),
        };
        let has_elements = pieces.iter().any(|p| p.element);
        if root_ok && root.t.is_empty() && !has_elements {
            let d = Diagnostic::error(Span::new(0, 0), "the deck is empty")
                .with_help("a deck needs at least `format = 1`, an `id` and a `title`");
            self.push(d);
            return None;
        }
        let mut meta = None;
        if root_ok {
            if !self.format(&root) {
                return None;
            }
            meta = Some(self.meta(&root));
        }
        let tags = meta.as_ref().map(|m| m.tags.clone()).unwrap_or_default();
        let mut root_elements = Elements::default();
        self.elements(&root, &tags, &mut root_elements);
        // Each element piece holds one card or fact: number them as in the file.
        let (mut cards_seen, mut facts_seen) = (root_elements.card_count, root_elements.fact_count);
        let work: Vec<(&Piece, usize)> = pieces
            .iter()
            .filter(|p| p.element)
            .map(|p| {
                let count = if p.card {
                    &mut cards_seen
                } else {
                    &mut facts_seen
                };
                *count += 1;
                (p, *count)
            })
            .collect();
        // The first part gets room for every card of the deck, generated ones included, so
        // the others can be moved into it without copying it.
        let room = (cards_seen + GENERATED_PER_FACT * facts_seen, facts_seen);
        let src = self.src;
        let checking = self.checking;
        let parts = parallel::map_chunks(&work, PIECES_PER_THREAD, |n, chunk| {
            let mut walker = Walker::new(src);
            walker.checking = checking;
            let room = if n == 0 { room } else { (0, 0) };
            let part = walker.element_pieces(chunk, &tags, room);
            (part, walker.diags)
        });
        drop(work);
        drop(pieces);
        let mut acc = root_elements;
        for (part, diags) in parts {
            acc.append(part);
            self.diags.extend(diags);
        }
        let declared = std::mem::take(&mut acc.declared);
        let (cards, facts) = self.unique(acc);
        let meta = meta?;
        let id = meta.id?;
        let seed = meta.seed.unwrap_or_else(|| generate::default_seed(&id));
        Some(Deck {
            id,
            title: meta.title?,
            description: meta.description,
            author: meta.author,
            source: meta.source,
            tags,
            seed,
            settings: meta.settings,
            facts,
            cards,
            apart: crate::deck::Apart {
                declared,
                ..Default::default()
            },
        })
    }

    fn syntax_errors(&mut self, errors: Vec<toml::de::Error>) {
        for e in errors {
            let span = e.span().map(|r| self.sp(r)).unwrap_or_default();
            let mut d = Diagnostic::error(span, format!("invalid TOML: {}", e.message()));
            // The parser names what it expected; a control character (often pasted in from
            // another program) deserves to be named itself.
            let here = self
                .src
                .get(span.start..)
                .and_then(|rest| rest.chars().next());
            if let Some(c) = here.filter(|c| c.is_control() && *c != '\n' && *c != '\r') {
                d = d.with_help(format!(
                    "the text holds the control character U+{:04X}, which TOML does not allow \
                     here: remove it, or inside a string write it as \\u{:04X}",
                    c as u32, c as u32
                ));
            }
            self.push(d);
        }
    }

    /// Parses and walks `[[card]]`/`[[fact]]` pieces, each with its number among its kind.
    /// `room` is the number of cards and facts to make room for (at least those of `pieces`).
    fn element_pieces(
        &mut self,
        pieces: &[(&Piece, usize)],
        tags: &[Text],
        room: (usize, usize),
    ) -> Elements {
        let mut acc = Elements::default();
        let cards = pieces.iter().filter(|(p, _)| p.card).count();
        acc.cards.reserve(room.0.max(cards));
        acc.card_spans.reserve(room.0.max(cards));
        acc.facts.reserve(room.1.max(pieces.len() - cards));
        acc.fact_spans.reserve(room.1.max(pieces.len() - cards));
        for &(piece, n) in pieces {
            let text = &self.src[piece.range.clone()];
            // An inline table is parsed as the one table of a `card = [...]` array, which
            // reads as a `[[card]]` piece does; `card=[` and `fact=[` are 6 bytes, and the
            // array's opening bracket comes before the table in the file, so positions in
            // the table map back onto the file.
            let wrapped;
            let (table, errors) = if piece.inline {
                let key = if piece.card { "card" } else { "fact" };
                wrapped = format!("{key}=[{text}]");
                self.base = piece.range.start - 6;
                DeTable::parse_recoverable(&wrapped)
            } else {
                self.base = piece.range.start;
                DeTable::parse_recoverable(text)
            };
            if errors.is_empty() {
                let t = Tbl {
                    t: table.get_ref(),
                    span: self.sp(table.span()),
                    owner: "the deck".into(),
                };
                if piece.card {
                    acc.card_count = n - 1;
                } else {
                    acc.fact_count = n - 1;
                }
                self.elements(&t, tags, &mut acc);
            } else {
                self.syntax_errors(errors);
            }
            self.base = 0;
        }
        acc
    }

    /// Parses the pieces of the file that are not `[[card]]`/`[[fact]]` tables and merges them
    /// into one top-level table (spans made absolute). False if any had a syntax error.
    fn root(&mut self, pieces: &[Piece]) -> (DeTable<'s>, bool) {
        let mut root = DeTable::new();
        let mut ok = true;
        for piece in pieces.iter().filter(|p| !p.element) {
            let (table, errors) = DeTable::parse_recoverable(&self.src[piece.range.clone()]);
            if !errors.is_empty() {
                self.base = piece.range.start;
                self.syntax_errors(errors);
                self.base = 0;
                ok = false;
                continue;
            }
            for (key, value) in table.into_inner() {
                let key = shift_key(key, piece.range.start);
                let value = shift(value, piece.range.start);
                let name = key.get_ref().as_ref();
                match root.get_mut(name) {
                    None => {
                        root.insert(key, value);
                    }
                    Some(first) => match (first.get_mut(), value.into_inner()) {
                        // `[[x]]` tables of one array can sit in different pieces.
                        (DeValue::Array(items), DeValue::Array(more)) => {
                            for v in more {
                                items.push(v);
                            }
                        }
                        _ => {
                            let first_span =
                                root.get_key_value(name).map_or(Span::default(), |(k, _)| {
                                    Span::new(k.span().start, k.span().end)
                                });
                            let span = Span::new(key.span().start, key.span().end);
                            let d = Diagnostic::error(
                                span,
                                format!("invalid TOML: duplicate key `{name}`"),
                            )
                            .with_related(first_span, "first defined here");
                            self.push(d);
                            ok = false;
                        }
                    },
                }
            }
        }
        (root, ok)
    }

    /// The deck's own fields (everything but cards and facts).
    fn meta(&mut self, root: &Tbl) -> Meta {
        self.check_keys(root, &[DECK_FIELDS], || "the deck's top level takes".into());
        let id = self.string(root, "id", true);
        if let Some(id) = &id
            && !id.text.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')
            })
        {
            let d = Diagnostic::error(id.span, format!("invalid deck id `{}`", id.text))
                .with_help("a deck id uses only lowercase letters, digits, `.`, `_` and `-`");
            self.push(d);
        } else if let Some(id) = &id
            && !id.text.chars().any(|c| c.is_ascii_alphanumeric())
        {
            // `.` and `..` name directories wherever an id becomes part of a path.
            let d = Diagnostic::error(
                id.span,
                format!("invalid deck id `{}`: it has no letter or digit", id.text),
            )
            .with_help("a deck id needs at least one lowercase letter or digit, such as `sco`");
            self.push(d);
        }
        Meta {
            id: id.map(|s| s.text.into()),
            title: self.string(root, "title", true).map(|s| s.text.into()),
            description: self
                .string(root, "description", false)
                .map(|s| s.text.into()),
            author: self.string(root, "author", false).map(|s| s.text.into()),
            tags: self.tags(root),
            seed: self.seed(root),
            source: self.table(root, "source").and_then(|t| self.source(&t)),
            settings: self
                .table(root, "settings")
                .map(|t| self.settings(&t))
                .unwrap_or_default(),
        }
    }

    /// Checks `format`; false when the rest of the file must not be read as a known format.
    fn format(&mut self, root: &Tbl) -> bool {
        let known = FORMATS
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let Some(v) = root.get("format") else {
            let d = Diagnostic::error(
                Span::new(0, 0),
                "missing required field `format` in the deck",
            )
            .with_help(format!(
                "add `format = 1` at the top; this recall reads deck format {known}"
            ));
            self.push(d);
            return true;
        };
        let span = self.sp(v.span());
        match to_i64(v.get_ref()) {
            Some(n) if FORMATS.contains(&n) => true,
            Some(n) => {
                let d = Diagnostic::error(span, format!("unsupported deck format {n}")).with_help(
                    format!(
                        "this recall reads deck format {known}; a newer recall may read this deck"
                    ),
                );
                self.push(d);
                false
            }
            None => {
                self.wrong_type(root, "format", v, "an integer");
                true
            }
        }
    }

    fn wrong_type(&mut self, t: &Tbl, key: &str, v: &Value, expected: &str) {
        let found = type_name(v.get_ref());
        let mut d = Diagnostic::error(
            self.sp(v.span()),
            format!("`{key}` in {} must be {expected}, found {found}", t.owner),
        );
        let raw = self.raw(v.span());
        match v.get_ref() {
            DeValue::String(s) => {
                let s = s.trim();
                let numeric = s.parse::<f64>().is_ok() && !s.is_empty();
                let wants_number = ["integer", "number", "year"]
                    .iter()
                    .any(|w| expected.contains(w));
                if (wants_number && numeric)
                    || (expected == "a boolean" && (s == "true" || s == "false"))
                {
                    d = d.with_help(format!("remove the quotes: `{key} = {s}`"));
                } else if expected.starts_with("a list") {
                    d = d.with_help(format!("write a list: `{key} = [{raw}]`"));
                }
            }
            DeValue::Integer(_)
            | DeValue::Float(_)
            | DeValue::Boolean(_)
            | DeValue::Datetime(_)
                if expected == "a string" =>
            {
                d = d.with_help(format!("put it in quotes: `{key} = \"{raw}\"`"));
            }
            _ => {}
        }
        self.push(d);
    }

    fn missing(&mut self, t: &Tbl, key: &str) {
        // "unknown field `anwser`; did you mean `answer`?" already says it.
        if self
            .suggested
            .iter()
            .any(|(span, k)| *span == t.span && *k == key)
        {
            return;
        }
        self.push(Diagnostic::error(
            t.span,
            format!("missing required field `{key}` in {}", t.owner),
        ));
    }

    /// Reports every key of `t` not in `allowed`, suggesting the closest valid one.
    /// `takes` introduces the list of valid fields in the help ("a `typed` card takes").
    fn check_keys(&mut self, t: &Tbl, allowed: &[&[&str]], takes: impl Fn() -> String) {
        let valid = || allowed.iter().flat_map(|a| a.iter().copied());
        for (key, _) in t.t.iter() {
            let name = key.get_ref().as_ref();
            if valid().any(|v| v == name) {
                continue;
            }
            let help = match closest(name, valid()) {
                Some(near) => {
                    self.suggested.push((t.span, near.to_string()));
                    format!("did you mean `{near}`?")
                }
                None => format!("{}: {}", takes(), valid().collect::<Vec<_>>().join(", ")),
            };
            let d = Diagnostic::error(
                self.sp(key.span()),
                format!("unknown field `{name}` in {}", t.owner),
            )
            .with_help(help);
            self.push(d);
        }
    }

    fn make_str(&mut self, t: &Tbl, key: &str, s: &str, range: Range<usize>) -> Option<Str> {
        let span = self.sp(range.clone());
        let trimmed = s.trim();
        if trimmed.is_empty() {
            self.push(Diagnostic::error(
                span,
                format!("`{key}` in {} is empty", t.owner),
            ));
            return None;
        }
        if ANSWER_FIELDS.contains(&key) && trimmed.len() > MAX_ANSWER {
            let chars = trimmed.chars().count();
            if chars > MAX_ANSWER {
                self.push(too_long(span, &format!("`{key}` in {}", t.owner), chars));
                return None;
            }
        }
        let lead = s.len() - s.trim_start().len();
        Some(Str {
            text: Text::from(trimmed),
            span,
            exact: self.exact(s, range).map(|at| at + lead),
        })
    }

    /// Where the decoded string `s` starts in the source, if it is written there verbatim.
    fn exact(&self, s: &str, range: Range<usize>) -> Option<usize> {
        let range = self.base + range.start..self.base + range.end;
        let raw = self.src.get(range.clone())?;
        let (open, close) = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            (3, 3)
        } else if raw.starts_with('"') || raw.starts_with('\'') {
            (1, 1)
        } else {
            return None;
        };
        let mut start = range.start + open;
        let end = range.end.checked_sub(close)?;
        if open == 3 {
            let inner = self.src.get(start..end)?;
            if inner.starts_with("\r\n") {
                start += 2;
            } else if inner.starts_with('\n') {
                start += 1;
            }
        }
        (self.src.get(start..end)? == s).then_some(start)
    }

    fn string(&mut self, t: &Tbl, key: &str, required: bool) -> Option<Str> {
        let Some(v) = t.get(key) else {
            if required {
                self.missing(t, key);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::String(s) => self.make_str(t, key, s, v.span()),
            _ => {
                self.wrong_type(t, key, v, "a string");
                None
            }
        }
    }

    fn int(&mut self, t: &Tbl, key: &str, expected: &str) -> Option<(i64, Span)> {
        let v = t.get(key)?;
        match to_i64(v.get_ref()) {
            Some(n) => Some((n, self.sp(v.span()))),
            None => {
                self.wrong_type(t, key, v, expected);
                None
            }
        }
    }

    /// A non-negative integer that fits `u32`.
    fn count(&mut self, t: &Tbl, key: &str) -> Option<u32> {
        let (n, span) = self.int(t, key, "an integer")?;
        match u32::try_from(n) {
            Ok(n) => Some(n),
            Err(_) => {
                let msg = if n < 0 {
                    format!("`{key}` in {} must not be negative", t.owner)
                } else {
                    format!("`{key}` in {} is too large: {n}", t.owner)
                };
                self.push(Diagnostic::error(span, msg));
                None
            }
        }
    }

    fn number(&mut self, t: &Tbl, key: &str, required: bool) -> Option<(f64, Span)> {
        let Some(v) = t.get(key) else {
            if required {
                self.missing(t, key);
            }
            return None;
        };
        let span = self.sp(v.span());
        let n = match v.get_ref() {
            DeValue::Integer(_) => match to_i64(v.get_ref()) {
                Some(n) => Some(n as f64),
                None => {
                    let d = Diagnostic::error(
                        span,
                        format!(
                            "`{key}` in {} is a whole number too large for TOML (the limit is \
                             about 9.2e18)",
                            t.owner
                        ),
                    )
                    .with_help("write it with an exponent or a decimal point, such as 1e23");
                    self.push(d);
                    return None;
                }
            },
            DeValue::Float(f) => Some(f.as_str().parse::<f64>().unwrap_or(f64::NAN)),
            _ => {
                self.wrong_type(t, key, v, "a number");
                return None;
            }
        };
        match n {
            Some(n) if n.is_finite() => Some((n, span)),
            _ => {
                self.push(Diagnostic::error(
                    span,
                    format!("`{key}` in {} must be a finite number", t.owner),
                ));
                None
            }
        }
    }

    /// `range = [low, high]`: a number card that accepts any value from `low` to `high`.
    fn range(&mut self, t: &Tbl) -> Option<(f64, f64)> {
        let items = self.array(t, "range", true, "a list of two numbers")?;
        let ends: Vec<f64> = items
            .iter()
            .filter_map(|v| match v.get_ref() {
                DeValue::Integer(_) => to_i64(v.get_ref()).map(|n| n as f64),
                DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                _ => None,
            })
            .filter(|n| n.is_finite())
            .collect();
        match ends[..] {
            [low, high] if items.len() == 2 && low <= high => Some((low, high)),
            _ => {
                let span = self.value_span(t, "range");
                let d = Diagnostic::error(
                    span,
                    format!(
                        "`range` in {} must be two numbers, the lower first",
                        t.owner
                    ),
                )
                .with_help("e.g. `range = [2000, 2003]` accepts any value from 2000 to 2003");
                self.push(d);
                None
            }
        }
    }

    fn tolerance(&mut self, t: &Tbl) -> f64 {
        match self.number(t, "tolerance", false) {
            Some((n, span)) if n < 0.0 => {
                self.push(Diagnostic::error(
                    span,
                    format!("`tolerance` in {} must not be negative", t.owner),
                ));
                0.0
            }
            Some((n, _)) => n,
            None => 0.0,
        }
    }

    fn boolean(&mut self, t: &Tbl, key: &str, required: bool) -> Option<bool> {
        let Some(v) = t.get(key) else {
            if required {
                self.missing(t, key);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(t, key, v, "a boolean");
                None
            }
        }
    }

    fn array<'t, 'i>(
        &mut self,
        t: &Tbl<'t, 'i>,
        key: &str,
        required: bool,
        expected: &str,
    ) -> Option<&'t [Value<'i>]> {
        let Some(v) = t.get(key) else {
            if required {
                self.missing(t, key);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.wrong_type(t, key, v, expected);
                None
            }
        }
    }

    fn element_str(&mut self, t: &Tbl, key: &str, v: &Value, expected: &str) -> Option<Str> {
        match v.get_ref() {
            DeValue::String(s) => self.make_str(t, key, s, v.span()),
            other => {
                let d = Diagnostic::error(
                    self.sp(v.span()),
                    format!(
                        "`{key}` in {} must contain only {expected}, found {}",
                        t.owner,
                        type_name(other)
                    ),
                );
                self.push(d);
                None
            }
        }
    }

    /// A list of non-empty strings; `None` if missing or if any element is wrong.
    fn str_list(&mut self, t: &Tbl, key: &str, required: bool) -> Option<Vec<Str>> {
        let items = self.array(t, key, required, "a list of strings")?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for v in items {
            match self.element_str(t, key, v, "strings") {
                Some(s) => out.push(s),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// Media file names (`media`, `answer_media`): plain names in the deck's media folder.
    fn media(&mut self, t: &Tbl, key: &str) -> Vec<Text> {
        let names = self.str_list(t, key, false).unwrap_or_default();
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            if let Some(problem) = media_name_problem(&name.text) {
                let d = Diagnostic::error(
                    name.span,
                    format!("`{key}` of {} names `{}`: {problem}", t.owner, name.text),
                )
                .with_help(
                    "media are files in the folder DECK.media beside the deck file DECK.toml; \
                     name each by its file name alone",
                );
                self.push(d);
            } else {
                out.push(name.text);
            }
        }
        out
    }

    fn tags(&mut self, t: &Tbl) -> Vec<Text> {
        self.str_list(t, "tags", false)
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    /// A list whose items are strings or lists of alternatives (the first canonical).
    fn answers(&mut self, t: &Tbl, key: &str) -> Option<Vec<(Answer, Str)>> {
        let items = self.array(t, key, true, "a list")?;
        if items.is_empty() {
            let span = self.value_span(t, key);
            self.push(Diagnostic::error(
                span,
                format!("`{key}` in {} is empty", t.owner),
            ));
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for v in items {
            match v.get_ref() {
                DeValue::String(s) => match self.make_str(t, key, s, v.span()) {
                    Some(s) => out.push((Answer::plain(s.text.clone()), s)),
                    None => ok = false,
                },
                DeValue::Array(alts) if !alts.is_empty() => {
                    let strs: Vec<Option<Str>> = alts
                        .iter()
                        .map(|a| self.element_str(t, key, a, "strings or lists of strings"))
                        .collect();
                    if strs.iter().all(Option::is_some) {
                        let mut strs = strs.into_iter().flatten();
                        let first = strs.next()?;
                        let accept = strs.map(|s| s.text).collect();
                        out.push((
                            Answer {
                                text: first.text.clone(),
                                accept,
                            },
                            first,
                        ));
                    } else {
                        ok = false;
                    }
                }
                DeValue::Array(_) => {
                    let d = Diagnostic::error(
                        self.sp(v.span()),
                        format!("empty list of alternatives in `{key}` of {}", t.owner),
                    );
                    self.push(d);
                    ok = false;
                }
                other => {
                    let d = Diagnostic::error(
                        self.sp(v.span()),
                        format!(
                            "`{key}` in {} must contain strings or lists of alternatives, found {}",
                            t.owner,
                            type_name(other)
                        ),
                    );
                    self.push(d);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    fn date(&mut self, t: &Tbl, key: &str, required: bool) -> Option<FactDate> {
        let Some(v) = t.get(key) else {
            if required {
                self.missing(t, key);
            }
            return None;
        };
        let span = self.sp(v.span());
        let result = match v.get_ref() {
            DeValue::String(s) => parse_date(s.trim()).map_err(|why| (s.trim().to_string(), why)),
            DeValue::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) => check_date(i64::from(d.year), Some(d.month), Some(d.day))
                    .map_err(|why| (dt.to_string(), why)),
                _ => Err((dt.to_string(), "a date has no time of day".to_string())),
            },
            DeValue::Integer(_) => {
                let n = to_i64(v.get_ref()).unwrap_or(i64::MAX);
                check_date(n, None, None).map_err(|why| (n.to_string(), why))
            }
            _ => {
                self.wrong_type(
                    t,
                    key,
                    v,
                    "a date (\"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")",
                );
                return None;
            }
        };
        match result {
            Ok(d) => Some(d),
            Err((text, why)) => {
                let mut d =
                    Diagnostic::error(span, format!("invalid date `{text}` in {}", t.owner));
                if why.is_empty() {
                    d = d.with_help("write dates as \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"");
                } else {
                    d.message = format!("{}: {why}", d.message);
                }
                self.push(d);
                None
            }
        }
    }

    /// A date kept as text (for citations and the exam date); `full` demands a day.
    fn date_text(&mut self, t: &Tbl, key: &str, full: bool) -> Option<String> {
        let v = t.get(key)?;
        let d = self.date(t, key, false)?;
        if full && d.day.is_none() {
            let d = Diagnostic::error(
                self.sp(v.span()),
                format!("`{key}` in {} must be a full date", t.owner),
            )
            .with_help("write it as \"YYYY-MM-DD\"");
            self.push(d);
            return None;
        }
        Some(match (d.month, d.day) {
            (Some(m), Some(day)) => format!("{:04}-{m:02}-{day:02}", d.year),
            (Some(m), None) => format!("{:04}-{m:02}", d.year),
            _ => format!("{:04}", d.year),
        })
    }

    fn table<'t, 'i>(&mut self, parent: &Tbl<'t, 'i>, key: &str) -> Option<Tbl<'t, 'i>> {
        let v = parent.get(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Tbl {
                t,
                span: self.sp(v.span()),
                owner: format!("[{key}]"),
            }),
            _ => {
                self.wrong_type(parent, key, v, "a table");
                None
            }
        }
    }

    fn seed(&mut self, root: &Tbl) -> Option<u64> {
        let (n, span) = self.int(root, "seed", "an integer")?;
        match u64::try_from(n) {
            Ok(n) => Some(n),
            Err(_) => {
                self.push(Diagnostic::error(
                    span,
                    "`seed` in the deck must not be negative",
                ));
                None
            }
        }
    }

    fn source(&mut self, t: &Tbl) -> Option<SourceRef> {
        self.check_keys(t, &[SOURCE_FIELDS], || "[source] takes".into());
        let title = self.string(t, "title", true);
        let author = self.string(t, "author", false).map(|s| s.text.into());
        let date = self.date_text(t, "date", false);
        let publication = self.string(t, "publication", false).map(|s| s.text.into());
        let url = self.string(t, "url", false).map(|s| s.text.into());
        Some(SourceRef {
            title: title?.text.into(),
            author,
            date,
            publication,
            url,
        })
    }

    fn settings(&mut self, t: &Tbl) -> DeckSettings {
        self.check_keys(t, &[SETTINGS_FIELDS], || "[settings] takes".into());
        // Not study settings but how answers compare: they go into every card.
        self.checking = Checking {
            name: false,
            accents: self.boolean(t, "accents", false).unwrap_or(false),
            convert_units: self.boolean(t, "convert_units", false).unwrap_or(false),
        };
        let day_start_hour = self.count(t, "day_start_hour").and_then(|h| {
            if h < 24 {
                return Some(h as u8);
            }
            let span = self.value_span(t, "day_start_hour");
            self.push(Diagnostic::error(
                span,
                format!("`day_start_hour` in [settings] must be 0 to 23, found {h}"),
            ));
            None
        });
        let desired_retention = self
            .number(t, "desired_retention", false)
            .and_then(|(r, span)| {
                if r > 0.0 && r < 1.0 {
                    return Some(r as f32);
                }
                let d = Diagnostic::error(
                    span,
                    format!("`desired_retention` in [settings] must be between 0 and 1, found {r}"),
                )
                .with_help("write a fraction: 0.9 means 90%");
                self.push(d);
                None
            });
        let maximum_interval = self.count(t, "maximum_interval").and_then(|m| {
            if m > 0 {
                return Some(m);
            }
            let span = self.value_span(t, "maximum_interval");
            self.push(Diagnostic::error(
                span,
                "`maximum_interval` in [settings] must be at least 1 day",
            ));
            None
        });
        DeckSettings {
            new_per_day: self.count(t, "new_per_day"),
            reviews_per_day: self.count(t, "reviews_per_day"),
            learning_steps: self.steps(t, "learning_steps"),
            relearning_steps: self.steps(t, "relearning_steps"),
            desired_retention,
            day_start_hour,
            leech_threshold: self.count(t, "leech_threshold"),
            maximum_interval,
            exam: self.date_text(t, "exam", true),
            parameters: self.parameters(t),
            new_order: self.new_order(t),
            fuzz: self.boolean(t, "fuzz", false),
        }
    }

    fn new_order(&mut self, t: &Tbl) -> Option<NewOrder> {
        let s = self.string(t, "new_order", false)?;
        let order = NewOrder::parse(&s.text);
        if order.is_none() {
            let d = Diagnostic::error(
                s.span,
                format!(
                    "`new_order` in [settings] must be \"deck\" or \"mixed\", found \"{}\"",
                    s.text
                ),
            )
            .with_help(
                "\"mixed\" takes turns across kinds of question; \"deck\" keeps the written order",
            );
            self.push(d);
        }
        order
    }

    fn steps(&mut self, t: &Tbl, key: &str) -> Option<Vec<u32>> {
        let items = self.str_list(t, key, false)?;
        let mut out = Vec::with_capacity(items.len());
        for s in items {
            match parse_step(&s.text) {
                Some(secs) => out.push(secs),
                None => {
                    let what = key.trim_end_matches('s').replace('_', " ");
                    let d = Diagnostic::error(
                        s.span,
                        format!("invalid {what} `{}` in [settings]", s.text),
                    )
                    .with_help("write a whole number and a unit (s, m, h or d), e.g. \"10m\"");
                    self.push(d);
                }
            }
        }
        Some(out)
    }

    fn parameters(&mut self, t: &Tbl) -> Option<Vec<f32>> {
        let items = self.array(t, "parameters", false, "a list of numbers")?;
        let mut out = Vec::with_capacity(items.len());
        for v in items {
            match v.get_ref() {
                DeValue::Integer(_) => out.push(to_i64(v.get_ref()).unwrap_or(0) as f32),
                DeValue::Float(f) => out.push(f.as_str().parse::<f32>().unwrap_or(f32::NAN)),
                other => {
                    let d = Diagnostic::error(
                        self.sp(v.span()),
                        format!(
                            "`parameters` in [settings] must contain only numbers, found {}",
                            type_name(other)
                        ),
                    );
                    self.push(d);
                    return None;
                }
            }
        }
        if ![0, 17, 19, 21].contains(&out.len()) {
            let span = self.value_span(t, "parameters");
            let d = Diagnostic::error(
                span,
                format!("`parameters` in [settings] must have 0, 17, 19 or 21 numbers, found {}", out.len()),
            )
            .with_help("copy the parameters from an FSRS optimiser, or leave the list empty for the defaults");
            self.push(d);
            return None;
        }
        Some(out)
    }

    /// The tables of an array of tables (`[[card]]`), each with its header span.
    fn table_array<'t, 'i>(
        &mut self,
        root: &Tbl<'t, 'i>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Span)> {
        let Some(v) = root.get(key) else {
            return Vec::new();
        };
        let items = match v.get_ref() {
            DeValue::Array(a) => a,
            other => {
                let mut d = Diagnostic::error(
                    self.sp(v.span()),
                    format!(
                        "`{key}` in the deck must be a list of tables, found {}",
                        type_name(other)
                    ),
                );
                if matches!(other, DeValue::Table(_)) {
                    d = d.with_help(format!(
                        "write each one as `[[{key}]]`, with double brackets"
                    ));
                }
                self.push(d);
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, self.sp(item.span()))),
                other => {
                    let d = Diagnostic::error(
                        self.sp(item.span()),
                        format!("each `{key}` must be a table, found {}", type_name(other)),
                    );
                    self.push(d);
                }
            }
        }
        out
    }

    fn id(&mut self, t: &Tbl, what: &str) -> Option<Str> {
        let id = self.string(t, "id", true)?;
        self.last_id = Some(id.clone());
        if id.text.contains('/') {
            let d = Diagnostic::error(id.span, format!("invalid {what} id `{}`: `/` is reserved for generated cards", id.text))
                .with_help("generated cards are named FACT-ID/FORM; use only letters, digits, `.`, `_` and `-`");
            self.push(d);
        } else if !id.text.chars().all(is_id_char) {
            let d = Diagnostic::error(id.span, format!("invalid {what} id `{}`", id.text))
                .with_help("use only letters, digits, `.`, `_` and `-`");
            self.push(d);
        }
        Some(id)
    }

    /// The kind named by `kind`, with its own keys; `None` (reported) if missing or unknown.
    fn kind<'k>(
        &mut self,
        t: &Tbl,
        what: &str,
        kinds: &'k [(&'k str, &'k [&'k str])],
    ) -> Option<(&'k str, &'k [&'k str])> {
        let kind = self.string(t, "kind", true)?;
        if let Some(found) = kinds.iter().find(|(k, _)| *k == kind.text) {
            return Some(*found);
        }
        let names = || kinds.iter().map(|(k, _)| *k);
        let help = match closest(&kind.text, names()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!(
                "the {what} kinds are: {}",
                names().collect::<Vec<_>>().join(", ")
            ),
        };
        self.push(
            Diagnostic::error(kind.span, format!("unknown {what} kind `{}`", kind.text))
                .with_help(help),
        );
        None
    }

    /// Walks the cards and facts of `t` (the top level or one piece of the file).
    fn elements(&mut self, t: &Tbl, deck_tags: &[Text], acc: &mut Elements) {
        for (table, span) in self.table_array(t, "card") {
            acc.card_count += 1;
            self.last_id = None;
            if let Some((card, id_span)) = self.card(acc.card_count, table, span, deck_tags) {
                self.declare(
                    &Tbl {
                        t: table,
                        span,
                        owner: format!("card `{}`", card.id),
                    },
                    &card.id.0,
                    acc,
                );
                acc.cards.push(card);
                acc.card_spans.push(id_span);
            } else if let Some(id) = self.last_id.take() {
                acc.failed.push((id.text, id.span));
            }
        }
        for (table, span) in self.table_array(t, "fact") {
            acc.fact_count += 1;
            self.last_id = None;
            let fact = self.fact(acc.fact_count, table, span, deck_tags);
            if fact.is_none()
                && let Some(id) = self.last_id.take()
            {
                acc.failed.push((id.text, id.span));
            }
            if let Some((fact, id_span)) = fact {
                self.declare(
                    &Tbl {
                        t: table,
                        span,
                        owner: format!("fact `{}`", fact.id),
                    },
                    &fact.id,
                    acc,
                );
                acc.facts.push(fact);
                acc.fact_spans.push(id_span);
            }
        }
    }

    /// The `apart` list of the card or fact `id` (other cards' or facts' ids): kept in `acc`
    /// for `deck::apart::relate`, which checks that they exist.
    fn declare(&mut self, t: &Tbl, id: &Text, acc: &mut Elements) {
        if let Some(ids) = self.str_list(t, "apart", false) {
            for other in ids {
                acc.declared.push((id.clone(), other.text, other.span));
            }
        }
    }

    /// Drops (and reports) cards and facts whose id is already taken. Cards and facts share
    /// one set of ids, since `recall show --card` takes either.
    fn unique(&mut self, mut acc: Elements) -> (Vec<Card>, Vec<Fact>) {
        let mut card_ids: IdMap<&str, Span> = IdMap::default();
        card_ids.reserve(acc.cards.len());
        let mut keep_cards = Vec::with_capacity(acc.cards.len());
        for (card, id_span) in acc.cards.iter().zip(&acc.card_spans) {
            match card_ids.entry(card.id.as_str()) {
                Entry::Occupied(first) => {
                    let d = Diagnostic::error(*id_span, format!("duplicate card id `{}`", card.id))
                        .with_related(*first.get(), "first defined here");
                    self.push(d);
                    keep_cards.push(false);
                }
                Entry::Vacant(slot) => {
                    slot.insert(*id_span);
                    keep_cards.push(true);
                }
            }
        }
        let mut fact_ids: IdMap<&str, Span> = IdMap::default();
        let mut keep_facts = Vec::with_capacity(acc.facts.len());
        for (fact, id_span) in acc.facts.iter().zip(&acc.fact_spans) {
            let keep = if fact.id == generate::TIMELINE {
                let d = Diagnostic::error(
                    *id_span,
                    "fact id `timeline` is reserved for the generated timeline cards",
                );
                self.push(d);
                false
            } else if let Some(card_span) = card_ids.get(fact.id.as_str()) {
                let d =
                    Diagnostic::error(*id_span, format!("fact id `{}` is also a card id", fact.id))
                        .with_related(*card_span, "the card is defined here")
                        .with_help("cards and facts share one set of ids; rename one of them");
                self.push(d);
                false
            } else {
                match fact_ids.entry(fact.id.as_str()) {
                    Entry::Occupied(first) => {
                        let d =
                            Diagnostic::error(*id_span, format!("duplicate fact id `{}`", fact.id))
                                .with_related(*first.get(), "first defined here");
                        self.push(d);
                        false
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(*id_span);
                        true
                    }
                }
            };
            keep_facts.push(keep);
        }
        // Tables with other errors still must not reuse an id.
        let mut failed_ids: IdMap<&str, Span> = IdMap::default();
        for (id, span) in &acc.failed {
            let earlier = card_ids
                .get(id.as_str())
                .or_else(|| fact_ids.get(id.as_str()))
                .or_else(|| failed_ids.get(id.as_str()))
                .copied();
            match earlier {
                Some(other) => {
                    let (first, second) = if other.start < span.start {
                        (other, *span)
                    } else {
                        (*span, other)
                    };
                    let d = Diagnostic::error(second, format!("duplicate id `{id}`"))
                        .with_related(first, "first defined here");
                    self.push(d);
                }
                None => {
                    failed_ids.insert(id.as_str(), *span);
                }
            }
        }
        drop((card_ids, fact_ids, failed_ids));
        let mut keep = keep_cards.into_iter();
        acc.cards.retain(|_| keep.next().unwrap_or(true));
        let mut keep = keep_facts.into_iter();
        acc.facts.retain(|_| keep.next().unwrap_or(true));
        (acc.cards, acc.facts)
    }

    fn card(
        &mut self,
        n: usize,
        t: &DeTable,
        header: Span,
        deck_tags: &[Text],
    ) -> Option<(Card, Span)> {
        let mut t = Tbl {
            t,
            span: header,
            owner: format!("card #{n}"),
        };
        let id = self.id(&t, "card");
        t.owner = owner("card", n, id.as_ref());
        let (kind_name, kind_keys) = self.kind(&t, "card", CARD_KINDS)?;
        self.check_keys(&t, &[CARD_COMMON, kind_keys, CARD_MEDIA], || {
            format!("a `{kind_name}` card takes")
        });
        let tags = merge_tags(self.tags(&t), deck_tags);
        let tags = self.tag_lists.get(&tags);
        let explain = self
            .string(&t, "explain", false)
            .map(|s| Shared::from(s.text.as_str()));
        let source = self.string(&t, "source", false).map(|s| s.text);
        let media = Media::boxed(self.media(&t, "media"), self.media(&t, "answer_media"));
        let prompt = match kind_name {
            "basic" => {
                let front = self.string(&t, "front", false);
                let prompt = self.string(&t, "prompt", false);
                match (front, prompt) {
                    (Some(_), Some(p)) => {
                        let d = Diagnostic::error(
                            p.span,
                            format!("{} has both `front` and `prompt`", t.owner),
                        )
                        .with_help("a basic card's question is its `front`; remove `prompt`");
                        self.push(d);
                        None
                    }
                    (Some(s), None) | (None, Some(s)) => Some(s),
                    (None, None) => {
                        if !t.t.contains_key("front") && !t.t.contains_key("prompt") {
                            self.missing(&t, "front");
                        }
                        None
                    }
                }
            }
            "cloze" => self.string(&t, "prompt", false),
            _ => self.string(&t, "prompt", true),
        };
        let kind = self.card_kind(&t, kind_name, prompt.as_ref());
        if let Some(p) = &prompt {
            let chars = p.text.chars().count();
            if chars > LONG_PROMPT {
                let d = Diagnostic::warning(p.span, format!("the prompt of {} is {chars} characters long", t.owner))
                    .with_help(format!(
                        "keep prompts under {LONG_PROMPT} characters so they read at a glance; move detail into `explain`"
                    ));
                self.push(d);
            }
        }
        let needs_prompt = !matches!(kind_name, "cloze");
        if needs_prompt && prompt.is_none() {
            return None;
        }
        let (kind, prompt) = (kind?, prompt);
        if let (Some(p), Some(leak)) = (
            &prompt,
            prompt.as_ref().and_then(|p| lint::leak(&kind, &p.text)),
        ) {
            let d = Diagnostic::error(
                p.sub(leak.range),
                format!(
                    "the prompt of {} contains its answer `{}`",
                    t.owner, leak.answer
                ),
            )
            .with_help("a prompt that contains its answer gives it away; reword the prompt");
            self.push(d);
        }
        let id = id?;
        let defaults = self.checking;
        let checking = Checking {
            name: self.boolean(&t, "name", false).unwrap_or(false),
            accents: self
                .boolean(&t, "accents", false)
                .unwrap_or(defaults.accents),
            convert_units: (self.boolean(&t, "convert_units", false))
                .unwrap_or(defaults.convert_units),
        };
        let card = Card {
            id: CardId(id.text),
            kind,
            prompt: prompt.map(|p| p.text).unwrap_or_default(),
            tags,
            explain,
            source,
            fact: None,
            media,
            span: header,
            checking,
        };
        Some((card, id.span))
    }

    fn card_kind(&mut self, t: &Tbl, kind: &str, prompt: Option<&Str>) -> Option<Kind> {
        match kind {
            "basic" => Some(Kind::Basic {
                back: self.string(t, "back", true)?.text,
            }),
            "typed" => {
                let answer = self.string(t, "answer", true);
                let accept = self.str_list(t, "accept", false).unwrap_or_default();
                let accept = accept.into_iter().map(|s| s.text).collect();
                Some(Kind::Typed {
                    answer: Answer {
                        text: answer?.text,
                        accept,
                    },
                })
            }
            "choice" => self.choice(t),
            "truefalse" => Some(Kind::TrueFalse {
                answer: self.boolean(t, "answer", true)?,
            }),
            "number" if t.get("range").is_some() => {
                for key in ["answer", "tolerance"] {
                    if t.get(key).is_some() {
                        let span = self.value_span(t, key);
                        let d = Diagnostic::error(
                            span,
                            format!("{} has both `range` and `{key}`", t.owner),
                        )
                        .with_help(format!("a range gives both ends; remove `{key}`"));
                        self.push(d);
                    }
                }
                let unit = self.string(t, "unit", false).map(|s| s.text);
                let (low, high) = self.range(t)?;
                Some(Kind::Number {
                    answer: (low + high) / 2.0,
                    tolerance: (high - low) / 2.0,
                    unit,
                })
            }
            "date" => Some(Kind::Date {
                answer: self.date(t, "answer", true)?,
            }),
            "number" => {
                let answer = self.number(t, "answer", true);
                let tolerance = self.tolerance(t);
                let unit = self.string(t, "unit", false).map(|s| s.text);
                Some(Kind::Number {
                    answer: answer?.0,
                    tolerance,
                    unit,
                })
            }
            "year" => {
                let answer = self.year(t);
                let tolerance = self
                    .int(t, "tolerance", "an integer")
                    .and_then(|(n, span)| {
                        u32::try_from(n).ok().or_else(|| {
                            self.push(Diagnostic::error(
                                span,
                                format!("`tolerance` in {} must not be negative", t.owner),
                            ));
                            None
                        })
                    });
                Some(Kind::Year {
                    answer: answer?,
                    tolerance: tolerance.unwrap_or(0),
                })
            }
            "list" => {
                let items = self.answers(t, "items");
                let ordered = self.boolean(t, "ordered", false).unwrap_or(false);
                let items = items?;
                self.duplicate_answers(t, &items, "item");
                if let Some(p) = prompt {
                    self.count_words(
                        &p.text,
                        items.len(),
                        |r| p.sub(r),
                        &format!("the prompt of {}", t.owner),
                    );
                }
                Some(Kind::List {
                    items: items.into_iter().map(|(a, _)| a).collect(),
                    ordered,
                })
            }
            "order" => {
                let items = self.str_list(t, "items", true)?;
                if items.len() < 2 {
                    let span = self.value_span(t, "items");
                    self.push(Diagnostic::error(
                        span,
                        format!("order {} needs at least 2 items", t.owner),
                    ));
                }
                self.duplicates(t, items.iter(), "item");
                Some(Kind::Order {
                    items: items.into_iter().map(|s| s.text).collect(),
                })
            }
            "cloze" => self.cloze(t, prompt),
            "match" => self.pairs(t),
            _ => None,
        }
    }

    fn year(&mut self, t: &Tbl) -> Option<i32> {
        let Some(v) = t.get("answer") else {
            self.missing(t, "answer");
            return None;
        };
        let Some(n) = to_i64(v.get_ref()) else {
            self.wrong_type(t, "answer", v, "an integer year");
            return None;
        };
        if !YEAR_RANGE.contains(&n) {
            let d = Diagnostic::error(
                self.sp(v.span()),
                format!("`answer` in {} is not a plausible year: {n}", t.owner),
            )
            .with_help("a year is an integer between -3000 and 3000 (negative for BC)");
            self.push(d);
            return None;
        }
        Some(n as i32)
    }

    fn choice(&mut self, t: &Tbl) -> Option<Kind> {
        let correct = match t.get("correct") {
            None => {
                self.missing(t, "correct");
                None
            }
            Some(v) => match v.get_ref() {
                DeValue::String(s) => self.make_str(t, "correct", s, v.span()).map(|s| vec![s]),
                DeValue::Array(_) => {
                    let list = self.str_list(t, "correct", true);
                    if list.as_ref().is_some_and(Vec::is_empty) {
                        self.push(Diagnostic::error(
                            self.sp(v.span()),
                            format!("choice {} has no correct option", t.owner),
                        ));
                        None
                    } else {
                        list
                    }
                }
                _ => {
                    self.wrong_type(t, "correct", v, "a string or a list of strings");
                    None
                }
            },
        };
        let wrong = self.str_list(t, "wrong", true);
        if let (Some(list), Some(v)) = (&wrong, t.get("wrong"))
            && list.is_empty()
        {
            let d = Diagnostic::error(
                self.sp(v.span()),
                format!("choice {} has no wrong options", t.owner),
            )
            .with_help("add at least one wrong option to `wrong`");
            self.push(d);
        }
        let (correct, wrong) = (correct?, wrong?);
        let mut seen: HashMap<String, (Span, bool)> = HashMap::new();
        for (s, is_correct) in correct
            .iter()
            .map(|s| (s, true))
            .chain(wrong.iter().map(|s| (s, false)))
        {
            match seen.entry(normalise(&s.text)) {
                Entry::Vacant(slot) => {
                    slot.insert((s.span, is_correct));
                }
                Entry::Occupied(first) => {
                    let (first_span, first_correct) = *first.get();
                    let d = if first_correct && !is_correct {
                        Diagnostic::error(
                            s.span,
                            format!(
                                "option `{}` is listed as both correct and wrong in {}",
                                s.text, t.owner
                            ),
                        )
                        .with_related(first_span, "listed as correct here")
                    } else {
                        Diagnostic::error(
                            s.span,
                            format!("duplicate option `{}` in {}", s.text, t.owner),
                        )
                        .with_related(first_span, "first listed here")
                    };
                    self.push(d);
                }
            }
        }
        Some(Kind::Choice {
            correct: correct.into_iter().map(|s| s.text).collect(),
            wrong: wrong.into_iter().map(|s| s.text).collect(),
        })
    }

    fn duplicates<'a>(&mut self, t: &Tbl, items: impl Iterator<Item = &'a Str>, what: &str) {
        let mut seen: HashMap<String, Span> = HashMap::new();
        for s in items {
            match seen.entry(normalise(&s.text)) {
                Entry::Vacant(slot) => {
                    slot.insert(s.span);
                }
                Entry::Occupied(first) => {
                    let d = Diagnostic::error(
                        s.span,
                        format!("duplicate {what} `{}` in {}", s.text, t.owner),
                    )
                    .with_related(*first.get(), "first listed here");
                    self.push(d);
                }
            }
        }
    }

    /// Duplicates among list items, counting every alternative of an item.
    fn duplicate_answers(&mut self, t: &Tbl, items: &[(Answer, Str)], what: &str) {
        let mut seen: HashMap<String, (Span, usize)> = HashMap::new();
        for (i, (answer, s)) in items.iter().enumerate() {
            for alt in answer.all() {
                match seen.entry(normalise(alt)) {
                    Entry::Vacant(slot) => {
                        slot.insert((s.span, i));
                    }
                    Entry::Occupied(first) if first.get().1 != i => {
                        let d = Diagnostic::error(
                            s.span,
                            format!("duplicate {what} `{alt}` in {}", t.owner),
                        )
                        .with_related(first.get().0, "first listed here");
                        self.push(d);
                        break;
                    }
                    Entry::Occupied(_) => {}
                }
            }
        }
    }

    /// A count word in `text` ("three", "3") that no count matches is an error: the list and
    /// its prompt disagree about how many items there are.
    fn count_words(
        &mut self,
        text: &str,
        count: usize,
        span: impl Fn(Range<usize>) -> Span,
        what: &str,
    ) {
        let words = number_words(text);
        if words.is_empty() || words.iter().any(|(n, _)| *n == count) {
            return;
        }
        let (_, range) = &words[0];
        let word = &text[range.clone()];
        let items = if count == 1 {
            "1 item".to_string()
        } else {
            format!("{count} items")
        };
        let d = Diagnostic::error(
            span(range.clone()),
            format!("{what} says `{word}` but the list has {items}"),
        );
        self.push(d);
    }

    fn cloze(&mut self, t: &Tbl, prompt: Option<&Str>) -> Option<Kind> {
        let text = self.string(t, "text", true)?;
        let parts = match parse_cloze(&text.text) {
            Ok(parts) => parts,
            Err(e) => {
                let (msg, help) = match e.kind {
                    ClozeErrorKind::NoBlank => (
                        format!("cloze {} has no blank", t.owner),
                        Some("mark each blank with double braces, e.g. `{{Tashkent}}`"),
                    ),
                    ClozeErrorKind::Unclosed => (
                        format!("unclosed `{{{{` in {}", t.owner),
                        Some("close the blank with `}}`"),
                    ),
                    ClozeErrorKind::Nested => {
                        (format!("`{{{{` inside a blank in {}", t.owner), None)
                    }
                    ClozeErrorKind::Empty => (format!("empty blank in {}", t.owner), None),
                    ClozeErrorKind::EmptyAlternative => {
                        (format!("empty alternative in a blank of {}", t.owner), None)
                    }
                    ClozeErrorKind::EmptyHint => (
                        format!("empty hint after `::` in a blank of {}", t.owner),
                        Some(
                            "write the hint after `::`, e.g. `{{Frankfurt::city}}`, or remove `::`",
                        ),
                    ),
                };
                let mut d = Diagnostic::error(text.sub(e.range), msg);
                if let Some(help) = help {
                    d = d.with_help(help);
                }
                self.push(d);
                return None;
            }
        };
        let long = parts.iter().find_map(|p| match p {
            ClozePart::Blank(a) => a
                .all()
                .map(|alt| alt.chars().count())
                .find(|&n| n > MAX_ANSWER),
            _ => None,
        });
        if let Some(chars) = long {
            self.push(too_long(
                text.span,
                &format!("a blank of {}", t.owner),
                chars,
            ));
            return None;
        }
        // A blank whose answer is also written in the visible text (or the instruction) is no
        // question at all.
        let shown: String = parts
            .iter()
            .map(|p| match p {
                ClozePart::Text(s) => s.as_str(),
                ClozePart::Blank(_) => "\u{0}",
                // A hint is shown, so one holding the answer gives it away too.
                ClozePart::Hint(h) => h.as_str(),
            })
            .collect();
        for part in &parts {
            let ClozePart::Blank(answer) = part else {
                continue;
            };
            for alt in answer.all() {
                if find_word(&shown, alt).is_some() {
                    let span = visible_at(&text.text, alt).map_or(text.span, |r| text.sub(r));
                    let d = Diagnostic::error(
                        span,
                        format!("the blank `{alt}` of {} also appears in its text", t.owner),
                    )
                    .with_help("a blank whose answer is visible gives itself away");
                    self.push(d);
                    break;
                }
                if let Some(r) = prompt.and_then(|p| find_word(&p.text, alt)) {
                    let span = prompt.map_or(text.span, |p| p.sub(r));
                    let d = Diagnostic::error(
                        span,
                        format!("the prompt of {} contains its answer `{alt}`", t.owner),
                    )
                    .with_help(
                        "a prompt that contains its answer gives it away; reword the prompt",
                    );
                    self.push(d);
                    break;
                }
            }
        }
        Some(Kind::Cloze { parts })
    }

    fn pairs(&mut self, t: &Tbl) -> Option<Kind> {
        let items = self.array(t, "pairs", true, "a list of pairs")?;
        let mut pairs: Vec<(Str, Str)> = Vec::with_capacity(items.len());
        let mut ok = true;
        for v in items {
            let pair = match v.get_ref() {
                DeValue::Array(a) if a.len() == 2 => match (&a[0].get_ref(), &a[1].get_ref()) {
                    (DeValue::String(l), DeValue::String(r)) => {
                        let l = self.make_str(t, "pairs", l, a[0].span());
                        let r = self.make_str(t, "pairs", r, a[1].span());
                        l.zip(r)
                    }
                    _ => {
                        self.bad_pair(t, v);
                        None
                    }
                },
                _ => {
                    self.bad_pair(t, v);
                    None
                }
            };
            match pair {
                Some(p) => pairs.push(p),
                None => ok = false,
            }
        }
        if pairs.len() < 2 && ok {
            let span = self.value_span(t, "pairs");
            self.push(Diagnostic::error(
                span,
                format!("match {} needs at least 2 pairs", t.owner),
            ));
        }
        self.duplicates(t, pairs.iter().map(|(l, _)| l), "left item");
        self.duplicates(t, pairs.iter().map(|(_, r)| r), "right item");
        ok.then(|| Kind::Match {
            pairs: pairs.into_iter().map(|(l, r)| (l.text, r.text)).collect(),
        })
    }

    fn bad_pair(&mut self, t: &Tbl, v: &Value) {
        let d = Diagnostic::error(
            self.sp(v.span()),
            format!(
                "each pair in {} must be a list of two strings, like [\"left\", \"right\"]",
                t.owner
            ),
        );
        self.push(d);
    }

    fn fact(
        &mut self,
        n: usize,
        t: &DeTable,
        header: Span,
        deck_tags: &[Text],
    ) -> Option<(Fact, Span)> {
        let mut t = Tbl {
            t,
            span: header,
            owner: format!("fact #{n}"),
        };
        let id = self.id(&t, "fact");
        t.owner = owner("fact", n, id.as_ref());
        let (kind_name, kind_keys) = self.kind(&t, "fact", FACT_KINDS)?;
        self.check_keys(&t, &[FACT_COMMON, kind_keys], || {
            format!("a `{kind_name}` fact takes")
        });
        let tags = merge_tags(self.tags(&t), deck_tags);
        let explain = self.string(&t, "explain", false).map(|s| s.text);
        let source = self.string(&t, "source", false).map(|s| s.text);
        let kind = self.fact_kind(&t, kind_name);
        let hints = self.hints(&t, kind_name);
        let id = id?;
        let fact = Fact {
            id: id.text,
            kind: kind?,
            tags,
            explain,
            source,
            span: header,
            hints,
        };
        Some((fact, id.span))
    }

    /// A table keyed by form (`ask`, `wrong`), its unknown forms reported; `None` when absent
    /// or not a table.
    fn forms_table<'t, 'i>(
        &mut self,
        t: &Tbl<'t, 'i>,
        key: &str,
        forms: &[&str],
        expected: &str,
    ) -> Option<Tbl<'t, 'i>> {
        let v = t.get(key)?;
        let DeValue::Table(table) = v.get_ref() else {
            self.wrong_type(t, key, v, &format!("a table of {expected}"));
            return None;
        };
        for (name, _) in table.iter() {
            let form = name.get_ref().as_ref();
            if forms.contains(&form) {
                continue;
            }
            let help = match closest(form, forms.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None if forms.is_empty() => "this kind of fact has no such forms".to_string(),
                None => format!("the forms here are: {}", forms.join(", ")),
            };
            let d = Diagnostic::error(
                self.sp(name.span()),
                format!("unknown form `{form}` in `{key}` of {}", t.owner),
            )
            .with_help(help);
            self.push(d);
        }
        Some(Tbl {
            t: table,
            span: self.sp(v.span()),
            owner: format!("`{key}` of {}", t.owner),
        })
    }

    /// The optional wording keys of a fact (`verb`, `current`, `item_kind`, `place_kind`,
    /// `ask`); which of them a kind takes is checked with its other keys.
    fn hints(&mut self, t: &Tbl, kind: &str) -> FactHints {
        let text = |w: &mut Self, key: &str| w.string(t, key, false).map(|s| s.text);
        let mut hints = FactHints {
            verb: text(self, "verb"),
            current: self.boolean(t, "current", false),
            item_kind: text(self, "item_kind"),
            place_kind: text(self, "place_kind"),
            ask: Vec::new(),
            wrong: Vec::new(),
        };
        let forms = generate::forms(kind);
        let example = "prompts by form, e.g. `ask = { year = \"...\" }`";
        if let Some(ask) = self.forms_table(t, "ask", forms, example) {
            for form in ask.t.keys() {
                let form = form.get_ref().as_ref();
                if !forms.contains(&form) {
                    continue;
                }
                if let Some(prompt) = self.string(&ask, form, false) {
                    hints.ask.push((Text::from(form), prompt.text));
                }
            }
        }
        let choices = generate::choice_forms(kind);
        let example = "wrong options by choice form, e.g. `wrong = { member = [\"...\"] }`";
        if let Some(wrong) = self.forms_table(t, "wrong", choices, example) {
            for form in wrong.t.keys() {
                let form = form.get_ref().as_ref();
                if !choices.contains(&form) {
                    continue;
                }
                if let Some(options) = self.str_list(&wrong, form, false) {
                    self.duplicates(&wrong, options.iter(), "wrong option");
                    hints.wrong.push((
                        Text::from(form),
                        options.into_iter().map(|s| s.text).collect(),
                    ));
                }
            }
        }
        hints
    }

    fn accept(&mut self, t: &Tbl) -> Vec<Text> {
        self.str_list(t, "accept", false)
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    fn fact_kind(&mut self, t: &Tbl, kind: &str) -> Option<FactKind> {
        let text = |w: &mut Self, key: &str| w.string(t, key, true).map(|s| s.text);
        match kind {
            "event" => {
                let what = text(self, "what");
                let date = self.date(t, "date", true);
                let place = self.string(t, "place", false).map(|s| s.text);
                Some(FactKind::Event {
                    what: what?,
                    date: date?,
                    place,
                })
            }
            "place" => {
                let subject = text(self, "subject");
                let place = text(self, "place");
                let accept = self.accept(t);
                let relation = self
                    .string(t, "relation", false)
                    .map_or_else(|| Text::from("headquarters"), |s| s.text);
                let since = self.date(t, "since", false);
                let previously = self.str_list(t, "previously", false).unwrap_or_default();
                let previously = previously.into_iter().map(|s| s.text).collect();
                Some(FactKind::Place {
                    subject: subject?,
                    relation,
                    place: Answer {
                        text: place?,
                        accept,
                    },
                    since,
                    previously,
                })
            }
            "person" => {
                let name = text(self, "name");
                let accept = self.accept(t);
                let role = text(self, "role");
                let since = self.date(t, "since", false);
                Some(FactKind::Person {
                    name: Answer {
                        text: name?,
                        accept,
                    },
                    role: role?,
                    since,
                })
            }
            "list" => {
                let name = self.string(t, "name", true);
                let items = self.answers(t, "items");
                let ordered = self.boolean(t, "ordered", false).unwrap_or(false);
                let (name, items) = (name?, items?);
                self.duplicate_answers(t, &items, "item");
                let what = format!("the name of list {}", t.owner);
                self.count_words(&name.text, items.len(), |r| name.sub(r), &what);
                Some(FactKind::List {
                    name: name.text,
                    items: items.into_iter().map(|(a, _)| a).collect(),
                    ordered,
                })
            }
            "number" => {
                let quantity = text(self, "quantity");
                let value = self.number(t, "value", true);
                let unit = self.string(t, "unit", false).map(|s| s.text);
                let tolerance = self.tolerance(t);
                Some(FactKind::Number {
                    quantity: quantity?,
                    value: value?.0,
                    unit,
                    tolerance,
                })
            }
            "term" => {
                let term = text(self, "term");
                let accept = self.accept(t);
                let definition = text(self, "definition");
                Some(FactKind::Term {
                    term: Answer {
                        text: term?,
                        accept,
                    },
                    definition: definition?,
                })
            }
            _ => None,
        }
    }
}

/// The deck's fields read from the top level.
struct Meta {
    id: Option<String>,
    title: Option<String>,
    description: Option<String>,
    author: Option<String>,
    tags: Vec<Text>,
    seed: Option<u64>,
    source: Option<SourceRef>,
    settings: DeckSettings,
}

/// Cards and facts read so far, with where their ids are written, to find duplicates.
impl Elements {
    /// Moves `other`'s cards and facts after these; an empty `self` takes `other`'s lists
    /// as they are (no copy).
    fn append(&mut self, mut other: Elements) {
        fn join<T>(to: &mut Vec<T>, from: &mut Vec<T>) {
            if to.is_empty() {
                std::mem::swap(to, from);
            } else {
                to.append(from);
            }
        }
        join(&mut self.cards, &mut other.cards);
        join(&mut self.facts, &mut other.facts);
        join(&mut self.card_spans, &mut other.card_spans);
        join(&mut self.fact_spans, &mut other.fact_spans);
        join(&mut self.failed, &mut other.failed);
        join(&mut self.declared, &mut other.declared);
    }
}

#[derive(Default)]
struct Elements {
    cards: Vec<Card>,
    facts: Vec<Fact>,
    /// Where each card's and fact's id is written, in the same order.
    card_spans: Vec<Span>,
    fact_spans: Vec<Span>,
    /// Ids of cards and facts that could not be read, still checked for duplicates.
    failed: Vec<(Text, Span)>,
    /// Tables seen so far, to name a card without an id ("card #3").
    card_count: usize,
    fact_count: usize,
    /// `apart` keys: (the card or fact, the id it names, where that id is written).
    declared: Vec<(Text, Text, Span)>,
}

/// A stretch of the file parsed on its own: one `[[card]]` or `[[fact]]` table (`element`),
/// one inline table of a top-level `card = [{...}, ...]` or `fact = [...]` array (`element`
/// and `inline`), or part of the top level.
///
/// Parsing a large deck in one go makes the TOML parser hold every token and table of the
/// file at once (hundreds of megabytes for 100 000 cards, two gigabytes for a million cards
/// written as one array of inline tables); parsing it table by table keeps the memory to one
/// table's worth and lets syntax errors in one card leave the others checked.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    range: Range<usize>,
    element: bool,
    /// For an element: whether it is a card (else a fact).
    card: bool,
    /// For an element: an inline table (`{ ... }`) of a top-level array.
    inline: bool,
}

/// Where a cut starts something, for `pieces`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cut {
    /// Part of the top level.
    Root,
    /// A `[[card]]` (true) or `[[fact]]` table.
    Table(bool),
    /// An inline card (true) or fact table of a top-level array.
    Inline(bool),
    /// Text parsed with nothing (the `card = [` and the commas around inline tables).
    Skip,
}

/// A top-level `card = [` or `fact = [` being read, to cut its inline tables apart.
struct InlineArray {
    key_start: usize,
    card: bool,
    /// Seen so far: `=` (1) and `[` (2).
    stage: u8,
    tables: Vec<Range<usize>>,
    /// Where the inline table being read starts.
    open: Option<usize>,
    /// A comma must come before the next table.
    need_comma: bool,
}

/// Cuts `src` before every top-level `[[card]]` and `[[fact]]` header, and before any other
/// top-level table header that starts a new table (a `[card.x]` stays with its card); and
/// around each inline table of a top-level `card = [...]` or `fact = [...]` array written
/// before any header, when the array holds only inline tables separated by commas (anything
/// else leaves the array to the top level's parser, which reports what is wrong). The lexer
/// is used so that brackets inside strings, comments and arrays are never taken for headers.
fn pieces(src: &str) -> Vec<Piece> {
    use toml_parser::lexer::TokenKind;
    let mut cuts: Vec<(usize, Cut)> = vec![(0, Cut::Root)];
    let mut current: Option<&str> = None;
    let mut in_root = true;
    let mut array: Option<InlineArray> = None;
    let mut depth = 0usize;
    let mut line_start = true;
    let mut lexer = toml_parser::Source::new(src).lex();
    while let Some(token) = lexer.next() {
        let kind = token.kind();
        let (start, end) = (token.span().start(), token.span().end());
        if let Some(a) = array.as_mut() {
            // Newlines may only come inside the brackets.
            let quiet = matches!(kind, TokenKind::Whitespace | TokenKind::Comment)
                || (kind == TokenKind::Newline && a.stage == 2);
            let keep = match (a.stage, kind) {
                (_, _) if quiet => true,
                (0, TokenKind::Equals) | (1, TokenKind::LeftSquareBracket) => {
                    a.stage += 1;
                    true
                }
                (0 | 1, _) => false,
                // Inside the array: inline tables and commas only.
                (_, TokenKind::LeftCurlyBracket) if depth == 1 && !a.need_comma => {
                    a.open = Some(start);
                    true
                }
                (_, TokenKind::RightCurlyBracket) if depth == 2 && a.open.is_some() => {
                    a.tables.push(a.open.take().unwrap_or(start)..end);
                    a.need_comma = true;
                    true
                }
                (_, TokenKind::Comma) if depth == 1 => std::mem::replace(&mut a.need_comma, false),
                (_, TokenKind::RightSquareBracket) if depth == 1 => {
                    if !a.tables.is_empty() {
                        cuts.push((a.key_start, Cut::Skip));
                        for t in &a.tables {
                            cuts.push((t.start, Cut::Inline(a.card)));
                            cuts.push((t.end, Cut::Skip));
                        }
                        cuts.push((end, Cut::Root));
                    }
                    array = None;
                    true
                }
                _ => depth >= 2 && a.open.is_some(),
            };
            if !keep {
                array = None;
            }
        }
        match kind {
            TokenKind::Eof => break,
            TokenKind::Newline => line_start |= depth == 0,
            TokenKind::Whitespace | TokenKind::Comment => {}
            TokenKind::LeftSquareBracket if line_start && depth == 0 => {
                let mut header = Vec::new();
                for t in lexer.by_ref() {
                    match t.kind() {
                        TokenKind::Newline | TokenKind::Eof => break,
                        TokenKind::Whitespace | TokenKind::Comment => {}
                        _ => header.push(t),
                    }
                }
                let text = |i: usize| {
                    header
                        .get(i)
                        .map(|t: &toml_parser::lexer::Token| &src[t.span().start()..t.span().end()])
                };
                let double = text(0) == Some("[");
                let first = text(usize::from(double)).map(|k| k.trim_matches(['"', '\'']));
                let element = double
                    && matches!(first, Some("card" | "fact"))
                    && text(2) == Some("]")
                    && text(3) == Some("]");
                if element {
                    cuts.push((start, Cut::Table(first == Some("card"))));
                    current = first;
                } else if first != current {
                    cuts.push((start, Cut::Root));
                    current = first;
                }
                in_root = false;
                line_start = true;
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                depth += 1;
                line_start = false;
            }
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.saturating_sub(1);
                line_start = false;
            }
            TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString
                if line_start && depth == 0 && in_root =>
            {
                let key = src[start..end].trim_matches(['"', '\'']);
                if key == "card" || key == "fact" {
                    array = Some(InlineArray {
                        key_start: start,
                        card: key == "card",
                        stage: 0,
                        tables: Vec::new(),
                        open: None,
                        need_comma: false,
                    });
                }
                line_start = false;
            }
            _ => line_start = false,
        }
    }
    let mut out = Vec::with_capacity(cuts.len());
    for (i, &(start, cut)) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).map_or(src.len(), |c| c.0);
        let (element, card, inline) = match cut {
            Cut::Root => (false, false, false),
            Cut::Table(card) => (true, card, false),
            Cut::Inline(card) => (true, card, true),
            Cut::Skip => continue,
        };
        if end > start {
            out.push(Piece {
                range: start..end,
                element,
                card,
                inline,
            });
        }
    }
    out
}

fn shift_key<'i>(key: Spanned<DeString<'i>>, by: usize) -> Spanned<DeString<'i>> {
    let r = key.span();
    Spanned::new(r.start + by..r.end + by, key.into_inner())
}

/// `v` with every span moved `by` bytes: from a piece's coordinates to the file's.
fn shift<'i>(v: Spanned<DeValue<'i>>, by: usize) -> Spanned<DeValue<'i>> {
    let r = v.span();
    let inner = match v.into_inner() {
        DeValue::Table(t) => DeValue::Table(
            t.into_iter()
                .map(|(k, v)| (shift_key(k, by), shift(v, by)))
                .collect(),
        ),
        DeValue::Array(a) => DeValue::Array(a.into_iter().map(|v| shift(v, by)).collect()),
        other => other,
    };
    Spanned::new(r.start + by..r.end + by, inner)
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

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn check_date(year: i64, month: Option<u8>, day: Option<u8>) -> Result<FactDate, String> {
    if !YEAR_RANGE.contains(&year) {
        return Err(format!(
            "{year} is not a plausible year (between -3000 and 3000)"
        ));
    }
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return Err(format!("there is no month {m}"));
        }
        if let Some(d) = day {
            let max = days_in_month(year, m);
            if d == 0 || d > max {
                return Err(format!(
                    "{} {year} has {max} days",
                    MONTHS[usize::from(m) - 1]
                ));
            }
        }
    }
    Ok(FactDate {
        year: year as i32,
        month,
        day,
    })
}

/// "YYYY", "YYYY-MM" or "YYYY-MM-DD"; the error is empty when `s` does not have that shape.
fn parse_date(s: &str) -> Result<FactDate, String> {
    let shape = String::new();
    let parts: Vec<&str> = s.split('-').collect();
    let widths_ok = parts.len() <= 3
        && parts
            .iter()
            .enumerate()
            .all(|(i, p)| p.len() == if i == 0 { 4 } else { 2 })
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !widths_ok {
        return Err(shape);
    }
    let year: i64 = parts[0].parse().map_err(|_| shape.clone())?;
    let month = parts
        .get(1)
        .map(|m| m.parse::<u8>())
        .transpose()
        .map_err(|_| shape.clone())?;
    let day = parts
        .get(2)
        .map(|d| d.parse::<u8>())
        .transpose()
        .map_err(|_| shape.clone())?;
    check_date(year, month, day)
}

/// A learning step such as "30s", "10m", "1h" or "2d", in seconds; `None` if malformed, zero
/// or too long.
fn parse_step(s: &str) -> Option<u32> {
    let unit = s.chars().last()?;
    let number = &s[..s.len() - unit.len_utf8()];
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = number.parse().ok()?;
    let scale = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        _ => return None,
    };
    n.checked_mul(scale).filter(|&secs| secs > 0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClozeErrorKind {
    NoBlank,
    Unclosed,
    Nested,
    Empty,
    EmptyAlternative,
    EmptyHint,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct ClozeError {
    kind: ClozeErrorKind,
    range: Range<usize>,
}

/// Where `word` appears in `text` outside any `{{...}}` blank.
fn visible_at(text: &str, word: &str) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(r) = find_word(&text[from..], word) {
        let r = from + r.start..from + r.end;
        let before = &text[..r.start];
        let inside = before
            .rfind("{{")
            .is_some_and(|open| !before[open..].contains("}}"));
        if !inside {
            return Some(r);
        }
        from = r.end;
    }
    None
}

/// Splits "The {{SCO|Shanghai Cooperation Organisation}} was founded..." into text and blanks.
/// A blank may end in a hint after `::`, as in Anki: "{{Frankfurt::city}}" shows "city" in the
/// blank and accepts "Frankfurt".
fn parse_cloze(text: &str) -> Result<Vec<ClozePart>, ClozeError> {
    let mut parts = Vec::new();
    let mut rest = 0;
    let err = |kind, range| Err(ClozeError { kind, range });
    while let Some(open) = text[rest..].find("{{").map(|i| rest + i) {
        let inner_start = open + 2;
        let Some(close) = text[inner_start..].find("}}").map(|i| inner_start + i) else {
            return err(ClozeErrorKind::Unclosed, open..inner_start);
        };
        if let Some(nested) = text[inner_start..close].find("{{") {
            let at = inner_start + nested;
            return err(ClozeErrorKind::Nested, at..at + 2);
        }
        let (inner, hint) = match text[inner_start..close].split_once("::") {
            Some((answers, hint)) => (answers, Some(hint.trim())),
            None => (&text[inner_start..close], None),
        };
        if inner.trim().is_empty() {
            return err(ClozeErrorKind::Empty, open..close + 2);
        }
        if hint.is_some_and(str::is_empty) {
            return err(ClozeErrorKind::EmptyHint, open..close + 2);
        }
        let alts: Vec<&str> = inner.split('|').map(str::trim).collect();
        if alts.iter().any(|a| a.is_empty()) {
            return err(ClozeErrorKind::EmptyAlternative, open..close + 2);
        }
        if open > rest {
            parts.push(ClozePart::Text(Text::from(&text[rest..open])));
        }
        let answer = Answer {
            text: Text::from(alts[0]),
            accept: alts[1..].iter().map(|s| Text::from(*s)).collect(),
        };
        parts.push(ClozePart::Blank(answer));
        parts.extend(hint.map(|h| ClozePart::Hint(Text::from(h))));
        rest = close + 2;
    }
    if rest < text.len() {
        parts.push(ClozePart::Text(Text::from(&text[rest..])));
    }
    if !parts.iter().any(|p| matches!(p, ClozePart::Blank(_))) {
        return err(ClozeErrorKind::NoBlank, 0..text.len());
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::FactDate;
    use crate::diagnostic::{Severity, render};

    const HEAD: &str = "format = 1\nid = \"t\"\ntitle = \"T\"\n";

    /// Each diagnostic as "line:col severity: message (help: ...)".
    fn diags(src: &str) -> Vec<String> {
        load(src.as_bytes())
            .diagnostics
            .iter()
            .map(|d| {
                let (line, col) = d.line_col(src);
                let help = d
                    .help
                    .as_ref()
                    .map(|h| format!(" (help: {h})"))
                    .unwrap_or_default();
                format!("{line}:{col} {}: {}{help}", d.severity.label(), d.message)
            })
            .collect()
    }

    fn with_head(body: &str) -> String {
        format!("{HEAD}{body}")
    }

    /// Diagnostics of a deck made of HEAD and `body` (which starts on line 4).
    fn check(body: &str) -> Vec<String> {
        diags(&with_head(body))
    }

    /// Only the errors of `check`.
    fn errors(body: &str) -> Vec<String> {
        check(body)
            .into_iter()
            .filter(|d| d.contains(" error: "))
            .collect()
    }

    fn deck(body: &str) -> Deck {
        let loaded = load(with_head(body).as_bytes());
        assert_eq!(loaded.diagnostics, vec![], "unexpected diagnostics");
        loaded.deck.expect("deck")
    }

    fn only_card(body: &str) -> Card {
        deck(body).cards.remove(0)
    }

    #[test]
    fn answers_longer_than_the_cap_are_refused_where_they_are_written() {
        let at_cap = "a".repeat(MAX_ANSWER);
        let over = "b".repeat(MAX_ANSWER + 1);
        let typed = |answer: &str| {
            format!(
                "[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"Q?\"\nanswer = \"{answer}\"\n"
            )
        };
        assert_eq!(errors(&typed(&at_cap)), Vec::<String>::new());
        assert_eq!(
            errors(&typed(&over)),
            [
                "8:10 error: `answer` in card `c` is 2001 characters long; an answer may have at \
                 most 2000 (help: an answer is what a learner types or picks: keep it short, and \
                 put the rest in `explain`)"
            ]
        );
        let choice = format!(
            "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Q?\"\ncorrect = \"a\"\nwrong = [\"b\", \"{over}\"]\n"
        );
        let e = errors(&choice);
        assert!(
            e.len() == 1 && e[0].starts_with("9:15 error: `wrong` in card `c` is 2001 characters"),
            "{e:?}"
        );
        let fact = format!(
            "[[fact]]\nid = \"f\"\nkind = \"term\"\nterm = \"T\"\ndefinition = \"{over}\"\n"
        );
        let e = errors(&fact);
        assert!(
            e.len() == 1 && e[0].contains("`definition` in fact `f` is 2001 characters"),
            "{e:?}"
        );
    }

    #[test]
    fn a_deck_id_of_dots_alone_is_refused() {
        for id in [".", "..", "...", "-_."] {
            let src = format!("format = 1\nid = \"{id}\"\ntitle = \"T\"\n");
            let d = diags(&src);
            assert_eq!(
                d,
                [format!(
                    "2:6 error: invalid deck id `{id}`: it has no letter or digit (help: a deck \
                     id needs at least one lowercase letter or digit, such as `sco`)"
                )],
                "{id}"
            );
        }
        assert_eq!(
            diags("format = 1\nid = \"a..b\"\ntitle = \"T\"\n"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_cloze_blank_longer_than_the_cap_is_refused() {
        let over = "b".repeat(MAX_ANSWER + 1);
        let e = errors(&format!(
            "[[card]]\nid = \"c\"\nkind = \"cloze\"\ntext = \"It is {{{{{over}}}}}.\"\n"
        ));
        assert!(
            e.len() == 1 && e[0].contains("a blank of card `c` is 2001 characters long"),
            "{e:?}"
        );
        // Long prose is not an answer: a prompt or an explanation may be long.
        let prose = format!(
            "[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"Q?\"\nanswer = \"a\"\nexplain = \"{over}\"\n"
        );
        assert_eq!(errors(&prose), Vec::<String>::new());
    }

    fn rendered(src: &str) -> String {
        let loaded = load(src.as_bytes());
        let mut out = Vec::new();
        for d in &loaded.diagnostics {
            render("d.toml", src, d, false, &mut out).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    // Parsing every kind of card.

    #[test]
    fn basic_card_reads_front_and_back() {
        let card =
            only_card("[[card]]\nid = \"b\"\nkind = \"basic\"\nfront = \"Q?\"\nback = \"A.\"\n");
        assert_eq!(card.prompt, "Q?");
        assert_eq!(card.kind, Kind::Basic { back: "A.".into() });
    }

    #[test]
    fn basic_card_accepts_prompt_for_front() {
        let card =
            only_card("[[card]]\nid = \"b\"\nkind = \"basic\"\nprompt = \"Q?\"\nback = \"A\"\n");
        assert_eq!(card.prompt, "Q?");
    }

    #[test]
    fn typed_card_reads_answer_and_alternatives() {
        let card = only_card(
            "[[card]]\nid = \"t1\"\nkind = \"typed\"\nprompt = \"Where?\"\nanswer = \" Paris \"\naccept = [\"Lutetia\"]\nexplain = \"Capital.\"\nsource = \"p. 3\"\n",
        );
        assert_eq!(card.id, CardId("t1".into()));
        assert_eq!(
            card.kind,
            Kind::Typed {
                answer: Answer {
                    text: "Paris".into(),
                    accept: vec!["Lutetia".into()]
                }
            }
        );
        assert_eq!(card.explain.as_deref(), Some("Capital."));
        assert_eq!(card.source.as_deref(), Some("p. 3"));
        assert_eq!(card.fact, None);
        assert_eq!(card.span, Span::new(32, 40));
    }

    #[test]
    fn choice_card_reads_one_or_many_correct_options() {
        let one = only_card(
            "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Which?\"\ncorrect = \"a\"\nwrong = [\"b\", \"c\"]\n",
        );
        assert_eq!(
            one.kind,
            Kind::Choice {
                correct: vec!["a".into()],
                wrong: vec!["b".into(), "c".into()]
            }
        );
        let many = only_card(
            "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Which?\"\ncorrect = [\"a\", \"b\"]\nwrong = [\"c\"]\n",
        );
        assert_eq!(
            many.kind,
            Kind::Choice {
                correct: vec!["a".into(), "b".into()],
                wrong: vec!["c".into()]
            }
        );
    }

    #[test]
    fn truefalse_card_reads_a_boolean() {
        let card = only_card(
            "[[card]]\nid = \"tf\"\nkind = \"truefalse\"\nprompt = \"Wet?\"\nanswer = true\n",
        );
        assert_eq!(card.kind, Kind::TrueFalse { answer: true });
    }

    #[test]
    fn number_card_reads_tolerance_and_unit() {
        let card = only_card(
            "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"How far?\"\nanswer = 1.5\ntolerance = 1\nunit = \"km\"\n",
        );
        assert_eq!(
            card.kind,
            Kind::Number {
                answer: 1.5,
                tolerance: 1.0,
                unit: Some("km".into())
            }
        );
        let plain = only_card(
            "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"How many?\"\nanswer = 6\n",
        );
        assert_eq!(
            plain.kind,
            Kind::Number {
                answer: 6.0,
                tolerance: 0.0,
                unit: None
            }
        );
    }

    #[test]
    fn number_card_reads_a_range() {
        let card = only_card(
            "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"When was it built?\"\nrange = [2000, 2003]\n",
        );
        assert_eq!(
            card.kind,
            Kind::Number {
                answer: 2001.5,
                tolerance: 1.5,
                unit: None
            }
        );
        assert_eq!(
            errors("[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"Q?\"\nrange = [3, 1]\n"),
            vec![
                "8:9 error: `range` in card `n` must be two numbers, the lower first (help: e.g. `range = [2000, 2003]` accepts any value from 2000 to 2003)"
            ]
        );
        assert_eq!(
            errors(
                "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"Q?\"\nanswer = 2\nrange = [1, 3]\n"
            ),
            vec![
                "8:10 error: card `n` has both `range` and `answer` (help: a range gives both ends; remove `answer`)"
            ]
        );
    }

    #[test]
    fn cloze_blanks_may_carry_a_hint() {
        let card = only_card(
            "[[card]]\nid = \"c\"\nkind = \"cloze\"\ntext = \"{{Frankfurt|Francfort::city}} lies on the Main.\"\n",
        );
        assert_eq!(
            card.kind,
            Kind::Cloze {
                parts: vec![
                    ClozePart::Blank(Answer {
                        text: "Frankfurt".into(),
                        accept: vec!["Francfort".into()]
                    }),
                    ClozePart::Hint("city".into()),
                    ClozePart::Text(" lies on the Main.".into()),
                ]
            }
        );
        assert_eq!(
            errors("[[card]]\nid = \"c\"\nkind = \"cloze\"\ntext = \"{{Frankfurt::}} is big.\"\n"),
            vec![
                "7:9 error: empty hint after `::` in a blank of card `c` (help: write the hint after `::`, e.g. `{{Frankfurt::city}}`, or remove `::`)"
            ]
        );
        // A hint that says the answer gives it away.
        assert_eq!(
            errors("[[card]]\nid = \"c\"\nkind = \"cloze\"\ntext = \"{{Rome::Rome}} is old.\"\n")
                .len(),
            1
        );
    }

    #[test]
    fn media_are_plain_file_names() {
        let card = only_card(
            "[[card]]\nid = \"f\"\nkind = \"basic\"\nfront = \"Whose flag?\"\nback = \"France\"\nmedia = [\"flag_fr.png\"]\nanswer_media = [\"anthem.mp3\"]\n",
        );
        assert_eq!(card.question_media(), ["flag_fr.png"]);
        assert_eq!(card.answer_media(), ["anthem.mp3"]);
        assert_eq!(
            errors(
                "[[card]]\nid = \"f\"\nkind = \"basic\"\nfront = \"Whose flag?\"\nback = \"France\"\nmedia = [\"../secret.png\"]\n"
            ),
            vec![
                "9:10 error: `media` of card `f` names `../secret.png`: the name holds a folder separator; media are plain file names (help: media are files in the folder DECK.media beside the deck file DECK.toml; name each by its file name alone)"
            ]
        );
    }

    #[test]
    fn year_card_reads_year_and_tolerance() {
        let card = only_card(
            "[[card]]\nid = \"y\"\nkind = \"year\"\nprompt = \"When?\"\nanswer = -221\ntolerance = 2\n",
        );
        assert_eq!(
            card.kind,
            Kind::Year {
                answer: -221,
                tolerance: 2
            }
        );
    }

    #[test]
    fn date_card_reads_a_date_as_precise_as_written() {
        let card = only_card(
            "[[card]]\nid = \"d\"\nkind = \"date\"\nprompt = \"When exactly?\"\nanswer = \"2001-06-15\"\n",
        );
        let answer = FactDate {
            year: 2001,
            month: Some(6),
            day: Some(15),
        };
        assert_eq!(card.kind, Kind::Date { answer });
        let card = only_card(
            "[[card]]\nid = \"d\"\nkind = \"date\"\nprompt = \"Which month?\"\nanswer = 2001-06-15\n",
        );
        assert_eq!(card.kind, Kind::Date { answer });
        let card = only_card(
            "[[card]]\nid = \"d\"\nkind = \"date\"\nprompt = \"Which month?\"\nanswer = \"2001-06\"\n",
        );
        let month = FactDate {
            day: None,
            ..answer
        };
        assert_eq!(card.kind, Kind::Date { answer: month });
        assert_eq!(
            errors(
                "[[card]]\nid = \"d\"\nkind = \"date\"\nprompt = \"When?\"\nanswer = \"2001-02-30\"\n"
            ),
            ["8:10 error: invalid date `2001-02-30` in card `d`: February 2001 has 28 days"]
        );
    }

    #[test]
    fn cards_say_how_their_answers_compare() {
        let card = only_card(
            "[[card]]\nid = \"p\"\nkind = \"typed\"\nprompt = \"Who?\"\nanswer = \"Xi Jinping\"\nname = true\naccents = true\n",
        );
        let want = Checking {
            name: true,
            accents: true,
            convert_units: false,
        };
        assert_eq!(card.checking, want);
        let card = only_card(
            "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"How far?\"\nanswer = 4300\nunit = \"km\"\nconvert_units = true\n",
        );
        assert!(card.checking.convert_units && !card.checking.name);
        assert_eq!(
            errors(
                "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"How far?\"\nanswer = 4300\nname = true\n"
            ),
            [
                "9:1 error: unknown field `name` in card `n` (help: a `number` card takes: id, kind, prompt, tags, explain, source, apart, answer, tolerance, unit, range, convert_units, media, answer_media)"
            ]
        );
    }

    #[test]
    fn deck_settings_give_every_card_its_default_comparison() {
        let deck = load(with_head(
            "[settings]\naccents = true\nconvert_units = true\n\n[[card]]\nid = \"t\"\nkind = \"typed\"\nprompt = \"Water?\"\nanswer = \"shuǐ\"\n\n[[card]]\nid = \"u\"\nkind = \"typed\"\nprompt = \"Mother?\"\nanswer = \"mā\"\naccents = false\n\n[[fact]]\nid = \"lead\"\nkind = \"person\"\nname = \"Nguyễn Văn Linh\"\nrole = \"the party's general secretary\"\n",
        ).as_bytes())
        .deck
        .expect("a deck with warnings only");
        let checking = |id: &str| deck.card(id).expect(id).checking;
        assert!(checking("t").accents && checking("t").convert_units);
        assert!(!checking("u").accents);
        let who = checking("lead/who");
        assert!(who.name && who.accents, "{who:?}");
        assert!(deck.card("lead/role").is_none_or(|c| !c.checking.name));
    }

    #[test]
    fn list_card_reads_items_with_alternatives() {
        let card = only_card(
            "[[card]]\nid = \"l\"\nkind = \"list\"\nprompt = \"Name them.\"\nitems = [\"a\", [\"b\", \"bee\"]]\nordered = true\n",
        );
        assert_eq!(
            card.kind,
            Kind::List {
                items: vec![
                    Answer::plain("a"),
                    Answer {
                        text: "b".into(),
                        accept: vec!["bee".into()]
                    }
                ],
                ordered: true
            }
        );
    }

    #[test]
    fn order_card_reads_items_in_order() {
        let card = only_card(
            "[[card]]\nid = \"o\"\nkind = \"order\"\nprompt = \"Order them.\"\nitems = [\"x\", \"y\"]\n",
        );
        assert_eq!(
            card.kind,
            Kind::Order {
                items: vec!["x".into(), "y".into()]
            }
        );
    }

    #[test]
    fn cloze_card_reads_blanks_and_alternatives() {
        let card = only_card(
            "[[card]]\nid = \"z\"\nkind = \"cloze\"\ntext = \"The {{SCO|Shanghai Cooperation Organisation}} met in {{2001}}.\"\n",
        );
        assert_eq!(card.prompt, "");
        assert_eq!(
            card.kind,
            Kind::Cloze {
                parts: vec![
                    ClozePart::Text("The ".into()),
                    ClozePart::Blank(Answer {
                        text: "SCO".into(),
                        accept: vec!["Shanghai Cooperation Organisation".into()]
                    }),
                    ClozePart::Text(" met in ".into()),
                    ClozePart::Blank(Answer::plain("2001")),
                    ClozePart::Text(".".into()),
                ]
            }
        );
    }

    #[test]
    fn match_card_reads_pairs() {
        let card = only_card(
            "[[card]]\nid = \"m\"\nkind = \"match\"\nprompt = \"Match.\"\npairs = [[\"a\", \"1\"], [\"b\", \"2\"]]\n",
        );
        assert_eq!(
            card.kind,
            Kind::Match {
                pairs: vec![("a".into(), "1".into()), ("b".into(), "2".into())]
            }
        );
    }

    #[test]
    fn deck_tags_are_merged_into_card_tags() {
        let d = deck(
            "tags = [\"geo\", \"x\"]\n[[card]]\nid = \"tf\"\nkind = \"truefalse\"\nprompt = \"Wet?\"\nanswer = true\ntags = [\"x\", \"own\"]\n",
        );
        assert_eq!(d.cards[0].tags.to_vec(), vec!["x", "own", "geo"]);
        assert_eq!(d.tags.to_vec(), vec!["geo", "x"]);
    }

    #[test]
    fn deck_metadata_source_and_settings_are_read() {
        let d = deck(
            "description = \"D\"\nauthor = \"A\"\nseed = 9\n[source]\ntitle = \"S\"\ndate = 2018-12-24\nurl = \"u\"\n[settings]\nnew_per_day = 5\nnew_order = \"deck\"\nlearning_steps = [\"30s\", \"10m\", \"1h\", \"2d\"]\nrelearning_steps = []\ndesired_retention = 0.85\nday_start_hour = 3\nexam = \"2027-06-01\"\nparameters = []\n",
        );
        assert_eq!((d.id.as_str(), d.title.as_str(), d.seed), ("t", "T", 9));
        assert_eq!(d.description.as_deref(), Some("D"));
        let src = d.source.unwrap();
        assert_eq!(
            (src.title.as_str(), src.date.as_deref(), src.url.as_deref()),
            ("S", Some("2018-12-24"), Some("u"))
        );
        assert_eq!(d.settings.new_per_day, Some(5));
        assert_eq!(d.settings.new_order, Some(NewOrder::Deck));
        assert_eq!(
            d.settings.learning_steps,
            Some(vec![30, 600, 3600, 172_800])
        );
        assert_eq!(d.settings.relearning_steps, Some(vec![]));
        assert_eq!(d.settings.desired_retention, Some(0.85));
        assert_eq!(d.settings.day_start_hour, Some(3));
        assert_eq!(d.settings.exam.as_deref(), Some("2027-06-01"));
        assert_eq!(d.settings.parameters, Some(vec![]));
    }

    #[test]
    fn default_seed_comes_from_the_deck_id() {
        assert_eq!(deck("").seed, generate::fnv1a(b"t"));
    }

    #[test]
    fn fact_dates_may_be_strings_toml_dates_or_years() {
        let d = deck(
            "[[fact]]\nid = \"a\"\nkind = \"event\"\nwhat = \"the founding of A\"\ndate = \"2001-06\"\n[[fact]]\nid = \"b\"\nkind = \"event\"\nwhat = \"the founding of B\"\ndate = 2001-06-15\n[[fact]]\nid = \"c\"\nkind = \"event\"\nwhat = \"the founding of C\"\ndate = -500\n[[fact]]\nid = \"d\"\nkind = \"event\"\nwhat = \"the founding of D\"\ndate = 1990\n[[fact]]\nid = \"e\"\nkind = \"event\"\nwhat = \"the founding of E\"\ndate = 1980\n",
        );
        let dates: Vec<FactDate> = d
            .facts
            .iter()
            .map(|f| match f.kind {
                FactKind::Event { date, .. } => date,
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            dates,
            vec![
                FactDate {
                    year: 2001,
                    month: Some(6),
                    day: None
                },
                FactDate {
                    year: 2001,
                    month: Some(6),
                    day: Some(15)
                },
                FactDate {
                    year: -500,
                    month: None,
                    day: None
                },
                FactDate {
                    year: 1990,
                    month: None,
                    day: None
                },
                FactDate {
                    year: 1980,
                    month: None,
                    day: None
                },
            ]
        );
    }

    #[test]
    fn place_fact_relation_defaults_to_headquarters() {
        let src = with_head(
            "[[fact]]\nid = \"p\"\nkind = \"place\"\nsubject = \"the office\"\nplace = \"Oslo\"\n",
        );
        let d = load(src.as_bytes()).deck.unwrap();
        assert!(
            matches!(&d.facts[0].kind, FactKind::Place { relation, .. } if relation == "headquarters")
        );
    }

    #[test]
    fn a_deck_with_only_warnings_is_returned() {
        let loaded = load(
            with_head(&format!(
                "[[card]]\nid = \"w\"\nkind = \"truefalse\"\nprompt = \"{}?\"\nanswer = true\n",
                "a".repeat(400)
            ))
            .as_bytes(),
        );
        assert_eq!(loaded.diagnostics[0].severity, Severity::Warning);
        assert!(loaded.deck.is_some());
        assert!(!loaded.has_errors());
    }

    #[test]
    fn a_deck_with_errors_is_not_returned() {
        let loaded = load(with_head("bogus = 1\n").as_bytes());
        assert!(loaded.deck.is_none());
        assert!(loaded.has_errors());
    }

    #[test]
    fn the_example_deck_loads_cleanly() {
        let loaded = load(include_bytes!("../../tests/fixtures/decks/space.toml"));
        assert_eq!(loaded.diagnostics, vec![]);
        let d = loaded.deck.unwrap();
        assert_eq!(d.cards.len(), 54);
        let kinds: std::collections::BTreeSet<&str> =
            d.cards.iter().map(|c| c.kind.name()).collect();
        assert_eq!(kinds.len(), 10);
    }

    // Whole-file problems.

    #[test]
    fn invalid_utf8_points_at_the_first_bad_byte() {
        let loaded = load(b"format = 1\ntitle = \"Caf\xe9\"\n");
        let d = &loaded.diagnostics[0];
        assert_eq!(
            d.message,
            "the deck is not valid UTF-8: byte 0xe9 at offset 23"
        );
        assert_eq!(d.span, Span::new(23, 24));
        let lossy = String::from_utf8_lossy(b"format = 1\ntitle = \"Caf\xe9\"\n");
        assert_eq!(d.line_col(&lossy), (2, 13));
    }

    #[test]
    fn a_control_character_in_a_string_is_named() {
        let loaded = load(b"format = 1\nid = \"d\"\ntitle = \"Bell\x07here\"\n");
        let d = &loaded.diagnostics[0];
        assert!(d.message.starts_with("invalid TOML: "), "{}", d.message);
        assert_eq!(
            d.help.as_deref(),
            Some(
                "the text holds the control character U+0007, which TOML does not allow here: \
                 remove it, or inside a string write it as \\u0007"
            )
        );
    }

    #[test]
    fn a_whole_number_too_large_for_toml_says_how_to_write_it() {
        let src = "format = 1\nid = \"d\"\ntitle = \"T\"\n\n[[card]]\nid = \"n\"\nkind = \"number\"\n\
                   prompt = \"How many?\"\nanswer = 99999999999999999999999\n";
        let loaded = load(src.as_bytes());
        let d = &loaded.diagnostics[0];
        assert_eq!(
            d.message,
            "`answer` in card `n` is a whole number too large for TOML (the limit is about 9.2e18)"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("write it with an exponent or a decimal point, such as 1e23")
        );
    }

    #[test]
    fn windows_line_endings_and_a_byte_order_mark_are_read() {
        let src = "\u{feff}format = 1\r\nid = \"t\"\r\ntitle = \"T\"\r\nbogus = 1\r\n";
        assert_eq!(
            diags(src),
            vec![
                "4:1 error: unknown field `bogus` in the deck (help: the deck's top level takes: format, id, title, description, author, tags, seed, source, settings, card, fact)"
            ]
        );
        assert_eq!(crate::diagnostic::line_col(src, 3), (1, 1));
    }

    #[test]
    fn empty_file_is_reported() {
        assert_eq!(
            diags(" \n\n"),
            vec![
                "1:1 error: the deck file is empty (help: a deck starts with `format = 1`, an `id` and a `title`; see the deck format in recall's README)"
            ]
        );
    }

    #[test]
    fn file_of_comments_is_an_empty_deck() {
        assert_eq!(
            diags("# nothing\n"),
            vec![
                "1:1 error: the deck is empty (help: a deck needs at least `format = 1`, an `id` and a `title`)"
            ]
        );
    }

    #[test]
    fn toml_syntax_errors_are_located_and_other_cards_still_checked() {
        let got = check(
            "[[card]]\nid = \"a\"\nkind = \"typed\"\nprompt = \"open\nanswer = \"x\"\n[[card]]\nid = \"b\"\nkind = \"typed\"\nprompt = \"Q?\"\nanwser = \"x\"\n",
        );
        assert_eq!(
            got,
            vec![
                "7:15 error: invalid TOML: invalid basic string, expected `\"`",
                "13:1 error: unknown field `anwser` in card `b` (help: did you mean `answer`?)",
            ]
        );
    }

    #[test]
    fn syntax_error_renders_with_a_caret() {
        assert_eq!(
            rendered("format = 1\nid = [1,\n"),
            "error: invalid TOML: unclosed array, expected `]`\n --> d.toml:2:9\n  |\n2 | id = [1,\n  |         ^\n"
        );
    }

    #[test]
    fn missing_format_says_which_formats_are_read() {
        assert_eq!(
            diags("id = \"t\"\ntitle = \"T\"\n"),
            vec![
                "1:1 error: missing required field `format` in the deck (help: add `format = 1` at the top; this recall reads deck format 1)"
            ]
        );
    }

    #[test]
    fn unknown_format_is_refused_before_anything_else() {
        assert_eq!(
            diags("format = 3\nbogus = 1\n"),
            vec![
                "1:10 error: unsupported deck format 3 (help: this recall reads deck format 1; a newer recall may read this deck)"
            ]
        );
    }

    #[test]
    fn quoted_format_says_to_remove_the_quotes() {
        assert_eq!(
            diags("format = \"1\"\nid = \"t\"\ntitle = \"T\"\n"),
            vec![
                "1:10 error: `format` in the deck must be an integer, found a string (help: remove the quotes: `format = 1`)"
            ]
        );
    }

    #[test]
    fn missing_deck_id_and_title_are_reported() {
        assert_eq!(
            diags("format = 1\n"),
            vec![
                "1:1 error: missing required field `id` in the deck",
                "1:1 error: missing required field `title` in the deck"
            ]
        );
    }

    #[test]
    fn invalid_deck_id_is_reported() {
        assert_eq!(
            diags("format = 1\nid = \"My Deck\"\ntitle = \"T\"\n"),
            vec![
                "2:6 error: invalid deck id `My Deck` (help: a deck id uses only lowercase letters, digits, `.`, `_` and `-`)"
            ]
        );
    }

    #[test]
    fn unknown_top_level_field_suggests_the_closest() {
        assert_eq!(
            check("[[cards]]\nid = \"x\"\n"),
            vec!["4:3 error: unknown field `cards` in the deck (help: did you mean `card`?)"]
        );
    }

    #[test]
    fn single_bracket_card_table_asks_for_double_brackets() {
        assert_eq!(
            check("[card]\nid = \"x\"\n"),
            vec![
                "4:1 error: `card` in the deck must be a list of tables, found a table (help: write each one as `[[card]]`, with double brackets)"
            ]
        );
    }

    // Field problems.

    #[test]
    fn unknown_field_suggests_the_closest_and_hides_the_missing_one() {
        assert_eq!(
            check(
                "[[card]]\nid = \"rats\"\nkind = \"typed\"\nprompt = \"Where?\"\nanwser = \"Tashkent\"\n"
            ),
            vec!["8:1 error: unknown field `anwser` in card `rats` (help: did you mean `answer`?)"]
        );
    }

    #[test]
    fn unknown_field_renders_like_rustc() {
        let src = with_head(
            "[[card]]\nid = \"rats\"\nkind = \"typed\"\nprompt = \"Where?\"\nanwser = \"Tashkent\"\n",
        );
        assert_eq!(
            rendered(&src),
            "error: unknown field `anwser` in card `rats`\n --> d.toml:8:1\n  |\n8 | anwser = \"Tashkent\"\n  | ^^^^^^\n  = help: did you mean `answer`?\n"
        );
    }

    #[test]
    fn unrelated_unknown_field_lists_the_valid_ones() {
        assert_eq!(
            check(
                "[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"Q?\"\nanswer = \"a\"\nitems = [\"a\"]\n"
            ),
            vec![
                "9:1 error: unknown field `items` in card `c` (help: a `typed` card takes: id, kind, prompt, tags, explain, source, apart, answer, accept, name, accents, media, answer_media)"
            ]
        );
    }

    #[test]
    fn missing_required_field_points_at_the_table() {
        assert_eq!(
            check("[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"Q?\"\n"),
            vec!["4:1 error: missing required field `answer` in card `c`"]
        );
    }

    #[test]
    fn card_without_id_is_named_by_position() {
        assert_eq!(
            check(
                "[[card]]\nid = \"a\"\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = true\n[[card]]\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = 1\n"
            ),
            vec![
                "9:1 error: missing required field `id` in card #2",
                "12:10 error: `answer` in card #2 must be a boolean, found an integer"
            ]
        );
    }

    #[test]
    fn wrong_type_suggests_quotes_for_strings() {
        assert_eq!(
            check("[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"How many?\"\nanswer = 8\n"),
            vec![
                "8:10 error: `answer` in card `c` must be a string, found an integer (help: put it in quotes: `answer = \"8\"`)"
            ]
        );
    }

    #[test]
    fn quoted_boolean_says_to_remove_the_quotes() {
        assert_eq!(
            check(
                "[[card]]\nid = \"c\"\nkind = \"truefalse\"\nprompt = \"Wet?\"\nanswer = \"true\"\n"
            ),
            vec![
                "8:10 error: `answer` in card `c` must be a boolean, found a string (help: remove the quotes: `answer = true`)"
            ]
        );
    }

    #[test]
    fn string_where_a_list_is_expected_suggests_brackets() {
        assert_eq!(
            check("tags = \"geo\"\n"),
            vec![
                "4:8 error: `tags` in the deck must be a list of strings, found a string (help: write a list: `tags = [\"geo\"]`)"
            ]
        );
    }

    #[test]
    fn unknown_card_kind_suggests_the_closest() {
        assert_eq!(
            check("[[card]]\nid = \"c\"\nkind = \"choise\"\n"),
            vec!["6:8 error: unknown card kind `choise` (help: did you mean `choice`?)"]
        );
    }

    #[test]
    fn unknown_card_kind_without_a_close_one_lists_the_kinds() {
        assert_eq!(
            check("[[card]]\nid = \"c\"\nkind = \"essay\"\n"),
            vec![
                "6:8 error: unknown card kind `essay` (help: the card kinds are: basic, typed, choice, truefalse, number, year, date, list, order, cloze, match)"
            ]
        );
    }

    #[test]
    fn unknown_fact_kind_suggests_the_closest() {
        assert_eq!(
            check("[[fact]]\nid = \"f\"\nkind = \"evnt\"\n"),
            vec!["6:8 error: unknown fact kind `evnt` (help: did you mean `event`?)"]
        );
    }

    #[test]
    fn empty_strings_are_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"  \"\nanswer = \"a\"\naccept = [\"\"]\n"
            ),
            vec![
                "7:10 error: `prompt` in card `c` is empty",
                "9:11 error: `accept` in card `c` is empty"
            ]
        );
    }

    #[test]
    fn basic_card_with_front_and_prompt_is_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"b\"\nkind = \"basic\"\nfront = \"Q\"\nprompt = \"Q\"\nback = \"A\"\n"
            ),
            vec![
                "8:10 error: card `b` has both `front` and `prompt` (help: a basic card's question is its `front`; remove `prompt`)"
            ]
        );
    }

    // Ids.

    #[test]
    fn duplicate_card_id_points_at_both() {
        let body = "[[card]]\nid = \"d\"\nkind = \"truefalse\"\nprompt = \"A?\"\nanswer = true\n[[card]]\nid = \"d\"\nkind = \"truefalse\"\nprompt = \"B?\"\nanswer = true\n";
        let loaded = load(with_head(body).as_bytes());
        let d = &loaded.diagnostics[0];
        assert_eq!(d.message, "duplicate card id `d`");
        assert_eq!(d.line_col(&with_head(body)), (10, 6));
        assert_eq!(
            d.related,
            vec![(Span::new(46, 49), "first defined here".to_string())]
        );
        assert_eq!(
            rendered(&with_head(body)),
            "error: duplicate card id `d`\n  --> d.toml:10:6\n   |\n10 | id = \"d\"\n   |      ^^^\nnote: first defined here\n  --> d.toml:5:6\n   |\n 5 | id = \"d\"\n   |      ---\n"
        );
    }

    #[test]
    fn duplicate_fact_id_is_reported() {
        let body = "[[fact]]\nid = \"f\"\nkind = \"term\"\nterm = \"a\"\ndefinition = \"x\"\n[[fact]]\nid = \"f\"\nkind = \"term\"\nterm = \"b\"\ndefinition = \"y\"\n";
        assert_eq!(errors(body), vec!["10:6 error: duplicate fact id `f`"]);
    }

    #[test]
    fn fact_id_used_by_a_card_is_reported() {
        let body = "[[fact]]\nid = \"x\"\nkind = \"term\"\nterm = \"a\"\ndefinition = \"b\"\n[[card]]\nid = \"x\"\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = true\n";
        assert_eq!(
            check(body),
            vec![
                "5:6 error: fact id `x` is also a card id (help: cards and facts share one set of ids; rename one of them)"
            ]
        );
    }

    #[test]
    fn timeline_is_a_reserved_fact_id() {
        let body =
            "[[fact]]\nid = \"timeline\"\nkind = \"term\"\nterm = \"a\"\ndefinition = \"b\"\n";
        assert_eq!(
            check(body),
            vec!["5:6 error: fact id `timeline` is reserved for the generated timeline cards"]
        );
    }

    #[test]
    fn ids_with_invalid_characters_are_reported() {
        assert_eq!(
            check("[[card]]\nid = \"a b\"\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = true\n"),
            vec![
                "5:6 error: invalid card id `a b` (help: use only letters, digits, `.`, `_` and `-`)"
            ]
        );
    }

    #[test]
    fn ids_with_a_slash_are_reserved_for_generated_cards() {
        assert_eq!(
            check("[[card]]\nid = \"a/b\"\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = true\n"),
            vec![
                "5:6 error: invalid card id `a/b`: `/` is reserved for generated cards (help: generated cards are named FACT-ID/FORM; use only letters, digits, `.`, `_` and `-`)"
            ]
        );
    }

    // Content rules.

    #[test]
    fn choice_without_correct_option_is_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Q?\"\ncorrect = []\nwrong = [\"a\"]\n"
            ),
            vec!["8:11 error: choice card `c` has no correct option"]
        );
    }

    #[test]
    fn choice_without_wrong_option_is_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Q?\"\ncorrect = \"a\"\nwrong = []\n"
            ),
            vec![
                "9:9 error: choice card `c` has no wrong options (help: add at least one wrong option to `wrong`)"
            ]
        );
    }

    #[test]
    fn choice_option_both_correct_and_wrong_is_reported() {
        let src = with_head(
            "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Q?\"\ncorrect = \"Paris\"\nwrong = [\"Lyon\", \" paris\"]\n",
        );
        let loaded = load(src.as_bytes());
        let d = &loaded.diagnostics[0];
        assert_eq!(
            d.message,
            "option `paris` is listed as both correct and wrong in card `c`"
        );
        assert_eq!(d.line_col(&src), (9, 18));
        assert_eq!(d.related[0].1, "listed as correct here");
        assert_eq!(
            crate::diagnostic::line_col(&src, d.related[0].0.start),
            (8, 11)
        );
    }

    #[test]
    fn duplicate_choice_option_is_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Q?\"\ncorrect = \"a\"\nwrong = [\"b\", \"B\"]\n"
            ),
            vec!["9:15 error: duplicate option `B` in card `c`"]
        );
    }

    #[test]
    fn list_prompt_with_the_wrong_count_is_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"l\"\nkind = \"list\"\nprompt = \"Name the three forces.\"\nitems = [\"a\", \"b\"]\n"
            ),
            vec!["7:20 error: the prompt of card `l` says `three` but the list has 2 items"]
        );
    }

    #[test]
    fn list_prompt_with_a_matching_count_or_a_name_is_fine() {
        assert_eq!(
            check(
                "[[card]]\nid = \"l\"\nkind = \"list\"\nprompt = \"Name the 2 founders of the Shanghai Five.\"\nitems = [\"a\", \"b\"]\n"
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn list_fact_name_with_the_wrong_count_is_reported() {
        assert_eq!(
            errors(
                "[[fact]]\nid = \"l\"\nkind = \"list\"\nname = \"the 3 forces\"\nitems = [\"a\", \"b\"]\n"
            ),
            vec!["7:13 error: the name of list fact `l` says `3` but the list has 2 items"]
        );
    }

    #[test]
    fn duplicate_list_items_count_alternatives() {
        assert_eq!(
            check(
                "[[card]]\nid = \"l\"\nkind = \"list\"\nprompt = \"Name them.\"\nitems = [[\"a\", \"x\"], \"X\"]\n"
            ),
            vec!["8:22 error: duplicate item `X` in card `l`"]
        );
    }

    #[test]
    fn answer_in_its_own_prompt_is_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"t\"\nkind = \"typed\"\nprompt = \"Is TASHKENT the seat?\"\nanswer = \"Tashkent\"\n"
            ),
            vec![
                "7:14 error: the prompt of card `t` contains its answer `Tashkent` (help: a prompt that contains its answer gives it away; reword the prompt)"
            ]
        );
    }

    #[test]
    fn year_in_its_own_prompt_is_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"y\"\nkind = \"year\"\nprompt = \"What year, 2001 or later?\"\nanswer = 2001\n"
            ),
            vec![
                "7:22 error: the prompt of card `y` contains its answer `2001` (help: a prompt that contains its answer gives it away; reword the prompt)"
            ]
        );
    }

    #[test]
    fn part_of_a_word_is_no_leak() {
        assert_eq!(
            check(
                "[[card]]\nid = \"t\"\nkind = \"typed\"\nprompt = \"Who founded Romania?\"\nanswer = \"Roman\"\n"
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn implausible_year_is_reported() {
        assert_eq!(
            check("[[card]]\nid = \"y\"\nkind = \"year\"\nprompt = \"When?\"\nanswer = 20011\n"),
            vec![
                "8:10 error: `answer` in card `y` is not a plausible year: 20011 (help: a year is an integer between -3000 and 3000 (negative for BC))"
            ]
        );
    }

    #[test]
    fn quoted_year_says_to_remove_the_quotes() {
        assert_eq!(
            check("[[card]]\nid = \"y\"\nkind = \"year\"\nprompt = \"When?\"\nanswer = \"2001\"\n"),
            vec![
                "8:10 error: `answer` in card `y` must be an integer year, found a string (help: remove the quotes: `answer = 2001`)"
            ]
        );
    }

    #[test]
    fn negative_tolerances_are_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"How far?\"\nanswer = 3\ntolerance = -1\n[[card]]\nid = \"y\"\nkind = \"year\"\nprompt = \"When?\"\nanswer = 3\ntolerance = -1\n"
            ),
            vec![
                "9:13 error: `tolerance` in card `n` must not be negative",
                "15:13 error: `tolerance` in card `y` must not be negative"
            ]
        );
    }

    #[test]
    fn impossible_day_is_reported_with_the_month_length() {
        assert_eq!(
            check("[[fact]]\nid = \"e\"\nkind = \"event\"\nwhat = \"x\"\ndate = \"2001-02-29\"\n"),
            vec!["8:8 error: invalid date `2001-02-29` in fact `e`: February 2001 has 28 days"]
        );
    }

    #[test]
    fn impossible_month_is_reported() {
        assert_eq!(
            check("[[fact]]\nid = \"e\"\nkind = \"event\"\nwhat = \"x\"\ndate = \"2001-13\"\n"),
            vec!["8:8 error: invalid date `2001-13` in fact `e`: there is no month 13"]
        );
    }

    #[test]
    fn date_in_another_shape_is_reported() {
        assert_eq!(
            check("[[fact]]\nid = \"e\"\nkind = \"event\"\nwhat = \"x\"\ndate = \"June 2001\"\n"),
            vec![
                "8:8 error: invalid date `June 2001` in fact `e` (help: write dates as \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")"
            ]
        );
    }

    #[test]
    fn date_with_a_time_is_reported() {
        assert_eq!(
            check(
                "[[fact]]\nid = \"e\"\nkind = \"event\"\nwhat = \"x\"\ndate = 2001-06-15T10:00:00\n"
            ),
            vec![
                "8:8 error: invalid date `2001-06-15T10:00:00` in fact `e`: a date has no time of day"
            ]
        );
    }

    #[test]
    fn cloze_without_blank_is_reported() {
        assert_eq!(
            check("[[card]]\nid = \"z\"\nkind = \"cloze\"\ntext = \"No gaps.\"\n"),
            vec![
                "7:9 error: cloze card `z` has no blank (help: mark each blank with double braces, e.g. `{{Tashkent}}`)"
            ]
        );
    }

    #[test]
    fn unclosed_cloze_blank_points_at_its_braces() {
        assert_eq!(
            check("[[card]]\nid = \"z\"\nkind = \"cloze\"\ntext = \"A {{b} c\"\n"),
            vec!["7:11 error: unclosed `{{` in card `z` (help: close the blank with `}}`)"]
        );
    }

    #[test]
    fn empty_cloze_blanks_and_alternatives_are_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"z\"\nkind = \"cloze\"\ntext = \"A {{ }} c\"\n[[card]]\nid = \"w\"\nkind = \"cloze\"\ntext = \"A {{b||c}} d\"\n"
            ),
            vec![
                "7:11 error: empty blank in card `z`",
                "11:11 error: empty alternative in a blank of card `w`"
            ]
        );
    }

    #[test]
    fn cloze_answer_visible_in_its_text_is_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"z\"\nkind = \"cloze\"\ntext = \"In {{2001}} and again in 2001.\"\n"
            ),
            vec![
                "7:34 error: the blank `2001` of card `z` also appears in its text (help: a blank whose answer is visible gives itself away)"
            ]
        );
    }

    #[test]
    fn match_pairs_must_be_two_strings() {
        assert_eq!(
            check(
                "[[card]]\nid = \"m\"\nkind = \"match\"\nprompt = \"Match.\"\npairs = [[\"a\", \"1\"], [\"b\"], [\"c\", \"3\"]]\n"
            ),
            vec![
                "8:22 error: each pair in card `m` must be a list of two strings, like [\"left\", \"right\"]"
            ]
        );
    }

    #[test]
    fn match_duplicate_left_items_are_reported() {
        assert_eq!(
            check(
                "[[card]]\nid = \"m\"\nkind = \"match\"\nprompt = \"Match.\"\npairs = [[\"a\", \"1\"], [\"A\", \"2\"]]\n"
            ),
            vec!["8:23 error: duplicate left item `A` in card `m`"]
        );
    }

    #[test]
    fn match_needs_two_pairs() {
        assert_eq!(
            check(
                "[[card]]\nid = \"m\"\nkind = \"match\"\nprompt = \"Match.\"\npairs = [[\"a\", \"1\"]]\n"
            ),
            vec!["8:9 error: match card `m` needs at least 2 pairs"]
        );
    }

    #[test]
    fn order_needs_two_items() {
        assert_eq!(
            check("[[card]]\nid = \"o\"\nkind = \"order\"\nprompt = \"Order.\"\nitems = [\"a\"]\n"),
            vec!["8:9 error: order card `o` needs at least 2 items"]
        );
    }

    #[test]
    fn malformed_learning_steps_are_reported() {
        assert_eq!(
            check("[settings]\nlearning_steps = [\"10x\", \"0m\", \"5\"]\n"),
            vec![
                "5:19 error: invalid learning step `10x` in [settings] (help: write a whole number and a unit (s, m, h or d), e.g. \"10m\")",
                "5:26 error: invalid learning step `0m` in [settings] (help: write a whole number and a unit (s, m, h or d), e.g. \"10m\")",
                "5:32 error: invalid learning step `5` in [settings] (help: write a whole number and a unit (s, m, h or d), e.g. \"10m\")",
            ]
        );
    }

    #[test]
    fn an_unknown_order_of_new_cards_is_reported() {
        assert_eq!(
            check("[settings]\nnew_order = \"random\"\n"),
            vec![
                "5:13 error: `new_order` in [settings] must be \"deck\" or \"mixed\", found \"random\" (help: \"mixed\" takes turns across kinds of question; \"deck\" keeps the written order)"
            ]
        );
    }

    #[test]
    fn out_of_range_settings_are_reported() {
        assert_eq!(
            check("[settings]\ndesired_retention = 90\nday_start_hour = 24\nparameters = [1.0]\n"),
            vec![
                "5:21 error: `desired_retention` in [settings] must be between 0 and 1, found 90 (help: write a fraction: 0.9 means 90%)",
                "6:18 error: `day_start_hour` in [settings] must be 0 to 23, found 24",
                "7:14 error: `parameters` in [settings] must have 0, 17, 19 or 21 numbers, found 1 (help: copy the parameters from an FSRS optimiser, or leave the list empty for the defaults)",
            ]
        );
    }

    #[test]
    fn very_long_prompt_is_a_warning() {
        let body = format!(
            "[[card]]\nid = \"w\"\nkind = \"truefalse\"\nprompt = \"{}?\"\nanswer = true\n",
            "a".repeat(400)
        );
        assert_eq!(
            check(&body),
            vec![
                "7:10 warning: the prompt of card `w` is 401 characters long (help: keep prompts under 300 characters so they read at a glance; move detail into `explain`)"
            ]
        );
    }

    #[test]
    fn every_problem_in_a_file_is_reported() {
        let src = std::str::from_utf8(include_bytes!(
            "../../tests/fixtures/decks/broken-content.toml"
        ))
        .unwrap();
        let errors = load(src.as_bytes())
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .count();
        assert_eq!(errors, 18);
    }

    #[test]
    fn escape_sequences_in_keys_are_rendered_inert() {
        let src = with_head("\"\\u001b[2J\" = 1\n");
        assert_eq!(
            rendered(&src),
            "error: unknown field `\\u{1b}[2J` in the deck\n --> d.toml:4:1\n  |\n4 | \"\\u001b[2J\" = 1\n  | ^^^^^^^^^^^\n  = help: the deck's top level takes: format, id, title, description, author, tags, seed, source, settings, card, fact\n"
        );
    }

    // Reading the file table by table.

    fn cuts(src: &str) -> Vec<(usize, bool)> {
        pieces(src)
            .iter()
            .map(|p| (p.range.start, p.element))
            .collect()
    }

    #[test]
    fn pieces_start_at_each_card_and_fact() {
        let src = "a = 1\n[[card]]\nx = 1\n[[fact]]\ny = 2\n";
        assert_eq!(cuts(src), vec![(0, false), (6, true), (21, true)]);
    }

    #[test]
    fn pieces_keep_subtables_with_their_card() {
        let src = "[[card]]\nx = 1\n[card.more]\ny = 2\n[settings]\nz = 3\n";
        assert_eq!(cuts(src), vec![(0, true), (33, false)]);
    }

    #[test]
    fn pieces_ignore_brackets_in_strings_and_arrays() {
        let src = "a = \"\"\"\n[[card]]\n\"\"\"\nb = [\n[1],\n]\n# [[card]]\n";
        assert_eq!(cuts(src), vec![(0, false)]);
    }

    fn inline_cuts(src: &str) -> Vec<(Range<usize>, bool, bool)> {
        pieces(src)
            .iter()
            .map(|p| (p.range.clone(), p.element, p.inline))
            .collect()
    }

    #[test]
    fn pieces_cut_each_inline_table_of_a_top_level_array() {
        let src = "a = 1\ncard = [\n  { x = [1, {y = 2}] }, # one\n  {z = '}'},\n]\nb = 2\n";
        let one = src.find("{ x").unwrap();
        let two = src.find("{z").unwrap();
        let after = src.find("]\nb").unwrap() + 1;
        assert_eq!(
            inline_cuts(src),
            vec![
                (0..6, false, false),
                (one..one + 20, true, true),
                (two..two + 9, true, true),
                (after..src.len(), false, false),
            ]
        );
        assert!(!pieces("fact = [{a = 1}]")[0].card);
    }

    #[test]
    fn pieces_leave_other_arrays_to_the_top_level() {
        for src in [
            "card = [{a = 1} {b = 2}]\n",
            "card = [{a = 1},, {b = 2}]\n",
            "card = [, {a = 1}]\n",
            "card = [[1], {a = 1}]\n",
            "card = [\"x\", {a = 1}]\n",
            "card\n= [{a = 1}]\n",
            "card.x = [{a = 1}]\n",
            "[settings]\ncard = [{a = 1}]\n",
            "tags = [{a = 1}]\n",
        ] {
            assert!(pieces(src).iter().all(|p| !p.inline), "{src:?}");
        }
    }

    #[test]
    fn cards_written_inline_load_as_tables_do() {
        let tables = "[[card]]\nid = \"a\"\nkind = \"typed\"\nprompt = \"Capital of Peru?\"\nanswer = \"Lima\"\n\n[[card]]\nkind = \"typed\"\nprompt = \"Capital of Chile?\"\n";
        let inline = "card = [\n  { id = \"a\", kind = \"typed\", prompt = \"Capital of Peru?\", answer = \"Lima\" },\n  { kind = \"typed\", prompt = \"Capital of Chile?\" },\n]\n";
        let messages = |body: &str| -> Vec<String> {
            check(body)
                .into_iter()
                .map(|d| d.split_once(' ').unwrap().1.to_string())
                .collect()
        };
        assert_eq!(messages(inline), messages(tables));
        assert_eq!(
            check(inline),
            vec![
                "6:3 error: missing required field `id` in card #2",
                "6:3 error: missing required field `answer` in card #2",
            ]
        );
        let good = "card = [{ id = \"a\", kind = \"typed\", prompt = \"Capital of Peru?\", answer = \"Lima\" }]\n";
        assert_eq!(only_card(good).id.as_str(), "a");
        // A syntax error inside one table points into it (the parser reports this one twice,
        // as it does when it reads the whole file).
        assert_eq!(
            errors("card = [{ id = \"a\", kind = }]\n"),
            vec!["4:28 error: invalid TOML: invalid literal string, expected `'`"; 2]
        );
    }

    #[test]
    fn a_table_split_across_pieces_is_a_duplicate_key() {
        assert_eq!(
            check(
                "[settings]\nnew_per_day = 1\n[[card]]\nid = \"c\"\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = true\n[settings]\nreviews_per_day = 2\n"
            ),
            vec!["11:2 error: invalid TOML: duplicate key `settings`"]
        );
    }

    #[test]
    fn every_example_deck_gives_the_expected_summary() {
        let expect = [
            ("space.toml", "no problems"),
            ("warnings.toml", "3 warnings"),
            ("broken-fields.toml", "14 errors"),
            ("broken-syntax.toml", "2 errors"),
            ("broken-format.toml", "1 error"),
            ("broken-ids.toml", "7 errors, 1 warning"),
            ("broken-content.toml", "18 errors, 1 warning"),
            ("invalid-utf8.toml", "1 error"),
            ("empty.toml", "1 error"),
        ];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/decks");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let (_, want) = expect
                .iter()
                .find(|(n, _)| *n == name)
                .expect("every example deck is listed here");
            let loaded = load(&std::fs::read(&path).unwrap());
            assert_eq!(
                crate::diagnostic::summary(&name, &loaded.diagnostics),
                format!("{want} in {name}")
            );
            assert_eq!(loaded.deck.is_some(), !loaded.has_errors());
            seen += 1;
        }
        assert_eq!(seen, expect.len());
    }

    #[test]
    fn damaged_decks_never_panic() {
        let good = include_str!("../../tests/fixtures/decks/space.toml");
        let bad = include_str!("../../tests/fixtures/decks/broken-content.toml");
        for src in [good, bad] {
            for cut in (0..src.len())
                .step_by(47)
                .filter(|&i| src.is_char_boundary(i))
            {
                let _ = load(&src.as_bytes()[..cut]);
                let mut spliced = src.as_bytes().to_vec();
                spliced.insert(cut, b"[\"{]'\n\xff="[cut % 8]);
                let loaded = load(&spliced);
                let lossy = String::from_utf8_lossy(&spliced);
                for d in &loaded.diagnostics {
                    render("d.toml", &lossy, d, true, &mut Vec::new()).unwrap();
                }
            }
        }
    }

    /// Run with `cargo test --release -- --ignored big_deck --nocapture` to see the timing of a
    /// 100 000-card deck (written cards and facts in about equal numbers of cards).
    #[test]
    #[ignore]
    fn big_deck_loads_quickly() {
        let mut src = String::from("format = 1\nid = \"big\"\ntitle = \"Big\"\ntags = [\"big\"]\n");
        for i in 0..40_000 {
            src.push_str(&format!("[[card]]\nid = \"c{i}\"\nkind = \"typed\"\nprompt = \"What is item c{i}?\"\nanswer = \"thing {i}\"\n"));
        }
        let kinds = ["event", "place", "person", "list", "number", "term"];
        for i in 0..20_000 {
            let body = match kinds[i % 6] {
                "event" => format!(
                    "what = \"happening q{i}\"\ndate = \"{}-{:02}\"",
                    1000 + i % 1000,
                    1 + i % 12
                ),
                "place" => format!(
                    "subject = \"body q{i}\"\nplace = \"City {i}\"\nsince = \"1990\"\npreviously = [\"Old town\"]"
                ),
                "person" => format!("name = \"Person {i}\"\nrole = \"the holder of office q{i}\""),
                "list" => {
                    format!("name = \"the group q{i}\"\nitems = [\"a{i}\", \"b{i}\", \"c{i}\"]")
                }
                "number" => {
                    format!("quantity = \"the count of q{i}\"\nvalue = {i}\nunit = \"items\"")
                }
                _ => format!("term = \"T{i}\"\ndefinition = \"a definition of q{i}\""),
            };
            src.push_str(&format!(
                "[[fact]]\nid = \"f{i}\"\nkind = \"{}\"\n{body}\n",
                kinds[i % 6]
            ));
        }
        let start = std::time::Instant::now();
        let loaded = load(src.as_bytes());
        let elapsed = start.elapsed();
        let deck = loaded.deck.expect("the big deck loads");
        eprintln!(
            "{} cards from {} bytes in {elapsed:?}",
            deck.cards.len(),
            src.len()
        );
        assert!(deck.cards.len() > 100_000);
    }
}

//! The deck model: what a loaded deck is, independent of the TOML it came from.
//!
//! A deck holds hand-written cards and facts. Facts are expanded into generated cards by
//! `deck::generate`, so everything downstream (sessions, exports) only ever sees `Card`s.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

/// Text of cards and facts. Most of a deck's strings (ids, tags, answers, options) are short,
/// and a short `Text` is kept inline rather than in an allocation of its own: a 100k-card
/// deck holds hundreds of thousands of them.
pub type Text = compact_str::CompactString;

/// Text shared between cards, such as the explanation every card of a fact shows.
pub type Shared = Arc<str>;

/// A card's tags. Cards mostly have the same few lists, so one list is shared by many.
pub type Tags = Arc<[Text]>;

/// Hands out one shared [`Tags`] per distinct list of tags.
#[derive(Debug, Default)]
pub struct TagLists(HashSet<Tags, foldhash::fast::RandomState>);

impl TagLists {
    pub fn get(&mut self, tags: &[Text]) -> Tags {
        if let Some(shared) = self.0.get(tags) {
            return shared.clone();
        }
        let shared: Tags = tags.into();
        self.0.insert(shared.clone());
        shared
    }
}

/// A byte range in the deck's source text, kept so later checks can point at the right place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// A card's stable identifier inside its deck. Progress is keyed on (deck id, card id), so an
/// instructor may reword a question without the learner losing its history.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CardId(pub Text);

impl CardId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The citation of the material a deck was built from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceRef {
    pub title: String,
    pub author: Option<String>,
    /// Publication date as written in the deck (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub date: Option<String>,
    pub publication: Option<String>,
    pub url: Option<String>,
}

/// Study settings a deck may carry; every field is optional and falls back to the user's config
/// file and then to recall's defaults (command-line flags win over all of them).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeckSettings {
    pub new_per_day: Option<u32>,
    pub reviews_per_day: Option<u32>,
    /// Learning steps in seconds (written as "1m", "10m", "1h", "1d" in the file).
    pub learning_steps: Option<Vec<u32>>,
    pub relearning_steps: Option<Vec<u32>>,
    pub desired_retention: Option<f32>,
    pub day_start_hour: Option<u8>,
    pub leech_threshold: Option<u32>,
    pub maximum_interval: Option<u32>,
    /// Exam date `YYYY-MM-DD`.
    pub exam: Option<String>,
    pub parameters: Option<Vec<f32>>,
    /// Spread review intervals a little (`false` gives FSRS's own intervals).
    pub fuzz: Option<bool>,
    /// The order new cards are introduced in (`new_order = "deck" | "mixed"`).
    pub new_order: Option<NewOrder>,
}

/// The order new cards are introduced in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NewOrder {
    /// As the deck is written.
    Deck,
    /// Taking turns across kinds of question (a year, a place, a choice...), each kind in deck
    /// order, so a day's new cards are not all of one kind.
    #[default]
    Mixed,
}

impl NewOrder {
    pub fn parse(s: &str) -> Option<NewOrder> {
        match s {
            "deck" => Some(NewOrder::Deck),
            "mixed" => Some(NewOrder::Mixed),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            NewOrder::Deck => "deck",
            NewOrder::Mixed => "mixed",
        }
    }
}

/// A loaded deck: metadata, the facts as written, and every card (hand-written first, in file
/// order, then generated ones in fact order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deck {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub author: Option<String>,
    pub source: Option<SourceRef>,
    /// Default tags added to every card of the deck.
    pub tags: Vec<Text>,
    /// Seed for generated distractors and option order (default: derived from the deck id).
    pub seed: u64,
    pub settings: DeckSettings,
    pub facts: Vec<Fact>,
    pub cards: Vec<Card>,
    /// Cards kept apart from others besides their fact's siblings (see [`Apart`]).
    pub apart: Apart,
}

impl Deck {
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id.as_str() == id)
    }
}

/// Cards that must not be studied on the same day although they come from different facts:
/// one shows another's answer (in its prompt, options or explanation), a timeline orders
/// events whose own cards ask when they happened, or the author said so (`apart = [...]` on a
/// card or a fact). Kept for the few cards concerned only, so it costs nothing on a deck
/// without such pairs.
///
/// `keys` maps a card id to the keys it stays away from: card ids, and fact ids standing for
/// every card of that fact. Pairs are stored both ways, so a study session decides from a
/// card alone: it waits when one of its keys was studied today (its own id or its fact's id
/// is marked when it is studied).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Apart {
    pub keys: HashMap<Text, Vec<Text>, foldhash::fast::RandomState>,
    /// What the deck file says with `apart` keys, as written: (the card or fact, the card or
    /// fact it names, where that name is written). `deck::apart::relate` adds them to `keys`.
    pub declared: Vec<(Text, Text, Span)>,
    /// Every card that shows another's answer, as `deck::apart::relate` found them (sorted by
    /// giving card, then victim), for `recall check` to report without scanning again.
    pub giveaways: Vec<crate::deck::apart::Giveaway>,
}

impl Apart {
    /// The keys card `id` stays away from.
    pub fn of(&self, id: &str) -> &[Text] {
        self.keys.get(id).map_or(&[], Vec::as_slice)
    }

    /// Keeps card `card` away from `key` (a card id or a fact id).
    pub fn add(&mut self, card: &str, key: &str) {
        let keys = self.keys.entry(Text::from(card)).or_default();
        if !keys.iter().any(|k| k == key) {
            keys.push(Text::from(key));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Entries sorted by card id, for output that must not depend on hashing.
    pub fn sorted(&self) -> Vec<(&Text, &Vec<Text>)> {
        let mut all: Vec<_> = self.keys.iter().collect();
        all.sort_by(|a, b| a.0.cmp(b.0));
        all
    }
}

/// One accepted answer with its alternatives ("Regional Anti-Terrorist Structure", or "RATS").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    pub text: Text,
    pub accept: Vec<Text>,
}

impl Answer {
    pub fn plain(text: impl Into<Text>) -> Answer {
        Answer {
            text: text.into(),
            accept: Vec::new(),
        }
    }

    /// The canonical text followed by every accepted alternative.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str()).chain(self.accept.iter().map(Text::as_str))
    }
}

/// One piece of a cloze sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum ClozePart {
    Text(Text),
    Blank(Answer),
    /// A clue for the blank just before it, shown in its place (`{{Frankfurt::city}}` in a
    /// deck file, as in Anki): never part of the answer.
    Hint(Text),
}

/// What a card asks and how its answer is checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Shown, then revealed; the learner grades themself.
    Basic {
        back: Text,
    },
    /// A typed answer with accepted alternatives.
    Typed {
        answer: Answer,
    },
    /// Options shown numbered; one or more are correct. `multiple` is true when more than one is.
    Choice {
        correct: Vec<Text>,
        wrong: Vec<Text>,
    },
    TrueFalse {
        answer: bool,
    },
    /// A quantity; `tolerance` is absolute, in the card's unit.
    Number {
        answer: f64,
        tolerance: f64,
        unit: Option<Text>,
    },
    Year {
        answer: i32,
        tolerance: u32,
    },
    /// A date as precise as the card asks (a month, a day); each part given is graded.
    Date {
        answer: FactDate,
    },
    /// A set of items in any order (or in order when `ordered`).
    List {
        items: Vec<Answer>,
        ordered: bool,
    },
    /// Items to put in sequence; stored in the correct order, shown shuffled.
    Order {
        items: Vec<Text>,
    },
    Cloze {
        parts: Vec<ClozePart>,
    },
    /// Pairs of a left and right column; the right column is shown shuffled.
    Match {
        pairs: Vec<(Text, Text)>,
    },
}

impl Kind {
    /// The name used for `kind = "..."` in deck files and in JSON output.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Basic { .. } => "basic",
            Kind::Typed { .. } => "typed",
            Kind::Choice { .. } => "choice",
            Kind::TrueFalse { .. } => "truefalse",
            Kind::Number { .. } => "number",
            Kind::Year { .. } => "year",
            Kind::Date { .. } => "date",
            Kind::List { .. } => "list",
            Kind::Order { .. } => "order",
            Kind::Cloze { .. } => "cloze",
            Kind::Match { .. } => "match",
        }
    }

    /// Whether recall checks the answer itself (everything but `basic`).
    pub fn is_auto_checked(&self) -> bool {
        !matches!(self, Kind::Basic { .. })
    }
}

/// How a card's answer is compared beyond what its kind says. The loader resolves a deck's
/// `[settings]` defaults into every card, so a card carries what applies to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Checking {
    /// The answer is a person's name: given and family name may come in either order ("Jinping
    /// Xi" for "Xi Jinping", "Lovelace, Ada" for "Ada Lovelace").
    pub name: bool,
    /// Accents count: "shuì" is not "shuǐ" (pinyin tones, Vietnamese). By default they are
    /// folded away.
    pub accents: bool,
    /// A number may be given in another unit of the same dimension (miles for km), converted.
    pub convert_units: bool,
}

/// A question as the learner meets it.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: CardId,
    pub kind: Kind,
    /// The question text (for `basic`, the front; for `cloze`, an optional instruction).
    pub prompt: Text,
    /// The card's own tags plus the deck's default tags.
    pub tags: Tags,
    pub explain: Option<Shared>,
    /// Where in the source material the fact comes from.
    pub source: Option<Text>,
    /// For generated cards, the id of the fact they come from; cards of one fact are siblings.
    pub fact: Option<Text>,
    /// Where the card (or its fact) is written in the deck file.
    pub span: Span,
    /// Images and sounds the card shows; most cards have none.
    pub media: Option<Box<Media>>,
    /// How typed answers are compared (names in either order, accents, units converted).
    pub checking: Checking,
}

impl Card {
    /// A card with no tags, notes or fact, at no place in a file: what importers and tests
    /// start from before filling in the rest.
    pub fn new(id: impl Into<Text>, kind: Kind, prompt: impl Into<Text>) -> Card {
        Card {
            id: CardId(id.into()),
            kind,
            prompt: prompt.into(),
            tags: Tags::default(),
            explain: None,
            source: None,
            fact: None,
            span: Span::default(),
            media: None,
            checking: Checking::default(),
        }
    }

    /// The files shown with the question.
    pub fn question_media(&self) -> &[Text] {
        self.media.as_ref().map_or(&[], |m| &m.question)
    }

    /// The files shown with the answer.
    pub fn answer_media(&self) -> &[Text] {
        self.media.as_ref().map_or(&[], |m| &m.answer)
    }
}

/// Files a card shows beside its text (images, sounds), by file name in the deck's media
/// folder: `NAME.media/` beside the deck file `NAME.toml`. The deck file only names them; the
/// terminal shows each as an attachment the learner opens with the system viewer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Media {
    /// Shown with the question (`media = [...]` in a deck file).
    pub question: Vec<Text>,
    /// Shown with the answer (`answer_media = [...]`).
    pub answer: Vec<Text>,
}

impl Media {
    /// The media folder of the deck file `deck`: `NAME.media` beside `NAME.toml`.
    pub fn folder_for(deck: &std::path::Path) -> std::path::PathBuf {
        deck.with_extension("media")
    }

    /// `None` when both lists are empty, so cards without media carry nothing.
    pub fn boxed(question: Vec<Text>, answer: Vec<Text>) -> Option<Box<Media>> {
        if question.is_empty() && answer.is_empty() {
            None
        } else {
            Some(Box::new(Media { question, answer }))
        }
    }
}

/// Longest media file name, in bytes (what most file systems allow).
pub const MAX_MEDIA_NAME: usize = 255;

/// Why `name` cannot be a media file name, if it cannot. Names come from decks and packages,
/// which are untrusted: a name must stay inside the media folder, so it is a plain file name
/// (no folder separators, no `..`, not hidden) without control characters.
pub fn media_name_problem(name: &str) -> Option<&'static str> {
    if name.trim().is_empty() {
        Some("the name is empty")
    } else if name.len() > MAX_MEDIA_NAME {
        Some("the name is longer than 255 bytes")
    } else if name.contains(['/', '\\']) {
        Some("the name holds a folder separator; media are plain file names")
    } else if name.starts_with('.') {
        Some("the name starts with '.' (hidden files and `..` are not media)")
    } else if name.chars().any(char::is_control) {
        Some("the name holds a control character")
    } else if name != name.trim() {
        Some("the name starts or ends with a space")
    } else {
        None
    }
}

/// A number card's accepted values written as a range when that is how it reads: when the
/// middle has more decimals than both ends (`2000..2003` rather than `2001.5 ± 1.5`). Ranges
/// are kept as a middle and a tolerance, so this is the one rule every view follows.
pub fn number_range(answer: f64, tolerance: f64) -> Option<(f64, f64)> {
    if !answer.is_finite() || !tolerance.is_finite() || tolerance <= 0.0 {
        return None;
    }
    // Decimals as written, forgiving float noise (0.1 + 0.15 is 0.25000000000000006).
    let decimals = |x: f64| {
        (0..10)
            .find(|&d| {
                let scaled = x * 10f64.powi(d);
                (scaled - scaled.round()).abs() < 1e-6
            })
            .unwrap_or(10)
    };
    let round = |x: f64, d: i32| (x * 10f64.powi(d)).round() / 10f64.powi(d);
    let (dl, dh) = (decimals(answer - tolerance), decimals(answer + tolerance));
    (decimals(answer) > dl.max(dh))
        .then(|| (round(answer - tolerance, dl), round(answer + tolerance, dh)))
}

/// A date as precise as the instructor wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl fmt::Display for FactDate {
    /// "15 June 2001", "June 2001", "2001", "44 BC".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::numbers::Date;
        let date = match (self.month, self.day) {
            (Some(m), Some(d)) => Date::from_day(self.year, m, d),
            (Some(m), None) => Date::from_month(self.year, m),
            _ => Date::from_year(self.year),
        };
        write!(f, "{date}")
    }
}

/// What an instructor writes once; `deck::generate` turns it into several cards.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub id: Text,
    pub kind: FactKind,
    pub tags: Vec<Text>,
    pub explain: Option<Text>,
    pub source: Option<Text>,
    pub span: Span,
    /// What the author says about the wording where the fact alone cannot tell.
    pub hints: FactHints,
}

/// Optional keys that tell the wording of a fact's questions what the fact alone cannot
/// (see the README, "Facts"). Each applies to the kinds named.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FactHints {
    /// event, place: the verb ("signed", "took place", "based", "held").
    pub verb: Option<Text>,
    /// person: whether the person still holds the role.
    pub current: Option<bool>,
    /// list: what the items are ("country"), so wrong options come from items of that type.
    pub item_kind: Option<Text>,
    /// place: what the place is ("city", "planet").
    pub place_kind: Option<Text>,
    /// Prompts written by hand for some forms, replacing the generated ones: (form, prompt).
    pub ask: Vec<(Text, Text)>,
    /// Wrong options written by hand for some choice forms, offered before drawn ones:
    /// (form, options).
    pub wrong: Vec<(Text, Vec<Text>)>,
}

impl FactHints {
    /// The prompt written for `form`, if any.
    pub fn ask(&self, form: &str) -> Option<&str> {
        self.ask
            .iter()
            .find(|(f, _)| f == form)
            .map(|(_, p)| p.as_str())
    }

    /// The wrong options written for `form`.
    pub fn wrong(&self, form: &str) -> &[Text] {
        self.wrong
            .iter()
            .find(|(f, _)| f == form)
            .map_or(&[], |(_, w)| w.as_slice())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum FactKind {
    /// Something that happened at a date: `what` is a noun phrase ("the founding of the SCO").
    Event {
        what: Text,
        date: FactDate,
        place: Option<Text>,
    },
    /// Where something is (headquarters, seat), since when, and where it was before.
    Place {
        subject: Text,
        /// The relation as a noun, e.g. "headquarters" (default) or "seat".
        relation: Text,
        place: Answer,
        since: Option<FactDate>,
        previously: Vec<Text>,
    },
    /// A person and the role they held.
    Person {
        name: Answer,
        role: Text,
        since: Option<FactDate>,
    },
    /// A named list: "the three evil forces" = terrorism, separatism, extremism.
    List {
        name: Text,
        items: Vec<Answer>,
        ordered: bool,
    },
    /// A quantity with a unit.
    Number {
        quantity: Text,
        value: f64,
        unit: Option<Text>,
        tolerance: f64,
    },
    /// A term (or acronym) and what it means.
    Term { term: Answer, definition: Text },
}

impl FactKind {
    pub fn name(&self) -> &'static str {
        match self {
            FactKind::Event { .. } => "event",
            FactKind::Place { .. } => "place",
            FactKind::Person { .. } => "person",
            FactKind::List { .. } => "list",
            FactKind::Number { .. } => "number",
            FactKind::Term { .. } => "term",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_tag_lists_are_one_shared_list() {
        let mut lists = TagLists::default();
        let a = lists.get(&["geo".into(), "capitals".into()]);
        let b = lists.get(&["geo".into(), "capitals".into()]);
        let c = lists.get(&["capitals".into(), "geo".into()]);
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!(&c[..], ["capitals", "geo"]);
    }

    #[test]
    fn ranges_are_numbers_whose_middle_is_less_round_than_their_ends() {
        assert_eq!(number_range(2001.5, 1.5), Some((2000.0, 2003.0)));
        assert_eq!(number_range(0.25, 0.15), Some((0.1, 0.4)));
        assert_eq!(number_range(6.0, 1.0), None);
        assert_eq!(number_range(384_400.0, 5_000.0), None);
        assert_eq!(number_range(2.5, 0.0), None);
        assert_eq!(number_range(2.5, -0.5), None);
        assert_eq!(number_range(f64::NAN, 1.0), None);
        assert_eq!(number_range(2.5, f64::INFINITY), None);
        // Ends keep their own decimals; negative numbers work alike.
        assert_eq!(number_range(2.55, 0.05), Some((2.5, 2.6)));
        assert_eq!(number_range(-2001.5, 1.5), Some((-2003.0, -2000.0)));
        assert_eq!(number_range(1.25, 0.25), Some((1.0, 1.5)));
        // As many decimals in the middle as at an end: not a range.
        assert_eq!(number_range(1.5, 0.25), None);
    }

    #[test]
    fn media_names_are_plain_file_names() {
        assert_eq!(media_name_problem("flag_fr.png"), None);
        assert_eq!(media_name_problem("anthem de.mp3"), None);
        assert_eq!(media_name_problem("drapeau-été.png"), None);
        for bad in [
            "",
            "../x.png",
            "a/b.png",
            "a\\b.png",
            ".hidden",
            "..",
            "x\u{1b}.png",
            " x.png",
        ] {
            assert!(media_name_problem(bad).is_some(), "{bad:?}");
        }
        assert!(media_name_problem(&"a".repeat(256)).is_some());
    }

    #[test]
    fn short_text_is_kept_inline() {
        let id = Text::from("f12345-place/before");
        assert!(!id.is_heap_allocated());
        let prompt = Text::from("In which city is the headquarters of the organisation?");
        assert!(prompt.is_heap_allocated());
    }
}

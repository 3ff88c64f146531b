//! Which cards a study day keeps apart besides a fact's siblings ([`Deck::apart`]): a card
//! whose text (prompt, options, explanation) shows another card's answer, and a timeline and
//! the cards of the events it orders.
//!
//! API: [`relate`]`(&mut Deck, &[Timeline])` fills `deck.apart` after generation, keys and
//! giveaways: `deck.apart.giveaways` lists each giving card with the answer it shows and
//! where, for `recall check`.
//!
//! A deck may hold 100 000 cards, so texts are never compared pairwise: every answer is
//! indexed by the hash of its words (as the answer checker reads them), and each text is
//! scanned once, looking up only the word runs that start like an answer and are as long as
//! one. An answer many cards mention ("China" in a deck about China) is the deck's common
//! vocabulary rather than a giveaway, and is left out.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// The maps of this module: keys are hashes and small integers, which need no defence
/// against chosen collisions.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

use crate::answer::for_each_normalised_word;
use crate::deck::{Answer, Card, ClozePart, Deck, FactKind, Kind, Text, parallel};
use crate::wording::count::{Quantity, number_word};

/// An answer named by more groups of cards than this (a group is a fact's cards, or one
/// hand-written card) is common vocabulary, not a giveaway.
pub const COMMON: usize = 3;

/// The id prefix of timeline cards (`deck::generate::TIMELINE`).
const TIMELINE_PREFIX: &str = "timeline/";

/// Answers longer than this many words are not looked for.
const MAX_WORDS: usize = 12;

/// The size of `Index::maybe_starts`, in bits (256 KiB: it stays in cache).
const START_BITS: usize = 1 << 21;

/// Cards per thread when scanning texts.
const CARDS_PER_THREAD: usize = 4000;

/// A timeline card and the event facts it orders.
pub struct Timeline {
    pub card: Text,
    pub facts: Vec<Text>,
}

/// Whose answer an indexed spelling is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Victim {
    /// One card.
    Card(u32),
    /// Every card of a list fact: its items are the answer of all of them.
    Fact(u32),
}

/// One answer to look for: found when every group (an item of a list, or the one answer) has
/// one of its spellings in a text.
struct Requirement {
    victim: Victim,
    groups: u8,
    /// A number: among options it is only a candidate value, never a clue.
    number: bool,
    /// The answer as a warning quotes it: a range of [`Index::answers`].
    answer: (u32, u32),
    /// What the victim's question is about (hashes of its content words, a range of
    /// [`Index::contexts`]): a single answer counts as shown only in a text that shares one of
    /// them, so "Paris" in "Which of these is based in Paris?" gives nothing away about "Where
    /// was the centre before Darmstadt?". Empty when the answer tells on its own (all the items
    /// of a list, a count with what it counts).
    context: (u32, u32),
}

/// One requirement group a word sequence spells, and the next for the same sequence.
#[derive(Clone, Copy)]
struct Hit {
    req: u32,
    group: u8,
    next: u32,
}

/// No next hit; a hit taken back.
const NONE: u32 = u32::MAX;

/// Where in a card a giveaway was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    Prompt,
    Options,
    Explanation,
}

impl Place {
    pub fn name(self) -> &'static str {
        match self {
            Place::Prompt => "prompt",
            Place::Options => "options",
            Place::Explanation => "explanation",
        }
    }
}

/// A card that shows another card's (or a list fact's) answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Giveaway {
    /// The card showing the answer.
    pub giver: usize,
    /// The card whose answer it shows, or the first card of the list fact.
    pub victim: usize,
    /// Whether the victim stands for a whole list fact.
    pub whole_fact: bool,
    /// The answer as the victim writes it.
    pub answer: String,
    pub place: Place,
}

fn word_hash(w: &str) -> u64 {
    let h = crate::deck::distractors::fnv1a(w.as_bytes());
    // SplitMix finaliser: spreads the bits so that combined hashes stay collision-poor.
    let mut z = h;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn combine(h: u64, w: u64) -> u64 {
    h.wrapping_mul(0x0000_0100_0000_01b3).wrapping_add(w)
}

/// Calls `f` with each word of `text` as the answer checker reads it
/// ([`for_each_normalised_word`]), without allocating when the text is ASCII (most texts of
/// most decks): a check reads every text of every card.
fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    thread_local! {
        static CLEANED: RefCell<String> = const { RefCell::new(String::new()) };
    }
    if !text.is_ascii() {
        return for_each_normalised_word(text, f);
    }
    CLEANED.with_borrow_mut(|cleaned| {
        cleaned.clear();
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let between_digits = i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            match b {
                _ if b.is_ascii_alphanumeric() => cleaned.push(char::from(b.to_ascii_lowercase())),
                b'.' if between_digits => cleaned.push('.'),
                b',' if between_digits => {}
                b'\'' | b'`' | b'.' => {}
                b'&' => cleaned.push_str(" and "),
                _ => cleaned.push(' '),
            }
        }
        let last = cleaned.split_ascii_whitespace().count().saturating_sub(1);
        for (i, w) in cleaned.split_ascii_whitespace().enumerate() {
            if i == last || !matches!(w, "a" | "an" | "the") {
                f(w);
            }
        }
    });
}

fn words_of(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(word_hash(w)));
    out
}

/// Words too common in questions and explanations to tie a text to a question.
const STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "from",
    "with",
    "not",
    "are",
    "was",
    "were",
    "been",
    "being",
    "has",
    "have",
    "had",
    "does",
    "did",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "why",
    "how",
    "year",
    "years",
    "these",
    "this",
    "that",
    "those",
    "its",
    "they",
    "them",
    "their",
    "there",
    "into",
    "than",
    "then",
    "such",
    "all",
    "any",
    "some",
    "one",
    "two",
    "three",
    "first",
    "name",
    "fill",
    "blank",
    "true",
    "false",
    "put",
    "order",
    "earliest",
    "event",
    "events",
    "happened",
    "about",
    "also",
    "after",
    "before",
    "most",
    "more",
    "many",
    "much",
    "other",
    "own",
    "same",
    "only",
    "between",
    "during",
    "since",
    "until",
    "each",
    "every",
    "both",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "will",
    "become",
    "became",
    "called",
    "known",
    "term",
    "mean",
    "means",
    "refer",
    "these",
    "his",
    "her",
    "him",
    "she",
    "our",
    "you",
    "your",
    "yes",
    "now",
    "still",
    "later",
    "took",
    "place",
    "take",
    "made",
    "make",
    "new",
    // Words naming the kind of an answer, not what a question is about.
    "country",
    "countries",
    "city",
    "cities",
    "state",
    "states",
    "person",
    "people",
    "organisation",
    "organization",
    "thing",
    "things",
];

/// Hashes of the words of `text` that say what it is about (no function words, no short
/// words), sorted.
fn content_words(text: &str, out: &mut Vec<u64>) {
    for_each_word(text, |w| {
        if is_content(w) {
            out.push(word_hash(w));
        }
    });
}

/// Whether a (normalised) word says what a text is about.
fn is_content(w: &str) -> bool {
    w.chars().count() >= 3 && !STOP.contains(&w)
}

/// The answers of the deck, indexed by the hash of their words. Kept in a few flat lists:
/// a deck of 100 000 cards has as many answers, and a small allocation for each would cost
/// more than the scan.
#[derive(Default)]
struct Index {
    requirements: Vec<Requirement>,
    /// Sequence hash -> its first hit in `hits`.
    spellings: Map<u64, u32>,
    hits: Vec<Hit>,
    /// First word hash -> bit `n - 1` set when a spelling of `n` words starts with it.
    starts: Map<u64, u16>,
    /// A bit per first word hash (modulo its size): most words of a text start no answer, and
    /// this small set says so without a lookup in the large `starts`.
    maybe_starts: Vec<u64>,
    /// Per card: which of `owns` holds its own answers (never a giveaway on that card). The
    /// cards of a fact share one.
    own_of: Vec<u32>,
    /// Sequence hashes of answers, by owner.
    owns: Vec<Vec<u64>>,
    /// The answers requirements quote, one after the other.
    answers: String,
    /// The context words of requirements, one run after the other.
    contexts: Vec<u64>,
}

impl Index {
    /// The (requirement, group) pairs the word sequence `seq` spells.
    fn hits(&self, seq: u64) -> impl Iterator<Item = (u32, u8)> + '_ {
        let mut at = self.spellings.get(&seq).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            while at != NONE {
                let hit = self.hits[at as usize];
                at = hit.next;
                if hit.req != NONE {
                    return Some((hit.req, hit.group));
                }
            }
            None
        })
    }

    fn context(&self, r: &Requirement) -> &[u64] {
        &self.contexts[r.context.0 as usize..(r.context.0 + r.context.1) as usize]
    }

    fn answer(&self, r: &Requirement) -> &str {
        &self.answers[r.answer.0 as usize..(r.answer.0 + r.answer.1) as usize]
    }

    /// Indexes one spelling of group `group` of requirement `req`, and adds its content words
    /// to `content`. With `strict`, only a spelling specific enough to give an answer away
    /// counts: four letters at least, or a number.
    fn add_spelling(
        &mut self,
        (req, group): (u32, u8),
        text: &str,
        strict: bool,
        content: &mut Vec<u64>,
    ) -> Option<u64> {
        let mut words = Vec::new();
        let mut letters = 0;
        let mut digits = 0;
        for_each_word(text, |w| {
            letters += w.chars().filter(|c| c.is_alphabetic()).count();
            digits += w.chars().filter(char::is_ascii_digit).count();
            let h = word_hash(w);
            if is_content(w) {
                content.push(h);
            }
            words.push(h);
        });
        if strict && letters < 4 && digits < 2 {
            return None;
        }
        if words.is_empty() || words.len() > MAX_WORDS {
            return None;
        }
        let seq = words.iter().fold(0, |h, w| combine(h, *w));
        let new = self.hits.len() as u32;
        let hit = Hit {
            req,
            group,
            next: NONE,
        };
        match self.spellings.get(&seq).copied() {
            None => {
                self.spellings.insert(seq, new);
                self.hits.push(hit);
            }
            Some(mut at) => loop {
                let h = self.hits[at as usize];
                if h.req == req && h.group == group {
                    break;
                }
                if h.next == NONE {
                    self.hits[at as usize].next = new;
                    self.hits.push(hit);
                    break;
                }
                at = h.next;
            },
        }
        *self.starts.entry(words[0]).or_default() |= 1 << (words.len() - 1);
        let bit = words[0] as usize % (self.maybe_starts.len() * 64);
        self.maybe_starts[bit / 64] |= 1 << (bit % 64);
        Some(seq)
    }

    /// Adds a requirement whose groups are `groups` (each a set of spellings); returns the
    /// hashes of all spellings added, and adds the content words of them all to `content`.
    /// With `context`, the groups after the first only place the first in its context ("8"
    /// with "states"), so they need not be specific on their own.
    fn add(
        &mut self,
        victim: Victim,
        groups: &[Vec<&str>],
        context: bool,
        content: &mut Vec<u64>,
    ) -> (Option<u32>, Vec<u64>) {
        if groups.is_empty() || groups.len() > 64 {
            return (None, Vec::new());
        }
        let req = self.requirements.len() as u32;
        let mut hashes = Vec::new();
        let mut usable = 0;
        for (g, spellings) in groups.iter().enumerate() {
            let before = hashes.len();
            let strict = !context || g == 0;
            for s in spellings {
                if let Some(h) = self.add_spelling((req, g as u8), s, strict, content) {
                    hashes.push(h);
                }
            }
            usable += usize::from(hashes.len() > before);
        }
        if usable < groups.len() {
            // A group with no specific spelling can never be found: take back what was indexed.
            for h in &hashes {
                let mut at = self.spellings.get(h).copied().unwrap_or(NONE);
                while at != NONE {
                    let hit = &mut self.hits[at as usize];
                    if hit.req == req {
                        hit.req = NONE;
                    }
                    at = hit.next;
                }
            }
            return (None, hashes);
        }
        let firsts: Vec<&str> = groups.iter().filter_map(|g| g.first().copied()).collect();
        let start = self.answers.len() as u32;
        if context {
            self.answers
                .push_str(firsts.first().copied().unwrap_or_default());
        } else {
            self.answers
                .push_str(&crate::wording::template::join_and(&firsts));
        }
        self.requirements.push(Requirement {
            victim,
            groups: groups.len() as u8,
            number: context,
            answer: (start, self.answers.len() as u32 - start),
            context: (0, 0),
        });
        (Some(req), hashes)
    }
}

/// What answers a card: requirements, each made of groups of spellings that must all be
/// found, and whether the groups after the first are only context. Most cards have one
/// requirement of one group; a list needs all its items; a cloze is given away blank by blank;
/// a number needs its value near what it counts ("eight ... member states").
fn answer_groups(kind: &Kind, counted: Option<&str>) -> Vec<(Vec<Vec<String>>, bool)> {
    let all = |a: &Answer| a.all().map(str::to_string).collect::<Vec<_>>();
    match kind {
        Kind::Typed { answer } => vec![(vec![all(answer)], false)],
        Kind::Year { answer, .. } if answer.unsigned_abs() >= 1000 => {
            vec![(vec![vec![answer.to_string()]], false)]
        }
        // A date is given away written as recall writes it ("15 June 2001").
        Kind::Date { answer } => vec![(vec![vec![answer.to_string()]], false)],
        Kind::Number { answer, unit, .. } => {
            let mut spellings = Vec::new();
            if answer.fract() == 0.0 && answer.abs() >= 10.0 {
                spellings.push(format!("{answer}"));
            }
            if let Some(w) = number_word(*answer).filter(|_| *answer >= 2.0) {
                spellings.push(w.to_string());
                spellings.push(answer.to_string());
            }
            let context = counted
                .map(|c| {
                    let head = crate::wording::noun::NounPhrase::new(c).head();
                    let one = crate::wording::plural::singular(&head);
                    let many = crate::wording::plural::plural(&one);
                    vec![one, many]
                })
                .or_else(|| unit.as_ref().map(|u| vec![u.to_string()]));
            match context {
                _ if spellings.is_empty() => Vec::new(),
                Some(c) => vec![(vec![spellings, c], true)],
                // A bare small number says nothing on its own.
                None if answer.abs() < 10.0 => Vec::new(),
                None => vec![(vec![spellings], false)],
            }
        }
        Kind::Cloze { parts } => parts
            .iter()
            .filter_map(|p| match p {
                ClozePart::Blank(a) => Some((vec![all(a)], false)),
                ClozePart::Text(_) | ClozePart::Hint(_) => None,
            })
            .collect(),
        Kind::List { items, .. } if items.len() >= 2 => {
            vec![(items.iter().map(all).collect(), false)]
        }
        Kind::Choice { correct, .. } => {
            vec![(correct.iter().map(|c| vec![c.to_string()]).collect(), false)]
        }
        _ => Vec::new(),
    }
}

/// The texts a card shows, with where.
fn texts(card: &Card) -> Vec<(Place, &str)> {
    let mut out: Vec<(Place, &str)> = vec![(Place::Prompt, &card.prompt)];
    match &card.kind {
        Kind::Choice { correct, wrong } => {
            out.extend(
                correct
                    .iter()
                    .chain(wrong)
                    .map(|o| (Place::Options, o.as_str())),
            );
        }
        Kind::Order { items } => out.extend(items.iter().map(|o| (Place::Options, o.as_str()))),
        Kind::Match { pairs } => {
            for (l, r) in pairs {
                out.push((Place::Options, l));
                out.push((Place::Options, r));
            }
        }
        Kind::Cloze { parts } => out.extend(parts.iter().filter_map(|p| match p {
            ClozePart::Text(t) | ClozePart::Hint(t) => Some((Place::Prompt, t.as_str())),
            ClozePart::Blank(_) => None,
        })),
        Kind::Basic { back } => out.push((Place::Explanation, back)),
        _ => {}
    }
    if let Some(e) = &card.explain {
        out.push((Place::Explanation, e));
    }
    out
}

/// The group a card belongs to for counting how common an answer is: its fact, or itself.
fn group_of(deck: &Deck, c: usize) -> (bool, &str) {
    match &deck.cards[c].fact {
        Some(f) => (true, f.as_str()),
        None => (false, deck.cards[c].id.as_str()),
    }
}

fn build_index(deck: &Deck) -> Index {
    let mut index = Index {
        own_of: vec![0; deck.cards.len()],
        maybe_starts: vec![0; START_BITS / 64],
        // Owner 0 owns nothing: cards without answers to index.
        owns: vec![Vec::new()],
        ..Index::default()
    };
    let fact_index: Map<&str, usize> = deck
        .facts
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), i))
        .collect();
    // The owner of each fact's cards: they share their answers, so none gives another's away.
    let mut fact_owner: Map<usize, u32> = Map::default();
    let mut listed: HashSet<usize, foldhash::fast::RandomState> = HashSet::default();
    // (requirement, the content words of its question) for answers told only in context.
    let mut contexts: Vec<(u32, Vec<u64>)> = Vec::new();
    // A word many questions share is the deck's topic ("SCO", "China" in a deck about the
    // SCO): it ties a text to no question in particular.
    // Counted by groups of cards (a fact's cards are one group), so that a list fact whose ten
    // cards repeat its name does not make the name's words look common.
    // A fact's cards are consecutive, so a word is counted once per group by remembering the
    // last group that used it.
    let mut frequency: Map<u64, (usize, usize)> = Map::default();
    let mut groups = 0usize;
    let mut last_group: Option<(bool, &str)> = None;
    let mut prompt_words = Vec::new();
    let mut answer_words = Vec::new();
    for (c, card) in deck.cards.iter().enumerate() {
        let group = group_of(deck, c);
        if last_group != Some(group) {
            groups += 1;
            last_group = Some(group);
        }
        prompt_words.clear();
        content_words(&card.prompt, &mut prompt_words);
        for &w in &prompt_words {
            let (count, seen_in) = frequency.entry(w).or_insert((0, usize::MAX));
            if *seen_in != groups {
                *seen_in = groups;
                *count += 1;
            }
        }
        let fact = card
            .fact
            .as_deref()
            .and_then(|f| fact_index.get(f).copied());
        let owner = match fact {
            Some(f) => *fact_owner.entry(f).or_insert_with(|| {
                index.owns.push(Vec::new());
                index.owns.len() as u32 - 1
            }),
            None => {
                index.owns.push(Vec::new());
                index.owns.len() as u32 - 1
            }
        };
        index.own_of[c] = owner;
        let list_fact = fact.filter(|&f| matches!(deck.facts[f].kind, FactKind::List { .. }));
        if let Some(f) = list_fact {
            // Every card of a list fact is answered by its items.
            if listed.insert(f)
                && let FactKind::List { items, .. } = &deck.facts[f].kind
                && items.len() >= 2
            {
                let groups: Vec<Vec<&str>> = items.iter().map(|a| a.all().collect()).collect();
                let (_, hashes) =
                    index.add(Victim::Fact(f as u32), &groups, false, &mut answer_words);
                index.owns[owner as usize].extend(hashes);
            }
            continue;
        }
        // "Which of these happened in 2001?" and "Which of these is based in Tashkent?" are
        // answered by a pairing (with the date, with the place), not by naming the event or
        // the subject alone.
        let pairing = card.id.as_str().ends_with("/which")
            && fact.is_some_and(|f| {
                matches!(
                    deck.facts[f].kind,
                    FactKind::Event { .. } | FactKind::Place { .. }
                )
            });
        if pairing {
            continue;
        }
        let counted = fact.and_then(|f| match &deck.facts[f].kind {
            FactKind::Number { quantity, .. } => match Quantity::read(quantity) {
                Quantity::Count { noun, .. } | Quantity::Done { noun, .. } => Some(noun),
                Quantity::Measure(_) => None,
            },
            _ => None,
        });
        if let Kind::Basic { back } = &card.kind {
            // A back that is another card's answer is the same answer, not a giveaway.
            let words = words_of(back);
            index.owns[owner as usize].push(words.iter().fold(0, |h, w| combine(h, *w)));
        }
        for (groups, context) in answer_groups(&card.kind, counted.as_deref()) {
            let groups: Vec<Vec<&str>> = groups
                .iter()
                .map(|g| g.iter().map(String::as_str).collect())
                .collect();
            answer_words.clear();
            let (req, hashes) =
                index.add(Victim::Card(c as u32), &groups, context, &mut answer_words);
            index.owns[owner as usize].extend(hashes);
            if let Some(r) = req
                && (groups.len() == 1 || context)
            {
                let mut about = prompt_words.clone();
                if let Kind::Cloze { parts } = &card.kind {
                    for p in parts {
                        if let ClozePart::Text(t) = p {
                            content_words(t, &mut about);
                        }
                    }
                }
                // The answer's own words say nothing about the question.
                about.retain(|w| !answer_words.contains(w));
                about.sort_unstable();
                about.dedup();
                contexts.push((r, about));
            }
        }
    }
    let topic = (groups / 20).max(COMMON);
    for (r, mut context) in contexts {
        let before = context.len();
        context.retain(|w| frequency.get(w).map_or(0, |f| f.0) <= topic);
        if before > 0 && context.is_empty() {
            // Nothing specific left to tie it: it cannot be told apart from the topic.
            context.push(0);
        }
        let start = index.contexts.len() as u32;
        index.contexts.extend(context);
        index.requirements[r as usize].context = (start, index.contexts.len() as u32 - start);
    }
    index
}

/// What one thread keeps between the cards it scans: the words of the last explanation (a
/// fact's cards share theirs) and buffers.
#[derive(Default)]
struct Scratch {
    explanation: String,
    explanation_words: Vec<u64>,
    words: Vec<u64>,
}

/// The requirements found in card `c`'s texts, with where each was first found.
fn scan(deck: &Deck, index: &Index, c: usize, scratch: &mut Scratch) -> Vec<(u32, Place)> {
    let card = &deck.cards[c];
    // A timeline's explanation names the years of its own events, which it is kept apart
    // from anyway.
    if card.id.as_str().starts_with(TIMELINE_PREFIX) {
        return Vec::new();
    }
    let own = &index.owns[index.own_of[c] as usize];
    // What the card is about besides the text a match is in: its prompt and its answers
    // (worked out at the first match that needs it: most texts match nothing).
    let mut about_card: Option<Vec<u64>> = None;
    let about_of = |card: &Card| {
        let mut out = Vec::new();
        content_words(&card.prompt, &mut out);
        for (groups, _) in answer_groups(&card.kind, None) {
            for spelling in groups.iter().flatten() {
                content_words(spelling, &mut out);
            }
        }
        out
    };
    // (requirement, groups found, where first, whether a match shares the question's topic)
    let mut found: Vec<(u32, u64, Place, bool)> = Vec::new();
    for (place, text) in texts(card) {
        let words = if place == Place::Explanation {
            if scratch.explanation != text {
                scratch.explanation.clear();
                scratch.explanation.push_str(text);
                scratch.explanation_words.clear();
                let words = &mut scratch.explanation_words;
                for_each_word(text, |w| words.push(word_hash(w)));
            }
            &scratch.explanation_words
        } else {
            scratch.words.clear();
            let words = &mut scratch.words;
            for_each_word(text, |w| words.push(word_hash(w)));
            &scratch.words
        };
        let whole = words.iter().fold(0, |h, w| combine(h, *w));
        let whole_reqs: Vec<u32> = if place == Place::Options {
            index.hits(whole).map(|(r, _)| r).collect()
        } else {
            Vec::new()
        };
        let mut about_text: Option<Vec<u64>> = None;
        for i in 0..words.len() {
            let bit = words[i] as usize % START_BITS;
            if index.maybe_starts[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let Some(&lens) = index.starts.get(&words[i]) else {
                continue;
            };
            for len in 1..=MAX_WORDS {
                let end = i + len;
                if lens & (1 << (len - 1)) == 0 || end > words.len() {
                    continue;
                }
                let seq = words[i..end].iter().fold(0, |h, w| combine(h, *w));
                if own.contains(&seq) {
                    continue;
                }
                for (req, group) in index.hits(seq) {
                    let r = &index.requirements[req as usize];
                    // An option that is another question's answer is a candidate, not a
                    // clue: only an answer inside a longer option ("known until 2015 as
                    // ...") tells, and a number among options never does.
                    if place == Place::Options && (r.number || whole_reqs.contains(&req)) {
                        continue;
                    }
                    let context = index.context(r);
                    let topical = context.is_empty() || {
                        let about = about_text.get_or_insert_with(|| {
                            let mut v = Vec::new();
                            content_words(text, &mut v);
                            v
                        });
                        context.iter().any(|w| about.contains(w))
                            || context.iter().any(|w| {
                                about_card.get_or_insert_with(|| about_of(card)).contains(w)
                            })
                    };
                    match found.iter_mut().find(|(q, ..)| *q == req) {
                        Some((_, mask, _, t)) => {
                            *mask |= 1 << group;
                            *t |= topical;
                        }
                        None => found.push((req, 1 << group, place, topical)),
                    }
                }
            }
        }
    }
    found
        .into_iter()
        .filter(|(req, mask, _, topical)| {
            let r = &index.requirements[*req as usize];
            // A card's own answer, or its list fact's, is no giveaway.
            let owned = match r.victim {
                Victim::Card(b) => b as usize == c,
                Victim::Fact(f) => card.fact.as_deref() == Some(deck.facts[f as usize].id.as_str()),
            };
            *topical && mask.count_ones() == u32::from(r.groups) && !owned
        })
        .map(|(req, _, place, _)| (req, place))
        .collect()
}

/// Every giveaway of the deck, common vocabulary left out, siblings never counted.
fn find(deck: &Deck) -> (Index, Vec<(usize, u32, Place)>) {
    let index = build_index(deck);
    if index.requirements.is_empty() {
        return (index, Vec::new());
    }
    let all: Vec<usize> = (0..deck.cards.len()).collect();
    let found: Vec<(usize, u32, Place)> = parallel::map_chunks(&all, CARDS_PER_THREAD, |_, cs| {
        let mut out = Vec::new();
        let mut scratch = Scratch::default();
        for &c in cs {
            for (req, place) in scan(deck, &index, c, &mut scratch) {
                out.push((c, req, place));
            }
        }
        out
    })
    .into_iter()
    .flatten()
    .collect();
    // Leave out siblings, and answers many groups of cards mention.
    let mut givers: Map<u32, Vec<(bool, &str)>> = Map::default();
    let victim_fact = |v: Victim| -> Option<&str> {
        match v {
            Victim::Card(b) => deck.cards[b as usize].fact.as_deref(),
            Victim::Fact(f) => Some(deck.facts[f as usize].id.as_str()),
        }
    };
    let kept: Vec<(usize, u32, Place)> = found
        .into_iter()
        .filter(|&(c, req, _)| {
            let v = index.requirements[req as usize].victim;
            let sibling =
                deck.cards[c].fact.is_some() && deck.cards[c].fact.as_deref() == victim_fact(v);
            !sibling
        })
        .collect();
    for &(c, req, _) in &kept {
        let g = group_of(deck, c);
        let list = givers.entry(req).or_default();
        if !list.contains(&g) && list.len() <= COMMON {
            list.push(g);
        }
    }
    let kept = kept
        .into_iter()
        .filter(|(_, req, _)| givers.get(req).is_some_and(|g| g.len() <= COMMON))
        .collect();
    (index, kept)
}

/// Fills `deck.apart` from the deck's giveaways and its timelines.
pub fn relate(deck: &mut Deck, timelines: &[Timeline]) {
    let mut apart = std::mem::take(&mut deck.apart);
    let (index, found) = find(deck);
    apart.giveaways = listing(deck, &index, &found);
    let mut fact_cards: Option<Map<&str, Vec<usize>>> = None;
    // What the author declared: a card or a fact (all its cards) kept from another.
    for (a, b, _) in &apart.declared.clone() {
        let map = fact_cards.get_or_insert_with(|| cards_of(deck));
        let cards = |id: &str| -> Vec<usize> {
            match map.get(id) {
                Some(cs) => cs.clone(),
                None => deck
                    .cards
                    .iter()
                    .position(|c| c.id.as_str() == id)
                    .into_iter()
                    .collect(),
            }
        };
        for c in cards(a) {
            apart.add(deck.cards[c].id.as_str(), b);
        }
        for c in cards(b) {
            apart.add(deck.cards[c].id.as_str(), a);
        }
    }
    for &(c, req, _) in &found {
        let giver = deck.cards[c].id.as_str();
        match index.requirements[req as usize].victim {
            Victim::Card(b) => {
                let victim = deck.cards[b as usize].id.as_str();
                apart.add(giver, victim);
                apart.add(victim, giver);
            }
            Victim::Fact(f) => {
                let fact = deck.facts[f as usize].id.as_str();
                apart.add(giver, fact);
                let map = fact_cards.get_or_insert_with(|| cards_of(deck));
                for &v in map.get(fact).into_iter().flatten() {
                    apart.add(deck.cards[v].id.as_str(), giver);
                }
            }
        }
    }
    for t in timelines {
        let map = fact_cards.get_or_insert_with(|| cards_of(deck));
        for f in &t.facts {
            apart.add(&t.card, f);
            for &v in map.get(f.as_str()).into_iter().flatten() {
                apart.add(deck.cards[v].id.as_str(), &t.card);
            }
        }
    }
    deck.apart = apart;
}

/// The cards of each fact, by fact id.
fn cards_of(deck: &Deck) -> Map<&str, Vec<usize>> {
    let mut map: Map<&str, Vec<usize>> = Map::default();
    for (i, c) in deck.cards.iter().enumerate() {
        if let Some(f) = &c.fact {
            map.entry(f.as_str()).or_default().push(i);
        }
    }
    map
}

/// Every card that shows another's answer, for `recall check`: the giving card, whose answer
/// it shows, which spelling and where.
fn listing(deck: &Deck, index: &Index, found: &[(usize, u32, Place)]) -> Vec<Giveaway> {
    let mut first_of_fact: Map<&str, usize> = Map::default();
    for (i, c) in deck.cards.iter().enumerate() {
        if let Some(f) = &c.fact {
            first_of_fact.entry(f.as_str()).or_insert(i);
        }
    }
    let mut out: Vec<Giveaway> = Vec::new();
    for &(c, req, place) in found {
        let r = &index.requirements[req as usize];
        let (victim, whole_fact) = match r.victim {
            Victim::Card(b) => (b as usize, false),
            Victim::Fact(f) => {
                let fact = &deck.facts[f as usize];
                (
                    first_of_fact.get(fact.id.as_str()).copied().unwrap_or(c),
                    true,
                )
            }
        };
        out.push(Giveaway {
            giver: c,
            victim,
            whole_fact,
            answer: index.answer(r).to_string(),
            place,
        });
    }
    out.sort_by_key(|g| (g.giver, g.victim, g.place));
    out.dedup_by(|a, b| a.giver == b.giver && a.victim == b.victim);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::load::load;

    #[test]
    fn the_ascii_word_reader_reads_as_the_answer_checker_does() {
        for text in [
            "The U.S.A. & Canada",
            "1,234.5 km and 3.14, then 7.",
            "People's Republic of China",
            "Vitamin A",
            "an apple a day",
            "co-operation\tand\x0bthe\x0cend",
            "`quoted' -- text; 12,000,000",
            "",
            "   the   ",
            "A",
            "Tashkent!",
        ] {
            let mut fast = Vec::new();
            for_each_word(text, |w| fast.push(w.to_string()));
            let mut slow = Vec::new();
            for_each_normalised_word(text, |w| slow.push(w.to_string()));
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    fn deck(body: &str) -> Deck {
        let src = format!("format = 1\nid = \"t\"\ntitle = \"T\"\n{body}");
        let loaded = load(src.as_bytes());
        loaded
            .deck
            .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics))
    }

    fn typed(id: &str, prompt: &str, answer: &str, explain: &str) -> String {
        format!(
            "\n[[card]]\nid = \"{id}\"\nkind = \"typed\"\nprompt = \"{prompt}\"\nanswer = \"{answer}\"\nexplain = \"{explain}\"\n"
        )
    }

    fn pairs(d: &Deck) -> Vec<(String, String)> {
        d.apart
            .giveaways
            .iter()
            .map(|g| {
                (
                    d.cards[g.giver].id.to_string(),
                    d.cards[g.victim].id.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn the_ascii_word_reader_reads_as_the_answer_checker() {
        let mut all: Vec<String> = [
            "U.S.A.",
            "People's Republic",
            "1,000.5 km, 2,5 and 3.",
            "A & B",
            "Vitamin A",
            "the The",
            ".5 and 5. and 0.25",
            "a",
            "",
            "  \t\n ",
            "x,y 1,2",
            "Rock'n'roll `quoted`",
            "C++ & C# -- (e.g.) 2.0.1!",
            "THE END OF AN ERA",
            "an",
        ]
        .map(String::from)
        .to_vec();
        let sco = load(crate::library::BUNDLED_SCO.as_bytes()).deck.unwrap();
        for card in &sco.cards {
            all.extend(texts(card).into_iter().map(|(_, t)| t.to_string()));
        }
        for t in &all {
            let (mut fast, mut checker) = (Vec::new(), Vec::new());
            for_each_word(t, |w| fast.push(w.to_string()));
            for_each_normalised_word(t, |w| checker.push(w.to_string()));
            assert_eq!(fast, checker, "{t:?}");
        }
    }

    #[test]
    fn an_explanation_naming_an_answer_on_the_same_topic_relates_the_cards() {
        let d = deck(
            &(typed(
                "who",
                "Who led the Secretariat first?",
                "Zhang Deguang",
                "A diplomat.",
            ) + &typed(
                "where",
                "Where is the Secretariat?",
                "Beijing",
                "Zhang Deguang led it first.",
            )),
        );
        assert_eq!(pairs(&d), [("where".into(), "who".into())]);
        assert_eq!(d.apart.of("where"), ["who"]);
        assert_eq!(d.apart.of("who"), ["where"]);
    }

    #[test]
    fn a_mention_on_another_topic_is_no_giveaway() {
        let d = deck(
            &(typed(
                "a",
                "Where was the centre before Darmstadt?",
                "Paris",
                "It moved.",
            ) + &typed("b", "Which agency is based in Paris?", "ESA", "Since 1975.")),
        );
        assert!(pairs(&d).is_empty(), "{:?}", pairs(&d));
        assert!(d.apart.is_empty());
    }

    #[test]
    fn an_option_that_is_another_answer_is_a_candidate_not_a_clue() {
        let body = typed(
            "capital",
            "What is the capital of Iran?",
            "Tehran",
            "Since 1786.",
        ) + "\n[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Which is the capital of Iran?\"\ncorrect = \"Tehran\"\nwrong = [\"Isfahan\", \"Shiraz\"]\n";
        let d = deck(&body);
        assert!(pairs(&d).is_empty(), "{:?}", pairs(&d));
    }

    #[test]
    fn an_answer_inside_a_longer_option_is_a_clue() {
        let body = typed(
            "old",
            "What was the Eurasian Economic Union called before?",
            "Eurasian Economic Community",
            "Renamed.",
        ) + "\n[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"What is the Eurasian Economic Union?\"\ncorrect = \"a bloc known until 2015 as the Eurasian Economic Community\"\nwrong = [\"a bank\", \"a treaty\"]\n";
        let d = deck(&body);
        assert_eq!(pairs(&d), [("c".into(), "old".into())]);
    }

    #[test]
    fn all_the_items_of_a_list_relate_a_card_to_the_whole_fact() {
        let body = "\n[[fact]]\nid = \"forces\"\nkind = \"list\"\nname = \"the three evil forces\"\nitems = [\"terrorism\", \"separatism\", \"extremism\"]\nwrong = { member = [\"colonialism\", \"nationalism\"] }\n"
            .to_string()
            + &typed(
                "aim",
                "What did the SCO fight from the start?",
                "the evil forces",
                "Terrorism, separatism and extremism.",
            );
        let d = deck(&body);
        assert_eq!(d.apart.of("aim"), ["forces"]);
        assert_eq!(d.apart.of("forces/all"), ["aim"]);
        assert_eq!(d.apart.of("forces/member"), ["aim"]);
        // One item alone gives nothing away.
        let body = body.replace(
            "Terrorism, separatism and extremism.",
            "Terrorism above all.",
        );
        assert!(deck(&body).apart.is_empty());
    }

    #[test]
    fn a_count_next_to_what_it_counts_gives_the_number_away() {
        let body = "\n[[fact]]\nid = \"count\"\nkind = \"number\"\nquantity = \"the number of member states of the SCO\"\nvalue = 8\n\n[[card]]\nid = \"members\"\nkind = \"list\"\nprompt = \"Name the SCO's eight member states.\"\nitems = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\"]\n";
        let d = deck(body);
        assert!(
            d.apart.of("members").contains(&"count/value".into()),
            "{:?}",
            d.apart
        );
        // "four cross-border threats" counts something else.
        let other = body.replace("Name the SCO's eight member states.", "Name eight threats.");
        assert!(
            !deck(&other)
                .apart
                .of("members")
                .contains(&"count/value".into())
        );
    }

    #[test]
    fn siblings_and_the_same_answer_are_no_giveaway() {
        let body = "\n[[fact]]\nid = \"hq\"\nkind = \"place\"\nsubject = \"the Secretariat\"\nplace = \"Beijing\"\n"
            .to_string()
            + "\n[[card]]\nid = \"b\"\nkind = \"basic\"\nfront = \"Where is the Secretariat?\"\nback = \"Beijing\"\n";
        let d = deck(&body);
        assert!(d.apart.is_empty(), "{:?}", d.apart);
    }

    #[test]
    fn an_answer_many_cards_name_is_common_vocabulary() {
        let mut body = typed(
            "q",
            "Which country hosts the Secretariat?",
            "China",
            "Beijing.",
        );
        for i in 0..=COMMON {
            body.push_str(&typed(
                &format!("c{i}"),
                &format!("Which Secretariat question number {i} is this?"),
                &format!("answer {i}"),
                "China and the Secretariat again.",
            ));
        }
        assert!(deck(&body).apart.is_empty());
    }

    #[test]
    fn declared_relations_reach_every_card_of_a_fact() {
        let body = "\n[[fact]]\nid = \"hq\"\nkind = \"place\"\nsubject = \"the Secretariat\"\nplace = \"Beijing\"\napart = [\"note\"]\n"
            .to_string()
            + &typed("note", "Who wrote the note?", "Li", "A clerk.");
        let d = deck(&body);
        assert_eq!(d.apart.of("hq/where"), ["note"]);
        assert_eq!(d.apart.of("note"), ["hq"]);
    }
}

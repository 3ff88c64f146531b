//! Checks that need the whole deck rather than one table: duplicate ids across hand-written
//! and generated cards, cards pointing at facts that do not exist, cards that ask the same
//! question, wrong options the checker would grade as right, and typed answers so close that
//! its typo allowance takes one for the other.
//!
//! API: [`lint`]`(&Deck) -> Vec<Diagnostic>` (run by `load::load` after generation; usable on
//! any deck, e.g. one built by an importer) and [`leak`], the "prompt gives the answer away"
//! rule shared by the loader and the generator.
//!
//! Sameness and closeness are decided by `crate::answer` (its normalisation and its typo rule),
//! so a check never disagrees with how a learner's answer is graded. A deck may hold 100 000
//! cards, so no rule compares every card with every other: questions are grouped by hashes of
//! their normalised text, and close answers are found through an index of deletion variants
//! (see `near_keys`) before the checker's own rule confirms each pair.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::answer::{
    for_each_normalised_word, normalised, passes_as_typo, typo_allowance, typo_invariant,
};
use crate::deck::text::{IdHasher, IdMap, same};
use crate::deck::{Answer, Card, ClozePart, Deck, Fact, FactKind, Kind, parallel};
use crate::diagnostic::Diagnostic;
use crate::wording::count::format_number;

/// Cards per thread when normalising the texts of a large deck.
const CARDS_PER_THREAD: usize = 4000;

/// Answer spellings per thread when looking for close pairs.
const KEYS_PER_THREAD: usize = 4000;

/// Answers and questions quoted in messages are cut to this many characters.
const QUOTE: usize = 60;

/// Whole-deck checks. Diagnostics point at the cards' spans (the `[[card]]` or `[[fact]]`
/// header they come from), with the other card involved as a related span.
pub fn lint(deck: &Deck) -> Vec<Diagnostic> {
    let mut out = refusals(deck);
    let typos = deck.cards.len() <= TYPO_CHECK_MAX_CARDS;
    let texts = Texts::of_cards(&deck.cards, typos);
    same_questions(deck, &texts, &mut out);
    if typos {
        typo_neighbours(deck, &texts, &mut out);
    }
    out.extend(crate::deck::quality::check(deck));
    out
}

/// The checks of [`lint`] that can report errors (duplicate ids, missing facts, a written
/// wrong option that is a right answer), without the warnings-only similarity checks.
pub fn refusals(deck: &Deck) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let facts = fact_index(deck);
    ids(deck, &facts, &mut out);
    distractors(deck, &facts, &mut out);
    out
}

/// Decks larger than this skip the typo-neighbour check: its cost grows with how alike the
/// deck's answers are, and on a very large deck of similar answers it would take minutes.
/// (The checker itself still refuses a typo that is closer to another answer of the deck.)
pub const TYPO_CHECK_MAX_CARDS: usize = 20_000;

type FactIndex<'d> = IdMap<&'d str, usize>;

fn fact_index(deck: &Deck) -> FactIndex<'_> {
    let mut map = FactIndex::with_capacity_and_hasher(deck.facts.len(), Default::default());
    for (i, f) in deck.facts.iter().enumerate() {
        map.entry(f.id.as_str()).or_insert(i);
    }
    map
}

/// Duplicate card ids, and generated cards whose fact is missing.
fn ids(deck: &Deck, facts: &FactIndex, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, usize, BuildHasherDefault<IdHasher>> =
        HashMap::with_capacity_and_hasher(deck.cards.len(), Default::default());
    for (i, card) in deck.cards.iter().enumerate() {
        match seen.entry(card.id.as_str()) {
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
            Entry::Occupied(first) => {
                let first = &deck.cards[*first.get()];
                let origin = |c: &Card| match &c.fact {
                    Some(f) => format!("generated from fact `{f}`"),
                    None if c.id.as_str().contains('/') => "generated".to_string(),
                    None => "written here".to_string(),
                };
                let d = Diagnostic::error(
                    card.span,
                    format!("duplicate card id `{}` ({})", card.id, origin(card)),
                )
                .with_related(
                    first.span,
                    format!("first card `{}` {}", first.id, origin(first)),
                );
                out.push(d);
            }
        }
        if let Some(fact) = &card.fact
            && !facts.contains_key(fact.as_str())
        {
            out.push(Diagnostic::error(
                card.span,
                format!("card `{}` refers to a missing fact `{fact}`", card.id),
            ));
        }
    }
}

/// Cards generated from one fact ask about it in several forms on purpose.
fn siblings(a: &Card, b: &Card) -> bool {
    a.fact.is_some() && a.fact == b.fact
}

fn hash_str(h: &mut IdHasher, s: &str) {
    h.write(s.as_bytes());
    // No UTF-8 text contains 0xff, so parts can never run into each other.
    h.write_u8(0xff);
}

/// SplitMix64's finaliser: spreads an FNV hash so sums of hashes stay collision-poor.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Words that say what kind of question it is rather than what it is about.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "into", "and",
    "or", "is", "are", "was", "were", "be", "been", "do", "does", "did", "has", "have", "had",
    "what", "whats", "which", "who", "whos", "whom", "whose", "where", "when", "why", "how",
    "this", "that", "these", "those", "it", "its", "as",
];

/// What the deck-wide rules compare, worked out once per card (on several threads for a large
/// deck). All of it is kept while the checks run, so it is laid out flat: a 32-byte
/// [`Question`] per card and one list of words per run of cards, rather than a list per card.
#[derive(Debug)]
struct Texts {
    /// The deck's cards in consecutive runs, one per thread that worked them out. They are
    /// not joined: for a large deck that would briefly need twice the room.
    parts: Vec<Part>,
}

/// What a run of consecutive cards asks (see [`Texts`]).
#[derive(Debug, Default)]
struct Part {
    /// The index of the run's first card in the deck.
    first: usize,
    /// One per card of the run.
    questions: Vec<Question>,
    /// Each card's content words (hashed, sorted and without repeats), card after card: those
    /// of the run's `k`th card end at `questions[k].end()` and start where the previous card's
    /// end.
    words: Vec<u64>,
    /// Only made when the typo check runs (see `TYPO_CHECK_MAX_CARDS`), and then one per card:
    /// the normalised spellings of a typed answer, one per `Answer::all()` (empty ones too),
    /// each with the hash of what a typo of it may not change; nothing for other kinds.
    spellings: Vec<Vec<(String, u64)>>,
}

/// What one card asks (see [`Texts`]). Optional hashes are told apart by flags rather than
/// `Option`s, which would make this half as large again.
#[derive(Debug, Clone, Copy)]
struct Question {
    /// With `ASKED`: the hash of the normalised question, that is the prompt, plus the cloze
    /// text, the items of an order card or the pairs of a match card. Without it there is
    /// nothing to compare.
    asked: u64,
    /// For a choice card, the hash of its correct options: two choice cards with one prompt
    /// but different right options ("Which of these took place in 2001?") are different
    /// questions.
    correct: u64,
    /// With `ANSWERS`: the hash of the kind and its normalised answers. Without it the kind's
    /// answer says too little to tell two questions apart (true/false).
    answers: u64,
    /// Where the card's words end in its part's `words` (see [`Part`]), shifted left by 8,
    /// with the flags (`ASKED`, `ANSWERS`, `LOOSE`) in the low byte.
    end_flags: u64,
}

/// [`Question::asked`] is set.
const ASKED: u64 = 1;
/// [`Question::answers`] is set.
const ANSWERS: u64 = 2;
/// Prompts one word apart may count as the same question. Not for years and numbers: many
/// events share a year, and "the founding of X" and "the founding of the X Council" are
/// different events.
const LOOSE: u64 = 4;

impl Question {
    fn asked(&self) -> Option<u64> {
        (self.end_flags & ASKED != 0).then_some(self.asked)
    }

    fn answers(&self) -> Option<u64> {
        (self.end_flags & ANSWERS != 0).then_some(self.answers)
    }

    fn loose(&self) -> bool {
        self.end_flags & LOOSE != 0
    }

    fn end(&self) -> usize {
        usize::try_from(self.end_flags >> 8).unwrap_or(usize::MAX)
    }
}

impl Texts {
    /// The texts of `cards`, with their spellings if `with_spellings`.
    fn of_cards(cards: &[Card], with_spellings: bool) -> Texts {
        let mut parts = parallel::map_chunks(cards, CARDS_PER_THREAD, |_, chunk| {
            let mut part = Part {
                questions: Vec::with_capacity(chunk.len()),
                ..Part::default()
            };
            for card in chunk {
                part.push(card, with_spellings);
            }
            part.words.shrink_to_fit();
            part
        });
        let mut first = 0;
        for part in &mut parts {
            part.first = first;
            first += part.questions.len();
        }
        Texts { parts }
    }

    /// The part that holds card `i`, and the card's place in it.
    fn locate(&self, i: usize) -> (&Part, usize) {
        let p = self
            .parts
            .partition_point(|p| p.first <= i)
            .saturating_sub(1);
        let part = &self.parts[p];
        (part, i - part.first)
    }

    /// Every card's [`Question`], in the deck's order.
    fn questions(&self) -> impl Iterator<Item = &Question> + Clone {
        self.parts.iter().flat_map(|p| &p.questions)
    }

    fn question(&self, i: usize) -> &Question {
        let (part, k) = self.locate(i);
        &part.questions[k]
    }

    /// Every card's spellings, in the deck's order (none unless made with spellings).
    fn spellings(&self) -> impl Iterator<Item = &[(String, u64)]> {
        self.parts
            .iter()
            .flat_map(|p| p.spellings.iter().map(Vec::as_slice))
    }

    /// The content words of card `i`.
    fn words(&self, i: usize) -> &[u64] {
        let (part, k) = self.locate(i);
        let start = k.checked_sub(1).map_or(0, |p| part.questions[p].end());
        &part.words[start..part.questions[k].end()]
    }

    /// The hash of card `i`'s answers and its content words, when the rules on words compare
    /// it.
    fn compared(&self, i: usize) -> Option<(u64, &[u64])> {
        let answers = self.question(i).answers()?;
        let words = self.words(i);
        (!words.is_empty()).then_some((answers, words))
    }
}

impl Part {
    /// Adds what `card` asks.
    fn push(&mut self, card: &Card, with_spellings: bool) {
        let mut asked = IdHasher::default();
        // The prompt's words give both its normalised form (their concatenation, as
        // `normalised` makes it) and, for all but clozes, the content words below.
        let mut prompt = String::with_capacity(card.prompt.len());
        let words = &mut self.words;
        let start = words.len();
        let add_word = |words: &mut Vec<u64>, w: &str| {
            if !FUNCTION_WORDS.contains(&w) {
                let mut h = IdHasher::default();
                hash_str(&mut h, w);
                words.push(mix(h.finish()));
            }
        };
        for_each_normalised_word(&card.prompt, |w| {
            prompt.push_str(w);
            add_word(words, w);
        });
        if prompt.is_empty() {
            // A prompt of symbols only: `normalised` keeps them.
            prompt = normalised(&card.prompt);
        }
        hash_str(&mut asked, &prompt);
        let mut blank = prompt.is_empty();
        let mut question_words = String::new();
        let sorted = |texts: &mut dyn Iterator<Item = String>| {
            let mut v: Vec<String> = texts.collect();
            v.sort();
            v
        };
        match &card.kind {
            Kind::Cloze { parts } => {
                for part in parts {
                    match part {
                        ClozePart::Text(t) => {
                            hash_str(&mut asked, &normalised(t));
                            if question_words.is_empty() {
                                question_words.push_str(&card.prompt);
                            }
                            question_words.push(' ');
                            question_words.push_str(t);
                        }
                        ClozePart::Blank(_) => asked.write_u8(0xfe),
                        ClozePart::Hint(_) => {}
                    }
                }
                blank = false;
            }
            Kind::Order { items } => {
                for item in sorted(&mut items.iter().map(|s| normalised(s))) {
                    hash_str(&mut asked, &item);
                }
                blank = false;
            }
            Kind::Match { pairs } => {
                let pairs = pairs
                    .iter()
                    .map(|(l, r)| format!("{}\u{0}{}", normalised(l), normalised(r)));
                for pair in sorted(&mut pairs.into_iter()) {
                    hash_str(&mut asked, &pair);
                }
                blank = false;
            }
            _ => {}
        }
        let asked = (!blank).then(|| asked.finish());
        let mut answers = IdHasher::default();
        hash_str(&mut answers, card.kind.name());
        let mut correct = 0;
        let mut spellings = Vec::new();
        let known = match &card.kind {
            Kind::Basic { back } => {
                hash_str(&mut answers, &normalised(back));
                true
            }
            Kind::Typed { answer } => {
                hash_str(&mut answers, &normalised(&answer.text));
                if with_spellings {
                    spellings = answer
                        .all()
                        .map(|s| {
                            let mut h = IdHasher::default();
                            hash_str(&mut h, &typo_invariant(s));
                            (normalised(s), h.finish())
                        })
                        .collect();
                }
                true
            }
            Kind::Choice {
                correct: options, ..
            } => {
                let right: Vec<String> = options.iter().map(|s| normalised(s)).collect();
                let mut h = IdHasher::default();
                for k in sorted(&mut right.iter().cloned()) {
                    hash_str(&mut h, &k);
                }
                correct = h.finish();
                answers.write_u64(correct);
                true
            }
            Kind::TrueFalse { .. } => false,
            Kind::Number { answer, unit, .. } => {
                hash_str(&mut answers, &format_number(*answer, unit.as_deref()));
                true
            }
            Kind::Year { answer, .. } => {
                answers.write_i32(*answer);
                true
            }
            Kind::Date { answer } => {
                hash_str(&mut answers, &answer.to_string());
                true
            }
            Kind::List { items, ordered } => {
                let keys = items.iter().map(|a| normalised(&a.text));
                let keys = if *ordered {
                    keys.collect()
                } else {
                    sorted(&mut keys.into_iter())
                };
                for k in keys {
                    hash_str(&mut answers, &k);
                }
                true
            }
            Kind::Order { items } => {
                for item in items {
                    hash_str(&mut answers, &normalised(item));
                }
                true
            }
            Kind::Cloze { parts } => {
                for part in parts {
                    if let ClozePart::Blank(a) = part {
                        hash_str(&mut answers, &normalised(&a.text));
                    }
                }
                true
            }
            Kind::Match { pairs } => {
                let pairs = pairs
                    .iter()
                    .map(|(l, r)| format!("{}\u{0}{}", normalised(l), normalised(r)));
                for pair in sorted(&mut pairs.into_iter()) {
                    hash_str(&mut answers, &pair);
                }
                true
            }
        };
        if !question_words.is_empty() {
            // A cloze asks with its text too: its words are read as one text with the prompt.
            words.truncate(start);
            for_each_normalised_word(&question_words, |w| add_word(words, w));
        }
        if known {
            words[start..].sort_unstable();
            let mut kept = start;
            for k in start..words.len() {
                if kept == start || words[k] != words[kept - 1] {
                    words[kept] = words[k];
                    kept += 1;
                }
            }
            words.truncate(kept);
        } else {
            // Without its answers a card is never compared by its words.
            words.truncate(start);
        }
        let mut end_flags = (words.len() as u64) << 8;
        if asked.is_some() {
            end_flags |= ASKED;
        }
        if known {
            end_flags |= ANSWERS;
        }
        if !matches!(card.kind, Kind::Year { .. } | Kind::Number { .. }) {
            end_flags |= LOOSE;
        }
        self.questions.push(Question {
            asked: asked.unwrap_or(0),
            correct,
            answers: answers.finish(),
            end_flags,
        });
        if with_spellings {
            self.spellings.push(spellings);
        }
    }
}

/// The first (at most two) cards seen with some hash, kept from different facts so that a
/// card always finds an earlier one that is not its sibling when there is one. Card indices
/// are kept as `u32` (`EMPTY` for none): a 100k-card deck has about a hundred thousand of
/// these in its index of words.
#[derive(Debug, Clone, Copy)]
struct First([u32; 2]);

const EMPTY: u32 = u32::MAX;

impl Default for First {
    fn default() -> First {
        First([EMPTY; 2])
    }
}

impl First {
    fn cards(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().filter(|&&j| j != EMPTY).map(|&j| j as usize)
    }

    /// The first of these cards that comes before card `i` and is not its sibling. Cards are
    /// added in the deck's order, so those before `i` are what was kept when `i` was reached.
    fn find(&self, cards: &[Card], i: usize) -> Option<usize> {
        self.cards()
            .take_while(|&j| j < i)
            .find(|&j| !siblings(&cards[j], &cards[i]))
    }

    /// [`First::find`] as a `u32`, `EMPTY` for none.
    fn find_u32(&self, cards: &[Card], i: usize) -> u32 {
        self.find(cards, i)
            .and_then(|j| u32::try_from(j).ok())
            .unwrap_or(EMPTY)
    }

    fn add(&mut self, cards: &[Card], i: usize) {
        if self.cards().any(|j| siblings(&cards[j], &cards[i])) {
            return;
        }
        if let Some(slot) = self.0.iter_mut().find(|s| **s == EMPTY) {
            // Decks are far below four billion cards (the loader refuses absurd sizes).
            *slot = u32::try_from(i).unwrap_or(EMPTY);
        }
    }
}

/// Text cut to `max` characters for quoting in a message.
fn quote(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The answer of a card as a learner is shown it.
fn shown_answer(kind: &Kind) -> String {
    let text = match kind {
        Kind::Basic { back } => back.to_string(),
        Kind::Typed { answer } => answer.text.to_string(),
        Kind::Choice { correct, .. } => correct.join(", "),
        Kind::TrueFalse { answer } => answer.to_string(),
        Kind::Number { answer, unit, .. } => format_number(*answer, unit.as_deref()),
        Kind::Year { answer, .. } => answer.to_string(),
        Kind::Date { answer } => answer.to_string(),
        Kind::List { items, .. } => {
            let texts: Vec<&str> = items.iter().map(|a| a.text.as_str()).collect();
            texts.join(", ")
        }
        Kind::Order { items } => items.join(", "),
        Kind::Cloze { parts } => {
            let blanks: Vec<&str> = parts
                .iter()
                .filter_map(|p| match p {
                    ClozePart::Blank(a) => Some(a.text.as_str()),
                    ClozePart::Text(_) | ClozePart::Hint(_) => None,
                })
                .collect();
            blanks.join("; ")
        }
        Kind::Match { pairs } => {
            let texts: Vec<String> = pairs.iter().map(|(l, r)| format!("{l} = {r}")).collect();
            texts.join(", ")
        }
    };
    quote(&text, QUOTE)
}

/// The question of a card as a learner reads it (a cloze with its blanks).
fn shown_question(card: &Card) -> String {
    let mut text = card.prompt.trim().to_string();
    if let Kind::Cloze { parts } = &card.kind {
        let mut cloze = String::new();
        for part in parts {
            match part {
                ClozePart::Text(t) => cloze.push_str(t),
                ClozePart::Blank(_) => cloze.push_str("___"),
                ClozePart::Hint(_) => {}
            }
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(cloze.trim());
    }
    quote(&text, QUOTE)
}

/// Whether two sorted sets of word hashes are equal or differ by one added word.
fn near_sets(a: &[u64], b: &[u64]) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match large.len() - small.len() {
        0 => small == large,
        1 => {
            let mut extra = 0;
            let mut s = small.iter().peekable();
            for w in large {
                if s.peek() == Some(&w) {
                    s.next();
                } else {
                    extra += 1;
                }
            }
            extra == 1 && s.next().is_none()
        }
        _ => false,
    }
}

/// Two cards that ask the same thing: the same normalised question, or the same kind with the
/// same answers and prompts whose content words (the checker's normalised words, less words
/// such as "what" and "the") are the same, or for text answers the same but for one added
/// word. Each card is compared with the first earlier card that hashes alike (not its
/// sibling), and two facts are reported once, at their first pair of cards.
///
/// The two rules run one after the other, so that what each keeps per card (for a large deck,
/// most of what these checks cost in memory) is never held at once.
fn same_questions(deck: &Deck, texts: &Texts, out: &mut Vec<Diagnostic>) {
    let cards = &deck.cards;
    let exact = same_asked(cards, texts);
    let by_words = WordsIndex::new(cards, texts);
    let mut fact_pairs: HashSet<(&str, &str)> = HashSet::new();
    for (i, &first) in exact.iter().enumerate() {
        let (j, exact) = match first {
            EMPTY => match nearly_asked(cards, texts, &by_words, i) {
                Some(j) => (j, false),
                None => continue,
            },
            j => (j as usize, true),
        };
        let (a, b) = (&cards[i], &cards[j]);
        if let (Some(fa), Some(fb)) = (&a.fact, &b.fact)
            && !fact_pairs.insert((fa.as_str(), fb.as_str()))
        {
            continue;
        }
        out.push(same_question(a, b, exact));
    }
}

/// For each card, the first earlier card (not its sibling) that asks the same normalised
/// question, or `EMPTY`. A choice card is compared with choice cards that have the same right
/// options, and then with the other kinds.
///
/// Cards are sorted by what they ask rather than indexed in hash maps: a card is only ever
/// compared with cards that ask the same, so each run of them is worked through in the deck's
/// order, and the sorted list takes less room than hash maps would.
fn same_asked(cards: &[Card], texts: &Texts) -> Vec<u32> {
    let is_choice = |i: usize| matches!(cards[i].kind, Kind::Choice { .. });
    let asking = || {
        texts.questions().enumerate().filter_map(|(i, q)| {
            let asked = q.asked()?;
            Some((asked, q, u32::try_from(i).ok()?))
        })
    };
    let mut first = vec![EMPTY; cards.len()];
    let mut right: Vec<(u64, u64, u32)> = asking()
        .filter(|&(_, _, i)| is_choice(i as usize))
        .map(|(asked, q, i)| (asked, q.correct, i))
        .collect();
    right.sort_unstable();
    for run in right.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let mut seen = First::default();
        for &(.., i) in run {
            let i = i as usize;
            first[i] = seen.find_u32(cards, i);
            seen.add(cards, i);
        }
    }
    drop(right);
    let mut all: Vec<(u64, u32)> = asking().map(|(asked, _, i)| (asked, i)).collect();
    all.sort_unstable();
    for run in all.chunk_by(|a, b| a.0 == b.0) {
        // The first cards of any kind, and the first that are not choice cards.
        let (mut any, mut plain) = (First::default(), First::default());
        for &(_, i) in run {
            let i = i as usize;
            if is_choice(i) {
                if first[i] == EMPTY {
                    first[i] = plain.find_u32(cards, i);
                }
            } else {
                first[i] = any.find_u32(cards, i);
                plain.add(cards, i);
            }
            any.add(cards, i);
        }
    }
    first
}

/// What cards are kept under in [`WordsIndex`]: the hash of their answers and of a set of
/// words (the sum of the words' hashes, so that one word's can be taken out).
fn words_key(answers: u64, sum: u64) -> u64 {
    mix(answers ^ mix(sum))
}

fn word_sum(words: &[u64]) -> u64 {
    words.iter().fold(0u64, |s, w| s.wrapping_add(*w))
}

/// The cards compared by their answers and content words, under [`words_key`]s.
///
/// Built for the whole deck before any card is compared: a card then only looks at the cards
/// before it (see [`First::find`]), which are what it would have seen had the index grown card
/// by card. This lets a card one word longer be kept only under keys that some card has (the
/// only keys ever looked up): kept under every key it could have, it would take about three
/// entries per card, more than all the rest of these checks.
struct WordsIndex {
    /// The first cards with those answers and words.
    same: IdMap<u64, First>,
    /// The first loose cards with those answers and words, and one word more.
    more: IdMap<u64, First>,
}

impl WordsIndex {
    fn new(cards: &[Card], texts: &Texts) -> WordsIndex {
        let compared = (0..cards.len()).filter_map(|i| texts.compared(i).map(|c| (i, c)));
        // Sized up front: a map that grows holds its old and new tables at once while it
        // moves.
        let mut same: IdMap<u64, First> =
            IdMap::with_capacity_and_hasher(compared.clone().count(), Default::default());
        for (i, (answers, words)) in compared.clone() {
            same.entry(words_key(answers, word_sum(words)))
                .or_default()
                .add(cards, i);
        }
        let mut more: IdMap<u64, First> = IdMap::default();
        for (i, (answers, words)) in compared {
            if !(texts.question(i).loose() && words.len() >= 3) {
                continue;
            }
            let total = word_sum(words);
            for w in words {
                let key = words_key(answers, total.wrapping_sub(*w));
                if same.contains_key(&key) {
                    more.entry(key).or_default().add(cards, i);
                }
            }
        }
        WordsIndex { same, more }
    }
}

/// The first earlier card (not its sibling) with the same answers as card `i` and the same
/// content words, or for loose cards one word more or one less: among cards with the same
/// words first, then with one more, then with one less (its words in order).
fn nearly_asked(cards: &[Card], texts: &Texts, index: &WordsIndex, i: usize) -> Option<usize> {
    let (answers, words) = texts.compared(i)?;
    let loose = texts.question(i).loose();
    let total = word_sum(words);
    let key = |sum: u64| words_key(answers, sum);
    let near = |j: usize| {
        let other = texts.words(j);
        if loose {
            near_sets(other, words)
        } else {
            other == words
        }
    };
    let same = index.same.get(&key(total));
    let more = if loose && words.len() >= 2 {
        index.more.get(&key(total))
    } else {
        None
    };
    let fewer: &[u64] = if loose && words.len() >= 3 {
        words
    } else {
        &[]
    };
    let fewer = fewer
        .iter()
        .filter_map(|w| index.same.get(&key(total.wrapping_sub(*w))));
    same.into_iter()
        .chain(more)
        .chain(fewer)
        .filter_map(|f| f.find(cards, i))
        .find(|&j| near(j))
}

fn same_question(card: &Card, first: &Card, exact: bool) -> Diagnostic {
    let (mine, theirs) = (shown_answer(&card.kind), shown_answer(&first.kind));
    let same_answer = normalised(&mine) == normalised(&theirs);
    let (message, help) = match (exact, same_answer) {
        (true, true) => (
            format!(
                "card `{}` asks the same question as card `{}`",
                card.id, first.id
            ),
            "remove one of them, or reword one so that it asks something else",
        ),
        (true, false) => (
            format!(
                "card `{}` asks the same question as card `{}` but expects `{mine}` where that \
                 one expects `{theirs}`",
                card.id, first.id
            ),
            "a learner cannot tell which answer is wanted: say in each prompt what sets it \
             apart (a date, a place, a role), or merge the two cards",
        ),
        (false, _) => (
            format!(
                "card `{}` asks nearly the same question as card `{}`, with the same answer \
                 `{mine}`",
                card.id, first.id
            ),
            "if both test the same thing, keep one; if not, reword one so that the difference \
             is plain",
        ),
    };
    Diagnostic::warning(card.span, message)
        .with_help(help)
        .with_related(
            first.span,
            format!("card `{}` asks: {}", first.id, shown_question(first)),
        )
}

/// The answers a fact gives its choice cards, with their accepted spellings.
fn fact_answers(fact: &Fact) -> Vec<&Answer> {
    match &fact.kind {
        FactKind::Place { place, .. } => vec![place],
        FactKind::Person { name, .. } => vec![name],
        FactKind::Term { term, .. } => vec![term],
        FactKind::List { items, .. } => items.iter().collect(),
        FactKind::Event { .. } | FactKind::Number { .. } => Vec::new(),
    }
}

/// The texts a fact lends other facts' choice cards as wrong options.
fn fact_options(fact: &Fact) -> Vec<&str> {
    match &fact.kind {
        FactKind::Event { what, .. } => vec![what],
        FactKind::Place { subject, place, .. } => vec![subject, &place.text],
        FactKind::Person { role, .. } => vec![role],
        FactKind::List { items, .. } => items.iter().map(|a| a.text.as_str()).collect(),
        FactKind::Number { .. } => Vec::new(),
        FactKind::Term { definition, .. } => vec![definition],
    }
}

/// Wrong options of choice cards that the checker would take for a right answer (the same
/// normalised text as a correct option), or that the card's fact accepts as a spelling of its
/// answer. Written wrong options that the loader already reported (equal but for case and
/// spacing) are left to it; a generated one is reported once per pair of facts.
fn distractors(deck: &Deck, facts: &FactIndex, out: &mut Vec<Diagnostic>) {
    // Built on the first generated problem: the facts (two at most) that can lend each text.
    let mut lenders: Option<IdMap<String, Vec<usize>>> = None;
    let mut fact_pairs: HashSet<(usize, usize)> = HashSet::new();
    for card in &deck.cards {
        let Kind::Choice { correct, wrong } = &card.kind else {
            continue;
        };
        let own = card.fact.as_deref().and_then(|f| facts.get(f)).copied();
        let right: Vec<String> = correct.iter().map(|s| normalised(s)).collect();
        let wrong_keys: Vec<String> = wrong.iter().map(|s| normalised(s)).collect();
        // Every spelling of a fact answer that is one of the correct options.
        let accepted: Vec<(String, &str, &str)> = own
            .map(|i| fact_answers(&deck.facts[i]))
            .unwrap_or_default()
            .into_iter()
            .filter(|a| a.all().any(|s| right.contains(&normalised(s))))
            .flat_map(|a| a.all().map(move |s| (normalised(s), s, a.text.as_str())))
            .collect();
        for (w, k) in wrong.iter().zip(&wrong_keys) {
            if k.is_empty() {
                continue;
            }
            let problem = if let Some(c) = right.iter().position(|r| r == k) {
                Problem::Correct(&correct[c])
            } else if let Some((_, spelling, answer)) = accepted.iter().find(|(a, ..)| a == k) {
                Problem::Accepted(spelling, answer)
            } else {
                continue;
            };
            let Some(own) = own else {
                if let Problem::Correct(c) = problem
                    && !same(w, c)
                {
                    out.push(written_distractor(card, w, c));
                }
                continue;
            };
            let lenders = lenders.get_or_insert_with(|| {
                let mut map: IdMap<String, Vec<usize>> = IdMap::default();
                for (i, f) in deck.facts.iter().enumerate() {
                    for text in fact_options(f) {
                        let first = map.entry(normalised(text)).or_default();
                        // Two are enough: one of them is not the card's own fact.
                        if first.len() < 2 && !first.contains(&i) {
                            first.push(i);
                        }
                    }
                }
                map
            });
            let lender = lenders
                .get(k)
                .into_iter()
                .flatten()
                .copied()
                .find(|&i| i != own);
            if let Some(l) = lender
                && !fact_pairs.insert((own.min(l), own.max(l)))
            {
                continue;
            }
            let d = generated_distractor(card, w, problem);
            out.push(match lender.map(|l| &deck.facts[l]) {
                Some(l) => d.with_related(l.span, format!("drawn from fact `{}`", l.id)),
                None => d,
            });
        }
    }
}

/// What is wrong with a wrong option.
#[derive(Clone, Copy)]
enum Problem<'d> {
    /// It is the same answer as this correct option.
    Correct(&'d str),
    /// It is this accepted spelling of this answer.
    Accepted(&'d str, &'d str),
}

fn written_distractor(card: &Card, wrong: &str, correct: &str) -> Diagnostic {
    Diagnostic::error(
        card.span,
        format!(
            "wrong option `{}` of card `{}` is the same answer as the correct option `{}`",
            quote(wrong, QUOTE),
            card.id,
            quote(correct, QUOTE)
        ),
    )
    .with_help(
        "the checker ignores case, accents, punctuation, spaces and articles, so it would grade \
         this option as correct: change it or remove it",
    )
}

fn generated_distractor(card: &Card, wrong: &str, problem: Problem) -> Diagnostic {
    match problem {
        Problem::Correct(correct) => Diagnostic::warning(
            card.span,
            format!(
                "generated wrong option `{}` of card `{}` is the same answer as the correct \
                 option `{}`",
                quote(wrong, QUOTE),
                card.id,
                quote(correct, QUOTE)
            ),
        )
        .with_help(
            "the checker would grade this option as correct: if both facts mean the same thing, \
             write it the same way in both; otherwise reword one",
        ),
        Problem::Accepted(spelling, answer) => Diagnostic::warning(
            card.span,
            format!(
                "generated wrong option `{}` of card `{}` is `{}`, an accepted spelling of its \
                 answer `{}`",
                quote(wrong, QUOTE),
                card.id,
                quote(spelling, QUOTE),
                quote(answer, QUOTE)
            ),
        )
        .with_help(
            "a learner who picks it would be marked wrong: remove that spelling from `accept`, \
             or write the other fact's answer differently",
        ),
    }
}

/// One distinct normalised spelling among the typed answers of the deck.
struct Spelling<'d> {
    key: &'d str,
    /// Hash of what a typo may not change (digits, one-letter words).
    invariant: u64,
    /// As written on the first card that has it.
    text: &'d str,
    card: usize,
    /// The distinct answers (sets of spellings) that accept it.
    answers: Vec<usize>,
}

/// Typed answers (written, or generated from place, person and term facts) that the checker's
/// typo allowance would take for another answer of the deck. During study the checker refuses
/// such a typo because the other answer is in the deck, so what the learner meets is the
/// reverse: the other answer, or a slip near both, is marked wrong. Each pair of spellings is
/// reported once, at the later card.
fn typo_neighbours(deck: &Deck, texts: &Texts, out: &mut Vec<Diagnostic>) {
    let cards = &deck.cards;
    // Cards accepting the same set of spellings are one answer: (first card, sorted keys).
    let mut answers: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut answer_of: HashMap<Vec<&str>, usize> = HashMap::new();
    let mut spellings: Vec<Spelling> = Vec::new();
    let mut spelling_of: IdMap<&str, usize> = IdMap::default();
    for (i, (card, t)) in cards.iter().zip(texts.spellings()).enumerate() {
        let Kind::Typed { answer } = &card.kind else {
            continue;
        };
        let mut set: Vec<&str> = t
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !k.is_empty())
            .collect();
        set.sort_unstable();
        set.dedup();
        if set.is_empty() || answer_of.contains_key(&set) {
            continue;
        }
        let a = answers.len();
        answer_of.insert(set.clone(), a);
        answers.push((i, set));
        for ((key, invariant), text) in t.iter().zip(answer.all()) {
            if key.is_empty() {
                continue;
            }
            let s = *spelling_of.entry(key).or_insert_with(|| {
                spellings.push(Spelling {
                    key,
                    invariant: *invariant,
                    text,
                    card: i,
                    answers: Vec::new(),
                });
                spellings.len() - 1
            });
            if !spellings[s].answers.contains(&a) {
                spellings[s].answers.push(a);
            }
        }
    }
    let keys: Vec<(Vec<char>, u64)> = spellings
        .iter()
        .map(|s| (s.key.chars().collect(), s.invariant))
        .collect();
    // Unordered pair of spellings -> (spelling that passes, spelling it passes for, answer).
    let mut found: IdMap<(usize, usize), (usize, usize, usize)> = IdMap::default();
    let near = near_keys(&keys);
    if let Some(&first) = near.left_out.first() {
        let longest = near
            .left_out
            .iter()
            .map(|&x| keys[x].0.len())
            .max()
            .unwrap_or(0);
        let shortest = near
            .left_out
            .iter()
            .map(|&x| keys[x].0.len())
            .min()
            .unwrap_or(0);
        let d = Diagnostic::warning(
            cards[spellings[first].card].span,
            format!(
                "{} typed answer{} of {shortest} to {longest} characters {} not compared with \
                 the others for typos: the deck's answers are too long in all for that check",
                near.left_out.len(),
                if near.left_out.len() == 1 { "" } else { "s" },
                if near.left_out.len() == 1 {
                    "was"
                } else {
                    "were"
                },
            ),
        )
        .with_help(
            "long answers are hard to type exactly; shorten them, or make them choice cards",
        );
        out.push(d);
    }
    for (x, y) in near.pairs {
        let (sx, sy) = (&spellings[x], &spellings[y]);
        let Some(a) = sy.answers.iter().copied().find(|&a| {
            let (card, set) = &answers[a];
            let Kind::Typed { answer } = &cards[*card].kind else {
                return false;
            };
            set.binary_search(&sx.key).is_err() && passes_as_typo(answer, sx.text)
        }) else {
            continue;
        };
        match found.entry((x.min(y), x.max(y))) {
            Entry::Vacant(slot) => {
                slot.insert((x, y, a));
            }
            // Each passes for the other: report at the later card.
            Entry::Occupied(mut slot) => {
                let (ox, _, oa) = *slot.get();
                if spellings[ox].card < answers[oa].0 && sx.card > answers[a].0 {
                    slot.insert((x, y, a));
                }
            }
        }
    }
    let mut found: Vec<(usize, usize, usize)> = found.into_values().collect();
    found.sort_unstable_by_key(|&(x, y, a)| (spellings[x].card, answers[a].0, x, y));
    for (x, y, a) in found {
        let (sx, sy) = (&spellings[x], &spellings[y]);
        let (b, c) = (&cards[sx.card], &cards[answers[a].0]);
        let d = Diagnostic::warning(
            b.span,
            format!(
                "answer `{}` of card `{}` would pass for a misspelling of `{}`, the answer of \
                 card `{}`",
                quote(sx.text, QUOTE),
                b.id,
                quote(sy.text, QUOTE),
                c.id
            ),
        )
        .with_related(
            c.span,
            format!("card `{}` accepts `{}`", c.id, quote(sy.text, QUOTE)),
        )
        .with_help(
            "if both name the same thing, spell it the same way (or add the other spelling to \
             `accept`); if they differ, expect learners' near misses between them to be marked \
             wrong",
        );
        out.push(d);
    }
}

/// Allowances up to this are indexed by deletion variants of the whole key; larger ones (long
/// keys, which have too many such variants) by variants of halves.
const WHOLE: usize = 2;

/// The most pairs one shared variant may propose (see `near_keys`).
const MAX_MEETINGS: usize = 1024;

const WHOLE_TAG: u64 = 1 << 60;
const WHOLE_KEY: u64 = 0;
const PART: u64 = 1;
const HALF: u64 = 2;
const PREFIX_TAG: u64 = 2 << 60;
const SUFFIX_TAG: u64 = 3 << 60;

/// Calls `emit` with the hash (with `invariant` and `tag`) of every string made from `s` by
/// deleting at most `max` characters. Each variant's hash is put together from precomputed
/// polynomial hashes of the pieces between the deleted characters, so a variant costs
/// `O(max)` rather than a pass over the whole text: a 60,000-character answer has 60,000
/// one-deletion variants, and hashing each in full made checking it take minutes. Equal
/// strings always hash alike; unequal ones that collide only propose a pair for the checker
/// to reject.
fn deletions(s: &[char], max: usize, invariant: u64, tag: u64, emit: &mut dyn FnMut(u64)) {
    const BASE: u64 = 0x0000_0100_0000_01b3;
    struct Hashes {
        prefix: Vec<u64>,
        power: Vec<u64>,
    }
    impl Hashes {
        /// The hash of `s[a..b]`.
        fn piece(&self, a: usize, b: usize) -> u64 {
            self.prefix[b].wrapping_sub(self.prefix[a].wrapping_mul(self.power[b - a]))
        }
    }
    let n = s.len();
    let mut prefix = Vec::with_capacity(n + 1);
    let mut power = Vec::with_capacity(n + 1);
    prefix.push(0u64);
    power.push(1u64);
    for (i, c) in s.iter().enumerate() {
        prefix.push(prefix[i].wrapping_mul(BASE).wrapping_add(u64::from(*c) + 1));
        power.push(power[i].wrapping_mul(BASE));
    }
    let hashes = Hashes { prefix, power };
    let finish = |poly: u64, len: usize| {
        let mut h = IdHasher::default();
        h.write_u64(invariant);
        h.write_u64(tag);
        h.write_u64(poly);
        h.write_u64(len as u64);
        h.finish()
    };
    /// `kept`: the hash of what is kept before `start`, `len` its length; the characters
    /// from `start` on are all kept unless deleted at or after `from`.
    #[allow(clippy::too_many_arguments)]
    fn walk(
        hashes: &Hashes,
        n: usize,
        from: usize,
        left: usize,
        kept: u64,
        len: usize,
        start: usize,
        finish: &dyn Fn(u64, usize) -> u64,
        emit: &mut dyn FnMut(u64),
    ) {
        let whole = kept
            .wrapping_mul(hashes.power[n - start])
            .wrapping_add(hashes.piece(start, n));
        emit(finish(whole, len + n - start));
        if left == 0 {
            return;
        }
        for i in from..n {
            let before = kept
                .wrapping_mul(hashes.power[i - start])
                .wrapping_add(hashes.piece(start, i));
            walk(
                hashes,
                n,
                i + 1,
                left - 1,
                before,
                len + i - start,
                i + 1,
                finish,
                emit,
            );
        }
    }
    walk(&hashes, n, 0, max, 0, 0, 0, &finish, emit);
}

/// The `k + 1` points around the middle of a key of `len` characters where it is cut in two.
fn splits(len: usize, k: usize) -> Range<usize> {
    let start = (len / 2).saturating_sub(k / 2);
    start..(start + k + 1).min(len + 1)
}

/// A part of a key to index: its tag (prefix or suffix, and the length of the half it may
/// meet), where it starts and ends in the key, and how many characters may be deleted.
type Probe = (u64, usize, usize, usize);

/// How a key of `lx` characters is indexed, when the longest allowance of any key is
/// `reach`: fills `probes` with its parts that may meet halves of other keys, and returns
/// how many characters its whole-key variants delete (0: none).
fn plan(lx: usize, reach: usize, probes: &mut Vec<Probe>) -> usize {
    let mut whole = 0;
    probes.clear();
    for len in lx.saturating_sub(reach)..=lx + reach {
        let k = typo_allowance(len);
        if k == 0 || len.abs_diff(lx) > k {
            continue;
        }
        if k <= WHOLE {
            whole = whole.max(k);
            continue;
        }
        let h = k / 2;
        for s in splits(len, k) {
            for p in s.saturating_sub(h)..=(s + h).min(lx) {
                probes.push((PREFIX_TAG | s as u64, 0, p, h));
            }
            let rest = len - s;
            for q in rest.saturating_sub(h)..=(rest + h).min(lx) {
                probes.push((SUFFIX_TAG | rest as u64, lx - q, lx, h));
            }
        }
    }
    probes.sort_unstable();
    probes.dedup();
    whole
}

/// How many strings deleting at most `max` of `n` characters makes (what `deletions` emits).
fn deletion_count(n: usize, max: usize) -> u64 {
    let mut choose = 1u64;
    let mut sum = 1u64;
    for d in 1..=max.min(n) {
        choose = choose.saturating_mul((n + 1 - d) as u64) / d as u64;
        sum = sum.saturating_add(choose);
    }
    sum
}

/// How many index entries a key of `lx` characters makes (before equal ones are merged).
fn entry_count(lx: usize, reach: usize, probes: &mut Vec<Probe>) -> u64 {
    let k = typo_allowance(lx);
    let mut n = 0u64;
    if k > WHOLE {
        for s in splits(lx, k) {
            n += deletion_count(s, k / 2) + deletion_count(lx - s, k / 2);
        }
    }
    let whole = plan(lx, reach, probes);
    if whole > 0 {
        n += deletion_count(lx, whole);
    }
    for &(_, from, to, max) in probes.iter() {
        n += deletion_count(to - from, max);
    }
    n
}

/// Calls `emit(hash, side)` for every index entry of key `key`.
fn entries(
    key: &[char],
    invariant: u64,
    reach: usize,
    probes: &mut Vec<Probe>,
    emit: &mut dyn FnMut(u64, u64),
) {
    let lx = key.len();
    let k = typo_allowance(lx);
    if k > WHOLE {
        for s in splits(lx, k) {
            let (prefix, suffix) = (PREFIX_TAG | s as u64, SUFFIX_TAG | (lx - s) as u64);
            let mut add = |h: u64| emit(h, HALF);
            deletions(&key[..s], k / 2, invariant, prefix, &mut add);
            deletions(&key[s..], k / 2, invariant, suffix, &mut add);
        }
    }
    let whole = plan(lx, reach, probes);
    if whole > 0 {
        deletions(key, whole, invariant, WHOLE_TAG, &mut |h| {
            emit(h, WHOLE_KEY)
        });
    }
    for &(tag, from, to, max) in probes.iter() {
        deletions(&key[from..to], max, invariant, tag, &mut |h| emit(h, PART));
    }
}

/// Index entries sorted at once: 16 million take 128 MB. A deck whose answers make more is
/// indexed in several passes, each keeping the entries of one band of hashes, so the memory
/// stays the same whatever the deck holds.
const ENTRIES_PER_PASS: u64 = 16 << 20;

/// Index entries of all passes together (four passes): a deck with more answer text than
/// that (about 1.3 million characters of typed answers over 15 letters, or 1.1 million of
/// eight-letter ones) leaves its longest answers out, so the time is bounded too.
const MAX_ENTRIES: u64 = 4 * ENTRIES_PER_PASS;

/// What `near_keys` found: pairs of keys, and the keys it left out (the longest ones) to stay
/// within [`MAX_ENTRIES`].
#[derive(Debug, Default, PartialEq)]
struct Near {
    pairs: Vec<(usize, usize)>,
    left_out: Vec<usize>,
}

/// Pairs `(x, y)` of `keys` (indices, x ≠ y) where x may pass for a misspelling of y: every pair
/// with the same invariant (the second field) within the checker's allowance for y (edit
/// distance and length difference), and possibly others, which the caller checks with the
/// checker's own rule.
///
/// No two keys are compared unless they share a variant. Two keys within k edits
/// (Damerau–Levenshtein) become equal once at most k characters are deleted from each (a
/// substitution or a transposition costs one deletion on each side), so each key with an
/// allowance up to [`WHOLE`] gives its variants with as many deletions as any key it may be
/// confused with allows. A longer key y is cut in two at each of `k + 1` points around its
/// middle; an edit spans at most as many cut points as it costs, so one cut is spanned by none,
/// and then one half of y is within `k / 2` edits of the matching part of x, which starts or
/// ends at most `k / 2` characters from the cut: y gives its halves' variants with `k / 2`
/// deletions, and x the variants of its parts that could match them. Variants are hashed and
/// packed with the key's index into one sorted list, so the work is a sort and one pass, with
/// no random lookups into a large table.
///
/// A key makes about 50 entries per character once it is over 15 characters long, so the
/// entries are counted first (from the keys' lengths alone): more than [`ENTRIES_PER_PASS`]
/// are sorted in bands of hashes, one after the other, and past [`MAX_ENTRIES`] the longest
/// keys are left out and returned as such.
fn near_keys(keys: &[(Vec<char>, u64)]) -> Near {
    near_keys_within(keys, ENTRIES_PER_PASS, MAX_ENTRIES)
}

/// [`near_keys`] with other limits (for tests).
fn near_keys_within(keys: &[(Vec<char>, u64)], per_pass: u64, max: u64) -> Near {
    let id_bits = (usize::BITS - keys.len().leading_zeros()).max(1);
    let id_mask = (1u64 << id_bits) - 1;
    // The variant's hash, then what it is a variant of (a whole key, a part of x, a half of
    // y), then the key's index.
    let pack =
        |h: u64, side: u64, id: usize| ((h >> (id_bits + 2) << 2) | side) << id_bits | id as u64;
    let hash_of = |e: u64| e >> (id_bits + 2);
    let side_of = |e: u64| (e >> id_bits) & 3;
    let longest = keys.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let reach = (0..=2 * longest + 8).map(typo_allowance).max().unwrap_or(0);
    let (ids, left_out, total) = within_budget(keys, reach, max);
    let passes = total.div_ceil(per_pass).max(1);
    let mut pairs = Vec::new();
    for pass in 0..passes {
        let parts = parallel::map_chunks(&ids, KEYS_PER_THREAD, |_, chunk| {
            let mut out: Vec<u64> = Vec::new();
            let mut probes: Vec<Probe> = Vec::new();
            for &x in chunk {
                let (key, invariant) = &keys[x];
                entries(key, *invariant, reach, &mut probes, &mut |h, side| {
                    let e = pack(h, side, x);
                    if hash_of(e) % passes == pass {
                        out.push(e);
                    }
                });
            }
            out
        });
        let mut all: Vec<u64> = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for part in parts {
            all.extend_from_slice(&part);
        }
        all.sort_unstable();
        all.dedup();
        for run in all.chunk_by(|a, b| hash_of(*a) == hash_of(*b)) {
            if run.len() < 2 {
                continue;
            }
            // Whole keys meet each other; parts of x meet halves of y. The run is sorted by
            // side.
            let of = |side: u64| run.iter().copied().filter(move |e| side_of(*e) == side);
            let (wholes, parts, halves) = (of(WHOLE_KEY), of(PART), of(HALF));
            // A variant shared by very many answers (numbered answers such as "Route 12",
            // "Route 13", ...) would make this quadratic: such a family is too regular to be
            // a spelling slip, so it is left out and the check stays near-linear on any deck.
            let (w, p, h) = (
                wholes.clone().count(),
                parts.clone().count(),
                halves.clone().count(),
            );
            if w * w + p * h > MAX_MEETINGS {
                continue;
            }
            let meetings = wholes
                .clone()
                .flat_map(|x| wholes.clone().map(move |y| (x, y)))
                .chain(parts.flat_map(|x| halves.clone().map(move |y| (x, y))));
            for (x, y) in meetings {
                let (x, y) = ((x & id_mask) as usize, (y & id_mask) as usize);
                let (lx, ly) = (keys[x].0.len(), keys[y].0.len());
                if x != y && lx.abs_diff(ly) <= typo_allowance(ly) {
                    pairs.push((x, y));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    Near { pairs, left_out }
}

/// The keys to index (in order), the keys left out (the longest, in order), and how many
/// entries the indexed ones make: at most `max`.
fn within_budget(
    keys: &[(Vec<char>, u64)],
    reach: usize,
    max: u64,
) -> (Vec<usize>, Vec<usize>, u64) {
    // Counts depend on the length alone; a deck has few distinct lengths.
    let mut by_length: HashMap<usize, u64> = HashMap::new();
    let mut probes = Vec::new();
    let counts: Vec<u64> = keys
        .iter()
        .map(|(k, _)| {
            *by_length
                .entry(k.len())
                .or_insert_with(|| entry_count(k.len(), reach, &mut probes))
        })
        .collect();
    let mut total: u64 = counts.iter().sum();
    let mut left_out = Vec::new();
    if total > max {
        let mut longest_first: Vec<usize> = (0..keys.len()).collect();
        longest_first.sort_by_key(|&x| std::cmp::Reverse((keys[x].0.len(), x)));
        for x in longest_first {
            if total <= max {
                break;
            }
            total -= counts[x];
            left_out.push(x);
        }
        left_out.sort_unstable();
    }
    let ids = (0..keys.len())
        .filter(|x| left_out.binary_search(x).is_err())
        .collect();
    (ids, left_out, total)
}

// `leak` lives with the other shared text rules, below the generator and the checks.
pub use crate::deck::text::{Leak, leak};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{AnswerPool, Verdict, check};
    use crate::deck::load::load;
    use crate::deck::{Answer, Card, CardId, Fact, FactKind, Span, Tags, Text};

    const HEAD: &str = "format = 1\nid = \"t\"\ntitle = \"T\"\n";

    /// Every diagnostic of the deck HEAD + `body` (whose first line is line 4), as
    /// "line:col severity: message", then "  related line:col note" per related span.
    fn report(body: &str) -> Vec<String> {
        let src = format!("{HEAD}{body}");
        let mut out = Vec::new();
        for d in load(src.as_bytes()).diagnostics {
            let (line, col) = d.line_col(&src);
            out.push(format!(
                "{line}:{col} {}: {}",
                d.severity.label(),
                d.message
            ));
            for (span, note) in &d.related {
                let (line, col) = crate::diagnostic::line_col(&src, span.start);
                out.push(format!("  related {line}:{col} {note}"));
            }
        }
        out
    }

    /// The help of the only diagnostic of HEAD + `body`.
    fn help(body: &str) -> String {
        let loaded = load(format!("{HEAD}{body}").as_bytes());
        assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
        loaded.diagnostics[0].help.clone().unwrap_or_default()
    }

    fn typed(id: &str, prompt: &str, answer: &str) -> String {
        format!(
            "\n[[card]]\nid = \"{id}\"\nkind = \"typed\"\nprompt = \"{prompt}\"\nanswer = \"{answer}\"\n"
        )
    }

    fn choice(id: &str, prompt: &str, correct: &str, wrong: &[&str]) -> String {
        let wrong: Vec<String> = wrong.iter().map(|w| format!("\"{w}\"")).collect();
        format!(
            "\n[[card]]\nid = \"{id}\"\nkind = \"choice\"\nprompt = \"{prompt}\"\ncorrect = \"{correct}\"\nwrong = [{}]\n",
            wrong.join(", ")
        )
    }

    fn fact(id: &str, kind: &str, fields: &str) -> String {
        format!("\n[[fact]]\nid = \"{id}\"\nkind = \"{kind}\"\n{fields}\n")
    }

    /// Two more place facts, so that the place facts before them have enough wrong options
    /// for their choice questions (at least two of the same type).
    fn two_more_places() -> String {
        fact("r", "place", "subject = \"the union\"\nplace = \"Zenda\"")
            + &fact(
                "s",
                "place",
                "subject = \"the council\"\nplace = \"Strelsau\"",
            )
    }

    #[test]
    fn loading_for_use_keeps_every_error_and_skips_the_similarity_warnings() {
        use crate::deck::load::{Checks, load_with};
        use crate::diagnostic::Severity;
        let similar = typed("a", "What is the capital of Uzbekistan?", "Tashkent")
            + &typed("b", "what is the CAPITAL of uzbekistan", "Samarkand");
        let src = format!("{HEAD}{similar}");
        let used = load_with(src.as_bytes(), Checks::Errors);
        assert!(used.diagnostics.is_empty(), "{:?}", used.diagnostics);
        assert!(used.deck.is_some());
        assert_eq!(load(src.as_bytes()).diagnostics.len(), 1);
        let broken = similar
            + &choice(
                "c",
                "What does the SCO promote?",
                "cooperation",
                &["Co-operation"],
            )
            + &typed("a", "Which river?", "Amu Darya");
        let src = format!("{HEAD}{broken}");
        let errors = |checks| -> Vec<String> {
            load_with(src.as_bytes(), checks)
                .diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| d.message)
                .collect()
        };
        assert_eq!(errors(Checks::Errors), errors(Checks::All));
        assert_eq!(errors(Checks::Errors).len(), 2);
        assert!(load_with(src.as_bytes(), Checks::Errors).deck.is_none());
    }

    #[test]
    fn the_same_prompt_with_another_answer_is_reported() {
        let body = typed("a", "What is the capital of Uzbekistan?", "Tashkent")
            + &typed("b", "what is the CAPITAL of uzbekistan", "Samarkand");
        assert_eq!(
            report(&body),
            [
                "11:1 warning: card `b` asks the same question as card `a` but expects `Samarkand` where that one expects `Tashkent`",
                "  related 5:1 card `a` asks: What is the capital of Uzbekistan?",
            ]
        );
        assert_eq!(
            help(&body),
            "a learner cannot tell which answer is wanted: say in each prompt what sets it apart (a date, a place, a role), or merge the two cards"
        );
    }

    #[test]
    fn the_same_prompt_and_answer_in_another_kind_is_reported() {
        let body = typed("a", "Where is RATS based?", "Tashkent")
            + &choice(
                "b",
                "Where is RATS based?",
                "Tashkent",
                &["Bishkek", "Almaty"],
            );
        assert_eq!(
            report(&body),
            [
                "11:1 warning: card `b` asks the same question as card `a`",
                "  related 5:1 card `a` asks: Where is RATS based?",
            ]
        );
        assert_eq!(
            help(&body),
            "remove one of them, or reword one so that it asks something else"
        );
    }

    #[test]
    fn choice_cards_with_one_prompt_and_different_right_options_are_different_questions() {
        let body = choice(
            "a",
            "Which of these joined in 2017?",
            "India",
            &["Iran", "Iraq"],
        ) + &choice(
            "b",
            "Which of these joined in 2017?",
            "Pakistan",
            &["Iran", "Iraq"],
        );
        assert_eq!(report(&body), Vec::<String>::new());
    }

    #[test]
    fn cards_of_one_fact_may_share_a_prompt() {
        // `where` and `where-choice` of each fact ask "Where is the headquarters of ...?".
        let body = fact("p", "place", "subject = \"RATS\"\nplace = \"Tashkent\"")
            + &fact(
                "q",
                "place",
                "subject = \"the Secretariat\"\nplace = \"Beijing\"",
            )
            + &two_more_places();
        assert_eq!(report(&body), Vec::<String>::new());
    }

    #[test]
    fn two_facts_asking_the_same_thing_are_reported_once() {
        let role = "role = \"Secretary-General\"\ncurrent = false";
        let body = fact("w1", "person", &format!("name = \"Zhang Deguang\"\n{role}"))
            + &fact(
                "w2",
                "person",
                &format!("name = \"Bolat Nurgaliyev\"\n{role}"),
            );
        assert_eq!(
            report(&body),
            [
                "5:1 warning: skipped `w1/role`: a choice question needs at least 2 wrong options of the same type as its answer, and only 0 roles could be drawn",
                "12:1 warning: skipped `w2/role`: a choice question needs at least 2 wrong options of the same type as its answer, and only 0 roles could be drawn",
                "12:1 warning: card `w2/who` asks the same question as card `w1/who` but expects `Bolat Nurgaliyev` where that one expects `Zhang Deguang`",
                "  related 5:1 card `w1/who` asks: Who was the Secretary-General?",
            ]
        );
    }

    #[test]
    fn a_prompt_one_word_longer_with_the_same_answer_is_reported() {
        let body = typed(
            "a",
            "Who was the first Secretary-General of the SCO?",
            "Zhang Deguang",
        ) + &typed(
            "b",
            "Who was the Secretary-General of the SCO?",
            "Zhang Deguang",
        );
        assert_eq!(
            report(&body),
            [
                "11:1 warning: card `b` asks nearly the same question as card `a`, with the same answer `Zhang Deguang`",
                "  related 5:1 card `a` asks: Who was the first Secretary-General of the SCO?",
            ]
        );
        assert_eq!(
            help(&body),
            "if both test the same thing, keep one; if not, reword one so that the difference is plain"
        );
    }

    #[test]
    fn a_prompt_one_word_shorter_with_the_same_answer_is_reported() {
        let body = typed("a", "Who heads the SCO Secretariat?", "Zhang Ming")
            + &typed("b", "Who heads the SCO Secretariat today?", "Zhang Ming");
        assert_eq!(
            report(&body),
            [
                "11:1 warning: card `b` asks nearly the same question as card `a`, with the same answer `Zhang Ming`",
                "  related 5:1 card `a` asks: Who heads the SCO Secretariat?",
            ]
        );
    }

    #[test]
    fn a_nearly_same_question_points_at_the_first_earlier_card_with_its_words() {
        // `c` and `d` add only words such as "is" and "it" to `b`, and `a` one word more.
        let body = typed("a", "Who heads the SCO Secretariat today?", "Zhang Ming")
            + &typed("b", "Who heads the SCO Secretariat?", "Zhang Ming")
            + &typed(
                "c",
                "Who is it that heads the SCO Secretariat?",
                "Zhang Ming",
            )
            + &typed(
                "d",
                "Who was it that heads the SCO Secretariat?",
                "Zhang Ming",
            );
        assert_eq!(
            report(&body),
            [
                "11:1 warning: card `b` asks nearly the same question as card `a`, with the same answer `Zhang Ming`",
                "  related 5:1 card `a` asks: Who heads the SCO Secretariat today?",
                "17:1 warning: card `c` asks nearly the same question as card `b`, with the same answer `Zhang Ming`",
                "  related 11:1 card `b` asks: Who heads the SCO Secretariat?",
                "23:1 warning: card `d` asks nearly the same question as card `b`, with the same answer `Zhang Ming`",
                "  related 11:1 card `b` asks: Who heads the SCO Secretariat?",
            ]
        );
    }

    #[test]
    fn similar_prompts_with_different_answers_are_different_questions() {
        let body = typed("a", "Which city hosts the SCO Secretariat?", "Beijing")
            + &typed(
                "b",
                "Which city hosts the SCO anti-terror structure?",
                "Tashkent",
            );
        assert_eq!(report(&body), Vec::<String>::new());
    }

    #[test]
    fn years_need_the_same_words_not_nearly_the_same() {
        let year = |id: &str, prompt: &str| {
            format!(
                "\n[[card]]\nid = \"{id}\"\nkind = \"year\"\nprompt = \"{prompt}\"\nanswer = 2001\n"
            )
        };
        let body = year("a", "In what year was the SCO founded?")
            + &year("b", "In what year was the SCO Council founded?");
        assert_eq!(report(&body), Vec::<String>::new());
        let body = year("a", "In what year was the SCO founded?")
            + &year("b", "The SCO was founded in what year?");
        assert_eq!(
            report(&body),
            [
                "11:1 warning: card `b` asks nearly the same question as card `a`, with the same answer `2001`",
                "  related 5:1 card `a` asks: In what year was the SCO founded?",
            ]
        );
    }

    #[test]
    fn a_written_wrong_option_equal_to_the_correct_one_is_an_error() {
        let body = choice(
            "c",
            "What does the SCO promote?",
            "cooperation",
            &["Co-operation", "rivalry"],
        );
        let loaded = load(format!("{HEAD}{body}").as_bytes());
        assert!(loaded.deck.is_none());
        assert_eq!(
            report(&body),
            [
                "5:1 error: wrong option `Co-operation` of card `c` is the same answer as the correct option `cooperation`"
            ]
        );
        assert_eq!(
            help(&body),
            "the checker ignores case, accents, punctuation, spaces and articles, so it would grade this option as correct: change it or remove it"
        );
    }

    #[test]
    fn options_the_loader_already_reported_are_not_reported_again() {
        let body = choice("c", "Q?", "Paris", &["Lyon", " paris"]);
        assert_eq!(
            report(&body),
            [
                "10:18 error: option `paris` is listed as both correct and wrong in card `c`",
                "  related 9:11 listed as correct here",
            ]
        );
    }

    #[test]
    fn a_generated_wrong_option_equal_to_the_answer_is_reported_once_per_pair_of_facts() {
        let body = fact(
            "p",
            "place",
            "subject = \"the foundation\"\nplace = \"St. Petersburg\"",
        ) + &fact(
            "q",
            "place",
            "subject = \"the archive\"\nplace = \"St Petersburg\"",
        ) + &two_more_places();
        assert_eq!(
            report(&body),
            [
                "5:1 warning: generated wrong option `St Petersburg` of card `p/where-choice` is the same answer as the correct option `St. Petersburg`",
                "  related 11:1 drawn from fact `q`",
            ]
        );
        let help = load(format!("{HEAD}{body}").as_bytes()).diagnostics[0]
            .help
            .clone();
        assert_eq!(
            help.as_deref(),
            Some(
                "the checker would grade this option as correct: if both facts mean the same thing, write it the same way in both; otherwise reword one"
            )
        );
    }

    #[test]
    fn a_generated_wrong_option_that_is_an_accepted_spelling_is_reported() {
        let body = fact(
            "p",
            "place",
            "subject = \"the Secretariat\"\nplace = \"Beijing\"\naccept = [\"Peking\"]",
        ) + &fact(
            "q",
            "place",
            "subject = \"the old office\"\nplace = \"Pe-king\"",
        ) + &two_more_places();
        assert_eq!(
            report(&body),
            [
                "5:1 warning: generated wrong option `Pe-king` of card `p/where-choice` is `Peking`, an accepted spelling of its answer `Beijing`",
                "  related 12:1 drawn from fact `q`",
            ]
        );
    }

    #[test]
    fn an_answer_within_typo_distance_of_another_is_reported_at_the_later_card() {
        let body = typed("a", "What is the capital of Uzbekistan?", "Tashkent")
            + &typed("b", "Which city is the RATS based in?", "Toshkent");
        assert_eq!(
            report(&body),
            [
                "11:1 warning: answer `Toshkent` of card `b` would pass for a misspelling of `Tashkent`, the answer of card `a`",
                "  related 5:1 card `a` accepts `Tashkent`",
            ]
        );
        assert_eq!(
            help(&body),
            "if both name the same thing, spell it the same way (or add the other spelling to `accept`); if they differ, expect learners' near misses between them to be marked wrong"
        );
    }

    #[test]
    fn the_typo_warning_describes_what_the_checker_does() {
        let body = typed("a", "What is the capital of Uzbekistan?", "Tashkent")
            + &typed("b", "Which city is the RATS based in?", "Toshkent");
        let deck = load(format!("{HEAD}{body}").as_bytes()).deck.unwrap();
        let a = &deck.cards[0].kind;
        // Alone, the checker takes one for a misspelling of the other ...
        let alone = check(a, "Toshkent", &[], &AnswerPool::default());
        assert_eq!(alone.verdict, Verdict::Typo);
        // ... and in the deck it refuses it, as the warning says.
        let outcome = check(a, "Toshkent", &[], &AnswerPool::new(&deck.cards));
        assert_eq!(outcome.verdict, Verdict::Wrong);
        assert_eq!(
            outcome.note.as_deref(),
            Some("Too close to another answer in this deck: Toshkent")
        );
    }

    #[test]
    fn a_short_answer_passes_for_a_longer_one_only_within_the_allowance() {
        // Answers of four characters or fewer allow no typo at all.
        let body = typed("a", "Which country joined in 2017?", "Iran")
            + &typed("b", "Which country lies west of Iran?", "Iraq");
        assert_eq!(report(&body), Vec::<String>::new());
        let body = typed("a", "Which state did Napoleon defeat at Jena?", "Prussia")
            + &typed("b", "Which state did Napoleon invade in 1812?", "Russia");
        assert_eq!(
            report(&body),
            [
                "11:1 warning: answer `Russia` of card `b` would pass for a misspelling of `Prussia`, the answer of card `a`",
                "  related 5:1 card `a` accepts `Prussia`",
            ]
        );
    }

    #[test]
    fn answers_differing_in_a_digit_or_a_letter_word_are_not_typos() {
        let body = typed("a", "Which group met in Osaka?", "Group 20")
            + &typed("b", "Which group met in Kyoto?", "Group 21")
            + &typed("c", "Which vitamin do carrots give?", "Vitamin A")
            + &typed("d", "Which vitamin do oranges give?", "Vitamin C");
        assert_eq!(report(&body), Vec::<String>::new());
    }

    #[test]
    fn spellings_of_one_answer_are_not_typos_of_each_other() {
        let body = "\n[[card]]\nid = \"a\"\nkind = \"typed\"\nprompt = \"Capital?\"\nanswer = \"Tashkent\"\naccept = [\"Toshkent\"]\n";
        assert_eq!(report(body), Vec::<String>::new());
    }

    #[test]
    fn generated_answers_are_compared_too() {
        let body = fact(
            "p",
            "place",
            "subject = \"the old office\"\nplace = \"Bishkek\"",
        ) + &fact(
            "q",
            "place",
            "subject = \"the new office\"\nplace = \"Bishkak\"",
        ) + &two_more_places();
        assert_eq!(
            report(&body),
            [
                "11:1 warning: answer `Bishkak` of card `q/where` would pass for a misspelling of `Bishkek`, the answer of card `p/where`",
                "  related 5:1 card `p/where` accepts `Bishkek`",
            ]
        );
    }

    #[test]
    fn a_starved_fact_says_how_many_more_facts_it_needs() {
        let body = fact(
            "hq",
            "place",
            "subject = \"the Secretariat\"\nplace = \"Beijing\"",
        );
        assert_eq!(
            report(&body),
            [
                "5:1 warning: skipped `hq/where-choice` and `hq/which`: a choice question needs at least 2 wrong options of the same type as its answer, and only 0 cities and 0 organisations could be drawn"
            ]
        );
        assert_eq!(
            help(&body),
            "wrong options come from other place facts with answers of the same type: add at least 2 more (a `place_kind` groups places of one kind)"
        );
    }

    /// A small deterministic generator for the tests below.
    fn strings(
        n: usize,
        alphabet: &[char],
        lengths: Range<usize>,
        mut seed: u64,
    ) -> Vec<Vec<char>> {
        let mut next = move || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        (0..n)
            .map(|_| {
                let len = lengths.start + next() % (lengths.end - lengths.start);
                (0..len)
                    .map(|_| alphabet[next() % alphabet.len()])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn very_long_answers_are_compared_without_stalling() {
        // Two answers as long as a deck allows, two edits apart: each used to cost a pass
        // over the whole text per deletion variant (20,000 characters took about 40 s in a
        // release build).
        let long = "k".repeat(crate::deck::load::MAX_ANSWER - 2);
        let body = typed("a", "First?", &format!("x{long}y"))
            + &typed("b", "Second?", &format!("z{long}w"));
        let lines = report(&body);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].starts_with("11:1 warning: answer `zkkk"),
            "{}",
            lines[0]
        );
    }

    #[test]
    fn deletion_variants_hash_as_the_strings_they_are() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let hashes = |s: &str, max: usize| {
            let mut out = Vec::new();
            deletions(&chars(s), max, 7, WHOLE_TAG, &mut |h| out.push(h));
            out
        };
        let one = |s: &str| hashes(s, 0)[0];
        let mut got = hashes("tashkent", 2);
        got.sort_unstable();
        got.dedup();
        let mut want = Vec::new();
        let word = chars("tashkent");
        for i in 0..=word.len() {
            for j in i..=word.len() {
                let mut v = word.clone();
                if j < v.len() {
                    v.remove(j);
                }
                if i < v.len() && i < j {
                    v.remove(i);
                }
                want.push(one(&v.iter().collect::<String>()));
            }
        }
        want.sort_unstable();
        want.dedup();
        assert_eq!(got, want);
        assert_ne!(one("ab"), one("ba"));
        let mut other = Vec::new();
        deletions(&chars("ab"), 0, 8, WHOLE_TAG, &mut |h| other.push(h));
        assert_ne!(other[0], one("ab"), "the invariant is part of the hash");
    }

    #[test]
    fn near_keys_finds_every_pair_the_allowance_admits() {
        // A small alphabet makes close pairs common, at every length the allowance changes.
        let mut keys = strings(400, &['a', 'b', 'c'], 3..22, 7);
        for i in 0..100 {
            // Near copies with a transposition, an insertion and a deletion.
            let mut k = keys[i].clone();
            let n = k.len();
            k.swap(n / 2 - 1, n / 2);
            k.insert(n / 3, 'c');
            k.remove(2 * n / 3);
            keys.push(k);
        }
        // The caller passes distinct keys.
        keys.sort();
        keys.dedup();
        let keyed: Vec<(Vec<char>, u64)> = keys.iter().map(|k| (k.clone(), 0)).collect();
        let found: HashSet<(usize, usize)> = near_keys(&keyed).pairs.into_iter().collect();
        let text: Vec<String> = keys.iter().map(|k| k.iter().collect()).collect();
        let mut by_allowance = [0; 4];
        for (x, a) in text.iter().enumerate() {
            for (y, b) in text.iter().enumerate() {
                let k = typo_allowance(keys[y].len());
                if x != y
                    && keys[x].len().abs_diff(keys[y].len()) <= k
                    && strsim::damerau_levenshtein(a, b) <= k
                {
                    by_allowance[k] += 1;
                    assert!(found.contains(&(x, y)), "missed {a} for {b}");
                }
            }
        }
        // Every way of indexing was put to the test.
        assert!(
            by_allowance[1..].iter().all(|&n| n >= 20),
            "{by_allowance:?}"
        );
    }

    #[test]
    fn entries_are_counted_from_the_length_alone() {
        let mut probes = Vec::new();
        for reach in [0, 2, 3] {
            for len in 0..80 {
                let key: Vec<char> =
                    strings(1, &['a', 'b', 'c'], len..len + 1, len as u64).remove(0);
                let mut emitted = 0u64;
                entries(&key, 0, reach, &mut probes, &mut |_, _| emitted += 1);
                assert_eq!(
                    entry_count(len, reach, &mut probes),
                    emitted,
                    "length {len}, reach {reach}"
                );
            }
        }
        assert_eq!(deletion_count(10, 2), 1 + 10 + 45);
        assert_eq!(deletion_count(1, 3), 2);
        // What one answer costs the index, pinned: an answer over 15 characters makes 25
        // entries per character (200 bytes), so one of 2,000 (as long as a deck allows) takes
        // 400 KB.
        let counts: Vec<u64> = [3, 5, 9, 13, 15, 16, 20, 40, 4000]
            .iter()
            .map(|&n| entry_count(n, 3, &mut probes))
            .collect();
        assert_eq!(counts, [0, 6, 46, 329, 495, 551, 550, 1050, 100_050]);
    }

    #[test]
    fn an_index_sorted_in_bands_finds_the_same_pairs() {
        let alphabet = ['a', 'b', 'c'];
        let keys: Vec<(Vec<char>, u64)> = strings(300, &alphabet, 3..30, 11)
            .into_iter()
            .map(|k| (k, 0))
            .collect();
        let whole = near_keys(&keys);
        assert!(whole.pairs.len() > 100, "{}", whole.pairs.len());
        let banded = near_keys_within(&keys, 5_000, MAX_ENTRIES);
        assert_eq!(banded, whole);
    }

    #[test]
    fn past_the_budget_the_longest_keys_are_left_out() {
        let keys: Vec<(Vec<char>, u64)> = ["tashkent", "toshkent", "bishkek", "bishkekk"]
            .iter()
            .map(|k| (k.chars().collect(), 0))
            .chain(std::iter::once(("x".repeat(400).chars().collect(), 0)))
            .collect();
        let mut probes = Vec::new();
        let reach = 3;
        let short: u64 = (0..4)
            .map(|x| entry_count(keys[x].0.len(), reach, &mut probes))
            .sum();
        let near = near_keys_within(&keys, 1000, short);
        assert_eq!(near.left_out, vec![4]);
        assert_eq!(near.pairs, vec![(0, 1), (1, 0), (2, 3), (3, 2)]);
        // A smaller budget leaves out the next longest too, one at a time (of equal lengths,
        // the later one).
        let eight = entry_count(8, reach, &mut probes);
        let near = near_keys_within(&keys, 1000, short - eight);
        assert_eq!(near.left_out, vec![3, 4]);
        assert_eq!(near.pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn near_keys_never_pairs_keys_of_different_invariants() {
        let keyed = vec![
            ("group20".chars().collect(), 1),
            ("group21".chars().collect(), 2),
            ("groupe20".chars().collect(), 1),
        ];
        assert_eq!(near_keys(&keyed).pairs, vec![(0, 2), (2, 0)]);
    }

    fn card(id: &str, fact: Option<&str>, span: Span) -> Card {
        Card {
            id: CardId(id.into()),
            kind: Kind::TrueFalse { answer: true },
            prompt: format!("Is statement {} true?", span.start).into(),
            tags: Tags::default(),
            explain: None,
            source: None,
            fact: fact.map(Text::from),
            media: None,
            span,
            checking: Default::default(),
        }
    }

    #[test]
    fn lint_reports_a_generated_id_colliding_with_another_card() {
        let fact = Fact {
            id: "f".into(),
            kind: FactKind::Term {
                term: Answer::plain("x"),
                definition: "y".into(),
            },
            tags: vec![],
            explain: None,
            source: None,
            span: Span::new(50, 58),
            hints: Default::default(),
        };
        let deck = Deck {
            facts: vec![fact],
            cards: vec![
                card("f/name", None, Span::new(0, 8)),
                card("f/name", Some("f"), Span::new(50, 58)),
            ],
            ..Deck::default()
        };
        let diags = lint(&deck);
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].message,
            "duplicate card id `f/name` (generated from fact `f`)"
        );
        assert_eq!(diags[0].span, Span::new(50, 58));
        assert_eq!(
            diags[0].related,
            vec![(Span::new(0, 8), "first card `f/name` generated".to_string())]
        );
    }

    #[test]
    fn lint_reports_cards_of_missing_facts() {
        let deck = Deck {
            cards: vec![card("g/name", Some("g"), Span::new(3, 4))],
            ..Deck::default()
        };
        let diags = lint(&deck);
        assert_eq!(
            diags[0].message,
            "card `g/name` refers to a missing fact `g`"
        );
    }

    #[test]
    fn leak_finds_typed_answers_and_alternatives() {
        let kind = Kind::Typed {
            answer: Answer {
                text: "Tashkent".into(),
                accept: vec!["RATS HQ".into()],
            },
        };
        assert_eq!(
            leak(&kind, "Where is the RATS HQ?"),
            Some(Leak {
                answer: "RATS HQ".into(),
                range: 13..20
            })
        );
        assert_eq!(leak(&kind, "Where is it?"), None);
    }

    #[test]
    fn leak_ignores_choice_cards() {
        let kind = Kind::Choice {
            correct: vec!["Beijing".into()],
            wrong: vec!["Moscow".into()],
        };
        assert_eq!(leak(&kind, "Beijing or Moscow?"), None);
    }

    #[test]
    fn leak_checks_years_as_whole_words() {
        let kind = Kind::Year {
            answer: 2001,
            tolerance: 0,
        };
        assert_eq!(
            leak(&kind, "What began in 2001?").map(|l| l.range),
            Some(14..18)
        );
        assert_eq!(leak(&kind, "What began in 20012?"), None);
    }
}

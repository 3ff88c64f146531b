//! The normalised texts of every card (its question's words, its answers' keys), computed
//! once and shared by the same-question and typo checks.

use super::*;

/// Words that say what kind of question it is rather than what it is about.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "into", "and",
    "or", "is", "are", "was", "were", "be", "been", "do", "does", "did", "has", "have", "had",
    "what", "whats", "which", "who", "whos", "whom", "whose", "where", "when", "why", "how",
    "this", "that", "these", "those", "it", "its", "as",
];

/// What the deck-wide rules compare, worked out once per card (on several threads for a large
/// deck). All of it is kept while the checks run, so it is laid out flat: a 32-byte
/// [`Question`] per card and one list of words per run of cards, rather than a list per card.
#[derive(Debug)]
pub(super) struct Texts {
    /// The deck's cards in consecutive runs, one per thread that worked them out. They are
    /// not joined: for a large deck that would briefly need twice the room.
    pub(super) parts: Vec<Part>,
}

/// What a run of consecutive cards asks (see [`Texts`]).
#[derive(Debug, Default)]
pub(super) struct Part {
    /// The index of the run's first card in the deck.
    pub(super) first: usize,
    /// One per card of the run.
    pub(super) questions: Vec<Question>,
    /// Each card's content words (hashed, sorted and without repeats), card after card: those
    /// of the run's `k`th card end at `questions[k].end()` and start where the previous card's
    /// end.
    pub(super) words: Vec<u64>,
    /// Only made when the typo check runs (see `TYPO_CHECK_MAX_CARDS`), and then one per card:
    /// the normalised spellings of a typed answer, one per `Answer::all()` (empty ones too),
    /// each with the hash of what a typo of it may not change; nothing for other kinds.
    pub(super) spellings: Vec<Vec<(String, u64)>>,
}

/// What one card asks (see [`Texts`]). Optional hashes are told apart by flags rather than
/// `Option`s, which would make this half as large again.
#[derive(Debug, Clone, Copy)]
pub(super) struct Question {
    /// With `ASKED`: the hash of the normalised question, that is the prompt, plus the cloze
    /// text, the items of an order card or the pairs of a match card. Without it there is
    /// nothing to compare.
    pub(super) asked: u64,
    /// For a choice card, the hash of its correct options: two choice cards with one prompt
    /// but different right options ("Which of these took place in 2001?") are different
    /// questions.
    pub(super) correct: u64,
    /// With `ANSWERS`: the hash of the kind and its normalised answers. Without it the kind's
    /// answer says too little to tell two questions apart (true/false).
    pub(super) answers: u64,
    /// Where the card's words end in its part's `words` (see [`Part`]), shifted left by 8,
    /// with the flags (`ASKED`, `ANSWERS`, `LOOSE`) in the low byte.
    pub(super) end_flags: u64,
}

/// [`Question::asked`] is set.
pub(super) const ASKED: u64 = 1;
/// [`Question::answers`] is set.
pub(super) const ANSWERS: u64 = 2;
/// Prompts one word apart may count as the same question. Not for years and numbers: many
/// events share a year, and "the founding of X" and "the founding of the X Council" are
/// different events.
pub(super) const LOOSE: u64 = 4;

impl Question {
    pub(super) fn asked(&self) -> Option<u64> {
        (self.end_flags & ASKED != 0).then_some(self.asked)
    }

    pub(super) fn answers(&self) -> Option<u64> {
        (self.end_flags & ANSWERS != 0).then_some(self.answers)
    }

    pub(super) fn loose(&self) -> bool {
        self.end_flags & LOOSE != 0
    }

    pub(super) fn end(&self) -> usize {
        usize::try_from(self.end_flags >> 8).unwrap_or(usize::MAX)
    }
}

impl Texts {
    /// The texts of `cards`, with their spellings if `with_spellings`.
    pub(super) fn of_cards(cards: &[Card], with_spellings: bool) -> Texts {
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
    pub(super) fn locate(&self, i: usize) -> (&Part, usize) {
        let p = self
            .parts
            .partition_point(|p| p.first <= i)
            .saturating_sub(1);
        let part = &self.parts[p];
        (part, i - part.first)
    }

    /// Every card's [`Question`], in the deck's order.
    pub(super) fn questions(&self) -> impl Iterator<Item = &Question> + Clone {
        self.parts.iter().flat_map(|p| &p.questions)
    }

    pub(super) fn question(&self, i: usize) -> &Question {
        let (part, k) = self.locate(i);
        &part.questions[k]
    }

    /// Every card's spellings, in the deck's order (none unless made with spellings).
    pub(super) fn spellings(&self) -> impl Iterator<Item = &[(String, u64)]> {
        self.parts
            .iter()
            .flat_map(|p| p.spellings.iter().map(Vec::as_slice))
    }

    /// The content words of card `i`.
    pub(super) fn words(&self, i: usize) -> &[u64] {
        let (part, k) = self.locate(i);
        let start = k.checked_sub(1).map_or(0, |p| part.questions[p].end());
        &part.words[start..part.questions[k].end()]
    }

    /// The hash of card `i`'s answers and its content words, when the rules on words compare
    /// it.
    pub(super) fn compared(&self, i: usize) -> Option<(u64, &[u64])> {
        let answers = self.question(i).answers()?;
        let words = self.words(i);
        (!words.is_empty()).then_some((answers, words))
    }
}

impl Part {
    /// Adds what `card` asks.
    pub(super) fn push(&mut self, card: &Card, with_spellings: bool) {
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
pub(super) struct First([u32; 2]);

pub(super) const EMPTY: u32 = u32::MAX;

impl Default for First {
    fn default() -> First {
        First([EMPTY; 2])
    }
}

impl First {
    pub(super) fn cards(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().filter(|&&j| j != EMPTY).map(|&j| j as usize)
    }

    /// The first of these cards that comes before card `i` and is not its sibling. Cards are
    /// added in the deck's order, so those before `i` are what was kept when `i` was reached.
    pub(super) fn find(&self, cards: &[Card], i: usize) -> Option<usize> {
        self.cards()
            .take_while(|&j| j < i)
            .find(|&j| !siblings(&cards[j], &cards[i]))
    }

    /// [`First::find`] as a `u32`, `EMPTY` for none.
    pub(super) fn find_u32(&self, cards: &[Card], i: usize) -> u32 {
        self.find(cards, i)
            .and_then(|j| u32::try_from(j).ok())
            .unwrap_or(EMPTY)
    }

    pub(super) fn add(&mut self, cards: &[Card], i: usize) {
        if self.cards().any(|j| siblings(&cards[j], &cards[i])) {
            return;
        }
        if let Some(slot) = self.0.iter_mut().find(|s| **s == EMPTY) {
            // Decks are far below four billion cards (the loader refuses absurd sizes).
            *slot = u32::try_from(i).unwrap_or(EMPTY);
        }
    }
}

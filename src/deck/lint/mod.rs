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
//!
//! Here: ids and missing facts; beside it by concept: `texts` (every card's normalised words,
//! computed once), `questions` (same and nearly the same questions), `distractors` (wrong
//! options that are right) and `typos` (answers within each other's typo allowance).

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

mod distractors;
mod questions;
mod texts;
mod typos;

#[cfg(test)]
mod tests;

use distractors::*;
use questions::*;
use texts::*;
use typos::*;

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

pub use crate::deck::text::{Leak, leak};

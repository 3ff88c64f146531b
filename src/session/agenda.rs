//! What one deck offers to study at a given time: the one rule that `study` builds its queue
//! from and `status` counts with, so the two never disagree.
//!
//! A card is studyable now when it is not suspended or buried and it is either in (re)learning
//! and due today, a review due on or before today's study day, or a new card within today's
//! new-card limit; reviews beyond the daily review limit wait. Cards that give each other away
//! (siblings: the cards generated from one fact; and cards the deck keeps apart, `Deck::apart`,
//! because one shows the other's answer or a timeline orders its event) are shown at most one
//! per study day: once one was answered today or is in today's queue, the others are held back
//! until tomorrow. Learning
//! cards are never held back; reviews claim their fact most overdue first, so a held-back card
//! goes first the next day; new cards claim theirs in the order they are introduced.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;

use crate::deck::{Card, Deck, NewOrder};
use crate::schedule::{DayClock, Phase, Scheduler};
use crate::store::CardRecords;

/// How long ahead learning cards may be shown when nothing else is left (as Anki's default).
pub const LEARN_AHEAD_SECS: i64 = 20 * 60;

/// What the agenda of one deck depends on.
#[derive(Debug, Clone, Copy)]
pub struct Want<'a> {
    pub deck: &'a Deck,
    pub records: &'a CardRecords,
    pub scheduler: &'a Scheduler,
    /// New cards that may still be introduced today.
    pub new_limit: u32,
    /// Reviews that may still be done today.
    pub review_limit: u32,
    /// Only cards carrying one of these tags (all cards when empty).
    pub tags: &'a [String],
    pub new_order: NewOrder,
}

/// One deck's cards sorted by what can be done with them at `now`. Card numbers index
/// `deck.cards`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agenda {
    /// Cards in (re)learning due by the end of today, soonest first, with their due times.
    pub learning: Vec<(usize, Timestamp)>,
    /// Reviews due, most overdue first, with their due times, within the review limit.
    pub reviews: Vec<(usize, Timestamp)>,
    /// New cards to introduce today, in order, within the new-card limit.
    pub new: Vec<usize>,
    /// Due or new cards held back until tomorrow because a sibling is studied today.
    pub held_back: usize,
    pub suspended: usize,
    /// Cards buried until a later day.
    pub buried: usize,
    /// Cards never studied (today's new cards among them).
    pub unseen: usize,
    /// Reviews due on tomorrow's study day.
    pub due_tomorrow: usize,
    /// When the first card that cannot be studied now becomes studyable: always after `now`.
    pub next: Option<Timestamp>,
}

impl Agenda {
    /// Learning cards that may be shown at `now` (due, or due within the learn-ahead limit).
    pub fn learning_now(&self, now: Timestamp) -> usize {
        let ahead = learn_ahead(now);
        self.learning
            .iter()
            .filter(|(_, due)| *due <= ahead)
            .count()
    }

    /// How many cards a session started at `now` can show at once.
    pub fn studyable_now(&self, now: Timestamp) -> usize {
        self.learning_now(now) + self.reviews.len() + self.new.len()
    }

    /// When the next card can be studied: `now` if one can, else the first time after it.
    pub fn next_studyable(&self, now: Timestamp) -> Option<Timestamp> {
        if self.studyable_now(now) > 0 {
            return Some(now);
        }
        let learning = self.learning.iter().map(|(_, due)| *due).min();
        [learning, self.next].into_iter().flatten().min()
    }
}

/// The end of the learn-ahead window at `now`.
pub fn learn_ahead(now: Timestamp) -> Timestamp {
    now.saturating_add(jiff::SignedDuration::from_secs(LEARN_AHEAD_SECS))
        .unwrap_or(Timestamp::MAX)
}

/// The keys a card takes for the day once it is answered or queued: its fact's id (its
/// siblings wait) and its own id (for the cards the deck keeps apart from it). With
/// [`waits_for`], this is the only place the rule lives.
pub fn sibling_keys(card: &Card) -> impl Iterator<Item = &str> {
    card.fact
        .as_deref()
        .into_iter()
        .chain(std::iter::once(card.id.as_str()))
}

/// Whether `card` of `deck` waits for another day when the keys in `taken` are taken: a
/// sibling was (its fact's id is taken), or a card or fact the deck keeps it apart from.
pub fn waits_for(deck: &Deck, card: &Card, taken: &HashSet<&str>) -> bool {
    card.fact.as_deref().is_some_and(|f| taken.contains(f))
        || deck
            .apart
            .of(card.id.as_str())
            .iter()
            .any(|k| taken.contains(k.as_str()))
}

/// Whether `card` carries one of `tags` (every card does when `tags` is empty).
pub fn has_tag(card: &Card, tags: &[String]) -> bool {
    tags.is_empty()
        || card
            .tags
            .iter()
            .any(|t| tags.iter().any(|w| w.eq_ignore_ascii_case(t)))
}

/// Sorts a deck's cards into what can be studied at `now` and what waits, and until when.
pub fn agenda(w: &Want<'_>, now: Timestamp) -> Agenda {
    let days = DayClock::new(w.scheduler, now);
    let today = days.today();
    let tomorrow = today
        .tomorrow()
        .map_or(Timestamp::MAX, |d| w.scheduler.day_start(d));
    let cards = &w.deck.cards;
    let mut a = Agenda::default();
    let wait_until = |a: &mut Agenda, t: Timestamp| {
        if t > now {
            a.next = Some(a.next.map_or(t, |n| n.min(t)));
        }
    };
    // Sibling keys taken today: by any card answered today (whatever its tags), then by the
    // cards queued below.
    let mut taken: HashSet<&str> = HashSet::new();
    for card in cards {
        if let Some(rec) = w.records.get(card.id.as_str())
            && rec.state.last_review.is_some_and(|t| days.is_today(t))
        {
            taken.extend(sibling_keys(card));
        }
    }
    let mut reviews = Vec::new();
    let mut new = Vec::new();
    for (c, card) in cards.iter().enumerate() {
        if !has_tag(card, w.tags) {
            continue;
        }
        let Some(rec) = w.records.get(card.id.as_str()) else {
            a.unseen += 1;
            new.push(c);
            continue;
        };
        if rec.suspended {
            a.suspended += 1;
            continue;
        }
        if let Some(b) = rec.buried_until.filter(|b| *b > today) {
            a.buried += 1;
            // Back when the bury ends, unless the card (answered before it was buried) is
            // due later still.
            let back = w.scheduler.day_start(b);
            wait_until(
                &mut a,
                match rec.state.phase {
                    Phase::New => back,
                    _ => back.max(rec.state.due),
                },
            );
            continue;
        }
        let due = rec.state.due;
        match rec.state.phase {
            Phase::New => {
                a.unseen += 1;
                new.push(c);
            }
            Phase::Learning | Phase::Relearning => {
                if days.is_due_review(due) {
                    a.learning.push((c, due));
                    taken.extend(sibling_keys(card));
                } else {
                    wait_until(&mut a, due);
                }
            }
            Phase::Review => {
                if days.is_due_review(due) {
                    reviews.push((c, due));
                } else {
                    if w.scheduler.study_day(due) == tomorrow_day(today) {
                        a.due_tomorrow += 1;
                    }
                    wait_until(&mut a, due);
                }
            }
        }
    }
    a.learning.sort_by_key(|&(c, due)| (due, c));
    reviews.sort_by_key(|&(c, due)| (due, c));
    let free = |taken: &HashSet<&str>, card: &Card| !waits_for(w.deck, card, taken);
    let mut review_left = w.review_limit;
    for (c, due) in reviews {
        let card = &cards[c];
        if !free(&taken, card) {
            a.held_back += 1;
            wait_until(&mut a, tomorrow);
        } else if review_left == 0 {
            wait_until(&mut a, tomorrow);
        } else {
            review_left -= 1;
            taken.extend(sibling_keys(card));
            a.reviews.push((c, due));
        }
    }
    let mut new_left = w.new_limit;
    for c in new_order(w.deck, new, w.new_order) {
        let card = &cards[c];
        if new_left == 0 {
            wait_until(&mut a, tomorrow);
            break;
        }
        if free(&taken, card) {
            new_left -= 1;
            taken.extend(sibling_keys(card));
            a.new.push(c);
        } else {
            a.held_back += 1;
            wait_until(&mut a, tomorrow);
        }
    }
    a
}

fn tomorrow_day(today: jiff::civil::Date) -> jiff::civil::Date {
    today.tomorrow().unwrap_or(today)
}

/// New cards in the order they are introduced. Deck order is where each card (or its fact) is
/// written. Mixed order takes turns across kinds of card, each kind keeping deck order, so
/// that a deck whose dates come first does not spend its first days on years alone.
fn new_order(deck: &Deck, mut new: Vec<usize>, order: NewOrder) -> Vec<usize> {
    let cards = &deck.cards;
    new.sort_by_key(|&c| (cards[c].span.start, c));
    if order == NewOrder::Deck {
        return new;
    }
    let mut kinds: Vec<&str> = Vec::new();
    let mut queues: HashMap<&str, std::collections::VecDeque<usize>> = HashMap::new();
    for c in new {
        let kind = cards[c].kind.name();
        let q = queues.entry(kind).or_default();
        if q.is_empty() && !kinds.contains(&kind) {
            kinds.push(kind);
        }
        q.push_back(c);
    }
    let mut out = Vec::new();
    loop {
        let before = out.len();
        for kind in &kinds {
            if let Some(c) = queues.get_mut(kind).and_then(|q| q.pop_front()) {
                out.push(c);
            }
        }
        if out.len() == before {
            return out;
        }
    }
}

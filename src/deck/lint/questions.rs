//! Cards that ask the same question, or nearly the same, found through hashes of their
//! normalised words rather than by comparing every pair.

use super::*;

/// Whether two sorted sets of word hashes are equal or differ by one added word.
pub(super) fn near_sets(a: &[u64], b: &[u64]) -> bool {
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
pub(super) fn same_questions(deck: &Deck, texts: &Texts, out: &mut Vec<Diagnostic>) {
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
pub(super) fn same_asked(cards: &[Card], texts: &Texts) -> Vec<u32> {
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
pub(super) fn words_key(answers: u64, sum: u64) -> u64 {
    mix(answers ^ mix(sum))
}

pub(super) fn word_sum(words: &[u64]) -> u64 {
    words.iter().fold(0u64, |s, w| s.wrapping_add(*w))
}

/// The cards compared by their answers and content words, under [`words_key`]s.
///
/// Built for the whole deck before any card is compared: a card then only looks at the cards
/// before it (see [`First::find`]), which are what it would have seen had the index grown card
/// by card. This lets a card one word longer be kept only under keys that some card has (the
/// only keys ever looked up): kept under every key it could have, it would take about three
/// entries per card, more than all the rest of these checks.
pub(super) struct WordsIndex {
    /// The first cards with those answers and words.
    pub(super) same: IdMap<u64, First>,
    /// The first loose cards with those answers and words, and one word more.
    pub(super) more: IdMap<u64, First>,
}

impl WordsIndex {
    pub(super) fn new(cards: &[Card], texts: &Texts) -> WordsIndex {
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
pub(super) fn nearly_asked(
    cards: &[Card],
    texts: &Texts,
    index: &WordsIndex,
    i: usize,
) -> Option<usize> {
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

pub(super) fn same_question(card: &Card, first: &Card, exact: bool) -> Diagnostic {
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

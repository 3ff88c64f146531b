//! The "question quality" warnings of `recall check`: choice questions with fewer than three
//! options or with options of mixed types, a choice question whose prompt points at its own
//! answer, and cards that show another card's answer (which study keeps apart, see
//! `deck::apart`). Wordings a template had to guess are reported by `deck::generate`.
//!
//! API: [`check`]`(&Deck) -> Vec<Diagnostic>`, run by `deck::lint::lint` (so by `recall check`
//! and `recall show`, not when a deck is loaded to be studied).

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use crate::deck::apart::{Giveaway, Place};
use crate::deck::item_type::{known_type, known_types};
use crate::deck::text::{find_word, same};
use crate::deck::{Card, Deck, Kind, Text, parallel};
use crate::diagnostic::Diagnostic;
use crate::wording::noun::{bare, is_capitalised};

/// Options fewer than this make a choice question a coin toss.
pub const MIN_OPTIONS: usize = 3;

/// Options and questions quoted in messages are cut to this many characters.
const QUOTE: usize = 60;

/// Cards per thread when checking choice cards.
const CARDS_PER_THREAD: usize = 8000;

fn quote(text: &str) -> String {
    let mut chars = text.chars();
    let cut: String = chars.by_ref().take(QUOTE).collect();
    if chars.next().is_some() {
        format!("{cut}...")
    } else {
        cut
    }
}

/// Every question-quality warning of the deck.
pub fn check(deck: &Deck) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> =
        parallel::map_chunks(&deck.cards, CARDS_PER_THREAD, |_, cards| {
            let mut out = Vec::new();
            for card in cards {
                if let Kind::Choice { correct, wrong } = &card.kind {
                    // A choice without wrong options is already an error of the loader.
                    if wrong.is_empty() {
                        continue;
                    }
                    few_options(card, correct.len() + wrong.len(), &mut out);
                    mixed_types(card, correct, wrong, &mut out);
                    points_at_answer(card, correct, wrong, &mut out);
                }
            }
            out
        })
        .into_iter()
        .flatten()
        .collect();
    shown_answers(deck, &mut out);
    unknown_apart(deck, &mut out);
    out
}

/// `apart` keys naming no card or fact of the deck.
fn unknown_apart(deck: &Deck, out: &mut Vec<Diagnostic>) {
    if deck.apart.declared.is_empty() {
        return;
    }
    let ids: HashSet<&str> = deck
        .cards
        .iter()
        .map(|c| c.id.as_str())
        .chain(deck.facts.iter().map(|f| f.id.as_str()))
        .collect();
    for (owner, named, span) in &deck.apart.declared {
        if !ids.contains(named.as_str()) {
            out.push(
                Diagnostic::warning(
                    *span,
                    format!("`apart` of `{owner}` names `{named}`, which is no card or fact of this deck"),
                )
                .with_help("write the id of a card, or of a fact (for all its cards)"),
            );
        }
    }
}

fn few_options(card: &Card, options: usize, out: &mut Vec<Diagnostic>) {
    if options >= MIN_OPTIONS {
        return;
    }
    out.push(
        Diagnostic::warning(
            card.span,
            format!(
                "choice card `{}` has only {options} options; with fewer than {MIN_OPTIONS} a \
                 learner can guess",
                card.id
            ),
        )
        .with_help("add wrong options (of the same kind as the answer) to `wrong`"),
    );
}

/// The shape of an option, which options of one question should share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// "122", "4,300 km", "12%".
    Number,
    /// "Tajikistan", "the Russian Far East", "China's Shandong Province".
    Name,
    /// "extremism", "economic relations", "Chinese deputy foreign minister".
    Phrase,
}

impl Shape {
    fn name(self) -> &'static str {
        match self {
            Shape::Number => "a number",
            Shape::Name => "a name",
            Shape::Phrase => "a common phrase",
        }
    }
}

fn shape(option: &str) -> Shape {
    let t = option.trim();
    if t.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || ((c == '-' || c == '~') && t.len() > 1))
        && t.chars().filter(char::is_ascii_digit).count() > 0
    {
        return Shape::Number;
    }
    const GLUE: &[&str] = &[
        "of", "and", "the", "for", "de", "du", "la", "von", "van", "on", "in", "&",
    ];
    let words: Vec<&str> = t.split_whitespace().collect();
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !GLUE.contains(&bare(w).as_str()))
        .collect();
    if !content.is_empty() && content.iter().all(|w| is_capitalised(w)) {
        Shape::Name
    } else {
        Shape::Phrase
    }
}

/// Options whose shape or known type differs from the right answer's give it away ("Which of
/// these is a member state? Tajikistan / Afghanistan / Cambodia / extremism").
fn mixed_types(card: &Card, correct: &[Text], wrong: &[Text], out: &mut Vec<Diagnostic>) {
    let Some(answer) = correct.first() else {
        return;
    };
    let answer_shape = shape(answer);
    let answer_type = known_type(answer);
    let common = |text: &str, s: Shape| s == Shape::Phrase && !is_capitalised(text);
    let odd: Vec<(&Text, String)> = wrong
        .iter()
        .filter_map(|w| {
            if same(w, answer) {
                return None;
            }
            let s = shape(w);
            let numeric = |s: Shape| s == Shape::Number;
            if numeric(s) != numeric(answer_shape) {
                return Some((w, s.name().to_string()));
            }
            // A country among common words ("extremism"), or a common word among
            // countries: the gazetteer knows one side and the other is a lower-case phrase.
            let shared = || {
                known_types(answer)
                    .iter()
                    .any(|t| known_types(w).contains(t))
            };
            match (answer_type, known_type(w)) {
                (Some(_), Some(b)) if !shared() => Some((w, format!("a {b}"))),
                (Some(_), None) if common(w, s) => Some((w, s.name().to_string())),
                (None, Some(b)) if common(answer, answer_shape) => Some((w, format!("a {b}"))),
                _ => None,
            }
        })
        .collect();
    if odd.is_empty() {
        return;
    }
    let what = answer_type.map_or_else(
        || {
            if common(answer, answer_shape) {
                "a common word".to_string()
            } else {
                answer_shape.name().to_string()
            }
        },
        |t| format!("a {t}"),
    );
    let listed: Vec<String> = odd
        .iter()
        .map(|(w, s)| format!("`{}` ({s})", quote(w)))
        .collect();
    out.push(
        Diagnostic::warning(
            card.span,
            format!(
                "choice card `{}` mixes kinds of options: its answer `{}` is {what}, but {} {} not",
                card.id,
                quote(answer),
                listed.join(", "),
                if odd.len() == 1 { "is" } else { "are" }
            ),
        )
        .with_help(
            "an option of another kind is easy to rule out: make every wrong option the same \
             kind of thing as the answer",
        ),
    );
}

/// A prompt that names the right option, or a number that only the right option repeats.
fn points_at_answer(card: &Card, correct: &[Text], wrong: &[Text], out: &mut Vec<Diagnostic>) {
    let prompt = card.prompt.as_str();
    let in_prompt = |o: &str| o.trim().chars().count() >= 4 && find_word(prompt, o).is_some();
    let named: Vec<&Text> = correct.iter().filter(|c| in_prompt(c)).collect();
    let numbers: Vec<&str> = prompt
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| n.len() >= 2)
        .collect();
    let repeats = |o: &str| numbers.iter().any(|n| find_word(o, n).is_some());
    let by_number = correct.iter().any(|c| repeats(c)) && !wrong.iter().any(|w| repeats(w));
    let hint = if let Some(c) = named
        .first()
        .filter(|_| !wrong.iter().any(|w| in_prompt(w)))
    {
        format!("its prompt names the right option `{}`", quote(c))
    } else if by_number {
        "only the right option repeats a number from its prompt".to_string()
    } else {
        return;
    };
    out.push(
        Diagnostic::warning(
            card.span,
            format!("choice card `{}` gives its answer away: {hint}", card.id),
        )
        .with_help("reword the prompt or the options so the answer is not singled out"),
    );
}

/// Cards whose text shows another card's answer: one warning per giving card and victim, or
/// per giving fact when several cards of one fact show it (a generated explanation or list
/// name is shown by all of them).
fn shown_answers(deck: &Deck, out: &mut Vec<Diagnostic>) {
    let names = |c: &Card| -> [Option<String>; 2] {
        [
            Some(c.id.to_string()),
            c.fact.as_ref().map(|f| f.to_string()),
        ]
    };
    // Pairs the author already keeps apart with `apart = [...]` need no warning.
    let declared: HashSet<(String, String)> = deck
        .apart
        .declared
        .iter()
        .flat_map(|(a, b, _)| {
            [
                (a.to_string(), b.to_string()),
                (b.to_string(), a.to_string()),
            ]
        })
        .collect();
    let covered = |g: &Giveaway| {
        let (a, b) = (names(&deck.cards[g.giver]), names(&deck.cards[g.victim]));
        a.iter().flatten().any(|x| {
            b.iter()
                .flatten()
                .any(|y| declared.contains(&(x.clone(), y.clone())))
        })
    };
    let found: Vec<&Giveaway> = deck
        .apart
        .giveaways
        .iter()
        .filter(|g| !covered(g))
        .collect();
    let mut groups: Vec<Vec<&Giveaway>> = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for &g in &found {
        let giver = &deck.cards[g.giver];
        let key = match &giver.fact {
            Some(f) => format!("fact {f}"),
            None => format!("card {}", giver.id),
        };
        // The cards of one fact answer alike ("55" and "55 km"): one warning per fact.
        let victim = match &deck.cards[g.victim].fact {
            Some(f) => format!("fact {f}"),
            None => format!("card {}", deck.cards[g.victim].id),
        };
        match seen.entry((key, victim)) {
            Entry::Vacant(e) => {
                e.insert(groups.len());
                groups.push(vec![g]);
            }
            Entry::Occupied(e) => {
                let group = &mut groups[*e.get()];
                if !group.iter().any(|x| x.giver == g.giver) {
                    group.push(g);
                }
            }
        }
    }
    for gs in groups {
        out.push(giveaway(deck, &gs));
    }
}

fn giveaway(deck: &Deck, gs: &[&Giveaway]) -> Diagnostic {
    let g = gs[0];
    let giver = &deck.cards[g.giver];
    let victim = &deck.cards[g.victim];
    let whose = if g.whole_fact {
        format!(
            "the items of list fact `{}`",
            victim.fact.as_deref().unwrap_or("")
        )
    } else {
        format!("the answer of `{}`", victim.id)
    };
    let mut places: Vec<Place> = gs.iter().map(|g| g.place).collect();
    places.sort();
    places.dedup();
    let many = gs.len() > 1;
    let places: Vec<String> = places
        .iter()
        .map(|p| {
            if many {
                crate::wording::plural::plural(p.name())
            } else {
                p.name().to_string()
            }
        })
        .collect();
    let places: Vec<&str> = places.iter().map(String::as_str).collect();
    // "the options of `bloc` show", "the prompt of `old-name` shows".
    let verb = if places.len() > 1
        || places
            .first()
            .is_some_and(|p| crate::wording::plural::is_plural_noun(p))
    {
        "show"
    } else {
        "shows"
    };
    let places = crate::wording::template::join_and(&places);
    let who = match &giver.fact {
        Some(f) if many => format!("the {places} of {} cards of fact `{f}` show", gs.len()),
        _ => format!("the {places} of `{}` {verb}", giver.id),
    };
    let fix = match (&giver.fact, g.place) {
        (Some(f), Place::Explanation) => {
            let written = deck
                .facts
                .iter()
                .any(|x| x.id.as_str() == f.as_str() && x.explain.is_some());
            if written {
                format!("reword the `explain` of fact `{f}`")
            } else {
                format!("give fact `{f}` an `explain` that does not name it")
            }
        }
        (Some(f), _) => format!("reword fact `{f}` (or write its prompt with `ask`)"),
        (None, Place::Explanation) => format!("reword the `explain` of `{}`", giver.id),
        (None, p) => format!("reword the {} of `{}`", p.name(), giver.id),
    };
    let owner = giver
        .fact
        .as_deref()
        .map_or_else(|| format!("card `{}`", giver.id), |f| format!("fact `{f}`"));
    let target = victim.fact.as_deref().unwrap_or(victim.id.as_str());
    Diagnostic::warning(giver.span, format!("{who} `{}`, {whose}", quote(&g.answer)))
        .with_help(format!(
            "study keeps these cards apart (never on the same day): if that is what you want, \
             add `apart = [\"{target}\"]` to {owner}; to let them meet, {fix}"
        ))
        .with_related(
            victim.span,
            format!("`{}` asks: {}", victim.id, quote(&victim.prompt)),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("122"), Shape::Number);
        assert_eq!(shape("4,300 km"), Shape::Number);
        assert_eq!(shape("Tajikistan"), Shape::Name);
        assert_eq!(shape("the Russian Far East"), Shape::Name);
        assert_eq!(shape("China's Shandong Province"), Shape::Name);
        assert_eq!(shape("Bank for International Settlements"), Shape::Name);
        assert_eq!(shape("extremism"), Shape::Phrase);
        assert_eq!(shape("Chinese deputy foreign minister"), Shape::Phrase);
        assert_eq!(shape("The SCO was founded"), Shape::Phrase);
    }

    fn choice(prompt: &str, correct: &[&str], wrong: &[&str]) -> Card {
        Card::new(
            "c",
            Kind::Choice {
                correct: correct.iter().map(|s| Text::from(*s)).collect(),
                wrong: wrong.iter().map(|s| Text::from(*s)).collect(),
            },
            prompt,
        )
    }

    fn warnings(card: Card) -> Vec<String> {
        let deck = Deck {
            cards: vec![card],
            ..Deck::default()
        };
        check(&deck).into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn two_options_are_too_few() {
        assert!(warnings(choice("Which?", &["a b c d"], &[])).is_empty());
        assert_eq!(
            warnings(choice("Which?", &["a b c d"], &["e f g h"])),
            ["choice card `c` has only 2 options; with fewer than 3 a learner can guess"]
        );
        assert!(warnings(choice("Which?", &["alpha"], &["beta", "gamma"])).is_empty());
    }

    #[test]
    fn a_common_word_among_names_is_mixed() {
        let w = warnings(choice(
            "Which of these is one of the SCO's eight member states?",
            &["Tajikistan"],
            &["Afghanistan", "Cambodia", "extremism"],
        ));
        assert_eq!(
            w,
            [
                "choice card `c` mixes kinds of options: its answer `Tajikistan` is a country, but `extremism` (a common phrase) is not"
            ]
        );
        let w = warnings(choice(
            "Which of these is one of the three evil forces?",
            &["separatism"],
            &["economic relations", "mutual consultation", "Iran"],
        ));
        assert_eq!(
            w,
            [
                "choice card `c` mixes kinds of options: its answer `separatism` is a common word, but `Iran` (a country) is not"
            ]
        );
    }

    #[test]
    fn known_types_must_agree() {
        let w = warnings(choice(
            "Where?",
            &["Tashkent"],
            &["Beijing", "China", "Astana"],
        ));
        assert_eq!(
            w,
            [
                "choice card `c` mixes kinds of options: its answer `Tashkent` is a city, but `China` (a country) is not"
            ]
        );
        // Regions and countries are both names of places the gazetteer does not all know.
        let w = warnings(choice(
            "Where?",
            &["the Russian Far East", "China's Shandong Province"],
            &["Xinjiang", "Kyrgyzstan", "Uzbekistan"],
        ));
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn numbers_among_words_are_mixed() {
        let w = warnings(choice("How many?", &["122"], &["61", "many", "153"]));
        assert_eq!(w.len(), 1);
        // Names and phrases may answer alike ("NASA", "the mission control centre").
        let w = warnings(choice(
            "Which of these is based in Paris?",
            &["the European Space Agency"],
            &["NASA", "ESA's mission control centre"],
        ));
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn a_prompt_that_names_the_answer() {
        let w = warnings(choice(
            "Which of these is the Tashkent body?",
            &["Tashkent"],
            &["Beijing", "Astana"],
        ));
        assert_eq!(
            w,
            ["choice card `c` gives its answer away: its prompt names the right option `Tashkent`"]
        );
        let w = warnings(choice(
            "Which of these happened in 1991?",
            &["The 1991 treaty was signed"],
            &["The SCO was founded", "The bank opened"],
        ));
        assert_eq!(
            w,
            [
                "choice card `c` gives its answer away: only the right option repeats a number from its prompt"
            ]
        );
    }
}

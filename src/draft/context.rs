//! What the extractor knows across sentences: the article's subject and the nouns that stand
//! for it ("the association", "the country"), acronyms and their expansions, the people named
//! so far, and what "it", "its", "she" and "the same year" point to at this point of the text.
//!
//! Coreference here is a few cautious rules, not understanding: a pronoun opening a clause is
//! the last clause's subject (or the article's subject), "its X" is "the X of" that, a surname
//! alone is the full name written earlier, and a class noun is the article's subject. Whatever
//! is read this way is noted, so the draft can say what to check.

use std::sync::LazyLock;

use regex::Regex;

use crate::deck::FactDate;
use crate::draft::sentence::{self, Sentence, SlotKind, Vocabulary};

/// Class nouns of places, one of which an article about a place keeps using for it.
const PLACE_NOUNS: &[&str] = &[
    "country", "nation", "state", "island", "kingdom", "republic", "city", "town", "mountain",
    "volcano", "river", "lake",
];

/// Nouns for a vessel, which English calls "she": an article about a ship keeps using one.
const SHIP_NOUNS: &[&str] = &[
    "ship",
    "liner",
    "vessel",
    "boat",
    "steamer",
    "yacht",
    "submarine",
];

/// Generic nouns for an organisation, a place or an event, which may stand for the article's
/// subject when the subject is one ("the organisation", "the race").
#[rustfmt::skip]
const CLASS_NOUNS: &[&str] = &[
    "organisation", "organization", "association", "group", "company", "firm", "union",
    "alliance", "bloc", "body", "institution", "country", "nation", "state", "island", "kingdom",
    "republic", "city", "mountain", "volcano", "river", "lake", "race", "competition",
    "tournament", "war", "treaty", "drug", "antibiotic", "retailer", "business", "park", "guild",
    "agency", "canal", "marathon", "protocol", "convention", "revolution", "league", "bridge",
    "museum", "festival", "pact", "accord", "agreement",
];

/// Words for an agreement between states: a subject named by one is called by the others.
const TREATY_NOUNS: &[&str] = &[
    "treaty",
    "pact",
    "accord",
    "agreement",
    "convention",
    "protocol",
];

/// Class nouns of organisations: only a subject that is one may be called "the company".
const ORGANISATION_NOUNS: &[&str] = &[
    "organisation",
    "organization",
    "association",
    "group",
    "company",
    "firm",
    "union",
    "alliance",
    "bloc",
    "body",
    "institution",
    "retailer",
    "business",
    "guild",
    "agency",
    "league",
    "conglomerate",
    "manufacturer",
    "maker",
    "brand",
    "corporation",
    "federation",
];

static JOINED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"«E(\d+)» and $").expect("valid"));

/// The words of a name that an acronym spells, dropping words before them ("Belt and Road
/// Initiative" in "Beijing-led Belt and Road Initiative" for BRI).
pub fn expansion(long: &str, acronym: &str) -> Option<String> {
    let words: Vec<&str> = long.split_whitespace().collect();
    (0..words.len())
        .map(|start| words[start..].join(" "))
        .find(|candidate| candidate.starts_with(char::is_uppercase) && expands(candidate, acronym))
}

/// A name after "in" or "near", not owning what follows ("in Mara Quell's laboratory").
static PLACED_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:in|near) «E(\d+)»(?:[^'’\d]|$)").expect("valid"));

/// A name with an indefinite apposition ("Karhu Sports, a Finnish company,"), or after a noun
/// and "of" ("the inn of La Belle Alliance"): group 2 (or `of`) is the noun phrase whose head
/// says what the name is.
static APPOSED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"«E(\d+)», (an? [A-Za-z][a-z\-]*(?: [A-Za-z][a-z\-]*){0,6})(?:,|\.?$| that | which )|(?P<of>(?:the|a|an) (?:[a-z\-]+ ){0,2}[a-z\-]+) of «E(?P<i>\d+)»")
        .expect("valid")
});

/// Head nouns of an apposition that make a name a thing's, however person-shaped it looks
/// ("the Eagle, a pub near the laboratory"), beside the class nouns of places, bodies and
/// ships (see [`is_thing_noun`]).
#[rustfmt::skip]
const THING_HEADS: &[&str] = &[
    "town", "village", "port", "pub", "inn", "hotel", "restaurant", "newspaper", "magazine",
    "journal", "book", "novel", "poem", "song", "album", "film", "painting", "machine", "device",
    "computer", "engine", "car", "fish", "bird", "plant", "tree", "species", "mineral",
    "ore", "building", "castle", "church", "cathedral", "palace", "school", "university",
    "college", "laboratory", "institute", "hospital", "region", "province", "district",
    "suburb", "valley", "bay", "peninsula", "desert", "forest", "estate", "farm", "mine",
    "factory", "label", "bank", "studio", "stadium", "prize", "award", "project",
    "programme", "program", "system", "consortium", "subsidiary",     "producer", "publisher", "carmaker", "chain", "fund", "hamlet", "farmhouse",
    "villa", "manor", "abbey", "monastery", "chateau", "château", "house",
];

static ACRONYM_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"«E(\d+)» \(«E(\d+)»\)").expect("valid"));

/// The article-wide facts, known before the first sentence is read.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Words the article writes in lowercase somewhere, and those it capitalises inside a
    /// sentence.
    pub words: Vocabulary,
    /// Acronym and expansion, from "Full Name (ACR)".
    pub acronyms: Vec<(String, String)>,
    /// Acronyms the text writes with "the" ("the SCO").
    with_article: Vec<String>,
    /// The article's subject, as it is best named ("ASEAN", "Iceland", "the Tour de France").
    pub subject: Option<String>,
    /// Nouns that stand for the subject ("association", "country").
    pub class_nouns: Vec<String>,
    /// Names of two or more words that look like people's, in order of appearance.
    pub people: Vec<String>,
    /// Names of one word the text shows are people's ("Napoleon himself", "Wellington's
    /// army", "Napoleon died").
    pub single_people: Vec<String>,
    /// In a biography, whether the subject is "she" (the pronoun the article uses most).
    pub female: Option<bool>,
    /// Other names of the subject ("Augusta Ada Byron" for "Ada Lovelace").
    pub aliases: Vec<String>,
    /// Names of things (not people) as first written, in order of appearance.
    pub things: Vec<String>,
    /// Names the article writes as places things are in ("in Addis Ababa").
    pub places: Vec<String>,
    /// Names the article writes with "the" or "a" ("the Red Forest", "a Saturn V"), as no
    /// one's name is written, or with an apposition that calls them a thing ("Karhu Sports, a
    /// Finnish company").
    definite: Vec<String>,
    /// Names with the noun an apposition calls them ("Stalingrad, an industrial city", "the
    /// city of Stalingrad"): what "the city" may stand for.
    called: Vec<(String, String)>,
}

/// Nouns that "the NOUN of X" calls X ("the city of Stalingrad"), unlike "the bank of X".
const PLACE_CLASSES: &[&str] = &[
    "city", "town", "village", "island", "port", "province", "state", "kingdom", "region",
    "county", "republic", "river", "lake", "country", "capital", "borough", "district",
];

/// Whether the name of slot `i` is used before a noun ("the Alan Turing law", "a Turing
/// machine"): it modifies the noun, and "the" or "a" is the noun's, not the name's.
fn modifies_a_noun(skeleton: &str, i: usize) -> bool {
    let placeholder = format!("«E{i}»");
    let Some(at) = skeleton.find(&placeholder) else {
        return false;
    };
    let next = skeleton[at + placeholder.len()..]
        .strip_prefix(' ')
        .and_then(|rest| rest.split([' ', ',', '.', ';', ':']).next())
        .unwrap_or("");
    next.len() > 2
        && next.chars().all(|c| c.is_ascii_lowercase())
        && !next.ends_with('s')
        && !next.ends_with("ly")
        && !crate::wording::verb::is_auxiliary(next)
        && !crate::wording::verb::is_irregular_form(next)
        && !crate::wording::verb::is_past_form(next)
        && !crate::wording::noun::POSTMODIFIERS.contains(&next)
        && !matches!(
            next,
            "and"
                | "or"
                | "but"
                | "nor"
                | "who"
                | "which"
                | "that"
                | "whose"
                | "where"
                | "when"
                | "then"
                | "first"
                | "still"
                | "also"
                | "now"
                | "never"
                | "alone"
                | "itself"
        )
}

/// Whether a head noun names a thing, never a person: a place, a body, a ship or another
/// thing ("company", "river", "liner", "pub").
pub(crate) fn is_thing_noun(head: &str) -> bool {
    [THING_HEADS, CLASS_NOUNS, ORGANISATION_NOUNS, SHIP_NOUNS]
        .iter()
        .any(|nouns| nouns.contains(&head))
}

/// The slot a placeholder's number names in a sentence ("3" of «E3»).
fn slot_at<'s>(sentence: &'s Sentence, index: &str) -> Option<&'s sentence::Slot> {
    index
        .parse::<usize>()
        .ok()
        .and_then(|i| sentence.slots.get(i))
}

/// How often the text writes a noun or name with "the" ("the river", "The river").
fn with_the(all: &str, noun: &str) -> usize {
    mentions(all, &format!("the {noun}")) + mentions(all, &format!("The {noun}"))
}

/// The noun of a kind the text keeps writing with "the" (twice at least, the most often of
/// the kind's nouns): "the country" of a country, "the ship" of a ship.
fn kept_noun(nouns: &[&'static str], all: &str) -> Option<&'static str> {
    nouns
        .iter()
        .map(|n| (with_the(all, n), *n))
        .max_by_key(|(count, _)| *count)
        .filter(|(count, _)| *count >= 2)
        .map(|(_, noun)| noun)
}

impl Article {
    /// Whether a name is a person's: shaped like one ([`looks_like_person`]), never written
    /// as a place ("in Addis Ababa") nor with "the" ("the Red Forest").
    pub fn is_person(&self, name: &str) -> bool {
        looks_like_person(name)
            && !self.places.iter().any(|p| p == name)
            && !self.definite.iter().any(|p| p == name)
    }

    /// Reads what is known about the whole article from its title and sentences.
    pub fn new(title: Option<&str>, sentences: &[String]) -> Article {
        let mut words = Vocabulary::of(sentences);
        // "Kon-Tiki expedition", "Spanish flu": a short title whose last word is written small
        // is one name where the text writes it whole.
        words.titled = title
            .filter(|t| {
                let w: Vec<&str> = t.split_whitespace().collect();
                (2..=4).contains(&w.len())
                    && w.last()
                        .is_some_and(|l| l.chars().all(|c| c.is_lowercase()))
                    && w.iter()
                        .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
            })
            .map(str::to_string);
        let mut article = Article {
            words,
            ..Article::default()
        };
        let read: Vec<Sentence> = sentences
            .iter()
            .map(|s| sentence::read(s, &article.words))
            .collect();
        // "in Addis Ababa", "near Colorado Springs": a name after "in" is a place, whatever
        // its shape, unless it owns something there ("in Mara Quell's laboratory").
        // "an RBMK-1000", "a Saturn V": a name after "a" is a thing's too.
        static INDEFINITE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?:^|\s)(?:[Aa]n?) «E(\d+)»").expect("valid"));
        for s in &read {
            let indefinite: Vec<usize> = INDEFINITE
                .captures_iter(&s.skeleton)
                .filter_map(|c| c[1].parse().ok())
                .collect();
            for (i, slot) in s.slots.iter().enumerate() {
                if matches!(slot.kind, SlotKind::Entity { .. })
                    && !modifies_a_noun(&s.skeleton, i)
                    && (slot.text.starts_with("the ")
                        || slot.text.starts_with("The ")
                        || indefinite.contains(&i))
                    && !article.definite.iter().any(|p| p == slot.bare())
                {
                    article.definite.push(slot.bare().to_string());
                }
            }
            // "Karhu Sports, a Finnish company": the apposition's head says it is a thing.
            for c in APPOSED_NAME.captures_iter(&s.skeleton) {
                let (Some(phrase), Some(i)) = (
                    c.get(2).or_else(|| c.name("of")),
                    c.get(1).or_else(|| c.name("i")),
                ) else {
                    continue;
                };
                let head = crate::wording::noun::NounPhrase::new(phrase.as_str()).head();
                if let Some(slot) = slot_at(s, i.as_str())
                    && (c.name("of").is_none() || PLACE_CLASSES.contains(&head.as_str()))
                    && !article
                        .called
                        .iter()
                        .any(|(h, n)| *h == head && n == slot.bare())
                {
                    article.called.push((head.clone(), slot.bare().to_string()));
                }
                if let Some(slot) = slot_at(s, i.as_str())
                    && is_thing_noun(&head)
                    && !article.definite.iter().any(|p| p == slot.bare())
                {
                    article.definite.push(slot.bare().to_string());
                }
            }
            for c in PLACED_NAME.captures_iter(&s.skeleton) {
                if let Some(slot) = slot_at(s, &c[1])
                    && !article.places.iter().any(|p| p == slot.bare())
                {
                    article.places.push(slot.bare().to_string());
                }
            }
        }
        for s in &read {
            for c in ACRONYM_DEF.captures_iter(&s.skeleton) {
                let (Ok(a), Ok(b)) = (c[1].parse::<usize>(), c[2].parse::<usize>()) else {
                    continue;
                };
                let (long, short) = (s.slots[a].bare().to_string(), s.slots[b].text.clone());
                // "Belt and Road Initiative (BRI)": the name may run over "and" to the name
                // before it.
                let before = &s.skeleton[..c.get(0).map_or(0, |m| m.start())];
                let joined = JOINED
                    .captures(before)
                    .and_then(|j| j[1].parse::<usize>().ok())
                    .map(|i| format!("{} and {long}", s.slots[i].bare()));
                let long = joined
                    .and_then(|j| expansion(&j, &short))
                    .or_else(|| expansion(&long, &short));
                if let Some(long) = long
                    && is_acronym(&short)
                    && !article.acronyms.iter().any(|(x, _)| *x == short)
                {
                    article.acronyms.push((short, long));
                }
            }
            for slot in &s.slots {
                if matches!(slot.kind, SlotKind::Entity { .. })
                    && !article.is_person(slot.bare())
                    && !article
                        .things
                        .iter()
                        .any(|t| sentence_bare(t) == slot.bare())
                {
                    article.things.push(slot.text.clone());
                }
                if matches!(slot.kind, SlotKind::Entity { .. })
                    && article.is_person(slot.bare())
                    && !article.people.iter().any(|p| p == slot.bare())
                {
                    article.people.push(slot.bare().to_string());
                }
            }
        }
        // "Napoleon himself", "Wellington's wife", "Blücher died": a one-word name is a
        // person's.
        static PERSON_SIGN: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"«E(\d+)»(?: (?:himself|herself|was born|died|married)\b|'s (?:wife|husband|son|sons|daughter|daughters|father|mother|brother|sister|death|birth|childhood|army|troops|men|life|career|own)\b)|(?:^|; |, (?:and |but |while )?)(?:(?:On|In|At|By) «[NDX]\d+»(?: [a-z]+)? )?«E(\d+)»,? [a-z]+(?: [a-z\-]+){0,5} (?:his|her|him)\b")
                .expect("valid")
        });
        for s in &read {
            for c in PERSON_SIGN.captures_iter(&s.skeleton) {
                let Some(i) = c.get(1).or_else(|| c.get(2)) else {
                    continue;
                };
                if let Some(slot) = slot_at(s, i.as_str())
                    && matches!(slot.kind, SlotKind::Entity { .. })
                    && !slot.bare().contains(' ')
                    && slot.bare().chars().skip(1).all(char::is_lowercase)
                    && !article.places.iter().any(|p| p == slot.bare())
                    && !article.definite.iter().any(|p| p == slot.bare())
                    && !article.single_people.iter().any(|p| p == slot.bare())
                {
                    article.single_people.push(slot.bare().to_string());
                }
            }
        }
        let all = sentences.join(" ");
        for (acronym, _) in &article.acronyms {
            // "the SCO" counts, "the SCO Secretariat" does not.
            let bare_use = ["the ", "The "].iter().any(|the| {
                let needle = format!("{the}{acronym}");
                all.match_indices(&needle).any(|(i, _)| {
                    let rest = &all[i + needle.len()..];
                    !rest.starts_with(|c: char| c.is_alphanumeric())
                        && !rest.trim_start().starts_with(|c: char| c.is_uppercase())
                })
            });
            if bare_use {
                article.with_article.push(acronym.clone());
            }
        }
        article.find_subject(title, read.first(), &all);
        let count = |words: &[&str]| {
            all.split(|c: char| !c.is_alphabetic())
                .filter(|w| words.contains(w))
                .count()
        };
        let (she, he) = (
            count(&["she", "She", "her", "Her"]),
            count(&["he", "He", "his", "His", "him"]),
        );
        if she + he > 0 {
            article.female = Some(she > he);
        }
        article
    }

    fn find_subject(&mut self, title: Option<&str>, first: Option<&Sentence>, all: &str) {
        let title_names: Vec<String> = title
            .map(|t| sentence::read(t, &self.words))
            .map(|s| {
                s.slots
                    .into_iter()
                    .filter(|s| matches!(s.kind, SlotKind::Entity { .. }))
                    .map(|s| s.bare().to_string())
                    .collect()
            })
            .unwrap_or_default();
        // The first sentence's subject, when it opens the sentence: "Iceland is ...",
        // "The Tour de France is ...", "Penicillin, the first ..., was discovered".
        static OPENING: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:[Tt]he )?(?:«E(?P<e>\d+)»(?: \(«E(?P<a>\d+)»\))?(?: \([^()]*\))?|(?P<w>[A-Z][a-z]+))(?:,[^,]*,|, (?:the|a|an) [^;]*?,|, (?:officially|formally|known|also|called) [^;]*?,)? (?:is|was|are|were|has|had|lies|stands|rises)\b(?P<rest>.*)").expect("valid")
        });
        let mut subject = None;
        // Whether the first definition named the subject's kind ("a waterfall").
        let mut defined_kind = false;
        // The head noun of the subject's definition ("carmaker"), when there is one, and the
        // definition as written.
        let mut defined_head = String::new();
        let mut definition = String::new();
        if let Some(first) = first
            && let Some(c) = OPENING.captures(&first.skeleton)
        {
            subject = if let Some(a) = c.name("a") {
                first
                    .slot(&format!("«E{}»", a.as_str()))
                    .map(|s| s.text.clone())
            } else if let Some(e) = c.name("e") {
                first
                    .slot(&format!("«E{}»", e.as_str()))
                    .map(|s| s.text.clone())
            } else {
                c.name("w").map(|w| {
                    let w = w.as_str();
                    // "Airbus", which the article also capitalises inside a sentence,
                    // stays a name though it once writes "an airbus"; "penicillin" does not.
                    if self.words.lowercase.contains(&w.to_lowercase())
                        && !self.words.capitalised.contains(w)
                    {
                        w.to_lowercase()
                    } else {
                        w.to_string()
                    }
                })
            };
            // "Billund is a small town" opening an article titled about Lego: a name the
            // title does not hold, named less often than one it does, is only the scene.
            if let Some(s) = &subject
                && !title_words(title.unwrap_or(""))
                    .iter()
                    .any(|t| s.contains(t.as_str()))
                // "NATO" is the title's "North Atlantic Treaty Organization".
                && !self.acronyms.iter().any(|(a, e)| {
                    a == sentence_bare(s) && title.is_some_and(|t| t.contains(e.as_str()))
                })
                && let Some((count, _)) = self.most_named_title_word(title, all)
                && count > mentions(all, sentence_bare(s))
            {
                subject = None;
            } else if let Some(rest) = c.name("rest") {
                // "Victoria Falls is a waterfall on the Zambezi": the kind the definition
                // names, a class noun when it is a known one or one the article writes with
                // "the" again ("the waterfall"); any other kind keeps "the river" from
                // standing for the subject.
                if let Some(head) = head_noun(rest.as_str()).filter(|h| {
                    !crate::draft::rules::is_superlative(h)
                        && !matches!(h.as_str(), "first" | "last" | "only" | "second" | "third")
                }) && !subject.as_deref().is_some_and(|s| self.is_person(s))
                {
                    defined_kind = true;
                    defined_head = head.clone();
                    definition = first.render(rest.as_str());
                    let known = CLASS_NOUNS.contains(&head.as_str());
                    // "a mountain range": a vague kind made a kind of place by its noun.
                    let compound = rest.as_str().contains(&format!("mountain {head}"));
                    let used = (!VAGUE_KINDS.contains(&head.as_str()) || compound)
                        && with_the(all, &head) >= 1;
                    if (known || used) && !self.class_nouns.contains(&head) {
                        self.class_nouns.push(head);
                    }
                }
            }
            // The title's name when it is the same thing better named ("Ada Lovelace" for
            // "Augusta Ada Byron").
            if let Some(s) = &subject
                && let Some(t) = title_names.iter().find(|t| {
                    t.split_whitespace()
                        .any(|w| s.split_whitespace().any(|v| v == w))
                })
                && t.split_whitespace().count() >= 2
            {
                self.aliases.push(sentence_bare(s).to_string());
                subject = Some(if s.starts_with("the ") {
                    format!("the {t}")
                } else {
                    t.clone()
                });
            }
        }
        // "The Thirty Years' War (1618-1648), a chain of conflicts ..., began as a revolt":
        // a name opening the first sentence that the title holds, whatever the verb.
        if subject.is_none()
            && let Some(first) = first
            && let Some(slot) = first.slots.first()
            && matches!(slot.kind, SlotKind::Entity { possessive: false })
            && (first.skeleton.starts_with("«E0»") || first.skeleton.starts_with("The «E0»"))
            && slot.bare().split_whitespace().count() >= 2
            && title.is_some_and(|t| t.contains(slot.bare()))
        {
            subject = Some(slot.text.clone());
        }
        // "Apollo 11: Eight Days That Put People on the Moon": a title that opens on a name
        // and a colon is about that name, when the article names it too.
        if subject.is_none()
            && let Some((head, _)) = title.and_then(|t| t.split_once(": "))
            && let Some(name) = title_names.first()
            && sentence_bare(head.trim()) == name
            && all.contains(name.as_str())
        {
            subject = Some(self.short_name(name));
        }
        if subject.is_none() {
            // Else the title's name that the article mentions most (its acronym counting).
            subject = title_names
                .iter()
                .map(|t| {
                    let short = self.short_name(t);
                    let bare = sentence_bare(&short);
                    let count = if bare == t {
                        all.matches(t.as_str()).count()
                    } else {
                        all.matches(t.as_str()).count() + all.matches(bare).count()
                    };
                    (count, short)
                })
                .filter(|(count, _)| *count > 1)
                .max_by_key(|(count, _)| *count)
                .map(|(_, name)| name)
                // "The Boston Marathon, organised by ...": with "the" when the article
                // writes it so at least half the time.
                .map(|name| {
                    let with_the = with_the(all, &name);
                    if !name.starts_with("the ")
                        && with_the * 2 >= mentions(all, &name)
                        && with_the > 0
                    {
                        format!("the {name}")
                    } else {
                        name
                    }
                });
        }
        if subject.is_none()
            && let Some((_, name)) = self.most_named_title_word(title, all)
        {
            subject = Some(self.short_name(&name));
        }
        // "The European Coal and Steel Community (ECSC)", read as two names: the subject is
        // the acronym whose expansion the first name opens.
        if let Some(s) = &subject
            && let Some((acronym, _)) = self.acronyms.iter().find(|(_, e)| {
                e.strip_prefix(sentence_bare(s))
                    .is_some_and(|rest| rest.starts_with(" and ") || rest.starts_with(" of "))
            })
        {
            subject = Some(self.short_name(&acronym.clone()));
        }
        if let Some(s) = &subject {
            let subject = self.short_name(s);
            // "the Crimean War" stands for itself as "the war"; the first word of an
            // expansion ("Association of ...") as "the association".
            let long = self
                .acronyms
                .iter()
                .find(|(a, _)| *a == sentence_bare(&subject))
                .map_or(subject.clone(), |(_, e)| e.clone());
            for word in [
                long.split_whitespace().next(),
                long.split_whitespace().last(),
            ]
            .into_iter()
            .flatten()
            {
                let lower = word.to_lowercase();
                // "the Warsaw Pact" is also "the treaty", "the Kyoto Protocol" "the agreement".
                // A marathon is a race too.
                let kinds: &[&str] = if TREATY_NOUNS.contains(&lower.as_str()) {
                    TREATY_NOUNS
                } else if lower == "marathon" {
                    &["race"]
                } else {
                    &[]
                };
                for noun in std::iter::once(lower.as_str()).chain(kinds.iter().copied()) {
                    if CLASS_NOUNS.contains(&noun) && !self.class_nouns.iter().any(|c| c == noun) {
                        self.class_nouns.push(noun.to_string());
                    }
                }
            }
            // "the country", "the river": when no definition named the subject's kind, the
            // place noun the article writes most often with "the" (twice at least). An
            // event is no place: "the city" in an article on a siege is the city besieged.
            if !looks_like_person(&subject)
                && !names_an_event(&subject)
                && self.class_nouns.is_empty()
                && let Some(noun) = kept_noun(PLACE_NOUNS, all)
                // "a cataract on the Varn River": the river is another thing, a name the
                // definition holds, not the subject of an unknown kind ("an active
                // stratovolcano ... and the highest mountain" is "the mountain").
                && !definition
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(noun) && w.starts_with(char::is_uppercase))
            {
                self.class_nouns.push(noun.to_string());
            }
            // "the ship": a subject the article keeps calling a vessel (twice at least with
            // "the") is one, and "she" as English calls ships.
            if !looks_like_person(&subject)
                && !names_an_event(&subject)
                && self.class_nouns.is_empty()
                && let Some(noun) = kept_noun(SHIP_NOUNS, all)
            {
                self.class_nouns.push(noun.to_string());
            }
            // "the Battle of Hastings" is "the battle", "the Siege of Vienna" "the siege".
            if names_an_event(&subject) {
                for word in subject.split_whitespace() {
                    let lower = word.to_lowercase();
                    if EVENT_NAMES.contains(&word)
                        && !matches!(word, "Games" | "Landings" | "Peace" | "Treaty")
                        && !self.class_nouns.contains(&lower)
                    {
                        self.class_nouns.push(lower);
                    }
                }
            }
            // Generic words for an organisation stand for a subject that is not a person,
            // unless the article says it is another kind of thing ("the canal", "the war").
            // A definition of another kind ("a vast system of fortifications", "a large
            // optical observatory") keeps them out; a carmaker is a maker.
            let organisation_head = ORGANISATION_NOUNS.iter().any(|n| defined_head.ends_with(n));
            if !self.names_someone(&subject)
                && ((self.class_nouns.is_empty() && (!defined_kind || organisation_head))
                    || self
                        .class_nouns
                        .iter()
                        .any(|c| ORGANISATION_NOUNS.contains(&c.as_str())))
            {
                for noun in ["company", "firm", "organisation", "organization", "group"] {
                    if !self.class_nouns.iter().any(|c| c == noun) {
                        self.class_nouns.push(noun.to_string());
                    }
                }
            }
            self.subject = Some(subject);
        }
    }

    /// The title's name (a single capitalised word, or a run of them spelled by an acronym the
    /// text uses) that the text names most on its own, at least three times: "Chile" in "A
    /// Ribbon of a Country: Chile Between the Desert and the Ice", "European Space Agency"
    /// when the text writes "ESA" (the acronym is then recorded). Nationality adjectives
    /// ("European", "Swedish") are not names of a subject.
    fn most_named_title_word(&mut self, title: Option<&str>, all: &str) -> Option<(usize, String)> {
        let words = title_words(title?);
        let mut best: Option<(usize, String)> = None;
        for (i, w) in words.iter().enumerate() {
            if !["ean", "ian", "ish", "ese"].iter().any(|e| w.ends_with(e))
                && !self.words.lowercase.contains(&w.to_lowercase())
            {
                // "Lego" heads "the Lego Group" and "Lego House": they name it too.
                let count = mentions(all, w) + heads(all, w);
                if count >= 3 && best.as_ref().is_none_or(|(b, _)| count > *b) {
                    best = Some((count, w.clone()));
                }
            }
            // "European Space Agency" for "ESA": runs of two to five title words.
            for len in 2..=5.min(words.len() - i) {
                let long = words[i..i + len].join(" ");
                let Some(acronym) = all
                    .split(|c: char| !c.is_alphanumeric() && c != '&')
                    .find(|a| is_acronym(a) && a.len() == len && expands(&long, a))
                else {
                    continue;
                };
                let count = mentions(all, acronym) + mentions(all, &long);
                if count >= 3 && best.as_ref().is_none_or(|(b, _)| count > *b) {
                    if !self.acronyms.iter().any(|(a, _)| a == acronym) {
                        self.acronyms.push((acronym.to_string(), long.clone()));
                    }
                    best = Some((count, long));
                }
            }
        }
        best
    }

    /// An organisation's short name: its acronym when it has one, with "the" when the text
    /// writes it so.
    pub fn short_name(&self, name: &str) -> String {
        let bare = sentence_bare(name);
        if let Some((a, _)) = self
            .acronyms
            .iter()
            .find(|(a, e)| a == bare || e.eq_ignore_ascii_case(bare))
        {
            return if self.with_article.contains(a) {
                format!("the {a}")
            } else {
                a.clone()
            };
        }
        name.to_string()
    }

    /// The one name the article gives that a common noun heads: "the bridge" for "the
    /// Øresund Bridge", "the lake" for "Lake Baikal", "the treaty" for "the Treaty of Kiel".
    /// `None` when no name or several fit, or when the noun is a person's ("the emperor").
    pub fn named_by(&self, noun: &str) -> Option<String> {
        if noun.len() < 3
            || !noun.chars().all(|c| c.is_ascii_lowercase())
            || crate::draft::rules::people::is_person_role(noun)
        {
            return None;
        }
        let mut capital = noun.to_string();
        capital[..1].make_ascii_uppercase();
        let fits: Vec<&String> = self
            .things
            .iter()
            .filter(|t| {
                let words: Vec<&str> = sentence_bare(t).split_whitespace().collect();
                !t.contains("'s")
                    && words.len() >= 2
                    && (words.last() == Some(&capital.as_str())
                        || (words[0] == capital && (words.len() == 2 || words[1] == "of")))
            })
            .collect();
        match fits.as_slice() {
            [one] => Some((*one).clone()),
            [] => {
                // "the city" when one name is called a city ("Stalingrad, an industrial
                // city"); never the article's subject, whose class nouns are read first.
                let mut called = self
                    .called
                    .iter()
                    .filter(|(head, _)| head == noun)
                    .map(|(_, name)| name);
                match (called.next(), called.next()) {
                    (Some(one), None) if !self.is_person(one) => Some(one.clone()),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Whether the subject is a person (biographies: "she" is the subject).
    /// Whether the subject is a vessel ("the ship"), which the article may call "she".
    pub fn subject_is_ship(&self) -> bool {
        self.class_nouns
            .iter()
            .any(|c| SHIP_NOUNS.contains(&c.as_str()))
    }

    pub fn subject_is_person(&self) -> bool {
        // "Tull Shipping is a company": a class noun says it is not a person.
        self.class_nouns.is_empty()
            && self
                .subject
                .as_deref()
                .is_some_and(|s| self.names_someone(s))
    }

    /// Whether a name is a person's: one by its shape ([`Article::is_person`]), or one of the
    /// people the article names in full ("Owens" for "Jesse Owens").
    pub fn names_someone(&self, name: &str) -> bool {
        self.is_person(name)
            || self
                .people
                .iter()
                .any(|p| p == name || p.ends_with(&format!(" {name}")))
    }
}

/// Capitalised words that open sentences and titles without being names.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "The", "A", "An", "How", "Why", "What", "When", "Only", "Is", "Of", "And", "In", "On", "To",
    "From", "Between", "Down", "Up", "By", "For", "At", "With", "Since", "After", "Before",
    "Until", "During", "Its", "Their", "His", "Her", "But", "Then", "Yet",
];

/// The capitalised words of a title, without its function words ("The", "How", "A").
fn title_words(title: &str) -> Vec<String> {
    title
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .map(|w| w.trim_end_matches("'s").trim_matches('\''))
        .filter(|w| w.starts_with(char::is_uppercase) && !FUNCTION_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// How often a name opens a longer capitalised name ("Lego" in "the Lego Group", not in "Old
/// Lego Street" or "Legoland").
fn heads(all: &str, name: &str) -> usize {
    word_uses(all, name).filter(|&opens| opens).count()
}

/// How often a name stands on its own in a text: not inside a longer capitalised name or word
/// ("Lego" in "Lego bricks", not in "Legoland" or "Lego Group").
fn mentions(all: &str, name: &str) -> usize {
    word_uses(all, name).filter(|&opens| !opens).count()
}

/// The uses of a name as whole words that no capitalised word precedes, each saying whether
/// a capitalised word follows (the name then opens a longer one).
fn word_uses<'a>(all: &'a str, name: &'a str) -> impl Iterator<Item = bool> + 'a {
    all.match_indices(name)
        .filter(move |_| !name.is_empty())
        .filter_map(move |(i, _)| {
            let (before, rest) = (&all[..i], &all[i + name.len()..]);
            let word_before = before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next());
            let name_before = word_before.is_some_and(|w| {
                w.starts_with(char::is_uppercase)
                    && w.ends_with(char::is_alphanumeric)
                    && !FUNCTION_WORDS.contains(&w)
            });
            let name_after = rest
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_uppercase));
            (!before.ends_with(char::is_alphanumeric)
                && !rest.starts_with(char::is_alphanumeric)
                && !name_before)
                .then_some(name_after)
        })
}

pub fn sentence_bare(name: &str) -> &str {
    name.strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name)
}

/// The head noun of a predicate noun phrase: "an island country in the North Atlantic" gives
/// "country", "a regional organisation of ten countries" gives "organisation".
fn head_noun(predicate: &str) -> Option<String> {
    let words: Vec<&str> = predicate.split_whitespace().collect();
    if !matches!(words.first(), Some(&("a" | "an" | "the"))) {
        return None;
    }
    let mut head = None;
    // The head comes within the first words ("a collective defence alliance formed by ...").
    for w in words[1..].iter().take(6) {
        let w = w.trim_end_matches([',', '.', ';']);
        if w.contains('«')
            || matches!(
                w,
                "of" | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "with"
                    | "that"
                    | "which"
                    | "who"
                    | "whose"
                    | "whom"
                    | "held"
                    | "made"
                    | "known"
                    | "called"
                    | "from"
                    | "between"
                    | "near"
                    | "to"
                    | "by"
                    | "where"
                    | "and"
            )
            || (w.ends_with("ed") && head.is_some())
        {
            break;
        }
        head = Some(w.to_lowercase());
    }
    head.filter(|h| h.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
}

/// Heads of definitions that say too little to stand for the subject ("a kind of ...") or
/// to define a term ("a process known as bleaching", "the technique, known as repoussé").
#[rustfmt::skip]
pub(crate) const VAGUE_KINDS: &[&str] = &[
    "type", "kind", "form", "sort", "term", "name", "part", "member", "way", "series", "set",
    "number", "one", "place", "thing", "example", "piece", "word", "means", "range", "pair",
    "collection", "system", "area", "region", "site", "work", "field", "branch", "study",
    "process", "practice", "method", "phenomenon", "effect", "idea", "concept", "technique",
    "style", "approach", "art", "skill", "tool",
];

fn is_acronym(s: &str) -> bool {
    s.chars().count() >= 2 && s.chars().all(|c| c.is_uppercase() || c == '&')
}

/// Whether an acronym spells a name: each capitalised word (or hyphenated part) gives its first
/// letter and perhaps more of its letters in order ("ASEAN" for "Association of Southeast
/// Asian Nations", "SCO" for "Shanghai Co-operation Organization").
pub fn expands(long: &str, acronym: &str) -> bool {
    let words: Vec<Vec<char>> = long
        .split([' ', '-'])
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(|w| w.to_lowercase().chars().collect())
        .collect();
    let letters: Vec<char> = acronym
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    fn fits(words: &[Vec<char>], letters: &[char]) -> bool {
        let Some((word, rest)) = words.split_first() else {
            return letters.is_empty();
        };
        if letters.first() != word.first() {
            return false;
        }
        // The word gives its first letter, then any further letters of it in order.
        let mut taken = 1;
        let mut at = 1;
        loop {
            if fits(rest, &letters[taken..]) {
                return true;
            }
            let Some(next) = letters.get(taken) else {
                return false;
            };
            match word[at..].iter().position(|c| c == next) {
                Some(p) => {
                    at += p + 1;
                    taken += 1;
                }
                None => return false,
            }
        }
    }
    !words.is_empty() && words.len() <= letters.len() && fits(&words, &letters)
}

/// Words in names of things, never of people.
#[rustfmt::skip]
const THING_WORDS: &[&str] = &[
    "Organisation", "Organization", "Association", "Union", "Bank", "Council", "Committee",
    "Agency", "Institute", "University", "College", "School", "Company", "Group", "Systems",
    "Treaty", "Agreement", "Convention", "Declaration", "Charter", "Forum", "Community",
    "Secretariat", "Structure", "Area", "Sea", "Ocean", "River", "Lake", "Mount", "Mountain",
    "Peak", "Island", "Islands", "Park", "Valley", "Hospital", "Church", "Street", "Laboratory",
    "Journal", "Prize", "War", "Battle", "Siege", "Empire", "Kingdom", "Republic", "Day",
    "Engine", "Way", "Tour", "Games", "Cup", "North", "South", "East", "West", "New", "Saint",
    "St", "Fort", "Port", "Cape", "Gulf", "Bay", "Plateau", "Desert", "Glacier", "Route",
    "Summits", "Department", "Ministry", "Office", "Service", "Party", "Army", "Navy", "Fleet",
    "Brigade", "Times", "Lancet", "Memoirs", "Great", "United", "States", "Kingdom", "Rally",
    "Femmes", "Plus", "Free", "Trade", "Economic", "Regional", "National", "International",
    "World", "Heritage", "Site", "Circle", "Ridge", "Province", "Region", "Principalities",
    "Light", "Central", "Southeast", "Asia", "Africa", "Europe", "America", "Lanka", "Korea",
    "Zealand", "Guinea", "Leone", "Arabia", "Rica", "Emirates", "Netherlands", "Hall", "House",
    "Palace", "Museum", "Library", "Centre", "Center", "Station", "Airport", "Road", "Canal",
    "Bridge", "Tower", "Castle", "Cathedral", "Abbey", "Square", "Club", "Team", "League",
    "Protocol", "Accord", "Accords", "Pact", "Act", "Statute", "Conference", "Summit",
    "Marathon", "Stadium", "Festival", "Championship", "Championships", "Olympics", "Award",
    "Programme", "Program", "Fund", "Foundation", "Corporation", "Airlines", "Motors",
    "Railway", "Town", "City", "Gardens", "Monument", "Academy", "Observatory", "Mission",
    "Race", "Regatta", "Commission", "Parliament", "Court", "Assembly", "Senate", "Congress",
    "Society", "Federation", "Tribunal", "Cabinet", "Government", "Authority", "Board", "Bureau",
    "Trust", "Network", "Reserve", "Delta", "Basin", "Plate", "Current", "Cut", "Dam", "Locks",
    "Icefall", "Col", "Pass", "Range", "Falls", "Strait", "Channel", "Coast", "Peninsula",
    "Isthmus", "Sound", "Firth", "Loch", "Crater", "Conventions", "Treaties", "Protocols",
    "Industrie", "Industries", "Industry", "Holdings", "Airways", "Electronics", "Works",
    "Enterprises", "Partners", "Brothers", "Aerospace", "Aviation", "Shipping", "Steel",
    "Prefecture", "County", "District", "Oblast", "Canton", "Territory", "Governorate",
    "Municipality", "Borough", "Shire", "State", "Lagoon", "Hills", "Highlands", "Geyser",
    "Spring", "Springs", "Canyon", "Caldera", "Volcano", "Reef", "Cave", "Caves", "Gorge",
    "Oasis", "Operation", "Plan", "Project", "Order", "Offensive", "Campaign", "Front", "Corps",
    "Division", "Regiment", "Squadron", "Doctrine", "Telescope", "Satellite", "Mountains",
    "Forest", "Shrine", "Prix",
];

/// Whether a name looks like a person's: two to four capitalised words, none of them a word
/// for a thing or a place, no acronym.
pub fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "The Motherland Calls", "The Hague": no one's name opens with an article.
    (2..=4).contains(&words.len())
        && !matches!(words[0], "The" | "A" | "An")
        && words.iter().all(|w| {
            let stem = w.trim_end_matches("'s");
            (stem.starts_with(char::is_uppercase)
                || ["de", "di", "da", "van", "von", "der", "le", "la"].contains(&stem))
                && !THING_WORDS.contains(&stem)
                // "Lockheed L-1011 TriStar": no one's name holds a number.
                && !stem.chars().any(|c| c.is_ascii_digit())
                && !(stem.chars().count() > 1
                    && stem.chars().all(char::is_uppercase)
                    && !matches!(stem, "II" | "III" | "IV" | "VI" | "VII" | "VIII"))
        })
}

/// What pronouns and "the same year" point to, as the text goes on.
#[derive(Debug, Clone, Default)]
pub struct Focus {
    /// The subject of the last clause: `Some(None)` when it was an unnamed noun phrase.
    pub subject: Option<Option<String>>,
    /// The last person named as a subject.
    pub person: Option<String>,
    /// The date of the last event found.
    pub date: Option<FactDate>,
    /// The noun of the last event with a "to" ("accession", "ASEAN"), for "X followed".
    pub event: Option<(String, Option<String>)>,
    /// The people named so far, in full: a first name alone stands only for one of them.
    pub named: Vec<String>,
}

/// The article and the focus together: everything a pattern may resolve a phrase with.
#[derive(Debug, Clone)]
pub struct Context {
    pub article: Article,
    pub focus: Focus,
}

/// Pronouns standing for a thing, and for a person.
const IT: &[&str] = &["it", "It", "this", "This", "its", "Its", "their", "Their"];
const PERSON: &[&str] = &["he", "He", "she", "She", "him", "her", "Her", "his", "His"];

impl Context {
    pub fn new(article: Article) -> Context {
        Context {
            article,
            focus: Focus::default(),
        }
    }

    /// Who "he" or "she" is: in a biography, the subject when the pronoun is the one the
    /// article uses most; else the last person named.
    pub fn person_for(&self, pronoun: &str) -> Option<String> {
        let pronoun = pronoun.to_lowercase();
        let female = matches!(pronoun.as_str(), "she" | "her" | "hers");
        if self.article.subject_is_person() && self.article.female.is_none_or(|f| f == female) {
            return self.article.subject.clone();
        }
        // "She was launched in 1911": a ship is "she", in an article that says "she" more
        // than "he".
        if female && self.article.subject_is_ship() && self.article.female == Some(true) {
            return self.article.subject.clone();
        }
        self.focus.person.clone().filter(|p| {
            Some(p) != self.article.subject.as_ref() || !self.article.subject_is_person()
        })
    }

    /// Who "he" or "she" is, whatever the pronoun.
    pub fn person(&self) -> Option<String> {
        self.focus.person.clone().or_else(|| {
            self.article
                .subject_is_person()
                .then(|| self.article.subject.clone())
                .flatten()
        })
    }

    /// What "it" is: the last named subject, else the article's subject; nothing when the last
    /// subject was an unnamed noun phrase, which "it" may as well mean.
    pub fn it(&self) -> Option<String> {
        match &self.focus.subject {
            // "Marie Curie ... It was completed in 1914": "it" is never the person a
            // biography is about.
            Some(Some(s))
                if self.article.subject.as_ref() == Some(s) && self.article.subject_is_person() =>
            {
                None
            }
            // "Taiichi Ohno developed the Toyota Production System. Its two pillars ...": no
            // person is "it".
            Some(Some(s)) if self.article.is_person(s) => None,
            Some(Some(s)) => Some(s.clone()),
            Some(None) => None,
            None => self
                .article
                .subject
                .clone()
                .filter(|_| !self.article.subject_is_person()),
        }
    }

    /// A noun phrase as a name a question can use, with a note when it was read by reference:
    /// pronouns and class nouns resolved, "its X" as "the X of Y", organisations by their
    /// short name, a surname alone by the full name. `None` when a pronoun has nothing to
    /// point to.
    pub fn resolve(&self, phrase: &str) -> Option<(String, Option<&'static str>)> {
        let phrase = phrase.trim().trim_end_matches([',', '.', ';', ':']);
        if IT.contains(&phrase) {
            return self
                .it()
                .map(|s| (s, Some("\"it\" read as the last subject")));
        }
        if PERSON.contains(&phrase) {
            return self
                .person_for(phrase)
                .map(|s| (s, Some("\"he\"/\"she\" read as the last person named")));
        }
        let lower = phrase.to_lowercase();
        // "the Japanese firm": a class noun after a nationality is the class noun.
        let lower = match phrase
            .split_once(' ')
            .map(|(the, rest)| (the, rest.split_once(' ')))
        {
            Some((the, Some((adjective, noun))))
                if the.eq_ignore_ascii_case("the")
                    && crate::draft::sentence::is_demonym(adjective)
                    && noun.starts_with(char::is_lowercase)
                    && !noun.contains(' ') =>
            {
                format!("the {}", noun.to_lowercase())
            }
            _ => lower,
        };
        if let Some(noun) = lower.strip_prefix("the ")
            && self.article.class_nouns.iter().any(|c| c == noun)
            && let Some(subject) = &self.article.subject
        {
            return Some((
                subject.clone(),
                Some("a class noun read as the article's subject"),
            ));
        }
        // "the fire" in an article about the Great Fire of London is the fire, not the Fire
        // Court: a noun the subject's own name holds.
        if let Some(noun) = lower.strip_prefix("the ")
            && noun.len() >= 3
            && !noun.contains(' ')
            && let Some(subject) = &self.article.subject
            && sentence_bare(subject)
                .split_whitespace()
                .any(|w| w.to_lowercase() == noun)
        {
            return Some((
                subject.clone(),
                Some("a class noun read as the article's subject"),
            ));
        }
        // "the bridge" when the article names one bridge.
        if let Some(noun) = lower.strip_prefix("the ")
            && let Some(name) = self.article.named_by(noun)
        {
            return Some((
                self.name(&name),
                Some("a noun read as the one name it heads"),
            ));
        }
        for (pronoun, person) in [
            ("its ", false),
            ("Its ", false),
            ("their ", false),
            ("Their ", false),
            ("his ", true),
            ("His ", true),
            ("her ", true),
            ("Her ", true),
        ] {
            if let Some(rest) = phrase.strip_prefix(pronoun) {
                let owner = if person {
                    self.person_for(pronoun.trim())
                } else {
                    self.it()
                }?;
                return Some((
                    format!("the {rest} of {owner}"),
                    Some("a possessive read as the last subject"),
                ));
            }
        }
        if ["they", "They", "which", "who", "that", "these", "those"].contains(&phrase) {
            return None;
        }
        // "The guild" opening a sentence is "the guild".
        let phrase = match phrase.split_once(' ') {
            Some((det @ ("The" | "A" | "An"), rest)) if rest.starts_with(char::is_lowercase) => {
                format!("{} {rest}", det.to_lowercase())
            }
            _ => phrase.to_string(),
        };
        Some((self.name(&phrase), None))
    }

    /// A name as a question should use it: an organisation's short name, a person's full
    /// name without the title before it, the article's subject for part of its name.
    pub fn name(&self, name: &str) -> String {
        static TITLE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:the )?(?:[A-Z][a-z]+(?:ese|ian|ish|an|ic) )?(?:President|Prime Minister|Chancellor|Premier|Emperor|Empress|Tsar|Secretary-General|Foreign Minister|Governor|Mayor|Admiral|Pope|Marshal|Field Marshal|General|Colonel|Sir|Dame) (?P<name>[A-Z]\S+(?: [A-Z]\S+){1,2})$").expect("valid")
        });
        if let Some(c) = TITLE.captures(name) {
            return c["name"].to_string();
        }
        let short = self.article.short_name(name);
        if short != name {
            return short;
        }
        let bare = sentence_bare(name);
        if self.article.aliases.iter().any(|a| a == bare)
            && let Some(subject) = &self.article.subject
        {
            return subject.clone();
        }
        // "the Danube" is the article's subject, not the "Danube Commission" it also names.
        if self
            .article
            .subject
            .as_deref()
            .is_some_and(|s| sentence_bare(s) == bare)
        {
            return name.to_string();
        }
        // "Airbus" in an article on Airbus is not the "Deutsche Airbus" it also names.
        let in_subject = self
            .article
            .subject
            .as_deref()
            .is_some_and(|s| s.split_whitespace().any(|w| w.eq_ignore_ascii_case(bare)));
        if !bare.contains(' ') && bare.starts_with(char::is_uppercase) && !in_subject {
            // "Fleming" is the "Alexander Fleming" named before. When two people share it
            // ("Augusta Ada Byron", "Lord Byron"), the one last named, if either.
            let fits: Vec<&String> = self
                .article
                .people
                .iter()
                .filter(|p| {
                    p.split_whitespace().last() == Some(bare)
                        // "his father Johann" before "Johann Sebastian Bach" is named: a
                        // first name stands for a person named before it.
                        || (p.split_whitespace().next() == Some(bare)
                            && self.focus.named.iter().any(|n| n == *p))
                })
                .collect();
            match fits.as_slice() {
                [one] => return (*one).clone(),
                [_, _, ..] => {
                    return self
                        .focus
                        .person
                        .clone()
                        .filter(|p| fits.contains(&p))
                        .unwrap_or_else(|| name.to_string());
                }
                [] => {}
            }
        }
        if let Some(subject) = &self.article.subject
            && self.article.subject_is_person()
            && bare
                .split_whitespace()
                .all(|w| subject.split_whitespace().any(|s| s == w))
        {
            return subject.clone();
        }
        name.to_string()
    }

    /// Records the subject of a clause for the pronouns that follow: a name, or `None` for
    /// an unnamed noun phrase.
    pub fn saw_subject(&mut self, name: Option<&str>) {
        // A surname two people share stays as written ("Byron"), and is still a person.
        if let Some(name) = name
            && (looks_like_person(name)
                || self.article.people.iter().any(|p| {
                    p == name || (!name.contains(' ') && p.split_whitespace().last() == Some(name))
                }))
        {
            self.focus.person = Some(name.to_string());
        }
        self.focus.subject = Some(name.map(str::to_string));
    }

    /// Records a person named anywhere in a sentence: "he" most likely means the last one.
    pub fn saw_person(&mut self, name: &str) {
        self.focus.person = Some(name.to_string());
    }
}

/// First words of names that are themselves events ("the Battle of the Alma").
#[rustfmt::skip]
pub const EVENT_NAMES: &[&str] = &[
    "Battle", "Siege", "Summit", "Congress", "Conference", "Olympics", "Games", "Revolution",
    "Uprising", "Rebellion", "Crisis", "Expedition", "Massacre", "Riot", "Coup", "Raid",
    "Landing", "Landings", "Invasion", "Campaign", "Offensive", "Treaty", "Peace", "Edict",
    "Armistice", "Defenestration",
];

/// Whether a name is an event's ("the Great Fire of London", "the Crimean War"), which no
/// figure of size measures: a word of an event's name anywhere in it ("Fire" would open a
/// thing's name: "the Fire Court").
pub fn names_an_event(name: &str) -> bool {
    const MORE: &[&str] = &["Fire", "War", "Earthquake", "Flood", "Plague"];
    name.split_whitespace()
        .any(|w| EVENT_NAMES.contains(&w) || MORE.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, text: &[&str]) -> Article {
        let sentences: Vec<String> = text.iter().map(|s| s.to_string()).collect();
        Article::new(Some(title), &sentences)
    }

    #[test]
    fn a_short_title_with_its_last_word_small_is_the_subject() {
        let subject = |title: &str| {
            article(
                title,
                &[
                    "The Varn expedition was a voyage to Brill.",
                    "It lasted a year.",
                ],
            )
            .subject
        };
        assert_eq!(
            subject("Varn expedition").as_deref(),
            Some("the Varn expedition")
        );
        // Only a short name of plain words, opening with a capital and ending small.
        for title in [
            "Varn",
            "Varn Expedition",
            "varn expedition",
            "The long Varn expedition to Brill",
            "Varn expedition 2",
        ] {
            assert_ne!(
                subject(title).as_deref(),
                Some("the Varn expedition"),
                "{title}"
            );
        }
        // Four words at most.
        let titled = |title: &str| article(title, &["It sailed."]).words.titled;
        assert_eq!(
            titled("First Varn polar expedition").as_deref(),
            Some("First Varn polar expedition")
        );
        assert_eq!(titled("The first Varn polar expedition"), None);
        // Plain words only, a hyphen joining two.
        assert_eq!(
            titled("Kon-Tiki expedition").as_deref(),
            Some("Kon-Tiki expedition")
        );
        assert_eq!(titled("Varn 1 expedition"), None);
    }

    #[test]
    fn a_title_name_the_article_writes_with_the_keeps_it_and_a_marathon_is_a_race() {
        let a = article(
            "The Varn Marathon",
            &[
                "Every April runners gather in Brill.",
                "The Varn Marathon, organised by the Brill Club, is the oldest marathon.",
                "In 1980 the Varn Marathon grew.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("the Varn Marathon"));
        assert!(a.class_nouns.iter().any(|c| c == "race"));
        let a = article(
            "Brill Harbour",
            &[
                "Every April ships gather there.",
                "Brill Harbour, built by the Brill Club, is old.",
                "In 1980 Brill Harbour grew.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("Brill Harbour"));
    }

    #[test]
    fn the_kind_a_definition_names_stands_for_the_subject_and_keeps_other_nouns_off() {
        // "the waterfall" is the subject; "the river" is the river it is on.
        let a = article(
            "Brill Falls",
            &[
                "Brill Falls is a waterfall on the Varn River.",
                "The river drops 100 metres. The river is wide. The waterfall is loud.",
            ],
        );
        assert_eq!(a.class_nouns, ["waterfall"]);
        // A kind the article never writes with "the" again stands for nothing, but still
        // keeps the river off.
        let a = article(
            "Brill Falls",
            &[
                "Brill Falls is a cataract on the Varn River.",
                "The river drops 100 metres. The river is wide.",
            ],
        );
        assert!(
            !a.class_nouns
                .iter()
                .any(|c| c == "river" || c == "cataract")
        );
        // Neither a superlative nor a person's kind.
        let a = article(
            "Varnco",
            &["Varnco is the largest firm of Brill.", "The largest grew."],
        );
        assert!(!a.class_nouns.iter().any(|c| c == "largest"));
        let a = article(
            "Mara Quell",
            &[
                "Mara Quell was a pilot of the guild.",
                "The pilot sailed. Later the pilot died.",
            ],
        );
        assert!(a.class_nouns.is_empty());
        // A vague kind stands for nothing ("a range of goods"), but a mountain range does.
        let range = |definition: &str| {
            article(
                "The Varn Hills",
                &[definition, "The range is wide. The range is old."],
            )
            .class_nouns
        };
        assert!(range("The Varn Hills are a range of low hills.").is_empty());
        assert_eq!(range("The Varn Hills are a mountain range."), ["range"]);
        // The head is a plain noun, perhaps hyphenated ("sea-lane"); "giant's" is none.
        assert_eq!(head_noun(" a narrow sea-lane").as_deref(), Some("sea-lane"));
        assert_eq!(head_noun(" a giant's"), None);
        // Nor a rank ("the first of the island races").
        let a = article(
            "The Varn Race",
            &[
                "The Varn Race is the first of the island races.",
                "The first was run in 1900.",
            ],
        );
        assert!(!a.class_nouns.iter().any(|c| c == "first"));
        // A short kind counts too ("the bay").
        let a = article(
            "Brill Bay",
            &[
                "Brill Bay is a bay in Olk.",
                "The bay is calm. Ships use the bay.",
            ],
        );
        assert_eq!(a.class_nouns, ["bay"]);
    }

    #[test]
    fn a_title_name_takes_the_only_when_written_so_half_the_time() {
        let subject = |text: &[&str]| article("Varn Harbour", text).subject;
        // Only ever "the Varn Harbour", never "The ...".
        assert_eq!(
            subject(&[
                "Every April ships gather.",
                "Ships reach the Varn Harbour daily.",
                "In 1980 the Varn Harbour grew."
            ])
            .as_deref(),
            Some("the Varn Harbour")
        );
        // Once with "the" against twice without: no "the".
        assert_eq!(
            subject(&[
                "Every April ships gather.",
                "Ships reach the Varn Harbour daily.",
                "Varn Harbour grew. Varn Harbour is old."
            ])
            .as_deref(),
            Some("Varn Harbour")
        );
        // Never with "the", and never alone: no "the" either.
        assert_eq!(
            subject(&[
                "Every April ships gather.",
                "Old Varn Harbour is busy. Old Varn Harbour grew."
            ])
            .as_deref(),
            Some("Varn Harbour")
        );
    }

    #[test]
    fn an_event_subjects_own_noun_stands_for_it_once() {
        let nouns = |title: &str, text: &[&str]| article(title, text).class_nouns;
        let revolution = nouns(
            "The Varn Revolution",
            &[
                "The Varn Revolution was a revolt of sailors.",
                "The revolution failed.",
            ],
        );
        assert_eq!(revolution.iter().filter(|c| *c == "revolution").count(), 1);
        let games = nouns(
            "The Varn Games",
            &["The Varn Games were held in Brill.", "The Varn Games grew."],
        );
        assert!(!games.iter().any(|c| c == "games"));
        let siege = nouns(
            "The Siege of Varn",
            &["The Siege of Varn was fought in 1683.", "The siege failed."],
        );
        assert!(siege.iter().any(|c| c == "siege"));
    }

    #[test]
    fn an_acronym_whose_expansion_the_title_lacks_is_only_the_scene() {
        let a = article(
            "Brill Harbour",
            &[
                "The Tull Pilots Guild (TPG) is a guild of pilots.",
                "Brill Harbour is old. Brill Harbour is busy. Brill Harbour grew.",
            ],
        );
        assert_ne!(a.subject.as_deref(), Some("TPG"));
    }

    #[test]
    fn it_is_never_a_person() {
        let mut ctx = Context::new(article(
            "Varnco",
            &[
                "Varnco is a firm in Brill.",
                "Tomas Reede built the Varn System.",
            ],
        ));
        ctx.saw_subject(Some("Tomas Reede"));
        assert_eq!(ctx.it(), None);
        ctx.saw_subject(Some("the Varn System"));
        assert_eq!(ctx.it().as_deref(), Some("the Varn System"));
    }

    #[test]
    fn an_acronym_opening_the_text_is_the_subject_its_title_spells_out() {
        let a = article(
            "The Varn Harbour League",
            &[
                "The Varn Harbour League (VHL) is a trade alliance of ports.",
                "The alliance grew. The Varn Harbour League met. The Varn Harbour League sat.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("VHL"));
        assert!(a.class_nouns.iter().any(|c| c == "alliance"));
    }

    #[test]
    fn a_name_an_apposition_calls_a_thing_is_no_persons() {
        let a = article(
            "Brill",
            &[
                "In 1952 the guild bought the rights from Karhu Sports, a Finnish company, for a song.",
                "It met at the Grey Mare, a pub near the harbour.",
                "The sails came from Varn Tull, a maker of canvas.",
                "Its captain was Mara Quell, a Scottish sailor, and Tomas Reede, a Finnish firm's clerk.",
                "It flows into Olk Beck, a small river, near Arden Holm, a corporation that owns it.",
            ],
        );
        assert!(!a.is_person("Grey Mare"));
        assert!(!a.is_person("Olk Beck"));
        assert!(!a.is_person("Arden Holm"));
        let b = article(
            "Brill",
            &[
                "The two met near the inn of La Belle Varn, south of the village of Tomas Reede, and the son of Mara Quell.",
            ],
        );
        assert!(!b.is_person("La Belle Varn"));
        assert!(!b.is_person("Tomas Reede"));
        assert!(b.is_person("Mara Quell"));
        assert!(!a.is_person("Karhu Sports"));
        assert!(!a.is_person("Varn Tull"));
        assert!(a.is_person("Mara Quell"));
        assert!(a.is_person("Tomas Reede"));
    }

    #[test]
    fn a_one_word_name_is_a_persons_by_what_the_text_says_of_it() {
        let a = article(
            "Brill",
            &[
                "In the end Olk himself called it a close thing.",
                "Tull's wife sailed to Brill.",
                "On 18 June Arden sent forward his last reserve.",
                "Kess died in 1821; Varn rode with him.",
                "Many live in Cove, and Cove's men are fishers.",
                "The guild sent forward its last ship.",
            ],
        );
        for name in ["Olk", "Tull", "Arden", "Kess", "Varn"] {
            assert!(a.single_people.iter().any(|p| p == name), "{name}");
        }
        assert!(!a.single_people.iter().any(|p| p == "Cove" || p == "Brill"));
    }

    #[test]
    fn a_name_written_with_the_is_no_persons() {
        let a = article(
            "Brill",
            &[
                "Mara Quell reached the Grey Wood in 1901.",
                "Grey Wood lies north of Brill.",
            ],
        );
        assert!(a.is_person("Mara Quell"));
        assert!(!a.is_person("Grey Wood"));
        let b = article(
            "Brill",
            &["It rode on a Saturn V, a rocket, past Mara Quell."],
        );
        assert!(!b.is_person("Saturn V"));
        assert!(b.is_person("Mara Quell"));
        assert!(a.people.iter().all(|p| p != "Grey Wood"));
        // Before a noun the name modifies it: "the Mara Quell law" is the law's "the".
        let c = article(
            "Mara Quell",
            &[
                "Mara Quell was a sailor.",
                "A law called the Mara Quell law was passed, and a Tomas Reede prize followed.",
                "It sank the Varn Queen, and the Kess Dawn sailed.",
            ],
        );
        assert!(c.is_person("Mara Quell"));
        assert!(c.is_person("Tomas Reede"));
        assert!(!c.is_person("Varn Queen"));
        assert!(!c.is_person("Kess Dawn"));
        // A word of two letters after the name is no noun it modifies: "a Saturn V up".
        let d = article(
            "Mara Quell",
            &[
                "Mara Quell was a sailor.",
                "It sent a Tomas Reede up the river.",
            ],
        );
        assert!(!d.is_person("Tomas Reede"));
    }

    #[test]
    fn the_subject_is_the_first_sentences_and_its_class_noun_stands_for_it() {
        let a = article(
            "The Harbour League",
            &[
                "The Harbour League of the Northern Ports (HLNP) is a regional organisation of ports.",
                "The organisation met.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("HLNP"));
        assert!(a.class_nouns.contains(&"organisation".to_string()));
        let ctx = Context::new(a);
        assert_eq!(
            ctx.resolve("the organisation").map(|r| r.0),
            Some("HLNP".into())
        );
        assert_eq!(
            ctx.resolve("Its headquarters").map(|r| r.0),
            Some("the headquarters of HLNP".into())
        );
        assert_eq!(
            ctx.resolve("Harbour League of the Northern Ports")
                .map(|r| r.0),
            Some("HLNP".into())
        );
    }

    #[test]
    fn a_place_noun_the_article_keeps_using_stands_for_its_subject() {
        let a = article(
            "Brill",
            &[
                "Spread out a map and Brill looks thin.",
                "The country is long.",
                "Most of the country's people live in the valley.",
                "Brill has a long coast.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("Brill"));
        assert!(a.class_nouns.contains(&"country".to_string()));
        let once = article(
            "Brill",
            &[
                "Brill has a coast.",
                "The country is long.",
                "Brill is far.",
            ],
        );
        assert!(!once.class_nouns.contains(&"country".to_string()));
        // A siege is no place: "the city" is the city besieged.
        let siege = article(
            "The Siege of Brill",
            &[
                "The Siege of Brill was a long siege of the city by Olk.",
                "The city held out.",
                "The walls of the city fell in 1683.",
            ],
        );
        assert_eq!(siege.subject.as_deref(), Some("the Siege of Brill"));
        assert!(!siege.class_nouns.contains(&"city".to_string()));
    }

    #[test]
    fn a_common_noun_is_the_one_name_it_heads() {
        let a = article(
            "Across the Strait",
            &[
                "Commuters cross the Varn Bridge daily.",
                "Lake Tull lies north of the Treaty of Kessport line.",
                "The Emperor Brill Museum and the Tull Museum opened.",
            ],
        );
        let ctx = Context::new(a);
        let resolved = |p: &str| ctx.resolve(p).map(|r| r.0);
        assert_eq!(resolved("the bridge"), Some("the Varn Bridge".into()));
        assert_eq!(resolved("The lake"), Some("Lake Tull".into()));
        assert_eq!(
            resolved("the treaty"),
            Some("the Treaty of Kessport".into())
        );
        // Two museums: no one name; "the emperor" is a person's title.
        assert_eq!(resolved("the museum"), Some("the museum".into()));
        assert_eq!(resolved("the emperor"), Some("the emperor".into()));
    }

    #[test]
    fn a_subject_read_as_two_names_is_its_acronym() {
        let a = article(
            "The Amber Coal and Salt Union",
            &[
                "The Amber Coal and Salt Union (ACSU) was a union of six towns.",
                "The ACSU grew.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("the ACSU"));
    }

    #[test]
    fn a_surname_two_people_share_is_the_one_last_named() {
        let a = article(
            "Ada Quell",
            &[
                "Augusta Ada Vell was born in 1815.",
                "Ada Quell wrote notes.",
                "She was the daughter of the poet Lord Vell.",
            ],
        );
        let mut ctx = Context::new(a);
        // Neither named last: as written.
        assert_eq!(ctx.name("Vell"), "Vell");
        ctx.saw_subject(Some("Lord Vell"));
        assert_eq!(ctx.name("Vell"), "Lord Vell");
        // A shared surname as a clause's subject is a person "he" may mean.
        ctx.saw_subject(Some("Vell"));
        assert_eq!(ctx.focus.person.as_deref(), Some("Vell"));
        // A one-word name no one bears is no person.
        ctx.saw_subject(Some("Kessport"));
        assert_eq!(ctx.focus.person.as_deref(), Some("Vell"));
    }

    #[test]
    fn a_ship_is_she() {
        let a = article(
            "The Loss of the Varn Queen",
            &[
                "The Varn Queen sank in 1912.",
                "The ship was built in Kessport, and she was launched in 1911.",
                "The ship was fast, and her captain was Tomas Reede.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("the Varn Queen"));
        assert!(a.subject_is_ship());
        let ctx = Context::new(a);
        assert_eq!(
            ctx.resolve("She").map(|r| r.0),
            Some("the Varn Queen".into())
        );
        // Said "the ship" only once, a thing is no ship, and "she" is the last woman named.
        let a = article(
            "The Varn Queen",
            &[
                "The Varn Queen sank in 1912.",
                "The ship was built in Kessport, and she was launched in 1911.",
            ],
        );
        assert!(!a.subject_is_ship());
        // An article that says "he" more: "she" is not the ship.
        let a = article(
            "The Loss of the Varn Queen",
            &[
                "The Varn Queen sank in 1912.",
                "The ship was built in Kessport, and she was launched in 1911.",
                "The ship was fast; his captain, he said, was Tomas Reede, and he was proud of his ship.",
            ],
        );
        assert!(a.subject_is_ship());
        assert_eq!(Context::new(a).resolve("She").map(|r| r.0), None);
    }

    #[test]
    fn a_biographys_subject_is_the_titles_name() {
        let a = article(
            "Mara Quell, the Lamp Keeper",
            &[
                "Mara Anne Vell was born in Kessport in 1820.",
                "Quell kept the lamp.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("Mara Quell"));
        let ctx = Context::new(a);
        assert_eq!(ctx.resolve("She").map(|r| r.0), Some("Mara Quell".into()));
        assert_eq!(ctx.name("Quell"), "Mara Quell");
    }

    #[test]
    fn without_an_opening_subject_the_most_named_title_name_wins() {
        let a = article(
            "Notes on Harbours: The Amber Coast Guild",
            &[
                "Until 1900, the Amber Coast Guild (ACG) was small.",
                "The ACG grew.",
                "The ACG met.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("the ACG"));
    }

    #[test]
    fn a_name_before_the_titles_colon_is_the_subject() {
        let text = [
            "On 2 May 1901 the king asked for a harbour on the Varn.",
            "Brill 7 was the ship that answered.",
            "The Varn was wide, and the Varn was cold; Brill 7 sailed up the Varn.",
        ];
        let a = article("Brill 7: Nine Days on the Varn", &text);
        assert_eq!(a.subject.as_deref(), Some("Brill 7"));
        // Never named in the text, it is no subject: the most named title name is.
        let a = article("Brill 7: Nine Days on the Varn", &text[..1]);
        assert_ne!(a.subject.as_deref(), Some("Brill 7"));
        // Not the whole part before the colon: the most named title name.
        let a = article("Notes on Brill 7: Nine Days on the Varn", &text);
        assert_ne!(a.subject.as_deref(), Some("Brill 7"));
    }

    #[test]
    fn a_class_noun_after_a_nationality_is_the_subject() {
        let a = article(
            "Varnco",
            &["Varnco is a Varnish firm that makes boats.", "Varnco grew."],
        );
        let context = Context::new(a);
        assert_eq!(
            context.resolve("The Varnish firm").map(|(name, _)| name),
            Some("Varnco".to_string())
        );
        // A name is no class noun: "the Varnish Firm" is itself.
        assert_ne!(
            context.resolve("the Varnish Firm").map(|(name, _)| name),
            Some("Varnco".to_string())
        );
    }

    #[test]
    fn a_subject_named_by_its_surname_is_a_person() {
        let a = article(
            "Mara Quell",
            &[
                "In 1936 a young runner won four races in Brill.",
                "Mara Quell went there as a student.",
                "Quell won again in 1937, and Quell later coached.",
                "Quell died in 1980.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("Quell"));
        assert!(a.subject_is_person());
        assert!(a.class_nouns.is_empty());
    }

    #[test]
    fn a_definition_of_another_kind_makes_no_organisation_of_the_subject() {
        // "a stratovolcano", no class noun: the place noun the text keeps using.
        let a = article(
            "Mount Varn",
            &[
                "Mount Varn, known in Olk as Varnsan, is an active stratovolcano on Brill and the highest mountain in Olk.",
                "The mountain is still classified as active.",
                "The mountain has inspired artists.",
            ],
        );
        assert_eq!(a.class_nouns, ["mountain"]);
        // A subject whose name says its kind is not the city it runs through.
        let a = article(
            "The Varn Canal",
            &[
                "The Varn Canal opened in 1900 near Brill.",
                "The city grew around it. The city is now large.",
            ],
        );
        assert!(
            !a.class_nouns.iter().any(|c| c == "city"),
            "{:?}",
            a.class_nouns
        );
        let a = article(
            "The Varn Telescope",
            &[
                "The Varn Telescope is a large optical observatory in orbit.",
                "It was launched in 1990.",
            ],
        );
        assert!(a.class_nouns.is_empty(), "{:?}", a.class_nouns);
        // A carmaker is a maker; an organisation "whose aim" is an organisation.
        let a = article(
            "Tull Motors",
            &[
                "Tull Motors is the largest carmaker in the world.",
                "It began in 1937.",
            ],
        );
        assert!(
            a.class_nouns.iter().any(|c| c == "company"),
            "{:?}",
            a.class_nouns
        );
        let a = article(
            "The Varn League",
            &[
                "The Varn League was the first worldwide intergovernmental organisation whose principal aim was peace.",
                "It was founded in 1920.",
            ],
        );
        assert!(
            a.class_nouns.iter().any(|c| c == "organisation"),
            "{:?}",
            a.class_nouns
        );
    }

    #[test]
    fn the_noun_an_apposition_calls_one_name_stands_for_it() {
        let a = article(
            "The Battle of Varn",
            &[
                "The Battle of Varn was fought for the city of Tullgrad.",
                "Tullgrad, an industrial city on the river, was taken.",
                "The fleet held the west bank of the Orrin.",
            ],
        );
        assert_eq!(a.named_by("city").as_deref(), Some("Tullgrad"));
        // "the bank of X" does not call X a bank.
        assert_eq!(a.named_by("bank"), None);
        // Two names called cities: "the city" is neither.
        let a = article(
            "The Battle of Varn",
            &[
                "Tullgrad, an industrial city, was taken.",
                "Olkgrad, a small city, was spared.",
            ],
        );
        assert_eq!(a.named_by("city"), None);
        // A person is no "the legend".
        let a = article(
            "The Varn Race",
            &[
                "The Varn Race is a contest of boats.",
                "Tomas Reede, a legend of the sport, won it.",
                "Tomas Reede won again.",
            ],
        );
        assert!(a.is_person("Tomas Reede"));
        assert_eq!(a.named_by("legend"), None);
    }

    #[test]
    fn a_name_written_after_in_is_a_place_whatever_its_shape() {
        let a = article(
            "",
            &[
                "The Varn Union met in Addis Ababa in 1963.",
                "Mara Quell spoke; in Mara Quell's view the union was young.",
            ],
        );
        assert!(!a.is_person("Addis Ababa"));
        assert!(a.is_person("Mara Quell"));
        assert_eq!(a.people, ["Mara Quell"]);
        assert!(a.things.iter().any(|t| t == "Addis Ababa"));
    }

    #[test]
    fn a_title_word_the_text_names_most_is_the_subject() {
        // Must: a country named on its own in a title of common words.
        let a = article(
            "A Strip of Land: Veltria Between the Hills",
            &[
                "Look at a map and Veltria seems small.",
                "Veltria grew wool.",
                "In 1900 Veltria exported grain.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("Veltria"));
        // Must: the acronym the text uses for a title's name, recorded with its expansion.
        let a = article(
            "The Long Climb: The Story of the Northern Rail Board",
            &[
                "When engineers met in 1950, they founded the Northern Rail Board.",
                "NRB, as everyone called it, grew.",
                "NRB built lines.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("NRB"));
        assert!(
            a.acronyms
                .contains(&("NRB".into(), "Northern Rail Board".into()))
        );
        // Must not: a nationality adjective, a word the text writes in lowercase too, or a
        // word named fewer than three times.
        let a = article(
            "Veltrian Peace and Quiet",
            &[
                "Veltrian farmers grew wool.",
                "Veltrian towns were small.",
                "Veltrian roads were poor.",
                "The peace lasted. Peace came. Peace stayed. Peace ended.",
            ],
        );
        assert_eq!(a.subject, None);
    }

    #[test]
    fn an_opening_name_the_title_does_not_hold_is_the_scene() {
        let a = article(
            "How Brickworks Built a Town",
            &[
                "Ostby is a small town.",
                "Brickworks made bricks.",
                "Brickworks grew.",
                "Brickworks bought Ostby land.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("Brickworks"));
        // Must not: a name the title does not hold stays the subject when the title's
        // words are named less often.
        let a = article(
            "How Brickworks Built a Town",
            &[
                "Ostby is a small town.",
                "Ostby grew.",
                "Brickworks made bricks in Ostby.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("Ostby"));
    }

    #[test]
    fn an_opening_subject_may_carry_a_long_apposition() {
        let a = article(
            "The Ring Cup",
            &[
                "The Ring Cup, the contest for rowing clubs held every year by the Ring Federation (RF), the sport's body, is the oldest race.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("the Ring Cup"));
    }

    #[test]
    fn a_name_opening_the_text_that_the_title_holds_is_the_subject_whatever_the_verb() {
        let a = article(
            "The Varn Salt War and the Peace of Tull",
            &[
                "The Varn Salt War (1618-1648), a chain of raids on the coast, began as a revolt and ended as a siege.",
                "It was long.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("the Varn Salt War"));
        // A one-word name, or one the title does not hold, is not enough.
        let a = article(
            "Salt and Peace on the Coast",
            &["The Varn Salt War began as a revolt.", "It was long."],
        );
        assert_ne!(a.subject.as_deref(), Some("the Varn Salt War"));
    }

    #[test]
    fn the_subjects_own_name_is_never_read_as_a_longer_one() {
        let ctx = Context::new(article(
            "The Varn",
            &[
                "The Varn is a river.",
                "The Varn Commission met in Tull.",
                "The Varn froze.",
            ],
        ));
        assert_eq!(ctx.name("the Varn"), "the Varn");
        assert_eq!(ctx.name("Varn"), "Varn");
        // Bodies with a word for a thing are no people.
        assert!(!looks_like_person("Varn Commission"));
        assert!(!looks_like_person("Tull Parliament"));
    }

    #[test]
    fn only_an_organisation_is_the_company() {
        // Must: a canal is not "the company" that went bankrupt; a retailer is.
        let canal = Context::new(article(
            "The Varn Canal",
            &[
                "The Varn Canal is a waterway.",
                "In 1889 the company went bankrupt.",
            ],
        ));
        assert_eq!(
            canal.resolve("the company").map(|r| r.0),
            Some("the company".into())
        );
        assert_eq!(
            canal.resolve("the canal").map(|r| r.0),
            Some("the Varn Canal".into())
        );
        let shop = Context::new(article(
            "Tullco",
            &["Tullco is a Swedish retailer.", "In 1889 the company grew."],
        ));
        assert_eq!(
            shop.resolve("the company").map(|r| r.0),
            Some("Tullco".into())
        );
        // Without a class noun, a subject that is no person may be an organisation.
        let firm = Context::new(article(
            "Varnco",
            &["Varnco is old.", "Varnco grew.", "The firm sold lamps."],
        ));
        assert_eq!(firm.resolve("the firm").map(|r| r.0), Some("Varnco".into()));
    }

    #[test]
    fn an_opening_subject_may_carry_its_years_in_brackets() {
        let a = article(
            "Mara Quell",
            &[
                "Mara Anne Quell (1820-1894) was a keeper whose lamps saved ships.",
                "She left.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("Mara Quell"));
        let a = article(
            "The Varn Light on the Coast",
            &["The Varn Light (built 1820) is a lighthouse.", "It burned."],
        );
        assert_eq!(a.subject.as_deref(), Some("the Varn Light"));
    }

    #[test]
    fn names_stand_alone_or_not() {
        let text = "The Lego bricks. Legoland opened. Lego Group grew. Danish Lego sold. In 1940 Lego grew.";
        assert_eq!(mentions(text, "Lego"), 2);
        assert_eq!(heads(text, "Lego"), 1);
        assert_eq!(heads("", ""), 0);
    }

    #[test]
    fn surnames_are_the_full_name_named_before() {
        let a = article("Ships", &["Tomas Reede sailed in 1901.", "Reede returned."]);
        assert_eq!(Context::new(a).name("Reede"), "Tomas Reede");
        // Not a word of the article's own name: "Varnair" in an article on Varnair.
        let a = article(
            "Varnair",
            &[
                "Varnair is an aircraft maker.",
                "It was set up on 18 December 1970 by Olk's Varnspace and Deutsche Varnair, a group of West German firms.",
                "Varnair grew, and a varnair is now any of its aircraft.",
            ],
        );
        // The article writes "a varnair" once but capitalises the name inside a sentence.
        assert_eq!(a.subject.as_deref(), Some("Varnair"));
        let ctx = Context::new(a);
        assert_eq!(ctx.name("Varnair"), "Varnair");
        let a = article(
            "Varnair Group",
            &[
                "The Varnair Group is an aircraft maker.",
                "It was set up in 1970 by Deutsche Varnair, a group of West German firms.",
                "Varnair grew.",
            ],
        );
        assert_eq!(Context::new(a).name("Varnair"), "Varnair");
    }

    #[test]
    fn people_and_things() {
        assert!(looks_like_person("Alexander Fleming"));
        assert!(!looks_like_person("Lockheed L-1011 TriStar"));
        assert!(!looks_like_person("Varn 7"));
        assert!(looks_like_person("Nicholas II"));
        assert!(!looks_like_person("St Mary's Hospital"));
        assert!(!looks_like_person("Sri Lanka"));
        assert!(!looks_like_person("ASEAN"));
        assert!(!looks_like_person("Operation Uranus"));
        assert!(!looks_like_person("The Motherland Calls"));
        assert!(!looks_like_person("Case Blue Offensive"));
        assert!(expands("Association of Southeast Asian Nations", "ASEAN"));
        assert!(expands("Shanghai Co-operation Organization", "SCO"));
        assert!(!expands("Orbital Debris Office", "XYZ"));
    }

    #[test]
    fn a_long_definition_still_gives_its_head_noun_once() {
        let a = article(
            "The Varn Pact",
            &[
                "The Varn Pact, officially the Treaty of Tull, Brill and Olk, was a collective defence alliance formed by Brill and three small states of the north during the long war with the mainland.",
                "The alliance met in Tull.",
            ],
        );
        assert_eq!(a.subject.as_deref(), Some("the Varn Pact"));
        assert_eq!(a.class_nouns.iter().filter(|c| *c == "alliance").count(), 1);
        let a = article(
            "Orrin",
            &[
                "The Orrin River is a river of the north.",
                "The river is long.",
            ],
        );
        assert_eq!(a.class_nouns.iter().filter(|c| *c == "river").count(), 1);
    }

    #[test]
    fn a_noun_of_the_subjects_name_is_the_subject() {
        let a = article(
            "The Great Fire of Varn",
            &[
                "The Great Fire of Varn was a fire in 1666.",
                "A special Fire Court settled disputes.",
                "The fire is remembered by a column.",
            ],
        );
        let c = Context::new(a);
        assert_eq!(
            c.resolve("The fire").map(|(n, _)| n).as_deref(),
            Some("the Great Fire of Varn")
        );
        assert_eq!(
            c.resolve("the court").map(|(n, _)| n).as_deref(),
            Some("Fire Court")
        );
    }

    #[test]
    fn a_military_title_or_knighthood_is_not_part_of_a_name() {
        let c = Context::new(article("Varn", &["Varn is a country."]));
        assert_eq!(c.name("Marshal Tomas Reede"), "Tomas Reede");
        assert_eq!(c.name("General Mara Quell"), "Mara Quell");
        assert_eq!(c.name("Sir Ansel Brill"), "Ansel Brill");
        // A one-word name after the title keeps it: "General Motors" is no person.
        assert_eq!(c.name("General Motors"), "General Motors");
    }

    #[test]
    fn a_pact_is_also_the_treaty() {
        let a = article(
            "The Varn Pact",
            &[
                "The Varn Pact was a defence alliance.",
                "The treaty was signed in Tull.",
            ],
        );
        for noun in ["pact", "treaty", "agreement"] {
            assert!(
                a.class_nouns.iter().any(|c| c == noun),
                "{noun}: {:?}",
                a.class_nouns
            );
        }
        let a = article(
            "Brill",
            &["Brill is an island.", "The treaty was signed in Tull."],
        );
        assert!(!a.class_nouns.iter().any(|c| c == "treaty"));
    }
}

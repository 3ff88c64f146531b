//! Drafting a deck from an article (`recall generate`): find dated events, places, people,
//! lists, numbers and terms in the prose and turn them into facts, each with a confidence, the
//! paragraph and sentence it came from, and what to check, for an instructor to review.
//!
//! Deterministic and offline: the same text always gives the same draft. The text is cut into
//! paragraphs and sentences (`text`), each sentence is read into names, dates, numbers and
//! quotations (`sentence`, `mentions`), and tables of patterns (`rules`) read facts from the
//! result, with pronouns and class nouns resolved by a small article context (`context`).
//! Facts hold short noun phrases from the text; the questions are worded by the deck's
//! generator, never by copying sentences, and a question never contains its own answer.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::deck::write::{date_text, to_toml};
use crate::deck::{Deck, Fact, FactDate, FactKind, SourceRef, Span};
use crate::formats::ids::{IdSet, slug};

pub mod context;
pub mod mentions;
pub mod rules;
pub mod score;
pub mod sentence;
pub mod text;

use context::{Article, Context};
use rules::Found;
use rules::people::is_bare_role;
use sentence::{Sentence, SlotKind};

/// A drafted deck and, for each of its facts, how sure the draft is and where the item comes
/// from. `items` follow document order, as do the deck's facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub deck: Deck,
    pub items: Vec<DraftItem>,
}

/// Where a drafted item was found (1-based, counting prose paragraphs only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub paragraph: usize,
    pub sentence: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftItem {
    /// The fact id in the drafted deck.
    pub id: String,
    /// The fact kind ("event", "place", ...).
    pub kind: &'static str,
    /// From 0 to 1: how likely the pattern read the sentence right. Each thing read by
    /// reference (a pronoun, a date from another clause) lowers it.
    pub confidence: f32,
    pub location: Location,
    /// The pattern that found it.
    pub rule: &'static str,
    /// What to check: what the draft read by reference rather than found written.
    pub check: Vec<&'static str>,
}

/// An article's header and paragraphs, with the context read from all its sentences.
fn read_article(article: &str) -> (text::Header, Vec<text::Paragraph>, Context) {
    let (header, paragraphs) = text::paragraphs(article);
    let all: Vec<String> = paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter().cloned())
        .collect();
    let context = Context::new(Article::new(header.title.as_deref(), &all));
    (header, paragraphs, context)
}

/// Draft a deck from an article's plain text.
pub fn draft_from_article(article: &str) -> Draft {
    let (header, paragraphs, mut context) = read_article(article);

    let mut builder = Builder::default();
    for paragraph in &paragraphs {
        // A new paragraph's "it" is the article's subject until a sentence names another.
        context.focus.subject = None;
        for (i, text) in paragraph.sentences.iter().enumerate() {
            let location = Location {
                paragraph: paragraph.number,
                sentence: i + 1,
            };
            for f in read_sentence(text, &mut context).1 {
                builder.add(f, location);
            }
        }
    }

    let title = header
        .title
        .clone()
        .unwrap_or_else(|| "Draft deck".to_string());
    let id = Some(slug(&title, 32))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "draft".into());
    let source = header.title.as_ref().map(|t| SourceRef {
        title: t.clone(),
        author: header.author.clone(),
        date: header.date.clone(),
        publication: None,
        url: None,
    });
    let (facts, items) = builder.finish();
    let deck = Deck {
        id,
        title,
        description: Some(
            "Drafted from an article by recall; review every item before studying.".into(),
        ),
        author: None,
        source,
        tags: Vec::new(),
        seed: 1,
        settings: Default::default(),
        facts,
        cards: Vec::new(),
        apart: Default::default(),
    };
    Draft { deck, items }
}

/// One sentence read in its article: its skeleton (days given their year) and the facts the
/// rules find, the focus moved on after it.
fn read_sentence(text: &str, context: &mut Context) -> (Sentence, Vec<Found>) {
    let mut sentence = sentence::read(text, &context.article.words);
    let inferred = date_days(&mut sentence, context);
    let mut found = rules::apply(&sentence, context);
    note_inferred(&mut found, &inferred);
    let before = context.focus.event.clone();
    track_events(&found, context);
    // An event of the sentence itself can be followed, not only one of the sentence before.
    if context.focus.event != before {
        found.extend(rules::apply_followed(&sentence, context));
    }
    track(&sentence, context);
    (sentence, found)
}

/// How each sentence of an article is read: its skeleton and the facts the rules find, for
/// whoever works on the rules (`draft_bench --skeletons`).
pub fn explain(article: &str) -> String {
    let (_, paragraphs, mut context) = read_article(article);
    let mut out = format!(
        "subject: {:?}, class nouns: {:?}, acronyms: {:?}\n",
        context.article.subject, context.article.class_nouns, context.article.acronyms
    );
    for paragraph in &paragraphs {
        context.focus.subject = None;
        for text in &paragraph.sentences {
            let (sentence, found) = read_sentence(text, &mut context);
            out.push_str(&format!("\n{}\n", sentence.skeleton));
            for f in &found {
                out.push_str(&format!("  {:.2} {}: {:?}\n", f.confidence, f.rule, f.fact));
            }
        }
    }
    out
}

/// "It broke out on 2 September 1666 ... until 6 September": a day and month written without
/// a year take the year of the last date the text gave, when they do not come before it in
/// that year (a later month may be the next year's). Returns the dates so given.
fn date_days(sentence: &mut Sentence, context: &Context) -> Vec<FactDate> {
    let Some(last) = context.focus.date else {
        return Vec::new();
    };
    let mut given = Vec::new();
    for (i, slot) in sentence.slots.iter_mut().enumerate() {
        // "on 6 September", "until 6 September": a day with its preposition; "the Sept. 11
        // attacks" names something else.
        if slot.kind != SlotKind::Other || slot.relation.is_none() {
            continue;
        }
        let Some((month, day)) = mentions::day_without_year(&slot.text) else {
            continue;
        };
        if last.month.is_none_or(|m| month < m) {
            continue;
        }
        let date = FactDate {
            year: last.year,
            month: Some(month),
            day: Some(day),
        };
        slot.kind = SlotKind::Date(date);
        sentence.skeleton = sentence
            .skeleton
            .replace(&format!("«X{i}»"), &format!("«D{i}»"));
        given.push(date);
    }
    given
}

/// An event dated by a day whose year was taken from the date before says so.
fn note_inferred(found: &mut [Found], inferred: &[FactDate]) {
    for f in found {
        if let FactKind::Event { date, .. } = &f.fact
            && inferred.contains(date)
        {
            f.notes.push("the year is that of the date before");
            f.confidence -= 0.05;
        }
    }
}

/// What may open a sentence before its subject: a phrase of time, place or circumstance with
/// its comma ("In 1990, ", "With 166 members, "), or a word of place or time ("From there").
const OPENING: &str = r"^(?:(?:In|On|At|By|From|After|Before|During|Since|Until|When|Then|Later|Today|With|Under|Despite|Following) [^,]{0,40}, |(?:From there|From here|Here|There|Then|Later|Today|Now|Soon) )?";

/// Moves the focus on after a sentence: its subject is what a following "it" or "she" means.
pub(crate) fn track(sentence: &Sentence, context: &mut Context) {
    // "In the same year", "at that meeting": the last date the text gave.
    if let Some((_, date)) = sentence.event_dates(&sentence.skeleton).last() {
        context.focus.date = Some(*date);
    }
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"{OPENING}(?P<np>(?:[Tt]he (?:[a-z\-]+ ){{0,2}})?«E(?P<e>\d+)»(?: [a-z]+)?)(?:'s)?(?:, [^,]+,)? [a-z]"))
            .expect("valid")
    });
    static UNNAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"{OPENING}(?P<np>(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hese|[Ss]ome|[Mm]ost) [a-z]+)"
        ))
        .expect("valid")
    });
    // The name a placeholder's index stands for, when it is a name (not a possessive).
    let named = |index: &str| {
        index
            .parse::<usize>()
            .ok()
            .and_then(|i| sentence.slots.get(i))
            .filter(|slot| matches!(slot.kind, SlotKind::Entity { possessive: false }))
    };
    for clause in rules::clauses(&sentence.skeleton) {
        // "..., although Moldova can claim less": a concessive or contrasting clause's subject
        // is an aside; "it" still means the main clause's.
        let at = clause.as_ptr() as usize - sentence.skeleton.as_ptr() as usize;
        let before = sentence.skeleton[..at].trim_end();
        if ["although", "though", "whereas", "while"]
            .iter()
            .any(|w| before.ends_with(w))
        {
            continue;
        }
        if let Some(c) = SUBJECT.captures(clause)
            && named(&c["e"]).is_some()
        {
            let mut np = sentence.render(&c["np"]);
            // "The first IKEA store opened": the store; "Iceland was": Iceland; "The IMF
            // formally came": the IMF.
            // "the Volga winds east": a present verb before a word that is none.
            let next = clause[c.get(0).map_or(0, |m| m.end()) - 1..]
                .split([' ', ','])
                .next()
                .unwrap_or("");
            let present = |last: &str| {
                last.ends_with('s')
                    && !last.ends_with("ss")
                    && !crate::wording::verb::is_past_form(next)
                    && !crate::wording::verb::is_auxiliary(next)
                    && !next.ends_with('s')
            };
            if let Some((head, last)) = np.rsplit_once(' ')
                && (crate::wording::verb::is_auxiliary(last)
                    || (last.starts_with(char::is_lowercase) && present(last))
                    || crate::wording::verb::is_irregular_form(last)
                    || last.ends_with("ed")
                    || is_adverb_in_ly(last)
                    || rules::ADVERBS.contains(&last)
                    || matches!(last, "now" | "already" | "often"))
            {
                np = head.to_string();
            }
            // "The capital of X": the phrase is not the name. A name may hold "of" itself
            // ("the Great Fire of London").
            // ("The rivalry with Boeing": a noun and its preposition's object alike.)
            if [
                " of ",
                " with ",
                " against ",
                " between ",
                " for ",
                " over ",
                " from ",
            ]
            .iter()
            .any(|p| c["np"].contains(p))
            {
                context.saw_subject(None);
                continue;
            }
            let name = context.name(&np);
            let name = match name.strip_prefix("The ") {
                Some(rest) => format!("the {rest}"),
                None => name,
            };
            context.saw_subject(Some(&name));
        } else if let Some(c) = UNNAMED.captures(clause) {
            // "The country covers ...": a class noun names the subject.
            match context.resolve(&c["np"]) {
                Some((name, Some(_))) => context.saw_subject(Some(&name)),
                _ => context.saw_subject(None),
            }
        } else if let Some(subject) = context.article.subject.clone()
            && clause
                .split([' ', ','])
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(&subject))
        {
            context.saw_subject(Some(&subject));
        }
        // "... became the seat of a parliament when the devolved Scottish Parliament met":
        // a subordinate clause's named subject, told last, is what a next "its" means.
        static SUBORDINATE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r" (?:when|after|before|because|once) (?:(?P<the>[Tt]he) (?:[a-z\-]+ ){0,2})?«E(?P<e>\d+)»(?: [a-z]+)?? (?:[a-z]+ly )?(?P<v>[a-z]+)\b")
                .expect("valid")
        });
        if let Some(c) = SUBORDINATE.captures_iter(clause).last()
            && crate::wording::verb::is_past_form(&c["v"])
            && let Some(slot) = named(&c["e"])
            && let name = context.name(&slot.text)
            && !context::looks_like_person(&name)
        {
            let name = if c.name("the").is_some() && !name.starts_with("the ") {
                format!("the {name}")
            } else {
                name
            };
            context.saw_subject(Some(&name));
        }
    }
    // "He" most likely means the last person named, wherever in the sentence (a name the
    // article writes as a place's or a thing's is no one's: "near the inn of La Belle
    // Alliance").
    // (The sentence's names, read once: also the people named in full so far.)
    let names: Vec<String> = sentence
        .slots
        .iter()
        .filter(|s| matches!(s.kind, SlotKind::Entity { .. }))
        .map(|s| context.name(&s.text))
        .collect();
    let last_person = names
        .iter()
        .rfind(|n| context.article.is_person(n) || context.article.single_people.contains(n));
    if let Some(person) = last_person {
        context.saw_person(person);
    }
    for name in names {
        if name.contains(' ')
            && context.article.is_person(&name)
            && !context.focus.named.contains(&name)
        {
            context.focus.named.push(name);
        }
    }
}

/// Whether a word is an adverb in "-ly" ("formally", "quickly"), not a noun that ends so
/// ("the Medici family", "the Varn assembly").
fn is_adverb_in_ly(word: &str) -> bool {
    const NOUNS: &[&str] = &[
        "family",
        "assembly",
        "supply",
        "rally",
        "ally",
        "monopoly",
        "anomaly",
        "butterfly",
        "belly",
        "jelly",
        "lily",
        "bully",
        "homily",
        "folly",
        "melancholy",
        "italy",
    ];
    word.ends_with("ly") && word.len() > 4 && !NOUNS.contains(&word)
}

/// Remembers the last event, so "Vietnam followed in 1995" can be read after "Brunei joined".
pub(crate) fn track_events(found: &[Found], context: &mut Context) {
    static WHAT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^the (?P<noun>accession|admission|entry|launch|opening|introduction|founding|publication) of .+?(?: to (?P<to>.+))?$")
            .expect("valid")
    });
    // "Pablo Neruda won the prize in 1945, and X followed in 1971": only an event of the
    // sentence just before can be followed, never one read further back.
    if !found
        .iter()
        .any(|f| matches!(f.fact, FactKind::Event { .. }))
    {
        context.focus.event = None;
    }
    for f in found {
        if let FactKind::Event { what, .. } = &f.fact
            && let Some(c) = WHAT.captures(what)
        {
            context.focus.event = Some((
                c["noun"].to_string(),
                c.name("to").map(|t| t.as_str().to_string()),
            ));
        }
    }
}

#[derive(Default)]
struct Builder {
    entries: Vec<(Fact, DraftItem)>,
    ids: IdSet,
}

impl Builder {
    fn add(&mut self, found: Found, location: Location) {
        let fact = found.fact;
        if leaks(&fact) {
            return;
        }
        // A person told by a bare role ("the architect") and by one that says which one
        // ("the architect who designed the pedestal") is kept once, by the second.
        if let FactKind::Person { name, role, .. } = &fact {
            let same_person = |f: &FactKind| match f {
                FactKind::Person {
                    name: n, role: r, ..
                } if n.text == name.text => Some(r.clone()),
                _ => None,
            };
            if is_bare_role(role)
                && self
                    .entries
                    .iter()
                    .any(|(f, _)| same_person(&f.kind).is_some_and(|r| !is_bare_role(&r)))
            {
                return;
            }
            if !is_bare_role(role)
                && let Some(index) = self
                    .entries
                    .iter()
                    .position(|(f, _)| same_person(&f.kind).is_some_and(|r| is_bare_role(&r)))
            {
                self.replace(index, fact, found.confidence, found.rule, found.notes, None);
                return;
            }
        }
        // The same fact read twice (by two rules, or in two sentences) is kept once: the
        // surer reading, or the first. A move of headquarters replaces the earlier seat,
        // which becomes the previous one.
        if let Some(index) = self
            .entries
            .iter()
            .position(|(f, _)| same_fact(&f.kind, &fact))
        {
            let (old, item) = &self.entries[index];
            if let (
                FactKind::Place {
                    place: old_place, ..
                },
                FactKind::Place {
                    place, previously, ..
                },
            ) = (&old.kind, &fact)
                && old_place != place
            {
                let mut fact = fact.clone();
                if let FactKind::Place { previously: p, .. } = &mut fact
                    && previously.is_empty()
                {
                    p.push(old_place.text.clone());
                }
                self.replace(
                    index,
                    fact,
                    found.confidence,
                    found.rule,
                    found.notes,
                    Some(location),
                );
                return;
            }
            // "Mara Quell (1820 – 1890)" read before "she died in Varn in 1890": the event
            // keeps the place the second reading gives.
            if let (
                FactKind::Event {
                    date: a,
                    place: None,
                    ..
                },
                FactKind::Event {
                    date: b,
                    place: Some(place),
                    ..
                },
            ) = (&old.kind, &fact)
                && a == b
            {
                let place = place.clone();
                if let FactKind::Event { place: p, .. } = &mut self.entries[index].0.kind {
                    *p = Some(place);
                }
                return;
            }
            // "it lasted from 1955 until 1991" read before "signed on 14 May 1955": the
            // reading with the day is kept.
            if finer_date(&old.kind, &fact) {
                self.replace(
                    index,
                    fact,
                    found.confidence,
                    found.rule,
                    found.notes,
                    Some(location),
                );
                return;
            }
            if found.confidence > item.confidence + 0.05 && item.location == location {
                self.replace(index, fact, found.confidence, found.rule, found.notes, None);
            }
            return;
        }
        let id = self.ids.unique(format!(
            "{}-{}-p{}s{}",
            fact.name(),
            Some(slug(&answer_of(&fact), 30))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "item".into()),
            location.paragraph,
            location.sentence
        ));
        let item = DraftItem {
            id: id.clone(),
            kind: fact.name(),
            confidence: found.confidence.clamp(0.0, 1.0),
            location,
            rule: found.rule,
            check: found.notes,
        };
        let source = source_of(location);
        self.entries.push((
            Fact {
                id: id.into(),
                kind: fact,
                tags: Vec::new(),
                explain: None,
                source: Some(source.into()),
                span: Span::default(),
                hints: Default::default(),
            },
            item,
        ));
    }

    /// Puts `kind` in place of entry `index` with the reading that found it, and moves the
    /// entry to where that reading was (`moved`): a move of headquarters, a finer date.
    fn replace(
        &mut self,
        index: usize,
        kind: FactKind,
        confidence: f32,
        rule: &'static str,
        check: Vec<&'static str>,
        moved: Option<Location>,
    ) {
        let (old, item) = &mut self.entries[index];
        old.kind = kind;
        item.confidence = confidence;
        item.rule = rule;
        item.check = check;
        if let Some(location) = moved {
            item.location = location;
            old.source = Some(source_of(location).into());
        }
    }

    fn finish(self) -> (Vec<Fact>, Vec<DraftItem>) {
        self.entries.into_iter().unzip()
    }
}

/// Where a drafted fact was read, as its `source` says.
fn source_of(location: Location) -> String {
    format!(
        "para {}, sentence {}",
        location.paragraph, location.sentence
    )
}

/// Whether two drafted facts say the same thing: one kind, one subject, and either one answer
/// (the benchmark's match rule) or, for a place, the same subject and relation (a move).
fn same_fact(a: &FactKind, b: &FactKind) -> bool {
    match (a, b) {
        (
            FactKind::Place {
                subject, relation, ..
            },
            FactKind::Place {
                subject: s,
                relation: r,
                ..
            },
        ) => subject.eq_ignore_ascii_case(s) && relation == r,
        // The benchmark matches events by a shared word and year; two drafted events are one
        // only when they also name the same things or share the exact date: "the Siege of
        // Varn" (1683) is not "the Battle of Varn" (12 September 1683).
        (
            FactKind::Event {
                what: wa, date: da, ..
            },
            FactKind::Event {
                what: wb, date: db, ..
            },
        ) => {
            duplicate_key(a) == duplicate_key(b)
                || ((score::matches(a, b) || score::matches(b, a))
                    && (da == db || same_names(wa, wb)))
        }
        _ => score::matches(a, b) || score::matches(b, a) || duplicate_key(a) == duplicate_key(b),
    }
}

/// Whether `new` is the same event as `old`, naming the same things, dated more finely
/// within the same year (a day where `old` has only the year or the month). "The Siege of
/// Vienna" is not "the Battle of Vienna", whatever their dates.
fn finer_date(old: &FactKind, new: &FactKind) -> bool {
    let precision = |d: &FactDate| usize::from(d.month.is_some()) + usize::from(d.day.is_some());
    match (old, new) {
        (
            FactKind::Event {
                what: old_what,
                date: a,
                ..
            },
            FactKind::Event { what, date: b, .. },
        ) => {
            // (Only called on the same fact, whose months agree where both give one.)
            a.year == b.year && precision(b) > precision(a) && same_names(old_what, what)
        }
        _ => false,
    }
}

/// Whether two events' descriptions name the same things: the capitalised words of one are
/// all in the other ("the accession of India and Pakistan" and "... to the SCO"), not "the
/// Siege of Varn" and "the Battle of Varn".
fn same_names(a: &str, b: &str) -> bool {
    let names = |what: &str| -> Vec<String> {
        what.split_whitespace()
            .filter(|w| w.starts_with(char::is_uppercase))
            .map(|w| w.trim_end_matches("'s").to_string())
            .collect()
    };
    let (a, b) = (names(a), names(b));
    a.iter().all(|n| b.contains(n)) || b.iter().all(|n| a.contains(n))
}

/// The answer a fact's main question asks for, as text (used for ids).
fn answer_of(fact: &FactKind) -> String {
    match fact {
        FactKind::Event { date, .. } => date_text(date),
        FactKind::Place { place, .. } => place.text.to_string(),
        FactKind::Person { name, .. } => name.text.to_string(),
        FactKind::List { name, .. } => name.to_string(),
        FactKind::Number { value, .. } => format!("{value}"),
        FactKind::Term { term, .. } => term.text.to_string(),
    }
}

fn duplicate_key(fact: &FactKind) -> String {
    let lower = |s: &str| s.to_lowercase();
    match fact {
        FactKind::Event { what, .. } => format!("event:{}", lower(what)),
        FactKind::Place {
            subject, relation, ..
        } => format!("place:{}:{}", lower(subject), lower(relation)),
        FactKind::Person { name, role, .. } => {
            format!("person:{}:{}", lower(&name.text), lower(role))
        }
        FactKind::List { items, .. } => {
            let mut items: Vec<String> = items.iter().map(|i| lower(&i.text)).collect();
            items.sort();
            format!("list:{}", items.join("|"))
        }
        FactKind::Number { quantity, .. } => format!("number:{}", lower(quantity)),
        FactKind::Term { term, .. } => format!("term:{}", lower(&term.text)),
    }
}

/// Whether `needle` occurs in `haystack` as whole words, ignoring case.
fn mentions_word(haystack: &str, needle: &str) -> bool {
    let needle = needle.trim().to_lowercase();
    if needle.is_empty() {
        return false;
    }
    let haystack = haystack.to_lowercase();
    haystack.match_indices(&needle).any(|(i, m)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether a fact's questions would show their own answer (the prompt side holds the answer).
fn leaks(fact: &FactKind) -> bool {
    match fact {
        FactKind::Event { what, date, .. } => mentions_word(what, &date.year.to_string()),
        FactKind::Place {
            subject,
            place,
            previously,
            ..
        } => place
            .all()
            .chain(previously.iter().map(|p| p.as_str()))
            .any(|p| mentions_word(subject, p)),
        FactKind::Person { name, role, .. } => name.all().any(|n| {
            let role = rules::people::role_without_others(n, role);
            mentions_word(&role, n)
                || n.split_whitespace()
                    .any(|part| part.len() > 2 && mentions_word(&role, part))
        }),
        FactKind::List { name, items, .. } => items
            .iter()
            .flat_map(|i| i.all())
            .any(|i| mentions_word(name, i)),
        FactKind::Number {
            quantity, value, ..
        } => {
            let plain = format!("{value}");
            quantity.replace(',', "").contains(&plain)
        }
        FactKind::Term { term, definition } => term.all().any(|t| mentions_word(definition, t)),
    }
}

impl Draft {
    /// The drafted deck as recall TOML, each item preceded by a comment with its confidence,
    /// location and rule, and a `# check:` line for each thing it read by reference.
    pub fn annotated_toml(&self) -> String {
        let notes: HashMap<&str, &DraftItem> =
            self.items.iter().map(|i| (i.id.as_str(), i)).collect();
        let toml = to_toml(&self.deck);
        let mut out = String::from(
            "# Drafted by `recall generate` from an article. Every item below was found by a\n\
             # pattern, not understood: check each one against the source before studying.\n",
        );
        for chunk in toml.split_inclusive('\n') {
            if let Some(id) = chunk.strip_prefix("id = ")
                && let Ok(toml::Value::String(id)) = id.trim().parse::<toml::Value>()
                && let Some(item) = notes.get(id.as_str())
            {
                let flag = if item.confidence < 0.5 {
                    "  <- check carefully"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "# confidence {:.2}, paragraph {}, sentence {}, found by: {}{flag}\n",
                    item.confidence, item.location.paragraph, item.location.sentence, item.rule
                ));
                for why in &item.check {
                    out.push_str(&format!("# check: {why}\n"));
                }
            }
            out.push_str(chunk);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{Answer, FactDate};

    /// A made-up article with the kinds of sentences the patterns look for, plus page clutter.
    const ARTICLE: &str = "\
The Lighthouse Keepers of the Amber Coast > Stories

Home News Archive Subscribe Login

By Ilse Marrow

The Amber Coast Lighthouse Guild (ACLG) is the oldest body of its kind on the coast. Its members still meet every spring.

In June 1887, at a gathering held in Kessport, six towns signed the Charter of the Amber Lights. The guild was formally founded in 1889, with its headquarters initially in Kessport. The ACLG moved its headquarters to Varn in 1921.

Keepers learned the so-called four duties of lamp, lens, log and bell. They also spoke of the “dark hour,” which refers to the time between dusk and the first lamp.

The guild now counts three honorary harbours (Orrin, Tull and Wexmoor). The ACLG archive includes 214 logbooks from the northern stations.

Tomas Reede, a former ferry pilot, became its first warden in 1889. The coast road, which runs to about 1,200km, links every station.

From 1901 to 1910, the guild built new towers along the southern shore.

© 2022 Amber Coast Press. All rights reserved.
";

    fn fact<'a>(draft: &'a Draft, kind: &str) -> Vec<&'a Fact> {
        draft
            .deck
            .facts
            .iter()
            .filter(|f| f.kind.name() == kind)
            .collect()
    }

    /// What `pick` reads from each fact drafted from an article.
    fn drafted(article: &str, pick: impl Fn(&FactKind) -> Option<String>) -> Vec<String> {
        draft_from_article(article)
            .deck
            .facts
            .iter()
            .filter_map(|f| pick(&f.kind))
            .collect()
    }

    /// The quantities of the numbers drafted from an article.
    fn quantities(article: &str) -> Vec<String> {
        drafted(article, |kind| match kind {
            FactKind::Number { quantity, .. } => Some(quantity.to_string()),
            _ => None,
        })
    }

    #[test]
    fn an_event_read_again_with_its_place_keeps_the_place() {
        let events = drafted(
            "Mara Quell\n\nMara Quell (1820 – 3 May 1890) was a Varnish printer. She died in \
             Brill on 3 May 1890.\n",
            |k| match k {
                FactKind::Event { what, place, .. } if what.starts_with("the death") => {
                    Some(format!("{what} in {place:?}"))
                }
                _ => None,
            },
        );
        assert_eq!(events, ["the death of Mara Quell in Some(\"Brill\")"]);
    }

    #[test]
    fn an_event_can_be_followed_within_its_own_sentence() {
        let events = drafted(
            "Varn League\n\nThe Varn League is a trade body. Arden joined the Varn League in \
             1984 after long talks, and Brill followed in July 1995.\n",
            |k| match k {
                FactKind::Event { what, date, .. } => Some(format!("{what} @ {date}")),
                _ => None,
            },
        );
        assert!(
            events.contains(&"the accession of Brill to the Varn League @ July 1995".to_string()),
            "{events:?}"
        );
    }

    #[test]
    fn the_same_event_dated_by_its_day_replaces_the_one_dated_by_its_year() {
        let events = |article: &str| {
            drafted(article, |k| match k {
                FactKind::Event { what, date, .. } => Some(format!("{what} @ {date}")),
                _ => None,
            })
        };
        let got = events(
            "The Varn Pact\n\nThe Varn Pact was a defence alliance of ports. It lasted from \
             1955 until 1991. It was signed in Varn on 14 May 1955. It was dissolved in July \
             1991.\n",
        );
        assert!(
            got.contains(&"the signing of the Varn Pact @ 14 May 1955".to_string()),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|e| e.starts_with("the start of")),
            "{got:?}"
        );
        // A month is finer than a year too.
        assert!(
            got.contains(&"the dissolution of the Varn Pact @ July 1991".to_string()),
            "{got:?}"
        );
        assert!(!got.iter().any(|e| e.starts_with("the end of")), "{got:?}");
        // Another name is another event, whatever the dates.
        let got = events(
            "The Siege of Varn\n\nThe Siege of Varn was a siege of a port. The Siege of Varn \
             lasted from 1683 to 1684. The Battle of Varn was fought on 12 September 1683.\n",
        );
        assert!(
            got.contains(&"the start of the Siege of Varn @ 1683".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"the Battle of Varn @ 12 September 1683".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn an_adverb_after_a_subject_is_not_part_of_its_name() {
        let roles = drafted(
            "The Varn Fund\n\nThe Varn Fund is a bank of ports. The Varn Fund formally \
             came into being in 1945. Its first managing director was Mara Quell. The Varn \
             Fund also lends. Its second managing director was Tomas Reede. The Varn Fund \
             opened a bank in 1950. Its first chairman was Ivo Kern. The Olk family \
             helped. Its first president was Anna Brill.\n",
            |k| match k {
                FactKind::Person { role, .. } => Some(role.to_string()),
                _ => None,
            },
        );
        assert_eq!(
            roles,
            [
                "the first managing director of the Varn Fund",
                "the second managing director of the Varn Fund",
                "the first chairman of the Varn Fund",
                "the first president of the Olk family"
            ]
        );
    }

    #[test]
    fn events_name_the_same_things_when_one_names_all_the_others_does() {
        assert!(same_names(
            "the accession of India and Pakistan",
            "the accession of India and Pakistan to the SCO"
        ));
        assert!(same_names(
            "the accession of India and Pakistan to the SCO",
            "the accession of India and Pakistan"
        ));
        assert!(!same_names("the Siege of Varn", "the Battle of Varn"));
    }

    #[test]
    fn a_relative_clause_tells_of_its_name_with_a_numbered_rank() {
        let events = drafted(
            "The Varn Fund\n\nThe Varn Fund is a bank of ports. The most recent country to \
             join was Cove, which became the 191st member in October 2024.\n",
            |k| match k {
                FactKind::Event { what, date, .. } => Some(format!("{what} @ {date}")),
                _ => None,
            },
        );
        assert_eq!(
            events,
            ["the accession of Cove to the Varn Fund @ October 2024"]
        );
    }

    #[test]
    fn header_gives_title_author_and_id() {
        let draft = draft_from_article(ARTICLE);
        assert_eq!(
            draft.deck.title,
            "The Lighthouse Keepers of the Amber Coast"
        );
        assert_eq!(draft.deck.id, "the-lighthouse-keepers-of-the");
        assert_eq!(
            draft.deck.source.as_ref().and_then(|s| s.author.as_deref()),
            Some("Ilse Marrow")
        );
    }

    #[test]
    fn events_with_month_year_and_place() {
        let draft = draft_from_article(ARTICLE);
        let events: Vec<&FactKind> = fact(&draft, "event").iter().map(|f| &f.kind).collect();
        assert_eq!(
            events[0],
            &FactKind::Event {
                what: "the signing of the Charter of the Amber Lights".into(),
                date: FactDate {
                    year: 1887,
                    month: Some(6),
                    day: None
                },
                place: Some("Kessport".into())
            }
        );
        assert!(
            events.iter().any(
                |e| matches!(e, FactKind::Event { what, .. } if what == "the founding of the ACLG")
            ),
            "{events:?}"
        );
    }

    #[test]
    fn a_moved_headquarters_replaces_the_first_with_the_old_seat_kept() {
        let draft = draft_from_article(ARTICLE);
        let places = fact(&draft, "place");
        assert_eq!(places.len(), 1, "{places:?}");
        assert_eq!(
            places[0].kind,
            FactKind::Place {
                subject: "the ACLG".into(),
                relation: "headquarters".into(),
                place: Answer::plain("Varn"),
                since: Some(FactDate {
                    year: 1921,
                    month: None,
                    day: None
                }),
                previously: vec!["Kessport".into()]
            }
        );
        assert_eq!(places[0].source.as_deref(), Some("para 2, sentence 3"));
    }

    #[test]
    fn a_person_leaks_by_a_name_part_unless_it_is_a_relatives_whole_name() {
        let person = |name: &str, role: &str| FactKind::Person {
            name: Answer::plain(name),
            role: role.into(),
            since: None,
        };
        assert!(leaks(&person("Ola Quell", "the sister of Ola Quell")));
        assert!(leaks(&person("Ola Quell", "the founder of Quell Shipping")));
        assert!(!leaks(&person(
            "Ola Quell",
            "the elder sister of Mara Quell"
        )));
        assert!(!leaks(&person("Ola Quell", "Mara Quell's elder sister")));
        // A part of two letters is no name to hide ("al" is a word of the role).
        assert!(!leaks(&person(
            "Al Brill",
            "the founder of the al-Tull press"
        )));
    }

    #[test]
    fn a_bare_role_gives_way_to_one_that_says_which() {
        assert!(is_bare_role("the architect"));
        assert!(is_bare_role("a German missionary"));
        assert!(!is_bare_role("the architect of the pedestal"));
        assert!(!is_bare_role("the guild's architect"));
        assert!(!is_bare_role("the architect who designed the pedestal"));
        assert!(!is_bare_role("the first architect to build it"));
        assert!(!is_bare_role(
            "the first architect of the Varn Guild's harbour"
        ));
        let roles_of_quell = |article: &str| {
            drafted(article, |kind| match kind {
                FactKind::Person { name, role, .. } if name.text == "Mara Quell" => {
                    Some(role.to_string())
                }
                _ => None,
            })
        };
        let roles = roles_of_quell(
            "The Varn Tower\n\nThe Varn Tower is a tower in Brill. It was designed by the architect Mara Quell. Mara Quell, a Brill architect, later designed the Kess Bridge in 1901. The poet Tomas Reede praised it.\n",
        );
        assert!(
            !roles.is_empty() && roles.iter().all(|r| !is_bare_role(r)),
            "{roles:?}"
        );
        // The richer role first, the bare one later: the bare one is not added.
        let roles = roles_of_quell(
            "The Varn Tower\n\nThe Varn Tower is a tower in Brill. In 1901 Mara Quell, a Brill architect, designed the Kess Bridge over the Olk. It was later praised by the poet Mara Quell.\n",
        );
        assert!(
            !roles.is_empty() && roles.iter().all(|r| !is_bare_role(r)),
            "{roles:?}"
        );
    }

    #[test]
    fn he_is_the_last_person_named_even_by_one_word_and_never_a_place() {
        let events = drafted(
            "The Battle of Varn\n\nThe Battle of Varn was fought on 18 June 1815. Mara Quell lost an arm. Olk and Tull met that evening near the inn of La Belle Kess. Olk sent forward his last reserve. Olk returned to Brill in June. He surrendered in July and was sent to Arden, where he died on 5 May 1821.\n",
            |kind| match kind {
                FactKind::Event { what, .. } => Some(what.to_string()),
                _ => None,
            },
        );
        assert!(
            events.contains(&"the death of Olk".to_string()),
            "{events:?}"
        );
    }

    #[test]
    fn it_stays_the_main_subject_past_an_until_clause() {
        let quantities = quantities(
            "The Varn Tower\n\nThe Varn Tower is a tower in Brill. It was the tallest building, a title it held until the Kess Building was completed in 1930. With masts added over the years, it now reaches 330 metres.\n",
        );
        assert_eq!(quantities, ["the height of the Varn Tower"]);
    }

    #[test]
    fn a_subject_after_from_there_is_what_it_means_without_its_verb() {
        let terms = drafted(
            "The Varn\n\nThe source of the river is a spring near a village. From there the Varn winds east to Tull. It continues north and just below the city receives the Orrin, its greatest tributary.\n",
            |kind| match kind {
                FactKind::Term { term, definition } if term.text == "Orrin" => {
                    Some(definition.to_string())
                }
                _ => None,
            },
        );
        assert_eq!(terms, ["the greatest tributary of the Varn"]);
    }

    #[test]
    fn a_noun_with_its_preposition_and_a_name_is_no_subject_it_can_mean() {
        let quantities = quantities(
            "The Varn Guild\n\nThe Varn Guild is a guild of sailors. The rivalry with Tull has grown into a quarrel. In 2024 it employed 300 people.\n",
        );
        assert!(
            quantities.iter().all(|q| !q.contains("rivalry")),
            "{quantities:?}"
        );
    }

    #[test]
    fn the_subject_tracked_keeps_its_plural_noun_before_a_verb_and_drops_a_present_verb() {
        let subject = |text: &str| {
            let sentences = vec![text.to_string()];
            let mut context = Context::new(Article::new(None, &sentences));
            let sentence = sentence::read(text, &context.article.words);
            track(&sentence, &mut context);
            context.focus.subject.flatten()
        };
        assert_eq!(
            subject("The Varn brothers were sailors.").as_deref(),
            Some("the Varn brothers")
        );
        assert_eq!(
            subject("From there the Varn winds east to Tull.").as_deref(),
            Some("the Varn")
        );
    }

    #[test]
    fn a_first_name_stands_only_for_a_person_named_before() {
        let people = drafted(
            "Mara Quell\n\nMara Quell was a Brillish composer. Her father Tomas, a tenor with a temper, taught her. Later she studied the works of Tomas Reede, a composer of hymns.\n",
            |kind| match kind {
                FactKind::Person { name, role, .. } => Some(format!("{} = {role}", name.text)),
                _ => None,
            },
        );
        assert!(
            people
                .iter()
                .all(|p| !p.starts_with("Tomas Reede = a tenor")),
            "{people:?}"
        );
    }

    #[test]
    fn lists_terms_people_and_numbers_are_found() {
        let draft = draft_from_article(ARTICLE);
        let kinds: Vec<&FactKind> = draft.deck.facts.iter().map(|f| &f.kind).collect();
        assert!(kinds.contains(&&FactKind::List {
            name: "the four duties of the ACLG".into(),
            items: ["lamp", "lens", "log", "bell"].map(Answer::plain).to_vec(),
            ordered: false
        }));
        assert!(kinds.contains(&&FactKind::Term {
            term: Answer::plain("dark hour"),
            definition: "the time between dusk and the first lamp".into()
        }));
        assert!(kinds.contains(&&FactKind::Term {
            term: Answer::plain("ACLG"),
            definition: "Amber Coast Lighthouse Guild".into()
        }));
        assert!(
            kinds.contains(&&FactKind::Person {
                name: Answer::plain("Tomas Reede"),
                role: "the first warden of the ACLG".into(),
                since: Some(FactDate {
                    year: 1889,
                    month: None,
                    day: None
                })
            }),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&&FactKind::Number {
                quantity: "the length of the coast road".into(),
                value: 1200.0,
                unit: Some("km".into()),
                tolerance: 60.0
            }),
            "{kinds:?}"
        );
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, FactKind::Number { value, .. } if *value == 214.0))
        );
        assert!(kinds.iter().any(|k| matches!(k, FactKind::List { name, .. } if name == "the three honorary harbours of the ACLG")), "{kinds:?}");
    }

    #[test]
    fn items_are_in_document_order_with_locations_and_ids() {
        let draft = draft_from_article(ARTICLE);
        let locations: Vec<Location> = draft.items.iter().map(|i| i.location).collect();
        let mut sorted = locations.clone();
        sorted.sort();
        assert_eq!(locations, sorted);
        let first = &draft.items[0];
        assert_eq!(
            (first.id.as_str(), first.kind, first.location),
            (
                "term-aclg-p1s1",
                "term",
                Location {
                    paragraph: 1,
                    sentence: 1
                }
            )
        );
        assert!(
            draft
                .items
                .iter()
                .all(|i| !i.id.contains('/') && (0.0..=1.0).contains(&i.confidence))
        );
    }

    #[test]
    fn page_clutter_is_not_drafted() {
        let draft = draft_from_article(ARTICLE);
        let toml = to_toml(&draft.deck);
        for clutter in ["Subscribe", "Amber Coast Press", "rights reserved"] {
            assert!(!toml.contains(clutter), "{clutter}");
        }
    }

    #[test]
    fn no_fact_contains_its_own_answer_and_none_repeats() {
        let draft = draft_from_article(ARTICLE);
        assert!(draft.deck.facts.iter().all(|f| !leaks(&f.kind)));
        let mut keys: Vec<String> = draft
            .deck
            .facts
            .iter()
            .map(|f| duplicate_key(&f.kind))
            .collect();
        let count = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), count);
    }

    #[test]
    fn drafting_is_deterministic() {
        assert_eq!(draft_from_article(ARTICLE), draft_from_article(ARTICLE));
    }

    #[test]
    fn leak_checks() {
        let event = FactKind::Event {
            what: "the 1887 charter".into(),
            date: FactDate {
                year: 1887,
                month: None,
                day: None,
            },
            place: None,
        };
        assert!(leaks(&event));
        let list = FactKind::List {
            name: "the lamp duties".into(),
            items: vec![Answer::plain("lamp")],
            ordered: false,
        };
        assert!(leaks(&list));
        let term = FactKind::Term {
            term: Answer::plain("log"),
            definition: "a logbook".into(),
        };
        assert!(!leaks(&term));
    }

    #[test]
    fn annotated_toml_notes_each_item() {
        let draft = draft_from_article(ARTICLE);
        let text = draft.annotated_toml();
        assert!(text.contains("# confidence 0.85, paragraph 1, sentence 1, found by: acronym\nid = \"term-aclg-p1s1\"\n"), "{text}");
        let parsed: toml::Table = text.parse().unwrap();
        assert_eq!(
            parsed["fact"].as_array().unwrap().len(),
            draft.deck.facts.len()
        );
    }

    #[test]
    fn a_day_without_its_year_takes_the_year_of_the_date_before() {
        let events = |article: &str| -> Vec<(String, String, Vec<&'static str>)> {
            let draft = draft_from_article(article);
            draft
                .deck
                .facts
                .iter()
                .zip(&draft.items)
                .filter_map(|(f, item)| match &f.kind {
                    FactKind::Event { what, date, .. } => {
                        Some((what.to_string(), date.to_string(), item.check.clone()))
                    }
                    _ => None,
                })
                .collect()
        };
        let found = events(
            "The Great Fire of Varn\n\nThe Great Fire of Varn was a blaze in Tull. It broke out on 2 September 1666. The Varn Hall was destroyed on 4 September.\n",
        );
        assert_eq!(
            found,
            [
                (
                    "the outbreak of the Great Fire of Varn".to_string(),
                    "2 September 1666".to_string(),
                    vec!["\"it\" read as the last subject"]
                ),
                (
                    "the destruction of the Varn Hall".to_string(),
                    "4 September 1666".to_string(),
                    vec!["the year is that of the date before"]
                ),
            ]
        );
        // A day naming something else ("the Nov. 11 riots") is no date of the text's.
        let skeletons = explain(
            "The Great Fire of Varn\n\nThe Great Fire of Varn was a blaze in Tull. It broke out on 2 September 1666. In October 1666, several weeks before the Nov. 11 riots in Tull, Varnland joined the league.\n",
        );
        assert!(skeletons.contains("before the «X1» riots"), "{skeletons}");
        // A month before the last date's may be the next year's: no date is guessed.
        let found = events(
            "The Great Fire of Varn\n\nThe Great Fire of Varn was a blaze in Tull. It broke out on 2 September 1666. The Varn Hall was destroyed on 4 March.\n",
        );
        assert_eq!(found.len(), 1);
        // Without a date before, nothing is guessed either.
        let found = events(
            "The Great Fire of Varn\n\nThe Great Fire of Varn was a blaze in Tull. The Varn Hall was destroyed on 4 March.\n",
        );
        assert!(found.is_empty());
    }

    #[test]
    fn an_aside_after_although_does_not_move_what_it_means() {
        let article = "The Varn\n\nThe Varn is a river in Tull. The Varn touches three lands, although Brill has only a little of its bank. It flows past three capital cities, Arden, Cove and Dune, more than any other river.\n";
        let draft = draft_from_article(article);
        let lists: Vec<String> = fact(&draft, "list")
            .iter()
            .filter_map(|f| match &f.kind {
                FactKind::List { name, .. } => Some(name.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(lists, ["the three capital cities of the Varn"]);
    }

    #[test]
    fn a_named_subject_after_when_is_what_the_next_its_means() {
        let hall = |article: &str| -> Vec<String> {
            fact(&draft_from_article(article), "event")
                .iter()
                .filter_map(|f| match &f.kind {
                    FactKind::Event { what, .. } if what.contains("hall") => Some(what.to_string()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            hall(
                "Varn\n\nVarn is a city in Tull. In 1999 Varn became a capital again when the new Tull Assembly met for the first time. Its hall at Brill opened in 2004.\n"
            ),
            ["the opening of the hall at Brill of the Tull Assembly"]
        );
        // A name written without "the" takes none.
        assert_eq!(
            hall(
                "Varn\n\nVarn is a city in Tull. In 1999 Varn became a capital again when Varnco moved in. Its hall at Brill opened in 2004.\n"
            ),
            ["the opening of the hall at Brill of Varnco"]
        );
    }

    #[test]
    fn an_empty_text_gives_an_empty_draft() {
        let draft = draft_from_article("");
        assert!(draft.items.is_empty());
        assert_eq!(draft.deck.id, "draft-deck");
    }

    #[test]
    fn an_event_dated_by_an_inferred_year_loses_a_little_confidence() {
        let on = |day| FactDate {
            year: 1666,
            month: Some(9),
            day: Some(day),
        };
        let found = |day| rules::Found {
            fact: FactKind::Event {
                what: "the destruction of the Varn Hall".into(),
                date: on(day),
                place: None,
            },
            confidence: 0.75,
            rule: "test",
            notes: Vec::new(),
        };
        let mut all = [found(4), found(2)];
        note_inferred(&mut all, &[on(4)]);
        assert!(
            (all[0].confidence - 0.7).abs() < 1e-6,
            "{}",
            all[0].confidence
        );
        assert_eq!(all[0].notes, ["the year is that of the date before"]);
        assert!((all[1].confidence - 0.75).abs() < 1e-6);
        assert!(all[1].notes.is_empty());
    }

    #[test]
    fn a_day_takes_no_year_from_a_date_without_a_month_or_when_out_of_range() {
        let dates = |article: &str| -> Vec<String> {
            draft_from_article(article)
                .deck
                .facts
                .iter()
                .filter_map(|f| match &f.kind {
                    FactKind::Event { date, .. } => Some(date.to_string()),
                    _ => None,
                })
                .collect()
        };
        // A later month in the same text takes the year.
        assert_eq!(
            dates(
                "The Great Fire of Varn\n\nThe Great Fire of Varn was a blaze in Tull. It broke out on 2 September 1666. The Varn Hall was destroyed on 4 October.\n"
            ),
            ["2 September 1666", "4 October 1666"]
        );
        // A year alone gives no month to compare with.
        assert_eq!(
            dates(
                "The Great Fire of Varn\n\nThe Great Fire of Varn was a blaze in Tull. It broke out in 1666. The Varn Hall was destroyed on 4 September.\n"
            ),
            ["1666"]
        );
        // No month has a 34th day.
        assert_eq!(
            dates(
                "The Great Fire of Varn\n\nThe Great Fire of Varn was a blaze in Tull. It broke out on 2 September 1666. The Varn Hall was destroyed on 34 September.\n"
            ),
            ["2 September 1666"]
        );
    }

    #[test]
    fn explain_shows_each_skeleton_with_its_inferred_dates_and_facts() {
        let text = explain(
            "The Great Fire of Varn\n\nThe Great Fire of Varn was a blaze in Tull. It broke out on 2 September 1666. The Varn Hall was destroyed on 4 September.\n",
        );
        assert!(
            text.starts_with("subject: Some(\"the Great Fire of Varn\")"),
            "{text}"
        );
        // The day without a year reads as a date: the skeleton shows it, and its event.
        assert!(text.contains("\n«E0» was destroyed on «D1».\n"), "{text}");
        assert!(
            text.contains("the destruction of the Varn Hall\", date: FactDate { year: 1666, month: Some(9), day: Some(4) }"),
            "{text}"
        );
    }
}

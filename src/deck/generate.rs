//! Turn facts into cards: forward, reverse and multiple-choice questions, timelines and clozes.
//!
//! API: [`generate`]`(&mut Deck) -> Vec<Diagnostic>` appends the generated cards (in fact
//! order, then the timeline cards), fills the deck's [`Apart`](crate::deck::Apart) relations
//! and returns warnings for forms it had to skip and wordings it had to guess; [`forms`] lists
//! the forms of each fact kind; [`default_seed`] and [`fnv1a`] give the deck's stable default
//! seed; [`format_date`] and [`format_number`] write dates and quantities as the generated
//! prompts do.
//!
//! Every word of a generated card comes from `crate::wording`; this file decides which cards
//! a fact makes and draws their wrong options (`deck::distractors`) from answers of the same
//! type (`deck::item_type`).

use std::borrow::Cow;
use std::sync::{Mutex, PoisonError};

use crate::deck::distractors::{
    self, Family, MIN_WRONG, Pools, Rng, Slot, WANTED, draw, overlaps, plausible, spread,
};
use crate::deck::item_type::{declared, known_type, shared_type};
use crate::deck::text::{leak, same};
use crate::deck::{
    Answer, Card, CardId, Checking, ClozePart, Deck, Fact, FactDate, FactKind, Kind, Shared,
    TagLists, Tags, Text, apart, parallel,
};
use crate::diagnostic::Diagnostic;
use crate::wording::template::{
    CLOZE_PROMPT, EventWords, Guess, ListWords, NumberWords, PersonWords, PlaceWords,
    TIMELINE_PROMPT, TermWords, join_and, timeline_explain, which_event_question,
};

pub use crate::deck::distractors::fnv1a;
pub use crate::wording::count::format_number;
pub use crate::wording::date::format_date;

/// The id prefix of deck-level timeline cards; no fact may use it as its id.
pub const TIMELINE: &str = "timeline";

/// Wrong options wanted for a generated choice question (fewer, down to
/// [`distractors::MIN_WRONG`], are accepted).
pub const DISTRACTORS: usize = WANTED;

/// Events per timeline card (a lone event left at the end joins the last run).
pub const TIMELINE_RUN: usize = 4;

/// Large decks are expanded on several threads, each taking at least this many facts.
const FACTS_PER_THREAD: usize = 500;

/// Facts expanded per round of threads. The cards a thread makes are moved into the deck's
/// list after each round, so that no thread's list grows large: a large block that is freed
/// makes glibc's allocator raise its mmap threshold and keep later large blocks resident
/// after they are freed (10 MB more at the peak of checking a 100k-card deck).
const FACTS_PER_ROUND: usize = 4 * FACTS_PER_THREAD;

/// The forms (card id suffixes) a fact kind generates, which a fact's `ask` may reword. A
/// list's clozes are `cloze-1` ... `cloze-N`; `cloze` in `ask` rewords all their instructions.
pub fn forms(kind: &str) -> &'static [&'static str] {
    match kind {
        "event" => &["year", "which"],
        "place" => &["where", "where-choice", "which", "since", "before"],
        "person" => &["who", "role"],
        "list" => &["all", "cloze", "member"],
        "number" => &["value", "choice"],
        "term" => &["define", "name"],
        _ => &[],
    }
}

/// The choice forms of a fact kind, which a fact's `wrong` may give wrong options.
pub fn choice_forms(kind: &str) -> &'static [&'static str] {
    match kind {
        "event" => &["which"],
        "place" => &["where-choice", "which"],
        "person" => &["role"],
        "list" => &["member"],
        "number" => &["choice"],
        "term" => &["define"],
        _ => &[],
    }
}

/// The seed a deck uses when it does not set one.
pub fn default_seed(deck_id: &str) -> u64 {
    fnv1a(deck_id.as_bytes())
}

/// Whether `a` certainly happened before `b`, given how precisely each is known.
pub fn before(a: &FactDate, b: &FactDate) -> bool {
    if a.year != b.year {
        return a.year < b.year;
    }
    match (a.month, b.month) {
        (Some(am), Some(bm)) if am != bm => am < bm,
        (Some(_), Some(_)) => matches!((a.day, b.day), (Some(ad), Some(bd)) if ad < bd),
        _ => false,
    }
}

/// Whether an event at `b` could have happened at the (possibly vaguer) date `a`.
fn compatible(a: &FactDate, b: &FactDate) -> bool {
    !before(a, b) && !before(b, a)
}

/// A fact's words.
enum Words {
    Event(EventWords),
    Place(PlaceWords),
    Person(PersonWords),
    List(ListWords),
    Number(NumberWords),
    Term(TermWords),
}

/// A fact read once: its words, the text it lends to other facts' choice questions, and the
/// types of its answers.
struct Worded {
    words: Words,
    /// The event clause, place subject, role or definition other facts may draw.
    lent: Option<String>,
    /// The type of `lent` (or of a list's items).
    ty: String,
    /// A place fact's place type.
    place_ty: String,
}

fn word(fact: &Fact) -> Worded {
    let hints = &fact.hints;
    let verb = hints.verb.as_deref();
    match &fact.kind {
        FactKind::Event { what, .. } => {
            let w = EventWords::new(what, verb);
            Worded {
                lent: Some(w.option()),
                words: Words::Event(w),
                ty: "event".into(),
                place_ty: String::new(),
            }
        }
        FactKind::Place {
            subject,
            relation,
            place,
            ..
        } => {
            // What the place is, as declared or as the gazetteer knows it, both words the
            // question ("On which planet ...?") and types its wrong options.
            let known = known_type(&place.text);
            let kind = hints.place_kind.as_deref().or(known);
            let w = PlaceWords::new(subject, relation, verb, kind);
            let place_ty = match hints.place_kind.as_deref() {
                Some(k) => declared(k),
                // A hall is not drawn with cities.
                None if known.is_none() => crate::wording::template::building_kind(&place.text)
                    .unwrap_or_else(|| thing_type(None)),
                None => thing_type(known),
            };
            // Subjects are of one kind when they stand in the same relation to the same kind of
            // place: a spot on a planet is not drawn with an agency in a city.
            let coarse = if falls_back_to_place(&place_ty) {
                PLACE
            } else {
                &place_ty
            };
            let ty = format!("{} in a {coarse}", w.subject_type());
            Worded {
                lent: Some(w.subject_option()),
                ty,
                words: Words::Place(w),
                place_ty,
            }
        }
        FactKind::Person { name, role, since } => {
            let w = PersonWords::new(&name.text, role, *since, hints.current);
            Worded {
                lent: Some(w.role_option()),
                words: Words::Person(w),
                ty: "role".into(),
                place_ty: String::new(),
            }
        }
        FactKind::List {
            name,
            items,
            ordered,
        } => {
            let w = ListWords::new(name, *ordered);
            let ty = match &hints.item_kind {
                Some(k) => declared(k),
                None => match shared_type(items.iter().map(|a| a.text.as_str())) {
                    Some(ty) => thing_type(Some(ty)),
                    None => w.head_type(),
                },
            };
            Worded {
                lent: None,
                words: Words::List(w),
                ty,
                place_ty: String::new(),
            }
        }
        FactKind::Number { quantity, unit, .. } => Worded {
            lent: None,
            words: Words::Number(NumberWords::new(quantity, unit.as_deref())),
            ty: String::new(),
            place_ty: String::new(),
        },
        FactKind::Term { term, definition } => {
            let w = TermWords::new(&term.text, definition);
            // The name an acronym stands for is not drawn with what words mean.
            let ty = if w.abbreviates_a_name() {
                "expansion"
            } else {
                "definition"
            };
            Worded {
                lent: Some(w.definition_option()),
                words: Words::Term(w),
                ty: ty.into(),
                place_ty: String::new(),
            }
        }
    }
}

/// The type of a place or an item the gazetteer may know ("country", "city", "planet"), or
/// "place". Known cities are drawn with known cities first, then with other places (the
/// gazetteer knows only some cities), see [`Gen::draw_things`].
fn thing_type(known: Option<&str>) -> String {
    known.unwrap_or("place").to_string()
}

/// The type a known city shares with places the gazetteer does not know.
const PLACE: &str = "place";

/// Whether answers of type `ty` may top up their wrong options with plain places.
fn falls_back_to_place(ty: &str) -> bool {
    ty == "city"
}

/// Where each fact's answers go: pools by family and type, and number facts by unit.
fn pools(facts: &[Fact], worded: &[Worded]) -> (Pools, Vec<usize>) {
    let mut pools = Pools::default();
    let mut numbers = Vec::new();
    for (i, (f, w)) in facts.iter().zip(worded).enumerate() {
        match &f.kind {
            FactKind::Event { .. } => pools.add(Family::Event, &w.ty, i, Slot::Lent),
            FactKind::Place { .. } => {
                pools.add(Family::Subject, &w.ty, i, Slot::Lent);
                pools.add(Family::Thing, &w.place_ty, i, Slot::Place);
                if falls_back_to_place(&w.place_ty) {
                    pools.add(Family::Thing, PLACE, i, Slot::Place);
                }
            }
            FactKind::Person { .. } => pools.add(Family::Role, &w.ty, i, Slot::Lent),
            FactKind::List { items, .. } => {
                for n in 0..items.len().min(usize::from(u16::MAX)) {
                    pools.add(Family::Thing, &w.ty, i, Slot::Item(n as u16));
                    if falls_back_to_place(&w.ty) {
                        pools.add(Family::Thing, PLACE, i, Slot::Item(n as u16));
                    }
                }
            }
            FactKind::Number { .. } => numbers.push(i),
            FactKind::Term { .. } => pools.add(Family::Definition, &w.ty, i, Slot::Lent),
        }
    }
    (pools, numbers)
}

struct Gen<'a> {
    seed: u64,
    deck_tags: &'a [Text],
    facts: &'a [Fact],
    worded: &'a [Worded],
    pools: &'a Pools,
    numbers: &'a [usize],
    cards: Vec<Card>,
    diags: Vec<Diagnostic>,
    /// Tags and explanation shared by the cards of the fact being expanded (made once per
    /// fact, cloned per card).
    tags: Tags,
    explain: Shared,
    /// One shared list per distinct list of tags.
    tag_lists: TagLists,
    /// Choice forms of the current fact skipped for want of wrong options: (form, how many
    /// were found, of what type).
    starved: Vec<(String, usize, String)>,
}

/// Append the cards generated from `deck.facts` to `deck.cards` and fill `deck.apart`;
/// returns a warning for every form that could not be made and every wording guessed.
pub fn generate(deck: &mut Deck) -> Vec<Diagnostic> {
    let worded: Vec<Worded> = parallel::map_chunks(&deck.facts, FACTS_PER_THREAD, |_, chunk| {
        chunk.iter().map(word).collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let (pools, numbers) = pools(&deck.facts, &worded);
    let Deck {
        facts,
        tags,
        seed,
        cards,
        ..
    } = deck;
    let new = |cards: Vec<Card>| Gen {
        seed: *seed,
        deck_tags: tags,
        facts,
        worded: &worded,
        pools: &pools,
        numbers: &numbers,
        cards,
        diags: Vec::new(),
        tags: Tags::default(),
        explain: Shared::from(""),
        tag_lists: TagLists::default(),
        starved: Vec::new(),
    };
    let indices: Vec<usize> = (0..facts.len()).collect();
    let mut diags = Vec::new();
    for round in indices.chunks(FACTS_PER_ROUND) {
        // The first slice of facts appends straight to the deck's own card list (which the
        // loader sized for them); the others fill lists of their own, moved after it in order.
        let deck_cards = Mutex::new(std::mem::take(cards));
        let parts = parallel::map_chunks(round, FACTS_PER_THREAD, |n, chunk| {
            let out = if n == 0 {
                std::mem::take(&mut *deck_cards.lock().unwrap_or_else(PoisonError::into_inner))
            } else {
                Vec::with_capacity(chunk.len() * 4)
            };
            let mut g = new(out);
            for &i in chunk {
                g.fact(i);
                g.report_starved(i);
            }
            (g.cards, g.diags)
        });
        for (mut part, warnings) in parts {
            if cards.is_empty() {
                *cards = part;
            } else {
                cards.append(&mut part);
            }
            diags.extend(warnings);
        }
    }
    let mut g = new(std::mem::take(cards));
    let timelines = g.timelines();
    *cards = g.cards;
    drop((worded, pools, numbers));
    apart::relate(deck, &timelines);
    diags
}

/// The explanation of a fact's cards when it has no `explain` of its own: one sentence
/// stating the whole fact.
fn statement(fact: &Fact, words: &Words) -> String {
    match (&fact.kind, words) {
        (FactKind::Event { date, place, .. }, Words::Event(w)) => {
            w.statement(date, place.as_deref())
        }
        (
            FactKind::Place {
                place,
                since,
                previously,
                ..
            },
            Words::Place(w),
        ) => {
            let earlier: Vec<&str> = previously.iter().map(Text::as_str).collect();
            w.statement(&place.text, since.as_ref(), &earlier)
        }
        (FactKind::Person { .. }, Words::Person(w)) => w.statement(),
        (FactKind::List { items, .. }, Words::List(w)) => {
            let texts: Vec<&str> = items.iter().map(|a| a.text.as_str()).collect();
            w.statement(&texts)
        }
        (FactKind::Number { value, .. }, Words::Number(w)) => w.statement(*value),
        (FactKind::Term { .. }, Words::Term(w)) => w.statement(),
        _ => String::new(),
    }
}

impl<'a> Gen<'a> {
    fn card(&self, fact: &Fact, form: &str, prompt: String, kind: Kind) -> Card {
        // A prompt the author wrote for this form replaces the generated one.
        let ask_form = if form.starts_with("cloze-") {
            "cloze"
        } else {
            form
        };
        let prompt = match fact.hints.ask(ask_form) {
            Some(p) => Text::from(p),
            None => prompt.into(),
        };
        Card {
            id: CardId(compact_str::format_compact!("{}/{form}", fact.id)),
            kind,
            prompt,
            tags: self.tags.clone(),
            explain: Some(self.explain.clone()),
            source: fact.source.clone(),
            fact: Some(fact.id.clone()),
            media: None,
            span: fact.span,
            // A person's name may be given family name first ("Jinping Xi").
            checking: Checking {
                name: form == "who" && matches!(fact.kind, FactKind::Person { .. }),
                ..Checking::default()
            },
        }
    }

    fn push(&mut self, fact: &Fact, form: &str, prompt: String, kind: Kind) {
        let card = self.card(fact, form, prompt, kind);
        if let Some(leak) = leak(&card.kind, &card.prompt) {
            let d = Diagnostic::warning(
                fact.span,
                format!(
                    "skipped `{}`: its prompt would contain the answer `{}`",
                    card.id, leak.answer
                ),
            )
            .with_help("reword the fact so that this question does not give its answer away");
            self.diags.push(d);
            return;
        }
        self.cards.push(card);
    }

    /// One warning for all the choice forms of fact `i` that found too few wrong options.
    fn report_starved(&mut self, i: usize) {
        if self.starved.is_empty() {
            return;
        }
        let fact = &self.facts[i];
        let kind = fact.kind.name();
        let forms: Vec<String> = self
            .starved
            .iter()
            .map(|(f, ..)| format!("`{f}`"))
            .collect();
        let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
        let found: Vec<String> = self
            .starved
            .iter()
            .map(|(_, n, ty)| {
                // "only 1 subject", not "1 subjects".
                let ty = if *n == 1 && ty.split_whitespace().count() == 1 {
                    crate::wording::plural::singular(ty)
                } else {
                    ty.clone()
                };
                format!("{n} {ty}")
            })
            .collect();
        let mut unique: Vec<&str> = Vec::new();
        for f in &found {
            if !unique.contains(&f.as_str()) {
                unique.push(f);
            }
        }
        let fewest = self.starved.iter().map(|(_, n, _)| *n).min().unwrap_or(0);
        let more = MIN_WRONG - fewest.min(MIN_WRONG);
        let help = match &fact.kind {
            FactKind::List { .. } => format!(
                "wrong options come from the items of other lists of the same kind: add \
                 lists whose items are {}, or set `item_kind` on this list and on lists of the \
                 same kind of items (e.g. `item_kind = \"country\"`)",
                self.starved[0].2
            ),
            FactKind::Place { .. } => format!(
                "wrong options come from other place facts with answers of the same type: add \
                 at least {more} more (a `place_kind` groups places of one kind)"
            ),
            FactKind::Event { .. } => format!(
                "wrong options come from other events whose dates cannot match: add at least \
                 {more} more event facts"
            ),
            _ => format!(
                "wrong options come from other {kind} facts: add at least {more} more \
                 ({WANTED} more give each question {WANTED} wrong options)"
            ),
        };
        let d = Diagnostic::warning(
            fact.span,
            format!(
                "skipped {}: a choice question needs at least {MIN_WRONG} wrong options of the \
                 same type as its answer, and only {} could be drawn",
                join_and(&forms),
                join_and(&unique)
            ),
        )
        .with_help(help);
        self.diags.push(d);
        self.starved.clear();
    }

    /// Pushes a choice card, or notes that it was skipped for want of wrong options.
    fn push_choice(&mut self, i: usize, c: Choice) {
        let fact = &self.facts[i];
        let form = c.form;
        let wrong = with_written(fact.hints.wrong(form), &c.correct, c.right, c.wrong);
        if wrong.len() < MIN_WRONG {
            self.starved
                .push((format!("{}/{form}", fact.id), wrong.len(), described(c.ty)));
            return;
        }
        self.push(
            fact,
            form,
            c.prompt,
            Kind::Choice {
                correct: vec![c.correct],
                wrong,
            },
        );
    }

    fn rng(&self, fact: &Fact, form: &str) -> Rng {
        Rng::for_card(self.seed, &fact.id, form)
    }

    /// The text fact `i` lends to others' choice questions.
    fn lent(&self, i: usize) -> Option<&'a str> {
        self.worded[i].lent.as_deref()
    }

    /// A list fact's item, or a place fact's place, as a thing of some type.
    fn thing(&self, i: usize, slot: Slot) -> Option<&'a Answer> {
        match (&self.facts[i].kind, slot) {
            (FactKind::List { items, .. }, Slot::Item(n)) => items.get(usize::from(n)),
            (FactKind::Place { place, .. }, Slot::Place) => Some(place),
            _ => None,
        }
    }

    /// Wrong options among places and list items of type `ty` that `usable` accepts, topped
    /// up from plain places when the type is a known city.
    fn draw_things(
        &self,
        rng: &mut Rng,
        ty: &str,
        me: usize,
        exclude: &[&str],
        usable: impl Fn(&Answer) -> bool,
    ) -> Vec<Text> {
        let mut pick = |j: usize, slot: Slot, _: &mut Rng| {
            let item = self.thing(j, slot)?;
            usable(item).then_some(Cow::Borrowed(item.text.as_str()))
        };
        let mut wrong = draw(
            rng,
            self.pools.get(Family::Thing, ty),
            me,
            exclude,
            &mut pick,
        );
        // Other places only when cities alone cannot make a question: three cities read better
        // than four options of which one is a palace.
        if wrong.len() < MIN_WRONG && falls_back_to_place(ty) {
            let mut taken: Vec<&str> = exclude.to_vec();
            taken.extend(wrong.iter().map(Text::as_str));
            let more = draw(
                rng,
                self.pools.get(Family::Thing, PLACE),
                me,
                &taken,
                &mut pick,
            );
            let room = WANTED - wrong.len();
            wrong.extend(more.into_iter().take(room));
        }
        wrong
    }

    fn fact(&mut self, i: usize) {
        let facts = self.facts;
        let fact = &facts[i];
        let worded = &self.worded[i];
        let mut tags = fact.tags.clone();
        for t in self.deck_tags {
            if !tags.contains(t) {
                tags.push(t.clone());
            }
        }
        self.tags = self.tag_lists.get(&tags);
        self.explain = match &fact.explain {
            Some(e) => Shared::from(e.as_str()),
            None => Shared::from(statement(fact, &worded.words)),
        };
        let guess = match &worded.words {
            Words::Event(w) => match &fact.kind {
                FactKind::Event { what, .. } => w.guessed(what),
                _ => None,
            },
            Words::Person(w) => w.guessed(),
            _ => None,
        };
        if let Some(g) = guess {
            self.guessed(fact, g);
        }
        match (&fact.kind, &worded.words) {
            (FactKind::Event { date, .. }, Words::Event(w)) => {
                self.push(
                    fact,
                    "year",
                    w.year_question(),
                    Kind::Year {
                        answer: date.year,
                        tolerance: 0,
                    },
                );
                let mine = w.option();
                let mut rng = self.rng(fact, "which");
                let pool = self.pools.get(Family::Event, &worded.ty);
                let wrong = draw(&mut rng, pool, i, &[&mine], |j, _, _| {
                    match &facts[j].kind {
                        FactKind::Event { date: d, .. } if !compatible(date, d) => {
                            self.lent(j).map(Cow::Borrowed)
                        }
                        _ => None,
                    }
                });
                let prompt = which_event_question(date);
                self.push_choice(
                    i,
                    Choice {
                        form: "which",
                        prompt,
                        correct: mine.into(),
                        right: &[],
                        wrong,
                        ty: "event",
                    },
                );
            }
            (
                FactKind::Place {
                    place,
                    since,
                    previously,
                    ..
                },
                Words::Place(w),
            ) => self.place(i, w, place, since.as_ref(), previously),
            (FactKind::Person { name, .. }, Words::Person(w)) => {
                self.push(
                    fact,
                    "who",
                    w.who_question(),
                    Kind::Typed {
                        answer: name.clone(),
                    },
                );
                let role = w.role_option();
                let mut rng = self.rng(fact, "role");
                let pool = self.pools.get(Family::Role, &worded.ty);
                let wrong = draw(&mut rng, pool, i, &[&role], |j, _, _| {
                    match &facts[j].kind {
                        FactKind::Person { name: other, .. } if !overlaps(name, other) => {
                            self.lent(j).map(Cow::Borrowed)
                        }
                        _ => None,
                    }
                });
                self.push_choice(
                    i,
                    Choice {
                        form: "role",
                        prompt: w.role_question(),
                        correct: role.into(),
                        right: &[],
                        wrong,
                        ty: "role",
                    },
                );
            }
            (FactKind::List { items, .. }, Words::List(_)) if items.is_empty() => {
                let d = Diagnostic::warning(
                    fact.span,
                    format!("skipped list fact `{}`: it has no items", fact.id),
                );
                self.diags.push(d);
            }
            (FactKind::List { items, ordered, .. }, Words::List(w)) => {
                self.push(
                    fact,
                    "all",
                    w.all_question(),
                    Kind::List {
                        items: items.clone(),
                        ordered: *ordered,
                    },
                );
                let opening = w.opening(items.len());
                for n in 0..items.len() {
                    let parts = cloze_parts(&opening, items, n);
                    self.push(
                        fact,
                        &format!("cloze-{}", n + 1),
                        CLOZE_PROMPT.into(),
                        Kind::Cloze { parts },
                    );
                }
                let mut rng = self.rng(fact, "member");
                let correct = items[rng.below(items.len())].text.clone();
                let ours: Vec<&str> = items.iter().flat_map(Answer::all).collect();
                let wrong = self.draw_things(&mut rng, &worded.ty, i, &ours, |item| {
                    !item.all().any(|s| ours.iter().any(|o| same(s, o)))
                });
                let ty = worded.ty.clone();
                self.push_choice(
                    i,
                    Choice {
                        form: "member",
                        prompt: w.member_question(),
                        correct,
                        right: &ours,
                        wrong,
                        ty: &ty,
                    },
                );
            }
            (
                FactKind::Number {
                    value,
                    unit,
                    tolerance,
                    ..
                },
                Words::Number(w),
            ) => {
                let prompt = w.question();
                let kind = Kind::Number {
                    answer: *value,
                    tolerance: *tolerance,
                    unit: unit.clone(),
                };
                self.push(fact, "value", prompt.clone(), kind);
                let mut rng = self.rng(fact, "choice");
                let correct = w.option(*value);
                let unit_of = |f: &Fact| match &f.kind {
                    FactKind::Number { unit, .. } => unit.clone(),
                    _ => None,
                };
                let same_unit = |u: &Option<Text>| {
                    same(u.as_deref().unwrap_or(""), unit.as_deref().unwrap_or(""))
                };
                // At most one value from another fact: the rest are spread around this one.
                let mut values: Vec<f64> = Vec::new();
                let others: Vec<(u32, Slot)> = self
                    .numbers
                    .iter()
                    .map(|&j| (j as u32, Slot::Lent))
                    .collect();
                let lent = draw(&mut rng, &others, i, &[&correct], |j, _, _| {
                    match &facts[j].kind {
                        FactKind::Number { value: v, .. }
                            if same_unit(&unit_of(&facts[j]))
                                && plausible(*value, *v)
                                && distractors::distinct(*v, *value, *tolerance) =>
                        {
                            Some(Cow::Owned(v.to_string()))
                        }
                        _ => None,
                    }
                });
                if let Some(v) = lent.first().and_then(|t| t.parse::<f64>().ok()) {
                    values.push(v);
                }
                for v in spread(*value, *tolerance, &mut rng) {
                    if values.len() >= WANTED {
                        break;
                    }
                    if values.iter().all(|o| distractors::distinct(*o, v, 0.0)) {
                        values.push(v);
                    }
                }
                let wrong: Vec<Text> = values.iter().map(|v| Text::from(w.option(*v))).collect();
                self.push_choice(
                    i,
                    Choice {
                        form: "choice",
                        prompt,
                        correct: correct.into(),
                        right: &[],
                        wrong,
                        ty: "number",
                    },
                );
            }
            (FactKind::Term { term, .. }, Words::Term(w)) => {
                let definition = w.definition_option();
                let mut rng = self.rng(fact, "define");
                let pool = self.pools.get(Family::Definition, &worded.ty);
                let wrong = draw(&mut rng, pool, i, &[&definition], |j, _, _| {
                    match &facts[j].kind {
                        FactKind::Term { term: other, .. } if !overlaps(term, other) => {
                            self.lent(j).map(Cow::Borrowed)
                        }
                        _ => None,
                    }
                });
                self.push_choice(
                    i,
                    Choice {
                        form: "define",
                        prompt: w.define_question(),
                        correct: definition.into(),
                        right: &[],
                        wrong,
                        ty: if w.abbreviates_a_name() {
                            "full name"
                        } else {
                            "definition"
                        },
                    },
                );
                self.push(
                    fact,
                    "name",
                    w.name_question(),
                    Kind::Typed {
                        answer: term.clone(),
                    },
                );
            }
            _ => {}
        }
    }

    fn place(
        &mut self,
        i: usize,
        w: &PlaceWords,
        place: &Answer,
        since: Option<&FactDate>,
        previously: &[Text],
    ) {
        let facts = self.facts;
        let fact = &facts[i];
        let worded = &self.worded[i];
        let question = w.where_question();
        self.push(
            fact,
            "where",
            question.clone(),
            Kind::Typed {
                answer: place.clone(),
            },
        );
        let mut rng = self.rng(fact, "where-choice");
        let exclude: Vec<&str> = place.all().collect();
        let wrong = self.draw_things(&mut rng, &worded.place_ty, i, &exclude, |other| {
            !overlaps(place, other)
        });
        let place_ty = worded.place_ty.clone();
        self.push_choice(
            i,
            Choice {
                form: "where-choice",
                prompt: question,
                correct: place.text.clone(),
                right: &exclude,
                wrong,
                ty: &place_ty,
            },
        );
        let subject = w.subject_option();
        let mut rng = self.rng(fact, "which");
        let pool = self.pools.get(Family::Subject, &worded.ty);
        let wrong = draw(&mut rng, pool, i, &[&subject], |j, _, _| {
            match &facts[j].kind {
                FactKind::Place { place: there, .. } if !overlaps(place, there) => {
                    self.lent(j).map(Cow::Borrowed)
                }
                _ => None,
            }
        });
        let ty = worded.ty.clone();
        self.push_choice(
            i,
            Choice {
                form: "which",
                prompt: w.which_question(&place.text),
                correct: subject.into(),
                right: &[],
                wrong,
                ty: &ty,
            },
        );
        if let Some(since) = since {
            self.push(
                fact,
                "since",
                w.since_question(&place.text),
                Kind::Year {
                    answer: since.year,
                    tolerance: 0,
                },
            );
        }
        if let Some(last) = previously.last() {
            self.push(
                fact,
                "before",
                w.before_question(&place.text),
                Kind::Typed {
                    answer: Answer::plain(last.clone()),
                },
            );
        }
    }

    /// A warning that the wording of fact `fact` had to guess.
    fn guessed(&mut self, fact: &Fact, g: Guess) {
        // A fact whose every question is written by hand needs no guess.
        let kind = fact.kind.name();
        if forms(kind).iter().all(|f| fact.hints.ask(f).is_some()) {
            return;
        }
        let d = Diagnostic::warning(
            fact.span,
            format!("{kind} fact `{}`: {}", fact.id, g.message),
        )
        .with_help(g.help);
        self.diags.push(d);
    }

    /// Events sorted by date, cut into runs of up to four in which every event certainly
    /// happened after the one before (events whose order is unknown never share a card).
    fn timelines(&mut self) -> Vec<apart::Timeline> {
        let mut out = Vec::new();
        let facts = self.facts;
        let mut events: Vec<(FactDate, usize)> = self
            .pools
            .get(Family::Event, "event")
            .iter()
            .filter_map(|&(i, _)| match &facts[i as usize].kind {
                FactKind::Event { date, .. } => Some((*date, i as usize)),
                _ => None,
            })
            .collect();
        events.sort();
        let date = |i: usize| match &facts[i].kind {
            FactKind::Event { date, .. } => *date,
            _ => FactDate {
                year: 0,
                month: None,
                day: None,
            },
        };
        let worded = self.worded;
        let what = |i: usize| worded[i].lent.as_deref().unwrap_or("");
        let mut runs: Vec<Vec<usize>> = Vec::new();
        let mut run: Vec<usize> = Vec::new();
        for (d, i) in events {
            let fits = run.last().is_some_and(|&last| before(&date(last), &d))
                && !run.iter().any(|&j| same(what(j), what(i)));
            if !run.is_empty() && (!fits || run.len() == TIMELINE_RUN) {
                runs.push(std::mem::take(&mut run));
            }
            run.push(i);
        }
        if !run.is_empty() {
            runs.push(run);
        }
        // A lone event cannot be ordered: it joins the previous run when it surely follows it
        // (that run was closed for being full), and is left out otherwise.
        let mut merged: Vec<Vec<usize>> = Vec::with_capacity(runs.len());
        for run in runs {
            if let [single] = run[..] {
                if let Some(prev) = merged.last_mut()
                    && prev
                        .last()
                        .is_some_and(|&last| before(&date(last), &date(single)))
                {
                    prev.push(single);
                }
                continue;
            }
            merged.push(run);
        }
        for run in merged {
            let first = &facts[run[0]];
            let last = &facts[run[run.len() - 1]];
            let mut tags: Vec<Text> = Vec::new();
            for &i in &run {
                for t in facts[i].tags.iter().chain(self.deck_tags) {
                    if !tags.contains(t) {
                        tags.push(t.clone());
                    }
                }
            }
            let entries: Vec<(FactDate, String)> = run
                .iter()
                .map(|&i| {
                    let text = match &worded[i].words {
                        Words::Event(w) => w.declarative(),
                        _ => String::new(),
                    };
                    (date(i), text)
                })
                .collect();
            let id = compact_str::format_compact!("{TIMELINE}/{}..{}", first.id, last.id);
            out.push(apart::Timeline {
                card: id.clone(),
                facts: run.iter().map(|&i| facts[i].id.clone()).collect(),
            });
            self.cards.push(Card {
                id: CardId(id),
                kind: Kind::Order {
                    items: run.iter().map(|&i| Text::from(what(i))).collect(),
                },
                prompt: TIMELINE_PROMPT.into(),
                tags: self.tag_lists.get(&tags),
                explain: Some(Shared::from(timeline_explain(&entries))),
                source: None,
                fact: None,
                media: None,
                // The place of the event written last: a study session introduces new cards
                // in file order, so a timeline comes after the events it orders.
                span: run
                    .iter()
                    .map(|&i| facts[i].span)
                    .max_by_key(|s| s.start)
                    .unwrap_or(first.span),
                checking: Checking::default(),
            });
        }
        out
    }
}

/// A generated choice question before its written wrong options are added.
struct Choice<'x> {
    form: &'x str,
    prompt: String,
    correct: Text,
    /// Other right answers, never offered as wrong ones.
    right: &'x [&'x str],
    wrong: Vec<Text>,
    /// What the answer is, as warnings name it.
    ty: &'x str,
}

/// The wrong options the author wrote for a form, then drawn ones, up to [`WANTED`] (or all
/// the written ones): none repeated, none the answer or another right answer (`right`).
fn with_written(written: &[Text], correct: &Text, right: &[&str], drawn: Vec<Text>) -> Vec<Text> {
    if written.is_empty() {
        return drawn;
    }
    let mut out: Vec<Text> = Vec::with_capacity(WANTED.max(written.len()));
    for w in written.iter().chain(&drawn) {
        let taken =
            same(w, correct) || right.iter().any(|r| same(r, w)) || out.iter().any(|o| same(o, w));
        if !taken && (out.len() < WANTED || out.len() < written.len()) {
            out.push(w.clone());
        }
    }
    out
}

/// A type as warnings name it: "countries", "roles", "organisations".
fn described(ty: &str) -> String {
    // "organisation in a place": the qualifier is how types are kept apart, not how they read.
    let ty = ty.split(" in a ").next().unwrap_or(ty);
    // A type named after its verb ("thing found") reads as "subjects".
    if ty.starts_with("thing ") {
        return "subjects".to_string();
    }
    let mut words: Vec<&str> = ty.split(' ').collect();
    let last = words.pop().unwrap_or("");
    let last = crate::wording::plural::plural(last);
    words.push(&last);
    words.join(" ")
}

/// The cloze for item `n` of a list: the sentence (starting with `opening`) with that item
/// blanked.
fn cloze_parts(opening: &str, items: &[Answer], n: usize) -> Vec<ClozePart> {
    let mut parts = Vec::new();
    let mut text = opening.to_string();
    for (j, item) in items.iter().enumerate() {
        if j > 0 {
            text.push_str(if j + 1 == items.len() { " and " } else { ", " });
        }
        if j == n {
            parts.push(ClozePart::Text(Text::from(std::mem::take(&mut text))));
            parts.push(ClozePart::Blank(item.clone()));
        } else {
            text.push_str(&item.text);
        }
    }
    text.push('.');
    parts.push(ClozePart::Text(text.into()));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Span;
    use std::sync::Arc;

    fn fact(id: &str, kind: FactKind) -> Fact {
        Fact {
            id: id.into(),
            kind,
            tags: vec!["own".into()],
            explain: None,
            source: None,
            span: Span::new(1, 2),
            hints: Default::default(),
        }
    }

    fn date(year: i32, month: Option<u8>, day: Option<u8>) -> FactDate {
        FactDate { year, month, day }
    }

    fn event(id: &str, what: &str, d: FactDate) -> Fact {
        fact(
            id,
            FactKind::Event {
                what: what.into(),
                date: d,
                place: None,
            },
        )
    }

    fn place(id: &str, subject: &str, at: &str) -> Fact {
        fact(
            id,
            FactKind::Place {
                subject: subject.into(),
                relation: "headquarters".into(),
                place: Answer::plain(at),
                since: None,
                previously: vec![],
            },
        )
    }

    fn person(id: &str, name: &str, role: &str) -> Fact {
        fact(
            id,
            FactKind::Person {
                name: Answer::plain(name),
                role: role.into(),
                since: None,
            },
        )
    }

    fn list(id: &str, name: &str, items: &[&str]) -> Fact {
        fact(
            id,
            FactKind::List {
                name: name.into(),
                items: items.iter().map(|i| Answer::plain(*i)).collect(),
                ordered: false,
            },
        )
    }

    fn number(id: &str, quantity: &str, value: f64, unit: Option<&str>) -> Fact {
        fact(
            id,
            FactKind::Number {
                quantity: quantity.into(),
                value,
                unit: unit.map(Text::from),
                tolerance: 0.0,
            },
        )
    }

    fn term(id: &str, t: &str, definition: &str) -> Fact {
        fact(
            id,
            FactKind::Term {
                term: Answer::plain(t),
                definition: definition.into(),
            },
        )
    }

    fn run(facts: Vec<Fact>, seed: u64) -> (Deck, Vec<Diagnostic>) {
        let mut deck = Deck {
            id: "d".into(),
            tags: vec!["deck".into()],
            seed,
            facts,
            ..Deck::default()
        };
        let diags = generate(&mut deck);
        (deck, diags)
    }

    fn cards(facts: Vec<Fact>) -> Deck {
        run(facts, 7).0
    }

    fn get<'d>(deck: &'d Deck, id: &str) -> &'d Card {
        deck.card(id).unwrap_or_else(|| panic!("no card {id}"))
    }

    fn ids(deck: &Deck) -> Vec<&str> {
        deck.cards.iter().map(|c| c.id.as_str()).collect()
    }

    fn choice(card: &Card) -> (&[Text], &[Text]) {
        match &card.kind {
            Kind::Choice { correct, wrong } => (correct, wrong),
            other => panic!("not a choice: {other:?}"),
        }
    }

    fn sorted(texts: &[Text]) -> Vec<&str> {
        let mut v: Vec<&str> = texts.iter().map(Text::as_str).collect();
        v.sort_unstable();
        v
    }

    fn three_places() -> Vec<Fact> {
        vec![
            place("hq", "the club", "Lyon"),
            place("hq2", "the league", "Nantes"),
            place("hq3", "the union", "Lille"),
        ]
    }

    #[test]
    fn a_place_named_after_a_building_is_not_drawn_with_cities() {
        let mut facts = three_places();
        facts.push(place("hall", "the club house", "the Hall of Mirrors"));
        facts.push(place("hq4", "the bank", "Paris"));
        let (d, diags) = run(facts, 7);
        // Four cities, one hall: the hall has no wrong options of its kind.
        assert!(d.card("hall/where-choice").is_none());
        assert!(d.card("hall/where").is_some());
        assert!(
            diags.iter().any(|x| x.message.contains("0 halls")),
            "{diags:?}"
        );
        for id in ["hq/where-choice", "hq2/where-choice", "hq3/where-choice"] {
            let (_, wrong) = choice(get(&d, id));
            assert!(
                wrong.iter().all(|w| w.as_str() != "the Hall of Mirrors"),
                "{id}: {wrong:?}"
            );
        }
    }

    #[test]
    fn default_seed_is_the_hash_of_the_deck_id() {
        assert_eq!(default_seed("sco"), fnv1a(b"sco"));
    }

    #[test]
    fn every_kind_has_its_forms_and_choice_forms() {
        for kind in ["event", "place", "person", "list", "number", "term"] {
            let forms = forms(kind);
            assert!(!forms.is_empty(), "{kind}");
            for c in choice_forms(kind) {
                assert!(forms.contains(c), "{kind}: {c}");
            }
        }
        assert!(forms("nothing").is_empty());
        assert!(choice_forms("nothing").is_empty());
    }

    #[test]
    fn a_facts_cards_share_one_explanation_and_one_tag_list() {
        let d = cards(three_places());
        let (a, b) = (get(&d, "hq/where"), get(&d, "hq/which"));
        let shared = |x: &Option<Shared>, y: &Option<Shared>| match (x, y) {
            (Some(x), Some(y)) => Arc::ptr_eq(x, y),
            _ => false,
        };
        assert!(shared(&a.explain, &b.explain));
        assert!(!shared(&a.explain, &get(&d, "hq2/where").explain));
        // All facts have the same tags, so all their cards hold one list.
        assert!(Arc::ptr_eq(&a.tags, &get(&d, "hq2/where").tags));
    }

    #[test]
    fn event_gives_year_and_which_questions() {
        let d = cards(vec![
            event(
                "founding",
                "the founding of the club",
                date(2001, Some(6), Some(15)),
            ),
            event(
                "merger",
                "the merger of the two leagues",
                date(1996, None, None),
            ),
            event("treaty", "the Treaty of Lyon", date(1980, None, None)),
        ]);
        let year = get(&d, "founding/year");
        assert_eq!(year.prompt, "In what year was the club founded?");
        assert_eq!(
            year.kind,
            Kind::Year {
                answer: 2001,
                tolerance: 0
            }
        );
        assert_eq!(year.fact.as_deref(), Some("founding"));
        assert_eq!(
            year.explain.as_deref(),
            Some("The club was founded on 15 June 2001.")
        );
        assert_eq!(year.tags.to_vec(), vec!["own", "deck"]);
        assert_eq!(year.span, Span::new(1, 2));
        let which = get(&d, "founding/which");
        assert_eq!(which.prompt, "Which of these happened on 15 June 2001?");
        let (correct, wrong) = choice(which);
        assert_eq!(correct, &[Text::from("The club was founded")][..]);
        assert_eq!(
            sorted(wrong),
            ["The Treaty of Lyon was signed", "The two leagues merged"]
        );
    }

    #[test]
    fn which_event_never_offers_an_event_that_may_share_the_date() {
        let d = cards(vec![
            event("a", "the founding of A", date(2001, Some(6), Some(15))),
            event("b", "the founding of B", date(2001, None, None)),
            event("c", "the founding of C", date(2001, Some(6), None)),
            event("e", "the founding of E", date(2001, Some(7), None)),
            event("f", "the founding of F", date(1990, None, None)),
        ]);
        let (_, wrong) = choice(get(&d, "a/which"));
        assert_eq!(sorted(wrong), ["E was founded", "F was founded"]);
    }

    #[test]
    fn an_event_with_too_few_others_gets_no_which_question() {
        let (d, diags) = run(
            vec![
                event("a", "the founding of A", date(2001, None, None)),
                event("b", "the founding of B", date(1999, None, None)),
            ],
            7,
        );
        assert!(d.card("a/which").is_none());
        assert!(
            diags[0]
                .message
                .starts_with("skipped `a/which`: a choice question needs at least 2 wrong options"),
            "{}",
            diags[0].message
        );
    }

    #[test]
    fn an_event_with_a_verb_uses_it() {
        let mut e = event(
            "t",
            "the Sino-Soviet treaty on the eastern border",
            date(1991, None, None),
        );
        e.hints.verb = Some("signed".into());
        let d = cards(vec![e]);
        assert_eq!(
            get(&d, "t/year").prompt,
            "In what year was the Sino-Soviet treaty on the eastern border signed?"
        );
    }

    #[test]
    fn an_event_recall_cannot_read_is_asked_with_take_place_and_a_warning() {
        let (d, diags) = run(vec![event("x", "the big thing", date(1991, None, None))], 7);
        assert_eq!(
            get(&d, "x/year").prompt,
            "In what year did the big thing take place?"
        );
        let guess = "event fact `x`: recall could not tell what happened in \"the big thing\", so its questions say it \"took place\"";
        assert!(diags.iter().any(|d| d.message == guess), "{diags:?}");
        // A prompt written for every form needs no guess.
        let mut e = event("x", "the big thing", date(1991, None, None));
        e.hints.ask = vec![
            ("year".into(), "When was the big thing?".into()),
            ("which".into(), "Which?".into()),
        ];
        let (d, diags) = run(vec![e], 7);
        assert_eq!(get(&d, "x/year").prompt, "When was the big thing?");
        assert!(
            !diags.iter().any(|d| d.message.contains("could not tell")),
            "{diags:?}"
        );
    }

    #[test]
    fn timeline_orders_events_in_runs_of_four() {
        let events: Vec<Fact> = (0..8)
            .map(|i| {
                event(
                    &format!("e{i}"),
                    &format!("the founding of club {i}"),
                    date(1900 + 8 - i, None, None),
                )
            })
            .collect();
        let d = cards(events);
        let timelines: Vec<&Card> = d
            .cards
            .iter()
            .filter(|c| c.id.as_str().starts_with("timeline/"))
            .collect();
        assert_eq!(timelines.len(), 2);
        assert_eq!(timelines[0].id.as_str(), "timeline/e7..e4");
        assert_eq!(
            timelines[0].kind,
            Kind::Order {
                items: vec![
                    "Club 7 was founded".into(),
                    "Club 6 was founded".into(),
                    "Club 5 was founded".into(),
                    "Club 4 was founded".into()
                ]
            }
        );
        assert_eq!(
            timelines[0].prompt,
            "Put these events in chronological order, earliest first."
        );
        assert_eq!(
            timelines[0].explain.as_deref(),
            Some(
                "1901: club 7 was founded; 1902: club 6 was founded; 1903: club 5 was founded; 1904: club 4 was founded."
            )
        );
        assert_eq!(timelines[0].fact, None);
        assert_eq!(timelines[1].id.as_str(), "timeline/e3..e0");
        // A timeline is kept apart from the cards of its events, both ways.
        assert_eq!(d.apart.of("timeline/e7..e4"), ["e7", "e6", "e5", "e4"]);
        assert_eq!(d.apart.of("e7/year"), ["timeline/e7..e4"]);
    }

    #[test]
    fn timeline_takes_a_lone_last_event_into_the_previous_run() {
        let events: Vec<Fact> = (0..5)
            .map(|i| {
                event(
                    &format!("e{i}"),
                    &format!("the founding of club {i}"),
                    date(1900 + i, None, None),
                )
            })
            .collect();
        let d = cards(events);
        let t = get(&d, "timeline/e0..e4");
        assert!(matches!(&t.kind, Kind::Order { items } if items.len() == 5));
    }

    #[test]
    fn timeline_never_puts_events_of_unknown_order_together() {
        let d = cards(vec![
            event("a", "the founding of A", date(2001, None, None)),
            event("b", "the founding of B", date(2001, Some(3), None)),
            event("c", "the founding of C", date(2002, None, None)),
            event("e", "the founding of E", date(2003, None, None)),
        ]);
        let timelines: Vec<&str> = ids(&d)
            .into_iter()
            .filter(|i| i.starts_with("timeline/"))
            .collect();
        assert_eq!(timelines, vec!["timeline/b..e"]);
    }

    #[test]
    fn single_event_makes_no_timeline() {
        let d = cards(vec![event(
            "a",
            "the founding of A",
            date(2001, None, None),
        )]);
        assert_eq!(ids(&d), vec!["a/year"]);
    }

    #[test]
    fn place_gives_five_forms() {
        let mut facts = three_places();
        if let FactKind::Place {
            place,
            since,
            previously,
            ..
        } = &mut facts[0].kind
        {
            place.accept = vec!["Lugdunum".into()];
            *since = Some(date(1936, None, None));
            *previously = vec!["Paris".into(), "Dijon".into()];
        }
        let d = cards(facts);
        assert_eq!(
            ids(&d),
            vec![
                "hq/where",
                "hq/where-choice",
                "hq/which",
                "hq/since",
                "hq/before",
                "hq2/where",
                "hq2/where-choice",
                "hq2/which",
                "hq3/where",
                "hq3/where-choice",
                "hq3/which",
            ]
        );
        let where_ = get(&d, "hq/where");
        // Lyon is a city the gazetteer knows.
        assert_eq!(where_.prompt, "In which city is the club headquartered?");
        assert_eq!(
            where_.kind,
            Kind::Typed {
                answer: Answer {
                    text: "Lyon".into(),
                    accept: vec!["Lugdunum".into()]
                }
            }
        );
        assert_eq!(
            get(&d, "hq/which").prompt,
            "Which of these is headquartered in Lyon?"
        );
        assert_eq!(choice(get(&d, "hq/which")).0, &["the club".to_string()]);
        assert_eq!(
            get(&d, "hq/since").prompt,
            "Since what year has the club been headquartered in Lyon?"
        );
        assert_eq!(
            get(&d, "hq/since").kind,
            Kind::Year {
                answer: 1936,
                tolerance: 0
            }
        );
        assert_eq!(
            get(&d, "hq/before").prompt,
            "Where was the club headquartered before it moved to Lyon?"
        );
        assert_eq!(
            get(&d, "hq/before").kind,
            Kind::Typed {
                answer: Answer::plain("Dijon")
            }
        );
        assert_eq!(
            get(&d, "hq/where").explain.as_deref(),
            Some(
                "The club has been headquartered in Lyon since 1936; before that it was in Paris, then in Dijon."
            )
        );
    }

    #[test]
    fn place_distractors_skip_the_answer_and_its_alternatives() {
        let mut hq = place("hq", "the league", "Geneva");
        if let FactKind::Place { place, .. } = &mut hq.kind {
            place.accept = vec!["Genf".into()];
        }
        let d = cards(vec![
            hq,
            place("b", "the bank", "GENEVA "),
            place("c", "the court", "genf"),
            place("e", "the fund", "Rome"),
            place("f", "the office", "Basel"),
        ]);
        assert_eq!(
            sorted(choice(get(&d, "hq/where-choice")).1),
            ["Basel", "Rome"]
        );
        // Subjects at the same place would be right answers too.
        assert_eq!(
            sorted(choice(get(&d, "hq/which")).1),
            ["the fund", "the office"]
        );
    }

    #[test]
    fn places_are_drawn_only_with_places_of_their_type() {
        let mut facts = vec![
            place("a", "the club", "Tashkent"),
            place("b", "the league", "Beijing"),
            place("c", "the union", "Astana"),
            place("d", "the court", "China"),
            place("e", "the fund", "Russia"),
        ];
        let mut planet = place("p", "the Great Red Spot", "Jupiter");
        planet.hints.place_kind = Some("planet".into());
        facts.push(planet);
        let d = cards(facts);
        let (_, wrong) = choice(get(&d, "a/where-choice"));
        assert_eq!(sorted(wrong), ["Astana", "Beijing"]);
        // Only one other country: too few to ask.
        assert!(d.card("d/where-choice").is_none());
    }

    #[test]
    fn person_gives_who_and_role() {
        let mut first = person("p", "Ada Lovelace", "the first programmer");
        if let FactKind::Person { since, .. } = &mut first.kind {
            *since = Some(date(1843, None, None));
        }
        let mut current = person("s", "Sam Altman", "chief executive of OpenAI");
        current.hints.current = Some(true);
        let d = cards(vec![
            first,
            person("q", "Grace Hopper", "author of the first compiler"),
            person("r", "ada lovelace", "a countess"),
            current,
        ]);
        assert_eq!(
            get(&d, "p/who").prompt,
            "Who became the first programmer in 1843?"
        );
        assert_eq!(
            get(&d, "q/who").prompt,
            "Who was the author of the first compiler?"
        );
        assert_eq!(
            get(&d, "s/who").prompt,
            "Who is the chief executive of OpenAI?"
        );
        assert_eq!(
            get(&d, "p/role").prompt,
            "What did Ada Lovelace become in 1843?"
        );
        assert_eq!(get(&d, "s/role").prompt, "Who is Sam Altman?");
        // Another role of the same person would also be right.
        assert_eq!(
            sorted(choice(get(&d, "p/role")).1),
            [
                "the author of the first compiler",
                "the chief executive of OpenAI"
            ]
        );
    }

    #[test]
    fn list_gives_all_clozes_and_member() {
        let mut f = list("f", "the three forces", &["x", "y", "z"]);
        f.hints.item_kind = Some("letters".into());
        let mut g = list("g", "the two others", &["p", "q"]);
        g.hints.item_kind = Some("letter".into());
        let d = cards(vec![f, g, list("h", "the fruits", &["apple", "pear"])]);
        assert_eq!(
            ids(&d)[..5],
            ["f/all", "f/cloze-1", "f/cloze-2", "f/cloze-3", "f/member"]
        );
        assert_eq!(get(&d, "f/all").prompt, "Name the three forces.");
        assert_eq!(
            get(&d, "f/cloze-2").kind,
            Kind::Cloze {
                parts: vec![
                    ClozePart::Text("The three forces are x, ".into()),
                    ClozePart::Blank(Answer::plain("y")),
                    ClozePart::Text(" and z.".into()),
                ]
            }
        );
        assert_eq!(get(&d, "f/cloze-2").prompt, "Fill in the blank.");
        let member = get(&d, "f/member");
        assert_eq!(member.prompt, "Which of these is one of the three forces?");
        let (correct, wrong) = choice(member);
        assert!(["x", "y", "z"].contains(&correct[0].as_str()));
        // Only letters: never a fruit.
        assert_eq!(sorted(wrong), ["p", "q"]);
    }

    #[test]
    fn list_items_of_a_known_type_are_drawn_together() {
        let d = cards(vec![
            list("m", "the members", &["China", "Russia", "India"]),
            list("o", "the observers", &["Iran", "Mongolia"]),
            list("p", "the partners", &["Nepal", "Armenia"]),
            list(
                "f",
                "the three evil forces",
                &["terrorism", "separatism", "extremism"],
            ),
        ]);
        let (_, wrong) = choice(get(&d, "m/member"));
        assert!(
            wrong
                .iter()
                .all(|w| ["Iran", "Mongolia", "Nepal", "Armenia"].contains(&w.as_str())),
            "{wrong:?}"
        );
        assert_eq!(wrong.len(), 3);
        // The forces have no other list of forces to draw from.
        assert!(d.card("f/member").is_none());
    }

    #[test]
    fn written_wrong_options_come_first() {
        let mut f = list(
            "f",
            "the three evil forces",
            &["terrorism", "separatism", "extremism"],
        );
        f.hints.wrong = vec![(
            "member".into(),
            vec![
                "colonialism".into(),
                "Terrorism".into(),
                "hegemonism".into(),
            ],
        )];
        let (d, diags) = run(vec![f], 7);
        assert!(diags.is_empty(), "{diags:?}");
        let (_, wrong) = choice(get(&d, "f/member"));
        assert_eq!(sorted(wrong), ["colonialism", "hegemonism"]);
    }

    #[test]
    fn ordered_list_says_so() {
        let mut f = list("f", "the stages", &["a", "b"]);
        if let FactKind::List { ordered, .. } = &mut f.kind {
            *ordered = true;
        }
        let d = cards(vec![f]);
        assert_eq!(get(&d, "f/all").prompt, "Name the stages, in order.");
        assert_eq!(
            get(&d, "f/all").explain.as_deref(),
            Some("The stages are, in order, a and b.")
        );
    }

    #[test]
    fn number_gives_value_and_choice_with_spread_values() {
        let d = cards(vec![number("n", "the number of moons of Mars", 2.0, None)]);
        let value = get(&d, "n/value");
        assert_eq!(value.prompt, "How many moons does Mars have?");
        assert_eq!(
            value.kind,
            Kind::Number {
                answer: 2.0,
                tolerance: 0.0,
                unit: None
            }
        );
        let (correct, wrong) = choice(get(&d, "n/choice"));
        assert_eq!(correct, &["2".to_string()]);
        assert_eq!(wrong.len(), 3);
        assert!(
            wrong
                .iter()
                .all(|w| ["0", "1", "3", "4", "5", "6"].contains(&w.as_str())),
            "{wrong:?}"
        );
        assert_eq!(value.explain.as_deref(), Some("Mars has 2 moons."));
    }

    #[test]
    fn number_choice_takes_plausible_values_with_the_same_unit() {
        let d = cards(vec![
            number("a", "the height of a", 100.0, Some("m")),
            number("b", "the height of b", 120.0, Some("m")),
            number("c", "the weight of c", 110.0, Some("kg")),
            number("e", "the height of e", 9000.0, Some("m")),
        ]);
        let (correct, wrong) = choice(get(&d, "a/choice"));
        assert_eq!(correct, &["100 m".to_string()]);
        assert!(wrong.iter().any(|w| w == "120 m"), "{wrong:?}");
        assert!(
            wrong.iter().all(|w| w.ends_with(" m") && w != "9,000 m"),
            "{wrong:?}"
        );
    }

    #[test]
    fn three_digit_counts_are_not_offered_their_neighbours() {
        for seed in 0..20 {
            let (d, _) = run(
                vec![number(
                    "n",
                    "the number of documents in the framework",
                    122.0,
                    Some("documents"),
                )],
                seed,
            );
            let (correct, wrong) = choice(get(&d, "n/choice"));
            assert_eq!(correct, &["122".to_string()]);
            for w in wrong {
                let v: f64 = w.parse().unwrap();
                assert!((v - 122.0).abs() >= 12.0, "{wrong:?}");
            }
        }
    }

    #[test]
    fn term_gives_define_and_name() {
        let d = cards(vec![
            term("t", "LEO", "an orbit close to the Earth."),
            term("u", "GEO", "an orbit that keeps pace with the Earth"),
            term("v", "HEO", "a highly elliptical orbit"),
        ]);
        assert_eq!(get(&d, "t/define").prompt, "What does \"LEO\" refer to?");
        let (correct, wrong) = choice(get(&d, "t/define"));
        assert_eq!(correct, &[Text::from("an orbit close to the Earth")][..]);
        assert_eq!(
            sorted(wrong),
            [
                "a highly elliptical orbit",
                "an orbit that keeps pace with the Earth"
            ]
        );
        assert_eq!(
            get(&d, "t/name").prompt,
            "What is the term for an orbit close to the Earth?"
        );
        assert_eq!(
            get(&d, "t/name").kind,
            Kind::Typed {
                answer: Answer::plain("LEO")
            }
        );
        assert_eq!(
            get(&d, "t/name").explain.as_deref(),
            Some("LEO: an orbit close to the Earth.")
        );
    }

    #[test]
    fn the_name_an_acronym_stands_for_is_not_drawn_with_definitions() {
        let (d, diags) = run(
            vec![
                term("nato", "NATO", "the North Atlantic Treaty Organization"),
                term("f", "fjord", "a long, narrow inlet of the sea"),
                term("e", "enclave", "a territory surrounded by another state"),
                term("b", "Brexit", "the withdrawal of Britain from the EU"),
            ],
            7,
        );
        assert!(d.card("nato/define").is_none());
        assert_eq!(
            get(&d, "nato/name").prompt,
            "What is the abbreviation for the North Atlantic Treaty Organization?"
        );
        assert!(
            diags.iter().any(|x| x.message.contains("0 full names")),
            "{diags:?}"
        );
        let (_, wrong) = choice(get(&d, "f/define"));
        assert!(
            wrong
                .iter()
                .all(|w| w.as_str() != "the North Atlantic Treaty Organization"),
            "{wrong:?}"
        );
    }

    #[test]
    fn a_fact_explain_replaces_the_generated_statement() {
        let mut t = term("t", "LEO", "low orbit");
        t.explain = Some("Most satellites fly there.".into());
        let d = cards(vec![t]);
        assert_eq!(
            get(&d, "t/name").explain.as_deref(),
            Some("Most satellites fly there.")
        );
    }

    #[test]
    fn three_distractors_when_available() {
        let terms: Vec<Fact> = (0..10)
            .map(|i| term(&format!("t{i}"), &format!("T{i}"), &format!("meaning {i}")))
            .collect();
        let d = cards(terms);
        for i in 0..10 {
            let (correct, wrong) = choice(get(&d, &format!("t{i}/define")));
            assert_eq!(wrong.len(), 3);
            assert!(!wrong.contains(&correct[0]));
        }
    }

    #[test]
    fn distractors_never_equal_the_answer_or_each_other() {
        // Many facts share texts up to case and spacing, in a pool large enough to be sampled.
        let facts: Vec<Fact> = (0..300)
            .map(|i| {
                let name = if i % 2 == 0 {
                    format!("City {}", i % 7)
                } else {
                    format!("city  {}", i % 7)
                };
                place(&format!("p{i}"), &format!("body {}", i % 11), &name)
            })
            .collect();
        let d = cards(facts);
        for card in d
            .cards
            .iter()
            .filter(|c| matches!(c.kind, Kind::Choice { .. }))
        {
            let (correct, wrong) = choice(card);
            assert!(wrong.len() >= MIN_WRONG);
            for (n, w) in wrong.iter().enumerate() {
                assert!(!same(w, &correct[0]), "{}: {w} vs {}", card.id, correct[0]);
                assert!(
                    wrong[..n].iter().all(|o| !same(o, w)),
                    "{}: repeated {w}",
                    card.id
                );
            }
        }
    }

    #[test]
    fn same_seed_gives_the_same_cards() {
        let make = || {
            (0..40)
                .map(|i| term(&format!("t{i}"), &format!("T{i}"), &format!("meaning {i}")))
                .collect::<Vec<_>>()
        };
        assert_eq!(run(make(), 1).0.cards, run(make(), 1).0.cards);
    }

    #[test]
    fn another_seed_may_give_other_distractors() {
        let make = || {
            (0..40)
                .map(|i| term(&format!("t{i}"), &format!("T{i}"), &format!("meaning {i}")))
                .collect::<Vec<_>>()
        };
        assert_ne!(run(make(), 1).0.cards, run(make(), 2).0.cards);
    }

    #[test]
    fn forms_without_distractors_are_skipped_with_one_warning() {
        let (d, diags) = run(vec![place("hq", "the league", "Geneva")], 7);
        assert_eq!(ids(&d), vec!["hq/where"]);
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].message,
            "skipped `hq/where-choice` and `hq/which`: a choice question needs at least 2 wrong options of the same type as its answer, and only 0 cities and 0 organisations could be drawn"
        );
        assert_eq!(
            diags[0].help.as_deref(),
            Some(
                "wrong options come from other place facts with answers of the same type: add at least 2 more (a `place_kind` groups places of one kind)"
            )
        );
        assert_eq!(diags[0].span, Span::new(1, 2));
    }

    #[test]
    fn forms_whose_candidates_are_all_unusable_say_so() {
        let (_, diags) = run(
            vec![
                place("a", "x", "Rome"),
                place("b", "y", "rome"),
                place("c", "z", "Rome "),
            ],
            7,
        );
        assert_eq!(
            diags[0].message,
            "skipped `a/where-choice` and `a/which`: a choice question needs at least 2 wrong options of the same type as its answer, and only 0 cities and 0 organisations could be drawn"
        );
    }

    #[test]
    fn a_form_that_would_give_its_answer_away_is_skipped() {
        let (d, diags) = run(
            vec![term(
                "t",
                "RATS",
                "the Regional Anti-Terrorist Structure (RATS)",
            )],
            7,
        );
        assert!(d.card("t/name").is_none());
        assert!(
            diags.iter().any(
                |d| d.message == "skipped `t/name`: its prompt would contain the answer `RATS`"
            )
        );
    }

    #[test]
    fn a_card_that_shows_another_answer_is_kept_apart_from_it() {
        let d = cards(vec![
            person("zd", "Zhang Deguang", "first secretary general of the SCO"),
            event(
                "open",
                "the opening of the SCO Secretariat, led first by Zhang Deguang",
                date(2004, None, None),
            ),
        ]);
        assert_eq!(d.apart.of("zd/who"), ["open/year"]);
        assert_eq!(d.apart.of("open/year"), ["zd/who"]);
    }
}

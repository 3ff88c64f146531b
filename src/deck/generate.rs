//! Turn facts into cards: forward, reverse and multiple-choice questions, timelines and clozes.
//!
//! API: [`generate`]`(&mut Deck) -> Vec<Diagnostic>` appends the generated cards (in fact
//! order, then the timeline cards) and returns warnings for forms it had to skip;
//! [`default_seed`] and [`fnv1a`] give the deck's stable default seed; [`format_date`] and
//! [`format_number`] write dates and quantities as the generated prompts do.
//!
//! Wrong options are drawn from other facts of the same kind with a small RNG seeded from the
//! deck seed and the card id, so a deck always generates the same cards, and adding a fact only
//! changes the cards that happen to draw it. Each card looks at a bounded number of candidates
//! (never the whole deck), which keeps a 100 000-card deck fast.

use std::borrow::Cow;
use std::sync::{Mutex, PoisonError};

use crate::deck::text::{capitalise, join_and, phrase, same};
use crate::deck::{
    Answer, Card, CardId, Checking, ClozePart, Deck, Fact, FactDate, FactKind, Kind, Shared,
    TagLists, Tags, Text, lint, parallel,
};
use crate::diagnostic::Diagnostic;

/// The id prefix of deck-level timeline cards; no fact may use it as its id.
pub const TIMELINE: &str = "timeline";

/// Wrong options wanted for a generated choice question; at least one is needed.
pub const DISTRACTORS: usize = 3;

/// Events per timeline card (a lone event left at the end joins the last run).
pub const TIMELINE_RUN: usize = 4;

/// Large decks are expanded on several threads, each taking at least this many facts.
const FACTS_PER_THREAD: usize = 500;

/// Facts expanded per round of threads. The cards a thread makes are moved into the deck's
/// list after each round, so that no thread's list grows large: a large block that is freed
/// makes glibc's allocator raise its mmap threshold and keep later large blocks resident
/// after they are freed (10 MB more at the peak of checking a 100k-card deck).
const FACTS_PER_ROUND: usize = 4 * FACTS_PER_THREAD;

/// Pools this small are shuffled whole; larger ones are sampled.
const SMALL_POOL: usize = 64;
/// Random draws from a large pool before falling back to a bounded sequential scan.
const DRAWS: usize = 16 * DISTRACTORS;
const SCAN: usize = 256;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a_from(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// 64-bit FNV-1a: a hash that is the same on every machine and every Rust version.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(FNV_OFFSET, bytes)
}

/// The seed a deck uses when it does not set one.
pub fn default_seed(deck_id: &str) -> u64 {
    fnv1a(deck_id.as_bytes())
}

/// SplitMix64: tiny, fast and fully specified, so generated decks never change when a
/// dependency changes its random stream.
struct Rng(u64);

impl Rng {
    /// The generator of card `FACT-ID/FORM`, hashed without building the id.
    fn for_card(seed: u64, fact_id: &str, form: &str) -> Rng {
        let h = fnv1a_from(fnv1a(&seed.to_le_bytes()), fact_id.as_bytes());
        Rng(fnv1a_from(fnv1a_from(h, b"/"), form.as_bytes()))
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// "15 June 2001", "June 2001" or "2001"; negative years are BC ("221 BC").
pub fn format_date(d: &FactDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let year = if d.year < 0 {
        format!("{} BC", -i64::from(d.year))
    } else {
        d.year.to_string()
    };
    let month = d
        .month
        .and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)));
    match (month, d.day) {
        (Some(m), Some(day)) => format!("{day} {m} {year}"),
        (Some(m), None) => format!("{m} {year}"),
        _ => year,
    }
}

/// The date with its preposition: "on 15 June 2001", "in June 2001", "in 2001".
fn at_date(d: &FactDate) -> String {
    let prep = if d.day.is_some() && d.month.is_some() {
        "on"
    } else {
        "in"
    };
    format!("{prep} {}", format_date(d))
}

/// A quantity as shown in options: "8", "0.5 km", "12%".
pub fn format_number(value: f64, unit: Option<&str>) -> String {
    match unit {
        Some(u) if u.starts_with('%') => format!("{value}{u}"),
        Some(u) => format!("{value} {u}"),
        None => value.to_string(),
    }
}

/// Whether `a` certainly happened before `b`, given how precisely each is known.
fn before(a: &FactDate, b: &FactDate) -> bool {
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

/// Whether two answers share any accepted text (normalised).
fn overlaps(a: &Answer, b: &Answer) -> bool {
    a.all().any(|x| b.all().any(|y| same(x, y)))
}

/// Indices of the deck's facts, by kind: where wrong options are drawn from.
#[derive(Default)]
struct Pools {
    event: Vec<usize>,
    place: Vec<usize>,
    person: Vec<usize>,
    list: Vec<usize>,
    number: Vec<usize>,
    term: Vec<usize>,
}

impl Pools {
    fn of(&self, kind: &FactKind) -> &[usize] {
        match kind {
            FactKind::Event { .. } => &self.event,
            FactKind::Place { .. } => &self.place,
            FactKind::Person { .. } => &self.person,
            FactKind::List { .. } => &self.list,
            FactKind::Number { .. } => &self.number,
            FactKind::Term { .. } => &self.term,
        }
    }
}

struct Gen<'a> {
    seed: u64,
    deck_tags: &'a [Text],
    facts: &'a [Fact],
    pools: &'a Pools,
    cards: Vec<Card>,
    diags: Vec<Diagnostic>,
    /// Tags and explanation shared by the cards of the fact being expanded (made once per
    /// fact, cloned per card).
    tags: Tags,
    explain: Shared,
    /// One shared list per distinct list of tags.
    tag_lists: TagLists,
    /// Choice forms of the current fact skipped for want of wrong options.
    starved: Vec<String>,
}

/// Append the cards generated from `deck.facts` to `deck.cards`; returns a warning for every
/// form that could not be made.
pub fn generate(deck: &mut Deck) -> Vec<Diagnostic> {
    let mut pools = Pools::default();
    for (i, f) in deck.facts.iter().enumerate() {
        let pool = match f.kind {
            FactKind::Event { .. } => &mut pools.event,
            FactKind::Place { .. } => &mut pools.place,
            FactKind::Person { .. } => &mut pools.person,
            FactKind::List { .. } => &mut pools.list,
            FactKind::Number { .. } => &mut pools.number,
            FactKind::Term { .. } => &mut pools.term,
        };
        pool.push(i);
    }
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
        pools: &pools,
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
    g.timelines();
    *cards = g.cards;
    diags
}

/// A sentence stating the whole fact, shown after any of its questions when the fact has no
/// `explain` of its own.
fn statement(fact: &Fact) -> String {
    let text = statement_text(fact);
    let text = capitalise(&text);
    if text.ends_with(['.', '?', '!']) {
        text
    } else {
        text + "."
    }
}

fn statement_text(fact: &Fact) -> String {
    match &fact.kind {
        FactKind::Event { what, date, place } => {
            let place = place
                .as_ref()
                .map(|p| format!(" in {}", phrase(p)))
                .unwrap_or_default();
            format!("{} took place {}{place}", phrase(what), at_date(date))
        }
        FactKind::Place {
            subject,
            relation,
            place,
            since,
            previously,
        } => {
            let mut s = format!("The {relation} of {} is in {}", phrase(subject), place.text);
            if let Some(since) = since {
                s.push_str(&format!(" (since {})", format_date(since)));
            }
            if !previously.is_empty() {
                let earlier: Vec<&str> = previously.iter().map(Text::as_str).collect();
                s.push_str(&format!("; before that it was in {}", join_and(&earlier)));
            }
            s
        }
        FactKind::Person { name, role, since } => match since {
            Some(d) => format!("{} became {} {}", name.text, phrase(role), at_date(d)),
            None => format!("{} was {}", name.text, phrase(role)),
        },
        FactKind::List {
            name,
            items,
            ordered,
        } => {
            let texts: Vec<&str> = items.iter().map(|a| a.text.as_str()).collect();
            format!(
                "{}{}",
                list_opening(name, items.len(), *ordered),
                join_and(&texts)
            )
        }
        FactKind::Number {
            quantity,
            value,
            unit,
            ..
        } => {
            format!(
                "{} is {}",
                phrase(quantity),
                format_number(*value, unit.as_deref())
            )
        }
        FactKind::Term { term, definition } => format!("{}: {}", term.text, phrase(definition)),
    }
}

/// "The three evil forces are " (or "..., in order, " / "... is " for one item).
fn list_opening(name: &str, len: usize, ordered: bool) -> String {
    let verb = if len == 1 { "is" } else { "are" };
    let order = if ordered && len > 1 {
        ", in order,"
    } else {
        ""
    };
    format!("{} {verb}{order} ", capitalise(phrase(name)))
}

impl<'a> Gen<'a> {
    fn card(&self, fact: &Fact, form: &str, prompt: String, kind: Kind) -> Card {
        Card {
            id: CardId(compact_str::format_compact!("{}/{form}", fact.id)),
            kind,
            prompt: prompt.into(),
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
        if let Some(leak) = lint::leak(&card.kind, &card.prompt) {
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

    /// One warning for all the choice forms of fact `i` that found no wrong option.
    fn report_starved(&mut self, i: usize) {
        if self.starved.is_empty() {
            return;
        }
        let fact = &self.facts[i];
        let kind = fact.kind.name();
        let others = self.pools.of(&fact.kind).len().saturating_sub(1);
        // No other fact gave a usable option, so each wrong option wanted takes one more fact.
        let why = if others == 0 {
            format!(
                "no other {kind} fact to draw wrong options from; at least 1 more {kind} fact \
                 is needed"
            )
        } else {
            let them = if others == 1 {
                format!("the other {kind} fact gives")
            } else {
                format!("the other {others} {kind} facts give")
            };
            format!(
                "{them} no usable wrong option; at least 1 more {kind} fact with a different \
                 answer is needed"
            )
        };
        let forms: Vec<&str> = self.starved.iter().map(String::as_str).collect();
        let d = Diagnostic::warning(fact.span, format!("skipped {}: {why}", join_and(&forms)))
            .with_help(format!(
                "wrong options come from other {kind} facts: add at least 1 more ({DISTRACTORS} \
                 more give each question {DISTRACTORS} wrong options)"
            ));
        self.diags.push(d);
        self.starved.clear();
    }

    /// Pushes a choice card, or warns that it was skipped when no wrong option was found.
    fn push_choice(
        &mut self,
        i: usize,
        form: &str,
        prompt: String,
        correct: impl Into<Text>,
        wrong: Vec<Text>,
    ) {
        let fact = &self.facts[i];
        if wrong.is_empty() {
            self.starved.push(format!("`{}/{form}`", fact.id));
            return;
        }
        self.push(
            fact,
            form,
            prompt,
            Kind::Choice {
                correct: vec![correct.into()],
                wrong,
            },
        );
    }

    fn rng(&self, fact: &Fact, form: &str) -> Rng {
        Rng::for_card(self.seed, &fact.id, form)
    }

    /// Up to `DISTRACTORS` wrong options from the facts in `pool` other than `me`: `pick`
    /// proposes one per fact (or `None` when that fact cannot give one), and proposals equal
    /// (normalised) to anything in `exclude` or already chosen are passed over.
    fn draw<'d>(
        &self,
        rng: &mut Rng,
        pool: &[usize],
        me: usize,
        exclude: &[&str],
        mut pick: impl FnMut(&'d Fact, &mut Rng) -> Option<Cow<'d, str>>,
    ) -> Vec<Text>
    where
        'a: 'd,
    {
        let mut order_rng = Rng(rng.next_u64());
        let mut pick_rng = Rng(rng.next_u64());
        let n = pool.len();
        let order: Box<dyn Iterator<Item = usize>> = if n <= SMALL_POOL {
            let mut all = pool.to_vec();
            order_rng.shuffle(&mut all);
            Box::new(all.into_iter())
        } else {
            let start = order_rng.below(n);
            let mut draws = Rng(order_rng.next_u64());
            let random = (0..DRAWS).map(move |_| pool[draws.below(n)]);
            Box::new(random.chain((0..SCAN.min(n)).map(move |k| pool[(start + k) % n])))
        };
        let mut chosen: Vec<Text> = Vec::with_capacity(DISTRACTORS);
        for idx in order {
            if idx == me {
                continue;
            }
            let Some(text) = pick(&self.facts[idx], &mut pick_rng) else {
                continue;
            };
            let taken = |other: &str| same(&text, other);
            if text.trim().is_empty()
                || exclude.iter().any(|e| taken(e))
                || chosen.iter().any(|c| taken(c))
            {
                continue;
            }
            chosen.push(Text::from(text));
            if chosen.len() == DISTRACTORS {
                break;
            }
        }
        chosen
    }

    fn fact(&mut self, i: usize) {
        let facts = self.facts;
        let fact = &facts[i];
        let mut tags = fact.tags.clone();
        for t in self.deck_tags {
            if !tags.contains(t) {
                tags.push(t.clone());
            }
        }
        self.tags = self.tag_lists.get(&tags);
        self.explain = match &fact.explain {
            Some(e) => Shared::from(e.as_str()),
            None => Shared::from(statement(fact)),
        };
        match &fact.kind {
            FactKind::Event { what, date, .. } => {
                let what = phrase(what);
                let prompt = format!("In what year did {what} take place?");
                self.push(
                    fact,
                    "year",
                    prompt,
                    Kind::Year {
                        answer: date.year,
                        tolerance: 0,
                    },
                );
                let mut rng = self.rng(fact, "which");
                let wrong = self.draw(&mut rng, &self.pools.event, i, &[what], |f, _| {
                    match &f.kind {
                        FactKind::Event { what, date: d, .. } if !compatible(date, d) => {
                            Some(Cow::Borrowed(phrase(what)))
                        }
                        _ => None,
                    }
                });
                let prompt = format!("Which of these took place {}?", at_date(date));
                self.push_choice(i, "which", prompt, what.to_string(), wrong);
            }
            FactKind::Place {
                subject,
                relation,
                place,
                since,
                previously,
            } => {
                let subject = phrase(subject);
                let question = format!("Where is the {relation} of {subject}?");
                self.push(
                    fact,
                    "where",
                    question.clone(),
                    Kind::Typed {
                        answer: place.clone(),
                    },
                );
                let mut rng = self.rng(fact, "where-choice");
                let wrong = self.draw(
                    &mut rng,
                    &self.pools.place,
                    i,
                    &place.all().collect::<Vec<_>>(),
                    |f, _| match &f.kind {
                        FactKind::Place { place: other, .. } if !overlaps(place, other) => {
                            Some(Cow::Borrowed(other.text.as_str()))
                        }
                        _ => None,
                    },
                );
                self.push_choice(i, "where-choice", question, place.text.clone(), wrong);
                let mut rng = self.rng(fact, "which");
                let wrong = self.draw(&mut rng, &self.pools.place, i, &[subject], |f, _| match &f
                    .kind
                {
                    FactKind::Place {
                        subject: other,
                        place: there,
                        ..
                    } if !overlaps(place, there) => Some(Cow::Borrowed(phrase(other))),
                    _ => None,
                });
                let prompt = format!("Which of these has its {relation} in {}?", place.text);
                self.push_choice(i, "which", prompt, subject.to_string(), wrong);
                if let Some(since) = since {
                    let prompt = format!(
                        "Since what year has the {relation} of {subject} been in {}?",
                        place.text
                    );
                    self.push(
                        fact,
                        "since",
                        prompt,
                        Kind::Year {
                            answer: since.year,
                            tolerance: 0,
                        },
                    );
                }
                if let Some(last) = previously.last() {
                    let prompt = format!(
                        "Where was the {relation} of {subject} before it moved to {}?",
                        place.text
                    );
                    self.push(
                        fact,
                        "before",
                        prompt,
                        Kind::Typed {
                            answer: Answer::plain(last.clone()),
                        },
                    );
                }
            }
            FactKind::Person { name, role, since } => {
                let role = phrase(role);
                let prompt = match since {
                    Some(d) => format!("Who became {role} {}?", at_date(d)),
                    None => format!("Who was {role}?"),
                };
                self.push(
                    fact,
                    "who",
                    prompt,
                    Kind::Typed {
                        answer: name.clone(),
                    },
                );
                let mut rng = self.rng(fact, "role");
                let wrong = self.draw(&mut rng, &self.pools.person, i, &[role], |f, _| {
                    match &f.kind {
                        FactKind::Person {
                            name: other, role, ..
                        } if !overlaps(name, other) => Some(Cow::Borrowed(phrase(role))),
                        _ => None,
                    }
                });
                self.push_choice(
                    i,
                    "role",
                    format!("Who was {}?", name.text),
                    role.to_string(),
                    wrong,
                );
            }
            FactKind::List { name, items, .. } if items.is_empty() => {
                let d = Diagnostic::warning(
                    fact.span,
                    format!("skipped list fact `{}`: it has no items", fact.id),
                );
                self.diags.push(d);
                let _ = name;
            }
            FactKind::List {
                name,
                items,
                ordered,
            } => {
                let name = phrase(name);
                let prompt = if *ordered {
                    format!("What are {name}, in order?")
                } else {
                    format!("What are {name}?")
                };
                self.push(
                    fact,
                    "all",
                    prompt,
                    Kind::List {
                        items: items.clone(),
                        ordered: *ordered,
                    },
                );
                for n in 0..items.len() {
                    let parts = cloze_parts(name, items, *ordered, n);
                    self.push(
                        fact,
                        &format!("cloze-{}", n + 1),
                        "Fill in the blank.".into(),
                        Kind::Cloze { parts },
                    );
                }
                let mut rng = self.rng(fact, "member");
                let correct = items[rng.below(items.len())].text.clone();
                let ours: Vec<&str> = items.iter().flat_map(Answer::all).collect();
                let wrong = self.draw(&mut rng, &self.pools.list, i, &ours, |f, r| match &f.kind {
                    FactKind::List { items: other, .. } if !other.is_empty() => {
                        let item = &other[r.below(other.len())];
                        (!item.all().any(|s| ours.iter().any(|o| same(s, o))))
                            .then_some(Cow::Borrowed(item.text.as_str()))
                    }
                    _ => None,
                });
                self.push_choice(
                    i,
                    "member",
                    format!("Which of these is one of {name}?"),
                    correct,
                    wrong,
                );
            }
            FactKind::Number {
                quantity,
                value,
                unit,
                tolerance,
            } => {
                let prompt = format!("What is {}?", phrase(quantity));
                let kind = Kind::Number {
                    answer: *value,
                    tolerance: *tolerance,
                    unit: unit.clone(),
                };
                self.push(fact, "value", prompt.clone(), kind);
                let mut rng = self.rng(fact, "choice");
                let correct = format_number(*value, unit.as_deref());
                let close = |v: f64| (v - value).abs() <= *tolerance;
                let mut wrong = self.draw(
                    &mut rng,
                    &self.pools.number,
                    i,
                    &[correct.as_str()],
                    |f, _| match &f.kind {
                        FactKind::Number {
                            value: v, unit: u, ..
                        } if same(u.as_deref().unwrap_or(""), unit.as_deref().unwrap_or(""))
                            && !close(*v) =>
                        {
                            Some(Cow::Owned(format_number(*v, unit.as_deref())))
                        }
                        _ => None,
                    },
                );
                let mut scaled = scaled_values(*value);
                rng.shuffle(&mut scaled);
                for v in scaled {
                    if wrong.len() >= DISTRACTORS {
                        break;
                    }
                    let text = format_number(v, unit.as_deref());
                    if !close(v) && text != correct && !wrong.iter().any(|w| *w == text) {
                        wrong.push(text.into());
                    }
                }
                self.push_choice(i, "choice", prompt, correct, wrong);
            }
            FactKind::Term { term, definition } => {
                let definition = phrase(definition);
                let mut rng = self.rng(fact, "define");
                let wrong = self.draw(
                    &mut rng,
                    &self.pools.term,
                    i,
                    &[definition],
                    |f, _| match &f.kind {
                        FactKind::Term {
                            term: other,
                            definition,
                        } if !overlaps(term, other) => Some(Cow::Borrowed(phrase(definition))),
                        _ => None,
                    },
                );
                let prompt = format!("What does {} mean?", term.text);
                self.push_choice(i, "define", prompt, definition.to_string(), wrong);
                let prompt = format!("What is the term for {definition}?");
                self.push(
                    fact,
                    "name",
                    prompt,
                    Kind::Typed {
                        answer: term.clone(),
                    },
                );
            }
        }
    }

    /// Events sorted by date, cut into runs of up to four in which every event certainly
    /// happened after the one before (events whose order is unknown never share a card).
    fn timelines(&mut self) {
        let facts = self.facts;
        let mut events: Vec<(FactDate, usize)> = self
            .pools
            .event
            .iter()
            .filter_map(|&i| match &facts[i].kind {
                FactKind::Event { date, .. } => Some((*date, i)),
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
        let what = |i: usize| match &facts[i].kind {
            FactKind::Event { what, .. } => phrase(what),
            _ => "",
        };
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
            let explain = run
                .iter()
                .map(|&i| format!("{}: {}", format_date(&date(i)), what(i)))
                .collect::<Vec<_>>()
                .join("; ");
            self.cards.push(Card {
                id: CardId(compact_str::format_compact!(
                    "{TIMELINE}/{}..{}",
                    first.id,
                    last.id
                )),
                kind: Kind::Order {
                    items: run.iter().map(|&i| Text::from(what(i))).collect(),
                },
                prompt: "Put these events in chronological order, earliest first.".into(),
                tags: self.tag_lists.get(&tags),
                explain: Some(Shared::from(explain + ".")),
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
    }
}

/// The cloze for item `n` of a list fact: the full sentence with that item blanked.
fn cloze_parts(name: &str, items: &[Answer], ordered: bool, n: usize) -> Vec<ClozePart> {
    let mut parts = Vec::new();
    let mut text = list_opening(name, items.len(), ordered);
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

/// Plausible wrong values near `value`, at its precision: halves, doubles, near neighbours.
fn scaled_values(value: f64) -> Vec<f64> {
    let decimals = value
        .to_string()
        .split('.')
        .nth(1)
        .map_or(0, str::len)
        .min(6);
    let scale = 10f64.powi(decimals as i32);
    let round = |v: f64| (v * scale).round() / scale;
    let step = 1.0 / scale;
    let mut out: Vec<f64> = Vec::new();
    let candidates = [0.5, 0.75, 1.25, 1.5, 2.0, 3.0]
        .iter()
        .map(|f| round(value * f))
        .chain(
            [1.0, -1.0, 2.0, -2.0]
                .iter()
                .map(|k| round(value + k * step)),
        );
    for v in candidates {
        let sign_ok = value < 0.0 || v >= 0.0;
        if v.is_finite() && sign_ok && v != value && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Span;
    use crate::deck::text::same;
    use std::sync::Arc;

    fn fact(id: &str, kind: FactKind) -> Fact {
        Fact {
            id: id.into(),
            kind,
            tags: vec!["own".into()],
            explain: None,
            source: None,
            span: Span::new(1, 2),
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

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(default_seed("sco"), fnv1a(b"sco"));
    }

    #[test]
    fn a_facts_cards_share_one_explanation_and_one_tag_list() {
        let d = cards(vec![
            place("hq", "the club", "Lyon"),
            place("hq2", "the league", "Nantes"),
        ]);
        let (a, b) = (get(&d, "hq/where"), get(&d, "hq/which"));
        let shared = |x: &Option<Shared>, y: &Option<Shared>| match (x, y) {
            (Some(x), Some(y)) => Arc::ptr_eq(x, y),
            _ => false,
        };
        assert!(shared(&a.explain, &b.explain));
        assert!(!shared(&a.explain, &get(&d, "hq2/where").explain));
        // Both facts have the same tags, so all their cards hold one list.
        assert!(Arc::ptr_eq(&a.tags, &get(&d, "hq2/where").tags));
    }

    #[test]
    fn dates_are_written_as_in_prose() {
        assert_eq!(format_date(&date(2001, Some(6), Some(15))), "15 June 2001");
        assert_eq!(format_date(&date(2001, Some(6), None)), "June 2001");
        assert_eq!(format_date(&date(-221, None, None)), "221 BC");
    }

    #[test]
    fn event_gives_year_and_which_questions() {
        let d = cards(vec![
            event(
                "founding",
                "the founding of the club",
                date(2001, Some(6), Some(15)),
            ),
            event("merger", "the merger", date(1996, None, None)),
        ]);
        let year = get(&d, "founding/year");
        assert_eq!(
            year.prompt,
            "In what year did the founding of the club take place?"
        );
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
            Some("The founding of the club took place on 15 June 2001.")
        );
        assert_eq!(year.tags.to_vec(), vec!["own", "deck"]);
        assert_eq!(year.span, Span::new(1, 2));
        let which = get(&d, "founding/which");
        assert_eq!(which.prompt, "Which of these took place on 15 June 2001?");
        assert_eq!(
            choice(which),
            (
                &[Text::from("the founding of the club")][..],
                &[Text::from("the merger")][..]
            )
        );
    }

    #[test]
    fn which_event_never_offers_an_event_that_may_share_the_date() {
        let d = cards(vec![
            event("a", "event a", date(2001, Some(6), Some(15))),
            event("b", "event b", date(2001, None, None)),
            event("c", "event c", date(2001, Some(6), None)),
            event("e", "event e", date(2001, Some(7), None)),
            event("f", "event f", date(1990, None, None)),
        ]);
        let (_, wrong) = choice(get(&d, "a/which"));
        let mut wrong = wrong.to_vec();
        wrong.sort();
        assert_eq!(wrong, vec!["event e", "event f"]);
    }

    #[test]
    fn timeline_orders_events_in_runs_of_four() {
        let events: Vec<Fact> = (0..8)
            .map(|i| {
                event(
                    &format!("e{i}"),
                    &format!("step {i}"),
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
                    "step 7".into(),
                    "step 6".into(),
                    "step 5".into(),
                    "step 4".into()
                ]
            }
        );
        assert_eq!(
            timelines[0].prompt,
            "Put these events in chronological order, earliest first."
        );
        assert_eq!(
            timelines[0].explain.as_deref(),
            Some("1901: step 7; 1902: step 6; 1903: step 5; 1904: step 4.")
        );
        assert_eq!(timelines[0].fact, None);
        assert_eq!(timelines[1].id.as_str(), "timeline/e3..e0");
    }

    #[test]
    fn timeline_takes_a_lone_last_event_into_the_previous_run() {
        let events: Vec<Fact> = (0..5)
            .map(|i| {
                event(
                    &format!("e{i}"),
                    &format!("step {i}"),
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
            event("a", "a", date(2001, None, None)),
            event("b", "b", date(2001, Some(3), None)),
            event("c", "c", date(2002, None, None)),
            event("e", "e", date(2003, None, None)),
        ]);
        let timelines: Vec<&str> = ids(&d)
            .into_iter()
            .filter(|i| i.starts_with("timeline/"))
            .collect();
        assert_eq!(timelines, vec!["timeline/b..e"]);
    }

    #[test]
    fn single_event_makes_no_timeline() {
        let d = cards(vec![event("a", "a", date(2001, None, None))]);
        assert_eq!(ids(&d), vec!["a/year"]);
    }

    #[test]
    fn place_gives_five_forms() {
        let mut hq = place("hq", "the league", "Geneva");
        if let FactKind::Place {
            place,
            since,
            previously,
            ..
        } = &mut hq.kind
        {
            place.accept = vec!["Genf".into()];
            *since = Some(date(1936, None, None));
            *previously = vec!["Paris".into(), "Lyon".into()];
        }
        let d = cards(vec![
            hq,
            place("b", "the bank", "Basel"),
            place("c", "the court", "The Hague"),
        ]);
        assert_eq!(
            ids(&d),
            vec![
                "hq/where",
                "hq/where-choice",
                "hq/which",
                "hq/since",
                "hq/before",
                "b/where",
                "b/where-choice",
                "b/which",
                "c/where",
                "c/where-choice",
                "c/which",
            ]
        );
        let where_ = get(&d, "hq/where");
        assert_eq!(where_.prompt, "Where is the headquarters of the league?");
        assert_eq!(
            where_.kind,
            Kind::Typed {
                answer: Answer {
                    text: "Geneva".into(),
                    accept: vec!["Genf".into()]
                }
            }
        );
        assert_eq!(
            get(&d, "hq/which").prompt,
            "Which of these has its headquarters in Geneva?"
        );
        assert_eq!(choice(get(&d, "hq/which")).0, &["the league".to_string()]);
        assert_eq!(
            get(&d, "hq/since").prompt,
            "Since what year has the headquarters of the league been in Geneva?"
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
            "Where was the headquarters of the league before it moved to Geneva?"
        );
        assert_eq!(
            get(&d, "hq/before").kind,
            Kind::Typed {
                answer: Answer::plain("Lyon")
            }
        );
        assert_eq!(
            get(&d, "hq/where").explain.as_deref(),
            Some(
                "The headquarters of the league is in Geneva (since 1936); before that it was in Paris and Lyon."
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
        ]);
        assert_eq!(choice(get(&d, "hq/where-choice")).1, &["Rome".to_string()]);
        // Subjects at the same place would be right answers too.
        assert_eq!(choice(get(&d, "hq/which")).1, &["the fund".to_string()]);
    }

    #[test]
    fn person_gives_who_and_role() {
        let mut first = person("p", "Ada Lovelace", "the first programmer");
        if let FactKind::Person { since, .. } = &mut first.kind {
            *since = Some(date(1843, None, None));
        }
        let d = cards(vec![
            first,
            person("q", "Grace Hopper", "the author of the first compiler"),
            person("r", "ada lovelace", "a countess"),
        ]);
        assert_eq!(
            get(&d, "p/who").prompt,
            "Who became the first programmer in 1843?"
        );
        assert_eq!(
            get(&d, "q/who").prompt,
            "Who was the author of the first compiler?"
        );
        assert_eq!(get(&d, "p/role").prompt, "Who was Ada Lovelace?");
        // Another role of the same person would also be right.
        assert_eq!(
            choice(get(&d, "p/role")).1,
            &["the author of the first compiler".to_string()]
        );
    }

    #[test]
    fn list_gives_all_clozes_and_member() {
        let d = cards(vec![
            list("f", "the three forces", &["x", "y", "z"]),
            list("g", "the two others", &["p", "q"]),
        ]);
        assert_eq!(
            ids(&d)[..5],
            ["f/all", "f/cloze-1", "f/cloze-2", "f/cloze-3", "f/member"]
        );
        assert_eq!(get(&d, "f/all").prompt, "What are the three forces?");
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
        assert!(wrong.iter().all(|w| w == "p" || w == "q"));
    }

    #[test]
    fn ordered_list_says_so() {
        let mut f = list("f", "the stages", &["a", "b"]);
        if let FactKind::List { ordered, .. } = &mut f.kind {
            *ordered = true;
        }
        let d = cards(vec![f]);
        assert_eq!(get(&d, "f/all").prompt, "What are the stages, in order?");
        assert_eq!(
            get(&d, "f/all").explain.as_deref(),
            Some("The stages are, in order, a and b.")
        );
    }

    #[test]
    fn number_gives_value_and_choice_with_scaled_values() {
        let d = cards(vec![number("n", "the number of moons of Mars", 2.0, None)]);
        let value = get(&d, "n/value");
        assert_eq!(value.prompt, "What is the number of moons of Mars?");
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
                .all(|w| ["1", "3", "4", "6", "0"].contains(&w.as_str())),
            "{wrong:?}"
        );
    }

    #[test]
    fn number_choice_prefers_values_with_the_same_unit() {
        let d = cards(vec![
            number("a", "the height of a", 100.0, Some("m")),
            number("b", "the height of b", 250.0, Some("m")),
            number("c", "the weight of c", 7.0, Some("kg")),
        ]);
        let (correct, wrong) = choice(get(&d, "a/choice"));
        assert_eq!(correct, &["100 m".to_string()]);
        assert!(wrong.iter().any(|w| w == "250 m"));
        assert!(wrong.iter().all(|w| w.ends_with(" m")));
    }

    #[test]
    fn term_gives_define_and_name() {
        let d = cards(vec![
            term("t", "LEO", "an orbit close to the Earth."),
            term("u", "GEO", "an orbit that keeps pace with the Earth"),
        ]);
        assert_eq!(get(&d, "t/define").prompt, "What does LEO mean?");
        assert_eq!(
            choice(get(&d, "t/define")),
            (
                &[Text::from("an orbit close to the Earth")][..],
                &[Text::from("an orbit that keeps pace with the Earth")][..]
            )
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
            assert!(!wrong.is_empty());
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
            "skipped `hq/where-choice` and `hq/which`: no other place fact to draw wrong options from; at least 1 more place fact is needed"
        );
        assert_eq!(
            diags[0].help.as_deref(),
            Some(
                "wrong options come from other place facts: add at least 1 more (3 more give each question 3 wrong options)"
            )
        );
        assert_eq!(diags[0].span, Span::new(1, 2));
    }

    #[test]
    fn forms_whose_candidates_are_all_unusable_say_so() {
        let (_, diags) = run(vec![place("a", "x", "Rome"), place("b", "y", "rome")], 7);
        assert_eq!(
            diags[0].message,
            "skipped `a/where-choice` and `a/which`: the other place fact gives no usable wrong option; at least 1 more place fact with a different answer is needed"
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
        assert_eq!(
            diags[0].message,
            "skipped `t/name`: its prompt would contain the answer `RATS`"
        );
    }
}

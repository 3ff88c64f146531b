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

use crate::deck::text::{capitalise, join_and, phrase, same};
use crate::deck::{Answer, Card, CardId, ClozePart, Deck, Fact, FactDate, FactKind, Kind, lint};
use crate::diagnostic::Diagnostic;

/// The id prefix of deck-level timeline cards; no fact may use it as its id.
pub const TIMELINE: &str = "timeline";

/// Wrong options wanted for a generated choice question; at least one is needed.
pub const DISTRACTORS: usize = 3;

/// Events per timeline card (a lone event left at the end joins the last run).
pub const TIMELINE_RUN: usize = 4;

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
    deck_tags: &'a [String],
    facts: &'a [Fact],
    pools: Pools,
    cards: &'a mut Vec<Card>,
    diags: Vec<Diagnostic>,
    /// Tags and explanation shared by the cards of the fact being expanded (made once per
    /// fact, cloned per card).
    tags: Vec<String>,
    explain: String,
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
    deck.cards.reserve(deck.facts.len() * 5);
    let mut g = Gen {
        seed: deck.seed,
        deck_tags: &deck.tags,
        facts: &deck.facts,
        pools,
        cards: &mut deck.cards,
        diags: Vec::new(),
        tags: Vec::new(),
        explain: String::new(),
        starved: Vec::new(),
    };
    for i in 0..deck.facts.len() {
        g.fact(i);
        g.report_starved(i);
    }
    g.timelines();
    g.diags
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
                let earlier: Vec<&str> = previously.iter().map(String::as_str).collect();
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
            id: CardId(format!("{}/{form}", fact.id)),
            kind,
            prompt,
            tags: self.tags.clone(),
            explain: Some(self.explain.clone()),
            source: fact.source.clone(),
            fact: Some(fact.id.clone()),
            span: fact.span,
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
        let why = if self.pools.of(&fact.kind).len() < 2 {
            format!("no other {kind} facts to draw wrong options from")
        } else {
            format!("the other {kind} facts give no usable wrong options")
        };
        let forms: Vec<&str> = self.starved.iter().map(String::as_str).collect();
        let d = Diagnostic::warning(fact.span, format!("skipped {}: {why}", join_and(&forms)))
            .with_help(format!(
                "wrong options come from other {kind} facts; add more to the deck"
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
        correct: String,
        wrong: Vec<String>,
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
                correct: vec![correct],
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
    ) -> Vec<String>
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
        let mut chosen: Vec<String> = Vec::with_capacity(DISTRACTORS);
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
            chosen.push(text.into_owned());
            if chosen.len() == DISTRACTORS {
                break;
            }
        }
        chosen
    }

    fn fact(&mut self, i: usize) {
        let facts = self.facts;
        let fact = &facts[i];
        self.tags = fact.tags.clone();
        for t in self.deck_tags {
            if !self.tags.contains(t) {
                self.tags.push(t.clone());
            }
        }
        self.explain = fact.explain.clone().unwrap_or_else(|| statement(fact));
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
                    if !close(v) && text != correct && !wrong.contains(&text) {
                        wrong.push(text);
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
            let mut tags: Vec<String> = Vec::new();
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
                id: CardId(format!("{TIMELINE}/{}..{}", first.id, last.id)),
                kind: Kind::Order {
                    items: run.iter().map(|&i| what(i).to_string()).collect(),
                },
                prompt: "Put these events in chronological order, earliest first.".into(),
                tags,
                explain: Some(explain + "."),
                source: None,
                fact: None,
                span: first.span,
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
            parts.push(ClozePart::Text(std::mem::take(&mut text)));
            parts.push(ClozePart::Blank(item.clone()));
        } else {
            text.push_str(&item.text);
        }
    }
    text.push('.');
    parts.push(ClozePart::Text(text));
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

//! The learner's commands: `study`, `quiz`, `status`, `suspended`, `unsuspend` and `reset`.
//! They gather decks, progress and settings through `setup` and the store, and hand the work
//! to the session (through the driver) and the terminal UI.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::path::PathBuf;

use jiff::Timestamp;
use serde::Serialize;

use crate::answer::AnswerPool;
use crate::cli::{
    NewOrderChoice, QuizArgs, ResetArgs, StatusArgs, StudyArgs, SuspendedArgs, UnsuspendArgs,
};
use crate::config::Config;
use crate::deck::{Deck, DeckSettings, NewOrder};
use crate::driver::{Driver, Pools, QuizDriver};
use crate::error::{Error, ExitCode, Result};
use crate::grade::Paces;
use crate::schedule::{Phase, Scheduler};
use crate::session::{
    Agenda, Quiz, Session, SessionDeck, SessionOptions, agenda, fnv1a, has_tag, sibling_keys,
    waits_for,
};
use crate::setup::{
    chosen_decks, chosen_decks_at, closest, find, fitted_parameters, scheduler_for, settings_for,
    study_library, usable,
};
use crate::store::{CardRecords, Mode, SessionLock, Store};
use crate::ui::console::{Console, LineConsole, TermConsole};
use crate::ui::study::{self, DriverOptions};

fn stdout_err(e: io::Error) -> Error {
    Error::io("write to", "standard output", e)
}

fn console(config: &Config) -> Box<dyn Console> {
    if config.line_mode {
        // In line mode Ctrl-C arrives as SIGINT while a read blocks. Every acknowledged answer
        // is already committed and an unfinished commit is rolled back by SQLite, so ending
        // the process here loses nothing; say so instead of dying silently.
        let _ = ctrlc::set_handler(|| {
            eprintln!("\nInterrupted: every answer acknowledged so far is saved.");
            std::process::exit(130);
        });
        Box::new(LineConsole::new(io::stdin().lock(), io::stdout()))
    } else {
        Box::new(TermConsole::new(config.color))
    }
}

fn seed_or_clock(seed: Option<u64>, now: Timestamp) -> u64 {
    seed.unwrap_or_else(|| now.as_nanosecond() as u64)
}

/// Refuses tags that no card of `decks` carries, naming the closest that exist: a typo such as
/// `--tag date` for `dates` would otherwise study nothing without a word.
pub fn check_tags(tags: &[String], decks: &[&Deck]) -> Result<()> {
    let mut known: Vec<&str> = decks
        .iter()
        .flat_map(|d| d.cards.iter())
        .flat_map(|c| c.tags.iter().map(|t| t.as_str()))
        .collect::<HashSet<&str>>()
        .into_iter()
        .collect();
    known.sort_unstable();
    for tag in tags {
        if known.iter().any(|k| k.eq_ignore_ascii_case(tag)) {
            continue;
        }
        let near = closest(tag, &known);
        let mut msg = format!("no card has the tag `{tag}`");
        if !near.is_empty() {
            let near: Vec<String> = near.iter().map(|n| format!("`{n}`")).collect();
            msg.push_str(&format!("; did you mean {}?", near.join(" or ")));
        }
        if known.is_empty() {
            msg.push_str(" (these decks have no tags)");
        } else {
            msg.push_str(&format!(" (tags: {})", known.join(", ")));
        }
        return Err(Error::Usage(msg));
    }
    Ok(())
}

pub fn study(a: &StudyArgs, config: &Config) -> Result<ExitCode> {
    std::thread::scope(|scope| {
        // The session lock and the store do not depend on the decks: they are taken and
        // opened on another core while the decks are read. The lock still comes before the
        // store, so a second session is refused before it touches the database.
        // The progress of the named decks whose ids are known without loading them is read
        // there too.
        let lib = study_library(config);
        let ids: Vec<String> = a.deck.iter().filter_map(|n| lib.peek_id(n)).collect();
        let opened = scope.spawn(|| -> Result<(SessionLock, Store, Prefetched)> {
            let lock = Store::lock_session(&config.data_dir)?;
            let store = Store::open(&config.data_dir)?;
            let mut records = Prefetched::new();
            for id in ids {
                let r = store.card_records(&id)?;
                records.insert(id, r);
            }
            Ok((lock, store, records))
        });
        let decks = chosen_decks_at(&lib, &a.deck, config);
        let opened = opened
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        let (decks, paths): (Vec<Deck>, Vec<Option<PathBuf>>) = decks?.into_iter().unzip();
        if decks.is_empty() {
            return Err(Error::Usage(
                "no decks to study; put a deck in ./decks or pass --deck FILE".into(),
            ));
        }
        check_tags(&a.tag, &decks.iter().collect::<Vec<_>>())?;
        let (_lock, store, prefetched) = opened?;
        // The answer pools are needed only once the first answer is checked: they are built
        // on another core while the queue is built and the first question is shown.
        std::thread::scope(|scope| {
            let pools = scope.spawn(|| {
                decks
                    .iter()
                    .map(|d| AnswerPool::new(&d.cards))
                    .collect::<Vec<AnswerPool>>()
            });
            study_decks(a, config, store, prefetched, &decks, paths, move || {
                pools
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
        })
    })
}

/// Card records read ahead, by deck id.
type Prefetched = HashMap<String, CardRecords>;

/// Today's limits of one deck: how many new cards and reviews may still be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub new: u32,
    pub reviews: u32,
}

/// What today still allows for a deck, given what was studied since the day began. `--new N`
/// (`flag_new`) replaces the daily limit of new cards for this session.
pub fn limits(
    deck: &Deck,
    settings: &DeckSettings,
    scheduler: &Scheduler,
    records: &CardRecords,
    store: Option<&Store>,
    flag_new: Option<u32>,
    now: Timestamp,
) -> Result<Limits> {
    let today = scheduler.study_day(now);
    let (new_done, reviews_done) = match store {
        Some(s) => s.studied_since(&deck.id, scheduler.day_start(today))?,
        None => (0, 0),
    };
    let new_remaining = deck
        .cards
        .iter()
        .filter(|c| {
            records
                .get(c.id.as_str())
                .is_none_or(|r| r.state.phase == Phase::New)
        })
        .count() as u32;
    let new = match flag_new {
        Some(n) => n,
        None => crate::schedule::new_cards_allowed(
            settings.new_per_day.unwrap_or(20),
            new_remaining,
            new_done,
            today,
            scheduler.config().exam,
        ),
    };
    let reviews = settings
        .reviews_per_day
        .unwrap_or(9999)
        .saturating_sub(reviews_done);
    Ok(Limits { new, reviews })
}

/// What the session needs from a deck's history: cards failed earlier today and the learner's
/// recent pace per kind of card. Reads the log newest first, as far as today and enough
/// answers reach.
fn history(
    store: &Store,
    deck: &Deck,
    day_start: Timestamp,
    paces: &mut Paces,
) -> Result<HashSet<String>> {
    let mut failed = HashSet::new();
    let mut wanted: Vec<(String, u64)> = Vec::new();
    // Enough answers to find the recent right ones of each kind, and never the whole log.
    const MOST: usize = 2_000;
    let mut read = 0;
    store.for_each_recent_review(&deck.id, |e| {
        read += 1;
        let today = e.time >= day_start;
        if today && e.rating == crate::schedule::Rating::Again && e.mode == Mode::Study {
            failed.insert(e.card.to_string());
        }
        if e.mode == Mode::Study && e.verdict == "correct" && e.phase_before == Some(Phase::Review)
        {
            wanted.push((e.card.to_string(), e.response_ms));
        }
        today || read < MOST
    })?;
    if !wanted.is_empty() {
        let ids: HashSet<&str> = wanted.iter().map(|(c, _)| c.as_str()).collect();
        let kinds: HashMap<&str, &crate::deck::Kind> = deck
            .cards
            .iter()
            .filter(|c| ids.contains(c.id.as_str()))
            .map(|c| (c.id.as_str(), &c.kind))
            .collect();
        for (card, ms) in &wanted {
            if let Some(kind) = kinds.get(card.as_str()) {
                paces.add(kind, *ms);
            }
        }
    }
    Ok(failed)
}

fn study_decks(
    a: &StudyArgs,
    config: &Config,
    mut store: Store,
    mut prefetched: Prefetched,
    decks: &[Deck],
    paths: Vec<Option<PathBuf>>,
    pools: impl FnOnce() -> Vec<AnswerPool>,
) -> Result<ExitCode> {
    let now = config.clock.now();
    let seed = seed_or_clock(a.seed, now);
    let fitted = fitted_parameters(&store)?;
    let mut paces = Paces::default();
    let mut session_decks = Vec::new();
    for deck in decks {
        let settings = settings_for(deck, config);
        let scheduler = scheduler_for(&settings, config, a.exam.as_deref(), fitted.as_deref())?;
        let records = match prefetched.remove(&deck.id) {
            Some(r) => r,
            None => store.card_records(&deck.id)?,
        };
        let limits = limits(
            deck,
            &settings,
            &scheduler,
            &records,
            Some(&store),
            a.new,
            now,
        )?;
        let day_start = scheduler.day_start(scheduler.study_day(now));
        let failed_today = history(&store, deck, day_start, &mut paces)?;
        session_decks.push(SessionDeck {
            new_limit: limits.new,
            review_limit: limits.reviews,
            new_order: a
                .new_order
                .map(|o| match o {
                    NewOrderChoice::Deck => NewOrder::Deck,
                    NewOrderChoice::Mixed => NewOrder::Mixed,
                })
                .or(settings.new_order)
                .unwrap_or_default(),
            failed_today,
            ..SessionDeck::new(deck, scheduler, records)
        });
    }
    let opts = SessionOptions {
        tags: a.tag.clone(),
        card_limit: a.limit,
        cram: a.cram,
        seed,
        paces,
    };
    // Cards kept out by a suspend, to say so when nothing else is left.
    let suspended: Vec<(&str, usize)> = session_decks
        .iter()
        .map(|sd| {
            let n = sd
                .deck
                .cards
                .iter()
                .filter(|c| has_tag(c, &a.tag))
                .filter(|c| sd.records.get(c.id.as_str()).is_some_and(|r| r.suspended))
                .count();
            (sd.deck.id.as_str(), n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut session = Session::new(session_decks, opts, now);
    let mut c = console(config);
    if session.show(now).is_none() {
        let mut msg = match session.next_due(now) {
            Some(t) => format!(
                "Nothing to study now. The next card is due {}.",
                when(t, config)
            ),
            None if !suspended.is_empty() => nothing_but_suspended(&suspended),
            None => "Nothing to study: no cards match.".to_string(),
        };
        if session.held_back() > 0 {
            msg.push('\n');
            msg.push_str(&study::held_back_line(session.held_back()));
            msg.push('.');
        }
        c.say(&msg).map_err(stdout_err)?;
        return Ok(ExitCode::Success);
    }
    let pools = Pools::new(pools);
    let mut driver = Driver::new(session, &mut store, &pools);
    let summary = study::run_study(
        c.as_mut(),
        &mut driver,
        &config.clock,
        &DriverOptions {
            minutes: a.minutes,
            deck_files: paths,
            viewer: config.viewer.clone(),
        },
    )?;
    study::print_summary(c.as_mut(), &summary, &config.tz)?;
    Ok(ExitCode::Success)
}

/// What to say when the only cards left are suspended: how many, and how to bring them back.
fn nothing_but_suspended(suspended: &[(&str, usize)]) -> String {
    let total: usize = suspended.iter().map(|(_, n)| n).sum();
    let back = match suspended {
        [(deck, _)] => format!("`recall unsuspend {deck}` brings them back"),
        _ => "`recall unsuspend DECK` brings a deck's back".to_string(),
    };
    format!(
        "Nothing to study: the {} left {} suspended. `recall suspended` lists them; {back} \
         with their progress.",
        if total == 1 {
            "one card".to_string()
        } else {
            format!("{total} cards")
        },
        if total == 1 { "is" } else { "are" }
    )
}

/// A time as the learner reads it: date and minute in their zone.
fn when(t: Timestamp, config: &Config) -> String {
    t.to_zoned_datetime(config.tz.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

pub fn quiz(a: &QuizArgs, config: &Config) -> Result<ExitCode> {
    let names: Vec<String> = a.deck.iter().chain(&a.deck_flag).cloned().collect();
    let (deck, deck_file) = chosen_decks_at(&study_library(config), &names, config)?
        .into_iter()
        .next()
        .ok_or_else(|| Error::Usage("no decks found; name one: recall quiz DECK".into()))?;
    check_tags(&a.tag, &[&deck])?;
    let now = config.clock.now();
    let seed = seed_or_clock(a.seed, now);
    let mut pool: Vec<&crate::deck::Card> =
        deck.cards.iter().filter(|c| has_tag(c, &a.tag)).collect();
    // Prefer questions recall can check itself; basic cards only fill up a short deck.
    pool.sort_by_key(|c| {
        (
            !c.kind.is_auto_checked(),
            fnv1a(&[c.id.as_str(), &seed.to_string()]),
        )
    });
    // At most one of a card's siblings, and none of the cards kept apart from it, so a quiz
    // neither asks the same thing twice nor shows an answer it asks for.
    let mut taken = HashSet::new();
    let mut chosen = Vec::new();
    for c in pool {
        if chosen.len() as u32 >= a.count {
            break;
        }
        if !waits_for(&deck, c, &taken) {
            taken.extend(sibling_keys(c));
            chosen.push(c.clone());
        }
    }
    let _lock = Store::lock_session(&config.data_dir)?;
    let mut store = Store::open(&config.data_dir)?;
    let scheduler = if a.schedule {
        Some(scheduler_for(
            &settings_for(&deck, config),
            config,
            None,
            fitted_parameters(&store)?.as_deref(),
        )?)
    } else {
        None
    };
    let mut c = console(config);
    let answers = AnswerPool::new(&deck.cards);
    let records = match &scheduler {
        Some(_) => store.card_records(&deck.id)?,
        None => Default::default(),
    };
    let quiz = Quiz::new(&deck.id, records, scheduler.as_ref());
    let pools = Pools::new(|| vec![answers]);
    let mut driver = QuizDriver::new(quiz, 0, &mut store, &pools);
    let results = study::run_quiz(
        c.as_mut(),
        &mut driver,
        &chosen,
        &config.clock,
        seed,
        &study::Opener {
            deck_file,
            viewer: config.viewer.clone(),
        },
    )?;
    study::print_quiz_report(c.as_mut(), &results)?;
    Ok(ExitCode::Success)
}

/// Per-deck counts for `recall status`: the same agenda `study` builds its queue from.
#[derive(Debug, Serialize, PartialEq)]
pub struct DeckStatus {
    pub deck: String,
    pub title: String,
    pub cards: usize,
    /// Cards never studied.
    pub new: usize,
    /// New cards a session would introduce today (within the daily limit).
    pub new_today: usize,
    /// Cards in (re)learning due today.
    pub learning: usize,
    /// Reviews a session would show today.
    pub due_today: usize,
    /// Due or new cards held back until tomorrow because a sibling is studied today.
    pub held_back: usize,
    pub due_tomorrow: usize,
    pub suspended: usize,
    pub buried: usize,
    /// Cards a session started now would show at once (learning cards due within 20 minutes).
    pub studyable_now: usize,
    /// RFC 3339 time the next card can be studied: now when one can, never in the past.
    pub next_due: Option<String>,
}

/// What `status` says about one deck at `now`, from its agenda.
pub fn deck_status(deck: &Deck, a: &Agenda, now: Timestamp) -> DeckStatus {
    DeckStatus {
        deck: deck.id.clone(),
        title: deck.title.clone(),
        cards: deck.cards.len(),
        new: a.unseen,
        new_today: a.new.len(),
        learning: a.learning.len(),
        due_today: a.reviews.len(),
        held_back: a.held_back,
        due_tomorrow: a.due_tomorrow,
        suspended: a.suspended,
        buried: a.buried,
        studyable_now: a.studyable_now(now),
        next_due: a.next_studyable(now).map(|t| t.to_string()),
    }
}

pub fn status(a: &StatusArgs, config: &Config) -> Result<ExitCode> {
    let decks = chosen_decks(&study_library(config), &[], config)?;
    let store = Store::open_read_only(&config.data_dir)?;
    let fitted = match &store {
        Some(s) => fitted_parameters(s)?,
        None => None,
    };
    let now = config.clock.now();
    let mut out = Vec::new();
    for deck in &decks {
        let settings = settings_for(deck, config);
        let scheduler = scheduler_for(&settings, config, None, fitted.as_deref())?;
        let records = match &store {
            Some(s) => s.card_records(&deck.id)?,
            None => Default::default(),
        };
        let limits = limits(
            deck,
            &settings,
            &scheduler,
            &records,
            store.as_ref(),
            None,
            now,
        )?;
        let mut sd = SessionDeck::new(deck, scheduler, records);
        sd.new_limit = limits.new;
        sd.review_limit = limits.reviews;
        sd.new_order = settings.new_order.unwrap_or_default();
        out.push(deck_status(deck, &agenda(&sd.want(&[]), now), now));
    }
    let mut w = io::stdout().lock();
    if a.json {
        crate::json::to_writer_pretty(&mut w, &out).map_err(|e| stdout_err(e.into()))?;
        writeln!(w).map_err(stdout_err)?;
        return Ok(ExitCode::Success);
    }
    writeln!(
        w,
        "{:<12} {:>6} {:>9} {:>9} {:>7} {:>9} {:>9}  next due",
        "deck", "cards", "new today", "learning", "due", "held back", "tomorrow"
    )
    .map_err(stdout_err)?;
    for s in &out {
        let next = match s
            .next_due
            .as_deref()
            .and_then(|t| t.parse::<Timestamp>().ok())
        {
            Some(_) if s.studyable_now > 0 => "now".to_string(),
            Some(t) => when(t, config),
            None => "-".to_string(),
        };
        writeln!(
            w,
            "{:<12} {:>6} {:>9} {:>9} {:>7} {:>9} {:>9}  {next}",
            s.deck, s.cards, s.new_today, s.learning, s.due_today, s.held_back, s.due_tomorrow
        )
        .map_err(stdout_err)?;
    }
    let held: usize = out.iter().map(|s| s.held_back).sum();
    if held > 0 {
        writeln!(w, "\n{}.", study::held_back_line(held)).map_err(stdout_err)?;
    }
    if out.iter().any(|s| s.studyable_now > 0) {
        writeln!(w, "\nRun `recall study` to start.").map_err(stdout_err)?;
    } else if let Some(t) = out
        .iter()
        .filter_map(|s| s.next_due.as_deref()?.parse::<Timestamp>().ok())
        .min()
    {
        writeln!(
            w,
            "\nNothing to study now. The next card is due {}.",
            when(t, config)
        )
        .map_err(stdout_err)?;
    }
    Ok(ExitCode::Success)
}

pub fn reset(a: &ResetArgs, config: &Config) -> Result<ExitCode> {
    let deck = usable(find(&crate::setup::library(config), &a.deck)?, config)?;
    // A session studying meanwhile would write its older state of the card back.
    let _lock = Store::lock_session(&config.data_dir)?;
    let mut store = Store::open(&config.data_dir)?;
    let known = deck.card(&a.card).is_some();
    let had = store.card_records(&deck.id)?.contains_key(&a.card);
    if !known && !had {
        return Err(Error::UnknownCard {
            deck: deck.id.clone(),
            card: a.card.clone(),
        });
    }
    store.reset_card(&deck.id, &a.card)?;
    println!(
        "{}/{} is new again; its review history is kept.",
        deck.id, a.card
    );
    Ok(ExitCode::Success)
}

/// Lists suspended cards, deck by deck, with why (a leech, or suspended by hand).
pub fn suspended(a: &SuspendedArgs, config: &Config) -> Result<ExitCode> {
    let names: Vec<String> = a.deck.iter().cloned().collect();
    let decks = chosen_decks(&study_library(config), &names, config)?;
    let store = Store::open_read_only(&config.data_dir)?;
    let mut w = io::stdout().lock();
    let mut total = 0;
    for deck in &decks {
        let records = match &store {
            Some(s) => s.card_records(&deck.id)?,
            None => Default::default(),
        };
        let mut ids: Vec<(&String, bool)> = records
            .iter()
            .filter(|(_, r)| r.suspended)
            .map(|(id, r)| (id, r.leech))
            .collect();
        ids.sort();
        for (id, leech) in ids {
            let prompt = deck
                .card(id)
                .map(|c| {
                    crate::diagnostic::inert(&c.prompt)
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .to_string()
                })
                .unwrap_or_else(|| "(no longer in the deck)".to_string());
            let why = if leech { "  [leech]" } else { "" };
            writeln!(
                w,
                "{} {}{why}  {prompt}",
                deck.id,
                crate::diagnostic::inert(id)
            )
            .map_err(stdout_err)?;
            total += 1;
        }
    }
    if total == 0 {
        writeln!(w, "No suspended cards.").map_err(stdout_err)?;
    } else {
        writeln!(
            w,
            "\n{total} suspended; `recall unsuspend DECK [CARD...]` brings them back with their progress."
        )
        .map_err(stdout_err)?;
    }
    Ok(ExitCode::Success)
}

/// Brings suspended cards back with their progress: the named ones, or all of a deck's.
pub fn unsuspend(a: &UnsuspendArgs, config: &Config) -> Result<ExitCode> {
    let deck = usable(find(&study_library(config), &a.deck)?, config)?;
    let _lock = Store::lock_session(&config.data_dir)?;
    let mut store = Store::open(&config.data_dir)?;
    let records = store.card_records(&deck.id)?;
    let cards: Vec<String> = if a.cards.is_empty() {
        let mut all: Vec<String> = records
            .iter()
            .filter(|(_, r)| r.suspended)
            .map(|(id, _)| id.clone())
            .collect();
        all.sort();
        all
    } else {
        for id in &a.cards {
            if deck.card(id).is_none() && !records.contains_key(id) {
                return Err(Error::UnknownCard {
                    deck: deck.id.clone(),
                    card: id.clone(),
                });
            }
        }
        a.cards.clone()
    };
    let mut back = 0;
    for id in &cards {
        if records.get(id).is_some_and(|r| r.suspended) {
            store.set_suspended(&deck.id, id, false)?;
            back += 1;
            println!("{} {} is back.", deck.id, crate::diagnostic::inert(id));
        } else {
            println!(
                "{} {} was not suspended.",
                deck.id,
                crate::diagnostic::inert(id)
            );
        }
    }
    if back == 0 && a.cards.is_empty() {
        println!("No suspended cards in {}.", deck.id);
    }
    Ok(ExitCode::Success)
}

//! Runs each command: loads what it needs through the edges and hands the work to the core.

use std::io::{self, Write};

use jiff::Timestamp;
use serde::Serialize;

use crate::answer::AnswerPool;
use crate::cli::{
    CheckArgs, Command, ExportCommand, ImportCommand, QuizArgs, ResetArgs, ShowArgs, StatusArgs,
    StudyArgs,
};
use crate::config::{Config, overlay};
use crate::deck::{Deck, DeckSettings};
use crate::deck_cache::DeckCache;
use crate::diagnostic::{Severity, render_all};
use crate::error::{Error, ExitCode, Result};
use crate::library::{DeckSource, Library};
use crate::schedule::{Phase, Scheduler, SchedulerConfig};
use crate::session::{Session, SessionDeck, SessionOptions, fnv1a};
use crate::store::{SessionLock, Store};
use crate::ui::console::{Console, LineConsole, TermConsole};
use crate::ui::study::{self, DriverOptions};

/// Runs one command and says how the process should exit.
pub fn run(command: Option<Command>, config: &Config) -> Result<ExitCode> {
    match command {
        None => status(&StatusArgs { json: false }, config),
        Some(Command::Study(a)) => study_cmd(&a, config),
        Some(Command::Quiz(a)) => quiz_cmd(&a, config),
        Some(Command::Status(a)) => status(&a, config),
        Some(Command::Check(a)) => check(&a, config),
        Some(Command::Show(a)) => show(&a, config),
        Some(Command::Reset(a)) => reset(&a, config),
        Some(Command::New(a)) => crate::cmd_decks::new_deck(&a),
        Some(Command::Generate(a)) => crate::cmd_decks::generate(&a, config),
        Some(Command::Import(ImportCommand::Deck(a))) => crate::cmd_decks::import_deck(&a),
        Some(Command::Export(ExportCommand::Deck(a))) => crate::cmd_decks::export_deck(&a, config),
        Some(Command::Export(ExportCommand::Progress(a))) => {
            crate::cmd_progress::export_progress(&a, config)
        }
        Some(Command::Export(ExportCommand::Reviews(a))) => {
            crate::cmd_progress::export_reviews(&a, config)
        }
        Some(Command::Export(ExportCommand::Report(a))) => {
            crate::cmd_progress::export_report(&a, config)
        }
        Some(Command::Import(ImportCommand::Reviews(a))) => {
            crate::cmd_progress::import_reviews(&a, config)
        }
        Some(Command::Optimize(a)) => crate::cmd_progress::optimize(&a, config),
        Some(Command::Stats(a)) => crate::cmd_progress::stats(&a, config),
        Some(Command::ClassReport(a)) => crate::cmd_progress::class_report(&a, config),
        Some(Command::Completions(_)) | Some(Command::Man) => {
            unreachable!("handled in main, which owns the clap command")
        }
    }
}

fn stdout_err(e: io::Error) -> Error {
    Error::io("write to", "standard output", e)
}

/// Prints a deck's diagnostics to standard error; returns how many errors and warnings.
pub(crate) fn report(src: &DeckSource, config: &Config) -> (usize, usize) {
    let diags = &src.loaded.diagnostics;
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    // Buffered: a large deck can have thousands of problems, each several lines.
    let mut err = io::BufWriter::new(io::stderr().lock());
    let _ = render_all(&src.name, &src.text, diags, config.color, &mut err);
    let _ = err.flush();
    (errors, diags.len() - errors)
}

/// A deck that must be usable: diagnostics are printed and errors refuse it.
fn usable(src: DeckSource, config: &Config) -> Result<Deck> {
    match src.deck() {
        Some(_) => Ok(src.loaded.deck.unwrap_or_default()),
        None => {
            let (errors, _) = report(&src, config);
            Err(Error::DeckInvalid {
                path: src.name.clone(),
                errors: errors.max(1),
            })
        }
    }
}

fn library(config: &Config) -> Library {
    Library::new(config.deck_dirs.clone())
}

/// The library for commands that use decks rather than check them (study, quiz, status,
/// statistics): decks are loaded with only the checks that can refuse them, and large decks
/// parsed before come from the deck cache in the data directory.
pub(crate) fn study_library(config: &Config) -> Library {
    library(config)
        .for_use()
        .with_cache(DeckCache::new(config.data_dir.join("cache").join("decks")))
}

/// The decks to study: the named ones, or every known deck (broken ones skipped with a note).
pub(crate) fn chosen_decks(lib: &Library, names: &[String], config: &Config) -> Result<Vec<Deck>> {
    if names.is_empty() {
        let mut out = Vec::new();
        for src in lib.all()? {
            match src.deck() {
                Some(_) => out.extend(src.loaded.deck),
                None => eprintln!(
                    "note: skipping {} because it has errors; `recall check {}` explains them",
                    src.name, src.name
                ),
            }
        }
        return Ok(out);
    }
    names.iter().map(|n| usable(lib.find(n)?, config)).collect()
}

/// Study settings for one deck: recall's defaults, the user's defaults, the deck file, the
/// user's settings for the deck, in rising priority (flags are applied by the caller).
pub fn settings_for(deck: &Deck, config: &Config) -> DeckSettings {
    let (user_defaults, user_deck) = config.user.layers(&deck.id);
    overlay(&overlay(&user_defaults, &deck.settings), &user_deck)
}

fn parse_date(s: &str, what: &str) -> Result<jiff::civil::Date> {
    s.parse().map_err(|_| {
        Error::Usage(format!(
            "{what} `{s}` is not a date; write it as YYYY-MM-DD"
        ))
    })
}

/// A deck's scheduler: its settings, with the learner's fitted FSRS parameters (from
/// `recall optimize`) standing in when the settings name none.
pub fn scheduler_for(
    s: &DeckSettings,
    config: &Config,
    exam: Option<&str>,
    fitted: Option<&[f32]>,
) -> Result<Scheduler> {
    let d = SchedulerConfig::default();
    let exam = match exam.or(s.exam.as_deref()) {
        Some(e) => Some(parse_date(e, "the exam date")?),
        None => None,
    };
    let parameters = s
        .parameters
        .clone()
        .or_else(|| fitted.map(<[f32]>::to_vec))
        .unwrap_or(d.parameters);
    let cfg = SchedulerConfig {
        learning_steps: s.learning_steps.clone().unwrap_or(d.learning_steps),
        relearning_steps: s.relearning_steps.clone().unwrap_or(d.relearning_steps),
        desired_retention: s.desired_retention.unwrap_or(d.desired_retention),
        maximum_interval: s.maximum_interval.unwrap_or(d.maximum_interval),
        day_start_hour: s.day_start_hour.unwrap_or(d.day_start_hour),
        tz: config.tz.clone(),
        fuzz: s.fuzz.unwrap_or(d.fuzz),
        exam,
        parameters,
        leech_threshold: s.leech_threshold.unwrap_or(d.leech_threshold),
    };
    Scheduler::new(cfg).map_err(|e| Error::Usage(format!("bad scheduler settings: {e}")))
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

fn study_cmd(a: &StudyArgs, config: &Config) -> Result<ExitCode> {
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
        let decks = chosen_decks(&lib, &a.deck, config);
        let opened = opened
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        let decks = decks?;
        if decks.is_empty() {
            return Err(Error::Usage(
                "no decks to study; put a deck in ./decks or pass --deck FILE".into(),
            ));
        }
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
            study_decks(a, config, store, prefetched, &decks, move || {
                pools
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
        })
    })
}

/// Card records read ahead, by deck id.
type Prefetched = std::collections::HashMap<String, crate::store::CardRecords>;

fn study_decks(
    a: &StudyArgs,
    config: &Config,
    mut store: Store,
    mut prefetched: Prefetched,
    decks: &[Deck],
    pools: impl FnOnce() -> Vec<AnswerPool>,
) -> Result<ExitCode> {
    let now = config.clock.now();
    let seed = seed_or_clock(a.seed, now);
    let fitted = crate::cmd_progress::fitted_parameters(&store)?;
    let mut parts = Vec::new();
    for deck in decks {
        let settings = settings_for(deck, config);
        let scheduler = scheduler_for(&settings, config, a.exam.as_deref(), fitted.as_deref())?;
        let records = match prefetched.remove(&deck.id) {
            Some(r) => r,
            None => store.card_records(&deck.id)?,
        };
        let day_start = scheduler.day_start(scheduler.study_day(now));
        let (new_done, reviews_done) = store.studied_since(&deck.id, day_start)?;
        let new_remaining = deck
            .cards
            .iter()
            .filter(|c| {
                records
                    .get(c.id.as_str())
                    .is_none_or(|r| r.state.phase == Phase::New)
            })
            .count() as u32;
        let base_new = settings.new_per_day.unwrap_or(20);
        let allowed_new = match a.new {
            Some(n) => n,
            None => crate::schedule::new_cards_allowed(
                base_new,
                new_remaining,
                scheduler.study_day(now),
                scheduler.config().exam,
            )
            .saturating_sub(new_done),
        };
        let review_limit = settings
            .reviews_per_day
            .unwrap_or(9999)
            .saturating_sub(reviews_done);
        parts.push((deck, scheduler, records, allowed_new, review_limit));
    }
    let session_decks = parts
        .into_iter()
        .map(
            |(deck, scheduler, records, new_limit, review_limit)| SessionDeck {
                deck,
                scheduler,
                records,
                new_limit,
                review_limit,
            },
        )
        .collect();
    let opts = SessionOptions {
        tags: a.tag.clone(),
        card_limit: a.limit,
        cram: a.cram,
        seed,
    };
    let mut session = Session::new(session_decks, opts, now);
    let mut c = console(config);
    if session.counts().total() == 0 {
        let msg = match session.next_learning_due().or_else(|| session.next_due()) {
            Some(t) => format!(
                "Nothing to study now. The next card is due {}.",
                t.to_zoned_datetime(config.tz.clone())
                    .strftime("%Y-%m-%d %H:%M")
            ),
            None => "Nothing to study: no cards match.".to_string(),
        };
        c.say(&msg).map_err(stdout_err)?;
        return Ok(ExitCode::Success);
    }
    let pools = study::Pools::new(pools);
    let summary = study::run_study(
        c.as_mut(),
        &mut store,
        &mut session,
        &pools,
        &config.clock,
        &DriverOptions {
            minutes: a.minutes,
            seed,
        },
    )?;
    study::print_summary(c.as_mut(), &summary, &config.tz)?;
    Ok(ExitCode::Success)
}

fn quiz_cmd(a: &QuizArgs, config: &Config) -> Result<ExitCode> {
    let deck = match &a.deck {
        Some(name) => usable(study_library(config).find(name)?, config)?,
        None => chosen_decks(&study_library(config), &[], config)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::Usage("no decks found; name one: recall quiz DECK".into()))?,
    };
    let now = config.clock.now();
    let seed = seed_or_clock(a.seed, now);
    let mut pool: Vec<&crate::deck::Card> = deck
        .cards
        .iter()
        .filter(|c| {
            a.tag.is_empty()
                || c.tags
                    .iter()
                    .any(|t| a.tag.iter().any(|w| w.eq_ignore_ascii_case(t)))
        })
        .collect();
    if pool.is_empty() {
        return Err(Error::Usage(format!(
            "deck `{}` has no cards with the tags {}",
            deck.id,
            a.tag.join(", ")
        )));
    }
    // Prefer questions recall can check itself; basic cards only fill up a short deck.
    pool.sort_by_key(|c| {
        (
            !c.kind.is_auto_checked(),
            fnv1a(&[c.id.as_str(), &seed.to_string()]),
        )
    });
    // One card per fact, so a quiz does not ask the same thing twice.
    let mut facts = std::collections::HashSet::new();
    let mut chosen = Vec::new();
    for c in pool {
        if chosen.len() as u32 >= a.count {
            break;
        }
        if c.fact.as_ref().is_none_or(|f| facts.insert(f.clone())) {
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
            crate::cmd_progress::fitted_parameters(&store)?.as_deref(),
        )?)
    } else {
        None
    };
    let mut c = console(config);
    let answers = AnswerPool::new(&deck.cards);
    let results = study::run_quiz(
        c.as_mut(),
        &mut store,
        &deck.id,
        &chosen,
        &answers,
        scheduler.as_ref(),
        &config.clock,
        seed,
    )?;
    study::print_quiz_report(c.as_mut(), &results)?;
    Ok(ExitCode::Success)
}

/// Per-deck counts for `recall status`.
#[derive(Debug, Serialize, PartialEq)]
pub struct DeckStatus {
    pub deck: String,
    pub title: String,
    pub cards: usize,
    pub new: usize,
    pub learning: usize,
    pub due_today: usize,
    pub due_tomorrow: usize,
    pub suspended: usize,
    /// RFC 3339 time the next card (learning or review) is due, if any.
    pub next_due: Option<String>,
}

fn status(a: &StatusArgs, config: &Config) -> Result<ExitCode> {
    let decks = chosen_decks(&study_library(config), &[], config)?;
    let store = Store::open_read_only(&config.data_dir)?;
    let fitted = match &store {
        Some(s) => crate::cmd_progress::fitted_parameters(s)?,
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
        out.push(deck_status(deck, &records, &scheduler, now));
    }
    let mut w = io::stdout().lock();
    if a.json {
        crate::json::to_writer_pretty(&mut w, &out).map_err(|e| stdout_err(e.into()))?;
        writeln!(w).map_err(stdout_err)?;
        return Ok(ExitCode::Success);
    }
    writeln!(
        w,
        "{:<12} {:>6} {:>6} {:>9} {:>10} {:>13}  next due",
        "deck", "cards", "new", "learning", "due today", "due tomorrow"
    )
    .map_err(stdout_err)?;
    for s in &out {
        let next = s
            .next_due
            .as_deref()
            .and_then(|t| t.parse::<Timestamp>().ok())
            .map(|t| {
                t.to_zoned_datetime(config.tz.clone())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_else(|| "-".to_string());
        writeln!(
            w,
            "{:<12} {:>6} {:>6} {:>9} {:>10} {:>13}  {next}",
            s.deck, s.cards, s.new, s.learning, s.due_today, s.due_tomorrow
        )
        .map_err(stdout_err)?;
    }
    if out
        .iter()
        .any(|s| s.due_today + s.learning > 0 || s.new > 0)
    {
        writeln!(w, "\nRun `recall study` to start.").map_err(stdout_err)?;
    }
    Ok(ExitCode::Success)
}

/// Counts what is new, learning and due for one deck at `now`.
pub fn deck_status(
    deck: &Deck,
    records: &crate::store::CardRecords,
    s: &Scheduler,
    now: Timestamp,
) -> DeckStatus {
    let today = s.study_day(now);
    let tomorrow = today.tomorrow().unwrap_or(today);
    let mut st = DeckStatus {
        deck: deck.id.clone(),
        title: deck.title.clone(),
        cards: deck.cards.len(),
        new: 0,
        learning: 0,
        due_today: 0,
        due_tomorrow: 0,
        suspended: 0,
        next_due: None,
    };
    let mut next: Option<Timestamp> = None;
    for card in &deck.cards {
        match records.get(card.id.as_str()) {
            Some(r) if r.suspended => st.suspended += 1,
            None => st.new += 1,
            Some(r) => match r.state.phase {
                Phase::New => st.new += 1,
                Phase::Learning | Phase::Relearning => {
                    st.learning += 1;
                    next = Some(next.map_or(r.state.due, |n| n.min(r.state.due)));
                }
                Phase::Review => {
                    let day = s.study_day(r.state.due);
                    if day <= today {
                        st.due_today += 1;
                    } else if day == tomorrow {
                        st.due_tomorrow += 1;
                    }
                    next = Some(next.map_or(r.state.due, |n| n.min(r.state.due)));
                }
            },
        }
    }
    st.next_due = next.map(|t| t.to_string());
    st
}

fn check(a: &CheckArgs, config: &Config) -> Result<ExitCode> {
    let lib = library(config);
    let (mut errors, mut warnings) = (0, 0);
    let mut out = io::stdout().lock();
    for name in &a.decks {
        let src = lib.find(name)?;
        let (e, w) = report(&src, config);
        errors += e;
        warnings += w;
        if e == 0 {
            let cards = src.loaded.deck.as_ref().map_or(0, |d| d.cards.len());
            let ws = if w > 0 {
                format!(", {w} warning{}", if w == 1 { "" } else { "s" })
            } else {
                String::new()
            };
            writeln!(out, "{}: ok, {cards} cards{ws}", src.name).map_err(stdout_err)?;
        } else {
            writeln!(
                out,
                "{}: {e} error{}{}",
                src.name,
                if e == 1 { "" } else { "s" },
                if w > 0 {
                    format!(", {w} warning{}", if w == 1 { "" } else { "s" })
                } else {
                    String::new()
                }
            )
            .map_err(stdout_err)?;
        }
    }
    Ok(if errors > 0 || (a.strict && warnings > 0) {
        ExitCode::Problems
    } else {
        ExitCode::Success
    })
}

fn show(a: &ShowArgs, config: &Config) -> Result<ExitCode> {
    let deck = usable(library(config).find(&a.deck)?, config)?;
    let mut w = io::stdout().lock();
    if let Some(id) = &a.card {
        let found = crate::deck::show::write_card_forms(&deck, id, &mut w).map_err(stdout_err)?;
        if !found {
            return Err(Error::UnknownCard {
                deck: deck.id.clone(),
                card: id.clone(),
            });
        }
    } else if a.json {
        crate::json::to_writer_pretty(&mut w, &crate::deck::show::to_json(&deck))
            .map_err(|e| stdout_err(e.into()))?;
        writeln!(w).map_err(stdout_err)?;
    } else {
        crate::deck::show::write_text(&deck, &mut w).map_err(stdout_err)?;
    }
    Ok(ExitCode::Success)
}

fn reset(a: &ResetArgs, config: &Config) -> Result<ExitCode> {
    let deck = usable(library(config).find(&a.deck)?, config)?;
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

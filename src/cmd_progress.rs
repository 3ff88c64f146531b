//! The progress commands: exports, importing review history, fitting FSRS, statistics, the HTML
//! report and the class report. Each gathers decks, the store and the clock, hands them to
//! `progress` and writes the result; the numbers are computed there.

use std::io::{self, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jiff::Timestamp;

use crate::cli::{
    ClassFormat, ClassReportArgs, DataFormat, ExportProgressArgs, ExportReportArgs,
    ExportReviewsArgs, ImportReviewsArgs, OptimizeArgs, StatsArgs,
};
use crate::config::Config;
use crate::deck::Deck;
use crate::error::{Error, ExitCode, Result};
use crate::log_cache::Log;
use crate::output::write_to;
use crate::progress::export::{
    Cells, Format, ProgressRow, ReviewRow, ReviewWriter, fsrs_state, write_progress,
};
use crate::progress::optimize::{self, Before, History, Learner};
use crate::progress::stats::{Answer, Stats, StatsBuilder};
use crate::progress::{CardInfo, class, import, is_correct, report, terminal};
use crate::schedule::{Scheduler, SchedulerConfig};
use crate::setup::{
    self, PARAMETERS_KEY, chosen_decks, fitted_parameters, settings_for, study_library,
};
use crate::store::{AnswerEntry, Store};

fn io_out(e: io::Error) -> Error {
    Error::io("write", "the output", e)
}

/// The named deck (its diagnostics printed and an error if it is broken), or every known deck
/// that loads (broken ones skipped with a note). Large decks come from the deck cache, as
/// for studying: statistics need the cards, not the warnings.
fn decks(name: Option<&str>, config: &Config) -> Result<Vec<Deck>> {
    let names: Vec<String> = name.map(str::to_string).into_iter().collect();
    chosen_decks(&study_library(config), &names, config)
}

/// A deck's scheduler as studying builds it.
fn scheduler_for(deck: &Deck, config: &Config, fitted: Option<&[f32]>) -> Result<Scheduler> {
    setup::scheduler_for(&settings_for(deck, config), config, None, fitted)
}

/// What decides study days across decks: the deck's settings for one deck, else the user's
/// defaults.
fn calendar(deck: Option<&Deck>, config: &Config) -> Result<Scheduler> {
    let hour = match deck {
        Some(d) => settings_for(d, config).day_start_hour,
        None => config.user.layers("").0.day_start_hour,
    };
    let d = SchedulerConfig::default();
    Scheduler::new(SchedulerConfig {
        day_start_hour: hour.unwrap_or(d.day_start_hour),
        tz: config.tz.clone(),
        ..d
    })
    .map_err(|e| Error::Usage(format!("bad scheduler settings: {e}")))
}

/// Every card of `decks` with its record and retrievability at `now`.
fn card_infos(
    decks: &[Deck],
    store: Option<&Store>,
    config: &Config,
    now: Timestamp,
) -> Result<Vec<CardInfo>> {
    let fitted = match store {
        Some(s) => fitted_parameters(s)?,
        None => None,
    };
    let mut out = Vec::new();
    for deck in decks {
        let scheduler = scheduler_for(deck, config, fitted.as_deref())?;
        let mut records = match store {
            Some(s) => s.card_records(&deck.id)?,
            None => Default::default(),
        };
        for card in &deck.cards {
            let record = records.remove(card.id.as_str());
            out.push(CardInfo::new(deck, card, record, &scheduler, now));
        }
    }
    Ok(out)
}

fn answer<'a>(e: &AnswerEntry<'a>) -> Answer<'a> {
    Answer {
        deck: e.deck,
        card: e.card,
        time: e.time,
        rating: e.rating,
        correct: is_correct(e.verdict, e.rating),
        scheduled: e.mode.is_scheduled(),
    }
}

/// The answer log, through its compact copy in the data directory's cache (see `log_cache`).
fn read_log(store: Option<&Store>, config: &Config) -> Result<Log> {
    Ok(Log::read(
        store,
        &config.data_dir.join(crate::store::CACHE_DIR),
    )?)
}

/// Feeds the log (one deck's, or everything including other programs' history) to a
/// statistics builder, looking each card up once.
fn feed(b: &mut StatsBuilder<'_>, log: &Log, deck: Option<&str>, external: bool) {
    let mut slots: Vec<Option<usize>> = vec![None; log.key_count()];
    log.for_each_answer(deck, |k, e| {
        let slot = *slots[k].get_or_insert_with(|| b.slot_of(Some(e.deck), e.card));
        b.add_at(slot, &answer(e));
    });
    if external && deck.is_none() {
        log.for_each_external(|k, e| {
            let slot = *slots[k].get_or_insert_with(|| b.slot_of(None, e.card));
            b.add_external_at(slot, e.time, e.rating);
        });
    }
}

fn format(f: DataFormat) -> Format {
    match f {
        DataFormat::Csv => Format::Csv,
        DataFormat::Json => Format::Json,
    }
}

pub fn export_progress(a: &ExportProgressArgs, config: &Config) -> Result<ExitCode> {
    let decks = decks(a.deck.as_deref(), config)?;
    let store = Store::open_read_only(&config.data_dir)?;
    let now = config.clock.now();
    let cards = card_infos(&decks, store.as_ref(), config, now)?;
    let days = calendar(None, config)?;
    let mut b = StatsBuilder::new(&cards, &days, now);
    let only = (decks.len() == 1).then(|| decks[0].id.as_str());
    let log = read_log(store.as_ref(), config)?;
    feed(&mut b, &log, only, false);
    let rows: Vec<ProgressRow> = cards
        .iter()
        .zip(b.tallies())
        .map(|(c, t)| ProgressRow::new(c, t))
        .collect();
    write_to(a.output.as_deref(), |w| {
        write_progress(
            &rows,
            format(a.format),
            &now.to_string(),
            a.learner.as_deref(),
            cells(a.csv_formulas),
            w,
        )
        .map_err(io_out)
    })?;
    Ok(ExitCode::Success)
}

/// `--csv-formulas` as the CSV writers take it.
fn cells(formulas: bool) -> Cells {
    if formulas { Cells::Raw } else { Cells::Guarded }
}

pub fn export_reviews(a: &ExportReviewsArgs, config: &Config) -> Result<ExitCode> {
    let deck = match &a.deck {
        Some(name) => Some(decks(Some(name), config)?.remove(0).id),
        None => None,
    };
    let store = Store::open_read_only(&config.data_dir)?;
    let now = config.clock.now();
    write_to(a.output.as_deref(), |w| {
        let mut out = ReviewWriter::new(format(a.format), &now.to_string(), w).map_err(io_out)?;
        let mut failed: Option<io::Error> = None;
        if let Some(store) = &store {
            let mut key = String::new();
            store.for_each_review(deck.as_deref(), |e| {
                if failed.is_some() {
                    return;
                }
                key.clear();
                key.push_str(e.deck);
                key.push(':');
                key.push_str(e.card);
                let row = ReviewRow {
                    card_id: &key,
                    review_time: e.time.as_millisecond(),
                    review_rating: e.rating.number(),
                    review_state: Some(fsrs_state(e.phase_before)),
                    review_duration: e.response_ms,
                    deck: Some(e.deck),
                    card: Some(e.card),
                    answer: e.answer,
                    verdict: e.verdict,
                    mode: e.mode.as_str(),
                };
                failed = out.write(&row).err();
            })?;
            if deck.is_none() {
                store.for_each_external_review(|e| {
                    if failed.is_some() {
                        return;
                    }
                    let row = ReviewRow {
                        card_id: e.card_id,
                        review_time: e.time.as_millisecond(),
                        review_rating: e.rating.number(),
                        review_state: e.state,
                        review_duration: e.duration_ms,
                        deck: None,
                        card: None,
                        answer: "",
                        verdict: "",
                        mode: "external",
                    };
                    failed = out.write(&row).err();
                })?;
            }
        }
        if let Some(e) = failed {
            return Err(io_out(e));
        }
        out.finish().map_err(io_out)?;
        Ok(())
    })?;
    Ok(ExitCode::Success)
}

/// The statistics of one deck, or of every deck and the imported history.
fn gather_stats(deck: Option<&str>, config: &Config) -> Result<Stats> {
    let decks = decks(deck, config)?;
    let store = Store::open_read_only(&config.data_dir)?;
    let now = config.clock.now();
    let cards = card_infos(&decks, store.as_ref(), config, now)?;
    let one = deck.map(|_| &decks[0]);
    let days = calendar(one, config)?;
    // Together, each deck's answers still fall in its own study days.
    let calendars = match one {
        Some(_) => Vec::new(),
        None => decks
            .iter()
            .map(|d| Ok((d.id.clone(), calendar(Some(d), config)?)))
            .collect::<Result<Vec<_>>>()?,
    };
    let mut b = StatsBuilder::with_decks(&cards, &days, &calendars, now);
    let log = read_log(store.as_ref(), config)?;
    feed(&mut b, &log, one.map(|d| d.id.as_str()), true);
    Ok(b.finish(one.map(|d| d.id.clone())))
}

pub fn stats(a: &StatsArgs, config: &Config) -> Result<ExitCode> {
    let stats = gather_stats(a.deck.as_deref(), config)?;
    let mut w = io::stdout().lock();
    if a.json {
        crate::json::to_writer_pretty(&mut w, &stats).map_err(|e| io_out(e.into()))?;
        writeln!(w).map_err(io_out)?;
    } else {
        terminal::write_stats(&stats, &mut w).map_err(io_out)?;
    }
    w.flush().map_err(io_out)?;
    Ok(ExitCode::Success)
}

pub fn export_report(a: &ExportReportArgs, config: &Config) -> Result<ExitCode> {
    let stats = gather_stats(a.deck.as_deref(), config)?;
    let html = report::render(&stats);
    write_to(a.output.as_deref(), |w| {
        w.write_all(html.as_bytes()).map_err(io_out)
    })?;
    if let Some(p) = &a.output {
        crate::eprintln_inert!("Wrote {}.", p.display());
    }
    Ok(ExitCode::Success)
}

/// The largest review log or map file read: 48 MiB, about 1.5 million short review rows.
/// Each row read takes about 270 bytes until the import is done (a million rows, 33 MB,
/// took 275 MiB), so this keeps an import within 500 MB; a larger log is imported in parts
/// (answers already imported are skipped).
const MAX_LOG_BYTES: u64 = 48 << 20;

/// The most progress exports one class report reads, all files together: each takes about
/// four times its size (600,000 cards, 194 MB, took 736 MiB), so 100 MiB stays within
/// 500 MB, about 300,000 learner-card rows.
const MAX_EXPORTS_BYTES: u64 = 100 << 20;

fn read(path: &Path, what: &'static str) -> Result<Vec<u8>> {
    crate::input::read_bounded(path, MAX_LOG_BYTES, what)
}

pub fn import_reviews(a: &ImportReviewsArgs, config: &Config) -> Result<ExitCode> {
    let name = a.file.display().to_string();
    let now = config.clock.now();
    let log = import::parse_log(&read(&a.file, "read review log")?, now).map_err(|message| {
        Error::Input {
            path: name.clone(),
            message,
        }
    })?;
    for bad in &log.bad {
        let tail = if a.skip_bad { " (skipped)" } else { "" };
        crate::eprintln_inert!("{name}:{}: {}{tail}", bad.line, bad.message);
    }
    if !log.bad.is_empty() && !a.skip_bad {
        return Err(Error::Input {
            path: name,
            message: format!(
                "{} bad row{}; nothing was imported (fix them, or pass --skip-bad to import \
                 the other rows)",
                log.bad.len(),
                if log.bad.len() == 1 { "" } else { "s" }
            ),
        });
    }
    let decks = decks(None, config)?;
    let known =
        |deck: &str, card: &str| decks.iter().any(|d| d.id == deck && d.card(card).is_some());
    let map = match &a.map {
        Some(path) => {
            let map_name = path.display().to_string();
            import::parse_map(&read(path, "read map file")?, known).map_err(|bad| {
                for b in &bad {
                    crate::eprintln_inert!("{map_name}:{}: {}", b.line, b.message);
                }
                Error::Input {
                    path: map_name.clone(),
                    message: format!(
                        "{} bad line{}; nothing was imported",
                        bad.len(),
                        if bad.len() == 1 { "" } else { "s" }
                    ),
                }
            })?
        }
        None => Default::default(),
    };
    let resolved = import::resolve(log.rows, &map, known);
    // The lock first, so that a session studying meanwhile is told before the store opens.
    let _lock = Store::lock_session(&config.data_dir)?;
    let mut store = Store::open(&config.data_dir)?;
    let fitted = fitted_parameters(&store)?;
    let mut schedulers = Vec::new();
    for d in &decks {
        schedulers.push(scheduler_for(d, config, fitted.as_deref())?);
    }
    let mut replay = |deck: &str, card: &str, current: Option<&_>, history: &[_]| {
        let found = decks.iter().position(|d| d.id == deck).and_then(|i| {
            decks[i]
                .card(card)
                .map(|c| import::replay(&schedulers[i], c, current, history))
        });
        found.unwrap_or_default()
    };
    let counts = store.import_reviews(&resolved.external, &resolved.answers, &mut replay)?;
    let mut out = io::stdout().lock();
    let mut say = |line: String| writeln!(out, "{line}").map_err(io_out);
    if counts.answers_added > 0 {
        say(format!(
            "{} answer{} of recall cards imported; {} card{} rescheduled from {} history.",
            counts.answers_added,
            plural(counts.answers_added),
            counts.cards_replayed,
            plural(counts.cards_replayed),
            if counts.cards_replayed == 1 {
                "its"
            } else {
                "their"
            }
        ))?;
    }
    if counts.external_added > 0 {
        let cards: std::collections::HashSet<&str> = resolved
            .external
            .iter()
            .map(|e| e.card_id.as_str())
            .collect();
        say(format!(
            "{} answer{} of {} card{} in no recall deck kept as history for `recall optimize` \
             and `recall stats`.",
            counts.external_added,
            plural(counts.external_added),
            cards.len(),
            plural(cards.len())
        ))?;
    }
    let present = counts.answers_present + counts.external_present;
    if present > 0 {
        say(format!(
            "{present} answer{} already imported, skipped.",
            plural(present)
        ))?;
    }
    if resolved.unscheduled > 0 {
        say(format!(
            "{} quiz or cram answer{} skipped: {} never changed a schedule.",
            resolved.unscheduled,
            plural(resolved.unscheduled),
            if resolved.unscheduled == 1 {
                "it"
            } else {
                "they"
            }
        ))?;
    }
    if !log.bad.is_empty() {
        say(format!(
            "{} bad row{} skipped.",
            log.bad.len(),
            plural(log.bad.len())
        ))?;
    }
    if resolved.answers.is_empty() && resolved.external.is_empty() && log.bad.is_empty() {
        say("The file has no answers.".to_string())?;
    }
    Ok(ExitCode::Success)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Every scheduled answer and all imported history, in study days.
fn history(log: &Log, days: &Scheduler, now: Timestamp) -> History {
    let mut h = History::new(days, now);
    let mut slots: Vec<Option<u32>> = vec![None; log.key_count()];
    log.for_each_answer(None, |k, e| {
        if e.mode.is_scheduled() {
            let slot = *slots[k].get_or_insert_with(|| h.slot_of(Some(e.deck), e.card));
            h.add_at(slot, e.time, e.rating, Before::of_phase(e.phase_before));
        }
    });
    log.for_each_external(|k, e| {
        let slot = *slots[k].get_or_insert_with(|| h.slot_of(None, e.card));
        h.add_at(slot, e.time, e.rating, Before::of_state(e.state));
    });
    h
}

/// A progress bar on standard error, drawn only when it is a terminal.
fn bar(message: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {percent}%")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(message.to_string());
    bar
}

pub fn optimize(a: &OptimizeArgs, config: &Config) -> Result<ExitCode> {
    let store = Store::open_read_only(&config.data_dir)?;
    let now = config.clock.now();
    let days = calendar(None, config)?;
    let log = read_log(store.as_ref(), config)?;
    let h = history(&log, &days, now);
    drop(log);
    let current = match &store {
        Some(s) => fitted_parameters(s)?,
        None => None,
    }
    .unwrap_or_default();
    let mut out = io::stdout().lock();
    if a.retention {
        let cards = decks(None, config)?
            .iter()
            .map(|d| d.cards.len())
            .sum::<usize>()
            .max(h.cards());
        let (first_ratings, passed_ratings) = h.rating_shares();
        let learner = Learner {
            cards,
            new_per_day: config.user.layers("").0.new_per_day.unwrap_or(20) as usize,
            first_ratings,
            passed_ratings,
        };
        let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        spinner.set_message("Simulating a year of study");
        let suggested = optimize::suggest_retention(&current, &learner, |_| spinner.tick())
            .map_err(|e| Error::Usage(e.to_string()))?;
        spinner.finish_and_clear();
        writeln!(
            out,
            "Suggested desired retention: {suggested:.2}\n\
             (the FSRS simulator's cheapest retention per card remembered over a year of study \
             with {cards} cards and {} new a day, using {} parameters and {} grading habits).\n\
             Set it with `desired_retention = {suggested:.2}` in the [defaults] table of your \
             config file.",
            learner.new_per_day,
            if current.is_empty() {
                "the default"
            } else {
                "your fitted"
            },
            if first_ratings.is_some() {
                "your"
            } else {
                "typical"
            }
        )
        .map_err(io_out)?;
        return Ok(ExitCode::Success);
    }
    let items = h.items();
    let (cards, answers) = (h.cards(), h.answers());
    drop(h);
    // As Anki does, the relearning steps bound how far a lapse may shrink stability.
    let relearning_steps = config
        .user
        .layers("")
        .0
        .relearning_steps
        .map_or(SchedulerConfig::default().relearning_steps.len(), |s| {
            s.len()
        });
    let progress = fsrs::CombinedProgressState::new_shared();
    let bar = bar("Fitting FSRS");
    let (done, result) = mpsc::channel();
    let fit = std::thread::scope(|scope| {
        let (items, current, shared) = (&items, &current, progress.clone());
        scope.spawn(move || {
            let _ = done.send(optimize::fit(
                items,
                current,
                relearning_steps,
                Some(shared),
            ));
        });
        // The bar is redrawn while the fit runs, and the result taken the moment it comes.
        loop {
            match result.recv_timeout(Duration::from_millis(50)) {
                Ok(fit) => break Some(fit),
                Err(mpsc::RecvTimeoutError::Disconnected) => break None,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Ok(p) = progress.lock() {
                        bar.set_length(p.total().max(1) as u64);
                        bar.set_position(p.current() as u64);
                    }
                }
            }
        }
    });
    bar.finish_and_clear();
    let fit = fit
        .ok_or_else(|| Error::Usage("the FSRS optimizer stopped without a result".into()))?
        .map_err(|e| Error::Usage(e.to_string()))?;
    writeln!(
        out,
        "Fitted FSRS to {} reviews of {cards} card{} ({answers} answers in all).\n\
         {:<10} {:>9} {:>12}\n\
         {:<10} {:>9.4} {:>11.2}%\n\
         {:<10} {:>9.4} {:>11.2}%",
        fit.items,
        plural(cards),
        "",
        "log loss",
        "RMSE (bins)",
        if current.is_empty() {
            "defaults"
        } else {
            "current"
        },
        fit.before.log_loss,
        fit.before.rmse_bins * 100.0,
        "fitted",
        fit.after.log_loss,
        fit.after.rmse_bins * 100.0
    )
    .map_err(io_out)?;
    if fit.improved() {
        let text = serde_json::to_string(&fit.parameters).map_err(|e| io_out(e.into()))?;
        // Every command that writes progress holds the session lock while it does.
        let _lock = Store::lock_session(&config.data_dir)?;
        let mut store = Store::open(&config.data_dir)?;
        store.meta_set(PARAMETERS_KEY, &text)?;
        let shown: Vec<String> = fit.parameters.iter().map(|p| format!("{p:.4}")).collect();
        writeln!(
            out,
            "The fitted parameters predict your answers better and were saved; decks whose \
             settings name no `parameters` use them.\nParameters: {}",
            shown.join(", ")
        )
        .map_err(io_out)?;
    } else {
        writeln!(
            out,
            "The fitted parameters do not predict your answers better; nothing was saved."
        )
        .map_err(io_out)?;
    }
    Ok(ExitCode::Success)
}

pub fn class_report(a: &ClassReportArgs, _config: &Config) -> Result<ExitCode> {
    let mut exports = Vec::new();
    let mut left = MAX_EXPORTS_BYTES;
    for path in &a.exports {
        let bytes = crate::input::read_bounded(path, left, "read progress export").map_err(
            |e| match e {
                Error::Input { path, .. } => Error::Input {
                    path,
                    message: format!(
                        "the progress exports given (up to this one) hold more than {} MB, the \
                         most one class report reads; make reports for fewer learners at a \
                         time, or have learners export one deck each (--deck)",
                        MAX_EXPORTS_BYTES / 1_000_000
                    ),
                },
                e => e,
            },
        )?;
        left -= bytes.len() as u64;
        let doc = class::parse_export(&bytes).map_err(|message| Error::Input {
            path: path.display().to_string(),
            message,
        })?;
        let fallback = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        exports.push((fallback, doc));
    }
    let report = class::merge(&exports);
    for note in &report.notes {
        crate::eprintln_inert!("note: {note}");
    }
    write_to(a.output.as_deref(), |w| match a.format {
        ClassFormat::Csv => class::write_csv(&report, cells(a.csv_formulas), w).map_err(io_out),
        ClassFormat::Html => w
            .write_all(class::render_html(&report).as_bytes())
            .map_err(io_out),
    })?;
    Ok(ExitCode::Success)
}

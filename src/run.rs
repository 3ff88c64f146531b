//! Runs each command: loads what it needs through the edges and hands the work to the core.

use std::io::{self, Write};

use crate::cli::{CheckArgs, Command, ExportCommand, ImportCommand, ShowArgs, StatusArgs};
use crate::cmd_study;
use crate::config::Config;
use crate::error::{Error, ExitCode, Result};
use crate::library::Library;
use crate::setup::{library, report, usable};

/// Runs one command and says how the process should exit.
pub fn run(command: Option<Command>, config: &Config) -> Result<ExitCode> {
    if let Some(path) = command.as_ref().and_then(output_of) {
        crate::output::refuse_own_file(path, &config.data_dir)?;
    }
    match command {
        None => cmd_study::status(&StatusArgs { json: false }, config),
        Some(Command::Study(a)) => cmd_study::study(&a, config),
        Some(Command::Quiz(a)) => cmd_study::quiz(&a, config),
        Some(Command::Status(a)) => cmd_study::status(&a, config),
        Some(Command::Check(a)) => check(&a, config),
        Some(Command::Show(a)) => show(&a, config),
        Some(Command::Reset(a)) => cmd_study::reset(&a, config),
        Some(Command::Suspended(a)) => cmd_study::suspended(&a, config),
        Some(Command::Unsuspend(a)) => cmd_study::unsuspend(&a, config),
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

/// The file a command writes, if it writes one.
fn output_of(command: &Command) -> Option<&std::path::Path> {
    match command {
        Command::New(a) => Some(&a.file),
        Command::Generate(a) => a.output.as_deref(),
        Command::Import(ImportCommand::Deck(a)) => a.output.as_deref(),
        Command::Export(ExportCommand::Deck(a)) => a.output.as_deref(),
        Command::Export(ExportCommand::Progress(a)) => a.output.as_deref(),
        Command::Export(ExportCommand::Reviews(a)) => a.output.as_deref(),
        Command::Export(ExportCommand::Report(a)) => a.output.as_deref(),
        Command::ClassReport(a) => a.output.as_deref(),
        _ => None,
    }
}

fn stdout_err(e: io::Error) -> Error {
    Error::io("write to", "standard output", e)
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
            writeln!(
                out,
                "{}: ok, {cards} cards{ws}",
                crate::sanitize::inert(&src.name)
            )
            .map_err(stdout_err)?;
        } else {
            writeln!(
                out,
                "{}: {e} error{}{}",
                crate::sanitize::inert(&src.name),
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
    if let Some(old) = &a.against {
        compare_versions(&lib, &a.decks, old, config, &mut out)?;
    }
    Ok(if errors > 0 || (a.strict && warnings > 0) {
        ExitCode::Problems
    } else {
        ExitCode::Success
    })
}

/// `check DECK --against OLD`: the edits between two versions of a deck, card by card.
fn compare_versions(
    lib: &Library,
    decks: &[String],
    old: &str,
    config: &Config,
    out: &mut dyn Write,
) -> Result<()> {
    let [name] = decks else {
        return Err(Error::Usage(
            "--against compares one deck with its previous version; name one deck".into(),
        ));
    };
    let (new, old) = (lib.find(name)?, lib.find(old)?);
    let (Some(new_deck), Some(old_deck)) = (new.deck(), old.deck()) else {
        let bad = if new.deck().is_none() { new } else { old };
        let (errors, _) = report(&bad, config);
        return Err(Error::DeckInvalid {
            path: bad.name,
            errors,
        });
    };
    let cmp = crate::progress::versions::compare(old_deck, new_deck);
    for change in &cmp.changes {
        writeln!(out, "{}", crate::diagnostic::inert(&change.to_string())).map_err(stdout_err)?;
    }
    writeln!(
        out,
        "{} against {}: {} card(s) changed, {} ask what they asked before",
        new.name,
        old.name,
        cmp.changes.len(),
        cmp.unchanged
    )
    .map_err(stdout_err)
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
        let mut w = io::BufWriter::new(w);
        crate::json::to_writer_pretty(&mut w, &crate::deck::show::json(&deck))
            .map_err(|e| stdout_err(e.into()))?;
        writeln!(w).map_err(stdout_err)?;
        w.flush().map_err(stdout_err)?;
    } else {
        crate::deck::show::write_text(&deck, &mut w).map_err(stdout_err)?;
    }
    Ok(ExitCode::Success)
}

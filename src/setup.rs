//! What commands load before they work: decks by name (with their diagnostics reported), the
//! settings that apply to each, its scheduler and the learner's fitted FSRS parameters. The
//! command modules (`run`, `cmd_decks`, `cmd_progress`) all build on this, never on each other.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::config::{Config, overlay};
use crate::deck::{Deck, DeckSettings};
use crate::deck_cache::DeckCache;
use crate::diagnostic::{Severity, render_all};
use crate::error::{Error, Result};
use crate::library::{DeckSource, Library};
use crate::schedule::{Scheduler, SchedulerConfig};
use crate::store::Store;

/// The `meta` key holding the parameters `recall optimize` fitted (a JSON array of numbers).
pub const PARAMETERS_KEY: &str = "fsrs_parameters";

/// The parameters `recall optimize` saved, if any.
pub fn fitted_parameters(store: &Store) -> Result<Option<Vec<f32>>> {
    let Some(text) = store.meta_get(PARAMETERS_KEY)? else {
        return Ok(None);
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| Error::Input {
            path: store.path().display().to_string(),
            message: format!(
                "the saved FSRS parameters are unreadable ({e}); run `recall optimize`"
            ),
        })
}

/// Prints a deck's diagnostics to standard error; returns how many errors and warnings.
pub fn report(src: &DeckSource, config: &Config) -> (usize, usize) {
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
pub fn usable(src: DeckSource, config: &Config) -> Result<Deck> {
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

pub fn library(config: &Config) -> Library {
    Library::new(config.deck_dirs.clone())
}

/// The library for commands that use decks rather than check them (study, quiz, status,
/// statistics): decks are loaded with only the checks that can refuse them, and large decks
/// parsed before come from the deck cache in the data directory.
pub fn study_library(config: &Config) -> Library {
    library(config).for_use().with_cache(DeckCache::new(
        config.data_dir.join(crate::store::CACHE_DIR).join("decks"),
    ))
}

/// The decks to study: the named ones, or every known deck (broken ones skipped with a note).
pub fn chosen_decks(lib: &Library, names: &[String], config: &Config) -> Result<Vec<Deck>> {
    Ok(chosen_decks_at(lib, names, config)?
        .into_iter()
        .map(|(deck, _)| deck)
        .collect())
}

/// As [`chosen_decks`], with each deck's file (`None` for the bundled deck), where its media
/// folder is.
pub fn chosen_decks_at(
    lib: &Library,
    names: &[String],
    config: &Config,
) -> Result<Vec<(Deck, Option<PathBuf>)>> {
    if names.is_empty() {
        let mut out = Vec::new();
        for src in lib.all()? {
            match src.deck() {
                Some(_) => out.extend(src.loaded.deck.map(|d| (d, src.path))),
                None => crate::eprintln_inert!(
                    "note: skipping {} because it has errors; `recall check {}` explains them",
                    src.name,
                    src.name
                ),
            }
        }
        return Ok(out);
    }
    names
        .iter()
        .map(|n| {
            let src = find(lib, n)?;
            let path = src.path.clone();
            Ok((usable(src, config)?, path))
        })
        .collect()
}

/// A deck by id or path, as `Library::find`, with an unknown id answered by the closest ids
/// that exist.
pub fn find(lib: &Library, name: &str) -> Result<DeckSource> {
    lib.find(name).map_err(|e| match e {
        Error::UnknownDeck { name, known } if !known.is_empty() => {
            let near = closest(&name, &known.iter().map(String::as_str).collect::<Vec<_>>())
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>();
            let mut msg = format!("no deck named `{name}`");
            if !near.is_empty() {
                msg.push_str(&format!("; did you mean {}?", near.join(" or ")));
            }
            msg.push_str(&format!(
                " (known decks: {}; or pass a path to a .toml file)",
                known.join(", ")
            ));
            Error::Usage(msg)
        }
        e => e,
    })
}

/// The names among `known` that `name` is most likely a slip for: those within a typo's reach
/// (a third of its length, at least one edit) or containing it or contained in it, closest
/// first, at most three.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Vec<&'a str> {
    let name = name.to_lowercase();
    let reach = (name.chars().count() / 3).max(1);
    let mut near: Vec<(usize, &str)> = known
        .iter()
        .filter_map(|&k| {
            let lower = k.to_lowercase();
            let d = strsim::damerau_levenshtein(&name, &lower);
            let inside = !name.is_empty() && (lower.contains(&name) || name.contains(&lower));
            (d <= reach || inside).then_some((d, k))
        })
        .collect();
    near.sort();
    near.into_iter().take(3).map(|(_, k)| k).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_names_are_typos_and_names_that_contain_each_other() {
        let known = ["dates", "people", "places", "organisations"];
        assert_eq!(closest("date", &known), ["dates"]);
        assert_eq!(closest("Peeple", &known), ["people"]);
        assert_eq!(closest("organisation", &known), ["organisations"]);
        assert_eq!(closest("place", &known), ["places"]);
        assert!(closest("zzz", &known).is_empty());
        assert!(closest("", &known).is_empty());
        // Closest first, at most three.
        assert_eq!(
            closest("ab", &["abcd", "abc", "xab", "ab1", "zz"]),
            ["ab1", "abc", "xab"]
        );
    }
}

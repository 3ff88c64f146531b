//! Instructor commands: a starter deck, a draft deck from an article, and decks moved in and out
//! of Anki, Moodle and spreadsheets. Formats live in `formats`; this file only gathers input,
//! calls them and writes the result.

use std::path::Path;

use crate::cli::{DeckFormat, ExportDeckArgs, GenerateArgs, ImportDeckArgs, NewArgs};
use crate::config::Config;
use crate::deck::Deck;
use crate::deck::load::{Checks, load, load_with};
use crate::diagnostic::{Severity, render_all};
use crate::error::{Error, ExitCode, Result};
use crate::formats::{self, Imported};
use crate::library::Library;
use crate::output::{write_atomic, write_to};

fn io_out(e: std::io::Error) -> Error {
    Error::io("write", "the output", e)
}

pub fn new_deck(a: &NewArgs) -> Result<ExitCode> {
    if a.file.exists() && !a.force {
        return Err(Error::Usage(format!(
            "{} already exists; pass --force to replace it",
            a.file.display()
        )));
    }
    write_atomic(&a.file, |w| {
        w.write_all(crate::deck::template::STARTER.as_bytes())
            .map_err(io_out)
    })?;
    println!(
        "Wrote {}. Edit it, then run `recall check {}` and `recall study --deck {}`.",
        a.file.display(),
        a.file.display(),
        a.file.display()
    );
    Ok(ExitCode::Success)
}

fn read_text(path: &Path, what: &'static str) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(what, path, e))?;
    utf8(path, bytes)
}

/// The text of a file's bytes, or a message saying it is not UTF-8.
fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| Error::Input {
        path: path.display().to_string(),
        message: format!(
            "not UTF-8 text (first bad byte at offset {}); save it as UTF-8 and try again",
            e.utf8_error().valid_up_to()
        ),
    })
}

/// The largest article `generate` reads: several books' worth of text. Drafting needs up to
/// about twenty times the article's size in memory (a 52 MB article once took 1 GB), so this
/// keeps it under 200 MB.
pub const MAX_ARTICLE_BYTES: u64 = 8 << 20;

pub fn generate(a: &GenerateArgs, config: &Config) -> Result<ExitCode> {
    let bytes = crate::input::read_bounded(&a.article, MAX_ARTICLE_BYTES, "read article")?;
    let text = utf8(&a.article, bytes)?;
    if text.trim().is_empty() {
        return Err(Error::Input {
            path: a.article.display().to_string(),
            message: "the article is empty; give a text with some sentences".into(),
        });
    }
    let draft = crate::draft::draft_from_article(&text);
    if draft.items.is_empty() {
        return Err(Error::Input {
            path: a.article.display().to_string(),
            message: "no facts found: recall looks for dates, places, lists, figures, terms \
                      and people in full sentences"
                .into(),
        });
    }
    let toml = draft.annotated_toml();
    // The draft must be a deck recall accepts; say so loudly if it is not.
    let loaded = load(toml.as_bytes());
    let errors = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        let mut err = std::io::stderr().lock();
        let _ = render_all(
            "<draft>",
            &toml,
            &loaded.diagnostics,
            config.color,
            &mut err,
        );
        return Err(Error::Usage(format!(
            "the draft has {errors} error(s); this is a bug in `recall generate`, please report it"
        )));
    }
    write_to(a.output.as_deref(), |w| {
        w.write_all(toml.as_bytes()).map_err(io_out)
    })?;
    let facts = draft.items.iter().filter(|i| i.is_fact).count();
    eprintln!(
        "Drafted {} facts and {} cards ({} questions in all); review them before studying.",
        facts,
        draft.items.len() - facts,
        loaded.deck.map_or(0, |d| d.cards.len())
    );
    Ok(ExitCode::Success)
}

fn format_of(path: &Path, given: Option<DeckFormat>) -> Result<DeckFormat> {
    if let Some(f) = given {
        return Ok(f);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "tsv" | "csv" | "txt" => Ok(DeckFormat::Tsv),
        "gift" => Ok(DeckFormat::Gift),
        "apkg" | "colpkg" => Ok(DeckFormat::Apkg),
        _ => Err(Error::Usage(format!(
            "cannot tell the format of {} from its extension; pass --format tsv, gift or apkg",
            path.display()
        ))),
    }
}

/// A deck id from a file name: lowercase words joined by dashes.
fn slug(s: &str) -> String {
    let out = crate::formats::ids::slug(s, 40);
    if out.is_empty() {
        "imported".to_string()
    } else {
        out
    }
}

pub fn import_deck(a: &ImportDeckArgs) -> Result<ExitCode> {
    let format = format_of(&a.file, a.format)?;
    let name = a.file.display().to_string();
    let stem = a
        .file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("imported")
        .to_string();
    let (title, imported) = match format {
        DeckFormat::Tsv => (
            stem.clone(),
            formats::tsv::read(&read_text(&a.file, "read")?),
        ),
        DeckFormat::Gift => (
            stem.clone(),
            formats::gift::read(&read_text(&a.file, "read")?),
        ),
        DeckFormat::Apkg => {
            let f = std::fs::File::open(&a.file).map_err(|e| Error::io("read", &a.file, e))?;
            let pkg =
                formats::apkg::read(std::io::BufReader::new(f)).map_err(|e| Error::Input {
                    path: name.clone(),
                    message: e.to_string(),
                })?;
            for s in &pkg.skipped {
                crate::eprintln_inert!("note: {name}: skipped {s}");
            }
            (
                pkg.deck_name.clone().unwrap_or(stem.clone()),
                Imported {
                    cards: pkg.cards,
                    errors: Vec::new(),
                },
            )
        }
    };
    if !imported.errors.is_empty() {
        for e in &imported.errors {
            crate::eprintln_inert!(
                "{}: {}:{}: {}",
                if a.skip_bad { "warning" } else { "error" },
                name,
                e.line,
                e.message
            );
        }
        if !a.skip_bad {
            return Err(Error::Input {
                path: name,
                message: format!(
                    "{} malformed line(s); nothing was written. Fix them, or pass --skip-bad to \
                     import the rest",
                    imported.errors.len()
                ),
            });
        }
    }
    if imported.cards.is_empty() {
        return Err(Error::Input {
            path: name,
            message: "no cards found in the file".into(),
        });
    }
    let deck = Deck {
        id: a.id.clone().unwrap_or_else(|| slug(&stem)),
        title,
        description: Some(format!(
            "Imported from {}.",
            a.file.file_name().and_then(|f| f.to_str()).unwrap_or(&name)
        )),
        cards: imported.cards,
        ..Deck::default()
    };
    let (deck, toml) = without_refused_cards(deck, &name)?;
    write_to(a.output.as_deref(), |w| {
        w.write_all(toml.as_bytes()).map_err(io_out)
    })?;
    eprintln!(
        "Imported {} cards into deck `{}`.",
        deck.cards.len(),
        deck.id
    );
    Ok(ExitCode::Success)
}

/// The imported deck as TOML, less the cards the deck rules refuse, each named on standard
/// error with the reason (an empty back, a prompt that gives its answer away, a wrong option
/// that is a right answer, ...): other tools allow what recall's decks do not, and an import
/// must never write a deck that `recall check` rejects and `recall study` refuses.
pub fn without_refused_cards(mut deck: Deck, name: &str) -> Result<(Deck, String)> {
    // Dropping a card can only remove problems, but a second look costs little.
    for _ in 0..3 {
        let (toml, starts) = crate::deck::write::to_toml_located(&deck);
        let loaded = load_with(toml.as_bytes(), Checks::Errors);
        let errors: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        if errors.is_empty() {
            return Ok((deck, toml));
        }
        let mut refused: std::collections::BTreeMap<usize, &str> = Default::default();
        for d in &errors {
            let Some(card) = starts
                .partition_point(|&s| s <= d.span.start)
                .checked_sub(1)
            else {
                return Err(Error::Usage(format!(
                    "the imported deck is invalid ({}); this is a bug in `recall import deck`, \
                     please report it",
                    d.message
                )));
            };
            refused.entry(card).or_insert(d.message.as_str());
        }
        for (&card, why) in &refused {
            crate::eprintln_inert!("note: {name}: skipped card {}: {why}", deck.cards[card].id);
        }
        let mut i = 0;
        deck.cards.retain(|_| {
            i += 1;
            !refused.contains_key(&(i - 1))
        });
        if deck.cards.is_empty() {
            return Err(Error::Input {
                path: name.to_string(),
                message: "no card of the file makes a valid recall card".into(),
            });
        }
    }
    Err(Error::Usage(
        "the imported deck still has errors; this is a bug in `recall import deck`, please \
         report it"
            .into(),
    ))
}

pub fn export_deck(a: &ExportDeckArgs, config: &Config) -> Result<ExitCode> {
    let src = Library::new(config.deck_dirs.clone()).find(&a.deck)?;
    let Some(deck) = src.deck().cloned() else {
        let (errors, _) = crate::run::report(&src, config);
        return Err(Error::DeckInvalid {
            path: src.name,
            errors,
        });
    };
    let skipped = match a.format {
        DeckFormat::Apkg => {
            let Some(out) = &a.output else {
                return Err(Error::Usage(
                    "an Anki package is binary; give a file with -o DECK.apkg".into(),
                ));
            };
            let created = config.clock.now().as_millisecond();
            let (bytes, skipped) =
                formats::apkg::to_bytes(&deck, created).map_err(|e| Error::Usage(e.to_string()))?;
            write_atomic(out, |w| w.write_all(&bytes).map_err(io_out))?;
            skipped
        }
        DeckFormat::Gift => {
            let mut skipped = Vec::new();
            write_to(a.output.as_deref(), |w| {
                skipped = formats::gift::write(&deck, w).map_err(io_out)?;
                Ok(())
            })?;
            skipped
        }
        DeckFormat::Tsv => {
            write_to(a.output.as_deref(), |w| {
                formats::tsv::write(&deck, formats::tsv::Dialect::Anki, w).map_err(io_out)
            })?;
            Vec::new()
        }
    };
    for s in &skipped {
        crate::eprintln_inert!("note: not exported: {s}");
    }
    Ok(ExitCode::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_make_deck_ids() {
        assert_eq!(slug("My Cards (2024)"), "my-cards-2024");
        assert_eq!(slug("***"), "imported");
    }

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(
            format_of(Path::new("a.TSV"), None).unwrap(),
            DeckFormat::Tsv
        );
        assert_eq!(
            format_of(Path::new("a.gift"), None).unwrap(),
            DeckFormat::Gift
        );
        assert_eq!(
            format_of(Path::new("a.apkg"), None).unwrap(),
            DeckFormat::Apkg
        );
        assert!(format_of(Path::new("a.doc"), None).is_err());
    }
}

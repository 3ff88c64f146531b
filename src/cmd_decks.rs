//! Instructor commands: a starter deck, a draft deck from an article, and decks moved in and out
//! of Anki, Moodle and spreadsheets. Formats live in `formats`; this file only gathers input,
//! calls them and writes the result.

use std::path::Path;

use crate::cli::{DeckFormat, ExportDeckArgs, GenerateArgs, ImportDeckArgs, NewArgs};
use crate::config::Config;
use crate::deck::load::{Checks, load, load_with};
use crate::deck::{Card, Deck};
use crate::diagnostic::{Severity, render_all};
use crate::error::{Error, ExitCode, Result};
use crate::formats::{self, Imported};
use crate::library::Library;
use crate::output::{write_atomic, write_to};

/// A message on standard error that quotes what a file holds (column names, media names, note
/// types' fields): made inert, as files are untrusted.
fn say(line: &str) {
    eprintln!("{}", crate::diagnostic::inert(line));
}

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
    let file = a.file.display().to_string();
    let file = crate::sanitize::inert(&file);
    println!(
        "Wrote {file}. Edit it, then run `recall check {file}` and `recall study --deck {file}`."
    );
    Ok(ExitCode::Success)
}

/// An import's text, read with the import limit also when its size is not known beforehand
/// (a FIFO, a device such as `/dev/zero`).
fn read_text(path: &Path, what: &'static str) -> Result<String> {
    let bytes = crate::input::read_bounded(path, MAX_IMPORT_TEXT, what)?;
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
    let to_check = draft.items.iter().filter(|i| !i.check.is_empty()).count();
    eprintln!(
        "Drafted {} facts ({} questions in all; {to_check} marked `# check:`); review them before studying.",
        draft.items.len(),
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

/// Whether `id` is a deck id the deck format accepts: lowercase letters, digits, `.`, `_` and
/// `-`, with a letter or a digit (`.` and `..` name directories).
fn deck_id_ok(id: &str) -> bool {
    id.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
        && id.chars().any(|c| c.is_ascii_alphanumeric())
}

pub fn import_deck(a: &ImportDeckArgs) -> Result<ExitCode> {
    if let Some(id) = a.id.as_deref().filter(|id| !deck_id_ok(id)) {
        return Err(Error::Usage(format!(
            "--id `{}` is not a deck id: use lowercase letters, digits, `.`, `_` and `-`, with \
             at least one letter or digit (such as `capitals-2`)",
            crate::sanitize::inert(id)
        )));
    }
    let format = format_of(&a.file, a.format)?;
    let name = a.file.display().to_string();
    let stem = a
        .file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("imported")
        .to_string();
    let mut package = None;
    let columns = match &a.columns {
        Some(_) if format != DeckFormat::Tsv => {
            return Err(Error::Usage(
                "--columns is for spreadsheets (TSV and CSV files)".into(),
            ));
        }
        Some(spec) => Some(formats::tsv::parse_columns(spec).map_err(Error::Usage)?),
        None => None,
    };
    let tsv_options = formats::tsv::Options { columns };
    if format != DeckFormat::Apkg {
        check_text_size(&a.file)?;
    }
    // A spreadsheet is read twice, its cards kept neither time: once for its problems (nothing
    // is written when a line is bad) and once to write the deck as it is read. A million rows
    // then cost their text and a batch of cards.
    let mut spreadsheet = None;
    let (imported, count) = match format {
        DeckFormat::Tsv => {
            let text = read_text(&a.file, "read")?;
            let mut count = 0;
            let imported = formats::tsv::read_each(&text, &tsv_options, &mut |_| count += 1);
            spreadsheet = Some(text);
            (imported, count)
        }
        DeckFormat::Gift => {
            let imported = formats::gift::read(&read_text(&a.file, "read")?);
            let count = imported.cards.len();
            (imported, count)
        }
        DeckFormat::Apkg => {
            let f = std::fs::File::open(&a.file).map_err(|e| Error::io("read", &a.file, e))?;
            let refused = |e: formats::apkg::ApkgError| Error::Input {
                path: name.clone(),
                message: e.to_string(),
            };
            let opened =
                formats::apkg::Package::open(std::io::BufReader::new(f)).map_err(refused)?;
            let pkg = opened.import().map_err(refused)?;
            for s in &pkg.skipped {
                say(&format!("note: {name}: skipped {s}"));
            }
            for s in &pkg.media_problems {
                say(&format!("warning: {name}: card {s}"));
            }
            if pkg.unused_media > 0 {
                say(&format!(
                    "note: {name}: {} media file(s) of the package are shown by no imported card \
                     and were not copied",
                    pkg.unused_media
                ));
            }
            package = Some((opened, pkg.media));
            let count = pkg.cards.len();
            let imported = Imported {
                cards: pkg.cards,
                title: pkg.deck_name,
                ..Imported::default()
            };
            (imported, count)
        }
    };
    for w in &imported.warnings {
        match w.line {
            0 => say(&format!("warning: {name}: {}", w.message)),
            line => say(&format!("warning: {name}:{line}: {}", w.message)),
        }
    }
    if !imported.errors.is_empty() {
        for e in &imported.errors {
            say(&format!(
                "{}: {}:{}: {}",
                if a.skip_bad { "warning" } else { "error" },
                name,
                e.line,
                e.message
            ));
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
    if count == 0 {
        return Err(Error::Input {
            path: name,
            message: "no cards found in the file".into(),
        });
    }
    let deck = Deck {
        id: a
            .id
            .clone()
            .or(imported.deck_id.filter(|id| deck_id_ok(id)))
            .unwrap_or_else(|| slug(&stem)),
        title: imported.title.unwrap_or(stem),
        description: Some(format!(
            "Imported from {}.",
            a.file.file_name().and_then(|f| f.to_str()).unwrap_or(&name)
        )),
        cards: imported.cards,
        ..Deck::default()
    };
    // Only the cards that show media are kept once written: the rest are in the file.
    let mut with_media = Vec::new();
    let mut written = None;
    write_to(a.output.as_deref(), |w| {
        let mut out = |text: &str| w.write_all(text.as_bytes()).map_err(io_out);
        let mut keep = |card: Card| {
            if card.media.is_some() {
                with_media.push(card);
            }
        };
        let mut deck = deck;
        let cards = std::mem::take(&mut deck.cards);
        let mut checked = Checked::new(deck, &name, &mut out, &mut keep)?;
        match &spreadsheet {
            Some(text) => {
                formats::tsv::read_each(text, &tsv_options, &mut |c| checked.push(c));
            }
            None => cards.into_iter().for_each(|c| checked.push(c)),
        }
        written = Some(checked.finish()?);
        Ok(())
    })?;
    let (mut deck, count) = written.expect("written above");
    deck.cards = with_media;
    eprintln!("Imported {count} cards into deck `{}`.", deck.id);
    if let Some((mut package, names)) = package {
        copy_media(&mut package, &names, &deck, a.output.as_deref(), &name)?;
    }
    Ok(ExitCode::Success)
}

/// Largest text file `import deck` reads (it is read whole). A spreadsheet takes about four
/// times its size to import (a million rows, 62 MB, within 210 MB; 3.8 million rows, 214 MB,
/// took 819 MB), so this keeps every import within 500 MB: about 1.6 million short rows.
const MAX_IMPORT_TEXT: u64 = 100 * 1024 * 1024;

fn check_text_size(path: &Path) -> Result<()> {
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io("read", path, e))?
        .len();
    if size > MAX_IMPORT_TEXT {
        return Err(Error::Input {
            path: path.display().to_string(),
            message: format!(
                "the file is {} MB, over the limit of {} MB for an import; split it into \
                 smaller files and import each",
                size >> 20,
                MAX_IMPORT_TEXT >> 20
            ),
        });
    }
    Ok(())
}

/// Most media bytes one import copies: a package claiming more is a disk-filling attack.
const MAX_MEDIA_TOTAL: u64 = 4 * 1024 * 1024 * 1024;

/// Copies the media the written deck's cards show into its media folder (`NAME.media` beside
/// `NAME.toml`), says how many, and lists the cards that make no sense without their media.
/// Names were checked to be plain file names; each file is written beside and renamed into
/// place, so an existing link in the folder is replaced, never followed.
fn copy_media<R: std::io::Read + std::io::Seek>(
    package: &mut formats::apkg::Package<R>,
    names: &[String],
    deck: &Deck,
    output: Option<&Path>,
    name: &str,
) -> Result<()> {
    let shown: std::collections::BTreeSet<&str> = deck
        .cards
        .iter()
        .flat_map(|c| c.question_media().iter().chain(c.answer_media()))
        .map(|n| n.as_str())
        .collect();
    let names: Vec<&String> = names
        .iter()
        .filter(|n| shown.contains(n.as_str()))
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    let needy: Vec<&str> = deck
        .cards
        .iter()
        .filter(|c| !c.question_media().is_empty())
        .map(|c| c.id.as_str())
        .collect();
    if !needy.is_empty() {
        let more = needy.len().saturating_sub(10);
        say(&format!(
            "note: {} card(s) show media with their question and make no sense without them: \
             {}{}",
            needy.len(),
            needy[..needy.len().min(10)].join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    let Some(output) = output else {
        say(&format!(
            "warning: {name}: {} media file(s) were not copied: the deck went to standard \
             output; import with -o DECK.toml to copy them into DECK.media/",
            names.len()
        ));
        return Ok(());
    };
    let folder = crate::deck::Media::folder_for(output);
    if std::fs::symlink_metadata(&folder).is_ok_and(|m| !m.is_dir()) {
        return Err(Error::Usage(format!(
            "{} exists and is not a folder (or is a link); move it away so the deck's media \
             can be copied there",
            folder.display()
        )));
    }
    std::fs::create_dir_all(&folder).map_err(|e| Error::io("create", &folder, e))?;
    let (mut copied, mut total) = (0usize, 0u64);
    for media in names {
        let bytes = match package.media_file(media) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => continue,
            Err(e) => {
                say(&format!("warning: {name}: media `{media}` not copied: {e}"));
                continue;
            }
        };
        total += bytes.len() as u64;
        if total > MAX_MEDIA_TOTAL {
            say(&format!(
                "warning: {name}: media copying stopped at {} GB; the remaining files were not \
                 copied",
                MAX_MEDIA_TOTAL >> 30
            ));
            break;
        }
        let write = || -> std::io::Result<()> {
            let mut tmp = tempfile::NamedTempFile::new_in(&folder)?;
            std::io::Write::write_all(&mut tmp, &bytes)?;
            tmp.persist(folder.join(media.as_str()))?;
            Ok(())
        };
        match write() {
            Ok(()) => copied += 1,
            Err(e) => say(&format!("warning: {name}: media `{media}` not copied: {e}")),
        }
    }
    say(&format!(
        "Copied {copied} media file(s) into {}/ for {} card(s).",
        folder.display(),
        deck.cards
            .iter()
            .filter(|c| !c.question_media().is_empty() || !c.answer_media().is_empty())
            .count()
    ));
    Ok(())
}

/// Cards checked and written this many at a time: an import of a million rows never holds the
/// whole deck's TOML, nor its parse, at once.
const CHECK_BATCH: usize = 2_000;

/// The imported deck as TOML, less the cards the deck rules refuse, each named on standard
/// error with the reason (an empty back, a prompt that gives its answer away, a wrong option
/// that is a right answer, ...): other tools allow what recall's decks do not, and an import
/// must never write a deck that `recall check` rejects and `recall study` refuses.
pub fn without_refused_cards(deck: Deck, name: &str) -> Result<(Deck, String)> {
    let mut toml = String::new();
    let mut kept = Vec::new();
    let mut out = |text: &str| {
        toml.push_str(text);
        Ok(())
    };
    let mut keep = |card| kept.push(card);
    let mut deck = deck;
    let cards = std::mem::take(&mut deck.cards);
    let mut checked = Checked::new(deck, name, &mut out, &mut keep)?;
    cards.into_iter().for_each(|c| checked.push(c));
    let (mut deck, _) = checked.finish()?;
    deck.cards = kept;
    Ok((deck, toml))
}

/// [`without_refused_cards`] a batch of cards at a time: cards are pushed one by one, checked
/// and written (to `out`) by the batch, and each written card is handed to `keep`, so the caller
/// holds only what it needs of them. The rules that span a deck and can refuse it are about
/// ids, which importers keep unique, so checking a batch alone finds what checking the whole
/// deck would.
struct Checked<'a> {
    /// The deck's head; its cards are the batch being filled.
    deck: Deck,
    head_len: usize,
    name: &'a str,
    out: &'a mut dyn FnMut(&str) -> Result<()>,
    keep: &'a mut dyn FnMut(Card),
    written: usize,
    /// The first failure to write; later cards are dropped.
    failed: Option<Error>,
}

impl<'a> Checked<'a> {
    fn new(
        mut deck: Deck,
        name: &'a str,
        out: &'a mut dyn FnMut(&str) -> Result<()>,
        keep: &'a mut dyn FnMut(Card),
    ) -> Result<Checked<'a>> {
        deck.cards = Vec::new();
        let (head, _) = crate::deck::write::to_toml_located(&deck);
        out(&head)?;
        Ok(Checked {
            deck,
            head_len: head.len(),
            name,
            out,
            keep,
            written: 0,
            failed: None,
        })
    }

    fn push(&mut self, card: Card) {
        if self.failed.is_none() {
            self.deck.cards.push(card);
            if self.deck.cards.len() >= CHECK_BATCH {
                self.flush();
            }
        }
    }

    fn flush(&mut self) {
        if self.failed.is_some() || self.deck.cards.is_empty() {
            return;
        }
        let written = check_batch(&mut self.deck, self.name)
            .and_then(|toml| (self.out)(&toml[self.head_len..]));
        match written {
            Ok(()) => {
                self.written += self.deck.cards.len();
                self.deck.cards.drain(..).for_each(&mut *self.keep);
            }
            Err(e) => self.failed = Some(e),
        }
    }

    /// The deck without its cards, and how many were written.
    fn finish(mut self) -> Result<(Deck, usize)> {
        self.flush();
        if let Some(e) = self.failed {
            return Err(e);
        }
        if self.written == 0 {
            return Err(Error::Input {
                path: self.name.to_string(),
                message: "no card of the file makes a valid recall card".into(),
            });
        }
        Ok((self.deck, self.written))
    }
}

/// Drops the cards of `deck` the deck rules refuse, naming each, and returns the rest as TOML.
fn check_batch(deck: &mut Deck, name: &str) -> Result<String> {
    // Dropping a card can only remove problems, but a second look costs little.
    for _ in 0..3 {
        let (toml, starts) = crate::deck::write::to_toml_located(deck);
        let loaded = load_with(toml.as_bytes(), Checks::Errors);
        let errors: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        if errors.is_empty() {
            return Ok(toml);
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
            say(&format!(
                "note: {name}: skipped card {}: {why}",
                deck.cards[card].id
            ));
        }
        let mut i = 0;
        deck.cards.retain(|_| {
            i += 1;
            !refused.contains_key(&(i - 1))
        });
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
        let (errors, _) = crate::setup::report(&src, config);
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
        say(&format!("note: not exported: {s}"));
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

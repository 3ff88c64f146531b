//! Command-line definitions (clap derive) only; `config` turns them into plain settings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  recall study                       study everything due in the bundled SCO deck
  recall study --deck sco --tag dates --new 5
  recall quiz sco -n 20 --seed 7     a graded 20-question test
  recall status                      what is due, per deck
  recall suspended                   suspended cards; `recall unsuspend sco CARD` brings one back
  recall check decks/*.toml          validate decks (exit 1 when problems are found)
  recall show sco --json             every card, generated ones included, for scripts
  recall new mydeck.toml             a starter deck to edit
  recall generate article.txt -o draft.toml
  recall import deck cards.tsv -o cards.toml
  recall export deck sco --format apkg -o sco.apkg
  recall stats                       progress charts in the terminal
  recall export report -o report.html
  recall completions bash > /etc/bash_completion.d/recall";

/// recall: spaced-repetition drills and quizzes in the terminal.
// `--help` leads with the examples and `-h` ends with them; an empty long after-help keeps
// `--help` from printing them a second time at its end.
#[derive(Debug, Parser)]
#[command(
    name = "recall",
    version,
    about,
    before_long_help = EXAMPLES,
    after_help = EXAMPLES,
    after_long_help = ""
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Where progress is stored [env: RECALL_DATA_DIR; default: the XDG data directory]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Where decks are looked up by id [env: RECALL_DECKS; default: ./decks, then DATA_DIR/decks]
    #[arg(long, global = true, value_name = "DIR")]
    pub decks_dir: Option<PathBuf>,
    /// The user config file [default: $XDG_CONFIG_HOME/recall/config.toml]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Plain line mode: no prompts or colours, one answer per input line (also used when
    /// standard input is not a terminal)
    #[arg(long, global = true)]
    pub no_input: bool,
    /// When to use colours
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a spaced-repetition session on what is due
    Study(StudyArgs),
    /// Run a graded test of randomly chosen questions
    Quiz(QuizArgs),
    /// Show per deck how many cards are new, learning and due
    Status(StatusArgs),
    /// Validate decks: every problem with file, line, column and what to do
    Check(CheckArgs),
    /// Print a deck's cards with their answers, generated ones included
    Show(ShowArgs),
    /// Forget the progress of one card (its history is kept)
    Reset(ResetArgs),
    /// List suspended cards (leeches among them), per deck
    Suspended(SuspendedArgs),
    /// Bring suspended cards back with their progress (all of a deck's when no card is named)
    Unsuspend(UnsuspendArgs),
    /// Write a commented starter deck showing every card and fact kind
    New(NewArgs),
    /// Draft a deck from an article (plain text or Markdown), for an instructor to edit
    Generate(GenerateArgs),
    /// Bring decks (or progress) in from other tools
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write decks (or progress) out for other tools
    #[command(subcommand)]
    Export(ExportCommand),
    /// Fit the FSRS parameters to your review history (or suggest a desired retention)
    Optimize(OptimizeArgs),
    /// Statistics: cards by state, answers per day, due forecast, retention, tags, hardest cards
    Stats(StatsArgs),
    /// Merge several learners' progress exports into a per-card class report
    ClassReport(ClassReportArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page (roff) to standard output
    Man,
}

#[derive(Debug, Args)]
pub struct StudyArgs {
    /// Study only this deck (an id or a path to a .toml file); repeatable
    #[arg(long, short)]
    pub deck: Vec<String>,
    /// Study only cards with this tag; repeatable (a card needs any one of them)
    #[arg(long, short)]
    pub tag: Vec<String>,
    /// New cards to introduce today (overrides the daily limit)
    #[arg(long, value_name = "N")]
    pub new: Option<u32>,
    /// Stop after N cards
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// Stop after M minutes (the card on screen is finished)
    #[arg(long, value_name = "M")]
    pub minutes: Option<u32>,
    /// Review ahead or drill chosen tags without changing any schedule
    #[arg(long)]
    pub cram: bool,
    /// Seed for option order, fuzz and cram order (default: from the clock)
    #[arg(long)]
    pub seed: Option<u64>,
    /// Exam date YYYY-MM-DD: intervals are capped so every card is seen before it
    #[arg(long, value_name = "DATE")]
    pub exam: Option<String>,
    /// Order of new cards: taking turns across kinds of question (mixed, the default) or as
    /// the deck is written [default: the deck's `new_order` setting]
    #[arg(long, value_enum, value_name = "ORDER")]
    pub new_order: Option<NewOrderChoice>,
}

/// The order of new cards, as a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewOrderChoice {
    Deck,
    Mixed,
}

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// The deck (an id or a path); default: the only or first known deck
    pub deck: Option<String>,
    /// The deck, named as `recall study --deck` names it (the same as DECK)
    #[arg(
        long = "deck",
        short = 'd',
        value_name = "DECK",
        conflicts_with = "deck"
    )]
    pub deck_flag: Option<String>,
    /// Number of questions
    #[arg(long, short = 'n', default_value_t = 10)]
    pub count: u32,
    /// Only questions with this tag; repeatable
    #[arg(long, short)]
    pub tag: Vec<String>,
    /// Seed for choosing questions and option order (default: from the clock)
    #[arg(long)]
    pub seed: Option<u64>,
    /// Also update the cards' schedules with the quiz answers
    #[arg(long)]
    pub schedule: bool,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Deck files (or deck ids) to validate
    #[arg(required = true)]
    pub decks: Vec<String>,
    /// Treat warnings as problems (exit 1)
    #[arg(long)]
    pub strict: bool,
    /// The deck's previous version: say which cards' questions changed (progress is kept and
    /// learners are told once), which are new and which are gone
    #[arg(long, value_name = "OLD.toml")]
    pub against: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The deck (an id or a path to a .toml file)
    pub deck: String,
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
    /// Show one card, or every card generated from one fact
    #[arg(long, value_name = "ID")]
    pub card: Option<String>,
}

#[derive(Debug, Args)]
pub struct SuspendedArgs {
    /// Only this deck (an id or a path) [default: every known deck]
    pub deck: Option<String>,
}

#[derive(Debug, Args)]
pub struct UnsuspendArgs {
    /// The deck (an id or a path)
    pub deck: String,
    /// The cards to bring back [default: every suspended card of the deck]
    pub cards: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    pub deck: String,
    pub card: String,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Where to write the starter deck
    pub file: PathBuf,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The article: plain text or Markdown
    pub article: PathBuf,
    /// Where to write the draft deck [default: standard output]
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Turn a CSV/TSV (Quizlet, Anki text export), GIFT (Moodle) or .apkg (Anki) file into a deck
    Deck(ImportDeckArgs),
    /// Import a review log (Anki/FSRS CSV: card_id, review_rating, review_time, ...)
    Reviews(ImportReviewsArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DeckFormat {
    /// Tab- or comma-separated: front, back, optional tags
    Tsv,
    /// Moodle GIFT quiz format
    Gift,
    /// Anki package
    Apkg,
}

#[derive(Debug, Args)]
pub struct ImportDeckArgs {
    /// The file to import
    pub file: PathBuf,
    /// Where to write the recall deck [default: standard output]
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// The file's format [default: from its extension]
    #[arg(long, value_enum)]
    pub format: Option<DeckFormat>,
    /// The new deck's id [default: from the file name]
    #[arg(long)]
    pub id: Option<String>,
    /// Import the readable lines even when some lines are malformed
    #[arg(long)]
    pub skip_bad: bool,
    /// A spreadsheet's columns in order, over its header: front, back, explanation, source,
    /// id, tags, guid, or - to leave one out (e.g. id,front,back,-,explanation)
    #[arg(long, value_name = "LIST")]
    pub columns: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write a deck as an Anki package, a Moodle GIFT quiz or a TSV file
    Deck(ExportDeckArgs),
    /// Write one row per card: state, due date, memory, retrievability, lapses, accuracy
    Progress(ExportProgressArgs),
    /// Write the review log in the FSRS tools' layout plus recall's own columns
    Reviews(ExportReviewsArgs),
    /// Write the statistics as one self-contained HTML page with charts
    Report(ExportReportArgs),
}

#[derive(Debug, Args)]
pub struct ExportDeckArgs {
    /// The deck (an id or a path)
    pub deck: String,
    #[arg(long, value_enum)]
    pub format: DeckFormat,
    /// Where to write it [default: standard output; required for apkg]
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// CSV or JSON, for the progress exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct ExportProgressArgs {
    /// Only this deck (an id or a path) [default: every known deck]
    #[arg(long, short)]
    pub deck: Option<String>,
    #[arg(long, value_enum, default_value_t = DataFormat::Csv)]
    pub format: DataFormat,
    /// The learner's name, written into JSON exports for class reports
    #[arg(long, value_name = "NAME")]
    pub learner: Option<String>,
    /// CSV: keep text cells that start with = + - @ as they are. By default such a cell gets
    /// a ' in front, so that a spreadsheet shows it as text instead of running it as a formula
    #[arg(long)]
    pub csv_formulas: bool,
    /// Where to write it (atomically) [default: standard output]
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportReviewsArgs {
    /// Only this deck's answers [default: every answer, imported history included]
    #[arg(long, short)]
    pub deck: Option<String>,
    #[arg(long, value_enum, default_value_t = DataFormat::Csv)]
    pub format: DataFormat,
    /// Where to write it (atomically) [default: standard output]
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportReportArgs {
    /// Only this deck [default: every known deck]
    #[arg(long, short)]
    pub deck: Option<String>,
    /// Where to write the page (atomically) [default: standard output]
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportReviewsArgs {
    /// The review log (CSV with a header)
    pub file: PathBuf,
    /// A CSV of EXTERNAL_ID,DECK:CARD lines: those cards' reviews become recall cards' history
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// Import the good rows even when some rows are bad (each is reported)
    #[arg(long)]
    pub skip_bad: bool,
}

#[derive(Debug, Args)]
pub struct OptimizeArgs {
    /// Suggest a desired retention with the FSRS simulator instead of fitting parameters
    #[arg(long)]
    pub retention: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Only this deck (an id or a path) [default: every known deck and imported history]
    #[arg(long, short)]
    pub deck: Option<String>,
    /// The same numbers as JSON, for scripts
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClassFormat {
    Html,
    Csv,
}

#[derive(Debug, Args)]
pub struct ClassReportArgs {
    /// Learners' progress exports (`recall export progress --format json --learner NAME`)
    #[arg(required = true, value_name = "EXPORT.json")]
    pub exports: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ClassFormat::Html)]
    pub format: ClassFormat,
    /// CSV: keep text cells that start with = + - @ as they are. By default such a cell gets
    /// a ' in front, so that a spreadsheet shows it as text instead of running it as a formula
    #[arg(long)]
    pub csv_formulas: bool,
    /// Where to write it (atomically) [default: standard output]
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

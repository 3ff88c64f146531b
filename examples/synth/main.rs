//! `synth`: makes synthetic decks and review histories for benchmarks and the whole-process
//! timings in `scripts/bench.sh`. Not part of recall itself; run it with
//! `cargo run --release --example synth -- ...`.
//!
//! ```text
//! synth deck --cards 10000 --id synth10k > decks/synth10k.toml
//! synth history --deck decks/synth10k.toml --reviews 1000000 --data-dir DIR [--now RFC3339]
//! synth tsv --rows 10000 > cards.tsv
//! synth revlog --reviews 1000000 [--cards 10000] [--daily] > revlog.csv
//! ```
//!
//! Every output is deterministic (seeded), so figures are comparable between runs.

mod deck;
mod history;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "Synthetic decks and review histories for recall's benchmarks")]
struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    /// A deck of about N cards of every kind (hand-written cards and facts) on standard output.
    Deck {
        #[arg(long)]
        cards: usize,
        #[arg(long, default_value = "synth")]
        id: String,
    },
    /// A review history for a deck, written into DATA_DIR/progress.sqlite3 (created).
    History {
        #[arg(long)]
        deck: PathBuf,
        #[arg(long)]
        reviews: u64,
        #[arg(long)]
        data_dir: PathBuf,
        /// The time the history leads up to (RFC 3339); default: now.
        #[arg(long)]
        now: Option<String>,
        /// Share of cards left new (never studied).
        #[arg(long, default_value_t = 0.2)]
        new_share: f64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// A tab-separated file of ROWS question/answer rows (for `recall import deck`).
    Tsv {
        #[arg(long)]
        rows: usize,
    },
    /// An Anki-style review log CSV, as the shared sample: card_id, review_rating,
    /// review_time (RFC 3339), review_duration (ms); answers simulated with recall's scheduler.
    Revlog {
        #[arg(long)]
        reviews: u64,
        #[arg(long, default_value_t = 10_000)]
        cards: u64,
        /// The time the log leads up to (RFC 3339); default: now.
        #[arg(long)]
        now: Option<String>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Answer each card once a day (a long history), instead of when it is due.
        #[arg(long)]
        daily: bool,
    },
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    match args.what {
        What::Deck { cards, id } => out.write_all(deck::deck(&id, cards).as_bytes())?,
        What::History {
            deck,
            reviews,
            data_dir,
            now,
            new_share,
            seed,
        } => {
            let src = recall::library::read_file(&deck)?;
            let Some(d) = src.deck() else {
                return Err(
                    format!("{} has errors; run `recall check` on it", deck.display()).into(),
                );
            };
            let now = match now {
                Some(n) => n.parse()?,
                None => jiff::Timestamp::now(),
            };
            let spec = history::HistorySpec {
                reviews,
                new_share,
                now,
                seed,
            };
            let n = history::write(&data_dir, &d.id, &d.cards, &spec)?;
            writeln!(
                out,
                "wrote {n} reviews of deck {} into {}",
                d.id,
                data_dir.display()
            )?;
        }
        What::Tsv { rows } => {
            writeln!(out, "question\tanswer")?;
            for i in 0..rows as u64 {
                writeln!(
                    out,
                    "What is the capital of {}?\t{}",
                    deck::word(i * 2),
                    deck::word(i * 2 + 1)
                )?;
            }
        }
        What::Revlog {
            reviews,
            cards,
            now,
            seed,
            daily,
        } => {
            let now = match now {
                Some(n) => n.parse()?,
                None => jiff::Timestamp::now(),
            };
            history::revlog(reviews, cards, now, seed, daily, &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}

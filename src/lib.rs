//! recall: a terminal quiz and flashcard application.
//!
//! The crate is a library with a thin binary (`src/main.rs`) so integration tests and benchmarks
//! can reach the same code. Dependencies point inward: edges (cli, config, ui, store, library)
//! use the core (session, schedule, answer), which uses the model (deck, diagnostic).

pub mod answer;
pub mod cli;
pub mod cmd_decks;
pub mod cmd_progress;
pub mod cmd_study;
pub mod config;
pub mod deck;
pub mod deck_cache;
pub mod diagnostic;
pub mod draft;
pub mod driver;
pub mod error;
pub mod formats;
pub mod grade;
pub mod input;
pub mod json;
pub mod library;
pub mod log_cache;
pub mod numbers;
pub mod output;
pub mod progress;
pub mod run;
pub mod safe_file;
pub mod sanitize;
pub mod schedule;
pub mod session;
pub mod setup;
pub mod store;
pub mod ui;
pub mod wording;

//! recall: a terminal quiz and flashcard application.
//!
//! The crate is a library with a thin binary (`src/main.rs`) so integration tests and benchmarks
//! can reach the same code. Dependencies point inward: edges (cli, config, ui, store) use the
//! core (session, schedule, answer), which uses the model (deck, diagnostic).

pub mod answer;
pub mod deck;
pub mod diagnostic;
pub mod draft;
pub mod formats;
pub mod schedule;
pub mod store;

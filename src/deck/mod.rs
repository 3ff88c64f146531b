//! Decks: the model, the TOML loader (which reads no files: it is given the text), the
//! generation of cards from facts, deck-level checks and the text/JSON views of a deck.
//!
//! Entry points: [`load::load`] (bytes -> deck + diagnostics; runs `generate` and `lint`
//! itself), [`show::write_text`], [`show::to_json`] and [`show::write_card_forms`].

pub mod apart;
pub mod distractors;
pub mod generate;
pub mod item_type;
pub mod lint;
pub mod load;
pub mod model;
pub mod parallel;
pub mod quality;
pub mod show;
pub mod template;
pub mod text;
pub mod write;

pub use model::*;

//! Decks: the model, the TOML loader (which reads no files: it is given the text), the
//! generation of cards from facts, and deck-level checks.

pub mod generate;
pub mod load;
pub mod model;
pub mod template;
pub mod write;

pub use model::*;

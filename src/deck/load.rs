//! Parse deck text into a `Deck`, collecting every problem as a `Diagnostic` with its span.

use crate::deck::Deck;
use crate::diagnostic::Diagnostic;

/// The result of loading one deck: the deck if it could be built (even with warnings), and all
/// diagnostics found. A deck with any error-severity diagnostic must not be studied.
#[derive(Debug, Default)]
pub struct Loaded {
    pub deck: Option<Deck>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Load a deck from its raw bytes (which may not be UTF-8). Never panics.
pub fn load(bytes: &[u8]) -> Loaded {
    let _ = bytes;
    unimplemented!("deck loader")
}

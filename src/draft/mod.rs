//! Drafting a deck from an article (in progress).

//! The SQLite progress store: card states, the append-only review log, and migrations.

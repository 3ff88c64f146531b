//! English for generated questions (placeholder while the module is built).

pub mod clause;
pub mod count;
pub mod date;
pub mod event;
pub mod noun;
pub mod plural;
pub mod template;
pub mod verb;

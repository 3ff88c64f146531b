//! The only code that talks to a person during a session: consoles, card rendering, the study
//! and quiz drivers.

pub mod console;
pub mod media;
pub mod render;
pub mod study;

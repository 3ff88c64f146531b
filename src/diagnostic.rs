//! Problems found in a deck, located by byte span and rendered as file:line:col with a caret.

use crate::deck::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Span,
    /// What is wrong, e.g. "unknown field `anwser` in card `rats`".
    pub message: String,
    /// What to do, e.g. "did you mean `answer`?".
    pub help: Option<String>,
    /// Other places involved (e.g. the first definition of a duplicate id).
    pub related: Vec<(Span, String)>,
}

//! The error type of the command-line edges and the exit codes it maps to.
//!
//! Exit codes (documented in the README and tested):
//! - 0: success (`check`: the decks are clean);
//! - 1: problems found (`check` found errors, or warnings with `--strict`);
//! - 2: usage error, unreadable input or output, a refused progress database.

use std::fmt;
use std::path::PathBuf;

/// The process exit status. Kept as an enum so every place that ends the program agrees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    Success = 0,
    Problems = 1,
    Failure = 2,
}

impl ExitCode {
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// Everything that can stop a command. Messages say what happened and what to do.
#[derive(Debug)]
pub enum Error {
    /// A file or directory could not be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
        action: &'static str,
    },
    /// A deck has errors; they were already printed as diagnostics.
    DeckInvalid {
        path: String,
        errors: usize,
    },
    /// A deck named on the command line is not known.
    UnknownDeck {
        name: String,
        known: Vec<String>,
    },
    UnknownCard {
        deck: String,
        card: String,
    },
    /// The progress store refused to open or failed.
    Store(crate::store::StoreError),
    /// Anything the user asked for that cannot be done, with advice.
    Usage(String),
    /// A problem in input other than a deck (config file, import file), with its location.
    Input {
        path: String,
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io {
                path,
                source,
                action,
            } => {
                write!(f, "cannot {action} {}: {source}", path.display())
            }
            Error::DeckInvalid { path, errors } => write!(
                f,
                "{path} has {errors} error{}; run `recall check {path}` and fix them first",
                if *errors == 1 { "" } else { "s" }
            ),
            Error::UnknownDeck { name, known } => {
                write!(f, "no deck named `{name}`")?;
                if known.is_empty() {
                    write!(
                        f,
                        "; no decks were found (put TOML decks in ./decks or pass a file path)"
                    )
                } else {
                    write!(
                        f,
                        "; known decks: {} (or pass a path to a .toml file)",
                        known.join(", ")
                    )
                }
            }
            Error::UnknownCard { deck, card } => write!(
                f,
                "deck `{deck}` has no card `{card}`; `recall show {deck}` lists the card ids"
            ),
            Error::Store(e) => write!(f, "{e}"),
            Error::Usage(msg) => f.write_str(msg),
            Error::Input { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
            action,
        }
    }

    /// True when the reader of standard output went away (`recall show | head`): not worth a
    /// message, the output simply stops.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// Every error is a failure to run (2) except invalid decks, which are problems found (1).
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::DeckInvalid { .. } => ExitCode::Problems,
            _ => ExitCode::Failure,
        }
    }
}

impl From<crate::store::StoreError> for Error {
    fn from(e: crate::store::StoreError) -> Error {
        Error::Store(e)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_documented_values() {
        assert_eq!(ExitCode::Success.code(), 0);
        assert_eq!(ExitCode::Problems.code(), 1);
        assert_eq!(ExitCode::Failure.code(), 2);
    }

    #[test]
    fn invalid_deck_is_a_problem_not_a_failure() {
        let e = Error::DeckInvalid {
            path: "d.toml".into(),
            errors: 2,
        };
        assert_eq!(e.exit_code(), ExitCode::Problems);
        assert_eq!(
            e.to_string(),
            "d.toml has 2 errors; run `recall check d.toml` and fix them first"
        );
    }

    #[test]
    fn unknown_deck_lists_known_ones() {
        let e = Error::UnknownDeck {
            name: "x".into(),
            known: vec!["sco".into()],
        };
        assert_eq!(e.exit_code(), ExitCode::Failure);
        assert_eq!(
            e.to_string(),
            "no deck named `x`; known decks: sco (or pass a path to a .toml file)"
        );
    }
}

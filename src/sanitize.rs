//! The one sanitiser for text that reaches a terminal. Decks, imported files, review logs and
//! learners' progress files are untrusted: printed raw, their text could move the cursor,
//! clear the screen, retitle the window, recolour the terminal or reorder what a reader sees.
//!
//! - [`inert`] / [`inert_line`]: a string with every dangerous character written as a visible
//!   escape (`\u{1b}`), for messages, diagnostics and session text.
//! - [`Inert`]: a writer doing the same to a stream, for text formats (CSV, TSV, GIFT) written
//!   to standard output when it is a terminal. Written to a file or a pipe they stay exact.
//! - [`eprintln_inert!`](crate::eprintln_inert): `eprintln!` through [`inert`], for messages.
//! - [`is_dangerous`]: the characters in question, also what JSON output escapes as `\uXXXX`
//!   (see `crate::json`), so every machine format that can escape does so the same way.

use std::borrow::Cow;
use std::io::{self, Write};

/// `eprintln!` with the text made [`inert`]: for every message that may quote a file (ids,
/// column names, notes about other learners' exports, file names).
#[macro_export]
macro_rules! eprintln_inert {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::sanitize::inert(&format!($($arg)*)))
    };
}

/// Control characters (C0, DEL and C1, where U+009B is an 8-bit CSI) and the invisible
/// bidirectional marks and overrides, which make a line read differently from what it holds.
pub fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with control characters (except newline and tab), terminal escapes and bidirectional
/// overrides replaced by visible escapes such as `\u{1b}`, so printing it cannot move the
/// cursor, recolour the terminal or reorder what the reader reads.
pub fn inert(s: &str) -> Cow<'_, str> {
    escape(s, |c| is_dangerous(c) && c != '\n' && c != '\t')
}

/// Like [`inert`], but also escapes newlines and tabs: for text that must stay on one line.
pub fn inert_line(s: &str) -> Cow<'_, str> {
    escape(s, is_dangerous)
}

fn escape(s: &str, needs: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn push_escape(out: &mut String, c: char) {
    use std::fmt::Write as _;
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// A writer that passes text on inert: what [`inert`] does to a string, done to a stream
/// whose characters may be split between writes. A carriage return is kept before a line
/// feed (CSV ends its records with CR LF), and bytes that are not UTF-8 are written as
/// `\x..`. Call [`Inert::finish`] at the end, for a character left incomplete.
pub struct Inert<W: Write> {
    out: W,
    /// Bytes of a character (or a carriage return) not yet complete.
    pending: Vec<u8>,
}

impl<W: Write> Inert<W> {
    pub fn new(out: W) -> Inert<W> {
        Inert {
            out,
            pending: Vec::new(),
        }
    }

    /// Writes what is still pending (an incomplete character as `\x..` escapes, a final
    /// carriage return as `\u{d}`), flushes, and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.flush_pending()?;
        self.out.flush()?;
        Ok(self.out)
    }

    fn flush_pending(&mut self) -> io::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        let mut text = String::new();
        for b in pending {
            if b == b'\r' {
                push_escape(&mut text, '\r');
            } else {
                text.push_str(&format!("\\x{b:02x}"));
            }
        }
        self.out.write_all(text.as_bytes())
    }

    /// Sanitises `bytes` (which follow `pending`) and writes what is complete.
    fn pass(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut buf = std::mem::take(&mut self.pending);
        buf.extend_from_slice(bytes);
        let mut text = String::with_capacity(buf.len() + 16);
        let mut rest = &buf[..];
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    let keep = self.push_text(&mut text, s);
                    self.pending.extend_from_slice(&s.as_bytes()[keep..]);
                    break;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    let s = std::str::from_utf8(&rest[..good]).unwrap_or_default();
                    let keep = self.push_text(&mut text, s);
                    if keep < s.len() {
                        // A carriage return just before a bad byte: it is not before a line feed.
                        push_escape(&mut text, '\r');
                    }
                    match e.error_len() {
                        Some(n) => {
                            for b in &rest[good..good + n] {
                                text.push_str(&format!("\\x{b:02x}"));
                            }
                            rest = &rest[good + n..];
                        }
                        None => {
                            // An incomplete character at the end: wait for its other bytes.
                            self.pending.extend_from_slice(&rest[good..]);
                            break;
                        }
                    }
                }
            }
        }
        self.out.write_all(text.as_bytes())
    }

    /// Appends `s` made inert to `text`, except a carriage return at its very end (whether
    /// a line feed follows is not known yet): returns how many bytes of `s` were used.
    fn push_text(&self, text: &mut String, s: &str) -> usize {
        let used = if s.ends_with('\r') {
            s.len() - 1
        } else {
            s.len()
        };
        let mut chars = s[..used].char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            let before_lf = c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n');
            if is_dangerous(c) && c != '\n' && c != '\t' && !before_lf {
                push_escape(text, c);
            } else {
                text.push(c);
            }
        }
        used
    }
}

impl<W: Write> Write for Inert<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pass(bytes)?;
        Ok(bytes.len())
    }

    /// Flushes the inner writer; a character still incomplete stays pending.
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streamed(chunks: &[&[u8]]) -> String {
        let mut w = Inert::new(Vec::new());
        for c in chunks {
            w.write_all(c).unwrap();
        }
        String::from_utf8(w.finish().unwrap()).unwrap()
    }

    #[test]
    fn inert_escapes_controls_and_bidi_but_keeps_newlines_and_tabs() {
        assert_eq!(
            inert("a\u{1b}[2Jb\tc\nd\u{202e}e\u{9b}f"),
            "a\\u{1b}[2Jb\tc\nd\\u{202e}e\\u{9b}f"
        );
        assert!(matches!(inert("plain text"), Cow::Borrowed(_)));
        assert_eq!(inert("c\r"), "c\\u{d}");
    }

    #[test]
    fn inert_line_escapes_newlines_and_tabs_too() {
        assert_eq!(inert_line("a\nb\tc"), "a\\u{a}b\\u{9}c");
    }

    #[test]
    fn dangerous_characters_are_controls_and_bidi_marks() {
        for c in [
            '\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{200f}', '\u{202e}',
            '\u{2066}',
        ] {
            assert!(is_dangerous(c), "{c:?}");
        }
        for c in ['a', 'é', '中', ' ', '\u{2014}', '\u{200d}'] {
            assert!(!is_dangerous(c), "{c:?}");
        }
    }

    #[test]
    fn the_writer_makes_a_stream_inert_like_a_string() {
        let text = "id,prompt\r\nx,\u{1b}]0;owned\u{7} \u{9b}31m \u{202e}rev\r\n";
        assert_eq!(
            streamed(&[text.as_bytes()]),
            inert(text).replace("\\u{d}\n", "\r\n")
        );
        assert_eq!(
            streamed(&[text.as_bytes()]),
            "id,prompt\r\nx,\\u{1b}]0;owned\\u{7} \\u{9b}31m \\u{202e}rev\r\n"
        );
    }

    #[test]
    fn the_writer_joins_characters_split_between_writes() {
        let bytes = "é\u{9b}中".as_bytes();
        for cut in 0..=bytes.len() {
            assert_eq!(
                streamed(&[&bytes[..cut], &bytes[cut..]]),
                "é\\u{9b}中",
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn the_writer_keeps_a_carriage_return_only_before_a_line_feed() {
        assert_eq!(streamed(&[b"a\r", b"\nb"]), "a\r\nb");
        assert_eq!(streamed(&[b"a\r", b"b"]), "a\\u{d}b");
        assert_eq!(streamed(&[b"a\r"]), "a\\u{d}");
        assert_eq!(streamed(&[b"a\r\xff"]), "a\\u{d}\\xff");
    }

    #[test]
    fn the_writer_shows_bytes_that_are_not_utf8() {
        assert_eq!(streamed(&[b"a\xffb"]), "a\\xffb");
        assert_eq!(streamed(&[b"a\xe4"]), "a\\xe4");
    }
}

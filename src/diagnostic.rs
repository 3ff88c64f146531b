//! Problems found in a deck, located by byte span and rendered as file:line:col with a caret.
//!
//! Decks are untrusted text, so everything shown from them passes through [`inert`] first
//! (the one sanitiser, `crate::sanitize`, re-exported here for the deck code).
//!
//! API:
//! - [`Diagnostic`]: severity, span, message, optional help, related spans; build one with
//!   [`Diagnostic::error`] or [`Diagnostic::warning`], then [`Diagnostic::with_help`] and
//!   [`Diagnostic::with_related`]. [`Diagnostic::line_col`] gives the 1-based line and column.
//! - [`render`]: writes a diagnostic like rustc does (`error: ...`, `--> file:line:col`, the
//!   source line, a caret, `= help:`, then a `note:` block per related span).
//! - [`summary`]: "2 errors, 1 warning in decks/x.toml".
//! - [`inert`]: makes control characters and terminal escapes printable and harmless.
//!
//! For a file that is not UTF-8, render with `String::from_utf8_lossy(bytes)`: the loader's
//! span points at the first bad byte, and everything before it is the same in the lossy text.

use std::io::{self, Write};

use crate::deck::Span;
pub use crate::sanitize::{inert, inert_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
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

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            span,
            message: message.into(),
            help: None,
            related: Vec::new(),
        }
    }

    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_related(mut self, span: Span, note: impl Into<String>) -> Diagnostic {
        self.related.push((span, note.into()));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The 1-based line and column (in characters) where the diagnostic's span starts.
    pub fn line_col(&self, source: &str) -> (usize, usize) {
        line_col(source, self.span.start)
    }
}

/// The 1-based line and column (counted in characters) of byte `offset` in `source`. An offset
/// past the end or inside a character is moved back to the nearest character boundary. For
/// many offsets into one text, [`LineIndex`] finds each without reading the text again.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_boundary(source, offset);
    let before = &source.as_bytes()[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    (line, column(source, line_start, offset))
}

/// The 1-based column, in characters, of `offset` in the line starting at `line_start`.
fn column(source: &str, line_start: usize, offset: usize) -> usize {
    // A byte order mark is invisible in editors, so it takes no column.
    source[line_start..offset]
        .trim_start_matches('\u{feff}')
        .chars()
        .count()
        + 1
}

/// Where each line of a text starts: turns byte offsets into lines and columns in time that
/// does not grow with the text, so reporting thousands of problems in a large deck stays
/// linear.
pub struct LineIndex<'s> {
    source: &'s str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    pub fn new(source: &'s str) -> LineIndex<'s> {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex { source, starts }
    }

    /// As [`line_col`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(self.source, offset);
        // The last line starting at or before the offset (a line starts after its newline).
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        (line, column(self.source, self.starts[line - 1], offset))
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "2 errors, 1 warning in decks/x.toml", or "no problems in decks/x.toml".
pub fn summary(file_name: &str, diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let counts = match (errors, warnings) {
        (0, 0) => "no problems".to_string(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    };
    format!("{counts} in {}", inert_line(file_name))
}

/// Longest source line shown; longer lines are cut to a window around the span.
const MAX_LINE: usize = 120;

/// Messages quote what they are about (an id, an answer); a deck can hold a 60,000-character
/// id, which would bury everything else, so a message is cut to this many characters.
const MAX_MESSAGE: usize = 400;

/// A message made inert and cut to [`MAX_MESSAGE`] characters, saying how long it was.
fn clipped(message: &str) -> String {
    let inert = inert_line(message);
    let n = inert.chars().count();
    if n <= MAX_MESSAGE {
        return inert.into_owned();
    }
    let head: String = inert.chars().take(MAX_MESSAGE).collect();
    format!("{head}… (cut: {n} characters in all)")
}

/// One source line prepared for display, with where the underline goes.
struct Snippet {
    line: usize,
    col: usize,
    text: String,
    /// Display columns before the underline and its width (at least 1).
    pad: usize,
    width: usize,
}

/// Tabs become four spaces so the caret lines up; everything else goes through `inert_line`.
fn display(s: &str) -> String {
    inert_line(&s.replace('\t', "    ")).into_owned()
}

fn snippet(lines: &LineIndex, span: Span) -> Snippet {
    let source = lines.source;
    let start = floor_boundary(source, span.start);
    let (line, col) = lines.line_col(start);
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line_end = if source[..line_end].ends_with('\r') && line_end > start {
        line_end - 1
    } else {
        line_end
    };
    let end = floor_boundary(source, span.end.clamp(start, line_end.max(start)));
    let before = display(&source[line_start..start]);
    let marked = display(&source[start..end]);
    let after = display(&source[end..line_end.max(end)]);
    let mut pad = console::measure_text_width(&before);
    let width = console::measure_text_width(&marked).max(1);
    let mut text = format!("{before}{marked}{after}");
    let mut tail_width = 0;
    if console::measure_text_width(&text) > MAX_LINE {
        // Keep some context before the span and cut the rest, marking both cuts.
        let keep_before = pad.min(40);
        let skip = pad - keep_before;
        let chars: Vec<char> = text.chars().collect();
        let lead = if skip > 0 { "…" } else { "" };
        let body: String = chars.iter().skip(skip).take(MAX_LINE).collect();
        let tail = if skip + MAX_LINE < chars.len() {
            "…"
        } else {
            ""
        };
        pad = keep_before + lead.chars().count();
        tail_width = tail.chars().count();
        text = format!("{lead}{body}{tail}");
    }
    // An underline never runs past what is shown of the line.
    let shown = console::measure_text_width(&text).saturating_sub(pad + tail_width);
    let width = width.min(shown).max(1);
    Snippet {
        line,
        col,
        text,
        pad,
        width,
    }
}

struct Paint {
    color: bool,
}

impl Paint {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Write `diag` as rustc would, located in `source` (the text of `file_name`). With `color`,
/// uses ANSI colours; the caller decides (terminal detection is not done here).
pub fn render(
    file_name: &str,
    source: &str,
    diag: &Diagnostic,
    color: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    render_in(file_name, &LineIndex::new(source), diag, color, w)
}

/// Writes every diagnostic as [`render`] does, indexing the text's lines once.
pub fn render_all<'d>(
    file_name: &str,
    source: &str,
    diags: impl IntoIterator<Item = &'d Diagnostic>,
    color: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    let lines = LineIndex::new(source);
    for d in diags {
        render_in(file_name, &lines, d, color, w)?;
    }
    Ok(())
}

fn render_in(
    file_name: &str,
    lines: &LineIndex,
    diag: &Diagnostic,
    color: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    let p = Paint { color };
    let main = snippet(lines, diag.span);
    let related: Vec<(Snippet, &str)> = diag
        .related
        .iter()
        .map(|(span, note)| (snippet(lines, *span), note.as_str()))
        .collect();
    let gutter = std::iter::once(main.line)
        .chain(related.iter().map(|(s, _)| s.line))
        .max()
        .unwrap_or(1)
        .to_string()
        .len();
    let (sev_code, mark_code) = match diag.severity {
        Severity::Error => ("1;31", "1;31"),
        Severity::Warning => ("1;33", "1;33"),
    };
    let file = inert_line(file_name);
    writeln!(
        w,
        "{}{}",
        p.paint(sev_code, diag.severity.label()),
        p.paint("1", &format!(": {}", clipped(&diag.message)))
    )?;
    write_snippet(w, &p, &file, &main, gutter, '^', mark_code)?;
    let pad = " ".repeat(gutter + 1);
    if let Some(help) = &diag.help {
        writeln!(w, "{pad}{} help: {}", p.paint("1;34", "="), clipped(help))?;
    }
    for (snip, note) in &related {
        writeln!(w, "{}: {}", p.paint("1;32", "note"), clipped(note))?;
        write_snippet(w, &p, &file, snip, gutter, '-', "1;34")?;
    }
    Ok(())
}

fn write_snippet(
    w: &mut dyn Write,
    p: &Paint,
    file: &str,
    s: &Snippet,
    gutter: usize,
    mark: char,
    mark_code: &str,
) -> io::Result<()> {
    let blank = " ".repeat(gutter + 1);
    writeln!(
        w,
        "{}{} {file}:{}:{}",
        " ".repeat(gutter),
        p.paint("1;34", "-->"),
        s.line,
        s.col
    )?;
    writeln!(w, "{blank}{}", p.paint("1;34", "|"))?;
    let number = format!("{:>gutter$} |", s.line);
    if s.text.is_empty() {
        writeln!(w, "{}", p.paint("1;34", &number))?;
    } else {
        writeln!(w, "{} {}", p.paint("1;34", &number), s.text)?;
    }
    let marks: String = std::iter::repeat_n(mark, s.width).collect();
    writeln!(
        w,
        "{blank}{} {}{}",
        p.paint("1;34", "|"),
        " ".repeat(s.pad),
        p.paint(mark_code, &marks)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(source: &str, diag: &Diagnostic, color: bool) -> String {
        let mut out = Vec::new();
        render("decks/sco.toml", source, diag, color, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn line_col_counts_characters_from_one() {
        let src = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        // "bé" is three bytes but two characters.
        assert_eq!(line_col(src, 10), (2, 4));
    }

    #[test]
    fn a_huge_message_is_cut_when_shown() {
        let id = "x".repeat(60_000);
        let d = Diagnostic::error(Span::new(0, 1), format!("invalid card id `{id}`"));
        let mut out = Vec::new();
        render("d.toml", "x = 1\n", &d, false, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let first = text.lines().next().unwrap();
        assert!(first.starts_with("error: invalid card id `xxx"), "{first}");
        assert!(
            first.ends_with("… (cut: 60018 characters in all)"),
            "{first}"
        );
        assert!(first.chars().count() < 460, "{}", first.chars().count());
    }

    #[test]
    fn the_line_index_agrees_with_line_col_everywhere() {
        let src = "\u{feff}a = 1\r\nb = \"é\"\n\n[[card]]\nid = \"x\"";
        let lines = LineIndex::new(src);
        for offset in 0..src.len() + 3 {
            assert_eq!(
                lines.line_col(offset),
                line_col(src, offset),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn line_col_clamps_past_the_end_and_inside_characters() {
        assert_eq!(line_col("é", 1), (1, 1));
        assert_eq!(line_col("ab", 99), (1, 3));
    }

    #[test]
    fn render_shows_caret_and_help() {
        let src = "format = 1\n\n\n\n\n\n\n\n\n\n\n\n\nanwser = \"Tashkent\"\n";
        let d = Diagnostic::error(Span::new(23, 29), "unknown field `anwser` in card `rats`")
            .with_help("did you mean `answer`?");
        assert_eq!(
            rendered(src, &d, false),
            "error: unknown field `anwser` in card `rats`\n  --> decks/sco.toml:14:1\n   |\n14 | anwser = \"Tashkent\"\n   | ^^^^^^\n   = help: did you mean `answer`?\n"
        );
    }

    #[test]
    fn render_adds_a_note_block_per_related_span() {
        let src = "id = \"a\"\nid2 = \"a\"\n";
        let d = Diagnostic::error(Span::new(15, 18), "duplicate card id `a`")
            .with_related(Span::new(5, 8), "first defined here");
        assert_eq!(
            rendered(src, &d, false),
            "error: duplicate card id `a`\n --> decks/sco.toml:2:7\n  |\n2 | id2 = \"a\"\n  |       ^^^\nnote: first defined here\n --> decks/sco.toml:1:6\n  |\n1 | id = \"a\"\n  |      ---\n"
        );
    }

    #[test]
    fn render_marks_empty_spans_with_one_caret() {
        let d = Diagnostic::warning(Span::new(3, 3), "x");
        assert_eq!(
            rendered("abc", &d, false),
            "warning: x\n --> decks/sco.toml:1:4\n  |\n1 | abc\n  |    ^\n"
        );
    }

    #[test]
    fn render_makes_escape_sequences_inert_and_keeps_the_caret_aligned() {
        let src = "a\u{1b}[2J = 1";
        let d = Diagnostic::error(Span::new(8, 9), "bad \u{1b}[31m");
        assert_eq!(
            rendered(src, &d, false),
            "error: bad \\u{1b}[31m\n --> decks/sco.toml:1:9\n  |\n1 | a\\u{1b}[2J = 1\n  |              ^\n"
        );
    }

    #[test]
    fn render_stops_the_underline_at_the_end_of_the_line() {
        let d = Diagnostic::error(Span::new(0, 9), "x");
        assert_eq!(
            rendered("ab\r\ncd", &d, false),
            "error: x\n --> decks/sco.toml:1:1\n  |\n1 | ab\n  | ^^\n"
        );
    }

    #[test]
    fn render_with_colour_uses_ansi() {
        let d = Diagnostic::error(Span::new(0, 1), "x");
        let out = rendered("a", &d, true);
        assert!(out.starts_with("\x1b[1;31merror\x1b[0m\x1b[1m: x\x1b[0m\n"));
    }

    #[test]
    fn render_cuts_very_long_lines_around_the_span() {
        let src = format!("{}X{}", "a".repeat(200), "b".repeat(200));
        let d = Diagnostic::error(Span::new(200, 201), "x");
        let out = rendered(&src, &d, false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[3],
            format!("1 | …{}X{}…", "a".repeat(40), "b".repeat(79))
        );
        assert_eq!(lines[4], format!("  | {}^", " ".repeat(41)));
    }

    #[test]
    fn render_keeps_a_long_underline_within_the_cut_line() {
        let src = format!("k = \"{}\"", "z".repeat(300));
        let d = Diagnostic::warning(Span::new(4, 306), "x");
        let out = rendered(&src, &d, false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[3], format!("1 | k = \"{}…", "z".repeat(115)));
        assert_eq!(lines[4], format!("  |     {}", "^".repeat(116)));
    }

    #[test]
    fn summary_counts_and_pluralises() {
        let e = Diagnostic::error(Span::default(), "e");
        let w = Diagnostic::warning(Span::default(), "w");
        assert_eq!(
            summary("x.toml", &[e.clone(), e.clone(), w.clone()]),
            "2 errors, 1 warning in x.toml"
        );
        assert_eq!(summary("x.toml", &[w]), "1 warning in x.toml");
        assert_eq!(summary("x.toml", &[e]), "1 error in x.toml");
        assert_eq!(summary("x.toml", &[]), "no problems in x.toml");
    }
}

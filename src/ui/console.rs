//! The two ways a session talks to a person: plain lines (scripts, tests, screen readers, or
//! when standard input is not a terminal) and an interactive terminal with prompts and keys.

use std::io::{self, BufRead, Write};

/// What a session needs from a terminal. `None` from a read means the learner left (end of
/// input or Ctrl-C): the session ends cleanly, everything answered is already stored.
pub trait Console {
    /// Prints text (one or more lines).
    fn say(&mut self, text: &str) -> io::Result<()>;
    /// Reads an answer line.
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>>;
    /// Reads a grade or command; in a terminal a single key press is enough.
    fn ask_key(&mut self, prompt: &str) -> io::Result<Option<String>>;
    /// Starts a new screen for the next card (a blank line in line mode).
    fn next_screen(&mut self) -> io::Result<()>;
    /// How to colour text for this console.
    fn style(&self) -> Style;
}

/// Colours, or none. Deck text must already be made inert before it is styled.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(
        &self,
        s: &str,
        f: impl Fn(console::StyledObject<&str>) -> console::StyledObject<&str>,
    ) -> String {
        if self.color {
            f(console::style(s)).force_styling(true).to_string()
        } else {
            s.to_string()
        }
    }
    pub fn good(&self, s: &str) -> String {
        self.paint(s, |x| x.green().bold())
    }
    pub fn bad(&self, s: &str) -> String {
        self.paint(s, |x| x.red().bold())
    }
    pub fn warn(&self, s: &str) -> String {
        self.paint(s, |x| x.yellow())
    }
    pub fn dim(&self, s: &str) -> String {
        self.paint(s, |x| x.dim())
    }
    pub fn bold(&self, s: &str) -> String {
        self.paint(s, |x| x.bold())
    }
}

/// Plain line mode over any reader and writer: prompts and feedback as lines on the writer,
/// one answer per input line.
pub struct LineConsole<R, W> {
    input: R,
    output: W,
}

impl<R: BufRead, W: Write> LineConsole<R, W> {
    pub fn new(input: R, output: W) -> Self {
        LineConsole { input, output }
    }

    pub fn into_output(self) -> W {
        self.output
    }

    /// Reads a line; a line that is too long or not UTF-8 is refused with a message and asked
    /// for again.
    fn read_line(&mut self, prompt: &str) -> io::Result<Option<String>> {
        writeln!(self.output, "{prompt}")?;
        self.output.flush()?;
        loop {
            let why = match read_bounded_line(&mut self.input)? {
                Line::Text(line) => return Ok(Some(line)),
                Line::End => return Ok(None),
                Line::TooLong => format!(
                    "That line is longer than {} KiB, so recall did not read it; type it again.",
                    MAX_LINE_BYTES / 1024
                ),
                Line::NotUtf8 => "That line is not UTF-8 text (is the terminal set to another \
                                  encoding?), so recall did not read it; type it again."
                    .to_string(),
            };
            writeln!(self.output, "{why}\n{prompt}")?;
            self.output.flush()?;
        }
    }
}

/// The longest input line read, in bytes: far more than any answer (at most 4,000
/// characters). A longer line is skipped without being kept, so input without a newline
/// cannot fill the memory.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// One line of input.
#[derive(Debug, PartialEq)]
enum Line {
    /// The line, without its line ending.
    Text(String),
    /// The end of the input.
    End,
    TooLong,
    NotUtf8,
}

/// Reads one line, keeping at most [`MAX_LINE_BYTES`] of it.
fn read_bounded_line(input: &mut impl BufRead) -> io::Result<Line> {
    let mut buf: Vec<u8> = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (used, ended) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + used > MAX_LINE_BYTES + 2 {
                too_long = true;
                buf = Vec::new();
            } else {
                buf.extend_from_slice(&chunk[..used]);
            }
        }
        input.consume(used);
        if ended {
            break;
        }
    }
    if !any {
        return Ok(Line::End);
    }
    if too_long {
        return Ok(Line::TooLong);
    }
    while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
        buf.pop();
    }
    Ok(String::from_utf8(buf).map_or(Line::NotUtf8, Line::Text))
}

impl<R: BufRead, W: Write> Console for LineConsole<R, W> {
    fn say(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.output, "{text}")
    }
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        self.read_line(prompt)
    }
    fn ask_key(&mut self, prompt: &str) -> io::Result<Option<String>> {
        self.read_line(prompt)
    }
    fn next_screen(&mut self) -> io::Result<()> {
        writeln!(self.output)
    }
    fn style(&self) -> Style {
        Style { color: false }
    }
}

/// An interactive terminal: dialoguer prompts with line editing for answers, single keys for
/// grades, a fresh screen per card.
pub struct TermConsole {
    term: console::Term,
    color: bool,
}

impl TermConsole {
    pub fn new(color: bool) -> TermConsole {
        // Ctrl-C at a prompt makes the read fail with `Interrupted` instead of killing the
        // process, so the session can end with its summary and the terminal restored.
        // A Ctrl-C typed between two key reads, while the terminal is not raw, arrives only
        // as a signal and the read goes on waiting: if the session has not ended by itself
        // shortly after, end the process here (every acknowledged answer is committed).
        let _ = ctrlc::set_handler(|| {
            std::thread::sleep(std::time::Duration::from_millis(500));
            let _ = console::Term::stdout().show_cursor();
            eprintln!("\nInterrupted: every answer acknowledged so far is saved.");
            std::process::exit(130);
        });
        TermConsole {
            term: console::Term::stdout(),
            color,
        }
    }
}

fn interrupted(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::Interrupted
}

impl Console for TermConsole {
    fn say(&mut self, text: &str) -> io::Result<()> {
        self.term.write_line(text)
    }
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        let theme = dialoguer::theme::SimpleTheme;
        // dialoguer adds its own ": " after the prompt.
        let prompt = match prompt.trim() {
            ">" | "" => "Your answer",
            p => p,
        };
        let r = dialoguer::Input::<String>::with_theme(&theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .interact_text_on(&self.term);
        match r {
            Ok(s) => Ok(Some(s)),
            Err(dialoguer::Error::IO(e)) if interrupted(&e) => Ok(None),
            Err(dialoguer::Error::IO(e)) => Err(e),
        }
    }
    fn ask_key(&mut self, prompt: &str) -> io::Result<Option<String>> {
        self.term.write_line(prompt)?;
        loop {
            match self.term.read_key() {
                Ok(console::Key::Char(c)) => return Ok(Some(c.to_string())),
                Ok(console::Key::Enter) => return Ok(Some(String::new())),
                Ok(console::Key::CtrlC) | Ok(console::Key::Escape) => return Ok(None),
                Ok(_) => continue,
                Err(e) if interrupted(&e) => return Ok(None),
                Err(e) => return Err(e),
            }
        }
    }
    fn next_screen(&mut self) -> io::Result<()> {
        self.term.clear_screen()
    }
    fn style(&self) -> Style {
        Style { color: self.color }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_console_reads_lines_and_reports_end_of_input() {
        let mut c = LineConsole::new(io::Cursor::new("Tashkent\r\n"), Vec::new());
        assert_eq!(c.ask("Where?").unwrap().as_deref(), Some("Tashkent"));
        assert_eq!(c.ask("Again?").unwrap(), None);
        assert_eq!(
            String::from_utf8(c.into_output()).unwrap(),
            "Where?\nAgain?\n"
        );
    }

    #[test]
    fn a_line_too_long_is_skipped_and_asked_again() {
        let mut input = "x".repeat(3 * MAX_LINE_BYTES).into_bytes();
        input.extend_from_slice(b"\nLima\n");
        let mut c = LineConsole::new(io::BufReader::with_capacity(4096, &input[..]), Vec::new());
        assert_eq!(c.ask(">").unwrap().as_deref(), Some("Lima"));
        let out = String::from_utf8(c.into_output()).unwrap();
        assert_eq!(
            out,
            ">\nThat line is longer than 64 KiB, so recall did not read it; type it again.\n>\n"
        );
    }

    #[test]
    fn endless_input_without_a_newline_ends_the_session() {
        let input = "y".repeat(MAX_LINE_BYTES + 10);
        let mut c = LineConsole::new(io::Cursor::new(input), Vec::new());
        assert_eq!(c.ask(">").unwrap(), None);
    }

    #[test]
    fn a_line_at_the_limit_is_read() {
        let line = "z".repeat(MAX_LINE_BYTES);
        let mut c = LineConsole::new(io::Cursor::new(format!("{line}\r\n")), Vec::new());
        assert_eq!(c.ask(">").unwrap(), Some(line));
    }

    #[test]
    fn a_line_that_is_not_utf8_says_so_and_is_asked_again() {
        let mut c = LineConsole::new(io::Cursor::new(b"caf\xe9\ncafe\n".to_vec()), Vec::new());
        assert_eq!(c.ask(">").unwrap().as_deref(), Some("cafe"));
        let out = String::from_utf8(c.into_output()).unwrap();
        assert!(out.contains("That line is not UTF-8 text"), "{out}");
        // The last line of input may lack its newline.
        let mut c = LineConsole::new(io::Cursor::new("Lima"), Vec::new());
        assert_eq!(c.ask(">").unwrap().as_deref(), Some("Lima"));
    }

    #[test]
    fn style_without_colour_is_plain() {
        let s = Style { color: false };
        assert_eq!(s.good("right"), "right");
    }
}

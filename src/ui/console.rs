//! The two ways a session talks to a person: plain lines (scripts, tests, screen readers, or
//! when standard input is not a terminal) and an interactive terminal with prompts and keys.

use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

use crate::answer::MAX_ANSWER_CHARS;

/// What a session needs from a terminal. `None` from a read means the learner left (end of
/// input or Ctrl-C): the session ends cleanly, everything answered is already stored.
pub trait Console {
    /// Prints text (one or more lines).
    fn say(&mut self, text: &str) -> io::Result<()>;
    /// A confirmation of what was just done (graded, suspended, undone). It stays visible until
    /// the next key: a terminal shows it at the top of the next page.
    fn notice(&mut self, text: &str) -> io::Result<()>;
    /// Starts a new screen with `page`. A terminal clears and draws it to fit; line mode
    /// prints what a transcript does not hold yet.
    fn page(&mut self, page: &Page) -> io::Result<()>;
    /// Reads an answer line.
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>>;
    /// Reads a grade or a command: a word ended by Enter, or in a terminal one of `instant`
    /// typed alone, which acts at once (an Enter typed right after it is then ignored). Esc
    /// reads as `q`.
    fn ask_key(&mut self, prompt: &str, instant: &[char]) -> io::Result<Option<String>>;
    /// How to colour text for this console.
    fn style(&self) -> Style;
}

/// What is on screen for one step of a session, in blocks a small terminal may shorten.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub blocks: Vec<Block>,
    /// The prompt that follows the page, which must fit below it.
    pub prompt: String,
}

/// A part of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub text: String,
    pub part: Part,
    /// Drawn again on a terminal's new page (the question and the answer while grading); a
    /// transcript (line mode) has it already.
    pub again: bool,
}

/// What a block is, which says what goes first when a terminal is too small: notes are cut,
/// then the status line goes; the question and the verdict always stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// Explanation and source: shortened line by line when space is short.
    Notes,
    /// The progress line: dropped when space is short.
    Status,
    /// The question and the verdict.
    Keep,
}

impl Page {
    /// Adds a block shown for the first time.
    pub fn push(&mut self, part: Part, text: impl Into<String>) {
        self.add(part, text.into(), false);
    }

    /// Adds a block already shown once, drawn again on a terminal's new page only.
    pub fn again(&mut self, part: Part, text: impl Into<String>) {
        self.add(part, text.into(), true);
    }

    fn add(&mut self, part: Part, text: String, again: bool) {
        if !text.is_empty() {
            self.blocks.push(Block { text, part, again });
        }
    }
}

/// Colours and drawing characters, or none. Deck text must already be made inert before it
/// is styled.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// Block characters such as a progress bar, which a screen reader would read out.
    pub graphics: bool,
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

/// The most bytes of one input line kept: every character of the longest accepted answer, in
/// the widest UTF-8, plus one so that a longer one is still seen to be too long.
const MAX_LINE_BYTES: usize = MAX_ANSWER_CHARS * 4 + 4;

/// The longest input line read to its end (and skipped): nobody types 16 MB without pressing
/// Enter, so a longer one is a device or a binary file (`< /dev/zero`), and reading it to an
/// end that may never come would keep the session waiting forever.
const MAX_SKIPPED_LINE_BYTES: usize = 16 << 20;

/// Lines in a row that are not UTF-8 before standard input is taken for a binary file
/// (`< /dev/urandom`) rather than a terminal set to another encoding.
const MAX_BAD_LINES: usize = 50;

/// Plain line mode over any reader and writer: prompts and feedback as lines on the writer,
/// one answer per input line.
pub struct LineConsole<R, W> {
    input: R,
    output: W,
    /// Set once standard input was found not to be text: every later read is its end.
    stopped: bool,
}

impl<R: BufRead, W: Write> LineConsole<R, W> {
    pub fn new(input: R, output: W) -> Self {
        LineConsole {
            input,
            output,
            stopped: false,
        }
    }

    pub fn into_output(self) -> W {
        self.output
    }

    /// Reads a line. One that is not UTF-8 (a terminal set to another encoding) is refused
    /// with a message saying so and asked for again; a longer line than any answer is cut
    /// (see [`read_bounded_line`]) and the checker says it is too long.
    ///
    /// Input that cannot be a person typing ends the reading, as the end of input does, with a
    /// message: a line of more than [`MAX_SKIPPED_LINE_BYTES`] (`< /dev/zero` never ends one)
    /// or [`MAX_BAD_LINES`] lines in a row that are not UTF-8 (`< /dev/urandom`).
    fn read_line(&mut self, prompt: &str) -> io::Result<Option<String>> {
        writeln!(self.output, "{prompt}")?;
        self.output.flush()?;
        let mut bad_lines = 0;
        loop {
            if self.stopped {
                return Ok(None);
            }
            let (bytes, cut) = match read_bounded_bytes(
                &mut self.input,
                MAX_LINE_BYTES,
                MAX_SKIPPED_LINE_BYTES,
            )? {
                Line::End => return Ok(None),
                Line::Read { bytes, cut } => (bytes, cut),
                Line::Endless => {
                    return self.stop(&format!(
                        "Standard input sent more than {} MB without a line break (is it a \
                         device or a binary file?), so recall stopped reading it.",
                        MAX_SKIPPED_LINE_BYTES >> 20
                    ));
                }
            };
            match String::from_utf8(bytes) {
                Ok(text) => return Ok(Some(text)),
                // Not UTF-8, and not only a character cut in two where the line was cut.
                Err(e) if !cut || e.utf8_error().error_len().is_some() => {
                    bad_lines += 1;
                    if bad_lines >= MAX_BAD_LINES {
                        return self.stop(&format!(
                            "Standard input sent {MAX_BAD_LINES} lines in a row that are not \
                             UTF-8 text (is it a binary file?), so recall stopped reading it."
                        ));
                    }
                    writeln!(
                        self.output,
                        "That line is not UTF-8 text (is the terminal set to another \
                         encoding?), so recall did not read it; type it again.\n{prompt}"
                    )?;
                    self.output.flush()?;
                }
                Err(e) => return Ok(Some(String::from_utf8_lossy(e.as_bytes()).into_owned())),
            }
        }
    }

    /// Stops reading standard input for good, saying why: the session ends as at the end of
    /// input, with every answer given so far saved.
    fn stop(&mut self, why: &str) -> io::Result<Option<String>> {
        self.stopped = true;
        writeln!(self.output, "{why}")?;
        self.output.flush()?;
        Ok(None)
    }
}

/// One line of input without its line ending, keeping at most `max` bytes of it (cut at a
/// character boundary) and skipping the rest, so a huge line costs no memory. `None` at the end
/// of input.
pub fn read_bounded_line(input: &mut impl BufRead, max: usize) -> io::Result<Option<String>> {
    // Cut inside a character, or not UTF-8 at all: keep what decodes.
    Ok(match read_bounded_bytes(input, max, usize::MAX)? {
        Line::Read { bytes, .. } => Some(match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }),
        Line::End | Line::Endless => None,
    })
}

/// One line of input as [`read_bounded_bytes`] reads it.
#[derive(Debug, PartialEq)]
enum Line {
    /// The bytes kept, and whether the line was cut.
    Read { bytes: Vec<u8>, cut: bool },
    /// The end of input.
    End,
    /// A line longer than it is worth reading to its end: the rest of the input is left.
    Endless,
}

/// The bytes of one input line, as [`read_bounded_line`] keeps them, and whether the line was
/// cut; a line still going after `give_up` bytes is [`Line::Endless`].
fn read_bounded_bytes(input: &mut impl BufRead, max: usize, give_up: usize) -> io::Result<Line> {
    let mut kept: Vec<u8> = Vec::new();
    let mut cut = false;
    let mut seen_any = false;
    let mut seen = 0usize;
    loop {
        if seen > give_up {
            return Ok(Line::Endless);
        }
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            if !seen_any {
                return Ok(Line::End);
            }
            break;
        }
        seen_any = true;
        let (chunk, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (&buf[..i], i + 1),
            None => (buf, buf.len()),
        };
        seen = seen.saturating_add(chunk.len());
        let room = max.saturating_sub(kept.len());
        cut |= chunk.len() > room;
        kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let ended = done <= buf.len() && chunk.len() < done;
        input.consume(done);
        if ended {
            break;
        }
    }
    if kept.last() == Some(&b'\r') {
        kept.pop();
    }
    Ok(Line::Read { bytes: kept, cut })
}

impl<R: BufRead, W: Write> Console for LineConsole<R, W> {
    fn say(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.output, "{text}")
    }
    fn notice(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.output, "{text}")
    }
    fn page(&mut self, page: &Page) -> io::Result<()> {
        let fresh = page.blocks.iter().all(|b| !b.again);
        if fresh {
            writeln!(self.output)?;
        }
        for b in page.blocks.iter().filter(|b| !b.again) {
            writeln!(self.output, "{}", b.text)?;
        }
        Ok(())
    }
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        self.read_line(prompt)
    }
    fn ask_key(&mut self, prompt: &str, _instant: &[char]) -> io::Result<Option<String>> {
        self.read_line(prompt)
    }
    fn style(&self) -> Style {
        Style {
            color: false,
            graphics: false,
        }
    }
}

/// How long after a key that acted at once an Enter is taken for a habit (`3⏎`) and ignored.
const STRAY_ENTER: Duration = Duration::from_millis(1500);

/// An interactive terminal: a page per step, fitted to the window and wrapped at word
/// boundaries, line editing for answers, keys for grades.
pub struct TermConsole {
    term: console::Term,
    color: bool,
    /// Confirmations waiting for the next page.
    notices: Vec<String>,
    /// When a key last acted on its own, so that an Enter right after it is ignored.
    acted: Option<Instant>,
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
            notices: Vec::new(),
            acted: None,
        }
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).max(20)
    }

    fn height(&self) -> usize {
        usize::from(self.term.size().0).max(4)
    }

    /// Writes text wrapped to the window.
    fn write_wrapped(&mut self, text: &str) -> io::Result<()> {
        for line in wrap(text, self.width()) {
            self.term.write_line(&line)?;
        }
        Ok(())
    }

    /// Whether an Enter now is the stray one after a key that acted at once.
    fn stray_enter(&mut self) -> bool {
        self.acted.take().is_some_and(|t| t.elapsed() < STRAY_ENTER)
    }
}

fn interrupted(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::Interrupted
}

/// `text` wrapped at word boundaries to `width` columns, line by line (blank lines kept).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let opts = textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .break_words(true);
    let mut out = Vec::new();
    for line in text.split('\n') {
        if line.is_empty() {
            out.push(String::new());
        } else {
            out.extend(
                textwrap::wrap(line, &opts)
                    .into_iter()
                    .map(|l| l.into_owned()),
            );
        }
    }
    out
}

/// The lines of `page` (with `notices` on top) that fit in `height` rows of `width` columns,
/// leaving room for its prompt and the line typed after it. Notes are shortened first (the
/// last line kept ends in "…"), then the status line and the notices are dropped; the question
/// and the verdict are always drawn, even if the window is too small for them.
pub fn fit(page: &Page, notices: &[String], width: usize, height: usize) -> Vec<String> {
    let prompt_rows = wrap(&page.prompt, width).len() + 1;
    let room = height.saturating_sub(prompt_rows);
    let mut blocks: Vec<(Part, Vec<String>)> = notices
        .iter()
        .map(|n| (Part::Status, wrap(n, width)))
        .chain(page.blocks.iter().map(|b| (b.part, wrap(&b.text, width))))
        .collect();
    let rows = |blocks: &[(Part, Vec<String>)]| blocks.iter().map(|(_, l)| l.len()).sum::<usize>();
    // Notes lose lines from the end.
    while rows(&blocks) > room {
        let Some((_, lines)) = blocks
            .iter_mut()
            .rev()
            .find(|(p, l)| *p == Part::Notes && !l.is_empty())
        else {
            break;
        };
        lines.pop();
        if let Some(last) = lines.last_mut() {
            let cut: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{}…", cut.trim_end_matches('…'));
        }
    }
    // Then the status line and the notices go, the oldest first.
    while rows(&blocks) > room {
        let Some(i) = blocks
            .iter()
            .position(|(p, l)| *p == Part::Status && !l.is_empty())
        else {
            break;
        };
        blocks[i].1.clear();
    }
    blocks.into_iter().flat_map(|(_, l)| l).collect()
}

impl Console for TermConsole {
    fn say(&mut self, text: &str) -> io::Result<()> {
        let notices = std::mem::take(&mut self.notices);
        for n in notices {
            self.write_wrapped(&n)?;
        }
        self.write_wrapped(text)
    }
    fn notice(&mut self, text: &str) -> io::Result<()> {
        self.notices.push(text.to_string());
        Ok(())
    }
    fn page(&mut self, page: &Page) -> io::Result<()> {
        let lines = fit(page, &self.notices, self.width(), self.height());
        self.notices.clear();
        self.term.clear_screen()?;
        for line in lines {
            self.term.write_line(&line)?;
        }
        Ok(())
    }
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        // dialoguer adds its own ": " after the prompt.
        let prompt = match prompt.trim() {
            ">" | "" => "Your answer",
            p => p,
        };
        self.term.write_str(&format!("{prompt}: "))?;
        // The first key is read here, so that an Enter left over from a grade typed as `3⏎`
        // does not submit an empty answer; the line editor takes over from the first character.
        let first = loop {
            match self.term.read_key() {
                Ok(console::Key::Enter) if self.stray_enter() => continue,
                Ok(console::Key::Enter) => {
                    self.term.write_line("")?;
                    return Ok(Some(String::new()));
                }
                Ok(console::Key::Char(c)) if !c.is_control() => break c,
                Ok(console::Key::CtrlC) => return Ok(None),
                Ok(_) => continue,
                Err(e) if interrupted(&e) => return Ok(None),
                Err(e) => return Err(e),
            }
        };
        self.acted = None;
        self.term.clear_line()?;
        let theme = dialoguer::theme::SimpleTheme;
        let r = dialoguer::Input::<String>::with_theme(&theme)
            .with_prompt(prompt)
            .with_initial_text(first.to_string())
            .allow_empty(true)
            .interact_text_on(&self.term);
        match r {
            Ok(s) => Ok(Some(s)),
            Err(dialoguer::Error::IO(e)) if interrupted(&e) => Ok(None),
            Err(dialoguer::Error::IO(e)) => Err(e),
        }
    }
    fn ask_key(&mut self, prompt: &str, instant: &[char]) -> io::Result<Option<String>> {
        let notices = std::mem::take(&mut self.notices);
        for n in notices {
            self.write_wrapped(&n)?;
        }
        self.write_wrapped(prompt)?;
        let mut typed = String::new();
        loop {
            match self.term.read_key() {
                Ok(console::Key::Char(c)) if typed.is_empty() && instant.contains(&c) => {
                    self.term.write_line(&c.to_string())?;
                    self.acted = Some(Instant::now());
                    return Ok(Some(c.to_string()));
                }
                Ok(console::Key::Char(c)) if !c.is_control() && typed.chars().count() < 20 => {
                    typed.push(c);
                    self.term.write_str(&c.to_string())?;
                }
                Ok(console::Key::Backspace) => {
                    if typed.pop().is_some() {
                        self.term.clear_chars(1)?;
                    }
                }
                Ok(console::Key::Enter) if typed.is_empty() && self.stray_enter() => continue,
                Ok(console::Key::Enter) => {
                    self.term.write_line("")?;
                    self.acted = None;
                    return Ok(Some(typed));
                }
                Ok(console::Key::Escape) => {
                    self.term.write_line("")?;
                    return Ok(Some("q".to_string()));
                }
                Ok(console::Key::CtrlC) => return Ok(None),
                Ok(_) => continue,
                Err(e) if interrupted(&e) => return Ok(None),
                Err(e) => return Err(e),
            }
        }
    }
    fn style(&self) -> Style {
        Style {
            color: self.color,
            graphics: true,
        }
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
    fn a_huge_line_is_cut_and_the_next_line_still_read() {
        let long = "é".repeat(50_000);
        let input = format!("{long}\nnext\nlast");
        let mut r = io::BufReader::with_capacity(64, io::Cursor::new(input));
        let first = read_bounded_line(&mut r, 9).unwrap().unwrap();
        assert_eq!(first, "éééé\u{fffd}", "cut inside a character");
        assert_eq!(
            read_bounded_line(&mut r, 9).unwrap().as_deref(),
            Some("next")
        );
        assert_eq!(
            read_bounded_line(&mut r, 9).unwrap().as_deref(),
            Some("last")
        );
        assert_eq!(read_bounded_line(&mut r, 9).unwrap(), None);
    }

    #[test]
    fn line_mode_prints_new_blocks_only() {
        let mut c = LineConsole::new(io::Cursor::new(""), Vec::new());
        let mut page = Page::default();
        page.push(Part::Status, "status");
        page.push(Part::Keep, "Question?");
        c.page(&page).unwrap();
        let mut grading = Page::default();
        grading.again(Part::Status, "status");
        grading.again(Part::Keep, "Question?");
        grading.push(Part::Keep, "Right.");
        c.page(&grading).unwrap();
        assert_eq!(
            String::from_utf8(c.into_output()).unwrap(),
            "\nstatus\nQuestion?\nRight.\n"
        );
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_keeps_blank_lines() {
        assert_eq!(
            wrap("What is the capital of Kyrgyzstan?\n\nok", 16),
            ["What is the", "capital of", "Kyrgyzstan?", "", "ok"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn fitting_cuts_notes_then_the_status_but_keeps_the_question() {
        let mut page = Page {
            prompt: "Grade: 1 2 3 4".into(),
            ..Page::default()
        };
        page.push(Part::Status, "status line");
        page.again(Part::Keep, "Question?");
        page.push(Part::Keep, "Right.");
        page.push(Part::Notes, "one\ntwo\nthree");
        let notices = vec!["Good.".to_string()];
        // Everything fits in 10 rows: 7 lines and 2 for the prompt.
        assert_eq!(fit(&page, &notices, 40, 10).len(), 7);
        // In 7 rows, the notes lose two lines.
        assert_eq!(
            fit(&page, &notices, 40, 7),
            ["Good.", "status line", "Question?", "Right.", "one…"]
        );
        // In 4, the notes, then the notice and the status line go.
        assert_eq!(fit(&page, &notices, 40, 4), ["Question?", "Right."]);
        // The question stays even when nothing else fits.
        assert_eq!(fit(&page, &notices, 40, 2), ["Question?", "Right."]);
    }

    #[test]
    fn a_line_that_is_not_utf8_says_so_and_is_asked_again() {
        let mut c = LineConsole::new(io::Cursor::new(b"caf\xe9\ncafe\n".to_vec()), Vec::new());
        assert_eq!(c.ask(">").unwrap().as_deref(), Some("cafe"));
        let out = String::from_utf8(c.into_output()).unwrap();
        assert_eq!(
            out,
            ">\nThat line is not UTF-8 text (is the terminal set to another encoding?), so \
             recall did not read it; type it again.\n>\n"
        );
        // A line cut inside a character is not taken for one that is not UTF-8.
        let long = format!("a{}", "é".repeat(MAX_LINE_BYTES));
        assert!(!long.is_char_boundary(MAX_LINE_BYTES));
        let mut c = LineConsole::new(io::Cursor::new(format!("{long}\n")), Vec::new());
        let got = c.ask(">").unwrap().unwrap();
        assert!(got.starts_with("aé") && got.len() < MAX_LINE_BYTES + 4);
        assert_eq!(String::from_utf8(c.into_output()).unwrap(), ">\n");
    }

    #[test]
    fn input_that_no_one_types_ends_the_reading() {
        // A line that never ends (`< /dev/zero`): given up after the limit, and every later
        // read is the end of input.
        let endless = io::BufReader::new(io::repeat(0));
        let mut c = LineConsole::new(endless, Vec::new());
        assert_eq!(c.ask(">").unwrap(), None);
        assert_eq!(c.ask(">").unwrap(), None);
        let out = String::from_utf8(c.into_output()).unwrap();
        assert_eq!(
            out,
            ">\nStandard input sent more than 16 MB without a line break (is it a device or a \
             binary file?), so recall stopped reading it.\n>\n"
        );
        // Lines that are not UTF-8, one after another (`< /dev/urandom`).
        let binary = b"\xff\xfe\n".repeat(MAX_BAD_LINES * 2);
        let mut c = LineConsole::new(io::Cursor::new(binary), Vec::new());
        assert_eq!(c.ask(">").unwrap(), None);
        let out = String::from_utf8(c.into_output()).unwrap();
        assert_eq!(
            out.matches("That line is not UTF-8").count(),
            MAX_BAD_LINES - 1
        );
        assert!(out.ends_with(
            "Standard input sent 50 lines in a row that are not UTF-8 text (is it a binary \
             file?), so recall stopped reading it.\n"
        ));
        // A long line just under the limit is still read to its end, and the next one taken.
        let mut input = vec![b'a'; MAX_SKIPPED_LINE_BYTES - 10];
        input.extend_from_slice(b"\nLima\n");
        let mut c = LineConsole::new(io::Cursor::new(input), Vec::new());
        assert_eq!(c.ask(">").unwrap().map(|s| s.len()), Some(MAX_LINE_BYTES));
        assert_eq!(c.ask(">").unwrap().as_deref(), Some("Lima"));
    }

    #[test]
    fn style_without_colour_is_plain() {
        let s = Style {
            color: false,
            graphics: false,
        };
        assert_eq!(s.good("right"), "right");
    }
}

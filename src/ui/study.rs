//! Runs a study session or a quiz through a `Console`: draws each step, reads keys and turns
//! them into the session's actions. What an action means and what it stores is decided by the
//! session and the driver; this module only renders and reads.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::answer::{Outcome, Verdict};
use crate::config::Clock;
use crate::deck::{Card, Kind};
use crate::diagnostic::inert;
use crate::driver::{Driver, QuizDriver};
use crate::error::{Error, Result};
use crate::schedule::{Rating, Scheduler};
use crate::session::{
    Action, Event, Graded, Item, Screen, Session, Undid, question_hash, shown_options,
};
use crate::ui::console::{Console, Page, Part, Style};
use crate::ui::{media, render};

/// Limits and settings that belong to the terminal side of a session.
#[derive(Debug, Clone, Default)]
pub struct DriverOptions {
    /// Stop before showing a card once this much time has passed.
    pub minutes: Option<u32>,
    /// Each session deck's file, by the deck's index in the session (`None` for the bundled
    /// deck): its media folder is beside it.
    pub deck_files: Vec<Option<PathBuf>>,
    /// The program that opens media (`None`: the system viewer).
    pub viewer: Option<String>,
}

/// What the session did, for the summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub answered: u32,
    pub correct: u32,
    pub seconds: u64,
    pub quit: bool,
    /// When a card can next be studied (never before the end of the session).
    pub next_due: Option<Timestamp>,
    /// Cards held back until tomorrow because a sibling was studied today.
    pub held_back: usize,
    /// Cards the session still had for today when it ended, and when it ended.
    pub left: usize,
    pub ended: Option<Timestamp>,
}

fn rating_name(r: Rating) -> &'static str {
    match r {
        Rating::Again => "again",
        Rating::Hard => "hard",
        Rating::Good => "good",
        Rating::Easy => "easy",
    }
}

/// Keys that act at the grade prompt without Enter in a terminal.
const GRADE_KEYS: [char; 4] = ['1', '2', '3', '4'];
/// The same, and `o` for a card with attachments.
const GRADE_AND_OPEN_KEYS: [char; 5] = ['1', '2', '3', '4', 'o'];

/// Reads a grade line: 1-4, again/hard/good/easy (or their first letters), Enter for the
/// proposed grade, or a command (undo, suspend, bury, quit, or their first letters).
pub fn parse_command(line: &str) -> Option<Action> {
    let l = line.trim().trim_start_matches(':').to_lowercase();
    Some(match l.as_str() {
        "" => Action::Grade(None),
        "1" | "a" | "again" => Action::Grade(Some(Rating::Again)),
        "2" | "h" | "hard" => Action::Grade(Some(Rating::Hard)),
        "3" | "g" | "good" => Action::Grade(Some(Rating::Good)),
        "4" | "e" | "easy" => Action::Grade(Some(Rating::Easy)),
        "u" | "undo" => Action::Undo,
        "s" | "suspend" => Action::Suspend,
        "b" | "bury" => Action::Bury,
        "q" | "quit" => Action::Quit,
        _ => return None,
    })
}

/// At the answer prompt only `:`-prefixed commands count, so that "q" can still be an answer;
/// a grade there means nothing.
fn answer_command(line: &str) -> Option<Action> {
    let t = line.trim();
    if !(t.starts_with(':') && t.len() > 1) {
        return None;
    }
    parse_command(t).filter(|a| !matches!(a, Action::Grade(_)))
}

/// An order to open a card's attachments: `:o` (or `:open`), all of them, or `:o 2`, the
/// second. At the answer prompt the colon is needed (`o` may be an answer); at the grade prompt
/// `o` alone does (`colon` false). `Some(None)` opens every attachment shown.
fn open_command(line: &str, colon: bool) -> Option<Option<usize>> {
    let t = line.trim();
    let t = match t.strip_prefix(':') {
        Some(rest) => rest,
        None if colon => return None,
        None => t,
    };
    let mut words = t.split_whitespace();
    if !matches!(words.next()?.to_lowercase().as_str(), "o" | "open") {
        return None;
    }
    let which = match words.next() {
        None => None,
        Some(n) => Some(n.parse::<usize>().ok().filter(|n| *n >= 1)?),
    };
    words.next().is_none().then_some(which)
}

/// The attachments of the card on screen: the question's, and once answered the answer's too.
fn attachments(card: &Card, answered: bool) -> Vec<crate::deck::Text> {
    let mut names = card.question_media().to_vec();
    if answered {
        names.extend(card.answer_media().iter().cloned());
    }
    names
}

/// Opens the attachments `which` asks for with the viewer and says, one sentence each, what
/// was opened or why not. Nothing is graded and the card stays on screen.
fn open_attachments(
    names: &[crate::deck::Text],
    which: Option<usize>,
    deck_file: Option<&std::path::Path>,
    viewer: Option<&str>,
) -> Vec<String> {
    if names.is_empty() {
        return vec!["This card has no attachment to open.".to_string()];
    }
    let chosen: Vec<&crate::deck::Text> = match which {
        None => names.iter().collect(),
        Some(n) => match names.get(n - 1) {
            Some(name) => vec![name],
            None => {
                return vec![format!(
                    "There is no attachment {n}: this card has {}.",
                    names.len()
                )];
            }
        },
    };
    chosen
        .into_iter()
        .map(|name| {
            let shown = inert(name);
            let Some(deck) = deck_file else {
                return format!(
                    "Could not open {shown}: the built-in deck has no media folder. The card stays on screen."
                );
            };
            match media::open_media(viewer, deck, name) {
                Ok(()) => format!("Opened {shown}."),
                Err(e) => format!(
                    "Could not open {shown}: {}. The card stays on screen.",
                    inert(e.trim_end_matches('.'))
                ),
            }
        })
        .collect()
}

fn out_err(e: std::io::Error) -> Error {
    Error::io("write to", "the terminal", e)
}

/// When `due` comes, as people say it, seen from `now` on the scheduler's study days.
fn when_due(s: &Scheduler, due: Timestamp, now: Timestamp) -> String {
    let secs = (due.as_second() - now.as_second()).max(0) as u64;
    let days = s
        .study_day(now)
        .until(s.study_day(due))
        .map_or(0, |span| i64::from(span.get_days()));
    render::when(secs, days)
}

fn grade_prompt(session: &Session<'_>, screen: &Screen) -> String {
    let proposal = screen.answer.as_ref().and_then(|a| a.proposal);
    let Some(now) = screen.answer.as_ref().map(|a| a.at) else {
        return String::new();
    };
    let open = if attachments(session.card(screen.item), true).is_empty() {
        ""
    } else {
        "o open, "
    };
    if session.is_cram() {
        return format!("Next: Enter  [u undo, s suspend, b bury, {open}q quit]");
    }
    let scheduler = session.scheduler(screen.item);
    let opts: Vec<String> = session
        .previews()
        .into_iter()
        .map(|(r, due)| {
            format!(
                "{} {} ({})",
                r as u8,
                rating_name(r),
                when_due(scheduler, due, now)
            )
        })
        .collect();
    let accept = match proposal {
        Some(r) => format!("Enter = {} {}", r as u8, rating_name(r)),
        None => "choose 1-4".to_string(),
    };
    format!(
        "Grade: {}  [{accept}; u undo, s suspend, b bury, {open}q quit]",
        opts.join(" · ")
    )
}

/// The page that asks a card.
fn asking_page(session: &Session<'_>, screen: &Screen, style: Style) -> Page {
    let item = screen.item;
    let card = session.card(item);
    let mut page = Page {
        prompt: "> ".into(),
        ..Page::default()
    };
    page.push(Part::Status, header(session, style));
    let stale = session
        .record(item)
        .is_some_and(|r| !r.question_hash.is_empty() && r.question_hash != question_hash(card));
    if stale {
        page.push(
            Part::Keep,
            style.warn(&format!(
                "This question changed since you last studied it; `recall reset {} {}` starts it afresh.",
                session.deck(item).id,
                card.id
            )),
        );
    }
    page.push(Part::Keep, render::question(card, &screen.shown));
    if let Some(line) = render::attachment_line(card.question_media(), ":o") {
        page.push(Part::Keep, line);
    }
    page
}

/// The page that shows the verdict and asks for a grade: in a terminal the question and the
/// answer stay on screen above it.
fn grading_page(session: &Session<'_>, screen: &Screen, prompt: &str, style: Style) -> Page {
    let card = session.card(screen.item);
    let mut page = Page {
        prompt: prompt.to_string(),
        ..Page::default()
    };
    page.again(Part::Status, header(session, style));
    page.again(Part::Keep, render::question(card, &screen.shown));
    if let Some(line) = render::attachment_line(card.question_media(), "o") {
        page.again(Part::Keep, line);
    }
    if let Some(a) = &screen.answer {
        page.again(
            Part::Keep,
            format!("{} {}", style.bold("Your answer:"), render::echo(&a.text)),
        );
        if let Kind::Basic { .. } = card.kind {
            page.push(
                Part::Keep,
                format!("{} {}", style.bold("Answer:"), render::back(card)),
            );
        }
        page.push(Part::Keep, render::feedback(&a.outcome, style));
        if let Some(line) = render::attachment_line(card.answer_media(), "o") {
            page.push(Part::Keep, line);
        }
    }
    page.push(Part::Notes, render::notes(card, style).join("\n"));
    page
}

fn header(session: &Session<'_>, style: Style) -> String {
    render::progress(
        session.tally().answered as usize,
        session.counts(),
        session.is_cram(),
        style,
    )
}

/// The confirmation of a stored grade.
fn graded_notice(session: &Session<'_>, g: &Graded, now: Timestamp, style: Style) -> String {
    if g.leech {
        let item = g.item;
        return style.warn(&format!(
            "This card has been forgotten {} times: it is now tagged as a leech and suspended. \
             Rewrite it or study its fact another way; `recall unsuspend {} {}` brings it back.",
            g.lapses,
            session.deck(item).id,
            inert(session.card(item).id.as_str())
        ));
    }
    if g.cram {
        return style.dim(&format!(
            "Graded {} (cram: no schedule changed).",
            rating_name(g.rating)
        ));
    }
    style.dim(&format!(
        "Next review {} ({}).",
        when_due(session.scheduler(g.item), g.due, now),
        rating_name(g.rating)
    ))
}

/// What a learner sees after an action, as one notice.
fn notice(session: &Session<'_>, event: &Event, now: Timestamp, style: Style) -> Option<String> {
    let name = |item: Item| inert(session.card(item).id.as_str()).into_owned();
    let deck = |item: Item| session.deck(item).id.clone();
    let graded_first = |g: &Option<Graded>| match g {
        Some(g) => format!(
            "Your answer was recorded first ({}). ",
            rating_name(g.rating)
        ),
        None => String::new(),
    };
    Some(match event {
        Event::Graded(g) => graded_notice(session, g, now, style),
        Event::Suspended { item, graded } => format!(
            "{}Suspended {}: it stays out of sessions until `recall unsuspend {} {}`; u undoes it now.",
            graded_first(graded),
            name(*item),
            deck(*item),
            name(*item)
        ),
        Event::Buried {
            item,
            until,
            graded,
        } => format!(
            "{}Buried {} until {until}; u undoes it now.",
            graded_first(graded),
            name(*item)
        ),
        Event::Undone { item, what } => {
            let what = match what {
                Undid::Answer => "answer",
                Undid::Suspend => "suspend",
                Undid::Bury => "bury",
            };
            format!("Undone ({what}): {} comes back.", name(*item))
        }
        Event::Quit { graded: Some(g) } => graded_notice(session, g, now, style),
        _ => return None,
    })
}

/// Runs a study session until the queue is empty, a limit is reached or the learner quits.
pub fn run_study(
    c: &mut dyn Console,
    driver: &mut Driver<'_, '_>,
    clock: &Clock,
    opts: &DriverOptions,
) -> Result<Summary> {
    let started = Instant::now();
    let deadline = opts.minutes.map(|m| Duration::from_secs(u64::from(m) * 60));
    let mut summary = Summary::default();
    let style = c.style();
    // The step last drawn (card, answered), so a page is drawn once per step.
    let mut drawn: Option<(Item, bool)> = None;
    let mut asked_at = Instant::now();
    loop {
        let now = clock.now();
        let between_cards = driver.session.screen().is_none();
        if between_cards && deadline.is_some_and(|d| started.elapsed() >= d) {
            c.say(&style.dim("Time is up for this session."))
                .map_err(out_err)?;
            break;
        }
        if driver.session.show(now).is_none() {
            break;
        }
        let Some(screen) = driver.session.screen() else {
            break;
        };
        let step = (screen.item, screen.answer.is_some());
        let action = if !step.1 {
            if drawn != Some(step) {
                c.page(&asking_page(&driver.session, screen, style))
                    .map_err(out_err)?;
                drawn = Some(step);
                asked_at = Instant::now();
            }
            let Some(line) = c.ask("> ").map_err(out_err)? else {
                summary.quit = true;
                break;
            };
            if let Some(which) = open_command(&line, true) {
                let card = driver.session.card(step.0);
                for said in open_attachments(
                    &attachments(card, false),
                    which,
                    opts.deck_files.get(step.0.deck).and_then(|f| f.as_deref()),
                    opts.viewer.as_deref(),
                ) {
                    c.say(&said).map_err(out_err)?;
                }
                continue;
            }
            answer_command(&line).unwrap_or(Action::Answer {
                text: line,
                ms: asked_at.elapsed().as_millis() as u64,
            })
        } else {
            let prompt = grade_prompt(&driver.session, screen);
            if drawn != Some(step) {
                c.page(&grading_page(&driver.session, screen, &prompt, style))
                    .map_err(out_err)?;
                drawn = Some(step);
            }
            let names = attachments(driver.session.card(step.0), true);
            let keys: &[char] = if names.is_empty() {
                &GRADE_KEYS
            } else {
                &GRADE_AND_OPEN_KEYS
            };
            let Some(line) = c.ask_key(&prompt, keys).map_err(out_err)? else {
                summary.quit = true;
                break;
            };
            if let Some(which) = open_command(&line, false) {
                for said in open_attachments(
                    &names,
                    which,
                    opts.deck_files.get(step.0.deck).and_then(|f| f.as_deref()),
                    opts.viewer.as_deref(),
                ) {
                    c.say(&said).map_err(out_err)?;
                }
                continue;
            }
            match parse_command(&line) {
                Some(a) => a,
                None => {
                    c.say(&format!(
                        "`{}` is not a grade; type 1-4 or again/hard/good/easy, or u, s, b, o, q.",
                        render::echo(&line)
                    ))
                    .map_err(out_err)?;
                    continue;
                }
            }
        };
        let now = clock.now();
        let event = driver.act(action, now)?;
        if let Some(text) = notice(&driver.session, &event, now, style) {
            c.notice(&text).map_err(out_err)?;
        }
        match event {
            Event::AskAgain { hint } => {
                c.say(&style.warn(&ask_again(&hint))).map_err(out_err)?;
            }
            Event::ChooseGrade => c
                .say("Choose a grade first: 1 again, 2 hard, 3 good, 4 easy.")
                .map_err(out_err)?,
            Event::NothingToUndo => c.say("Nothing to undo yet.").map_err(out_err)?,
            Event::Undone { .. } => drawn = None,
            Event::Quit { .. } => {
                summary.quit = true;
                break;
            }
            _ => {}
        }
    }
    let now = clock.now();
    let t = driver.session.tally();
    summary.answered = t.answered;
    summary.correct = t.correct;
    summary.seconds = started.elapsed().as_secs();
    summary.next_due = driver.session.next_due(now);
    summary.held_back = driver.session.held_back();
    summary.left = driver.session.counts().total();
    summary.ended = Some(now);
    Ok(summary)
}

/// Prints the end-of-session summary.
pub fn print_summary(c: &mut dyn Console, s: &Summary, tz: &jiff::tz::TimeZone) -> Result<()> {
    let mut lines = vec![String::new(), c.style().bold("Session summary")];
    lines.push(format!("  Cards studied: {}", s.answered));
    if s.answered > 0 {
        lines.push(format!(
            "  Accuracy: {}/{} ({:.0}%)",
            s.correct,
            s.answered,
            100.0 * f64::from(s.correct) / f64::from(s.answered)
        ));
    }
    lines.push(format!(
        "  Time: {}m {:02}s",
        s.seconds / 60,
        s.seconds % 60
    ));
    match s.next_due {
        Some(t) if s.ended.is_some_and(|end| t <= end) => lines.push(format!(
            "  Next due: now ({} card{} left for today)",
            s.left,
            if s.left == 1 { "" } else { "s" }
        )),
        Some(t) => lines.push(format!(
            "  Next due: {}",
            t.to_zoned_datetime(tz.clone()).strftime("%Y-%m-%d %H:%M")
        )),
        None => lines.push("  Next due: nothing scheduled yet".to_string()),
    }
    if s.held_back > 0 {
        lines.push(format!("  {}", held_back_line(s.held_back)));
    }
    c.say(&lines.join("\n")).map_err(out_err)
}

/// "Held back until tomorrow: 3 siblings ...", for the summary and `status`.
pub fn held_back_line(n: usize) -> String {
    format!(
        "Held back until tomorrow: {n} sibling{} (cards of a fact studied today)",
        if n == 1 { "" } else { "s" }
    )
}

/// Where a quiz's deck keeps its media and what opens them.
#[derive(Debug, Clone, Default)]
pub struct Opener {
    /// The deck's file (`None` for the bundled deck); its media folder is beside it.
    pub deck_file: Option<PathBuf>,
    /// The program that opens media (`None`: the system viewer).
    pub viewer: Option<String>,
}

/// One quiz question's result, for the review of mistakes at the end.
#[derive(Debug, Clone)]
pub struct QuizResult {
    pub card: Card,
    pub given: String,
    pub outcome: Outcome,
}

/// Asks one quiz card until it gets an answer of the card's form. `None` when the learner
/// left or quit.
fn ask_quiz_card(
    c: &mut dyn Console,
    card: &Card,
    shown: &[crate::deck::Text],
    driver: &QuizDriver,
    opener: &Opener,
) -> Result<Option<(String, Outcome, u64)>> {
    let started = Instant::now();
    loop {
        let Some(text) = c.ask("> ").map_err(out_err)? else {
            return Ok(None);
        };
        if let Some(which) = open_command(&text, true) {
            for said in open_attachments(
                card.question_media(),
                which,
                opener.deck_file.as_deref(),
                opener.viewer.as_deref(),
            ) {
                c.say(&said).map_err(out_err)?;
            }
            continue;
        }
        match answer_command(&text) {
            Some(Action::Quit) => return Ok(None),
            Some(_) => {
                c.say("Undo, suspend and bury work in `recall study`; answer the question or :q.")
                    .map_err(out_err)?;
                continue;
            }
            None => {}
        }
        let outcome = driver.check(card, &text, shown);
        if outcome.verdict == Verdict::Invalid {
            let hint = outcome
                .note
                .as_deref()
                .unwrap_or("That is not an answer to this question.");
            c.say(&c.style().warn(&ask_again(hint))).map_err(out_err)?;
            continue;
        }
        return Ok(Some((text, outcome, started.elapsed().as_millis() as u64)));
    }
}

/// Runs a quiz over `cards` (already chosen): each answer is checked and stored by `driver`
/// (schedules change only when its quiz schedules).
pub fn run_quiz(
    c: &mut dyn Console,
    driver: &mut QuizDriver,
    cards: &[Card],
    clock: &Clock,
    seed: u64,
    opener: &Opener,
) -> Result<Vec<QuizResult>> {
    let style = c.style();
    let mut results = Vec::new();
    for (i, card) in cards.iter().enumerate() {
        let shown = shown_options(card, seed);
        let mut page = Page {
            prompt: "> ".into(),
            ..Page::default()
        };
        let mut status = format!(
            "{} question {} of {}",
            style.bold("quiz"),
            i + 1,
            cards.len()
        );
        if style.graphics {
            status.push_str("  ");
            status.push_str(&render::bar(i, cards.len(), 20));
        }
        page.push(Part::Status, status);
        page.push(Part::Keep, render::question(card, &shown));
        if let Some(line) = render::attachment_line(card.question_media(), ":o") {
            page.push(Part::Keep, line);
        }
        c.page(&page).map_err(out_err)?;
        let Some((text, mut outcome, ms)) = ask_quiz_card(c, card, &shown, driver, opener)? else {
            break;
        };
        if let Kind::Basic { .. } = card.kind {
            c.say(&format!("{} {}", style.bold("Answer:"), render::back(card)))
                .map_err(out_err)?;
        }
        if outcome.verdict == Verdict::Unchecked {
            // A basic card in a quiz: the learner says whether they knew it.
            let known = loop {
                match c
                    .ask_key("Did you know it? [y/n]", &['y', 'n'])
                    .map_err(out_err)?
                    .as_deref()
                    .map(str::trim)
                {
                    Some("y") | Some("Y") | Some("yes") | Some("") => break Some(true),
                    Some("n") | Some("N") | Some("no") => break Some(false),
                    None | Some("q") => break None,
                    _ => {}
                }
            };
            let Some(known) = known else { break };
            outcome.verdict = if known {
                Verdict::Correct
            } else {
                Verdict::Wrong
            };
            outcome.score = if known { 1.0 } else { 0.0 };
        } else {
            let mut lines = vec![render::feedback(&outcome, style)];
            lines.extend(render::notes(card, style));
            c.say(&lines.join("\n")).map_err(out_err)?;
        }
        driver.answer(card, &text, &outcome, ms, clock.now())?;
        results.push(QuizResult {
            card: card.clone(),
            given: text,
            outcome,
        });
    }
    Ok(results)
}

/// Prints the score and goes through the mistakes.
pub fn print_quiz_report(c: &mut dyn Console, results: &[QuizResult]) -> Result<()> {
    let style = c.style();
    let score: f32 = results.iter().map(|r| r.outcome.score).sum();
    let right = results
        .iter()
        .filter(|r| r.outcome.verdict.is_accepted())
        .count();
    let mut lines = vec![String::new(), style.bold("Quiz result")];
    if results.is_empty() {
        lines.push("  No questions answered.".to_string());
        return c.say(&lines.join("\n")).map_err(out_err);
    }
    lines.push(format!(
        "  Score: {right}/{} right ({:.0}% with partial credit)",
        results.len(),
        100.0 * score / results.len() as f32
    ));
    let mistakes: Vec<&QuizResult> = results
        .iter()
        .filter(|r| !r.outcome.verdict.is_accepted())
        .collect();
    if !mistakes.is_empty() {
        lines.push(style.bold("Mistakes"));
        for r in mistakes {
            lines.push(format!(
                "  - {}",
                inert(&r.card.prompt).lines().next().unwrap_or_default()
            ));
            lines.push(format!(
                "    You answered: {}",
                if r.given.trim().is_empty() {
                    "(nothing)".into()
                } else {
                    render::echo(&r.given)
                }
            ));
            lines.push(format!("    Answer: {}", inert(&r.outcome.expected)));
            if let Some(e) = &r.card.explain {
                lines.push(format!("    {}", inert(e)));
            }
        }
    }
    c.say(&lines.join("\n")).map_err(out_err)
}

/// What the learner reads when an answer was an input slip: the hint as a sentence, then that
/// nothing was graded.
fn ask_again(hint: &str) -> String {
    let hint = inert(hint.trim_end());
    let stop = if hint.ends_with(['.', '?', '!']) {
        ""
    } else {
        "."
    };
    format!("{hint}{stop} Nothing was graded; try again.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_needs_a_colon_at_the_answer_prompt_only() {
        assert_eq!(open_command(":o", true), Some(None));
        assert_eq!(open_command(" :open 2 ", true), Some(Some(2)));
        assert_eq!(open_command("o", true), None, "o may be an answer");
        assert_eq!(open_command("o", false), Some(None));
        assert_eq!(open_command("O 1", false), Some(Some(1)));
        assert_eq!(open_command(":o 0", false), None);
        assert_eq!(open_command(":o x", false), None);
        assert_eq!(open_command(":o 1 2", false), None);
        assert_eq!(open_command("oslo", false), None);
    }

    #[test]
    fn opening_says_why_not_in_a_sentence() {
        assert_eq!(
            open_attachments(&[], None, None, None),
            ["This card has no attachment to open."]
        );
        let names = vec![crate::deck::Text::from("flag.png")];
        assert_eq!(
            open_attachments(&names, Some(2), None, None),
            ["There is no attachment 2: this card has 1."]
        );
        assert_eq!(
            open_attachments(&names, None, None, None),
            [
                "Could not open flag.png: the built-in deck has no media folder. The card stays on screen."
            ]
        );
        let dir = tempfile::tempdir().unwrap();
        let deck = dir.path().join("geo.toml");
        let said = open_attachments(&names, Some(1), Some(&deck), Some("true"));
        assert_eq!(said.len(), 1);
        assert!(
            said[0].starts_with("Could not open flag.png: ")
                && said[0].contains("is missing")
                && said[0].ends_with(". The card stays on screen."),
            "{said:?}"
        );
        std::fs::create_dir(dir.path().join("geo.media")).unwrap();
        std::fs::write(dir.path().join("geo.media/flag.png"), b"x").unwrap();
        assert_eq!(
            open_attachments(&names, None, Some(&deck), Some("true")),
            ["Opened flag.png."]
        );
    }
}

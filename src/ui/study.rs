//! Drives a study session or a quiz through a `Console`: shows each card, checks the answer,
//! proposes a grade, and commits every answer to the store before the next card appears.

use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::answer::{self, AnswerPool, Outcome, Verdict};
use crate::config::Clock;
use crate::deck::{Card, Kind, Text};
use crate::diagnostic::inert;
use crate::error::{Error, Result};
use crate::schedule::{Rating, Scheduler};
use crate::session::{Grade, Item, Session, shown_options};
use crate::store::{CardRecord, Mode, NewReview, Store};
use crate::ui::console::{Console, Style};
use crate::ui::render;

/// Limits that belong to the terminal side of a session.
#[derive(Debug, Clone, Default)]
pub struct DriverOptions {
    /// Stop before showing a card once this much time has passed.
    pub minutes: Option<u32>,
    pub seed: u64,
}

/// What the session did, for the summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub answered: u32,
    pub correct: u32,
    pub checked: u32,
    pub seconds: u64,
    pub quit: bool,
    pub next_due: Option<Timestamp>,
}

fn rating_name(r: Rating) -> &'static str {
    match r {
        Rating::Again => "again",
        Rating::Hard => "hard",
        Rating::Good => "good",
        Rating::Easy => "easy",
    }
}

/// A line typed at the grade prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Rate(Rating),
    Accept,
    Undo,
    Suspend,
    Bury,
    Quit,
}

/// Reads a grade line: 1-4, again/hard/good/easy, Enter for the proposed grade, or a command.
pub fn parse_command(line: &str) -> Option<Command> {
    let l = line.trim().trim_start_matches(':').to_ascii_lowercase();
    Some(match l.as_str() {
        "" => Command::Accept,
        "1" | "a" | "again" => Command::Rate(Rating::Again),
        "2" | "h" | "hard" => Command::Rate(Rating::Hard),
        "3" | "g" | "good" => Command::Rate(Rating::Good),
        "4" | "e" | "easy" => Command::Rate(Rating::Easy),
        "u" | "undo" => Command::Undo,
        "s" | "suspend" => Command::Suspend,
        "b" | "bury" => Command::Bury,
        "q" | "quit" => Command::Quit,
        _ => return None,
    })
}

/// At the answer prompt only `:`-prefixed commands count, so that "q" can still be an answer.
fn answer_command(line: &str) -> Option<Command> {
    let t = line.trim();
    if t.starts_with(':') && t.len() > 1 {
        parse_command(t)
    } else {
        None
    }
}

fn expected_chars(outcome: &Outcome) -> usize {
    outcome.expected.chars().count()
}

fn grade_prompt(suggested: Option<Rating>, previews: &[(Rating, String)]) -> String {
    let opts: Vec<String> = previews
        .iter()
        .map(|(r, ivl)| format!("{} {} ({ivl})", *r as u8, rating_name(*r)))
        .collect();
    let accept = match suggested {
        Some(r) => format!("Enter = {} {}", r as u8, rating_name(r)),
        None => "choose 1-4".to_string(),
    };
    format!(
        "Grade: {}  [{accept}; u undo, s suspend, b bury, q quit]",
        opts.join(" · ")
    )
}

fn previews(s: &Scheduler, rec: Option<&CardRecord>, now: Timestamp) -> Vec<(Rating, String)> {
    let state = rec
        .map(|r| r.state.clone())
        .unwrap_or_else(|| CardRecord::new(String::new(), now).state);
    s.preview(&state, now)
        .iter()
        .map(|(r, st)| {
            let secs = (st.due.as_second() - now.as_second()).max(0);
            (*r, crate::schedule::describe_interval(secs as u64))
        })
        .collect()
}

/// Shows one card and collects an answer. `Ok(None)` means the learner left or typed a command.
enum Answered {
    Given {
        text: String,
        outcome: Box<Outcome>,
        ms: u64,
    },
    Command(Command),
    Left,
}

/// Asks one card. `pool` is called only once an answer is to be checked, so a session's
/// answer pools can still be in the making while the first question is shown.
fn ask_card<'p>(
    c: &mut dyn Console,
    card: &Card,
    shown: &[Text],
    pool: impl FnOnce() -> &'p AnswerPool,
) -> Result<Answered> {
    c.say(&render::question(card, shown)).map_err(out_err)?;
    let started = Instant::now();
    let line = c.ask("> ").map_err(out_err)?;
    let ms = started.elapsed().as_millis() as u64;
    let Some(text) = line else {
        return Ok(Answered::Left);
    };
    if let Some(cmd) = answer_command(&text) {
        return Ok(Answered::Command(cmd));
    }
    if let Kind::Basic { .. } = card.kind {
        c.say(&format!(
            "{} {}",
            c.style().bold("Answer:"),
            render::back(card)
        ))
        .map_err(out_err)?;
    }
    let outcome = answer::check(&card.kind, &text, shown, pool());
    Ok(Answered::Given {
        text,
        outcome: Box::new(outcome),
        ms,
    })
}

fn out_err(e: std::io::Error) -> Error {
    Error::io("write to", "the terminal", e)
}

/// Runs a study session until the queue is empty, a limit is reached or the learner quits.
/// The answer pools of a session's decks (one per deck, in order), made when the first answer
/// is checked: they are built on another core while the first question is read.
pub struct Pools<'a>(std::cell::LazyCell<Vec<AnswerPool>, MakePools<'a>>);

type MakePools<'a> = Box<dyn FnOnce() -> Vec<AnswerPool> + 'a>;

impl<'a> Pools<'a> {
    /// Pools that `make` gives when first needed.
    pub fn new(make: impl FnOnce() -> Vec<AnswerPool> + 'a) -> Pools<'a> {
        Pools(std::cell::LazyCell::new(Box::new(make)))
    }

    /// The pool of deck `deck`.
    pub fn get(&self, deck: usize) -> &AnswerPool {
        &std::cell::LazyCell::force(&self.0)[deck]
    }
}

pub fn run_study(
    c: &mut dyn Console,
    store: &mut Store,
    session: &mut Session<'_>,
    pools: &Pools<'_>,
    clock: &Clock,
    opts: &DriverOptions,
) -> Result<Summary> {
    let started = Instant::now();
    let deadline = opts.minutes.map(|m| Duration::from_secs(u64::from(m) * 60));
    let mut summary = Summary::default();
    let total_at_start = session.counts().total().max(1);
    let style = c.style();
    loop {
        if deadline.is_some_and(|d| started.elapsed() >= d) {
            c.say(&style.dim("Time is up for this session."))
                .map_err(out_err)?;
            break;
        }
        let now = clock.now();
        let Some(item) = session.next(now) else { break };
        c.next_screen().map_err(out_err)?;
        c.say(&header(session, total_at_start, style))
            .map_err(out_err)?;
        let card = session.card(item).clone();
        let stale = session.record(item).is_some_and(|r| {
            !r.question_hash.is_empty() && r.question_hash != crate::session::question_hash(&card)
        });
        if stale {
            c.say(&style.warn(&format!(
                "This question changed since you last studied it; `recall reset {} {}` starts it afresh.",
                session.deck(item).id,
                card.id
            )))
            .map_err(out_err)?;
        }
        let shown = shown_options(&card, opts.seed);
        let (text, outcome, ms) = match ask_card(c, &card, &shown, || pools.get(item.deck))? {
            Answered::Left => {
                summary.quit = true;
                break;
            }
            Answered::Command(cmd) => {
                if handle_command(c, store, session, item, cmd, now)? {
                    summary.quit = true;
                    break;
                }
                continue;
            }
            Answered::Given { text, outcome, ms } => (text, *outcome, ms),
        };
        let fb = render::feedback(&card, &outcome, style);
        if !fb.is_empty() {
            c.say(&fb).map_err(out_err)?;
        }
        let suggested = (outcome.verdict != Verdict::Unchecked)
            .then(|| answer::suggest_rating(&outcome, ms, expected_chars(&outcome)));
        let pv = if session.is_cram() {
            Vec::new()
        } else {
            previews(session.scheduler(item), session.record(item), now)
        };
        let prompt = if session.is_cram() {
            "Next: Enter  [u undo, s suspend, b bury, q quit]".to_string()
        } else {
            grade_prompt(suggested, &pv)
        };
        let rating = loop {
            let Some(line) = c.ask_key(&prompt).map_err(out_err)? else {
                summary.quit = true;
                break None;
            };
            match parse_command(&line) {
                Some(Command::Rate(r)) => break Some(r),
                Some(Command::Accept) => {
                    if session.is_cram() {
                        break Some(suggested.unwrap_or(Rating::Good));
                    }
                    if let Some(r) = suggested {
                        break Some(r);
                    }
                    c.say("Grade this card: 1 again, 2 hard, 3 good, 4 easy.")
                        .map_err(out_err)?;
                }
                Some(cmd) => {
                    if handle_command(c, store, session, item, cmd, now)? {
                        summary.quit = true;
                    }
                    break None;
                }
                None => {
                    c.say(&format!(
                        "`{}` is not a grade; type 1-4, or u, s, b, q.",
                        inert(&line)
                    ))
                    .map_err(out_err)?;
                }
            }
        };
        if summary.quit {
            break;
        }
        let Some(rating) = rating else { continue };
        let correct = matches!(outcome.verdict, Verdict::Correct | Verdict::Typo)
            || (outcome.verdict == Verdict::Unchecked && rating != Rating::Again);
        let grade = Grade {
            rating,
            answer: text,
            verdict: verdict_name(outcome.verdict).to_string(),
            response_ms: ms,
            correct,
        };
        let planned = session.plan(item, grade, now);
        store.record_review(&planned.review)?;
        if outcome.verdict != Verdict::Unchecked {
            summary.checked += 1;
        }
        let leech = planned.became_leech;
        let next = planned.review.after.state.due;
        let cram = session.is_cram();
        session.apply(planned);
        if leech {
            c.say(&style.warn(&format!(
                "This card has been forgotten {} times: it is now tagged as a leech and suspended. \
                 Rewrite it or study its fact another way; `recall reset` brings it back.",
                session.record(item).map(|r| r.state.lapses).unwrap_or_default()
            )))
            .map_err(out_err)?;
        } else if !cram {
            let secs = (next.as_second() - now.as_second()).max(0) as u64;
            c.say(&style.dim(&format!(
                "Next review in {}.",
                crate::schedule::describe_interval(secs)
            )))
            .map_err(out_err)?;
        }
    }
    let t = session.tally();
    summary.answered = t.answered;
    summary.correct = t.correct;
    summary.seconds = started.elapsed().as_secs();
    summary.next_due = session.next_due();
    Ok(summary)
}

pub fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Correct => "correct",
        Verdict::Typo => "typo",
        Verdict::Partial => "partial",
        Verdict::Wrong => "wrong",
        Verdict::Unchecked => "self-graded",
        Verdict::Invalid => "invalid",
    }
}

/// Carries out undo, suspend, bury or quit. Returns true when the session should end.
fn handle_command(
    c: &mut dyn Console,
    store: &mut Store,
    session: &mut Session<'_>,
    item: Item,
    cmd: Command,
    now: Timestamp,
) -> Result<bool> {
    let deck = session.deck(item).id.clone();
    let card = session.card(item).id.to_string();
    match cmd {
        Command::Quit => return Ok(true),
        Command::Undo => match session.last_answered().map(|r| r.deck.clone()) {
            None => c.say("Nothing to undo yet.").map_err(out_err)?,
            Some(d) => {
                store.undo_last(&d, now)?;
                if let Some(back) = session.undo() {
                    c.say(&format!(
                        "Undone: {} comes back.",
                        inert(session.card(back).id.as_str())
                    ))
                    .map_err(out_err)?;
                }
            }
        },
        Command::Suspend => {
            store.set_suspended(&deck, &card, true)?;
            session.remove(item);
            c.say(&format!(
                "Suspended {card}; it stays out of sessions until `recall reset {deck} {card}`."
            ))
            .map_err(out_err)?;
        }
        Command::Bury => {
            let tomorrow = session
                .today(item, now)
                .tomorrow()
                .map_err(|e| Error::Usage(e.to_string()))?;
            store.bury(&deck, &card, tomorrow)?;
            session.remove(item);
            c.say(&format!("Buried {card} until tomorrow."))
                .map_err(out_err)?;
        }
        Command::Rate(_) | Command::Accept => {}
    }
    Ok(false)
}

fn header(session: &Session<'_>, total: usize, style: Style) -> String {
    let counts = session.counts();
    let done = session.tally().answered as usize;
    let all = (done + counts.total()).max(total);
    format!(
        "{} card {} of {}  new {} · learning {} · review {}  {}",
        style.bold("recall"),
        done + 1,
        all,
        counts.new,
        counts.learning,
        counts.review,
        render::bar(done, all, 20)
    )
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
        Some(t) => lines.push(format!(
            "  Next due: {}",
            t.to_zoned_datetime(tz.clone()).strftime("%Y-%m-%d %H:%M")
        )),
        None => lines.push("  Next due: nothing scheduled yet".to_string()),
    }
    c.say(&lines.join("\n")).map_err(out_err)
}

/// One quiz question's result, for the review of mistakes at the end.
#[derive(Debug, Clone)]
pub struct QuizResult {
    pub card: Card,
    pub given: String,
    pub outcome: Outcome,
}

/// Runs a quiz over `cards` (already chosen), recording each answer in the log; schedules
/// change only when `scheduler` is given.
#[allow(clippy::too_many_arguments)]
pub fn run_quiz(
    c: &mut dyn Console,
    store: &mut Store,
    deck_id: &str,
    cards: &[Card],
    pool: &AnswerPool,
    scheduler: Option<&Scheduler>,
    clock: &Clock,
    seed: u64,
) -> Result<Vec<QuizResult>> {
    let style = c.style();
    let mut results = Vec::new();
    let mut records = match scheduler {
        Some(_) => store.card_records(deck_id)?,
        None => Default::default(),
    };
    for (i, card) in cards.iter().enumerate() {
        c.next_screen().map_err(out_err)?;
        c.say(&format!(
            "{} question {} of {}  {}",
            style.bold("quiz"),
            i + 1,
            cards.len(),
            render::bar(i, cards.len(), 20)
        ))
        .map_err(out_err)?;
        let shown = shown_options(card, seed);
        let (text, outcome, ms) = match ask_card(c, card, &shown, || pool)? {
            Answered::Left | Answered::Command(Command::Quit) => break,
            Answered::Command(_) => {
                c.say("Undo, suspend and bury work in `recall study`; skipping nothing here.")
                    .map_err(out_err)?;
                continue;
            }
            Answered::Given { text, outcome, ms } => (text, *outcome, ms),
        };
        let mut outcome = outcome;
        if outcome.verdict == Verdict::Unchecked {
            // A basic card in a quiz: the learner says whether they knew it.
            let known = loop {
                match c
                    .ask_key("Did you know it? [y/n]")
                    .map_err(out_err)?
                    .as_deref()
                    .map(str::trim)
                {
                    Some("y") | Some("Y") | Some("yes") | Some("") => break Some(true),
                    Some("n") | Some("N") | Some("no") => break Some(false),
                    None => break None,
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
            c.say(&render::feedback(card, &outcome, style))
                .map_err(out_err)?;
        }
        let now = clock.now();
        let rating = answer::suggest_rating(&outcome, ms, expected_chars(&outcome));
        let before = records.get(card.id.as_str()).cloned();
        let mut after = before
            .clone()
            .unwrap_or_else(|| CardRecord::new(crate::session::question_hash(card), now));
        let mode = match scheduler {
            Some(s) => {
                let fuzz =
                    crate::session::fnv1a(&[card.id.as_str(), &now.as_millisecond().to_string()]);
                after.state = s.answer(&after.state, rating, now, fuzz).state;
                Mode::Study
            }
            None => Mode::Quiz,
        };
        let review = NewReview {
            deck: deck_id.to_string(),
            card: card.id.to_string(),
            time: now,
            rating,
            answer: text.clone(),
            verdict: verdict_name(outcome.verdict).to_string(),
            response_ms: ms,
            mode,
            before,
            after: after.clone(),
        };
        if scheduler.is_some() {
            store.record_review(&review)?;
            records.insert(card.id.to_string(), after);
        } else {
            store.record_unscheduled(&review)?;
        }
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
        .filter(|r| matches!(r.outcome.verdict, Verdict::Correct | Verdict::Typo))
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
        .filter(|r| !matches!(r.outcome.verdict, Verdict::Correct | Verdict::Typo))
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
                    inert(&r.given)
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

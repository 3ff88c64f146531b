//! Text for a card as the learner meets it, and for the feedback after an answer. Deck text is
//! untrusted: everything taken from a deck passes through `inert` before it reaches a terminal.

use crate::answer::{MAX_ANSWER_CHARS, Outcome, Verdict};
use crate::deck::{Card, ClozePart, Kind, Text};
use crate::diagnostic::inert;
use crate::session::Counts;
use crate::ui::console::Style;

/// Letters for the right-hand column of a match card.
pub fn letter(i: usize) -> char {
    (b'a' + (i % 26) as u8) as char
}

/// The question, its options and a hint saying how to answer.
pub fn question(card: &Card, shown: &[Text]) -> String {
    let mut out = String::new();
    let prompt = inert(&card.prompt);
    match &card.kind {
        Kind::Basic { .. } => {
            out.push_str(&prompt);
            out.push_str("\n(think of the answer, then press Enter to see it)");
        }
        Kind::Typed { .. } => {
            out.push_str(&prompt);
        }
        Kind::Choice { correct, .. } => {
            out.push_str(&prompt);
            for (i, o) in shown.iter().enumerate() {
                out.push_str(&format!("\n  {}) {}", i + 1, inert(o)));
            }
            if correct.len() > 1 {
                out.push_str(&format!(
                    "\n(choose {} options: numbers such as 1,3 or their text)",
                    correct.len()
                ));
            } else {
                out.push_str("\n(type the option's number or its text)");
            }
        }
        Kind::TrueFalse { .. } => {
            out.push_str(&prompt);
            out.push_str("\n(true or false)");
        }
        Kind::Number { unit, .. } => {
            out.push_str(&prompt);
            if let Some(u) = unit {
                let hint = crate::wording::count::answer_hint(Some(u));
                out.push_str(&format!("\n{}", inert(&hint)));
            }
        }
        Kind::Year { .. } => {
            out.push_str(&prompt);
            out.push_str("\n(a year)");
        }
        Kind::Date { answer } => {
            out.push_str(&prompt);
            out.push_str(match (answer.month, answer.day) {
                (Some(_), Some(_)) => "\n(a date: day, month and year)",
                (Some(_), None) => "\n(a month and year)",
                _ => "\n(a year)",
            });
        }
        Kind::List { items, ordered } => {
            out.push_str(&prompt);
            out.push_str(&format!(
                "\n({} items, separated by commas{})",
                items.len(),
                if *ordered {
                    ", in order"
                } else {
                    ", in any order"
                }
            ));
        }
        Kind::Order { .. } => {
            out.push_str(&prompt);
            for (i, o) in shown.iter().enumerate() {
                out.push_str(&format!("\n  {}) {}", i + 1, inert(o)));
            }
            out.push_str("\n(type the numbers in the right order, e.g. 3 1 2)");
        }
        Kind::Cloze { parts } => {
            if !card.prompt.is_empty() {
                out.push_str(&prompt);
                out.push('\n');
            }
            let mut n = 0;
            for (i, p) in parts.iter().enumerate() {
                match p {
                    ClozePart::Text(t) => out.push_str(&inert(t)),
                    ClozePart::Blank(_) => {
                        n += 1;
                        match parts.get(i + 1) {
                            Some(ClozePart::Hint(hint)) => {
                                out.push_str(&format!("[{n}: ____ ({})]", inert(hint)))
                            }
                            _ => out.push_str(&format!("[{n}: ____]")),
                        }
                    }
                    ClozePart::Hint(_) => {}
                }
            }
            if n > 1 {
                out.push_str(&format!("\n(fill the {n} blanks, separated by semicolons)"));
            } else {
                out.push_str("\n(fill the blank)");
            }
        }
        Kind::Match { pairs } => {
            out.push_str(&prompt);
            for (i, (l, _)) in pairs.iter().enumerate() {
                out.push_str(&format!("\n  {}) {}", i + 1, inert(l)));
            }
            for (i, r) in shown.iter().enumerate() {
                out.push_str(&format!("\n  {}) {}", letter(i), inert(r)));
            }
            out.push_str("\n(pair them, e.g. 1b 2a 3c)");
        }
    }
    out
}

/// The right answer of a basic card, revealed.
pub fn back(card: &Card) -> String {
    match &card.kind {
        Kind::Basic { back } => inert(back).into_owned(),
        _ => String::new(),
    }
}

/// Feedback after an answer: right or wrong, what was close or missing, and the right answer
/// ([`notes`] has the explanation and the source).
pub fn feedback(outcome: &Outcome, style: Style) -> String {
    let mut lines = Vec::new();
    let head = match outcome.verdict {
        Verdict::Correct => style.good("Right."),
        Verdict::Typo => style.good("Right, with a typo."),
        Verdict::Partial => style.warn(&format!("Partly right ({:.0}%).", outcome.score * 100.0)),
        Verdict::Wrong => style.bad("Wrong."),
        Verdict::Unchecked => String::new(),
        Verdict::Invalid => style.warn("Not an answer to this question."),
    };
    if !head.is_empty() {
        lines.push(head);
    }
    if let Some((given, canonical)) = &outcome.typo {
        lines.push(format!(
            "  You wrote {}; it is spelt {}.",
            echo(given),
            inert(canonical)
        ));
    }
    if !outcome.missing.is_empty() {
        let m: Vec<String> = outcome
            .missing
            .iter()
            .map(|s| inert(s).into_owned())
            .collect();
        lines.push(format!("  Missing: {}", m.join(", ")));
    }
    if !outcome.extra.is_empty() {
        let m: Vec<String> = outcome.extra.iter().map(|s| echo(s)).collect();
        lines.push(format!("  Not part of the answer: {}", m.join(", ")));
    }
    if let Some(note) = &outcome.note {
        lines.push(format!("  {}", inert(note)));
    }
    if !matches!(outcome.verdict, Verdict::Correct | Verdict::Unchecked) {
        lines.push(format!(
            "{} {}",
            style.bold("Answer:"),
            inert(&outcome.expected)
        ));
    }
    lines.join("\n")
}

/// The explanation and source note of a card.
pub fn notes(card: &Card, style: Style) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(e) = &card.explain {
        lines.push(inert(e).into_owned());
    }
    if let Some(s) = &card.source {
        lines.push(style.dim(&format!("Source: {}", inert(s))));
    }
    lines
}

/// The line naming a card's media files, shown under the question (`card.question_media()`)
/// or under the answer (`card.answer_media()`): "Attachment: flag.png (:o to open)", with the
/// `key` that opens them at the prompt that follows. `None` when there are none. The session
/// opens them with [`crate::ui::media::open_media`].
pub fn attachment_line(names: &[Text], key: &str) -> Option<String> {
    let names: Vec<String> = names.iter().map(|n| inert(n).into_owned()).collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(format!("Attachment: {one} ({key} to open)")),
        many => Some(format!(
            "Attachments: {} ({key} to open all, {key} 2 for the second)",
            many.join(", ")
        )),
    }
}

/// A text progress bar of `width` cells.
pub fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width)
        .checked_div(total)
        .unwrap_or(width)
        .min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// The progress line of a session: answers given, cards left (each counted once, however often
/// it comes back) by sort, and a bar where the console draws one.
pub fn progress(done: usize, left: Counts, cram: bool, style: Style) -> String {
    let mut out = format!(
        "{} {done} done, {} left",
        style.bold("recall"),
        left.total()
    );
    if !cram {
        out.push_str(&format!(
            " (new {}, learning {}, review {})",
            left.new, left.learning, left.review
        ));
    }
    if style.graphics {
        out.push_str("  ");
        out.push_str(&bar(done, done + left.total(), 20));
    }
    out
}

/// When something is due, said as people say it: "in 1 minute", "in 10 minutes", "in 2
/// hours", "tomorrow", "in 18 days", "in 3 months", "in 1.5 years". `days` is how many study
/// days ahead it falls (0 for later today), which decides between hours and days.
pub fn when(secs: u64, days: i64) -> String {
    let plural = |n: u64, unit: &str| {
        if n == 1 {
            format!("in 1 {unit}")
        } else {
            format!("in {n} {unit}s")
        }
    };
    match days {
        i64::MIN..=0 => {
            if secs < 60 {
                "in under a minute".to_string()
            } else if secs < 3_600 {
                plural(secs.div_ceil(60), "minute")
            } else {
                plural((secs + 1_800) / 3_600, "hour")
            }
        }
        1 => "tomorrow".to_string(),
        2..=59 => format!("in {days} days"),
        60..=364 => plural(((days as f64) / 30.4).round() as u64, "month"),
        _ => {
            let years = days as f64 / 365.0;
            let tenths = (years * 10.0).round() as u64;
            if tenths.is_multiple_of(10) {
                plural(tenths / 10, "year")
            } else {
                format!("in {}.{} years", tenths / 10, tenths % 10)
            }
        }
    }
}

/// What the learner typed, made inert and cut to what an answer may be, for echoing it back.
pub fn echo(given: &str) -> String {
    let text = inert(given);
    if text.chars().count() <= MAX_ANSWER_CHARS {
        return text.into_owned();
    }
    let cut: String = text.chars().take(MAX_ANSWER_CHARS).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachments_are_named_with_the_key_that_opens_them() {
        assert_eq!(attachment_line(&[], "o"), None);
        assert_eq!(
            attachment_line(&["flag.png".into()], ":o").as_deref(),
            Some("Attachment: flag.png (:o to open)")
        );
        assert_eq!(
            attachment_line(&["a.png".into(), "b\u{1b}[2J.mp3".into()], "o").as_deref(),
            Some("Attachments: a.png, b\\u{1b}[2J.mp3 (o to open all, o 2 for the second)")
        );
    }

    #[test]
    fn bar_fills_in_proportion() {
        assert_eq!(bar(0, 4, 4), "░░░░");
        assert_eq!(bar(2, 4, 4), "██░░");
        assert_eq!(bar(5, 4, 4), "████");
        assert_eq!(bar(0, 0, 2), "██");
    }

    #[test]
    fn intervals_read_as_people_say_them() {
        let cases: &[(u64, i64, &str)] = &[
            (30, 0, "in under a minute"),
            (60, 0, "in 1 minute"),
            (61, 0, "in 2 minutes"),
            (600, 0, "in 10 minutes"),
            (3_600, 0, "in 1 hour"),
            (5_400, 0, "in 2 hours"),
            (3 * 3_600, 1, "tomorrow"),
            (86_400 * 2, 2, "in 2 days"),
            (86_400 * 18, 18, "in 18 days"),
            (0, 59, "in 59 days"),
            (0, 60, "in 2 months"),
            (0, 91, "in 3 months"),
            (0, 365, "in 1 year"),
            (0, 548, "in 1.5 years"),
        ];
        for &(secs, days, want) in cases {
            assert_eq!(when(secs, days), want, "{secs} s, {days} days");
        }
    }

    #[test]
    fn the_progress_line_counts_what_is_left_and_draws_a_bar_only_where_asked() {
        let left = Counts {
            new: 2,
            learning: 1,
            review: 0,
        };
        let plain = Style {
            color: false,
            graphics: false,
        };
        assert_eq!(
            progress(3, left, false, plain),
            "recall 3 done, 3 left (new 2, learning 1, review 0)"
        );
        assert_eq!(progress(3, left, true, plain), "recall 3 done, 3 left");
        let term = Style {
            graphics: true,
            ..plain
        };
        assert!(progress(3, left, false, term).ends_with("██████████░░░░░░░░░░"));
    }

    #[test]
    fn echoes_are_cut_to_the_longest_answer() {
        assert_eq!(echo("Paris"), "Paris");
        let long = "a".repeat(MAX_ANSWER_CHARS + 500);
        assert_eq!(echo(&long).chars().count(), MAX_ANSWER_CHARS + 1);
    }

    #[test]
    fn letters_name_the_right_column() {
        assert_eq!(letter(0), 'a');
        assert_eq!(letter(2), 'c');
    }
}

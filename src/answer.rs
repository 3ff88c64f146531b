//! Answer checking: normalise what the learner typed and compare it with what a card expects.
//!
//! Pure: no printing, clock or files. [`check`] returns an [`Outcome`] saying how right the
//! answer was and why (what was missing, extra or misspelt); [`explain`] turns that into one
//! short line (`crate::grade` proposes a grade from it). The UI renders; this decides.
//! [`normalised`], [`normalised_words`], [`typo_allowance`], [`typo_invariant`] and
//! [`passes_as_typo`] give the same rules to the deck checks, so a check and the checker never
//! disagree.
//!
//! Normalisation (for every text comparison): NFKC, full lowercase, accents stripped, dots and
//! apostrophes joined, other punctuation, hyphens and repeated spaces ignored, articles (a, an,
//! the) dropped except as the last word, and spaces removed before comparing, so
//! "Co-operation", "co operation" and "cooperation" are equal.
//!
//! Typos: a Damerau–Levenshtein distance of 0 for answers up to 4 characters, 1 up to 8, 2 up
//! to 14, 3 beyond; never when a digit differs, and never when another answer of the card or
//! of the deck (the [`AnswerPool`]) is at least as close.
//!
//! Numbers, years and dates are read by [`crate::numbers`], the reader the article extractor
//! uses too: words, scales, ordinals, hedges, units in any spelling, dates at any precision.
//! A card's [`Checking`] adds what its kind cannot say: a person's name in either order,
//! accents that count, units converted. Input that is not an answer of the card's form (a
//! word on a number card, an option number out of range, `maybe` on a true/false card) is
//! [`Verdict::Invalid`] with a hint, so the session asks again instead of grading; "I don't
//! know" is a wrong answer, never a slip.

mod choice;
mod date;
mod items;
mod list;
mod matching;
mod normalize;
mod pool;
mod quantity;
mod sequence;
mod text;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod written;

pub use pool::AnswerPool;
pub use quantity::expected_number;

use crate::deck::{Answer, Card, Checking, Kind, Text};

/// Longer answers are refused outright: nobody types this much, and it bounds the work.
pub const MAX_ANSWER_CHARS: usize = 2000;

/// How an answer was judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Correct,
    /// Accepted, but misspelt.
    Typo,
    /// Some parts right (lists, multiple choice, order, cloze, match).
    Partial,
    Wrong,
    /// A basic card: the learner compares and grades themself.
    Unchecked,
    /// Not an answer of the form this card takes (a word on a numbered-choice card, `maybe` on
    /// a true/false card): an input slip, not a memory failure. The session asks again with
    /// [`Outcome::note`] as a hint; it is never graded or logged.
    Invalid,
}

impl Verdict {
    /// The lowercase name used in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Correct => "correct",
            Verdict::Typo => "typo",
            Verdict::Partial => "partial",
            Verdict::Wrong => "wrong",
            Verdict::Unchecked => "unchecked",
            Verdict::Invalid => "invalid",
        }
    }

    /// Whether the answer counts as right (a typo does).
    pub fn is_accepted(self) -> bool {
        matches!(self, Verdict::Correct | Verdict::Typo)
    }
}

/// The judgement of one answer, with what the UI needs to explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub verdict: Verdict,
    /// From 0 (nothing right) to 1 (all right); partial credit in between.
    pub score: f32,
    /// The right answer, formatted for display.
    pub expected: String,
    /// Expected items the learner left out (or got wrong), as the deck writes them.
    pub missing: Vec<String>,
    /// What the learner gave that does not belong, as they wrote it.
    pub extra: Vec<String>,
    /// (what the learner wrote, the spelling it was close to) for the first accepted typo.
    pub typo: Option<(String, String)>,
    /// A further remark: a wrong unit, a near miss, why the input could not be read.
    pub note: Option<String>,
    /// (right, total) for answers made of several parts.
    pub tally: Option<(usize, usize)>,
}

impl Outcome {
    pub(crate) fn new(verdict: Verdict, score: f32, expected: String) -> Outcome {
        Outcome {
            verdict,
            score,
            expected,
            missing: Vec::new(),
            extra: Vec::new(),
            typo: None,
            note: None,
            tally: None,
        }
    }

    pub(crate) fn wrong(expected: String, note: impl Into<String>) -> Outcome {
        Outcome {
            note: Some(note.into()),
            ..Outcome::new(Verdict::Wrong, 0.0, expected)
        }
    }

    /// Not an answer of the card's form; `hint` says what to type.
    pub(crate) fn invalid(expected: String, hint: impl Into<String>) -> Outcome {
        Outcome {
            note: Some(hint.into()),
            ..Outcome::new(Verdict::Invalid, 0.0, expected)
        }
    }

    /// The verdict for `right` of `total` parts, with `tally` set. Each of `penalty` wrong
    /// additions counts against the score like a missed part, so listing everything in sight
    /// does not pay.
    pub(crate) fn counted(right: usize, total: usize, penalty: usize, expected: String) -> Outcome {
        let denominator = total + penalty;
        let score = if denominator == 0 {
            0.0
        } else {
            right as f32 / denominator as f32
        };
        let verdict = if right == total && penalty == 0 {
            Verdict::Correct
        } else if right > 0 {
            Verdict::Partial
        } else {
            Verdict::Wrong
        };
        Outcome {
            tally: Some((right, total)),
            ..Outcome::new(verdict, score, expected)
        }
    }

    /// A fully right answer that needed a typo allowance is a `Typo`.
    pub(crate) fn with_typo(mut self, typo: Option<(String, String)>) -> Outcome {
        if typo.is_some() && self.verdict == Verdict::Correct {
            self.verdict = Verdict::Typo;
        }
        self.typo = typo;
        self
    }
}

/// The key the checker compares texts by: two texts with the same key are the same answer to
/// it. Exposed so deck checks (`deck::lint`) judge sameness exactly as the checker does.
pub fn normalised(text: &str) -> String {
    normalize::key(text)
}

/// The words of a text as the checker reads them (folded, articles dropped, punctuation gone).
pub fn normalised_words(text: &str) -> Vec<String> {
    normalize::words(text)
}

/// Calls `f` with each of [`normalised_words`] in turn, without allocating a string for each.
pub fn for_each_normalised_word(text: &str, f: impl FnMut(&str)) {
    normalize::for_each_word(text, f)
}

/// How many edits a typo of an answer whose key is `key_chars` characters long may make.
pub fn typo_allowance(key_chars: usize) -> usize {
    normalize::allowed_edits(key_chars)
}

/// What a misspelling of `text` may never change: its digits and its one-letter words ("G20" is
/// not "G21", "Vitamin A" is not "Vitamin B"). Texts whose invariants differ are never taken
/// for each other, so deck checks may compare only texts that share one.
pub fn typo_invariant(text: &str) -> String {
    let mut out = normalize::digits(&normalize::key(text));
    out.push('\u{0}');
    out.push_str(&normalize::single_letters(text));
    out
}

/// Whether, on a card expecting `answer`, `given` would be accepted as a misspelling of it when
/// the rest of the deck is not consulted (an exact match is not a misspelling). During study the
/// checker then refuses it if `given` is itself another answer of the deck.
pub fn passes_as_typo(answer: &Answer, given: &str) -> bool {
    let candidates = matching::Candidate::from_answers([answer]);
    matches!(
        matching::find(given, &candidates, None),
        matching::Found::Typo { .. }
    )
}

/// Judges `given` against what `kind` expects, with the default comparison (accents folded,
/// no unit conversion, names in the order written): see [`check_card`].
pub fn check(kind: &Kind, given: &str, shown: &[Text], pool: &AnswerPool) -> Outcome {
    check_with(kind, Checking::default(), given, shown, pool)
}

/// Judges `given` against `card`, honouring how the card says its answer is compared (a name
/// in either order, accents that count, units converted). `shown` is the order the options
/// were displayed in (choice options, order items, the right column of a match), which option
/// numbers and letters refer to; when empty, the card's own order is assumed. `pool` holds the
/// deck's other answers so a typo never stands in for one of them.
pub fn check_card(card: &Card, given: &str, shown: &[Text], pool: &AnswerPool) -> Outcome {
    check_with(&card.kind, card.checking, given, shown, pool)
}

/// Judges `given` against what `kind` expects, compared as `checking` says.
pub fn check_with(
    kind: &Kind,
    checking: Checking,
    given: &str,
    shown: &[Text],
    pool: &AnswerPool,
) -> Outcome {
    let expected = expected(kind, shown);
    if let Kind::Basic { .. } = kind {
        return Outcome::new(Verdict::Unchecked, 0.0, expected);
    }
    if normalize::is_blank(given) {
        return Outcome::wrong(expected, "No answer given");
    }
    if given.chars().count() > MAX_ANSWER_CHARS {
        return Outcome::wrong(
            expected,
            format!("Answer too long (over {MAX_ANSWER_CHARS} characters)"),
        );
    }
    let given = given.trim();
    // "I don't know" is a memory failure, never an input slip to ask again.
    let strict_form = matches!(
        kind,
        Kind::Choice { .. }
            | Kind::TrueFalse { .. }
            | Kind::Number { .. }
            | Kind::Year { .. }
            | Kind::Date { .. }
    );
    if strict_form && normalize::says_unknown(given) {
        return Outcome::wrong(expected, "Not known");
    }
    match kind {
        Kind::Basic { .. } => Outcome::new(Verdict::Unchecked, 0.0, expected),
        Kind::Typed { answer } => text::check_typed(answer, checking, given, pool, expected),
        Kind::Choice { correct, wrong } => {
            choice::check_choice(correct, wrong, given, shown, expected)
        }
        Kind::TrueFalse { answer } => choice::check_truefalse(*answer, given, shown, expected),
        Kind::Number {
            answer,
            tolerance,
            unit,
        } => quantity::check_number(
            *answer,
            *tolerance,
            unit.as_deref(),
            checking.convert_units,
            given,
            expected,
        ),
        Kind::Year { answer, tolerance } => date::check_year(*answer, *tolerance, given, expected),
        Kind::Date { answer } => date::check_date(answer, given, expected),
        Kind::List { items, ordered } => {
            list::check_list(items, *ordered, checking, given, pool, expected)
        }
        Kind::Order { items } => sequence::check_order(items, given, shown, expected),
        Kind::Cloze { parts } => text::check_cloze(parts, checking, given, pool, expected),
        Kind::Match { pairs } => sequence::check_match(pairs, given, shown, expected),
    }
}

/// The right answer as the learner should see it after answering.
fn expected(kind: &Kind, shown: &[Text]) -> String {
    match kind {
        Kind::Basic { back } => back.to_string(),
        Kind::Typed { answer } => answer.text.to_string(),
        Kind::Choice { correct, wrong } => choice::expected_choice(correct, wrong, shown),
        Kind::TrueFalse { answer } => if *answer { "True" } else { "False" }.to_string(),
        Kind::Number {
            answer,
            tolerance,
            unit,
        } => quantity::expected_number(*answer, *tolerance, unit.as_deref()),
        Kind::Year { answer, tolerance } => date::expected_year(*answer, *tolerance),
        Kind::Date { answer } => date::expected_date(answer),
        Kind::List { items, ordered } => list::expected_list(items, *ordered),
        Kind::Order { items } => sequence::expected_order(items, shown),
        Kind::Cloze { parts } => text::expected_cloze(parts),
        Kind::Match { pairs } => sequence::expected_match(pairs, shown),
    }
}

/// One short line explaining an outcome, e.g. "Close: you wrote Tashkant" or
/// "2 of 3; Missing: separatism". The expected answer itself is not repeated.
pub fn explain(outcome: &Outcome) -> String {
    let mut parts = Vec::new();
    match outcome.verdict {
        Verdict::Unchecked => parts.push("Compare with the answer".to_string()),
        Verdict::Invalid => parts.push("Not an answer to this question".to_string()),
        Verdict::Correct => parts.push("Correct".to_string()),
        Verdict::Typo | Verdict::Partial | Verdict::Wrong => {
            if let Some((right, total)) = outcome.tally.filter(|_| outcome.verdict != Verdict::Typo)
            {
                parts.push(format!("{right} of {total}"));
            }
        }
    }
    if let Some((given, _)) = &outcome.typo {
        parts.push(format!("Close: you wrote {given}"));
    }
    if !outcome.missing.is_empty() {
        parts.push(format!("Missing: {}", outcome.missing.join(", ")));
    }
    if !outcome.extra.is_empty() {
        parts.push(format!("Extra: {}", outcome.extra.join(", ")));
    }
    if let Some(note) = &outcome.note {
        parts.push(note.clone());
    }
    if parts.is_empty() {
        parts.push("Wrong".to_string());
    }
    parts.join("; ")
}

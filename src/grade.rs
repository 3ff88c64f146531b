//! The grade recall proposes after an answer, for the learner to accept with Enter or change.
//!
//! Pure: the verdict, the card's kind, where the card is in its life and the learner's own
//! typical pace come in as values; nothing is read or printed here. The rule, as a table
//! ([`propose`] reads it top to bottom, the first row that applies wins):
//!
//! | answer | card | proposed |
//! |---|---|---|
//! | not an answer of the card's form (an input slip) | any | none: asked again |
//! | self-graded (a basic card) | any | none: the learner grades |
//! | wrong, or under half of a partial answer right | any | Again |
//! | half or more of a partial answer, or right with a typo | any | Hard |
//! | right | picked from what is shown (choice, true/false, order, match) | Good |
//! | right | new, learning, relearning, or failed earlier today | Good |
//! | right, fast | typed from memory (typed, number, year, list, cloze), in review | Easy |
//! | right, slow | typed from memory, in review | Hard |
//! | right | otherwise | Good |
//!
//! An answer picked from four options can be a guess, and a card met for the first time or
//! just failed has not shown that it is known for long: neither gets Easy, whose interval is
//! days or weeks longer. Speed tells something only about recall typed from memory of a card
//! already learnt, and only against the learner's own pace: fast is under 0.6 times their
//! typical time for that kind of card, slow over 2.5 times (see [`Paces`]). With fewer than
//! [`MIN_HISTORY`] right answers of that kind in review, fixed times stand in: fast under 3 s
//! plus 0.1 s per character of the answer, slow over 20 s plus 0.5 s per character.

use std::collections::HashMap;

use crate::answer::{Outcome, Verdict};
use crate::deck::{ClozePart, Kind};
use crate::schedule::{Phase, Rating};

/// Right answers of one kind, in review, needed before the learner's own pace is used.
pub const MIN_HISTORY: usize = 20;
/// How many recent right answers of one kind the typical pace is taken from.
pub const HISTORY: usize = 100;

/// The fixed times that stand in for the learner's pace: fast under `FAST_BASE_MS` plus
/// `FAST_PER_CHAR_MS` per character, slow over `SLOW_BASE_MS` plus `SLOW_PER_CHAR_MS` each.
const FAST_BASE_MS: u64 = 3_000;
const FAST_PER_CHAR_MS: u64 = 100;
const SLOW_BASE_MS: u64 = 20_000;
const SLOW_PER_CHAR_MS: u64 = 500;
/// Against the learner's typical pace: faster than this share of it is fast...
const FAST_SHARE: f64 = 0.6;
/// ...and slower than this many times it is slow.
const SLOW_TIMES: f64 = 2.5;

/// How a card is answered, as far as grading cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answering {
    /// Typed from memory: how fast tells how well it is known.
    Recalled,
    /// Picked or arranged from what is on screen: a guess can be right.
    Picked,
    /// Seen, then graded by the learner.
    SelfGraded,
}

impl Answering {
    pub fn of(kind: &Kind) -> Answering {
        match kind {
            Kind::Basic { .. } => Answering::SelfGraded,
            Kind::Choice { .. }
            | Kind::TrueFalse { .. }
            | Kind::Order { .. }
            | Kind::Match { .. } => Answering::Picked,
            Kind::Typed { .. }
            | Kind::Number { .. }
            | Kind::Year { .. }
            | Kind::Date { .. }
            | Kind::List { .. }
            | Kind::Cloze { .. } => Answering::Recalled,
        }
    }
}

/// What is known about the card and the answer besides the verdict.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Situation {
    pub answering: Answering,
    /// The card's phase before this answer.
    pub phase: Phase,
    /// The card was answered Again earlier on this study day.
    pub failed_today: bool,
    pub response_ms: u64,
    /// Characters in the expected answer (see [`answer_chars`]).
    pub chars: usize,
    /// The learner's typical pace for this kind of card, when there is enough history.
    pub typical_pace: Option<f64>,
}

/// The grade to propose, or `None` when the learner must choose (a self-graded card) or the
/// input is to be asked again (not an answer of the card's form).
pub fn propose(outcome: &Outcome, s: &Situation) -> Option<Rating> {
    Some(match outcome.verdict {
        Verdict::Invalid | Verdict::Unchecked => return None,
        Verdict::Wrong => Rating::Again,
        Verdict::Partial if outcome.score < 0.5 => Rating::Again,
        Verdict::Partial | Verdict::Typo => Rating::Hard,
        Verdict::Correct if s.answering != Answering::Recalled => Rating::Good,
        Verdict::Correct if s.phase != Phase::Review || s.failed_today => Rating::Good,
        Verdict::Correct => match speed(s.response_ms, s.chars, s.typical_pace) {
            Speed::Fast => Rating::Easy,
            Speed::Slow => Rating::Hard,
            Speed::Usual => Rating::Good,
        },
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Speed {
    Fast,
    Usual,
    Slow,
}

/// The time a right answer of `chars` characters takes at the reference pace (1.0): the
/// fixed "fast" time.
fn reference_ms(chars: usize) -> f64 {
    FAST_BASE_MS as f64 + FAST_PER_CHAR_MS as f64 * chars as f64
}

/// An answer's pace: its time over the reference time for its length (2.0 is twice as slow).
pub fn pace(response_ms: u64, chars: usize) -> f64 {
    response_ms as f64 / reference_ms(chars)
}

fn speed(ms: u64, chars: usize, typical: Option<f64>) -> Speed {
    match typical {
        Some(p) => {
            let pace = pace(ms, chars);
            if pace < p * FAST_SHARE {
                Speed::Fast
            } else if pace > p * SLOW_TIMES {
                Speed::Slow
            } else {
                Speed::Usual
            }
        }
        None => {
            let c = chars as u64;
            let fast = FAST_BASE_MS.saturating_add(FAST_PER_CHAR_MS.saturating_mul(c));
            let slow = SLOW_BASE_MS.saturating_add(SLOW_PER_CHAR_MS.saturating_mul(c));
            if ms < fast {
                Speed::Fast
            } else if ms > slow {
                Speed::Slow
            } else {
                Speed::Usual
            }
        }
    }
}

/// Characters in the answer a card expects (its canonical text), which typing time grows with.
pub fn answer_chars(kind: &Kind) -> usize {
    let n = |s: &str| s.chars().count();
    match kind {
        Kind::Basic { back } => n(back),
        Kind::Typed { answer } => n(&answer.text),
        Kind::Choice { correct, .. } => correct.iter().map(|c| n(c)).sum(),
        Kind::TrueFalse { .. } => 4,
        Kind::Number { answer, .. } => answer.to_string().len(),
        Kind::Year { answer, .. } => answer.to_string().len(),
        Kind::Date { answer } => answer.to_string().len(),
        // Items and blanks are typed with a separator each.
        Kind::List { items, .. } => items.iter().map(|a| n(&a.text) + 2).sum(),
        Kind::Order { items } => items.len() * 2,
        Kind::Cloze { parts } => parts
            .iter()
            .map(|p| match p {
                ClozePart::Blank(a) => n(&a.text) + 2,
                ClozePart::Text(_) | ClozePart::Hint(_) => 0,
            })
            .sum(),
        Kind::Match { pairs } => pairs.len() * 3,
    }
}

/// The learner's typical pace per kind of card (by kind name), from their recent right
/// answers to cards in review: the median, so a few interrupted answers do not count.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paces {
    samples: HashMap<&'static str, Vec<f64>>,
}

impl Paces {
    /// Whether another answer of this kind is still wanted (newest answers come first).
    pub fn wants(&self, kind: &Kind) -> bool {
        self.samples
            .get(kind.name())
            .is_none_or(|v| v.len() < HISTORY)
    }

    /// Counts one past answer: right, to a card of `kind` that was in review, in `response_ms`.
    pub fn add(&mut self, kind: &Kind, response_ms: u64) {
        if Answering::of(kind) != Answering::Recalled || !self.wants(kind) {
            return;
        }
        let pace = pace(response_ms, answer_chars(kind));
        self.samples.entry(kind.name()).or_default().push(pace);
    }

    /// The typical pace for `kind`, when at least [`MIN_HISTORY`] answers were counted.
    pub fn typical(&self, kind: &Kind) -> Option<f64> {
        let v = self.samples.get(kind.name())?;
        if v.len() < MIN_HISTORY {
            return None;
        }
        let mut v = v.clone();
        v.sort_by(f64::total_cmp);
        let mid = v.len() / 2;
        Some(if v.len() % 2 == 0 {
            (v[mid - 1] + v[mid]) / 2.0
        } else {
            v[mid]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Answer;

    fn typed() -> Kind {
        Kind::Typed {
            answer: Answer::plain("Tashkent"),
        }
    }

    fn choice() -> Kind {
        Kind::Choice {
            correct: vec!["Lima".into()],
            wrong: vec!["Cusco".into(), "Arequipa".into(), "Trujillo".into()],
        }
    }

    fn outcome(verdict: Verdict, score: f32) -> Outcome {
        Outcome::new(verdict, score, String::new())
    }

    fn situation(answering: Answering, phase: Phase, ms: u64) -> Situation {
        Situation {
            answering,
            phase,
            failed_today: false,
            response_ms: ms,
            chars: 8,
            typical_pace: None,
        }
    }

    use Answering::{Picked, Recalled, SelfGraded};
    use Phase::{Learning, New, Relearning, Review};
    use Verdict::{Correct, Invalid, Partial, Typo, Unchecked, Wrong};

    /// (verdict, score, how answered, phase, failed today, ms, typical pace) -> proposal. The
    /// answer has 8 characters: fast under 3.8 s and slow over 24 s by the fixed times.
    #[allow(clippy::type_complexity)]
    const TABLE: &[(
        Verdict,
        f32,
        Answering,
        Phase,
        bool,
        u64,
        Option<f64>,
        Option<Rating>,
    )] = &[
        // Slips and self-graded cards get no proposal.
        (Invalid, 0.0, Recalled, Review, false, 1_000, None, None),
        (Unchecked, 0.0, SelfGraded, Review, false, 1_000, None, None),
        // Wrong and partial, whatever the card.
        (
            Wrong,
            0.0,
            Recalled,
            Review,
            false,
            1_000,
            None,
            Some(Rating::Again),
        ),
        (
            Wrong,
            0.0,
            Picked,
            New,
            false,
            1_000,
            None,
            Some(Rating::Again),
        ),
        (
            Partial,
            0.49,
            Recalled,
            Review,
            false,
            5_000,
            None,
            Some(Rating::Again),
        ),
        (
            Partial,
            0.5,
            Recalled,
            Review,
            false,
            5_000,
            None,
            Some(Rating::Hard),
        ),
        (
            Typo,
            1.0,
            Recalled,
            Review,
            false,
            1_000,
            None,
            Some(Rating::Hard),
        ),
        // A guessable answer is at most Good, fast or slow, in any phase.
        (
            Correct,
            1.0,
            Picked,
            New,
            false,
            500,
            None,
            Some(Rating::Good),
        ),
        (
            Correct,
            1.0,
            Picked,
            Review,
            false,
            500,
            None,
            Some(Rating::Good),
        ),
        (
            Correct,
            1.0,
            Picked,
            Review,
            false,
            60_000,
            None,
            Some(Rating::Good),
        ),
        // Not yet in review, or failed today: Good, never Easy, and speed does not count.
        (
            Correct,
            1.0,
            Recalled,
            New,
            false,
            500,
            None,
            Some(Rating::Good),
        ),
        (
            Correct,
            1.0,
            Recalled,
            Learning,
            false,
            500,
            None,
            Some(Rating::Good),
        ),
        (
            Correct,
            1.0,
            Recalled,
            Relearning,
            false,
            500,
            None,
            Some(Rating::Good),
        ),
        (
            Correct,
            1.0,
            Recalled,
            New,
            false,
            60_000,
            None,
            Some(Rating::Good),
        ),
        (
            Correct,
            1.0,
            Recalled,
            Review,
            true,
            500,
            None,
            Some(Rating::Good),
        ),
        // Typed from memory, in review: the fixed times without history...
        (
            Correct,
            1.0,
            Recalled,
            Review,
            false,
            3_799,
            None,
            Some(Rating::Easy),
        ),
        (
            Correct,
            1.0,
            Recalled,
            Review,
            false,
            3_800,
            None,
            Some(Rating::Good),
        ),
        (
            Correct,
            1.0,
            Recalled,
            Review,
            false,
            24_000,
            None,
            Some(Rating::Good),
        ),
        (
            Correct,
            1.0,
            Recalled,
            Review,
            false,
            24_001,
            None,
            Some(Rating::Hard),
        ),
        // ...and the learner's own pace with it: a slow typist (typical pace 3, about 11.4 s
        // for this answer) is fast under 6.84 s and slow over 28.5 s.
        (
            Correct,
            1.0,
            Recalled,
            Review,
            false,
            6_800,
            Some(3.0),
            Some(Rating::Easy),
        ),
        (
            Correct,
            1.0,
            Recalled,
            Review,
            false,
            6_900,
            Some(3.0),
            Some(Rating::Good),
        ),
        (
            Correct,
            1.0,
            Recalled,
            Review,
            false,
            28_500,
            Some(3.0),
            Some(Rating::Good),
        ),
        (
            Correct,
            1.0,
            Recalled,
            Review,
            false,
            28_600,
            Some(3.0),
            Some(Rating::Hard),
        ),
        // A quick typist (pace 0.5, 1.9 s) is not fast at 3 s, which the fixed times call fast.
        (
            Correct,
            1.0,
            Recalled,
            Review,
            false,
            3_000,
            Some(0.5),
            Some(Rating::Good),
        ),
        (
            Correct,
            1.0,
            Recalled,
            Review,
            false,
            1_100,
            Some(0.5),
            Some(Rating::Easy),
        ),
        (
            Correct,
            1.0,
            Recalled,
            Review,
            false,
            4_800,
            Some(0.5),
            Some(Rating::Hard),
        ),
    ];

    #[test]
    fn the_proposal_table() {
        for (i, &(verdict, score, answering, phase, failed, ms, typical, want)) in
            TABLE.iter().enumerate()
        {
            let s = Situation {
                failed_today: failed,
                typical_pace: typical,
                ..situation(answering, phase, ms)
            };
            assert_eq!(
                propose(&outcome(verdict, score), &s),
                want,
                "row {i}: {s:?}"
            );
        }
    }

    #[test]
    fn kinds_are_recalled_picked_or_self_graded() {
        assert_eq!(Answering::of(&typed()), Recalled);
        assert_eq!(Answering::of(&choice()), Picked);
        assert_eq!(Answering::of(&Kind::TrueFalse { answer: true }), Picked);
        assert_eq!(Answering::of(&Kind::Order { items: vec![] }), Picked);
        assert_eq!(Answering::of(&Kind::Match { pairs: vec![] }), Picked);
        assert_eq!(Answering::of(&Kind::Basic { back: "b".into() }), SelfGraded);
        let year = Kind::Year {
            answer: 2001,
            tolerance: 0,
        };
        assert_eq!(Answering::of(&year), Recalled);
    }

    #[test]
    fn extreme_times_and_lengths_do_not_overflow() {
        let mut s = situation(Recalled, Review, u64::MAX);
        s.chars = usize::MAX;
        assert_eq!(propose(&outcome(Correct, 1.0), &s), Some(Rating::Good));
        s.typical_pace = Some(1.0);
        assert!(propose(&outcome(Correct, 1.0), &s).is_some());
    }

    #[test]
    fn answer_length_counts_what_is_typed() {
        assert_eq!(answer_chars(&typed()), 8);
        assert_eq!(answer_chars(&choice()), 4);
        let list = Kind::List {
            items: vec![Answer::plain("ab"), Answer::plain("c")],
            ordered: false,
        };
        assert_eq!(answer_chars(&list), 7);
        let cloze = Kind::Cloze {
            parts: vec![
                ClozePart::Text("in ".into()),
                ClozePart::Blank(Answer::plain("2001")),
            ],
        };
        assert_eq!(answer_chars(&cloze), 6);
        let year = Kind::Year {
            answer: 2001,
            tolerance: 0,
        };
        assert_eq!(answer_chars(&year), 4);
    }

    #[test]
    fn the_typical_pace_is_the_median_once_there_is_enough_history() {
        let mut p = Paces::default();
        // Tashkent: 8 characters, reference time 3.8 s.
        for _ in 0..MIN_HISTORY - 1 {
            p.add(&typed(), 7_600);
        }
        assert_eq!(p.typical(&typed()), None, "too little history");
        p.add(&typed(), 380_000);
        assert_eq!(
            p.typical(&typed()),
            Some(2.0),
            "one very slow answer barely counts"
        );
        // Picked answers are not counted; other kinds keep their own pace.
        for _ in 0..MIN_HISTORY {
            p.add(&choice(), 100);
        }
        assert_eq!(p.typical(&choice()), None);
        let year = Kind::Year {
            answer: 2001,
            tolerance: 0,
        };
        assert_eq!(p.typical(&year), None);
    }

    #[test]
    fn the_median_of_an_odd_count_is_the_middle_one_and_history_is_capped() {
        let mut p = Paces::default();
        for i in 0..MIN_HISTORY + 1 {
            p.add(&typed(), 3_800 * (i as u64 + 1));
        }
        assert_eq!(p.typical(&typed()), Some(11.0));
        for _ in 0..HISTORY * 2 {
            p.add(&typed(), 3_800);
        }
        assert!(!p.wants(&typed()));
        // 20 slower answers and 80 at pace 1.0: the median is 1.0.
        assert_eq!(p.typical(&typed()), Some(1.0));
    }
}

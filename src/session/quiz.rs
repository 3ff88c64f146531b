//! A graded quiz as the core sees it: what an answer stores. The terminal asks and shows; the
//! driver (`crate::driver::QuizDriver`) checks the answer, commits the review this module plans
//! and only then lets the quiz take it in, as a study session's answers are.
//!
//! A quiz answer is always logged. It changes the card's schedule only when the quiz was asked
//! to (`recall quiz --schedule`); then it is graded as study would propose for that answer.

use jiff::Timestamp;

use super::{fuzz_seed, question_hash, verdict_name};
use crate::answer::Outcome;
use crate::deck::Card;
use crate::grade::{self, Answering, Situation};
use crate::schedule::{Phase, Rating, Scheduler};
use crate::store::{CardRecord, CardRecords, Mode, NewReview};

/// One quiz over one deck.
pub struct Quiz<'a> {
    deck: String,
    /// The cards' progress as stored (only read when the quiz schedules).
    records: CardRecords,
    scheduler: Option<&'a Scheduler>,
}

impl<'a> Quiz<'a> {
    /// A quiz over deck `deck`; with a `scheduler`, answers move the cards' schedules on from
    /// `records`.
    pub fn new(deck: &str, records: CardRecords, scheduler: Option<&'a Scheduler>) -> Quiz<'a> {
        Quiz {
            deck: deck.to_string(),
            records,
            scheduler,
        }
    }

    /// The review that `given`, judged `outcome` after `response_ms`, stores for `card` at
    /// `now`. Nothing changes until it is taken in with [`Quiz::apply`].
    pub fn plan(
        &self,
        card: &Card,
        given: &str,
        outcome: &Outcome,
        response_ms: u64,
        now: Timestamp,
    ) -> NewReview {
        let before = self.records.get(card.id.as_str()).cloned();
        let situation = Situation {
            answering: Answering::of(&card.kind),
            phase: before.as_ref().map_or(Phase::New, |r| r.state.phase),
            failed_today: false,
            response_ms,
            chars: grade::answer_chars(&card.kind),
            typical_pace: None,
        };
        let rating = grade::propose(outcome, &situation).unwrap_or(Rating::Good);
        let mut after = before
            .clone()
            .unwrap_or_else(|| CardRecord::new(question_hash(card), now));
        let mode = match self.scheduler {
            Some(s) => {
                after.state = s
                    .answer(&after.state, rating, now, fuzz_seed(card, now))
                    .state;
                Mode::Study
            }
            None => Mode::Quiz,
        };
        NewReview {
            deck: self.deck.clone(),
            card: card.id.to_string(),
            time: now,
            rating,
            answer: given.to_string(),
            verdict: verdict_name(outcome.verdict).to_string(),
            response_ms,
            mode,
            before,
            after,
        }
    }

    /// Takes in a review once it is stored: a scheduled answer is the card's new progress.
    pub fn apply(&mut self, review: &NewReview) {
        if review.mode == Mode::Study {
            self.records
                .insert(review.card.clone(), review.after.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Verdict;
    use crate::deck::{Answer, Kind};
    use crate::schedule::SchedulerConfig;

    fn card() -> Card {
        Card::new(
            "capital",
            Kind::Typed {
                answer: Answer::plain("Paris"),
            },
            "What is the capital of France?",
        )
    }

    fn right() -> Outcome {
        Outcome::new(Verdict::Correct, 1.0, "Paris".to_string())
    }

    fn now() -> Timestamp {
        "2026-05-01T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn an_unscheduled_quiz_logs_the_answer_and_keeps_the_schedule() {
        let mut quiz = Quiz::new("geo", CardRecords::default(), None);
        let review = quiz.plan(&card(), "paris", &right(), 2_000, now());
        assert_eq!(review.mode, Mode::Quiz);
        assert_eq!(
            (review.deck.as_str(), review.card.as_str()),
            ("geo", "capital")
        );
        assert_eq!(review.answer, "paris");
        assert_eq!(review.verdict, "correct");
        assert_eq!(review.response_ms, 2_000);
        assert_eq!(review.time, now());
        assert!(review.before.is_none());
        assert_eq!(review.after.state.phase, Phase::New, "no schedule change");
        quiz.apply(&review);
        assert!(quiz.records.is_empty(), "nothing taken in");
    }

    #[test]
    fn a_scheduled_quiz_moves_the_card_on_and_remembers_it() {
        let scheduler = Scheduler::new(SchedulerConfig {
            fuzz: false,
            ..SchedulerConfig::default()
        })
        .unwrap();
        let mut quiz = Quiz::new("geo", CardRecords::default(), Some(&scheduler));
        let first = quiz.plan(&card(), "Paris", &right(), 2_000, now());
        assert_eq!(first.mode, Mode::Study);
        assert_ne!(first.after.state.phase, Phase::New);
        assert_eq!(first.after.question_hash, question_hash(&card()));
        assert!(
            quiz.plan(&card(), "Paris", &right(), 2_000, now())
                .before
                .is_none(),
            "planning alone changes nothing"
        );
        quiz.apply(&first);
        let later: Timestamp = "2026-05-01T10:30:00Z".parse().unwrap();
        let second = quiz.plan(&card(), "Paris", &right(), 2_000, later);
        assert_eq!(second.before.as_ref(), Some(&first.after));
        let wrong = Outcome::wrong("Paris".to_string(), "Not known");
        let failed = quiz.plan(&card(), "Lyon", &wrong, 2_000, later);
        assert_eq!(failed.rating, Rating::Again);
        assert_eq!(failed.verdict, "wrong");
    }
}

//! The session driven action by action, with a checker double standing in for the answer
//! checker and no store: each plan's writes are returned for the test to look at.

use super::*;
use crate::answer::Verdict;
use crate::deck::load::load;
use crate::schedule::SchedulerConfig;

const DECK: &str = r#"
format = 1
id = "t"
title = "Test"

[[card]]
id = "a"
kind = "typed"
prompt = "First?"
answer = "alpha"
tags = ["greek"]

[[card]]
id = "b"
kind = "typed"
prompt = "Second?"
answer = "bravo"

[[fact]]
id = "hq"
kind = "place"
subject = "the Secretariat"
place = "Beijing"
wrong = { where-choice = ["Moscow", "Astana"] }

[[fact]]
id = "hq2"
kind = "place"
subject = "the anti-terror body"
place = "Tashkent"
wrong = { where-choice = ["Bishkek", "Dushanbe"] }

[[card]]
id = "c"
kind = "typed"
prompt = "Third?"
answer = "charlie"
"#;

fn deck() -> Deck {
    let loaded = load(DECK.as_bytes());
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    loaded.deck.unwrap()
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn scheduler(fuzz: bool) -> Scheduler {
    Scheduler::new(SchedulerConfig {
        fuzz,
        ..SchedulerConfig::default()
    })
    .unwrap()
}

fn sd(deck: &Deck, records: CardRecords, new_limit: u32) -> SessionDeck<'_> {
    SessionDeck {
        new_limit,
        review_limit: 100,
        new_order: NewOrder::Deck,
        ..SessionDeck::new(deck, scheduler(false), records)
    }
}

fn session<'a>(decks: Vec<SessionDeck<'a>>, now: Timestamp) -> Session<'a> {
    Session::new(decks, SessionOptions::default(), now)
}

/// A checker that judges every answer the same way.
struct Judge(Verdict);

impl Checker for Judge {
    fn check(&self, _deck: usize, _card: &Card, _given: &str, _shown: &[Text]) -> Outcome {
        let score = if self.0.is_accepted() { 1.0 } else { 0.0 };
        let mut o = Outcome::new(self.0, score, "expected".into());
        if self.0 == Verdict::Invalid {
            o.note = Some("Type the option's number, 1 to 4.".into());
        }
        o
    }
}

const RIGHT: Judge = Judge(Verdict::Correct);

/// Plans and applies `action`, returning the writes the driver would commit and the event.
fn act(s: &mut Session<'_>, action: Action, now: Timestamp, judge: &Judge) -> (Vec<Write>, Event) {
    let plan = s.plan(action, now, judge);
    let writes = plan.writes().to_vec();
    (writes, s.apply(plan))
}

fn answer(s: &mut Session<'_>, now: Timestamp) -> Event {
    let a = Action::Answer {
        text: "x".into(),
        ms: 5_000,
    };
    act(s, a, now, &RIGHT).1
}

fn grade(s: &mut Session<'_>, r: Rating, now: Timestamp) -> (Vec<Write>, Event) {
    act(s, Action::Grade(Some(r)), now, &RIGHT)
}

/// Answers and grades the card on screen.
fn study(s: &mut Session<'_>, r: Rating, now: Timestamp) -> String {
    let item = s.show(now).expect("a card to show");
    let id = s.card(item).id.to_string();
    assert_eq!(answer(s, now), Event::Checked);
    let (writes, event) = grade(s, r, now);
    assert!(matches!(event, Event::Graded(_)), "{event:?}");
    assert!(
        matches!(writes.as_slice(), [Write::Review(_)]),
        "{writes:?}"
    );
    id
}

/// Drains the queue by answering Easy, returning the card ids in the order shown.
fn drain(s: &mut Session<'_>, now: Timestamp) -> Vec<String> {
    let mut shown = Vec::new();
    while s.show(now).is_some() {
        shown.push(study(s, Rating::Easy, now));
    }
    shown
}

fn review(due: &str, last: &str) -> CardRecord {
    let mut r = CardRecord::new("h", ts(due));
    r.state.phase = Phase::Review;
    r.state.stability = Some(5.0);
    r.state.difficulty = Some(5.0);
    r.state.last_review = Some(ts(last));
    r.state.interval_days = 5;
    r.state.reps = 3;
    r
}

const NOW: &str = "2026-03-02T10:00:00Z";

#[test]
fn new_cards_come_in_written_order_one_per_fact() {
    let d = deck();
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    let shown = drain(&mut s, now);
    // a, b, one card of each place fact (siblings wait), then c.
    assert_eq!(shown.len(), 5, "{shown:?}");
    assert_eq!(&shown[..2], ["a", "b"]);
    assert!(shown[2].starts_with("hq/"), "{shown:?}");
    assert!(shown[3].starts_with("hq2/"), "{shown:?}");
    assert_eq!(shown[4], "c");
    assert_eq!(s.held_back(), d.cards.len() - 5);
}

#[test]
fn mixed_order_takes_turns_across_kinds_and_keeps_siblings_apart() {
    let d = deck();
    let now = ts(NOW);
    let mut deck = sd(&d, CardRecords::default(), 20);
    deck.new_order = NewOrder::Mixed;
    let mut s = session(vec![deck], now);
    let shown = drain(&mut s, now);
    let kinds: Vec<&str> = shown
        .iter()
        .map(|id| d.card(id).unwrap().kind.name())
        .collect();
    // The first typed card, then the first card of each other kind before the second typed.
    assert_eq!(kinds[0], "typed");
    assert_ne!(kinds[1], "typed", "{shown:?} {kinds:?}");
    // Still one card per fact.
    let facts: Vec<&str> = shown
        .iter()
        .filter_map(|id| d.card(id).unwrap().fact.as_deref())
        .collect();
    let unique: HashSet<&str> = facts.iter().copied().collect();
    assert_eq!(facts.len(), unique.len(), "{shown:?}");
    assert_eq!(shown.len(), 5, "{shown:?}");
}

#[test]
fn the_new_card_limit_holds() {
    let d = deck();
    let now = ts(NOW);
    let s = session(vec![sd(&d, CardRecords::default(), 2)], now);
    assert_eq!(
        s.counts(),
        Counts {
            new: 2,
            learning: 0,
            review: 0
        }
    );
    assert_eq!(s.counts().total(), 2);
}

#[test]
fn counts_add_up_every_sort() {
    let c = Counts {
        new: 1,
        learning: 2,
        review: 4,
    };
    assert_eq!(c.total(), 7);
}

#[test]
fn learning_first_then_reviews_then_new() {
    let d = deck();
    let now = ts(NOW);
    let mut records = CardRecords::default();
    records.insert(
        "c".to_string(),
        review("2026-03-01T04:00:00Z", "2026-02-24T10:00:00Z"),
    );
    let mut learning = CardRecord::new("h", ts("2026-03-02T09:59:00Z"));
    learning.state.phase = Phase::Learning;
    learning.state.last_review = Some(ts("2026-03-02T09:58:00Z"));
    records.insert("b".to_string(), learning);
    let mut s = session(vec![sd(&d, records, 1)], now);
    assert_eq!(
        s.counts(),
        Counts {
            new: 1,
            learning: 1,
            review: 1
        }
    );
    assert_eq!(study(&mut s, Rating::Good, now), "b");
    assert_eq!(study(&mut s, Rating::Good, now), "c");
    assert_eq!(study(&mut s, Rating::Good, now), "a");
}

#[test]
fn a_review_due_tomorrow_waits_for_the_day_start_hour() {
    let d = deck();
    let mut records = CardRecords::default();
    // Due on the study day 2026-03-03, which starts at 04:00 (UTC here).
    records.insert(
        "a".to_string(),
        review("2026-03-03T04:00:00Z", "2026-02-26T10:00:00Z"),
    );
    let before = ts("2026-03-03T03:30:00Z");
    let mut s = session(vec![sd(&d, records.clone(), 0)], before);
    assert_eq!(s.counts().review, 0);
    assert_eq!(s.show(before), None);
    assert_eq!(s.next_due(before), Some(ts("2026-03-03T04:00:00Z")));
    let after = ts("2026-03-03T04:30:00Z");
    let s = session(vec![sd(&d, records, 0)], after);
    assert_eq!(s.counts().review, 1);
}

#[test]
fn a_new_card_answered_good_returns_after_its_learning_step() {
    let d = deck();
    let now = ts(NOW);
    let opts = SessionOptions {
        tags: vec!["greek".into()],
        ..SessionOptions::default()
    };
    let mut s = Session::new(vec![sd(&d, CardRecords::default(), 20)], opts, now);
    let item = s.show(now).unwrap();
    answer(&mut s, now);
    let (writes, _) = grade(&mut s, Rating::Good, now);
    let [Write::Review(r)] = writes.as_slice() else {
        panic!("{writes:?}")
    };
    assert_eq!(r.after.state.phase, Phase::Learning);
    assert!(r.before.is_none());
    // Again on the card does not make the count grow: it is one card, still to come.
    assert_eq!(
        s.counts(),
        Counts {
            new: 0,
            learning: 1,
            review: 0
        }
    );
    // Due in 10 minutes: within the learn-ahead limit, so it is offered again now...
    assert_eq!(s.show(now), Some(item));
    answer(&mut s, now);
    grade(&mut s, Rating::Hard, now);
    // ...but not when it is further ahead than that.
    assert!(s.next_learning_due().is_some());
}

#[test]
fn again_keeps_the_count_of_cards_left() {
    let d = deck();
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, CardRecords::default(), 3)], now);
    assert_eq!(s.counts().total(), 3);
    for _ in 0..3 {
        study(&mut s, Rating::Again, now);
    }
    // Three answers, three cards, each failed once: still three left, all learning.
    assert_eq!(s.counts().total(), 3);
    assert_eq!(s.counts().learning, 3);
    assert_eq!(s.tally().again, 3);
}

#[test]
fn undo_puts_the_answered_card_back_with_its_old_progress() {
    let d = deck();
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    let first = s.show(now).unwrap();
    study(&mut s, Rating::Easy, now);
    assert!(s.record(first).is_some());
    assert_eq!(s.tally().answered, 1);
    let second = s.show(now).unwrap();
    assert_ne!(first, second);
    let (writes, event) = act(&mut s, Action::Undo, now, &RIGHT);
    assert_eq!(writes, [Write::UndoAnswer { deck: "t".into() }]);
    assert_eq!(
        event,
        Event::Undone {
            item: first,
            what: Undid::Answer
        }
    );
    assert!(s.record(first).is_none());
    assert_eq!(s.tally(), Tally::default());
    assert_eq!(s.show(now), Some(first));
    assert_eq!(s.counts().new, 5);
    let (writes, event) = act(&mut s, Action::Undo, now, &RIGHT);
    assert!(writes.is_empty());
    assert_eq!(event, Event::NothingToUndo);
}

#[test]
fn undo_of_a_suspend_unsuspends_and_of_a_bury_unburies() {
    let d = deck();
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    let a = s.show(now).unwrap();
    let (writes, event) = act(&mut s, Action::Suspend, now, &RIGHT);
    assert_eq!(
        writes,
        [Write::Suspend {
            deck: "t".into(),
            card: "a".into()
        }]
    );
    assert_eq!(
        event,
        Event::Suspended {
            item: a,
            graded: None
        }
    );
    assert!(s.record(a).unwrap().suspended);
    let b = s.show(now).unwrap();
    assert_ne!(a, b);
    let (writes, event) = act(&mut s, Action::Bury, now, &RIGHT);
    let tomorrow = Date::constant(2026, 3, 3);
    assert_eq!(
        writes,
        [Write::Bury {
            deck: "t".into(),
            card: "b".into(),
            until: tomorrow
        }]
    );
    assert_eq!(
        event,
        Event::Buried {
            item: b,
            until: tomorrow,
            graded: None
        }
    );
    // Undo the bury: b's row goes back to none, and b is on screen again.
    let (writes, event) = act(&mut s, Action::Undo, now, &RIGHT);
    assert_eq!(
        writes,
        [Write::Restore {
            deck: "t".into(),
            card: "b".into(),
            record: None
        }]
    );
    assert_eq!(
        event,
        Event::Undone {
            item: b,
            what: Undid::Bury
        }
    );
    assert!(s.record(b).is_none());
    assert_eq!(s.show(now), Some(b));
    // Undo the suspend: a is back on screen, b back in its queue.
    let (_, event) = act(&mut s, Action::Undo, now, &RIGHT);
    assert_eq!(
        event,
        Event::Undone {
            item: a,
            what: Undid::Suspend
        }
    );
    assert!(s.record(a).is_none());
    assert_eq!(s.show(now), Some(a));
    assert_eq!(s.counts().new, 5);
}

#[test]
fn an_answer_typed_before_a_suspend_is_recorded_first() {
    let d = deck();
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    let a = s.show(now).unwrap();
    answer(&mut s, now);
    let (writes, event) = act(&mut s, Action::Suspend, now, &RIGHT);
    assert!(
        matches!(&writes[..], [Write::Review(r), Write::Suspend { card, .. }] if r.rating == Rating::Good && card == "a"),
        "{writes:?}"
    );
    let Event::Suspended {
        item,
        graded: Some(g),
    } = event
    else {
        panic!("{event:?}")
    };
    assert_eq!((item, g.rating), (a, Rating::Good));
    assert_eq!(s.tally().answered, 1);
    assert!(s.record(a).unwrap().suspended);
    assert!(
        s.next_learning_due().is_none(),
        "a suspended card does not come back"
    );
    // Undo takes back the suspend, then the answer.
    let (_, event) = act(&mut s, Action::Undo, now, &RIGHT);
    assert_eq!(
        event,
        Event::Undone {
            item: a,
            what: Undid::Suspend
        }
    );
    assert!(!s.record(a).unwrap().suspended);
    let (writes, event) = act(&mut s, Action::Undo, now, &RIGHT);
    assert_eq!(writes, [Write::UndoAnswer { deck: "t".into() }]);
    assert_eq!(
        event,
        Event::Undone {
            item: a,
            what: Undid::Answer
        }
    );
    assert!(s.record(a).is_none());
}

#[test]
fn an_input_slip_is_asked_again_and_nothing_is_written() {
    let d = deck();
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    let a = s.show(now).unwrap();
    let slip = Action::Answer {
        text: "true".into(),
        ms: 800,
    };
    let (writes, event) = act(&mut s, slip, now, &Judge(Verdict::Invalid));
    assert!(writes.is_empty());
    assert_eq!(
        event,
        Event::AskAgain {
            hint: "Type the option's number, 1 to 4.".into()
        }
    );
    // The card is still asked, unanswered; nothing was tallied.
    assert_eq!(s.show(now), Some(a));
    assert!(s.screen().unwrap().answer.is_none());
    assert_eq!(s.tally(), Tally::default());
    // A grade now means nothing: there is no answer to grade.
    let (writes, event) = grade(&mut s, Rating::Good, now);
    assert!(writes.is_empty());
    assert_eq!(event, Event::Nothing);
    assert_eq!(answer(&mut s, now), Event::Checked);
}

#[test]
fn quitting_with_an_answer_on_screen_grades_it_as_proposed() {
    let d = deck();
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    s.show(now);
    answer(&mut s, now);
    let (writes, event) = act(&mut s, Action::Quit, now, &RIGHT);
    assert!(
        matches!(&writes[..], [Write::Review(r)] if r.rating == Rating::Good),
        "{writes:?}"
    );
    assert!(
        matches!(event, Event::Quit { graded: Some(_) }),
        "{event:?}"
    );
    assert_eq!(s.show(now), None, "the session is over");
    assert_eq!(s.tally().answered, 1);
}

#[test]
fn without_a_proposal_the_learner_chooses_then_what_they_asked_for_happens() {
    let d = deck();
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    s.show(now);
    let seen = Action::Answer {
        text: String::new(),
        ms: 900,
    };
    act(&mut s, seen, now, &Judge(Verdict::Unchecked));
    assert_eq!(s.screen().unwrap().answer.as_ref().unwrap().proposal, None);
    // Enter alone cannot grade a self-graded card.
    let (writes, event) = act(&mut s, Action::Grade(None), now, &RIGHT);
    assert!(writes.is_empty());
    assert_eq!(event, Event::ChooseGrade);
    // Quit asks for the grade first; the grade then ends the session.
    let (writes, event) = act(&mut s, Action::Quit, now, &RIGHT);
    assert!(writes.is_empty());
    assert_eq!(event, Event::ChooseGrade);
    let (writes, event) = grade(&mut s, Rating::Hard, now);
    assert!(
        matches!(&writes[..], [Write::Review(r)] if r.rating == Rating::Hard),
        "{writes:?}"
    );
    assert!(
        matches!(event, Event::Quit { graded: Some(_) }),
        "{event:?}"
    );
    assert_eq!(s.show(now), None);
}

#[test]
fn a_card_failed_today_gets_no_easy_proposed() {
    let d = deck();
    let now = ts(NOW);
    let mut records = CardRecords::default();
    records.insert(
        "c".into(),
        review("2026-03-01T04:00:00Z", "2026-02-20T10:00:00Z"),
    );
    let mut deck = sd(&d, records, 0);
    let fast = Action::Answer {
        text: "charlie".into(),
        ms: 500,
    };
    let mut s = session(vec![sd(&d, deck.records.clone(), 0)], now);
    s.show(now);
    act(&mut s, fast.clone(), now, &RIGHT);
    assert_eq!(
        s.screen().unwrap().answer.as_ref().unwrap().proposal,
        Some(Rating::Easy)
    );
    deck.failed_today.insert("c".into());
    let mut s = session(vec![deck], now);
    s.show(now);
    act(&mut s, fast, now, &RIGHT);
    assert_eq!(
        s.screen().unwrap().answer.as_ref().unwrap().proposal,
        Some(Rating::Good)
    );
}

#[test]
fn the_preview_is_the_interval_the_grade_stores() {
    let d = deck();
    let now = ts(NOW);
    let mut records = CardRecords::default();
    records.insert(
        "c".into(),
        review("2026-03-01T04:00:00Z", "2026-02-20T10:00:00Z"),
    );
    let mut deck = sd(&d, records, 0);
    deck.scheduler = scheduler(true);
    let mut s = session(vec![deck], now);
    s.show(now);
    assert!(s.previews().is_empty(), "nothing to grade yet");
    answer(&mut s, now);
    let previews = s.previews();
    assert_eq!(previews.len(), 4);
    let good = previews.iter().find(|(r, _)| *r == Rating::Good).unwrap().1;
    // Graded a while after the answer: the answer's time counts.
    let later = now + jiff::SignedDuration::from_secs(40);
    let (writes, _) = grade(&mut s, Rating::Good, later);
    let [Write::Review(r)] = writes.as_slice() else {
        panic!("{writes:?}")
    };
    assert_eq!(r.after.state.due, good, "fuzz included");
    assert_eq!(r.time, now);
}

#[test]
fn cram_leaves_records_unchanged_and_counts_every_card_once() {
    let d = deck();
    let now = ts(NOW);
    let opts = SessionOptions {
        cram: true,
        seed: 9,
        ..SessionOptions::default()
    };
    let mut s = Session::new(vec![sd(&d, CardRecords::default(), 0)], opts, now);
    assert_eq!(s.counts().review, d.cards.len());
    let item = s.show(now).unwrap();
    answer(&mut s, now);
    let (writes, _) = grade(&mut s, Rating::Again, now);
    let [Write::Review(r)] = writes.as_slice() else {
        panic!("{writes:?}")
    };
    assert_eq!(r.mode, Mode::Cram);
    assert_eq!(r.after.state.phase, Phase::New);
    assert!(s.record(item).is_none());
    // Siblings stay: every card is shown once, and the count said so from the start.
    assert_eq!(drain(&mut s, now).len(), d.cards.len() - 1);
}

#[test]
fn the_card_limit_ends_the_session() {
    let d = deck();
    let now = ts(NOW);
    let opts = SessionOptions {
        card_limit: Some(2),
        ..SessionOptions::default()
    };
    let mut s = Session::new(vec![sd(&d, CardRecords::default(), 20)], opts, now);
    assert_eq!(drain(&mut s, now).len(), 2);
}

#[test]
fn a_lapse_at_the_threshold_makes_a_leech_and_suspends_it() {
    let d = deck();
    let now = ts(NOW);
    let mut r = review("2026-03-01T04:00:00Z", "2026-02-24T10:00:00Z");
    r.state.lapses = 7;
    let mut records = CardRecords::default();
    records.insert("a".to_string(), r);
    let mut s = session(vec![sd(&d, records, 0)], now);
    s.show(now);
    answer(&mut s, now);
    let (writes, event) = grade(&mut s, Rating::Again, now);
    let [Write::Review(r)] = writes.as_slice() else {
        panic!("{writes:?}")
    };
    assert!(r.after.suspended && r.after.leech);
    assert!(
        matches!(event, Event::Graded(g) if g.leech && g.lapses == 8),
        "{event:?}"
    );
    assert_eq!(s.tally().leeches, 1);
    assert_eq!(s.show(now), None, "a suspended leech does not come back");
}

#[test]
fn siblings_of_a_fact_studied_today_wait_until_tomorrow() {
    let d = deck();
    let now = ts(NOW);
    let first_hq = d
        .cards
        .iter()
        .find(|c| c.fact.as_deref() == Some("hq"))
        .unwrap();
    let mut rec = review("2026-03-10T04:00:00Z", "2026-03-02T09:00:00Z");
    rec.state.last_review = Some(ts("2026-03-02T09:00:00Z"));
    let mut records = CardRecords::default();
    records.insert(first_hq.id.to_string(), rec);
    let mut s = session(vec![sd(&d, records.clone(), 20)], now);
    let shown = drain(&mut s, now);
    assert!(!shown.iter().any(|id| id.starts_with("hq/")), "{shown:?}");
    let held = d
        .cards
        .iter()
        .filter(|c| c.fact.as_deref() == Some("hq"))
        .count()
        - 1;
    assert!(s.held_back() >= held, "{} of {held}", s.held_back());
    // Nothing left: the next card is due tomorrow at the day start, never in the past.
    assert_eq!(s.next_due(now), Some(ts("2026-03-03T04:00:00Z")));
}

#[test]
fn a_sibling_held_back_by_an_overdue_one_goes_first_the_next_day() {
    let d = deck();
    let hq: Vec<&Card> = d
        .cards
        .iter()
        .filter(|c| c.fact.as_deref() == Some("hq"))
        .collect();
    let mut records = CardRecords::default();
    // Both due; the second is more overdue, so it goes first and the first is held back.
    records.insert(
        hq[0].id.to_string(),
        review("2026-03-02T04:00:00Z", "2026-02-20T10:00:00Z"),
    );
    records.insert(
        hq[1].id.to_string(),
        review("2026-03-01T04:00:00Z", "2026-02-19T10:00:00Z"),
    );
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, records, 0)], now);
    assert_eq!(drain(&mut s, now), [hq[1].id.to_string()]);
    assert_eq!(s.held_back(), 1);
}

#[test]
fn the_question_hash_is_pinned_and_follows_the_question() {
    let d = deck();
    let a = d.card("a").unwrap();
    assert_eq!(question_hash(a), "66e592f60940eb36");
    let mut changed = a.clone();
    changed.prompt = "First, again?".into();
    assert_ne!(question_hash(&changed), question_hash(a));
}

#[test]
fn shown_options_are_seeded_and_complete() {
    let d = deck();
    let choice = d.cards.iter().find(|c| c.kind.name() == "choice").unwrap();
    let a = shown_options(choice, 1);
    assert_eq!(a, shown_options(choice, 1));
    let mut sorted = a.clone();
    sorted.sort();
    let crate::deck::Kind::Choice { correct, wrong } = &choice.kind else {
        unreachable!()
    };
    let mut all: Vec<Text> = correct.iter().chain(wrong).cloned().collect();
    all.sort();
    assert_eq!(sorted, all);
}

#[test]
fn fnv1a_is_stable() {
    assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(&["a"]), crate::deck::generate::fnv1a(b"a\xff"));
    assert_eq!(fnv1a(&["sco"]), fnv1a(&["sco"]));
    assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
}

#[test]
fn a_suspend_waiting_for_a_grade_is_dropped_by_another_action() {
    let d = deck();
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    let first = s.show(now).unwrap();
    let seen = Action::Answer {
        text: String::new(),
        ms: 900,
    };
    act(&mut s, seen.clone(), now, &Judge(Verdict::Unchecked));
    assert_eq!(
        act(&mut s, Action::Suspend, now, &RIGHT).1,
        Event::ChooseGrade
    );
    // Enter alone still cannot grade; the suspend keeps waiting for the grade.
    assert_eq!(
        act(&mut s, Action::Grade(None), now, &RIGHT).1,
        Event::ChooseGrade
    );
    let (writes, event) = grade(&mut s, Rating::Good, now);
    assert_eq!(writes.len(), 2, "{writes:?}");
    assert!(
        matches!(event, Event::Suspended { item, graded: Some(_) } if item == first),
        "{event:?}"
    );
    // Asked to choose before a suspend, the learner undoes instead: the next grade is a grade.
    let second = s.show(now).unwrap();
    assert_ne!(first, second);
    act(&mut s, seen.clone(), now, &Judge(Verdict::Unchecked));
    assert_eq!(
        act(&mut s, Action::Suspend, now, &RIGHT).1,
        Event::ChooseGrade
    );
    act(&mut s, Action::Undo, now, &RIGHT);
    act(&mut s, Action::Undo, now, &RIGHT);
    assert_eq!(s.show(now), Some(first));
    act(&mut s, seen, now, &Judge(Verdict::Unchecked));
    let (writes, event) = grade(&mut s, Rating::Good, now);
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert!(matches!(event, Event::Graded(_)), "{event:?}");
}

#[test]
fn the_fuzz_seed_follows_the_card_and_the_time() {
    let d = deck();
    let (a, b) = (d.card("a").unwrap(), d.card("b").unwrap());
    let now = ts(NOW);
    let later = now + jiff::SignedDuration::from_millis(1);
    assert_eq!(
        fuzz_seed(a, now),
        fnv1a(&["a", &now.as_millisecond().to_string()])
    );
    assert_ne!(fuzz_seed(a, now), fuzz_seed(a, later));
    assert_ne!(fuzz_seed(a, now), fuzz_seed(b, now));
}

#[test]
fn shown_options_are_pinned_per_seed_and_never_come_solved() {
    const PINNED: [&str; 4] = ["Lima", "Arequipa", "Cusco", "Trujillo"];
    use crate::deck::Kind;
    let d = deck();
    let wrong = ["Cusco", "Arequipa", "Trujillo"].map(Text::from).to_vec();
    let choice = Card::new(
        "peru",
        Kind::Choice {
            correct: vec!["Lima".into()],
            wrong,
        },
        "Capital of Peru?",
    );
    // Seeds give many orders, and a seed always the same one: pinned, so that a change of
    // generator (which would reshuffle every learner's cards) shows.
    let orders: HashSet<Vec<Text>> = (0..16).map(|seed| shown_options(&choice, seed)).collect();
    assert!(orders.len() >= 6, "{orders:?}");
    assert_eq!(shown_options(&choice, 1), PINNED.map(Text::from).to_vec());
    let items: Vec<Text> = ["one", "two", "three", "four"].map(Text::from).to_vec();
    let order = Card::new(
        "o",
        Kind::Order {
            items: items.clone(),
        },
        "In order?",
    );
    let pairs: Vec<(Text, Text)> = items.iter().map(|i| (i.clone(), i.clone())).collect();
    let matching = Card::new(
        "m",
        Kind::Match {
            pairs: pairs.clone(),
        },
        "Pair them",
    );
    for seed in 0..64 {
        let shown = shown_options(&order, seed);
        assert_ne!(shown, items, "seed {seed}: an order card shown solved");
        let mut sorted = shown.clone();
        sorted.sort();
        let mut all = items.clone();
        all.sort();
        assert_eq!(sorted, all);
        let right: Vec<Text> = shown_options(&matching, seed);
        assert!(
            right.iter().zip(&pairs).any(|(o, (_, r))| o != r),
            "seed {seed}: a match card shown solved"
        );
    }
    assert_eq!(
        shown_options(&order, 7),
        shown_options(&order, 7),
        "the same seed, the same order"
    );
    assert!(
        shown_options(d.card("a").unwrap(), 1).is_empty(),
        "typed cards have none"
    );
}

fn learning_due(due: &str) -> CardRecord {
    let mut r = CardRecord::new("h", ts(due));
    r.state.phase = Phase::Learning;
    r.state.last_review = Some(ts("2026-03-01T09:00:00Z"));
    r
}

#[test]
fn the_agenda_counts_what_can_be_studied_now_and_what_waits() {
    let d = deck();
    let now = ts(NOW);
    let hq: Vec<String> = d
        .cards
        .iter()
        .filter(|c| c.fact.as_deref() == Some("hq"))
        .map(|c| c.id.to_string())
        .collect();
    let hq2: Vec<String> = d
        .cards
        .iter()
        .filter(|c| c.fact.as_deref() == Some("hq2"))
        .map(|c| c.id.to_string())
        .collect();
    let mut records = CardRecords::default();
    let mut suspended = CardRecord::new("h", now);
    suspended.suspended = true;
    records.insert("a".into(), suspended);
    records.insert(
        "b".into(),
        review("2026-03-01T04:00:00Z", "2026-02-20T10:00:00Z"),
    );
    let mut buried = review("2026-03-01T04:00:00Z", "2026-02-20T10:00:00Z");
    buried.buried_until = Some(Date::constant(2026, 3, 4));
    records.insert("c".into(), buried);
    records.insert(hq[0].clone(), learning_due("2026-03-02T10:10:00Z"));
    let a = agenda(&sd(&d, records.clone(), 1).want(&[]), now);
    assert_eq!((a.suspended, a.buried), (1, 1));
    assert_eq!(
        a.learning,
        [(
            d.cards.iter().position(|c| c.id.as_str() == hq[0]).unwrap(),
            ts("2026-03-02T10:10:00Z")
        )]
    );
    assert_eq!(a.reviews.len(), 1);
    assert_eq!(a.new.len(), 1, "the limit");
    assert_eq!(
        d.cards[a.new[0]].id.as_str(),
        hq2[0],
        "hq's others are held back"
    );
    assert_eq!(a.held_back, hq.len() - 1);
    assert_eq!(a.unseen, hq.len() - 1 + hq2.len());
    assert_eq!(a.learning_now(now), 1);
    assert_eq!(a.studyable_now(now), 3);
    assert_eq!(a.next_studyable(now), Some(now));
    assert_eq!(
        a.next,
        Some(ts("2026-03-03T04:00:00Z")),
        "held back, over the limit"
    );

    // Later the learning card waits beyond the learn-ahead window, the review is due
    // tomorrow and no new card is allowed: nothing now, and the first to come is the
    // learning card at 13:00.
    records.insert(hq[0].clone(), learning_due("2026-03-02T13:00:00Z"));
    records.insert(
        "b".into(),
        review("2026-03-03T04:00:00Z", "2026-02-26T10:00:00Z"),
    );
    // A learning step of days waits for its day, like a review.
    records.insert(hq2[0].clone(), learning_due("2026-03-05T04:00:00Z"));
    let a = agenda(&sd(&d, records, 0).want(&[]), now);
    assert_eq!(a.due_tomorrow, 1);
    assert_eq!(a.learning.len(), 1);
    assert_eq!(a.learning_now(now), 0);
    assert_eq!(
        a.learning_now(ts("2026-03-02T12:40:00Z")),
        1,
        "within 20 minutes"
    );
    assert_eq!(a.learning_now(ts("2026-03-02T12:39:00Z")), 0);
    assert_eq!(a.studyable_now(now), 0);
    assert_eq!(a.next_studyable(now), Some(ts("2026-03-02T13:00:00Z")));
    assert_eq!(a.next, Some(ts("2026-03-03T04:00:00Z")));
    assert_eq!(a.held_back, 0, "nothing would have been taken");
    // Tags leave the other cards out altogether.
    let tags = ["greek".to_string()];
    let a = agenda(&sd(&d, CardRecords::default(), 5).want(&tags), now);
    assert_eq!((a.new.len(), a.unseen), (1, 1));
}

#[test]
fn the_review_limit_holds_and_the_rest_waits_for_tomorrow() {
    let d = deck();
    let now = ts(NOW);
    let mut records = CardRecords::default();
    for id in ["a", "b", "c"] {
        records.insert(
            id.into(),
            review("2026-03-01T04:00:00Z", "2026-02-20T10:00:00Z"),
        );
    }
    let mut deck = sd(&d, records, 0);
    deck.review_limit = 2;
    let a = agenda(&deck.want(&[]), now);
    assert_eq!(a.reviews.len(), 2);
    assert_eq!(a.next, Some(ts("2026-03-03T04:00:00Z")));
    assert_eq!(learn_ahead(now), ts("2026-03-02T10:20:00Z"));
}

#[test]
fn cards_kept_apart_wait_like_siblings() {
    let mut d = deck();
    // `a` shows `c`'s answer; once `a` is queued, `c` waits, and the other way round.
    d.apart.add("a", "c");
    d.apart.add("c", "a");
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    let shown = drain(&mut s, now);
    assert!(shown.contains(&"a".to_string()), "{shown:?}");
    assert!(!shown.contains(&"c".to_string()), "{shown:?}");
    assert!(shown.contains(&"b".to_string()), "{shown:?}");
    // A card kept apart from a whole fact waits once any card of it was studied today.
    let mut d = deck();
    d.apart.add("c", "hq");
    let hq = d
        .cards
        .iter()
        .find(|c| c.fact.as_deref() == Some("hq"))
        .unwrap()
        .id
        .to_string();
    d.apart.add(&hq, "c");
    let mut rec = review("2026-03-10T04:00:00Z", "2026-03-02T09:00:00Z");
    rec.state.last_review = Some(ts("2026-03-02T09:00:00Z"));
    let mut records = CardRecords::default();
    records.insert(hq, rec);
    let mut s = session(vec![sd(&d, records, 20)], now);
    let shown = drain(&mut s, now);
    assert!(!shown.contains(&"c".to_string()), "{shown:?}");
    assert!(shown.contains(&"b".to_string()), "{shown:?}");
    // Nothing kept apart: every plain card comes.
    let d = deck();
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    let shown = drain(&mut s, now);
    for id in ["a", "b", "c"] {
        assert!(shown.contains(&id.to_string()), "{shown:?}");
    }
}

/// A session over the cards tagged `greek` (only `a`).
fn greek_only<'a>(d: &'a Deck, records: CardRecords, now: Timestamp) -> Session<'a> {
    let opts = SessionOptions {
        tags: vec!["greek".into()],
        ..SessionOptions::default()
    };
    Session::new(vec![sd(d, records, 20)], opts, now)
}

#[test]
fn the_next_due_after_a_session_counts_the_cards_it_answered() {
    let d = deck();
    let now = ts(NOW);
    let mut s = greek_only(&d, CardRecords::default(), now);
    assert_eq!(study(&mut s, Rating::Easy, now), "a");
    assert_eq!(s.show(now), None);
    let due = s.decks[0].records["a"].state.due;
    assert!(due > ts("2026-03-04T00:00:00Z"), "{due}");
    // Not "nothing scheduled": the card just answered comes back on its due date, as a new
    // session (and `status`) would say.
    assert_eq!(s.next_due(now), Some(due));
    let mut later = greek_only(&d, s.decks[0].records.clone(), now);
    assert_eq!(later.show(now), None);
    assert_eq!(later.next_due(now), Some(due));
}

#[test]
fn a_card_answered_then_buried_comes_back_when_both_allow() {
    let d = deck();
    let now = ts(NOW);
    // A review answered right and buried: its new due date, days after the bury ends, is
    // when it is back.
    let mut records = CardRecords::default();
    records.insert(
        "a".to_string(),
        review("2026-03-01T04:00:00Z", "2026-02-24T10:00:00Z"),
    );
    let mut s = greek_only(&d, records, now);
    s.show(now).unwrap();
    assert_eq!(answer(&mut s, now), Event::Checked);
    let (_, event) = act(&mut s, Action::Bury, now, &RIGHT);
    assert!(
        matches!(
            event,
            Event::Buried {
                graded: Some(_),
                ..
            }
        ),
        "{event:?}"
    );
    let rec = s.decks[0].records["a"].clone();
    assert_eq!(rec.buried_until, Some(Date::constant(2026, 3, 3)));
    assert!(rec.state.due > ts("2026-03-04T04:00:00Z"), "{rec:?}");
    let back = rec.state.due;
    assert_eq!(s.next_due(now), Some(back));
    let later = greek_only(&d, s.decks[0].records.clone(), now);
    assert_eq!(later.next_due(now), Some(back));
    // A new card buried is back when the bury ends; a suspended one is not coming back.
    let mut s = greek_only(&d, CardRecords::default(), now);
    s.show(now).unwrap();
    act(&mut s, Action::Bury, now, &RIGHT);
    assert_eq!(s.next_due(now), Some(ts("2026-03-03T04:00:00Z")));
    let mut s = greek_only(&d, CardRecords::default(), now);
    s.show(now).unwrap();
    act(&mut s, Action::Suspend, now, &RIGHT);
    assert_eq!(s.next_due(now), None);
}

#[test]
fn a_learning_step_that_crosses_the_day_start_is_the_next_days() {
    let d = deck();
    // Four minutes before the day starts (04:00 UTC), a new card answered Hard: its step ends
    // after 04:00, on the next study day.
    let now = ts("2026-03-03T03:56:00Z");
    let mut s = greek_only(&d, CardRecords::default(), now);
    assert_eq!(study(&mut s, Rating::Hard, now), "a");
    let due = s.decks[0].records["a"].state.due;
    assert!(due > ts("2026-03-03T04:00:00Z") && due < ts("2026-03-03T04:16:00Z"));
    // Not shown again tonight (the agenda says it is not today's), and the session says when.
    assert_eq!(s.counts().total(), 0);
    assert_eq!(s.show(now), None);
    assert_eq!(s.next_due(now), Some(due));
    let mut fresh = greek_only(&d, s.decks[0].records.clone(), now);
    assert_eq!(fresh.show(now), None);
    assert_eq!(fresh.next_due(now), Some(due));
    let mut tomorrow = greek_only(&d, s.decks[0].records.clone(), due);
    assert!(tomorrow.show(due).is_some());
    // In the middle of the day the same answer brings the card back within the session.
    let now = ts(NOW);
    let mut s = greek_only(&d, CardRecords::default(), now);
    study(&mut s, Rating::Hard, now);
    assert!(s.show(now).is_some());
}

#[test]
fn a_card_put_away_unanswered_frees_its_place_for_the_day() {
    let d = deck();
    let now = ts(NOW);
    // Two new cards a day: `a` is buried without an answer and `b` answered, so one new card
    // is still allowed today, and the session offers it once its queue runs out.
    let mut s = session(vec![sd(&d, CardRecords::default(), 2)], now);
    s.show(now).unwrap();
    let (_, event) = act(&mut s, Action::Bury, now, &RIGHT);
    assert!(matches!(event, Event::Buried { .. }), "{event:?}");
    assert_eq!(study(&mut s, Rating::Easy, now), "b");
    let third = s.show(now).map(|i| s.card(i).id.to_string());
    assert!(
        third.as_deref().is_some_and(|id| id.starts_with("hq/")),
        "{third:?}"
    );
    assert_eq!(study(&mut s, Rating::Easy, now), third.unwrap());
    assert_eq!(s.show(now), None);

    // A suspended card no longer holds its siblings back: the next one of its fact comes.
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    let mut shown = Vec::new();
    let mut suspended = None;
    while let Some(item) = s.show(now) {
        let id = s.card(item).id.to_string();
        if suspended.is_none() && id.starts_with("hq/") {
            act(&mut s, Action::Suspend, now, &RIGHT);
            suspended = Some(id);
        } else {
            shown.push(study(&mut s, Rating::Easy, now));
        }
    }
    let suspended = suspended.expect("an hq card was shown");
    let hq_after: Vec<&String> = shown.iter().filter(|id| id.starts_with("hq/")).collect();
    assert_eq!(hq_after.len(), 1, "{suspended} then {shown:?}");
    // Where the session ends is where a new session (and `status`) starts: nothing left now,
    // and the same next time.
    let mut fresh = session(vec![sd(&d, s.decks[0].records.clone(), 20)], now);
    assert_eq!(fresh.show(now), None);
    assert_eq!(s.next_due(now), fresh.next_due(now));
}

#[test]
fn undoing_a_suspend_holds_back_again_the_sibling_it_had_freed() {
    let d = deck();
    let now = ts(NOW);
    let mut s = session(vec![sd(&d, CardRecords::default(), 20)], now);
    // Answer everything but the first `hq` card, which is suspended; when the queue runs out a
    // sibling of it is offered. Undo the suspend there: the suspended card comes back and the
    // sibling waits for another day again.
    let mut suspended = None;
    loop {
        let item = s.show(now).expect("cards until an hq sibling comes");
        let id = s.card(item).id.to_string();
        if id.starts_with("hq/") {
            if suspended.is_none() {
                act(&mut s, Action::Suspend, now, &RIGHT);
                suspended = Some(id);
                continue;
            }
            break;
        }
        study(&mut s, Rating::Easy, now);
    }
    // The sibling is on screen; undo (it goes back to the queue) takes back the last action,
    // which was the answer before it, so undo until the suspend is undone.
    let suspended = suspended.unwrap();
    loop {
        let (_, event) = act(&mut s, Action::Undo, now, &RIGHT);
        if let Event::Undone {
            item,
            what: Undid::Suspend,
        } = event
        {
            assert_eq!(s.card(item).id.as_str(), suspended);
            break;
        }
        assert!(matches!(event, Event::Undone { .. }), "{event:?}");
    }
    let mut shown = vec![];
    while s.show(now).is_some() {
        shown.push(study(&mut s, Rating::Easy, now));
    }
    let hq: Vec<&String> = shown.iter().filter(|id| id.starts_with("hq/")).collect();
    assert_eq!(hq, [&suspended], "{shown:?}");
}

#[test]
fn a_session_stopped_by_its_limit_still_says_when_its_answers_come_back() {
    let d = deck();
    let now = ts(NOW);
    let opts = SessionOptions {
        tags: vec!["greek".into()],
        card_limit: Some(1),
        ..SessionOptions::default()
    };
    let mut s = Session::new(vec![sd(&d, CardRecords::default(), 20)], opts, now);
    assert_eq!(study(&mut s, Rating::Easy, now), "a");
    assert_eq!(s.show(now), None);
    assert_eq!(s.next_due(now), Some(s.decks[0].records["a"].state.due));
}

#[test]
fn cram_answers_change_no_next_due() {
    let d = deck();
    let now = ts(NOW);
    let mut records = CardRecords::default();
    records.insert(
        "a".to_string(),
        review("2026-03-09T04:00:00Z", "2026-03-01T10:00:00Z"),
    );
    let opts = SessionOptions {
        tags: vec!["greek".into()],
        cram: true,
        ..SessionOptions::default()
    };
    let mut s = Session::new(vec![sd(&d, records, 20)], opts, now);
    let item = s.show(now).unwrap();
    answer(&mut s, now);
    act(&mut s, Action::Grade(Some(Rating::Good)), now, &RIGHT);
    assert_eq!(s.card(item).id.as_str(), "a");
    assert_eq!(s.show(now), None);
    assert_eq!(s.next_due(now), None, "cram schedules nothing");
}

#[test]
fn a_learning_card_waiting_past_the_learn_ahead_limit_is_counted_once() {
    let d = deck();
    let now = ts(NOW);
    let mut records = CardRecords::default();
    let mut rec = CardRecord::new("h", ts("2026-03-02T11:00:00Z"));
    rec.state.phase = Phase::Learning;
    rec.state.last_review = Some(ts("2026-03-02T09:00:00Z"));
    records.insert("a".to_string(), rec);
    let mut s = greek_only(&d, records, now);
    // Due in an hour: not shown now, and reading the agenda again when the queue is empty
    // does not queue it twice.
    assert_eq!(s.show(now), None);
    assert_eq!(s.show(now), None);
    assert_eq!(s.counts().learning, 1);
    assert_eq!(s.next_due(now), Some(ts("2026-03-02T11:00:00Z")));
}

//! Quizzes, status, reset and settings through the binary.

mod common;

use common::TestEnv;

fn env() -> TestEnv {
    let t = TestEnv::new();
    t.add_deck("study/capitals.toml");
    t
}

fn count(t: &TestEnv, sql: &str) -> i64 {
    let db = rusqlite::Connection::open(t.data().join("progress.sqlite3")).unwrap();
    db.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn status(t: &TestEnv) -> serde_json::Value {
    common::status_of(t, "capitals")
}

#[test]
fn a_quiz_scores_reviews_mistakes_and_changes_no_schedule() {
    let t = env();
    // Only the typed and choice cards are asked (auto-checked first): answer them all wrong.
    let r = t.run(
        &["quiz", "capitals", "-n", "4", "--seed", "5"],
        "x\nx\n2\nx\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Score: 0/4 right"), "{}", r.stdout);
    assert!(r.stdout.contains("Mistakes"), "{}", r.stdout);
    assert!(r.stdout.contains("You answered: x"), "{}", r.stdout);
    assert!(
        !r.stdout.contains("Capital of Japan"),
        "basic cards only fill short decks"
    );
    assert_eq!(
        count(&t, "SELECT count(*) FROM reviews WHERE mode = 'quiz'"),
        4
    );
    assert_eq!(status(&t)["new"], 5, "no schedule changed");
}

#[test]
fn a_quiz_with_schedule_updates_the_cards() {
    let t = env();
    let r = t.run(
        &[
            "quiz",
            "capitals",
            "-n",
            "2",
            "--seed",
            "5",
            "--schedule",
            "--tag",
            "asia",
        ],
        "Bishkek\nTashkent\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Score: "), "{}", r.stdout);
    assert_eq!(status(&t)["new"], 3, "both asked cards now have schedules");
    assert_eq!(
        count(&t, "SELECT count(*) FROM reviews WHERE mode = 'study'"),
        2
    );
}

#[test]
fn bare_recall_shows_the_status() {
    let t = env();
    let r = t.run(&[], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("capitals"), "{}", r.stdout);
    assert!(r.stdout.contains("new today"), "{}", r.stdout);
    assert!(r.stdout.contains("recall study"), "{}", r.stdout);
    assert!(
        !t.data().join("progress.sqlite3").exists(),
        "looking creates no database"
    );
}

#[test]
fn reset_makes_a_card_new_and_keeps_its_history() {
    let t = env();
    let r = t.run(&["study", "--deck", "capitals"], "Paris\n4\nq\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(status(&t)["new"], 4);
    let r = t.run(&["reset", "capitals", "france"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("capitals/france is new again"),
        "{}",
        r.stdout
    );
    assert_eq!(status(&t)["new"], 5);
    assert_eq!(count(&t, "SELECT count(*) FROM reviews"), 1);
    let r = t.run(&["reset", "capitals", "atlantis"], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("has no card `atlantis`"), "{}", r.stderr);
}

#[test]
fn the_user_config_sets_limits_and_flags_win() {
    let t = env();
    t.write("config/recall/config.toml", "[defaults]\nnew_per_day = 1\n");
    let r = t.run(&["study", "--deck", "capitals"], "Paris\n4\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Cards studied: 1"), "{}", r.stdout);
    let r = t.run(&["study", "--deck", "capitals"], "");
    assert!(
        r.stdout.contains("Nothing to study now"),
        "the day's one new card is used: {}",
        r.stdout
    );
    let r = t.run(
        &["study", "--deck", "capitals", "--new", "2"],
        "Bishkek\n4\nLima\n4\n",
    );
    assert!(r.stdout.contains("Cards studied: 2"), "{}", r.stdout);
    t.write("config/recall/config.toml", "[defaults]\nnew_per_dya = 1\n");
    let r = t.run(&["status"], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("config.toml"), "{}", r.stderr);
}

#[test]
fn an_exam_date_caps_intervals() {
    let t = env();
    // Easy on a new card would normally give days; the exam is two days away.
    let r = t.run(
        &[
            "study",
            "--deck",
            "capitals",
            "--exam",
            "2026-03-04",
            "--limit",
            "1",
        ],
        "Paris\n4\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let due: i64 = count(&t, "SELECT due_ms FROM cards WHERE card = 'france'");
    let exam_ms = "2026-03-04T00:00:00Z"
        .parse::<jiff::Timestamp>()
        .unwrap()
        .as_millisecond();
    assert!(due < exam_ms, "due {due} is before the exam {exam_ms}");
    let r = t.run(&["study", "--exam", "tomorrow"], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("YYYY-MM-DD"), "{}", r.stderr);
}

#[test]
fn recall_now_must_be_a_time() {
    let mut t = env();
    t.now = "soon".to_string();
    let r = t.run(&["status"], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("RECALL_NOW"), "{}", r.stderr);
}

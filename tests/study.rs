//! Study sessions in line mode, driven through the real binary on temporary directories.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use common::TestEnv;

fn env() -> TestEnv {
    let t = TestEnv::new();
    t.add_deck("study/capitals.toml");
    t
}

fn reviews_in_db(t: &TestEnv) -> i64 {
    let db = rusqlite::Connection::open(t.data().join("progress.sqlite3")).unwrap();
    db.query_row(
        "SELECT count(*) FROM reviews WHERE undone_ms IS NULL",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn a_whole_session_in_line_mode() {
    let t = env();
    // france, kyrgyzstan, uzbekistan, peru (choice), japan (basic): answer and grade Easy.
    let input = "Paris\n4\nBishkek\n4\nTashkent\n4\nLima\n4\n\n4\n";
    let r = t.run(&["study", "--deck", "capitals", "--seed", "1"], input);
    assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("What is the capital of France?"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Right."), "{}", r.stdout);
    assert!(
        r.stdout.contains("Paris has been the capital"),
        "explanation shown: {}",
        r.stdout
    );
    assert!(r.stdout.contains("Source: atlas, p. 1"), "{}", r.stdout);
    assert!(
        r.stdout.contains("Answer: Tokyo"),
        "basic card revealed: {}",
        r.stdout
    );
    assert!(r.stdout.contains("Cards studied: 5"), "{}", r.stdout);
    assert!(r.stdout.contains("Accuracy: 5/5 (100%)"), "{}", r.stdout);
    assert_eq!(reviews_in_db(&t), 5);

    let s = t.run(&["status", "--json"], "");
    assert_eq!(s.code, 0, "{}", s.stderr);
    let v: serde_json::Value = serde_json::from_str(&s.stdout).unwrap();
    let cap = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["deck"] == "capitals")
        .unwrap();
    assert_eq!(cap["new"], 0);
    assert_eq!(cap["learning"], 0);
    assert_eq!(cap["due_today"], 0);
}

#[test]
fn wrong_answers_show_the_right_one_and_a_neighbouring_capital_is_not_a_typo() {
    let t = env();
    let r = t.run(
        &["study", "--deck", "capitals", "--new", "3"],
        "Paris\n3\nBishkek\n3\nBishkek\n1\nq\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Wrong."), "{}", r.stdout);
    assert!(r.stdout.contains("Answer: Tashkent"), "{}", r.stdout);
}

#[test]
fn progress_survives_quitting_and_the_next_session_goes_on() {
    let t = env();
    let r = t.run(&["study", "--deck", "capitals"], "Paris\n3\nq\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Cards studied: 1"), "{}", r.stdout);
    assert_eq!(reviews_in_db(&t), 1);
    let s = t.run(&["status", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&s.stdout).unwrap();
    assert_eq!(v[0]["learning"], 1, "{v}");
    assert_eq!(v[0]["new"], 4, "{v}");
    // The next session starts with the next new card.
    let r = t.run(&["study", "--deck", "capitals"], "q\n");
    assert!(r.stdout.contains("capital of Kyrgyzstan"), "{}", r.stdout);
}

#[test]
fn undo_takes_back_the_last_answer() {
    let t = env();
    let r = t.run(
        &["study", "--deck", "capitals"],
        "Paris\n4\n:u\nParis\n4\nq\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Undone: france comes back."),
        "{}",
        r.stdout
    );
    assert_eq!(
        r.stdout.matches("What is the capital of France?").count(),
        2,
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Cards studied: 1"), "{}", r.stdout);
    assert_eq!(reviews_in_db(&t), 1);
}

#[test]
fn undo_at_the_grade_prompt_and_suspend_and_bury() {
    let t = env();
    // Answer France, then at Kyrgyzstan's grade prompt undo (France returns), grade it again,
    // then suspend Kyrgyzstan and bury Uzbekistan.
    let input = "Paris\n4\nBishkek\nu\nParis\n4\nBishkek\ns\nTashkent\nb\nq\n";
    let r = t.run(&["study", "--deck", "capitals"], input);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Suspended kyrgyzstan"), "{}", r.stdout);
    assert!(
        r.stdout.contains("Buried uzbekistan until tomorrow."),
        "{}",
        r.stdout
    );
    assert_eq!(reviews_in_db(&t), 1);
    let s = t.run(&["status", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&s.stdout).unwrap();
    assert_eq!(v[0]["suspended"], 1, "{v}");
}

#[test]
fn limits_and_tags_choose_the_cards() {
    let t = env();
    let r = t.run(
        &["study", "--deck", "capitals", "--tag", "asia"],
        "Bishkek\n4\nTashkent\n4\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("France"), "{}", r.stdout);
    assert!(r.stdout.contains("Cards studied: 2"), "{}", r.stdout);
    let r = t.run(
        &["study", "--deck", "capitals", "--limit", "1"],
        "Paris\n4\n",
    );
    assert!(r.stdout.contains("Cards studied: 1"), "{}", r.stdout);
}

#[test]
fn cram_changes_no_schedule() {
    let t = env();
    let r = t.run(
        &[
            "study", "--deck", "capitals", "--cram", "--tag", "asia", "--seed", "3",
        ],
        "Bishkek\n\nTashkent\n\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Cards studied: 2"), "{}", r.stdout);
    let s = t.run(&["status", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&s.stdout).unwrap();
    assert_eq!(v[0]["new"], 5, "cram left every card new: {v}");
}

#[test]
fn end_of_input_ends_the_session_cleanly() {
    let t = env();
    let r = t.run(&["study", "--deck", "capitals"], "Paris\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Cards studied: 0"), "{}", r.stdout);
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let t = env();
    let db = t.data().join("progress.sqlite3");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("CREATE TABLE x(y); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let r = t.run(&["study", "--deck", "capitals"], "Paris\n3\n");
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("newer"), "{}", r.stderr);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_corrupt_database_is_refused_and_left_untouched() {
    let t = env();
    let db = t.data().join("progress.sqlite3");
    std::fs::write(
        &db,
        b"this is not a database, but it is precious to someone",
    )
    .unwrap();
    let r = t.run(&["study", "--deck", "capitals"], "Paris\n3\n");
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains(&db.display().to_string()), "{}", r.stderr);
    assert_eq!(
        std::fs::read(&db).unwrap(),
        b"this is not a database, but it is precious to someone"
    );
}

#[test]
fn a_second_session_on_the_same_data_is_refused_clearly() {
    let t = env();
    let mut first = t
        .command(&["study", "--deck", "capitals"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(first.stdout.take().unwrap());
    let mut line = String::new();
    // Wait until the first session shows its first card.
    while out.read_line(&mut line).unwrap() > 0 && !line.contains("France") {
        line.clear();
    }
    let second = t.run(&["study", "--deck", "capitals"], "Paris\n3\n");
    assert_eq!(second.code, 2, "{}", second.stdout);
    assert!(
        second.stderr.contains("another recall session"),
        "{}",
        second.stderr
    );
    let mut stdin = first.stdin.take().unwrap();
    writeln!(stdin, "Paris\n3\nq").unwrap();
    drop(stdin);
    assert!(first.wait().unwrap().success());
    assert_eq!(reviews_in_db(&t), 1);
}

#[test]
fn killing_a_session_loses_no_acknowledged_answer() {
    let t = env();
    for kill_after in [1usize, 3] {
        let mut child = t
            .command(&["study", "--deck", "capitals", "--new", "5"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let answers = ["Paris", "Bishkek", "Tashkent", "Lima", ""];
        let mut acknowledged = 0;
        let mut line = String::new();
        let mut i = 0;
        while acknowledged < kill_after {
            line.clear();
            if out.read_line(&mut line).unwrap() == 0 {
                break;
            }
            if line.starts_with("> ") || line.trim_end() == ">" {
                let a = answers.get(i).copied().unwrap_or("x");
                writeln!(stdin, "{a}").unwrap();
                i += 1;
            } else if line.starts_with("Grade:") {
                writeln!(stdin, "1").unwrap();
            } else if line.starts_with("Next review in") {
                acknowledged += 1;
            }
        }
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(reviews_in_db(&t) >= acknowledged as i64);
    }
    let db = rusqlite::Connection::open(t.data().join("progress.sqlite3")).unwrap();
    let ok: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

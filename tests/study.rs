//! Study sessions in line mode, driven through the real binary on temporary directories.
//!
//! Issue 13 (the study loop a daily learner trusts), point by point, and the tests that drive
//! each as a learner would (here in line mode, or in `tests/pty.rs` through a terminal):
//! 1. grade proposals: `the_grade_proposal_depends_on_the_card` (the rule's table is a unit
//!    test in `src/grade.rs`);
//! 2. suspend, bury, undo, unsuspend: `undo_takes_back_the_last_answer`,
//!    `undo_at_the_grade_prompt_and_suspend_and_bury`,
//!    `suspend_is_confirmed_undone_listed_and_reversed`,
//!    `a_leech_is_listed_as_such_and_unsuspended_by_name`; pty:
//!    `a_suspend_stays_on_screen_until_the_next_key_and_u_undoes_it`;
//! 3. status and study agree: `a_week_of_status_and_study_agreeing_every_day`;
//! 4. the new-card limit: `cards_introduced_earlier_today_count_once_against_the_new_card_limit`,
//!    `limits_and_tags_choose_the_cards` (and `tests/quiz.rs`:
//!    `the_user_config_sets_limits_and_flags_win`);
//! 5. list items holding "and": `a_list_item_holding_and_is_matched_whole_despite_a_typo`;
//! 6. input slips: `input_slips_are_read_or_asked_again_never_graded_as_forgotten`;
//! 7. the grade prompt: `grade_words_and_numbers_and_quitting_at_the_grade_prompt`; pty:
//!    `typing_answers_and_grading_with_single_keys`,
//!    `grade_keys_words_a_stray_enter_and_escape_at_a_small_terminal`;
//! 8. progress and layout: `the_count_left_is_true_under_again_and_in_cram`,
//!    `cram_changes_no_schedule`, `line_mode_draws_no_bars_and_echoes_at_most_what_it_accepts`,
//!    `line_mode_never_echoes_more_than_an_answer_may_hold`; pty (wrapping, 40x12, the real
//!    interval kept on screen): `grade_keys_words_a_stray_enter_and_escape_at_a_small_terminal`;
//! 9. the order of new cards: `new_cards_take_turns_across_kinds_unless_the_deck_order_is_asked_for`;
//! 10. unknown tags and decks, `--help`: `unknown_tags_and_decks_name_the_closest`.

mod common;

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use common::{TestEnv, status_of};

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
    // New cards take turns across kinds: france (typed), peru (choice), japan (basic), then
    // kyrgyzstan and uzbekistan (typed). Answer each and grade it Easy.
    let input = "Paris\n4\nLima\n4\n\n4\nBishkek\n4\nTashkent\n4\n";
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
        &[
            "study",
            "--deck",
            "capitals",
            "--new",
            "3",
            "--new-order",
            "deck",
        ],
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
    france_came_back(&r.stdout, "answer");
    assert!(r.stdout.contains("Cards studied: 1"), "{}", r.stdout);
    assert_eq!(reviews_in_db(&t), 1);
}

/// The transcript says `what` was undone and France was asked again.
fn france_came_back(out: &str, what: &str) {
    assert!(
        out.contains(&format!("Undone ({what}): france comes back.")),
        "{out}"
    );
    assert_eq!(
        out.matches("What is the capital of France?").count(),
        2,
        "{out}"
    );
}

#[test]
fn undo_at_the_grade_prompt_and_suspend_and_bury() {
    let t = env();
    // Answer France, then at Kyrgyzstan's grade prompt undo (France returns), grade it again,
    // then suspend Kyrgyzstan and bury Uzbekistan from their grade prompts: the answers on
    // screen are recorded first.
    let input = "Paris\n4\nBishkek\nu\nParis\n4\nBishkek\ns\nTashkent\nb\nq\n";
    let r = t.run(
        &["study", "--deck", "capitals", "--new-order", "deck"],
        input,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "Your answer was recorded first (good). Suspended kyrgyzstan: it stays out of \
             sessions until `recall unsuspend capitals kyrgyzstan`; u undoes it now."
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "Your answer was recorded first (good). Buried uzbekistan until 2026-03-03; u undoes it now."
        ),
        "{}",
        r.stdout
    );
    assert_eq!(reviews_in_db(&t), 3);
    let s = t.run(&["status", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&s.stdout).unwrap();
    assert_eq!(v[0]["suspended"], 1, "{v}");
    assert_eq!(v[0]["buried"], 1, "{v}");
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
    // The count is of the cards the cram will show, and it comes down to nothing.
    assert!(r.stdout.contains("recall 0 done, 2 left\n"), "{}", r.stdout);
    assert!(r.stdout.contains("recall 1 done, 1 left\n"), "{}", r.stdout);
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

/// A line-mode session answered to its end as a patient learner would: every question gets
/// "1" (or another form if it is asked again), every grade prompt "3". Returns the transcript.
fn study_to_the_end(t: &TestEnv, args: &[&str]) -> String {
    use std::sync::mpsc::channel;
    use std::time::Duration;
    let mut child = t
        .command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut transcript = String::new();
    let mut retries = 0;
    while let Ok(line) = lines.recv_timeout(Duration::from_secs(30)) {
        transcript.push_str(&line);
        transcript.push('\n');
        if line.contains("Nothing was graded") {
            retries += 1;
        } else if line.starts_with("Grade:") {
            retries = 0;
            let _ = writeln!(stdin, "3");
        } else if line == "> " {
            let _ = writeln!(stdin, "{}", ["1", "true", "a"][retries % 3]);
        }
    }
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(status.success(), "{transcript}");
    transcript
}

/// "recall 0 done, 12 left (...)": the cards a session has at its start.
fn left_at_start(transcript: &str) -> Option<u64> {
    let line = transcript
        .lines()
        .find(|l| l.starts_with("recall 0 done, "))?;
    line["recall 0 done, ".len()..]
        .split(' ')
        .next()?
        .parse()
        .ok()
}

#[test]
fn a_week_of_status_and_study_agreeing_every_day() {
    let mut t = TestEnv::new();
    t.add_deck("decks/space.toml");
    for day in 1..=7 {
        for hour in ["03:30", "09:00", "21:00", "23:59"] {
            t.now = format!("2026-03-0{day}T{hour}:00Z");
            let now: jiff::Timestamp = t.now.parse().unwrap();
            let st = status_of(&t, "space");
            let next: jiff::Timestamp = st["next_due"].as_str().unwrap().parse().unwrap();
            assert!(
                next >= now,
                "day {day} {hour}: next due {next} is in the past: {st}"
            );
            let offered = st["new_today"].as_u64().unwrap()
                + st["learning"].as_u64().unwrap()
                + st["due_today"].as_u64().unwrap();
            let out = study_to_the_end(&t, &["study", "--deck", "space"]);
            if st["studyable_now"] == 0 {
                let when = next
                    .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string();
                assert!(
                    out.contains(&format!(
                        "Nothing to study now. The next card is due {when}."
                    )),
                    "day {day} {hour}: {st}\n{out}"
                );
            } else {
                assert_eq!(
                    left_at_start(&out),
                    Some(offered),
                    "day {day} {hour}: status {st}\n{out}"
                );
                // Sort by sort: the new cards, learning cards and reviews status counts are
                // the ones the session starts with.
                let head = format!(
                    "recall 0 done, {offered} left (new {}, learning {}, review {})",
                    st["new_today"], st["learning"], st["due_today"]
                );
                assert!(out.contains(&head), "day {day} {hour}: {st}\n{out}");
            }
            let held = st["held_back"].as_u64().unwrap();
            if held > 0 {
                assert!(
                    out.contains(&format!("Held back until tomorrow: {held} sibling")),
                    "day {day} {hour}: {st}\n{out}"
                );
            }
            // Right after studying everything, nothing is studyable and status says when.
            let after = status_of(&t, "space");
            assert_eq!(
                after["studyable_now"], 0,
                "day {day} {hour}: {after}\n{out}"
            );
            let next: jiff::Timestamp = after["next_due"].as_str().unwrap().parse().unwrap();
            assert!(next > now, "{after}");
            // The session's summary names the same next time as status does after it.
            if st["studyable_now"] != 0 {
                let when = next
                    .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string();
                assert!(
                    out.contains(&format!("  Next due: {when}\n")),
                    "day {day} {hour}: {after}\n{out}"
                );
            }
        }
    }
    // Siblings were held back on some day, and new cards were introduced 15 a day.
    let reviews = reviews_in_db(&t);
    assert!(reviews > 54, "{reviews}");
}

#[test]
fn cards_introduced_earlier_today_count_once_against_the_new_card_limit() {
    let t = TestEnv::new();
    t.write(
        "decks/three.toml",
        "format = 1\nid = \"three\"\ntitle = \"Three\"\n\
         [[card]]\nid = \"a\"\nkind = \"typed\"\nprompt = \"A?\"\nanswer = \"alpha\"\n\
         [[card]]\nid = \"b\"\nkind = \"typed\"\nprompt = \"B?\"\nanswer = \"bravo\"\n\
         [[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"C?\"\nanswer = \"charlie\"\n",
    );
    let r = t.run(&["study", "--deck", "three", "--limit", "1"], "alpha\n3\n");
    assert!(r.stdout.contains("Cards studied: 1"), "{}", r.stdout);
    // Later the same day the two other new cards are both offered (and the first comes back).
    let r = t.run(&["study", "--deck", "three"], "q\n");
    assert!(
        r.stdout
            .contains("recall 0 done, 3 left (new 2, learning 1, review 0)"),
        "{}",
        r.stdout
    );
    assert_eq!(status_of(&t, "three")["new_today"], 2);
}

/// A deck `fr` of one typed card, France, with these settings.
fn france_alone(settings: &str) -> TestEnv {
    let t = TestEnv::new();
    t.write(
        "decks/fr.toml",
        format!(
            "format = 1\nid = \"fr\"\ntitle = \"France\"\n{settings}[[card]]\nid = \"france\"\n\
             kind = \"typed\"\nprompt = \"What is the capital of France?\"\nanswer = \"Paris\"\n"
        ),
    );
    t
}

/// The text from `marker` on (to read what followed one question).
fn after<'a>(text: &'a str, marker: &str) -> &'a str {
    text.find(marker).map_or("", |i| &text[i..])
}

#[test]
fn the_grade_proposal_depends_on_the_card() {
    let t = env();
    // A brand-new choice card answered right at once: Good, not Easy (it could be a guess).
    let r = t.run(&["study", "--deck", "capitals"], "Paris\n4\nLima\nq\n");
    let peru = after(&r.stdout, "capital of Peru");
    assert!(peru.contains("Right."), "{}", r.stdout);
    assert!(peru.contains("Enter = 3 good;"), "{}", r.stdout);
    // A typed card: Good while new...
    let mut t = france_alone("");
    let r = t.run(&["study", "--deck", "fr"], "Paris\n4\n");
    assert!(r.stdout.contains("Enter = 3 good;"), "{}", r.stdout);
    // ...Easy once it is a review typed from memory at once...
    t.now = "2026-04-01T10:00:00Z".into();
    let r = t.run(&["study", "--deck", "fr"], "Paris\n\n");
    assert!(r.stdout.contains("Enter = 4 easy;"), "{}", r.stdout);
    // ...Again when forgotten, and Good, not Easy, when it comes back the same day.
    t.now = "2027-06-01T10:00:00Z".into();
    let r = t.run(&["study", "--deck", "fr"], "Rome\n\n");
    assert!(r.stdout.contains("Enter = 1 again;"), "{}", r.stdout);
    t.now = "2027-06-01T10:11:00Z".into();
    let r = t.run(&["study", "--deck", "fr"], "Paris\n\n");
    assert!(
        r.stdout.contains("What is the capital of France?"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Enter = 3 good;"),
        "failed today: {}",
        r.stdout
    );
}

#[test]
fn suspend_is_confirmed_undone_listed_and_reversed() {
    let t = env();
    let args = ["study", "--deck", "capitals", "--new-order", "deck"];
    // Suspend France from the answer prompt, then undo (`:u`: at the answer prompt a plain
    // `u` is an answer): France is back on screen.
    let r = t.run(&args, ":s\n:u\n:q\n");
    assert!(r.stdout.contains("Suspended france"), "{}", r.stdout);
    france_came_back(&r.stdout, "suspend");
    assert_eq!(status_of(&t, "capitals")["suspended"], 0);
    // Bury, then undo: unburied.
    let r = t.run(&args, ":b\n:u\n:q\n");
    assert!(
        r.stdout.contains("Undone (bury): france comes back."),
        "{}",
        r.stdout
    );
    assert_eq!(status_of(&t, "capitals")["buried"], 0);
    // Suspend two, list them, bring one back by name and the rest by deck.
    let r = t.run(&args, ":s\n:s\n:q\n");
    assert!(r.stdout.contains("Suspended kyrgyzstan"), "{}", r.stdout);
    let l = t.run(&["suspended"], "");
    assert_eq!(l.code, 0, "{}", l.stderr);
    assert!(
        l.stdout
            .contains("capitals france  What is the capital of France?"),
        "{}",
        l.stdout
    );
    assert!(l.stdout.contains("capitals kyrgyzstan"), "{}", l.stdout);
    assert!(l.stdout.contains("2 suspended"), "{}", l.stdout);
    let u = t.run(&["unsuspend", "capitals", "france"], "");
    assert_eq!(u.code, 0, "{}", u.stderr);
    assert!(
        u.stdout.contains("capitals france is back."),
        "{}",
        u.stdout
    );
    assert_eq!(status_of(&t, "capitals")["suspended"], 1);
    let u = t.run(&["unsuspend", "capitals"], "");
    assert!(
        u.stdout.contains("capitals kyrgyzstan is back."),
        "{}",
        u.stdout
    );
    assert_eq!(status_of(&t, "capitals")["suspended"], 0);
    let l = t.run(&["suspended", "capitals"], "");
    assert!(l.stdout.contains("No suspended cards."), "{}", l.stdout);
    let u = t.run(&["unsuspend", "capitals", "atlantis"], "");
    assert_eq!(u.code, 2);
    assert!(
        u.stderr.contains("deck `capitals` has no card `atlantis`"),
        "{}",
        u.stderr
    );
    // Nothing answered was lost on the way: no review was logged.
    assert_eq!(reviews_in_db(&t), 0);
}

#[test]
fn grade_words_and_numbers_and_quitting_at_the_grade_prompt() {
    let t = env();
    let args = ["study", "--deck", "capitals", "--new-order", "deck"];
    // A word grades; so does a number; `q` at the grade prompt grades as proposed, then ends.
    let r = t.run(&args, "Paris\ngood\nBishkek\n2\nTashkent\nq\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Next review in 10 minutes (good)."),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Next review in 6 minutes (hard)."),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Cards studied: 3"), "{}", r.stdout);
    assert_eq!(reviews_in_db(&t), 3);
    assert!(r.stdout.contains("Next due: "), "{}", r.stdout);
}

#[test]
fn line_mode_draws_no_bars_and_echoes_at_most_what_it_accepts() {
    let t = env();
    let long = "x".repeat(100_000);
    let r = t.run(
        &["study", "--deck", "capitals", "--new-order", "deck"],
        &format!("{long}\n1\n:q\n"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !r.stdout.contains('█') && !r.stdout.contains('░'),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Answer too long"),
        "{}",
        &r.stdout[..2000.min(r.stdout.len())]
    );
    assert!(r.stdout.len() < 4_000, "{} bytes of output", r.stdout.len());
    assert_eq!(reviews_in_db(&t), 1);
}

#[test]
fn new_cards_take_turns_across_kinds_unless_the_deck_order_is_asked_for() {
    let t = TestEnv::new();
    t.add_deck("decks/space.toml");
    let first_kinds = |args: &[&str]| -> Vec<String> {
        let r = t.run(args, ":b\n:b\n:b\n:q\n");
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
            .lines()
            .filter_map(|l| l.strip_prefix("Buried "))
            .map(|l| l.split(' ').next().unwrap().to_string())
            .collect()
    };
    let mixed = first_kinds(&["study", "--deck", "space"]);
    let deck = first_kinds(&["study", "--deck", "space", "--new-order", "deck"]);
    assert_eq!(mixed.len(), 3);
    assert_eq!(deck.len(), 3);
    assert_ne!(mixed, deck);
    // Which kind each card is, from `recall show --json`.
    let shown = t.run(&["show", "space", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    let kind = |id: &str| -> String {
        v["cards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["kind"].as_str().unwrap().to_string())
            .unwrap()
    };
    let kinds: HashSet<String> = mixed.iter().map(|id| kind(id)).collect();
    assert_eq!(kinds.len(), 3, "three kinds in a row: {mixed:?}");
}

#[test]
fn unknown_tags_and_decks_name_the_closest() {
    let t = env();
    let r = t.run(&["study", "--tag", "aisa"], "");
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr
            .contains("no card has the tag `aisa`; did you mean `asia`?"),
        "{}",
        r.stderr
    );
    let r = t.run(&["quiz", "capitals", "--tag", "geography"], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean `geo`?"), "{}", r.stderr);
    let r = t.run(&["study", "--deck", "capitls"], "");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("no deck named `capitls`; did you mean `capitals`?"),
        "{}",
        r.stderr
    );
    let h = t.run(&["--help"], "");
    assert_eq!(h.stdout.matches("Examples:").count(), 1, "{}", h.stdout);
    let h = t.run(&["-h"], "");
    assert_eq!(h.stdout.matches("Examples:").count(), 1, "{}", h.stdout);
}

#[test]
fn a_leech_is_listed_as_such_and_unsuspended_by_name() {
    let mut t = france_alone("[settings]\nleech_threshold = 1\n");
    t.run(&["study", "--deck", "fr"], "Paris\n4\n");
    t.now = "2026-06-01T10:00:00Z".into();
    let r = t.run(&["study", "--deck", "fr"], "Rome\n1\n");
    assert!(
        r.stdout.contains(
            "This card has been forgotten 1 times: it is now tagged as a leech and suspended."
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("`recall unsuspend fr france` brings it back"),
        "{}",
        r.stdout
    );
    let l = t.run(&["suspended", "fr"], "");
    assert!(
        l.stdout
            .contains("fr france  [leech]  What is the capital of France?"),
        "{}",
        l.stdout
    );
    let u = t.run(&["unsuspend", "fr", "france"], "");
    assert!(u.stdout.contains("fr france is back."), "{}", u.stdout);
    assert_eq!(status_of(&t, "fr")["suspended"], 0);
}

/// A deck `flags`: a card showing a picture with its question and a sound with its answer, and
/// one whose picture is missing from the media folder; and a viewer script that writes each
/// path it is given into `opened.txt`.
fn flags() -> (TestEnv, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let t = TestEnv::new();
    t.write(
        "decks/flags.toml",
        "format = 1\nid = \"flags\"\ntitle = \"Flags\"\n\
         [[card]]\nid = \"fr\"\nkind = \"typed\"\nprompt = \"Whose flag is this?\"\n\
         answer = \"France\"\nmedia = [\"flag.png\"]\nanswer_media = [\"anthem.mp3\"]\n\
         [[card]]\nid = \"de\"\nkind = \"typed\"\nprompt = \"And this one?\"\n\
         answer = \"Germany\"\nmedia = [\"gone.png\"]\n",
    );
    t.write("decks/flags.media/flag.png", b"not really a picture");
    t.write("decks/flags.media/anthem.mp3", b"not really a sound");
    let log = t.path().join("opened.txt");
    let viewer = t.write(
        "viewer.sh",
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display()),
    );
    std::fs::set_permissions(&viewer, std::fs::Permissions::from_mode(0o755)).unwrap();
    (t, viewer)
}

/// The file names the viewer script was given, sorted, once it was started `n` times. The
/// viewer runs in the background, so this waits for it (at most 20 s, then fails).
fn opened(t: &TestEnv, n: usize) -> Vec<String> {
    let log = t.path().join("opened.txt");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let mut names: Vec<String> = text
            .lines()
            .map(|l| l.rsplit('/').next().unwrap().to_string())
            .collect();
        if names.len() >= n || std::time::Instant::now() > deadline {
            names.sort();
            return names;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn run_with(t: &TestEnv, envs: &[(&str, &std::path::Path)], args: &[&str], input: &str) -> String {
    let mut cmd = t.command(args);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn attachments_are_named_and_opened_without_counting_as_answers() {
    let (t, viewer) = flags();
    let args = ["study", "--deck", "flags", "--new-order", "deck"];
    // `:o` at the answer prompt opens the question's picture; `o` at the grade prompt opens
    // the picture and the sound, `o 2` the sound alone; then the card is graded once. The
    // second card's picture is missing: that is said in a sentence and the card stays.
    let out = run_with(
        &t,
        &[("RECALL_VIEWER", &viewer)],
        &args,
        ":o\nFrance\no\no 2\n3\n:o\n:o 3\nGermany\n3\n",
    );
    assert!(
        out.contains("Whose flag is this?\nAttachment: flag.png (:o to open)\n"),
        "{out}"
    );
    assert!(out.contains("Opened flag.png.\n"), "{out}");
    assert!(
        out.contains("Right.\nAttachment: anthem.mp3 (o to open)\n"),
        "{out}"
    );
    assert!(out.contains("Opened anthem.mp3.\n"), "{out}");
    assert!(
        out.contains("o open, q quit]"),
        "the grade prompt says o opens: {out}"
    );
    let missing = t.decks().join("flags.media/gone.png");
    assert!(
        out.contains(&format!(
            "Could not open gone.png: {} is missing: the deck's media belong in {}/. \
             The card stays on screen.",
            missing.display(),
            t.decks().join("flags.media").display()
        )),
        "{out}"
    );
    assert!(
        out.contains("There is no attachment 3: this card has 1."),
        "{out}"
    );
    assert!(out.contains("Cards studied: 2"), "{out}");
    assert!(out.contains("Accuracy: 2/2 (100%)"), "{out}");
    assert!(!out.contains("Nothing was graded"), "{out}");
    assert_eq!(reviews_in_db(&t), 2, "opening is never an answer");
    assert_eq!(
        opened(&t, 4),
        ["anthem.mp3", "anthem.mp3", "flag.png", "flag.png"]
    );
}

#[test]
fn the_viewer_can_be_set_in_the_config_file_and_o_alone_is_an_answer() {
    let (t, viewer) = flags();
    t.write(
        "config/recall/config.toml",
        format!("viewer = '{}'\n", viewer.display()),
    );
    let args = ["study", "--deck", "flags", "--new-order", "deck"];
    // `:o` opens with the viewer the config names; at the answer prompt `o` without a colon
    // is an answer (wrong here), not an order to open.
    let out = run_with(&t, &[], &args, ":o\no\n1\n:q\n");
    assert!(out.contains("Opened flag.png."), "{out}");
    assert!(out.contains("Wrong."), "{out}");
    assert!(out.contains("(again)"), "{out}");
    assert_eq!(reviews_in_db(&t), 1);
    assert_eq!(opened(&t, 1), ["flag.png"]);
}

/// `study` of the deck `slips` (see [`slips`]) in the deck's order, with `args` (a limit),
/// answered with `input`.
fn study_slips(t: &TestEnv, args: &[&str], input: &str) -> common::Run {
    let mut all = vec!["study", "--deck", "slips", "--new-order", "deck"];
    all.extend_from_slice(args);
    t.run(&all, input)
}

/// A deck `slips` of one card of each kind where a slip of the keyboard is easy: a list with
/// an item that holds "and", two true/false cards and a choice card.
fn slips() -> TestEnv {
    let t = TestEnv::new();
    t.write(
        "decks/slips.toml",
        "format = 1\nid = \"slips\"\ntitle = \"Slips\"\n\
         [[card]]\nid = \"ties\"\nkind = \"list\"\n\
         prompt = \"Which two kinds of ties did the treaty deepen?\"\n\
         items = [\"economic\", \"cultural and humanitarian ties\"]\n\
         [[card]]\nid = \"bishkek\"\nkind = \"truefalse\"\n\
         prompt = \"Bishkek is the capital of Kyrgyzstan.\"\nanswer = true\n\
         [[card]]\nid = \"lima\"\nkind = \"truefalse\"\nprompt = \"Lima lies in Chile.\"\n\
         answer = false\n\
         [[card]]\nid = \"peru\"\nkind = \"choice\"\n\
         prompt = \"Which city is the capital of Peru?\"\ncorrect = \"Lima\"\n\
         wrong = [\"Cusco\", \"Arequipa\", \"Trujillo\"]\n",
    );
    t
}

#[test]
fn a_list_item_holding_and_is_matched_whole_despite_a_typo() {
    // Issue 13, point 5.
    let t = slips();
    let r = study_slips(
        &t,
        &["--limit", "1"],
        "economic, cultural and humanitarien ties\n3\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ties = after(&r.stdout, "Which two kinds of ties");
    assert!(ties.contains("Right, with a typo."), "{}", r.stdout);
    assert!(
        ties.contains(
            "You wrote cultural and humanitarien ties; it is spelt cultural and humanitarian ties."
        ),
        "{}",
        r.stdout
    );
    assert!(!ties.contains("Partly right"), "{}", r.stdout);
    assert!(!ties.contains("Not part of the answer"), "{}", r.stdout);
    // A typo is proposed Hard, not Again: it was remembered.
    assert!(ties.contains("Enter = 2 hard;"), "{}", r.stdout);
    assert_eq!(reviews_in_db(&t), 1);
}

#[test]
fn input_slips_are_read_or_asked_again_never_graded_as_forgotten() {
    // Issue 13, point 6: t, yes and a typo of false on true/false cards; `true` on a card
    // with four options is asked again with a hint; an option's text with a typo is read as
    // that option.
    let t = slips();
    let r = study_slips(
        &t,
        &["--limit", "4"],
        // ties (answered whole), bishkek: t, lima: fals, peru: true then Lma.
        "economic, cultural and humanitarian ties\n3\nt\n3\nfals\n3\ntrue\nLma\n3\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bishkek = after(&r.stdout, "Bishkek is the capital");
    assert!(
        bishkek.starts_with("Bishkek is the capital of Kyrgyzstan.\n(true or false)\n> \nRight.\n"),
        "{}",
        r.stdout
    );
    let lima = after(&r.stdout, "Lima lies in Chile.");
    assert!(
        lima.starts_with("Lima lies in Chile.\n(true or false)\n> \nRight.\n  Read as false"),
        "{}",
        r.stdout
    );
    let peru = after(&r.stdout, "capital of Peru?");
    assert!(
        peru.contains(
            "“true” is not one of the options: type a number from 1 to 4 or an option's text. \
             Nothing was graded; try again.\n> \nRight, with a typo.\n  You wrote Lma; it is spelt Lima."
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Accuracy: 4/4 (100%)"), "{}", r.stdout);
    // Four answers were logged: the one asked again left no trace.
    assert_eq!(reviews_in_db(&t), 4);

    // Later, yes and no (and y/n) are read too, and a word that is neither is asked again.
    let t = slips();
    let r = study_slips(&t, &["--new", "3"], ":b\nmaybe\nyes\n3\nn\n3\n:q\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "Type true or false (or t/f, yes/no). Nothing was graded; try again.\n> \nRight.\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        after(&r.stdout, "Lima lies in Chile.").contains("Right."),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("Wrong."), "{}", r.stdout);
    assert_eq!(reviews_in_db(&t), 2);
}

#[test]
fn the_count_left_is_true_under_again_and_in_cram() {
    // Issue 13, point 8: each card is counted once however often Again brings it back; the
    // count falls when a card leaves today's session.
    let t = env();
    let args = ["study", "--deck", "capitals", "--new-order", "deck"];
    let r = t.run(&args, "Rome\n1\nBishkek\n4\nRome\n1\n:q\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let heads: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("recall "))
        .collect();
    assert_eq!(
        heads,
        [
            "recall 0 done, 5 left (new 5, learning 0, review 0)",
            // France failed: still one of the five, now learning.
            "recall 1 done, 5 left (new 4, learning 1, review 0)",
            // Kyrgyzstan answered Easy leaves today's session.
            "recall 2 done, 4 left (new 3, learning 1, review 0)",
            "recall 3 done, 4 left (new 2, learning 2, review 0)",
        ],
        "{}",
        r.stdout
    );
    // Intervals as people say them, in the grade prompt.
    assert!(r.stdout.contains("1 again (in 1 minute)"), "{}", r.stdout);
    assert!(r.stdout.contains(" days)"), "{}", r.stdout);

    // Cram counts every card it will show and ends when the count reaches nothing, even
    // when every answer is graded Again.
    let t = env();
    let r = t.run(
        &["study", "--deck", "capitals", "--cram", "--seed", "3"],
        &"x\n1\n1\n".repeat(5),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let heads: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("recall "))
        .collect();
    assert_eq!(
        heads,
        [
            "recall 0 done, 5 left",
            "recall 1 done, 4 left",
            "recall 2 done, 3 left",
            "recall 3 done, 2 left",
            "recall 4 done, 1 left",
        ],
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Cards studied: 5"), "{}", r.stdout);
}

#[test]
fn line_mode_never_echoes_more_than_an_answer_may_hold() {
    // Issue 13, point 8: a 100,000-character line at the grade prompt is echoed cut to the
    // 2,000 characters an answer may hold, and no bar is drawn.
    let t = env();
    let long = "y".repeat(100_000);
    let r = t.run(
        &["study", "--deck", "capitals", "--new-order", "deck"],
        &format!("Paris\n{long}\n3\n:q\n"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let echo = r
        .stdout
        .lines()
        .find(|l| l.contains("is not a grade"))
        .unwrap_or_else(|| panic!("{}", &r.stdout[..3000.min(r.stdout.len())]));
    assert!(echo.starts_with(&format!("`{}…` is not a grade", "y".repeat(2_000))));
    let widest = r.stdout.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest < 2_100, "a line of {widest} characters");
    assert!(!r.stdout.contains(['█', '░']), "{}", r.stdout);
    assert_eq!(reviews_in_db(&t), 1);
}

#[test]
fn when_every_card_left_is_suspended_study_says_so_and_how_to_undo_it() {
    let t = env();
    let r = t.run(&["study", "--deck", "capitals"], &":s\n".repeat(5));
    assert_eq!(r.stdout.matches("Suspended ").count(), 5, "{}", r.stdout);
    let r = t.run(&["study", "--deck", "capitals"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "Nothing to study: the 5 cards left are suspended. `recall suspended` lists them; \
         `recall unsuspend capitals` brings them back with their progress.\n"
    );
    let r = t.run(&["study", "--deck", "capitals", "--tag", "asia"], "");
    assert!(
        r.stdout
            .starts_with("Nothing to study: the 2 cards left are suspended."),
        "{}",
        r.stdout
    );
    t.run(&["unsuspend", "capitals", "france"], "");
    let r = t.run(&["study", "--deck", "capitals"], ":q\n");
    assert!(r.stdout.contains("capital of France"), "{}", r.stdout);
}

#[test]
fn a_quiz_names_and_opens_attachments_too() {
    let (t, viewer) = flags();
    t.write(
        "decks/flags.toml",
        "format = 1\nid = \"flags\"\ntitle = \"Flags\"\n\
         [[card]]\nid = \"fr\"\nkind = \"typed\"\nprompt = \"Whose flag is this?\"\n\
         answer = \"France\"\nmedia = [\"flag.png\"]\n",
    );
    let out = run_with(
        &t,
        &[("RECALL_VIEWER", &viewer)],
        &["quiz", "flags", "-n", "1"],
        ":o\nFrance\n",
    );
    assert!(
        out.contains("Whose flag is this?\nAttachment: flag.png (:o to open)\n"),
        "{out}"
    );
    assert!(out.contains("Opened flag.png.\n"), "{out}");
    assert!(out.contains("Score: 1/1 right"), "{out}");
    assert_eq!(opened(&t, 1), ["flag.png"]);
}

#[test]
fn the_summary_names_when_the_cards_just_answered_come_back() {
    // A one-card deck answered Easy: the summary said "nothing scheduled yet" although the
    // card is due again in some days. It now says when, as status does.
    let t = france_alone("");
    let r = t.run(&["study", "--deck", "fr"], "Paris\n4\n");
    assert!(r.stdout.contains("(easy)."), "{}", r.stdout);
    let st = status_of(&t, "fr");
    let next: jiff::Timestamp = st["next_due"].as_str().unwrap().parse().unwrap();
    let when = next
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    assert!(when.starts_with("2026-03-"), "{st}");
    assert!(
        r.stdout.contains(&format!("  Next due: {when}\n")),
        "status says {when}: {}",
        r.stdout
    );
    // Buried right after its answer, it is back on its due date, not when the bury ends.
    let mut t = france_alone("");
    t.run(&["study", "--deck", "fr"], "Paris\n4\n");
    t.now = "2026-03-12T10:00:00Z".into();
    let r = t.run(&["study", "--deck", "fr"], "Paris\nb\n");
    assert!(
        r.stdout.contains("Buried france until 2026-03-13"),
        "{}",
        r.stdout
    );
    let st = status_of(&t, "fr");
    assert_eq!(st["buried"], 1, "{st}");
    let next = st["next_due"].as_str().unwrap();
    assert!(next > "2026-03-14", "{st}");
    assert!(
        r.stdout.contains(&format!("  Next due: {} ", &next[..10])),
        "status says {next}: {}",
        r.stdout
    );
}

#[test]
fn a_new_card_buried_unanswered_leaves_its_place_to_the_next_one() {
    let t = TestEnv::new();
    t.write(
        "decks/three.toml",
        "format = 1\nid = \"three\"\ntitle = \"Three\"\n[settings]\nnew_per_day = 2\n\
         [[card]]\nid = \"a\"\nkind = \"typed\"\nprompt = \"A?\"\nanswer = \"alpha\"\n\
         [[card]]\nid = \"b\"\nkind = \"typed\"\nprompt = \"B?\"\nanswer = \"bravo\"\n\
         [[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"C?\"\nanswer = \"charlie\"\n",
    );
    let args = ["study", "--deck", "three", "--new-order", "deck"];
    // A is buried before any answer: it was not introduced, so C comes in the same session,
    // as status would offer it afterwards.
    let r = t.run(&args, ":b\nbravo\n4\ncharlie\n4\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Buried a until"), "{}", r.stdout);
    assert!(r.stdout.contains("C?"), "{}", r.stdout);
    assert!(r.stdout.contains("Cards studied: 2"), "{}", r.stdout);
    let st = status_of(&t, "three");
    assert_eq!(st["studyable_now"], 0, "{st}");
    assert_eq!(st["buried"], 1, "{st}");
}

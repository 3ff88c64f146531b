//! Interactive sessions driven through a pseudo-terminal, typing as a person would. What the
//! terminal shows is read through a terminal emulator (vt100), so a test can say what is on
//! screen at a given moment, not only what was printed at some point.

mod common;

use std::process::Command;
use std::time::Duration;

use common::TestEnv;
use expectrl::{Expect, Session};

/// A recall session in a pseudo-terminal of a given size, with the screen it draws.
struct Term {
    s: expectrl::session::OsSession,
    screen: vt100::Parser,
}

impl Term {
    fn spawn(t: &TestEnv, args: &[&str], cols: u16, rows: u16) -> Term {
        Term::spawn_with(t, args, cols, rows, &[])
    }

    /// As `spawn`, with more environment variables.
    fn spawn_with(
        t: &TestEnv,
        args: &[&str],
        cols: u16,
        rows: u16,
        envs: &[(&str, &std::path::Path)],
    ) -> Term {
        let mut cmd = Command::new(common::bin());
        cmd.envs(envs.iter().copied());
        cmd.args(args)
            .current_dir(t.path())
            .env("RECALL_DATA_DIR", t.data())
            .env("RECALL_DECKS", t.decks())
            .env("RECALL_NOW", &t.now)
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env("TZ", "UTC")
            .env("XDG_CONFIG_HOME", t.path().join("config"));
        let mut s = Session::spawn(cmd).expect("spawn recall in a pty");
        s.get_process_mut()
            .set_window_size(cols, rows)
            .expect("set the window size");
        s.set_expect_timeout(Some(Duration::from_secs(20)));
        Term {
            s,
            screen: vt100::Parser::new(rows, cols, 0),
        }
    }

    /// Waits until `text` is printed, and takes everything up to it onto the screen.
    fn wait(&mut self, text: &str) {
        let found = self
            .s
            .expect(text)
            .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}\nscreen:\n{}", self.shows()));
        self.screen.process(found.before());
        for m in found.matches() {
            self.screen.process(m);
        }
    }

    fn send(&mut self, keys: &str) {
        self.s.send(keys).unwrap();
    }

    /// The text on screen now, row by row.
    fn shows(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads to the end, returning everything printed from here on.
    fn rest(&mut self) -> String {
        let rest = self.s.expect(expectrl::Eof).unwrap();
        let mut text = rest.before().to_vec();
        for m in rest.matches() {
            text.extend_from_slice(m);
        }
        String::from_utf8_lossy(&text).into_owned()
    }
}

fn reviews(t: &TestEnv) -> i64 {
    let db = rusqlite::Connection::open(t.data().join("progress.sqlite3")).unwrap();
    db.query_row(
        "SELECT count(*) FROM reviews WHERE undone_ms IS NULL",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

fn capitals() -> TestEnv {
    let t = TestEnv::new();
    t.add_deck("study/capitals.toml");
    t
}

const IN_DECK_ORDER: [&str; 5] = ["study", "--deck", "capitals", "--new-order", "deck"];

#[test]
fn typing_answers_and_grading_with_single_keys() {
    let t = capitals();
    let mut s = Term::spawn(&t, &IN_DECK_ORDER, 80, 24);
    s.wait("capital of France");
    s.wait("Your answer");
    s.send("Paris\r");
    s.wait("Right.");
    s.wait("Grade:");
    s.send("4");
    s.wait("capital of Kyrgyzstan");
    s.wait("Your answer");
    // A typo in a long-enough answer is forgiven.
    s.send("Bishkeck\r");
    s.wait("typo");
    s.wait("Grade:");
    s.send("3");
    s.wait("capital of Uzbekistan");
    s.wait("Your answer");
    s.send(":q\r");
    s.wait("Cards studied: 2");
    s.rest();
    assert_eq!(reviews(&t), 2);
}

#[test]
fn grade_keys_words_a_stray_enter_and_escape_at_a_small_terminal() {
    let t = capitals();
    let mut s = Term::spawn(&t, &IN_DECK_ORDER, 40, 12);
    s.wait("capital of France");
    s.wait("Your answer");
    s.send("Paris\r");
    s.wait("quit]");
    // At 40x12 the explanation is cut, but the question and the verdict stay on screen while
    // grading, wrapped at word boundaries.
    let screen = s.shows();
    assert!(
        screen.contains("What is the capital of France?"),
        "{screen}"
    );
    assert!(screen.contains("Your answer: Paris"), "{screen}");
    assert!(screen.contains("Right."), "{screen}");
    assert!(screen.contains("Grade: 1 again (in 1 minute)"), "{screen}");
    let rows: Vec<&str> = screen.lines().map(str::trim_end).collect();
    assert!(
        rows.contains(&"Grade: 1 again (in 1 minute) · 2 hard"),
        "wrapped between words: {screen}"
    );
    assert!(
        !screen.contains("Source: atlas"),
        "the notes are cut first: {screen}"
    );
    // `3` grades at once; the Enter typed after it out of habit is not an empty answer.
    s.send("3\r");
    s.wait("capital of Kyrgyzstan");
    s.wait("Your answer");
    let screen = s.shows();
    assert!(
        screen.contains("Next review in 10 minutes (good)."),
        "the real interval stays on screen: {screen}"
    );
    s.send("Bishkek\r");
    s.wait("quit]");
    let screen = s.shows();
    assert!(screen.contains("Your answer: Bishkek"), "{screen}");
    assert!(!screen.contains("No answer given"), "{screen}");
    // A word grades with Enter; its letters do not spill into the next answer.
    s.send("good\r");
    s.wait("capital of Uzbekistan");
    s.wait("Your answer");
    s.send("Tashkent\r");
    s.wait("quit]");
    let screen = s.shows();
    assert!(screen.contains("Your answer: Tashkent"), "{screen}");
    // Esc at the grade prompt grades as proposed and ends the session.
    s.send("\x1b");
    let rest = s.rest();
    assert!(rest.contains("Cards studied: 3"), "{rest}");
    assert_eq!(reviews(&t), 3);
}

#[test]
fn a_suspend_stays_on_screen_until_the_next_key_and_u_undoes_it() {
    let t = capitals();
    let mut s = Term::spawn(&t, &IN_DECK_ORDER, 80, 24);
    s.wait("capital of France");
    s.wait("Your answer");
    s.send("Paris\r");
    s.wait("quit]");
    s.send("s\r");
    s.wait("capital of Kyrgyzstan");
    s.wait("Your answer");
    let screen = s.shows();
    assert!(
        screen.contains("Your answer was recorded first (good). Suspended france"),
        "{screen}"
    );
    s.send(":u\r");
    s.wait("Undone (suspend): france comes back.");
    s.wait("Your answer");
    assert!(
        s.shows().contains("What is the capital of France?"),
        "{}",
        s.shows()
    );
    s.send(":q\r");
    s.wait("Cards studied: 1");
    s.rest();
    assert_eq!(reviews(&t), 1);
}

#[test]
fn ctrl_c_at_a_prompt_ends_cleanly_and_keeps_answers() {
    let t = capitals();
    let mut s = Term::spawn(&t, &IN_DECK_ORDER, 80, 24);
    s.wait("capital of France");
    s.wait("Your answer");
    s.send("Paris\r");
    s.wait("Grade:");
    s.send("3");
    s.wait("capital of Kyrgyzstan");
    s.wait("Your answer");
    s.send("Bish");
    s.s.send(expectrl::ControlCode::EndOfText).unwrap();
    let rest = s.rest();
    // Ctrl-C read as a key ends with the summary; one that lands between two key reads
    // arrives as a signal and ends with a short message. Either way the answer is kept.
    assert!(
        rest.contains("Cards studied: 1") || rest.contains("Interrupted: every answer"),
        "{rest}"
    );
    assert_eq!(reviews(&t), 1);
}

#[test]
fn o_opens_the_attachments_and_the_card_stays() {
    use std::os::unix::fs::PermissionsExt;
    let t = TestEnv::new();
    t.write(
        "decks/flags.toml",
        "format = 1\nid = \"flags\"\ntitle = \"Flags\"\n\
         [[card]]\nid = \"fr\"\nkind = \"typed\"\nprompt = \"Whose flag is this?\"\n\
         answer = \"France\"\nmedia = [\"flag.png\"]\nanswer_media = [\"anthem.mp3\"]\n",
    );
    t.write("decks/flags.media/flag.png", b"not really a picture");
    t.write("decks/flags.media/anthem.mp3", b"not really a sound");
    let log = t.path().join("opened.txt");
    let viewer = t.write(
        "viewer.sh",
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display()),
    );
    std::fs::set_permissions(&viewer, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut s = Term::spawn_with(
        &t,
        &["study", "--deck", "flags"],
        80,
        24,
        &[("RECALL_VIEWER", viewer.as_path())],
    );
    s.wait("Whose flag is this?");
    s.wait("Your answer");
    assert!(
        s.shows().contains("Attachment: flag.png (:o to open)"),
        "{}",
        s.shows()
    );
    s.send(":o\r");
    s.wait("Opened flag.png.");
    s.wait("Your answer");
    s.send("France\r");
    s.wait("quit]");
    let screen = s.shows();
    assert!(
        screen.contains("Attachment: flag.png (o to open)"),
        "{screen}"
    );
    assert!(
        screen.contains("Attachment: anthem.mp3 (o to open)"),
        "{screen}"
    );
    assert!(screen.contains("o open, q quit]"), "{screen}");
    // `o` acts at once, like a grade key, and the grade prompt comes back.
    s.send("o");
    s.wait("Opened anthem.mp3.");
    s.wait("quit]");
    assert!(s.shows().contains("Whose flag is this?"), "{}", s.shows());
    s.send("3");
    // Within the learning step the card comes back at once; quit there.
    s.wait("Next review in 10 minutes (good).");
    s.wait("Your answer");
    s.send(":q\r");
    let rest = s.rest();
    assert!(rest.contains("Cards studied: 1"), "{rest}");
    assert_eq!(reviews(&t), 1);
    // The viewer runs in the background: wait for its three starts (at most 20 s).
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut names: Vec<String> = loop {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let names: Vec<String> = text
            .lines()
            .map(|l| l.rsplit('/').next().unwrap().to_string())
            .collect();
        if names.len() >= 3 || std::time::Instant::now() > deadline {
            break names;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    names.sort();
    assert_eq!(names, ["anthem.mp3", "flag.png", "flag.png"]);
}

//! Scheduling settings through the real binary: `fuzz = false` in a deck's [settings] or the
//! user's config gives FSRS's own intervals (the comparison with py-fsrs is in
//! src/schedule/reference_tests.rs).

mod common;

use common::TestEnv;

const DECK: &str = r#"format = 1
id = "rivers"
title = "Rivers"

[settings]
learning_steps = []
SETTING

[[card]]
id = "danube"
kind = "typed"
prompt = "Into which sea does the Danube flow?"
answer = "Black Sea"
"#;

/// The interval, in days, a new card gets when answered Easy with `seed`.
fn easy_interval(setting: &str, config: Option<&str>, seed: u64) -> i64 {
    let t = TestEnv::new();
    t.write("decks/rivers.toml", DECK.replace("SETTING", setting));
    if let Some(config) = config {
        t.write("config/recall/config.toml", config);
    }
    let seed = seed.to_string();
    let r = t.run(
        &["study", "--deck", "rivers", "--seed", &seed],
        "Black Sea\n4\n",
    );
    assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    let db = rusqlite::Connection::open(t.data().join("progress.sqlite3")).unwrap();
    db.query_row("SELECT interval_days FROM cards", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn fuzz_off_gives_fsrs_own_interval_whatever_the_seed() {
    // A new card answered Easy: FSRS's initial stability for Easy, 8.2956 days, is the
    // interval at a desired retention of 0.9.
    for seed in 1..=6 {
        assert_eq!(easy_interval("fuzz = false", None, seed), 8, "seed {seed}");
    }
    // The user's config can turn it off for every deck, or for one.
    let defaults = "[defaults]\nfuzz = false\n";
    assert_eq!(easy_interval("", Some(defaults), 3), 8);
    let one = "[deck.rivers]\nfuzz = false\n";
    assert_eq!(easy_interval("", Some(one), 3), 8);
}

#[test]
fn fuzz_is_on_unless_turned_off() {
    let fuzzed: Vec<i64> = (1..=6).map(|seed| easy_interval("", None, seed)).collect();
    assert!(fuzzed.iter().any(|&d| d != 8), "{fuzzed:?}");
    assert!(fuzzed.iter().all(|d| (7..=10).contains(d)), "{fuzzed:?}");
    // The user's settings for the deck win over the deck's.
    let on = "[deck.rivers]\nfuzz = true\n";
    let overridden: Vec<i64> = (1..=6)
        .map(|seed| easy_interval("fuzz = false", Some(on), seed))
        .collect();
    assert_eq!(overridden, fuzzed);
}

#[test]
fn fuzz_must_be_true_or_false() {
    let t = TestEnv::new();
    t.write(
        "decks/rivers.toml",
        DECK.replace("SETTING", "fuzz = \"no\""),
    );
    let r = t.run(&["check", "decks/rivers.toml"], "");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .starts_with("error: `fuzz` in [settings] must be a boolean, found a string\n"),
        "{}",
        r.stderr
    );
}

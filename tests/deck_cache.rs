//! The parsed-deck cache seen from outside: a large deck studied twice comes from the cache,
//! an edit to the deck is seen at once, and a damaged cache is ignored.

mod common;

use common::TestEnv;

/// A deck of `n` typed cards, over the cache's size threshold for n = 600.
fn big(n: usize, prefix: &str) -> String {
    let mut s = String::from("format = 1\nid = \"big\"\ntitle = \"Big\"\n");
    for i in 0..n {
        s.push_str(&format!(
            "\n[[card]]\nid = \"c{i}\"\nkind = \"typed\"\nprompt = \"{prefix} of Land{i}, by its full name as written on maps?\"\nanswer = \"Town{i}\"\nexplain = \"Town{i} has been the seat since the old charter was signed.\"\n"
        ));
    }
    s
}

fn cache_files(t: &TestEnv) -> usize {
    std::fs::read_dir(t.data().join("cache/decks"))
        .map(|d| d.count())
        .unwrap_or(0)
}

fn first_question(t: &TestEnv) -> String {
    let r = t.run(&["study", "--deck", "big", "--seed", "1"], ":q\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .find(|l| l.contains("Land"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_large_deck_is_cached_and_an_edit_is_seen() {
    let t = TestEnv::new();
    let deck = big(600, "What is the capital");
    assert!(deck.len() > recall::deck_cache::MIN_CACHED_BYTES);
    t.write("decks/big.toml", &deck);
    let first = first_question(&t);
    assert_eq!(
        first,
        "What is the capital of Land0, by its full name as written on maps?"
    );
    assert_eq!(cache_files(&t), 1);
    assert_eq!(first_question(&t), first, "from the cache");
    t.write("decks/big.toml", big(600, "Which town is the capital"));
    assert_eq!(
        first_question(&t),
        "Which town is the capital of Land0, by its full name as written on maps?"
    );
    assert_eq!(cache_files(&t), 1, "one file per deck path");
}

#[test]
fn a_damaged_cache_is_ignored() {
    let t = TestEnv::new();
    t.write("decks/big.toml", big(600, "What is the capital"));
    let first = first_question(&t);
    for entry in std::fs::read_dir(t.data().join("cache/decks")).unwrap() {
        std::fs::write(entry.unwrap().path(), "recall-deck-cache garbage\n{").unwrap();
    }
    assert_eq!(first_question(&t), first);
}

#[test]
fn small_decks_and_check_leave_no_cache() {
    let t = TestEnv::new();
    t.write("decks/small.toml", "format = 1\nid = \"small\"\ntitle = \"Small\"\n\n[[card]]\nid = \"a\"\nkind = \"typed\"\nprompt = \"Capital of Chile?\"\nanswer = \"Santiago\"\n");
    t.write("decks/big.toml", big(600, "What is the capital"));
    let r = t.run(&["study", "--deck", "small"], ":q\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let c = t.run(&["check", "big"], "");
    assert_eq!(c.code, 0, "{}", c.stderr);
    assert_eq!(cache_files(&t), 0);
}

//! Golden files for generated text: every question, option and explanation recall generates
//! for a corpus of decks written as instructors write them (`tests/golden/decks/*.toml`), for
//! the bundled deck and for the starter deck, compared line by line with the reviewed output
//! in `tests/golden/*.txt`.
//!
//! A change to a question is a diff a person reviews, not an assertion someone loosened: to
//! accept new output, run `RECALL_UPDATE_GOLDEN=1 cargo test --test golden`, then read every
//! changed line with `git diff tests/golden/` before committing it.

mod common;

use std::path::{Path, PathBuf};

use common::{TestEnv, repo};

fn golden_dir() -> PathBuf {
    repo().join("tests/golden")
}

fn updating() -> bool {
    std::env::var_os("RECALL_UPDATE_GOLDEN").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Compares `actual` with the golden file `name` (or rewrites it when updating), naming the
/// first differing line.
fn compare(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if updating() {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "read {}: {e}\nrun `RECALL_UPDATE_GOLDEN=1 cargo test --test golden` to create it",
            path.display()
        )
    });
    if expected == actual {
        return;
    }
    let (mut exp, mut act) = (expected.lines(), actual.lines());
    let mut n = 1;
    loop {
        match (exp.next(), act.next()) {
            (Some(e), Some(a)) if e == a => n += 1,
            (e, a) => panic!(
                "{name} differs at line {n}:\n  expected: {}\n  actual:   {}\n\
                 if the new text is right, run `RECALL_UPDATE_GOLDEN=1 cargo test --test golden` \
                 and review `git diff tests/golden/` line by line",
                e.unwrap_or("(end of file)"),
                a.unwrap_or("(end of output)")
            ),
        }
    }
}

/// `recall show` of a deck file.
fn show(t: &TestEnv, deck: &Path) -> String {
    let r = t.run(&["show", deck.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "show {}: {}", deck.display(), r.stderr);
    r.stdout
}

/// `recall check` of a deck copied to `decks/NAME` in the test directory, so the paths in the
/// messages are the same on every machine.
fn check(t: &TestEnv, name: &str, text: &str) -> String {
    t.write(&format!("decks/{name}"), text);
    let r = t.run(&["check", &format!("decks/{name}")], "");
    format!("{}{}", r.stderr, r.stdout)
}

fn corpus() -> Vec<PathBuf> {
    let mut decks: Vec<PathBuf> = std::fs::read_dir(golden_dir().join("decks"))
        .expect("tests/golden/decks")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    decks.sort();
    decks
}

#[test]
fn every_corpus_deck_reads_as_reviewed() {
    let t = TestEnv::new();
    let decks = corpus();
    assert!(decks.len() >= 5, "{decks:?}");
    for deck in decks {
        let stem = deck.file_stem().unwrap().to_str().unwrap().to_string();
        compare(&format!("{stem}.show.txt"), &show(&t, &deck));
        let text = std::fs::read_to_string(&deck).unwrap();
        compare(
            &format!("{stem}.check.txt"),
            &check(&t, &format!("{stem}.toml"), &text),
        );
    }
}

#[test]
fn the_bundled_deck_reads_as_reviewed() {
    let t = TestEnv::new();
    compare("sco.show.txt", &show(&t, &repo().join("decks/sco.toml")));
}

#[test]
fn the_starter_deck_reads_as_reviewed() {
    let t = TestEnv::new();
    let path = t.path().join("starter.toml");
    let r = t.run(&["new", path.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    compare("starter.show.txt", &show(&t, &path));
}

/// The corpus holds at least 150 generated questions (fact -> question pairs), every fact kind
/// and every form among them.
#[test]
fn the_corpus_covers_every_form() {
    let mut questions = 0;
    let mut forms = std::collections::BTreeSet::new();
    for deck in corpus() {
        let stem = deck.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(golden_dir().join(format!("{stem}.show.txt")))
            .unwrap_or_default();
        for line in text.lines() {
            if let Some((id, rest)) = line.split_once("  (")
                && rest.contains("; fact ")
                && let Some((_, form)) = id.split_once('/')
            {
                questions += 1;
                let form = form.trim_end_matches(|c: char| c.is_ascii_digit());
                forms.insert(form.trim_end_matches('-').to_string());
            }
        }
    }
    assert!(questions >= 150, "only {questions} generated questions");
    for form in [
        "year",
        "which",
        "where",
        "where-choice",
        "since",
        "before",
        "who",
        "role",
        "all",
        "cloze",
        "member",
        "value",
        "choice",
        "define",
        "name",
    ] {
        assert!(
            forms.contains(form),
            "no `{form}` question in the corpus: {forms:?}"
        );
    }
}

//! `recall check` and `recall show` through the real binary, on temporary decks.

mod common;

use common::TestEnv;

const CLEAN: &str = r#"format = 1
id = "mini"
title = "Mini"

[[card]]
id = "capital"
kind = "typed"
prompt = "Which city hosts the SCO Secretariat?"
answer = "Beijing"
accept = ["Peking"]

[[fact]]
id = "rats"
kind = "place"
subject = "the Regional Anti-Terrorist Structure"
place = "Tashkent"
previously = ["Bishkek"]
since = "2004"

[[fact]]
id = "sec"
kind = "place"
subject = "the Secretariat"
place = "Beijing"
"#;

#[test]
fn the_bundled_deck_is_clean() {
    let t = TestEnv::new();
    let deck = common::repo().join("decks/sco.toml");
    let r = t.run(&["check", "--strict", deck.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("ok,"), "{}", r.stdout);
}

#[test]
fn a_clean_deck_exits_zero() {
    let t = TestEnv::new();
    let p = t.write("decks/mini.toml", CLEAN);
    let r = t.run(&["check", p.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(&format!("{}: ok, ", p.display())),
        "{}",
        r.stdout
    );
}

#[test]
fn every_problem_is_reported_with_location_caret_and_advice() {
    let t = TestEnv::new();
    let bad = CLEAN.replace("answer = \"Beijing\"", "anwser = \"Beijing\"")
        + "\n[[card]]\nid = \"capital\"\nkind = \"year\"\nprompt = \"When?\"\nanswer = \"2001\"\n";
    let p = t.write("bad.toml", bad);
    let r = t.run(&["check", p.to_str().unwrap()], "");
    assert_eq!(r.code, 1, "{}", r.stderr);
    let e = &r.stderr;
    assert!(
        e.contains("error: unknown field `anwser` in card `capital`"),
        "{e}"
    );
    assert!(e.contains("bad.toml:9:1"), "{e}");
    assert!(e.contains("did you mean `answer`?"), "{e}");
    assert!(e.contains("^^^^^^"), "{e}");
    assert!(e.contains("must be an integer year"), "{e}");
    assert!(e.contains("duplicate id `capital`"), "{e}");
}

#[test]
fn warnings_pass_unless_strict() {
    let t = TestEnv::new();
    let warn = "format = 1\nid = \"w\"\ntitle = \"W\"\n\n[[fact]]\nid = \"only\"\nkind = \"term\"\nterm = \"RATS\"\ndefinition = \"the SCO's anti-terror body\"\n";
    let p = t.write("w.toml", warn);
    let r = t.run(&["check", p.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("warning:"), "{}", r.stderr);
    let r = t.run(&["check", "--strict", p.to_str().unwrap()], "");
    assert_eq!(r.code, 1, "{}", r.stderr);
}

#[test]
fn unreadable_inputs_exit_two_and_bad_files_exit_one() {
    let t = TestEnv::new();
    let r = t.run(&["check", "missing.toml"], "");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot read deck missing.toml"),
        "{}",
        r.stderr
    );
    let r = t.run(&["check", t.decks().to_str().unwrap()], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is a directory"), "{}", r.stderr);
    let p = t.write(
        "latin1.toml",
        b"format = 1\nid = \"x\"\ntitle = \"caf\xe9\"\n",
    );
    let r = t.run(&["check", p.to_str().unwrap()], "");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not valid UTF-8"), "{}", r.stderr);
    assert!(r.stderr.contains("latin1.toml:3:"), "{}", r.stderr);
    let p = t.write("empty.toml", "");
    let r = t.run(&["check", p.to_str().unwrap()], "");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("empty"), "{}", r.stderr);
    let p = t.write("future.toml", "format = 9\nid = \"x\"\ntitle = \"X\"\n");
    let r = t.run(&["check", p.to_str().unwrap()], "");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("future.toml:1:"), "{}", r.stderr);
    let p = t.write("syntax.toml", "format = 1\nid = \"x\ntitle = \"X\"\n");
    let r = t.run(&["check", p.to_str().unwrap()], "");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("syntax.toml:2:"), "{}", r.stderr);
}

#[test]
fn show_prints_cards_with_answers_and_generated_forms() {
    let t = TestEnv::new();
    let p = t.write("decks/mini.toml", CLEAN);
    let r = t.run(&["show", p.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Which city hosts the SCO Secretariat?"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Tashkent"), "{}", r.stdout);
    assert!(r.stdout.contains("rats/where"), "{}", r.stdout);
    let r = t.run(&["show", "mini", "--card", "rats"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("rats/before"), "{}", r.stdout);
    assert!(!r.stdout.contains("Which city hosts"), "{}", r.stdout);
    let r = t.run(&["show", "mini", "--card", "nope"], "");
    assert_eq!(r.code, 2);
}

#[test]
fn show_json_lists_every_card_for_scripts() {
    let t = TestEnv::new();
    t.write("decks/mini.toml", CLEAN);
    let r = t.run(&["show", "mini", "--json"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let text = v.to_string();
    for key in [
        "\"kind\"",
        "\"prompt\"",
        "\"tags\"",
        "\"siblings\"",
        "\"source\"",
    ] {
        assert!(text.contains(key), "missing {key}: {text}");
    }
    assert!(text.contains("rats/where"));
}

#[test]
fn card_ids_are_stable_across_loads() {
    let t = TestEnv::new();
    let deck = common::repo().join("decks/sco.toml");
    let a = t.run(&["show", deck.to_str().unwrap(), "--json"], "");
    let b = t.run(&["show", deck.to_str().unwrap(), "--json"], "");
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stdout, b.stdout);
    let v: serde_json::Value = serde_json::from_str(&a.stdout).unwrap();
    let cards = v
        .get("cards")
        .and_then(|c| c.as_array())
        .or_else(|| v.as_array())
        .unwrap();
    assert!(cards.len() > 100, "{}", cards.len());
    let mut ids: Vec<&str> = cards.iter().map(|c| c["id"].as_str().unwrap()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "card ids are unique");
}

#[test]
fn help_leads_with_examples_and_completions_and_man_page_work() {
    let t = TestEnv::new();
    let r = t.run(&["--help"], "");
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("Examples:"), "{}", r.stdout);
    let r = t.run(&["completions", "bash"], "");
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("_recall"),
        "{}",
        &r.stdout[..200.min(r.stdout.len())]
    );
    let r = t.run(&["man"], "");
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains(".TH recall"),
        "{}",
        &r.stdout[..200.min(r.stdout.len())]
    );
    let r = t.run(&["frobnicate"], "");
    assert_eq!(r.code, 2);
}

/// A deck where one card's explanation names another card's answer.
const GIVEAWAY: &str = r#"format = 1
id = "give"
title = "Give"

[[card]]
id = "founded"
kind = "year"
prompt = "In which year was the SCO founded?"
answer = 2001

[[card]]
id = "joiner"
kind = "typed"
prompt = "Which country joined the five when the SCO was founded?"
answer = "Uzbekistan"
explain = "It joined in 2001, when the SCO was founded."

[[card]]
id = "docs"
kind = "number"
prompt = "How many documents on economic co-operation does the SCO have?"
answer = 122
unit = "documents"
"#;

#[test]
fn a_card_showing_another_answer_is_a_warning_and_is_kept_apart() {
    let t = TestEnv::new();
    let p = t.write("decks/give.toml", GIVEAWAY);
    let r = t.run(&["check", "--strict", p.to_str().unwrap()], "");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: the explanation of `joiner` shows `2001`, the answer of `founded`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("add `apart = [\"founded\"]` to card `joiner`"),
        "{}",
        r.stderr
    );
    let r = t.run(&["show", p.to_str().unwrap(), "--card", "founded"], "");
    assert!(r.stdout.contains("kept apart from: joiner"), "{}", r.stdout);
    // Declaring the pair silences the warning.
    let declared = GIVEAWAY.replace(
        "explain = \"It joined in 2001, when the SCO was founded.\"",
        "explain = \"It joined in 2001, when the SCO was founded.\"\napart = [\"founded\"]",
    );
    let p = t.write("decks/give.toml", declared);
    let r = t.run(&["check", "--strict", p.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Study never shows the two on one day: with both new, only the first is asked.
    let r = t.run(
        &["study", "--deck", p.to_str().unwrap(), "--new", "10"],
        "2001\n\n122\n\nx\n\nx\n\n",
    );
    assert!(
        r.stdout.contains("In which year was the SCO founded?"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("How many documents"), "{}", r.stdout);
    assert!(
        !r.stdout.contains("Which country joined the five"),
        "{}\n{}",
        r.stdout,
        r.stderr
    );
}

#[test]
fn a_counted_noun_is_hinted_as_a_count() {
    let t = TestEnv::new();
    let p = t.write("decks/give.toml", GIVEAWAY);
    let r = t.run(
        &["quiz", p.to_str().unwrap(), "-n", "3", "--seed", "1"],
        "1990\n5\n7\n",
    );
    assert!(r.stdout.contains("(a number of documents)"), "{}", r.stdout);
    assert!(
        !r.stdout.contains("(a number, in documents)"),
        "{}",
        r.stdout
    );
}

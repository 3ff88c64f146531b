//! The whole-deck checks of `recall check` (same questions, wrong options that are right,
//! answers within typo distance, facts starved of wrong options, question quality) through the
//! real binary.

mod common;

use common::TestEnv;

const HEAD: &str = "format = 1\nid = \"lint\"\ntitle = \"Lint\"\n";

/// Writes HEAD + `body` as `name` and runs `recall check` (with `--strict` when asked) on it.
fn check(t: &TestEnv, name: &str, body: &str, strict: bool) -> common::Run {
    let p = t.write(name, format!("{HEAD}{body}"));
    let mut args = vec!["check"];
    if strict {
        args.push("--strict");
    }
    let path = p.to_str().unwrap().to_string();
    args.push(&path);
    t.run(&args, "")
}

fn assert_has(haystack: &str, needles: &[&str]) {
    for n in needles {
        assert!(haystack.contains(n), "missing {n:?} in:\n{haystack}");
    }
}

const SAME_QUESTION: &str = r#"
[[card]]
id = "capital"
kind = "typed"
prompt = "What is the capital of Uzbekistan?"
answer = "Tashkent"

[[card]]
id = "capital-again"
kind = "typed"
prompt = "what is the capital of UZBEKISTAN"
answer = "Samarkand"
"#;

#[test]
fn the_same_question_twice_is_a_warning_that_strict_refuses() {
    let t = TestEnv::new();
    let r = check(&t, "same.toml", SAME_QUESTION, false);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r.stderr,
        &[
            "warning: card `capital-again` asks the same question as card `capital` but expects `Samarkand` where that one expects `Tashkent`",
            "same.toml:11:1",
            "= help: a learner cannot tell which answer is wanted",
            "note: card `capital` asks: What is the capital of Uzbekistan?",
            "same.toml:5:1",
        ],
    );
    assert!(r.stdout.contains("ok, 2 cards, 1 warning"), "{}", r.stdout);
    let r = check(&t, "same.toml", SAME_QUESTION, true);
    assert_eq!(r.code, 1, "{}", r.stderr);
}

#[test]
fn nearly_the_same_question_with_the_same_answer_is_a_warning() {
    let t = TestEnv::new();
    let body = r#"
[[card]]
id = "first"
kind = "typed"
prompt = "Who was the first Secretary-General of the SCO?"
answer = "Zhang Deguang"

[[card]]
id = "second"
kind = "basic"
front = "Who was the first SCO Secretary-General?"
back = "Zhang Deguang"

[[card]]
id = "third"
kind = "typed"
prompt = "Who was the Secretary-General of the SCO?"
answer = "Zhang Deguang"
"#;
    let r = check(&t, "near.toml", body, false);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A basic card is another kind: it may test the same fact on purpose.
    assert!(!r.stderr.contains("card `second`"), "{}", r.stderr);
    assert_has(
        &r.stderr,
        &[
            "warning: card `third` asks nearly the same question as card `first`, with the same answer `Zhang Deguang`",
            "near.toml:17:1",
            "note: card `first` asks: Who was the first Secretary-General of the SCO?",
        ],
    );
}

#[test]
fn a_written_wrong_option_that_is_the_right_answer_is_an_error() {
    let t = TestEnv::new();
    let body = r#"
[[card]]
id = "aim"
kind = "choice"
prompt = "What does the SCO say it promotes among its members?"
correct = "cooperation"
wrong = ["rivalry", "Co-operation", "isolation"]
"#;
    let r = check(&t, "aim.toml", body, false);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_has(
        &r.stderr,
        &[
            "error: wrong option `Co-operation` of card `aim` is the same answer as the correct option `cooperation`",
            "aim.toml:5:1",
            "= help: the checker ignores case, accents, punctuation, spaces and articles",
        ],
    );
    assert!(r.stdout.contains("aim.toml: 1 error"), "{}", r.stdout);
    // A deck with errors cannot be studied either.
    let r = t.run(
        &[
            "quiz",
            t.path().join("aim.toml").to_str().unwrap(),
            "-n",
            "1",
        ],
        "",
    );
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("aim.toml has 1 error"), "{}", r.stderr);
}

#[test]
fn a_generated_wrong_option_that_is_an_accepted_spelling_is_a_warning() {
    let t = TestEnv::new();
    let body = r#"
[[fact]]
id = "secretariat"
kind = "place"
subject = "the SCO Secretariat"
place = "Beijing"
accept = ["Peking"]

[[fact]]
id = "old-office"
kind = "place"
subject = "the old liaison office"
place = "Pe-king"

[[fact]]
id = "zoo"
kind = "place"
subject = "the union"
place = "Zenda"

[[fact]]
id = "port"
kind = "place"
subject = "the council"
place = "Strelsau"
"#;
    let r = check(&t, "spell.toml", body, false);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r.stderr,
        &[
            "warning: generated wrong option `Pe-king` of card `secretariat/where-choice` is `Peking`, an accepted spelling of its answer `Beijing`",
            "spell.toml:5:1",
            "note: drawn from fact `old-office`",
            "spell.toml:12:1",
        ],
    );
}

#[test]
fn answers_within_typo_distance_are_a_warning() {
    let t = TestEnv::new();
    let body = r#"
[[card]]
id = "capital"
kind = "typed"
prompt = "What is the capital of Uzbekistan?"
answer = "Tashkent"

[[fact]]
id = "rats"
kind = "place"
subject = "the Regional Anti-Terrorist Structure"
place = "Toshkent"
"#;
    let r = check(&t, "typo.toml", body, false);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r.stderr,
        &[
            "warning: answer `Toshkent` of card `rats/where` would pass for a misspelling of `Tashkent`, the answer of card `capital`",
            "typo.toml:11:1",
            "note: card `capital` accepts `Tashkent`",
            "typo.toml:5:1",
            "= help: if both name the same thing, spell it the same way",
        ],
    );
}

#[test]
fn a_fact_without_others_of_its_kind_says_how_many_are_needed() {
    let t = TestEnv::new();
    let body = r#"
[[fact]]
id = "rats"
kind = "term"
term = "RATS"
definition = "the SCO body that coordinates counter-terrorism work"
"#;
    let r = check(&t, "alone.toml", body, true);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_has(
        &r.stderr,
        &[
            "warning: skipped `rats/define`: a choice question needs at least 2 wrong options of the same type as its answer, and only 0 definitions could be drawn",
            "alone.toml:5:1",
            "= help: wrong options come from other term facts: add at least 2 more (3 more give each question 3 wrong options)",
        ],
    );
}

#[test]
fn the_example_decks_stay_clean_under_strict() {
    let t = TestEnv::new();
    for deck in ["decks/sco.toml", "tests/fixtures/decks/space.toml"] {
        let p = common::repo().join(deck);
        let r = t.run(&["check", "--strict", p.to_str().unwrap()], "");
        assert_eq!(r.code, 0, "{deck}:\n{}", r.stderr);
        assert_eq!(r.stderr, "", "{deck}");
    }
}

#[test]
fn a_large_deck_of_distinct_cards_is_checked_without_complaint() {
    let t = TestEnv::new();
    let mut body = String::new();
    for i in 0..3000 {
        body.push_str(&format!(
            "[[card]]\nid = \"c{i}\"\nkind = \"typed\"\nprompt = \"Which code has entry {i}?\"\nanswer = \"code {i}\"\n"
        ));
    }
    let r = check(&t, "big.toml", &body, true);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("ok, 3000 cards"), "{}", r.stdout);
}

/// The failure shapes of issue 11 in a deck written by hand: options of mixed kinds, choices
/// with two options (one of them 123 against 122), an option that answers another card, a
/// prompt that names its answer, a wording recall had to guess, a tense it had to guess.
const ISSUE_11: &str = r#"
[[card]]
id = "member-mixed"
kind = "choice"
prompt = "Which of these is one of the SCO's eight member states?"
correct = "Tajikistan"
wrong = ["Afghanistan", "Cambodia", "extremism"]

[[card]]
id = "forces-mixed"
kind = "choice"
prompt = "Which of these is one of the three evil forces?"
correct = "separatism"
wrong = ["economic relations", "mutual consultation", "Iran"]

[[card]]
id = "full-member"
kind = "choice"
prompt = "Which of these is a full member of the SCO?"
correct = "India"
wrong = ["Iran"]

[[card]]
id = "documents"
kind = "choice"
prompt = "How many documents on economic co-operation does the SCO's legal framework hold?"
correct = "122"
wrong = ["123"]

[[card]]
id = "bloc"
kind = "choice"
prompt = "Which Russian-led bloc overlaps most with the SCO?"
correct = "the Eurasian Economic Union, called the Eurasian Economic Community until 2015"
wrong = ["the Collective Security Treaty Organization", "the Commonwealth of Independent States"]

[[card]]
id = "old-name"
kind = "typed"
prompt = "Before 2015, what was the Eurasian Economic Union called?"
answer = "the Eurasian Economic Community"

[[card]]
id = "secretariat"
kind = "choice"
prompt = "Which SCO body, the Secretariat in Beijing, runs the daily work?"
correct = "the Secretariat"
wrong = ["RATS", "the Council of Heads of State"]

[[fact]]
id = "border"
kind = "event"
what = "the border incident on the Ussuri"
date = "1991"

[[fact]]
id = "sg"
kind = "person"
name = "Zhang Ming"
role = "Secretary-General of the SCO"
"#;

#[test]
fn the_issue_11_failures_written_by_hand_are_warnings_that_strict_refuses() {
    let t = TestEnv::new();
    let r = check(&t, "hand.toml", ISSUE_11, false);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = check(&t, "hand.toml", ISSUE_11, true);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_has(
        &r.stderr,
        &[
            "warning: choice card `member-mixed` mixes kinds of options: its answer \
             `Tajikistan` is a country, but `extremism` (a common phrase) is not",
            "warning: choice card `forces-mixed` mixes kinds of options: its answer \
             `separatism` is a common word, but `Iran` (a country) is not",
            "warning: choice card `full-member` has only 2 options; with fewer than 3 a \
             learner can guess",
            "warning: choice card `documents` has only 2 options",
            "warning: the options of `bloc` show `the Eurasian Economic Community`, the answer \
             of `old-name`",
            "add `apart = [\"old-name\"]` to card `bloc`",
            "warning: choice card `secretariat` gives its answer away: its prompt names the \
             right option `the Secretariat`",
            "warning: event fact `border`: recall could not tell what happened in \"the border \
             incident on the Ussuri\", so its questions say it \"took place\"",
            "warning: person fact `sg`: recall could not tell whether Zhang Ming still holds \
             the role \"Secretary-General of the SCO\"",
        ],
    );
    assert_has(&r.stdout, &["hand.toml: ok, 9 cards, 10 warnings"]);
}

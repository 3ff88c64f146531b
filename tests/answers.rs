//! Answers as people write them, through the real binary: numbers, years and dates read from
//! words and fuller dates, and the deck keys that say how a card compares its answer.

mod common;

use common::TestEnv;

const HEAD: &str = "format = 1\ntitle = \"Forms\"\n";

/// A deck of one card, studied with one answer and graded Good: what the learner is told.
fn answered(card: &str, answer: &str) -> String {
    let t = TestEnv::new();
    t.write(
        "decks/one.toml",
        format!("{HEAD}id = \"one\"\n\n[[card]]\nid = \"c\"\n{card}"),
    );
    let r = t.run(&["study", "--deck", "one"], &format!("{answer}\n3\n"));
    assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    r.stdout
}

#[test]
fn a_year_card_takes_a_full_date_and_says_so() {
    let out = answered(
        "kind = \"year\"\nprompt = \"In what year was the SCO founded?\"\nanswer = 2001\n",
        "15 June 2001",
    );
    assert!(out.contains("Right: the year is what was asked"), "{out}");
}

#[test]
fn a_number_card_reads_words() {
    let out = answered(
        "kind = \"number\"\nprompt = \"How long is the border, in km?\"\nanswer = 4300\nunit = \"km\"\n",
        "four thousand three hundred kilometres",
    );
    assert!(out.contains("Read as 4,300"), "{out}");
    assert!(!out.contains("Wrong"), "{out}");
}

#[test]
fn a_date_card_grades_each_part_given() {
    let out = answered(
        "kind = \"date\"\nprompt = \"On what day was the SCO founded?\"\nanswer = \"2001-06-15\"\n",
        "June 2001",
    );
    assert!(out.contains("Right year and month; no day given"), "{out}");
    assert!(out.contains("15 June 2001"), "the answer is shown: {out}");
}

#[test]
fn show_and_check_know_the_date_kind_and_the_comparison_keys() {
    let t = TestEnv::new();
    let deck = t.write(
        "decks/keys.toml",
        format!(
            "{HEAD}id = \"keys\"\n\n[settings]\naccents = true\n\n\
             [[card]]\nid = \"day\"\nkind = \"date\"\nprompt = \"When?\"\nanswer = 2001-06-15\n\n\
             [[card]]\nid = \"who\"\nkind = \"typed\"\nprompt = \"Who led it?\"\nanswer = \"Nguyễn Văn Linh\"\nname = true\n\n\
             [[card]]\nid = \"far\"\nkind = \"number\"\nprompt = \"How far?\"\nanswer = 4300\nunit = \"km\"\nconvert_units = true\n"
        ),
    );
    let deck = deck.to_str().unwrap();
    let check = t.run(&["check", deck], "");
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let show = t.run(&["show", deck], "");
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert!(
        show.stdout.contains("answer: 15 June 2001"),
        "{}",
        show.stdout
    );
    let json = t.run(&["show", deck, "--json"], "");
    assert!(json.stdout.contains("\"2001-06-15\""), "{}", json.stdout);
    let bad = t.write(
        "decks/bad.toml",
        format!("{HEAD}id = \"bad\"\n\n[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"How far?\"\nanswer = 1\nname = true\n"),
    );
    let check = t.run(&["check", bad.to_str().unwrap()], "");
    assert_ne!(check.code, 0);
    assert!(
        check.stdout.contains("unknown field `name`")
            || check.stderr.contains("unknown field `name`"),
        "{}{}",
        check.stdout,
        check.stderr
    );
}

/// The deck keys that say how a card compares its answer hold in `study` and `quiz`, not only in
/// the checker's own tests: both loops judge through `answer::check_card`.
#[test]
fn study_and_quiz_compare_as_the_card_says() {
    let name =
        "kind = \"typed\"\nprompt = \"Who led it?\"\nanswer = \"Ada Lovelace\"\nname = true\n";
    let out = answered(name, "Lovelace, Ada");
    assert!(!out.contains("Wrong"), "a name in either order: {out}");
    let miles = "kind = \"number\"\nprompt = \"How far?\"\nanswer = 4300\nunit = \"km\"\nconvert_units = true\n";
    let out = answered(miles, "2672 miles");
    assert!(!out.contains("Wrong"), "units converted: {out}");
    let strict = "kind = \"number\"\nprompt = \"How far?\"\nanswer = 4300\nunit = \"km\"\n";
    let out = answered(strict, "2672 miles");
    assert!(
        out.contains("Wrong"),
        "no conversion unless the card allows it: {out}"
    );

    let t = TestEnv::new();
    t.write(
        "decks/one.toml",
        format!(
            "{HEAD}id = \"one\"\n\n[settings]\naccents = true\n\n\
             [[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"Water, in pinyin?\"\nanswer = \"shuǐ\"\n"
        ),
    );
    let r = t.run(&["quiz", "--deck", "one"], "shuì\n");
    assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("Accents count here"), "{}", r.stdout);
    let r = t.run(&["study", "--deck", "one"], "shuì\n1\n");
    assert!(r.stdout.contains("Accents count here"), "{}", r.stdout);
}

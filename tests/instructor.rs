//! Instructor commands through the binary: starter decks, drafts from articles, deck import and
//! export.

mod common;

use common::TestEnv;

const ARTICLE: &str = "\
Home | About | Contact

The Lighthouse Society

The Lighthouse Society was founded in 1952 in Bergen by a group of keepers. Its headquarters moved to Oslo in 1978.

In March 1961, the society published its first register of coastal lights. The register listed 1,200 lights along a coast of about 2,500km.

The society recognises three kinds of light: fixed, flashing and occulting. Its first chairman was Ingrid Dahl, a former harbour pilot.
";

#[test]
fn a_starter_deck_passes_check() {
    let t = TestEnv::new();
    let r = t.run(&["new", "starter.toml"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = t.run(&["check", "starter.toml"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = t.run(&["new", "starter.toml"], "");
    assert_eq!(r.code, 2, "refuses to overwrite");
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
}

#[test]
fn a_draft_from_an_article_passes_check() {
    let t = TestEnv::new();
    let a = t.write("article.txt", ARTICLE);
    let r = t.run(&["generate", a.to_str().unwrap(), "-o", "draft.toml"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let draft = std::fs::read_to_string(t.path().join("draft.toml")).unwrap();
    assert!(draft.contains("1952"), "{draft}");
    let r = t.run(&["check", "draft.toml"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let empty = t.write("empty.txt", "  \n");
    let r = t.run(
        &["generate", empty.to_str().unwrap(), "-o", "nothing.toml"],
        "",
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("empty"), "{}", r.stderr);
    assert!(!t.path().join("nothing.toml").exists());
}

#[test]
fn tsv_import_makes_a_checkable_deck_and_bad_lines_are_refused() {
    let t = TestEnv::new();
    let tsv = t.write(
        "words.tsv",
        "front\tback\ttags\nhello\tbonjour\tfr\nthank you\tmerci\tfr\n",
    );
    let r = t.run(
        &["import", "deck", tsv.to_str().unwrap(), "-o", "words.toml"],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = t.run(&["check", "words.toml"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("2 cards"), "{}", r.stdout);

    let bad = t.write("bad.csv", "front,back\n\"unclosed,quote\nok,fine\n");
    let r = t.run(
        &["import", "deck", bad.to_str().unwrap(), "-o", "bad.toml"],
        "",
    );
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("bad.csv"), "{}", r.stderr);
    assert!(!t.path().join("bad.toml").exists(), "no partial output");
}

#[test]
fn export_and_import_through_gift_and_anki() {
    let t = TestEnv::new();
    let deck = common::repo().join("decks/sco.toml");
    let d = deck.to_str().unwrap();
    let r = t.run(
        &["export", "deck", d, "--format", "gift", "-o", "sco.gift"],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("not exported"),
        "reports what GIFT cannot express"
    );
    let r = t.run(&["import", "deck", "sco.gift", "-o", "from-gift.toml"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = t.run(&["check", "from-gift.toml"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);

    let r = t.run(&["export", "deck", d, "--format", "apkg"], "");
    assert_eq!(r.code, 2, "apkg needs -o");
    let r = t.run(
        &["export", "deck", d, "--format", "apkg", "-o", "sco.apkg"],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bytes = std::fs::read(t.path().join("sco.apkg")).unwrap();
    assert_eq!(&bytes[..2], b"PK");
    let r = t.run(&["import", "deck", "sco.apkg", "-o", "from-anki.toml"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = t.run(&["check", "from-anki.toml"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);

    let fake = t.write("fake.apkg", "not a zip at all");
    let r = t.run(
        &["import", "deck", fake.to_str().unwrap(), "-o", "x.toml"],
        "",
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a zip"), "{}", r.stderr);
}

#[test]
fn imported_cards_the_deck_rules_refuse_are_skipped_with_their_reason() {
    let t = TestEnv::new();
    let gift = t.write(
        "q.gift",
        "::leak:: Which city is Paris? {=Paris}\n\n\
         ::ok:: Which river flows through Vienna? {=Danube}\n",
    );
    let r = t.run(
        &["import", "deck", gift.to_str().unwrap(), "-o", "q.toml"],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("skipped card leak: the prompt of card `leak` contains its answer `Paris`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("Imported 1 cards"), "{}", r.stderr);
    let r = t.run(&["check", "q.toml"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("ok, 1 cards"), "{}", r.stdout);

    let only_bad = t.write("bad.gift", "::leak:: Which city is Paris? {=Paris}\n");
    let r = t.run(
        &[
            "import",
            "deck",
            only_bad.to_str().unwrap(),
            "-o",
            "bad.toml",
        ],
        "",
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("no card of the file makes a valid recall card"),
        "{}",
        r.stderr
    );
    assert!(!t.path().join("bad.toml").exists());
}

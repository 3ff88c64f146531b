use super::*;
use crate::deck::FactDate;
use crate::diagnostic::{Severity, render};

const HEAD: &str = "format = 1\nid = \"t\"\ntitle = \"T\"\n";

/// Each diagnostic as "line:col severity: message (help: ...)".
fn diags(src: &str) -> Vec<String> {
    load(src.as_bytes())
        .diagnostics
        .iter()
        .map(|d| {
            let (line, col) = d.line_col(src);
            let help = d
                .help
                .as_ref()
                .map(|h| format!(" (help: {h})"))
                .unwrap_or_default();
            format!("{line}:{col} {}: {}{help}", d.severity.label(), d.message)
        })
        .collect()
}

fn with_head(body: &str) -> String {
    format!("{HEAD}{body}")
}

/// Diagnostics of a deck made of HEAD and `body` (which starts on line 4).
fn check(body: &str) -> Vec<String> {
    diags(&with_head(body))
}

/// Only the errors of `check`.
fn errors(body: &str) -> Vec<String> {
    check(body)
        .into_iter()
        .filter(|d| d.contains(" error: "))
        .collect()
}

fn deck(body: &str) -> Deck {
    let loaded = load(with_head(body).as_bytes());
    assert_eq!(loaded.diagnostics, vec![], "unexpected diagnostics");
    loaded.deck.expect("deck")
}

fn only_card(body: &str) -> Card {
    deck(body).cards.remove(0)
}

#[test]
fn answers_longer_than_the_cap_are_refused_where_they_are_written() {
    let at_cap = "a".repeat(MAX_ANSWER);
    let over = "b".repeat(MAX_ANSWER + 1);
    let typed = |answer: &str| {
        format!("[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"Q?\"\nanswer = \"{answer}\"\n")
    };
    assert_eq!(errors(&typed(&at_cap)), Vec::<String>::new());
    assert_eq!(
        errors(&typed(&over)),
        [
            "8:10 error: `answer` in card `c` is 2001 characters long; an answer may have at \
                 most 2000 (help: an answer is what a learner types or picks: keep it short, and \
                 put the rest in `explain`)"
        ]
    );
    let choice = format!(
        "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Q?\"\ncorrect = \"a\"\nwrong = [\"b\", \"{over}\"]\n"
    );
    let e = errors(&choice);
    assert!(
        e.len() == 1 && e[0].starts_with("9:15 error: `wrong` in card `c` is 2001 characters"),
        "{e:?}"
    );
    let fact =
        format!("[[fact]]\nid = \"f\"\nkind = \"term\"\nterm = \"T\"\ndefinition = \"{over}\"\n");
    let e = errors(&fact);
    assert!(
        e.len() == 1 && e[0].contains("`definition` in fact `f` is 2001 characters"),
        "{e:?}"
    );
}

#[test]
fn a_deck_id_of_dots_alone_is_refused() {
    for id in [".", "..", "...", "-_."] {
        let src = format!("format = 1\nid = \"{id}\"\ntitle = \"T\"\n");
        let d = diags(&src);
        assert_eq!(
            d,
            [format!(
                "2:6 error: invalid deck id `{id}`: it has no letter or digit (help: a deck \
                     id needs at least one lowercase letter or digit, such as `sco`)"
            )],
            "{id}"
        );
    }
    assert_eq!(
        diags("format = 1\nid = \"a..b\"\ntitle = \"T\"\n"),
        Vec::<String>::new()
    );
}

#[test]
fn a_cloze_blank_longer_than_the_cap_is_refused() {
    let over = "b".repeat(MAX_ANSWER + 1);
    let e = errors(&format!(
        "[[card]]\nid = \"c\"\nkind = \"cloze\"\ntext = \"It is {{{{{over}}}}}.\"\n"
    ));
    assert!(
        e.len() == 1 && e[0].contains("a blank of card `c` is 2001 characters long"),
        "{e:?}"
    );
    // Long prose is not an answer: a prompt or an explanation may be long.
    let prose = format!(
        "[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"Q?\"\nanswer = \"a\"\nexplain = \"{over}\"\n"
    );
    assert_eq!(errors(&prose), Vec::<String>::new());
}

fn rendered(src: &str) -> String {
    let loaded = load(src.as_bytes());
    let mut out = Vec::new();
    for d in &loaded.diagnostics {
        render("d.toml", src, d, false, &mut out).unwrap();
    }
    String::from_utf8(out).unwrap()
}

// Parsing every kind of card.

#[test]
fn basic_card_reads_front_and_back() {
    let card = only_card("[[card]]\nid = \"b\"\nkind = \"basic\"\nfront = \"Q?\"\nback = \"A.\"\n");
    assert_eq!(card.prompt, "Q?");
    assert_eq!(card.kind, Kind::Basic { back: "A.".into() });
}

#[test]
fn basic_card_accepts_prompt_for_front() {
    let card = only_card("[[card]]\nid = \"b\"\nkind = \"basic\"\nprompt = \"Q?\"\nback = \"A\"\n");
    assert_eq!(card.prompt, "Q?");
}

#[test]
fn typed_card_reads_answer_and_alternatives() {
    let card = only_card(
        "[[card]]\nid = \"t1\"\nkind = \"typed\"\nprompt = \"Where?\"\nanswer = \" Paris \"\naccept = [\"Lutetia\"]\nexplain = \"Capital.\"\nsource = \"p. 3\"\n",
    );
    assert_eq!(card.id, CardId("t1".into()));
    assert_eq!(
        card.kind,
        Kind::Typed {
            answer: Answer {
                text: "Paris".into(),
                accept: vec!["Lutetia".into()]
            }
        }
    );
    assert_eq!(card.explain.as_deref(), Some("Capital."));
    assert_eq!(card.source.as_deref(), Some("p. 3"));
    assert_eq!(card.fact, None);
    assert_eq!(card.span, Span::new(32, 40));
}

#[test]
fn choice_card_reads_one_or_many_correct_options() {
    let one = only_card(
        "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Which?\"\ncorrect = \"a\"\nwrong = [\"b\", \"c\"]\n",
    );
    assert_eq!(
        one.kind,
        Kind::Choice {
            correct: vec!["a".into()],
            wrong: vec!["b".into(), "c".into()]
        }
    );
    let many = only_card(
        "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Which?\"\ncorrect = [\"a\", \"b\"]\nwrong = [\"c\"]\n",
    );
    assert_eq!(
        many.kind,
        Kind::Choice {
            correct: vec!["a".into(), "b".into()],
            wrong: vec!["c".into()]
        }
    );
}

#[test]
fn truefalse_card_reads_a_boolean() {
    let card = only_card(
        "[[card]]\nid = \"tf\"\nkind = \"truefalse\"\nprompt = \"Wet?\"\nanswer = true\n",
    );
    assert_eq!(card.kind, Kind::TrueFalse { answer: true });
}

#[test]
fn number_card_reads_tolerance_and_unit() {
    let card = only_card(
        "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"How far?\"\nanswer = 1.5\ntolerance = 1\nunit = \"km\"\n",
    );
    assert_eq!(
        card.kind,
        Kind::Number {
            answer: 1.5,
            tolerance: 1.0,
            unit: Some("km".into())
        }
    );
    let plain =
        only_card("[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"How many?\"\nanswer = 6\n");
    assert_eq!(
        plain.kind,
        Kind::Number {
            answer: 6.0,
            tolerance: 0.0,
            unit: None
        }
    );
}

#[test]
fn number_card_reads_a_range() {
    let card = only_card(
        "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"When was it built?\"\nrange = [2000, 2003]\n",
    );
    assert_eq!(
        card.kind,
        Kind::Number {
            answer: 2001.5,
            tolerance: 1.5,
            unit: None
        }
    );
    assert_eq!(
        errors("[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"Q?\"\nrange = [3, 1]\n"),
        vec![
            "8:9 error: `range` in card `n` must be two numbers, the lower first (help: e.g. `range = [2000, 2003]` accepts any value from 2000 to 2003)"
        ]
    );
    assert_eq!(
        errors(
            "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"Q?\"\nanswer = 2\nrange = [1, 3]\n"
        ),
        vec![
            "8:10 error: card `n` has both `range` and `answer` (help: a range gives both ends; remove `answer`)"
        ]
    );
}

#[test]
fn cloze_blanks_may_carry_a_hint() {
    let card = only_card(
        "[[card]]\nid = \"c\"\nkind = \"cloze\"\ntext = \"{{Frankfurt|Francfort::city}} lies on the Main.\"\n",
    );
    assert_eq!(
        card.kind,
        Kind::Cloze {
            parts: vec![
                ClozePart::Blank(Answer {
                    text: "Frankfurt".into(),
                    accept: vec!["Francfort".into()]
                }),
                ClozePart::Hint("city".into()),
                ClozePart::Text(" lies on the Main.".into()),
            ]
        }
    );
    assert_eq!(
        errors("[[card]]\nid = \"c\"\nkind = \"cloze\"\ntext = \"{{Frankfurt::}} is big.\"\n"),
        vec![
            "7:9 error: empty hint after `::` in a blank of card `c` (help: write the hint after `::`, e.g. `{{Frankfurt::city}}`, or remove `::`)"
        ]
    );
    // A hint that says the answer gives it away.
    assert_eq!(
        errors("[[card]]\nid = \"c\"\nkind = \"cloze\"\ntext = \"{{Rome::Rome}} is old.\"\n").len(),
        1
    );
}

#[test]
fn media_are_plain_file_names() {
    let card = only_card(
        "[[card]]\nid = \"f\"\nkind = \"basic\"\nfront = \"Whose flag?\"\nback = \"France\"\nmedia = [\"flag_fr.png\"]\nanswer_media = [\"anthem.mp3\"]\n",
    );
    assert_eq!(card.question_media(), ["flag_fr.png"]);
    assert_eq!(card.answer_media(), ["anthem.mp3"]);
    assert_eq!(
        errors(
            "[[card]]\nid = \"f\"\nkind = \"basic\"\nfront = \"Whose flag?\"\nback = \"France\"\nmedia = [\"../secret.png\"]\n"
        ),
        vec![
            "9:10 error: `media` of card `f` names `../secret.png`: the name holds a folder separator; media are plain file names (help: media are files in the folder DECK.media beside the deck file DECK.toml; name each by its file name alone)"
        ]
    );
}

#[test]
fn year_card_reads_year_and_tolerance() {
    let card = only_card(
        "[[card]]\nid = \"y\"\nkind = \"year\"\nprompt = \"When?\"\nanswer = -221\ntolerance = 2\n",
    );
    assert_eq!(
        card.kind,
        Kind::Year {
            answer: -221,
            tolerance: 2
        }
    );
}

#[test]
fn date_card_reads_a_date_as_precise_as_written() {
    let card = only_card(
        "[[card]]\nid = \"d\"\nkind = \"date\"\nprompt = \"When exactly?\"\nanswer = \"2001-06-15\"\n",
    );
    let answer = FactDate {
        year: 2001,
        month: Some(6),
        day: Some(15),
    };
    assert_eq!(card.kind, Kind::Date { answer });
    let card = only_card(
        "[[card]]\nid = \"d\"\nkind = \"date\"\nprompt = \"Which month?\"\nanswer = 2001-06-15\n",
    );
    assert_eq!(card.kind, Kind::Date { answer });
    let card = only_card(
        "[[card]]\nid = \"d\"\nkind = \"date\"\nprompt = \"Which month?\"\nanswer = \"2001-06\"\n",
    );
    let month = FactDate {
        day: None,
        ..answer
    };
    assert_eq!(card.kind, Kind::Date { answer: month });
    assert_eq!(
        errors(
            "[[card]]\nid = \"d\"\nkind = \"date\"\nprompt = \"When?\"\nanswer = \"2001-02-30\"\n"
        ),
        ["8:10 error: invalid date `2001-02-30` in card `d`: February 2001 has 28 days"]
    );
}

#[test]
fn cards_say_how_their_answers_compare() {
    let card = only_card(
        "[[card]]\nid = \"p\"\nkind = \"typed\"\nprompt = \"Who?\"\nanswer = \"Xi Jinping\"\nname = true\naccents = true\n",
    );
    let want = Checking {
        name: true,
        accents: true,
        convert_units: false,
    };
    assert_eq!(card.checking, want);
    let card = only_card(
        "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"How far?\"\nanswer = 4300\nunit = \"km\"\nconvert_units = true\n",
    );
    assert!(card.checking.convert_units && !card.checking.name);
    assert_eq!(
        errors(
            "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"How far?\"\nanswer = 4300\nname = true\n"
        ),
        [
            "9:1 error: unknown field `name` in card `n` (help: a `number` card takes: id, kind, prompt, tags, explain, source, apart, answer, tolerance, unit, range, convert_units, media, answer_media)"
        ]
    );
}

#[test]
fn deck_settings_give_every_card_its_default_comparison() {
    let deck = load(with_head(
            "[settings]\naccents = true\nconvert_units = true\n\n[[card]]\nid = \"t\"\nkind = \"typed\"\nprompt = \"Water?\"\nanswer = \"shuǐ\"\n\n[[card]]\nid = \"u\"\nkind = \"typed\"\nprompt = \"Mother?\"\nanswer = \"mā\"\naccents = false\n\n[[fact]]\nid = \"lead\"\nkind = \"person\"\nname = \"Nguyễn Văn Linh\"\nrole = \"the party's general secretary\"\n",
        ).as_bytes())
        .deck
        .expect("a deck with warnings only");
    let checking = |id: &str| deck.card(id).expect(id).checking;
    assert!(checking("t").accents && checking("t").convert_units);
    assert!(!checking("u").accents);
    let who = checking("lead/who");
    assert!(who.name && who.accents, "{who:?}");
    assert!(deck.card("lead/role").is_none_or(|c| !c.checking.name));
}

#[test]
fn list_card_reads_items_with_alternatives() {
    let card = only_card(
        "[[card]]\nid = \"l\"\nkind = \"list\"\nprompt = \"Name them.\"\nitems = [\"a\", [\"b\", \"bee\"]]\nordered = true\n",
    );
    assert_eq!(
        card.kind,
        Kind::List {
            items: vec![
                Answer::plain("a"),
                Answer {
                    text: "b".into(),
                    accept: vec!["bee".into()]
                }
            ],
            ordered: true
        }
    );
}

#[test]
fn order_card_reads_items_in_order() {
    let card = only_card(
        "[[card]]\nid = \"o\"\nkind = \"order\"\nprompt = \"Order them.\"\nitems = [\"x\", \"y\"]\n",
    );
    assert_eq!(
        card.kind,
        Kind::Order {
            items: vec!["x".into(), "y".into()]
        }
    );
}

#[test]
fn cloze_card_reads_blanks_and_alternatives() {
    let card = only_card(
        "[[card]]\nid = \"z\"\nkind = \"cloze\"\ntext = \"The {{SCO|Shanghai Cooperation Organisation}} met in {{2001}}.\"\n",
    );
    assert_eq!(card.prompt, "");
    assert_eq!(
        card.kind,
        Kind::Cloze {
            parts: vec![
                ClozePart::Text("The ".into()),
                ClozePart::Blank(Answer {
                    text: "SCO".into(),
                    accept: vec!["Shanghai Cooperation Organisation".into()]
                }),
                ClozePart::Text(" met in ".into()),
                ClozePart::Blank(Answer::plain("2001")),
                ClozePart::Text(".".into()),
            ]
        }
    );
}

#[test]
fn match_card_reads_pairs() {
    let card = only_card(
        "[[card]]\nid = \"m\"\nkind = \"match\"\nprompt = \"Match.\"\npairs = [[\"a\", \"1\"], [\"b\", \"2\"]]\n",
    );
    assert_eq!(
        card.kind,
        Kind::Match {
            pairs: vec![("a".into(), "1".into()), ("b".into(), "2".into())]
        }
    );
}

#[test]
fn deck_tags_are_merged_into_card_tags() {
    let d = deck(
        "tags = [\"geo\", \"x\"]\n[[card]]\nid = \"tf\"\nkind = \"truefalse\"\nprompt = \"Wet?\"\nanswer = true\ntags = [\"x\", \"own\"]\n",
    );
    assert_eq!(d.cards[0].tags.to_vec(), vec!["x", "own", "geo"]);
    assert_eq!(d.tags.to_vec(), vec!["geo", "x"]);
}

#[test]
fn deck_metadata_source_and_settings_are_read() {
    let d = deck(
        "description = \"D\"\nauthor = \"A\"\nseed = 9\n[source]\ntitle = \"S\"\ndate = 2018-12-24\nurl = \"u\"\n[settings]\nnew_per_day = 5\nnew_order = \"deck\"\nlearning_steps = [\"30s\", \"10m\", \"1h\", \"2d\"]\nrelearning_steps = []\ndesired_retention = 0.85\nday_start_hour = 3\nexam = \"2027-06-01\"\nparameters = []\n",
    );
    assert_eq!((d.id.as_str(), d.title.as_str(), d.seed), ("t", "T", 9));
    assert_eq!(d.description.as_deref(), Some("D"));
    let src = d.source.unwrap();
    assert_eq!(
        (src.title.as_str(), src.date.as_deref(), src.url.as_deref()),
        ("S", Some("2018-12-24"), Some("u"))
    );
    assert_eq!(d.settings.new_per_day, Some(5));
    assert_eq!(d.settings.new_order, Some(NewOrder::Deck));
    assert_eq!(
        d.settings.learning_steps,
        Some(vec![30, 600, 3600, 172_800])
    );
    assert_eq!(d.settings.relearning_steps, Some(vec![]));
    assert_eq!(d.settings.desired_retention, Some(0.85));
    assert_eq!(d.settings.day_start_hour, Some(3));
    assert_eq!(d.settings.exam.as_deref(), Some("2027-06-01"));
    assert_eq!(d.settings.parameters, Some(vec![]));
}

#[test]
fn default_seed_comes_from_the_deck_id() {
    assert_eq!(deck("").seed, generate::fnv1a(b"t"));
}

#[test]
fn fact_dates_may_be_strings_toml_dates_or_years() {
    let d = deck(
        "[[fact]]\nid = \"a\"\nkind = \"event\"\nwhat = \"the founding of A\"\ndate = \"2001-06\"\n[[fact]]\nid = \"b\"\nkind = \"event\"\nwhat = \"the founding of B\"\ndate = 2001-06-15\n[[fact]]\nid = \"c\"\nkind = \"event\"\nwhat = \"the founding of C\"\ndate = -500\n[[fact]]\nid = \"d\"\nkind = \"event\"\nwhat = \"the founding of D\"\ndate = 1990\n[[fact]]\nid = \"e\"\nkind = \"event\"\nwhat = \"the founding of E\"\ndate = 1980\n",
    );
    let dates: Vec<FactDate> = d
        .facts
        .iter()
        .map(|f| match f.kind {
            FactKind::Event { date, .. } => date,
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(
        dates,
        vec![
            FactDate {
                year: 2001,
                month: Some(6),
                day: None
            },
            FactDate {
                year: 2001,
                month: Some(6),
                day: Some(15)
            },
            FactDate {
                year: -500,
                month: None,
                day: None
            },
            FactDate {
                year: 1990,
                month: None,
                day: None
            },
            FactDate {
                year: 1980,
                month: None,
                day: None
            },
        ]
    );
}

#[test]
fn place_fact_relation_defaults_to_headquarters() {
    let src = with_head(
        "[[fact]]\nid = \"p\"\nkind = \"place\"\nsubject = \"the office\"\nplace = \"Oslo\"\n",
    );
    let d = load(src.as_bytes()).deck.unwrap();
    assert!(
        matches!(&d.facts[0].kind, FactKind::Place { relation, .. } if relation == "headquarters")
    );
}

#[test]
fn a_deck_with_only_warnings_is_returned() {
    let loaded = load(
        with_head(&format!(
            "[[card]]\nid = \"w\"\nkind = \"truefalse\"\nprompt = \"{}?\"\nanswer = true\n",
            "a".repeat(400)
        ))
        .as_bytes(),
    );
    assert_eq!(loaded.diagnostics[0].severity, Severity::Warning);
    assert!(loaded.deck.is_some());
    assert!(!loaded.has_errors());
}

#[test]
fn a_deck_with_errors_is_not_returned() {
    let loaded = load(with_head("bogus = 1\n").as_bytes());
    assert!(loaded.deck.is_none());
    assert!(loaded.has_errors());
}

#[test]
fn the_example_deck_loads_cleanly() {
    let loaded = load(include_bytes!("../../../tests/fixtures/decks/space.toml"));
    assert_eq!(loaded.diagnostics, vec![]);
    let d = loaded.deck.unwrap();
    assert_eq!(d.cards.len(), 54);
    let kinds: std::collections::BTreeSet<&str> = d.cards.iter().map(|c| c.kind.name()).collect();
    assert_eq!(kinds.len(), 10);
}

// Whole-file problems.

#[test]
fn invalid_utf8_points_at_the_first_bad_byte() {
    let loaded = load(b"format = 1\ntitle = \"Caf\xe9\"\n");
    let d = &loaded.diagnostics[0];
    assert_eq!(
        d.message,
        "the deck is not valid UTF-8: byte 0xe9 at offset 23"
    );
    assert_eq!(d.span, Span::new(23, 24));
    let lossy = String::from_utf8_lossy(b"format = 1\ntitle = \"Caf\xe9\"\n");
    assert_eq!(d.line_col(&lossy), (2, 13));
}

#[test]
fn a_control_character_in_a_string_is_named() {
    let loaded = load(b"format = 1\nid = \"d\"\ntitle = \"Bell\x07here\"\n");
    let d = &loaded.diagnostics[0];
    assert!(d.message.starts_with("invalid TOML: "), "{}", d.message);
    assert_eq!(
        d.help.as_deref(),
        Some(
            "the text holds the control character U+0007, which TOML does not allow here: \
                 remove it, or inside a string write it as \\u0007"
        )
    );
}

#[test]
fn a_whole_number_too_large_for_toml_says_how_to_write_it() {
    let src = "format = 1\nid = \"d\"\ntitle = \"T\"\n\n[[card]]\nid = \"n\"\nkind = \"number\"\n\
                   prompt = \"How many?\"\nanswer = 99999999999999999999999\n";
    let loaded = load(src.as_bytes());
    let d = &loaded.diagnostics[0];
    assert_eq!(
        d.message,
        "`answer` in card `n` is a whole number too large for TOML (the limit is about 9.2e18)"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("write it with an exponent or a decimal point, such as 1e23")
    );
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_read() {
    let src = "\u{feff}format = 1\r\nid = \"t\"\r\ntitle = \"T\"\r\nbogus = 1\r\n";
    assert_eq!(
        diags(src),
        vec![
            "4:1 error: unknown field `bogus` in the deck (help: the deck's top level takes: format, id, title, description, author, tags, seed, source, settings, card, fact)"
        ]
    );
    assert_eq!(crate::diagnostic::line_col(src, 3), (1, 1));
}

#[test]
fn empty_file_is_reported() {
    assert_eq!(
        diags(" \n\n"),
        vec![
            "1:1 error: the deck file is empty (help: a deck starts with `format = 1`, an `id` and a `title`; see the deck format in recall's README)"
        ]
    );
}

#[test]
fn file_of_comments_is_an_empty_deck() {
    assert_eq!(
        diags("# nothing\n"),
        vec![
            "1:1 error: the deck is empty (help: a deck needs at least `format = 1`, an `id` and a `title`)"
        ]
    );
}

#[test]
fn toml_syntax_errors_are_located_and_other_cards_still_checked() {
    let got = check(
        "[[card]]\nid = \"a\"\nkind = \"typed\"\nprompt = \"open\nanswer = \"x\"\n[[card]]\nid = \"b\"\nkind = \"typed\"\nprompt = \"Q?\"\nanwser = \"x\"\n",
    );
    assert_eq!(
        got,
        vec![
            "7:15 error: invalid TOML: invalid basic string, expected `\"`",
            "13:1 error: unknown field `anwser` in card `b` (help: did you mean `answer`?)",
        ]
    );
}

#[test]
fn syntax_error_renders_with_a_caret() {
    assert_eq!(
        rendered("format = 1\nid = [1,\n"),
        "error: invalid TOML: unclosed array, expected `]`\n --> d.toml:2:9\n  |\n2 | id = [1,\n  |         ^\n"
    );
}

#[test]
fn missing_format_says_which_formats_are_read() {
    assert_eq!(
        diags("id = \"t\"\ntitle = \"T\"\n"),
        vec![
            "1:1 error: missing required field `format` in the deck (help: add `format = 1` at the top; this recall reads deck format 1)"
        ]
    );
}

#[test]
fn unknown_format_is_refused_before_anything_else() {
    assert_eq!(
        diags("format = 3\nbogus = 1\n"),
        vec![
            "1:10 error: unsupported deck format 3 (help: this recall reads deck format 1; a newer recall may read this deck)"
        ]
    );
}

#[test]
fn quoted_format_says_to_remove_the_quotes() {
    assert_eq!(
        diags("format = \"1\"\nid = \"t\"\ntitle = \"T\"\n"),
        vec![
            "1:10 error: `format` in the deck must be an integer, found a string (help: remove the quotes: `format = 1`)"
        ]
    );
}

#[test]
fn missing_deck_id_and_title_are_reported() {
    assert_eq!(
        diags("format = 1\n"),
        vec![
            "1:1 error: missing required field `id` in the deck",
            "1:1 error: missing required field `title` in the deck"
        ]
    );
}

#[test]
fn invalid_deck_id_is_reported() {
    assert_eq!(
        diags("format = 1\nid = \"My Deck\"\ntitle = \"T\"\n"),
        vec![
            "2:6 error: invalid deck id `My Deck` (help: a deck id uses only lowercase letters, digits, `.`, `_` and `-`)"
        ]
    );
}

#[test]
fn unknown_top_level_field_suggests_the_closest() {
    assert_eq!(
        check("[[cards]]\nid = \"x\"\n"),
        vec!["4:3 error: unknown field `cards` in the deck (help: did you mean `card`?)"]
    );
}

#[test]
fn single_bracket_card_table_asks_for_double_brackets() {
    assert_eq!(
        check("[card]\nid = \"x\"\n"),
        vec![
            "4:1 error: `card` in the deck must be a list of tables, found a table (help: write each one as `[[card]]`, with double brackets)"
        ]
    );
}

// Field problems.

#[test]
fn unknown_field_suggests_the_closest_and_hides_the_missing_one() {
    assert_eq!(
        check(
            "[[card]]\nid = \"rats\"\nkind = \"typed\"\nprompt = \"Where?\"\nanwser = \"Tashkent\"\n"
        ),
        vec!["8:1 error: unknown field `anwser` in card `rats` (help: did you mean `answer`?)"]
    );
}

#[test]
fn unknown_field_renders_like_rustc() {
    let src = with_head(
        "[[card]]\nid = \"rats\"\nkind = \"typed\"\nprompt = \"Where?\"\nanwser = \"Tashkent\"\n",
    );
    assert_eq!(
        rendered(&src),
        "error: unknown field `anwser` in card `rats`\n --> d.toml:8:1\n  |\n8 | anwser = \"Tashkent\"\n  | ^^^^^^\n  = help: did you mean `answer`?\n"
    );
}

#[test]
fn unrelated_unknown_field_lists_the_valid_ones() {
    assert_eq!(
        check(
            "[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"Q?\"\nanswer = \"a\"\nitems = [\"a\"]\n"
        ),
        vec![
            "9:1 error: unknown field `items` in card `c` (help: a `typed` card takes: id, kind, prompt, tags, explain, source, apart, answer, accept, name, accents, media, answer_media)"
        ]
    );
}

#[test]
fn missing_required_field_points_at_the_table() {
    assert_eq!(
        check("[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"Q?\"\n"),
        vec!["4:1 error: missing required field `answer` in card `c`"]
    );
}

#[test]
fn card_without_id_is_named_by_position() {
    assert_eq!(
        check(
            "[[card]]\nid = \"a\"\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = true\n[[card]]\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = 1\n"
        ),
        vec![
            "9:1 error: missing required field `id` in card #2",
            "12:10 error: `answer` in card #2 must be a boolean, found an integer"
        ]
    );
}

#[test]
fn wrong_type_suggests_quotes_for_strings() {
    assert_eq!(
        check("[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"How many?\"\nanswer = 8\n"),
        vec![
            "8:10 error: `answer` in card `c` must be a string, found an integer (help: put it in quotes: `answer = \"8\"`)"
        ]
    );
}

#[test]
fn quoted_boolean_says_to_remove_the_quotes() {
    assert_eq!(
        check("[[card]]\nid = \"c\"\nkind = \"truefalse\"\nprompt = \"Wet?\"\nanswer = \"true\"\n"),
        vec![
            "8:10 error: `answer` in card `c` must be a boolean, found a string (help: remove the quotes: `answer = true`)"
        ]
    );
}

#[test]
fn string_where_a_list_is_expected_suggests_brackets() {
    assert_eq!(
        check("tags = \"geo\"\n"),
        vec![
            "4:8 error: `tags` in the deck must be a list of strings, found a string (help: write a list: `tags = [\"geo\"]`)"
        ]
    );
}

#[test]
fn unknown_card_kind_suggests_the_closest() {
    assert_eq!(
        check("[[card]]\nid = \"c\"\nkind = \"choise\"\n"),
        vec!["6:8 error: unknown card kind `choise` (help: did you mean `choice`?)"]
    );
}

#[test]
fn unknown_card_kind_without_a_close_one_lists_the_kinds() {
    assert_eq!(
        check("[[card]]\nid = \"c\"\nkind = \"essay\"\n"),
        vec![
            "6:8 error: unknown card kind `essay` (help: the card kinds are: basic, typed, choice, truefalse, number, year, date, list, order, cloze, match)"
        ]
    );
}

#[test]
fn unknown_fact_kind_suggests_the_closest() {
    assert_eq!(
        check("[[fact]]\nid = \"f\"\nkind = \"evnt\"\n"),
        vec!["6:8 error: unknown fact kind `evnt` (help: did you mean `event`?)"]
    );
}

#[test]
fn empty_strings_are_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"c\"\nkind = \"typed\"\nprompt = \"  \"\nanswer = \"a\"\naccept = [\"\"]\n"
        ),
        vec![
            "7:10 error: `prompt` in card `c` is empty",
            "9:11 error: `accept` in card `c` is empty"
        ]
    );
}

#[test]
fn basic_card_with_front_and_prompt_is_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"b\"\nkind = \"basic\"\nfront = \"Q\"\nprompt = \"Q\"\nback = \"A\"\n"
        ),
        vec![
            "8:10 error: card `b` has both `front` and `prompt` (help: a basic card's question is its `front`; remove `prompt`)"
        ]
    );
}

// Ids.

#[test]
fn duplicate_card_id_points_at_both() {
    let body = "[[card]]\nid = \"d\"\nkind = \"truefalse\"\nprompt = \"A?\"\nanswer = true\n[[card]]\nid = \"d\"\nkind = \"truefalse\"\nprompt = \"B?\"\nanswer = true\n";
    let loaded = load(with_head(body).as_bytes());
    let d = &loaded.diagnostics[0];
    assert_eq!(d.message, "duplicate card id `d`");
    assert_eq!(d.line_col(&with_head(body)), (10, 6));
    assert_eq!(
        d.related,
        vec![(Span::new(46, 49), "first defined here".to_string())]
    );
    assert_eq!(
        rendered(&with_head(body)),
        "error: duplicate card id `d`\n  --> d.toml:10:6\n   |\n10 | id = \"d\"\n   |      ^^^\nnote: first defined here\n  --> d.toml:5:6\n   |\n 5 | id = \"d\"\n   |      ---\n"
    );
}

#[test]
fn duplicate_fact_id_is_reported() {
    let body = "[[fact]]\nid = \"f\"\nkind = \"term\"\nterm = \"a\"\ndefinition = \"x\"\n[[fact]]\nid = \"f\"\nkind = \"term\"\nterm = \"b\"\ndefinition = \"y\"\n";
    assert_eq!(errors(body), vec!["10:6 error: duplicate fact id `f`"]);
}

#[test]
fn fact_id_used_by_a_card_is_reported() {
    let body = "[[fact]]\nid = \"x\"\nkind = \"term\"\nterm = \"a\"\ndefinition = \"b\"\n[[card]]\nid = \"x\"\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = true\n";
    assert_eq!(
        check(body),
        vec![
            "5:6 error: fact id `x` is also a card id (help: cards and facts share one set of ids; rename one of them)"
        ]
    );
}

#[test]
fn timeline_is_a_reserved_fact_id() {
    let body = "[[fact]]\nid = \"timeline\"\nkind = \"term\"\nterm = \"a\"\ndefinition = \"b\"\n";
    assert_eq!(
        check(body),
        vec!["5:6 error: fact id `timeline` is reserved for the generated timeline cards"]
    );
}

#[test]
fn ids_with_invalid_characters_are_reported() {
    assert_eq!(
        check("[[card]]\nid = \"a b\"\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = true\n"),
        vec!["5:6 error: invalid card id `a b` (help: use only letters, digits, `.`, `_` and `-`)"]
    );
}

#[test]
fn ids_with_a_slash_are_reserved_for_generated_cards() {
    assert_eq!(
        check("[[card]]\nid = \"a/b\"\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = true\n"),
        vec![
            "5:6 error: invalid card id `a/b`: `/` is reserved for generated cards (help: generated cards are named FACT-ID/FORM; use only letters, digits, `.`, `_` and `-`)"
        ]
    );
}

// Content rules.

#[test]
fn choice_without_correct_option_is_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Q?\"\ncorrect = []\nwrong = [\"a\"]\n"
        ),
        vec!["8:11 error: choice card `c` has no correct option"]
    );
}

#[test]
fn choice_without_wrong_option_is_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Q?\"\ncorrect = \"a\"\nwrong = []\n"
        ),
        vec![
            "9:9 error: choice card `c` has no wrong options (help: add at least one wrong option to `wrong`)"
        ]
    );
}

#[test]
fn choice_option_both_correct_and_wrong_is_reported() {
    let src = with_head(
        "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Q?\"\ncorrect = \"Paris\"\nwrong = [\"Lyon\", \" paris\"]\n",
    );
    let loaded = load(src.as_bytes());
    let d = &loaded.diagnostics[0];
    assert_eq!(
        d.message,
        "option `paris` is listed as both correct and wrong in card `c`"
    );
    assert_eq!(d.line_col(&src), (9, 18));
    assert_eq!(d.related[0].1, "listed as correct here");
    assert_eq!(
        crate::diagnostic::line_col(&src, d.related[0].0.start),
        (8, 11)
    );
}

#[test]
fn duplicate_choice_option_is_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Q?\"\ncorrect = \"a\"\nwrong = [\"b\", \"B\"]\n"
        ),
        vec!["9:15 error: duplicate option `B` in card `c`"]
    );
}

#[test]
fn list_prompt_with_the_wrong_count_is_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"l\"\nkind = \"list\"\nprompt = \"Name the three forces.\"\nitems = [\"a\", \"b\"]\n"
        ),
        vec!["7:20 error: the prompt of card `l` says `three` but the list has 2 items"]
    );
}

#[test]
fn list_prompt_with_a_matching_count_or_a_name_is_fine() {
    assert_eq!(
        check(
            "[[card]]\nid = \"l\"\nkind = \"list\"\nprompt = \"Name the 2 founders of the Shanghai Five.\"\nitems = [\"a\", \"b\"]\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn list_fact_name_with_the_wrong_count_is_reported() {
    assert_eq!(
        errors(
            "[[fact]]\nid = \"l\"\nkind = \"list\"\nname = \"the 3 forces\"\nitems = [\"a\", \"b\"]\n"
        ),
        vec!["7:13 error: the name of list fact `l` says `3` but the list has 2 items"]
    );
}

#[test]
fn duplicate_list_items_count_alternatives() {
    assert_eq!(
        check(
            "[[card]]\nid = \"l\"\nkind = \"list\"\nprompt = \"Name them.\"\nitems = [[\"a\", \"x\"], \"X\"]\n"
        ),
        vec!["8:22 error: duplicate item `X` in card `l`"]
    );
}

#[test]
fn answer_in_its_own_prompt_is_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"t\"\nkind = \"typed\"\nprompt = \"Is TASHKENT the seat?\"\nanswer = \"Tashkent\"\n"
        ),
        vec![
            "7:14 error: the prompt of card `t` contains its answer `Tashkent` (help: a prompt that contains its answer gives it away; reword the prompt)"
        ]
    );
}

#[test]
fn year_in_its_own_prompt_is_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"y\"\nkind = \"year\"\nprompt = \"What year, 2001 or later?\"\nanswer = 2001\n"
        ),
        vec![
            "7:22 error: the prompt of card `y` contains its answer `2001` (help: a prompt that contains its answer gives it away; reword the prompt)"
        ]
    );
}

#[test]
fn part_of_a_word_is_no_leak() {
    assert_eq!(
        check(
            "[[card]]\nid = \"t\"\nkind = \"typed\"\nprompt = \"Who founded Romania?\"\nanswer = \"Roman\"\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn implausible_year_is_reported() {
    assert_eq!(
        check("[[card]]\nid = \"y\"\nkind = \"year\"\nprompt = \"When?\"\nanswer = 20011\n"),
        vec![
            "8:10 error: `answer` in card `y` is not a plausible year: 20011 (help: a year is an integer between -3000 and 3000 (negative for BC))"
        ]
    );
}

#[test]
fn quoted_year_says_to_remove_the_quotes() {
    assert_eq!(
        check("[[card]]\nid = \"y\"\nkind = \"year\"\nprompt = \"When?\"\nanswer = \"2001\"\n"),
        vec![
            "8:10 error: `answer` in card `y` must be an integer year, found a string (help: remove the quotes: `answer = 2001`)"
        ]
    );
}

#[test]
fn negative_tolerances_are_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"n\"\nkind = \"number\"\nprompt = \"How far?\"\nanswer = 3\ntolerance = -1\n[[card]]\nid = \"y\"\nkind = \"year\"\nprompt = \"When?\"\nanswer = 3\ntolerance = -1\n"
        ),
        vec![
            "9:13 error: `tolerance` in card `n` must not be negative",
            "15:13 error: `tolerance` in card `y` must not be negative"
        ]
    );
}

#[test]
fn impossible_day_is_reported_with_the_month_length() {
    assert_eq!(
        check("[[fact]]\nid = \"e\"\nkind = \"event\"\nwhat = \"x\"\ndate = \"2001-02-29\"\n"),
        vec!["8:8 error: invalid date `2001-02-29` in fact `e`: February 2001 has 28 days"]
    );
}

#[test]
fn impossible_month_is_reported() {
    assert_eq!(
        check("[[fact]]\nid = \"e\"\nkind = \"event\"\nwhat = \"x\"\ndate = \"2001-13\"\n"),
        vec!["8:8 error: invalid date `2001-13` in fact `e`: there is no month 13"]
    );
}

#[test]
fn date_in_another_shape_is_reported() {
    assert_eq!(
        check("[[fact]]\nid = \"e\"\nkind = \"event\"\nwhat = \"x\"\ndate = \"June 2001\"\n"),
        vec![
            "8:8 error: invalid date `June 2001` in fact `e` (help: write dates as \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")"
        ]
    );
}

#[test]
fn date_with_a_time_is_reported() {
    assert_eq!(
        check("[[fact]]\nid = \"e\"\nkind = \"event\"\nwhat = \"x\"\ndate = 2001-06-15T10:00:00\n"),
        vec![
            "8:8 error: invalid date `2001-06-15T10:00:00` in fact `e`: a date has no time of day"
        ]
    );
}

#[test]
fn cloze_without_blank_is_reported() {
    assert_eq!(
        check("[[card]]\nid = \"z\"\nkind = \"cloze\"\ntext = \"No gaps.\"\n"),
        vec![
            "7:9 error: cloze card `z` has no blank (help: mark each blank with double braces, e.g. `{{Tashkent}}`)"
        ]
    );
}

#[test]
fn unclosed_cloze_blank_points_at_its_braces() {
    assert_eq!(
        check("[[card]]\nid = \"z\"\nkind = \"cloze\"\ntext = \"A {{b} c\"\n"),
        vec!["7:11 error: unclosed `{{` in card `z` (help: close the blank with `}}`)"]
    );
}

#[test]
fn empty_cloze_blanks_and_alternatives_are_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"z\"\nkind = \"cloze\"\ntext = \"A {{ }} c\"\n[[card]]\nid = \"w\"\nkind = \"cloze\"\ntext = \"A {{b||c}} d\"\n"
        ),
        vec![
            "7:11 error: empty blank in card `z`",
            "11:11 error: empty alternative in a blank of card `w`"
        ]
    );
}

#[test]
fn cloze_answer_visible_in_its_text_is_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"z\"\nkind = \"cloze\"\ntext = \"In {{2001}} and again in 2001.\"\n"
        ),
        vec![
            "7:34 error: the blank `2001` of card `z` also appears in its text (help: a blank whose answer is visible gives itself away)"
        ]
    );
}

#[test]
fn match_pairs_must_be_two_strings() {
    assert_eq!(
        check(
            "[[card]]\nid = \"m\"\nkind = \"match\"\nprompt = \"Match.\"\npairs = [[\"a\", \"1\"], [\"b\"], [\"c\", \"3\"]]\n"
        ),
        vec![
            "8:22 error: each pair in card `m` must be a list of two strings, like [\"left\", \"right\"]"
        ]
    );
}

#[test]
fn match_duplicate_left_items_are_reported() {
    assert_eq!(
        check(
            "[[card]]\nid = \"m\"\nkind = \"match\"\nprompt = \"Match.\"\npairs = [[\"a\", \"1\"], [\"A\", \"2\"]]\n"
        ),
        vec!["8:23 error: duplicate left item `A` in card `m`"]
    );
}

#[test]
fn match_needs_two_pairs() {
    assert_eq!(
        check(
            "[[card]]\nid = \"m\"\nkind = \"match\"\nprompt = \"Match.\"\npairs = [[\"a\", \"1\"]]\n"
        ),
        vec!["8:9 error: match card `m` needs at least 2 pairs"]
    );
}

#[test]
fn order_needs_two_items() {
    assert_eq!(
        check("[[card]]\nid = \"o\"\nkind = \"order\"\nprompt = \"Order.\"\nitems = [\"a\"]\n"),
        vec!["8:9 error: order card `o` needs at least 2 items"]
    );
}

#[test]
fn malformed_learning_steps_are_reported() {
    assert_eq!(
        check("[settings]\nlearning_steps = [\"10x\", \"0m\", \"5\"]\n"),
        vec![
            "5:19 error: invalid learning step `10x` in [settings] (help: write a whole number and a unit (s, m, h or d), e.g. \"10m\")",
            "5:26 error: invalid learning step `0m` in [settings] (help: write a whole number and a unit (s, m, h or d), e.g. \"10m\")",
            "5:32 error: invalid learning step `5` in [settings] (help: write a whole number and a unit (s, m, h or d), e.g. \"10m\")",
        ]
    );
}

#[test]
fn an_unknown_order_of_new_cards_is_reported() {
    assert_eq!(
        check("[settings]\nnew_order = \"random\"\n"),
        vec![
            "5:13 error: `new_order` in [settings] must be \"deck\" or \"mixed\", found \"random\" (help: \"mixed\" takes turns across kinds of question; \"deck\" keeps the written order)"
        ]
    );
}

#[test]
fn out_of_range_settings_are_reported() {
    assert_eq!(
        check("[settings]\ndesired_retention = 90\nday_start_hour = 24\nparameters = [1.0]\n"),
        vec![
            "5:21 error: `desired_retention` in [settings] must be between 0 and 1, found 90 (help: write a fraction: 0.9 means 90%)",
            "6:18 error: `day_start_hour` in [settings] must be 0 to 23, found 24",
            "7:14 error: `parameters` in [settings] must have 0, 17, 19 or 21 numbers, found 1 (help: copy the parameters from an FSRS optimiser, or leave the list empty for the defaults)",
        ]
    );
}

#[test]
fn very_long_prompt_is_a_warning() {
    let body = format!(
        "[[card]]\nid = \"w\"\nkind = \"truefalse\"\nprompt = \"{}?\"\nanswer = true\n",
        "a".repeat(400)
    );
    assert_eq!(
        check(&body),
        vec![
            "7:10 warning: the prompt of card `w` is 401 characters long (help: keep prompts under 300 characters so they read at a glance; move detail into `explain`)"
        ]
    );
}

#[test]
fn every_problem_in_a_file_is_reported() {
    let src = std::str::from_utf8(include_bytes!(
        "../../../tests/fixtures/decks/broken-content.toml"
    ))
    .unwrap();
    let errors = load(src.as_bytes())
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .count();
    assert_eq!(errors, 18);
}

#[test]
fn escape_sequences_in_keys_are_rendered_inert() {
    let src = with_head("\"\\u001b[2J\" = 1\n");
    assert_eq!(
        rendered(&src),
        "error: unknown field `\\u{1b}[2J` in the deck\n --> d.toml:4:1\n  |\n4 | \"\\u001b[2J\" = 1\n  | ^^^^^^^^^^^\n  = help: the deck's top level takes: format, id, title, description, author, tags, seed, source, settings, card, fact\n"
    );
}

// Reading the file table by table.

fn cuts(src: &str) -> Vec<(usize, bool)> {
    pieces(src)
        .iter()
        .map(|p| (p.range.start, p.element))
        .collect()
}

#[test]
fn pieces_start_at_each_card_and_fact() {
    let src = "a = 1\n[[card]]\nx = 1\n[[fact]]\ny = 2\n";
    assert_eq!(cuts(src), vec![(0, false), (6, true), (21, true)]);
}

#[test]
fn pieces_keep_subtables_with_their_card() {
    let src = "[[card]]\nx = 1\n[card.more]\ny = 2\n[settings]\nz = 3\n";
    assert_eq!(cuts(src), vec![(0, true), (33, false)]);
}

#[test]
fn pieces_ignore_brackets_in_strings_and_arrays() {
    let src = "a = \"\"\"\n[[card]]\n\"\"\"\nb = [\n[1],\n]\n# [[card]]\n";
    assert_eq!(cuts(src), vec![(0, false)]);
}

fn inline_cuts(src: &str) -> Vec<(Range<usize>, bool, bool)> {
    pieces(src)
        .iter()
        .map(|p| (p.range.clone(), p.element, p.inline))
        .collect()
}

#[test]
fn pieces_cut_each_inline_table_of_a_top_level_array() {
    let src = "a = 1\ncard = [\n  { x = [1, {y = 2}] }, # one\n  {z = '}'},\n]\nb = 2\n";
    let one = src.find("{ x").unwrap();
    let two = src.find("{z").unwrap();
    let after = src.find("]\nb").unwrap() + 1;
    assert_eq!(
        inline_cuts(src),
        vec![
            (0..6, false, false),
            (one..one + 20, true, true),
            (two..two + 9, true, true),
            (after..src.len(), false, false),
        ]
    );
    assert!(!pieces("fact = [{a = 1}]")[0].card);
}

#[test]
fn pieces_leave_other_arrays_to_the_top_level() {
    for src in [
        "card = [{a = 1} {b = 2}]\n",
        "card = [{a = 1},, {b = 2}]\n",
        "card = [, {a = 1}]\n",
        "card = [[1], {a = 1}]\n",
        "card = [\"x\", {a = 1}]\n",
        "card\n= [{a = 1}]\n",
        "card.x = [{a = 1}]\n",
        "[settings]\ncard = [{a = 1}]\n",
        "tags = [{a = 1}]\n",
    ] {
        assert!(pieces(src).iter().all(|p| !p.inline), "{src:?}");
    }
}

#[test]
fn cards_written_inline_load_as_tables_do() {
    let tables = "[[card]]\nid = \"a\"\nkind = \"typed\"\nprompt = \"Capital of Peru?\"\nanswer = \"Lima\"\n\n[[card]]\nkind = \"typed\"\nprompt = \"Capital of Chile?\"\n";
    let inline = "card = [\n  { id = \"a\", kind = \"typed\", prompt = \"Capital of Peru?\", answer = \"Lima\" },\n  { kind = \"typed\", prompt = \"Capital of Chile?\" },\n]\n";
    let messages = |body: &str| -> Vec<String> {
        check(body)
            .into_iter()
            .map(|d| d.split_once(' ').unwrap().1.to_string())
            .collect()
    };
    assert_eq!(messages(inline), messages(tables));
    assert_eq!(
        check(inline),
        vec![
            "6:3 error: missing required field `id` in card #2",
            "6:3 error: missing required field `answer` in card #2",
        ]
    );
    let good = "card = [{ id = \"a\", kind = \"typed\", prompt = \"Capital of Peru?\", answer = \"Lima\" }]\n";
    assert_eq!(only_card(good).id.as_str(), "a");
    // A syntax error inside one table points into it (the parser reports this one twice,
    // as it does when it reads the whole file).
    assert_eq!(
        errors("card = [{ id = \"a\", kind = }]\n"),
        vec!["4:28 error: invalid TOML: invalid literal string, expected `'`"; 2]
    );
}

#[test]
fn a_table_split_across_pieces_is_a_duplicate_key() {
    assert_eq!(
        check(
            "[settings]\nnew_per_day = 1\n[[card]]\nid = \"c\"\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = true\n[settings]\nreviews_per_day = 2\n"
        ),
        vec!["11:2 error: invalid TOML: duplicate key `settings`"]
    );
}

#[test]
fn every_example_deck_gives_the_expected_summary() {
    let expect = [
        ("space.toml", "no problems"),
        ("warnings.toml", "3 warnings"),
        ("broken-fields.toml", "14 errors"),
        ("broken-syntax.toml", "2 errors"),
        ("broken-format.toml", "1 error"),
        ("broken-ids.toml", "7 errors, 1 warning"),
        ("broken-content.toml", "18 errors, 1 warning"),
        ("invalid-utf8.toml", "1 error"),
        ("empty.toml", "1 error"),
    ];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/decks");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let (_, want) = expect
            .iter()
            .find(|(n, _)| *n == name)
            .expect("every example deck is listed here");
        let loaded = load(&std::fs::read(&path).unwrap());
        assert_eq!(
            crate::diagnostic::summary(&name, &loaded.diagnostics),
            format!("{want} in {name}")
        );
        assert_eq!(loaded.deck.is_some(), !loaded.has_errors());
        seen += 1;
    }
    assert_eq!(seen, expect.len());
}

#[test]
fn damaged_decks_never_panic() {
    let good = include_str!("../../../tests/fixtures/decks/space.toml");
    let bad = include_str!("../../../tests/fixtures/decks/broken-content.toml");
    for src in [good, bad] {
        for cut in (0..src.len())
            .step_by(47)
            .filter(|&i| src.is_char_boundary(i))
        {
            let _ = load(&src.as_bytes()[..cut]);
            let mut spliced = src.as_bytes().to_vec();
            spliced.insert(cut, b"[\"{]'\n\xff="[cut % 8]);
            let loaded = load(&spliced);
            let lossy = String::from_utf8_lossy(&spliced);
            for d in &loaded.diagnostics {
                render("d.toml", &lossy, d, true, &mut Vec::new()).unwrap();
            }
        }
    }
}

/// Run with `cargo test --release -- --ignored big_deck --nocapture` to see the timing of a
/// 100 000-card deck (written cards and facts in about equal numbers of cards).
#[test]
#[ignore]
fn big_deck_loads_quickly() {
    let mut src = String::from("format = 1\nid = \"big\"\ntitle = \"Big\"\ntags = [\"big\"]\n");
    for i in 0..40_000 {
        src.push_str(&format!("[[card]]\nid = \"c{i}\"\nkind = \"typed\"\nprompt = \"What is item c{i}?\"\nanswer = \"thing {i}\"\n"));
    }
    let kinds = ["event", "place", "person", "list", "number", "term"];
    for i in 0..20_000 {
        let body = match kinds[i % 6] {
            "event" => format!(
                "what = \"happening q{i}\"\ndate = \"{}-{:02}\"",
                1000 + i % 1000,
                1 + i % 12
            ),
            "place" => format!(
                "subject = \"body q{i}\"\nplace = \"City {i}\"\nsince = \"1990\"\npreviously = [\"Old town\"]"
            ),
            "person" => format!("name = \"Person {i}\"\nrole = \"the holder of office q{i}\""),
            "list" => {
                format!("name = \"the group q{i}\"\nitems = [\"a{i}\", \"b{i}\", \"c{i}\"]")
            }
            "number" => {
                format!("quantity = \"the count of q{i}\"\nvalue = {i}\nunit = \"items\"")
            }
            _ => format!("term = \"T{i}\"\ndefinition = \"a definition of q{i}\""),
        };
        src.push_str(&format!(
            "[[fact]]\nid = \"f{i}\"\nkind = \"{}\"\n{body}\n",
            kinds[i % 6]
        ));
    }
    let start = std::time::Instant::now();
    let loaded = load(src.as_bytes());
    let elapsed = start.elapsed();
    let deck = loaded.deck.expect("the big deck loads");
    eprintln!(
        "{} cards from {} bytes in {elapsed:?}",
        deck.cards.len(),
        src.len()
    );
    assert!(deck.cards.len() > 100_000);
}

#[test]
fn the_deepest_line_is_where_nesting_without_a_place_is_shown() {
    let src = "format = 1\na.b = 1\nx.y.z = { p = [1] }\nq.r.s.t = 2\n";
    let span = document::deepest_line(src);
    assert_eq!(&src[span.start..span.end], "x.y.z = { p = [1] }");
    assert_eq!(document::deepest_line("no nesting\n"), Span::default());
    let d = diags(&format!("{HEAD}\n{}= 1\n", "k.".repeat(600)));
    assert!(
        d[0].starts_with("5:1 error: invalid TOML: recursion limit"),
        "{d:?}"
    );
    assert!(d[0].contains("write this line flatter"), "{d:?}");
}

#[test]
fn a_date_string_may_write_a_short_year() {
    assert_eq!(
        date::parse_date("800-12-25"),
        Ok(FactDate {
            year: 800,
            month: Some(12),
            day: Some(25)
        })
    );
    assert_eq!(
        date::parse_date("0800-12-25"),
        date::parse_date("800-12-25")
    );
    assert!(date::parse_date("12345-01-01").is_err());
    assert!(date::parse_date("800-1-25").is_err());
    assert!(date::parse_date("-800-01-01").is_err());
}

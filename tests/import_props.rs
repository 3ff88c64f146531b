//! Property tests (proptest) for the importers: TSV/CSV and GIFT decks, Anki packages and review
//! logs. Whatever the bytes, an importer never panics and points at a place inside the input;
//! what an exporter writes, the matching importer reads back; a package's entry names never
//! steer a write; and a review log is read row by row, every row either taken or reported, and
//! importing it twice adds nothing; and what `recall import deck` writes always loads without
//! an error. Case counts are kept small so `cargo test` stays quick
//! (packages, which go through SQLite and zip, get fewer); raise them with
//! `PROPTEST_CASES=10000 cargo test --test import_props` for a longer hunt.
//!
//! What a format cannot hold is kept out of the generators, each restriction with its reason
//! next to it; everything else (quotes, tabs, delimiters, GIFT's `~ = # { } :`, backslashes,
//! markup, unicode) is fair game.

mod common;

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::mutate::{Edit, apply};
use jiff::Timestamp;
use proptest::prelude::*;
use recall::deck::{Answer, Card, ClozePart, Deck, Kind, Text};
use recall::formats::{Imported, apkg, gift, tsv};
use recall::progress::export::{Format, ReviewRow, ReviewWriter};
use recall::progress::import::{CardMap, parse_log, replay, resolve};
use recall::schedule::{Scheduler, SchedulerConfig};
use recall::store::Store;

/// Cases per property unless `PROPTEST_CASES` says otherwise; `weight` divides the default for
/// the slow properties.
fn cases_div(weight: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(128 / weight)
}

fn cases() -> u32 {
    cases_div(1)
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

/// Bytes and sequences that mean something to one of the formats.
#[rustfmt::skip]
const SPECIAL: &[&[u8]] = &[
    b"\"", b"\"\"", b"\t", b"\n", b"\r\n", b"\r", b"\0", b",", b";", b"#", b"\\", b"\\n", b"~",
    b"=", b"{", b"}", b"::", b"->", b"%50%", b"####", b"//", b"{{c1::", b"}}", b"<br>", b"&amp;",
    b"#separator:comma\n", b"#html:true\n", b"#tags column:9\n", b"\xef\xbb\xbf", b"\xff\xfe",
    b"\xc3", b"\x1f", b"[html]", b"$CATEGORY:",
];

fn edit() -> impl Strategy<Value = Edit> {
    let bytes = prop_oneof![
        prop::sample::select(SPECIAL).prop_map(<[u8]>::to_vec),
        prop::collection::vec(any::<u8>(), 1..6),
    ];
    prop_oneof![
        4 => (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Put(at, b)),
        6 => (any::<usize>(), bytes).prop_map(|(at, b)| Edit::Insert(at, b)),
        3 => (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => (any::<usize>(), prop::sample::select(b"x\"\t\n{#,".to_vec()), 1000usize..60_000)
            .prop_map(|(at, b, n)| Edit::Huge(at, b, n)),
        1 => any::<usize>().prop_map(Edit::Truncate),
    ]
}

/// Lines a text has as an editor shows them (1-based; "\n", "\r\n" and a lone "\r" each end
/// a line, and a last line without a break counts).
fn line_count(bytes: &[u8]) -> usize {
    let breaks = (0..bytes.len())
        .filter(|&i| match bytes[i] {
            b'\r' => true,
            b'\n' => i == 0 || bytes[i - 1] != b'\r',
            _ => false,
        })
        .count();
    breaks + 1
}

// ---------------------------------------------------------------------------------------------
// Text generators
// ---------------------------------------------------------------------------------------------

/// Pieces of card text chosen to upset one format or another.
#[rustfmt::skip]
const TRICKY: &[&str] = &[
    "\"", "\"\"", "'", ",", ";", "|", ":", "::", "~", "=", "#", "{", "}", "{{", "}}", "\\", "\\n",
    "\\\\", "\\*", "->", "%50%", "%", "*", "[", "]", "[html]", "<b>", "</div>", "<br>", "&amp;",
    "&", "<", ">", "//", "$CATEGORY:", "T", "FALSE", "####", "_____", "\t", "Zürich", "東京",
    "😀", "ǅ", "e\u{301}", "\u{200b}", "\u{e000}", "\u{e001}", "\u{f8ff}", "(in km)", "- x", "1.",
    "0", "-3.5",
];

/// Whole texts that read as something else: column names, comments, Anki header lines.
#[rustfmt::skip]
const LOOKALIKES: &[&str] = &[
    "Front", "Back", "Term", "Definition", "Question", "Answer", "Tags", "#", "#html:true",
    "tags:x", "T", "{T}", "//", "::x::",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z0-9]{1,8}",
        3 => prop::sample::select(TRICKY).prop_map(String::from),
        1 => "\\PC{1,6}",
    ]
}

/// Raw card text: pieces joined by spaces, nothing or line breaks; now and then a whole text
/// that looks like syntax.
fn raw_text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        9 => pieces(max_pieces),
        1 => prop::sample::select(LOOKALIKES).prop_map(String::from),
    ]
}

fn pieces(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), prop::sample::select(&[" ", " ", "", "\n"][..])),
        1..=max_pieces,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, sep)| format!("{p}{sep}"))
            .collect()
    })
}

/// Text as a card holds it after an import that trims: each line trimmed, no blank lines, not
/// empty. `forbidden` pieces are taken out first.
fn tidy(text: &str, forbidden: &[&str]) -> String {
    let mut text = text.to_string();
    // Removing a piece can join two others into it ("{{" + "c1::"), so repeat until clean.
    while let Some(f) = forbidden.iter().find(|f| text.contains(**f)) {
        text = text.replace(f, " ");
    }
    let lines: Vec<&str> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        "x".to_string()
    } else {
        lines.join("\n")
    }
}

fn one_line(text: &str) -> String {
    tidy(&text.replace('\n', " "), &[])
}

fn texts(words: &[String]) -> Vec<Text> {
    words.iter().map(Text::from).collect()
}

/// A drawn card: its kind and prompt, its explanation and its tags.
type Drawn = ((Kind, String), Option<String>, Vec<String>);

/// A deck of drawn cards, with ids c0, c1, ...
fn deck_of_drawn(cards: Vec<Drawn>) -> Deck {
    deck_of(
        cards
            .into_iter()
            .enumerate()
            .map(|(i, ((kind, prompt), explain, tags))| Card {
                explain: explain.map(Into::into),
                tags: texts(&tags).into(),
                ..Card::new(format!("c{i}"), kind, prompt)
            })
            .collect(),
    )
}

fn deck_of(cards: Vec<Card>) -> Deck {
    Deck {
        id: "props".into(),
        title: "Property deck".into(),
        cards,
        ..Deck::default()
    }
}

fn basic(i: usize, prompt: String, back: String) -> Card {
    Card::new(format!("c{i}"), Kind::Basic { back: back.into() }, prompt)
}

/// Imported card ids are unique and usable as hand-written ids.
fn check_ids(cards: &[Card]) -> Result<(), TestCaseError> {
    let mut seen = std::collections::HashSet::new();
    for c in cards {
        let id = c.id.as_str();
        prop_assert!(!id.is_empty(), "empty id");
        prop_assert!(
            id.chars()
                .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '-')),
            "id {:?} has characters a deck cannot hold",
            id
        );
        prop_assert!(seen.insert(id.to_string()), "id {:?} twice", id);
    }
    Ok(())
}

/// What a text import must satisfy whatever it was given.
fn check_text_import(imported: &Imported, text: &str) -> Result<(), TestCaseError> {
    let lines = line_count(text.as_bytes());
    for e in &imported.errors {
        prop_assert!(
            (1..=lines).contains(&e.line),
            "error at line {} of a {}-line input: {}",
            e.line,
            lines,
            e.message
        );
        prop_assert!(!e.message.is_empty());
    }
    check_ids(&imported.cards)?;
    for c in &imported.cards {
        if let Kind::Cloze { parts } = &c.kind {
            prop_assert!(
                parts.iter().any(|p| matches!(p, ClozePart::Blank(_))),
                "a cloze without a blank: {:?}",
                c
            );
        } else {
            prop_assert!(!c.prompt.is_empty(), "a card without a prompt: {:?}", c);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// TSV / CSV
// ---------------------------------------------------------------------------------------------

const SEED_TSV: &str = "#separator:tab\n#html:true\n#tags column:3\n\
    Mercury\tclosest <b>planet</b>\tplanets inner\n\
    \"Two\nlines\"\t\"a \"\"quoted\"\" back\"\tplanets\n\
    {{c1::Titan}} orbits {{c2::Saturn}}.\tbig moon\t\n\
    Ceres, dwarf\tbelt; asteroid\t\n";

const SEED_CSV: &str = "Term,Definition,Tags\n\"Io, moon\",\"volcanic \"\"hot\"\"\",moons\n\
    Europa,icy,moons\nlonely\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn tsv_arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        check_text_import(&tsv::read(&text), &text)?;
    }

    #[test]
    fn tsv_mutated_files_never_panic(
        csv in any::<bool>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let seed = if csv { SEED_CSV } else { SEED_TSV };
        let bytes = apply(seed.as_bytes(), &edits);
        let text = String::from_utf8_lossy(&bytes);
        let got = tsv::read(&text);
        check_text_import(&got, &text)?;
        prop_assert_eq!(got, tsv::read(&text), "not deterministic");
    }

    /// A row without a back, put anywhere among good rows, is reported at its own line and
    /// costs no other card.
    #[test]
    fn tsv_a_bad_row_is_reported_at_its_line(
        fronts in prop::collection::vec("[A-Za-z][A-Za-z ]{0,10}[a-z]", 1..10),
        at in any::<prop::sample::Index>(),
        headers in any::<bool>(),
    ) {
        let at = at.index(fronts.len() + 1);
        let mut text = String::new();
        if headers {
            text.push_str("#separator:tab\n#html:false\n");
        }
        let before = text.matches('\n').count();
        for (i, f) in fronts.iter().enumerate() {
            if i == at {
                text.push_str("no back here\n");
            }
            text.push_str(&format!("{f}\tback {i}\n"));
        }
        if at == fronts.len() {
            text.push_str("no back here\n");
        }
        let got = tsv::read(&text);
        prop_assert_eq!(got.cards.len(), fronts.len());
        prop_assert_eq!(got.errors.len(), 1);
        prop_assert_eq!(got.errors[0].line, before + at + 1);
    }
}

/// Card text TSV keeps. Fields are trimmed on import, so text is tidy; a front holding Anki
/// cloze syntax (`{{c1::...}}`) is read as a cloze note by design, so fronts leave it out.
fn tsv_front() -> impl Strategy<Value = String> {
    raw_text(8).prop_map(|t| tidy(&t, &["{{c"]))
}

fn tsv_back() -> impl Strategy<Value = String> {
    raw_text(8).prop_map(|t| tidy(&t, &[]))
}

/// Tags are words: whitespace inside a tag becomes '_' on export, by design.
fn tags() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[a-z0-9_:\"#-]{1,8}", 0..3)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn tsv_anki_dialect_round_trips_fronts_backs_and_tags(
        cards in prop::collection::vec((tsv_front(), tsv_back(), tags()), 1..8),
    ) {
        let deck = deck_of(
            cards
                .iter()
                .enumerate()
                .map(|(i, (f, b, t))| Card { tags: texts(t).into(), ..basic(i, f.clone(), b.clone()) })
                .collect(),
        );
        let mut out = Vec::new();
        tsv::write(&deck, tsv::Dialect::Anki, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let back = tsv::read(&text);
        prop_assert_eq!(&back.errors, &vec![], "{}", text);
        let got: Vec<(&str, &Kind, &[Text])> = back
            .cards
            .iter()
            .map(|c| (c.prompt.as_str(), &c.kind, &c.tags[..]))
            .collect();
        let want: Vec<(&str, &Kind, &[Text])> = deck
            .cards
            .iter()
            .map(|c| (c.prompt.as_str(), &c.kind, &c.tags[..]))
            .collect();
        prop_assert_eq!(got, want, "{}", text);
        check_ids(&back.cards)?;
    }

    /// Quizlet's paste format has no quoting, no header and one card per line, so it holds
    /// single lines only (line breaks become " / ", by design); the reader guesses HTML there,
    /// so markup-like text (`<`, `&`) is left out; a field starting with a quote would be read
    /// as quoted, and one starting with '#' as a comment line, so neither starts a side; and
    /// a first row that reads as column names ("Front", "Back") is taken for a header.
    #[test]
    fn tsv_plain_dialect_round_trips_single_lines(
        cards in prop::collection::vec((tsv_front(), tsv_back()), 1..8),
    ) {
        let clean = |t: &str| {
            let t = one_line(&tidy(t, &["\t", "<", "&", "{{c"]));
            let t = t.trim_start_matches(['"', '#', ' ']).to_string();
            if t.is_empty() { "x".to_string() } else { format!("q {t}") }
        };
        let deck = deck_of(
            cards
                .iter()
                .enumerate()
                .map(|(i, (f, b))| basic(i, clean(f), clean(b)))
                .collect(),
        );
        let mut out = Vec::new();
        tsv::write(&deck, tsv::Dialect::Plain, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let back = tsv::read(&text);
        prop_assert_eq!(&back.errors, &vec![], "{}", text);
        let got: Vec<(&str, &Kind)> = back.cards.iter().map(|c| (c.prompt.as_str(), &c.kind)).collect();
        let want: Vec<(&str, &Kind)> = deck.cards.iter().map(|c| (c.prompt.as_str(), &c.kind)).collect();
        prop_assert_eq!(got, want, "{}", text);
    }
}

// ---------------------------------------------------------------------------------------------
// GIFT
// ---------------------------------------------------------------------------------------------

const SEED_GIFT: &str = "// a comment\n$CATEGORY: $course$/top\n\n\
    ::Q1:: Who is \\{here\\}?{~Grant ~Jefferson =no one#right}\n\n\
    Grant is {~buried =entombed ~living} in the tomb.\n\n\
    Is it true?{TRUE####because}\n\n\
    Who?{=no one =nobody}\n\n\
    [html]When?{#1822:5}\n\n\
    Pick two{\n~%50%a\n~%50%b\n~%-100%c\n}\n\n\
    Match {\n=Canada -> Ottawa\n=Italy -> Rome\n}\n\n\
    ::essay::Explain.{####The sun\\: a star}\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn gift_arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        check_text_import(&gift::read(&text), &text)?;
    }

    #[test]
    fn gift_arbitrary_text_never_panics(text in "([{}=~#:\\\\\n%>-]|\\PC){0,200}") {
        check_text_import(&gift::read(&text), &text)?;
    }

    #[test]
    fn gift_mutated_files_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        let bytes = apply(SEED_GIFT.as_bytes(), &edits);
        let text = String::from_utf8_lossy(&bytes);
        let got = gift::read(&text);
        check_text_import(&got, &text)?;
        // A question is reported at its first line, which is never blank.
        let lines: Vec<&str> = text.lines().collect();
        for e in &got.errors {
            let line = lines.get(e.line - 1).copied().unwrap_or("");
            prop_assert!(!line.trim().is_empty(), "error at blank line {}", e.line);
        }
        prop_assert_eq!(got, gift::read(&text), "not deterministic");
    }
}

/// Text GIFT keeps. Question text and options go through HTML, which trims lines and drops
/// blank ones, so text is tidy; carriage returns are dropped by the exporter; a non-breaking
/// space is HTML's `&nbsp;` and comes back as a plain space.
fn gift_text() -> impl Strategy<Value = String> {
    raw_text(7).prop_map(|t| tidy(&t, &["\r", "\u{a0}"]))
}

/// A single line of GIFT text, for a cloze's instruction and the text before its blank. Both
/// GIFT and Anki notes hold a cloze's instruction as the first line of its text, so an
/// instruction of several lines, or a prompt-less cloze whose text breaks before the blank,
/// comes back with the lines shared out differently.
fn gift_line() -> impl Strategy<Value = String> {
    raw_text(5).prop_map(|t| one_line(&tidy(&t, &["\r", "\u{a0}"])))
}

fn answer() -> impl Strategy<Value = Answer> {
    (gift_text(), prop::collection::vec(gift_text(), 0..3)).prop_map(|(text, accept)| Answer {
        text: text.into(),
        accept: accept.into_iter().map(Into::into).collect(),
    })
}

/// Every kind GIFT can express, with at most the limits Moodle has (up to ten equally weighted
/// right options, two or more options and pairs, one blank in a missing-word question).
fn gift_kind() -> impl Strategy<Value = (Kind, String)> {
    let number = (-1e9f64..1e9, 0.0f64..1e4, prop::option::of("[a-zµ°²]{1,4}"));
    prop_oneof![
        (gift_text(), gift_text()).prop_map(|(p, back)| (Kind::Basic { back: back.into() }, p)),
        (gift_text(), answer()).prop_map(|(p, answer)| (Kind::Typed { answer }, p)),
        (
            gift_text(),
            prop::collection::vec(gift_text(), 1..5),
            prop::collection::vec(gift_text(), 0..4)
        )
            .prop_filter("two options", |(_, c, w)| c.len() + w.len() >= 2)
            .prop_map(|(p, correct, wrong)| {
                (
                    Kind::Choice {
                        correct: texts(&correct),
                        wrong: texts(&wrong),
                    },
                    p,
                )
            }),
        (gift_text(), any::<bool>()).prop_map(|(p, answer)| (Kind::TrueFalse { answer }, p)),
        (gift_text(), number).prop_map(|(p, (answer, tolerance, unit))| {
            (
                Kind::Number {
                    answer,
                    tolerance,
                    unit: unit.map(Text::from),
                },
                p,
            )
        }),
        (gift_text(), -5000i32..3000, 0u32..50)
            .prop_map(|(p, answer, tolerance)| (Kind::Year { answer, tolerance }, p)),
        (
            gift_text(),
            prop::collection::vec((gift_text(), gift_text()), 2..5)
        )
            .prop_map(|(p, pairs)| {
                let pairs = pairs
                    .into_iter()
                    .map(|(l, r)| (l.into(), r.into()))
                    .collect();
                (Kind::Match { pairs }, p)
            }),
        (
            gift_line(),
            gift_line(),
            answer(),
            gift_text(),
            any::<(bool, bool, bool)>()
        )
            .prop_map(
                |(p, before, blank, after, (has_p, has_before, has_after))| {
                    let mut parts = Vec::new();
                    if has_before {
                        parts.push(ClozePart::Text(format!("{before} ").into()));
                    }
                    parts.push(ClozePart::Blank(blank));
                    if has_after {
                        parts.push(ClozePart::Text(format!(" {after}").into()));
                    }
                    (Kind::Cloze { parts }, if has_p { p } else { String::new() })
                }
            ),
    ]
}

static WEIGHT: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"^%-*[0-9]{1,2}\.?[0-9]*%").unwrap());

/// Why the GIFT exporter leaves a card out: short answers (typed or a cloze's blank) that
/// Moodle would read as a grade weight or a matching pair, and a left-hand item of a pair that
/// could not be told from the arrow.
fn gift_refuses(card: &Card) -> Option<&'static str> {
    let answer = match &card.kind {
        Kind::Typed { answer } => answer,
        Kind::Match { pairs } if pairs.iter().any(|(l, _)| l.contains("->")) => {
            return Some("a left-hand item containing \"->\" cannot be written in GIFT");
        }
        Kind::Cloze { parts } => parts.iter().find_map(|p| match p {
            ClozePart::Blank(a) => Some(a),
            ClozePart::Text(_) | ClozePart::Hint(_) => None,
        })?,
        _ => return None,
    };
    if answer.all().any(|a| WEIGHT.is_match(a.trim_start())) {
        Some("an answer starting with %N% would be read by Moodle as a grade weight")
    } else if answer.all().any(|a| a.contains("->")) {
        Some("an answer containing \"->\" would be read by Moodle as a matching pair")
    } else {
        None
    }
}

/// What GIFT gives back of a card: no tags or source, and a basic card's back is the general
/// feedback, where the explanation would go.
fn gift_expected(card: &Card) -> Card {
    let mut want = card.clone();
    want.tags = Vec::new().into();
    want.source = None;
    if matches!(card.kind, Kind::Basic { .. }) {
        want.explain = None;
    }
    want
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn gift_round_trips_every_kind_it_can_express(
        cards in prop::collection::vec(
            (gift_kind(), prop::option::of(gift_text()), tags()),
            1..6,
        ),
    ) {
        let deck = deck_of_drawn(cards);
        let mut out = Vec::new();
        let skipped = gift::write(&deck, &mut out).unwrap();
        // The only things in these decks beyond GIFT are the ones `gift_refuses` names.
        let refused: Vec<(String, String)> = deck
            .cards
            .iter()
            .filter_map(|c| gift_refuses(c).map(|r| (c.id.as_str().to_string(), r.to_string())))
            .collect();
        let got: Vec<(String, String)> =
            skipped.iter().map(|s| (s.id.clone(), s.reason.clone())).collect();
        prop_assert_eq!(got, refused);
        let text = String::from_utf8(out).unwrap();
        let back = gift::read(&text);
        prop_assert_eq!(&back.errors, &vec![], "{}", text);
        let want: Vec<Card> = deck
            .cards
            .iter()
            .filter(|c| !skipped.iter().any(|s| s.id == c.id.as_str()))
            .map(gift_expected)
            .collect();
        prop_assert_eq!(back.cards.len(), want.len(), "{}", text);
        for (got, want) in back.cards.iter().zip(&want) {
            prop_assert_eq!(got, want, "{}", text);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Anki packages
// ---------------------------------------------------------------------------------------------

const CREATED_MS: i64 = 1_700_000_000_000;

fn seed_deck() -> Deck {
    let mut sun = basic(0, "What is the Sun?".into(), "a <star>".into());
    sun.tags = vec!["space".into()].into();
    sun.explain = Some("A G-type star.".into());
    let titan = Card::new(
        "titan",
        Kind::Cloze {
            parts: vec![
                ClozePart::Text("Titan orbits ".into()),
                ClozePart::Blank(Answer::plain("Saturn")),
            ],
        },
        "Complete:",
    );
    let red = Card::new(
        "red",
        Kind::Typed {
            answer: Answer::plain("Mars"),
        },
        "Red planet?",
    );
    deck_of(vec![sun, titan, red])
}

/// A package recall writes, and the SQLite collection inside it.
static SEED_APKG: LazyLock<(Vec<u8>, Vec<u8>)> = LazyLock::new(|| {
    let (package, _) = apkg::to_bytes(&seed_deck(), CREATED_MS).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(package.clone())).unwrap();
    let mut collection = Vec::new();
    std::io::Read::read_to_end(
        &mut archive.by_name("collection.anki2").unwrap(),
        &mut collection,
    )
    .unwrap();
    (package, collection)
});

/// A zip of the given entries, stored uncompressed so that mutated contents reach the reader.
fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// What every package read must satisfy: refusals say what is wrong, notes left out say which.
fn check_apkg(result: &Result<apkg::ApkgImport, apkg::ApkgError>) -> Result<(), TestCaseError> {
    match result {
        Err(e) => {
            let message = e.to_string();
            prop_assert!(message.len() > 20, "unclear error {:?}", message);
        }
        Ok(got) => {
            for s in &got.skipped {
                let id = s.id.strip_prefix("note ");
                prop_assert!(
                    id.is_some_and(|n| n.parse::<i64>().is_ok()),
                    "skipped item without a note id: {}",
                    s
                );
                prop_assert!(!s.reason.is_empty());
            }
            check_ids(&got.cards)?;
            for c in &got.cards {
                match &c.kind {
                    Kind::Cloze { parts } => prop_assert!(
                        parts.iter().any(|p| matches!(p, ClozePart::Blank(_))),
                        "a cloze without a blank"
                    ),
                    _ => prop_assert!(!c.prompt.is_empty(), "a card without a prompt"),
                }
            }
        }
    }
    Ok(())
}

/// A change to the seed collection, made with SQL so that the reader meets odd but
/// well-formed data rather than a database SQLite refuses.
#[derive(Debug, Clone)]
enum NoteEdit {
    Fields(usize, String),
    Tags(usize, String),
    Model(usize, i64),
    Models(String),
    Decks(String),
    Extra(i64, String, i64),
}

fn note_edit() -> impl Strategy<Value = NoteEdit> {
    let field = prop_oneof![
        raw_text(6),
        prop::collection::vec(
            prop::sample::select(
                &[
                    "\u{1f}",
                    "{{c1::",
                    "{{c2::",
                    "}}",
                    "::",
                    "{{c99999999999::",
                    "<br>",
                    "<div>",
                    "<div class=\"recall-explain\">",
                    "</div>",
                    "[sound:a.mp3]",
                    "&nbsp;",
                    "<img src=a.png>",
                    "\n",
                    "x",
                    " ",
                    "<!--",
                    "-->",
                    "{{",
                    "c1::",
                ][..]
            ),
            0..12
        )
        .prop_map(|p| p.concat()),
    ];
    let json = prop_oneof![
        Just(String::new()),
        Just("[]".to_string()),
        Just("{\"x\": 1}".to_string()),
        Just("{\"1739574201\": {\"type\": 1, \"flds\": []}}".to_string()),
        Just("{\"1739574202\": {\"type\": \"1\", \"flds\": 7}}".to_string()),
        Just("{\"1\": {\"name\": 5}, \"2\": {\"name\": \"a::b\"}}".to_string()),
        "\\PC{0,40}",
    ];
    prop_oneof![
        (0usize..3, field.clone()).prop_map(|(n, f)| NoteEdit::Fields(n, f)),
        (0usize..3, raw_text(4)).prop_map(|(n, t)| NoteEdit::Tags(n, t)),
        (
            0usize..3,
            prop_oneof![Just(1_739_574_201i64), Just(1_739_574_202), any::<i64>()]
        )
            .prop_map(|(n, m)| NoteEdit::Model(n, m)),
        json.clone().prop_map(NoteEdit::Models),
        json.prop_map(NoteEdit::Decks),
        (any::<i64>(), field, any::<i64>()).prop_map(|(id, f, m)| NoteEdit::Extra(id, f, m)),
    ]
}

/// The seed collection with the edits made, as a package.
fn edited_package(edits: &[NoteEdit]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    std::fs::write(&path, &SEED_APKG.1).unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let ids: Vec<i64> = conn
            .prepare("SELECT id FROM notes ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let id = |n: usize| ids[n % ids.len()];
        for e in edits {
            let _ = match e {
                NoteEdit::Fields(n, f) => {
                    conn.execute("UPDATE notes SET flds = ?1 WHERE id = ?2", (f, id(*n)))
                }
                NoteEdit::Tags(n, t) => {
                    conn.execute("UPDATE notes SET tags = ?1 WHERE id = ?2", (t, id(*n)))
                }
                NoteEdit::Model(n, m) => {
                    conn.execute("UPDATE notes SET mid = ?1 WHERE id = ?2", (m, id(*n)))
                }
                NoteEdit::Models(j) => conn.execute("UPDATE col SET models = ?1", [j]),
                NoteEdit::Decks(j) => conn.execute("UPDATE col SET decks = ?1", [j]),
                NoteEdit::Extra(note, f, m) => conn.execute(
                    "INSERT OR REPLACE INTO notes VALUES (?1, 'g', ?2, 0, 0, '', ?3, '', 0, 0, '')",
                    (note, m, f),
                ),
            };
        }
    }
    let collection = std::fs::read(&path).unwrap();
    zip_of(&[
        ("collection.anki2".into(), collection),
        ("media".into(), b"{}".to_vec()),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases_div(4)))]

    #[test]
    fn apkg_arbitrary_bytes_are_refused_clearly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let got = apkg::read(Cursor::new(bytes));
        prop_assert!(got.is_err());
        check_apkg(&got)?;
    }

    /// Flips, inserts and cuts anywhere in a real package: the zip's checksums or SQLite's
    /// checks turn almost all of them away, and whatever gets through must still be sound.
    #[test]
    fn apkg_mutated_packages_never_panic(edits in prop::collection::vec(edit(), 1..4)) {
        let bytes = apply(&SEED_APKG.0, &edits);
        check_apkg(&apkg::read(Cursor::new(bytes)))?;
    }

    /// The same with the collection stored uncompressed, so that damage reaches SQLite.
    #[test]
    fn apkg_damaged_collections_never_panic(edits in prop::collection::vec(edit(), 1..4)) {
        let collection = apply(&SEED_APKG.1, &edits);
        let bytes = zip_of(&[("collection.anki2".into(), collection)]);
        check_apkg(&apkg::read(Cursor::new(bytes)))?;
    }

    /// Odd notes and note types in a sound database: every note becomes cards or is skipped
    /// with its id.
    #[test]
    fn apkg_odd_notes_are_read_or_skipped_by_note(
        edits in prop::collection::vec(note_edit(), 1..5),
    ) {
        let got = apkg::read(Cursor::new(edited_package(&edits)));
        check_apkg(&got)?;
    }
}

/// Text an Anki field keeps. Fields are HTML, so text is tidy; Anki's `[sound:...]` references
/// are media, dropped on import by design; a non-breaking space comes back as a space.
fn anki_text() -> impl Strategy<Value = String> {
    raw_text(7).prop_map(|t| tidy(&t, &["[sound:", "\u{a0}"]))
}

/// Text of a cloze note, one line where `gift_line` says why. Text beside the blanks must not
/// hold Anki's own deletion syntax (`{{c1::`), which would make a blank of it.
fn anki_line(forbidden: &'static [&'static str], lines: bool) -> impl Strategy<Value = String> {
    raw_text(5).prop_map(move |t| {
        let mut all = vec!["[sound:", "\u{a0}"];
        all.extend_from_slice(forbidden);
        let t = tidy(&t, &all);
        if lines { t } else { one_line(&t) }
    })
}

/// Cloze answers Anki's syntax cannot hold, which the exporter leaves out: `::` starts a hint,
/// `}}` or a final `}` ends the deletion early, `{{` reads as a nested one.
fn anki_refuses(card: &Card) -> bool {
    let Kind::Cloze { parts } = &card.kind else {
        return false;
    };
    parts.iter().any(|p| match p {
        ClozePart::Blank(a) => {
            let t = &a.text;
            t.contains("::") || t.contains("}}") || t.contains("{{") || t.ends_with('}')
        }
        ClozePart::Text(_) | ClozePart::Hint(_) => false,
    })
}

fn anki_cloze() -> impl Strategy<Value = (Kind, String)> {
    let text = || anki_line(&["{{c"], true);
    (
        prop::option::of(anki_line(&["{{c"], false)),
        prop::collection::vec(
            (
                prop::option::of((anki_line(&["{{c"], false), text())),
                anki_line(&[], true),
            ),
            1..4,
        ),
        prop::option::of(text()),
    )
        .prop_map(|(prompt, blanks, after)| {
            let mut parts = Vec::new();
            for (i, (before, answer)) in blanks.into_iter().enumerate() {
                // Spaces around a blank survive, but not at the edges of the text.
                match before {
                    Some((line, _)) if i == 0 => {
                        parts.push(ClozePart::Text(format!("{line} ").into()))
                    }
                    Some((_, text)) => parts.push(ClozePart::Text(format!(" {text} ").into())),
                    None => {}
                }
                parts.push(ClozePart::Blank(Answer::plain(answer)));
            }
            if let Some(a) = after {
                parts.push(ClozePart::Text(format!(" {a}").into()));
            }
            (Kind::Cloze { parts }, prompt.unwrap_or_default())
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases_div(4)))]

    /// Basic cards keep front, back, explanation and tags; clozes keep their instruction,
    /// text and blanks (every blank of a recall cloze is Anki's c1, so they stay one card).
    #[test]
    fn apkg_round_trips_basic_and_cloze_cards(
        cards in prop::collection::vec(
            (
                prop_oneof![
                    (anki_text(), anki_text()).prop_map(|(p, back)| (Kind::Basic { back: back.into() }, p)),
                    anki_cloze(),
                ],
                prop::option::of(anki_text()),
                tags(),
            ),
            1..6,
        ),
    ) {
        let deck = deck_of_drawn(cards);
        let (bytes, skipped) = apkg::to_bytes(&deck, CREATED_MS).unwrap();
        let refused: Vec<&str> = deck
            .cards
            .iter()
            .filter(|c| anki_refuses(c))
            .map(|c| c.id.as_str())
            .collect();
        prop_assert_eq!(skipped.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), refused);
        let back = apkg::read(Cursor::new(bytes)).unwrap();
        prop_assert_eq!(back.skipped, vec![]);
        let want: Vec<&Card> = deck.cards.iter().filter(|c| !anki_refuses(c)).collect();
        // The deck's name is the name of the deck most cards are in.
        let name = Some("Property deck").filter(|_| !want.is_empty());
        prop_assert_eq!(back.deck_name.as_deref(), name);
        prop_assert_eq!(back.cards.len(), want.len());
        for (got, want) in back.cards.iter().zip(want) {
            prop_assert_eq!(&got.prompt, &want.prompt);
            prop_assert_eq!(&got.kind, &want.kind);
            prop_assert_eq!(&got.explain, &want.explain);
            prop_assert_eq!(&got.tags, &want.tags);
        }
        check_ids(&back.cards)?;
    }
}

// Entry names -------------------------------------------------------------------------------

static MARKERS: AtomicUsize = AtomicUsize::new(0);

/// A file name no one else uses, so finding it anywhere means this test put it there.
fn marker() -> String {
    format!(
        "recall-slip-{}-{}",
        std::process::id(),
        MARKERS.fetch_add(1, Ordering::Relaxed)
    )
}

/// A prefix that tries to leave the directory an entry would be extracted to.
fn escaping_prefix() -> impl Strategy<Value = String> {
    prop_oneof![
        (1usize..5).prop_map(|n| "../".repeat(n)),
        (1usize..5).prop_map(|n| "..\\".repeat(n)),
        Just("/".to_string()),
        Just("/tmp/".to_string()),
        Just("//".to_string()),
        Just("\\".to_string()),
        Just("C:\\".to_string()),
        Just("C:/".to_string()),
        Just("./../".to_string()),
        Just("a/../../".to_string()),
        Just("collection.anki2/../../".to_string()),
        Just("%2e%2e/".to_string()),
        Just("\u{2025}/".to_string()),
        Just("..\u{0}/".to_string()),
        "[a-z./\\\\]{0,12}",
        // Names far longer than any path component a file system takes.
        (300usize..8000).prop_map(|n| format!("{}/", "a".repeat(n))),
    ]
}

/// Where a careless extraction of `name` into any likely directory would have put it.
fn landing_places(name: &str, marker: &str) -> Vec<PathBuf> {
    let mut bases: Vec<PathBuf> = vec![PathBuf::from("/")];
    for start in [std::env::temp_dir(), std::env::current_dir().unwrap()] {
        let mut dir = Some(start.as_path());
        while let Some(d) = dir {
            bases.push(d.to_path_buf());
            dir = d.parent();
        }
    }
    let mut places: Vec<PathBuf> = bases.iter().map(|b| b.join(marker)).collect();
    places.push(PathBuf::from(name.trim_start_matches("..\\")));
    places
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases_div(4)))]

    /// Whatever the entry names, nothing leaves the package: the folder it is read from holds
    /// only the package afterwards, and no file named by an entry appears anywhere an
    /// extraction could have put it. The collection is found only under its exact name.
    #[test]
    fn apkg_entry_names_never_lead_to_writes(
        prefixes in prop::collection::vec(escaping_prefix(), 1..5),
        with_collection in any::<bool>(),
        collection_name in prop_oneof![
            Just("collection.anki2"),
            Just("collection.anki21"),
            Just("collection.anki21b"),
            Just("../collection.anki2"),
            Just("/collection.anki2"),
            Just("./collection.anki2"),
            Just("Collection.anki2"),
            Just("collection.anki2/"),
            Just("dir/collection.anki2"),
        ],
    ) {
        let target = tempfile::tempdir().unwrap();
        let mut entries = Vec::new();
        let mut names = Vec::new();
        for p in &prefixes {
            let m = marker();
            names.push((format!("{p}{m}"), m));
        }
        for (name, m) in &names {
            entries.push((name.clone(), m.as_bytes().to_vec()));
        }
        if with_collection {
            entries.push((collection_name.to_string(), SEED_APKG.1.clone()));
        }
        let package = target.path().join("deck.apkg");
        std::fs::write(&package, zip_of(&entries)).unwrap();

        let got = apkg::read(std::fs::File::open(&package).unwrap());
        let exact = ["collection.anki2", "collection.anki21", "collection.anki21b"]
            .contains(&collection_name);
        if with_collection && exact {
            let got = got.unwrap();
            prop_assert_eq!(got.cards.len(), seed_deck().cards.len());
        } else {
            let err = got.unwrap_err();
            prop_assert_eq!(&err, &apkg::ApkgError::NoCollection);
            prop_assert_eq!(
                err.to_string(),
                "not an Anki package: the archive holds no collection.anki21b, collection.anki21 \
                 or collection.anki2"
            );
        }
        let left: Vec<PathBuf> = std::fs::read_dir(target.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        prop_assert_eq!(left, vec![package.clone()]);
        for (name, m) in &names {
            for place in landing_places(name, m) {
                prop_assert!(!place.exists(), "{} was written", place.display());
            }
        }
    }
}

/// A package whose collection claims to be 4 GB is refused before anything is inflated.
#[test]
fn apkg_an_oversized_entry_is_refused() {
    let mut bytes = zip_of(&[("collection.anki2".to_string(), SEED_APKG.1.clone())]);
    // The central directory's uncompressed size, 24 bytes into its record (just below the
    // 0xFFFFFFFF that would announce a zip64 size).
    let central = bytes
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .expect("a central directory");
    bytes[central + 24..central + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    let err = apkg::read(Cursor::new(bytes)).unwrap_err();
    assert_eq!(
        err,
        apkg::ApkgError::TooLarge {
            entry: "collection.anki2".into(),
            limit: apkg::MAX_ENTRY_BYTES
        }
    );
    assert_eq!(
        err.to_string(),
        format!(
            "the package entry `collection.anki2` is larger than the limit of {} bytes",
            apkg::MAX_ENTRY_BYTES
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Review logs
// ---------------------------------------------------------------------------------------------

const NOW: &str = "2026-03-02T10:00:00Z";

fn now() -> Timestamp {
    NOW.parse().unwrap()
}

/// The first rows of the Anki sample, and a log in recall's own export layout.
static SEED_LOGS: LazyLock<[String; 2]> = LazyLock::new(|| {
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/progress/anki-revlog-sample.csv"),
    )
    .unwrap();
    let anki: String = sample.split_inclusive('\n').take(20).collect();
    let own = "card_id,review_time,review_rating,review_state,review_duration,deck,card,answer,verdict,mode\n\
        rivers:danube,1711744352250,3,0,4100,rivers,danube,Black Sea,correct,study\n\
        rivers:rhine,1711744352251,1,2,,rivers,rhine,\"North, \"\"Sea\"\"\",wrong,quiz\n\
        17,1711744352252,4,,12,,,,,external\n"
        .to_string();
    [anki, own]
});

/// What every parse of a log must satisfy: the file is refused at line 1, or each row is
/// taken or reported once, at a line of the file after the header.
fn check_log(bytes: &[u8]) -> Result<(), TestCaseError> {
    let lines = line_count(bytes) as u64;
    match parse_log(bytes, now()) {
        Err(message) => prop_assert!(message.starts_with("line 1: "), "{}", message),
        Ok(log) => {
            let mut seen = std::collections::HashSet::new();
            for line in log
                .rows
                .iter()
                .map(|r| r.line)
                .chain(log.bad.iter().map(|b| b.line))
            {
                prop_assert!((2..=lines).contains(&line), "line {} of {}", line, lines);
                prop_assert!(seen.insert(line), "line {} twice", line);
            }
            for b in &log.bad {
                prop_assert!(!b.message.is_empty());
            }
            for r in &log.rows {
                prop_assert!(!r.card_id.is_empty());
                prop_assert!(r.time <= now());
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn log_arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_log(&bytes)?;
    }

    #[test]
    fn log_arbitrary_rows_under_a_good_header_never_panic(
        body in "([,\"\n\r 0-9:.TZ+-]|\\PC){0,300}",
    ) {
        check_log(format!("card_id,review_rating,review_time,review_duration\n{body}").as_bytes())?;
    }

    #[test]
    fn log_mutated_files_never_panic(
        own in any::<bool>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let seed = &SEED_LOGS[usize::from(own)];
        check_log(&apply(seed.as_bytes(), &edits))?;
    }
}

/// Something wrong with one row of a log, and the text that makes it so.
#[derive(Debug, Clone)]
enum Fault {
    EmptyId,
    Rating(&'static str),
    Time(&'static str),
    Future(i64),
    Duration(&'static str),
    State(&'static str),
    FieldCount(bool),
}

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        Just(Fault::EmptyId),
        prop::sample::select(&["0", "5", "x", "", "-1", "3.0", "256", "１"][..])
            .prop_map(Fault::Rating),
        prop::sample::select(
            &[
                "yesterday",
                "",
                "-5",
                "2024-13-01T00:00:00Z",
                "99999999999999999999",
                "1e9"
            ][..]
        )
        .prop_map(Fault::Time),
        (1i64..10_000_000_000).prop_map(Fault::Future),
        prop::sample::select(&["-4", "abc", "NaN", "inf", "-0.5", "1,5", "86400001", "1e30"][..])
            .prop_map(Fault::Duration),
        prop::sample::select(&["4", "x", "-1", "300"][..]).prop_map(Fault::State),
        any::<bool>().prop_map(Fault::FieldCount),
    ]
}

/// One generated row: its values, and possibly a fault.
#[derive(Debug, Clone)]
struct RowSpec {
    card_id: String,
    rating: u8,
    time_ms: i64,
    rfc3339: bool,
    duration: Option<u64>,
    state: Option<u8>,
    answer: String,
    mode: Option<&'static str>,
    fault: Option<Fault>,
}

const JAN_2000_MS: i64 = 946_684_800_000;

fn row_spec() -> impl Strategy<Value = RowSpec> {
    (
        "[A-Za-z0-9:_ ,\"'-]{1,12}",
        1u8..=4,
        JAN_2000_MS..1_772_445_600_000,
        any::<bool>(),
        // At most a day: a longer duration is a bad row (a fault above).
        prop::option::of(0u64..=86_400_000),
        prop::option::of(0u8..=3),
        raw_text(4),
        prop::option::of(prop::sample::select(
            &["study", "quiz", "cram", "import", "external"][..],
        )),
        prop::option::weighted(0.3, fault()),
    )
        .prop_map(
            |(id, rating, time_ms, rfc3339, duration, state, answer, mode, fault)| {
                let id = id.trim();
                RowSpec {
                    card_id: if id.is_empty() { "x".into() } else { id.into() },
                    rating,
                    time_ms,
                    rfc3339,
                    duration,
                    state,
                    // Fields are trimmed on reading: whitespace at the edges of a field is not data.
                    answer: tidy(&answer, &[]),
                    mode,
                    fault,
                }
            },
        )
}

const OPTIONAL: [&str; 7] = [
    "review_duration",
    "review_state",
    "deck",
    "card",
    "answer",
    "verdict",
    "mode",
];

fn header() -> impl Strategy<Value = Vec<&'static str>> {
    prop::sample::subsequence(OPTIONAL.to_vec(), 0..=OPTIONAL.len()).prop_flat_map(|optional| {
        let mut columns = vec!["card_id", "review_rating", "review_time"];
        columns.extend(optional);
        Just(columns).prop_shuffle()
    })
}

/// A log written with a CSV writer (so quotes and line breaks in fields are written as CSV
/// has them), with the line each row starts at and whether the row is bad.
fn write_log(columns: &[&str], specs: &[RowSpec]) -> (Vec<u8>, Vec<(u64, bool)>) {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    w.write_record(columns).unwrap();
    let mut lines = Vec::new();
    for s in specs {
        w.flush().unwrap();
        let line = w.get_ref().iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let mut bad = false;
        let mut record: Vec<String> = columns
            .iter()
            .map(|c| match *c {
                "card_id" => s.card_id.clone(),
                "review_rating" => s.rating.to_string(),
                "review_time" => {
                    let t = Timestamp::from_millisecond(s.time_ms).unwrap();
                    if s.rfc3339 {
                        t.to_string()
                    } else {
                        s.time_ms.to_string()
                    }
                }
                "review_duration" => s.duration.map(|d| d.to_string()).unwrap_or_default(),
                "review_state" => s.state.map(|d| d.to_string()).unwrap_or_default(),
                "answer" => s.answer.clone(),
                "mode" => s.mode.unwrap_or("").to_string(),
                _ => String::new(),
            })
            .collect();
        let mut set = |name: &str, value: String| {
            if let Some(i) = columns.iter().position(|c| *c == name) {
                record[i] = value;
                bad = true;
            }
        };
        match &s.fault {
            None => {}
            Some(Fault::EmptyId) => set("card_id", String::new()),
            Some(Fault::Rating(r)) => set("review_rating", r.to_string()),
            Some(Fault::Time(t)) => set("review_time", t.to_string()),
            Some(Fault::Future(ms)) => {
                set("review_time", (now().as_millisecond() + ms).to_string())
            }
            Some(Fault::Duration(d)) => set("review_duration", d.to_string()),
            Some(Fault::State(st)) => set("review_state", st.to_string()),
            Some(Fault::FieldCount(more)) => {
                if *more {
                    record.push("extra".into());
                } else {
                    record.pop();
                }
                bad = true;
            }
        }
        w.write_record(&record).unwrap();
        lines.push((line, bad));
    }
    (w.into_inner().unwrap(), lines)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Every row of a log is either read or reported at the line it starts on, so the rows
    /// read and the rows skipped add up to the rows written; a good row keeps its values.
    #[test]
    fn log_rows_are_each_taken_or_reported_at_their_line(
        columns in header(),
        specs in prop::collection::vec(row_spec(), 1..12),
    ) {
        let (bytes, lines) = write_log(&columns, &specs);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let log = parse_log(&bytes, now()).unwrap();
        prop_assert_eq!(log.rows.len() + log.bad.len(), specs.len(), "{}", text);
        let bad: Vec<u64> = lines.iter().filter(|(_, b)| *b).map(|(l, _)| *l).collect();
        let good: Vec<u64> = lines.iter().filter(|(_, b)| !*b).map(|(l, _)| *l).collect();
        prop_assert_eq!(log.bad.iter().map(|b| b.line).collect::<Vec<_>>(), bad, "{}", text);
        prop_assert_eq!(log.rows.iter().map(|r| r.line).collect::<Vec<_>>(), good, "{}", text);
        let has = |c: &str| columns.contains(&c);
        let kept = specs.iter().zip(&lines).filter(|(_, (_, b))| !*b).map(|(s, _)| s);
        for (row, spec) in log.rows.iter().zip(kept) {
            prop_assert_eq!(&row.card_id, &spec.card_id);
            prop_assert_eq!(row.rating.number(), spec.rating);
            prop_assert_eq!(row.time.as_millisecond(), spec.time_ms);
            prop_assert_eq!(row.duration_ms, if has("review_duration") { spec.duration.unwrap_or(0) } else { 0 });
            prop_assert_eq!(row.state, spec.state.filter(|_| has("review_state")));
            prop_assert_eq!(&row.answer, if has("answer") { &spec.answer } else { "" });
            prop_assert_eq!(row.mode.as_deref(), spec.mode.filter(|_| has("mode")));
        }
    }
}

/// The recall cards the store tests know.
static RIVERS: LazyLock<Vec<Card>> = LazyLock::new(|| {
    ["danube", "rhine"]
        .iter()
        .map(|id| {
            Card::new(
                *id,
                Kind::Typed {
                    answer: Answer::plain("sea"),
                },
                "Where does it end?",
            )
        })
        .collect()
});

fn known(deck: &str, card: &str) -> bool {
    deck == "rivers" && RIVERS.iter().any(|c| c.id.as_str() == card)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases_div(4)))]

    /// Importing a log adds each answer once: repeats inside the log and a second import of
    /// the whole log are counted as already present.
    #[test]
    fn log_imported_twice_adds_nothing_the_second_time(
        rows in prop::collection::vec(
            (
                prop::sample::select(&["rivers:danube", "rivers:rhine", "rivers:nile", "17", "anki 9"][..]),
                0i64..6,
                1u8..=4,
                prop::option::of(prop::sample::select(&["study", "quiz", "import"][..])),
            ),
            1..14,
        ),
    ) {
        let mut text = String::from("card_id,review_time,review_rating,mode\n");
        for (id, minute, rating, mode) in &rows {
            let ms = 1_711_744_352_250 + minute * 60_000;
            text.push_str(&format!("{id},{ms},{rating},{}\n", mode.unwrap_or("")));
        }
        let log = parse_log(text.as_bytes(), now()).unwrap();
        prop_assert_eq!(&log.bad, &vec![]);
        let resolved = resolve(log.rows, &CardMap::new(), known);
        let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
        let mut replay_card = |_: &str, card: &str, current: Option<&_>, history: &[_]| {
            let card = RIVERS.iter().find(|c| c.id.as_str() == card).unwrap();
            replay(&scheduler, card, current, history)
        };
        let mut store = Store::open_in_memory().unwrap();
        let first = store
            .import_reviews(&resolved.external, &resolved.answers, &mut replay_card)
            .unwrap();
        let distinct = |keys: Vec<(String, i64)>| keys.into_iter().collect::<std::collections::HashSet<_>>().len();
        let external = distinct(resolved.external.iter().map(|e| (e.card_id.clone(), e.time.as_millisecond())).collect());
        let answers = distinct(resolved.answers.iter().map(|a| (a.card.clone(), a.time.as_millisecond())).collect());
        prop_assert_eq!(first.external_added, external);
        prop_assert_eq!(first.external_added + first.external_present, resolved.external.len());
        prop_assert_eq!(first.answers_added, answers);
        prop_assert_eq!(first.answers_added + first.answers_present, resolved.answers.len());

        let second = store
            .import_reviews(&resolved.external, &resolved.answers, &mut replay_card)
            .unwrap();
        prop_assert_eq!(second.external_added, 0);
        prop_assert_eq!(second.answers_added, 0);
        prop_assert_eq!(second.external_present, resolved.external.len());
        prop_assert_eq!(second.answers_present, resolved.answers.len());
        prop_assert_eq!(second.cards_replayed, 0);
        prop_assert_eq!(store.reviews(None).unwrap().len(), answers);
    }
}

/// One answer as recall's review export writes it.
#[derive(Debug, Clone)]
struct Exported {
    card_id: String,
    time_ms: i64,
    rating: u8,
    state: Option<u8>,
    duration: u64,
    target: Option<(String, String)>,
    answer: String,
    verdict: &'static str,
    mode: &'static str,
}

fn exported() -> impl Strategy<Value = Exported> {
    (
        raw_text(4),
        JAN_2000_MS..1_772_445_600_000,
        1u8..=4,
        prop::option::of(0u8..=3),
        // Durations up to a day, the longest a log may record.
        0u64..=86_400_000,
        prop::option::of(("[a-z0-9_-]{1,8}", "[a-z0-9_.-]{1,8}")),
        prop::option::of(raw_text(5)),
        prop::sample::select(&["correct", "wrong", "close", ""][..]),
        prop::sample::select(&["study", "quiz", "cram", "import", "external"][..]),
    )
        .prop_map(
            |(id, time_ms, rating, state, duration, target, answer, verdict, mode)| Exported {
                // Fields are trimmed on reading (a log from a spreadsheet pads them), so
                // whitespace at the edges of an id or an answer does not come back.
                card_id: tidy(&id, &[]),
                time_ms,
                rating,
                state,
                duration,
                target,
                answer: answer.map(|a| tidy(&a, &[])).unwrap_or_default(),
                verdict,
                mode,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// What `recall export reviews --format csv` writes, `recall import reviews` reads back.
    #[test]
    fn log_export_round_trips(answers in prop::collection::vec(exported(), 0..8)) {
        let mut w = ReviewWriter::new(Format::Csv, NOW, Vec::new()).unwrap();
        for a in &answers {
            w.write(&ReviewRow {
                card_id: &a.card_id,
                review_time: a.time_ms,
                review_rating: a.rating,
                review_state: a.state,
                review_duration: a.duration,
                deck: a.target.as_ref().map(|t| t.0.as_str()),
                card: a.target.as_ref().map(|t| t.1.as_str()),
                answer: &a.answer,
                verdict: a.verdict,
                mode: a.mode,
            })
            .unwrap();
        }
        let bytes = w.finish().unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let log = parse_log(&bytes, now()).unwrap();
        prop_assert_eq!(&log.bad, &vec![], "{}", text);
        prop_assert_eq!(log.rows.len(), answers.len());
        for (row, a) in log.rows.iter().zip(&answers) {
            prop_assert_eq!(&row.card_id, &a.card_id);
            prop_assert_eq!(row.time.as_millisecond(), a.time_ms);
            prop_assert_eq!(row.rating.number(), a.rating);
            prop_assert_eq!(row.state, a.state);
            prop_assert_eq!(row.duration_ms, a.duration);
            prop_assert_eq!(&row.target, &a.target);
            prop_assert_eq!(&row.answer, &a.answer);
            prop_assert_eq!(row.verdict.as_str(), a.verdict);
            prop_assert_eq!(row.mode.as_deref(), Some(a.mode));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Imported decks pass `recall check`
// ---------------------------------------------------------------------------------------------

/// What `recall import deck` writes for `cards`: `Ok` only with a TOML deck that loads without
/// a single error (the cards the deck rules refuse are dropped, each with its reason).
fn import_writes_a_valid_deck(cards: Vec<Card>) -> Result<(), TestCaseError> {
    if cards.is_empty() {
        return Ok(());
    }
    let n = cards.len();
    match recall::cmd_decks::without_refused_cards(deck_of(cards), "props") {
        Ok((deck, toml)) => {
            prop_assert!(!deck.cards.is_empty() && deck.cards.len() <= n);
            let loaded = recall::deck::load::load(toml.as_bytes());
            let errors: Vec<&str> = loaded
                .diagnostics
                .iter()
                .filter(|d| d.severity == recall::diagnostic::Severity::Error)
                .map(|d| d.message.as_str())
                .collect();
            prop_assert!(errors.is_empty(), "{errors:?}\n{toml}");
            prop_assert_eq!(loaded.deck.map(|d| d.cards.len()), Some(deck.cards.len()));
        }
        Err(e) => {
            let message = e.to_string();
            prop_assert!(
                message.contains("no card of the file makes a valid recall card"),
                "{message}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases_div(2)))]

    #[test]
    fn gift_imports_pass_check(edits in prop::collection::vec(edit(), 0..6)) {
        let bytes = apply(SEED_GIFT.as_bytes(), &edits);
        import_writes_a_valid_deck(gift::read(&String::from_utf8_lossy(&bytes)).cards)?;
    }

    #[test]
    fn gift_text_imports_pass_check(text in "([{}=~#:|\\\\\n%>-]|\\PC){0,200}") {
        import_writes_a_valid_deck(gift::read(&text).cards)?;
    }

    #[test]
    fn tsv_imports_pass_check(text in raw_text(30)) {
        import_writes_a_valid_deck(tsv::read(&text).cards)?;
    }

    #[test]
    fn apkg_imports_pass_check(edits in prop::collection::vec(note_edit(), 1..5)) {
        if let Ok(pkg) = apkg::read(Cursor::new(edited_package(&edits))) {
            import_writes_a_valid_deck(pkg.cards)?;
        }
    }
}

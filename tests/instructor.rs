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

/// `recall import deck FILE -o OUT` with more arguments.
fn import_to(t: &TestEnv, file: &std::path::Path, out: &str, more: &[&str]) -> common::Run {
    let mut args = vec!["import", "deck", file.to_str().unwrap(), "-o", out];
    args.extend(more);
    t.run(&args, "")
}

/// The packages the real Anki library wrote (tests/fixtures/anki/make_fixtures.py).
fn anki_fixture(name: &str) -> String {
    common::repo()
        .join("tests/fixtures/anki")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn current_anki_packages_import_every_card_with_their_media() {
    for (fixture, id) in [
        ("current.apkg", "current"),
        ("current.colpkg", "current"),
        ("legacy.apkg", "legacy"),
    ] {
        let t = TestEnv::new();
        let r = t.run(
            &[
                "import",
                "deck",
                &anki_fixture(fixture),
                "-o",
                "capitals.toml",
            ],
            "",
        );
        assert_eq!(r.code, 0, "{fixture}: {}", r.stderr);
        assert!(
            r.stderr
                .contains(&format!("Imported 14 cards into deck `{id}`.")),
            "{fixture}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains("Copied 2 media file(s) into "),
            "{fixture}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains(
                "note: 3 card(s) show media with their question and make no sense without them"
            ),
            "{fixture}: {}",
            r.stderr
        );
        let media = t.path().join("capitals.media");
        assert_eq!(
            std::fs::read(media.join("anthem de.mp3")).unwrap(),
            b"ID3\x03\x00\x00\x00\x00\x00\x00recall-fixture-sound"
        );
        assert!(
            std::fs::read(media.join("flag_fr.png"))
                .unwrap()
                .starts_with(b"\x89PNG")
        );
        let deck = std::fs::read_to_string(t.path().join("capitals.toml")).unwrap();
        assert!(deck.contains("title = \"Capitals and flags\""), "{deck}");
        for expected in [
            // Basic (and reversed card): both directions.
            "front = \"Germany\"\nback = \"Berlin\"",
            "front = \"Berlin\"\nback = \"Germany\"",
            // Basic (optional reversed card): the reverse only where Anki made one.
            "front = \"Ottawa\"\nback = \"Canada\"",
            // Basic (type in the answer): a typed card.
            "kind = \"typed\"\nprompt = \"Capital of Italy?\"\nanswer = \"Rome\"",
            // Cloze with hints, one card per number.
            "text = \"{{Frankfurt::city}} lies on the Main.\"",
            "text = \"Frankfurt lies on the {{Main::river}}.\"",
            // A custom note type with a section.
            "front = \"\"\"\nWhat is the capital of Kenya?\n(Africa)\"\"\"",
            "media = [\"flag_fr.png\"]",
            "media = [\"anthem de.mp3\"]",
        ] {
            assert!(deck.contains(expected), "{fixture}: {expected}\n{deck}");
        }
        assert!(!deck.contains("front = \"Lima\""), "no reverse for Peru");
        let r = t.run(&["check", "capitals.toml"], "");
        assert_eq!(r.code, 0, "{fixture}: {}{}", r.stdout, r.stderr);
        let r = t.run(&["show", "capitals.toml"], "");
        assert!(
            r.stdout.contains("  [... (city)] lies on the Main.\n"),
            "{}",
            r.stdout
        );
        assert!(r.stdout.contains("  media: flag_fr.png\n"), "{}", r.stdout);
    }
}

#[test]
fn media_of_a_package_written_to_standard_output_are_named_not_copied() {
    let t = TestEnv::new();
    let r = t.run(&["import", "deck", &anki_fixture("current.apkg")], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("2 media file(s) were not copied"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("media = [\"flag_fr.png\"]"));
}

/// A legacy-layout package whose collection is made by `sql` (tables `col`, `notes`, `cards`
/// or views in their place), written beside the test as `name`.
fn hostile_package(t: &TestEnv, name: &str, sql: &str) -> String {
    let db = t.path().join(format!("{name}.db"));
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(sql)
        .unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "collection.anki21",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(&mut zip, &std::fs::read(&db).unwrap()).unwrap();
    let path = t.write(name, zip.finish().unwrap().into_inner());
    path.display().to_string()
}

/// Runs recall under a cap of `megabytes` of address space: a run that needed gigabytes fails
/// instead of passing slowly.
fn run_within(t: &TestEnv, megabytes: u64, args: &[&str]) -> common::Run {
    let inner = t.command(args);
    let mut c = std::process::Command::new("bash");
    c.arg("-c")
        .arg("ulimit -v \"$0\" && exec \"$@\"")
        .arg((megabytes * 1024).to_string())
        .arg(inner.get_program())
        .args(inner.get_args())
        .current_dir(t.path());
    for (key, value) in inner.get_envs() {
        match value {
            Some(v) => c.env(key, v),
            None => c.env_remove(key),
        };
    }
    let out = c.output().unwrap();
    common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const HOSTILE_TABLES: &str = "
    CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer);";

#[test]
fn a_package_whose_notes_are_an_endless_view_is_refused_at_once() {
    let t = TestEnv::new();
    let package = hostile_package(
        &t,
        "endless.apkg",
        &format!(
            "{HOSTILE_TABLES} CREATE TABLE col (models text, decks text);
             INSERT INTO col VALUES ('{{}}', '{{}}');
             CREATE VIEW notes AS WITH RECURSIVE r(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM r)
             SELECT id, 'g' || id AS guid, 1 AS mid, '' AS tags, 'a' || char(31) || 'b' AS flds
             FROM r ORDER BY id;"
        ),
    );
    let r = run_within(&t, 1024, &["import", "deck", &package, "-o", "out.toml"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "the package is refused: `notes` in collection.anki21 is a view, not a table"
        ),
        "{}",
        r.stderr
    );
    assert!(!t.path().join("out.toml").exists());
}

#[test]
fn a_package_whose_col_is_a_view_of_a_huge_string_is_refused() {
    let t = TestEnv::new();
    let package = hostile_package(
        &t,
        "huge.apkg",
        &format!(
            "{HOSTILE_TABLES} CREATE TABLE notes (id integer primary key, guid text, mid integer,
             tags text, flds text);
             CREATE VIEW col AS SELECT hex(zeroblob(450000000)) AS models, '{{}}' AS decks;"
        ),
    );
    let r = run_within(&t, 1024, &["import", "deck", &package, "-o", "out.toml"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("`col` in collection.anki21 is a view, not a table"),
        "{}",
        r.stderr
    );
}

#[test]
fn cloze_notes_with_huge_numbers_of_deletions_are_skipped_in_bounded_memory() {
    let t = TestEnv::new();
    let deletions = |n: usize| -> String { (1..=n).map(|i| format!("{{{{c{i}::w}}}} ")).collect() };
    let sql = format!(
        "{HOSTILE_TABLES} CREATE TABLE col (models text, decks text);
         INSERT INTO col VALUES ('{{\"1\": {{\"type\": 1, \"flds\": [{{\"name\": \"Text\"}},
           {{\"name\": \"Extra\"}}], \"tmpls\": [{{\"ord\": 0, \"qfmt\": \"{{{{cloze:Text}}}}\",
           \"afmt\": \"{{{{cloze:Text}}}}\"}}]}}}}', '{{}}');
         CREATE TABLE notes (id integer primary key, guid text, mid integer, tags text, flds text);
         INSERT INTO notes VALUES (1, 'a', 1, '', '{}' || char(31));
         INSERT INTO notes VALUES (2, 'b', 1, '', '{}' || char(31));
         INSERT INTO notes VALUES (3, 'c', 1, '', '{{{{c1::Io}}}} orbits Jupiter.' || char(31));",
        deletions(100_000),
        deletions(60_000),
    );
    let package = hostile_package(&t, "clozes.apkg", &sql);
    let r = run_within(&t, 1536, &["import", "deck", &package, "-o", "out.toml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "skipped note 1: the note is 1356 KB, over the limit of 1024 KB for one note"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("skipped note 2: the note has 60000 cloze numbers"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("Imported 1 cards into deck `clozes`."),
        "{}",
        r.stderr
    );
}

#[test]
fn a_gift_quiz_with_every_question_type_imports_without_skip_bad() {
    let t = TestEnv::new();
    let gift = common::repo().join("tests/fixtures/gift/every_type.gift");
    let r = import_to(&t, &gift, "quiz.toml", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "every_type.gift:48: a description (text without an answer in {...}) is not a \
             question; left out"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("Imported 11 cards into deck `solar-system`."),
        "{}",
        r.stderr
    );
    let r = t.run(&["show", "quiz.toml", "--json"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let deck: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(deck["title"], "Solar system");
    // Every question gift-pegjs read (tests/fixtures/gift/every_type.gift.json) became the
    // card kind that asks it the same way.
    let parsed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::repo().join("tests/fixtures/gift/every_type.gift.json"))
            .unwrap(),
    )
    .unwrap();
    let mut checked = 0;
    for q in parsed["questions"].as_array().unwrap() {
        let Some(title) = q["title"].as_str().filter(|_| q["type"] != "Category") else {
            continue;
        };
        let card = deck["cards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == title)
            .unwrap_or_else(|| panic!("no card {title}"));
        let kinds: &[&str] = match q["type"].as_str().unwrap() {
            "MC" => &["choice"],
            "TF" => &["truefalse"],
            "Short" => &["typed", "cloze"],
            "Numerical" => &["number"],
            "Matching" => &["match"],
            "Essay" => &["basic"],
            other => panic!("unexpected type {other}"),
        };
        assert!(
            kinds.contains(&card["kind"].as_str().unwrap()),
            "{title}: {card}"
        );
        checked += 1;
    }
    assert_eq!(checked, 11);
    let card = |id: &str| {
        deck["cards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(card("apollo")["range"], serde_json::json!([1969.0, 1972.0]));
    assert_eq!(card("largest")["tags"], serde_json::json!(["planets"]));
    assert_eq!(card("tides")["tags"], serde_json::json!(["essays"]));
    assert_eq!(
        card("largest")["explain"],
        "The gas giants are the biggest planets.\nJupiter: Yes: it holds most of the planets' \
         mass.\nSaturn: Close: it comes second.\nMars: No: Mars is small."
    );
    assert_eq!(
        card("pluto")["explain"],
        "False: Right: a dwarf planet since 2006.\nTrue: It was reclassified in 2006."
    );
    assert_eq!(card("orbit")["kind"], "cloze");
    let r = t.run(&["show", "quiz.toml"], "");
    assert!(r.stdout.contains("  answer: 1969-1972\n"), "{}", r.stdout);
}

/// Runs recall and returns its exit code and peak resident memory in KB, read from
/// `/proc/PID/status` (VmHWM) while it runs.
fn peak_rss_kb(t: &TestEnv, args: &[&str]) -> (i32, u64) {
    let mut child = t
        .command(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status)
            && let Some(kb) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kb);
        }
        if let Some(code) = child.try_wait().unwrap() {
            return (code.code().unwrap_or(-1), peak);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

fn rows(n: usize) -> String {
    let mut text = String::with_capacity(n * 64);
    for i in 0..n {
        text.push_str(&format!(
            "question number {i} about topic {}\tanswer {i} here\ttag{}\n",
            i % 97,
            i % 7
        ));
    }
    text
}

/// A spreadsheet is written as it is read: memory grows with its text, not with its cards
/// (before, 50,000 rows took 85 MB and a million 880 MB).
#[test]
fn a_large_spreadsheet_imports_in_memory_proportional_to_its_text() {
    let t = TestEnv::new();
    let sheet = t.write("rows.tsv", rows(50_000));
    let (code, peak) = peak_rss_kb(
        &t,
        &["import", "deck", sheet.to_str().unwrap(), "-o", "rows.toml"],
    );
    assert_eq!(code, 0);
    assert!(peak < 60 * 1024, "peak {peak} KB");
    let deck = std::fs::read_to_string(t.path().join("rows.toml")).unwrap();
    assert_eq!(deck.matches("[[card]]").count(), 50_000);
}

/// The figure the README gives: a million rows. Slow unoptimised (about two minutes), so run on
/// demand: `cargo test --release --test instructor -- --ignored million`.
#[test]
#[ignore]
fn a_million_row_spreadsheet_imports_within_500_mb() {
    let t = TestEnv::new();
    let sheet = t.write("rows.tsv", rows(1_000_000));
    let (code, peak) = peak_rss_kb(
        &t,
        &["import", "deck", sheet.to_str().unwrap(), "-o", "rows.toml"],
    );
    assert_eq!(code, 0);
    eprintln!("a million rows: peak {} MB", peak / 1024);
    assert!(peak < 500 * 1024, "peak {peak} KB");
}

#[test]
fn spreadsheet_columns_are_mapped_by_name_and_unused_ones_named() {
    let t = TestEnv::new();
    let sheet = t.write(
        "sheet.csv",
        "Difficulty,Answer,Question,Explanation,Id\neasy,Rome,Capital of Italy?,On the Tiber.,it-1\n",
    );
    let r = import_to(&t, &sheet, "sheet.toml", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("sheet.csv: column 1 (`Difficulty`) is not used"),
        "{}",
        r.stderr
    );
    let deck = std::fs::read_to_string(t.path().join("sheet.toml")).unwrap();
    assert!(
        deck.contains("id = \"it-1\"\nkind = \"basic\"\nfront = \"Capital of Italy?\"\nback = \"Rome\"\nexplain = \"On the Tiber.\""),
        "{deck}"
    );
    let r = import_to(
        &t,
        &sheet,
        "again.toml",
        &["--columns", "tags,back,front,-,id"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let deck = std::fs::read_to_string(t.path().join("again.toml")).unwrap();
    assert!(deck.contains("tags = [\"easy\"]"), "{deck}");
    assert!(
        r.stderr.contains("column 4 (`Explanation`) is not used"),
        "{}",
        r.stderr
    );
    let r = t.run(
        &[
            "import",
            "deck",
            sheet.to_str().unwrap(),
            "--columns",
            "back,id",
        ],
        "",
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--columns needs a front column"),
        "{}",
        r.stderr
    );
}

#[test]
fn check_against_an_older_version_names_the_edits_that_change_a_question() {
    let t = TestEnv::new();
    let head = "format = 1\nid = \"geo\"\ntitle = \"Geo\"\n";
    let card = |id: &str, front: &str, back: &str, extra: &str| {
        format!(
            "\n[[card]]\nid = \"{id}\"\nkind = \"basic\"\nfront = \"{front}\"\nback = \"{back}\"\n{extra}"
        )
    };
    t.write(
        "old.toml",
        format!(
            "{head}{}{}{}",
            card("rome", "Capital of Italy?", "Rome", ""),
            card("nile", "Longest river?", "The Nile", ""),
            card("gone", "Capital of Peru?", "Lima", "")
        ),
    );
    t.write(
        "new.toml",
        format!(
            "{head}{}{}{}",
            card(
                "rome",
                "Capital of Italy?",
                "Rome",
                "explain = \"On the Tiber.\"\n"
            ),
            card("nile", "Which river is the longest?", "The Nile", ""),
            card("kenya", "Capital of Kenya?", "Nairobi", "")
        ),
    );
    let r = t.run(&["check", "new.toml", "--against", "old.toml"], "");
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains(
            "nile: its question was reworded; learners keep its progress and are told the \
             question changed"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("kenya: new;"), "{}", r.stdout);
    assert!(r.stdout.contains("gone: removed;"), "{}", r.stdout);
    assert!(
        !r.stdout.contains("rome:"),
        "an explanation changes no meaning: {}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("new.toml against old.toml: 3 card(s) changed, 1 ask what they asked before"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_text_file_over_the_import_limit_is_refused_before_it_is_read() {
    let t = TestEnv::new();
    let big = t.path().join("big.tsv");
    // A sparse file: 300 MB long without taking the disk space.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(300 * 1024 * 1024)
        .unwrap();
    let r = run_within(&t, 200, &["import", "deck", big.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("the file is 300 MB, over the limit of 100 MB for an import"),
        "{}",
        r.stderr
    );
}

#[test]
fn column_names_reach_the_terminal_inert() {
    let t = TestEnv::new();
    let sheet = t.write("evil.csv", "Front,Back,\u{1b}]0;pwned\u{7}\nSun,star,x\n");
    let r = import_to(&t, &sheet, "evil.toml", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains('\u{1b}'), "{:?}", r.stderr);
    assert!(
        r.stderr
            .contains("column 3 (`\\u{1b}]0;pwned\\u{7}`) is not used"),
        "{}",
        r.stderr
    );
}

/// More of the collection's family: `cards` as an endless view, `notes` as a virtual table
/// or with a generated column that would make a gigabyte, and `col` as a real table holding a
/// 70 MB value. Each refused at once with what it is, in bounded memory.
#[test]
fn packages_with_views_virtual_tables_and_huge_values_are_refused() {
    let t = TestEnv::new();
    let notes = "CREATE TABLE notes (id integer primary key, guid text, mid integer, tags text,
        flds text);";
    let col = "CREATE TABLE col (models text, decks text); INSERT INTO col VALUES ('{}', '{}');";
    let cases = [
        (
            "cards-view",
            format!(
                "{notes} {col} CREATE VIEW cards AS WITH RECURSIVE r(id) AS (SELECT 1 UNION ALL
                 SELECT id + 1 FROM r) SELECT id, id AS nid, 1 AS did, 0 AS ord FROM r;"
            ),
            "`cards` in collection.anki21 is a view, not a table",
        ),
        (
            "notes-virtual",
            format!(
                "{HOSTILE_TABLES} {col} CREATE VIRTUAL TABLE notes USING fts5(id, guid, mid,
                 tags, flds);"
            ),
            "`notes` in collection.anki21 is a virtual table",
        ),
        (
            "notes-generated",
            format!(
                "{HOSTILE_TABLES} {col} CREATE TABLE notes (id integer primary key, guid text,
                 mid integer, tags text, flds text GENERATED ALWAYS AS
                 (hex(zeroblob(500000000))));"
            ),
            "table with generated columns",
        ),
        (
            "col-huge",
            format!(
                "{HOSTILE_TABLES} {notes} CREATE TABLE col (models text, decks text);
                 INSERT INTO col VALUES (hex(zeroblob(35000000)), '{{}}');"
            ),
            "the collection holds a value larger than 64 MB",
        ),
    ];
    for (name, sql, message) in cases {
        let package = hostile_package(&t, &format!("{name}.apkg"), &sql);
        let r = run_within(&t, 1024, &["import", "deck", &package, "-o", "out.toml"]);
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        assert!(
            r.stderr.contains("the package is refused: ") && r.stderr.contains(message),
            "{name}: {}",
            r.stderr
        );
        assert!(!t.path().join("out.toml").exists());
    }
}

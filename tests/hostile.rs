//! Hostile input: a corpus of malformed decks (tests/hostile/*.toml), each of which must give a
//! precise diagnostic (file:line:col and a specific message) and no panic; and deck text with
//! terminal escape sequences, which must reach the terminal inert.

mod common;

use std::path::Path;

use common::TestEnv;

/// Every file of the corpus: where its first error points and what it says. A file added to
/// tests/hostile/ without a row here fails `every_corpus_file_is_listed`.
const CORPUS: &[(&str, usize, usize, &str)] = &[
    // Syntax errors.
    (
        "syntax-unclosed-string",
        3,
        23,
        "invalid TOML: invalid basic string, expected `\"`",
    ),
    (
        "syntax-missing-equals",
        3,
        7,
        "invalid TOML: key with no value, expected `=`",
    ),
    (
        "syntax-bad-header",
        5,
        8,
        "invalid TOML: unclosed array table, expected `]`",
    ),
    ("syntax-duplicate-key", 5, 1, "invalid TOML: duplicate key"),
    (
        "syntax-bad-escape",
        8,
        20,
        "invalid TOML: missing escaped value",
    ),
    (
        "syntax-bare-value",
        2,
        6,
        "invalid TOML: string values must be quoted",
    ),
    (
        "syntax-unclosed-array",
        4,
        17,
        "invalid TOML: unclosed array, expected `]`",
    ),
    (
        "syntax-stray-brackets",
        5,
        1,
        "invalid TOML: missing table open, expected `[`",
    ),
    (
        "syntax-unclosed-inline-table",
        6,
        22,
        "invalid TOML: unclosed inline table, expected `}`",
    ),
    // Wrong types.
    (
        "type-format-string",
        1,
        10,
        "`format` in the deck must be an integer, found a string",
    ),
    (
        "type-id-integer",
        2,
        6,
        "`id` in the deck must be a string, found an integer",
    ),
    (
        "type-title-boolean",
        3,
        9,
        "`title` in the deck must be a string, found a boolean",
    ),
    (
        "type-tags-string",
        5,
        8,
        "`tags` in the deck must be a list of strings, found a string",
    ),
    (
        "type-prompt-number",
        8,
        10,
        "`prompt` in card `a` must be a string, found an integer",
    ),
    (
        "type-truefalse-string",
        9,
        10,
        "`answer` in card `a` must be a boolean, found a string",
    ),
    (
        "type-number-string",
        9,
        10,
        "`answer` in card `a` must be a number, found a string",
    ),
    (
        "type-year-float",
        9,
        10,
        "`answer` in card `a` must be an integer year, found a float",
    ),
    (
        "type-list-items-string",
        9,
        9,
        "`items` in card `a` must be a list, found a string",
    ),
    (
        "type-card-single-table",
        5,
        1,
        "`card` in the deck must be a list of tables, found a table",
    ),
    (
        "type-settings-negative",
        6,
        15,
        "`new_per_day` in [settings] must not be negative",
    ),
    (
        "type-retention-out-of-range",
        6,
        21,
        "`desired_retention` in [settings] must be between 0 and 1, found 2.5",
    ),
    (
        "type-day-start-hour",
        6,
        18,
        "`day_start_hour` in [settings] must be 0 to 23, found 30",
    ),
    // Unknown kinds, fields and versions.
    ("unknown-card-kind", 7, 8, "unknown card kind `essay`"),
    ("unknown-fact-kind", 7, 8, "unknown fact kind `rumour`"),
    (
        "unknown-card-field",
        9,
        1,
        "unknown field `anwser` in card `a`",
    ),
    (
        "unknown-top-level-field",
        5,
        1,
        "unknown field `colour` in the deck",
    ),
    ("unknown-format-version", 1, 10, "unsupported deck format 2"),
    // Missing fields.
    (
        "missing-format",
        1,
        1,
        "missing required field `format` in the deck",
    ),
    (
        "missing-id",
        1,
        1,
        "missing required field `id` in the deck",
    ),
    (
        "missing-title",
        1,
        1,
        "missing required field `title` in the deck",
    ),
    (
        "missing-card-kind",
        5,
        1,
        "missing required field `kind` in card `a`",
    ),
    (
        "missing-typed-answer",
        5,
        1,
        "missing required field `answer` in card `a`",
    ),
    (
        "missing-choice-wrong",
        5,
        1,
        "missing required field `wrong` in card `a`",
    ),
    (
        "missing-event-date",
        5,
        1,
        "missing required field `date` in fact `f`",
    ),
    ("empty-file", 1, 1, "the deck file is empty"),
    ("only-comments", 1, 1, "the deck is empty"),
    // Duplicate ids.
    ("duplicate-card-id", 12, 6, "duplicate card id `a`"),
    ("duplicate-fact-id", 12, 6, "duplicate fact id `f`"),
    (
        "duplicate-fact-and-card-id",
        12,
        6,
        "fact id `a` is also a card id",
    ),
    // Absurd sizes.
    (
        "absurd-year",
        9,
        10,
        "`answer` in card `a` is not a plausible year: 99999999",
    ),
    (
        "absurd-integer-overflow",
        9,
        10,
        "`answer` in card `a` is a whole number too large for TOML",
    ),
    (
        "absurd-float-infinite",
        10,
        13,
        "`tolerance` in card `a` must be a finite number",
    ),
    (
        "absurd-negative-tolerance",
        10,
        13,
        "`tolerance` in card `a` must not be negative",
    ),
    (
        "absurd-huge-list",
        9,
        188_900,
        "duplicate item `n7` in card `a`",
    ),
    ("absurd-long-id", 6, 6, "invalid card id `a ba ba"),
    // Deep nesting: the parser's recursion limit, not a stack overflow.
    (
        "deep-nested-arrays",
        9,
        89,
        "invalid TOML: cannot recurse further; max recursion depth met",
    ),
    (
        "deep-nested-inline-tables",
        6,
        415,
        "invalid TOML: cannot recurse further; max recursion depth met",
    ),
    // Nesting through dotted keys: refused whole; the parser's error has no place of its own,
    // so it points at the line that nests most.
    ("deep-dotted-key", 5, 1, "invalid TOML: recursion limit"),
    ("deep-dotted-header", 5, 1, "invalid TOML: recursion limit"),
    (
        "deep-nested-inline-dotted",
        10,
        1,
        "invalid TOML: recursion limit",
    ),
    // Rules of the deck format.
    ("cloze-no-blank", 8, 9, "cloze card `a` has no blank"),
    ("cloze-unclosed", 8, 36, "unclosed `{{` in card `a`"),
    (
        "match-one-pair",
        9,
        9,
        "match card `a` needs at least 2 pairs",
    ),
    (
        "prompt-gives-answer",
        8,
        14,
        "the prompt of card `a` contains its answer `Santiago`",
    ),
    (
        "choice-correct-and-wrong",
        10,
        18,
        "option `santiago` is listed as both correct and wrong in card `a`",
    ),
    (
        "invalid-date",
        9,
        8,
        "invalid date `1541-13-40` in fact `f`: there is no month 13",
    ),
    // Invalid UTF-8.
    (
        "utf8-invalid-byte",
        5,
        19,
        "the deck is not valid UTF-8: byte 0xe9 at offset 69",
    ),
    (
        "utf8-truncated-sequence",
        5,
        21,
        "the deck is not valid UTF-8: byte 0xe2 at offset 71",
    ),
    (
        "utf8-utf16-bom",
        1,
        1,
        "the deck is not valid UTF-8: byte 0xff at offset 0",
    ),
    // Raw control characters (TOML forbids them in strings) and escapes written in TOML.
    (
        "control-raw-bell",
        5,
        20,
        "invalid TOML: invalid basic string",
    ),
    (
        "control-raw-escape",
        5,
        16,
        "invalid TOML: invalid basic string",
    ),
    (
        "control-nul-byte",
        5,
        19,
        "invalid TOML: invalid basic string",
    ),
    (
        "escape-ansi-in-id",
        6,
        6,
        "invalid card id `evil\\u{1b}[31mred`",
    ),
    (
        "escape-osc-in-kind",
        7,
        8,
        "unknown card kind `\\u{1b}]0;pwned\\u{7}`",
    ),
    (
        "escape-bidi-in-id",
        6,
        6,
        "invalid card id `abc\\u{202e}dcba`",
    ),
    (
        "id-dot-dot",
        2,
        6,
        "invalid deck id `..`: it has no letter or digit",
    ),
    (
        "escape-in-unknown-field",
        10,
        1,
        "unknown field `\\u{1b}[2J` in card `a`",
    ),
];

fn corpus_dir() -> std::path::PathBuf {
    common::repo().join("tests/hostile")
}

/// Splits rendered diagnostics into (first line, location) pairs.
fn diagnostics(stderr: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in stderr.lines() {
        if line.starts_with("error: ") || line.starts_with("warning: ") {
            out.extend(current.take());
            current = Some((line.to_string(), String::new()));
        } else if let (Some(c), Some(at)) = (current.as_mut(), line.trim().strip_prefix("--> "))
            && c.1.is_empty()
        {
            c.1 = at.to_string();
        }
    }
    out.extend(current);
    out
}

/// Control characters other than newline, or bidirectional overrides, in text for a terminal.
fn dangerous(s: &str) -> Option<char> {
    s.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn every_corpus_file_is_listed() {
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|(f, ..)| format!("{f}.toml")).collect();
    listed.sort();
    assert_eq!(files, listed);
    assert!(
        CORPUS.len() >= 40,
        "the issue asks for at least 40 malformed decks"
    );
}

#[test]
fn every_malformed_deck_gives_a_located_diagnostic_and_no_panic() {
    let t = TestEnv::new();
    let mut failures = Vec::new();
    for (file, line, col, fragment) in CORPUS {
        let path = corpus_dir().join(format!("{file}.toml"));
        let shown = Path::new("tests/hostile").join(format!("{file}.toml"));
        let out = t
            .command(&["check", "--color", "never", shown.to_str().unwrap()])
            .current_dir(common::repo())
            .output()
            .unwrap();
        assert!(path.is_file());
        let stderr = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code();
        let want_at = format!("{}:{line}:{col}", shown.display());
        let found = diagnostics(&stderr)
            .into_iter()
            .any(|(msg, at)| msg.starts_with("error: ") && msg.contains(fragment) && at == want_at);
        let problems = [
            (code != Some(1)).then(|| format!("exit code {code:?}, not 1")),
            stderr.contains("panicked").then(|| "panicked".to_string()),
            (!found).then(|| format!("no error containing {fragment:?} at {want_at}")),
            dangerous(&stderr).map(|c| format!("raw {c:?} in the output")),
        ];
        for p in problems.into_iter().flatten() {
            failures.push(format!("{file}: {p}\n{}", &stderr[..stderr.len().min(800)]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A deck whose text is full of escape sequences that would retitle the window, clear the
/// screen, recolour the terminal or reverse the text if printed raw.
const ESCAPES: &str = r#"format = 1
id = "esc"
title = "Escapes \u001b]0;owned\u0007"
description = "Clears \u001b[2J the screen"

[[card]]
id = "typed"
kind = "typed"
prompt = "Which city is \u001b[31mred\u001b[0m? \u202eesrever"
answer = "Lima\u001b[5m"
explain = "Because \u001b]8;;http://example.invalid\u001b\\link\u001b]8;;\u001b\\."
source = "page \u0007 one"

[[card]]
id = "choice"
kind = "choice"
prompt = "Pick \u009b31m one"
correct = "Quito\u001b[1A"
wrong = ["Bogota\u001b[K", "Caracas\u0008\u0008"]

[[card]]
id = "basic"
kind = "basic"
front = "Front \u001bc reset"
back = "Back \u001b[?1049h alternate screen"
"#;

fn escape_env() -> TestEnv {
    let t = TestEnv::new();
    t.write("decks/esc.toml", ESCAPES);
    t
}

#[test]
fn check_of_a_deck_with_escapes_is_clean_and_inert() {
    let t = escape_env();
    let r = t.run(&["check", "esc"], "");
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(dangerous(&r.stdout), None, "{:?}", r.stdout);
    assert_eq!(dangerous(&r.stderr), None, "{:?}", r.stderr);
}

#[test]
fn show_prints_escapes_inert() {
    let t = escape_env();
    let r = t.run(&["show", "esc"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(dangerous(&r.stdout), None, "{:?}", r.stdout);
    assert!(r.stdout.contains("\\u{1b}[31mred"), "{}", r.stdout);
    assert!(r.stdout.contains("\\u{202e}esrever"), "{}", r.stdout);
    let one = t.run(&["show", "esc", "--card", "basic"], "");
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(dangerous(&one.stdout), None, "{:?}", one.stdout);
}

#[test]
fn show_json_escapes_control_characters() {
    let t = escape_env();
    let r = t.run(&["show", "esc", "--json"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(dangerous(&r.stdout), None, "{:?}", r.stdout);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v.to_string().contains("\\u001b[31mred"), "{v}");
}

#[test]
fn study_in_line_mode_prints_escapes_inert() {
    let t = escape_env();
    // Wrong answers, so that the right answers, explanations and sources are all shown.
    let r = t.run(
        &["study", "--deck", "esc", "--seed", "3"],
        "nope\n1\n2\n1\n\n1\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Cards studied: 3"), "{}", r.stdout);
    assert_eq!(dangerous(&r.stdout), None, "{:?}", r.stdout);
    assert_eq!(dangerous(&r.stderr), None, "{:?}", r.stderr);
    for shown in [
        "\\u{1b}[31mred",
        "Lima\\u{1b}[5m",
        "\\u{1b}[?1049h",
        "\\u{9b}31m",
    ] {
        assert!(r.stdout.contains(shown), "{shown} in {}", r.stdout);
    }
}

#[test]
fn quiz_in_line_mode_prints_escapes_inert() {
    let t = escape_env();
    let r = t.run(&["quiz", "esc", "-n", "3", "--seed", "3"], "nope\n9\nn\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(dangerous(&r.stdout), None, "{:?}", r.stdout);
}

#[test]
fn an_answer_typed_with_escapes_is_echoed_inert() {
    let t = escape_env();
    let r = t.run(
        &["study", "--deck", "esc", "--seed", "3"],
        "\u{1b}]0;typed\u{7}\nmaybe\u{1b}[2J\nq\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(dangerous(&r.stdout), None, "{:?}", r.stdout);
}

// Card ids made from repeated content: each repeat gets the next free number in one look, so
// 30,000 repeats take a moment (counting from 2 every time took over a minute).

/// Imports `file` and returns the ids of the deck written.
fn imported_ids(t: &TestEnv, file: &str) -> Vec<String> {
    let r = t.run(&["import", "deck", file, "-o", "out.toml"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let deck: toml::Table = std::fs::read_to_string(t.path().join("out.toml"))
        .unwrap()
        .parse()
        .unwrap();
    deck["card"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

fn assert_numbered(ids: &[String], n: usize) {
    assert_eq!(ids.len(), n);
    let distinct: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), n, "ids are unique");
    assert!(ids[n - 1].ends_with(&format!("-{n}")), "{}", ids[n - 1]);
}

const REPEATS: usize = 30_000;

#[test]
fn thirty_thousand_rows_with_one_front_import_quickly() {
    let t = TestEnv::new();
    let rows: String = (0..REPEATS)
        .map(|i| format!("What is it?\tAnswer {i}\n"))
        .collect();
    t.write("same.tsv", rows);
    assert_numbered(&imported_ids(&t, "same.tsv"), REPEATS);
}

#[test]
fn thirty_thousand_gift_questions_with_one_name_import_quickly() {
    let t = TestEnv::new();
    let gift: String = (0..REPEATS)
        .map(|i| format!("::same:: What is number {i}? {{=answer{i}}}\n\n"))
        .collect();
    t.write("same.gift", gift);
    assert_numbered(&imported_ids(&t, "same.gift"), REPEATS);
}

#[test]
fn thirty_thousand_anki_notes_with_one_guid_import_quickly() {
    use std::io::{Read, Write};
    let t = TestEnv::new();
    let mut deck = String::from("format = 1\nid = \"same\"\ntitle = \"Same\"\n");
    for i in 0..REPEATS {
        deck.push_str(&format!(
            "\n[[card]]\nid = \"c{i}\"\nkind = \"basic\"\nfront = \"Front {i}\"\nback = \"Back {i}\"\n"
        ));
    }
    t.write("decks/same.toml", deck);
    let r = t.run(
        &[
            "export", "deck", "same", "--format", "apkg", "-o", "ok.apkg",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Every note gets one GUID, as in a package made by a careless tool.
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(t.path().join("ok.apkg")).unwrap()).unwrap();
    let mut collection = Vec::new();
    archive
        .by_name("collection.anki2")
        .unwrap()
        .read_to_end(&mut collection)
        .unwrap();
    let db = t.write("collection.anki2", &collection);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE notes SET guid = 'same-guid'", [])
        .unwrap();
    let mut zip = zip::ZipWriter::new(std::fs::File::create(t.path().join("same.apkg")).unwrap());
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("collection.anki2", options).unwrap();
    zip.write_all(&std::fs::read(&db).unwrap()).unwrap();
    zip.start_file("media", options).unwrap();
    zip.write_all(b"{}").unwrap();
    zip.finish().unwrap();
    assert_numbered(&imported_ids(&t, "same.apkg"), REPEATS);
}

// Memory: every door is bounded. Peak memory is measured by GNU time (`/usr/bin/time -f
// %M`, as in scripts/hostile-bench.sh), never timed. Where it is missing, the child's own
// rusage from wait4 stands in: Linux carries the spawning process's peak over an exec, so that
// figure is an upper bound (the test process's peak or recall's, whichever is larger), which
// the bounds below still hold on a lean test process. The full-size figures are in the bench.

/// A finished run of recall and its peak resident memory.
struct Measured {
    code: i32,
    stdout: String,
    stderr: String,
    peak_mib: u64,
}

/// Runs recall with `input` written to its standard input, and reads its peak memory.
#[cfg(unix)]
#[allow(clippy::zombie_processes)] // reaped by wait4, which also gives its rusage
fn measured(t: &TestEnv, args: &[&str], input: impl std::io::Read + Send + 'static) -> Measured {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let direct = t.command(args);
    let gnu_time = Path::new("/usr/bin/time").exists();
    let report = t.path().join("peak.txt");
    let mut cmd = if gnu_time {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f").arg("%M").arg("-o").arg(&report);
        c.arg(direct.get_program()).args(direct.get_args());
        for (k, v) in direct.get_envs() {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        c.current_dir(direct.get_current_dir().unwrap());
        c
    } else {
        direct
    };
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn recall");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let mut input = input;
        let _ = std::io::copy(&mut input, &mut stdin);
    });
    let read_all = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = r.read_to_end(&mut v);
            String::from_utf8_lossy(&v).into_owned()
        })
    };
    let out = read_all(Box::new(child.stdout.take().unwrap()));
    let err = read_all(Box::new(child.stderr.take().unwrap()));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; the child is ours and not yet reaped
    // (std's `Child` is never waited on after this).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4: {}", std::io::Error::last_os_error());
    writer.join().unwrap();
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    // Both in KiB on Linux.
    let kib = if gnu_time {
        let text = std::fs::read_to_string(&report).unwrap();
        text.lines().last().unwrap().trim().parse::<u64>().unwrap()
    } else {
        usage.ru_maxrss as u64
    };
    let mut stderr = err.join().unwrap();
    if gnu_time && code != 0 {
        // GNU time adds a line about a non-zero exit status.
        stderr = stderr
            .lines()
            .filter(|l| !l.starts_with("Command exited with non-zero status"))
            .map(|l| format!("{l}\n"))
            .collect();
    }
    Measured {
        code,
        stdout: out.join().unwrap(),
        stderr,
        peak_mib: kib / 1024,
    }
}

fn no_input() -> std::io::Empty {
    std::io::empty()
}

/// `n` typed cards written as inline tables of one top-level array, or as `[[card]]` tables.
fn many_cards(n: usize, inline: bool) -> String {
    let mut s = String::from("format = 1\nid = \"many\"\ntitle = \"Many\"\n\n");
    if inline {
        s.push_str("card = [\n");
    }
    for i in 0..n {
        let (id, prompt, answer) = (
            format!("c{i}"),
            format!("What is the capital of Land{i}?"),
            format!("Town{i}"),
        );
        if inline {
            s.push_str(&format!(
                "  {{ id = \"{id}\", kind = \"typed\", prompt = \"{prompt}\", answer = \"{answer}\" }},\n"
            ));
        } else {
            s.push_str(&format!(
                "[[card]]\nid = \"{id}\"\nkind = \"typed\"\nprompt = \"{prompt}\"\nanswer = \"{answer}\"\n\n"
            ));
        }
    }
    if inline {
        s.push_str("]\n");
    }
    s
}

/// A deck of 30,000 cards written as one array of inline tables needs no more memory than
/// the same cards as `[[card]]` tables (it once took five times as much: 2.7 GB for a
/// million), for check, study and show --json.
#[cfg(unix)]
#[test]
fn cards_written_inline_take_the_memory_of_tables() {
    let t = TestEnv::new();
    const N: usize = 30_000;
    t.write("decks/inline.toml", many_cards(N, true));
    t.write("decks/tables.toml", many_cards(N, false));
    for args in [
        &["check", "DECK"][..],
        &["study", "--deck", "DECK", "--no-input"][..],
        &["show", "DECK", "--json"][..],
    ] {
        let peak = |deck: &str| {
            let path = format!("decks/{deck}.toml");
            let args: Vec<&str> = args
                .iter()
                .map(|a| if *a == "DECK" { path.as_str() } else { a })
                .collect();
            let m = measured(&t, &args, no_input());
            assert_eq!(m.code, 0, "{args:?}: {}", m.stderr);
            if args[0] == "show" {
                let last = format!("\"id\": \"c{}\"", N - 1);
                assert!(m.stdout.contains(&last) && m.stdout.trim_end().ends_with('}'));
            }
            m.peak_mib
        };
        let (inline, tables) = (peak("inline"), peak("tables"));
        println!("{args:?}: inline {inline} MiB, tables {tables} MiB");
        assert!(
            inline <= tables + tables / 5 + 8,
            "{args:?}: inline {inline} MiB, tables {tables} MiB"
        );
        assert!(inline < 100, "{args:?}: {inline} MiB");
    }
}

/// Answers of absurd length are refused at load, in little memory; they once made `check`
/// need 400 bytes per character of answer (412 MB for 1 MB, an abort for two of 50 MB).
#[cfg(unix)]
#[test]
fn answers_of_absurd_length_are_refused_in_bounded_memory() {
    let t = TestEnv::new();
    let typed = |id: &str, answer: &str| {
        format!(
            "[[card]]\nid = \"{id}\"\nkind = \"typed\"\nprompt = \"Which?\"\nanswer = \"{answer}\"\n\n"
        )
    };
    let mega: String = "abcdefgh ".repeat(1_000_000 / 9);
    t.write(
        "decks/long.toml",
        format!(
            "format = 1\nid = \"long\"\ntitle = \"Long\"\n\n{}",
            typed("a", &mega) + &typed("b", "Lima")
        ),
    );
    let m = measured(&t, &["check", "decks/long.toml"], no_input());
    assert_eq!(m.code, 1, "{}", m.stderr);
    assert!(
        m.stderr.contains(
            "error: `answer` in card `a` is 999998 characters long; an answer may have at most 2000"
        ),
        "{}",
        &m.stderr[..m.stderr.len().min(600)]
    );
    assert!(m.stderr.len() < 5_000, "the answer is not echoed");
    assert!(m.peak_mib < 60, "{} MiB", m.peak_mib);
    // Two 8 MB answers in a GIFT file: the import leaves those cards out and says why, so
    // there is no deck for `check` to choke on.
    let eight: String = "ijklmnop ".repeat(8_000_000 / 9);
    t.write(
        "big.gift",
        format!("::one:: What is the first? {{={eight}}}\n\n::two:: What is the second? {{={eight}x}}\n\n::three:: Capital of Peru? {{=Lima}}\n"),
    );
    let m = measured(
        &t,
        &["import", "deck", "big.gift", "-o", "big.toml"],
        no_input(),
    );
    assert_eq!(m.code, 0, "{}", m.stderr);
    assert!(
        m.stderr
            .contains("skipped card one: `answer` in card `one` is 7999991 characters long"),
        "{}",
        &m.stderr[..m.stderr.len().min(600)]
    );
    assert!(m.stderr.contains("Imported 1 cards"), "{}", m.stderr);
    assert!(m.peak_mib < 250, "{} MiB", m.peak_mib);
    let m = measured(&t, &["check", "big.toml"], no_input());
    assert_eq!(m.code, 0, "{}", m.stderr);
}

/// An article over the size limit is refused before it is read; a deck file over its limit
/// too, and a deck "file" that never ends.
#[cfg(unix)]
#[test]
fn articles_and_decks_over_the_size_limit_are_refused_at_the_door() {
    let t = TestEnv::new();
    let article = std::fs::File::create(t.path().join("article.txt")).unwrap();
    article.set_len(200 << 20).unwrap();
    let m = measured(&t, &["generate", "article.txt"], no_input());
    assert_eq!(m.code, 2, "{}", m.stderr);
    assert!(
        m.stderr.contains(
            "article.txt: the file (209.7 MB) is larger than recall reads here (8 MB at most)"
        ),
        "{}",
        m.stderr
    );
    assert!(m.peak_mib < 100, "{} MiB", m.peak_mib);
    let deck = std::fs::File::create(t.decks().join("huge.toml")).unwrap();
    deck.set_len(300 << 20).unwrap();
    let m = measured(&t, &["check", "decks/huge.toml"], no_input());
    assert_eq!(m.code, 2, "{}", m.stderr);
    assert!(
        m.stderr.contains(
            "huge.toml: the file (314.6 MB) is larger than recall reads here (134 MB at most)"
        ),
        "{}",
        m.stderr
    );
    let m = measured(&t, &["check", "/dev/zero"], no_input());
    assert_eq!(m.code, 2, "{}", m.stderr);
    assert!(
        m.stderr
            .contains("/dev/zero: the file is larger than recall reads here"),
        "{}",
        m.stderr
    );
    assert!(m.peak_mib < 300, "{} MiB", m.peak_mib);
    // An import's text too (its limit is 100 MiB).
    let m = measured(
        &t,
        &["import", "deck", "/dev/zero", "--format", "tsv"],
        no_input(),
    );
    assert_eq!(m.code, 2, "{}", m.stderr);
    assert!(
        m.stderr
            .contains("/dev/zero: the file is larger than recall reads here"),
        "{}",
        m.stderr
    );
    assert!(m.peak_mib < 600, "{} MiB", m.peak_mib);
}

/// 12 MB of standard input without a newline: the line is read without being kept (its
/// answer is refused as too long) in a few megabytes, and the session ends at the end of
/// input; a line that is not UTF-8 says so.
#[cfg(unix)]
#[test]
fn an_endless_answer_line_is_skipped_in_bounded_memory() {
    use std::io::Read;
    let t = TestEnv::new();
    t.write(
        "decks/one.toml",
        "format = 1\nid = \"one\"\ntitle = \"One\"\n\n[[card]]\nid = \"a\"\nkind = \"typed\"\nprompt = \"Capital of Peru?\"\nanswer = \"Lima\"\n",
    );
    let endless = std::io::repeat(b'a').take(12 << 20);
    let m = measured(&t, &["study", "--deck", "one"], endless);
    assert_eq!(m.code, 0, "{}", m.stderr);
    assert!(
        m.stdout.contains("Answer too long (over 2000 characters)"),
        "{}",
        &m.stdout[..m.stdout.len().min(800)]
    );
    assert!(m.peak_mib < 40, "{} MiB", m.peak_mib);
    // A line that is not UTF-8 says so, and the next line is read.
    let r = measured(
        &t,
        &["study", "--deck", "one"],
        std::io::Cursor::new(b"Lim\xe1\nLima\n4\n".to_vec()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("That line is not UTF-8 text"),
        "{}",
        r.stdout
    );
    assert!(
        !r.stderr.contains("cannot write to the terminal"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("Cards studied: 1"), "{}", r.stdout);
}

// Everything that reaches a terminal, and every spreadsheet cell, from hostile text.

/// A deck whose tags and prompts hold an 8-bit CSI, a bidi override, an escape sequence and
/// spreadsheet formulas.
const MARKED: &str = r#"format = 1
id = "marked"
title = "Marked"

[[card]]
id = "csi"
kind = "typed"
prompt = "=HYPERLINK(\"http://example.invalid\",\"Which \u009b31m city?\")"
answer = "Lima"
tags = ["t\u009b1", "r\u202eev"]

[[card]]
id = "bidi"
kind = "typed"
prompt = "@SUM(1) \u202eesrever \u001b]0;owned\u0007"
answer = "Quito"
tags = ["r\u202eev"]
"#;

/// A data directory with wrong answers to both cards, so they show up everywhere.
fn marked_env() -> TestEnv {
    let t = TestEnv::new();
    t.write("decks/marked.toml", MARKED);
    let r = t.run(
        &["study", "--deck", "marked", "--seed", "1"],
        "no\n1\nno\n1\n:q\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    t
}

/// No raw control characters (but tabs and newlines), C1 controls (U+009B is an 8-bit CSI)
/// or bidi overrides.
fn assert_inert(what: &str, text: &str) {
    assert_eq!(
        dangerous(&text.replace('\t', " ")),
        None,
        "{what}: {text:?}"
    );
}

#[test]
fn stats_json_escapes_what_show_json_escapes() {
    let t = marked_env();
    let stats = t.run(&["stats", "--json"], "");
    assert_eq!(stats.code, 0, "{}", stats.stderr);
    assert_inert("stats --json", &stats.stdout);
    assert!(stats.stdout.contains("t\\u009b1"), "{}", stats.stdout);
    assert!(stats.stdout.contains("r\\u202eev"), "{}", stats.stdout);
    let v: serde_json::Value = serde_json::from_str(&stats.stdout).unwrap();
    assert!(
        v["tags"].to_string().contains("t\u{9b}1"),
        "the text itself is kept"
    );
    let show = t.run(&["show", "marked", "--json"], "");
    assert!(show.stdout.contains("r\\u202eev"), "{}", show.stdout);
    for format in ["json", "csv"] {
        let p = t.run(&["export", "progress", "--format", format], "");
        assert_eq!(p.code, 0, "{}", p.stderr);
        if format == "json" {
            assert_inert("export progress --format json", &p.stdout);
        }
    }
    let r = t.run(&["export", "reviews", "--format", "json"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_inert("export reviews --format json", &r.stdout);
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_guarded() {
    let t = marked_env();
    let r = t.run(&["export", "progress", "-o", "p.csv"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let csv = std::fs::read_to_string(t.path().join("p.csv")).unwrap();
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\""),
        "{csv}"
    );
    assert!(csv.contains(",'@SUM(1) "), "{csv}");
    let r = t.run(
        &["export", "progress", "--csv-formulas", "-o", "raw.csv"],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let raw = std::fs::read_to_string(t.path().join("raw.csv")).unwrap();
    assert!(
        raw.contains("\"=HYPERLINK(") && raw.contains(",@SUM(1) "),
        "{raw}"
    );
    // A class report from learners' files: the cells of a student's export are guarded too.
    let r = t.run(
        &[
            "export",
            "progress",
            "--format",
            "json",
            "--learner",
            "Ana",
            "-o",
            "ana.json",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = t.run(&["class-report", "ana.json", "--format", "csv"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("marked,bidi,'@SUM(1)"), "{}", r.stdout);
    assert!(r.stdout.contains("\"'=HYPERLINK("), "{}", r.stdout);
    let r = t.run(
        &[
            "class-report",
            "ana.json",
            "--format",
            "csv",
            "--csv-formulas",
        ],
        "",
    );
    assert!(r.stdout.contains("marked,bidi,@SUM(1)"), "{}", r.stdout);
}

/// Messages that quote a file: a map file's ids, a review log's header, and a learner's
/// export naming decks in the class report's note.
#[test]
fn messages_quoting_files_are_inert() {
    let t = marked_env();
    t.write(
        "map.csv",
        "external,target\nx\u{1b}]0;owned\u{7},marked:nope\u{9b}2J\n",
    );
    t.write(
        "log.csv",
        "card_id,review_rating,review_time\nx,3,2026-03-01T10:00:00Z\n",
    );
    let r = t.run(&["import", "reviews", "log.csv", "--map", "map.csv"], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("no card `nope\\u{9b}2J`"), "{}", r.stderr);
    assert_inert("import reviews --map", &r.stderr);
    t.write(
        "bad.csv",
        "card_id,\u{1b}[2Jrating\u{202e},review_time\n1,3,x\n",
    );
    let r = t.run(&["import", "reviews", "bad.csv"], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("missing column `review_rating`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("\\u{1b}[2Jrating\\u{202e}"),
        "{}",
        r.stderr
    );
    assert_inert("a review log's header", &r.stderr);
    let export = |deck: &str| {
        format!(
            "{{\"format\":\"recall-progress\",\"version\":1,\"exported_at\":\"2026-03-02T10:00:00Z\",\
             \"learner\":\"L\",\"cards\":[{{\"deck\":\"{deck}\",\"card\":\"c\",\"prompt\":\"P\",\
             \"state\":\"new\",\"due\":null,\"stability\":null,\"difficulty\":null,\
             \"retrievability\":null,\"reps\":0,\"lapses\":0,\"last_review\":null,\
             \"reviews\":0,\"correct\":0,\"accuracy\":null}}]}}"
        )
    };
    t.write("a.json", export("one"));
    t.write("b.json", export("two\\u001b]0;owned\\u0007\\u009b2J"));
    let r = t.run(
        &["class-report", "a.json", "b.json", "-o", "class.html"],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("do not cover the same decks"),
        "{}",
        r.stderr
    );
    assert_inert("the class report's note", &r.stderr);
}

/// Runs recall in a pseudo-terminal and returns all it printed there (line ends as the
/// terminal gives them, CR LF, made plain LF).
#[cfg(unix)]
fn in_terminal(t: &TestEnv, args: &[&str]) -> String {
    use expectrl::Expect;
    let mut cmd = t.command(args);
    cmd.env("TERM", "xterm");
    let mut s = expectrl::Session::spawn(cmd).expect("spawn recall in a pty");
    s.set_expect_timeout(Some(std::time::Duration::from_secs(30)));
    let found = s.expect(expectrl::Eof).unwrap();
    let mut text = found.before().to_vec();
    for m in found.matches() {
        text.extend_from_slice(m);
    }
    String::from_utf8_lossy(&text).replace("\r\n", "\n")
}

/// Text formats written to standard output: exact through a pipe (they are data), inert when
/// standard output is a terminal.
#[cfg(unix)]
#[test]
fn text_exports_to_a_terminal_are_inert() {
    let t = marked_env();
    t.write("decks/esc.toml", ESCAPES);
    // Another program's history whose card ids are escape sequences.
    t.write(
        "log.csv",
        "card_id,review_rating,review_time,review_duration\n\"x\u{1b}]0;owned\u{7}\u{9b}2J\",3,2026-03-01T10:00:00Z,5000\n",
    );
    let r = t.run(&["import", "reviews", "log.csv"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    for args in [
        &["export", "progress"][..],
        &["export", "progress", "--format", "json"][..],
        &["export", "reviews"][..],
        &["export", "deck", "esc", "--format", "tsv"][..],
        &["export", "deck", "esc", "--format", "gift"][..],
        &["stats"][..],
        &["stats", "--json"][..],
    ] {
        let shown = in_terminal(&t, args);
        assert_inert(&args.join(" "), &shown);
        assert!(
            shown.contains("\\u{") || shown.contains("\\u00"),
            "{args:?}: {shown}"
        );
    }
    // Through a pipe the exported data stays exact.
    let piped = t.run(&["export", "reviews"], "");
    assert!(
        piped.stdout.contains("x\u{1b}]0;owned\u{7}\u{9b}2J"),
        "{}",
        piped.stdout
    );
    let piped = t.run(&["export", "deck", "esc", "--format", "tsv"], "");
    assert!(piped.stdout.contains('\u{9b}'), "{}", piped.stdout);
}

/// `-o` naming a link, a FIFO or a device: the link's target is replaced and the link kept,
/// the FIFO and the device are written in place (the device made here with mknod, as root,
/// stands for /dev/null), and a socket is refused.
#[cfg(unix)]
#[test]
fn output_to_links_fifos_and_devices() {
    use std::os::unix::fs::FileTypeExt;
    let t = TestEnv::new();
    t.write("real.html", "old");
    std::os::unix::fs::symlink("real.html", t.path().join("link.html")).unwrap();
    let r = t.run(&["export", "report", "-o", "link.html"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let link = std::fs::symlink_metadata(t.path().join("link.html")).unwrap();
    assert!(link.file_type().is_symlink());
    assert!(
        std::fs::read_to_string(t.path().join("real.html"))
            .unwrap()
            .contains("<html")
    );
    let null = t.path().join("null");
    let made = std::process::Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .status();
    if made.is_ok_and(|s| s.success()) {
        let r = t.run(&["export", "report", "-o", "null"], "");
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            std::fs::metadata(&null)
                .unwrap()
                .file_type()
                .is_char_device()
        );
    } else {
        println!("skipped the device: mknod needs root");
    }
    let fifo = t.path().join("pipe");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        let reader = std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap());
        let r = t.run(&["export", "report", "-o", "pipe"], "");
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(reader.join().unwrap().contains("<html"));
        assert!(
            std::fs::metadata(t.path().join("pipe"))
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }
    let _socket = std::os::unix::net::UnixListener::bind(t.path().join("sock")).unwrap();
    let r = t.run(&["export", "report", "-o", "sock"], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("sock is a socket, not a file"),
        "{}",
        r.stderr
    );
}

/// Standard input that never ends, for `study` and `quiz` in line mode: a line with no end
/// (`< /dev/zero`, or 100 MB of one letter) is given up after 16 MB, and lines that are not
/// text one after another (`< /dev/urandom`) after 50; the session ends as at the end of
/// input, its answers saved, in bounded memory.
#[cfg(unix)]
#[test]
fn standard_input_that_never_ends_is_given_up() {
    use std::io::Read;
    let t = TestEnv::new();
    t.write(
        "decks/two.toml",
        "format = 1\nid = \"two\"\ntitle = \"Two\"\n\n[[card]]\nid = \"a\"\nkind = \"typed\"\n\
         prompt = \"Capital of Peru?\"\nanswer = \"Lima\"\n\n[[card]]\nid = \"b\"\nkind = \"typed\"\n\
         prompt = \"Capital of Chile?\"\nanswer = \"Santiago\"\n",
    );
    let endless_line = "Standard input sent more than 16 MB without a line break";
    let not_text = "Standard input sent 50 lines in a row that are not UTF-8 text";
    /// Random bytes as /dev/urandom gives them, from a fixed seed, without end.
    struct Noise(u64);
    impl Read for Noise {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            for b in buf.iter_mut() {
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 7;
                self.0 ^= self.0 << 17;
                *b = (self.0 >> 24) as u8;
            }
            Ok(buf.len())
        }
    }
    for args in [
        &["study", "--deck", "two"][..],
        &["quiz", "two", "-n", "2", "--seed", "1"][..],
    ] {
        let m = measured(&t, args, std::io::repeat(0));
        println!("{args:?} < /dev/zero: {} MiB", m.peak_mib);
        assert_eq!(m.code, 0, "{args:?}: {}", m.stderr);
        assert!(m.stdout.contains(endless_line), "{args:?}: {}", m.stdout);
        assert!(m.peak_mib < 40, "{args:?}: {} MiB", m.peak_mib);
        let m = measured(&t, args, std::io::repeat(b'x').take(100 << 20));
        assert_eq!(m.code, 0, "{args:?}: {}", m.stderr);
        assert!(m.stdout.contains(endless_line), "{args:?}: {}", m.stdout);
        let m = measured(&t, args, Noise(0x9e37_79b9_7f4a_7c15));
        println!("{args:?} < random bytes: {} MiB", m.peak_mib);
        assert_eq!(m.code, 0, "{args:?}: {}", m.stderr);
        assert!(
            m.stdout.contains(not_text) || m.stdout.contains(endless_line),
            "{args:?}: {}",
            &m.stdout[m.stdout.len().saturating_sub(2000)..]
        );
        assert!(
            m.stdout.len() < 1 << 20,
            "{args:?}: {} bytes",
            m.stdout.len()
        );
        assert!(m.peak_mib < 40, "{args:?}: {} MiB", m.peak_mib);
    }
    // An answer given before the endless line is saved.
    let first = std::io::Cursor::new(b"Lima\n3\n".to_vec());
    let m = measured(
        &t,
        &["study", "--deck", "two"],
        first.chain(std::io::repeat(0)),
    );
    assert_eq!(m.code, 0, "{}", m.stderr);
    assert!(m.stdout.contains(endless_line), "{}", m.stdout);
    assert!(m.stdout.contains("Cards studied: 1"), "{}", m.stdout);
    assert_eq!(common::status_of(&t, "two")["learning"], 1);
}

// Anki packages: the neighbours of the packages of issue 15 (endless views and huge values
// are in tests/instructor.rs), built from the real Anki fixture with one entry changed.

/// The entries of the fixture package `name` (tests/fixtures/anki), each as stored.
fn package_entries(name: &str) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let bytes = std::fs::read(common::repo().join("tests/fixtures/anki").join(name)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            (entry.name().unwrap().to_string(), data)
        })
        .collect()
}

/// A package of `entries` with `changed` put in place of (or beside) the entries of the same
/// names; an entry deflated when its name is in `deflated`.
fn repacked(
    entries: &[(String, Vec<u8>)],
    changed: &[(&str, Vec<u8>)],
    deflated: &[&str],
) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut all: Vec<(&str, &[u8])> = entries
        .iter()
        .filter(|(n, _)| !changed.iter().any(|(c, _)| c == n))
        .map(|(n, d)| (n.as_str(), &d[..]))
        .collect();
    all.extend(changed.iter().map(|(n, d)| (*n, &d[..])));
    for (name, data) in all {
        let method = match deflated.contains(&name) {
            true => zip::CompressionMethod::Deflated,
            false => zip::CompressionMethod::Stored,
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .large_file(data.len() > u32::MAX as usize);
        zip.start_file(name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// `n` MiB of zeros, zstd-compressed (a few KB).
fn zstd_zeros(n: usize) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = zstd::stream::write::Encoder::new(Vec::new(), 3).unwrap();
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..n {
        encoder.write_all(&chunk).unwrap();
    }
    encoder.finish().unwrap()
}

/// A current-format media map (`MediaEntries`, zstd) naming `names` in zip entries 0, 1, ...
fn media_map(names: &[&str]) -> Vec<u8> {
    let mut map = Vec::new();
    for name in names {
        let mut entry = vec![0x0a, name.len() as u8];
        entry.extend(name.as_bytes());
        map.extend([0x0a, entry.len() as u8]);
        map.extend(entry);
    }
    zstd::encode_all(&map[..], 3).unwrap()
}

/// Imports `package` (written as `file`) into `out.toml`: the run and its peak memory.
fn import_package(t: &TestEnv, file: &str, package: &[u8]) -> Measured {
    t.write(file, package);
    measured(
        t,
        &["import", "deck", file, "-o", "out/out.toml"],
        no_input(),
    )
}

/// Zip and zstd bombs in the collection (current, legacy, .colpkg), a truncated zstd frame, a
/// media map that is not protobuf, one naming millions of files, one naming files outside
/// the deck's folder, and a media file that inflates past its cap: each refused or skipped
/// with a message, nothing written outside `out/`, in bounded memory.
#[cfg(unix)]
#[test]
fn anki_package_bombs_and_broken_entries_are_refused_in_bounded_memory() {
    use std::io::Write;
    let t = TestEnv::new();
    std::fs::create_dir(t.path().join("out")).unwrap();
    let current = package_entries("current.apkg");
    let colpkg = package_entries("current.colpkg");
    let legacy = package_entries("legacy.apkg");
    let refused = |m: &Measured, what: &str| {
        println!("{what}: exit {}, {} MiB", m.code, m.peak_mib);
        assert_eq!(m.code, 2, "{what}: {}", m.stderr);
        assert!(m.peak_mib < 100, "{what}: {} MiB", m.peak_mib);
        assert!(
            std::fs::read_dir(t.path().join("out"))
                .unwrap()
                .next()
                .is_none(),
            "{what}: something was written"
        );
        assert_inert(what, &m.stderr);
    };
    let too_large = |entry: &str| {
        format!("the package entry `{entry}` is larger than the limit of 209715200 bytes")
    };

    // zstd bombs: 1 GiB of zeros in a few KB, as the current collection, in .apkg and .colpkg.
    let bomb = zstd_zeros(1024);
    assert!(bomb.len() < 100_000, "{}", bomb.len());
    for (file, entries) in [("bomb.apkg", &current), ("bomb.colpkg", &colpkg)] {
        let package = repacked(entries, &[("collection.anki21b", bomb.clone())], &[]);
        let m = import_package(&t, file, &package);
        refused(&m, file);
        assert!(
            m.stderr.contains(&too_large("collection.anki21b")),
            "{}",
            m.stderr
        );
    }
    // A zip (deflate) bomb: 300 MiB of zeros as a legacy collection.
    let package = repacked(
        &legacy,
        &[("collection.anki21", vec![0u8; 300 << 20])],
        &["collection.anki21"],
    );
    assert!(package.len() < 2_000_000, "{}", package.len());
    let m = import_package(&t, "deflate.apkg", &package);
    refused(&m, "deflate bomb");
    assert!(
        m.stderr.contains(&too_large("collection.anki21")),
        "{}",
        m.stderr
    );

    // A zstd frame cut in half.
    let whole = &current
        .iter()
        .find(|(n, _)| n == "collection.anki21b")
        .unwrap()
        .1;
    let cut = whole[..whole.len() / 2].to_vec();
    let m = import_package(
        &t,
        "cut.apkg",
        &repacked(&current, &[("collection.anki21b", cut)], &[]),
    );
    refused(&m, "truncated zstd");
    assert!(
        m.stderr
            .contains("the collection in the package cannot be read: collection.anki21b:"),
        "{}",
        m.stderr
    );

    // Media maps that are not protobuf: a length past the end, a wire type that does not
    // exist, and zstd of nothing readable.
    for (what, map) in [
        (
            "length past the end",
            zstd::encode_all(&[0x0a, 0xff, 0xff, 0x03, 0x01][..], 3).unwrap(),
        ),
        (
            "wire type 7",
            zstd::encode_all(&[0x0f, 0x00][..], 3).unwrap(),
        ),
        (
            "endless varint",
            zstd::encode_all(&[0xffu8; 64][..], 3).unwrap(),
        ),
        ("a cut zstd frame", media_map(&["a.png"; 40])[..20].to_vec()),
    ] {
        let m = import_package(&t, "map.apkg", &repacked(&current, &[("media", map)], &[]));
        refused(&m, what);
        assert!(
            m.stderr
                .contains("the collection in the package cannot be read: media"),
            "{what}: {}",
            m.stderr
        );
    }

    // A media map naming eight million files, 16 MB that zstd packs into a few KB.
    let mut map = zstd::stream::write::Encoder::new(Vec::new(), 3).unwrap();
    for _ in 0..(16 << 20) / 2048 {
        map.write_all(&[0x0a, 0x00].repeat(1024)).unwrap();
    }
    let map = map.finish().unwrap();
    let m = import_package(
        &t,
        "names.apkg",
        &repacked(&current, &[("media", map)], &[]),
    );
    refused(&m, "huge media map");
    assert!(
        m.stderr.contains(
            "the package is refused: the package names more than 50000 media files, and \
             recall takes at most 50000 from one package"
        ),
        "{}",
        m.stderr
    );
    // The same in a legacy package's JSON map: 16 MB of short names.
    let mut json = String::from("{");
    for i in 0..1_300_000 {
        json.push_str(&format!("\"{i}\":\"\","));
    }
    json.push_str("\"x\":\"\"}");
    assert!(json.len() < 16 << 20, "{}", json.len());
    let package = repacked(&legacy, &[("media", json.into_bytes())], &["media"]);
    let m = import_package(&t, "names-legacy.apkg", &package);
    refused(&m, "huge legacy media map");
    assert!(
        m.stderr.contains(
            "the package names more than 50000 media files, and recall takes at most 50000"
        ),
        "{}",
        m.stderr
    );

    // A media map naming files outside the deck's folder: refused by name, never written.
    let evil = [
        "../escaped.png",
        "/tmp/escaped.png",
        "sub/../../escaped.png",
        "..",
        "nul\0.png",
        "\u{1b}]0;pwned\u{7}.png",
    ];
    let m = import_package(
        &t,
        "evil.apkg",
        &repacked(&current, &[("media", media_map(&evil))], &[]),
    );
    assert_eq!(m.code, 0, "{}", m.stderr);
    assert_inert("evil media names", &m.stderr);
    assert!(!t.path().join("escaped.png").exists());
    assert!(!Path::new("/tmp/escaped.png").exists());
    assert!(m.peak_mib < 100, "{} MiB", m.peak_mib);

    // A media file that inflates past its cap (100 MiB): that file is left out with the
    // reason, the deck and the other file are written, and no part of it stays behind.
    let map = media_map(&["flag_fr.png", "anthem de.mp3"]);
    let package = repacked(&current, &[("media", map), ("0", zstd_zeros(150))], &[]);
    let m = import_package(&t, "media.apkg", &package);
    assert_eq!(m.code, 0, "{}", m.stderr);
    assert!(
        m.stderr.contains(
            "media `flag_fr.png` not copied: the package entry `flag_fr.png` is larger than the \
             limit of 104857600 bytes"
        ),
        "{}",
        m.stderr
    );
    let media: Vec<_> = std::fs::read_dir(t.path().join("out/out.media"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(media, ["anthem de.mp3"]);
    assert!(m.peak_mib < 250, "{} MiB", m.peak_mib);
}

/// `-o` naming recall's own files in the data directory (the progress database, its
/// write-ahead log, the session lock, the caches), directly, by another spelling of the
/// path or through a link, is refused by every command that writes a file, and the progress
/// is intact; a deck in `DATA/decks` is fine.
#[cfg(unix)]
#[test]
fn output_into_recalls_own_files_is_refused() {
    let t = TestEnv::new();
    t.add_deck("progress/rivers.toml");
    let r = t.run(&["study", "--deck", "rivers"], "Black Sea\n3\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = t.run(&["stats"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(t.data().join("cache/log.bin").exists());
    let before = std::fs::read(t.data().join("progress.sqlite3")).unwrap();
    let studied = common::status_of(&t, "rivers");
    std::os::unix::fs::symlink("data/progress.sqlite3", t.path().join("link.csv")).unwrap();
    std::os::unix::fs::symlink("data/cache", t.path().join("cachelink")).unwrap();
    t.write(
        "article.txt",
        "Lima is the capital of Peru. It was founded in 1535.\n",
    );
    t.write("learner.json", "{}");
    let targets = [
        "data/progress.sqlite3",
        "data/progress.sqlite3-wal",
        "data/./session.lock",
        "decks/../data/progress.sqlite3",
        "link.csv",
        "data/cache/log.bin",
        "cachelink/new.bin",
        "data/cache",
    ];
    let commands: [&[&str]; 8] = [
        &["export", "progress", "-o"],
        &["export", "reviews", "-o"],
        &["export", "report", "-o"],
        &["export", "deck", "rivers", "--format", "tsv", "-o"],
        &["import", "deck", "rivers.tsv", "-o"],
        &["generate", "article.txt", "-o"],
        &["class-report", "learner.json", "-o"],
        &["new"],
    ];
    t.write("rivers.tsv", "Danube\tBlack Sea\n");
    for command in commands {
        for target in targets {
            let mut args = command.to_vec();
            args.push(target);
            let r = t.run(&args, "");
            assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
            assert!(
                r.stderr
                    .contains("is one of recall's own files in its data directory")
                    && r.stderr.contains("write the output somewhere else"),
                "{args:?}: {}",
                r.stderr
            );
        }
    }
    assert_eq!(
        std::fs::read(t.data().join("progress.sqlite3")).unwrap(),
        before
    );
    assert_eq!(common::status_of(&t, "rivers"), studied);
    assert!(
        std::fs::symlink_metadata(t.path().join("link.csv"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A deck kept among the data directory's decks is an ordinary output.
    std::fs::create_dir(t.data().join("decks")).unwrap();
    let r = t.run(
        &[
            "export",
            "deck",
            "rivers",
            "--format",
            "tsv",
            "-o",
            "data/decks/rivers.tsv",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// Spreadsheets and GIFT files with rows of megabytes: a 90 MB line, a quote never closed (in
/// CSV and TSV, 60 MB after it), a GIFT brace never closed, a 1 GB file and an endless one.
/// The long row is reported at its line and the rows around it imported with --skip-bad; the
/// rest refused with the line and what to do; all in bounded memory (each once took four to
/// seven times the file: a 125 MB TSV with an unclosed quote on its first line, 907 MiB).
#[cfg(unix)]
#[test]
fn spreadsheet_rows_of_megabytes_are_refused_in_bounded_memory() {
    let t = TestEnv::new();
    let long = format!("front,back\nq,{}\nLima,Peru\n", "a".repeat(90 << 20));
    t.write("long.csv", long);
    let m = measured(
        &t,
        &["import", "deck", "long.csv", "-o", "long.toml"],
        no_input(),
    );
    println!("90 MB row: {} MiB", m.peak_mib);
    assert_eq!(m.code, 2, "{}", m.stderr);
    assert!(
        m.stderr.contains(
            "long.csv:2: this row is longer than 1 MB, the most one row may hold; shorten it \
             or remove it"
        ),
        "{}",
        m.stderr
    );
    assert!(m.peak_mib < 250, "{} MiB", m.peak_mib);
    assert!(!t.path().join("long.toml").exists());
    let m = measured(
        &t,
        &[
            "import",
            "deck",
            "long.csv",
            "--skip-bad",
            "-o",
            "long.toml",
        ],
        no_input(),
    );
    assert_eq!(m.code, 0, "{}", m.stderr);
    assert!(m.stderr.contains("Imported 1 cards"), "{}", m.stderr);
    assert!(m.peak_mib < 250, "{} MiB", m.peak_mib);

    let unclosed = "a quoted field opens here and is never closed: the rest of the file would be \
                    one row of more than 1 MB; close the quote";
    t.write(
        "quote.csv",
        format!("front,back\nLima,Peru\n\"q,{}", "a b c\n".repeat(10 << 20)),
    );
    t.write(
        "quote.tsv",
        format!("\"front\tback\n{}", "a\tb\n".repeat(15 << 20)),
    );
    for (file, line) in [("quote.csv", 3), ("quote.tsv", 1)] {
        let m = measured(&t, &["import", "deck", file, "-o", "q.toml"], no_input());
        println!("{file}: {} MiB", m.peak_mib);
        assert_eq!(m.code, 2, "{}", m.stderr);
        assert!(
            m.stderr.contains(&format!("{file}:{line}: {unclosed}")),
            "{}",
            m.stderr
        );
        assert!(m.peak_mib < 250, "{file}: {} MiB", m.peak_mib);
    }

    // A GIFT question whose brace never closes, running for 80 MB (once 422 MiB).
    t.write(
        "brace.gift",
        format!(
            "::one:: Capital of Peru? {{=Lima}}\n\n::q:: What? {{={}",
            "a b ".repeat(20 << 20)
        ),
    );
    let m = measured(
        &t,
        &["import", "deck", "brace.gift", "-o", "g.toml"],
        no_input(),
    );
    println!("brace.gift: {} MiB", m.peak_mib);
    assert_eq!(m.code, 2, "{}", m.stderr);
    assert!(
        m.stderr.contains(
            "brace.gift:3: this question runs for 83.9 MB, more than the 16 MB one question may \
             hold; is a closing brace or a blank line between questions missing?"
        ),
        "{}",
        m.stderr
    );
    assert!(m.peak_mib < 250, "{} MiB", m.peak_mib);

    // A 1 GB file (sparse) is refused before it is read, and an endless one once past the
    // limit.
    let gb = std::fs::File::create(t.path().join("gb.csv")).unwrap();
    gb.set_len(1 << 30).unwrap();
    let m = measured(&t, &["import", "deck", "gb.csv"], no_input());
    assert_eq!(m.code, 2, "{}", m.stderr);
    assert!(
        m.stderr
            .contains("gb.csv: the file is 1024 MB, over the limit of 100 MB for an import"),
        "{}",
        m.stderr
    );
    assert!(m.peak_mib < 50, "{} MiB", m.peak_mib);
    let m = measured(
        &t,
        &["import", "deck", "/dev/zero", "--format", "tsv"],
        no_input(),
    );
    assert_eq!(m.code, 2, "{}", m.stderr);
    assert!(m.peak_mib < 250, "{} MiB", m.peak_mib);
}

/// File names are text from outside too (a folder of decks from a download): a deck file, an
/// imported file and an output named with escape sequences are shown inert by every command
/// that names them.
#[cfg(unix)]
#[test]
fn file_names_with_escapes_are_shown_inert() {
    let t = TestEnv::new();
    let evil = "a\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
    t.write(&format!("decks/{evil}.toml"), "format = 1\nid = \"x\"\n");
    t.write(
        &format!("decks/ok{evil}.toml"),
        "format = 1\nid = \"ok\"\ntitle = \"Ok\"\n\n[[card]]\nid = \"a\"\nkind = \"typed\"\nprompt = \"Capital of Peru?\"\nanswer = \"Lima\"\n",
    );
    t.write(&format!("{evil}.tsv"), "Lima\tPeru\nno back\n");
    let bad = format!("decks/{evil}.toml");
    let good = format!("decks/ok{evil}.toml");
    let tsv = format!("{evil}.tsv");
    let out = format!("{evil}.html");
    let new = format!("{evil}-new.toml");
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", &bad],
        vec!["check", &good],
        vec!["status"],
        vec!["stats"],
        vec!["study", "--no-input"],
        vec!["import", "deck", &tsv, "--skip-bad", "-o", "imported.toml"],
        vec!["import", "deck", &tsv, "-o", "imported.toml"],
        vec!["export", "report", "-o", &out],
        vec!["new", &new],
    ];
    for args in runs {
        let r = t.run(&args, "");
        assert!(
            r.code == 0 || r.code == 1 || r.code == 2,
            "{args:?}: {}",
            r.stderr
        );
        assert!(
            r.stdout.contains("\\u{1b}") || r.stderr.contains("\\u{1b}"),
            "{args:?} names the file: {}{}",
            r.stdout,
            r.stderr
        );
        assert_inert(&format!("{args:?} stdout"), &r.stdout);
        assert_inert(&format!("{args:?} stderr"), &r.stderr);
    }
}

/// Deck ids that would name a folder or leave one (`..`, `../x`), from `--id` or from a GIFT
/// file's `// recall: deck` line: `--id` is refused as a usage error, a file's id is passed
/// over for one made from the file name (both once said "this is a bug in recall import
/// deck").
#[test]
fn deck_ids_that_name_folders_are_refused_or_replaced() {
    let t = TestEnv::new();
    t.write("x.tsv", "Lima\tPeru\n");
    for id in ["../evil", "..", ".", "a/b", "Caps", ""] {
        let r = t.run(&["import", "deck", "x.tsv", "--id", id, "-o", "x.toml"], "");
        assert_eq!(r.code, 2, "{id}: {}", r.stderr);
        assert!(
            r.stderr
                .contains(&format!("error: --id `{id}` is not a deck id")),
            "{id}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains("this is a bug"), "{}", r.stderr);
    }
    assert!(!t.path().join("x.toml").exists());
    for (n, id) in ["..", "../evil", "Caps", "a/b"].into_iter().enumerate() {
        let file = format!("q{n}.gift");
        t.write(
            &file,
            format!("// recall: deck {id}\n::a:: Capital of Peru? {{=Lima}}\n"),
        );
        let r = t.run(&["import", "deck", &file, "-o", "q.toml"], "");
        assert_eq!(r.code, 0, "{id}: {}", r.stderr);
        assert!(
            r.stderr
                .contains(&format!("Imported 1 cards into deck `q{n}`.")),
            "{id}: {}",
            r.stderr
        );
        let r = t.run(&["check", "q.toml"], "");
        assert_eq!(r.code, 0, "{id}: {}", r.stdout);
    }
}

/// recall's own files made into traps beyond `session.lock` as a link (tests/faults.rs): the
/// log cache as a link to another file or as a FIFO (reading one would wait forever), the
/// cache folder as a link to another folder, the lock as a FIFO. Each is refused or replaced
/// without following it, in bounded time, and what it named is left as it was.
#[cfg(unix)]
#[test]
fn recalls_own_files_as_links_and_fifos_are_not_followed() {
    let t = TestEnv::new();
    t.add_deck("progress/rivers.toml");
    let r = t.run(&["study", "--deck", "rivers"], "Black Sea\n3\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let stats = |t: &TestEnv| {
        let r = t.run(&["stats"], "");
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains("Answers: 1 in all"), "{}", r.stdout);
    };
    stats(&t);
    let log = t.data().join("cache/log.bin");
    let victim = t.write("victim.txt", "keep me");
    std::fs::remove_file(&log).unwrap();
    std::os::unix::fs::symlink(&victim, &log).unwrap();
    stats(&t);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(
        !std::fs::symlink_metadata(&log)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    std::fs::remove_file(&log).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&log)
            .status()
            .unwrap()
            .success()
    );
    stats(&t);
    assert!(std::fs::symlink_metadata(&log).unwrap().is_file());

    let elsewhere = t.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::remove_dir_all(t.data().join("cache")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, t.data().join("cache")).unwrap();
    stats(&t);
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);

    let lock = t.data().join("session.lock");
    let _ = std::fs::remove_file(&lock);
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&lock)
            .status()
            .unwrap()
            .success()
    );
    let r = t.run(&["study", "--deck", "rivers"], "Black Sea\n3\n");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("session.lock: it is not a regular file; remove it"),
        "{}",
        r.stderr
    );
}

/// More of `-o`'s family: a loop of links, a link to a file not made yet (made, the link
/// kept), a link into a folder that does not exist, a missing folder, and a full device
/// (/dev/full): each written or refused with what to do, nothing left behind.
#[cfg(unix)]
#[test]
fn output_to_link_loops_dangling_links_and_full_devices() {
    let t = TestEnv::new();
    let link = |from: &str, to: &str| std::os::unix::fs::symlink(to, t.path().join(from)).unwrap();
    link("loop1.html", "loop2.html");
    link("loop2.html", "loop1.html");
    let r = t.run(&["export", "report", "-o", "loop1.html"], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("loop1.html is a chain of more than 40 symbolic links; give the file itself"),
        "{}",
        r.stderr
    );
    link("later.html", "made.html");
    let r = t.run(&["export", "report", "-o", "later.html"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::symlink_metadata(t.path().join("later.html"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(t.path().join("made.html"))
            .unwrap()
            .contains("<html")
    );
    link("lost.html", "nowhere/deep/x.html");
    for (out, folder) in [("lost.html", "nowhere/deep"), ("missing/x.html", "missing")] {
        let r = t.run(&["export", "report", "-o", out], "");
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains(&format!(
                "the folder {folder} does not exist; create it first"
            )),
            "{}",
            r.stderr
        );
    }
    assert!(!t.path().join("nowhere").exists() && !t.path().join("missing").exists());
    if Path::new("/dev/full").exists() {
        for args in [
            &["export", "report", "-o", "/dev/full"][..],
            &[
                "export",
                "deck",
                "sco",
                "--format",
                "gift",
                "-o",
                "/dev/full",
            ][..],
            &["export", "progress", "-o", "/dev/full"][..],
        ] {
            let r = t.run(args, "");
            assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
            assert!(
                r.stderr.contains("No space left on device"),
                "{args:?}: {}",
                r.stderr
            );
        }
    }
}

/// Articles just under the limit that are one line: words without a sentence end, and one
/// 8 MB "word". Read in one pass, refused with what recall looks for, in bounded memory.
#[cfg(unix)]
#[test]
fn one_line_articles_under_the_limit_are_read_in_bounded_memory() {
    let t = TestEnv::new();
    let words = [
        "alpha", "Lima", "river", "1535", "the", "of", "capital", "Peru",
    ];
    let mut line = String::new();
    let mut i = 0usize;
    while line.len() < 8_000_000 {
        line.push_str(words[i % words.len()]);
        line.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7) % 1_000_003;
    }
    t.write("words.txt", &line);
    t.write("word.txt", "x".repeat(8_000_000));
    for file in ["words.txt", "word.txt"] {
        let m = measured(&t, &["generate", file, "-o", "out.toml"], no_input());
        println!("{file}: {} MiB", m.peak_mib);
        assert_eq!(m.code, 2, "{file}: {}", m.stderr);
        assert!(
            m.stderr.contains(&format!("{file}: no facts found")),
            "{file}: {}",
            m.stderr
        );
        assert!(m.peak_mib < 200, "{file}: {} MiB", m.peak_mib);
        assert!(!t.path().join("out.toml").exists());
    }
}

/// Text an Anki package brings to the screen: the deck's, note types', fields' and
/// templates' names, tags, note text and media names, all holding escape sequences. The
/// import's notes, `show` and a study session print them inert.
#[cfg(unix)]
#[test]
fn anki_package_text_reaches_the_terminal_inert() {
    use std::io::Write;
    let t = TestEnv::new();
    let e = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
    let db = t.path().join("c.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TABLE col (models text, decks text);
         CREATE TABLE notes (id integer primary key, guid text, mid integer, tags text, flds text);
         CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer);",
    )
    .unwrap();
    let models = serde_json::json!({
        "1": {"name": format!("Basic{e}"), "type": 0,
              "flds": [{"name": format!("Front{e}")}, {"name": "Back"}],
              "tmpls": [{"ord": 0, "name": format!("Card{e}"),
                         "qfmt": format!("{{{{Front{e}}}}}"), "afmt": "{{Back}}"}]},
        "2": {"name": format!("Odd{e}"), "type": 0,
              "flds": [{"name": "Front"}, {"name": "Back"}],
              "tmpls": [{"ord": 0, "name": "C", "qfmt": format!("{{{{Missing{e}}}}}"),
                         "afmt": "x"}]},
    });
    let decks = serde_json::json!({"1": {"name": format!("Deck{e}")}});
    conn.execute(
        "INSERT INTO col VALUES (?1, ?2)",
        (models.to_string(), decks.to_string()),
    )
    .unwrap();
    let note = format!("Capital of Peru{e}?\u{1f}Lima{e}<img src=\"flag{e}.png\">");
    conn.execute(
        "INSERT INTO notes VALUES (1, 'g1', 1, ?1, ?2)",
        (format!("tag{e}"), note),
    )
    .unwrap();
    conn.execute("INSERT INTO notes VALUES (2, 'g2', 2, '', 'a\u{1f}b')", ())
        .unwrap();
    conn.execute_batch(
        "INSERT INTO cards VALUES (1, 1, 1, 0); INSERT INTO cards VALUES (2, 2, 1, 0);",
    )
    .unwrap();
    drop(conn);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("collection.anki21", options).unwrap();
    zip.write_all(&std::fs::read(&db).unwrap()).unwrap();
    zip.start_file("media", options).unwrap();
    zip.write_all(
        serde_json::json!({"0": format!("flag{e}.png")})
            .to_string()
            .as_bytes(),
    )
    .unwrap();
    zip.start_file("0", options).unwrap();
    zip.write_all(b"png").unwrap();
    t.write("evil.apkg", zip.finish().unwrap().into_inner());

    let r = t.run(
        &["import", "deck", "evil.apkg", "-o", "decks/evil.toml"],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("skipped note 2: the template uses a field `Missing\\u{1b}"),
        "{}",
        r.stderr
    );
    assert_inert("import", &r.stderr);
    for args in [
        &["show", "decks/evil.toml"][..],
        &["check", "decks/evil.toml"][..],
        &["study", "--deck", "evil"][..],
    ] {
        let r = t.run(args, "Lima\n3\n");
        assert!(r.code == 0 || r.code == 1, "{args:?}: {}", r.stderr);
        assert!(
            args[0] == "check" || r.stdout.contains("\\u{1b}") || r.stderr.contains("\\u{1b}"),
            "{args:?} shows the text: {}{}",
            r.stdout,
            r.stderr
        );
        assert_inert(&format!("{args:?} stdout"), &r.stdout);
        assert_inert(&format!("{args:?} stderr"), &r.stderr);
    }
}

/// Review logs and map files over 48 MiB, and progress exports over 100 MiB together, are
/// refused before they are read: each row of a review log takes about 270 bytes until the
/// import is done (a million rows, 33 MB: 275 MiB; 3 million, 98 MB: 793 MiB) and a class
/// report four times its exports (194 MB: 736 MiB), so the old limit of 512 MiB let either
/// take gigabytes.
#[cfg(unix)]
#[test]
fn review_logs_and_class_exports_over_their_limits_are_refused() {
    let t = TestEnv::new();
    let sparse = |name: &str, len: u64| {
        let f = std::fs::File::create(t.path().join(name)).unwrap();
        f.set_len(len).unwrap();
    };
    sparse("log.csv", 60 << 20);
    sparse("map.csv", 60 << 20);
    t.write(
        "small.csv",
        "card_id,review_rating,review_time,review_duration\n1,3,2026-03-01T10:00:00Z,5000\n",
    );
    for (args, file) in [
        (&["import", "reviews", "log.csv"][..], "log.csv"),
        (
            &["import", "reviews", "small.csv", "--map", "map.csv"][..],
            "map.csv",
        ),
    ] {
        let m = measured(&t, args, no_input());
        assert_eq!(m.code, 2, "{args:?}: {}", m.stderr);
        assert!(
            m.stderr.contains(&format!(
                "{file}: the file (62.9 MB) is larger than recall reads here (50 MB at most)"
            )),
            "{args:?}: {}",
            m.stderr
        );
        assert!(m.peak_mib < 50, "{args:?}: {} MiB", m.peak_mib);
    }
    let m = measured(&t, &["import", "reviews", "/dev/zero"], no_input());
    assert_eq!(m.code, 2, "{}", m.stderr);
    assert!(m.peak_mib < 150, "{} MiB", m.peak_mib);

    // One export over the class report's limit, and two that are over it together (the
    // first a real export with a 60 MB learner name).
    let too_many = "hold more than 104 MB, the most one class report reads; make reports for \
                    fewer learners at a time";
    sparse("big.json", 120 << 20);
    let export = |name: &str| {
        format!(
            "{{\"format\": \"recall-progress\", \"version\": 1, \"exported_at\": \
             \"2026-03-01T10:00:00Z\", \"learner\": \"{name}\", \"cards\": []}}"
        )
    };
    t.write("a.json", export(&"a".repeat(60 << 20)));
    t.write("b.json", export(&"b".repeat(60 << 20)));
    for (args, file) in [
        (
            &["class-report", "big.json", "-o", "r.html"][..],
            "big.json",
        ),
        (
            &["class-report", "a.json", "b.json", "-o", "r.html"][..],
            "b.json",
        ),
    ] {
        let m = measured(&t, args, no_input());
        println!("{args:?}: {} MiB", m.peak_mib);
        assert_eq!(m.code, 2, "{args:?}: {}", m.stderr);
        assert!(
            m.stderr.contains(&format!(
                "{file}: the progress exports given (up to this one) {too_many}"
            )),
            "{args:?}: {}",
            m.stderr
        );
        assert!(m.peak_mib < 300, "{args:?}: {} MiB", m.peak_mib);
        assert!(!t.path().join("r.html").exists());
    }
}

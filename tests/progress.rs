//! Progress features through the real binary: exports and their schemas, importing review logs
//! (the Anki sample, map files, bad rows), fitting FSRS, statistics on a constructed history,
//! the HTML report (escaping; drawn by headless Chromium when one is installed) and class
//! reports.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Run, TestEnv, repo};
use serde_json::Value;

fn env() -> TestEnv {
    let t = TestEnv::new();
    t.add_deck("progress/rivers.toml");
    t
}

fn ok(r: &Run) {
    assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
}

fn sample() -> PathBuf {
    repo().join("tests/fixtures/progress/anki-revlog-sample.csv")
}

/// A history with known numbers (times UTC; study days start at 04:00; today is 2 March):
/// 14 answers on 7 days, a streak of 2 days, true retention 4/4 under a week and 1/4 at 1-4
/// weeks, `evil` lapsing twice and `danube` once.
const HISTORY: &str = "\
card_id,review_time,review_rating,review_duration
rivers:danube,2026-02-20T10:00:00Z,3,4000
rivers:rhine,2026-02-20T10:05:00Z,1,9000
rivers:evil,2026-02-20T10:10:00Z,3,5000
rivers:rhine,2026-02-20T10:15:00Z,3,3000
rivers:rhine,2026-02-21T10:00:00Z,3,3000
rivers:danube,2026-02-22T10:00:00Z,3,3000
rivers:evil,2026-02-22T10:10:00Z,3,3000
rivers:rhine,2026-02-25T10:00:00Z,3,3000
rivers:danube,2026-02-27T10:00:00Z,3,3000
rivers:evil,2026-02-27T10:10:00Z,1,8000
rivers:evil,2026-02-27T10:20:00Z,3,3000
rivers:danube,2026-03-01T10:00:00Z,1,7000
rivers:evil,2026-03-01T10:10:00Z,1,7000
rivers:volga,2026-03-02T09:00:00Z,3,2000
";

fn with_history() -> TestEnv {
    let t = env();
    let log = t.write("history.csv", HISTORY);
    let r = t.run(&["import", "reviews", log.to_str().unwrap()], "");
    ok(&r);
    assert_eq!(
        r.stdout,
        "14 answers of recall cards imported; 4 cards rescheduled from their history.\n"
    );
    t
}

/// Imports `log` again through the map file `map` (external card id to `deck:card`).
fn import_with_map(t: &TestEnv, log: &Path, map: &Path) -> Run {
    t.run(
        &[
            "import",
            "reviews",
            log.to_str().unwrap(),
            "--map",
            map.to_str().unwrap(),
        ],
        "",
    )
}

fn json(r: &Run) -> Value {
    ok(r);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

#[test]
fn stats_json_gives_the_numbers_of_a_constructed_history() {
    let t = with_history();
    let v = json(&t.run(&["stats", "--deck", "rivers", "--json"], ""));
    assert_eq!(v["version"], 1);
    assert_eq!(v["deck"], "rivers");
    assert_eq!(v["today"], "2026-03-02");
    assert_eq!(v["cards"]["total"], 6);
    assert_eq!(v["cards"]["new"], 2);
    assert_eq!(
        v["summary"],
        serde_json::json!({
            "reviews": 14, "reviews_today": 1, "external_reviews": 0, "days_studied": 7,
            "streak": 2, "retention": 0.625
        })
    );
    let per_day: Vec<(String, u64, u64)> = v["reviews_per_day"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["reviews"] != 0)
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_string(),
                d["reviews"].as_u64().unwrap(),
                d["failed"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("2026-02-20", 4, 1),
        ("2026-02-21", 1, 0),
        ("2026-02-22", 2, 0),
        ("2026-02-25", 1, 0),
        ("2026-02-27", 3, 1),
        ("2026-03-01", 2, 2),
        ("2026-03-02", 1, 0),
    ]
    .map(|(d, n, f)| (d.to_string(), n, f));
    assert_eq!(per_day, expected);
    assert_eq!(v["reviews_per_day"].as_array().unwrap().len(), 28);
    let ages = &v["retention_by_age"];
    assert_eq!(
        (&ages[0]["reviews"], &ages[0]["passed"]),
        (&4.into(), &4.into())
    );
    assert_eq!(
        (&ages[1]["reviews"], &ages[1]["passed"]),
        (&4.into(), &1.into())
    );
    assert_eq!(ages[1]["retention"], 0.25);
    let places = v["tags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tag"] == "places")
        .unwrap();
    assert_eq!(places["reviews"], 14);
    assert_eq!(places["correct"], 10);
    assert_eq!(places["accuracy"], 0.7143);
    assert_eq!(places["cards"], 4);
    let hardest: Vec<(&str, u64)> = v["hardest"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["card"].as_str().unwrap(), h["lapses"].as_u64().unwrap()))
        .collect();
    assert_eq!(hardest[..2], [("evil", 2), ("danube", 1)]);
    assert_eq!(hardest.len(), 4);
    let due: u64 = v["forecast"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["due"].as_u64().unwrap())
        .sum();
    assert_eq!(due, 4, "every answered card comes back within 30 days");
}

#[test]
fn stats_in_the_terminal_draws_every_section() {
    let t = with_history();
    let r = t.run(&["stats", "--deck", "rivers"], "");
    ok(&r);
    let out = &r.stdout;
    for heading in [
        "Deck rivers, 2026-03-02",
        "Cards: 6 in all, 2 new,",
        "Answers: 14 in all, 1 today, 7 days studied, streak 2 days, true retention 62%",
        "Answers per day, last 28 days",
        "Due in the next 30 days",
        "True retention by card age",
        "  under 1 week    100%  ████████████████████ 4 of 4",
        "  1-4 weeks        25%  █████                1 of 4",
        "Study heatmap, last 26 weeks",
        "Accuracy and mastery per tag",
        "Hardest cards",
    ] {
        assert!(out.contains(heading), "{heading:?} missing in:\n{out}");
    }
    assert!(
        out.contains('█') && out.contains('▒') || out.contains('░'),
        "{out}"
    );
}

#[test]
fn progress_export_csv_columns_and_values() {
    let t = with_history();
    let r = t.run(&["export", "progress", "--deck", "rivers"], "");
    ok(&r);
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next().unwrap(),
        "deck,card,prompt,state,due,stability,difficulty,retrievability,reps,lapses,last_review,\
         reviews,correct,accuracy,question"
    );
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(r.stdout.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 6);
    let evil = rows.iter().find(|r| r[1] == "evil").unwrap();
    assert_eq!(
        evil[2],
        "<script>document.title='pwned'</script> Which river flows through Cairo?"
    );
    assert_eq!(evil[3], "relearning");
    assert_eq!(evil[8], "5", "reps");
    assert_eq!(evil[9], "2", "lapses");
    assert_eq!(evil[10], "2026-03-01T10:10:00Z");
    assert_eq!(
        (&evil[11][..], &evil[12][..], &evil[13][..]),
        ("5", "3", "0.6")
    );
    let nile = rows.iter().find(|r| r[1] == "nile-length").unwrap();
    assert_eq!(nile[3..8], ["new", "", "", "", ""]);
}

#[test]
fn progress_export_json_is_documented_and_carries_the_learner() {
    let t = with_history();
    let v = json(&t.run(
        &[
            "export",
            "progress",
            "--deck",
            "rivers",
            "--format",
            "json",
            "--learner",
            "Ana",
        ],
        "",
    ));
    assert_eq!(v["format"], "recall-progress");
    assert_eq!(v["version"], 1);
    assert_eq!(v["learner"], "Ana");
    assert_eq!(v["exported_at"], "2026-03-02T10:00:00Z");
    let card = &v["cards"][0];
    let keys: Vec<&str> = card
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec![
        "deck",
        "card",
        "prompt",
        "state",
        "due",
        "stability",
        "difficulty",
        "retrievability",
        "reps",
        "lapses",
        "last_review",
        "reviews",
        "correct",
        "accuracy",
        "question",
    ];
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    expected.sort_unstable();
    assert_eq!(sorted, expected);
    assert_eq!(card["card"], "danube");
    assert_eq!(card["state"], "relearning");
    assert!(card["retrievability"].as_f64().unwrap() > 0.0);
}

#[test]
fn review_export_uses_the_fsrs_layout_and_round_trips() {
    let a = TestEnv::new();
    a.add_deck("progress/rivers.toml");
    let r = a.run(
        &[
            "study",
            "--deck",
            "rivers",
            "--new",
            "3",
            "--seed",
            "1",
            "--new-order",
            "deck",
        ],
        "Black Sea\n3\nNorth Sea\n4\nOb\n1\nq\n",
    );
    ok(&r);
    // A day later: the learning cards are due again.
    let mut a = a;
    a.now = "2026-03-03T10:00:00Z".into();
    let r = a.run(
        &["study", "--deck", "rivers", "--new", "0"],
        "Black Sea\n3\nCaspian Sea\n3\nq\n",
    );
    ok(&r);
    let csv = a.run(&["export", "reviews", "--deck", "rivers"], "");
    ok(&csv);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "card_id,review_time,review_rating,review_state,review_duration,deck,card,answer,verdict,mode"
    );
    assert_eq!(lines.len(), 6, "{}", csv.stdout);
    assert_eq!(
        lines[1],
        "rivers:danube,1772445600000,3,0,0,rivers,danube,Black Sea,correct,study"
    );
    let js = json(&a.run(&["export", "reviews", "--format", "json"], ""));
    assert_eq!(js["format"], "recall-reviews");
    assert_eq!(js["reviews"].as_array().unwrap().len(), 5);
    assert_eq!(
        js["reviews"][3]["review_state"], 1,
        "learning before the answer"
    );

    let file = a.write("reviews.csv", &csv.stdout);
    let b = TestEnv {
        now: a.now.clone(),
        ..TestEnv::new()
    };
    b.add_deck("progress/rivers.toml");
    let r = b.run(&["import", "reviews", file.to_str().unwrap()], "");
    ok(&r);
    assert_eq!(
        r.stdout,
        "5 answers of recall cards imported; 3 cards rescheduled from their history.\n"
    );
    let progress = |t: &TestEnv| {
        let r = t.run(&["export", "progress", "--deck", "rivers"], "");
        ok(&r);
        r.stdout
    };
    assert_eq!(
        progress(&a),
        progress(&b),
        "replaying the log gives the same states"
    );
    // Importing into the learner's own store adds nothing.
    let r = a.run(&["import", "reviews", file.to_str().unwrap()], "");
    ok(&r);
    assert_eq!(r.stdout, "5 answers already imported, skipped.\n");
}

#[test]
fn the_anki_sample_is_imported_once_and_fitted() {
    let t = env();
    let file = sample();
    let r = t.run(&["import", "reviews", file.to_str().unwrap()], "");
    ok(&r);
    assert_eq!(
        r.stdout,
        "12580 answers of 1205 cards in no recall deck kept as history for `recall optimize` \
         and `recall stats`.\n"
    );
    let again = t.run(&["import", "reviews", file.to_str().unwrap()], "");
    ok(&again);
    assert_eq!(again.stdout, "12580 answers already imported, skipped.\n");

    let v = json(&t.run(&["stats", "--json"], ""));
    assert_eq!(v["summary"]["reviews"], 12580);
    assert_eq!(v["summary"]["external_reviews"], 12580);

    let r = t.run(&["optimize"], "");
    ok(&r);
    // The items are the reference conversion's (see tests/fixtures/fsrs): the default
    // parameters measure as Anki measures them on the same log, and the fit is Anki's.
    assert!(
        r.stdout.starts_with(
            "Fitted FSRS to 6276 reviews of 1205 cards (12580 answers in all).\n\
             \x20           log loss  RMSE (bins)\n\
             defaults      0.4535        7.66%\n\
             fitted        0.4421        4.28%\n"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("were saved"), "{}", r.stdout);
    let db = rusqlite::Connection::open(t.data().join("progress.sqlite3")).unwrap();
    let saved: String = db
        .query_row(
            "SELECT value FROM meta WHERE key = 'fsrs_parameters'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let params: Vec<f32> = serde_json::from_str(&saved).unwrap();
    assert_eq!(params.len(), 21);
    assert!(params[17..20].iter().all(|&w| w > 0.0), "{params:?}");
    // Fitting again from the saved parameters cannot improve them: nothing changes.
    let r = t.run(&["optimize"], "");
    ok(&r);
    assert!(r.stdout.contains("nothing was saved"), "{}", r.stdout);
}

#[test]
fn optimize_with_little_history_says_how_many_more_reviews_are_needed() {
    let t = with_history();
    let r = t.run(&["optimize"], "");
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: not enough history to fit FSRS: 8 usable reviews of the 64 needed; 56 more \
         reviews are needed (a usable review is a card's first answer on a later day than its \
         previous one)\n"
    );
}

#[test]
fn optimize_suggests_a_retention() {
    let t = env();
    let r = t.run(&["import", "reviews", sample().to_str().unwrap()], "");
    ok(&r);
    let r = t.run(&["optimize", "--retention"], "");
    ok(&r);
    let first = r.stdout.lines().next().unwrap();
    let value: f32 = first
        .strip_prefix("Suggested desired retention: ")
        .unwrap_or_else(|| panic!("{}", r.stdout))
        .parse()
        .unwrap();
    assert!((0.7..=0.95).contains(&value), "{value}");
}

#[test]
fn bad_rows_stop_the_import_unless_skipped() {
    let t = env();
    let log = t.write(
        "log.csv",
        "card_id,review_rating,review_time,review_duration\n\
         1,3,2024-03-29T20:32:32Z,100\n\
         2,7,2024-03-29T20:32:33Z,100\n\
         3,3,not-a-time,100\n\
         4,3,2024-03-29T20:32:35Z,100\n",
    );
    let r = t.run(&["import", "reviews", log.to_str().unwrap()], "");
    assert_eq!(r.code, 2, "{}", r.stdout);
    let name = log.display();
    assert_eq!(
        r.stderr,
        format!(
            "{name}:3: review_rating `7` is not 1, 2, 3 or 4\n\
             {name}:4: review_time `not-a-time` is neither UTC milliseconds nor an RFC 3339 time \
             (such as 2024-03-29T20:32:32Z)\n\
             error: {name}: 2 bad rows; nothing was imported (fix them, or pass --skip-bad to \
             import the other rows)\n"
        )
    );
    assert!(
        !t.data().join("progress.sqlite3").exists(),
        "nothing touched the store"
    );
    let r = t.run(
        &["import", "reviews", "--skip-bad", log.to_str().unwrap()],
        "",
    );
    ok(&r);
    assert!(
        r.stderr
            .contains(":3: review_rating `7` is not 1, 2, 3 or 4 (skipped)"),
        "{}",
        r.stderr
    );
    assert_eq!(
        r.stdout,
        "2 answers of 2 cards in no recall deck kept as history for `recall optimize` and \
         `recall stats`.\n2 bad rows skipped.\n"
    );
}

#[test]
fn a_map_turns_external_history_into_recall_cards() {
    let t = env();
    let log = t.write(
        "log.csv",
        "card_id,review_rating,review_time,review_duration\n\
         1001,3,2026-02-01T10:00:00Z,100\n\
         1001,3,2026-02-04T10:00:00Z,100\n\
         1002,1,2026-02-01T10:00:00Z,100\n\
         9999,3,2026-02-01T10:00:00Z,100\n",
    );
    let r = t.run(&["import", "reviews", log.to_str().unwrap()], "");
    ok(&r);
    let map = t.write(
        "map.csv",
        "anki_id,recall_card\n1001,rivers:danube\n1002,rivers:rhine\n",
    );
    let r = import_with_map(&t, &log, &map);
    ok(&r);
    assert_eq!(
        r.stdout,
        "3 answers of recall cards imported; 2 cards rescheduled from their history.\n\
         1 answer already imported, skipped.\n"
    );
    let v = json(&t.run(&["stats", "--json"], ""));
    assert_eq!(
        v["summary"]["reviews"], 4,
        "mapped answers left the external history"
    );
    assert_eq!(v["summary"]["external_reviews"], 1);
    let p = json(&t.run(
        &["export", "progress", "--deck", "rivers", "--format", "json"],
        "",
    ));
    let danube = &p["cards"][0];
    assert_eq!(danube["card"], "danube");
    assert_eq!(danube["reps"], 2);
    assert_eq!(danube["last_review"], "2026-02-04T10:00:00Z");
    assert_eq!(danube["state"], "review");
}

#[test]
fn a_map_naming_unknown_cards_is_refused_with_lines() {
    let t = env();
    let log = t.write(
        "log.csv",
        "card_id,review_rating,review_time\n1,3,1711744352250\n",
    );
    let map = t.write("map.csv", "1,rivers:amazon\n2,rivers\n");
    let r = import_with_map(&t, &log, &map);
    assert_eq!(r.code, 2);
    let name = map.display();
    assert_eq!(
        r.stderr,
        format!(
            "{name}:1: no card `amazon` in a deck `rivers`\n{name}:2: `rivers` is not DECK:CARD\n\
             error: {name}: 2 bad lines; nothing was imported\n"
        )
    );
}

#[test]
fn output_files_are_written_atomically() {
    let t = with_history();
    let target = t.path().join("out/progress.csv");
    let r = t.run(&["export", "progress", "-o", target.to_str().unwrap()], "");
    assert_eq!(r.code, 2, "the directory does not exist");
    assert!(!target.exists());
    std::fs::create_dir(t.path().join("out")).unwrap();
    let r = t.run(
        &[
            "export",
            "progress",
            "--deck",
            "rivers",
            "-o",
            target.to_str().unwrap(),
        ],
        "",
    );
    ok(&r);
    assert_eq!(r.stdout, "");
    assert_eq!(std::fs::read_to_string(&target).unwrap().lines().count(), 7);
    assert_eq!(std::fs::read_dir(t.path().join("out")).unwrap().count(), 1);
}

#[test]
fn report_escapes_deck_text_and_loads_nothing() {
    let t = with_history();
    let out = t.path().join("report.html");
    let r = t.run(&["export", "report", "-o", out.to_str().unwrap()], "");
    ok(&r);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        !html.contains("<script"),
        "markup from the deck must be text"
    );
    assert!(html.contains("&lt;script&gt;document.title=&#x27;pwned&#x27;"));
    assert!(!html.contains("src=") && !html.contains("href=") && !html.contains("url("));
    assert!(html.contains("default-src 'none'"));
    for id in [
        "cards",
        "forecast",
        "reviews",
        "retention",
        "heatmap",
        "tags",
        "hardest",
    ] {
        assert!(
            html.contains(&format!("<svg class=\"chart\" id=\"{id}\"")),
            "{id}"
        );
    }
}

/// The Chromium binary, if this machine has one (`.ci/run` installs Debian's `chromium`).
fn chromium() -> Option<PathBuf> {
    let fixed = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    if let Some(p) = fixed.iter().map(Path::new).find(|p| p.is_file()) {
        return Some(p.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

/// Appended to a copy of the report: counts, per chart, the SVG shapes the browser laid out
/// with a size, and writes the counts into the page for `--dump-dom`.
const PROBE: &str = r#"<script>
const out = {};
for (const svg of document.querySelectorAll('svg.chart')) {
  let drawn = 0;
  for (const r of svg.querySelectorAll('rect')) {
    const b = r.getBoundingClientRect();
    if (b.width > 0 && b.height > 0) drawn++;
  }
  out[svg.id] = drawn;
}
out.scripts = document.scripts.length;
out.title = document.title;
const pre = document.createElement('pre');
pre.id = 'probe';
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>"#;

#[test]
fn headless_chromium_draws_every_chart() {
    let Some(browser) = chromium() else {
        eprintln!(
            "skipped: no Chromium found (/usr/bin/chromium or chromium on PATH); \
             `apt-get install -y chromium` enables this test"
        );
        return;
    };
    let t = with_history();
    let out = t.path().join("report.html");
    ok(&t.run(&["export", "report", "-o", out.to_str().unwrap()], ""));
    let html = std::fs::read_to_string(&out).unwrap();
    // The report forbids scripts; the probe is the test's own, so its copy drops the policy.
    let start = html
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .unwrap();
    let end = start + html[start..].find('>').unwrap() + 1;
    let probed = format!("{}{}", &html[..start], &html[end..])
        .replace("</body>", &format!("{PROBE}</body>"));
    let page = t.write("probe.html", probed);
    let profile = tempfile::tempdir().unwrap();
    let dump = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&dump.stdout);
    let probe = dom
        .split("<pre id=\"probe\">")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .unwrap_or_else(|| {
            panic!(
                "no probe output; chromium said:\n{}",
                String::from_utf8_lossy(&dump.stderr)
            )
        });
    let v: Value = serde_json::from_str(probe).unwrap();
    assert_eq!(v["title"], "recall progress report", "no deck script ran");
    assert_eq!(v["scripts"], 1, "only the probe is a script");
    for id in [
        "cards",
        "forecast",
        "reviews",
        "retention",
        "tags",
        "hardest",
    ] {
        assert!(v[id].as_u64().unwrap() > 0, "chart {id} drew nothing: {v}");
    }
    assert_eq!(v["heatmap"], 176, "one cell per day of 25 weeks and today");
}

fn export_for(learner: &str, input: &str) -> String {
    let t = env();
    ok(&t.run(
        &[
            "study",
            "--deck",
            "rivers",
            "--new",
            "3",
            "--seed",
            "1",
            "--new-order",
            "deck",
        ],
        input,
    ));
    let r = t.run(
        &[
            "export",
            "progress",
            "--deck",
            "rivers",
            "--format",
            "json",
            "--learner",
            learner,
        ],
        "",
    );
    ok(&r);
    r.stdout
}

#[test]
fn class_report_merges_learners_per_card() {
    let ana = export_for("Ana", "Black Sea\n3\nNorth Sea\n3\nCaspian Sea\n3\nq\n");
    let ben = export_for("Ben", "Black Sea\n3\nBaltic\n1\nOb\n1\nq\n");
    let t = TestEnv::new();
    let a = t.write("ana.json", ana);
    let b = t.write("ben.json", ben);
    let csv = t.run(
        &[
            "class-report",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "csv",
        ],
        "",
    );
    ok(&csv);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "deck,card,prompt,learners,reviewed_by,reviews,correct,accuracy,lapses,learners_with_lapses,\
         question,version"
    );
    // Then the question version both learners answered (a hash), and no version split.
    assert!(
        lines[1].starts_with("rivers,rhine,Into which sea does the Rhine flow?,2,2,2,1,0.5,0,0,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[3].starts_with("rivers,danube,Into which sea does the Danube flow?,2,2,2,2,1.0,0,0,"),
        "{}",
        lines[3]
    );
    assert!(lines[1].ends_with(',') && lines[1].matches(',').count() == 11);
    assert_eq!(lines.len(), 7);
    let out = t.path().join("class.html");
    let r = t.run(
        &[
            "class-report",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    ok(&r);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("2 learners: Ana, Ben; 6 cards."), "{html}");
    assert!(html.contains("<svg class=\"chart\" id=\"class-hardest\""));
    assert!(!html.contains("<script"));
}

#[test]
fn class_report_refuses_other_files() {
    let t = TestEnv::new();
    let f = t.write(
        "x.json",
        "{\"format\":\"recall-reviews\",\"version\":1,\"exported_at\":\"\",\"cards\":[]}",
    );
    let r = t.run(&["class-report", f.to_str().unwrap()], "");
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "error: {}: format is \"recall-reviews\", not \"recall-progress\"; make one with \
             `recall export progress --format json`\n",
            f.display()
        )
    );
}

#[test]
fn statistics_follow_the_log_through_its_cached_copy() {
    let t = with_history();
    let first = json(&t.run(&["stats", "--json"], ""));
    assert_eq!(first["summary"]["reviews"], 14);
    // The second run reads the copy the first one left in the cache.
    assert_eq!(json(&t.run(&["stats", "--json"], "")), first);
    // Answers logged after the copy was made are added to it.
    let more = t.write(
        "more.csv",
        "card_id,review_time,review_rating,review_duration\n\
         rivers:volga,2026-03-02T09:30:00Z,3,2000\n\
         7001,2026-02-10T10:00:00Z,3,100\n\
         7001,2026-02-12T10:00:00Z,1,100\n",
    );
    ok(&t.run(&["import", "reviews", more.to_str().unwrap()], ""));
    let v = json(&t.run(&["stats", "--json"], ""));
    assert_eq!(v["summary"]["reviews"], 17);
    assert_eq!(v["summary"]["external_reviews"], 2);
    // Moving that external history into a deck changes answers already copied.
    let map = t.write("map.csv", "anki_id,recall_card\n7001,rivers:rhine\n");
    let r = import_with_map(&t, &more, &map);
    ok(&r);
    let v = json(&t.run(&["stats", "--json"], ""));
    assert_eq!(v["summary"]["reviews"], 17);
    assert_eq!(v["summary"]["external_reviews"], 0);
    let p = json(&t.run(&["stats", "--deck", "rivers", "--json"], ""));
    assert_eq!(p["summary"]["reviews"], 17);
}

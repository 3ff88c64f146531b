//! Importing review history: reading a review log in the Anki/FSRS layout (or recall's own
//! review export), reading a map from other programs' card ids to recall cards, deciding which
//! answers belong to recall cards, and replaying a card's answers through the scheduler.
//!
//! Pure: the caller reads the files and hands over their bytes; every problem is reported with
//! its line number.
//!
//! A log needs a header with `card_id`, `review_rating` (1-4) and `review_time` (UTC
//! milliseconds, or RFC 3339 as in Anki exports); `review_duration` (milliseconds) and
//! `review_state` (0-3) are optional; `deck`, `card`, `answer`, `verdict` and `mode`, as recall
//! exports them, are used when present. Columns may come in any order.

use std::collections::HashMap;
use std::fmt;

use jiff::Timestamp;

use crate::deck::Card;
use crate::formats::lines::LineCounter;
use crate::schedule::{Rating, Scheduler};
use crate::session::{fnv1a, question_hash};
use crate::store::{CardRecord, ExternalReview, ImportedAnswer};

/// The longest answer a review log may record: a day. A larger `review_duration` is a bad
/// row (seconds or microseconds taken for milliseconds, or garbage), not a figure to clamp
/// quietly into the statistics.
pub const MAX_DURATION_MS: u64 = 24 * 60 * 60 * 1000;

/// One good row of a review log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRow {
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    pub card_id: String,
    pub time: Timestamp,
    pub rating: Rating,
    pub duration_ms: u64,
    pub state: Option<u8>,
    /// The recall card, when the log names one (recall's own export).
    pub target: Option<(String, String)>,
    pub answer: String,
    pub verdict: String,
    /// recall's mode column, when present (quiz and cram answers are not imported).
    pub mode: Option<String>,
}

/// A row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub message: String,
}

impl fmt::Display for BadRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// A review log read: its good rows and its bad ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedLog {
    pub rows: Vec<LogRow>,
    pub bad: Vec<BadRow>,
}

/// Where each column is.
struct Columns {
    card_id: usize,
    rating: usize,
    time: usize,
    duration: Option<usize>,
    state: Option<usize>,
    deck: Option<usize>,
    card: Option<usize>,
    answer: Option<usize>,
    verdict: Option<usize>,
    mode: Option<usize>,
}

/// Reads a review log. `Err` is for a file that cannot be a review log at all (no header, a
/// required column missing); problems in single rows are returned as bad rows. Answers later
/// than `now` are bad rows: they would put a schedule in the future.
pub fn parse_log(bytes: &[u8], now: Timestamp) -> Result<ParsedLog, String> {
    if matches!(
        bytes.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{' | b'[')
    ) {
        return Err(
            "line 1: this looks like JSON; a review log is CSV with a header line (recall writes \
             one with `recall export reviews --format csv`)"
                .to_string(),
        );
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| format!("line 1: cannot read the header: {}", csv_message(&e)))?
        .clone();
    let find = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let need = |name: &str| {
        find(name).ok_or_else(|| {
            format!(
                "line 1: missing column `{name}`; a review log needs card_id, review_rating and \
                 review_time (found: {})",
                headers.iter().collect::<Vec<_>>().join(", ")
            )
        })
    };
    let cols = Columns {
        card_id: need("card_id")?,
        rating: need("review_rating")?,
        time: need("review_time")?,
        duration: find("review_duration"),
        state: find("review_state"),
        deck: find("deck"),
        card: find("card"),
        answer: find("answer"),
        verdict: find("verdict"),
        mode: find("mode"),
    };
    let mut out = ParsedLog::default();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(bytes);
    loop {
        let before = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_at(record.position().map_or(before, |p| p.byte()) as usize);
                if record.len() == 1 && record[0].is_empty() {
                    continue;
                }
                if record.len() != headers.len() {
                    out.bad.push(BadRow {
                        line,
                        message: format!(
                            "expected {} fields as in the header, found {}",
                            headers.len(),
                            record.len()
                        ),
                    });
                    continue;
                }
                match parse_row(&record, &cols, line, now) {
                    Ok(row) => out.rows.push(row),
                    Err(message) => out.bad.push(BadRow { line, message }),
                }
            }
            Err(e) => {
                let line = lines.line_at(e.position().map_or(before, |p| p.byte()) as usize);
                out.bad.push(BadRow {
                    line,
                    message: csv_message(&e),
                });
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    Ok(out)
}

fn parse_row(
    r: &csv::StringRecord,
    c: &Columns,
    line: u64,
    now: Timestamp,
) -> Result<LogRow, String> {
    let field = |i: Option<usize>| i.and_then(|i| r.get(i)).unwrap_or("");
    let card_id = r[c.card_id].to_string();
    if card_id.is_empty() {
        return Err("card_id is empty".to_string());
    }
    let rating_text = &r[c.rating];
    let rating = rating_text
        .parse::<u8>()
        .ok()
        .and_then(Rating::from_number)
        .ok_or_else(|| {
            let mut m = format!("review_rating `{rating_text}` is not 1, 2, 3 or 4");
            if rating_text == "0" {
                m.push_str(" (0 marks a manual reschedule in Anki, not an answer)");
            }
            m
        })?;
    let time = parse_time(&r[c.time])?;
    if time > now {
        return Err(format!("review_time `{}` is in the future", &r[c.time]));
    }
    let duration_text = field(c.duration);
    let duration_ms = if duration_text.is_empty() {
        0
    } else {
        duration_text
            .parse::<f64>()
            .ok()
            .filter(|d| d.is_finite() && *d >= 0.0)
            .map(|d| d.round() as u64)
            .ok_or_else(|| {
                format!("review_duration `{duration_text}` is not a number of milliseconds")
            })?
    };
    if duration_ms > MAX_DURATION_MS {
        return Err(format!(
            "review_duration `{duration_text}` is more than a day ({MAX_DURATION_MS} ms); \
             durations are in milliseconds"
        ));
    }
    let state_text = field(c.state);
    let state = if state_text.is_empty() {
        None
    } else {
        Some(
            state_text
                .parse::<u8>()
                .ok()
                .filter(|s| *s <= 3)
                .ok_or_else(|| format!("review_state `{state_text}` is not 0, 1, 2 or 3"))?,
        )
    };
    let (deck, card) = (field(c.deck), field(c.card));
    let target = (!deck.is_empty() && !card.is_empty()).then(|| (deck.into(), card.into()));
    let mode = Some(field(c.mode))
        .filter(|m| !m.is_empty())
        .map(str::to_string);
    Ok(LogRow {
        line,
        card_id,
        time,
        rating,
        duration_ms,
        state,
        target,
        answer: field(c.answer).to_string(),
        verdict: field(c.verdict).to_string(),
        mode,
    })
}

/// UTC milliseconds (`1711744352250`) or RFC 3339 (`2024-03-29T20:32:32.250000+00:00`).
fn parse_time(text: &str) -> Result<Timestamp, String> {
    let bad = || {
        format!(
            "review_time `{text}` is neither UTC milliseconds nor an RFC 3339 time \
             (such as 2024-03-29T20:32:32Z)"
        )
    };
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let ms: i64 = text.parse().map_err(|_| bad())?;
        return Timestamp::from_millisecond(ms).map_err(|_| bad());
    }
    text.parse::<Timestamp>().map_err(|_| bad())
}

fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_string(),
        csv::ErrorKind::Io(e) => format!("cannot read: {e}"),
        _ => e.to_string(),
    }
}

/// A map from other programs' card ids to recall cards (`deck`, `card`).
pub type CardMap = HashMap<String, (String, String)>;

/// Reads a map file: CSV lines `EXTERNAL_ID,DECK:CARD`, with an optional header line (one whose
/// second field has no colon). `known` says whether a recall card exists; every problem is
/// returned, with its line.
pub fn parse_map(bytes: &[u8], known: impl Fn(&str, &str) -> bool) -> Result<CardMap, Vec<BadRow>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .comment(Some(b'#'))
        .from_reader(bytes);
    let mut map = CardMap::new();
    let mut bad = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(bytes);
    let mut first = true;
    loop {
        let before = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_at(record.position().map_or(before, |p| p.byte()) as usize);
                if record.iter().all(str::is_empty) {
                    continue;
                }
                let is_header = first && record.get(1).is_some_and(|t| !t.contains(':'));
                first = false;
                if is_header {
                    continue;
                }
                let mut fail = |message: String| bad.push(BadRow { line, message });
                if record.len() != 2 {
                    fail(format!(
                        "expected two fields, EXTERNAL_ID,DECK:CARD; found {}",
                        record.len()
                    ));
                    continue;
                }
                let (id, to) = (&record[0], &record[1]);
                let Some((deck, card)) = to
                    .split_once(':')
                    .filter(|(d, c)| !d.is_empty() && !c.is_empty())
                else {
                    fail(format!("`{to}` is not DECK:CARD"));
                    continue;
                };
                if id.is_empty() {
                    fail("the external id is empty".to_string());
                    continue;
                }
                if !known(deck, card) {
                    fail(format!("no card `{card}` in a deck `{deck}`"));
                    continue;
                }
                let target = (deck.to_string(), card.to_string());
                match map.get(id) {
                    Some(old) if *old != target => {
                        fail(format!("`{id}` is already mapped to {}:{}", old.0, old.1))
                    }
                    _ => {
                        map.insert(id.to_string(), target);
                    }
                }
            }
            Err(e) => {
                let line = lines.line_at(e.position().map_or(before, |p| p.byte()) as usize);
                bad.push(BadRow {
                    line,
                    message: csv_message(&e),
                });
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    if bad.is_empty() { Ok(map) } else { Err(bad) }
}

/// Where the rows of a log go.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    /// History of cards in no recall deck.
    pub external: Vec<ExternalReview>,
    /// Answers of recall cards.
    pub answers: Vec<ImportedAnswer>,
    /// Quiz and cram answers of a recall export: they never moved a schedule.
    pub unscheduled: usize,
}

/// Decides for each row whose history it is: the recall card the row names (recall's own
/// export), else the card `map` maps its id to, else the recall card its id names as
/// `DECK:CARD`, else another program's card.
pub fn resolve(rows: Vec<LogRow>, map: &CardMap, known: impl Fn(&str, &str) -> bool) -> Resolved {
    let mut out = Resolved::default();
    for row in rows {
        if matches!(row.mode.as_deref(), Some("quiz" | "cram")) {
            out.unscheduled += 1;
            continue;
        }
        let named = row.target.clone().filter(|(d, c)| known(d, c));
        let (target, source) = match named {
            Some(t) => (Some(t), None),
            None => match map.get(&row.card_id) {
                Some(t) => (Some(t.clone()), Some(row.card_id.clone())),
                None => (
                    row.card_id
                        .split_once(':')
                        .filter(|(d, c)| known(d, c))
                        .map(|(d, c)| (d.to_string(), c.to_string())),
                    None,
                ),
            },
        };
        match target {
            Some((deck, card)) => out.answers.push(ImportedAnswer {
                deck,
                card,
                time: row.time,
                rating: row.rating,
                answer: row.answer,
                verdict: row.verdict,
                response_ms: row.duration_ms,
                source_id: source,
            }),
            None => out.external.push(ExternalReview {
                card_id: row.card_id,
                time: row.time,
                rating: row.rating,
                duration_ms: row.duration_ms,
                state: row.state,
            }),
        }
    }
    out
}

/// A card's records after each of its answers (oldest first), as studying them in that order
/// would have left it: the same scheduler, the same fuzz seeds and the same leech rule as a
/// session. Suspension and burying are kept from `current`.
pub fn replay(
    scheduler: &Scheduler,
    card: &Card,
    current: Option<&CardRecord>,
    history: &[(Timestamp, Rating)],
) -> Vec<CardRecord> {
    let hash = question_hash(card);
    let Some(&(first, _)) = history.first() else {
        return Vec::new();
    };
    let mut record = CardRecord::new(hash.clone(), first);
    if let Some(c) = current {
        record.suspended = c.suspended;
        record.buried_until = c.buried_until;
        record.leech = c.leech;
    }
    let mut out = Vec::with_capacity(history.len());
    for &(time, rating) in history {
        let seed = fnv1a(&[card.id.as_str(), &time.as_millisecond().to_string()]);
        let answered = scheduler.answer(&record.state, rating, time, seed);
        record.state = answered.state;
        record.question_hash.clone_from(&hash);
        if answered.became_leech && !record.leech {
            record.leech = true;
            record.suspended = true;
        }
        out.push(record.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{Answer, CardId, Kind, Span, Tags};
    use crate::schedule::{Phase, SchedulerConfig};

    const NOW: &str = "2026-03-02T10:00:00Z";

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn parse(text: &str) -> ParsedLog {
        parse_log(text.as_bytes(), ts(NOW)).unwrap()
    }

    fn known(deck: &str, card: &str) -> bool {
        deck == "rivers" && ["danube", "rhine"].contains(&card)
    }

    #[test]
    fn anki_layout_with_rfc3339_times() {
        let log = parse(
            "card_id,review_rating,review_time,review_duration\n\
             1711684180217,1,2024-03-29T20:32:32.250000+00:00,25060\n",
        );
        assert_eq!(log.bad, []);
        assert_eq!(
            log.rows,
            [LogRow {
                line: 2,
                card_id: "1711684180217".into(),
                time: ts("2024-03-29T20:32:32.25Z"),
                rating: Rating::Again,
                duration_ms: 25_060,
                state: None,
                target: None,
                answer: String::new(),
                verdict: String::new(),
                mode: None,
            }]
        );
    }

    #[test]
    fn fsrs_layout_with_milliseconds_in_any_column_order() {
        let log = parse(
            "review_time,card_id,review_state,review_rating\n\
             1711744352250,42,2,3\n",
        );
        assert_eq!(log.bad, []);
        assert_eq!(log.rows[0].time, ts("2024-03-29T20:32:32.25Z"));
        assert_eq!(log.rows[0].state, Some(2));
        assert_eq!(log.rows[0].duration_ms, 0);
    }

    #[test]
    fn missing_column_refuses_the_file() {
        let err = parse_log(b"card_id,rating,time\n1,3,5\n", ts(NOW)).unwrap_err();
        assert_eq!(
            err,
            "line 1: missing column `review_rating`; a review log needs card_id, review_rating \
             and review_time (found: card_id, rating, time)"
        );
    }

    #[test]
    fn json_is_refused_with_advice() {
        let err = parse_log(b"{\"format\":\"recall-reviews\"}", ts(NOW)).unwrap_err();
        assert_eq!(
            err,
            "line 1: this looks like JSON; a review log is CSV with a header line (recall \
             writes one with `recall export reviews --format csv`)"
        );
    }

    #[test]
    fn bad_rows_are_reported_with_their_lines() {
        let log = parse(
            "card_id,review_rating,review_time,review_duration\n\
             1,3,2024-03-29T20:32:32Z,100\n\
             2,0,2024-03-29T20:32:32Z,100\n\
             3,5,2024-03-29T20:32:32Z,100\n\
             4,3,yesterday,100\n\
             5,3,2024-03-29T20:32:32Z,-4\n\
             6,3,2024-03-29T20:32:32Z\n\
             ,3,2024-03-29T20:32:32Z,1\n\
             8,3,2027-01-01T00:00:00Z,1\n\
             9,4,2024-03-29T20:33:00Z,1\n\
             10,3,2024-03-29T20:32:32Z,86400001\n\
             11,3,2024-03-29T20:32:32Z,1e30\n",
        );
        let bad: Vec<String> = log.bad.iter().map(|b| b.to_string()).collect();
        assert_eq!(
            bad,
            [
                "line 3: review_rating `0` is not 1, 2, 3 or 4 (0 marks a manual reschedule in \
                 Anki, not an answer)",
                "line 4: review_rating `5` is not 1, 2, 3 or 4",
                "line 5: review_time `yesterday` is neither UTC milliseconds nor an RFC 3339 time \
                 (such as 2024-03-29T20:32:32Z)",
                "line 6: review_duration `-4` is not a number of milliseconds",
                "line 7: expected 4 fields as in the header, found 3",
                "line 8: card_id is empty",
                "line 9: review_time `2027-01-01T00:00:00Z` is in the future",
                "line 11: review_duration `86400001` is more than a day (86400000 ms); \
                 durations are in milliseconds",
                "line 12: review_duration `1e30` is more than a day (86400000 ms); durations \
                 are in milliseconds",
            ]
        );
        let good: Vec<&str> = log.rows.iter().map(|r| r.card_id.as_str()).collect();
        assert_eq!(good, ["1", "9"]);
    }

    #[test]
    fn invalid_utf8_is_a_bad_row_and_reading_goes_on() {
        let mut bytes = b"card_id,review_rating,review_time\n".to_vec();
        bytes.extend_from_slice(b"\xff\xfe,3,2024-03-29T20:32:32Z\n1,3,2024-03-29T20:32:32Z\n");
        let log = parse_log(&bytes, ts(NOW)).unwrap();
        assert_eq!(
            log.bad,
            [BadRow {
                line: 2,
                message: "not valid UTF-8".into()
            }]
        );
        assert_eq!(log.rows.len(), 1);
    }

    #[test]
    fn windows_and_old_mac_line_ends_give_the_right_lines() {
        for end in ["\r\n", "\r"] {
            let text = format!(
                "card_id,review_rating,review_time{end}1,3,1711744352250{end}2,9,1711744352250{end}\
                 \"3{end}x\",3,1711744352250{end}4,0,1711744352250{end}"
            );
            let log = parse(&text);
            let lines: Vec<u64> = log.rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, [2, 4], "{end:?}");
            let bad: Vec<u64> = log.bad.iter().map(|b| b.line).collect();
            assert_eq!(bad, [3, 6], "{end:?}");
        }
        let bad = parse_map(b"17,rivers:danube\r\n18,rivers\r\n", known).unwrap_err();
        assert_eq!(bad[0].line, 2);
    }

    #[test]
    fn map_lines_name_recall_cards() {
        let map = parse_map(
            b"card_id,recall_card\n# rivers\n17,rivers:danube\n18, rivers:rhine\n",
            known,
        )
        .unwrap();
        assert_eq!(map.get("18"), Some(&("rivers".into(), "rhine".into())));
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn map_problems_are_all_reported() {
        let bad = parse_map(
            b"17,rivers:danube\n18,rivers\n19,rivers:nile\n17,rivers:rhine\n20,a,b\n",
            known,
        )
        .unwrap_err();
        let bad: Vec<String> = bad.iter().map(|b| b.to_string()).collect();
        assert_eq!(
            bad,
            [
                "line 2: `rivers` is not DECK:CARD",
                "line 3: no card `nile` in a deck `rivers`",
                "line 4: `17` is already mapped to rivers:danube",
                "line 5: expected two fields, EXTERNAL_ID,DECK:CARD; found 3",
            ]
        );
    }

    #[test]
    fn rows_go_to_named_mapped_or_external_cards() {
        let log = parse(
            "card_id,review_time,review_rating,deck,card,answer,verdict,mode\n\
             rivers:danube,1711744352250,3,rivers,danube,Black Sea,correct,study\n\
             rivers:danube,1711744352251,1,rivers,danube,x,wrong,quiz\n\
             17,1711744352252,3,,,,,\n\
             rivers:rhine,1711744352253,3,,,,,\n\
             99,1711744352254,4,,,,,external\n\
             gone:card,1711744352255,4,gone,card,,,study\n",
        );
        assert_eq!(log.bad, []);
        let map = CardMap::from([(
            "17".to_string(),
            ("rivers".to_string(), "rhine".to_string()),
        )]);
        let r = resolve(log.rows, &map, known);
        assert_eq!(r.unscheduled, 1);
        let answers: Vec<(&str, Option<&str>, &str)> = r
            .answers
            .iter()
            .map(|a| (a.card.as_str(), a.source_id.as_deref(), a.verdict.as_str()))
            .collect();
        assert_eq!(
            answers,
            [
                ("danube", None, "correct"),
                ("rhine", Some("17"), ""),
                ("rhine", None, ""),
            ]
        );
        let external: Vec<&str> = r.external.iter().map(|e| e.card_id.as_str()).collect();
        assert_eq!(external, ["99", "gone:card"]);
    }

    fn danube() -> Card {
        Card {
            id: CardId("danube".into()),
            kind: Kind::Typed {
                answer: Answer::plain("Black Sea"),
            },
            prompt: "Where does the Danube end?".into(),
            tags: Tags::default(),
            explain: None,
            source: None,
            fact: None,
            media: None,
            span: Span::default(),
            checking: Default::default(),
        }
    }

    #[test]
    fn replay_matches_answering_in_order() {
        let s = Scheduler::new(SchedulerConfig::default()).unwrap();
        let card = danube();
        let history = [
            (ts("2026-02-01T10:00:00Z"), Rating::Good),
            (ts("2026-02-01T10:10:00Z"), Rating::Good),
            (ts("2026-02-05T10:00:00Z"), Rating::Again),
        ];
        let records = replay(&s, &card, None, &history);
        assert_eq!(records.len(), 3);
        let mut state = crate::schedule::CardState::new(history[0].0);
        for (i, &(t, r)) in history.iter().enumerate() {
            let seed = fnv1a(&["danube", &t.as_millisecond().to_string()]);
            state = s.answer(&state, r, t, seed).state;
            assert_eq!(records[i].state, state, "answer {i}");
        }
        assert_eq!(records[2].state.lapses, 1);
        assert_eq!(records[2].state.phase, Phase::Relearning);
        assert_eq!(records[2].question_hash, question_hash(&card));
    }

    #[test]
    fn replay_keeps_suspension() {
        let s = Scheduler::new(SchedulerConfig::default()).unwrap();
        let current = CardRecord {
            suspended: true,
            ..CardRecord::new("old", ts("2026-01-01T00:00:00Z"))
        };
        let records = replay(
            &s,
            &danube(),
            Some(&current),
            &[(ts("2026-02-01T10:00:00Z"), Rating::Good)],
        );
        assert!(records[0].suspended);
    }

    #[test]
    fn replay_suspends_a_new_leech() {
        let s = Scheduler::new(SchedulerConfig {
            leech_threshold: 2,
            learning_steps: vec![],
            relearning_steps: vec![],
            fuzz: false,
            ..SchedulerConfig::default()
        })
        .unwrap();
        let history = [
            (ts("2026-02-01T10:00:00Z"), Rating::Good),
            (ts("2026-02-10T10:00:00Z"), Rating::Again),
            (ts("2026-02-12T10:00:00Z"), Rating::Again),
        ];
        let records = replay(&s, &danube(), None, &history);
        assert!(!records[1].leech);
        assert!(records[2].leech && records[2].suspended);
    }
}

//! The two exports: per-card progress and the review log, as CSV or JSON, through dedicated
//! serialisable rows (the domain types stay free to change). The layouts are documented in
//! the README ("Progress") and are version 1 of a stable format.
//!
//! The review log uses the column names the FSRS tooling reads (`card_id`, `review_time` in UTC
//! milliseconds, `review_rating` 1-4, `review_state` 0 new / 1 learning / 2 review /
//! 3 relearning before the answer, `review_duration` in milliseconds) followed by recall's own
//! columns. It is written row by row, so a long log is never held in memory.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::stats::Tally;
use super::{CardInfo, ratio, round4};
use crate::schedule::Phase;

/// The `format` field of a progress export.
pub const PROGRESS_FORMAT: &str = "recall-progress";
/// The `format` field of a review log export.
pub const REVIEWS_FORMAT: &str = "recall-reviews";
/// The version of both layouts.
pub const VERSION: u32 = 1;

/// The CSV columns of a progress export, in order.
pub const PROGRESS_COLUMNS: [&str; 15] = [
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

/// The CSV columns of a review log export, in order.
pub const REVIEW_COLUMNS: [&str; 10] = [
    "card_id",
    "review_time",
    "review_rating",
    "review_state",
    "review_duration",
    "deck",
    "card",
    "answer",
    "verdict",
    "mode",
];

/// What a CSV export does with text that a spreadsheet would run as a formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cells {
    /// A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'`
    /// in front, as OWASP advises against CSV injection: prompts and card ids come from
    /// decks, and a class report's from learners' files, so `=HYPERLINK(...)` in a deck must
    /// not become a live formula in the instructor's spreadsheet. The default.
    Guarded,
    /// Text exactly as it is (`--csv-formulas`).
    Raw,
}

/// `text` as a CSV cell under `cells` (see [`Cells::Guarded`]).
pub fn cell(text: &str, cells: Cells) -> std::borrow::Cow<'_, str> {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if cells == Cells::Guarded && formula {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// CSV or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// One card in a progress export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressRow {
    pub deck: String,
    pub card: String,
    pub prompt: String,
    /// new, learning, review, relearning or suspended.
    pub state: String,
    /// RFC 3339; `None` for a new card.
    pub due: Option<String>,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    /// FSRS's estimate that the card would be recalled at export time.
    pub retrievability: Option<f64>,
    pub reps: u32,
    pub lapses: u32,
    pub last_review: Option<String>,
    /// Answers in the log, every mode.
    pub reviews: u32,
    pub correct: u32,
    /// `correct / reviews`; `None` without answers.
    pub accuracy: Option<f64>,
    /// The version of the question the learner's progress is on: `session::question_hash` of
    /// the card as last answered (or as the learner was last told it changed). A class report
    /// keeps answers to different versions apart. `None` for a card never answered, and in
    /// exports made before recall wrote it.
    #[serde(default)]
    pub question: Option<String>,
}

impl ProgressRow {
    pub fn new(c: &CardInfo, tally: Tally) -> ProgressRow {
        let state = c.record.as_ref().map(|r| &r.state);
        let seen = state.filter(|s| s.phase != Phase::New);
        let rounded = |x: Option<f32>| x.map(|v| round4(f64::from(v)));
        ProgressRow {
            deck: c.deck.clone(),
            card: c.card.clone(),
            prompt: c.prompt.clone(),
            state: c.state_name().to_string(),
            due: seen.map(|s| s.due.to_string()),
            stability: rounded(state.and_then(|s| s.stability)),
            difficulty: rounded(state.and_then(|s| s.difficulty)),
            retrievability: rounded(c.retrievability),
            reps: c.reps(),
            lapses: c.lapses(),
            last_review: state.and_then(|s| s.last_review).map(|t| t.to_string()),
            reviews: tally.reviews,
            correct: tally.correct,
            accuracy: ratio(u64::from(tally.correct), u64::from(tally.reviews)),
            question: c
                .record
                .as_ref()
                .map(|r| r.question_hash.clone())
                .filter(|h| !h.is_empty()),
        }
    }
}

/// A whole progress export as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressExport {
    pub format: String,
    pub version: u32,
    /// RFC 3339.
    pub exported_at: String,
    /// Who the progress belongs to (`--learner`), for class reports.
    #[serde(default)]
    pub learner: Option<String>,
    pub cards: Vec<ProgressRow>,
}

/// Writes a progress export.
pub fn write_progress<W: Write + ?Sized>(
    rows: &[ProgressRow],
    format: Format,
    exported_at: &str,
    learner: Option<&str>,
    cells: Cells,
    w: &mut W,
) -> io::Result<()> {
    match format {
        Format::Csv => {
            let mut csv = csv_writer(w);
            csv.write_record(PROGRESS_COLUMNS).map_err(csv_io)?;
            for r in rows {
                let text = |t: &str| cell(t, cells).into_owned();
                let r = ProgressRow {
                    deck: text(&r.deck),
                    card: text(&r.card),
                    prompt: text(&r.prompt),
                    ..r.clone()
                };
                csv.serialize(r).map_err(csv_io)?;
            }
            csv.flush()
        }
        Format::Json => {
            let doc = ProgressExport {
                format: PROGRESS_FORMAT.to_string(),
                version: VERSION,
                exported_at: exported_at.to_string(),
                learner: learner.map(str::to_string),
                cards: rows.to_vec(),
            };
            crate::json::to_writer_pretty(&mut *w, &doc)?;
            writeln!(w)
        }
    }
}

/// One answer in a review log export. Text is borrowed from the store's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewRow<'a> {
    /// `deck:card` for recall's cards; the other program's id for imported history of cards
    /// in no recall deck.
    pub card_id: &'a str,
    /// UTC milliseconds since 1970.
    pub review_time: i64,
    pub review_rating: u8,
    /// The card's state before the answer (0 new, 1 learning, 2 review, 3 relearning); `None`
    /// when an imported log did not say.
    pub review_state: Option<u8>,
    /// Milliseconds taken to answer.
    pub review_duration: u64,
    pub deck: Option<&'a str>,
    pub card: Option<&'a str>,
    pub answer: &'a str,
    pub verdict: &'a str,
    /// study, quiz, cram, import, or external (history of a card in no recall deck).
    pub mode: &'a str,
}

/// The FSRS tooling's number for the state a card was in.
pub fn fsrs_state(phase: Option<Phase>) -> u8 {
    match phase {
        None | Some(Phase::New) => 0,
        Some(Phase::Learning) => 1,
        Some(Phase::Review) => 2,
        Some(Phase::Relearning) => 3,
    }
}

/// Writes a review log export one answer at a time; [`ReviewWriter::finish`] closes it.
pub enum ReviewWriter<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Json { w: W, first: bool },
}

impl<W: Write> ReviewWriter<W> {
    pub fn new(format: Format, exported_at: &str, mut w: W) -> io::Result<ReviewWriter<W>> {
        match format {
            Format::Csv => {
                let mut csv = csv_writer(w);
                csv.write_record(REVIEW_COLUMNS).map_err(csv_io)?;
                Ok(ReviewWriter::Csv(Box::new(csv)))
            }
            Format::Json => {
                write!(
                    w,
                    "{{\"format\":\"{REVIEWS_FORMAT}\",\"version\":{VERSION},\"exported_at\":"
                )?;
                crate::json::to_writer(&mut w, exported_at)?;
                w.write_all(b",\"reviews\":[")?;
                Ok(ReviewWriter::Json { w, first: true })
            }
        }
    }

    pub fn write(&mut self, row: &ReviewRow<'_>) -> io::Result<()> {
        match self {
            ReviewWriter::Csv(csv) => csv.serialize(row).map_err(csv_io),
            ReviewWriter::Json { w, first } => {
                w.write_all(if *first { b"\n" } else { b",\n" })?;
                *first = false;
                crate::json::to_writer(&mut *w, row)?;
                Ok(())
            }
        }
    }

    /// Ends the document and hands back the writer (for an atomic file to commit).
    pub fn finish(self) -> io::Result<W> {
        match self {
            ReviewWriter::Csv(csv) => csv.into_inner().map_err(|e| e.into_error()),
            ReviewWriter::Json { mut w, .. } => {
                w.write_all(b"\n]}\n")?;
                w.flush()?;
                Ok(w)
            }
        }
    }
}

fn csv_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().has_headers(false).from_writer(w)
}

fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Tags;
    use crate::schedule::CardState;
    use crate::store::CardRecord;
    use jiff::Timestamp;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn reviewed() -> CardInfo {
        CardInfo {
            deck: "rivers".into(),
            card: "danube".into(),
            prompt: "Where does the Danube end, \"roughly\"?".into(),
            tags: Tags::default(),
            record: Some(CardRecord {
                state: CardState {
                    phase: Phase::Review,
                    step: 0,
                    due: ts("2026-03-05T04:00:00Z"),
                    stability: Some(3.1731234),
                    difficulty: Some(5.5),
                    last_review: Some(ts("2026-03-02T09:00:00Z")),
                    interval_days: 3,
                    reps: 4,
                    lapses: 1,
                },
                ..CardRecord::new("h", ts("2026-03-05T04:00:00Z"))
            }),
            retrievability: Some(0.93456),
        }
    }

    fn fresh() -> CardInfo {
        CardInfo {
            card: "rhine".into(),
            prompt: "Where does the Rhine end?".into(),
            record: None,
            retrievability: None,
            ..reviewed()
        }
    }

    fn rows() -> Vec<ProgressRow> {
        vec![
            ProgressRow::new(
                &reviewed(),
                Tally {
                    reviews: 6,
                    correct: 5,
                },
            ),
            ProgressRow::new(&fresh(), Tally::default()),
        ]
    }

    /// A progress export of `rows` as CSV.
    fn csv(rows: &[ProgressRow], cells: Cells) -> String {
        let mut out = Vec::new();
        write_progress(
            rows,
            Format::Csv,
            "2026-03-02T10:00:00Z",
            None,
            cells,
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn progress_csv_has_a_header_and_empty_cells_for_unknowns() {
        assert_eq!(
            csv(&rows(), Cells::Guarded),
            "deck,card,prompt,state,due,stability,difficulty,retrievability,reps,lapses,\
             last_review,reviews,correct,accuracy,question\n\
             rivers,danube,\"Where does the Danube end, \"\"roughly\"\"?\",review,\
             2026-03-05T04:00:00Z,3.1731,5.5,0.9346,4,1,2026-03-02T09:00:00Z,6,5,0.8333,h\n\
             rivers,rhine,Where does the Rhine end?,new,,,,,0,0,,0,0,,\n"
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_guarded_unless_raw() {
        for (text, guarded) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1", "'+1"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
        ] {
            assert_eq!(cell(text, Cells::Guarded), guarded);
            assert_eq!(cell(text, Cells::Raw), text);
        }
        for text in ["Where?", "a=b", "", " =x", "'quoted"] {
            assert_eq!(cell(text, Cells::Guarded), text);
        }
        let mut row = rows().remove(1);
        row.deck = "@deck".into();
        row.card = "-card".into();
        row.prompt = "=1+2".into();
        let write = |cells| csv(std::slice::from_ref(&row), cells);
        assert!(
            write(Cells::Guarded).contains("\n'@deck,'-card,'=1+2,new,"),
            "{}",
            write(Cells::Guarded)
        );
        assert!(write(Cells::Raw).contains("\n@deck,-card,=1+2,new,"));
    }

    #[test]
    fn empty_progress_csv_still_has_its_header() {
        assert_eq!(csv(&[], Cells::Guarded).lines().count(), 1);
    }

    #[test]
    fn progress_json_round_trips_with_the_learner() {
        let mut out = Vec::new();
        write_progress(
            &rows(),
            Format::Json,
            "2026-03-02T10:00:00Z",
            Some("Ana"),
            Cells::Guarded,
            &mut out,
        )
        .unwrap();
        let back: ProgressExport = serde_json::from_slice(&out).unwrap();
        assert_eq!(back.format, "recall-progress");
        assert_eq!(back.version, 1);
        assert_eq!(back.learner.as_deref(), Some("Ana"));
        assert_eq!(back.cards, rows());
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["cards"][1]["due"], serde_json::Value::Null);
        assert_eq!(v["cards"][0]["accuracy"], 0.8333);
    }

    fn answer(mode: &'static str) -> ReviewRow<'static> {
        ReviewRow {
            card_id: "rivers:danube",
            review_time: 1_772_445_600_000,
            review_rating: 3,
            review_state: Some(2),
            review_duration: 4_200,
            deck: Some("rivers"),
            card: Some("danube"),
            answer: "Black Sea",
            verdict: "correct",
            mode,
        }
    }

    #[test]
    fn review_csv_uses_the_fsrs_columns_first() {
        let mut w = ReviewWriter::new(Format::Csv, "x", Vec::new()).unwrap();
        w.write(&answer("study")).unwrap();
        w.write(&ReviewRow {
            card_id: "1711684180217",
            review_state: None,
            deck: None,
            card: None,
            answer: "",
            verdict: "",
            ..answer("external")
        })
        .unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(
            out,
            "card_id,review_time,review_rating,review_state,review_duration,deck,card,answer,\
             verdict,mode\n\
             rivers:danube,1772445600000,3,2,4200,rivers,danube,Black Sea,correct,study\n\
             1711684180217,1772445600000,3,,4200,,,,,external\n"
        );
    }

    #[test]
    fn review_json_is_one_document_with_one_answer_per_line() {
        let mut w = ReviewWriter::new(Format::Json, "2026-03-02T10:00:00Z", Vec::new()).unwrap();
        w.write(&answer("study")).unwrap();
        w.write(&answer("quiz")).unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(out.lines().count(), 4);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["format"], "recall-reviews");
        assert_eq!(v["reviews"][1]["mode"], "quiz");
        assert_eq!(v["reviews"][0]["review_time"], 1_772_445_600_000i64);
    }

    #[test]
    fn empty_review_json_is_valid() {
        let w = ReviewWriter::new(Format::Json, "t", Vec::new()).unwrap();
        let out = w.finish().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["reviews"], serde_json::json!([]));
    }

    #[test]
    fn fsrs_states_number_the_phase_before() {
        assert_eq!(fsrs_state(None), 0);
        assert_eq!(fsrs_state(Some(Phase::Relearning)), 3);
    }
}

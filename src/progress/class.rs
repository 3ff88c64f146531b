//! `recall class-report`: several learners' progress exports (JSON) of the same deck merged per
//! card, so an instructor sees which facts a class finds hardest: how many learners answered
//! each card, their accuracy and lapses, as an HTML page or CSV.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use super::export::{Cells, PROGRESS_FORMAT, ProgressExport, VERSION, cell};
use super::html::{Bar, escape, page, percent, row_chart};
use super::ratio;

/// The CSV columns, in order.
pub const CLASS_COLUMNS: [&str; 12] = [
    "deck",
    "card",
    "prompt",
    "learners",
    "reviewed_by",
    "reviews",
    "correct",
    "accuracy",
    "lapses",
    "learners_with_lapses",
    "question",
    "version",
];

/// How many of the hardest cards the HTML chart shows.
const CHART_CARDS: usize = 15;

/// Reads one learner's export, refusing anything that is not a recall progress export.
pub fn parse_export(bytes: &[u8]) -> Result<ProgressExport, String> {
    let doc: ProgressExport = serde_json::from_slice(bytes).map_err(|e| {
        format!(
            "not a recall progress export ({e}); make one with `recall export progress \
             --format json`"
        )
    })?;
    if doc.format != PROGRESS_FORMAT {
        return Err(format!(
            "format is \"{}\", not \"{PROGRESS_FORMAT}\"; make one with `recall export progress \
             --format json`",
            doc.format
        ));
    }
    if doc.version > VERSION {
        return Err(format!(
            "version {} was written by a newer recall (this one reads version {VERSION})",
            doc.version
        ));
    }
    Ok(doc)
}

/// One learner's answers to one card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub reviews: u32,
    pub correct: u32,
    pub lapses: u32,
}

/// One card across the class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassCard {
    pub deck: String,
    pub card: String,
    pub prompt: String,
    /// Learners whose export has the card.
    pub learners: u32,
    /// Learners who answered it at least once.
    pub reviewed_by: u32,
    pub reviews: u32,
    pub correct: u32,
    pub accuracy: Option<f64>,
    pub lapses: u32,
    pub learners_with_lapses: u32,
    /// The question version (`session::question_hash`) the row counts answers to: learners who
    /// answered different versions of a card are never pooled.
    pub question: Option<String>,
    /// "1 of 2" when the class answered more than one version of the card, else empty.
    pub version: String,
    /// Per learner, in the order of [`ClassReport::learners`]; `None` where the export lacks
    /// the card.
    #[serde(skip)]
    pub cells: Vec<Option<Cell>>,
}

/// The merged exports.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassReport {
    pub learners: Vec<String>,
    /// Hardest first: lowest accuracy (unanswered cards last), then most lapses.
    pub cards: Vec<ClassCard>,
    /// Things the instructor should know (e.g. exports of different decks).
    pub notes: Vec<String>,
}

/// Merges exports given with a fallback name each (the file name), used when an export has no
/// `learner`. Names that repeat get a number.
pub fn merge(exports: &[(String, ProgressExport)]) -> ClassReport {
    let mut learners: Vec<String> = Vec::new();
    for (fallback, doc) in exports {
        let base = doc
            .learner
            .clone()
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| fallback.clone());
        let mut name = base.clone();
        let mut n = 2;
        while learners.contains(&name) {
            name = format!("{base} ({n})");
            n += 1;
        }
        learners.push(name);
    }
    // The versions of each card's question the learners' progress is on, in order of
    // appearance. A learner who never answered a card has no version: they join the card's one
    // version when there is only one.
    let mut versions: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
    for (_, doc) in exports {
        for row in &doc.cards {
            let seen = versions.entry((&row.deck, &row.card)).or_default();
            if let Some(q) = row.question.as_deref()
                && !seen.contains(&q)
            {
                seen.push(q);
            }
        }
    }
    let mut index: HashMap<(String, String, Option<String>), usize> = HashMap::new();
    let mut cards: Vec<ClassCard> = Vec::new();
    let mut decks_per_export: Vec<BTreeSet<&str>> = Vec::new();
    for (l, (_, doc)) in exports.iter().enumerate() {
        decks_per_export.push(doc.cards.iter().map(|c| c.deck.as_str()).collect());
        for row in &doc.cards {
            let known = &versions[&(row.deck.as_str(), row.card.as_str())];
            let question = match (&row.question, known.as_slice()) {
                (Some(q), _) => Some(q.clone()),
                (None, [only]) => Some(only.to_string()),
                (None, _) => None,
            };
            let version = match known.iter().position(|q| Some(*q) == question.as_deref()) {
                Some(k) if known.len() > 1 => format!("{} of {}", k + 1, known.len()),
                None if known.len() > 1 => "unknown".to_string(),
                _ => String::new(),
            };
            let key = (row.deck.clone(), row.card.clone(), question.clone());
            let i = *index.entry(key).or_insert_with(|| {
                cards.push(ClassCard {
                    deck: row.deck.clone(),
                    card: row.card.clone(),
                    prompt: row.prompt.clone(),
                    learners: 0,
                    reviewed_by: 0,
                    reviews: 0,
                    correct: 0,
                    accuracy: None,
                    lapses: 0,
                    learners_with_lapses: 0,
                    question,
                    version,
                    cells: vec![None; exports.len()],
                });
                cards.len() - 1
            });
            let c = &mut cards[i];
            c.learners += 1;
            c.reviewed_by += u32::from(row.reviews > 0);
            c.reviews += row.reviews;
            c.correct += row.correct;
            c.lapses += row.lapses;
            c.learners_with_lapses += u32::from(row.lapses > 0);
            c.cells[l] = Some(Cell {
                reviews: row.reviews,
                correct: row.correct,
                lapses: row.lapses,
            });
        }
    }
    for c in &mut cards {
        c.accuracy = ratio(u64::from(c.correct), u64::from(c.reviews));
    }
    cards.sort_by(|a, b| {
        let key = |c: &ClassCard| c.accuracy.unwrap_or(f64::INFINITY);
        key(a)
            .total_cmp(&key(b))
            .then_with(|| b.lapses.cmp(&a.lapses))
            .then_with(|| (&a.deck, &a.card).cmp(&(&b.deck, &b.card)))
    });
    let mut notes = Vec::new();
    if let Some(first) = decks_per_export.first()
        && decks_per_export.iter().any(|d| d != first)
    {
        let all: BTreeSet<&str> = decks_per_export.iter().flatten().copied().collect();
        notes.push(format!(
            "the exports do not cover the same decks ({}); each card counts the learners whose \
             export has it",
            all.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    let mut changed: Vec<String> = versions
        .iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|((deck, card), _)| format!("{deck}/{card}"))
        .collect();
    if !changed.is_empty() {
        changed.sort();
        notes.push(format!(
            "{} card(s) were answered in more than one version of their question (the deck \
             changed between learners); each version has a row of its own: {}",
            changed.len(),
            changed.join(", ")
        ));
    }
    ClassReport {
        learners,
        cards,
        notes,
    }
}

/// One row per card, hardest first; text cells under `cells` (learners' files are untrusted,
/// so by default a cell a spreadsheet would run as a formula is guarded).
pub fn write_csv<W: Write + ?Sized>(
    report: &ClassReport,
    cells: Cells,
    w: &mut W,
) -> io::Result<()> {
    let mut csv = csv::WriterBuilder::new().has_headers(false).from_writer(w);
    let to_io = |e: csv::Error| io::Error::other(e.to_string());
    csv.write_record(CLASS_COLUMNS).map_err(to_io)?;
    for c in &report.cards {
        let text = |t: &str| cell(t, cells).into_owned();
        let c = ClassCard {
            deck: text(&c.deck),
            card: text(&c.card),
            prompt: text(&c.prompt),
            cells: Vec::new(),
            ..c.clone()
        };
        csv.serialize(c).map_err(to_io)?;
    }
    csv.flush()
}

/// The page: a chart of the hardest cards, then every card with each learner's numbers.
pub fn render_html(report: &ClassReport) -> String {
    let mut b = String::new();
    let n = report.learners.len();
    let _ = writeln!(b, "<h1>Class report</h1>");
    let names: Vec<String> = report.learners.iter().map(|l| escape(l)).collect();
    let _ = writeln!(
        b,
        "<p class=\"meta\">{n} learner{}: {}; {} cards.</p>",
        if n == 1 { "" } else { "s" },
        names.join(", "),
        report.cards.len()
    );
    for note in &report.notes {
        let _ = writeln!(b, "<p class=\"note\">Note: {}.</p>", escape(note));
    }
    let _ = writeln!(
        b,
        "<h2>Hardest cards</h2>\n<p class=\"note\">The share of wrong answers across the \
         class, for the {CHART_CARDS} cards with the lowest accuracy.</p>"
    );
    let hardest: Vec<&ClassCard> = report
        .cards
        .iter()
        .filter(|c| c.reviews > 0)
        .take(CHART_CARDS)
        .collect();
    if hardest.is_empty() {
        let _ = writeln!(b, "<p class=\"note\">No answers yet.</p>");
    }
    let bars: Vec<Bar> = hardest
        .iter()
        .map(|c| {
            let wrong = 1.0 - c.accuracy.unwrap_or(1.0);
            Bar::new(
                format!("{}/{}", c.deck, c.card),
                wrong,
                format!("{}: {} wrong", c.prompt, percent(wrong)),
            )
        })
        .collect();
    let texts: Vec<String> = hardest
        .iter()
        .map(|c| {
            format!(
                "{} right, {} lapses",
                c.accuracy.map_or("-".to_string(), percent),
                c.lapses
            )
        })
        .collect();
    b.push_str(&row_chart("class-hardest", &bars, Some(1.0), &texts));

    let _ = writeln!(
        b,
        "<h2>Every card</h2>\n<p class=\"note\">Per learner: accuracy (answers, lapses).</p>"
    );
    b.push_str(
        "<table>\n<tr><th>card</th><th>question</th><th class=\"num\">answered by</th>\
         <th class=\"num\">accuracy</th><th class=\"num\">lapses</th>",
    );
    for name in &names {
        let _ = write!(b, "<th class=\"num\">{name}</th>");
    }
    b.push_str("</tr>\n");
    for c in &report.cards {
        let _ = write!(
            b,
            "<tr><td>{}/{}</td><td>{}</td><td class=\"num\">{} of {n}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td>",
            escape(&c.deck),
            escape(&c.card),
            if c.version.is_empty() {
                escape(&c.prompt)
            } else {
                format!("{} (version {})", escape(&c.prompt), escape(&c.version))
            },
            c.reviewed_by,
            c.accuracy.map_or("-".to_string(), percent),
            c.lapses
        );
        for cell in &c.cells {
            let text = match cell {
                None => "".to_string(),
                Some(x) if x.reviews == 0 => "-".to_string(),
                Some(x) => format!(
                    "{} ({}, {})",
                    percent(f64::from(x.correct) / f64::from(x.reviews)),
                    x.reviews,
                    x.lapses
                ),
            };
            let _ = write!(b, "<td class=\"num\">{text}</td>");
        }
        b.push_str("</tr>\n");
    }
    b.push_str("</table>\n");
    page("Class report", &b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::export::ProgressRow;

    fn row(card: &str, reviews: u32, correct: u32, lapses: u32) -> ProgressRow {
        ProgressRow {
            deck: "rivers".into(),
            card: card.into(),
            prompt: format!("<{card}>"),
            state: "review".into(),
            due: None,
            stability: None,
            difficulty: None,
            retrievability: None,
            reps: reviews,
            lapses,
            last_review: None,
            reviews,
            correct,
            accuracy: None,
            question: (reviews > 0).then(|| "v1".to_string()),
        }
    }

    fn export(learner: Option<&str>, cards: Vec<ProgressRow>) -> ProgressExport {
        ProgressExport {
            format: PROGRESS_FORMAT.into(),
            version: 1,
            exported_at: "2026-03-02T10:00:00Z".into(),
            learner: learner.map(str::to_string),
            cards,
        }
    }

    fn class() -> ClassReport {
        merge(&[
            (
                "a.json".into(),
                export(
                    Some("Ana"),
                    vec![
                        row("danube", 4, 3, 1),
                        row("rhine", 2, 2, 0),
                        row("po", 0, 0, 0),
                    ],
                ),
            ),
            (
                "b.json".into(),
                export(None, vec![row("danube", 4, 1, 2), row("rhine", 0, 0, 0)]),
            ),
            (
                "c.json".into(),
                export(Some("Ana"), vec![row("rhine", 3, 3, 0)]),
            ),
        ])
    }

    #[test]
    fn learners_are_named_by_export_then_file_and_kept_apart() {
        assert_eq!(class().learners, ["Ana", "b.json", "Ana (2)"]);
    }

    #[test]
    fn cards_are_merged_hardest_first() {
        let c = class();
        let summary: Vec<_> = c
            .cards
            .iter()
            .map(|c| {
                (
                    c.card.as_str(),
                    c.learners,
                    c.reviewed_by,
                    c.accuracy,
                    c.lapses,
                    c.learners_with_lapses,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("danube", 2, 2, Some(0.5), 3, 2),
                ("rhine", 3, 2, Some(1.0), 0, 0),
                ("po", 1, 0, None, 0, 0),
            ]
        );
        assert_eq!(
            c.cards[1].cells,
            [
                Some(Cell {
                    reviews: 2,
                    correct: 2,
                    lapses: 0
                }),
                Some(Cell {
                    reviews: 0,
                    correct: 0,
                    lapses: 0
                }),
                Some(Cell {
                    reviews: 3,
                    correct: 3,
                    lapses: 0
                }),
            ]
        );
    }

    #[test]
    fn answers_to_different_versions_of_a_question_are_not_pooled() {
        let reworded = |mut r: ProgressRow| {
            r.question = Some("v2".into());
            r.prompt = "<nile, reworded>".into();
            r
        };
        let report = merge(&[
            (
                "a.json".into(),
                export(Some("Ann"), vec![row("nile", 4, 4, 0)]),
            ),
            (
                "b.json".into(),
                export(Some("Bo"), vec![reworded(row("nile", 2, 0, 1))]),
            ),
            (
                "c.json".into(),
                export(Some("Cy"), vec![row("nile", 0, 0, 0)]),
            ),
        ]);
        let rows: Vec<(&str, u32, u32, &str, &str)> = report
            .cards
            .iter()
            .map(|c| {
                (
                    c.prompt.as_str(),
                    c.learners,
                    c.reviews,
                    c.question.as_deref().unwrap_or(""),
                    c.version.as_str(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                ("<nile, reworded>", 1, 2, "v2", "2 of 2"),
                ("<nile>", 1, 4, "v1", "1 of 2"),
                ("<nile>", 1, 0, "", "unknown"),
            ]
        );
        assert_eq!(
            report.notes,
            vec![
                "1 card(s) were answered in more than one version of their question (the deck \
                 changed between learners); each version has a row of its own: rivers/nile"
            ]
        );
        assert!(render_html(&report).contains("&lt;nile&gt; (version 1 of 2)"));
        // One version: a learner who never answered joins it.
        let one = merge(&[
            (
                "a.json".into(),
                export(Some("Ann"), vec![row("nile", 4, 4, 0)]),
            ),
            (
                "c.json".into(),
                export(Some("Cy"), vec![row("nile", 0, 0, 0)]),
            ),
        ]);
        assert_eq!(one.cards.len(), 1);
        assert_eq!(one.cards[0].learners, 2);
        assert_eq!(one.cards[0].version, "");
    }

    #[test]
    fn csv_has_one_row_per_card() {
        let mut out = Vec::new();
        write_csv(&class(), Cells::Guarded, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "deck,card,prompt,learners,reviewed_by,reviews,correct,accuracy,lapses,\
             learners_with_lapses,question,version"
        );
        assert_eq!(lines[1], "rivers,danube,<danube>,2,2,8,4,0.5,3,2,v1,");
        assert_eq!(lines[3], "rivers,po,<po>,1,0,0,0,,0,0,,");
    }

    #[test]
    fn html_escapes_names_and_prompts() {
        let mut report = class();
        report.learners[0] = "<script>x</script>".into();
        let html = render_html(&report);
        assert!(!html.contains("<script"));
        assert!(html.contains("&lt;danube&gt;"));
        assert!(html.contains("<svg class=\"chart\" id=\"class-hardest\""));
        assert!(html.contains("<td class=\"num\">75% (4, 1)</td>"));
    }

    #[test]
    fn other_json_is_refused_with_advice() {
        assert_eq!(
            parse_export(br#"{"format":"recall-reviews","version":1,"exported_at":"","cards":[]}"#)
                .unwrap_err(),
            "format is \"recall-reviews\", not \"recall-progress\"; make one with `recall export \
             progress --format json`"
        );
        let err = parse_export(b"[1, 2]").unwrap_err();
        assert!(
            err.ends_with(
                "at line 1 column 2); make one with `recall export progress --format json`"
            ),
            "{err}"
        );
    }

    #[test]
    fn different_decks_are_noted() {
        let mut other = row("x", 1, 1, 0);
        other.deck = "lakes".into();
        let r = merge(&[
            ("a".into(), export(None, vec![row("danube", 1, 1, 0)])),
            ("b".into(), export(None, vec![other])),
        ]);
        assert_eq!(
            r.notes,
            [
                "the exports do not cover the same decks (lakes, rivers); each card counts the \
              learners whose export has it"
            ]
        );
    }
}

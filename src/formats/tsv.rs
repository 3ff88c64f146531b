//! Delimited text as Quizlet and Anki export it: one card per row, front and back, optionally a
//! tags column. Anki's header lines (`#separator:tab`, `#html:true`, `#tags column:3`, ...) are
//! honoured; a first row of column names ("Front", "Back", "Tags") is recognised and skipped.
//! Every imported card is `basic` (self-graded), except Anki cloze text, which becomes cloze cards.

use std::io::{self, Write};

use crate::deck::{Card, CardId, Deck, Kind, Shared, Span, Tags, Text};
use crate::formats::ids::{IdSet, content_id};
use crate::formats::lines::{LineCounter, line_breaks};
use crate::formats::{FormatError, Imported, apkg, html, spell};

/// Read CSV or TSV text into cards. Never fails as a whole: rows it cannot use are reported.
pub fn read(text: &str) -> Imported {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (meta, body_start, meta_lines) = read_meta(text);
    let body = &text[body_start..];
    let delimiter = meta.delimiter.unwrap_or_else(|| guess_delimiter(body));

    let mut out = Imported::default();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(body.as_bytes());
    let mut lines = LineCounter::new(body.as_bytes());
    let mut rows: Vec<(usize, usize, csv::StringRecord)> = Vec::new();
    for result in reader.records() {
        match result {
            Ok(record) => {
                let pos = record.position().expect("csv records carry their position");
                let start = lines.record_start(pos.byte() as usize);
                rows.push((lines.line_at(start) as usize + meta_lines, start, record));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| {
                    lines.line_at(p.byte() as usize) as usize + meta_lines
                });
                out.errors
                    .push(FormatError::new(line, format!("unreadable row: {e}")));
            }
        }
    }

    let mut columns = Columns::from_meta(&meta);
    let mut first = 0;
    if meta.columns.is_none()
        && let Some((_, _, record)) = rows.first()
        && let Some(labelled) = Columns::from_header(record, &meta)
    {
        columns = labelled;
        first = 1;
    }
    let is_html = meta.html.unwrap_or_else(|| {
        rows.iter()
            .flat_map(|(_, _, r)| r.iter())
            .any(html::looks_like_html)
    });

    let mut ids = IdSet::new();
    for (i, (line, start, record)) in rows.iter().enumerate().skip(first) {
        let end = rows.get(i + 1).map_or(body.len(), |next| next.1);
        if let Some((offset, message)) = check_quoting(&body.as_bytes()[*start..end], delimiter) {
            out.errors.push(FormatError::new(line + offset, message));
            continue;
        }
        match row_to_cards(record, &columns, is_html, &meta.tags, &mut ids) {
            Ok(cards) => out.cards.extend(cards),
            Err(message) => out.errors.push(FormatError::new(*line, message)),
        }
    }
    out
}

/// How the exported text should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Tab-separated with Anki's header lines and a tags column; fields quoted when needed.
    Anki,
    /// Front and back separated by a tab, one card per line, no quoting: what Quizlet's import box
    /// expects. Line breaks inside a side become " / ".
    Plain,
}

/// Write every card of the deck (generated ones included) as front and back rows.
pub fn write(deck: &Deck, dialect: Dialect, out: &mut dyn Write) -> io::Result<()> {
    match dialect {
        Dialect::Anki => {
            // The column names are declared, so a first card reading "Front" / "Back" is not
            // taken for a header row when the file is read back.
            out.write_all(
                b"#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n#tags column:3\n",
            )?;
            // '#' starts a comment line for the reader (and for Anki), so a field holding one
            // is quoted: a front like "#1 hit" must not vanish as a comment.
            let mut writer = csv::WriterBuilder::new()
                .delimiter(b'\t')
                .quote_style(csv::QuoteStyle::Necessary)
                .comment(Some(b'#'))
                .from_writer(out);
            for card in &deck.cards {
                let (front, back) = front_back(card);
                let tags: Vec<String> = card.tags.iter().map(|t| t.replace(' ', "_")).collect();
                writer.write_record([front.as_str(), back.as_str(), tags.join(" ").as_str()])?;
            }
            writer.flush()?;
        }
        Dialect::Plain => {
            for card in &deck.cards {
                let (front, back) = front_back(card);
                writeln!(out, "{}\t{}", one_line(&front), one_line(&back))?;
            }
        }
    }
    Ok(())
}

/// The spelled-out card, with its explanation after the answer (these tools have no place of
/// their own for it).
fn front_back(card: &Card) -> (String, String) {
    let (front, mut back) = spell::front_back(card);
    if let Some(explain) = &card.explain {
        back.push_str("\n\n");
        back.push_str(explain);
    }
    (front, back)
}

fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
        .replace('\t', " ")
}

/// What Anki's header lines said.
#[derive(Debug, Default)]
struct Meta {
    delimiter: Option<u8>,
    html: Option<bool>,
    tags: Vec<String>,
    columns: Option<Vec<String>>,
    /// 1-based column numbers, as Anki writes them.
    tags_column: Option<usize>,
    other_meta_columns: Vec<usize>,
}

/// Header lines at the top of the file: each `#key:value`, or `tags:` on the first line. Returns
/// the metadata, the byte offset where rows begin, and how many lines the header took.
fn read_meta(text: &str) -> (Meta, usize, usize) {
    let mut meta = Meta::default();
    let mut offset = 0;
    let mut lines = 0;
    let mut columns_raw = None;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if lines == 0
            && let Some(tags) = content.strip_prefix("tags:")
        {
            meta.tags = tags.split_whitespace().map(String::from).collect();
        } else if let Some(rest) = content.strip_prefix('#') {
            if let Some((key, value)) = rest.split_once(':') {
                let n = value.trim().parse::<usize>().ok().filter(|&n| n > 0);
                match key.trim().to_ascii_lowercase().as_str() {
                    "separator" => meta.delimiter = delimiter_named(value),
                    "html" => meta.html = value.trim().to_ascii_lowercase().parse().ok(),
                    "tags" => meta.tags = value.split_whitespace().map(String::from).collect(),
                    "columns" => columns_raw = Some(value.to_string()),
                    "tags column" => meta.tags_column = n,
                    "guid column" | "deck column" | "notetype column" => {
                        meta.other_meta_columns.extend(n)
                    }
                    _ => {}
                }
            }
        } else {
            break;
        }
        offset += line.len();
        lines += 1;
    }
    // The column names use the separator, which may be declared after them.
    if let Some(raw) = columns_raw {
        let delimiter = meta.delimiter.unwrap_or_else(|| guess_delimiter(&raw));
        meta.columns = Some(
            raw.split(delimiter as char)
                .map(|s| s.trim().to_string())
                .collect(),
        );
    }
    (meta, offset, lines)
}

fn delimiter_named(value: &str) -> Option<u8> {
    let trimmed = value.trim().to_ascii_lowercase();
    match trimmed.as_str() {
        "tab" => Some(b'\t'),
        "comma" => Some(b','),
        "semicolon" => Some(b';'),
        "space" => Some(b' '),
        "pipe" => Some(b'|'),
        "colon" => Some(b':'),
        _ => match value.as_bytes() {
            [b] if b",;\t |:".contains(b) => Some(*b),
            _ => None,
        },
    }
}

/// Tab if the first row has one (Quizlet's and Anki's default), else comma or semicolon,
/// whichever the first row has more of.
fn guess_delimiter(body: &str) -> u8 {
    let first = body
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    if first.contains('\t') {
        return b'\t';
    }
    let commas = first.matches(',').count();
    let semicolons = first.matches(';').count();
    if semicolons > commas {
        b';'
    } else if commas > 0 {
        b','
    } else {
        b'\t'
    }
}

/// Which 0-based columns hold the front, the back and the tags.
#[derive(Debug, Clone, PartialEq)]
struct Columns {
    front: usize,
    back: Option<usize>,
    tags: Option<usize>,
    skip: Vec<usize>,
}

const FRONT_NAMES: &[&str] = &["front", "term", "question", "word", "prompt", "text", "q"];
const BACK_NAMES: &[&str] = &["back", "definition", "answer", "meaning", "back extra", "a"];

impl Columns {
    /// By position: the first two columns that are not metadata, tags from `#tags column` or
    /// else the column after them (as Anki assumes).
    fn from_meta(meta: &Meta) -> Columns {
        let mut skip: Vec<usize> = meta.other_meta_columns.iter().map(|n| n - 1).collect();
        let tags = meta.tags_column.map(|n| n - 1);
        if let Some(names) = &meta.columns
            && let Some(labelled) = Columns::from_labels(names, &skip)
        {
            return labelled;
        }
        skip.extend(tags);
        let mut free = (0..).filter(|i| !skip.contains(i));
        let front = free.next().unwrap_or(0);
        let back = free.next();
        let tags = tags.or_else(|| free.next());
        Columns {
            front,
            back,
            tags,
            skip,
        }
    }

    /// From a first row of column names, if it is one.
    fn from_header(record: &csv::StringRecord, meta: &Meta) -> Option<Columns> {
        let names: Vec<String> = record.iter().map(|s| s.trim().to_string()).collect();
        let skip: Vec<usize> = meta.other_meta_columns.iter().map(|n| n - 1).collect();
        let mut columns = Columns::from_labels(&names, &skip)?;
        if let Some(n) = meta.tags_column {
            columns.tags = Some(n - 1);
        }
        Some(columns)
    }

    fn from_labels(names: &[String], skip: &[usize]) -> Option<Columns> {
        let find = |set: &[&str]| {
            names
                .iter()
                .position(|n| set.contains(&n.to_lowercase().as_str()))
        };
        let front = find(FRONT_NAMES)?;
        let back = find(BACK_NAMES)?;
        let tags = find(&["tags", "tag"]);
        Some(Columns {
            front,
            back: Some(back),
            tags,
            skip: skip.to_vec(),
        })
    }
}

fn row_to_cards(
    record: &csv::StringRecord,
    columns: &Columns,
    is_html: bool,
    global_tags: &[String],
    ids: &mut IdSet,
) -> Result<Vec<Card>, String> {
    let field = |i: usize| {
        let raw = record.get(i).unwrap_or("");
        if is_html {
            html::to_text(raw)
        } else {
            raw.trim().to_string()
        }
    };
    let front = field(columns.front);
    let back = columns.back.map(field).unwrap_or_default();
    if front.is_empty() {
        return Err("the front is empty".into());
    }
    let mut tags: Vec<String> = global_tags.to_vec();
    if let Some(i) = columns.tags {
        tags.extend(
            record
                .get(i)
                .unwrap_or("")
                .split_whitespace()
                .map(String::from),
        );
    }
    if apkg::has_anki_cloze(&front) {
        let mut cards = apkg::cloze_cards(&front, &content_id(&front), ids);
        let tags = Tags::from_iter(tags.into_iter().map(Text::from));
        let explain = Some(back).filter(|b| !b.is_empty()).map(Shared::from);
        for card in &mut cards {
            card.tags = tags.clone();
            card.explain = explain.clone();
        }
        return Ok(cards);
    }
    if columns.back.is_none_or(|i| i >= record.len()) {
        return Err(format!(
            "expected a front and a back separated by the delimiter, found {} field",
            record.len()
        ));
    }
    if back.is_empty() {
        return Err("the back is empty".into());
    }
    Ok(vec![Card {
        id: CardId(ids.unique(content_id(&front)).into()),
        kind: Kind::Basic { back: back.into() },
        prompt: front.into(),
        tags: tags.into_iter().map(Text::from).collect(),
        explain: None,
        source: None,
        fact: None,
        span: Span::default(),
        checking: Default::default(),
    }])
}

/// Check one raw row's quoting as RFC 4180 has it (the csv crate accepts anything). Returns the
/// line offset within the row and what is wrong.
fn check_quoting(raw: &[u8], delimiter: u8) -> Option<(usize, String)> {
    if !raw.contains(&b'"') {
        return None;
    }
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut line = 0;
    let mut opened_at = 0;
    for (i, &b) in raw.iter().enumerate() {
        state = match (state, b) {
            (State::FieldStart, b'"') => {
                opened_at = line;
                State::Quoted
            }
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b) if b == delimiter => State::FieldStart,
            (State::QuoteInQuoted, b'\n' | b'\r') => State::FieldStart,
            (State::QuoteInQuoted, _) => {
                return Some((line, "unexpected text after a closing quote (write \"\" for a quote inside a quoted field)".into()));
            }
            (_, b) if b == delimiter => State::FieldStart,
            (_, b'\n' | b'\r') => State::FieldStart,
            (_, _) => State::Unquoted,
        };
        line += line_breaks(raw, i, i + 1) as usize;
    }
    if state == State::Quoted {
        return Some((opened_at, "a quoted field is never closed".into()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fronts_backs(imported: &Imported) -> Vec<(String, String)> {
        imported
            .cards
            .iter()
            .map(|c| match &c.kind {
                Kind::Basic { back } => (c.prompt.to_string(), back.to_string()),
                other => (c.prompt.to_string(), other.name().to_string()),
            })
            .collect()
    }

    #[test]
    fn quizlet_tab_rows_become_basic_cards() {
        let got = read("Mercury\tclosest planet to the Sun\nNeptune\tfarthest planet\n");
        assert_eq!(got.errors, vec![]);
        assert_eq!(
            fronts_backs(&got),
            vec![
                ("Mercury".into(), "closest planet to the Sun".into()),
                ("Neptune".into(), "farthest planet".into())
            ]
        );
    }

    #[test]
    fn ids_are_slug_and_hash_of_the_front() {
        let got = read("Red planet?\tMars\n");
        assert_eq!(got.cards[0].id.as_str(), content_id("Red planet?"));
        assert!(got.cards[0].id.as_str().starts_with("red-planet-"));
    }

    #[test]
    fn repeated_fronts_get_distinct_ids() {
        let got = read("Io\tmoon of Jupiter\nIo\ta Greek priestess\n");
        let ids: Vec<&str> = got.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![content_id("Io"), format!("{}-2", content_id("Io"))]
        );
    }

    #[test]
    fn comma_separated_with_header_row_and_quotes() {
        let got = read(
            "Term,Definition\n\"Ceres, the dwarf planet\",\"lies in the \"\"main\"\" belt\"\n",
        );
        assert_eq!(got.errors, vec![]);
        assert_eq!(
            fronts_backs(&got),
            vec![(
                "Ceres, the dwarf planet".into(),
                "lies in the \"main\" belt".into()
            )]
        );
    }

    #[test]
    fn header_row_names_the_tags_column() {
        let got = read("tags;front;back\nspace moons;Io;Jupiter\n");
        assert_eq!(got.cards[0].prompt, "Io");
        assert_eq!(
            got.cards[0].tags.to_vec(),
            vec!["space".to_string(), "moons".to_string()]
        );
    }

    #[test]
    fn anki_headers_are_honoured() {
        let text = "#separator:tab\n#html:true\n#tags column:3\n\
                    <b>Mars</b>\tthe <i>red</i> planet<br>fourth from the Sun\tplanets rocky\n";
        let got = read(text);
        assert_eq!(got.errors, vec![]);
        assert_eq!(got.cards[0].prompt, "Mars");
        assert_eq!(
            got.cards[0].kind,
            Kind::Basic {
                back: "the red planet\nfourth from the Sun".into()
            }
        );
        assert_eq!(
            got.cards[0].tags.to_vec(),
            vec!["planets".to_string(), "rocky".to_string()]
        );
    }

    #[test]
    fn html_off_keeps_markup_as_text() {
        let got = read("#separator:Comma\n#html:false\na<b>,x &amp; y\n");
        assert_eq!(
            fronts_backs(&got),
            vec![("a<b>".into(), "x &amp; y".into())]
        );
    }

    #[test]
    fn anki_guid_and_notetype_columns_are_skipped() {
        let text = "#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n#tags column:5\n\
                    abc123\tBasic\tVenus\thottest planet\tplanets\n";
        let got = read(text);
        assert_eq!(
            fronts_backs(&got),
            vec![("Venus".into(), "hottest planet".into())]
        );
        assert_eq!(got.cards[0].tags.to_vec(), vec!["planets".to_string()]);
    }

    #[test]
    fn global_tags_line_applies_to_every_card() {
        let got = read("#separator:tab\n#tags:astro basics\nSun\ta star\n");
        assert_eq!(
            got.cards[0].tags.to_vec(),
            vec!["astro".to_string(), "basics".to_string()]
        );
    }

    #[test]
    fn anki_cloze_text_becomes_cloze_cards() {
        let got =
            read("#separator:tab\n#html:true\n{{c1::Titan}} orbits {{c2::Saturn}}.\tbig moon\n");
        assert_eq!(got.errors, vec![]);
        assert_eq!(got.cards.len(), 2);
        assert_eq!(got.cards[0].kind.name(), "cloze");
        assert_eq!(got.cards[0].explain.as_deref(), Some("big moon"));
    }

    #[test]
    fn a_row_without_back_is_reported_with_its_line() {
        let got = read("Sun\ta star\nlonely front\nMoon\tsatellite\n");
        assert_eq!(got.cards.len(), 2);
        assert_eq!(
            got.errors,
            vec![FormatError::new(
                2,
                "expected a front and a back separated by the delimiter, found 1 field"
            )]
        );
    }

    #[test]
    fn text_after_a_closing_quote_is_an_error() {
        let got = read("a,b\n\"bad\"x,y\nc,d\n");
        assert_eq!(got.cards.len(), 2);
        assert_eq!(got.errors.len(), 1);
        assert_eq!(got.errors[0].line, 2);
        assert!(
            got.errors[0]
                .message
                .starts_with("unexpected text after a closing quote")
        );
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let got = read("a\tb\nc\t\"never closed\nd\te\n");
        assert_eq!(got.cards.len(), 1);
        assert_eq!(
            got.errors,
            vec![FormatError::new(2, "a quoted field is never closed")]
        );
    }

    #[test]
    fn line_numbers_count_header_lines_and_multiline_fields() {
        let got = read("#separator:tab\n#html:false\n\"two\nlines\"\tok\nbroken\n");
        assert_eq!(got.cards.len(), 1);
        assert_eq!(got.errors[0].line, 5);
    }

    #[test]
    fn line_numbers_are_right_with_windows_and_old_mac_line_ends() {
        let rows = |end: &str| format!("a\tb{end}lonely{end}\"two{end}lines\"\tc{end}bad");
        let lines =
            |text: &str| -> Vec<usize> { read(text).errors.iter().map(|e| e.line).collect() };
        assert_eq!(
            lines(&format!("#separator:tab\r\n{}", rows("\r\n"))),
            vec![3, 6]
        );
        assert_eq!(lines(&rows("\r")), vec![2, 5]);
    }

    #[test]
    fn empty_front_is_an_error() {
        let got = read("\tback only\n");
        assert_eq!(got.errors, vec![FormatError::new(1, "the front is empty")]);
    }

    #[test]
    fn anki_dialect_writes_headers_and_quotes_multiline_fields() {
        let deck = Deck {
            cards: vec![Card {
                tags: vec!["solar system".into()].into(),
                ..Card::new("q", Kind::TrueFalse { answer: true }, "The Sun is a star.")
            }],
            ..Deck::default()
        };
        let mut out = Vec::new();
        write(&deck, Dialect::Anki, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n#tags column:3\n\"The Sun is a star.\n(true or false?)\"\tTrue\tsolar_system\n"
        );
    }

    #[test]
    fn anki_dialect_quotes_a_front_starting_with_a_hash() {
        let deck = Deck {
            cards: vec![Card::new(
                "q",
                Kind::Basic {
                    back: "Hey Jude".into(),
                },
                "#1 in 1968?",
            )],
            ..Deck::default()
        };
        let mut out = Vec::new();
        write(&deck, Dialect::Anki, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n#tags column:3\n\"#1 in 1968?\"\tHey Jude\t\n"
        );
        assert_eq!(
            fronts_backs(&read(&text)),
            vec![("#1 in 1968?".into(), "Hey Jude".into())]
        );
    }

    #[test]
    fn anki_dialect_keeps_a_first_card_that_reads_like_column_names() {
        let deck = Deck {
            cards: vec![
                Card::new(
                    "f",
                    Kind::Basic {
                        back: "Back".into(),
                    },
                    "Front",
                ),
                Card::new(
                    "t",
                    Kind::Basic {
                        back: "Definition".into(),
                    },
                    "Term",
                ),
            ],
            ..Deck::default()
        };
        let mut out = Vec::new();
        write(&deck, Dialect::Anki, &mut out).unwrap();
        assert_eq!(
            fronts_backs(&read(&String::from_utf8(out).unwrap())),
            vec![
                ("Front".into(), "Back".into()),
                ("Term".into(), "Definition".into())
            ]
        );
    }

    #[test]
    fn plain_dialect_is_one_line_per_card() {
        let deck = Deck {
            cards: vec![Card::new(
                "q",
                Kind::TrueFalse { answer: false },
                "Pluto is a planet.",
            )],
            ..Deck::default()
        };
        let mut out = Vec::new();
        write(&deck, Dialect::Plain, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Pluto is a planet. / (true or false?)\tFalse\n"
        );
    }

    #[test]
    fn ten_thousand_rows_read_quickly() {
        let mut text = String::from("#separator:tab\n#html:false\n");
        for i in 0..10_000 {
            text.push_str(&format!("question number {i}\tanswer {i}\ttag{}\n", i % 7));
        }
        let start = std::time::Instant::now();
        let got = read(&text);
        let took = start.elapsed();
        assert_eq!(got.cards.len(), 10_000);
        assert!(got.errors.is_empty());
        // Generous for an unoptimised test build; a release build takes a few milliseconds.
        assert!(took.as_millis() < 2_000, "took {took:?}");
    }
}

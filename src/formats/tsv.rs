//! Delimited text as spreadsheets, Quizlet and Anki write it: one card per row. Columns are
//! found by their header names, in any order, with the aliases in [`COLUMN_NAMES`] (Front,
//! Question, Prompt; Back, Answer; Explanation, Notes; Source; Id; Tags; ...), or by Anki's
//! header lines (`#separator:tab`, `#html:true`, `#columns:...`, `#tags column:3`,
//! `#guid column:1`, ...), or given by the caller (`--columns`); without any of those the first
//! two columns are front and back and a third holds tags. Every column that is not used is named
//! in a warning.
//!
//! Every imported card is `basic` (self-graded), except Anki cloze text, which becomes cloze
//! cards. An `id` column gives cards their ids, so a question reworded in the sheet keeps the
//! learner's progress; otherwise ids come from the front's text.
//!
//! Rows are read one at a time: a million-row file costs its text and its cards, nothing more.

use std::io::{self, Write};

use crate::deck::{Card, Deck, Kind, Shared, TagLists, Text};
use crate::formats::ids::{IdSet, content_id, sanitize, short_hash};
use crate::formats::lines::{LineCounter, line_breaks};
use crate::formats::{FormatError, Imported, apkg, html, spell};

/// What a column of a spreadsheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Front,
    Back,
    Explain,
    Source,
    Id,
    Tags,
    /// An Anki note GUID (Anki's `#guid column`): ids as an Anki package import gives them.
    Guid,
}

/// Header names (compared without case) for each column: a rule per row, tested below.
pub const COLUMN_NAMES: &[(Column, &[&str])] = &[
    (
        Column::Front,
        &["front", "question", "prompt", "term", "word", "text", "q"],
    ),
    (
        Column::Back,
        &["back", "answer", "definition", "meaning", "a"],
    ),
    (
        Column::Explain,
        &[
            "explanation",
            "explain",
            "notes",
            "note",
            "extra",
            "back extra",
            "comment",
            "comments",
        ],
    ),
    (Column::Source, &["source", "reference", "ref", "citation"]),
    (Column::Id, &["id", "card id", "card_id", "key"]),
    (Column::Tags, &["tags", "tag"]),
    (Column::Guid, &["guid", "note guid"]),
];

impl Column {
    /// The column a header name stands for.
    pub fn named(name: &str) -> Option<Column> {
        let name = name.trim().to_lowercase();
        COLUMN_NAMES
            .iter()
            .find(|(_, names)| names.contains(&name.as_str()))
            .map(|(column, _)| *column)
    }
}

/// Columns given by the user (`--columns front,back,-,explain`): a name or alias from
/// [`COLUMN_NAMES`] for each column in order, `-` (or `skip`, or nothing) for one to leave out.
pub fn parse_columns(spec: &str) -> Result<Vec<Option<Column>>, String> {
    let columns: Vec<Option<Column>> = spec
        .split(',')
        .map(|name| match name.trim() {
            "" | "-" | "skip" => Ok(None),
            name => Column::named(name).map(Some).ok_or_else(|| {
                format!(
                    "unknown column `{name}`; use front, back, explanation, source, id, tags, \
                     guid, or - to skip one"
                )
            }),
        })
        .collect::<Result<_, _>>()?;
    if !columns.contains(&Some(Column::Front)) {
        return Err("--columns needs a front column".into());
    }
    Ok(columns)
}

/// How to read a file beyond what it says itself.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The role of each column, in order (`--columns`), over any header.
    pub columns: Option<Vec<Option<Column>>>,
}

/// Read CSV or TSV text into cards. Never fails as a whole: rows it cannot use are reported.
pub fn read(text: &str) -> Imported {
    read_with(text, &Options::default())
}

/// [`read`], with the caller's column roles.
pub fn read_with(text: &str, options: &Options) -> Imported {
    let mut cards = Vec::new();
    let mut out = read_each(text, options, &mut |card| cards.push(card));
    out.cards = cards;
    out
}

/// [`read_with`], handing each card to `each` as its row is read rather than keeping them:
/// the returned `Imported` holds the problems, the title and the id, and no cards.
pub fn read_each(text: &str, options: &Options, each: &mut dyn FnMut(Card)) -> Imported {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (meta, body_start, meta_lines) = read_meta(text);
    let body = &text[body_start..];
    let delimiter = meta.delimiter.unwrap_or_else(|| guess_delimiter(body));
    // A row of megabytes (a quote never closed takes the rest of the file) would be held
    // several times over by the csv reader: such rows are found first, in one pass that keeps
    // nothing, reported, and the parts of the file between them read.
    let bytes = body.as_bytes();
    let big = oversized_rows(bytes, delimiter, MAX_ROW_BYTES);
    let mut parts = Vec::with_capacity(big.len() + 1);
    let mut from = (0, 0);
    for b in &big {
        parts.push((from.0, b.start, from.1));
        from = (b.end, b.end_line);
    }
    parts.push((from.0, bytes.len(), from.1));
    let reader = |(start, end, _): (usize, usize, usize)| {
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(&bytes[start..end])
    };
    // Anki decides for the whole file whether fields are HTML; so does recall, in a first pass
    // that keeps nothing.
    let is_html = meta.html.unwrap_or_else(|| {
        parts.iter().any(|&part| {
            reader(part)
                .records()
                .flatten()
                .any(|r| r.iter().any(html::looks_like_html))
        })
    });

    let mut rows = Rows {
        each,
        tag_lists: TagLists::default(),
        out: Imported::default(),
        layout: None,
        meta: &meta,
        options,
        is_html,
        ids: IdSet::new(),
        widest: 0,
        body: bytes,
        delimiter,
    };
    // Each long row comes between two parts (the last part may be empty).
    for (i, &part) in parts.iter().enumerate() {
        if i > 0 {
            let b = &big[i - 1];
            rows.out.errors.push(FormatError::new(
                meta_lines + 1 + b.line,
                b.message(MAX_ROW_BYTES),
            ));
        }
        read_part(&mut rows, reader(part), part, meta_lines);
    }
    rows.finish()
}

/// Reads the rows of `body[start..end]`, which begins on line `first_line` (from 0) of the
/// body; `meta_lines` header lines come before the body.
fn read_part(
    rows: &mut Rows,
    mut reader: csv::Reader<&[u8]>,
    (start, end, first_line): (usize, usize, usize),
    meta_lines: usize,
) {
    let mut lines = LineCounter::new(&rows.body[start..end]);
    let base = meta_lines + first_line;
    // A row's raw bytes run to where the next one starts, so each row is handled once the next
    // one is read.
    let mut pending: Option<(usize, usize, csv::StringRecord)> = None;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let pos = record.position().expect("csv records carry their position");
                let at = lines.record_start(pos.byte() as usize);
                let line = lines.line_at(at) as usize + base;
                if let Some((line, from, row)) = pending.take() {
                    rows.row(line, from, start + at, &row);
                }
                pending = Some((line, start + at, record.clone()));
            }
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| lines.line_at(p.byte() as usize) as usize + base);
                rows.out
                    .errors
                    .push(FormatError::new(line, format!("unreadable row: {e}")));
            }
        }
    }
    if let Some((line, from, row)) = pending {
        rows.row(line, from, end, &row);
    }
}

/// The rows read so far and how to read the next.
struct Rows<'a> {
    each: &'a mut dyn FnMut(Card),
    /// Rows mostly share a few tag lists; each list is kept once.
    tag_lists: TagLists,
    out: Imported,
    /// Decided at the first row (which may be a header).
    layout: Option<Layout>,
    meta: &'a Meta,
    options: &'a Options,
    is_html: bool,
    ids: IdSet,
    /// The most fields any row had.
    widest: usize,
    body: &'a [u8],
    delimiter: u8,
}

impl Rows<'_> {
    fn row(&mut self, line: usize, start: usize, end: usize, record: &csv::StringRecord) {
        if self.layout.is_none() {
            let (layout, is_header) = Layout::decide(record, self.meta, self.options);
            self.layout = Some(layout);
            if is_header {
                return;
            }
        }
        self.widest = self.widest.max(record.len());
        if let Some((offset, message)) = check_quoting(&self.body[start..end], self.delimiter) {
            self.out
                .errors
                .push(FormatError::new(line + offset, message));
            return;
        }
        let layout = self.layout.as_ref().expect("decided above");
        let tags = &mut self.tag_lists;
        match row_to_cards(
            record,
            layout,
            self.is_html,
            &self.meta.tags,
            &mut self.ids,
            tags,
        ) {
            Ok(cards) => cards.into_iter().for_each(&mut *self.each),
            Err(message) => self.out.errors.push(FormatError::new(line, message)),
        }
    }

    fn finish(mut self) -> Imported {
        if let Some(layout) = &self.layout {
            for i in 0..self.widest.max(layout.names.len()) {
                if layout.roles.get(i).copied().flatten().is_some() {
                    continue;
                }
                let name = match layout.names.get(i).filter(|n| !n.is_empty()) {
                    Some(n) => format!("column {} (`{n}`)", i + 1),
                    None => format!("column {}", i + 1),
                };
                self.out.warnings.push(FormatError::new(
                    0,
                    format!(
                        "{name} is not used: recall reads front, back, explanation, source, id \
                         and tags columns; rename its header or pass --columns to use it"
                    ),
                ));
            }
        }
        self.out
    }
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
    guid_column: Option<usize>,
    /// Anki's deck and note type columns, which recall has no use for.
    other_meta_columns: Vec<usize>,
}

impl Meta {
    /// The columns Anki's header lines place, 0-based, with what they hold (`None`: nothing
    /// recall uses).
    fn positions(&self) -> impl Iterator<Item = (usize, Option<Column>)> + '_ {
        let tags = self.tags_column.map(|n| (n - 1, Some(Column::Tags)));
        let guid = self.guid_column.map(|n| (n - 1, Some(Column::Guid)));
        let other = self.other_meta_columns.iter().map(|n| (n - 1, None));
        tags.into_iter().chain(guid).chain(other)
    }
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
                    "guid column" => meta.guid_column = n,
                    "deck column" | "notetype column" => meta.other_meta_columns.extend(n),
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

/// Which column holds what, and the columns' names for messages.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    roles: Vec<Option<Column>>,
    names: Vec<String>,
}

impl Layout {
    /// The layout for a file whose first row is `first`, and whether that row is a header.
    fn decide(first: &csv::StringRecord, meta: &Meta, options: &Options) -> (Layout, bool) {
        let header = Layout::from_names(first.iter(), meta);
        let is_header = meta.columns.is_none() && header.is_some();
        let names: Vec<String> = match (&meta.columns, is_header) {
            (Some(names), _) => names.clone(),
            (None, true) => first.iter().map(|n| n.trim().to_string()).collect(),
            (None, false) => Vec::new(),
        };
        if let Some(roles) = &options.columns {
            return (
                Layout {
                    roles: roles.clone(),
                    names,
                },
                is_header,
            );
        }
        if let Some(named) = &meta.columns
            && let Some(layout) = Layout::from_names(named.iter().map(String::as_str), meta)
        {
            return (layout, false);
        }
        match header {
            Some(layout) if is_header => (layout, true),
            _ => (Layout::by_position(meta, names), false),
        }
    }

    /// From column names, if they name a front and a back.
    fn from_names<'n>(names: impl Iterator<Item = &'n str>, meta: &Meta) -> Option<Layout> {
        let names: Vec<String> = names.map(|n| n.trim().to_string()).collect();
        let mut roles: Vec<Option<Column>> = Vec::with_capacity(names.len());
        for name in &names {
            // The first column of each kind is used; a second one is named as unused.
            let role = Column::named(name).filter(|r| !roles.contains(&Some(*r)));
            roles.push(role);
        }
        for (n, role) in meta.positions() {
            if roles.len() <= n {
                roles.resize(n + 1, None);
            }
            roles[n] = role;
        }
        let has = |c| roles.contains(&Some(c));
        (has(Column::Front) && has(Column::Back)).then_some(Layout { roles, names })
    }

    /// The first two free columns are front and back, tags from `#tags column` or else the
    /// column after them (as Anki assumes).
    fn by_position(meta: &Meta, names: Vec<String>) -> Layout {
        let mut roles: Vec<Option<Column>> = Vec::new();
        let set = |roles: &mut Vec<Option<Column>>, i: usize, c: Option<Column>| {
            if roles.len() <= i {
                roles.resize(i + 1, None);
            }
            roles[i] = c;
        };
        let taken: Vec<usize> = meta.positions().map(|(n, _)| n).collect();
        for (n, role) in meta.positions() {
            set(&mut roles, n, role);
        }
        let mut free = (0..).filter(|i| !taken.contains(i));
        set(&mut roles, free.next().unwrap_or(0), Some(Column::Front));
        set(&mut roles, free.next().unwrap_or(1), Some(Column::Back));
        if meta.tags_column.is_none() {
            let third = free.next().unwrap_or(2);
            set(&mut roles, third, Some(Column::Tags));
        }
        Layout { roles, names }
    }

    fn column(&self, role: Column) -> Option<usize> {
        self.roles.iter().position(|r| *r == Some(role))
    }
}

fn row_to_cards(
    record: &csv::StringRecord,
    layout: &Layout,
    is_html: bool,
    global_tags: &[String],
    ids: &mut IdSet,
    tag_lists: &mut TagLists,
) -> Result<Vec<Card>, String> {
    let field = |role: Column| {
        let raw = layout
            .column(role)
            .and_then(|i| record.get(i))
            .unwrap_or("");
        if is_html {
            html::to_text(raw)
        } else {
            raw.trim().to_string()
        }
    };
    let front = field(Column::Front);
    let back = field(Column::Back);
    if front.is_empty() {
        return Err("the front is empty".into());
    }
    let mut tags: Vec<String> = global_tags.to_vec();
    if let Some(i) = layout.column(Column::Tags) {
        tags.extend(
            record
                .get(i)
                .unwrap_or("")
                .split_whitespace()
                .map(String::from),
        );
    }
    let tags: Vec<Text> = tags.into_iter().map(Text::from).collect();
    let tags = tag_lists.get(&tags);
    let explain = Some(field(Column::Explain)).filter(|e| !e.is_empty());
    let source = Some(field(Column::Source)).filter(|s| !s.is_empty());
    // The sheet's own id keeps a card's progress when its question is reworded.
    let base = match (field(Column::Id), field(Column::Guid)) {
        (id, _) if !sanitize(&id).trim_matches('-').is_empty() => sanitize(&id),
        (_, guid) if !guid.is_empty() => format!("anki-{}", short_hash(&guid, 8)),
        _ => content_id(&front),
    };
    if apkg::has_anki_cloze(&front) {
        let mut cards = apkg::cloze_cards(&front, &base, ids);
        let extra: Vec<&str> = [back.as_str(), explain.as_deref().unwrap_or("")]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
        let explain = (!extra.is_empty()).then(|| Shared::from(extra.join("\n")));
        for card in &mut cards {
            card.tags = tags.clone();
            card.explain = explain.clone();
            card.source = source.as_deref().map(Text::from);
        }
        return Ok(cards);
    }
    if layout
        .column(Column::Back)
        .is_none_or(|i| i >= record.len())
    {
        return Err(format!(
            "expected a front and a back separated by the delimiter, found {} field",
            record.len()
        ));
    }
    if back.is_empty() {
        return Err("the back is empty".into());
    }
    let mut card = Card::new(ids.unique(base), Kind::Basic { back: back.into() }, front);
    card.tags = tags;
    card.explain = explain.map(Shared::from);
    card.source = source.map(Text::from);
    Ok(vec![card])
}

/// The longest row a spreadsheet may hold: far more than any card's text (an Anki note is
/// capped at 1 MB too), far less than the memory a row of the whole file would take.
pub const MAX_ROW_BYTES: usize = 1 << 20;

/// A row longer than the limit, as [`oversized_rows`] finds it.
#[derive(Debug, PartialEq)]
struct BigRow {
    /// Its first line, counted from 0 at the start of the body.
    line: usize,
    /// Where it starts and ends (past its line break) in the body.
    start: usize,
    end: usize,
    /// The line the next row starts on.
    end_line: usize,
    /// Whether a quoted field of it runs to the end of the file.
    unclosed: bool,
}

impl BigRow {
    fn message(&self, limit: usize) -> String {
        match self.unclosed {
            true => format!(
                "a quoted field opens here and is never closed: the rest of the file would be \
                 one row of more than {} MB; close the quote (write \"\" for a quote inside a \
                 field)",
                limit >> 20
            ),
            false => format!(
                "this row is longer than {} MB, the most one row may hold; shorten it or \
                 remove it",
                limit >> 20
            ),
        }
    }
}

/// The rows of `body` longer than `limit` bytes, read as the csv reader does (a quote at the
/// start of a field runs to its closing quote, across lines; `#` lines are comments), without
/// keeping anything.
fn oversized_rows(body: &[u8], delimiter: u8, limit: usize) -> Vec<BigRow> {
    let mut found = Vec::new();
    let (mut row_start, mut row_line, mut line) = (0, 0, 0);
    let mut field_start = true;
    let mut quoted = false;
    let mut big = false;
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if i == row_start && b == b'#' {
            // A comment: to the end of its line.
            i = memchr::memchr2(b'\n', b'\r', &body[i..]).map_or(body.len(), |n| i + n);
            continue;
        }
        if b == b'\r' || (b == b'\n' && (i == 0 || body[i - 1] != b'\r')) {
            line += 1;
        }
        if quoted {
            if b == b'"' {
                if body.get(i + 1) == Some(&b'"') {
                    // A doubled quote inside the field.
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'\n' || b == b'\r' {
            // A "\r\n" ends the row past its '\n'.
            let end = i + 1 + usize::from(b == b'\r' && body.get(i + 1) == Some(&b'\n'));
            if big {
                found.push(BigRow {
                    line: row_line,
                    start: row_start,
                    end,
                    end_line: line,
                    unclosed: false,
                });
                big = false;
            }
            (row_start, row_line, field_start) = (end, line, true);
            i = end;
            continue;
        } else if b == b'"' && field_start {
            quoted = true;
            field_start = false;
        } else {
            field_start = b == delimiter;
        }
        big |= i + 1 - row_start > limit;
        i += 1;
    }
    if big {
        found.push(BigRow {
            line: row_line,
            start: row_start,
            end: body.len(),
            end_line: line,
            unclosed: quoted,
        });
    }
    found
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
    fn column_names_match_their_aliases_and_nothing_else() {
        let cases: &[(Column, &[&str], &[&str])] = &[
            (
                Column::Front,
                &["Front", "QUESTION", " prompt ", "Term"],
                &["Fronts", "Q1"],
            ),
            (
                Column::Back,
                &["Back", "Answer", "definition"],
                &["Answers", "Backs"],
            ),
            (
                Column::Explain,
                &["Explanation", "Explain", "Notes", "Back Extra"],
                &["Why"],
            ),
            (
                Column::Source,
                &["Source", "Reference"],
                &["Sources", "URL"],
            ),
            (Column::Id, &["ID", "id", "Card id"], &["identifier"]),
            (Column::Tags, &["Tags", "tag"], &["Labels"]),
            (Column::Guid, &["GUID"], &["uuid"]),
        ];
        for (column, yes, no) in cases {
            for name in *yes {
                assert_eq!(Column::named(name), Some(*column), "{name}");
            }
            for name in *no {
                assert_ne!(Column::named(name), Some(*column), "{name}");
            }
        }
    }

    #[test]
    fn columns_are_found_by_name_in_any_order() {
        let got = read(
            "Tags,Source,Explanation,Answer,Question,Id\n\
             geo,atlas p. 3,It is on the Tiber.,Rome,Capital of Italy?,italy-capital\n",
        );
        assert_eq!(got.errors, vec![]);
        assert_eq!(got.warnings, vec![]);
        let card = &got.cards[0];
        assert_eq!(card.id.as_str(), "italy-capital");
        assert_eq!(card.prompt, "Capital of Italy?");
        assert_eq!(
            card.kind,
            Kind::Basic {
                back: "Rome".into()
            }
        );
        assert_eq!(card.explain.as_deref(), Some("It is on the Tiber."));
        assert_eq!(card.source.as_deref(), Some("atlas p. 3"));
        assert_eq!(card.tags.to_vec(), vec!["geo".to_string()]);
    }

    #[test]
    fn an_id_column_keeps_the_id_when_the_question_is_reworded() {
        let before = read("id\tfront\tback\nq1\tCapital of Italy?\tRome\n");
        let after = read("id\tfront\tback\nq1\tWhat is the capital of Italy?\tRome\n");
        assert_eq!(before.cards[0].id, after.cards[0].id);
        // Without one the id follows the text.
        let a = read("front\tback\nCapital of Italy?\tRome\n");
        let b = read("front\tback\nWhat is the capital of Italy?\tRome\n");
        assert_ne!(a.cards[0].id, b.cards[0].id);
    }

    #[test]
    fn every_unused_column_is_named() {
        let got = read("Front,Back,Difficulty,,Front\nSun,star,easy,x,again\n");
        let messages: Vec<&str> = got.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(got.cards.len(), 1);
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages[0].starts_with("column 3 (`Difficulty`) is not used"),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("column 4 is not used"),
            "{messages:?}"
        );
        assert!(
            messages[2].starts_with("column 5 (`Front`) is not used"),
            "{messages:?}"
        );
        let plain = read("Sun\tstar\tspace\textra\n");
        assert_eq!(plain.warnings.len(), 1);
        assert!(
            plain.warnings[0]
                .message
                .starts_with("column 4 is not used")
        );
    }

    #[test]
    fn columns_given_by_the_caller_win() {
        let options = Options {
            columns: Some(parse_columns("id,-,front,back,notes").unwrap()),
        };
        let got = read_with("k1\tignored\tSun?\tA star\tThe nearest one.\n", &options);
        assert_eq!(got.warnings.len(), 1, "{:?}", got.warnings);
        assert_eq!(got.cards[0].id.as_str(), "k1");
        assert_eq!(got.cards[0].prompt, "Sun?");
        assert_eq!(got.cards[0].explain.as_deref(), Some("The nearest one."));
        assert_eq!(
            parse_columns("back,colour").unwrap_err(),
            "unknown column `colour`; use front, back, explanation, source, id, tags, guid, or - \
             to skip one"
        );
        assert_eq!(
            parse_columns("back,tags").unwrap_err(),
            "--columns needs a front column"
        );
    }

    #[test]
    fn anki_columns_and_guid_headers_are_honoured() {
        let text = "#separator:tab\n#html:false\n#columns:Notes\tText\tBack\n#guid column:4\n\
                    why\tSun?\tstar\tAbC123\n";
        let got = read(text);
        assert_eq!(got.errors, vec![]);
        assert_eq!(got.cards[0].prompt, "Sun?");
        assert_eq!(got.cards[0].explain.as_deref(), Some("why"));
        assert_eq!(
            got.cards[0].id.as_str(),
            format!("anki-{}", short_hash("AbC123", 8))
        );
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
    fn rows_longer_than_the_limit_are_found_without_reading_them() {
        let big = |text: &str| -> Vec<(usize, usize, usize, usize, bool)> {
            oversized_rows(text.as_bytes(), b',', 10)
                .into_iter()
                .map(|b| (b.line, b.start, b.end, b.end_line, b.unclosed))
                .collect()
        };
        assert_eq!(big("a,b\nc,d\n"), []);
        assert_eq!(big("a,b\nc,0123456789\nx,y"), [(1, 4, 17, 2, false)]);
        // A quoted field runs across lines; its doubled quotes do not close it.
        assert_eq!(
            big("a,b\n\"c\nd\"\"e\nf\ng\",h\r\nx"),
            [(1, 4, 20, 5, false)]
        );
        assert_eq!(big("a,b\r\n\r\nc,\"d,e,f,g,h"), [(2, 7, 19, 2, true)]);
        // A quote inside an unquoted field opens nothing; comments are not rows.
        assert_eq!(big("ab\"c,d\ne,f\n"), []);
        assert_eq!(big("# \"a comment\nab,c\n"), []);
    }

    #[test]
    fn oversized_rows_are_reported_and_the_rest_read() {
        let long = "x".repeat(MAX_ROW_BYTES);
        let text =
            format!("#separator:comma\nfront,back\nq,{long}\nLima,Peru\n\"a\nb\",c\nr,\"{long}\n");
        let imported = read(&text);
        let fronts: Vec<_> = fronts_backs(&imported)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fronts, ["Lima", "a\nb"]);
        let errors: Vec<_> = imported
            .errors
            .iter()
            .map(|e| (e.line, e.message.split(':').next().unwrap()))
            .collect();
        assert_eq!(
            errors,
            [
                (
                    3,
                    "this row is longer than 1 MB, the most one row may hold; shorten it or remove it"
                ),
                (7, "a quoted field opens here and is never closed"),
            ]
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
    fn ten_thousand_rows_are_all_read() {
        let mut text = String::from("#separator:tab\n#html:false\n");
        for i in 0..10_000 {
            text.push_str(&format!("question number {i}\tanswer {i}\ttag{}\n", i % 7));
        }
        let got = read(&text);
        assert_eq!(got.cards.len(), 10_000);
        assert!(got.errors.is_empty());
        // Speed is measured by the benchmarks (README, "Performance"), not here.
    }
}

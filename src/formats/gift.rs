//! Moodle's GIFT quiz format, written as Moodle's own importer (question/format/gift) reads it:
//! `::name::` question names, `{=right ~wrong}` choices with `~%50%` weights for several right
//! answers, `{T}`/`{F}`, short answers `{=a =b}`, numbers `{#value:tolerance}`, matching
//! `{=left -> right}`, general feedback after `####`, and `~ = # { } : \` escaped with a backslash.
//!
//! Export also writes a `// recall: KIND` comment before each question (Moodle ignores comment
//! lines) so that importing the file back restores kinds GIFT cannot tell apart (year vs number,
//! one-blank cloze vs short answer) and number units.

use std::io::{self, Write};
use std::sync::LazyLock;

use regex::Regex;

use crate::deck::{Answer, Card, CardId, ClozePart, Deck, Kind, Shared, Span, Tags, Text};
use crate::formats::ids::{IdSet, content_id, sanitize};
use crate::formats::{FormatError, Imported, Skipped, html, spell};

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/// Write every card GIFT can express; the rest are returned with the reason. The deck's title
/// becomes the Moodle category and a `// recall: deck ID` comment keeps its id, so importing the
/// file back gives the same deck id and title.
pub fn write(deck: &Deck, out: &mut dyn Write) -> io::Result<Vec<Skipped>> {
    let mut skipped = Vec::new();
    if !deck.id.is_empty() {
        writeln!(
            out,
            "// recall: deck {}",
            deck.id.replace(['\n', '\r'], " ")
        )?;
    }
    if !deck.title.trim().is_empty() {
        // "/" separates categories in Moodle's paths.
        let title = deck.title.replace(['\n', '\r'], " ").replace('/', "-");
        writeln!(out, "$CATEGORY: $course$/top/{}\n", title.trim())?;
    }
    for card in &deck.cards {
        match question(card) {
            Ok(text) => writeln!(out, "{text}")?,
            Err(reason) => skipped.push(Skipped::new(card.id.as_str(), reason)),
        }
    }
    Ok(skipped)
}

/// Moodle's standard grade list holds 100/n only for these numbers of right options.
fn weight_for(correct: usize) -> Option<&'static str> {
    Some(match correct {
        2 => "50",
        3 => "33.33333",
        4 => "25",
        5 => "20",
        6 => "16.66667",
        7 => "14.28571",
        8 => "12.5",
        9 => "11.11111",
        10 => "10",
        _ => return None,
    })
}

/// One question with its `// recall:` comment, ending in a blank line.
fn question(card: &Card) -> Result<String, String> {
    let mut hint = card.kind.name().to_string();
    let mut prompt = card.prompt.trim().to_string();
    let feedback = card
        .explain
        .as_deref()
        .map(|e| format!("####{}", text(e)))
        .unwrap_or_default();
    let body = match &card.kind {
        Kind::Basic { back } => {
            // An essay question: Moodle shows the general feedback (the back) after answering,
            // and the teacher grades, as the learner does in recall.
            format!("{{####{}}}", text(back))
        }
        Kind::Typed { answer } => format!("{{{}{feedback}}}", short_answers(answer)?),
        Kind::Choice { correct, wrong } => {
            if correct.len() + wrong.len() < 2 {
                return Err(
                    "Moodle needs at least two options in a multiple choice question".into(),
                );
            }
            let mut lines = String::new();
            if correct.len() == 1 {
                lines.push_str(&format!("\t={}\n", text(&correct[0])));
                for w in wrong {
                    lines.push_str(&format!("\t~{}\n", text(w)));
                }
            } else {
                let weight = weight_for(correct.len()).ok_or_else(|| {
                    format!(
                        "Moodle cannot weight {} right options equally",
                        correct.len()
                    )
                })?;
                for c in correct {
                    lines.push_str(&format!("\t~%{weight}%{}\n", text(c)));
                }
                // Wrong picks cost marks, or choosing everything would score full marks.
                for w in wrong {
                    lines.push_str(&format!("\t~%-100%{}\n", text(w)));
                }
            }
            if !feedback.is_empty() {
                lines.push_str(&format!("\t{feedback}\n"));
            }
            format!("{{\n{lines}}}")
        }
        Kind::TrueFalse { answer } => format!("{{{}{feedback}}}", if *answer { "T" } else { "F" }),
        Kind::Number {
            answer,
            tolerance,
            unit,
        } => {
            if !answer.is_finite() || !tolerance.is_finite() {
                return Err("the number is not finite".into());
            }
            if let Some(unit) = unit {
                // GIFT numbers have no unit, so the learner is told it in the question.
                prompt = format!("{prompt} (in {unit})");
                hint = format!("number, unit: {unit}");
            }
            format!(
                "{{#{}{}{feedback}}}",
                spell::number_text(*answer),
                tolerance_text(*tolerance)
            )
        }
        Kind::Year { answer, tolerance } => {
            format!(
                "{{#{answer}{}{feedback}}}",
                tolerance_text(f64::from(*tolerance))
            )
        }
        Kind::List { .. } => {
            return Err("GIFT has no question that asks for every item of a list".into());
        }
        Kind::Date { .. } => return Err("GIFT has no date question".into()),
        Kind::Order { .. } => return Err("GIFT has no ordering question".into()),
        Kind::Match { pairs } => {
            if pairs.len() < 2 {
                return Err("Moodle needs at least two pairs in a matching question".into());
            }
            if pairs.iter().any(|(l, _)| l.contains("->")) {
                return Err("a left-hand item containing \"->\" cannot be written in GIFT".into());
            }
            let mut lines = String::new();
            for (left, right) in pairs {
                lines.push_str(&format!("\t={} -> {}\n", text(left), escape(right)));
            }
            if !feedback.is_empty() {
                lines.push_str(&format!("\t{feedback}\n"));
            }
            format!("{{\n{lines}}}")
        }
        Kind::Cloze { parts } => {
            let blanks: Vec<&Answer> = parts
                .iter()
                .filter_map(|p| {
                    if let ClozePart::Blank(a) = p {
                        Some(a)
                    } else {
                        None
                    }
                })
                .collect();
            let [blank] = blanks.as_slice() else {
                return Err(format!(
                    "GIFT's missing-word questions have one blank; this cloze has {}",
                    blanks.len()
                ));
            };
            let mut question = if prompt.is_empty() {
                String::new()
            } else {
                format!("{}\\n", text(&prompt))
            };
            for part in parts {
                match part {
                    ClozePart::Text(t) => question.push_str(&text_inline(t)),
                    ClozePart::Blank(_) => {
                        question.push_str(&format!("{{{}{feedback}}}", short_answers(blank)?))
                    }
                    // GIFT has no hints: the clue follows the blank in brackets.
                    ClozePart::Hint(hint) => question.push_str(&text_inline(&format!(" ({hint})"))),
                }
            }
            // Without a prompt the text itself comes first, where "[html]" is a format marker.
            let lead = question.len() - question.trim_start().len();
            if question[lead..].starts_with('[') {
                question.replace_range(lead..lead + 1, "&#91;");
            }
            return Ok(format!(
                "// recall: cloze\n::{}::{question}\n",
                escape(card.id.as_str())
            ));
        }
    };
    Ok(format!(
        "// recall: {hint}\n::{}::{}{body}\n",
        escape(card.id.as_str()),
        text(&prompt)
    ))
}

fn tolerance_text(tolerance: f64) -> String {
    if tolerance == 0.0 {
        String::new()
    } else {
        format!(":{}", spell::number_text(tolerance))
    }
}

/// Short-answer alternatives, each full credit. `*` is Moodle's wildcard, so a literal one is
/// written `\*`.
fn short_answers(answer: &Answer) -> Result<String, String> {
    if answer.all().any(|a| WEIGHT.is_match(a.trim_start())) {
        return Err("an answer starting with %N% would be read by Moodle as a grade weight".into());
    }
    // GIFT has no escape for "->", and answers holding it make Moodle read a matching question.
    if answer.all().any(|a| a.contains("->")) {
        return Err(
            "an answer containing \"->\" would be read by Moodle as a matching pair".into(),
        );
    }
    Ok(answer
        .all()
        .map(|a| format!("={}", escape(&a.replace('*', "\\*"))))
        .collect::<Vec<_>>()
        .join(" "))
}

/// GIFT's reserved characters escaped, as Moodle's exporter does (`repchar`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '#' | '=' | '~' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text shown as HTML by Moodle (question text, options): HTML-escaped, then GIFT-escaped.
fn text(plain: &str) -> String {
    let mut html = html_escape::encode_text(plain.trim()).into_owned();
    // A leading "[html]" would be read as a text format marker, and a leading "%50%" as a
    // grade weight; as entities they still show as typed.
    if html.starts_with('[') {
        html.replace_range(0..1, "&#91;");
    } else if html.starts_with('%') {
        html.replace_range(0..1, "&#37;");
    }
    escape(&html)
}

/// Like `text`, without trimming: cloze pieces keep the spaces around their blank.
fn text_inline(plain: &str) -> String {
    escape(&html_escape::encode_text(plain))
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/// Placeholders for escaped characters while a question is taken apart (Moodle's approach).
/// They are Unicode noncharacters, never meant for exchanged text, and any in the input are
/// dropped first, so a placeholder always stands for an escape. (Private-use code points, used
/// before, turned icon-font characters in a question into ':' or '#'.)
const PLACEHOLDERS: [(char, &str, char); 7] = [
    ('\u{fdd1}', "\\:", ':'),
    ('\u{fdd2}', "\\#", '#'),
    ('\u{fdd3}', "\\=", '='),
    ('\u{fdd4}', "\\{", '{'),
    ('\u{fdd5}', "\\}", '}'),
    ('\u{fdd6}', "\\~", '~'),
    ('\u{fdd7}', "\\n", '\n'),
];
const BACKSLASH: char = '\u{fdd0}';

fn escape_pre(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|c| !('\u{fdd0}'..='\u{fdef}').contains(c))
        .collect();
    let mut s = text.replace("\\\\", &BACKSLASH.to_string());
    for (placeholder, escaped, _) in PLACEHOLDERS {
        s = s.replace(escaped, &placeholder.to_string());
    }
    s.replace(BACKSLASH, "\\")
}

fn escape_post(text: &str) -> String {
    text.chars()
        .map(|c| {
            PLACEHOLDERS
                .iter()
                .find(|(p, _, _)| *p == c)
                .map_or(c, |(_, _, original)| *original)
        })
        .collect()
}

static WEIGHT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^%(-*[0-9]{1,2}\.?[0-9]*)%").unwrap());

/// Read GIFT text into cards. Questions recall cannot use are reported with their first line;
/// descriptions (text without answers) are left out with a warning.
///
/// `$CATEGORY:` lines give the deck its title and the questions their tags: the part of the
/// category path every category of the file shares (below `$course$/top`) is the title, the
/// rest of each question's category its tags (`$course$/top/Planets/Inner` with
/// `.../Planets/Outer` makes the deck "Planets" and tags `inner`, `outer`). The deck id is the
/// one a `// recall: deck ID` comment gives (recall writes one), else the title's slug.
pub fn read(text: &str) -> Imported {
    let mut out = Imported::default();
    let mut ids = IdSet::new();
    let blocks = blocks(text);
    let categories: Vec<Vec<String>> = blocks.iter().filter_map(|b| category(&b.text)).collect();
    let shared = common_prefix(&categories);
    if !shared.is_empty() {
        out.title = Some(shared.join(" / "));
    }
    out.deck_id = text.lines().find_map(|l| {
        let id = l
            .trim()
            .strip_prefix("//")?
            .trim()
            .strip_prefix("recall:")?;
        let id = id.trim().strip_prefix("deck ")?.trim();
        (!id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)))
        .then(|| id.to_string())
    });
    if out.deck_id.is_none() {
        out.deck_id = out
            .title
            .as_deref()
            .map(|t| crate::formats::ids::slug(t, 40))
            .filter(|id| !id.is_empty());
    }
    let mut tags = Tags::default();
    for block in &blocks {
        if let Some(path) = category(&block.text) {
            tags = path[shared.len()..]
                .iter()
                .map(|c| Text::from(crate::formats::ids::slug(c, 40)))
                .filter(|t| !t.is_empty())
                .collect();
            continue;
        }
        if let Some(size) = block.oversized {
            out.errors.push(FormatError::new(
                block.line,
                format!(
                    "this question runs for {:.1} MB, more than the {} MB one question may \
                     hold; is a closing brace or a blank line between questions missing?",
                    size as f64 / 1e6,
                    MAX_QUESTION_BYTES >> 20
                ),
            ));
            continue;
        }
        match parse_question(block) {
            Ok(Question::Card(mut card, notes)) => {
                // The question name, when there is one, is the id (recall exports ids as names).
                let name = sanitize(card.id.as_str());
                let base = if name.is_empty() {
                    content_id(&card.prompt)
                } else {
                    name
                };
                card.id = CardId(ids.unique(base).into());
                card.tags = tags.clone();
                for note in notes {
                    out.warnings.push(FormatError::new(block.line, note));
                }
                out.cards.push(*card);
            }
            Ok(Question::Description) => out.warnings.push(FormatError::new(
                block.line,
                "a description (text without an answer in {...}) is not a question; left out",
            )),
            Err(message) => out.errors.push(FormatError::new(block.line, message)),
        }
    }
    out
}

/// The category path of a `$CATEGORY:` block, below Moodle's context and `top`.
fn category(block: &str) -> Option<Vec<String>> {
    let path = block.trim().strip_prefix("$CATEGORY:")?.trim();
    let mut parts: Vec<String> = path
        .split('/')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if parts
        .first()
        .is_some_and(|p| p.starts_with('$') && p.ends_with('$'))
    {
        parts.remove(0);
    }
    if parts.first().is_some_and(|p| p == "top") {
        parts.remove(0);
    }
    Some(parts)
}

/// The leading path components every category shares.
fn common_prefix(paths: &[Vec<String>]) -> Vec<String> {
    let Some(first) = paths.first() else {
        return Vec::new();
    };
    let len = paths.iter().fold(first.len(), |len, p| {
        p.iter()
            .zip(first)
            .take(len)
            .take_while(|(a, b)| a == b)
            .count()
    });
    first[..len].to_vec()
}

/// What a block of GIFT is.
enum Question {
    /// A card, with notes on what was changed to make it (an essay without a model answer).
    Card(Box<Card>, Vec<String>),
    Description,
}

/// One question's lines, separated from the next by a blank line.
struct Block {
    line: usize,
    text: String,
    hint: Option<String>,
    /// The question's length in bytes when it is over [`MAX_QUESTION_BYTES`] (its text is
    /// then not kept).
    oversized: Option<usize>,
}

/// The longest question read: room for answers far beyond what a card may hold (those are
/// refused with their length), while a file with a brace or a blank line missing is not held
/// several times over as one question.
const MAX_QUESTION_BYTES: usize = 16 << 20;

fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blocks.extend(current.take());
            continue;
        }
        let block = current.get_or_insert_with(|| Block {
            line: i + 1,
            text: String::new(),
            hint: None,
            oversized: None,
        });
        if let Some(comment) = trimmed.strip_prefix("//") {
            if let Some(hint) = comment.trim().strip_prefix("recall:") {
                block.hint = Some(hint.trim().to_string());
            }
            continue;
        }
        if let Some(size) = &mut block.oversized {
            *size += line.len() + 1;
            continue;
        }
        if block.text.is_empty() {
            // Messages point at the question, not at a comment above it.
            block.line = i + 1;
        }
        if block.text.len() + line.len() >= MAX_QUESTION_BYTES {
            block.oversized = Some(block.text.len() + line.len() + 1);
            block.text = "(too long)".into();
            continue;
        }
        if !block.text.is_empty() {
            block.text.push('\n');
        }
        block.text.push_str(line);
    }
    blocks.extend(current);
    blocks.retain(|b| !b.text.trim().is_empty());
    blocks
}

fn parse_question(block: &Block) -> Result<Question, String> {
    let mut text = escape_pre(block.text.trim());
    let mut name = None;
    if let Some(rest) = text.strip_prefix("::") {
        let end = rest
            .find("::")
            .ok_or("the question name is not closed with \"::\"")?;
        name = Some(escape_post(&rest[..end]).trim().to_string());
        text = rest[end + 2..].trim().to_string();
    }
    let (start, finish) = (text.find('{'), text.find('}'));
    let (start, finish) = match (start, finish) {
        (None, None) => return Ok(Question::Description),
        (Some(s), Some(f)) if s < f => (s, f),
        _ => {
            return Err(
                "unbalanced braces: a question needs one { and one } around its answers".into(),
            );
        }
    };
    if text[finish + 1..].contains(['{', '}']) {
        return Err("more than one answer block in a question is not supported".into());
    }
    let before = &text[..start];
    let after = &text[finish + 1..];
    let missing_word = !after.trim().is_empty();
    let mut answer_text = text[start + 1..finish].trim().to_string();
    let mut explain = None;
    if let Some(pos) = answer_text.rfind("####") {
        explain = Some(rich_text(&answer_text[pos + 4..])).filter(|e| !e.is_empty());
        answer_text = answer_text[..pos].trim().to_string();
    }
    let (prompt_format, before_text) = split_format(before);
    let prompt = if missing_word {
        format!(
            "{}_____{}",
            rich_inline(prompt_format, before_text),
            rich_inline(prompt_format, after)
        )
    } else {
        rich(prompt_format, before_text)
    };
    let prompt = prompt.trim().to_string();
    let hint = block.hint.as_deref().unwrap_or("");
    let mut notes = Vec::new();
    // Feedback on particular answers ("Mars: too small"), after the general feedback.
    let mut feedback = Vec::new();

    let kind = if answer_text.is_empty() {
        // An essay: the teacher grades it, as the learner does in recall; the general feedback
        // is the model answer.
        let back = explain.take().unwrap_or_else(|| {
            notes.push(
                "an essay question without general feedback has no model answer; \
                        imported as a basic card that says so"
                    .to_string(),
            );
            NO_MODEL_ANSWER.to_string()
        });
        Kind::Basic { back: back.into() }
    } else if let Some(numbers) = answer_text.strip_prefix('#') {
        numeric(numbers, hint, &mut feedback)?
    } else if answer_text.contains('~') {
        multichoice(&answer_text, &mut feedback)?
    } else if answer_text.contains('=') && answer_text.contains("->") {
        matching(&answer_text)?
    } else {
        let (check, _) = split_feedback(&answer_text);
        match check {
            "T" | "TRUE" | "F" | "FALSE" => {
                let answer = check.starts_with('T');
                // `{T#shown after a wrong answer#shown after a right one}`.
                let mut parts = answer_text.splitn(3, '#').skip(1).map(rich_text);
                let (wrong, right) = (parts.next(), parts.next());
                let label = |truth: bool| if truth { "True" } else { "False" };
                for (given, text) in [(answer, right), (!answer, wrong)] {
                    if let Some(text) = text.filter(|t| !t.is_empty()) {
                        feedback.push(format!("{}: {text}", label(given)));
                    }
                }
                Kind::TrueFalse { answer }
            }
            _ => {
                let answer = short_answer(&answer_text, &mut feedback)?;
                let explain = with_feedback(explain, feedback);
                if missing_word || hint == "cloze" {
                    let card = cloze_card(before_text, after, prompt_format, answer, explain, name);
                    return Ok(Question::Card(Box::new(card), notes));
                }
                if prompt.is_empty() {
                    return Err("the question has no text, only answers".into());
                }
                return Ok(Question::Card(
                    Box::new(card(Kind::Typed { answer }, prompt, explain, name)),
                    notes,
                ));
            }
        }
    };
    let explain = with_feedback(explain, feedback);
    if prompt.is_empty() {
        return Err("the question has no text, only answers".into());
    }
    let prompt = match (&kind, unit_from_hint(hint)) {
        (Kind::Number { .. }, Some(unit)) => prompt
            .strip_suffix(&format!(" (in {unit})"))
            .unwrap_or(&prompt)
            .to_string(),
        _ => prompt,
    };
    Ok(Question::Card(
        Box::new(card(kind, prompt, explain, name)),
        notes,
    ))
}

/// The back of an essay question that came without a model answer.
const NO_MODEL_ANSWER: &str = "(an essay question: the quiz gives no model answer)";

/// The general feedback followed by the feedback on particular answers, one per line.
fn with_feedback(general: Option<String>, answers: Vec<String>) -> Option<String> {
    let lines: Vec<String> = general.into_iter().chain(answers).collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// An answer and the feedback after its `#`, if any.
fn split_feedback(answer: &str) -> (&str, Option<String>) {
    match answer.split_once('#') {
        Some((value, feedback)) => (
            value.trim(),
            Some(rich_text(feedback)).filter(|f| !f.is_empty()),
        ),
        None => (answer.trim(), None),
    }
}

fn card(kind: Kind, prompt: String, explain: Option<String>, name: Option<String>) -> Card {
    Card {
        id: CardId(name.unwrap_or_default().into()),
        kind,
        prompt: prompt.into(),
        tags: Tags::default(),
        explain: explain.map(Shared::from),
        source: None,
        fact: None,
        media: None,
        span: Span::default(),
        checking: Default::default(),
    }
}

fn cloze_card(
    before: &str,
    after: &str,
    format: Format,
    answer: Answer,
    explain: Option<String>,
    name: Option<String>,
) -> Card {
    let before = rich_inline(format, before);
    // recall writes a cloze's instruction as a first line of its own.
    let (prompt, before) = match before.split_once('\n') {
        Some((first, rest)) => (first.trim().to_string(), rest.to_string()),
        None => (String::new(), before),
    };
    let mut parts = Vec::new();
    if !before.is_empty() {
        parts.push(ClozePart::Text(before.into()));
    }
    parts.push(ClozePart::Blank(answer));
    let after = rich_inline(format, after);
    if !after.is_empty() {
        parts.push(ClozePart::Text(after.into()));
    }
    card(Kind::Cloze { parts }, prompt, explain, name)
}

/// How the text of a question is to be read, from an optional `[html]`-style prefix.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Html,
    Plain,
}

fn split_format(text: &str) -> (Format, &str) {
    let trimmed = text.trim_start();
    for (marker, format) in [
        ("[moodle]", Format::Html),
        ("[html]", Format::Html),
        ("[plain]", Format::Plain),
        ("[markdown]", Format::Plain),
    ] {
        if let Some(rest) = trimmed.strip_prefix(marker) {
            return (format, rest);
        }
    }
    (Format::Html, text)
}

fn rich(format: Format, text: &str) -> String {
    match format {
        Format::Html => html::to_text(&escape_post(text)),
        Format::Plain => escape_post(text).trim().to_string(),
    }
}

fn rich_inline(format: Format, text: &str) -> String {
    match format {
        Format::Html => html::decode_inline(&escape_post(text)),
        Format::Plain => escape_post(text),
    }
}

/// Option or feedback text, which may carry its own format prefix.
fn rich_text(text: &str) -> String {
    let (format, rest) = split_format(text.trim());
    rich(format, rest)
}

/// Splits `=a =b` style lists on the marker; text before the first marker must be empty.
fn split_answers(text: &str, marker: char) -> Vec<String> {
    let mut parts: Vec<String> = text.split(marker).map(|s| s.trim().to_string()).collect();
    if parts.first().is_some_and(|p| p.is_empty()) {
        parts.remove(0);
    }
    parts
}

fn weight(answer: &str) -> Option<(f64, &str)> {
    let c = WEIGHT.captures(answer)?;
    let value: f64 = c[1].trim_start_matches('-').parse().ok()?;
    let sign = if c[1].starts_with('-') { -1.0 } else { 1.0 };
    Some((sign * value, &answer[c.get(0).expect("group 0").end()..]))
}

fn multichoice(text: &str, feedback: &mut Vec<String>) -> Result<Kind, String> {
    let answers = split_answers(&text.replace('=', "~="), '~');
    if answers.len() < 2 {
        return Err("a multiple choice question needs at least two options".into());
    }
    let (mut correct, mut wrong) = (Vec::new(), Vec::new());
    for answer in &answers {
        let (score, rest) = if let Some(rest) = answer.strip_prefix('=') {
            (100.0, rest)
        } else {
            weight(answer).unwrap_or((0.0, answer.as_str()))
        };
        let (value, said) = split_feedback(rest);
        let option = rich_text(value);
        if option.is_empty() {
            return Err("an option of a multiple choice question is empty".into());
        }
        if let Some(said) = said {
            feedback.push(format!("{option}: {said}"));
        }
        if score > 0.0 {
            correct.push(option.into())
        } else {
            wrong.push(option.into())
        }
    }
    if correct.is_empty() {
        return Err(
            "a multiple choice question has no right option (= or a positive %weight%)".into(),
        );
    }
    Ok(Kind::Choice { correct, wrong })
}

fn matching(text: &str) -> Result<Kind, String> {
    let mut pairs = Vec::new();
    for answer in split_answers(text, '=') {
        let (left, right) = answer
            .split_once("->")
            .ok_or("a matching pair needs \"left -> right\"")?;
        let left = rich_text(left);
        // Moodle allows extra right-hand items with an empty left side; recall has no place
        // for such distractors.
        if left.is_empty() {
            continue;
        }
        pairs.push((left.into(), escape_post(right).trim().into()));
    }
    if pairs.len() < 2 {
        return Err("a matching question needs at least two pairs".into());
    }
    Ok(Kind::Match { pairs })
}

/// Full-credit alternatives of a short-answer question (partial-credit ones are dropped, their
/// feedback kept).
fn short_answer(text: &str, feedback: &mut Vec<String>) -> Result<Answer, String> {
    let mut accepted = Vec::new();
    for answer in split_answers(text, '=') {
        let (score, rest) = weight(&answer).unwrap_or((100.0, answer.as_str()));
        let (value, said) = split_feedback(rest);
        let value = escape_post(value).replace("\\*", "*");
        if let Some(said) = said {
            feedback.push(format!("{value}: {said}"));
        }
        if score >= 100.0 && !value.is_empty() {
            accepted.push(value);
        }
    }
    let mut all = accepted.into_iter();
    let text = all
        .next()
        .ok_or("a short-answer question has no full-credit answer")?;
    Ok(Answer {
        text: text.into(),
        accept: all.map(Text::from).collect(),
    })
}

fn numeric(text: &str, hint: &str, feedback: &mut Vec<String>) -> Result<Kind, String> {
    // Feedback for any other answer (`~#...`) carries no value.
    let (text, other) = text.split_once('~').unwrap_or((text, ""));
    let mut chosen = None;
    for answer in split_answers(text, '=') {
        let (score, rest) = weight(&answer).unwrap_or((100.0, answer.as_str()));
        let (value, said) = split_feedback(rest);
        let value = escape_post(value);
        if let Some(said) = said {
            feedback.push(format!("{}: {said}", value.replace("..", "-")));
        }
        if score >= 100.0 && chosen.is_none() {
            chosen = Some(value);
        }
    }
    if let (_, Some(said)) = split_feedback(other) {
        feedback.push(format!("Any other answer: {said}"));
    }
    let value = chosen.ok_or("a numerical question has no full-credit answer")?;
    let number = |s: &str| {
        s.trim()
            .parse::<f64>()
            .map_err(|_| format!("\"{}\" is not a number", s.trim()))
    };
    let (answer, tolerance) = if let Some((min, max)) = value.split_once("..") {
        let (min, max) = (number(min)?, number(max)?);
        ((min + max) / 2.0, (max - min).abs() / 2.0)
    } else if let Some((v, t)) = value.split_once(':') {
        (number(v)?, number(t)?.abs())
    } else {
        (number(&value)?, 0.0)
    };
    if hint == "year" && answer.fract() == 0.0 && tolerance.fract() == 0.0 {
        return Ok(Kind::Year {
            answer: answer as i32,
            tolerance: tolerance as u32,
        });
    }
    Ok(Kind::Number {
        answer,
        tolerance,
        unit: unit_from_hint(hint).map(Text::from),
    })
}

fn unit_from_hint(hint: &str) -> Option<&str> {
    hint.strip_prefix("number, unit:")
        .map(str::trim)
        .filter(|u| !u.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_of_many_megabytes_is_reported_not_kept() {
        let long = "a b ".repeat(MAX_QUESTION_BYTES / 3);
        let text = format!(
            "::one:: Capital of Peru? {{=Lima}}\n\n// c\n::two:: What? {{={long}\n{long}\n\n::three:: Capital of Chile? {{=Santiago}}\n"
        );
        let imported = read(&text);
        let ids: Vec<_> = imported.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["one", "three"]);
        assert_eq!(imported.errors.len(), 1);
        assert_eq!(imported.errors[0].line, 4);
        assert_eq!(
            imported.errors[0].message,
            "this question runs for 44.7 MB, more than the 16 MB one question may hold; is a \
             closing brace or a blank line between questions missing?"
        );
    }

    fn card_of(id: &str, kind: Kind, prompt: &str) -> Card {
        Card::new(id, kind, prompt)
    }

    fn export(cards: Vec<Card>) -> (String, Vec<Skipped>) {
        let deck = Deck {
            cards,
            ..Deck::default()
        };
        let mut out = Vec::new();
        let skipped = write(&deck, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), skipped)
    }

    #[test]
    fn escape_covers_every_reserved_character() {
        assert_eq!(escape(r"a~b=c#d{e}f:g\h"), r"a\~b\=c\#d\{e\}f\:g\\h");
        assert_eq!(escape("two\nlines\r"), "two\\nlines");
    }

    #[test]
    fn single_choice_uses_equals_and_tildes() {
        let (text, _) = export(vec![card_of(
            "big",
            Kind::Choice {
                correct: vec!["Jupiter".into()],
                wrong: vec!["Mars".into(), "Io".into()],
            },
            "Largest planet?",
        )]);
        assert_eq!(
            text,
            "// recall: choice\n::big::Largest planet?{\n\t=Jupiter\n\t~Mars\n\t~Io\n}\n\n"
        );
    }

    #[test]
    fn several_right_options_are_weighted() {
        let (text, _) = export(vec![card_of(
            "gas",
            Kind::Choice {
                correct: vec!["Jupiter".into(), "Saturn".into()],
                wrong: vec!["Mars".into()],
            },
            "Gas giants?",
        )]);
        assert!(
            text.contains("{\n\t~%50%Jupiter\n\t~%50%Saturn\n\t~%-100%Mars\n}"),
            "{text}"
        );
    }

    #[test]
    fn three_right_options_use_moodles_third() {
        let (text, _) = export(vec![card_of(
            "t",
            Kind::Choice {
                correct: vec!["a".into(), "b".into(), "c".into()],
                wrong: vec![],
            },
            "p",
        )]);
        assert!(text.contains("\t~%33.33333%a\n"));
    }

    #[test]
    fn eleven_right_options_are_skipped() {
        let correct: Vec<Text> = (0..11).map(|i| i.to_string().into()).collect();
        let (_, skipped) = export(vec![card_of(
            "many",
            Kind::Choice {
                correct,
                wrong: vec![],
            },
            "p",
        )]);
        assert_eq!(
            skipped,
            vec![Skipped::new(
                "many",
                "Moodle cannot weight 11 right options equally"
            )]
        );
    }

    #[test]
    fn true_false_and_feedback() {
        let mut c = card_of(
            "pluto",
            Kind::TrueFalse { answer: false },
            "Pluto is a planet.",
        );
        c.explain = Some("A dwarf planet since 2006.".into());
        let (text, _) = export(vec![c]);
        assert_eq!(
            text,
            "// recall: truefalse\n::pluto::Pluto is a planet.{F####A dwarf planet since 2006.}\n\n"
        );
    }

    #[test]
    fn short_answers_list_alternatives_and_escape_wildcards() {
        let (text, _) = export(vec![card_of(
            "t",
            Kind::Typed {
                answer: Answer {
                    text: "C*".into(),
                    accept: vec!["a=b".into()],
                },
            },
            "Which?",
        )]);
        assert!(text.contains("::t::Which?{=C\\\\* =a\\=b}\n"), "{text}");
    }

    #[test]
    fn options_starting_with_a_weight_are_entities() {
        let (text, _) = export(vec![card_of(
            "w",
            Kind::Choice {
                correct: vec!["%50%x".into()],
                wrong: vec!["y".into()],
            },
            "Which?",
        )]);
        assert!(text.contains("\t=&\\#37;50%x\n"), "{text}");
        assert_eq!(
            read(&text).cards[0].kind,
            Kind::Choice {
                correct: vec!["%50%x".into()],
                wrong: vec!["y".into()]
            }
        );
    }

    #[test]
    fn short_answers_that_look_like_weights_are_skipped() {
        let (_, skipped) = export(vec![card_of(
            "w",
            Kind::Typed {
                answer: Answer::plain("%20%off"),
            },
            "Deal?",
        )]);
        assert_eq!(
            skipped,
            vec![Skipped::new(
                "w",
                "an answer starting with %N% would be read by Moodle as a grade weight"
            )]
        );
    }

    #[test]
    fn short_answers_holding_an_arrow_are_skipped() {
        let (_, skipped) = export(vec![card_of(
            "a",
            Kind::Typed {
                answer: Answer {
                    text: "x".into(),
                    accept: vec!["a->b".into()],
                },
            },
            "Map?",
        )]);
        assert_eq!(
            skipped,
            vec![Skipped::new(
                "a",
                "an answer containing \"->\" would be read by Moodle as a matching pair"
            )]
        );
    }

    #[test]
    fn a_cloze_text_starting_like_a_format_marker_reads_back() {
        let parts = vec![
            ClozePart::Text("[html] tags are ".into()),
            ClozePart::Blank(Answer::plain("markers")),
        ];
        let (text, _) = export(vec![card_of(
            "c",
            Kind::Cloze {
                parts: parts.clone(),
            },
            "",
        )]);
        assert_eq!(
            text,
            "// recall: cloze\n::c::&#91;html] tags are {=markers}\n\n"
        );
        assert_eq!(read(&text).cards[0].kind, Kind::Cloze { parts });
    }

    #[test]
    fn numbers_carry_tolerance_and_unit_in_the_question() {
        let (text, _) = export(vec![card_of(
            "d",
            Kind::Number {
                answer: 4300.0,
                tolerance: 100.0,
                unit: Some("km".into()),
            },
            "How long?",
        )]);
        assert_eq!(
            text,
            "// recall: number, unit: km\n::d::How long? (in km){#4300:100}\n\n"
        );
    }

    #[test]
    fn years_are_numbers_with_a_hint() {
        let (text, _) = export(vec![card_of(
            "y",
            Kind::Year {
                answer: 1969,
                tolerance: 0,
            },
            "When?",
        )]);
        assert_eq!(text, "// recall: year\n::y::When?{#1969}\n\n");
    }

    #[test]
    fn matching_pairs_use_arrows() {
        let (text, _) = export(vec![card_of(
            "m",
            Kind::Match {
                pairs: vec![
                    ("Phobos".into(), "Mars".into()),
                    ("Io".into(), "Jupiter".into()),
                ],
            },
            "Match the moons.",
        )]);
        assert!(text.contains("{\n\t=Phobos -> Mars\n\t=Io -> Jupiter\n}"));
    }

    #[test]
    fn basic_cards_are_essays_with_the_back_as_feedback() {
        let (text, _) = export(vec![card_of(
            "s",
            Kind::Basic {
                back: "A star: 5,778 K".into(),
            },
            "The Sun?",
        )]);
        assert_eq!(
            text,
            "// recall: basic\n::s::The Sun?{####A star\\: 5,778 K}\n\n"
        );
    }

    #[test]
    fn one_blank_cloze_is_a_missing_word_question() {
        let parts = vec![
            ClozePart::Text("Titan orbits ".into()),
            ClozePart::Blank(Answer::plain("Saturn")),
            ClozePart::Text(" every 16 days.".into()),
        ];
        let (text, _) = export(vec![card_of("c", Kind::Cloze { parts }, "")]);
        assert_eq!(
            text,
            "// recall: cloze\n::c::Titan orbits {=Saturn} every 16 days.\n\n"
        );
    }

    #[test]
    fn kinds_gift_cannot_express_are_reported() {
        let two_blanks = Kind::Cloze {
            parts: vec![
                ClozePart::Blank(Answer::plain("a")),
                ClozePart::Blank(Answer::plain("b")),
            ],
        };
        let (text, skipped) = export(vec![
            card_of(
                "l",
                Kind::List {
                    items: vec![Answer::plain("x")],
                    ordered: false,
                },
                "p",
            ),
            card_of(
                "o",
                Kind::Order {
                    items: vec!["x".into()],
                },
                "p",
            ),
            card_of("c", two_blanks, "p"),
        ]);
        assert_eq!(text, "");
        assert_eq!(
            skipped,
            vec![
                Skipped::new(
                    "l",
                    "GIFT has no question that asks for every item of a list"
                ),
                Skipped::new("o", "GIFT has no ordering question"),
                Skipped::new(
                    "c",
                    "GIFT's missing-word questions have one blank; this cloze has 2"
                ),
            ]
        );
    }

    #[test]
    fn html_special_characters_are_entities_in_question_text() {
        let (text, _) = export(vec![card_of(
            "h",
            Kind::TrueFalse { answer: true },
            "1 < 2 & <b>",
        )]);
        assert!(text.contains("::h::1 &lt; 2 &amp; &lt;b&gt;{T}"), "{text}");
    }

    #[test]
    fn reads_moodles_documentation_examples() {
        let got = read(
            "// comment\n::Q1:: Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}\n\n\
             Grant is {~buried =entombed ~living} in Grant's tomb.\n\n\
             Grant is buried in Grant's tomb.{FALSE}\n\n\
             Who's buried in Grant's tomb?{=no one =nobody}\n\n\
             When was Ulysses S. Grant born?{#1822:5}\n\n\
             Match the following countries with their corresponding capitals. {\n\
             =Canada -> Ottawa\n =Italy  -> Rome\n =Japan  -> Tokyo\n}\n",
        );
        assert_eq!(got.errors, vec![]);
        let kinds: Vec<&str> = got.cards.iter().map(|c| c.kind.name()).collect();
        assert_eq!(
            kinds,
            vec!["choice", "choice", "truefalse", "typed", "number", "match"]
        );
        assert_eq!(got.cards[0].id.as_str(), "Q1");
        assert_eq!(got.cards[0].prompt, "Who's buried in Grant's tomb?");
        assert_eq!(got.cards[1].prompt, "Grant is _____ in Grant's tomb.");
        assert_eq!(
            got.cards[1].kind,
            Kind::Choice {
                correct: vec!["entombed".into()],
                wrong: vec!["buried".into(), "living".into()]
            }
        );
        assert_eq!(
            got.cards[4].kind,
            Kind::Number {
                answer: 1822.0,
                tolerance: 5.0,
                unit: None
            }
        );
        assert_eq!(
            got.cards[5].kind,
            Kind::Match {
                pairs: vec![
                    ("Canada".into(), "Ottawa".into()),
                    ("Italy".into(), "Rome".into()),
                    ("Japan".into(), "Tokyo".into())
                ]
            }
        );
    }

    #[test]
    fn reads_weights_feedback_and_ranges() {
        let got = read(
            "Which two?{\n~%50%Grant #right\n~%50%Grant's wife\n~%-100%No one #wrong\n}\n\n\
             How much?{#=%100%5..7#ok =%50%4:1}\n",
        );
        assert_eq!(got.errors, vec![]);
        assert_eq!(
            got.cards[0].kind,
            Kind::Choice {
                correct: vec!["Grant".into(), "Grant's wife".into()],
                wrong: vec!["No one".into()]
            }
        );
        assert_eq!(
            got.cards[1].kind,
            Kind::Number {
                answer: 6.0,
                tolerance: 1.0,
                unit: None
            }
        );
    }

    #[test]
    fn escaped_characters_are_restored() {
        let got = read(r"::a\:b::What is 2 \= 1\+1\: \{yes\}?{=C\\* =x\~y}");
        assert_eq!(got.errors, vec![]);
        assert_eq!(got.cards[0].id.as_str(), "a-b");
        assert_eq!(got.cards[0].prompt, r"What is 2 = 1\+1: {yes}?");
        assert_eq!(
            got.cards[0].kind,
            Kind::Typed {
                answer: Answer {
                    text: "C*".into(),
                    accept: vec!["x~y".into()]
                }
            }
        );
    }

    #[test]
    fn unknown_syntax_is_reported_with_its_line() {
        let got = read(
            "Fine?{T}\n\nBroken {=a\n\n\nNo answer here\n\n::open name{T}\n\n\
             Pairs?{=a -> b}\n\nNumber?{#abc}\n\nPick?{~a ~b}\n\nTwo?{T} and {F}\n",
        );
        assert_eq!(got.cards.len(), 1);
        assert_eq!(
            got.errors,
            vec![
                FormatError::new(
                    3,
                    "unbalanced braces: a question needs one { and one } around its answers"
                ),
                FormatError::new(8, "the question name is not closed with \"::\""),
                FormatError::new(10, "a matching question needs at least two pairs"),
                FormatError::new(12, "\"abc\" is not a number"),
                FormatError::new(
                    14,
                    "a multiple choice question has no right option (= or a positive %weight%)"
                ),
                FormatError::new(
                    16,
                    "more than one answer block in a question is not supported"
                ),
            ]
        );
        assert_eq!(
            got.warnings,
            vec![FormatError::new(
                6,
                "a description (text without an answer in {...}) is not a question; left out"
            )]
        );
    }

    #[test]
    fn essays_are_basic_cards_even_without_a_model_answer() {
        let got = read("Discuss Io.{####Volcanoes, tides.}\n\nDescribe Europa.{}\n");
        assert_eq!(got.errors, vec![]);
        assert_eq!(
            got.cards[0].kind,
            Kind::Basic {
                back: "Volcanoes, tides.".into()
            }
        );
        assert_eq!(
            got.cards[1].kind,
            Kind::Basic {
                back: NO_MODEL_ANSWER.into()
            }
        );
        assert_eq!(got.warnings.len(), 1);
        assert_eq!(got.warnings[0].line, 3);
    }

    #[test]
    fn answer_feedback_goes_into_the_explanation() {
        let got = read(
            "Largest?{=Jupiter#Right, by far. ~Mars#Too small. ####Gas giants are big.}\n\n\
             Sun a star?{T#No: it is one.#Yes.}\n\n\
             Capital?{=Paris#Yes =%50%Lyon#Close, but no.}\n\n\
             When?{#=1969:0#Right. ~#Apollo 11 flew in 1969.}\n",
        );
        assert_eq!(got.errors, vec![]);
        let explain: Vec<&str> = got
            .cards
            .iter()
            .map(|c| c.explain.as_deref().unwrap())
            .collect();
        assert_eq!(
            explain,
            vec![
                "Gas giants are big.\nJupiter: Right, by far.\nMars: Too small.",
                "True: Yes.\nFalse: No: it is one.",
                "Paris: Yes\nLyon: Close, but no.",
                "1969:0: Right.\nAny other answer: Apollo 11 flew in 1969.",
            ]
        );
    }

    #[test]
    fn categories_give_the_title_and_the_tags() {
        let got = read(
            "$CATEGORY: $course$/top/Planets/Inner\n\nHot?{T}\n\n\
             $CATEGORY: $course$/top/Planets/Outer giants\n\nCold?{T}\n",
        );
        assert_eq!(got.title.as_deref(), Some("Planets"));
        assert_eq!(got.deck_id.as_deref(), Some("planets"));
        assert_eq!(got.cards[0].tags.to_vec(), vec!["inner".to_string()]);
        assert_eq!(got.cards[1].tags.to_vec(), vec!["outer-giants".to_string()]);
        let one = read("$CATEGORY: $course$/top/Solar system\n\nHot?{T}\n");
        assert_eq!(one.title.as_deref(), Some("Solar system"));
        assert!(one.cards[0].tags.is_empty());
    }

    #[test]
    fn ranges_are_read_as_ranges() {
        let got = read("Built when?{#2000..2003}\n");
        assert_eq!(
            got.cards[0].kind,
            Kind::Number {
                answer: 2001.5,
                tolerance: 1.5,
                unit: None
            }
        );
        let Kind::Number {
            answer, tolerance, ..
        } = got.cards[0].kind
        else {
            unreachable!()
        };
        assert_eq!(
            crate::deck::number_range(answer, tolerance),
            Some((2000.0, 2003.0))
        );
    }

    #[test]
    fn the_deck_id_and_title_survive_a_round_trip() {
        let deck = Deck {
            id: "space-101".into(),
            title: "Space / basics".into(),
            cards: vec![card_of(
                "sun",
                Kind::TrueFalse { answer: true },
                "Sun a star?",
            )],
            ..Deck::default()
        };
        let mut out = Vec::new();
        write(&deck, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("// recall: deck space-101\n$CATEGORY: $course$/top/Space - basics\n"),
            "{text}"
        );
        let back = read(&text);
        assert_eq!(back.deck_id.as_deref(), Some("space-101"));
        assert_eq!(back.title.as_deref(), Some("Space - basics"));
        assert_eq!(back.cards[0].id.as_str(), "sun");
        assert!(back.cards[0].tags.is_empty());
    }

    #[test]
    fn a_question_without_text_is_reported() {
        let got = read("::named::{T}\n\n{#1822:5}\n\n{=a =b}\n\nFine?{T}\n");
        assert_eq!(got.cards.len(), 1);
        assert_eq!(
            got.errors,
            vec![
                FormatError::new(1, "the question has no text, only answers"),
                FormatError::new(3, "the question has no text, only answers"),
                FormatError::new(5, "the question has no text, only answers"),
            ]
        );
    }

    #[test]
    fn private_use_characters_are_text_and_noncharacters_are_dropped() {
        let got = read("Icon \u{e001}\u{e000}\u{f8ff} \\: here\u{fdd1}?{T}");
        assert_eq!(got.errors, vec![]);
        assert_eq!(got.cards[0].prompt, "Icon \u{e001}\u{e000}\u{f8ff} : here?");
    }

    #[test]
    fn category_lines_are_ignored() {
        let got = read("$CATEGORY: $course$/top/Planets\n\nOK?{T}\n");
        assert_eq!(got.errors, vec![]);
        assert_eq!(got.cards.len(), 1);
    }

    #[test]
    fn unnamed_questions_get_content_ids() {
        let got = read("Is the Sun a star?{T}\n\nIs the Sun a star?{T}\n");
        assert_eq!(got.cards[0].id.as_str(), content_id("Is the Sun a star?"));
        assert_eq!(
            got.cards[1].id.as_str(),
            format!("{}-2", content_id("Is the Sun a star?"))
        );
    }
}

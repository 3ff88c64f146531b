//! Cloze cards: the `{{...}}` blanks of a prompt, read and checked.

use super::*;

impl<'s> Walker<'s> {
    pub(super) fn cloze(&mut self, t: &Tbl, prompt: Option<&Str>) -> Option<Kind> {
        let text = self.string(t, "text", true)?;
        let parts = match parse_cloze(&text.text) {
            Ok(parts) => parts,
            Err(e) => {
                let (msg, help) = match e.kind {
                    ClozeErrorKind::NoBlank => (
                        format!("cloze {} has no blank", t.owner),
                        Some("mark each blank with double braces, e.g. `{{Tashkent}}`"),
                    ),
                    ClozeErrorKind::Unclosed => (
                        format!("unclosed `{{{{` in {}", t.owner),
                        Some("close the blank with `}}`"),
                    ),
                    ClozeErrorKind::Nested => {
                        (format!("`{{{{` inside a blank in {}", t.owner), None)
                    }
                    ClozeErrorKind::Empty => (format!("empty blank in {}", t.owner), None),
                    ClozeErrorKind::EmptyAlternative => {
                        (format!("empty alternative in a blank of {}", t.owner), None)
                    }
                    ClozeErrorKind::EmptyHint => (
                        format!("empty hint after `::` in a blank of {}", t.owner),
                        Some(
                            "write the hint after `::`, e.g. `{{Frankfurt::city}}`, or remove `::`",
                        ),
                    ),
                };
                let mut d = Diagnostic::error(text.sub(e.range), msg);
                if let Some(help) = help {
                    d = d.with_help(help);
                }
                self.push(d);
                return None;
            }
        };
        let long = parts.iter().find_map(|p| match p {
            ClozePart::Blank(a) => a
                .all()
                .map(|alt| alt.chars().count())
                .find(|&n| n > MAX_ANSWER),
            _ => None,
        });
        if let Some(chars) = long {
            self.push(too_long(
                text.span,
                &format!("a blank of {}", t.owner),
                chars,
            ));
            return None;
        }
        // A blank whose answer is also written in the visible text (or the instruction) is no
        // question at all.
        let shown: String = parts
            .iter()
            .map(|p| match p {
                ClozePart::Text(s) => s.as_str(),
                ClozePart::Blank(_) => "\u{0}",
                // A hint is shown, so one holding the answer gives it away too.
                ClozePart::Hint(h) => h.as_str(),
            })
            .collect();
        for part in &parts {
            let ClozePart::Blank(answer) = part else {
                continue;
            };
            for alt in answer.all() {
                if find_word(&shown, alt).is_some() {
                    let span = visible_at(&text.text, alt).map_or(text.span, |r| text.sub(r));
                    let d = Diagnostic::error(
                        span,
                        format!("the blank `{alt}` of {} also appears in its text", t.owner),
                    )
                    .with_help("a blank whose answer is visible gives itself away");
                    self.push(d);
                    break;
                }
                if let Some(r) = prompt.and_then(|p| find_word(&p.text, alt)) {
                    let span = prompt.map_or(text.span, |p| p.sub(r));
                    let d = Diagnostic::error(
                        span,
                        format!("the prompt of {} contains its answer `{alt}`", t.owner),
                    )
                    .with_help(
                        "a prompt that contains its answer gives it away; reword the prompt",
                    );
                    self.push(d);
                    break;
                }
            }
        }
        Some(Kind::Cloze { parts })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ClozeErrorKind {
    NoBlank,
    Unclosed,
    Nested,
    Empty,
    EmptyAlternative,
    EmptyHint,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ClozeError {
    pub(super) kind: ClozeErrorKind,
    pub(super) range: Range<usize>,
}

/// Where `word` appears in `text` outside any `{{...}}` blank.
pub(super) fn visible_at(text: &str, word: &str) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(r) = find_word(&text[from..], word) {
        let r = from + r.start..from + r.end;
        let before = &text[..r.start];
        let inside = before
            .rfind("{{")
            .is_some_and(|open| !before[open..].contains("}}"));
        if !inside {
            return Some(r);
        }
        from = r.end;
    }
    None
}

/// Splits "The {{SCO|Shanghai Cooperation Organisation}} was founded..." into text and blanks.
/// A blank may end in a hint after `::`, as in Anki: "{{Frankfurt::city}}" shows "city" in the
/// blank and accepts "Frankfurt".
pub(super) fn parse_cloze(text: &str) -> Result<Vec<ClozePart>, ClozeError> {
    let mut parts = Vec::new();
    let mut rest = 0;
    let err = |kind, range| Err(ClozeError { kind, range });
    while let Some(open) = text[rest..].find("{{").map(|i| rest + i) {
        let inner_start = open + 2;
        let Some(close) = text[inner_start..].find("}}").map(|i| inner_start + i) else {
            return err(ClozeErrorKind::Unclosed, open..inner_start);
        };
        if let Some(nested) = text[inner_start..close].find("{{") {
            let at = inner_start + nested;
            return err(ClozeErrorKind::Nested, at..at + 2);
        }
        let (inner, hint) = match text[inner_start..close].split_once("::") {
            Some((answers, hint)) => (answers, Some(hint.trim())),
            None => (&text[inner_start..close], None),
        };
        if inner.trim().is_empty() {
            return err(ClozeErrorKind::Empty, open..close + 2);
        }
        if hint.is_some_and(str::is_empty) {
            return err(ClozeErrorKind::EmptyHint, open..close + 2);
        }
        let alts: Vec<&str> = inner.split('|').map(str::trim).collect();
        if alts.iter().any(|a| a.is_empty()) {
            return err(ClozeErrorKind::EmptyAlternative, open..close + 2);
        }
        if open > rest {
            parts.push(ClozePart::Text(Text::from(&text[rest..open])));
        }
        let answer = Answer {
            text: Text::from(alts[0]),
            accept: alts[1..].iter().map(|s| Text::from(*s)).collect(),
        };
        parts.push(ClozePart::Blank(answer));
        parts.extend(hint.map(|h| ClozePart::Hint(Text::from(h))));
        rest = close + 2;
    }
    if rest < text.len() {
        parts.push(ClozePart::Text(Text::from(&text[rest..])));
    }
    if !parts.iter().any(|p| matches!(p, ClozePart::Blank(_))) {
        return err(ClozeErrorKind::NoBlank, 0..text.len());
    }
    Ok(parts)
}

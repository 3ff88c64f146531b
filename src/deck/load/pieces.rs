//! Cutting a deck file into pieces parsed on their own (see [`Piece`]), and moving spans back
//! to the file's coordinates.

use super::*;

/// A stretch of the file parsed on its own: one `[[card]]` or `[[fact]]` table (`element`),
/// one inline table of a top-level `card = [{...}, ...]` or `fact = [...]` array (`element`
/// and `inline`), or part of the top level.
///
/// Parsing a large deck in one go makes the TOML parser hold every token and table of the
/// file at once (hundreds of megabytes for 100 000 cards, two gigabytes for a million cards
/// written as one array of inline tables); parsing it table by table keeps the memory to one
/// table's worth and lets syntax errors in one card leave the others checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) range: Range<usize>,
    pub(super) element: bool,
    /// For an element: whether it is a card (else a fact).
    pub(super) card: bool,
    /// For an element: an inline table (`{ ... }`) of a top-level array.
    pub(super) inline: bool,
}

/// Where a cut starts something, for `pieces`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Cut {
    /// Part of the top level.
    Root,
    /// A `[[card]]` (true) or `[[fact]]` table.
    Table(bool),
    /// An inline card (true) or fact table of a top-level array.
    Inline(bool),
    /// Text parsed with nothing (the `card = [` and the commas around inline tables).
    Skip,
}

/// A top-level `card = [` or `fact = [` being read, to cut its inline tables apart.
pub(super) struct InlineArray {
    pub(super) key_start: usize,
    pub(super) card: bool,
    /// Seen so far: `=` (1) and `[` (2).
    pub(super) stage: u8,
    pub(super) tables: Vec<Range<usize>>,
    /// Where the inline table being read starts.
    pub(super) open: Option<usize>,
    /// A comma must come before the next table.
    pub(super) need_comma: bool,
}

/// Cuts `src` before every top-level `[[card]]` and `[[fact]]` header, and before any other
/// top-level table header that starts a new table (a `[card.x]` stays with its card); and
/// around each inline table of a top-level `card = [...]` or `fact = [...]` array written
/// before any header, when the array holds only inline tables separated by commas (anything
/// else leaves the array to the top level's parser, which reports what is wrong). The lexer
/// is used so that brackets inside strings, comments and arrays are never taken for headers.
pub(super) fn pieces(src: &str) -> Vec<Piece> {
    use toml_parser::lexer::TokenKind;
    let mut cuts: Vec<(usize, Cut)> = vec![(0, Cut::Root)];
    let mut current: Option<&str> = None;
    let mut in_root = true;
    let mut array: Option<InlineArray> = None;
    let mut depth = 0usize;
    let mut line_start = true;
    let mut lexer = toml_parser::Source::new(src).lex();
    while let Some(token) = lexer.next() {
        let kind = token.kind();
        let (start, end) = (token.span().start(), token.span().end());
        if let Some(a) = array.as_mut() {
            // Newlines may only come inside the brackets.
            let quiet = matches!(kind, TokenKind::Whitespace | TokenKind::Comment)
                || (kind == TokenKind::Newline && a.stage == 2);
            let keep = match (a.stage, kind) {
                (_, _) if quiet => true,
                (0, TokenKind::Equals) | (1, TokenKind::LeftSquareBracket) => {
                    a.stage += 1;
                    true
                }
                (0 | 1, _) => false,
                // Inside the array: inline tables and commas only.
                (_, TokenKind::LeftCurlyBracket) if depth == 1 && !a.need_comma => {
                    a.open = Some(start);
                    true
                }
                (_, TokenKind::RightCurlyBracket) if depth == 2 && a.open.is_some() => {
                    a.tables.push(a.open.take().unwrap_or(start)..end);
                    a.need_comma = true;
                    true
                }
                (_, TokenKind::Comma) if depth == 1 => std::mem::replace(&mut a.need_comma, false),
                (_, TokenKind::RightSquareBracket) if depth == 1 => {
                    if !a.tables.is_empty() {
                        cuts.push((a.key_start, Cut::Skip));
                        for t in &a.tables {
                            cuts.push((t.start, Cut::Inline(a.card)));
                            cuts.push((t.end, Cut::Skip));
                        }
                        cuts.push((end, Cut::Root));
                    }
                    array = None;
                    true
                }
                _ => depth >= 2 && a.open.is_some(),
            };
            if !keep {
                array = None;
            }
        }
        match kind {
            TokenKind::Eof => break,
            TokenKind::Newline => line_start |= depth == 0,
            TokenKind::Whitespace | TokenKind::Comment => {}
            TokenKind::LeftSquareBracket if line_start && depth == 0 => {
                let mut header = Vec::new();
                for t in lexer.by_ref() {
                    match t.kind() {
                        TokenKind::Newline | TokenKind::Eof => break,
                        TokenKind::Whitespace | TokenKind::Comment => {}
                        _ => header.push(t),
                    }
                }
                let text = |i: usize| {
                    header
                        .get(i)
                        .map(|t: &toml_parser::lexer::Token| &src[t.span().start()..t.span().end()])
                };
                let double = text(0) == Some("[");
                let first = text(usize::from(double)).map(|k| k.trim_matches(['"', '\'']));
                let element = double
                    && matches!(first, Some("card" | "fact"))
                    && text(2) == Some("]")
                    && text(3) == Some("]");
                if element {
                    cuts.push((start, Cut::Table(first == Some("card"))));
                    current = first;
                } else if first != current {
                    cuts.push((start, Cut::Root));
                    current = first;
                }
                in_root = false;
                line_start = true;
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                depth += 1;
                line_start = false;
            }
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.saturating_sub(1);
                line_start = false;
            }
            TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString
                if line_start && depth == 0 && in_root =>
            {
                let key = src[start..end].trim_matches(['"', '\'']);
                if key == "card" || key == "fact" {
                    array = Some(InlineArray {
                        key_start: start,
                        card: key == "card",
                        stage: 0,
                        tables: Vec::new(),
                        open: None,
                        need_comma: false,
                    });
                }
                line_start = false;
            }
            _ => line_start = false,
        }
    }
    let mut out = Vec::with_capacity(cuts.len());
    for (i, &(start, cut)) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).map_or(src.len(), |c| c.0);
        let (element, card, inline) = match cut {
            Cut::Root => (false, false, false),
            Cut::Table(card) => (true, card, false),
            Cut::Inline(card) => (true, card, true),
            Cut::Skip => continue,
        };
        if end > start {
            out.push(Piece {
                range: start..end,
                element,
                card,
                inline,
            });
        }
    }
    out
}

pub(super) fn shift_key<'i>(key: Spanned<DeString<'i>>, by: usize) -> Spanned<DeString<'i>> {
    let r = key.span();
    Spanned::new(r.start + by..r.end + by, key.into_inner())
}

/// `v` with every span moved `by` bytes: from a piece's coordinates to the file's.
pub(super) fn shift<'i>(v: Spanned<DeValue<'i>>, by: usize) -> Spanned<DeValue<'i>> {
    let r = v.span();
    let inner = match v.into_inner() {
        DeValue::Table(t) => DeValue::Table(
            t.into_iter()
                .map(|(k, v)| (shift_key(k, by), shift(v, by)))
                .collect(),
        ),
        DeValue::Array(a) => DeValue::Array(a.into_iter().map(|v| shift(v, by)).collect()),
        other => other,
    };
    Spanned::new(r.start + by..r.end + by, inner)
}

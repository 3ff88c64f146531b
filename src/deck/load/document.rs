//! The whole file: syntax errors, the cut into pieces parsed on their own, the top level (format,
//! id, title, deck tags) and the walk over cards and facts.

use super::*;

impl<'s> Walker<'s> {
    pub(super) fn document(&mut self) -> Option<Deck> {
        if self.src.trim_start_matches('\u{feff}').trim().is_empty() {
            let d = Diagnostic::error(Span::new(0, 0), "the deck file is empty").with_help(
                "a deck starts with `format = 1`, an `id` and a `title`; see the deck format in recall's README",
            );
            self.push(d);
            return None;
        }
        let pieces = pieces(self.src);
        let (root, root_ok) = self.root(&pieces);
        let root = Tbl {
            t: &root,
            span: Span::new(0, 0),
            owner: "the deck".into(),
        };
        let has_elements = pieces.iter().any(|p| p.element);
        if root_ok && root.t.is_empty() && !has_elements {
            let d = Diagnostic::error(Span::new(0, 0), "the deck is empty")
                .with_help("a deck needs at least `format = 1`, an `id` and a `title`");
            self.push(d);
            return None;
        }
        let mut meta = None;
        if root_ok {
            if !self.format(&root) {
                return None;
            }
            meta = Some(self.meta(&root));
        }
        let tags = meta.as_ref().map(|m| m.tags.clone()).unwrap_or_default();
        let mut root_elements = Elements::default();
        self.elements(&root, &tags, &mut root_elements);
        // Each element piece holds one card or fact: number them as in the file.
        let (mut cards_seen, mut facts_seen) = (root_elements.card_count, root_elements.fact_count);
        let work: Vec<(&Piece, usize)> = pieces
            .iter()
            .filter(|p| p.element)
            .map(|p| {
                let count = if p.card {
                    &mut cards_seen
                } else {
                    &mut facts_seen
                };
                *count += 1;
                (p, *count)
            })
            .collect();
        // The first part gets room for every card of the deck, generated ones included, so
        // the others can be moved into it without copying it.
        let room = (cards_seen + GENERATED_PER_FACT * facts_seen, facts_seen);
        let src = self.src;
        let checking = self.checking;
        let parts = parallel::map_chunks(&work, PIECES_PER_THREAD, |n, chunk| {
            let mut walker = Walker::new(src);
            walker.checking = checking;
            let room = if n == 0 { room } else { (0, 0) };
            let part = walker.element_pieces(chunk, &tags, room);
            (part, walker.diags)
        });
        drop(work);
        drop(pieces);
        let mut acc = root_elements;
        for (part, diags) in parts {
            acc.append(part);
            self.diags.extend(diags);
        }
        let declared = std::mem::take(&mut acc.declared);
        let (cards, facts) = self.unique(acc);
        let meta = meta?;
        let id = meta.id?;
        let seed = meta.seed.unwrap_or_else(|| generate::default_seed(&id));
        Some(Deck {
            id,
            title: meta.title?,
            description: meta.description,
            author: meta.author,
            source: meta.source,
            tags,
            seed,
            settings: meta.settings,
            facts,
            cards,
            apart: crate::deck::Apart {
                declared,
                ..Default::default()
            },
        })
    }

    pub(super) fn syntax_errors(&mut self, errors: Vec<toml::de::Error>) {
        for e in errors {
            let deep = e.message().contains("recursion");
            let span = match e.span() {
                Some(r) => self.sp(r),
                // The parser's limit on nesting through dotted keys comes without a place:
                // the line that nests most is where it was met.
                None if deep => deepest_line(self.src),
                None => Span::default(),
            };
            let mut d = Diagnostic::error(span, format!("invalid TOML: {}", e.message()));
            if deep {
                d = d.with_help(
                    "keys, tables or arrays are nested more deeply here than a deck ever needs; \
                     write this line flatter",
                );
            }
            // The parser names what it expected; a control character (often pasted in from
            // another program) deserves to be named itself.
            let here = self
                .src
                .get(span.start..)
                .and_then(|rest| rest.chars().next());
            if let Some(c) = here.filter(|c| c.is_control() && *c != '\n' && *c != '\r') {
                d = d.with_help(format!(
                    "the text holds the control character U+{:04X}, which TOML does not allow \
                     here: remove it, or inside a string write it as \\u{:04X}",
                    c as u32, c as u32
                ));
            }
            self.push(d);
        }
    }

    /// Parses and walks `[[card]]`/`[[fact]]` pieces, each with its number among its kind.
    /// `room` is the number of cards and facts to make room for (at least those of `pieces`).
    pub(super) fn element_pieces(
        &mut self,
        pieces: &[(&Piece, usize)],
        tags: &[Text],
        room: (usize, usize),
    ) -> Elements {
        let mut acc = Elements::default();
        let cards = pieces.iter().filter(|(p, _)| p.card).count();
        acc.cards.reserve(room.0.max(cards));
        acc.card_spans.reserve(room.0.max(cards));
        acc.facts.reserve(room.1.max(pieces.len() - cards));
        acc.fact_spans.reserve(room.1.max(pieces.len() - cards));
        for &(piece, n) in pieces {
            let text = &self.src[piece.range.clone()];
            // An inline table is parsed as the one table of a `card = [...]` array, which
            // reads as a `[[card]]` piece does; `card=[` and `fact=[` are 6 bytes, and the
            // array's opening bracket comes before the table in the file, so positions in
            // the table map back onto the file.
            let wrapped;
            let (table, errors) = if piece.inline {
                let key = if piece.card { "card" } else { "fact" };
                wrapped = format!("{key}=[{text}]");
                self.base = piece.range.start - 6;
                DeTable::parse_recoverable(&wrapped)
            } else {
                self.base = piece.range.start;
                DeTable::parse_recoverable(text)
            };
            if errors.is_empty() {
                let t = Tbl {
                    t: table.get_ref(),
                    span: self.sp(table.span()),
                    owner: "the deck".into(),
                };
                if piece.card {
                    acc.card_count = n - 1;
                } else {
                    acc.fact_count = n - 1;
                }
                self.elements(&t, tags, &mut acc);
            } else {
                self.syntax_errors(errors);
            }
            self.base = 0;
        }
        acc
    }

    /// Parses the pieces of the file that are not `[[card]]`/`[[fact]]` tables and merges them
    /// into one top-level table (spans made absolute). False if any had a syntax error.
    pub(super) fn root(&mut self, pieces: &[Piece]) -> (DeTable<'s>, bool) {
        let mut root = DeTable::new();
        let mut ok = true;
        for piece in pieces.iter().filter(|p| !p.element) {
            let (table, errors) = DeTable::parse_recoverable(&self.src[piece.range.clone()]);
            if !errors.is_empty() {
                self.base = piece.range.start;
                self.syntax_errors(errors);
                self.base = 0;
                ok = false;
                continue;
            }
            for (key, value) in table.into_inner() {
                let key = shift_key(key, piece.range.start);
                let value = shift(value, piece.range.start);
                let name = key.get_ref().as_ref();
                match root.get_mut(name) {
                    None => {
                        root.insert(key, value);
                    }
                    Some(first) => match (first.get_mut(), value.into_inner()) {
                        // `[[x]]` tables of one array can sit in different pieces.
                        (DeValue::Array(items), DeValue::Array(more)) => {
                            for v in more {
                                items.push(v);
                            }
                        }
                        _ => {
                            let first_span =
                                root.get_key_value(name).map_or(Span::default(), |(k, _)| {
                                    Span::new(k.span().start, k.span().end)
                                });
                            let span = Span::new(key.span().start, key.span().end);
                            let d = Diagnostic::error(
                                span,
                                format!("invalid TOML: duplicate key `{name}`"),
                            )
                            .with_related(first_span, "first defined here");
                            self.push(d);
                            ok = false;
                        }
                    },
                }
            }
        }
        (root, ok)
    }

    /// The deck's own fields (everything but cards and facts).
    pub(super) fn meta(&mut self, root: &Tbl) -> Meta {
        self.check_keys(root, &[DECK_FIELDS], || "the deck's top level takes".into());
        let id = self.string(root, "id", true);
        if let Some(id) = &id
            && !id.text.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')
            })
        {
            let d = Diagnostic::error(id.span, format!("invalid deck id `{}`", id.text))
                .with_help("a deck id uses only lowercase letters, digits, `.`, `_` and `-`");
            self.push(d);
        } else if let Some(id) = &id
            && !id.text.chars().any(|c| c.is_ascii_alphanumeric())
        {
            // `.` and `..` name directories wherever an id becomes part of a path.
            let d = Diagnostic::error(
                id.span,
                format!("invalid deck id `{}`: it has no letter or digit", id.text),
            )
            .with_help("a deck id needs at least one lowercase letter or digit, such as `sco`");
            self.push(d);
        }
        Meta {
            id: id.map(|s| s.text.into()),
            title: self.string(root, "title", true).map(|s| s.text.into()),
            description: self
                .string(root, "description", false)
                .map(|s| s.text.into()),
            author: self.string(root, "author", false).map(|s| s.text.into()),
            tags: self.tags(root),
            seed: self.seed(root),
            source: self.table(root, "source").and_then(|t| self.source(&t)),
            settings: self
                .table(root, "settings")
                .map(|t| self.settings(&t))
                .unwrap_or_default(),
        }
    }

    /// Checks `format`; false when the rest of the file must not be read as a known format.
    pub(super) fn format(&mut self, root: &Tbl) -> bool {
        let known = FORMATS
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let Some(v) = root.get("format") else {
            let d = Diagnostic::error(
                Span::new(0, 0),
                "missing required field `format` in the deck",
            )
            .with_help(format!(
                "add `format = 1` at the top; this recall reads deck format {known}"
            ));
            self.push(d);
            return true;
        };
        let span = self.sp(v.span());
        match to_i64(v.get_ref()) {
            Some(n) if FORMATS.contains(&n) => true,
            Some(n) => {
                let d = Diagnostic::error(span, format!("unsupported deck format {n}")).with_help(
                    format!(
                        "this recall reads deck format {known}; a newer recall may read this deck"
                    ),
                );
                self.push(d);
                false
            }
            None => {
                self.wrong_type(root, "format", v, "an integer");
                true
            }
        }
    }
}

/// The deck's fields read from the top level.
pub(super) struct Meta {
    pub(super) id: Option<String>,
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) author: Option<String>,
    pub(super) tags: Vec<Text>,
    pub(super) seed: Option<u64>,
    pub(super) source: Option<SourceRef>,
    pub(super) settings: DeckSettings,
}

/// The line of `src` with the most nesting characters (`.`, `{`, `[`), as a span from its
/// start to its end (the first such line on a tie).
pub(super) fn deepest_line(src: &str) -> Span {
    let mut best = (0, Span::default());
    let mut start = 0;
    for line in src.split_inclusive('\n') {
        let depth = line
            .bytes()
            .filter(|b| matches!(b, b'.' | b'{' | b'['))
            .count();
        if depth > best.0 {
            let end = start + line.trim_end_matches(['\n', '\r']).len();
            best = (depth, Span::new(start, end));
        }
        start += line.len();
    }
    best.1
}

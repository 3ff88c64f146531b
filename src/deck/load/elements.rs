//! Cards and facts as elements of the deck: their ids, kinds and `apart` keys, and the
//! duplicate checks across them.

use super::*;

impl<'s> Walker<'s> {
    /// The tables of an array of tables (`[[card]]`), each with its header span.
    pub(super) fn table_array<'t, 'i>(
        &mut self,
        root: &Tbl<'t, 'i>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Span)> {
        let Some(v) = root.get(key) else {
            return Vec::new();
        };
        let items = match v.get_ref() {
            DeValue::Array(a) => a,
            other => {
                let mut d = Diagnostic::error(
                    self.sp(v.span()),
                    format!(
                        "`{key}` in the deck must be a list of tables, found {}",
                        type_name(other)
                    ),
                );
                if matches!(other, DeValue::Table(_)) {
                    d = d.with_help(format!(
                        "write each one as `[[{key}]]`, with double brackets"
                    ));
                }
                self.push(d);
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, self.sp(item.span()))),
                other => {
                    let d = Diagnostic::error(
                        self.sp(item.span()),
                        format!("each `{key}` must be a table, found {}", type_name(other)),
                    );
                    self.push(d);
                }
            }
        }
        out
    }

    pub(super) fn id(&mut self, t: &Tbl, what: &str) -> Option<Str> {
        let id = self.string(t, "id", true)?;
        self.last_id = Some(id.clone());
        if id.text.contains('/') {
            let d = Diagnostic::error(id.span, format!("invalid {what} id `{}`: `/` is reserved for generated cards", id.text))
                .with_help("generated cards are named FACT-ID/FORM; use only letters, digits, `.`, `_` and `-`");
            self.push(d);
        } else if !id.text.chars().all(is_id_char) {
            let d = Diagnostic::error(id.span, format!("invalid {what} id `{}`", id.text))
                .with_help("use only letters, digits, `.`, `_` and `-`");
            self.push(d);
        }
        Some(id)
    }

    /// The kind named by `kind`, with its own keys; `None` (reported) if missing or unknown.
    pub(super) fn kind<'k>(
        &mut self,
        t: &Tbl,
        what: &str,
        kinds: &'k [(&'k str, &'k [&'k str])],
    ) -> Option<(&'k str, &'k [&'k str])> {
        let kind = self.string(t, "kind", true)?;
        if let Some(found) = kinds.iter().find(|(k, _)| *k == kind.text) {
            return Some(*found);
        }
        let names = || kinds.iter().map(|(k, _)| *k);
        let help = match closest(&kind.text, names()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!(
                "the {what} kinds are: {}",
                names().collect::<Vec<_>>().join(", ")
            ),
        };
        self.push(
            Diagnostic::error(kind.span, format!("unknown {what} kind `{}`", kind.text))
                .with_help(help),
        );
        None
    }

    /// Walks the cards and facts of `t` (the top level or one piece of the file).
    pub(super) fn elements(&mut self, t: &Tbl, deck_tags: &[Text], acc: &mut Elements) {
        for (table, span) in self.table_array(t, "card") {
            acc.card_count += 1;
            self.last_id = None;
            if let Some((card, id_span)) = self.card(acc.card_count, table, span, deck_tags) {
                self.declare(
                    &Tbl {
                        t: table,
                        span,
                        owner: format!("card `{}`", card.id),
                    },
                    &card.id.0,
                    acc,
                );
                acc.cards.push(card);
                acc.card_spans.push(id_span);
            } else if let Some(id) = self.last_id.take() {
                acc.failed.push((id.text, id.span));
            }
        }
        for (table, span) in self.table_array(t, "fact") {
            acc.fact_count += 1;
            self.last_id = None;
            let fact = self.fact(acc.fact_count, table, span, deck_tags);
            if fact.is_none()
                && let Some(id) = self.last_id.take()
            {
                acc.failed.push((id.text, id.span));
            }
            if let Some((fact, id_span)) = fact {
                self.declare(
                    &Tbl {
                        t: table,
                        span,
                        owner: format!("fact `{}`", fact.id),
                    },
                    &fact.id,
                    acc,
                );
                acc.facts.push(fact);
                acc.fact_spans.push(id_span);
            }
        }
    }

    /// The `apart` list of the card or fact `id` (other cards' or facts' ids): kept in `acc`
    /// for `deck::apart::relate`, which checks that they exist.
    pub(super) fn declare(&mut self, t: &Tbl, id: &Text, acc: &mut Elements) {
        if let Some(ids) = self.str_list(t, "apart", false) {
            for other in ids {
                acc.declared.push((id.clone(), other.text, other.span));
            }
        }
    }

    /// Drops (and reports) cards and facts whose id is already taken. Cards and facts share
    /// one set of ids, since `recall show --card` takes either.
    pub(super) fn unique(&mut self, mut acc: Elements) -> (Vec<Card>, Vec<Fact>) {
        let mut card_ids: IdMap<&str, Span> = IdMap::default();
        card_ids.reserve(acc.cards.len());
        let mut keep_cards = Vec::with_capacity(acc.cards.len());
        for (card, id_span) in acc.cards.iter().zip(&acc.card_spans) {
            match card_ids.entry(card.id.as_str()) {
                Entry::Occupied(first) => {
                    let d = Diagnostic::error(*id_span, format!("duplicate card id `{}`", card.id))
                        .with_related(*first.get(), "first defined here");
                    self.push(d);
                    keep_cards.push(false);
                }
                Entry::Vacant(slot) => {
                    slot.insert(*id_span);
                    keep_cards.push(true);
                }
            }
        }
        let mut fact_ids: IdMap<&str, Span> = IdMap::default();
        let mut keep_facts = Vec::with_capacity(acc.facts.len());
        for (fact, id_span) in acc.facts.iter().zip(&acc.fact_spans) {
            let keep = if fact.id == generate::TIMELINE {
                let d = Diagnostic::error(
                    *id_span,
                    "fact id `timeline` is reserved for the generated timeline cards",
                );
                self.push(d);
                false
            } else if let Some(card_span) = card_ids.get(fact.id.as_str()) {
                let d =
                    Diagnostic::error(*id_span, format!("fact id `{}` is also a card id", fact.id))
                        .with_related(*card_span, "the card is defined here")
                        .with_help("cards and facts share one set of ids; rename one of them");
                self.push(d);
                false
            } else {
                match fact_ids.entry(fact.id.as_str()) {
                    Entry::Occupied(first) => {
                        let d =
                            Diagnostic::error(*id_span, format!("duplicate fact id `{}`", fact.id))
                                .with_related(*first.get(), "first defined here");
                        self.push(d);
                        false
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(*id_span);
                        true
                    }
                }
            };
            keep_facts.push(keep);
        }
        // Tables with other errors still must not reuse an id.
        let mut failed_ids: IdMap<&str, Span> = IdMap::default();
        for (id, span) in &acc.failed {
            let earlier = card_ids
                .get(id.as_str())
                .or_else(|| fact_ids.get(id.as_str()))
                .or_else(|| failed_ids.get(id.as_str()))
                .copied();
            match earlier {
                Some(other) => {
                    let (first, second) = if other.start < span.start {
                        (other, *span)
                    } else {
                        (*span, other)
                    };
                    let d = Diagnostic::error(second, format!("duplicate id `{id}`"))
                        .with_related(first, "first defined here");
                    self.push(d);
                }
                None => {
                    failed_ids.insert(id.as_str(), *span);
                }
            }
        }
        drop((card_ids, fact_ids, failed_ids));
        let mut keep = keep_cards.into_iter();
        acc.cards.retain(|_| keep.next().unwrap_or(true));
        let mut keep = keep_facts.into_iter();
        acc.facts.retain(|_| keep.next().unwrap_or(true));
        (acc.cards, acc.facts)
    }
}

/// Cards and facts read so far, with where their ids are written, to find duplicates.
impl Elements {
    /// Moves `other`'s cards and facts after these; an empty `self` takes `other`'s lists
    /// as they are (no copy).
    pub(super) fn append(&mut self, mut other: Elements) {
        fn join<T>(to: &mut Vec<T>, from: &mut Vec<T>) {
            if to.is_empty() {
                std::mem::swap(to, from);
            } else {
                to.append(from);
            }
        }
        join(&mut self.cards, &mut other.cards);
        join(&mut self.facts, &mut other.facts);
        join(&mut self.card_spans, &mut other.card_spans);
        join(&mut self.fact_spans, &mut other.fact_spans);
        join(&mut self.failed, &mut other.failed);
        join(&mut self.declared, &mut other.declared);
    }
}

#[derive(Default)]
pub(super) struct Elements {
    pub(super) cards: Vec<Card>,
    pub(super) facts: Vec<Fact>,
    /// Where each card's and fact's id is written, in the same order.
    pub(super) card_spans: Vec<Span>,
    pub(super) fact_spans: Vec<Span>,
    /// Ids of cards and facts that could not be read, still checked for duplicates.
    pub(super) failed: Vec<(Text, Span)>,
    /// Tables seen so far, to name a card without an id ("card #3").
    pub(super) card_count: usize,
    pub(super) fact_count: usize,
    /// `apart` keys: (the card or fact, the id it names, where that id is written).
    pub(super) declared: Vec<(Text, Text, Span)>,
}

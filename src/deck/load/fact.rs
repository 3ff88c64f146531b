//! One `[[fact]]` table: its kind's fields and the hints that shape its generated questions.

use super::*;

impl<'s> Walker<'s> {
    pub(super) fn fact(
        &mut self,
        n: usize,
        t: &DeTable,
        header: Span,
        deck_tags: &[Text],
    ) -> Option<(Fact, Span)> {
        let mut t = Tbl {
            t,
            span: header,
            owner: format!("fact #{n}"),
        };
        let id = self.id(&t, "fact");
        t.owner = owner("fact", n, id.as_ref());
        let (kind_name, kind_keys) = self.kind(&t, "fact", FACT_KINDS)?;
        self.check_keys(&t, &[FACT_COMMON, kind_keys], || {
            format!("a `{kind_name}` fact takes")
        });
        let tags = merge_tags(self.tags(&t), deck_tags);
        let explain = self.string(&t, "explain", false).map(|s| s.text);
        let source = self.string(&t, "source", false).map(|s| s.text);
        let kind = self.fact_kind(&t, kind_name);
        let hints = self.hints(&t, kind_name);
        let id = id?;
        let fact = Fact {
            id: id.text,
            kind: kind?,
            tags,
            explain,
            source,
            span: header,
            hints,
        };
        Some((fact, id.span))
    }

    /// A table keyed by form (`ask`, `wrong`), its unknown forms reported; `None` when absent
    /// or not a table.
    pub(super) fn forms_table<'t, 'i>(
        &mut self,
        t: &Tbl<'t, 'i>,
        key: &str,
        forms: &[&str],
        expected: &str,
    ) -> Option<Tbl<'t, 'i>> {
        let v = t.get(key)?;
        let DeValue::Table(table) = v.get_ref() else {
            self.wrong_type(t, key, v, &format!("a table of {expected}"));
            return None;
        };
        for (name, _) in table.iter() {
            let form = name.get_ref().as_ref();
            if forms.contains(&form) {
                continue;
            }
            let help = match closest(form, forms.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None if forms.is_empty() => "this kind of fact has no such forms".to_string(),
                None => format!("the forms here are: {}", forms.join(", ")),
            };
            let d = Diagnostic::error(
                self.sp(name.span()),
                format!("unknown form `{form}` in `{key}` of {}", t.owner),
            )
            .with_help(help);
            self.push(d);
        }
        Some(Tbl {
            t: table,
            span: self.sp(v.span()),
            owner: format!("`{key}` of {}", t.owner),
        })
    }

    /// The optional wording keys of a fact (`verb`, `current`, `item_kind`, `place_kind`,
    /// `ask`); which of them a kind takes is checked with its other keys.
    pub(super) fn hints(&mut self, t: &Tbl, kind: &str) -> FactHints {
        let text = |w: &mut Self, key: &str| w.string(t, key, false).map(|s| s.text);
        let mut hints = FactHints {
            verb: text(self, "verb"),
            current: self.boolean(t, "current", false),
            item_kind: text(self, "item_kind"),
            place_kind: text(self, "place_kind"),
            ask: Vec::new(),
            wrong: Vec::new(),
        };
        let forms = generate::forms(kind);
        let example = "prompts by form, e.g. `ask = { year = \"...\" }`";
        if let Some(ask) = self.forms_table(t, "ask", forms, example) {
            for form in ask.t.keys() {
                let form = form.get_ref().as_ref();
                if !forms.contains(&form) {
                    continue;
                }
                if let Some(prompt) = self.string(&ask, form, false) {
                    hints.ask.push((Text::from(form), prompt.text));
                }
            }
        }
        let choices = generate::choice_forms(kind);
        let example = "wrong options by choice form, e.g. `wrong = { member = [\"...\"] }`";
        if let Some(wrong) = self.forms_table(t, "wrong", choices, example) {
            for form in wrong.t.keys() {
                let form = form.get_ref().as_ref();
                if !choices.contains(&form) {
                    continue;
                }
                if let Some(options) = self.str_list(&wrong, form, false) {
                    self.duplicates(&wrong, options.iter(), "wrong option");
                    hints.wrong.push((
                        Text::from(form),
                        options.into_iter().map(|s| s.text).collect(),
                    ));
                }
            }
        }
        hints
    }

    pub(super) fn accept(&mut self, t: &Tbl) -> Vec<Text> {
        self.str_list(t, "accept", false)
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    pub(super) fn fact_kind(&mut self, t: &Tbl, kind: &str) -> Option<FactKind> {
        let text = |w: &mut Self, key: &str| w.string(t, key, true).map(|s| s.text);
        match kind {
            "event" => {
                let what = text(self, "what");
                let date = self.date(t, "date", true);
                let place = self.string(t, "place", false).map(|s| s.text);
                Some(FactKind::Event {
                    what: what?,
                    date: date?,
                    place,
                })
            }
            "place" => {
                let subject = text(self, "subject");
                let place = text(self, "place");
                let accept = self.accept(t);
                let relation = self
                    .string(t, "relation", false)
                    .map_or_else(|| Text::from("headquarters"), |s| s.text);
                let since = self.date(t, "since", false);
                let previously = self.str_list(t, "previously", false).unwrap_or_default();
                let previously = previously.into_iter().map(|s| s.text).collect();
                Some(FactKind::Place {
                    subject: subject?,
                    relation,
                    place: Answer {
                        text: place?,
                        accept,
                    },
                    since,
                    previously,
                })
            }
            "person" => {
                let name = text(self, "name");
                let accept = self.accept(t);
                let role = text(self, "role");
                let since = self.date(t, "since", false);
                Some(FactKind::Person {
                    name: Answer {
                        text: name?,
                        accept,
                    },
                    role: role?,
                    since,
                })
            }
            "list" => {
                let name = self.string(t, "name", true);
                let items = self.answers(t, "items");
                let ordered = self.boolean(t, "ordered", false).unwrap_or(false);
                let (name, items) = (name?, items?);
                self.duplicate_answers(t, &items, "item");
                let what = format!("the name of list {}", t.owner);
                self.count_words(&name.text, items.len(), |r| name.sub(r), &what);
                Some(FactKind::List {
                    name: name.text,
                    items: items.into_iter().map(|(a, _)| a).collect(),
                    ordered,
                })
            }
            "number" => {
                let quantity = text(self, "quantity");
                let value = self.number(t, "value", true);
                let unit = self.string(t, "unit", false).map(|s| s.text);
                let tolerance = self.tolerance(t);
                Some(FactKind::Number {
                    quantity: quantity?,
                    value: value?.0,
                    unit,
                    tolerance,
                })
            }
            "term" => {
                let term = text(self, "term");
                let accept = self.accept(t);
                let definition = text(self, "definition");
                Some(FactKind::Term {
                    term: Answer {
                        text: term?,
                        accept,
                    },
                    definition: definition?,
                })
            }
            _ => None,
        }
    }
}

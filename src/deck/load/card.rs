//! One `[[card]]` table: its kind's fields (typed, year, number, choice, list, order, match, ...).

use super::*;

impl<'s> Walker<'s> {
    pub(super) fn card(
        &mut self,
        n: usize,
        t: &DeTable,
        header: Span,
        deck_tags: &[Text],
    ) -> Option<(Card, Span)> {
        let mut t = Tbl {
            t,
            span: header,
            owner: format!("card #{n}"),
        };
        let id = self.id(&t, "card");
        t.owner = owner("card", n, id.as_ref());
        let (kind_name, kind_keys) = self.kind(&t, "card", CARD_KINDS)?;
        self.check_keys(&t, &[CARD_COMMON, kind_keys, CARD_MEDIA], || {
            format!("a `{kind_name}` card takes")
        });
        let tags = merge_tags(self.tags(&t), deck_tags);
        let tags = self.tag_lists.get(&tags);
        let explain = self
            .string(&t, "explain", false)
            .map(|s| Shared::from(s.text.as_str()));
        let source = self.string(&t, "source", false).map(|s| s.text);
        let media = Media::boxed(self.media(&t, "media"), self.media(&t, "answer_media"));
        let prompt = match kind_name {
            "basic" => {
                let front = self.string(&t, "front", false);
                let prompt = self.string(&t, "prompt", false);
                match (front, prompt) {
                    (Some(_), Some(p)) => {
                        let d = Diagnostic::error(
                            p.span,
                            format!("{} has both `front` and `prompt`", t.owner),
                        )
                        .with_help("a basic card's question is its `front`; remove `prompt`");
                        self.push(d);
                        None
                    }
                    (Some(s), None) | (None, Some(s)) => Some(s),
                    (None, None) => {
                        if !t.t.contains_key("front") && !t.t.contains_key("prompt") {
                            self.missing(&t, "front");
                        }
                        None
                    }
                }
            }
            "cloze" => self.string(&t, "prompt", false),
            _ => self.string(&t, "prompt", true),
        };
        let kind = self.card_kind(&t, kind_name, prompt.as_ref());
        if let Some(p) = &prompt {
            let chars = p.text.chars().count();
            if chars > LONG_PROMPT {
                let d = Diagnostic::warning(p.span, format!("the prompt of {} is {chars} characters long", t.owner))
                    .with_help(format!(
                        "keep prompts under {LONG_PROMPT} characters so they read at a glance; move detail into `explain`"
                    ));
                self.push(d);
            }
        }
        let needs_prompt = !matches!(kind_name, "cloze");
        if needs_prompt && prompt.is_none() {
            return None;
        }
        let (kind, prompt) = (kind?, prompt);
        if let (Some(p), Some(leak)) = (
            &prompt,
            prompt.as_ref().and_then(|p| lint::leak(&kind, &p.text)),
        ) {
            let d = Diagnostic::error(
                p.sub(leak.range),
                format!(
                    "the prompt of {} contains its answer `{}`",
                    t.owner, leak.answer
                ),
            )
            .with_help("a prompt that contains its answer gives it away; reword the prompt");
            self.push(d);
        }
        let id = id?;
        let defaults = self.checking;
        let checking = Checking {
            name: self.boolean(&t, "name", false).unwrap_or(false),
            accents: self
                .boolean(&t, "accents", false)
                .unwrap_or(defaults.accents),
            convert_units: (self.boolean(&t, "convert_units", false))
                .unwrap_or(defaults.convert_units),
        };
        let card = Card {
            id: CardId(id.text),
            kind,
            prompt: prompt.map(|p| p.text).unwrap_or_default(),
            tags,
            explain,
            source,
            fact: None,
            media,
            span: header,
            checking,
        };
        Some((card, id.span))
    }

    pub(super) fn card_kind(&mut self, t: &Tbl, kind: &str, prompt: Option<&Str>) -> Option<Kind> {
        match kind {
            "basic" => Some(Kind::Basic {
                back: self.string(t, "back", true)?.text,
            }),
            "typed" => {
                let answer = self.string(t, "answer", true);
                let accept = self.str_list(t, "accept", false).unwrap_or_default();
                let accept = accept.into_iter().map(|s| s.text).collect();
                Some(Kind::Typed {
                    answer: Answer {
                        text: answer?.text,
                        accept,
                    },
                })
            }
            "choice" => self.choice(t),
            "truefalse" => Some(Kind::TrueFalse {
                answer: self.boolean(t, "answer", true)?,
            }),
            "number" if t.get("range").is_some() => {
                for key in ["answer", "tolerance"] {
                    if t.get(key).is_some() {
                        let span = self.value_span(t, key);
                        let d = Diagnostic::error(
                            span,
                            format!("{} has both `range` and `{key}`", t.owner),
                        )
                        .with_help(format!("a range gives both ends; remove `{key}`"));
                        self.push(d);
                    }
                }
                let unit = self.string(t, "unit", false).map(|s| s.text);
                let (low, high) = self.range(t)?;
                Some(Kind::Number {
                    answer: (low + high) / 2.0,
                    tolerance: (high - low) / 2.0,
                    unit,
                })
            }
            "date" => Some(Kind::Date {
                answer: self.date(t, "answer", true)?,
            }),
            "number" => {
                let answer = self.number(t, "answer", true);
                let tolerance = self.tolerance(t);
                let unit = self.string(t, "unit", false).map(|s| s.text);
                Some(Kind::Number {
                    answer: answer?.0,
                    tolerance,
                    unit,
                })
            }
            "year" => {
                let answer = self.year(t);
                let tolerance = self
                    .int(t, "tolerance", "an integer")
                    .and_then(|(n, span)| {
                        u32::try_from(n).ok().or_else(|| {
                            self.push(Diagnostic::error(
                                span,
                                format!("`tolerance` in {} must not be negative", t.owner),
                            ));
                            None
                        })
                    });
                Some(Kind::Year {
                    answer: answer?,
                    tolerance: tolerance.unwrap_or(0),
                })
            }
            "list" => {
                let items = self.answers(t, "items");
                let ordered = self.boolean(t, "ordered", false).unwrap_or(false);
                let items = items?;
                self.duplicate_answers(t, &items, "item");
                if let Some(p) = prompt {
                    self.count_words(
                        &p.text,
                        items.len(),
                        |r| p.sub(r),
                        &format!("the prompt of {}", t.owner),
                    );
                }
                Some(Kind::List {
                    items: items.into_iter().map(|(a, _)| a).collect(),
                    ordered,
                })
            }
            "order" => {
                let items = self.str_list(t, "items", true)?;
                if items.len() < 2 {
                    let span = self.value_span(t, "items");
                    self.push(Diagnostic::error(
                        span,
                        format!("order {} needs at least 2 items", t.owner),
                    ));
                }
                self.duplicates(t, items.iter(), "item");
                Some(Kind::Order {
                    items: items.into_iter().map(|s| s.text).collect(),
                })
            }
            "cloze" => self.cloze(t, prompt),
            "match" => self.pairs(t),
            _ => None,
        }
    }

    pub(super) fn year(&mut self, t: &Tbl) -> Option<i32> {
        let Some(v) = t.get("answer") else {
            self.missing(t, "answer");
            return None;
        };
        let Some(n) = to_i64(v.get_ref()) else {
            self.wrong_type(t, "answer", v, "an integer year");
            return None;
        };
        if !YEAR_RANGE.contains(&n) {
            let d = Diagnostic::error(
                self.sp(v.span()),
                format!("`answer` in {} is not a plausible year: {n}", t.owner),
            )
            .with_help("a year is an integer between -3000 and 3000 (negative for BC)");
            self.push(d);
            return None;
        }
        Some(n as i32)
    }

    pub(super) fn choice(&mut self, t: &Tbl) -> Option<Kind> {
        let correct = match t.get("correct") {
            None => {
                self.missing(t, "correct");
                None
            }
            Some(v) => match v.get_ref() {
                DeValue::String(s) => self.make_str(t, "correct", s, v.span()).map(|s| vec![s]),
                DeValue::Array(_) => {
                    let list = self.str_list(t, "correct", true);
                    if list.as_ref().is_some_and(Vec::is_empty) {
                        self.push(Diagnostic::error(
                            self.sp(v.span()),
                            format!("choice {} has no correct option", t.owner),
                        ));
                        None
                    } else {
                        list
                    }
                }
                _ => {
                    self.wrong_type(t, "correct", v, "a string or a list of strings");
                    None
                }
            },
        };
        let wrong = self.str_list(t, "wrong", true);
        if let (Some(list), Some(v)) = (&wrong, t.get("wrong"))
            && list.is_empty()
        {
            let d = Diagnostic::error(
                self.sp(v.span()),
                format!("choice {} has no wrong options", t.owner),
            )
            .with_help("add at least one wrong option to `wrong`");
            self.push(d);
        }
        let (correct, wrong) = (correct?, wrong?);
        let mut seen: HashMap<String, (Span, bool)> = HashMap::new();
        for (s, is_correct) in correct
            .iter()
            .map(|s| (s, true))
            .chain(wrong.iter().map(|s| (s, false)))
        {
            match seen.entry(normalise(&s.text)) {
                Entry::Vacant(slot) => {
                    slot.insert((s.span, is_correct));
                }
                Entry::Occupied(first) => {
                    let (first_span, first_correct) = *first.get();
                    let d = if first_correct && !is_correct {
                        Diagnostic::error(
                            s.span,
                            format!(
                                "option `{}` is listed as both correct and wrong in {}",
                                s.text, t.owner
                            ),
                        )
                        .with_related(first_span, "listed as correct here")
                    } else {
                        Diagnostic::error(
                            s.span,
                            format!("duplicate option `{}` in {}", s.text, t.owner),
                        )
                        .with_related(first_span, "first listed here")
                    };
                    self.push(d);
                }
            }
        }
        Some(Kind::Choice {
            correct: correct.into_iter().map(|s| s.text).collect(),
            wrong: wrong.into_iter().map(|s| s.text).collect(),
        })
    }

    pub(super) fn duplicates<'a>(
        &mut self,
        t: &Tbl,
        items: impl Iterator<Item = &'a Str>,
        what: &str,
    ) {
        let mut seen: HashMap<String, Span> = HashMap::new();
        for s in items {
            match seen.entry(normalise(&s.text)) {
                Entry::Vacant(slot) => {
                    slot.insert(s.span);
                }
                Entry::Occupied(first) => {
                    let d = Diagnostic::error(
                        s.span,
                        format!("duplicate {what} `{}` in {}", s.text, t.owner),
                    )
                    .with_related(*first.get(), "first listed here");
                    self.push(d);
                }
            }
        }
    }

    /// Duplicates among list items, counting every alternative of an item.
    pub(super) fn duplicate_answers(&mut self, t: &Tbl, items: &[(Answer, Str)], what: &str) {
        let mut seen: HashMap<String, (Span, usize)> = HashMap::new();
        for (i, (answer, s)) in items.iter().enumerate() {
            for alt in answer.all() {
                match seen.entry(normalise(alt)) {
                    Entry::Vacant(slot) => {
                        slot.insert((s.span, i));
                    }
                    Entry::Occupied(first) if first.get().1 != i => {
                        let d = Diagnostic::error(
                            s.span,
                            format!("duplicate {what} `{alt}` in {}", t.owner),
                        )
                        .with_related(first.get().0, "first listed here");
                        self.push(d);
                        break;
                    }
                    Entry::Occupied(_) => {}
                }
            }
        }
    }

    /// A count word in `text` ("three", "3") that no count matches is an error: the list and
    /// its prompt disagree about how many items there are.
    pub(super) fn count_words(
        &mut self,
        text: &str,
        count: usize,
        span: impl Fn(Range<usize>) -> Span,
        what: &str,
    ) {
        let words = number_words(text);
        if words.is_empty() || words.iter().any(|(n, _)| *n == count) {
            return;
        }
        let (_, range) = &words[0];
        let word = &text[range.clone()];
        let items = if count == 1 {
            "1 item".to_string()
        } else {
            format!("{count} items")
        };
        let d = Diagnostic::error(
            span(range.clone()),
            format!("{what} says `{word}` but the list has {items}"),
        );
        self.push(d);
    }

    pub(super) fn pairs(&mut self, t: &Tbl) -> Option<Kind> {
        let items = self.array(t, "pairs", true, "a list of pairs")?;
        let mut pairs: Vec<(Str, Str)> = Vec::with_capacity(items.len());
        let mut ok = true;
        for v in items {
            let pair = match v.get_ref() {
                DeValue::Array(a) if a.len() == 2 => match (&a[0].get_ref(), &a[1].get_ref()) {
                    (DeValue::String(l), DeValue::String(r)) => {
                        let l = self.make_str(t, "pairs", l, a[0].span());
                        let r = self.make_str(t, "pairs", r, a[1].span());
                        l.zip(r)
                    }
                    _ => {
                        self.bad_pair(t, v);
                        None
                    }
                },
                _ => {
                    self.bad_pair(t, v);
                    None
                }
            };
            match pair {
                Some(p) => pairs.push(p),
                None => ok = false,
            }
        }
        if pairs.len() < 2 && ok {
            let span = self.value_span(t, "pairs");
            self.push(Diagnostic::error(
                span,
                format!("match {} needs at least 2 pairs", t.owner),
            ));
        }
        self.duplicates(t, pairs.iter().map(|(l, _)| l), "left item");
        self.duplicates(t, pairs.iter().map(|(_, r)| r), "right item");
        ok.then(|| Kind::Match {
            pairs: pairs.into_iter().map(|(l, r)| (l.text, r.text)).collect(),
        })
    }

    pub(super) fn bad_pair(&mut self, t: &Tbl, v: &Value) {
        let d = Diagnostic::error(
            self.sp(v.span()),
            format!(
                "each pair in {} must be a list of two strings, like [\"left\", \"right\"]",
                t.owner
            ),
        );
        self.push(d);
    }
}

//! The deck's `[settings]` and `[source]` tables and its seed.

use super::*;

impl<'s> Walker<'s> {
    pub(super) fn seed(&mut self, root: &Tbl) -> Option<u64> {
        let (n, span) = self.int(root, "seed", "an integer")?;
        match u64::try_from(n) {
            Ok(n) => Some(n),
            Err(_) => {
                self.push(Diagnostic::error(
                    span,
                    "`seed` in the deck must not be negative",
                ));
                None
            }
        }
    }

    pub(super) fn source(&mut self, t: &Tbl) -> Option<SourceRef> {
        self.check_keys(t, &[SOURCE_FIELDS], || "[source] takes".into());
        let title = self.string(t, "title", true);
        let author = self.string(t, "author", false).map(|s| s.text.into());
        let date = self.date_text(t, "date", false);
        let publication = self.string(t, "publication", false).map(|s| s.text.into());
        let url = self.string(t, "url", false).map(|s| s.text.into());
        Some(SourceRef {
            title: title?.text.into(),
            author,
            date,
            publication,
            url,
        })
    }

    pub(super) fn settings(&mut self, t: &Tbl) -> DeckSettings {
        self.check_keys(t, &[SETTINGS_FIELDS], || "[settings] takes".into());
        // Not study settings but how answers compare: they go into every card.
        self.checking = Checking {
            name: false,
            accents: self.boolean(t, "accents", false).unwrap_or(false),
            convert_units: self.boolean(t, "convert_units", false).unwrap_or(false),
        };
        let day_start_hour = self.count(t, "day_start_hour").and_then(|h| {
            if h < 24 {
                return Some(h as u8);
            }
            let span = self.value_span(t, "day_start_hour");
            self.push(Diagnostic::error(
                span,
                format!("`day_start_hour` in [settings] must be 0 to 23, found {h}"),
            ));
            None
        });
        let desired_retention = self
            .number(t, "desired_retention", false)
            .and_then(|(r, span)| {
                if r > 0.0 && r < 1.0 {
                    return Some(r as f32);
                }
                let d = Diagnostic::error(
                    span,
                    format!("`desired_retention` in [settings] must be between 0 and 1, found {r}"),
                )
                .with_help("write a fraction: 0.9 means 90%");
                self.push(d);
                None
            });
        let maximum_interval = self.count(t, "maximum_interval").and_then(|m| {
            if m > 0 {
                return Some(m);
            }
            let span = self.value_span(t, "maximum_interval");
            self.push(Diagnostic::error(
                span,
                "`maximum_interval` in [settings] must be at least 1 day",
            ));
            None
        });
        DeckSettings {
            new_per_day: self.count(t, "new_per_day"),
            reviews_per_day: self.count(t, "reviews_per_day"),
            learning_steps: self.steps(t, "learning_steps"),
            relearning_steps: self.steps(t, "relearning_steps"),
            desired_retention,
            day_start_hour,
            leech_threshold: self.count(t, "leech_threshold"),
            maximum_interval,
            exam: self.date_text(t, "exam", true),
            parameters: self.parameters(t),
            new_order: self.new_order(t),
            fuzz: self.boolean(t, "fuzz", false),
        }
    }

    pub(super) fn new_order(&mut self, t: &Tbl) -> Option<NewOrder> {
        let s = self.string(t, "new_order", false)?;
        let order = NewOrder::parse(&s.text);
        if order.is_none() {
            let d = Diagnostic::error(
                s.span,
                format!(
                    "`new_order` in [settings] must be \"deck\" or \"mixed\", found \"{}\"",
                    s.text
                ),
            )
            .with_help(
                "\"mixed\" takes turns across kinds of question; \"deck\" keeps the written order",
            );
            self.push(d);
        }
        order
    }

    pub(super) fn steps(&mut self, t: &Tbl, key: &str) -> Option<Vec<u32>> {
        let items = self.str_list(t, key, false)?;
        let mut out = Vec::with_capacity(items.len());
        for s in items {
            match parse_step(&s.text) {
                Some(secs) => out.push(secs),
                None => {
                    let what = key.trim_end_matches('s').replace('_', " ");
                    let d = Diagnostic::error(
                        s.span,
                        format!("invalid {what} `{}` in [settings]", s.text),
                    )
                    .with_help("write a whole number and a unit (s, m, h or d), e.g. \"10m\"");
                    self.push(d);
                }
            }
        }
        Some(out)
    }

    pub(super) fn parameters(&mut self, t: &Tbl) -> Option<Vec<f32>> {
        let items = self.array(t, "parameters", false, "a list of numbers")?;
        let mut out = Vec::with_capacity(items.len());
        for v in items {
            match v.get_ref() {
                DeValue::Integer(_) => out.push(to_i64(v.get_ref()).unwrap_or(0) as f32),
                DeValue::Float(f) => out.push(f.as_str().parse::<f32>().unwrap_or(f32::NAN)),
                other => {
                    let d = Diagnostic::error(
                        self.sp(v.span()),
                        format!(
                            "`parameters` in [settings] must contain only numbers, found {}",
                            type_name(other)
                        ),
                    );
                    self.push(d);
                    return None;
                }
            }
        }
        if ![0, 17, 19, 21].contains(&out.len()) {
            let span = self.value_span(t, "parameters");
            let d = Diagnostic::error(
                span,
                format!("`parameters` in [settings] must have 0, 17, 19 or 21 numbers, found {}", out.len()),
            )
            .with_help("copy the parameters from an FSRS optimiser, or leave the list empty for the defaults");
            self.push(d);
            return None;
        }
        Some(out)
    }
}

//! Reading one field of a table: strings, numbers, booleans, lists, answers, dates, media,
//! tags, each with a diagnostic pointing at the field when it is wrong.

use super::*;

impl<'s> Walker<'s> {
    pub(super) fn wrong_type(&mut self, t: &Tbl, key: &str, v: &Value, expected: &str) {
        let found = type_name(v.get_ref());
        let mut d = Diagnostic::error(
            self.sp(v.span()),
            format!("`{key}` in {} must be {expected}, found {found}", t.owner),
        );
        let raw = self.raw(v.span());
        match v.get_ref() {
            DeValue::String(s) => {
                let s = s.trim();
                let numeric = s.parse::<f64>().is_ok() && !s.is_empty();
                let wants_number = ["integer", "number", "year"]
                    .iter()
                    .any(|w| expected.contains(w));
                if (wants_number && numeric)
                    || (expected == "a boolean" && (s == "true" || s == "false"))
                {
                    d = d.with_help(format!("remove the quotes: `{key} = {s}`"));
                } else if expected.starts_with("a list") {
                    d = d.with_help(format!("write a list: `{key} = [{raw}]`"));
                }
            }
            DeValue::Integer(_)
            | DeValue::Float(_)
            | DeValue::Boolean(_)
            | DeValue::Datetime(_)
                if expected == "a string" =>
            {
                d = d.with_help(format!("put it in quotes: `{key} = \"{raw}\"`"));
            }
            _ => {}
        }
        self.push(d);
    }

    pub(super) fn missing(&mut self, t: &Tbl, key: &str) {
        // "unknown field `anwser`; did you mean `answer`?" already says it.
        if self
            .suggested
            .iter()
            .any(|(span, k)| *span == t.span && *k == key)
        {
            return;
        }
        self.push(Diagnostic::error(
            t.span,
            format!("missing required field `{key}` in {}", t.owner),
        ));
    }

    /// Reports every key of `t` not in `allowed`, suggesting the closest valid one.
    /// `takes` introduces the list of valid fields in the help ("a `typed` card takes").
    pub(super) fn check_keys(&mut self, t: &Tbl, allowed: &[&[&str]], takes: impl Fn() -> String) {
        let valid = || allowed.iter().flat_map(|a| a.iter().copied());
        for (key, _) in t.t.iter() {
            let name = key.get_ref().as_ref();
            if valid().any(|v| v == name) {
                continue;
            }
            let help = match closest(name, valid()) {
                Some(near) => {
                    self.suggested.push((t.span, near.to_string()));
                    format!("did you mean `{near}`?")
                }
                None => format!("{}: {}", takes(), valid().collect::<Vec<_>>().join(", ")),
            };
            let d = Diagnostic::error(
                self.sp(key.span()),
                format!("unknown field `{name}` in {}", t.owner),
            )
            .with_help(help);
            self.push(d);
        }
    }

    pub(super) fn make_str(
        &mut self,
        t: &Tbl,
        key: &str,
        s: &str,
        range: Range<usize>,
    ) -> Option<Str> {
        let span = self.sp(range.clone());
        let trimmed = s.trim();
        if trimmed.is_empty() {
            self.push(Diagnostic::error(
                span,
                format!("`{key}` in {} is empty", t.owner),
            ));
            return None;
        }
        if ANSWER_FIELDS.contains(&key) && trimmed.len() > MAX_ANSWER {
            let chars = trimmed.chars().count();
            if chars > MAX_ANSWER {
                self.push(too_long(span, &format!("`{key}` in {}", t.owner), chars));
                return None;
            }
        }
        let lead = s.len() - s.trim_start().len();
        Some(Str {
            text: Text::from(trimmed),
            span,
            exact: self.exact(s, range).map(|at| at + lead),
        })
    }

    /// Where the decoded string `s` starts in the source, if it is written there verbatim.
    pub(super) fn exact(&self, s: &str, range: Range<usize>) -> Option<usize> {
        let range = self.base + range.start..self.base + range.end;
        let raw = self.src.get(range.clone())?;
        let (open, close) = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            (3, 3)
        } else if raw.starts_with('"') || raw.starts_with('\'') {
            (1, 1)
        } else {
            return None;
        };
        let mut start = range.start + open;
        let end = range.end.checked_sub(close)?;
        if open == 3 {
            let inner = self.src.get(start..end)?;
            if inner.starts_with("\r\n") {
                start += 2;
            } else if inner.starts_with('\n') {
                start += 1;
            }
        }
        (self.src.get(start..end)? == s).then_some(start)
    }

    pub(super) fn string(&mut self, t: &Tbl, key: &str, required: bool) -> Option<Str> {
        let Some(v) = t.get(key) else {
            if required {
                self.missing(t, key);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::String(s) => self.make_str(t, key, s, v.span()),
            _ => {
                self.wrong_type(t, key, v, "a string");
                None
            }
        }
    }

    pub(super) fn int(&mut self, t: &Tbl, key: &str, expected: &str) -> Option<(i64, Span)> {
        let v = t.get(key)?;
        match to_i64(v.get_ref()) {
            Some(n) => Some((n, self.sp(v.span()))),
            None => {
                self.wrong_type(t, key, v, expected);
                None
            }
        }
    }

    /// A non-negative integer that fits `u32`.
    pub(super) fn count(&mut self, t: &Tbl, key: &str) -> Option<u32> {
        let (n, span) = self.int(t, key, "an integer")?;
        match u32::try_from(n) {
            Ok(n) => Some(n),
            Err(_) => {
                let msg = if n < 0 {
                    format!("`{key}` in {} must not be negative", t.owner)
                } else {
                    format!("`{key}` in {} is too large: {n}", t.owner)
                };
                self.push(Diagnostic::error(span, msg));
                None
            }
        }
    }

    pub(super) fn number(&mut self, t: &Tbl, key: &str, required: bool) -> Option<(f64, Span)> {
        let Some(v) = t.get(key) else {
            if required {
                self.missing(t, key);
            }
            return None;
        };
        let span = self.sp(v.span());
        let n = match v.get_ref() {
            DeValue::Integer(_) => match to_i64(v.get_ref()) {
                Some(n) => Some(n as f64),
                None => {
                    let d = Diagnostic::error(
                        span,
                        format!(
                            "`{key}` in {} is a whole number too large for TOML (the limit is \
                             about 9.2e18)",
                            t.owner
                        ),
                    )
                    .with_help("write it with an exponent or a decimal point, such as 1e23");
                    self.push(d);
                    return None;
                }
            },
            DeValue::Float(f) => Some(f.as_str().parse::<f64>().unwrap_or(f64::NAN)),
            _ => {
                self.wrong_type(t, key, v, "a number");
                return None;
            }
        };
        match n {
            Some(n) if n.is_finite() => Some((n, span)),
            _ => {
                self.push(Diagnostic::error(
                    span,
                    format!("`{key}` in {} must be a finite number", t.owner),
                ));
                None
            }
        }
    }

    /// `range = [low, high]`: a number card that accepts any value from `low` to `high`.
    pub(super) fn range(&mut self, t: &Tbl) -> Option<(f64, f64)> {
        let items = self.array(t, "range", true, "a list of two numbers")?;
        let ends: Vec<f64> = items
            .iter()
            .filter_map(|v| match v.get_ref() {
                DeValue::Integer(_) => to_i64(v.get_ref()).map(|n| n as f64),
                DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                _ => None,
            })
            .filter(|n| n.is_finite())
            .collect();
        match ends[..] {
            [low, high] if items.len() == 2 && low <= high => Some((low, high)),
            _ => {
                let span = self.value_span(t, "range");
                let d = Diagnostic::error(
                    span,
                    format!(
                        "`range` in {} must be two numbers, the lower first",
                        t.owner
                    ),
                )
                .with_help("e.g. `range = [2000, 2003]` accepts any value from 2000 to 2003");
                self.push(d);
                None
            }
        }
    }

    pub(super) fn tolerance(&mut self, t: &Tbl) -> f64 {
        match self.number(t, "tolerance", false) {
            Some((n, span)) if n < 0.0 => {
                self.push(Diagnostic::error(
                    span,
                    format!("`tolerance` in {} must not be negative", t.owner),
                ));
                0.0
            }
            Some((n, _)) => n,
            None => 0.0,
        }
    }

    pub(super) fn boolean(&mut self, t: &Tbl, key: &str, required: bool) -> Option<bool> {
        let Some(v) = t.get(key) else {
            if required {
                self.missing(t, key);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(t, key, v, "a boolean");
                None
            }
        }
    }

    pub(super) fn array<'t, 'i>(
        &mut self,
        t: &Tbl<'t, 'i>,
        key: &str,
        required: bool,
        expected: &str,
    ) -> Option<&'t [Value<'i>]> {
        let Some(v) = t.get(key) else {
            if required {
                self.missing(t, key);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.wrong_type(t, key, v, expected);
                None
            }
        }
    }

    pub(super) fn element_str(
        &mut self,
        t: &Tbl,
        key: &str,
        v: &Value,
        expected: &str,
    ) -> Option<Str> {
        match v.get_ref() {
            DeValue::String(s) => self.make_str(t, key, s, v.span()),
            other => {
                let d = Diagnostic::error(
                    self.sp(v.span()),
                    format!(
                        "`{key}` in {} must contain only {expected}, found {}",
                        t.owner,
                        type_name(other)
                    ),
                );
                self.push(d);
                None
            }
        }
    }

    /// A list of non-empty strings; `None` if missing or if any element is wrong.
    pub(super) fn str_list(&mut self, t: &Tbl, key: &str, required: bool) -> Option<Vec<Str>> {
        let items = self.array(t, key, required, "a list of strings")?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for v in items {
            match self.element_str(t, key, v, "strings") {
                Some(s) => out.push(s),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// Media file names (`media`, `answer_media`): plain names in the deck's media folder.
    pub(super) fn media(&mut self, t: &Tbl, key: &str) -> Vec<Text> {
        let names = self.str_list(t, key, false).unwrap_or_default();
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            if let Some(problem) = media_name_problem(&name.text) {
                let d = Diagnostic::error(
                    name.span,
                    format!("`{key}` of {} names `{}`: {problem}", t.owner, name.text),
                )
                .with_help(
                    "media are files in the folder DECK.media beside the deck file DECK.toml; \
                     name each by its file name alone",
                );
                self.push(d);
            } else {
                out.push(name.text);
            }
        }
        out
    }

    pub(super) fn tags(&mut self, t: &Tbl) -> Vec<Text> {
        self.str_list(t, "tags", false)
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    /// A list whose items are strings or lists of alternatives (the first canonical).
    pub(super) fn answers(&mut self, t: &Tbl, key: &str) -> Option<Vec<(Answer, Str)>> {
        let items = self.array(t, key, true, "a list")?;
        if items.is_empty() {
            let span = self.value_span(t, key);
            self.push(Diagnostic::error(
                span,
                format!("`{key}` in {} is empty", t.owner),
            ));
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for v in items {
            match v.get_ref() {
                DeValue::String(s) => match self.make_str(t, key, s, v.span()) {
                    Some(s) => out.push((Answer::plain(s.text.clone()), s)),
                    None => ok = false,
                },
                DeValue::Array(alts) if !alts.is_empty() => {
                    let strs: Vec<Option<Str>> = alts
                        .iter()
                        .map(|a| self.element_str(t, key, a, "strings or lists of strings"))
                        .collect();
                    if strs.iter().all(Option::is_some) {
                        let mut strs = strs.into_iter().flatten();
                        let first = strs.next()?;
                        let accept = strs.map(|s| s.text).collect();
                        out.push((
                            Answer {
                                text: first.text.clone(),
                                accept,
                            },
                            first,
                        ));
                    } else {
                        ok = false;
                    }
                }
                DeValue::Array(_) => {
                    let d = Diagnostic::error(
                        self.sp(v.span()),
                        format!("empty list of alternatives in `{key}` of {}", t.owner),
                    );
                    self.push(d);
                    ok = false;
                }
                other => {
                    let d = Diagnostic::error(
                        self.sp(v.span()),
                        format!(
                            "`{key}` in {} must contain strings or lists of alternatives, found {}",
                            t.owner,
                            type_name(other)
                        ),
                    );
                    self.push(d);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    pub(super) fn date(&mut self, t: &Tbl, key: &str, required: bool) -> Option<FactDate> {
        let Some(v) = t.get(key) else {
            if required {
                self.missing(t, key);
            }
            return None;
        };
        let span = self.sp(v.span());
        let result = match v.get_ref() {
            DeValue::String(s) => parse_date(s.trim()).map_err(|why| (s.trim().to_string(), why)),
            DeValue::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) => check_date(i64::from(d.year), Some(d.month), Some(d.day))
                    .map_err(|why| (dt.to_string(), why)),
                _ => Err((dt.to_string(), "a date has no time of day".to_string())),
            },
            DeValue::Integer(_) => {
                let n = to_i64(v.get_ref()).unwrap_or(i64::MAX);
                check_date(n, None, None).map_err(|why| (n.to_string(), why))
            }
            _ => {
                self.wrong_type(
                    t,
                    key,
                    v,
                    "a date (\"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")",
                );
                return None;
            }
        };
        match result {
            Ok(d) => Some(d),
            Err((text, why)) => {
                let mut d =
                    Diagnostic::error(span, format!("invalid date `{text}` in {}", t.owner));
                if why.is_empty() {
                    d = d.with_help("write dates as \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"");
                } else {
                    d.message = format!("{}: {why}", d.message);
                }
                self.push(d);
                None
            }
        }
    }

    /// A date kept as text (for citations and the exam date); `full` demands a day.
    pub(super) fn date_text(&mut self, t: &Tbl, key: &str, full: bool) -> Option<String> {
        let v = t.get(key)?;
        let d = self.date(t, key, false)?;
        if full && d.day.is_none() {
            let d = Diagnostic::error(
                self.sp(v.span()),
                format!("`{key}` in {} must be a full date", t.owner),
            )
            .with_help("write it as \"YYYY-MM-DD\"");
            self.push(d);
            return None;
        }
        Some(match (d.month, d.day) {
            (Some(m), Some(day)) => format!("{:04}-{m:02}-{day:02}", d.year),
            (Some(m), None) => format!("{:04}-{m:02}", d.year),
            _ => format!("{:04}", d.year),
        })
    }

    pub(super) fn table<'t, 'i>(&mut self, parent: &Tbl<'t, 'i>, key: &str) -> Option<Tbl<'t, 'i>> {
        let v = parent.get(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Tbl {
                t,
                span: self.sp(v.span()),
                owner: format!("[{key}]"),
            }),
            _ => {
                self.wrong_type(parent, key, v, "a table");
                None
            }
        }
    }
}

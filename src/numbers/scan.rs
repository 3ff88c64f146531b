//! Finding mentions: the quantity and range rules, the hedge and preposition tables, the scan
//! of a sentence and the reading of a whole answer.
//!
//! At each token the rules that can start there are tried (a range, a date, a quantity) and
//! the one that reads furthest wins; on a tie a range beats a date and a date beats a
//! quantity. In prose a four-digit number from 1000 to 2100 is a year unless a unit or a
//! counted noun follows it ("2001 members") and no date preposition comes before it ("in
//! 2001 members voted").

use std::sync::LazyLock;

use super::date::{Date, Precision, QUALIFIERS, dates_at, days_in_month, month_number};
use super::decimal::Decimal;
use super::token::{Kind, Token, tokens};
use super::unit::{Dimension, Unit, by_key, prefix_at, singular, unit_at, unit_key};
use super::words::{
    DECADE_WORDS, SCALE_ABBREVIATIONS, cardinal_value, is_ordinal_suffix, ordinal_value,
    read_words, scale_value,
};
use super::{Approx, Mention, Mode, Quantity, Relation, Value};

use Approx::*;

/// Hedges written before a value, longest first where one starts another.
const APPROXIMATIONS: [(&str, Approx); 39] = [
    ("about", About),
    ("around", About),
    ("approximately", About),
    ("approx.", About),
    ("approx", About),
    ("roughly", About),
    ("some", About),
    ("circa", About),
    ("ca.", About),
    ("c.", About),
    ("~", About),
    ("≈", About),
    ("an estimated", About),
    ("estimated", About),
    ("nearly", Nearly),
    ("almost", Nearly),
    ("close to", Nearly),
    ("just under", Nearly),
    ("just short of", Nearly),
    ("not quite", Nearly),
    ("more than", Over),
    ("over", Over),
    ("above", Over),
    ("upwards of", Over),
    ("in excess of", Over),
    ("just over", Over),
    ("well over", Over),
    ("greater than", Over),
    ("less than", Under),
    ("fewer than", Under),
    ("under", Under),
    ("below", Under),
    ("at least", AtLeast),
    ("no fewer than", AtLeast),
    ("no less than", AtLeast),
    ("a minimum of", AtLeast),
    ("up to", AtMost),
    ("at most", AtMost),
    ("no more than", AtMost),
];

/// Hedges written after a number: "3,000 or so", "3,000-odd", "3,000+", "3,000 or more".
const APPROXIMATIONS_AFTER: [(&str, Approx); 5] = [
    ("or so", About),
    ("-odd", About),
    ("+", Over),
    ("or more", AtLeast),
    ("plus", Over),
];

/// Prepositions recorded before a mention.
const RELATIONS: [(&str, Relation); 15] = [
    ("in", Relation::In),
    ("on", Relation::On),
    ("at", Relation::At),
    ("since", Relation::Since),
    ("until", Relation::Until),
    ("till", Relation::Until),
    ("til", Relation::Until),
    ("before", Relation::Before),
    ("after", Relation::After),
    ("by", Relation::By),
    ("during", Relation::During),
    ("from", Relation::From),
    ("to", Relation::To),
    ("of", Relation::Of),
    ("for", Relation::For),
];

/// Prepositions after which a four-digit number is a year: "in 2001 members voted".
const DATE_RELATIONS: [Relation; 8] = [
    Relation::In,
    Relation::Since,
    Relation::Until,
    Relation::Before,
    Relation::After,
    Relation::By,
    Relation::During,
    Relation::From,
];

/// Words that never name what a number counts: "3,000 of the", "2001 was", "12 its".
const NOT_NOUNS: [&str; 48] = [
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "nor", "the",
    "a", "an", "this", "that", "these", "those", "its", "his", "hers", "their", "ours", "yours",
    "was", "were", "is", "are", "has", "have", "had", "as", "than", "per", "plus", "less",
    "across", "towards", "whereas", "always", "perhaps", "thus", "us", "was", "does", "yes",
];

/// Plurals without a final "s" that counted nouns often are.
const IRREGULAR_PLURALS: [&str; 12] = [
    "people",
    "children",
    "men",
    "women",
    "staff",
    "personnel",
    "police",
    "cattle",
    "sheep",
    "fish",
    "deer",
    "aircraft",
];

/// Words an answer may open with that change nothing: "in 2001", "it is 4300 km", "the
/// year 2001", "I think 1996".
const ANSWER_OPENERS: [&str; 15] = [
    "in", "on", "the", "year", "it", "its", "is", "was", "s", "i", "think", "guess", "maybe",
    "probably", "perhaps",
];

/// Words an answer may close with that change nothing: "4300 km long", "45 in total".
const ANSWER_CLOSERS: [&str; 13] = [
    "long",
    "wide",
    "high",
    "tall",
    "deep",
    "away",
    "old",
    "total",
    "in",
    "each",
    "exactly",
    "only",
    "approximately",
];

/// Token patterns of the hedge tables, made once.
static BEFORE: LazyLock<Vec<(Vec<Kind>, Approx)>> = LazyLock::new(|| patterns(&APPROXIMATIONS));
static AFTER: LazyLock<Vec<(Vec<Kind>, Approx)>> =
    LazyLock::new(|| patterns(&APPROXIMATIONS_AFTER));

fn patterns(rows: &[(&str, Approx)]) -> Vec<(Vec<Kind>, Approx)> {
    let mut out: Vec<(Vec<Kind>, Approx)> = rows
        .iter()
        .map(|(p, a)| (tokens(p).into_iter().map(|t| t.kind).collect(), *a))
        .collect();
    out.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    out
}

fn phrase_at(toks: &[Token], i: usize, table: &[(Vec<Kind>, Approx)]) -> Option<(Approx, usize)> {
    table.iter().find_map(|(pattern, approx)| {
        let end = i + pattern.len();
        let here = toks.get(i..end)?;
        here.iter()
            .zip(pattern)
            .all(|(t, k)| t.kind == *k)
            .then_some((*approx, end))
    })
}

/// A hedge before a value at token `i`.
fn approx_at(toks: &[Token], i: usize) -> Option<(Approx, usize)> {
    phrase_at(toks, i, &BEFORE)
}

/// The preposition just before token `i`.
fn relation_before(toks: &[Token], i: usize) -> Option<Relation> {
    let word = toks.get(i.checked_sub(1)?)?.word()?;
    RELATIONS.iter().find(|(w, _)| *w == word).map(|(_, r)| *r)
}

/// A mention before its range and written text are filled in.
#[derive(Debug, Clone)]
struct Found {
    value: Value,
    approx: Option<Approx>,
    start: usize,
    end: usize,
    rule: &'static str,
    /// The tokens of the unit, for a number.
    unit: Option<(usize, usize)>,
}

/// A number at token `i`: digits (with an ordinal suffix) or words. Returns the value,
/// whether it is an ordinal, whether it was words, and the index after it.
fn number_at(toks: &[Token], i: usize) -> Option<(Decimal, bool, bool, usize)> {
    let t = toks.get(i)?;
    if let Some(d) = t.digits() {
        if let Some(next) = toks.get(i + 1).filter(|n| n.glued)
            && let Some(w) = next.word()
            && is_ordinal_suffix(w)
        {
            return Some((d.value, true, false, i + 2));
        }
        return Some((d.value, false, false, i + 1));
    }
    let n = read_words(toks, i)?;
    Some((n.value, n.ordinal, true, n.end))
}

/// A scale after digits: "2.3 billion", "2,300 million", "4.3k", "2.3bn", "$3m".
fn scale_at(toks: &[Token], j: usize, money: bool) -> Option<(i32, usize)> {
    let t = toks.get(j)?;
    let w = t.word()?;
    if let Some((e, false)) = scale_value(w) {
        return Some((e, j + 1));
    }
    let (_, e, money_only) = SCALE_ABBREVIATIONS.iter().find(|(a, _, _)| *a == w)?;
    let spaced_ok = w.len() > 1 && w != "mn";
    if (*money_only && !money) || (!t.glued && !spaced_ok && !money) {
        return None;
    }
    // "3m" is a scale only when no unit word follows it glued ("3mph").
    Some((*e, j + 1))
}

/// Whether the digits at `i` belong to a name: glued to a word before them ("G20",
/// "COVID-19", "F-16").
fn part_of_a_name(toks: &[Token], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if !t.glued || i == 0 {
        return false;
    }
    let prev = &toks[i - 1];
    prev.word().is_some()
        || prev.digits().is_some()
        || (prev.is_dash() && prev.glued && i >= 2 && toks[i - 2].word().is_some())
}

/// Whether the number word at `i` is capitalised inside a sentence, so part of a name
/// ("the Shanghai Five", "the Group of Seven").
fn in_a_name(toks: &[Token], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let starts_sentence = i == 0
        || matches!(
            toks[i - 1].sym(),
            Some('.' | '!' | '?' | ':' | ';' | '"' | '\u{201c}' | '(')
        );
    t.word().is_some() && t.capital && !starts_sentence
}

/// Whether a number at `i..end` is glued to a colon: a time ("10:30") or a ratio ("3:1").
fn by_a_colon(toks: &[Token], i: usize, end: usize) -> bool {
    let before = i > 0 && toks[i].glued && toks[i - 1].is_sym(':');
    let after = toks.get(end).is_some_and(|t| t.glued && t.is_sym(':'))
        && toks
            .get(end + 1)
            .is_some_and(|t| t.glued && t.digits().is_some());
    before || after
}

/// A counted noun after a number in prose: "3,000 employees", "193 member states".
fn noun_at(toks: &[Token], j: usize) -> Option<(String, usize)> {
    let plural = |t: &Token| -> bool {
        t.word().is_some_and(|w| {
            !t.capital
                && !NOT_NOUNS.contains(&w)
                && (IRREGULAR_PLURALS.contains(&w)
                    || (w.len() > 3
                        && w.ends_with('s')
                        && !w.ends_with("ss")
                        && !w.ends_with("ous")))
        })
    };
    let plain = |t: &Token| -> bool {
        t.word()
            .is_some_and(|w| !t.capital && w.len() > 2 && !NOT_NOUNS.contains(&w))
    };
    let first = toks.get(j).filter(|t| !t.glued)?;
    if plural(first) {
        return Some((singular(first.word()?), j + 1));
    }
    let second = toks.get(j + 1)?;
    if plain(first) && plural(second) {
        return Some((
            format!("{} {}", first.word()?, singular(second.word()?)),
            j + 2,
        ));
    }
    None
}

/// A hedge written after a number.
fn approx_after(toks: &[Token], j: usize) -> Option<(Approx, usize)> {
    let (approx, end) = phrase_at(toks, j, &AFTER)?;
    // "+" and "-odd" are glued to the number.
    let glued = !matches!(toks[j].kind, Kind::Sym('+') | Kind::Sym('-')) || toks[j].glued;
    glued.then_some((approx, end))
}

/// A quantity at token `i`: hedge, currency, sign, number, scale, hedge after, unit.
fn quantity_at(toks: &[Token], i: usize, mode: Mode) -> Option<Found> {
    let mut j = i;
    let mut approx = None;
    if let Some((a, end)) = approx_at(toks, j) {
        approx = Some(a);
        j = end;
    }
    let currency = prefix_at(toks, j).filter(|(_, end)| {
        toks.get(*end)
            .is_some_and(|t| t.digits().is_some() || (mode == Mode::Answer && t.word().is_some()))
    });
    let mut unit_tokens = None;
    if let Some((_, end)) = currency {
        unit_tokens = Some((j, end));
        j = end;
    }
    let mut negative = false;
    if let Some(t) = toks.get(j) {
        let glued_digits = toks
            .get(j + 1)
            .is_some_and(|n| n.glued && n.digits().is_some());
        let free = j == 0 || !t.glued;
        if (t.is_dash() && glued_digits && free) || (mode == Mode::Answer && t.is_word("minus")) {
            negative = true;
            j += 1;
        } else if mode == Mode::Answer && t.is_sym('+') && glued_digits {
            j += 1;
        }
    }
    if mode == Mode::Prose && (part_of_a_name(toks, j) || in_a_name(toks, j)) {
        return None;
    }
    let (mut value, ordinal, from_words, mut end) = number_at(toks, j)?;
    if mode == Mode::Prose && by_a_colon(toks, j, end) {
        return None;
    }
    let digits = toks[j].digits();
    let mut scaled = false;
    if !ordinal
        && digits.is_some()
        && let Some((e, after)) = scale_at(toks, end, currency.is_some())
    {
        value = value.scaled(e);
        end = after;
        scaled = true;
    }
    if negative {
        value = -value;
    }
    if let Some((a, after)) = approx_after(toks, end) {
        approx = approx.or(Some(a));
        end = after;
    }
    let mut unit = currency.map(|(u, _)| Unit::Known(u));
    if unit.is_none()
        && !ordinal
        && let Some((u, after)) = unit_at(toks, end)
    {
        let glued_letter = toks[end].glued
            && toks[end].word().is_some_and(|w| w.chars().count() == 1)
            && after == end + 1;
        if !(mode == Mode::Prose && glued_letter) {
            unit = Some(Unit::Known(u));
            unit_tokens = Some((end, after));
            end = after;
        }
    }
    // "3D", "5G": letters glued to a number that are not its unit make a name.
    if mode == Mode::Prose && toks.get(end).is_some_and(|t| t.glued && t.word().is_some()) {
        return None;
    }
    // In prose a lone "one" is as often a pronoun ("one of the") as a number.
    let lone_one = from_words && value == Decimal::from_int(1) && end == j + 1;
    if mode == Mode::Prose && !ordinal {
        // A year-like number is a year unless something counted follows it.
        let year_like = digits.is_some_and(|d| {
            d.plain && d.int_len == 4 && (1000..=2100).contains(&d.value.to_i64().unwrap_or(0))
        }) && !scaled
            && currency.is_none()
            && !negative;
        let after_date_word = relation_before(toks, i).is_some_and(|r| DATE_RELATIONS.contains(&r));
        if unit.is_none()
            && !(year_like && after_date_word)
            && let Some((noun, after)) = noun_at(toks, end)
        {
            unit = Some(Unit::Word(noun));
            unit_tokens = Some((end, after));
            end = after;
        }
        let counted = match &unit {
            Some(Unit::Word(_)) => true,
            Some(u) => u.dimension() == Some(Dimension::Count),
            None => false,
        };
        if (year_like && (unit.is_none() || (after_date_word && counted)))
            || (lone_one && unit.is_none())
        {
            return None;
        }
    }
    Some(Found {
        value: Value::Number(Quantity {
            value,
            unit,
            ordinal,
        }),
        approx,
        start: i,
        end,
        rule: if ordinal { "ordinal" } else { "quantity" },
        unit: unit_tokens,
    })
}

/// Dates at token `i`, with a hedge ("around 1850", "c. 1850") or a qualifier ("the early
/// 1990s", "mid-2001", "late June 2001") before them.
fn dates_found_at(toks: &[Token], i: usize, mode: Mode) -> Vec<Found> {
    // "an RBMK-1000 reactor", "the Airbus A300": digits glued to a word name a thing.
    if mode == Mode::Prose && part_of_a_name(toks, i) {
        return Vec::new();
    }
    let mut j = i;
    let mut approx = None;
    if let Some((a @ (About | Nearly), end)) = approx_at(toks, j) {
        approx = Some(a);
        j = end;
    }
    let mut k = j;
    if toks.get(k).is_some_and(|t| t.is_word("the")) {
        k += 1;
    }
    if toks
        .get(k)
        .and_then(Token::word)
        .is_some_and(|w| QUALIFIERS.contains(&w))
    {
        k += 1;
        if toks.get(k).is_some_and(|t| t.is_dash() && t.glued) {
            k += 1;
        }
        let qualified = dates_at(toks, k, mode);
        if !qualified.is_empty() {
            j = k;
            approx = Some(About);
        }
    }
    dates_at(toks, j, mode)
        .into_iter()
        .map(|(date, end, rule)| Found {
            value: Value::Date(date),
            approx,
            start: i,
            end,
            rule,
            unit: None,
        })
        .collect()
}

/// The word joining the two ends of a range at token `k`, given the word that opened it.
fn connector_at(toks: &[Token], k: usize, opener: Option<&str>) -> Option<usize> {
    let t = toks.get(k)?;
    let ok = match opener {
        Some("between") => t.is_word("and"),
        Some(_) => {
            t.is_dash()
                || ["to", "until", "till", "through"]
                    .iter()
                    .any(|w| t.is_word(w))
        }
        None => t.is_dash() || t.is_word("to") || t.is_word("through"),
    };
    ok.then_some(k + 1)
}

/// Sort key of a date for ordering the ends of a range.
fn order_key(d: &Date) -> (i32, u8, u8) {
    (
        d.year.unwrap_or(0),
        d.month.unwrap_or(0),
        d.day.unwrap_or(0),
    )
}

/// A range at token `i`: "from 1914 to 1918", "between 1994 and 2000", "1914–18",
/// "15–16 June 2001", "June–July 2001", "between 3,000 and 4,000 people", "3–5%".
fn range_at(toks: &[Token], i: usize, mode: Mode) -> Option<Found> {
    let mut j = i;
    let opener = toks
        .get(j)
        .and_then(Token::word)
        .filter(|w| matches!(*w, "from" | "between"));
    if opener.is_some() {
        j += 1;
    }
    // "c. 1400 – 3 February 1468": a hedged first end, the range about as sure.
    if let Some((About, end)) = approx_at(toks, j)
        && let Some(found) = date_range(toks, i, end, opener, mode)
    {
        return Some(Found {
            approx: Some(About),
            ..found
        });
    }
    date_range(toks, i, j, opener, mode).or_else(|| number_range(toks, i, j, opener, mode))
}

fn date_range(
    toks: &[Token],
    i: usize,
    j: usize,
    opener: Option<&str>,
    mode: Mode,
) -> Option<Found> {
    // The first end: a date, or a bare day or month that borrows the rest from the second.
    let mut firsts: Vec<(Date, usize)> = dates_at(toks, j, mode)
        .into_iter()
        .take(1)
        .map(|(d, e, _)| (d, e))
        .collect();
    if let Some(d) = toks.get(j).and_then(Token::digits)
        && d.plain
        && d.int_len <= 2
        && toks.get(j + 1).is_some_and(Token::is_dash)
    {
        let day = d.value.to_i64().unwrap_or(0);
        if (1..=31).contains(&day) {
            firsts.push((
                Date {
                    year: None,
                    month: None,
                    day: Some(day as u8),
                    precision: Precision::Day,
                },
                j + 1,
            ));
        }
    }
    if let Some(t) = toks.get(j)
        && (t.capital || mode == Mode::Answer)
        && let Some(m) = t.word().and_then(month_number)
        && t.word().is_some_and(|w| w.len() > 2)
    {
        firsts.push((
            Date {
                year: None,
                month: Some(m),
                day: None,
                precision: Precision::Month,
            },
            j + 1,
        ));
    }
    for (first, after_first) in firsts {
        let Some(k) = connector_at(toks, after_first, opener) else {
            continue;
        };
        let second = dates_at(toks, k, mode)
            .into_iter()
            .next()
            .map(|(d, e, _)| (d, e));
        let second = second.or_else(|| {
            // "1914–18", "2001–02": two digits finishing the first year.
            let y = first.year.filter(|_| first.precision == Precision::Year)?;
            let d = toks.get(k)?.digits()?;
            if !d.plain || d.int_len != 2 || !toks[k].glued || y < 100 {
                return None;
            }
            let mut year = y - y % 100 + d.value.to_i64()? as i32;
            if year <= y {
                year += 100;
            }
            Some((Date::from_year(year), k + 1))
        });
        let Some((second, end)) = second else {
            continue;
        };
        let mut first = first;
        if first.year.is_none() {
            first.year = second.year;
            if first.month.is_none() {
                first.month = second.month;
            }
            let fits = matches!(
                (first.precision, second.precision),
                (Precision::Day, Precision::Day) | (Precision::Month, Precision::Month)
            );
            if !fits || first.year.is_none() {
                continue;
            }
        }
        if first.precision == Precision::Day
            && let (Some(m), Some(d)) = (first.month, first.day)
            && d > days_in_month(first.year, m)
        {
            continue;
        }
        if order_key(&first) >= order_key(&second) {
            continue;
        }
        return Some(Found {
            value: Value::DateRange(first, second),
            approx: None,
            start: i,
            end,
            rule: "date range",
            unit: None,
        });
    }
    None
}

fn number_range(
    toks: &[Token],
    i: usize,
    j: usize,
    opener: Option<&str>,
    mode: Mode,
) -> Option<Found> {
    // The first end is read without a counted noun or unit of its own when it has none.
    let first = quantity_at(toks, j, Mode::Answer)?;
    let k = connector_at(toks, first.end, opener)?;
    let second = quantity_at(toks, k, mode)?;
    let (Value::Number(mut a), Value::Number(b)) = (first.value, second.value) else {
        return None;
    };
    if a.ordinal || b.ordinal || a.value >= b.value {
        return None;
    }
    match (&a.unit, &b.unit) {
        (Some(x), Some(y)) if !x.same(y) => return None,
        (None, Some(y)) => a.unit = Some(y.clone()),
        _ => {}
    }
    Some(Found {
        value: Value::NumberRange(a, b),
        approx: first.approx,
        start: i,
        end: second.end,
        rule: "number range",
        unit: second.unit,
    })
}

/// The best reading starting at token `i`: the one that reads furthest.
fn best_at(toks: &[Token], i: usize, mode: Mode) -> Option<Found> {
    let mut best: Option<Found> = None;
    let candidates = range_at(toks, i, mode)
        .into_iter()
        .chain(dates_found_at(toks, i, mode).into_iter().take(1))
        .chain(quantity_at(toks, i, mode));
    for found in candidates {
        if best.as_ref().is_none_or(|b| found.end > b.end) {
            best = Some(found);
        }
    }
    best
}

fn mention(text: &str, toks: &[Token], found: Found) -> Mention {
    let range = toks[found.start].start..toks[found.end - 1].end;
    let unit_range = found.unit.map(|(a, b)| toks[a].start..toks[b - 1].end);
    Mention {
        unit_range,
        written: text[range.clone()].to_string(),
        range,
        value: found.value,
        approx: found.approx,
        relation: relation_before(toks, found.start),
        rule: found.rule,
    }
}

/// How many tokens before its first digit, number word or month a mention may start ("in
/// excess of 3,000", "between the early 1990s").
const LEAD: usize = 5;

/// Whether a token can carry a mention's value: digits, a number word, a month, a decade.
fn is_anchor(t: &Token) -> bool {
    match &t.kind {
        Kind::Digits(_) => true,
        Kind::Word(w) => {
            cardinal_value(w).is_some()
                || ordinal_value(w).is_some()
                || scale_value(w).is_some()
                || matches!(w.as_str(), "dozen" | "half")
                || (t.capital && month_number(w).is_some())
                || DECADE_WORDS.iter().any(|(d, _)| d == w)
        }
        _ => false,
    }
}

/// Every number, date, quantity and range in `text` (a sentence or a paragraph of prose), in
/// order, none overlapping.
pub fn scan(text: &str) -> Vec<Mention> {
    let toks = tokens(text);
    // The index of the next anchor at or after each token: the rules are tried only near one.
    let mut next_anchor = vec![usize::MAX; toks.len() + 1];
    for i in (0..toks.len()).rev() {
        next_anchor[i] = if is_anchor(&toks[i]) {
            i
        } else {
            next_anchor[i + 1]
        };
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if next_anchor[i].saturating_sub(i) > LEAD {
            i += 1;
            continue;
        }
        match best_at(&toks, i, Mode::Prose) {
            Some(found) => {
                i = found.end;
                out.push(mention(text, &toks, found));
            }
            None => i += 1,
        }
    }
    out
}

/// Where an answer's value starts, after words that change nothing ("in", "it is").
fn opening(toks: &[Token]) -> usize {
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        // An apostrophe opens "it's", but "'96" is a year.
        let year_mark = toks
            .get(i + 1)
            .is_some_and(|n| n.glued && n.digits().is_some());
        let filler = t.word().is_some_and(|w| ANSWER_OPENERS.contains(&w))
            || (matches!(t.sym(), Some('\'' | '\u{2019}')) && !year_mark)
            || matches!(t.sym(), Some(':' | '='));
        // Keep a hedge ("in excess of 300"), and "the" before a decade.
        if !filler || approx_at(toks, i).is_some() {
            break;
        }
        if t.is_word("the")
            && dates_at(toks, i, Mode::Answer)
                .iter()
                .any(|(d, _, _)| d.precision <= Precision::Decade)
        {
            break;
        }
        i += 1;
    }
    i
}

/// Where an answer's value must end: before closing punctuation and words that change
/// nothing ("4300 km long.").
fn closing(toks: &[Token], from: usize) -> usize {
    let mut end = toks.len();
    while end > from {
        let t = &toks[end - 1];
        let filler = t.word().is_some_and(|w| ANSWER_CLOSERS.contains(&w))
            || matches!(
                t.sym(),
                Some('.' | '!' | '?' | ',' | ';' | ')' | '"' | '\u{201d}')
            );
        if !filler {
            break;
        }
        end -= 1;
    }
    end
}

/// Reads a whole answer as a quantity: "4300", "4,300 km", "four thousand", "2.3 billion",
/// "about 12 %", "$40", "third", "-12 °C". Words after the number that are not a known unit
/// become its unit ("4300 bananas"). `None` when the answer is not a number.
pub fn read_quantity(text: &str) -> Option<Mention> {
    let toks = tokens(text);
    let start = opening(&toks);
    let found = quantity_at(&toks, start, Mode::Answer)?;
    let stop = closing(&toks, found.end).max(found.end);
    let mut found = found;
    if stop > found.end {
        let Value::Number(q) = &mut found.value else {
            return None;
        };
        if q.unit.is_some() || q.ordinal {
            return None;
        }
        let rest = &toks[found.end..stop];
        if rest.first().and_then(Token::word).is_none()
            || !rest.iter().all(|t| t.word().is_some() || t.sym().is_some())
        {
            return None;
        }
        let words: Vec<&str> = rest.iter().filter_map(Token::word).collect();
        let key = unit_key(&text[rest[0].start..rest[rest.len() - 1].end]);
        q.unit = Some(match by_key(&key) {
            Some(u) => Unit::Known(u),
            None => {
                let (last, head) = words.split_last()?;
                let mut w: Vec<String> = head.iter().map(|s| s.to_string()).collect();
                w.push(singular(last));
                Unit::Word(w.join(" "))
            }
        });
        found.unit = Some((found.end, stop));
        found.end = stop;
    }
    Some(mention(text, &toks, found))
}

/// Every reading of a whole answer as a date: one, or two for "05/06/2001" (day first, then
/// month first). "15 June 2001", "June 2001", "2001-06", "2001", "44 BC", "-44", "the 1990s",
/// "nineteen ninety-six", "two thousand and one", "from 1914 to 1918".
pub fn read_dates(text: &str) -> Vec<Mention> {
    let toks = tokens(text);
    let start = opening(&toks);
    let end = closing(&toks, start);
    let mut found = dates_found_at(&toks, start, Mode::Answer);
    if let Some(range) = range_at(&toks, start, Mode::Answer)
        && found.first().is_none_or(|f| f.end < range.end)
    {
        found = vec![range];
    }
    // A date may take a closing dot as its own ("44 B.C.").
    found
        .into_iter()
        .filter(|f| f.end >= end && end > start)
        .map(|f| mention(text, &toks, f))
        .collect()
}

/// The first reading of [`read_dates`].
pub fn read_date(text: &str) -> Option<Mention> {
    read_dates(text).into_iter().next()
}

/// Reads a whole answer as whatever it most plausibly is: a date when it has a date's form
/// (a month, an era, a decade: "June 2001", "44 BC", "the 1990s"), else a quantity ("2001"
/// is the number 2001; [`read_date`] reads it as a year).
pub fn read(text: &str) -> Option<Mention> {
    let date =
        read_date(text).filter(|m| m.rule != "year" || m.written.chars().any(char::is_alphabetic));
    date.or_else(|| read_quantity(text))
}

/// Reads a card's unit as written in a deck: "km", "per cent", "°C", "million people"
/// (a scale, then the unit). Returns the scale's power of ten (0 without one) and the unit
/// (`None` when the text is only a scale or empty).
pub fn read_unit(text: &str) -> (i32, Option<Unit>) {
    let toks = tokens(text);
    let mut i = 0;
    let mut scale = 0;
    if let Some((e, false)) = toks.first().and_then(Token::word).and_then(scale_value) {
        scale = e;
        i = 1;
    }
    if i == toks.len() {
        return (scale, None);
    }
    if let Some((u, end)) = unit_at(&toks, i)
        && end == toks.len()
    {
        return (scale, Some(Unit::Known(u)));
    }
    let key = unit_key(&text[toks[i].start..]);
    if let Some(u) = by_key(&key) {
        return (scale, Some(Unit::Known(u)));
    }
    let words: Vec<&str> = toks[i..].iter().filter_map(Token::word).collect();
    let Some((last, head)) = words.split_last() else {
        return (
            scale,
            Some(Unit::Word(text[toks[i].start..].trim().to_lowercase())),
        );
    };
    let mut w: Vec<String> = head.iter().map(|s| s.to_string()).collect();
    w.push(singular(last));
    (scale, Some(Unit::Word(w.join(" "))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hedge_reads_before_a_number_and_only_there() {
        for (phrase, approx) in APPROXIMATIONS {
            let text = format!("{phrase} 300 km");
            let m = read_quantity(&text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(m.approx, Some(approx), "{text}");
            assert_eq!(m.written, text, "{text}");
            assert!(
                scan(&format!("We talked {phrase} it.")).is_empty(),
                "{phrase}"
            );
        }
    }

    #[test]
    fn every_hedge_after_a_number_reads() {
        for (text, approx) in [
            ("3,000 or so", About),
            ("3,000-odd", About),
            ("3,000+", Over),
            ("3,000 or more", AtLeast),
            ("3,000 plus", Over),
        ] {
            let m = read_quantity(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(m.approx, Some(approx), "{text}");
        }
        assert_eq!(read_quantity("3,000 - odd"), None);
    }

    #[test]
    fn every_relation_is_recorded() {
        for (word, relation) in RELATIONS {
            let m = scan(&format!("It happened {word} 1990."));
            assert_eq!(m[0].relation, Some(relation), "{word}");
        }
        assert_eq!(scan("It happened around 1990.")[0].relation, None);
    }

    #[test]
    fn a_year_with_a_date_word_before_it_counts_nothing() {
        for word in [
            "in", "since", "until", "before", "after", "by", "during", "from",
        ] {
            let m = scan(&format!("It changed {word} 1990 members left."));
            assert!(m[0].date().is_some(), "{word}");
        }
        assert!(scan("It had 1990 members.")[0].quantity().is_some());
    }

    #[test]
    fn counted_nouns_are_plural_content_words() {
        let nouns = |s: &str| -> Vec<String> {
            scan(s)
                .iter()
                .filter_map(|m| m.quantity()?.unit.as_ref().map(|u| u.symbol().to_string()))
                .collect()
        };
        assert_eq!(nouns("It has 300 delegates."), ["delegate"]);
        assert_eq!(nouns("It has 300 local branches."), ["local branche"]);
        assert_eq!(nouns("It has 300 children."), ["children"]);
        assert!(nouns("It has 300 of them.").is_empty());
        assert!(nouns("It has 300 Britons.").is_empty());
        assert!(nouns("It has 300 famous.").is_empty());
        assert!(nouns("It has 300 is.").is_empty());
    }

    #[test]
    fn scale_abbreviations_need_their_place() {
        let value = |s: &str| read_quantity(s).and_then(|m| m.quantity().map(|q| q.to_string()));
        assert_eq!(value("4.3k").as_deref(), Some("4,300"));
        assert_eq!(value("2.3 bn").as_deref(), Some("2,300,000,000"));
        assert_eq!(value("$3m").as_deref(), Some("$3,000,000"));
        assert_eq!(value("3m").as_deref(), Some("3 m"));
        assert_eq!(value("3 k").as_deref(), Some("3 k"));
    }
}

//! Figures: areas ("X covers 103,000 square kilometres"), populations ("X has about 390,000
//! inhabitants"), heights ("X rises to 2,110 metres"), lengths and distances, counts ("X has
//! ten members", "X, some 670 cavalrymen,", "There are seven routes", "About 35,000 people
//! climb it every year"), ages at death, and money ("sales reached €45 billion"). Values are
//! kept as written: the number reader gives exact values, and the tolerance of a hedged figure
//! ("about") is a round share of it.

use crate::deck::{FactKind, Text};
use crate::draft::rules::{Hit, Rule, definite, resolve_nouns, trim_phrase};
use crate::draft::sentence::SlotKind;
use crate::wording::verb::Verb;
use regex::Regex;
use std::sync::LazyLock;

use crate::draft::mentions::dimension;
use crate::numbers::Dimension;

fn is_area(unit: &str) -> bool {
    dimension(unit) == Some(Dimension::Area)
}

fn is_length(unit: &str) -> bool {
    dimension(unit) == Some(Dimension::Length)
}

fn is_mass(unit: &str) -> bool {
    dimension(unit) == Some(Dimension::Mass)
}

/// Tolerance for a figure: 5% of a hedged one, rounded to one significant digit; none for an
/// exact one.
pub fn tolerance_for(value: f64, approx: bool) -> f64 {
    if !approx {
        return 0.0;
    }
    let raw = value.abs() * 0.05;
    if raw < 1.0 {
        return 1.0_f64.min(value.abs());
    }
    let magnitude = 10f64.powi(raw.log10().floor() as i32);
    // Multiplying two exact powers of ten and a small integer keeps the value exact.
    (raw / magnitude).round() * magnitude
}

fn number(quantity: String, value: f64, unit: Option<String>, approx: bool) -> Option<FactKind> {
    let quantity = quantity
        .trim()
        .trim_end_matches([',', '.', ';', ':'])
        .to_string();
    // A question never shows its answer.
    if quantity.split_whitespace().count() < 3 || quantity.contains(&format!(" {value} ")) {
        return None;
    }
    Some(FactKind::Number {
        quantity: quantity.into(),
        value,
        unit: unit.map(Text::from),
        tolerance: tolerance_for(value, approx),
    })
}

/// The figure of group `n` as a bare count (no unit), with whether it is approximate.
fn count(hit: &Hit) -> Option<(f64, bool)> {
    let (value, unit, approx) = hit.number("n")?;
    unit.is_none().then_some((value, approx))
}

/// A count of two or more: "one nurse" counts nothing worth asking.
fn many(hit: &Hit) -> Option<(f64, bool)> {
    count(hit).filter(|(value, _)| *value >= 2.0)
}

/// "X covers 103,000 km²", "X has a population of N", "X rises to N metres": the measure is
/// named by the unit (area, length) or the verb.
fn measured(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = hit.number("n")?;
    let subject = subject_of(hit)?;
    // "The fire is commemorated by the Monument. It stands 61 metres high": an event has no
    // height or length, so "it" is something else.
    if crate::draft::context::names_an_event(&subject) {
        return None;
    }
    let verb = hit.raw("v").unwrap_or("");
    let unit_name = unit.as_deref().unwrap_or("");
    // "lies 20 km from the town" says where, not how high.
    if matches!(verb, "lies" | "lay" | "sits" | "sat")
        && hit.raw("at").is_none()
        && !hit
            .raw("dim")
            .is_some_and(|d| d.starts_with("above") || d.starts_with("below"))
    {
        return None;
    }
    // "43 km long" measures a length; "five storeys high" is a count.
    if hit.raw("dim").is_some() && !is_length(unit_name) {
        return None;
    }
    let measure = if let Some(m) = hit.raw("m") {
        m.to_string()
    } else if let Some(dim) = hit.raw("dim") {
        match dim {
            "high" | "tall" => "height",
            // "the height of Gatun Lake above sea level", "the depth of its surface below
            // sea level".
            d if d.starts_with("above") || d.starts_with("below") => {
                let (measure, side) = if d.starts_with("above") {
                    ("height", "above")
                } else {
                    ("depth", "below")
                };
                return number(
                    format!("the {measure} of {subject} {side} sea level"),
                    value,
                    unit,
                    approx,
                );
            }
            "long" => "length",
            "wide" | "across" => "width",
            "deep" => "depth",
            other => other,
        }
        .to_string()
    } else if is_area(unit_name) {
        "area".into()
    } else if is_mass(unit_name) && matches!(verb, "weighs" | "weighed") {
        "weight".into()
    } else if is_length(unit_name) {
        match verb {
            "rises" | "rose" | "stands" | "stood" | "reaches" | "reached" | "towers" => {
                "height".into()
            }
            "covers" | "covered" | "cover" => "distance".into(),
            // "South Base Camp lies at 5,364 metres": how high it is.
            "lies" | "lay" | "sits" | "sat" if hit.raw("at").is_some() => "altitude".into(),
            _ => "length".into(),
        }
    } else {
        return None;
    };
    number(format!("the {measure} of {subject}"), value, unit, approx)
}

/// The subject of a figure: a name as the patterns resolve it, or "its summit, Uhuru Peak"
/// as the summit of what "its" stands for.
fn subject_of(hit: &Hit) -> Option<String> {
    let name = match hit.name("s") {
        Some(name) => name,
        // "to the level of Gatun Lake, 26 metres above the sea": a figure set off after a
        // name measures it, wherever the name stands.
        None => {
            let end = hit.caps.name("s")?.end();
            if !hit.clause[end..].starts_with(", «N") {
                return None;
            }
            hit.context.name(&hit.slot("s")?.text)
        }
    };
    // "the first lies at 57 m": a rank or a word pointing back measures nothing named.
    if super::events::vague(&name) {
        return None;
    }
    // "Brill's 40 villages": the owner without its possessive ending.
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .unwrap_or(&name);
    Some(definite(name))
}

/// A count of group "n" about the subject, in the phrase `quantity` makes with it.
fn count_about(hit: &Hit, quantity: impl FnOnce(&str) -> String) -> Option<FactKind> {
    let (value, approx) = count(hit)?;
    let subject = subject_of(hit)?;
    number(quantity(&subject), value, None, approx)
}

/// "Its maximum depth is 300 metres": the measure of what "its" stands for, in a unit of
/// that measure (a length for a depth, an area for an area).
fn measure_of_it(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = hit.number("n")?;
    // "Its deepest point lies 281 m below the surface": its maximum depth.
    let measure = if hit.raw("deepest").is_some() {
        "maximum depth"
    } else {
        hit.raw("m")?
    };
    let unit_name = unit.as_deref().unwrap_or("");
    let fits = if measure.ends_with("area") {
        is_area(unit_name)
    } else {
        is_length(unit_name)
    };
    if !fits {
        return None;
    }
    let owner = hit.name("s")?;
    if crate::draft::context::names_an_event(&owner) {
        return None;
    }
    number(format!("the {measure} of {owner}"), value, unit, approx)
}

/// "Mount Fuji is ... and, at 3,776 metres, the highest mountain in Japan": its height.
fn height_at(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = hit.number("n")?;
    if !is_length(unit.as_deref()?) {
        return None;
    }
    let owner = match hit.name("s") {
        Some(owner) => owner,
        None => hit.name("s2")?,
    };
    number(format!("the height of {owner}"), value, unit, approx)
}

/// "Today Mount Fuji is climbed by some 200,000 people a year": how many do so.
fn visited_by(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = count(hit)?;
    let who = hit.name("s").filter(|s| !super::events::vague(s))?;
    let verb = crate::wording::verb::Verb::of(hit.raw("v")?).base;
    number(
        format!(
            "the number of {} who {verb} {who} {}",
            hit.raw("noun")?,
            per_period(hit)?
        ),
        value,
        None,
        approx,
    )
}

/// "a year", "per day", "annually": each year or each day.
fn per_period(hit: &Hit) -> Option<&'static str> {
    Some(if hit.raw("per")?.ends_with("day") {
        "each day"
    } else {
        "each year"
    })
}

/// "The park attracts some 4 million visitors each year", "..., receiving about 6 million
/// visitors a year": how many come to the subject.
fn visitors(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = count(hit)?;
    // After a comma the participle's subject is the clause's, or what "it" stands for.
    let who = match hit.name("s") {
        Some(s) if !s.starts_with(char::is_lowercase) || s.starts_with("the ") => s,
        Some(_) => return None,
        None => hit.it()?,
    };
    if super::events::vague(&who) {
        return None;
    }
    number(
        format!(
            "the number of {} {who} receives {}",
            hit.raw("noun")?,
            per_period(hit)?
        ),
        value,
        None,
        approx,
    )
}

/// "She sailed with 38 volunteer nurses": how many went with someone.
fn came_with(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = many(hit)?;
    let noun = hit.text("noun")?;
    // "with 38 years of experience": a time is no company.
    if matches!(
        noun.rsplit(' ').next(),
        Some("years" | "months" | "days" | "weeks" | "hours" | "minutes" | "others")
    ) {
        return None;
    }
    let raw = hit.raw("s")?;
    let who = match raw.to_lowercase().as_str() {
        "she" | "he" => hit.context.person_for(raw)?,
        "they" => return None,
        _ => hit.name("s")?,
    };
    number(
        format!("the number of {noun} who {} with {who}", hit.raw("v")?),
        value,
        None,
        approx,
    )
}

/// "Wellington's army suffered some 15,000 killed and wounded", "the French lost perhaps
/// 25,000 killed and wounded": the losses of a side in a battle, as a count.
fn casualties(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = many(hit)?;
    let side = hit.name("s")?;
    let what = hit.raw("what")?;
    // "the French": a people's side; "Wellington's army": in the army.
    let raw = hit.raw("s")?;
    let last = raw.rsplit(' ').next().unwrap_or(raw);
    let whose = if matches!(
        last,
        "army" | "armies" | "forces" | "troops" | "fleet" | "navy" | "garrison"
    ) {
        format!("in {}", definite(&side))
    } else if last == "side" {
        format!("on {}", definite(&side))
    } else if let Some(people) = side
        .strip_prefix("the ")
        .filter(|p| p.starts_with(char::is_uppercase) && !p.contains(' '))
    {
        format!("on the {people} side")
    } else {
        format!("among {}", definite(&side))
    };
    number(format!("the number of {what} {whose}"), value, None, approx)
}

/// "The expedition lasted five years": how long a named or described thing went on.
fn lasted(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = hit.number("n")?;
    if dimension(unit.as_deref()?) != Some(Dimension::Time) {
        return None;
    }
    let subject = hit.name("s")?;
    if !(subject.starts_with(char::is_uppercase) || subject.starts_with("the "))
        || crate::draft::rules::leans_on_another(&subject)
    {
        return None;
    }
    number(
        format!("the duration of {}", definite(&subject)),
        value,
        unit,
        approx,
    )
}

/// "X has N members", "X includes 122 documents related to trade", "X, some 670 cavalrymen,".
fn counted(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = count(hit)?;
    let noun = hit.text("noun")?;
    if !(noun.ends_with('s') || matches!(noun.as_str(), "people" | "children" | "men" | "women"))
        || noun.ends_with("ss")
        || value < 2.0
        || matches!(
            noun.as_str(),
            "inhabitants" | "residents" | "years" | "times"
        )
    {
        return None;
    }
    // "its basin, which covers 1 million km² in India, Nepal, Bangladesh and China, is home
    // to ...": the name after "in" is no subject.
    if hit.after_preposition("s") {
        return None;
    }
    let subject = subject_of(hit)?;
    let noun = match (hit.raw("v"), noun.as_str()) {
        (Some("employs" | "employed" | "employ"), "people" | "workers" | "staff") => {
            "employees".to_string()
        }
        _ => noun,
    };
    let post = hit
        .text("post")
        .map(|p| format!(" {}", trim_phrase(&p)))
        .unwrap_or_default();
    // "The states are home to 270 million people": the people living there.
    let of = if hit.raw("v").is_some_and(|v| v.ends_with("home to")) && post.is_empty() {
        "living in"
    } else {
        "of"
    };
    number(
        format!("the number of {noun}{post} {of} {subject}"),
        value,
        None,
        approx,
    )
}

/// "It is funded by 3 million individual supporters": how many do it to the subject.
fn done_by_many(hit: &Hit) -> Option<FactKind> {
    let noun = hit.text("noun")?;
    let verb = crate::wording::verb::Verb::of(hit.raw("v")?).base;
    count_about(hit, |subject| {
        format!("the number of {noun} who {verb} {subject}")
    })
}

/// "The league has offices in 55 countries": in how many countries (or cities, markets) the
/// subject has them.
fn spread_over(hit: &Hit) -> Option<FactKind> {
    let what = hit.text("what")?;
    let noun = hit.raw("noun")?;
    count_about(hit, |subject| {
        format!("the number of {noun} in which {subject} has {what}")
    })
}

/// "its six-man crew", "the guild's nine-member board": how many make up the group.
fn crew(hit: &Hit) -> Option<FactKind> {
    let noun = hit.raw("noun")?;
    let counted = match hit.raw("per")? {
        "man" => "men in",
        "woman" => "women in",
        _ => "members of",
    };
    count_about(hit, |subject| {
        format!("the number of {counted} the {noun} of {subject}")
    })
}

/// "13,200 houses ... were destroyed", "Only 6 deaths were officially recorded": the number
/// of the things the passive tells of.
fn counted_passive(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = many(hit)?;
    let verb = hit.raw("v")?;
    // "were born", "were given": a verb the question would need an object for.
    if matches!(
        verb,
        "born" | "given" | "based" | "used" | "called" | "named" | "needed"
    ) {
        return None;
    }
    // A passive dated or placed by the clause asks for that too: left to the reader.
    let after = &hit.clause[hit.caps.name("v")?.end()..];
    if after.contains("«D") || after.contains("«R") {
        return None;
    }
    let noun = hit.text("noun")?;
    let adv = hit.raw("adv").map_or(String::new(), |a| a.to_string());
    number(
        format!("the number of {noun} {adv}{verb}"),
        value,
        None,
        approx,
    )
}

/// The figure of group "n" when its unit is of the kind asked (a length, an area).
fn figure_in(hit: &Hit, kind: fn(&str) -> bool) -> Option<(f64, Option<String>, bool)> {
    let (value, unit, approx) = hit.number("n")?;
    kind(unit.as_deref().unwrap_or("")).then_some((value, unit, approx))
}

/// "Flowing for roughly 6,400 kilometres from the Andes to the Atlantic, it carries ...": the
/// length of the subject.
fn flowing(hit: &Hit) -> Option<FactKind> {
    // "Covering some 68,800 square kilometres, it is ...": its area.
    let (measure, kind): (&str, fn(&str) -> bool) = if hit.raw("area").is_some() {
        ("area", is_area)
    } else {
        ("length", is_length)
    };
    let (value, unit, approx) = figure_in(hit, kind)?;
    let subject = hit
        .name("s")
        .filter(|s| !s.starts_with(char::is_lowercase) || s.starts_with("the "))
        .filter(|s| !crate::draft::context::names_an_event(s))?;
    number(
        format!("the {measure} of {}", definite(&subject)),
        value,
        unit,
        approx,
    )
}

/// "Navratilova won the ladies' singles nine times": how many times.
fn times(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = many(hit)?;
    let subject = hit.name("s")?;
    if !subject.starts_with(char::is_uppercase) && !subject.starts_with("the ") {
        return None;
    }
    let object = crate::draft::rules::resolve_nouns(hit, &hit.text("o")?, false);
    let object = hit.context.name(&object);
    if crate::draft::rules::leans_on_another(&object) {
        return None;
    }
    number(
        format!("the number of times {subject} {} {object}", hit.raw("v")?),
        value,
        None,
        approx,
    )
}

/// "it drains a basin of about 7 million square kilometres": the area of its basin.
fn drained(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = figure_in(hit, is_area)?;
    let subject = hit.name("s")?;
    let measure = match hit.raw("m")? {
        "area" => "the area drained by".to_string(),
        noun => format!("the area of the {noun} of"),
    };
    number(
        format!("{measure} {}", definite(&subject)),
        value,
        unit,
        approx,
    )
}

/// "About 35,000 people try to reach the summit every year".
fn counted_clause(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = count(hit)?;
    // The verb: a present one people do again and again, or any simple past.
    const PRESENT: &[&str] = &[
        "try", "visit", "live", "climb", "attempt", "reach", "work", "attend", "take", "die",
        "are", "cross", "use", "flow", "pass", "travel", "enter", "fly", "sail", "rise", "lie",
        "grow", "nest", "breed", "feed", "speak", "remain", "survive",
    ];
    let verb = hit.raw("verb")?;
    let past = crate::wording::verb::is_past_form(verb)
        && crate::wording::verb::Verb::of(verb).past == verb;
    // "have opened", "have walked": a present perfect, with its participle.
    let perfect = hit.raw("perfect").is_some()
        && crate::wording::verb::is_past_form(verb)
        && crate::wording::verb::Verb::of(verb).participle == verb;
    if !(PRESENT.contains(&verb) || past || perfect || verb == "were") {
        return None;
    }
    // "1.5 million observations have been made": a perfect passive with nothing after it
    // says nothing of whose.
    if hit.raw("perfect").is_some() && hit.raw("rest")?.split_whitespace().count() <= 3 {
        return None;
    }
    // "Five more crews", "two new elements": a count of more of what came before.
    if hit.raw("noun")?.split_whitespace().next().is_some_and(|w| {
        matches!(
            w,
            "more" | "other" | "new" | "further" | "additional" | "such"
        )
    }) {
        return None;
    }
    let noun = hit.text("noun")?;
    // "and four others followed": a count of what the sentence before named.
    if matches!(noun.as_str(), "others" | "years" | "times") {
        return None;
    }
    // "entered that first tournament in 1877": the date is not part of what is counted.
    let raw_rest = hit.raw("rest")?;
    let raw_rest = match raw_rest.find(" in «D").or_else(|| raw_rest.find(" on «D")) {
        Some(at) => &raw_rest[..at],
        None => raw_rest,
    };
    // "rise from the lake": the lake the article is about.
    let rest = crate::draft::rules::resolve_nouns(
        hit,
        &trim_phrase(&hit.sentence.render(raw_rest)),
        false,
    );
    // "live within its basin": the basin of what "it" stands for ("their" may be the
    // counted things' own: "flown with their hostages").
    let rest = if rest.contains(" their ") {
        rest
    } else {
        hit.possessives_inside(&format!(" {rest}"))?
            .trim()
            .to_string()
    };
    // "Five shuttle missions visited it": what "it" stands for.
    let rest = match rest.strip_suffix(" it") {
        Some(head) if crate::wording::verb::is_past_form(head.rsplit(' ').next()?) => {
            format!("{head} {}", hit.it()?)
        }
        _ => rest,
    };
    // "were born to them": a pronoun the question could not resolve.
    if rest
        .split_whitespace()
        .any(|w| matches!(w, "them" | "they" | "it" | "him" | "her" | "us"))
    {
        return None;
    }
    let rel = if matches!(
        noun.as_str(),
        "people"
            | "visitors"
            | "climbers"
            | "riders"
            | "workers"
            | "students"
            | "soldiers"
            | "members"
            | "tourists"
            | "pilgrims"
            | "spectators"
            | "men"
            | "women"
            | "children"
    ) {
        "who"
    } else {
        "that"
    };
    number(
        format!("the number of {noun} {rel} {rest}"),
        value,
        None,
        approx,
    )
}

/// "There are seven official routes".
fn there_are(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = count(hit)?;
    let noun = trim_phrase(&hit.text("noun")?);
    let owner = hit
        .context
        .article
        .subject
        .clone()
        .map(|s| format!(" of {s}"))
        .unwrap_or_default();
    number(format!("the number of {noun}{owner}"), value, None, approx)
}

/// "2.3 million doses had been prepared for the invasion".
fn passive_count(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = count(hit)?;
    // "Three kinds of weapons were banned: A, B and C" is a list, found by the list rules.
    let end = hit.caps.get(0)?.end();
    if hit.clause[end..].starts_with(':') {
        return None;
    }
    let rest = trim_phrase(&hit.text("rest")?);
    number(
        format!("the number of {} {rest}", hit.text("noun")?),
        value,
        None,
        approx,
    )
}

/// "X died in 1852, at the age of 36" and "aged 91".
fn age_at_death(hit: &Hit) -> Option<FactKind> {
    let (value, _, _) = hit.number("n")?;
    let subject = hit.name("s")?;
    number(format!("the age of {subject} at death"), value, None, false)
}

/// "X sent 15,000 troops".
fn sent(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = count(hit)?;
    // Any verb in the simple past that acts on what is counted ("murdered 16 people"), but
    // not one that has or is it ("had", "became", "numbered"); in the present, a verb of
    // what a place or an event takes in ("the race attracts 30,000 runners").
    const TAKES_IN: &[(&str, &str)] = &[
        ("attracts", "attract"),
        ("draws", "draw"),
        ("receives", "receive"),
        ("welcomes", "welcome"),
        ("hosts", "host"),
        ("carries", "carry"),
        ("serves", "serve"),
    ];
    let present = TAKES_IN
        .iter()
        .find(|(third, _)| Some(*third) == hit.raw("v"));
    let verb = Verb::of(present.map_or(hit.raw("v")?, |(_, base)| base));
    if (verb.past != hit.raw("v")? && present.is_none())
        || matches!(
            verb.base.as_str(),
            "have"
                | "be"
                | "become"
                | "number"
                | "total"
                | "need"
                | "use"
                | "get"
                | "do"
                | "seem"
                | "reach"
                | "include"
                | "count"
                | "contain"
                | "employ"
                | "measure"
                | "weigh"
                | "cost"
                | "last"
                | "take"
                | "spend"
                | "wait"
        )
    {
        return None;
    }
    // "won it five times": a count of times is no count of things.
    if matches!(
        hit.raw("noun")?,
        "times" | "years" | "months" | "weeks" | "days" | "hours" | "minutes" | "seconds"
    ) {
        return None;
    }
    let subject = hit.name("s")?;
    // "the event draws 500,000 spectators": what is always so of a thing needs its name.
    if present.is_some() && !subject.contains(char::is_uppercase) {
        return None;
    }
    // "the account eventually filled 30 volumes": the subject without its adverb.
    let subject = match subject.rsplit_once(' ') {
        Some((head, last))
            if last.starts_with(char::is_lowercase) && last.ends_with("ly") && last.len() > 3 =>
        {
            head.to_string()
        }
        _ => subject,
    };
    // "In 2019 Airbus delivered 863 aircraft": the count of that year.
    static OPENING_YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:In|in) (?P<d>«D\d+»),? ").expect("valid"));
    let year = OPENING_YEAR
        .captures(hit.clause)
        .and_then(|c| hit.sentence.slot(&c["d"]))
        .and_then(|slot| match slot.kind {
            SlotKind::Date(d) if d.month.is_none() => Some(format!(" in {}", d.year)),
            _ => None,
        })
        .unwrap_or_default();
    number(
        format!(
            "the number of {} {} by {subject}{year}",
            hit.text("noun")?,
            verb.participle
        ),
        value,
        None,
        approx,
    )
}

/// "A survey put the combined length of all its branches at 21,196 km": the measure named,
/// "its" read by reference, in a unit of that measure.
fn put_at(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = hit.number("n")?;
    let measure = hit.raw("m")?;
    let fits = match measure {
        "area" => unit.as_deref().is_some_and(is_area),
        "population" => unit.is_none(),
        _ => unit.as_deref().is_some_and(is_length),
    };
    if !fits {
        return None;
    }
    let written = hit.text("q")?;
    // "of all its branches": of all the branches of what "it" is.
    let quantity = resolve_nouns(hit, &hit.possessives_inside(&written)?, false);
    number(quantity, value, unit, approx)
}

/// "retail sales reached about €45 billion".
fn money(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = hit.number("n")?;
    let unit = unit.filter(|u| dimension(u) == Some(Dimension::Currency))?;
    let subject = trim_phrase(&hit.text("s")?);
    // "its budget": the budget of what "its" means.
    if ["its ", "their ", "Its ", "Their "]
        .iter()
        .any(|p| subject.starts_with(p))
    {
        let owned = hit.name("s")?;
        return number(definite(&owned), value, Some(unit), approx);
    }
    let subject = subject.strip_prefix("the ").unwrap_or(&subject);
    number(format!("the {subject}"), value, Some(unit), approx)
}

/// "Only about 50,000 people now live in the historic centre": how many live there, the
/// place a name or what a noun phrase stands for ("the historic centre of Venice").
fn living_in(hit: &Hit) -> Option<FactKind> {
    let (value, approx) = many(hit)?;
    let written = hit.text("w")?;
    let place = match hit.slot("w") {
        Some(slot) => definite(&hit.context.name(&slot.text)),
        None => {
            // "its historic centre", "the city": what the phrase stands for, when it stands
            // for something.
            let resolved = hit
                .context
                .resolve(&written)
                .map_or(written.clone(), |(resolved, _)| resolved);
            // "the historic centre": of the article's subject, when it is a place.
            match &hit.context.article.subject {
                Some(subject)
                    if resolved.starts_with("the ")
                        && !resolved.contains(" of ")
                        && !hit.context.article.subject_is_person() =>
                {
                    format!("{resolved} of {}", definite(subject))
                }
                _ => resolved,
            }
        }
    };
    number(
        format!("the number of people living in {place}"),
        value,
        None,
        approx,
    )
}

/// "In 2024 it reported revenue of about €76 billion": the revenue of the subject, in the
/// year the sentence opens with.
fn reported_money(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = hit.number("n")?;
    let unit = unit.filter(|u| dimension(u) == Some(Dimension::Currency))?;
    let subject = subject_of(hit)?;
    let measure = hit.raw("m")?;
    let year = hit
        .sentence
        .event_dates(&hit.clause[..hit.caps.name("s")?.start()])
        .last()
        .map(|(_, d)| format!(" in {}", d.year))
        .unwrap_or_default();
    number(
        format!("the {measure} of {subject}{year}"),
        value,
        Some(unit),
        approx,
    )
}

/// "a 40 km stretch of the border": the length of what follows.
fn length_before(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = hit.number("n")?;
    if !is_length(unit.as_deref()?) {
        return None;
    }
    // The noun phrase only: it ends before a preposition other than "of", a conjunction or a
    // verb ("the 100-yard dash and set new world records" is the dash); "the 100 metres on 3
    // August" has none.
    let written = trim_phrase(&hit.text("np")?);
    let mut np: Vec<&str> = Vec::new();
    for word in written.split_whitespace() {
        if matches!(
            word,
            "in" | "on"
                | "at"
                | "by"
                | "for"
                | "with"
                | "from"
                | "to"
                | "and"
                | "or"
                | "but"
                | "which"
                | "that"
                | "who"
                | "as"
                | "into"
                | "during"
                | "after"
                | "before"
        ) || crate::wording::verb::is_past_form(word)
            || crate::wording::verb::is_auxiliary(word)
        {
            break;
        }
        np.push(word);
    }
    while np.last().is_some_and(|w| *w == "of") {
        np.pop();
    }
    if np.len() < 2 {
        return None;
    }
    number(
        format!("the length of the {}", np.join(" ")),
        value,
        unit,
        approx,
    )
}

/// "the old canal, which runs to about 2,400km".
fn length_which(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = hit.number("n")?;
    if !is_length(unit.as_deref()?) {
        return None;
    }
    let np = hit.text("np")?;
    let words: Vec<&str> = np.split_whitespace().collect();
    let from = words.len().saturating_sub(10);
    let start = (from..words.len()).find(|&i| words[i].eq_ignore_ascii_case("the"))?;
    let np = words[start..].join(" ");
    number(
        format!("the length of {}", definite(&np)),
        value,
        unit,
        approx,
    )
}

/// "Germany lost 13 per cent of its territory": the share of it the subject lost.
fn share_of(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = hit.number("n")?;
    if unit.as_deref() != Some("%") {
        return None;
    }
    // "The league covers ...": a common noun only when it stands for the article's subject.
    let raw = hit.raw("s")?;
    if let Some(noun) = raw
        .strip_prefix("The ")
        .or_else(|| raw.strip_prefix("the "))
        && !noun.starts_with('«')
        && !hit.context.article.class_nouns.iter().any(|c| c == noun)
    {
        return None;
    }
    let subject = hit.name("s")?;
    let what = trim_phrase(&hit.text("what")?);
    number(
        format!("the share of {what} that {subject} {}", hit.raw("v")?),
        value,
        unit,
        approx,
    )
}

pub static RULES: &[Rule] = &[
    Rule {
        name: "X lost N% of its Y",
        pattern: r"(?P<s>(?:[Tt]he )?«E\d+»|[Ii]t|[Tt]he [a-z]+)(?:, (?:the|an?) [^,;«]{3,50},)? (?:{ADV})?(?P<v>lost|gained|kept|controlled|controls|owned|owns|holds|held|produced|produces|covers|covered|accounts for|accounted for|supplies|supplied|generates|generated) (?P<n>{N}) of (?P<what>(?:its|their|the) [a-z]+(?: [a-z]+)?(?: in «E\d+»)?|(?:the world's |world )[a-z]+)(?:[,.;]|$| and\b| in\b)",
        whole: false,
        confidence: 0.9,
        build: share_of,
        must: &[
            "Brill lost about 13 per cent of its territory in Europe and 10% of its people.",
            "Brill, the largest shareholder, holds 16.5% of the votes.",
            "The Varn League is a trade body. The league covers about 98% of world trade.",
            "Brill produces about 30% of the world's copper.",
        ],
        must_not: &[
            "Brill lost about 13 ships of its fleet.",
            "The Varn League is a trade body. The study covers about 98% of world trade.",
        ],
    },
    Rule {
        name: "X has ... and covers N",
        pattern: r"^(?P<s>{S}) (?:has|had|have|consists of|consisted of|is|was) [^;]*? and (?P<v>covers|covered|cover|employs|employed) (?:an area of )?(?P<n>{N})(?: (?P<noun>people|workers|staff))?",
        whole: false,
        confidence: 0.85,
        build: coordinated,
        must: &[
            "Tull Shipping is a company. It had six ships and covered 2,428 kilometres.",
            "The company has 480 stores in 60 markets and employs 220,000 people.",
        ],
        must_not: &["The company has 480 stores and employs many people."],
    },
    Rule {
        name: "X covers / rises to N units",
        pattern: r"(?P<s>{S})(?:, (?P<ap>(?:the )?«E\d+»),)? (?:(?:[a-z]+ly|also|still|now|only) )?(?P<v>covers|covered|cover|rises|rose|stands|stood|reaches|reached|runs|ran|stretches|stretched|measures|measured|extends|extended|towers|lies|lay|sits|sat|weighs|weighed)(?: to| over| across| for|(?P<at> at))?(?: an area of| a distance of| (?:an|a) (?P<m>altitude|elevation|height|depth) of)? (?P<n>{N})",
        whole: false,
        confidence: 0.8,
        build: measured,
        must: &[
            "The island covers 4,300 square kilometres.",
            "Mount Tull rises to 2,110 metres above the bay.",
            "Brill is a long island. It runs for some 430 km from north to south.",
            "The Tull Hut lies at about 2,364 metres.",
            "Lake Tarn is cold. It lies at an altitude of about 1,134 metres above sea level.",
            "The Varn Tower is a tower. The metal structure of the tower weighs 7,300 tonnes.",
        ],
        must_not: &[
            "The Great Fire of Varn was a fire. The fire is remembered by a column. It stands 61 metres high.",
            "The island covers most of the bay.",
            "The Tull Hut lies at the foot of the ridge.",
            "The Tull Hut lies 20 km from the town.",
            "Visitors reach three levels: the first lies at 57 metres.",
            "The Varn Bell weighs 40 per cent more than the old one.",
            "The Varn harvest reached 3,000 tonnes.",
        ],
    },
    Rule {
        name: "X suffered N killed and wounded",
        pattern: r"(?:^|, (?:and |but |while |whereas )?|; )(?P<s>(?:«E\d+»'s (?:army|armies|forces|troops|fleet|navy|garrison|side)|(?:[Tt]he )?«E\d+»|[Tt]he [A-Z][a-z]+|[Tt]he (?:[a-z]+ )?(?:army|armies|forces|troops|fleet|navy|garrison|defenders|attackers)))(?:, [^,;]{3,60},)? (?:suffered|lost|had) (?:perhaps |probably |possibly )?(?P<n>{N}) (?P<what>killed and wounded|dead and wounded|killed or wounded|casualties|dead|killed|wounded)\b",
        whole: false,
        confidence: 0.8,
        build: casualties,
        must: &[
            "Tull's army suffered some 15,000 killed and wounded, while the Varnish lost perhaps 25,000 killed and wounded.",
            "The battle was short. The defenders lost about 4,000 dead.",
        ],
        must_not: &[
            "Tull's army suffered some 15,000 losses.",
            "The company lost 300 jobs in 1999.",
            "Its army lost 4,000 dead.",
        ],
    },
    Rule {
        name: "She sailed with N nurses",
        pattern: r"(?:^|, |; |\band )(?P<s>She|He|They|she|he|they|(?:[Tt]he )?«E\d+»)(?: [a-z]+ly)? (?P<v>sailed|travelled|traveled|arrived|returned|left|set out|set off|marched|landed|fled|escaped|crossed|came) with (?:(?:some|about|only|just|nearly|almost|over|more than) )?(?P<n>{N}) (?P<noun>(?:[a-z\-]+ ){0,2}?(?:[a-z\-]+s|men|people|children|women))\b",
        whole: false,
        confidence: 0.8,
        build: came_with,
        must: &[
            "Mara Quell was a nurse. She sailed with 38 volunteer nurses in October 1854.",
            "Tomas Reede landed with some 600 men in 1519.",
        ],
        must_not: &[
            "Mara Quell was a nurse. She sailed with 38 years of experience.",
            "Mara Quell was a nurse. She sailed with her brother in 1854.",
            "The Varn Guild is a union. Its envoys met in Brill. They sailed with 38 nurses in 1854.",
        ],
    },
    Rule {
        name: "X receives N visitors a year",
        pattern: r"(?:^(?P<s>{S})(?:, [^,;]{3,60},)?(?: [a-z]+)*? |, )(?P<v>receives|received|receiving|attracts|attracted|attracting|draws|drew|drawing|welcomes|welcomed|welcoming|has|had) (?P<n>{N}) (?P<noun>visitors|tourists|pilgrims|spectators|passengers|guests) (?P<per>a year|per year|each year|every year|annually|a day|per day|each day)\b",
        whole: false,
        confidence: 0.7,
        build: visitors,
        must: &[
            "The Varn Tower is a tower. It is one of the most visited monuments in the world, receiving about 6 million visitors a year.",
            "The Varn Park attracts some 4 million visitors each year.",
        ],
        must_not: &["The Varn Tower is a tower. It received about 6 million visitors in 2019."],
    },
    Rule {
        name: "X is climbed by N people a year",
        pattern: r"(?P<s>{S}) (?:is|was|are|were) (?:now |still )?(?P<v>climbed|visited|used|read|watched|seen) by (?P<n>{N}) (?P<noun>people|visitors|tourists|climbers|pilgrims|passengers|readers|viewers) (?P<per>a year|per year|each year|every year|annually|a day|per day|each day)\b",
        whole: false,
        confidence: 0.8,
        build: visited_by,
        must: &["Mount Varn is a peak. Today Mount Varn is climbed by some 200,000 people a year."],
        must_not: &["Mount Varn is a peak. Mount Varn was climbed by 200 people in 2019."],
    },
    Rule {
        name: "X, at N the country's highest mountain,",
        pattern: r"(?P<s>(?:[Tt]he )?«E\d+»), at (?P<n>{N}),? (?:the|its|the country's|the island's|the region's|the range's) (?:highest|tallest|loftiest) (?:[a-z]+ )?(?:mountain|peak|summit|volcano|building|structure|tower|point)\b",
        whole: false,
        confidence: 0.75,
        build: height_at,
        must: &[
            "A quake set off an avalanche on Mount Varn, at 6,768 metres the country's highest mountain, which buried a town.",
        ],
        must_not: &[
            "A quake set off an avalanche on Mount Varn, at 6,768 metres the country's largest town.",
        ],
    },
    Rule {
        name: "X, at N, the highest mountain",
        pattern: r"^(?:(?P<s>(?:[Tt]he )?«E\d+»)[^;]*? and,? at|At) (?P<n>{N}),? (?:(?P<s2>[Ii]t|(?:[Tt]he )?«E\d+») (?:is|was) )?the (?:highest|tallest|loftiest) (?:[a-z]+ )?(?:mountain|peak|summit|volcano|building|structure|tower|point|skyscraper)\b",
        whole: false,
        confidence: 0.8,
        build: height_at,
        must: &[
            "Mount Varn is an active volcano on Brill and, at 3,776 metres, the highest mountain in Olk.",
            "Mount Varn is a peak. At 3,776 metres, it is the highest mountain in Olk.",
        ],
        must_not: &[
            "Mount Varn is an active volcano on Brill and, at 3,776 metres, the second town of Olk.",
            "Mount Varn is a peak. At 30 years, it is the highest mountain in Olk.",
        ],
    },
    Rule {
        name: "X lasted N",
        pattern: r"^(?:[A-Z][a-z]+ «D\d+»,? )?(?P<s>{S})(?:, [^,]{3,60},)? (?:had )?lasted (?:only |just |almost |nearly |about |some |over |more than |less than )?(?P<n>{N})(?:[,.;]|$| (?:and|but|before|until)\b)",
        whole: false,
        confidence: 0.65,
        build: lasted,
        must: &[
            "The expedition lasted five years.",
            "The moonwalk lasted about two and a half hours.",
            "The siege of Varn, the longest of the war, lasted 53 days.",
        ],
        must_not: &[
            "The voyage, planned for two years, lasted almost five.",
            "It lasted three days.",
            "The strike lasted 300 workers.",
            "In 1900 a war lasted three years.",
        ],
    },
    Rule {
        name: "its maximum depth is N",
        pattern: r"(?:^|, (?:and |but |while |yet )?)(?P<s>[Ii]ts|[Tt]heir) (?:(?P<m>(?:(?:maximum|greatest|average|mean|total) )?(?:depth|width|length|height|area|diameter|circumference))(?:, [^,;«]{3,40},)? (?:is|was|reaches|reached)(?: only| just)?(?: (?:usually |often |generally |officially )?(?:given|estimated|put|reckoned) (?:as|at))?|(?P<deepest>deepest point) (?:is|lies|reaches|sits)) (?P<n>{N})(?: \(«N\d+»\))?(?:[,.;]|$| (?:and|but|below)\b)",
        whole: false,
        confidence: 0.9,
        build: measure_of_it,
        must: &[
            "Lake Tarn is in Varn. Its maximum depth is 300 metres.",
            "The northern basin is 50 km long, and its greatest width is 15 km.",
            "Lake Tarn is in Varn. Its deepest point lies 281 m below the surface.",
            "Lake Tarn is in Varn. Its greatest length, from north to south, is about 337 kilometres.",
            "Lake Tarn is in Varn. Its average depth is only around 40 metres.",
            "Lake Tarn is in Varn. It is 90 km long, yet its average depth is only around 40 metres.",
            "The Varn is long. Its length is usually given as about 3,770 km (2,340 miles), although it shifts.",
        ],
        must_not: &[
            "Lake Tarn is in Varn. Its maximum depth is unknown.",
            "Lake Tarn is in Varn. Its deepest point lies 20 km from the shore.",
        ],
    },
    Rule {
        name: "its length is N and its width N",
        pattern: r"«N\d+»,? and (?P<s>its|their) (?P<m>(?:(?:maximum|greatest|average|mean|total) )?(?:depth|width|length|height|area|diameter|circumference)) (?P<n>{N})(?:[,.;]|$| (?:and|but|yet)\b)",
        whole: false,
        confidence: 0.8,
        build: measure_of_it,
        must: &[
            "Lake Tarn is in Varn. Its greatest length is about 337 kilometres and its greatest width about 240 kilometres, yet it is shallow.",
        ],
        must_not: &[
            "Lake Tarn is in Varn. Its greatest length is about 337 kilometres and its greatest width grows.",
        ],
    },
    Rule {
        name: "X is N units long and N units wide",
        pattern: r"(?P<s>{S}) (?:is|was|are|were) (?:[a-z]+ly )?«N\d+» (?:high|tall|long|wide|deep|across) and (?P<n>{N}) (?P<dim>high|tall|long|wide|deep|across)\b",
        whole: false,
        confidence: 0.8,
        build: measured,
        must: &["The northern basin is 50 km long and 15 km wide."],
        must_not: &["The northern basin is 50 km long and very wide."],
    },
    Rule {
        name: "X is N units high / long / above sea level",
        pattern: r"(?P<s>{S})(?:, (?:about |some |roughly |nearly )?(?:the|a|an) [^,;«]{3,60},)? (?:is|was|are|were|(?P<v>lies|lay|stands|stood|sits|sat)) (?:[a-z]+ly )?(?P<n>{N}) (?P<dim>high|tall|long|wide|deep|across|(?:above|below) (?:the )?sea(?: level)?)\b",
        whole: false,
        confidence: 0.85,
        build: measured,
        must: &[
            "Mount Tull is steep. Its summit is 2,110.5 metres above sea level.",
            "The Varn Canal is 43 km long.",
            "Lake Tarn lies 26 metres above the sea.",
            "Lake Tarn lies 430 metres below sea level.",
            "The Varn Telescope, about the size of a large bus, is 13.2 metres long.",
        ],
        must_not: &[
            "The Varn Canal is 43 km from the sea.",
            "The Varn Tower is five storeys high.",
        ],
    },
    Rule {
        name: "The largest island, X, is N units long",
        pattern: r"(?:^|, )(?:[Tt]he|[Ii]ts|[Tt]heir) (?:[a-z\-]+ ){0,3}[a-z\-]+, (?P<s>«E\d+»), (?:is|was) (?:[a-z]+ly )?(?P<n>{N}) (?P<dim>high|tall|long|wide|deep|across|above (?:the )?sea(?: level)?)\b",
        whole: false,
        confidence: 0.8,
        build: measured,
        must: &["The largest island, Olk, is 72 kilometres long and is home to 1,500 people."],
        must_not: &["The largest island, Olk, is 72 kilometres from the shore."],
    },
    Rule {
        name: "X, N units above sea level",
        pattern: r"(?P<s>«E\d+»|^[Ii]ts [a-z]+), (?P<n>{N}) (?P<dim>(?:above|below) (?:the )?sea(?: level)?|high|tall|long|deep)\b",
        whole: false,
        confidence: 0.85,
        build: measured,
        must: &[
            "A ship is raised to the level of Lake Tarn, 26 metres above the sea.",
            "Lake Tarn is salty. Its surface, 430 metres below sea level, is the lowest point.",
        ],
        must_not: &["A ship is raised to Lake Tarn, 26 metres away."],
    },
    Rule {
        name: "X is a waterway, N units long,",
        pattern: r"^(?P<s>{S}) (?:is|was) (?:a|an|the) [^,;]{3,60}, (?:[a-z]+ly |about |some |nearly |almost )?(?P<n>{N})(?: \(«N\d+»\))? (?P<dim>high|tall|long|wide|deep)\b",
        whole: false,
        confidence: 0.8,
        build: measured,
        must: &[
            "The Varn Canal is an artificial waterway, about 82 kilometres (51 miles) long, that joins two seas.",
        ],
        must_not: &["The Varn Canal is an artificial waterway, about 82 kilometres from Tull."],
    },
    Rule {
        name: "Flowing for N km, it ...",
        pattern: r"^(?:Flowing|Running|Stretching|Winding|(?P<area>Covering|Spanning|Occupying)) (?:for |an area of )?(?:some |roughly |about |nearly |almost |more than )?(?P<n>{N})[^,]{0,80}, (?P<s>{S}) [a-z]",
        whole: false,
        confidence: 0.8,
        build: flowing,
        must: &[
            "Lake Tarn is cold. The Varn River is long. Flowing for roughly 640 kilometres from the hills to the sea, it carries much water.",
            "Lake Tarn is cold. Covering some 68,800 square kilometres, it is also the second-largest lake on Earth.",
        ],
        must_not: &[
            "Flowing for roughly 640 years, it carries much water.",
            "Lake Tarn is cold. Covering some 68 kilometres, it is also the second-largest lake on Earth.",
        ],
    },
    Rule {
        name: "X is ..., running for N km",
        pattern: r"^(?P<s>(?:[Tt]he )?«E\d+») (?:is|are|was|were) [^;]*?, (?:running|stretching|extending|flowing|winding) (?:[^,;]{0,80}? )?for (?:some |roughly |about |nearly |almost |more than )?(?P<n>{N})",
        whole: false,
        confidence: 0.8,
        build: flowing,
        must: &[
            "The Varn Hills are the longest range in the isles, running along the coast of Brill for about 700 kilometres.",
        ],
        must_not: &[
            "The Varn Hills are the longest range in the isles, running along the coast for 700 years.",
            "The Varn Hills are the longest range in the isles, and the Tull Road, running along the coast, goes on for 700 kilometres.",
        ],
    },
    Rule {
        name: "X runs for N km",
        pattern: r"(?:^|\b)(?P<s>[Ii]t|(?:[Tt]he )?«E\d+»|[Tt]he river) (?:runs|flows|stretches|extends|winds|ran|flowed|stretched|extended) for (?:some |roughly |about |nearly |almost |more than )?(?P<n>{N})",
        whole: false,
        confidence: 0.7,
        build: flowing,
        must: &[
            "The Varn River is a river. From its source in the hills it runs for 1,230 kilometres to the sea.",
        ],
        must_not: &[
            "The Varn River is a river. From its source in the hills it runs for 12 hours a day.",
        ],
    },
    Rule {
        name: "Its basin drains N",
        pattern: r"^(?P<s>[Ii]ts|[Tt]he (?:river|lake)'s) (?P<m>basin|catchment|watershed) (?:drains|covers|spans|extends over) (?:about |some |roughly |nearly |almost |more than )?(?P<n>{N})",
        whole: false,
        confidence: 0.8,
        build: drained,
        must: &["The Varn River is a river. Its basin drains 185,000 square kilometres."],
        must_not: &["The Varn River is a river. Its basin drains 185,000 people."],
    },
    Rule {
        name: "X won Y N times",
        pattern: r"(?:^|, |: |while |and )(?P<s>(?:[Tt]he )?«E\d+»|[Hh]e|[Ss]he|[Ii]t) (?P<v>won|took|claimed|held|visited|climbed|wrote|played|reached|entered|ran|finished|started|crossed|attempted) (?P<o>(?:the|its|his|her) (?:[a-z\-']+ ){0,3}?[a-z\-']+|(?:the )?«E\d+») (?P<n>{N}) times",
        whole: false,
        confidence: 0.85,
        build: times,
        must: &["Mara Quell won the ladies' singles nine times, the last of them in 1990."],
        must_not: &["Mara Quell won the ladies' singles in 1990."],
    },
    Rule {
        name: "X drains a basin of N",
        pattern: r"(?P<s>{S})(?: [a-z]+){0,12}? drains an? (?:[a-z]+ )?(?P<m>basin|catchment|area) of (?:about |some |roughly |nearly |almost |more than )?(?P<n>{N})",
        whole: false,
        confidence: 0.8,
        build: drained,
        must: &["The Varn River drains a basin of about 7 million square kilometres."],
        must_not: &["The Varn River drains a basin of 7 million people."],
    },
    Rule {
        name: "X has an area / a population of N",
        pattern: r"(?P<s>{S}) (?:has|had|have|covers|cover|covered) (?:a |an )?(?P<m>(?:combined |total |floor |land |gross |average |mean |maximum )?(?:area|population|length|height|depth|budget|diameter|width|radius|circumference|wingspan|volume|capacity|tonnage)) of (?P<n>{N})",
        whole: false,
        confidence: 0.9,
        build: measured,
        must: &[
            "The island has a population of about 40,000 people.",
            "The Varn Telescope is long, and its primary mirror has a diameter of 2.4 metres.",
        ],
        must_not: &["The island has a population of seabirds."],
    },
    Rule {
        name: "X circles at an altitude of N",
        pattern: r"^(?P<s>{S}) (?:[a-z]+ly )?(?:orbits|orbited|circles|circled|flies|flew|cruises|cruised|hovers|hovered|floats|floated)\b[^,;]*? at (?:an |a )?(?:(?:average|mean|typical) )?(?P<m>altitude|speed|depth) of (?P<n>{N})",
        whole: false,
        confidence: 0.8,
        build: measured,
        must: &[
            "The Varn Telescope is a satellite. It circles the Earth at an altitude of about 540 km, completing one orbit in 95 minutes.",
        ],
        must_not: &[
            "The Varn Telescope is a satellite. It circles the Earth at an altitude that varies.",
            "The Varn Telescope is a satellite. Its camera saw it at an altitude of 540 km.",
        ],
    },
    Rule {
        name: "X, with a depth of N",
        pattern: r"^(?P<s>{S})(?:, [^;]{3,80}?,)? (?:is|was|are|were|has|had|lies|rises|runs|flows)\b[^;]*?,? with (?:a |an )?(?P<m>(?:(?:maximum|total|greatest|combined|mean|average) )?(?:area|population|length|height|depth|width|span|volume|budget|capacity)) of (?P<n>{N})",
        whole: false,
        confidence: 0.8,
        build: measured,
        must: &[
            "Lake Tarn is the deepest lake of Brill, with a maximum depth of 412 metres.",
            "The Varn Canal runs east, with a length of 43 km.",
        ],
        must_not: &[
            "The guild met with a delegation of 40 people.",
            "Ships left Varn; the canal, with a length of 43 km, was shut.",
        ],
    },
    Rule {
        name: "X, N units long,",
        pattern: r"(?P<s>(?:[Tt]he )?«E\d+»), (?:(?:about|some|nearly|almost|roughly|over) )?(?P<n>{N}) (?P<dim>high|tall|long|wide|deep)(?:,|\.$| and\b)",
        whole: false,
        confidence: 0.7,
        build: measured,
        must: &["From the cape, the Varn Tunnel, 4 kilometres long, runs under the bay."],
        must_not: &[
            "From the cape, the Varn Tunnel, 4 storeys high, runs under the bay.",
            "Mara Quell, 40 years old, runs the bay.",
        ],
    },
    Rule {
        name: "With a population of N, X is",
        pattern: r"^With (?:a |an )?(?P<m>(?:total |combined )?(?:population|area|length|height|depth)) of (?:(?:just |a little )?(?:over|under|about|some|nearly|almost|roughly|more than) )?(?P<n>{N}),? (?P<s>{S}) (?:is|was|has|had|ranks|ranked|remains)\b",
        whole: false,
        confidence: 0.8,
        build: measured,
        must: &["With a population of just over 500,000, Varn is the second city of the isle."],
        must_not: &["With a crew of 40, the Varn sailed north."],
    },
    Rule {
        name: "With N members, X is",
        pattern: r"^With (?:(?:just |a little )?(?:over|under|about|some|nearly|almost|roughly|more than) )?(?P<n>{N}) (?P<noun>(?:member )?(?:members|states|countries|nations|employees)),? (?P<s>{S}) (?:{ADV})?(?:is|was|has|had|ranks|ranked|remains|covers|covered|accounts|accounted|represents|represented)\b",
        whole: false,
        confidence: 0.8,
        build: counted,
        must: &[
            "The Varn League is a trade body. With 166 members, the league covers about 98% of world trade.",
            "With more than 2,000 employees, Tull Shipping is the largest firm of the isle.",
        ],
        must_not: &[
            "With 40 men, Tomas Reede sailed north.",
            "With 40 sailors, the Varn Star was crowded.",
        ],
    },
    Rule {
        name: "X, a peak of N metres",
        pattern: r"(?P<s>(?:[Tt]he )?«E\d+»), (?:a|an) (?:[a-z\-]+ ){0,2}?(?P<thing>peak|mountain|volcano|hill|tower|building|spire|river|bridge|canal|tunnel|waterfall|dam|wall) of (?:(?:about|some|nearly|almost|roughly|over) )?(?P<n>{N})",
        whole: false,
        confidence: 0.8,
        build: thing_of,
        must: &[
            "The town is dominated by Arden's Seat, a rugged peak of 251 metres that rises from a park.",
            "Ships sail up the Varn, a slow river of 430 km, to the capital.",
        ],
        must_not: &[
            "The town is dominated by Arden's Seat, a rugged peak of great beauty.",
            "The Varn Tower, a building of 40 storeys, stands alone.",
        ],
    },
    Rule {
        name: "the country's N people",
        pattern: r"(?P<own>(?:[Tt]he )?«E\d+»|[Tt]he [a-z]+|[Ii]ts)'s (?:(?:nearly|about|some|roughly|almost|over|more than|just over|just under) )?(?P<n>{N}) (?:people|inhabitants|residents|citizens)\b",
        whole: false,
        confidence: 0.7,
        build: population_of_owner,
        must: &["Most of Brill's nearly 20 million people live in the central valley."],
        must_not: &["Most of Brill's people live in the central valley."],
    },
    Rule {
        name: "X is an organisation of N members",
        pattern: r"^(?P<s>(?:[Tt]he )?«E\d+»)(?: \(«E\d+»\))? (?:is|was|are|were) (?:a|an) (?:[a-z\-]+ ){0,3}?[a-z\-]+ (?P<v>made up of|composed of|consisting of|comprising|of|with) (?:(?:about|around|some|nearly|almost|roughly|over|more than) )?(?P<n>{N}) (?P<noun>(?:[a-z\-]+ ){0,2}?(?:[a-z\-]+s|people))(?:[,.;]|$| (?:and|which|that|who|in|across|from)\b)",
        whole: false,
        confidence: 0.85,
        build: counted,
        must: &[
            "The Varn Union (VU) is a continental organisation made up of 55 member states, which cover the south.",
            "Brill is an archipelago of some 17,000 islands.",
            "The Varn is a long river with 1,100 tributaries.",
        ],
        must_not: &[
            "The Varn Union is an organisation of great age.",
            "Brill is a city of 40 km².",
            "The Varn is a long river with 1,100 km of banks.",
        ],
    },
    Rule {
        name: "X has N inhabitants",
        pattern: r"(?P<s>{S}) (?:has|had|have) (?P<n>{N}) (?:inhabitants|residents|people)\b",
        whole: false,
        confidence: 0.8,
        build: population,
        must: &["Brill has about 40,000 inhabitants."],
        must_not: &["Brill has many inhabitants."],
    },
    Rule {
        name: "X is funded by N supporters",
        pattern: r"(?P<s>{S}) (?:is|are|was|were) (?:[a-z]+ly )?(?P<v>funded|supported|financed|backed|used|visited|spoken|read|followed|played|watched) by (?P<n>{N}) (?P<noun>(?:[a-z\-]+ )?(?:[a-z]+s|people|men|women|children))\b",
        whole: false,
        confidence: 0.65,
        build: done_by_many,
        must: &[
            "The Varn League is a body. It is funded by 3 million individual supporters and by grants.",
            "Brill is an island. Its language is spoken by about 40,000 people.",
        ],
        must_not: &["The Varn League is a body. It is funded by many supporters."],
    },
    Rule {
        name: "X has offices in N countries",
        pattern: r"(?P<s>{S}) (?:has|had|have|maintains|maintained|operates|operated|runs|ran) (?P<what>(?:[a-z\-]+ (?:and [a-z\-]+ )?)?(?:offices|branches|stores|shops|factories|plants|subsidiaries|bases|embassies|members)) in (?P<n>{N}) (?P<noun>countries|cities|nations|markets|states)\b",
        whole: false,
        confidence: 0.7,
        build: spread_over,
        must: &[
            "The Varn League is a body. The league has national and regional offices in 55 countries.",
            "Tull Shipping runs stores in more than 60 markets.",
        ],
        must_not: &["Tull Shipping has offices in many countries."],
    },
    Rule {
        name: "its N-man crew",
        pattern: r"(?:^|[ (])(?P<s>[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|(?:[Tt]he )?«E\d+»'s) (?P<n>«N\d+»)-(?P<per>man|member|woman|person|strong) (?P<noun>crew|team|board|committee|council|jury|party|band|commission|panel)\b",
        whole: false,
        confidence: 0.8,
        build: crew,
        must: &[
            "The Varn Star was a raft. Setting out from Brill, its six-man crew drifted west.",
            "The Varn Guild is a body of ports. The Varn Guild's nine-member board meets in Brill.",
        ],
        must_not: &["The Varn Star was a raft. Its six crews drifted west."],
    },
    Rule {
        name: "Its N things are ...",
        pattern: r"^(?P<s>[Ii]ts|[Tt]heir|(?:[Tt]he )?«E\d+»'s) (?P<n>{N}) (?P<noun>(?:[a-z\-]+ ){0,2}?[a-z\-]+s)(?: (?:[a-z]+ly|together|all|now|still|each))* (?:are|were|have|had|hold|held|include|included|lie|lay|meet|met|sit|sat|produce|produced|[a-z]+ed)\b",
        whole: false,
        confidence: 0.7,
        build: counted,
        must: &[
            "The Varn League is a body of ports. Its 12 member ports together hold most of the fish.",
            "Brill is an island. Brill's 40 villages lie on the coast.",
        ],
        must_not: &[
            "The Varn League is a body of ports. Its many ports together hold most of the fish.",
            "The Varn League is a body of ports. Its 12 ports and 3 docks hold most of the fish.",
        ],
    },
    Rule {
        name: "put the length of X at N",
        pattern: r"\b(?:put|estimated|measured|reckoned|fixed|set|estimates|puts) (?P<q>the (?:combined |total |average |overall )?(?P<m>length|area|height|depth|population|width) of (?:[a-z\-]+ |«E\d+» ){0,5}?(?:[a-z\-]+|«E\d+»)) at (?P<n>{N})",
        whole: false,
        confidence: 0.8,
        build: put_at,
        must: &[
            "The Varn Wall is old. A survey completed in 2012 put the combined length of all its branches at 21,196 km.",
        ],
        must_not: &[
            "The Varn Wall is old. A survey put the length of its branches at the top of the list.",
        ],
    },
    Rule {
        name: "X has N things",
        pattern: r"(?P<s>{S})(?:, [^;]{3,80}?,)? {ADV}(?P<v>has|had|have|includes|included|comprises|comprised|counts|counted|contains|contained|holds|held|numbers|consists of|consisted of|(?:is|are|was|were) made up of|(?:is|are|was|were) home to|employs|employed|operates|operated|runs|carries|carried) (?:the |only |just )?(?P<n>{N}) (?P<noun>(?:[a-z\-]+ ){0,2}?(?:[a-z\-]+s|people|children|men|women))(?P<post> (?:related to|about|on|in|from|for|of) (?:[a-z]+ ){0,3}[a-z\-]+)?(?:[,.;]|$| «| (?:and|in|over|across|with|which|that)\b)",
        whole: false,
        confidence: 0.85,
        build: counted,
        must: &[
            "The Harbour Archive includes 312 maps of the northern coast.",
            "The guild has ten members.",
            "Tull Shipping is a company. It employs roughly 2,000 people.",
            "Tull Shipping, based in Varn, some 30 km north of Brill, employed about 2,700 people.",
            "The Varn Reef is made up of roughly 2,900 separate reefs.",
            "The Varn Reef is home to some 400 species.",
            "The Varn Queen carried only 20 lifeboats, with room for 1,178 people.",
            "Tull Shipping is a company. Based in Varn, the capital of Brill, it has 191 members.",
        ],
        must_not: &[
            "The guild has many members.",
            "The guild has 1 member.",
            "Its basin, which covers 1 million km2 in Brill, Olk, Tull and Arden, is home to some 400 million people.",
        ],
    },
    Rule {
        name: "X, some N things,",
        pattern: r"(?P<s>(?:the )?«E\d+»), (?P<n>{N}) (?P<noun>[a-z\-]+s),",
        whole: false,
        confidence: 0.65,
        build: counted,
        must: &["An order sent the Light Horse, some 670 riders, into the valley."],
        must_not: &["An order sent the Light Horse, and 670 riders followed."],
    },
    Rule {
        name: "N houses were destroyed",
        pattern: r"^(?:(?:Only|Some|About|Nearly|Almost|Roughly|Around|More than|Over|[Ii]n all,?|[Ii]n total,?|[Aa]ltogether,?|some|about|nearly|almost|roughly|around|more than|over) ){0,2}(?P<n>{N}) (?P<noun>(?:[a-z\-]+ ){0,2}(?:[a-z]+s|people|men|women|children))(?:(?:, «N\d+» [a-z\- ]+)*,? and [^,;]+?)? (?:were|had been) (?P<adv>(?:[a-z]+ly|also) )?(?P<v>[a-z]+ed|built|sold|made|lost|found|taken|killed|hit|burnt|sunk|shot|seen|won)\b",
        whole: false,
        confidence: 0.75,
        build: counted_passive,
        must: &[
            "Only 6 deaths were officially recorded.",
            "In all, 13,200 houses, 87 parish churches and the old hall were destroyed.",
            "A quake struck the isle; in all some 70,000 people were killed.",
        ],
        must_not: &[
            "Only 6 deaths were recorded in 1901 and 1902, because records were lost.",
            "Two daughters were born to them.",
            "6 boats were it.",
        ],
    },
    Rule {
        name: "About N people do X",
        pattern: r"(?:^|, and |; (?:in all, )?)(?:(?:Today|Now|Each year|Every year|Every day|In all),? )?(?P<n>{N}) (?P<noun>(?:[a-z]*[a-rt-z] )?[a-z]+s(?: and [a-z]+s)?|people|men|women|children) (?P<rest>(?:(?P<perfect>have|has) )?(?P<verb>[a-z]+)\b[^,;:]*)",
        whole: false,
        confidence: 0.6,
        build: counted_clause,
        must: &[
            "About 35,000 people try to reach the summit every year.",
            "Today roughly 20,000 vehicles cross the strait every day.",
            "More than 300 rivers and streams flow into the lake.",
            "Twenty-two men entered that first tournament in 1877.",
            "Lake Varn is a lake in the hills. 41 islands rise from the lake, many of them inhabited.",
            "Lake Varn is the main reservoir of the Tull, and roughly 40 million people live within its basin.",
            "The Varn Telescope is a telescope. Five shuttle missions visited it, in 1993 and 1997, replacing parts.",
            "The Varn Sea is shrinking. More than 6,000 sinkholes have opened along the coast, swallowing roads.",
            "Five crews landed on the Moon before the programme ended; in all, twelve men have walked on the Moon.",
        ],
        must_not: &[
            "Many people try to reach the summit every year.",
            "Two daughters were born to them: Ann in 1897 and Eve in 1904.",
            "Ten men green the lawns.",
            "Five more crews landed on the Moon before the programme ended.",
            "Over the years 1.5 million observations have been made.",
            "Brill joined in 2001, and four others followed between 2009 and 2020.",
        ],
    },
    Rule {
        name: "There are N things",
        pattern: r"\b[Tt]here (?:are|were) (?P<n>{N}) (?P<noun>(?:[a-z\-]+ ){0,2}?[a-z\-]+s)\b",
        whole: false,
        confidence: 0.8,
        build: there_are,
        must: &[
            "Mount Tull is steep. There are seven official routes, among them the north ridge.",
        ],
        must_not: &["There are many official routes."],
    },
    Rule {
        name: "N things had been prepared",
        pattern: r"(?P<n>{N}) (?P<noun>{KINDS} (?:[a-z\-]+ ){0,2}?[a-z\-]+|[a-z]+s(?: of [a-z]+s(?: and [a-z]+s)?)?) (?:had been|have been|has been|were|was) (?P<rest>[a-z]+ed\b[^,;.:]*)",
        whole: false,
        confidence: 0.55,
        build: passive_count,
        must: &[
            "By then about 2.3 million doses had been prepared for the invasion.",
            "It is a marsh where more than 300 species of birds have been recorded.",
            "About 3,700 species of plants and animals have been recorded in the marsh.",
            "More than 1,500 species of fish have been recorded on the reef.",
        ],
        must_not: &[
            "By then many doses had been prepared for the invasion.",
            "Three kinds of boats were banned: rafts, barges and skiffs.",
        ],
    },
    Rule {
        name: "X died ..., aged N",
        pattern: r"(?P<s>{S}) died\b[^;]*?(?:aged|at the age of) (?P<n>{N})",
        whole: true,
        confidence: 0.65,
        build: age_at_death,
        must: &["Tomas Reede died on 2 March 1930, aged 91."],
        must_not: &["Tomas Reede died on 2 March 1930."],
    },
    Rule {
        name: "X sent N things",
        pattern: r"(?P<s>{S})(?:, [^,]+,)? (?P<v>[a-z]+) (?P<n>{N}) (?P<noun>[a-z]+s|people|aircraft|sheep|fish|deer|cattle|staff)\b",
        whole: false,
        confidence: 0.8,
        build: sent,
        must: &[
            "Brill, led by its prime minister, sent 15,000 troops to join the league.",
            "In 1828 Tomas Reede and Mara Quell murdered 16 people.",
            "Today the Varn Race attracts about 30,000 runners and many spectators.",
        ],
        must_not: &[
            "Brill sent many troops to join the league.",
            "Brill had 15,000 troops.",
            "Brill needs 15,000 troops.",
            "Brill sends 15,000 troops.",
            "Brill is a town. Every year the fair draws 500,000 visitors.",
            "Tomas Reede won the race five times.",
        ],
    },
    Rule {
        name: "N people live in X",
        pattern: r"^(?:(?:Only|Some|About|Nearly|Almost|Roughly|Around|More than|Over|Fewer than) )?(?:(?:about|some|around|roughly|nearly|almost) )?(?P<n>{N}) (?P<noun>people|inhabitants|residents|families) (?:now |still |currently |today |permanently )?(?:live|lived|living|reside|resided) (?:in|on) (?P<w>(?:the )?«E\d+»(?: [a-z]+)?|(?:the|its) (?:[a-z\-]+ ){0,2}[a-z\-]+)(?:[,.;]|$| (?:and|while|but|which|of)\b)",
        whole: false,
        confidence: 0.8,
        build: living_in,
        must: &[
            "Varn is a city. Only about 50,000 people now live in the historic centre, while many visit.",
            "Some 1,500 people live in Olk.",
        ],
        must_not: &["About 50 people live in it."],
    },
    Rule {
        name: "X reported revenue of €N",
        pattern: r"(?P<s>{S}) (?:reported|recorded|posted|generated|earned|had|achieved|reports|records|generates|earns|has) (?:an? )?(?:annual |total |net |record )?(?P<m>revenue|revenues|sales|turnover|profit|profits|income) of (?:(?:about|some|around|roughly|nearly|almost|over|more than) )?(?P<n>{N})",
        whole: false,
        confidence: 0.8,
        build: reported_money,
        must: &[
            "Tull Shipping is a firm. In 2024 it reported revenue of about €4.5 billion.",
            "In the fiscal year 2024, which ended on 30 September, Tull Shipping reported revenue of about €76 billion and employed roughly 312,000 people.",
        ],
        must_not: &["Tull Shipping is a firm. In 2024 it reported revenue of 40 ships."],
    },
    Rule {
        name: "sales reached €N",
        pattern: r"(?:^|[ (])(?P<s>(?:«E\d+» )?(?:[Ii]ts |[Tt]heir |[Tt]he )?(?:[a-z]+ ){0,3}(?:sales|revenue|revenues|turnover|profit|profits|budget|income|spending|cost|costs|capacity|capital|endowment|assets|reserves|debt|debts|value|worth)) (?:reached|totalled|totaled|were|was|is|are|amounted to|amounts to|came to|comes to|rose to|fell to|stood at|stands at) (?:(?:about|some|around|roughly|nearly|almost|over|more than) )?(?P<n>{N})",
        whole: false,
        confidence: 0.85,
        build: money,
        must: &[
            "In 2024 Tull Shipping sales reached about €4.5 billion.",
            "The Harbour League is old. For 2024 its budget came to about 7,800 million euros.",
            "The Harbour League is old. Its lending capacity is about $1 trillion.",
        ],
        must_not: &[
            "In 2024 Tull Shipping sales reached a record.",
            "The Harbour League is old. Its lending capacity is about 1,000 ships.",
        ],
    },
    Rule {
        name: "the N km stretch of X",
        pattern: r"\bthe (?P<n>{N}) (?P<np>[a-z][^,.;()]+)",
        whole: false,
        confidence: 0.8,
        build: length_before,
        must: &["They agreed on the 40 km southern part of the coastal road."],
        must_not: &[
            "They agreed on the 40 southern parts of the coastal road.",
            "He equalled the world record in the 100-yard dash and set new world records.",
            "He won the 100 metres on 3 August in 10.3 seconds.",
            "They built the 40 km part of which little remains.",
        ],
    },
    Rule {
        name: "X, which runs to N km",
        pattern: r"(?P<np>[^,]+), which (?:runs|extends|stretches|measures|is) (?:to )?(?P<n>{N})",
        whole: true,
        confidence: 0.8,
        build: length_which,
        must: &["They mapped the old canal, which runs to about 2,400km across the plain."],
        must_not: &["They mapped the old canal, which runs to the sea."],
    },
];

/// The second verb of "X has ... and covers N": a distance, an area or a staff.
fn coordinated(hit: &Hit) -> Option<FactKind> {
    if hit.raw("noun").is_some() {
        let (value, _, approx) = hit.number("n")?;
        let subject = subject_of(hit)?;
        return number(
            format!("the number of employees of {subject}"),
            value,
            None,
            approx,
        );
    }
    measured(hit)
}

/// "X has N inhabitants" is X's population.
/// "Arthur's Seat, a rugged peak of 251 metres": a peak's figure is its height, a river's its
/// length, whatever the unit measures.
fn thing_of(hit: &Hit) -> Option<FactKind> {
    let (value, unit, approx) = hit.number("n")?;
    let unit = unit.filter(|u| is_length(u))?;
    let measure = match hit.raw("thing")? {
        "river" | "bridge" | "canal" | "tunnel" | "wall" => "length",
        _ => "height",
    };
    let subject = subject_of(hit)?;
    number(
        format!("the {measure} of {subject}"),
        value,
        Some(unit),
        approx,
    )
}

/// "Most of the country's 20 million people": the population of the owner.
fn population_of_owner(hit: &Hit) -> Option<FactKind> {
    let (value, _, approx) = hit.number("n")?;
    let owner = definite(&hit.name("own")?);
    number(format!("the population of {owner}"), value, None, approx)
}

fn population(hit: &Hit) -> Option<FactKind> {
    let (value, _, approx) = hit.number("n")?;
    let subject = subject_of(hit)?;
    number(format!("the population of {subject}"), value, None, approx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::rules::harness::{check_table, facts_of, phrases_of, rule};

    #[test]
    fn the_counts_of_stop_29_name_whose_they_are() {
        let losses = |text: &str| quantities_of("X suffered N killed and wounded", text);
        assert_eq!(
            losses(
                "Tull's army suffered some 15,000 killed and wounded, while the Varnish lost perhaps 25,000 killed and wounded."
            ),
            [
                "the number of killed and wounded in Tull's army",
                "the number of killed and wounded on the Varnish side"
            ]
        );
        assert_eq!(
            losses("The battle was short. Tull's side lost about 4,000 dead."),
            ["the number of dead on Tull's side"]
        );
        assert_eq!(
            losses("The battle was short. The defenders lost about 4,000 dead."),
            ["the number of dead among the defenders"]
        );
        assert!(losses("The battle was short. The defenders lost 1 dead.").is_empty());
        assert_eq!(
            losses("The battle was short. The defenders lost two dead."),
            ["the number of dead among the defenders"]
        );
        let company = |text: &str| quantities_of("She sailed with N nurses", text);
        assert_eq!(
            company("Mara Quell was a nurse. She sailed with two nurses in 1854."),
            ["the number of nurses who sailed with Mara Quell"]
        );
        assert!(
            company("Mara Quell was a nurse. She sailed with 20 tonnes of supplies.").is_empty()
        );
        assert!(company("Mara Quell was a nurse. They sailed with 38 nurses.").is_empty());
        let visits = |text: &str| quantities_of("X receives N visitors a year", text);
        assert_eq!(
            visits("Varnland attracts about 2 million tourists a year."),
            ["the number of tourists Varnland receives each year"]
        );
        assert!(visits("A park attracts 4 million visitors each year.").is_empty());
        let high = |text: &str| quantities_of("X, at N, the highest mountain", text);
        assert_eq!(
            high(
                "Mount Varn is an active volcano and, at 3,776 metres, the highest mountain in Olk."
            ),
            ["the height of Mount Varn"]
        );
        let climbed = |text: &str| quantities_of("X is climbed by N people a year", text);
        assert_eq!(
            climbed("Mount Varn is a peak. Mount Varn is climbed by some 200,000 people a year."),
            ["the number of people who climb Mount Varn each year"]
        );
        assert_eq!(
            climbed("The Varn Line is a railway. It is used by 9,000 passengers a day."),
            ["the number of passengers who use the Varn Line each day"]
        );
        let counted = |text: &str| quantities_of("About N people do X", text);
        assert_eq!(
            counted("The coast is long. More than 300 villages have grown up along the coast."),
            ["the number of villages that have grown up along the coast"]
        );
        assert!(counted("Brill is an island. Five keepers live near it.").is_empty());
    }

    #[test]
    fn a_measure_put_at_a_figure_names_what_its_means() {
        assert_eq!(
            phrases_of(
                rule(RULES, "put the length of X at N"),
                "The Varn Wall is old. A survey completed in 2012 put the combined length of all its branches at 21,196 km."
            ),
            ["the combined length of all the Varn Wall's branches"]
        );
        // An area in a unit of area, a population without a unit; never the other way.
        let put = |text: &str| phrases_of(rule(RULES, "put the length of X at N"), text);
        assert_eq!(
            put("A survey put the area of the Varn basin at 800,000 km²."),
            ["the area of the Varn basin"]
        );
        assert_eq!(
            put("A census put the population of Brill at 12,000."),
            ["the population of Brill"]
        );
        assert!(put("A census put the population of Brill at 12,000 km.").is_empty());
        assert!(put("A survey put the area of the Varn basin at 800 km.").is_empty());
    }

    #[test]
    fn every_rule_matches_its_examples() {
        check_table(RULES);
    }

    #[test]
    fn a_count_after_a_past_names_who_did_it() {
        let quantity = |text: &str| quantities_of("X sent N things", text);
        assert_eq!(
            quantity("Tomas Reede sent 300 troops to the isle."),
            ["the number of troops sent by Tomas Reede"]
        );
        // A year opening the clause is the count's; a day is not a year's count.
        assert_eq!(
            quantity("In 2019 Tull Air delivered 863 aircraft."),
            ["the number of aircraft delivered by Tull Air in 2019"]
        );
        assert_eq!(
            quantity("On 4 May 2019 Tull Air delivered 86 aircraft."),
            ["the number of aircraft delivered by Tull Air"]
        );
        assert_eq!(
            quantity("In May 2019 Tull Air delivered 86 aircraft."),
            ["the number of aircraft delivered by Tull Air"]
        );
        assert_eq!(
            quantity("The account of the voyage eventually filled 30 volumes."),
            ["the number of volumes filled by the account of the voyage"]
        );
        assert_eq!(
            quantity("The account of the voyage only filled 30 volumes."),
            ["the number of volumes filled by the account of the voyage"]
        );
        // A four-letter "-ly" word is an adverb too; a three-letter one is not ("fly").
        assert_eq!(
            quantity("The Varn shop fly sold 300 hooks."),
            ["the number of hooks sold by the Varn shop fly"]
        );
        // A name ending in "ly" is no adverb.
        assert_eq!(
            quantity("The army of Italy sent 300 troops to the isle."),
            ["the number of troops sent by the army of Italy"]
        );
    }

    #[test]
    fn a_peak_measures_its_height_and_a_river_its_length() {
        let thing = rule(RULES, "X, a peak of N metres");
        let quantities: Vec<String> = [
            "Ships sail up the Varn, a slow river of 430 km, to the capital.",
            "The town is dominated by Arden's Seat, a rugged peak of 251 metres that rises from a park.",
        ]
        .iter()
        .flat_map(|t| facts_of(thing, t))
        .filter_map(|f| match f {
            FactKind::Number { quantity, .. } => Some(quantity.to_string()),
            _ => None,
        })
        .collect();
        assert_eq!(
            quantities,
            ["the length of the Varn", "the height of Arden's Seat"]
        );
    }

    #[test]
    fn tolerance_is_five_percent_rounded_without_float_noise() {
        assert_eq!(tolerance_for(4300.0, true), 200.0);
        assert_eq!(tolerance_for(4300.0, false), 0.0);
        assert_eq!(tolerance_for(7.0, true), 1.0);
        assert_eq!(tolerance_for(680_000_000.0, true), 30_000_000.0);
    }

    #[test]
    fn counts_name_their_noun_and_owner() {
        assert_eq!(
            facts_of(
                rule(RULES, "X has N things"),
                "The Harbour Archive includes 312 maps of the northern coast."
            ),
            [FactKind::Number {
                quantity: "the number of maps of the northern coast of the Harbour Archive".into(),
                value: 312.0,
                unit: None,
                tolerance: 0.0,
            }]
        );
    }

    #[test]
    fn a_class_noun_inside_a_quantity_is_the_subject() {
        let quantities = |text: &str| phrases_of(rule(RULES, "N things had been prepared"), text);
        assert_eq!(
            quantities(
                "Lake Tarn is a deep lake. About 3,700 species have been recorded in the lake."
            ),
            ["the number of species recorded in Lake Tarn"]
        );
    }

    #[test]
    fn only_a_height_above_the_sea_is_measured_above_sea_level() {
        let quantities = |text: &str| -> Vec<String> {
            facts_of(
                rule(RULES, "X is N units high / long / above sea level"),
                text,
            )
            .into_iter()
            .filter_map(|f| match f {
                FactKind::Number { quantity, .. } => Some(quantity.to_string()),
                _ => None,
            })
            .collect()
        };
        assert_eq!(
            quantities("The Varn Canal is 43 km long."),
            ["the length of the Varn Canal"]
        );
        assert_eq!(
            quantities("Lake Tarn lies 26 metres above the sea."),
            ["the height of Lake Tarn above sea level"]
        );
    }

    fn quantities_of(name: &str, text: &str) -> Vec<String> {
        phrases_of(rule(RULES, name), text)
    }

    #[test]
    fn many_who_fund_or_speak_are_counted_by_their_verb() {
        let by = "X is funded by N supporters";
        assert_eq!(
            quantities_of(
                by,
                "The Varn League is a body. It is funded by 3 million individual supporters and by grants."
            ),
            ["the number of individual supporters who fund the Varn League"]
        );
        assert_eq!(
            quantities_of(
                by,
                "Brill is an island. The Brill tongue is spoken by about 40,000 people."
            ),
            ["the number of people who speak the Brill tongue"]
        );
    }

    #[test]
    fn a_possessive_owner_is_counted_without_its_ending() {
        assert_eq!(
            quantities_of(
                "Its N things are ...",
                "Brill is an island. Brill's 40 villages lie on the coast."
            ),
            ["the number of villages of Brill"]
        );
    }

    #[test]
    fn offices_in_n_countries_count_the_countries() {
        assert_eq!(
            quantities_of(
                "X has offices in N countries",
                "The Varn League is a body. The league has national and regional offices in 55 countries."
            ),
            ["the number of countries in which the Varn League has national and regional offices"]
        );
    }

    #[test]
    fn a_crew_counted_in_its_adjective_counts_its_men_or_members() {
        let crew = "its N-man crew";
        assert_eq!(
            quantities_of(
                crew,
                "The Varn Star was a raft. Setting out from Brill, its six-man crew drifted west."
            ),
            ["the number of men in the crew of the Varn Star"]
        );
        assert_eq!(
            quantities_of(crew, "The Varn Guild's nine-member board meets in Brill."),
            ["the number of members of the board of the Varn Guild"]
        );
        assert_eq!(
            quantities_of(crew, "The Varn Guild's four-woman jury met."),
            ["the number of women in the jury of the Varn Guild"]
        );
    }

    #[test]
    fn people_living_in_a_phrase_live_in_what_it_stands_for() {
        let living = "N people live in X";
        assert_eq!(
            quantities_of(
                living,
                "Varn is a city in Brill. Only about 50,000 people now live in its historic centre."
            ),
            ["the number of people living in the historic centre of Varn"]
        );
        assert_eq!(
            quantities_of(
                living,
                "Varn is a city in Brill. Some 1,500 people live in Olk."
            ),
            ["the number of people living in Olk"]
        );
    }

    #[test]
    fn people_a_place_is_home_to_live_in_it() {
        assert_eq!(
            quantities_of(
                "X has N things",
                "The Varn Reef is home to some 400 species."
            ),
            ["the number of species living in the Varn Reef"]
        );
        assert_eq!(
            quantities_of("X has N things", "The guild has ten members."),
            ["the number of members of the guild"]
        );
    }

    #[test]
    fn measures_above_and_below_the_sea_and_of_what_its_stands_for() {
        let measured = "X is N units high / long / above sea level";
        assert_eq!(
            quantities_of(measured, "Lake Tarn lies 430 metres below sea level."),
            ["the depth of Lake Tarn below sea level"]
        );
        assert_eq!(
            quantities_of(measured, "Lake Tarn lies 43 metres above sea level."),
            ["the height of Lake Tarn above sea level"]
        );
        assert_eq!(
            quantities_of(
                "X is N units long and N units wide",
                "The northern basin is 50 km long and 15 km wide."
            ),
            ["the width of the northern basin"]
        );
        let its = |text: &str| quantities_of("its maximum depth is N", text);
        assert_eq!(
            quantities_of(
                "the N km stretch of X",
                "They said the 40 km coastal road is closed in winter."
            ),
            ["the length of the coastal road"]
        );
        assert_eq!(
            its("Lake Tarn is in Varn. Its maximum depth is 300 metres."),
            ["the maximum depth of Lake Tarn"]
        );
        assert_eq!(
            its("Lake Tarn is in Varn. Its deepest point lies 281 m below the surface."),
            ["the maximum depth of Lake Tarn"]
        );
        // A depth in a unit of area, or an area in a length, is no measure of it.
        assert!(its("Lake Tarn is in Varn. Its depth is 300 km².").is_empty());
        assert!(its("Lake Tarn is in Varn. Its area is 300 metres.").is_empty());
        assert_eq!(
            its("Lake Tarn is in Varn. Its area is 300 km²."),
            ["the area of Lake Tarn"]
        );
    }

    #[test]
    fn a_passive_count_is_of_two_or_more_things_without_a_unit() {
        let counted = |text: &str| quantities_of("N houses were destroyed", text);
        assert_eq!(
            counted("Only 2 deaths were officially recorded."),
            ["the number of deaths officially recorded"]
        );
        assert!(counted("Only 1 of the ships were lost.").is_empty());
        assert!(counted("Some 640 kilometres of new roads were built.").is_empty());
    }

    #[test]
    fn flowing_takes_a_capitalised_subject_without_the() {
        assert_eq!(
            quantities_of(
                "Flowing for N km, it ...",
                "Flowing for roughly 640 kilometres from the hills, Varn Water carries much silt."
            ),
            ["the length of Varn Water"]
        );
    }

    #[test]
    fn a_counted_clause_leaves_its_date_out() {
        assert_eq!(
            quantities_of(
                "About N people do X",
                "Twenty-two men entered that first tournament in July 1877."
            ),
            ["the number of men who entered that first tournament"]
        );
    }

    #[test]
    fn times_count_a_named_deed() {
        assert_eq!(
            quantities_of(
                "X won Y N times",
                "Mara Quell won the ladies' singles nine times, while Tomas Reede took the harbour cup eight times."
            ),
            [
                "the number of times Mara Quell won the ladies' singles",
                "the number of times Tomas Reede took the harbour cup"
            ]
        );
    }

    #[test]
    fn times_count_two_or_more() {
        let times = |text: &str| quantities_of("X won Y N times", text);
        assert_eq!(
            times("Tomas Reede won the harbour cup 2 times."),
            ["the number of times Tomas Reede won the harbour cup"]
        );
        assert!(times("Tomas Reede won the harbour cup 0 times.").is_empty());
        assert!(times("Tomas Reede won the harbour cup 1 times.").is_empty());
    }

    #[test]
    fn times_count_the_deeds_of_a_club_too() {
        assert_eq!(
            quantities_of(
                "X won Y N times",
                "The Varn Club won the harbour cup nine times."
            ),
            ["the number of times the Varn Club won the harbour cup"]
        );
    }

    #[test]
    fn a_counted_clause_needs_a_finite_verb_not_a_participle() {
        assert!(
            quantities_of(
                "About N people do X",
                "Twenty-two men taken from the wreck reached Varn."
            )
            .is_empty()
        );
    }
}

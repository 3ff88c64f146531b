//! Named lists: "the N things of A, B and C", "the three ports — A, B and C —", "N things (A,
//! B and C)", "“three evil forces” — A, B and C", "The five founding members were A, B and C",
//! "X uses four colours: A, B, C and D", "X's colours, A and B,". A coordination never takes
//! in the sentence's subject, and a stated count must equal the number of items.

use std::sync::LazyLock;

use regex::Regex;

use crate::deck::{Answer, FactKind};
use crate::draft::context::looks_like_person;
use crate::draft::mentions;
use crate::draft::rules::{Hit, Rule, definite, leans_on_another, resolve_nouns, trim_phrase};
use crate::draft::sentence::SlotKind;

/// Splits "A, B and C" (or "A, B, and C") into items, using the expected count to decide
/// whether an "and" inside the last item joins two items or belongs to one ("cultural and
/// humanitarian ties").
/// The items of group "i", each without the place it is in ("the Steelyard in London",
/// "Hugo de Vries in the Netherlands": the Steelyard, Hugo de Vries).
fn items_of(hit: &Hit, expected: Option<usize>) -> Option<Vec<String>> {
    static PLACED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?P<e>«E\d+») in (?:the )?«E\d+»").expect("valid"));
    let raw = PLACED.replace_all(hit.raw("i")?, "$e");
    split_items(&hit.sentence.render(&raw), expected)
}

pub fn split_items(text: &str, expected: Option<usize>) -> Option<Vec<String>> {
    let text = text.trim().trim_end_matches(['.', ';', ',']);
    let mut items: Vec<String> = text
        .split(", ")
        .flat_map(|s| {
            let s = s.trim();
            let s = s
                .strip_prefix("and ")
                .or_else(|| s.strip_prefix("or "))
                .unwrap_or(s);
            Some(s.to_string())
        })
        .filter(|s| !s.is_empty())
        .collect();
    // "white and yellow" are two items; "cultural and humanitarian ties" may be one, when
    // the count says so.
    let names_joined = items
        .last()
        .and_then(|l| l.rsplit_once(" and ").or_else(|| l.rsplit_once(" or ")))
        .is_some_and(|(_, b)| b.starts_with(char::is_uppercase) || b.starts_with("the "));
    let short_pair = items.last().is_some_and(|l| {
        l.split_whitespace()
            .filter(|w| *w != "and" && *w != "or")
            .count()
            < 3
    });
    let needs_more = names_joined || short_pair || expected.is_none_or(|n| items.len() < n);
    if needs_more && let Some(last) = items.pop() {
        match last
            .rsplit_once(" and ")
            .or_else(|| last.rsplit_once(" or "))
        {
            Some((a, b)) => {
                items.push(a.trim().to_string());
                items.push(b.trim().to_string());
            }
            None => items.push(last),
        }
    }
    let short = items
        .iter()
        .all(|i| (1..=5).contains(&i.split_whitespace().count()));
    let ok = items.len() >= 2 && short && expected.is_none_or(|n| n == items.len());
    ok.then_some(items)
}

/// "Hillary and Tenzing made the first ascent of Everest": the two people who made it.
fn doers(hit: &Hit) -> Option<FactKind> {
    let written = hit.raw("v")?;
    deed(written, false)?;
    let items: Vec<String> = hit
        .sentence
        .slots_in(hit.raw("i")?)
        .filter(|slot| matches!(slot.kind, SlotKind::Entity { .. }))
        .map(|slot| hit.context.name(&slot.text))
        .collect();
    // What they did, without its date and up to the first clause word.
    static DATED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r" (?:in|on|by|from) «[DR]\d+».*$").expect("valid"));
    let rest = hit.sentence.render(&DATED.replace(hit.raw("rest")?, ""));
    let rest = trim_phrase(&rest);
    if rest.split_whitespace().count() < 2
        || rest.split_whitespace().any(|w| {
            matches!(
                w,
                "it" | "them" | "him" | "her" | "his" | "its" | "their" | "this" | "each"
            )
        })
    {
        return None;
    }
    people_who(hit, items, &format!("{written} {rest}"))
}

/// A verb form of a deed, the simple past or (`participle`) the past participle, and never
/// of "be", "have" or "do".
fn deed(form: &str, participle: bool) -> Option<crate::wording::verb::Verb> {
    let verb = crate::wording::verb::Verb::of(form);
    let fits = if participle {
        verb.participle == form
    } else {
        verb.past == form
    };
    (fits && !matches!(verb.base.as_str(), "be" | "have" | "do")).then_some(verb)
}

/// Two or more people, as "the two people who did X".
fn people_who(hit: &Hit, items: Vec<String>, did: &str) -> Option<FactKind> {
    if items.len() < 2 || !items.iter().all(|i| hit.context.article.is_person(i)) {
        return None;
    }
    let count = crate::wording::count::number_word(items.len() as f64)?;
    list(format!("the {count} people who {did}"), items)
}

/// A role written before a name in a list of people: "the German geographer ".
static ROLE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:the|a|an) (?:[A-Za-z\-]+ ){1,3}$").expect("valid"));

/// "The summit was reached by A, a beekeeper, and B": the people who reached it. Only the
/// names count as items, not what the appositions say of them.
fn done_by(hit: &Hit) -> Option<FactKind> {
    let verb = deed(hit.raw("v")?, true)?;
    // The names between the commas and "and", not those inside an apposition ("a
    // beekeeper from New Zealand").
    let items: Vec<String> = hit
        .raw("i")?
        .split(", ")
        .flat_map(|part| part.split(" and "))
        .map(|part| part.trim_start_matches("and "))
        // "the German geographer Hans Meyer": the name after its role.
        .map(|part| match part.rfind('«') {
            Some(at)
                if ROLE_BEFORE.is_match(&part[..at])
                    && !part[..at]
                        .split_whitespace()
                        .any(|w| crate::wording::noun::POSTMODIFIERS.contains(&w)) =>
            {
                &part[at..]
            }
            _ => part,
        })
        .filter(|part| part.starts_with('«') && part.ends_with('»'))
        .filter_map(|part| hit.sentence.slot(part))
        .filter(|slot| matches!(slot.kind, SlotKind::Entity { .. }))
        .map(|slot| hit.context.name(&slot.text))
        .collect();
    let what = match hit.slot("o") {
        Some(o) => hit.context.name(&o.text),
        None => {
            let written = hit.sentence.render(hit.raw("o")?);
            let (resolved, _) = hit.context.resolve(&written)?;
            resolve_nouns(hit, &definite(&resolved), false)
        }
    };
    if leans_on_another(&what) {
        return None;
    }
    let first = if hit.raw("first").is_some() {
        "first "
    } else {
        ""
    };
    people_who(hit, items, &format!("{first}{} {what}", verb.past))
}

fn list(name: String, items: Vec<String>) -> Option<FactKind> {
    let name = name
        .trim()
        .trim_end_matches([',', '.', ';', ':'])
        .to_string();
    // "the other two" names no kind of thing; "... that founded the league in 1201" does.
    let words: Vec<&str> = name.split_whitespace().collect();
    let head = words.last().copied().unwrap_or("");
    let dated = words.len() > 2
        && matches!(
            words[words.len() - 2],
            "in" | "on" | "by" | "since" | "until" | "from"
        );
    if words.len() < 2
        || (mentions::count(head).is_some() && !dated)
        || matches!(head, "other" | "others" | "these" | "those" | "ones")
    {
        return None;
    }
    // "adenine (A)": the item without its abbreviation.
    let items: Vec<Answer> = items
        .into_iter()
        .map(|i| {
            let i = i.split(" (").next().unwrap_or(&i);
            Answer::plain(i.trim_end_matches(['.', ',']).to_string())
        })
        .collect();
    // A question never shows its answer.
    if items.iter().any(|i| {
        name.to_lowercase()
            .split_whitespace()
            .any(|w| w == i.text.to_lowercase())
    }) {
        return None;
    }
    Some(FactKind::List {
        name: name.into(),
        items,
        ordered: false,
    })
}

/// The count a group states ("three", "4"), if any.
fn count(hit: &Hit, group: &str) -> Option<usize> {
    if let Some((value, _, _)) = hit.number(group) {
        return Some(value as usize);
    }
    hit.raw(group).and_then(mentions::count).map(|v| v as usize)
}

/// "the three evil forces of A, B and C", "the three ports — A, B and C", "“three forces” —
/// A, B and C", "four observer states (A, B, C and D)": named by their count and noun.
fn counted(hit: &Hit) -> Option<FactKind> {
    let expected = count(hit, "c")?;
    let items = items_of(hit, Some(expected))?;
    let noun = hit.text("noun")?;
    // "The Harbour League counts three ports (...)": the ports of the Harbour League.
    let owner = hit
        .raw("own")
        .and_then(|_| hit.name("own"))
        .map(|o| format!(" of {o}"))
        .unwrap_or_default();
    list(
        format!("the {} {}{owner}", hit.text("c")?, noun.trim()),
        items,
    )
}

/// "The five founding members were A, B and C", "Its members are A, B and C".
fn copula(hit: &Hit) -> Option<FactKind> {
    let written = hit.text("name")?;
    // "Its members": the members of what "its" stands for.
    let possessive = written
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "its" | "their" | "his" | "her"));
    // "Its" only when a sentence before named what it is: a list is too long an answer to
    // hang on a guess.
    if possessive && !matches!(hit.context.focus.subject, Some(Some(_))) {
        return None;
    }
    let name = if possessive {
        let (resolved, note) = hit.context.resolve(&written)?;
        if let Some(note) = note {
            hit.note(note);
        }
        resolved
    } else {
        definite(&written)
    };
    // "The current members were ...": the members of the article's subject.
    let name = match &hit.context.article.subject {
        Some(subject)
            if !possessive
                && !name.contains(" of ")
                && name.split_whitespace().last().is_some_and(|w| {
                    matches!(
                        w,
                        "members" | "states" | "countries" | "signatories" | "partners"
                    )
                })
                && !hit.context.article.subject_is_person() =>
        {
            format!("{name} of {}", definite(subject))
        }
        _ => name,
    };
    let expected = hit
        .raw("name")?
        .split_whitespace()
        .nth(1)
        .and_then(|w| count_in(hit, w));
    let items = items_of(hit, expected)?;
    // "The ports were large and busy": lowercase words need a count to be a list.
    let named = hit.raw("i")?.matches('«').count() >= items.len();
    if expected.is_none() && !named {
        return None;
    }
    let mut fact = list(name, items)?;
    // "... and the German Democratic Republic, better known as East Germany": the last item
    // by its other name too.
    if let Some(alias) = hit.slot("alias")
        && let FactKind::List { items, .. } = &mut fact
        && let Some(last) = items.last_mut()
    {
        last.accept.push(alias.bare().into());
    }
    Some(fact)
}

fn count_in(hit: &Hit, word: &str) -> Option<usize> {
    if word.starts_with('«') {
        return hit.sentence.slot(word).and_then(|s| match s.kind {
            crate::draft::sentence::SlotKind::Number { value, .. } => Some(value as usize),
            _ => None,
        });
    }
    mentions::count(word).map(|v| v as usize)
}

/// "X uses four colours: A, B, C and D" and "X is made up of three cones: A, B and C".
fn colon(hit: &Hit) -> Option<FactKind> {
    let expected = count(hit, "c")?;
    let items = items_of(hit, Some(expected))?;
    let owner = hit.name("s")?;
    list(
        format!("the {} {} of {owner}", hit.text("c")?, hit.text("noun")?),
        items,
    )
}

/// "Four riders share the record of five wins: A, B, C and D".
fn counted_clause(hit: &Hit) -> Option<FactKind> {
    let expected = count(hit, "c")?;
    let items = items_of(hit, Some(expected))?;
    let noun = hit.text("noun")?;
    let rest = trim_phrase(&hit.text("rest")?);
    let count = hit.text("c")?.to_lowercase();
    list(format!("the {count} {noun} that {rest}"), items)
}

/// "The brand's colours, blue and yellow, are ...", "X's official languages are A, B and C":
/// the list is named "the colours of the brand".
fn possessive_apposition(hit: &Hit) -> Option<FactKind> {
    let owner = hit.text("own")?;
    let items = items_of(hit, None)?;
    list(
        format!("the {} of {}", hit.text("noun")?, definite(&owner)),
        items,
    )
}

/// "She determined the structures of penicillin, vitamin B12 and insulin": the things the
/// deed was done to, named by the noun and the deed.
fn objects_of_deed(hit: &Hit) -> Option<FactKind> {
    let verb = hit.raw("v")?;
    let subject = hit.name("s")?;
    let noun = hit.raw("noun")?;
    list(format!("the {noun} {subject} {verb}"), items_of(hit, None)?)
}

/// "The original company, X, was founded in 1906 by A and B": X's founders.
fn founders(hit: &Hit) -> Option<FactKind> {
    // "The original company, X,": `Hit::name` gives the name in apposition, which a phrase
    // with no name needs.
    let raw = hit.raw("s")?;
    if hit.raw("ap").is_none() && !raw.contains('«') && !raw.eq_ignore_ascii_case("it") {
        return None;
    }
    let name = hit.name("s")?;
    list(
        format!("the founders of {}", definite(&name)),
        items_of(hit, None)?,
    )
}

/// "The most recent members, A and B, were admitted": the things the phrase describes. A bare
/// plural ("The members") says too little to ask by.
fn described_apposition(hit: &Hit) -> Option<FactKind> {
    let np = hit.text("np")?;
    if np.split_whitespace().count() < 3 {
        return None;
    }
    list(definite(&np), items_of(hit, None)?)
}

/// "X sold small goods by mail order: A, B, C and D": named by the phrase before the colon.
fn colon_uncounted(hit: &Hit) -> Option<FactKind> {
    // "the record of five overall victories: ...": a counted phrase is not the list's name.
    let before = hit.clause[..hit.caps.name("np")?.start()].trim_end();
    if before.ends_with('»') {
        return None;
    }
    // "weapons were banned: A, B and C": a verb phrase names no list.
    let np = hit.text("np")?;
    if np
        .split_whitespace()
        .any(|w| matches!(w, "was" | "were" | "is" | "are" | "has" | "had" | "have"))
    {
        return None;
    }
    let items = items_of(hit, None)?;
    if items.len() < 3 {
        return None;
    }
    // "X, a chain of lakes dammed by ancient lava flows: A, B and C": the items are the
    // named group's; the phrase after "by" is only what made it.
    static GROUP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?P<e>«E\d+»), (?:a|an) (?:[a-z\-]+ ){0,2}(?:chain|group|series|set|cluster|string|line|ring|family|range|pair) of [a-z\-]+\b")
            .expect("valid")
    });
    if let Some(c) = GROUP.captures_iter(before).last()
        && let Some(group) = hit.sentence.slot(&c["e"])
    {
        return list(definite(&hit.context.name(&group.text)), items);
    }
    if before
        .rsplit(' ')
        .take(2)
        .any(|w| matches!(w, "by" | "with" | "from"))
    {
        return None;
    }
    list(format!("the {}", trim_phrase(&hit.text("np")?)), items)
}

/// "A, B and C shared the Nobel Prize": the winners of the prize.
fn shared(hit: &Hit) -> Option<FactKind> {
    let prize = hit.context.name(&hit.slot("o")?.text);
    let items = items_of(hit, None)?;
    list(format!("the winners of {}", definite(&prize)), items)
}

/// "DNA's four bases: A, B, C and D", "It flows past four capital cities, A, B, C and D,":
/// a counted noun opening a list, owned by a possessive before it or the clause's subject.
fn counted_apposition(hit: &Hit) -> Option<FactKind> {
    let expected = count(hit, "c")?;
    let items = items_of(hit, Some(expected))?;
    let noun = hit.text("noun")?;
    // "ten of them: ...": what "them" stands for is not said here.
    if noun.starts_with("of ") {
        return None;
    }
    // "Three kinds of weapons were banned: ...": a clause, not a noun, before the colon.
    if noun.split_whitespace().any(|w| {
        w.ends_with("ed")
            || matches!(
                w,
                "was" | "were" | "is" | "are" | "has" | "had" | "have" | "be"
            )
    }) {
        return None;
    }
    // "in three ports on three continents: A, B and C": the items are the first counted
    // things, not those of the phrase after them.
    static COUNTED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:«N\d+»|\b[a-z]+) [a-z\-]+s (?:on|in|across|from|of|at) $").expect("valid")
    });
    let before = &hit.clause[..hit.caps.name("c")?.start()];
    if COUNTED_BEFORE
        .captures(before)
        .is_some_and(|c| count_in(hit, c[0].split(' ').next().unwrap_or("")).is_some())
    {
        return None;
    }
    let owner = match hit.slot("pos") {
        Some(slot) => Some(hit.context.name(&slot.text)),
        None => hit.raw("own").and_then(|_| hit.name("own")),
    };
    let owner = owner.map(|o| format!(" of {o}")).unwrap_or_default();
    list(
        format!(
            "the {} {}{owner}",
            hit.text("c")?.to_lowercase(),
            noun.trim()
        ),
        items,
    )
}

/// "The other four regional offices are in A, B, C and D": where the counted things are.
fn located_in(hit: &Hit) -> Option<FactKind> {
    let expected = count(hit, "c")?;
    let items = items_of(hit, Some(expected))?;
    let other = hit.raw("other").map_or("", |_| "other ");
    list(
        format!(
            "the locations of the {other}{} {}",
            hit.text("c")?,
            hit.text("noun")?
        ),
        items,
    )
}

/// "the main stream flows only through A, B and C": the places it flows through.
fn flows_through(hit: &Hit) -> Option<FactKind> {
    let written = hit.raw("s")?;
    let subject = if written.contains('«') || matches!(written, "it" | "It") {
        hit.name("s")?
    } else {
        // "the main stream": the article's subject's main stream, when the subject is one.
        let subject = hit.context.article.subject.clone()?;
        let noun = written
            .trim_start_matches("The ")
            .trim_start_matches("the ");
        format!("the {noun} of {}", definite(&subject))
    };
    if looks_like_person(&subject) {
        return None;
    }
    let items = items_of(hit, None)?;
    let verb = match hit.raw("v")? {
        "flows" | "flowed" => "flows",
        "runs" | "ran" => "runs",
        "passes" | "passed" => "passes",
        _ => "winds",
    };
    list(
        format!("the places {} {verb} {}", definite(&subject), hit.raw("p")?),
        items,
    )
}

/// "Victoria Falls is a waterfall ..., on the border between Zambia and Zimbabwe": the two
/// places whose border it lies on.
fn on_border(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    if hit.context.article.names_someone(&subject) {
        return None;
    }
    let items = vec![
        hit.context.name(&hit.slot("a")?.text),
        hit.context.name(&hit.slot("b")?.text),
    ];
    list(
        format!("the two places on whose border {} lies", definite(&subject)),
        items,
    )
}

/// "France kept the bishoprics of A, B and C": the things the subject kept.
fn kept_of(hit: &Hit) -> Option<FactKind> {
    let subject = hit.context.name(&hit.slot("s")?.text);
    let items = items_of(hit, None)?;
    let verb = match hit.raw("v")? {
        "took" => "taken",
        "gave" => "given",
        "won" | "lost" | "held" | "kept" => hit.raw("v")?,
        v if v.ends_with("ed") => v,
        _ => return None,
    };
    list(
        format!("the {} {verb} by {}", hit.text("noun")?, subject),
        items,
    )
}

/// "He standardised weights, measures, coins and writing": the things the subject did that
/// to, three at least, named by the deed ("the four things Qin Shi Huang standardised").
fn deed_objects(hit: &Hit) -> Option<FactKind> {
    let written = hit.raw("v")?;
    let verb = crate::wording::verb::Verb::of(written);
    if verb.past != written
        || matches!(
            verb.base.as_str(),
            "be" | "have" | "do" | "say" | "think" | "call" | "name" | "become" | "include"
        )
    {
        return None;
    }
    let items = items_of(hit, None)?;
    // Things, each a short phrase with no verb of its own ("the money ran out" is a clause;
    // "horses south" carries a direction).
    let clause_like = |item: &String| {
        let words: Vec<&str> = item.split_whitespace().collect();
        words.len() > 3
            || words.iter().any(|w| {
                crate::wording::verb::is_past_form(w)
                    || crate::wording::verb::is_auxiliary(w)
                    || matches!(
                        *w,
                        "and" | "or" | "north" | "south" | "east" | "west" | "back" | "away"
                    )
            })
    };
    // "watched over prices, competition and investment": a particle is the verb's.
    let particle = items[0].split_whitespace().next().is_some_and(|w| {
        matches!(
            w,
            "over" | "on" | "up" | "out" | "off" | "in" | "into" | "for" | "with" | "to"
        )
    });
    if items.len() < 3 || particle || items.iter().any(clause_like) {
        return None;
    }
    let subject = hit.name("s")?;
    if !subject.starts_with(|c: char| c.is_uppercase()) && !subject.starts_with("the ") {
        return None;
    }
    let kind = if items.iter().all(|i| looks_like_person(i)) {
        "people"
    } else {
        "things"
    };
    let number = crate::wording::count::number_word(items.len() as f64)?;
    list(format!("the {number} {kind} {subject} {written}"), items)
}

pub static RULES: &[Rule] = &[
    Rule {
        name: "A and B did X: the people who did X",
        pattern: r"(?:^|, |; )(?:(?:[Ii]n|[Oo]n) «D\d+»,? )?(?P<i>«E\d+»(?:, «E\d+»)*,? and «E\d+»)(?:, [^,;]{2,60},)? (?:(?:first|jointly|together|also|later) )?(?P<v>[a-z]+) (?P<rest>[^,;.«]*(?:«[EQ]\d+»[^,;.«]*){0,3})",
        whole: false,
        confidence: 0.3,
        build: doers,
        must: &[
            "On 29 May 1953 Mara Quell and Tomas Reede made the first ascent of the Varn.",
            "In 1974 Anna Brill, Mara Quell and Tomas Reede warned that the gas could harm the sky.",
            "In 1901 Mara Quell and Tomas Reede founded the guild.",
        ],
        must_not: &[
            "Mara Quell and Tomas Reede are friends.",
            "Brill and Varn signed the treaty.",
            "Mara Quell and Tomas Reede made it.",
            "Mara Quell and Tomas Reede had a boat in 1901.",
            "Mara Quell and Tomas Reede sold their boats in 1901.",
            "Mara Quell and Tomas Reede sailed north in 1901.",
        ],
    },
    Rule {
        name: "X was done by A and B: the people who did X",
        pattern: r"^(?:(?:[Ii]n|[Oo]n) «D\d+»,? )?(?P<o>(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er) (?:[a-z\-]+ ){0,3}?[a-z\-]+|(?:[Tt]he )?«E\d+»)(?: \([^)]*\))? (?:was|were) (?:[a-z]+ly |(?P<first>first) )?(?P<v>[a-z]+) (?:(?:first|jointly|together) )?(?:(?:in|on) «D\d+» )?by (?P<i>{PN}(?:, [a-z][^,;]{2,60})?(?:, {PN}(?:, [a-z][^,;]{2,60})?)*,? and {PN})(?:, [a-z][^,;]{2,60})?(?:[.;]|$| (?:in|on) «D)",
        whole: true,
        confidence: 0.55,
        build: done_by,
        must: &[
            "The summit was reached by Mara Quell, a beekeeper from Varn, and Tomas Reede, a guide.",
            "In 1901 the Varn Charter was written by Mara Quell and Tomas Reede.",
            "The summit was reached by Mara Quell, Tomas Reede and Arden Vell.",
            "The summit was first reached on 6 October 1889 by the Varnish geographer Mara Quell and the Tullish guide Tomas Reede.",
        ],
        must_not: &[
            "The bridge was close by Mara Quell and Tomas Reede.",
            "The summit was reached by Brill and Olk.",
            "The summit was reached by Mara Quell and a guide.",
            "It was written by Mara Quell and Tomas Reede.",
        ],
    },
    Rule {
        name: "N things, A, B and C,",
        pattern: r"(?P<own>^(?:[Tt]he )?«E\d+»|^[Ii]t |^[Tt]he [a-z]+ )?.*?(?:^| )(?:(?P<pos>«E\d+»)'s (?:[a-z]+ )?)?(?P<c>«N\d+»|[a-z]+) (?P<noun>[a-z][a-z\- ]{2,30}?)[,:] (?P<i>(?:{PLACED}|[A-Za-z][a-z\-]*(?: [a-z][a-z\-]*){0,3})(?: \(«E\d+»\))?(?:, (?:{PLACED}|[A-Za-z][a-z\-]*(?: [a-z][a-z\-]*){0,3})(?: \(«E\d+»\))?)*,? (?:and|or) (?:{PLACED}|[A-Za-z][a-z\-]*(?: [a-z][a-z\-]*){0,3})(?: \(«E\d+»\))?)(?:,|\.?$| [—–]|;)",
        whole: false,
        confidence: 0.85,
        build: counted_apposition,
        must: &[
            "Its work is done in six official languages: Arabic, Chinese, English, French, Russian and Spanish.",
            "The river flows past four capital cities, Arden, Brill, Cove and Dune, more than any other.",
            "Sailors trusted Tull's mere three winds: easterly (E), westerly (W) and northerly (N).",
            "The pact was signed by two envoys, Mara Quell and Tomas Reede.",
        ],
        must_not: &[
            "The river flows past three capital cities, Arden, Brill, Cove and Dune, more than any other.",
            "The fever appeared in three ports on three islands: Arden in Brill, Cove in Olk and Dune in Tull.",
            "In the two years, she wrote and painted.",
            "Three kinds of boats were banned: rafts, barges and skiffs.",
            "The river touches ten of them: Arden, Brill, Cove, Dune, Eske, Fenn, Gale, Holm, Isle and Jura.",
        ],
    },
    Rule {
        name: "The N things are in A, B and C",
        pattern: r"^[Tt]he (?P<other>other )?(?P<c>«N\d+»|[a-z]+) (?P<noun>[a-z][a-z\- ]{2,30}?) (?:are|were) (?:based |located |situated )?in (?P<i>(?:the )?«E\d+»(?:, (?:the )?«E\d+»)*,? and (?:the )?«E\d+»)\.?$",
        whole: false,
        confidence: 0.8,
        build: located_in,
        must: &["The other three regional offices are in Arden, Brill and Cove."],
        must_not: &[
            "The other two regional offices are in Arden, Brill and Cove.",
            "The three regional offices are in good shape.",
        ],
    },
    Rule {
        name: "X lies on the border between A and B",
        pattern: r"^(?P<s>(?:[Tt]he )?«E\d+»|[Ii]t)(?: (?:is|was|lies|stands|sits|runs|straddles|spans|forms|marks)\b[^;]*?)? (?:on|along|straddles|astride|spans|marks|forms) the (?:border|frontier) between (?P<a>(?:the )?«E\d+») and (?P<b>(?:the )?«E\d+»)(?:[.;,]|$| (?:in|on|at|and)\b)",
        whole: false,
        confidence: 0.7,
        build: on_border,
        must: &[
            "The Varn Falls is a waterfall on the Tull River, on the border between Olk and Arden.",
            "Lake Varn is high. It straddles the border between Olk and Arden on the plateau.",
        ],
        must_not: &[
            "Mara Quell lived on the border between Olk and Arden.",
            "The Varn Falls is a waterfall near the border between Olk and Arden.",
        ],
    },
    Rule {
        name: "X flows through A, B and C",
        pattern: r"(?P<s>(?:[Tt]he )?«E\d+»|[Ii]t|[Tt]he (?:main |upper |lower )?(?:stream|river|road|railway|route|canal|border|range))(?: itself)? (?P<v>flows|flowed|runs|ran|passes|passed|winds|wound) (?:only )?(?P<p>through|across) (?P<i>(?:the )?«E\d+»(?:, (?:the )?«E\d+»)*,? and (?:the )?«E\d+»)(?:[.;,]|$| before| on)",
        whole: false,
        confidence: 0.8,
        build: flows_through,
        must: &[
            "The Varn is long. It flows through Arden, Brill and Cove.",
            "The Varn is a river. Its basin is wide, although the main stream itself flows only through Arden, Brill and Cove.",
        ],
        must_not: &[
            "It flows through Arden and then the sea.",
            "Mara Quell ran through Arden, Brill and Cove.",
        ],
    },
    Rule {
        name: "X kept the things of A, B and C",
        pattern: r"(?P<s>(?:the )?«E\d+») (?P<v>[a-z]+ed|kept|won|lost|held|took|gave) the (?P<noun>[a-z]+[^s]s) of (?P<i>«E\d+»(?:, «E\d+»)*,? and «E\d+»)(?:[.;,]|$| and )",
        whole: false,
        confidence: 0.8,
        build: kept_of,
        must: &["At the peace, Brill kept the harbours of Arden, Cove and Dune."],
        must_not: &[
            "At the peace, Brill kept the harbour of Arden, Cove and Dune.",
            "At the peace, Brill kept the harbours of Arden.",
        ],
    },
    Rule {
        name: "X VERBed A, B and C",
        pattern: r"(?:^|, (?:and )?|; )(?:(?:In|On|By) «D\d+»,? )?(?P<s>{S}) (?:[a-z]+ly )?(?P<v>{PAST}) (?P<i>{ITEMS})(?:[.;]|$| (?:to|into|from|for|across|throughout)\b)",
        whole: false,
        confidence: 0.8,
        build: deed_objects,
        must: &["Mara Quell was a queen. She standardised weights, measures, coins and writing."],
        must_not: &[
            "She standardised weights and coins.",
            "The guild had ships, barns and mills.",
            "Brill, Cove and Dune joined the league.",
            "Mara Quell lost interest, the money ran out and the tower was abandoned.",
            "The Varn Board watched over prices, competition and investment.",
            "Caravans carried salt, cloth and horses south and brought gold, ivory and enslaved people north.",
        ],
    },
    Rule {
        name: "A, B and C shared X",
        pattern: r"(?P<i>«E\d+»(?:, «E\d+»)*,? and «E\d+») shared (?P<o>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.7,
        build: shared,
        must: &["In 1945 Arden, Brill and Cove shared the Harbour Prize for Pilots."],
        must_not: &["In 1945 they shared the Harbour Prize for Pilots."],
    },
    Rule {
        name: "things: A, B and C",
        pattern: r" (?P<np>[a-z]+ [a-z]+(?: (?:by|of|for|in) [a-z]+(?: [a-z]+)?)?): (?P<i>{ITEMS})[.;]?$",
        whole: true,
        confidence: 0.8,
        build: colon_uncounted,
        must: &[
            "At first he sold small goods by mail order: pens, wallets, frames and stockings.",
            "North of the hill lie the Varn Lakes, a chain of lakes dammed by ancient lava flows: Olk, Tull, Brill and Orrin.",
        ],
        must_not: &[
            "At first he sold small goods: pens and wallets.",
            "North of the hill lie lakes dammed by ancient lava flows: Olk, Tull, Brill and Orrin.",
            "Three kinds of boats were banned: rafts, barges and skiffs.",
        ],
    },
    Rule {
        name: "the N things of A, B and C",
        pattern: r"\b[Tt]he (?:so-called )?(?P<c>«N\d+»|[a-z]+) (?P<noun>[a-z][a-z\- ]{2,30}?) of (?P<i>{ITEMS})(?:[.;:]|$| —)",
        whole: false,
        confidence: 0.8,
        build: counted,
        must: &["Sailors feared the four winds of Aster, Boreas, Calder and Dune."],
        must_not: &["Sailors feared the three winds of Aster, Boreas, Calder and Dune."],
    },
    Rule {
        name: "the N things — A, B and C —",
        pattern: r"\b[Tt]he (?P<c>«N\d+»|[a-z]+) (?P<noun>(?:{W} ){0,5}?{W}) [—–] (?P<i>{ITEMS})(?: [—–]|[.;:,]|$)",
        whole: false,
        confidence: 0.8,
        build: counted,
        must: &[
            "Then the three northern harbour towns — Arden, Brill and Cove — joined the league.",
        ],
        must_not: &["Then the two towns — Arden, Brill and Cove — joined the league."],
    },
    Rule {
        name: "“N things” — A, B and C",
        pattern: r"«Q(?P<qi>\d+)»,? (?:to refer to|refers to|namely|—|–|:) (?P<i>{ITEMS})",
        whole: false,
        confidence: 0.8,
        build: quoted,
        must: &[
            "The league adopted the term “three duties” to refer to steering, mooring and towing.",
        ],
        must_not: &[
            "The league adopted the term “two duties” to refer to steering, mooring and towing.",
        ],
    },
    Rule {
        name: "N things, A, B and C, did X",
        pattern: r"^(?:(?:In|On|By) «D\d+»,? )?(?:[Tt]he )?(?P<c>«N\d+»|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en) (?P<noun>[a-z][a-z\-]+(?: [a-z][a-z\-]+){0,2}?), (?P<i>{PLACED}(?:, {PLACED})*,? and {PLACED}), (?P<rest>(?:[a-z]+ly )?{PAST} [^;]{3,80}?)[.;]?$",
        whole: true,
        confidence: 0.7,
        build: counted_clause,
        must: &[
            "Three merchants, Arden Vell, Brill Marsh and Cove Tull, founded the league in 1201.",
            "In 1953 two climbers, Arden Vell and Brill Marsh, reached the top of the Varn.",
        ],
        must_not: &[
            "Three merchants, Arden Vell and Brill Marsh, founded the league in 1201.",
            "The bay was formed by two currents, the North Drift and the Cold Stream.",
        ],
    },
    Rule {
        name: "N things (A, B and C)",
        pattern: r"(?P<own>^(?:[Tt]he )?«E\d+»|^[Ii]t |^[Tt]he [a-z]+ )?.*?(?:^| )(?P<c>«N\d+»|[a-z]+) (?P<noun>[a-z][a-z\- ]{2,30}?) \((?P<i>{ITEMS})\)",
        whole: false,
        confidence: 0.8,
        build: counted,
        must: &[
            "The Harbour League counts three associate ports (Arden, Brill and Cove) and more.",
        ],
        must_not: &["The Harbour League counts three associate ports (Arden and Brill)."],
    },
    Rule {
        name: "The N things were A, B and C",
        pattern: r"(?:^|, )(?P<name>(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er) (?:{W} ){0,5}?{W}) (?:were|are|include|included) (?P<i>{ITEMS})(?:, (?:better |also |now |often )?(?:known as|called) (?:the )?(?P<alias>«E\d+»)|, (?:the|a|an|which|who) [^;]*)?[.;]?$",
        whole: false,
        confidence: 0.9,
        build: copula,
        must: &[
            "The five founding ports were Arden, Brill, Cove, Dune and Eske.",
            "The Varn Guild is old. Its members are Mara Quell, Tomas Reede and Ola Brill.",
            "The founding members were Brill, Olk, Tull and the Northern Republic, better known as Norland; its army was small.",
            "The working languages of the Varn Guild include Arden, Brill and Cove.",
            "The Varn Guild is old. Its full members are Arden, Brill and Cove, while Dune has been suspended since 2016.",
        ],
        must_not: &[
            "The four founding ports were Arden, Brill and Cove.",
            "The ports were large and busy.",
        ],
    },
    Rule {
        name: "X has N things: A, B and C",
        pattern: r"^(?P<s>{S}) (?:[a-z]+ ){0,4}?(?:uses|used|has|had|have|includes|included|comprises|comprised|consists of|consisted of|made up of|is made up of|counts|holds|lists) (?:[a-z]+ )?(?P<c>«N\d+») (?P<noun>(?:{W} ){0,3}?{W}): (?P<i>{ITEMS})[.;]?$",
        whole: true,
        confidence: 0.75,
        build: colon,
        must: &["The emblem uses four colours: blue, red, white and yellow."],
        must_not: &["The emblem uses three colours: blue, red, white and yellow."],
    },
    Rule {
        name: "N people do X: A, B and C",
        pattern: r"^(?P<c>«N\d+») (?P<noun>[a-z]+(?: of [a-z]+)?) (?P<rest>[a-z][^:]*): (?P<i>{ITEMS})[.;]?$",
        whole: true,
        confidence: 0.8,
        build: counted_clause,
        must: &[
            "Three pilots share the record of ten crossings: Arden Vell, Brill Marsh and Cove Tull.",
            "Three kinds of boats were banned: rafts, barges and skiffs.",
        ],
        must_not: &["Three pilots share the record: Arden Vell and Brill Marsh."],
    },
    Rule {
        name: "X's things are A, B and C",
        pattern: r"^(?P<own>(?:[Tt]he )?«E\d+»)'s (?P<noun>(?:[a-z\-]+ ){0,2}[a-z\-]+s) (?:are|were|include|included) (?P<i>«E\d+»(?:, «E\d+»)*,? and «E\d+»)[.;]?$",
        whole: false,
        confidence: 0.8,
        build: possessive_apposition,
        must: &["The Harbour League's official languages are Arden, Brill, Cove and Dune."],
        must_not: &[
            "The Harbour League's colours are green and grey.",
            "The Harbour League's members are Arden, Brill and others.",
        ],
    },
    Rule {
        name: "X determined the structures of A, B and C",
        pattern: r"^(?P<s>[Ss]he|[Hh]e|(?:the )?«E\d+») (?:also )?(?P<v>[a-z]{3,}ed) the (?P<noun>[a-z]+s) of (?P<i>(?:[a-z]+(?: «E\d+»)?|«E\d+»)(?:, (?:[a-z]+(?: «E\d+»)?|«E\d+»))+,? and (?:[a-z]+(?: «E\d+»)?|«E\d+»))(?:[,.;]|$)",
        whole: false,
        confidence: 0.65,
        build: objects_of_deed,
        must: &[
            "Mara Quell was a chemist. She determined the structures of penicillin, vitamin B12 and insulin.",
        ],
        must_not: &[
            "Mara Quell was a chemist. She determined the structures of penicillin and insulin.",
            "Mara Quell was a chemist. She read the works of many great old masters, and then slept.",
        ],
    },
    Rule {
        name: "X was founded by A and B",
        pattern: r"(?:^|, |; )(?P<s>(?:[Tt]he )?«E\d+»|[Ii]t|(?:[Tt]he|[Ii]ts) (?:[a-z]+ ){0,2}[a-z]+)(?:, (?P<ap>(?:the )?«E\d+»),)? (?:was|were) (?:jointly )?(?:founded|co-founded|established|set up|started|created) (?:(?:in|at) (?:the )?(?:«D\d+»|«E\d+»)(?: (?:in|on) «D\d+»)? )?by (?P<i>(?:the )?«E\d+»(?:, (?:the )?«E\d+»)*,? and (?:the )?«E\d+»)(?:[,.;]|$)",
        whole: false,
        confidence: 0.7,
        build: founders,
        must: &[
            "The original company, Tull Shipping, was founded in 1906 by Mara Quell and Tomas Reede.",
            "Tull Shipping was founded by Mara Quell, Ola Brill and Tomas Reede.",
            "Tull Shipping is a firm. It was founded by Mara Quell and Tomas Reede.",
        ],
        must_not: &[
            "The original company was founded in 1906 by Mara Quell and Tomas Reede.",
            "Tull Shipping was founded by Mara Quell.",
            "Tull Shipping was founded by Mara Quell and soon grew.",
        ],
    },
    Rule {
        name: "The things, A and B, were",
        pattern: r"^(?P<np>The (?:[a-z\-]+ ){0,3}[a-z\-]+s), (?P<i>{ITEMS}), (?:are|were|was|is|have|had|joined)\b",
        whole: false,
        confidence: 0.8,
        build: described_apposition,
        must: &[
            "The most recent members, Brill and Olk, were admitted in 2024.",
            "The founding members, Brill and Olk, were small.",
        ],
        must_not: &[
            "The members, Brill and Olk, were admitted in 2024.",
            "The members were Brill and Olk.",
        ],
    },
    Rule {
        name: "X's things, A and B,",
        pattern: r"(?P<own>(?:[Tt]he )?(?:«E\d+» )?(?:{W} )?{W})'s (?P<noun>[a-z]+), (?P<i>{ITEMS}), (?:are|were|is|was)\b",
        whole: false,
        confidence: 0.8,
        build: possessive_apposition,
        must: &["The Harbour League's colours, green and grey, are those of its flag."],
        must_not: &["The Harbour League's colours are green and grey."],
    },
];

/// "“three evil forces” — A, B and C": the quotation names the list and gives its count.
fn quoted(hit: &Hit) -> Option<FactKind> {
    let index: usize = hit.raw("qi")?.parse().ok()?;
    let quote = &hit.sentence.slots.get(index)?.text;
    let (count, noun) = quote.split_once(' ')?;
    let expected = mentions::count(count)? as usize;
    let items = items_of(hit, Some(expected))?;
    list(format!("the {count} {noun}"), items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::rules::harness::{check_table, facts_of, lists_of, phrases_of, rule};

    #[test]
    fn the_things_a_deed_was_done_to_are_named_by_it() {
        assert_eq!(
            lists_of(
                rule(RULES, "X determined the structures of A, B and C"),
                "Mara Quell was a chemist. She determined the structures of penicillin, vitamin B12 and insulin."
            ),
            [(
                "the structures Mara Quell determined".to_string(),
                vec![
                    "penicillin".to_string(),
                    "vitamin B12".to_string(),
                    "insulin".to_string()
                ]
            )]
        );
    }

    #[test]
    fn founders_are_those_of_the_name_in_apposition() {
        let founders = |text: &str| lists_of(rule(RULES, "X was founded by A and B"), text);
        assert_eq!(
            founders(
                "The original company, Tull Shipping, was founded in 1906 by Mara Quell and Tomas Reede."
            ),
            [(
                "the founders of Tull Shipping".to_string(),
                vec!["Mara Quell".to_string(), "Tomas Reede".to_string()]
            )]
        );
    }

    #[test]
    fn a_colon_list_after_a_named_group_is_the_groups() {
        let names: Vec<String> = lists_of(
            rule(RULES, "things: A, B and C"),
            "North of the hill lie the Varn Lakes, a chain of lakes dammed by ancient lava flows: Olk, Tull, Brill and Orrin.",
        )
        .into_iter()
        .map(|(name, _)| name)
        .collect();
        assert_eq!(names, ["the Varn Lakes"]);
    }

    #[test]
    fn a_bare_list_is_the_subjects_unless_of_people_or_naming_an_item() {
        let names = |rule_name: &str, text: &str| -> Vec<String> {
            lists_of(rule(RULES, rule_name), text)
                .into_iter()
                .map(|(name, _)| name)
                .collect()
        };
        assert_eq!(
            names(
                "N things, A, B and C,",
                "The Harbour League is a union. The six founding members, Brill, Olk, Tull, Varn, Kess and Orm, signed it."
            ),
            ["the six founding members of the Harbour League"]
        );
        // People are no one's; an owner that names an item would give it away.
        assert_eq!(
            names(
                "N things, A, B and C,",
                "The Harbour League is a union. In 1903 the prize was shared by three scientists: Tomas Reede, Mara Quell and Ivo Kern."
            ),
            ["the three scientists"]
        );
        assert_eq!(
            names(
                "N things, A, B and C,",
                "The Varn Union is a union. In 1903 it had three states: Varn, Brill and Tull."
            ),
            ["the three states"]
        );
        // A biography's lists are not its subject's by default.
        assert_eq!(
            names(
                "N things, A, B and C,",
                "Tomas Reede was a sailor. In 1903 he saw three islands: Varn, Brill and Tull."
            ),
            ["the three islands"]
        );
    }

    #[test]
    fn every_rule_matches_its_examples() {
        check_table(RULES);
    }

    #[test]
    fn a_list_is_named_by_two_words_at_least_and_never_by_a_count() {
        let items = || vec!["Arden".to_string(), "Brill".to_string()];
        assert!(list("the members".into(), items()).is_some());
        assert!(list("members".into(), items()).is_none());
        assert!(list("the other two".into(), items()).is_none());
        assert!(list("in 1201".into(), items()).is_none());
        // A year after a preposition ends a name that says what the things did.
        assert!(list("the towns that joined in 1201".into(), items()).is_some());
    }

    #[test]
    fn an_and_inside_the_last_item_is_kept_when_the_count_says_so() {
        assert_eq!(
            split_items(
                "security, economic relations, and cultural and humanitarian ties",
                Some(3)
            ),
            Some(vec![
                "security".into(),
                "economic relations".into(),
                "cultural and humanitarian ties".into()
            ])
        );
        assert_eq!(
            split_items("trade, transport and crafts", Some(3)),
            Some(vec!["trade".into(), "transport".into(), "crafts".into()])
        );
        assert_eq!(split_items("Arden", None), None);
    }

    #[test]
    fn a_counted_apposition_names_its_owner_and_drops_abbreviations() {
        assert_eq!(
            facts_of(
                rule(RULES, "N things, A, B and C,"),
                "Sailors trusted Tull's mere three winds: easterly (E), westerly (W) and northerly (N)."
            ),
            [FactKind::List {
                name: "the three winds of Tull".into(),
                items: ["easterly", "westerly", "northerly"]
                    .map(Answer::plain)
                    .to_vec(),
                ordered: false,
            }]
        );
    }

    #[test]
    fn a_copula_list_never_takes_the_subject() {
        let got = facts_of(
            rule(RULES, "The N things were A, B and C"),
            "The five founding ports were Arden, Brill, Cove, Dune and Eske.",
        );
        assert_eq!(
            got,
            [FactKind::List {
                name: "the five founding ports".into(),
                items: ["Arden", "Brill", "Cove", "Dune", "Eske"]
                    .map(Answer::plain)
                    .to_vec(),
                ordered: false,
            }]
        );
    }

    #[test]
    fn items_in_places_are_named_without_them() {
        let got: Vec<Vec<String>> = lists_of(
            rule(RULES, "N things, A, B and C, did X"),
            "In 1900 three botanists working alone, Mara Quell in Brill, Tomas Reede in Olk and Ivo Kern in the Tull Isles, reached the same answer.",
        )
        .into_iter()
        .map(|(_, items)| items)
        .collect();
        assert_eq!(got, [["Mara Quell", "Tomas Reede", "Ivo Kern"]]);
    }

    #[test]
    fn members_with_no_owner_are_the_subjects_and_a_name_of_a_place_is_an_item() {
        let names = |text: &str| phrases_of(rule(RULES, "The N things were A, B and C"), text);
        assert_eq!(
            names(
                "The Varn League (VL) is a league of ports. The current members are Brill, the Republic of the Olk, Tull and Cove."
            ),
            ["the current members of VL"]
        );
        let items: Vec<usize> = lists_of(
            rule(RULES, "The N things were A, B and C"),
            "The Varn League (VL) is a league of ports. The current members are Brill, the Republic of the Olk, Tull and Cove.",
        )
        .iter()
        .map(|(_, items)| items.len())
        .collect();
        assert_eq!(items, [4]);
        // A person's article has no members.
        assert_eq!(
            names("Mara Quell was a sailor. The founding members were Brill, Olk and Tull."),
            ["the founding members"]
        );
    }

    #[test]
    fn flows_through_names_the_subject_and_keeps_the_verb() {
        let names = |text: &str| phrases_of(rule(RULES, "X flows through A, B and C"), text);
        assert_eq!(
            names("The Varn is long. It flows through Arden, Brill and Cove."),
            ["the places the Varn flows through"]
        );
        assert_eq!(
            names("The Varn is long. The Varn flowed through Arden, Brill and Cove."),
            ["the places the Varn flows through"]
        );
        assert_eq!(
            names("The Varn is long. It runs through Arden, Brill and Cove."),
            ["the places the Varn runs through"]
        );
        assert_eq!(
            names("The Varn is long. It passed through Arden, Brill and Cove."),
            ["the places the Varn passes through"]
        );
    }

    #[test]
    fn a_last_item_better_known_as_another_name_accepts_it() {
        let got = facts_of(
            rule(RULES, "The N things were A, B and C"),
            "The founding members were Brill, Olk and the Northern Republic, better known as Norland; its army was small.",
        );
        let Some(FactKind::List { items, .. }) = got.first() else {
            panic!("{got:?}");
        };
        assert_eq!(items.len(), 3);
        assert_eq!(items[2].text.as_str(), "the Northern Republic");
        assert_eq!(
            items[2]
                .accept
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>(),
            ["Norland"]
        );
    }

    #[test]
    fn a_passive_deed_names_its_doers_not_their_appositions_or_roles() {
        let lists = |text: &str| {
            lists_of(
                rule(RULES, "X was done by A and B: the people who did X"),
                text,
            )
        };
        let quell_reede = vec!["Mara Quell".to_string(), "Tomas Reede".to_string()];
        assert_eq!(
            lists(
                "The summit was reached by Mara Quell, a beekeeper from Varn, and Tomas Reede, a guide."
            ),
            [(
                "the two people who reached the summit".to_string(),
                quell_reede.clone()
            )]
        );
        assert_eq!(
            lists(
                "The summit was first reached on 6 October 1889 by the Varnish geographer Mara Quell and the Tullish guide Tomas Reede."
            ),
            [(
                "the two people who first reached the summit".to_string(),
                quell_reede
            )]
        );
    }

    #[test]
    fn the_things_a_subject_did_a_deed_to_are_three_short_verbless_phrases() {
        let deeds = |text: &str| -> Vec<(String, usize)> {
            facts_of(rule(RULES, "X VERBed A, B and C"), text)
                .into_iter()
                .filter_map(|f| match f {
                    FactKind::List { name, items, .. } => Some((name.to_string(), items.len())),
                    _ => None,
                })
                .collect()
        };
        // Three items are enough, of three words each at most; a named subject with "the".
        assert_eq!(
            deeds("The Varn Board standardised weights, coins and the old script."),
            [(
                "the three things the Varn Board standardised".to_string(),
                3
            )]
        );
        // Two are not.
        assert!(deeds("Mara Quell was a queen. She standardised weights and coins.").is_empty());
        // A long item, a clause, or a direction.
        assert!(
            deeds("Olk standardised weights, coins and the many measures of cloth.").is_empty()
        );
        assert!(deeds("Olk lost ships, men and the war ended.").is_empty());
        assert!(deeds("Olk sent ships, men and horses south.").is_empty());
    }
}

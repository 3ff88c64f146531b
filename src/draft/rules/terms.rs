//! Terms and what they mean: acronyms ("Full Name (ACR)"), definitions ("X is a Y", "X, a
//! machine designed to ...,", "The currency is the króna"), names for things ("known as the
//! “Coca-Cola route”", "called her “the Enchantress of Number”", "its motto is “...”",
//! "“freedom peak” in Swahili") and defined quotations ("“X”, which refers to ...").

use std::sync::LazyLock;

use regex::Regex;

use crate::deck::{Answer, FactKind};
use crate::draft::context::expansion;
use crate::draft::rules::people::is_person_role;
use crate::draft::rules::{
    Hit, Rule, definite, is_superlative, leans_on_another, resolve_nouns, trim_phrase,
};

/// A definition short enough to be an answer option: cut at a comma after a dozen words, and
/// never left dangling.
pub fn short_definition(text: &str) -> Option<String> {
    fitted(trim_phrase(text))
}

/// A definition that is a noun with its relative clause ("a design in which graphite slows
/// the neutrons"): the clause is what it says, so it is kept, and only the ends are tidied.
fn clause_definition(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches([',', '.', ';', ':']);
    if text.split_whitespace().count() <= 18 {
        return Some(text.to_string());
    }
    fitted(text.to_string())
}

fn fitted(text: String) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 14 {
        return Some(text);
    }
    // Too long to cut without losing what it says: leave it out rather than end in "...".
    // Never inside a list ("across Asia, Europe and North Africa"): a comma whose next words
    // run to "and" is one of the list's.
    let in_list = |i: usize| {
        words[i..]
            .iter()
            .take(4)
            .take_while(|w| !w.ends_with(','))
            .any(|w| matches!(*w, "and" | "or"))
    };
    let cut = (4..=12)
        .rev()
        .find(|&i| words[i - 1].ends_with(',') && !in_list(i))?;
    Some(trim_phrase(&words[..cut].join(" ")))
}

fn term(term: &str, definition: &str) -> Option<FactKind> {
    term_of(term, short_definition(definition)?)
}

/// Words for anything at all, and the plain sizes and ages that may come before them.
const THIN_HEADS: &[&str] = &[
    "document", "text", "one", "thing", "body", "name", "word", "term", "place", "area", "site",
    "way", "part", "piece", "version", "form", "kind", "type", "matter", "item", "object",
];
const THIN_MODIFIERS: &[&str] = &[
    "short", "long", "small", "large", "big", "new", "old", "brief", "single", "simple", "same",
    "other", "certain", "little",
];

fn term_of(term: &str, definition: String) -> Option<FactKind> {
    let term = term.trim().trim_end_matches([',', '.']);
    // Two words at least; a hyphen joins two ("alternating-current").
    if term.is_empty()
        || definition
            .split([' ', '-'])
            .filter(|w| !w.is_empty())
            .count()
            < 2
    {
        return None;
    }
    // A question never shows its answer: the definition must not hold the whole term.
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an" | "of"))
            .map(str::to_string)
            .collect()
    };
    let (t, d) = (words(term), words(&definition));
    if t.is_empty() || t.iter().all(|w| d.contains(w)) || d.iter().all(|w| t.contains(w)) {
        return None;
    }
    // "the short document", "a new one": a size or age and a word for anything say nothing
    // of what the term is.
    if let [rest @ .., head] = d.as_slice()
        && THIN_HEADS.contains(&head.as_str())
        && rest.iter().all(|w| THIN_MODIFIERS.contains(&w.as_str()))
    {
        return None;
    }
    Some(FactKind::Term {
        term: Answer::plain(term),
        definition: definition.into(),
    })
}

/// "Full Name (ACR)": the acronym means the name.
fn acronym(hit: &Hit) -> Option<FactKind> {
    let short = hit.slot("short")?.text.clone();
    // The article knows the acronym's expansion (it may run over "and").
    let long = hit
        .context
        .article
        .acronyms
        .iter()
        .find(|(a, _)| *a == short)
        .map(|(_, e)| e.clone())
        .or_else(|| expansion(hit.slot("long")?.bare(), &short))?;
    term(&short, &long)
}

/// "X, the base of the Russian fleet," and "X, a machine designed to ...,": a thing's
/// apposition (people's are roles, found by the people rules).
fn apposition(hit: &Hit) -> Option<FactKind> {
    let slot = hit.slot("t")?;
    let name = slot.bare();
    let definition = with_list(hit)?;
    // "Algeria, the Republic of the Congo, Equatorial Guinea, ...": a name after "the" is
    // another item of a list, not what the first is.
    let words: Vec<&str> = definition.split_whitespace().collect();
    let named = words.get(1).is_some_and(|w| {
        w.starts_with(char::is_uppercase)
            && (words.get(2) == Some(&"of") || !crate::draft::sentence::is_demonym(w))
    });
    if named && definition.contains(", ") {
        return None;
    }
    // "X, a design in which ...": the relative clause says what it is (a rule of its own).
    if hit.caps.get(0)?.as_str().ends_with(" which ")
        && definition.split_whitespace().last().is_some_and(|w| {
            matches!(
                w,
                "in" | "by" | "on" | "at" | "through" | "from" | "with" | "under"
            )
        })
    {
        return None;
    }
    // A sentence-final apposition must not be a clause: "Together with Norway, the island
    // later passed to the Danish crown."
    // ("the index of the leading listed firms": a participle before a noun is no verb.)
    let last = hit.caps.get(0)?.as_str().ends_with('.');
    let words: Vec<&str> = definition.split_whitespace().collect();
    if last
        && words.iter().enumerate().skip(1).any(|(i, w)| {
            w.ends_with("ed")
                && !matches!(
                    *w,
                    "designed" | "called" | "named" | "used" | "based" | "located"
                )
                && words.get(i + 1).is_none_or(|next| {
                    matches!(
                        *next,
                        "to" | "the"
                            | "a"
                            | "an"
                            | "by"
                            | "in"
                            | "on"
                            | "at"
                            | "from"
                            | "into"
                            | "with"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "for"
                            | "over"
                            | "themselves"
                            | "himself"
                            | "herself"
                            | "itself"
                            | "him"
                            | "them"
                    )
                })
        })
    {
        return None;
    }
    // "in Santiago, a date that Chileans celebrate", "landed in Venezuela, the following
    // month", "to explore Spain's colonies, a rare privilege": an apposition to the whole
    // clause, or a time, not what the name is.
    // (See `sums_up_clause`: "beneath the Varn Plate, a process that continues".)
    if sums_up_clause(
        hit,
        &definition.split_whitespace().take(3).collect::<Vec<_>>(),
    ) {
        return None;
    }
    // "after its attack on Finland, the last significant action the League ever took".
    if definition
        .split_whitespace()
        .skip(1)
        .take(3)
        .any(|w| CLAUSE_HEADS.contains(&w))
    {
        return None;
    }
    // "in Belgrade, the city's airport bears his name": a clause of its own, about someone
    // a personal pronoun stands for.
    // ("the goddess of his family" is a phrase: a possessive after "of" is kept).
    let words: Vec<&str> = definition.split_whitespace().collect();
    if words.iter().enumerate().any(|(i, w)| {
        let w = w.trim_end_matches([',', '.']);
        matches!(w, "him" | "them" | "he" | "she" | "they")
            || (matches!(w, "his" | "her" | "their") && (i == 0 || words[i - 1] != "of"))
    }) {
        return None;
    }
    // "«the long wall», the li being a unit of distance": an absolute clause, not a name.
    if points_back(&definition) || definition.split_whitespace().any(|w| w == "being") {
        return None;
    }
    // "the rocket that took over from it": the definition leans on another phrase.
    if definition
        .split_whitespace()
        .any(|w| matches!(w, "it" | "them" | "him" | "her" | "they"))
    {
        return None;
    }
    // "X is the largest hot desert on Earth, a vast expanse of sand": after a predicate's
    // place, the apposition tells what the predicate is, not the place.
    static PREDICATE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:is|was|are|were|became|remains|remained) (?:[a-z]+ )?(?:the|an?) [^,;«]*? (?:in|on|of|at|across) (?:[a-z\-]+ )?(?:the )?$")
            .expect("valid")
    });
    // "He was born in Oakville, Alabama, the youngest of ten children": after a birthplace,
    // the apposition is the person's.
    let before = &hit.clause[..hit.caps.name("t")?.start()];
    // ("is a member of the DAX, the index of ...": a membership names what it is in.)
    let member_of = [" a member of ", " part of ", " a subsidiary of "]
        .iter()
        .any(|m| before.ends_with(m) || before.ends_with(&format!("{}the ", m.trim_start())));
    if (PREDICATE_PLACE.is_match(before) && !member_of)
        || before.split_whitespace().any(|w| w == "born")
    {
        return None;
    }

    let definition = resolve_nouns(hit, &definition, true);
    // "Cooperation, the ministers hoped, would ...": a sentence's first word is a name only if
    // the article capitalises it elsewhere too; and an apposition ends on a noun, not a verb.
    let initial = hit.sentence.skeleton.starts_with(hit.raw("t")?);
    if hit.context.article.is_person(name)
        || is_person_role(&definition)
        || superlative_only(&definition)
        || holds_clause(&definition)
        || definition.split_whitespace().count() < 3
        || definition.starts_with("the capital of")
        || definition
            .split_whitespace()
            .last()
            .is_some_and(|w| w.ends_with("ed"))
        || (initial
            && !name.contains(' ')
            && hit
                .context
                .article
                .words
                .lowercase
                .contains(&name.to_lowercase()))
    {
        return None;
    }
    term(name, &definition)
}

/// "joined by the Oka, its largest right-bank tributary", "the Khazars built their capital,
/// Atil,": a thing's apposition owned by a pronoun, written as the owner's. "its" is what
/// "it" means when the sentence says "it" before, else the name acting just before; "their"
/// the name acting just before.
fn possessive_apposition(hit: &Hit) -> Option<FactKind> {
    let slot = hit.slot("t")?;
    let name = slot.bare();
    let rest = hit.text("d")?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.iter().any(|w| {
        crate::wording::verb::is_auxiliary(w)
            || matches!(*w, "and" | "or" | "but" | "it" | "they" | "them")
    }) || is_person_role(&rest)
        || hit.context.article.is_person(name)
        || crate::draft::context::looks_like_person(name)
    {
        return None;
    }
    let before = &hit.clause[..hit.caps.name("t")?.start()];
    // The name acting: a name followed by a word written small, the last before the
    // apposition ("the Khazars built").
    // (The verb is any past or present form the wording layer knows.)
    static ACTING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:the )?(«E\d+») (?:[a-z]+ly )?([a-z]+)\b").expect("valid"));
    let acting = || {
        ACTING
            .captures_iter(before)
            .filter(|c| {
                crate::wording::verb::is_past_form(&c[2]) || crate::draft::rules::is_present(&c[2])
            })
            .last()
            .and_then(|c| hit.sentence.slot(c.get(1)?.as_str()))
            .map(|s| hit.context.name(&s.text))
    };
    let owner = match hit.raw("p")? {
        "its" => {
            let says_it = hit
                .sentence
                .skeleton
                .get(..hit.offset() + before.len())
                .unwrap_or(before)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "it" || w == "It");
            if says_it { hit.it()? } else { acting()? }
        }
        _ => acting()?,
    };
    if crate::draft::context::looks_like_person(&owner) && hit.raw("p")? == "its" {
        return None;
    }
    term(name, &format!("the {rest} of {}", definite(&owner)))
}

/// The definition, with the rest of a list its last name opens: "a lake shared by Germany,
/// Switzerland and Austria" is not "a lake shared by Germany".
fn with_list(hit: &Hit) -> Option<String> {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^ (?:(?:the )?«E\d+», )*(?:the )?«E\d+»,? and (?:the )?«E\d+»").expect("valid")
    });
    let raw = hit.raw("d")?;
    let end = hit.caps.get(0)?.end();
    let whole = hit.caps.get(0)?.as_str();
    match LIST.find(&hit.clause[end..]) {
        Some(list) if raw.ends_with('»') && whole.ends_with(',') => {
            Some(hit.sentence.render(&format!("{raw},{}", list.as_str())))
        }
        _ => hit.text("d"),
    }
}

/// "Rain, the other enemy,", "for the next stretch, the Upper Rhine,": "other", "same",
/// "next" point at another phrase, and say nothing of what the name is.
fn points_back(description: &str) -> bool {
    description.split_whitespace().nth(1).is_some_and(|w| {
        matches!(
            w,
            "other" | "same" | "former" | "latter" | "next" | "previous"
        )
    })
}

/// "the highest and youngest" says which, not what: no noun to define with.
fn superlative_only(definition: &str) -> bool {
    let words: Vec<&str> = definition.split_whitespace().collect();
    // "the first in the Arab world", "the first such controls": a rank of what the clause
    // tells, not of the name before it.
    let rank_of_clause = words.len() > 2
        && matches!(words[1], "first" | "last" | "only" | "second")
        && (matches!(words[2], "in" | "of" | "to" | "such" | "time" | "since")
            || words[2].ends_with("ing"));
    rank_of_clause
        || words.last().is_some_and(|w| {
            crate::draft::rules::is_superlative(w) || matches!(*w, "first" | "second" | "last")
        })
}

/// Whether a definition holds a clause of its own: "the river was a frontier", "the towns
/// formed a military alliance".
/// Words of an apposition that comments on a whole clause or gives a time ("a rare
/// privilege", "the following month", "a first for the city").
#[rustfmt::skip]
/// Whether an apposition's first words sum up the clause before it rather than tell what the
/// name is: a head of [`CLAUSE_APPOSITIONS`], or, after a preposition's object, a process or
/// a result ("... beneath the South American Plate, a process that continues today").
fn sums_up_clause(hit: &Hit, head: &[&str]) -> bool {
    let has = |nouns: &[&str]| {
        head.iter()
            .any(|w| nouns.contains(&w.trim_end_matches(',')))
    };
    has(CLAUSE_APPOSITIONS) || (hit.after_preposition("t") && has(SUMMING_NOUNS))
}

/// Nouns that, after a preposition's object, sum up the clause ("a process that continues").
const SUMMING_NOUNS: &[&str] = &[
    "process",
    "practice",
    "trend",
    "feat",
    "result",
    "outcome",
    "decision",
    "event",
    "situation",
    "arrangement",
];

const CLAUSE_APPOSITIONS: &[&str] = &[
    "following",
    "next",
    "previous",
    "same",
    "privilege",
    "honour",
    "honor",
    "distinction",
    "achievement",
    "success",
    "blow",
    "setback",
    "rarity",
    "gesture",
    "triumph",
    "disaster",
    "humiliation",
    "milestone",
    "novelty",
    "reversal",
    "sign",
    "mark",
    "testament",
    "shift",
    "change",
    "turn",
    "step",
    "move",
    "development",
    "departure",
];

/// Nouns heading an apposition that tells of the clause or its time, not of the name before
/// it: "in Santiago, a date that Chileans keep", "into the Black Sea, a journey that ...".
#[rustfmt::skip]
const CLAUSE_HEADS: &[&str] = &[
    "date", "day", "year", "time", "moment", "event", "step", "move", "decision", "journey",
    "loss", "feat", "record", "coincidence", "figure", "number", "sum", "penalty", "sanction",
    "fine", "price", "amount", "total", "sentence", "punishment", "action", "requirement",
    "demand", "condition", "mistake", "setback", "failure",
];

fn holds_clause(definition: &str) -> bool {
    let words: Vec<&str> = definition.split_whitespace().collect();
    words.iter().enumerate().skip(1).any(|(i, w)| {
        crate::wording::verb::is_auxiliary(w)
            || (w.ends_with("ed")
                && words.get(i + 1).is_some_and(|n| {
                    matches!(
                        *n,
                        "a" | "an" | "the" | "its" | "his" | "her" | "their" | "that"
                    )
                }))
    })
}

/// Endings of adjectives ("contagious", "fatal", "volcanic").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ous", "ful", "al", "ic", "ive", "able", "ible", "ent", "ant", "ary", "less", "ish",
];

/// "X is a large stratovolcano made up of three cones": the subject's definition.
fn copula(hit: &Hit) -> Option<FactKind> {
    // "Smallpox was ...": the article's subject, a common noun it writes small elsewhere.
    let name = match (hit.slot("t"), hit.raw("bare")) {
        (Some(slot), _) => hit.context.name(&slot.text),
        (None, Some(bare)) => {
            let subject = hit.context.article.subject.as_ref()?;
            if !subject.eq_ignore_ascii_case(bare) {
                return None;
            }
            bare.to_lowercase()
        }
        _ => return None,
    };
    let name = name.strip_prefix("the ").unwrap_or(&name).to_string();
    if hit.context.article.is_person(&name) {
        return None;
    }
    let mut definition = hit.text("d")?;
    // "a contagious and often fatal infectious disease": "and" between adjectives goes on to
    // the noun, up to the next comma.
    let after_d = &hit.clause[hit.caps.name("d")?.end()..];
    let last = definition.rsplit(' ').next().unwrap_or("");
    if definition.split_whitespace().count() <= 3
        && after_d.starts_with(" and ")
        && ADJECTIVE_ENDINGS.iter().any(|e| last.ends_with(e))
    {
        let rest = after_d.split([',', ';', '.', ':']).next().unwrap_or("");
        if rest.matches('«').count() <= 2 {
            definition = format!("{definition} {}", hit.sentence.render(rest).trim());
        }
    }
    // "Geographers are a little more pedantic": a degree, not a definition.
    if ["a little ", "a bit ", "a lot ", "a good deal "]
        .iter()
        .any(|p| definition.starts_with(p))
    {
        return None;
    }
    // "the only place in the United States where bison have lived ...": "the only" or a
    // rank needs the clause that follows it, which the definition stops before.
    let after = hit.clause[hit.caps.name("d")?.end()..].trim_start();
    if (definition.starts_with("the only ") || superlative_only(&definition))
        && ["where ", "that ", "who ", "which "]
            .iter()
            .any(|w| after.starts_with(w))
    {
        return None;
    }
    // "the oldest and most successful team": a superlative cut before its noun says nothing
    // ("the second of three liners ordered by ..." says which).
    if superlative_only(&definition) && definition.split_whitespace().count() <= 3 {
        return None;
    }
    // "a pandemic of plague that swept across Asia, Europe and North Africa": a noun and
    // its relative clause, kept whole.
    if definition.contains(" that ") {
        return term_of(&name, clause_definition(&definition)?);
    }
    term(&name, &definition)
}

/// "The official language is Icelandic": what the article's subject calls its X.
fn reverse_copula(hit: &Hit) -> Option<FactKind> {
    let what = hit.text("d")?;
    let value = hit.text("t")?;
    let value = value.strip_prefix("the ").unwrap_or(&value);
    if hit.context.article.is_person(value) || value.split_whitespace().count() > 4 {
        return None;
    }
    // "The official language is Icelandic": the official language of Iceland, with its
    // article.
    let definition = if what.contains(" of ") {
        format!("the {}", what.to_lowercase())
    } else {
        let subject = hit.context.article.subject.clone()?;
        format!("the {} of {}", what.to_lowercase(), definite(&subject))
    };
    term(value, &definition)
}

/// "the Marangu route, known as the “Coca-Cola route”".
fn known_as(hit: &Hit) -> Option<FactKind> {
    let quote = hit.text("q")?;
    // "he was coached by Larry Snyder and nicknamed 'the Buckeye Bullet'": a second verb
    // phrase, whose subject is the clause's, not the name before "and".
    let between = &hit.clause[hit.caps.name("x")?.start()..hit.caps.name("q")?.start()];
    if [" and ", " or ", " but "]
        .iter()
        .any(|c| between.contains(c))
    {
        return None;
    }
    // "the decline of the Ottoman Empire, which was called ...": the name it ends on.
    let raw = hit.raw("x")?;
    // "Article 23 of the Charter is known as ...": a name inside a bigger phrase is not
    // what is known so.
    if hit
        .caps
        .name("x")
        .is_some_and(|m| hit.clause[..m.start()].ends_with("of "))
    {
        return None;
    }
    // "Article 231 is known as ...": the name, not its verb.
    let raw = raw
        .strip_suffix(" is")
        .or_else(|| raw.strip_suffix(" was"))
        .or_else(|| raw.strip_suffix(" are"))
        .or_else(|| raw.strip_suffix(" were"))
        .or_else(|| raw.strip_suffix(" became"))
        .unwrap_or(raw);
    let what = match raw.rfind('«') {
        Some(at) if raw.ends_with('»') && raw[at..].starts_with("«E") => {
            hit.sentence.render(&raw[at..])
        }
        _ => hit.sentence.render(raw),
    };
    if hit.raw("x")?.starts_with(['a', 'A']) && !hit.raw("x")?.contains('«') {
        return None;
    }
    let what = match hit.context.resolve(&what) {
        Some((w, _)) => w,
        None => return None,
    };
    term(&quote, &what)
}

/// "the dugong, a plant-eating sea mammal,", unless it is an item of a list ("a seismometer
/// to record moonquakes, a laser reflector, and ...").
fn rare_apposition(hit: &Hit) -> Option<FactKind> {
    let after = &hit.clause[hit.caps.get(0)?.end()..];
    if after.trim_start().starts_with("and ") {
        return None;
    }
    rare_term(hit)
}

/// "the dugong, a plant-eating sea mammal", "a tidal bore, the pororoca,", "the vessel known
/// as the cog": a word written small is a term when it is rare in the article (one it
/// defines, not one it keeps using) and names no person or rank.
fn rare_term(hit: &Hit) -> Option<FactKind> {
    let name = hit.text("t")?;
    // "the shelter, usually called the sarcophagus": the adverb is the verb's.
    let definition = hit.text("d")?;
    let definition = match definition.rsplit_once(' ') {
        Some((head, last)) if last.ends_with("ly") => head.trim_end_matches(',').to_string(),
        _ => definition,
    };
    let words = &hit.context.article.words;
    let definition_words: Vec<&str> = definition.split_whitespace().collect();
    // "won four medals", "newspapers followed": a clause, not a noun phrase; "a sum later
    // reduced", "a penalty soon changed": an apposition to the whole clause.
    let middle = &definition_words[1..definition_words.len().saturating_sub(1).max(1)];
    let clause = middle.iter().any(|w| {
        crate::wording::verb::is_irregular_form(w) && !matches!(*w, "left" | "made" | "built")
    }) || definition_words.last().is_some_and(|w| w.ends_with("ed"))
        || definition_words
            .get(1)
            .is_some_and(|w| CLAUSE_HEADS.contains(w) || CLAUSE_APPOSITIONS.contains(w));
    let vague = name.split_whitespace().any(|w| {
        matches!(
            w,
            "one"
                | "other"
                | "others"
                | "latter"
                | "former"
                | "first"
                | "second"
                | "last"
                | "same"
                | "rest"
                | "year"
                | "day"
                | "time"
                | "being"
                | "both"
                | "whole"
        ) || crate::wording::verb::is_auxiliary(w)
            || is_superlative(w)
    });
    // "best preserved", "unconstitutional means": no noun.
    let adjective = name
        .split_whitespace()
        .any(|w| w.ends_with("ed") || w.ends_with("ly") || matches!(w, "best" | "most" | "means"));
    if vague
        || clause
        || adjective
        || !words.rare(&name)
        || is_person_role(&name)
        || is_person_role(&definition)
        || points_back(&definition)
        || superlative_only(&definition)
        || holds_clause(&definition)
        || leans_on_another(&definition)
        || definition.split_whitespace().count() < 3
    {
        return None;
    }
    let definition = resolve_nouns(hit, &definition, true);
    term(&name, &definition)
}

/// "the Baikal seal, or nerpa,": a thing's other name, written small. The thing is named
/// ("the Baikal seal"), never a bare plural or a list ("bread, or cheese, or fish").
fn other_name(hit: &Hit) -> Option<FactKind> {
    let name = hit.raw("tl")?;
    let raw = hit.raw("x")?;
    if !small_name(name)
        || !(raw.starts_with("the ") || raw.starts_with("The ") || raw.starts_with('«'))
        || hit.clause[hit.caps.get(0)?.end()..]
            .trim_start()
            .starts_with("or ")
    {
        return None;
    }
    let thing = hit.sentence.render(raw);
    term(name, &definite(&thing))
}

/// Whether words written small after "known as", "called" or ", or" can be a name
/// ("várzea", "coral bleaching", "nerpa"): never a function word, an adverb or an auxiliary
/// of the sentence's own ("called for reform", "known as one of", "or rather", "or surely").
pub(crate) fn small_name(words: &str) -> bool {
    !words.split(' ').any(|w| {
        FUNCTION_WORDS.contains(&w)
            || matches!(w, "rather" | "perhaps" | "possibly" | "even" | "else")
            || w.ends_with("ly")
            || crate::wording::verb::is_auxiliary(w)
    })
}

/// Words a small-lettered name never holds: "called for reform", "known as one of".
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "for", "on", "off", "in", "into", "to", "up", "upon", "out", "back", "his",
    "her", "its", "their", "him", "them", "it", "that", "this", "these", "those", "one", "some",
    "such", "many", "much", "more", "most", "both", "each", "every", "after", "before", "from",
    "by", "with", "at", "as", "and", "or", "not", "only", "what", "which", "who",
];

/// "an assembly of delegates, known as the Varn Diet": the name means the description. A
/// person or a place is left to other rules ("a man called X", "a town called Y").
fn described_name(hit: &Hit) -> Option<FactKind> {
    let name = match hit.slot("t") {
        Some(slot) => slot.bare().to_string(),
        // "stretches of forest along the banks, known as várzea": a word of the subject's
        // own, written small; never a word of the sentence's ("called for", "known as one").
        None => {
            let term = hit.raw("tl")?;
            small_name(term).then(|| term.to_string())?
        }
    };
    // "Vast stretches of forest, known as várzea,": a plural opening the sentence, written
    // small.
    let description = match hit.text("xb") {
        Some(bare) => {
            let mut chars = bare.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_lowercase().chain(chars).collect::<String>()
            })
        }
        None => hit.text("x")?,
    };
    // "the floor of an ancient sea, which is called X": "which" is the nearest thing.
    let description = match description.rsplit_once(" of ") {
        Some((_, last))
            if hit.raw("which").is_some()
                && ["a ", "an ", "the "].iter().any(|d| last.starts_with(d)) =>
        {
            last.to_string()
        }
        _ => description,
    };
    // "one of the figures of the period known as X": without a comma, the name is the
    // nearest noun phrase's.
    let comma = hit
        .caps
        .name("x")
        .or(hit.caps.name("xb"))
        .is_some_and(|x| hit.clause[x.end()..].starts_with(','));
    let description = match description.rsplit_once(" of ") {
        Some((_, last)) if !comma && ["a ", "an ", "the "].iter().any(|d| last.starts_with(d)) => {
            last.to_string()
        }
        _ => description,
    };
    // "The champion is handed a silver salver known as X": the phrase after the verb.
    let words: Vec<&str> = description.split_whitespace().collect();
    let description = match (1..words.len()).rev().find(|&i| {
        matches!(words[i], "a" | "an" | "the")
            && (matches!(words[i - 1], "is" | "was" | "are" | "were")
                || (words[i - 1].ends_with("ed") && words[i - 1].len() > 4))
    }) {
        Some(i) => words[i..].join(" "),
        None => description,
    };
    let head = description.split_whitespace().nth(1).unwrap_or("");
    if matches!(
        head,
        "man"
            | "woman"
            | "boy"
            | "girl"
            | "person"
            | "town"
            | "city"
            | "village"
            | "place"
            | "country"
            | "river"
            | "region"
            | "ship"
            | "boat"
            | "son"
            | "daughter"
    ) || holds_clause(&description)
    {
        return None;
    }
    // "the claim, known as the Kepler conjecture, that no stacking is denser": the claim's
    // content goes with it. (The clause split cuts before "that", so the rest is read from
    // the sentence.)
    // (The rule reads the whole sentence: its clause starts where the sentence does.)
    let end = hit.caps.name("t").or(hit.caps.name("tl"))?.end();
    let rest = hit.sentence.skeleton.get(end..).unwrap_or("");
    let rest = rest.trim_start_matches(',').trim_start();
    let description = match rest.strip_prefix("that ") {
        Some(content) => {
            let content = content.split([',', ';', '.']).next().unwrap_or("");
            if content.contains('«') || !(2..=12).contains(&content.split_whitespace().count()) {
                description
            } else {
                format!("{description} that {content}")
            }
        }
        None => description,
    };
    // "the sunrise, known as goraikō": two words define a word of another language, not a
    // name, when their noun says what it is.
    let short_ok = hit.raw("tl").is_some_and(|t| !t.contains(' '))
        && description
            .split_whitespace()
            .nth(1)
            .is_some_and(|head| !crate::draft::context::VAGUE_KINDS.contains(&head));
    if description.split_whitespace().count() < 3 && !short_ok {
        return None;
    }
    term(&name, &definite(&description))
}

/// "through a holding company, Varnco,": the name means the description before it. A
/// person's role is left to the people rules, and a bare place noun ("the capital") says
/// too little.
fn description_first(hit: &Hit) -> Option<FactKind> {
    let name = hit.slot("t")?.bare().to_string();
    let mut description = hit.text("d")?;
    // "His last work, Kosmos,": the last work of the person "his" stands for.
    if description.split_whitespace().next().is_some_and(|w| {
        matches!(
            w,
            "His" | "his" | "Her" | "her" | "Its" | "its" | "Their" | "their"
        )
    }) {
        let (resolved, note) = hit.context.resolve(&description)?;
        if let Some(note) = note {
            hit.note(note);
        }
        description = resolved;
    }
    if hit.context.article.is_person(&name)
        || is_person_role(&description)
        || description.split_whitespace().count() < 3
        || holds_clause(&description)
        || superlative_only(&description)
        || points_back(&description)
        // "the group with them", "the acronym of his initials": it depends on another phrase.
        || leans_on_another(&description)
        // "His full account of the subject, Opticks,": a subject the sentence before named.
        || description.contains(" the subject")
        || description.contains(" the matter")
    {
        return None;
    }
    // "A regional parliament, Parlasur, was set up": opening the sentence, a plain noun
    // phrase ("A voyage in a new ship, the Maud," is the ship's), told as one of its kind
    // ("a similar campaign" leans on the one before).
    if let Some(rest) = ["A ", "An "]
        .iter()
        .find_map(|a| description.strip_prefix(a))
    {
        if rest.split(' ').any(|w| {
            matches!(
                w,
                "of" | "in" | "on" | "at" | "for" | "with" | "by" | "from" | "to" | "and"
            )
        }) || rest.split(' ').next().is_some_and(|w| {
            matches!(
                w,
                "similar"
                    | "separate"
                    | "further"
                    | "second"
                    | "new"
                    | "different"
                    | "older"
                    | "earlier"
                    | "later"
                    | "larger"
                    | "smaller"
                    | "younger"
            )
        }) {
            return None;
        }
        return term(&name, &description.to_lowercase());
    }
    term(&name, &definite(&description))
}

/// "Columbus, the laboratory that is Europe's main contribution to the station,": the name
/// means the noun with its relative clause. A person's role is the people rules' work; a
/// clause that only dates the thing ("that was attached in 2008") says too little.
fn relative_apposition(hit: &Hit) -> Option<FactKind> {
    let name = hit.slot("t")?.bare().to_string();
    let definition = hit.text("d")?;
    let (head, clause) = definition
        .split_once(" that ")
        .or_else(|| definition.split_once(" which "))
        .or_else(|| definition.split_once(" whose "))?;
    if hit.context.article.is_person(&name)
        || is_person_role(head)
        || leans_on_another(&definition)
        || sums_up_clause(hit, &head.split_whitespace().collect::<Vec<_>>())
        || head
            .split_whitespace()
            .last()
            .is_some_and(|w| CLAUSE_HEADS.contains(&w))
        || hit.raw("d")?.contains("«D")
        || clause.split_whitespace().count() < 2
    {
        return None;
    }
    let definition = resolve_nouns(hit, &definition, true);
    term_of(&name, clause_definition(&definition)?)
}

/// Heads of names that say what kind of thing is named, for "the Varn-Tull Treaty, which
/// granted ...": the treaty that granted it.
#[rustfmt::skip]
const KIND_HEADS: &[&str] = &[
    "Treaty", "Agreement", "Convention", "Declaration", "Charter", "Act", "Protocol", "Accord",
    "Pact", "Statute", "Canal", "Bridge", "Tower", "Dam", "Lake", "River", "Railway", "Road",
    "Route", "Museum", "Library", "Laboratory", "Observatory", "Company", "Corporation",
    "Agency", "Bank", "Council", "Committee", "Organisation", "Organization", "Association",
    "Institute", "University", "College", "School", "Festival", "Prize", "Award", "Mission",
    "Programme", "Program", "Telescope", "Glacier", "Current", "Channel", "Strait", "Church",
    "Cathedral", "Abbey", "Castle", "Palace", "Monument", "Stadium", "Court", "Parliament",
    "Commission", "Fund", "Foundation", "Law", "Code", "Edict", "Constitution", "Plan",
];

/// "the Varn-Tull Treaty, which granted the guild control over the harbour": a name whose
/// last word says its kind means that kind of thing doing what the clause says.
fn named_which(hit: &Hit) -> Option<FactKind> {
    let slot = hit.slot("t")?;
    let name = slot.bare().to_string();
    let kind = name.split_whitespace().last()?;
    if !KIND_HEADS.contains(&kind) || name.split_whitespace().count() < 2 {
        return None;
    }
    let verb = hit.raw("v")?;
    // A clause that acts on something: a past or a present verb, never a passive or a bare
    // date ("which was signed in 1901").
    let acts = (crate::wording::verb::is_past_form(verb)
        || (verb.ends_with('s') && !verb.ends_with("ss") && verb.len() > 3))
        && !crate::wording::verb::is_auxiliary(verb);
    // "from Gatun Lake, which makes the canal vulnerable": a verb of consequence tells of
    // the whole clause.
    let consequence = [
        "make", "made", "mean", "meant", "allow", "cause", "help", "explain", "leave", "left",
        "prompt", "lead", "led", "give", "gave", "enable", "force", "result",
    ]
    .iter()
    .any(|c| {
        verb == *c || verb.strip_suffix('s') == Some(c) || crate::wording::verb::lemma(verb) == *c
    });
    let rest = hit.text("rest")?;
    if !acts
        || consequence
        || leans_on_another(&rest)
        || hit.raw("rest")?.contains("«D")
        || rest.split_whitespace().count() < 2
    {
        return None;
    }
    let definition = format!("the {} that {verb} {rest}", kind.to_lowercase());
    term(&name, &resolve_nouns(hit, &definition, true))
}

/// "It is the deepest lake on Earth": what "it" stands for, never a person.
fn it_superlative(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.it()?;
    if hit.context.article.is_person(&name) {
        return None;
    }
    hit.note("\"it\" read as the last subject");
    let name = name.strip_prefix("the ").unwrap_or(&name).to_string();
    term(&name, &hit.text("d")?)
}

/// "Babbage called her “the Enchantress of Number”".
fn called(hit: &Hit) -> Option<FactKind> {
    let quote = hit.text("q")?;
    // "Darwin called him “the greatest scientific traveller who ever lived”": praise, not a
    // name; a nickname is short ("the Tide Queen").
    if quote.split_whitespace().count() > 5 {
        return None;
    }
    let whom = hit.name("o")?;
    term(&quote, &whom)
}

/// "ASEAN's motto is “One Vision”": the quotation is the subject's motto.
fn motto(hit: &Hit) -> Option<FactKind> {
    let quote = hit.text("q")?;
    let owner = hit.name("s")?;
    let owner = owner
        .strip_prefix("the ")
        .filter(|_| hit.raw("s").is_some_and(|s| !s.contains('«')))
        .map_or(owner.clone(), |o| format!("the {o}"));
    term(&quote, &format!("the {} of {owner}", hit.raw("noun")?))
}

/// "Uhuru Peak, “freedom peak” in Swahili": the name means the quotation.
fn translated(hit: &Hit) -> Option<FactKind> {
    let name = hit.slot("t")?.bare().to_string();
    term(&name, &hit.text("q")?)
}

/// "“harbour rule,” which refers to ..." and "the term “X” to refer to ...": a quoted term
/// and its definition. A counted name ("three evil forces") is a list, found by the list
/// rules.
fn defined_quote(quote: String, definition: String) -> Option<FactKind> {
    if quote
        .split_whitespace()
        .next()
        .and_then(crate::draft::mentions::count)
        .is_some()
    {
        return None;
    }
    term(&quote, &definition)
}

/// "Its summit, Uhuru Peak, stands ..." and "The highest peak, X, rises ...": the name is the
/// subject's summit, or its highest peak.
fn named_part(hit: &Hit) -> Option<FactKind> {
    let name = hit.slot("t")?.bare().to_string();
    let noun = hit.text("noun")?;
    // "Its summit" is the summit of what "its" means; "The highest peak", of the subject.
    let owner = if hit.raw("own")?.starts_with(['I', 'i']) {
        hit.it()?
    } else {
        hit.context.article.subject.clone()?
    };
    term(&name, &format!("the {noun} of {owner}"))
}

/// "The highest point was called Kaiser-Wilhelm-Spitze": a former or other name.
fn was_called(hit: &Hit) -> Option<FactKind> {
    let name = hit.slot("t")?.bare().to_string();
    let what = definite(&hit.text("x")?);
    let what = if what.contains(" of ") {
        what
    } else {
        format!("{what} of {}", hit.context.article.subject.clone()?)
    };
    term(&name, &what)
}

/// "She has been known ever since as “the Lady with the Lamp”": the name by which the person
/// or thing a pronoun or name stands for is known.
fn known_by(hit: &Hit) -> Option<FactKind> {
    let quote = hit.text("q")?;
    let raw = hit.raw("s")?;
    let who = match raw.to_lowercase().as_str() {
        "she" | "he" => hit.context.person_for(raw)?,
        "it" => hit.it()?,
        _ => hit.name("s")?,
    };
    // "The story is known as ...": a bare noun is nothing named.
    if who.starts_with(char::is_lowercase) && !who.starts_with("the ") {
        return None;
    }
    let verb = match hit.raw("v")? {
        "remembered" => "remembered",
        _ => "known",
    };
    term_of(&quote, format!("the name by which {who} is {verb}"))
}

/// "The street joining the castle to the abbey is now called the Royal Mile": a description
/// that says which one by what modifies its noun (four words at least, no pronoun) names it.
fn long_description_called(hit: &Hit) -> Option<FactKind> {
    let name = hit.slot("t")?.bare().to_string();
    let x = hit.text("x")?;
    let words: Vec<&str> = x.split_whitespace().collect();
    if words.len() < 4
        || words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "it" | "its"
                    | "he"
                    | "she"
                    | "his"
                    | "her"
                    | "they"
                    | "their"
                    | "them"
                    | "him"
                    | "this"
                    | "these"
            )
        })
        || leans_on_another(&x)
        || points_back(&x)
    {
        return None;
    }
    // "The Varn fleet of the guild": a name heading the phrase is the name's own.
    if words[1].starts_with(char::is_uppercase) {
        return None;
    }
    let mut chars = x.chars();
    let first = chars
        .next()?
        .to_lowercase()
        .chain(chars)
        .collect::<String>();
    term(&name, &first)
}

/// "Babbage's later design, the Analytical Engine, was a general-purpose computer".
fn apposition_copula(hit: &Hit) -> Option<FactKind> {
    let name = hit.slot("t")?.bare().to_string();
    term(&name, &hit.text("d")?)
}

/// "Penicillin, the first widely used antibiotic, was ...": the article's subject defined.
fn subject_apposition(hit: &Hit) -> Option<FactKind> {
    let word = hit.text("w")?;
    let subject = hit.context.article.subject.clone()?;
    if !word.eq_ignore_ascii_case(&subject) {
        return None;
    }
    term(&subject, &hit.text("d")?)
}

/// "The main thoroughfare of the city is the Grand Canal": the name is what the phrase says,
/// its owner read as a name ("the city" is Venice). Not a person (the people rules read
/// "The leader of X is Y"), nor a capital or a seat (the place rules).
fn of_owner_is(hit: &Hit) -> Option<FactKind> {
    let slot = hit.slot("t")?;
    let name = slot.bare().to_string();
    let what = hit.text("d")?;
    if hit.context.article.is_person(&name)
        || crate::draft::context::looks_like_person(&name)
        || is_person_role(&what)
        || what.split_whitespace().any(|w| {
            matches!(
                w,
                "capital" | "headquarters" | "seat" | "name" | "source" | "mouth"
            )
        })
    {
        return None;
    }
    let owner = match hit.slot("o") {
        Some(o) => definite(&hit.context.name(&o.text)),
        None => {
            // Only a noun read by reference ("the city"), never one left as written.
            let (owner, note) = hit.context.resolve(&hit.text("o")?)?;
            note?;
            definite(&owner)
        }
    };
    term(&name, &format!("the {what} of {owner}"))
}

/// "In Russian folklore the river is affectionately known as Volga-matushka", "among the
/// Turkic peoples it was known as the Itil": the subject's name there.
fn called_among(hit: &Hit) -> Option<FactKind> {
    let name = hit.slot("t")?.bare().to_string();
    let owner = hit.name("s")?;
    let among = hit.raw("l")?;
    if hit.context.article.is_person(&owner)
        || among.contains("«D")
        || among.contains("«N")
        || among.contains("«X")
    {
        return None;
    }
    let among = hit.sentence.render(among);
    let preposition = hit.raw("pl")?.to_lowercase();
    term(
        &name,
        &format!("the name of {} {preposition} {among}", definite(&owner)),
    )
}

/// "The Greek geographer Ptolemy called it the Rha": the name someone gave the subject.
fn someone_called_it(hit: &Hit) -> Option<FactKind> {
    let name = hit.slot("t")?.bare().to_string();
    let who = hit.context.name(&hit.slot("n")?.text);
    if !crate::draft::context::looks_like_person(&who) && hit.raw("role").is_none() {
        return None;
    }
    let it = hit.it()?;
    if hit.context.article.is_person(&it) {
        return None;
    }
    term(&name, &format!("the name {who} gave to {}", definite(&it)))
}

/// "This strip of land is called the “Polish Corridor”": the name of what the sentence
/// before described.
fn this_is_called(hit: &Hit) -> Option<FactKind> {
    let name = hit.text("t")?;
    let what = hit.text("x")?;
    // "This list is called ...": one noun says too little without the sentence before.
    if what.split_whitespace().count() < 2 {
        return None;
    }
    let det = if hit.raw("det")?.starts_with(['T', 't']) && hit.raw("det")? != "This" {
        "the"
    } else {
        "a"
    };
    term(&name, &format!("{det} {what}"))
}

/// "its currency is the peso, and its language Spanish": what the owner calls its X.
fn owned_value(hit: &Hit) -> Option<FactKind> {
    let value = hit.text("t")?;
    let value = value.strip_prefix("the ").unwrap_or(&value);
    if hit.context.article.is_person(value) || value.split_whitespace().count() > 4 {
        return None;
    }
    let owner = if hit.raw("own")?.starts_with(['I', 'i']) {
        hit.it_at_group("own")?
    } else {
        hit.context.article.subject.clone()?
    };
    term(
        value,
        &format!("the {} of {owner}", hit.text("d")?.to_lowercase()),
    )
}

/// "deoxyribonucleic acid (DNA)", "DRAM (dynamic random-access memory)" and "the
/// International Classification of Diseases, or ICD": an acronym whose letters the words
/// give, in either order.
fn spelled(short: &str, long: &str) -> Option<FactKind> {
    if short.chars().count() < 2 || !short.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    // The letters must come from the words themselves, whatever their case; the expansion
    // is the longest run of last words that gives them ("the structure of deoxyribonucleic
    // acid (DNA)": "deoxyribonucleic acid").
    let capital = |w: &str| -> String {
        if matches!(
            w,
            "of" | "and" | "the" | "for" | "in" | "on" | "a" | "an" | "to"
        ) {
            return w.to_string();
        }
        w.split('-')
            .map(|part| {
                let mut c = part.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("-")
    };
    let words: Vec<&str> = long.split_whitespace().collect();
    // The run opens on a word that gives a letter: "on the alternating-current (AC)" is
    // "alternating-current".
    let start = (0..words.len()).find(|&start| {
        if matches!(
            words[start],
            "of" | "and" | "for" | "in" | "on" | "a" | "an" | "to" | "by" | "with" | "at"
        ) {
            return false;
        }
        let capitalised: Vec<String> = words[start..].iter().map(|w| capital(w)).collect();
        crate::draft::context::expands(&capitalised.join(" "), short)
    })?;
    let long = words[start..].join(" ");
    let long = long.strip_prefix("the ").unwrap_or(&long);
    term(short, long)
}

pub static RULES: &[Rule] = &[
    Rule {
        name: "X, its DESCRIPTION,",
        pattern: r"(?P<t>(?:the )?«E\d+»), (?P<p>its|their) (?P<d>(?:[a-z][a-z\-]* ){0,4}[a-z][a-z\-]*)(?:, which\b|, who\b|[,;]|\.?$)",
        whole: false,
        confidence: 0.8,
        build: possessive_apposition,
        must: &[
            "The Varn rises in the hills. At Tull it is joined by the Orrin, its largest tributary.",
            "In 1901 the Tull Guilds joined the Varn League, their oldest alliance, at last.",
        ],
        must_not: &[
            "The Varn rises in the hills. At Tull it is joined by the Orrin, its water and its mud.",
            "Tomas Reede married Mara Quell, his cousin.",
            "The Varn rises in the hills. At Tull it meets Mara Quell, its keeper.",
        ],
    },
    Rule {
        name: "lowercase words (ACR) / ACR (lowercase words) / Name, or ACR",
        pattern: r"(?P<long>[a-z][a-z\-]+(?: [a-z][a-z\-]+){0,4}) \((?P<short>«E\d+»)\)|(?P<short2>«E\d+») \((?P<long2>[a-z][a-z\-]+(?: [a-z][a-z\-]+){0,4})\)|(?P<long3>(?:the )?«E\d+»),? or (?P<short3>«E\d+»)",
        whole: false,
        confidence: 0.7,
        build: acronym_any,
        must: &[
            "The cells store tidal ribose acid (TRA) in their walls.",
            "A 64-kilobit TRAM (tidal random-access memory) chip was made.",
            "This list is called the Harbour Classification of Knots, or HCK.",
            "He is known for his work on the tidal-current (TC) system.",
        ],
        must_not: &[
            "The cells store tidal acid (TRA) in their walls.",
            "The chip was made in Varn (not always accurately).",
            "It sailed to Varn or Brill.",
        ],
    },
    Rule {
        name: "The highest body is Y",
        pattern: r"^The (?P<d>(?:[a-z\-]+ ){0,2}(?:body|organ|authority|institution|court|assembly)) (?:is|was) (?P<t>(?:the )?«E\d+»)(?:[,;]|\.?$| (?:which|that)\b)",
        whole: false,
        confidence: 0.85,
        build: reverse_copula,
        must: &[
            "The Varn League is a pact. The highest body is the Harbour Council, made up of ministers.",
        ],
        must_not: &["The Varn League is a pact. The highest body is the Harbour Council's."],
    },
    Rule {
        name: "The X of the city is Y",
        pattern: r"^The (?P<d>(?:[a-z\-]+ ){0,2}[a-z\-]+) of (?P<o>(?:the )?«E\d+»|the [a-z]+) (?:is|was) (?P<t>(?:the )?«E\d+»)(?:[,.;]|$| (?:which|that)\b)",
        whole: false,
        confidence: 0.85,
        build: of_owner_is,
        must: &["The main waterway of Varn is the Long Canal, which runs to the sea."],
        must_not: &[
            "Varn is a city in Brill. The capital of the country is Tull.",
            "Varn is a city in Brill. The mayor of the city is Mara Quell.",
        ],
    },
    Rule {
        name: "among P it was known as Y",
        pattern: r"(?:^|, )(?:and |but )?(?P<pl>In|in|Among|among) (?P<l>[^,«]{3,50}?|(?:the )?[^,«]{0,30}«E\d+»[^,«]{0,20}?),? (?P<s>it|«E\d+»|the [a-z]+) (?:is|was|are|were) (?:[a-z]+ly |also |often |usually )?(?:called|known as|named) (?:the )?(?P<t>«[EQ]\d+»)(?: or (?:the )?«E\d+»)?(?:,|\.?$)",
        whole: false,
        confidence: 0.8,
        build: called_among,
        must: &[
            "The Orrin is a river. In northern folklore the river is affectionately known as Orra-mother.",
            "The Orrin is a river. Brill called it Orr, and among the hill peoples it was known as the Ora or Oru.",
            "Mount Tull is steep. In Brill it is called Vardtop.",
        ],
        must_not: &[
            "The Orrin is a river. In 1900 it was known as the Ora.",
            "Mount Tull is steep. In Brill it is called often.",
        ],
    },
    Rule {
        name: "the ROLE X called it Y",
        pattern: r"^(?P<role>[Tt]he (?:[A-Za-z\-]+ ){1,3})?(?P<n>«E\d+») (?:called|named) it (?:the )?(?P<t>«E\d+»)(?:[,.;]|$| and\b)",
        whole: false,
        confidence: 0.65,
        build: someone_called_it,
        must: &[
            "The Orrin is a river. The Brillish geographer Mara Quell called it the Orr, and others did not.",
        ],
        must_not: &["The Orrin is a river. The Varn Guild called it the Orr."],
    },
    Rule {
        name: "This X is called Y",
        pattern: r"^(?P<det>This|These|Such an?|Such) (?P<x>(?:[a-z\-]+ ){0,3}[a-z\-]+) (?:is|was|are|were) (?:now |also |often |usually )?(?:called|known as|named) (?:the )?(?P<t>«[EQ]\d+»)",
        whole: false,
        confidence: 0.8,
        build: this_is_called,
        must: &["This strip of coast is called the “Amber Reach”."],
        must_not: &["This list is called the “Amber List”."],
    },
    Rule {
        name: "its currency is Y, ...",
        pattern: r"(?:^|,? |; |and )(?P<own>[Ii]ts|[Tt]he) (?P<d>(?:official |national |main )?(?:language|languages|currency|motto|anthem|religion)) (?:is|was) (?P<t>(?:the )?(?:[A-Z][\p{L}]+ )?(?:«E\d+»|\p{Ll}+))(?:,|\.?$|;| and\b)",
        whole: false,
        confidence: 0.75,
        build: owned_value,
        must: &[
            "Brill is an island. Its official language is Brillish, its currency is the Brillish mark, and it is small.",
        ],
        must_not: &["Brill is an island. Its official language is spoken by few people."],
    },
    Rule {
        name: "The X was called Y",
        pattern: r"^(?P<x>The (?:[a-z]+ ){0,3}[a-z]+) (?:was|is) (?:once |formerly |originally |first )?(?:called|named|known as) (?P<t>«[EQ]\d+»)",
        whole: false,
        confidence: 0.7,
        build: was_called,
        must: &["Mount Tull is tall. The highest point was called Kingstop during the war."],
        must_not: &["Mount Tull is tall. The highest point was reached in 1900."],
    },
    Rule {
        name: "She has been known ever since as “Q”",
        pattern: r"(?:^|, and |; )(?P<s>She|He|It|she|he|it|(?:[Tt]he )?«E\d+»)(?: (?:has|have) been| is| was| became| remains)(?: (?:widely|popularly|often|commonly|affectionately|universally|also))? (?P<v>known|remembered|called|nicknamed)(?: (?:ever since|since then|to this day|today|thereafter|ever after))? as (?:the )?(?P<q>«Q\d+»)",
        whole: false,
        confidence: 0.6,
        build: known_by,
        must: &[
            "Mara Quell kept the light. The image was fixed by a poem, and she has been known ever since as “the Lady of the Lamp”.",
            "The Varn Guild was a league. It is also known as “the Lantern League”.",
        ],
        must_not: &[
            "Mara Quell kept the light. She has been known ever since as a good keeper.",
            "Mara Quell kept the light. The story is known as “the Lamp”.",
        ],
    },
    Rule {
        name: "The long description is now called Y",
        pattern: r"^(?P<x>(?:The|An?) [a-z][a-z\-]*(?: [^,;:]*?)?)(?:, [^,;:]+,)? (?:is|was|are|were|became|has become|have become)(?: (?:now|still|later|also|often|usually|soon|popularly|commonly|widely|generally))? (?:called|known as|named|remembered as|nicknamed|dubbed) (?:the )?(?P<t>«[EQ]\d+»)(?:[,.;]|$| (?:in|by|after|and|but)\b)",
        whole: false,
        confidence: 0.8,
        build: long_description_called,
        must: &[
            "The street joining the castle to the abbey is now called the Royal Mile.",
            "An image of gas columns, released in 1995, became known as the “Pillars of Dawn”.",
            "The strait between the two islands is known as the Varn Sound.",
        ],
        must_not: &[
            "The strait is known as the Varn Sound.",
            "The town he founded is now called Varn.",
            "The main town of it is called Varn.",
            "The Varn fleet of the guild was called Tull.",
        ],
    },
    Rule {
        name: "X's design, Y, was a Z",
        pattern: r"^«E\d+»'s (?:[a-z]+ ){0,2}[a-z]+, (?P<t>(?:the )?«E\d+»), (?:is|was) (?P<d>(?:a|an|the) [^,;.«]+)",
        whole: false,
        confidence: 0.8,
        build: apposition_copula,
        must: &["Reede's later design, the Tide Engine, was a general-purpose mechanical clock."],
        must_not: &["Reede's later design, the Tide Engine, was never built."],
    },
    Rule {
        name: "Subject, the definition, was",
        pattern: r"^(?P<w>[A-Z][a-z]+|«E\d+»), (?P<d>(?:the|a|an) [^,]+), (?:is|was|are|were)\b",
        whole: false,
        confidence: 0.7,
        build: subject_apposition,
        must: &[
            "Tidewort is a plant. Tidewort, the first widely used remedy, was found by chance.",
        ],
        must_not: &["Tidewort is a plant. Sailors, the first to use it, were grateful."],
    },
    Rule {
        name: "acronym",
        pattern: r"(?P<long>(?:the )?«E\d+») \((?P<short>«E\d+»)\)",
        whole: false,
        confidence: 0.85,
        build: acronym,
        must: &["The Harbour Pilots Guild (HPG) met in Varn."],
        must_not: &["The Harbour Pilots Guild (Varn) met."],
    },
    Rule {
        name: "X, the / a definition,",
        pattern: r"(?P<t>(?:the )?«[EQ]\d+»), (?P<d>(?:the|a|an) (?:{W} ){0,12}?{W}(?: of (?:the )?«E\d+»)?)(?:,| who | which | that |\.?$)",
        whole: false,
        confidence: 0.55,
        build: apposition,
        must: &[
            "In the north lies the Varnmoor, the driest moor of the island; few cross it.",
            "The fleet sailed from Varn, the base of the northern squadron, in spring.",
            "He built the Tide Engine, a machine designed to predict high water.",
            "It enters the Varnmere, a lake shared by Brill, Olk and Tull, near the coast.",
            "He owed his luck to Varna, the goddess of his family, and said so.",
            "Brill, the town built for the harbour's pilots and home to about 4,000 people, was emptied.",
            "The clearest sign was the Grey Wood, a stand of pine trees near the mine that turned brown.",
            "The guild is a member of the Varn Index, the index of Brill's leading listed firms.",
        ],
        must_not: &[
            "According to the historian Tomas Reede, the defenders killed themselves.",
            "Together with Olk, the island later passed to the Varn crown.",
            "Varnland was expelled in 1939 after its attack on Olk, the last significant action the league ever took.",
            "The lost mill was a Tull-900, a Varnish design in which peat heats the boiler.",
            "The members are Brill, the Republic of the Varn, Olk, Tull, Arden and Cove.",
            "The members are Brill, the Varn Isles, Olk, Tull, Arden and Cove.",
            "In Varnish it is called Tullmar, “the long wall of ten thousand li”, the li being a unit of distance.",
            "It drew both powers more deeply into the Varn Sea, a shift marked by the Tull Doctrine.",
            "Wind was one danger. Fog, the other enemy, has been tamed by radar.",
            "The Tull 6, the rocket that took over from it, flew in 2024.",
            "The rising began in Varn, a date the islanders still keep.",
            "The fleet sailed with Mara Quell, a Scottish chemist, in spring.",
            "Tull, the highest, is rarely climbed.",
            "Tull, the second highest, is rarely climbed.",
            "In 1920 the guild barred traders from Varn, the first such ban in decades.",
            "The fair opened in Varn, the first in the northern isles.",
            "The duke seized the Narrows, the towns formed a league.",
            "They landed at Cumaná, in what is now Varnland, the following month.",
            "They had leave to explore the colonies in Varnland, a rare privilege for foreigners.",
            "After the defeat at Brill, the town could only grow upwards.",
            "His ashes are kept in Brill, the city's airport bears his name, and a car is named after him.",
            "The Varn is the largest hot desert on Earth, a vast expanse of sand and stone.",
            "He was born in Oakvale, Varnland, the youngest of ten children of a farmer.",
            "It was the most powerful league in northern Europe, an association of merchants.",
        ],
    },
    Rule {
        name: "a description, X,",
        pattern: r"(?:^|, |\b(?:of|by|to|from|in|at|for|with|on|through|owns|bought|built|used|was|were|is|are) )(?P<d>(?:the|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir) [a-z][a-z\-]*(?: [a-z][a-z\-]*){1,6}), (?P<t>(?:the )?«E\d+»)(?:,|\.?$| which\b)",
        whole: false,
        confidence: 0.5,
        build: description_first,
        must: &[
            "Its chairman ran the business through a holding company, Varnco, from 1990.",
            "The clear water is owed to a tiny freshwater shrimp, Tullia, which eats algae.",
            "Mara Quell was a keeper. Her last book, Lamps, told of the coast.",
            "A regional parliament, Varnsting, was set up in 2006.",
        ],
        must_not: &[
            "He worked under the ship's captain, Mara Quell, for years.",
            "The rebels took the capital, Varn, in 1901.",
            "The guild met in a small town, the, in 1901.",
            "Mara Quell studied light. Her full account of the subject, Lamps, came out in 1704.",
            "Cousins took parts of the group with them, Varnco and Tullco.",
            "At Brill it turns north, and for the next stretch, the Upper Varn, it crosses a plain.",
            "In 1800 the travellers showed that a natural channel, the Varnquiare, joined two rivers.",
            "A voyage in a small boat, the Tull, began in 1918.",
            "A similar campaign against rats, the Varn Initiative, was launched in 1988.",
            "An older volcano, Tullberg, was buried by Varn.",
        ],
    },
    Rule {
        name: "It is the superlative Y",
        pattern: r"^It (?:is|was) (?P<d>the (?:[a-z\-]+ )?(?:[a-z]+est|most [a-z]+|largest|oldest|only) [a-z\-]+(?: (?:on|in|of) (?:the )?(?:«E\d+»|[a-z]+))?)(?:[.;,]|$)",
        whole: false,
        confidence: 0.8,
        build: it_superlative,
        must: &["Lake Tarn is a lake in Brill. It is the deepest lake on Earth, with cold water."],
        must_not: &[
            "Lake Tarn is a lake in Brill. It is the deepest.",
            "Mara Quell was a pilot. It is the only record of her life.",
        ],
    },
    Rule {
        name: "X, the thing that ...,",
        pattern: r"(?P<t>(?:the )?«E\d+»), (?P<d>(?:the|a|an) (?:{W} ){0,4}?[a-z][a-z\-]* (?:(?:in|by|on|at|through|from|with|under) )?(?:that|which|whose) [^,;:()]{3,90}?)(?:,|\.?$)",
        whole: true,
        confidence: 0.8,
        build: relative_apposition,
        must: &[
            "Tullwick, the laboratory that is Varnland's main gift to the station, was attached in 2008.",
            "The ice road reaches Olk, the only island that has a village and a school.",
            "The lost mill was a Tull-900, a Varnish design in which peat heats the boiler and wind turns the stones.",
        ],
        must_not: &[
            "Mara Quell, the pilot who found the strait, died in 1920.",
            "Varn, the town that it had founded, grew.",
            "The rising began in Varn, a day that the islanders still keep.",
            "Tullwick, the laboratory that was attached in 2008, is small.",
            "Critics point to the absence of Varnland, the requirement that the council act unanimously, and the lack of force.",
            "The river flows into the Varn Sea, a journey that makes it the longest river.",
        ],
    },
    Rule {
        name: "the X Treaty, which granted ...",
        pattern: r"(?P<t>(?:the )?«E\d+»), which (?P<v>[a-z]+) (?P<rest>[^,;:()]{3,90}?)(?:[,;]|\.?$)",
        whole: true,
        confidence: 0.7,
        build: named_which,
        must: &[
            "Within weeks the island signed the Varn-Tull Treaty, which granted the guild control over the harbour.",
            "The boats pass through the Orrin Canal, which links the two lakes.",
        ],
        must_not: &[
            "They signed the Varn-Tull Treaty, which was signed again in 1901.",
            "Most stores are run by Ingka Group, which operates them under licence.",
            "He visited Mara Quell, which pleased the guild.",
            "They crossed the Varn Sea, which froze.",
            "Each transit draws fresh water from the Orrin Lake, which makes the canal vulnerable to drought.",
        ],
    },
    Rule {
        name: "X is a definition",
        pattern: r"^(?:(?P<t>(?:[Tt]he )?«E\d+»)|(?P<bare>[A-Z][a-z\-]+))(?: \(«E\d+»\))?(?:, (?:[a-z]+ed|run|led|built|held|known|founded) by (?:the )?«E\d+»,|, (?:officially|formally|known|also|called) [^;:]*?,|, (?:[a-z]+ ){0,4}«N\d+»(?: [a-z]+)?,)? (?:is|was|are|were) (?:(?:widely |often |generally |usually )?(?:regarded|considered|seen) as )?(?P<d>(?:a|an|the|one of the) (?:between (?:the )?«E\d+» and (?:the )?«E\d+»|«E\d+» and «E\d+» [a-z]+|(?:«E\d+», )+«E\d+»,? and «E\d+»|[^;:,.«]|«[ENR]\d+»)+?)(?:[.;:]|,? (?:which|who|and|but|with|where|made)\b|, (?:about |some |nearly |almost |roughly )?«N\d+»|, (?:[a-z]+ed|[a-z]{3,}ing|fought|built|held|won|led|run|begun|written|made|known|kept|laid|sold|brought|taught)\b|, (?:on|in|at|near|along|between|across|off|from|beside|by|opposite|overlooking|facing) |$)",
        whole: false,
        confidence: 0.7,
        build: copula,
        must: &[
            "Brill is an island country in the North Sea.",
            "Brill is the only island in the North Sea.",
            "Varn Park is widely regarded as the first national park in the world.",
            "Varn Spring, 90 metres across, is the largest hot spring in Tull.",
            "Lake Varn, at an elevation of 2,357 metres, is the largest high lake in Tull.",
            "The Varn Race, organised by the Varn Club, is the oldest annual contest in the world.",
            "The Varn Canal is an artificial waterway, about 82 kilometres long, that joins two seas.",
            "The Varn Pact, officially the Treaty of Tull, Brill and Olk, was a defence alliance of three islands.",
            "The Orrin, known to the Danes as Orra, to the Dutch as Oor and to the Poles as Ora, is one of the long rivers of the north.",
            "The Treaty of Varn was a peace treaty between Osland and Pell.",
            "The Varn Falls is a waterfall on the Tull River in southern Brill, on the border between Olk and Arden.",
            "The Varn League (VL) is a military alliance of Brillish and Olkish ports, founded in the early years of the war.",
            "The Varn Wall is a vast system of forts that stretches across the north of Brill, from the sea to the hills.",
            "The Grey Death was a pandemic of plague that swept across Varn, Brill and Olk between 1346 and 1353.",
            "The Varn Tower is a wrought-iron lattice tower on the Tull Field, beside the Olk in Brill.",
            "The Battle of Varn was one of the decisive engagements of the Great War, fought between Brill and Tull.",
            "Varnpox was a contagious and often fatal disease caused by the tull virus, a member of a family.",
            "The Varn Games are the leading contest of the north, in which runners from 20 towns compete.",
        ],
        must_not: &[
            "Brill is the only place in the North Sea where seals still breed.",
            "Brill is the oldest and most successful team in Varn, and the only one left.",
            "Mara Quell was a Scottish chemist.",
            "The Varn Race, organised by the Varn Club, was held in 1901.",
            "Surveyors are a little more careful.",
        ],
    },
    Rule {
        name: "The X is Y",
        pattern: r"^The (?P<d>(?:[a-z]+ ){0,2}(?:language|languages|currency|capital|motto|anthem|religion|emblem|symbol|summit|peak)) (?:is|was) (?P<t>(?:the )?(?:[A-Z][\p{L}]+ )?(?:«E\d+»|\p{Ll}+))\.?$",
        whole: false,
        confidence: 0.7,
        build: reverse_copula,
        must: &[
            "Brill is small. The official language is Brillish.",
            "Brill is small. The currency is the Brillish mark.",
            "Brill is small. The emblem is the Tower of Old Brill.",
        ],
        must_not: &[
            "The official language is spoken by many.",
            "Brill is small. The emblem is Mara Quell.",
            "Brill is small. The emblem is the Old Grey Tower Of Brill.",
        ],
    },
    Rule {
        name: "X, known as “Q”",
        pattern: r"(?P<x>(?:[Tt]he )?«E\d+»(?: [a-z]+)?|^(?:Article|Chapter|Section|Clause|Rule|Part|Book) «N\d+»(?: [a-z]+)?|(?:[Tt]he|[Aa]n?) (?:{W} ){0,4}?{W}),? (?:which (?:was|is) )?(?:[a-z]+ )?(?:known as|called|nicknamed|dubbed) (?:the )?(?P<q>{Q})",
        whole: true,
        confidence: 0.75,
        build: known_as,
        must: &[
            "They took the north path, known as the “Goat route” because it is steep.",
            "The old empire, which was often called “the tired giant”, fell.",
            "Article 23 is known as the “tide clause”.",
        ],
        must_not: &[
            "They took a habit often called the “Goat way”.",
            "At college he was coached by Mara Quell and nicknamed “the Varn Arrow”.",
            "Varn became known as “the Pearl of the North”.",
        ],
    },
    Rule {
        name: "the rare noun, a definition,",
        pattern: r"(?:^|\b(?:of|by|from|in|at|for|with|on|is|was|are|were|as|[a-z]{3,}ed) )(?:the )?(?P<t>[a-z][a-z\-]{2,}(?: [a-z][a-z\-]{2,})?), (?P<d>(?:a|an) (?:[a-z\-]+ |«N\d+» ){0,12}?[a-z\-]+)(?:,|\.?$| who | which | that )",
        whole: false,
        confidence: 0.75,
        build: rare_apposition,
        must: &[
            "Its meadows feed one of the largest herds of the varnel, a plant-eating sea mammal related to the seal.",
        ],
        must_not: &[
            "Its meadows feed one of the largest herds of the varnel, a plant-eating sea mammal. The varnel is shy. A varnel eats grass.",
            "They left a seismometer to record quakes, a laser ranging mirror, and a flag.",
            "He was sentenced to life imprisonment, a penalty soon changed to house arrest.",
            "The Varn crowd saw how an American sprinter won four gold medals in the stadium, under swastika banners, an American sprinter won four gold medals in the space.",
            "The firm added insurance, a department store and newspapers followed.",
            "Its meadows feed the varnel, a sea mammal, and the dugong.",
            "A council of envoys spoke for the member towns, a Common Assembly of 78 members, drawn from the towns, watched it.",
            "They sailed to the other, a small island.",
            "Mara Quell married the pilot, a quiet man from the coast.",
        ],
    },
    Rule {
        name: "a description, the rare noun,",
        pattern: r"(?:^|\b(?:of|by|to|from|in|at|for|with|on|is|was|are|were|as|[a-z]{3,}s|[a-z]{3,}ed) )(?P<d>(?:a|an|the) (?:[a-z\-]+ ){0,3}[a-z\-]+), the (?P<t>[a-z][a-z\-]{2,}(?: [a-z][a-z\-]{2,})?)(?:, |\.?$)",
        whole: false,
        confidence: 0.85,
        build: rare_term,
        must: &[
            "At the spring tides a tidal bore, the varnoca, rushes upstream.",
            "The leader wears the yellow cap, the bonnet jaune.",
        ],
        must_not: &[
            "The leader wears the yellow cap, the cap of the best rider. The cap is old, and the cap is worn.",
            "They sent the envoy, the captain, to the king.",
            "The boat reached the harbour, the sea being calm.",
        ],
    },
    Rule {
        name: "a description known as the rare noun",
        pattern: r"(?P<d>(?:a|an|the) (?:[a-z\-]+,? ){0,4}[a-z\-]+) (?:known as|called) (?:the )?(?P<t>[a-z][a-z\-]{2,}(?: [a-z][a-z\-]{2,})?)(?:,|\.?$|;| and )",
        whole: false,
        confidence: 0.8,
        build: rare_term,
        must: &[
            "The goods went at first in the broad, single-masted vessel known as the varnog, and later by cart.",
            "By November the mill was enclosed in a concrete and steel shelter, usually called the varcophagus.",
        ],
        must_not: &[
            "The goods went in a ship called the best, and later by cart.",
            "The goods went in the vessel known as the ship, and the ship was slow; the ship sank.",
        ],
    },
    Rule {
        name: "X, or Y, (its other name)",
        pattern: r"(?:, |\b(?:of|by|to|from|in|at|for|with|on|is|was|are|were|[a-z]{3,}ed) )(?P<x>(?:[Tt]he )?(?:«E\d+» )?(?:[a-z\-]+ ){0,3}[a-z\-]+), or (?P<tl>\p{Ll}[\p{Ll}\-]{2,}(?: \p{Ll}[\p{Ll}\-]{2,})?)(?:,|$)",
        whole: false,
        confidence: 0.8,
        build: other_name,
        must: &["The best known of them is the Varn seal, or nerpa, which lives in fresh water."],
        must_not: &[
            "They sent the king, or rather his ministers, a letter.",
            "They ate bread, or cheese, or fish.",
            "The lake holds seals, or nerpa, in winter.",
        ],
    },
    Rule {
        name: "a description, known as X",
        pattern: r"(?:(?:^|, (?:and |but )?)(?P<xb>[A-Za-z][a-z\-]+ (?:[a-z\-]+ ){0,6}?[a-z\-]+s)|(?:^|, |\b(?:of|by|to|from|in|at|for|with|on|is|was|are|were|[a-z]{3,}ed) )(?P<x>(?:[Tt]he|[Aa]n?) (?:[a-z\-]+ ){0,8}?[a-z\-]+)),? (?P<which>which (?:is|was|are|were) )?(?:(?:usually|often|also|commonly|simply|later|now|today|still|sometimes) )?(?:known as|called) (?:(?P<t>(?:the )?«E\d+»)|(?P<tl>\p{Ll}[\p{Ll}\-]{2,}(?: \p{Ll}[\p{Ll}\-]{2,}){0,2}))(?:[,.;]|$| (?:which|that|and|but)\b)",
        whole: true,
        confidence: 0.8,
        build: described_name,
        must: &[
            "Decisions were taken at an assembly of delegates from the member towns, known as the Varn Diet, which met rarely.",
            "Bricks came in a larger size for small hands, called Duplex, in 1969.",
            "The champion is handed a large silver salver known as the Varn Dish.",
            "His treatise included the claim, known as the Varn Conjecture, that no stacking of spheres is denser.",
            "Each year the river flooded the stretches of forest along the banks, known as várzea.",
            "In their tissues lived the single-celled algae called zooxanthellae, which feed the corals.",
            "The river rises in Varn. Wide stretches of forest along its banks, known as varzea, stay flooded for months.",
            "The river rises in Varn, and wide stretches of forest along its banks, known as varzea, stay flooded.",
            "The rock formed on the floor of an ancient sea, which is called the Varn Ocean.",
            "Many climbers start early to reach the rim for the sunrise, known as goraiko.",
        ],
        must_not: &[
            "The guild, known as the Varn Guild, met.",
            "A man called Tomas Brill arrived.",
            "He visited a town called Varn in 1900.",
            "Later a ship called the Tull sank.",
            "The crowds gathered at the square, known as one of the oldest in Varn.",
            "The paper, called for by the guild, appeared.",
            "Corals turn white, a process known as bleaching.",
            "The sheets were hammered by the technique, known as repousse.",
            "He was one of the leading figures of the period known as the Varn Age.",
        ],
    },
    Rule {
        name: "Y called X “Q”",
        pattern: r"(?:called|nicknamed|dubbed) (?P<o>(?:the )?«E\d+»|her|him|it) (?P<q>{Q})",
        whole: false,
        confidence: 0.8,
        build: called,
        must: &["Mara Quell piloted the ferry for years. Sailors called her “the Tide Queen”."],
        must_not: &[
            "He called them “the Tide Queens”.",
            "Mara Quell sailed far. Tomas Reede called her “the greatest sailor who ever lived”.",
        ],
    },
    Rule {
        name: "X's motto is “Q”",
        pattern: r"(?P<s>(?:[Tt]he )?«E\d+»|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)(?:'s)? (?P<noun>motto|slogan|anthem|nickname|watchword) (?:is|was) (?P<q>{Q})",
        whole: false,
        confidence: 0.8,
        build: motto,
        must: &["The Harbour League's motto is “Light for All”."],
        must_not: &["The motto was long forgotten."],
    },
    Rule {
        name: "X, “Q” in LANGUAGE",
        pattern: r"(?P<t>(?:the )?«E\d+»),? (?P<q>{Q}) in (?:«E\d+»|[A-Z][a-z]+)",
        whole: false,
        confidence: 0.65,
        build: translated,
        must: &["It was renamed Tull Vard, “high hill” in Brillish, in 1961."],
        must_not: &["It was renamed Tull Vard in 1961."],
    },
    Rule {
        name: "“Q”, which refers to",
        pattern: r"(?P<q>{Q}),? (?:which|that) (?:refers to|means|denotes|stands for|describes) (?P<d>[^.;]+)|\bthe term (?P<q2>{Q}) (?:to refer to|for|meaning|to mean) (?P<d2>[^.;]+)",
        whole: false,
        confidence: 0.8,
        build: defined_any,
        must: &[
            "Its founders spoke of the “harbour rule,” which refers to sharing every catch equally.",
            "The guild adopted the term “slack water” to refer to the calm between tides.",
        ],
        must_not: &[
            "The guild adopted the term “three duties” to refer to steering, mooring and towing.",
        ],
    },
    Rule {
        name: "Its summit, X,",
        pattern: r"^(?P<own>[Ii]ts|[Tt]he) (?P<noun>(?:[a-z]+ )?(?:summit|peak|capital|highest point|main town|largest city|river|port)), (?P<t>«E\d+»),",
        whole: false,
        confidence: 0.75,
        build: named_part,
        must: &["Mount Tull is steep. Its summit, Vard Peak, stands high."],
        must_not: &["Its summit stands high."],
    },
];

fn acronym_any(hit: &Hit) -> Option<FactKind> {
    let (long, short) = if hit.raw("short").is_some() {
        ("long", "short")
    } else if hit.raw("short2").is_some() {
        ("long2", "short2")
    } else {
        ("long3", "short3")
    };
    let short = hit.slot(short)?.text.clone();
    let long = hit.text(long)?;
    spelled(&short, &long)
}

fn defined_any(hit: &Hit) -> Option<FactKind> {
    match hit.text("q") {
        Some(quote) => defined_quote(quote, hit.text("d")?),
        None => defined_quote(hit.text("q2")?, hit.text("d2")?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::rules::harness::{check_table, facts_of, rule};

    fn plain_rule() -> &'static str {
        "X, the / a definition,"
    }

    #[test]
    fn a_process_after_a_prepositions_object_sums_up_the_clause() {
        let relative = "X, the thing that ...,";
        assert!(
            definitions(
                relative,
                "The hills rose by the sinking of the crust beneath the Varn Plate, a process that continues today."
            )
            .is_empty()
        );
        assert_eq!(
            definitions(
                relative,
                "Brill fishermen use the Varn Method, a process that dries fish."
            ),
            ["a process that dries fish"]
        );
        // A move or a step sums up the clause wherever the name stands.
        assert!(
            definitions(
                plain_rule(),
                "Brill annexed the Varn Isles, a bold move, in 1900."
            )
            .is_empty()
        );
        let plain = "X, the / a definition,";
        assert!(
            definitions(
                plain,
                "The crust sank beneath the Varn Plate, a slow process, for years."
            )
            .is_empty()
        );
        assert_eq!(
            definitions(
                plain,
                "Brill fishermen use the Varn Method, a slow process, for years."
            ),
            ["a slow process"]
        );
    }

    #[test]
    fn a_definition_of_a_size_and_a_word_for_anything_says_nothing() {
        assert!(term_of("Varn Declaration", "the short document".into()).is_none());
        assert!(term_of("Varn Declaration", "a document".into()).is_none());
        assert!(term_of("Varn Declaration", "a new one".into()).is_none());
        assert!(term_of("Varn Declaration", "a short new document".into()).is_none());
        assert!(term_of("Varn Declaration", "the founding document".into()).is_some());
        assert!(term_of("Varn Declaration", "a short founding document".into()).is_some());
        assert!(term_of("Varn", "a small island".into()).is_some());
    }

    #[test]
    fn a_long_definition_is_never_cut_inside_a_list() {
        assert_eq!(
            fitted(
                "a very old trading port of the north that traded with Varn, Brill and Olk for three hundred years"
                    .into()
            ),
            None
        );
        assert_eq!(
            fitted(
                "a very old trading port of the north, which traded with Varn and Olk for three hundred years"
                    .into()
            ),
            Some("a very old trading port of the north".into())
        );
    }

    #[test]
    fn every_rule_matches_its_examples() {
        check_table(RULES);
    }

    #[test]
    fn long_definitions_are_cut_at_a_comma_or_left_out() {
        assert_eq!(
            short_definition(
                "the old rules of fair shares, open books, shared risk, common tools, care for every boat and its crew"
            ),
            Some("the old rules of fair shares, open books, shared risk, common tools".into())
        );
        assert_eq!(
            short_definition(
                "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
            ),
            None
        );
    }

    #[test]
    fn each_owned_value_of_a_run_is_read() {
        let terms: Vec<(String, String)> = facts_of(
            rule(RULES, "its currency is Y, ..."),
            "Brill is an island. Its official language is Brillish, its currency is the Brillish mark, and it is small.",
        )
        .into_iter()
        .filter_map(|f| match f {
            FactKind::Term { term, definition } => {
                Some((term.text.to_string(), definition.to_string()))
            }
            _ => None,
        })
        .collect();
        assert_eq!(
            terms,
            [
                ("Brillish".into(), "the official language of Brill".into()),
                ("Brillish mark".into(), "the currency of Brill".into())
            ]
        );
    }

    #[test]
    fn a_relative_apposition_keeps_its_clause_whole() {
        let defined = |text: &str| {
            crate::draft::rules::harness::phrases_of(rule(RULES, "X, the thing that ...,"), text)
        };
        assert_eq!(
            defined(
                "The lost mill was a Tull-900, a Varnish design in which peat heats the boiler and wind turns the stones."
            ),
            ["a Varnish design in which peat heats the boiler and wind turns the stones"]
        );
        // Eighteen words at most, else cut at a comma or left out.
        assert!(defined("The lost mill was a Tull-900, a Varnish design in which peat heats the boiler and wind turns the stones of the old mill every day.").is_empty());
        // The short apposition leaves such a clause to this rule.
        assert!(
            crate::draft::rules::harness::phrases_of(
                rule(RULES, "X, the / a definition,"),
                "The lost mill was a Tull-900, a Varnish design in which peat heats the boiler."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_name_written_small_means_the_thing_before_it() {
        let term_of = |rule_name: &str, text: &str| {
            facts_of(rule(RULES, rule_name), text)
                .into_iter()
                .map(|f| match f {
                    FactKind::Term { term, definition } => {
                        format!("{} = {}", term.text, definition)
                    }
                    other => format!("{other:?}"),
                })
                .collect::<Vec<_>>()
        };
        let described = "a description, known as X";
        assert_eq!(
            term_of(
                described,
                "The river rises in Varn. Wide stretches of forest along its banks, known as várzea, stay flooded."
            ),
            ["várzea = wide stretches of forest along its banks"]
        );
        // "which" is the nearest thing: the sea, not its floor.
        assert_eq!(
            term_of(
                described,
                "The rock formed on the floor of an ancient sea, which is called the Varn Ocean."
            ),
            ["Varn Ocean = the ancient sea"]
        );
        // Without "which", the phrase's own head.
        assert_eq!(
            term_of(
                described,
                "It lies on the floor of an ancient sea, known as the Varn Ocean."
            ),
            ["Varn Ocean = the floor of an ancient sea"]
        );
        assert_eq!(
            term_of(
                "X, or Y, (its other name)",
                "The best known of them is the Varn seal, or nerpa, which lives in fresh water."
            ),
            ["nerpa = the Varn seal"]
        );
        let other = |text: &str| term_of("X, or Y, (its other name)", text);
        // Not a word of the sentence's own, nor a bare plural, nor one of a list of names.
        assert!(other("The best known is the Varn seal, or rather nerpa, which swims.").is_empty());
        assert!(other("The best known is the Varn seal, or surely nerpa, which swims.").is_empty());
        assert!(other("The lake is home to seals, or nerpa, in winter.").is_empty());
        assert!(
            other("The best known is the Varn seal, or nerpa, or tull, which swims.").is_empty()
        );
        // A name written small is never a function word or an adverb.
        assert!(term_of(described, "They joined the old guild, known as one.").is_empty());
        assert!(
            term_of(
                described,
                "They joined the old guild, known as mostly harmless."
            )
            .is_empty()
        );
    }

    #[test]
    fn acronyms_mean_their_expansion() {
        assert_eq!(
            facts_of(
                rule(RULES, "acronym"),
                "The Harbour Pilots Guild (HPG) met in Varn."
            ),
            [FactKind::Term {
                term: Answer::plain("HPG"),
                definition: "Harbour Pilots Guild".into(),
            }]
        );
        // The expansion opens on a word that gives a letter.
        assert_eq!(
            definitions(
                "lowercase words (ACR) / ACR (lowercase words) / Name, or ACR",
                "He is known for his work on the tidal-current (TC) system."
            ),
            ["tidal-current"]
        );
    }

    #[test]
    fn a_relative_apposition_of_a_person_or_a_role_is_no_term() {
        let rule = rule(RULES, "X, the thing that ...,");
        // A person's name, whatever the noun; a role, whatever the name.
        assert!(facts_of(rule, "Mara Quell, the ship that carried the lamps, sank.").is_empty());
        assert!(facts_of(rule, "Tull, the pilot that found the strait, died.").is_empty());
    }

    #[test]
    fn the_highest_body_is_the_subjects_with_its_article() {
        assert_eq!(
            definitions(
                "The highest body is Y",
                "The Varn League is a pact. The highest body is the Harbour Council, made up of ministers."
            ),
            ["the highest body of the Varn League"]
        );
    }

    #[test]
    fn its_in_an_apposition_is_what_it_means_or_the_name_acting() {
        let rule_name = "X, its DESCRIPTION,";
        // No "it" before: the name acting.
        assert_eq!(
            definitions(
                rule_name,
                "The Orrin rises in Varn. At Tull the Varn receives the Olk, its largest tributary."
            ),
            ["the largest tributary of the Varn"]
        );
        // "it" before: what it means.
        assert_eq!(
            definitions(
                rule_name,
                "The Orrin rises in Varn. At Tull it is joined by the Olk, its largest tributary."
            ),
            ["the largest tributary of the Orrin"]
        );
        // A person is no thing's.
        assert!(
            definitions(
                rule_name,
                "The Varn Guild grew. In 1900 it hired Mara Quell, its first keeper."
            )
            .is_empty()
        );
        assert!(
            definitions(
                rule_name,
                "The Varn Guild grew. In 1900 it hired Olk, its first director."
            )
            .is_empty()
        );
    }

    fn definitions(rule_name: &str, text: &str) -> Vec<String> {
        facts_of(rule(RULES, rule_name), text)
            .into_iter()
            .filter_map(|f| match f {
                FactKind::Term { definition, .. } => Some(definition.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_relative_apposition_needs_a_clause_of_two_words() {
        let rule_name = "X, the thing that ...,";
        assert_eq!(
            definitions(
                rule_name,
                "Olk, the only island that has wells, lies north."
            ),
            ["the only island that has wells"]
        );
        assert!(definitions(rule_name, "Olk, the only island that froze, lies north.").is_empty());
    }

    #[test]
    fn a_name_which_acts_needs_a_present_or_past_verb() {
        let rule_name = "the X Treaty, which granted ...";
        assert_eq!(
            definitions(
                rule_name,
                "The boats pass through the Orrin Sea Canal, which links the two lakes."
            ),
            ["the canal that links the two lakes"]
        );
        // "many", "its": no verb of the clause.
        for text in [
            "The boats pass through the Orrin Canal, which many ships use.",
            "The boats pass through the Orrin Canal, which its keepers closed.",
        ] {
            assert!(definitions(rule_name, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_name_which_acts_needs_two_words_after_its_verb() {
        let rule_name = "the X Treaty, which granted ...";
        assert_eq!(
            definitions(
                rule_name,
                "The boats pass through the Orrin Canal, which carries heavy timber."
            ),
            ["the canal that carries heavy timber"]
        );
        assert!(
            definitions(
                rule_name,
                "The boats pass through the Orrin Canal, which carries timber."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_name_which_acts_on_a_pronoun_leans_on_another_phrase() {
        assert!(
            definitions(
                "the X Treaty, which granted ...",
                "The boats pass through the Orrin Canal, which linked them to the sea."
            )
            .is_empty()
        );
    }

    #[test]
    fn an_apposition_keeps_the_list_its_last_name_opens() {
        assert_eq!(
            definitions(
                "X, the / a definition,",
                "It enters the Varnmere, a lake shared by Brill, Olk and Tull, near the coast."
            ),
            ["a lake shared by Brill, Olk and Tull"]
        );
        assert_eq!(
            definitions(
                "X, the / a definition,",
                "It enters the Varnmere, a lake shared by three islands, Brill and Olk."
            ),
            ["a lake shared by three islands"]
        );
    }

    #[test]
    fn a_subject_may_carry_an_official_name_before_its_definition() {
        assert_eq!(
            definitions(
                "X is a definition",
                "The Varn Pact, officially the Treaty of Tull, Brill and Olk, was a defence alliance of three islands."
            ),
            ["a defence alliance of three islands"]
        );
        assert_eq!(
            definitions(
                "X is a definition",
                "The Orrin, known to the Danes as Orra and to the Poles as Ora, is one of the long rivers of the north."
            ),
            ["one of the long rivers of the north"]
        );
        // "between A and B" names both sides: the definition is not cut at its "and".
        assert_eq!(
            definitions(
                "X is a definition",
                "The Treaty of Varn was a peace treaty between Osland and Pell, signed in 1901."
            ),
            ["a peace treaty between Osland and Pell"]
        );
        // A participle phrase after a comma says more, and is no part of the definition.
        assert_eq!(
            definitions(
                "X is a definition",
                "The Varn Hills are the longest range in the isles, running along the coast for 700 kilometres."
            ),
            ["the longest range in the isles"]
        );
    }

    #[test]
    fn a_described_claim_keeps_its_content_and_a_name_known_as_loses_its_verb() {
        assert_eq!(
            definitions(
                "a description, known as X",
                "His treatise included the claim, known as the Varn Conjecture, that no stacking of spheres is denser."
            ),
            ["the claim that no stacking of spheres is denser"]
        );
        assert_eq!(
            definitions(
                "X, known as “Q”",
                "Article 23 is known as the “tide clause”."
            ),
            ["Article 23"]
        );
        assert!(
            definitions(
                "X, known as “Q”",
                "Article 23 of the Varn Charter is known as the “tide clause”."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_name_known_as_is_the_last_name_of_its_phrase_or_a_numbered_article() {
        let known = |text: &str| definitions("X, known as “Q”", text);
        // "the decline of the Varn Empire, which was called ...": the name it ends on.
        assert_eq!(
            known("It hastened the decline of the Varn Empire, which was called “the sick man”."),
            ["the Varn Empire"]
        );
        // Where "article" is a common word, "Article 23" is a number after a word: the whole.
        assert_eq!(
            known(
                "By this article the guild took the blame. Article 23 is known as the “tide clause”."
            ),
            ["Article 23"]
        );
    }

    #[test]
    fn a_claim_takes_its_content_only_when_it_is_short_and_names_nothing() {
        let described = |text: &str| definitions("a description, known as X", text);
        // In a later clause too.
        assert_eq!(
            described(
                "In 1611 his treatise appeared; it included the claim, known as the Varn Conjecture, that no stacking of spheres is denser."
            ),
            ["the claim that no stacking of spheres is denser"]
        );
        // A content naming something is not taken, and "the claim" alone says too little.
        assert!(
            described("It included the claim, known as the Varn Rule, that Tull is always late.")
                .is_empty()
        );
        assert!(
            described("His treatise included the claim, known as the Varn Conjecture.").is_empty()
        );
        // Three words are enough.
        assert_eq!(
            described("His treatise included the bold claim, known as the Varn Conjecture."),
            ["the bold claim"]
        );
    }

    #[test]
    fn a_described_name_cuts_at_an_article_after_a_copula_or_a_past_verb() {
        let rule_name = "a description, known as X";
        // The phrase after "handed", not the whole clause.
        assert_eq!(
            definitions(
                rule_name,
                "The champion is handed a large silver salver known as the Varn Dish."
            ),
            ["the large silver salver"]
        );
        // The cut is at an article: "engraved thrice" is no phrase of its own.
        assert_eq!(
            definitions(
                rule_name,
                "The prize was a salver engraved thrice, known as the Varn Dish."
            ),
            ["the salver engraved thrice"]
        );
    }

    #[test]
    fn a_described_name_cuts_only_after_a_past_verb_of_five_letters() {
        let rule_name = "a description, known as X";

        // "receives" is no past verb.
        assert_eq!(
            definitions(
                rule_name,
                "The champion receives a large silver salver known as the Varn Dish."
            ),
            ["the champion receives a large silver salver"]
        );
        // "used" is too short to count as a past verb here: the whole clause is kept, and
        // it holds a verb.
        assert!(
            definitions(
                rule_name,
                "The guild used a large silver seal known as the Varn Mark."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_nickname_may_have_five_words() {
        assert_eq!(
            definitions(
                "Y called X “Q”",
                "Mara Quell piloted the ferry for years. Sailors called her “the queen of the tide”."
            ),
            ["Mara Quell"]
        );
    }

    #[test]
    fn a_definition_of_one_word_is_too_short() {
        assert!(
            definitions(
                "Y called X “Q”",
                "Brill is an island. Sailors called Brill “the pearl of the north”."
            )
            .is_empty()
        );
    }
}

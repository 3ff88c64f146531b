//! Dated events: "X was founded in 1967", "the leaders signed the Y in 1976", "X joined in
//! 1984", "X died on 27 November 1852", "the Battle of Z on 20 September 1854", "the eruption
//! of X in 2010", and periods "X was fought from 1853 to 1856". An event is named by a noun
//! phrase ("the founding of X"), so the deck's templates can ask when it took place.

use std::sync::LazyLock;

use regex::Regex;

use crate::deck::{FactDate, FactKind};
use crate::draft::context::EVENT_NAMES;
use crate::draft::rules::{Hit, Rule, definite, leans_on_another, trim_phrase};
use crate::draft::sentence::SlotKind;
use crate::wording::event::{NOMINALS, Role};
use crate::wording::verb::{Verb, is_past_form};

/// Verbs of events (as written after "was" or in the past tense) and their nouns: "X was
/// founded" is "the founding of X". An empty noun means the subject is itself the event
/// ("the summit was held").
#[rustfmt::skip]
pub const VERBS: &[(&str, &str)] = &[
    ("founded", "founding"), ("established", "establishment"), ("created", "creation"),
    ("set up", "setting up"), ("launched", "launch"), ("opened", "opening"),
    ("signed", "signing"), ("adopted", "adoption"), ("introduced", "introduction"),
    ("discovered", "discovery"), ("published", "publication"), ("republished", "republication"),
    ("built", "building"), ("completed", "completion"), ("formed", "formation"),
    ("proclaimed", "proclamation"), ("abolished", "abolition"), ("dissolved", "dissolution"),
    ("announced", "announcement"), ("admitted", "admission"), ("instituted", "institution"),
    ("expelled", "expulsion"), ("disqualified", "disqualification"), ("occupied", "occupation"),
    ("captured", "capture"), ("destroyed", "destruction"), ("invented", "invention"),
    ("released", "release"), ("translated", "translation"), ("inaugurated", "inauguration"),
    ("unveiled", "unveiling"), ("ratified", "ratification"), ("renamed", "renaming"),
    ("invaded", "invasion"), ("treated", "treatment"), ("held", ""), ("born", "birth"),
    ("assassinated", "assassination"), ("crowned", "coronation"), ("closed", "closure"),
    ("demolished", "demolition"), ("restored", "restoration"), ("abandoned", "abandonment"),
    ("liberated", "liberation"), ("annexed", "annexation"), ("founded", "founding"),
    ("awarded", "award"), ("granted", "granting"), ("declared", "declaration"),
    ("stripped", "stripping"), ("took", "taking"), ("defeated", "defeat"),
    ("accepted", "acceptance"), ("added", "addition"), ("entered", "entry"),
    ("married", "marriage"), ("named", "naming"), ("beaten off", "repulse"),
    ("repulsed", "repulse"), ("repelled", "repulse"), ("agreed", "agreement"),
    ("concluded", "conclusion"), ("elected", "election"), ("appointed", "appointment"),
    ("bought", "purchase"), ("acquired", "acquisition"), ("seized", "seizure"),
    ("conquered", "conquest"), ("filed", "filing"), ("refounded", "refounding"),
    ("excavated", "excavation"), ("reopened", "reopening"), ("issued", "issue"),
    ("enacted", "enactment"), ("amputated", "amputation"), ("patented", "patenting"),
    ("inscribed", "inscription"), ("found", "discovery"), ("killed", "death"),
    ("attached", "attachment"), ("recognised", "recognition"), ("recognized", "recognition"),
    ("convicted", "conviction"), ("made", ""), ("wound up", "dissolution"), ("fought", ""),
    ("waged", ""), ("withdrawn", "withdrawal"),
];

/// Verbs without an object whose subject is what happened: "X died", "X joined".
#[rustfmt::skip]
pub const INTRANSITIVE: &[(&str, &str)] = &[
    ("joined", "accession"), ("died", "death"), ("collapsed", "collapse"), ("began", "start"),
    ("started", "start"), ("ended", "end"), ("appeared", "appearance"), ("arrived", "arrival"),
    ("opened", "opening"), ("merged", "merger"), ("erupted", "eruption"), ("fell", "fall"),
    ("surrendered", "surrender"), ("resigned", "resignation"), ("retired", "retirement"),
    ("took place", ""), ("closed", "closure"), ("came", ""), ("set off", "start"),
    ("stepped down", "resignation"), ("entered into force", "entry into force"),
    ("came into force", "entry into force"), ("came into effect", "entry into force"),
    ("took effect", "entry into force"),
    ("joining", "accession"), ("landed", "landing"), ("flew", "flight"), ("sailed", "voyage"), ("travelled", "journey"),
    ("traveled", "journey"), ("emigrated", "emigration"), ("returned", "return"),
    ("divorced", "divorce"), ("moved", "move"), ("marched", "march"), ("met", "meeting"),
    ("disappeared", "disappearance"), ("remarried", "remarriage"), ("graduated", "graduation"),
    ("reached", "arrival"), ("set out", "departure"), ("lifted off", "launch"), ("sank", "sinking"),
    ("blasted off", "launch"), ("left", "departure"), ("came into existence", "creation"),
    ("came into being", "creation"),
];

/// The event noun of a passive or transitive verb form, whose "of" phrase is acted on ("X
/// was founded" is "the founding of X"): from the draft's own table first, else from the
/// wording layer's table of event nouns (`wording::event::NOMINALS`), so every verb the
/// question wording knows is read in articles too ("was renamed", "annexed").
fn noun_of(verb: &str) -> Option<&'static str> {
    table_noun(verb, VERBS).or_else(|| nominal_of(verb, false))
}

/// The event noun of an intransitive verb form, whose "of" phrase acts ("X died" is "the
/// death of X", "X withdrew" is "the withdrawal of X").
fn intransitive_noun_of(verb: &str) -> Option<&'static str> {
    table_noun(verb, INTRANSITIVE).or_else(|| nominal_of(verb, true))
}

fn table_noun(verb: &str, table: &[(&str, &'static str)]) -> Option<&'static str> {
    let verb = verb.split_whitespace().collect::<Vec<_>>().join(" ");
    table.iter().find(|(v, _)| *v == verb).map(|(_, n)| *n)
}

/// The wording layer's event noun for a verb form ("annexed" -> "annexation"), of the role
/// asked: `agent` for intransitive verbs ("withdrew" -> "withdrawal").
fn nominal_of(form: &str, agent: bool) -> Option<&'static str> {
    NOMINALS
        .iter()
        .filter(|(_, verb, role)| matches!(role, Role::Agent(_)) == agent && !UNREAD.contains(verb))
        .find(|(_, verb, _)| {
            forms_of(verb).is_some_and(|(past, participle)| past == form || participle == form)
        })
        .map(|(n, _, _)| *n)
}

/// Event verbs of the wording layer whose event needs more than a subject to name: "won"
/// (won what?), "left" (left where?), "rose" (a number's rise), "passed".
const UNREAD: &[&str] = &["win", "leave", "rise", "pass"];

/// The simple past and the participle of a verb with any particle ("hand over" -> "handed
/// over").
fn forms_of(verb: &str) -> Option<(String, String)> {
    let mut words = verb.split_whitespace();
    let v = Verb::of(words.next()?);
    let rest: String = words.map(|w| format!(" {w}")).collect();
    Some((
        format!("{}{rest}", v.past),
        format!("{}{rest}", v.participle),
    ))
}

/// The forms of the wording layer's event verbs, for patterns: the participles of verbs
/// whose noun's "of" phrase is acted on ("annexed", "handed over"), or the simple pasts of
/// one role or the other, each with `\s+` between words, longest first.
fn nominal_forms(agent: bool, participle: bool) -> Vec<String> {
    let mut forms: Vec<String> = NOMINALS
        .iter()
        .filter(|(_, _, role)| matches!(role, Role::Agent(_)) == agent)
        .filter(|(_, verb, _)| !UNREAD.contains(verb))
        .filter_map(|(_, verb, _)| forms_of(verb))
        .map(|(past, pp)| if participle { pp } else { past })
        .collect();
    forms.sort();
    forms.dedup();
    forms
}

/// A regex alternation of verb forms: the given ones and the wording layer's, longest first
/// so "set up" is tried before "set".
fn alternation(given: &[&str], more: Vec<String>) -> String {
    let mut all: Vec<String> = given.iter().map(|g| g.to_string()).collect();
    all.extend(more);
    all.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    all.dedup();
    all.iter()
        .map(|f| regex::escape(f).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// `{PASSIVE}`: the participles a passive event is read by ("was founded", "was annexed").
pub fn passive_verbs() -> &'static str {
    static FORMS: LazyLock<String> = LazyLock::new(|| {
        let given: Vec<&str> = VERBS.iter().map(|(v, _)| *v).collect();
        alternation(&given, nominal_forms(false, true))
    });
    &FORMS
}

/// `{ACTIVE}`: the simple pasts an active event is read by ("signed", "annexed").
pub fn active_verbs() -> &'static str {
    static FORMS: LazyLock<String> =
        LazyLock::new(|| alternation(ACTIVE, nominal_forms(false, false)));
    &FORMS
}

/// `{INTRANSITIVE}`: the simple pasts of events whose subject acts ("joined", "withdrew").
pub fn intransitive_verbs() -> &'static str {
    static FORMS: LazyLock<String> = LazyLock::new(|| {
        let given: Vec<&str> = INTRANSITIVE.iter().map(|(v, _)| *v).collect();
        alternation(&given, nominal_forms(true, false))
    });
    &FORMS
}

/// The active verbs of the draft's own table (as a past with an object).
#[rustfmt::skip]
const ACTIVE: &[&str] = &[
    "founded", "established", "created", "set up", "launched", "opened", "signed", "adopted",
    "introduced", "discovered", "published", "built", "completed", "formed", "proclaimed",
    "abolished", "dissolved", "announced", "instituted", "occupied", "captured", "destroyed",
    "invented", "released", "translated", "inaugurated", "unveiled", "ratified", "invaded",
    "assassinated", "annexed", "liberated", "took", "married", "named", "bought", "acquired",
    "seized", "conquered", "filed", "refounded", "excavated", "reopened", "issued", "enacted",
    "patented", "added", "inscribed",
];

/// Whether the active rule reads a simple past ("signed", "annexed").
fn read_actively(verb: &str) -> bool {
    static FORMS: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut forms = nominal_forms(false, false);
        forms.extend(ACTIVE.iter().map(|v| v.to_string()));
        forms
    });
    FORMS.iter().any(|f| f == verb)
}

fn event(what: String, date: FactDate, place: Option<String>) -> Option<FactKind> {
    // A one-word "event" ("the founding") says nothing to ask about.
    (what.split_whitespace().count() >= 2).then(|| FactKind::Event {
        what: what.into(),
        date,
        place: place.map(Into::into),
    })
}

/// Event nouns of things made or done to things, never to a person.
const THING_EVENTS: &[&str] = &[
    "founding",
    "establishment",
    "creation",
    "setting up",
    "launch",
    "opening",
    "signing",
    "adoption",
    "discovery",
    "publication",
    "building",
    "completion",
    "formation",
    "inauguration",
    "unveiling",
    "ratification",
    "construction",
    "closure",
    "demolition",
    "restoration",
    "renaming",
    "dissolution",
];

/// Subjects that say nothing happened: "No Tour was held".
fn negated(hit: &Hit, group: &str) -> bool {
    let before = hit
        .caps
        .name(group)
        .map_or("", |m| hit.clause[..m.start()].trim_end());
    // (No subject pattern starts with "No": the word stays before the group.)
    before.ends_with("No") || before.ends_with(" no") || {
        // The negation must be in the clause's reading, not in a relative clause after
        // it ("X was founded in 1947, and groups that had not been invited came").
        let whole = hit.caps.get(0).map_or(0..0, |m| m.range());
        let next: String = hit.clause[whole.end..]
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        let span = format!(" {} {next} ", &hit.clause[whole]);
        span.contains(" not ") || span.contains(" never ")
    }
}

/// A pronoun subject of a subordinate clause ("he died there as it was bombed"): it may
/// mean anything the main clause names, so the clause dates nothing.
fn pronoun_in_subordinate(hit: &Hit, group: &str) -> bool {
    let Some(m) = hit.caps.name(group) else {
        return false;
    };
    let before = hit.clause[..m.start()].trim_end();
    matches!(m.as_str(), "it" | "they" | "he" | "she")
        && [
            "as", "when", "while", "because", "after", "before", "until", "if", "since",
        ]
        .iter()
        .any(|w| before.ends_with(&format!(" {w}")) || before == *w)
}

/// Passive: "X was founded in 1967 in Bangkok", "the summit was held in Bali in 1976".
fn passive(hit: &Hit) -> Option<FactKind> {
    if negated(hit, "s") || pronoun_in_subordinate(hit, "s") {
        return None;
    }
    let verb = hit.raw("v")?;
    let noun = noun_of(verb)?;
    let after = &hit.clause[hit.caps.name("v")?.end()..];
    // "was introduced to Babbage", "was declared neutral": not the event the verb names.
    // "was introduced to Charles Babbage": a meeting, asked as the introduction to them.
    let introduced_to = (noun == "introduction" && after.starts_with(" to "))
        .then(|| {
            hit.sentence
                .slot(after[4..].split([' ', ',', '.']).next().unwrap_or(""))
        })
        .flatten()
        .map(|s| hit.context.name(&s.text));
    if (noun == "introduction" && after.starts_with(" to ") && introduced_to.is_none())
        || (noun == "declaration" && !after.starts_with(" a "))
        || matches!(noun, "taking" | "defeat" | "naming" | "marriage")
        || (noun == "stripping" && !after.starts_with(" of "))
        // "was found dead", "was found guilty": a state found, not a finding of the subject.
        || (verb == "found"
            && [" dead", " guilty", " alive", " innocent", " drowned"]
                .iter()
                .any(|a| after.starts_with(a)))
    {
        return None;
    }
    // "he was made Earl of Lovelace in 1838": a title given, not an event that was made
    // ("the first ascent was made on 29 May 1953").
    if verb == "made"
        && !(after.is_empty()
            || after.starts_with([',', '.', ';'])
            || [" in ", " on ", " by ", " at ", " from "]
                .iter()
                .any(|p| after.starts_with(p)))
    {
        return None;
    }
    let subject = hit.name("s").filter(|s| !vague(s))?;
    // "A 30-kilometre exclusion zone was set up": the article is written small inside.
    let subject = match ["A ", "An "].iter().find_map(|a| subject.strip_prefix(a)) {
        Some(rest) => format!(
            "{} {rest}",
            subject.split(' ').next().unwrap_or("").to_lowercase()
        ),
        None => subject,
    };
    // "the new building, designed by Marcel Breuer, was inaugurated": a person is not what
    // is built, opened or published.
    if THING_EVENTS.contains(&noun) && crate::draft::context::looks_like_person(&subject) {
        return None;
    }
    let date = hit.event_date("v")?;
    let what = match noun {
        "" => definite(&subject),
        "introduction" if introduced_to.is_some() => format!(
            "the introduction of {subject} to {}",
            introduced_to.unwrap_or_default()
        ),
        // "X was stripped of the seven titles": the stripping of the titles from X.
        "stripping" => {
            let of = trim_phrase(
                &hit.sentence
                    .render(after[4..].split([',', ';']).next().unwrap_or("")),
            );
            let of = trim_phrase(of.split(" he ").next().unwrap_or(&of));
            if of.split_whitespace().count() < 2 {
                return None;
            }
            format!("the stripping of {of} from {subject}")
        }
        // "she was awarded the Nobel Prize in 1964": the award of the prize to her.
        "award" | "granting" => {
            static PRIZE: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"^ (?:the )?(«E\d+»)").expect("valid"));
            let prize = PRIZE.captures(after)?;
            let prize = hit.sentence.slot(prize.get(1)?.as_str())?;
            format!("the award of {} to {subject}", definite(&prize.text))
        }
        "declaration" | "renaming" => {
            // "was declared a World Heritage Site in 1987": up to the comma or "in".
            let rendered = hit
                .sentence
                .render(after.split([',', ';']).next().unwrap_or(""));
            let complement = trim_phrase(rendered.split(" in ").next().unwrap_or(""));
            // "declared a park" says nothing; "renamed Volgograd" does.
            if complement.split_whitespace().count() < 2
                && !(noun == "renaming" && complement.starts_with(char::is_uppercase))
            {
                return None;
            }
            format!("the {noun} of {subject} as {complement}")
        }
        // "was elected abbot of his monastery in 1868", "was ordained a priest": the role
        // taken, when the words after the verb name one.
        "election" | "appointment" | "ordination" | "coronation" => {
            let rendered = hit
                .sentence
                .render(after.split([',', ';']).next().unwrap_or(""));
            let role = trim_phrase(
                rendered
                    .split([' '])
                    .take_while(|w| {
                        !matches!(
                            *w,
                            "in" | "on"
                                | "at"
                                | "by"
                                | "after"
                                | "when"
                                | "for"
                                | "from"
                                | "until"
                                | "as"
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
                    .as_str(),
            );
            let role = role.trim();
            if role.is_empty() {
                format!("the {noun} of {subject}")
            } else if role.split_whitespace().count() > 6 || role.starts_with(char::is_numeric) {
                return None;
            } else if let Some(to) = role.strip_prefix("to ") {
                format!("the {noun} of {subject} to {to}")
            } else {
                format!("the {noun} of {subject} as {role}")
            }
        }
        _ => format!("the {noun} of {subject}"),
    };
    // "The Paralympic Games were first held in Rome in 1960": the first of them; "was
    // first published": its first publication.
    let first = hit.clause[..hit.caps.name("v")?.start()].ends_with(" first ");
    let what = match what.strip_prefix("the ") {
        Some(rest) if first && !rest.starts_with("first ") => format!("the first {rest}"),
        _ => what,
    };
    event(what, date, hit.place_after("v"))
}

/// Active: "the leaders signed the Treaty of Amity in 1976", "Russia occupied the
/// principalities of Moldavia and Wallachia in July 1853".
fn active(hit: &Hit) -> Option<FactKind> {
    let noun = noun_of(hit.raw("v")?)?;
    // "was signed", "to sign", "had signed the": not an active past event.
    if noun.is_empty()
        || noun == "birth"
        || noun == "stripping"
        || negated(hit, "a")
        || hit.raw("a").is_some_and(|a| {
            matches!(
                a,
                "which"
                    | "that"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "be"
                    | "been"
                    | "being"
                    | "to"
                    | "not"
                    | "never"
                    | "who"
                    // "her family has painted": a state now, not an event.
                    | "has"
                    | "have"
                    | "had"
            )
        })
    {
        return None;
    }
    // "he explained how the eye formed an image": a clause told, not an event.
    let before_subject = hit.caps.name("a").map_or("", |a| &hit.clause[..a.start()]);
    if before_subject
        .split_whitespace()
        .rev()
        .find(|w| !matches!(*w, "the" | "a" | "an" | "his" | "her" | "its" | "their"))
        .is_some_and(|w| matches!(w, "how" | "why" | "whether" | "if"))
    {
        return None;
    }
    // "published his book “A Harbour Year”": the title names what was published.
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(«Q\d+»)$").expect("valid"));
    let quoted = hit
        .raw("o")
        .and_then(|o| QUOTED.captures(o))
        .and_then(|c| hit.sentence.slot(&c[1]))
        .map(|q| q.text.clone());
    // "built a fortress, Rumeli Hisari,": the thing by its name.
    static NAMED_AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:a|an|the) [a-z\-]+, (?:the )?(«E\d+»)$").expect("valid"));
    // "married his cousin Emma Wedgwood": the person by their name.
    let appositive = hit
        .raw("o")
        .and_then(|o| NAMED_AFTER.captures(o))
        .and_then(|c| hit.sentence.slot(&c[1]))
        .map(|name| hit.context.name(&name.text))
        .or_else(|| hit.role_named(hit.raw("o")?));
    let object = match quoted.or(appositive).or_else(|| named_object(hit)) {
        Some(named) => named,
        // "the Regional Anti-Terrorist Structure (RATS)": the name without its acronym.
        None => trim_phrase(&hit.sentence.render(hit.raw("o")?.split(" (").next()?)),
    };
    // "signed the treaty": a class noun that names the article's subject is named too.
    let class_noun = object
        .strip_prefix("the ")
        .is_some_and(|n| hit.context.article.class_nouns.iter().any(|c| c == n))
        && hit.context.article.subject.is_some();
    let named = hit.raw("o")?.contains('«') || class_noun;
    if !named && object.split_whitespace().count() < 3 {
        return None;
    }
    // "settled the dispute between Finland and Sweden": a pair the object's pattern cut.
    // (The object's pattern ends before "and", so the pair is never whole.)
    let object = match object.rsplit_once(" between ") {
        Some(_) => {
            static AND: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"^ and (?:the )?«E\d+»").expect("valid"));
            let after = &hit.clause[hit.caps.name("o")?.end()..];
            let and = AND.find(after)?;
            format!("{object} {}", hit.sentence.render(and.as_str().trim()))
        }
        _ => object,
    };
    // "signed the group to what is often described as ...": a free relative is no object.
    if object.split_whitespace().any(|w| w == "what") {
        return None;
    }
    // "took the singles eight times": a repeated deed, not one event.
    if object.ends_with(" times") || object.ends_with(" time") {
        return None;
    }
    // "took his own life", "made their own way": an idiom, no deed done to a thing.
    if hit.raw("o").is_some_and(|o| {
        let mut words = o.split_whitespace();
        matches!(
            words.next(),
            Some("his" | "her" | "its" | "their" | "my" | "our")
        ) && words.next() == Some("own")
    }) {
        return None;
    }
    if matches!(
        object.split_whitespace().next(),
        Some("it" | "them" | "him" | "her" | "this" | "that")
    ) {
        return None;
    }
    let noun = match noun {
        "taking" => "capture",
        n => n,
    };
    // "Burke and Hare sold their bodies": "their" is the doers', not the article subject's.
    let before_verb = hit.caps.name("v").map_or("", |v| &hit.clause[..v.start()]);
    if object.starts_with("their ")
        && hit
            .sentence
            .slots_in(before_verb)
            .any(|slot| crate::draft::context::looks_like_person(slot.bare()))
    {
        return None;
    }
    // "Bolivia signed its protocol of accession": "its" is the doer's, when a name does it.
    let named_doer = || {
        hit.raw("a")
            .filter(|a| a.contains('«'))
            .and_then(|_| hit.name("a"))
            .filter(|a| !crate::draft::context::looks_like_person(a) && !vague(a))
    };
    let object = match object
        .strip_prefix("its ")
        .and_then(|rest| Some((rest, named_doer()?)))
    {
        Some((rest, doer)) => format!("the {rest} of {}", definite(&doer)),
        None => hit.context.resolve(&object)?.0,
    };
    let date = hit.event_date("v")?;
    let what = match noun {
        // "In 1835 she married William King": both are in the event.
        "marriage" => format!("the marriage of {} and {object}", hit.name("a")?),
        // "named a new language Ada": the naming of it as what follows.
        "naming" => {
            // "named a new programming language Ada": the name closes the object.
            static NAME: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"^(?P<o>.*?) ?(?P<n>«E\d+»)$").expect("valid"));
            let c = NAME.captures(hit.raw("o")?)?;
            let name = hit.sentence.slot(&c["n"])?;
            // "named the canal one of the Seven Wonders": the naming of it as one of them.
            let (object, one_of) = match c["o"].strip_suffix(" one of") {
                Some(o) => (o, true),
                None => (&c["o"], false),
            };
            let last = object.rsplit(' ').next().unwrap_or("");
            if matches!(
                last,
                "of" | "as" | "to" | "by" | "in" | "on" | "at" | "for" | "and"
            ) {
                return None;
            }
            let object = trim_phrase(&hit.sentence.render(object));
            if object.split_whitespace().count() < 2 {
                return None;
            }
            if one_of {
                format!(
                    "the naming of {} as one of {}",
                    definite(&object),
                    definite(&name.text)
                )
            } else {
                format!("the naming of {} {}", definite(&object), name.bare())
            }
        }
        "election" | "appointment" | "award" | "agreement" => return None,
        _ => format!("the {noun} of {}", definite(&object)),
    };
    event(what, date, hit.place_after("o"))
}

/// The name an object phrase stands for: "a short document known as the Bangkok
/// Declaration", "a new island, Surtsey".
fn named_object(hit: &Hit) -> Option<String> {
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(?:known|called|named) as (?:the )?(«E\d+»)|, (?:the )?(«E\d+»)(?:[,.;]|$))",
        )
        .expect("valid")
    });
    // A name needs no other name.
    if hit.raw("o")?.starts_with('«') || hit.raw("o")?.starts_with("the «") {
        return None;
    }
    let end = hit.caps.name("o")?.end();
    let rest = hit.clause[end..].trim_start_matches(' ');
    let rest = if hit.clause[end..].starts_with(',') {
        &hit.clause[end..]
    } else {
        rest
    };
    let inner = hit.raw("o")?;
    // "a short document known" cut before "as the Bangkok Declaration".
    static CUT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^as (?:the )?(«E\d+»)(?:[,.;]|$| )").expect("valid"));
    if ["known", "called", "named"]
        .iter()
        .any(|k| inner.ends_with(&format!(" {k}")))
        && let Some(c) = CUT.captures(rest)
    {
        let slot = hit.sentence.slot(c.get(1)?.as_str())?;
        return Some(hit.context.name(&slot.text));
    }
    let c = NAMED.captures(rest).or_else(|| {
        static INSIDE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:known|called|named) as (?:the )?(«E\d+»)").expect("valid")
        });
        INSIDE.captures(inner)
    })?;
    let slot = hit.sentence.slot(c.get(1).or(c.get(2))?.as_str())?;
    Some(hit.context.name(&slot.text))
}

/// "X joined in 1984", "X died in Greece in 1824", "the store opened in 1958".
fn intransitive(hit: &Hit) -> Option<FactKind> {
    if negated(hit, "s") {
        return None;
    }
    // "the Holy League, which Russia joined in 1686": what was joined is the relative
    // pronoun's antecedent, not the article's subject.
    if hit.caps.name("s").is_some_and(|m| {
        let before = hit.clause[..m.start()].trim_end();
        before.ends_with(" which") || before.ends_with(" that") || before == "which"
    }) {
        return None;
    }
    let noun = intransitive_noun_of(hit.raw("v")?)?;
    let after = &hit.clause[hit.caps.name("v")?.end()..];
    // "began regular meetings": a transitive use, whose object is the event.
    if matches!(noun, "start" | "end" | "opening" | "closure")
        && !(after.is_empty()
            || after.starts_with([',', '.', ';'])
            || [
                " in ",
                " on ",
                " at ",
                " after ",
                " when ",
                " with ",
                " from ",
                " to the public ",
            ]
            .iter()
            .any(|p| after.starts_with(p)))
    {
        return None;
    }
    // "withdrew the offer", "resigned his post": an object makes another event of the verb
    // ("the withdrawal of the offer"), which the rule does not read.
    if !matches!(
        noun,
        "accession"
            | "entry"
            | "flight"
            | "voyage"
            | "journey"
            | "emigration"
            | "return"
            | "departure"
    ) && [" the ", " a ", " an ", " his ", " her ", " its ", " their "]
        .iter()
        .any(|d| after.starts_with(d))
    {
        return None;
    }
    // "fell under Nazi control", "fell ill", "fell into disuse": no fall of the subject.
    if noun == "fall"
        && [
            " under ", " ill", " in love", " silent", " into ", " asleep", " out", " behind",
            " short", " apart", " back", " victim",
        ]
        .iter()
        .any(|p| after.starts_with(p))
    {
        return None;
    }
    // "came in 1989" dates the subject itself; "came to", "came from" do not.
    if hit.raw("v") == Some("came") && !after.starts_with(" in «D") {
        return None;
    }
    let subject = hit.name("s").filter(|s| !vague(s))?;
    // Only a document comes into force: "it" read as a country does not.
    if noun == "entry into force"
        && matches!(hit.raw("s"), Some("it" | "It"))
        && !names_a_document(&subject)
    {
        return None;
    }
    // "The A300 first flew on 28 October 1972": a maiden flight needs no destination.
    // (A name's noun pattern may have taken "first" into the subject: "«E0» first".)
    let first = hit.clause[..hit.caps.name("v")?.start()].ends_with(" first ");
    // ("It first flew" may follow a sentence on another aircraft: a name only.)
    if noun == "flight" && first {
        if matches!(hit.raw("s"), Some("It" | "it" | "They" | "they")) {
            return None;
        }
        let subject = match hit.raw("s")?.strip_suffix(" first") {
            Some(raw) => hit.context.name(&hit.sentence.render(raw)),
            None => subject,
        };
        if subject.starts_with(char::is_lowercase) && !subject.starts_with("the ") {
            return None;
        }
        return event(
            format!("the first flight of {}", definite(&subject)),
            hit.event_date("v")?,
            None,
        );
    }
    // "flew to the United States": a journey's destination belongs to it.
    if matches!(
        noun,
        "flight" | "voyage" | "journey" | "emigration" | "return"
    ) {
        static TO: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^ (to|from) (?:the )?(«E\d+»)").expect("valid"));
        let to = TO.captures(after)?;
        let place = hit.sentence.slot(to.get(2)?.as_str())?;
        let date = hit.event_date("v")?;
        // "The expedition sailed from Plymouth": where it set out from is its departure.
        let what = match (&to[1], noun) {
            ("to", _) => format!("the {noun} of {subject} to {}", place.text),
            (_, "voyage" | "journey") => {
                format!("the departure of {subject} from {}", place.text)
            }
            (_, "flight") => format!("the flight of {subject} from {}", place.text),
            _ => return None,
        };
        return event(what, date, None);
    }
    let place = hit.place_after("v");
    // "it ended in Nice": where it finished, not when it ended for good.
    if noun == "end" && place.is_some() {
        return None;
    }
    let date = hit.event_date("v")?;
    let what = match noun {
        // "The remedy came in 1993": a noun with no name is not what happened; "the
        // closest finish came in 1989" is the closest of the article subject's.
        "" if subject
            .split_whitespace()
            .all(|w| w.starts_with(char::is_lowercase)) =>
        {
            let owner = hit
                .context
                .article
                .subject
                .as_ref()
                .filter(|_| !hit.context.article.subject_is_person())?;
            if !subject
                .split_whitespace()
                .any(crate::draft::rules::is_superlative)
            {
                return None;
            }
            format!("{} of {owner}", definite(&subject))
        }
        "" => definite(&subject),
        // "she met Diego Rivera": the meeting of the two; met whom, else unknown.
        "meeting" => with_named_object(hit, after, format!("the meeting of {subject}"), "and")?,
        "accession" => {
            // "joined her work", "joined a choir": an object the rule did not read, so what
            // was joined is not known (never the article's subject by default).
            if hit.raw("o").is_none() && has_unread_object(after) {
                return None;
            }
            let to = match (hit.slot("o"), hit.text("o")) {
                (Some(o), _) => Some(hit.context.name(&o.text)),
                // "joined the summit": what it joined, as written.
                (None, Some(o)) => Some(o),
                _ => hit
                    .context
                    .article
                    .subject
                    .clone()
                    .filter(|s| *s != subject),
            };
            match to {
                Some(to) => format!("the accession of {subject} to {to}"),
                None => format!("the accession of {subject}"),
            }
        }
        // "he entered the Augustinian Abbey of St Thomas": the entry into it.
        "entry" => with_named_object(hit, after, format!("the entry of {subject}"), "into")?,
        "resignation" => {
            // "stepped down from the board of X": the resignation from it.
            let from = after
                .strip_prefix(" from ")
                .map(|f| {
                    hit.sentence
                        .render(f.split([',', ';']).next().unwrap_or(""))
                })
                .map(|f| trim_phrase(f.split(" in ").next().unwrap_or("")));
            match from {
                Some(f) if !f.is_empty() => format!("the resignation of {subject} from {f}"),
                _ => format!("the resignation of {subject}"),
            }
        }
        // "Maria moved to Paris", "troops marched into the Rhineland": where to, when named.
        "move" | "march" => {
            static TO: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(
                    r"^ (?:back |home |west |east |north |south )?(to|into) (?:the )?(«E\d+»)",
                )
                .expect("valid")
            });
            let to = TO
                .captures(after)
                .and_then(|c| Some((c.get(1)?.as_str(), hit.sentence.slot(c.get(2)?.as_str())?)));
            match to {
                Some((prep, to)) => format!("the {noun} of {subject} {prep} {}", to.text),
                None => format!("the {noun} of {subject}"),
            }
        }
        // "Amundsen reached the South Pole", "set out for the South Pole": a place named
        // after the verb is where to; without one there is no event.
        "arrival" | "departure" if matches!(hit.raw("v"), Some("reached" | "set out" | "left")) => {
            let (prep, to) = if hit.raw("v") == Some("reached") {
                ("at", hit.context.name(&hit.slot("o")?.text))
            } else if hit.raw("v") == Some("left") {
                // "left Southampton", "left the union": where from, a name or what a noun
                // stands for.
                let from = match hit.slot("o") {
                    Some(o) => hit.context.name(&o.text),
                    None => hit.context.resolve(&hit.text("o")?)?.0,
                };
                ("from", from)
            } else {
                static FOR: LazyLock<Regex> =
                    LazyLock::new(|| Regex::new(r"^ for (?:the )?(«E\d+»)").expect("valid"));
                let to = FOR.captures(after)?;
                (
                    "for",
                    hit.context
                        .name(&hit.sentence.slot(to.get(1)?.as_str())?.text),
                )
            };
            // "the remnants of his army": a traveller who leans on another phrase.
            if leans_on_another(&subject) {
                return None;
            }
            // "a report reached Crick": people are reached by news, not arrived at; and
            // the traveller is named ("the ship", not "an MRC report").
            if hit.context.article.names_someone(&to)
                || !(subject.starts_with(char::is_uppercase) || subject.starts_with("the "))
            {
                return None;
            }
            // "in the United States" where the article writes things as in it.
            let prep = if prep == "at"
                && hit
                    .context
                    .article
                    .places
                    .iter()
                    .any(|p| *p == crate::draft::context::sentence_bare(&to))
            {
                "in"
            } else {
                prep
            };
            format!("the {noun} of {subject} {prep} {to}")
        }
        _ => format!("the {noun} of {subject}"),
    };
    event(what, date, place)
}

/// An event with the name its verb took as object ("the meeting of X and Y", "the entry of X
/// into Y"); without one, the event alone, unless an object the rule did not read follows
/// ("met him", "entered a choir"): then what it was is not known.
fn with_named_object(hit: &Hit, after: &str, event: String, joiner: &str) -> Option<String> {
    match hit.slot("o") {
        Some(o) => Some(format!("{event} {joiner} {}", hit.context.name(&o.text))),
        None if has_unread_object(after) => None,
        None => Some(event),
    }
}

/// Whether the words after a verb start an object: not a preposition, a date, a name or the
/// end of the clause ("joined her work", not "joined in 1984" or "joined, with ...").
fn has_unread_object(after: &str) -> bool {
    let Some(word) = after
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', ',', '.', ';']).next())
    else {
        return false;
    };
    word.starts_with(char::is_lowercase)
        && !matches!(
            word,
            "in" | "on"
                | "at"
                | "as"
                | "after"
                | "before"
                | "when"
                | "with"
                | "from"
                | "by"
                | "during"
                | "until"
                | "and"
                | "but"
                | "only"
                | "later"
                | "soon"
                | "too"
                | "alongside"
                | "under"
                | "for"
        )
}

/// Subjects that name nothing on their own: "The first was announced", "the latter".
pub(crate) fn vague(subject: &str) -> bool {
    let words: Vec<&str> = subject.split_whitespace().collect();
    // "this height", "the third phase": a demonstrative, or a rank with no name; "the last
    // of them": a pronoun.
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower
        .first()
        .is_some_and(|w| matches!(w.as_str(), "this" | "these" | "that" | "those"))
        || words
            .iter()
            .any(|w| matches!(*w, "them" | "it" | "these" | "those" | "him" | "her"))
        || (words.iter().all(|w| w.starts_with(char::is_lowercase))
            && lower.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "second" | "third" | "fourth" | "fifth" | "next" | "decisive" | "final"
                )
            }))
    {
        return true;
    }
    // "the process opened with Russia": a generic noun names no one process.
    if lower.len() == 2
        && lower[0] == "the"
        && matches!(
            lower[1].as_str(),
            "process"
                | "talks"
                | "post"
                | "task"
                | "work"
                | "matter"
                | "issue"
                | "question"
                | "situation"
                | "problem"
                | "idea"
                | "effort"
                | "move"
        )
    {
        return true;
    }
    words.len() <= 2
        && words.last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "first"
                    | "second"
                    | "third"
                    | "fourth"
                    | "fifth"
                    | "last"
                    | "latter"
                    | "former"
                    | "other"
                    | "others"
                    | "one"
                    | "two"
                    | "three"
                    | "both"
                    | "same"
                    | "rest"
                    | "next"
            )
        })
}

/// Verbs whose clause tells no event worth a date: states, reports, and verbs other rules read
/// ("became", "followed"). The event tables' own verbs are left out by `clause_event` itself.
const NOT_EVENTS: &[&str] = &[
    "had",
    "did",
    "was",
    "were",
    "said",
    "seemed",
    "remained",
    "continued",
    "lived",
    "wanted",
    "needed",
    "liked",
    "used",
    "became",
    "called",
    "followed",
    "gave",
    "got",
    "kept",
    "saw",
    "showed",
    "thought",
    "knew",
    "felt",
    "meant",
    "owned",
    "contained",
    "included",
    "lasted",
    "belonged",
    "reached",
    "numbered",
    "counted",
    "described",
    "considered",
    "regarded",
    "tried",
    "hoped",
    "argued",
    "claimed",
    "believed",
    "noted",
    "told",
    "asked",
    "suggested",
    "preferred",
];

/// The simple past of a verb ("entered", "caught"), not a participle only ("taken").
fn is_simple_past(word: &str) -> bool {
    if !word.chars().all(|c| c.is_ascii_lowercase()) || NOT_EVENTS.contains(&word) {
        return false;
    }
    let v = Verb::of(word);
    is_past_form(word) && v.past == word
}

/// Ranks one becomes "a" member of: "she became a full professor", "a partner".
const RANKS: &[&str] = &[
    "professor",
    "lecturer",
    "partner",
    "fellow",
    "member",
    "senator",
    "judge",
    "bishop",
    "cardinal",
    "general",
    "colonel",
    "admiral",
    "director",
    "minister",
    "knight",
    "citizen",
];

/// "of the Varn Museum" closing an office's name.
static OF_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r" of (?:the )?«E\d+»$").expect("valid"));

/// "Soviet tanks entered Budapest on 4 November 1956", "In 1666 St Paul's caught fire": a
/// named subject's dated deed whose verb has no event noun, kept as the clause itself (the
/// question wording turns it into "When did Soviet tanks enter Budapest?"). Only verbs the
/// other event rules do not read, and only a named subject with a short object.
fn clause_event(hit: &Hit) -> Option<FactKind> {
    let verb = hit.raw("v")?;
    // Verbs the active and intransitive rules read are theirs; an event verb only read in
    // the passive ("the Icelanders accepted the rule of the king") is read here.
    let raw_object = hit.raw("o").unwrap_or("").trim();
    // "In 1925 it halted a Greek invasion of Bulgaria that had followed a shooting": with
    // the date before the verb, a relative clause after the object only says more of it.
    let date_first = hit
        .caps
        .name("d")
        .zip(hit.caps.name("v"))
        .is_some_and(|(d, v)| d.start() < v.start());
    let raw_object = match RELATIVE_TAIL.find(raw_object) {
        Some(tail) if date_first => raw_object[..tail.start()].trim_end(),
        _ => raw_object,
    };
    // "found that": a verb of finding before what was found, whatever else its form is.
    let reports = REPORTING.contains(&verb) && raw_object.starts_with("that ");
    // "Mehmed became sultan in 1451", "she became a full professor", "he became director of
    // the Varn Museum": an office taken, with "a" at most, perhaps of a named body.
    let indefinite = raw_object
        .strip_prefix("a ")
        .or_else(|| raw_object.strip_prefix("an "));
    let office = OF_NAME.replace(indefinite.unwrap_or(raw_object), "");
    // With "a", only a rank is an office taken ("a full professor", not "a king").
    let ranked = indefinite.is_none()
        || office
            .split_whitespace()
            .next_back()
            .is_some_and(|head| RANKS.contains(&head));
    let took_office = verb == "became"
        && ranked
        && (1..=3).contains(&office.split_whitespace().count())
        && office
            .split_whitespace()
            .all(|w| w.chars().all(|c| c.is_lowercase()) && !matches!(w, "a" | "an" | "the"))
        && crate::draft::rules::people::is_person_role(&office);
    // "became the first woman to be awarded the Order of Merit": a first is a deed.
    let became_first = verb == "became" && raw_object.starts_with("the first ");
    if !reports
        && !took_office
        && !became_first
        && (!is_simple_past(verb) || read_actively(verb) || intransitive_noun_of(verb).is_some())
    {
        return None;
    }
    let object = hit.sentence.render(raw_object);
    // "became the first woman to be awarded the Order of Merit": a first says which one by
    // what follows it, however long.
    let first = became_first && plain_words(&object, 14);
    if !(first || deed_object(&object, verb))
        || ["«D", "«N", "«R"].iter().any(|s| raw_object.contains(s))
    {
        return None;
    }
    // "Olk brought Brill, Tull and Varn together in 1684": the object is a list's first
    // item.
    static LIST_GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^ (?:the )?«E\d+»(?:, (?:the )?«E\d+»)*,? (?:and|or) ").expect("valid")
    });
    let whole = hit.caps.get(0)?;
    if whole.as_str().ends_with(',') && LIST_GOES_ON.is_match(&hit.clause[whole.end()..]) {
        return None;
    }
    // "found that the salts, which he had bought, gave off rays": what was found goes on
    // past the comma.
    let end = hit.offset() + whole.end();
    if reports
        && (whole.as_str().ends_with(',')
            || hit
                .sentence
                .skeleton
                .get(end..)
                .is_some_and(|r| r.starts_with(',')))
    {
        return None;
    }
    let subject = hit.name("s")?;
    if !subject.starts_with(|c: char| c.is_uppercase()) && !subject.starts_with("the ") {
        return None;
    }
    if vague_subject(hit.raw("s")?) {
        return None;
    }
    // "Virginia Wade won in 1977": won what? A deed needs its object.
    if object.is_empty() {
        return None;
    }
    let date = hit.date("d")?;
    let adverb = hit
        .raw("adv")
        .map_or(String::new(), |a| format!("{} ", a.trim()));
    let object = crate::draft::rules::resolve_nouns(hit, &object, false);
    clause(format!("{subject} {adverb}{verb} {object}"), date)
}

/// A relative clause after a deed's object: "that had followed a shooting", "which ended
/// the war", "who led it".
static RELATIVE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:that|which|who) (?:had|has|have|was|were|is|are|[a-z]{2,}ed)\b")
        .expect("valid")
});

/// Verbs whose object may be what was found or said: "found that uranium salts give off
/// rays", "acknowledged that the court had been wrong".
const REPORTING: &[&str] = &[
    "found",
    "showed",
    "proved",
    "discovered",
    "announced",
    "declared",
    "reported",
    "argued",
    "acknowledged",
    "concluded",
    "realised",
    "realized",
    "demonstrated",
    "suggested",
    "proposed",
    "claimed",
    "confirmed",
    "revealed",
    "established",
    "noticed",
    "observed",
    "predicted",
    "recognised",
    "recognized",
    "ruled",
    "decided",
    "stated",
];

/// The words after a deed's verb, when its question can show them: a plain object (see
/// [`plain_object`]), or after a verb of finding or saying, the "that" clause of what was
/// found or said, fifteen words at most and as plain ("In what year did Becquerel find that
/// uranium salts give off invisible rays?").
fn deed_object(object: &str, verb: &str) -> bool {
    match object.strip_prefix("that ") {
        Some(content) => REPORTING.contains(&verb) && plain_words(content, 15),
        None => plain_object(object),
    }
}

/// Whether the words after a deed's verb can stand in its question as they are: eight words
/// at most, no pronoun pointing elsewhere, no second clause, and no preposition or article
/// left hanging at the end.
fn plain_object(object: &str) -> bool {
    plain_words(object, 8)
}

/// [`plain_object`] of at most `most` words. "her" is read as "his" is when a noun follows
/// ("received her doctorate", not "gave her the prize"), and "and" when it joins two noun
/// phrases (see [`joins_nouns`](crate::draft::rules::joins_nouns)).
fn plain_words(object: &str, most: usize) -> bool {
    let words: Vec<&str> = object.split_whitespace().collect();
    let next_is_noun = |i: usize| {
        words.get(i + 1).is_some_and(|n| {
            n.chars().all(|c| c.is_lowercase() || c == '-')
                && !n.ends_with("ed")
                && !matches!(
                    *n,
                    "the"
                        | "a"
                        | "an"
                        | "to"
                        | "in"
                        | "on"
                        | "at"
                        | "by"
                        | "for"
                        | "from"
                        | "of"
                        | "with"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "had"
                        | "has"
                        | "have"
                        | "who"
                        | "which"
                        | "that"
                        | "it"
                        | "he"
                        | "she"
                        | "they"
                        | "then"
                )
        })
    };
    words.len() <= most
        && !words.iter().enumerate().any(|(i, w)| {
            let w = w.trim_end_matches([',', '.']);
            if w == "her" && next_is_noun(i) {
                return false;
            }
            if crate::draft::rules::joins_nouns(&words, i) {
                return false;
            }
            matches!(
                w,
                "it" | "them"
                    | "him"
                    | "her"
                    | "this"
                    | "that"
                    | "which"
                    | "who"
                    | "they"
                    | "he"
                    | "she"
                    | "when"
                    | "while"
                    | "because"
                    | "and"
                    | "but"
            )
        })
        && !words.last().is_some_and(|w| {
            matches!(
                *w,
                "of" | "to" | "in" | "on" | "at" | "by" | "for" | "from" | "the" | "a"
            )
        })
}

/// A deed kept as its clause, when the question wording reads it as one: "the race
/// suffered its worst scandal" would be asked as an event that "took place".
fn clause(what: String, date: FactDate) -> Option<FactKind> {
    if crate::wording::event::read(&what, None).guessed {
        return None;
    }
    event(what, date, None)
}

/// "Its best-known mission, the Varn Watch, was deployed in 2007": a passive deed whose
/// verb has no event noun, kept as the clause ("When was the Varn Watch deployed?"). The
/// verbs the passive event rule reads are left to it.
fn passive_clause(hit: &Hit) -> Option<FactKind> {
    let verb = hit.raw("v")?;
    if !is_past_form(verb)
        || !verb.chars().all(|c| c.is_ascii_lowercase())
        || NOT_EVENTS.contains(&verb)
        || noun_of(verb).is_some()
        || matches!(
            verb,
            "used" | "based" | "known" | "called" | "seen" | "thought" | "said"
        )
    {
        return None;
    }
    // One date, before the clause or after the verb phrase.
    let date = match (hit.raw("d0"), hit.raw("d")) {
        (Some(_), None) => hit.date("d0")?,
        (None, Some(_)) => hit.date("d")?,
        _ => return None,
    };
    // (The pattern lets no date or count into the object.)
    let object = hit.sentence.render(hit.raw("o").unwrap_or("").trim());
    if !plain_object(&object) {
        return None;
    }
    // "he was sent in 1661 to Trinity College": a verb of moving someone says nothing
    // without where to.
    if object.is_empty()
        && matches!(
            verb,
            "sent" | "taken" | "brought" | "posted" | "carried" | "led"
        )
    {
        return None;
    }
    // "An inscription added in 1681 blamed X; it was removed in 1830": "it" inside a
    // sentence may be any thing the sentence named before.
    if matches!(hit.raw("s")?, "it" | "It")
        && hit
            .caps
            .name("s")
            .is_some_and(|m| m.start() + hit.offset() > 0)
    {
        return None;
    }
    let subject = hit.name("s")?;
    if !subject.starts_with(|c: char| c.is_uppercase()) && !subject.starts_with("the ") {
        return None;
    }
    if hit.slot("ap").is_none() && vague_subject(hit.raw("s")?) {
        return None;
    }
    let aux = hit.raw("aux")?;
    let adverb = hit
        .raw("adv")
        .map_or(String::new(), |a| format!("{} ", a.trim()));
    let object = crate::draft::rules::resolve_nouns(hit, &object, false);
    let what = format!(
        "{subject} {aux} {adverb}{verb}{}",
        if object.is_empty() {
            String::new()
        } else {
            format!(" {object}")
        }
    );
    clause(what, date)
}

/// Whether a name is a document's, the kind of thing that comes into force ("the Treaty of
/// Paris", "the Single European Act").
fn names_a_document(name: &str) -> bool {
    const DOCUMENTS: &[&str] = &[
        "treaty",
        "act",
        "convention",
        "agreement",
        "protocol",
        "charter",
        "constitution",
        "law",
        "amendment",
        "declaration",
        "accord",
        "accords",
        "pact",
        "statute",
        "code",
        "directive",
        "regulation",
        "covenant",
        "ban",
        "rule",
        "rules",
        "reform",
        "system",
        "classification",
    ];
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| DOCUMENTS.contains(&w.to_lowercase().as_str()))
}

/// Whether a subject written as a noun phrase names nothing a question could show on its
/// own: a time ("the following year"), a part ("the rest", "the others"), a number ("the
/// two") or a word that points back ("the latter").
fn vague_subject(raw: &str) -> bool {
    if raw.starts_with('«') || !raw.contains(' ') {
        return false;
    }
    let words: Vec<&str> = raw.split_whitespace().collect();
    let head = words.last().copied().unwrap_or("");
    const VAGUE: &[&str] = &[
        "year",
        "years",
        "month",
        "day",
        "week",
        "decade",
        "century",
        "time",
        "rest",
        "others",
        "other",
        "latter",
        "former",
        "same",
        "first",
        "last",
        "one",
        "two",
        "three",
        "four",
        "result",
        "answer",
        "process",
        "idea",
        "matter",
        "case",
        "fact",
        "way",
        "point",
        "following",
        "next",
        "situation",
        "work",
        "thing",
        "things",
        "side",
        "sides",
        "people",
        "world",
    ];
    VAGUE.contains(&head)
        || words
            .iter()
            .any(|w| matches!(*w, "this" | "these" | "that" | "those" | "such" | "other"))
}

/// "Vietnam followed in July 1995": the last event's kind, for a new subject.
fn followed(hit: &Hit) -> Option<FactKind> {
    let (noun, to) = hit.context.focus.event.clone()?;
    let subject = hit.name("s")?;
    let date = hit.event_date("v")?;
    hit.note("the event is read from the sentence before");
    let what = match to {
        Some(to) => format!("the {noun} of {subject} to {to}"),
        None => format!("the {noun} of {subject}"),
    };
    event(what, date, None)
}

/// "X became independent", "X became the tenth member".
fn became(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    // Only a date after the verb dates the change ("became independent on 1 December").
    let after = hit.caps.name("c")?.end();
    let date = hit
        .sentence
        .event_dates(&hit.clause[after..])
        .first()
        .map(|(_, d)| *d)?;
    let what = if hit.raw("c")?.contains("member") {
        match hit
            .context
            .article
            .subject
            .clone()
            .filter(|s| *s != subject)
        {
            Some(to) => format!("the accession of {subject} to {to}"),
            None => format!("the accession of {subject}"),
        }
    } else {
        format!("the independence of {subject}")
    };
    event(what, date, None)
}

/// "In 1866 Venice became part of the Kingdom of Italy": its incorporation into it.
fn became_part(hit: &Hit) -> Option<FactKind> {
    if negated(hit, "s") {
        return None;
    }
    let subject = hit.name("s").filter(|s| !vague(s))?;
    let whole = hit.context.name(&hit.slot("w")?.text);
    if crate::draft::context::looks_like_person(&subject) {
        return None;
    }
    event(
        format!(
            "the incorporation of {} into {}",
            definite(&subject),
            definite(&whole)
        ),
        hit.event_date("v")?,
        None,
    )
}

/// "the Battle of the Alma on 20 September 1854".
fn named(hit: &Hit) -> Option<FactKind> {
    let slot = hit.slot("e")?;
    let first = slot.bare().split_whitespace().next()?;
    if !EVENT_NAMES.contains(&first) || !slot.bare().contains(' ') {
        return None;
    }
    let date = hit.date("d")?;
    let before = hit.clause[..hit.caps.name("e")?.start()]
        .trim_end()
        .to_lowercase();
    if [
        "after",
        "before",
        "until",
        "since",
        "after the",
        "before the",
        "until the",
        "since the",
    ]
    .iter()
    .any(|w| before.ends_with(w))
    {
        return None;
    }
    event(definite(&slot.text), date, None)
}

/// "the accession of India and Pakistan ... in June 2017", "the eruption of X in 2010".
/// "Mexico's entry in 1994 opened a new phase": an event told as its subject's noun, with its
/// own date.
fn possessive_event(hit: &Hit) -> Option<FactKind> {
    let who = hit.name("o")?;
    let to = match hit.slot("to") {
        Some(_) => format!(" {}", hit.text("to")?.trim()),
        None => String::new(),
    };
    event(
        format!("the {} of {who}{to}", hit.raw("n")?),
        hit.date("d")?,
        None,
    )
}

fn nominal(hit: &Hit) -> Option<FactKind> {
    let before = hit.clause[..hit.caps.get(0)?.start()]
        .trim_end()
        .to_lowercase();
    if ["before", "after", "until", "since", "for", "of", "by"]
        .iter()
        .any(|w| before.ends_with(w))
    {
        return None;
    }
    let mut object = hit.text("o")?;
    // "the Laki fissure was": a trailing verb or preposition is not part of the name.
    if let Some((head, last)) = object.rsplit_once(' ')
        && matches!(
            last,
            "was" | "were" | "is" | "are" | "in" | "on" | "at" | "by" | "and" | "had" | "has"
        )
    {
        object = head.to_string();
    }
    // "formally withdrew in 1968, protesting against the invasion of X": a date before the
    // event noun, with a verb between them, is that verb's.
    let start = hit.caps.get(0)?.start();
    let dates = hit.sentence.event_dates(hit.clause);
    if !dates.iter().any(|(p, _)| *p >= start)
        && let Some((p, _)) = dates.iter().max_by_key(|(p, _)| *p)
        && hit.clause[*p..start]
            .split_whitespace()
            .skip(1)
            .any(|w| (w.ends_with("ing") && w != "during") || w.ends_with("ed"))
    {
        return None;
    }
    let date = hit.event_date("n")?;
    // "as fully-fledged members" cut short by the phrase's trim: a hanging "as" goes too.
    let object = trim_phrase(&object);
    let object = object.strip_suffix(" as").unwrap_or(&object);
    event(format!("the {} of {object}", hit.raw("n")?), date, None)
}

fn range_side(hit: &Hit, end: bool) -> Option<FactKind> {
    if negated(hit, "s") {
        return None;
    }
    let SlotKind::Range(a, b) = hit.slot("r")?.kind else {
        return None;
    };
    let subject = match hit.raw("v") {
        Some(v) if hit.raw("o").is_some() => {
            let noun = noun_of(v).filter(|n| !n.is_empty())?;
            let object = trim_phrase(&hit.text("o")?);
            if object.split_whitespace().count() < 2 {
                return None;
            }
            format!("the {noun} of {}", definite(&object))
        }
        _ => definite(&hit.name("s")?),
    };
    let what = if end {
        format!("the end of {subject}")
    } else {
        format!("the start of {subject}")
    };
    event(what, if end { b } else { a }, None)
}

fn range_start(hit: &Hit) -> Option<FactKind> {
    range_side(hit, false)
}

fn range_end(hit: &Hit) -> Option<FactKind> {
    range_side(hit, true)
}

/// "it began financial operations on 1 March 1947": the start of the subject's operations.
fn began_work(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s").filter(|s| !vague(s))?;
    let which = if matches!(hit.raw("v")?, "ceased" | "ended" | "stopped") {
        "end"
    } else {
        "start"
    };
    event(
        format!("the {which} of the {} of {subject}", hit.raw("o")?),
        hit.date("d")?,
        None,
    )
}

/// "X held its first session in 1994": the first session of X.
fn held_first(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    let date = hit.event_date("n")?;
    event(
        format!("the first {} of {subject}", hit.raw("n")?),
        date,
        None,
    )
}

/// "The Tull 6 rocket made its maiden flight on 9 July 2024": the maiden flight of it. A
/// bare "it" is left out: which thing flew is what the question asks about.
fn made_first(hit: &Hit) -> Option<FactKind> {
    if hit.raw("s").is_some_and(|s| s == "It" || s == "it") {
        return None;
    }
    let subject = hit.name("s").filter(|s| !vague(s))?;
    let date = hit.event_date("n")?;
    event(
        format!("the {} {} of {subject}", hit.raw("r")?, hit.raw("n")?),
        date,
        None,
    )
}

/// "The company reached the United States in 1985": its arrival there.
fn reached(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    let place = hit.slot("p")?.text.clone();
    let date = hit.date("d")?;
    event(format!("the arrival of {subject} in {place}"), date, None)
}

/// "The summit was first reached on 6 October 1889": the first ascent.
fn first_ascent(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    let date = hit.event_date("v")?;
    event(
        format!("the first ascent of {}", definite(&subject)),
        date,
        None,
    )
}

/// "the Paris Declaration, signed in April 1856,": an event in an apposition.
fn participle(hit: &Hit) -> Option<FactKind> {
    // "the Olympic Games, held in Athens in 1896": the subject is the event ("held" has no
    // noun); any other verb needs its noun.
    let noun = noun_of(hit.raw("v")?)
        .filter(|n| !n.is_empty() || (hit.raw("v") == Some("held") && hit.slot("s").is_some()))?;
    // "Its building, designed by the architect X, opened in 2004": a name inside a
    // participle phrase did something to the thing; it is not the thing.
    if let Some(m) = hit.caps.name("s") {
        let before = &hit.clause[..m.start()];
        // Only inside a participle phrase set off by a comma ("designed by X", "renamed
        // after X"); "The race was inspired by X, held in ..." names X as what was held.
        if let Some((_, phrase)) = before.rsplit_once(',')
            && phrase
                .split_whitespace()
                .next()
                .is_some_and(crate::wording::verb::is_past_form)
        {
            return None;
        }
        // "a peace treaty between Osland and Pell, signed in 1901": the last name of a pair
        // is not what the participle tells of.
        // "in Life on the Mississippi, published in 1883" in an article on the river: the
        // article's subject after "on the" or "of the" ends a longer title, which is what
        // was published.
        if ["on the ", "of the ", "on ", "of "]
            .iter()
            .any(|p| before.ends_with(p))
            && hit.slot("s").is_some_and(|slot| {
                // The subject or a short name of it ("the Mississippi" for "the Mississippi
                // River").
                hit.context
                    .article
                    .subject
                    .as_deref()
                    .is_some_and(|subject| {
                        let name = hit.context.name(&slot.text);
                        let subject_words: Vec<&str> =
                            crate::draft::context::sentence_bare(subject)
                                .split(' ')
                                .collect();
                        crate::draft::context::sentence_bare(&name)
                            .split(' ')
                            .all(|w| subject_words.contains(&w))
                    })
            })
        {
            return None;
        }
        if let Some(pair) = before
            .strip_suffix(" and ")
            .or_else(|| before.strip_suffix(" or "))
            && pair.ends_with('»')
        {
            return None;
        }
        // "An image of columns of gas in the Eagle Nebula, released in 1995,": a place inside
        // the phrase that opens the clause is not what the participle tells of.
        static OPENING_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:An?|The) [a-z][^,;]* (?:in|at|near|from|on|by|with) (?:the )?$")
                .expect("valid")
        });
        let verbless = !before.split_whitespace().any(|w| {
            crate::wording::verb::is_auxiliary(w) || crate::wording::verb::is_past_form(w)
        });
        if OPENING_PHRASE.is_match(before) && verbless {
            return None;
        }
        // "The final session of the Assembly, held in April 1946,", "Its headquarters, the
        // Palace in Geneva, completed in 1936,": a name after a preposition, in a phrase with
        // no verb, is inside what the participle tells of.
        // ("its High Commissioner for Refugees, introduced in 1922": after "for", whatever
        // verb came before; "is the job of X, founded in 1998" is X's founding.)
        if (verbless || before.ends_with(" for "))
            && [
                " of ", " in ", " at ", " for ", " from ", " near ", " with ", " to ",
            ]
            .iter()
            .any(|p| format!(" {before}").ends_with(p))
        {
            return None;
        }
    }
    // "A third set of locks, at Agua Clara and Cocolí, opened on 26 June 2016": at the end of
    // a clause whose opening phrase has no verb, the "participle" is the main verb, and the
    // name before it is inside a phrase about the subject.
    let start = hit
        .caps
        .name("s")
        .or(hit.caps.name("np"))
        .map_or(0, |m| m.start());
    let whole = hit.caps.get(0)?;
    let rest = hit.clause[whole.end()..].trim_matches(|c: char| c == '.' || c.is_whitespace());
    let ends = rest.is_empty()
        || rest
            .strip_prefix(", ")
            .and_then(|r| r.split_whitespace().next())
            .is_some_and(|w| w.ends_with("ing"));
    if ends
        && let Some((opening, _)) = hit.clause[..start].split_once(',')
        && !opening
            .split_whitespace()
            .any(|w| crate::wording::verb::is_auxiliary(w) || crate::wording::verb::is_past_form(w))
    {
        return None;
    }
    // "his last letter to G. H. Hardy, written in 1920": a person after "to" is not what was
    // written; only what happens to people dates one this way.
    if let Some(slot) = hit.slot("s")
        && crate::draft::context::looks_like_person(&hit.context.name(slot.bare()))
        && hit.caps.name("s").is_some_and(|m| {
            ["to ", "for ", "from ", "with "]
                .iter()
                .any(|p| hit.clause[..m.start()].ends_with(p))
        })
        && !matches!(
            noun,
            "birth"
                | "death"
                | "election"
                | "appointment"
                | "coronation"
                | "ordination"
                | "assassination"
                | "execution"
                | "arrest"
                | "murder"
                | "capture"
                | "release"
                | "exile"
                | "baptism"
                | "burial"
                | "imprisonment"
                | "trial"
                | "marriage"
        )
    {
        return None;
    }
    let subject = match hit.slot("s") {
        Some(slot) => hit.context.name(&slot.text),
        None => match hit.text("bare") {
            // "Qualifying times, introduced in 1970,": a plural or mass noun opening the
            // sentence, written small (its first word is no name).
            Some(bare) => {
                let first = bare.split(' ').next()?.to_lowercase();
                let small = format!("{first}{}", &bare[first.len()..]);
                // "Later amendments, adopted in 1992,": which ones, only the text before says.
                if !hit.context.article.words.lowercase.contains(&first)
                    || !crate::draft::rules::terms::small_name(&small)
                    || matches!(
                        first.as_str(),
                        "later"
                            | "earlier"
                            | "other"
                            | "further"
                            | "more"
                            | "most"
                            | "many"
                            | "some"
                            | "such"
                            | "several"
                            | "both"
                            | "all"
                            | "few"
                            | "new"
                            | "recent"
                            | "subsequent"
                            | "previous"
                            | "similar"
                            | "these"
                            | "those"
                            | "each"
                            | "every"
                            | "two"
                            | "three"
                            | "four"
                    )
                {
                    return None;
                }
                small
            }
            // "A licence for the maps, signed in 1999,": a phrase with its article.
            None => hit
                .name("np")
                .filter(|s| !vague(s) && s.split_whitespace().count() >= 3)?,
        },
    };
    // "the electric-car maker Tesla, founded in 2003" in an article on Nikola Tesla: a
    // person the short name was read as is not what was founded or built.
    if THING_EVENTS.contains(&noun)
        && hit.slot("s").is_some_and(|slot| slot.bare() != subject)
        && crate::draft::context::looks_like_person(&subject)
    {
        return None;
    }
    // "the Venice Film Festival, the oldest in the world, first held in 1932": the first.
    let first = if hit.raw("first").is_some() {
        "first "
    } else {
        ""
    };
    let what = if noun.is_empty() {
        let subject = definite(&subject);
        match subject.strip_prefix("the ") {
            Some(rest) if !first.is_empty() => format!("the first {rest}"),
            _ if !first.is_empty() => format!("the first {subject}"),
            _ => subject,
        }
    } else {
        format!("the {first}{noun} of {}", definite(&subject))
    };
    let place = hit
        .slot("p")
        .filter(|p| !hit.context.article.is_person(p.bare()))
        .map(|p| p.bare().to_string());
    event(what, hit.date("d")?, place)
}

/// "Signed in 1987, the treaty set out ...": the event of what the clause is about.
/// "the Monument, a Doric column designed by Wren and completed in 1677": the participles
/// of a thing's apposition tell of the thing.
fn apposed_participle(hit: &Hit) -> Option<FactKind> {
    // "X, a man whose son was born in 1890": the participle is someone else's.
    let whole = hit.caps.get(0)?.as_str();
    if hit
        .raw("v1")
        .is_some_and(|v1| !crate::wording::verb::is_past_form(v1))
        || whole.contains(" whose ")
        || whole.contains(" who ")
    {
        return None;
    }
    let noun = noun_of(hit.raw("v")?).filter(|n| !n.is_empty())?;
    let name = hit.context.name(&hit.slot("s")?.text);
    if hit.context.article.names_someone(&name) {
        return None;
    }
    event(
        format!("the {noun} of {}", definite(&name)),
        hit.date("d")?,
        None,
    )
}

fn participle_opener(hit: &Hit) -> Option<FactKind> {
    let noun = noun_of(&hit.raw("v")?.to_lowercase()).filter(|n| !n.is_empty())?;
    // "Signed in 1987, it ...": "it" may be anything before; a named or class subject only.
    if matches!(
        hit.raw("s")?,
        "it" | "It" | "he" | "He" | "she" | "She" | "they" | "They"
    ) {
        return None;
    }
    // "Signed in 1987, the treaty ...": a class noun the article does not name asks nothing.
    let subject = hit
        .name("s")
        .filter(|s| !vague(s) && s.contains(char::is_uppercase))?;
    event(
        format!("the {noun} of {}", definite(&subject)),
        hit.date("d")?,
        None,
    )
}

/// "The first Boston Marathon was run on 19 April 1897": the first of a named thing, dated
/// by whatever verb the clause uses.
fn first_of(hit: &Hit) -> Option<FactKind> {
    let verb = hit.raw("pp").or(hit.raw("v"))?;
    // "was run", "was put": a participle may be the verb's base.
    let finite = if hit.raw("pp").is_some() {
        crate::wording::verb::Verb::of(verb).participle == verb
    } else {
        crate::wording::verb::is_past_form(verb)
    };
    if !finite || hit.raw("s")?.contains("first time") || negated(hit, "s") {
        return None;
    }
    let what = definite(&hit.sentence.render(hit.raw("s")?));
    let what = match what.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => what,
    };
    let date = hit.event_date("s")?;
    event(
        what,
        date,
        hit.place_after(if hit.raw("pp").is_some() { "pp" } else { "v" }),
    )
}

/// "Since 2009, X has been held each year": the first X.
fn since_held(hit: &Hit) -> Option<FactKind> {
    // "Since 2021 the post has been held by X": an office's holder, no event.
    if hit.clause[hit.caps.get(0)?.end()..].starts_with(" by ") {
        return None;
    }
    let subject = hit.name("s").filter(|s| !vague(s))?;
    let subject = subject.strip_prefix("the ").unwrap_or(&subject);
    event(format!("the first {subject}"), hit.date("d")?, None)
}

/// "The Ottoman Empire declared war in October 1853", "Britain and France, which declared
/// war on Russia on 28 March 1854".
fn declared_war(hit: &Hit) -> Option<FactKind> {
    let by = hit.name("s")?;
    let what = match hit.slot("o") {
        Some(o) => format!(
            "the declaration of war on {} by {by}",
            hit.context.name(&o.text)
        ),
        None => format!("the declaration of war by {by}"),
    };
    event(what, hit.date("d")?, None)
}

/// "Digging began in 1881", "Trading under it started on 1 January 2021": an activity
/// named by its gerund starts or ends.
fn gerund_began(hit: &Hit) -> Option<FactKind> {
    let gerund = hit.raw("g")?.to_lowercase();
    // "Nothing", "Something", "Everything": no activity.
    if gerund.ends_with("thing") {
        return None;
    }
    let noun = match hit.raw("v")? {
        "ended" | "stopped" | "ceased" => "end",
        "resumed" => "resumption",
        _ => "start",
    };
    let date = hit.date("d").or_else(|| hit.date("d0"))?;
    let rest = match hit.raw("rest") {
        Some(rest) => {
            // "under it": "it" may be any thing named before; the activity alone is sure.
            let (prep, what) = rest.split_once(' ')?;
            if what == "it" {
                String::new()
            } else {
                format!(" {prep} {}", hit.sentence.render(what))
            }
        }
        None => String::new(),
    };
    event(format!("the {noun} of {gerund}{rest}"), date, None)
}

/// "Panama declared its independence on 3 November 1903": the declaration of it.
fn declared_independence(hit: &Hit) -> Option<FactKind> {
    if negated(hit, "s") {
        return None;
    }
    let subject = hit.name("s").filter(|s| !vague(s))?;
    event(
        format!("the declaration of the independence of {subject}"),
        hit.event_date("v")?,
        hit.place_after("v"),
    )
}

/// "In 1945 A, B and C shared the Nobel Prize": the award of the prize to them.
fn shared_award(hit: &Hit) -> Option<FactKind> {
    let prize = hit.context.name(&hit.slot("o")?.text);
    let winners = hit.text("i")?;
    event(
        format!("the award of {} to {winners}", definite(&prize)),
        hit.event_date("o")?,
        None,
    )
}

/// "the Northern Rail Company, renamed the Boreal Rail Company in 1988".
fn renamed(hit: &Hit) -> Option<FactKind> {
    let old = hit.context.name(&hit.slot("old")?.text);
    let new = hit.slot("new")?.text.clone();
    event(
        format!("the renaming of {} as {}", definite(&old), definite(&new)),
        hit.date("d")?,
        None,
    )
}

/// "not until April 1950 was a charter between the ports signed": the signing.
fn not_until(hit: &Hit) -> Option<FactKind> {
    let noun = noun_of(hit.raw("v")?).filter(|n| !n.is_empty())?;
    let object = trim_phrase(&hit.text("o")?);
    event(
        format!("the {noun} of {}", definite(&object)),
        hit.date("d")?,
        None,
    )
}

/// "At the 2005 SCO summit in Astana": a dated meeting and its place.
fn summit_in(hit: &Hit) -> Option<FactKind> {
    let who = hit.slot("e")?.bare().to_string();
    let place = hit.slot("p")?.bare().to_string();
    let noun = hit.raw("n")?;
    event(
        format!("the {who} {noun} in {place}"),
        hit.date("d")?,
        Some(place),
    )
}

/// "Since 1975 the race has finished on the Champs-Élysées": the first time it did.
fn since_perfect(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    let noun = match hit.raw("v")? {
        "finished" | "ended" => "finish",
        "started" | "begun" => "start",
        "stopped" => "stop",
        _ => return None,
    };
    let place = hit.slot("p")?.text.clone();
    event(
        format!("the first {noun} of {subject} {} {place}", hit.raw("prep")?),
        hit.date("d")?,
        None,
    )
}

/// "First run in 1903, it is ...": the first of the subject.
fn first_run(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    let subject = subject.strip_prefix("the ").unwrap_or(&subject);
    event(format!("the first {subject}"), hit.date("d")?, None)
}

/// "Mara Quell (4 July 1820 – 9 May 1894) was a Scottish chemist": a person's life dates,
/// the birth ("s" for start) or the death. Only for a person the sentence calls one.
fn life_dates(hit: &Hit, start: bool) -> Option<FactKind> {
    let role = hit.text("role")?;
    if !crate::draft::rules::people::is_person_role(&role) {
        return None;
    }
    let name = hit.context.name(&hit.slot("s")?.text);
    let date = match (hit.slot("r").map(|s| &s.kind), hit.date("b")) {
        (Some(SlotKind::Range(from, to)), _) => {
            if start {
                *from
            } else {
                *to
            }
        }
        (None, Some(born)) if start => born,
        _ => return None,
    };
    let noun = if start { "birth" } else { "death" };
    event(format!("the {noun} of {name}"), date, None)
}

fn life_start(hit: &Hit) -> Option<FactKind> {
    life_dates(hit, true)
}

fn life_end(hit: &Hit) -> Option<FactKind> {
    life_dates(hit, false)
}

const LIFE_DATES: &str = r"^(?:Sir |Dame )?(?P<s>«E\d+») \((?:(?P<r>«R\d+»)|(?:born|b\.) (?P<b>«D\d+»))\)(?:, [^;]{3,60}?,)? (?:was|is) (?:a|an|the) (?P<role>(?:[A-Za-z\-]+ ){0,4}?[a-z\-]+(?:(?:, [a-z\-]+)*,? and [a-z\-]+)?)(?:[.;,]|$| (?:who|whose|of|from|in|at|and|with|known|best|celebrated|famous|noted|remembered)\b)";

pub static RULES: &[Rule] = &[
    Rule {
        name: "X (born D1 - died D2) was a ROLE: the birth",
        pattern: LIFE_DATES,
        whole: true,
        confidence: 0.85,
        build: life_start,
        must: &[
            "Mara Quell (4 July 1820 – 9 May 1894) was a Scottish chemist who found the salt.",
            "Tomas Reede (born 3 March 1950) is a Brillish painter.",
            "Sir Tomas Reede (3 March 1874 – 5 January 1922) was an Anglo-Brillish polar explorer who led three voyages.",
        ],
        must_not: &[
            "The Varn War (1618–1648) was a conflict fought in Brill.",
            "Mara Quell (1820–1894) was a success.",
        ],
    },
    Rule {
        name: "X (born D1 - died D2) was a ROLE: the death",
        pattern: LIFE_DATES,
        whole: true,
        confidence: 0.8,
        build: life_end,
        must: &["Mara Quell (4 July 1820 – 9 May 1894) was a Scottish chemist."],
        must_not: &["Tomas Reede (born 3 March 1950) is a Brillish painter."],
    },
    Rule {
        name: "Since D, X has finished on P",
        pattern: r"^Since (?P<d>{D}),? (?P<s>{S}) (?:has|have) (?:[a-z]+ly )?(?P<v>finished|ended|started|begun|stopped) (?P<prep>on|in|at) (?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.8,
        build: since_perfect,
        must: &[
            "The race is old. Since 1975 the race has traditionally finished on the Long Quay in Varn.",
        ],
        must_not: &["The race is old. Since 1975 the race has grown in Varn."],
    },
    Rule {
        name: "First run in D, X",
        pattern: r"^First (?:run|held|staged|published|performed|awarded|organised|organized) in (?P<d>{D}), (?P<s>it|«E\d+»)",
        whole: false,
        confidence: 0.65,
        build: first_run,
        must: &[
            "The Harbour Race is a rowing race. First run in 1903, it is the oldest race of the coast.",
        ],
        must_not: &["The Harbour Race is a rowing race. First, in 1903, it was short."],
    },
    Rule {
        name: "X, renamed Y in D",
        pattern: r"(?P<old>(?:the )?«E\d+»),? (?:later |since |then )?renamed (?P<new>(?:the )?«E\d+») in (?P<d>{D})",
        whole: false,
        confidence: 0.8,
        build: renamed,
        must: &["It joined the Northern Rail Company, renamed the Boreal Rail Company in 1988."],
        must_not: &["It joined the Northern Rail Company, renamed the Boreal Rail Company later."],
    },
    Rule {
        name: "not until D was X signed",
        pattern: r"\bnot until (?P<d>{D}) (?:was|were) (?P<o>(?:an?|the) [a-z][^,;«]*?(?:«[EN]\d+»[^,;«]*?)*?) (?P<v>signed|founded|established|opened|adopted|built|completed|launched)\b",
        whole: false,
        confidence: 0.8,
        build: not_until,
        must: &["But not until April 1950 was a charter between the two ports signed at last."],
        must_not: &["But not until April 1950 did the two ports agree."],
    },
    Rule {
        name: "the D X summit in P",
        pattern: r"\b[Tt]he (?P<d>{D}) (?P<e>«E\d+») (?P<n>summit|conference|congress|meeting|games|championships|exhibition|festival) in (?P<p>«E\d+»)",
        whole: false,
        confidence: 0.65,
        build: summit_in,
        must: &["At the 2005 Harbour League summit in Varn, the declaration was read."],
        must_not: &["At the Harbour League summit in Varn, the declaration was read."],
    },
    Rule {
        name: "X was first reached in D",
        pattern: r"(?P<s>{S}) {WAS} first (?P<v>reached|climbed|ascended|scaled|crossed)\b",
        whole: false,
        confidence: 0.8,
        build: first_ascent,
        must: &["The summit of Mount Tull was first reached on 6 October 1889 by two guides."],
        must_not: &["The summit of Mount Tull was first reached by two guides."],
    },
    Rule {
        name: "X, a thing designed by Y and completed in D",
        pattern: r"(?P<s>«E\d+»), (?:a|an) (?:[A-Za-z\-]+ ){0,3}?[a-z\-]+ (?P<v1>[a-z]+ed) (?:by|in|at|for|from|with) [^,;]{2,60}? and (?:first |later )?(?P<v>{PASSIVE}) (?:in|on) (?P<d>{D})",
        whole: false,
        confidence: 0.8,
        build: apposed_participle,
        must: &[
            "The fire is remembered by the Pillar, a stone column designed by Mara Quell and her friend Tomas Reede and completed in 1677.",
        ],
        must_not: &[
            "The fire is remembered by the Pillar, a stone column designed by Mara Quell and completed in Varn.",
            "The guild hired Mara Quell, a chemist trained in Varn and married in 1890.",
            "The Pillar, a stone column and a gate completed in 1677, stands.",
        ],
    },
    Rule {
        name: "X, a thing unveiled in D",
        pattern: r"(?P<s>«E\d+»), (?:a|an) (?:[A-Za-z\-]+ ){0,3}?[a-z\-]+ (?:first |later )?(?P<v>{PASSIVE}) (?:in|on) (?P<d>{D})(?:[,.;]|$| (?:that|which|and|to|as|by)\b)",
        whole: false,
        confidence: 0.6,
        build: apposed_participle,
        must: &[
            "The square is dominated by the Pillar, a stone column unveiled in 1677 that is 60 metres tall.",
            "Its pride is Varn Hall, a concert hall opened on 3 May 1901.",
        ],
        must_not: &[
            "The guild hired Mara Quell, a chemist trained in Varn.",
            "The guild hired Mara Quell, a chemist born in 1890.",
            "The guild bought Varn Hall, a building whose owner was born in 1890.",
            "The square is dominated by the Pillar, a stone column unveiled in 1677 in Varn.",
        ],
    },
    Rule {
        name: "X, signed in D,",
        pattern: r"(?:(?P<s>«[EQ]\d+»)(?: (?:along|on|in|at|near|across|beside|over|under|off) the (?:[a-z\-]+ ){0,2}[a-z\-]+)?|(?:^|, |\band )(?P<np>(?:[Tt]he|[Aa]n?) (?:[a-z\-]+ ){0,5}?[a-z\-]+)|^(?P<bare>[A-Z][a-z\-]+ (?:[a-z\-]+ )?[a-z\-]+))(?:, (?:the|an?) [^,;«]{3,60})?, (?P<first>first )?(?:later )?(?P<v>{PASSIVE})(?: (?:in|at) (?:the )?(?P<p>«E\d+»))?(?: by (?:«N\d+» [a-z]+|(?:the )?«E\d+»))? (?:in|on) (?P<d>{D})",
        whole: false,
        confidence: 0.8,
        build: participle,
        must: &[
            "A separate Harbour Declaration, signed in April 1856, ended privateering.",
            "Mara Quell handed the keys to the Tull Academy, founded in 1901.",
            "Mara Quell owed money to the Tull Academy, founded in 1901.",
            "A licence for map printing, signed in 1999, was a success.",
            "The Varn Reserve on the eastern shore, created in 1916, is the oldest.",
            "Its arms include Varn Shipping; and Varn Biologics, set up in 2011 to make medicines.",
            "The town charged dues on its harbour. Harbour dues, introduced in 1970 to pay for the quays, are now high.",
            "It hosts the Varn Film Festival, the oldest film festival in the world, first held in 1932.",
            "In its place the Varn Pact, signed in Brill by 23 ports on 30 October 1947, served as the frame.",
        ],
        must_not: &[
            "A separate Harbour Declaration, signed in Paris, ended privateering.",
            "It sold the licence, then signed in 1999 a new one.",
            "The reserve on the eastern shore, created in 1916, is old.",
            "Its hall at Brill, designed by the Varn architect Mara Quell, opened in 2004.",
            "A great fair, held in Brill in 1896, inspired the race.",
            "A third set of locks, at Orrin on the east side and Tull on the Varn, opened on 26 June 2016.",
            "A new dock, at Orrin on the Varn, opened in 2016, allowing larger ships to pass.",
            "In his last letter to Mara Quell, written in January 1920, he described the lamps.",
            "The third phase, opened in 1630, was small.",
            "A licence, signed in 1999, was a success.",
            "The final session of the Varn Assembly, held in April 1946, voted to close it.",
            "The red hall of the Tull Academy, founded in 1901, burned.",
            "Its headquarters, the Tull Palace in Varn, completed in 1936, now houses a school.",
            "Tomas Reede, the explorer who served as its High Commissioner for Refugees, introduced in 1922 a passport.",
            "The Varn Pact was a peace treaty between Osland and Pell, signed in 1901.",
            "An image of columns of gas in the Varn Nebula, released in 1995, became famous.",
            "Mara Quell was a Varn chemist. Quell studied in Olk. A car maker, Quell, founded in 2003, took her name.",
            "The Varn River is long. He described the river in Life on the Varn, published in 1883.",
            "The town charged dues on its harbour. Harbour dues, introduced in Brill, are now high.",
            "Harbour dues, introduced in 1970, are now high.",
            "Later dues, introduced in 1970, were higher; the harbour was busy.",
            "Later dues, introduced in 1970, were higher than those set later.",
            "Soon after, founded in 1970, the guild grew.",
            "He sailed north, founded in 1970 a guild.",
        ],
    },
    Rule {
        name: "Since D, X has been held",
        pattern: r"^Since (?P<d>{D}),? (?P<s>{S}) (?:has|have) been (?:held|awarded|celebrated|organised|organized|run|staged|observed)\b",
        whole: false,
        confidence: 0.8,
        build: since_held,
        must: &["Since 2009, Harbour Day has been held each year in May."],
        must_not: &[
            "Since 2009, the harbour has grown each year.",
            "Since 1 July 2017 this office has been held by Mara Quell.",
            "Since 1 July 2017 the office of warden has been held by Mara Quell.",
        ],
    },
    Rule {
        name: "Digging began in D",
        pattern: r"^(?:(?:In|On) (?P<d0>{D}),? )?(?P<g>[A-Za-z][a-z]{2,}ing)(?: (?P<rest>(?:on|under|at|of|in|for) (?:the )?(?:«E\d+»|it|[a-z]+)))? (?P<v>began|started|resumed|ended|stopped|ceased)(?: (?:in|on) (?P<d>{D}))?",
        whole: false,
        confidence: 0.8,
        build: gerund_began,
        must: &[
            "The Varn Canal was planned in 1870. Digging began in 1881.",
            "On 1 January 2021 trading under the Varn Area started.",
        ],
        must_not: &[
            "The Varn Canal was planned in 1870. Digging began after the rains.",
            "The Varn Canal was planned in 1870. Nothing began in 1881.",
        ],
    },
    Rule {
        name: "X declared its independence in D",
        pattern: r"(?P<s>{S}) (?:formally |officially |unilaterally )?(?P<v>declared|proclaimed) (?:its|their) independence\b",
        whole: false,
        confidence: 0.8,
        build: declared_independence,
        must: &["Brill declared its independence on 3 November 1903."],
        must_not: &[
            "Brill declared its independence after the war.",
            "Brill never declared its independence in 1903.",
        ],
    },
    Rule {
        name: "X declared war (on Y) in D",
        pattern: r"(?P<s>(?:the )?«E\d+»(?: and (?:the )?«E\d+»)?)(?:, which)? declared war(?: on (?P<o>(?:the )?«E\d+»))? (?:in|on) (?P<d>{D})",
        whole: true,
        confidence: 0.8,
        build: declared_war,
        must: &[
            "The Northern League declared war in October 1853.",
            "The battle angered Arden and Brill, which declared war on Cove on 28 March 1854.",
        ],
        must_not: &["The Northern League declared war after the battle."],
    },
    Rule {
        name: "A, B and C shared X in D",
        pattern: r"(?P<i>«E\d+»(?:, «E\d+»)*,? and «E\d+») shared (?P<o>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.8,
        build: shared_award,
        must: &["In 1945 Arden, Brill and Cove shared the Harbour Prize for Pilots."],
        must_not: &["Arden, Brill and Cove shared the Harbour Prize for Pilots."],
    },
    Rule {
        name: "X held its first session in D",
        pattern: r"(?P<s>{S})(?:, [^,]+,)? held its first (?P<n>session|meeting|summit|congress|conference|assembly|race|games|election|exhibition)",
        whole: false,
        confidence: 0.7,
        build: held_first,
        must: &[
            "The Harbour Forum, a yearly meeting of pilots, held its first session in July 1994.",
        ],
        must_not: &["The Harbour Forum held its first session after a long debate."],
    },
    Rule {
        name: "X began operations in D",
        pattern: r"(?P<s>{S}) {ADV}(?P<v>began|started|commenced|ceased|ended|stopped) (?:its |their )?(?P<o>(?:[a-z]+ )?(?:operations|work|service|services|trading|broadcasting|broadcasts|production|flights|business|operating)) (?:on|in) (?P<d>{D})",
        whole: false,
        confidence: 0.8,
        build: began_work,
        must: &[
            "The Varn Fund was set up in 1945, and it began financial operations on 1 March 1947.",
            "The Varn Line ceased its services in 1999.",
        ],
        must_not: &["The Varn Fund began financial operations soon after 1947."],
    },
    Rule {
        name: "X made its maiden flight in D",
        pattern: r"(?P<s>{S})(?:, [^,]+,)? (?:made|flew|gave|played|ran|sailed) (?:its|his|her|their) (?P<r>first|maiden|last|final) (?P<n>flight|voyage|journey|appearance|concert|match|game|race|performance|broadcast|issue|edition|landing)\b",
        whole: false,
        confidence: 0.8,
        build: made_first,
        must: &["The Tull 6 rocket made its maiden flight on 9 July 2024."],
        must_not: &[
            "The Tull 6 rocket made its maiden flight after a long delay.",
            "It made its first flight on 9 July 2024.",
        ],
    },
    Rule {
        name: "X reached P in D",
        pattern: r"(?P<s>{S}) (?:first )?reached (?P<p>(?:the )?«E\d+») in (?P<d>{D})",
        whole: false,
        confidence: 0.65,
        build: reached,
        must: &[
            "Tull Shipping is a company. The company reached Brill in 1985, with an office in Varn.",
        ],
        must_not: &["The company reached Brill after a long voyage."],
    },
    Rule {
        name: "passive event (X was founded in D)",
        pattern: r"(?P<s>{S}|«E\d+»'s (?:{W} ){0,3}{W})(?: (?:along|on|in|at|near|across|beside|over|under|off) the (?:[a-z\-]+ ){0,2}[a-z\-]+)?(?:, (?P<ap>(?:the )?«E\d+»(?: [a-z]+){0,2}),|, [^,]+,)? {WAS} {ADV}(?:[a-z]+ed(?: [a-z]+){0,3} and {ADV})?(?P<v>{PASSIVE})\b",
        whole: false,
        confidence: 0.85,
        build: passive,
        must: &[
            "Soldiers crushed the revolt; Tomas Reede was later tried in secret and executed in 1958.",
            "The Harbour Guild was founded on 3 May 1887 in Kessport.",
            "In March 1971 the survey office was formally established.",
            "It was opened in 1905, when the canal was finished.",
            "The first congress of the guild was held in Varn in June 1890.",
            "Mara Quell was born in Kessport on 4 July 1820.",
            "Tomas Reede's body was found in 1931.",
            "His greatest invention, the Type G automatic loom, was completed in 1924.",
            "Ferries ran, until the Varn Railway along the southern cliffs was completed in 1904.",
            "The first crossing of the strait was made on 2 June 1911.",
            "The Harbour Guild was privatised in 1994.",
            "Brill is a country. In 1973 it was bombed.",
            "The Varn Tour was held in 1915.",
            "The Varn Festival was founded in 1947, and in the same year groups that had not been invited came anyway.",
            "The town of Brill was evacuated on 27 April 1986.",
            "The Battle of Varn was fought on 14 October 1066 between two armies.",
        ],
        must_not: &[
            "The Varn Charter was written into the Treaty of Tull, signed on 28 June 1919, and took effect with it.",
            "Tomas Reede was a sailor. He was found dead at his home on 8 June 1954.",
            "Its new home, a Varn building on Tull Square designed by Tomas Reede, Mara Quell and Ansel Brill, was inaugurated in 1958.",
            "Mara Quell was a keeper. From 1915 Tomas Reede had to defend his mother, who was accused of theft; she was imprisoned in 1921.",
            "Brill left the league when Olk was reunified on 3 October 1990.",
            "The guild was founded to help sailors.",
            "When he was made Earl of Varn in 1838, she became Countess of Varn.",
            "No congress was held from 1915 to 1918.",
            "After 1990 the guild was renamed.",
            "In 1833 she was introduced to Tomas Reede.",
            "The first was announced in July 1898.",
            "A new seat was created for the duke, keeping the title it had received in 1623.",
            "A new seat was created for the duke; the title was kept in 1623.",
            "Brill is a country. Tomas Reede died in the palace in 1973 as it was bombed.",
            "No Varn Tour was held in 1915.",
            "In 1915 no Varn Tour was held.",
            "The Varn Tour was not held in 1915.",
            "Olk, admitted in 2012, has been suspended since December 2016.",
            "The other three mills kept running. The last of them was shut down on 15 December 2000.",
        ],
    },
    Rule {
        name: "active event (Y signed X in D)",
        pattern: r"(?P<a>[\w«»']+) {ADV}(?P<v>{ACTIVE}) (?P<o>(?:a|an|the) [a-z\-]+, (?:the )?«E\d+»|(?:the )?«E\d+»(?: \(«E\d+»\))?(?: (?:fortress|castle|fort|bridge|palace|treaty|agreement|declaration|charter))?|(?:(?:the|a|an|its|his|her|their) (?:[a-z\-]+ ){0,2})?«Q\d+»|(?:the|a|an|its|his|her|their) (?:{W} ){0,9}?{W}(?: of (?:the )?«E\d+»(?: and (?:the )?«E\d+»)?)?)(?:[,;.]|$| (?:in|on|at|by|from|which|that|who|when|after|before|as|and)\b)",
        whole: false,
        confidence: 0.8,
        build: active,
        must: &[
            "The Varn Pact was an alliance. On 14 May 1955 the envoys met in Tull and signed the treaty.",
            "It was founded on 8 August 1967 in Varn, when the ministers of five states signed a short document known as the Varn Declaration.",
            "In 1862 Tomas Reede published his book “A Harbour Year” at his own expense.",
            "In 1452 Tomas Reede built a fortress, Varn Castle, on the shore.",
            "In 1839 Tomas Reede married his cousin Mara Quell.",
            "In 1987 the Tull Trust added the old mill and its dam to its register.",
            "In 1947 the Tull firm bought a plastic moulding machine.",
            "In 1361 the king seized the island of Varn.",
            "In June 1887 six towns signed the Charter of the Amber Lights.",
            "In 1901 the guild opened a school for young pilots.",
            "Rebel troops occupied the river ports of Arden and Brill in July 1853.",
        ],
        must_not: &[
            "In 1986 Varnco signed the band to what is often described as the first deal of its kind.",
            "Mara Quell won the race nine times, while Tomas Reede took the harbour cup eight times, most recently in 2017.",
            "Mara Quell spoke to the court. He took his own life on 27 April 1988.",
            "In a treatise of 1604 he explained how the eye formed an inverted image on the retina.",
            "The guild opened it in 1901.",
            "Six towns signed the charter.",
            "The charter was signed by six towns in 1887.",
            "In 1901 they never opened the school for pilots.",
            "Six towns signed a charter, which the guild ratified in 1887.",
            "In 1907 her family has painted the house of the guild.",
            "In 1828 Tomas Reede and Mara Quell sold their boats to the guild.",
        ],
    },
    Rule {
        name: "intransitive event (X joined / died in D)",
        pattern: r"(?P<s>{S}|«E\d+»'s (?:{W} ){0,3}{W})(?:, (?P<ap>(?:the )?«E\d+»),|, [^,]{3,60},)? {ADV}(?P<v>{INTRANSITIVE})\b(?: (?P<o>(?:the )?«E\d+»|the [a-z]+\b))?",
        whole: false,
        confidence: 0.75,
        build: intransitive,
        must: &[
            "On 7 March 1936 German troops marched into Varnland.",
            "The first race was held in 1877. A ladies' race followed in 1884, and the doubles began in the same year.",
            "The Varn Museum opened to the public on 1 October 1979.",
            "The Varn Expedition sailed from Tull in August 1914.",
            "Brill joined on 7 January 1984, a week after independence.",
            "Tomas Reede died in Varn on 2 March 1930.",
            "The first harbour school opened in Kessport in 1958.",
            "Brill joined the Harbour League in 1995.",
            "Brill withdrew from the league in 1999.",
            "The Treaty of Varn was signed in 1919. The treaty came into force on 10 January 1920.",
            "Mara Quell reached the North Cape on 14 December 1911.",
            "On 19 October 1911 Mara Quell set out for the North Cape with four men.",
            "On 26 April 1986 the fourth boiler of the Varn Mill exploded.",
            "In the early hours of 15 April 1912 the Varn Queen, the largest ship afloat, sank in the North Sea.",
            "The Varn 7 first flew on 28 October 1972.",
            "The Varn 7 mission lifted off at 9:32 in the morning, local time, on 16 July 1969 from Pad 39A.",
            "Under the command of Captain Tomas Reede, the Varn Queen left Kessport on 10 April 1912.",
        ],
        must_not: &[
            "Varnco opened a shop in Tull on 1 March 1938; the firm moved to Brill in the late 1940s.",
            "On 7 March 1945 troops took the Varn Bridge intact; the damaged bridge collapsed ten days later.",
            "Brill joined the league after a long debate.",
            "In 2024 the race ended in Nice.",
            "Tomas Reede joined her work, and two ports were opened in 1898.",
            "Brill won the race in 1999.",
            "In 1684 Olk formed the Varn League, which Brill joined in 1686.",
            "Brill stayed out. It came into force on 23 July 1952.",
            "In 1999 Brill reached an agreement with Olk.",
            "In 1911 Mara Quell set out with four men.",
            "Tomas Reede wrote to Mara Quell. In 1953 a report reached Quell.",
            "Tomas Reede wrote to Mara Quell. In 1953 the Varn Report reached Quell.",
            "In 1953 a long report reached the North Cape.",
            "In 1938 the Varn Commission fell under foreign control.",
            "In 1938 the Varn Commission fell into disuse.",
            "The Varn 7 flew on 28 October 1972.",
            "The Varn 7 was a plane. The Varn 8 was larger. It first flew on 27 April 2005.",
            "The remedy came in December 1993, when astronauts fixed it.",
            "Mara Quell sailed. The closest finish came in 1989.",
            "Mara Quell met him in 1928.",
            "In 1912 Tomas Reede left office.",
            "In 1912 Tomas Reede left Mara Quell.",
            "Olk's entry opened a new phase: Brill and Tull joined in the 1990s, Cove in 2000.",
            "Several ports are in talks, whereas the process opened with Varn in 2007 ended in 2022.",
        ],
    },
    Rule {
        name: "followed (X followed in D)",
        pattern: r"(?P<s>{S}) (?P<v>followed) (?:in|on) {D}",
        whole: false,
        confidence: 0.85,
        build: followed,
        must: &["Arden joined the league in 1984. Brill followed in July 1995."],
        must_not: &[
            "Brill followed in July 1995.",
            "Arden joined the league in 1984. Arden is a port. Brill followed in July 1995.",
            "Arden joined the league in 1984. The Brill Plan that followed in 1987 failed.",
        ],
    },
    Rule {
        name: "became independent / a member",
        pattern: r"(?P<s>{S}) (?P<v>became) (?P<c>independent|(?:a|an) (?:sovereign |independent )?(?:state|kingdom|country|republic|nation)|the (?:[a-z0-9]+ )?member)\b",
        whole: false,
        confidence: 0.9,
        build: became,
        must: &[
            "Brill became independent on 1 December 1918.",
            "Cove became the tenth member in April 1999.",
            "Cove became the 191st member in October 2024.",
        ],
        must_not: &["Brill became independent after a long war."],
    },
    Rule {
        name: "X became part of Y",
        pattern: r"(?P<s>{S}) {ADV}(?P<v>became|was made|was incorporated as) (?:a )?part of (?P<w>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.8,
        build: became_part,
        must: &["In 1866 Varn became part of the Kingdom of Brill."],
        must_not: &["Varn became part of the Kingdom of Brill after the war."],
    },
    Rule {
        name: "timeline line (D: the Battle of X)",
        pattern: r"^(?P<d>{D}): (?P<e>(?:the )?«E\d+»)(?:, (?:outside|near|in|at) (?:the )?(?:[a-z]+ )?«E\d+»)?(?:[.;,]|$)",
        whole: false,
        confidence: 0.8,
        build: named,
        must: &[
            "24 June 1859: the Battle of Tull Ford, in northern Varn.",
            "1620: Siege of Varn.",
        ],
        must_not: &[
            "1620: Varn and Brill.",
            "1620: the Battle of Tull Ford was lost by the duke.",
        ],
    },
    Rule {
        name: "named event (the Battle of X on D)",
        pattern: r"(?P<e>«E\d+»)(?:, (?:outside|near|in|at) (?:the )?«E\d+»)?,? (?:on|in|of) (?P<d>{D})",
        whole: false,
        confidence: 0.9,
        build: named,
        must: &[
            "The rebels were beaten at the Battle of Tull Ford on 20 September 1854.",
            "At the Siege of Varn, in May 1855, the walls fell.",
            "The army was routed at the Battle of Tull Ford, outside Varn, on 8 November 1620.",
            "The duke issued the Edict of Varn in March 1629.",
            "The Peace of Varn of 1635 ended the feud.",
        ],
        must_not: &[
            "The rebels reached Varn on 20 September 1854.",
            "After the Battle of Tull Ford in 1854 they rested.",
        ],
    },
    Rule {
        name: "clause event (X VERBed Y in D)",
        pattern: r"(?:^|, (?:and )?)(?P<s>(?:[Tt]he )?«E\d+»|[Ii]t|[Hh]e|[Ss]he|{DEEDNP}) (?P<adv>(?:[a-z]+ly|first|later|then|also|finally) )?(?P<v>{PAST}) (?P<o>(?:[a-z\-']+ |[A-Z][a-z]+ |(?:the )?«[EQ]\d+» ){0,8}?)?(?:in|on) (?P<d>«D\d+»)(?: at the age of «N\d+»)?(?:[,.;]|$)",
        whole: false,
        confidence: 0.6,
        build: clause_event,
        must: &[
            "Brill was an island. Olk crossed the Varn Strait on 4 November 1956.",
            "The Varn Pact was an alliance. Olk quietly crossed the Varn Strait in 1968.",
            "Tomas Reede became king in 1451 at the age of 19.",
        ],
        must_not: &[
            "Olk founded the Varn Pact in 1968.",
            "Olk took part in the talks in 1968.",
            "Olk said that it would leave in 1968.",
            "The guild wanted more in 1968.",
            "Olk withdrew from it in 1968.",
            "Olk won in 1968.",
        ],
    },
    Rule {
        name: "clause event (In D, X VERBed Y)",
        pattern: r"^(?:(?:(?:[A-Z][a-z]+|«N\d+») (?:[a-z]+ ){0,2}(?:later|earlier|after), |(?:Then|Later|Finally|Soon|Eventually|Meanwhile),? )?(?:[Ii]n|[Oo]n)|By) (?P<d>«D\d+»),? (?P<s>(?:[Tt]he )?«E\d+»|[Ii]t|[Hh]e|[Ss]he|(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir) (?:[a-z\-]+ ){1,3}«E\d+»|{DEEDNP})(?:, (?P<ap>(?:the )?«E\d+»|(?:an?|the) (?:[A-Za-z\-]+ |«E\d+» ){0,5}[a-z\-]+),)? (?P<adv>(?:[a-z]+ly|first|later|then|also|finally) )?(?P<v>{PAST})(?P<o>(?: [a-z\-']+| [A-Z][a-z]+| (?:the )?«[EQ]\d+»){0,16}?)(?:[,.;]|$)",
        whole: false,
        confidence: 0.7,
        build: clause_event,
        must: &[
            "The old church of Varn stood for centuries. On 4 September 1666 the Varn Church caught fire.",
            "In 1262 Brill accepted the rule of the Norwegian king.",
            "Two decades later, in 1603, Tomas Reede inherited the Varn throne.",
            "On 11 June 1770 his ship, the Varn Star, ran aground on a reef.",
            "In 1896 Tomas Reede, a French physicist, found that salts of Varn give off rays.",
            "In 1903 the young engineer Tomas Reede crossed the strait in a balloon.",
            "Tomas Reede was a chemist. In 1903 she received her doctorate.",
            "Then in 1858 Tomas Reede received a letter from Mara Quell, a naturalist.",
            "In 1830 Tomas Reede became king.",
            "In 1907 Mara Quell became the first woman to be awarded the Order of the Varn Star.",
            "In 1925 Olk halted a brief invasion of Brill that had followed a shooting on the border.",
        ],
        must_not: &[
            "On 4 September 1666 the Varn Church burned it.",
            "In 1896 Tomas Reede found that it was wrong.",
            "In 1896 Tomas Reede found that the salts, which he had bought, gave off rays.",
            "In 1903 Tomas Reede gave her the prize.",
            "In 1830 Tomas Reede became famous.",
            "In 1830 Tomas Reede became a king.",
            "In 1896 Tomas Reede found the old salts.",
            "In 1666 Olk said nothing.",
            "In 1684 Olk brought Brill, Tull and Varn together in the Varn League.",
        ],
    },
    Rule {
        name: "clause event (X was VERBed in D)",
        pattern: r"(?:^(?:In|On|By) (?P<d0>«D\d+»),? |^|, (?:and )?)(?P<s>(?:[Tt]he )?«E\d+»(?: \(«E\d+»\))?|[Ii]t|[Hh]e|[Ss]he|{DEEDNP})(?:, (?P<ap>(?:the )?«E\d+»(?: \(«E\d+»\))?),)? (?P<aux>was|were) (?P<adv>(?:[a-z]+ly|first|later|then|also|finally|again) )?(?P<v>[a-z]+)(?P<o>(?: [a-z\-']+| [A-Z][a-z]+| (?:the )?«[EQ]\d+»){0,6}?)(?: (?:in|on) (?P<d>«D\d+»))?(?:[,.;]|$| (?:to|after|as|when|for)\b)",
        whole: false,
        confidence: 0.7,
        build: passive_clause,
        must: &[
            "Its best-known mission, the Varn Watch, was deployed in 2007 to guard the coast.",
            "Its first mission, the Varn Watch (VW), was deployed in 2007.",
            "In 1939 the old mill was taken over by the Varn Guild.",
            "The Varn Guild was founded in 1901. The guild was struck off the register in 1955.",
        ],
        must_not: &[
            "The Varn Guild was founded in 1901.",
            "The guild was larger in 1955.",
            "The guild was given it in 1955.",
            "The following year was marked by riots in 1955.",
            "Tomas Reede was a sailor. He was sent in June 1661 to Varn College.",
            "In 1955 the guild was struck off the register in 1956.",
            "A plaque added in 1681 blamed the guild; it was finally removed in 1830.",
        ],
    },
    Rule {
        name: "nominal event (the eruption of X in D)",
        pattern: r"\b[Tt]he (?P<n>accession|founding|establishment|creation|signing|launch|collapse|dissolution|disintegration|opening|inauguration|independence|death|birth|publication|introduction|invasion|occupation|capture|fall|eruption|announcement|adoption|completion|abolition|coronation|assassination) of (?P<o>(?:the )?«E\d+»(?: and (?:the )?«E\d+»)?(?: [a-z]+)?(?: as (?:{W} ){0,4}{W})?)",
        whole: false,
        confidence: 0.8,
        build: nominal,
        must: &[
            "The eruption of Mount Tull in April 2010 closed the airports.",
            "In 1956 the invasion of Olk shocked the islands.",
            "A result of the 1917 congress in June was the accession of Arden and Brill as full members.",
            "A result of the 1917 congress was the accession of Arden and Brill as fully-fledged Varn members.",
        ],
        must_not: &[
            "Before the collapse of the Northern Union in 1991, trade was slow.",
            "Brill formally left in 1968, protesting against the invasion of Olk.",
        ],
    },
    Rule {
        name: "possessive event (X's entry in D)",
        pattern: r"(?:^|, |\b(?:and|with) )(?P<o>(?:the )?«E\d+»)'s (?P<n>accession|entry|admission|founding|independence|death|birth|coronation|assassination|abdication|withdrawal|expulsion|reunification|unification|surrender|invasion|capture|fall|launch|opening|collapse|dissolution|bankruptcy|flotation|merger)(?P<to> (?:to|into|in) (?:the )?«E\d+»)? (?:in|on) (?P<d>«D\d+»)",
        whole: false,
        confidence: 0.8,
        build: possessive_event,
        must: &[
            "Olk's entry in 1994 opened a new phase of growth.",
            "After Brill left, Tull's accession to the Varn League on 3 May 1995 was swift.",
        ],
        must_not: &[
            "Olk's entry opened a new phase in 1994.",
            "Before Olk's entry in 1994, the guild was small.",
        ],
    },
    Rule {
        name: "nominal event (the retirement of the fleet in D)",
        pattern: r"\b[Tt]he (?P<n>accession|founding|establishment|creation|signing|launch|collapse|dissolution|opening|inauguration|death|publication|introduction|invasion|occupation|capture|fall|eruption|announcement|adoption|completion|abolition|coronation|assassination|retirement|loss|destruction|construction|discovery|closure|withdrawal|expulsion|reunification|unification|partition|liberation|sack|burning|bombing|sinking|reopening|nationalisation|nationalization|privatisation|privatization) of (?P<o>the (?:[a-z\-]+ ){0,2}[a-z\-]+) (?:in|on) (?P<d>«D\d+»)",
        whole: false,
        confidence: 0.65,
        build: nominal,
        must: &[
            "With the retirement of the shuttle fleet in 2011, no further visits were possible.",
            "The loss of the royal yacht in 1901 shocked the town.",
        ],
        must_not: &[
            "Before the closure of the old mine in 1991, trade was slow.",
            "The loss of the royal yacht shocked the town in 1901.",
        ],
    },
    Rule {
        name: "period start (X was fought from D to D)",
        pattern: r"(?P<s>{S})(?:(?: {WAS}|,) (?:fought|held|in force|built|waged|ruled)| (?:lasted|raged)) (?P<r>{R})|^(?P<r2>{R}), (?P<a>{S}) (?:[^,;]*? and )?(?P<v>signed|built|founded|opened|published|ruled)(?: [a-z]+)? (?P<o>[^,;.]+)",
        whole: false,
        confidence: 0.85,
        build: range_start_any,
        must: &[
            "The Harbour War was fought from 1853 to 1856 between two leagues.",
            "In the Harbour War, fought from 1853 to 1856, Varn defeated Olk.",
            "The Harbour War lasted from 1853 to 1856.",
        ],
        must_not: &["No race was held from 1915 to 1918."],
    },
    Rule {
        name: "period end (X was fought from D to D)",
        pattern: r"(?P<s>{S})(?:(?: {WAS}|,) (?:fought|held|in force|built|waged|ruled)| (?:lasted|raged)) (?P<r>{R})|^(?P<r2>{R}), (?P<a>{S}) (?:[^,;]*? and )?(?P<v>signed|built|founded|opened|published|ruled)(?: [a-z]+)? (?P<o>[^,;.]+)",
        whole: false,
        confidence: 0.7,
        build: range_end_any,
        must: &[
            "From 1994 to 2000, the guild signed border treaties with its neighbours.",
            "In the Harbour War, fought from 1853 to 1856, Varn defeated Olk.",
        ],
        must_not: &["No race was held from 1915 to 1918."],
    },
    Rule {
        name: "period start (Lasting from D to D, X ...)",
        pattern: r"^Lasting (?P<r>{R}), (?P<s>{S}) [a-z]",
        whole: false,
        confidence: 0.8,
        build: range_start,
        must: &[
            "The Harbour War was a war of ports. Lasting from 1853 to 1856, it ended with a treaty.",
        ],
        must_not: &["Lasting 1853 years, it ended."],
    },
    Rule {
        name: "period end (Lasting from D to D, X ...)",
        pattern: r"^Lasting (?P<r>{R}), (?P<s>{S}) [a-z]",
        whole: false,
        confidence: 0.8,
        build: range_end,
        must: &[
            "The Harbour War was a war of ports. Lasting from 12 May 1853 to 1856, it ended with a treaty.",
        ],
        must_not: &["Lasting for years, it ended."],
    },
    Rule {
        name: "Signed in D, X ...",
        pattern: r"^(?:(?:[Ff]irst|[Oo]riginally|[Ll]ater) )?(?P<v>(?i:{PASSIVE})) (?:[a-z]+ )?(?:in|on) (?P<d>{D}),? (?P<s>{S})(?:,| [a-z])",
        whole: false,
        confidence: 0.8,
        build: participle_opener,
        must: &[
            "The Varn Charter was a treaty. Signed in 1987, the charter set out to protect the harbour.",
            "Founded in 1887, the Harbour Guild soon spread.",
            "Born in 1887, Mara Quell became a sailor.",
        ],
        must_not: &[
            "Born in 1887, she soon left.",
            "Held in 1896, the games drew crowds.",
            "Signed in 1987, it set out to protect the harbour.",
            "Signed in 1987, the charter set out to protect the harbour.",
        ],
    },
    Rule {
        name: "the first X was run in D",
        pattern: r"(?:^|, |; )(?:(?:[Ii]n|[Oo]n) «D\d+»,? )?(?P<s>[Tt]he first (?:[a-z\-]+ ){0,2}?«E\d+»(?: of (?:the )?«E\d+»)?|[Tt]he first (?:[a-z\-]+ ){0,2}?[a-z\-]+ of (?:the )?«E\d+»)(?:, [^,]{2,80},)? (?:{WAS} {ADV}(?P<pp>[a-z]+)|{ADV}(?P<v>[a-z]+))\b",
        whole: false,
        confidence: 0.7,
        build: first_of,
        must: &[
            "The first Varn Marathon was run on 19 April 1897.",
            "In 1903 the first edition of the Harbour Review appeared.",
            "The first Tull Games took place in Varn in 1896.",
            "The first Varn Regatta opened on 3 May 1890.",
        ],
        must_not: &[
            "The first Varn Marathon was a success in 1897.",
            "The first time the Harbour Review appeared was 1903.",
            "The first Varn Marathon was run on a cold day.",
        ],
    },
];

/// Range rules read the range from either alternative of their pattern.
fn range_start_any(hit: &Hit) -> Option<FactKind> {
    with_range(hit, false)
}

fn range_end_any(hit: &Hit) -> Option<FactKind> {
    with_range(hit, true)
}

fn with_range(hit: &Hit, end: bool) -> Option<FactKind> {
    if hit.raw("r").is_some() {
        return if end {
            range_end(hit)
        } else {
            range_start(hit)
        };
    }
    // The second alternative: "From 1994 to 2000, X signed Y".
    static R2: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"«R\d+»").expect("valid"));
    let r2 = hit.raw("r2")?;
    let slot = hit.sentence.slot(R2.find(r2)?.as_str())?;
    let SlotKind::Range(a, b) = slot.kind else {
        return None;
    };
    let noun = noun_of(hit.raw("v")?).filter(|n| !n.is_empty())?;
    let object = trim_phrase(
        &hit.sentence
            .render(hit.raw("o")?.split(" (").next().unwrap_or_default()),
    );
    if object.split_whitespace().count() < 2 {
        return None;
    }
    let which = if end { "end" } else { "start" };
    event(
        format!("the {which} of the {noun} of {}", definite(&object)),
        if end { b } else { a },
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::rules::harness::{check_table, facts_of, rule};

    #[test]
    fn every_rule_matches_its_examples() {
        check_table(RULES);
    }

    #[test]
    fn a_role_before_a_persons_name_leaves_the_name_but_a_thing_keeps_its_words() {
        let deed = rule(RULES, "clause event (In D, X VERBed Y)");
        let got = facts_of(
            deed,
            "In 1903 the young engineer Tomas Reede crossed the strait in a balloon.",
        );
        assert_eq!(
            format!("{got:?}"),
            format!(
                "{:?}",
                [event(
                    "Tomas Reede crossed the strait in a balloon".into(),
                    FactDate {
                        year: 1903,
                        month: None,
                        day: None
                    },
                    None
                )
                .unwrap()]
            )
        );
        let passive = rule(RULES, "passive event (X was founded in D)");
        for (text, what) in [
            ("The fort of Brill was built in 1661.", "the fort of Brill"),
            ("The last Varn Diet was held in 1669.", "the last Varn Diet"),
        ] {
            let got = facts_of(passive, text);
            assert!(
                got.iter().any(|f| format!("{f:?}").contains(what)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn its_after_a_named_doer_is_the_doers() {
        let active = rule(RULES, "active event (Y signed X in D)");
        let got = facts_of(
            active,
            "Olk was suspended in 2012. Brill signed its protocol of accession in 2015 and became a member in 2024 at a summit in Varn.",
        );
        let text = format!("{got:?}");
        assert!(
            text.contains("the protocol of accession of Brill"),
            "{text}"
        );
        assert!(!text.contains("of Olk"), "{text}");
        // The summit is the later verb's.
        assert!(!text.contains("Varn"), "{text}");
    }

    #[test]
    fn her_before_a_noun_and_and_between_noun_phrases_are_plain() {
        assert!(plain_words("her doctorate", 8));
        assert!(!plain_words("her the prize", 8));
        assert!(!plain_words("her in the box", 8));
        assert!(!plain_words("her walked home", 8));
        assert!(!plain_words("her Varn", 8));
        assert!(!plain_words("her", 8));
        assert!(plain_words("the mausoleum and its pits", 8));
        assert!(plain_words("the mausoleum and the pits", 8));
        assert!(plain_words("the mausoleum and pits", 8));
        assert!(!plain_words("the city and marched home", 8));
        assert!(!plain_words("the city and they", 8));
        assert!(!plain_words("crossed the city and the river", 8));
        assert!(!plain_words(
            "one two three four five six seven eight nine",
            8
        ));
        assert!(plain_words(
            "one two three four five six seven eight nine",
            9
        ));
    }

    #[test]
    fn a_thing_set_off_by_its_name_is_named_and_an_office_taken_is_a_deed() {
        assert_eq!(
            whats(
                "active event (Y signed X in D)",
                "In 1452 Tomas Reede built a fortress, Varn Castle, on the shore."
            ),
            ["the building of Varn Castle"]
        );
        assert_eq!(
            whats(
                "active event (Y signed X in D)",
                "In 1839 Tomas Reede married his cousin Mara Quell."
            ),
            ["the marriage of Tomas Reede and Mara Quell"]
        );
        assert_eq!(
            whats(
                "clause event (X VERBed Y in D)",
                "Tomas Reede became sultan in 1451 at the age of 19."
            ),
            ["Tomas Reede became sultan"]
        );
    }

    #[test]
    fn a_subject_never_follows_a_preposition_and_vague_subjects_date_nothing() {
        let passive = rule(RULES, "passive event (X was founded in D)");
        let got = facts_of(
            passive,
            "Ferries ran until Tull Railway along the Varn Cliffs was completed in 1904.",
        );
        assert!(
            got.iter().all(|f| !format!("{f:?}").contains("Cliffs")),
            "{got:?}"
        );
        for text in [
            "This height was announced in 2020.",
            "The third phase was opened in 1630.",
        ] {
            assert!(facts_of(passive, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn every_event_verb_of_a_pattern_has_a_noun() {
        for verb in passive_verbs().split('|') {
            let verb = verb.replace(r"\s+", " ");
            assert!(noun_of(&verb).is_some(), "{verb}");
        }
        for verb in active_verbs().split('|') {
            let verb = verb.replace(r"\s+", " ");
            assert!(noun_of(&verb).is_some(), "{verb}");
        }
        for verb in intransitive_verbs().split('|') {
            let verb = verb.replace(r"\s+", " ");
            assert!(intransitive_noun_of(&verb).is_some(), "{verb}");
        }
        // The wording layer's nouns reach the patterns, each in its role.
        assert!(passive_verbs().split('|').any(|v| v == "annexed"));
        assert!(passive_verbs().split('|').any(|v| v == r"handed\s+over"));
        assert!(intransitive_verbs().split('|').any(|v| v == "withdrew"));
        assert_eq!(intransitive_noun_of("withdrew"), Some("withdrawal"));
        assert_eq!(noun_of("annexed"), Some("annexation"));
        assert_eq!(noun_of("withdrew"), None);
        assert_eq!(noun_of("table"), None);
    }

    #[test]
    fn a_named_gathering_held_somewhere_is_the_event_with_its_place() {
        let rule = rule(RULES, "X, signed in D,");
        assert_eq!(
            facts_of(
                rule,
                "The race was inspired by the Varn Games, held in Brill in 1896."
            ),
            [FactKind::Event {
                what: "the Varn Games".into(),
                date: FactDate {
                    year: 1896,
                    month: None,
                    day: None
                },
                place: Some("Brill".into()),
            }]
        );
        // A "by" phrase that follows no participle of its own keeps its name.
        assert_eq!(
            facts_of(
                rule,
                "The race was inspired, as it happens, by the Varn Games, held in Brill in 1896."
            )
            .len(),
            1
        );
        // Nor does a name inside any participle phrase: it did something to the thing.
        assert!(
            facts_of(
                rule,
                "The old hall, renamed after Mara Quell, opened in 2004."
            )
            .is_empty()
        );
        // A person is no place.
        let got = facts_of(
            rule,
            "The race was inspired by the Varn Games, held at Mara Quell in 1896.",
        );
        assert!(
            got.iter()
                .all(|f| matches!(f, FactKind::Event { place: None, .. })),
            "{got:?}"
        );
    }

    #[test]
    fn passive_event_reads_date_and_place() {
        assert_eq!(
            facts_of(
                rule(RULES, "passive event (X was founded in D)"),
                "The Harbour Guild was founded on 3 May 1887 in Kessport."
            ),
            [FactKind::Event {
                what: "the founding of the Harbour Guild".into(),
                date: FactDate {
                    year: 1887,
                    month: Some(5),
                    day: Some(3)
                },
                place: Some("Kessport".into()),
            }]
        );
    }

    #[test]
    fn a_named_apposition_with_its_noun_is_the_subject() {
        let passive = "passive event (X was founded in D)";
        assert_eq!(
            whats(
                passive,
                "His greatest invention, the Type G automatic loom, was completed in 1924."
            ),
            ["the completion of the Type G automatic loom"]
        );
        // A named subject keeps its own name; the apposition only tells what it is.
        assert_eq!(
            whats(passive, "The Varn, the Tull ketch, was launched in 1901."),
            ["the launch of the Varn"]
        );
    }

    #[test]
    fn an_indefinite_subject_is_written_small_inside_its_event() {
        assert_eq!(
            whats(
                "passive event (X was founded in D)",
                "A 30-kilometre exclusion zone was set up around the plant in 1986."
            ),
            ["the setting up of a 30-kilometre exclusion zone"]
        );
    }

    #[test]
    fn a_place_reached_is_arrived_at_or_in() {
        let rule = "intransitive event (X joined / died in D)";
        assert_eq!(
            whats(
                rule,
                "Mara Quell reached the North Cape on 14 December 1911."
            ),
            ["the arrival of Mara Quell at the North Cape"]
        );
        // A place the article writes things as in.
        assert_eq!(
            whats(
                rule,
                "The firm opened shops in Varnland. In 1985 the firm reached Varnland."
            ),
            ["the arrival of the firm in Varnland"]
        );
        assert_eq!(
            whats(rule, "In 1911 Mara Quell set out for the North Cape."),
            ["the departure of Mara Quell for the North Cape"]
        );
        assert_eq!(
            whats(
                rule,
                "The Varn Race is a race. The closest finish came in 1989."
            ),
            ["the closest finish of the Varn Race"]
        );
        assert_eq!(
            whats(rule, "The Varn Council met in Tull in 1928."),
            ["the meeting of the Varn Council"]
        );
        assert_eq!(
            whats(rule, "The Varn Games took place in 1896."),
            ["the Varn Games"]
        );
        assert_eq!(
            whats(rule, "In 1928 Mara Quell met Tomas Reede, the muralist."),
            ["the meeting of Mara Quell and Tomas Reede"]
        );
        assert_eq!(
            whats(rule, "In 1912 the Varn Queen left Kessport."),
            ["the departure of the Varn Queen from Kessport"]
        );
        // "arrived" keeps its own reading: the arrival, with its place.
        assert_eq!(
            whats(rule, "Mara Quell arrived in Brill in 1901."),
            ["the arrival of Mara Quell"]
        );
    }

    fn whats(rule_name: &str, text: &str) -> Vec<String> {
        dated(rule_name, text).into_iter().map(|(w, _)| w).collect()
    }

    /// The events a rule finds, each with its year.
    fn dated(rule_name: &str, text: &str) -> Vec<(String, i32)> {
        facts_of(rule(RULES, rule_name), text)
            .into_iter()
            .filter_map(|f| match f {
                FactKind::Event { what, date, .. } => Some((what.to_string(), date.year)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn dated_clauses_are_kept_as_they_stand() {
        let passive = "clause event (X was VERBed in D)";
        // The apposition names the subject (by the short form the article gives it).
        assert_eq!(
            dated(
                passive,
                "Its first mission, the Varn Watch (VW), was deployed in 2007."
            ),
            [("VW was deployed".to_string(), 2007)]
        );
        assert_eq!(
            dated(
                passive,
                "In 1939 the old mill was taken over by the Varn Guild."
            ),
            [(
                "the old mill was taken over by the Varn Guild".to_string(),
                1939
            )]
        );
        // A verb with an event noun is the passive event rule's.
        assert!(whats(passive, "In 1939 the old mill was founded by Olk.").is_empty());
        // A role before a person's name: the name is the subject.
        assert_eq!(
            whats(
                "passive event (X was founded in D)",
                "In 1623 his admirer Tomas Reede was elected pope."
            ),
            ["the election of Tomas Reede as pope"]
        );
        // A plain noun phrase does a dated deed too, at the clause's own date.
        let active = "clause event (In D, X VERBed Y)";
        assert_eq!(
            dated(
                active,
                "In 1963 the bricks switched to Varnite, a tougher plastic."
            ),
            [("the bricks switched to Varnite".to_string(), 1963)]
        );
        // A clause the question wording would not read as one is left out ("the race
        // suffered its worst scandal" would be an event that "took place").
        assert!(whats(active, "In 1980 the race suffered its worst scandal.").is_empty());
        // ... as is a phrase that is a time or a pointer back.
        assert!(
            whats(
                active,
                "In 1963 the following year brought a change of plastic."
            )
            .is_empty()
        );
        assert!(whats(active, "In 1963 this plan changed the brick.").is_empty());
        assert_eq!(
            dated(
                "clause event (X VERBed Y in D)",
                "The Icelanders accepted the rule of the Norwegian king in 1262."
            ),
            [(
                "the Icelanders accepted the rule of the Norwegian king".to_string(),
                1262
            )]
        );
    }

    #[test]
    fn a_name_before_and_is_no_subject() {
        let found = whats(
            "intransitive event (X joined / died in D)",
            "After a spell in Olk, Mara Quell sailed to the Varn Isles and arrived in Brill in June 1884.",
        );
        // (The date is the arrival's, which the shared subject's own clause tells.)
        assert!(found.iter().all(|w| !w.contains("Isles and")), "{found:?}");
    }

    #[test]
    fn a_gathering_after_the_verb_places_it_unless_another_dated_verb_comes_between() {
        let active = rule(RULES, "active event (Y signed X in D)");
        let places = |text: &str| -> Vec<Option<String>> {
            facts_of(active, text)
                .into_iter()
                .filter_map(|f| match f {
                    FactKind::Event { place, .. } => Some(place.map(|p| p.to_string())),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            places("Brill signed the Olk Pact in 1995 at a summit held in Varn."),
            [Some("Varn".to_string())]
        );
        assert_eq!(
            places(
                "The war ended; Brill signed the Olk Pact in 2015 and joined the league in 2024 at a summit held in Varn."
            ),
            [None]
        );
    }

    #[test]
    fn a_date_set_off_by_commas_but_no_participle_is_the_verbs() {
        assert_eq!(
            dated(
                "passive event (X was founded in D)",
                "The Varn Guild, in 1887, was founded."
            ),
            [("the founding of the Varn Guild".to_string(), 1887)]
        );
    }

    #[test]
    fn its_after_a_person_is_what_it_stands_for() {
        let active = "active event (Y signed X in D)";
        let got = whats(
            active,
            "The Varn Guild is old. Tomas Reede published its first book in 1901.",
        );
        assert_eq!(got, ["the publication of the first book of the Varn Guild"]);
    }

    #[test]
    fn a_journey_goes_to_a_place_and_sets_out_or_flies_from_one() {
        let intransitive = "intransitive event (X joined / died in D)";
        assert_eq!(
            whats(intransitive, "The Varn Expedition sailed to Tull in 1914."),
            ["the voyage of the Varn Expedition to Tull"]
        );
        assert_eq!(
            whats(
                intransitive,
                "The Varn Expedition sailed from Tull in 1914."
            ),
            ["the departure of the Varn Expedition from Tull"]
        );
        assert_eq!(
            whats(intransitive, "The Varn Flyer flew from Tull in 1972."),
            ["the flight of the Varn Flyer from Tull"]
        );
    }

    #[test]
    fn a_passive_done_first_is_the_first_of_its_kind() {
        let passive = "passive event (X was founded in D)";
        assert_eq!(
            whats(passive, "The Varn Games were first held in Brill in 1960."),
            ["the first Varn Games"]
        );
        assert_eq!(
            whats(passive, "The Varn Charter was first published in 1905."),
            ["the first publication of the Varn Charter"]
        );
        assert_eq!(
            whats(passive, "The Varn Charter was published in 1905."),
            ["the publication of the Varn Charter"]
        );
    }

    #[test]
    fn a_date_after_another_coordinated_verb_is_that_verbs() {
        let passive = "passive event (X was founded in D)";
        assert!(
            whats(
                passive,
                "Tomas Reede was born in Varn, then a small port, and was baptised on 17 December 1770."
            )
            .iter()
            .all(|w| !w.contains("birth")),
        );
        assert!(
            whats(
                passive,
                "The Varn Dam was built across the inlet and raised in 2020."
            )
            .is_empty()
        );
        assert_eq!(
            whats(
                passive,
                "The Varn Dam was built in 1990 and raised in 2020."
            ),
            ["the building of the Varn Dam"]
        );
    }

    #[test]
    fn a_deed_dated_first_ends_before_a_relative_clause() {
        let deed = "clause event (In D, X VERBed Y)";
        assert_eq!(
            whats(
                deed,
                "In 1925 Olk halted a brief invasion of Brill that had followed a raid."
            ),
            ["Olk halted a brief invasion of Brill"]
        );
        // A date after the verb may be the relative clause's own: no cut there.
        let after = "clause event (X VERBed Y in D)";
        assert!(whats(after, "Olk halted an invasion that started in 1925.").is_empty());
    }

    #[test]
    fn common_event_verbs_name_their_event() {
        let passive = "passive event (X was founded in D)";
        assert_eq!(
            whats(passive, "Tomas Reede's body was found in 1931."),
            ["the discovery of Tomas Reede's body"]
        );
        // "was found ill": a person is not what is discovered.
        assert!(whats(passive, "Tomas Reede was found in 1931 to be ill.").is_empty());
        assert_eq!(
            whats(
                passive,
                "The Varn Phone was withdrawn worldwide in October 2016."
            ),
            ["the withdrawal of the Varn Phone"]
        );
        assert_eq!(
            whats(passive, "Tomas Reede was killed in Varn on 2 March 1930."),
            ["the death of Tomas Reede"]
        );
        assert_eq!(
            whats(
                passive,
                "The first crossing of the strait was made on 2 June 1911."
            ),
            ["the first crossing of the strait"]
        );
        // "himself" is no part of the name.
        assert_eq!(
            whats(passive, "Tomas Reede himself was killed in 1930."),
            ["the death of Tomas Reede"]
        );
        assert!(whats(passive, "In 1838 he was made Earl of Varn.").is_empty());
        // A role taken is part of the event; a date or place after it is not.
        assert_eq!(
            whats(
                passive,
                "In 1868 Mara Quell was elected abbess of her convent."
            ),
            ["the election of Mara Quell as abbess of her convent"]
        );
        assert_eq!(
            whats(passive, "Mara Quell was ordained a priest in Varn in 1847."),
            ["the ordination of Mara Quell as a priest"]
        );
        assert_eq!(
            whats(
                passive,
                "Mara Quell was elected to the council on 2 May 1890."
            ),
            ["the election of Mara Quell to the council"]
        );
        assert_eq!(
            whats(passive, "Mara Quell was elected in 1890."),
            ["the election of Mara Quell"]
        );
        assert_eq!(
            whats(passive, "Mara Quell was elected queen as Mara II in 1890."),
            ["the election of Mara Quell as queen"]
        );
        assert!(whats(passive, "Mara Quell was elected 3 times in 1890.").is_empty());
        assert!(
            whats(
                passive,
                "Mara Quell was appointed keeper of the lamps and lenses of the northern coast in 1890."
            )
            .is_empty()
        );
        let active = "active event (Y signed X in D)";
        assert_eq!(
            whats(
                active,
                "In 1994 the Varn Society named the old canal one of the Wonders of the Coast."
            ),
            ["the naming of the old canal as one of the Wonders of the Coast"]
        );
        assert_eq!(
            whats(
                active,
                "In 1994 the Varn Society named the old canal Varn Water."
            ),
            ["the naming of the old canal Varn Water"]
        );
        assert!(
            whats(
                active,
                "In 1994 the Varn Society named the old canal after Tomas Reede."
            )
            .is_empty()
        );
        // "later" before the verb: a date before it is not the verb's.
        assert!(
            whats(
                active,
                "In 1916 the Varn Guild gave Mara Quell a medal of honour, later renamed the Varn Star."
            )
            .iter()
            .all(|w| !w.contains("renaming"))
        );
        assert_eq!(
            whats(
                active,
                "The Varn Guild later renamed the old canal Varn Water in 1994."
            ),
            ["the renaming of the old canal Varn Water"]
        );
        // A date after ", and on ..." is the next clause's.
        assert_eq!(
            whats(
                active,
                "On 7 September 1977 Mara Quell signed the Varn Treaty, and on 31 December 1999 the canal passed to Varn."
            ),
            ["the signing of the Varn Treaty"]
        );
        assert_eq!(
            facts_of(rule(RULES, active), "On 7 September 1977 Mara Quell signed the Varn Treaty, and on 31 December 1999 the canal passed to Varn.")
                .into_iter()
                .filter_map(|f| match f {
                    FactKind::Event { date, .. } => Some(date.year),
                    _ => None,
                })
                .collect::<Vec<_>>(),
            [1977]
        );
        let intransitive = "intransitive event (X joined / died in D)";
        assert_eq!(
            whats(
                intransitive,
                "In 1843 Mara Quell entered the Abbey of Varn."
            ),
            ["the entry of Mara Quell into the Abbey of Varn"]
        );
        assert_eq!(
            whats(intransitive, "In 1843 Mara Quell entered politics."),
            Vec::<String>::new()
        );
        assert_eq!(
            whats(intransitive, "Mara Quell entered in 1843."),
            ["the entry of Mara Quell"]
        );
        // An object makes another event of an intransitive verb: "withdrew the offer".
        assert!(
            whats(
                intransitive,
                "On 19 July 1956 Mara Quell withdrew the offer."
            )
            .is_empty()
        );
        assert!(whats(intransitive, "In 1956 Mara Quell resigned her post.").is_empty());
        assert_eq!(
            whats(intransitive, "In 1956 Mara Quell withdrew from the race."),
            ["the withdrawal of Mara Quell"]
        );
        assert_eq!(
            whats(
                intransitive,
                "In November 1891 Mara Quell moved to Kessport."
            ),
            ["the move of Mara Quell to Kessport"]
        );
        assert_eq!(
            whats(
                intransitive,
                "In June 1924 Mara Quell and Tomas Reede disappeared high on the ridge."
            ),
            ["the disappearance of Mara Quell and Tomas Reede"]
        );
    }

    #[test]
    fn a_subject_never_starts_inside_a_word() {
        // "German troops": the article "an" inside "German" is not a subject.
        for what in whats(
            "intransitive event (X joined / died in D)",
            "On 7 March 1936 German troops marched into Varn.",
        ) {
            assert!(!what.contains(" an troops"), "{what}");
        }
    }

    #[test]
    fn that_same_year_gives_the_year_only() {
        assert_eq!(
            facts_of(
                rule(RULES, "intransitive event (X joined / died in D)"),
                "The patent was filed on 28 January 1958. Tomas Reede died that same year."
            ),
            [FactKind::Event {
                what: "the death of Tomas Reede".into(),
                date: FactDate {
                    year: 1958,
                    month: None,
                    day: None
                },
                place: None,
            }]
        );
    }

    #[test]
    fn periods_give_their_start_and_end() {
        let start = facts_of(
            rule(RULES, "period start (X was fought from D to D)"),
            "The Harbour War was fought from 1853 to 1856 between two leagues.",
        );
        let end = facts_of(
            rule(RULES, "period end (X was fought from D to D)"),
            "The Harbour War was fought from 1853 to 1856 between two leagues.",
        );
        assert!(
            matches!(&start[..], [FactKind::Event { what, date, .. }] if what == "the start of the Harbour War" && date.year == 1853)
        );
        assert!(
            matches!(&end[..], [FactKind::Event { what, date, .. }] if what == "the end of the Harbour War" && date.year == 1856)
        );
        let lasted = "The Harbour War lasted from 1853 to 1856.";
        assert_eq!(
            whats("period start (X was fought from D to D)", lasted),
            ["the start of the Harbour War"]
        );
        assert_eq!(
            whats("period end (X was fought from D to D)", lasted),
            ["the end of the Harbour War"]
        );
        let lasting = "The Harbour War was a war of ports. Lasting from 12 May 1853 to 2 June \
                       1856, it ended with a treaty.";
        let start = facts_of(
            rule(RULES, "period start (Lasting from D to D, X ...)"),
            lasting,
        );
        let end = facts_of(
            rule(RULES, "period end (Lasting from D to D, X ...)"),
            lasting,
        );
        assert!(
            matches!(&start[..], [FactKind::Event { what, date, .. }] if what == "the start of the Harbour War" && date.day == Some(12) && date.month == Some(5))
        );
        assert!(
            matches!(&end[..], [FactKind::Event { what, date, .. }] if what == "the end of the Harbour War" && date.year == 1856 && date.day == Some(2))
        );
    }

    #[test]
    fn operations_begun_or_ceased_and_a_coming_into_being() {
        let work = "X began operations in D";
        assert_eq!(
            whats(
                work,
                "The Varn Fund was set up in 1945, and it began financial operations on 1 March \
                 1947."
            ),
            ["the start of the financial operations of the Varn Fund"]
        );
        assert_eq!(
            whats(work, "The Varn Line ceased its services in 1999."),
            ["the end of the services of the Varn Line"]
        );
        assert_eq!(
            whats(
                "intransitive event (X joined / died in D)",
                "The Varn Fund came into existence on 27 December 1945."
            ),
            ["the creation of the Varn Fund"]
        );
    }

    #[test]
    fn an_office_taken_is_a_deed_with_a_or_of_a_named_body() {
        let deed = "clause event (X VERBed Y in D)";
        assert_eq!(
            whats(deed, "Mara Quell became a full professor in 1833."),
            ["Mara Quell became a full professor"]
        );
        assert_eq!(
            whats(
                deed,
                "Mara Quell became director of the Varn Museum in 1851."
            ),
            ["Mara Quell became director of the Varn Museum"]
        );
        assert!(whats(deed, "Mara Quell became a rich woman in 1851.").is_empty());
        assert!(
            whats(
                deed,
                "Mara Quell became director of three new museums in 1851."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_nominal_event_loses_a_hanging_as() {
        assert_eq!(
            whats(
                "nominal event (the eruption of X in D)",
                "A result of the 1917 congress was the accession of Arden and Brill as \
                 fully-fledged Varn members."
            ),
            ["the accession of Arden and Brill"]
        );
    }

    #[test]
    fn a_passive_declaration_names_what_was_declared_and_a_marriage_is_not_passive() {
        let passive = "passive event (X was founded in D)";
        // "declared a free port" is the declaration of it as one; "declared neutral ground",
        // without an article, is not.
        assert_eq!(
            whats(passive, "In 1890 Varn was declared a free port."),
            ["the declaration of Varn as a free port"]
        );
        assert!(whats(passive, "In 1890 Varn was declared neutral ground.").is_empty());
        assert_eq!(
            whats(passive, "Tullgrad was renamed Olkgrad in 1961."),
            ["the renaming of Tullgrad as Olkgrad"]
        );
        assert!(whats(passive, "Tullgrad was renamed again in 1961.").is_empty());
        assert!(whats(passive, "Mara Quell was married in 1890.").is_empty());
    }

    #[test]
    fn an_apposed_participle_and_a_participle_period_tell_of_the_name() {
        assert_eq!(
            whats(
                "X, a thing designed by Y and completed in D",
                "It is remembered by the Pillar, a stone column designed by Mara Quell and completed in 1677."
            ),
            ["the completion of the Pillar"]
        );
        assert_eq!(
            whats(
                "period end (X was fought from D to D)",
                "In the Harbour War, fought from 1853 to 1856, Varn defeated Olk."
            ),
            ["the end of the Harbour War"]
        );
    }

    #[test]
    fn a_role_of_six_words_is_still_a_role() {
        assert_eq!(
            whats(
                "passive event (X was founded in D)",
                "Mara Quell was appointed keeper of the lamps of Varn in 1890."
            ),
            ["the appointment of Mara Quell as keeper of the lamps of Varn"]
        );
    }

    #[test]
    fn a_participle_after_an_opening_clause_with_its_verb_is_an_apposition() {
        assert_eq!(
            whats(
                "X, signed in D,",
                "Mara Quell founded a school, the Tull Hall, opened in 1890."
            ),
            ["the opening of the Tull Hall"]
        );
    }

    #[test]
    fn a_gerund_ends_resumes_and_starts_under_a_name() {
        let rule_name = "Digging began in D";
        let text = |t: &str| format!("The Varn Canal was planned in 1870. {t}");
        assert_eq!(
            whats(rule_name, &text("Digging ended in 1889.")),
            ["the end of digging"]
        );
        assert_eq!(
            whats(rule_name, &text("Digging resumed in 1890.")),
            ["the resumption of digging"]
        );
        assert_eq!(
            whats(rule_name, &text("Trading under it started in 1891.")),
            ["the start of trading"]
        );
    }

    #[test]
    fn the_same_year_is_the_year_of_the_sentences_date_before_it() {
        let years: Vec<i32> = dated(
            "intransitive event (X joined / died in D)",
            "The first race was held in 1877. A ladies' race followed in 1884, and the doubles began in the same year.",
        )
        .into_iter()
        .filter(|(what, _)| what.contains("doubles"))
        .map(|(_, year)| year)
        .collect();
        assert_eq!(years, [1884]);
    }

    #[test]
    fn a_class_noun_inside_an_event_is_the_subject() {
        assert_eq!(
            whats(
                "active event (Y signed X in D)",
                "The Varn is a long river. In 1868 the Tull Act opened the river to the ships of all nations."
            ),
            ["the opening of the Varn to the ships of all nations"]
        );
    }

    #[test]
    fn an_object_between_two_names_keeps_both() {
        let active = |text: &str| whats("active event (Y signed X in D)", text);
        assert_eq!(
            active("In 1921 the league settled the dispute between Varn and Brill over Olk."),
            ["the settlement of the dispute between Varn and Brill"]
        );
        assert!(
            active("In 1921 the league settled the dispute between Varn, Brill and Olk.")
                .is_empty()
        );
    }

    #[test]
    fn a_clause_event_is_the_clause_with_its_names() {
        let clause = |text: &str| whats("clause event (X VERBed Y in D)", text);
        // "left" is a departure, from what "the union" stands for.
        assert_eq!(
            whats(
                "intransitive event (X joined / died in D)",
                "The Varn Union is a union of islands. Olk quietly left the union in 1968."
            ),
            ["the departure of Olk from the Varn Union"]
        );
        assert_eq!(
            clause("The Varn Union is a union of islands. Olk quietly praised the union in 1968."),
            ["Olk quietly praised the Varn Union"]
        );
        assert_eq!(
            clause(
                "The Varn Union is a union of islands. Olk crossed the Tull Strait on 4 May 1956."
            ),
            ["Olk crossed the Tull Strait"]
        );
    }

    #[test]
    fn a_when_clause_takes_the_main_clauses_date_and_an_object_its_name() {
        let events = dated(
            "active event (Y signed X in D)",
            "It was founded on 8 August 1967 in Varn, when the ministers of five states signed a short document known as the Varn Declaration.",
        );
        assert_eq!(
            events,
            [("the signing of the Varn Declaration".to_string(), 1967)]
        );
        // "after" moves the time: no date.
        assert!(
            facts_of(
                rule(RULES, "active event (Y signed X in D)"),
                "It was founded on 8 August 1967 in Varn, a week after the ministers signed a short document known as the Varn Declaration.",
            )
            .is_empty()
        );
    }

    #[test]
    fn a_name_set_off_by_a_title_keeps_its_own() {
        let got = facts_of(
            rule(RULES, "intransitive event (X joined / died in D)"),
            "The third phase opened in 1630, when Tomas Reede, King of Varn, landed in Brill.",
        );
        assert!(
            got.iter()
                .any(|f| format!("{f:?}").contains("landing of Tomas Reede")),
            "{got:?}"
        );
    }

    #[test]
    fn a_simple_past_is_neither_a_participle_only_nor_a_bare_verb() {
        assert!(is_simple_past("entered"));
        assert!(is_simple_past("caught"));
        assert!(!is_simple_past("taken"));
        assert!(!is_simple_past("cut"));
    }

    #[test]
    fn a_clause_event_wants_a_short_plain_object() {
        let clause = |text: &str| whats("clause event (X VERBed Y in D)", text);
        // Eight words are short enough, nine are not.
        assert_eq!(
            clause("Olk crossed the long narrow strait of the Varn Sea on 4 May 1956."),
            ["Olk crossed the long narrow strait of the Varn Sea"]
        );
        assert!(
            clause("Olk crossed the long narrow cold strait of the Varn Sea on 4 May 1956.")
                .is_empty()
        );
        // A pronoun for an object leans on another phrase.
        assert!(clause("Olk crossed it on 4 May 1956.").is_empty());
        // A cut-off object.
        assert!(clause("Olk sailed the fleet to on 4 May 1956.").is_empty());
    }

    #[test]
    fn a_passive_clause_wants_an_event_verb_a_whole_object_and_a_leading_it() {
        let passive = "clause event (X was VERBed in D)";
        // A verb that tells no event.
        assert!(whats(passive, "In 1955 the Varn Guild was regarded as a model.").is_empty());
        // A cut-off object.
        assert!(
            whats(
                passive,
                "In 1955 the Varn Guild was looked at, and then closed."
            )
            .is_empty()
        );
        // "It" opening a sentence is the last subject; later in a sentence, any thing.
        assert_eq!(
            whats(
                passive,
                "The Varn Watch is a patrol. It was deployed in 2007."
            ),
            ["the Varn Watch was deployed"]
        );
        assert!(
            whats(
                passive,
                "The Varn Watch is a patrol. A plaque blamed Olk; it was removed in 1830."
            )
            .is_empty()
        );
    }

    #[test]
    fn what_a_relative_pronoun_joined_is_its_antecedent_and_a_document_comes_into_force() {
        let intransitive = "intransitive event (X joined / died in D)";
        assert!(
            whats(
                intransitive,
                "Olk formed the Varn League that Brill joined in 1686."
            )
            .is_empty()
        );
        // "It" read as a document comes into force.
        assert_eq!(
            whats(
                intransitive,
                "The Treaty of Varn was signed in 1919. It came into force on 10 January 1920."
            ),
            ["the entry into force of the Treaty of Varn"]
        );
    }

    #[test]
    fn the_articles_subject_opening_a_clause_is_what_the_participle_tells_of() {
        assert_eq!(
            whats(
                "X, signed in D,",
                "The Varn Pact was a treaty. The Varn Pact, signed in 1901, ended the war."
            ),
            ["the signing of the Varn Pact"]
        );
    }
}

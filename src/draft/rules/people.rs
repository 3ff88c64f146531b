//! People and their roles: "X, a former pilot, became its first warden in 1889", "X was
//! elected president in 1980", appositions "X, the first professor of Y," and "X, a Scottish
//! chemist,", titles before a name "the poet X", and "The first European to reach it was X".

use std::sync::LazyLock;

use regex::Regex;

use crate::deck::{Answer, FactDate, FactKind};
use crate::draft::context::looks_like_person;
use crate::draft::rules::{Hit, Rule, leans_on_another, resolve_nouns, trim_phrase};

/// Verbs whose doer has a name of their own ("designed" -> "the designer of"), for a person
/// named as what they did.
#[rustfmt::skip]
const AGENT_NOUNS: &[(&str, &str)] = &[
    ("win", "winner"), ("found", "founder"), ("design", "designer"), ("discover", "discoverer"),
    ("invent", "inventor"), ("lead", "leader"), ("write", "author"), ("compose", "composer"),
    ("paint", "painter"), ("build", "builder"), ("command", "commander"),
    ("conquer", "conqueror"), ("create", "creator"), ("direct", "director"), ("edit", "editor"),
    ("publish", "publisher"), ("translate", "translator"), ("sculpt", "sculptor"),
    ("photograph", "photographer"), ("murder", "murderer"), ("assassinate", "assassin"),
    ("rule", "ruler"), ("govern", "governor"), ("illustrate", "illustrator"),
    ("organise", "organiser"), ("organize", "organizer"), ("own", "owner"),
    ("manage", "manager"), ("coach", "coach"), ("explore", "explorer"), ("survey", "surveyor"),
    ("refound", "refounder"), ("captain", "captain"), ("chair", "chair"), ("head", "head"),
    ("establish", "founder"), ("co-found", "co-founder"), ("cofound", "co-founder"),
    ("finance", "financier"), ("narrate", "narrator"), ("present", "presenter"),
];

/// Nouns for people, which make an apposition a role rather than a definition.
#[rustfmt::skip]
const PERSON_NOUNS: &[&str] = &[
    "man", "woman", "king", "queen", "emperor", "empress", "tsar", "prince", "princess", "poet",
    "writer", "author", "scientist", "chemist", "physicist", "biologist", "bacteriologist",
    "pathologist", "biochemist", "engineer", "inventor", "mathematician", "missionary",
    "geographer", "mountaineer", "guide", "nurse", "doctor", "physician", "surgeon", "general",
    "officer", "soldier", "pilot", "captain", "president", "minister", "chancellor", "secretary",
    "director", "founder", "chairman", "chair", "leader", "editor", "journalist", "correspondent",
    "photographer", "businesswoman", "businessman", "policeman", "farmer", "sweep", "rider",
    "cyclist", "winner", "champion", "player", "athlete", "teacher", "professor", "student",
    "settler", "chieftain", "explorer", "navigator", "sailor", "merchant", "banker", "lawyer",
    "judge", "priest", "bishop", "pope", "monk", "nun", "artist", "painter", "composer",
    "musician", "singer", "actor", "actress", "architect", "designer", "employee", "daughter",
    "son", "wife", "husband", "mother", "father", "brother", "sister", "child", "heir", "widow",
    "governor", "mayor", "diplomat", "ambassador", "envoy", "philosopher", "historian",
    "economist", "astronomer", "geologist", "botanist", "zoologist", "researcher", "pioneer",
    "entrepreneur", "manager", "chief", "head", "tutor", "mentor", "apprentice", "hero",
    "patient", "victim", "recipient", "laureate", "successor", "predecessor", "missionary",
    "commander", "admiral", "ruler", "monarch", "statesman", "politician", "activist",
    "muralist", "pacifist", "striker", "forward", "goalkeeper", "footballer", "conquistador",
    "sculptor", "detective", "consultant", "carpenter", "duke", "duchess", "earl", "baron",
    "marshal", "psychiatrist", "novelist", "playwright", "astronaut", "scholar", "theologian",
    "reformer", "dictator", "senator", "geneticist", "crystallographer", "biophysicist",
    "official", "trader", "knight", "abbot", "filmmaker", "coach", "climber", "surveyor",
    "cartographer", "cossack",
    "friar", "abbess", "cardinal", "naturalist", "dramatist", "revolutionary", "industrialist",
    "aviator", "runner", "dancer", "sultan", "caliph", "shah", "khan", "emir", "pharaoh",
    "vizier", "archbishop", "patriarch", "premier", "regent", "viceroy", "consul", "doge",
    "mechanic", "craftsman", "clerk", "servant", "seaman", "fisherman", "blacksmith", "goldsmith", "silversmith", "printer",
    "publisher", "critic", "linguist", "anthropologist", "archaeologist", "psychologist",
    "sociologist", "physiologist", "microbiologist", "virologist", "epidemiologist",
    "immunologist", "pharmacist", "dentist", "lecturer", "inspector", "technician", "programmer",
    "chef", "weaver", "tailor", "miner", "labourer", "worker", "peasant", "financier",
    "investor", "philanthropist", "patron", "collector", "organist", "cantor", "conductor",
    "violinist", "pianist", "cellist", "choreographer", "producer", "broadcaster", "colonel",
    "lieutenant", "sergeant", "corporal", "sniper", "spy", "prisoner", "refugee", "emigrant",
    "pilgrim", "prophet", "rabbi", "imam", "chaplain", "vicar", "deacon", "shipowner",
    "shipbuilder", "statistician", "logician", "cryptanalyst", "meteorologist", "oceanographer",
    "volcanologist", "seismologist", "engraver", "illustrator", "poetess", "heiress", "tenor",
    "soprano", "baritone", "contralto",
];

/// Whether a person's role says only what they were ("the architect", "a German
/// missionary"), not which one: four words at most, no owner, nothing after the noun (no
/// "of", "who", "in" ...).
pub fn is_bare_role(role: &str) -> bool {
    role.split_whitespace().count() <= 4
        && !role.contains("'s")
        && !role
            .split_whitespace()
            .any(|w| crate::wording::noun::POSTMODIFIERS.contains(&w))
}

/// Whether a role phrase is about a person: its head noun (the last word before "of", "who",
/// "in"...) is a person noun.
pub fn is_person_role(role: &str) -> bool {
    let mut head = None;
    let words: Vec<&str> = role.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches([',', '.', ';']);
        // "a young and almost unknown architect": "and" between adjectives goes on.
        if w == "and"
            && head.is_some_and(|h: &str| !PERSON_NOUNS.contains(&h.to_lowercase().as_str()))
            && words.get(i + 1).is_some_and(|n| {
                n.starts_with(char::is_lowercase)
                    && !matches!(*n, "the" | "a" | "an" | "his" | "her" | "its" | "their")
            })
        {
            continue;
        }
        if matches!(
            w,
            "of" | "in"
                | "at"
                | "who"
                | "whose"
                | "with"
                | "from"
                | "for"
                | "to"
                | "on"
                | "and"
                | "born"
                | "that"
                | "which"
                | "by"
                | "built"
                | "made"
        ) {
            break;
        }
        // "a naturalist working in Malaya": a participle after a person noun.
        if w.len() > 4
            && w.ends_with("ing")
            && head.is_some_and(|h: &str| PERSON_NOUNS.contains(&h.to_lowercase().as_str()))
        {
            break;
        }
        head = Some(w);
    }
    // "the first European to reach it": a capitalised noun of nationality is a person too.
    head.is_some_and(|h| {
        let lower = h.to_lowercase();
        // "nobleman", "clergyman", "pianist", "technician": person suffixes.
        let by_suffix = h.starts_with(char::is_lowercase)
            && ((lower.ends_with("man") && lower.len() > 6 && lower != "walkman")
                || (lower.ends_with("ist")
                    && lower.len() > 5
                    && ![
                        "exist",
                        "assist",
                        "persist",
                        "resist",
                        "insist",
                        "consist",
                        "checklist",
                    ]
                    .contains(&lower.as_str()))
                || lower.ends_with("ician"));
        // "Secretary-General", "Governor-General": an office whose parts hold a person noun.
        by_suffix
            || PERSON_NOUNS.contains(&lower.as_str())
            || (h.contains('-') && lower.split('-').any(|w| PERSON_NOUNS.contains(&w)))
            || (h.starts_with(char::is_uppercase)
                && ["an", "ese", "ard", "ite"].iter().any(|s| h.ends_with(s)))
    })
}

/// A role without the whole names of other people in it, for the test that a question never
/// shows its answer: a family name shared with the owner of the role shows only the family
/// ("Florence Nightingale's elder sister", "the elder sister of Florence Nightingale" is
/// Parthenope Nightingale): a name ending in `name`'s family name, without its first name.
pub fn role_without_others(name: &str, role: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let family = name.split_whitespace().last().unwrap_or("");
    FULL_NAME
        .replace_all(role, |c: &regex::Captures| {
            let words: Vec<&str> = c[0]
                .split_whitespace()
                .map(|w| w.trim_end_matches("'s"))
                .collect();
            if words.last() == Some(&family) && !words.contains(&first) {
                String::new()
            } else {
                c[0].to_string()
            }
        })
        .into_owned()
}

fn person(name: String, role: String, since: Option<FactDate>) -> Option<FactKind> {
    checked_person(name, trim_phrase(&role), since)
}

/// A person fact from a role already cut to size ("the person who ..." keeps its clause).
fn checked_person(name: String, role: String, since: Option<FactDate>) -> Option<FactKind> {
    if role.split_whitespace().count() < 2 || !looks_like_person(&name) {
        return None;
    }
    // A question never shows its answer.
    let shown = role_without_others(&name, &role);
    if name
        .split_whitespace()
        .any(|part| part.len() > 2 && shown.contains(part))
    {
        return None;
    }
    Some(FactKind::Person {
        name: Answer::plain(name),
        role: role.into(),
        since: since.map(|d| FactDate {
            year: d.year,
            month: None,
            day: None,
        }),
    })
}

/// "X, a former pilot, became its first warden in 1889".
fn became(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let role = trim_phrase(&hit.text("r")?);
    let owner = match (hit.raw("pos"), hit.slot("of")) {
        (_, Some(of)) => Some(hit.context.name(&of.text)),
        (Some("its" | "their"), None) => {
            hit.note("\"its\" read as the last subject");
            hit.it_at_group("pos")
        }
        // "the country's first woman president": the article's subject, when the noun is
        // one that stands for it.
        (Some(pos), None) if pos.ends_with("'s") => {
            let noun = pos.trim_start_matches("the ").trim_end_matches("'s");
            if !hit.context.article.class_nouns.iter().any(|c| c == noun) {
                return None;
            }
            hit.note("a class noun read as the article's subject");
            hit.context.article.subject.clone()
        }
        _ => None,
    };
    let role = match owner {
        Some(owner) => format!("the {role} of {owner}"),
        None => format!("the {role}"),
    };
    person(name, role, hit.event_date("r"))
}

/// "Mara Quell designed the New Town": the designer of the New Town.
fn agent(hit: &Hit) -> Option<FactKind> {
    let written = hit.raw("v")?;
    let verb = crate::wording::verb::Verb::of(written);
    if verb.past != written {
        return None;
    }
    let noun = AGENT_NOUNS
        .iter()
        .find(|(v, _)| *v == verb.base)
        .map(|(_, n)| *n)?;
    let name = hit.context.name(&hit.slot("n")?.text);
    // "designed it", "won the race": what was done must be named.
    if !hit.raw("o")?.contains('«') {
        return None;
    }
    let object = hit.sentence.render(hit.raw("o")?);
    // "governed the republic as its Supreme Director": what was governed.
    let object = trim_phrase(object.split(" as ").next().unwrap_or(&object));
    let object = match object.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => object,
    };
    let object = match object.split_once(' ') {
        Some((det @ ("his" | "her" | "its" | "their"), rest)) => {
            let owner = match det {
                "his" | "her" => hit.context.person_for(det)?,
                _ => hit.it()?,
            };
            // "X designed her own house": the role would name the answer.
            if owner == name {
                return None;
            }
            format!("{owner}'s {rest}")
        }
        _ => object,
    };
    person(name, format!("the {noun} of {object}"), None)
}

/// "Mara Quell (1820-1894) was a Scottish chemist who found the salt of Tull": who the person
/// was, with the relative clause when it is short enough for an answer.
fn was_a(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let role = hit.text("r")?;
    if !is_person_role(&role) {
        return None;
    }
    // "who founded the school", or "celebrated for her self-portraits".
    let relative = hit
        .text("rel")
        .or_else(|| hit.text("part"))
        .map(|r| r.trim().to_string());
    let full = match relative {
        Some(rel)
            if rel.split_whitespace().count() <= 12
                && !rel.contains(',')
                && !rel
                    .split_whitespace()
                    .any(|w| matches!(w, "it" | "them" | "they" | "this")) =>
        {
            format!("the {role} {rel}")
        }
        _ => format!("the {role}"),
    };
    checked_person(name, full, None)
}

/// Verbs that tell what someone said, thought or underwent rather than a deed to ask about.
#[rustfmt::skip]
const NOT_DEEDS: &[&str] = &[
    "say", "tell", "claim", "argue", "believe", "think", "hope", "want", "note", "add", "recall",
    "remember", "feel", "know", "seem", "appear", "remain", "continue", "try", "live", "die",
    "marry", "become", "get", "go", "come", "return", "move", "stay", "spend", "use", "do",
    "have", "be", "see", "hear", "like", "love", "need", "wish", "write", "receive", "suffer",
    "lose", "fail", "begin", "start", "spend", "leave", "meet", "visit", "join", "enter",
];

/// "Tomas Reede persuaded the council to build a lock canal": a named person is the person
/// who did it. Only a deed with its object in the clause (no pronoun to resolve, no date),
/// never the biography's own subject, whose deeds are its events.
fn deed(hit: &Hit) -> Option<FactKind> {
    let written = hit.raw("v")?;
    let verb = crate::wording::verb::Verb::of(written);
    if verb.past != written
        || !crate::wording::verb::is_past_form(written)
        || crate::wording::verb::is_auxiliary(written)
        || NOT_DEEDS.contains(&verb.base.as_str())
        || AGENT_NOUNS.iter().any(|(v, _)| *v == verb.base)
    {
        return None;
    }
    let name = hit.context.name(&hit.slot("n")?.text);
    if hit.context.article.subject.as_deref() == Some(name.as_str()) {
        return None;
    }
    // The object up to a time, a place of the deed or another clause.
    static CUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r" (?:in|on|at|by|from|during|after|before|until|when|while|because|since|for) (?:the )?(?:«[DRX]\d+»|age|year|end|time|first time)\b| (?:when|while|because|after|before|although|though|as|and then|but)\b").expect("valid")
    });
    let raw = hit.raw("o")?;
    let raw = match CUT.find(raw) {
        Some(m) => &raw[..m.start()],
        None => raw,
    };
    let first = raw.split_whitespace().next()?;
    // "flew economy class", "stood between the two": a deed worth asking about names
    // what it was done to.
    if !(raw.contains("«E") || raw.contains("«Q")) {
        return None;
    }
    // "disappeared high on the ridge": an event verb without an object.
    if crate::draft::rules::events::INTRANSITIVE
        .iter()
        .any(|(v, _)| *v == written)
    {
        return None;
    }
    if raw.contains("«D")
        || raw.contains("«R")
        || matches!(
            first,
            "in" | "on"
                | "at"
                | "from"
                | "for"
                | "with"
                | "during"
                | "after"
                | "before"
                | "since"
                | "to"
                | "into"
                | "up"
                | "out"
                | "back"
                | "away"
                | "home"
                | "that"
                | "what"
                | "how"
                | "if"
                | "whether"
        )
        || leans_on_another(raw)
        || raw.split_whitespace().any(|w| {
            matches!(
                w,
                "this" | "these" | "those" | "himself" | "herself" | "themselves" | "there"
            )
        })
    {
        return None;
    }
    // "proposed a radical answer: rather than ...": what follows a colon is another phrase.
    let rendered = hit.sentence.render(raw);
    let object = trim_phrase(rendered.split(':').next().unwrap_or(&rendered));
    let words = object.split_whitespace().count();
    if !(2..=12).contains(&words) || object.contains(" rather than") {
        return None;
    }
    checked_person(name, format!("the person who {written} {object}"), None)
}

/// "X, the first professor of mathematics at Y," and "X, a Scottish chemist,".
fn apposition(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let mut role = hit.text("r")?;
    // "Henri Ziegler, its first chief executive;": the first chief executive of what "its"
    // stands for (never of the person named: a role never holds the name it asks for).
    if role
        .split(' ')
        .next()
        .is_some_and(|d| matches!(d, "its" | "his" | "her" | "their"))
    {
        let (resolved, note) = hit.context.resolve(&role)?;
        hit.note(note.unwrap_or("a possessive read by reference"));
        role = resolved;
    }
    if !is_person_role(&role) {
        return None;
    }
    // "Tycho Brahe, the Danish nobleman who had compiled the best observations of the
    // planets": the clause says which one, unless it leans on another phrase.
    match hit.text("rel") {
        Some(rel)
            if rel.split_whitespace().count() <= 14
                && rel.split_whitespace().count() >= 2
                && !leans_on_another(&rel) =>
        {
            checked_person(name, format!("{} who {rel}", trim_phrase(&role)), None)
        }
        _ => match hit
            .caps
            .get(0)
            .filter(|whole| whole.as_str().ends_with(','))
            .and_then(|whole| predicate_after(hit, &role, whole.end()))
        {
            Some(deed) => checked_person(name, format!("{} who {deed}", trim_phrase(&role)), None),
            None => person(name, role, None),
        },
    }
}

/// "Hartono, an Indonesian general, became its first Secretary-General in 1976": what the
/// person named with a bare role did, which says which general ("an Indonesian general who
/// became ASEAN's first Secretary-General in 1976"). The deed is read from `from` on in the
/// clause. `None` when the role already says which one ("the director of X", "the
/// laboratory's director"), when the person does not open the clause, or when the clause
/// goes on with no deed of the person.
fn predicate_after(hit: &Hit, role: &str, from: usize) -> Option<String> {
    if !is_bare_role(role) {
        return None;
    }
    // The person opens the clause (perhaps after a time): "the army of X, a nobleman,
    // emboldened the emperor" tells what the army did.
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?:[Ii]n|[Oo]n|[Bb]y|[Aa]fter|[Dd]uring|[Bb]etween|[Ff]rom) (?:[a-z]+ ){0,3}«[DR]\d+»(?: (?:and|to) «D\d+»)?,? |«[DR]\d+»,? |(?:[Ll]ater|[Tt]hen),? )?(?:[Tt]he (?:[A-Za-z\-]+ ){1,4})?$")
            .expect("valid")
    });
    if !OPENING.is_match(&hit.clause[..hit.caps.name("n")?.start()]) {
        return None;
    }
    let after = hit.clause.get(from..)?.trim_start();
    // "wrote an epitaph for him: “...”": a colon ends the deed too.
    let predicate = after
        .split([',', ';', ':'])
        .next()?
        .trim_end_matches('.')
        .trim();
    let mut words = predicate.split_whitespace();
    let mut verb = words.next()?;
    if verb.ends_with("ly") || matches!(verb, "later" | "then" | "also" | "soon" | "first") {
        verb = words.next()?;
    }
    let passive = matches!(verb, "was" | "were")
        && words.next().is_some_and(crate::wording::verb::is_past_form);
    if !(passive
        || verb == "became"
        || (crate::wording::verb::is_past_form(verb) && !crate::wording::verb::is_auxiliary(verb)))
    {
        return None;
    }
    // "became its first Secretary-General": whose, as the article's "it" stands for.
    let rendered = hit.possessives_inside(&hit.sentence.render(predicate))?;
    let count = rendered.split_whitespace().count();
    // "took over", "went further": a deed of two words says too little.
    if !(3..=14).contains(&count) || leans_on_another(&rendered) {
        return None;
    }
    Some(resolve_nouns(hit, &rendered, false))
}

/// "a British expedition led by John Hunt": the leader of the expedition.
fn led_by(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    if !looks_like_person(&name) {
        return None;
    }
    let leader = match hit.raw("v")? {
        "commanded" => "commander",
        "headed" => "head",
        "captained" => "captain",
        "piloted" => "pilot",
        "directed" => "director",
        "chaired" => "chair",
        _ => "leader",
    };
    // "Apollo 11 was commanded by Neil Armstrong": a named thing's commander.
    if let Some(s) = hit.slot("s") {
        return person(
            name,
            format!("the {leader} of {}", hit.context.name(&s.text)),
            None,
        );
    }
    let body = hit.sentence.render(hit.raw("np")?);
    if leans_on_another(&body)
        || body
            .split_whitespace()
            .any(crate::wording::verb::is_auxiliary)
    {
        return None;
    }
    let body =
        crate::draft::rules::resolve_nouns(hit, &crate::draft::rules::definite(&body), false);
    person(name, format!("the {leader} of {body}"), None)
}

/// "the Scottish bacteriologist Alexander Fleming".
fn title_before(hit: &Hit) -> Option<FactKind> {
    let slot = hit.slot("n")?;
    let name = hit.context.name(&slot.text);
    let role = format!("the {}", hit.text("r")?);
    // "letters for the king and for Scott", "named the plateau after King Haakon": a
    // preposition or a conjunction joins two phrases; a title is one.
    if role
        .split_whitespace()
        .skip(1)
        .any(|w| crate::wording::noun::POSTMODIFIERS.contains(&w) || matches!(w, "and" | "or"))
    {
        return None;
    }
    // A doer's noun is a title only before a name written as a person's ("the electric-car
    // maker Tesla" is a firm, though the article's Tesla is a man).
    let titled =
        is_person_role(&role) || (hit.context.article.is_person(slot.bare()) && agent_noun(&role));
    if !titled {
        return None;
    }
    // "the Portuguese captain Pedro Teixeira led the first expedition up the river".
    let end = hit.caps.name("n")?.end();
    match predicate_after(hit, &role, end).filter(|_| hit.clause[end..].starts_with(' ')) {
        Some(deed) => checked_person(name, format!("{role} who {deed}"), None),
        // A deed that would show the name ("Enzo Ferrari founded Ferrari") is left out.
        None => made_by_role(hit)
            .and_then(|deed| checked_person(name.clone(), format!("{role} who {deed}"), None))
            .or_else(|| person(name, role, None)),
    }
}

/// "it was designed by the French sculptor X", "the pedestal, designed by the architect X,",
/// "Founded by the racing driver X, it ...": what the person made, told in the passive
/// before the role ("designed the Statue of Liberty").
fn made_by_role(hit: &Hit) -> Option<String> {
    const VERBS: &str = "designed|founded|written|built|painted|composed|invented|engineered|created|established|discovered|directed|rescued|commissioned|sculpted|drawn";
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?:(?:^|, (?:and |but )?)(?P<s>(?:[Tt]he )?«E\d+»|[Ii]t)(?:, [^,]+,)? (?:was|were|is|are) (?:[a-z]+ly )?|(?P<np>(?:the|its) (?:[a-z\-]+ ){{0,3}}[a-z\-]+|(?:the )?«E\d+»), |^)(?P<v>{VERBS}|{upper})(?: in «D\d+»)? by $", upper = VERBS.split('|').map(crate::wording::noun::capitalise).collect::<Vec<_>>().join("|")))
            .expect("valid")
    });
    let start = hit.caps.get(0)?.start();
    let before = &hit.clause[..start];
    // The role's own "the" is inside the match: what comes before it ends in "by ".
    let c = BEFORE.captures(before)?;
    let verb = c["v"].to_lowercase();
    let object = if let Some(np) = c.name("np") {
        resolve_nouns(hit, &hit.sentence.render(np.as_str()), false)
    } else if let Some(s) = c.name("s") {
        if s.as_str().eq_ignore_ascii_case("it") {
            hit.it()?
        } else {
            hit.context.name(&hit.sentence.render(s.as_str()))
        }
    } else {
        // "Founded by the racing driver X, it built ...": the main clause's subject.
        let end = hit.offset() + hit.caps.name("n")?.end();
        let after = hit.sentence.skeleton.get(end..)?.strip_prefix(", ")?;
        let subject = after.split(' ').next()?;
        if subject.eq_ignore_ascii_case("it") {
            hit.it()?
        } else if subject.starts_with("«E") {
            hit.context.name(&hit.sentence.render(subject))
        } else {
            return None;
        }
    };
    if object.starts_with(char::is_lowercase) && !object.starts_with("the ") {
        return None;
    }
    let object = hit.possessives_inside(&format!(" {object}"))?;
    Some(format!("{verb} {}", object.trim()))
}

/// Words shaped like a doer's noun that are not one: things, comparatives, particles.
#[rustfmt::skip]
const NOT_AGENTS: &[&str] = &[
    "river", "water", "tower", "border", "corner", "center", "centre", "winter", "summer",
    "number", "letter", "paper", "chapter", "quarter", "matter", "power", "order", "inner",
    "outer", "upper", "lower", "other", "former", "latter", "greater", "lesser", "older",
    "younger", "elder", "later", "under", "after", "never", "rather", "further", "together",
    "either", "neither", "whether", "floor", "interior", "exterior", "superior", "inferior",
    "major", "minor", "error", "mirror", "harbor", "colour", "color", "favour", "honour",
    "honor", "labour", "labor", "motor", "sector", "factor", "reactor", "meteor", "corridor",
    "monitor", "theater", "theatre", "shelter", "cluster", "crater", "carrier", "barrier",
    "frontier", "glacier", "premier", "ledger", "disaster", "register", "trigger", "thunder",
    "silver", "copper", "timber", "rubber", "amber", "member", "december", "november",
    "october", "september", "christian", "indian", "asian", "median", "guardian",
    "newspaper", "skyscraper", "steamer", "liner", "freighter", "destroyer", "computer",
    "container", "tractor", "generator", "calculator", "elevator", "detector", "transistor",
    "processor", "satellite", "poster", "banner", "manner", "dinner", "charter",
    "deeper", "higher", "larger", "smaller", "wider", "longer", "bigger", "brighter", "faster",
    "stronger", "closer", "earlier", "newer", "richer", "poorer", "darker", "fainter",
    "farther", "cheaper", "heavier", "broader", "taller", "shorter", "warmer", "colder",
    "cooler", "hotter", "safer", "clearer", "weaker", "slower", "sooner", "tighter",
];

/// Whether a role's last word is shaped as a noun of someone who does something
/// ("financier", "jumper", "engineer"), enough before a name that is a person's.
fn agent_noun(role: &str) -> bool {
    // "the even deeper Ultra Deep Field": an adverb of degree before a comparative.
    let words: Vec<&str> = role.split_whitespace().collect();
    if words.len() >= 2
        && matches!(
            words[words.len() - 2],
            "even" | "much" | "far" | "still" | "ever" | "yet" | "more" | "no"
        )
    {
        return false;
    }
    role.split_whitespace().last().is_some_and(|w| {
        w.len() > 4
            && w.starts_with(char::is_lowercase)
            && ["er", "or", "ist", "ian"]
                .iter()
                .any(|end| w.ends_with(end))
            && !NOT_AGENTS.contains(&w)
    })
}

/// "the American secretary of state, John Foster Dulles, withdrew the offer".
fn role_then_name(hit: &Hit) -> Option<FactKind> {
    let role = hit.text("r")?;
    if !is_person_role(&role) {
        return None;
    }
    let role = match role.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => role,
    };
    // "The founder, Fusajiro Yamauchi, was ...": an office with no owner is the article's
    // subject's (an organisation's); any other bare role ("the mayor", "the defending
    // champion") says too little.
    if !role.contains(" of ") && !role.contains("'s ") && role.split_whitespace().count() <= 3 {
        static OFFICE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^the (?:new |first |current |then )?(?:founder|president|chairman|chairwoman|director|director-general|secretary-general|chief executive|head|owner)$")
                .expect("valid")
        });
        let subject = hit.context.article.subject.as_ref()?;
        if !OFFICE.is_match(&role)
            || hit.context.article.subject_is_person()
            || crate::draft::context::names_an_event(subject)
        {
            return None;
        }
        let name = hit.context.name(&hit.slot("n")?.text);
        return person(name, format!("{role} of {subject}"), None);
    }
    let name = hit.context.name(&hit.slot("n")?.text);
    person(name, role, None)
}

/// "Baden engineer Johann Tulla": a role told by a place name before it.
fn place_role(hit: &Hit) -> Option<FactKind> {
    let place = hit.slot("adj")?.bare();
    if place.contains(' ') || looks_like_person(place) {
        return None;
    }
    let role = format!("the {place} {}", hit.raw("r")?);
    if !is_person_role(&role) {
        return None;
    }
    let name = hit.context.name(&hit.slot("n")?.text);
    person(name, role, None)
}

/// "The first European to report the mountain was X".
fn role_was(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let role = hit.text("r")?;
    let role = format!("the {}", role.strip_prefix("The ").unwrap_or(&role));
    // "The winner" alone says too little: a role needs "of" or a qualifier.
    if role.split_whitespace().count() < 4 || !is_person_role(&role) {
        return None;
    }
    person(name, resolve_nouns(hit, &role, true), None)
}

/// "Its first Secretary-General was Eric Drummond": the first holder of an office of what
/// "its" stands for.
fn its_first(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let office = hit.text("r")?;
    let role = format!("the {} {office}", hit.raw("rank")?);
    if !is_person_role(&role) || !hit.context.article.is_person(&name) {
        return None;
    }
    let owner = hit.it_at_group("rank")?;
    hit.note("a possessive read by reference");
    person(name, format!("{role} of {owner}"), None)
}

fn role_before_name_any(hit: &Hit) -> Option<FactKind> {
    if hit.raw("n").is_some() {
        return role_before_name(hit);
    }
    let name = hit.context.name(&hit.slot("n2")?.text);
    let owner = hit.it_at_group("r2")?;
    let role = format!("the {} of {owner}", hit.raw("r2")?);
    if !is_person_role(&role) {
        return None;
    }
    person(name, role, None)
}

/// "Kjeld Kristiansen, Ole Kirk's grandson, became head": the kin of the other person.
fn kin_apposition(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    // "David's mother, Queen Margaret": a first name alone may be anyone's, so the owner is
    // named in full where the relation is told.
    let written = hit.slot("o")?.bare();
    let of = hit.context.name(written);
    if !looks_like_person(&of) || !looks_like_person(written) {
        return None;
    }
    person(name, format!("the {} of {of}", hit.raw("r")?), None)
}

/// "a Vodou priest named Dutty Boukman": the role the name is given with.
fn named_role(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let role = format!("the {}", &hit.text("r")?);
    // "a man named X" says nothing a question could ask.
    let head = role.rsplit(' ').next().unwrap_or("");
    if !is_person_role(&role)
        || matches!(
            head,
            "man" | "woman" | "boy" | "girl" | "person" | "child" | "someone" | "one"
        )
    {
        return None;
    }
    person(name, role, None)
}

/// "X was elected president in 1980".
fn elected(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let role = hit.raw("r")?;
    let owner = hit.context.article.subject.clone()?;
    person(name, format!("the {role} of {owner}"), hit.event_date("r"))
}

/// "His editor, X, agreed": X is the editor of whoever "his" is.
fn possessive_role(hit: &Hit) -> Option<FactKind> {
    let mut name = hit.context.name(&hit.slot("n")?.text);
    let raw = hit.text("r")?;
    let (pronoun, noun) = raw.split_once(' ')?;
    let kin = noun
        .rsplit(' ')
        .next()
        .is_some_and(|n| BLOOD_KIN.contains(&n));
    // "Their father, William Nightingale," in a life of Florence Nightingale: the family's
    // father is hers.
    let owner = match pronoun {
        "Their" | "their" if kin && hit.context.article.subject_is_person() => {
            hit.context.article.subject.clone()
        }
        _ => None,
    };
    let role = match owner {
        Some(owner) => format!("{owner}'s {noun}"),
        None => hit.name("r")?,
    };
    if !is_person_role(&role) {
        return None;
    }
    // "Her elder sister, Parthenope,": a first name alone takes the family's name (a
    // mother's may be another: "his mother, Komalatammal").
    if kin && !name.contains(' ') {
        if noun.ends_with("mother") {
            return None;
        }
        let owner = FULL_NAME.find(&role)?.as_str().trim_end_matches("'s");
        let family = owner.rsplit(' ').next()?;
        name = format!("{name} {family}");
    }
    person(name, role, None)
}

/// Relatives by blood, who share a family name.
const BLOOD_KIN: &[&str] = &[
    "father",
    "mother",
    "brother",
    "sister",
    "son",
    "daughter",
    "grandfather",
    "grandmother",
];

/// A name of two capitalised words or more, perhaps possessive ("Florence Nightingale's"):
/// the owner a relative's role names.
static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\p{Lu}[\p{L}\-]*(?: \p{Lu}[\p{L}\-]*)+(?:'s)?").expect("valid")
});

/// "X was the first woman to ...": a first is a role worth asking.
fn was_the_first(hit: &Hit) -> Option<FactKind> {
    let name = hit.name("n")?;
    let role = format!("the first {}", hit.text("r")?);
    if !is_person_role(&role) {
        return None;
    }
    person(name, role, None)
}

/// "It was founded by X", "The bookcase, designed by X,": X made it.
fn made_by(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let what = hit.name("s")?;
    let agent = match hit.raw("v")? {
        "founded" | "established" | "created" | "set up" => "founder",
        "designed" => "designer",
        "written" => "author",
        "invented" => "inventor",
        "discovered" => "discoverer",
        "composed" => "composer",
        "painted" => "painter",
        "built" => "builder",
        "directed" => "director",
        "led" => "leader",
        _ => return None,
    };
    person(
        name,
        format!("the {agent} of {}", crate::draft::rules::definite(&what)),
        None,
    )
}

/// "Hemingway's short story “The Snows”", "Tennyson in his poem “The Charge”": the author.
fn author_of(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let work = hit.slot("q")?.text.clone();
    person(name, format!("the author of {work}"), None)
}

/// "helped by a local guide, X," and "led by its prime minister X".
fn role_before_name(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let role = hit.text("r")?;
    let role = match hit.slot("of") {
        Some(of) => format!("the {role} of {}", hit.context.name(&of.text)),
        None => role,
    };
    if !is_person_role(&role) {
        return None;
    }
    person(name, role, None)
}

/// "X died in 1855 and was succeeded by his son, Y": Y is the son and successor of X.
fn succeeded(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let before = hit.name("s")?;
    person(
        name,
        format!("the {} and successor of {before}", hit.raw("r")?),
        hit.event_date("n"),
    )
}

/// "Chinese President Xi Jinping": a title written before a name.
fn titled(hit: &Hit) -> Option<FactKind> {
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:the )?(?P<title>(?P<nation>[A-Z][a-z]+(?:ese|ian|ish|an|ic) )?(?:President|Prime Minister|Chancellor|Premier|King|Queen|Emperor|Empress|Tsar|Secretary-General|Foreign Minister|Governor|Mayor|General|Admiral|Pope|Archbishop|Bishop)) (?P<name>[A-Z]\S+(?: [A-Z]\S+){0,2})$").expect("valid")
    });
    let slot = hit.slot("n")?;
    let c = TITLE.captures(&slot.text)?;
    // "President Jimmy Carter": "the President" says of what only with its nation
    // ("Chinese President Xi Jinping"); a bare title asks nothing.
    c.name("nation")?;
    person(c["name"].to_string(), format!("the {}", &c["title"]), None)
}

/// Words that open the name of an office: "the President of the United States".
#[rustfmt::skip]
const OFFICES: &[&str] = &[
    "President", "Prime", "Chancellor", "Premier", "King", "Queen", "Emperor", "Empress", "Tsar",
    "Secretary-General", "Secretary", "Governor", "Mayor", "Director", "Director-General",
    "Duke", "Duchess", "Elector", "Pope", "Archbishop", "Bishop", "Chairman", "Surveyor",
    "Minister", "Foreign", "General", "Admiral", "Marshal", "Crown", "Grand",
];

/// "Woodrow Wilson, the President of the United States;": a name, then an office written
/// as a name.
fn office(hit: &Hit) -> Option<FactKind> {
    let name = hit.context.name(&hit.slot("n")?.text);
    let office = hit.slot("o")?.bare().to_string();
    let first = office.split_whitespace().next()?;
    // "Gustave Moynier, General Guillaume-Henri Dufour, Louis Appia": a series of people,
    // the second with their title, not the first's office.
    let rest = office.split_once(' ').map_or("", |(_, r)| r);
    let end = hit.caps.get(0).map_or(0, |m| m.end());
    let series = (hit.caps.get(0).is_some_and(|m| m.as_str().ends_with(','))
        && hit.clause[end..].starts_with(" «"))
        || hit.clause[..hit.caps.get(0).map_or(0, |m| m.start())].ends_with("», ");
    if !OFFICES.contains(&first)
        || office.split_whitespace().count() < 2
        || crate::draft::context::looks_like_person(rest)
        || series
    {
        return None;
    }
    person(name, format!("the {office}"), None)
}

pub static RULES: &[Rule] = &[
    Rule {
        name: "X designed Y: the designer of Y",
        pattern: r"(?:^|, |; )(?:(?:[Ii]n|[Oo]n) «D\d+»,? )?(?P<n>«E\d+»)(?:, [^,]{2,80},)? (?:(?:first|later|also|then) )?(?P<v>[a-z]+) (?P<o>(?:the )?«[EQ]\d+»(?: (?:of|in) (?:the )?«E\d+»)?|(?:the|his|her|its|their) (?:{W} ){0,5}?{W}(?: (?:of|in) (?:the )?«E\d+»)?)(?:[,;.]|$| (?:in|on|at|with|after|before|for|from|by|and|which|that|who)\b)",
        whole: false,
        confidence: 0.9,
        build: agent,
        must: &[
            "In 1766 Mara Quell designed the New Town of Varn.",
            "Tomas Reede, a young sailor from Brill, won the first Varn Regatta in 1897.",
        ],
        must_not: &[
            "Mara Quell met the New Town of Varn.",
            "The Tull Shipping Company designed the New Town of Varn.",
            "Mara Quell designed it.",
        ],
    },
    Rule {
        name: "X did Y: the person who did Y",
        pattern: r"(?:^|; )(?:(?:[Ii]n|[Oo]n|[Bb]y|[Aa]fter|[Ww]ithin) [^,]{1,40},? )?(?P<n>«E\d+»)(?:, [^,]{2,80},)? (?:(?:first|later|also|then|eventually|finally|famously|personally|successfully) )?(?P<v>[a-z]+) (?P<o>[^,;]{4,120}?)(?:[,;.]|$)",
        whole: false,
        confidence: 0.5,
        build: deed,
        must: &[
            "The canal was hard to dig. Tomas Reede persuaded the Varn Council to adopt a lock canal.",
            "In 1900 Mara Quell, the harbour master, first isolated the salt of Lake Tull.",
        ],
        must_not: &[
            "Tomas Reede persuaded him to stay.",
            "Tomas Reede lived in Varn.",
            "Tomas Reede disappeared high on the Varn Ridge.",
            "Tomas Reede stood between the two.",
            "Tomas Reede persuaded the council in 1905.",
            "Tomas Reede said that the canal was too deep.",
            "Tomas Reede designed the New Town of Varn.",
            "The Varn Company persuaded the council to adopt a lock canal.",
        ],
    },
    Rule {
        name: "Title Name",
        pattern: r"(?P<n>«E\d+»)",
        whole: false,
        confidence: 0.8,
        build: titled,
        must: &["Later Brillish President Mara Quell opened the bridge."],
        must_not: &[
            "Later the Brillish Harbour Board opened the bridge.",
            "Later President Mara Quell opened the bridge.",
            "Later Prime Minister Mara Quell opened the bridge.",
        ],
    },
    Rule {
        name: "X's poem “Q”",
        pattern: r"(?P<n>«E\d+»)(?:'s| in (?:his|her)) (?:[a-z]+ )?(?:poem|novel|story|book|play|song|opera|symphony|essay|memoir|painting|film) (?P<q>«Q\d+»)",
        whole: false,
        confidence: 0.75,
        build: author_of,
        must: &["It entered literature through Mara Quell's short story “The Tide”, in 1936."],
        must_not: &["It entered literature through a short story “The Tide”, in 1936."],
    },
    Rule {
        name: "the ROLE, X, did",
        pattern: r"(?:^|«D\d+» |, )(?P<r>[Tt]he (?:[A-Za-z\-']+ ){0,4}[a-z\-]+), (?P<n>«E\d+»), (?:[a-z]+|«E\d+»)",
        whole: false,
        confidence: 0.9,
        build: role_then_name,
        must: &[
            "On 19 July 1956 the harbour secretary of state, Tomas Reede, withdrew the offer.",
            "Varnco is a firm. The founder, Tomas Reede, was a craftsman.",
            "In 1987 the mill's director, Tomas Reede, Mara Quell and the chief engineer, Ivo Kern, were sentenced.",
        ],
        must_not: &[
            "On 19 July 1956 the harbour, Varn, was closed.",
            "On 19 July 1956 the old town, Tomas Reede, was closed.",
            "The siege of Varn began. The mayor, Tomas Reede, fell ill.",
            "The Siege of Varn was fought in 1683. The founder, Tomas Reede, fell ill.",
            "The Varn Race is old. The defending champion, Tomas Reede, won.",
        ],
    },
    Rule {
        name: "Its first ROLE was X",
        pattern: r"^(?:[Ii]ts|[Tt]heir) (?P<rank>first|last|founding|current|second) (?P<r>«E\d+»|[a-z]+(?: [a-z]+)?) (?:was|is) (?:the (?:[A-Za-z\-]+ ){1,5}?(?:and (?:[a-z\-]+ ){1,2})?)?(?P<n>«E\d+»)(?:[,.;]|$| \(| who\b)",
        whole: false,
        confidence: 0.85,
        build: its_first,
        must: &[
            "The Harbour League is a union. Its first Secretary-General was Tomas Reede, a diplomat.",
            "The Harbour League is a union. Its first president was Mara Quell.",
            "The Harbour League is a union. Its first Secretary-General was the Varnish economist and politician Tomas Reede, who held the post until 1969.",
        ],
        must_not: &[
            "The Harbour League is a union. Its first ship was the Varn Queen.",
            "Mara Quell was a sailor. Her first ship was Tomas Reede.",
            "The Harbour League is a union. It met at the Varn Tull. Its first president was Varn Tull.",
        ],
    },
    Rule {
        name: "by a local guide, X,",
        pattern: r"\b(?:by|with) (?P<r>an? (?:[a-z]+ ){0,2}[a-z]+), (?P<n>«E\d+»)(?:,|\.|$)|\bled by (?:its|his|her|their) (?P<r2>[a-z]+(?: [a-z]+)?) (?P<n2>«E\d+»)",
        whole: false,
        confidence: 0.7,
        build: role_before_name_any,
        must: &[
            "They were helped by a local guide, Tomas Reede, who knew the paths.",
            "Brill, led by its prime minister Mara Quell, sent troops.",
        ],
        must_not: &["They were helped by a local guide, who knew the paths."],
    },
    Rule {
        name: "X, Y's grandson,",
        pattern: r"(?P<n>«E\d+»), (?P<o>«E\d+»)'s (?P<r>son|daughter|grandson|granddaughter|brother|sister|nephew|niece|widow|wife|husband|cousin|father|mother|grandfather|grandmother|pupil|student|assistant|successor|rival|partner)(?:,|\.|;|$)",
        whole: false,
        confidence: 0.65,
        build: kin_apposition,
        must: &["Arden Vell, Tomas Reede's grandson, became head of the firm in 1979."],
        must_not: &["Arden Vell, Varn's grandson, became head of the firm in 1979."],
    },
    Rule {
        name: "Y's son, X",
        pattern: r"(?:^|[a-z,] )(?P<o>«E\d+»)'s (?P<r>son|daughter|grandson|granddaughter|brother|sister|nephew|niece|widow|wife|husband|cousin|father|mother|grandfather|grandmother|pupil|student|assistant|successor|rival|partner), (?P<n>«E\d+»)(?:[,.;]|$| (?:who|and)\b)",
        whole: false,
        confidence: 0.65,
        build: kin_apposition,
        must: &["The money went to a new venture led by Tomas Reede's son, Arden Vell."],
        must_not: &[
            "The money went to a new venture led by Varn's son, Arden Vell.",
            "The money went to Tomas Reede's son, Arden Vell Shipping and Brill.",
            "Tomas Reede came. The money went to Tomas's son, Arden Vell.",
        ],
    },
    Rule {
        name: "a ROLE named X",
        pattern: r"\b(?:an?|the) (?P<r>(?:«E\d+» |[a-z]+ )?[a-z]+) (?:named|called) (?P<n>«E\d+»)",
        whole: false,
        confidence: 0.8,
        build: named_role,
        must: &[
            "The revolt was planned at a ceremony presided over by a Varn priest named Tomas Reede.",
        ],
        must_not: &[
            "They sailed to a harbour called Tull Bay.",
            "The revolt was led by a man named Tomas Reede.",
        ],
    },
    Rule {
        name: "X was succeeded by his son, Y",
        pattern: r"(?P<s>«E\d+») (?:died [^,;]*? and )?was succeeded by (?:his|her) (?P<r>son|daughter|brother|sister|nephew|widow|wife|husband|cousin), (?P<n>«E\d+»)",
        whole: false,
        confidence: 0.8,
        build: succeeded,
        must: &["Tomas Reede died in March 1855 and was succeeded by his son, Arden Vell."],
        must_not: &["Tomas Reede was succeeded by a council."],
    },
    Rule {
        name: "His editor, X,",
        pattern: r"(?:^|\b(?:on|to|by|with|for|from|and|married|met|joined|visited|left|lost) )(?P<r>(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir) [a-z]+(?: [a-z]+)?), (?P<n>«E\d+»)(?: \(«[RDX]\d+»\))?(?:,|$)",
        whole: false,
        confidence: 0.7,
        build: possessive_role,
        must: &[
            "Mara Quell wrote the piece. Her editor, Tomas Reede, agreed.",
            "Mara Quell was a nurse. Her elder sister, Ola Quell, had been named after Varn.",
            "Mara Quell was a nurse. Her elder sister, Ola, had been named after Varn.",
            "Mara Quell was a nurse. Their father, Tomas Edward Quell, was a landowner.",
            "Varnco is a firm. Its founder, Tomas Reede (1910-1987), the son of a farmer, opened a shop.",
            "Tomas Reede was a chemist. The family then depended on his mother, Mara Quell, who ran a mill.",
        ],
        must_not: &[
            "Her editor agreed.",
            "Tomas Reede was a clerk. His mother, Komalatammal, sang at the temple.",
            "Mara Quell was a nurse. Their editor, Tomas Reede, agreed.",
        ],
    },
    Rule {
        name: "X (dates) was a ROLE who ...",
        pattern: r"^(?P<n>«E\d+»)(?: \((?:«[RDX]\d+»|[^()]{1,30})\))?(?:, (?:born|née|né) (?:«E\d+»|«D\d+»|[^,]{3,40}),)? (?:was|is) (?:a|an) (?P<r>(?:[A-Za-z\-]+ ){0,4}?[a-z\-]+(?:(?:, [a-z\-]+)*,? and [a-z\-]+)?)(?:(?P<rel> (?:who|whose) [^;:]{3,140}?)(?:[.;]|$)|(?P<part> (?:best |widely |internationally )?(?:celebrated|known|famous|remembered|noted|admired) for [^;:,]{3,100}?)(?:[.;,]|$)|[.;,]|$| who\b| whose\b)",
        whole: true,
        confidence: 0.9,
        build: was_a,
        must: &[
            "Mara Quell (1820-1894) was a Scottish chemist who found the salt of Lake Tull.",
            "Tomas Reede was a wandering friar and scientist whose lamps lit the coast.",
            "Tomas Reede was a Varnish goldsmith, inventor and printer who brought type to Brill.",
            "Ola Brill (1887-1920) was an eager young mathematician who, with almost no formal training, produced thousands of results in number theory, infinite series, continued fractions and the theory of partitions of whole numbers.",
            "Mara Quell, born Mara Anne Vell, was a Varnish painter celebrated for her vivid self-portraits, works that shocked.",
        ],
        must_not: &[
            "Mara Quell was a success.",
            "The Varn Guild was a league of ports.",
        ],
    },
    Rule {
        name: "X was the first ROLE",
        pattern: r"^(?P<n>«E\d+»|She|He) was the first (?P<r>[a-z]+ [^,;]*)",
        whole: false,
        confidence: 0.7,
        build: was_the_first,
        must: &["Mara Quell was the first woman to pilot the ferry."],
        must_not: &["The ferry was the first boat to cross."],
    },
    Rule {
        name: "X, made by Y",
        pattern: r"(?P<s>{S})(?:,| {WAS}) (?:[a-z]+ )?(?P<v>founded|established|created|designed|written|invented|discovered|composed|painted|built|directed|led)(?: in «D\d+»)? by (?P<n>«E\d+»)",
        whole: false,
        confidence: 0.7,
        build: made_by,
        must: &["The Tide Engine, designed by Mara Quell, was built in 1931."],
        must_not: &["The Tide Engine was designed by a committee."],
    },
    Rule {
        name: "X, ..., became its first Y",
        pattern: r"(?P<n>«E\d+»)(?:, [^,]{3,80},)? (?:became|was appointed|was elected|was named|was chosen as|was sworn in as|was appointed as|was elected as|was installed as) (?P<pos>its|their|the [a-z]+'s|the) (?P<r>(?:first |new |last )?(?:[a-z][a-z\- ]*?|(?:[a-z]+ )?«E\d+»))(?: of (?P<of>(?:the )?«E\d+»))?(?:[.,;]| in | on | since |$)",
        whole: false,
        confidence: 0.9,
        build: became,
        must: &[
            "The Tidal Institute opened in 1931, and Mara Quell, a retired captain, became its first director.",
            "Tomas Reede became the first warden of the Harbour League in 1889.",
            "Brill is a country. In 2006 Mara Quell, a former sailor, became the country's first woman president.",
            "Tomas Reede, a Varn doctor, was chosen as the first Director-General.",
        ],
        must_not: &[
            "The Harbour League became its own master in 1889.",
            "The Harbour League was chosen as the venue.",
        ],
    },
    Rule {
        name: "X was elected president",
        pattern: r"(?P<n>«E\d+») was (?:elected|appointed|named) (?P<r>president|prime minister|chancellor|governor|mayor|king|queen)\b",
        whole: false,
        confidence: 0.65,
        build: elected,
        must: &["Brill is a small island. In 1980 Mara Quell was elected president."],
        must_not: &["In 1980 the harbour was elected president."],
    },
    Rule {
        name: "X, the / a ROLE,",
        pattern: r"(?P<n>«E\d+»)(?: \(«[RDX]\d+»\))?, (?P<r>(?:the|a|an|one of the|its|his|her|their) (?:{W} ){0,9}?{W})(?:,|\.|;|$| who (?P<rel>(?:[^,;«»]|«[EDNR]\d+»){3,100}?)(?:[,;.]|$)| who )",
        whole: false,
        confidence: 0.8,
        build: apposition,
        must: &[
            "The race was the idea of Tomas Reede (1873-1956), a French lawyer who loved boats.",
            "The book reached Tomas Reede, the Danish nobleman who had compiled the best tables of the tides.",
            "They met Tomas Reede, the first professor of navigation at Varn College, in 1890.",
            "Mara Quell, a Scottish chemist, wrote the report.",
            "Mara Quell, the chemist who led the commission, presented its report in 1986.",
            "The Varn Guild grew. Three men ran it: Tomas Reede, its first chairman; and Ivo Kern.",
        ],
        must_not: &[
            "They sailed to Varn, a port on the coast, in 1890.",
            "The Harbour League, the oldest body of its kind, met.",
        ],
    },
    Rule {
        name: "X, the Office of Y,",
        pattern: r"(?P<n>«E\d+»), (?:the )?(?P<o>«E\d+»)(?: (?:from |since )?«[RD]\d+»)?(?:,|\.|;|$| and )",
        whole: false,
        confidence: 0.85,
        build: office,
        must: &[
            "They were Tomas Reede, the President of the Harbour League; and Mara Quell.",
            "In 1626 Tomas Reede, King of Varn and a prince, was beaten.",
            "It was named after Tomas Reede, the Surveyor General of Varn from 1830 to 1843.",
        ],
        must_not: &[
            "Its members were Tomas Reede, General Mara Quell, Ansel Brill and Ivo Kern.",
            "They sailed to Varn, the Capital of the North, in 1890.",
            "The Harbour League, the Council of Ports, met.",
            "Tomas Reede, the President, spoke.",
        ],
    },
    Rule {
        name: "PLACE ROLE X",
        pattern: r"(?:^|, |«D\d+» |\b(?:by|from|with|to|and) )(?P<adj>«E\d+») (?P<r>[a-z][a-z\-]+) (?P<n>«E\d+»)",
        whole: false,
        confidence: 0.85,
        build: place_role,
        must: &["From 1817 Baden engineer Tomas Reede set about straightening it."],
        must_not: &[
            "From 1817 Baden engineer Varn set about straightening it.",
            "In 1817 Brill beat Tomas Reede.",
            "From 1817 Baden North America Tomas Reede.",
        ],
    },
    Rule {
        name: "a body led by X",
        pattern: r"\b(?P<np>(?:[Aa]n?|[Tt]he) (?:[A-Za-z][a-z\-]* |«[EN]\d+» ){0,4}?[a-z\-]+),? (?P<v>led|headed|commanded) by (?P<n>«E\d+»)(?:[,.;]|$| (?:and|in|on|at|from|to|which|who|[a-z]+ed)\b)",
        whole: false,
        confidence: 0.7,
        build: led_by,
        must: &[
            "They belonged to a British expedition led by Tomas Reede.",
            "In 1620 an army of 5,000 men commanded by Mara Quell landed in Varn.",
            "The treaty was signed by the delegation, headed by Ivo Kern, in 1901.",
        ],
        must_not: &[
            "The talks were led by Tomas Reede.",
            "They belonged to an expedition led by it.",
        ],
    },
    Rule {
        name: "the Name, led by X,",
        pattern: r"(?P<s>(?:the )?«E\d+»)(?: of «[RD]\d+»)?, (?P<v>led|headed|commanded|captained|directed|chaired) by (?:the [a-z]+ )?(?P<n>«E\d+»)(?:[,.;]|$| (?:and|in|on|at|from|to|which|who)\b)",
        whole: false,
        confidence: 0.55,
        build: led_by,
        must: &["His first voyage came on the Varn Expedition of 1901–1904, led by Tomas Reede."],
        must_not: &["His first voyage came on the Varn Expedition, led by it."],
    },
    Rule {
        name: "X was commanded by Y",
        pattern: r"^(?:(?:In|On|By) «D\d+»,? )?(?P<s>(?:[Tt]he )?«E\d+»)(?:, [^,]{3,60},)? (?:was|were) (?:[a-z]+ly )?(?P<v>led|headed|commanded|captained|piloted|directed|chaired) by (?:the [a-z]+ )?(?P<n>«E\d+»)(?:[,.;]|$| (?:and|in|on|at|from|to|which|who)\b)",
        whole: false,
        confidence: 0.8,
        build: led_by,
        must: &[
            "The Varn Expedition was commanded by Tomas Reede, a naval officer.",
            "In 1911 the Tull 7 was captained by Mara Quell.",
        ],
        must_not: &[
            "The talks were led by Tomas Reede.",
            "The Varn Expedition was commanded by Brill.",
        ],
    },
    Rule {
        name: "the ROLE X",
        pattern: r"\b[Tt]he (?P<r>(?:[A-Z][a-z]+ )?[a-z][a-z\-]+(?: [a-z][a-z\-]+){0,2}) (?P<n>«E\d+»)",
        whole: false,
        confidence: 0.8,
        build: title_before,
        must: &[
            "In 1928 the Scottish chemist Mara Quell returned to Varn.",
            "The shift, supervised by the deputy chief engineer Tomas Reede, ran it.",
            "That year Mara Quell and the Varnish financier Tomas Reede tried to fly north.",
        ],
        must_not: &[
            "In 1928 the old harbour Tull Bay froze.",
            "In 1928 the old river Tull Water froze.",
            "They left letters for the king and for Mara Quell.",
            "He named the plateau after King Tomas Reede.",
            "Tomas Reede built cars. Today the electric-car maker Reede is a firm.",
            "In 1887 the newspaper Le Temps printed a protest.",
            "It was followed in 2004 by the even hardier Varn Ultra Field.",
            "It was followed in 2004 by the deeper Varn Ultra Field.",
            "The probes left the inner Solar Reach.",
        ],
    },
    Rule {
        name: "The ROLE was X",
        pattern: r"^(?P<r>The (?:{W} ){1,9}?{W}) was (?P<n>«E\d+»)",
        whole: false,
        confidence: 0.7,
        build: role_was,
        must: &["The first European to reach the summit was Tomas Reede, a surveyor."],
        must_not: &[
            "The winner was Tomas Reede.",
            "The first harbour to freeze was Tull Bay.",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_relatives_whole_name_leaves_the_test_of_a_shown_answer() {
        assert_eq!(
            role_without_others("Ola Quell", "the elder sister of Mara Quell"),
            "the elder sister of "
        );
        assert_eq!(
            role_without_others("Ola Quell", "Mara Quell's elder sister"),
            " elder sister"
        );
        // Not the person's own name, nor a name holding theirs otherwise.
        assert_eq!(
            role_without_others("Ola Quell", "the sister of Ola Quell"),
            "the sister of Ola Quell"
        );
        assert_eq!(
            role_without_others("Omar Tull", "the signer of the Tull-Varn Treaties"),
            "the signer of the Tull-Varn Treaties"
        );
        assert_eq!(
            role_without_others("Ola Quell", "the founder of Quell Shipping"),
            "the founder of Quell Shipping"
        );
    }
    use crate::draft::rules::harness::{check_table, facts_of, phrases_of, rule};

    #[test]
    fn a_doer_is_named_by_what_they_did_with_owners_spelled_out() {
        let got = facts_of(
            rule(RULES, "X designed Y: the designer of Y"),
            "Tomas Reede was a merchant. In 1766 Mara Quell designed his house in Varn.",
        );
        assert_eq!(
            got,
            [FactKind::Person {
                name: Answer::plain("Mara Quell"),
                role: "the designer of Tomas Reede's house in Varn".into(),
                since: None,
            }]
        );
    }

    #[test]
    fn every_rule_matches_its_examples() {
        check_table(RULES);
    }

    #[test]
    fn roles_are_person_nouns() {
        assert!(is_person_role("a Scottish chemist"));
        assert!(is_person_role(
            "the first professor of mathematics at the college"
        ));
        assert!(!is_person_role("a port on the coast"));
        // An office whose hyphenated parts hold a person noun.
        assert!(is_person_role("the first Secretary-General"));
        assert!(is_person_role("the Allied commander-in-chief"));
        assert!(!is_person_role("a long-term plan"));
    }

    #[test]
    fn became_its_first_reads_the_owner_and_year() {
        let got = facts_of(
            rule(RULES, "X, ..., became its first Y"),
            "The Tidal Institute opened in 1931, and Mara Quell, a retired captain, became its first director.",
        );
        assert_eq!(
            got,
            [FactKind::Person {
                name: Answer::plain("Mara Quell"),
                role: "the first director of the Tidal Institute".into(),
                since: Some(FactDate {
                    year: 1931,
                    month: None,
                    day: None
                }),
            }]
        );
    }

    #[test]
    fn a_bare_role_says_which_one_by_the_deed_of_its_clause() {
        let appositive = |text: &str| roles_of("X, the / a ROLE,", text);
        assert_eq!(
            appositive(
                "Brill is an island. In 1896 Mara Quell, a Varn chemist, found salts on the island."
            ),
            ["a Varn chemist who found salts on Brill"]
        );
        // "its" as the article's subject; a passive is a deed too.
        assert_eq!(
            appositive(
                "The Harbour League is a union. Tomas Reede, a Brill general, became its first warden in 1976."
            ),
            ["a Brill general who became the Harbour League's first warden in 1976"]
        );
        assert_eq!(
            appositive("Tomas Reede, a Brill general, was elected mayor of Varn in 1976."),
            ["a Brill general who was elected mayor of Varn in 1976"]
        );
        // A name part of two letters may stand in the role ("Al" in "Alpine").
        assert_eq!(
            roles_of("the ROLE X", "The Alpine guide Al Brand opened the gate."),
            ["the Alpine guide who opened the gate"]
        );
        // "Their editor" of a body is the body's editor, as "its" would be; only kin in a
        // life is the subject's.
        assert_eq!(
            roles_of(
                "His editor, X,",
                "The Varn Guild is a union. Their editor, Tomas Reede, agreed."
            ),
            ["the editor of the Varn Guild"]
        );
        // A passive before the role tells what the person made.
        let before = |text: &str| roles_of("the ROLE X", text);
        assert_eq!(
            before(
                "Varnco is a company. Founded by the racing driver Tomas Reede, it built its first car in 1947."
            ),
            ["the racing driver who founded Varnco"]
        );
        assert_eq!(
            before("The Kess Tower is a tower. It was designed by the French sculptor Mara Quell."),
            ["the French sculptor who designed the Kess Tower"]
        );
        assert_eq!(
            before("Work on the pedestal, designed by the architect Ola Brand, had stopped."),
            ["the architect who designed the pedestal"]
        );
        assert_eq!(
            before("The Olk Bridge, built by the engineer Ansel Vey, opened in 1901."),
            ["the engineer who built the Olk Bridge"]
        );
        // Unless the deed would show the name: the bare role stays.
        assert_eq!(
            before("Reede Motors is a company. Founded by the racing driver Tomas Reede, it grew."),
            ["the racing driver"]
        );
        // A colon ends the deed: "him" then leans on another phrase, so no deed is told.
        let before = |text: &str| roles_of("the ROLE X", text);
        assert_eq!(
            before("The poet Mara Quell wrote an epitaph for him: “Light was made.”"),
            ["the poet"]
        );
        // Not the clause's subject: what the army did is no deed of the general.
        assert_eq!(
            appositive(
                "Victory, won by the army of Tomas Reede, a Brill general, emboldened the king."
            ),
            ["a Brill general"]
        );
        // A role that says which one already; a deed of two words; no deed.
        assert_eq!(
            appositive("Tomas Reede, the guild's director, told the pair to leave."),
            ["the guild's director"]
        );
        assert_eq!(
            appositive("Tomas Reede, a Brill general, took over."),
            ["a Brill general"]
        );
        assert_eq!(
            appositive("Tomas Reede, a Brill general, in 1976."),
            ["a Brill general"]
        );
        assert_eq!(
            appositive("Tomas Reede, a Brill general, fought it."),
            ["a Brill general"]
        );
        // Up to four words of role; an adverb before the deed; no "was" without a participle,
        // no auxiliary, no phrase without a verb.
        assert_eq!(
            appositive("Tomas Reede, a young Varn officer, found the wreck in 1901."),
            ["a young Varn officer who found the wreck in 1901"]
        );
        assert_eq!(
            appositive("Tomas Reede, a bold young Varn naval officer, found the wreck in 1901."),
            ["a bold young Varn naval officer"]
        );
        assert_eq!(
            appositive("Tomas Reede, a Brill general, later founded the Tull Academy."),
            ["a Brill general who later founded the Tull Academy"]
        );
        assert_eq!(
            appositive("Tomas Reede, a Brill general, was a friend of Olk."),
            ["a Brill general"]
        );
        assert_eq!(
            appositive("Tomas Reede, a Brill general, in the year 1976."),
            ["a Brill general"]
        );
        assert_eq!(
            appositive("Tomas Reede, a Brill general, had three sons."),
            ["a Brill general"]
        );
        assert_eq!(
            roles_of(
                "Its first ROLE was X",
                "The Harbour League is a union. Its first Secretary-General was Tomas Reede, a diplomat."
            ),
            ["the first Secretary-General of the Harbour League"]
        );
        assert_eq!(
            roles_of(
                "X (dates) was a ROLE who ...",
                "Mara Quell, born Mara Anne Vell, was a Varnish painter celebrated for her vivid self-portraits, works that shocked."
            ),
            ["the Varnish painter celebrated for her vivid self-portraits"]
        );
        let before = |text: &str| roles_of("the ROLE X", text);
        assert_eq!(
            before(
                "Between 1637 and 1639 the Varnish captain Tomas Reede led the first expedition up the Tull."
            ),
            ["the Varnish captain who led the first expedition up the Tull"]
        );
        assert_eq!(
            before("In 1637 the Varnish captain Tomas Reede led the first expedition up the Tull."),
            ["the Varnish captain who led the first expedition up the Tull"]
        );
        assert_eq!(
            before("In 1871 a survey led by the geologist Tomas Reede mapped the whole area."),
            ["the geologist"]
        );
        assert_eq!(
            before("In 1871 the geologist Tomas Reede, a friend, mapped the whole area."),
            ["the geologist"]
        );
    }

    fn roles_of(name: &str, text: &str) -> Vec<String> {
        phrases_of(rule(RULES, name), text)
    }

    #[test]
    fn a_role_before_a_name_is_lowercase_and_an_office_alone_is_the_subjects() {
        let roles = |text: &str| roles_of("the ROLE, X, did", text);
        assert_eq!(
            roles("Varnco is a firm. The founder, Tomas Reede, was a craftsman."),
            ["the founder of Varnco"]
        );
        assert_eq!(
            roles("In 1987 the mill's director, Tomas Reede, was sentenced."),
            ["the mill's director"]
        );
        let titled = |text: &str| roles_of("the ROLE X", text);
        assert_eq!(
            titled("The shift, supervised by the deputy chief engineer Tomas Reede, ran it."),
            ["the deputy chief engineer"]
        );
        assert_eq!(
            titled("That year the Varnish financier Tomas Reede flew north."),
            ["the Varnish financier"]
        );
    }

    #[test]
    fn a_named_thing_led_by_a_person_gives_the_role_its_verb_says() {
        let led = |text: &str| roles_of("X was commanded by Y", text);
        assert_eq!(
            led("The Varn Expedition was commanded by Tomas Reede."),
            ["the commander of the Varn Expedition"]
        );
        assert_eq!(
            led("The Tull 7 was captained by Mara Quell."),
            ["the captain of the Tull 7"]
        );
        assert_eq!(
            led("The Tull 7 was piloted by Mara Quell."),
            ["the pilot of the Tull 7"]
        );
        assert_eq!(
            led("The Varn Survey was directed by Mara Quell."),
            ["the director of the Varn Survey"]
        );
        assert_eq!(
            led("The Varn Board was chaired by Mara Quell."),
            ["the chair of the Varn Board"]
        );
        assert_eq!(
            led("The Varn Guild was led by Mara Quell."),
            ["the leader of the Varn Guild"]
        );
    }

    #[test]
    fn a_body_led_by_a_person_makes_them_its_leader_and_its_role_is_of_the_thing() {
        let led = |text: &str| roles_of("a body led by X", text);
        assert_eq!(
            led("They belonged to a British expedition led by Tomas Reede."),
            ["the leader of the British expedition"]
        );
        assert_eq!(
            led("In 1620 an army of 5,000 men commanded by Mara Quell landed in Varn."),
            ["the commander of the army of 5,000 men"]
        );
        assert_eq!(
            led("The treaty was signed by the delegation, headed by Mara Quell, in 1901."),
            ["the head of the delegation"]
        );
        // A body led by a thing has no person to ask about; nor one told by a pronoun.
        assert!(led("They joined an alliance led by the Varn League.").is_empty());
        assert!(led("They joined the friends of them, led by Mara Quell.").is_empty());
        let apposition = |text: &str| roles_of("X, the / a ROLE,", text);
        assert_eq!(
            apposition(
                "The Varn Guild grew. Three men ran it: Tomas Reede, its first chairman; and Ivo Kern."
            ),
            ["the first chairman of the Varn Guild"]
        );
        // Never of the person named.
        assert!(
            apposition("Tomas Reede was a sailor. Tomas Reede, his own captain, sailed.")
                .is_empty()
        );
    }

    #[test]
    fn was_a_keeps_only_a_short_plain_relative_clause() {
        let was_a = |text: &str| roles_of("X (dates) was a ROLE who ...", text);
        assert_eq!(
            was_a("Mara Quell (1820-1894) was a Scottish chemist who found the salt of Lake Tull."),
            ["the Scottish chemist who found the salt of Lake Tull"]
        );
        // A comma inside the clause: the role alone.
        assert_eq!(
            was_a("Mara Quell was a chemist who, in old age, found the salt of Lake Tull."),
            ["the chemist"]
        );
        // More than twelve words: the role alone.
        assert_eq!(
            was_a(
                "Mara Quell was a chemist who found the salt of Lake Tull and the iron of the Kessport hills near the old harbour."
            ),
            ["the chemist"]
        );
        // A pronoun the clause leaves unresolved: the role alone.
        assert_eq!(
            was_a("Mara Quell was a chemist who found it near Lake Tull."),
            ["the chemist"]
        );
    }

    #[test]
    fn a_deed_needs_a_past_verb_outside_the_excluded_kinds_and_a_plain_object() {
        let deed = |text: &str| roles_of("X did Y: the person who did Y", text);
        // A bare participle is no past.
        assert!(deed("Tomas Reede sung the Varn Anthem.").is_empty());
        // A visit is no deed.
        assert!(deed("Tomas Reede visited the Varn Council.").is_empty());
        // A date or date range inside the object.
        assert!(deed("Tomas Reede signed the Varn Charter of 1905.").is_empty());
        assert!(deed("Tomas Reede chaired the Varn Guild 1887-1920.").is_empty());
        // An object opening with a preposition is a place, not what was done.
        assert!(deed("Tomas Reede walked to the Varn Lighthouse.").is_empty());
        // What follows a colon is another phrase.
        assert_eq!(
            deed(
                "Tomas Reede proposed a radical answer: rather than keep Olk down, pool the ports."
            ),
            ["the person who proposed a radical answer"]
        );
        assert_eq!(
            deed("Tomas Reede walked the Varn Causeway."),
            ["the person who walked the Varn Causeway"]
        );
    }

    #[test]
    fn an_apposed_role_keeps_its_who_clause() {
        let roles = roles_of(
            "X, the / a ROLE,",
            "The book reached Tomas Reede, the Danish nobleman who had compiled the best tables of the tides.",
        );
        assert_eq!(
            roles,
            ["the Danish nobleman who had compiled the best tables of the tides"]
        );
        assert!(is_person_role("the clergyman"));
        assert!(is_person_role("a pianist"));
        assert!(!is_person_role("the human"));
        assert!(!is_person_role("a checklist"));
        // A thing made by a person is no person.
        assert!(!is_person_role("the great church built by Justinian"));
        assert!(!is_person_role("the great church made by the Emperor"));
        assert!(!is_person_role("the statue by Tomas Reede"));
        assert!(is_person_role("a naturalist working in Malaya"));
        assert!(!is_person_role("the building housing the archive"));
        // Adjectives joined by "and" go on to the noun; a person noun ends the head.
        assert!(is_person_role("a young and almost unknown architect"));
        assert!(!is_person_role("a young and almost unknown port"));
        assert!(is_person_role("the king and his harbour"));
        assert!(!is_person_role("the harbour and the king"));
        // A noun of a doer counts before a person's name only.
        assert!(agent_noun("the American financier"));
        assert!(!agent_noun("the old river"));
        assert!(!agent_noun("the old tower"));
        assert!(!agent_noun("the red deer"));
    }

    #[test]
    fn a_role_set_off_before_a_name_names_the_person() {
        let roles: Vec<String> = facts_of(
            rule(RULES, "the ROLE, X, did"),
            "On 19 July 1956 the harbour secretary of state, Tomas Reede, withdrew the offer.",
        )
        .into_iter()
        .filter_map(|f| match f {
            FactKind::Person { name, role, .. } => Some(format!("{} = {role}", name.text)),
            _ => None,
        })
        .collect();
        assert_eq!(roles, ["Tomas Reede = the harbour secretary of state"]);
    }

    #[test]
    fn a_short_word_with_a_person_suffix_is_no_person() {
        assert!(!is_person_role("the caiman"));
        assert!(!is_person_role("a heist"));
        assert!(!is_person_role("the twist"));
        assert!(is_person_role("the boatman"));
        assert!(is_person_role("the chemist"));
    }

    #[test]
    fn an_apposed_role_drops_a_long_who_clause() {
        let roles = roles_of(
            "X, the / a ROLE,",
            "The book reached Tomas Reede, the Danish boatman who had sailed to the far north in a small boat in the first year of the long war.",
        );
        assert_eq!(roles, ["the Danish boatman"]);
    }

    #[test]
    fn a_place_role_needs_a_one_word_place() {
        assert!(
            facts_of(
                rule(RULES, "PLACE ROLE X"),
                "From 1817 North Baden engineer Tomas Reede set about straightening it."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_deed_done_rather_than_another_is_no_deed() {
        assert!(
            roles_of(
                "X did Y: the person who did Y",
                "Tomas Reede proposed a radical answer rather than keep Olk down."
            )
            .is_empty()
        );
    }
}

//! Reading what an event fact says happened (`what`, and the optional `verb`) as a
//! [`Clause`], so its questions can use the right verb: a treaty is signed, a summit is held,
//! an organisation is founded, a country joins.
//!
//! Authors write events in four shapes, tried in this order:
//! 1. with a `verb` ("signed", "took place", "joined the SCO"): used as given;
//! 2. a clause ("Uzbekistan joined the SCO", "the Berlin Wall fell", "the SCO was founded");
//! 3. a nominalised event ("the founding of the SCO", "Xi Jinping's announcement of the
//!    BRI", "the admission of India and Pakistan as members"), turned back into its verb by
//!    the table [`NOMINALS`];
//! 4. a thing whose head noun says what happens to it ("the Treaty of Versailles" is signed,
//!    "the Astana summit" is held), from the table [`HEAD_VERBS`].
//!
//! Anything else "took place", and the reading says it had to guess.

use super::clause::{Clause, Tense, Voice};
use super::noun::{NounPhrase, POSTMODIFIERS, bare, is_capitalised};
use super::plural::singular;
use super::verb::{Verb, is_past_form};

/// How a nominalised event's "of" phrase relates to its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The "of" phrase is acted on: "the signing of the treaty" -> "the treaty was signed".
    Patient,
    /// The "of" phrase acts: "the death of X" -> "X died"; a preposition after it may become
    /// the object ("the accession of Croatia to the EU" -> "Croatia joined the EU").
    Agent(Option<&'static str>),
}

/// Event nouns, the verb they come from (with any particle or complement) and the role of
/// their "of" phrase.
pub const NOMINALS: &[(&str, &str, Role)] = &[
    ("founding", "found", Role::Patient),
    ("foundation", "found", Role::Patient),
    ("establishment", "establish", Role::Patient),
    ("creation", "create", Role::Patient),
    ("formation", "form", Role::Patient),
    ("signing", "sign", Role::Patient),
    ("opening", "open", Role::Patient),
    ("reopening", "reopen", Role::Patient),
    ("inauguration", "inaugurate", Role::Patient),
    ("launch", "launch", Role::Patient),
    ("launching", "launch", Role::Patient),
    ("relaunch", "relaunch", Role::Patient),
    ("announcement", "announce", Role::Patient),
    ("adoption", "adopt", Role::Patient),
    ("admission", "admit", Role::Patient),
    ("completion", "complete", Role::Patient),
    ("construction", "build", Role::Patient),
    ("building", "build", Role::Patient),
    ("invention", "invent", Role::Patient),
    ("discovery", "discover", Role::Patient),
    ("publication", "publish", Role::Patient),
    ("release", "release", Role::Patient),
    ("performance", "perform", Role::Patient),
    ("premiere", "premiere", Role::Patient),
    ("recording", "record", Role::Patient),
    ("painting", "paint", Role::Patient),
    ("writing", "write", Role::Patient),
    ("ratification", "ratify", Role::Patient),
    ("approval", "approve", Role::Patient),
    ("introduction", "introduce", Role::Patient),
    ("abolition", "abolish", Role::Patient),
    ("dissolution", "dissolve", Role::Patient),
    ("election", "elect", Role::Patient),
    ("appointment", "appoint", Role::Patient),
    ("assassination", "assassinate", Role::Patient),
    ("execution", "execute", Role::Patient),
    ("coronation", "crown", Role::Patient),
    ("ordination", "ordain", Role::Patient),
    ("conquest", "conquer", Role::Patient),
    ("capture", "capture", Role::Patient),
    ("liberation", "liberate", Role::Patient),
    ("occupation", "occupy", Role::Patient),
    ("annexation", "annex", Role::Patient),
    ("partition", "partition", Role::Patient),
    ("unification", "unify", Role::Patient),
    ("reunification", "reunify", Role::Patient),
    ("division", "divide", Role::Patient),
    ("destruction", "destroy", Role::Patient),
    ("demolition", "demolish", Role::Patient),
    ("closure", "close", Role::Patient),
    ("closing", "close", Role::Patient),
    ("renaming", "rename", Role::Patient),
    ("naming", "name", Role::Patient),
    ("transfer", "transfer", Role::Patient),
    ("handover", "hand over", Role::Patient),
    ("proclamation", "proclaim", Role::Patient),
    ("enactment", "enact", Role::Patient),
    ("passage", "pass", Role::Patient),
    ("passing", "pass", Role::Patient),
    ("defeat", "defeat", Role::Patient),
    ("overthrow", "overthrow", Role::Patient),
    ("murder", "murder", Role::Patient),
    ("arrest", "arrest", Role::Patient),
    ("imprisonment", "imprison", Role::Patient),
    ("exile", "exile", Role::Patient),
    ("expulsion", "expel", Role::Patient),
    ("invasion", "invade", Role::Patient),
    ("bombing", "bomb", Role::Patient),
    ("sinking", "sink", Role::Patient),
    ("burning", "burn", Role::Patient),
    ("sack", "sack", Role::Patient),
    ("siege", "besiege", Role::Patient),
    ("legalisation", "legalise", Role::Patient),
    ("legalization", "legalize", Role::Patient),
    ("privatisation", "privatise", Role::Patient),
    ("nationalisation", "nationalise", Role::Patient),
    ("acquisition", "acquire", Role::Patient),
    ("purchase", "purchase", Role::Patient),
    ("sale", "sell", Role::Patient),
    ("recognition", "recognise", Role::Patient),
    ("restoration", "restore", Role::Patient),
    ("unveiling", "unveil", Role::Patient),
    ("translation", "translate", Role::Patient),
    ("composition", "compose", Role::Patient),
    ("identification", "identify", Role::Patient),
    ("isolation", "isolate", Role::Patient),
    ("synthesis", "synthesise", Role::Patient),
    ("detection", "detect", Role::Patient),
    ("settlement", "settle", Role::Patient),
    ("colonisation", "colonise", Role::Patient),
    ("colonization", "colonize", Role::Patient),
    ("exploration", "explore", Role::Patient),
    ("reorganisation", "reorganise", Role::Patient),
    ("reform", "reform", Role::Patient),
    ("revival", "revive", Role::Patient),
    ("cancellation", "cancel", Role::Patient),
    ("theft", "steal", Role::Patient),
    ("presentation", "present", Role::Patient),
    ("suspension", "suspend", Role::Patient),
    ("postponement", "postpone", Role::Patient),
    ("relocation", "relocate", Role::Patient),
    ("reconstruction", "reconstruct", Role::Patient),
    ("drainage", "drain", Role::Patient),
    ("birth", "bear", Role::Patient),
    ("evacuation", "evacuate", Role::Patient),
    ("deportation", "deport", Role::Patient),
    ("sentencing", "sentence", Role::Patient),
    ("shutdown", "shut down", Role::Patient),
    ("burial", "bury", Role::Patient),
    ("excommunication", "excommunicate", Role::Patient),
    ("canonisation", "canonise", Role::Patient),
    ("canonization", "canonize", Role::Patient),
    ("accession", "join", Role::Agent(Some("to"))),
    ("entry", "enter", Role::Agent(Some("into"))),
    ("visit", "visit", Role::Agent(Some("to"))),
    ("death", "die", Role::Agent(None)),
    ("arrival", "arrive", Role::Agent(None)),
    ("departure", "leave", Role::Agent(None)),
    ("collapse", "collapse", Role::Agent(None)),
    ("fall", "fall", Role::Agent(None)),
    ("rise", "rise", Role::Agent(None)),
    ("end", "end", Role::Agent(None)),
    ("start", "start", Role::Agent(None)),
    ("beginning", "begin", Role::Agent(None)),
    ("outbreak", "break out", Role::Agent(None)),
    ("eruption", "erupt", Role::Agent(None)),
    ("independence", "become independent", Role::Agent(None)),
    ("bankruptcy", "go bankrupt", Role::Agent(None)),
    ("disintegration", "disintegrate", Role::Agent(None)),
    ("breakup", "break up", Role::Agent(None)),
    ("break-up", "break up", Role::Agent(None)),
    ("merger", "merge", Role::Agent(None)),
    ("expansion", "expand", Role::Agent(None)),
    ("withdrawal", "withdraw", Role::Agent(None)),
    ("return", "return", Role::Agent(None)),
    ("landing", "land", Role::Agent(None)),
    ("retirement", "retire", Role::Agent(None)),
    ("resignation", "resign", Role::Agent(None)),
    ("surrender", "surrender", Role::Agent(None)),
    ("abdication", "abdicate", Role::Agent(None)),
    ("emergence", "emerge", Role::Agent(None)),
    ("secession", "secede", Role::Agent(None)),
    ("migration", "migrate", Role::Agent(None)),
    ("marriage", "marry", Role::Agent(None)),
    ("victory", "win", Role::Agent(None)),
    ("conversion", "convert", Role::Agent(None)),
    ("explosion", "explode", Role::Agent(None)),
    ("crash", "crash", Role::Agent(None)),
    ("splashdown", "splash down", Role::Agent(None)),
];

/// Things and the verb that says what happens to them when they enter history (as a `verb`
/// key would say it).
pub const HEAD_VERBS: &[(&str, &str)] = &[
    ("treaty", "signed"),
    ("agreement", "signed"),
    ("accord", "signed"),
    ("accords", "signed"),
    ("pact", "signed"),
    ("convention", "signed"),
    ("charter", "signed"),
    ("protocol", "signed"),
    ("armistice", "signed"),
    ("peace", "signed"),
    ("ceasefire", "agreed"),
    ("deal", "signed"),
    ("memorandum", "signed"),
    ("contract", "signed"),
    ("declaration", "issued"),
    ("decree", "issued"),
    ("edict", "issued"),
    ("proclamation", "issued"),
    ("communique", "issued"),
    ("resolution", "adopted"),
    ("constitution", "adopted"),
    ("law", "passed"),
    ("act", "passed"),
    ("bill", "passed"),
    ("amendment", "ratified"),
    ("summit", "held"),
    ("meeting", "held"),
    ("conference", "held"),
    ("congress", "held"),
    ("council", "held"),
    ("synod", "held"),
    ("election", "held"),
    ("referendum", "held"),
    ("plebiscite", "held"),
    ("games", "held"),
    ("olympics", "held"),
    ("championship", "held"),
    ("cup", "held"),
    ("tournament", "held"),
    ("festival", "held"),
    ("ceremony", "held"),
    ("exhibition", "held"),
    ("expo", "held"),
    ("fair", "held"),
    ("talks", "held"),
    ("negotiations", "held"),
    ("forum", "held"),
    ("session", "held"),
    ("trial", "held"),
    ("census", "taken"),
    ("organisation", "founded"),
    ("organization", "founded"),
    ("bank", "founded"),
    ("company", "founded"),
    ("university", "founded"),
    ("college", "founded"),
    ("school", "founded"),
    ("academy", "founded"),
    ("party", "founded"),
    ("league", "founded"),
    ("society", "founded"),
    ("association", "founded"),
    ("institute", "founded"),
    ("museum", "founded"),
    ("foundation", "founded"),
    ("club", "founded"),
    ("city", "founded"),
    ("colony", "founded"),
    ("dynasty", "founded"),
    ("empire", "founded"),
    ("republic", "proclaimed"),
    ("newspaper", "founded"),
    ("agency", "set up"),
    ("fund", "set up"),
    ("secretariat", "set up"),
    ("committee", "set up"),
    ("commission", "set up"),
    ("structure", "set up"),
    ("body", "set up"),
    ("union", "formed"),
    ("alliance", "formed"),
    ("coalition", "formed"),
    ("bloc", "formed"),
    ("group", "formed"),
    ("federation", "formed"),
    ("government", "formed"),
    ("bridge", "built"),
    ("wall", "built"),
    ("tower", "built"),
    ("canal", "built"),
    ("railway", "built"),
    ("railroad", "built"),
    ("road", "built"),
    ("dam", "built"),
    ("cathedral", "built"),
    ("church", "built"),
    ("temple", "built"),
    ("palace", "built"),
    ("castle", "built"),
    ("pyramid", "built"),
    ("tunnel", "built"),
    ("pipeline", "built"),
    ("stadium", "built"),
    ("monument", "built"),
    ("station", "built"),
    ("satellite", "launched"),
    ("rocket", "launched"),
    ("spacecraft", "launched"),
    ("probe", "launched"),
    ("telescope", "launched"),
    ("shuttle", "launched"),
    ("mission", "launched"),
    ("campaign", "launched"),
    ("initiative", "launched"),
    ("programme", "launched"),
    ("program", "launched"),
    ("offensive", "launched"),
    ("operation", "launched"),
    ("project", "launched"),
    ("planet", "discovered"),
    ("comet", "discovered"),
    ("element", "discovered"),
    ("asteroid", "discovered"),
    ("tomb", "discovered"),
    ("book", "published"),
    ("novel", "published"),
    ("paper", "published"),
    ("article", "published"),
    ("report", "published"),
    ("essay", "published"),
    ("treatise", "published"),
    ("dictionary", "published"),
    ("encyclopedia", "published"),
    ("manifesto", "published"),
    ("film", "released"),
    ("movie", "released"),
    ("album", "released"),
    ("song", "released"),
    ("single", "released"),
    ("battle", "fought"),
    ("war", "began"),
    ("revolution", "began"),
    ("crisis", "began"),
    ("depression", "began"),
    ("recession", "began"),
    ("pandemic", "began"),
    ("epidemic", "began"),
    ("famine", "began"),
    ("era", "began"),
    ("reign", "began"),
    ("movement", "began"),
    ("uprising", "took place"),
    ("revolt", "took place"),
    ("rebellion", "took place"),
    ("riot", "took place"),
    ("coup", "took place"),
    ("massacre", "took place"),
    ("attack", "took place"),
    ("strike", "took place"),
    ("protest", "took place"),
    ("earthquake", "struck"),
    ("flood", "took place"),
    ("fire", "broke out"),
    ("disaster", "took place"),
    ("accident", "took place"),
    ("explosion", "took place"),
    ("crash", "took place"),
    ("expedition", "took place"),
    ("voyage", "took place"),
    ("flight", "took place"),
    ("landing", "took place"),
    ("spaceflight", "took place"),
    ("spacewalk", "took place"),
    ("walk", "took place"),
    ("tour", "took place"),
    ("exercise", "held"),
    ("drill", "held"),
];

/// Verbs whose subject is the one who acts even when written alone as a `verb` ("began",
/// "joined the EU", "took place"), unlike "signed", which says what was done to the subject.
const ACTIVE: &[&str] = &[
    "take",
    "happen",
    "occur",
    "begin",
    "start",
    "end",
    "finish",
    "collapse",
    "fall",
    "rise",
    "die",
    "arrive",
    "erupt",
    "break",
    "emerge",
    "split",
    "merge",
    "expand",
    "grow",
    "withdraw",
    "resign",
    "retire",
    "land",
    "join",
    "leave",
    "enter",
    "win",
    "lose",
    "visit",
    "meet",
    "reach",
    "become",
    "go",
    "come",
    "return",
    "sail",
    "fly",
    "travel",
    "march",
    "strike",
    "explode",
    "surrender",
    "abdicate",
    "secede",
    "migrate",
    "marry",
    "convert",
    "disintegrate",
    "run",
    "last",
    "open",
    "close",
    "gather",
    "convene",
];

/// Adjectives before an event noun and the adverbs they become ("the formal founding of the
/// SCO" -> "the SCO was formally founded").
fn adverb_of(adjective: &str) -> Option<String> {
    // Only adjectives that describe how the event happened turn into adverbs: "the atomic
    // bombing of Hiroshima" is not "Hiroshima was atomically bombed".
    const ADVERBS: &[(&str, &str)] = &[
        ("first", "first"),
        ("last", "last"),
        ("final", "finally"),
        ("second", "for the second time"),
        ("third", "for the third time"),
        ("full", "fully"),
        ("joint", "jointly"),
        ("public", "publicly"),
        ("formal", "formally"),
        ("official", "officially"),
        ("initial", "initially"),
        ("eventual", "eventually"),
        ("successful", "successfully"),
        ("peaceful", "peacefully"),
        ("partial", "partially"),
        ("unilateral", "unilaterally"),
        ("secret", "secretly"),
        ("temporary", "temporarily"),
        ("permanent", "permanently"),
        ("simultaneous", "simultaneously"),
        ("gradual", "gradually"),
        ("sudden", "suddenly"),
        ("legal", "legally"),
        ("forcible", "forcibly"),
        ("violent", "violently"),
        ("symbolic", "symbolically"),
    ];
    let a = adjective.to_lowercase();
    ADVERBS
        .iter()
        .find(|(adj, _)| *adj == a)
        .map(|(_, adv)| (*adv).to_string())
}

/// Whether `base` is the verb of an event noun or of what happens to a thing in history
/// ("execute", "crown", "sign", "hold"): something that happened once.
pub fn is_event_verb(base: &str) -> bool {
    let first = |v: &str| v.split_whitespace().next().unwrap_or("").to_string();
    NOMINALS.iter().any(|(_, v, _)| first(v) == base)
        || HEAD_VERBS
            .iter()
            .any(|(_, v)| Verb::of(&first(v)).base == base)
}

/// What [`read`] made of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub clause: Clause,
    /// Set when nothing told the verb, and the event "took place".
    pub guessed: bool,
}

/// Reads an event: `what` as the author wrote it, and the optional `verb`.
pub fn read(what: &str, verb: Option<&str>) -> Reading {
    let np = NounPhrase::new(what);
    let written = np.mid().into_owned();
    let (core, tail) = split_tail(&written);
    let hint = verb.map(str::trim).filter(|v| !v.is_empty());
    // A verb that names what a nominalised event already says ("the storming of the
    // Bastille", verb "stormed") applies to what was stormed, not to the storming.
    let nominal_with_hint = hint.and_then(|h| {
        let base = Verb::of(h.split_whitespace().next().unwrap_or(h)).base;
        nominal(core).filter(|c| c.verb.base == base)
    });
    // The same verb on an event noun recall could not unfold ("the atomic bombing of
    // Hiroshima", verb "bombed") would say it twice: the event took place.
    let gerund_of_hint = hint.is_some_and(|h| {
        let ing = Verb::of(h.split_whitespace().next().unwrap_or(h)).ing();
        bare(&NounPhrase::new(core).head()) == ing
    });
    let (clause, guessed) = if let Some(c) = nominal_with_hint {
        (c, false)
    } else if gerund_of_hint {
        (with_verb(core, "took place"), false)
    } else if let Some(hint) = hint {
        (with_verb(core, hint), false)
    } else if let Some(c) = finite_clause(core).or_else(|| nominal(core)) {
        (c, false)
    } else {
        // Plural names ("the Olympic Games") are in the table as written.
        let written = bare(&NounPhrase::new(core).head());
        let head = singular(&written);
        match HEAD_VERBS.iter().find(|(h, _)| *h == head || *h == written) {
            Some((_, hint)) => (with_verb(core, hint), false),
            None => (with_verb(core, "took place"), true),
        }
    };
    // ", led first by X" describes the subject and goes with it; ", leaving ..." closes the
    // sentence.
    let describes = tail
        .trim_start_matches(',')
        .split_whitespace()
        .next()
        .is_some_and(|w| {
            let b = bare(w);
            (is_past_form(&b) && !b.ends_with("ing")) || matches!(b.as_str(), "which" | "who")
        });
    let clause = if describes && clause.apposition.is_empty() {
        clause.with_apposition(tail)
    } else {
        clause.with_tail(tail)
    };
    Reading { clause, guessed }
}

/// Splits off a trailing part set off by a comma that no longer names the event (", leaving
/// ...", ", which ...", ", with ...", ", led by ...").
fn split_tail(text: &str) -> (&str, &str) {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                let after = text[i + 1..].trim_start();
                let next = after.split_whitespace().next().unwrap_or("");
                let b = bare(next);
                let starts_clause = !is_capitalised(next)
                    && (b.ends_with("ing")
                        || is_past_form(&b)
                        || matches!(
                            b.as_str(),
                            "which"
                                | "who"
                                | "where"
                                | "when"
                                | "whose"
                                | "with"
                                | "while"
                                | "after"
                                | "before"
                                | "then"
                                | "thus"
                                | "so"
                        ));
                if starts_clause {
                    return (text[..i].trim_end(), &text[i..]);
                }
            }
            _ => {}
        }
    }
    (text, "")
}

/// The clause for `subject` with a verb written as a `verb` key would be: "signed", "was
/// signed", "took place", "began", "joined the SCO".
pub fn with_verb(subject: &str, hint: &str) -> Clause {
    let mut words: Vec<&str> = hint.split_whitespace().collect();
    let forced_passive = words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "was" | "were" | "is" | "are" | "been"
        )
    });
    if forced_passive {
        words.remove(0);
    }
    let first = words.first().copied().unwrap_or("happened");
    let verb = Verb::of(first);
    let after = words.get(1..).map(|r| r.join(" ")).unwrap_or_default();
    let active =
        !forced_passive && (ACTIVE.contains(&verb.base.as_str()) || verb.is_strong_past(first));
    let np = NounPhrase::new(subject);
    let plural = np.is_plural();
    if active {
        return Clause::new(subject, plural, verb, Voice::Active, Tense::Past).with_rest(&after);
    }
    // A relative clause moves after the participle in questions ("Where was the summit
    // held at which ..."); the same participle written after the noun is not said twice
    // ("the treaty signed in Moscow").
    if let Some((head, relative)) = np.split_relative() {
        return Clause::new(&head, plural, verb, Voice::Passive, Tense::Past)
            .with_rest(&after)
            .with_relative(&relative);
    }
    let (head, rest) = np.split_at_head();
    let mut rest_words = rest.split_whitespace();
    if rest_words
        .next()
        .is_some_and(|w| bare(w) == verb.participle)
    {
        let more: Vec<&str> = rest_words.collect();
        Clause::new(&head, plural, verb, Voice::Passive, Tense::Past)
            .with_rest(&format!("{after} {}", more.join(" ")))
    } else {
        Clause::new(subject, plural, verb, Voice::Passive, Tense::Past).with_rest(&after)
    }
}

/// The verb of which `word` is the third person singular ("joins" -> "join"), if it is one.
fn present_third(word: &str) -> Option<Verb> {
    let w = bare(word);
    let stems = [
        w.strip_suffix("ies").map(|s| format!("{s}y")),
        w.strip_suffix("es").map(str::to_string),
        w.strip_suffix('s').map(str::to_string),
    ];
    stems
        .into_iter()
        .flatten()
        // Two-letter stems are verbs only in "goes" and "does"; "gas" is not "ga".
        .filter(|s| s.len() >= 3 || matches!(s.as_str(), "go" | "do"))
        .map(|s| Verb::of(&s))
        .find(|v| v.third() == w)
}

/// "Uzbekistan joined the SCO", "the Berlin Wall fell", "the SCO was founded in Shanghai".
fn finite_clause(core: &str) -> Option<Clause> {
    let words: Vec<&str> = core.split_whitespace().collect();
    for v in 1..words.len() {
        let w = words[v];
        let b = bare(w);
        if is_capitalised(w) {
            continue;
        }
        if matches!(b.as_str(), "was" | "were" | "is" | "are")
            && words.get(v + 1).is_some_and(|n| is_past_form(n))
        {
            let subject = words[..v].join(" ");
            let plural = NounPhrase::new(&subject).is_plural();
            let rest = words[v + 2..].join(" ");
            return Some(
                Clause::new(
                    &subject,
                    plural,
                    Verb::of(words[v + 1]),
                    Voice::Passive,
                    Tense::Past,
                )
                .with_rest(&rest),
            );
        }
        let (subject_end, adverb) = if b.ends_with("ly") && v + 1 < words.len() {
            (v, Some(w))
        } else {
            (v, None)
        };
        let verb_at = if adverb.is_some() { v + 1 } else { v };
        let vw = words[verb_at];
        // "Soviet tanks entered Budapest": a word before a past form is a plural noun, not a
        // present verb.
        let third = if verb_at + 1 < words.len()
            && !is_past_form(vw)
            && !is_past_form(words[verb_at + 1])
        {
            present_third(vw)
        } else {
            None
        };
        let present = third.is_some();
        // "found that uranium salts give off rays": what was found, not what was founded.
        let verb = match third {
            Some(verb) => verb,
            None if bare(vw) == "found" && words.get(verb_at + 1) == Some(&"that") => {
                Verb::of("find")
            }
            None => Verb::of(vw),
        };
        let strong = verb.is_strong_past(vw);
        let past = is_past_form(vw);
        let subject_words = &words[..subject_end];
        // "Soviet tanks entered Budapest": a regular past after a plain subject is the verb
        // when an object follows it; "the treaty signed in Moscow" is a participle.
        // Only after a plural noun: "the first crewed Moon landing" has an adjective.
        let plural_subject = subject_end > 0 && {
            let last = bare(words[subject_end - 1]);
            last.len() >= 3
                && last.ends_with('s')
                && !last.ends_with("ss")
                && !matches!(
                    last.as_str(),
                    "his" | "its" | "this" | "was" | "has" | "does"
                )
        };
        // An object, or a place moved to ("the bricks switched to Varnite", "Soviet tanks
        // rolled into Budapest"); "in" and "by" would also follow a participle.
        let object_at = |at: usize| {
            words.get(at).is_some_and(|n| {
                is_capitalised(n)
                    || matches!(bare(n).as_str(), "the" | "a" | "an" | "its" | "their")
            })
        };
        let object_follows = plural_subject
            && (object_at(verb_at + 1)
                || (words.get(verb_at + 1).is_some_and(|p| {
                    matches!(
                        bare(p).as_str(),
                        "to" | "into" | "across" | "over" | "through" | "towards" | "onto"
                    )
                }) && object_at(verb_at + 2)));
        if (strong && plain_subject(subject_words))
            || ((past || present) && name_subject(subject_words))
            || (past && object_follows && plain_subject(subject_words))
        {
            let subject = subject_words.join(" ");
            let plural = NounPhrase::new(&subject).is_plural();
            let tense = Tense::Past;
            let rest = words[verb_at + 1..].join(" ");
            let mut c = Clause::new(&subject, plural, verb, Voice::Active, tense).with_rest(&rest);
            if let Some(a) = adverb {
                c = c.with_adverb(a);
            }
            return Some(c);
        }
        // A preposition inside a name ("the Nobel Prize in Chemistry was awarded") is part of
        // the subject.
        let in_name = is_capitalised(words[v - 1])
            && words.get(v + 1).is_some_and(|n| is_capitalised(n))
            && matches!(b.as_str(), "of" | "in" | "for" | "on" | "at" | "to" | "de");
        if in_name {
            continue;
        }
        // "the emblem of WHO was chosen", "the treaty signed in Moscow was ratified": a
        // subject with its "of" phrase or participle phrase before a passive.
        let passive_later = words[v..]
            .windows(2)
            .any(|pair| matches!(bare(pair[0]).as_str(), "was" | "were") && is_past_form(pair[1]));
        if passive_later {
            continue;
        }
        // The subject cannot run past a preposition or a common word that is not a verb.
        if POSTMODIFIERS.contains(&b.as_str()) || past || strong {
            return None;
        }
    }
    None
}

/// A subject written as a name ("Uzbekistan", "the Soviet Union", "the Treaty of Rome") or a
/// pronoun.
fn name_subject(words: &[&str]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    if words.len() == 1 && matches!(bare(last).as_str(), "it" | "they" | "he" | "she" | "we") {
        return true;
    }
    let glue = ["of", "and", "for", "the", "de", "on", "in", "at", "to"];
    is_capitalised(last)
        && words.iter().enumerate().all(|(i, w)| {
            is_capitalised(w)
                || (glue.contains(&bare(w).as_str()) && (i == 0 || i + 1 < words.len()))
        })
        && words.iter().any(|w| is_capitalised(w))
}

/// A subject that is a simple noun phrase ("the war", "the old wall").
fn plain_subject(words: &[&str]) -> bool {
    !words.is_empty()
        && words.len() <= 6
        && !words
            .iter()
            .skip(1)
            .any(|w| POSTMODIFIERS.contains(&bare(w).as_str()) && bare(w) != "of")
}

/// "the founding of the SCO", "Xi Jinping's announcement of the BRI", "China's accession
/// to the WTO", "the admission of India and Pakistan as full members".
fn nominal(core: &str) -> Option<Clause> {
    let words: Vec<&str> = core.split_whitespace().collect();
    // An event noun from the table, or a gerund followed by "of" ("the storming of the
    // Bastille"), which names its verb itself.
    let (p, verb_words, role): (usize, String, Role) =
        words.iter().take(8).enumerate().find_map(|(i, w)| {
            let b = bare(w);
            if let Some((_, v, r)) = NOMINALS.iter().find(|(n, ..)| *n == b) {
                return Some((i, (*v).to_string(), *r));
            }
            let gerund = b.len() > 5
                && b.ends_with("ing")
                && !is_capitalised(w)
                && words.get(i + 1).is_some_and(|n| bare(n) == "of");
            gerund.then(|| (i, crate::wording::verb::lemma(&b), Role::Patient))
        })?;
    // Before the noun: an article, a possessor ("Xi Jinping's"), adjectives that become adverbs.
    let mut possessor: Option<String> = None;
    let mut adverbs: Vec<String> = Vec::new();
    let mut start = 0;
    if words
        .first()
        .is_some_and(|w| matches!(bare(w).as_str(), "the" | "a" | "an"))
    {
        start = 1;
    }
    let mut i = start;
    while i < p {
        let w = words[i];
        if let Some(owner) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            let mut who: Vec<&str> = words[..i].to_vec();
            who.push(owner);
            possessor = Some(who.join(" "));
            adverbs.clear();
        } else if (is_capitalised(w) || bare(w) == "and")
            && words[i + 1..p]
                .iter()
                .any(|x| x.ends_with("'s") || x.ends_with("’s"))
        {
            // part of the possessor's name
        } else if !is_capitalised(w) {
            adverbs.push(adverb_of(w)?);
        } else {
            return None;
        }
        i += 1;
    }
    let mut verb_parts = verb_words.split_whitespace();
    let verb = Verb::of(verb_parts.next()?);
    let particle: Vec<&str> = verb_parts.collect();
    let particle = particle.join(" ");
    let (arg, after) = if words.get(p + 1).is_some_and(|w| bare(w) == "of") {
        let arg_start = p + 2;
        let mut end = words.len();
        for j in arg_start + 1..words.len() {
            let b = bare(words[j]);
            let glue = is_capitalised(words[j - 1])
                && words.get(j + 1).is_some_and(|n| is_capitalised(n))
                && matches!(b.as_str(), "of" | "for" | "and" | "on" | "in" | "to" | "de");
            if ARG_END.contains(&b.as_str()) && !glue {
                end = j;
                break;
            }
        }
        if arg_start >= end {
            return None;
        }
        (
            Some(words[arg_start..end].join(" ")),
            words[end..].join(" "),
        )
    } else if p + 1 == words.len() || possessor.is_some() {
        (None, words[p + 1..].join(" "))
    } else {
        return None;
    };
    let adverb = adverbs.join(" ");
    let (subject, object, voice) = match (role, arg, possessor) {
        (Role::Patient, Some(arg), Some(agent)) => (agent, Some(arg), Voice::Active),
        (Role::Patient, Some(arg), None) => (arg, None, Voice::Passive),
        (Role::Patient, None, Some(owner)) => (owner, None, Voice::Passive),
        (Role::Agent(_), Some(arg), _) | (Role::Agent(_), None, Some(arg)) => {
            (arg, None, Voice::Active)
        }
        _ => return None,
    };
    let mut after = after;
    // Verbs that name the role taken say it without "as": "was crowned emperor", "was elected
    // president" (not "crowned as emperor").
    if matches!(
        verb_words.as_str(),
        "crown" | "elect" | "proclaim" | "ordain"
    ) && let Some(rest) = after.strip_prefix("as ")
    {
        after = rest.to_string();
    }
    if let Role::Agent(Some(prep)) = role
        && let Some(rest) = after.strip_prefix(prep).filter(|r| r.starts_with(' '))
    {
        after = rest.trim_start().to_string();
    }
    let rest = [
        particle.as_str(),
        object.as_deref().unwrap_or(""),
        after.as_str(),
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ");
    let plural = NounPhrase::new(&subject).is_plural();
    Some(
        Clause::new(&subject, plural, verb, voice, Tense::Past)
            .with_adverb(&adverb)
            .with_rest(&rest),
    )
}

/// Words that end the "of" phrase of a nominalised event.
const ARG_END: &[&str] = &[
    "as",
    "at",
    "in",
    "from",
    "with",
    "by",
    "after",
    "before",
    "during",
    "under",
    "into",
    "to",
    "for",
    "against",
    "following",
    "amid",
    "via",
    "near",
    "over",
    "through",
    "despite",
    "which",
    "that",
    "who",
    "whose",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// (what, verb, year question, statement with "in 2001")
    const CASES: &[(&str, Option<&str>, &str, &str)] = &[
        (
            "the founding of the SCO",
            None,
            "In what year was the SCO founded?",
            "The SCO was founded in 2001.",
        ),
        (
            "the formal founding of the SCO",
            None,
            "In what year was the SCO formally founded?",
            "The SCO was formally founded in 2001.",
        ),
        (
            "the signing of the Sino-Soviet eastern border treaty",
            None,
            "In what year was the Sino-Soviet eastern border treaty signed?",
            "The Sino-Soviet eastern border treaty was signed in 2001.",
        ),
        (
            "Uzbekistan joined the SCO",
            None,
            "In what year did Uzbekistan join the SCO?",
            "Uzbekistan joined the SCO in 2001.",
        ),
        (
            "Soviet tanks entered Budapest",
            None,
            "In what year did Soviet tanks enter Budapest?",
            "Soviet tanks entered Budapest in 2001.",
        ),
        (
            "the gas entered the Varn mine",
            None,
            "In what year did the gas enter the Varn mine?",
            "The gas entered the Varn mine in 2001.",
        ),
        (
            "the emblem of the Varn Guild was chosen",
            None,
            "In what year was the emblem of the Varn Guild chosen?",
            "The emblem of the Varn Guild was chosen in 2001.",
        ),
        (
            "the treaty signed in Varn was ratified",
            None,
            "In what year was the treaty signed in Varn ratified?",
            "The treaty signed in Varn was ratified in 2001.",
        ),
        (
            "the bricks switched to Varnite",
            None,
            "In what year did the bricks switch to Varnite?",
            "The bricks switched to Varnite in 2001.",
        ),
        (
            "Tom Brill found that uranium salts give off rays",
            None,
            "In what year did Tom Brill find that uranium salts give off rays?",
            "Tom Brill found that uranium salts give off rays in 2001.",
        ),
        (
            "Tom Brill showed that uranium salts give off rays",
            None,
            "In what year did Tom Brill show that uranium salts give off rays?",
            "Tom Brill showed that uranium salts give off rays in 2001.",
        ),
        (
            "Ana Varn founded the guild",
            None,
            "In what year did Ana Varn found the guild?",
            "Ana Varn founded the guild in 2001.",
        ),
        (
            "the first crewed Moon landing",
            None,
            "In what year did the first crewed Moon landing take place?",
            "The first crewed Moon landing took place in 2001.",
        ),
        (
            "the treaty signed in Moscow",
            None,
            "In what year was the treaty signed in Moscow?",
            "The treaty was signed in Moscow in 2001.",
        ),
        (
            "the Soviet Union broke up",
            None,
            "In what year did the Soviet Union break up?",
            "The Soviet Union broke up in 2001.",
        ),
        (
            "The Berlin Wall fell",
            None,
            "In what year did the Berlin Wall fall?",
            "The Berlin Wall fell in 2001.",
        ),
        (
            "the SCO was founded",
            None,
            "In what year was the SCO founded?",
            "The SCO was founded in 2001.",
        ),
        (
            "the coronation of Charlemagne as emperor",
            None,
            "In what year was Charlemagne crowned emperor?",
            "Charlemagne was crowned emperor in 2001.",
        ),
        (
            "the election of Ada Lovelace as president of the society",
            None,
            "In what year was Ada Lovelace elected president of the society?",
            "Ada Lovelace was elected president of the society in 2001.",
        ),
        (
            "the appointment of Ada Lovelace as secretary",
            None,
            "In what year was Ada Lovelace appointed as secretary?",
            "Ada Lovelace was appointed as secretary in 2001.",
        ),
        (
            "Xi Jinping's announcement of the Belt and Road Initiative",
            None,
            "In what year did Xi Jinping announce the Belt and Road Initiative?",
            "Xi Jinping announced the Belt and Road Initiative in 2001.",
        ),
        (
            "the admission of India and Pakistan as full SCO members at the Astana summit",
            None,
            "In what year were India and Pakistan admitted as full SCO members at the Astana summit?",
            "India and Pakistan were admitted as full SCO members at the Astana summit in 2001.",
        ),
        (
            "China's accession to the WTO",
            None,
            "In what year did China join the WTO?",
            "China joined the WTO in 2001.",
        ),
        (
            "the accession of Croatia to the European Union",
            None,
            "In what year did Croatia join the European Union?",
            "Croatia joined the European Union in 2001.",
        ),
        (
            "the death of Queen Victoria",
            None,
            "In what year did Queen Victoria die?",
            "Queen Victoria died in 2001.",
        ),
        (
            "the birth of Isaac Newton",
            None,
            "In what year was Isaac Newton born?",
            "Isaac Newton was born in 2001.",
        ),
        (
            "the independence of India from Britain",
            None,
            "In what year did India become independent from Britain?",
            "India became independent from Britain in 2001.",
        ),
        (
            "the outbreak of the First World War",
            None,
            "In what year did the First World War break out?",
            "The First World War broke out in 2001.",
        ),
        (
            "the creation of the Bank for International Settlements",
            None,
            "In what year was the Bank for International Settlements created?",
            "The Bank for International Settlements was created in 2001.",
        ),
        (
            "the Treaty of Versailles",
            None,
            "In what year was the Treaty of Versailles signed?",
            "The Treaty of Versailles was signed in 2001.",
        ),
        (
            "the Battle of Hastings",
            None,
            "In what year was the Battle of Hastings fought?",
            "The Battle of Hastings was fought in 2001.",
        ),
        (
            "the French Revolution",
            None,
            "In what year did the French Revolution begin?",
            "The French Revolution began in 2001.",
        ),
        (
            "the Shanghai summit at which five leaders signed a border agreement",
            None,
            "In what year was the Shanghai summit held at which five leaders signed a border agreement?",
            "The Shanghai summit at which five leaders signed a border agreement was held in 2001.",
        ),
        (
            "the Sino-Soviet treaty settling the eastern section of the border",
            Some("signed"),
            "In what year was the Sino-Soviet treaty settling the eastern section of the border signed?",
            "The Sino-Soviet treaty settling the eastern section of the border was signed in 2001.",
        ),
        (
            "Uzbekistan",
            Some("joined the SCO"),
            "In what year did Uzbekistan join the SCO?",
            "Uzbekistan joined the SCO in 2001.",
        ),
        (
            "the great fire",
            Some("broke out"),
            "In what year did the great fire break out?",
            "The great fire broke out in 2001.",
        ),
        (
            "the completion of China's border treaties, leaving almost no question open",
            None,
            "In what year were China's border treaties completed, leaving almost no question open?",
            "China's border treaties were completed in 2001, leaving almost no question open.",
        ),
        (
            "the opening of the SCO Secretariat, led first by Zhang Deguang",
            None,
            "In what year was the SCO Secretariat, led first by Zhang Deguang, opened?",
            "The SCO Secretariat, led first by Zhang Deguang, was opened in 2001.",
        ),
        (
            "the first Moon landing",
            None,
            "In what year did the first Moon landing take place?",
            "The first Moon landing took place in 2001.",
        ),
        (
            "the launch of Voyager 1 from Cape Canaveral",
            None,
            "In what year was Voyager 1 launched from Cape Canaveral?",
            "Voyager 1 was launched from Cape Canaveral in 2001.",
        ),
        (
            "the start of China's series of border treaties with its neighbours",
            None,
            "In what year did China's series of border treaties start with its neighbours?",
            "China's series of border treaties started with its neighbours in 2001.",
        ),
        (
            "the storming of the Bastille",
            Some("stormed"),
            "In what year was the Bastille stormed?",
            "The Bastille was stormed in 2001.",
        ),
        (
            "the storming of the Bastille",
            None,
            "In what year was the Bastille stormed?",
            "The Bastille was stormed in 2001.",
        ),
        (
            "King John's sealing of Magna Carta",
            Some("sealed"),
            "In what year did King John seal Magna Carta?",
            "King John sealed Magna Carta in 2001.",
        ),
        (
            "the first performance of Hamlet",
            None,
            "In what year was Hamlet first performed?",
            "Hamlet was first performed in 2001.",
        ),
        (
            "the film Star Wars",
            Some("released"),
            "In what year was the film Star Wars released?",
            "The film Star Wars was released in 2001.",
        ),
        (
            "the album Abbey Road",
            None,
            "In what year was the album Abbey Road released?",
            "The album Abbey Road was released in 2001.",
        ),
        (
            "the atomic bombing of Hiroshima",
            Some("bombed"),
            "In what year did the atomic bombing of Hiroshima take place?",
            "The atomic bombing of Hiroshima took place in 2001.",
        ),
        (
            "Uzbekistan joins the SCO",
            None,
            "In what year did Uzbekistan join the SCO?",
            "Uzbekistan joined the SCO in 2001.",
        ),
        (
            "The Great Exhibition",
            None,
            "In what year was the Great Exhibition held?",
            "The Great Exhibition was held in 2001.",
        ),
        // A compound noun is not a clause: "gas" is not the verb "ga".
        (
            "the Bhopal gas leak",
            Some("took place"),
            "In what year did the Bhopal gas leak take place?",
            "The Bhopal gas leak took place in 2001.",
        ),
        // A preposition inside a name belongs to the subject.
        (
            "the Nobel Prize in Chemistry was awarded for the first time",
            None,
            "In what year was the Nobel Prize in Chemistry awarded for the first time?",
            "The Nobel Prize in Chemistry was awarded for the first time in 2001.",
        ),
        (
            "Marie and Pierre Curie's discovery of radium",
            None,
            "In what year did Marie and Pierre Curie discover radium?",
            "Marie and Pierre Curie discovered radium in 2001.",
        ),
        (
            "the synthesis of urea",
            None,
            "In what year was urea synthesised?",
            "Urea was synthesised in 2001.",
        ),
        (
            "the Peace of Westphalia",
            None,
            "In what year was the Peace of Westphalia signed?",
            "The Peace of Westphalia was signed in 2001.",
        ),
        // An ordinal or an adjective before a name is not the head.
        (
            "the first Solvay Conference on Chemistry",
            None,
            "In what year was the first Solvay Conference on Chemistry held?",
            "The first Solvay Conference on Chemistry was held in 2001.",
        ),
        (
            "the first modern Olympic Games",
            None,
            "In what year were the first modern Olympic Games held?",
            "The first modern Olympic Games were held in 2001.",
        ),
        (
            "the 1992 Summer Olympics",
            None,
            "In what year were the 1992 Summer Olympics held?",
            "The 1992 Summer Olympics were held in 2001.",
        ),
        // Events of accidents and missions: a particle stays with its verb.
        (
            "the shutdown of the last reactor",
            None,
            "In what year was the last reactor shut down?",
            "The last reactor was shut down in 2001.",
        ),
        (
            "the splashdown of the command module",
            None,
            "In what year did the command module splash down?",
            "The command module splashed down in 2001.",
        ),
        (
            "the explosion of reactor 4",
            None,
            "In what year did reactor 4 explode?",
            "Reactor 4 exploded in 2001.",
        ),
        (
            "the evacuation of Pripyat",
            None,
            "In what year was Pripyat evacuated?",
            "Pripyat was evacuated in 2001.",
        ),
    ];

    #[test]
    fn events_read_as_teachers_would_ask_them() {
        let mut wrong = Vec::new();
        for (what, verb, question, statement) in CASES {
            let r = read(what, *verb);
            let got = (
                r.guessed,
                r.clause.question("In what year", &[]),
                r.clause.statement(&["in 2001"]),
            );
            if got != (false, question.to_string(), statement.to_string()) {
                wrong.push(format!("{what}: {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn an_event_nothing_explains_takes_place_and_says_it_guessed() {
        let r = read("the Kingdom Hearts incident", None);
        assert!(r.guessed);
        assert_eq!(
            r.clause.question("In what year", &[]),
            "In what year did the Kingdom Hearts incident take place?"
        );
    }

    #[test]
    fn a_compound_noun_is_not_read_as_a_clause() {
        // "gas" would be the third person of a verb "ga"; "goes" is that of "go".
        assert!(present_third("gas").is_none());
        assert_eq!(present_third("goes").map(|v| v.base), Some("go".into()));
        assert_eq!(present_third("joins").map(|v| v.base), Some("join".into()));
        let r = read("the Bhopal gas leak", None);
        assert!(r.guessed);
        assert_eq!(r.clause.statement(&[]), "The Bhopal gas leak took place.");
    }

    #[test]
    fn event_verbs_are_told_from_state_verbs() {
        for v in ["execute", "crown", "sign", "hold", "found", "assassinate"] {
            assert!(is_event_verb(v), "{v}");
        }
        for v in ["display", "keep", "house", "locate", "exhibit"] {
            assert!(!is_event_verb(v), "{v}");
        }
    }

    #[test]
    fn participle_modifiers_are_not_clauses() {
        // "signed" modifies "treaty": the phrase is a thing, read by its head noun.
        let r = read("the treaty signed in Moscow", None);
        assert_eq!(
            r.clause.question("In what year", &[]),
            "In what year was the treaty signed in Moscow?"
        );
    }

    #[test]
    fn a_plural_subject_s_past_is_a_clause_only_before_its_object_or_a_place_moved_to() {
        let question = |what: &str| {
            let r = read(what, None);
            (r.guessed, r.clause.question("In what year", &[]))
        };
        // The place after "to" is two words on, however long the subject.
        assert_eq!(
            question("the new clay bricks switched to Varnite"),
            (
                false,
                "In what year did the new clay bricks switch to Varnite?".to_string()
            )
        );
        // After "at" the phrase may be a participle's ("the troops stationed at Varn"): no
        // clause is claimed, and the extractor leaves such a deed out.
        assert!(question("the troops waited at Varn").0);
    }

    #[test]
    fn adverbs_from_adjectives() {
        assert_eq!(adverb_of("formal").as_deref(), Some("formally"));
        assert_eq!(adverb_of("official").as_deref(), Some("officially"));
        assert_eq!(adverb_of("atomic"), None);
        assert_eq!(adverb_of("second").as_deref(), Some("for the second time"));
        assert_eq!(adverb_of("temporary").as_deref(), Some("temporarily"));
        assert_eq!(adverb_of("big"), None);
    }
}

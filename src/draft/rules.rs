//! The pattern engine: rules are rows of a table (Duckling / spaCy `Matcher` style), each a
//! regular expression over a sentence skeleton (see `sentence`) with a builder that turns a
//! match into a fact, a confidence, and the sentences it must and must not fire on. A new
//! reading is a new row with its examples, never a new branch in a big function.
//!
//! Patterns use a few macros for the skeleton's parts: `{E}` a name, `{D}` a date, `{R}` a
//! date range, `{N}` a number, `{Q}` a quotation, `{W}` a lowercase word or a name, `{S}` a
//! subject (a name, a pronoun, or a short noun phrase with a determiner), `{WAS}` a form of
//! "be", `{ADV}` an optional adverb, `{ITEMS}` a coordination "A, B and C", and
//! `{PASSIVE}`, `{ACTIVE}`, `{INTRANSITIVE}` the event verbs of `events` and of the wording
//! layer's event nouns, as participles or simple pasts.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::deck::{FactDate, FactKind};
use crate::draft::context::Context;
use crate::draft::sentence::{Sentence, Slot, SlotKind};

pub mod events;
pub mod lists;
pub mod numbers;
pub mod people;
pub mod places;
pub mod terms;

/// One reading of a sentence.
pub struct Rule {
    pub name: &'static str,
    /// A regular expression over one clause's skeleton (or the whole sentence's, see
    /// `whole`), with the macros above.
    pub pattern: &'static str,
    /// Matched against the whole sentence rather than each clause.
    pub whole: bool,
    pub confidence: f32,
    pub build: fn(&Hit) -> Option<FactKind>,
    /// Sentences the rule must find a fact in, and sentences it must find nothing in.
    pub must: &'static [&'static str],
    pub must_not: &'static [&'static str],
}

/// Nouns that count kinds of a thing: "1,500 species of fish", "3 kinds of seal".
const KINDS: &str = r"(?:species|kinds|types|varieties|breeds) of";

/// The macros patterns are written with, expanded once.
fn expand(pattern: &str) -> String {
    const W: &str = r"(?:[A-Za-z][a-z\-']*|«[EN]\d+»(?:-[a-z]+|'s)?)";
    let np =
        format!(r"(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his) (?:{W} ){{0,5}}?{W})");
    // A subject: a name (perhaps two, or with its noun: "the Festina team"), a pronoun, or a
    // short noun phrase with a determiner ("a" only opening the clause).
    let subject = r"(?:(?:[Tt]he )?«E\d+»(?: \(«E\d+»\))?|(?:[A-Z][a-z]+ (?:and [A-Z][a-z]+ )?)(?:troops|forces|soldiers|paratroopers|warships|settlers|rebels|delegates|envoys)|(?:[Tt]he )?«E\d+» and (?:the )?«E\d+»|(?:[Tt]he )?«E\d+» [a-z]+(?: [a-z]+)?|[Ii]t|[Ss]he|[Hh]e|(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|^A|^An|a|an) (?:«N\d+» )?(?:(?:[A-Za-z][a-z\-']*|«E\d+»)(?:'s)? ){0,5}?(?:[a-z][a-z\-']*|«E\d+»))";
    // A name perhaps with the place it is in ("the Steelyard in London"); list builders
    // drop the place (`lists::items_of`).
    const PLACED: &str = r"(?:the )?«E\d+»(?: in (?:the )?«E\d+»)?";
    let item = r"(?:{PLACED}|(?:the )?[A-Z][a-z]+ of (?:the )?«E\d+»|[a-z][a-z\-]*(?: [a-z][a-z\-]*){0,3})".replace("{PLACED}", PLACED);
    let items = format!(r"(?:{item}(?:, {item})*,? (?:and|or) {item})");
    pattern
        .replace("{PLACED}", PLACED)
        .replace("{PAST}", past_forms())
        .replace("{PASSIVE}", events::passive_verbs())
        .replace("{ACTIVE}", events::active_verbs())
        .replace("{INTRANSITIVE}", events::intransitive_verbs())
        .replace("{S}", subject)
        .replace("{NP}", &np)
        // A deed's subject written as a noun phrase: "the bricks", "his admirer Tomas".
        .replace(
            "{DEEDNP}",
            r"(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir) (?:[a-z\-]+ |«E\d+» ){0,3}?[a-z\-]+",
        )
        .replace("{ITEMS}", &items)
        // A person's name, perhaps after a role: "the German geographer Hans Meyer".
        .replace("{PN}", r"(?:(?:the|a|an) (?:[A-Za-z\-]+ ){1,3})?«E\d+»")
        .replace("{KINDS}", KINDS)
        .replace("{W}", W)
        .replace("{E}", r"«E\d+»")
        .replace("{D}", r"«D\d+»")
        .replace("{R}", r"«R\d+»")
        .replace("{N}", r"«N\d+»")
        .replace("{Q}", r"«Q\d+»")
        .replace("{WAS}", r"(?:was|were|is|are|had been|has been|have been)")
        .replace(
            "{ADV}",
            &format!(r"(?:(?:[a-z]+ly|{}) )?", ADVERBS.join("|")),
        )
}

/// Adverbs not in "-ly" that stand between a subject and its verb ("it also has", "it then
/// signed"): `{ADV}` in patterns, and words a subject's name never ends with.
#[rustfmt::skip]
pub const ADVERBS: &[&str] = &[
    "first", "later", "then", "also", "only", "again", "soon", "still", "once", "eventually",
    "jointly", "never",
];

/// `{PAST}`: a word that may be a simple past, regular ("crossed") or not ("took"); the
/// builders check it further.
fn past_forms() -> &'static str {
    static FORMS: LazyLock<String> = LazyLock::new(|| {
        let mut irregular: Vec<&str> = crate::wording::verb::irregular_pasts().collect();
        irregular.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        irregular.dedup();
        format!(r"(?:[a-z]{{2,}}ed|{})\b", irregular.join("|"))
    });
    &FORMS
}

/// A rule's confidence by its name (0 for no such rule), for the benchmark's table of rules.
pub fn confidence_of(name: &str) -> f32 {
    RULES
        .iter()
        .find(|c| c.rule.name == name)
        .map_or(0.0, |c| c.rule.confidence)
}

/// A rule compiled.
pub struct Compiled {
    pub rule: &'static Rule,
    pub regex: Regex,
}

/// Every rule of every table, compiled, in the order they are tried.
pub static RULES: LazyLock<Vec<Compiled>> = LazyLock::new(|| {
    [
        terms::RULES,
        events::RULES,
        places::RULES,
        people::RULES,
        lists::RULES,
        numbers::RULES,
    ]
    .iter()
    .flat_map(|table| table.iter())
    .map(|rule| Compiled {
        rule,
        regex: Regex::new(&expand(rule.pattern))
            .unwrap_or_else(|e| panic!("rule {}: {e}", rule.name)),
    })
    .collect()
});

/// A match of a rule in a clause, with what a builder needs to make a fact of it.
pub struct Hit<'a> {
    pub sentence: &'a Sentence,
    /// The clause's skeleton the rule matched in.
    pub clause: &'a str,
    pub caps: Captures<'a>,
    pub context: &'a Context,
    /// Why the fact needs checking, when a builder read something by reference.
    pub notes: std::cell::RefCell<Vec<&'static str>>,
}

impl<'a> Hit<'a> {
    /// A group's skeleton text.
    pub fn raw(&self, group: &str) -> Option<&'a str> {
        self.caps.name(group).map(|m| m.as_str())
    }

    /// A group written back as text.
    /// Whether a group comes right after a preposition ("beneath «E1»", "in «E2»"): the
    /// preposition's object, not a subject nor what an apposition after it describes.
    pub fn after_preposition(&self, group: &str) -> bool {
        const PREPOSITIONS: &[&str] = &[
            "of", "in", "on", "at", "to", "by", "with", "from", "into", "beneath", "below",
            "under", "over", "above", "across", "along", "through", "towards", "against",
            "between", "among",
        ];
        self.caps.name(group).is_some_and(|m| {
            self.clause[..m.start()]
                .trim_end()
                .rsplit(' ')
                .next()
                .is_some_and(|w| PREPOSITIONS.contains(&w))
        })
    }

    pub fn text(&self, group: &str) -> Option<String> {
        self.raw(group).map(|r| self.sentence.render(r))
    }

    /// The slot a group holds, when it is a single placeholder (perhaps after "the").
    pub fn slot(&self, group: &str) -> Option<&'a Slot> {
        let raw = self.raw(group)?;
        let raw = raw.strip_prefix("the ").unwrap_or(raw);
        let raw = raw.strip_prefix("The ").unwrap_or(raw);
        if raw.starts_with('«') && raw.ends_with('»') && raw.matches('«').count() == 1 {
            self.sentence.slot(raw)
        } else {
            None
        }
    }

    /// A group as a name or noun phrase a question can use (see `Context::resolve`); a
    /// subject with a named apposition ("A women's race, the Tour Femmes, was ...") is the
    /// name. `None` for a phrase that reads as two phrases run together.
    pub fn name(&self, group: &str) -> Option<String> {
        // "Gustavus Adolphus, King of Sweden, landed": a name keeps its own, not its title.
        if group == "s"
            && let Some(ap) = self.slot("ap").or_else(|| {
                // "the Varn Watch (VW)": the name before its short form.
                let raw = self.raw("ap")?;
                let raw = raw.split(" (").next()?;
                let raw = raw.strip_prefix("the ").unwrap_or(raw);
                (raw.matches('«').count() == 1 && raw.ends_with('»'))
                    .then(|| self.sentence.slot(raw))?
            })
            && self
                .slot("s")
                .is_none_or(|s| !matches!(s.kind, SlotKind::Entity { .. }))
        {
            return Some(self.context.name(&ap.text));
        }
        // "His greatest invention, the Type G automatic loom, was completed": a name with its
        // noun.
        if group == "s"
            && let Some(ap) = self.raw("ap")
            && ap.contains("» ")
            && ap.matches('«').count() == 1
            && self
                .slot("s")
                .is_none_or(|s| !matches!(s.kind, SlotKind::Entity { .. }))
        {
            let text = self.sentence.render(ap.strip_prefix("the ").unwrap_or(ap));
            let text = text.strip_prefix("the ").unwrap_or(&text);
            return Some(format!("the {text}"));
        }
        let raw = self.raw(group)?;
        // "German troops marched": a match starting inside a word ("an troops") names nothing.
        let start = self.caps.name(group)?.start();
        if self.clause[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        // "Franklin had moved": a name and its auxiliary are no noun phrase; nor is "the
        // United States and" (of "sailed to the United States and arrived").
        if raw.rsplit(' ').next().is_some_and(|w| {
            crate::wording::verb::is_auxiliary(w) || matches!(w, "and" | "or" | "but" | "nor")
        }) {
            return None;
        }
        if let Some(name) = self.role_named(raw) {
            return Some(name);
        }
        // "ASEAN (Association ...)" or "the Association ... (ASEAN)": the short name.
        let raw = raw.split(" (").next().unwrap_or(raw);
        let text = self.sentence.render(raw);
        // "the ICRC itself", "Valdivia himself": the name.
        let text = [" itself", " himself", " herself", " themselves"]
            .iter()
            .find_map(|r| text.strip_suffix(r))
            .map_or(text.clone(), str::to_string);
        if !raw.starts_with('«') && !plain_phrase(&text) {
            return None;
        }
        // "X that followed in 1987", "the alliance when Germany was reunified": a relative or
        // subordinate clause opens inside the phrase, which is no subject.
        if raw.split_whitespace().skip(1).any(|w| {
            matches!(
                w,
                "that"
                    | "which"
                    | "who"
                    | "whom"
                    | "whose"
                    | "when"
                    | "while"
                    | "because"
                    | "although"
                    | "though"
                    | "if"
                    | "until"
                    | "where"
                    | "whereas"
            )
        }) {
            return None;
        }
        // "a fifth of the population", "the war in Vietnam": part of a bigger phrase.
        let before = self
            .caps
            .name(group)
            .map_or("", |m| self.clause[..m.start()].trim_end());
        // "a line along the southern cliffs was completed": a subject never follows a
        // preposition.
        const PREPOSITIONS: &[&str] = &[
            "of", "along", "across", "near", "beside", "behind", "through", "towards", "into",
            "onto", "under", "over", "between", "among", "past", "beyond", "around", "from",
        ];
        if group == "s"
            && (PREPOSITIONS
                .iter()
                .any(|p| before.rsplit(' ').next() == Some(*p))
                || (text.starts_with(['a', 'A']) && text.contains(" of ")))
        {
            return None;
        }
        let start = self.caps.name(group).map_or(0, |m| m.start()) + self.offset();
        let first = text.split(' ').next().unwrap_or("");
        let person_pronoun =
            ["he", "she", "his", "her", "He", "She", "His", "Her"].contains(&first);
        // Only a subject pronoun is the sentence's own person: in "Babbage called her ...",
        // "her" is someone else.
        // "he had to defend his elderly mother, who was accused ...; she was imprisoned":
        // "she" is the unnamed relative, not the last woman named.
        if matches!(first, "he" | "she" | "He" | "She")
            && group == "s"
            && self.kin_before(start, first.eq_ignore_ascii_case("she"))
        {
            return None;
        }
        let (name, note) = if start > 0
            && group == "s"
            && person_pronoun
            && let Some(person) = self.sentence_person(start)
        {
            // "Byron left England and ...; he died in Greece": the sentence's own person.
            self.note("\"he\"/\"she\" read as the person the sentence names");
            match text.split_once(' ') {
                Some((det, rest))
                    if det.eq_ignore_ascii_case("his") || det.eq_ignore_ascii_case("her") =>
                {
                    (format!("the {rest} of {person}"), None)
                }
                _ => (person, None),
            }
        } else if matches!(first, "their" | "Their") && self.sentence_person(start).is_some() {
            // "Burke and Hare sold their bodies": "their" is the people's, not the article's.
            return None;
        } else if start > 0 && ["it", "its", "It", "Its"].contains(&first) {
            // "it" after the sentence's own subject is that subject.
            let owner = self.it()?;
            let rest = text.split_once(' ').map(|(_, r)| r);
            self.note("\"it\" read as the subject of the sentence");
            match rest {
                Some(rest) if first.starts_with(['i', 'I']) && first.ends_with('s') => {
                    (format!("the {rest} of {owner}"), None)
                }
                _ => (owner, None),
            }
        } else {
            self.context.resolve(&text)?
        };
        if let Some(note) = note {
            self.notes.borrow_mut().push(note);
        }
        Some(name)
    }

    /// The last name before a group that is not a person's: what "its" most likely means in
    /// "it created RATS, with its headquarters in Bishkek".
    pub fn last_thing_before(&self, group: &str) -> Option<String> {
        static NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"«E\d+»").expect("valid"));
        let end = self.caps.name(group)?.start() + self.offset();
        NAME.find_iter(&self.sentence.skeleton[..end.min(self.sentence.skeleton.len())])
            .filter_map(|m| self.sentence.slot(m.as_str()))
            .filter(|s| matches!(s.kind, SlotKind::Entity { possessive: false }))
            .map(|s| self.context.name(&s.text))
            .filter(|n| !crate::draft::context::looks_like_person(n))
            .last()
    }

    /// The first person the sentence names before a position, if any.
    fn sentence_person(&self, before: usize) -> Option<String> {
        static NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"«E\d+»").expect("valid"));
        NAME.find_iter(&self.sentence.skeleton[..before.min(self.sentence.skeleton.len())])
            .filter_map(|m| self.sentence.slot(m.as_str()))
            .map(|s| self.context.name(&s.text))
            .find(|n| crate::draft::context::looks_like_person(n))
    }

    /// Whether the sentence names an unnamed relative before a point ("his mother", "her
    /// husband") whom a following "he" or "she" (`female`) may mean.
    fn kin_before(&self, before: usize, female: bool) -> bool {
        const WOMEN: &[&str] = &[
            "mother",
            "wife",
            "daughter",
            "sister",
            "aunt",
            "niece",
            "grandmother",
            "widow",
        ];
        const MEN: &[&str] = &[
            "father",
            "husband",
            "son",
            "brother",
            "uncle",
            "nephew",
            "grandfather",
            "widower",
        ];
        let kin = if female { WOMEN } else { MEN };
        let words: Vec<&str> = self.sentence.skeleton[..before.min(self.sentence.skeleton.len())]
            .split_whitespace()
            .collect();
        words.windows(2).chain(words.windows(3)).any(|w| {
            matches!(w[0], "his" | "her" | "His" | "Her" | "their" | "Their")
                && kin.contains(&w[w.len() - 1].trim_end_matches([',', ';']))
        })
    }

    /// Where the clause starts in the sentence's skeleton.
    pub fn offset(&self) -> usize {
        (self.clause.as_ptr() as usize).saturating_sub(self.sentence.skeleton.as_ptr() as usize)
    }

    /// A group's date, when it holds one.
    pub fn date(&self, group: &str) -> Option<FactDate> {
        match self.slot(group)?.kind {
            SlotKind::Date(d) => Some(d),
            _ => None,
        }
    }

    /// A group's number and unit, when it holds one.
    pub fn number(&self, group: &str) -> Option<(f64, Option<String>, bool)> {
        match &self.slot(group)?.kind {
            SlotKind::Number {
                value,
                unit,
                approx,
            } => Some((*value, unit.clone(), *approx)),
            _ => None,
        }
    }

    /// The date the clause gives for the event at a group: the clause's event date nearest
    /// to it (after it first), else the sentence's only one.
    pub fn event_date(&self, near: &str) -> Option<FactDate> {
        let at = self.caps.name(near).map_or(0, |m| m.start());
        let end = self.caps.name(near).map_or(at, |m| m.end());
        let dates = self.sentence.event_dates(self.clause);
        // "Poland and South Korea joined in the 1990s, Slovakia in 2000": a verb with a time
        // of its own that no date gives takes no later date.
        let after = &self.clause[end.min(self.clause.len())..];
        if [" in «X", " on «X", " during «X"]
            .iter()
            .any(|t| after.starts_with(t))
        {
            return None;
        }
        // "received its charter in 1582 and admitted its first students the following
        // year": a time told relative to the date is not the date.
        if RELATIVE_TIME.is_match(&self.clause[end.min(self.clause.len())..])
            && !dates.iter().any(|(p, _)| *p >= end)
        {
            return None;
        }
        // "in 1916 it awarded him a degree, later renamed a PhD": "later" before the verb
        // says a date before it is not the verb's.
        let later = ["later ", "subsequently ", "afterwards ", "eventually "]
            .iter()
            .any(|w| self.clause[..at].ends_with(w));
        if later && !dates.iter().any(|(p, _)| *p >= at) {
            return None;
        }
        if let Some(d) = dates
            .iter()
            .filter(|(p, _)| *p >= at)
            // "an electorate was created for X, keeping the title it had received in 1623":
            // a date behind another clause's verb is that clause's.
            .filter(|(p, _)| *p < end || !ANOTHER_CLAUSE.is_match(&self.clause[end..*p]))
            .min_by_key(|(p, _)| *p)
            .or_else(|| {
                dates
                    .iter()
                    .filter(|(p, _)| *p < at && !in_participle_aside(self.clause, *p, at))
                    .max_by_key(|(p, _)| *p)
            })
        {
            return Some(d.1);
        }
        // The sentence's dates outside the clause: the last one before it, and the only one
        // when it has one and it comes before the clause.
        let offset = self.offset();
        let all = self.sentence.event_dates(&self.sentence.skeleton);
        let earlier = all
            .iter()
            .filter(|(p, _)| *p < offset)
            .max_by_key(|(p, _)| *p)
            .map(|(_, d)| *d);
        let only_before = earlier.filter(|_| all.len() == 1);
        // "It was founded on 8 August 1967, when five ministers signed X": a "when" clause
        // set off by a comma happened at the main clause's date.
        let before_clause = self.sentence.skeleton[..offset].trim_end();
        let when = self.clause.starts_with("when ") || before_clause.ends_with(", when");
        if when && let Some(d) = only_before {
            self.note("the date is that of the main clause");
            return Some(d);
        }
        // "In 1931 X opened, and Y became its first director": the main clause's date, but
        // never into a subordinate clause ("a week after it became independent").
        if SUBORDINATE.is_match(self.clause) {
            return None;
        }
        // "A ladies' event followed in 1884, and the doubles began in the same year": the
        // year of the sentence's date before the clause, else of the event before.
        if ["same year", "that year", "that meeting"]
            .iter()
            .any(|p| self.clause.contains(p))
            && let Some(d) = earlier.or(self.context.focus.date)
        {
            self.note("the date is that of the event before");
            // "that same year": the year, not the day of the event before.
            if !self.clause.contains("that meeting") {
                return Some(FactDate {
                    year: d.year,
                    month: None,
                    day: None,
                });
            }
            return Some(d);
        }
        // "the firm moved to Seoul in the late 1940s": a clause with a time of its own that no
        // date gives takes no other clause's date.
        if self.clause.contains("«X") {
            return None;
        }
        // Only a date before the clause ("In 1931 X opened, and Y became ..."): one after it
        // belongs to a later clause ("X was created; the title was kept in 1623").
        if let Some(d) = only_before {
            self.note("the date is from another clause");
            return Some(d);
        }
        None
    }

    /// A place the clause names after a group with "in" or "at" (not a person, not a date).
    pub fn place_after(&self, group: &str) -> Option<String> {
        // Right after the group, perhaps after its date: "died in Greece", "on 8 August 1967
        // in Bangkok", not "with its headquarters initially in Bishkek".
        static IN_PLACE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?: (?:on|in) «D\d+»,?)? (?:[a-z]+ly )?(?:in|at) (?:the )?(«E\d+»)")
                .expect("valid")
        });
        // Else a gathering the sentence places: "at a gathering held in Kessport".
        static HELD_IN: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\b(?:held|hosted|summit|meeting|conference|congress|gathering) (?:[a-z]+ |«E\d+» ){0,4}?(?:in|at) (?:the )?(«E\d+»)").expect("valid")
        });
        let from = self.caps.name(group).map_or(0, |m| m.end());
        // "signed it in 2015 and became a member in 2024 at a summit in Asunción": a
        // gathering after another dated verb is that verb's.
        let skeleton = &self.sentence.skeleton;
        let from_in_sentence = (self.offset() + from).min(skeleton.len());
        let c = IN_PLACE.captures(&self.clause[from..]).or_else(|| {
            // (A gathering before the verb has nothing between: `get` gives none.)
            HELD_IN.captures(skeleton).filter(|c| {
                let at = c.get(0).map_or(0, |m| m.start());
                !skeleton
                    .get(from_in_sentence..at)
                    .and_then(|between| between.split_once(" and "))
                    .is_some_and(|(_, rest)| rest.contains("«D"))
            })
        })?;
        let slot = self.sentence.slot(&c[1])?;
        if matches!(slot.kind, SlotKind::Entity { possessive: true }) {
            return None;
        }
        // Not a person, and not a title ("The Lancet", "Taylor's Scientific Memoirs").
        const WORKS: &[&str] = &[
            "Journal",
            "Memoirs",
            "Review",
            "Magazine",
            "Times",
            "Lancet",
            "Gazette",
            "Post",
            "News",
            "Proceedings",
            "Annals",
            "Transactions",
            "Letters",
            "Herald",
            "Chronicle",
        ];
        let title = slot.text.starts_with("The ")
            || slot.text.split_whitespace().any(|w| WORKS.contains(&w));
        (!crate::draft::context::looks_like_person(slot.bare()) && !title)
            .then(|| slot.bare().to_string())
    }

    /// What "it" means in this clause: the name opening the sentence when the clause comes
    /// after it ("X opened in 1931, and Y became its first director"), else the context's.
    pub fn it(&self) -> Option<String> {
        self.it_at(0)
    }

    /// A phrase with a possessive "its" or "their" inside it written as the owner's ("became
    /// its first Secretary-General" -> "became ASEAN's first Secretary-General", "the length
    /// of all its branches" -> "the length of all the Great Wall's branches"), noted as read
    /// by reference. A phrase without one comes back as it is; `None` when "it" means
    /// nothing here. (A possessive opening a phrase is [`Context::resolve`]'s.)
    pub fn possessives_inside(&self, text: &str) -> Option<String> {
        if !text.contains(" its ") && !text.contains(" their ") {
            return Some(text.to_string());
        }
        let owner = self.context.it()?;
        self.note("a possessive read by reference");
        let owner = if owner.ends_with('s') {
            format!("{owner}'")
        } else {
            format!("{owner}'s")
        };
        Some(
            text.replace(" its ", &format!(" {owner} "))
                .replace(" their ", &format!(" {owner} ")),
        )
    }

    /// What "it" means at a group: after the name that opens the sentence, that name
    /// ("Sardinia, led by its prime minister ..."); else as [`Hit::it`].
    pub fn it_at_group(&self, group: &str) -> Option<String> {
        let at = self.caps.name(group).map_or(0, |m| m.start()) + self.offset();
        self.it_at(at)
    }

    fn it_at(&self, at: usize) -> Option<String> {
        static OPENING: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:(?:From there|From here|Here|There|Then|Later|Today|Now|Soon) )?(?:[Tt]he )?(«E\d+»)(?: \(«E\d+»\))?(?:,| [a-z])").expect("valid")
        });
        static CLAUSE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:^|, |; )(?:[A-Z][a-z]+ [^,]{0,30}, |(?:For|In|Since|During|After|Before|By|From|Until|Over) (?:[a-z]+ ){1,2})?(?P<np>(?:[Tt]he (?:[a-z\-]+ ){0,3}?)?«E\d+»|[Tt]he (?:[a-z\-]+ ){0,3}?[a-z\-]+) (?:was|were|is|are|has|had|[a-z]+ed)\b").expect("valid")
        });
        let offset = self.offset().max(at);
        if offset > 0 && offset <= self.sentence.skeleton.len() {
            // "it" is never a person.
            if let Some(c) = OPENING.captures(&self.sentence.skeleton)
                && let Some(slot) = self.sentence.slot(&c[1])
                && !crate::draft::context::looks_like_person(&self.context.name(&slot.text))
            {
                return Some(self.context.name(&slot.text));
            }
            // Else the subject of the clause before: "the printed catalogue was ...; its
            // last edition appeared ...".
            if let Some(c) = CLAUSE_SUBJECT.captures(&self.sentence.skeleton[..offset]) {
                let np = self.sentence.render(&c["np"]);
                return self.context.resolve(&np).map(|(n, _)| n);
            }
        }
        self.context.it()
    }

    /// "his admirer Maffeo Barberini", "her brother Tomas", "the Italian engineer Eugenio
    /// Barsanti": a relation or role before a person's name is the person, by name.
    pub fn role_named(&self, raw: &str) -> Option<String> {
        static ROLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?P<det>[Hh]is|[Hh]er|[Tt]heir|[Tt]he) (?P<role>(?:[a-z\-]+ ){1,3})(?P<n>«E\d+»)$")
                .expect("valid")
        });
        let c = ROLE_NAME.captures(raw)?;
        // After "the", only a role: "the fort of Irkutsk", "the last Diet" name a thing.
        if c["det"].eq_ignore_ascii_case("the")
            && c["role"].split_whitespace().any(|w| {
                matches!(
                    w,
                    "of" | "in"
                        | "at"
                        | "on"
                        | "for"
                        | "to"
                        | "from"
                        | "last"
                        | "first"
                        | "new"
                        | "old"
                        | "same"
                        | "next"
                        | "former"
                        | "great"
                )
            })
        {
            return None;
        }
        let slot = self.sentence.slot(&c["n"])?;
        if !matches!(slot.kind, SlotKind::Entity { possessive: false }) {
            return None;
        }
        let name = self.context.name(&slot.text);
        crate::draft::context::looks_like_person(&name).then_some(name)
    }

    /// Notes a reason to check the fact.
    pub fn note(&self, why: &'static str) {
        self.notes.borrow_mut().push(why);
    }
}

/// A clause that opens with a subordinating word.
/// Words that open another clause between a verb and a date: a relative or subordinate
/// clause, a pronoun subject, a participle after a comma (", killing"), a semicolon.
/// "Olk, admitted in 2012, has been suspended since 2016": a date inside a participle set
/// off by commas before the verb is the participle's, not the verb's.
fn in_participle_aside(clause: &str, date: usize, verb: usize) -> bool {
    let Some(open) = clause[..date].rfind(", ") else {
        return false;
    };
    let first = clause[open + 2..date].split(' ').next().unwrap_or("");
    crate::wording::verb::is_past_form(first) && clause[date..verb].contains(',')
}

static ANOTHER_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    // (A coordinated verb is any past form: `{PAST}`.)
    Regex::new(&format!(r"\b(?:which|who|whom|whose|that|when|while|where|because|although|it|he|she|they|we)\b|, [a-z]{{2,}}ing\b|; |, (?:and|but) (?:then )?(?:at|in|on|by|after|before|during|from|within|until)\b|, (?:[a-z]+ly )?(?:[a-z]{{3,}}ed|built|held|made|written|drawn|begun|known) (?:on|in) $|\b(?:and|but) (?:then |later )?(?:was |were )?{}", past_forms())).expect("valid")
});

/// A time told relative to another: "the following year", "two years later".
static RELATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"«N\d+» (?:(?:years?|months?|days?|weeks?|decades?) )?(?:later|earlier|afterwards)\b|\b(?:the (?:following|next|previous) (?:year|month|day|week|spring|summer|autumn|winter)|(?:a|«N\d+»|[a-z]+) (?:years?|months?|days?|weeks?|decades?) (?:later|earlier|afterwards)|the (?:year|day) (?:after|before))\b").expect("valid")
});

static SUBORDINATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[a-z]+ [a-z]+ )?(?:after|before|when|while|until|since|because|although|though|as|where|which|who|if|once)\b").expect("valid")
});

/// Whether a rendered noun phrase reads as one phrase: no verb or second determiner inside
/// ("the supply ran out and he", "the first time the finish").
fn plain_phrase(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().enumerate().skip(1).all(|(i, w)| {
        let lower = w.to_lowercase();
        let second_article = matches!(lower.as_str(), "the" | "a" | "an") && words[i - 1] != "of";
        // A capitalised word inside the phrase is a name ("the constitution of WHO").
        let name = w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
        (joins_nouns(&words, i) || name || !VERBS_AND_LINKS.contains(&lower.as_str()))
            && !second_article
    })
}

/// Words that link clauses or open a verb phrase: never inside one noun phrase.
const VERBS_AND_LINKS: &[&str] = &[
    "and", "or", "but", "was", "were", "is", "are", "had", "has", "have", "which", "that", "who",
    "he", "she", "it", "they",
];

/// Whether the word at `i` is an "and" joining two noun phrases: "the translation and notes",
/// "the mausoleum and its pits"; not "the supply ran out and he", "the city and marched".
pub fn joins_nouns(words: &[&str], i: usize) -> bool {
    words[i].eq_ignore_ascii_case("and")
        && words.get(i + 1).is_some_and(|n| {
            !VERBS_AND_LINKS.contains(&n.to_lowercase().as_str()) && !n.ends_with("ed")
        })
        && !words[..i].iter().any(|w| w.ends_with("ed") || *w == "out")
}

/// Clauses of a skeleton: split at semicolons, colons before a new subject, and ", and",
/// ", but", ", while" before a subject, so a pattern's subject and date come from one clause.
pub fn clauses(skeleton: &str) -> Vec<&str> {
    static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"; |, (?:and|but|while|whereas|although|so) (?:(?:the|its|his|her|their|it|he|she|they|The|It|He|She|They) |«E\d+»|«N\d+» [a-z]+ (?:were|was|had|have|are)\b)|, (?:and|but) then |, (?:and|but) (?:in|on) «D\d+» |, (?:(?:a|an|the|only|just|shortly|soon|long|two|three|several) [a-z]+ )?(?:after|before|when|while|until|because|although|though|where) |, (?:which|who) ")
            .expect("valid")
    });
    let mut out = Vec::new();
    let mut at = 0;
    for m in SPLIT.find_iter(skeleton) {
        out.push(&skeleton[at..m.start()]);
        // Keep the new clause's subject: the split ends before it.
        let sep = m.as_str();
        let keep = sep
            .trim_start_matches(';')
            .trim_start_matches(',')
            .trim_start();
        // A coordinated clause starts after its conjunction; a subordinate one keeps its
        // subordinating words, which say it is one.
        let keep = if keep.starts_with("and ")
            || keep.starts_with("but ")
            || keep.starts_with("while ")
            || keep.starts_with("whereas ")
            || keep.starts_with("although ")
            || keep.starts_with("so ")
        {
            keep.split_once(' ')
                .map_or(keep.len(), |(conj, _)| keep.len() - conj.len() - 1)
        } else {
            keep.len()
        };
        at = m.end() - keep;
    }
    out.push(&skeleton[at..]);
    out.into_iter().filter(|c| !c.trim().is_empty()).collect()
}

/// A fact found by a rule, with its confidence and the reasons to check it.
pub struct Found {
    pub fact: FactKind,
    pub confidence: f32,
    pub rule: &'static str,
    pub notes: Vec<&'static str>,
}

/// Every fact the rules find in a sentence, and in the clauses its coordinated verb phrases
/// make with their shared subject (see [`shared_subject`]).
pub fn apply(sentence: &Sentence, context: &Context) -> Vec<Found> {
    let mut out = apply_to(sentence, context, false);
    // A clause read again on its own has lost what came before it: an event it tells of
    // someone else than the whole sentence did ("Bartholdi took up the project, and in 1871
    // he travelled to America" is not read again as another man's journey) is dropped.
    let whole: Vec<(String, FactDate)> = out
        .iter()
        .filter_map(|f| match &f.fact {
            FactKind::Event { what, date, .. } => Some((event_frame(what), *date)),
            _ => None,
        })
        .collect();
    let mut derived_found = Vec::new();
    if let Some(main) = without_relative(sentence) {
        derived_found.extend(apply_to(&main, context, true));
    }
    let all = clauses(&sentence.skeleton);
    for (i, clause) in all.iter().enumerate() {
        let clause = *clause;
        let before = i.checked_sub(1).map(|j| all[j]);
        for derived in shared_subject(sentence, clause)
            .into_iter()
            .chain(dated_opening(sentence, clause))
            .chain(cleft(sentence, clause))
            .chain(dated_when(sentence, before, clause))
            .chain(relative_clause(sentence, clause))
            .chain(counted_items(sentence, clause))
            .chain(gapped(sentence, clause))
        {
            derived_found.extend(apply_to(&derived, context, true));
        }
    }
    out.extend(derived_found.into_iter().filter(|f| match &f.fact {
        FactKind::Event { what, date, .. } => {
            let frame = event_frame(what);
            !whole.iter().any(|(w, d)| *w == frame && d == date)
        }
        _ => true,
    }));
    out
}

/// What the rule reading "X followed in D" as the last event's kind finds in a sentence: read
/// again once the sentence's own events are the focus ("China joined on 11 December 2001, and
/// Russia followed on 22 August 2012").
pub fn apply_followed(sentence: &Sentence, context: &Context) -> Vec<Found> {
    apply_rules(sentence, context, |rule| {
        rule.name == "followed (X followed in D)"
    })
}

/// An event without the name its "of" phrase gives: "the journey of X to America" is "the
/// journey to America", whoever X is.
fn event_frame(what: &str) -> String {
    match what.split_once(" of ") {
        Some((head, rest)) => {
            let tail = [" to ", " in ", " as ", " from ", " into ", " at "]
                .iter()
                .filter_map(|p| rest.find(p))
                .min()
                .map_or("", |at| &rest[at..]);
            format!("{head}{tail}")
        }
        None => what.to_string(),
    }
}

/// "Brill joined in 2004, Olk in 2005 and Tull in 2007", "gallium was discovered in 1875,
/// scandium in 1879, and germanium in 1886 by Winkler": a past verb written once serves each
/// later subject with its own date. Each becomes a sentence of its own ("Olk joined in
/// 2005"); a subject written small is given a slot as a name is.
pub fn gapped(sentence: &Sentence, clause: &str) -> Vec<Sentence> {
    static FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?:[Ii]n|[Oo]n) «D\d+»,? )?(?:[Tt]he )?(?:«E\d+»|[a-z][a-z\-]+) (?P<v>(?:(?:was|were) )?(?:[a-z]+ly )?[a-z]+) (?:in|on) «D\d+»[^,;]*")
            .expect("valid")
    });
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:,? and|,) (?P<x>(?:the )?«E\d+»|[a-z][a-z\-]+) (?P<p>in|on) (?P<d>«D\d+»)(?P<rest>(?: by (?:the )?(?:[a-z]+ ){0,3}«E\d+»)?)(?:[,.;]|$|,? and )")
            .expect("valid")
    });
    let Some(first) = FIRST.captures(clause) else {
        return Vec::new();
    };
    let verb = &first["v"];
    let last = verb.rsplit(' ').next().unwrap_or(verb);
    if !crate::wording::verb::is_past_form(last) || matches!(last, "was" | "were" | "had") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut at = first.get(0).map_or(0, |m| m.end());
    while let Some(next) = NEXT.captures(&clause[at..]) {
        let mut slots = sentence.slots.clone();
        let x = &next["x"];
        let subject = if x.contains('«') {
            x.to_string()
        } else {
            slots.push(Slot {
                kind: SlotKind::Entity { possessive: false },
                text: x.to_string(),
                relation: None,
            });
            format!("«E{}»", slots.len() - 1)
        };
        out.push(Sentence {
            text: sentence.text.clone(),
            slots,
            skeleton: format!(
                "{subject} {verb} {} {}{}.",
                &next["p"], &next["d"], &next["rest"]
            ),
        });
        // The next item starts at the separator this one's end consumed.
        let end = next.name("rest").map_or(0, |m| m.end());
        at += end;
    }
    out
}

/// "X was agreed on D1 and came into force on D2", "X received its charter in 1582 and
/// admitted its first students": a verb phrase joined to the clause's own by "and" shares
/// its subject. Each such phrase becomes a sentence of its own, the subject written before
/// it, so the rules read it as they read any clause. The slots stay the sentence's.
pub fn shared_subject(sentence: &Sentence, clause: &str) -> Vec<Sentence> {
    // The opening phrase is read as long as it can be, then as short: "After a spell with X
    // in Paris, Tesla sailed ... and arrived" and "After her studies X stayed at the
    // institute ... and became".
    static SUBJECT_VERB: LazyLock<[Regex; 2]> = LazyLock::new(|| {
        [
            Regex::new(r"^(?:(?:(?:[Ii]n|[Oo]n|[Bb]y) «D\d+»|(?:(?:[A-Z]?[a-z]+|«[NX]\d+») ){1,4}(?:later|earlier|afterwards|after)|(?:After|Before|During|Following|Despite|Under) [^,]{2,60}|[A-Z][a-z]+ly|Taken together|Together|Altogether|Overall|In total|In all|Today|Since then|By then|which (?:ended|began|lasted|ran) [^,]{2,40}),? )?(?P<s>(?:[Tt]he )?«E\d+»(?: and (?:the )?«E\d+»)?|[Ii]t|[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir) (?:[a-z\-]+ ){0,3}?[a-z\-]+)(?: (?P<n>[a-z]+))?(?:, (?P<ap>(?:the )?«E\d+»),|, [^,]{2,80},)? (?:[a-z]+ly )?(?P<v>[a-z]+)\b").expect("valid"),
            Regex::new(r"^(?:(?:(?:[Ii]n|[Oo]n|[Bb]y) «D\d+»|(?:(?:[A-Z]?[a-z]+|«[NX]\d+») ){1,4}(?:later|earlier|afterwards|after)|(?:After|Before|During|Following|Despite|Under) [^,]{2,60}?|[A-Z][a-z]+ly|Taken together|Together|Altogether|Overall|In total|In all|Today|Since then|By then|which (?:ended|began|lasted|ran) [^,]{2,40}),? )?(?P<s>(?:[Tt]he )?«E\d+»(?: and (?:the )?«E\d+»)?|[Ii]t|[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir) (?:[a-z\-]+ ){0,3}?[a-z\-]+)(?: (?P<n>[a-z]+))?(?:, (?P<ap>(?:the )?«E\d+»),|, [^,]{2,80},)? (?:[a-z]+ly )?(?P<v>[a-z]+)\b").expect("valid"),
        ]
    });
    SUBJECT_VERB
        .iter()
        .filter_map(|re| re.captures(clause))
        .map(|c| subject_shared(sentence, clause, &c))
        .find(|derived| !derived.is_empty())
        .unwrap_or_default()
}

/// The clauses a subject's "and VERB" phrases make, given the subject and first verb found.
fn subject_shared(sentence: &Sentence, clause: &str, c: &regex::Captures) -> Vec<Sentence> {
    static AND_VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r" and (?:(?:[a-z]+ly|then|later|soon|also) )?(?P<v>[a-z]+)\b").expect("valid")
    });
    // "The lake covers 8,372 km², stretches 190 km and is 80 km wide": in the present, the
    // phrases that measure or state what the subject is.
    // "The largest, Olkhon, is ...": the name in apposition is the subject.
    let named = c.name("ap").map_or(&c["s"], |ap| ap.as_str());
    // "The range is wide and has an average height of 4,000 m": "is" read as the noun slot
    // is the verb.
    if let Some(n) = c.name("n")
        && matches!(n.as_str(), "is" | "are" | "has" | "have")
    {
        return present_phrases(sentence, clause, &c["s"], n.end());
    }
    if let Some(v) = c.name("v")
        && c.name("n").is_none()
        && (is_present(v.as_str()) || plural_present(named, v.as_str()))
    {
        return present_phrases(sentence, clause, named, v.end());
    }
    // "the member states cover": the noun after the subject's first words is its own.
    if let (Some(n), Some(v)) = (c.name("n"), c.name("v"))
        && c.name("ap").is_none()
        && !crate::wording::verb::is_auxiliary(n.as_str())
        && !opens_past_clause(n.as_str())
    {
        let subject = format!("{} {}", &c["s"], n.as_str());
        if is_present(v.as_str()) || plural_present(&subject, v.as_str()) {
            return present_phrases(sentence, clause, &subject, v.end());
        }
    }
    let verb = opens_past_clause;
    // "the Tull probe parachuted": a name and its noun, then the verb; "the Tull Charter
    // was agreed": the word after the name is the verb.
    let (subject, end) = match c.name("n") {
        Some(n) if verb(n.as_str()) => (c["s"].to_string(), n.end()),
        // ("The fire is commemorated": "is" is no noun.)
        Some(n) if verb(&c["v"]) && !crate::wording::verb::is_auxiliary(n.as_str()) => (
            format!("{} {}", &c["s"], n.as_str()),
            c.name("v").map_or(0, |m| m.end()),
        ),
        None if verb(&c["v"]) => (named.to_string(), c.name("v").map_or(0, |m| m.end())),
        _ => return Vec::new(),
    };
    let from = end;
    // "The triumph brought donations, and with them the institute was founded ... and
    // opened": after ", and" and a word that is no verb, another subject's clause begins.
    static NEW_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r", and (?:with|in|on|at|by|for|from|after|the|a|an|its|his|her|their|«)")
            .expect("valid")
    });
    let until = NEW_CLAUSE
        .find(&clause[from..])
        .map_or(clause.len(), |m| from + m.start());
    AND_VERB
        .captures_iter(&clause[from..until])
        .filter(|a| verb(&a["v"]))
        .filter_map(|a| {
            let at = from + a.get(0)?.start() + " and ".len();
            Some(Sentence {
                text: sentence.text.clone(),
                slots: sentence.slots.clone(),
                skeleton: format!("{subject} {}", &clause[at..]),
            })
        })
        .collect()
}

/// "the member states cover": a plural subject's present verb, its base form.
fn plural_present(subject: &str, verb: &str) -> bool {
    let plural = subject
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"));
    plural
        && verb.len() > 2
        && !verb.ends_with("ed")
        && !verb.ends_with("ing")
        && crate::wording::verb::Verb::of(verb).base == verb
        && crate::wording::verb::Verb::of(verb).third() != verb
}

/// A present verb after a subject: "is", "has", or a third person form ("covers").
pub(crate) fn is_present(word: &str) -> bool {
    matches!(word, "is" | "are" | "has" | "have")
        || (word.len() > 3 && {
            let base = word
                .strip_suffix("ies")
                .map(|b| format!("{b}y"))
                .or_else(|| word.strip_suffix("es").map(str::to_string))
                .into_iter()
                .chain(word.strip_suffix('s').map(str::to_string));
            base.into_iter()
                .any(|b| crate::wording::verb::Verb::of(&b).third() == word)
        })
}

/// The verb phrases after the first in "S covers A, stretches B and is C wide": each that
/// opens on "is", "are", "has" or "have", or whose words soon give a number, with the
/// subject before it.
fn present_phrases(sentence: &Sentence, clause: &str, subject: &str, from: usize) -> Vec<Sentence> {
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:, (?:and )?| and )(?:[a-z]+ly )?(?P<v>[a-z]+)(?P<after>(?: [^ ,;]+){0,3})")
            .expect("valid")
    });
    NEXT.captures_iter(&clause[from..])
        .filter(|n| {
            let v = &n["v"];
            matches!(v, "is" | "are" | "has" | "have")
                || (is_present(v) && n["after"].contains("«N"))
        })
        .filter_map(|n| {
            let at = from + n.name("v")?.start();
            Some(Sentence {
                text: sentence.text.clone(),
                slots: sentence.slots.clone(),
                skeleton: format!("{subject} {}", &clause[at..]),
            })
        })
        .collect()
}

/// "Plans for a mine caused an outcry, and in 1975 the Marine Park Act was passed", "it was
/// not held in 1916; in 1940 a bomb struck the stand": a later clause that opens on its own
/// date reads as a sentence that opens on it ("In 1975 the Marine Park Act was passed"), so
/// the patterns that read a sentence's opening date read it too.
/// "The system came to an end after 15 August 1971, when Nixon suspended the
/// convertibility of the dollar": a "when" clause after a date happened on that date, and is
/// read as "On 15 August 1971 Nixon suspended ...".
pub fn dated_when(sentence: &Sentence, before: Option<&str>, clause: &str) -> Option<Sentence> {
    static DATE_LAST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?:in|on|after|until|by) (?P<d>«D\d+»)$").expect("valid"));
    let rest = clause.strip_prefix("when ")?;
    // "..., and by 1973 the currencies were floating": another date's clause ends it.
    static NEXT_DATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r", (?:and |but )?(?:in|on|by|after|until) «D\d+»").expect("valid")
    });
    let rest = NEXT_DATED.find(rest).map_or(rest, |m| &rest[..m.start()]);
    let date = DATE_LAST.captures(before?.trim_end())?;
    // The date is the "when" clause's own: not "after" it.
    let mut slots = sentence.slots.clone();
    let index: usize = date["d"].trim_matches(['«', 'D', '»']).parse().ok()?;
    slots.get_mut(index)?.relation = Some("on".into());
    Some(Sentence {
        text: sentence.text.clone(),
        slots,
        skeleton: format!("On {} {rest}", &date["d"]),
    })
}

/// "It was only in 1866 that Venice became part of Italy": a cleft sentence told plainly,
/// "In 1866 Venice became part of Italy".
pub fn cleft(sentence: &Sentence, clause: &str) -> Option<Sentence> {
    static CLEFT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[Ii]t was (?:only |not until |just |precisely )?(?P<d>(?:in|on) «D\d+») that (?P<rest>.+)$")
            .expect("valid")
    });
    let c = CLEFT.captures(clause)?;
    let when = crate::wording::noun::capitalise(&c["d"]);
    Some(Sentence {
        text: sentence.text.clone(),
        slots: sentence.slots.clone(),
        skeleton: format!("{when} {}", &c["rest"]),
    })
}

pub fn dated_opening(sentence: &Sentence, clause: &str) -> Option<Sentence> {
    if !["in «D", "on «D", "by «D"]
        .iter()
        .any(|opening| clause.starts_with(opening))
    {
        return None;
    }
    Some(Sentence {
        text: sentence.text.clone(),
        slots: sentence.slots.clone(),
        skeleton: crate::wording::noun::capitalise(clause),
    })
}

/// "About 13,200 houses, 87 parish churches and the old cathedral were destroyed", "the
/// pits hold 8,000 soldiers, 130 chariots and 150 horses": each count after the first in a
/// list of counted things becomes a clause of its own, the list replaced by that count
/// ("87 parish churches were destroyed"), so the rules read it as they read the first.
pub fn counted_items(sentence: &Sentence, clause: &str) -> Vec<Sentence> {
    static ITEM: LazyLock<String> = LazyLock::new(|| {
        format!(
            r"(?:(?:about|around|some|nearly|almost|roughly|over|more than|up to) )?«N\d+» (?:{KINDS} (?:[a-z\-]+ ){{0,2}}[a-z\-]+|(?:[a-z\-]+ ){{0,2}}?[a-z\-]+s(?: with «N\d+» [a-z\-]+s)?)"
        )
    });
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        let item = ITEM.as_str();
        Regex::new(&format!(
            r"(?P<first>{item})(?P<rest>(?:(?:,|,? and) {item}\b)+)(?P<tail>,? and (?:the |an? )?(?:[^,;«]|«E\d+»){{2,40}}?)?(?P<after> (?:were|was|had been|have been|are|is)\b.*|[,.;]|$)"
        ))
        .expect("valid")
    });
    // The items after the first, each between the list's commas and "and".
    static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r",? and |, ").expect("valid"));
    static ONE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"^{}$", ITEM.as_str())).expect("valid"));
    let Some(c) = LIST.captures(clause) else {
        return Vec::new();
    };
    let (Some(whole), Some(rest)) = (c.get(0), c.name("rest")) else {
        return Vec::new();
    };
    let before = &clause[..whole.start()];
    // "chariots with 520 horses and 150 cavalry": a list inside another's phrase.
    if before.ends_with("with ") || before.ends_with("of ") {
        return Vec::new();
    }
    let after = c.name("after").map_or("", |m| m.as_str());
    // "1,500 species of fish, 400 species of hard coral and ...": the first kind of thing
    // is read too, since no rule reads a list of them.
    let first = c
        .name("first")
        .map(|m| m.as_str())
        .filter(|f| f.contains(" of "));
    first
        .into_iter()
        .chain(
            SEPARATOR
                .split(rest.as_str())
                .filter(|item| ONE.is_match(item)),
        )
        .map(|item| Sentence {
            text: sentence.text.clone(),
            slots: sentence.slots.clone(),
            skeleton: format!("{before}{item}{after}"),
        })
        .collect()
}

/// Whether a word opens a clause in the past: a simple past ("founded", "began", "put"), or
/// "was", "were", "had".
fn opens_past_clause(word: &str) -> bool {
    matches!(word, "was" | "were" | "had") || crate::wording::verb::Verb::of(word).past == word
}

/// "Mara Quell, a chemist from Varn, who founded the guild in 1887": a relative clause
/// whose antecedent is a name is read as a clause with the name for its subject ("Mara
/// Quell founded the guild in 1887").
/// "The Suez Canal, which links the Mediterranean with the Red Sea, was opened in 1869": the
/// main clause without the relative clause inside it, which the clause split cuts apart.
pub fn without_relative(sentence: &Sentence) -> Option<Sentence> {
    static EMBEDDED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<pre>(?:(?:In|On|By|After|Before) «[DX]\d+»,? )?)(?P<a>(?:[Tt]he )?«E\d+»), (?:which|who|whose) [^;]{2,160}?, (?P<verb>[a-z]+)(?P<rest> [^;]*)$")
            .expect("valid")
    });
    let c = EMBEDDED.captures(&sentence.skeleton)?;
    let verb = &c["verb"];
    if !(crate::wording::verb::is_auxiliary(verb) || opens_past_clause(verb)) {
        return None;
    }
    Some(Sentence {
        text: sentence.text.clone(),
        slots: sentence.slots.clone(),
        skeleton: format!("{}{} {verb}{}", &c["pre"], &c["a"], &c["rest"]),
    })
}

pub fn relative_clause(sentence: &Sentence, clause: &str) -> Option<Sentence> {
    static ANTECEDENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?P<a>(?:[Tt]he )?«E\d+»)(?: \([^)]*\))?(?:, (?:the|a|an|its|his|her) [^,;«]{2,80}(?:«E\d+»[^,;«]{0,40})?)?, $")
            .expect("valid")
    });
    let rest = clause
        .strip_prefix("who ")
        .or_else(|| clause.strip_prefix("which "))?;
    let verb = rest.split(' ').next()?;
    let at = (clause.as_ptr() as usize).checked_sub(sentence.skeleton.as_ptr() as usize)?;
    let before = sentence.skeleton.get(..at)?;
    // "Its drainage basin, which covers about 1.36 million km², is home to ...": a present
    // verb that measures the phrase opening the sentence.
    static OPENING_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<a>(?:[Ii]ts|[Tt]heir|[Tt]he) (?:[a-z\-]+ ){0,3}[a-z\-]+), $")
            .expect("valid")
    });
    if is_present(verb)
        && rest.split(' ').take(4).any(|w| w.starts_with("«N"))
        && let Some(c) = OPENING_PHRASE.captures(before)
    {
        let rest = rest.split(", ").next().unwrap_or(rest);
        return Some(Sentence {
            text: sentence.text.clone(),
            slots: sentence.slots.clone(),
            skeleton: format!("{} {rest}", &c["a"]),
        });
    }
    if !opens_past_clause(verb) {
        return None;
    }
    // "the union of the Orthodox and Catholic churches, which was proclaimed in 1452": a
    // thing named by its noun, which a passive tells of.
    static THING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?P<a>the [a-z\-]+ of (?:the )?(?:[A-Za-z\-]+ |«E\d+» ){0,5}?(?:[a-z\-]+|«E\d+»)), $")
            .expect("valid")
    });
    let antecedent = match ANTECEDENT.captures(before) {
        Some(antecedent) => {
            let slot = sentence.slot(
                antecedent
                    .name("a")?
                    .as_str()
                    .trim_start_matches("the ")
                    .trim_start_matches("The "),
            )?;
            if !matches!(
                slot.kind,
                crate::draft::sentence::SlotKind::Entity { possessive: false }
            ) {
                return None;
            }
            // "on the Tassili plateau in south-eastern Algeria, which was declared ...": a
            // place after a thing's noun may be where the thing is, and "which" the thing.
            static IN_PLACE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"\b(?P<w>[a-z]+) (?:in|near) (?:[a-z\-]+ )?$").expect("valid")
            });
            let name_at = antecedent.name("a")?.start();
            if clause.starts_with("which ")
                && let Some(w) = IN_PLACE.captures(&before[..name_at])
                && !crate::wording::verb::is_past_form(&w["w"])
                && !crate::wording::verb::is_auxiliary(&w["w"])
            {
                return None;
            }
            antecedent["a"].to_string()
        }
        None if clause.starts_with("which ") && matches!(verb, "was" | "were") => {
            THING.captures(before)?["a"].to_string()
        }
        None => return None,
    };
    Some(Sentence {
        text: sentence.text.clone(),
        slots: sentence.slots.clone(),
        skeleton: format!("{antecedent} {rest}"),
    })
}

/// Every fact the rules find in one sentence's clauses; only the clause rules in a sentence
/// made of a shared subject and its second verb phrase (`derived`).
fn apply_to(sentence: &Sentence, context: &Context, derived: bool) -> Vec<Found> {
    apply_rules(sentence, context, |rule| !(derived && rule.whole))
}

/// The facts the rules chosen find in a sentence.
fn apply_rules(
    sentence: &Sentence,
    context: &Context,
    chosen: impl Fn(&Rule) -> bool,
) -> Vec<Found> {
    let mut out = Vec::new();
    let clauses = clauses(&sentence.skeleton);
    for compiled in RULES.iter().filter(|c| chosen(c.rule)) {
        let scopes: Vec<&str> = if compiled.rule.whole {
            vec![sentence.skeleton.as_str()]
        } else {
            clauses.clone()
        };
        for clause in scopes {
            for caps in compiled.regex.captures_iter(clause) {
                let hit = Hit {
                    sentence,
                    clause,
                    caps,
                    context,
                    notes: Default::default(),
                };
                if let Some(mut fact) = (compiled.rule.build)(&hit) {
                    name_the_subject_inside(&mut fact, &hit);
                    let notes = hit.notes.into_inner();
                    // Each thing read by reference makes the fact a little less sure.
                    let confidence = compiled.rule.confidence - 0.05 * notes.len() as f32;
                    out.push(Found {
                        fact,
                        confidence,
                        rule: compiled.rule.name,
                        notes,
                    });
                }
            }
        }
    }
    out
}

/// "the number of species recorded in the lake": a class noun inside what an event, a
/// number or a list is about, named as the article's subject ("in Lake Baikal"). The phrase's
/// own head is left as the rule read it.
fn name_the_subject_inside(fact: &mut FactKind, hit: &Hit) {
    let (phrase, items) = match fact {
        FactKind::Event { what, .. } => (what, None),
        FactKind::Number { quantity, .. } => (quantity, None),
        FactKind::List { name, items, .. } => (name, Some(&*items)),
        _ => return,
    };
    let mut resolved = resolve_nouns(hit, phrase, true);
    // (Not when an item would be named in the question: "the states of the Mississippi
    // River" listing Mississippi.)
    if let Some(items) = items
        && let Some(owner) = owner_of_bare_list(hit, &resolved)
        && !items.iter().any(|i| owner.contains(i.text.as_str()))
    {
        resolved = format!("{resolved} of {owner}");
    }
    if resolved != phrase.as_str() {
        *phrase = resolved.into();
    }
}

/// "the six founding members", "the three pillars": a list named by a bare noun
/// phrase, with no owner nor clause to say whose, is the article's subject's (when it is no
/// person's, and the things are not people: "the three scientists" are no one's).
fn owner_of_bare_list(hit: &Hit, name: &str) -> Option<String> {
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^the (?:(?:[a-z]+|\d+) )?(?:[a-z\-]+ ){0,2}(?P<noun>[a-z]+s)$").expect("valid")
    });
    let c = BARE.captures(name)?;
    let subject = hit.context.article.subject.as_ref()?;
    let noun = &c["noun"];
    if hit.context.article.subject_is_person()
        || people::is_person_role(&format!("a {}", crate::wording::plural::singular(noun)))
        || matches!(
            noun,
            "people" | "others" | "years" | "times" | "things" | "ones"
        )
    {
        return None;
    }
    Some(subject.clone())
}

/// A class noun inside a definition or role ("the foot of the mountain") named as the
/// article's subject; `keep_head` leaves the phrase's own head alone ("the union that ..." is
/// a definition, not the subject).
pub fn resolve_nouns(hit: &Hit, text: &str, keep_head: bool) -> String {
    let mut out = text.to_string();
    if let Some(subject) = &hit.context.article.subject {
        for noun in &hit.context.article.class_nouns {
            let the = format!("the {noun}");
            if let Some(at) = out.find(&the)
                && (at > 0 || !keep_head)
                && !out[at + the.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
                out.replace_range(at..at + the.len(), subject);
                break;
            }
        }
    }
    out
}

/// Whether a word is a superlative ("largest", "lowest", "driest"), not a noun that ends the
/// same way ("forest", "interest", "west").
pub fn is_superlative(word: &str) -> bool {
    const NOUNS: &[&str] = &[
        "forest",
        "interest",
        "contest",
        "harvest",
        "conquest",
        "request",
        "protest",
        "inquest",
        "arrest",
        "priest",
        "breast",
        "behest",
        "honest",
        "modest",
        "digest",
        "manifest",
        "suggest",
        "invest",
        "unrest",
        "southwest",
        "northwest",
        "southeast",
        "northeast",
    ];
    let word = word.to_lowercase();
    word.len() >= 6 && word.ends_with("est") && !NOUNS.contains(&word.as_str())
}

/// "the X" for a noun phrase written with "a" or "an": a fact names one known thing.
pub fn definite(np: &str) -> String {
    let np = np.trim();
    for article in ["a ", "an ", "A ", "An ", "The "] {
        if let Some(rest) = np.strip_prefix(article) {
            return format!("the {rest}");
        }
    }
    np.to_string()
}

/// Whether a phrase leans on another by a pronoun ("the group with them", "persuaded him"):
/// what it says depends on a phrase a question would not show.
pub fn leans_on_another(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        matches!(
            w.trim_end_matches([',', '.']),
            "it" | "its" | "them" | "they" | "their" | "him" | "his" | "her" | "she" | "he"
        )
    })
}

/// A phrase cut at the first word that starts a new clause, tidy at both ends.
pub fn trim_phrase(np: &str) -> String {
    let all: Vec<&str> = np.split_whitespace().collect();
    let mut words = Vec::new();
    for (i, word) in all.iter().enumerate() {
        if matches!(
            word.to_lowercase().as_str(),
            "which" | "who" | "whose" | "while" | "when" | "because" | "where"
        ) {
            break;
        }
        // "its first students the following year": a time after the phrase is not part of
        // it.
        if i > 0
            && matches!(*word, "the" | "that" | "this" | "a")
            && all.get(i + 1).is_some_and(|w| {
                matches!(
                    w.trim_end_matches([',', '.', ';']),
                    "following" | "next" | "previous" | "same" | "year" | "month" | "week" | "day"
                )
            })
            && all[i + 1..].iter().take(2).any(|w| {
                matches!(
                    w.trim_end_matches([',', '.', ';']),
                    "year"
                        | "month"
                        | "week"
                        | "day"
                        | "decade"
                        | "century"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "winter"
                )
            })
        {
            break;
        }
        words.push(*word);
    }
    while words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().trim_end_matches(','),
            "in" | "on" | "at" | "of" | "and" | "the" | "a" | "by" | "to" | "for" | "with"
        )
    }) {
        words.pop();
    }
    words
        .join(" ")
        .trim_end_matches([',', '.', ';', ':'])
        .to_string()
}

#[cfg(test)]
pub mod harness {
    //! Runs a table's examples: each rule must find a fact in every sentence of `must` and
    //! nothing in any of `must_not`.
    use super::*;
    use crate::draft::context::Article;

    /// The facts one rule finds in one sentence, with a context made from that sentence.
    pub fn facts_of(rule: &'static Rule, text: &str) -> Vec<FactKind> {
        let sentences = crate::draft::text::sentences(text);
        let article = Article::new(None, &sentences);
        let mut context = Context::new(article);
        let regex = Regex::new(&expand(rule.pattern)).expect("valid");
        let mut out = Vec::new();
        for s in &sentences {
            let sentence = crate::draft::sentence::read(s, &context.article.words);
            let clauses = if rule.whole {
                vec![sentence.skeleton.as_str()]
            } else {
                clauses(&sentence.skeleton)
            };
            for clause in clauses {
                for caps in regex.captures_iter(clause) {
                    let hit = Hit {
                        sentence: &sentence,
                        clause,
                        caps,
                        context: &context,
                        notes: Default::default(),
                    };
                    // As the draft does: the subject named inside the fact's phrase.
                    out.extend((rule.build)(&hit).map(|mut fact| {
                        name_the_subject_inside(&mut fact, &hit);
                        fact
                    }));
                }
            }
            let all = apply(&sentence, &context);
            crate::draft::track_events(&all, &mut context);
            crate::draft::track(&sentence, &mut context);
        }
        out
    }

    /// Each list one rule finds in a text: its name and its items.
    pub fn lists_of(rule: &'static Rule, text: &str) -> Vec<(String, Vec<String>)> {
        facts_of(rule, text)
            .into_iter()
            .filter_map(|f| match f {
                FactKind::List { name, items, .. } => Some((
                    name.to_string(),
                    items.iter().map(|i| i.text.to_string()).collect(),
                )),
                _ => None,
            })
            .collect()
    }

    /// What each fact one rule finds in a text is about: an event's phrase, a place's subject,
    /// a person's role, a list's or a number's name, a term's definition.
    pub fn phrases_of(rule: &'static Rule, text: &str) -> Vec<String> {
        facts_of(rule, text)
            .into_iter()
            .map(|f| match f {
                FactKind::Event { what, .. } => what.to_string(),
                FactKind::Place { subject, .. } => subject.to_string(),
                FactKind::Person { role, .. } => role.to_string(),
                FactKind::List { name, .. } => name.to_string(),
                FactKind::Number { quantity, .. } => quantity.to_string(),
                FactKind::Term { definition, .. } => definition.to_string(),
            })
            .collect()
    }

    /// A table's rule by name.
    pub fn rule(table: &'static [Rule], name: &str) -> &'static Rule {
        table
            .iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("no rule {name}"))
    }

    pub fn check_table(table: &'static [Rule]) {
        let mut failures = Vec::new();
        for rule in table {
            for s in rule.must {
                if facts_of(rule, s).is_empty() {
                    failures.push(format!("{}: must match: {s}", rule.name));
                }
            }
            for s in rule.must_not {
                let got = facts_of(rule, s);
                if !got.is_empty() {
                    failures.push(format!("{}: must not match: {s} (got {got:?})", rule.name));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rules_confidence_is_found_by_its_name() {
        assert!((confidence_of("acronym") - 0.85).abs() < 1e-6);
        assert!((confidence_of("X was founded by A and B") - 0.7).abs() < 1e-6);
        assert_eq!(confidence_of("no such rule"), 0.0);
    }

    #[test]
    fn a_clause_read_again_never_tells_the_sentences_event_of_someone_else() {
        assert_eq!(
            event_frame("the journey of Mara Quell to Varn"),
            "the journey to Varn"
        );
        assert_eq!(event_frame("the death of Mara Quell"), "the death");
        assert_eq!(event_frame("the Battle of Varn"), "the Battle");
        let text = "Tomas Reede wrote to Mara Quell. Tomas Reede took up the plan, and in 1871 he travelled to Varn.";
        let sentences = crate::draft::text::sentences(text);
        let article = crate::draft::context::Article::new(None, &sentences);
        let mut context = Context::new(article);
        let mut events = Vec::new();
        for s in &sentences {
            let sentence = crate::draft::sentence::read(s, &context.article.words);
            let found = apply(&sentence, &context);
            events.extend(found.iter().filter_map(|f| match &f.fact {
                FactKind::Event { what, .. } => Some(what.to_string()),
                _ => None,
            }));
            crate::draft::track(&sentence, &mut context);
        }
        assert!(
            events.iter().all(|e| !e.contains("Mara Quell")),
            "{events:?}"
        );
        assert!(
            events.iter().any(|e| e.contains("Tomas Reede")),
            "{events:?}"
        );
        // The same event of others with dates of their own stays: "Olk in 2005".
        let sentence = crate::draft::sentence::read(
            "Brill joined in 2004, Olk in 2005 and Tull in 2007.",
            &Default::default(),
        );
        let dates: Vec<i32> = apply(&sentence, &context)
            .iter()
            .filter_map(|f| match &f.fact {
                FactKind::Event { date, .. } => Some(date.year),
                _ => None,
            })
            .collect();
        assert!(
            [2004, 2005, 2007].iter().all(|y| dates.contains(y)),
            "{dates:?}"
        );
    }

    #[test]
    fn a_relative_clause_inside_the_main_clause_is_left_out_of_it() {
        let main = |text: &str| {
            let sentence = crate::draft::sentence::read(text, &Default::default());
            without_relative(&sentence).map(|s| s.skeleton)
        };
        assert_eq!(
            main("The Varn Canal, which links Tull with Brill, was opened in 1869."),
            Some("«E0» was opened in «D3».".to_string())
        );
        assert_eq!(
            main("In 1901 Mara Quell, who had sailed north, founded the Varn Guild."),
            Some("In «D0» «E1» founded «E2».".to_string())
        );
        // The words after the relative clause must open a verb phrase.
        assert_eq!(
            main("The Varn Canal, which links Tull with Brill, a port."),
            None
        );
        assert_eq!(main("The Varn Canal links Tull with Brill."), None);
    }

    #[test]
    fn clauses_split_before_a_new_subject() {
        assert_eq!(
            clauses("«E0» was founded in «D1», and the guild grew; it met."),
            ["«E0» was founded in «D1»", "the guild grew", "it met."]
        );
        assert_eq!(clauses("red, white and blue"), ["red, white and blue"]);
        assert_eq!(
            clauses("the fame began in the «X0», and in «D1» a painting sold"),
            ["the fame began in the «X0»", "in «D1» a painting sold"]
        );
        // "who" and "which" open a clause right after the comma; after a noun they belong
        // to the apposition it heads ("X, the chemist who led it,"), unlike "a year after".
        assert_eq!(
            clauses("«E0», the chemist who led it, spoke; «E1», which sank, was old"),
            [
                "«E0», the chemist who led it, spoke",
                "«E1»",
                "which sank, was old"
            ]
        );
        assert_eq!(
            clauses("«E0» fell, a year after the war"),
            ["«E0» fell", "a year after the war"]
        );
    }

    #[test]
    fn macros_expand_to_valid_patterns() {
        for rule in RULES.iter() {
            assert!(
                !rule.rule.must.is_empty(),
                "{} has no examples",
                rule.rule.name
            );
        }
    }

    #[test]
    fn each_count_of_a_list_of_counted_things_is_a_clause_of_its_own() {
        let counts = |text: &str| derived_by(text, counted_items);
        assert_eq!(
            counts("About 13,200 houses, 87 parish churches and the old St Paul's were destroyed."),
            ["87 parish churches were destroyed."]
        );
        assert_eq!(
            counts("The guild has 40 ships, 12 warehouses and 300 members."),
            ["The guild has 12 warehouses.", "The guild has 300 members."]
        );
        // A count with its own count ("chariots with 520 horses") stays one item.
        assert_eq!(
            counts("The pits hold 8,000 soldiers, 130 chariots with 520 horses, and 150 horses."),
            [
                "The pits hold 130 chariots with 520 horses.",
                "The pits hold 150 horses."
            ]
        );
        // Kinds of a thing run to the next comma or "and", and the first is read too.
        assert_eq!(
            counts(
                "About 150 species of fish, 40 species of hard coral and 3 kinds of seal have been recorded."
            ),
            [
                "About 150 species of fish have been recorded.",
                "40 species of hard coral have been recorded.",
                "3 kinds of seal have been recorded."
            ]
        );
        // One count is no list; nor is a list inside another's phrase.
        assert!(counts("The guild has 40 ships and a hall.").is_empty());
        assert!(counts("It came with 40 ships and 12 barges.").is_empty());
    }

    /// The sentences one way of deriving makes from each clause of a text, written back.
    fn derived_by(text: &str, derive: impl Fn(&Sentence, &str) -> Vec<Sentence>) -> Vec<String> {
        let sentence = crate::draft::sentence::read(text, &Default::default());
        clauses(&sentence.skeleton)
            .into_iter()
            .flat_map(|c| derive(&sentence, c))
            .map(|d| d.render(&d.skeleton))
            .collect()
    }

    fn derived(text: &str) -> Vec<String> {
        derived_by(text, |sentence, c| {
            shared_subject(sentence, c)
                .into_iter()
                .chain(relative_clause(sentence, c))
                .collect()
        })
    }

    #[test]
    fn a_present_relative_clause_measures_the_phrase_opening_the_sentence() {
        assert_eq!(
            derived(
                "Its drainage basin, which covers about 1.36 million square kilometres, is home to many."
            ),
            ["Its drainage basin covers about 1.36 million square kilometres"]
        );
        // Without a number it tells nothing to measure.
        assert!(derived("Its drainage basin, which covers the plain, is home to many.").is_empty());
    }

    #[test]
    fn a_subject_after_a_dated_relative_clause_shares_its_verbs() {
        assert_eq!(
            derived(
                "In the fiscal year 2024, which ended on 30 September, it reported revenue of about €76 billion and employed roughly 312,000 people."
            ),
            ["it employed roughly 312,000 people."]
        );
    }

    #[test]
    fn a_cleft_sentence_is_told_plainly() {
        assert_eq!(
            derived_by(
                "It was only in 1866 that Varn became part of the Kingdom of Brill.",
                |s, c| cleft(s, c).into_iter().collect()
            ),
            ["In 1866 Varn became part of the Kingdom of Brill."]
        );
        assert!(
            derived_by("It was in Varn that the guild met.", |s, c| cleft(s, c)
                .into_iter()
                .collect())
            .is_empty()
        );
    }

    #[test]
    fn a_plural_subject_shares_its_present_verb_phrases() {
        assert_eq!(
            derived(
                "Taken together, the member states cover 13 million square kilometres and are home to more than 270 million people."
            ),
            ["the member states are home to more than 270 million people."]
        );
        // A past verb opens no present phrases, but past ones.
        assert_eq!(
            derived("The member states covered a plain and were home to 270 people."),
            ["The member states were home to 270 people."]
        );
        // Nor does a subject that is no plural ("class").
        assert!(derived("The big class cover a plain and are home to 270 people.").is_empty());
    }

    #[test]
    fn a_when_clause_after_a_date_happened_on_it() {
        let sentence = crate::draft::sentence::read(
            "The system came to an end after 15 August 1971, when Tomas Reede suspended the convertibility of the dollar, and by 1973 the currencies were floating.",
            &Default::default(),
        );
        let all = clauses(&sentence.skeleton);
        let derived: Vec<Sentence> = (1..all.len())
            .filter_map(|i| dated_when(&sentence, Some(all[i - 1]), all[i]))
            .collect();
        assert_eq!(derived.len(), 1);
        assert_eq!(
            derived[0].render(&derived[0].skeleton),
            "On 15 August 1971 Tomas Reede suspended the convertibility of the dollar"
        );
        // The date is the clause's own now, not one it came after.
        assert_eq!(derived[0].event_dates(&derived[0].skeleton).len(), 1);
        // No date just before "when": nothing.
        let sentence = crate::draft::sentence::read(
            "The system ended in a crisis, when Tomas Reede suspended the convertibility of the dollar.",
            &Default::default(),
        );
        let all = clauses(&sentence.skeleton);
        assert!(dated_when(&sentence, Some(all[0]), all[1]).is_none());
    }

    #[test]
    fn a_later_clause_opening_on_its_date_reads_as_a_sentence() {
        let dated = |text: &str| {
            derived_by(text, |sentence, c| {
                dated_opening(sentence, c).into_iter().collect()
            })
        };
        assert_eq!(
            dated("Plans for a mine caused an outcry, and in 1975 the Varn Act was passed."),
            ["In 1975 the Varn Act was passed."]
        );
        assert_eq!(
            dated("It was not held in 1916; on 4 May 1940 a bomb struck the stand."),
            ["On 4 May 1940 a bomb struck the stand."]
        );
        // Only a date opens it: "in Varn" and a sentence's own opening are left alone.
        assert!(dated("The act was passed, and in Varn the mine was closed.").is_empty());
        assert!(dated("In 1975 the Varn Act was passed.").is_empty());
    }

    #[test]
    fn a_verb_written_once_serves_each_later_subject_and_date() {
        let gaps = |text: &str| derived_by(text, gapped);
        assert_eq!(
            gaps("Brill joined in 2004, Olk in 2005 and Tull in 2007."),
            ["Olk joined in 2005.", "Tull joined in 2007."]
        );
        assert_eq!(
            gaps(
                "Varnium was discovered in 1875 by Mara Quell, scandium in 1879, and germanium in 1886 by Tomas Reede."
            ),
            [
                "scandium was discovered in 1879.",
                "germanium was discovered in 1886 by Tomas Reede."
            ]
        );
        // No past verb, or no date for the next subject: nothing.
        assert!(gaps("Brill is in 2004, Olk in 2005.").is_empty());
        assert!(gaps("Brill joined in 2004, Olk and Tull.").is_empty());
    }

    #[test]
    fn a_noun_phrase_subject_is_its_shortest_reading_and_stops_at_another_clause() {
        // "The guild was based ...": the subject ends before "was", however far the
        // verb phrase runs.
        assert_eq!(
            derived(
                "The guild was based at first in Varn, Brill, and moved to Olk on 1 September 1965."
            ),
            ["The guild moved to Olk on 1 September 1965."]
        );
        // "is" is no noun of the subject ("The fire is remembered").
        assert!(derived("The fire is remembered by the Pillar, a column built by Mara Quell and completed in 1677.").is_empty());
        // ", and with them": another subject's clause, whose verbs are its own.
        assert!(derived("The win brought gifts, and with them the Varn Institute was founded in Brill and opened in 1888.").is_empty());
        // An opening phrase read as long as it can be ("After a spell with X in Varn,"), and
        // else as short as it can be, before a name that is followed by a verb.
        assert_eq!(
            derived(
                "After a spell with the Varn Company in Olk, Mara Quell sailed to Brill and arrived in Tull in June 1884."
            ),
            ["Mara Quell arrived in Tull in June 1884."]
        );
        assert_eq!(
            derived(
                "After her studies Mara Quell stayed at the institute as a teacher and became a full professor in 1833."
            ),
            ["Mara Quell became a full professor in 1833."]
        );
    }

    #[test]
    fn a_verb_phrase_after_and_shares_the_subject() {
        assert_eq!(
            derived(
                "The Varn Charter was agreed on 16 September 1987 and came into force on 1 January 1989."
            ),
            ["the Varn Charter came into force on 1 January 1989."]
        );
        assert_eq!(
            derived(
                "Two decades later the Tull probe parachuted through the haze and landed on 14 January 2005."
            ),
            ["the Tull probe landed on 14 January 2005."]
        );
        // An opening phrase of time or circumstance before the subject.
        assert_eq!(
            derived(
                "After a spell with the Varn Company in Olk, Mara Quell sailed to Tull and arrived in Brill in June 1884."
            ),
            ["Mara Quell arrived in Brill in June 1884."]
        );
        // After an apposition, the verb follows it.
        assert_eq!(
            derived(
                "Mara Quell, a chemist, founded the guild in 1887 and opened a school in 1890."
            ),
            ["Mara Quell opened a school in 1890."]
        );
        // Names joined by "and" are no second verb phrase; nor is a present tense, and a
        // clause whose own verb is in the present shares nothing.
        assert!(derived("Mara Quell met Tomas Reede and Anna Brill in 1901.").is_empty());
        assert!(derived("Mara Quell writes books and paints.").is_empty());
        assert!(
            derived("Mara Quell, a chemist, writes books and opened a school in 1890.").is_empty()
        );
        assert!(derived("The Varn Guild hall stands on the quay and opened in 1901.").is_empty());
    }

    #[test]
    fn present_phrases_that_measure_or_state_share_the_subject() {
        assert_eq!(
            derived(
                "Lake Varn covers 8,372 km², stretches 190 km from north to south and is 80 km wide."
            ),
            [
                "Lake Varn stretches 190 km from north to south and is 80 km wide.",
                "Lake Varn is 80 km wide."
            ]
        );
        // The name in apposition is the subject.
        assert_eq!(
            derived("The largest, Olk, is 72 km long and is home to about 1,500 people."),
            ["Olk is home to about 1,500 people."]
        );
        assert_eq!(
            derived("The range is wide and has an average height of 4,000 metres."),
            ["The range has an average height of 4,000 metres."]
        );
        // A present phrase that gives no number and is no "is" shares nothing.
        assert!(derived("Lake Varn covers 8,372 km² and feeds the Orrin.").is_empty());
        // "was" is no present, whatever its shape: the past phrase after it shares the
        // subject.
        assert_eq!(
            derived("Mara Quell, a chemist, was born in Varn in 1820 and died in Tull in 1890."),
            ["Mara Quell died in Tull in 1890."]
        );
        // After an apposition, "and" and another name are no verb: the whole clause shares
        // nothing (the clause split gives the second name its own).
        let sentence = crate::draft::sentence::read(
            "Mara Quell, a chemist, and Tomas Reede built a hall and opened it in 1890.",
            &Default::default(),
        );
        assert!(shared_subject(&sentence, &sentence.skeleton).is_empty());
    }

    #[test]
    fn which_after_a_things_place_may_be_the_thing() {
        assert!(
            derived("The paintings survive on the Tull plateau in southern Varnland, which was declared a park in 1982.")
                .is_empty()
        );
        // A name after a verb's "in" is the antecedent still.
        assert_eq!(
            derived("The congress met in Varnland, which was annexed in 1982."),
            ["Varnland was annexed in 1982."]
        );
    }

    #[test]
    fn a_relative_clause_takes_its_named_antecedent_as_subject() {
        assert_eq!(
            derived(
                "The ships were built for Tomas Reede, the ruler of the isle, who conquered the last of his rivals in 1221."
            ),
            ["Tomas Reede conquered the last of his rivals in 1221."]
        );
        assert_eq!(
            derived("They met Tomas Reede, who began the survey in 1901."),
            ["Tomas Reede began the survey in 1901."]
        );
        // A thing named by its noun ("the union of the churches") takes a passive.
        assert_eq!(
            derived("He accepted the union of the churches, which was proclaimed in 1452."),
            ["the union of the churches was proclaimed in 1452."]
        );
        assert!(derived("He accepted the union of the churches, which ended in 1452.").is_empty());
        assert!(
            derived("He accepted the union of the churches, who were proclaimed in 1452.")
                .is_empty()
        );
        // Not after a phrase without a name, nor before a present tense or a participle.
        assert!(derived("They met a sailor, who founded the guild in 1887.").is_empty());
        assert!(derived("They met Tomas Reede, who lives in Varn.").is_empty());
        assert!(derived("They met Tomas Reede, who begun the survey in 1901.").is_empty());
    }

    #[test]
    fn a_relative_time_dates_nothing() {
        let active = harness::rule(
            crate::draft::rules::events::RULES,
            "active event (Y signed X in D)",
        );
        assert!(
            harness::facts_of(
                active,
                "In 1582 the Varn College received its charter and admitted the first students of the town the following year."
            )
            .is_empty()
        );
        assert!(
            !harness::facts_of(
                active,
                "In 1582 the Varn College admitted the first students of the town."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_time_after_a_phrase_is_not_part_of_it() {
        assert_eq!(
            trim_phrase("its first students the following year"),
            "its first students"
        );
        assert_eq!(trim_phrase("the ship that year, in"), "the ship");
        assert_eq!(trim_phrase("a new charter the next day"), "a new charter");
        assert_eq!(
            trim_phrase("the year of the three emperors"),
            "the year of the three emperors"
        );
        assert_eq!(trim_phrase("the same ship"), "the same ship");
    }

    #[test]
    fn superlatives_are_not_the_nouns_that_end_like_them() {
        for word in ["largest", "lowest", "driest", "Oldest", "highest"] {
            assert!(is_superlative(word), "{word}");
        }
        for word in ["forest", "interest", "west", "test", "nest", "harvest"] {
            assert!(!is_superlative(word), "{word}");
        }
    }

    #[test]
    fn phrases_are_trimmed_and_made_definite() {
        assert_eq!(trim_phrase("the old canal which runs far"), "the old canal");
        assert_eq!(trim_phrase("the treaty of"), "the treaty");
        assert_eq!(definite("a charter"), "the charter");
        assert!(plain_phrase("the charter of WHO"));
        assert!(!plain_phrase("the supply ran out and he"));
        assert_eq!(definite("The Hague"), "the Hague");
    }

    #[test]
    fn a_kin_noun_without_a_possessive_leaves_she_to_the_woman_named() {
        let passive = harness::rule(events::RULES, "passive event (X was founded in D)");
        let got = harness::facts_of(
            passive,
            "Mara Quell was a keeper. A mother of three, she was imprisoned in 1921.",
        );
        assert!(
            got.iter().any(|f| format!("{f:?}").contains("Mara Quell")),
            "{got:?}"
        );
    }

    #[test]
    fn a_class_noun_inside_a_phrase_names_the_subject_but_a_head_noun_stays() {
        let role = harness::rule(people::RULES, "The ROLE was X");
        let got = harness::facts_of(
            role,
            "Mount Tull is a mountain in Brill. The first European to climb the mountain was Tomas Reede.",
        );
        assert!(
            got.iter()
                .any(|f| format!("{f:?}").contains("the first European to climb Mount Tull")),
            "{got:?}"
        );
        let apposition = harness::rule(terms::RULES, "X, the / a definition,");
        let got = harness::facts_of(
            apposition,
            "The Varn Union is a union of islands. Tull, the union's oldest port, lies in the north.",
        );
        assert!(
            got.iter()
                .any(|f| format!("{f:?}").contains("the union's oldest port")),
            "{got:?}"
        );
    }
}

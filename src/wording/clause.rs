//! Clauses: a subject, a verb in a voice and a tense, and what follows the verb, put together
//! as a statement ("The SCO was founded in June 2001."), an option ("Uzbekistan joined the
//! SCO") or a question, with the auxiliary, the agreement and the word order English needs
//! ("In what year did Uzbekistan join the SCO?", "Where is RATS headquartered?", "Since what
//! year has RATS been headquartered in Tashkent?").

use super::noun::sentence;
use super::plural::{be, do_, have};
use super::verb::Verb;

/// Who does what: the subject acts (active) or is acted on (passive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    Active,
    Passive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    /// The present perfect ("has been headquartered").
    Perfect,
}

/// A clause in pieces. `subject` is written as it reads inside a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub subject: String,
    pub plural: bool,
    pub verb: Verb,
    pub voice: Voice,
    pub tense: Tense,
    /// An adverb that sits before the main verb ("formally", "first"); may be empty.
    pub adverb: String,
    /// What follows the verb: an object, a particle, adjuncts ("the SCO", "place", "as full
    /// members"); may be empty.
    pub rest: String,
    /// A phrase set off by commas that describes the subject (", led first by Zhang
    /// Deguang,"): it follows the subject in statements and questions alike; may be empty.
    pub apposition: String,
    /// A relative clause of the subject ("at which five leaders met"): a statement keeps it
    /// with the subject, a question moves it after the verb ("Where was the summit held at
    /// which five leaders met?"); may be empty.
    pub relative: String,
    /// A trailing part set off by a comma (", leaving no question open"), kept last; may be
    /// empty.
    pub tail: String,
}

/// Pieces joined by single spaces, empty ones skipped; a piece starting with a comma is
/// attached to the one before it.
fn join(pieces: &[&str]) -> String {
    let mut out = String::new();
    for p in pieces.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if !out.is_empty() && !p.starts_with(',') {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

impl Clause {
    pub fn new(subject: &str, plural: bool, verb: Verb, voice: Voice, tense: Tense) -> Clause {
        Clause {
            subject: subject.trim().to_string(),
            plural,
            verb,
            voice,
            tense,
            adverb: String::new(),
            rest: String::new(),
            apposition: String::new(),
            relative: String::new(),
            tail: String::new(),
        }
    }

    pub fn with_rest(mut self, rest: &str) -> Clause {
        self.rest = rest.trim().to_string();
        self
    }

    pub fn with_adverb(mut self, adverb: &str) -> Clause {
        self.adverb = adverb.trim().to_string();
        self
    }

    pub fn with_apposition(mut self, apposition: &str) -> Clause {
        self.apposition = apposition.trim().trim_matches(',').trim().to_string();
        self
    }

    /// The subject with its apposition: "the SCO Secretariat, led first by Zhang Deguang,".
    fn full_subject(&self) -> String {
        if self.apposition.is_empty() {
            self.subject.clone()
        } else {
            format!("{}, {},", self.subject, self.apposition)
        }
    }

    pub fn with_relative(mut self, relative: &str) -> Clause {
        self.relative = relative.trim().to_string();
        self
    }

    pub fn with_tail(mut self, tail: &str) -> Clause {
        self.tail = tail.trim().to_string();
        self
    }

    fn is_copula(&self) -> bool {
        self.verb.base == "be"
    }

    /// The verb group after the subject of a statement: "joined", "formally joined", "was
    /// founded", "is headquartered", "has been headquartered", "took".
    pub fn finite(&self, plural: bool) -> String {
        let v = &self.verb;
        let adv = self.adverb.as_str();
        match (self.voice, self.tense) {
            (Voice::Active, Tense::Past) if self.is_copula() => join(&[be(plural, true), adv]),
            (Voice::Active, Tense::Past) => join(&[adv, &v.past]),
            (Voice::Active, Tense::Present) if self.is_copula() => join(&[be(plural, false), adv]),
            (Voice::Active, Tense::Present) => {
                let form = if plural { v.base.clone() } else { v.third() };
                join(&[adv, &form])
            }
            (Voice::Active, Tense::Perfect) => join(&[have(plural), adv, &v.participle]),
            (Voice::Passive, Tense::Past) => join(&[be(plural, true), adv, &v.participle]),
            (Voice::Passive, Tense::Present) => join(&[be(plural, false), adv, &v.participle]),
            (Voice::Passive, Tense::Perfect) => join(&[have(plural), "been", adv, &v.participle]),
        }
    }

    /// The clause with extra adjuncts ("in Shanghai", "on 15 June 2001"), lower case and
    /// without a full stop: "the SCO was founded in Shanghai".
    pub fn declarative(&self, adjuncts: &[&str]) -> String {
        let finite = self.finite(self.plural);
        let subject = self.full_subject();
        let mut pieces: Vec<&str> = vec![&subject, &self.relative, &finite, &self.rest];
        pieces.extend(adjuncts);
        pieces.push(&self.tail);
        join(&pieces)
    }

    /// The clause as a sentence: "The SCO was founded in Shanghai on 15 June 2001."
    pub fn statement(&self, adjuncts: &[&str]) -> String {
        sentence(&self.declarative(adjuncts))
    }

    /// A question about something other than the subject, opened by `wh` ("In what year",
    /// "Where", "Since what year"): "In what year did Uzbekistan join the SCO?", "Where is
    /// RATS headquartered?".
    pub fn question(&self, wh: &str, adjuncts: &[&str]) -> String {
        let v = &self.verb;
        let adv = self.adverb.as_str();
        let p = self.plural;
        let (aux, main): (String, String) = match (self.voice, self.tense) {
            (Voice::Active, Tense::Past) if self.is_copula() => (be(p, true).into(), adv.into()),
            (Voice::Active, Tense::Present) if self.is_copula() => {
                (be(p, false).into(), adv.into())
            }
            (Voice::Active, Tense::Past) => ("did".into(), join(&[adv, &v.base])),
            (Voice::Active, Tense::Present) => (do_(p).into(), join(&[adv, &v.base])),
            (Voice::Active, Tense::Perfect) => (have(p).into(), join(&[adv, &v.participle])),
            (Voice::Passive, Tense::Past) => (be(p, true).into(), join(&[adv, &v.participle])),
            (Voice::Passive, Tense::Present) => (be(p, false).into(), join(&[adv, &v.participle])),
            (Voice::Passive, Tense::Perfect) => {
                (have(p).into(), join(&["been", adv, &v.participle]))
            }
        };
        let subject = self.full_subject();
        let mut pieces: Vec<&str> = vec![wh, &aux, &subject, &main, &self.rest];
        pieces.extend(adjuncts);
        pieces.push(&self.relative);
        pieces.push(&self.tail);
        format!("{}?", join(&pieces))
    }

    /// A question whose answer is the subject, asked with `wh` ("Who", "Which of these"),
    /// which agrees as a singular: "Which of these is headquartered in Tashkent?".
    pub fn subject_question(&self, wh: &str, adjuncts: &[&str]) -> String {
        let finite = self.finite(false);
        let mut pieces: Vec<&str> = vec![wh, &finite, &self.rest];
        pieces.extend(adjuncts);
        format!("{}?", join(&pieces))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(subject: &str, verb: &str, voice: Voice, tense: Tense) -> Clause {
        Clause::new(subject, false, Verb::of(verb), voice, tense)
    }

    #[test]
    fn passive_past() {
        let c = clause("the SCO", "founded", Voice::Passive, Tense::Past).with_adverb("formally");
        assert_eq!(
            c.statement(&["in Shanghai", "in 2001"]),
            "The SCO was formally founded in Shanghai in 2001."
        );
        assert_eq!(
            c.question("In what year", &[]),
            "In what year was the SCO formally founded?"
        );
        assert_eq!(c.declarative(&[]), "the SCO was formally founded");
    }

    #[test]
    fn active_past_with_an_object() {
        let c = clause("Uzbekistan", "joined", Voice::Active, Tense::Past).with_rest("the SCO");
        assert_eq!(
            c.statement(&["in 2001"]),
            "Uzbekistan joined the SCO in 2001."
        );
        assert_eq!(
            c.question("In what year", &[]),
            "In what year did Uzbekistan join the SCO?"
        );
    }

    #[test]
    fn plural_subjects_agree() {
        let mut c = clause(
            "India and Pakistan",
            "admitted",
            Voice::Passive,
            Tense::Past,
        )
        .with_rest("as full members");
        c.plural = true;
        assert_eq!(
            c.question("In what year", &[]),
            "In what year were India and Pakistan admitted as full members?"
        );
        assert_eq!(
            c.statement(&[]),
            "India and Pakistan were admitted as full members."
        );
    }

    #[test]
    fn present_and_perfect_passives() {
        let c = clause("RATS", "headquartered", Voice::Passive, Tense::Present);
        assert_eq!(c.question("Where", &[]), "Where is RATS headquartered?");
        assert_eq!(
            c.subject_question("Which of these", &["in Tashkent"]),
            "Which of these is headquartered in Tashkent?"
        );
        let c = Clause {
            tense: Tense::Perfect,
            ..c
        };
        assert_eq!(
            c.question("Since what year", &["in Tashkent"]),
            "Since what year has RATS been headquartered in Tashkent?"
        );
        assert_eq!(
            c.statement(&["in Tashkent", "since 2004"]),
            "RATS has been headquartered in Tashkent since 2004."
        );
    }

    #[test]
    fn the_copula_inverts_without_do() {
        let c =
            clause("Xi Jinping", "be", Voice::Active, Tense::Present).with_rest("the president");
        assert_eq!(c.statement(&[]), "Xi Jinping is the president.");
        assert_eq!(c.question("Who", &[]), "Who is Xi Jinping the president?");
        assert_eq!(c.subject_question("Who", &[]), "Who is the president?");
        let c = Clause {
            tense: Tense::Past,
            ..c
        };
        assert_eq!(c.subject_question("Who", &[]), "Who was the president?");
    }

    #[test]
    fn active_present_and_perfect() {
        let c = clause("the club", "meet", Voice::Active, Tense::Present).with_rest("on Mondays");
        assert_eq!(c.statement(&[]), "The club meets on Mondays.");
        assert_eq!(
            c.question("Where", &[]),
            "Where does the club meet on Mondays?"
        );
        let c = Clause {
            tense: Tense::Perfect,
            ..c
        };
        assert_eq!(c.statement(&[]), "The club has met on Mondays.");
        assert_eq!(
            c.question("Since when", &[]),
            "Since when has the club met on Mondays?"
        );
        let c = clause("Gagarin", "become", Voice::Active, Tense::Past)
            .with_rest("the first person in space");
        assert_eq!(
            c.subject_question("Who", &["in 1961"]),
            "Who became the first person in space in 1961?"
        );
    }

    #[test]
    fn an_apposition_follows_the_subject() {
        let c = clause("the SCO Secretariat", "opened", Voice::Passive, Tense::Past)
            .with_apposition(", led first by Zhang Deguang");
        assert_eq!(
            c.statement(&["in 2004"]),
            "The SCO Secretariat, led first by Zhang Deguang, was opened in 2004."
        );
        assert_eq!(
            c.question("In what year", &[]),
            "In what year was the SCO Secretariat, led first by Zhang Deguang, opened?"
        );
    }

    #[test]
    fn a_tail_comes_last_after_its_comma() {
        let c = clause("the treaties", "completed", Voice::Passive, Tense::Past)
            .with_tail(", leaving nothing open");
        let c = Clause { plural: true, ..c };
        assert_eq!(
            c.statement(&["in 2000"]),
            "The treaties were completed in 2000, leaving nothing open."
        );
        assert_eq!(
            c.question("In what year", &[]),
            "In what year were the treaties completed, leaving nothing open?"
        );
    }

    #[test]
    fn a_plural_copula_agrees_in_both_tenses() {
        let c = Clause::new(
            "Kazakhstan and Kyrgyzstan",
            true,
            Verb::of("be"),
            Voice::Active,
            Tense::Present,
        )
        .with_rest("founding members");
        assert_eq!(
            c.statement(&[]),
            "Kazakhstan and Kyrgyzstan are founding members."
        );
        let c = Clause {
            tense: Tense::Past,
            ..c
        };
        assert_eq!(
            c.statement(&["in 2001"]),
            "Kazakhstan and Kyrgyzstan were founding members in 2001."
        );
        assert_eq!(
            c.question("In what year", &[]),
            "In what year were Kazakhstan and Kyrgyzstan founding members?"
        );
    }

    #[test]
    fn a_plural_subject_takes_the_bare_present() {
        let c = Clause::new(
            "the ministers",
            true,
            Verb::of("meet"),
            Voice::Active,
            Tense::Present,
        )
        .with_rest("every year");
        assert_eq!(c.statement(&[]), "The ministers meet every year.");
        assert_eq!(
            c.question("Where", &[]),
            "Where do the ministers meet every year?"
        );
    }

    #[test]
    fn a_relative_clause_stays_with_the_subject_only_in_statements() {
        let c = clause("the summit", "held", Voice::Passive, Tense::Past)
            .with_relative("at which five leaders met");
        assert_eq!(
            c.statement(&["in Shanghai"]),
            "The summit at which five leaders met was held in Shanghai."
        );
        assert_eq!(
            c.question("Where", &[]),
            "Where was the summit held at which five leaders met?"
        );
    }
}

//! Noun phrases and articles: how a phrase an author wrote ("The first members of the EU",
//! "first secretary general of the SCO", "the SCO's eight member states") starts, where its
//! head noun is, whether it is plural, and how it reads inside a sentence.
//!
//! Authors write phrases as they would read in a sentence; this module only repairs what a
//! template cannot leave as written: a capital "The" in mid-sentence, a common noun phrase with
//! no article ("Who was Chinese president ...?"), an article before a word starting with a
//! vowel sound.

use std::borrow::Cow;

use super::plural::is_plural_noun;

/// Names whose "The" is part of the name, so it keeps its capital inside a sentence.
const THE_NAMES: &[&str] = &[
    "The Hague",
    "The Gambia",
    "The Bahamas",
    "The Beatles",
    "The Times",
    "The Economist",
    "The Guardian",
    "The Journal",
];

/// Words that open a noun phrase and settle its article.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "any", "no", "each", "every", "all", "both", "many", "several", "few", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "whose", "which",
    "what", "another", "other", "such", "most", "much", "more",
];

/// Words after which a noun phrase's head is done: prepositions and relative pronouns.
pub const POSTMODIFIERS: &[&str] = &[
    "of", "in", "on", "at", "for", "from", "with", "by", "to", "into", "over", "under", "between",
    "among", "against", "during", "after", "before", "since", "until", "about", "across",
    "through", "within", "without", "as", "like", "near", "than", "along", "towards", "toward",
    "around", "beyond", "via", "who", "whom", "whose", "which", "that", "where", "when", "whereby",
];

/// Ordinals and adjectives that come before a name without being the head of the phrase
/// ("the first Solvay Conference", "the modern Olympic Games", "the annual Davos meeting").
const MODIFIERS_BEFORE_NAMES: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "last",
    "final",
    "next",
    "previous",
    "latest",
    "annual",
    "inaugural",
    "modern",
    "ancient",
    "new",
    "old",
    "original",
    "early",
    "late",
    "great",
    "historic",
    "famous",
    "current",
    "former",
    "present",
    "official",
    "extraordinary",
    "informal",
];

/// Small words a Title Case name may keep in lower case ("Bank for International Settlements").
const NAME_GLUE: &[&str] = &[
    "of", "and", "for", "the", "on", "de", "du", "la", "le", "von", "van", "der", "y", "&", "in",
    "at", "to",
];

/// Whether a word starts with an upper-case letter (or a digit, as in "5G").
pub fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether a word is written in capitals ("SCO", "G20", "RATS").
pub fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// A word without the punctuation around it, lower-cased.
pub fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// `s` with its first letter in upper case, for a phrase that now starts a sentence.
pub fn capitalise(s: &str) -> String {
    // A word that already mixes cases after a small letter keeps it ("pH", "mRNA", "iPhone").
    let first_word = s.split_whitespace().next().unwrap_or("");
    if first_word.chars().next().is_some_and(char::is_lowercase)
        && first_word.chars().skip(1).any(char::is_uppercase)
    {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `s` as a sentence: capitalised, with a full stop unless it already ends a sentence ("...
/// in Washington, D.C." takes no second one).
pub fn sentence(s: &str) -> String {
    let s = capitalise(s.trim());
    if s.ends_with(['.', '?', '!']) {
        s
    } else {
        format!("{s}.")
    }
}

/// A phrase ready to go inside a sentence: trimmed, final full stops and question marks
/// dropped, runs of spaces made one.
pub fn phrase(s: &str) -> String {
    let s = s.trim();
    let cut = s.trim_end_matches(['.', '?', '!', ';', ':']).trim_end();
    // The full stop of an abbreviation stays ("Washington, D.C.", "Acme Inc.").
    let last = cut.rsplit(char::is_whitespace).next().unwrap_or("");
    let abbreviation = s[cut.len()..].starts_with('.')
        && (last.contains('.') || matches!(last, "Inc" | "Ltd" | "Co" | "Jr" | "Sr" | "St"));
    let s = if abbreviation {
        &s[..cut.len() + 1]
    } else {
        cut
    };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "a" or "an" before `word`, by its sound: "an hour", "a university", "an SCO summit".
pub fn a_or_an(word: &str) -> &'static str {
    const AN_WORDS: &[&str] = &["hour", "honest", "honour", "honor", "heir", "herb"];
    const A_WORDS: &[&str] = &[
        "one", "once", "uni", "use", "usu", "uti", "eu", "ewe", "uk", "ukr", "ura", "uro",
    ];
    let w = bare(word);
    if w.is_empty() {
        return "a";
    }
    if is_acronym(word) {
        // Letters are read one by one: "an SCO", "a UN", "an FBI".
        let first = w.chars().next().unwrap_or('a');
        return if "aefhilmnorsx".contains(first) {
            "an"
        } else {
            "a"
        };
    }
    if AN_WORDS.iter().any(|a| w.starts_with(a)) {
        return "an";
    }
    if A_WORDS.iter().any(|a| w.starts_with(a)) {
        return "a";
    }
    if w.starts_with(|c: char| "aeiou".contains(c)) {
        "an"
    } else {
        "a"
    }
}

/// How a noun phrase starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// "the ..."
    Definite,
    /// "a ...", "an ..."
    Indefinite,
    /// "China's ...", "its ...", "three ...", "every ...": settled without an article.
    Determined,
    /// A name ("Xi Jinping", "NATO", "Belt and Road Initiative"): no article is added.
    Name,
    /// Nothing: a common noun phrase that needs "the" ("first secretary general of the SCO").
    Bare,
}

/// A noun phrase as an author wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounPhrase {
    text: String,
}

impl NounPhrase {
    pub fn new(text: &str) -> NounPhrase {
        NounPhrase { text: phrase(text) }
    }

    pub fn as_written(&self) -> &str {
        &self.text
    }

    fn words(&self) -> impl Iterator<Item = &str> {
        self.text.split_whitespace()
    }

    /// How the phrase starts (see [`Opening`]).
    pub fn opening(&self) -> Opening {
        let mut words = self.words();
        let Some(first) = words.next() else {
            return Opening::Bare;
        };
        let lower = bare(first);
        match lower.as_str() {
            "the" => return Opening::Definite,
            "a" | "an" => return Opening::Indefinite,
            _ => {}
        }
        if DETERMINERS.contains(&lower.as_str())
            || first.ends_with("'s")
            || first.ends_with("’s")
            || first.ends_with("s'")
            || first.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            return Opening::Determined;
        }
        // A possessive a little further on ("Xi Jinping's announcement") settles it too.
        let head_words: Vec<&str> = self
            .words()
            .take_while(|w| !POSTMODIFIERS.contains(&bare(w).as_str()))
            .collect();
        if head_words
            .iter()
            .any(|w| w.ends_with("'s") || w.ends_with("’s"))
        {
            return Opening::Determined;
        }
        if !is_capitalised(first) {
            return Opening::Bare;
        }
        // A capitalised first word followed by a common noun is an adjective ("Chinese
        // president", "US president"): the phrase still needs its article.
        let common_follows = head_words
            .iter()
            .skip(1)
            .any(|w| !is_capitalised(w) && !NAME_GLUE.contains(&bare(w).as_str()));
        if common_follows {
            Opening::Bare
        } else {
            Opening::Name
        }
    }

    /// The phrase inside a sentence: a leading "The", "A" or "An" loses its capital unless it
    /// belongs to a name ("The Hague").
    pub fn mid(&self) -> Cow<'_, str> {
        let text = self.text.as_str();
        if THE_NAMES.iter().any(|n| text.starts_with(n)) {
            return Cow::Borrowed(text);
        }
        for article in ["The ", "A ", "An "] {
            if let Some(rest) = text.strip_prefix(article) {
                return Cow::Owned(format!("{}{rest}", article.to_lowercase()));
            }
        }
        Cow::Borrowed(text)
    }

    /// The phrase with "the" added when it is a bare common noun phrase: "the first secretary
    /// general of the SCO", "the EU member states"; names and determined phrases are kept.
    pub fn definite(&self) -> Cow<'_, str> {
        match self.opening() {
            Opening::Bare => Cow::Owned(format!("the {}", self.text)),
            _ => self.mid(),
        }
    }

    /// The phrase at the start of a sentence.
    pub fn start(&self) -> String {
        capitalise(&self.definite())
    }

    /// The index of the head noun among the phrase's words: the last word before what
    /// modifies it (a preposition, a relative pronoun, a comma, a participle with its own
    /// object, or a name after common nouns as in "the fields Russia favoured").
    pub fn head_index(&self) -> usize {
        let words: Vec<&str> = self.words().collect();
        let mut last = 0;
        let mut seen_common = false;
        for (i, w) in words.iter().enumerate() {
            let b = bare(w);
            if i > 0 && w.starts_with('(') {
                break;
            }
            // A preposition ends the head, inside a name too: the head of "the Bank for
            // International Settlements" is "Bank".
            if i > 0 && POSTMODIFIERS.contains(&b.as_str()) {
                break;
            }
            if i > 0 && b == "and" {
                continue;
            }
            // An article after the head starts a clause without "that" ("the countries the
            // Andes run through").
            if seen_common && matches!(b.as_str(), "the" | "a" | "an") {
                break;
            }
            // A name after common nouns followed by a verb starts a clause without "that"
            // ("the fields Russia favoured"); followed by a noun it is a modifier ("the
            // first Moon landing").
            if seen_common && is_capitalised(w) && !is_capitalised(words[last]) {
                let after_name = words[i..]
                    .iter()
                    .find(|x| !is_capitalised(x) && !NAME_GLUE.contains(&bare(x).as_str()));
                if after_name.is_some_and(|x| super::verb::is_past_form(x)) {
                    break;
                }
                // A title after a common noun is its name, not its head ("the film Star
                // Wars", "the album Abbey Road"), but a name after an ordinal or an adjective
                // is the head ("the first Solvay Conference", "the first modern Olympic Games").
                if after_name.is_none_or(|x| POSTMODIFIERS.contains(&bare(x).as_str()))
                    && !MODIFIERS_BEFORE_NAMES.contains(&bare(words[last]).as_str())
                {
                    break;
                }
            }
            if i > 0 && is_participle_modifier(&words, i) {
                break;
            }
            // "the agreement formally linking ...": an adverb before the participle.
            if i > 0
                && b.ends_with("ly")
                && i + 1 < words.len()
                && is_participle_modifier(&words, i + 1)
            {
                break;
            }
            if i > 0 || !DETERMINERS.contains(&b.as_str()) {
                last = i;
                if !is_capitalised(w) && !DETERMINERS.contains(&b.as_str()) {
                    seen_common = true;
                }
            }
            if w.ends_with(',') || w.ends_with(';') || w.ends_with(')') {
                break;
            }
        }
        last
    }

    /// The head noun ("states" in "the SCO's eight member states").
    pub fn head(&self) -> String {
        let i = self.head_index();
        self.words()
            .nth(i)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .unwrap_or_default()
    }

    /// The words up to and including the head, and what follows it (possibly empty).
    pub fn split_at_head(&self) -> (String, String) {
        let words: Vec<&str> = self.words().collect();
        let i = self.head_index();
        let head = words[..=i.min(words.len().saturating_sub(1))].join(" ");
        let rest = words.get(i + 1..).map(|r| r.join(" ")).unwrap_or_default();
        (head, rest)
    }

    /// The phrase split before a relative clause that follows its head ("the summit" + "that
    /// asked the US ...", "the summit" + "at which five leaders met"), if it has one.
    pub fn split_relative(&self) -> Option<(String, String)> {
        let (head, rest) = self.split_at_head();
        let mut words = rest.split_whitespace().map(bare);
        let first = words.next()?;
        let relative = matches!(
            first.as_str(),
            "that" | "which" | "who" | "whom" | "whose" | "where" | "when"
        ) || (POSTMODIFIERS.contains(&first.as_str())
            && words
                .next()
                .is_some_and(|w| matches!(w.as_str(), "which" | "whom")));
        relative.then_some((head, rest))
    }

    /// Whether the phrase is plural: its head is, or it joins two things with "and"
    /// ("India and Pakistan"), but not inside a name ("the Belt and Road Initiative").
    pub fn is_plural(&self) -> bool {
        // The phrase before any preposition or relative pronoun; inside a name too, "and"
        // after a preposition joins the name's own complement ("the International Bureau of
        // Weights and Measures" is one bureau).
        let words: Vec<&str> = self.words().collect();
        let end = words
            .iter()
            .enumerate()
            .position(|(i, w)| i > 0 && POSTMODIFIERS.contains(&bare(w).as_str()))
            .unwrap_or(words.len());
        let core = words[..end].join(" ");
        if let Some((_, right)) = core.rsplit_once(" and ") {
            let right_words: Vec<&str> = right.split_whitespace().collect();
            let one_thing = right_words.len() == 1
                || right_words
                    .first()
                    .is_some_and(|w| matches!(bare(w).as_str(), "the" | "a" | "an"));
            if one_thing {
                return true;
            }
        }
        is_plural_noun(&self.head())
    }
}

/// Whether word `i` is an "-ing" or "-ed" participle starting a modifier after a noun ("the
/// treaty settling the border", "the reforms launched by ..."), rather than part of a
/// compound ("the opening ceremony").
fn is_participle_modifier(words: &[&str], i: usize) -> bool {
    let w = words[i];
    if is_capitalised(w) {
        return false;
    }
    let b = bare(w);
    let participle = (b.len() > 5 && b.ends_with("ing")) || (b.len() > 4 && b.ends_with("ed"));
    if !participle {
        return false;
    }
    let prev = bare(words[i - 1]);
    if DETERMINERS.contains(&prev.as_str()) {
        return false;
    }
    match words.get(i + 1) {
        None => b.ends_with("ed"),
        // "the atomic bombing of Hiroshima": a gerund before "of" is the head itself.
        Some(next) if bare(next) == "of" => false,
        Some(next) => {
            let n = bare(next);
            // A name followed by a common noun is what the participle describes ("the
            // crewed Moon landing"), not its object.
            let name_then_noun = || {
                let after = words[i + 1..].iter().find(|w| !is_capitalised(w));
                after.is_some_and(|w| {
                    let a = bare(w);
                    !POSTMODIFIERS.contains(&a.as_str()) && !DETERMINERS.contains(&a.as_str())
                })
            };
            DETERMINERS.contains(&n.as_str())
                || POSTMODIFIERS.contains(&n.as_str())
                || (is_capitalised(next) && !name_then_noun())
                || next.ends_with("'s")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn np(s: &str) -> NounPhrase {
        NounPhrase::new(s)
    }

    #[test]
    fn openings() {
        let cases = [
            ("the SCO", Opening::Definite),
            ("The first members of the EU", Opening::Definite),
            ("an orbit", Opening::Indefinite),
            ("China's president", Opening::Determined),
            ("Xi Jinping's announcement of the BRI", Opening::Determined),
            ("eight member states", Opening::Determined),
            ("Xi Jinping", Opening::Name),
            ("NATO", Opening::Name),
            ("Belt and Road Initiative", Opening::Name),
            ("Shanghai Five", Opening::Name),
            ("Bank for International Settlements", Opening::Name),
            ("first secretary general of the SCO", Opening::Bare),
            ("Chinese president who announced the BRI", Opening::Bare),
            ("US president whose policies", Opening::Bare),
            ("EU member states", Opening::Bare),
            (
                "Peking University professor of international relations",
                Opening::Bare,
            ),
        ];
        for (s, o) in cases {
            assert_eq!(np(s).opening(), o, "{s}");
        }
    }

    #[test]
    fn definite_adds_the_only_to_bare_common_phrases() {
        let cases = [
            (
                "Chinese president who announced the BRI",
                "the Chinese president who announced the BRI",
            ),
            ("EU member states", "the EU member states"),
            ("The first members of the EU", "the first members of the EU"),
            (
                "the SCO's eight member states",
                "the SCO's eight member states",
            ),
            ("Xi Jinping", "Xi Jinping"),
            ("a countess", "a countess"),
            ("The Hague", "The Hague"),
            ("its founder.", "its founder"),
        ];
        for (s, d) in cases {
            assert_eq!(np(s).definite(), d, "{s}");
        }
    }

    #[test]
    fn heads() {
        let cases = [
            ("the SCO's eight member states", "states"),
            ("the three evil forces", "forces"),
            ("the principles of the Shanghai spirit", "principles"),
            (
                "the infrastructure fields Russia favoured over trade integration",
                "fields",
            ),
            (
                "the Sino-Soviet treaty settling the eastern section of the border",
                "treaty",
            ),
            (
                "the Shanghai summit at which five heads of state met",
                "summit",
            ),
            ("the Olympic Games opening ceremony", "ceremony"),
            ("the Bank for International Settlements", "Bank"),
            ("the first Moon landing", "landing"),
            ("the first crewed Moon landing", "landing"),
            ("the countries the Andes run through", "countries"),
            ("the atomic bombing of Hiroshima", "bombing"),
            ("the film Star Wars", "film"),
            ("the album Sgt. Pepper's Lonely Hearts Club Band", "album"),
            ("the symphonies Beethoven completed", "symphonies"),
            ("the treaty settling China's border", "treaty"),
            ("the Treaty of Versailles", "Treaty"),
            ("the reforms launched by Gorbachev", "reforms"),
            (
                "the agreement formally linking the union and the BRI",
                "agreement",
            ),
            (
                "the completion of the treaties, leaving nothing open",
                "completion",
            ),
            ("Xi Jinping", "Jinping"),
            // A name after an ordinal or an adjective is the head.
            ("the first Solvay Conference on Chemistry", "Conference"),
            ("the first modern Olympic Games", "Games"),
            ("the annual Davos meeting", "meeting"),
        ];
        for (s, h) in cases {
            assert_eq!(np(s).head(), h, "{s}");
        }
    }

    #[test]
    fn relative_clauses_split_off() {
        let split = |s: &str| np(s).split_relative();
        assert_eq!(
            split("the SCO summit that asked the US for a timetable"),
            Some((
                "the SCO summit".into(),
                "that asked the US for a timetable".into()
            ))
        );
        assert_eq!(
            split("the summit at which India and Pakistan became members"),
            Some((
                "the summit".into(),
                "at which India and Pakistan became members".into()
            ))
        );
        assert_eq!(split("the summit of the five heads of state"), None);
        assert_eq!(split("the SCO Secretariat"), None);
    }

    #[test]
    fn plurality() {
        for s in [
            "the SCO's eight member states",
            "India and Pakistan",
            "terrorism, separatism and extremism",
            "the Shanghai Five",
            "the talks in Geneva",
            "the 2024 Summer Olympics",
            "the first modern Olympic Games",
        ] {
            assert!(np(s).is_plural(), "{s}");
        }
        for s in [
            "the Belt and Road Initiative",
            "the SCO",
            "Mars",
            "the treaty between China and Russia",
            "the Regional Anti-Terrorist Structure (RATS)",
            "the International Bureau of Weights and Measures",
            "the Ministry of Trade and Industry",
        ] {
            assert!(!np(s).is_plural(), "{s}");
        }
    }

    #[test]
    fn articles_follow_the_sound() {
        let cases = [
            ("orbit", "an"),
            ("hour", "an"),
            ("university", "a"),
            ("European", "a"),
            ("one", "a"),
            ("SCO", "an"),
            ("UN", "a"),
            ("FBI", "an"),
            ("planet", "a"),
        ];
        for (w, a) in cases {
            assert_eq!(a_or_an(w), a, "{w}");
        }
    }

    #[test]
    fn phrases_lose_final_punctuation_and_extra_spaces() {
        assert_eq!(
            phrase(" a body  that coordinates. "),
            "a body that coordinates"
        );
        assert_eq!(capitalise("the SCO"), "The SCO");
        assert_eq!(
            sentence("it is in Washington, D.C."),
            "It is in Washington, D.C."
        );
        assert_eq!(sentence("it is in Paris"), "It is in Paris.");
        // An abbreviation keeps its full stop; a sentence's own is dropped.
        assert_eq!(phrase("Washington, D.C."), "Washington, D.C.");
        assert_eq!(phrase("Acme Inc."), "Acme Inc.");
        assert_eq!(phrase("the treaty."), "the treaty");
        assert_eq!(phrase("the treaty?!"), "the treaty");
        // A word that mixes cases keeps them.
        assert_eq!(capitalise("pH: the acidity"), "pH: the acidity");
        assert_eq!(capitalise("mRNA"), "mRNA");
        assert_eq!(capitalise("isotope"), "Isotope");
        assert_eq!(np("The first members").mid(), "the first members");
        assert_eq!(np("A treaty").mid(), "a treaty");
    }
}

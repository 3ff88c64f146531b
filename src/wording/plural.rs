//! Plurals and agreement: whether a noun is plural, its singular, and the forms of "be",
//! "have" and "do" that agree with a subject.
//!
//! Nouns are judged from their spelling with a few tables of exceptions; a capitalised word
//! is a name, and a name is singular ("Mars", "Athens") unless it is a number ("the Shanghai
//! Five").

/// Irregular plurals and their singulars.
const IRREGULAR: &[(&str, &str)] = &[
    ("people", "person"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("mice", "mouse"),
    ("teeth", "tooth"),
    ("feet", "foot"),
    ("geese", "goose"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("analyses", "analysis"),
    ("crises", "crisis"),
    ("theses", "thesis"),
    ("hypotheses", "hypothesis"),
    ("bases", "base"),
    ("axes", "axis"),
    ("oases", "oasis"),
    ("indices", "index"),
    ("appendices", "appendix"),
    ("nuclei", "nucleus"),
    ("fungi", "fungus"),
    ("cacti", "cactus"),
    ("alumni", "alumnus"),
    ("data", "datum"),
    ("media", "medium"),
    ("strata", "stratum"),
    ("bacteria", "bacterium"),
    ("wolves", "wolf"),
    ("leaves", "leaf"),
    ("lives", "life"),
    ("knives", "knife"),
    ("wives", "wife"),
    ("halves", "half"),
    ("shelves", "shelf"),
    ("thieves", "thief"),
    ("calves", "calf"),
    ("loaves", "loaf"),
    ("heroes", "hero"),
    ("potatoes", "potato"),
    ("tomatoes", "tomato"),
    ("volcanoes", "volcano"),
    ("vetoes", "veto"),
    ("echoes", "echo"),
    ("torpedoes", "torpedo"),
];

/// Words ending in "s" that are singular, or the same in both numbers.
const SINGULAR_IN_S: &[&str] = &[
    "news",
    "series",
    "species",
    "means",
    "physics",
    "mathematics",
    "economics",
    "politics",
    "ethics",
    "linguistics",
    "statistics",
    "athletics",
    "gymnastics",
    "measles",
    "chaos",
    "ethos",
    "pathos",
    "cosmos",
    "lens",
    "canvas",
    "atlas",
    "gas",
    "bias",
    "alias",
    "iris",
    "this",
    "its",
    "his",
    "us",
    "yes",
];

/// Words spelt like plurals of words in "-us" ("buses" is "bus"; "causes" is "cause").
const US_NOUNS: &[&str] = &[
    "bus",
    "virus",
    "campus",
    "bonus",
    "census",
    "status",
    "apparatus",
    "prospectus",
    "surplus",
    "chorus",
    "circus",
    "genus",
    "consensus",
    "sinus",
    "walrus",
    "octopus",
    "hippopotamus",
];

/// Plural nouns that end names and keep them plural ("the Allied Powers are"); "States" and
/// "Nations" are left out, since "the United States" and "the United Nations" are one body.
const NAME_PLURALS: &[&str] = &[
    "powers",
    "allies",
    "islands",
    "isles",
    "mountains",
    "lakes",
    "alps",
    "andes",
    "rockies",
    "himalayas",
    "wars",
    "crusades",
    "games",
    "olympics",
    "paralympics",
    "provinces",
    "colonies",
    "territories",
    "forces",
    "brothers",
    "sisters",
    "beatles",
    "emirates",
];

/// Number words that make a name plural ("the Big Four", "the Shanghai Five").
const NUMBER_NAMES: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty",
];

/// The word with no surrounding punctuation, lower-cased.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether `word` (one noun, as written) is plural.
pub fn is_plural_noun(word: &str) -> bool {
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let w = bare(word);
    if NUMBER_NAMES.contains(&w.as_str()) {
        return true;
    }
    // A name ("Mars", "Athens", "RATS") is one thing, unless its last word is one of the plural
    // nouns names are made of ("the Central Powers", "the Napoleonic Wars").
    if capitalised {
        return NAME_PLURALS.contains(&w.as_str());
    }
    if IRREGULAR.iter().any(|(p, _)| *p == w) {
        return true;
    }
    if IRREGULAR.iter().any(|(_, s)| *s == w) || SINGULAR_IN_S.contains(&w.as_str()) {
        return false;
    }
    w.len() > 2
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
}

/// The singular of a plural noun ("countries" -> "country"); other words come back as they are,
/// lower-cased.
pub fn singular(word: &str) -> String {
    let w = bare(word);
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return (*s).to_string();
    }
    if !is_plural_noun(&w) {
        return w;
    }
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() > 1
    {
        return format!("{stem}y");
    }
    for ending in ["sses", "shes", "ches", "xes", "zes"] {
        if w.ends_with(ending) {
            return w[..w.len() - 2].to_string();
        }
    }
    if let Some(stem) = w.strip_suffix("es")
        && US_NOUNS.contains(&stem)
    {
        return stem.to_string();
    }
    w[..w.len() - 1].to_string()
}

/// The plural of a singular noun ("country" -> "countries").
pub fn plural(word: &str) -> String {
    let w = bare(word);
    if let Some((p, _)) = IRREGULAR.iter().find(|(_, s)| *s == w) {
        return (*p).to_string();
    }
    if is_plural_noun(&w) || SINGULAR_IN_S.contains(&w.as_str()) {
        return w;
    }
    let before_last = w.chars().rev().nth(1);
    let vowel = |c: Option<char>| c.is_some_and(|c| "aeiou".contains(c));
    if w.ends_with('y') && !vowel(before_last) {
        return format!("{}ies", &w[..w.len() - 1]);
    }
    if ["s", "sh", "ch", "x", "z"].iter().any(|e| w.ends_with(e)) {
        return format!("{w}es");
    }
    format!("{w}s")
}

/// "is" or "are"; "was" or "were" in the past.
pub fn be(plural: bool, past: bool) -> &'static str {
    match (plural, past) {
        (false, false) => "is",
        (true, false) => "are",
        (false, true) => "was",
        (true, true) => "were",
    }
}

/// "has" or "have".
pub fn have(plural: bool) -> &'static str {
    if plural { "have" } else { "has" }
}

/// "does" or "do".
pub fn do_(plural: bool) -> &'static str {
    if plural { "do" } else { "does" }
}

/// The pronoun standing for a subject: "it" or "they".
pub fn pronoun(plural: bool) -> &'static str {
    if plural { "they" } else { "it" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_nouns_are_recognised() {
        for w in [
            "states",
            "countries",
            "forces",
            "people",
            "criteria",
            "members",
            "Five",
        ] {
            assert!(is_plural_noun(w), "{w}");
        }
    }

    #[test]
    fn singular_nouns_and_names_are_not_plural() {
        for w in [
            "state", "news", "process", "status", "analysis", "Mars", "Athens", "RATS", "gas", "is",
        ] {
            assert!(!is_plural_noun(w), "{w}");
        }
    }

    #[test]
    fn two_letters_are_too_few_for_a_plural_in_s() {
        for w in ["as", "os"] {
            assert!(!is_plural_noun(w), "{w}");
        }
    }

    #[test]
    fn singulars_follow_english_spelling() {
        let cases = [
            ("states", "state"),
            ("countries", "country"),
            ("forces", "force"),
            ("principles", "principle"),
            ("churches", "church"),
            ("taxes", "tax"),
            ("classes", "class"),
            ("buses", "bus"),
            ("causes", "cause"),
            ("people", "person"),
            ("wolves", "wolf"),
            ("archives", "archive"),
            ("heroes", "hero"),
            ("shoes", "shoe"),
            // "-ies" after one letter drops only the "s".
            ("lies", "lie"),
            ("ties", "tie"),
            ("pies", "pie"),
            ("state", "state"),
            ("Planets", "planet"),
        ];
        for (p, s) in cases {
            assert_eq!(singular(p), s, "{p}");
        }
    }

    #[test]
    fn plurals_follow_english_spelling() {
        let cases = [
            ("country", "countries"),
            ("day", "days"),
            ("church", "churches"),
            ("box", "boxes"),
            ("state", "states"),
            ("person", "people"),
            ("states", "states"),
            ("news", "news"),
        ];
        for (s, p) in cases {
            assert_eq!(plural(s), p, "{s}");
        }
    }

    #[test]
    fn agreement_forms() {
        assert_eq!(be(false, false), "is");
        assert_eq!(be(true, false), "are");
        assert_eq!(be(false, true), "was");
        assert_eq!(be(true, true), "were");
        assert_eq!(have(false), "has");
        assert_eq!(have(true), "have");
        assert_eq!(do_(false), "does");
        assert_eq!(do_(true), "do");
        assert_eq!(pronoun(false), "it");
        assert_eq!(pronoun(true), "they");
    }
}

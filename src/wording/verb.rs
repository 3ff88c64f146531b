//! Verbs and their forms: from any form an author wrote ("signed", "began", "joins",
//! "founding") to the verb, and from the verb to the form a sentence needs (past, past
//! participle, third person, "-ing").
//!
//! Irregular verbs are a table; regular ones follow spelling rules, each rule a row with the
//! words it must and must not change (see the tests).

/// Irregular verbs: base, past, past participle.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("awake", "awoke", "awoken"),
    ("be", "was", "been"),
    ("bear", "bore", "born"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bend", "bent", "bent"),
    ("bind", "bound", "bound"),
    ("bite", "bit", "bitten"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("bring", "brought", "brought"),
    ("broadcast", "broadcast", "broadcast"),
    ("build", "built", "built"),
    ("burst", "burst", "burst"),
    ("buy", "bought", "bought"),
    ("cast", "cast", "cast"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("cling", "clung", "clung"),
    ("come", "came", "come"),
    ("cost", "cost", "cost"),
    ("creep", "crept", "crept"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("dig", "dug", "dug"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drink", "drank", "drunk"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feed", "fed", "fed"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forecast", "forecast", "forecast"),
    ("foresee", "foresaw", "foreseen"),
    ("forget", "forgot", "forgotten"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "got"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grind", "ground", "ground"),
    ("grow", "grew", "grown"),
    ("hang", "hung", "hung"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lie", "lay", "lain"),
    ("light", "lit", "lit"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("outgrow", "outgrew", "outgrown"),
    ("overcome", "overcame", "overcome"),
    ("overrun", "overran", "overrun"),
    ("oversee", "oversaw", "overseen"),
    ("overthrow", "overthrew", "overthrown"),
    ("overtake", "overtook", "overtaken"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("redo", "redid", "redone"),
    ("rewrite", "rewrote", "rewritten"),
    ("ride", "rode", "ridden"),
    ("ring", "rang", "rung"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shine", "shone", "shone"),
    ("shoot", "shot", "shot"),
    ("show", "showed", "shown"),
    ("shrink", "shrank", "shrunk"),
    ("shut", "shut", "shut"),
    ("sing", "sang", "sung"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("sleep", "slept", "slept"),
    ("slide", "slid", "slid"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("spin", "spun", "spun"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("spring", "sprang", "sprung"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("strike", "struck", "struck"),
    ("strive", "strove", "striven"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("swim", "swam", "swum"),
    ("swing", "swung", "swung"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undergo", "underwent", "undergone"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("win", "won", "won"),
    ("wind", "wound", "wound"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("withstand", "withstood", "withstood"),
    ("write", "wrote", "written"),
];

/// Regular verbs whose base is also a form of an irregular one ("found" an organisation is not
/// "find"; "lay" a foundation is not "lie").
const REGULAR_HOMOGRAPHS: &[&str] = &["found", "lay", "wound", "ground"];

/// Verbs of more than one syllable whose last consonant doubles ("admitted", "occurred").
const DOUBLING: &[&str] = &[
    "admit", "commit", "submit", "permit", "omit", "emit", "transmit", "remit", "occur", "recur",
    "incur", "concur", "refer", "prefer", "infer", "confer", "defer", "deter", "transfer",
    "regret", "control", "patrol", "compel", "expel", "propel", "repel", "rebel", "forbid",
    "equip", "acquit", "abhor", "outwit", "enrol", "instil", "fulfil", "distil", "extol", "cancel",
    "travel", "label", "model", "level", "signal", "total", "quarrel", "marvel", "channel",
    "funnel", "tunnel", "fuel", "dial", "duel", "counsel", "pencil", "unravel", "equal", "initial",
    "parallel",
];

/// Bases ending in "-e" after an ending the other rules leave alone.
const E_EXCEPTIONS: &[&str] = &[
    "create",
    "procreate",
    "recreate",
    "unite",
    "invite",
    "ignite",
    "recite",
    "excite",
    "cite",
    "expedite",
    "incite",
    "complete",
    "delete",
    "compete",
    "deplete",
    "secrete",
    "phone",
    "postpone",
    "clone",
    "zone",
    "tone",
    "atone",
    "condone",
    "dethrone",
    "restore",
    "explore",
    "ignore",
    "store",
    "score",
    "adore",
    "implore",
    "deplore",
    "bore",
    "cope",
    "hope",
    "elope",
    "rope",
    "grope",
    "scope",
    "dope",
    "vote",
    "promote",
    "devote",
    "quote",
    "note",
    "denote",
    "emote",
    "demote",
    "dote",
];

/// Bases that look as if they lost an "-e" but did not.
const NO_E: &[&str] = &[
    "focus",
    "bias",
    "pivot",
    "abandon",
    "reckon",
    "summon",
    "pardon",
    "imprison",
    "beckon",
    "reason",
    "season",
    "ransom",
    "develop",
    "gallop",
    "envelop",
    "gossip",
    "worship",
    "visit",
    "edit",
    "exhibit",
    "limit",
    "credit",
    "deposit",
    "inherit",
    "merit",
    "audit",
    "profit",
    "orbit",
    "prohibit",
    "inhibit",
    "posit",
    "vomit",
    "target",
    "market",
    "budget",
    "interpret",
    "ticket",
    "covet",
    "pocket",
    "bracket",
    "blanket",
    "signal",
    "travel",
    "cancel",
    "open",
    "happen",
    "listen",
    "threaten",
    "strengthen",
    "weaken",
    "harden",
    "widen",
    "honor",
    "favor",
    "anchor",
    "sponsor",
    "monitor",
    "tailor",
    "author",
    "mirror",
    "pilot",
    "ballot",
    "riot",
    "plot",
    "spot",
    "combat",
    "defeat",
    "treat",
    "repeat",
    "heat",
    "seat",
    "cheat",
    "benefit",
    "discover",
    "deliver",
    "gather",
    "enter",
    "alter",
    "consider",
    "offer",
    "suffer",
    "answer",
    "conquer",
    "render",
    "surrender",
    "wonder",
    "murder",
    "order",
    "border",
    "transform",
    "perform",
    "inform",
    "reform",
    "form",
    "confirm",
    "claim",
    "proclaim",
    "exclaim",
    "disclaim",
    "aim",
    "seem",
    "deem",
    "redeem",
    "land",
    "fund",
    "found",
    "end",
    "attend",
    "defend",
    "extend",
    "demand",
    "command",
    "expand",
    "respond",
    "need",
    "succeed",
    "proceed",
    "exceed",
    "head",
    "load",
    "plead",
    "raid",
    "aid",
    "avoid",
    "record",
    "reward",
    "award",
    "guard",
    "regard",
    "yield",
    "shield",
    "belong",
    "long",
];

/// A verb, by its forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    pub base: String,
    pub past: String,
    pub participle: String,
}

fn is_vowel(c: char) -> bool {
    "aeiou".contains(c)
}

/// Vowel groups: a rough count of syllables, enough to decide doubling.
fn syllables(w: &str) -> usize {
    let mut n = 0;
    let mut prev_vowel = false;
    for c in w.chars() {
        let v = is_vowel(c) || c == 'y';
        if v && !prev_vowel {
            n += 1;
        }
        prev_vowel = v;
    }
    n
}

/// Whether the final consonant of `base` doubles before "-ed" and "-ing".
fn doubles(base: &str) -> bool {
    if DOUBLING.contains(&base) {
        return true;
    }
    let c: Vec<char> = base.chars().collect();
    let n = c.len();
    if n < 3 || syllables(base) != 1 {
        return false;
    }
    let (a, b, last) = (c[n - 3], c[n - 2], c[n - 1]);
    !is_vowel(a) && is_vowel(b) && !is_vowel(last) && !"wxy".contains(last)
}

/// The base of a regular verb from the stem left when "-ed" or "-ing" is taken off.
fn base_of_stem(stem: &str) -> String {
    let c: Vec<char> = stem.chars().collect();
    let n = c.len();
    if n < 2 {
        return stem.to_string();
    }
    if NO_E.contains(&stem) {
        return stem.to_string();
    }
    if E_EXCEPTIONS.contains(&format!("{stem}e").as_str()) {
        return format!("{stem}e");
    }
    // Doubled consonants: "admitt" -> "admit", "stopp" -> "stop"; "call", "pass" stay.
    if c[n - 1] == c[n - 2] && !is_vowel(c[n - 1]) {
        let single: String = c[..n - 1].iter().collect();
        if !matches!(c[n - 1], 'l' | 's' | 'f' | 'z') || DOUBLING.contains(&single.as_str()) {
            return single;
        }
        if c[n - 1] == 'l' && syllables(&single) >= 2 {
            return single;
        }
        return stem.to_string();
    }
    let last = c[n - 1];
    let prev = c[n - 2];
    let before_prev = if n >= 3 { Some(c[n - 3]) } else { None };
    // One vowel between consonants before the last letter ("decid", "nam", "escap").
    let single_vowel = is_vowel(prev) && before_prev.is_some_and(|b| !is_vowel(b));
    let adds_e = match last {
        'e' => true,
        'u' => true,
        'v' | 'z' => true,
        'c' => true,
        's' => prev != 's',
        'g' => {
            matches!(prev, 'r' | 'd' | 'l')
                || (prev == 'n' && matches!(before_prev, Some('a' | 'e')))
        }
        'l' => !is_vowel(prev) || (single_vowel && matches!(prev, 'i' | 'u' | 'o' | 'a')),
        // "creat", "negotiat", "evaluat", "execut" take it; "treat", "float", "shout" do not.
        't' => {
            (prev == 'a' && !matches!(before_prev, Some('o' | 'e')))
                || (prev == 'u' && before_prev.is_some_and(|b| !is_vowel(b)))
        }
        'r' => {
            (prev == 'i' || prev == 'u') && before_prev.is_some_and(|b| !is_vowel(b) || b == 'u')
                || (prev == 'a' && before_prev.is_some_and(|b| !is_vowel(b)))
        }
        'm' => single_vowel && prev != 'e',
        'n' => single_vowel && matches!(prev, 'i' | 'u'),
        'd' | 'k' | 'b' => single_vowel && prev != 'e',
        'p' => single_vowel && matches!(prev, 'a' | 'i' | 'y' | 'u'),
        _ => false,
    };
    if adds_e {
        format!("{stem}e")
    } else {
        stem.to_string()
    }
}

impl Verb {
    /// The verb of which `word` is any form ("signed", "began", "joins", "founding", "sign").
    pub fn of(word: &str) -> Verb {
        let w = word.trim().to_lowercase();
        if REGULAR_HOMOGRAPHS.contains(&w.as_str()) {
            return Verb::regular(&w);
        }
        if let Some(&(b, p, pp)) = IRREGULAR
            .iter()
            .find(|(b, p, pp)| *b == w || *p == w || *pp == w)
        {
            return Verb::irregular(b, p, pp);
        }
        for (base, third) in [("be", "is"), ("be", "are"), ("be", "were"), ("have", "has")] {
            if w == third {
                return Verb::of(base);
            }
        }
        Verb::regular(&lemma(&w))
    }

    fn irregular(b: &str, p: &str, pp: &str) -> Verb {
        Verb {
            base: b.to_string(),
            past: p.to_string(),
            participle: pp.to_string(),
        }
    }

    /// A regular verb from its base.
    fn regular(base: &str) -> Verb {
        let ed = if base.ends_with('e') {
            format!("{base}d")
        } else if base.ends_with('y') && base.chars().rev().nth(1).is_some_and(|c| !is_vowel(c)) {
            format!("{}ied", &base[..base.len() - 1])
        } else if doubles(base) {
            let last = base.chars().last().unwrap_or('d');
            format!("{base}{last}ed")
        } else {
            format!("{base}ed")
        };
        Verb {
            base: base.to_string(),
            past: ed.clone(),
            participle: ed,
        }
    }

    /// The third person singular present: "signs", "watches", "carries", "is", "has".
    pub fn third(&self) -> String {
        match self.base.as_str() {
            "be" => return "is".into(),
            "have" => return "has".into(),
            "do" => return "does".into(),
            "go" => return "goes".into(),
            _ => {}
        }
        let b = &self.base;
        if b.ends_with('y') && b.chars().rev().nth(1).is_some_and(|c| !is_vowel(c)) {
            return format!("{}ies", &b[..b.len() - 1]);
        }
        if ["s", "sh", "ch", "x", "z", "o"]
            .iter()
            .any(|e| b.ends_with(e))
        {
            return format!("{b}es");
        }
        format!("{b}s")
    }

    /// The "-ing" form: "signing", "making", "dying", "admitting".
    pub fn ing(&self) -> String {
        let b = &self.base;
        if b == "be" {
            return "being".into();
        }
        if let Some(stem) = b.strip_suffix("ie") {
            return format!("{stem}ying");
        }
        if b.ends_with('e') && !b.ends_with("ee") && !b.ends_with("ye") && !b.ends_with("oe") {
            return format!("{}ing", &b[..b.len() - 1]);
        }
        if doubles(b) {
            let last = b.chars().last().unwrap_or('g');
            return format!("{b}{last}ing");
        }
        format!("{b}ing")
    }

    /// Whether `word` is this verb's simple past and could not be its participle ("began",
    /// "fell"): strong evidence of a finite clause.
    pub fn is_strong_past(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        w == self.past && self.past != self.participle
    }
}

/// The base of a regular verb from any of its forms.
pub fn lemma(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(stem) = w.strip_suffix("ied") {
        return if stem.len() <= 1 {
            format!("{stem}ie")
        } else {
            format!("{stem}y")
        };
    }
    if let Some(stem) = w.strip_suffix("ying")
        && stem.len() <= 1
    {
        return format!("{stem}ie");
    }
    if let Some(stem) = w.strip_suffix("ed")
        && stem.len() >= 2
    {
        return base_of_stem(stem);
    }
    if let Some(stem) = w.strip_suffix("ing")
        && stem.len() >= 2
    {
        return base_of_stem(stem);
    }
    w
}

/// Whether `word` looks like a past tense or past participle ("signed", "held", "founded").
pub fn is_past_form(word: &str) -> bool {
    let w = word.to_lowercase();
    if IRREGULAR
        .iter()
        .any(|(b, p, pp)| (*p == w || *pp == w) && *b != w)
    {
        return true;
    }
    w.len() > 3 && w.ends_with("ed") && !w.ends_with("eed") && !NOT_PAST.contains(&w.as_str())
}

/// Forms of "be", "have" and "do", and the modal verbs: the words that open a verb group.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "does", "did", "can", "could", "will",
    "would", "shall", "should", "may", "might", "must",
];

/// Whether `word` is an auxiliary or modal verb ("was", "had", "could").
pub fn is_auxiliary(word: &str) -> bool {
    AUXILIARIES.contains(&word)
}

/// The simple pasts of the irregular verbs ("took", "began"), "was" and "were" left out.
pub fn irregular_pasts() -> impl Iterator<Item = &'static str> {
    IRREGULAR
        .iter()
        .map(|(_, past, _)| *past)
        .filter(|p| !matches!(*p, "was" | "were"))
}

/// Whether `word` is any form of an irregular verb ("spread", "took", "begun").
pub fn is_irregular_form(word: &str) -> bool {
    let w = word.to_lowercase();
    IRREGULAR
        .iter()
        .any(|(b, p, pp)| *b == w || *p == w || *pp == w)
}

/// Words ending in "-ed" that are not verb forms.
const NOT_PAST: &[&str] = &[
    "hundred", "sacred", "naked", "wicked", "kindred", "rugged", "ragged", "wretched", "crooked",
    "beloved", "learned", "aged", "bed", "red", "shed", "wed", "fled", "led", "need", "seed",
    "speed", "breed", "creed", "greed", "deed", "weed", "bleed", "feed",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auxiliaries_open_verb_groups() {
        for w in ["was", "had", "could", "does"] {
            assert!(is_auxiliary(w), "{w}");
        }
        for w in ["team", "hall", "signed", "Was"] {
            assert!(!is_auxiliary(w), "{w}");
        }
    }

    #[test]
    fn irregular_forms_are_known_in_every_form() {
        for w in ["spread", "Take", "took", "taken", "begun"] {
            assert!(is_irregular_form(w), "{w}");
        }
        for w in ["signed", "map", "Varn"] {
            assert!(!is_irregular_form(w), "{w}");
        }
    }

    #[test]
    fn lemmas_of_regular_forms() {
        let cases = [
            ("signed", "sign"),
            ("founded", "found"),
            ("created", "create"),
            ("opened", "open"),
            ("announced", "announce"),
            ("joined", "join"),
            ("completed", "complete"),
            ("established", "establish"),
            ("admitted", "admit"),
            ("stopped", "stop"),
            ("called", "call"),
            ("cancelled", "cancel"),
            ("controlled", "control"),
            ("passed", "pass"),
            ("studied", "study"),
            ("died", "die"),
            ("occurred", "occur"),
            ("located", "locate"),
            ("negotiated", "negotiate"),
            ("evaluated", "evaluate"),
            ("treated", "treat"),
            ("floated", "float"),
            ("based", "base"),
            ("used", "use"),
            ("raised", "raise"),
            ("closed", "close"),
            ("focused", "focus"),
            ("moved", "move"),
            ("realized", "realize"),
            ("changed", "change"),
            ("belonged", "belong"),
            ("merged", "merge"),
            ("judged", "judge"),
            ("settled", "settle"),
            ("required", "require"),
            ("secured", "secure"),
            ("declared", "declare"),
            ("appeared", "appear"),
            ("entered", "enter"),
            ("named", "name"),
            ("claimed", "claim"),
            ("formed", "form"),
            ("combined", "combine"),
            ("decided", "decide"),
            ("included", "include"),
            ("landed", "land"),
            ("invoked", "invoke"),
            ("attacked", "attack"),
            ("escaped", "escape"),
            ("developed", "develop"),
            ("described", "describe"),
            ("continued", "continue"),
            ("agreed", "agree"),
            ("played", "play"),
            ("fixed", "fix"),
            ("annexed", "annex"),
            ("voted", "vote"),
            ("visited", "visit"),
            ("executed", "execute"),
            ("compiled", "compile"),
            ("failed", "fail"),
            ("ruled", "rule"),
            ("signing", "sign"),
            ("founding", "found"),
            ("opening", "open"),
            ("making", "make"),
            ("beginning", "begin"),
            ("landing", "land"),
            ("dying", "die"),
            ("studying", "study"),
            ("headquartered", "headquarter"),
            // A doubled "s" or "l" stays, unless the "l" ends a longer word.
            ("harassed", "harass"),
            ("embarrassed", "embarrass"),
            ("rivalled", "rival"),
            // "-ng" after "o" takes no "e" ("changed" does).
            ("prolonged", "prolong"),
            ("wronged", "wrong"),
            // "-t" after a consonant, or after "i", takes no "e".
            ("attempted", "attempt"),
            ("exited", "exit"),
            // "-m" and "-p" after two letters that are not one vowel take no "e".
            ("alarmed", "alarm"),
            ("bloomed", "bloom"),
            ("leaped", "leap"),
            ("heaped", "heap"),
        ];
        for (form, base) in cases {
            assert_eq!(lemma(form), base, "{form}");
        }
    }

    #[test]
    fn irregular_verbs_come_from_any_form() {
        assert_eq!(Verb::of("began").base, "begin");
        assert_eq!(Verb::of("begun").past, "began");
        assert_eq!(Verb::of("held").base, "hold");
        assert_eq!(Verb::of("born").base, "bear");
        assert_eq!(Verb::of("were").base, "be");
        // "found" an organisation is regular.
        assert_eq!(Verb::of("found").participle, "founded");
        assert_eq!(Verb::of("founded").base, "found");
    }

    #[test]
    fn regular_forms_from_the_base() {
        let cases = [
            ("sign", "signed", "signs", "signing"),
            ("found", "founded", "founds", "founding"),
            ("create", "created", "creates", "creating"),
            ("admit", "admitted", "admits", "admitting"),
            ("stop", "stopped", "stops", "stopping"),
            ("carry", "carried", "carries", "carrying"),
            ("play", "played", "plays", "playing"),
            ("watch", "watched", "watches", "watching"),
            ("die", "died", "dies", "dying"),
            ("visit", "visited", "visits", "visiting"),
            ("open", "opened", "opens", "opening"),
            ("agree", "agreed", "agrees", "agreeing"),
            ("travel", "travelled", "travels", "travelling"),
            ("fix", "fixed", "fixes", "fixing"),
            // Doubling is read from the last three letters, in short and long bases.
            ("pat", "patted", "pats", "patting"),
            ("hug", "hugged", "hugs", "hugging"),
            ("strip", "stripped", "strips", "stripping"),
            ("shrug", "shrugged", "shrugs", "shrugging"),
        ];
        for (base, past, third, ing) in cases {
            let v = Verb::of(base);
            assert_eq!(v.past, past, "{base}");
            assert_eq!(v.participle, past, "{base}");
            assert_eq!(v.third(), third, "{base}");
            assert_eq!(v.ing(), ing, "{base}");
        }
    }

    #[test]
    fn third_person_of_irregular_verbs() {
        assert_eq!(Verb::of("be").third(), "is");
        assert_eq!(Verb::of("have").third(), "has");
        assert_eq!(Verb::of("go").third(), "goes");
        assert_eq!(Verb::of("take").third(), "takes");
        assert_eq!(Verb::of("do").third(), "does");
        assert_eq!(Verb::of("did").third(), "does");
        assert_eq!(Verb::of("went").third(), "goes");
    }

    #[test]
    fn ing_forms_of_short_irregular_verbs() {
        // Two letters never double; three may.
        assert_eq!(Verb::of("go").ing(), "going");
        assert_eq!(Verb::of("do").ing(), "doing");
        assert_eq!(Verb::of("sit").ing(), "sitting");
        assert_eq!(Verb::of("run").ing(), "running");
    }

    #[test]
    fn past_forms_are_recognised() {
        for w in ["signed", "held", "began", "founded", "built", "joined"] {
            assert!(is_past_form(w), "{w}");
        }
        // "zed": three letters are too few for a regular "-ed".
        for w in ["hundred", "need", "sign", "bed", "treaty", "proceed", "zed"] {
            assert!(!is_past_form(w), "{w}");
        }
    }

    #[test]
    fn strong_pasts_are_told_from_participles() {
        assert!(Verb::of("began").is_strong_past("began"));
        assert!(Verb::of("fell").is_strong_past("fell"));
        assert!(!Verb::of("held").is_strong_past("held"));
        assert!(!Verb::of("signed").is_strong_past("signed"));
    }
}

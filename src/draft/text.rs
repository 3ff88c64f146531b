//! An article's text as paragraphs of sentences, with page furniture (menus, headings, copyright
//! lines, other scripts) left out, so extraction only sees prose and locations count as a reader
//! would count them.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// One paragraph of prose, numbered from 1 among the kept paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub number: usize,
    pub sentences: Vec<String>,
}

/// What the page says about itself, when it says it in the usual places.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub title: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by)\s+([A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+){0,3})\s*$").unwrap()
});
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:published|posted|date)\s*:?\s*(?:on\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\s*$").unwrap()
});

static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:#{1,6}|>)\s+").unwrap());
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").unwrap());
static MD_EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|`([^`]*)`").unwrap()
});

/// A name's translations in brackets, "(Spanish: Mercado Común del Sur; Portuguese: ...)" or
/// "(German: Siemens AG)": labelled glosses that only interrupt the sentence.
static GLOSS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r" \((?:[A-Z][a-z]+ )?[A-Z][a-z]+: [^()]*\)").expect("valid gloss pattern")
});

/// A Markdown line as plain text: heading and quote markers, links and emphasis removed, so
/// "# Title" can be the title and "**Norway**" reads as a name. Plain text passes unchanged.
fn plain(line: &str) -> Cow<'_, str> {
    let line = match MD_HEADING.find(line) {
        Some(m) => &line[m.end()..],
        None => line,
    };
    let line = MD_LINK.replace_all(line, "$1");
    match MD_EMPHASIS.replace_all(&line, "$1$2$3$4") {
        Cow::Borrowed(_) => line,
        Cow::Owned(s) => Cow::Owned(s),
    }
}

/// Split an article into prose paragraphs and read its title, byline and date.
pub fn paragraphs(text: &str) -> (Header, Vec<Paragraph>) {
    let mut header = Header::default();
    let lines: Vec<Cow<str>> = text.lines().map(|l| plain(l.trim())).collect();
    let mut blocks: Vec<Vec<&str>> = vec![Vec::new()];
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim();
        // A line with a blank line (or the end) after it stands alone.
        let alone = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
        if line.is_empty() {
            if blocks.last().is_some_and(|b| !b.is_empty()) {
                blocks.push(Vec::new());
            }
            continue;
        }
        if let Some(c) = BYLINE.captures(line) {
            header.author.get_or_insert_with(|| c[1].to_string());
            continue;
        }
        if let Some(c) = PUBLISHED.captures(line) {
            if let Some(month) = month_number(&c[1]) {
                let day: u32 = c[2].parse().unwrap_or(0);
                header
                    .date
                    .get_or_insert_with(|| format!("{}-{month:02}-{day:02}", &c[3]));
            }
            continue;
        }
        let first = blocks.len() == 1 && blocks[0].is_empty();
        if header.title.is_none() && is_furniture(line) && looks_like_title(line, first, alone) {
            header.title = Some(clean_title(line));
        }
        blocks
            .last_mut()
            .expect("there is always a last block")
            .push(line);
    }
    let mut out = Vec::new();
    for mut block in blocks {
        // Headings and labels stuck to a paragraph ("Back to Issue", "About the author") go;
        // a short last line of wrapped prose stays, as the block is judged as a whole.
        while block
            .first()
            .is_some_and(|l| is_furniture(l) && !continues(l))
        {
            block.remove(0);
        }
        while block.len() > 1
            && block
                .last()
                .is_some_and(|l| is_furniture(l) && !continues(l))
        {
            block.pop();
        }
        // A list's items are sentences of their own: "- the Black Sea was declared neutral;".
        if block.len() > 1 && block.iter().all(|l| list_item(l).is_some()) {
            let sentences: Vec<String> = block
                .iter()
                .filter_map(|l| list_item(l))
                // An item of several sentences is cut like prose.
                .flat_map(|item| sentences(&format!("{}.", item.trim_end_matches([';', ',', '.']))))
                .collect();
            out.push(Paragraph {
                number: out.len() + 1,
                sentences,
            });
            continue;
        }
        let text = block.join(" ");
        let text = GLOSS.replace_all(&text, "");
        // A lead-in to a list ("Its main terms were these:") is prose.
        let lead_in = text.ends_with(':') && text.split_whitespace().count() >= 6;
        if block.is_empty() || (is_furniture(&text) && !lead_in) {
            continue;
        }
        let sentences = sentences(&text);
        out.push(Paragraph {
            number: out.len() + 1,
            sentences,
        });
    }
    (header, out)
}

/// The text of a Markdown list item ("- item", "* item", "1. item"), if the line is one.
fn list_item(line: &str) -> Option<&str> {
    static ITEM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:[-*•]|\d{1,2}[.)])\s+(\S.*)$").expect("valid"));
    ITEM.captures(line)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// Whether a line reads as part of a sentence (wrapped prose) rather than a label.
fn continues(line: &str) -> bool {
    line.starts_with(char::is_lowercase)
        || line.ends_with([',', ';', '.'])
        || (line.ends_with(':') && line.split_whitespace().count() >= 6)
}

/// Lines that are not prose: short lines without sentence punctuation (headings, menus,
/// addresses), copyright notices, and lines mostly in a non-Latin script.
pub fn is_furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    if line.contains('©') || lower.contains("all rights reserved") || lower.starts_with("copyright")
    {
        return true;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let latin = line
        .chars()
        .filter(|c| c.is_alphabetic() && is_latin(*c))
        .count();
    if letters == 0 || latin * 2 < letters {
        return true;
    }
    let words = line.split_whitespace().count();
    let ends_sentence = line
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?']);
    // A long line without a full stop is a menu; a short one ending in one may still be prose.
    !ends_sentence || words < 4
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00c0}'..='\u{024f}').contains(&c)
        || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// A title: three to twenty words opening with a capital, or, as the text's first line, a
/// shorter name whose every word is capitalised ("Gregor Mendel", "Samsung").
fn looks_like_title(line: &str, first: bool, alone: bool) -> bool {
    let words = line.split_whitespace().count();
    let plain = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    };
    // Standing alone, a short name may write its common noun small ("Spanish flu",
    // "Kon-Tiki expedition").
    let short_name = first
        && words >= 1
        && line
            .split_whitespace()
            .all(|w| plain(w) && (alone || w.starts_with(char::is_uppercase)));
    ((3..=20).contains(&words) || short_name) && line.chars().next().is_some_and(char::is_uppercase)
}

/// Site breadcrumbs ("Title > Articles") are not part of a title.
fn clean_title(line: &str) -> String {
    line.split(" > ")
        .next()
        .unwrap_or(line)
        .split(" | ")
        .next()
        .unwrap_or(line)
        .trim()
        .to_string()
}

pub fn month_number(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if lower.len() < 3 {
        return None;
    }
    let position = MONTHS.iter().position(|m| lower.starts_with(m))?;
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][position];
    // "Sept" and the three-letter forms are abbreviations; anything else must be the full name.
    (lower == full || lower.len() == 3 || lower == "sept").then_some(position as u8 + 1)
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ft", "jr", "sr", "gen", "col", "lt", "sgt",
    "capt", "gov", "sen", "rep", "rev", "hon", "pres", "no", "nos", "vol", "vols", "pp", "p",
    "fig", "inc", "ltd", "co", "corp", "vs", "etc", "approx", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "cf", "al",
];

/// Split a paragraph into sentences at `.`, `!` or `?` followed by a space and a capital, digit
/// or quote, except after abbreviations ("Sept.", "Dr.") and dotted initials ("U.S.", "J.").
pub fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &(pos, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they end.
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
            j += 1;
        }
        let Some(&(_, next)) = chars.get(j) else {
            continue;
        };
        if !next.is_whitespace() {
            continue;
        }
        let following = chars[j..]
            .iter()
            .map(|&(_, c)| c)
            .find(|c| !c.is_whitespace());
        if !following.is_some_and(|f| {
            f.is_uppercase() || f.is_ascii_digit() || matches!(f, '"' | '“' | '‘' | '\'' | '(')
        }) {
            continue;
        }
        if c == '.'
            && is_abbreviation(&text[start..pos])
            && !(is_initials(&text[start..pos]) && opens_sentence(&text[chars[j].0..]))
        {
            continue;
        }
        let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
        push_sentence(&mut out, &text[start..end]);
        start = end;
    }
    push_sentence(&mut out, &text[start..]);
    out
}

fn push_sentence(out: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
}

/// Words that only open a sentence, never follow an initial inside a name: after "4 a.m." or
/// "the U.S." they start a new sentence ("arrived at 4 a.m. She picked up ...").
const SENTENCE_OPENERS: &[&str] = &[
    "The", "It", "Its", "He", "His", "She", "Her", "They", "Their", "This", "These", "There", "In",
    "On", "At", "By", "After", "Before", "When", "During", "A", "An",
];

/// Whether the text (after a full stop) opens with a word that only opens a sentence.
fn opens_sentence(rest: &str) -> bool {
    rest.split_whitespace()
        .next()
        .is_some_and(|w| SENTENCE_OPENERS.contains(&w.trim_end_matches([',', ';'])))
}

/// Whether the abbreviation just before a full stop is initials ("a.m", "U.S", "C"), not a
/// listed word ("Dr", "Gen", "Sept"), which a name or a number always follows. (Called only
/// on what [`is_abbreviation`] accepts.)
fn is_initials(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    !ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Whether the word just before a full stop is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // "U.S" (the final stop is the one being tested) and single initials like "J".
    dotted_letters(word)
}

/// Whether a word is single letters joined by full stops ("U.S", "S.p.A", "J"), its last
/// stop left off.
pub fn dotted_letters(word: &str) -> bool {
    word.split('.')
        .all(|l| l.chars().count() == 1 && l.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_glosses_in_brackets_are_left_out() {
        let (_, paragraphs) = paragraphs(
            "Varn League\n\nThe Varn League (Brillish: Varnbund; Old Tull: Varna Liga) is a pact (1901).",
        );
        assert_eq!(
            paragraphs[0].sentences,
            vec!["The Varn League is a pact (1901)."]
        );
    }

    #[test]
    fn sentences_split_at_full_stops_before_capitals() {
        assert_eq!(
            sentences("The probe launched. It flew for years! Did it land? Yes."),
            vec![
                "The probe launched.",
                "It flew for years!",
                "Did it land?",
                "Yes."
            ]
        );
    }

    #[test]
    fn dotted_letters_end_a_sentence_before_its_opener() {
        assert_eq!(
            sentences(
                "It arrived at 4 a.m. She took 710 survivors. The U.S. Senate met. J. R. Hale left."
            ),
            vec![
                "It arrived at 4 a.m.",
                "She took 710 survivors.",
                "The U.S. Senate met.",
                "J. R. Hale left."
            ]
        );
        assert_eq!(sentences("Dr. He Wei spoke.").len(), 1);
        assert_eq!(
            sentences("It is rich in vitamin C. The juice is sour."),
            vec!["It is rich in vitamin C.", "The juice is sour."]
        );
        assert_eq!(sentences("Gen. The").len(), 1);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("On Sept. 4 Dr. Vega spoke in the U.S. Senate. Then she left."),
            vec![
                "On Sept. 4 Dr. Vega spoke in the U.S. Senate.",
                "Then she left."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He called it “the long night.” Nobody agreed."),
            vec!["He called it “the long night.”", "Nobody agreed."]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_do_not_split() {
        assert_eq!(
            sentences("It weighs 4.5 kg. approx. and more."),
            vec!["It weighs 4.5 kg. approx. and more."]
        );
    }

    #[test]
    fn furniture_lines_are_recognised() {
        assert!(is_furniture(
            "Home About Us Contact Subscribe Archive Login"
        ));
        assert!(is_furniture("Chapter Two: The Long Voyage"));
        assert!(is_furniture("© 2021 Example Press. All rights reserved."));
        assert!(is_furniture("알림이 없습니다."));
        assert!(!is_furniture(
            "The lighthouse was built on the northern cape in 1874."
        ));
    }

    #[test]
    fn paragraphs_skip_furniture_and_number_prose() {
        let text = "The Harbour Lights of Norvale > Features\n\nMenu Search Login\n\nBy Ada Brook\n\n\
                    The lighthouse stands on the cape. It is white.\n\nA Heading Here\n\n\
                    Keepers lived there until 1950.\nPublished: Mar 3, 2020\n";
        let (header, paragraphs) = paragraphs(text);
        assert_eq!(
            header,
            Header {
                title: Some("The Harbour Lights of Norvale".into()),
                author: Some("Ada Brook".into()),
                date: Some("2020-03-03".into())
            }
        );
        assert_eq!(
            paragraphs,
            vec![
                Paragraph {
                    number: 1,
                    sentences: vec![
                        "The lighthouse stands on the cape.".into(),
                        "It is white.".into()
                    ]
                },
                Paragraph {
                    number: 2,
                    sentences: vec!["Keepers lived there until 1950.".into()]
                },
            ]
        );
    }

    #[test]
    fn a_short_name_opening_the_text_is_its_title() {
        for title in ["Mara Quell", "Kessport", "Lake Varn-Orrin"] {
            let (header, _) =
                super::paragraphs(&format!("{title}\n\nThe keeper lit the lamp. It burned.\n"));
            assert_eq!(header.title.as_deref(), Some(title));
        }
        // Only the text's first line, and only a name: not a short heading further down, nor
        // a line with a figure.
        for text in [
            "The keeper lit the lamp. It burned.\n\nMara Quell\n\nShe left.\n",
            "Varn 1887\n\nThe keeper lit the lamp.\n",
        ] {
            let (header, _) = super::paragraphs(text);
            assert_eq!(header.title, None, "{text}");
        }
    }

    #[test]
    fn markdown_headings_links_and_emphasis_read_as_plain_text() {
        let (header, paragraphs) = super::paragraphs(
            "# The Harbour Pilots of Kiel\n\nThe pilots used **three** boats, named after [rivers](https://example.org/r).\n\n> They kept a `log` of *every* crossing.\n",
        );
        assert_eq!(header.title.as_deref(), Some("The Harbour Pilots of Kiel"));
        assert_eq!(
            paragraphs
                .iter()
                .flat_map(|p| p.sentences.clone())
                .collect::<Vec<_>>(),
            [
                "The pilots used three boats, named after rivers.",
                "They kept a log of every crossing."
            ]
        );
    }

    #[test]
    fn list_items_are_sentences_and_a_lead_in_is_prose() {
        let (_, paragraphs) = super::paragraphs(
            "The treaty was signed in Paris in 1856. Its main terms were these:\n\n- the sea was declared neutral;\n- the river was opened to all ships.\n",
        );
        assert_eq!(
            paragraphs
                .iter()
                .flat_map(|p| p.sentences.clone())
                .collect::<Vec<_>>(),
            [
                "The treaty was signed in Paris in 1856.",
                "Its main terms were these:",
                "the sea was declared neutral.",
                "the river was opened to all ships."
            ]
        );
        let (_, paragraphs) = super::paragraphs(
            "- 1901: the guild opened. A lodge followed.\n- 1903: the lodge closed.\n",
        );
        assert_eq!(
            paragraphs[0].sentences,
            [
                "1901: the guild opened.",
                "A lodge followed.",
                "1903: the lodge closed."
            ]
        );
    }

    #[test]
    fn plain_text_passes_unchanged() {
        let line = "Rates rose 2*3 times (see note) in #5 of the # series.";
        assert!(matches!(plain(line), Cow::Borrowed(l) if l == line));
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("April"), Some(4));
        assert_eq!(month_number("Dec"), Some(12));
        assert_eq!(month_number("Marching"), None);
        assert_eq!(month_number("May"), Some(5));
    }

    #[test]
    fn only_the_first_line_of_the_first_block_may_be_a_short_title() {
        // The second line of the opening block is not the text's first line.
        let (header, _) =
            super::paragraphs("The keeper lit the lamp. It burned.\nMara Quell\n\nShe left.\n");
        assert_eq!(header.title, None);
        // Every word of a short title is capitalised; an apostrophe may join a name.
        let (header, _) = super::paragraphs("Kessport harbour\nThe keeper lit the lamp.\n");
        assert_eq!(header.title, None);
        // Standing alone, a short name may write a word small.
        let (header, _) = super::paragraphs("Kessport harbour\n\nThe keeper lit the lamp.\n");
        assert_eq!(header.title.as_deref(), Some("Kessport harbour"));
        let (header, _) = super::paragraphs("Kessport, harbour\n\nThe keeper lit the lamp.\n");
        assert_eq!(header.title, None);
        let (header, _) = super::paragraphs("Mara O'Quell\n\nThe keeper lit the lamp.\n");
        assert_eq!(header.title.as_deref(), Some("Mara O'Quell"));
    }
}

//! The splitting of one line of input into items, which list, order, choice and cloze answers
//! share: below them all, so that none of them depends on another for it.

use super::normalize::key;

const SEPARATORS: [char; 6] = [',', ';', '\n', '\r', '&', '/'];

/// How many neighbouring pieces may be glued back together to form one known answer.
const MAX_MERGE: usize = 4;

/// Splits input on commas, semicolons, new lines, "&", "/" and the word "and", then glues
/// neighbouring pieces back together when together they form an answer `known` recognises
/// (by key), so an item like "Trade and Investment" survives the split.
pub(crate) fn split_items(s: &str, known: impl Fn(&str) -> bool) -> Vec<String> {
    split_items_by(s, |text| known(&key(text)))
}

/// [`split_items`], with `fits` judging the glued text as written, so that it may forgive a
/// typo inside an item ("cultural and humanitarien ties").
pub(crate) fn split_items_by(s: &str, fits: impl Fn(&str) -> bool) -> Vec<String> {
    let pieces = cut(s);
    let mut items = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let last = (i + MAX_MERGE).min(pieces.len()) - 1;
        let end = (i + 1..=last)
            .rev()
            .find(|&j| fits(&s[pieces[i].0..pieces[j].1]))
            .unwrap_or(i);
        items.push(s[pieces[i].0..pieces[end].1].to_string());
        i = end + 1;
    }
    items
}

/// Byte ranges of the trimmed, non-empty pieces between separators.
fn cut(s: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let (mut start, mut i) = (0, 0);
    while let Some(c) = s[i..].chars().next() {
        let next = i + c.len_utf8();
        let separator_end = if SEPARATORS.contains(&c) {
            Some(next)
        } else if c.is_whitespace() {
            and_after(s, next)
        } else {
            None
        };
        match separator_end {
            Some(end) => {
                ranges.push((start, i));
                start = end;
                i = end;
            }
            None => i = next,
        }
    }
    ranges.push((start, s.len()));
    ranges
        .into_iter()
        .filter_map(|(a, b)| {
            let piece = &s[a..b];
            let trimmed = piece.trim_matches(|c: char| c.is_whitespace() || c.is_control());
            let lead = piece.len()
                - piece
                    .trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
                    .len();
            (!trimmed.is_empty()).then_some((a + lead, a + lead + trimmed.len()))
        })
        .collect()
}

/// The end of a word "and" starting at `at` and followed by a space, if there is one.
fn and_after(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    if !rest.get(..3)?.eq_ignore_ascii_case("and") {
        return None;
    }
    let after = rest[3..].chars().next()?;
    after.is_whitespace().then_some(at + 3 + after.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_every_separator() {
        let items = split_items("a, b;c\nd & e / f and g", |_| false);
        assert_eq!(items, ["a", "b", "c", "d", "e", "f", "g"]);
    }

    #[test]
    fn and_inside_a_word_does_not_split() {
        assert_eq!(
            split_items("Andorra, Rwanda andes", |_| false),
            ["Andorra", "Rwanda andes"]
        );
    }

    #[test]
    fn glues_pieces_that_form_a_known_answer() {
        let known = |k: &str| k == "tradeandinvestment";
        assert_eq!(
            split_items("Trade and Investment and Energy", known),
            ["Trade and Investment", "Energy"]
        );
    }

    #[test]
    fn drops_empty_pieces() {
        assert_eq!(split_items(" ,a,, ;\u{0}; b ,", |_| false), ["a", "b"]);
    }

    #[test]
    fn and_before_a_wide_space_splits_whole_words() {
        // A no-break space after "and" is two bytes: the next item starts after it.
        assert_eq!(split_items("x and\u{a0}yz", |_| false), ["x", "yz"]);
        assert_eq!(split_items("x AND\u{2003}yz", |_| false), ["x", "yz"]);
    }
}

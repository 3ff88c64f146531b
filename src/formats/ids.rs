//! Stable card ids for imported and drafted items. Progress is keyed on card ids, so an id must
//! come from the content (not from a position or a counter) to survive re-importing a file.

use std::collections::{HashMap, HashSet};

use sha1::{Digest, Sha1};
use unicode_normalization::UnicodeNormalization;

/// Lower-case ASCII words of `text` joined by '-', cut at a word boundary to at most `max` bytes.
/// Accents are dropped ("Café" -> "cafe"); text without Latin letters or digits gives "".
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(max.min(text.len()) + 1);
    let mut pending_dash = false;
    // Decomposition is only needed to strip accents; most text is plain ASCII.
    let chars: Box<dyn Iterator<Item = char>> = if text.is_ascii() {
        Box::new(text.chars())
    } else {
        Box::new(text.nfkd())
    };
    for c in chars {
        if out.len() > max {
            break;
        }
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else if !is_combining_mark(c) && c != '\'' && c != '\u{2019}' {
            pending_dash = true;
        }
    }
    if out.len() > max {
        let cut = out[..=max].rfind('-').unwrap_or(max);
        out.truncate(cut);
    }
    out
}

/// Marks left behind by decomposition ("é" -> "e" + U+0301) must not split a word.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}')
}

/// The first `len` hex digits of the SHA-1 of `text` (len <= 40).
pub fn short_hash(text: &str, len: usize) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha1::digest(text.as_bytes());
    let mut hex = String::with_capacity(len);
    for b in digest.iter().take(len.div_ceil(2)) {
        hex.push(HEX[usize::from(b >> 4)] as char);
        hex.push(HEX[usize::from(b & 0xf)] as char);
    }
    hex.truncate(len.min(40));
    hex
}

/// An id from content: a readable slug plus a short hash of the whole text, so two fronts that
/// slug alike ("C++?" and "C#?") still differ.
pub fn content_id(text: &str) -> String {
    let slug = slug(text, 40);
    let hash = short_hash(text, 6);
    if slug.is_empty() {
        format!("card-{hash}")
    } else {
        format!("{slug}-{hash}")
    }
}

/// Ids handed out so far; a repeated id gets "-2", "-3", ... in order of appearance.
///
/// Each base id remembers the next number to try, so 30,000 rows with one front take one
/// look each, not a count from 2 every time (which made such a file take over a minute).
/// The numbers are the same as counting from 2: every number below the remembered one is
/// taken, and ids are never given back.
#[derive(Debug, Default)]
pub struct IdSet {
    seen: HashSet<String>,
    next: HashMap<String, u64>,
}

impl IdSet {
    pub fn new() -> IdSet {
        IdSet::default()
    }

    /// Reserve an id that must keep its exact form (e.g. one read from a file).
    pub fn insert(&mut self, id: &str) -> bool {
        self.seen.insert(id.to_string())
    }

    pub fn unique(&mut self, base: String) -> String {
        if self.seen.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let candidate = format!("{base}-{n}");
            *n += 1;
            if self.seen.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// Keep only characters allowed in hand-written card ids (`[A-Za-z0-9._-]`).
pub fn sanitize(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_lowercases_and_joins_words() {
        assert_eq!(
            slug("What is the Sun's  core made of?", 40),
            "what-is-the-suns-core-made-of"
        );
    }

    #[test]
    fn slug_drops_accents() {
        assert_eq!(slug("Café Señor", 40), "cafe-senor");
    }

    #[test]
    fn slug_cuts_at_a_word_boundary() {
        assert_eq!(slug("alpha beta gamma", 12), "alpha-beta");
    }

    #[test]
    fn slug_of_non_latin_text_is_empty() {
        assert_eq!(slug("太阳系", 40), "");
    }

    #[test]
    fn content_id_is_slug_plus_hash() {
        assert_eq!(content_id("Sun"), format!("sun-{}", short_hash("Sun", 6)));
        assert_eq!(
            content_id("太阳"),
            format!("card-{}", short_hash("太阳", 6))
        );
    }

    #[test]
    fn short_hash_is_sha1_hex() {
        assert_eq!(short_hash("abc", 8), "a9993e36");
    }

    #[test]
    fn repeated_ids_get_numbered() {
        let mut ids = IdSet::new();
        assert_eq!(ids.unique("a".into()), "a");
        assert_eq!(ids.unique("a".into()), "a-2");
        assert_eq!(ids.unique("a".into()), "a-3");
    }

    #[test]
    fn numbers_skip_ids_already_taken_as_counting_from_two_would() {
        let mut ids = IdSet::new();
        assert!(ids.insert("a-3"));
        assert_eq!(ids.unique("a".into()), "a");
        assert_eq!(ids.unique("a".into()), "a-2");
        assert_eq!(ids.unique("a".into()), "a-4");
        assert_eq!(ids.unique("a-2".into()), "a-2-2");
        assert_eq!(ids.unique("a".into()), "a-5");
    }

    #[test]
    fn many_repeats_of_one_id_take_linear_time() {
        // Counting from 2 each time would try 450 million candidates here.
        let mut ids = IdSet::new();
        for i in 1..=30_000 {
            let id = ids.unique("same".into());
            if i > 1 {
                assert_eq!(id, format!("same-{i}"));
            }
        }
    }

    #[test]
    fn sanitize_replaces_other_characters() {
        assert_eq!(sanitize("q 1/b:c"), "q-1-b-c");
    }
}

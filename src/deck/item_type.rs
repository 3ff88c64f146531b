//! What the answers of facts are (countries, cities, forces, roles...), so that a choice
//! question draws its wrong options only from answers of the same type: countries with
//! countries, people's roles with roles.
//!
//! A type is declared (`item_kind` on a list fact, `place_kind` on a place fact) or inferred:
//! from a small gazetteer when every item is a known country, city, planet or continent, and
//! otherwise from the head noun of the list's name ("the three evil forces" holds forces).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::deck::text::normalise;
use crate::wording::plural::singular;

/// The gazetteer: every known name with its types, read once from `gazetteer.txt` (a table
/// kept as data: one line per type, names separated by commas, continued on indented lines).
static GAZETTEER: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    let mut ty = "";
    for line in include_str!("gazetteer.txt").lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let names = if line.starts_with(char::is_whitespace) {
            line
        } else {
            let Some((t, rest)) = line.split_once(':') else {
                continue;
            };
            ty = t.trim();
            rest
        };
        for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            map.entry(name).or_default().push(ty);
        }
    }
    map
});

/// Every type the gazetteer knows `text` as ("Australia" is a country and a continent).
pub fn known_types(text: &str) -> &'static [&'static str] {
    // Names in the table hold no commas ("washington d.c.").
    let key = normalise(text).replace(',', "");
    // "The Hague" keeps its article in the table; "the United States" does not.
    let found = GAZETTEER
        .get(key.as_str())
        .or_else(|| GAZETTEER.get(key.strip_prefix("the ")?));
    found.map_or(&[], Vec::as_slice)
}

/// The type the gazetteer knows `text` as first ("country", "city", "planet", "continent").
pub fn known_type(text: &str) -> Option<&'static str> {
    known_types(text).first().copied()
}

/// The type every one of `texts` has in the gazetteer, if they share one.
pub fn shared_type<'a>(mut texts: impl Iterator<Item = &'a str>) -> Option<&'static str> {
    let first = known_type(texts.next()?)?;
    texts.all(|t| known_type(t) == Some(first)).then_some(first)
}

/// A declared kind as a type: lower case, singular ("Countries" -> "country").
pub fn declared(kind: &str) -> String {
    let n = normalise(kind);
    let mut words: Vec<&str> = n.split(' ').collect();
    let last = words.pop().map(singular).unwrap_or_default();
    let mut out = words.join(" ");
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(&last);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gazetteer_knows_countries_cities_and_planets() {
        assert_eq!(known_type("Kazakhstan"), Some("country"));
        assert_eq!(known_type("the United States"), Some("country"));
        assert_eq!(known_type(" Sri  Lanka"), Some("country"));
        assert_eq!(known_type("Tashkent"), Some("city"));
        assert_eq!(known_type("The Hague"), Some("city"));
        assert_eq!(known_type("Jupiter"), Some("planet"));
        assert_eq!(known_type("Asia"), Some("continent"));
        assert_eq!(known_type("extremism"), None);
        assert_eq!(known_types("Australia"), ["country", "continent"]);
        assert_eq!(known_types("Washington, D.C."), ["city"]);
    }

    #[test]
    fn a_shared_type_needs_every_text() {
        let countries = ["China", "Russia", "India"];
        assert_eq!(shared_type(countries.into_iter()), Some("country"));
        let mixed = ["China", "Tashkent"];
        assert_eq!(shared_type(mixed.into_iter()), None);
        let unknown = ["China", "separatism"];
        assert_eq!(shared_type(unknown.into_iter()), None);
        assert_eq!(shared_type(std::iter::empty()), None);
    }

    #[test]
    fn declared_kinds_are_singular_and_lower_case() {
        assert_eq!(declared("Countries"), "country");
        assert_eq!(declared("member states"), "member state");
        assert_eq!(declared("city"), "city");
    }
}

//! The starter deck `recall new` writes: a small, valid deck about the solar system that shows
//! every card kind and every fact kind, with a comment on each key, so an instructor can learn the
//! format by editing a working file.

/// A commented starter deck in recall's TOML format (version 1).
pub const STARTER: &str = r##"# A recall deck. Edit it, then run `recall check` on this file to see any mistakes.
# Lines starting with '#' are comments. The full format is described in recall's README.

format = 1                     # the deck format version; recall refuses versions it does not know
id = "solar-system"            # stable id (a-z, 0-9, - _ .): your progress is kept under it, so
                               # keep it when you rename the title
title = "The Solar System"     # shown in menus and reports
description = "Planets, moons and a few numbers worth knowing."
author = "Your Name"
tags = ["astronomy"]           # added to every card of this deck
seed = 1                       # optional: changes which distractors and option orders are drawn

[source]                       # optional: where the material comes from
title = "Notes on the Solar System"
author = "Your Name"
date = "2024-09"               # YYYY, YYYY-MM or YYYY-MM-DD
# publication = "A journal or a book"
# url = "https://example.org/notes"

[settings]                     # all optional; your config file and command-line flags win
new_per_day = 10               # new cards introduced per day
reviews_per_day = 100          # most reviews shown per day
learning_steps = ["1m", "10m"] # steps before a new card graduates (s, m, h, d); [] = none
relearning_steps = ["10m"]     # steps after a forgotten card
desired_retention = 0.9        # how likely you want to be to remember a card when it is due
# day_start_hour = 4           # a study day starts at this hour
# leech_threshold = 8          # lapses before a card is flagged as a leech
# maximum_interval = 36500     # longest gap between reviews, in days
# exam = "2025-06-01"          # reviews are planned so cards are fresh on this date
# parameters = []              # FSRS parameters; empty means the defaults

# ---------------------------------------------------------------------------------------------
# Cards: each [[card]] is one question. Every card has an `id` (unique in the deck, no '/'),
# a `kind`, and may have `tags`, `explain` (shown after answering) and `source`.
# ---------------------------------------------------------------------------------------------

[[card]]
id = "sun-star"
kind = "basic"                 # shown, then revealed; you grade yourself
front = "What kind of object is the Sun?"
back = "A star: a ball of hot plasma powered by nuclear fusion."
tags = ["sun"]                 # this card's own tags, besides the deck's
source = "chapter 1"           # where the fact comes from

[[card]]
id = "red-planet"
kind = "typed"                 # you type the answer; recall checks it
prompt = "Which planet is called the Red Planet?"
answer = "Mars"                # the canonical answer
accept = ["planet Mars"]       # other answers counted as right

[[card]]
id = "largest-planet"
kind = "choice"                # options shown numbered
prompt = "Which is the largest planet?"
correct = "Jupiter"            # one right option, or a list of several
wrong = ["Saturn", "Neptune", "Earth"]   # distractors
explain = "Jupiter has more than twice the mass of all the other planets together."

[[card]]
id = "gas-giants"
kind = "choice"
prompt = "Which of these are gas giants?"
correct = ["Jupiter", "Saturn"]          # several right options: all must be chosen
wrong = ["Mars", "Venus"]

[[card]]
id = "pluto-planet"
kind = "truefalse"             # true or false
prompt = "Pluto is counted as one of the eight planets."
answer = false
explain = "Since 2006 Pluto is classed as a dwarf planet."

[[card]]
id = "light-minutes"
kind = "number"                # a quantity
prompt = "About how many minutes does sunlight take to reach Earth?"
answer = 8.3
tolerance = 0.5                # answers within 8.3 ± 0.5 count
unit = "minutes"

[[card]]
id = "moon-landing"
kind = "year"                  # a year
prompt = "In which year did people first walk on the Moon?"
answer = 1969
tolerance = 0                  # years either side that still count

[[card]]
id = "inner-planets"
kind = "list"                  # name every item
prompt = "Name the four inner (rocky) planets."
items = ["Mercury", "Venus", ["Earth", "the Earth"], "Mars"]   # a list gives alternatives
ordered = false                # true: the items must come in this order

[[card]]
id = "planet-order"
kind = "order"                 # put the items in sequence (shown shuffled)
prompt = "Order these planets by distance from the Sun, nearest first."
items = ["Venus", "Earth", "Jupiter", "Neptune"]   # written in the right order

[[card]]
id = "saturn-moon"
kind = "cloze"                 # fill in the blanks
prompt = "Complete the sentence."        # optional instruction
text = "Saturn's largest moon, {{Titan}}, has a thick atmosphere of {{nitrogen|N2}}."
# blanks are {{answer}} or {{answer|alternative|...}}

[[card]]
id = "moons"
kind = "match"                 # match each left item with its right item (right side shuffled)
prompt = "Match each moon with its planet."
pairs = [["Phobos", "Mars"], ["Europa", "Jupiter"], ["Triton", "Neptune"]]

# ---------------------------------------------------------------------------------------------
# Facts: write a fact once and recall asks about it in several ways. Card ids are
# FACT-ID/FORM (e.g. "voyager-launch/year"), so keep fact ids stable too. Write each phrase as
# it would read inside a sentence ("the launch of Voyager 1", not "Voyager 1 launch."): recall
# builds its questions from it ("In what year was Voyager 1 launched?").
# Choice questions draw their wrong options from other facts' answers of the same kind (planets
# with planets, people's roles with roles) and need at least two of them; where the deck has
# too few, `wrong` adds some.
# ---------------------------------------------------------------------------------------------

[[fact]]
id = "voyager-launch"
kind = "event"                 # something that happened at a date
what = "the launch of Voyager 1"         # a noun phrase ("the signing of ...", "the Battle of ...")
date = "1977-09-05"            # YYYY, YYYY-MM or YYYY-MM-DD
place = "Cape Canaveral"       # optional

[[fact]]
id = "hubble-launch"
kind = "event"
what = "the Hubble Space Telescope"
verb = "launched"              # optional: what happened to it, when `what` does not say
date = "1990-04"

[[fact]]
id = "neptune-discovery"
kind = "event"
what = "the discovery of Neptune"
date = "1846-09-23"

[[fact]]
id = "great-red-spot"
kind = "place"                 # where something is
subject = "the Great Red Spot"
place = "Jupiter"
accept = ["planet Jupiter"]    # other answers counted as right
relation = "location"          # how it is there: location, headquarters (default), seat, venue...
place_kind = "planet"          # optional: asks "On which planet ...?" and draws planets only
wrong = { which = ["the Caloris Basin", "the Hellas Planitia"] }   # optional: extra wrong options
# since = "1830"               # optional: since when
# previously = ["..."]         # optional: where it was before

[[fact]]
id = "olympus-mons"
kind = "place"
subject = "Olympus Mons"
place = "Mars"
relation = "location"
place_kind = "planet"
wrong = { which = ["the Caloris Basin", "the Hellas Planitia"] }
apart = ["red-planet"]         # optional: never on the same study day as these (both answer Mars)

[[fact]]
id = "first-astronaut"
kind = "person"                # a person and a role they held
name = "Yuri Gagarin"
accept = ["Gagarin"]
role = "the first person in space"
since = "1961-04-12"           # optional: since when
# current = true               # optional: the person still holds the role ("Who is ...?")
wrong = { role = ["the first person to walk on the Moon", "the first woman in space"] }

[[fact]]
id = "outer-planets"
kind = "list"                  # a named list
name = "the four outer planets"
items = ["Jupiter", "Saturn", "Uranus", "Neptune"]
ordered = true                 # here, by distance from the Sun
item_kind = "planet"           # optional: what the items are; wrong options are of this kind
wrong = { member = ["Mercury", "Venus", "Mars"] }

[[fact]]
id = "earth-moon-distance"
kind = "number"                # a quantity with a unit
quantity = "the average distance from Earth to the Moon"
value = 384400
unit = "km"
tolerance = 5000               # answers within this margin count

[[fact]]
id = "au"
kind = "term"                  # a term (or acronym) and what it means
term = "astronomical unit"
accept = ["AU", "au"]
definition = "the mean distance between the Earth and the Sun, about 150 million km"
wrong = { define = ["the distance light travels in a year", "the radius of the Earth's orbit around the Moon"] }
ask = { name = "Which unit of length equals the mean distance between the Earth and the Sun?" }  # optional: your own wording
explain = "Distances between planets are often given in AU."
"##;

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(key: &str) -> Vec<toml::Table> {
        let doc: toml::Table = STARTER.parse().expect("the starter deck is valid TOML");
        doc[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_table().unwrap().clone())
            .collect()
    }

    fn kinds(key: &str) -> Vec<String> {
        let mut kinds: Vec<String> = tables(key)
            .iter()
            .map(|t| t["kind"].as_str().unwrap().to_string())
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }

    #[test]
    fn starter_shows_every_card_kind() {
        let expected = [
            "basic",
            "choice",
            "cloze",
            "list",
            "match",
            "number",
            "order",
            "truefalse",
            "typed",
            "year",
        ];
        assert_eq!(kinds("card"), expected);
    }

    #[test]
    fn starter_shows_every_fact_kind() {
        assert_eq!(
            kinds("fact"),
            ["event", "list", "number", "person", "place", "term"]
        );
    }

    #[test]
    fn starter_ids_are_unique_and_have_no_slash() {
        let mut ids: Vec<String> = tables("card")
            .iter()
            .chain(tables("fact").iter())
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect();
        assert!(ids.iter().all(|id| !id.contains('/')));
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count);
    }

    #[test]
    fn starter_declares_format_one() {
        let doc: toml::Table = STARTER.parse().unwrap();
        assert_eq!(doc["format"].as_integer(), Some(1));
        assert_eq!(doc["id"].as_str(), Some("solar-system"));
    }
}

//! Where things are: headquarters ("Its headquarters is in Jakarta", "X, based in Delft"),
//! capitals ("Its capital, Reykjavík,", "Y, the capital of X"), locations ("X lies in P", "X
//! was set up in P in 2004", "the Laboratory in Peoria") and moves ("X moved its headquarters
//! from A to B in 2004").

use crate::deck::{Answer, FactKind};
use crate::draft::context::looks_like_person;
use crate::draft::rules::{Hit, Rule};

fn place(
    hit: &Hit,
    subject: String,
    relation: &str,
    place_group: &str,
    since: bool,
) -> Option<FactKind> {
    // "a showroom was opened in Älmhult": a place of something unnamed says little.
    if subject.starts_with("a ") || subject.starts_with("an ") {
        return None;
    }
    let slot = hit.slot(place_group)?;
    let place = slot.bare().to_string();
    if hit.context.article.is_person(&place) || subject.eq_ignore_ascii_case(&place) {
        return None;
    }
    // A question never shows its answer: "the Bangkok office" is not asked to be in Bangkok.
    if subject.contains(place.as_str()) {
        return None;
    }
    Some(FactKind::Place {
        subject: subject.into(),
        relation: relation.into(),
        place: Answer::plain(place),
        since: if since { hit.event_date("p") } else { None },
        previously: Vec::new(),
    })
}

fn headquarters(hit: &Hit) -> Option<FactKind> {
    // "it created RATS, with its headquarters in Bishkek": the last thing named.
    let subject = match hit.raw("s") {
        Some("its" | "Its" | "their" | "Their") => match hit.last_thing_before("s") {
            Some(thing) => thing,
            None => hit.name("s")?,
        },
        // "The agency's headquarters": only when "the agency" is the article's subject.
        Some(s) if !s.contains('«') && hit.raw("ap").is_none() => match hit.context.resolve(s)? {
            (name, Some(_)) => name,
            (_, None) => return None,
        },
        _ => hit.name("s")?,
    };
    place(hit, subject, "headquarters", "p", false)
}

/// "X is an independent humanitarian organisation based in Geneva": the place is the
/// subject's when "based" follows the description's own head noun, or a comma closes the
/// description ("a maker of cars, based in Maranello"); not "a maker of ships that are based
/// in P", nor "the owner of fleets and of ships based in P".
fn described_headquarters(hit: &Hit) -> Option<FactKind> {
    let described = hit.raw("d").unwrap_or_default();
    if described.split(' ').any(|w| {
        matches!(
            w,
            "that" | "which" | "who" | "whose" | "are" | "were" | "is"
        )
    }) {
        return None;
    }
    let head = hit.raw("h")?;
    if hit.raw("c").is_none() && !crate::draft::context::is_thing_noun(head) {
        return None;
    }
    headquarters(hit)
}

fn capital(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    place(hit, subject, "capital", "p", false)
}

/// "she was buried beside him in the Church of St Mary Magdalene": where the grave is.
fn buried(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    place(
        hit,
        format!("the grave of {subject}"),
        "location",
        "p",
        false,
    )
}

fn location(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    // A river "rises" at its source (see `source`), not where it is.
    if hit.raw("v") == Some("rises") && is_the_river(hit, &subject) {
        return None;
    }
    let words: Vec<&str> = subject.split_whitespace().collect();
    // "The lowest lies in ...": an adjective standing for a noun said before.
    if let [the, adjective] = words.as_slice()
        && the.eq_ignore_ascii_case("the")
        && (crate::draft::rules::is_superlative(adjective)
            || matches!(*adjective, "first" | "last" | "other"))
    {
        return None;
    }
    // "The river's ultimate source lies high in the Peruvian Andes": where its source is.
    if let Some((owner, thing)) = subject.split_once("'s ")
        && thing.split(' ').next_back() == Some("source")
        && thing.split(' ').count() <= 2
    {
        let (river, _) = hit.context.resolve(owner)?;
        return source_of(hit, &river);
    }
    place(hit, subject, "location", "p", false)
}

/// Whether a name is the article's subject and the article calls it a river.
fn is_the_river(hit: &Hit, name: &str) -> bool {
    let article = &hit.context.article;
    article
        .subject
        .as_deref()
        .is_some_and(|s| s.trim_start_matches("the ") == name.trim_start_matches("the "))
        && article.class_nouns.iter().any(|c| c == "river")
}

/// "The river begins in the canton of Graubünden": where the article's river rises, asked as
/// where its source is.
fn source(hit: &Hit) -> Option<FactKind> {
    source_of(hit, &hit.name("s")?)
}

/// Where the source of the article's river is, when `river` is that river.
fn source_of(hit: &Hit, river: &str) -> Option<FactKind> {
    river_part(hit, river, "source")
}

/// Where a part of the article's river is ("the source", "the mouth"), when `river` is that
/// river.
fn river_part(hit: &Hit, river: &str, part: &str) -> Option<FactKind> {
    if !is_the_river(hit, river) {
        return None;
    }
    let subject = format!("the {part} of {}", crate::draft::rules::definite(river));
    place(hit, subject, "location", "p", false)
}

/// "it flows east before emptying into the Caspian Sea": where the article's river ends.
fn mouth(hit: &Hit) -> Option<FactKind> {
    river_part(hit, &hit.name("s")?, "mouth")
}

/// Nouns for things that have a place ("a lake", "a town", "a museum").
#[rustfmt::skip]
const PLACED: &[&str] = &[
    "lake", "river", "mountain", "volcano", "island", "country", "state", "city", "town",
    "village", "region", "province", "peninsula", "desert", "sea", "bay", "canal", "bridge",
    "tunnel", "museum", "park", "palace", "castle", "cathedral", "monument", "site", "valley",
    "plateau", "archipelago", "kingdom", "republic", "port", "capital", "forest", "glacier",
    "waterfall", "reserve", "range", "massif", "strait", "gulf", "delta", "basin", "suburb",
    "district", "county", "quarter", "oblast", "prefecture", "coast", "shore", "harbour",
    "square", "tower", "church", "temple", "mosque", "abbey", "fortress", "fort", "wall",
    "stadium", "dam", "lighthouse", "statue", "airport", "station", "building", "skyscraper",
    "reef", "cave", "crater", "oasis", "wetland",
];

/// "Lake Tarn is a freshwater lake in southern Norland": where the thing is. Not a person
/// ("a painter in Varn"), and only a thing with a place ("a lake", "a country", "a town").
fn kind_in(hit: &Hit) -> Option<FactKind> {
    let kind = hit.raw("kind")?;
    if !kind
        .split_whitespace()
        .last()
        .is_some_and(|head| PLACED.contains(&head))
    {
        return None;
    }
    let subject = hit.context.name(&hit.slot("s")?.text);
    if looks_like_person(&subject) {
        return None;
    }
    place(hit, subject, "location", "p", false)
}

fn set_up_in(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    place(hit, subject, "location", "p", true)
}

/// "Mara Quell was born in Kessport": a person's birthplace.
fn born_in(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    // "She was born in Kessport in 1820": the birth, an event with its place, says it.
    let after = &hit.clause[hit.caps.name("p")?.end()..];
    let dated = [" in «D", " on «D"].iter().any(|d| after.starts_with(d));
    if !hit.context.article.is_person(&subject) || dated {
        return None;
    }
    place(hit, subject, "birthplace", "p", false)
}

fn institution_in(hit: &Hit) -> Option<FactKind> {
    let slot = hit.slot("s")?;
    let head = slot.bare().split_whitespace().last()?;
    if !INSTITUTIONS.contains(&head)
        && !slot
            .bare()
            .split_whitespace()
            .any(|w| INSTITUTIONS.contains(&w))
    {
        return None;
    }
    place(hit, hit.context.name(&slot.text), "location", "p", false)
}

fn moved(hit: &Hit) -> Option<FactKind> {
    let subject = hit.name("s")?;
    let mut fact = place(hit, subject, "headquarters", "p", false)?;
    if let FactKind::Place {
        since, previously, ..
    } = &mut fact
    {
        *since = hit.event_date("p");
        if let Some(from) = hit.slot("f") {
            previously.push(from.bare().into());
        }
    }
    Some(fact)
}

/// Words naming an institution or building that has a location.
#[rustfmt::skip]
const INSTITUTIONS: &[&str] = &[
    "Laboratory", "Hospital", "Church", "University", "School", "College", "Institute",
    "Museum", "Library", "Observatory", "Cathedral", "Abbey", "Palace", "Castle", "Station",
    "Secretariat", "Headquarters", "Centre", "Center", "Academy", "Factory", "Works",
];

pub static RULES: &[Rule] = &[
    Rule {
        name: "X was buried in P",
        pattern: r"(?P<s>{S}) (?:was|were|is|lies) buried (?:[a-z]+ ){0,3}?(?:in|at) (?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.7,
        build: buried,
        must: &["Mara Quell died in 1852. She was buried beside her father in Varn."],
        must_not: &["Mara Quell died in 1852. She was buried with honours."],
    },
    Rule {
        name: "its headquarters is in P",
        pattern: r"(?P<s>(?:[Tt]he )?«E\d+»|[Ii]ts|[Tt]heir|[Tt]he [a-z]+)(?:'s)? headquarters (?:(?:is|are|was|were|has been|have been) )?(?:[a-z]+ly |still |now |also )?(?:located |based )?(?:in|at) (?:«E\d+»'s capital,? )?(?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.9,
        build: headquarters,
        must: &[
            "The Harbour League was set up in 1901. Its headquarters is in Varn.",
            "The Harbour League's headquarters are in Varn.",
            "The Harbour League is a trade body. The organisation's headquarters are in Varn.",
            "The Harbour League is a trade body. Its headquarters are still in Varn.",
        ],
        must_not: &[
            "Its headquarters is in a tall building.",
            "The Harbour League is a body. The town's headquarters are in Varn.",
        ],
    },
    Rule {
        name: "X is headquartered in P",
        pattern: r"(?P<s>(?:[Tt]he )?«E\d+»|[Ii]t|[Tt]he [a-z]+) (?:is|are|was|were|has been|had been) (?:[a-z]+ly |still |now )?headquartered in (?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.8,
        build: headquarters,
        must: &[
            "The Harbour League is a body of ports. It is headquartered in Varn.",
            "The Harbour League is a body of ports. The league is headquartered in Varn.",
        ],
        must_not: &["The Harbour League is a body. The town is headquartered in Varn."],
    },
    Rule {
        name: "X has had its seat in P",
        pattern: r"(?P<s>{S})(?:, (?P<ap>(?:the )?«E\d+»),)? (?:[^;,]*? and )?(?:has|had|have|keeps|kept) (?:had |kept )?(?:its|their) (?:seat|headquarters|head office) (?:[a-z]+ly )?(?:in|at) (?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.85,
        build: seat,
        must: &[
            "Its heir, the Harbour League, was created in 1948 and has had its seat in Varn since 1954.",
        ],
        must_not: &["The Harbour League has had its seat on the board since 1954."],
    },
    Rule {
        name: "P, where X has its headquarters",
        pattern: r"(?P<p>(?:the )?«E\d+»), where (?P<s>{S}) (?:[a-z]+ )?(?:has|had|have|keeps|kept) (?:had )?(?:its|their) (?:seat|headquarters|head office)",
        whole: true,
        confidence: 0.8,
        build: seat,
        must: &["Varn, where the Harbour League still has its headquarters, has grown."],
        must_not: &["Varn, where the Harbour League still has its friends, has grown."],
    },
    Rule {
        name: "X, founded in Y and based in P",
        pattern: r"(?P<s>(?:the )?«E\d+»), (?:founded|established|created|set up) in «D\d+» and (?:based|headquartered) in (?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.75,
        build: headquarters,
        must: &["Its keeper is the Harbour League, founded in 1998 and based in Varn."],
        must_not: &["Its keeper is the Harbour League, founded in 1998 and based on trust."],
    },
    Rule {
        name: "X is headquartered / based in P",
        pattern: r"(?P<s>(?:the )?«E\d+»(?: \(«E\d+»\))?)(?:, (?:the|an?) [^,;«]{3,60}, (?:is|was|are|were) |,? (?:(?:is|was|are|were) )?)(?:headquartered|based) in (?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.9,
        build: headquarters,
        must: &[
            "The league's archive moved when Tull Shipping, based in Varn, bought it.",
            "Tull Shipping International, the body that coordinates its work, is based in Varn.",
        ],
        must_not: &["Tull Shipping is based on trust."],
    },
    Rule {
        name: "X is a thing based in P",
        pattern: r"(?P<s>(?:[Tt]he )?«E\d+»(?: \(«E\d+»\))?|[Ii]t)(?: is| was|,) (?:an?|the) (?P<d>(?:(?:[A-Za-z\-]+|«E\d+»)(?:,|,? and)? ){0,7}?)(?P<h>[a-z\-]+)(?P<c>,)? (?:headquartered|based) in (?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.85,
        build: described_headquarters,
        must: &[
            "The Harbour League is an independent trade organisation based in Varn.",
            "Tull Shipping is a Brill maker of ships and engines, based in Varn, a small port.",
            "Tull Shipping is an Italian maker of ships, based in Varn.",
            "The games are run by the Harbour League (HL), a body based in Varn, Brill.",
        ],
        must_not: &[
            "Tull Shipping is a maker of ships that are based in Varn.",
            "Tull Shipping is the owner of several fleets and of ships based in Varn.",
            "Tull Shipping is a maker of engines based on steam.",
        ],
    },
    Rule {
        name: "Headquartered in P, X is",
        pattern: r"^(?:Headquartered|Based) in (?P<p>(?:the )?«E\d+»)(?:,? (?:in )?(?:the )?«E\d+»)?(?:, (?:an?|the) [^,;«]*(?:«E\d+»[^,;«]*)?)?, (?P<s>(?:[Tt]he )?«E\d+»|it|the [a-z]+) (?:is|was|has|had|employs|employed|makes|made|sells|sold|runs|ran|[a-z]+s) ",
        whole: false,
        confidence: 0.8,
        build: headquarters,
        must: &[
            "Headquartered in Varn, a small town in Brill, Tull Shipping is the largest yard in the north.",
            "The Harbour League is a trade body. Based in Varn, it employs 300 people.",
        ],
        must_not: &["Born in Varn, Mara Quell is a painter."],
    },
    Rule {
        name: "X moved its headquarters (from A) to B",
        pattern: r"(?P<s>{S}) (?:[^;]*? )?moved its headquarters (?:from (?:the )?(?P<f>«E\d+») )?to (?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.8,
        build: moved,
        must: &["The Harbour League moved its headquarters from Varn to Tull in 1921."],
        must_not: &["The Harbour League moved its archive to Tull in 1921."],
    },
    Rule {
        name: "X's capital, P / the capital of X is P",
        pattern: r"(?P<s>(?:[Tt]he )?«E\d+»|[Ii]ts)(?:'s)? capital(?:,| is| was) (?P<p>(?:the )?«E\d+»)|(?P<p2>«E\d+»), the capital of (?P<s2>«E\d+»)",
        whole: false,
        confidence: 0.45,
        build: capital_any,
        must: &[
            "Brill lies on the coast. Its capital, Varn, is a port.",
            "The envoys met in Varn, the capital of Brill, in 1920.",
        ],
        must_not: &["Its capital was moved inland."],
    },
    Rule {
        name: "X lies / is located in P",
        pattern: r"(?P<s>{S}) (?P<v>lies|lay|is located|was located|is situated|was situated|rises|stands) (?:[a-z\-]+ ){0,2}in (?:[a-z\-]+ )?(?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.85,
        build: location,
        must: &[
            "Mount Tull rises in north-eastern Brill, close to the coast.",
            "The Orrin is a river of the north. The river's ultimate source lies high in the Varn Hills.",
            "The forest lies in northern Brill.",
        ],
        must_not: &[
            "Mount Tull rises in the morning mist.",
            "The highest point is Mount Tull. The lowest lies in Varn's Deep Basin, below the sea.",
            "The Orrin is a river of the north. Mara Quell's source lies in the Varn Hills.",
        ],
    },
    Rule {
        name: "the river rises in P",
        pattern: r"(?P<s>{S}) (?:rises|begins|starts|springs|has its source) (?:[a-z\-]+ ){0,2}(?:in|at) (?:the (?:[a-z\-]+ )+of )?(?:[a-z\-]+ )?(?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.8,
        build: source,
        must: &[
            "The Orrin is a river of the north. The river begins in the canton of Varnland, as two streams.",
            "The Orrin is a river of the north. It rises in Varnland, near the coast.",
            "The Orrin is a river of the north. The river rises at Lake Tull, in northern Varnland.",
        ],
        must_not: &[
            "The Orrin is a river of the north. The Brill rises in Varnland.",
            "Mount Tull is a mountain. It rises in north-eastern Brill.",
        ],
    },
    Rule {
        name: "Rising in P, the river flows",
        pattern: r"^Rising (?:[a-z\-]+ ){0,2}(?:in|at|on) (?:the (?:[a-z\-]+ )+of )?(?P<p>(?:the )?«E\d+»)[^,;]{0,60}, (?P<s>{S}) [a-z]",
        whole: false,
        confidence: 0.8,
        build: source,
        must: &[
            "The Orrin is a river of the north. Rising in the Varn Hills west of Tull, it flows for 300 kilometres.",
        ],
        must_not: &["Mount Tull is a mountain. Rising in the Varn Hills, it is steep."],
    },
    Rule {
        name: "the river empties into P",
        pattern: r"(?P<s>{S}) (?:[^;,]*? )?(?:empties|emptying|discharges|discharging|flows out|drains) into (?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.8,
        build: mouth,
        must: &[
            "The Orrin is a river of the north. It flows for 300 kilometres before emptying into the Tull Sea.",
            "The Orrin is a river of the north. The river empties into Lake Varn.",
            "The Orrin is a river of the north. Rising in the Varn Hills north of Tull, it flows for 30 km through Olk before emptying into the Tull Sea.",
        ],
        must_not: &["The Orrin is a river of the north. The Brill empties into Lake Varn."],
    },
    Rule {
        name: "X is a thing in P",
        pattern: r"^(?P<s>(?:[Tt]he )?«E\d+»)(?: \(«E\d+»\))? (?:is|was) (?:a|an) (?P<kind>(?:[a-z\-]+ ){0,3}[a-z\-]+) (?:in|on) (?:the )?(?:[a-z\-]+ )?(?P<p>(?:the )?«E\d+»)(?:[,.;]|$| (?:and|which|that|with|between|where)\b)",
        whole: false,
        confidence: 0.7,
        build: kind_in,
        must: &[
            "Lake Tarn is a freshwater lake in southern Norland, close to the coast.",
            "Brill is an island country in the North Sea.",
            "The Varn Tower is a wrought-iron lattice tower on the Tull Field, beside the Olk.",
        ],
        must_not: &[
            "Mara Quell was a painter in Varn.",
            "The Tull Guild is a member in good standing.",
            "Brill is a country in 1900.",
        ],
    },
    Rule {
        name: "X was set up / founded in P",
        pattern: r"(?P<s>{S}) (?:was|were) (?:[a-z]+ly )?(?:set\s+up|established|founded|opened|built) in (?P<p>(?:the )?«E\d+»)",
        whole: false,
        confidence: 0.6,
        build: set_up_in,
        must: &["The Harbour School was set up in Varn in 1904."],
        must_not: &["The Harbour School was set up in 1904."],
    },
    Rule {
        name: "X was born in P",
        pattern: r"(?:^|, (?:and )?|; )(?P<s>(?:[Tt]he )?«E\d+»|[Hh]e|[Ss]he)(?:, [^,]{3,60},)? was born (?:at|in) (?P<p>«E\d+»)(?:[,.;]|$| (?:in|on|to|into|as|the|and)\b)",
        whole: false,
        confidence: 0.75,
        build: born_in,
        must: &[
            "Mara Quell was born in Kessport, on the Varn, as Mara Anne Vell.",
            "Mara Quell was a sailor. She was born in Kessport, a fishing town.",
            "Mara Quell was born in Kessport and was baptised on 17 December 1770.",
        ],
        must_not: &[
            "Mara Quell was born in 1820.",
            "Mara Quell was born in Kessport in 1820.",
            "The Varn Guild was born in Kessport.",
            "Mara Quell was a sailor. Her son was born in Kessport in 1850.",
        ],
    },
    Rule {
        name: "the Laboratory in P",
        pattern: r"(?P<s>(?:the )?«E\d+») in (?P<p>«E\d+»)",
        whole: false,
        confidence: 0.45,
        build: institution_in,
        must: &["She studied at the Tull Marine Laboratory in Varn for a year."],
        must_not: &["She studied Tull Marine Biology in Varn for a year."],
    },
];

/// "X has had its seat in P since 1954": the seat, and since when where the clause says.
fn seat(hit: &Hit) -> Option<FactKind> {
    let mut fact = headquarters(hit)?;
    let since = hit
        .caps
        .name("p")
        .and_then(|p| hit.clause.get(p.end()..))
        .and_then(|rest| rest.strip_prefix(" since "))
        .and_then(|rest| rest.split([' ', ',', '.']).next())
        .and_then(|d| hit.sentence.slot(d))
        .and_then(|slot| match slot.kind {
            crate::draft::sentence::SlotKind::Date(d) => Some(d),
            _ => None,
        });
    if let FactKind::Place { since: s, .. } = &mut fact {
        *s = since;
    }
    Some(fact)
}

fn capital_any(hit: &Hit) -> Option<FactKind> {
    if hit.raw("s").is_some() {
        return capital(hit);
    }
    let subject = hit.context.name(&hit.slot("s2")?.text);
    place(hit, subject, "capital", "p2", false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::rules::harness::{check_table, facts_of, phrases_of, rule};

    #[test]
    fn every_rule_matches_its_examples() {
        check_table(RULES);
    }

    fn subjects(rule_name: &str, text: &str) -> Vec<String> {
        phrases_of(rule(RULES, rule_name), text)
    }

    #[test]
    fn where_the_rivers_source_lies_is_asked_as_its_source() {
        let lies = "X lies / is located in P";
        assert_eq!(
            subjects(
                lies,
                "The Orrin is a river of the north. The river's ultimate source lies high in the Varn Hills."
            ),
            ["the source of the Orrin"]
        );
        assert_eq!(
            subjects(
                lies,
                "The Orrin is a river of the north. The river's source lies high in the Varn Hills."
            ),
            ["the source of the Orrin"]
        );
        // Another thing of the river's is where it lies, as written.
        assert_eq!(
            subjects(
                lies,
                "The Orrin is a river of the north. The river's old mill lies in the Varn Hills."
            ),
            ["the river's old mill"]
        );
    }

    #[test]
    fn a_person_is_no_place() {
        assert!(
            subjects(
                "its headquarters is in P",
                "The Varn Guild is a body. Its headquarters is at Mara Quell."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_seat_belongs_to_the_named_apposition_with_its_date() {
        assert_eq!(
            facts_of(
                rule(RULES, "X has had its seat in P"),
                "Its heir, the Harbour League, was created in 1948 and has had its seat in Varn since 1954."
            ),
            [FactKind::Place {
                subject: "the Harbour League".into(),
                relation: "headquarters".into(),
                place: Answer::plain("Varn"),
                since: Some(crate::deck::FactDate {
                    year: 1954,
                    month: None,
                    day: None
                }),
                previously: vec![],
            }]
        );
    }

    #[test]
    fn a_capital_is_a_place_of_its_country() {
        assert_eq!(
            facts_of(
                rule(RULES, "X's capital, P / the capital of X is P"),
                "The envoys met in Varn, the capital of Brill, in 1920."
            ),
            [FactKind::Place {
                subject: "Brill".into(),
                relation: "capital".into(),
                place: Answer::plain("Varn"),
                since: None,
                previously: vec![],
            }]
        );
    }

    #[test]
    fn a_river_that_lies_somewhere_has_a_location() {
        // Only "rises" is left to the source rule; "lies" still places the river.
        assert!(
            !facts_of(
                rule(RULES, "X lies / is located in P"),
                "The Orrin is a river of the north. The Orrin lies in Varnland, near the coast."
            )
            .is_empty()
        );
    }
}

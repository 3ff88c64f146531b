//! Writing Anki packages: what genanki writes (a Basic and a Cloze note type, stable GUIDs from
//! card ids), so re-importing an updated deck into Anki updates the same notes.

use std::io::{Cursor, Write};

use rusqlite::{Connection, params};
use serde_json::{Value, json};
use sha1::{Digest, Sha1};

use super::ApkgError;
use crate::deck::{Card, ClozePart, Deck, Kind};
use crate::formats::{Skipped, html, spell};

/// The note types recall writes. Fixed forever: Anki recognises a note type by its id, so
/// changing these would make every re-import create a new note type.
pub(super) const BASIC_MODEL_ID: i64 = 1_739_574_201;
pub(super) const CLOZE_MODEL_ID: i64 = 1_739_574_202;

/// Write the deck as an `.apkg`. `created_ms` (milliseconds since the Unix epoch) stamps the
/// notes and seeds their row ids, so the same deck and time give the same package.
pub fn write(deck: &Deck, created_ms: i64, out: &mut dyn Write) -> Result<Vec<Skipped>, ApkgError> {
    let (bytes, skipped) = to_bytes(deck, created_ms)?;
    out.write_all(&bytes)?;
    Ok(skipped)
}

/// The package as bytes, and the cards it had to leave out.
pub fn to_bytes(deck: &Deck, created_ms: i64) -> Result<(Vec<u8>, Vec<Skipped>), ApkgError> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("collection.anki2");
    let skipped = {
        let conn = Connection::open(&path)?;
        write_collection(&conn, deck, created_ms)?
    };
    let collection = std::fs::read(&path)?;

    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    zip.start_file("collection.anki2", options)?;
    zip.write_all(&collection)?;
    zip.start_file("media", options)?;
    zip.write_all(b"{}")?;
    let bytes = zip.finish()?.into_inner();
    Ok((bytes, skipped))
}

/// One Anki note to be written.
struct Note {
    guid: String,
    model: i64,
    fields: Vec<String>,
    tags: Vec<String>,
}

fn write_collection(
    conn: &Connection,
    deck: &Deck,
    created_ms: i64,
) -> Result<Vec<Skipped>, ApkgError> {
    let now = created_ms.div_euclid(1000);
    let deck_id = anki_deck_id(&deck.id);
    conn.execute_batch(SCHEMA)?;
    conn.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            now - now.rem_euclid(86_400),
            created_ms,
            col_conf(deck_id).to_string(),
            models_json(deck_id, now).to_string(),
            decks_json(
                deck_id,
                &deck.title,
                deck.description.as_deref().unwrap_or("")
            )
            .to_string(),
            dconf_json().to_string(),
        ],
    )?;

    let mut skipped = Vec::new();
    let mut next_id = created_ms;
    let tx = conn.unchecked_transaction()?;
    {
        let mut note_stmt =
            tx.prepare("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')")?;
        let mut card_stmt = tx.prepare(
            "INSERT INTO cards VALUES (?1, ?2, ?3, 0, ?4, -1, 0, 0, ?5, 0, 0, 0, 0, 0, 0, 0, 0, '')",
        )?;
        for (position, card) in deck.cards.iter().enumerate() {
            let note = match note_for(deck, card) {
                Ok(note) => note,
                Err(reason) => {
                    skipped.push(Skipped::new(card.id.as_str(), reason));
                    continue;
                }
            };
            let sort_field = html::anki_strip(&note.fields[0]);
            let tags = if note.tags.is_empty() {
                String::new()
            } else {
                format!(" {} ", note.tags.join(" "))
            };
            let note_id = next_id;
            next_id += 1;
            note_stmt.execute(params![
                note_id,
                note.guid,
                note.model,
                now,
                tags,
                note.fields.join("\u{1f}"),
                sort_field,
                field_checksum(&note.fields[0]),
            ])?;
            // Recall cards become one Anki card each: cloze notes use only c1, so all blanks of a
            // recall cloze are hidden together, as recall asks them.
            card_stmt.execute(params![next_id, note_id, deck_id, now, position as i64 + 1])?;
            next_id += 1;
        }
    }
    tx.commit()?;
    Ok(skipped)
}

fn note_for(deck: &Deck, card: &Card) -> Result<Note, String> {
    let guid = guid_for(&deck.id, card.id.as_str());
    let tags: Vec<String> = card
        .tags
        .iter()
        .map(|t| t.replace(char::is_whitespace, "_"))
        .collect();
    if let Kind::Cloze { parts } = &card.kind {
        let mut text = String::new();
        if !card.prompt.trim().is_empty() {
            text.push_str(&html::escape(card.prompt.trim()));
            text.push_str("<br>");
        }
        for part in parts {
            match part {
                ClozePart::Text(t) => text.push_str(&html::escape(t)),
                ClozePart::Blank(answer) => {
                    if answer.text.contains("}}") || answer.text.contains("::") {
                        return Err("a cloze answer containing \"}}\" or \"::\" cannot be written as an Anki cloze".into());
                    }
                    // "{{c1::a}}}" closes after "a", and "{{" inside reads as a nested deletion.
                    if answer.text.ends_with('}') || answer.text.contains("{{") {
                        return Err("a cloze answer ending in \"}\" or containing \"{{\" cannot be written as an Anki cloze".into());
                    }
                    text.push_str("{{c1::");
                    text.push_str(&html::escape(&answer.text));
                    text.push_str("}}");
                }
                ClozePart::Hint(hint) => {
                    if text.ends_with("}}") && !hint.contains("}}") {
                        text.truncate(text.len() - 2);
                        text.push_str("::");
                        text.push_str(&html::escape(hint));
                        text.push_str("}}");
                    }
                }
            }
        }
        let extra = card
            .explain
            .as_deref()
            .map(html::escape)
            .unwrap_or_default();
        return Ok(Note {
            guid,
            model: CLOZE_MODEL_ID,
            fields: vec![text, extra],
            tags,
        });
    }
    let (front, back) = spell::front_back(card);
    let mut back = html::escape(&back);
    if let Some(explain) = &card.explain {
        back.push_str(&format!(
            "<div class=\"recall-explain\">{}</div>",
            html::escape(explain)
        ));
    }
    Ok(Note {
        guid,
        model: BASIC_MODEL_ID,
        fields: vec![html::escape(&front), back],
        tags,
    })
}

/// A note GUID from the deck and card ids: the first 8 bytes of a SHA-1, in the base 91 alphabet
/// genanki uses, so it is stable across exports and unlike any GUID Anki generates.
pub fn guid_for(deck_id: &str, card_id: &str) -> String {
    const TABLE: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";
    let digest = Sha1::digest(format!("recall__{deck_id}__{card_id}").as_bytes());
    let mut n = u64::from_be_bytes(digest[..8].try_into().expect("a SHA-1 has 20 bytes"));
    let mut out = Vec::new();
    while n > 0 {
        out.push(TABLE[(n % 91) as usize]);
        n /= 91;
    }
    out.reverse();
    String::from_utf8(out).expect("the base 91 table is ASCII")
}

/// Anki's duplicate checksum: the first 8 hex digits of the SHA-1 of the stripped first field.
fn field_checksum(field: &str) -> i64 {
    let digest = Sha1::digest(html::anki_strip(field).as_bytes());
    i64::from(u32::from_be_bytes(
        digest[..4].try_into().expect("a SHA-1 has 20 bytes"),
    ))
}

/// A deck id in genanki's recommended range, stable for a recall deck id.
fn anki_deck_id(deck_id: &str) -> i64 {
    let digest = Sha1::digest(format!("recall-deck__{deck_id}").as_bytes());
    let n = u32::from_be_bytes(digest[..4].try_into().expect("a SHA-1 has 20 bytes"));
    (1 << 30) + i64::from(n % (1 << 30))
}

const SCHEMA: &str = "
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
";

const CSS: &str = ".card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n\n.cloze {\n font-weight: bold;\n color: blue;\n}\n.nightMode .cloze {\n color: lightblue;\n}\n.recall-explain {\n margin-top: 1em;\n font-style: italic;\n}\n";

const LATEX_PRE: &str = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n";

fn col_conf(deck_id: i64) -> Value {
    json!({
        "activeDecks": [deck_id], "addToCur": true, "collapseTime": 1200, "curDeck": deck_id,
        "curModel": BASIC_MODEL_ID.to_string(), "dueCounts": true, "estTimes": true,
        "newBury": true, "newSpread": 0, "nextPos": 1, "sortBackwards": false,
        "sortType": "noteFld", "timeLim": 0
    })
}

fn model_json(
    id: i64,
    name: &str,
    kind: i64,
    fields: &[&str],
    tmpl: (&str, &str, &str),
    deck_id: i64,
    now: i64,
) -> Value {
    let flds: Vec<Value> = fields
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({"name": name, "ord": ord, "font": "Arial", "media": [], "rtl": false, "size": 20, "sticky": false})
        })
        .collect();
    json!({
        "css": CSS, "did": deck_id, "flds": flds, "id": id.to_string(),
        "latexPost": "\\end{document}", "latexPre": LATEX_PRE, "latexsvg": false, "mod": now,
        "name": name, "req": [[0, "all", [0]]], "sortf": 0, "tags": [],
        "tmpls": [{
            "name": tmpl.0, "ord": 0, "qfmt": tmpl.1, "afmt": tmpl.2, "bafmt": "", "bqfmt": "",
            "bfont": "", "bsize": 0, "did": null
        }],
        "type": kind, "usn": -1, "vers": []
    })
}

fn models_json(deck_id: i64, now: i64) -> Value {
    let basic = model_json(
        BASIC_MODEL_ID,
        "Basic (recall)",
        0,
        &["Front", "Back"],
        (
            "Card 1",
            "{{Front}}",
            "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}",
        ),
        deck_id,
        now,
    );
    let cloze = model_json(
        CLOZE_MODEL_ID,
        "Cloze (recall)",
        1,
        &["Text", "Back Extra"],
        (
            "Cloze",
            "{{cloze:Text}}",
            "{{cloze:Text}}<br>\n{{Back Extra}}",
        ),
        deck_id,
        now,
    );
    json!({ BASIC_MODEL_ID.to_string(): basic, CLOZE_MODEL_ID.to_string(): cloze })
}

fn deck_json(id: i64, name: &str, desc: &str, usn: i64) -> Value {
    json!({
        "collapsed": false, "conf": 1, "desc": desc, "dyn": 0, "extendNew": 10, "extendRev": 50,
        "id": id, "lrnToday": [0, 0], "mod": 1_425_279_151, "name": name, "newToday": [0, 0],
        "revToday": [0, 0], "timeToday": [0, 0], "usn": usn
    })
}

fn decks_json(deck_id: i64, name: &str, desc: &str) -> Value {
    // Anki's "::" nests decks; a title is one deck, so the separator is softened.
    let name = if name.trim().is_empty() {
        "recall".to_string()
    } else {
        name.replace("::", ": ")
    };
    json!({ "1": deck_json(1, "Default", "", 0), deck_id.to_string(): deck_json(deck_id, &name, desc, -1) })
}

fn dconf_json() -> Value {
    json!({"1": {
        "autoplay": true, "id": 1,
        "lapse": {"delays": [10], "leechAction": 0, "leechFails": 8, "minInt": 1, "mult": 0},
        "maxTaken": 60, "mod": 0, "name": "Default",
        "new": {"bury": true, "delays": [1, 10], "initialFactor": 2500, "ints": [1, 4, 7],
                "order": 1, "perDay": 20, "separate": true},
        "replayq": true,
        "rev": {"bury": true, "ease4": 1.3, "fuzz": 0.05, "ivlFct": 1, "maxIvl": 36500,
                "minSpace": 1, "perDay": 100},
        "timer": 0, "usn": 0
    }})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Answer;
    use crate::formats::apkg::read;
    use crate::formats::ids::short_hash;
    use std::io::Cursor;
    use std::io::Read;

    fn card(id: &str, kind: Kind, prompt: &str) -> Card {
        Card::new(id, kind, prompt)
    }

    fn deck(cards: Vec<Card>) -> Deck {
        Deck {
            id: "space".into(),
            title: "Space".into(),
            cards,
            ..Deck::default()
        }
    }

    fn open_collection(package: &[u8]) -> (tempfile::TempDir, Connection) {
        let mut archive = zip::ZipArchive::new(Cursor::new(package)).unwrap();
        let mut data = Vec::new();
        archive
            .by_name("collection.anki2")
            .unwrap()
            .read_to_end(&mut data)
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        std::fs::write(&path, data).unwrap();
        let conn = Connection::open(&path).unwrap();
        (dir, conn)
    }

    #[test]
    fn guid_is_stable_base91() {
        let a = guid_for("space", "sun");
        assert_eq!(a, guid_for("space", "sun"));
        assert_ne!(a, guid_for("space", "moon"));
        assert!(a.len() >= 9 && a.len() <= 10, "{a}");
    }

    #[test]
    fn checksum_is_first_eight_hex_digits_of_sha1_of_stripped_field() {
        // sha1("abc") = a9993e36...
        assert_eq!(field_checksum("<b>abc</b>"), 0xa999_3e36);
    }

    #[test]
    fn package_holds_collection_and_empty_media() {
        let (bytes, skipped) = to_bytes(&deck(vec![]), 1_700_000_000_000).unwrap();
        assert!(skipped.is_empty());
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut media = String::new();
        archive
            .by_name("media")
            .unwrap()
            .read_to_string(&mut media)
            .unwrap();
        assert_eq!(media, "{}");
        assert!(archive.by_name("collection.anki2").is_ok());
    }

    #[test]
    fn same_deck_and_time_give_the_same_package() {
        let d = deck(vec![card(
            "sun",
            Kind::Basic {
                back: "star".into(),
            },
            "Sun?",
        )]);
        assert_eq!(
            to_bytes(&d, 1_700_000_000_000).unwrap().0,
            to_bytes(&d, 1_700_000_000_000).unwrap().0
        );
    }

    #[test]
    fn notes_carry_fields_tags_sort_field_and_checksum() {
        let mut c = card(
            "sun",
            Kind::Basic {
                back: "a <star>".into(),
            },
            "What is the Sun?",
        );
        c.tags = vec!["solar system".into(), "stars".into()].into();
        let (bytes, _) = to_bytes(&deck(vec![c]), 1_700_000_000_000).unwrap();
        let (_dir, conn) = open_collection(&bytes);
        let (guid, mid, tags, flds, sfld, csum): (String, i64, String, String, String, i64) = conn
            .query_row(
                "SELECT guid, mid, tags, flds, sfld, csum FROM notes",
                [],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .unwrap();
        assert_eq!(guid, guid_for("space", "sun"));
        assert_eq!(mid, BASIC_MODEL_ID);
        assert_eq!(tags, " solar_system stars ");
        assert_eq!(flds, "What is the Sun?\u{1f}a &lt;star&gt;");
        assert_eq!(sfld, "What is the Sun?");
        assert_eq!(csum, field_checksum("What is the Sun?"));
        let (did, ord): (i64, i64) = conn
            .query_row("SELECT did, ord FROM cards", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((did, ord), (anki_deck_id("space"), 0));
    }

    #[test]
    fn col_row_names_the_deck_and_both_note_types() {
        let (bytes, _) = to_bytes(&deck(vec![]), 1_700_000_000_000).unwrap();
        let (_dir, conn) = open_collection(&bytes);
        let (ver, models, decks): (i64, String, String) = conn
            .query_row("SELECT ver, models, decks FROM col", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!(ver, 11);
        let models: Value = serde_json::from_str(&models).unwrap();
        assert_eq!(models[BASIC_MODEL_ID.to_string()]["name"], "Basic (recall)");
        assert_eq!(models[CLOZE_MODEL_ID.to_string()]["type"], 1);
        let decks: Value = serde_json::from_str(&decks).unwrap();
        assert_eq!(decks[anki_deck_id("space").to_string()]["name"], "Space");
    }

    #[test]
    fn cloze_cards_become_cloze_notes_with_c1() {
        let c = card(
            "titan",
            Kind::Cloze {
                parts: vec![
                    ClozePart::Text("Titan orbits ".into()),
                    ClozePart::Blank(Answer::plain("Saturn")),
                    ClozePart::Text(" & has ".into()),
                    ClozePart::Blank(Answer::plain("lakes")),
                ],
            },
            "Complete:",
        );
        let (bytes, _) = to_bytes(&deck(vec![c]), 1_700_000_000_000).unwrap();
        let (_dir, conn) = open_collection(&bytes);
        let (mid, flds): (i64, String) = conn
            .query_row("SELECT mid, flds FROM notes", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(mid, CLOZE_MODEL_ID);
        assert_eq!(
            flds,
            "Complete:<br>Titan orbits {{c1::Saturn}} &amp; has {{c1::lakes}}\u{1f}"
        );
    }

    #[test]
    fn cloze_answers_anki_cannot_hold_are_skipped() {
        let c = card(
            "bad",
            Kind::Cloze {
                parts: vec![ClozePart::Blank(Answer::plain("a::b"))],
            },
            "",
        );
        let (_, skipped) = to_bytes(&deck(vec![c]), 0).unwrap();
        assert_eq!(
            skipped,
            vec![Skipped::new(
                "bad",
                "a cloze answer containing \"}}\" or \"::\" cannot be written as an Anki cloze"
            )]
        );
    }

    #[test]
    fn cloze_answers_that_would_close_early_or_nest_are_skipped() {
        let cloze = |id: &str, answer: &str| {
            card(
                id,
                Kind::Cloze {
                    parts: vec![
                        ClozePart::Text("set ".into()),
                        ClozePart::Blank(Answer::plain(answer)),
                    ],
                },
                "",
            )
        };
        let d = deck(vec![
            cloze("brace", "{x}"),
            cloze("nest", "a{{b"),
            cloze("fine", "{x} y"),
        ]);
        let (bytes, skipped) = to_bytes(&d, 0).unwrap();
        let reason = "a cloze answer ending in \"}\" or containing \"{{\" cannot be written as an Anki cloze";
        assert_eq!(
            skipped,
            vec![Skipped::new("brace", reason), Skipped::new("nest", reason)]
        );
        let got = read(Cursor::new(bytes)).unwrap();
        assert_eq!(got.cards.len(), 1);
        assert_eq!(got.cards[0].kind, d.cards[2].kind);
    }

    #[test]
    fn export_then_import_keeps_text_tags_and_explanations() {
        let mut basic = card(
            "sun",
            Kind::Basic {
                back: "a star".into(),
            },
            "The Sun?",
        );
        basic.explain = Some("It is a G-type star.".into());
        basic.tags = vec!["stars".into()].into();
        let typed = card(
            "red",
            Kind::Typed {
                answer: Answer::plain("Mars"),
            },
            "Red planet?",
        );
        let (bytes, _) = to_bytes(&deck(vec![basic, typed]), 1_700_000_000_000).unwrap();
        let got = read(Cursor::new(bytes)).unwrap();
        assert_eq!(got.deck_name.as_deref(), Some("Space"));
        assert_eq!(got.skipped, vec![]);
        assert_eq!(got.cards.len(), 2);
        assert_eq!(got.cards[0].prompt, "The Sun?");
        assert_eq!(
            got.cards[0].kind,
            Kind::Basic {
                back: "a star".into()
            }
        );
        assert_eq!(
            got.cards[0].explain.as_deref(),
            Some("It is a G-type star.")
        );
        assert_eq!(got.cards[0].tags.to_vec(), vec!["stars".to_string()]);
        assert_eq!(
            got.cards[1].kind,
            Kind::Basic {
                back: "Mars".into()
            }
        );
    }

    #[test]
    fn imported_ids_are_stable_and_unique() {
        let d = deck(vec![
            card("a", Kind::Basic { back: "1".into() }, "Same front"),
            card("b", Kind::Basic { back: "2".into() }, "Same front"),
        ]);
        let (bytes, _) = to_bytes(&d, 5).unwrap();
        let first = read(Cursor::new(bytes.clone())).unwrap();
        let again = read(Cursor::new(bytes)).unwrap();
        let ids: Vec<&str> = first.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            again
                .cards
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
        );
        assert_ne!(ids[0], ids[1]);
        assert_eq!(
            ids[0],
            format!("anki-{}", short_hash(&guid_for("space", "a"), 8))
        );
    }
}

//! Anki notes as recall cards: one recall card per Anki card, each from its template. A
//! "Basic (and reversed card)" note gives two cards, "Basic (optional reversed card)" one or two
//! as Anki made them, "Basic (type in the answer)" a typed card, a cloze note one card per
//! cloze number with its hints, and custom note types what their templates show.
//!
//! Card ids come from the note's GUID (so fixing a typo in Anki and importing again keeps the
//! learner's progress): `anki-HASH` for a note's first card, `anki-HASH-card2`, ... for the
//! others, `anki-HASH-cN` for cloze number N.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::cloze::try_cloze_cards;
use super::collection::{MAX_NOTE_BYTES, NoteRow, NoteType};
use super::template::{self, CLOZE_MARK, FRONT_MARK, Side};
use crate::deck::{Answer, Card, Kind, Media, Shared, Tags, Text};
use crate::formats::ids::{IdSet, short_hash};
use crate::formats::media::{self, MediaRefs};
use crate::formats::{Skipped, html};

static ANSWER_RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)<hr[^>]*\bid\s*=\s*["']?answer["']?[^>]*>"#).unwrap());
static EXPLAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?s)<div class="recall-explain">(.*?)</div>\s*$"#).unwrap());

/// Media references refused on one card: the name and why.
type Refused = Vec<(String, &'static str)>;

/// Most text the cards of one package may hold together, in bytes: notes are capped one by one,
/// and this caps a package of many big notes (each cloze card repeats its note's text).
pub(super) const MAX_CARDS_TEXT: usize = 256 * 1024 * 1024;

/// What the notes gave so far.
#[derive(Default)]
pub(super) struct Cards {
    pub cards: Vec<Card>,
    /// Bytes of text the cards hold (prompts, answers, cloze sentences).
    pub text_bytes: usize,
    pub skipped: Vec<Skipped>,
    /// Media references that cannot be files of the package, with the card and reason.
    pub refused_media: Vec<Skipped>,
    ids: IdSet,
}

impl Cards {
    /// The cards of one note (`ords`: the card ordinals the package has for it).
    pub(super) fn add_note(
        &mut self,
        note: &NoteRow,
        note_type: Option<&NoteType>,
        ords: Option<&[u32]>,
    ) {
        let at = format!("note {}", note.id);
        let Some(flds) = &note.fields else {
            self.skipped.push(Skipped::new(
                at,
                format!(
                    "the note is {} KB, over the limit of {} KB for one note",
                    note.bytes / 1024,
                    MAX_NOTE_BYTES / 1024
                ),
            ));
            return;
        };
        let values: Vec<&str> = flds.split('\u{1f}').collect();
        let fallback;
        let note_type = match note_type {
            Some(t) => t,
            None => {
                // A note whose type is missing: read it as recall's own exports, a cloze when
                // the first field has deletions, else front and back.
                fallback = fallback_type(&values);
                &fallback
            }
        };
        let fields: HashMap<&str, &str> = note_type
            .fields
            .iter()
            .map(String::as_str)
            .zip(values.iter().copied())
            .collect();
        let tags: Tags = note.tags.split_whitespace().map(Text::from).collect();
        // Ids come from the note's GUID alone, so editing the note keeps the progress.
        let base = format!("anki-{}", short_hash(&note.guid, 8));
        let before = self.cards.len();
        if note_type.cloze {
            self.cloze_note(&at, note_type, &fields, &base, ords);
        } else {
            self.standard_note(&at, note_type, &fields, &base, ords);
        }
        for card in &mut self.cards[before..] {
            card.tags = tags.clone();
            self.text_bytes += text_bytes(card);
        }
    }

    fn standard_note(
        &mut self,
        at: &str,
        note_type: &NoteType,
        fields: &HashMap<&str, &str>,
        base: &str,
        ords: Option<&[u32]>,
    ) {
        if note_type.fields.len() < 2 {
            self.skipped
                .push(Skipped::new(at, "the note has a single field, so no back"));
            return;
        }
        let ords = ords.unwrap_or(&[0]);
        for &ord in ords {
            let at = if ords.len() > 1 {
                format!("{at} card {}", ord + 1)
            } else {
                at.to_string()
            };
            let Some((_, qfmt, afmt)) = note_type.templates.iter().find(|(o, ..)| *o == ord) else {
                self.skipped.push(Skipped::new(
                    at,
                    format!("the note type has no template {}", ord + 1),
                ));
                continue;
            };
            match card_of(qfmt, afmt, fields) {
                Ok((mut card, refused)) => {
                    let id = if ord == 0 {
                        base.to_string()
                    } else {
                        format!("{base}-card{}", ord + 1)
                    };
                    card.id.0 = self.ids.unique(id).into();
                    self.note_refused(&card, refused);
                    self.cards.push(card);
                }
                Err(reason) => self.skipped.push(Skipped::new(at, reason)),
            }
        }
    }

    fn cloze_note(
        &mut self,
        at: &str,
        note_type: &NoteType,
        fields: &HashMap<&str, &str>,
        base: &str,
        ords: Option<&[u32]>,
    ) {
        // Without a template, the first field is the cloze text (below).
        let (qfmt, afmt) = note_type
            .templates
            .first()
            .map_or(("", ""), |(_, q, a)| (q.as_str(), a.as_str()));
        let render = |t: &str| template::render(t, fields);
        let (front, back) = match (render(qfmt), render(afmt)) {
            (Ok(f), Ok(b)) => (f, b),
            (Err(reason), _) | (_, Err(reason)) => {
                self.skipped.push(Skipped::new(at, reason));
                return;
            }
        };
        let cloze_field = front
            .cloze
            .clone()
            .or_else(|| note_type.fields.first().cloned())
            .unwrap_or_default();
        let text_html = fields.get(cloze_field.as_str()).copied().unwrap_or("");
        if text_html.contains("image-occlusion:") {
            self.skipped.push(Skipped::new(
                at,
                "an image occlusion note hides parts of a picture, which recall cannot show",
            ));
            return;
        }
        let text_refs = media::extract(text_html);
        let text = html::to_text(&text_refs.html);
        let mut cards = match try_cloze_cards(&text, base, ords, &mut self.ids) {
            Ok(cards) if !cards.is_empty() => cards,
            Ok(_) => {
                self.skipped.push(Skipped::new(
                    at,
                    "cloze note without any {{c1::...}} deletion",
                ));
                return;
            }
            Err(reason) => {
                self.skipped.push(Skipped::new(at, reason));
                return;
            }
        };
        // What the front shows around the cloze is an instruction; what the back adds after
        // it (Back Extra) is the explanation.
        let around = media::extract(&front.html.replace(CLOZE_MARK, "\n"));
        let instruction = html::to_text(&around.html);
        let extra_html = match back.html.split_once(CLOZE_MARK) {
            Some((_, after)) => after.to_string(),
            None => back.html.replace(FRONT_MARK, ""),
        };
        let extra_refs = media::extract(&extra_html);
        let extra = Some(html::to_text(&extra_refs.html))
            .filter(|t| !t.is_empty())
            .map(Shared::from);
        let mut question: Vec<Text> = text_refs.names.iter().map(Text::from).collect();
        question.extend(around.names.iter().map(Text::from));
        let answer: Vec<Text> = extra_refs.names.iter().map(Text::from).collect();
        let refused: Refused = [text_refs, around, extra_refs]
            .into_iter()
            .flat_map(|r| r.refused)
            .collect();
        for card in &mut cards {
            if !instruction.is_empty() {
                card.prompt = match card.prompt.is_empty() {
                    true => instruction.as_str().into(),
                    false => format!("{instruction}\n{}", card.prompt).into(),
                };
            }
            card.explain = extra.clone();
            card.media = Media::boxed(question.clone(), answer.clone());
        }
        if let Some(first) = cards.first() {
            self.note_refused(first, refused);
        }
        self.cards.extend(cards);
    }

    fn note_refused(&mut self, card: &Card, refused: Refused) {
        for (name, why) in refused {
            self.refused_media.push(Skipped::new(
                card.id.as_str(),
                format!("media `{name}` not imported: {why}"),
            ));
        }
    }
}

/// The bytes of text a card holds.
fn text_bytes(card: &Card) -> usize {
    let answers = match &card.kind {
        Kind::Basic { back } => back.len(),
        Kind::Typed { answer } => answer.text.len(),
        Kind::Cloze { parts } => parts
            .iter()
            .map(|p| match p {
                crate::deck::ClozePart::Text(t) | crate::deck::ClozePart::Hint(t) => t.len(),
                crate::deck::ClozePart::Blank(a) => a.text.len(),
            })
            .sum(),
        _ => 0,
    };
    card.prompt.len() + answers + card.explain.as_deref().map_or(0, str::len)
}

/// One standard card from its templates, with the media references it could not keep.
fn card_of(
    qfmt: &str,
    afmt: &str,
    fields: &HashMap<&str, &str>,
) -> Result<(Card, Refused), String> {
    let front = template::render(qfmt, fields)?;
    let back = template::render(afmt, fields)?;
    let front_refs = media::extract(&front.html);
    let prompt = html::to_text(&front_refs.html);
    if prompt.is_empty() {
        // Anki makes no card whose front is empty either.
        return Err("the front shows nothing".into());
    }
    let back_refs = media::extract(&answer_part(&back));
    let (back_html, explain) = split_explain(&back_refs.html);
    let back_text = html::to_text(back_html);
    let typed = front
        .typed
        .as_deref()
        .and_then(|name| fields.get(name))
        .map(|f| html::to_text(&media::extract(f).html))
        .filter(|t| !t.is_empty() && !t.contains('\n'));
    let kind = match typed {
        Some(answer) => Kind::Typed {
            answer: Answer::plain(answer),
        },
        None if back_text.is_empty() => return Err("the back shows nothing".into()),
        None => Kind::Basic {
            back: back_text.into(),
        },
    };
    let mut card = Card::new("", kind, prompt);
    card.explain = explain.map(Shared::from);
    let names = |r: &MediaRefs| r.names.iter().map(Text::from).collect::<Vec<_>>();
    // What the back shows again from the front is not new media for the answer.
    let answer: Vec<Text> = names(&back_refs)
        .into_iter()
        .filter(|n| !front_refs.names.iter().any(|f| f == n.as_str()))
        .collect();
    card.media = Media::boxed(names(&front_refs), answer);
    let refused = front_refs
        .refused
        .into_iter()
        .chain(back_refs.refused)
        .collect();
    Ok((card, refused))
}

/// The answer side less what repeats the question: what follows `<hr id=answer>`, or else
/// what follows `{{FrontSide}}`.
fn answer_part(back: &Side) -> String {
    if let Some(rule) = ANSWER_RULE.find(&back.html) {
        return back.html[rule.end()..].replace(FRONT_MARK, "");
    }
    match back.html.split_once(FRONT_MARK) {
        Some((_, after)) => after.replace(FRONT_MARK, ""),
        None => back.html.clone(),
    }
}

/// The back without recall's explanation block, and the explanation.
fn split_explain(back: &str) -> (&str, Option<String>) {
    match EXPLAIN.captures(back) {
        Some(c) => {
            let whole = c.get(0).expect("group 0 always matches");
            (
                &back[..whole.start()],
                Some(html::to_text(&c[1])).filter(|t| !t.is_empty()),
            )
        }
        None => (back, None),
    }
}

/// A note type for notes whose own is missing from the package.
fn fallback_type(values: &[&str]) -> NoteType {
    let names: Vec<String> = (1..=values.len()).map(|i| format!("Field {i}")).collect();
    let cloze = values
        .first()
        .is_some_and(|f| super::cloze::has_anki_cloze(f));
    let templates = if cloze {
        vec![(
            0,
            "{{cloze:Field 1}}".into(),
            "{{cloze:Field 1}}<br>{{Field 2}}".into(),
        )]
    } else {
        vec![(
            0,
            "{{Field 1}}".into(),
            "{{FrontSide}}<hr id=answer>{{Field 2}}".into(),
        )]
    };
    NoteType {
        name: String::new(),
        cloze,
        templates: if values.len() < 2 && cloze {
            vec![(0, "{{cloze:Field 1}}".into(), String::new())]
        } else {
            templates
        },
        fields: names,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::ClozePart;

    fn note(id: i64, flds: &str) -> NoteRow {
        NoteRow {
            id,
            guid: format!("guid{id}"),
            mid: 1,
            tags: " geo ".into(),
            fields: Some(flds.into()),
            bytes: flds.len(),
        }
    }

    fn basic_type(templates: &[(&str, &str)], fields: &[&str]) -> NoteType {
        NoteType {
            name: "t".into(),
            cloze: false,
            fields: fields.iter().map(|f| f.to_string()).collect(),
            templates: templates
                .iter()
                .enumerate()
                .map(|(i, (q, a))| (i as u32, q.to_string(), a.to_string()))
                .collect(),
        }
    }

    const HR: &str = "{{FrontSide}}\n\n<hr id=answer>\n\n";

    #[test]
    fn a_reversed_note_gives_both_cards() {
        let t = basic_type(
            &[
                ("{{Front}}", &format!("{HR}{{{{Back}}}}")),
                ("{{Back}}", &format!("{HR}{{{{Front}}}}")),
            ],
            &["Front", "Back"],
        );
        let mut c = Cards::default();
        c.add_note(&note(1, "Germany\u{1f}Berlin"), Some(&t), Some(&[0, 1]));
        assert!(c.skipped.is_empty(), "{:?}", c.skipped);
        let got: Vec<(&str, &str, String)> = c
            .cards
            .iter()
            .map(|c| {
                let Kind::Basic { back } = &c.kind else {
                    panic!()
                };
                (c.id.as_str(), c.prompt.as_str(), back.to_string())
            })
            .collect();
        let base = format!("anki-{}", short_hash("guid1", 8));
        assert_eq!(
            got,
            vec![
                (base.as_str(), "Germany", "Berlin".to_string()),
                (
                    format!("{base}-card2").as_str(),
                    "Berlin",
                    "Germany".to_string()
                )
            ]
        );
        assert_eq!(c.cards[1].tags.to_vec(), vec!["geo".to_string()]);
    }

    #[test]
    fn type_in_the_answer_gives_a_typed_card() {
        let t = basic_type(
            &[(
                "{{Front}}\n\n{{type:Back}}",
                "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}",
            )],
            &["Front", "Back"],
        );
        let mut c = Cards::default();
        c.add_note(
            &note(1, "Capital of Italy?\u{1f}Rome"),
            Some(&t),
            Some(&[0]),
        );
        assert_eq!(
            c.cards[0].kind,
            Kind::Typed {
                answer: Answer::plain("Rome")
            }
        );
        assert_eq!(c.cards[0].prompt, "Capital of Italy?");
    }

    #[test]
    fn media_go_with_the_side_that_shows_them() {
        let t = basic_type(
            &[("{{Front}}", &format!("{HR}{{{{Back}}}}"))],
            &["Front", "Back"],
        );
        let mut c = Cards::default();
        c.add_note(
            &note(
                1,
                "Whose flag?<br><img src=\"fr.png\">\u{1f}France [sound:fr.mp3]",
            ),
            Some(&t),
            None,
        );
        let card = &c.cards[0];
        assert_eq!(card.prompt, "Whose flag?\n[fr.png]");
        assert_eq!(card.question_media(), ["fr.png"]);
        assert_eq!(card.answer_media(), ["fr.mp3"]);
        assert_eq!(
            card.kind,
            Kind::Basic {
                back: "France [fr.mp3]".into()
            }
        );
    }

    #[test]
    fn a_picture_alone_is_a_question() {
        let t = basic_type(&[("{{Front}}", "{{Back}}")], &["Front", "Back"]);
        let mut c = Cards::default();
        c.add_note(&note(1, "<img src='x.jpg'>\u{1f}Robin"), Some(&t), None);
        assert_eq!(c.cards[0].prompt, "[x.jpg]");
    }

    #[test]
    fn cloze_notes_keep_hints_and_their_extra() {
        let t = NoteType {
            name: "Cloze".into(),
            cloze: true,
            fields: vec!["Text".into(), "Back Extra".into()],
            templates: vec![(
                0,
                "{{cloze:Text}}".into(),
                "{{cloze:Text}}<br>\n{{Back Extra}}".into(),
            )],
        };
        let mut c = Cards::default();
        c.add_note(
            &note(
                1,
                "{{c1::Frankfurt::city}} lies on the {{c2::Main::river}}.\u{1f}Hesse",
            ),
            Some(&t),
            Some(&[0, 1]),
        );
        assert_eq!(c.cards.len(), 2);
        assert_eq!(
            c.cards[0].kind,
            Kind::Cloze {
                parts: vec![
                    ClozePart::Blank(Answer::plain("Frankfurt")),
                    ClozePart::Hint("city".into()),
                    ClozePart::Text(" lies on the Main.".into())
                ]
            }
        );
        assert_eq!(c.cards[1].explain.as_deref(), Some("Hesse"));
        assert!(c.cards[1].id.as_str().ends_with("-c2"));
    }

    #[test]
    fn the_text_every_card_holds_is_counted() {
        let t = NoteType {
            name: "Cloze".into(),
            cloze: true,
            fields: vec!["Text".into(), "Extra".into()],
            templates: vec![(0, "{{cloze:Text}}".into(), "{{cloze:Text}}{{Extra}}".into())],
        };
        let mut c = Cards::default();
        // 20 bytes of text, two cards, an extra of 2 bytes each.
        c.add_note(
            &note(1, "{{c1::ab}} {{c2::cd}} xxxxxxxxxxxxxxx\u{1f}ok"),
            Some(&t),
            None,
        );
        assert_eq!(c.cards.len(), 2);
        assert_eq!(c.text_bytes, 2 * (21 + 2));
    }

    #[test]
    fn image_occlusion_notes_are_skipped_with_a_reason() {
        let t = NoteType {
            name: "Image Occlusion".into(),
            cloze: true,
            fields: vec!["Occlusion".into(), "Image".into()],
            templates: vec![(0, "{{cloze:Occlusion}}{{Image}}".into(), String::new())],
        };
        let mut c = Cards::default();
        c.add_note(
            &note(
                1,
                "{{c1::image-occlusion:rect:left=.1:top=.2}}\u{1f}<img src=\"x.png\">",
            ),
            Some(&t),
            Some(&[0]),
        );
        assert!(c.cards.is_empty());
        assert!(c.skipped[0].reason.starts_with("an image occlusion note"));
    }

    #[test]
    fn a_cloze_type_without_templates_reads_its_first_field() {
        let t = NoteType {
            name: "Cloze".into(),
            cloze: true,
            fields: vec!["Words".into()],
            templates: vec![],
        };
        let mut c = Cards::default();
        c.add_note(&note(1, "{{c1::Io}} orbits Jupiter."), Some(&t), None);
        assert!(c.skipped.is_empty(), "{:?}", c.skipped);
        assert_eq!(c.cards.len(), 1);
    }

    #[test]
    fn conditional_templates_skip_nothing_that_anki_made() {
        let t = basic_type(
            &[
                ("{{Country}}?", &format!("{HR}{{{{Capital}}}}")),
                (
                    "{{#Flag}}Whose flag?{{Flag}}{{/Flag}}",
                    &format!("{HR}{{{{Country}}}}"),
                ),
            ],
            &["Country", "Capital", "Flag"],
        );
        let mut c = Cards::default();
        // Anki made only card 1 for a note without a flag.
        c.add_note(&note(1, "Kenya\u{1f}Nairobi\u{1f}"), Some(&t), Some(&[0]));
        // A package claiming card 2 anyway gets a reason, not an empty card.
        c.add_note(&note(2, "Peru\u{1f}Lima\u{1f}"), Some(&t), Some(&[0, 1]));
        assert_eq!(c.cards.len(), 2);
        assert_eq!(
            c.skipped,
            vec![Skipped::new("note 2 card 2", "the front shows nothing")]
        );
    }

    #[test]
    fn oversized_notes_are_skipped_with_their_size() {
        let mut c = Cards::default();
        let mut n = note(9, "");
        n.fields = None;
        n.bytes = 5 * 1024 * 1024;
        c.add_note(&n, None, None);
        assert_eq!(
            c.skipped,
            vec![Skipped::new(
                "note 9",
                "the note is 5120 KB, over the limit of 1024 KB for one note"
            )]
        );
    }

    #[test]
    fn notes_without_a_type_read_as_front_and_back() {
        let mut c = Cards::default();
        c.add_note(&note(1, "Sun\u{1f}a star"), None, None);
        c.add_note(&note(2, "{{c1::Io}} orbits Jupiter\u{1f}"), None, None);
        c.add_note(&note(3, "lonely"), None, None);
        assert_eq!(c.cards.len(), 2);
        assert_eq!(c.cards[1].kind.name(), "cloze");
        assert_eq!(
            c.skipped,
            vec![Skipped::new(
                "note 3",
                "the note has a single field, so no back"
            )]
        );
    }
}

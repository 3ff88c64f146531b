//! Anki's card templates, rendered as Anki renders them, so every kind of note type (Basic,
//! reversed, optional reversed, type-in-the-answer, cloze, custom) gives the cards Anki shows:
//! `{{Field}}`, filters (`{{text:Field}}`, `{{type:Field}}`, `{{cloze:Text}}`, `{{hint:...}}`,
//! `{{furigana:...}}`), sections `{{#Field}}...{{/Field}}` and `{{^Field}}...{{/Field}}`, and
//! `{{FrontSide}}` on the answer side.
//!
//! Rendering works on HTML and returns HTML; the caller turns it into text. A `{{type:...}}`
//! field and the place of a `{{cloze:...}}` field are reported rather than drawn, since recall
//! asks for a typed answer and shows a cloze its own way.

use std::collections::HashMap;

use crate::formats::html;

/// Where the cloze text stood in a rendered side (a noncharacter, never in real text).
pub(super) const CLOZE_MARK: char = '\u{fdd0}';
/// Where `{{FrontSide}}` stood on the answer side.
pub(super) const FRONT_MARK: char = '\u{fdd1}';

/// Longest rendered side, in bytes: a template naming a field a thousand times must not turn a
/// small note into gigabytes.
pub(super) const MAX_RENDERED: usize = 1024 * 1024;

/// A rendered side of a card.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Side {
    pub html: String,
    /// The field of a `{{type:Field}}` (Anki's typed answer), if the side asks for one.
    pub typed: Option<String>,
    /// The field of a `{{cloze:Field}}`, whose place is marked by [`CLOZE_MARK`].
    pub cloze: Option<String>,
}

/// Render `template` with the note's `fields` (by name, as HTML). `FrontSide` renders as
/// [`FRONT_MARK`].
pub(super) fn render(template: &str, fields: &HashMap<&str, &str>) -> Result<Side, String> {
    let mut side = Side::default();
    // Each open section: its field name and whether text was shown before it opened.
    let mut sections: Vec<(&str, bool)> = Vec::new();
    let mut showing = true;
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        if showing {
            side.html.push_str(&rest[..open]);
        }
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            // An unclosed "{{" is text, as Anki shows it.
            if showing {
                side.html.push_str(&rest[open..]);
            }
            rest = "";
            break;
        };
        let tag = after[..close].trim();
        rest = &after[close + 2..];
        if let Some(name) = tag.strip_prefix('#').or(tag.strip_prefix('^')) {
            let name = name.trim();
            let filled = fields.get(name).is_some_and(|f| !is_empty(f));
            sections.push((name, showing));
            showing = showing && (filled == tag.starts_with('#'));
        } else if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            match sections.pop() {
                Some((open, before)) if open == name => showing = before,
                Some((open, _)) => {
                    return Err(format!(
                        "the template closes {{{{/{name}}}}} where {{{{/{open}}}}} was expected"
                    ));
                }
                None => {
                    return Err(format!(
                        "the template closes {{{{/{name}}}}} without opening it"
                    ));
                }
            }
        } else if showing {
            replace(tag, fields, &mut side)?;
        }
        if side.html.len() > MAX_RENDERED {
            return Err(format!(
                "the card would be over {} KB once its template is filled in",
                MAX_RENDERED / 1024
            ));
        }
    }
    if let Some((open, _)) = sections.last() {
        return Err(format!("the template never closes {{{{#{open}}}}}"));
    }
    side.html.push_str(rest);
    Ok(side)
}

/// One `{{filter:...:Field}}` replacement. Filters apply from the field outwards.
fn replace(tag: &str, fields: &HashMap<&str, &str>, side: &mut Side) -> Result<(), String> {
    let mut parts: Vec<&str> = tag.split(':').map(str::trim).collect();
    let name = parts.pop().unwrap_or("");
    if name == "FrontSide" {
        side.html.push(FRONT_MARK);
        return Ok(());
    }
    // Names Anki fills in from the card rather than the note.
    if matches!(
        name,
        "Tags" | "Type" | "Deck" | "Subdeck" | "Card" | "CardFlag" | "CardID"
    ) {
        return Ok(());
    }
    let Some(&value) = fields.get(name) else {
        return Err(format!(
            "the template uses a field `{name}` that the note type does not have"
        ));
    };
    let filters: Vec<&str> = parts.into_iter().rev().collect();
    if filters.contains(&"type") {
        if filters.contains(&"cloze") {
            side.cloze.get_or_insert_with(|| name.to_string());
        } else {
            side.typed.get_or_insert_with(|| name.to_string());
        }
        return Ok(());
    }
    if filters.contains(&"cloze") {
        side.cloze.get_or_insert_with(|| name.to_string());
        side.html.push(CLOZE_MARK);
        return Ok(());
    }
    let mut value = value.to_string();
    for filter in filters {
        value = match filter {
            "text" => html::escape(&html::to_text(&value)),
            "furigana" => ruby(&value, |base, reading| format!("{base}({reading})")),
            "kana" => ruby(&value, |_, reading| reading.to_string()),
            "kanji" => ruby(&value, |base, _| base.to_string()),
            // Text-to-speech and the like draw a button, not text.
            f if f.starts_with("tts") => String::new(),
            // `hint` shows the field behind a link; the rest have no effect on text.
            _ => value,
        };
    }
    side.html.push_str(&value);
    Ok(())
}

/// Anki's furigana syntax, `日本[にほん]`, with each base and reading rewritten by `f`.
fn ruby(text: &str, f: impl Fn(&str, &str) -> String) -> String {
    use regex::Regex;
    use std::sync::LazyLock;
    static RUBY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r" ?([^ >\[]+?)\[([^\]]+)\]").unwrap());
    RUBY.replace_all(text, |c: &regex::Captures| f(&c[1], &c[2]))
        .into_owned()
}

/// Whether a field counts as empty for a section, as Anki decides: nothing but white space and
/// empty markup (a picture alone is not empty).
pub(super) fn is_empty(field: &str) -> bool {
    html::to_text(field).trim().is_empty() && !field.contains("<img") && !field.contains("[sound:")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields<'a>(pairs: &[(&'a str, &'a str)]) -> HashMap<&'a str, &'a str> {
        pairs.iter().copied().collect()
    }

    #[test]
    fn fields_are_filled_in() {
        let f = fields(&[("Front", "<b>Japan</b>"), ("Back", "Tokyo")]);
        assert_eq!(render("Q: {{Front}}", &f).unwrap().html, "Q: <b>Japan</b>");
        assert_eq!(
            render("{{FrontSide}}\n\n<hr id=answer>\n\n{{ Back }}", &f)
                .unwrap()
                .html,
            format!("{FRONT_MARK}\n\n<hr id=answer>\n\nTokyo")
        );
    }

    #[test]
    fn sections_show_or_hide_on_whether_the_field_is_filled() {
        let f = fields(&[
            ("Front", "Canada"),
            ("Add Reverse", ""),
            ("Pic", "<img src=a.png>"),
        ]);
        let t = "{{#Add Reverse}}R:{{Front}}{{/Add Reverse}}{{^Add Reverse}}none{{/Add Reverse}}";
        assert_eq!(render(t, &f).unwrap().html, "none");
        assert_eq!(render("{{#Pic}}pic{{/Pic}}", &f).unwrap().html, "pic");
        assert_eq!(
            render(
                "{{#Front}}a{{#Add Reverse}}b{{/Add Reverse}}c{{/Front}}",
                &f
            )
            .unwrap()
            .html,
            "ac"
        );
    }

    #[test]
    fn type_and_cloze_fields_are_reported() {
        let f = fields(&[("Front", "Italy?"), ("Back", "Rome"), ("Text", "{{c1::x}}")]);
        let side = render("{{Front}}\n\n{{type:Back}}", &f).unwrap();
        assert_eq!(side.html, "Italy?\n\n");
        assert_eq!(side.typed.as_deref(), Some("Back"));
        let side = render("{{cloze:Text}}<br>", &f).unwrap();
        assert_eq!(side.html, format!("{CLOZE_MARK}<br>"));
        assert_eq!(side.cloze.as_deref(), Some("Text"));
        let side = render("{{type:cloze:Text}}", &f).unwrap();
        assert_eq!(side.cloze.as_deref(), Some("Text"));
        assert_eq!(side.typed, None);
    }

    #[test]
    fn filters_change_the_text() {
        let f = fields(&[("F", "<i>日本[にほん]</i>"), ("H", "<b>b</b>")]);
        assert_eq!(render("{{text:H}}", &f).unwrap().html, "b");
        assert_eq!(render("{{hint:H}}", &f).unwrap().html, "<b>b</b>");
        assert_eq!(render("{{kanji:F}}", &f).unwrap().html, "<i>日本</i>");
        assert_eq!(render("{{kana:F}}", &f).unwrap().html, "<i>にほん</i>");
        assert_eq!(
            render("{{furigana:F}}", &f).unwrap().html,
            "<i>日本(にほん)</i>"
        );
        assert_eq!(render("{{tts en_US:H}}", &f).unwrap().html, "");
    }

    #[test]
    fn card_level_names_render_empty() {
        assert_eq!(render("{{Tags}}{{Deck}}x", &fields(&[])).unwrap().html, "x");
    }

    #[test]
    fn broken_templates_are_errors_not_panics() {
        let f = fields(&[("A", "a")]);
        assert!(render("{{#A}}open", &f).is_err());
        assert!(render("{{/A}}", &f).is_err());
        assert!(render("{{#A}}{{/B}}", &f).is_err());
        assert!(render("{{Missing}}", &f).is_err());
        assert_eq!(render("a {{ b", &f).unwrap().html, "a {{ b");
    }

    proptest::proptest! {
        /// Whatever a package's templates hold, rendering returns, never panics.
        #[test]
        fn any_template_renders_or_says_why(
            template in "([{}#^/:]|Front|Back|FrontSide|type|cloze|\\PC){0,80}",
            front in "\\PC{0,20}",
        ) {
            let f = fields(&[("Front", front.as_str()), ("Back", "b")]);
            if let Ok(side) = render(&template, &f) {
                proptest::prop_assert!(side.html.len() <= template.len() + 40 * 20 + 8);
            }
        }
    }

    #[test]
    fn output_is_bounded() {
        let big = "x".repeat(600 * 1024);
        let f = fields(&[("A", big.as_str())]);
        assert!(
            render("{{A}}{{A}}{{A}}", &f)
                .unwrap_err()
                .contains("over 1024 KB")
        );
    }
}

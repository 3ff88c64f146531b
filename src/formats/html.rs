//! HTML as other tools store card text: Anki fields and exported text files hold HTML, recall
//! holds plain text. Converting both ways lives here so every format agrees.

use std::sync::LazyLock;

use regex::Regex;

static COMMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").unwrap());
static SCRIPT_OR_STYLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<(script|style)\b.*?</(script|style)\s*>").unwrap());
static BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<br\s*/?>|</(div|p|li|h[1-6]|tr)\s*>|<(hr)\b[^>]*>").unwrap()
});
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").unwrap());
static SOUND: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[sound:[^\]]*\]").unwrap());
static MEDIA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<img[^>]*\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^ >]+))[^>]*>"#).unwrap()
});
static KNOWN_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(br|div|p|b|i|u|em|strong|span|img|sub|sup|li|ul|ol|font|a|hr|table|tr|td)\b[^>]*>|&(nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);")
        .unwrap()
});

/// Card text from HTML: line breaks from `<br>` and block ends, other tags and `[sound:]`
/// references dropped, entities decoded, blank runs collapsed.
pub fn to_text(html: &str) -> String {
    if !html.contains(['<', '&', '[']) {
        return html.trim().to_string();
    }
    let text = COMMENT.replace_all(html, "");
    let text = SCRIPT_OR_STYLE.replace_all(&text, "");
    let text = BREAK.replace_all(&text, "\n");
    let text = TAG.replace_all(&text, "");
    let text = SOUND.replace_all(&text, "");
    let text = html_escape::decode_html_entities(&text).replace('\u{a0}', " ");
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// Like `to_text` for a piece of a larger text: nothing trimmed, so the spaces around a cloze
/// blank survive.
pub fn decode_inline(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return html.to_string();
    }
    let text = BREAK.replace_all(html, "\n");
    let text = TAG.replace_all(&text, "");
    html_escape::decode_html_entities(&text).replace('\u{a0}', " ")
}

/// Plain text as HTML: `&`, `<`, `>` escaped, line breaks as `<br>`.
pub fn escape(text: &str) -> String {
    html_escape::encode_text(text)
        .replace("\r\n", "\n")
        .replace('\n', "<br>")
}

/// Whether text looks like HTML (real tags or entities), as Anki guesses for text imports.
pub fn looks_like_html(text: &str) -> bool {
    KNOWN_TAG.is_match(text)
}

/// A field stripped as Anki strips it for the sort field and the duplicate checksum: comments
/// and tags removed (images replaced by their file names), entities decoded.
pub fn anki_strip(html: &str) -> String {
    let text = MEDIA.replace_all(html, " ${1}${2}${3} ");
    let text = COMMENT.replace_all(&text, "");
    let text = SCRIPT_OR_STYLE.replace_all(&text, "");
    let text = TAG.replace_all(&text, "");
    html_escape::decode_html_entities(&text).replace('\u{a0}', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_become_newlines_and_tags_go() {
        assert_eq!(
            to_text("<b>Mars</b><br>the <i>red</i> planet"),
            "Mars\nthe red planet"
        );
    }

    #[test]
    fn divs_become_lines_without_blank_runs() {
        assert_eq!(
            to_text("<div>one</div><div><br></div><div>two</div>"),
            "one\n\ntwo"
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(to_text("a &lt; b &amp;&nbsp;c &#233;"), "a < b & c é");
    }

    #[test]
    fn sound_references_are_dropped() {
        assert_eq!(to_text("word [sound:word.mp3]"), "word");
    }

    #[test]
    fn escape_round_trips_through_to_text() {
        let text = "x < y & z\n\"quoted\"";
        assert_eq!(escape(text), "x &lt; y &amp; z<br>\"quoted\"");
        assert_eq!(to_text(&escape(text)), text);
    }

    #[test]
    fn html_is_recognised_by_real_tags() {
        assert!(looks_like_html("a<br>b"));
        assert!(looks_like_html("fish &amp; chips"));
        assert!(!looks_like_html("x < y and y > z"));
    }

    #[test]
    fn anki_strip_keeps_media_names() {
        assert_eq!(
            anki_strip("<b>sun</b><img src=\"sun.jpg\">"),
            "sun sun.jpg "
        );
    }
}

//! Media references in card HTML as Anki writes them: `<img src="flag.png">`, `[sound:a.mp3]`,
//! and `<audio>`/`<video>`/`<source>` elements. Each reference is replaced by a visible marker
//! `[flag.png]`, so the text still says where the picture was (and two cards showing different
//! pictures do not read as one question), and the file names are collected for the card's
//! `media` list.
//!
//! Names are untrusted: one that could leave the media folder (`../x`, `a/b`) or is not a plain
//! file name is reported, never used as a path.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::deck::media_name_problem;

static IMG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?is)<(?:img|audio|video|source)\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>"#,
    )
    .unwrap()
});
static SOUND: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[sound:([^\]]*)\]").unwrap());

/// A field with its media references replaced by markers, and what they referred to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MediaRefs {
    /// The HTML with each reference replaced by `[name]`.
    pub html: String,
    /// File names, in order of appearance, each once.
    pub names: Vec<String>,
    /// References that cannot be media files of the package: remote or inline data, or names
    /// that are not plain file names (with the reason).
    pub refused: Vec<(String, &'static str)>,
}

/// Find the media references in `html`.
pub fn extract(html: &str) -> MediaRefs {
    let mut out = MediaRefs::default();
    if !html.contains("src") && !html.contains("[sound:") {
        out.html = html.to_string();
        return out;
    }
    let mut note = |raw: &str| -> String {
        let name = html_escape::decode_html_entities(raw.trim()).into_owned();
        let lower = name.to_ascii_lowercase();
        if lower.starts_with("data:") {
            out.refused
                .push((short(&name), "inline data is not a media file"));
            return "[picture]".to_string();
        }
        if lower.starts_with("http:") || lower.starts_with("https:") {
            out.refused
                .push((short(&name), "remote files are not copied"));
            return format!("[{}]", name);
        }
        if let Some(problem) = media_name_problem(&name) {
            out.refused.push((short(&name), problem));
            return "[media]".to_string();
        }
        if !out.names.contains(&name) {
            out.names.push(name.clone());
        }
        // The marker is text in an HTML field: escaped like any text.
        format!("[{}]", html_escape::encode_text(&name))
    };
    let replaced = IMG.replace_all(html, |c: &Captures| {
        let raw = c
            .get(1)
            .or(c.get(2))
            .or(c.get(3))
            .map_or("", |m| m.as_str());
        note(raw)
    });
    let replaced = SOUND.replace_all(&replaced, |c: &Captures| note(&c[1]));
    out.html = replaced.into_owned();
    out
}

/// A name as shown in a message: long data URIs are cut.
fn short(name: &str) -> String {
    match name.char_indices().nth(60) {
        Some((cut, _)) => format!("{}...", &name[..cut]),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_and_sounds_become_markers() {
        let got = extract(r#"Whose flag?<br><img src="flag_fr.png"> [sound:anthem de.mp3]"#);
        assert_eq!(got.html, "Whose flag?<br>[flag_fr.png] [anthem de.mp3]");
        assert_eq!(got.names, vec!["flag_fr.png", "anthem de.mp3"]);
        assert!(got.refused.is_empty());
    }

    #[test]
    fn attribute_quoting_and_entities_are_read() {
        let got = extract("<IMG class=x SRC='a&amp;b.png'><img src=c.jpg alt=\"\">");
        assert_eq!(got.names, vec!["a&b.png", "c.jpg"]);
        assert_eq!(got.html, "[a&amp;b.png][c.jpg]");
    }

    #[test]
    fn audio_video_and_source_elements_count() {
        let got = extract(r#"<audio src="a.ogg"></audio><video><source src="v.mp4"></video>"#);
        assert_eq!(got.names, vec!["a.ogg", "v.mp4"]);
    }

    #[test]
    fn a_name_used_twice_is_listed_once() {
        assert_eq!(extract("[sound:x.mp3] [sound:x.mp3]").names, vec!["x.mp3"]);
    }

    #[test]
    fn names_that_leave_the_folder_are_refused() {
        let got = extract(r#"<img src="../../etc/passwd"><img src="/abs.png">[sound:..]"#);
        assert!(got.names.is_empty());
        assert_eq!(got.refused.len(), 3);
        assert_eq!(got.html, "[media][media][media]");
    }

    #[test]
    fn remote_and_inline_pictures_are_not_media_files() {
        let got = extract(
            r#"<img src="https://example.org/a.png"><img src="data:image/png;base64,AAAA">"#,
        );
        assert!(got.names.is_empty());
        assert_eq!(got.html, "[https://example.org/a.png][picture]");
        assert_eq!(got.refused[1].1, "inline data is not a media file");
    }

    proptest::proptest! {
        /// Whatever the field, every name kept is a plain file name.
        #[test]
        fn only_plain_names_are_kept(html in "(<img src=|\\[sound:|[\"'/.> \\]]|\\PC){0,60}") {
            for name in extract(&html).names {
                proptest::prop_assert!(media_name_problem(&name).is_none(), "{name:?}");
            }
        }
    }

    #[test]
    fn text_without_media_is_unchanged() {
        assert_eq!(extract("a <b>bold</b> source").html, "a <b>bold</b> source");
    }
}

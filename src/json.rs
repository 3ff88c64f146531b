//! JSON for a terminal: serde_json escapes C0 control characters in strings but writes C1
//! controls (U+009B is an 8-bit CSI) and bidirectional overrides raw, so deck text printed as
//! JSON could still drive or reorder a terminal. [`to_writer_pretty`] and [`to_writer`] escape
//! those as well (as `\uXXXX`, which reads back as the same text). Every JSON recall writes
//! (show, stats, progress and review exports) goes through them, so all escape alike.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// Characters a terminal may act on (`crate::sanitize`'s set; serde_json itself escapes the
/// C0 controls before a fragment gets here).
fn needs_escape(c: char) -> bool {
    crate::sanitize::is_dangerous(c)
}

/// Like `serde_json::to_writer_pretty`, with the characters above written as `\uXXXX`.
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, Inert(PrettyFormatter::new()));
    value.serialize(&mut ser)
}

/// Like `serde_json::to_writer` (compact), with the characters above written as `\uXXXX`.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(writer: W, value: &T) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, Inert(CompactFormatter));
    value.serialize(&mut ser)
}

struct Inert<F>(F);

impl<F: Formatter> Formatter for Inert<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((i, c)) = rest.char_indices().find(|&(_, c)| needs_escape(c)) {
            writer.write_all(&rest.as_bytes()[..i])?;
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[i + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(v: &serde_json::Value) -> String {
        let mut out = Vec::new();
        to_writer_pretty(&mut out, v).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn c1_controls_and_bidi_overrides_are_escaped() {
        let v = serde_json::json!({"p": "a\u{9b}31m b\u{202e}c \u{1b}[2J"});
        assert_eq!(
            json(&v),
            "{\n  \"p\": \"a\\u009b31m b\\u202ec \\u001b[2J\"\n}"
        );
    }

    #[test]
    fn output_is_the_same_json_as_serde_writes() {
        let v = serde_json::json!({"a": [1, {"b": "Tashkent é"}], "c": null});
        assert_eq!(json(&v), serde_json::to_string_pretty(&v).unwrap());
        let mut compact = Vec::new();
        to_writer(&mut compact, &v).unwrap();
        assert_eq!(
            String::from_utf8(compact).unwrap(),
            serde_json::to_string(&v).unwrap()
        );
    }

    #[test]
    fn compact_output_escapes_alike() {
        let mut out = Vec::new();
        to_writer(&mut out, &serde_json::json!(["\u{9b}\u{202e}"])).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[\"\\u009b\\u202e\"]");
    }
}

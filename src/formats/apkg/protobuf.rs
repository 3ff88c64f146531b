//! Just enough of the protocol buffers wire format to read what Anki's current packages keep in
//! protobuf: the media map (`MediaEntries`), the package `meta`, and the note type and template
//! configs of a schema-18 collection. Each of those is a few fields of varints and strings, so a
//! forty-line reader does the job where a code generator (prost and its build step) would add
//! a dependency, a proc macro and `.proto` files for four fields.
//!
//! Field numbers come from Anki's `proto/anki/import_export.proto` and `notetypes.proto`.
//! Unknown fields are skipped, as protobuf readers must; malformed input is an error, never a
//! panic, and no length is trusted beyond the bytes actually there.

/// One field of a message: its number and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Value<'a> {
    Varint(u64),
    /// Strings, bytes and embedded messages.
    Bytes(&'a [u8]),
    /// Fixed 32- and 64-bit values, kept only to be skipped.
    Fixed,
}

/// The fields of one message, in the order they were written.
pub(super) fn fields(buf: &[u8]) -> Result<Vec<(u32, Value<'_>)>, String> {
    each_field(buf).collect()
}

/// The fields of one message one by one, for a message that may hold millions of them (a
/// media map): the caller can stop counting before keeping them all.
pub(super) fn each_field(buf: &[u8]) -> impl Iterator<Item = Result<(u32, Value<'_>), String>> {
    let mut buf = buf;
    let mut failed = false;
    std::iter::from_fn(move || {
        if buf.is_empty() || failed {
            return None;
        }
        let field = next_field(&mut buf);
        failed = field.is_err();
        Some(field)
    })
}

fn next_field<'a>(buf: &mut &'a [u8]) -> Result<(u32, Value<'a>), String> {
    let key = varint(buf)?;
    let number = u32::try_from(key >> 3).map_err(|_| "field number out of range")?;
    let value = match key & 7 {
        0 => Value::Varint(varint(buf)?),
        1 => {
            take(buf, 8)?;
            Value::Fixed
        }
        2 => {
            let len = usize::try_from(varint(buf)?).map_err(|_| "length too large")?;
            Value::Bytes(take(buf, len)?)
        }
        5 => {
            take(buf, 4)?;
            Value::Fixed
        }
        other => return Err(format!("unsupported protobuf wire type {other}")),
    };
    Ok((number, value))
}

/// The last value of a string field (protobuf's rule for repeated scalars), if any.
pub(super) fn string(fields: &[(u32, Value<'_>)], number: u32) -> Result<Option<String>, String> {
    match fields.iter().rev().find(|(n, _)| *n == number) {
        Some((_, Value::Bytes(b))) => String::from_utf8(b.to_vec())
            .map(Some)
            .map_err(|_| format!("field {number} is not UTF-8 text")),
        Some(_) => Err(format!("field {number} is not a string")),
        None => Ok(None),
    }
}

/// The last value of a varint field, or 0 (protobuf's default) when absent.
pub(super) fn uint(fields: &[(u32, Value<'_>)], number: u32) -> u64 {
    fields
        .iter()
        .rev()
        .find_map(|(n, v)| match v {
            Value::Varint(x) if *n == number => Some(*x),
            _ => None,
        })
        .unwrap_or(0)
}

fn varint(buf: &mut &[u8]) -> Result<u64, String> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = buf.split_first().ok_or("a varint runs past the end")?;
        *buf = rest;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err("a varint is longer than ten bytes".into())
}

fn take<'a>(buf: &mut &'a [u8], len: usize) -> Result<&'a [u8], String> {
    if len > buf.len() {
        return Err("a field runs past the end of its message".into());
    }
    let (head, rest) = buf.split_at(len);
    *buf = rest;
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_varints_strings_and_nested_messages() {
        // {1: 150, 2: "hi", 3: {1: 1}}
        let msg = [
            0x08, 0x96, 0x01, 0x12, 0x02, b'h', b'i', 0x1a, 0x02, 0x08, 0x01,
        ];
        let f = fields(&msg).unwrap();
        assert_eq!(uint(&f, 1), 150);
        assert_eq!(string(&f, 2).unwrap().as_deref(), Some("hi"));
        let Value::Bytes(inner) = f[2].1 else {
            panic!("{f:?}")
        };
        assert_eq!(uint(&fields(inner).unwrap(), 1), 1);
        assert_eq!(uint(&f, 9), 0);
    }

    #[test]
    fn reads_field_numbers_above_fifteen() {
        // Field 255 (MediaEntry.legacy_zip_filename) as a varint: key = 255 << 3.
        let msg = [0xf8, 0x0f, 0x07];
        assert_eq!(uint(&fields(&msg).unwrap(), 255), 7);
    }

    #[test]
    fn skips_fixed_width_fields() {
        let msg = [0x09, 1, 2, 3, 4, 5, 6, 7, 8, 0x15, 1, 2, 3, 4, 0x18, 0x05];
        assert_eq!(uint(&fields(&msg).unwrap(), 3), 5);
    }

    proptest::proptest! {
        /// Any bytes are read or refused, never a panic.
        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            if let Ok(f) = fields(&bytes) {
                let _ = string(&f, 1);
                let _ = uint(&f, 2);
            }
        }
    }

    #[test]
    fn truncated_or_lying_input_is_an_error() {
        assert!(fields(&[0x12, 0x05, b'a']).is_err());
        assert!(fields(&[0x08, 0x80]).is_err());
        assert!(fields(&[0x0b]).is_err());
        assert!(fields(&[0x80; 11]).is_err());
        assert!(fields(&[0x12, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]).is_err());
        assert!(string(&fields(&[0x12, 0x01, 0xff]).unwrap(), 2).is_err());
    }
}

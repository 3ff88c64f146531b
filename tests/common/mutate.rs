//! Edits that property tests make to valid inputs (decks, imported files) to find the inputs
//! a reader mishandles.

/// An edit to an input: overwrite, insert or delete bytes, insert a huge run, or cut the end.
#[derive(Debug, Clone)]
pub enum Edit {
    Put(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Huge(usize, u8, usize),
    Truncate(usize),
}

/// `input` with `edits` applied in turn; positions wrap around the current length.
pub fn apply(input: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut t = input.to_vec();
    for e in edits {
        let len = t.len().max(1);
        match e {
            Edit::Put(at, b) if !t.is_empty() => t[at % len] = *b,
            Edit::Put(..) => {}
            Edit::Insert(at, bytes) => {
                let at = at % (t.len() + 1);
                t.splice(at..at, bytes.iter().copied());
            }
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(t.len());
                if at < end {
                    t.drain(at..end);
                }
            }
            Edit::Huge(at, b, n) => {
                let at = at % (t.len() + 1);
                t.splice(at..at, std::iter::repeat_n(*b, *n));
            }
            Edit::Truncate(at) => t.truncate(at % (t.len() + 1)),
        }
    }
    t
}

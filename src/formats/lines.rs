//! Line numbers for messages about CSV and TSV rows, counted as an editor shows them: "\n",
//! "\r\n" and a lone "\r" (old Mac files) each end a line. The csv crate counts only '\n', and
//! after a "\r\n" it dates the next record from the '\n', so its own line numbers are one short
//! in Windows files and stuck at 1 in old Mac ones.

/// Maps byte offsets of records to 1-based line numbers, counting on from the last offset
/// asked (records come in order, so a long file is read once).
#[derive(Debug)]
pub(crate) struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            bytes,
            pos: 0,
            line: 1,
        }
    }

    /// Where a record reported at `offset` really begins: past any line breaks (the csv crate
    /// may point at the '\n' of the "\r\n" before it; a record never starts with a break).
    pub(crate) fn record_start(&self, offset: usize) -> usize {
        let mut at = offset.min(self.bytes.len());
        while at < self.bytes.len() && matches!(self.bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        at
    }

    /// The line of the record reported at `offset`.
    pub(crate) fn line_at(&mut self, offset: usize) -> u64 {
        let target = self.record_start(offset);
        if target < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        self.line += line_breaks(self.bytes, self.pos, target);
        self.pos = target;
        self.line
    }
}

/// Line breaks in `bytes[from..to]`, a "\r\n" counting once even when `from` falls inside it.
pub(crate) fn line_breaks(bytes: &[u8], from: usize, to: usize) -> u64 {
    (from..to)
        .filter(|&i| match bytes[i] {
            b'\r' => true,
            b'\n' => i == 0 || bytes[i - 1] != b'\r',
            _ => false,
        })
        .count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str, offsets: &[usize]) -> Vec<u64> {
        let mut counter = LineCounter::new(text.as_bytes());
        offsets.iter().map(|&o| counter.line_at(o)).collect()
    }

    #[test]
    fn unix_windows_and_old_mac_breaks_each_end_a_line() {
        assert_eq!(lines_of("a\nb\nc", &[0, 2, 4]), vec![1, 2, 3]);
        assert_eq!(lines_of("a\r\nb\r\nc", &[0, 3, 6]), vec![1, 2, 3]);
        assert_eq!(lines_of("a\rb\rc", &[0, 2, 4]), vec![1, 2, 3]);
    }

    #[test]
    fn an_offset_on_the_newline_of_a_crlf_is_the_next_line() {
        assert_eq!(lines_of("a\r\nb", &[2]), vec![2]);
        assert_eq!(LineCounter::new(b"a\r\nb").record_start(2), 3);
    }

    #[test]
    fn blank_lines_before_a_record_are_skipped() {
        assert_eq!(lines_of("a\n\n\r\nb", &[1]), vec![4]);
    }

    #[test]
    fn an_offset_before_the_last_one_is_counted_again() {
        assert_eq!(lines_of("a\nb\nc", &[4, 2]), vec![3, 2]);
    }

    #[test]
    fn a_crlf_split_by_the_range_counts_once() {
        assert_eq!(line_breaks(b"a\r\nb", 0, 2), 1);
        assert_eq!(line_breaks(b"a\r\nb", 2, 4), 0);
    }
}

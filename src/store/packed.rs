//! Card records as the review log keeps them: a few bytes each instead of JSON text.
//!
//! Every logged answer keeps the card's record before and after it (undo puts the one before
//! back), so this encoding decides most of the database's size. Times are written relative to
//! the answer's own time, which makes them short; numbers are LEB128 varints, signed ones
//! zigzagged; the FSRS memory state is two `f32`s, exactly as the scheduler produced them.
//! The question hash, nearly always the same in both records, is written once: the record
//! before the answer refers to the one after it.
//!
//! Layout of one record:
//!
//! ```text
//! flags     1 byte: phase (bits 0-1: new, learning, review, relearning), suspended (2),
//!           leech (3), stability present (4), difficulty present (5), last review present (6),
//!           buried (7)
//! step      varint
//! due       zigzag varint, milliseconds from the answer's time
//! stability f32 little-endian, if present
//! difficulty f32 little-endian, if present
//! last      zigzag varint, milliseconds from the answer's time, if present
//! interval  varint (days)
//! reps      varint
//! lapses    varint
//! buried    zigzag varint, year * 512 + month * 32 + day, if buried
//! hash      varint tag: 0 the same as the reference hash, 1 sixteen lowercase hex digits
//!           packed into a u64 (little-endian, 8 bytes follow), n + 2 for n bytes of text
//! ```

use jiff::Timestamp;
use jiff::civil::Date;

use crate::schedule::{CardState, Phase};

use super::CardRecord;

const SUSPENDED: u8 = 1 << 2;
const LEECH: u8 = 1 << 3;
const STABILITY: u8 = 1 << 4;
const DIFFICULTY: u8 = 1 << 5;
const LAST_REVIEW: u8 = 1 << 6;
const BURIED: u8 = 1 << 7;

const PHASES: [Phase; 4] = [
    Phase::New,
    Phase::Learning,
    Phase::Review,
    Phase::Relearning,
];

/// The number recall stores for a phase (also the `phase_before` column of the log).
pub fn phase_code(phase: Phase) -> u8 {
    match phase {
        Phase::New => 0,
        Phase::Learning => 1,
        Phase::Review => 2,
        Phase::Relearning => 3,
    }
}

/// The phase stored as `code`, if it is one.
pub fn phase_of(code: u8) -> Option<Phase> {
    PHASES.get(usize::from(code)).copied()
}

/// Encodes `r` for an answer given at `time_ms`. `reference` is a hash the reader will have
/// at hand (the other record's); when `r` has the same one it is not written again.
pub fn encode(r: &CardRecord, time_ms: i64, reference: Option<&str>) -> Vec<u8> {
    let s = &r.state;
    let mut flags = phase_code(s.phase);
    for (on, bit) in [
        (r.suspended, SUSPENDED),
        (r.leech, LEECH),
        (s.stability.is_some(), STABILITY),
        (s.difficulty.is_some(), DIFFICULTY),
        (s.last_review.is_some(), LAST_REVIEW),
        (r.buried_until.is_some(), BURIED),
    ] {
        if on {
            flags |= bit;
        }
    }
    let mut out = Vec::with_capacity(40);
    out.push(flags);
    put_varint(&mut out, u64::from(s.step));
    put_signed(&mut out, s.due.as_millisecond().wrapping_sub(time_ms));
    for x in [s.stability, s.difficulty].into_iter().flatten() {
        out.extend_from_slice(&x.to_le_bytes());
    }
    if let Some(last) = s.last_review {
        put_signed(&mut out, last.as_millisecond().wrapping_sub(time_ms));
    }
    for n in [s.interval_days, s.reps, s.lapses] {
        put_varint(&mut out, u64::from(n));
    }
    if let Some(day) = r.buried_until {
        let packed = i64::from(day.year()) * 512 + i64::from(day.month()) * 32;
        put_signed(&mut out, packed + i64::from(day.day()));
    }
    let hash = r.question_hash.as_str();
    if reference == Some(hash) {
        put_varint(&mut out, 0);
    } else if let Some(n) = hex64(hash) {
        put_varint(&mut out, 1);
        out.extend_from_slice(&n.to_le_bytes());
    } else {
        put_varint(&mut out, hash.len() as u64 + 2);
        out.extend_from_slice(hash.as_bytes());
    }
    out
}

/// Decodes a record written by [`encode`] for an answer at `time_ms`, with the same
/// `reference` hash. The error says what was wrong.
pub fn decode(bytes: &[u8], time_ms: i64, reference: Option<&str>) -> Result<CardRecord, String> {
    let mut r = Reader { bytes, at: 0 };
    let flags = r.byte()?;
    let has = |bit: u8| flags & bit != 0;
    let phase = PHASES[usize::from(flags & 0b11)];
    let step = r.u32()?;
    let due = r.time(time_ms)?;
    let stability = has(STABILITY).then(|| r.f32()).transpose()?;
    let difficulty = has(DIFFICULTY).then(|| r.f32()).transpose()?;
    let last_review = has(LAST_REVIEW).then(|| r.time(time_ms)).transpose()?;
    let interval_days = r.u32()?;
    let reps = r.u32()?;
    let lapses = r.u32()?;
    let buried_until = has(BURIED).then(|| r.date()).transpose()?;
    let question_hash = match r.varint()? {
        0 => reference
            .ok_or("the question hash refers to a record that is missing")?
            .to_string(),
        1 => format!("{:016x}", u64::from_le_bytes(r.array()?)),
        n => {
            let len = usize::try_from(n - 2).map_err(|_| "a question hash is too long")?;
            let text = r.take(len)?;
            String::from_utf8(text.to_vec()).map_err(|_| "a question hash is not UTF-8")?
        }
    };
    if r.at != bytes.len() {
        return Err(format!(
            "{} bytes left over after a card state",
            bytes.len() - r.at
        ));
    }
    Ok(CardRecord {
        state: CardState {
            phase,
            step,
            due,
            stability,
            difficulty,
            last_review,
            interval_days,
            reps,
            lapses,
        },
        suspended: has(SUSPENDED),
        buried_until,
        leech: has(LEECH),
        question_hash,
    })
}

/// Sixteen lowercase hex digits (how recall writes question hashes) as a number.
fn hex64(s: &str) -> Option<u64> {
    let canonical = s.len() == 16 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    canonical.then(|| u64::from_str_radix(s, 16).ok()).flatten()
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_signed(out: &mut Vec<u8>, n: i64) {
    put_varint(out, ((n << 1) ^ (n >> 63)) as u64);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("a card state ends early")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err("a number in a card state is too long".into())
    }

    fn signed(&mut self) -> Result<i64, String> {
        let n = self.varint()?;
        Ok((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    fn u32(&mut self) -> Result<u32, String> {
        u32::try_from(self.varint()?).map_err(|_| "a count in a card state is too large".into())
    }

    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    fn time(&mut self, base: i64) -> Result<Timestamp, String> {
        let ms = base.wrapping_add(self.signed()?);
        Timestamp::from_millisecond(ms).map_err(|e| format!("time {ms}: {e}"))
    }

    fn date(&mut self) -> Result<Date, String> {
        let n = self.signed()?;
        let (year, rest) = (n.div_euclid(512), n.rem_euclid(512));
        let bad = || format!("buried_until {n} is not a date");
        let year = i16::try_from(year).map_err(|_| bad())?;
        Date::new(year, (rest / 32) as i8, (rest % 32) as i8).map_err(|_| bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn reviewing() -> CardRecord {
        CardRecord {
            state: CardState {
                phase: Phase::Review,
                step: 0,
                due: ts("2026-05-04T04:00:00Z"),
                stability: Some(3.173_123_4),
                difficulty: Some(2.0011),
                last_review: Some(ts("2026-05-01T10:10:00.123Z")),
                interval_days: 3,
                reps: 2,
                lapses: 1,
            },
            suspended: false,
            buried_until: None,
            leech: false,
            question_hash: "f79cfcf183711c05".to_string(),
        }
    }

    const T: i64 = 1_777_630_200_123; // 2026-05-01T10:10:00.123Z

    #[test]
    fn a_record_round_trips() {
        let r = reviewing();
        let bytes = encode(&r, T, None);
        assert_eq!(decode(&bytes, T, None), Ok(r));
    }

    #[test]
    fn a_typical_record_takes_about_thirty_bytes() {
        let bytes = encode(&reviewing(), T, None);
        // flags, step, due (5), two f32, last review (0 from the answer), three counts, and
        // the hash as a tag and eight bytes.
        assert_eq!(bytes.len(), 1 + 1 + 5 + 8 + 1 + 3 + 9);
        let shared = encode(&reviewing(), T, Some("f79cfcf183711c05"));
        assert_eq!(shared.len(), bytes.len() - 8);
    }

    #[test]
    fn every_field_round_trips() {
        let r = CardRecord {
            state: CardState {
                phase: Phase::Relearning,
                step: 70_000,
                due: ts("1970-01-01T00:00:00Z"),
                stability: None,
                difficulty: Some(f32::MIN_POSITIVE),
                last_review: None,
                interval_days: u32::MAX,
                reps: 128,
                lapses: 300,
            },
            suspended: true,
            buried_until: Some(date(-12, 2, 29)),
            leech: true,
            question_hash: "not a hex hash ✓".to_string(),
        };
        assert_eq!(decode(&encode(&r, T, None), T, None), Ok(r.clone()));
        let nan = CardRecord {
            state: CardState {
                stability: Some(f32::NAN),
                ..r.state.clone()
            },
            ..r
        };
        let back = decode(&encode(&nan, T, None), T, None).unwrap();
        assert_eq!(
            back.state.stability.map(f32::to_bits),
            Some(f32::NAN.to_bits())
        );
        for phase in PHASES {
            let mut r = reviewing();
            r.state.phase = phase;
            assert_eq!(
                decode(&encode(&r, T, None), T, None).unwrap().state.phase,
                phase
            );
            assert_eq!(phase_of(phase_code(phase)), Some(phase));
        }
        assert_eq!(phase_of(4), None);
    }

    #[test]
    fn hashes_that_are_not_sixteen_lowercase_hex_digits_are_kept_as_text() {
        for hash in [
            "",
            "F79CFCF183711C05",
            "f79cfcf183711c0",
            "f79cfcf183711c05a",
        ] {
            let r = CardRecord {
                question_hash: hash.to_string(),
                ..reviewing()
            };
            let bytes = encode(&r, T, None);
            assert_eq!(decode(&bytes, T, None).unwrap().question_hash, hash);
            assert_eq!(bytes.len(), 1 + 1 + 5 + 8 + 1 + 3 + 1 + hash.len());
        }
        assert_eq!(hex64("00000000000000ff"), Some(255));
    }

    #[test]
    fn a_shared_hash_needs_its_reference() {
        let bytes = encode(&reviewing(), T, Some("f79cfcf183711c05"));
        assert_eq!(decode(&bytes, T, Some("f79cfcf183711c05")), Ok(reviewing()));
        assert_eq!(
            decode(&bytes, T, None),
            Err("the question hash refers to a record that is missing".to_string())
        );
    }

    #[test]
    fn damaged_bytes_are_reported_not_misread() {
        let bytes = encode(&reviewing(), T, None);
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n], T, None).is_err(), "{n} bytes");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(
            decode(&longer, T, None),
            Err("1 bytes left over after a card state".to_string())
        );
        assert!(decode(&[0, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], T, None).is_err());
        let endless = [0x80u8; 12];
        assert!(decode(&endless, T, None).is_err());
    }

    #[test]
    fn varints_round_trip_at_their_edges() {
        for n in [
            0u64,
            1,
            127,
            128,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut out = Vec::new();
            put_varint(&mut out, n);
            assert_eq!(Reader { bytes: &out, at: 0 }.varint(), Ok(n));
        }
        for n in [0i64, -1, 1, -64, 64, i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            put_signed(&mut out, n);
            assert_eq!(Reader { bytes: &out, at: 0 }.signed(), Ok(n));
        }
    }
}

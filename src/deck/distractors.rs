//! Wrong options for generated choice questions: a seeded random generator, pools of the
//! deck's answers by type (so countries are drawn only with countries, roles with roles), the
//! bounded draw from a pool, and plausible wrong numbers spread around a right one.
//!
//! Every card draws with a generator seeded from the deck seed and its own id, so a deck
//! always generates the same cards and adding a fact only changes the cards that happen to
//! draw it. A card looks at a bounded number of candidates (never the whole deck), which keeps
//! a 100 000-card deck fast.

use std::collections::HashMap;

use crate::deck::text::same;
use crate::deck::{Answer, Text};

/// Wrong options wanted for a generated choice question.
pub const WANTED: usize = 3;

/// Fewest wrong options a generated choice question may have: with fewer than three options in
/// all it is not generated.
pub const MIN_WRONG: usize = 2;

/// Pools this small are shuffled whole; larger ones are sampled.
const SMALL_POOL: usize = 64;
/// Random draws from a large pool before falling back to a bounded sequential scan.
const DRAWS: usize = 16 * WANTED;
const SCAN: usize = 256;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

pub fn fnv1a_from(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// 64-bit FNV-1a: a hash that is the same on every machine and every Rust version.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(FNV_OFFSET, bytes)
}

/// SplitMix64: tiny, fast and fully specified, so generated decks never change when a
/// dependency changes its random stream.
pub struct Rng(pub u64);

impl Rng {
    /// The generator of card `FACT-ID/FORM`, hashed without building the id.
    pub fn for_card(seed: u64, fact_id: &str, form: &str) -> Rng {
        let h = fnv1a_from(fnv1a(&seed.to_le_bytes()), fact_id.as_bytes());
        Rng(fnv1a_from(fnv1a_from(h, b"/"), form.as_bytes()))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// What a pooled answer is, for the question that draws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// An event as a clause ("The SCO was founded").
    Event,
    /// The subject of a place fact ("the SCO Secretariat").
    Subject,
    /// A place or a list item: things that may stand for one another when their types agree
    /// (a country from a place fact and a country from a list).
    Thing,
    /// A person's role.
    Role,
    /// A term's definition.
    Definition,
}

/// Which of a fact's answers a pool entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The text the fact lends to others (its event clause, subject, role or definition).
    Lent,
    /// A place fact's place.
    Place,
    /// Item `n` of a list fact.
    Item(u16),
}

/// The deck's answers by family and type: where wrong options are drawn from.
#[derive(Default)]
pub struct Pools(HashMap<(Family, Text), Vec<(u32, Slot)>, foldhash::fast::RandomState>);

impl Pools {
    pub fn add(&mut self, family: Family, ty: &str, fact: usize, slot: Slot) {
        self.0
            .entry((family, Text::from(ty)))
            .or_default()
            .push((fact as u32, slot));
    }

    pub fn get(&self, family: Family, ty: &str) -> &[(u32, Slot)] {
        self.0
            .get(&(family, Text::from(ty)))
            .map_or(&[], Vec::as_slice)
    }
}

/// Up to [`WANTED`] wrong options from `pool`, skipping fact `me`: `pick` proposes one per
/// entry (or `None` when that entry cannot give one), and proposals equal (normalised) to
/// anything in `exclude` or already chosen are passed over.
pub fn draw<'d>(
    rng: &mut Rng,
    pool: &[(u32, Slot)],
    me: usize,
    exclude: &[&str],
    mut pick: impl FnMut(usize, Slot, &mut Rng) -> Option<std::borrow::Cow<'d, str>>,
) -> Vec<Text> {
    let mut order_rng = Rng(rng.next_u64());
    let mut pick_rng = Rng(rng.next_u64());
    let n = pool.len();
    let order: Box<dyn Iterator<Item = (u32, Slot)>> = if n <= SMALL_POOL {
        let mut all = pool.to_vec();
        order_rng.shuffle(&mut all);
        Box::new(all.into_iter())
    } else {
        let start = order_rng.below(n);
        let mut draws = Rng(order_rng.next_u64());
        let random = (0..DRAWS).map(move |_| pool[draws.below(n)]);
        Box::new(random.chain((0..SCAN.min(n)).map(move |k| pool[(start + k) % n])))
    };
    let mut chosen: Vec<Text> = Vec::with_capacity(WANTED);
    for (idx, slot) in order {
        if idx as usize == me {
            continue;
        }
        let Some(text) = pick(idx as usize, slot, &mut pick_rng) else {
            continue;
        };
        // Options that repeat one another ("the head of the UN", "the head of the UN from
        // 1997") are one option to a learner.
        let taken = |other: &str| same(&text, other) || subsumes(&text, other);
        if text.trim().is_empty()
            || exclude.iter().any(|e| taken(e))
            || chosen.iter().any(|c| taken(c))
        {
            continue;
        }
        chosen.push(Text::from(text));
        if chosen.len() == WANTED {
            break;
        }
    }
    chosen
}

/// Whether one of two options of several words contains the other as whole words.
fn subsumes(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().count();
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    words(short) >= 2 && crate::deck::text::find_word(long, short).is_some()
}

/// Whether two answers share any accepted text (normalised).
pub fn overlaps(a: &Answer, b: &Answer) -> bool {
    a.all().any(|x| b.all().any(|y| same(x, y)))
}

/// Significant digits of `value` as written (4300 has 2, 122 has 3, 0.05 has 1), at most 4.
fn significant(value: f64) -> i32 {
    let digits: String = value
        .abs()
        .to_string()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let trimmed = digits.trim_start_matches('0').trim_end_matches('0');
    (trimmed.len() as i32).clamp(1, 4)
}

/// `v` rounded to `sig` significant digits (and to a whole number when `whole`).
fn round_to(v: f64, sig: i32, whole: bool) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let scale = 10f64.powi(sig - 1 - magnitude);
    let r = (v * scale).round() / scale;
    let r = if whole { r.round() } else { r };
    // Drop float noise such as 0.30000000000000004.
    format!("{r:.10}").parse().unwrap_or(r)
}

/// Whether two values are far enough apart to be told apart as options: more than the
/// tolerance and, above small counts, at least a tenth of the larger.
pub fn distinct(a: f64, b: f64, tolerance: f64) -> bool {
    let gap = (a - b).abs();
    let small_count = a.fract() == 0.0 && b.fract() == 0.0 && a.abs().max(b.abs()) <= 12.0;
    let least = if small_count {
        1.0
    } else {
        0.1 * a.abs().max(b.abs())
    };
    gap > tolerance && gap >= least
}

/// Plausible wrong values for `value`, each apart from it and from each other (see
/// [`distinct`]), written to its precision: small counts get their neighbours ("8": 6, 7, 10),
/// larger values get scaled ones ("122": 92, 153, 183; "4,300": 3,200, 5,400, 8,600), in a
/// random order so the right value is not always in the middle.
pub fn spread(value: f64, tolerance: f64, rng: &mut Rng) -> Vec<f64> {
    let whole = value.fract() == 0.0;
    let mut candidates: Vec<f64> = if whole && value.abs() <= 12.0 {
        (-4..=4)
            .map(|k| value + f64::from(k))
            // Nothing is no count of something there is: a positive count gets positive
            // options ("How many hydrogen atoms ...? 0" gives itself away).
            .filter(|v| {
                if value > 0.0 {
                    *v > 0.0
                } else {
                    value < 0.0 || *v >= 0.0
                }
            })
            .collect()
    } else {
        let sig = significant(value).max(2);
        [
            0.5, 0.6, 0.7, 0.75, 0.8, 1.2, 1.25, 1.3, 1.4, 1.5, 1.75, 2.0, 2.5, 3.0,
        ]
        .iter()
        .map(|f| round_to(value * f, sig, whole))
        .collect()
    };
    rng.shuffle(&mut candidates);
    // Some below and some above, so the right value is neither always the largest nor always
    // the smallest: one or two below (when there are such values), the rest above.
    let below_wanted = 1 + rng.below(WANTED - 1);
    let mut out: Vec<f64> = Vec::with_capacity(WANTED);
    let fits = |v: f64, out: &[f64]| {
        v.is_finite() && distinct(v, value, tolerance) && out.iter().all(|o| distinct(*o, v, 0.0))
    };
    for pass in 0..2 {
        for &v in &candidates {
            if out.len() == WANTED {
                break;
            }
            let below = out.iter().filter(|o| **o < value).count();
            // First pass: keep to the wanted split; second: fill with whatever fits.
            let side_ok = pass == 1 || (v < value) == (below < below_wanted);
            if side_ok && !out.contains(&v) && fits(v, &out) {
                out.push(v);
            }
        }
    }
    out
}

/// Whether a value lent by another fact is a plausible wrong option for `value`: of the same
/// order of magnitude.
pub fn plausible(value: f64, other: f64) -> bool {
    if value == 0.0 || other == 0.0 || value.signum() != other.signum() {
        return false;
    }
    let ratio = other / value;
    (0.3..=3.5).contains(&ratio)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn rng_is_fixed_and_bounded() {
        let mut r = Rng::for_card(7, "f", "which");
        let mut again = Rng::for_card(7, "f", "which");
        for _ in 0..100 {
            let n = r.below(5);
            assert!(n < 5);
            assert_eq!(n, again.below(5));
        }
        assert_ne!(
            Rng::for_card(7, "f", "which").next_u64(),
            Rng::for_card(7, "f", "where").next_u64()
        );
    }

    #[test]
    fn significant_digits() {
        assert_eq!(significant(4300.0), 2);
        assert_eq!(significant(122.0), 3);
        assert_eq!(significant(0.05), 1);
        assert_eq!(significant(384400.0), 4);
        assert_eq!(significant(8.0), 1);
    }

    #[test]
    fn rounding_keeps_the_values_precision() {
        assert_eq!(round_to(91.5, 2, true), 92.0);
        assert_eq!(round_to(5375.0, 2, true), 5400.0);
        assert_eq!(round_to(0.375, 2, false), 0.38);
        assert_eq!(round_to(0.0, 2, false), 0.0);
    }

    #[test]
    fn three_digit_counts_get_values_a_tenth_apart() {
        for seed in 0..50 {
            let mut rng = Rng(seed);
            let wrong = spread(122.0, 0.0, &mut rng);
            assert_eq!(wrong.len(), 3, "{wrong:?}");
            for w in &wrong {
                assert!(distinct(*w, 122.0, 0.0), "{w}");
                assert_eq!(w.fract(), 0.0);
            }
            assert!(!wrong.contains(&123.0) && !wrong.contains(&121.0));
        }
    }

    #[test]
    fn the_right_value_is_not_always_at_one_end() {
        let mut splits = [0; 4];
        for seed in 0..50 {
            let wrong = spread(122.0, 0.0, &mut Rng(seed));
            let below = wrong.iter().filter(|w| **w < 122.0).count();
            assert!((1..=2).contains(&below), "{wrong:?}");
            splits[below] += 1;
        }
        assert!(splits[1] > 0 && splits[2] > 0, "{splits:?}");
    }

    #[test]
    fn small_counts_get_neighbours() {
        let mut rng = Rng(3);
        let wrong = spread(8.0, 0.0, &mut rng);
        assert_eq!(wrong.len(), 3);
        assert!(
            wrong.iter().all(|w| (4.0..=12.0).contains(w) && *w != 8.0),
            "{wrong:?}"
        );
        for seed in 0..20 {
            for value in [1.0, 2.0, 4.0] {
                let wrong = spread(value, 0.0, &mut Rng(seed));
                assert_eq!(wrong.len(), 3, "{value}: {wrong:?}");
                assert!(
                    wrong.iter().all(|w| *w > 0.0 && *w != value),
                    "{value}: {wrong:?}"
                );
            }
            let wrong = spread(0.0, 0.0, &mut Rng(seed));
            assert!(wrong.iter().all(|w| *w > 0.0), "{wrong:?}");
        }
    }

    #[test]
    fn values_stay_outside_the_tolerance() {
        for seed in 0..50 {
            let wrong = spread(4300.0, 200.0, &mut Rng(seed));
            assert_eq!(wrong.len(), 3);
            assert!(wrong.iter().all(|w| (w - 4300.0).abs() > 200.0));
            assert!(wrong.iter().all(|w| w % 100.0 == 0.0), "{wrong:?}");
        }
    }

    #[test]
    fn decimals_keep_their_precision() {
        let wrong = spread(0.5, 0.0, &mut Rng(1));
        assert_eq!(wrong.len(), 3);
        assert!(wrong.iter().all(|w| w.to_string().len() <= 4), "{wrong:?}");
    }

    #[test]
    fn other_facts_values_must_be_of_the_same_order() {
        assert!(plausible(4300.0, 3300.0));
        assert!(!plausible(4300.0, 55.0));
        assert!(!plausible(5.0, -5.0));
        assert!(!plausible(0.0, 1.0));
    }
}

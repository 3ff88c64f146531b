//! Typed answers so close that the checker's typo allowance takes one for the other, found
//! through an index of deletion variants within a memory budget.

use super::*;

/// One distinct normalised spelling among the typed answers of the deck.
pub(super) struct Spelling<'d> {
    pub(super) key: &'d str,
    /// Hash of what a typo may not change (digits, one-letter words).
    pub(super) invariant: u64,
    /// As written on the first card that has it.
    pub(super) text: &'d str,
    pub(super) card: usize,
    /// The distinct answers (sets of spellings) that accept it.
    pub(super) answers: Vec<usize>,
}

/// Typed answers (written, or generated from place, person and term facts) that the checker's
/// typo allowance would take for another answer of the deck. During study the checker refuses
/// such a typo because the other answer is in the deck, so what the learner meets is the
/// reverse: the other answer, or a slip near both, is marked wrong. Each pair of spellings is
/// reported once, at the later card.
pub(super) fn typo_neighbours(deck: &Deck, texts: &Texts, out: &mut Vec<Diagnostic>) {
    let cards = &deck.cards;
    // Cards accepting the same set of spellings are one answer: (first card, sorted keys).
    let mut answers: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut answer_of: HashMap<Vec<&str>, usize> = HashMap::new();
    let mut spellings: Vec<Spelling> = Vec::new();
    let mut spelling_of: IdMap<&str, usize> = IdMap::default();
    for (i, (card, t)) in cards.iter().zip(texts.spellings()).enumerate() {
        let Kind::Typed { answer } = &card.kind else {
            continue;
        };
        let mut set: Vec<&str> = t
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !k.is_empty())
            .collect();
        set.sort_unstable();
        set.dedup();
        if set.is_empty() || answer_of.contains_key(&set) {
            continue;
        }
        let a = answers.len();
        answer_of.insert(set.clone(), a);
        answers.push((i, set));
        for ((key, invariant), text) in t.iter().zip(answer.all()) {
            if key.is_empty() {
                continue;
            }
            let s = *spelling_of.entry(key).or_insert_with(|| {
                spellings.push(Spelling {
                    key,
                    invariant: *invariant,
                    text,
                    card: i,
                    answers: Vec::new(),
                });
                spellings.len() - 1
            });
            if !spellings[s].answers.contains(&a) {
                spellings[s].answers.push(a);
            }
        }
    }
    let keys: Vec<(Vec<char>, u64)> = spellings
        .iter()
        .map(|s| (s.key.chars().collect(), s.invariant))
        .collect();
    // Unordered pair of spellings -> (spelling that passes, spelling it passes for, answer).
    let mut found: IdMap<(usize, usize), (usize, usize, usize)> = IdMap::default();
    let near = near_keys(&keys);
    if let Some(&first) = near.left_out.first() {
        let longest = near
            .left_out
            .iter()
            .map(|&x| keys[x].0.len())
            .max()
            .unwrap_or(0);
        let shortest = near
            .left_out
            .iter()
            .map(|&x| keys[x].0.len())
            .min()
            .unwrap_or(0);
        let d = Diagnostic::warning(
            cards[spellings[first].card].span,
            format!(
                "{} typed answer{} of {shortest} to {longest} characters {} not compared with \
                 the others for typos: the deck's answers are too long in all for that check",
                near.left_out.len(),
                if near.left_out.len() == 1 { "" } else { "s" },
                if near.left_out.len() == 1 {
                    "was"
                } else {
                    "were"
                },
            ),
        )
        .with_help(
            "long answers are hard to type exactly; shorten them, or make them choice cards",
        );
        out.push(d);
    }
    for (x, y) in near.pairs {
        let (sx, sy) = (&spellings[x], &spellings[y]);
        let Some(a) = sy.answers.iter().copied().find(|&a| {
            let (card, set) = &answers[a];
            let Kind::Typed { answer } = &cards[*card].kind else {
                return false;
            };
            set.binary_search(&sx.key).is_err() && passes_as_typo(answer, sx.text)
        }) else {
            continue;
        };
        match found.entry((x.min(y), x.max(y))) {
            Entry::Vacant(slot) => {
                slot.insert((x, y, a));
            }
            // Each passes for the other: report at the later card.
            Entry::Occupied(mut slot) => {
                let (ox, _, oa) = *slot.get();
                if spellings[ox].card < answers[oa].0 && sx.card > answers[a].0 {
                    slot.insert((x, y, a));
                }
            }
        }
    }
    let mut found: Vec<(usize, usize, usize)> = found.into_values().collect();
    found.sort_unstable_by_key(|&(x, y, a)| (spellings[x].card, answers[a].0, x, y));
    for (x, y, a) in found {
        let (sx, sy) = (&spellings[x], &spellings[y]);
        let (b, c) = (&cards[sx.card], &cards[answers[a].0]);
        let d = Diagnostic::warning(
            b.span,
            format!(
                "answer `{}` of card `{}` would pass for a misspelling of `{}`, the answer of \
                 card `{}`",
                quote(sx.text, QUOTE),
                b.id,
                quote(sy.text, QUOTE),
                c.id
            ),
        )
        .with_related(
            c.span,
            format!("card `{}` accepts `{}`", c.id, quote(sy.text, QUOTE)),
        )
        .with_help(
            "if both name the same thing, spell it the same way (or add the other spelling to \
             `accept`); if they differ, expect learners' near misses between them to be marked \
             wrong",
        );
        out.push(d);
    }
}

/// Allowances up to this are indexed by deletion variants of the whole key; larger ones (long
/// keys, which have too many such variants) by variants of halves.
pub(super) const WHOLE: usize = 2;

/// The most pairs one shared variant may propose (see `near_keys`).
pub(super) const MAX_MEETINGS: usize = 1024;

pub(super) const WHOLE_TAG: u64 = 1 << 60;
pub(super) const WHOLE_KEY: u64 = 0;
pub(super) const PART: u64 = 1;
pub(super) const HALF: u64 = 2;
pub(super) const PREFIX_TAG: u64 = 2 << 60;
pub(super) const SUFFIX_TAG: u64 = 3 << 60;

/// Calls `emit` with the hash (with `invariant` and `tag`) of every string made from `s` by
/// deleting at most `max` characters. Each variant's hash is put together from precomputed
/// polynomial hashes of the pieces between the deleted characters, so a variant costs
/// `O(max)` rather than a pass over the whole text: a 60,000-character answer has 60,000
/// one-deletion variants, and hashing each in full made checking it take minutes. Equal
/// strings always hash alike; unequal ones that collide only propose a pair for the checker
/// to reject.
pub(super) fn deletions(
    s: &[char],
    max: usize,
    invariant: u64,
    tag: u64,
    emit: &mut dyn FnMut(u64),
) {
    const BASE: u64 = 0x0000_0100_0000_01b3;
    struct Hashes {
        prefix: Vec<u64>,
        power: Vec<u64>,
    }
    impl Hashes {
        /// The hash of `s[a..b]`.
        fn piece(&self, a: usize, b: usize) -> u64 {
            self.prefix[b].wrapping_sub(self.prefix[a].wrapping_mul(self.power[b - a]))
        }
    }
    let n = s.len();
    let mut prefix = Vec::with_capacity(n + 1);
    let mut power = Vec::with_capacity(n + 1);
    prefix.push(0u64);
    power.push(1u64);
    for (i, c) in s.iter().enumerate() {
        prefix.push(prefix[i].wrapping_mul(BASE).wrapping_add(u64::from(*c) + 1));
        power.push(power[i].wrapping_mul(BASE));
    }
    let hashes = Hashes { prefix, power };
    let finish = |poly: u64, len: usize| {
        let mut h = IdHasher::default();
        h.write_u64(invariant);
        h.write_u64(tag);
        h.write_u64(poly);
        h.write_u64(len as u64);
        h.finish()
    };
    /// `kept`: the hash of what is kept before `start`, `len` its length; the characters
    /// from `start` on are all kept unless deleted at or after `from`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn walk(
        hashes: &Hashes,
        n: usize,
        from: usize,
        left: usize,
        kept: u64,
        len: usize,
        start: usize,
        finish: &dyn Fn(u64, usize) -> u64,
        emit: &mut dyn FnMut(u64),
    ) {
        let whole = kept
            .wrapping_mul(hashes.power[n - start])
            .wrapping_add(hashes.piece(start, n));
        emit(finish(whole, len + n - start));
        if left == 0 {
            return;
        }
        for i in from..n {
            let before = kept
                .wrapping_mul(hashes.power[i - start])
                .wrapping_add(hashes.piece(start, i));
            walk(
                hashes,
                n,
                i + 1,
                left - 1,
                before,
                len + i - start,
                i + 1,
                finish,
                emit,
            );
        }
    }
    walk(&hashes, n, 0, max, 0, 0, 0, &finish, emit);
}

/// The `k + 1` points around the middle of a key of `len` characters where it is cut in two.
pub(super) fn splits(len: usize, k: usize) -> Range<usize> {
    let start = (len / 2).saturating_sub(k / 2);
    start..(start + k + 1).min(len + 1)
}

/// A part of a key to index: its tag (prefix or suffix, and the length of the half it may
/// meet), where it starts and ends in the key, and how many characters may be deleted.
pub(super) type Probe = (u64, usize, usize, usize);

/// How a key of `lx` characters is indexed, when the longest allowance of any key is
/// `reach`: fills `probes` with its parts that may meet halves of other keys, and returns
/// how many characters its whole-key variants delete (0: none).
pub(super) fn plan(lx: usize, reach: usize, probes: &mut Vec<Probe>) -> usize {
    let mut whole = 0;
    probes.clear();
    for len in lx.saturating_sub(reach)..=lx + reach {
        let k = typo_allowance(len);
        if k == 0 || len.abs_diff(lx) > k {
            continue;
        }
        if k <= WHOLE {
            whole = whole.max(k);
            continue;
        }
        let h = k / 2;
        for s in splits(len, k) {
            for p in s.saturating_sub(h)..=(s + h).min(lx) {
                probes.push((PREFIX_TAG | s as u64, 0, p, h));
            }
            let rest = len - s;
            for q in rest.saturating_sub(h)..=(rest + h).min(lx) {
                probes.push((SUFFIX_TAG | rest as u64, lx - q, lx, h));
            }
        }
    }
    probes.sort_unstable();
    probes.dedup();
    whole
}

/// How many strings deleting at most `max` of `n` characters makes (what `deletions` emits).
pub(super) fn deletion_count(n: usize, max: usize) -> u64 {
    let mut choose = 1u64;
    let mut sum = 1u64;
    for d in 1..=max.min(n) {
        choose = choose.saturating_mul((n + 1 - d) as u64) / d as u64;
        sum = sum.saturating_add(choose);
    }
    sum
}

/// How many index entries a key of `lx` characters makes (before equal ones are merged).
pub(super) fn entry_count(lx: usize, reach: usize, probes: &mut Vec<Probe>) -> u64 {
    let k = typo_allowance(lx);
    let mut n = 0u64;
    if k > WHOLE {
        for s in splits(lx, k) {
            n += deletion_count(s, k / 2) + deletion_count(lx - s, k / 2);
        }
    }
    let whole = plan(lx, reach, probes);
    if whole > 0 {
        n += deletion_count(lx, whole);
    }
    for &(_, from, to, max) in probes.iter() {
        n += deletion_count(to - from, max);
    }
    n
}

/// Calls `emit(hash, side)` for every index entry of key `key`.
pub(super) fn entries(
    key: &[char],
    invariant: u64,
    reach: usize,
    probes: &mut Vec<Probe>,
    emit: &mut dyn FnMut(u64, u64),
) {
    let lx = key.len();
    let k = typo_allowance(lx);
    if k > WHOLE {
        for s in splits(lx, k) {
            let (prefix, suffix) = (PREFIX_TAG | s as u64, SUFFIX_TAG | (lx - s) as u64);
            let mut add = |h: u64| emit(h, HALF);
            deletions(&key[..s], k / 2, invariant, prefix, &mut add);
            deletions(&key[s..], k / 2, invariant, suffix, &mut add);
        }
    }
    let whole = plan(lx, reach, probes);
    if whole > 0 {
        deletions(key, whole, invariant, WHOLE_TAG, &mut |h| {
            emit(h, WHOLE_KEY)
        });
    }
    for &(tag, from, to, max) in probes.iter() {
        deletions(&key[from..to], max, invariant, tag, &mut |h| emit(h, PART));
    }
}

/// Index entries sorted at once: 16 million take 128 MB. A deck whose answers make more is
/// indexed in several passes, each keeping the entries of one band of hashes, so the memory
/// stays the same whatever the deck holds.
pub(super) const ENTRIES_PER_PASS: u64 = 16 << 20;

/// Index entries of all passes together (four passes): a deck with more answer text than
/// that (about 1.3 million characters of typed answers over 15 letters, or 1.1 million of
/// eight-letter ones) leaves its longest answers out, so the time is bounded too.
pub(super) const MAX_ENTRIES: u64 = 4 * ENTRIES_PER_PASS;

/// What `near_keys` found: pairs of keys, and the keys it left out (the longest ones) to stay
/// within [`MAX_ENTRIES`].
#[derive(Debug, Default, PartialEq)]
pub(super) struct Near {
    pub(super) pairs: Vec<(usize, usize)>,
    pub(super) left_out: Vec<usize>,
}

/// Pairs `(x, y)` of `keys` (indices, x ≠ y) where x may pass for a misspelling of y: every pair
/// with the same invariant (the second field) within the checker's allowance for y (edit
/// distance and length difference), and possibly others, which the caller checks with the
/// checker's own rule.
///
/// No two keys are compared unless they share a variant. Two keys within k edits
/// (Damerau–Levenshtein) become equal once at most k characters are deleted from each (a
/// substitution or a transposition costs one deletion on each side), so each key with an
/// allowance up to [`WHOLE`] gives its variants with as many deletions as any key it may be
/// confused with allows. A longer key y is cut in two at each of `k + 1` points around its
/// middle; an edit spans at most as many cut points as it costs, so one cut is spanned by none,
/// and then one half of y is within `k / 2` edits of the matching part of x, which starts or
/// ends at most `k / 2` characters from the cut: y gives its halves' variants with `k / 2`
/// deletions, and x the variants of its parts that could match them. Variants are hashed and
/// packed with the key's index into one sorted list, so the work is a sort and one pass, with
/// no random lookups into a large table.
///
/// A key makes about 50 entries per character once it is over 15 characters long, so the
/// entries are counted first (from the keys' lengths alone): more than [`ENTRIES_PER_PASS`]
/// are sorted in bands of hashes, one after the other, and past [`MAX_ENTRIES`] the longest
/// keys are left out and returned as such.
pub(super) fn near_keys(keys: &[(Vec<char>, u64)]) -> Near {
    near_keys_within(keys, ENTRIES_PER_PASS, MAX_ENTRIES)
}

/// [`near_keys`] with other limits (for tests).
pub(super) fn near_keys_within(keys: &[(Vec<char>, u64)], per_pass: u64, max: u64) -> Near {
    let id_bits = (usize::BITS - keys.len().leading_zeros()).max(1);
    let id_mask = (1u64 << id_bits) - 1;
    // The variant's hash, then what it is a variant of (a whole key, a part of x, a half of
    // y), then the key's index.
    let pack =
        |h: u64, side: u64, id: usize| ((h >> (id_bits + 2) << 2) | side) << id_bits | id as u64;
    let hash_of = |e: u64| e >> (id_bits + 2);
    let side_of = |e: u64| (e >> id_bits) & 3;
    let longest = keys.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let reach = (0..=2 * longest + 8).map(typo_allowance).max().unwrap_or(0);
    let (ids, left_out, total) = within_budget(keys, reach, max);
    let passes = total.div_ceil(per_pass).max(1);
    let mut pairs = Vec::new();
    for pass in 0..passes {
        let parts = parallel::map_chunks(&ids, KEYS_PER_THREAD, |_, chunk| {
            let mut out: Vec<u64> = Vec::new();
            let mut probes: Vec<Probe> = Vec::new();
            for &x in chunk {
                let (key, invariant) = &keys[x];
                entries(key, *invariant, reach, &mut probes, &mut |h, side| {
                    let e = pack(h, side, x);
                    if hash_of(e) % passes == pass {
                        out.push(e);
                    }
                });
            }
            out
        });
        let mut all: Vec<u64> = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for part in parts {
            all.extend_from_slice(&part);
        }
        all.sort_unstable();
        all.dedup();
        for run in all.chunk_by(|a, b| hash_of(*a) == hash_of(*b)) {
            if run.len() < 2 {
                continue;
            }
            // Whole keys meet each other; parts of x meet halves of y. The run is sorted by
            // side.
            let of = |side: u64| run.iter().copied().filter(move |e| side_of(*e) == side);
            let (wholes, parts, halves) = (of(WHOLE_KEY), of(PART), of(HALF));
            // A variant shared by very many answers (numbered answers such as "Route 12",
            // "Route 13", ...) would make this quadratic: such a family is too regular to be
            // a spelling slip, so it is left out and the check stays near-linear on any deck.
            let (w, p, h) = (
                wholes.clone().count(),
                parts.clone().count(),
                halves.clone().count(),
            );
            if w * w + p * h > MAX_MEETINGS {
                continue;
            }
            let meetings = wholes
                .clone()
                .flat_map(|x| wholes.clone().map(move |y| (x, y)))
                .chain(parts.flat_map(|x| halves.clone().map(move |y| (x, y))));
            for (x, y) in meetings {
                let (x, y) = ((x & id_mask) as usize, (y & id_mask) as usize);
                let (lx, ly) = (keys[x].0.len(), keys[y].0.len());
                if x != y && lx.abs_diff(ly) <= typo_allowance(ly) {
                    pairs.push((x, y));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    Near { pairs, left_out }
}

/// The keys to index (in order), the keys left out (the longest, in order), and how many
/// entries the indexed ones make: at most `max`.
pub(super) fn within_budget(
    keys: &[(Vec<char>, u64)],
    reach: usize,
    max: u64,
) -> (Vec<usize>, Vec<usize>, u64) {
    // Counts depend on the length alone; a deck has few distinct lengths.
    let mut by_length: HashMap<usize, u64> = HashMap::new();
    let mut probes = Vec::new();
    let counts: Vec<u64> = keys
        .iter()
        .map(|(k, _)| {
            *by_length
                .entry(k.len())
                .or_insert_with(|| entry_count(k.len(), reach, &mut probes))
        })
        .collect();
    let mut total: u64 = counts.iter().sum();
    let mut left_out = Vec::new();
    if total > max {
        let mut longest_first: Vec<usize> = (0..keys.len()).collect();
        longest_first.sort_by_key(|&x| std::cmp::Reverse((keys[x].0.len(), x)));
        for x in longest_first {
            if total <= max {
                break;
            }
            total -= counts[x];
            left_out.push(x);
        }
        left_out.sort_unstable();
    }
    let ids = (0..keys.len())
        .filter(|x| left_out.binary_search(x).is_err())
        .collect();
    (ids, left_out, total)
}

// `leak` lives with the other shared text rules, below the generator and the checks.

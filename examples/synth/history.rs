//! Synthetic review histories for benchmarks: every studied card gets a run of answers
//! scheduled by recall's own FSRS scheduler, written into a progress database in one
//! transaction with `Store::record_many` (through `Store::record_review` each answer would be
//! its own durable commit, which is what recall does when studying but takes minutes for a
//! million rows).

use std::path::Path;

use jiff::{Timestamp, ToSpan};
use recall::deck::Card;
use recall::schedule::{CardState, Rating, Scheduler, SchedulerConfig};
use recall::store::{CardRecord, Mode, NewReview, Store};

/// What to generate.
pub struct HistorySpec {
    /// Reviews in all, spread evenly over the studied cards.
    pub reviews: u64,
    /// Fraction of the deck's cards never studied (they stay new).
    pub new_share: f64,
    /// The last review of each card lies a little before this time.
    pub now: Timestamp,
    pub seed: u64,
}

/// The record the store keeps for a card in `state`.
fn record(state: &CardState, hash: &str) -> CardRecord {
    CardRecord {
        state: state.clone(),
        ..CardRecord::new(hash, state.due)
    }
}

/// splitmix64: a small seeded generator, so histories are the same on every run.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A rating as a learner who remembers about nine cards in ten would give it.
fn rating(rng: &mut Rng) -> Rating {
    match rng.below(100) {
        0..=9 => Rating::Again,
        10..=17 => Rating::Hard,
        18..=89 => Rating::Good,
        _ => Rating::Easy,
    }
}

/// Writes the history of `cards` (of deck `deck`) into `dir/progress.sqlite3`, creating the
/// database with recall's own schema first. Returns how many reviews were written.
pub fn write(
    dir: &Path,
    deck: &str,
    cards: &[Card],
    spec: &HistorySpec,
) -> Result<u64, Box<dyn std::error::Error>> {
    let mut store = Store::open(dir)?;
    let studied = ((cards.len() as f64) * (1.0 - spec.new_share)).round() as usize;
    let studied = studied.min(cards.len());
    if studied == 0 || spec.reviews == 0 {
        return Ok(0);
    }
    let scheduler = scheduler()?;
    let base = spec.reviews / studied as u64;
    let extra = spec.reviews % studied as u64;
    let mut rng = Rng(spec.seed);
    let mut logs = Vec::with_capacity(studied);
    for i in 0..studied {
        let n = base + u64::from((i as u64) < extra);
        logs.push(simulate(&scheduler, n, spec.now, &mut rng)?.0);
    }
    // Logged in the order they were given, all cards interleaved, as study sessions log them.
    let mut order: Vec<(Timestamp, u32, u32)> = logs
        .iter()
        .enumerate()
        .flat_map(|(c, log)| (0..log.len()).map(move |k| (log[k].0, c as u32, k as u32)))
        .collect();
    order.sort_unstable();
    let hashes: Vec<String> = cards[..studied]
        .iter()
        .map(recall::session::question_hash)
        .collect();
    let answers = order.into_iter().map(|(_, c, k)| {
        let (c, k) = (c as usize, k as usize);
        let (time, rating, ms, before, after) = &logs[c][k];
        let hash = &hashes[c];
        NewReview {
            deck: deck.to_string(),
            card: cards[c].id.to_string(),
            time: *time,
            rating: *rating,
            answer: String::new(),
            verdict: if *rating == Rating::Again {
                "wrong"
            } else {
                "correct"
            }
            .to_string(),
            response_ms: *ms,
            mode: Mode::Study,
            before: (k > 0).then(|| record(before, hash)),
            after: record(after, hash),
        }
    });
    Ok(store.record_many(answers)? as u64)
}

/// One simulated answer: when, the rating, the response time, and the state before and after.
pub type Answer = (Timestamp, Rating, u64, CardState, CardState);

/// Simulates `n` answers to one card with recall's scheduler, from a fixed origin, then moves
/// the whole run so that its last answer falls within the month before `now` (by whole days,
/// so study days stay aligned). Returns the answers and the card's final state.
pub fn simulate(
    scheduler: &Scheduler,
    n: u64,
    now: Timestamp,
    rng: &mut Rng,
) -> Result<(Vec<Answer>, CardState), Box<dyn std::error::Error>> {
    let origin: Timestamp = "2000-01-01T09:00:00Z".parse()?;
    let mut log = Vec::with_capacity(n as usize);
    let mut state = CardState::new(origin);
    let mut t = origin;
    for r in 0..n {
        let rate = rating(rng);
        let ms = 1500 + rng.below(9000);
        let after = scheduler.answer(&state, rate, t, rng.next() ^ r).state;
        log.push((t, rate, ms, state.clone(), after.clone()));
        state = after;
        // The learner comes back when the card is due, give or take a little.
        t = state.due.max(t) + (rng.below(3600) as i64).seconds();
    }
    let last = log.last().map_or(origin, |e| e.0);
    let back_days = 1 + rng.below(30) as i64;
    let target = now - (back_days * 24).hours();
    let shift_days = (target.as_second() - last.as_second()).div_euclid(86_400);
    let shift = |ts: Timestamp| ts + (shift_days * 24).hours();
    let moved = |s: &CardState| CardState {
        due: shift(s.due),
        last_review: s.last_review.map(shift),
        ..s.clone()
    };
    let log = log
        .into_iter()
        .map(|(t, r, ms, b, a)| (shift(t), r, ms, moved(&b), moved(&a)))
        .collect();
    Ok((log, moved(&state)))
}

/// The scheduler the simulations use: recall's defaults, intervals capped at a year so a
/// hundred answers to one card stay within a few decades.
pub fn scheduler() -> Result<Scheduler, Box<dyn std::error::Error>> {
    Ok(Scheduler::new(SchedulerConfig {
        maximum_interval: 365,
        ..SchedulerConfig::default()
    })?)
}

/// An Anki-style review log (`card_id,review_rating,review_time,review_duration`, as in the
/// shared sample), `reviews` answers over `cards` cards, in time order. With `daily`, each card
/// is answered once a day, its last answer the day before `now` (20,000 answers to one card
/// reach back 55 years): a long history.
pub fn revlog(
    reviews: u64,
    cards: u64,
    now: Timestamp,
    seed: u64,
    daily: bool,
    out: &mut impl std::io::Write,
) -> Result<(), Box<dyn std::error::Error>> {
    let scheduler = scheduler()?;
    let mut rng = Rng(seed);
    let cards = cards.max(1);
    let mut rows: Vec<(i64, u64, u8, u64)> = Vec::with_capacity(reviews as usize);
    for c in 0..cards {
        let n = reviews / cards + u64::from(c < reviews % cards);
        let card = 1_600_000_000_000 + c;
        if daily {
            for k in 0..n as i64 {
                let t = now - ((n as i64 - k) * 24).hours() + (rng.below(3600) as i64).seconds();
                let ms = 1500 + rng.below(9000);
                rows.push((t.as_millisecond(), card, rating(&mut rng).number(), ms));
            }
            continue;
        }
        let (log, _) = simulate(&scheduler, n, now, &mut rng)?;
        for (t, r, ms, _, _) in log {
            rows.push((t.as_millisecond(), card, r.number(), ms));
        }
    }
    rows.sort_unstable();
    writeln!(out, "card_id,review_rating,review_time,review_duration")?;
    for (t, card, rating, ms) in rows {
        let time = Timestamp::from_millisecond(t)?;
        writeln!(
            out,
            "{card},{rating},{},{ms}",
            time.strftime("%Y-%m-%dT%H:%M:%S%.6f+00:00")
        )?;
    }
    Ok(())
}

//! The one place recall reads the wall clock. Everything else takes the time as an argument, so
//! a session can run on a `FixedClock` in tests and give the same result every time.

use std::cell::Cell;

use jiff::{SignedDuration, Timestamp};

/// A source of the current time.
pub trait Clock {
    fn now(&self) -> Timestamp;
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// A clock that only moves when told to.
#[derive(Debug, Clone)]
pub struct FixedClock {
    now: Cell<Timestamp>,
}

impl FixedClock {
    pub fn new(now: Timestamp) -> FixedClock {
        FixedClock {
            now: Cell::new(now),
        }
    }

    pub fn set(&self, now: Timestamp) {
        self.now.set(now);
    }

    /// Move forward (or back, with a negative duration); saturates at the ends of time.
    pub fn advance(&self, by: SignedDuration) {
        let next = self.now.get().saturating_add(by).unwrap_or(Timestamp::MAX);
        self.now.set(next);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.now.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_moves_only_when_told() {
        let start: Timestamp = "2026-05-01T10:00:00Z".parse().unwrap();
        let clock = FixedClock::new(start);
        assert_eq!(clock.now(), start);
        clock.advance(SignedDuration::from_secs(90));
        assert_eq!(clock.now(), "2026-05-01T10:01:30Z".parse().unwrap());
        clock.set(start);
        assert_eq!(clock.now(), start);
    }
}

//! Answer checking: normalise what the learner typed and compare it with what a card expects.

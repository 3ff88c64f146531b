//! Turn facts into cards: forward, reverse and multiple-choice questions, timelines and clozes.

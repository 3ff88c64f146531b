//! Fuzzes the deck loader with arbitrary bytes: it must never panic, every diagnostic must
//! point inside the input and render without error, and a deck it accepts must survive being
//! shown, pooled and answered.

#![no_main]

use libfuzzer_sys::fuzz_target;
use recall::answer::{self, AnswerPool};
use recall::deck::load::load;
use recall::diagnostic::render;
use recall::session::shown_options;

fuzz_target!(|data: &[u8]| {
    let loaded = load(data);
    let text = String::from_utf8_lossy(data);
    for d in &loaded.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= data.len(), "{d:?}");
        let mut out = Vec::new();
        render("deck.toml", &text, d, false, &mut out).unwrap();
    }
    if let Some(deck) = &loaded.deck {
        assert!(!loaded.has_errors());
        let _ = recall::deck::show::to_json(deck);
        let mut out = Vec::new();
        recall::deck::show::write_text(deck, &mut out).unwrap();
        let pool = AnswerPool::new(&deck.cards);
        for card in deck.cards.iter().take(50) {
            let shown = shown_options(card, 1);
            let _ = answer::check(&card.kind, "Tashkent, 2001; 1b 2a", &shown, &pool);
        }
    }
});

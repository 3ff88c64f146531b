//! Wrong options, written or generated, that the checker would grade as right.

use super::*;

/// The answers a fact gives its choice cards, with their accepted spellings.
pub(super) fn fact_answers(fact: &Fact) -> Vec<&Answer> {
    match &fact.kind {
        FactKind::Place { place, .. } => vec![place],
        FactKind::Person { name, .. } => vec![name],
        FactKind::Term { term, .. } => vec![term],
        FactKind::List { items, .. } => items.iter().collect(),
        FactKind::Event { .. } | FactKind::Number { .. } => Vec::new(),
    }
}

/// The texts a fact lends other facts' choice cards as wrong options.
pub(super) fn fact_options(fact: &Fact) -> Vec<&str> {
    match &fact.kind {
        FactKind::Event { what, .. } => vec![what],
        FactKind::Place { subject, place, .. } => vec![subject, &place.text],
        FactKind::Person { role, .. } => vec![role],
        FactKind::List { items, .. } => items.iter().map(|a| a.text.as_str()).collect(),
        FactKind::Number { .. } => Vec::new(),
        FactKind::Term { definition, .. } => vec![definition],
    }
}

/// Wrong options of choice cards that the checker would take for a right answer (the same
/// normalised text as a correct option), or that the card's fact accepts as a spelling of its
/// answer. Written wrong options that the loader already reported (equal but for case and
/// spacing) are left to it; a generated one is reported once per pair of facts.
pub(super) fn distractors(deck: &Deck, facts: &FactIndex, out: &mut Vec<Diagnostic>) {
    // Built on the first generated problem: the facts (two at most) that can lend each text.
    let mut lenders: Option<IdMap<String, Vec<usize>>> = None;
    let mut fact_pairs: HashSet<(usize, usize)> = HashSet::new();
    for card in &deck.cards {
        let Kind::Choice { correct, wrong } = &card.kind else {
            continue;
        };
        let own = card.fact.as_deref().and_then(|f| facts.get(f)).copied();
        let right: Vec<String> = correct.iter().map(|s| normalised(s)).collect();
        let wrong_keys: Vec<String> = wrong.iter().map(|s| normalised(s)).collect();
        // Every spelling of a fact answer that is one of the correct options.
        let accepted: Vec<(String, &str, &str)> = own
            .map(|i| fact_answers(&deck.facts[i]))
            .unwrap_or_default()
            .into_iter()
            .filter(|a| a.all().any(|s| right.contains(&normalised(s))))
            .flat_map(|a| a.all().map(move |s| (normalised(s), s, a.text.as_str())))
            .collect();
        for (w, k) in wrong.iter().zip(&wrong_keys) {
            if k.is_empty() {
                continue;
            }
            let problem = if let Some(c) = right.iter().position(|r| r == k) {
                Problem::Correct(&correct[c])
            } else if let Some((_, spelling, answer)) = accepted.iter().find(|(a, ..)| a == k) {
                Problem::Accepted(spelling, answer)
            } else {
                continue;
            };
            let Some(own) = own else {
                if let Problem::Correct(c) = problem
                    && !same(w, c)
                {
                    out.push(written_distractor(card, w, c));
                }
                continue;
            };
            let lenders = lenders.get_or_insert_with(|| {
                let mut map: IdMap<String, Vec<usize>> = IdMap::default();
                for (i, f) in deck.facts.iter().enumerate() {
                    for text in fact_options(f) {
                        let first = map.entry(normalised(text)).or_default();
                        // Two are enough: one of them is not the card's own fact.
                        if first.len() < 2 && !first.contains(&i) {
                            first.push(i);
                        }
                    }
                }
                map
            });
            let lender = lenders
                .get(k)
                .into_iter()
                .flatten()
                .copied()
                .find(|&i| i != own);
            if let Some(l) = lender
                && !fact_pairs.insert((own.min(l), own.max(l)))
            {
                continue;
            }
            let d = generated_distractor(card, w, problem);
            out.push(match lender.map(|l| &deck.facts[l]) {
                Some(l) => d.with_related(l.span, format!("drawn from fact `{}`", l.id)),
                None => d,
            });
        }
    }
}

/// What is wrong with a wrong option.
#[derive(Clone, Copy)]
pub(super) enum Problem<'d> {
    /// It is the same answer as this correct option.
    Correct(&'d str),
    /// It is this accepted spelling of this answer.
    Accepted(&'d str, &'d str),
}

pub(super) fn written_distractor(card: &Card, wrong: &str, correct: &str) -> Diagnostic {
    Diagnostic::error(
        card.span,
        format!(
            "wrong option `{}` of card `{}` is the same answer as the correct option `{}`",
            quote(wrong, QUOTE),
            card.id,
            quote(correct, QUOTE)
        ),
    )
    .with_help(
        "the checker ignores case, accents, punctuation, spaces and articles, so it would grade \
         this option as correct: change it or remove it",
    )
}

pub(super) fn generated_distractor(card: &Card, wrong: &str, problem: Problem) -> Diagnostic {
    match problem {
        Problem::Correct(correct) => Diagnostic::warning(
            card.span,
            format!(
                "generated wrong option `{}` of card `{}` is the same answer as the correct \
                 option `{}`",
                quote(wrong, QUOTE),
                card.id,
                quote(correct, QUOTE)
            ),
        )
        .with_help(
            "the checker would grade this option as correct: if both facts mean the same thing, \
             write it the same way in both; otherwise reword one",
        ),
        Problem::Accepted(spelling, answer) => Diagnostic::warning(
            card.span,
            format!(
                "generated wrong option `{}` of card `{}` is `{}`, an accepted spelling of its \
                 answer `{}`",
                quote(wrong, QUOTE),
                card.id,
                quote(spelling, QUOTE),
                quote(answer, QUOTE)
            ),
        )
        .with_help(
            "a learner who picks it would be marked wrong: remove that spelling from `accept`, \
             or write the other fact's answer differently",
        ),
    }
}

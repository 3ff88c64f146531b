use super::*;
use crate::answer::{AnswerPool, Verdict, check};
use crate::deck::load::load;
use crate::deck::{Answer, Card, CardId, Fact, FactKind, Span, Tags, Text};

const HEAD: &str = "format = 1\nid = \"t\"\ntitle = \"T\"\n";

/// Every diagnostic of the deck HEAD + `body` (whose first line is line 4), as
/// "line:col severity: message", then "  related line:col note" per related span.
fn report(body: &str) -> Vec<String> {
    let src = format!("{HEAD}{body}");
    let mut out = Vec::new();
    for d in load(src.as_bytes()).diagnostics {
        let (line, col) = d.line_col(&src);
        out.push(format!(
            "{line}:{col} {}: {}",
            d.severity.label(),
            d.message
        ));
        for (span, note) in &d.related {
            let (line, col) = crate::diagnostic::line_col(&src, span.start);
            out.push(format!("  related {line}:{col} {note}"));
        }
    }
    out
}

/// The help of the only diagnostic of HEAD + `body`.
fn help(body: &str) -> String {
    let loaded = load(format!("{HEAD}{body}").as_bytes());
    assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    loaded.diagnostics[0].help.clone().unwrap_or_default()
}

fn typed(id: &str, prompt: &str, answer: &str) -> String {
    format!(
        "\n[[card]]\nid = \"{id}\"\nkind = \"typed\"\nprompt = \"{prompt}\"\nanswer = \"{answer}\"\n"
    )
}

fn choice(id: &str, prompt: &str, correct: &str, wrong: &[&str]) -> String {
    let wrong: Vec<String> = wrong.iter().map(|w| format!("\"{w}\"")).collect();
    format!(
        "\n[[card]]\nid = \"{id}\"\nkind = \"choice\"\nprompt = \"{prompt}\"\ncorrect = \"{correct}\"\nwrong = [{}]\n",
        wrong.join(", ")
    )
}

fn fact(id: &str, kind: &str, fields: &str) -> String {
    format!("\n[[fact]]\nid = \"{id}\"\nkind = \"{kind}\"\n{fields}\n")
}

/// Two more place facts, so that the place facts before them have enough wrong options
/// for their choice questions (at least two of the same type).
fn two_more_places() -> String {
    fact("r", "place", "subject = \"the union\"\nplace = \"Zenda\"")
        + &fact(
            "s",
            "place",
            "subject = \"the council\"\nplace = \"Strelsau\"",
        )
}

#[test]
fn loading_for_use_keeps_every_error_and_skips_the_similarity_warnings() {
    use crate::deck::load::{Checks, load_with};
    use crate::diagnostic::Severity;
    let similar = typed("a", "What is the capital of Uzbekistan?", "Tashkent")
        + &typed("b", "what is the CAPITAL of uzbekistan", "Samarkand");
    let src = format!("{HEAD}{similar}");
    let used = load_with(src.as_bytes(), Checks::Errors);
    assert!(used.diagnostics.is_empty(), "{:?}", used.diagnostics);
    assert!(used.deck.is_some());
    assert_eq!(load(src.as_bytes()).diagnostics.len(), 1);
    let broken = similar
        + &choice(
            "c",
            "What does the SCO promote?",
            "cooperation",
            &["Co-operation"],
        )
        + &typed("a", "Which river?", "Amu Darya");
    let src = format!("{HEAD}{broken}");
    let errors = |checks| -> Vec<String> {
        load_with(src.as_bytes(), checks)
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.message)
            .collect()
    };
    assert_eq!(errors(Checks::Errors), errors(Checks::All));
    assert_eq!(errors(Checks::Errors).len(), 2);
    assert!(load_with(src.as_bytes(), Checks::Errors).deck.is_none());
}

#[test]
fn the_same_prompt_with_another_answer_is_reported() {
    let body = typed("a", "What is the capital of Uzbekistan?", "Tashkent")
        + &typed("b", "what is the CAPITAL of uzbekistan", "Samarkand");
    assert_eq!(
        report(&body),
        [
            "11:1 warning: card `b` asks the same question as card `a` but expects `Samarkand` where that one expects `Tashkent`",
            "  related 5:1 card `a` asks: What is the capital of Uzbekistan?",
        ]
    );
    assert_eq!(
        help(&body),
        "a learner cannot tell which answer is wanted: say in each prompt what sets it apart (a date, a place, a role), or merge the two cards"
    );
}

#[test]
fn the_same_prompt_and_answer_in_another_kind_is_reported() {
    let body = typed("a", "Where is RATS based?", "Tashkent")
        + &choice(
            "b",
            "Where is RATS based?",
            "Tashkent",
            &["Bishkek", "Almaty"],
        );
    assert_eq!(
        report(&body),
        [
            "11:1 warning: card `b` asks the same question as card `a`",
            "  related 5:1 card `a` asks: Where is RATS based?",
        ]
    );
    assert_eq!(
        help(&body),
        "remove one of them, or reword one so that it asks something else"
    );
}

#[test]
fn choice_cards_with_one_prompt_and_different_right_options_are_different_questions() {
    let body = choice(
        "a",
        "Which of these joined in 2017?",
        "India",
        &["Iran", "Iraq"],
    ) + &choice(
        "b",
        "Which of these joined in 2017?",
        "Pakistan",
        &["Iran", "Iraq"],
    );
    assert_eq!(report(&body), Vec::<String>::new());
}

#[test]
fn cards_of_one_fact_may_share_a_prompt() {
    // `where` and `where-choice` of each fact ask "Where is the headquarters of ...?".
    let body = fact("p", "place", "subject = \"RATS\"\nplace = \"Tashkent\"")
        + &fact(
            "q",
            "place",
            "subject = \"the Secretariat\"\nplace = \"Beijing\"",
        )
        + &two_more_places();
    assert_eq!(report(&body), Vec::<String>::new());
}

#[test]
fn two_facts_asking_the_same_thing_are_reported_once() {
    let role = "role = \"Secretary-General\"\ncurrent = false";
    let body = fact("w1", "person", &format!("name = \"Zhang Deguang\"\n{role}"))
        + &fact(
            "w2",
            "person",
            &format!("name = \"Bolat Nurgaliyev\"\n{role}"),
        );
    assert_eq!(
        report(&body),
        [
            "5:1 warning: skipped `w1/role`: a choice question needs at least 2 wrong options of the same type as its answer, and only 0 roles could be drawn",
            "12:1 warning: skipped `w2/role`: a choice question needs at least 2 wrong options of the same type as its answer, and only 0 roles could be drawn",
            "12:1 warning: card `w2/who` asks the same question as card `w1/who` but expects `Bolat Nurgaliyev` where that one expects `Zhang Deguang`",
            "  related 5:1 card `w1/who` asks: Who was the Secretary-General?",
        ]
    );
}

#[test]
fn a_prompt_one_word_longer_with_the_same_answer_is_reported() {
    let body = typed(
        "a",
        "Who was the first Secretary-General of the SCO?",
        "Zhang Deguang",
    ) + &typed(
        "b",
        "Who was the Secretary-General of the SCO?",
        "Zhang Deguang",
    );
    assert_eq!(
        report(&body),
        [
            "11:1 warning: card `b` asks nearly the same question as card `a`, with the same answer `Zhang Deguang`",
            "  related 5:1 card `a` asks: Who was the first Secretary-General of the SCO?",
        ]
    );
    assert_eq!(
        help(&body),
        "if both test the same thing, keep one; if not, reword one so that the difference is plain"
    );
}

#[test]
fn a_prompt_one_word_shorter_with_the_same_answer_is_reported() {
    let body = typed("a", "Who heads the SCO Secretariat?", "Zhang Ming")
        + &typed("b", "Who heads the SCO Secretariat today?", "Zhang Ming");
    assert_eq!(
        report(&body),
        [
            "11:1 warning: card `b` asks nearly the same question as card `a`, with the same answer `Zhang Ming`",
            "  related 5:1 card `a` asks: Who heads the SCO Secretariat?",
        ]
    );
}

#[test]
fn a_nearly_same_question_points_at_the_first_earlier_card_with_its_words() {
    // `c` and `d` add only words such as "is" and "it" to `b`, and `a` one word more.
    let body = typed("a", "Who heads the SCO Secretariat today?", "Zhang Ming")
        + &typed("b", "Who heads the SCO Secretariat?", "Zhang Ming")
        + &typed(
            "c",
            "Who is it that heads the SCO Secretariat?",
            "Zhang Ming",
        )
        + &typed(
            "d",
            "Who was it that heads the SCO Secretariat?",
            "Zhang Ming",
        );
    assert_eq!(
        report(&body),
        [
            "11:1 warning: card `b` asks nearly the same question as card `a`, with the same answer `Zhang Ming`",
            "  related 5:1 card `a` asks: Who heads the SCO Secretariat today?",
            "17:1 warning: card `c` asks nearly the same question as card `b`, with the same answer `Zhang Ming`",
            "  related 11:1 card `b` asks: Who heads the SCO Secretariat?",
            "23:1 warning: card `d` asks nearly the same question as card `b`, with the same answer `Zhang Ming`",
            "  related 11:1 card `b` asks: Who heads the SCO Secretariat?",
        ]
    );
}

#[test]
fn similar_prompts_with_different_answers_are_different_questions() {
    let body = typed("a", "Which city hosts the SCO Secretariat?", "Beijing")
        + &typed(
            "b",
            "Which city hosts the SCO anti-terror structure?",
            "Tashkent",
        );
    assert_eq!(report(&body), Vec::<String>::new());
}

#[test]
fn years_need_the_same_words_not_nearly_the_same() {
    let year = |id: &str, prompt: &str| {
        format!(
            "\n[[card]]\nid = \"{id}\"\nkind = \"year\"\nprompt = \"{prompt}\"\nanswer = 2001\n"
        )
    };
    let body = year("a", "In what year was the SCO founded?")
        + &year("b", "In what year was the SCO Council founded?");
    assert_eq!(report(&body), Vec::<String>::new());
    let body = year("a", "In what year was the SCO founded?")
        + &year("b", "The SCO was founded in what year?");
    assert_eq!(
        report(&body),
        [
            "11:1 warning: card `b` asks nearly the same question as card `a`, with the same answer `2001`",
            "  related 5:1 card `a` asks: In what year was the SCO founded?",
        ]
    );
}

#[test]
fn a_written_wrong_option_equal_to_the_correct_one_is_an_error() {
    let body = choice(
        "c",
        "What does the SCO promote?",
        "cooperation",
        &["Co-operation", "rivalry"],
    );
    let loaded = load(format!("{HEAD}{body}").as_bytes());
    assert!(loaded.deck.is_none());
    assert_eq!(
        report(&body),
        [
            "5:1 error: wrong option `Co-operation` of card `c` is the same answer as the correct option `cooperation`"
        ]
    );
    assert_eq!(
        help(&body),
        "the checker ignores case, accents, punctuation, spaces and articles, so it would grade this option as correct: change it or remove it"
    );
}

#[test]
fn options_the_loader_already_reported_are_not_reported_again() {
    let body = choice("c", "Q?", "Paris", &["Lyon", " paris"]);
    assert_eq!(
        report(&body),
        [
            "10:18 error: option `paris` is listed as both correct and wrong in card `c`",
            "  related 9:11 listed as correct here",
        ]
    );
}

#[test]
fn a_generated_wrong_option_equal_to_the_answer_is_reported_once_per_pair_of_facts() {
    let body = fact(
        "p",
        "place",
        "subject = \"the foundation\"\nplace = \"St. Petersburg\"",
    ) + &fact(
        "q",
        "place",
        "subject = \"the archive\"\nplace = \"St Petersburg\"",
    ) + &two_more_places();
    assert_eq!(
        report(&body),
        [
            "5:1 warning: generated wrong option `St Petersburg` of card `p/where-choice` is the same answer as the correct option `St. Petersburg`",
            "  related 11:1 drawn from fact `q`",
        ]
    );
    let help = load(format!("{HEAD}{body}").as_bytes()).diagnostics[0]
        .help
        .clone();
    assert_eq!(
        help.as_deref(),
        Some(
            "the checker would grade this option as correct: if both facts mean the same thing, write it the same way in both; otherwise reword one"
        )
    );
}

#[test]
fn a_generated_wrong_option_that_is_an_accepted_spelling_is_reported() {
    let body = fact(
        "p",
        "place",
        "subject = \"the Secretariat\"\nplace = \"Beijing\"\naccept = [\"Peking\"]",
    ) + &fact(
        "q",
        "place",
        "subject = \"the old office\"\nplace = \"Pe-king\"",
    ) + &two_more_places();
    assert_eq!(
        report(&body),
        [
            "5:1 warning: generated wrong option `Pe-king` of card `p/where-choice` is `Peking`, an accepted spelling of its answer `Beijing`",
            "  related 12:1 drawn from fact `q`",
        ]
    );
}

#[test]
fn an_answer_within_typo_distance_of_another_is_reported_at_the_later_card() {
    let body = typed("a", "What is the capital of Uzbekistan?", "Tashkent")
        + &typed("b", "Which city is the RATS based in?", "Toshkent");
    assert_eq!(
        report(&body),
        [
            "11:1 warning: answer `Toshkent` of card `b` would pass for a misspelling of `Tashkent`, the answer of card `a`",
            "  related 5:1 card `a` accepts `Tashkent`",
        ]
    );
    assert_eq!(
        help(&body),
        "if both name the same thing, spell it the same way (or add the other spelling to `accept`); if they differ, expect learners' near misses between them to be marked wrong"
    );
}

#[test]
fn the_typo_warning_describes_what_the_checker_does() {
    let body = typed("a", "What is the capital of Uzbekistan?", "Tashkent")
        + &typed("b", "Which city is the RATS based in?", "Toshkent");
    let deck = load(format!("{HEAD}{body}").as_bytes()).deck.unwrap();
    let a = &deck.cards[0].kind;
    // Alone, the checker takes one for a misspelling of the other ...
    let alone = check(a, "Toshkent", &[], &AnswerPool::default());
    assert_eq!(alone.verdict, Verdict::Typo);
    // ... and in the deck it refuses it, as the warning says.
    let outcome = check(a, "Toshkent", &[], &AnswerPool::new(&deck.cards));
    assert_eq!(outcome.verdict, Verdict::Wrong);
    assert_eq!(
        outcome.note.as_deref(),
        Some("Too close to another answer in this deck: Toshkent")
    );
}

#[test]
fn a_short_answer_passes_for_a_longer_one_only_within_the_allowance() {
    // Answers of four characters or fewer allow no typo at all.
    let body = typed("a", "Which country joined in 2017?", "Iran")
        + &typed("b", "Which country lies west of Iran?", "Iraq");
    assert_eq!(report(&body), Vec::<String>::new());
    let body = typed("a", "Which state did Napoleon defeat at Jena?", "Prussia")
        + &typed("b", "Which state did Napoleon invade in 1812?", "Russia");
    assert_eq!(
        report(&body),
        [
            "11:1 warning: answer `Russia` of card `b` would pass for a misspelling of `Prussia`, the answer of card `a`",
            "  related 5:1 card `a` accepts `Prussia`",
        ]
    );
}

#[test]
fn answers_differing_in_a_digit_or_a_letter_word_are_not_typos() {
    let body = typed("a", "Which group met in Osaka?", "Group 20")
        + &typed("b", "Which group met in Kyoto?", "Group 21")
        + &typed("c", "Which vitamin do carrots give?", "Vitamin A")
        + &typed("d", "Which vitamin do oranges give?", "Vitamin C");
    assert_eq!(report(&body), Vec::<String>::new());
}

#[test]
fn spellings_of_one_answer_are_not_typos_of_each_other() {
    let body = "\n[[card]]\nid = \"a\"\nkind = \"typed\"\nprompt = \"Capital?\"\nanswer = \"Tashkent\"\naccept = [\"Toshkent\"]\n";
    assert_eq!(report(body), Vec::<String>::new());
}

#[test]
fn generated_answers_are_compared_too() {
    let body = fact(
        "p",
        "place",
        "subject = \"the old office\"\nplace = \"Bishkek\"",
    ) + &fact(
        "q",
        "place",
        "subject = \"the new office\"\nplace = \"Bishkak\"",
    ) + &two_more_places();
    assert_eq!(
        report(&body),
        [
            "11:1 warning: answer `Bishkak` of card `q/where` would pass for a misspelling of `Bishkek`, the answer of card `p/where`",
            "  related 5:1 card `p/where` accepts `Bishkek`",
        ]
    );
}

#[test]
fn a_starved_fact_says_how_many_more_facts_it_needs() {
    let body = fact(
        "hq",
        "place",
        "subject = \"the Secretariat\"\nplace = \"Beijing\"",
    );
    assert_eq!(
        report(&body),
        [
            "5:1 warning: skipped `hq/where-choice` and `hq/which`: a choice question needs at least 2 wrong options of the same type as its answer, and only 0 cities and 0 organisations could be drawn"
        ]
    );
    assert_eq!(
        help(&body),
        "wrong options come from other place facts with answers of the same type: add at least 2 more (a `place_kind` groups places of one kind)"
    );
}

/// A small deterministic generator for the tests below.
fn strings(n: usize, alphabet: &[char], lengths: Range<usize>, mut seed: u64) -> Vec<Vec<char>> {
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    (0..n)
        .map(|_| {
            let len = lengths.start + next() % (lengths.end - lengths.start);
            (0..len)
                .map(|_| alphabet[next() % alphabet.len()])
                .collect()
        })
        .collect()
}

#[test]
fn very_long_answers_are_compared_without_stalling() {
    // Two answers as long as a deck allows, two edits apart: each used to cost a pass
    // over the whole text per deletion variant (20,000 characters took about 40 s in a
    // release build).
    let long = "k".repeat(crate::deck::load::MAX_ANSWER - 2);
    let body =
        typed("a", "First?", &format!("x{long}y")) + &typed("b", "Second?", &format!("z{long}w"));
    let lines = report(&body);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("11:1 warning: answer `zkkk"),
        "{}",
        lines[0]
    );
}

#[test]
fn deletion_variants_hash_as_the_strings_they_are() {
    let chars = |s: &str| s.chars().collect::<Vec<char>>();
    let hashes = |s: &str, max: usize| {
        let mut out = Vec::new();
        deletions(&chars(s), max, 7, WHOLE_TAG, &mut |h| out.push(h));
        out
    };
    let one = |s: &str| hashes(s, 0)[0];
    let mut got = hashes("tashkent", 2);
    got.sort_unstable();
    got.dedup();
    let mut want = Vec::new();
    let word = chars("tashkent");
    for i in 0..=word.len() {
        for j in i..=word.len() {
            let mut v = word.clone();
            if j < v.len() {
                v.remove(j);
            }
            if i < v.len() && i < j {
                v.remove(i);
            }
            want.push(one(&v.iter().collect::<String>()));
        }
    }
    want.sort_unstable();
    want.dedup();
    assert_eq!(got, want);
    assert_ne!(one("ab"), one("ba"));
    let mut other = Vec::new();
    deletions(&chars("ab"), 0, 8, WHOLE_TAG, &mut |h| other.push(h));
    assert_ne!(other[0], one("ab"), "the invariant is part of the hash");
}

#[test]
fn near_keys_finds_every_pair_the_allowance_admits() {
    // A small alphabet makes close pairs common, at every length the allowance changes.
    let mut keys = strings(400, &['a', 'b', 'c'], 3..22, 7);
    for i in 0..100 {
        // Near copies with a transposition, an insertion and a deletion.
        let mut k = keys[i].clone();
        let n = k.len();
        k.swap(n / 2 - 1, n / 2);
        k.insert(n / 3, 'c');
        k.remove(2 * n / 3);
        keys.push(k);
    }
    // The caller passes distinct keys.
    keys.sort();
    keys.dedup();
    let keyed: Vec<(Vec<char>, u64)> = keys.iter().map(|k| (k.clone(), 0)).collect();
    let found: HashSet<(usize, usize)> = near_keys(&keyed).pairs.into_iter().collect();
    let text: Vec<String> = keys.iter().map(|k| k.iter().collect()).collect();
    let mut by_allowance = [0; 4];
    for (x, a) in text.iter().enumerate() {
        for (y, b) in text.iter().enumerate() {
            let k = typo_allowance(keys[y].len());
            if x != y
                && keys[x].len().abs_diff(keys[y].len()) <= k
                && strsim::damerau_levenshtein(a, b) <= k
            {
                by_allowance[k] += 1;
                assert!(found.contains(&(x, y)), "missed {a} for {b}");
            }
        }
    }
    // Every way of indexing was put to the test.
    assert!(
        by_allowance[1..].iter().all(|&n| n >= 20),
        "{by_allowance:?}"
    );
}

#[test]
fn entries_are_counted_from_the_length_alone() {
    let mut probes = Vec::new();
    for reach in [0, 2, 3] {
        for len in 0..80 {
            let key: Vec<char> = strings(1, &['a', 'b', 'c'], len..len + 1, len as u64).remove(0);
            let mut emitted = 0u64;
            entries(&key, 0, reach, &mut probes, &mut |_, _| emitted += 1);
            assert_eq!(
                entry_count(len, reach, &mut probes),
                emitted,
                "length {len}, reach {reach}"
            );
        }
    }
    assert_eq!(deletion_count(10, 2), 1 + 10 + 45);
    assert_eq!(deletion_count(1, 3), 2);
    // What one answer costs the index, pinned: an answer over 15 characters makes 25
    // entries per character (200 bytes), so one of 2,000 (as long as a deck allows) takes
    // 400 KB.
    let counts: Vec<u64> = [3, 5, 9, 13, 15, 16, 20, 40, 4000]
        .iter()
        .map(|&n| entry_count(n, 3, &mut probes))
        .collect();
    assert_eq!(counts, [0, 6, 46, 329, 495, 551, 550, 1050, 100_050]);
}

#[test]
fn an_index_sorted_in_bands_finds_the_same_pairs() {
    let alphabet = ['a', 'b', 'c'];
    let keys: Vec<(Vec<char>, u64)> = strings(300, &alphabet, 3..30, 11)
        .into_iter()
        .map(|k| (k, 0))
        .collect();
    let whole = near_keys(&keys);
    assert!(whole.pairs.len() > 100, "{}", whole.pairs.len());
    let banded = near_keys_within(&keys, 5_000, MAX_ENTRIES);
    assert_eq!(banded, whole);
}

#[test]
fn past_the_budget_the_longest_keys_are_left_out() {
    let keys: Vec<(Vec<char>, u64)> = ["tashkent", "toshkent", "bishkek", "bishkekk"]
        .iter()
        .map(|k| (k.chars().collect(), 0))
        .chain(std::iter::once(("x".repeat(400).chars().collect(), 0)))
        .collect();
    let mut probes = Vec::new();
    let reach = 3;
    let short: u64 = (0..4)
        .map(|x| entry_count(keys[x].0.len(), reach, &mut probes))
        .sum();
    let near = near_keys_within(&keys, 1000, short);
    assert_eq!(near.left_out, vec![4]);
    assert_eq!(near.pairs, vec![(0, 1), (1, 0), (2, 3), (3, 2)]);
    // A smaller budget leaves out the next longest too, one at a time (of equal lengths,
    // the later one).
    let eight = entry_count(8, reach, &mut probes);
    let near = near_keys_within(&keys, 1000, short - eight);
    assert_eq!(near.left_out, vec![3, 4]);
    assert_eq!(near.pairs, vec![(0, 1), (1, 0)]);
}

#[test]
fn near_keys_never_pairs_keys_of_different_invariants() {
    let keyed = vec![
        ("group20".chars().collect(), 1),
        ("group21".chars().collect(), 2),
        ("groupe20".chars().collect(), 1),
    ];
    assert_eq!(near_keys(&keyed).pairs, vec![(0, 2), (2, 0)]);
}

fn card(id: &str, fact: Option<&str>, span: Span) -> Card {
    Card {
        id: CardId(id.into()),
        kind: Kind::TrueFalse { answer: true },
        prompt: format!("Is statement {} true?", span.start).into(),
        tags: Tags::default(),
        explain: None,
        source: None,
        fact: fact.map(Text::from),
        media: None,
        span,
        checking: Default::default(),
    }
}

#[test]
fn lint_reports_a_generated_id_colliding_with_another_card() {
    let fact = Fact {
        id: "f".into(),
        kind: FactKind::Term {
            term: Answer::plain("x"),
            definition: "y".into(),
        },
        tags: vec![],
        explain: None,
        source: None,
        span: Span::new(50, 58),
        hints: Default::default(),
    };
    let deck = Deck {
        facts: vec![fact],
        cards: vec![
            card("f/name", None, Span::new(0, 8)),
            card("f/name", Some("f"), Span::new(50, 58)),
        ],
        ..Deck::default()
    };
    let diags = lint(&deck);
    assert_eq!(diags.len(), 1);
    assert_eq!(
        diags[0].message,
        "duplicate card id `f/name` (generated from fact `f`)"
    );
    assert_eq!(diags[0].span, Span::new(50, 58));
    assert_eq!(
        diags[0].related,
        vec![(Span::new(0, 8), "first card `f/name` generated".to_string())]
    );
}

#[test]
fn lint_reports_cards_of_missing_facts() {
    let deck = Deck {
        cards: vec![card("g/name", Some("g"), Span::new(3, 4))],
        ..Deck::default()
    };
    let diags = lint(&deck);
    assert_eq!(
        diags[0].message,
        "card `g/name` refers to a missing fact `g`"
    );
}

#[test]
fn leak_finds_typed_answers_and_alternatives() {
    let kind = Kind::Typed {
        answer: Answer {
            text: "Tashkent".into(),
            accept: vec!["RATS HQ".into()],
        },
    };
    assert_eq!(
        leak(&kind, "Where is the RATS HQ?"),
        Some(Leak {
            answer: "RATS HQ".into(),
            range: 13..20
        })
    );
    assert_eq!(leak(&kind, "Where is it?"), None);
}

#[test]
fn leak_ignores_choice_cards() {
    let kind = Kind::Choice {
        correct: vec!["Beijing".into()],
        wrong: vec!["Moscow".into()],
    };
    assert_eq!(leak(&kind, "Beijing or Moscow?"), None);
}

#[test]
fn leak_checks_years_as_whole_words() {
    let kind = Kind::Year {
        answer: 2001,
        tolerance: 0,
    };
    assert_eq!(
        leak(&kind, "What began in 2001?").map(|l| l.range),
        Some(14..18)
    );
    assert_eq!(leak(&kind, "What began in 20012?"), None);
}

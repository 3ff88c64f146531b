//! `draft_bench`: the extraction benchmark. Drafts a deck from each article, loads the draft as
//! `recall check` would, and scores its facts against the article's gold deck (the match rule
//! is in `recall::draft::score`). Not part of recall itself; run it with
//!
//! ```text
//! cargo run --release --example draft_bench -- bench/generate/dev
//! cargo run --release --example draft_bench -- --pair ARTICLE.txt GOLD.toml [--verbose]
//! cargo run --release --example draft_bench -- --skeletons ARTICLE.txt
//! cargo run --release --example draft_bench -- --rules bench/generate/dev
//! ```
//!
//! A directory holds `<slug>.txt` articles, each beside its `<slug>.gold.toml`. The output is a
//! Markdown table per article and overall, then precision by confidence band; `--verbose` also
//! lists every drafted fact, a matched one beside the gold fact it states and an unmatched one
//! beside a gold fact with the same answer (if any), to audit the match rule by hand, then the
//! gold facts nothing matched; and
//! `--skeletons` shows how each sentence of an article was read (for working on the rules);
//! `--rules` adds a table of each rule's drafted facts and how many were correct, which is how
//! the rules' confidences are set from the development set (never run it on the held-out
//! set).
//! Exit code 0, or 2 when an input cannot be read or a gold deck has errors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use recall::deck::load::load;
use recall::deck::{Fact, FactKind};
use recall::diagnostic::Severity;
use recall::draft::draft_from_article;
use recall::draft::score::{BANDS, Score, matches, percent, same_key};

struct Row {
    name: String,
    score: Score,
    cards: usize,
    errors: usize,
    /// Per rule: its confidence, the facts it drafted and how many were correct.
    rules: BTreeMap<&'static str, (f32, usize, usize)>,
}

fn main() -> ExitCode {
    let mut verbose = false;
    let mut by_rule = false;
    let mut pairs: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--rules" => by_rule = true,
            "--skeletons" => {
                let Some(path) = args.next() else {
                    return usage("--skeletons takes an article");
                };
                return match std::fs::read_to_string(&path) {
                    Ok(text) => {
                        print!("{}", recall::draft::explain(&text));
                        ExitCode::SUCCESS
                    }
                    Err(e) => usage(&format!("{path}: {e}")),
                };
            }
            "--pair" => match (args.next(), args.next()) {
                (Some(a), Some(g)) => pairs.push((a.into(), g.into())),
                _ => return usage("--pair takes an article and its gold deck"),
            },
            dir => match articles_in(Path::new(dir)) {
                Ok(found) => pairs.extend(found),
                Err(e) => return usage(&format!("{dir}: {e}")),
            },
        }
    }
    if pairs.is_empty() {
        return usage("give a directory of articles or --pair ARTICLE GOLD");
    }
    let mut rows = Vec::new();
    for (article, gold) in &pairs {
        match run(article, gold, verbose) {
            Ok(row) => rows.push(row),
            Err(e) => {
                eprintln!("draft_bench: {e}");
                return ExitCode::from(2);
            }
        }
    }
    print_table(&rows);
    if by_rule {
        print_rules(&rows);
    }
    ExitCode::SUCCESS
}

/// Each rule's drafted facts and correct ones over all articles, most drafted first.
fn print_rules(rows: &[Row]) {
    let mut all: BTreeMap<&str, (f32, usize, usize)> = BTreeMap::new();
    for row in rows {
        for (rule, (confidence, drafted, correct)) in &row.rules {
            let e = all.entry(rule).or_insert((*confidence, 0, 0));
            e.1 += drafted;
            e.2 += correct;
        }
    }
    let mut list: Vec<_> = all.into_iter().collect();
    list.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(a.0.cmp(b.0)));
    println!("\n| rule | confidence | drafted facts | correct |");
    println!("|---|---|---|---|");
    for (rule, (confidence, drafted, correct)) in list {
        println!("| {rule} | {confidence:.2} | {drafted} | {correct} |");
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("draft_bench: {message}");
    eprintln!("usage: draft_bench [--verbose] [--rules] [DIR...] [--pair ARTICLE GOLD]...");
    ExitCode::from(2)
}

/// The `<slug>.txt` files of a directory with their `<slug>.gold.toml`, by name.
fn articles_in(dir: &Path) -> std::io::Result<Vec<(PathBuf, PathBuf)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let gold = path.with_extension("gold.toml");
            if gold.exists() {
                out.push((path, gold));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn run(article: &Path, gold_path: &Path, verbose: bool) -> Result<Row, String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let text = String::from_utf8(read(article)?)
        .map_err(|_| format!("{}: not UTF-8", article.display()))?;
    let gold_bytes = read(gold_path)?;
    let gold = load(&gold_bytes);
    let gold_facts = match gold.deck {
        Some(deck) if !has_errors(&gold.diagnostics) => deck.facts,
        _ => {
            // Say what is wrong, as `recall check` would.
            let mut shown = Vec::new();
            let errors = gold
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error);
            let name = gold_path.display().to_string();
            let source = String::from_utf8_lossy(&gold_bytes);
            let _ = recall::diagnostic::render_all(&name, &source, errors, false, &mut shown);
            return Err(format!(
                "{name}: the gold deck has errors\n{}",
                String::from_utf8_lossy(&shown)
            ));
        }
    };

    let draft = draft_from_article(&text);
    let toml = draft.annotated_toml();
    let loaded = load(toml.as_bytes());
    let errors = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let (facts, cards) = loaded
        .deck
        .map_or((Vec::new(), 0), |d| (d.facts, d.cards.len()));
    let confidence = |f: &Fact| {
        draft
            .items
            .iter()
            .find(|i| i.id == f.id.as_str())
            .map_or(0.0, |i| i.confidence)
    };
    let drafted: Vec<(&Fact, f32)> = facts.iter().map(|f| (f, confidence(f))).collect();
    let score = Score::of(&drafted, &gold_facts);
    // Named after the gold deck, so an article kept elsewhere still gets its own name.
    let name = gold_path
        .file_name()
        .map(|s| s.to_string_lossy())
        .map_or_else(
            || gold_path.display().to_string(),
            |s| s.trim_end_matches(".gold.toml").to_string(),
        );
    if verbose {
        println!("## {name}\n");
        // Matches and near misses side by side, to audit the match rule by hand.
        for (f, c) in &drafted {
            let unmatched = score.unmatched.iter().any(|id| f.id == id.as_str());
            let beside = gold_facts.iter().find(|g| {
                if unmatched {
                    same_key(&f.kind, &g.kind)
                } else {
                    matches(&f.kind, &g.kind)
                }
            });
            let gold = beside.map_or(String::new(), |g| format!("  ~  {}", describe(&g.kind)));
            let label = if unmatched { "unmatched" } else { "matched" };
            println!("- {label} ({c:.2}): {}{gold}", describe(&f.kind));
        }
        for id in &score.missed {
            if let Some(f) = gold_facts.iter().find(|f| f.id == id.as_str()) {
                println!("- missed: {}", describe(&f.kind));
            }
        }
        println!();
    }
    let mut rules = BTreeMap::new();
    for (f, _) in &drafted {
        if let Some(item) = draft.items.iter().find(|i| i.id == f.id.as_str()) {
            let correct = !score.unmatched.iter().any(|id| f.id == id.as_str());
            let e = rules.entry(item.rule).or_insert((
                recall::draft::rules::confidence_of(item.rule),
                0,
                0,
            ));
            e.1 += 1;
            e.2 += usize::from(correct);
        }
    }
    Ok(Row {
        name,
        score,
        cards,
        errors,
        rules,
    })
}

fn has_errors(diagnostics: &[recall::diagnostic::Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// A fact on one line, for the verbose lists.
fn describe(kind: &FactKind) -> String {
    match kind {
        FactKind::Event { what, date, place } => format!(
            "event {what} @ {}{}{}{}",
            date.year,
            date.month.map_or(String::new(), |m| format!("-{m:02}")),
            date.day.map_or(String::new(), |d| format!("-{d:02}")),
            place.as_ref().map_or(String::new(), |p| format!(" in {p}"))
        ),
        FactKind::Place {
            subject,
            relation,
            place,
            ..
        } => format!("place {relation} of {subject} = {}", place.text),
        FactKind::Person { name, role, .. } => format!("person {} = {role}", name.text),
        FactKind::List { name, items, .. } => format!(
            "list {name} = {}",
            items
                .iter()
                .map(|i| i.text.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        ),
        FactKind::Number {
            quantity,
            value,
            unit,
            ..
        } => format!(
            "number {quantity} = {value} {}",
            unit.as_deref().unwrap_or("")
        ),
        FactKind::Term { term, definition } => format!("term {} = {definition}", term.text),
    }
}

fn figure(value: Option<f64>) -> String {
    value.map_or("-".into(), |v| format!("{v:.0}%"))
}

fn print_table(rows: &[Row]) {
    println!(
        "| article | gold facts | found | recall | drafted facts | correct | precision (lower bound) | same answer as a gold fact | questions per fact | check |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut total = Score::default();
    let (mut cards, mut errors) = (0, 0);
    let line = |name: &str, s: &Score, cards: usize, errors: usize| {
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            s.gold,
            s.found,
            figure(percent(s.found, s.gold)),
            s.drafted,
            s.correct,
            figure(percent(s.correct, s.drafted)),
            figure(percent(s.same_answer, s.drafted)),
            if s.drafted > 0 {
                format!("{:.1}", cards as f64 / s.drafted as f64)
            } else {
                "-".into()
            },
            if errors == 0 {
                "ok".to_string()
            } else {
                format!("{errors} errors")
            }
        );
    };
    for row in rows {
        line(&row.name, &row.score, row.cards, row.errors);
        total.add(&row.score);
        cards += row.cards;
        errors += row.errors;
    }
    if rows.len() > 1 {
        line("**overall**", &total, cards, errors);
    }
    println!();
    println!("| confidence | drafted facts | correct | precision |");
    println!("|---|---|---|---|");
    for ((_, label), (drafted, correct)) in BANDS.iter().zip(total.bands) {
        println!(
            "| {label} | {drafted} | {correct} | {} |",
            figure(percent(correct, drafted))
        );
    }
}

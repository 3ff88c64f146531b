//! `recall export report`: the statistics of [`Stats`] as one self-contained HTML page, with
//! every chart drawn as inline SVG. The page loads nothing (its content security policy forbids
//! it), runs no script, and shows deck text only escaped.

use std::fmt::Write as _;

use super::html::{Bar, column_chart, escape, heatmap, page, percent, row_chart, stacked_bar};
use super::stats::Stats;

/// The whole page.
pub fn render(stats: &Stats) -> String {
    let mut b = String::new();
    let scope = match &stats.deck {
        Some(d) => format!("deck {}", escape(d)),
        None => "all decks".to_string(),
    };
    let _ = writeln!(b, "<h1>recall progress report</h1>");
    let s = &stats.summary;
    let _ = writeln!(
        b,
        "<p class=\"meta\">{scope}, study day {}; generated {}</p>",
        escape(&stats.today),
        escape(&stats.generated_at)
    );
    let retention = s.retention.map_or("-".to_string(), percent);
    let _ = writeln!(
        b,
        "<p>{} answers in all, {} today; {} days studied, a streak of {} days; true retention \
         {retention}.</p>",
        s.reviews, s.reviews_today, s.days_studied, s.streak
    );
    if s.external_reviews > 0 {
        let _ = writeln!(
            b,
            "<p class=\"note\">{} of the answers are imported history of cards in no recall \
             deck.</p>",
            s.external_reviews
        );
    }

    let c = &stats.cards;
    let _ = writeln!(b, "<h2>Cards by state</h2>");
    let parts = [
        ("s-new", c.new, "new"),
        ("s-learning", c.learning, "learning"),
        ("s-review", c.review, "review"),
        ("s-relearning", c.relearning, "relearning"),
        ("s-suspended", c.suspended, "suspended"),
    ]
    .map(|(class, n, name)| (class, f64::from(n), format!("{n} {name}")));
    b.push_str(&stacked_bar("cards", &parts));

    let _ = writeln!(
        b,
        "<h2>Due forecast</h2>\n<p class=\"note\">Cards due each day for the next {} days; \
         overdue cards count today.</p>",
        stats.forecast.len()
    );
    let bars: Vec<Bar> = stats
        .forecast
        .iter()
        .map(|d| {
            let tip = format!("{}: {} due", d.date, d.due);
            Bar::new(short_date(&d.date), f64::from(d.due), tip)
        })
        .collect();
    b.push_str(&column_chart("forecast", &bars, None, 7));

    let _ = writeln!(
        b,
        "<h2>Answers per day</h2>\n<p class=\"note\">The last {} days; the red part of each bar \
         is the answers graded Again.</p>",
        stats.reviews_per_day.len()
    );
    let bars: Vec<Bar> = stats
        .reviews_per_day
        .iter()
        .map(|d| Bar {
            part: f64::from(d.failed),
            ..Bar::new(
                short_date(&d.date),
                f64::from(d.reviews),
                format!("{}: {} answers, {} failed", d.date, d.reviews, d.failed),
            )
        })
        .collect();
    b.push_str(&column_chart("reviews", &bars, None, 7));

    let _ = writeln!(
        b,
        "<h2>True retention by card age</h2>\n<p class=\"note\">Answers on a later day than the \
         card's previous one that were not graded Again, by the card's age when answered.</p>"
    );
    let bars: Vec<Bar> = stats
        .retention_by_age
        .iter()
        .map(|a| {
            let tip = match a.retention {
                Some(r) => format!(
                    "{}: {} ({} of {})",
                    a.label,
                    percent(r),
                    a.passed,
                    a.reviews
                ),
                None => format!("{}: no answers", a.label),
            };
            Bar::new(a.label, a.retention.unwrap_or(0.0), tip)
        })
        .collect();
    b.push_str(&column_chart("retention", &bars, Some(1.0), 1));

    let _ = writeln!(
        b,
        "<h2>Study heatmap</h2>\n<p class=\"note\">Answers per day over the last {} weeks; \
         darker is busier.</p>",
        stats.heatmap.len().div_ceil(7)
    );
    let max = stats.heatmap.iter().map(|d| d.reviews).max().unwrap_or(0);
    let cells: Vec<(u8, String)> = stats
        .heatmap
        .iter()
        .map(|d| {
            let level = if d.reviews == 0 || max == 0 {
                0
            } else {
                (u64::from(d.reviews) * 4)
                    .div_ceil(u64::from(max))
                    .clamp(1, 4) as u8
            };
            (level, format!("{}: {} answers", d.date, d.reviews))
        })
        .collect();
    b.push_str(&heatmap("heatmap", &cells));

    let _ = writeln!(
        b,
        "<h2>Mastery per tag</h2>\n<p class=\"note\">The share of each tag's cards that are in \
         review with a recall probability of at least 90%, and the accuracy of all answers to \
         them.</p>"
    );
    if stats.tags.is_empty() {
        let _ = writeln!(b, "<p class=\"note\">No tags.</p>");
    }
    let bars: Vec<Bar> = stats
        .tags
        .iter()
        .map(|t| {
            Bar::new(
                &t.tag,
                t.mastery,
                format!("{}: {} of {} cards mastered", t.tag, t.mastered, t.cards),
            )
        })
        .collect();
    let texts: Vec<String> = stats
        .tags
        .iter()
        .map(|t| {
            let acc = t.accuracy.map_or("-".to_string(), percent);
            format!("{} mastered, accuracy {acc}", percent(t.mastery))
        })
        .collect();
    b.push_str(&row_chart("tags", &bars, Some(1.0), &texts));

    let _ = writeln!(
        b,
        "<h2>Hardest cards</h2>\n<p class=\"note\">The answered cards with the most lapses, \
         then the lowest recall probability now.</p>"
    );
    if stats.hardest.is_empty() {
        let _ = writeln!(b, "<p class=\"note\">No answers yet.</p>");
    }
    let bars: Vec<Bar> = stats
        .hardest
        .iter()
        .map(|h| {
            let risk = 1.0 - h.retrievability.unwrap_or(1.0);
            Bar::new(
                format!("{}/{}", h.deck, h.card),
                f64::from(h.lapses) + risk,
                format!("{}: {} lapses", h.prompt, h.lapses),
            )
        })
        .collect();
    let texts: Vec<String> = stats
        .hardest
        .iter()
        .map(|h| {
            let r = h.retrievability.map_or("-".to_string(), percent);
            format!("{} lapses, recall {r}", h.lapses)
        })
        .collect();
    b.push_str(&row_chart("hardest", &bars, None, &texts));
    if !stats.hardest.is_empty() {
        b.push_str(
            "<table>\n<tr><th>card</th><th>question</th><th class=\"num\">lapses</th>\
             <th class=\"num\">recall now</th><th class=\"num\">accuracy</th>\
             <th class=\"num\">answers</th></tr>\n",
        );
        for h in &stats.hardest {
            let _ = writeln!(
                b,
                "<tr><td>{}/{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(&h.deck),
                escape(&h.card),
                escape(&h.prompt),
                h.lapses,
                h.retrievability.map_or("-".to_string(), percent),
                h.accuracy.map_or("-".to_string(), percent),
                h.reviews
            );
        }
        b.push_str("</table>\n");
    }
    page("recall progress report", &b)
}

/// `2026-03-02` as `03-02`, to fit under a bar.
fn short_date(date: &str) -> String {
    date.get(5..).unwrap_or(date).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::stats::{
        AgeRetention, CardCounts, DayCount, DueDay, HardCard, Summary, TagStats,
    };

    fn stats() -> Stats {
        Stats {
            version: 1,
            generated_at: "2026-03-02T10:00:00Z".into(),
            today: "2026-03-02".into(),
            deck: Some("rivers".into()),
            cards: CardCounts {
                total: 3,
                new: 1,
                review: 2,
                ..CardCounts::default()
            },
            summary: Summary {
                reviews: 5,
                ..Summary::default()
            },
            reviews_per_day: vec![DayCount {
                date: "2026-03-02".into(),
                reviews: 5,
                failed: 1,
            }],
            forecast: vec![DueDay {
                date: "2026-03-02".into(),
                due: 2,
            }],
            retention_by_age: vec![AgeRetention {
                label: "under 1 week",
                min_days: 0,
                max_days: Some(6),
                reviews: 4,
                passed: 3,
                retention: Some(0.75),
            }],
            heatmap: vec![DayCount {
                date: "2026-03-02".into(),
                reviews: 5,
                failed: 1,
            }],
            tags: vec![TagStats {
                tag: "<b>dates</b>".into(),
                cards: 2,
                reviewed: 2,
                reviews: 5,
                correct: 4,
                accuracy: Some(0.8),
                mastered: 1,
                mastery: 0.5,
            }],
            hardest: vec![HardCard {
                deck: "rivers".into(),
                card: "evil".into(),
                prompt: "<script>document.title='pwned'</script>".into(),
                lapses: 2,
                retrievability: Some(0.41),
                reviews: 5,
                accuracy: Some(0.6),
            }],
        }
    }

    #[test]
    fn deck_text_is_escaped_everywhere() {
        let html = render(&stats());
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>dates"), "{html}");
        assert!(
            html.contains("&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;&#x2F;script&gt;")
        );
        assert!(html.contains("&lt;b&gt;dates&lt;&#x2F;b&gt;"));
    }

    #[test]
    fn every_chart_is_inline_svg() {
        let html = render(&stats());
        for id in [
            "cards",
            "forecast",
            "reviews",
            "retention",
            "heatmap",
            "tags",
            "hardest",
        ] {
            assert!(
                html.contains(&format!("<svg class=\"chart\" id=\"{id}\"")),
                "{id} missing"
            );
        }
        assert!(!html.contains("src="));
        assert!(!html.contains("href"));
    }

    #[test]
    fn empty_history_still_renders() {
        let mut s = stats();
        s.tags.clear();
        s.hardest.clear();
        let html = render(&s);
        assert!(html.contains("No tags."));
        assert!(html.contains("No answers yet."));
    }
}

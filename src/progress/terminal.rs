//! `recall stats` for people: the numbers of [`Stats`] as text, with bar charts and a heatmap
//! drawn in block characters. Deck text is made inert before it reaches the terminal.

use std::io::{self, Write};

use super::stats::{Stats, WEEKDAYS};
use crate::diagnostic::inert;

/// Eighths of a block, for bar tops between whole cells.
const EIGHTHS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// Rows of a vertical bar chart.
const CHART_ROWS: u32 = 6;
/// Heatmap shades: none, then four levels up to the busiest day.
const SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];

/// Writes every section of `stats`.
pub fn write_stats(stats: &Stats, w: &mut impl Write) -> io::Result<()> {
    let c = &stats.cards;
    let title = match &stats.deck {
        Some(d) => format!("Deck {}", inert(d)),
        None => "All decks".to_string(),
    };
    writeln!(w, "{title}, {}", stats.today)?;
    writeln!(
        w,
        "Cards: {} in all, {} new, {} learning, {} review, {} relearning, {} suspended",
        c.total, c.new, c.learning, c.review, c.relearning, c.suspended
    )?;
    let s = &stats.summary;
    write!(
        w,
        "Answers: {} in all, {} today, {} day{} studied, streak {} day{}",
        s.reviews,
        s.reviews_today,
        s.days_studied,
        plural(s.days_studied),
        s.streak,
        plural(s.streak)
    )?;
    if let Some(r) = s.retention {
        write!(w, ", true retention {}", percent(r))?;
    }
    writeln!(w)?;
    if s.external_reviews > 0 {
        writeln!(
            w,
            "({} of the answers are imported history of cards in no recall deck.)",
            s.external_reviews
        )?;
    }

    let per_day: Vec<u32> = stats.reviews_per_day.iter().map(|d| d.reviews).collect();
    writeln!(w, "\nAnswers per day, last {} days", per_day.len())?;
    let first = stats
        .reviews_per_day
        .first()
        .map_or("", |d| d.date.as_str());
    let last = stats.reviews_per_day.last().map_or("", |d| d.date.as_str());
    vertical_bars(&per_day, first, last, w)?;

    let due: Vec<u32> = stats.forecast.iter().map(|d| d.due).collect();
    writeln!(
        w,
        "\nDue in the next {} days (overdue cards count today)",
        due.len()
    )?;
    let first = stats.forecast.first().map_or("", |d| d.date.as_str());
    let last = stats.forecast.last().map_or("", |d| d.date.as_str());
    vertical_bars(&due, first, last, w)?;

    writeln!(w, "\nTrue retention by card age")?;
    for a in &stats.retention_by_age {
        match a.retention {
            Some(r) => writeln!(
                w,
                "  {:<13} {:>6}  {:<20} {} of {}",
                a.label,
                percent(r),
                bar(r, 20),
                a.passed,
                a.reviews
            )?,
            None => writeln!(w, "  {:<13} {:>6}", a.label, "-")?,
        }
    }

    writeln!(
        w,
        "\nStudy heatmap, last {} weeks",
        stats.heatmap.len().div_ceil(7)
    )?;
    heatmap(stats, w)?;

    if !stats.tags.is_empty() {
        writeln!(w, "\nAccuracy and mastery per tag")?;
        let width = stats
            .tags
            .iter()
            .map(|t| t.tag.chars().count())
            .max()
            .unwrap_or(0)
            .clamp(3, 24);
        writeln!(
            w,
            "  {:<width$} {:>8}  {:<20} {:>7} {:>8}",
            "tag", "accuracy", "", "answers", "mastered"
        )?;
        for t in &stats.tags {
            let acc = t.accuracy.map_or("-".to_string(), percent);
            writeln!(
                w,
                "  {:<width$} {:>8}  {:<20} {:>7} {:>8}",
                clip(&inert(&t.tag), width),
                acc,
                bar(t.accuracy.unwrap_or(0.0), 20),
                t.reviews,
                format!("{}/{}", t.mastered, t.cards)
            )?;
        }
    }

    if !stats.hardest.is_empty() {
        writeln!(w, "\nHardest cards")?;
        writeln!(
            w,
            "  {:>6} {:>6} {:>8}  card",
            "lapses", "recall", "accuracy"
        )?;
        for h in &stats.hardest {
            let r = h.retrievability.map_or("-".to_string(), percent);
            let acc = h.accuracy.map_or("-".to_string(), percent);
            writeln!(
                w,
                "  {:>6} {:>6} {:>8}  {}/{}: {}",
                h.lapses,
                r,
                acc,
                inert(&h.deck),
                inert(&h.card),
                clip(&inert(&h.prompt), 60)
            )?;
        }
    }
    Ok(())
}

/// A column per value, [`CHART_ROWS`] high, with the maximum on the first row and the first and
/// last dates under it.
fn vertical_bars(values: &[u32], first: &str, last: &str, w: &mut impl Write) -> io::Result<()> {
    let max = values.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return writeln!(w, "  (none)");
    }
    let label = max.to_string();
    let pad = label.len();
    let eighths: Vec<u32> = values
        .iter()
        .map(|&v| {
            // Round up so that any answer at all shows.
            (u64::from(v) * u64::from(CHART_ROWS * 8)).div_ceil(u64::from(max)) as u32
        })
        .collect();
    for row in (0..CHART_ROWS).rev() {
        let axis = if row == CHART_ROWS - 1 {
            label.clone()
        } else if row == 0 {
            format!("{:>pad$}", 0)
        } else {
            " ".repeat(pad)
        };
        let mut line = format!("  {axis} │");
        for &e in &eighths {
            let here = e.saturating_sub(row * 8).min(8);
            line.push(EIGHTHS[here as usize]);
            line.push(EIGHTHS[here as usize]);
        }
        writeln!(w, "{}", line.trim_end())?;
    }
    let span = values.len() * 2;
    let gap = span.saturating_sub(first.len() + last.len()).max(1);
    writeln!(w, "  {} └{}", " ".repeat(pad), "─".repeat(span))?;
    writeln!(w, "  {}  {first}{}{last}", " ".repeat(pad), " ".repeat(gap))
}

/// Weekday rows, one column per week, shaded by the day's answers relative to the busiest day.
fn heatmap(stats: &Stats, w: &mut impl Write) -> io::Result<()> {
    let max = stats.heatmap.iter().map(|d| d.reviews).max().unwrap_or(0);
    let weeks = stats.heatmap.len().div_ceil(7);
    for (row, day) in WEEKDAYS.iter().enumerate() {
        let name = format!("{day:?}");
        let mut line = format!("  {} ", &name[..3]);
        for week in 0..weeks {
            match stats.heatmap.get(week * 7 + row) {
                Some(d) => line.push(shade(d.reviews, max)),
                None => line.push(' '),
            }
        }
        writeln!(w, "{}", line.trim_end())?;
    }
    writeln!(
        w,
        "      {} none  {} up to a quarter of the busiest day ({max})  {} busiest",
        SHADES[0], SHADES[1], SHADES[4]
    )
}

fn shade(n: u32, max: u32) -> char {
    if n == 0 || max == 0 {
        return SHADES[0];
    }
    let level = (u64::from(n) * 4).div_ceil(u64::from(max)).clamp(1, 4);
    SHADES[level as usize]
}

/// A horizontal bar `width` cells long for a fraction from 0 to 1, in eighths.
fn bar(fraction: f64, width: usize) -> String {
    let eighths = (fraction.clamp(0.0, 1.0) * (width * 8) as f64).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    let rest = eighths % 8;
    if rest > 0 {
        // Left-aligned partial blocks: ▏▎▍▌▋▊▉.
        s.push(['▏', '▎', '▍', '▌', '▋', '▊', '▉'][rest - 1]);
    }
    s
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// At most `max` characters, with an ellipsis when cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_round_up_so_any_answer_shows() {
        let mut out = Vec::new();
        vertical_bars(&[0, 1, 48], "a", "b", &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "  48 │    ██");
        assert_eq!(lines[5], "   0 │  ▁▁██");
        assert_eq!(lines[6], "     └──────");
        assert_eq!(lines[7], "      a    b");
    }

    #[test]
    fn empty_chart_says_none() {
        let mut out = Vec::new();
        vertical_bars(&[0, 0], "a", "b", &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "  (none)\n");
    }

    #[test]
    fn horizontal_bar_in_eighths() {
        assert_eq!(bar(0.5, 4), "██");
        assert_eq!(bar(0.55, 4), "██▎");
        assert_eq!(bar(0.0, 4), "");
    }

    #[test]
    fn heatmap_shades_by_quarter_of_the_busiest_day() {
        assert_eq!(shade(0, 8), '·');
        assert_eq!(shade(1, 8), '░');
        assert_eq!(shade(2, 8), '░');
        assert_eq!(shade(3, 8), '▒');
        assert_eq!(shade(8, 8), '█');
    }

    #[test]
    fn long_text_is_clipped() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }
}

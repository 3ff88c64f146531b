//! HTML building blocks shared by the report and the class report: escaping, the page frame
//! (inline styles, a content security policy that forbids every network request and script)
//! and charts drawn as inline SVG, so a page works offline and shows deck text only as text.

use std::fmt::Write as _;

/// Escapes text for HTML and SVG, in element content and in quoted attributes alike; control
/// characters (other than line breaks and tabs) have no business in a page and are replaced.
pub fn escape(s: &str) -> String {
    html_escape::encode_safe(s)
        .chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\n' | '\t') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// A whole page: `title` (escaped here) and `body` (already HTML).
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

const STYLE: &str = "
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em;
  color: #1d232a; background: #fff; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #d6dbe0; }
p.meta, p.note { color: #5b6670; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg text { font-size: 11px; fill: #3a444d; }
.bar { fill: #3d7bd9; }
.bar.failed { fill: #d9534f; }
.bar.good { fill: #3a9d5d; }
.axis { stroke: #8a959f; stroke-width: 1; }
.grid { stroke: #e3e7eb; stroke-width: 1; }
.l0 { fill: #eef1f4; } .l1 { fill: #c6dbf7; } .l2 { fill: #8bb6ee; } .l3 { fill: #4f8fe0; }
.l4 { fill: #1f5fb8; }
.s-new { fill: #9aa5b1; } .s-learning { fill: #e0a23b; } .s-review { fill: #3a9d5d; }
.s-relearning { fill: #d9534f; } .s-suspended { fill: #c9ced4; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { text-align: left; padding: 0.3em 0.5em; border-bottom: 1px solid #e3e7eb;
  vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.legend span { display: inline-block; margin-right: 1em; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; }
";

/// One bar of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Shown under (or beside) the bar; empty for none.
    pub label: String,
    pub value: f64,
    /// A part of the value drawn in the failure colour at the bar's base (e.g. failed answers).
    pub part: f64,
    /// The tooltip.
    pub tip: String,
}

impl Bar {
    pub fn new(label: impl Into<String>, value: f64, tip: impl Into<String>) -> Bar {
        Bar {
            label: label.into(),
            value,
            part: 0.0,
            tip: tip.into(),
        }
    }
}

const WIDTH: f64 = 720.0;

/// Vertical bars with a value axis; every `label_every`th label is written under its bar.
/// `max` fixes the top of the axis (for percentages); otherwise the largest value is used.
pub fn column_chart(id: &str, bars: &[Bar], max: Option<f64>, label_every: usize) -> String {
    let (left, right, top, bottom) = (44.0, 8.0, 10.0, 34.0);
    let height = 200.0;
    let plot_h = height - top - bottom;
    let plot_w = WIDTH - left - right;
    let top_value = max.unwrap_or_else(|| bars.iter().map(|b| b.value).fold(0.0, f64::max));
    let mut s = svg_open(id, WIDTH, height, bars.len());
    let fmt_axis = |v: f64| {
        if max == Some(1.0) {
            format!("{:.0}%", v * 100.0)
        } else if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.1}")
        }
    };
    for q in 0..=4 {
        let v = top_value * f64::from(q) / 4.0;
        let y = top + plot_h - plot_h * f64::from(q) / 4.0;
        let class = if q == 0 { "axis" } else { "grid" };
        let _ = write!(
            s,
            "<line class=\"{class}\" x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>",
            left + plot_w
        );
        if top_value > 0.0 || q == 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
                left - 4.0,
                y + 4.0,
                fmt_axis(v)
            );
        }
    }
    let slot = plot_w / bars.len().max(1) as f64;
    let bar_w = (slot * 0.75).max(1.0);
    for (i, b) in bars.iter().enumerate() {
        let x = left + slot * i as f64 + (slot - bar_w) / 2.0;
        let scale = |v: f64| {
            if top_value > 0.0 {
                (v / top_value).clamp(0.0, 1.0) * plot_h
            } else {
                0.0
            }
        };
        let h = scale(b.value);
        if h > 0.0 {
            let _ = write!(
                s,
                "<rect class=\"bar\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar_w:.1}\" \
                 height=\"{h:.1}\"><title>{}</title></rect>",
                top + plot_h - h,
                escape(&b.tip)
            );
            let p = scale(b.part.min(b.value));
            if p > 0.0 {
                let _ = write!(
                    s,
                    "<rect class=\"bar failed\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar_w:.1}\" \
                     height=\"{p:.1}\"><title>{}</title></rect>",
                    top + plot_h - p,
                    escape(&b.tip)
                );
            }
        }
        if label_every > 0 && i % label_every == 0 && !b.label.is_empty() {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x + bar_w / 2.0,
                top + plot_h + 16.0,
                escape(&b.label)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

/// Horizontal bars, one row each, the label on the left and `value_text` after the bar.
pub fn row_chart(id: &str, bars: &[Bar], max: Option<f64>, value_text: &[String]) -> String {
    let row_h = 22.0;
    let label_w = 220.0;
    let text_w = 150.0;
    let height = row_h * bars.len().max(1) as f64 + 8.0;
    let plot_w = WIDTH - label_w - text_w;
    let top_value = max.unwrap_or_else(|| bars.iter().map(|b| b.value).fold(0.0, f64::max));
    let mut s = svg_open(id, WIDTH, height, bars.len());
    let _ = write!(
        s,
        "<line class=\"axis\" x1=\"{label_w}\" y1=\"2\" x2=\"{label_w}\" y2=\"{:.1}\"/>",
        height - 4.0
    );
    for (i, b) in bars.iter().enumerate() {
        let y = 4.0 + row_h * i as f64;
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            label_w - 6.0,
            y + 14.0,
            escape(&clip(&b.label, 36))
        );
        let w = if top_value > 0.0 {
            (b.value / top_value).clamp(0.0, 1.0) * plot_w
        } else {
            0.0
        };
        if w > 0.0 {
            let _ = write!(
                s,
                "<rect class=\"bar\" x=\"{label_w}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\">\
                 <title>{}</title></rect>",
                y + 2.0,
                row_h - 6.0,
                escape(&b.tip)
            );
        }
        if let Some(t) = value_text.get(i) {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                label_w + w + 6.0,
                y + 14.0,
                escape(t)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

/// One horizontal bar split into coloured parts (`class`, value, tooltip), with a legend.
pub fn stacked_bar(id: &str, parts: &[(&str, f64, String)]) -> String {
    let total: f64 = parts.iter().map(|p| p.1).sum();
    let height = 28.0;
    let drawn = parts.iter().filter(|p| p.1 > 0.0).count();
    let mut s = svg_open(id, WIDTH, height, drawn);
    let mut x = 0.0;
    for (class, value, tip) in parts {
        if *value <= 0.0 || total <= 0.0 {
            continue;
        }
        let w = value / total * WIDTH;
        let _ = write!(
            s,
            "<rect class=\"bar {class}\" x=\"{x:.1}\" y=\"2\" width=\"{w:.1}\" height=\"24\">\
             <title>{}</title></rect>",
            escape(tip)
        );
        x += w;
    }
    s.push_str("</svg>\n<p class=\"legend\">");
    for (class, _, tip) in parts {
        let _ = write!(
            s,
            "<span><svg class=\"swatch\" viewBox=\"0 0 10 10\"><rect class=\"{class}\" \
             width=\"10\" height=\"10\"/></svg>{}</span>",
            escape(tip)
        );
    }
    s.push_str("</p>\n");
    s
}

/// A grid of days: `cells[i]` is (level 0 to 4, tooltip) for day `i`, weeks as columns and
/// weekdays (Monday first) as rows.
pub fn heatmap(id: &str, cells: &[(u8, String)]) -> String {
    let cell = 13.0;
    let left = 30.0;
    let weeks = cells.len().div_ceil(7);
    let width = left + cell * weeks as f64 + 4.0;
    let height = cell * 7.0 + 4.0;
    let drawn = cells.len();
    let mut s = svg_open(id, width, height, drawn);
    for (row, name) in ["Mon", "", "Wed", "", "Fri", "", "Sun"].iter().enumerate() {
        if !name.is_empty() {
            let _ = write!(
                s,
                "<text x=\"0\" y=\"{:.1}\">{name}</text>",
                2.0 + cell * row as f64 + 10.0
            );
        }
    }
    for (i, (level, tip)) in cells.iter().enumerate() {
        let (week, day) = (i / 7, i % 7);
        let _ = write!(
            s,
            "<rect class=\"bar l{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\">\
             <title>{}</title></rect>",
            level.min(&4),
            left + cell * week as f64,
            2.0 + cell * day as f64,
            cell - 2.0,
            cell - 2.0,
            escape(tip)
        );
    }
    s.push_str("</svg>\n");
    s
}

fn svg_open(id: &str, width: f64, height: f64, bars: usize) -> String {
    format!(
        "<svg class=\"chart\" id=\"{}\" data-bars=\"{bars}\" xmlns=\"http://www.w3.org/2000/svg\" \
         width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" \
         role=\"img\">",
        escape(id)
    )
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// `0.8333` as `83%`.
pub fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#x27;y&#x27;)&lt;&#x2F;script&gt;"
        );
        assert_eq!(escape("a\u{1b}[31mb"), "a\u{fffd}[31mb");
    }

    #[test]
    fn page_forbids_network_and_scripts() {
        let p = page("<t>", "<p>x</p>");
        assert!(p.contains("<title>&lt;t&gt;</title>"));
        assert!(p.contains("default-src 'none'"));
        assert!(!p.contains("<script"));
        assert!(!p.contains("src=\""));
    }

    #[test]
    fn column_chart_draws_a_rect_per_nonzero_bar_with_escaped_tips() {
        let bars = [
            Bar::new("a", 2.0, "<b>"),
            Bar::new("b", 0.0, "none"),
            Bar {
                part: 1.0,
                ..Bar::new("c", 4.0, "four")
            },
        ];
        let svg = column_chart("c1", &bars, None, 1);
        assert_eq!(svg.matches("<rect class=\"bar\"").count(), 2);
        assert_eq!(svg.matches("<rect class=\"bar failed\"").count(), 1);
        assert!(svg.contains("<title>&lt;b&gt;</title>"));
        assert!(svg.contains(">4</text>"), "{svg}");
        assert!(svg.starts_with("<svg class=\"chart\" id=\"c1\" data-bars=\"3\""));
    }

    #[test]
    fn percentage_axis_runs_to_one_hundred() {
        let svg = column_chart("r", &[Bar::new("x", 0.5, "half")], Some(1.0), 1);
        assert!(svg.contains(">100%</text>"));
        assert!(svg.contains("height=\"78.0\""), "{svg}");
    }

    #[test]
    fn row_chart_escapes_labels_and_values() {
        let svg = row_chart(
            "t",
            &[Bar::new("<i>dates</i>", 1.0, "x")],
            Some(1.0),
            &["100% & more".to_string()],
        );
        assert!(svg.contains("&lt;i&gt;dates&lt;&#x2F;i&gt;"));
        assert!(svg.contains("100% &amp; more"));
    }

    #[test]
    fn heatmap_has_a_cell_per_day() {
        let cells: Vec<(u8, String)> = (0..10).map(|i| (i % 5, format!("day {i}"))).collect();
        let svg = heatmap("h", &cells);
        assert_eq!(svg.matches("<rect").count(), 10);
        assert!(svg.contains("class=\"bar l4\""));
    }
}

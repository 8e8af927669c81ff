//! A small SVG writer: shapes and text appended to a string, every text escaped. Charts are
//! plain SVG with a `viewBox`, a `<title>` and a `<desc>`, and text as text (REPORT.md,
//! "Visual rules").

use std::fmt::Write;

/// The Okabe–Ito palette (colour-blind safe); charts pair each colour with a label, a
/// pattern or a position, so nothing depends on colour alone.
// The whole palette, though today's charts use seven of its colours.
#[allow(dead_code)]
pub mod palette {
    /// Black.
    pub const BLACK: &str = "#000000";
    /// Orange.
    pub const ORANGE: &str = "#E69F00";
    /// Sky blue.
    pub const SKY: &str = "#56B4E9";
    /// Bluish green.
    pub const GREEN: &str = "#009E73";
    /// Yellow.
    pub const YELLOW: &str = "#F0E442";
    /// Blue.
    pub const BLUE: &str = "#0072B2";
    /// Vermillion.
    pub const VERMILLION: &str = "#D55E00";
    /// Reddish purple.
    pub const PURPLE: &str = "#CC79A7";
    /// Light grey for bands and grid lines.
    pub const BAND: &str = "#EDEDED";
    /// Mid grey for secondary text and axes.
    pub const GREY: &str = "#595959";
}

/// Escapes `&`, `<`, `>`, `"` and `'` for SVG/HTML text and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Where a text is anchored.
#[derive(Debug, Clone, Copy)]
pub enum Anchor {
    /// Left end at x.
    Start,
    /// Centred on x.
    Middle,
    /// Right end at x.
    End,
}

impl Anchor {
    fn name(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// An SVG document being written.
pub struct Svg {
    buf: String,
}

impl Svg {
    /// Starts a chart of `width` × `height` user units with its title and description.
    pub fn new(width: f64, height: f64, title: &str, desc: &str) -> Svg {
        let mut buf = String::new();
        let _ = write!(
            buf,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" role="img" class="chart" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="12"><title>{}</title><desc>{}</desc>"#,
            escape(title),
            escape(desc)
        );
        Svg { buf }
    }

    /// Raw markup (definitions such as patterns); the caller escapes any text in it.
    pub fn raw(&mut self, markup: &str) {
        self.buf.push_str(markup);
    }

    /// A rectangle; `extra` holds further attributes (already escaped).
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, extra: &str) {
        let _ = write!(
            self.buf,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{fill}" {extra}/>"#,
            w.max(0.0),
            h.max(0.0)
        );
    }

    /// A line; `dash` is a stroke-dasharray such as "4 3".
    pub fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str, width: f64, dash: Option<&str>) {
        let dash = dash.map_or(String::new(), |d| format!(r#" stroke-dasharray="{d}""#));
        let _ = write!(
            self.buf,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="{width}"{dash}/>"#
        );
    }

    /// A circle.
    pub fn circle(&mut self, centre: (f64, f64), r: f64, fill: &str, stroke: &str) {
        self.circle_with(centre, r, fill, stroke, "");
    }

    /// A circle with further attributes (already escaped), e.g. a class.
    pub fn circle_with(&mut self, (cx, cy): (f64, f64), r: f64, fill: &str, stroke: &str, extra: &str) {
        let _ = write!(
            self.buf,
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r}" fill="{fill}" stroke="{stroke}" stroke-width="1.5" {extra}/>"#
        );
    }

    /// A closed polygon (or an open polyline when `fill` is "none" and `closed` is false).
    pub fn polygon(&mut self, points: &[(f64, f64)], fill: &str, stroke: &str, extra: &str) {
        let pts: Vec<String> = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(self.buf, r#"<polygon points="{}" fill="{fill}" stroke="{stroke}" {extra}/>"#, pts.join(" "));
    }

    /// A text, escaped; `extra` holds further attributes (already escaped).
    pub fn text(&mut self, (x, y): (f64, f64), s: &str, anchor: Anchor, extra: &str) {
        let _ = write!(
            self.buf,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{}" {extra}>{}</text>"#,
            anchor.name(),
            escape(s)
        );
    }

    /// Text over several lines (`lines` from [`wrap`]), the block centred on `y`, each line
    /// `step` below the last.
    pub fn text_lines(&mut self, (x, y): (f64, f64), lines: &[String], step: f64, anchor: Anchor, extra: &str) {
        let first = y - step * (lines.len().saturating_sub(1)) as f64 / 2.0;
        let _ = write!(self.buf, r#"<text x="{x:.1}" y="{first:.1}" text-anchor="{}" {extra}>"#, anchor.name());
        for (i, line) in lines.iter().enumerate() {
            let dy = if i == 0 { 0.0 } else { step };
            let _ = write!(self.buf, r#"<tspan x="{x:.1}" dy="{dy:.1}">{}</tspan>"#, escape(line));
        }
        self.buf.push_str("</text>");
    }

    /// Closes the document.
    pub fn finish(mut self) -> String {
        self.buf.push_str("</svg>");
        self.buf
    }
}

/// Breaks `s` into lines of at most `max` characters at spaces (a longer word stands alone
/// on its line): labels are wrapped, never cut.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in s.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Cuts `s` to at most `max` characters with an ellipsis, at a word boundary when there is
/// one (labels beside bars).
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if i > 0 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':', '–', '-']))
}

/// Maps a value of `[lo, hi]` onto `[a, b]`.
pub fn scale(v: f64, (lo, hi): (f64, f64), (a, b): (f64, f64)) -> f64 {
    if hi == lo { a } else { a + (v - lo) / (hi - lo) * (b - a) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        let mut s = Svg::new(10.0, 10.0, "a<b", "\"c\" & d");
        s.text((0.0, 0.0), "<script>", Anchor::Start, "");
        let out = s.finish();
        assert!(out.contains("<title>a&lt;b</title>"));
        assert!(out.contains("&quot;c&quot; &amp; d"));
        assert!(out.contains("&lt;script&gt;") && !out.contains("<script>"));
    }

    #[test]
    fn wrap_keeps_every_word() {
        let label = "Samarbejde på tværs af sektorer om svære, sammensatte problemer";
        let lines = wrap(label, 36);
        assert_eq!(lines, ["Samarbejde på tværs af sektorer om", "svære, sammensatte problemer"]);
        assert_eq!(lines.join(" "), label);
        assert!(lines.iter().all(|l| l.chars().count() <= 36));
        assert_eq!(wrap("kort", 36), ["kort"]);
    }

    #[test]
    fn shorten_keeps_short_labels_and_cuts_long_ones() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("abcdefgh", 5), "abcd…");
        assert_eq!(shorten("Flere ældre bor trygt hjemme", 15), "Flere ældre…");
        assert_eq!(shorten("Samskabelse, med borgere", 14), "Samskabelse…");
    }
}

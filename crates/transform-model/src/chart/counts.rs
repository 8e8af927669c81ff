//! Counts as labelled horizontal bars (portfolio coverage by mission, facet balance), each
//! bar with its number written at its end.

use super::Texts;
use super::svg::{Anchor, Svg, palette, scale, shorten, wrap};

/// A labelled count.
#[derive(Debug, Clone, PartialEq)]
pub struct CountBar {
    /// The label beside the bar.
    pub label: String,
    /// The length of the bar.
    pub value: f64,
    /// The text at its end ("5 indsatser").
    pub value_text: String,
    /// Marks the bar as needing attention (hatched, and the note is written).
    pub note: Option<String>,
}

/// A chart of counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    /// Title, description and axis text.
    pub texts: Texts,
    /// The bars, in the given order.
    pub bars: Vec<CountBar>,
}

const LEFT: f64 = 270.0;
const RIGHT: f64 = 520.0;
const ROW: f64 = 26.0;
const TOP: f64 = 10.0;

const HATCH: &str = r##"<defs><pattern id="tm-attention" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#E69F00"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000000" stroke-width="1.5"/></pattern></defs>"##;

/// Renders the counts as SVG.
pub fn render(c: &Counts) -> String {
    let height = TOP + ROW * c.bars.len().max(1) as f64 + 36.0;
    let mut svg = Svg::new(720.0, height, &c.texts.title, &c.texts.desc);
    if c.bars.iter().any(|b| b.note.is_some()) {
        svg.raw(HATCH);
    }
    let max = c.bars.iter().map(|b| b.value).fold(0.0_f64, f64::max).max(1.0);
    for (i, b) in c.bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        svg.text_lines((LEFT - 8.0, y + 17.0), &wrap(&b.label, 40), 12.0, Anchor::End, "font-size=\"11\"");
        let end = scale(b.value, (0.0, max), (LEFT, RIGHT));
        let fill = if b.note.is_some() { "url(#tm-attention)" } else { palette::GREEN };
        svg.rect(LEFT, y + 5.0, end - LEFT, ROW - 10.0, fill, "");
        let text = match &b.note {
            Some(n) => format!("{} – {}", b.value_text, n),
            None => b.value_text.clone(),
        };
        svg.text((end + 6.0, y + 17.0), &shorten(&text, 32), Anchor::Start, "");
    }
    let bottom = TOP + ROW * c.bars.len().max(1) as f64;
    svg.text(((LEFT + RIGHT) / 2.0, bottom + 22.0), &c.texts.x_axis, Anchor::Middle, "fill=\"#595959\"");
    svg.finish()
}

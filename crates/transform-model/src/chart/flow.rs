//! The stage balance as a flow: one box per stage from screening to operations (closed
//! apart), the count in each box, arrows between them.

use super::Texts;
use super::svg::{Anchor, Svg, palette};

/// One stage of the flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The stage's name.
    pub label: String,
    /// Initiatives in the stage.
    pub count: usize,
}

/// A flow of stages.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// Title, description and the unit under each count (`x_axis`: "indsatser").
    pub texts: Texts,
    /// The steps, left to right.
    pub steps: Vec<Step>,
}

const BOX_W: f64 = 100.0;
const GAP: f64 = 22.0;

/// Renders the flow as SVG.
pub fn render(f: &Flow) -> String {
    let width = 10.0 + (BOX_W + GAP) * f.steps.len().max(1) as f64;
    let mut svg = Svg::new(width, 110.0, &f.texts.title, &f.texts.desc);
    let max = f.steps.iter().map(|s| s.count).max().unwrap_or(0).max(1) as f64;
    for (i, s) in f.steps.iter().enumerate() {
        let x = 10.0 + (BOX_W + GAP) * i as f64;
        svg.rect(x, 10.0, BOX_W, 80.0, "#FFFFFF", "stroke=\"#000000\" stroke-width=\"1\"");
        let h = 56.0 * s.count as f64 / max;
        svg.rect(x + 1.0, 89.0 - h, BOX_W - 2.0, h, palette::SKY, "fill-opacity=\"0.6\"");
        svg.text((x + BOX_W / 2.0, 28.0), &s.label, Anchor::Middle, "font-size=\"11\" font-weight=\"600\"");
        svg.text((x + BOX_W / 2.0, 60.0), &s.count.to_string(), Anchor::Middle, "font-size=\"20\" font-weight=\"700\"");
        svg.text((x + BOX_W / 2.0, 78.0), &f.texts.x_axis, Anchor::Middle, "font-size=\"10\"");
        if i + 1 < f.steps.len() {
            let ax = x + BOX_W + 3.0;
            svg.line((ax, 50.0), (ax + GAP - 8.0, 50.0), palette::BLACK, 1.5, None);
            svg.polygon(
                &[(ax + GAP - 6.0, 50.0), (ax + GAP - 12.0, 46.0), (ax + GAP - 12.0, 54.0)],
                palette::BLACK,
                "none",
                "",
            );
        }
    }
    svg.finish()
}

//! The plan as a timeline: years as columns, election years marked with a hatch and a
//! word, the planned leader hours per year as bars against the capacity line.

use super::Texts;
use super::svg::{Anchor, Svg, palette, scale};

/// One year of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    /// The year.
    pub year: i64,
    /// Planned hours.
    pub hours: f64,
    /// Actions started in the year.
    pub actions: usize,
    /// A municipal election year.
    pub election: bool,
}

/// A plan timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Title, description and the axis text.
    pub texts: Texts,
    /// The years.
    pub years: Vec<Year>,
    /// Capacity in hours per year, drawn as a dashed line.
    pub capacity: Option<f64>,
    /// The word for an election year ("kommunalvalg").
    pub election_label: String,
    /// The unit under each bar's count ("handlinger").
    pub actions_label: String,
    /// The word after a count of one ("handling").
    pub action_label: String,
    /// Legend of the capacity line.
    pub capacity_label: String,
}

const LEFT: f64 = 50.0;
const COL: f64 = 110.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 230.0;

const HATCH: &str = r##"<defs><pattern id="tm-election" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#FFFFFF"/><line x1="0" y1="0" x2="0" y2="8" stroke="#CC79A7" stroke-width="2"/></pattern></defs>"##;

/// Renders the timeline as SVG.
pub fn render(t: &Timeline) -> String {
    let width = LEFT + COL * t.years.len().max(1) as f64 + 20.0;
    let mut svg = Svg::new(width.max(400.0), BOTTOM + 60.0, &t.texts.title, &t.texts.desc);
    svg.raw(HATCH);
    let max = t.years.iter().map(|y| y.hours).fold(t.capacity.unwrap_or(0.0), f64::max).max(1.0) * 1.1;
    let y = |h: f64| scale(h, (0.0, max), (BOTTOM, TOP));
    for (i, yr) in t.years.iter().enumerate() {
        let x = LEFT + COL * i as f64;
        if yr.election {
            svg.rect(x, TOP - 20.0, COL, BOTTOM - TOP + 20.0, "url(#tm-election)", "");
            svg.text(
                (x + COL / 2.0, TOP - 6.0),
                &t.election_label,
                Anchor::Middle,
                "font-size=\"11\" font-weight=\"600\"",
            );
        }
        svg.rect(x + 25.0, y(yr.hours), COL - 50.0, BOTTOM - y(yr.hours), palette::BLUE, "");
        svg.text(
            (x + COL / 2.0, y(yr.hours) - 4.0),
            &format!("{} {}", yr.actions, if yr.actions == 1 { &t.action_label } else { &t.actions_label }),
            Anchor::Middle,
            "font-size=\"11\"",
        );
        svg.text((x + COL / 2.0, BOTTOM + 18.0), &yr.year.to_string(), Anchor::Middle, "font-weight=\"600\"");
    }
    svg.line((LEFT, BOTTOM), (LEFT + COL * t.years.len() as f64, BOTTOM), palette::BLACK, 1.0, None);
    if let Some(c) = t.capacity {
        let end = LEFT + COL * t.years.len() as f64;
        svg.line((LEFT, y(c)), (end, y(c)), palette::VERMILLION, 2.0, Some("6 4"));
        svg.text((LEFT, BOTTOM + 50.0), &t.capacity_label, Anchor::Start, "font-size=\"11\" fill=\"#A33F00\"");
    }
    svg.text((LEFT, BOTTOM + 34.0), &t.texts.x_axis, Anchor::Start, "font-size=\"11\" fill=\"#595959\"");
    svg.finish()
}

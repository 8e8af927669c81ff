//! Perception gaps as a forest plot: each difference as a dot with its interval, a zero
//! line, and "sikker forskel" marked by a filled dot and a word, not by colour alone.

use super::Texts;
use super::svg::{Anchor, Svg, palette, scale, wrap};

/// One difference.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// "D1 Politikere − Medarbejdere".
    pub label: String,
    /// The difference.
    pub diff: f64,
    /// Its interval, when reported.
    pub ci: Option<(f64, f64)>,
    /// A sure difference (significant after adjustment).
    pub sure: bool,
    /// The difference as the reader sees it.
    pub value_text: String,
}

/// A forest plot.
#[derive(Debug, Clone, PartialEq)]
pub struct Forest {
    /// Title, description and axis text.
    pub texts: Texts,
    /// The rows, drawn in the given order.
    pub rows: Vec<Row>,
    /// The word written beside a sure difference.
    pub sure_label: String,
}

const LEFT: f64 = 290.0;
const RIGHT: f64 = 600.0;
const ROW: f64 = 24.0;
const TOP: f64 = 20.0;

/// The symmetric axis: the largest |bound| rounded up to a half point, at least 1.
fn half_range(rows: &[Row]) -> f64 {
    let m = rows
        .iter()
        .flat_map(|r| [r.diff.abs(), r.ci.map_or(0.0, |(lo, hi)| lo.abs().max(hi.abs()))])
        .fold(0.0_f64, f64::max);
    ((m * 2.0).ceil() / 2.0).max(1.0)
}

const LINE: f64 = 13.0;
const LABEL_CHARS: usize = 46;

/// Each row's height: room for its wrapped label.
fn heights(rows: &[Row]) -> Vec<f64> {
    rows.iter().map(|r| (LINE * wrap(&r.label, LABEL_CHARS).len() as f64 + 10.0).max(ROW)).collect()
}

/// Renders the forest plot as SVG.
pub fn render(f: &Forest) -> String {
    let hs = heights(&f.rows);
    let body: f64 = if hs.is_empty() { ROW } else { hs.iter().sum() };
    let height = TOP + body + 50.0;
    let mut svg = Svg::new(720.0, height, &f.texts.title, &f.texts.desc);
    let h = half_range(&f.rows);
    let x = |v: f64| scale(v, (-h, h), (LEFT, RIGHT));
    let bottom = TOP + body;
    svg.line((x(0.0), TOP - 6.0), (x(0.0), bottom + 2.0), palette::GREY, 1.5, None);
    let mut top = TOP;
    for (row, rh) in f.rows.iter().zip(&hs) {
        let y = top + rh / 2.0;
        top += rh;
        svg.text_lines((LEFT - 8.0, y + 4.0), &wrap(&row.label, LABEL_CHARS), LINE, Anchor::End, "font-size=\"11\"");
        if let Some((lo, hi)) = row.ci {
            svg.line((x(lo), y), (x(hi), y), palette::BLACK, 1.5, None);
        }
        let fill = if row.sure { palette::VERMILLION } else { "#FFFFFF" };
        svg.circle((x(row.diff), y), 4.5, fill, palette::BLACK);
        let text = if row.sure { format!("{} ({})", row.value_text, f.sure_label) } else { row.value_text.clone() };
        svg.text((RIGHT + 8.0, y + 4.0), &text, Anchor::Start, "font-size=\"11\"");
    }
    for v in [-h, 0.0, h] {
        let label = if v == 0.0 { "0".to_owned() } else { format!("{v:+}").replace('.', ",").replace('-', "−") };
        svg.text((x(v), bottom + 16.0), &label, Anchor::Middle, "font-size=\"11\" fill=\"#595959\"");
    }
    svg.text(((LEFT + RIGHT) / 2.0, bottom + 34.0), &f.texts.x_axis, Anchor::Middle, "fill=\"#595959\"");
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_covers_the_widest_interval_in_half_points() {
        let row = |d: f64, ci: Option<(f64, f64)>| Row {
            label: String::new(),
            diff: d,
            ci,
            sure: false,
            value_text: String::new(),
        };
        assert_eq!(half_range(&[row(0.2, Some((-0.3, 1.2)))]), 1.5);
        assert_eq!(half_range(&[row(0.2, None)]), 1.0);
    }
}

//! Horizontal bars sorted by value, with the model's levels as bands behind them, each
//! bar's interval as a whisker and the target as a dashed line (page 1 of the report).

use super::svg::{Anchor, Svg, palette, scale, wrap};
use super::{Band, Texts};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The label beside the bar.
    pub label: String,
    /// The value; `None` draws "not reported" instead of a bar.
    pub value: Option<f64>,
    /// The interval, drawn as a whisker.
    pub ci: Option<(f64, f64)>,
    /// The value as the reader sees it ("2,7").
    pub value_text: String,
}

/// A sorted bar chart over a fixed axis.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// Title, description and axis texts.
    pub texts: Texts,
    /// The bars; drawn highest first, unreported last.
    pub bars: Vec<Bar>,
    /// The axis range.
    pub axis: (f64, f64),
    /// Bands behind the bars (the levels).
    pub bands: Vec<Band>,
    /// The word before the band labels ("Niveau").
    pub bands_title: String,
    /// A dashed reference line (the target) with its label.
    pub target: Option<(f64, String)>,
    /// Text for a bar without a value.
    pub not_reported: String,
}

const LEFT: f64 = 270.0;
const RIGHT: f64 = 640.0;
const ROW: f64 = 34.0;
const TOP: f64 = 46.0;

/// The bars in drawing order: highest value first, unreported last, ties by label.
pub fn sorted(bars: &[Bar]) -> Vec<&Bar> {
    let mut order: Vec<&Bar> = bars.iter().collect();
    order.sort_by(|a, b| match (a.value, b.value) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.label.cmp(&b.label)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.label.cmp(&b.label),
    });
    order
}

/// Renders the chart as SVG.
pub fn render(c: &BarChart) -> String {
    let height = TOP + ROW * c.bars.len() as f64 + 40.0;
    let mut svg = Svg::new(680.0, height, &c.texts.title, &c.texts.desc);
    let x = |v: f64| scale(v, c.axis, (LEFT, RIGHT));
    let bottom = TOP + ROW * c.bars.len() as f64;
    draw_bands(&mut svg, c, bottom);
    for (i, bar) in sorted(&c.bars).into_iter().enumerate() {
        let y = TOP + ROW * i as f64;
        svg.text_lines((LEFT - 8.0, y + ROW / 2.0 + 4.0), &wrap(&bar.label, 38), 13.0, Anchor::End, "font-size=\"12\"");
        match bar.value {
            Some(v) => {
                svg.rect(LEFT, y + 8.0, x(v) - LEFT, ROW - 16.0, palette::BLUE, "");
                if let Some((lo, hi)) = bar.ci {
                    let mid = y + ROW / 2.0;
                    svg.line((x(lo), mid), (x(hi), mid), palette::BLACK, 1.5, None);
                    svg.line((x(lo), mid - 5.0), (x(lo), mid + 5.0), palette::BLACK, 1.5, None);
                    svg.line((x(hi), mid - 5.0), (x(hi), mid + 5.0), palette::BLACK, 1.5, None);
                }
                let tx = bar.ci.map_or(x(v), |(_, hi)| x(hi).max(x(v))) + 8.0;
                svg.text(
                    (tx.min(RIGHT + 4.0), y + ROW / 2.0 + 4.0),
                    &bar.value_text,
                    Anchor::Start,
                    "font-weight=\"600\"",
                );
            }
            None => {
                svg.text(
                    (LEFT + 4.0, y + ROW / 2.0 + 4.0),
                    &c.not_reported,
                    Anchor::Start,
                    "font-style=\"italic\" fill=\"#595959\"",
                );
            }
        }
    }
    if let Some((t, label)) = &c.target {
        svg.line((x(*t), TOP - 6.0), (x(*t), bottom + 4.0), palette::VERMILLION, 2.0, Some("6 4"));
        svg.text((x(*t), bottom + 18.0), label, Anchor::Middle, "fill=\"#A33F00\" font-weight=\"600\"");
    }
    svg.text(((LEFT + RIGHT) / 2.0, bottom + 34.0), &c.texts.x_axis, Anchor::Middle, "fill=\"#595959\"");
    svg.finish()
}

fn draw_bands(svg: &mut Svg, c: &BarChart, bottom: f64) {
    let x = |v: f64| scale(v, c.axis, (LEFT, RIGHT));
    for (i, band) in c.bands.iter().enumerate() {
        let (a, b) = (x(band.from), x(band.to));
        if i % 2 == 0 {
            svg.rect(a, TOP - 6.0, b - a, bottom - TOP + 10.0, palette::BAND, "");
        }
        svg.line((a, TOP - 6.0), (a, bottom + 4.0), "#BDBDBD", 1.0, None);
        // The label stands at the band's lower edge: the band 3–4 is level 3.
        let _ = b;
        svg.text((a, TOP - 14.0), &band.label, Anchor::Middle, "font-size=\"11\" fill=\"#595959\"");
    }
    svg.text((LEFT - 8.0, TOP - 14.0), &c.bands_title, Anchor::End, "font-size=\"11\" fill=\"#595959\"");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: Option<f64>) -> Bar {
        Bar { label: label.into(), value, ci: None, value_text: String::new() }
    }

    #[test]
    fn bars_are_sorted_highest_first_and_unreported_last() {
        let bars = [bar("a", Some(2.0)), bar("b", None), bar("c", Some(3.5)), bar("d", Some(2.0))];
        let labels: Vec<&str> = sorted(&bars).iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["c", "a", "d", "b"]);
    }
}

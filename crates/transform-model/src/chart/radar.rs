//! The radar of the dimensions with the interval band and the target ring (the appendix and
//! Jupyter). A dimension without a score breaks the outline and is marked on its axis.

use super::Texts;
use super::svg::{Anchor, Svg, palette, scale, shorten};

/// One spoke.
#[derive(Debug, Clone, PartialEq)]
pub struct Spoke {
    /// The label at the spoke's end.
    pub label: String,
    /// The score; `None` is marked "not reported".
    pub value: Option<f64>,
    /// The interval.
    pub ci: Option<(f64, f64)>,
}

/// A radar chart over the scale `axis`.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    /// Title, description and legend texts (`x_axis` is the legend of the outline).
    pub texts: Texts,
    /// The spokes, in model order.
    pub spokes: Vec<Spoke>,
    /// The scale.
    pub axis: (f64, f64),
    /// The target ring with its legend text.
    pub target: Option<(f64, String)>,
    /// Legend text of the interval band.
    pub band_label: String,
    /// Text beside a spoke without a value.
    pub not_reported: String,
}

const CX: f64 = 330.0;
const CY: f64 = 250.0;
const R: f64 = 170.0;

fn point(i: usize, n: usize, r: f64) -> (f64, f64) {
    let a = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
    (CX + r * a.cos(), CY + r * a.sin())
}

/// Renders the radar as SVG.
pub fn render(c: &Radar) -> String {
    let n = c.spokes.len().max(3);
    let mut svg = Svg::new(660.0, 540.0, &c.texts.title, &c.texts.desc);
    let r = |v: f64| scale(v, c.axis, (0.0, R));
    let (lo, hi) = c.axis;
    for step in (lo as i64)..=(hi as i64) {
        let ring: Vec<_> = (0..n).map(|i| point(i, n, r(step as f64))).collect();
        svg.polygon(&ring, "none", "#BDBDBD", "stroke-width=\"1\"");
        svg.text((CX + 3.0, CY - r(step as f64) - 2.0), &step.to_string(), Anchor::Start, "font-size=\"10\" fill=\"#595959\"");
    }
    for (i, s) in c.spokes.iter().enumerate() {
        svg.line((CX, CY), point(i, n, R), "#BDBDBD", 1.0, None);
        let (x, y) = point(i, n, R + 16.0);
        let anchor = if (x - CX).abs() < 5.0 { Anchor::Middle } else if x > CX { Anchor::Start } else { Anchor::End };
        svg.text((x, y + 4.0), &shorten(&s.label, 30), anchor, "font-size=\"11\"");
        if s.value.is_none() {
            let p = point(i, n, r(lo));
            svg.circle(p, 4.0, "#FFFFFF", palette::BLACK);
            svg.text((x, y + 17.0), &c.not_reported, anchor, "font-size=\"10\" font-style=\"italic\" fill=\"#595959\"");
        }
    }
    draw_band(&mut svg, c, n);
    if let Some((t, _)) = &c.target {
        let ring: Vec<_> = (0..n).map(|i| point(i, n, r(*t))).collect();
        svg.polygon(&ring, "none", palette::VERMILLION, "stroke-width=\"2\" stroke-dasharray=\"6 4\"");
    }
    draw_outline(&mut svg, c, n);
    draw_legend(&mut svg, c);
    svg.finish()
}

/// The interval band: one quadrilateral per pair of neighbouring spokes that both have one.
fn draw_band(svg: &mut Svg, c: &Radar, n: usize) {
    let r = |v: f64| scale(v, c.axis, (0.0, R));
    for i in 0..c.spokes.len() {
        let j = (i + 1) % c.spokes.len();
        if let (Some((alo, ahi)), Some((blo, bhi))) = (c.spokes[i].ci, c.spokes[j].ci) {
            let quad = [point(i, n, r(alo)), point(i, n, r(ahi)), point(j, n, r(bhi)), point(j, n, r(blo))];
            svg.polygon(&quad, palette::SKY, "none", "fill-opacity=\"0.35\"");
        }
    }
}

/// The score outline: segments between neighbouring scored spokes, a dot on each score.
fn draw_outline(svg: &mut Svg, c: &Radar, n: usize) {
    let r = |v: f64| scale(v, c.axis, (0.0, R));
    for i in 0..c.spokes.len() {
        let j = (i + 1) % c.spokes.len();
        if let (Some(a), Some(b)) = (c.spokes[i].value, c.spokes[j].value) {
            svg.line(point(i, n, r(a)), point(j, n, r(b)), palette::BLUE, 2.5, None);
        }
        if let Some(a) = c.spokes[i].value {
            svg.circle(point(i, n, r(a)), 3.5, palette::BLUE, palette::BLUE);
        }
    }
}

fn draw_legend(svg: &mut Svg, c: &Radar) {
    let y = 500.0;
    svg.line((40.0, y), (70.0, y), palette::BLUE, 2.5, None);
    svg.text((76.0, y + 4.0), &c.texts.x_axis, Anchor::Start, "");
    svg.rect(200.0, y - 7.0, 30.0, 14.0, palette::SKY, "fill-opacity=\"0.35\"");
    svg.text((236.0, y + 4.0), &c.band_label, Anchor::Start, "");
    if let Some((_, label)) = &c.target {
        svg.line((400.0, y), (430.0, y), palette::VERMILLION, 2.0, Some("6 4"));
        svg.text((436.0, y + 4.0), label, Anchor::Start, "");
    }
}

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
        svg.text(
            (CX + 3.0, CY - r(step as f64) - 2.0),
            &step.to_string(),
            Anchor::Start,
            "font-size=\"10\" fill=\"#595959\"",
        );
    }
    for (i, s) in c.spokes.iter().enumerate() {
        svg.line((CX, CY), point(i, n, R), "#BDBDBD", 1.0, None);
        let (x, y) = point(i, n, R + 16.0);
        let anchor = if (x - CX).abs() < 5.0 {
            Anchor::Middle
        } else if x > CX {
            Anchor::Start
        } else {
            Anchor::End
        };
        svg.text((x, y + 4.0), &shorten(&s.label, 30), anchor, "font-size=\"11\"");
        if s.value.is_none() {
            // On the spoke's end, never at the centre (where the scale's minimum lies).
            svg.circle_with(point(i, n, R), 4.0, "#FFFFFF", palette::BLACK, "class=\"not-reported\"");
            svg.text((x, y + 17.0), &c.not_reported, anchor, "font-size=\"10\" font-style=\"italic\" fill=\"#595959\"");
        }
    }
    draw_band(&mut svg, c, n);
    if let Some((t, _)) = &c.target {
        let ring: Vec<_> = (0..n).map(|i| point(i, n, r(*t))).collect();
        svg.polygon(&ring, "none", palette::VERMILLION, "class=\"target\" stroke-width=\"2\" stroke-dasharray=\"6 4\"");
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
            svg.polygon(&quad, palette::SKY, "none", "class=\"ci\" fill-opacity=\"0.35\"");
        }
    }
}

/// The score outline: segments between neighbouring scored spokes, a dot on each score.
fn draw_outline(svg: &mut Svg, c: &Radar, n: usize) {
    let r = |v: f64| scale(v, c.axis, (0.0, R));
    for i in 0..c.spokes.len() {
        let j = (i + 1) % c.spokes.len();
        if let (Some(a), Some(b)) = (c.spokes[i].value, c.spokes[j].value) {
            svg.polygon(
                &[point(i, n, r(a)), point(j, n, r(b))],
                "none",
                palette::BLUE,
                "class=\"score\" stroke-width=\"2.5\"",
            );
        }
        if let Some(a) = c.spokes[i].value {
            svg.circle_with(point(i, n, r(a)), 3.5, palette::BLUE, palette::BLUE, "class=\"score-point\"");
        }
    }
}

fn draw_legend(svg: &mut Svg, c: &Radar) {
    let y = 500.0;
    svg.raw("<g class=\"legend\">");
    svg.line((40.0, y), (70.0, y), palette::BLUE, 2.5, None);
    svg.text((76.0, y + 4.0), &c.texts.x_axis, Anchor::Start, "");
    svg.rect(200.0, y - 7.0, 30.0, 14.0, palette::SKY, "fill-opacity=\"0.35\"");
    svg.text((236.0, y + 4.0), &c.band_label, Anchor::Start, "");
    if let Some((_, label)) = &c.target {
        svg.line((400.0, y), (430.0, y), palette::VERMILLION, 2.0, Some("6 4"));
        svg.text((436.0, y + 4.0), label, Anchor::Start, "");
    }
    svg.raw("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spoke(value: Option<f64>, ci: Option<(f64, f64)>) -> Spoke {
        Spoke { label: "D".into(), value, ci }
    }

    fn chart(spokes: Vec<Spoke>) -> String {
        render(&Radar {
            texts: Texts::default(),
            spokes,
            axis: (1.0, 5.0),
            target: Some((3.0, "Mål".into())),
            band_label: "usikkerhed".into(),
            not_reported: "ikke rapporteret".into(),
        })
    }

    #[test]
    fn an_unreported_dimension_breaks_the_outline_and_is_marked_off_centre() {
        let svg =
            chart(vec![spoke(Some(2.0), None), spoke(None, None), spoke(Some(3.0), None), spoke(Some(4.0), None)]);
        // 4 neighbouring pairs; the 2 touching the unreported spoke have no outline segment.
        assert_eq!(svg.matches("class=\"score\"").count(), 2);
        assert_eq!(svg.matches("class=\"not-reported\"").count(), 1);
        assert_eq!(svg.matches(">ikke rapporteret<").count(), 1);
        // The centre (where score 1 lies) holds no marker.
        assert!(!svg.contains(&format!("cx=\"{CX:.1}\" cy=\"{CY:.1}\"")));
    }

    #[test]
    fn one_missing_interval_removes_only_its_own_stretch() {
        let with = |ci: Vec<Option<(f64, f64)>>| chart(ci.into_iter().map(|c| spoke(Some(3.0), c)).collect());
        let some = Some((2.5, 3.5));
        assert_eq!(with(vec![some, some, None, some, some]).matches("class=\"ci\"").count(), 3);
        assert_eq!(with(vec![some; 5]).matches("class=\"ci\"").count(), 5);
    }
}

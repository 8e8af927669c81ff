//! The group × dimension heat map: one sequential blue (lightness carries the value, so it
//! reads in greyscale) with the value written in each cell; hidden and not-asked cells are
//! hatched and labelled, never drawn as 0.

use super::Texts;
use super::svg::{Anchor, Svg, scale, wrap};

/// A cell of the map.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A reported value and its text ("2,7").
    Value(f64, String),
    /// Hidden for anonymity.
    Hidden,
    /// The group was not asked the dimension.
    NotAsked,
}

/// A heat map of rows × columns.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatMap {
    /// Title and description (`x_axis` unused).
    pub texts: Texts,
    /// Row labels (groups).
    pub rows: Vec<String>,
    /// Column labels (dimension ids, short).
    pub columns: Vec<String>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<Cell>>,
    /// The value range the colours span.
    pub axis: (f64, f64),
    /// Legend texts for hidden and not-asked cells.
    pub hidden_label: String,
    /// Legend text for a cell of a dimension the group was not asked.
    pub not_asked_label: String,
}

const LEFT: f64 = 230.0;
const CELL_W: f64 = 44.0;
const CELL_H: f64 = 30.0;
const TOP: f64 = 30.0;

/// Fill and text colour of a value: light blue for low, dark blue for high.
fn colour(v: f64, axis: (f64, f64)) -> (String, &'static str) {
    let t = scale(v, axis, (0.0, 1.0)).clamp(0.0, 1.0);
    // From #DEEBF7 (light) to #08306B (dark), linear in RGB.
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    let fill = format!("#{:02X}{:02X}{:02X}", mix(222.0, 8.0), mix(235.0, 48.0), mix(247.0, 107.0));
    (fill, if t > 0.5 { "#FFFFFF" } else { "#000000" })
}

const HATCH: &str = r##"<defs><pattern id="tm-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#FFFFFF"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9E9E9E" stroke-width="2"/></pattern></defs>"##;

/// Renders the heat map as SVG.
pub fn render(h: &HeatMap) -> String {
    let width = LEFT + CELL_W * h.columns.len() as f64 + 20.0;
    let height = TOP + CELL_H * h.rows.len() as f64 + 50.0;
    let mut svg = Svg::new(width.max(520.0), height, &h.texts.title, &h.texts.desc);
    svg.raw(HATCH);
    for (j, col) in h.columns.iter().enumerate() {
        svg.text(
            (LEFT + CELL_W * (j as f64 + 0.5), TOP - 8.0),
            col,
            Anchor::Middle,
            "font-size=\"11\" font-weight=\"600\"",
        );
    }
    for (i, row) in h.rows.iter().enumerate() {
        let y = TOP + CELL_H * i as f64;
        svg.text_lines((LEFT - 8.0, y + 19.0), &wrap(row, 32), 13.0, Anchor::End, "font-size=\"12\"");
        for (j, cell) in h.cells[i].iter().enumerate() {
            let x = LEFT + CELL_W * j as f64;
            let centre = (x + CELL_W / 2.0, y + 19.0);
            match cell {
                Cell::Value(v, text) => {
                    let (fill, ink) = colour(*v, h.axis);
                    svg.rect(x, y, CELL_W - 2.0, CELL_H - 2.0, &fill, "");
                    svg.text(centre, text, Anchor::Middle, &format!("fill=\"{ink}\" font-size=\"11\""));
                }
                Cell::Hidden => {
                    svg.rect(x, y, CELL_W - 2.0, CELL_H - 2.0, "url(#tm-hatch)", "");
                    svg.text(centre, "–", Anchor::Middle, "font-size=\"12\" font-weight=\"700\"");
                }
                Cell::NotAsked => {
                    svg.rect(x, y, CELL_W - 2.0, CELL_H - 2.0, "#FFFFFF", "stroke=\"#BDBDBD\"");
                    svg.text(centre, "·", Anchor::Middle, "font-size=\"14\" fill=\"#595959\"");
                }
            }
        }
    }
    let y = TOP + CELL_H * h.rows.len() as f64 + 20.0;
    svg.rect(LEFT, y - 10.0, 18.0, 14.0, "url(#tm-hatch)", "");
    svg.text((LEFT + 24.0, y + 2.0), &format!("– {}", h.hidden_label), Anchor::Start, "font-size=\"11\"");
    svg.rect(LEFT, y + 10.0, 18.0, 14.0, "#FFFFFF", "stroke=\"#BDBDBD\"");
    svg.text((LEFT + 24.0, y + 22.0), &format!("· {}", h.not_asked_label), Anchor::Start, "font-size=\"11\"");
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn low_values_are_light_with_dark_ink_and_high_values_dark_with_white_ink() {
        assert_eq!(colour(1.0, (1.0, 5.0)), ("#DEEBF7".to_owned(), "#000000"));
        assert_eq!(colour(5.0, (1.0, 5.0)), ("#08306B".to_owned(), "#FFFFFF"));
    }
}

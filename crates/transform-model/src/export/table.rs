//! The neutral table every export writes: columns with headers in the reader's language,
//! rows of text and number cells, split into sections (one sheet each in a workbook, one
//! after the other in a CSV file).

use crate::localized::Lang;

/// A column: its header in the chosen language and its width in a workbook (characters).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The header, already in the chosen language.
    pub header: String,
    /// Width of the column in a workbook, in characters.
    pub width: f64,
}

/// One cell: text, a number, or nothing (a figure that is not reported).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, already in the chosen language.
    Text(String),
    /// A number, written as a number (never as text).
    Number(f64),
    /// An amount in kroner: a number, shown with the currency format "kr." in a workbook.
    Kroner(f64),
    /// No value.
    Empty,
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A number cell, or an empty one for `None` or a non-finite number.
    pub fn number(x: Option<f64>) -> Cell {
        x.filter(|x| x.is_finite()).map_or(Cell::Empty, Cell::Number)
    }
}

/// A named block of rows: a worksheet of its own in a workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The sheet name, in the chosen language (at most 31 characters, as Excel allows).
    pub name: String,
    /// Rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// A long ("tidy") table: one row per figure, the same columns in every section.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// Wide sheets besides the long table (a breakdown, ready for Excel); a workbook
    /// writes them after the sections, a CSV file (the long table only) leaves them out.
    pub wide: Vec<WideSheet>,
}

/// A wide sheet with its own columns: one row per unit, one column per dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct WideSheet {
    /// The sheet name, in the chosen language (at most 31 characters).
    pub name: String,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// Rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with these columns (header per language, width) and no rows yet.
    pub(crate) fn new(columns: &[(&str, &str, f64)], lang: Lang) -> Table {
        let columns =
            columns.iter().map(|&(da, en, width)| Column { header: lang.pick(da, en).to_owned(), width }).collect();
        Table { columns, sections: Vec::new(), wide: Vec::new() }
    }

    /// Adds a section; rows are added to the last section with [`Table::push`].
    pub(crate) fn section(&mut self, da: &str, en: &str, lang: Lang) {
        self.sections.push(Section { name: lang.pick(da, en).to_owned(), rows: Vec::new() });
    }

    /// Adds a row to the last section (cells beyond the columns are a bug, caught in tests).
    pub(crate) fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len(), "a row has one cell per column");
        self.sections.last_mut().expect("a section is opened before its rows").rows.push(row);
    }

    /// Every row of every section, in order.
    pub fn rows(&self) -> impl Iterator<Item = &Vec<Cell>> {
        self.sections.iter().flat_map(|s| s.rows.iter())
    }
}

/// A measure: its name per language. Measures are the reader-facing names of the JSON
/// fields behind a figure (docs/exports.md lists them).
pub(crate) struct Measure {
    pub da: &'static str,
    pub en: &'static str,
}

impl Measure {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.da, self.en)
    }
}

/// 0/1 for a yes/no figure, so it sums and averages in a BI tool.
pub(crate) fn flag(b: Option<bool>) -> Option<f64> {
    b.map(|b| if b { 1.0 } else { 0.0 })
}

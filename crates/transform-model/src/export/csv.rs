//! A table as CSV for spreadsheets and BI tools: UTF-8 with a byte-order mark (so Excel
//! reads æ, ø, å as such), a header row in the chosen language, every section's rows one
//! after the other. Danish: `;` between fields and decimal comma, as Danish Excel expects;
//! English: `,` and decimal point.

use super::ExportError;
use super::table::{Cell, Table};
use crate::localized::Lang;

/// The UTF-8 byte-order mark.
const BOM: &str = "\u{feff}";

/// A number as the reader's spreadsheet parses it: the shortest text that reads back as the
/// same number, with a decimal comma under Danish.
fn number(x: f64, lang: Lang) -> String {
    let s = x.to_string();
    match lang {
        Lang::Da => s.replace('.', ","),
        Lang::En => s,
    }
}

/// The table as CSV bytes (see the module documentation).
pub fn to_csv(table: &Table, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let delimiter = match lang {
        Lang::Da => b';',
        Lang::En => b',',
    };
    let mut out = csv::WriterBuilder::new().delimiter(delimiter).from_writer(BOM.as_bytes().to_vec());
    let fail = |e: csv::Error| ExportError::Csv(crate::limits::Cause::new(e));
    out.write_record(table.columns.iter().map(|c| c.header.as_str())).map_err(fail)?;
    for row in table.rows() {
        let fields = row.iter().map(|c| match c {
            Cell::Text(s) => s.clone(),
            Cell::Number(x) | Cell::Kroner(x) => number(*x, lang),
            Cell::Empty => String::new(),
        });
        out.write_record(fields).map_err(fail)?;
    }
    out.into_inner().map_err(|e| ExportError::Csv(crate::limits::Cause::new(e.into_error())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_numbers_take_a_decimal_comma_and_read_back_exactly() {
        for x in [0.1, -2.75, 1.0 / 3.0, 12345.0, 1e-7] {
            let da = number(x, Lang::Da);
            assert!(!da.contains('.'), "{da}");
            assert_eq!(da.replace(',', ".").parse::<f64>().unwrap(), x);
            assert_eq!(number(x, Lang::En).parse::<f64>().unwrap(), x);
        }
        assert_eq!(number(3.0, Lang::Da), "3");
        assert_eq!(number(-0.5, Lang::Da), "-0,5");
    }
}

//! Exports for BI tools and spreadsheets: an assessment, a portfolio analysis, a match or a
//! plan as a long ("tidy") [`Table`] — one row per figure — written as CSV or as an `.xlsx`
//! workbook with one sheet per section. Headers, section and measure names are in the
//! chosen language; docs/exports.md lists the columns and measures.

mod assessment;
mod categories;
mod csv;
mod matching;
mod plan;
mod portfolio;
mod table;
mod units;
#[cfg(feature = "xlsx")]
mod xlsx;

use std::path::Path;
use std::str::FromStr;

pub use self::csv::to_csv;
pub use assessment::assessment_table;
pub use matching::match_table;
pub use plan::plan_table;
pub use portfolio::portfolio_table;
pub use table::{Cell, Column, Section, Table, WideSheet};
#[cfg(feature = "xlsx")]
pub use xlsx::to_xlsx;

use crate::localized::Lang;

/// Why an export could not be written.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("cannot write the CSV: {0}")]
    Csv(#[source] crate::limits::Cause),
    /// The workbook could not be built.
    #[error("cannot build the workbook: {0}")]
    Xlsx(#[source] crate::limits::Cause),
    /// The build leaves out the `xlsx` feature.
    #[error("the xlsx format needs the `xlsx` feature, which this build leaves out")]
    XlsxUnavailable,
    /// The format name is not one of csv, xlsx.
    #[error("unknown export format `{0}` (allowed: csv, xlsx)")]
    UnknownFormat(String),
    /// The folder of the output file does not exist.
    #[error("cannot write `{path}`: the folder `{folder}` does not exist")]
    NoFolder {
        /// The file asked for.
        path: String,
        /// Its missing folder.
        folder: String,
    },
    /// The file could not be written (nothing is left behind).
    #[error("cannot write `{path}`: {source}")]
    Write {
        /// The file asked for.
        path: String,
        /// The system's reason.
        #[source]
        source: crate::limits::IoCause,
    },
}

/// The file formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// CSV (see [`to_csv`]).
    Csv,
    /// An `.xlsx` workbook, one sheet per section.
    Xlsx,
}

impl FromStr for Format {
    type Err = ExportError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            other => Err(ExportError::UnknownFormat(other.to_owned())),
        }
    }
}

/// The table as the bytes of a file in `format`.
pub fn to_bytes(table: &Table, format: Format, lang: Lang) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv => to_csv(table, lang),
        #[cfg(feature = "xlsx")]
        Format::Xlsx => to_xlsx(table),
        #[cfg(not(feature = "xlsx"))]
        Format::Xlsx => Err(ExportError::XlsxUnavailable),
    }
}

/// Writes the table to `path` whole or not at all ([`crate::atomic`]): a missing folder or
/// an unwritable path is an error naming the path, and no partial file is left.
pub fn write_file(table: &Table, format: Format, lang: Lang, path: &Path) -> Result<(), ExportError> {
    let shown = path.display().to_string();
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty() && !f.is_dir()) {
        return Err(ExportError::NoFolder { path: shown, folder: folder.display().to_string() });
    }
    let bytes = to_bytes(table, format, lang)?;
    crate::atomic::write_atomically(path, &bytes).map_err(|e| ExportError::Write { path: shown, source: e.into() })
}

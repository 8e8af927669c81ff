//! Reading a portfolio from a file or a bundled name: JSON or the `portfolio-template`
//! workbook. Apart from `portfolio.rs` so that the portfolio's types stay below the workbook
//! reader, which builds them (imports point down).

use std::path::Path;

use super::PortfolioError;
use super::portfolio::Portfolio;

impl Portfolio {
    /// Reads, parses and validates a portfolio file: JSON, or a workbook (`.xlsx`, the
    /// layout of `portfolio-template`, [`super::workbook`]).
    pub fn from_file(path: impl AsRef<Path>) -> Result<Portfolio, PortfolioError> {
        if path.as_ref().extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm")) {
            let bytes = crate::limits::read_file(path.as_ref())
                .map_err(|source| PortfolioError::Io { path: path.as_ref().display().to_string(), source })?;
            return Portfolio::from_excel_bytes(bytes);
        }
        let text =
            crate::json::read_file(path.as_ref()).map_err(|e| PortfolioError::Io { path: e.path, source: e.source })?;
        Portfolio::from_json(&text)
    }

    /// Reads a portfolio workbook's bytes (the layout of `portfolio-template`).
    pub fn from_excel_bytes(bytes: Vec<u8>) -> Result<Portfolio, PortfolioError> {
        #[cfg(feature = "xlsx")]
        return super::workbook_read::read(bytes);
        #[cfg(not(feature = "xlsx"))]
        {
            let _ = bytes;
            Err(super::WorkbookError::FeatureDisabled.into())
        }
    }

    /// A portfolio by name or path: `sample` is the bundled sample portfolio (unless a file
    /// of that name exists), anything else a file ([`Portfolio::from_file`]).
    pub fn resolve(spec: &str) -> Result<Portfolio, PortfolioError> {
        if spec.trim() == "sample" && !Path::new(spec).exists() {
            return Ok(Portfolio::sample());
        }
        Portfolio::from_file(spec)
    }
}

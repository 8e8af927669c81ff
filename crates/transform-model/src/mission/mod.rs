//! Missions and the initiative portfolio (DOMAIN.md §3; the article's greb 4, 5, 6 and 9).

mod alignment;
mod analysis;
mod balance;
mod closure;
mod corpus;
mod coverage;
mod crossfert;
mod economics;
mod labels;
mod options;
mod organisation;
mod portfolio;
mod portfolio_file;
mod portfolio_validate;
mod rows;
pub mod sample;
mod tags;
#[cfg(feature = "xlsx")]
mod template;
pub mod workbook;
#[cfg(feature = "xlsx")]
mod workbook_read;
#[cfg(feature = "xlsx")]
mod workbook_sheet;

pub use alignment::{AlignmentRow, AlignmentWeights, Components};
pub use analysis::PortfolioAnalysis;
pub use balance::Balance;
pub use closure::{ClosureCandidate, YEARS_TO_JUDGE};
pub use coverage::{Coverage, MissionQuality};
pub use crossfert::CrossPair;
pub use economics::{Economics, Recommendation};
pub use labels::{alignment, code_labels};
pub use options::AnalysisOptions;
pub use organisation::{BudgetMonths, Department, MunicipalityInfo, Organisation, validate_budget_months};
pub use portfolio::{
    Account, CitizenValue, Facet, Indicator, Initiative, Link, Mission, Mode, Portfolio, SAMPLE_PORTFOLIO_JSON, Stage,
    YEARS,
};
pub use rows::{Alignment, Rows};
#[cfg(feature = "xlsx")]
pub use template::portfolio_template;
pub use workbook::WorkbookError;

/// Errors in a portfolio file or its analysis; each names its JSON path or option.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum PortfolioError {
    /// The text is not JSON of the portfolio's shape.
    #[error("portfolio JSON at `{}`: {}", crate::limits::quote(path), crate::limits::bound_message(message))]
    Parse {
        /// JSON path of the problem.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// The JSON breaks a rule of the portfolio (unknown mission, duplicate id, …).
    #[error("invalid portfolio at `{}`: {}", crate::limits::quote(path), crate::limits::bound_message(message))]
    Invalid {
        /// JSON path of the problem.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// The portfolio file could not be read.
    #[error("cannot read portfolio `{}`: {source}", crate::limits::quote(path))]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason, or the file size limit.
        #[source]
        source: crate::limits::ReadError,
    },
    /// A portfolio workbook (.xlsx) with a wrong sheet, column or value.
    #[error(transparent)]
    Workbook(#[from] workbook::WorkbookError),
    /// Neither the portfolio nor the options give the analysis year.
    #[error("no analysis year: give `year` in the portfolio file or as an option")]
    NoAnalysisYear,
    /// An option breaks its rule.
    #[error("option `{name}`: {message}")]
    InvalidOption {
        /// The option.
        name: String,
        /// Its rule and the value given.
        message: String,
    },
}

//! Missions and the initiative portfolio (DOMAIN.md §3; the article's greb 4, 5, 6 and 9).

mod analysis;
mod portfolio;
pub mod report;
pub mod sample;

pub use analysis::{
    AlignmentRow, AlignmentWeights, AnalysisOptions, Balance, ClosureCandidate, Components, Coverage, CrossPair,
    Economics, MissionQuality, PortfolioAnalysis, Recommendation,
};
pub use portfolio::{
    CitizenValue, Facet, Indicator, Initiative, Link, Mission, Mode, MunicipalityInfo, Portfolio,
    SAMPLE_PORTFOLIO_JSON, Stage,
};

/// Errors in a portfolio file or its analysis; each names its JSON path or option.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum PortfolioError {
    #[error("portfolio JSON at `{path}`: {message}")]
    Parse { path: String, message: String },
    #[error("invalid portfolio at `{path}`: {message}")]
    Invalid { path: String, message: String },
    #[error("cannot read portfolio `{path}`: {message}")]
    Io { path: String, message: String },
    #[error("no analysis year: give `year` in the portfolio file or as an option")]
    NoAnalysisYear,
    #[error("option `{name}`: {message}")]
    InvalidOption { name: String, message: String },
}

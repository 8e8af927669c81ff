//! Plain-text tables for terminals and logs (the CLI's `--format table`, Python's
//! `render_table`, C's text accessor): the assessment, its units, the portfolio and the
//! ingredient matches. The HTML report is `crate::report`; this module is not a report.

pub mod assessment;
pub mod matching;
pub mod portfolio;
pub mod units;

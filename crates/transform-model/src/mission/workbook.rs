//! The portfolio as a spreadsheet (`portfolio-template`): sheets Missioner, Indsatser and
//! Organisation (and an optional Kommune sheet) with Danish headers and Danish values, so
//! an analyst keeps the portfolio in Excel instead of writing JSON. This file holds the
//! layout and the errors; `workbook_read` reads a workbook, `template` writes one.

use crate::localized::Lang;

use super::portfolio::{CitizenValue, Facet, Mode, Stage};

/// Sheet names, as the template writes them.
pub const SHEET_MUNICIPALITY: &str = "Kommune";
/// The missions' sheet.
pub const SHEET_MISSIONS: &str = "Missioner";
/// The initiatives' sheet.
pub const SHEET_INITIATIVES: &str = "Indsatser";
/// The departments' sheet.
pub const SHEET_ORGANISATION: &str = "Organisation";

/// The Missioner sheet's headers, in order (the first two are required).
pub(crate) const MISSION_HEADERS: [&str; 7] =
    ["Id", "Titel", "Mission", "Målgrupper", "Resultater", "Forvaltninger", "Horisont (år)"];
/// The Indsatser sheet's headers, in order.
pub(crate) const INITIATIVE_HEADERS: [&str; 17] = [
    "Id",
    "Titel",
    "Beskrivelse",
    "Forvaltninger",
    "Målgrupper",
    "Fase",
    "Type",
    "Innovationstype",
    "Borgerværdi",
    "Startår",
    "Slutår",
    "Udgift pr. år (kr.)",
    "Besparelse pr. år (kr.)",
    "Investering (kr.)",
    "Missioner (id:styrke 0-3)",
    "Ingredienser",
    "Lovpligtig (ja/nej)",
];
/// The Organisation sheet's headers, in order.
pub(crate) const ORGANISATION_HEADERS: [&str; 6] =
    ["Forvaltning", "Udvalg", "Direktør", "MED-udvalg", "Høringsparter", "Ledertimer pr. år"];
/// The Kommune sheet's field names (column A; the value in column B).
pub(crate) const MUNICIPALITY_FIELDS: [&str; 4] = ["Kommune", "Kommunekode", "År", "Central forvaltning"];

/// The stages' Danish names, as the Fase column takes them.
pub const STAGE_VALUES: [(&str, Stage); 6] = [
    ("afdækning", Stage::Screening),
    ("modning", Stage::Maturing),
    ("afprøvning", Stage::Testing),
    ("udbredelse", Stage::Spreading),
    ("drift", Stage::Operations),
    ("afsluttet", Stage::Closed),
];
/// The Type column: an experiment or an improvement of operations.
pub const MODE_VALUES: [(&str, Mode); 2] = [("forsøg", Mode::Explore), ("drift", Mode::Exploit)];
/// The Innovationstype column (OECD facets).
pub const FACET_VALUES: [(&str, Facet); 4] = [
    ("forbedring", Facet::Enhancement),
    ("missionsorienteret", Facet::MissionOriented),
    ("tilpasning", Facet::Adaptive),
    ("fremsynet", Facet::Anticipatory),
];
/// The Borgerværdi column.
pub const CITIZEN_VALUES: [(&str, CitizenValue); 4] = [
    ("ingen", CitizenValue::None),
    ("uklar", CitizenValue::Unclear),
    ("positiv", CitizenValue::Positive),
    ("negativ", CitizenValue::Negative),
];

/// What is wrong in a portfolio workbook: each names the sheet, and where it applies the
/// row (as Excel numbers it), the column's header and the value.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum WorkbookError {
    /// A required sheet is missing.
    #[error("the portfolio workbook has no sheet `{sheet}` (its sheets: {available})")]
    MissingSheet {
        /// The sheet.
        sheet: String,
        /// The workbook's sheets.
        available: String,
    },
    /// A required column is missing from a sheet's header row.
    #[error("sheet `{sheet}` has no column `{column}` in its header row")]
    MissingColumn {
        /// The sheet.
        sheet: String,
        /// The column's header.
        column: String,
    },
    /// A value outside a column's list.
    #[error(
        "sheet `{sheet}`, row {row}, column `{column}`: `{}` is not allowed (allowed: {allowed})",
        crate::limits::quote(value)
    )]
    Value {
        /// The sheet.
        sheet: String,
        /// The row, as Excel numbers it.
        row: usize,
        /// The column's header.
        column: String,
        /// The value found.
        value: String,
        /// The allowed values.
        allowed: String,
    },
    /// A cell that must be a number (an amount, a year, a strength) is not.
    #[error("sheet `{sheet}`, row {row}, column `{column}`: `{}` is not a number", crate::limits::quote(value))]
    Number {
        /// The sheet.
        sheet: String,
        /// The row.
        row: usize,
        /// The column's header.
        column: String,
        /// The value found.
        value: String,
    },
    /// A required cell is empty.
    #[error("sheet `{sheet}`, row {row}, column `{column}` is empty")]
    Empty {
        /// The sheet.
        sheet: String,
        /// The row.
        row: usize,
        /// The column's header.
        column: String,
    },
    /// An id used twice on one sheet.
    #[error(
        "sheet `{sheet}`, row {row}, column `{column}`: id `{}` is already used on row {first_row}",
        crate::limits::quote(value)
    )]
    DuplicateId {
        /// The sheet.
        sheet: String,
        /// The row.
        row: usize,
        /// The column's header.
        column: String,
        /// The id.
        value: String,
        /// The row it was first used on.
        first_row: usize,
    },
    /// The workbook cannot be read (not an .xlsx, damaged).
    #[error("cannot read the portfolio workbook: {message}")]
    Read {
        /// The reader's reason.
        message: String,
    },
    /// This build reads and writes no .xlsx.
    #[error("this build has no .xlsx support (feature `xlsx`); save the portfolio as JSON")]
    FeatureDisabled,
}

impl WorkbookError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use WorkbookError as E;
        if lang == Lang::En {
            return self.to_string();
        }
        let q = |s: &str| crate::limits::quote(s).into_owned();
        match self {
            E::MissingSheet { sheet, available } => {
                format!("porteføljens regneark har intet ark `{sheet}` (dets ark: {available})", sheet = q(sheet))
            }
            E::MissingColumn { sheet, column } => {
                format!(
                    "arket `{sheet}` har ingen kolonne `{column}` i overskriftsrækken",
                    sheet = q(sheet),
                    column = q(column)
                )
            }
            E::Value { sheet, row, column, value, allowed } => {
                format!(
                    "ark `{sheet}`, række {row}, kolonne `{column}`: `{value}` er ikke tilladt (tilladt: {allowed})",
                    value = q(value),
                    sheet = q(sheet),
                    column = q(column)
                )
            }
            E::Number { sheet, row, column, value } => {
                format!(
                    "ark `{sheet}`, række {row}, kolonne `{column}`: `{value}` er ikke et tal",
                    value = q(value),
                    sheet = q(sheet),
                    column = q(column)
                )
            }
            E::Empty { sheet, row, column } => {
                format!("ark `{sheet}`, række {row}, kolonne `{column}` er tom", sheet = q(sheet), column = q(column))
            }
            E::DuplicateId { sheet, row, column, value, first_row } => format!(
                "ark `{sheet}`, række {row}, kolonne `{column}`: id `{value}` er allerede brugt i række {first_row}",
                value = q(value),
                sheet = q(sheet),
                column = q(column)
            ),
            E::Read { message } => format!("porteføljens regneark kan ikke læses: {message}"),
            E::FeatureDisabled => {
                "denne udgave kan ikke læse .xlsx (funktionen `xlsx` mangler); gem porteføljen som JSON".to_owned()
            }
        }
    }
}

impl super::PortfolioError {
    /// The message in `lang`: a workbook's errors in Danish under `Lang::Da`, the others as
    /// their `Display` text.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            super::PortfolioError::Workbook(e) => e.message(lang),
            other => other.to_string(),
        }
    }
}

/// The names a list column allows, for an error: "`afdækning`, `modning`, …".
pub(crate) fn allowed<T>(values: &[(&str, T)]) -> String {
    values.iter().map(|(name, _)| format!("`{name}`")).collect::<Vec<_>>().join(", ")
}

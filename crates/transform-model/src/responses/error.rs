//! Errors in response data, each naming its row, column, item or value.

use super::XlsxError;
use crate::limits::{LimitError, bound_message, quote};

/// Errors in response data. `row` is the line of a CSV file (the header is line 1) or
/// the 1-based record number of a long JSON file.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum ResponseError {
    /// The file has no content at all.
    #[error("the response file is empty")]
    Empty,
    /// The file has a header but no respondent.
    #[error("the response file has no respondents")]
    NoRespondents,
    /// A required column is missing.
    #[error("required column `{column}` is missing")]
    MissingColumn {
        /// The column (`respondent`, `role`, …).
        column: String,
    },
    /// A column that is neither an item nor a known or ignored column.
    #[error(
        "column {index} `{}` is not an item of the model (leave it out, or declare it as a column to ignore)",
        quote(column)
    )]
    UnknownColumn {
        /// The column's header.
        column: String,
        /// Its position, from 1.
        index: usize,
    },
    /// A filter column given beside a matrix or long columns that is no filter of the model.
    #[error("column `{}` is not a filter question of the model (filters: {allowed})", quote(column))]
    UnknownFilter {
        /// The column's name.
        column: String,
        /// The model's filter ids, comma-separated (empty when it has none).
        allowed: String,
    },
    /// Two columns with one header.
    #[error("column `{}` appears twice", quote(column))]
    DuplicateColumn {
        /// The column's header.
        column: String,
    },
    /// An item id the model does not have (long files).
    #[error("row {row}: unknown item `{}`", quote(item))]
    UnknownItem {
        /// The row.
        row: usize,
        /// The item id given.
        item: String,
    },
    /// A role the model does not have.
    #[error(
        "row {row}, column `role`: unknown role `{}` for respondent `{}` (allowed: {allowed})",
        quote(value),
        quote(respondent)
    )]
    UnknownRole {
        /// The row.
        row: usize,
        /// The respondent.
        respondent: String,
        /// The role given.
        value: String,
        /// The model's roles.
        allowed: String,
    },
    /// A role value that is neither a role id, one of the model's role labels nor in the
    /// column map's role values.
    #[error(
        "row {row}, column `{}`: role value `{}` of respondent `{}` is neither a role nor mapped to one (add it to --role-values; roles: {allowed})",
        quote(column),
        quote(value),
        quote(respondent)
    )]
    UnmappedRole {
        /// The row.
        row: usize,
        /// The role column's header.
        column: String,
        /// The respondent.
        respondent: String,
        /// The value found.
        value: String,
        /// The model's roles with their Danish labels.
        allowed: String,
    },
    /// A row without a respondent id.
    #[error("row {row}: respondent id is empty")]
    EmptyRespondent {
        /// The row.
        row: usize,
    },
    /// A respondent id on two rows (wide files).
    #[error("row {row}: duplicate respondent `{}` (first seen on row {first_row})", quote(respondent))]
    DuplicateRespondent {
        /// The row.
        row: usize,
        /// The respondent.
        respondent: String,
        /// The row it was first seen on.
        first_row: usize,
    },
    /// One respondent with two roles (long files).
    #[error(
        "row {row}: respondent `{}` has role `{}` here but `{}` earlier",
        quote(respondent),
        quote(value),
        quote(earlier)
    )]
    RoleConflict {
        /// The row.
        row: usize,
        /// The respondent.
        respondent: String,
        /// The role on this row.
        value: String,
        /// The role on an earlier row.
        earlier: String,
    },
    /// The same respondent answers one item twice (long files).
    #[error("row {row}: respondent `{}` answers item `{item}` twice", quote(respondent))]
    DuplicateAnswer {
        /// The row.
        row: usize,
        /// The respondent.
        respondent: String,
        /// The item.
        item: String,
    },
    /// An answer that is not a whole number (nor empty or "ved ikke").
    #[error(
        "row {row}, column `{column}`: value `{}` of respondent `{}` is not an integer",
        quote(value),
        quote(respondent)
    )]
    NotInteger {
        /// The row.
        row: usize,
        /// The respondent.
        respondent: String,
        /// The column.
        column: String,
        /// The text found.
        value: String,
    },
    /// An answer outside the model's scale.
    #[error(
        "row {row}, column `{column}`: value {value} of respondent `{}` is outside the scale {min}..{max}",
        quote(respondent)
    )]
    OutOfScale {
        /// The row.
        row: usize,
        /// The respondent.
        respondent: String,
        /// The column.
        column: String,
        /// The answer given.
        value: i64,
        /// The scale's lowest answer.
        min: i64,
        /// The scale's highest answer.
        max: i64,
    },
    /// An answer to an item the respondent's role is not asked.
    #[error(
        "row {row}, column `{column}`: respondent `{}` answered {value}, but item `{column}` is not asked of role `{role}`",
        quote(respondent)
    )]
    NotAsked {
        /// The row.
        row: usize,
        /// The respondent.
        respondent: String,
        /// The item's column.
        column: String,
        /// The respondent's role.
        role: String,
        /// The answer given.
        value: i64,
    },
    /// An answer to a filter question that is not ja, nej or ved ikke.
    #[error(
        "row {row}, column `{column}`: filter answer `{}` of respondent `{}` is not ja, nej or ved ikke",
        quote(value),
        quote(respondent)
    )]
    FilterAnswer {
        /// The row.
        row: usize,
        /// The respondent.
        respondent: String,
        /// The filter's column.
        column: String,
        /// The text found.
        value: String,
    },
    /// An answer to a filter question the respondent's role is not asked.
    #[error(
        "row {row}, column `{column}`: respondent `{}` answered filter `{column}`, which is not asked of role `{role}`",
        quote(respondent)
    )]
    FilterNotAsked {
        /// The row.
        row: usize,
        /// The respondent.
        respondent: String,
        /// The filter's column.
        column: String,
        /// The respondent's role.
        role: String,
    },
    /// An answer to an item its filter skipped (the filter was not answered "ja").
    #[error(
        "row {row}, column `{column}`: respondent `{}` answered item `{column}`, but filter `{filter}` was answered `{answer}`, so the item was not asked",
        quote(respondent)
    )]
    SkippedAnswered {
        /// The row.
        row: usize,
        /// The respondent.
        respondent: String,
        /// The item's column.
        column: String,
        /// The filter that skips it.
        filter: String,
        /// The filter's answer (`nej`, `dk`).
        answer: String,
    },
    /// A row that cannot be read (wrong number of fields, bad quoting, bad JSON).
    #[error("row {row}: {}", bound_message(message))]
    Malformed {
        /// The row.
        row: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The file could not be read.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason.
        #[source]
        source: crate::limits::IoCause,
    },
    /// A matrix of answers of the wrong size.
    #[error("{expected} values given for {rows} respondents × {items} items")]
    Shape {
        /// Values given.
        expected: usize,
        /// Respondents.
        rows: usize,
        /// Items.
        items: usize,
    },
    /// An index past the end: a respondent or item that does not exist.
    #[error("{what} index {index} is out of range (there are {len})")]
    IndexOutOfRange {
        /// What is indexed (`respondent`, `item`).
        what: &'static str,
        /// The index given.
        index: usize,
        /// How many there are.
        len: usize,
    },
    /// Responses read for one model used with another.
    #[error("these responses were read for model {responses}, not for model {model}")]
    ModelMismatch {
        /// The model the responses were read for.
        responses: String,
        /// The model given.
        model: String,
    },
    /// A unit column (`department`, `unit`, …) without a value for a respondent.
    #[error("row {row}, column `{column}`: respondent `{respondent}` has no value (every respondent needs a unit)")]
    EmptyUnit {
        /// The row.
        row: usize,
        /// The unit column.
        column: String,
        /// The respondent without a value.
        respondent: String,
    },
    /// A unit named like a role: tables would read it as the role.
    #[error("row {row}, column `{column}`: unit `{value}` is named like role `{role}`; rename the unit")]
    UnitNamedLikeRole {
        /// The row.
        row: usize,
        /// The unit column.
        column: String,
        /// The unit's name.
        value: String,
        /// The role id it reads like.
        role: String,
    },
    /// A respondent's unit (or filter answer) differs between two records of long data.
    #[error("row {row}: respondent `{respondent}` has `{column}` = `{value}` here but `{earlier}` earlier")]
    UnitConflict {
        /// The row.
        row: usize,
        /// The respondent.
        respondent: String,
        /// The unit column.
        column: String,
        /// The value on this row.
        value: String,
        /// The value on an earlier row.
        earlier: String,
    },
    /// A workbook problem: not a workbook, unknown or empty sheet, missing columns.
    #[error(transparent)]
    Xlsx(XlsxError),
    /// A file, header or set of respondents above a limit of [`crate::limits`].
    #[error(transparent)]
    Limit(#[from] LimitError),
    /// The caller cancelled the call ([`crate::cancel`]).
    #[error(transparent)]
    Cancelled(#[from] crate::cancel::Cancelled),
}

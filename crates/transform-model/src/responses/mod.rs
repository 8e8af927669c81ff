//! Questionnaire answers, aligned to a model's items and roles.
//!
//! Answers are stored raw (not reverse-coded) in one dense row-major matrix of small codes,
//! so 100,000 respondents × 40 items take 4 MB and scoring reads them linearly.

mod columns;
mod csv_wide;
mod filters;
pub(crate) mod json_long;
mod messages;
mod options;
mod units;
mod xlsx;

use std::path::Path;

use crate::limits::{Limit, LimitError, bound_message, quote};
use crate::model::Model;

pub use filters::FilterAnswer;
pub use options::{ColumnMap, ColumnMapError, ReadOptions};
pub use units::{DEFAULT_UNIT_COLUMNS, NO_UNIT};
pub use xlsx::{METADATA_COLUMNS, XlsxError, looks_like_xlsx};

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

/// Which model responses were read for: id, version and a hash of the whole definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelKey {
    /// Model id.
    pub id: String,
    /// Model version.
    pub version: String,
    /// Hash of the whole definition ([`Model::fingerprint`]).
    pub fingerprint: u64,
}

impl ModelKey {
    /// The key of `model`.
    pub fn of(model: &Model) -> Self {
        ModelKey { id: model.id().to_owned(), version: model.version().to_owned(), fingerprint: model.fingerprint() }
    }
}

impl std::fmt::Display for ModelKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` {} (definition {:016x})", self.id, self.version, self.fingerprint)
    }
}

/// The answers of a set of respondents to one model's items.
#[derive(Debug, Clone)]
pub struct Responses {
    /// Respondent ids, back to back; respondent r's id ends at `id_ends[r]`. One buffer
    /// instead of a string per respondent keeps 100,000 respondents cheap to read and drop.
    id_text: String,
    id_ends: Vec<usize>,
    roles: Vec<usize>,
    /// `codes[r * n_items + i]` = value − scale.min + 1, or 0 when missing.
    codes: Vec<u8>,
    n_items: usize,
    scale_min: i64,
    scale_max: i64,
    model: ModelKey,
    /// Hash of an id → the first respondent with that hash (duplicate check).
    index: rustc_hash::FxHashMap<u64, usize>,
    /// Respondents whose id hash collided with a different id (64-bit collisions; rare).
    collided: Vec<usize>,
    rows: Vec<usize>,
    /// Unit columns (department, unit, …), one value per respondent.
    units: Vec<units::UnitColumn>,
    /// Filter questions of the model, and the filter of each item (skip logic).
    n_filters: usize,
    item_filter: Vec<Option<usize>>,
    /// `filter_codes[r * n_filters + f]`: 0 not recorded, 1 ja, 2 nej, 3 ved ikke / empty.
    filter_codes: Vec<u8>,
    /// Columns skipped because `ignore_unknown_columns` was set (file order).
    ignored: Vec<String>,
}

/// Equal when the same respondents gave the same answers, wherever they were read from.
impl PartialEq for Responses {
    fn eq(&self, other: &Self) -> bool {
        self.id_text == other.id_text
            && self.id_ends == other.id_ends
            && self.roles == other.roles
            && self.codes == other.codes
            && (self.n_items, self.scale_min, self.scale_max) == (other.n_items, other.scale_min, other.scale_max)
            && self.model == other.model
            && self.units == other.units
            && self.filter_codes == other.filter_codes
    }
}

impl Responses {
    /// An empty set of responses for `model`.
    pub fn new(model: &Model) -> Self {
        Responses {
            id_text: String::new(),
            id_ends: Vec::new(),
            roles: Vec::new(),
            codes: Vec::new(),
            n_items: model.items().len(),
            scale_min: model.scale().min,
            scale_max: model.scale().max,
            model: ModelKey::of(model),
            index: rustc_hash::FxHashMap::default(),
            collided: Vec::new(),
            rows: Vec::new(),
            units: Vec::new(),
            n_filters: model.filters().len(),
            item_filter: (0..model.items().len()).map(|i| model.item_filter(i)).collect(),
            filter_codes: Vec::new(),
            ignored: Vec::new(),
        }
    }

    /// The columns skipped as unknown under [`ReadOptions::ignore_unknown_columns`], to be
    /// shown as a warning (a typo in an item's column lands here too).
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored
    }

    /// Reads a wide CSV (`respondent`, `role`, one column per item id).
    pub fn from_csv_str(model: &Model, text: &str, options: &ReadOptions) -> Result<Self, ResponseError> {
        csv_wide::read(model, text.as_bytes(), options)
    }

    /// Reads a wide CSV file.
    pub fn from_csv_file(model: &Model, path: impl AsRef<Path>, options: &ReadOptions) -> Result<Self, ResponseError> {
        let bytes = read_bytes(path.as_ref())?;
        csv_wide::read(model, &bytes, options)
    }

    /// Reads long JSON: `[{"respondent","role","item","value"}]`.
    pub fn from_long_json(model: &Model, text: &str) -> Result<Self, ResponseError> {
        json_long::read(model, text, &[])
    }

    /// Reads the first sheet (or `options.sheet`) of an `.xlsx` workbook: a wide sheet or an
    /// XLSForm-style export (see [`METADATA_COLUMNS`]).
    pub fn from_xlsx_bytes(model: &Model, bytes: Vec<u8>, options: &ReadOptions) -> Result<Self, ResponseError> {
        xlsx::read(model, "workbook", bytes, options)
    }

    /// Reads a file by its extension: `.json` is long JSON, `.xlsx`/`.xlsm` a workbook,
    /// anything else wide CSV.
    pub fn from_file(model: &Model, path: impl AsRef<Path>, options: &ReadOptions) -> Result<Self, ResponseError> {
        let path = path.as_ref();
        let has_ext = |ext: &str| path.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext));
        if has_ext("xlsx") || has_ext("xlsm") {
            return xlsx::read(model, &path.display().to_string(), read_bytes(path)?, options);
        }
        if let Some(sheet) = &options.sheet {
            let path = path.display().to_string();
            return Err(XlsxError::SheetWithoutWorkbook { path, sheet: sheet.clone() }.into());
        }
        let is_json = has_ext("json");
        if is_json {
            let bytes = read_bytes(path)?;
            let text = std::str::from_utf8(&bytes)
                .map_err(|e| ResponseError::Malformed { row: 0, message: format!("not UTF-8: {e}") })?;
            json_long::read(model, text, &options.unit_columns)
        } else {
            Responses::from_csv_file(model, path, options)
        }
    }

    /// Builds responses from a dense integer matrix (one row per respondent, one column per
    /// entry of `items`), where `missing` marks a missing answer. This is the path for
    /// numpy matrices; the matrix is read in place.
    pub fn from_matrix(
        model: &Model,
        ids: &[String],
        roles: &[String],
        items: &[String],
        values: &[i64],
        missing: i64,
    ) -> Result<Self, ResponseError> {
        if values.len() != ids.len() * items.len() || roles.len() != ids.len() {
            return Err(ResponseError::Shape { expected: values.len(), rows: ids.len(), items: items.len() });
        }
        let columns = items
            .iter()
            .enumerate()
            .map(|(index, id)| {
                model
                    .item_index(id)
                    .ok_or_else(|| ResponseError::UnknownColumn { column: id.clone(), index: index + 1 })
            })
            .collect::<Result<Vec<_>, _>>()?;
        check_unique_columns(items.iter().map(String::as_str))?;
        Limit::Respondents.check(ids.len() as u64)?;
        let mut out = Responses::new(model);
        out.reserve(ids.len());
        for (r, (id, role)) in ids.iter().zip(roles).enumerate() {
            let row = &values[r * items.len()..(r + 1) * items.len()];
            let answers = columns.iter().zip(row).filter(|(_, v)| **v != missing).map(|(&c, &v)| (c, v));
            out.push(model, r + 1, id, role, answers)?;
        }
        out.finish()
    }

    /// Room for `n` more respondents, never more than [`Limit::Respondents`] allows.
    pub(crate) fn reserve(&mut self, n: usize) {
        let n = n.min(Limit::Respondents.max().try_into().unwrap_or(usize::MAX));
        self.id_ends.reserve(n);
        self.index.reserve(n);
        self.roles.reserve(n);
        self.codes.reserve(n * self.n_items);
    }

    /// Adds one respondent; `answers` are (item index, raw value) pairs. Checks role, scale,
    /// role targeting and uniqueness, naming `row` in any error.
    pub fn push(
        &mut self,
        model: &Model,
        row: usize,
        respondent: &str,
        role: &str,
        answers: impl IntoIterator<Item = (usize, i64)>,
    ) -> Result<(), ResponseError> {
        self.check_model(model)?;
        Limit::Respondents.check(self.id_ends.len() as u64 + 1)?;
        let respondent = respondent.trim();
        if respondent.is_empty() {
            return Err(ResponseError::EmptyRespondent { row });
        }
        let role_name = role.trim();
        let role = model.role_index(role_name).ok_or_else(|| ResponseError::UnknownRole {
            row,
            respondent: respondent.to_owned(),
            value: role_name.to_owned(),
            allowed: model.roles().iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", "),
        })?;
        let hash = std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, respondent);
        if let Some(first) = self.find(respondent, hash) {
            return Err(ResponseError::DuplicateRespondent {
                row,
                respondent: respondent.to_owned(),
                first_row: self.rows[first],
            });
        }
        let start = self.codes.len();
        self.codes.resize(start + self.n_items, 0);
        for (item, value) in answers {
            if item >= self.n_items {
                self.codes.truncate(start);
                return Err(ResponseError::IndexOutOfRange { what: "item", index: item, len: self.n_items });
            }
            let column = || model.items()[item].id.clone();
            if value < self.scale_min || value > self.scale_max {
                self.codes.truncate(start);
                return Err(ResponseError::OutOfScale {
                    row,
                    respondent: respondent.to_owned(),
                    column: column(),
                    value,
                    min: self.scale_min,
                    max: self.scale_max,
                });
            }
            if !model.is_asked(role, item) {
                self.codes.truncate(start);
                return Err(ResponseError::NotAsked {
                    row,
                    respondent: respondent.to_owned(),
                    column: column(),
                    role: role_name.to_owned(),
                    value,
                });
            }
            self.codes[start + item] = (value - self.scale_min + 1) as u8;
        }
        let r = self.id_ends.len();
        match self.index.entry(hash) {
            std::collections::hash_map::Entry::Occupied(_) => self.collided.push(r),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(r);
            }
        }
        self.id_text.push_str(respondent);
        self.id_ends.push(self.id_text.len());
        self.roles.push(role);
        self.rows.push(row);
        self.filter_codes.resize(self.filter_codes.len() + self.n_filters, 0);
        Ok(())
    }

    /// The model these responses were read for.
    pub fn model_key(&self) -> &ModelKey {
        &self.model
    }

    /// `ModelMismatch` unless `model` is the model these responses were read for.
    pub fn check_model(&self, model: &Model) -> Result<(), ResponseError> {
        if self.model.fingerprint == model.fingerprint() {
            return Ok(());
        }
        Err(ResponseError::ModelMismatch { responses: self.model.to_string(), model: ModelKey::of(model).to_string() })
    }

    /// The respondent with this id, if any (`hash` is the id's FxHash).
    fn find(&self, id: &str, hash: u64) -> Option<usize> {
        let first = *self.index.get(&hash)?;
        if self.id_at(first) == id {
            return Some(first);
        }
        self.collided.iter().copied().find(|&r| self.id_at(r) == id)
    }

    pub(crate) fn finish(self) -> Result<Self, ResponseError> {
        if self.id_ends.is_empty() { Err(ResponseError::NoRespondents) } else { Ok(self) }
    }

    /// Number of respondents.
    pub fn len(&self) -> usize {
        self.id_ends.len()
    }
    /// No respondents.
    pub fn is_empty(&self) -> bool {
        self.id_ends.is_empty()
    }
    /// Number of items (columns of the model).
    pub fn n_items(&self) -> usize {
        self.n_items
    }
    /// The id of respondent `r`; `None` past the end.
    pub fn respondent_id(&self, r: usize) -> Option<&str> {
        (r < self.len()).then(|| self.id_at(r))
    }
    /// Role index (into the model's roles) of respondent `r`; `None` past the end.
    pub fn role_of(&self, r: usize) -> Option<usize> {
        self.roles.get(r).copied()
    }
    pub(crate) fn id_at(&self, r: usize) -> &str {
        let start = if r == 0 { 0 } else { self.id_ends[r - 1] };
        &self.id_text[start..self.id_ends[r]]
    }
    pub(crate) fn role(&self, r: usize) -> usize {
        self.roles[r]
    }
    /// The raw answer of respondent `r` to item `item` (`None` for "don't know"); an index
    /// past the end is an error, never another respondent's answer.
    pub fn value(&self, r: usize, item: usize) -> Result<Option<i64>, ResponseError> {
        if r >= self.len() {
            return Err(ResponseError::IndexOutOfRange { what: "respondent", index: r, len: self.len() });
        }
        if item >= self.n_items {
            return Err(ResponseError::IndexOutOfRange { what: "item", index: item, len: self.n_items });
        }
        Ok(match self.codes[r * self.n_items + item] {
            0 => None,
            c => Some(c as i64 + self.scale_min - 1),
        })
    }
    /// The code row of respondent `r` (0 = missing, else value − min + 1).
    pub(crate) fn codes(&self, r: usize) -> &[u8] {
        &self.codes[r * self.n_items..(r + 1) * self.n_items]
    }
}

/// Checks a header: no more columns than [`Limit::Columns`], no name twice.
pub(crate) fn check_unique_columns<'a>(names: impl Iterator<Item = &'a str>) -> Result<(), ResponseError> {
    let mut seen = std::collections::HashSet::new();
    for name in names {
        Limit::Columns.check(seen.len() as u64 + 1)?;
        if !seen.insert(name) {
            return Err(ResponseError::DuplicateColumn { column: name.to_owned() });
        }
    }
    Ok(())
}

/// Reads a response file whole, within [`Limit::FileBytes`].
fn read_bytes(path: &Path) -> Result<Vec<u8>, ResponseError> {
    crate::limits::read_file(path).map_err(|e| match e {
        crate::limits::ReadError::Limit(limit) => ResponseError::Limit(limit),
        crate::limits::ReadError::Io(e) => ResponseError::Io { path: path.display().to_string(), source: e },
    })
}

/// Whether a cell means "no answer": empty, `ved ikke`, `don't know`, `NA` (any case).
pub fn is_missing_token(cell: &str) -> bool {
    let t = cell.trim();
    t.is_empty()
        || ["ved ikke", "don't know", "don’t know", "dont know", "na", "n/a", "nan"]
            .iter()
            .any(|m| t.eq_ignore_ascii_case(m))
}

/// Parses an answer cell: an integer, or a decimal that is exactly an integer ("4.0", as
/// pandas writes float columns). Anything else is `None` (the caller reports it).
pub fn parse_answer(cell: &str) -> Option<i64> {
    let t = cell.trim();
    if let Ok(v) = t.parse::<i64>() {
        return Some(v);
    }
    let (whole, frac) = t.split_once('.')?;
    if !frac.is_empty() && frac.bytes().all(|b| b == b'0') { whole.parse::<i64>().ok() } else { None }
}

//! Unit columns (DOMAIN.md §6): `department`, `unit`, or any column named in
//! [`ReadOptions::unit_columns`](super::ReadOptions), read beside the answers so results
//! can be broken down by them.

use super::{ResponseError, Responses};
use crate::model::{Model, OTHER_GROUP};
use crate::text::normalize;

/// Columns read as unit columns without being asked for; the first is the column the
/// questionnaire's department question fills.
pub const DEFAULT_UNIT_COLUMNS: [&str; 2] = [crate::questionnaire::DEPARTMENT_FIELD, "unit"];

/// The unit of a respondent who left the unit blank: counted in every total, and shown as
/// this unit in a breakdown (never dropped, never an error).
pub const NO_UNIT: &str = "uden enhed";

/// One unit column: a label per distinct value and each respondent's label index.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitColumn {
    pub name: String,
    pub labels: Vec<String>,
    pub codes: Vec<u32>,
}

/// Whether a header names a unit column.
pub(crate) fn is_unit_column(name: &str, requested: &[String]) -> bool {
    DEFAULT_UNIT_COLUMNS.contains(&name) || requested.iter().any(|c| c.trim() == name)
}

/// A unit value as read: trimmed, [`NO_UNIT`] when blank, not a role's id (a table would
/// read it as a role).
pub(crate) fn check_value(model: &Model, row: usize, column: &str, value: &str) -> Result<String, ResponseError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(NO_UNIT.to_owned());
    }
    let key = normalize(value);
    let role_like = model.roles().iter().map(|r| r.id.as_str()).chain([OTHER_GROUP]).find(|id| normalize(id) == key);
    if let Some(role) = role_like {
        return Err(ResponseError::UnitNamedLikeRole {
            row,
            column: column.to_owned(),
            value: value.to_owned(),
            role: role.to_owned(),
        });
    }
    Ok(value.to_owned())
}

/// Values of the unit columns while a file is read, one per pushed respondent.
#[derive(Default)]
pub(crate) struct Collector {
    pub names: Vec<String>,
    pub values: Vec<Vec<String>>,
}

impl Collector {
    /// A collector for these column names (file order).
    pub fn new(names: Vec<String>) -> Self {
        let values = vec![Vec::new(); names.len()];
        Collector { names, values }
    }

    /// Attaches the collected columns to `responses`.
    pub fn finish(self, responses: &mut Responses) {
        for (name, values) in self.names.into_iter().zip(self.values) {
            responses.units.push(intern(name, values));
        }
    }
}

fn intern(name: String, values: Vec<String>) -> UnitColumn {
    let mut index: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut labels = Vec::new();
    let codes = values
        .into_iter()
        .map(|v| {
            *index.entry(v).or_insert_with_key(|v| {
                labels.push(v.clone());
                (labels.len() - 1) as u32
            })
        })
        .collect();
    UnitColumn { name, labels, codes }
}

impl Responses {
    /// Names of the unit columns read with the answers (file order).
    pub fn unit_columns(&self) -> impl Iterator<Item = &str> {
        self.units.iter().map(|u| u.name.as_str())
    }

    /// Respondent `r`'s value in unit column `column`; `None` when there is no such column
    /// or respondent.
    pub fn unit_value(&self, column: &str, r: usize) -> Option<&str> {
        let u = self.unit_column(column)?;
        Some(u.labels[*u.codes.get(r)? as usize].as_str())
    }

    pub(crate) fn unit_column(&self, column: &str) -> Option<&UnitColumn> {
        self.units.iter().find(|u| u.name == column)
    }

    /// Adds (or replaces) a unit column from one value per respondent, in respondent
    /// order, with the readers' checks (a row in an error is the respondent's row).
    pub fn with_unit_column(mut self, model: &Model, column: &str, values: &[String]) -> Result<Self, ResponseError> {
        if values.len() != self.len() {
            return Err(ResponseError::Shape { expected: values.len(), rows: self.len(), items: 1 });
        }
        let checked = values
            .iter()
            .enumerate()
            .map(|(r, v)| check_value(model, self.rows[r], column, v))
            .collect::<Result<Vec<_>, _>>()?;
        self.units.retain(|u| u.name != column);
        self.units.push(intern(column.to_owned(), checked));
        Ok(self)
    }

    /// Adds a unit column from rows as the faces' columns hold them: row `i` says respondent
    /// `ids[i]` belongs to unit `values[i]` (a wide matrix has one row per respondent, long
    /// columns one per answer). A respondent's rows must agree (`UnitConflict`); `row` in
    /// errors is the 1-based row.
    pub fn with_unit_rows(
        self,
        model: &Model,
        column: &str,
        ids: &[String],
        values: &[String],
    ) -> Result<Self, ResponseError> {
        if values.len() != ids.len() {
            return Err(ResponseError::Shape { expected: ids.len(), rows: values.len(), items: 1 });
        }
        let mut of: std::collections::HashMap<&str, (usize, String)> = std::collections::HashMap::new();
        for (i, (id, value)) in ids.iter().zip(values).enumerate() {
            let (id, row) = (id.trim(), i + 1);
            let value = check_value(model, row, column, value)?;
            match of.get(id) {
                Some((_, earlier)) if *earlier != value => {
                    let (respondent, column, earlier) = (id.to_owned(), column.to_owned(), earlier.clone());
                    return Err(ResponseError::UnitConflict { row, respondent, column, value, earlier });
                }
                Some(_) => {}
                None => {
                    of.insert(id, (row, value));
                }
            }
        }
        // Every respondent read has rows here (the same ids built the responses).
        let per_respondent: Vec<String> =
            (0..self.len()).map(|r| of.get(self.id_at(r)).map(|(_, v)| v.clone()).unwrap_or_default()).collect();
        self.with_unit_column(model, column, &per_respondent)
    }
}

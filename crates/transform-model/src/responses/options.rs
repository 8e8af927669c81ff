//! How a survey tool's export is read: which columns hold the respondent, the role and the
//! department, how role values map to the model's roles, and which columns to skip.

use std::collections::BTreeMap;

use super::ResponseError;
use crate::model::Model;
use crate::text::normalize;

/// Options for reading survey exports.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Extra columns to skip (survey tools add timestamps, e-mail, …).
    pub ignore_columns: Vec<String>,
    /// The sheet of an `.xlsx` workbook to read (default: the first); only for workbooks.
    pub sheet: Option<String>,
    /// Unit columns to read besides `department` and `unit` (e.g. `--by area`).
    pub unit_columns: Vec<String>,
    /// Which of the export's columns are the respondent, the role and the department.
    pub columns: ColumnMap,
    /// Skip every column that is neither an item nor a known column (instead of failing);
    /// the skipped ones are listed by [`Responses::ignored_columns`](super::Responses::ignored_columns).
    pub ignore_unknown_columns: bool,
}

/// A survey tool's names for the columns this crate calls `respondent`, `role` and
/// `department`, its role values, and its metadata columns. Read from TOML
/// (`respondent = "Respondent-ID"`, `[role_values]`) or a two-column CSV ([`ColumnMap::parse`]).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ColumnMap {
    /// The respondent id's column (default `respondent`).
    #[serde(default)]
    pub respondent: Option<String>,
    /// The role's column (default `role`).
    #[serde(default)]
    pub role: Option<String>,
    /// The department's column, read as the unit column `department`.
    #[serde(default)]
    pub department: Option<String>,
    /// Columns to skip.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// A role value as the export writes it → the model's role id (compared without case,
    /// accents or extra spaces). Role ids and the model's role labels need no entry.
    #[serde(default)]
    pub role_values: BTreeMap<String, String>,
}

/// Why a column map could not be read.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum ColumnMapError {
    /// The TOML is not a column map.
    #[error("column map: {message}")]
    Toml {
        /// The TOML reader's reason.
        message: String,
    },
    /// A CSV line that is not `key,value` with a known key.
    #[error("column map, line {line}: `{key}` is not one of respondent, role, department, ignore, role_value:LABEL")]
    UnknownKey {
        /// The line, from 1.
        line: usize,
        /// The key found.
        key: String,
    },
    /// The map file could not be read.
    #[error("column map `{path}`: {message}")]
    Read {
        /// The file.
        path: String,
        /// The reason.
        message: String,
    },
    /// The CSV could not be read.
    #[error("column map, line {line}: {message}")]
    Csv {
        /// The line.
        line: usize,
        /// The reason.
        message: String,
    },
}

impl ColumnMap {
    /// Reads a map: TOML when `toml` is true, else CSV rows `key,value` with the keys
    /// `respondent`, `role`, `department`, `ignore` (one row per column) and
    /// `role_value:LABEL` (value: the role id). A header row `key,value` or `felt,kolonne` is skipped.
    pub fn parse(text: &str, toml: bool) -> Result<ColumnMap, ColumnMapError> {
        if toml {
            return ::toml::from_str(text).map_err(|e| ColumnMapError::Toml { message: e.message().to_owned() });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let delimiter =
            if text.lines().next().is_some_and(|l| l.contains(';') && !l.contains(',')) { b';' } else { b',' };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut map = ColumnMap::default();
        for (i, record) in reader.records().enumerate() {
            let line = i + 1;
            let record = record.map_err(|e| ColumnMapError::Csv { line, message: e.to_string() })?;
            let key = record.get(0).unwrap_or("").trim();
            let value = record.get(1).unwrap_or("").trim().to_owned();
            match key {
                "" => {}
                "key" | "felt" if line == 1 => {}
                "respondent" => map.respondent = Some(value),
                "role" | "rolle" => map.role = Some(value),
                "department" | "afdeling" | "enhed" => map.department = Some(value),
                "ignore" | "ignorer" => map.ignore.push(value),
                k => match k.split_once(':') {
                    Some(("role_value" | "rolleværdi", label)) => {
                        map.role_values.insert(label.trim().to_owned(), value);
                    }
                    _ => return Err(ColumnMapError::UnknownKey { line, key: k.to_owned() }),
                },
            }
        }
        Ok(map)
    }
}

/// The fixed (non-item) kinds of column a header can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fixed {
    Respondent,
    Role,
    Department,
    Ignored,
}

impl ReadOptions {
    /// The header of the respondent column.
    pub(crate) fn respondent_column(&self) -> &str {
        self.columns.respondent.as_deref().map_or("respondent", str::trim)
    }

    /// The header of the role column.
    pub(crate) fn role_column(&self) -> &str {
        self.columns.role.as_deref().map_or("role", str::trim)
    }

    /// What a header is, when it is not an item: respondent, role, the mapped department,
    /// or a column to skip.
    pub(crate) fn fixed(&self, name: &str) -> Option<Fixed> {
        let name = name.trim();
        let listed = |list: &[String]| list.iter().any(|c| c.trim() == name);
        if name == self.respondent_column() {
            Some(Fixed::Respondent)
        } else if name == self.role_column() {
            Some(Fixed::Role)
        } else if listed(&self.ignore_columns) || listed(&self.columns.ignore) {
            Some(Fixed::Ignored)
        } else if self.columns.department.as_deref().is_some_and(|d| d.trim() == name) {
            Some(Fixed::Department)
        } else {
            None
        }
    }

    /// `MissingColumn` for a mapped department column the header lacks.
    pub(crate) fn check_department(&self, header: &[String]) -> Result<(), ResponseError> {
        match self.columns.department.as_deref().map(str::trim) {
            Some(d) if !header.iter().any(|h| h.trim() == d) => {
                Err(ResponseError::MissingColumn { column: d.to_owned() })
            }
            _ => Ok(()),
        }
    }

    /// The model's role id for a role cell: a `role_values` entry, a role id, or one of the
    /// role's labels in any language (what the questionnaire itself exported).
    pub(crate) fn role_id(&self, model: &Model, cell: &str) -> Option<String> {
        let cell = cell.trim();
        let wanted = normalize(cell);
        if let Some((_, id)) = self.columns.role_values.iter().find(|(label, _)| normalize(label) == wanted) {
            return Some(id.trim().to_owned());
        }
        if model.role_index(cell).is_some() {
            return Some(cell.to_owned());
        }
        model
            .roles()
            .iter()
            .find(|r| normalize(&r.id) == wanted || r.label.0.values().any(|l| normalize(l) == wanted))
            .map(|r| r.id.clone())
    }

    /// [`role_id`](Self::role_id), or the typed error naming row, column and value.
    pub(crate) fn resolve_role(
        &self,
        model: &Model,
        row: usize,
        respondent: &str,
        cell: &str,
    ) -> Result<String, ResponseError> {
        let unmapped = self.columns.role.is_none() && self.columns.role_values.is_empty();
        if unmapped && self.role_id(model, cell).is_none() {
            // No column map: the error of a plain `role` column, as before maps existed.
            return Err(ResponseError::UnknownRole {
                row,
                respondent: respondent.trim().to_owned(),
                value: cell.trim().to_owned(),
                allowed: model.roles().iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", "),
            });
        }
        self.role_id(model, cell).ok_or_else(|| ResponseError::UnmappedRole {
            row,
            column: self.role_column().to_owned(),
            respondent: respondent.trim().to_owned(),
            value: cell.trim().to_owned(),
            allowed: role_choices(model),
        })
    }
}

/// The role ids with their labels, for an error: `frontline (Medarbejder)`.
fn role_choices(model: &Model) -> String {
    model
        .roles()
        .iter()
        .map(|r| match r.label.0.get("da") {
            Some(l) => format!("{} ({l})", r.id),
            None => r.id.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_map_equals_its_toml() {
        let toml = "respondent = \"Respondent-ID\"\nrole = \"Hvad er din rolle?\"\ndepartment = \"Afdeling\"\n\
                    ignore = [\"Start\", \"Slut\"]\n[role_values]\nLeder = \"top_manager\"\n";
        let csv = "felt,kolonne\nrespondent,Respondent-ID\nrole,Hvad er din rolle?\ndepartment,Afdeling\n\
                   ignore,Start\nignore,Slut\nrole_value:Leder,top_manager\n";
        let a = ColumnMap::parse(toml, true).unwrap();
        assert_eq!(a, ColumnMap::parse(csv, false).unwrap());
        assert_eq!(a.role_values.get("Leder").map(String::as_str), Some("top_manager"));
        let e = ColumnMap::parse("rspondent,X\n", false).unwrap_err();
        assert!(matches!(&e, ColumnMapError::UnknownKey { line: 1, key } if key == "rspondent"), "{e:?}");
        assert!(matches!(ColumnMap::parse("rspondent = \"X\"", true), Err(ColumnMapError::Toml { .. })));
    }
}

//! The column map for faces that hold columns rather than a file (a pandas DataFrame): the
//! same classification of headers and the same role mapping the CSV and xlsx readers apply,
//! offered as values so a face only renames its columns and replaces its role cells.

use std::path::Path;

use super::options::Fixed;
use super::units::is_unit_column;
use super::{ColumnMap, ColumnMapError, ReadOptions, ResponseError};
use crate::model::Model;

impl ColumnMap {
    /// Reads a map file as the CLI's `--columns` does: TOML by its `.toml` extension, else CSV.
    pub fn from_file(path: impl AsRef<Path>) -> Result<ColumnMap, ColumnMapError> {
        let path = path.as_ref();
        let text = crate::limits::read_text(path)
            .map_err(|e| ColumnMapError::Read { path: path.display().to_string(), message: e.to_string() })?;
        let toml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        ColumnMap::parse(&text, toml)
    }

    /// This map with `other`'s entries winning: the columns it names, its role values; its
    /// ignored columns are added. (The CLI's flags over its `--columns` file.)
    pub fn overridden_by(mut self, other: ColumnMap) -> ColumnMap {
        self.respondent = other.respondent.or(self.respondent);
        self.role = other.role.or(self.role);
        self.department = other.department.or(self.department);
        self.ignore.extend(other.ignore);
        self.role_values.extend(other.role_values);
        self
    }
}

/// A header read under [`ReadOptions`]: each column's canonical name, or `None` when skipped.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MappedHeader {
    /// Per column: `respondent`, `role`, `department`, a unit column or an item / filter id
    /// as it stands (an unknown column keeps its name: the reader refuses it, naming it);
    /// `None` for a column to skip.
    pub names: Vec<Option<String>>,
    /// Columns skipped as unknown under `ignore_unknown_columns` (header order).
    pub ignored: Vec<String>,
}

impl ReadOptions {
    /// Classifies a header as the file readers do. A column the map names but the header
    /// lacks is [`ResponseError::MissingColumn`] naming the mapped header.
    pub fn map_header(&self, model: &Model, header: &[String]) -> Result<MappedHeader, ResponseError> {
        self.check_department(header)?;
        for mapped in [&self.columns.respondent, &self.columns.role].into_iter().flatten() {
            if !header.iter().any(|h| h.trim() == mapped.trim()) {
                return Err(ResponseError::MissingColumn { column: mapped.trim().to_owned() });
            }
        }
        let mut ignored = Vec::new();
        let names = header
            .iter()
            .map(|name| match self.fixed(name) {
                Some(Fixed::Respondent) => Some("respondent".to_owned()),
                Some(Fixed::Role) => Some("role".to_owned()),
                Some(Fixed::Department) => Some("department".to_owned()),
                Some(Fixed::Ignored) => None,
                None if is_unit_column(name.trim(), &self.unit_columns) => Some(name.trim().to_owned()),
                None if model.item_index(name.trim()).is_some() || model.filter_index(name.trim()).is_some() => {
                    Some(name.trim().to_owned())
                }
                None if self.ignore_unknown_columns => {
                    ignored.push(name.trim().to_owned());
                    None
                }
                None => Some(name.trim().to_owned()),
            })
            .collect();
        Ok(MappedHeader { names, ignored })
    }

    /// The model's role id for each role cell (`role_values`, role ids, the model's role
    /// labels), or the error naming the row (from 1), the column and the value.
    pub fn map_roles(
        &self,
        model: &Model,
        respondents: &[String],
        cells: &[String],
    ) -> Result<Vec<String>, ResponseError> {
        cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let respondent = respondents.get(i).map_or("", String::as_str);
                self.resolve_role(model, i + 1, respondent, cell)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_mapped_header_reads_as_the_canonical_one() {
        let model = Model::default_model();
        let item = model.items()[0].id.clone();
        let mut o = ReadOptions::default();
        o.columns.respondent = Some("Respondent-ID".into());
        o.columns.role = Some("Hvad er din rolle?".into());
        o.columns.department = Some("Afdeling".into());
        o.ignore_columns = vec!["Start".into()];
        o.ignore_unknown_columns = true;
        let h = header(&["Respondent-ID", "Hvad er din rolle?", "Afdeling", "Start", &item, "Kommentar"]);
        let m = o.map_header(&model, &h).unwrap();
        let want = [Some("respondent"), Some("role"), Some("department"), None, Some(item.as_str()), None];
        assert_eq!(m.names, want.map(|w| w.map(str::to_owned)).to_vec());
        assert_eq!(m.ignored, vec!["Kommentar".to_owned()]);
        o.columns.department = Some("Enhed".into());
        assert!(matches!(o.map_header(&model, &h), Err(ResponseError::MissingColumn { column }) if column == "Enhed"));
    }

    #[test]
    fn role_cells_map_through_values_ids_and_labels() {
        let model = Model::default_model();
        let role = &model.roles()[0];
        let label = role.label.0.get("da").cloned().unwrap_or_else(|| role.id.clone());
        let mut o = ReadOptions::default();
        o.columns.role_values.insert("Chef".into(), role.id.clone());
        let ids = header(&["a", "b", "c", "d"]);
        let cells = header(&["chef", &role.id, &label, "Borgmester?"]);
        let e = o.map_roles(&model, &ids, &cells).unwrap_err();
        assert!(matches!(&e, ResponseError::UnmappedRole { row: 4, value, .. } if value == "Borgmester?"), "{e:?}");
        let mapped = o.map_roles(&model, &ids[..3], &cells[..3]).unwrap();
        assert_eq!(mapped, vec![role.id.clone(); 3]);
    }
}

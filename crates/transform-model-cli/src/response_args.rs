//! The options every command that reads survey responses shares (`assess`, `items`, `plan`,
//! `report`): which columns are the respondent, role and department, role values, columns to
//! skip, the sheet of a workbook. One struct, flattened into each command.

use std::path::{Path, PathBuf};

use clap::Args;
use transform_model::responses::{ColumnMap, ReadOptions};
use transform_model::{Lang, Model, Responses};

#[derive(Args, Clone, Default)]
pub struct ResponseArgs {
    /// The column with the respondent id (default `respondent`), e.g. "Respondent-ID".
    #[arg(long)]
    pub respondent_column: Option<String>,
    /// The column with the role (default `role`), e.g. "Hvad er din rolle?".
    #[arg(long)]
    pub role_column: Option<String>,
    /// The column with the department (read as the unit column `department`).
    #[arg(long)]
    pub department_column: Option<String>,
    /// A column map (.toml, or .csv rows `key,value`) naming the three columns, the role
    /// values and the columns to ignore; the flags above win over it.
    #[arg(long)]
    pub columns: Option<PathBuf>,
    /// Role values to role ids, e.g. "Leder=top_manager,Medarbejder=frontline" (role ids and
    /// the questionnaire's own role labels need none).
    #[arg(long, value_delimiter = ',', value_name = "VALUE=ROLE")]
    pub role_values: Vec<String>,
    /// Columns to skip, comma-separated: "Starttidspunkt,Sluttidspunkt,Kommentar".
    #[arg(long = "ignore-columns", visible_alias = "ignore-column", value_delimiter = ',')]
    pub ignore_columns: Vec<String>,
    /// Skip every column that is not an item (listed as a warning); without it such a column
    /// is an error, so a misspelt item column is never lost.
    #[arg(long)]
    pub ignore_unknown_columns: bool,
    /// The sheet of an .xlsx workbook to read (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
}

impl ResponseArgs {
    /// The core's read options, with `unit_columns` (`--by`).
    pub fn read_options(&self, unit_columns: &[String]) -> Result<ReadOptions, String> {
        let mut map = match &self.columns {
            Some(path) => read_map(path)?,
            None => ColumnMap::default(),
        };
        map.respondent = self.respondent_column.clone().or(map.respondent);
        map.role = self.role_column.clone().or(map.role);
        map.department = self.department_column.clone().or(map.department);
        for pair in self.role_values.iter().filter(|p| !p.trim().is_empty()) {
            let (value, role) =
                pair.rsplit_once('=').ok_or_else(|| format!("--role-values: `{pair}` is not VALUE=ROLE"))?;
            map.role_values.insert(value.trim().to_owned(), role.trim().to_owned());
        }
        let mut o = ReadOptions::default();
        o.columns = map;
        o.ignore_columns = self.ignore_columns.iter().map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
        o.ignore_unknown_columns = self.ignore_unknown_columns;
        o.sheet = self.sheet.clone();
        o.unit_columns = unit_columns.to_vec();
        Ok(o)
    }

    /// Reads `path` (or the bundled sample survey for `sample`), in the reader's language;
    /// skipped unknown columns are listed on stderr.
    pub fn read(&self, model: &Model, path: &Path, unit_columns: &[String], lang: Lang) -> Result<Responses, String> {
        let options = self.read_options(unit_columns)?;
        let data = transform_model::maturity::sample::resolve_responses(model, &path.to_string_lossy(), &options);
        let data = data.map_err(|e| format!("{}: {}", path.display(), e.message(lang)))?;
        if !data.ignored_columns().is_empty() {
            let names = data.ignored_columns().iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
            eprintln!(
                "{}",
                lang.pick(
                    &format!("advarsel: disse kolonner er ikke spørgsmål og blev sprunget over: {names}"),
                    &format!("warning: these columns are not items and were skipped: {names}")
                )
            );
        }
        Ok(data)
    }
}

/// A column map file: TOML by its extension, else CSV.
fn read_map(path: &Path) -> Result<ColumnMap, String> {
    let text = transform_model::limits::read_text(path)
        .map_err(|e| format!("cannot read --columns `{}`: {e}", path.display()))?;
    let toml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    ColumnMap::parse(&text, toml).map_err(|e| format!("--columns `{}`: {e}", path.display()))
}

//! Questionnaires out: the model's items as forms that survey tools and workshops can use.
//!
//! Four formats: an XLSForm workbook (KoboToolbox, ODK, Survey123, Enketo), a plain question
//! list as `.xlsx` or CSV for tools that import one, and a printable HTML questionnaire per
//! role. Each is built as data first (rows of cells, or an HTML string), so the content is
//! testable without a spreadsheet reader; writing goes through a temporary file that is
//! renamed into place, so a failed write never leaves half a file.

mod department;
mod html;
mod list;
mod pilot;
mod workbook;
mod xlsform;

use std::path::Path;
use std::str::FromStr;

use crate::localized::Lang;
use crate::model::Model;

pub use department::DEPARTMENT_FIELD;
pub use html::render_html;
pub use list::{list_csv, list_rows};
pub use pilot::pilot_guide;
pub use xlsform::{DONT_KNOW, LANGUAGES, ROLE_FIELD, XlsForm, xlsform};

/// Errors while building or writing a questionnaire.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum QuestionnaireError {
    /// A role the model does not have.
    #[error("unknown role `{role}` (allowed: {allowed})")]
    UnknownRole {
        /// The role given.
        role: String,
        /// The model's roles.
        allowed: String,
    },
    /// A format name that is not xlsform, xlsx, csv or html.
    #[error("unknown questionnaire format `{format}` (allowed: xlsform, xlsx, csv, html)")]
    UnknownFormat {
        /// The format given.
        format: String,
    },
    /// An anonymity threshold below the floor.
    #[error("the anonymity threshold k = {k} is below 3; no assessment would report with it")]
    InvalidThreshold {
        /// The threshold given.
        k: usize,
    },
    /// An id that cannot be a field or choice name of an XLSForm.
    #[error("{what} `{name}` cannot be used in an XLSForm: {reason}")]
    InvalidName {
        /// What kind of id (`item`, `role`, …).
        what: &'static str,
        /// The id.
        name: String,
        /// The rule it breaks.
        reason: &'static str,
    },
    /// A department for the department question that cannot be one.
    #[error("department `{name}` cannot be offered in the questionnaire: {reason}")]
    InvalidDepartment {
        /// The department's name as given.
        name: String,
        /// Why not.
        reason: String,
    },
    /// An .xlsx format was asked for in a build without the `xlsx` feature.
    #[error("the {format} format needs the `xlsx` feature, which this build leaves out")]
    FeatureDisabled {
        /// The format.
        format: &'static str,
    },
    /// Writing the workbook failed.
    #[error("cannot write the workbook: {message}")]
    Workbook {
        /// The writer's reason.
        message: String,
    },
    /// Writing the file failed.
    #[error("cannot write `{path}`: {source}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason.
        #[source]
        source: crate::limits::IoCause,
    },
}

/// The output formats of `questionnaire`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// An XLSForm workbook (`survey`, `choices`, `settings` sheets).
    XlsForm,
    /// The plain question list as an `.xlsx` workbook.
    Xlsx,
    /// The plain question list as CSV (UTF-8).
    Csv,
    /// A printable, self-contained HTML questionnaire, one section per role.
    Html,
}

impl FromStr for Format {
    type Err = QuestionnaireError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "xlsform" => Ok(Format::XlsForm),
            "xlsx" => Ok(Format::Xlsx),
            "csv" => Ok(Format::Csv),
            "html" => Ok(Format::Html),
            _ => Err(QuestionnaireError::UnknownFormat { format: s.to_owned() }),
        }
    }
}

/// What to put in a questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct QuestionnaireOptions {
    /// Only this role's items (and, in an XLSForm, only this role as a choice); `None` = all.
    pub role: Option<String>,
    /// The language of the HTML and the XLSForm's default language; the XLSForm and the
    /// question list always carry both Danish and English.
    pub lang: Lang,
    /// The anonymity threshold k stated to respondents (the `assess` default, 5).
    pub min_group_size: usize,
    /// The municipality's units for the department question ([`DEPARTMENT_FIELD`]), asked
    /// of the roles with a workplace of their own; empty: no department question.
    pub departments: Vec<String>,
}

impl Default for QuestionnaireOptions {
    fn default() -> Self {
        QuestionnaireOptions { role: None, lang: Lang::Da, min_group_size: 5, departments: Vec::new() }
    }
}

/// Indices of the roles a questionnaire is for: the one named in `role`, or all of them.
pub fn select_roles(model: &Model, role: Option<&str>) -> Result<Vec<usize>, QuestionnaireError> {
    match role {
        None => Ok((0..model.roles().len()).collect()),
        Some(name) => model.role_index(name.trim()).map(|r| vec![r]).ok_or_else(|| QuestionnaireError::UnknownRole {
            role: name.to_owned(),
            allowed: model.roles().iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", "),
        }),
    }
}

/// Item indices asked of at least one of `roles`, in model order.
pub(crate) fn items_for(model: &Model, roles: &[usize]) -> Vec<usize> {
    (0..model.items().len()).filter(|&i| roles.iter().any(|&r| model.is_asked(r, i))).collect()
}

/// The anonymity promise in plain words, for the start of every questionnaire.
pub fn anonymity_promise(k: usize, lang: Lang) -> String {
    match lang {
        Lang::Da => format!(
            "Dine svar er anonyme. Ingen resultater vises for grupper med færre end {k} besvarelser, \
             og resultaterne vises kun samlet for hele grupper – aldrig for den enkelte."
        ),
        Lang::En => format!(
            "Your answers are anonymous. No results are shown for groups with fewer than {k} responses, \
             and results are only shown for whole groups – never for one person."
        ),
    }
}

/// The questionnaire as the bytes of a file of `format`.
pub fn render(model: &Model, format: Format, options: &QuestionnaireOptions) -> Result<Vec<u8>, QuestionnaireError> {
    if options.min_group_size < 3 {
        return Err(QuestionnaireError::InvalidThreshold { k: options.min_group_size });
    }
    let roles = select_roles(model, options.role.as_deref())?;
    let departments = department::check(model, &options.departments)?;
    let options = &QuestionnaireOptions { departments, ..options.clone() };
    match format {
        Format::XlsForm => workbook::to_xlsx(&xlsform(model, &roles, options)?.sheets(), "xlsform"),
        Format::Xlsx => workbook::to_xlsx(&[("questions", list_rows(model, &roles, options))], "xlsx"),
        Format::Csv => Ok(list_csv(model, &roles, options).into_bytes()),
        Format::Html => Ok(render_html(model, &roles, options).into_bytes()),
    }
}

/// Writes the questionnaire to `path`: into a temporary file in the same folder, renamed
/// into place when complete, so readers never see a partial file.
pub fn write_file(
    model: &Model,
    format: Format,
    options: &QuestionnaireOptions,
    path: impl AsRef<Path>,
) -> Result<(), QuestionnaireError> {
    let bytes = render(model, format, options)?;
    write_atomically(path.as_ref(), &bytes)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), QuestionnaireError> {
    crate::atomic::write_atomically(path, bytes)
        .map_err(|e| QuestionnaireError::Io { path: path.display().to_string(), source: e.into() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_role_names_the_allowed_ones() {
        let model = Model::default_model();
        let e = select_roles(&model, Some("mayor")).unwrap_err();
        let QuestionnaireError::UnknownRole { role, allowed } = &e else { panic!("{e:?}") };
        assert_eq!(role, "mayor");
        assert_eq!(allowed, "politician, top_manager, middle_manager, frontline, external_partner");
    }

    #[test]
    fn formats_parse_by_name() {
        assert_eq!("XLSForm".parse::<Format>(), Ok(Format::XlsForm));
        assert!(matches!("pdf".parse::<Format>(), Err(QuestionnaireError::UnknownFormat { .. })));
    }

    #[test]
    fn a_failed_write_leaves_no_file() {
        let dir = std::env::temp_dir().join(format!("tm-q-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // The target is a folder, so the rename fails after the temporary file was written.
        let target = dir.join("taken");
        std::fs::create_dir_all(target.join("inner")).unwrap();
        let e = write_atomically(&target, b"data").unwrap_err();
        assert!(matches!(e, QuestionnaireError::Io { .. }), "{e:?}");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("taken")]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

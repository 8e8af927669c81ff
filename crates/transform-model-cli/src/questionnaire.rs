//! `transform-model questionnaire`: the model's items as a form for a survey tool or paper.

use std::path::PathBuf;

use transform_model::questionnaire::{Format, QuestionnaireOptions, write_file};
use transform_model::{Lang, Model};

/// The formats on the command line.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum QuestionnaireFormat {
    /// XLSForm workbook for KoboToolbox, ODK, Survey123, Enketo.
    Xlsform,
    /// The plain question list as .xlsx.
    Xlsx,
    /// The plain question list as CSV.
    Csv,
    /// A printable HTML questionnaire, one section per role.
    Html,
}

impl From<QuestionnaireFormat> for Format {
    fn from(f: QuestionnaireFormat) -> Self {
        match f {
            QuestionnaireFormat::Xlsform => Format::XlsForm,
            QuestionnaireFormat::Xlsx => Format::Xlsx,
            QuestionnaireFormat::Csv => Format::Csv,
            QuestionnaireFormat::Html => Format::Html,
        }
    }
}

/// Where the department question's units come from.
#[derive(clap::Args)]
pub struct DepartmentArgs {
    /// Ask for the respondent's unit, one of these (comma-separated: "Børn og Unge,Teknik");
    /// the answers land in the `department` column the response reader breaks down by.
    #[arg(long, conflicts_with = "portfolio")]
    departments: Option<String>,
    /// Ask for the respondent's unit, one of the departments of this portfolio's organisation
    /// (JSON or a portfolio workbook; `sample` for the bundled one).
    #[arg(long)]
    portfolio: Option<PathBuf>,
}

impl DepartmentArgs {
    /// The units, in the order given; none when neither option is given.
    pub fn resolve(self, lang: Lang) -> Result<Vec<String>, String> {
        if let Some(list) = self.departments {
            return Ok(list.split(',').map(|d| d.trim().to_owned()).collect());
        }
        let Some(path) = self.portfolio else { return Ok(Vec::new()) };
        let portfolio = crate::bundled::portfolio(&path, lang)?;
        match portfolio.organisation {
            Some(org) if !org.departments.is_empty() => Ok(org.departments.into_iter().map(|d| d.name).collect()),
            _ => Err(lang
                .pick(
                    "{path}: porteføljen har ingen organisation med afdelinger (arket Organisation, eller organisation.departments)",
                    "{path}: the portfolio has no organisation with departments (the Organisation sheet, or organisation.departments)",
                )
                .replace("{path}", &path.display().to_string())),
        }
    }
}

/// Writes the questionnaire and says where.
pub fn run(
    model: &Model,
    format: QuestionnaireFormat,
    role: Option<String>,
    lang: Lang,
    min_group_size: usize,
    departments: Vec<String>,
    output: &PathBuf,
) -> Result<String, String> {
    let mut options = QuestionnaireOptions::default();
    options.role = role;
    options.lang = lang;
    options.min_group_size = min_group_size;
    options.departments = departments;
    write_file(model, format.into(), &options, output).map_err(|e| e.to_string())?;
    Ok(format!("{} {}", lang.pick("Skrev", "Wrote"), output.display()))
}

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

/// Writes the questionnaire and says where.
pub fn run(
    model: &Model,
    format: QuestionnaireFormat,
    role: Option<String>,
    lang: Lang,
    min_group_size: usize,
    output: &PathBuf,
) -> Result<String, String> {
    let mut options = QuestionnaireOptions::default();
    options.role = role;
    options.lang = lang;
    options.min_group_size = min_group_size;
    write_file(model, format.into(), &options, output).map_err(|e| e.to_string())?;
    Ok(format!("{} {}", lang.pick("Skrev", "Wrote"), output.display()))
}

//! Response errors in the reader's language: the errors an analyst meets when a survey
//! tool's export is read (columns, roles, values) are said in Danish under `Lang::Da`.

use super::{ResponseError, XlsxError};
use crate::limits::quote;
use crate::localized::Lang;

impl ResponseError {
    /// The message in `lang` (English: the `Display` text). Errors without a Danish text
    /// yet fall back to English.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        danish(self).unwrap_or_else(|| self.to_string())
    }
}

fn danish(e: &ResponseError) -> Option<String> {
    use ResponseError as E;
    // Values from the file are cut to a readable length, as in the English texts.
    let q = |s: &str| quote(s).into_owned();
    Some(match e {
        E::Empty => "svarfilen er tom".to_owned(),
        E::NoRespondents => "svarfilen har ingen besvarelser".to_owned(),
        E::MissingColumn { column } => format!(
            "kolonnen `{column}` mangler i svarfilen (angiv den rigtige kolonne med --respondent-column, --role-column, --department-column eller --columns)",
            column = q(column)
        ),
        E::UnknownColumn { column, index } => format!(
            "kolonne {index} `{column}` er ikke et spørgsmål i modellen (udelad den med --ignore-columns \"{column}\" eller --ignore-unknown-columns)",
            column = q(column)
        ),
        E::DuplicateColumn { column } => format!("kolonnen `{column}` findes to gange", column = q(column)),
        E::UnknownRole { row, respondent, value, allowed } => format!(
            "række {row}, kolonne `role`: ukendt rolle `{value}` for besvarelse `{respondent}` (mulige: {allowed})",
            value = q(value),
            respondent = q(respondent)
        ),
        E::UnmappedRole { row, column, respondent, value, allowed } => format!(
            "række {row}, kolonne `{column}`: rolleværdien `{value}` (besvarelse `{respondent}`) er hverken en rolle eller oversat til en (tilføj den med --role-values \"{value}=ROLLE\"; roller: {allowed})",
            column = q(column),
            value = q(value),
            respondent = q(respondent)
        ),
        E::EmptyRespondent { row } => format!("række {row}: besvarelsens id er tomt"),
        E::DuplicateRespondent { row, respondent, first_row } => {
            format!(
                "række {row}: besvarelsen `{respondent}` findes også i række {first_row}",
                respondent = q(respondent)
            )
        }
        E::NotInteger { row, respondent, column, value } => format!(
            "række {row}, kolonne `{column}`: værdien `{value}` (besvarelse `{respondent}`) er ikke et helt tal",
            column = q(column),
            value = q(value),
            respondent = q(respondent)
        ),
        E::OutOfScale { row, respondent, column, value, min, max } => format!(
            "række {row}, kolonne `{column}`: værdien {value} (besvarelse `{respondent}`) ligger uden for skalaen {min}–{max}",
            column = q(column),
            respondent = q(respondent)
        ),
        E::Xlsx(XlsxError::UnknownSheet { sheet, available }) => {
            format!("regnearket har intet ark `{sheet}` (ark: {available})", sheet = q(sheet))
        }
        E::Xlsx(XlsxError::MissingColumns { sheet, missing, found }) => {
            format!("arket `{sheet}` mangler: {missing} (arkets kolonner: {found})", sheet = q(sheet))
        }
        _ => return None,
    })
}

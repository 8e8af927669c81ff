//! Sheets of text cells written as one `.xlsx` workbook (behind the `xlsx` feature).

use super::QuestionnaireError;

/// A named sheet: its rows, the first being the header.
pub(crate) type Sheet = (&'static str, Vec<Vec<String>>);

/// The workbook's bytes. Every cell is text, so names such as `1` stay `1` (not `1.0`)
/// when a survey tool reads them back.
#[cfg(feature = "xlsx")]
pub(crate) fn to_xlsx(sheets: &[Sheet], _format: &'static str) -> Result<Vec<u8>, QuestionnaireError> {
    let error = |e: rust_xlsxwriter::XlsxError| QuestionnaireError::Workbook { message: e.to_string() };
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).map_err(error)?;
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                if r == 0 {
                    sheet.write_string_with_format(r as u32, c as u16, cell, &bold).map_err(error)?;
                } else {
                    sheet.write_string(r as u32, c as u16, cell).map_err(error)?;
                }
            }
        }
    }
    workbook.save_to_buffer().map_err(error)
}

#[cfg(not(feature = "xlsx"))]
pub(crate) fn to_xlsx(_sheets: &[Sheet], format: &'static str) -> Result<Vec<u8>, QuestionnaireError> {
    Err(QuestionnaireError::FeatureDisabled { format })
}

//! Writes the portfolio workbook template (`portfolio-template`): the sheets of
//! [`super::workbook`] with Danish headers, a filled example row (a fictional
//! municipality), and drop-down lists with the Danish values on the list columns.

use rust_xlsxwriter::{DataValidation, Format, Workbook, Worksheet};

use super::workbook::{
    CITIZEN_VALUES, FACET_VALUES, INITIATIVE_HEADERS, MISSION_HEADERS, MODE_VALUES, MUNICIPALITY_FIELDS,
    ORGANISATION_HEADERS, SHEET_INITIATIVES, SHEET_MISSIONS, SHEET_MUNICIPALITY, SHEET_ORGANISATION, STAGE_VALUES,
    WorkbookError,
};

/// Rows the drop-down lists cover (the header is row 1).
const LIST_ROWS: u32 = 1000;

fn fail(e: rust_xlsxwriter::XlsxError) -> WorkbookError {
    WorkbookError::Read { message: e.to_string() }
}

/// The example rows, one per sheet, in the headers' order.
const EXAMPLE_MISSION: [&str; 7] = [
    "M1",
    "Alle unge finder en positiv destination",
    "Alle unge i kommunen finder vej til uddannelse eller job",
    "unge; unge uden uddannelse",
    "uddannelse eller job",
    "Børn og Unge",
    "2030",
];
const EXAMPLE_INITIATIVE: [&str; 17] = [
    "I1",
    "Ungeguide i jobcentret",
    "En fast guide følger den unge fra første samtale til job eller uddannelse",
    "Børn og Unge",
    "unge uden uddannelse",
    "afprøvning",
    "forsøg",
    "missionsorienteret",
    "uklar",
    "2025",
    "",
    "400000",
    "0",
    "50000",
    "M1:3",
    "",
    "nej",
];
const EXAMPLE_DEPARTMENT: [&str; 6] =
    ["Børn og Unge", "Børne- og Ungeudvalget", "Direktør for Børn og Unge", "Område-MED Børn og Unge", "", "600"];
const EXAMPLE_MUNICIPALITY: [&str; 4] = ["Fjordby Kommune (fiktiv)", "", "2027", ""];

/// The template as `.xlsx` bytes.
pub fn portfolio_template() -> Result<Vec<u8>, WorkbookError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    municipality_sheet(workbook.add_worksheet(), &bold)?;
    table_sheet(workbook.add_worksheet(), SHEET_MISSIONS, &MISSION_HEADERS, &EXAMPLE_MISSION, &bold)?;
    let sheet = workbook.add_worksheet();
    table_sheet(sheet, SHEET_INITIATIVES, &INITIATIVE_HEADERS, &EXAMPLE_INITIATIVE, &bold)?;
    let names = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    list(sheet, 5, &names(&STAGE_VALUES.map(|(n, _)| n)))?;
    list(sheet, 6, &names(&MODE_VALUES.map(|(n, _)| n)))?;
    list(sheet, 7, &names(&FACET_VALUES.map(|(n, _)| n)))?;
    list(sheet, 8, &names(&CITIZEN_VALUES.map(|(n, _)| n)))?;
    list(sheet, 16, &names(&["ja", "nej"]))?;
    table_sheet(workbook.add_worksheet(), SHEET_ORGANISATION, &ORGANISATION_HEADERS, &EXAMPLE_DEPARTMENT, &bold)?;
    workbook.save_to_buffer().map_err(fail)
}

/// A sheet of one header row and one example row.
fn table_sheet(
    sheet: &mut Worksheet,
    name: &str,
    headers: &[&str],
    example: &[&str],
    bold: &Format,
) -> Result<(), WorkbookError> {
    sheet.set_name(name).map_err(fail)?;
    for (c, (header, value)) in headers.iter().zip(example).enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, *header, bold).map_err(fail)?;
        sheet
            .set_column_width(c, (header.chars().count().max(value.chars().count().min(40)) + 2) as f64)
            .map_err(fail)?;
        write_cell(sheet, 1, c, value)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    Ok(())
}

/// The Kommune sheet: a field per row, its value beside it.
fn municipality_sheet(sheet: &mut Worksheet, bold: &Format) -> Result<(), WorkbookError> {
    sheet.set_name(SHEET_MUNICIPALITY).map_err(fail)?;
    sheet.set_column_width(0, 22).map_err(fail)?;
    sheet.set_column_width(1, 30).map_err(fail)?;
    for (r, (field, value)) in MUNICIPALITY_FIELDS.iter().zip(EXAMPLE_MUNICIPALITY).enumerate() {
        sheet.write_string_with_format(r as u32, 0, *field, bold).map_err(fail)?;
        write_cell(sheet, r as u32, 1, value)?;
    }
    Ok(())
}

/// Whole numbers as numbers, other text as text, empty as nothing.
fn write_cell(sheet: &mut Worksheet, r: u32, c: u16, value: &str) -> Result<(), WorkbookError> {
    match value.parse::<f64>() {
        _ if value.is_empty() => Ok(()),
        Ok(x) => sheet.write_number(r, c, x).map(|_| ()).map_err(fail),
        Err(_) => sheet.write_string(r, c, value).map(|_| ()).map_err(fail),
    }
}

/// A drop-down list of `values` on column `c` below the header.
fn list(sheet: &mut Worksheet, c: u16, values: &[String]) -> Result<(), WorkbookError> {
    let shown = values.join(", ");
    let validation = DataValidation::new()
        .allow_list_strings(values)
        .map_err(fail)?
        .set_error_title("Ugyldig værdi")
        .map_err(fail)?
        .set_error_message(format!("Vælg en af: {shown}"))
        .map_err(fail)?;
    sheet.add_data_validation(1, c, LIST_ROWS, c, &validation).map_err(fail)?;
    Ok(())
}

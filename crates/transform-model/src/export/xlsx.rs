//! A table as an `.xlsx` workbook: one worksheet per section, the header row bold and
//! frozen with a filter on it, columns sized, numbers written as numbers.

use rust_xlsxwriter::{Format, Workbook};

use super::ExportError;
use super::table::{Cell, Table, WideSheet};

fn fail(e: rust_xlsxwriter::XlsxError) -> ExportError {
    ExportError::Xlsx(crate::limits::Cause::new(e))
}

/// The table as `.xlsx` bytes (see the module documentation).
pub fn to_xlsx(table: &Table) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let kroner = Format::new().set_num_format("#,##0 \"kr.\"");
    for section in &table.sections {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&section.name).map_err(fail)?;
        for (c, column) in table.columns.iter().enumerate() {
            let c = c as u16;
            sheet.write_string_with_format(0, c, &column.header, &bold).map_err(fail)?;
            sheet.set_column_width(c, column.width).map_err(fail)?;
        }
        for (r, row) in section.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(s) if !s.is_empty() => sheet.write_string(r, c as u16, s).map(|_| ()),
                    Cell::Number(x) => sheet.write_number(r, c as u16, *x).map(|_| ()),
                    Cell::Kroner(x) => sheet.write_number_with_format(r, c as u16, *x, &kroner).map(|_| ()),
                    _ => Ok(()),
                }
                .map_err(fail)?;
            }
        }
        let last_column = table.columns.len().saturating_sub(1) as u16;
        sheet.autofilter(0, 0, section.rows.len() as u32, last_column).map_err(fail)?;
        sheet.set_freeze_panes(1, 0).map_err(fail)?;
    }
    for wide in &table.wide {
        write_wide(workbook.add_worksheet(), wide, &bold)?;
    }
    workbook.save_to_buffer().map_err(fail)
}

/// A wide sheet: its own header row (bold, frozen, filtered), then its rows.
fn write_wide(sheet: &mut rust_xlsxwriter::Worksheet, wide: &WideSheet, bold: &Format) -> Result<(), ExportError> {
    sheet.set_name(&wide.name).map_err(fail)?;
    for (c, column) in wide.columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, &column.header, bold).map_err(fail)?;
        sheet.set_column_width(c as u16, column.width).map_err(fail)?;
    }
    for (r, row) in wide.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match cell {
                Cell::Text(s) if !s.is_empty() => sheet.write_string(r, c, s).map(|_| ()),
                Cell::Number(x) | Cell::Kroner(x) => sheet.write_number(r, c, *x).map(|_| ()),
                _ => Ok(()),
            }
            .map_err(fail)?;
        }
    }
    let last_column = wide.columns.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, wide.rows.len() as u32, last_column).map_err(fail)?;
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    Ok(())
}

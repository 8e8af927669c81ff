//! The plan as a workbook for the økonomiafdeling: one row per action (planned and
//! deferred) with year, quarter, owner, budget year, kroner and hours — numbers as numbers,
//! headers in the chosen language, header row frozen, columns sized. The table is
//! [`crate::export::plan_table`]; this is its workbook.

use super::Plan;
use crate::export::{ExportError, plan_table, to_xlsx as table_to_xlsx};
use crate::localized::Lang;

/// The plan as `.xlsx` bytes (sheet "Handlinger" / "Actions").
pub fn to_xlsx(plan: &Plan, lang: Lang) -> Result<Vec<u8>, ExportError> {
    table_to_xlsx(&plan_table(plan, lang))
}
